/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SQLite side of HcsStore, for the store files only (hcs-store*.c and
 * hcs-migrations.c): no other file includes this header. */
#pragma once

#include <sqlite3.h>

#include "hcs-rows.h"
#include "hcs-store.h"
#include "hcs-store-stmt.h"

G_BEGIN_DECLS

/* Recent sessions of one connection, for the token check (hcs-store-users.c). */
typedef struct _HcsSessionCache HcsSessionCache;

void              hcs_session_cache_free    (HcsSessionCache *cache);
HcsSessionCache **hcs_store_session_cache   (HcsStore        *self);

/* The heat map's roll-up in memory, over SQLite (hcs-store-risk.c). */
typedef struct _HcsRiskRollupCopy HcsRiskRollupCopy;

void                hcs_risk_rollup_copy_free  (HcsRiskRollupCopy *copy);
HcsRiskRollupCopy **hcs_store_risk_rollup_copy (HcsStore          *self);

sqlite3      *hcs_store_get_db              (HcsStore      *self);
gint64        hcs_store_total_changes       (HcsStore      *self);
HcsStmt      *hcs_store_prepare             (HcsStore      *self,
                                             const char    *sql,
                                             GError       **error);
HcsStmt      *hcs_store_prepare_ignoring_duplicates (HcsStore *self,
                                             const char    *sql,
                                             GError       **error);
int           hcs_store_step                (HcsStore      *self,
                                             HcsStmt       *stmt,
                                             GError       **error);
gboolean      hcs_store_step_done           (HcsStore      *self,
                                             HcsStmt       *stmt,
                                             GError       **error);
gboolean      hcs_store_exec                (HcsStore      *self,
                                             const char    *sql,
                                             GError       **error);
gint64        hcs_store_single_int          (HcsStore      *self,
                                             HcsStmt       *stmt,
                                             GError       **error);
gboolean      hcs_store_check_versioned_update (HcsStore   *self,
                                             const char    *exists_sql,
                                             gint64         id,
                                             GError       **error);
gint64        hcs_store_insert              (HcsStore      *self,
                                             HcsStmt       *stmt,
                                             GError       **error);
JsonObject   *hcs_store_get_object          (HcsStore      *self,
                                             HcsStmt       *stmt,
                                             GError       **error);
gint64        hcs_store_last_insert_rowid   (HcsStore      *self);
int           hcs_store_changes             (HcsStore      *self);
gboolean      hcs_store_set_error           (HcsStore      *self,
                                             int            rc,
                                             GError       **error);
JsonObject   *hcs_store_row_object          (HcsStmt       *stmt);
JsonArray    *hcs_store_rows_array          (HcsStore      *self,
                                             HcsStmt       *stmt,
                                             guint          max_rows,
                                             GError       **error);
HcsRows      *hcs_store_rows_read           (HcsStore      *self,
                                             HcsStmt       *stmt,
                                             guint          max_rows,
                                             GError       **error);
void          hcs_store_bind_text           (HcsStmt       *stmt,
                                             int            index,
                                             const char    *text);
void          hcs_store_bind_json           (HcsStmt       *stmt,
                                             int            index,
                                             JsonNode      *node);

/* One value of a listing's filter, bound to its statement's ?1 … ?n in
 * order: a text (NULL binds SQL NULL, which the filters read as "any") or
 * an integer. Written as a list where the filter is read:
 *
 *   const HcsStoreValue where[] = { HCS_STORE_TEXT (list_type),
 *                                   HCS_STORE_TEXT (filter->state) };
 *   hcs_store_bind_filter (stmt, where, G_N_ELEMENTS (where));
 */
typedef struct
{
  const char *text;
  gint64      integer;
  gboolean    is_integer;
} HcsStoreValue;

#define HCS_STORE_TEXT(t) { .text = (t) }
#define HCS_STORE_INT(i)  { .integer = (i), .is_integer = TRUE }

void          hcs_store_bind_filter         (HcsStmt             *stmt,
                                             const HcsStoreValue *values,
                                             guint                n_values);
gint64        hcs_store_count_filtered      (HcsStore            *self,
                                             const char          *count_sql,
                                             const HcsStoreValue *values,
                                             guint                n_values,
                                             GError             **error);

/* The backends' side of HcsStmt (hcs-store-stmt.c), for hcs-store.c. */
typedef struct _HcsPg HcsPg;
HcsStmt      *hcs_stmt_new_sqlite           (sqlite3_stmt  *sq);
void          hcs_stmt_free                 (HcsStmt       *stmt);
sqlite3_stmt *hcs_stmt_get_sqlite           (HcsStmt       *stmt);
int           hcs_stmt_pg_step              (HcsStmt       *stmt,
                                             HcsPg         *pg,
                                             gint64        *last_id,
                                             gint64        *changes,
                                             GError       **error);

/* Whether the store is PostgreSQL (hcs-store-pg*.c) rather than SQLite. */
gboolean      hcs_store_is_pg               (HcsStore      *self);
HcsPg        *hcs_store_get_pg              (HcsStore      *self);

G_END_DECLS
