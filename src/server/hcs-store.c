/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The storage layer's connection: pragmas, the statement cache, transactions
 * and the mapping of SQLite results to HcsStoreError. */
#define G_LOG_DOMAIN "hcs-store"

#include "config.h"

#include <glib/gi18n.h>

#include "hcs-store-private.h"
#include "hcs-store.h"

struct _HcsStore
{
  sqlite3    *db;
  char       *path;
  /* SQL text pointer → sqlite3_stmt*: statements are static strings in the
   * hcs-store-*.c files, so the pointer is the key and each is prepared once
   * per connection. */
  GHashTable *stmts;
  HcsSessionCache *sessions;   /* hcs-store-users.c */
  guint       in_transaction : 1;
};

G_DEFINE_QUARK (hcs-store-error-quark, hcs_store_error)

static void
finalize_stmt (gpointer data)
{
  sqlite3_finalize (data);
}

/**
 * hcs_store_open:
 * @path: the database file; created when missing
 *
 * Opens a connection in WAL mode with foreign keys on and a busy timeout, so
 * that connections of several worker threads can share one file. Does not
 * migrate: call hcs_store_migrate() once at start-up.
 */
/* hc_nfc(text): the text in Unicode NFC, for the migration that brings
 * names written before the input rules to the form they are stored in now. */
static void
sql_nfc (sqlite3_context  *ctx,
         int               argc,
         sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *nfc;

  if (text == NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  nfc = g_utf8_normalize (text, sqlite3_value_bytes (argv[0]), G_NORMALIZE_NFC);
  if (nfc == NULL)   /* not UTF-8: leave it as it is */
    sqlite3_result_value (ctx, argv[0]);
  else
    sqlite3_result_text (ctx, nfc, -1, g_free);
}

HcsStore *
hcs_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(HcsStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (HcsStore, 1);
  self->path = g_strdup (path);
  self->stmts = g_hash_table_new_full (NULL, NULL, NULL, finalize_stmt);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_FAILED,
                   "cannot open database %s: %s", path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 15000);
  sqlite3_create_function_v2 (self->db, "hc_nfc", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, sql_nfc, NULL, NULL, NULL);

  if (!hcs_store_exec (self,
                       "PRAGMA journal_mode = WAL;"
                       /* A commit acknowledged is on disk (a power loss
                        * keeps it); hcs_store_set_sync() trades that for
                        * speed when asked. */
                       "PRAGMA synchronous = FULL;"
                       "PRAGMA foreign_keys = ON;"
                       "PRAGMA temp_store = MEMORY;"
                       "PRAGMA cache_size = -65536;",
                       error))
    return NULL;

  return g_steal_pointer (&self);
}

/* See HcsStoreSync; bench/README.md has what FULL costs. */
gboolean
hcs_store_set_sync (HcsStore      *self,
                    HcsStoreSync   sync,
                    GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return hcs_store_exec (self,
                         sync == HCS_STORE_SYNC_NORMAL ? "PRAGMA synchronous = NORMAL;"
                                                       : "PRAGMA synchronous = FULL;",
                         error);
}

void
hcs_store_free (HcsStore *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->sessions, hcs_session_cache_free);
  g_clear_pointer (&self->stmts, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* Leaves the WAL checkpointed so that the file alone is complete. */
      sqlite3_exec (self->db, "PRAGMA optimize;", NULL, NULL, NULL);
      sqlite3_close (self->db);
    }
  g_free (self->path);
  g_free (self);
}

/* The connection's cache of sessions (hcs-store-users.c), made on first use. */
HcsSessionCache **
hcs_store_session_cache (HcsStore *self)
{
  return &self->sessions;
}

sqlite3 *
hcs_store_get_db (HcsStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->db;
}

const char *
hcs_store_get_path (HcsStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

/**
 * hcs_store_set_error:
 * @rc: an SQLite result code that is not OK, ROW or DONE
 *
 * Maps @rc to an HcsStoreError. Always returns %FALSE, for tail calls.
 */
gboolean
hcs_store_set_error (HcsStore  *self,
                     int        rc,
                     GError   **error)
{
  HcsStoreError code;

  /* A full or read-only disk, or one that fails to write or sync: SQLite
   * rolls the transaction back (see hcs_store_rollback()), so nothing is
   * half written and the next write succeeds once there is room again. */
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_UNAVAILABLE, "%s (%s)",
                   sqlite3_errmsg (self->db), sqlite3_errstr (rc));
      return FALSE;
    default:
      break;
    }

  switch (rc)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      code = HCS_STORE_ERROR_DUPLICATE;
      break;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_FOREIGNKEY:
    case SQLITE_CONSTRAINT_TRIGGER:
    case SQLITE_CONSTRAINT:
      code = HCS_STORE_ERROR_CONSTRAINT;
      break;
    case SQLITE_BUSY:
    case SQLITE_BUSY_SNAPSHOT:
    case SQLITE_LOCKED:
      code = HCS_STORE_ERROR_BUSY;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = HCS_STORE_ERROR_CORRUPT;
      break;
    default:
      code = HCS_STORE_ERROR_FAILED;
      break;
    }
  g_set_error (error, HCS_STORE_ERROR, code, "%s (%s)",
               sqlite3_errmsg (self->db), sqlite3_errstr (rc));
  return FALSE;
}

/**
 * hcs_store_prepare:
 * @sql: a static string (its address keys the cache)
 *
 * Returns: (transfer none): the statement, reset and with its bindings
 *   cleared, or %NULL with @error set
 */
sqlite3_stmt *
hcs_store_prepare (HcsStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->stmts, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("cannot prepare «%s»: %s", sql, sqlite3_errmsg (self->db));
      hcs_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->stmts, (gpointer) sql, stmt);
  return stmt;
}

/**
 * hcs_store_step:
 *
 * Returns: %SQLITE_ROW, %SQLITE_DONE, or -1 with @error set (the statement
 *   is then reset)
 */
int
hcs_store_step (HcsStore      *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  sqlite3_reset (stmt);
  hcs_store_set_error (self, sqlite3_extended_errcode (self->db), error);
  return -1;
}

/* Steps a statement that returns no rows and resets it. */
gboolean
hcs_store_step_done (HcsStore      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = hcs_store_step (self, stmt, error);

  if (rc < 0)
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
hcs_store_exec (HcsStore    *self,
                const char  *sql,
                GError     **error)
{
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      hcs_store_set_error (self, sqlite3_extended_errcode (self->db), error);
      g_debug ("exec failed: %s", errmsg ? errmsg : "?");
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

/* Writers take the lock at BEGIN, so a transaction never fails half-way
 * because another connection wrote first. */
gboolean
hcs_store_begin (HcsStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (!self->in_transaction, FALSE);
  if (!hcs_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
hcs_store_commit (HcsStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);
  if (!hcs_store_exec (self, "COMMIT", error))
    {
      hcs_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  return TRUE;
}

/* Safe to call when a transaction has already ended. */
void
hcs_store_rollback (HcsStore *self)
{
  if (!self->in_transaction)
    return;
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

/**
 * hcs_store_single_int:
 *
 * Steps @stmt once and returns its first column as an integer (for
 * `SELECT count(*) …` and look-ups of one id), then resets it.
 *
 * Returns: the value, or -1 with @error set (NOT_FOUND when there is no row)
 */
gint64
hcs_store_single_int (HcsStore      *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  gint64 n;
  int rc = hcs_store_step (self, stmt, error);

  if (rc < 0)
    return -1;
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "no row");
      return -1;
    }
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/**
 * hcs_store_check_versioned_update:
 * @exists_sql: a static `SELECT 1 FROM t WHERE id = ?1`
 *
 * Call right after an `UPDATE … WHERE id = ? AND version = ?`: when it
 * changed no row, tells a stale version (STALE) from a missing record
 * (NOT_FOUND).
 *
 * Returns: %TRUE when the update changed its row
 */
gboolean
hcs_store_check_versioned_update (HcsStore    *self,
                                  const char  *exists_sql,
                                  gint64       id,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (hcs_store_changes (self) == 1)
    return TRUE;
  stmt = hcs_store_prepare (self, exists_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = hcs_store_step (self, stmt, error);
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;
  g_set_error (error, HCS_STORE_ERROR,
               rc == SQLITE_ROW ? HCS_STORE_ERROR_STALE : HCS_STORE_ERROR_NOT_FOUND,
               "record %" G_GINT64_FORMAT " not updated", id);
  return FALSE;
}

/**
 * hcs_store_insert:
 *
 * Steps an INSERT and resets it.
 *
 * Returns: the new row's id, or 0 with @error set
 */
gint64
hcs_store_insert (HcsStore      *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  if (!hcs_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/**
 * hcs_store_get_object:
 *
 * Steps a bound look-up of one row and resets it.
 *
 * Returns: (transfer full): the row as an object (hcs_store_row_object()),
 *   or %NULL with @error set: NOT_FOUND when there is no such row
 */
JsonObject *
hcs_store_get_object (HcsStore      *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  JsonObject *obj;
  int rc = hcs_store_step (self, stmt, error);

  if (rc < 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "no such row: %s",
                   sqlite3_sql (stmt));
      return NULL;
    }
  obj = hcs_store_row_object (stmt);
  sqlite3_reset (stmt);
  return obj;
}

gint64
hcs_store_last_insert_rowid (HcsStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

int
hcs_store_changes (HcsStore *self)
{
  return sqlite3_changes (self->db);
}

/**
 * hcs_store_row_object:
 *
 * Returns: (transfer full): the current row as an object named by the
 *   statement's column names (use `AS` in SQL to name them for the API)
 */
JsonObject *
hcs_store_row_object (sqlite3_stmt *stmt)
{
  JsonObject *obj = json_object_new ();
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          json_object_set_int_member (obj, name, sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          json_object_set_double_member (obj, name, sqlite3_column_double (stmt, i));
          break;
        case SQLITE_NULL:
          json_object_set_null_member (obj, name);
          break;
        default:
          json_object_set_string_member (obj, name, (const char *) sqlite3_column_text (stmt, i));
          break;
        }
    }
  return obj;
}

/**
 * hcs_store_rows_array:
 * @max_rows: stop after this many rows (0: no limit)
 *
 * Steps @stmt to its end (or @max_rows) and resets it.
 *
 * Returns: (transfer full): the rows as objects, or %NULL with @error set
 */
JsonArray *
hcs_store_rows_array (HcsStore      *self,
                      sqlite3_stmt  *stmt,
                      guint          max_rows,
                      GError       **error)
{
  g_autoptr(JsonArray) rows = json_array_new ();
  int rc;

  while ((rc = hcs_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      json_array_add_object_element (rows, hcs_store_row_object (stmt));
      if (max_rows > 0 && json_array_get_length (rows) >= max_rows)
        break;
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&rows);
}

/* Binds a copy of @text, or NULL. */
void
hcs_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/**
 * hcs_store_bind_filter:
 * @values: (array length=n_values): bound to ?1 … ?n_values in order
 *
 * Binds a listing's filter: the one binding of every filtered listing and
 * its count, so that a listing's page and its total read the same filter.
 */
void
hcs_store_bind_filter (sqlite3_stmt        *stmt,
                       const HcsStoreValue *values,
                       guint                n_values)
{
  g_assert (stmt != NULL);

  for (guint i = 0; i < n_values; i++)
    {
      if (values[i].is_integer)
        sqlite3_bind_int64 (stmt, (int) i + 1, values[i].integer);
      else
        hcs_store_bind_text (stmt, (int) i + 1, values[i].text);
    }
}

/**
 * hcs_store_count_filtered:
 * @count_sql: a static `SELECT count(*) …` over the filter's ?1 … ?n
 *
 * Returns: the count of the rows the filter matches, or -1 with @error set
 */
gint64
hcs_store_count_filtered (HcsStore             *self,
                          const char           *count_sql,
                          const HcsStoreValue  *values,
                          guint                 n_values,
                          GError              **error)
{
  sqlite3_stmt *stmt = hcs_store_prepare (self, count_sql, error);

  if (stmt == NULL)
    return -1;
  hcs_store_bind_filter (stmt, values, n_values);
  return hcs_store_single_int (self, stmt, error);
}

/* Binds @node serialised as compact JSON text, or NULL. */
void
hcs_store_bind_json (sqlite3_stmt *stmt,
                     int           index,
                     JsonNode     *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  text = json_to_string (node, FALSE);
  sqlite3_bind_text (stmt, index, g_steal_pointer (&text), -1, g_free);
}

int
hcs_store_get_schema_version (HcsStore *self)
{
  sqlite3_stmt *stmt;
  int version = 0;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* Now, as ISO 8601 UTC with seconds: "2025-03-01T08:15:00Z". */
char *
hcs_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
