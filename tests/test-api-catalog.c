/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of /catalog: versions, publishing, items, the diff, the demo. */
#include "config.h"

#include <string.h>

#include "hc-test-server.h"

static HcTestServer *server;
static gint64 dept_a;   /* 省市场监管局 */
static gint64 dept_b;   /* 省税务局 */

/* ---- helpers ------------------------------------------------------------ */

static HcTestResponse *
send_with_etag (const char *method,
                const char *path,
                const char *token,
                const char *body,
                const char *etag)
{
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;

  return hc_test_request_full (server, method, path, token, body ? "application/json" : NULL, bytes, etag);
}

static JsonObject *
object_of (HcTestResponse *r)
{
  return hc_test_response_object (r);
}

static JsonArray *
items_of (HcTestResponse *r)
{
  return json_object_get_array_member (hc_test_response_object (r), "items");
}

static gint64
count (const char *format,
       ...) G_GNUC_PRINTF (1, 2);

static gint64
count (const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return hc_test_count_rows (server, sql);
}

static HcTestResponse *
create_version (const char *token,
                int         year,
                int         copy_from)
{
  g_autofree char *body = copy_from ? g_strdup_printf ("{\"year\":%d,\"copy_from\":%d}", year, copy_from)
                                    : g_strdup_printf ("{\"year\":%d}", year);

  return hc_test_request (server, "POST", "/catalog/versions", token, body);
}

/* A valid item body, as an object the caller may spoil. */
static JsonObject *
item_object (const char *name,
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

static char *
object_text (JsonObject *obj)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, obj);
  return json_to_string (node, FALSE);
}

static HcTestResponse *
add_item (int         year,
          const char *name,
          const char *category,
          gint64      department_id,
          const char *disclosure)
{
  g_autoptr(JsonObject) obj = item_object (name, category, department_id, disclosure);
  g_autofree char *body = object_text (obj);
  g_autofree char *path = g_strdup_printf ("/catalog/versions/%d/items", year);
  HcTestResponse *r = hc_test_request (server, "POST", path, hc_test_server_token (server, "analyst"), body);

  hc_assert_status (r, 201, NULL);
  return r;
}

static char *
item_path (HcTestResponse *created)
{
  return g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT,
                          json_object_get_int_member (object_of (created), "id"));
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

  return send_with_etag ("POST", path, token, NULL, etag);
}

/* The audit entries of one entity, newest first. */
static JsonArray *
audit_of (const char *entity,
          const char *entity_id,
          HcTestResponse **keep)
{
  g_autofree char *path = g_strdup_printf ("/audit?entity=%s&entity_id=%s", entity, entity_id);

  *keep = hc_test_request (server, "GET", path, hc_test_server_token (server, "admin"), NULL);
  hc_assert_status (*keep, 200, NULL);
  return items_of (*keep);
}

static const char *
audit_action (JsonArray *entries,
              guint      i)
{
  return json_object_get_string_member (json_array_get_object_element (entries, i), "action");
}

static JsonObject *
audit_member (JsonArray  *entries,
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
  g_autoptr(HcTestResponse) v1 = create_version (analyst, 2030, 0);
  g_autoptr(HcTestResponse) a = add_item (2030, "企业登记注册信息", "registration", dept_a, "public");
  g_autoptr(HcTestResponse) b = add_item (2030, "纳税信用等级信息", "tax", dept_b, "conditional");
  g_autoptr(HcTestResponse) v2 = NULL;
  g_autoptr(HcTestResponse) list = NULL;
  g_autoptr(HcTestResponse) one = NULL;
  g_autoptr(HcTestResponse) audit = NULL;
  JsonObject *obj;
  JsonArray *entries;
  gboolean seen_2030 = FALSE, seen_2031 = FALSE;

  hc_assert_status (v1, 201, NULL);
  g_assert_nonnull (v1->etag);
  obj = object_of (v1);
  g_assert_cmpint (json_object_get_int_member (obj, "year"), ==, 2030);
  g_assert_cmpstr (json_object_get_string_member (obj, "state"), ==, "draft");
  g_assert_cmpint (json_object_get_int_member (obj, "item_count"), ==, 0);
  g_assert_true (json_object_get_null_member (obj, "collection_rate"));

  /* The copy has every item, with the same lineage, and nothing collected yet. */
  v2 = create_version (analyst, 2031, 2030);
  hc_assert_status (v2, 201, NULL);
  obj = object_of (v2);
  g_assert_cmpint (json_object_get_int_member (obj, "item_count"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (obj, "copied_from"), ==, 2030);
  g_assert_cmpint (count ("SELECT count(*) FROM catalog_items n JOIN catalog_items o ON o.lineage = n.lineage"
                          " AND o.year = 2030 AND o.name = n.name AND o.department_id = n.department_id"
                          " AND o.expected_records = n.expected_records WHERE n.year = 2031"), ==, 2);
  g_assert_cmpint (count ("SELECT count(*) FROM catalog_items WHERE year = 2031 AND collected_records = 0"), ==, 2);

  list = hc_test_request (server, "GET", "/catalog/versions", analyst, NULL);
  hc_assert_status (list, 200, NULL);
  for (guint i = 0; i < json_array_get_length (items_of (list)); i++)
    {
      JsonObject *v = json_array_get_object_element (items_of (list), i);
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

  entries = audit_of ("catalog_version", "2031", &audit);
  g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  g_assert_cmpstr (audit_action (entries, 0), ==, "catalog_version.create");
  g_assert_null (audit_member (entries, 0, "before"));
  g_assert_cmpint (json_object_get_int_member (audit_member (entries, 0, "after"), "item_count"), ==, 2);
}

static void
test_versions_create_refuses_bad_input (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  g_autoptr(HcTestResponse) first = create_version (analyst, 2032, 0);
  g_autoptr(HcTestResponse) dup = create_version (analyst, 2032, 0);
  g_autoptr(HcTestResponse) no_source = create_version (analyst, 2033, 1999);
  g_autoptr(HcTestResponse) low = create_version (analyst, 1999, 0);
  g_autoptr(HcTestResponse) high = create_version (analyst, 2101, 0);
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
  g_assert_cmpint (count ("SELECT count(*) FROM catalog_versions WHERE year IN (1999, 2033, 2101)"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE entity = 'catalog_version'"
                          " AND entity_id IN ('1999', '2033', '2101')"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE entity = 'catalog_version' AND entity_id = '2032'"), ==, 1);
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
  g_autoptr(HcTestResponse) empty = create_version (analyst, 2034, 0);
  g_autoptr(HcTestResponse) empty_publish = publish (2034, supervisor, empty->etag);
  g_autoptr(HcTestResponse) v = create_version (analyst, 2035, 0);
  g_autofree char *stale_etag = g_strdup (v->etag);
  g_autoptr(HcTestResponse) item = add_item (2035, "行政许可决定信息", "license", dept_a, "public");
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
  g_assert_cmpint (count ("SELECT count(*) FROM catalog_versions WHERE year IN (2034, 2035) AND state = 'draft'"), ==, 2);
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'catalog_version.publish'"
                          " AND entity_id IN ('2034', '2035')"), ==, 0);

  ok = publish (2035, supervisor, etag);
  hc_assert_status (ok, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (object_of (ok), "state"), ==, "published");
  g_assert_cmpstr (json_object_get_string_member (object_of (ok), "published_by"), ==, "supervisor");
  g_assert_false (json_object_get_null_member (object_of (ok), "published_at"));
  g_assert_cmpstr (ok->etag, !=, etag);

  again = publish (2035, supervisor, ok->etag);
  hc_assert_status (again, 409, "version_published");

  entries = audit_of ("catalog_version", "2035", &audit);
  g_assert_cmpuint (json_array_get_length (entries), ==, 2);
  g_assert_cmpstr (audit_action (entries, 0), ==, "catalog_version.publish");
  g_assert_cmpstr (json_object_get_string_member (audit_member (entries, 0, "before"), "state"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (audit_member (entries, 0, "after"), "state"), ==, "published");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "actor"), ==, "supervisor");
}

static void
test_admin_may_publish (void)
{
  g_autoptr(HcTestResponse) v = create_version (hc_test_server_token (server, "analyst"), 2036, 0);
  g_autoptr(HcTestResponse) item = add_item (2036, "经营异常名录信息", "abnormal_operation", dept_a, "public");
  g_autofree char *etag = version_etag (2036);
  g_autoptr(HcTestResponse) ok = publish (2036, hc_test_server_token (server, "admin"), etag);

  hc_assert_status (ok, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (object_of (ok), "published_by"), ==, "admin");
}

static void
test_published_version_is_read_only (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  g_autoptr(HcTestResponse) v = create_version (analyst, 2037, 0);
  g_autoptr(HcTestResponse) item = add_item (2037, "失信被执行人信息", "judicial", dept_a, "public");
  g_autofree char *path = item_path (item);
  g_autofree char *etag = version_etag (2037);
  g_autoptr(HcTestResponse) published = publish (2037, hc_test_server_token (server, "supervisor"), etag);
  g_autoptr(JsonObject) obj = item_object ("新增信息", "penalty", dept_a, "public");
  g_autofree char *body = object_text (obj);
  g_autoptr(HcTestResponse) add = hc_test_request (server, "POST", "/catalog/versions/2037/items", analyst, body);
  g_autoptr(HcTestResponse) patch = send_with_etag ("PATCH", path, analyst, "{\"name\":\"改名\"}", item->etag);
  g_autoptr(HcTestResponse) del = send_with_etag ("DELETE", path, analyst, NULL, item->etag);
  g_autoptr(HcTestResponse) now = hc_test_request (server, "GET", path, analyst, NULL);

  hc_assert_status (published, 200, NULL);
  hc_assert_status (add, 409, "version_published");
  hc_assert_status (patch, 409, "version_published");
  hc_assert_status (del, 409, "version_published");
  hc_assert_status (now, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (object_of (now), "name"), ==, "失信被执行人信息");
  g_assert_cmpstr (json_object_get_string_member (object_of (now), "version_state"), ==, "published");
  g_assert_cmpstr (now->etag, ==, item->etag);
  g_assert_cmpint (count ("SELECT count(*) FROM catalog_items WHERE year = 2037"), ==, 1);
}

/* ---- items -------------------------------------------------------------- */

static void
test_items_create_validates_each_field (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  static const struct
  {
    const char *member;
    const char *value;      /* JSON; NULL removes the member */
    guint       status;
    const char *code;
  } cases[] = {
    { "category", "\"lottery\"", 422, "invalid_category" },
    { "subject_type", "\"company\"", 422, "invalid_subject_type" },
    { "disclosure", "\"secret\"", 422, "invalid_disclosure" },
    { "update_frequency", "\"hourly\"", 422, "invalid_update_frequency" },
    { "department_id", "999999", 422, "unknown_department" },
    { "department_id", "\"SCJG\"", 400, "invalid_type" },
    { "name", NULL, 422, "missing_field" },
    { "name", "\"   \"", 422, "missing_field" },
    { "name", "42", 400, "invalid_type" },
    { "legal_basis", NULL, 422, "missing_field" },
    { "publicity_period", NULL, 422, "missing_field" },
    { "update_frequency", NULL, 422, "missing_field" },
    { "expected_records", "-1", 422, "invalid_count" },
    { "expected_records", "1.5", 400, "invalid_type" },
    { "lineage", "\"x\"", 422, "unknown_field" },
  };
  g_autoptr(HcTestResponse) v = create_version (analyst, 2038, 0);
  g_autoptr(HcTestResponse) ok = add_item (2038, "行政处罚决定信息", "penalty", dept_a, "public");
  g_autoptr(HcTestResponse) other_department = add_item (2038, "行政处罚决定信息", "penalty", dept_b, "public");
  g_autoptr(JsonObject) dup_obj = item_object ("行政处罚决定信息", "penalty", dept_a, "restricted");
  g_autofree char *dup_body = object_text (dup_obj);
  g_autoptr(HcTestResponse) dup = hc_test_request (server, "POST", "/catalog/versions/2038/items", analyst, dup_body);
  g_autoptr(HcTestResponse) no_version = hc_test_request (server, "POST", "/catalog/versions/2097/items", analyst, dup_body);
  g_autoptr(HcTestResponse) long_name = NULL;
  g_autoptr(JsonObject) long_obj = item_object ("x", "penalty", dept_a, "public");
  g_autofree char *long_body = NULL;
  GString *name = g_string_new (NULL);

  hc_assert_status (dup, 409, "duplicate");
  g_assert_cmpstr (hc_test_response_error_field (dup), ==, "name");
  hc_assert_status (no_version, 404, "not_found");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) obj = item_object ("新的目录事项", "penalty", dept_a, "public");
      g_autofree char *body = NULL;
      g_autoptr(HcTestResponse) r = NULL;

      if (cases[i].value != NULL)
        json_object_set_member (obj, cases[i].member, json_from_string (cases[i].value, NULL));
      else
        json_object_remove_member (obj, cases[i].member);
      body = object_text (obj);
      r = hc_test_request (server, "POST", "/catalog/versions/2038/items", analyst, body);
      if (r->status != cases[i].status)
        g_error ("%s = %s: expected %u, got %u", cases[i].member, cases[i].value, cases[i].status, r->status);
      g_assert_cmpstr (hc_test_response_error_code (r), ==, cases[i].code);
      g_assert_cmpstr (hc_test_response_error_field (r), ==, cases[i].member);
    }

  for (guint i = 0; i < 201; i++)
    g_string_append (name, "信");
  json_object_set_string_member (long_obj, "name", name->str);
  g_string_free (name, TRUE);
  long_body = object_text (long_obj);
  long_name = hc_test_request (server, "POST", "/catalog/versions/2038/items", analyst, long_body);
  hc_assert_status (long_name, 422, "too_long");

  {
    gsize size = 5 * 1024 * 1024;
    g_autoptr(GBytes) huge = g_bytes_new_take (memset (g_malloc (size), ' ', size), size);
    g_autoptr(HcTestResponse) r = hc_test_request_full (server, "POST", "/catalog/versions/2038/items", analyst,
                                                        "application/json", huge, NULL);

    hc_assert_status (r, 413, "payload_too_large");
  }

  g_assert_cmpint (count ("SELECT count(*) FROM catalog_items WHERE year = 2038"), ==, 2);
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'catalog_item.create'"
                          " AND after LIKE '%%\"year\":2038%%'"), ==, 2);
}

static void
test_items_answer_collection_rate_and_department (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  g_autoptr(HcTestResponse) v = create_version (analyst, 2039, 0);
  g_autoptr(HcTestResponse) item = add_item (2039, "社会保险参保缴费信息", "social_insurance", dept_b, "conditional");
  g_autofree char *path = item_path (item);
  g_autoptr(HcTestResponse) none_expected =
    send_with_etag ("PATCH", path, analyst, "{\"expected_records\":0,\"collected_records\":10}", item->etag);
  g_autoptr(HcTestResponse) three_quarters =
    send_with_etag ("PATCH", path, analyst, "{\"expected_records\":200,\"collected_records\":150}", none_expected->etag);
  g_autoptr(HcTestResponse) got = hc_test_request (server, "GET", path, analyst, NULL);
  g_autoptr(HcTestResponse) complete = NULL;
  g_autoptr(HcTestResponse) version = NULL;
  JsonObject *obj;

  obj = object_of (item);
  g_assert_cmpstr (json_object_get_string_member (obj, "department_name"), ==, "省税务局");
  g_assert_cmpint (json_object_get_int_member (obj, "expected_records"), ==, 200);
  g_assert_cmpfloat (json_object_get_double_member (obj, "collection_rate"), ==, 0.0);
  g_assert_false (json_object_get_boolean_member (obj, "effectively_collected"));

  hc_assert_status (none_expected, 200, NULL);
  g_assert_true (json_object_get_null_member (object_of (none_expected), "collection_rate"));
  hc_assert_status (three_quarters, 200, NULL);
  hc_assert_status (got, 200, NULL);
  obj = object_of (got);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (obj, "collection_rate"), 0.75, 1e-9);
  g_assert_cmpint (json_object_get_int_member (obj, "collected_records"), ==, 150);
  g_assert_false (json_object_get_boolean_member (obj, "effectively_collected"));
  g_assert_cmpstr (got->etag, ==, three_quarters->etag);

  /* All expected records in: the item counts as collected in its version's 归集率. */
  complete = send_with_etag ("PATCH", path, analyst, "{\"collected_records\":200}", got->etag);
  hc_assert_status (complete, 200, NULL);
  g_assert_true (json_object_get_boolean_member (object_of (complete), "effectively_collected"));
  version = hc_test_request (server, "GET", "/catalog/versions/2039", analyst, NULL);
  hc_assert_status (version, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (object_of (version), "collected_item_count"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (object_of (version), "collection_rate"), ==, 1.0);
}

static void
test_items_patch_and_delete_with_etags (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  g_autoptr(HcTestResponse) v = create_version (analyst, 2042, 0);
  g_autoptr(HcTestResponse) item = add_item (2042, "住房公积金缴存信息", "housing_fund", dept_a, "conditional");
  g_autoptr(HcTestResponse) other = add_item (2042, "住房公积金欠缴信息", "housing_fund", dept_a, "conditional");
  g_autofree char *path = item_path (item);
  g_autofree char *other_path = item_path (other);
  gint64 id = json_object_get_int_member (object_of (item), "id");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(HcTestResponse) no_if_match = hc_test_request (server, "PATCH", path, analyst, "{\"disclosure\":\"public\"}");
  g_autoptr(HcTestResponse) bad_if_match = send_with_etag ("PATCH", path, analyst, "{\"disclosure\":\"public\"}", "soon");
  g_autoptr(HcTestResponse) empty = send_with_etag ("PATCH", path, analyst, "{}", item->etag);
  g_autoptr(HcTestResponse) blank = send_with_etag ("PATCH", path, analyst, "{\"legal_basis\":\" \"}", item->etag);
  g_autoptr(HcTestResponse) bad = send_with_etag ("PATCH", path, analyst, "{\"disclosure\":\"open\"}", item->etag);
  g_autoptr(HcTestResponse) bad_dept = send_with_etag ("PATCH", path, analyst, "{\"department_id\":999999}", item->etag);
  g_autoptr(HcTestResponse) clash = send_with_etag ("PATCH", path, analyst, "{\"name\":\"住房公积金欠缴信息\"}", item->etag);
  g_autoptr(HcTestResponse) zero_department = send_with_etag ("PATCH", path, analyst,
                                                              "{\"disclosure\":\"public\",\"department_id\":0}", item->etag);
  g_autoptr(HcTestResponse) ok2 = NULL;
  g_autoptr(HcTestResponse) stale = NULL;
  g_autoptr(HcTestResponse) stale_delete = NULL;
  g_autoptr(HcTestResponse) now = NULL;
  g_autoptr(HcTestResponse) gone = NULL;
  g_autoptr(HcTestResponse) gone_again = NULL;
  g_autoptr(HcTestResponse) missing = NULL;
  g_autoptr(HcTestResponse) audit = NULL;
  g_autofree char *patch_body = g_strdup_printf ("{\"disclosure\":\"public\",\"department_id\":%" G_GINT64_FORMAT "}", dept_b);
  JsonArray *entries;

  hc_assert_status (no_if_match, 428, "precondition_required");
  hc_assert_status (bad_if_match, 400, "invalid_if_match");
  hc_assert_status (empty, 422, "nothing_to_change");
  hc_assert_status (blank, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (blank), ==, "legal_basis");
  hc_assert_status (bad, 422, "invalid_disclosure");
  hc_assert_status (bad_dept, 422, "unknown_department");
  hc_assert_status (clash, 409, "duplicate");
  hc_assert_status (zero_department, 422, "unknown_department");

  ok2 = send_with_etag ("PATCH", path, analyst, patch_body, item->etag);
  hc_assert_status (ok2, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (object_of (ok2), "disclosure"), ==, "public");
  g_assert_cmpstr (json_object_get_string_member (object_of (ok2), "department_name"), ==, "省税务局");
  g_assert_cmpstr (ok2->etag, !=, item->etag);

  /* A write carrying the old ETag changes nothing. */
  stale = send_with_etag ("PATCH", path, analyst, "{\"name\":\"过时的名称\"}", item->etag);
  hc_assert_status (stale, 412, "stale");
  stale_delete = send_with_etag ("DELETE", path, analyst, NULL, item->etag);
  hc_assert_status (stale_delete, 412, "stale");
  now = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (now, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (object_of (now), "name"), ==, "住房公积金缴存信息");
  g_assert_cmpstr (now->etag, ==, ok2->etag);

  gone = send_with_etag ("DELETE", path, analyst, NULL, ok2->etag);
  hc_assert_status (gone, 204, NULL);
  gone_again = send_with_etag ("DELETE", path, analyst, NULL, ok2->etag);
  hc_assert_status (gone_again, 404, "not_found");
  missing = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (missing, 404, "not_found");
  {
    g_autoptr(HcTestResponse) still = hc_test_request (server, "GET", other_path, analyst, NULL);

    hc_assert_status (still, 200, NULL);
  }

  /* Each write audited, with what was before and after. */
  entries = audit_of ("catalog_item", id_text, &audit);
  g_assert_cmpuint (json_array_get_length (entries), ==, 3);
  g_assert_cmpstr (audit_action (entries, 0), ==, "catalog_item.delete");
  g_assert_cmpstr (json_object_get_string_member (audit_member (entries, 0, "before"), "disclosure"), ==, "public");
  g_assert_null (audit_member (entries, 0, "after"));
  g_assert_cmpstr (audit_action (entries, 1), ==, "catalog_item.update");
  g_assert_cmpstr (json_object_get_string_member (audit_member (entries, 1, "before"), "disclosure"), ==, "conditional");
  g_assert_cmpstr (json_object_get_string_member (audit_member (entries, 1, "after"), "disclosure"), ==, "public");
  g_assert_cmpstr (audit_action (entries, 2), ==, "catalog_item.create");
  g_assert_null (audit_member (entries, 2, "before"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 2), "actor"), ==, "analyst");
}

static void
test_items_list_filters_and_pages (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  g_autoptr(HcTestResponse) v = create_version (analyst, 2043, 0);
  static const struct { const char *name, *category, *disclosure; gboolean b; } rows[] = {
    { "企业登记注册信息", "registration", "public", FALSE },
    { "行政许可决定信息", "license", "public", FALSE },
    { "行政处罚决定信息", "penalty", "public", FALSE },
    { "纳税信用等级信息", "tax", "conditional", TRUE },
    { "欠税公告信息", "tax", "public", TRUE },
    { "社会保险参保缴费信息", "social_insurance", "restricted", TRUE },
    { "告知承诺履约信息_100%", "commitment", "public", FALSE },
  };
  static const struct { const char *query; guint n; } filters[] = {
    { "", 7 },
    { "category=tax", 2 },
    { "disclosure=public", 5 },
    { "disclosure=public&category=tax", 1 },
    { "department=SW", 3 },
    { "department=NOPE", 0 },
    { "subject_type=legal_person", 7 },
    { "subject_type=natural_person", 0 },
    { "q=%E8%A1%8C%E6%94%BF", 2 },            /* 行政 */
    { "q=%E7%A8%8E%E5%8A%A1%E5%B1%80", 3 },   /* 税务局, a department name */
    { "q=_100%25", 1 },                      /* LIKE's wildcards are literal */
    { "q=0%25", 1 },
    { "q=%25", 1 },
  };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  guint pages = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HcTestResponse) r = add_item (2043, rows[i].name, rows[i].category,
                                              rows[i].b ? dept_b : dept_a, rows[i].disclosure);
    }

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autofree char *path = g_strdup_printf ("/catalog/versions/2043/items?total=1&%s", filters[i].query);
      g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);

      hc_assert_status (r, 200, NULL);
      if (json_array_get_length (items_of (r)) != filters[i].n)
        g_error ("%s: %u items, expected %u", filters[i].query, json_array_get_length (items_of (r)), filters[i].n);
      g_assert_cmpint (json_object_get_int_member (object_of (r), "total"), ==, filters[i].n);
    }
  {
    g_autofree char *path = g_strdup_printf ("/catalog/versions/2043/items?department=%" G_GINT64_FORMAT, dept_b);
    g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);

    g_assert_cmpuint (json_array_get_length (items_of (r)), ==, 3);
  }

  do
    {
      g_autofree char *path = cursor ? g_strdup_printf ("/catalog/versions/2043/items?limit=2&cursor=%s", cursor)
                                     : g_strdup ("/catalog/versions/2043/items?limit=2");
      g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);
      JsonArray *items = items_of (r);

      hc_assert_status (r, 200, NULL);
      g_assert_cmpuint (json_array_get_length (items), <=, 2);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

          g_assert_false (g_hash_table_contains (seen, &id));
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
        }
      g_free (cursor);
      cursor = json_object_get_null_member (object_of (r), "next_cursor") ? NULL
             : g_strdup (json_object_get_string_member (object_of (r), "next_cursor"));
      pages++;
    }
  while (cursor != NULL && pages < 10);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 7);
  g_assert_cmpuint (pages, ==, 4);

  {
    g_autoptr(HcTestResponse) bad_category = hc_test_request (server, "GET", "/catalog/versions/2043/items?category=x", analyst, NULL);
    g_autoptr(HcTestResponse) bad_limit = hc_test_request (server, "GET", "/catalog/versions/2043/items?limit=0", analyst, NULL);
    g_autoptr(HcTestResponse) bad_cursor = hc_test_request (server, "GET", "/catalog/versions/2043/items?cursor=%21%21", analyst, NULL);
    g_autoptr(HcTestResponse) no_version = hc_test_request (server, "GET", "/catalog/versions/2096/items", analyst, NULL);

    hc_assert_status (bad_category, 400, "invalid_parameter");
    g_assert_cmpstr (hc_test_response_error_field (bad_category), ==, "category");
    hc_assert_status (bad_limit, 400, "invalid_parameter");
    hc_assert_status (bad_cursor, 400, "invalid_cursor");
    hc_assert_status (no_version, 404, "not_found");
  }
}

/* 基础目录 / 补充目录: a new item is basic unless it says otherwise; the
 * field is checked, filtered on, copied into the next year and diffed. */
static void
test_items_scope_basic_or_supplementary (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  g_autoptr(HcTestResponse) v = create_version (analyst, 2046, 0);
  g_autoptr(HcTestResponse) basic = add_item (2046, "企业登记注册信息", "registration", dept_a, "public");
  g_autoptr(JsonObject) supplement = item_object ("离岛免税违规购买人员信息", "tax", dept_b, "conditional");
  g_autoptr(JsonObject) spoiled = item_object ("自贸港跨境服务贸易主体信息", "other", dept_a, "public");
  g_autofree char *supplement_body = NULL;
  g_autofree char *spoiled_body = NULL;
  g_autoptr(HcTestResponse) created = NULL;
  g_autoptr(HcTestResponse) refused = NULL;
  g_autoptr(HcTestResponse) only_supplement = NULL;
  g_autoptr(HcTestResponse) bad_filter = NULL;
  g_autoptr(HcTestResponse) patched = NULL;
  g_autoptr(HcTestResponse) bad_patch = NULL;
  g_autoptr(HcTestResponse) copy = NULL;
  g_autoptr(HcTestResponse) copied = NULL;
  g_autoptr(HcTestResponse) moved = NULL;
  g_autoptr(HcTestResponse) diff = NULL;
  g_autofree char *basic_path = item_path (basic);
  JsonArray *changed, *changes;
  gint64 items_before;

  hc_assert_status (v, 201, NULL);
  g_assert_cmpstr (json_object_get_string_member (object_of (basic), "scope"), ==, "basic");

  json_object_set_string_member (supplement, "scope", "supplementary");
  supplement_body = object_text (supplement);
  created = hc_test_request (server, "POST", "/catalog/versions/2046/items", analyst, supplement_body);
  hc_assert_status (created, 201, NULL);
  g_assert_cmpstr (json_object_get_string_member (object_of (created), "scope"), ==, "supplementary");

  /* A scope that is neither changes nothing. */
  items_before = count ("SELECT count(*) FROM catalog_items WHERE year = 2046");
  json_object_set_string_member (spoiled, "scope", "national");
  spoiled_body = object_text (spoiled);
  refused = hc_test_request (server, "POST", "/catalog/versions/2046/items", analyst, spoiled_body);
  hc_assert_status (refused, 422, "invalid_scope");
  g_assert_cmpstr (hc_test_response_error_field (refused), ==, "scope");
  g_assert_cmpint (count ("SELECT count(*) FROM catalog_items WHERE year = 2046"), ==, items_before);

  only_supplement = hc_test_request (server, "GET", "/catalog/versions/2046/items?scope=supplementary&total=1", analyst, NULL);
  hc_assert_status (only_supplement, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (object_of (only_supplement), "total"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items_of (only_supplement), 0), "name"),
                   ==, "离岛免税违规购买人员信息");
  bad_filter = hc_test_request (server, "GET", "/catalog/versions/2046/items?scope=provincial", analyst, NULL);
  hc_assert_status (bad_filter, 400, "invalid_parameter");
  g_assert_cmpstr (hc_test_response_error_field (bad_filter), ==, "scope");

  /* The copy keeps each item's scope; moving one into the supplement is a change of the diff. */
  copy = create_version (analyst, 2047, 2046);
  hc_assert_status (copy, 201, NULL);
  copied = hc_test_request (server, "GET", "/catalog/versions/2047/items?scope=supplementary&total=1", analyst, NULL);
  g_assert_cmpint (json_object_get_int_member (object_of (copied), "total"), ==, 1);
  {
    g_autoptr(HcTestResponse) items = hc_test_request (server, "GET", "/catalog/versions/2047/items?scope=basic", analyst, NULL);
    JsonObject *item = json_array_get_object_element (items_of (items), 0);
    g_autofree char *path = g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT, json_object_get_int_member (item, "id"));
    g_autoptr(HcTestResponse) fresh = hc_test_request (server, "GET", path, analyst, NULL);

    bad_patch = send_with_etag ("PATCH", path, analyst, "{\"scope\":\"\"}", fresh->etag);
    hc_assert_status (bad_patch, 422, "missing_field");
    moved = send_with_etag ("PATCH", path, analyst, "{\"scope\":\"supplementary\"}", fresh->etag);
    hc_assert_status (moved, 200, NULL);
    g_assert_cmpstr (json_object_get_string_member (object_of (moved), "scope"), ==, "supplementary");
  }
  diff = hc_test_request (server, "GET", "/catalog/diff?from=2046&to=2047", analyst, NULL);
  hc_assert_status (diff, 200, NULL);
  changed = json_object_get_array_member (object_of (diff), "changed");
  g_assert_cmpuint (json_array_get_length (changed), ==, 1);
  changes = json_object_get_array_member (json_array_get_object_element (changed, 0), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0), "field"), ==, "scope");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0), "from"), ==, "basic");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0), "to"), ==, "supplementary");

  /* The 2046 item itself did not move. */
  {
    g_autoptr(HcTestResponse) again = hc_test_request (server, "GET", basic_path, analyst, NULL);

    g_assert_cmpstr (json_object_get_string_member (object_of (again), "scope"), ==, "basic");
  }
}

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
  g_autoptr(HcTestResponse) v1 = create_version (analyst, 2044, 0);
  g_autoptr(HcTestResponse) a = add_item (2044, "将被删除的事项", "other", dept_a, "public");
  g_autoptr(HcTestResponse) b = add_item (2044, "将被修改的事项", "penalty", dept_a, "public");
  g_autoptr(HcTestResponse) c = add_item (2044, "不变的事项", "license", dept_b, "public");
  g_autoptr(HcTestResponse) v2 = create_version (analyst, 2045, 2044);
  g_autoptr(HcTestResponse) list = hc_test_request (server, "GET", "/catalog/versions/2045/items", analyst, NULL);
  JsonObject *a2 = find_by_name (items_of (list), "将被删除的事项");
  JsonObject *b2 = find_by_name (items_of (list), "将被修改的事项");
  g_autofree char *a2_path = g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT, json_object_get_int_member (a2, "id"));
  g_autofree char *b2_path = g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT, json_object_get_int_member (b2, "id"));
  g_autofree char *b2_etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", json_object_get_int_member (b2, "version"));
  g_autofree char *a2_etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", json_object_get_int_member (a2, "version"));
  g_autofree char *patch_body = g_strdup_printf ("{\"name\":\"修改后的事项\",\"disclosure\":\"restricted\",\"department_id\":%"
                                                 G_GINT64_FORMAT ",\"expected_records\":999}", dept_b);
  g_autoptr(HcTestResponse) del = send_with_etag ("DELETE", a2_path, analyst, NULL, a2_etag);
  g_autoptr(HcTestResponse) patch = send_with_etag ("PATCH", b2_path, analyst, patch_body, b2_etag);
  g_autoptr(HcTestResponse) d = add_item (2045, "新增的事项", "commitment", dept_a, "public");
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
  obj = object_of (diff);
  g_assert_cmpint (json_object_get_int_member (obj, "from"), ==, 2044);
  g_assert_cmpint (json_object_get_int_member (obj, "to"), ==, 2045);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "added")), ==, 1);
  g_assert_nonnull (find_by_name (json_object_get_array_member (obj, "added"), "新增的事项"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "removed")), ==, 1);
  g_assert_nonnull (find_by_name (json_object_get_array_member (obj, "removed"), "将被删除的事项"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "changed")), ==, 1);

  changed = json_array_get_object_element (json_object_get_array_member (obj, "changed"), 0);
  g_assert_cmpstr (json_object_get_string_member (changed, "lineage"), ==,
                   json_object_get_string_member (object_of (b), "lineage"));
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
    items = json_object_get_array_member (object_of (rows), "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 3);
    g_assert_cmpint (json_object_get_int_member (object_of (rows), "total"), ==, 3);
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
  g_assert_nonnull (find_by_name (json_object_get_array_member (object_of (back), "added"), "将被删除的事项"));
  g_assert_nonnull (find_by_name (json_object_get_array_member (object_of (back), "removed"), "新增的事项"));

  same = hc_test_request (server, "GET", "/catalog/diff?from=2044&to=2044", analyst, NULL);
  hc_assert_status (same, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (same), "added")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (same), "removed")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (same), "changed")), ==, 0);
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
  versions = items_of (list);
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
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (diff), "added")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (diff), "removed")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (diff), "changed")), >, 0);

  hc_assert_status (items, 200, NULL);
  for (guint i = 0; i < json_array_get_length (items_of (items)); i++)
    {
      JsonObject *item = json_array_get_object_element (items_of (items), i);

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
  g_assert_cmpuint (n_supplementary, <, json_array_get_length (items_of (items)) / 4);
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
  g_test_add_func ("/catalog/items/create-validates-each-field", test_items_create_validates_each_field);
  g_test_add_func ("/catalog/items/answer-collection-rate-and-department", test_items_answer_collection_rate_and_department);
  g_test_add_func ("/catalog/items/stale-write-changes-nothing", test_items_patch_and_delete_with_etags);
  g_test_add_func ("/catalog/items/list-filters-and-pages", test_items_list_filters_and_pages);
  g_test_add_func ("/catalog/items/scope-basic-or-supplementary", test_items_scope_basic_or_supplementary);
  g_test_add_func ("/catalog/diff/matches-items-by-lineage", test_diff_matches_items_by_lineage);
  g_test_add_func ("/catalog/diff/refuses-bad-years", test_diff_refuses_bad_years);
  g_test_add_func ("/catalog/demo/rises-to-93-percent", test_demo_catalog_rises_to_93_percent);

  ret = g_test_run ();
  hc_test_server_free (server);
  return ret;
}
