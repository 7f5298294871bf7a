/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /imports: 归集 of department files, their rejection reports and the
 * data-quality figures computed from them. */
#define G_LOG_DOMAIN "hcs-route-imports"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-import.h"
#include "hcs-routes.h"
#include "hcs-store-imports.h"
#include "hcs-store-users.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define IMPORT_MAX_BODY ((gsize) 512 * 1024 * 1024)

/* The file's name: ?file_name= or the Content-Disposition filename. */
static char *
file_name_of (HcsRequest *req)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (hcs_request_get_message (req));
  const char *query = hcs_request_query (req, "file_name");
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *disposition = NULL;
  const char *name;

  if (query != NULL)
    return g_strdup (query);
  if (soup_message_headers_get_content_disposition (headers, &disposition, &params) &&
      (name = g_hash_table_lookup (params, "filename")) != NULL)
    return g_path_get_basename (name);
  return g_strdup ("");
}

static void
reply_failure (HcsRequest             *req,
               const GError           *error,
               const HcsImportFailure *failure)
{
  switch (error->code)
    {
    case HCS_IMPORT_ERROR_INVALID_KIND:
      hcs_request_reply_error (req, HCS_ERR_INVALID_KIND, "kind", "%s", error->message);
      break;
    case HCS_IMPORT_ERROR_INVALID_ITEM:
      hcs_request_reply_error (req, HCS_ERR_INVALID_ITEM, "item", "%s", error->message);
      break;
    case HCS_IMPORT_ERROR_INVALID_ENCODING:
      hcs_request_reply_error (req, HCS_ERR_INVALID_ENCODING, "encoding", "%s",
                               error->message);
      break;
    case HCS_IMPORT_ERROR_EMPTY:
      hcs_request_reply_error (req, HCS_ERR_EMPTY_FILE, NULL, "%s", error->message);
      break;
    case HCS_IMPORT_ERROR_NO_ROWS:
      hcs_request_reply_error (req, HCS_ERR_NO_ROWS, NULL, "%s", error->message);
      break;
    case HCS_IMPORT_ERROR_HEADER:
      hcs_request_reply_error (req, HCS_ERR_INVALID_HEADER, failure->field, "%s",
                               error->message);
      break;
    case HCS_IMPORT_ERROR_FORBIDDEN:
      hcs_request_reply_error (req, HCS_ERR_FORBIDDEN, "require_subject", "%s", error->message);
      break;
    case HCS_IMPORT_ERROR_XLSX:
      hcs_request_reply_error (req, HCS_ERR_INVALID_XLSX, NULL, "%s", error->message);
      break;
    case HCS_IMPORT_ERROR_ALREADY_IMPORTED:
      {
        g_autofree char *location = g_strdup_printf ("/api/v1/imports/%" G_GINT64_FORMAT, failure->earlier_import_id);

        soup_message_headers_replace (soup_server_message_get_response_headers (hcs_request_get_message (req)),
                                      "Location", location);
        hcs_request_reply_error (req, HCS_ERR_ALREADY_IMPORTED, NULL, "%s", error->message);
      }
      break;
    case HCS_IMPORT_ERROR_STORE:
    default:
      /* Logged, and answered without the internal detail. */
      hcs_request_reply_gerror (req, failure->store_error != NULL ? failure->store_error : error);
      break;
    }
}

/* POST /imports?kind=penalty&item=ID[&encoding=][&file_name=][&force=1][&require_subject=1] */
static void
create_import (HcsRequest *req)
{
  const char *kind = hcs_request_query (req, "kind");
  const char *encoding = hcs_request_query (req, "encoding");
  const char *content_type = hcs_request_get_header (req, "Content-Type");
  g_autofree char *file_name = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) answer = NULL;
  g_autofree char *location = NULL;
  g_auto(HcsImportFailure) failure = { 0, };
  HcsImportOptions options = { 0, };
  gint64 item;
  gsize len;
  const char *data;

  if (kind != NULL && !hcs_import_kind_is_valid (kind))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_KIND, "kind",
                               _("The kind of records is penalty, license, commitment or registration."));
      return;
    }
  if (!hcs_request_query_int (req, "item", 1, G_MAXINT64, 0, &item) ||
      !hcs_request_query_bool (req, "force", &options.force) ||
      !hcs_request_query_bool (req, "require_subject", &options.require_subject))
    return;
  if (item == 0)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_ITEM, "item",
                               _("Say which catalog item the records belong to: ?item=ID."));
      return;
    }
  if (options.force && !hcs_request_require_role (req, HC_ROLE_SUPERVISOR))
    return;

  if (encoding == NULL && content_type != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (content_type, -1);

      if (strstr (lower, "charset=gb18030") || strstr (lower, "charset=gbk") || strstr (lower, "charset=gb2312"))
        encoding = "gb18030";
      else if (strstr (lower, "charset=utf-8"))
        encoding = "utf-8";
    }
  file_name = file_name_of (req);
  body = hcs_request_get_body (req);
  data = g_bytes_get_data (body, &len);

  options.kind = kind;
  options.item_id = item;
  options.encoding = encoding;
  options.file_name = file_name;
  options.xlsx = content_type != NULL && g_str_has_prefix (content_type, XLSX_TYPE);
  options.actor = hcs_request_get_actor (req);

  answer = hcs_import_run (hcs_request_get_store (req), &options, data ? data : "", len, &failure, &error);
  if (answer == NULL)
    {
      reply_failure (req, error, &failure);
      return;
    }
  location = g_strdup_printf ("/api/v1/imports/%" G_GINT64_FORMAT, json_object_get_int_member (answer, "import_id"));
  soup_message_headers_replace (soup_server_message_get_response_headers (hcs_request_get_message (req)),
                                "Location", location);
  hcs_request_reply_object (req, SOUP_STATUS_CREATED, g_steal_pointer (&answer));
}

static void
list_imports (HcsRequest *req)
{
  g_auto(HcsPage) page = { 0, };
  g_autoptr(GError) error = NULL;
  const char *kind = hcs_request_query (req, "kind");
  JsonArray *rows;
  gint64 item, total;

  if (!hcs_request_page (req, &page))
    return;
  if (kind != NULL && !hcs_import_kind_is_valid (kind))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_KIND, "kind",
                               _("The kind of records is penalty, license, commitment or registration."));
      return;
    }
  if (!hcs_request_query_int (req, "item", 1, G_MAXINT64, 0, &item))
    return;
  rows = hcs_store_imports_list (hcs_request_get_store (req), kind, item, &page, &total, &error);
  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_rows (req, rows, &page, NULL, total);
}

static void
get_import (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) obj = NULL;
  gint64 id;

  if (!hcs_request_path_id (req, "id", _("There is no such import."), &id))
    return;
  obj = hcs_store_imports_get (hcs_request_get_store (req), id, &error);
  if (obj == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_object (req, SOUP_STATUS_OK, g_steal_pointer (&obj));
}

static void
csv_append (GString    *out,
            const char *value)
{
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* GET /imports/{id}/rejections.csv: every rejection, UTF-8 with a BOM so
 * that Excel reads the Chinese right. */
static void
get_rejections_csv (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) obj = NULL;
  g_autoptr(JsonArray) rows = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GString *out;
  gint64 id;

  if (!hcs_request_path_id (req, "id", _("There is no such import."), &id))
    return;
  obj = hcs_store_imports_get (hcs_request_get_store (req), id, &error);
  if (obj == NULL || (rows = hcs_store_imports_rejections (hcs_request_get_store (req), id, 0, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  out = g_string_new ("\xEF\xBB\xBF" "row,field,code,message\r\n");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *r = json_array_get_object_element (rows, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT ",", json_object_get_int_member (r, "row"));
      csv_append (out, json_object_get_string_member (r, "field"));
      g_string_append_c (out, ',');
      csv_append (out, json_object_get_string_member (r, "code"));
      g_string_append_c (out, ',');
      csv_append (out, json_object_get_string_member (r, "message"));
      g_string_append (out, "\r\n");
    }
  bytes = g_string_free_to_bytes (out);
  hcs_request_reply_bytes (req, SOUP_STATUS_OK, "text/csv; charset=utf-8", bytes);
}

/* GET /imports/quality?by=department|month&year=YYYY */
static void
get_quality (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) answer = NULL;
  const char *by = hcs_request_query (req, "by");
  JsonArray *rows;
  gint64 year;

  if (by == NULL)
    by = "department";
  if (!g_str_equal (by, "department") && !g_str_equal (by, "month"))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "by",
                               _("Quality figures are grouped by department or by month."));
      return;
    }
  if (!hcs_request_query_int (req, "year", 2000, 2100, 0, &year))
    return;
  rows = hcs_store_imports_quality (hcs_request_get_store (req), g_str_equal (by, "month"), year, &error);
  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  answer = json_object_new ();
  json_object_set_string_member (answer, "by", by);
  if (year > 0)
    json_object_set_int_member (answer, "year", year);
  else
    json_object_set_null_member (answer, "year");
  json_object_set_array_member (answer, "items", rows);
  hcs_request_reply_object (req, SOUP_STATUS_OK, g_steal_pointer (&answer));
}

/* GET /imports/quality/months?year=YYYY&department=ID: data quality per
 * source department and month, each row with the imports behind it; a
 * listing, so it exports as every listing does. */
static void
get_quality_months (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  HcsStore *store = hcs_request_get_store (req);
  JsonArray *rows;
  gint64 year, department;

  if (!hcs_request_query_int (req, "year", 2000, 2100, 0, &year) ||
      !hcs_request_query_int (req, "department", 1, G_MAXINT64, 0, &department))
    return;
  if (department > 0)
    {
      g_autoptr(JsonObject) found = hcs_store_departments_get (store, department, &error);

      if (found == NULL)
        {
          if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
            hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "department",
                                     _("There is no department %lld."), (long long) department);
          else
            hcs_request_reply_gerror (req, error);
          return;
        }
    }
  rows = hcs_store_imports_quality_months (store, year, department, &error);
  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_page (req, rows, NULL, json_array_get_length (rows));
}

static const HcsRoute routes[] = {
  { "GET", "/imports", list_imports, HCS_ACCESS_ANALYST, 0 },
  /* a million rows run for minutes: no bound on the statements' wait */
  { "POST", "/imports", create_import, HCS_ACCESS_ANALYST, IMPORT_MAX_BODY, TRUE },
  { "GET", "/imports/quality", get_quality, HCS_ACCESS_ANALYST, 0 },
  { "GET", "/imports/quality/months", get_quality_months, HCS_ACCESS_ANALYST, 0 },
  { "GET", "/imports/{id}", get_import, HCS_ACCESS_ANALYST, 0 },
  { "GET", "/imports/{id}/rejections.csv", get_rejections_csv, HCS_ACCESS_ANALYST, 0 },
};

void
hcs_routes_imports_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
