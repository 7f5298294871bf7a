/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `hncredit-server migrate --from credit.db --to postgresql://…`: a SQLite
 * database copied into a new PostgreSQL database (issue 15), schema and
 * rows, and checked table by table (hcs-store-pg-copy.c). Prints a row a
 * table: rows on each side, the SHA-256 of each side, the verdict. Exits 0
 * when every table matched (and the copy is committed), 1 on a mismatch or
 * an error (nothing is left in the target), 2 on wrong arguments. A target
 * that already has the schema is refused: a second run changes nothing. */
#define G_LOG_DOMAIN "hncredit-server"

#include "config.h"

#include <glib/gi18n.h>

#include "hcs-pg-migrate.h"
#include "hcs-store-pg.h"

/* @text padded with spaces to @width terminal columns (CJK characters take
 * two). */
static void
print_cell (const char *text,
            int         width)
{
  int used = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    used += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  g_print ("%s", text);
  for (int i = used; i < width; i++)
    g_print (" ");
}

static void
print_row (const char *table,
           const char *source_rows,
           const char *target_rows,
           const char *source_sha,
           const char *target_sha,
           const char *verdict)
{
  print_cell (table, 26);
  print_cell (source_rows, 12);
  print_cell (target_rows, 12);
  print_cell (source_sha, 18);
  print_cell (target_sha, 18);
  g_print ("%s\n", verdict);
}

static void
print_checks (GPtrArray *checks)
{
  print_row (_("Table"), _("SQLite rows"), _("PG rows"), _("SQLite SHA-256"), _("PG SHA-256"), _("Check result"));
  for (guint i = 0; i < checks->len; i++)
    {
      const HcsPgTableCheck *c = g_ptr_array_index (checks, i);
      g_autofree char *source_rows = g_strdup_printf ("%" G_GINT64_FORMAT, c->source_rows);
      g_autofree char *target_rows = g_strdup_printf ("%" G_GINT64_FORMAT, c->target_rows);
      g_autofree char *source_sha = g_strndup (c->source_sha256 ? c->source_sha256 : "-", 16);
      g_autofree char *target_sha = g_strndup (c->target_sha256 ? c->target_sha256 : "-", 16);

      print_row (c->table, source_rows, target_rows, source_sha, target_sha,
                 hcs_pg_table_check_matches (c) ? _("match") : _("MISMATCH"));
    }
}

/* The message for an error of the target, with what to do about it. */
static void
print_target_error (const GError *error)
{
  if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_UNAVAILABLE))
    g_printerr ("hncredit-server migrate: %s\n  %s\n",
                _("cannot reach the PostgreSQL database of --to: check its host, port, database name, "
                  "user and password (PGPASSWORD or ~/.pgpass). Nothing was changed."),
                error->message);
  else if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_DUPLICATE))
    g_printerr ("hncredit-server migrate: %s\n  %s\n",
                _("the PostgreSQL database of --to already holds an hncredit database; migrate copies "
                  "into a new, empty database only (createdb NAME). Nothing was changed."),
                error->message);
  else
    g_printerr ("hncredit-server migrate: %s\n  %s\n",
                _("the copy failed and was rolled back; the PostgreSQL database is as it was:"),
                error->message);
}

int
hcs_pg_migrate_main (int    argc,
                     char  *argv[])
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("The SQLite database to copy"), N_("PATH") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The new PostgreSQL database (a libpq URI; the password from PGPASSWORD or ~/.pgpass)"), N_("postgresql://USER@HOST:PORT/DBNAME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("— copy a SQLite database into a new PostgreSQL database, and check the copy"));
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsStore) source = NULL;
  g_autoptr(HcsPg) target = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  gboolean all_match = FALSE;
  int version;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("hncredit-server migrate: %s\n", error->message);
      return 2;
    }
  if (from == NULL || to == NULL || rest != NULL)
    {
      g_printerr ("hncredit-server migrate: %s\n",
                  _("give --from PATH (the SQLite database) and --to postgresql://USER@HOST:PORT/DBNAME"));
      return 2;
    }
  if (!hcs_pg_is_uri (to))
    {
      /* not echoed: a URI may hold a password */
      g_printerr ("hncredit-server migrate: %s\n",
                  _("--to takes a PostgreSQL connection URI that starts with postgresql://, "
                    "e.g. postgresql://hncredit@db.example:5432/hncredit"));
      return 2;
    }
  if (!g_file_test (from, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("hncredit-server migrate: ");
      g_printerr (_("There is no database at %s."), from);
      g_printerr ("\n");
      return 1;
    }
  source = hcs_store_open (from, &error);
  if (source == NULL)
    {
      g_printerr ("hncredit-server migrate: %s\n", error->message);
      return 1;
    }
  version = hcs_store_get_schema_version (source);
  if (version != HCS_SCHEMA_VERSION)
    {
      g_printerr ("hncredit-server migrate: ");
      if (version > HCS_SCHEMA_VERSION)
        g_printerr (_("%s has schema version %d, newer than this server’s %d: migrate it with the server "
                      "that wrote it. Nothing was changed."), from, version, HCS_SCHEMA_VERSION);
      else
        g_printerr (_("%s has schema version %d, older than this server’s %d: start hncredit-server "
                      "--db %s once (it brings the database up to date), then migrate it. Nothing was changed."),
                    from, version, HCS_SCHEMA_VERSION, from);
      g_printerr ("\n");
      return 1;
    }
  target = hcs_pg_open (to, &error);
  if (target == NULL)
    {
      print_target_error (error);
      return 1;
    }
  checks = hcs_pg_copy_from_sqlite (target, source, &all_match, &error);
  if (checks == NULL)
    {
      print_target_error (error);
      return 1;
    }
  print_checks (checks);
  if (!all_match)
    {
      g_printerr ("hncredit-server migrate: %s\n",
                  _("the copy differs from the SQLite database in the tables marked MISMATCH; it was "
                    "rolled back and the PostgreSQL database is as it was."));
      return 1;
    }
  g_print (_("%u tables copied and checked: every row count and checksum matches. "
             "The PostgreSQL database has schema version %d.\n"),
           checks->len, HCS_SCHEMA_VERSION);
  return 0;
}
