/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The test server's database read and changed directly, behind the API's
 * back (a second connection, SQLite's or libpq's): what a request left
 * there, and states the API cannot make. Split out of hc-test-server.c. */
#define G_LOG_DOMAIN "hc-test-server"

#include "config.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include "hc-test-server-private.h"

#define DB_PATH(self) hc_test_server_get_db_path (self)

/* PostgreSQL (suite api-pg, issue 15): HC_TEST_PG is set and libpq's
 * environment (PGHOST, PGPORT, PGUSER, PGPASSWORD) names the throwaway
 * cluster hc-pg-run.sh made. */
gboolean
hc_test_is_pg (void)
{
  return g_getenv ("HC_TEST_PG") != NULL;
}

static PGconn *
pg_connect (const char *dbname)
{
  const char *keys[] = { "dbname", NULL };
  const char *values[] = { dbname, NULL };
  PGconn *conn = PQconnectdbParams (keys, values, 1);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to PostgreSQL database %s: %s", dbname, PQerrorMessage (conn));
  return conn;
}

static void
pg_exec (PGconn     *conn,
         const char *sql,
         gint64     *changes)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%.400s: %s", sql, PQresultErrorMessage (result));
  if (changes != NULL)
    *changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  PQclear (result);
}

/* The name of the database of @uri ("postgresql:///NAME"). */
static const char *
pg_database (const char *uri)
{
  return strrchr (uri, '/') + 1;
}

/* json_extract (column, '$.a.b') → (column::json #>> '{a,b}') */
static gboolean
pg_json_extract (const GMatchInfo *info,
                 GString          *out,
                 gpointer          data)
{
  g_autofree char *column = g_match_info_fetch (info, 1);
  g_autofree char *path = g_match_info_fetch (info, 2);
  g_auto(GStrv) keys = g_strsplit (path, ".", -1);
  g_autofree char *joined = g_strjoinv (",", keys);

  g_string_append_printf (out, "(%s::json #>> '{%s}')", column, joined);
  return FALSE;
}

/* A test's SQL for PostgreSQL: the one SQLite function the tests read the
 * audit's JSON with, json_extract (column, '$.path'), which answers text
 * there (a test compares a number as CAST (… AS INTEGER)), and SQLite's
 * comparison that takes NULL as a value, a IS NOT b (b not NULL) → a IS
 * DISTINCT FROM b, and instr (a, b) → strpos (a, b). Everything else a
 * test writes is SQL both take. */
static char *
pg_test_sql (const char *sql)
{
  static GRegex *regex, *is_not, *instr;
  static gsize once;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *distinct;

  if (g_once_init_enter (&once))
    {
      regex = g_regex_new ("json_extract\\s*\\(\\s*([A-Za-z_.]+)\\s*,\\s*'\\$\\.([A-Za-z_.]+)'\\s*\\)",
                           G_REGEX_OPTIMIZE, 0, NULL);
      instr = g_regex_new ("\\binstr\\s*\\(", G_REGEX_OPTIMIZE, 0, NULL);
      is_not = g_regex_new ("\\bIS\\s+NOT\\s+(?!(NULL|DISTINCT|TRUE|FALSE)\\b)", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  text = g_regex_replace_eval (regex, sql, -1, 0, 0, pg_json_extract, NULL, &error);
  g_assert_no_error (error);
  distinct = g_regex_replace_literal (is_not, text, -1, 0, "IS DISTINCT FROM ", 0, &error);
  g_assert_no_error (error);
  g_free (text);
  text = distinct;
  distinct = g_regex_replace_literal (instr, text, -1, 0, "strpos (", 0, &error);
  g_assert_no_error (error);
  return distinct;
}

/* A new empty database of the cluster for one test server. */
char *
hc_test_pg_create_database (void)
{
  static gint counter;
  g_autofree char *name = g_strdup_printf ("hc_test_%d_%d", (int) getpid (), g_atomic_int_add (&counter, 1));
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", name);
  PGconn *conn = pg_connect ("postgres");

  pg_exec (conn, sql, NULL);
  PQfinish (conn);
  return g_strdup_printf ("postgresql:///%s", name);
}
/* The first column of the first row of @sql's answer (NULL: no row, or
 * SQL NULL), read through hc_test_query_rows(). */
static char *
first_value (HcTestServer *self,
             const char   *sql,
             gboolean     *any_row)
{
  g_autoptr(GPtrArray) rows = hc_test_query_rows (self, sql);
  GPtrArray *row;

  *any_row = rows->len > 0;
  if (rows->len == 0)
    return NULL;
  row = g_ptr_array_index (rows, 0);
  return row->len > 0 ? g_strdup (g_ptr_array_index (row, 0)) : NULL;
}

/* Reads the database directly (a second connection, read-only) to check
 * what a request left there: `SELECT count(*) …` (-1: no row; SQL NULL
 * reads as 0). */
gint64
hc_test_count_rows (HcTestServer *self,
                    const char   *sql)
{
  gboolean any_row;
  g_autofree char *value = first_value (self, sql, &any_row);

  if (!any_row)
    return -1;
  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

/* hc_test_count_rows() of the SQL made of @format. */
gint64
hc_test_count (HcTestServer *self,
               const char   *format,
               ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return hc_test_count_rows (self, sql);
}

/* Reads the database directly: the first column of the first row of @sql
 * as text, or NULL (no row, or NULL). */
char *
hc_test_query_text (HcTestServer *self,
                    const char   *sql)
{
  gboolean any_row;

  return first_value (self, sql, &any_row);
}

/**
 * hc_test_query_rows:
 *
 * Reads the database directly: every row of @sql, in its order, each a
 * #GPtrArray of its columns as text (NULL for SQL NULL).
 *
 * Returns: (transfer full): the rows
 */
GPtrArray *
hc_test_query_rows (HcTestServer *self,
                    const char   *sql)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (g_str_has_prefix (DB_PATH (self), "postgresql://"))
    {
      PGconn *conn = pg_connect (pg_database (DB_PATH (self)));
      g_autofree char *text_pg = pg_test_sql (sql);
      PGresult *result = PQexec (conn, text_pg);

      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        g_error ("%s: %s", text_pg, PQresultErrorMessage (result));
      for (int r = 0; r < PQntuples (result); r++)
        {
          GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

          for (int c = 0; c < PQnfields (result); c++)
            g_ptr_array_add (row, PQgetisnull (result, r, c) ? NULL : g_strdup (PQgetvalue (result, r, c)));
          g_ptr_array_add (rows, row);
        }
      PQclear (result);
      PQfinish (conn);
      return rows;
    }
  g_assert_cmpint (sqlite3_open_v2 (DB_PATH (self), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_ptr_array_add (row, g_strdup ((const char *) sqlite3_column_text (stmt, c)));
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

/* Changes the database directly (a second connection), to set up what the
 * API cannot make, such as a deadline long past; fails the test on error. */
void
hc_test_exec_sql (HcTestServer *self,
                  const char   *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (g_str_has_prefix (DB_PATH (self), "postgresql://"))
    {
      PGconn *conn = pg_connect (pg_database (DB_PATH (self)));

      pg_exec (conn, sql, NULL);
      /* rows written with their id leave the identity behind: catch up */
      pg_exec (conn,
               "DO $$ DECLARE r record; BEGIN"
               " FOR r IN SELECT table_name FROM information_schema.columns"
               "  WHERE table_schema = current_schema () AND column_name = 'id' AND is_identity = 'YES' LOOP"
               "  EXECUTE format ('SELECT setval (pg_get_serial_sequence (%L, ''id''),"
               " greatest ((SELECT max (id) FROM %I), 1))', r.table_name, r.table_name);"
               " END LOOP; END $$",
               NULL);
      PQfinish (conn);
      return;
    }
  g_assert_cmpint (sqlite3_open_v2 (DB_PATH (self), &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 30000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/**
 * hc_test_pg_hold:
 * @sql: what the other connection does in its transaction, e.g. a LOCK
 *
 * Over PostgreSQL: opens another connection to the server's database,
 * begins a transaction there and runs @sql in it, and keeps it open (its
 * locks held) until hc_test_pg_release(). Fails the test on error.
 *
 * Returns: (transfer full): the connection
 */
gpointer
hc_test_pg_hold (HcTestServer *self,
                 const char   *sql)
{
  PGconn *conn;

  g_assert_true (g_str_has_prefix (DB_PATH (self), "postgresql://"));
  conn = pg_connect (pg_database (DB_PATH (self)));
  pg_exec (conn, "BEGIN", NULL);
  pg_exec (conn, sql, NULL);
  return conn;
}

/* Rolls back the transaction of hc_test_pg_hold() and closes its connection. */
void
hc_test_pg_release (gpointer held)
{
  pg_exec (held, "ROLLBACK", NULL);
  PQfinish (held);
}

/* Runs @sql on the database directly, with foreign keys enforced (SQLite
 * leaves them to each connection): TRUE when the database refuses it as a
 * constraint violation (SQLITE_CONSTRAINT; SQLSTATE class 23), FALSE when it
 * is done. Fails the test on any other error. */
gboolean
hc_test_exec_sql_refused (HcTestServer *self,
                          const char   *sql)
{
  sqlite3 *db = NULL;
  int rc;

  if (g_str_has_prefix (DB_PATH (self), "postgresql://"))
    {
      PGconn *conn = pg_connect (pg_database (DB_PATH (self)));
      PGresult *result = PQexec (conn, sql);
      const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
      gboolean refused = FALSE;

      if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
        {
          if (state == NULL || !g_str_has_prefix (state, "23"))
            g_error ("%s: %s", sql, PQresultErrorMessage (result));
          refused = TRUE;
        }
      PQclear (result);
      PQfinish (conn);
      return refused;
    }
  g_assert_cmpint (sqlite3_open_v2 (DB_PATH (self), &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 30000);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK && rc != SQLITE_CONSTRAINT)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_close (db);
  return rc == SQLITE_CONSTRAINT;
}

/* Moves dates of rows made through the API into the past with one UPDATE
 * (@sql): what the API dates today (a repair decided, a case closed) cannot
 * be set up for a past plan year otherwise. Fails the test unless the
 * statement is an UPDATE that changed at least one row. */
void
hc_test_server_backdate (HcTestServer *self,
                         const char   *sql)
{
  sqlite3 *db = NULL;

  g_assert_true (g_ascii_strncasecmp (sql, "UPDATE ", 7) == 0);
  if (g_str_has_prefix (DB_PATH (self), "postgresql://"))
    {
      PGconn *conn = pg_connect (pg_database (DB_PATH (self)));
      gint64 changes = 0;

      pg_exec (conn, sql, &changes);
      g_assert_cmpint (changes, >, 0);
      PQfinish (conn);
      return;
    }
  g_assert_cmpint (sqlite3_open_v2 (DB_PATH (self), &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sqlite3_close (db);
}
