/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `hncredit-server pg-functions --db postgresql://… [--drop-unused]`: the
 * per-version sets of the translation's functions on a PostgreSQL database
 * (hcs_sqlite_HASH, which the standbys' connections call; issue 15), a
 * line each: its name, the version that made it, and whether a running
 * server uses it; with --drop-unused, those none uses are dropped (this
 * version's is kept). Exits 0, 1 on an error, 2 on wrong arguments. */
#define G_LOG_DOMAIN "hncredit-server"

#include "config.h"

#include <glib/gi18n.h>

#include "hcs-pg-functions.h"
#include "hcs-store-pg.h"

int
hcs_pg_functions_main (int    argc,
                       char  *argv[])
{
  g_autofree char *db = NULL;
  gboolean drop_unused = FALSE;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_STRING, &db, N_("The PostgreSQL database (its primary; a libpq URI)"),
      N_("postgresql://USER@HOST:PORT/DBNAME") },
    { "drop-unused", 0, 0, G_OPTION_ARG_NONE, &drop_unused,
      N_("Drop the sets that no running server uses (this version’s is kept)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("— list the server versions’ sets of functions on a PostgreSQL database, "
                            "and drop those no running server uses"));
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsPg) pg = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  guint dropped = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("hncredit-server pg-functions: %s\n", error->message);
      return 2;
    }
  if (db == NULL || rest != NULL || !hcs_pg_is_uri (db))
    {
      g_printerr ("hncredit-server pg-functions: %s\n",
                  _("give --db postgresql://USER@HOST:PORT/DBNAME (the primary)"));
      return 2;
    }
  /* No functions of its own, no lock: this command uses no set. */
  if ((pg = hcs_pg_open (db, &error)) == NULL ||
      (sets = hcs_pg_function_sets (pg, drop_unused, &error)) == NULL)
    {
      g_printerr ("hncredit-server pg-functions: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < sets->len; i++)
    {
      const HcsPgFunctionSet *set = g_ptr_array_index (sets, i);
      const char *state;

      if (set->own)
        state = _("this version’s: kept");
      else if (set->dropped)
        state = _("used by no running server: dropped");
      else if (set->in_use)
        state = _("in use by a running server: kept");
      else
        state = _("used by no running server (--drop-unused drops it)");
      g_print ("%s\t%s\t%s\n", set->schema, set->comment, state);
      dropped += set->dropped ? 1 : 0;
    }
  if (drop_unused)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u set dropped.\n", "%u sets dropped.\n", dropped), dropped);
  return 0;
}
