/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL of the 公共信用信息目录: versions, items, collection figures. */
#define G_LOG_DOMAIN "hcs-store-catalog"

#include "config.h"

#include "hcs-store-catalog.h"
#include "hcs-store-private.h"

/* Whether item i was effectively collected (有效归集): records are expected
 * and all of them came in. The 归集率 indicator counts the same way. */
#define EFFECTIVE_SQL \
  "(i.expected_records > 0 AND i.collected_records >= i.expected_records)"

#define VERSION_COLUMNS \
  "v.year AS year, v.state AS state, v.copied_from AS copied_from," \
  " v.published_at AS published_at, v.published_by AS published_by," \
  " v.version AS version, v.created_at AS created_at," \
  " (SELECT count(*) FROM catalog_items i WHERE i.year = v.year) AS item_count," \
  " (SELECT count(*) FROM catalog_items i WHERE i.year = v.year AND i.expected_records > 0)" \
  "   AS expected_item_count," \
  " (SELECT count(*) FROM catalog_items i WHERE i.year = v.year AND " EFFECTIVE_SQL ")" \
  "   AS collected_item_count"

static const char SQL_LIST_VERSIONS[] =
  "SELECT " VERSION_COLUMNS " FROM catalog_versions v ORDER BY v.year";
static const char SQL_GET_VERSION[] =
  "SELECT " VERSION_COLUMNS " FROM catalog_versions v WHERE v.year = ?1";

/**
 * hcs_store_catalog_versions_list:
 *
 * Returns: (transfer full): every version, oldest year first, each with its
 *   item counts (hcs_catalog_versions_list() adds the collection rate)
 */
JsonArray *
hcs_store_catalog_versions_list (HcsStore  *store,
                                 GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_LIST_VERSIONS, error);
  JsonArray *rows;

  if (stmt == NULL || (rows = hcs_store_rows_array (store, stmt, 0, error)) == NULL)
    return NULL;
  return rows;
}

/* Returns: (transfer full): the version, or %NULL with NOT_FOUND */
JsonObject *
hcs_store_catalog_version_get (HcsStore  *store,
                               gint64     year,
                               GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_GET_VERSION, error);
  JsonObject *obj;
  int rc;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, year);
  rc = hcs_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == HCS_STMT_DONE)
    {
      hcs_stmt_reset (stmt);
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND,
                   "no catalog version %" G_GINT64_FORMAT, year);
      return NULL;
    }
  obj = hcs_store_row_object (stmt);
  hcs_stmt_reset (stmt);
  return obj;
}

static const char SQL_INSERT_VERSION[] =
  "INSERT INTO catalog_versions (year, copied_from, created_at) VALUES (?1, ?2, ?3)";

/**
 * hcs_store_catalog_version_insert:
 * @copy_from: the year copied, 0 for none (the items are copied apart)
 * @created_at: (nullable): when, %NULL for now
 *
 * A new draft. An existing year is DUPLICATE.
 */
gboolean
hcs_store_catalog_version_insert (HcsStore    *store,
                                  gint64       year,
                                  gint64       copy_from,
                                  const char  *created_at,
                                  GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_INSERT_VERSION, error);
  g_autofree char *now = created_at ? g_strdup (created_at) : hcs_now_iso ();

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, year);
  if (copy_from > 0)
    hcs_stmt_bind_int64 (stmt, 2, copy_from);
  hcs_store_bind_text (stmt, 3, now);
  return hcs_store_step_done (store, stmt, error);
}

/* Collected counts belong to the year collected, so a copy starts at 0. */
static const char SQL_COPY_ITEMS[] =
  "INSERT INTO catalog_items (year, lineage, category, name, subject_type, department_id,"
  "   disclosure, update_frequency, legal_basis, publicity_period, scope, expected_records, collected_records)"
  " SELECT ?2, lineage, category, name, subject_type, department_id, disclosure, update_frequency,"
  "   legal_basis, publicity_period, scope, expected_records, 0"
  " FROM catalog_items WHERE year = ?1 ORDER BY id";

/**
 * hcs_store_catalog_version_copy_items:
 *
 * Copies every item of @from_year into @to_year, keeping each lineage.
 *
 * Returns: how many were copied, or -1 with @error set
 */
gint64
hcs_store_catalog_version_copy_items (HcsStore  *store,
                                      gint64     from_year,
                                      gint64     to_year,
                                      GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_COPY_ITEMS, error);

  if (stmt == NULL)
    return -1;
  hcs_stmt_bind_int64 (stmt, 1, from_year);
  hcs_stmt_bind_int64 (stmt, 2, to_year);
  if (!hcs_store_step_done (store, stmt, error))
    return -1;
  return hcs_store_changes (store);
}

static const char SQL_TOUCH_VERSION[] =
  "UPDATE catalog_versions SET version = version + 1 WHERE year = ?1";

/* A change of any item changes the version's ETag, so that a supervisor
 * publishes exactly the content they reviewed. */
gboolean
hcs_store_catalog_version_touch (HcsStore  *store,
                                 gint64     year,
                                 GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_TOUCH_VERSION, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, year);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;
  if (hcs_store_changes (store) == 1)
    return TRUE;
  g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND,
               "no catalog version %" G_GINT64_FORMAT, year);
  return FALSE;
}

static const char SQL_PUBLISH_VERSION[] =
  "UPDATE catalog_versions SET state = 'published', published_at = ?3, published_by = ?4,"
  " version = version + 1 WHERE year = ?1 AND version = ?2 AND state = 'draft'";
static const char SQL_VERSION_EXISTS[] = "SELECT 1 FROM catalog_versions WHERE year = ?1";

/**
 * hcs_store_catalog_version_publish:
 * @published_at: (nullable): when, %NULL for now
 *
 * Draft → published. A stale @version (or a version no longer a draft) is
 * STALE, an unknown year NOT_FOUND.
 */
gboolean
hcs_store_catalog_version_publish (HcsStore    *store,
                                   gint64       year,
                                   gint64       version,
                                   const char  *published_by,
                                   const char  *published_at,
                                   GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_PUBLISH_VERSION, error);
  g_autofree char *now = published_at ? g_strdup (published_at) : hcs_now_iso ();

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, year);
  hcs_stmt_bind_int64 (stmt, 2, version);
  hcs_store_bind_text (stmt, 3, now);
  hcs_store_bind_text (stmt, 4, published_by);
  return hcs_store_step_done (store, stmt, error) &&
         hcs_store_check_versioned_update (store, SQL_VERSION_EXISTS, year, error);
}

static const char SQL_COUNT_YEAR_ITEMS[] =
  "SELECT count(*) FROM catalog_items i WHERE i.year = ?1 AND i.expected_records > 0";
static const char SQL_COUNT_COLLECTED[] =
  "SELECT count(*) FROM catalog_items i WHERE i.year = ?1 AND " EFFECTIVE_SQL;

/**
 * hcs_store_catalog_collection:
 * @n_expected: (out): the items of @year's catalog that expect records
 * @n_collected: (out): those effectively collected
 *
 * The figures of the 归集率 indicator (表1: 年均90%以上清单事项对应的实际数据有效归集).
 */
gboolean
hcs_store_catalog_collection (HcsStore  *store,
                              gint64     year,
                              gint64    *n_expected,
                              gint64    *n_collected,
                              GError   **error)
{
  HcsStmt *stmt;

  g_return_val_if_fail (store != NULL, FALSE);

  if ((stmt = hcs_store_prepare (store, SQL_COUNT_YEAR_ITEMS, error)) == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, year);
  if ((*n_expected = hcs_store_single_int (store, stmt, error)) < 0)
    return FALSE;
  if ((stmt = hcs_store_prepare (store, SQL_COUNT_COLLECTED, error)) == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, year);
  return (*n_collected = hcs_store_single_int (store, stmt, error)) >= 0;
}

#define ITEM_COLUMNS \
  "i.id AS id, i.year AS year, v.state AS version_state, i.lineage AS lineage," \
  " i.category AS category, i.name AS name, i.subject_type AS subject_type," \
  " i.department_id AS department_id, d.code AS department_code, d.name AS department_name," \
  " i.disclosure AS disclosure, i.update_frequency AS update_frequency," \
  " i.legal_basis AS legal_basis, i.publicity_period AS publicity_period, i.scope AS scope," \
  " i.expected_records AS expected_records, i.collected_records AS collected_records," \
  " CASE WHEN i.expected_records > 0" \
  "   THEN round (CAST (i.collected_records AS REAL) / i.expected_records, 4) END AS collection_rate," \
  " " EFFECTIVE_SQL " AS effectively_collected," \
  " i.version AS version"
#define ITEM_FROM \
  " FROM catalog_items i JOIN departments d ON d.id = i.department_id" \
  " JOIN catalog_versions v ON v.year = i.year"

static const char SQL_GET_ITEM[] = "SELECT " ITEM_COLUMNS ITEM_FROM " WHERE i.id = ?1";

static void
fix_item (JsonObject *item)
{
  json_object_set_boolean_member (item, "effectively_collected",
                                  json_object_get_int_member (item, "effectively_collected") != 0);
}

/* Returns: (transfer full): the item, or %NULL with NOT_FOUND */
JsonObject *
hcs_store_catalog_item_get (HcsStore  *store,
                            gint64     id,
                            GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_GET_ITEM, error);
  JsonObject *obj;
  int rc;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  rc = hcs_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == HCS_STMT_DONE)
    {
      hcs_stmt_reset (stmt);
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND,
                   "no catalog item %" G_GINT64_FORMAT, id);
      return NULL;
    }
  obj = hcs_store_row_object (stmt);
  hcs_stmt_reset (stmt);
  fix_item (obj);
  return obj;
}

static const char SQL_INSERT_ITEM[] =
  "INSERT INTO catalog_items (year, lineage, category, name, subject_type, department_id,"
  "   disclosure, update_frequency, legal_basis, publicity_period, expected_records, collected_records,"
  "   scope)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

/**
 * hcs_store_catalog_item_insert:
 * @lineage: (nullable): the item's key across versions; %NULL for a new one
 *
 * Every field of @fields must be set; unset counts are stored as 0.
 *
 * Returns: the new id, or 0 with @error set (DUPLICATE for a name the
 *   department already has in that year)
 */
gint64
hcs_store_catalog_item_insert (HcsStore                    *store,
                               gint64                       year,
                               const char                  *lineage,
                               const HcsCatalogItemFields  *fields,
                               GError                     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_INSERT_ITEM, error);
  g_autofree char *new_lineage = NULL;

  g_return_val_if_fail (fields != NULL, 0);

  if (stmt == NULL)
    return 0;
  if (lineage == NULL)
    lineage = new_lineage = g_uuid_string_random ();
  hcs_stmt_bind_int64 (stmt, 1, year);
  hcs_store_bind_text (stmt, 2, lineage);
  hcs_store_bind_text (stmt, 3, fields->category);
  hcs_store_bind_text (stmt, 4, fields->name);
  hcs_store_bind_text (stmt, 5, fields->subject_type);
  hcs_stmt_bind_int64 (stmt, 6, fields->department_id);
  hcs_store_bind_text (stmt, 7, fields->disclosure);
  hcs_store_bind_text (stmt, 8, fields->update_frequency);
  hcs_store_bind_text (stmt, 9, fields->legal_basis ? fields->legal_basis : "");
  hcs_store_bind_text (stmt, 10, fields->publicity_period ? fields->publicity_period : "");
  hcs_stmt_bind_int64 (stmt, 11, MAX (fields->expected_records, 0));
  hcs_stmt_bind_int64 (stmt, 12, MAX (fields->collected_records, 0));
  hcs_store_bind_text (stmt, 13, fields->scope ? fields->scope : "basic");
  return hcs_store_insert (store, stmt, error);
}

static const char SQL_UPDATE_ITEM[] =
  "UPDATE catalog_items SET category = coalesce (?3, category), name = coalesce (?4, name),"
  " subject_type = coalesce (?5, subject_type), department_id = coalesce (?6, department_id),"
  " disclosure = coalesce (?7, disclosure), update_frequency = coalesce (?8, update_frequency),"
  " legal_basis = coalesce (?9, legal_basis), publicity_period = coalesce (?10, publicity_period),"
  " expected_records = coalesce (?11, expected_records),"
  " collected_records = coalesce (?12, collected_records), scope = coalesce (?13, scope),"
  " version = version + 1"
  " WHERE id = ?1 AND version = ?2";
static const char SQL_ITEM_EXISTS[] = "SELECT 1 FROM catalog_items WHERE id = ?1";

static void
bind_optional_int (HcsStmt      *stmt,
                   int           index,
                   gint64        value)
{
  if (value >= 0)
    hcs_stmt_bind_int64 (stmt, index, value);
  else
    hcs_stmt_bind_null (stmt, index);
}

/* Fields left unset stay; a stale @version changes nothing and is STALE. */
gboolean
hcs_store_catalog_item_update (HcsStore                    *store,
                               gint64                       id,
                               gint64                       version,
                               const HcsCatalogItemFields  *fields,
                               GError                     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_UPDATE_ITEM, error);

  g_return_val_if_fail (fields != NULL, FALSE);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_stmt_bind_int64 (stmt, 2, version);
  hcs_store_bind_text (stmt, 3, fields->category);
  hcs_store_bind_text (stmt, 4, fields->name);
  hcs_store_bind_text (stmt, 5, fields->subject_type);
  bind_optional_int (stmt, 6, fields->department_id > 0 ? fields->department_id : -1);
  hcs_store_bind_text (stmt, 7, fields->disclosure);
  hcs_store_bind_text (stmt, 8, fields->update_frequency);
  hcs_store_bind_text (stmt, 9, fields->legal_basis);
  hcs_store_bind_text (stmt, 10, fields->publicity_period);
  bind_optional_int (stmt, 11, fields->expected_records);
  bind_optional_int (stmt, 12, fields->collected_records);
  hcs_store_bind_text (stmt, 13, fields->scope);
  return hcs_store_step_done (store, stmt, error) &&
         hcs_store_check_versioned_update (store, SQL_ITEM_EXISTS, id, error);
}

static const char SQL_DELETE_ITEM[] = "DELETE FROM catalog_items WHERE id = ?1 AND version = ?2";

gboolean
hcs_store_catalog_item_delete (HcsStore  *store,
                               gint64     id,
                               gint64     version,
                               GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DELETE_ITEM, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_stmt_bind_int64 (stmt, 2, version);
  return hcs_store_step_done (store, stmt, error) &&
         hcs_store_check_versioned_update (store, SQL_ITEM_EXISTS, id, error);
}

#define ITEM_FILTERS \
  " WHERE i.year = ?1 AND (?2 IS NULL OR i.category = ?2)" \
  " AND (?3 IS NULL OR i.department_id = ?3) AND (?4 IS NULL OR i.disclosure = ?4)" \
  " AND (?5 IS NULL OR i.subject_type = ?5) AND (?9 IS NULL OR i.scope = ?9)" \
  " AND (?6 IS NULL OR i.name LIKE ?6 ESCAPE '\\' OR i.legal_basis LIKE ?6 ESCAPE '\\'" \
  "      OR d.name LIKE ?6 ESCAPE '\\')"

static const char SQL_LIST_ITEMS[] =
  "SELECT " ITEM_COLUMNS ITEM_FROM ITEM_FILTERS " AND i.id > ?7 ORDER BY i.id LIMIT ?8";
static const char SQL_COUNT_ITEMS[] =
  "SELECT count(*)" ITEM_FROM ITEM_FILTERS;

/* "%text%" for LIKE, with LIKE's own wildcards taken literally. */
static char *
like_pattern (const char *q)
{
  GString *s = g_string_new ("%");

  for (const char *p = q; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

static void
bind_item_filters (HcsStmt                    *stmt,
                   gint64                      year,
                   const HcsCatalogItemFilter *filter,
                   const char                 *pattern)
{
  hcs_stmt_bind_int64 (stmt, 1, year);
  hcs_store_bind_text (stmt, 2, filter->category);
  if (filter->department_id != 0)
    hcs_stmt_bind_int64 (stmt, 3, filter->department_id);
  hcs_store_bind_text (stmt, 4, filter->disclosure);
  hcs_store_bind_text (stmt, 5, filter->subject_type);
  hcs_store_bind_text (stmt, 6, pattern);
  hcs_store_bind_text (stmt, 9, filter->scope);
}

/**
 * hcs_store_catalog_items_list:
 * @total: (out) (optional): when not %NULL, the count of all matches
 *
 * Returns: (transfer full): up to @page->limit + 1 items of @year in id
 *   order, after the page's cursor
 */
JsonArray *
hcs_store_catalog_items_list (HcsStore                    *store,
                              gint64                       year,
                              const HcsCatalogItemFilter  *filter,
                              const HcsPage               *page,
                              gint64                      *total,
                              GError                     **error)
{
  g_autofree char *pattern = filter->q ? like_pattern (filter->q) : NULL;
  HcsStmt *stmt;
  JsonArray *rows;

  if (total != NULL)
    {
      stmt = hcs_store_prepare (store, SQL_COUNT_ITEMS, error);
      if (stmt == NULL)
        return NULL;
      bind_item_filters (stmt, year, filter, pattern);
      if ((*total = hcs_store_single_int (store, stmt, error)) < 0)
        return NULL;
    }

  stmt = hcs_store_prepare (store, SQL_LIST_ITEMS, error);
  if (stmt == NULL)
    return NULL;
  bind_item_filters (stmt, year, filter, pattern);
  hcs_stmt_bind_int64 (stmt, 7, page->after_id);
  hcs_stmt_bind_int64 (stmt, 8, page->limit + 1);
  rows = hcs_store_rows_array (store, stmt, 0, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    fix_item (json_array_get_object_element (rows, i));
  return rows;
}

static const char SQL_DEPARTMENT_BY_CODE[] = "SELECT id FROM departments WHERE code = ?1";

/* Returns: the department's id, 0 when there is none, -1 on error */
gint64
hcs_store_catalog_department_by_code (HcsStore    *store,
                                      const char  *code,
                                      GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DEPARTMENT_BY_CODE, error);
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  if (stmt == NULL)
    return -1;
  hcs_store_bind_text (stmt, 1, code);
  id = hcs_store_single_int (store, stmt, &local_error);
  if (g_error_matches (local_error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
    return 0;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return id;
}

static const char SQL_ALL_ITEMS[] =
  "SELECT " ITEM_COLUMNS ITEM_FROM " WHERE i.year = ?1 ORDER BY i.id";

/* Returns: (transfer full): every item of the version @year, by id */
JsonArray *
hcs_store_catalog_items_all (HcsStore  *store,
                             gint64     year,
                             GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_ALL_ITEMS, error);
  JsonArray *rows;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, year);
  if ((rows = hcs_store_rows_array (store, stmt, 0, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    fix_item (json_array_get_object_element (rows, i));
  return rows;
}
