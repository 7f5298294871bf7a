/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of the plan's indicators (表1): the year's table, an indicator's
 * five years, submission and review of reported values by role, stale
 * writes, bad input and the audit of every write, the demo's values and
 * Table 1 as PDF and XLSX. The 市县 values and the review queue are in
 * test-api-indicators-regions.c, the computed indicators in
 * test-api-indicators-computed.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hc-core.h"
#include "hc-test-indicators.h"

static HcTestServer *server;
static const char *analyst, *supervisor, *supervisor2;

static JsonObject *
obj (HcTestResponse *r)
{
  return hc_test_response_object (r);
}

static void
test_list_for_a_year (void)
{
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/indicators?year=2023&total=1", analyst, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(HcTestResponse) dflt = hc_test_request (server, "GET", "/indicators", supervisor, NULL);
  g_autoptr(HcTestResponse) late = hc_test_request (server, "GET", "/indicators?year=2026", analyst, NULL);
  g_autoptr(HcTestResponse) text = hc_test_request (server, "GET", "/indicators?year=last", analyst, NULL);
  g_autoptr(HcTestResponse) anonymous = hc_test_request (server, "GET", "/indicators", NULL, NULL);
  JsonArray *items;
  guint n_computed = 0;

  hc_assert_status (r, 200, NULL);
  items = json_object_get_array_member (obj (r), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 22);
  g_assert_cmpint (json_object_get_int_member (obj (r), "total"), ==, 22);
  g_assert_true (json_object_get_null_member (obj (r), "next_cursor"));
  for (guint i = 0; i < 22; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *key = json_object_get_string_member (item, "key");
      const char *source = json_object_get_string_member (item, "source");
      static const char * const members[] = {
        "category", "category_name", "item", "target_text", "kind", "attribute", "op", "target", "unit",
        "value", "aggregate", "status", "gap", "source", "state",
      };

      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        if (!json_object_has_member (item, members[m]))
          g_error ("%s lacks %s", key, members[m]);
      g_assert_cmpint (json_object_get_int_member (item, "year"), ==, 2023);
      g_assert_cmpstr (source, ==, g_strv_contains (hc_ind_computed_keys, key) ? "computed" : "reported");
      n_computed += g_str_equal (source, "computed");
    }
  g_assert_cmpuint (n_computed, ==, 9);

  /* The plan's order and wording, from data/indicators.json. */
  {
    JsonObject *first = json_array_get_object_element (items, 0);
    JsonObject *collection = json_array_get_object_element (items, 4);

    g_assert_cmpstr (json_object_get_string_member (first, "key"), ==, "credit-legislation");
    g_assert_cmpstr (json_object_get_string_member (first, "category_name"), ==, "制度标准");
    g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "milestone");
    g_assert_cmpstr (json_object_get_string_member (first, "attribute"), ==, "binding");
    g_assert_true (json_object_get_null_member (first, "op"));
    g_assert_cmpstr (json_object_get_string_member (collection, "key"), ==, "catalog-collection-rate");
    g_assert_cmpstr (json_object_get_string_member (collection, "op"), ==, ">=");
    g_assert_cmpfloat (json_object_get_double_member (collection, "target"), ==, 90);
    g_assert_cmpstr (json_object_get_string_member (collection, "unit"), ==, "%");
    g_assert_cmpstr (json_object_get_string_member (collection, "aggregation"), ==, "yearly_average");
  }

  /* Without a year: this year within the plan period. */
  hc_assert_status (dflt, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (obj (dflt), "items"), 0), "year"),
                   ==, CLAMP (g_date_time_get_year (now), 2021, 2025));

  hc_assert_status (late, 400, "invalid_parameter");
  g_assert_cmpstr (hc_test_response_error_field (late), ==, "year");
  hc_assert_status (text, 400, "invalid_parameter");
  hc_assert_status (anonymous, 401, NULL);
}

static void
test_detail_has_five_years (void)
{
  g_autofree char *etag = hc_ind_submit_approved (server, "credit-plan", 2021, 1);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/indicators/credit-plan", analyst, NULL);
  g_autoptr(HcTestResponse) unknown = hc_test_request (server, "GET", "/indicators/no-such-indicator", analyst, NULL);
  g_autoptr(HcTestResponse) anonymous = hc_test_request (server, "GET", "/indicators/credit-plan", NULL, NULL);
  JsonArray *values;
  JsonObject *y2021, *y2022;

  hc_assert_status (r, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (obj (r), "item"), ==, "信用规划");
  g_assert_cmpstr (json_object_get_string_member (obj (r), "source"), ==, "reported");
  values = json_object_get_array_member (obj (r), "values");
  g_assert_cmpuint (json_array_get_length (values), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *v = json_array_get_object_element (values, i);
      static const char * const members[] = {
        "value", "status", "state", "evidence", "submitted_by", "submitted_at", "reviewed_by",
        "reviewed_at", "review_comment",
      };

      g_assert_cmpint (json_object_get_int_member (v, "year"), ==, 2021 + (int) i);
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        g_assert_true (json_object_has_member (v, members[m]));
    }
  y2021 = json_array_get_object_element (values, 0);
  g_assert_cmpfloat (hc_ind_number (y2021, "value"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (y2021, "status"), ==, "met");
  g_assert_cmpstr (json_object_get_string_member (y2021, "state"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (y2021, "evidence"), ==, "2021年度统计报表");
  g_assert_cmpstr (json_object_get_string_member (y2021, "submitted_by"), ==, "analyst");
  g_assert_cmpstr (json_object_get_string_member (y2021, "reviewed_by"), ==, "supervisor");
  y2022 = json_array_get_object_element (values, 1);
  g_assert_true (json_object_get_null_member (y2022, "value"));
  g_assert_cmpstr (json_object_get_string_member (y2022, "status"), ==, "no_data");
  g_assert_true (json_object_get_null_member (y2022, "state"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj (r), "regions")), ==, 0);

  hc_assert_status (unknown, 404, "not_found");
  hc_assert_status (anonymous, 401, NULL);
}

static void
test_submit_then_approve (void)
{
  g_autoptr(HcTestResponse) put = hc_ind_put_value (server, "shared-data-sources", 2022, analyst,
                                                    "{\"value\":2,\"evidence\":\"接入水电气缴费数据、公积金数据\"}", NULL);
  g_autoptr(HcTestResponse) by_analyst = NULL;
  g_autoptr(HcTestResponse) approved = NULL;
  g_autoptr(HcTestResponse) one = NULL;
  g_autoptr(JsonObject) pending = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) next_year = NULL;
  g_autofree char *etag2023 = NULL;

  hc_assert_status (put, 201, NULL);
  g_assert_cmpstr (put->etag, ==, "\"1\"");
  g_assert_cmpstr (json_object_get_string_member (obj (put), "state"), ==, "submitted");
  g_assert_cmpstr (json_object_get_string_member (obj (put), "submitted_by"), ==, "analyst");
  g_assert_cmpint (hc_ind_audit_count (server, "indicator_value.submit", "shared-data-sources/2022"), ==, 1);

  /* Until reviewed the value counts as pending. */
  pending = hc_ind_list_item (server, 2022, "shared-data-sources");
  g_assert_cmpfloat (hc_ind_number (pending, "value"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (pending, "status"), ==, "pending");
  g_assert_cmpstr (json_object_get_string_member (pending, "state"), ==, "submitted");

  /* Analysts submit; they do not review. */
  by_analyst = hc_ind_review (server, "shared-data-sources", 2022, analyst, "{\"decision\":\"approve\"}", put->etag);
  hc_assert_status (by_analyst, 403, "forbidden");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM indicator_values WHERE indicator = 'shared-data-sources'"
                                       " AND state = 'submitted'"), ==, 1);

  approved = hc_ind_review (server, "shared-data-sources", 2022, supervisor, "{\"decision\":\"approve\",\"comment\":\"材料齐全\"}",
                            put->etag);
  hc_assert_status (approved, 200, NULL);
  g_assert_cmpstr (approved->etag, ==, "\"2\"");
  g_assert_cmpstr (json_object_get_string_member (obj (approved), "reviewed_by"), ==, "supervisor");
  g_assert_cmpstr (json_object_get_string_member (obj (approved), "review_comment"), ==, "材料齐全");
  g_assert_cmpint (hc_ind_audit_count (server, "indicator_value.review", "shared-data-sources/2022"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'indicator_value.review'"
                                       " AND actor = 'supervisor' AND before LIKE '%submitted%' AND after LIKE '%approved%'"),
                   >=, 1);

  one = hc_test_request (server, "GET", "/indicators/shared-data-sources/values/2022", analyst, NULL);
  hc_assert_status (one, 200, NULL);
  g_assert_cmpstr (one->etag, ==, "\"2\"");

  /* Cumulative (累计): 2 of 3 data sources — short, gap 1. */
  after = hc_ind_list_item (server, 2022, "shared-data-sources");
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "unmet");
  g_assert_cmpfloat (hc_ind_number (after, "aggregate"), ==, 2);
  g_assert_cmpfloat (hc_ind_number (after, "gap"), ==, 1);

  /* One more the next year reaches the target. */
  etag2023 = hc_ind_submit_approved (server, "shared-data-sources", 2023, 1);
  next_year = hc_ind_list_item (server, 2023, "shared-data-sources");
  g_assert_cmpfloat (hc_ind_number (next_year, "value"), ==, 1);
  g_assert_cmpfloat (hc_ind_number (next_year, "aggregate"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (next_year, "status"), ==, "met");
}

static void
test_return_needs_a_comment (void)
{
  g_autofree char *etag = hc_ind_submit (server, "department-application-lists", 2023, 75.5);
  g_autoptr(HcTestResponse) bare = hc_ind_review (server, "department-application-lists", 2023, supervisor, "{\"decision\":\"return\"}", etag);
  g_autoptr(HcTestResponse) blank = hc_ind_review (server, "department-application-lists", 2023, supervisor,
                                                   "{\"decision\":\"return\",\"comment\":\"  \"}", etag);
  g_autoptr(HcTestResponse) odd = hc_ind_review (server, "department-application-lists", 2023, supervisor, "{\"decision\":\"maybe\"}", etag);
  g_autoptr(HcTestResponse) returned = NULL;
  g_autoptr(HcTestResponse) again = NULL;
  g_autoptr(HcTestResponse) resubmitted = NULL;
  g_autoptr(JsonObject) year = NULL;

  hc_assert_status (bare, 422, "missing_comment");
  g_assert_cmpstr (hc_test_response_error_field (bare), ==, "comment");
  hc_assert_status (blank, 422, "missing_comment");
  hc_assert_status (odd, 422, "invalid_decision");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM indicator_values WHERE indicator = 'department-application-lists'"
                                       " AND state = 'submitted' AND version = 1"), ==, 1);
  g_assert_cmpint (hc_ind_audit_count (server, "indicator_value.review", "department-application-lists/2023"), ==, 0);

  returned = hc_ind_review (server, "department-application-lists", 2023, supervisor,
                            "{\"decision\":\"return\",\"comment\":\"请附修复案例清单\"}", etag);
  hc_assert_status (returned, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (obj (returned), "state"), ==, "returned");
  g_assert_cmpstr (json_object_get_string_member (obj (returned), "review_comment"), ==, "请附修复案例清单");
  g_assert_cmpint (hc_ind_audit_count (server, "indicator_value.review", "department-application-lists/2023"), ==, 1);

  year = hc_ind_detail_year (server, "department-application-lists", 2023);
  g_assert_cmpstr (json_object_get_string_member (year, "state"), ==, "returned");
  g_assert_cmpstr (json_object_get_string_member (year, "review_comment"), ==, "请附修复案例清单");
  g_assert_cmpstr (json_object_get_string_member (year, "status"), ==, "no_data");

  /* Only a submitted value can be reviewed. */
  again = hc_ind_review (server, "department-application-lists", 2023, supervisor, "{\"decision\":\"approve\"}", returned->etag);
  hc_assert_status (again, 409, "not_submitted");

  /* Resubmitted, it awaits a new review. */
  resubmitted = hc_ind_put_value (server, "department-application-lists", 2023, analyst,
                                  "{\"value\":76,\"evidence\":\"补充修复案例清单\"}", NULL);
  hc_assert_status (resubmitted, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (obj (resubmitted), "state"), ==, "submitted");
  g_assert_true (json_object_get_null_member (obj (resubmitted), "reviewed_by"));
  g_assert_true (json_object_get_null_member (obj (resubmitted), "review_comment"));
  g_assert_cmpstr (resubmitted->etag, ==, "\"3\"");
  g_assert_cmpint (hc_ind_audit_count (server, "indicator_value.submit", "department-application-lists/2023"), ==, 2);
}

static void
test_own_submission_is_reviewed_by_another (void)
{
  g_autoptr(HcTestResponse) put = hc_ind_put_value (server, "credit-verification-coverage", 2022, supervisor,
                                                    "{\"value\":48,\"evidence\":\"信用核验实施情况统计\"}", NULL);
  g_autoptr(HcTestResponse) own = NULL;
  g_autoptr(HcTestResponse) other = NULL;

  hc_assert_status (put, 201, NULL);
  own = hc_ind_review (server, "credit-verification-coverage", 2022, supervisor, "{\"decision\":\"approve\"}", put->etag);
  hc_assert_status (own, 409, "own_submission");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM indicator_values WHERE indicator = 'credit-verification-coverage'"
                                       " AND state = 'submitted'"), ==, 1);

  other = hc_ind_review (server, "credit-verification-coverage", 2022, supervisor2, "{\"decision\":\"approve\"}", put->etag);
  hc_assert_status (other, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (obj (other), "reviewed_by"), ==, "supervisor2");
}

static void
test_approved_value_needs_if_match (void)
{
  g_autofree char *etag = hc_ind_submit_approved (server, "department-application-lists", 2024, 90);
  g_autoptr(HcTestResponse) blind = hc_ind_put_value (server, "department-application-lists", 2024, analyst,
                                                      "{\"value\":91,\"evidence\":\"更正\"}", NULL);
  g_autoptr(HcTestResponse) stale = hc_ind_put_value (server, "department-application-lists", 2024, analyst,
                                                      "{\"value\":91,\"evidence\":\"更正\"}", "\"1\"");
  g_autoptr(HcTestResponse) fresh = NULL;

  hc_assert_status (blind, 428, "precondition_required");
  hc_assert_status (stale, 412, "stale");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM indicator_values WHERE indicator = 'department-application-lists'"
                                       " AND value = 90 AND state = 'approved' AND version = 2"), ==, 1);
  g_assert_cmpint (hc_ind_audit_count (server, "indicator_value.submit", "department-application-lists/2024"), ==, 1);

  fresh = hc_ind_put_value (server, "department-application-lists", 2024, analyst, "{\"value\":91,\"evidence\":\"更正：41个部门\"}",
                            etag);
  hc_assert_status (fresh, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (obj (fresh), "state"), ==, "submitted");
  g_assert_cmpfloat (json_object_get_double_member (obj (fresh), "value"), ==, 91);
  g_assert_cmpint (hc_ind_audit_count (server, "indicator_value.submit", "department-application-lists/2024"), ==, 2);
}

static void
test_stale_review_changes_nothing (void)
{
  g_autofree char *first = hc_ind_submit (server, "credit-plus-scenarios", 2021, 8);
  g_autofree char *second = hc_ind_submit (server, "credit-plus-scenarios", 2021, 9);
  g_autoptr(HcTestResponse) stale = hc_ind_review (server, "credit-plus-scenarios", 2021, supervisor, "{\"decision\":\"approve\"}", first);
  g_autoptr(HcTestResponse) unmatched = hc_ind_review (server, "credit-plus-scenarios", 2021, supervisor, "{\"decision\":\"approve\"}", NULL);
  g_autoptr(HcTestResponse) garbled = hc_ind_review (server, "credit-plus-scenarios", 2021, supervisor, "{\"decision\":\"approve\"}", "abc");
  g_autoptr(HcTestResponse) nothing = hc_ind_review (server, "credit-plus-scenarios", 2024, supervisor, "{\"decision\":\"approve\"}", "\"1\"");

  g_assert_cmpstr (first, ==, "\"1\"");
  g_assert_cmpstr (second, ==, "\"2\"");
  hc_assert_status (stale, 412, "stale");
  hc_assert_status (unmatched, 428, "precondition_required");
  hc_assert_status (garbled, 400, "invalid_if_match");
  hc_assert_status (nothing, 404, "not_found");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM indicator_values WHERE indicator = 'credit-plus-scenarios'"
                                       " AND state = 'submitted' AND value = 9 AND reviewed_by IS NULL"), ==, 1);
  g_assert_cmpint (hc_ind_audit_count (server, "indicator_value.review", "credit-plus-scenarios/2021"), ==, 0);
}

static void
test_bad_input_changes_nothing (void)
{
  static const struct
  {
    const char *key;
    const char *year;
    const char *body;
    guint       status;
    const char *code;
    const char *field;
  } cases[] = {
    { "department-application-lists", "2020", "{\"value\":50,\"evidence\":\"x\"}", 422, "invalid_year", "year" },
    { "department-application-lists", "2026", "{\"value\":50,\"evidence\":\"x\"}", 422, "invalid_year", "year" },
    { "department-application-lists", "last", "{\"value\":50,\"evidence\":\"x\"}", 422, "invalid_year", "year" },
    { "department-application-lists", "2023", "{\"value\":100.5,\"evidence\":\"x\"}", 422, "value_out_of_range", "value" },
    { "department-application-lists", "2023", "{\"value\":-1,\"evidence\":\"x\"}", 422, "value_out_of_range", "value" },
    { "evaluation-applied-matters", "2023", "{\"value\":-2,\"evidence\":\"x\"}", 422, "value_out_of_range", "value" },
    { "evaluation-applied-matters", "2023", "{\"value\":2.5,\"evidence\":\"x\"}", 422, "value_out_of_range", "value" },
    { "supervision-rules", "2023", "{\"value\":0.5,\"evidence\":\"x\"}", 422, "value_out_of_range", "value" },
    { "supervision-rules", "2023", "{\"value\":2,\"evidence\":\"x\"}", 422, "value_out_of_range", "value" },
    { "department-application-lists", "2023", "{\"value\":50,\"evidence\":\"   \"}", 422, "missing_field", "evidence" },
    { "department-application-lists", "2023", "{\"value\":50}", 422, "missing_field", "evidence" },
    { "department-application-lists", "2023", "{\"evidence\":\"x\"}", 422, "missing_field", "value" },
    { "department-application-lists", "2023", "{\"value\":\"50\",\"evidence\":\"x\"}", 400, "invalid_type", "value" },
    { "department-application-lists", "2023", "{\"value\":50,\"evidence\":7}", 400, "invalid_type", "evidence" },
    { "department-application-lists", "2023", "{\"value\":50,\"evidence\":\"x\",\"region\":\"469999\"}", 422, "invalid_region", "region" },
    { "department-application-lists", "2023", "{\"value\":50,", 400, "invalid_json", NULL },
    { "department-application-lists", "2023", "[50]", 400, "invalid_json", NULL },
    { "no-such-indicator", "2023", "{\"value\":50,\"evidence\":\"x\"}", 404, "not_found", "key" },
  };
  gint64 before = hc_test_count_rows (server, "SELECT count(*) FROM indicator_values");
  gint64 audits = hc_test_count_rows (server, "SELECT count(*) FROM audit");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/indicators/%s/values/%s", cases[i].key, cases[i].year);
      g_autoptr(HcTestResponse) r = hc_ind_send (server, "PUT", path, analyst, cases[i].body, NULL);

      if (r->status != cases[i].status)
        g_error ("case %u (%s): status %u", i, cases[i].body, r->status);
      g_assert_cmpstr (hc_test_response_error_code (r), ==, cases[i].code);
      if (cases[i].field)
        g_assert_cmpstr (hc_test_response_error_field (r), ==, cases[i].field);
    }

  {
    g_autoptr(HcTestResponse) anonymous = hc_ind_put_value (server, "department-application-lists", 2023, NULL,
                                                            "{\"value\":50,\"evidence\":\"x\"}", NULL);
    g_autoptr(HcTestResponse) odd_type = hc_ind_review (server, "department-application-lists", 2023, supervisor,
                                                        "{\"decision\":true}", "\"1\"");
    g_autoptr(HcTestResponse) broken = hc_ind_review (server, "department-application-lists", 2023, supervisor, "{", "\"1\"");
    g_autoptr(HcTestResponse) bad_year = hc_ind_review (server, "department-application-lists", 2030, supervisor,
                                                        "{\"decision\":\"approve\"}", "\"1\"");

    hc_assert_status (anonymous, 401, NULL);
    hc_assert_status (odd_type, 400, "invalid_type");
    hc_assert_status (broken, 400, "invalid_json");
    hc_assert_status (bad_year, 422, "invalid_year");
  }
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM indicator_values"), ==, before);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit"), ==, audits);
}

static void
test_trend_that_misses_is_a_warning (void)
{
  g_autofree char *a = hc_ind_submit_approved (server, "application-list-fulfilment", 2021, 58);
  g_autofree char *b = hc_ind_submit_approved (server, "application-list-fulfilment", 2022, 64);
  g_autofree char *c = hc_ind_submit_approved (server, "application-list-fulfilment", 2023, 69);
  g_autoptr(JsonObject) item = hc_ind_list_item (server, 2023, "application-list-fulfilment");

  /* Yearly average (58 + 64 + 69) / 3 = 63.67; its trend reaches ~68.6 in
   * 2025, short of “> 70”: 预警. */
  g_assert_cmpfloat_with_epsilon (hc_ind_number (item, "aggregate"), (58.0 + 64 + 69) / 3, 1e-6);
  g_assert_cmpfloat_with_epsilon (hc_ind_number (item, "gap"), 70 - (58.0 + 64 + 69) / 3, 1e-6);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "warning");
}

/* The demo dataset: five years of reported values, 2025 mostly awaiting
 * review, one returned, and a mix of met, unmet and warning in 2024. */
static void
test_demo_values (void)
{
  g_autoptr(HcTestServer) demo = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  const char *demo_analyst = hc_test_server_token (demo, "analyst");
  const char *demo_supervisor = hc_test_server_token (demo, "supervisor");
  g_autoptr(HcTestResponse) y2025 = hc_test_request (demo, "GET", "/indicators?year=2025", demo_analyst, NULL);
  g_autoptr(HcTestResponse) y2024 = hc_test_request (demo, "GET", "/indicators?year=2024", demo_analyst, NULL);
  g_autoptr(HcTestResponse) legislation = hc_test_request (demo, "GET", "/indicators/credit-legislation", demo_analyst, NULL);
  g_autoptr(HcTestResponse) platforms = hc_test_request (demo, "GET", "/indicators/county-platform-coverage", demo_analyst, NULL);
  g_autoptr(HcTestResponse) one = NULL;
  g_autoptr(HcTestResponse) approved = NULL;
  g_autoptr(GBytes) approve = g_bytes_new_static ("{\"decision\":\"approve\"}", strlen ("{\"decision\":\"approve\"}"));
  JsonArray *items;
  guint submitted = 0, returned = 0, met = 0, unmet = 0, warning = 0;

  hc_assert_status (y2025, 200, NULL);
  items = json_object_get_array_member (obj (y2025), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *state = json_object_get_null_member (item, "state") ? NULL
                          : json_object_get_string_member (item, "state");

      if (g_str_equal (json_object_get_string_member (item, "source"), "computed"))
        continue;
      submitted += g_strcmp0 (state, "submitted") == 0;
      if (g_strcmp0 (state, "returned") == 0)
        {
          returned++;
          g_assert_cmpstr (json_object_get_string_member (item, "key"), ==, "notification-commitment-coverage");
          g_assert_nonnull (strstr (json_object_get_string_member (item, "review_comment"), "请补充"));
        }
    }
  g_assert_cmpuint (submitted, >=, 8);
  g_assert_cmpuint (returned, ==, 1);

  hc_assert_status (y2024, 200, NULL);
  items = json_object_get_array_member (obj (y2024), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *status = json_object_get_string_member (item, "status");

      /* Computed, or the province's share of its 市县 (信用平台). */
      if (g_str_equal (json_object_get_string_member (item, "source"), "computed")
          || g_str_equal (json_object_get_string_member (item, "basis"), "regions"))
        continue;
      g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "approved");
      g_assert_nonnull (strstr (json_object_get_string_member (item, "evidence"), "2024年度"));
      met += g_str_equal (status, "met");
      unmet += g_str_equal (status, "unmet");
      warning += g_str_equal (status, "warning");
    }
  g_assert_cmpuint (met, >, 0);
  g_assert_cmpuint (unmet, >, 0);
  g_assert_cmpuint (warning, >, 0);

  /* 信用立法: the 条例 came in 2022. */
  hc_assert_status (legislation, 200, NULL);
  items = json_object_get_array_member (obj (legislation), "values");
  g_assert_cmpfloat (hc_ind_number (json_array_get_object_element (items, 0), "value"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "status"), ==, "unmet");
  g_assert_cmpfloat (hc_ind_number (json_array_get_object_element (items, 1), "value"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "status"), ==, "met");

  /* Every 市县 reported its platform; the province's value is the share
   * of them connected: 18 of 19 in 2024. */
  hc_assert_status (platforms, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj (platforms), "regions")), ==, 19);
  items = json_object_get_array_member (obj (platforms), "values");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 3), "numerator"), ==, 18);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 3), "denominator"), ==, 19);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 3), "status"), ==, "unmet");

  /* The demo supervisor reviews what the demo analyst submitted. */
  one = hc_test_request (demo, "GET", "/indicators/credit-verification-coverage/values/2025", demo_supervisor, NULL);
  hc_assert_status (one, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (obj (one), "state"), ==, "submitted");
  approved = hc_test_request_full (demo, "POST", "/indicators/credit-verification-coverage/values/2025/review",
                                   demo_supervisor, "application/json",
                                   approve, one->etag);
  hc_assert_status (approved, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (obj (approved), "state"), ==, "approved");
}

/* Table 1 (表1) of a year: as a PDF (its text through pdftotext: every
 * indicator, its target and the reviewer of an approved value; a page
 * count above one, as the 22 rows do not fit one page) and as XLSX through
 * the one export mechanism (the cells read back with openpyxl) */

static char *
run_text (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static char *
body_to_file (HcTestResponse *r,
              const char     *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = g_strconcat ("hc-table1-XXXXXX", suffix, NULL);
  char *path = NULL;
  int fd = g_file_open_tmp (pattern, &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body), NULL));
  return path;
}

static void
test_table_1_pdf_and_xlsx (void)
{
  g_autoptr(HcTestResponse) list = NULL;
  g_autoptr(HcTestResponse) pdf = NULL;
  g_autoptr(HcTestResponse) xlsx = NULL;
  g_autoptr(HcTestResponse) bad = NULL;
  g_autoptr(HcTestResponse) approved = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *xlsx_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *cells = NULL;
  g_auto(GStrv) rows = NULL;
  JsonArray *items;
  gint64 audits = hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'indicators.report'");

  /* A value reviewed by supervisor2, to be named as its reviewer. */
  etag = hc_ind_submit (server, "self-discipline-commitment-industries", 2022, 4);
  approved = hc_ind_review (server, "self-discipline-commitment-industries", 2022, supervisor2, "{\"decision\":\"approve\"}", etag);
  hc_assert_status (approved, 200, NULL);

  list = hc_test_request (server, "GET", "/indicators?year=2022", analyst, NULL);
  hc_assert_status (list, 200, NULL);
  items = json_object_get_array_member (obj (list), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 22);

  pdf = hc_test_request (server, "GET", "/indicators/report.pdf?year=2022", analyst, NULL);
  hc_assert_status (pdf, 200, NULL);
  g_assert_cmpstr (pdf->content_type, ==, "application/pdf");
  g_assert_true (g_bytes_get_size (pdf->body) > 4 && memcmp (g_bytes_get_data (pdf->body, NULL), "%PDF", 4) == 0);
  pdf_path = body_to_file (pdf, ".pdf");
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-raw", pdf_path, "-", NULL };
    const char *info_argv[] = { "pdfinfo", pdf_path, NULL };
    g_autofree char *flat = NULL;
    GString *squeezed = g_string_new (NULL);

    text = run_text (argv);
    info = run_text (info_argv);
    /* Cells wrap: compare without line breaks and spaces. */
    for (const char *p = text; *p; p++)
      if (*p != '\n' && *p != ' ')
        g_string_append_c (squeezed, *p);
    flat = g_string_free (squeezed, FALSE);
    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *item = json_array_get_object_element (items, i);
        g_autoptr(GString) target = g_string_new (NULL);

        g_assert_nonnull (strstr (flat, json_object_get_string_member (item, "item")));
        for (const char *p = json_object_get_string_member (item, "target_text"); *p; p++)
          if (*p != ' ')
            g_string_append_c (target, *p);
        if (strstr (flat, target->str) == NULL)
          g_error ("the PDF lacks the target “%s”", target->str);
      }
    g_assert_nonnull (strstr (flat, "supervisor2"));
    g_assert_nonnull (strstr (flat, "2022"));
  }
  /* 22 rows with their targets take more than one A4 page, each numbered. */
  g_assert_nonnull (strstr (info, "Pages:"));
  g_assert_cmpint (atoi (strstr (info, "Pages:") + 6), >, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'indicators.report'"), ==, audits + 1);

  /* A year outside the plan: 400 at year, nothing rendered or audited. */
  bad = hc_test_request (server, "GET", "/indicators/report.pdf?year=2030", analyst, NULL);
  hc_assert_status (bad, 400, "invalid_parameter");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'indicators.report'"), ==, audits + 1);

  /* The XLSX of the same year: a header and one row an indicator. */
  xlsx = hc_test_request_accept (server, "GET", "/indicators?year=2022", analyst, NULL, NULL, NULL,
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  hc_assert_status (xlsx, 200, NULL);
  xlsx_path = body_to_file (xlsx, ".xlsx");
  {
    const char *python = g_getenv ("HC_PYTHON3") ? g_getenv ("HC_PYTHON3") : "/usr/bin/python3";
    const char *script =
      "import sys, openpyxl\n"
      "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
      "for row in ws.iter_rows(values_only=True):\n"
      "    print('\\t'.join('' if v is None else str(v) for v in row))\n";
    const char *argv[] = { python, "-c", script, xlsx_path, NULL };

    cells = run_text (argv);
  }
  /* Only the last line break goes: a row's empty last cells are tabs. */
  if (*cells != '\0' && cells[strlen (cells) - 1] == '\n')
    cells[strlen (cells) - 1] = '\0';
  rows = g_strsplit (cells, "\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 23);
  g_assert_cmpstr (rows[0], ==, "类别\t指标\t目标\t属性\t年度\t数值\t单位\t状态\t差距\t来源\t填报人\t审核人");
  /* The same table for an English reader: English headers and labels. */
  {
    g_autofree char *english = hc_test_get_csv (server, "/indicators?year=2022", analyst, "en");

    g_assert_nonnull (strstr (english, "Category,Indicator,Target,Attribute,Year,Value,Unit,Status,Gap,Source,"
                                       "Reported by,Reviewed by"));
    g_assert_nonnull (strstr (english, ",Reported,"));
    g_assert_null (strstr (english, "审核人"));
  }
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_auto(GStrv) c = g_strsplit (rows[i + 1], "\t", -1);

      g_assert_cmpuint (g_strv_length (c), ==, 12);
      g_assert_cmpstr (c[1], ==, json_object_get_string_member (item, "item"));
      g_assert_cmpstr (c[2], ==, json_object_get_string_member (item, "target_text"));
      g_assert_cmpstr (c[4], ==, "2022");
      if (g_str_equal (json_object_get_string_member (item, "key"), "self-discipline-commitment-industries"))
        {
          g_assert_cmpfloat (g_ascii_strtod (c[5], NULL), ==, 4);
          g_assert_cmpstr (c[11], ==, "supervisor2");
        }
    }
  g_unlink (pdf_path);
  g_unlink (xlsx_path);
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  server = hc_ind_server_new ();
  analyst = hc_test_server_token (server, "analyst");
  supervisor = hc_test_server_token (server, "supervisor");
  supervisor2 = hc_test_server_token (server, "supervisor2");

  g_test_add_func ("/indicators/list-for-a-year", test_list_for_a_year);
  g_test_add_func ("/indicators/detail-has-five-years", test_detail_has_five_years);
  g_test_add_func ("/indicators/submit-then-approve", test_submit_then_approve);
  g_test_add_func ("/indicators/return-needs-a-comment", test_return_needs_a_comment);
  g_test_add_func ("/indicators/own-submission-is-reviewed-by-another",
                   test_own_submission_is_reviewed_by_another);
  g_test_add_func ("/indicators/approved-value-needs-if-match", test_approved_value_needs_if_match);
  g_test_add_func ("/indicators/stale-review-changes-nothing", test_stale_review_changes_nothing);
  g_test_add_func ("/indicators/bad-input-changes-nothing", test_bad_input_changes_nothing);
  g_test_add_func ("/indicators/trend-that-misses-is-a-warning", test_trend_that_misses_is_a_warning);
  g_test_add_func ("/indicators/demo-values", test_demo_values);
  g_test_add_func ("/indicators/table-1-pdf-and-xlsx", test_table_1_pdf_and_xlsx);

  ret = g_test_run ();
  hc_test_server_free (server);
  return ret;
}
