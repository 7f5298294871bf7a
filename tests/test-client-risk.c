/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's risk calls against the real server: the heat map matrix as
 * typed values, the risk events in pages, and bad filters as errors. */
#include "config.h"

#include <string.h>

#include "hc-client.h"
#include "hc-risk-alert.h"
#include "hc-risk-event.h"
#include "hc-test-client.h"

#define HAIKOU "460100"
#define SANYA "460200"
#define WUZHISHAN "469001"

static gint64
post_event (HcTestServer *server,
            const char   *region,
            const char   *date,
            const char   *category)
{
  g_autofree char *body =
    g_strdup_printf ("{\"region\":\"%s\",\"occurred_on\":\"%s\",\"category\":\"%s\",\"severity\":3,"
                     "\"title\":\"事件 %s %s\"}", region, date, category, region, date);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/risk/events",
                                                 hc_test_server_token (server, "admin"), body);

  hc_assert_status (r, 201, NULL);
  return json_object_get_int_member (hc_test_response_object (r), "id");
}

static HcHeatmap *
get_heatmap_measure (HcClient    *client,
                     const char  *by,
                     const char  *category,
                     const char  *measure,
                     const char  *normalize,
                     GError     **error)
{
  HcTestWait wait = { NULL };
  HcHeatmap *heatmap;

  hc_client_get_heatmap_async (client, by, "2025-01", "2025-12", category, measure, normalize,
                               NULL, hc_test_wait_store, &wait);
  heatmap = hc_client_get_heatmap_finish (client, hc_test_wait_for (&wait), error);
  g_clear_object (&wait.result);
  return heatmap;
}

static HcHeatmap *
get_heatmap (HcClient    *client,
             const char  *by,
             const char  *category,
             const char  *normalize,
             GError     **error)
{
  return get_heatmap_measure (client, by, category, NULL, normalize, error);
}

static void
test_client_risk_heatmap_counts_the_events (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "admin");
  g_autoptr(HcHeatmap) by_region = NULL;
  g_autoptr(HcHeatmap) by_month = NULL;
  g_autoptr(HcHeatmap) by_category = NULL;
  g_autoptr(HcHeatmap) finance = NULL;
  g_autoptr(HcHeatmap) per10k = NULL;
  g_autoptr(HcHeatmap) severity = NULL;
  g_autoptr(GError) error = NULL;
  int haikou, sanya, wuzhishan;

  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-03-%02d", i);
      post_event (server, HAIKOU, date, i <= 2 ? "finance" : "smuggling");
    }
  post_event (server, SANYA, "2025-07-10", "tourism");

  by_region = get_heatmap (client, "region", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_region->n_rows, ==, 19);
  g_assert_cmpuint (by_region->n_columns, ==, 1);
  haikou = hc_heatmap_find_row (by_region, HAIKOU);
  sanya = hc_heatmap_find_row (by_region, SANYA);
  wuzhishan = hc_heatmap_find_row (by_region, WUZHISHAN);
  g_assert_cmpint (haikou, >=, 0);
  g_assert_cmpint (sanya, >=, 0);
  g_assert_cmpint (wuzhishan, >=, 0);
  g_assert_cmpint (hc_heatmap_find_row (by_region, "999999"), ==, -1);
  g_assert_cmpstr (by_region->row_names[haikou], ==, "海口市");
  g_assert_cmpfloat (hc_heatmap_get_value (by_region, haikou, 0), ==, 5);
  g_assert_cmpfloat (hc_heatmap_get_value (by_region, sanya, 0), ==, 1);
  g_assert_cmpfloat (hc_heatmap_get_value (by_region, wuzhishan, 0), ==, 0);
  g_assert_cmpfloat (by_region->max, ==, 5);
  g_assert_cmpfloat (by_region->min, ==, 0);
  g_assert_cmpint (by_region->total, ==, 6);

  by_month = get_heatmap (client, "region-month", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_month->n_columns, ==, 12);
  g_assert_cmpstr (by_month->columns[2], ==, "2025-03");
  g_assert_cmpfloat (hc_heatmap_get_value (by_month, haikou, 2), ==, 5);
  g_assert_cmpfloat (hc_heatmap_get_value (by_month, haikou, 6), ==, 0);
  g_assert_cmpfloat (hc_heatmap_get_value (by_month, sanya, 6), ==, 1);

  by_category = get_heatmap (client, "region-category", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_category->n_columns, ==, 8);
  for (guint c = 0; c < by_category->n_columns; c++)
    {
      double expected = g_str_equal (by_category->columns[c], "finance") ? 2
                        : g_str_equal (by_category->columns[c], "smuggling") ? 3 : 0;
      g_assert_cmpfloat (hc_heatmap_get_value (by_category, haikou, c), ==, expected);
    }

  finance = get_heatmap (client, "region", "finance", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (hc_heatmap_get_value (finance, haikou, 0), ==, 2);
  g_assert_cmpfloat (hc_heatmap_get_value (finance, sanya, 0), ==, 0);
  g_assert_cmpint (finance->total, ==, 2);

  /* Per 10,000 residents: smaller than the count, still zero where none. */
  per10k = get_heatmap (client, "region", NULL, "per10k", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (hc_heatmap_get_value (per10k, haikou, 0), >, 0);
  g_assert_cmpfloat (hc_heatmap_get_value (per10k, haikou, 0), <, 5);
  g_assert_cmpfloat (hc_heatmap_get_value (per10k, wuzhishan, 0), ==, 0);
  g_assert_cmpfloat (per10k->max, <, 5);

  /* Severity: the sum of the events' severities (3 each). */
  severity = get_heatmap_measure (client, "region", NULL, "severity", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (hc_heatmap_get_value (severity, haikou, 0), ==, 15);
  g_assert_cmpfloat (hc_heatmap_get_value (severity, sanya, 0), ==, 3);
  g_assert_cmpfloat (hc_heatmap_get_value (severity, wuzhishan, 0), ==, 0);
}

static void
test_client_risk_events_come_in_pages (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "admin");
  g_autoptr(GHashTable) created = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  g_autofree char *last_date = NULL;
  gint64 ids[5];
  guint pages = 0;

  for (int i = 0; i < 5; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-0%d-15", i + 1);
      ids[i] = post_event (server, HAIKOU, date, "food_drug");
      g_hash_table_add (created, &ids[i]);
    }
  post_event (server, SANYA, "2025-02-01", "food_drug");
  post_event (server, HAIKOU, "2024-12-31", "food_drug");

  do
    {
      g_autoptr(HcPage) result = NULL;
      GListModel *page;
      g_autoptr(GError) error = NULL;
      g_autofree char *next = NULL;
      HcTestWait wait = { NULL };

      hc_client_list_risk_events_async (client, HAIKOU, "food_drug", "2025-01", "2025-12", 2, cursor,
                                        NULL, hc_test_wait_store, &wait);
      result = hc_client_list_risk_events_finish (client, hc_test_wait_for (&wait), &error);
      g_clear_object (&wait.result);
      g_assert_no_error (error);
      page = hc_page_get_items (result);
      next = g_strdup (hc_page_get_next_cursor (result));
      g_assert_true (g_list_model_get_item_type (page) == HC_TYPE_RISK_EVENT);
      g_assert_cmpuint (g_list_model_get_n_items (page), <=, 2);
      for (guint i = 0; i < g_list_model_get_n_items (page); i++)
        {
          g_autoptr(HcRiskEvent) event = g_list_model_get_item (page, i);
          gint64 *id = g_new (gint64, 1);

          *id = hc_risk_event_get_id (event);
          g_assert_true (g_hash_table_contains (created, id));
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, id);
          g_assert_cmpstr (hc_risk_event_get_region (event), ==, HAIKOU);
          g_assert_cmpstr (hc_risk_event_get_region_name (event), ==, "海口市");
          g_assert_cmpstr (hc_risk_event_get_category (event), ==, "food_drug");
          g_assert_cmpint (hc_risk_event_get_severity (event), ==, 3);
          /* Newest first. */
          if (last_date != NULL)
            g_assert_cmpstr (hc_risk_event_get_occurred_on (event), <, last_date);
          g_free (last_date);
          last_date = g_strdup (hc_risk_event_get_occurred_on (event));
        }
      g_free (cursor);
      cursor = g_steal_pointer (&next);
      pages++;
    }
  while (cursor != NULL && pages < 10);

  g_assert_null (cursor);
  g_assert_cmpuint (pages, ==, 3);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 5);
}

static void
test_client_risk_bad_filter_is_an_invalid_request (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "admin");
  g_autoptr(HcHeatmap) heatmap = NULL;
  g_autoptr(HcPage) page = NULL;
  g_autoptr(GError) error = NULL;
  HcTestWait wait = { NULL };

  heatmap = get_heatmap (client, "region", "not-a-category", NULL, &error);
  g_assert_null (heatmap);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_INVALID);
  g_assert_cmpstr (hc_client_error_get_code (error), ==, "invalid_parameter");
  g_clear_error (&error);

  hc_client_list_risk_events_async (client, "999999", NULL, NULL, NULL, 0, NULL,
                                    NULL, hc_test_wait_store, &wait);
  page = hc_client_list_risk_events_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_null (page);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_INVALID);
}

static HcPage *
list_alerts (HcClient    *client,
             const char  *state,
             GError     **error)
{
  HcTestWait wait = { NULL };
  HcPage *page;

  hc_client_list_risk_alerts_async (client, state, NULL, 50, NULL, TRUE, NULL, hc_test_wait_store, &wait);
  page = hc_client_list_risk_alerts_finish (client, hc_test_wait_for (&wait), error);
  g_clear_object (&wait.result);
  return page;
}

static HcRiskAlert *
move_alert (HcClient     *client,
            HcRiskAlert  *alert,
            gboolean      acknowledge,
            const char   *note,
            GError      **error)
{
  HcTestWait wait = { NULL };
  HcRiskAlert *after;

  if (acknowledge)
    {
      hc_client_acknowledge_risk_alert_async (client, alert, note, NULL, hc_test_wait_store, &wait);
      after = hc_client_acknowledge_risk_alert_finish (client, hc_test_wait_for (&wait), error);
    }
  else
    {
      hc_client_close_risk_alert_async (client, alert, note, NULL, hc_test_wait_store, &wait);
      after = hc_client_close_risk_alert_finish (client, hc_test_wait_for (&wait), error);
    }
  g_clear_object (&wait.result);
  return after;
}

/* A rule warns when 三亚's tourism events rise by 60 % from one month to
 * the next: two in January, then the fourth in February (+100 %) raises
 * one alert, which the
 * client lists, acknowledges once (a note required) and closes. */
static void
test_client_risk_alerts_listed_acknowledged_and_closed (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "admin");
  g_autoptr(HcTestResponse) rule = NULL;
  g_autoptr(HcPage) none = NULL;
  g_autoptr(HcPage) open = NULL;
  g_autoptr(HcPage) still_open = NULL;
  g_autoptr(HcRiskAlert) alert = NULL;
  g_autoptr(HcRiskAlert) no_note = NULL;
  g_autoptr(HcRiskAlert) acked = NULL;
  g_autoptr(HcRiskAlert) again = NULL;
  g_autoptr(HcRiskAlert) stale = NULL;
  g_autoptr(HcRiskAlert) closed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *measure = NULL;

  rule = hc_test_request (server, "POST", "/risk/rules", hc_test_server_token (server, "admin"),
                          "{\"category\":\"tourism\",\"region\":\"" SANYA "\",\"kind\":\"rise\","
                          "\"window_months\":1,\"threshold\":60}");
  hc_assert_status (rule, 201, NULL);
  post_event (server, SANYA, "2025-01-05", "tourism");
  post_event (server, SANYA, "2025-01-06", "tourism");
  post_event (server, SANYA, "2025-02-05", "tourism");
  post_event (server, SANYA, "2025-02-06", "tourism");
  none = list_alerts (client, "open", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_page_get_total (none), ==, 0);

  post_event (server, SANYA, "2025-02-07", "tourism");
  post_event (server, SANYA, "2025-02-08", "tourism");
  open = list_alerts (client, "open", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_page_get_total (open), ==, 1);
  g_assert_cmpuint (hc_page_get_n_items (open), ==, 1);
  alert = g_list_model_get_item (hc_page_get_items (open), 0);
  g_assert_cmpstr (hc_risk_alert_get_region (alert), ==, SANYA);
  g_assert_cmpstr (hc_risk_alert_get_region_name (alert), ==, "三亚市");
  g_assert_cmpstr (hc_risk_alert_get_category (alert), ==, "tourism");
  g_assert_cmpstr (hc_risk_alert_get_kind (alert), ==, "rise");
  g_assert_cmpstr (hc_risk_alert_get_state (alert), ==, "raised");
  g_assert_true (hc_risk_alert_get_is_open (alert));
  g_assert_cmpstr (hc_risk_alert_get_window_from (alert), ==, "2025-02");
  g_assert_cmpstr (hc_risk_alert_get_window_to (alert), ==, "2025-02");
  g_assert_cmpint (hc_risk_alert_get_events (alert), ==, 4);
  g_assert_cmpfloat (hc_risk_alert_get_value (alert), ==, 100.0);
  g_assert_cmpfloat (hc_risk_alert_get_threshold (alert), ==, 60.0);
  measure = hc_risk_alert_dup_measure_text (alert);
  g_assert_nonnull (strstr (measure, "100.0"));
  g_assert_nonnull (strstr (measure, "60.0"));

  /* No note: refused, nothing changes. */
  no_note = move_alert (client, alert, TRUE, "   ", &error);
  g_assert_null (no_note);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_INVALID);
  g_assert_cmpstr (hc_client_error_get_field (error), ==, "note");
  g_clear_error (&error);

  acked = move_alert (client, alert, TRUE, "已派员核查", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hc_risk_alert_get_state (acked), ==, "acknowledged");
  g_assert_cmpstr (hc_risk_alert_get_note (acked), ==, "已派员核查");
  g_assert_cmpstr (hc_risk_alert_get_acknowledged_by (acked), ==, "admin");
  g_assert_cmpstr (hc_risk_alert_get_etag (acked), !=, hc_risk_alert_get_etag (alert));

  /* Acknowledged once: again is a conflict; with the old version, stale. */
  again = move_alert (client, acked, TRUE, "再次确认", &error);
  g_assert_null (again);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_CONFLICT);
  g_clear_error (&error);
  stale = move_alert (client, alert, FALSE, NULL, &error);
  g_assert_null (stale);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'risk_alert.acknowledge'"), ==, 1);

  closed = move_alert (client, acked, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hc_risk_alert_get_state (closed), ==, "closed");
  g_assert_false (hc_risk_alert_get_is_open (closed));
  still_open = list_alerts (client, "open", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_page_get_total (still_open), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client-risk/heatmap-counts-the-events", test_client_risk_heatmap_counts_the_events);
  g_test_add_func ("/client-risk/events-come-in-pages", test_client_risk_events_come_in_pages);
  g_test_add_func ("/client-risk/bad-filter-is-an-invalid-request", test_client_risk_bad_filter_is_an_invalid_request);
  g_test_add_func ("/client-risk/alerts-listed-acknowledged-and-closed",
                   test_client_risk_alerts_listed_acknowledged_and_closed);

  return g_test_run ();
}
