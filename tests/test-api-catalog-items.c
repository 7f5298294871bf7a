/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of test-api-catalog: a version's items (checks, answers, stale writes, filters and
 * pages, scope). */
#include "config.h"

#include <string.h>

#include "hc-test-server.h"
#include "test-api-catalog.h"

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
  g_autoptr(HcTestResponse) v = catalog_create_version (analyst, 2038, 0);
  g_autoptr(HcTestResponse) ok = catalog_add_item (2038, "行政处罚决定信息", "penalty", dept_a, "public");
  g_autoptr(HcTestResponse) other_department = catalog_add_item (2038, "行政处罚决定信息", "penalty", dept_b, "public");
  g_autoptr(JsonObject) dup_obj = catalog_item_object ("行政处罚决定信息", "penalty", dept_a, "restricted");
  g_autofree char *dup_body = catalog_object_text (dup_obj);
  g_autoptr(HcTestResponse) dup = hc_test_request (server, "POST", "/catalog/versions/2038/items", analyst, dup_body);
  g_autoptr(HcTestResponse) no_version = hc_test_request (server, "POST", "/catalog/versions/2097/items", analyst, dup_body);
  g_autoptr(HcTestResponse) long_name = NULL;
  g_autoptr(JsonObject) long_obj = catalog_item_object ("x", "penalty", dept_a, "public");
  g_autofree char *long_body = NULL;
  GString *name = g_string_new (NULL);

  hc_assert_status (dup, 409, "duplicate");
  g_assert_cmpstr (hc_test_response_error_field (dup), ==, "name");
  hc_assert_status (no_version, 404, "not_found");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) obj = catalog_item_object ("新的目录事项", "penalty", dept_a, "public");
      g_autofree char *body = NULL;
      g_autoptr(HcTestResponse) r = NULL;

      if (cases[i].value != NULL)
        json_object_set_member (obj, cases[i].member, json_from_string (cases[i].value, NULL));
      else
        json_object_remove_member (obj, cases[i].member);
      body = catalog_object_text (obj);
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
  long_body = catalog_object_text (long_obj);
  long_name = hc_test_request (server, "POST", "/catalog/versions/2038/items", analyst, long_body);
  hc_assert_status (long_name, 422, "too_long");

  {
    gsize size = 5 * 1024 * 1024;
    g_autoptr(GBytes) huge = g_bytes_new_take (memset (g_malloc (size), ' ', size), size);
    g_autoptr(HcTestResponse) r = hc_test_request_full (server, "POST", "/catalog/versions/2038/items", analyst,
                                                        "application/json", huge, NULL);

    hc_assert_status (r, 413, "payload_too_large");
  }

  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM catalog_items WHERE year = 2038"), ==, 2);
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM audit WHERE action = 'catalog_item.create'"
                                          " AND after LIKE '%%\"year\":2038%%'"), ==, 2);
}

static void
test_items_answer_collection_rate_and_department (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  g_autoptr(HcTestResponse) v = catalog_create_version (analyst, 2039, 0);
  g_autoptr(HcTestResponse) item = catalog_add_item (2039, "社会保险参保缴费信息", "social_insurance", dept_b, "conditional");
  g_autofree char *path = catalog_item_path (item);
  g_autoptr(HcTestResponse) none_expected =
    catalog_send_with_etag ("PATCH", path, analyst, "{\"expected_records\":0,\"collected_records\":10}", item->etag);
  g_autoptr(HcTestResponse) three_quarters =
    catalog_send_with_etag ("PATCH", path, analyst, "{\"expected_records\":200,\"collected_records\":150}", none_expected->etag);
  g_autoptr(HcTestResponse) got = hc_test_request (server, "GET", path, analyst, NULL);
  g_autoptr(HcTestResponse) complete = NULL;
  g_autoptr(HcTestResponse) version = NULL;
  JsonObject *obj;

  obj = catalog_object_of (item);
  g_assert_cmpstr (json_object_get_string_member (obj, "department_name"), ==, "省税务局");
  g_assert_cmpint (json_object_get_int_member (obj, "expected_records"), ==, 200);
  g_assert_cmpfloat (json_object_get_double_member (obj, "collection_rate"), ==, 0.0);
  g_assert_false (json_object_get_boolean_member (obj, "effectively_collected"));

  hc_assert_status (none_expected, 200, NULL);
  g_assert_true (json_object_get_null_member (catalog_object_of (none_expected), "collection_rate"));
  hc_assert_status (three_quarters, 200, NULL);
  hc_assert_status (got, 200, NULL);
  obj = catalog_object_of (got);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (obj, "collection_rate"), 0.75, 1e-9);
  g_assert_cmpint (json_object_get_int_member (obj, "collected_records"), ==, 150);
  g_assert_false (json_object_get_boolean_member (obj, "effectively_collected"));
  g_assert_cmpstr (got->etag, ==, three_quarters->etag);

  /* All expected records in: the item counts as collected in its version's 归集率. */
  complete = catalog_send_with_etag ("PATCH", path, analyst, "{\"collected_records\":200}", got->etag);
  hc_assert_status (complete, 200, NULL);
  g_assert_true (json_object_get_boolean_member (catalog_object_of (complete), "effectively_collected"));
  version = hc_test_request (server, "GET", "/catalog/versions/2039", analyst, NULL);
  hc_assert_status (version, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (catalog_object_of (version), "collected_item_count"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (catalog_object_of (version), "collection_rate"), ==, 1.0);
}

static void
test_items_patch_and_delete_with_etags (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  g_autoptr(HcTestResponse) v = catalog_create_version (analyst, 2042, 0);
  g_autoptr(HcTestResponse) item = catalog_add_item (2042, "住房公积金缴存信息", "housing_fund", dept_a, "conditional");
  g_autoptr(HcTestResponse) other = catalog_add_item (2042, "住房公积金欠缴信息", "housing_fund", dept_a, "conditional");
  g_autofree char *path = catalog_item_path (item);
  g_autofree char *other_path = catalog_item_path (other);
  gint64 id = json_object_get_int_member (catalog_object_of (item), "id");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(HcTestResponse) no_if_match = hc_test_request (server, "PATCH", path, analyst, "{\"disclosure\":\"public\"}");
  g_autoptr(HcTestResponse) bad_if_match = catalog_send_with_etag ("PATCH", path, analyst, "{\"disclosure\":\"public\"}", "soon");
  g_autoptr(HcTestResponse) empty = catalog_send_with_etag ("PATCH", path, analyst, "{}", item->etag);
  g_autoptr(HcTestResponse) blank = catalog_send_with_etag ("PATCH", path, analyst, "{\"legal_basis\":\" \"}", item->etag);
  g_autoptr(HcTestResponse) bad = catalog_send_with_etag ("PATCH", path, analyst, "{\"disclosure\":\"open\"}", item->etag);
  g_autoptr(HcTestResponse) bad_dept = catalog_send_with_etag ("PATCH", path, analyst, "{\"department_id\":999999}", item->etag);
  g_autoptr(HcTestResponse) clash = catalog_send_with_etag ("PATCH", path, analyst, "{\"name\":\"住房公积金欠缴信息\"}", item->etag);
  g_autoptr(HcTestResponse) zero_department = catalog_send_with_etag ("PATCH", path, analyst,
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

  ok2 = catalog_send_with_etag ("PATCH", path, analyst, patch_body, item->etag);
  hc_assert_status (ok2, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (catalog_object_of (ok2), "disclosure"), ==, "public");
  g_assert_cmpstr (json_object_get_string_member (catalog_object_of (ok2), "department_name"), ==, "省税务局");
  g_assert_cmpstr (ok2->etag, !=, item->etag);

  /* A write carrying the old ETag changes nothing. */
  stale = catalog_send_with_etag ("PATCH", path, analyst, "{\"name\":\"过时的名称\"}", item->etag);
  hc_assert_status (stale, 412, "stale");
  stale_delete = catalog_send_with_etag ("DELETE", path, analyst, NULL, item->etag);
  hc_assert_status (stale_delete, 412, "stale");
  now = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (now, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (catalog_object_of (now), "name"), ==, "住房公积金缴存信息");
  g_assert_cmpstr (now->etag, ==, ok2->etag);

  gone = catalog_send_with_etag ("DELETE", path, analyst, NULL, ok2->etag);
  hc_assert_status (gone, 204, NULL);
  gone_again = catalog_send_with_etag ("DELETE", path, analyst, NULL, ok2->etag);
  hc_assert_status (gone_again, 404, "not_found");
  missing = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (missing, 404, "not_found");
  {
    g_autoptr(HcTestResponse) still = hc_test_request (server, "GET", other_path, analyst, NULL);

    hc_assert_status (still, 200, NULL);
  }

  /* Each write audited, with what was before and after. */
  entries = catalog_audit_of ("catalog_item", id_text, &audit);
  g_assert_cmpuint (json_array_get_length (entries), ==, 3);
  g_assert_cmpstr (catalog_audit_action (entries, 0), ==, "catalog_item.delete");
  g_assert_cmpstr (json_object_get_string_member (catalog_audit_member (entries, 0, "before"), "disclosure"), ==, "public");
  g_assert_null (catalog_audit_member (entries, 0, "after"));
  g_assert_cmpstr (catalog_audit_action (entries, 1), ==, "catalog_item.update");
  g_assert_cmpstr (json_object_get_string_member (catalog_audit_member (entries, 1, "before"), "disclosure"), ==, "conditional");
  g_assert_cmpstr (json_object_get_string_member (catalog_audit_member (entries, 1, "after"), "disclosure"), ==, "public");
  g_assert_cmpstr (catalog_audit_action (entries, 2), ==, "catalog_item.create");
  g_assert_null (catalog_audit_member (entries, 2, "before"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 2), "actor"), ==, "analyst");
}

static void
test_items_list_filters_and_pages (void)
{
  const char *analyst = hc_test_server_token (server, "analyst");
  g_autoptr(HcTestResponse) v = catalog_create_version (analyst, 2043, 0);
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
      g_autoptr(HcTestResponse) r = catalog_add_item (2043, rows[i].name, rows[i].category,
                                                      rows[i].b ? dept_b : dept_a, rows[i].disclosure);
    }

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autofree char *path = g_strdup_printf ("/catalog/versions/2043/items?total=1&%s", filters[i].query);
      g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);

      hc_assert_status (r, 200, NULL);
      if (json_array_get_length (catalog_items_of (r)) != filters[i].n)
        g_error ("%s: %u items, expected %u", filters[i].query, json_array_get_length (catalog_items_of (r)), filters[i].n);
      g_assert_cmpint (json_object_get_int_member (catalog_object_of (r), "total"), ==, filters[i].n);
    }
  {
    g_autofree char *path = g_strdup_printf ("/catalog/versions/2043/items?department=%" G_GINT64_FORMAT, dept_b);
    g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);

    g_assert_cmpuint (json_array_get_length (catalog_items_of (r)), ==, 3);
  }

  do
    {
      g_autofree char *path = cursor ? g_strdup_printf ("/catalog/versions/2043/items?limit=2&cursor=%s", cursor)
                                     : g_strdup ("/catalog/versions/2043/items?limit=2");
      g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);
      JsonArray *items = catalog_items_of (r);

      hc_assert_status (r, 200, NULL);
      g_assert_cmpuint (json_array_get_length (items), <=, 2);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

          g_assert_false (g_hash_table_contains (seen, &id));
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
        }
      g_free (cursor);
      cursor = json_object_get_null_member (catalog_object_of (r), "next_cursor") ? NULL
             : g_strdup (json_object_get_string_member (catalog_object_of (r), "next_cursor"));
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
  g_autoptr(HcTestResponse) v = catalog_create_version (analyst, 2046, 0);
  g_autoptr(HcTestResponse) basic = catalog_add_item (2046, "企业登记注册信息", "registration", dept_a, "public");
  g_autoptr(JsonObject) supplement = catalog_item_object ("离岛免税违规购买人员信息", "tax", dept_b, "conditional");
  g_autoptr(JsonObject) spoiled = catalog_item_object ("自贸港跨境服务贸易主体信息", "other", dept_a, "public");
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
  g_autofree char *basic_path = catalog_item_path (basic);
  JsonArray *changed, *changes;
  gint64 items_before;

  hc_assert_status (v, 201, NULL);
  g_assert_cmpstr (json_object_get_string_member (catalog_object_of (basic), "scope"), ==, "basic");

  json_object_set_string_member (supplement, "scope", "supplementary");
  supplement_body = catalog_object_text (supplement);
  created = hc_test_request (server, "POST", "/catalog/versions/2046/items", analyst, supplement_body);
  hc_assert_status (created, 201, NULL);
  g_assert_cmpstr (json_object_get_string_member (catalog_object_of (created), "scope"), ==, "supplementary");

  /* A scope that is neither changes nothing. */
  items_before = hc_test_count (server, "SELECT count(*) FROM catalog_items WHERE year = 2046");
  json_object_set_string_member (spoiled, "scope", "national");
  spoiled_body = catalog_object_text (spoiled);
  refused = hc_test_request (server, "POST", "/catalog/versions/2046/items", analyst, spoiled_body);
  hc_assert_status (refused, 422, "invalid_scope");
  g_assert_cmpstr (hc_test_response_error_field (refused), ==, "scope");
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM catalog_items WHERE year = 2046"), ==, items_before);

  only_supplement = hc_test_request (server, "GET", "/catalog/versions/2046/items?scope=supplementary&total=1", analyst, NULL);
  hc_assert_status (only_supplement, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (catalog_object_of (only_supplement), "total"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (catalog_items_of (only_supplement), 0), "name"),
                   ==, "离岛免税违规购买人员信息");
  bad_filter = hc_test_request (server, "GET", "/catalog/versions/2046/items?scope=provincial", analyst, NULL);
  hc_assert_status (bad_filter, 400, "invalid_parameter");
  g_assert_cmpstr (hc_test_response_error_field (bad_filter), ==, "scope");

  /* The copy keeps each item's scope; moving one into the supplement is a change of the diff. */
  copy = catalog_create_version (analyst, 2047, 2046);
  hc_assert_status (copy, 201, NULL);
  copied = hc_test_request (server, "GET", "/catalog/versions/2047/items?scope=supplementary&total=1", analyst, NULL);
  g_assert_cmpint (json_object_get_int_member (catalog_object_of (copied), "total"), ==, 1);
  {
    g_autoptr(HcTestResponse) items = hc_test_request (server, "GET", "/catalog/versions/2047/items?scope=basic", analyst, NULL);
    JsonObject *item = json_array_get_object_element (catalog_items_of (items), 0);
    g_autofree char *path = g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT, json_object_get_int_member (item, "id"));
    g_autoptr(HcTestResponse) fresh = hc_test_request (server, "GET", path, analyst, NULL);

    bad_patch = catalog_send_with_etag ("PATCH", path, analyst, "{\"scope\":\"\"}", fresh->etag);
    hc_assert_status (bad_patch, 422, "missing_field");
    moved = catalog_send_with_etag ("PATCH", path, analyst, "{\"scope\":\"supplementary\"}", fresh->etag);
    hc_assert_status (moved, 200, NULL);
    g_assert_cmpstr (json_object_get_string_member (catalog_object_of (moved), "scope"), ==, "supplementary");
  }
  diff = hc_test_request (server, "GET", "/catalog/diff?from=2046&to=2047", analyst, NULL);
  hc_assert_status (diff, 200, NULL);
  changed = json_object_get_array_member (catalog_object_of (diff), "changed");
  g_assert_cmpuint (json_array_get_length (changed), ==, 1);
  changes = json_object_get_array_member (json_array_get_object_element (changed, 0), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0), "field"), ==, "scope");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0), "from"), ==, "basic");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0), "to"), ==, "supplementary");

  /* The 2046 item itself did not move. */
  {
    g_autoptr(HcTestResponse) again = hc_test_request (server, "GET", basic_path, analyst, NULL);

    g_assert_cmpstr (json_object_get_string_member (catalog_object_of (again), "scope"), ==, "basic");
  }
}

void
hc_test_catalog_items_add (void)
{
  g_test_add_func ("/catalog/items/create-validates-each-field", test_items_create_validates_each_field);
  g_test_add_func ("/catalog/items/answer-collection-rate-and-department", test_items_answer_collection_rate_and_department);
  g_test_add_func ("/catalog/items/stale-write-changes-nothing", test_items_patch_and_delete_with_etags);
  g_test_add_func ("/catalog/items/list-filters-and-pages", test_items_list_filters_and_pages);
  g_test_add_func ("/catalog/items/scope-basic-or-supplementary", test_items_scope_basic_or_supplementary);
}
