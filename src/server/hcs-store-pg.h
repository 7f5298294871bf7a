/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsPg: a connection to the PostgreSQL backend (issue 15) — open, SQL,
 * transactions and the schema migrations of schema/pg/. The libpq types
 * stay in the store files (hcs-store-pg*.c). */
#pragma once

#include <glib.h>

#include "hcs-store.h"
#include "hcs-store-imports.h"

G_BEGIN_DECLS

typedef struct _HcsPg HcsPg;

gboolean      hcs_pg_is_uri                 (const char    *text);
void          hcs_pg_text_array_append      (GString       *array,
                                             const char    *text);
HcsPg        *hcs_pg_open                   (const char    *uri,
                                             GError       **error);
HcsPg        *hcs_pg_open_again             (HcsPg         *like,
                                             GError       **error);
void          hcs_pg_free                   (HcsPg         *self);
gboolean      hcs_pg_reconnect_if_broken    (HcsPg         *self,
                                             gboolean      *reconnected,
                                             GError       **error);

gboolean      hcs_pg_make_functions         (HcsPg         *self,
                                             GError       **error);
gboolean      hcs_pg_is_standby             (HcsPg         *self);
void          hcs_pg_seek_standby           (HcsPg         *self,
                                             guint          every_s);
guint         hcs_pg_set_wait               (HcsPg         *self,
                                             guint          wait_ms);
gboolean      hcs_pg_exec                   (HcsPg         *self,
                                             const char    *sql,
                                             GError       **error);
gboolean      hcs_pg_in_transaction         (HcsPg         *self);
gboolean      hcs_pg_begin                  (HcsPg         *self,
                                             GError       **error);
gboolean      hcs_pg_commit                 (HcsPg         *self,
                                             GError       **error);
void          hcs_pg_rollback               (HcsPg         *self);

int           hcs_pg_get_schema_version     (HcsPg         *self,
                                             GError       **error);
gboolean      hcs_pg_apply_migrations       (HcsPg         *self,
                                             int            from_version,
                                             GError       **error);
gboolean      hcs_pg_migrate                (HcsPg         *self,
                                             GError       **error);

/* One table of `migrate`: its rows and the SHA-256 of their canonical text
 * (PostgreSQL's COPY text form, ordered by primary key) on each side. */
typedef struct
{
  char    *table;
  gint64   source_rows;
  gint64   target_rows;
  char    *source_sha256;
  char    *target_sha256;
} HcsPgTableCheck;

void          hcs_pg_table_check_free       (HcsPgTableCheck *check);
gboolean      hcs_pg_table_check_matches    (const HcsPgTableCheck *check);

GPtrArray    *hcs_pg_copy_from_sqlite       (HcsPg         *self,
                                             HcsStore      *source,
                                             gboolean      *all_match,
                                             GError       **error);

/* Reads from a replica (--db-read, hcs-store-pg-replica.c). */
gboolean      hcs_store_sessions_note_write (HcsStore        *primary,
                                             const char      *token_hash,
                                             GError         **error);
gboolean      hcs_store_replica_is_current  (HcsStore        *primary,
                                             HcsStore        *replica,
                                             const char      *token_hash,
                                             GError         **error);
void          hcs_store_replica_seek_standby (HcsStore       *replica,
                                              guint           every_s);

/* The month partitions kept ahead (hcs-store-pg-parts.c). */
gboolean      hcs_pg_keep_partitions        (HcsPg              *pg,
                                             const char         *today,
                                             GError            **error);
gboolean      hcs_pg_partitions_for_months  (HcsPg              *pg,
                                             const char         *table,
                                             const char * const *months,
                                             GError            **error);
gboolean      hcs_store_keep_partitions     (HcsStore           *store,
                                             GError            **error);

/* The versions' sets of the translation's functions, hcs_sqlite_HASH
 * (hcs-store-pg-functions.c). */
typedef struct
{
  char     *schema;
  char     *comment;     /* names the version that made it */
  gboolean  own;         /* this server's */
  gboolean  in_use;      /* a running server (of another process) holds it */
  gboolean  dropped;
} HcsPgFunctionSet;

void          hcs_pg_function_set_free      (HcsPgFunctionSet *set);
gboolean      hcs_pg_hold_functions         (HcsPg           *pg,
                                             GError         **error);
GPtrArray    *hcs_pg_function_sets          (HcsPg           *pg,
                                             gboolean         drop_unused,
                                             GError         **error);

/* `check` over PostgreSQL (hcs-store-pg-check.c). */
char         *hcs_pg_check                  (HcsPg           *pg,
                                             int              latest_version,
                                             GError         **error);
char         *hcs_pg_summary                (HcsPg           *pg,
                                             GError         **error);

/* An import's rows staged with COPY (hcs-store-pg-import.c), for
 * HcsRecordInsert. */
typedef struct _HcsPgStage HcsPgStage;

HcsPgStage   *hcs_pg_stage_new              (HcsPg           *pg,
                                             HcsRecordTable   table,
                                             gint64           import_id,
                                             gint64           item_id,
                                             gboolean         require_subject,
                                             GError         **error);
void          hcs_pg_stage_free             (HcsPgStage      *stage);
void          hcs_pg_stage_bind_text        (HcsPgStage      *stage,
                                             int              param,
                                             const char      *text);
void          hcs_pg_stage_bind_double      (HcsPgStage      *stage,
                                             int              param,
                                             double           value);
void          hcs_pg_stage_bind_int         (HcsPgStage      *stage,
                                             int              param,
                                             gint64           value);
gboolean      hcs_pg_stage_row              (HcsPgStage      *stage,
                                             gint64           row,
                                             GError         **error);
gboolean      hcs_pg_stage_rejection        (HcsPgStage      *stage,
                                             gint64           row,
                                             const char      *field,
                                             const char      *code,
                                             const char      *message,
                                             GError         **error);
gboolean      hcs_pg_stage_finish           (HcsPgStage      *stage,
                                             HcsStagedCounts *counts,
                                             GError         **error);
int           hcs_pg_stage_next             (HcsPgStage      *stage,
                                             HcsStagedRow    *out,
                                             GError         **error);

/* A bulk load of one table with COPY (hcs-store-pg-bulk.c): the demo
 * seeding's subjects and risk events. */
typedef struct _HcsPgBulk HcsPgBulk;

HcsPgBulk    *hcs_pg_bulk_new               (HcsPg              *pg,
                                             const char         *table,
                                             const char * const *columns);
void          hcs_pg_bulk_free              (HcsPgBulk       *bulk);
gboolean      hcs_pg_bulk_row               (HcsPgBulk          *bulk,
                                             const char * const *values,
                                             GError            **error);
gboolean      hcs_pg_bulk_flush             (HcsPgBulk       *bulk,
                                             GError         **error);
gint64        hcs_pg_bulk_rows              (HcsPgBulk       *bulk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsPg, hcs_pg_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsPgBulk, hcs_pg_bulk_free)

G_END_DECLS
