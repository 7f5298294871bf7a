/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The functions PostgreSQL calls where a translated statement
 * (hcs-store-pg-sql.c) needs SQLite's meaning — sum() of booleans, the time
 * functions — as temporary functions of each connection, or, for a hot
 * standby that can make none, as this server's set in its schema
 * hcs_sqlite_HASH, which the primary makes at migrate (issue 15). Which
 * sets are in use, and dropping the others: hcs-store-pg-functions.c. */
#define G_LOG_DOMAIN "hcs-store-pg"

#include "config.h"

#include <string.h>

#include "hcs-store-pg-sql.h"

/* A statement for a hot standby's connection (--db-read), which can make
 * no temporary function: it calls those of this server's schema
 * hcs_sqlite_HASH instead, the same ones, which the primary makes
 * (hcs_pg_sql_shared_functions()). */
void
hcs_pg_sql_use_shared_functions (HcsPgSql *sql)
{
  char **texts[] = { &sql->text, &sql->describe };
  g_autofree char *prefix = g_strconcat (hcs_pg_sql_shared_schema (), ".sq_", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (*texts[i] != NULL && strstr (*texts[i], "pg_temp.sq_") != NULL)
      {
        g_auto(GStrv) parts = g_strsplit (*texts[i], "pg_temp.sq_", -1);

        g_free (*texts[i]);
        *texts[i] = g_strjoinv (prefix, parts);
      }
}

/* A test's other version of the functions (HCS_TEST_PG_FUNCTIONS_VARIANT,
 * tests only: test-api-pg-standby.py): sq_int (boolean) answers a bigint,
 * a definition that CREATE OR REPLACE cannot put over this one — as a
 * later server version might change one. */
static const char VARIANT_FROM[] =
  "CREATE FUNCTION pg_temp.sq_int (boolean) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT $1::integer';";
static const char VARIANT_TO[] =
  "CREATE FUNCTION pg_temp.sq_int (boolean) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT $1::integer::bigint';";

/**
 * hcs_pg_sql_function_text:
 *
 * Returns: the SQL that makes the translation's functions as temporary
 *   ones (pg_temp.sq_*): hcs_pg_sql_functions, or a test's variant
 */
const char *
hcs_pg_sql_function_text (void)
{
  static char *text;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      const char *variant = g_getenv ("HCS_TEST_PG_FUNCTIONS_VARIANT");
      char *made;

      if (variant != NULL && *variant != '\0')
        {
          g_auto(GStrv) parts = g_strsplit (hcs_pg_sql_functions, VARIANT_FROM, 2);

          g_assert (g_strv_length (parts) == 2);
          made = g_strjoinv (VARIANT_TO, parts);
        }
      else
        made = g_strdup (hcs_pg_sql_functions);
      text = made;
      g_once_init_leave (&once, 1);
    }
  return text;
}

/**
 * hcs_pg_sql_shared_schema:
 *
 * Returns: the schema of this server's shared functions: hcs_sqlite_ and
 *   the first 16 hexadecimal digits of the SHA-256 of their definitions, so
 *   that servers of two versions on one database (a rolling upgrade) each
 *   call their own and neither replaces the other's
 */
const char *
hcs_pg_sql_shared_schema (void)
{
  static char *schema;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, hcs_pg_sql_function_text (), -1);

      schema = g_strdup_printf ("hcs_sqlite_%.16s", hash);
      g_once_init_leave (&once, 1);
    }
  return schema;
}

/**
 * hcs_pg_sql_shared_functions:
 *
 * Returns: the SQL that makes the functions of hcs_pg_sql_function_text()
 *   in this server's schema (hcs_pg_sql_shared_schema()), the schema first:
 *   run on the primary by migrate when the schema is missing, under the
 *   migrations' lock, for the standbys that replay it (a hot standby can
 *   make no temporary function). Not a migration: the functions belong to
 *   the translation, as the temporary ones, and are this server's whatever
 *   the schema's version. The schema's comment names the server that made
 *   it, for whoever cleans the sets of older versions.
 */
char *
hcs_pg_sql_shared_functions (void)
{
  const char *schema = hcs_pg_sql_shared_schema ();
  g_autofree char *created_by = g_strdup_printf ("CREATE OR REPLACE FUNCTION %s.", schema);
  g_autofree char *called_as = g_strdup_printf ("%s.sq_", schema);
  g_auto(GStrv) created = g_strsplit (hcs_pg_sql_function_text (), "CREATE FUNCTION pg_temp.", -1);
  g_autofree char *text = g_strjoinv (created_by, created);
  g_auto(GStrv) called = g_strsplit (text, "pg_temp.sq_", -1);
  g_autofree char *body = g_strjoinv (called_as, called);

  return g_strdup_printf ("CREATE SCHEMA IF NOT EXISTS %s; %s"
                          " COMMENT ON SCHEMA %s IS 'the SQLite translation''s functions of hncredit-server %s';",
                          schema, body, schema, PACKAGE_VERSION);
}

/* SQLite's functions the translation maps to PostgreSQL ones of the same
 * meaning, as temporary functions of the connection (pg_temp: nothing is
 * added to the schema; a standby's connection calls the same functions of
 * this server's schema hcs_sqlite_HASH, above). sq_int lets sum() count booleans as
 * SQLite does; the time functions read SQLite's time values and modifiers
 * ('now', '+8 hours', '-3 days', '+1 year', 'start of month') and, like
 * SQLite, answer NULL for one they cannot read. */
const char hcs_pg_sql_functions[] =
  "CREATE FUNCTION pg_temp.sq_int (boolean) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT $1::integer';"
  "CREATE FUNCTION pg_temp.sq_int (integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT $1';"
  "CREATE FUNCTION pg_temp.sq_int (bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT $1';"
  "CREATE FUNCTION pg_temp.sq_int (numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT $1';"
  "CREATE FUNCTION pg_temp.sq_int (double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS 'SELECT $1';"
  "CREATE FUNCTION pg_temp.sq_time (t text, mods text[]) RETURNS timestamp LANGUAGE plpgsql STABLE AS $$\n"
  "DECLARE r timestamp; m text;\n"
  "BEGIN\n"
  "  IF t IS NULL THEN RETURN NULL; END IF;\n"
  "  IF lower (t) = 'now' THEN r := date_trunc ('second', now () AT TIME ZONE 'UTC');\n"
  "  ELSIF t !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?Z?)?$' THEN RETURN NULL;\n"
  "  ELSE r := replace (t, 'Z', '')::timestamp;\n"
  "  END IF;\n"
  "  FOREACH m IN ARRAY mods LOOP\n"
  "    IF m IS NULL THEN RETURN NULL; END IF;\n"
  "    m := lower (btrim (m));\n"
  "    IF m ~ '^[+-]?[0-9]+(\\.[0-9]+)? *(second|minute|hour|day|month|year)s?$' THEN r := r + m::interval;\n"
  "    ELSIF m = 'start of month' THEN r := date_trunc ('month', r);\n"
  "    ELSIF m = 'start of year' THEN r := date_trunc ('year', r);\n"
  "    ELSIF m = 'start of day' THEN r := date_trunc ('day', r);\n"
  "    ELSE RETURN NULL;\n"
  "    END IF;\n"
  "  END LOOP;\n"
  "  RETURN r;\n"
  "END $$;"
  "CREATE FUNCTION pg_temp.sq_date (t text, mods text[]) RETURNS text LANGUAGE sql STABLE AS"
  " 'SELECT to_char (pg_temp.sq_time (t, mods), ''YYYY-MM-DD'')';"
  "CREATE FUNCTION pg_temp.sq_datetime (t text, mods text[]) RETURNS text LANGUAGE sql STABLE AS"
  " 'SELECT to_char (pg_temp.sq_time (t, mods), ''YYYY-MM-DD HH24:MI:SS'')';"
  "CREATE FUNCTION pg_temp.sq_julianday (t text, mods text[]) RETURNS double precision LANGUAGE sql STABLE AS"
  " 'SELECT extract (epoch FROM pg_temp.sq_time (t, mods))::double precision / 86400.0 + 2440587.5';"
  "CREATE FUNCTION pg_temp.sq_strftime (fmt text, t text, mods text[]) RETURNS text LANGUAGE plpgsql STABLE AS $$\n"
  "DECLARE r timestamp := pg_temp.sq_time (t, mods); out text := ''; i integer := 1; c text;\n"
  "BEGIN\n"
  "  IF r IS NULL OR fmt IS NULL THEN RETURN NULL; END IF;\n"
  "  WHILE i <= length (fmt) LOOP\n"
  "    c := substr (fmt, i, 1);\n"
  "    IF c = '%' AND i < length (fmt) THEN\n"
  "      i := i + 1;\n"
  "      c := substr (fmt, i, 1);\n"
  "      out := out || CASE c WHEN 'Y' THEN to_char (r, 'YYYY') WHEN 'm' THEN to_char (r, 'MM')\n"
  "        WHEN 'd' THEN to_char (r, 'DD') WHEN 'H' THEN to_char (r, 'HH24') WHEN 'M' THEN to_char (r, 'MI')\n"
  "        WHEN 'S' THEN to_char (r, 'SS') WHEN 'j' THEN to_char (r, 'DDD') WHEN 'w' THEN extract (dow FROM r)::text\n"
  "        WHEN 's' THEN extract (epoch FROM r)::bigint::text WHEN '%' THEN '%' ELSE '' END;\n"
  "    ELSE out := out || c;\n"
  "    END IF;\n"
  "    i := i + 1;\n"
  "  END LOOP;\n"
  "  RETURN out;\n"
  "END $$;";
