/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's indicator calls against the real demo-seeded server: the rows
 * and details are what the server holds, a report and a review go through
 * with their ETags, and a stale or invalid write is a typed error. */
#include "config.h"

#include "hc-client.h"
#include "hc-indicator-summary.h"
#include "hc-test-client.h"

static HcTestServer *server;

static HcIndicatorDetail *
get_detail (HcClient   *client,
            const char *key)
{
  g_autoptr(GError) error = NULL;
  HcIndicatorDetail *detail;
  HcTestWait wait = { NULL };

  hc_client_get_indicator_async (client, key, NULL, hc_test_wait_store, &wait);
  detail = hc_client_get_indicator_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  return detail;
}

static char *
submit (HcClient    *client,
        const char  *key,
        int          year,
        double       value,
        const char  *evidence,
        const char  *etag,
        GError     **error)
{
  HcTestWait wait = { NULL };
  char *new_etag;

  hc_client_submit_indicator_value_async (client, key, year, NULL, value, evidence, etag, NULL, hc_test_wait_store, &wait);
  new_etag = hc_client_submit_indicator_value_finish (client, hc_test_wait_for (&wait), error);
  g_clear_object (&wait.result);
  return new_etag;
}

static char *
review (HcClient    *client,
        const char  *key,
        int          year,
        const char  *etag,
        gboolean     approve,
        const char  *comment,
        GError     **error)
{
  HcTestWait wait = { NULL };
  char *new_etag;

  hc_client_review_indicator_value_async (client, key, year, NULL, etag, approve, comment, NULL, hc_test_wait_store, &wait);
  new_etag = hc_client_review_indicator_value_finish (client, hc_test_wait_for (&wait), error);
  g_clear_object (&wait.result);
  return new_etag;
}

static void
test_client_indicators_list_matches_server (void)
{
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "admin");
  g_autoptr(HcTestResponse) resp = hc_test_request (server, "GET", "/indicators?year=2023",
                                                    hc_test_server_token (server, "admin"), NULL);
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *items;
  HcTestWait wait = { NULL };

  hc_client_list_indicators_async (client, 2023, NULL, hc_test_wait_store, &wait);
  rows = hc_client_list_indicators_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);

  hc_assert_status (resp, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (resp), "items");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 22);
  g_assert_cmpuint (json_array_get_length (items), ==, 22);
  for (guint i = 0; i < 22; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autoptr(HcIndicatorSummary) row = g_list_model_get_item (rows, i);
      JsonNode *state = json_object_get_member (item, "state");

      g_assert_cmpstr (hc_indicator_summary_get_key (row), ==, json_object_get_string_member (item, "key"));
      g_assert_cmpstr (hc_indicator_summary_get_status (row), ==, json_object_get_string_member (item, "status"));
      g_assert_cmpstr (hc_indicator_summary_get_source (row), ==, json_object_get_string_member (item, "source"));
      g_assert_cmpstr (hc_indicator_summary_get_item (row), ==, json_object_get_string_member (item, "item"));
      g_assert_cmpstr (hc_indicator_summary_get_review_state (row), ==,
                       JSON_NODE_HOLDS_NULL (state) ? NULL : json_node_get_string (state));
      g_assert_cmpint (hc_indicator_summary_get_year (row), ==, 2023);
      g_assert_nonnull (hc_indicator_summary_get_status_label (row));
    }
}

static void
test_client_indicators_unknown_key_is_not_found (void)
{
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "admin");
  g_autoptr(GError) error = NULL;
  HcIndicatorDetail *detail;
  HcTestWait wait = { NULL };

  hc_client_get_indicator_async (client, "no-such-indicator", NULL, hc_test_wait_store, &wait);
  detail = hc_client_get_indicator_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_null (detail);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_NOT_FOUND);
}

static void
test_client_indicators_report_then_review (void)
{
  g_autoptr(HcClient) analyst = hc_test_signed_in_client (server, "ana");
  g_autoptr(HcClient) supervisor = hc_test_signed_in_client (server, "sup");
  g_autoptr(HcIndicatorDetail) before = get_detail (analyst, "credit-plus-scenarios");
  g_autoptr(HcIndicatorDetail) after = NULL;
  g_autoptr(HcIndicatorDetail) reviewed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *reviewed_etag = NULL;
  g_autofree char *stale = NULL;
  const HcIndicatorYear *year;

  g_assert_cmpuint (hc_indicator_detail_get_n_years (before), ==, 5);
  g_assert_cmpstr (hc_indicator_detail_get_source (before), ==, "reported");
  year = hc_indicator_detail_find_year (before, 2022);
  g_assert_nonnull (year);

  /* A count below zero is refused at the value. */
  g_assert_null (submit (analyst, "credit-plus-scenarios", 2022, -1, "佐证", year->etag, &error));
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_INVALID);
  g_assert_cmpstr (hc_client_error_get_field (error), ==, "value");
  g_clear_error (&error);

  etag = submit (analyst, "credit-plus-scenarios", 2022, 12, "2022年度：新增信用场景清单", year->etag, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  after = get_detail (analyst, "credit-plus-scenarios");
  year = hc_indicator_detail_find_year (after, 2022);
  g_assert_cmpstr (year->state, ==, "submitted");
  g_assert_cmpstr (year->submitted_by, ==, "ana");
  g_assert_cmpfloat (year->value, ==, 12);
  g_assert_cmpstr (year->evidence, ==, "2022年度：新增信用场景清单");
  /* The detail's ETag is the one the write answered. */
  g_assert_cmpstr (year->etag, ==, etag);

  /* Returning needs a comment; the server says so. */
  g_assert_null (review (supervisor, "credit-plus-scenarios", 2022, etag, FALSE, NULL, &error));
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_INVALID);
  g_assert_cmpstr (hc_client_error_get_code (error), ==, "missing_comment");
  g_clear_error (&error);

  reviewed_etag = review (supervisor, "credit-plus-scenarios", 2022, etag, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reviewed_etag);
  g_assert_cmpstr (reviewed_etag, !=, etag);
  reviewed = get_detail (supervisor, "credit-plus-scenarios");
  year = hc_indicator_detail_find_year (reviewed, 2022);
  g_assert_cmpstr (year->state, ==, "approved");
  g_assert_cmpstr (year->reviewed_by, ==, "sup");

  /* The old ETag is stale now: 412, nothing changes. */
  stale = submit (analyst, "credit-plus-scenarios", 2022, 13, "再次填报", etag, &error);
  g_assert_null (stale);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED);
  g_clear_object (&reviewed);
  reviewed = get_detail (supervisor, "credit-plus-scenarios");
  g_assert_cmpstr (hc_indicator_detail_find_year (reviewed, 2022)->state, ==, "approved");
  g_assert_cmpfloat (hc_indicator_detail_find_year (reviewed, 2022)->value, ==, 12);
}

static void
add_user (const char *username,
          const char *role)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"}",
                                           username, HC_TEST_PASSWORD, role);
  g_autoptr(HcTestResponse) resp = hc_test_request (server, "POST", "/users",
                                                    hc_test_server_token (server, "admin"), body);
  hc_assert_status (resp, 201, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Seeding takes a while under ASan: one demo server for the program. */
  server = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  add_user ("ana", "analyst");
  add_user ("sup", "supervisor");

  g_test_add_func ("/client/indicators/list-matches-server", test_client_indicators_list_matches_server);
  g_test_add_func ("/client/indicators/unknown-key-is-not-found", test_client_indicators_unknown_key_is_not_found);
  g_test_add_func ("/client/indicators/report-then-review", test_client_indicators_report_then_review);
  status = g_test_run ();
  hc_test_server_free (server);
  return status;
}
