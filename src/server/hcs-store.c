/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The storage layer's connection: pragmas, the statement cache, transactions
 * and the mapping of SQLite results to HcsStoreError. */
#define G_LOG_DOMAIN "hcs-store"

#include "config.h"

#include <glib/gi18n.h>

#include "hcs-store-pg-private.h"
#include "hcs-store-pg-sql.h"
#include "hcs-store-private.h"
#include "hcs-store.h"

struct _HcsStore
{
  sqlite3    *db;
  char       *path;
  /* SQL text pointer → HcsStmt*: statements are static strings in the
   * hcs-store-*.c files, so the pointer is the key and each is prepared once
   * per connection. */
  GHashTable *stmts;
  HcsSessionCache *sessions;   /* hcs-store-users.c */
  HcsRiskRollupCopy *risk_rollup; /* hcs-store-risk.c */
  guint       in_transaction : 1;

  /* PostgreSQL (issue 15): db is then NULL */
  HcsPg      *pg;
  GHashTable *pg_tables;       /* table → its primary key columns, "" when it
                                * has none; "+" first when it has an id */
  gint64      pg_last_id;
  gint64      pg_changes;
  gint64      pg_total_changes;
};

G_DEFINE_QUARK (hcs-store-error-quark, hcs_store_error)

static void
finalize_stmt (gpointer data)
{
  hcs_stmt_free (data);
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

/* A postgresql:// URI: the connection, with the functions the translated
 * statements call (hcs_pg_make_functions). Not migrated yet. */
static HcsStore *
open_pg (HcsStore  *self,
         GError   **error)
{
  self->pg = hcs_pg_open (self->path, error);
  if (self->pg == NULL || !hcs_pg_make_functions (self->pg, error))
    {
      hcs_store_free (self);
      return NULL;
    }
  self->pg_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

/**
 * hcs_store_ensure_connected:
 *
 * Before a request: over PostgreSQL, a connection that was lost (a restart
 * or failover of the database) is opened again with the functions the
 * translated statements call; a SQLite file needs nothing. FALSE with
 * @error set when the database cannot be reached (the request's statements
 * then answer 503). A node that became a hot standby, or stopped being one
 * (a failover behind the same URI), calls its functions elsewhere: the
 * statements are translated again.
 */
gboolean
hcs_store_ensure_connected (HcsStore  *self,
                            GError   **error)
{
  gboolean reconnected = FALSE;
  gboolean was_standby;

  if (self->pg == NULL || self->in_transaction)
    return TRUE;
  was_standby = hcs_pg_is_standby (self->pg);
  if (!hcs_pg_reconnect_if_broken (self->pg, &reconnected, error))
    return FALSE;
  if (!reconnected)
    return TRUE;
  if (!hcs_pg_make_functions (self->pg, error))
    return FALSE;
  if (hcs_pg_is_standby (self->pg) != was_standby)
    g_hash_table_remove_all (self->stmts);
  return TRUE;
}

gboolean
hcs_store_is_pg (HcsStore *self)
{
  return self->pg != NULL;
}

HcsPg *
hcs_store_get_pg (HcsStore *self)
{
  return self->pg;
}

/* The catalog's word on @table: "+pk,cols" when it has an id column,
 * "pk,cols" otherwise; cached per connection. */
static const char *
pg_table_info (HcsStore   *self,
               const char *table)
{
  char *info = g_hash_table_lookup (self->pg_tables, table);
  const char *params[] = { table };
  g_autofree char *has_id = NULL;
  g_autofree char *pk = NULL;

  if (info != NULL)
    return info;
  has_id = hcs_pg_single_text (self->pg,
                               "SELECT count (*) FROM information_schema.columns"
                               " WHERE table_schema = current_schema () AND table_name = $1 AND column_name = 'id'",
                               1, params, NULL);
  pk = hcs_pg_single_text (self->pg,
                           "SELECT string_agg (a.attname, ',' ORDER BY array_position (i.indkey, a.attnum))"
                           " FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                           " WHERE i.indrelid = to_regclass ($1) AND i.indisprimary",
                           1, params, NULL);
  info = g_strconcat (g_strcmp0 (has_id, "0") > 0 ? "+" : "", pk ? pk : "", NULL);
  g_hash_table_insert (self->pg_tables, g_strdup (table), info);
  return info;
}

static const char *
pg_primary_key (const char *table,
                gpointer    data)
{
  const char *info = pg_table_info (data, table);

  if (*info == '+')
    info++;
  return *info != '\0' ? info : NULL;
}

static gboolean
pg_has_id (const char *table,
           gpointer    data)
{
  return *pg_table_info (data, table) == '+';
}

/* Before SQLite's first use in the process: no count of its allocations.
 * Nothing reads it (no soft heap limit, no sqlite3_memory_used()), and
 * keeping it takes one process-wide mutex around every allocation, which
 * the worker threads' connections share (2.6 % of an import's writer).
 * Too late (SQLite initialized already), the call changes nothing. */
static void
configure_sqlite_once (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&done, 1);
    }
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
  if (hcs_pg_is_uri (path))
    return open_pg (g_steal_pointer (&self), error);

  configure_sqlite_once ();
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
  if (self->pg != NULL)
    /* NORMAL: a commit is acknowledged before its WAL is flushed (a crash
     * of PostgreSQL's machine may lose the last ones, never half of one) */
    return hcs_pg_exec (self->pg, sync == HCS_STORE_SYNC_NORMAL ? "SET synchronous_commit = off"
                                                                : "SET synchronous_commit = on",
                        error);
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
  g_clear_pointer (&self->risk_rollup, hcs_risk_rollup_copy_free);
  g_clear_pointer (&self->stmts, g_hash_table_unref);
  g_clear_pointer (&self->pg_tables, g_hash_table_unref);
  g_clear_pointer (&self->pg, hcs_pg_free);
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

/* The connection's copy of the risk roll-up (hcs-store-risk.c). */
HcsRiskRollupCopy **
hcs_store_risk_rollup_copy (HcsStore *self)
{
  return &self->risk_rollup;
}

sqlite3 *
hcs_store_get_db (HcsStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->db;
}

/* The rows this connection has changed since it opened: with the
 * database's data_version, tells whether anything changed (caches). */
gint64
hcs_store_total_changes (HcsStore *self)
{
  if (self->pg != NULL)
    return self->pg_total_changes;
  return sqlite3_total_changes64 (self->db);
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
static HcsStmt *prepare (HcsStore *self, const char *sql, gboolean ignore_conflicts, GError **error);

HcsStmt *
hcs_store_prepare (HcsStore    *self,
                   const char  *sql,
                   GError     **error)
{
  return prepare (self, sql, FALSE, error);
}

/**
 * hcs_store_prepare_ignoring_duplicates:
 * @sql: a static INSERT, prepared by this function only
 *
 * Over PostgreSQL, where an error ends the transaction, the INSERT skips a
 * row that breaks a UNIQUE constraint (hcs_store_changes() is then 0)
 * rather than failing; over SQLite it fails with DUPLICATE and the
 * transaction goes on. The caller reads both as "already there".
 */
HcsStmt *
hcs_store_prepare_ignoring_duplicates (HcsStore    *self,
                                       const char  *sql,
                                       GError     **error)
{
  return prepare (self, sql, TRUE, error);
}

static HcsStmt *
prepare (HcsStore    *self,
         const char  *sql,
         gboolean     ignore_conflicts,
         GError     **error)
{
  HcsStmt *stmt;
  sqlite3_stmt *sq;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->stmts, sql);
  if (stmt != NULL)
    {
      hcs_stmt_reset (stmt);
      hcs_stmt_clear_bindings (stmt);
      return stmt;
    }
  if (self->pg != NULL)
    {
      HcsPgSql *text = hcs_pg_sql_translate (sql, ignore_conflicts, pg_primary_key, pg_has_id, self);

      if (hcs_pg_is_standby (self->pg))
        hcs_pg_sql_use_shared_functions (text);
      stmt = hcs_stmt_new_pg (text);
      g_hash_table_insert (self->stmts, (gpointer) sql, stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &sq, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("cannot prepare «%s»: %s", sql, sqlite3_errmsg (self->db));
      hcs_store_set_error (self, rc, error);
      return NULL;
    }
  stmt = hcs_stmt_new_sqlite (sq);
  g_hash_table_insert (self->stmts, (gpointer) sql, stmt);
  return stmt;
}

/**
 * hcs_store_step:
 *
 * Returns: %HCS_STMT_ROW, %HCS_STMT_DONE, or -1 with @error set (the statement
 *   is then reset)
 */
int
hcs_store_step (HcsStore      *self,
                HcsStmt       *stmt,
                GError       **error)
{
  int rc;

  if (self->pg != NULL)
    {
      gint64 changes = -1;

      rc = hcs_stmt_pg_step (stmt, self->pg, &self->pg_last_id, &changes, error);
      if (changes >= 0)
        {
          self->pg_changes = changes;
          self->pg_total_changes += changes;
        }
      return rc;
    }
  rc = sqlite3_step (hcs_stmt_get_sqlite (stmt));
  if (rc == SQLITE_ROW)
    return HCS_STMT_ROW;
  if (rc == SQLITE_DONE)
    return HCS_STMT_DONE;
  hcs_stmt_reset (stmt);
  hcs_store_set_error (self, sqlite3_extended_errcode (self->db), error);
  return -1;
}

/* Steps a statement that returns no rows and resets it. */
gboolean
hcs_store_step_done (HcsStore      *self,
                     HcsStmt       *stmt,
                     GError       **error)
{
  int rc = hcs_store_step (self, stmt, error);

  if (rc < 0)
    return FALSE;
  hcs_stmt_reset (stmt);
  return TRUE;
}

gboolean
hcs_store_exec (HcsStore    *self,
                const char  *sql,
                GError     **error)
{
  char *errmsg = NULL;
  int rc;

  if (self->pg != NULL)
    {
      /* SQLite's settings have no meaning here; a read in one snapshot
       * (BEGIN DEFERRED) is REPEATABLE READ. */
      if (g_str_has_prefix (sql, "PRAGMA "))
        return TRUE;
      if (g_str_equal (sql, "BEGIN DEFERRED"))
        sql = "BEGIN ISOLATION LEVEL REPEATABLE READ";
      return hcs_pg_exec (self->pg, sql, error);
    }
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
  if (self->pg != NULL ? !hcs_pg_begin (self->pg, error) : !hcs_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
hcs_store_commit (HcsStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);
  if (self->pg != NULL)
    {
      self->in_transaction = FALSE;
      return hcs_pg_commit (self->pg, error);
    }
  if (!hcs_store_exec (self, "COMMIT", error))
    {
      hcs_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  return TRUE;
}

/* Whether a transaction of hcs_store_begin() is open. */
gboolean
hcs_store_in_transaction (HcsStore *self)
{
  return self->in_transaction;
}

/* Safe to call when a transaction has already ended. */
void
hcs_store_rollback (HcsStore *self)
{
  if (!self->in_transaction)
    return;
  if (self->pg != NULL)
    hcs_pg_rollback (self->pg);
  else if (!sqlite3_get_autocommit (self->db))
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
                      HcsStmt       *stmt,
                      GError       **error)
{
  gint64 n;
  int rc = hcs_store_step (self, stmt, error);

  if (rc < 0)
    return -1;
  if (rc == HCS_STMT_DONE)
    {
      hcs_stmt_reset (stmt);
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "no row");
      return -1;
    }
  n = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
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
  HcsStmt      *stmt;
  int rc;

  if (hcs_store_changes (self) == 1)
    return TRUE;
  stmt = hcs_store_prepare (self, exists_sql, error);
  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  rc = hcs_store_step (self, stmt, error);
  hcs_stmt_reset (stmt);
  if (rc < 0)
    return FALSE;
  g_set_error (error, HCS_STORE_ERROR,
               rc == HCS_STMT_ROW ? HCS_STORE_ERROR_STALE : HCS_STORE_ERROR_NOT_FOUND,
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
                  HcsStmt       *stmt,
                  GError       **error)
{
  if (!hcs_store_step_done (self, stmt, error))
    return 0;
  return hcs_store_last_insert_rowid (self);
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
                      HcsStmt       *stmt,
                      GError       **error)
{
  JsonObject *obj;
  int rc = hcs_store_step (self, stmt, error);

  if (rc < 0)
    return NULL;
  if (rc == HCS_STMT_DONE)
    {
      hcs_stmt_reset (stmt);
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "no such row: %s",
                   hcs_stmt_sql (stmt));
      return NULL;
    }
  obj = hcs_store_row_object (stmt);
  hcs_stmt_reset (stmt);
  return obj;
}

gint64
hcs_store_last_insert_rowid (HcsStore *self)
{
  if (self->pg != NULL)
    return self->pg_last_id;
  return sqlite3_last_insert_rowid (self->db);
}

int
hcs_store_changes (HcsStore *self)
{
  if (self->pg != NULL)
    return (int) self->pg_changes;
  return sqlite3_changes (self->db);
}

/**
 * hcs_store_row_object:
 *
 * Returns: (transfer full): the current row as an object named by the
 *   statement's column names (use `AS` in SQL to name them for the API)
 */
JsonObject *
hcs_store_row_object (HcsStmt      *stmt)
{
  JsonObject *obj = json_object_new ();
  int n = hcs_stmt_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      const char *name = hcs_stmt_column_name (stmt, i);

      switch (hcs_stmt_column_type (stmt, i))
        {
        case HCS_STMT_INTEGER:
          json_object_set_int_member (obj, name, hcs_stmt_column_int64 (stmt, i));
          break;
        case HCS_STMT_FLOAT:
          json_object_set_double_member (obj, name, hcs_stmt_column_double (stmt, i));
          break;
        case HCS_STMT_NULL:
          json_object_set_null_member (obj, name);
          break;
        default:
          json_object_set_string_member (obj, name, hcs_stmt_column_text (stmt, i));
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
                      HcsStmt       *stmt,
                      guint          max_rows,
                      GError       **error)
{
  g_autoptr(JsonArray) rows = json_array_new ();
  int rc;

  while ((rc = hcs_store_step (self, stmt, error)) == HCS_STMT_ROW)
    {
      json_array_add_object_element (rows, hcs_store_row_object (stmt));
      if (max_rows > 0 && json_array_get_length (rows) >= max_rows)
        break;
    }
  hcs_stmt_reset (stmt);
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&rows);
}

/* Binds a copy of @text, or NULL. */
void
hcs_store_bind_text (HcsStmt      *stmt,
                     int           index,
                     const char   *text)
{
  hcs_stmt_bind_text (stmt, index, text);
}

/**
 * hcs_store_bind_filter:
 * @values: (array length=n_values): bound to ?1 … ?n_values in order
 *
 * Binds a listing's filter: the one binding of every filtered listing and
 * its count, so that a listing's page and its total read the same filter.
 */
void
hcs_store_bind_filter (HcsStmt             *stmt,
                       const HcsStoreValue *values,
                       guint                n_values)
{
  g_assert (stmt != NULL);

  for (guint i = 0; i < n_values; i++)
    {
      if (values[i].is_integer)
        hcs_stmt_bind_int64 (stmt, (int) i + 1, values[i].integer);
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
  HcsStmt      *stmt = hcs_store_prepare (self, count_sql, error);

  if (stmt == NULL)
    return -1;
  hcs_store_bind_filter (stmt, values, n_values);
  return hcs_store_single_int (self, stmt, error);
}

/* Binds @node serialised as compact JSON text, or NULL. */
void
hcs_store_bind_json (HcsStmt      *stmt,
                     int           index,
                     JsonNode     *node)
{
  hcs_stmt_bind_text_take (stmt, index, node != NULL ? json_to_string (node, FALSE) : NULL);
}

int
hcs_store_get_schema_version (HcsStore *self)
{
  sqlite3_stmt *sq;
  int version = 0;

  if (self->pg != NULL)
    return hcs_pg_get_schema_version (self->pg, NULL);
  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &sq, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step (sq) == SQLITE_ROW)
    version = sqlite3_column_int (sq, 0);
  sqlite3_finalize (sq);
  return version;
}

/**
 * hcs_store_get_synchronous:
 *
 * Returns: the durability this connection runs with, read from the
 *   connection itself (PRAGMA synchronous): "off", "normal", "full" or
 *   "extra"; %NULL when it cannot be read, or on PostgreSQL (whose
 *   durability is its server's)
 */
const char *
hcs_store_get_synchronous (HcsStore *self)
{
  static const char *const names[] = { "off", "normal", "full", "extra" };
  sqlite3_stmt *stmt;
  int level = -1;

  if (self->pg != NULL)
    return NULL;
  if (sqlite3_prepare_v2 (self->db, "PRAGMA synchronous", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    level = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return level >= 0 && level < (int) G_N_ELEMENTS (names) ? names[level] : NULL;
}

/* Now, as ISO 8601 UTC with seconds: "2025-03-01T08:15:00Z". */
char *
hcs_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
