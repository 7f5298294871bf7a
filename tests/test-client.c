/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient against the real server: typed results, and the server's JSON
 * errors turned into HC_CLIENT_ERROR with the server's code kept. */
#include "config.h"

#include "hc-client.h"
#include "hc-test-client.h"

static gboolean
sign_in (HcClient    *client,
         const char  *username,
         const char  *password,
         GError     **error)
{
  HcTestWait wait = { NULL };
  gboolean ok;

  hc_client_sign_in_async (client, username, password, NULL, hc_test_wait_store, &wait);
  ok = hc_client_sign_in_finish (client, hc_test_wait_for (&wait), error);
  g_clear_object (&wait.result);
  return ok;
}

static void
test_client_wrong_password_is_unauthorized (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcClient) client = hc_client_new (hc_test_server_get_url (server));
  g_autoptr(GError) error = NULL;

  g_assert_false (sign_in (client, "admin", "wrong-password-1", &error));
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (hc_client_error_get_code (error), ==, "invalid_credentials");
  g_assert_false (hc_client_get_signed_in (client));
  g_assert_null (hc_client_get_role (client));
}

static void
test_client_sign_in_gives_user_and_role (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcClient) client = hc_client_new (hc_test_server_get_url (server));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(HcServerHealth) health = NULL;
  HcTestWait wait = { NULL };

  g_assert_true (sign_in (client, "admin", HC_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (hc_client_get_signed_in (client));
  g_assert_cmpstr (hc_client_get_username (client), ==, "admin");
  g_assert_cmpstr (hc_client_get_role (client), ==, "admin");

  hc_client_list_regions_async (client, NULL, hc_test_wait_store, &wait);
  regions = hc_client_list_regions_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, ==, 19);
  g_assert_cmpstr (((HcRegionInfo *) regions->pdata[0])->code, ==, "460100");

  hc_client_get_health_async (client, NULL, hc_test_wait_store, &wait);
  health = hc_client_get_health_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpstr (health->status, ==, "ok");
  g_assert_cmpstr (health->version, ==, PACKAGE_VERSION);
  g_assert_cmpint (health->schema, >, 0);
}

static void
count_signal (HcClient *client,
              guint    *count)
{
  (*count)++;
}

static void
test_client_expired_session_asks_to_sign_in_again (void)
{
  /* Sessions that end as soon as they begin: no waiting for a clock. */
  const char *extra[] = { "--token-lifetime", "0", NULL };
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, extra);
  g_autoptr(HcClient) client = hc_client_new (hc_test_server_get_url (server));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  HcTestWait wait = { NULL };
  guint expired = 0;

  g_assert_true (sign_in (client, "admin", HC_TEST_PASSWORD, &error));
  g_signal_connect (client, "session-expired", G_CALLBACK (count_signal), &expired);

  hc_client_list_regions_async (client, NULL, hc_test_wait_store, &wait);
  regions = hc_client_list_regions_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_null (regions);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_TOKEN_EXPIRED);
  g_assert_cmpuint (expired, ==, 1);
}

static void
test_client_no_token_is_not_an_expired_session (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcClient) client = hc_client_new (hc_test_server_get_url (server));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  HcTestWait wait = { NULL };
  guint expired = 0;

  g_signal_connect (client, "session-expired", G_CALLBACK (count_signal), &expired);
  hc_client_list_regions_async (client, NULL, hc_test_wait_store, &wait);
  regions = hc_client_list_regions_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_null (regions);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (expired, ==, 0);
}

static gint64
count (HcClient *client,
       HcCount   what)
{
  g_autoptr(GError) error = NULL;
  HcTestWait wait = { NULL };
  gint64 n;

  hc_client_count_async (client, what, NULL, hc_test_wait_store, &wait);
  n = hc_client_count_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  return n;
}

static void
test_client_counts_of_an_empty_server (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcClient) client = hc_client_new (hc_test_server_get_url (server));
  g_autoptr(GError) error = NULL;
  g_autoptr(HcTestResponse) resp = NULL;

  g_assert_true (sign_in (client, "admin", HC_TEST_PASSWORD, &error));
  g_assert_cmpint (count (client, HC_COUNT_SUBJECTS), ==, 0);
  g_assert_cmpint (count (client, HC_COUNT_RISK_EVENTS), ==, 0);
  g_assert_cmpint (count (client, HC_COUNT_REPAIRS_PENDING), ==, 0);
  g_assert_cmpint (count (client, HC_COUNT_REPAIRS_OVERDUE), ==, 0);

  /* The departments count is the server's own total. */
  resp = hc_test_request (server, "GET", "/departments?total=1", hc_test_server_token (server, "admin"), NULL);
  hc_assert_status (resp, 200, NULL);
  g_assert_cmpint (count (client, HC_COUNT_DEPARTMENTS), ==,
                   json_object_get_int_member (hc_test_response_object (resp), "total"));
}

static void
test_client_unreachable_server (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcClient) client = hc_client_new (hc_test_server_get_url (server));
  g_autoptr(GError) error = NULL;

  hc_test_server_stop (server);
  g_assert_false (sign_in (client, "admin", HC_TEST_PASSWORD, &error));
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_UNREACHABLE);
  g_assert_null (hc_client_error_get_code (error));
}

static void
test_client_cancelled_call_reports_cancelled (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcClient) client = hc_client_new (hc_test_server_get_url (server));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(HcServerHealth) health = NULL;
  g_autoptr(GError) error = NULL;
  HcTestWait wait = { NULL };

  hc_client_get_health_async (client, cancellable, hc_test_wait_store, &wait);
  g_cancellable_cancel (cancellable);
  health = hc_client_get_health_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_null (health);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/wrong-password-is-unauthorized", test_client_wrong_password_is_unauthorized);
  g_test_add_func ("/client/sign-in-gives-user-and-role", test_client_sign_in_gives_user_and_role);
  g_test_add_func ("/client/expired-session-asks-to-sign-in-again", test_client_expired_session_asks_to_sign_in_again);
  g_test_add_func ("/client/no-token-is-not-an-expired-session", test_client_no_token_is_not_an_expired_session);
  g_test_add_func ("/client/counts-of-an-empty-server", test_client_counts_of_an_empty_server);
  g_test_add_func ("/client/unreachable-server", test_client_unreachable_server);
  g_test_add_func ("/client/cancelled-call-reports-cancelled", test_client_cancelled_call_reports_cancelled);
  return g_test_run ();
}
