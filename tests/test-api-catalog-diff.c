/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of test-api-catalog: the difference between two years' catalogs. */
#include "config.h"

#include <string.h>

#include "hc-test-server.h"
#include "test-api-catalog.h"

/* ---- diff --------------------------------------------------------------- */

static JsonObject *
find_by_name (JsonArray  *items,
              const char *name)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *obj = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (obj, "name"), name) == 0)
        return obj;
    }
  return NULL;
}

static void
test_diff_matches_items_by_lineage (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  g_autoptr(HcTestResponse) v1 = catalog_create_version (analyst, 2044, 0);
  g_autoptr(HcTestResponse) a = catalog_add_item (2044, "将被删除的事项", "other", dept_a, "public");
  g_autoptr(HcTestResponse) b = catalog_add_item (2044, "将被修改的事项", "penalty", dept_a, "public");
  g_autoptr(HcTestResponse) c = catalog_add_item (2044, "不变的事项", "license", dept_b, "public");
  g_autoptr(HcTestResponse) v2 = catalog_create_version (analyst, 2045, 2044);
  g_autoptr(HcTestResponse) list = hc_test_request (server, "GET", "/catalog/versions/2045/items", analyst, NULL);
  JsonObject *a2 = find_by_name (catalog_items_of (list), "将被删除的事项");
  JsonObject *b2 = find_by_name (catalog_items_of (list), "将被修改的事项");
  g_autofree char *a2_path = g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT, json_object_get_int_member (a2, "id"));
  g_autofree char *b2_path = g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT, json_object_get_int_member (b2, "id"));
  g_autofree char *b2_etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", json_object_get_int_member (b2, "version"));
  g_autofree char *a2_etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", json_object_get_int_member (a2, "version"));
  g_autofree char *patch_body = g_strdup_printf ("{\"name\":\"修改后的事项\",\"disclosure\":\"restricted\",\"department_id\":%"
                                                 G_GINT64_FORMAT ",\"expected_records\":999}", dept_b);
  g_autoptr(HcTestResponse) del = catalog_send_with_etag ("DELETE", a2_path, analyst, NULL, a2_etag);
  g_autoptr(HcTestResponse) patch = catalog_send_with_etag ("PATCH", b2_path, analyst, patch_body, b2_etag);
  g_autoptr(HcTestResponse) d = catalog_add_item (2045, "新增的事项", "commitment", dept_a, "public");
  g_autoptr(HcTestResponse) diff = NULL;
  g_autoptr(HcTestResponse) back = NULL;
  g_autoptr(HcTestResponse) same = NULL;
  JsonObject *obj, *changed;
  JsonArray *changes;
  gboolean saw_name = FALSE, saw_disclosure = FALSE, saw_department = FALSE;

  hc_assert_status (del, 204, NULL);
  hc_assert_status (patch, 200, NULL);

  diff = hc_test_request (server, "GET", "/catalog/diff?from=2044&to=2045", analyst, NULL);
  hc_assert_status (diff, 200, NULL);
  obj = catalog_object_of (diff);
  g_assert_cmpint (json_object_get_int_member (obj, "from"), ==, 2044);
  g_assert_cmpint (json_object_get_int_member (obj, "to"), ==, 2045);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "added")), ==, 1);
  g_assert_nonnull (find_by_name (json_object_get_array_member (obj, "added"), "新增的事项"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "removed")), ==, 1);
  g_assert_nonnull (find_by_name (json_object_get_array_member (obj, "removed"), "将被删除的事项"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "changed")), ==, 1);

  changed = json_array_get_object_element (json_object_get_array_member (obj, "changed"), 0);
  g_assert_cmpstr (json_object_get_string_member (changed, "lineage"), ==,
                   json_object_get_string_member (catalog_object_of (b), "lineage"));
  g_assert_cmpstr (json_object_get_string_member (changed, "name"), ==, "修改后的事项");
  changes = json_object_get_array_member (changed, "changes");
  /* expected_records is a count, not content: it is no change of the item. */
  g_assert_cmpuint (json_array_get_length (changes), ==, 3);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *ch = json_array_get_object_element (changes, i);
      const char *field = json_object_get_string_member (ch, "field");

      if (g_str_equal (field, "name"))
        {
          saw_name = TRUE;
          g_assert_cmpstr (json_object_get_string_member (ch, "from"), ==, "将被修改的事项");
          g_assert_cmpstr (json_object_get_string_member (ch, "to"), ==, "修改后的事项");
        }
      else if (g_str_equal (field, "disclosure"))
        {
          saw_disclosure = TRUE;
          g_assert_cmpstr (json_object_get_string_member (ch, "from"), ==, "public");
          g_assert_cmpstr (json_object_get_string_member (ch, "to"), ==, "restricted");
        }
      else if (g_str_equal (field, "department_id"))
        {
          saw_department = TRUE;
          g_assert_cmpint (json_object_get_int_member (ch, "from"), ==, dept_a);
          g_assert_cmpint (json_object_get_int_member (ch, "to"), ==, dept_b);
          g_assert_cmpstr (json_object_get_string_member (ch, "to_name"), ==, "省税务局");
        }
    }
  g_assert_true (saw_name && saw_disclosure && saw_department);

  /* The same diff as a listing, a row an item, and its CSV export with the
   * same rows. */
  {
    g_autoptr(HcTestResponse) rows = hc_test_request (server, "GET", "/catalog/diff/rows?from=2044&to=2045", analyst, NULL);
    g_autoptr(HcTestResponse) csv = hc_test_request_accept (server, "GET", "/catalog/diff/rows?from=2044&to=2045", analyst,
                                                            NULL, NULL, NULL, "text/csv");
    g_autoptr(HcTestResponse) missing = hc_test_request (server, "GET", "/catalog/diff/rows?from=2044", analyst, NULL);
    g_autoptr(HcTestResponse) none = hc_test_request (server, "GET", "/catalog/diff/rows?from=2044&to=2099", analyst, NULL);
    JsonArray *items;
    g_autofree char *text = NULL;
    gboolean saw_change = FALSE;

    hc_assert_status (rows, 200, NULL);
    items = json_object_get_array_member (catalog_object_of (rows), "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 3);
    g_assert_cmpint (json_object_get_int_member (catalog_object_of (rows), "total"), ==, 3);
    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *row = json_array_get_object_element (items, i);

        if (g_str_equal (json_object_get_string_member (row, "change"), "changed"))
          {
            saw_change = TRUE;
            g_assert_cmpstr (json_object_get_string_member (row, "change_label"), ==, "修改");
            g_assert_nonnull (strstr (json_object_get_string_member (row, "changes"), "信息项名称：将被修改的事项 → 修改后的事项"));
            g_assert_nonnull (strstr (json_object_get_string_member (row, "changes"), "省税务局"));
          }
      }
    g_assert_true (saw_change);
    hc_assert_status (csv, 200, NULL);
    g_assert_cmpstr (csv->content_type, ==, "text/csv");
    text = g_strndup (g_bytes_get_data (csv->body, NULL), g_bytes_get_size (csv->body));
    g_test_message ("%s", text);
    g_assert_nonnull (strstr (text, "变更,目录类型,信息项名称,信源单位,变更内容"));
    g_assert_nonnull (strstr (text, "新增的事项"));
    g_assert_nonnull (strstr (text, "将被删除的事项"));
    g_assert_nonnull (strstr (text, "修改后的事项"));
    hc_assert_status (missing, 400, "missing_parameter");
    g_assert_cmpstr (hc_test_response_error_field (missing), ==, "to");
    hc_assert_status (none, 404, NULL);
    g_assert_cmpstr (hc_test_response_error_field (none), ==, "to");
  }

  /* Backwards, added and removed swap. */
  back = hc_test_request (server, "GET", "/catalog/diff?from=2045&to=2044", analyst, NULL);
  hc_assert_status (back, 200, NULL);
  g_assert_nonnull (find_by_name (json_object_get_array_member (catalog_object_of (back), "added"), "将被删除的事项"));
  g_assert_nonnull (find_by_name (json_object_get_array_member (catalog_object_of (back), "removed"), "新增的事项"));

  same = hc_test_request (server, "GET", "/catalog/diff?from=2044&to=2044", analyst, NULL);
  hc_assert_status (same, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (catalog_object_of (same), "added")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (catalog_object_of (same), "removed")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (catalog_object_of (same), "changed")), ==, 0);
}

static void
test_diff_refuses_bad_years (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  static const struct { const char *query; guint status; const char *code; const char *field; } cases[] = {
    { "to=2044", 400, "missing_parameter", "from" },
    { "from=2044", 400, "missing_parameter", "to" },
    { "from=abc&to=2044", 400, "invalid_parameter", "from" },
    { "from=2044&to=1800", 400, "invalid_parameter", "to" },
    { "from=2095&to=2044", 404, "not_found", "from" },
    { "from=2044&to=2095", 404, "not_found", "to" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/catalog/diff?%s", cases[i].query);
      g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);

      hc_assert_status (r, cases[i].status, cases[i].code);
      g_assert_cmpstr (hc_test_response_error_field (r), ==, cases[i].field);
    }
}

void
hc_test_catalog_diff_add (void)
{
  g_test_add_func ("/catalog/diff/matches-items-by-lineage", test_diff_matches_items_by_lineage);
  g_test_add_func ("/catalog/diff/refuses-bad-years", test_diff_refuses_bad_years);
}
