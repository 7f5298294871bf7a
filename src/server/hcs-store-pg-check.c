/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `hncredit-server check --db postgresql://…` (issue 15): what SQLite's
 * integrity_check and foreign_key_check stand for over PostgreSQL, which
 * keeps its own pages and foreign keys: the schema is this server's
 * version, and every table kept by triggers agrees with the rows it is kept
 * from — the heat map's roll-up with the risk events, the name search's
 * bigram counts with their postings, the subjects' counts with the
 * subjects, record_numbers with the record tables. Read in one
 * REPEATABLE READ snapshot, so servers may go on writing meanwhile. */
#define G_LOG_DOMAIN "hcs-store-pg"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "hcs-store-pg-private.h"
#include "hcs-store-private.h"

typedef struct
{
  const char *what;      /* in the problem's line */
  const char *sql;       /* one row, one column: the rows that disagree */
} Agreement;

static const Agreement agreements[] = {
  { N_("risk_rollup (the heat map) disagrees with risk_events"),
    "SELECT count(*) FROM risk_rollup r FULL JOIN"
    " (SELECT region, month, category, count(*) AS events, sum (severity) AS severity_sum"
    "  FROM risk_events GROUP BY region, month, category) e"
    " USING (region, month, category)"
    " WHERE r.events IS DISTINCT FROM e.events OR r.severity_sum IS DISTINCT FROM e.severity_sum" },
  { N_("subject_name_gram_counts (the name search) disagrees with subject_name_grams"),
    "SELECT count(*) FROM subject_name_gram_counts c FULL JOIN"
    " (SELECT gram, count(*) AS n FROM subject_name_grams GROUP BY gram) g USING (gram)"
    " WHERE coalesce (c.n, 0) <> coalesce (g.n, 0)" },
  { N_("subject_counts (the subjects' totals) disagrees with subjects"),
    "SELECT count(*) FROM subject_counts c FULL JOIN"
    " (SELECT type, region, status, coalesce (grade, '') AS grade, count(*) AS n FROM subjects"
    "  GROUP BY 1, 2, 3, 4) s USING (type, region, status, grade)"
    " WHERE coalesce (c.n, 0) <> coalesce (s.n, 0)" },
  { N_("record_numbers disagrees with penalties, licenses and commitments"),
    "SELECT count(*) FROM record_numbers n FULL JOIN"
    " (SELECT 'penalties' AS kind, decision_no AS number, id FROM penalties"
    "  UNION ALL SELECT 'licenses', license_no, id FROM licenses"
    "  UNION ALL SELECT 'commitments', commitment_no, id FROM commitments) r USING (kind, number)"
    " WHERE n.record_id IS DISTINCT FROM r.id" },
};

/* The figures the check prints beside its verdict. */
static const char SQL_COUNTS[] =
  "SELECT (SELECT count(*) FROM subjects), (SELECT count(*) FROM penalties),"
  " (SELECT count(*) FROM licenses), (SELECT count(*) FROM commitments),"
  " (SELECT count(*) FROM risk_events), (SELECT count(*) FROM imports),"
  " (SELECT count(*) FROM audit)";

static gboolean
query (HcsPg       *pg,
       const char  *sql,
       PGresult   **result,
       GError     **error)
{
  *result = PQexec (hcs_pg_get_conn (pg), sql);
  if (PQresultStatus (*result) == PGRES_TUPLES_OK && PQntuples (*result) == 1)
    return TRUE;
  hcs_pg_set_error (pg, *result, error);
  g_clear_pointer (result, PQclear);
  return FALSE;
}

/* Returns: (transfer full): the schema version and the main tables' rows,
 * %NULL with @error set */
char *
hcs_pg_summary (HcsPg   *pg,
                GError **error)
{
  PGresult *result = NULL;
  char *summary;
  int version = hcs_pg_get_schema_version (pg, error);

  if (version < 0)
    return NULL;
  if (version == 0)
    return g_strdup (_("PostgreSQL: no hncredit schema"));
  if (!query (pg, SQL_COUNTS, &result, error))
    return NULL;
  summary = g_strdup_printf (_("PostgreSQL, schema version %d: %s subjects, %s penalties, %s licenses, "
                               "%s commitments, %s risk events, %s imports, %s audit entries"),
                             version, PQgetvalue (result, 0, 0), PQgetvalue (result, 0, 1),
                             PQgetvalue (result, 0, 2), PQgetvalue (result, 0, 3), PQgetvalue (result, 0, 4),
                             PQgetvalue (result, 0, 5), PQgetvalue (result, 0, 6));
  PQclear (result);
  return summary;
}

/**
 * hcs_pg_check:
 * @latest_version: this server's schema version
 *
 * Returns: (transfer full): "ok", or the problems found, one a line;
 *   %NULL with @error set when the check could not run
 */
char *
hcs_pg_check (HcsPg       *pg,
              int          latest_version,
              GError     **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  PGresult *result = NULL;
  gboolean ok = TRUE;
  int version;

  version = hcs_pg_get_schema_version (pg, error);
  if (version < 0)
    return NULL;
  if (version == 0)
    return g_strdup (_("the database has no hncredit schema: start a server on it, or copy a SQLite database "
                         "into it with hncredit-server migrate"));
  if (version < latest_version)
    g_string_append_printf (problems, _("schema version %d, this server's is %d: a server migrates it when it starts"),
                            version, latest_version);
  else if (version > latest_version)
    g_string_append_printf (problems, _("schema version %d was written by a newer server (this one's is %d)"),
                            version, latest_version);
  if (problems->len > 0)
    g_string_append_c (problems, '\n');

  if (!hcs_pg_exec (pg, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
    return NULL;
  for (guint i = 0; ok && i < G_N_ELEMENTS (agreements); i++)
    {
      ok = query (pg, agreements[i].sql, &result, error);
      if (ok && g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) > 0)
        g_string_append_printf (problems, _("%s: %s rows differ\n"), _(agreements[i].what), PQgetvalue (result, 0, 0));
      g_clear_pointer (&result, PQclear);
    }
  hcs_pg_exec (pg, "ROLLBACK", NULL);
  if (!ok)
    return NULL;
  if (problems->len == 0)
    return g_strdup ("ok");
  g_string_truncate (problems, problems->len - 1);
  return g_string_free (g_steal_pointer (&problems), FALSE);
}
