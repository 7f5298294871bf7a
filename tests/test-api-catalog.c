/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of /catalog: versions, publishing, items, the diff, the demo. */
#include "config.h"

#include <string.h>

#include "hc-test-server.h"
#include "test-api-catalog.h"

HcTestServer *server;
gint64 dept_a;   /* 省市场监管局 */
gint64 dept_b;   /* 省税务局 */

/* ---- helpers ------------------------------------------------------------ */

HcTestResponse *
catalog_send_with_etag (const char *method,
                        const char *path,
                        const char *token,
                        const char *body,
                        const char *etag)
{
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;

  return hc_test_request_full (server, method, path, token, body ? "application/json" : NULL, bytes, etag);
}

JsonObject *
catalog_object_of (HcTestResponse *r)
{
  return hc_test_response_object (r);
}

JsonArray *
catalog_items_of (HcTestResponse *r)
{
  return json_object_get_array_member (hc_test_response_object (r), "items");
}

HcTestResponse *
catalog_create_version (const char *token,
                        int         year,
                        int         copy_from)
{
  g_autofree char *body = copy_from ? g_strdup_printf ("{\"year\":%d,\"copy_from\":%d}", year, copy_from)
                                    : g_strdup_printf ("{\"year\":%d}", year);

  return hc_test_request (server, "POST", "/catalog/versions", token, body);
}

/* A valid item body, as an object the caller may spoil. */
JsonObject *
catalog_item_object (const char *name,
                     const char *category,
                     gint64      department_id,
                     const char *disclosure)
{
  JsonObject *obj = json_object_new ();

  json_object_set_string_member (obj, "category", category);
  json_object_set_string_member (obj, "name", name);
  json_object_set_string_member (obj, "subject_type", "legal_person");
  json_object_set_int_member (obj, "department_id", department_id);
  json_object_set_string_member (obj, "disclosure", disclosure);
  json_object_set_string_member (obj, "update_frequency", "monthly");
  json_object_set_string_member (obj, "legal_basis", "《企业信息公示暂行条例》");
  json_object_set_string_member (obj, "publicity_period", "3年");
  json_object_set_int_member (obj, "expected_records", 200);
  return obj;
}

char *
catalog_object_text (JsonObject *obj)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, obj);
  return json_to_string (node, FALSE);
}

HcTestResponse *
catalog_add_item (int         year,
                  const char *name,
                  const char *category,
                  gint64      department_id,
                  const char *disclosure)
{
  g_autoptr(JsonObject) obj = catalog_item_object (name, category, department_id, disclosure);
  g_autofree char *body = catalog_object_text (obj);
  g_autofree char *path = g_strdup_printf ("/catalog/versions/%d/items", year);
  HcTestResponse *r = hc_test_request (server, "POST", path, hc_test_server_token (server, "analyst"), body);

  hc_assert_status (r, 201, NULL);
  return r;
}

char *
catalog_item_path (HcTestResponse *created)
{
  return g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT,
                          json_object_get_int_member (catalog_object_of (created), "id"));
}

static char *
version_etag (int year)
{
  g_autofree char *path = g_strdup_printf ("/catalog/versions/%d", year);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, hc_test_server_token (server, "analyst"), NULL);

  hc_assert_status (r, 200, NULL);
  g_assert_nonnull (r->etag);
  return g_strdup (r->etag);
}

static HcTestResponse *
publish (int         year,
         const char *token,
         const char *etag)
{
  g_autofree char *path = g_strdup_printf ("/catalog/versions/%d/publish", year);

  return catalog_send_with_etag ("POST", path, token, NULL, etag);
}

/* The audit entries of one entity, newest first. */
JsonArray *
catalog_audit_of (const char *entity,
                  const char *entity_id,
                  HcTestResponse **keep)
{
  g_autofree char *path = g_strdup_printf ("/audit?entity=%s&entity_id=%s", entity, entity_id);

  *keep = hc_test_request (server, "GET", path, hc_test_server_token (server, "admin"), NULL);
  hc_assert_status (*keep, 200, NULL);
  return catalog_items_of (*keep);
}

const char *
catalog_audit_action (JsonArray *entries,
                      guint      i)
{
  return json_object_get_string_member (json_array_get_object_element (entries, i), "action");
}

JsonObject *
catalog_audit_member (JsonArray  *entries,
                      guint       i,
                      const char *member)
{
  JsonNode *node = json_object_get_member (json_array_get_object_element (entries, i), member);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* ---- versions ----------------------------------------------------------- */

static void
test_versions_create_copy_and_list (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  g_autoptr(HcTestResponse) v1 = catalog_create_version (analyst, 2030, 0);
  g_autoptr(HcTestResponse) a = catalog_add_item (2030, "企业登记注册信息", "registration", dept_a, "public");
  g_autoptr(HcTestResponse) b = catalog_add_item (2030, "纳税信用等级信息", "tax", dept_b, "conditional");
  g_autoptr(HcTestResponse) v2 = NULL;
  g_autoptr(HcTestResponse) list = NULL;
  g_autoptr(HcTestResponse) one = NULL;
  g_autoptr(HcTestResponse) audit = NULL;
  JsonObject *obj;
  JsonArray *entries;
  gboolean seen_2030 = FALSE, seen_2031 = FALSE;

  hc_assert_status (v1, 201, NULL);
  g_assert_nonnull (v1->etag);
  obj = catalog_object_of (v1);
  g_assert_cmpint (json_object_get_int_member (obj, "year"), ==, 2030);
  g_assert_cmpstr (json_object_get_string_member (obj, "state"), ==, "draft");
  g_assert_cmpint (json_object_get_int_member (obj, "item_count"), ==, 0);
  g_assert_true (json_object_get_null_member (obj, "collection_rate"));

  /* The copy has every item, with the same lineage, and nothing collected yet. */
  v2 = catalog_create_version (analyst, 2031, 2030);
  hc_assert_status (v2, 201, NULL);
  obj = catalog_object_of (v2);
  g_assert_cmpint (json_object_get_int_member (obj, "item_count"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (obj, "copied_from"), ==, 2030);
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM catalog_items n JOIN catalog_items o ON o.lineage = n.lineage"
                                          " AND o.year = 2030 AND o.name = n.name AND o.department_id = n.department_id"
                                          " AND o.expected_records = n.expected_records WHERE n.year = 2031"), ==, 2);
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM catalog_items WHERE year = 2031 AND collected_records = 0"), ==, 2);

  list = hc_test_request (server, "GET", "/catalog/versions", analyst, NULL);
  hc_assert_status (list, 200, NULL);
  for (guint i = 0; i < json_array_get_length (catalog_items_of (list)); i++)
    {
      JsonObject *v = json_array_get_object_element (catalog_items_of (list), i);
      gint64 year = json_object_get_int_member (v, "year");

      if (year == 2030)
        {
          seen_2030 = TRUE;
          g_assert_cmpint (json_object_get_int_member (v, "item_count"), ==, 2);
        }
      seen_2031 |= year == 2031;
    }
  g_assert_true (seen_2030 && seen_2031);

  one = hc_test_request (server, "GET", "/catalog/versions/2031", analyst, NULL);
  hc_assert_status (one, 200, NULL);
  g_assert_cmpstr (one->etag, ==, v2->etag);

  entries = catalog_audit_of ("catalog_version", "2031", &audit);
  g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  g_assert_cmpstr (catalog_audit_action (entries, 0), ==, "catalog_version.create");
  g_assert_null (catalog_audit_member (entries, 0, "before"));
  g_assert_cmpint (json_object_get_int_member (catalog_audit_member (entries, 0, "after"), "item_count"), ==, 2);
}

static void
test_versions_create_refuses_bad_input (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  g_autoptr(HcTestResponse) first = catalog_create_version (analyst, 2032, 0);
  g_autoptr(HcTestResponse) dup = catalog_create_version (analyst, 2032, 0);
  g_autoptr(HcTestResponse) no_source = catalog_create_version (analyst, 2033, 1999);
  g_autoptr(HcTestResponse) low = catalog_create_version (analyst, 1999, 0);
  g_autoptr(HcTestResponse) high = catalog_create_version (analyst, 2101, 0);
  g_autoptr(HcTestResponse) text = hc_test_request (server, "POST", "/catalog/versions", analyst, "{\"year\":\"2033\"}");
  g_autoptr(HcTestResponse) missing = hc_test_request (server, "POST", "/catalog/versions", analyst, "{}");
  g_autoptr(HcTestResponse) broken = hc_test_request (server, "POST", "/catalog/versions", analyst, "{\"year\":");
  g_autoptr(HcTestResponse) anonymous = hc_test_request (server, "POST", "/catalog/versions", NULL, "{\"year\":2033}");
  g_autoptr(HcTestResponse) unknown = hc_test_request (server, "GET", "/catalog/versions/2099", analyst, NULL);
  g_autoptr(HcTestResponse) not_a_year = hc_test_request (server, "GET", "/catalog/versions/abc", analyst, NULL);

  hc_assert_status (first, 201, NULL);
  hc_assert_status (dup, 409, "duplicate");
  g_assert_cmpstr (hc_test_response_error_field (dup), ==, "year");
  hc_assert_status (no_source, 422, "unknown_version");
  g_assert_cmpstr (hc_test_response_error_field (no_source), ==, "copy_from");
  hc_assert_status (low, 422, "invalid_year");
  hc_assert_status (high, 422, "invalid_year");
  hc_assert_status (text, 400, "invalid_type");
  hc_assert_status (missing, 422, "missing_field");
  hc_assert_status (broken, 400, "invalid_json");
  hc_assert_status (anonymous, 401, NULL);
  hc_assert_status (unknown, 404, "not_found");
  hc_assert_status (not_a_year, 404, "not_found");

  /* The refused writes left nothing: no version, no audit entry. */
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM catalog_versions WHERE year IN (1999, 2033, 2101)"), ==, 0);
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM audit WHERE entity = 'catalog_version'"
                                          " AND entity_id IN ('1999', '2033', '2101')"), ==, 0);
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM audit WHERE entity = 'catalog_version' AND entity_id = '2032'"), ==, 1);
}

static void
test_every_route_needs_a_token (void)
{
  static const char * const requests[][2] = {
    { "GET", "/catalog/versions" }, { "POST", "/catalog/versions" }, { "GET", "/catalog/versions/2030" },
    { "POST", "/catalog/versions/2030/publish" }, { "GET", "/catalog/versions/2030/items" },
    { "POST", "/catalog/versions/2030/items" }, { "GET", "/catalog/items/1" }, { "PATCH", "/catalog/items/1" },
    { "DELETE", "/catalog/items/1" }, { "GET", "/catalog/diff?from=2030&to=2031" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      g_autoptr(HcTestResponse) r = hc_test_request (server, requests[i][0], requests[i][1], NULL,
                                                     g_str_equal (requests[i][0], "GET") ? NULL : "{}");

      hc_assert_status (r, 401, "unauthenticated");
    }
}

/* ---- publishing --------------------------------------------------------- */

static void
test_publish_roles_and_rules (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  const char *supervisor = hc_test_server_token (server, "supervisor");
  g_autoptr(HcTestResponse) empty = catalog_create_version (analyst, 2034, 0);
  g_autoptr(HcTestResponse) empty_publish = publish (2034, supervisor, empty->etag);
  g_autoptr(HcTestResponse) v = catalog_create_version (analyst, 2035, 0);
  g_autofree char *stale_etag = g_strdup (v->etag);
  g_autoptr(HcTestResponse) item = catalog_add_item (2035, "行政许可决定信息", "license", dept_a, "public");
  g_autofree char *etag = version_etag (2035);
  g_autoptr(HcTestResponse) by_analyst = publish (2035, analyst, etag);
  g_autoptr(HcTestResponse) no_if_match = publish (2035, supervisor, NULL);
  g_autoptr(HcTestResponse) stale = publish (2035, supervisor, stale_etag);
  g_autoptr(HcTestResponse) unknown = publish (2098, supervisor, "\"1\"");
  g_autoptr(HcTestResponse) ok = NULL;
  g_autoptr(HcTestResponse) again = NULL;
  g_autoptr(HcTestResponse) audit = NULL;
  JsonArray *entries;

  hc_assert_status (empty_publish, 422, "empty_version");
  /* Adding an item changed the version's ETag: what was reviewed is what is published. */
  g_assert_cmpstr (etag, !=, stale_etag);
  hc_assert_status (by_analyst, 403, "forbidden");
  hc_assert_status (no_if_match, 428, "precondition_required");
  hc_assert_status (stale, 412, "stale");
  hc_assert_status (unknown, 404, "not_found");
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM catalog_versions WHERE year IN (2034, 2035) AND state = 'draft'"), ==, 2);
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM audit WHERE action = 'catalog_version.publish'"
                                          " AND entity_id IN ('2034', '2035')"), ==, 0);

  ok = publish (2035, supervisor, etag);
  hc_assert_status (ok, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (catalog_object_of (ok), "state"), ==, "published");
  g_assert_cmpstr (json_object_get_string_member (catalog_object_of (ok), "published_by"), ==, "supervisor");
  g_assert_false (json_object_get_null_member (catalog_object_of (ok), "published_at"));
  g_assert_cmpstr (ok->etag, !=, etag);

  again = publish (2035, supervisor, ok->etag);
  hc_assert_status (again, 409, "version_published");

  entries = catalog_audit_of ("catalog_version", "2035", &audit);
  g_assert_cmpuint (json_array_get_length (entries), ==, 2);
  g_assert_cmpstr (catalog_audit_action (entries, 0), ==, "catalog_version.publish");
  g_assert_cmpstr (json_object_get_string_member (catalog_audit_member (entries, 0, "before"), "state"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (catalog_audit_member (entries, 0, "after"), "state"), ==, "published");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "actor"), ==, "supervisor");
}

static void
test_admin_may_publish (void)
{
  g_autoptr(HcTestResponse) v = catalog_create_version (hc_test_server_token (server, "analyst"), 2036, 0);
  g_autoptr(HcTestResponse) item = catalog_add_item (2036, "经营异常名录信息", "abnormal_operation", dept_a, "public");
  g_autofree char *etag = version_etag (2036);
  g_autoptr(HcTestResponse) ok = publish (2036, hc_test_server_token (server, "admin"), etag);

  hc_assert_status (ok, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (catalog_object_of (ok), "published_by"), ==, "admin");
}

static void
test_published_version_is_read_only (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  g_autoptr(HcTestResponse) v = catalog_create_version (analyst, 2037, 0);
  g_autoptr(HcTestResponse) item = catalog_add_item (2037, "失信被执行人信息", "judicial", dept_a, "public");
  g_autofree char *path = catalog_item_path (item);
  g_autofree char *etag = version_etag (2037);
  g_autoptr(HcTestResponse) published = publish (2037, hc_test_server_token (server, "supervisor"), etag);
  g_autoptr(JsonObject) obj = catalog_item_object ("新增信息", "penalty", dept_a, "public");
  g_autofree char *body = catalog_object_text (obj);
  g_autoptr(HcTestResponse) add = hc_test_request (server, "POST", "/catalog/versions/2037/items", analyst, body);
  g_autoptr(HcTestResponse) patch = catalog_send_with_etag ("PATCH", path, analyst, "{\"name\":\"改名\"}", item->etag);
  g_autoptr(HcTestResponse) del = catalog_send_with_etag ("DELETE", path, analyst, NULL, item->etag);
  g_autoptr(HcTestResponse) now = hc_test_request (server, "GET", path, analyst, NULL);

  hc_assert_status (published, 200, NULL);
  hc_assert_status (add, 409, "version_published");
  hc_assert_status (patch, 409, "version_published");
  hc_assert_status (del, 409, "version_published");
  hc_assert_status (now, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (catalog_object_of (now), "name"), ==, "失信被执行人信息");
  g_assert_cmpstr (json_object_get_string_member (catalog_object_of (now), "version_state"), ==, "published");
  g_assert_cmpstr (now->etag, ==, item->etag);
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM catalog_items WHERE year = 2037"), ==, 1);
}

/* ---- the demo catalog --------------------------------------------------- */

static void
test_demo_catalog_rises_to_93_percent (void)
{
  g_autoptr(HcTestServer) demo = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  const char *analyst = hc_test_server_token (demo, "analyst");
  g_autoptr(HcTestResponse) list = hc_test_request (demo, "GET", "/catalog/versions", analyst, NULL);
  g_autoptr(HcTestResponse) diff = hc_test_request (demo, "GET", "/catalog/diff?from=2024&to=2025", analyst, NULL);
  g_autoptr(HcTestResponse) items = hc_test_request (demo, "GET", "/catalog/versions/2025/items?limit=1000", analyst, NULL);
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) departments = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint n_supplementary = 0;
  JsonArray *versions;
  double last_rate = 0.0;

  hc_assert_status (list, 200, NULL);
  versions = catalog_items_of (list);
  g_assert_cmpuint (json_array_get_length (versions), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *v = json_array_get_object_element (versions, i);
      double rate = json_object_get_double_member (v, "collection_rate");

      g_assert_cmpint (json_object_get_int_member (v, "year"), ==, 2021 + i);
      g_assert_cmpstr (json_object_get_string_member (v, "state"), ==, i < 4 ? "published" : "draft");
      g_assert_cmpint (json_object_get_int_member (v, "item_count"), >=, 150);
      g_assert_cmpfloat (rate, >, last_rate);
      last_rate = rate;
      if (i == 0)
        g_assert_cmpfloat_with_epsilon (rate, 0.82, 0.015);
      if (i == 4)
        {
          g_assert_cmpfloat_with_epsilon (rate, 0.93, 0.015);
          g_assert_cmpint (json_object_get_int_member (v, "copied_from"), ==, 2024);
        }
    }

  hc_assert_status (diff, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (catalog_object_of (diff), "added")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (catalog_object_of (diff), "removed")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (catalog_object_of (diff), "changed")), >, 0);

  hc_assert_status (items, 200, NULL);
  for (guint i = 0; i < json_array_get_length (catalog_items_of (items)); i++)
    {
      JsonObject *item = json_array_get_object_element (catalog_items_of (items), i);

      g_hash_table_add (categories, (gpointer) json_object_get_string_member (item, "category"));
      g_hash_table_add (departments, GINT_TO_POINTER (json_object_get_int_member (item, "department_id")));
      g_assert_cmpstr (json_object_get_string_member (item, "legal_basis"), !=, "");
      if (g_str_equal (json_object_get_string_member (item, "scope"), "supplementary"))
        n_supplementary++;
      else
        g_assert_cmpstr (json_object_get_string_member (item, "scope"), ==, "basic");
    }
  /* Both catalogs: the national base and the province's supplement. */
  g_assert_cmpuint (n_supplementary, >=, 8);
  g_assert_cmpuint (n_supplementary, <, json_array_get_length (catalog_items_of (items)) / 4);
  g_assert_cmpuint (g_hash_table_size (categories), >=, 11);
  g_assert_cmpuint (g_hash_table_size (departments), >=, 40);
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  dept_a = hc_test_create_department (server, "SCJG", "省市场监管局");
  dept_b = hc_test_create_department (server, "SW", "省税务局");
  hc_test_create_user (server, "analyst", "analyst");
  hc_test_create_user (server, "supervisor", "supervisor");

  g_test_add_func ("/catalog/versions/create-copy-and-list", test_versions_create_copy_and_list);
  g_test_add_func ("/catalog/versions/create-refuses-bad-input", test_versions_create_refuses_bad_input);
  g_test_add_func ("/catalog/every-route-needs-a-token", test_every_route_needs_a_token);
  g_test_add_func ("/catalog/publish/roles-and-rules", test_publish_roles_and_rules);
  g_test_add_func ("/catalog/publish/admin-may-publish", test_admin_may_publish);
  g_test_add_func ("/catalog/published-version-is-read-only", test_published_version_is_read_only);
  hc_test_catalog_items_add ();
  hc_test_catalog_diff_add ();
  g_test_add_func ("/catalog/demo/rises-to-93-percent", test_demo_catalog_rises_to_93_percent);

  ret = g_test_run ();
  hc_test_server_free (server);
  return ret;
}
