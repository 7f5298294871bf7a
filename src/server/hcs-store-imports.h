/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL of 归集: imports, their rejections, the records they bring, quality. */
#pragma once

#include "hcs-request.h"

G_BEGIN_DECLS

/* The record tables an import writes into; see hcs-import-kinds.c for columns. */
typedef enum
{
  HCS_RECORD_PENALTY,
  HCS_RECORD_LICENSE,
  HCS_RECORD_COMMITMENT,
  HCS_RECORD_SUBJECT,       /* 登记注册基本信息: rows of the register itself */
} HcsRecordTable;

gboolean      hcs_store_imports_item           (HcsStore        *store,
                                                gint64           item_id,
                                                char           **category,
                                                char           **subject_type,
                                                GError         **error);
gint64        hcs_store_imports_find_sha       (HcsStore        *store,
                                                const char      *sha256,
                                                GError         **error);
gint64        hcs_store_imports_insert         (HcsStore        *store,
                                                const char      *kind,
                                                gint64           item_id,
                                                const char      *actor,
                                                const char      *file_name,
                                                const char      *sha256,
                                                const char      *encoding,
                                                GError         **error);
gboolean      hcs_store_imports_finish         (HcsStore        *store,
                                                gint64           import_id,
                                                gint64           rows_read,
                                                gint64           accepted,
                                                gint64           rejected,
                                                gint64           uscc_errors,
                                                gint64           uscc_duplicates,
                                                gint64           other_errors,
                                                gint64           duration_ms,
                                                const char      *reasons,
                                                const char      *sha256,
                                                GError         **error);
gboolean      hcs_store_imports_add_collected  (HcsStore        *store,
                                                gint64           item_id,
                                                gint64           n,
                                                GError         **error);
gboolean      hcs_store_imports_reject         (HcsStore        *store,
                                                gint64           import_id,
                                                gint64           row,
                                                const char      *field,
                                                const char      *code,
                                                const char      *message,
                                                GError         **error);
gint64        hcs_store_imports_subject_id     (HcsStore        *store,
                                                const char      *identifier,
                                                GError         **error);
char         *hcs_store_imports_subject_name   (HcsStore        *store,
                                                const char      *identifier,
                                                GError         **error);
gint64        hcs_store_imports_last_record_id (HcsStore        *store,
                                                HcsRecordTable   table,
                                                GError         **error);
gint64        hcs_store_imports_count_duplicates (HcsStore      *store,
                                                HcsRecordTable   table,
                                                gint64           import_id,
                                                gint64           after_id,
                                                gboolean         count_registered,
                                                gboolean         any_unregistered,
                                                GError         **error);
/* The registered identifiers of a big import, read once in its
 * transaction (so they are the truth for it): a sorted array searched in
 * memory instead of an index probe per row. */
typedef struct _HcsSubjectIndex HcsSubjectIndex;

gint64        hcs_store_imports_subject_count  (HcsStore        *store,
                                                GError         **error);
HcsSubjectIndex *hcs_store_imports_subject_index (HcsStore      *store,
                                                GError         **error);
gint64        hcs_subject_index_lookup         (const HcsSubjectIndex *index,
                                                const char      *identifier,
                                                guint64         *name_hash);
void          hcs_subject_index_lookup_many    (const HcsSubjectIndex *index,
                                                const char * const *identifiers,
                                                gsize            n,
                                                gint64          *ids,
                                                guint64         *name_hashes);
guint64       hcs_subject_index_name_hash      (const char      *name);
void          hcs_subject_index_free           (HcsSubjectIndex *index);
gboolean      hcs_store_imports_foreign_keys   (HcsStore        *store,
                                                gboolean         on,
                                                GError         **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsSubjectIndex, hcs_subject_index_free)

/* A record table's own indexes dropped for a big import's rows and built
 * again after them, in its transaction (SQLite; nothing over PostgreSQL). */
typedef struct _HcsDeferredIndexes HcsDeferredIndexes;

HcsDeferredIndexes *hcs_store_imports_defer_indexes (HcsStore   *store,
                                                HcsRecordTable   table,
                                                GError         **error);
gboolean      hcs_store_imports_rebuild_indexes (HcsStore       *store,
                                                HcsDeferredIndexes *deferred,
                                                GError         **error);
void          hcs_deferred_indexes_free        (HcsDeferredIndexes *deferred);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsDeferredIndexes, hcs_deferred_indexes_free)

/* The insert of one import's rows into a record table: bind a row's
 * values, then write it. Over SQLite (and over PostgreSQL with
 * HCS_IMPORT_PG=rows) each row is written as it comes, with the prepared
 * statement; over PostgreSQL the rows and the rejections the checks found
 * are staged (COPY into a temporary table, hcs-store-pg-import.c) and
 * written at the end by hcs_store_imports_record_finish(), which tells
 * which good rows were not written (hcs_store_imports_record_next()). */
typedef struct _HcsRecordInsert HcsRecordInsert;

/* ?1 … ?9: the values of a row a staged insert keeps (?2 is subject_id,
 * which it finds itself; ?20 and ?21, item_id and import_id, it has). */
#define HCS_RECORD_VALUES 9

/* A rejection the checks found (code set), or a good row that was not
 * written (code NULL): its number was there already or earlier in the
 * file, or its subject is not registered (subject_known). */
typedef struct
{
  gint64      row;
  const char *field;
  const char *code;
  const char *message;
  gboolean    subject_known;
  gint64      owner;      /* a record not written: the import of the record
                           * that has its number now (0: none), -1 unknown */
  const char *value[HCS_RECORD_VALUES + 1];   /* by parameter; [0] and [2] unused */
} HcsStagedRow;

/* What the staged rows came to (hcs_store_imports_record_finish()). */
typedef struct
{
  gint64 written;
  gint64 other_name;      /* records written of a registered subject under
                           * another name (重码) */
  gint64 unregistered;    /* records written without a subject */
} HcsStagedCounts;

#define HCS_RECORD_STAGED 2

gboolean      hcs_store_imports_stages_rows    (HcsStore        *store);
HcsRecordInsert *hcs_store_imports_record_insert (HcsStore      *store,
                                                HcsRecordTable   table,
                                                gint64           import_id,
                                                gint64           item_id,
                                                gboolean         look_up_subject,
                                                gboolean         require_subject,
                                                GError         **error);
void          hcs_record_insert_free           (HcsRecordInsert *insert);
gboolean      hcs_record_insert_stages         (HcsRecordInsert *insert);
void          hcs_record_insert_bind_text      (HcsRecordInsert *insert,
                                                int              param,
                                                const char      *text);
void          hcs_record_insert_bind_double    (HcsRecordInsert *insert,
                                                int              param,
                                                double           value);
void          hcs_record_insert_bind_int       (HcsRecordInsert *insert,
                                                int              param,
                                                gint64           value);
void          hcs_record_insert_bind_null      (HcsRecordInsert *insert,
                                                int              param);
int           hcs_store_imports_record_write   (HcsStore        *store,
                                                HcsRecordInsert *insert,
                                                gint64           row,
                                                GError         **error);
gboolean      hcs_store_imports_record_stage_rejection (HcsStore *store,
                                                HcsRecordInsert *insert,
                                                gint64           row,
                                                const char      *field,
                                                const char      *code,
                                                const char      *message,
                                                GError         **error);
gboolean      hcs_store_imports_record_finish  (HcsStore        *store,
                                                HcsRecordInsert *insert,
                                                HcsStagedCounts *counts,
                                                GError         **error);
int           hcs_store_imports_record_next    (HcsStore        *store,
                                                HcsRecordInsert *insert,
                                                HcsStagedRow    *row,
                                                GError         **error);
gint64        hcs_store_imports_record_owner   (HcsStore        *store,
                                                HcsRecordTable   table,
                                                const char      *number,
                                                GError         **error);

JsonArray    *hcs_store_imports_list           (HcsStore        *store,
                                                const char      *kind,
                                                gint64           item_id,
                                                const HcsPage   *page,
                                                gint64          *total,
                                                GError         **error);
JsonObject   *hcs_store_imports_get            (HcsStore        *store,
                                                gint64           id,
                                                GError         **error);
JsonArray    *hcs_store_imports_rejections     (HcsStore        *store,
                                                gint64           id,
                                                guint            max_rows,
                                                GError         **error);
JsonArray    *hcs_store_imports_quality        (HcsStore        *store,
                                                gboolean         by_month,
                                                gint64           year,
                                                GError         **error);
/* 表1: 重错码率 and 其他类型数据重错率 at most 0.1 % of the records */
#define HCS_QUALITY_LINE_PERCENT 0.1
JsonArray    *hcs_store_imports_quality_months (HcsStore        *store,
                                                gint64           year,
                                                gint64           department_id,
                                                GError         **error);

/* For the demo data: an import of the past with its figures. */
typedef struct
{
  const char *kind;
  gint64      item_id;
  const char *actor;
  const char *at;
  const char *file_name;
  const char *sha256;
  const char *encoding;
  gint64      rows_read;
  gint64      uscc_errors;
  gint64      uscc_duplicates;   /* 重码: records kept, not rejected */
  gint64      other_errors;
  gint64      duration_ms;
  const char *reasons;
} HcsPastImport;

JsonArray    *hcs_store_imports_items          (HcsStore             *store,
                                                GError              **error);
gboolean      hcs_store_imports_insert_past    (HcsStore             *store,
                                                const HcsPastImport  *past,
                                                GError              **error);

G_END_DECLS
