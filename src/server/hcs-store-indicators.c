/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for 表1 indicators: reported values, their review, and the counts the
 * computed indicators are made of (read from the catalog, imports, repairs,
 * lists and subjects tables). */
#define G_LOG_DOMAIN "hcs-store-indicators"

#include "config.h"

#include "hcs-store-indicators.h"
#include "hcs-store-private.h"

#define VALUE_COLUMNS \
  "indicator, year, region, value, evidence, state, submitted_by, submitted_at," \
  " reviewed_by, reviewed_at, review_comment, version"

static const char SQL_VALUES[] =
  "SELECT " VALUE_COLUMNS " FROM indicator_values"
  " WHERE (?1 IS NULL OR indicator = ?1) AND (?2 = 0 OR region = '')"
  " ORDER BY indicator, region, year";

/**
 * hcs_store_indicators_values:
 * @indicator: (nullable): one indicator's values, or all
 * @province_only: only the province-wide values (region "")
 *
 * Returns: (transfer full): the reported values, by indicator, region, year
 */
JsonArray *
hcs_store_indicators_values (HcsStore    *store,
                             const char  *indicator,
                             gboolean     province_only,
                             GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_VALUES, error);

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_text (stmt, 1, indicator);
  hcs_stmt_bind_int64 (stmt, 2, province_only ? 1 : 0);
  return hcs_store_rows_array (store, stmt, 0, error);
}

static const char SQL_VALUE_GET[] =
  "SELECT " VALUE_COLUMNS " FROM indicator_values WHERE indicator = ?1 AND year = ?2 AND region = ?3";

/* Returns: (transfer full): the value, or %NULL with NOT_FOUND */
JsonObject *
hcs_store_indicators_value_get (HcsStore    *store,
                                const char  *indicator,
                                int          year,
                                const char  *region,
                                GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_VALUE_GET, error);

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_text (stmt, 1, indicator);
  hcs_stmt_bind_int64 (stmt, 2, year);
  hcs_store_bind_text (stmt, 3, region);
  return hcs_store_get_object (store, stmt, error);
}

static const char SQL_VALUE_INSERT[] =
  "INSERT INTO indicator_values (indicator, year, region, value, evidence, state, submitted_by, submitted_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5, 'submitted', ?6, ?7)";

/* A new value, submitted for review; DUPLICATE when there is one. */
gboolean
hcs_store_indicators_value_insert (HcsStore    *store,
                                   const char  *indicator,
                                   int          year,
                                   const char  *region,
                                   double       value,
                                   const char  *evidence,
                                   const char  *actor,
                                   GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_VALUE_INSERT, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, indicator);
  hcs_stmt_bind_int64 (stmt, 2, year);
  hcs_store_bind_text (stmt, 3, region);
  hcs_stmt_bind_double (stmt, 4, value);
  hcs_store_bind_text (stmt, 5, evidence);
  hcs_store_bind_text (stmt, 6, actor);
  hcs_store_bind_text (stmt, 7, now);
  return hcs_store_step_done (store, stmt, error);
}

static const char SQL_VALUE_EXISTS[] =
  "SELECT count(*) FROM indicator_values WHERE indicator = ?1 AND year = ?2 AND region = ?3";

/* After an UPDATE … AND version = ? that changed nothing: STALE or NOT_FOUND. */
static gboolean
set_unchanged_error (HcsStore    *store,
                     const char  *indicator,
                     int          year,
                     const char  *region,
                     GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_VALUE_EXISTS, error);
  gint64 exists;

  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, indicator);
  hcs_stmt_bind_int64 (stmt, 2, year);
  hcs_store_bind_text (stmt, 3, region);
  if (hcs_store_step (store, stmt, error) != HCS_STMT_ROW)
    return FALSE;
  exists = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  g_set_error (error, HCS_STORE_ERROR, exists ? HCS_STORE_ERROR_STALE : HCS_STORE_ERROR_NOT_FOUND,
               "value of %s for %d not updated", indicator, year);
  return FALSE;
}

/* A resubmission drops the previous review: the new value awaits its own. */
static const char SQL_VALUE_UPDATE[] =
  "UPDATE indicator_values SET value = ?5, evidence = ?6, state = 'submitted', submitted_by = ?7,"
  " submitted_at = ?8, reviewed_by = NULL, reviewed_at = NULL, review_comment = NULL,"
  " version = version + 1"
  " WHERE indicator = ?1 AND year = ?2 AND region = ?3 AND version = ?4";

/* Replaces the value of @version and submits it again; STALE when @version
 * is not current. */
gboolean
hcs_store_indicators_value_update (HcsStore    *store,
                                   const char  *indicator,
                                   int          year,
                                   const char  *region,
                                   gint64       version,
                                   double       value,
                                   const char  *evidence,
                                   const char  *actor,
                                   GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_VALUE_UPDATE, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, indicator);
  hcs_stmt_bind_int64 (stmt, 2, year);
  hcs_store_bind_text (stmt, 3, region);
  hcs_stmt_bind_int64 (stmt, 4, version);
  hcs_stmt_bind_double (stmt, 5, value);
  hcs_store_bind_text (stmt, 6, evidence);
  hcs_store_bind_text (stmt, 7, actor);
  hcs_store_bind_text (stmt, 8, now);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;
  if (hcs_store_changes (store) == 1)
    return TRUE;
  return set_unchanged_error (store, indicator, year, region, error);
}

static const char SQL_VALUE_REVIEW[] =
  "UPDATE indicator_values SET state = ?5, reviewed_by = ?6, reviewed_at = ?7, review_comment = ?8,"
  " version = version + 1"
  " WHERE indicator = ?1 AND year = ?2 AND region = ?3 AND version = ?4";

/* @state: approved or returned. STALE when @version is not current. */
gboolean
hcs_store_indicators_value_review (HcsStore    *store,
                                   const char  *indicator,
                                   int          year,
                                   const char  *region,
                                   gint64       version,
                                   const char  *state,
                                   const char  *reviewer,
                                   const char  *comment,
                                   GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_VALUE_REVIEW, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, indicator);
  hcs_stmt_bind_int64 (stmt, 2, year);
  hcs_store_bind_text (stmt, 3, region);
  hcs_stmt_bind_int64 (stmt, 4, version);
  hcs_store_bind_text (stmt, 5, state);
  hcs_store_bind_text (stmt, 6, reviewer);
  hcs_store_bind_text (stmt, 7, now);
  hcs_store_bind_text (stmt, 8, comment != NULL && *comment != '\0' ? comment : NULL);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;
  if (hcs_store_changes (store) == 1)
    return TRUE;
  return set_unchanged_error (store, indicator, year, region, error);
}

/* ---- Counts of the computed indicators ----
 *
 * ?1 and ?2 are the first and last year. Dates and timestamps are ISO text,
 * so “before the end of year y” is “< '<y+1>-01-01'”. */

#define YEARS_CTE \
  "WITH RECURSIVE years (y, year_end) AS (" \
  "  SELECT ?1, printf ('%04d-01-01', ?1 + 1)" \
  "  UNION ALL SELECT y + 1, printf ('%04d-01-01', y + 2) FROM years WHERE y < ?2) "

static JsonArray *
rows_for_years (HcsStore    *store,
                const char  *sql,
                int          first,
                int          last,
                const char  *text3,
                GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, first);
  hcs_stmt_bind_int64 (stmt, 2, last);
  if (text3 != NULL)
    hcs_store_bind_text (stmt, 3, text3);
  return hcs_store_rows_array (store, stmt, 0, error);
}

/* 归集率: items of the year's catalog with data expected (expected_records
 * > 0), and of those the ones whose collected records reached it. */
static const char SQL_CATALOG_COLLECTION[] =
  "SELECT year AS year, sum (collected_records >= expected_records) AS num, count (*) AS den"
  " FROM catalog_items WHERE expected_records > 0 AND year BETWEEN ?1 AND ?2"
  " GROUP BY year ORDER BY year";

JsonArray *
hcs_store_indicators_catalog_collection (HcsStore  *store,
                                         int        first,
                                         int        last,
                                         GError   **error)
{
  return rows_for_years (store, SQL_CATALOG_COLLECTION, first, last, NULL, error);
}

/* 重错码率: erroneous records over records read, by the year of the import;
 * the USCC rate counts 错码 and 重码, both as each import counted them. */
static const char SQL_IMPORT_ERRORS[] =
  "SELECT CAST (substr (at, 1, 4) AS INTEGER) AS year, sum (uscc_errors + uscc_duplicates) AS uscc,"
  " sum (other_errors) AS other, sum (rows_read) AS den"
  " FROM imports WHERE at >= printf ('%04d-01-01', ?1) AND at < printf ('%04d-01-01', ?2 + 1)"
  " GROUP BY 1 ORDER BY 1";

JsonArray *
hcs_store_indicators_import_errors (HcsStore  *store,
                                    int        first,
                                    int        last,
                                    GError   **error)
{
  return rows_for_years (store, SQL_IMPORT_ERRORS, first, last, NULL, error);
}

/* 超期核查率: cases whose deadline falls in the year, and of those the ones
 * decided after it or still pending past it (?3 is today), as the repairs
 * resource counts overdue. By the 市县 of the subject. 表1 counts 行政处罚信息 repairs only
 * (kind penalty), not those of list entries. */
static const char SQL_REPAIR_OVERDUE[] =
  "SELECT CAST (substr (r.deadline, 1, 4) AS INTEGER) AS year, s.region AS region,"
  " sum (CASE WHEN r.decided_on IS NOT NULL THEN r.decided_on > r.deadline ELSE ?3 > r.deadline END) AS num,"
  " count (*) AS den"
  " FROM repairs r JOIN subjects s ON s.id = r.subject_id"
  " WHERE r.kind = 'penalty' AND r.deadline >= printf ('%04d-01-01', ?1) AND r.deadline < printf ('%04d-01-01', ?2 + 1)"
  " GROUP BY 1, 2 ORDER BY 1, 2";

JsonArray *
hcs_store_indicators_repair_overdue (HcsStore    *store,
                                     int          first,
                                     int          last,
                                     const char  *today,
                                     GError     **error)
{
  return rows_for_years (store, SQL_REPAIR_OVERDUE, first, last, today, error);
}

/* Enterprises and other organisations in business at the end of a year:
 * registered by then, and active now or changed (deregistered, revoked)
 * only after it — the subjects table keeps no date of the status change,
 * so its last update stands in for it. One scan groups them by 市县, year
 * of registration and year of the change; the years are spread out below. */
static const char SQL_ACTIVE_SUBJECTS[] =
  "SELECT region AS region,"
  " CAST (substr (coalesce (registered_on, created_at), 1, 4) AS INTEGER) AS from_year,"
  " CASE WHEN status = 'active' THEN NULL ELSE CAST (substr (updated_at, 1, 4) AS INTEGER) END AS until_year,"
  " count (*) AS n"
  " FROM subjects WHERE type IN ('legal_person', 'unincorporated')"
  " AND coalesce (registered_on, created_at) < printf ('%04d-01-01', ?2 + 1)"
  " AND (status = 'active' OR updated_at >= printf ('%04d-01-01', ?1 + 1))"
  " GROUP BY 1, 2, 3";

/* Returns: (transfer full): {year, region, den} */
JsonArray *
hcs_store_indicators_active_subjects (HcsStore  *store,
                                      int        first,
                                      int        last,
                                      GError   **error)
{
  g_autoptr(JsonArray) groups = rows_for_years (store, SQL_ACTIVE_SUBJECTS, first, last, NULL, error);
  JsonArray *rows;

  if (groups == NULL)
    return NULL;
  rows = json_array_new ();
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *g = json_array_get_object_element (groups, i);
      gint64 from = json_object_get_int_member (g, "from_year");
      gboolean active = json_object_get_null_member (g, "until_year");
      gint64 until = active ? G_MAXINT64 : json_object_get_int_member (g, "until_year");

      /* In business at the end of year y: registered in y or before, and
       * changed in a later year. */
      for (int y = first; y <= last; y++)
        if (from <= y && until > y)
          {
            JsonObject *row = json_object_new ();

            json_object_set_int_member (row, "year", y);
            json_object_set_string_member (row, "region", json_object_get_string_member (g, "region"));
            json_object_set_int_member (row, "den", json_object_get_int_member (g, "n"));
            json_array_add_object_element (rows, row);
          }
    }
  return rows;
}

/* The same test as SQL_ACTIVE_SUBJECTS for one subject at years.year_end. */
#define SUBJECT_ACTIVE_AT_YEAR_END \
  " s.type IN ('legal_person', 'unincorporated')" \
  " AND coalesce (s.registered_on, s.created_at) < years.year_end" \
  " AND (s.status = 'active' OR s.updated_at >= years.year_end)"

/* Subjects on a list of class ?3 in force at the end of the year (published,
 * or objected: an objection does not suspend the measures until it is
 * decided; a repaired entry no longer counts, 信用修复 ends its effect): the state an entry had then is the one its last history line
 * before the year's end moved it to; an entry without any history line
 * counts with its present state. */
static const char SQL_LISTED_SUBJECTS[] =
  YEARS_CTE
  "SELECT years.y AS year, s.region AS region, count (DISTINCT e.subject_id) AS num"
  " FROM years"
  " JOIN list_entries e ON e.created_at < years.year_end"
  " JOIN list_types t ON t.key = e.list_type AND t.class = ?3"
  " JOIN subjects s ON s.id = e.subject_id AND" SUBJECT_ACTIVE_AT_YEAR_END
  " WHERE coalesce ((SELECT h.to_state FROM list_entry_history h"
  "                  WHERE h.entry_id = e.id AND h.at < years.year_end"
  "                  ORDER BY h.at DESC, h.id DESC LIMIT 1),"
  "                 CASE WHEN NOT EXISTS (SELECT 1 FROM list_entry_history h"
  "                                       WHERE h.entry_id = e.id) THEN e.state END)"
  "       IN ('published', 'objected')"
  " GROUP BY 1, 2 ORDER BY 1, 2";

JsonArray *
hcs_store_indicators_listed_subjects (HcsStore    *store,
                                      const char  *list_class,
                                      int          first,
                                      int          last,
                                      GError     **error)
{
  g_return_val_if_fail (list_class != NULL, NULL);
  return rows_for_years (store, SQL_LISTED_SUBJECTS, first, last, list_class, error);
}

/* Catalog versions of the years (按年度更新优化数据目录清单): {year, published}. */
static const char SQL_CATALOG_VERSIONS[] =
  "SELECT year AS year, state = 'published' AS num FROM catalog_versions"
  " WHERE year BETWEEN ?1 AND ?2 ORDER BY year";

JsonArray *
hcs_store_indicators_catalog_versions (HcsStore  *store,
                                       int        first,
                                       int        last,
                                       GError   **error)
{
  return rows_for_years (store, SQL_CATALOG_VERSIONS, first, last, NULL, error);
}

/* 履约信息归集共享: 告知承诺 made in the year, and of those the ones whose
 * fulfilment (fulfilled or breached) was recorded; by the 市县 of the
 * subject where the commitment names one. */
static const char SQL_COMMITMENT_FULFILMENT[] =
  "SELECT CAST (substr (c.committed_on, 1, 4) AS INTEGER) AS year, s.region AS region,"
  " sum (c.fulfilment <> 'pending') AS num, count (*) AS den"
  " FROM commitments c LEFT JOIN subjects s ON s.id = c.subject_id"
  " WHERE c.committed_on >= printf ('%04d-01-01', ?1) AND c.committed_on < printf ('%04d-01-01', ?2 + 1)"
  " GROUP BY 1, 2 ORDER BY 1, 2";

JsonArray *
hcs_store_indicators_commitment_fulfilment (HcsStore  *store,
                                            int        first,
                                            int        last,
                                            GError   **error)
{
  return rows_for_years (store, SQL_COMMITMENT_FULFILMENT, first, last, NULL, error);
}

/* 修复型信用承诺: repairs of 行政处罚信息 applied for in the year, and of
 * those the ones that came with a 修复型信用承诺; by the subject's 市县. */
static const char SQL_REPAIR_COMMITMENT[] =
  "SELECT CAST (substr (r.applied_on, 1, 4) AS INTEGER) AS year, s.region AS region,"
  " sum (r.commitment) AS num, count (*) AS den"
  " FROM repairs r JOIN subjects s ON s.id = r.subject_id"
  " WHERE r.kind = 'penalty' AND r.applied_on >= printf ('%04d-01-01', ?1)"
  " AND r.applied_on < printf ('%04d-01-01', ?2 + 1)"
  " GROUP BY 1, 2 ORDER BY 1, 2";

JsonArray *
hcs_store_indicators_repair_commitment (HcsStore  *store,
                                        int        first,
                                        int        last,
                                        GError   **error)
{
  return rows_for_years (store, SQL_REPAIR_COMMITMENT, first, last, NULL, error);
}

/* ---- The records behind a computed value ----
 *
 * ?1 is the year, ?2 the 市县 (NULL: all), ?3 today; each row says whether
 * it counts in the numerator (counted) besides the denominator. */

static const char SQL_RECORDS_COMMITMENTS[] =
  "SELECT 'commitment' AS type, c.id AS id, c.commitment_no AS reference, c.name AS subject_name,"
  " c.uscc AS identifier, s.region AS region, c.matter AS detail, c.committed_on AS date,"
  " c.fulfilment <> 'pending' AS counted, printf ('/commitments/%d', c.id) AS link"
  " FROM commitments c LEFT JOIN subjects s ON s.id = c.subject_id"
  " WHERE c.committed_on >= printf ('%04d-01-01', ?1) AND c.committed_on < printf ('%04d-01-01', ?1 + 1)"
  " AND (?2 IS NULL OR s.region = ?2) ORDER BY c.committed_on, c.id LIMIT ?4";

static const char SQL_RECORDS_REPAIR_COMMITMENT[] =
  "SELECT 'repair' AS type, r.id AS id, printf ('%d', r.id) AS reference, s.name AS subject_name,"
  " s.identifier AS identifier, s.region AS region, r.reason AS detail, r.applied_on AS date,"
  " r.commitment AS counted, printf ('/repairs/%d', r.id) AS link"
  " FROM repairs r JOIN subjects s ON s.id = r.subject_id"
  " WHERE r.kind = 'penalty' AND r.applied_on >= printf ('%04d-01-01', ?1)"
  " AND r.applied_on < printf ('%04d-01-01', ?1 + 1) AND (?2 IS NULL OR s.region = ?2)"
  " ORDER BY r.applied_on, r.id LIMIT ?4";

static const char SQL_RECORDS_REPAIR_OVERDUE[] =
  "SELECT 'repair' AS type, r.id AS id, printf ('%d', r.id) AS reference, s.name AS subject_name,"
  " s.identifier AS identifier, s.region AS region, r.reason AS detail, r.deadline AS date,"
  " CASE WHEN r.decided_on IS NOT NULL THEN r.decided_on > r.deadline ELSE ?3 > r.deadline END AS counted,"
  " printf ('/repairs/%d', r.id) AS link"
  " FROM repairs r JOIN subjects s ON s.id = r.subject_id"
  " WHERE r.kind = 'penalty' AND r.deadline >= printf ('%04d-01-01', ?1)"
  " AND r.deadline < printf ('%04d-01-01', ?1 + 1) AND (?2 IS NULL OR s.region = ?2)"
  " ORDER BY r.deadline, r.id LIMIT ?4";

static const char SQL_RECORDS_CATALOG_ITEMS[] =
  "SELECT 'catalog_item' AS type, i.id AS id, i.lineage AS reference, NULL AS subject_name,"
  " NULL AS identifier, NULL AS region, i.name AS detail, NULL AS date,"
  " i.collected_records >= i.expected_records AS counted, printf ('/catalog/items/%d', i.id) AS link"
  " FROM catalog_items i WHERE i.year = ?1 AND i.expected_records > 0 AND (?2 IS NULL OR ?3 IS NOT NULL)"
  " ORDER BY i.category, i.id LIMIT ?4";

static const char SQL_RECORDS_CATALOG_VERSION[] =
  "SELECT 'catalog_version' AS type, v.year AS id, printf ('%d', v.year) AS reference, NULL AS subject_name,"
  " NULL AS identifier, NULL AS region, v.state AS detail, v.published_at AS date,"
  " v.state = 'published' AS counted, printf ('/catalog/versions/%d', v.year) AS link"
  " FROM catalog_versions v WHERE v.year = ?1 AND (?2 IS NULL OR ?3 IS NOT NULL) LIMIT ?4";

static const char SQL_RECORDS_IMPORTS[] =
  "SELECT 'import' AS type, m.id AS id, printf ('%d', m.id) AS reference, NULL AS subject_name,"
  " NULL AS identifier, NULL AS region, m.file_name AS detail, m.at AS date,"
  " m.rows_read AS denominator, m.uscc_errors AS uscc_errors, m.other_errors AS other_errors,"
  " printf ('/imports/%d', m.id) AS link"
  " FROM imports m WHERE m.at >= printf ('%04d-01-01', ?1) AND m.at < printf ('%04d-01-01', ?1 + 1)"
  " AND (?2 IS NULL OR ?3 IS NOT NULL) ORDER BY m.at, m.id LIMIT ?4";

/* The organisations on a list of one class in force at the end of year ?1
 * — the numerator of a list share, as SQL_LISTED_SUBJECTS counts it: one
 * row a subject (its earliest entry in force, by row_number() rather than
 * SQLite's bare columns beside min(), so that PostgreSQL reads it too), the
 * list named. */
#define SQL_RECORDS_LISTED(list_class) \
  "WITH years (y, year_end) AS (SELECT ?1, printf ('%04d-01-01', ?1 + 1))," \
  " in_force AS (SELECT e.id AS id, e.subject_id AS subject_id, e.created_at AS created_at," \
  "                     t.name AS list_name," \
  "                     row_number () OVER (PARTITION BY e.subject_id ORDER BY e.created_at, e.id) AS n" \
  "              FROM years" \
  "              JOIN list_entries e ON e.created_at < years.year_end" \
  "              JOIN list_types t ON t.key = e.list_type AND t.class = '" list_class "'" \
  "              JOIN subjects s ON s.id = e.subject_id AND" SUBJECT_ACTIVE_AT_YEAR_END \
  "              WHERE coalesce ((SELECT h.to_state FROM list_entry_history h" \
  "                               WHERE h.entry_id = e.id AND h.at < years.year_end" \
  "                               ORDER BY h.at DESC, h.id DESC LIMIT 1)," \
  "                              CASE WHEN NOT EXISTS (SELECT 1 FROM list_entry_history h" \
  "                                                    WHERE h.entry_id = e.id) THEN e.state END)" \
  "                    IN ('published', 'objected')" \
  "                AND (?2 IS NULL OR s.region = ?2) AND (?3 IS NULL OR ?3 IS NOT NULL))" \
  " SELECT 'list_entry' AS type, i.id AS id, printf ('%d', i.id) AS reference, s.name AS subject_name," \
  " s.identifier AS identifier, s.region AS region, i.list_name AS detail, i.created_at AS date," \
  " 1 AS counted, printf ('/list-entries/%d', i.id) AS link" \
  " FROM in_force i JOIN subjects s ON s.id = i.subject_id" \
  " WHERE i.n = 1 ORDER BY i.created_at, i.id LIMIT ?4"

static const char SQL_RECORDS_LIST_RED[] = SQL_RECORDS_LISTED ("red");
static const char SQL_RECORDS_LIST_BLACK[] = SQL_RECORDS_LISTED ("black");

/**
 * hcs_store_indicators_records:
 * @kind: "commitments", "repair_commitment", "repair_overdue",
 *   "catalog_items", "catalog_version", "imports", "list_red" or
 *   "list_black" (the organisations a list share counts)
 * @region: (nullable): one 市县, or all
 * @limit: at most this many rows
 *
 * Returns: (transfer full): the records behind a computed value of @year
 */
JsonArray *
hcs_store_indicators_records (HcsStore    *store,
                              const char  *kind,
                              int          year,
                              const char  *region,
                              const char  *today,
                              guint        limit,
                              GError     **error)
{
  static const struct { const char *kind; const char *sql; } queries[] = {
    { "commitments",       SQL_RECORDS_COMMITMENTS },
    { "repair_commitment", SQL_RECORDS_REPAIR_COMMITMENT },
    { "repair_overdue",    SQL_RECORDS_REPAIR_OVERDUE },
    { "catalog_items",     SQL_RECORDS_CATALOG_ITEMS },
    { "catalog_version",   SQL_RECORDS_CATALOG_VERSION },
    { "imports",           SQL_RECORDS_IMPORTS },
    { "list_red",          SQL_RECORDS_LIST_RED },
    { "list_black",        SQL_RECORDS_LIST_BLACK },
  };
  HcsStmt *stmt = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (queries) && stmt == NULL; i++)
    if (g_str_equal (queries[i].kind, kind))
      {
        stmt = hcs_store_prepare (store, queries[i].sql, error);
        if (stmt == NULL)
          return NULL;
      }
  g_return_val_if_fail (stmt != NULL, NULL);
  hcs_stmt_bind_int64 (stmt, 1, year);
  hcs_store_bind_text (stmt, 2, region);
  hcs_store_bind_text (stmt, 3, today);
  hcs_stmt_bind_int64 (stmt, 4, limit);
  return hcs_store_rows_array (store, stmt, 0, error);
}

/* ---- 市县 targets ---- */

static const char SQL_REGION_TARGETS[] =
  "SELECT indicator, region, target, warning_gap, set_by, set_at, version FROM indicator_region_targets"
  " WHERE indicator = ?1 ORDER BY region";

/* Returns: (transfer full): the 市县 targets the province set for @indicator */
JsonArray *
hcs_store_indicators_region_targets (HcsStore    *store,
                                     const char  *indicator,
                                     GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_REGION_TARGETS, error);

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_text (stmt, 1, indicator);
  return hcs_store_rows_array (store, stmt, 0, error);
}

static const char SQL_REGION_TARGET_GET[] =
  "SELECT indicator, region, target, warning_gap, set_by, set_at, version FROM indicator_region_targets"
  " WHERE indicator = ?1 AND region = ?2";

/* Returns: (transfer full): the target, or %NULL with NOT_FOUND */
JsonObject *
hcs_store_indicators_region_target_get (HcsStore    *store,
                                        const char  *indicator,
                                        const char  *region,
                                        GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_REGION_TARGET_GET, error);

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_text (stmt, 1, indicator);
  hcs_store_bind_text (stmt, 2, region);
  return hcs_store_get_object (store, stmt, error);
}

static const char SQL_REGION_TARGET_INSERT[] =
  "INSERT INTO indicator_region_targets (indicator, region, target, warning_gap, set_by, set_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

static const char SQL_REGION_TARGET_UPDATE[] =
  "UPDATE indicator_region_targets SET target = ?3, warning_gap = ?4, set_by = ?5, set_at = ?6,"
  " version = version + 1 WHERE indicator = ?1 AND region = ?2 AND version = ?7";

/* Sets the 市县 target: a new row when @version is 0, else the row of
 * @version (STALE when it is not current). */
gboolean
hcs_store_indicators_region_target_set (HcsStore    *store,
                                        const char  *indicator,
                                        const char  *region,
                                        gint64       version,
                                        double       target,
                                        double       warning_gap,
                                        const char  *actor,
                                        GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, version == 0 ? SQL_REGION_TARGET_INSERT
                                                              : SQL_REGION_TARGET_UPDATE, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, indicator);
  hcs_store_bind_text (stmt, 2, region);
  hcs_stmt_bind_double (stmt, 3, target);
  hcs_stmt_bind_double (stmt, 4, warning_gap);
  hcs_store_bind_text (stmt, 5, actor);
  hcs_store_bind_text (stmt, 6, now);
  if (version != 0)
    hcs_stmt_bind_int64 (stmt, 7, version);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;
  if (version == 0 || hcs_store_changes (store) == 1)
    return TRUE;
  g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_STALE, "target of %s changed since read", indicator);
  return FALSE;
}

/* ---- The review queue ---- */

static const char SQL_QUEUE[] =
  "SELECT " VALUE_COLUMNS " FROM indicator_values"
  " WHERE state = ?1 AND (?2 IS NULL OR submitted_by = ?2)"
  " ORDER BY submitted_at, indicator, year, region LIMIT ?3";

/**
 * hcs_store_indicators_queue:
 * @state: "submitted" (awaiting review) or "returned"
 * @submitted_by: (nullable): only the values this user submitted
 *
 * Returns: (transfer full): the values in @state, oldest submission first
 */
JsonArray *
hcs_store_indicators_queue (HcsStore    *store,
                            const char  *state,
                            const char  *submitted_by,
                            guint        limit,
                            GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_QUEUE, error);

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_text (stmt, 1, state);
  hcs_store_bind_text (stmt, 2, submitted_by);
  hcs_stmt_bind_int64 (stmt, 3, limit);
  return hcs_store_rows_array (store, stmt, 0, error);
}

/* ---- For the demo seeder ---- */

static const char SQL_SEED[] =
  "INSERT INTO indicator_values (indicator, year, region, value, evidence, state, submitted_by,"
  " submitted_at, reviewed_by, reviewed_at, review_comment, version)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

gboolean
hcs_store_indicators_seed (HcsStore                     *store,
                           const HcsIndicatorValueSeed  *v,
                           GError                      **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_SEED, error);

  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, v->indicator);
  hcs_stmt_bind_int64 (stmt, 2, v->year);
  hcs_store_bind_text (stmt, 3, v->region ? v->region : "");
  hcs_stmt_bind_double (stmt, 4, v->value);
  hcs_store_bind_text (stmt, 5, v->evidence);
  hcs_store_bind_text (stmt, 6, v->state);
  hcs_store_bind_text (stmt, 7, v->submitted_by);
  hcs_store_bind_text (stmt, 8, v->submitted_at);
  hcs_store_bind_text (stmt, 9, v->reviewed_by);
  hcs_store_bind_text (stmt, 10, v->reviewed_at);
  hcs_store_bind_text (stmt, 11, v->review_comment);
  hcs_stmt_bind_int64 (stmt, 12, v->reviewed_by ? 2 : 1);
  return hcs_store_step_done (store, stmt, error);
}
