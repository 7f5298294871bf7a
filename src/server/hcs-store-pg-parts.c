/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The month partitions of the big PostgreSQL tables (issue 15), kept ahead
 * while the server runs. Every table partitioned by a range of months
 * (risk_events, audit, penalties, licenses, commitments: schema/pg/) has a
 * DEFAULT partition for the months without their own; a month's partition
 * is made at start and then daily for this month (in Hainan) and the
 * HCS_PG_PARTITIONS_AHEAD months after it (3 unless set), and before an
 * import for the months of its records. A row already in the DEFAULT
 * partition for a month being made is moved into it in the same
 * transaction: PostgreSQL refuses to make a partition whose rows sit in
 * the DEFAULT one (hc_add_month_partition of migrate left them there). */
#define G_LOG_DOMAIN "hcs-store-pg"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hc-core.h"
#include "hcs-store-pg-private.h"
#include "hcs-store-private.h"

/* Taken by whoever makes a partition, to the end of its transaction, so
 * that two servers making the same month one after the other find it made
 * rather than fail on its name ("hcparts!" in ASCII). Not the migrations'
 * lock: an import holds this one to its commit. */
#define PARTITIONS_LOCK "6863706172747321"
/* How long the maintenance waits for the locks of a partition (the
 * parent's and its DEFAULT partition's): as long as a request does. An
 * import waits less (IMPORT_LOCK_WAIT): its records go to the DEFAULT
 * partition rather than the import waiting, and the next maintenance
 * moves them. */
#define IMPORT_LOCK_WAIT "1s"
#define DEFAULT_AHEAD 3

/* The tables partitioned by month, with their key column and their
 * DEFAULT partition (NULL when they have none). */
static const char SQL_TABLES[] =
  "SELECT c.relname, a.attname, d.relname FROM pg_partitioned_table p"
  " JOIN pg_class c ON c.oid = p.partrelid"
  " JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]"
  " LEFT JOIN pg_class d ON d.oid = p.partdefid"
  " WHERE p.partstrat = 'r' AND p.partnatts = 1 AND NOT c.relispartition"
  "  AND c.relnamespace = to_regnamespace (current_schema ())"
  " ORDER BY 1";
/* A scan of pg_class, not to_regclass: the catalog caches of a connection
 * that has just had the lock another connection made the partition under
 * may not have taken that in yet (api-pg-partitions saw CREATE TABLE fail
 * with "already exists" after to_regclass answered NULL). */
static const char SQL_EXISTS[] =
  "SELECT EXISTS (SELECT 1 FROM pg_class WHERE relname = $1 AND relnamespace = to_regnamespace (current_schema ()))";

typedef struct
{
  char *table;
  char *key;
  char *default_part;
} Parted;

static void
parted_free (Parted *p)
{
  g_free (p->table);
  g_free (p->key);
  g_free (p->default_part);
  g_free (p);
}

/* The month after @month ("YYYY-MM"), or NULL when it is not a month. */
static char *
next_month (const char *month)
{
  unsigned y, m;
  char tail;

  if (month == NULL || strlen (month) != 7 || sscanf (month, "%4u-%2u%c", &y, &m, &tail) != 2 ||
      m < 1 || m > 12 || !g_ascii_isdigit (month[0]) || !g_ascii_isdigit (month[5]))
    return NULL;
  return m == 12 ? g_strdup_printf ("%04u-01", y + 1) : g_strdup_printf ("%04u-%02u", y, m + 1);
}

static GPtrArray *
partitioned_tables (HcsPg   *pg,
                    GError **error)
{
  PGresult *result = PQexec (hcs_pg_get_conn (pg), SQL_TABLES);
  GPtrArray *tables;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      hcs_pg_set_error (pg, result, error);
      PQclear (result);
      return NULL;
    }
  tables = g_ptr_array_new_with_free_func ((GDestroyNotify) parted_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      Parted *p = g_new0 (Parted, 1);

      p->table = g_strdup (PQgetvalue (result, i, 0));
      p->key = g_strdup (PQgetvalue (result, i, 1));
      p->default_part = PQgetisnull (result, i, 2) ? NULL : g_strdup (PQgetvalue (result, i, 2));
      g_ptr_array_add (tables, p);
    }
  PQclear (result);
  return tables;
}

static char *
partition_name (const char *table,
                const char *month)
{
  g_autofree char *digits = g_strdup (month);

  digits[4] = digits[5];
  digits[5] = digits[6];
  digits[6] = '\0';
  return g_strdup_printf ("%s_%s", table, digits);
}

/* Whether @table_month exists; -1 with @error set when it cannot be told. */
static int
partition_exists (HcsPg       *pg,
                  const char  *name,
                  GError     **error)
{
  const char *params[1] = { name };
  g_autofree char *exists = hcs_pg_single_text (pg, SQL_EXISTS, 1, params, error);

  if (exists == NULL)
    return -1;
  return g_str_equal (exists, "t");
}

/* An identifier quoted for SQL (the names come from the catalog). */
static char *
ident (HcsPg      *pg,
       const char *name)
{
  char *quoted = PQescapeIdentifier (hcs_pg_get_conn (pg), name, strlen (name));
  char *copy = g_strdup (quoted != NULL ? quoted : "\"\"");

  PQfreemem (quoted);
  return copy;
}

/* Makes @p's partition of @month in the caller's transaction, which holds
 * PARTITIONS_LOCK: a table of the parent's columns and checks, the
 * DEFAULT partition's rows of the month moved into it (with the DEFAULT
 * partition's triggers off for the move: the rows stay the same rows, so
 * nothing kept by a trigger — the heat map's roll-up, record_numbers — and
 * no check of a delete — penalties_keep_repairs — may see them go), then
 * attached as the month's partition. ATTACH checks that the DEFAULT
 * partition holds no row of the month any more. Sets @moved to the rows
 * moved.
 *
 * The move (three statements, two of them ALTER TABLEs) is made only when
 * the DEFAULT partition holds a row of the month, which one look tells,
 * in the same round trip as the CREATE: a month made ahead has none.
 *
 * The parent alone (ONLY: not its partitions) is locked first, SHARE ROW
 * EXCLUSIVE, which keeps out writers and not readers, and then the DEFAULT
 * partition the same (what its DISABLE TRIGGER takes; ATTACH takes more):
 * no writer can put a row of the month in the DEFAULT partition between
 * the look and ATTACH, whose check would fail. The parent's lock is for a
 * writer that would come meanwhile: it waits at the parent, and once this
 * commits it routes its row into the new partition. With the DEFAULT
 * partition's lock alone it would have routed its row there first, waited
 * for the lock, and then failed, the row breaking the DEFAULT partition's
 * new bound (the CI once saw an audit entry fail so). */
static gboolean
make_partition (HcsPg         *pg,
                const Parted  *p,
                const char    *month,
                gint64        *moved,
                GError       **error)
{
  g_autofree char *next = next_month (month);
  g_autofree char *name = partition_name (p->table, month);
  g_autofree char *q_name = ident (pg, name);
  g_autofree char *q_table = ident (pg, p->table);
  g_autofree char *q_key = ident (pg, p->key);
  g_autofree char *create = NULL;
  g_autofree char *attach = NULL;
  int exists;

  *moved = 0;
  g_assert (next != NULL);
  exists = partition_exists (pg, name, error);
  if (exists != 0)
    return exists > 0;
  create = g_strdup_printf ("CREATE TABLE %s (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS)", q_name, q_table);
  if (p->default_part == NULL)
    {
      if (!hcs_pg_exec (pg, create, error))
        return FALSE;
    }
  else
    {
      g_autofree char *q_default = ident (pg, p->default_part);
      g_autofree char *look = g_strdup_printf (
        "%s; LOCK TABLE ONLY %s IN SHARE ROW EXCLUSIVE MODE; LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE;"
        " SELECT EXISTS (SELECT 1 FROM ONLY %s WHERE %s >= '%s' AND %s < '%s')",
        create, q_table, q_default, q_default, q_key, month, q_key, next);
      g_autofree char *found = hcs_pg_single_text (pg, look, 0, NULL, error);

      if (found == NULL)
        return FALSE;
      if (g_str_equal (found, "t"))
        {
          g_autofree char *move = g_strdup_printf (
            "ALTER TABLE %s DISABLE TRIGGER USER;"
            " WITH m AS (DELETE FROM ONLY %s WHERE %s >= '%s' AND %s < '%s' RETURNING *)"
            " INSERT INTO %s SELECT * FROM m;",
            q_default, q_default, q_key, month, q_key, next, q_name);
          g_autofree char *enable = g_strdup_printf ("ALTER TABLE %s ENABLE TRIGGER USER", q_default);
          g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM %s", q_name);
          g_autofree char *n = NULL;

          if (!hcs_pg_exec (pg, move, error) || !hcs_pg_exec (pg, enable, error) ||
              (n = hcs_pg_single_text (pg, count, 0, NULL, error)) == NULL)
            return FALSE;
          *moved = g_ascii_strtoll (n, NULL, 10);
        }
    }
  attach = g_strdup_printf ("ALTER TABLE %s ATTACH PARTITION %s FOR VALUES FROM ('%s') TO ('%s')",
                            q_table, q_name, month, next);
  return hcs_pg_exec (pg, attach, error);
}

/* Makes @p's partition of @month in a transaction of its own, under
 * PARTITIONS_LOCK. */
static gboolean
make_in_transaction (HcsPg         *pg,
                     const Parted  *p,
                     const char    *month,
                     GError       **error)
{
  g_autofree char *name = partition_name (p->table, month);
  gint64 moved = 0;
  int exists = partition_exists (pg, name, error);

  if (exists != 0)
    return exists > 0;
  if (!hcs_pg_begin (pg, error))
    return FALSE;
  if (!hcs_pg_exec (pg, "SELECT pg_advisory_xact_lock (x'" PARTITIONS_LOCK "'::bigint)", error) ||
      !make_partition (pg, p, month, &moved, error) || !hcs_pg_commit (pg, error))
    {
      hcs_pg_rollback (pg);
      g_prefix_error (error, "the partition %s: ", name);
      return FALSE;
    }
  if (moved > 0)
    g_message ("made the partition %s, with its %" G_GINT64_FORMAT " rows of the default partition", name, moved);
  return TRUE;
}

/* How many months after this one get their partition ahead. */
static guint
months_ahead (void)
{
  const char *env = g_getenv ("HCS_PG_PARTITIONS_AHEAD");
  gint64 n = env != NULL ? g_ascii_strtoll (env, NULL, 10) : DEFAULT_AHEAD;

  return (guint) CLAMP (n, 0, 120);
}

/**
 * hcs_pg_keep_partitions:
 * @today: today's date ("YYYY-MM-DD", in Hainan)
 *
 * Out of any transaction: every table partitioned by month gets the
 * partitions of @today's month and of the months_ahead() after it that it
 * lacks, each in a transaction of its own (a partition's locks are held
 * for as short as can be), the rows of that month in its DEFAULT partition
 * moved into it. Two servers doing it at once make each month once: the
 * second waits for the first's lock and finds the month made.
 */
gboolean
hcs_pg_keep_partitions (HcsPg       *pg,
                        const char  *today,
                        GError     **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *first = NULL;
  g_autofree char *check = NULL;
  guint ahead = months_ahead ();

  g_return_val_if_fail (!hcs_pg_in_transaction (pg), FALSE);
  g_return_val_if_fail (today != NULL && strlen (today) >= 7, FALSE);

  first = g_strndup (today, 7);
  if ((check = next_month (first)) == NULL)
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_FAILED, "not a date: %s", today);
      return FALSE;
    }
  if ((tables = partitioned_tables (pg, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *month = g_strdup (first);

      for (guint k = 0; k <= ahead; k++)
        {
          char *after;

          if (!make_in_transaction (pg, g_ptr_array_index (tables, i), month, error))
            return FALSE;
          after = next_month (month);
          g_free (month);
          month = after;
        }
    }
  return TRUE;
}

/**
 * hcs_pg_partitions_for_months:
 * @pg: the import's connection, in its transaction
 * @table: a table partitioned by month
 * @months: the months ("YYYY-MM") an import is about to write rows of
 *
 * The partitions @table lacks for @months, made before the import writes
 * its rows: each in a short transaction of its own on a second connection
 * (hcs_pg_open_again()), committed at once, with a short wait for its
 * locks (IMPORT_LOCK_WAIT). So the import holds none of their locks: made
 * in the import's transaction, the parent's (its writers) and the DEFAULT
 * partition's (its readers too) were held until the import committed. For
 * this the import must not have touched @table before (its last id comes
 * from the identity's sequence: hcs_store_imports_last_record_id()): the
 * ATTACH would wait for the import itself. A month that cannot be made now
 * (another transaction holds its locks, or no second connection) is left:
 * its rows go to the DEFAULT partition, from which the next maintenance of
 * that month moves them. A month made for an import that then fails stays,
 * as a month made ahead would. FALSE with @error set only when the
 * import's transaction cannot go on.
 */
gboolean
hcs_pg_partitions_for_months (HcsPg               *pg,
                              const char          *table,
                              const char * const  *months,
                              GError             **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(HcsPg) own = NULL;
  const Parted *p = NULL;

  g_return_val_if_fail (hcs_pg_in_transaction (pg), FALSE);
  if (months == NULL || months[0] == NULL)
    return TRUE;
  if ((tables = partitioned_tables (pg, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    if (g_str_equal (((Parted *) g_ptr_array_index (tables, i))->table, table))
      p = g_ptr_array_index (tables, i);
  if (p == NULL)
    return TRUE;
  for (guint i = 0; months[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *next = next_month (months[i]);
      g_autoptr(GError) local = NULL;
      int exists;

      if (next == NULL)
        continue;   /* not a month: such rows go to the DEFAULT partition */
      name = partition_name (table, months[i]);
      if ((exists = partition_exists (pg, name, error)) < 0)
        return FALSE;
      if (exists)
        continue;
      if (own == NULL &&
          ((own = hcs_pg_open_again (pg, &local)) == NULL ||
           !hcs_pg_exec (own, "SET lock_timeout = '" IMPORT_LOCK_WAIT "'", &local)))
        {
          g_message ("the partitions of %s are not made before the import: %s", table, local->message);
          return TRUE;
        }
      if (!make_in_transaction (own, p, months[i], &local))
        g_message ("not made before the import: %s", local->message);
      else
        g_debug ("made the partition %s before an import", name);
    }
  return TRUE;
}

/**
 * hcs_store_keep_partitions:
 *
 * hcs_pg_keep_partitions() from today in Hainan, or in UTC when that is
 * the day before (the audit's times are UTC: at 1 a.m. on the first of a
 * month in Hainan, the audit still writes the month before); nothing over
 * SQLite.
 */
gboolean
hcs_store_keep_partitions (HcsStore  *store,
                           GError   **error)
{
  HcsPg *pg = hcs_store_get_pg (store);
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *utc_today = NULL;

  if (pg == NULL || hcs_pg_is_standby (pg))
    return TRUE;
  today = hc_hainan_today ();
  utc = g_date_time_new_now_utc ();
  utc_today = g_date_time_format (utc, "%Y-%m-%d");
  return hcs_pg_keep_partitions (pg, strcmp (utc_today, today) < 0 ? utc_today : today, error);
}
