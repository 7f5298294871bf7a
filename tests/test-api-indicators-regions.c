/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of the indicators reported by 市县 (表1): each 市县's own
 * value and its review, the province's value by the indicator's rule
 * (share met, mean, sum), 市县 targets and warning gaps, and the review
 * queue across indicators, 市县 and years. */
#include "config.h"

#include <string.h>

#include "hc-core.h"
#include "hc-test-indicators.h"

static HcTestServer *server;
static const char *analyst, *supervisor;

static JsonObject *
obj (HcTestResponse *r)
{
  return hc_test_response_object (r);
}

/* Submits @value of a 市县 and has it approved; returns the ETag. */
static char *
region_approved (const char *key,
                 int         year,
                 const char *region,
                 double      value)
{
  g_autofree char *body = g_strdup_printf ("{\"value\":%g,\"evidence\":\"%d年度市县报表\",\"region\":\"%s\"}",
                                           value, year, region);
  g_autofree char *review_body = g_strdup_printf ("{\"decision\":\"approve\",\"region\":\"%s\"}", region);
  g_autoptr(HcTestResponse) put = hc_ind_put_value (server, key, year, analyst, body, NULL);
  g_autoptr(HcTestResponse) r = NULL;

  hc_assert_status (put, 201, NULL);
  r = hc_ind_review (server, key, year, supervisor, review_body, put->etag);
  hc_assert_status (r, 200, NULL);
  return g_strdup (r->etag);
}

/* The item of @key/@year/@region in GET /indicator-reviews@query, or NULL. */
static JsonObject *
queue_item (const char *token,
            const char *query,
            const char *key,
            int         year,
            const char *region)
{
  g_autofree char *path = g_strdup_printf ("/indicator-reviews%s", query);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, token, NULL);
  JsonArray *items;

  hc_assert_status (r, 200, NULL);
  items = json_object_get_array_member (obj (r), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "indicator"), key)
          && json_object_get_int_member (item, "year") == year
          && g_str_equal (json_object_get_string_member (item, "region"), region))
        return json_object_ref (item);
    }
  return NULL;
}

/* The review queue: what awaits review across indicators, 市县 and years
 * in one list; a supervisor approves one and returns another with a
 * comment, which leaves the queue; the submitter finds the returned one
 * with the comment among their own. */
static void
test_review_queue (void)
{
  g_autofree char *province = hc_ind_submit (server, "self-discipline-commitment-industries", 2024, 2);
  g_autofree char *body = g_strdup ("{\"value\":60,\"evidence\":\"儋州市核验事项统计\",\"region\":\"460400\"}");
  g_autoptr(HcTestResponse) county = hc_ind_put_value (server, "credit-verification-coverage", 2024, analyst, body, NULL);
  g_autoptr(JsonObject) a = NULL;
  g_autoptr(JsonObject) b = NULL;
  g_autoptr(JsonObject) gone = NULL;
  g_autoptr(JsonObject) returned = NULL;
  g_autoptr(JsonObject) not_mine = NULL;
  g_autoptr(HcTestResponse) approve = NULL;
  g_autoptr(HcTestResponse) send_back = NULL;
  g_autoptr(HcTestResponse) bad = hc_test_request (server, "GET", "/indicator-reviews?state=nope", supervisor, NULL);
  g_autoptr(HcTestResponse) total = hc_test_request (server, "GET", "/indicator-reviews?total=1", supervisor, NULL);

  hc_assert_status (county, 201, NULL);
  hc_assert_status (bad, 422, "invalid_state");
  g_assert_cmpstr (hc_test_response_error_field (bad), ==, "state");
  hc_assert_status (total, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (obj (total), "total"), ==,
                   hc_test_count_rows (server, "SELECT count(*) FROM indicator_values WHERE state = 'submitted'"));

  /* Both in the one list, with what the reviewer needs to judge them. */
  a = queue_item (supervisor, "", "self-discipline-commitment-industries", 2024, "");
  b = queue_item (supervisor, "", "credit-verification-coverage", 2024, "460400");
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (json_object_get_string_member (a, "item"), ==, "信用承诺");
  g_assert_true (json_object_get_null_member (a, "region_name"));
  g_assert_cmpstr (json_object_get_string_member (b, "region_name"), ==, "儋州市");
  g_assert_cmpstr (json_object_get_string_member (b, "evidence"), ==, "儋州市核验事项统计");
  g_assert_false (json_object_get_boolean_member (b, "own"));

  approve = hc_ind_review (server, "self-discipline-commitment-industries", 2024, supervisor, "{\"decision\":\"approve\"}", province);
  hc_assert_status (approve, 200, NULL);
  send_back = hc_ind_review (server, "credit-verification-coverage", 2024, supervisor,
                             "{\"decision\":\"return\",\"region\":\"460400\",\"comment\":\"请附核验事项清单\"}", county->etag);
  hc_assert_status (send_back, 200, NULL);

  gone = queue_item (supervisor, "", "credit-verification-coverage", 2024, "460400");
  g_assert_null (gone);
  returned = queue_item (analyst, "?state=returned&mine=1", "credit-verification-coverage", 2024, "460400");
  g_assert_nonnull (returned);
  g_assert_cmpstr (json_object_get_string_member (returned, "review_comment"), ==, "请附核验事项清单");
  g_assert_cmpstr (json_object_get_string_member (returned, "reviewed_by"), ==, "supervisor");
  g_assert_true (json_object_get_boolean_member (returned, "own"));
  not_mine = queue_item (supervisor, "?state=returned&mine=1", "credit-verification-coverage", 2024, "460400");
  g_assert_null (not_mine);
}

/* 100% of 市县 (信用平台全覆盖): each 市县 reports its own value, reviewed
 * like the province's; the province's value is the share of the 19 whose
 * value meets the target (pending until all are approved), and is not reported by hand then. */
static void
test_regional_values (void)
{
  g_autoptr(HcTestResponse) haikou = hc_ind_put_value (server, "county-platform-coverage", 2024, analyst,
                                                       "{\"value\":100,\"evidence\":\"海口市信用平台已对接省一体化平台\","
                                                       "\"region\":\"460100\"}", NULL);
  g_autoptr(HcTestResponse) province = NULL;
  g_autoptr(HcTestResponse) one = NULL;
  g_autoptr(HcTestResponse) approve = NULL;
  g_autoptr(HcTestResponse) sanya = NULL;
  g_autoptr(HcTestResponse) not_regional = NULL;
  g_autoptr(JsonObject) d = NULL;
  g_autoptr(JsonObject) pending = NULL;
  JsonObject *y, *region;
  gint64 values_before;

  hc_assert_status (haikou, 201, NULL);
  g_assert_cmpstr (json_object_get_string_member (obj (haikou), "region"), ==, "460100");
  g_assert_cmpint (hc_ind_audit_count (server, "indicator_value.submit", "county-platform-coverage/2024/460100"), ==, 1);

  /* The province's value follows from its 市县 in 2024: not reported. */
  values_before = hc_test_count_rows (server, "SELECT count(*) FROM indicator_values");
  province = hc_ind_put_value (server, "county-platform-coverage", 2024, analyst, "{\"value\":94.7,\"evidence\":\"18个市县\"}", NULL);
  hc_assert_status (province, 409, "derived_from_regions");
  g_assert_cmpstr (hc_test_response_error_field (province), ==, "region");
  /* Nor has an indicator of the province only any 市县 values. */
  not_regional = hc_ind_put_value (server, "shared-data-sources", 2024, analyst,
                                   "{\"value\":1,\"evidence\":\"x\",\"region\":\"460100\"}", NULL);
  hc_assert_status (not_regional, 409, "not_regional");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM indicator_values"), ==, values_before);

  one = hc_test_request (server, "GET", "/indicators/county-platform-coverage/values/2024?region=460100", analyst, NULL);
  hc_assert_status (one, 200, NULL);
  approve = hc_ind_send (server, "POST", "/indicators/county-platform-coverage/values/2024/review", supervisor,
                         "{\"decision\":\"approve\",\"region\":\"460100\"}", one->etag);
  hc_assert_status (approve, 200, NULL);
  g_assert_cmpint (hc_ind_audit_count (server, "indicator_value.review", "county-platform-coverage/2024/460100"), ==, 1);

  d = hc_ind_detail (server, "county-platform-coverage");
  g_assert_cmpstr (json_object_get_string_member (d, "regional"), ==, "share_met");
  /* All 19 市县, in the order of GB/T 2260, each with its target. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "regions")), ==, 19);
  region = json_array_get_object_element (json_object_get_array_member (d, "regions"), 0);
  g_assert_cmpstr (json_object_get_string_member (region, "region"), ==, "460100");
  g_assert_cmpstr (json_object_get_string_member (region, "region_name"), ==, "海口市");
  g_assert_cmpfloat (hc_ind_number (region, "target"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (region, "target_source"), ==, "province");
  y = hc_ind_region_year (d, "460100", 2024);
  g_assert_cmpfloat (hc_ind_number (y, "value"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (y, "status"), ==, "met");
  g_assert_false (json_object_get_boolean_member (y, "lagging"));
  g_assert_cmpstr (json_object_get_string_member (hc_ind_region_year (d, "469030", 2024), "status"), ==, "no_data");

  /* The province: 1 of 19 市县 meets it. */
  y = hc_ind_province_year (d, 2024);
  g_assert_cmpstr (json_object_get_string_member (y, "basis"), ==, "regions");
  g_assert_cmpstr (json_object_get_string_member (y, "rule"), ==, "share_met");
  g_assert_cmpint (json_object_get_int_member (y, "numerator"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (y, "denominator"), ==, 19);
  g_assert_cmpfloat_with_epsilon (hc_ind_number (y, "value"), 100.0 / 19, 1e-4);
  g_assert_cmpstr (json_object_get_string_member (y, "status"), !=, "pending");

  /* A 市县 value awaiting review leaves the province's pending. */
  sanya = hc_ind_put_value (server, "county-platform-coverage", 2024, analyst,
                            "{\"value\":100,\"evidence\":\"三亚市信用平台\",\"region\":\"460200\"}", NULL);
  hc_assert_status (sanya, 201, NULL);
  pending = hc_ind_list_item (server, 2024, "county-platform-coverage");
  g_assert_cmpstr (json_object_get_string_member (pending, "status"), ==, "pending");
  g_assert_cmpint (json_object_get_int_member (pending, "regions_reported"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (pending, "regions_approved"), ==, 1);
}

/* The province's value by the indicator's rule: the mean of the 市县
 * (信用核验), the sum (“信用+”场景); 市县 targets cascade from the
 * province's and the deviation rule sorts 预警 from 未达标. */
static void
test_regional_rules_and_targets (void)
{
  g_autofree char *a = region_approved ("credit-verification-coverage", 2023, "460100", 70);
  g_autofree char *b = region_approved ("credit-verification-coverage", 2023, "460200", 77);
  g_autofree char *c = region_approved ("credit-verification-coverage", 2023, "460400", 90);
  g_autofree char *d1 = region_approved ("credit-plus-scenarios", 2023, "460100", 3);
  g_autofree char *d2 = region_approved ("credit-plus-scenarios", 2023, "469002", 4);
  g_autoptr(JsonObject) mean = NULL;
  g_autoptr(JsonObject) sum = NULL;
  g_autoptr(JsonObject) held = NULL;
  g_autoptr(HcTestResponse) by_analyst = NULL;
  g_autoptr(HcTestResponse) set = NULL;
  g_autoptr(HcTestResponse) again = NULL;
  g_autoptr(HcTestResponse) stale = NULL;
  g_autoptr(HcTestResponse) changed = NULL;
  g_autoptr(HcTestResponse) own = NULL;
  g_autoptr(HcTestResponse) not_regional = NULL;
  gint64 audits;
  JsonObject *y, *targets;
  static const struct { const char *body; const char *code; const char *field; } bad[] = {
    { "{\"target\":120,\"warning_gap\":5}", "value_out_of_range", "target" },
    { "{\"target\":80,\"warning_gap\":-1}", "value_out_of_range", "warning_gap" },
    { "{\"target\":80}", "missing_field", "warning_gap" },
    { "{\"target\":80,\"warning_gap\":5,\"region\":\"469999\"}", "invalid_region", "region" },
  };

  mean = hc_ind_detail (server, "credit-verification-coverage");
  y = hc_ind_province_year (mean, 2023);
  g_assert_cmpstr (json_object_get_string_member (y, "rule"), ==, "mean");
  g_assert_cmpfloat_with_epsilon (hc_ind_number (y, "value"), (70.0 + 77 + 90) / 3, 1e-6);
  g_assert_cmpint (json_object_get_int_member (y, "regions_reported"), ==, 3);
  /* The province's target (≥ 80) and a tenth of it as the warning gap:
   * 70 is 未达标, 77 预警, 90 达标. */
  targets = json_object_get_object_member (mean, "region_targets");
  g_assert_cmpfloat (hc_ind_number (targets, "target"), ==, 80);
  g_assert_cmpfloat (hc_ind_number (targets, "warning_gap"), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (targets, "source"), ==, "province");
  g_assert_cmpstr (json_object_get_string_member (hc_ind_region_year (mean, "460100", 2023), "status"), ==, "unmet");
  g_assert_true (json_object_get_boolean_member (hc_ind_region_year (mean, "460100", 2023), "lagging"));
  g_assert_cmpstr (json_object_get_string_member (hc_ind_region_year (mean, "460200", 2023), "status"), ==, "warning");
  g_assert_cmpstr (json_object_get_string_member (hc_ind_region_year (mean, "460400", 2023), "status"), ==, "met");

  sum = hc_ind_detail (server, "credit-plus-scenarios");
  y = hc_ind_province_year (sum, 2023);
  g_assert_cmpstr (json_object_get_string_member (y, "rule"), ==, "sum");
  g_assert_cmpfloat (hc_ind_number (y, "value"), ==, 7);

  /* Bad input changes nothing. */
  audits = hc_test_count_rows (server, "SELECT count(*) FROM audit");
  by_analyst = hc_ind_send (server, "PUT", "/indicators/credit-verification-coverage/region-target", analyst,
                            "{\"target\":85,\"warning_gap\":5}", NULL);
  hc_assert_status (by_analyst, 403, "forbidden");
  not_regional = hc_ind_send (server, "PUT", "/indicators/shared-data-sources/region-target", supervisor,
                              "{\"target\":1,\"warning_gap\":0}", NULL);
  hc_assert_status (not_regional, 409, "not_regional");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(HcTestResponse) r = hc_ind_send (server, "PUT", "/indicators/credit-verification-coverage/region-target",
                                                 supervisor, bad[i].body, NULL);

      hc_assert_status (r, 422, bad[i].code);
      g_assert_cmpstr (hc_test_response_error_field (r), ==, bad[i].field);
    }
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM indicator_region_targets"), ==, 0);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit"), ==, audits);

  /* The province holds its 市县 to 75, 预警 within 3 points. */
  set = hc_ind_send (server, "PUT", "/indicators/credit-verification-coverage/region-target", supervisor,
                     "{\"target\":75,\"warning_gap\":3}", NULL);
  hc_assert_status (set, 201, NULL);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'indicator_region_target.set'"), ==, 1);
  held = hc_ind_detail (server, "credit-verification-coverage");
  targets = json_object_get_object_member (held, "region_targets");
  g_assert_cmpfloat (hc_ind_number (targets, "target"), ==, 75);
  g_assert_cmpstr (json_object_get_string_member (targets, "source"), ==, "regions");
  g_assert_cmpstr (json_object_get_string_member (targets, "set_by"), ==, "supervisor");
  y = hc_ind_region_year (held, "460100", 2023);
  g_assert_cmpfloat (hc_ind_number (y, "target"), ==, 75);
  g_assert_cmpfloat (hc_ind_number (y, "gap"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (y, "status"), ==, "unmet");
  g_assert_true (json_object_get_boolean_member (y, "lagging"));
  g_assert_cmpstr (json_object_get_string_member (hc_ind_region_year (held, "460200", 2023), "status"), ==, "met");
  /* The province's own value is still judged against the plan's 80. */
  g_assert_cmpfloat (hc_ind_number (held, "target"), ==, 80);

  /* Changing it needs the version seen. */
  again = hc_ind_send (server, "PUT", "/indicators/credit-verification-coverage/region-target", supervisor,
                       "{\"target\":78,\"warning_gap\":3}", NULL);
  hc_assert_status (again, 428, "precondition_required");
  stale = hc_ind_send (server, "PUT", "/indicators/credit-verification-coverage/region-target", supervisor,
                       "{\"target\":78,\"warning_gap\":3}", "\"7\"");
  hc_assert_status (stale, 412, "stale");
  /* One 市县 held to its own target. */
  own = hc_ind_send (server, "PUT", "/indicators/credit-verification-coverage/region-target", supervisor,
                     "{\"target\":70,\"warning_gap\":0,\"region\":\"460100\"}", NULL);
  hc_assert_status (own, 201, NULL);
  changed = hc_ind_send (server, "PUT", "/indicators/credit-verification-coverage/region-target", supervisor,
                         "{\"target\":78,\"warning_gap\":3}", set->etag);
  hc_assert_status (changed, 200, NULL);
  g_clear_pointer (&held, json_object_unref);
  held = hc_ind_detail (server, "credit-verification-coverage");
  y = hc_ind_region_year (held, "460100", 2023);
  g_assert_cmpfloat (hc_ind_number (y, "target"), ==, 70);
  g_assert_cmpstr (json_object_get_string_member (y, "status"), ==, "met");
  y = hc_ind_region_year (held, "460200", 2023);
  g_assert_cmpfloat (hc_ind_number (y, "target"), ==, 78);
  g_assert_cmpstr (json_object_get_string_member (y, "status"), ==, "warning");
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  server = hc_ind_server_new ();
  analyst = hc_test_server_token (server, "analyst");
  supervisor = hc_test_server_token (server, "supervisor");

  g_test_add_func ("/indicators/regional-values", test_regional_values);
  g_test_add_func ("/indicators/regional-rules-and-targets", test_regional_rules_and_targets);
  g_test_add_func ("/indicators/review-queue", test_review_queue);

  ret = g_test_run ();
  hc_test_server_free (server);
  return ret;
}
