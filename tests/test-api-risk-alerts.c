/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of test-api-risk: risk rules and the alerts they raise. */
#include "config.h"

#include <string.h>

#include "hc-core.h"
#include "hc-test-server.h"
#include "test-api-risk.h"

static JsonObject *
open_alerts (HcTestServer    *srv,
             const char      *token,
             HcTestResponse **keep)
{
  HcTestResponse *r = hc_test_request (srv, "GET", "/risk/alerts?state=open&total=1", token, NULL);

  hc_assert_status (r, 200, NULL);
  *keep = r;
  return hc_test_response_object (r);
}

static HcTestResponse *
alert_request (HcTestServer *srv,
               const char   *token,
               gint64        id,
               const char   *verb,
               const char   *etag,
               const char   *body)
{
  g_autofree char *path = g_strdup_printf ("/risk/alerts/%" G_GINT64_FORMAT "/%s", id, verb);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return hc_test_request_full (srv, "POST", path, token, "application/json", bytes, etag);
}

static char *
alert_etag (HcTestServer *srv,
            const char   *token,
            gint64        id)
{
  g_autofree char *path = g_strdup_printf ("/risk/alerts/%" G_GINT64_FORMAT, id);
  g_autoptr(HcTestResponse) r = hc_test_request (srv, "GET", path, token, NULL);

  hc_assert_status (r, 200, NULL);
  g_assert_nonnull (r->etag);
  return g_strdup (r->etag);
}

/* 白沙 has two enterprises; the rule warns at 15,000 tourism events per
 * 10,000 enterprises over three months, i.e. at the third event. */
static void
test_alerts_threshold_raises_one_alert_acknowledged_once (void)
{
  g_autoptr(HcTestServer) fresh = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autofree char *ana = add_user (fresh, "alert.analyst", "analyst", ANALYST_PW);
  g_autofree char *sup = add_user (fresh, "alert.supervisor", "supervisor", SUPERVISOR_PW);
  const char *rule = "{\"category\":\"tourism\",\"region\":\"469025\",\"kind\":\"threshold\","
                     "\"window_months\":3,\"threshold\":15000}";
  g_autoptr(HcTestResponse) by_analyst = hc_test_request (fresh, "POST", "/risk/rules", ana, rule);
  g_autoptr(HcTestResponse) bad_kind = NULL;
  g_autoptr(HcTestResponse) bad_window = NULL;
  g_autoptr(HcTestResponse) created = NULL;
  g_autoptr(HcTestResponse) none = NULL;
  g_autoptr(HcTestResponse) one = NULL;
  g_autoptr(HcTestResponse) still_one = NULL;
  g_autoptr(HcTestResponse) no_note = NULL;
  g_autoptr(HcTestResponse) no_version = NULL;
  g_autoptr(HcTestResponse) acked = NULL;
  g_autoptr(HcTestResponse) again = NULL;
  g_autoptr(HcTestResponse) close_by_analyst = NULL;
  g_autoptr(HcTestResponse) closed = NULL;
  g_autoptr(HcTestResponse) after_close = NULL;
  g_autofree char *etag = NULL;
  JsonObject *page, *alert;
  gint64 alert_id;

  for (int i = 0; i < 2; i++)
    {
      g_autofree char *uscc = make_uscc ("469025");

      hc_test_create_subject (fresh, uscc, "白沙预警测试有限公司", "legal_person", "469025");
    }

  /* Rules are a supervisor's; a bad one is refused and adds nothing. */
  hc_assert_status (by_analyst, 403, "forbidden");
  bad_kind = hc_test_request (fresh, "POST", "/risk/rules", sup,
                              "{\"category\":\"tourism\",\"kind\":\"often\",\"window_months\":3,\"threshold\":1}");
  hc_assert_status (bad_kind, 422, "invalid_kind");
  g_assert_cmpstr (hc_test_response_error_field (bad_kind), ==, "kind");
  bad_window = hc_test_request (fresh, "POST", "/risk/rules", sup,
                                "{\"category\":\"tourism\",\"kind\":\"rise\",\"window_months\":0,\"threshold\":1}");
  hc_assert_status (bad_window, 422, "value_out_of_range");
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_rules"), ==, 0);
  created = hc_test_request (fresh, "POST", "/risk/rules", sup, rule);
  hc_assert_status (created, 201, NULL);

  /* Two events: 10,000 per 10,000 enterprises, below the line. */
  post_event (fresh, ana, "469025", "2025-01-05", "tourism", 2);
  post_event (fresh, ana, "469025", "2025-02-05", "tourism", 2);
  page = open_alerts (fresh, ana, &none);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 0);

  /* The third crosses it: one alert. */
  post_event (fresh, ana, "469025", "2025-03-05", "tourism", 4);
  page = open_alerts (fresh, ana, &one);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  alert = json_array_get_object_element (json_object_get_array_member (page, "items"), 0);
  alert_id = json_object_get_int_member (alert, "id");
  g_assert_cmpstr (json_object_get_string_member (alert, "region"), ==, "469025");
  g_assert_cmpstr (json_object_get_string_member (alert, "category"), ==, "tourism");
  g_assert_cmpstr (json_object_get_string_member (alert, "state"), ==, "raised");
  g_assert_cmpstr (json_object_get_string_member (alert, "window_from"), ==, "2025-01");
  g_assert_cmpstr (json_object_get_string_member (alert, "window_to"), ==, "2025-03");
  g_assert_cmpint (json_object_get_int_member (alert, "events"), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (alert, "value"), ==, 15000.0);

  /* More events above the line, another category, another 市县: still one. */
  post_event (fresh, ana, "469025", "2025-03-20", "tourism", 1);
  post_event (fresh, ana, "469025", "2025-03-21", "finance", 5);
  post_event (fresh, ana, "469026", "2025-03-21", "tourism", 5);
  page = open_alerts (fresh, ana, &still_one);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_alert.raise'"), ==, 1);

  /* Acknowledged with a note, once. */
  etag = alert_etag (fresh, ana, alert_id);
  no_note = alert_request (fresh, ana, alert_id, "acknowledge", etag, "{\"note\":\"  \"}");
  hc_assert_status (no_note, 422, "missing_comment");
  no_version = alert_request (fresh, ana, alert_id, "acknowledge", NULL, "{\"note\":\"已派员核查\"}");
  hc_assert_status (no_version, 428, "precondition_required");
  acked = alert_request (fresh, ana, alert_id, "acknowledge", etag, "{\"note\":\"已派员核查\"}");
  hc_assert_status (acked, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (acked), "state"), ==, "acknowledged");
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (acked), "acknowledged_by"), ==, "alert.analyst");
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (acked), "note"), ==, "已派员核查");
  again = alert_request (fresh, ana, alert_id, "acknowledge", acked->etag, "{\"note\":\"再次确认\"}");
  hc_assert_status (again, 409, "illegal_transition");
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_alert.acknowledge'"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts WHERE note = '已派员核查'"), ==, 1);

  /* A supervisor closes it; the next crossing raises a new one. */
  close_by_analyst = alert_request (fresh, ana, alert_id, "close", acked->etag, "{}");
  hc_assert_status (close_by_analyst, 403, "forbidden");
  closed = alert_request (fresh, sup, alert_id, "close", acked->etag, "{}");
  hc_assert_status (closed, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (closed), "state"), ==, "closed");
  post_event (fresh, ana, "469025", "2025-03-25", "tourism", 1);
  page = open_alerts (fresh, ana, &after_close);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts"), ==, 2);
}

static HcTestResponse *
patch_rule (HcTestServer *srv,
            const char   *path,
            const char   *token,
            const char   *etag,
            const char   *body)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return hc_test_request_full (srv, "PATCH", path, token, "application/json", bytes, etag);
}

/* A supervisor edits a rule in place (same id, next version, audited);
 * a bad value is refused at its field and changes nothing; an analyst may
 * not; a stale version is refused; the edited rule is what judges the
 * next event. */
static void
test_rules_edit_checks_and_judges_anew (void)
{
  g_autoptr(HcTestServer) fresh = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autofree char *ana = add_user (fresh, "rule.analyst", "analyst", ANALYST_PW);
  g_autofree char *sup = add_user (fresh, "rule.supervisor", "supervisor", SUPERVISOR_PW);
  g_autoptr(HcTestResponse) created =
    hc_test_request (fresh, "POST", "/risk/rules", sup,
                     "{\"category\":\"finance\",\"region\":\"460100\",\"kind\":\"threshold\","
                     "\"window_months\":3,\"threshold\":5000}");
  g_autoptr(HcTestResponse) by_analyst = NULL;
  g_autoptr(HcTestResponse) no_version = NULL;
  g_autoptr(HcTestResponse) nothing = NULL;
  g_autoptr(HcTestResponse) bad_category = NULL;
  g_autoptr(HcTestResponse) bad_region = NULL;
  g_autoptr(HcTestResponse) bad_threshold = NULL;
  g_autoptr(HcTestResponse) bad_window = NULL;
  g_autoptr(HcTestResponse) edited = NULL;
  g_autoptr(HcTestResponse) stale = NULL;
  g_autoptr(HcTestResponse) missing = NULL;
  g_autoptr(HcTestResponse) quiet = NULL;
  g_autoptr(HcTestResponse) raised = NULL;
  g_autofree char *path = NULL;
  JsonObject *rule, *page, *alert;

  hc_assert_status (created, 201, NULL);
  path = g_strdup_printf ("/risk/rules/%" G_GINT64_FORMAT,
                          json_object_get_int_member (hc_test_response_object (created), "id"));

  by_analyst = patch_rule (fresh, path, ana, created->etag, "{\"threshold\":1}");
  hc_assert_status (by_analyst, 403, "forbidden");
  no_version = patch_rule (fresh, path, sup, NULL, "{\"threshold\":1}");
  hc_assert_status (no_version, 428, "precondition_required");
  nothing = patch_rule (fresh, path, sup, created->etag, "{}");
  hc_assert_status (nothing, 422, "missing_field");
  bad_category = patch_rule (fresh, path, sup, created->etag, "{\"category\":\"weather\"}");
  hc_assert_status (bad_category, 422, "invalid_category");
  g_assert_cmpstr (hc_test_response_error_field (bad_category), ==, "category");
  bad_region = patch_rule (fresh, path, sup, created->etag, "{\"region\":\"110000\"}");
  hc_assert_status (bad_region, 422, "invalid_region");
  g_assert_cmpstr (hc_test_response_error_field (bad_region), ==, "region");
  bad_threshold = patch_rule (fresh, path, sup, created->etag, "{\"kind\":\"rise\",\"threshold\":-5}");
  hc_assert_status (bad_threshold, 422, "value_out_of_range");
  g_assert_cmpstr (hc_test_response_error_field (bad_threshold), ==, "threshold");
  bad_window = patch_rule (fresh, path, sup, created->etag, "{\"window_months\":25}");
  hc_assert_status (bad_window, 422, "value_out_of_range");
  g_assert_cmpstr (hc_test_response_error_field (bad_window), ==, "window_months");
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_rules WHERE version = 1 AND kind = 'threshold'"
                                              " AND category = 'finance' AND threshold = 5000"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_rule.update'"), ==, 0);

  /* Every 市县, a rise of 50 % over one month. */
  edited = patch_rule (fresh, path, sup, created->etag, "{\"region\":null,\"kind\":\"rise\",\"window_months\":1,\"threshold\":50}");
  hc_assert_status (edited, 200, NULL);
  rule = hc_test_response_object (edited);
  g_assert_cmpint (json_object_get_int_member (rule, "id"), ==,
                   json_object_get_int_member (hc_test_response_object (created), "id"));
  g_assert_cmpint (json_object_get_int_member (rule, "version"), ==, 2);
  g_assert_true (json_object_get_null_member (rule, "region") || !json_object_has_member (rule, "region"));
  g_assert_cmpstr (json_object_get_string_member (rule, "category"), ==, "finance");
  g_assert_cmpstr (json_object_get_string_member (rule, "kind"), ==, "rise");
  g_assert_cmpint (json_object_get_int_member (rule, "window_months"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (rule, "threshold"), ==, 50.0);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_rule.update'"), ==, 1);
  stale = patch_rule (fresh, path, sup, created->etag, "{\"threshold\":60}");
  hc_assert_status (stale, 412, NULL);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_rules WHERE threshold = 50 AND version = 2"), ==, 1);

  /* Judged as edited: in 三亚 (no longer only 海口) one finance event in
   * January, two in February is +100 % ≥ 50 %. */
  post_event (fresh, ana, "460200", "2025-01-10", "finance", 2);
  post_event (fresh, ana, "460200", "2025-02-10", "finance", 2);
  page = open_alerts (fresh, ana, &quiet);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 0);
  post_event (fresh, ana, "460200", "2025-02-11", "finance", 2);
  page = open_alerts (fresh, ana, &raised);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  alert = json_array_get_object_element (json_object_get_array_member (page, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (alert, "region"), ==, "460200");
  g_assert_cmpstr (json_object_get_string_member (alert, "kind"), ==, "rise");

  /* A rule out of force is not found. */
  g_free (path);
  path = g_strdup ("/risk/rules/999999");
  missing = patch_rule (fresh, path, sup, "\"1\"", "{\"threshold\":1}");
  hc_assert_status (missing, 404, "not_found");
}

/* The JSON array @member of @rejudged's answer, by length. */
static guint
rejudged_count (HcTestResponse *r,
                const char     *member)
{
  JsonObject *rejudged = json_object_get_object_member (hc_test_response_object (r), "rejudged");

  g_assert_nonnull (rejudged);
  return json_array_get_length (json_object_get_array_member (rejudged, member));
}

/* A rule created or edited is judged at once over the current window (the
 * window ending with the last month with events), in the same transaction:
 * lowering the line under what 白沙 already had raises the alert there and
 * then; raising it above leaves the open alert open, marked, never deleted;
 * lowering it again takes the mark away without a second alert; a 市县 no
 * longer watched marks it too; a refused edit judges nothing. */
static void
test_rules_rejudged_at_once (void)
{
  g_autoptr(HcTestServer) fresh = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autofree char *ana = add_user (fresh, "rejudge.analyst", "analyst", ANALYST_PW);
  g_autofree char *sup = add_user (fresh, "rejudge.supervisor", "supervisor", SUPERVISOR_PW);
  g_autoptr(HcTestResponse) created =
    hc_test_request (fresh, "POST", "/risk/rules", sup,
                     "{\"category\":\"tourism\",\"region\":\"469025\",\"kind\":\"threshold\","
                     "\"window_months\":3,\"threshold\":15000}");
  g_autoptr(HcTestResponse) none = NULL;
  g_autoptr(HcTestResponse) refused = NULL;
  g_autoptr(HcTestResponse) lowered = NULL;
  g_autoptr(HcTestResponse) one = NULL;
  g_autoptr(HcTestResponse) raised_again = NULL;
  g_autoptr(HcTestResponse) marked = NULL;
  g_autoptr(HcTestResponse) lowered_again = NULL;
  g_autoptr(HcTestResponse) elsewhere = NULL;
  g_autoptr(HcTestResponse) province = NULL;
  g_autoptr(HcTestResponse) got = NULL;
  g_autofree char *path = NULL;
  g_autofree char *alert_path = NULL;
  JsonObject *page, *alert, *rejudged;
  gint64 alert_id;

  hc_assert_status (created, 201, NULL);
  g_assert_cmpuint (rejudged_count (created, "raised"), ==, 0);
  path = g_strdup_printf ("/risk/rules/%" G_GINT64_FORMAT,
                          json_object_get_int_member (hc_test_response_object (created), "id"));
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *uscc = make_uscc ("469025");

      hc_test_create_subject (fresh, uscc, "白沙重判测试有限公司", "legal_person", "469025");
    }

  /* Two events: 10,000 per 10,000 enterprises, below 15,000. */
  post_event (fresh, ana, "469025", "2025-01-05", "tourism", 2);
  post_event (fresh, ana, "469025", "2025-02-05", "tourism", 2);
  page = open_alerts (fresh, ana, &none);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 0);

  /* A refused edit judges nothing. */
  refused = patch_rule (fresh, path, sup, created->etag, "{\"threshold\":-8000}");
  hc_assert_status (refused, 422, "value_out_of_range");
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts"), ==, 0);

  /* The line lowered to 8,000: the alert is there at once. */
  lowered = patch_rule (fresh, path, sup, created->etag, "{\"threshold\":8000}");
  hc_assert_status (lowered, 200, NULL);
  rejudged = json_object_get_object_member (hc_test_response_object (lowered), "rejudged");
  g_assert_cmpstr (json_object_get_string_member (rejudged, "window_from"), ==, "2024-12");
  g_assert_cmpstr (json_object_get_string_member (rejudged, "window_to"), ==, "2025-02");
  g_assert_cmpuint (rejudged_count (lowered, "raised"), ==, 1);
  g_assert_cmpuint (rejudged_count (lowered, "no_longer_met"), ==, 0);
  page = open_alerts (fresh, ana, &one);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  alert = json_array_get_object_element (json_object_get_array_member (page, "items"), 0);
  alert_id = json_object_get_int_member (alert, "id");
  g_assert_cmpint (alert_id, ==, json_array_get_int_element (json_object_get_array_member (rejudged, "raised"), 0));
  g_assert_cmpstr (json_object_get_string_member (alert, "region"), ==, "469025");
  g_assert_cmpstr (json_object_get_string_member (alert, "window_to"), ==, "2025-02");
  g_assert_cmpint (json_object_get_int_member (alert, "events"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (alert, "value"), ==, 10000.0);
  g_assert_cmpfloat (json_object_get_double_member (alert, "threshold"), ==, 8000.0);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_alert.raise'"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_rule.update'"), ==, 1);

  /* Above 10,000 again: the open alert stays open, marked, not deleted. */
  marked = patch_rule (fresh, path, sup, lowered->etag, "{\"threshold\":20000}");
  hc_assert_status (marked, 200, NULL);
  g_assert_cmpuint (rejudged_count (marked, "raised"), ==, 0);
  g_assert_cmpuint (rejudged_count (marked, "no_longer_met"), ==, 1);
  alert_path = g_strdup_printf ("/risk/alerts/%" G_GINT64_FORMAT, alert_id);
  alert = get_ok (fresh, ana, alert_path, &got);
  g_assert_cmpstr (json_object_get_string_member (alert, "state"), ==, "raised");
  g_assert_nonnull (json_object_get_string_member (alert, "lapsed_at"));
  g_assert_cmpfloat (json_object_get_double_member (alert, "lapsed_value"), ==, 10000.0);
  g_assert_cmpfloat (json_object_get_double_member (alert, "lapsed_threshold"), ==, 20000.0);
  g_assert_cmpfloat (json_object_get_double_member (alert, "threshold"), ==, 8000.0);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_alert.lapse'"), ==, 1);

  /* Lowered again: the mark goes, and no second alert is raised. */
  lowered_again = patch_rule (fresh, path, sup, marked->etag, "{\"threshold\":9000}");
  hc_assert_status (lowered_again, 200, NULL);
  g_assert_cmpuint (rejudged_count (lowered_again, "raised"), ==, 0);
  g_assert_cmpuint (rejudged_count (lowered_again, "no_longer_met"), ==, 0);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts WHERE lapsed_at IS NULL"
                                              " AND state = 'raised'"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_alert.lapse_cleared'"), ==, 1);

  /* Watching 海口 instead: 白沙's alert is no longer watched, marked with
   * no figure. */
  elsewhere = patch_rule (fresh, path, sup, lowered_again->etag, "{\"region\":\"460100\"}");
  hc_assert_status (elsewhere, 200, NULL);
  g_assert_cmpuint (rejudged_count (elsewhere, "no_longer_met"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts WHERE lapsed_at IS NOT NULL"
                                              " AND lapsed_value IS NULL AND state = 'raised'"), ==, 1);

  /* A new rule for every 市县 raises 白沙's alert as it is created. */
  province = hc_test_request (fresh, "POST", "/risk/rules", sup,
                              "{\"category\":\"tourism\",\"kind\":\"threshold\",\"window_months\":3,\"threshold\":5000}");
  hc_assert_status (province, 201, NULL);
  g_assert_cmpuint (rejudged_count (province, "raised"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts WHERE state = 'raised'"), ==, 2);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_alert.raise'"), ==, 2);
}

/* A rise rule: twice the events of the month before (+100 %) warns. */
static void
test_alerts_rise_against_the_window_before (void)
{
  g_autoptr(HcTestServer) fresh = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  const char *admin = hc_test_server_token (fresh, "admin");
  g_autoptr(HcTestResponse) created =
    hc_test_request (fresh, "POST", "/risk/rules", admin,
                     "{\"category\":\"finance\",\"kind\":\"rise\",\"window_months\":1,\"threshold\":100}");
  g_autoptr(HcTestResponse) flat = NULL;
  g_autoptr(HcTestResponse) doubled = NULL;
  JsonObject *page, *alert;

  hc_assert_status (created, 201, NULL);
  post_event (fresh, admin, "460200", "2025-05-03", "finance", 3);
  post_event (fresh, admin, "460200", "2025-06-03", "finance", 3);
  page = open_alerts (fresh, admin, &flat);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 0);
  post_event (fresh, admin, "460200", "2025-06-09", "finance", 3);
  page = open_alerts (fresh, admin, &doubled);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  alert = json_array_get_object_element (json_object_get_array_member (page, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (alert, "region"), ==, "460200");
  g_assert_cmpstr (json_object_get_string_member (alert, "kind"), ==, "rise");
  g_assert_cmpfloat (json_object_get_double_member (alert, "value"), ==, 100.0);
}

/* The demo's rules raise alerts from the start: every one above its line,
 * the oldest acknowledged with a note, the rest new; each raise audited. */
static void
test_demo_rules_raise_alerts (void)
{
  HcTestServer *demo = get_demo_server ();
  g_autoptr(HcTestResponse) open = NULL;
  JsonObject *page;
  JsonArray *items;
  guint n_acknowledged = 0;

  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM risk_rules WHERE active = 1"), ==, 4);
  page = open_alerts (demo, hc_test_server_token (demo, "admin"), &open);
  items = json_object_get_array_member (page, "items");
  g_assert_cmpint (json_object_get_int_member (page, "total"), >=, 3);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==,
                   hc_test_count_rows (demo, "SELECT count(*) FROM audit WHERE action = 'risk_alert.raise'"));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *alert = json_array_get_object_element (items, i);

      g_assert_cmpfloat (json_object_get_double_member (alert, "value"), >=,
                         json_object_get_double_member (alert, "threshold"));
      g_assert_cmpstr (json_object_get_string_member (alert, "window_to"), ==, "2025-12");
      if (g_str_equal (json_object_get_string_member (alert, "state"), "acknowledged"))
        {
          n_acknowledged++;
          g_assert_cmpstr (json_object_get_string_member (alert, "note"), !=, NULL);
        }
      else
        g_assert_cmpstr (json_object_get_string_member (alert, "state"), ==, "raised");
    }
  g_assert_cmpuint (n_acknowledged, ==, 1);
  /* 三沙's smuggling is the demo's hottest spot: it is among them. */
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM risk_alerts WHERE region = '460300'"
                                             " AND category = 'smuggling'"), ==, 1);
}

void
hc_test_risk_rules_add (void)
{
  g_test_add_func ("/risk/demo/rules-raise-alerts", test_demo_rules_raise_alerts);
  g_test_add_func ("/risk/rules/edit-checks-and-judges-anew", test_rules_edit_checks_and_judges_anew);
  g_test_add_func ("/risk/rules/rejudged-at-once", test_rules_rejudged_at_once);
}

void
hc_test_risk_alerts_add (void)
{
  g_test_add_func ("/risk/alerts/threshold-raises-one-alert-acknowledged-once",
                   test_alerts_threshold_raises_one_alert_acknowledged_once);
  g_test_add_func ("/risk/alerts/rise-against-the-window-before", test_alerts_rise_against_the_window_before);
}
