/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The per-version sets of the translation's functions (hcs_sqlite_HASH,
 * issue 15), which a hot standby's connections call: which are in use, and
 * dropping those no running server uses (`hncredit-server pg-functions
 * --drop-unused`). A set is in use while a server of its version runs:
 * each of that server's connections to the primary holds a shared advisory
 * lock named by the set's hash, for as long as it lives
 * (hcs_pg_hold_functions()). A server that reads from a standby has its
 * connections to the primary too (sessions and writes go there), so the
 * lock on the primary covers the standbys' readers. A set is dropped in a
 * transaction that holds the same lock exclusively: none of its servers
 * runs, and one that starts meanwhile waits for the drop to commit, then
 * finds its set missing and makes it again at migrate. */
#define G_LOG_DOMAIN "hcs-store-pg"

#include "config.h"

#include "hcs-store-pg-private.h"
#include "hcs-store-pg-sql.h"

/* The advisory locks' first key ("hcsq" in ASCII), the second the first 32
 * bits of the set's hash: apart from the migrations' lock (one key). Two
 * hashes that share those bits keep each other's set: never dropped in
 * use, at worst kept. */
#define HOLD_KEY "1751348081"
#define SET_KEY(name) "('x' || substr (" name ", 12, 8))::bit(32)::integer"

static const char SQL_HOLD[] = "SELECT 1 FROM pg_advisory_lock_shared (" HOLD_KEY ", " SET_KEY ("$1") ")";
static const char SQL_SETS[] =
  "SELECT nspname, coalesce (obj_description (oid, 'pg_namespace'), '') FROM pg_namespace"
  " WHERE nspname ~ '^hcs_sqlite_[0-9a-f]{16}$' ORDER BY nspname";
static const char SQL_TRY[] = "SELECT pg_try_advisory_xact_lock (" HOLD_KEY ", " SET_KEY ("$1") ")";

void
hcs_pg_function_set_free (HcsPgFunctionSet *set)
{
  if (set == NULL)
    return;
  g_free (set->schema);
  g_free (set->comment);
  g_free (set);
}

/**
 * hcs_pg_hold_functions:
 *
 * On a connection to a primary: marks this server's set of functions in
 * use for as long as the connection lives (a shared advisory lock, taken
 * again when the connection is opened again), so that `pg-functions
 * --drop-unused` leaves it. Waits, within lock_timeout, for a drop of the
 * set that is committing.
 */
gboolean
hcs_pg_hold_functions (HcsPg   *pg,
                       GError **error)
{
  const char *params[1] = { hcs_pg_sql_shared_schema () };
  g_autofree char *held = hcs_pg_single_text (pg, SQL_HOLD, 1, params, error);

  return held != NULL;
}

/* Whether no server holds @schema, and if so, with @drop, drops it; in a
 * transaction of its own, which holds the set's lock to its end. */
static gboolean
check_set (HcsPg            *pg,
           HcsPgFunctionSet *set,
           gboolean          drop,
           GError          **error)
{
  const char *params[1] = { set->schema };
  g_autofree char *free_now = NULL;

  if (!hcs_pg_begin (pg, error))
    return FALSE;
  free_now = hcs_pg_single_text (pg, SQL_TRY, 1, params, error);
  if (free_now == NULL)
    {
      hcs_pg_rollback (pg);
      return FALSE;
    }
  set->in_use = !g_str_equal (free_now, "t");
  if (drop && !set->in_use)
    {
      /* the name is checked by SQL_SETS' pattern: hcs_sqlite_ and hex digits */
      g_autofree char *sql = g_strdup_printf ("DROP SCHEMA %s CASCADE", set->schema);

      if (!hcs_pg_exec (pg, sql, error) || !hcs_pg_commit (pg, error))
        {
          hcs_pg_rollback (pg);
          return FALSE;
        }
      set->dropped = TRUE;
      return TRUE;
    }
  hcs_pg_rollback (pg);
  return TRUE;
}

/**
 * hcs_pg_function_sets:
 * @drop_unused: drop the sets no running server uses (but this version's)
 *
 * The sets of functions of every server version that made one on the
 * database, each with its comment (the version that made it), whether it
 * is this server's, whether a running server uses it, and whether it was
 * dropped. The schema `hcs_sqlite` of the servers before the versioned
 * sets is not one of them: those servers hold no lock.
 *
 * Returns: (element-type HcsPgFunctionSet): the sets, or %NULL with @error
 *   set (the sets dropped until then stay dropped)
 */
GPtrArray *
hcs_pg_function_sets (HcsPg     *pg,
                      gboolean   drop_unused,
                      GError   **error)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) hcs_pg_function_set_free);
  PGresult *result = PQexec (hcs_pg_get_conn (pg), SQL_SETS);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      hcs_pg_set_error (pg, result, error);
      PQclear (result);
      return NULL;
    }
  for (int i = 0; i < PQntuples (result); i++)
    {
      HcsPgFunctionSet *set = g_new0 (HcsPgFunctionSet, 1);

      set->schema = g_strdup (PQgetvalue (result, i, 0));
      set->comment = g_strdup (PQgetvalue (result, i, 1));
      set->own = g_str_equal (set->schema, hcs_pg_sql_shared_schema ());
      g_ptr_array_add (sets, set);
    }
  PQclear (result);
  for (guint i = 0; i < sets->len; i++)
    {
      HcsPgFunctionSet *set = g_ptr_array_index (sets, i);

      if (!check_set (pg, set, drop_unused && !set->own, error))
        return NULL;
    }
  return g_steal_pointer (&sets);
}
