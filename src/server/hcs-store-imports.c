/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL of 归集: imports, their rejections, the records they bring, quality. */
#define G_LOG_DOMAIN "hcs-store-imports"

#include "config.h"

#include <math.h>

#include "hcs-store-imports.h"
#include "hcs-store-private.h"

static const char SQL_ITEM[] =
  "SELECT c.category, c.subject_type FROM catalog_items c"
  " JOIN catalog_versions v ON v.year = c.year WHERE c.id = ?1";

/* Returns: %FALSE with NOT_FOUND when there is no such item in a version */
gboolean
hcs_store_imports_item (HcsStore    *store,
                        gint64       item_id,
                        char       **category,
                        char       **subject_type,
                        GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_ITEM, error);
  int rc;

  g_return_val_if_fail (store != NULL, FALSE);
  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, item_id);
  rc = hcs_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == HCS_STMT_DONE)
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "no catalog item %" G_GINT64_FORMAT, item_id);
      return FALSE;
    }
  *category = g_strdup (hcs_stmt_column_text (stmt, 0));
  *subject_type = g_strdup (hcs_stmt_column_text (stmt, 1));
  hcs_stmt_reset (stmt);
  return TRUE;
}

static const char SQL_FIND_SHA[] =
  "SELECT id FROM imports WHERE file_sha256 = ?1 ORDER BY id LIMIT 1";

/* Returns: the first import of a file with this hash, 0 when none, -1 on error */
gint64
hcs_store_imports_find_sha (HcsStore    *store,
                            const char  *sha256,
                            GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_FIND_SHA, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  hcs_store_bind_text (stmt, 1, sha256);
  rc = hcs_store_step (store, stmt, error);
  if (rc < 0)
    return -1;
  if (rc == HCS_STMT_ROW)
    id = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  return id;
}

static const char SQL_INSERT[] =
  "INSERT INTO imports (kind, item_id, actor, at, file_name, file_sha256, encoding)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

/* Returns: the new import's id, 0 on error */
gint64
hcs_store_imports_insert (HcsStore    *store,
                          const char  *kind,
                          gint64       item_id,
                          const char  *actor,
                          const char  *file_name,
                          const char  *sha256,
                          const char  *encoding,
                          GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_INSERT, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return 0;
  hcs_store_bind_text (stmt, 1, kind);
  hcs_stmt_bind_int64 (stmt, 2, item_id);
  hcs_store_bind_text (stmt, 3, actor);
  hcs_store_bind_text (stmt, 4, now);
  hcs_store_bind_text (stmt, 5, file_name ? file_name : "");
  hcs_store_bind_text (stmt, 6, sha256);
  hcs_store_bind_text (stmt, 7, encoding);
  return hcs_store_insert (store, stmt, error);
}

static const char SQL_FINISH[] =
  "UPDATE imports SET rows_read = ?2, accepted = ?3, rejected = ?4, uscc_errors = ?5,"
  " other_errors = ?6, duration_ms = ?7, reasons = ?8, file_sha256 = ?9, uscc_duplicates = ?10 WHERE id = ?1";

gboolean
hcs_store_imports_finish (HcsStore    *store,
                          gint64       import_id,
                          gint64       rows_read,
                          gint64       accepted,
                          gint64       rejected,
                          gint64       uscc_errors,
                          gint64       uscc_duplicates,
                          gint64       other_errors,
                          gint64       duration_ms,
                          const char  *reasons,
                          const char  *sha256,
                          GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_FINISH, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, import_id);
  hcs_stmt_bind_int64 (stmt, 2, rows_read);
  hcs_stmt_bind_int64 (stmt, 3, accepted);
  hcs_stmt_bind_int64 (stmt, 4, rejected);
  hcs_stmt_bind_int64 (stmt, 5, uscc_errors);
  hcs_stmt_bind_int64 (stmt, 6, other_errors);
  hcs_stmt_bind_int64 (stmt, 7, duration_ms);
  hcs_store_bind_text (stmt, 8, reasons);
  hcs_store_bind_text (stmt, 9, sha256);
  hcs_stmt_bind_int64 (stmt, 10, uscc_duplicates);
  return hcs_store_step_done (store, stmt, error);
}

static const char SQL_ADD_COLLECTED[] =
  "UPDATE catalog_items SET collected_records = collected_records + ?2 WHERE id = ?1";

gboolean
hcs_store_imports_add_collected (HcsStore  *store,
                                 gint64     item_id,
                                 gint64     n,
                                 GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_ADD_COLLECTED, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, item_id);
  hcs_stmt_bind_int64 (stmt, 2, n);
  return hcs_store_step_done (store, stmt, error);
}

static const char SQL_REJECT[] =
  "INSERT OR IGNORE INTO import_rejections (import_id, row, field, code, message)"
  " VALUES (?1, ?2, ?3, ?4, ?5)";

gboolean
hcs_store_imports_reject (HcsStore    *store,
                          gint64       import_id,
                          gint64       row,
                          const char  *field,
                          const char  *code,
                          const char  *message,
                          GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_REJECT, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, import_id);
  hcs_stmt_bind_int64 (stmt, 2, row);
  hcs_store_bind_text (stmt, 3, field ? field : "");
  hcs_store_bind_text (stmt, 4, code);
  hcs_store_bind_text (stmt, 5, message);
  return hcs_store_step_done (store, stmt, error);
}

#define IMPORT_COLUMNS \
  "i.id AS id, i.kind AS kind, i.item_id AS item_id, c.name AS item_name," \
  " c.department_id AS department_id, i.actor AS actor, i.at AS at, i.file_name AS file_name," \
  " i.file_sha256 AS file_sha256, i.encoding AS encoding, i.rows_read AS rows_read," \
  " i.accepted AS accepted, i.rejected AS rejected, i.uscc_errors AS uscc_errors," \
  " i.other_errors AS other_errors, i.uscc_duplicates AS uscc_duplicates, i.duration_ms AS duration_ms," \
  " i.reasons AS reasons"
#define IMPORT_FROM " FROM imports i LEFT JOIN catalog_items c ON c.id = i.item_id"
#define IMPORT_FILTER " WHERE (?1 IS NULL OR i.kind = ?1) AND (?2 = 0 OR i.item_id = ?2)"

static const char SQL_LIST[] =
  "SELECT " IMPORT_COLUMNS IMPORT_FROM IMPORT_FILTER
  " AND (?3 IS NULL OR i.id < ?3) ORDER BY i.id DESC LIMIT ?4";
static const char SQL_COUNT[] = "SELECT count(*) FROM imports i" IMPORT_FILTER;
static const char SQL_GET[] = "SELECT " IMPORT_COLUMNS IMPORT_FROM " WHERE i.id = ?1";

/* "reasons" is stored as JSON text: answer it as an object. */
static void
fix_row (JsonObject *obj)
{
  const char *text = json_object_get_string_member_with_default (obj, "reasons", "{}");
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_clear_pointer (&node, json_node_unref);
      node = json_node_init_object (json_node_alloc (), json_object_new ());
    }
  json_object_set_member (obj, "reasons", g_steal_pointer (&node));
}

/* Returns: (transfer full): up to @page->limit + 1 imports, newest first */
JsonArray *
hcs_store_imports_list (HcsStore       *store,
                        const char     *kind,
                        gint64          item_id,
                        const HcsPage  *page,
                        gint64         *total,
                        GError        **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_LIST, error);
  g_autoptr(JsonArray) rows = NULL;

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_text (stmt, 1, kind);
  hcs_stmt_bind_int64 (stmt, 2, item_id);
  if (page->after_id > 0)
    hcs_stmt_bind_int64 (stmt, 3, page->after_id);
  hcs_stmt_bind_int64 (stmt, 4, (gint64) page->limit + 1);
  if ((rows = hcs_store_rows_array (store, stmt, 0, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    fix_row (json_array_get_object_element (rows, i));

  *total = -1;
  if (page->want_total)
    {
      stmt = hcs_store_prepare (store, SQL_COUNT, error);
      if (stmt == NULL)
        return NULL;
      hcs_store_bind_text (stmt, 1, kind);
      hcs_stmt_bind_int64 (stmt, 2, item_id);
      if (hcs_store_step (store, stmt, error) != HCS_STMT_ROW)
        return NULL;
      *total = hcs_stmt_column_int64 (stmt, 0);
      hcs_stmt_reset (stmt);
    }
  return g_steal_pointer (&rows);
}

JsonObject *
hcs_store_imports_get (HcsStore  *store,
                       gint64     id,
                       GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_GET, error);
  JsonObject *obj;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  obj = hcs_store_get_object (store, stmt, error);
  if (obj == NULL)
    return NULL;
  fix_row (obj);
  return obj;
}

static const char SQL_REJECTIONS[] =
  "SELECT row AS row, field AS field, code AS code, message AS message"
  " FROM import_rejections WHERE import_id = ?1 ORDER BY row, field, code";

/* Returns: (transfer full): the rejections of import @id in row order */
JsonArray *
hcs_store_imports_rejections (HcsStore  *store,
                              gint64     id,
                              guint      max_rows,
                              GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_REJECTIONS, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  return hcs_store_rows_array (store, stmt, max_rows, error);
}

/* 错码 (malformed codes, rejected) and 重码 (well-formed codes naming two
 * subjects), both counted per import as it ran (imports.uscc_errors and
 * imports.uscc_duplicates; see schema/import-duplicates.sql); the
 * 重错码率 is (错码 + 重码) / rows read. */
#define QUALITY_FIGURES \
  " count(*) AS imports, sum(i.rows_read) AS rows_read, sum(i.accepted) AS accepted," \
  " sum(i.rejected) AS rejected, sum(i.uscc_errors) AS uscc_errors," \
  " sum(i.uscc_duplicates) AS uscc_duplicates, sum(i.other_errors) AS other_errors," \
  " round(100.0 * (sum(i.uscc_errors) + sum(i.uscc_duplicates)) / max(sum(i.rows_read), 1), 4) AS uscc_error_rate," \
  " round(100.0 * sum(i.other_errors) / max(sum(i.rows_read), 1), 4) AS other_error_rate"

static const char SQL_QUALITY_DEPARTMENT[] =
  "SELECT d.id AS department_id, d.code AS department_code, d.name AS department," QUALITY_FIGURES
  " FROM imports i JOIN catalog_items c ON c.id = i.item_id JOIN departments d ON d.id = c.department_id"
  " WHERE (?1 = 0 OR substr(i.at, 1, 4) = printf('%04d', ?1))"
  " GROUP BY d.id ORDER BY d.id";
static const char SQL_QUALITY_MONTH[] =
  "SELECT substr(i.at, 1, 7) AS month," QUALITY_FIGURES
  " FROM imports i"
  " WHERE (?1 = 0 OR substr(i.at, 1, 4) = printf('%04d', ?1))"
  " GROUP BY substr(i.at, 1, 7) ORDER BY 1";

/**
 * hcs_store_imports_quality:
 * @year: 0 for every year
 *
 * Returns: (transfer full): the figures per department or per month; rates
 *   are percentages of the rows read, the USCC rate counting 错码 and 重码.
 */
JsonArray *
hcs_store_imports_quality (HcsStore  *store,
                           gboolean   by_month,
                           gint64     year,
                           GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, by_month ? SQL_QUALITY_MONTH : SQL_QUALITY_DEPARTMENT, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, year);
  return hcs_store_rows_array (store, stmt, 0, error);
}

/* Each import of a catalog item, with its department, month and 重码. */
static const char SQL_QUALITY_IMPORTS[] =
  "SELECT d.id AS department_id, d.code AS department_code, d.name AS department,"
  " substr(i.at, 1, 7) AS month, " IMPORT_COLUMNS
  IMPORT_FROM " JOIN departments d ON d.id = c.department_id"
  " WHERE (?1 = 0 OR substr(i.at, 1, 4) = printf('%04d', ?1)) AND (?2 = 0 OR d.id = ?2)"
  " ORDER BY d.id, substr(i.at, 1, 7), i.id";

static double
percent (gint64 part,
         gint64 whole)
{
  return round (1e6 * part / MAX (whole, 1)) / 1e4;
}

static void
add_count (JsonObject *row,
           const char *member,
           gint64      n)
{
  json_object_set_int_member (row, member, json_object_get_int_member_with_default (row, member, 0) + n);
}

/* The figures of @row from its imports: rates in percent of the rows read. */
static void
close_month (JsonObject *row)
{
  gint64 read = json_object_get_int_member (row, "rows_read");
  double uscc = percent (json_object_get_int_member (row, "uscc_errors") +
                         json_object_get_int_member (row, "uscc_duplicates"), read);
  double other = percent (json_object_get_int_member (row, "other_errors"), read);

  json_object_set_double_member (row, "uscc_error_rate", uscc);
  json_object_set_double_member (row, "other_error_rate", other);
  json_object_set_boolean_member (row, "over_line",
                                  uscc > HCS_QUALITY_LINE_PERCENT || other > HCS_QUALITY_LINE_PERCENT);
}

/**
 * hcs_store_imports_quality_months:
 * @year: 0 for every year
 * @department_id: 0 for every department
 *
 * Data quality per source department and month: the imports of the
 * department's catalog items in the month, their figures summed, and the
 * imports themselves (each with its 重码).
 *
 * Returns: (transfer full): the rows by department, then month
 */
JsonArray *
hcs_store_imports_quality_months (HcsStore  *store,
                                  gint64     year,
                                  gint64     department_id,
                                  GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_QUALITY_IMPORTS, error);
  g_autoptr(JsonArray) imports = NULL;
  g_autoptr(JsonArray) rows = json_array_new ();
  JsonObject *row = NULL;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, year);
  hcs_stmt_bind_int64 (stmt, 2, department_id);
  if ((imports = hcs_store_rows_array (store, stmt, 0, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (imports); i++)
    {
      JsonObject *imp = json_array_get_object_element (imports, i);
      gint64 department = json_object_get_int_member (imp, "department_id");
      const char *month = json_object_get_string_member (imp, "month");

      if (row == NULL || json_object_get_int_member (row, "department_id") != department ||
          g_strcmp0 (json_object_get_string_member (row, "month"), month) != 0)
        {
          if (row != NULL)
            close_month (row);
          row = json_object_new ();
          json_object_set_int_member (row, "department_id", department);
          json_object_set_string_member (row, "department_code", json_object_get_string_member (imp, "department_code"));
          json_object_set_string_member (row, "department", json_object_get_string_member (imp, "department"));
          json_object_set_string_member (row, "month", month);
          json_object_set_array_member (row, "imports", json_array_new ());
          json_object_set_array_member (row, "file_names", json_array_new ());
          json_array_add_object_element (rows, row);
        }
      add_count (row, "import_count", 1);
      add_count (row, "rows_read", json_object_get_int_member (imp, "rows_read"));
      add_count (row, "accepted", json_object_get_int_member (imp, "accepted"));
      add_count (row, "rejected", json_object_get_int_member (imp, "rejected"));
      add_count (row, "uscc_errors", json_object_get_int_member (imp, "uscc_errors"));
      add_count (row, "uscc_duplicates", json_object_get_int_member (imp, "uscc_duplicates"));
      add_count (row, "other_errors", json_object_get_int_member (imp, "other_errors"));
      json_array_add_string_element (json_object_get_array_member (row, "file_names"),
                                     json_object_get_string_member (imp, "file_name"));
      json_object_remove_member (imp, "department_code");
      json_object_remove_member (imp, "department");
      json_object_remove_member (imp, "month");
      fix_row (imp);
      json_array_add_object_element (json_object_get_array_member (row, "imports"), json_object_ref (imp));
    }
  if (row != NULL)
    close_month (row);
  return g_steal_pointer (&rows);
}

static const char SQL_DEMO_ITEMS[] =
  "SELECT c.id AS id, c.year AS year, c.category AS category, d.code AS department_code,"
  " c.name AS name FROM catalog_items c JOIN departments d ON d.id = c.department_id"
  " WHERE c.category IN ('penalty', 'license', 'commitment') ORDER BY c.id";

/* Returns: (transfer full): the catalog items imports can go to */
JsonArray *
hcs_store_imports_items (HcsStore  *store,
                         GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DEMO_ITEMS, error);

  if (stmt == NULL)
    return NULL;
  return hcs_store_rows_array (store, stmt, 0, error);
}

static const char SQL_INSERT_PAST[] =
  "INSERT INTO imports (kind, item_id, actor, at, file_name, file_sha256, encoding, rows_read,"
  " accepted, rejected, uscc_errors, other_errors, duration_ms, reasons, uscc_duplicates)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

/* An import of the past, whole (for the demo data). */
gboolean
hcs_store_imports_insert_past (HcsStore          *store,
                               const HcsPastImport *past,
                               GError           **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_INSERT_PAST, error);

  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, past->kind);
  hcs_stmt_bind_int64 (stmt, 2, past->item_id);
  hcs_store_bind_text (stmt, 3, past->actor);
  hcs_store_bind_text (stmt, 4, past->at);
  hcs_store_bind_text (stmt, 5, past->file_name);
  hcs_store_bind_text (stmt, 6, past->sha256);
  hcs_store_bind_text (stmt, 7, past->encoding);
  hcs_stmt_bind_int64 (stmt, 8, past->rows_read);
  hcs_stmt_bind_int64 (stmt, 9, past->rows_read - past->uscc_errors - past->other_errors);
  hcs_stmt_bind_int64 (stmt, 10, past->uscc_errors + past->other_errors);
  hcs_stmt_bind_int64 (stmt, 11, past->uscc_errors);
  hcs_stmt_bind_int64 (stmt, 12, past->other_errors);
  hcs_stmt_bind_int64 (stmt, 13, past->duration_ms);
  hcs_store_bind_text (stmt, 14, past->reasons);
  hcs_stmt_bind_int64 (stmt, 15, past->uscc_duplicates);
  return hcs_store_step_done (store, stmt, error);
}
