/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `migrate`'s copy of a SQLite database into PostgreSQL (issue 15): every
 * table of the SQLite file, row by row through COPY FROM STDIN, then each
 * table read back with COPY TO STDOUT and compared — row count and the
 * SHA-256 of the rows' canonical text, computed the same way on both
 * sides: PostgreSQL's COPY text form (tab-separated, \N for NULL, the
 * backslash escapes, floating-point values in their shortest exact form),
 * one line a row, ordered by the primary key (text in the C collation,
 * byte order, as SQLite's BINARY). The source side is the text sent to
 * COPY, written here from SQLite's values; the target side is the text
 * PostgreSQL writes back from what it stored. All in one PostgreSQL
 * transaction, schema included: a failure or a mismatch leaves the target
 * as it was. */
#define G_LOG_DOMAIN "hcs-store-pg"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hcs-store-pg-private.h"
#include "hcs-store-private.h"

/* COPY data goes to the server in chunks of about this size. */
#define COPY_CHUNK (256 * 1024)

typedef struct
{
  char      *name;
  GPtrArray *columns;   /* char *, in the table's order */
  GPtrArray *key;       /* char *, the primary key's columns in its order */
  GPtrArray *refs;      /* char *, the other tables its foreign keys name */
} Table;

static void
table_free (Table *t)
{
  g_free (t->name);
  g_ptr_array_unref (t->columns);
  g_ptr_array_unref (t->key);
  g_ptr_array_unref (t->refs);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

void
hcs_pg_table_check_free (HcsPgTableCheck *check)
{
  g_free (check->table);
  g_free (check->source_sha256);
  g_free (check->target_sha256);
  g_free (check);
}

gboolean
hcs_pg_table_check_matches (const HcsPgTableCheck *check)
{
  return check->source_rows == check->target_rows &&
         g_strcmp0 (check->source_sha256, check->target_sha256) == 0;
}

/* "name" quoted for either SQL dialect. */
static char *
quote_ident (const char *name)
{
  GString *s = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

static char *
column_list (GPtrArray *columns)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *q = quote_ident (g_ptr_array_index (columns, i));

      g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", q);
    }
  return g_string_free (s, FALSE);
}

static gboolean
sqlite_failed (HcsStore  *source,
               GError   **error)
{
  return hcs_store_set_error (source, sqlite3_extended_errcode (hcs_store_get_db (source)), error);
}

/* Fills @t's columns, key and references from SQLite's catalog. */
static gboolean
read_table (HcsStore  *source,
            Table     *t,
            GError   **error)
{
  sqlite3 *db = hcs_store_get_db (source);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GArray) key_positions = g_array_new (FALSE, FALSE, sizeof (int));
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT name, pk FROM pragma_table_info (?1) ORDER BY cid", -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_failed (source, error);
  sqlite3_bind_text (stmt, 1, t->name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int pk = sqlite3_column_int (stmt, 1);

      g_ptr_array_add (t->columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_array_append_val (key_positions, pk);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sqlite_failed (source, error);
  for (int k = 1; k <= (int) t->columns->len; k++)
    for (guint i = 0; i < key_positions->len; i++)
      if (g_array_index (key_positions, int, i) == k)
        g_ptr_array_add (t->key, g_strdup (g_ptr_array_index (t->columns, i)));
  if (t->key->len == 0)   /* no declared key: every column, in order */
    for (guint i = 0; i < t->columns->len; i++)
      g_ptr_array_add (t->key, g_strdup (g_ptr_array_index (t->columns, i)));

  if (sqlite3_prepare_v2 (db, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list (?1)", -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_failed (source, error);
  sqlite3_bind_text (stmt, 1, t->name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), t->name) != 0)
      g_ptr_array_add (t->refs, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sqlite_failed (source, error);
  return TRUE;
}

/* The tables of the SQLite database, each after the tables its foreign
 * keys name, so that the target checks each row as it arrives. */
static GPtrArray *
source_tables (HcsStore  *source,
               GError   **error)
{
  sqlite3 *db = hcs_store_get_db (source);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                              " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_failed (source, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Table *t = g_new0 (Table, 1);

      t->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      t->columns = g_ptr_array_new_with_free_func (g_free);
      t->key = g_ptr_array_new_with_free_func (g_free);
      t->refs = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (pending, t);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sqlite_failed (source, error);
      return NULL;
    }
  for (guint i = 0; i < pending->len; i++)
    if (!read_table (source, g_ptr_array_index (pending, i), error))
      return NULL;

  while (pending->len > 0)
    {
      guint before = pending->len;

      for (guint i = 0; i < pending->len; )
        {
          Table *t = g_ptr_array_index (pending, i);
          gboolean ready = TRUE;

          for (guint r = 0; r < t->refs->len && ready; r++)
            ready = g_hash_table_contains (done, g_ptr_array_index (t->refs, r));
          if (!ready)
            {
              i++;
              continue;
            }
          g_hash_table_add (done, t->name);
          g_ptr_array_add (ordered, g_ptr_array_steal_index (pending, i));
        }
      if (pending->len == before)
        {
          g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_FAILED,
                       "the foreign keys of table %s form a cycle or name a missing table",
                       ((Table *) g_ptr_array_index (pending, 0))->name);
          return NULL;
        }
    }
  return g_steal_pointer (&ordered);
}

/* A double as PostgreSQL's float8 output writes it (extra_float_digits 1):
 * the shortest text that reads back as the same value, in exponent form
 * below 1e-4 and from 1e15 on. */
static void
append_double (GString *s,
               double   value)
{
  char buf[64];
  int exponent;

  if (isnan (value))
    {
      g_string_append (s, "NaN");
      return;
    }
  if (isinf (value))
    {
      g_string_append (s, value > 0 ? "Infinity" : "-Infinity");
      return;
    }
  if (value == 0)
    {
      g_string_append (s, signbit (value) ? "-0" : "0");
      return;
    }
  /* the fewest significant digits that read back exactly */
  for (int digits = 1; digits <= 17; digits++)
    {
      g_snprintf (buf, sizeof buf, "%.*e", digits - 1, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  exponent = atoi (strchr (buf, 'e') + 1);
  if (exponent < -4 || exponent >= 15)
    {
      /* d.ddde±XX, as PostgreSQL: at least two exponent digits */
      char *e = strchr (buf, 'e');

      *e = '\0';
      g_string_append_printf (s, "%se%c%02d", buf, exponent < 0 ? '-' : '+', abs (exponent));
    }
  else
    {
      /* the same digits without the exponent */
      char digits[32];
      int n = 0, point;
      gboolean negative = buf[0] == '-';

      for (const char *p = buf + (negative ? 1 : 0); *p != 'e'; p++)
        if (g_ascii_isdigit (*p))
          digits[n++] = *p;
      digits[n] = '\0';
      point = exponent + 1;   /* digits before the point */
      if (negative)
        g_string_append_c (s, '-');
      if (point <= 0)
        {
          g_string_append (s, "0.");
          for (int i = 0; i < -point; i++)
            g_string_append_c (s, '0');
          g_string_append (s, digits);
        }
      else if (point >= n)
        {
          g_string_append (s, digits);
          for (int i = n; i < point; i++)
            g_string_append_c (s, '0');
        }
      else
        {
          g_string_append_len (s, digits, point);
          g_string_append_c (s, '.');
          g_string_append (s, digits + point);
        }
    }
}

/* One row of @stmt as a COPY line. */
static gboolean
append_row (GString       *s,
            sqlite3_stmt  *stmt,
            const Table   *t,
            GError       **error)
{
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, '\t');
      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_NULL:
          g_string_append (s, "\\N");
          break;
        case SQLITE_INTEGER:
          g_string_append_printf (s, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          append_double (s, sqlite3_column_double (stmt, i));
          break;
        case SQLITE_TEXT:
          if (!hcs_pg_copy_append_text (s, (const char *) sqlite3_column_text (stmt, i), sqlite3_column_bytes (stmt, i)))
            {
              g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_CONSTRAINT,
                           "%s.%s: a text holds a NUL character, which PostgreSQL cannot store",
                           t->name, (const char *) g_ptr_array_index (t->columns, i));
              return FALSE;
            }
          break;
        default:
          g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_CONSTRAINT,
                       "%s.%s: a BLOB value, which the schema never stores",
                       t->name, (const char *) g_ptr_array_index (t->columns, i));
          return FALSE;
        }
    }
  g_string_append_c (s, '\n');
  return TRUE;
}

static gboolean
put_copy_data (HcsPg    *pg,
               GString  *buffer,
               GError  **error)
{
  if (buffer->len > 0 && PQputCopyData (hcs_pg_get_conn (pg), buffer->str, (int) buffer->len) != 1)
    return hcs_pg_set_error (pg, NULL, error);
  g_string_truncate (buffer, 0);
  return TRUE;
}

/* Waits for the end of a COPY and checks it. */
static gboolean
finish_copy (HcsPg   *pg,
             GError **error)
{
  PGresult *result;
  gboolean ok = TRUE;

  while ((result = PQgetResult (hcs_pg_get_conn (pg))) != NULL)
    {
      if (ok && PQresultStatus (result) != PGRES_COMMAND_OK)
        ok = hcs_pg_set_error (pg, result, error);
      PQclear (result);
    }
  return ok;
}

/* Copies @t's rows from SQLite into PostgreSQL in key order, and fills
 * the source side of @check. */
static gboolean
copy_table (HcsPg            *pg,
            HcsStore         *source,
            const Table      *t,
            HcsPgTableCheck  *check,
            GError          **error)
{
  g_autofree char *name = quote_ident (t->name);
  g_autofree char *columns = column_list (t->columns);
  g_autofree char *key = column_list (t->key);
  g_autofree char *select = g_strdup_printf ("SELECT %s FROM %s ORDER BY %s", columns, name, key);
  g_autofree char *copy = g_strdup_printf ("COPY %s (%s) FROM STDIN", name, columns);
  g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) buffer = g_string_sized_new (COPY_CHUNK + 4096);
  sqlite3_stmt *stmt = NULL;
  PGresult *result;
  gboolean ok = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (hcs_store_get_db (source), select, -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_failed (source, error);
  result = PQexec (hcs_pg_get_conn (pg), copy);
  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      hcs_pg_set_error (pg, result, error);
      PQclear (result);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  PQclear (result);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gsize start = buffer->len;

      ok = append_row (buffer, stmt, t, error);
      if (!ok)
        break;
      g_checksum_update (sha, (const guchar *) buffer->str + start, buffer->len - start);
      check->source_rows++;
      if (buffer->len >= COPY_CHUNK)
        ok = put_copy_data (pg, buffer, error);
    }
  if (ok && rc != SQLITE_DONE)
    ok = sqlite_failed (source, error);
  sqlite3_finalize (stmt);
  if (ok)
    ok = put_copy_data (pg, buffer, error);
  /* ending the COPY with an error message makes the server refuse it */
  if (PQputCopyEnd (hcs_pg_get_conn (pg), ok ? NULL : "migrate stopped") != 1 && ok)
    ok = hcs_pg_set_error (pg, NULL, error);
  if (!finish_copy (pg, ok ? error : NULL))
    ok = FALSE;
  if (!ok)
    {
      g_prefix_error (error, "%s: ", t->name);
      return FALSE;
    }
  check->source_sha256 = g_strdup (g_checksum_get_string (sha));
  return TRUE;
}

/* Reads @t back from PostgreSQL in key order and fills the target side of
 * @check. */
static gboolean
check_table (HcsPg            *pg,
             const Table      *t,
             HcsPgTableCheck  *check,
             GError          **error)
{
  g_autofree char *name = quote_ident (t->name);
  g_autofree char *columns = column_list (t->columns);
  g_autofree char *key = column_list (t->key);
  g_autofree char *copy = g_strdup_printf ("COPY (SELECT %s FROM %s ORDER BY %s) TO STDOUT", columns, name, key);
  g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
  PGconn *conn = hcs_pg_get_conn (pg);
  PGresult *result = PQexec (conn, copy);
  char *line = NULL;
  int len;

  if (PQresultStatus (result) != PGRES_COPY_OUT)
    {
      hcs_pg_set_error (pg, result, error);
      PQclear (result);
      g_prefix_error (error, "%s: ", t->name);
      return FALSE;
    }
  PQclear (result);
  check->target_rows = 0;
  while ((len = PQgetCopyData (conn, &line, 0)) > 0)
    {
      g_checksum_update (sha, (const guchar *) line, len);
      check->target_rows++;
      PQfreemem (line);
    }
  if (len == -2 || !finish_copy (pg, error))
    {
      if (len == -2)
        hcs_pg_set_error (pg, NULL, error);
      g_prefix_error (error, "%s: ", t->name);
      return FALSE;
    }
  check->target_sha256 = g_strdup (g_checksum_get_string (sha));
  return TRUE;
}

/* The month partitions the rows of SQLite's @t need, for each of the
 * target's tables partitioned by month (hc_add_month_partition). */
static gboolean
add_partitions (HcsPg        *pg,
                HcsStore     *source,
                const Table  *t,
                GError      **error)
{
  const char *params[] = { t->name };
  g_autofree char *key_column = NULL;
  g_autofree char *name = quote_ident (t->name);
  g_autofree char *select = NULL;
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  key_column = hcs_pg_single_text (pg,
    "SELECT a.attname FROM pg_partitioned_table p"
    " JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]"
    " WHERE p.partrelid = to_regclass (quote_ident ($1)) AND p.partstrat = 'r'",
    1, params, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (key_column == NULL)   /* not partitioned */
    return TRUE;
  {
    g_autofree char *quoted = quote_ident (key_column);

    select = g_strdup_printf ("SELECT DISTINCT substr (%s, 1, 7) FROM %s ORDER BY 1", quoted, name);
  }
  if (sqlite3_prepare_v2 (hcs_store_get_db (source), select, -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_failed (source, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *month = (const char *) sqlite3_column_text (stmt, 0);
      const char *args[] = { t->name, month };
      g_autofree char *made = NULL;

      if (month == NULL || !g_regex_match_simple ("^[0-9]{4}-(0[1-9]|1[0-2])$", month, 0, 0))
        continue;   /* such rows go to the default partition */
      made = hcs_pg_single_text (pg, "SELECT hc_add_month_partition ($1, $2)", 2, args, &local);
      if (local != NULL)
        {
          sqlite3_finalize (stmt);
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sqlite_failed (source, error);
  return TRUE;
}

/* The identity columns' sequences continue after the copied ids. */
static gboolean
advance_identities (HcsPg   *pg,
                    GError **error)
{
  return hcs_pg_exec (pg,
    "DO $$ DECLARE c record; BEGIN"
    " FOR c IN SELECT table_name, column_name FROM information_schema.columns"
    "  WHERE table_schema = current_schema () AND is_identity = 'YES'"
    "    AND table_name IN (SELECT relname FROM pg_class WHERE relkind IN ('r', 'p') AND NOT relispartition)"
    " LOOP"
    "  EXECUTE format ('SELECT setval (pg_get_serial_sequence (%L, %L), coalesce (max (%I), 0) + 1, false) FROM %I',"
    "                  quote_ident (c.table_name), c.column_name, c.column_name, c.table_name);"
    " END LOOP; END $$",
    error);
}

static gboolean
set_user_triggers (HcsPg      *pg,
                   GPtrArray  *tables,
                   gboolean    enable,
                   GError    **error)
{
  for (guint i = 0; i < tables->len; i++)
    {
      const Table *t = g_ptr_array_index (tables, i);
      g_autofree char *name = quote_ident (t->name);
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE %s %s TRIGGER USER", name, enable ? "ENABLE" : "DISABLE");

      if (!hcs_pg_exec (pg, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* Checks that the target has every table of the source, and empties them
 * of the rows its own migrations put there (seed rows, which the source
 * has too). */
static gboolean
prepare_target (HcsPg      *pg,
                GPtrArray  *tables,
                GError    **error)
{
  g_autoptr(GString) truncate = g_string_new ("TRUNCATE ");

  for (guint i = 0; i < tables->len; i++)
    {
      const Table *t = g_ptr_array_index (tables, i);
      const char *params[] = { t->name };
      g_autofree char *exists = NULL;
      g_autofree char *name = quote_ident (t->name);

      exists = hcs_pg_single_text (pg, "SELECT to_regclass (quote_ident ($1)) IS NOT NULL", 1, params, error);
      if (exists == NULL)
        return FALSE;
      if (!g_str_equal (exists, "t"))
        {
          g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_SCHEMA,
                       "the SQLite database has a table %s that the PostgreSQL schema lacks", t->name);
          return FALSE;
        }
      g_string_append_printf (truncate, "%s%s", i > 0 ? ", " : "", name);
    }
  return tables->len == 0 || hcs_pg_exec (pg, truncate->str, error);
}

/**
 * hcs_pg_copy_from_sqlite:
 * @source: the SQLite database, at this server's schema version
 * @all_match: (out): whether every table's count and checksum matched
 *
 * Creates the schema in the target (which must have none), copies every
 * table of @source and checks each, in one transaction: committed when
 * every table matched, rolled back otherwise (and on any error). @source is
 * read in one read transaction, a consistent snapshot even while a server
 * writes to it.
 *
 * Returns: (transfer full): the HcsPgTableCheck of each table in copy
 * order, or NULL with @error set.
 */
GPtrArray *
hcs_pg_copy_from_sqlite (HcsPg     *self,
                         HcsStore  *source,
                         gboolean  *all_match,
                         GError   **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func ((GDestroyNotify) hcs_pg_table_check_free);
  gboolean ok = TRUE;
  int have;

  *all_match = FALSE;
  if (!hcs_store_exec (source, "BEGIN", error))
    return NULL;
  tables = source_tables (source, error);
  if (tables == NULL || !hcs_pg_begin (self, error))
    {
      hcs_store_exec (source, "ROLLBACK", NULL);
      return NULL;
    }
  ok = hcs_pg_lock_migrations (self, error);
  if (ok && (have = hcs_pg_get_schema_version (self, error)) != 0)
    {
      if (have > 0)
        g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_DUPLICATE,
                     "the PostgreSQL database already has the hncredit schema (version %d)", have);
      ok = FALSE;
    }
  ok = ok && hcs_pg_apply_migrations (self, 0, error)
          && prepare_target (self, tables, error)
          && set_user_triggers (self, tables, FALSE, error);
  for (guint i = 0; ok && i < tables->len; i++)
    {
      const Table *t = g_ptr_array_index (tables, i);
      HcsPgTableCheck *check = g_new0 (HcsPgTableCheck, 1);

      check->table = g_strdup (t->name);
      g_ptr_array_add (checks, check);
      ok = add_partitions (self, source, t, error) && copy_table (self, source, t, check, error);
    }
  ok = ok && set_user_triggers (self, tables, TRUE, error) && advance_identities (self, error)
          && hcs_pg_exec (self, "SELECT hc_after_copy ()", error);
  hcs_store_exec (source, "ROLLBACK", NULL);   /* only read */
  for (guint i = 0; ok && i < tables->len; i++)
    ok = check_table (self, g_ptr_array_index (tables, i), g_ptr_array_index (checks, i), error);
  if (!ok)
    {
      hcs_pg_rollback (self);
      return NULL;
    }
  *all_match = TRUE;
  for (guint i = 0; i < checks->len; i++)
    if (!hcs_pg_table_check_matches (g_ptr_array_index (checks, i)))
      *all_match = FALSE;
  if (!*all_match)
    hcs_pg_rollback (self);
  else if (!hcs_pg_commit (self, error))
    return NULL;
  return g_steal_pointer (&checks);
}
