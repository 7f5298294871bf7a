/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for 市场主体: look-up, creation and edits (the search is
 * hcs-store-subjects-search.c). */
#define G_LOG_DOMAIN "hcs-store-subjects"

#include "config.h"

#include "hcs-store-pg.h"
#include "hcs-store-private.h"
#include "hcs-store-subjects.h"

static const char SQL_GET[] =
  "SELECT " HCS_SUBJECT_COLUMNS " FROM subjects WHERE identifier = ?1";
static const char SQL_GET_BY_ID[] =
  "SELECT " HCS_SUBJECT_COLUMNS " FROM subjects WHERE id = ?1";

static JsonObject *
single_row (HcsStore      *store,
            HcsStmt       *stmt,
            GError       **error)
{
  JsonObject *obj;
  int rc = hcs_store_step (store, stmt, error);

  if (rc < 0)
    return NULL;
  if (rc == HCS_STMT_DONE)
    {
      hcs_stmt_reset (stmt);
      g_set_error_literal (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "no such subject");
      return NULL;
    }
  obj = hcs_store_row_object (stmt);
  hcs_stmt_reset (stmt);
  return obj;
}

/* SQL_GET for @identifier, bound; NULL on error */
static HcsStmt *
prepare_get (HcsStore    *store,
             const char  *identifier,
             GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_GET, error);

  if (stmt != NULL)
    hcs_store_bind_text (stmt, 1, identifier);
  return stmt;
}

/* @identifier: normalised. Fails with HCS_STORE_ERROR_NOT_FOUND. */
JsonObject *
hcs_store_subjects_get (HcsStore    *store,
                        const char  *identifier,
                        GError     **error)
{
  HcsStmt *stmt;

  g_return_val_if_fail (identifier != NULL, NULL);

  stmt = prepare_get (store, identifier, error);
  return stmt != NULL ? single_row (store, stmt, error) : NULL;
}

/* The same row as hcs_store_subjects_get(), as plain values: one row, or
 * none when there is no such subject. */
HcsRows *
hcs_store_subjects_get_rows (HcsStore    *store,
                             const char  *identifier,
                             GError     **error)
{
  HcsStmt *stmt;

  g_return_val_if_fail (identifier != NULL, NULL);

  stmt = prepare_get (store, identifier, error);
  return stmt != NULL ? hcs_store_rows_read (store, stmt, 1, error) : NULL;
}

JsonObject *
hcs_store_subjects_get_by_id (HcsStore  *store,
                              gint64     id,
                              GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_GET_BY_ID, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  return single_row (store, stmt, error);
}

static const char SQL_INSERT[] =
  "INSERT INTO subjects (identifier, name, type, region, industry, status, grade, registered_on,"
  " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, coalesce (?6, 'active'), ?7, ?8, ?9, ?9)";
static const char SQL_INSERT_OR_IGNORE[] =
  "INSERT OR IGNORE INTO subjects (identifier, name, type, region, industry, status, grade, registered_on,"
  " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, coalesce (?6, 'active'), ?7, ?8, ?9, ?9)";

/* Binds without copying: the strings outlive the step. */
static void
bind_fields (HcsStmt                *stmt,
             const HcsSubjectFields *f,
             const char             *now)
{
  const char *texts[] = { f->identifier, f->name, f->type, f->region, f->industry ? f->industry : "",
                          f->status, f->grade, f->registered_on, now };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] == NULL)
      hcs_stmt_bind_null (stmt, (int) i + 1);
    else
      hcs_stmt_bind_text_static (stmt, (int) i + 1, texts[i]);
}

/* Returns: the new id, or 0 with @error set (HCS_STORE_ERROR_DUPLICATE when
 * the identifier exists) */
gint64
hcs_store_subjects_insert (HcsStore                *store,
                           const HcsSubjectFields  *fields,
                           GError                 **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_INSERT, error);
  g_autofree char *now = hcs_now_iso ();

  g_return_val_if_fail (fields != NULL && fields->identifier != NULL, 0);

  if (stmt == NULL)
    return 0;
  bind_fields (stmt, fields, now);
  return hcs_store_insert (store, stmt, error);
}

static const char SQL_UPDATE[] =
  "UPDATE subjects SET name = coalesce (?3, name), industry = coalesce (?4, industry),"
  " status = coalesce (?5, status), grade = coalesce (?6, grade), region = coalesce (?7, region),"
  " version = version + 1, updated_at = ?8"
  " WHERE id = ?1 AND version = ?2";
static const char SQL_EXISTS[] = "SELECT 1 FROM subjects WHERE id = ?1";

/**
 * hcs_store_subjects_update:
 * @fields: name, industry, status, grade and region are used; %NULL ones stay
 *
 * A stale @version changes nothing and fails with HCS_STORE_ERROR_STALE.
 */
gboolean
hcs_store_subjects_update (HcsStore                *store,
                           gint64                   id,
                           gint64                   version,
                           const HcsSubjectFields  *fields,
                           GError                 **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_UPDATE, error);
  g_autofree char *now = hcs_now_iso ();
  int rc;

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_stmt_bind_int64 (stmt, 2, version);
  hcs_store_bind_text (stmt, 3, fields->name);
  hcs_store_bind_text (stmt, 4, fields->industry);
  hcs_store_bind_text (stmt, 5, fields->status);
  hcs_store_bind_text (stmt, 6, fields->grade);
  hcs_store_bind_text (stmt, 7, fields->region);
  hcs_store_bind_text (stmt, 8, now);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;
  if (hcs_store_changes (store) == 1)
    return TRUE;

  stmt = hcs_store_prepare (store, SQL_EXISTS, error);
  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  rc = hcs_store_step (store, stmt, error);
  hcs_stmt_reset (stmt);
  if (rc < 0)
    return FALSE;
  g_set_error (error, HCS_STORE_ERROR,
               rc == HCS_STMT_ROW ? HCS_STORE_ERROR_STALE : HCS_STORE_ERROR_NOT_FOUND,
               "subject %" G_GINT64_FORMAT " not updated", id);
  return FALSE;
}

/* Over PostgreSQL, into a table with no subject yet (the demo seeding),
 * the rows go through COPY (hcs-store-pg-bulk.c) instead of one INSERT a
 * row: 105,000 round trips less. The identifiers given so far are kept
 * here, so that a repeated one is known at once (0, as the INSERT OR
 * IGNORE answers), and ids number the rows in the order given, as over
 * SQLite. Into a table that has subjects, the INSERT row by row. */
struct _HcsSubjectInserter
{
  HcsStore     *store;
  HcsStmt      *stmt;
  char         *now;
  HcsPgBulk    *bulk;
  GHashTable   *given;       /* identifiers sent through bulk */
};

static const char SQL_ANY_SUBJECT[] = "SELECT 1 FROM subjects LIMIT 1";
static const char * const BULK_COLUMNS[] = {
  "identifier", "name", "type", "region", "industry", "status", "grade", "registered_on",
  "created_at", "updated_at", NULL
};

HcsSubjectInserter *
hcs_subject_inserter_new (HcsStore  *store,
                          GError   **error)
{
  HcsStmt *stmt;
  HcsSubjectInserter *self;

  g_return_val_if_fail (store != NULL, NULL);

  if (hcs_store_is_pg (store))
    {
      int rc;

      if ((stmt = hcs_store_prepare (store, SQL_ANY_SUBJECT, error)) == NULL)
        return NULL;
      rc = hcs_store_step (store, stmt, error);
      hcs_stmt_reset (stmt);
      if (rc < 0)
        return NULL;
      if (rc == HCS_STMT_DONE)
        {
          self = g_new0 (HcsSubjectInserter, 1);
          self->store = store;
          self->now = hcs_now_iso ();
          self->bulk = hcs_pg_bulk_new (hcs_store_get_pg (store), "subjects", BULK_COLUMNS);
          self->given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          return self;
        }
    }
  stmt = hcs_store_prepare (store, SQL_INSERT_OR_IGNORE, error);
  if (stmt == NULL)
    return NULL;
  self = g_new0 (HcsSubjectInserter, 1);
  self->store = store;
  self->stmt = stmt;
  self->now = hcs_now_iso ();
  return self;
}

int
hcs_subject_inserter_add (HcsSubjectInserter      *self,
                          const HcsSubjectFields  *fields,
                          GError                 **error)
{
  int rc;

  g_return_val_if_fail (self != NULL && fields != NULL, -1);

  if (self->bulk != NULL)
    {
      const char *values[] = { fields->identifier, fields->name, fields->type, fields->region,
                               fields->industry ? fields->industry : "",
                               fields->status ? fields->status : "active", fields->grade,
                               fields->registered_on, self->now, self->now };

      if (g_hash_table_contains (self->given, fields->identifier))
        return 0;
      g_hash_table_add (self->given, g_strdup (fields->identifier));
      return hcs_pg_bulk_row (self->bulk, values, error) ? 1 : -1;
    }
  bind_fields (self->stmt, fields, self->now);
  rc = hcs_store_step (self->store, self->stmt, error);
  hcs_stmt_reset (self->stmt);
  if (rc < 0)
    return -1;
  return hcs_store_changes (self->store) == 1 ? 1 : 0;
}

/* Writes what is still buffered (over PostgreSQL): call it before reading
 * the subjects added. */
gboolean
hcs_subject_inserter_finish (HcsSubjectInserter  *self,
                             GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->bulk == NULL || hcs_pg_bulk_flush (self->bulk, error);
}

void
hcs_subject_inserter_free (HcsSubjectInserter *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->bulk, hcs_pg_bulk_free);
  g_clear_pointer (&self->given, g_hash_table_unref);
  g_free (self->now);
  g_free (self);
}
