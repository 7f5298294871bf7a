/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of the plan's indicators (表1): the year's table, an indicator's
 * five years, submission and review of reported values by role, stale
 * writes, computed indicators, bad input and the audit of every write. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hc-core.h"
#include "hc-test-server.h"

static HcTestServer *server;
static const char *admin, *analyst, *supervisor, *supervisor2;

static const char * const computed_keys[] = {
  "catalog-annual-update", "catalog-collection-rate", "commitment-fulfilment-sharing", "uscc-error-rate",
  "other-data-error-rate", "repair-commitment-rate", "repair-overdue-rate", "incentive-list-share-growth",
  "serious-dishonesty-share-decline", NULL,
};

static gint64
count (const char *sql)
{
  return hc_test_count_rows (server, sql);
}

static JsonObject *
obj (HcTestResponse *r)
{
  return hc_test_response_object (r);
}

static HcTestResponse *
send (const char *method,
      const char *path,
      const char *token,
      const char *body,
      const char *etag)
{
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;

  return hc_test_request_full (server, method, path, token, "application/json", bytes, etag);
}

static HcTestResponse *
put_value (const char *key,
           int         year,
           const char *token,
           const char *body,
           const char *etag)
{
  g_autofree char *path = g_strdup_printf ("/indicators/%s/values/%d", key, year);

  return send ("PUT", path, token, body, etag);
}

static HcTestResponse *
review (const char *key,
        int         year,
        const char *token,
        const char *body,
        const char *etag)
{
  g_autofree char *path = g_strdup_printf ("/indicators/%s/values/%d/review", key, year);

  return send ("POST", path, token, body, etag);
}

/* Submits @value for @key/@year as the analyst; returns the ETag. */
static char *
submit (const char *key,
        int         year,
        double      value)
{
  g_autofree char *body = g_strdup_printf ("{\"value\":%g,\"evidence\":\"%d年度统计报表\"}", value, year);
  g_autoptr(HcTestResponse) r = put_value (key, year, analyst, body, NULL);

  g_assert_true (r->status == 201 || r->status == 200);
  g_assert_cmpstr (json_object_get_string_member (obj (r), "state"), ==, "submitted");
  return g_strdup (r->etag);
}

/* Submits and approves; returns the ETag of the approved value. */
static char *
submit_approved (const char *key,
                 int         year,
                 double      value)
{
  g_autofree char *etag = submit (key, year, value);
  g_autoptr(HcTestResponse) r = review (key, year, supervisor, "{\"decision\":\"approve\"}", etag);

  hc_assert_status (r, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (obj (r), "state"), ==, "approved");
  return g_strdup (r->etag);
}

/* The item of @key in GET /indicators?year=@year. */
static JsonObject *
list_item (int         year,
           const char *key)
{
  g_autofree char *path = g_strdup_printf ("/indicators?year=%d", year);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);
  JsonArray *items;

  hc_assert_status (r, 200, NULL);
  items = json_object_get_array_member (obj (r), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "key"), key))
        return json_object_ref (item);
    }
  g_error ("no indicator %s in the list", key);
  return NULL;
}

/* The year @year of GET /indicators/@key's values. */
static JsonObject *
detail_year (const char *key,
             int         year)
{
  g_autofree char *path = g_strdup_printf ("/indicators/%s", key);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);
  JsonArray *values;

  hc_assert_status (r, 200, NULL);
  values = json_object_get_array_member (obj (r), "values");
  /* 2021–2025, and before them the baseline year of an indicator counted
   * from one. */
  if (json_object_get_null_member (obj (r), "baseline_year"))
    g_assert_cmpuint (json_array_get_length (values), ==, 5);
  else
    g_assert_cmpuint (json_array_get_length (values), ==,
                      2025 - json_object_get_int_member (obj (r), "baseline_year") + 1);
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonObject *v = json_array_get_object_element (values, i);

      if (json_object_get_int_member (v, "year") == year)
        return json_object_ref (v);
    }
  g_error ("no year %d in %s", year, key);
  return NULL;
}

static double
number (JsonObject *o,
        const char *member)
{
  g_assert_true (json_object_has_member (o, member));
  g_assert_false (json_object_get_null_member (o, member));
  return json_object_get_double_member (o, member);
}

static gint64
audit_count (const char *action,
             const char *entity_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = '%s'"
                                          " AND entity = 'indicator_value' AND entity_id = '%s'",
                                          action, entity_id);
  return count (sql);
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
      g_assert_cmpstr (source, ==, g_strv_contains (computed_keys, key) ? "computed" : "reported");
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
  g_autofree char *etag = submit_approved ("credit-plan", 2021, 1);
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
  g_assert_cmpfloat (number (y2021, "value"), ==, 1);
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
  g_autoptr(HcTestResponse) put = put_value ("shared-data-sources", 2022, analyst,
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
  g_assert_cmpint (audit_count ("indicator_value.submit", "shared-data-sources/2022"), ==, 1);

  /* Until reviewed the value counts as pending. */
  pending = list_item (2022, "shared-data-sources");
  g_assert_cmpfloat (number (pending, "value"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (pending, "status"), ==, "pending");
  g_assert_cmpstr (json_object_get_string_member (pending, "state"), ==, "submitted");

  /* Analysts submit; they do not review. */
  by_analyst = review ("shared-data-sources", 2022, analyst, "{\"decision\":\"approve\"}", put->etag);
  hc_assert_status (by_analyst, 403, "forbidden");
  g_assert_cmpint (count ("SELECT count(*) FROM indicator_values WHERE indicator = 'shared-data-sources'"
                          " AND state = 'submitted'"), ==, 1);

  approved = review ("shared-data-sources", 2022, supervisor, "{\"decision\":\"approve\",\"comment\":\"材料齐全\"}",
                     put->etag);
  hc_assert_status (approved, 200, NULL);
  g_assert_cmpstr (approved->etag, ==, "\"2\"");
  g_assert_cmpstr (json_object_get_string_member (obj (approved), "reviewed_by"), ==, "supervisor");
  g_assert_cmpstr (json_object_get_string_member (obj (approved), "review_comment"), ==, "材料齐全");
  g_assert_cmpint (audit_count ("indicator_value.review", "shared-data-sources/2022"), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'indicator_value.review'"
                          " AND actor = 'supervisor' AND before LIKE '%submitted%' AND after LIKE '%approved%'"),
                   >=, 1);

  one = hc_test_request (server, "GET", "/indicators/shared-data-sources/values/2022", analyst, NULL);
  hc_assert_status (one, 200, NULL);
  g_assert_cmpstr (one->etag, ==, "\"2\"");

  /* Cumulative (累计): 2 of 3 data sources — short, gap 1. */
  after = list_item (2022, "shared-data-sources");
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "unmet");
  g_assert_cmpfloat (number (after, "aggregate"), ==, 2);
  g_assert_cmpfloat (number (after, "gap"), ==, 1);

  /* One more the next year reaches the target. */
  etag2023 = submit_approved ("shared-data-sources", 2023, 1);
  next_year = list_item (2023, "shared-data-sources");
  g_assert_cmpfloat (number (next_year, "value"), ==, 1);
  g_assert_cmpfloat (number (next_year, "aggregate"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (next_year, "status"), ==, "met");
}

static void
test_return_needs_a_comment (void)
{
  g_autofree char *etag = submit ("department-application-lists", 2023, 75.5);
  g_autoptr(HcTestResponse) bare = review ("department-application-lists", 2023, supervisor, "{\"decision\":\"return\"}", etag);
  g_autoptr(HcTestResponse) blank = review ("department-application-lists", 2023, supervisor,
                                            "{\"decision\":\"return\",\"comment\":\"  \"}", etag);
  g_autoptr(HcTestResponse) odd = review ("department-application-lists", 2023, supervisor, "{\"decision\":\"maybe\"}", etag);
  g_autoptr(HcTestResponse) returned = NULL;
  g_autoptr(HcTestResponse) again = NULL;
  g_autoptr(HcTestResponse) resubmitted = NULL;
  g_autoptr(JsonObject) year = NULL;

  hc_assert_status (bare, 422, "missing_comment");
  g_assert_cmpstr (hc_test_response_error_field (bare), ==, "comment");
  hc_assert_status (blank, 422, "missing_comment");
  hc_assert_status (odd, 422, "invalid_decision");
  g_assert_cmpint (count ("SELECT count(*) FROM indicator_values WHERE indicator = 'department-application-lists'"
                          " AND state = 'submitted' AND version = 1"), ==, 1);
  g_assert_cmpint (audit_count ("indicator_value.review", "department-application-lists/2023"), ==, 0);

  returned = review ("department-application-lists", 2023, supervisor,
                     "{\"decision\":\"return\",\"comment\":\"请附修复案例清单\"}", etag);
  hc_assert_status (returned, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (obj (returned), "state"), ==, "returned");
  g_assert_cmpstr (json_object_get_string_member (obj (returned), "review_comment"), ==, "请附修复案例清单");
  g_assert_cmpint (audit_count ("indicator_value.review", "department-application-lists/2023"), ==, 1);

  year = detail_year ("department-application-lists", 2023);
  g_assert_cmpstr (json_object_get_string_member (year, "state"), ==, "returned");
  g_assert_cmpstr (json_object_get_string_member (year, "review_comment"), ==, "请附修复案例清单");
  g_assert_cmpstr (json_object_get_string_member (year, "status"), ==, "no_data");

  /* Only a submitted value can be reviewed. */
  again = review ("department-application-lists", 2023, supervisor, "{\"decision\":\"approve\"}", returned->etag);
  hc_assert_status (again, 409, "not_submitted");

  /* Resubmitted, it awaits a new review. */
  resubmitted = put_value ("department-application-lists", 2023, analyst,
                           "{\"value\":76,\"evidence\":\"补充修复案例清单\"}", NULL);
  hc_assert_status (resubmitted, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (obj (resubmitted), "state"), ==, "submitted");
  g_assert_true (json_object_get_null_member (obj (resubmitted), "reviewed_by"));
  g_assert_true (json_object_get_null_member (obj (resubmitted), "review_comment"));
  g_assert_cmpstr (resubmitted->etag, ==, "\"3\"");
  g_assert_cmpint (audit_count ("indicator_value.submit", "department-application-lists/2023"), ==, 2);
}

static void
test_own_submission_is_reviewed_by_another (void)
{
  g_autoptr(HcTestResponse) put = put_value ("credit-verification-coverage", 2022, supervisor,
                                             "{\"value\":48,\"evidence\":\"信用核验实施情况统计\"}", NULL);
  g_autoptr(HcTestResponse) own = NULL;
  g_autoptr(HcTestResponse) other = NULL;

  hc_assert_status (put, 201, NULL);
  own = review ("credit-verification-coverage", 2022, supervisor, "{\"decision\":\"approve\"}", put->etag);
  hc_assert_status (own, 409, "own_submission");
  g_assert_cmpint (count ("SELECT count(*) FROM indicator_values WHERE indicator = 'credit-verification-coverage'"
                          " AND state = 'submitted'"), ==, 1);

  other = review ("credit-verification-coverage", 2022, supervisor2, "{\"decision\":\"approve\"}", put->etag);
  hc_assert_status (other, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (obj (other), "reviewed_by"), ==, "supervisor2");
}

static void
test_approved_value_needs_if_match (void)
{
  g_autofree char *etag = submit_approved ("department-application-lists", 2024, 90);
  g_autoptr(HcTestResponse) blind = put_value ("department-application-lists", 2024, analyst,
                                               "{\"value\":91,\"evidence\":\"更正\"}", NULL);
  g_autoptr(HcTestResponse) stale = put_value ("department-application-lists", 2024, analyst,
                                               "{\"value\":91,\"evidence\":\"更正\"}", "\"1\"");
  g_autoptr(HcTestResponse) fresh = NULL;

  hc_assert_status (blind, 428, "precondition_required");
  hc_assert_status (stale, 412, "stale");
  g_assert_cmpint (count ("SELECT count(*) FROM indicator_values WHERE indicator = 'department-application-lists'"
                          " AND value = 90 AND state = 'approved' AND version = 2"), ==, 1);
  g_assert_cmpint (audit_count ("indicator_value.submit", "department-application-lists/2024"), ==, 1);

  fresh = put_value ("department-application-lists", 2024, analyst, "{\"value\":91,\"evidence\":\"更正：41个部门\"}",
                     etag);
  hc_assert_status (fresh, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (obj (fresh), "state"), ==, "submitted");
  g_assert_cmpfloat (json_object_get_double_member (obj (fresh), "value"), ==, 91);
  g_assert_cmpint (audit_count ("indicator_value.submit", "department-application-lists/2024"), ==, 2);
}

static void
test_stale_review_changes_nothing (void)
{
  g_autofree char *first = submit ("credit-plus-scenarios", 2021, 8);
  g_autofree char *second = submit ("credit-plus-scenarios", 2021, 9);
  g_autoptr(HcTestResponse) stale = review ("credit-plus-scenarios", 2021, supervisor, "{\"decision\":\"approve\"}", first);
  g_autoptr(HcTestResponse) unmatched = review ("credit-plus-scenarios", 2021, supervisor, "{\"decision\":\"approve\"}", NULL);
  g_autoptr(HcTestResponse) garbled = review ("credit-plus-scenarios", 2021, supervisor, "{\"decision\":\"approve\"}", "abc");
  g_autoptr(HcTestResponse) nothing = review ("credit-plus-scenarios", 2024, supervisor, "{\"decision\":\"approve\"}", "\"1\"");

  g_assert_cmpstr (first, ==, "\"1\"");
  g_assert_cmpstr (second, ==, "\"2\"");
  hc_assert_status (stale, 412, "stale");
  hc_assert_status (unmatched, 428, "precondition_required");
  hc_assert_status (garbled, 400, "invalid_if_match");
  hc_assert_status (nothing, 404, "not_found");
  g_assert_cmpint (count ("SELECT count(*) FROM indicator_values WHERE indicator = 'credit-plus-scenarios'"
                          " AND state = 'submitted' AND value = 9 AND reviewed_by IS NULL"), ==, 1);
  g_assert_cmpint (audit_count ("indicator_value.review", "credit-plus-scenarios/2021"), ==, 0);
}

static void
test_computed_indicator_refuses_reports (void)
{
  gint64 before = count ("SELECT count(*) FROM indicator_values");
  gint64 audits = count ("SELECT count(*) FROM audit");

  for (guint i = 0; computed_keys[i]; i++)
    {
      g_autoptr(HcTestResponse) put = put_value (computed_keys[i], 2023, analyst,
                                                 "{\"value\":50,\"evidence\":\"手工填报\"}", NULL);
      g_autoptr(HcTestResponse) rev = review (computed_keys[i], 2023, supervisor, "{\"decision\":\"approve\"}", "\"1\"");
      g_autoptr(JsonObject) year = detail_year (computed_keys[i], 2023);

      hc_assert_status (put, 409, "computed_indicator");
      hc_assert_status (rev, 409, "computed_indicator");
      g_assert_true (json_object_get_null_member (year, "state"));
      g_assert_true (json_object_has_member (year, "denominator"));
    }
  g_assert_cmpint (count ("SELECT count(*) FROM indicator_values"), ==, before);
  g_assert_cmpint (count ("SELECT count(*) FROM audit"), ==, audits);
}

static void
test_computed_without_data_is_no_data (void)
{
  g_autoptr(JsonObject) update = list_item (2022, "catalog-annual-update");

  /* Nothing to count in 2022 (no catalog, imports, repairs or subjects
   * dated then in this database): no value, not a zero. */
  for (guint i = 0; computed_keys[i]; i++)
    {
      g_autoptr(JsonObject) item = NULL;

      /* …but a past year without a published catalog is not done. */
      if (g_str_equal (computed_keys[i], "catalog-annual-update"))
        continue;
      item = list_item (2022, computed_keys[i]);
      g_assert_true (json_object_get_null_member (item, "value"));
      g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "no_data");
      g_assert_cmpint (json_object_get_int_member (item, "denominator"), ==, 0);
    }
  g_assert_cmpfloat (number (update, "value"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (update, "numerator"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (update, "denominator"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (update, "status"), !=, "met");
  g_assert_cmpstr (json_object_get_string_member (update, "status"), !=, "no_data");
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
  gint64 before = count ("SELECT count(*) FROM indicator_values");
  gint64 audits = count ("SELECT count(*) FROM audit");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/indicators/%s/values/%s", cases[i].key, cases[i].year);
      g_autoptr(HcTestResponse) r = send ("PUT", path, analyst, cases[i].body, NULL);

      if (r->status != cases[i].status)
        g_error ("case %u (%s): status %u", i, cases[i].body, r->status);
      g_assert_cmpstr (hc_test_response_error_code (r), ==, cases[i].code);
      if (cases[i].field)
        g_assert_cmpstr (hc_test_response_error_field (r), ==, cases[i].field);
    }

  {
    g_autoptr(HcTestResponse) anonymous = put_value ("department-application-lists", 2023, NULL,
                                                     "{\"value\":50,\"evidence\":\"x\"}", NULL);
    g_autoptr(HcTestResponse) odd_type = review ("department-application-lists", 2023, supervisor,
                                                 "{\"decision\":true}", "\"1\"");
    g_autoptr(HcTestResponse) broken = review ("department-application-lists", 2023, supervisor, "{", "\"1\"");
    g_autoptr(HcTestResponse) bad_year = review ("department-application-lists", 2030, supervisor,
                                                 "{\"decision\":\"approve\"}", "\"1\"");

    hc_assert_status (anonymous, 401, NULL);
    hc_assert_status (odd_type, 400, "invalid_type");
    hc_assert_status (broken, 400, "invalid_json");
    hc_assert_status (bad_year, 422, "invalid_year");
  }
  g_assert_cmpint (count ("SELECT count(*) FROM indicator_values"), ==, before);
  g_assert_cmpint (count ("SELECT count(*) FROM audit"), ==, audits);
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
  g_autoptr(HcTestResponse) put = put_value (key, year, analyst, body, NULL);
  g_autoptr(HcTestResponse) r = NULL;

  hc_assert_status (put, 201, NULL);
  r = review (key, year, supervisor, review_body, put->etag);
  hc_assert_status (r, 200, NULL);
  return g_strdup (r->etag);
}

/* GET /indicators/@key */
static JsonObject *
detail (const char *key)
{
  g_autofree char *path = g_strdup_printf ("/indicators/%s", key);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);

  hc_assert_status (r, 200, NULL);
  return json_object_ref (obj (r));
}

/* The year @year of 市县 @region in @d. */
static JsonObject *
region_year (JsonObject *d,
             const char *region,
             int         year)
{
  JsonArray *regions = json_object_get_array_member (d, "regions");

  for (guint i = 0; i < json_array_get_length (regions); i++)
    {
      JsonObject *item = json_array_get_object_element (regions, i);
      JsonArray *values = json_object_get_array_member (item, "values");

      if (!g_str_equal (json_object_get_string_member (item, "region"), region))
        continue;
      for (guint v = 0; v < json_array_get_length (values); v++)
        if (json_object_get_int_member (json_array_get_object_element (values, v), "year") == year)
          return json_array_get_object_element (values, v);
    }
  g_error ("no %s/%d", region, year);
  return NULL;
}

static JsonObject *
province_year (JsonObject *d,
               int         year)
{
  JsonArray *values = json_object_get_array_member (d, "values");

  for (guint v = 0; v < json_array_get_length (values); v++)
    if (json_object_get_int_member (json_array_get_object_element (values, v), "year") == year)
      return json_array_get_object_element (values, v);
  g_error ("no year %d", year);
  return NULL;
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
  g_autofree char *province = submit ("self-discipline-commitment-industries", 2024, 2);
  g_autofree char *body = g_strdup ("{\"value\":60,\"evidence\":\"儋州市核验事项统计\",\"region\":\"460400\"}");
  g_autoptr(HcTestResponse) county = put_value ("credit-verification-coverage", 2024, analyst, body, NULL);
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
                   count ("SELECT count(*) FROM indicator_values WHERE state = 'submitted'"));

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

  approve = review ("self-discipline-commitment-industries", 2024, supervisor, "{\"decision\":\"approve\"}", province);
  hc_assert_status (approve, 200, NULL);
  send_back = review ("credit-verification-coverage", 2024, supervisor,
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
  g_autoptr(HcTestResponse) haikou = put_value ("county-platform-coverage", 2024, analyst,
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
  g_assert_cmpint (audit_count ("indicator_value.submit", "county-platform-coverage/2024/460100"), ==, 1);

  /* The province's value follows from its 市县 in 2024: not reported. */
  values_before = count ("SELECT count(*) FROM indicator_values");
  province = put_value ("county-platform-coverage", 2024, analyst, "{\"value\":94.7,\"evidence\":\"18个市县\"}", NULL);
  hc_assert_status (province, 409, "derived_from_regions");
  g_assert_cmpstr (hc_test_response_error_field (province), ==, "region");
  /* Nor has an indicator of the province only any 市县 values. */
  not_regional = put_value ("shared-data-sources", 2024, analyst,
                            "{\"value\":1,\"evidence\":\"x\",\"region\":\"460100\"}", NULL);
  hc_assert_status (not_regional, 409, "not_regional");
  g_assert_cmpint (count ("SELECT count(*) FROM indicator_values"), ==, values_before);

  one = hc_test_request (server, "GET", "/indicators/county-platform-coverage/values/2024?region=460100", analyst, NULL);
  hc_assert_status (one, 200, NULL);
  approve = send ("POST", "/indicators/county-platform-coverage/values/2024/review", supervisor,
                  "{\"decision\":\"approve\",\"region\":\"460100\"}", one->etag);
  hc_assert_status (approve, 200, NULL);
  g_assert_cmpint (audit_count ("indicator_value.review", "county-platform-coverage/2024/460100"), ==, 1);

  d = detail ("county-platform-coverage");
  g_assert_cmpstr (json_object_get_string_member (d, "regional"), ==, "share_met");
  /* All 19 市县, in the order of GB/T 2260, each with its target. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "regions")), ==, 19);
  region = json_array_get_object_element (json_object_get_array_member (d, "regions"), 0);
  g_assert_cmpstr (json_object_get_string_member (region, "region"), ==, "460100");
  g_assert_cmpstr (json_object_get_string_member (region, "region_name"), ==, "海口市");
  g_assert_cmpfloat (number (region, "target"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (region, "target_source"), ==, "province");
  y = region_year (d, "460100", 2024);
  g_assert_cmpfloat (number (y, "value"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (y, "status"), ==, "met");
  g_assert_false (json_object_get_boolean_member (y, "lagging"));
  g_assert_cmpstr (json_object_get_string_member (region_year (d, "469030", 2024), "status"), ==, "no_data");

  /* The province: 1 of 19 市县 meets it. */
  y = province_year (d, 2024);
  g_assert_cmpstr (json_object_get_string_member (y, "basis"), ==, "regions");
  g_assert_cmpstr (json_object_get_string_member (y, "rule"), ==, "share_met");
  g_assert_cmpint (json_object_get_int_member (y, "numerator"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (y, "denominator"), ==, 19);
  g_assert_cmpfloat_with_epsilon (number (y, "value"), 100.0 / 19, 1e-4);
  g_assert_cmpstr (json_object_get_string_member (y, "status"), !=, "pending");

  /* A 市县 value awaiting review leaves the province's pending. */
  sanya = put_value ("county-platform-coverage", 2024, analyst,
                     "{\"value\":100,\"evidence\":\"三亚市信用平台\",\"region\":\"460200\"}", NULL);
  hc_assert_status (sanya, 201, NULL);
  pending = list_item (2024, "county-platform-coverage");
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

  mean = detail ("credit-verification-coverage");
  y = province_year (mean, 2023);
  g_assert_cmpstr (json_object_get_string_member (y, "rule"), ==, "mean");
  g_assert_cmpfloat_with_epsilon (number (y, "value"), (70.0 + 77 + 90) / 3, 1e-6);
  g_assert_cmpint (json_object_get_int_member (y, "regions_reported"), ==, 3);
  /* The province's target (≥ 80) and a tenth of it as the warning gap:
   * 70 is 未达标, 77 预警, 90 达标. */
  targets = json_object_get_object_member (mean, "region_targets");
  g_assert_cmpfloat (number (targets, "target"), ==, 80);
  g_assert_cmpfloat (number (targets, "warning_gap"), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (targets, "source"), ==, "province");
  g_assert_cmpstr (json_object_get_string_member (region_year (mean, "460100", 2023), "status"), ==, "unmet");
  g_assert_true (json_object_get_boolean_member (region_year (mean, "460100", 2023), "lagging"));
  g_assert_cmpstr (json_object_get_string_member (region_year (mean, "460200", 2023), "status"), ==, "warning");
  g_assert_cmpstr (json_object_get_string_member (region_year (mean, "460400", 2023), "status"), ==, "met");

  sum = detail ("credit-plus-scenarios");
  y = province_year (sum, 2023);
  g_assert_cmpstr (json_object_get_string_member (y, "rule"), ==, "sum");
  g_assert_cmpfloat (number (y, "value"), ==, 7);

  /* Bad input changes nothing. */
  audits = count ("SELECT count(*) FROM audit");
  by_analyst = send ("PUT", "/indicators/credit-verification-coverage/region-target", analyst,
                     "{\"target\":85,\"warning_gap\":5}", NULL);
  hc_assert_status (by_analyst, 403, "forbidden");
  not_regional = send ("PUT", "/indicators/shared-data-sources/region-target", supervisor,
                       "{\"target\":1,\"warning_gap\":0}", NULL);
  hc_assert_status (not_regional, 409, "not_regional");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(HcTestResponse) r = send ("PUT", "/indicators/credit-verification-coverage/region-target",
                                          supervisor, bad[i].body, NULL);

      hc_assert_status (r, 422, bad[i].code);
      g_assert_cmpstr (hc_test_response_error_field (r), ==, bad[i].field);
    }
  g_assert_cmpint (count ("SELECT count(*) FROM indicator_region_targets"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM audit"), ==, audits);

  /* The province holds its 市县 to 75, 预警 within 3 points. */
  set = send ("PUT", "/indicators/credit-verification-coverage/region-target", supervisor,
              "{\"target\":75,\"warning_gap\":3}", NULL);
  hc_assert_status (set, 201, NULL);
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'indicator_region_target.set'"), ==, 1);
  held = detail ("credit-verification-coverage");
  targets = json_object_get_object_member (held, "region_targets");
  g_assert_cmpfloat (number (targets, "target"), ==, 75);
  g_assert_cmpstr (json_object_get_string_member (targets, "source"), ==, "regions");
  g_assert_cmpstr (json_object_get_string_member (targets, "set_by"), ==, "supervisor");
  y = region_year (held, "460100", 2023);
  g_assert_cmpfloat (number (y, "target"), ==, 75);
  g_assert_cmpfloat (number (y, "gap"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (y, "status"), ==, "unmet");
  g_assert_true (json_object_get_boolean_member (y, "lagging"));
  g_assert_cmpstr (json_object_get_string_member (region_year (held, "460200", 2023), "status"), ==, "met");
  /* The province's own value is still judged against the plan's 80. */
  g_assert_cmpfloat (number (held, "target"), ==, 80);

  /* Changing it needs the version seen. */
  again = send ("PUT", "/indicators/credit-verification-coverage/region-target", supervisor,
                "{\"target\":78,\"warning_gap\":3}", NULL);
  hc_assert_status (again, 428, "precondition_required");
  stale = send ("PUT", "/indicators/credit-verification-coverage/region-target", supervisor,
                "{\"target\":78,\"warning_gap\":3}", "\"7\"");
  hc_assert_status (stale, 412, "stale");
  /* One 市县 held to its own target. */
  own = send ("PUT", "/indicators/credit-verification-coverage/region-target", supervisor,
              "{\"target\":70,\"warning_gap\":0,\"region\":\"460100\"}", NULL);
  hc_assert_status (own, 201, NULL);
  changed = send ("PUT", "/indicators/credit-verification-coverage/region-target", supervisor,
                  "{\"target\":78,\"warning_gap\":3}", set->etag);
  hc_assert_status (changed, 200, NULL);
  g_clear_pointer (&held, json_object_unref);
  held = detail ("credit-verification-coverage");
  y = region_year (held, "460100", 2023);
  g_assert_cmpfloat (number (y, "target"), ==, 70);
  g_assert_cmpstr (json_object_get_string_member (y, "status"), ==, "met");
  y = region_year (held, "460200", 2023);
  g_assert_cmpfloat (number (y, "target"), ==, 78);
  g_assert_cmpstr (json_object_get_string_member (y, "status"), ==, "warning");
}

static void
test_trend_that_misses_is_a_warning (void)
{
  g_autofree char *a = submit_approved ("application-list-fulfilment", 2021, 58);
  g_autofree char *b = submit_approved ("application-list-fulfilment", 2022, 64);
  g_autofree char *c = submit_approved ("application-list-fulfilment", 2023, 69);
  g_autoptr(JsonObject) item = list_item (2023, "application-list-fulfilment");

  /* Yearly average (58 + 64 + 69) / 3 = 63.67; its trend reaches ~68.6 in
   * 2025, short of “> 70”: 预警. */
  g_assert_cmpfloat_with_epsilon (number (item, "aggregate"), (58.0 + 64 + 69) / 3, 1e-6);
  g_assert_cmpfloat_with_epsilon (number (item, "gap"), 70 - (58.0 + 64 + 69) / 3, 1e-6);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "warning");
}

/* 归集率 from catalog items made through the catalog API. */
static void
test_catalog_collection_rate_from_the_catalog (void)
{
  static const struct { int year; int expected; int collected; } items[] = {
    { 2023, 100, 100 }, { 2023, 200, 150 }, { 2023, 50, 60 }, { 2023, 0, 0 },
    { 2024, 10, 10 }, { 2024, 20, 25 },
  };
  g_autoptr(HcTestResponse) dept = NULL;
  g_autoptr(JsonObject) y2023 = NULL;
  g_autoptr(JsonObject) y2024 = NULL;
  gint64 department;

  dept = hc_test_request (server, "POST", "/departments", admin, "{\"code\":\"DSJ\",\"name\":\"省大数据管理局\"}");
  hc_assert_status (dept, 201, NULL);
  department = json_object_get_int_member (obj (dept), "id");
  for (int year = 2023; year <= 2024; year++)
    {
      g_autofree char *body = g_strdup_printf ("{\"year\":%d}", year);
      g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/catalog/versions", analyst, body);

      hc_assert_status (r, 201, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *path = g_strdup_printf ("/catalog/versions/%d/items", items[i].year);
      g_autofree char *body =
        g_strdup_printf ("{\"category\":\"registration\",\"name\":\"归集测试事项%u\",\"subject_type\":\"legal_person\","
                         "\"department_id\":%" G_GINT64_FORMAT ",\"disclosure\":\"public\",\"update_frequency\":\"monthly\","
                         "\"legal_basis\":\"《海南省社会信用条例》\",\"publicity_period\":\"3年\",\"expected_records\":%d,"
                         "\"collected_records\":%d}", i, department, items[i].expected, items[i].collected);
      g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", path, analyst, body);

      hc_assert_status (r, 201, NULL);
    }

  /* 2023: 2 of the 3 items with data expected reached it. */
  y2023 = detail_year ("catalog-collection-rate", 2023);
  g_assert_cmpint (json_object_get_int_member (y2023, "numerator"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (y2023, "denominator"), ==, 3);
  g_assert_cmpfloat_with_epsilon (number (y2023, "value"), 200.0 / 3, 1e-6);
  g_assert_cmpstr (json_object_get_string_member (y2023, "status"), ==, "unmet");

  /* 2024: all, and the yearly average (年均) is (66.7 + 100) / 2. */
  y2024 = list_item (2024, "catalog-collection-rate");
  g_assert_cmpfloat (number (y2024, "value"), ==, 100);
  g_assert_cmpfloat_with_epsilon (number (y2024, "aggregate"), (200.0 / 3 + 100) / 2, 1e-6);
  g_assert_cmpfloat_with_epsilon (number (y2024, "gap"), 90 - (200.0 / 3 + 100) / 2, 1e-6);
  g_assert_cmpstr (json_object_get_string_member (y2024, "status"), ==, "unmet");
}

/* 按年度更新优化数据目录清单 from the catalog: 2023's version (made by
 * the collection-rate test above, a draft) is not done until published,
 * and done once a supervisor publishes it. */
static void
test_catalog_update_follows_publishing (void)
{
  g_autoptr(JsonObject) draft = detail_year ("catalog-annual-update", 2023);
  g_autoptr(JsonObject) published_year = NULL;
  g_autoptr(HcTestResponse) version = hc_test_request (server, "GET", "/catalog/versions/2023", analyst, NULL);
  g_autoptr(HcTestResponse) publish = NULL;
  g_autoptr(HcTestResponse) records = NULL;
  JsonObject *rec;

  g_assert_cmpfloat (number (draft, "value"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (draft, "numerator"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (draft, "denominator"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (draft, "basis"), ==, "computed");

  hc_assert_status (version, 200, NULL);
  publish = send ("POST", "/catalog/versions/2023/publish", supervisor, "{}", version->etag);
  hc_assert_status (publish, 200, NULL);

  published_year = detail_year ("catalog-annual-update", 2023);
  g_assert_cmpfloat (number (published_year, "value"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (published_year, "numerator"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (published_year, "status"), ==, "met");
  records = hc_test_request (server, "GET", json_object_get_string_member (published_year, "records"), analyst, NULL);
  hc_assert_status (records, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj (records), "items")), ==, 1);
  rec = json_array_get_object_element (json_object_get_array_member (obj (records), "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (rec, "link"), ==, "/catalog/versions/2023");
  g_assert_cmpstr (json_object_get_string_member (rec, "detail"), ==, "published");
}

/* 修复型信用承诺 rate from the repairs: penalty repairs of the year, and
 * of those the ones with a commitment, by 市县; a list-entry repair is not
 * a 行政处罚 case and is not counted. */
static void
test_repair_commitment_rate_from_the_repairs (void)
{
  static const struct { const char *uscc; const char *region; gboolean commitment; } cases[] = {
    { "91460100MA5T30010X", "460100", TRUE }, { "91460100MA5T30020X", "460100", FALSE },
    { "91469002MA5T30030X", "469002", TRUE },
  };
  gint64 dept = hc_test_create_department (server, "ZJ-REPAIR", "省住房和城乡建设厅（修复承诺测试）");
  g_autoptr(JsonObject) before = detail_year ("repair-commitment-rate", 2022);
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) d = NULL;
  g_autoptr(HcTestResponse) records = NULL;

  g_assert_true (json_object_get_null_member (before, "value"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = NULL;
      g_autoptr(HcTestResponse) r = NULL;
      char uscc[19];

      g_strlcpy (uscc, cases[i].uscc, sizeof uscc);
      uscc[16] = hc_org_code_compute_check (uscc + 8);
      uscc[17] = '\0';
      uscc[17] = hc_uscc_compute_check (uscc);
      uscc[18] = '\0';
      hc_test_create_subject (server, uscc, "修复承诺测试有限公司", "legal_person", cases[i].region);
      body = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"reason\":\"已整改\","
                              "\"applied_on\":\"2022-04-0%u\",\"commitment\":%s,\"department\":%" G_GINT64_FORMAT "}",
                              uscc, i + 1, cases[i].commitment ? "true" : "false", dept);
      r = hc_test_request (server, "POST", "/repairs", analyst, body);
      hc_assert_status (r, 201, NULL);
    }

  after = detail_year ("repair-commitment-rate", 2022);
  g_assert_cmpint (json_object_get_int_member (after, "numerator"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (after, "denominator"), ==, 3);
  g_assert_cmpfloat_with_epsilon (number (after, "value"), 200.0 / 3, 1e-4);
  d = detail ("repair-commitment-rate");
  g_assert_cmpint (json_object_get_int_member (region_year (d, "460100", 2022), "numerator"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (region_year (d, "460100", 2022), "denominator"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (region_year (d, "460100", 2022), "status"), ==, "unmet");
  g_assert_cmpstr (json_object_get_string_member (region_year (d, "469002", 2022), "status"), ==, "met");
  records = hc_test_request (server, "GET", "/indicators/repair-commitment-rate/values/2022/records?region=460100",
                             analyst, NULL);
  hc_assert_status (records, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj (records), "items")), ==, 2);
}

/* 信用修复超期核查率 from cases made through the subjects and repairs APIs.
 * Decisions taken today come after a deadline of 2024: all are overdue. */
static void
test_repair_overdue_rate_from_the_repairs (void)
{
  static const char * const subjects[][2] = {
    { "91460100MA5T100082", "460100" }, { "91460200MA5T100162", "460200" },
  };
  g_autoptr(JsonObject) y2024 = NULL;
  g_autoptr(HcTestResponse) detail = NULL;
  g_autoptr(HcTestResponse) records = NULL;
  g_autoptr(HcTestResponse) one_region = NULL;
  g_autoptr(HcTestResponse) reported = NULL;
  g_autoptr(HcTestResponse) bad_year = NULL;
  g_autoptr(HcTestResponse) bad_region = NULL;
  JsonArray *regions, *items;
  gint64 decided_id = 0;
  /* 谁认定、谁修复: the department that decided the penalties decides */
  gint64 tax = hc_test_create_department (server, "SW-REPAIR", "国家税务总局海南省税务局（修复测试）");
  const char *tax_supervisor = hc_test_create_user_in (server, "tax_supervisor", "supervisor", tax);

  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"超期核查测试%u有限公司\","
                                               "\"type\":\"legal_person\",\"region\":\"%s\",\"industry\":\"批发零售\"}",
                                               subjects[i][0], i, subjects[i][1]);
      g_autofree char *repair = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"reason\":\"已完成整改\","
                                                 "\"applied_on\":\"2024-03-0%u\",\"department\":%" G_GINT64_FORMAT "}",
                                                 subjects[i][0], i + 1, tax);
      g_autoptr(HcTestResponse) s = hc_test_request (server, "POST", "/subjects", analyst, body);
      g_autoptr(HcTestResponse) r = NULL;

      hc_assert_status (s, 201, NULL);
      r = hc_test_request (server, "POST", "/repairs", analyst, repair);
      hc_assert_status (r, 201, NULL);
      if (i == 0)
        {
          g_autofree char *path = g_strdup_printf ("/repairs/%" G_GINT64_FORMAT "/decision",
                                                   json_object_get_int_member (obj (r), "id"));
          g_autoptr(HcTestResponse) d = send ("POST", path, tax_supervisor, "{\"decision\":\"approve\"}", r->etag);

          hc_assert_status (d, 200, NULL);
          decided_id = json_object_get_int_member (obj (r), "id");
        }
    }
  g_assert_cmpint (decided_id, >, 0);

  y2024 = detail_year ("repair-overdue-rate", 2024);
  g_assert_cmpint (json_object_get_int_member (y2024, "numerator"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (y2024, "denominator"), ==, 2);
  g_assert_cmpfloat (number (y2024, "value"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (y2024, "status"), ==, "unmet");

  detail = hc_test_request (server, "GET", "/indicators/repair-overdue-rate", analyst, NULL);
  regions = json_object_get_array_member (obj (detail), "regions");
  /* Every 市县, each with its own counts. */
  g_assert_cmpuint (json_array_get_length (regions), ==, 19);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (regions, 0), "region"), ==, "460100");
  g_assert_cmpint (json_object_get_int_member (region_year (obj (detail), "460200", 2024), "denominator"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (region_year (obj (detail), "460200", 2024), "records"), ==,
                   "/indicators/repair-overdue-rate/values/2024/records?region=460200");

  /* The records behind the counts, each saying whether it is overdue. */
  g_assert_cmpstr (json_object_get_string_member (y2024, "records"), ==,
                   "/indicators/repair-overdue-rate/values/2024/records");
  records = hc_test_request (server, "GET", json_object_get_string_member (y2024, "records"), analyst, NULL);
  hc_assert_status (records, 200, NULL);
  items = json_object_get_array_member (obj (records), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *rec = json_array_get_object_element (items, i);

      g_assert_cmpstr (json_object_get_string_member (rec, "type"), ==, "repair");
      g_assert_cmpint (json_object_get_int_member (rec, "counted"), ==, 1);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (rec, "link"), "/repairs/"));
    }
  one_region = hc_test_request (server, "GET", "/indicators/repair-overdue-rate/values/2024/records?region=460200",
                                analyst, NULL);
  hc_assert_status (one_region, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj (one_region), "items")), ==, 1);
  /* The listing exports through the one export mechanism: the same rows. */
  {
    g_autoptr(HcTestResponse) csv = hc_test_request_accept (server, "GET", "/indicators/repair-overdue-rate/values/2024/records",
                                                            analyst, NULL, NULL, NULL, "text/csv");
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;

    hc_assert_status (csv, 200, NULL);
    g_assert_cmpstr (csv->content_type, ==, "text/csv");
    text = g_strndup (g_bytes_get_data (csv->body, NULL), g_bytes_get_size (csv->body));
    g_assert_nonnull (strstr (text, "记录类型,编号,主体名称,统一社会信用代码/身份证号码,市县,内容,日期,计入分子"));
    g_assert_nonnull (strstr (text, "信用修复"));
    lines = g_strsplit_set (g_strstrip (text), "\n", -1);
    /* The header and the two repairs. */
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_true (g_str_has_suffix (g_strstrip (lines[1]), ",是"));
  }
  /* An English reader gets English headers, labels and 市县 names. */
  {
    g_autofree char *english = hc_test_get_csv (server, "/indicators/repair-overdue-rate/values/2024/records",
                                                analyst, "en");

    g_assert_nonnull (strstr (english, "Record type,Reference,Subject name,USCC / ID number,City or county,"
                                       "Content,Date,Counted in numerator"));
    g_assert_nonnull (strstr (english, "Credit repair,"));
    g_assert_nonnull (strstr (english, ",Sanya,"));
    g_assert_nonnull (strstr (english, ",Yes"));
    g_assert_null (strstr (english, "信用修复"));
    g_assert_null (strstr (english, "三亚市"));
  }
  reported = hc_test_request (server, "GET", "/indicators/shared-data-sources/values/2024/records", analyst, NULL);
  hc_assert_status (reported, 409, "not_computed");
  bad_year = hc_test_request (server, "GET", "/indicators/repair-overdue-rate/values/2030/records", analyst, NULL);
  hc_assert_status (bad_year, 422, "invalid_year");
  bad_region = hc_test_request (server, "GET", "/indicators/repair-overdue-rate/values/2024/records?region=1",
                                analyst, NULL);
  hc_assert_status (bad_region, 422, "invalid_region");
}

/* List shares (守信激励名单 share of enterprises in business): the
 * denominator counts organisations registered by the year's end, by 市县,
 * not persons; an entry published after the year's end is not counted.
 * (Entries made through the API are dated today, after the plan period, so
 * a numerator above 0 cannot be set up through the API here.) */
static void
test_list_share_counts_organisations_in_business (void)
{
  static const char * const subjects[][4] = {
    { "91460400MA5T100247", "legal_person", "460400", "2021-05-01" },
    { "91469005MA5T100325", "legal_person", "469005", "2023-02-01" },
    { "460100197512310014", "natural_person", "460100", "2021-01-01" },
  };
  g_autoptr(HcTestResponse) dept = NULL;
  g_autoptr(HcTestResponse) entry = NULL;
  g_autoptr(HcTestResponse) noticed = NULL;
  g_autoptr(HcTestResponse) published = NULL;
  g_autoptr(HcTestResponse) detail = NULL;
  g_autofree char *entry_body = NULL;
  g_autofree char *path = NULL;
  JsonArray *values, *regions;

  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"名单占比测试%u\",\"type\":\"%s\","
                                               "\"region\":\"%s\",\"industry\":\"住宿餐饮\",\"registered_on\":\"%s\"}",
                                               subjects[i][0], i, subjects[i][1], subjects[i][2], subjects[i][3]);
      g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/subjects", analyst, body);

      hc_assert_status (r, 201, NULL);
    }
  dept = hc_test_request (server, "POST", "/departments", admin, "{\"code\":\"SW\",\"name\":\"国家税务总局海南省税务局\"}");
  hc_assert_status (dept, 201, NULL);
  entry_body = g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《纳税信用管理办法（试行）》\","
                                "\"facts\":\"连续三年纳税信用A级\",\"measures\":[\"red.green_channel\"]}",
                                subjects[0][0], json_object_get_int_member (obj (dept), "id"));
  entry = hc_test_request (server, "POST", "/lists/red/entries", analyst, entry_body);
  hc_assert_status (entry, 201, NULL);
  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", json_object_get_int_member (obj (entry), "id"));
  noticed = send ("POST", path, analyst, "{\"action\":\"notice\",\"reason\":\"已告知\"}", entry->etag);
  hc_assert_status (noticed, 200, NULL);
  published = send ("POST", path, analyst, "{\"action\":\"publish\",\"reason\":\"公示\"}", noticed->etag);
  hc_assert_status (published, 200, NULL);

  detail = hc_test_request (server, "GET", "/indicators/incentive-list-share-growth", analyst, NULL);
  hc_assert_status (detail, 200, NULL);
  values = json_object_get_array_member (obj (detail), "values");
  /* values[0] is the baseline year 2020; 2021–2025 follow. */
  g_assert_cmpuint (json_array_get_length (values), ==, 6);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *v = json_array_get_object_element (values, i + 1);

      g_assert_cmpint (json_object_get_int_member (v, "numerator"), ==, 0);
      g_assert_cmpint (json_object_get_int_member (v, "denominator"), ==, i < 2 ? 1 : 2);
      g_assert_cmpfloat (number (v, "value"), ==, 0);
      /* A baseline share of 0 gives no change to measure. */
      g_assert_cmpstr (json_object_get_string_member (v, "status"), ==, "no_data");
    }
  /* The records behind the numerator: the organisations on the list at
   * the year's end — none here, as the numerator says. */
  {
    JsonObject *y2025 = json_array_get_object_element (values, 5);
    g_autoptr(HcTestResponse) records = NULL;
    g_autoptr(HcTestResponse) black = NULL;

    g_assert_cmpstr (json_object_get_string_member (y2025, "records"), ==,
                     "/indicators/incentive-list-share-growth/values/2025/records");
    records = hc_test_request (server, "GET", json_object_get_string_member (y2025, "records"), analyst, NULL);
    hc_assert_status (records, 200, NULL);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj (records), "items")), ==, 0);
    black = hc_test_request (server, "GET", "/indicators/serious-dishonesty-share-decline/values/2024/records?region=460400",
                             analyst, NULL);
    hc_assert_status (black, 200, NULL);
  }
  /* Every 市县; those without organisations have nothing to count. */
  regions = json_object_get_array_member (obj (detail), "regions");
  g_assert_cmpuint (json_array_get_length (regions), ==, 19);
  g_assert_cmpint (json_object_get_int_member (region_year (obj (detail), "460400", 2023), "denominator"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (region_year (obj (detail), "469005", 2023), "denominator"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (region_year (obj (detail), "460100", 2023), "denominator"), ==, 0);
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
  g_assert_cmpfloat (number (json_array_get_object_element (items, 0), "value"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "status"), ==, "unmet");
  g_assert_cmpfloat (number (json_array_get_object_element (items, 1), "value"), ==, 1);
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

/* 表1's "降至10%以下": 以下 includes the number, so 10.0% meets it. Ten
 * 行政处罚信息 repairs of 2023, nine decided on their application day, one
 * left overdue: 10.0%. An overdue repair of a list entry in the same year is
 * not a penalty repair and is not counted. */
static void
test_ten_percent_overdue_is_met (void)
{
  g_autoptr(HcTestResponse) dept = NULL;
  g_autoptr(HcTestResponse) entry = NULL;
  g_autoptr(HcTestResponse) noticed = NULL;
  g_autoptr(HcTestResponse) published = NULL;
  g_autoptr(HcTestResponse) entry_repair = NULL;
  g_autoptr(JsonObject) y2023 = NULL;
  g_autoptr(JsonObject) item = NULL;
  g_autofree char *entry_body = NULL;
  g_autofree char *entry_path = NULL;
  g_autofree char *entry_repair_body = NULL;
  gint64 first_id = 0, last_id = 0;
  gint64 decider = hc_test_create_department (server, "SJ-REPAIR", "省审计厅（修复测试）");

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("核查率十分之一测试%u有限公司", i);
      g_autofree char *repair = NULL;
      g_autoptr(HcTestResponse) r = NULL;
      char uscc[19];

      g_snprintf (uscc, sizeof uscc, "91460100%08u", 20230500 + i);
      uscc[16] = hc_org_code_compute_check (uscc + 8);
      uscc[17] = '\0';
      uscc[17] = hc_uscc_compute_check (uscc);
      uscc[18] = '\0';
      hc_test_create_subject (server, uscc, name, "legal_person", "460100");
      repair = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"reason\":\"罚款已缴清\","
                                "\"applied_on\":\"2023-05-%02u\",\"department\":%" G_GINT64_FORMAT "}",
                                uscc, i + 1, decider);
      r = hc_test_request (server, "POST", "/repairs", analyst, repair);
      hc_assert_status (r, 201, NULL);
      if (i == 0)
        first_id = json_object_get_int_member (obj (r), "id");
      last_id = json_object_get_int_member (obj (r), "id");

      if (i == 9)
        {
          /* Overdue, on a list entry of the same subject: not counted. */
          dept = hc_test_request (server, "POST", "/departments", admin,
                                  "{\"code\":\"SCJG\",\"name\":\"海南省市场监督管理局\"}");
          hc_assert_status (dept, 201, NULL);
          entry_body = g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ","
                                        "\"basis\":\"《海南自由贸易港社会信用条例》\",\"measures\":[\"black.no_subsidies\"]}",
                                        uscc, json_object_get_int_member (obj (dept), "id"));
          entry = hc_test_request (server, "POST", "/lists/black/entries", analyst, entry_body);
          hc_assert_status (entry, 201, NULL);
          entry_path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions",
                                        json_object_get_int_member (obj (entry), "id"));
          /* Four eyes: a supervisor who did not propose it publishes it,
           * with no notice period for this test's list type (the notice
           * keeps the period in force when it is given). */
          {
            g_autoptr(HcTestResponse) days = hc_test_request (server, "PATCH", "/list-types/black", admin,
                                                              "{\"notice_days\":0}");
            hc_assert_status (days, 200, NULL);
          }
          noticed = send ("POST", entry_path, analyst, "{\"action\":\"notice\"}", entry->etag);
          hc_assert_status (noticed, 200, NULL);
          published = send ("POST", entry_path, supervisor, "{\"action\":\"publish\"}", noticed->etag);
          hc_assert_status (published, 200, NULL);
          entry_repair_body = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"list_entry\",\"entry_id\":%"
                                               G_GINT64_FORMAT ",\"reason\":\"已履行全部义务\",\"applied_on\":\"2023-06-01\"}",
                                               uscc, json_object_get_int_member (obj (entry), "id"));
          entry_repair = hc_test_request (server, "POST", "/repairs", analyst, entry_repair_body);
          hc_assert_status (entry_repair, 201, NULL);
        }
    }

  /* Nine decided on the day they were applied for (the API dates a
   * decision today, after the plan period). */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE repairs SET state = 'approved', decided_on = applied_on,"
                                            " decided_by = 'supervisor' WHERE kind = 'penalty'"
                                            " AND id BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT,
                                            first_id, last_id - 1);
    hc_test_server_backdate (server, sql);
  }

  y2023 = detail_year ("repair-overdue-rate", 2023);
  g_assert_cmpint (json_object_get_int_member (y2023, "numerator"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (y2023, "denominator"), ==, 10);
  g_assert_cmpfloat (number (y2023, "value"), ==, 10.0);
  g_assert_cmpstr (json_object_get_string_member (y2023, "status"), ==, "met");
  g_assert_cmpfloat (number (y2023, "gap"), ==, 0);

  item = list_item (2023, "repair-overdue-rate");
  g_assert_cmpstr (json_object_get_string_member (item, "op"), ==, "<=");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "met");
}

/* 2020 (十三五末) is the baseline of the two "提升/下降超过10%" list shares:
 * it can be reported by hand (and reviewed) though the shares are computed,
 * and the change is stated as relative to it. Other years of a computed
 * indicator, and 2020 of any other indicator, are refused. */
static void
test_baseline_2020 (void)
{
  g_autoptr(HcTestResponse) reported = NULL;
  g_autoptr(HcTestResponse) approved = NULL;
  g_autoptr(HcTestResponse) plan_year = NULL;
  g_autoptr(HcTestResponse) too_early = NULL;
  g_autoptr(HcTestResponse) other = NULL;
  g_autoptr(HcTestResponse) detail = NULL;
  g_autoptr(JsonObject) item = NULL;
  JsonArray *values;
  JsonObject *base, *y2024;
  gint64 before = count ("SELECT count(*) FROM indicator_values");

  plan_year = put_value ("incentive-list-share-growth", 2021, analyst, "{\"value\":1.5,\"evidence\":\"统计\"}", NULL);
  hc_assert_status (plan_year, 409, "computed_indicator");
  too_early = put_value ("incentive-list-share-growth", 2019, analyst, "{\"value\":1.5,\"evidence\":\"统计\"}", NULL);
  hc_assert_status (too_early, 409, "computed_indicator");
  other = put_value ("credit-verification-coverage", 2020, analyst, "{\"value\":50,\"evidence\":\"统计\"}", NULL);
  hc_assert_status (other, 422, "invalid_year");
  g_assert_cmpint (count ("SELECT count(*) FROM indicator_values"), ==, before);

  item = list_item (2024, "incentive-list-share-growth");
  g_assert_cmpstr (json_object_get_string_member (item, "change"), ==, "relative");
  g_assert_cmpint (json_object_get_int_member (item, "baseline_year"), ==, 2020);

  reported = put_value ("incentive-list-share-growth", 2020, analyst,
                        "{\"value\":40,\"evidence\":\"2020年末守信激励名单企业占比统计\"}", NULL);
  hc_assert_status (reported, 201, NULL);
  approved = review ("incentive-list-share-growth", 2020, supervisor, "{\"decision\":\"approve\"}", reported->etag);
  hc_assert_status (approved, 200, NULL);
  g_assert_cmpint (audit_count ("indicator_value.submit", "incentive-list-share-growth/2020"), ==, 1);

  detail = hc_test_request (server, "GET", "/indicators/incentive-list-share-growth", analyst, NULL);
  hc_assert_status (detail, 200, NULL);
  values = json_object_get_array_member (obj (detail), "values");
  g_assert_cmpuint (json_array_get_length (values), ==, 6);
  base = json_array_get_object_element (values, 0);
  g_assert_cmpint (json_object_get_int_member (base, "year"), ==, 2020);
  g_assert_cmpfloat (number (base, "value"), ==, 40);
  g_assert_cmpstr (json_object_get_string_member (base, "state"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (base, "reviewed_by"), ==, "supervisor");

  /* 2024 is computed from the data (earlier tests registered enterprises,
   * none on the red list by then): its change is relative to 40. */
  y2024 = json_array_get_object_element (values, 4);
  g_assert_cmpint (json_object_get_int_member (y2024, "year"), ==, 2024);
  g_assert_true (json_object_has_member (y2024, "denominator"));
  g_assert_cmpint (json_object_get_int_member (y2024, "denominator"), >, 0);
  g_assert_cmpfloat_with_epsilon (number (y2024, "aggregate"), (number (y2024, "value") - 40) / 40 * 100, 1e-6);
  g_assert_cmpstr (json_object_get_string_member (y2024, "status"), !=, "no_data");
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
  gint64 audits = count ("SELECT count(*) FROM audit WHERE action = 'indicators.report'");

  /* A value reviewed by supervisor2, to be named as its reviewer. */
  etag = submit ("self-discipline-commitment-industries", 2022, 4);
  approved = review ("self-discipline-commitment-industries", 2022, supervisor2, "{\"decision\":\"approve\"}", etag);
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
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'indicators.report'"), ==, audits + 1);

  /* A year outside the plan: 400 at year, nothing rendered or audited. */
  bad = hc_test_request (server, "GET", "/indicators/report.pdf?year=2030", analyst, NULL);
  hc_assert_status (bad, 400, "invalid_parameter");
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'indicators.report'"), ==, audits + 1);

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
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  admin = hc_test_server_token (server, "admin");
  hc_test_create_user (server, "analyst", "analyst");
  hc_test_create_user (server, "supervisor", "supervisor");
  hc_test_create_user (server, "supervisor2", "supervisor");
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
  g_test_add_func ("/indicators/computed-indicator-refuses-reports", test_computed_indicator_refuses_reports);
  g_test_add_func ("/indicators/computed-without-data-is-no-data", test_computed_without_data_is_no_data);
  g_test_add_func ("/indicators/bad-input-changes-nothing", test_bad_input_changes_nothing);
  g_test_add_func ("/indicators/regional-values", test_regional_values);
  g_test_add_func ("/indicators/regional-rules-and-targets", test_regional_rules_and_targets);
  g_test_add_func ("/indicators/review-queue", test_review_queue);
  g_test_add_func ("/indicators/trend-that-misses-is-a-warning", test_trend_that_misses_is_a_warning);
  g_test_add_func ("/indicators/catalog-collection-rate-from-the-catalog",
                   test_catalog_collection_rate_from_the_catalog);
  g_test_add_func ("/indicators/repair-overdue-rate-from-the-repairs", test_repair_overdue_rate_from_the_repairs);
  g_test_add_func ("/indicators/list-share-counts-organisations-in-business",
                   test_list_share_counts_organisations_in_business);
  g_test_add_func ("/indicators/catalog-update-follows-publishing", test_catalog_update_follows_publishing);
  g_test_add_func ("/indicators/repair-commitment-rate-from-the-repairs",
                   test_repair_commitment_rate_from_the_repairs);
  g_test_add_func ("/indicators/ten-percent-overdue-is-met", test_ten_percent_overdue_is_met);
  g_test_add_func ("/indicators/baseline-2020", test_baseline_2020);
  g_test_add_func ("/indicators/demo-values", test_demo_values);
  g_test_add_func ("/indicators/table-1-pdf-and-xlsx", test_table_1_pdf_and_xlsx);

  ret = g_test_run ();
  hc_test_server_free (server);
  return ret;
}
