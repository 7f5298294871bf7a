/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app against a remote server: the test starts a real hncredit-server
 * on port 0 and the app signs in to it with a wrong, then a right password. */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-client.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

static gboolean
sign_in_settled (gpointer data)
{
  HcSignInPage *page = data;
  return !hc_sign_in_page_get_busy (page) && hc_sign_in_page_get_error_text (page) != NULL;
}

static void
sign_in_wrong_then_right (HcApplication *app,
                          HcWindow      *window,
                          gpointer       data)
{
  HcSignInPage *page = hc_window_get_sign_in_page (window);
  HcClient *client = hc_window_get_client (window);
  const char *expected;

  /* No built-in server when a remote one is given. */
  g_assert_null (hc_application_get_embedded_server (app));
  hc_ui_wait_until ("the sign-in page", hc_ui_sign_in_shown, window);

  hc_sign_in_page_set_credentials (page, "admin", "not-the-password");
  hc_sign_in_page_submit (page);
  hc_ui_wait_until ("the answer to a wrong password", sign_in_settled, page);
  expected = g_dgettext (GETTEXT_PACKAGE, "The user name or password is wrong. Check them and try again.");
  g_assert_cmpstr (hc_sign_in_page_get_error_text (page), ==, expected);
  /* In Chinese, as the test runs with LANGUAGE=zh_CN. */
  g_assert_nonnull (strstr (hc_sign_in_page_get_error_text (page), "密码"));
  g_assert_false (hc_client_get_signed_in (client));
  g_assert_cmpstr (hc_window_get_page (window), ==, "sign-in");

  hc_ui_sign_in (window, "admin", NULL);
  g_assert_true (hc_client_get_signed_in (client));
  g_assert_cmpstr (hc_client_get_role (client), ==, "admin");
  g_assert_null (hc_sign_in_page_get_error_text (page));

  /* An administrator sees the audit log. */
  g_assert_true (hc_window_show_pane (window, "audit"));
  hc_ui_wait_pane_loaded (window, "overview");
}

static void
test_remote_wrong_then_right_password (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);

  hc_ui_run_app_on (server, sign_in_wrong_then_right, NULL);
}

static void
sign_in_unreachable (HcApplication *app,
                     HcWindow      *window,
                     gpointer       data)
{
  HcSignInPage *page = hc_window_get_sign_in_page (window);
  const char *expected;

  hc_ui_wait_until ("the sign-in page", hc_ui_sign_in_shown, window);
  hc_sign_in_page_set_credentials (page, "admin", HC_TEST_PASSWORD);
  hc_sign_in_page_submit (page);
  hc_ui_wait_until ("the answer of a stopped server", sign_in_settled, page);
  expected = g_dgettext (GETTEXT_PACKAGE, "The server cannot be reached. Check the server address and your network connection.");
  g_assert_cmpstr (hc_sign_in_page_get_error_text (page), ==, expected);
  g_assert_cmpstr (hc_window_get_page (window), ==, "sign-in");
}

static void
test_remote_unreachable_server_is_said (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autofree char *url = g_strdup (hc_test_server_get_url (server));
  const char *args[] = { "--server", url, NULL };

  /* The port was the server's a moment ago: nothing listens there now. */
  hc_test_server_stop (server);
  g_assert_cmpint (hc_ui_run_app (args, sign_in_unreachable, NULL), ==, 0);
}

static void
analyst_has_no_audit_log (HcApplication *app,
                          HcWindow      *window,
                          gpointer       data)
{
  GtkWidget *audit;
  GtkStack *stack;

  hc_ui_sign_in (window, "ana", NULL);
  g_assert_cmpstr (hc_client_get_role (hc_window_get_client (window)), ==, "analyst");

  /* Neither the sidebar nor Ctrl+7 offers the audit log to an analyst. */
  g_assert_false (hc_window_show_pane (window, "audit"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "audit");
  g_assert_cmpstr (hc_window_get_pane (window), !=, "audit");
  audit = hc_window_get_pane_widget (window, "audit");
  stack = GTK_STACK (gtk_widget_get_ancestor (audit, GTK_TYPE_STACK));
  g_assert_false (gtk_stack_page_get_visible (gtk_stack_get_page (stack, gtk_stack_get_child_by_name (stack, "audit"))));
  hc_ui_wait_pane_loaded (window, "lists");
}

static void
test_remote_analyst_has_no_audit_log (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  const char *token = hc_test_server_token (server, "admin");
  const char *body = "{\"username\":\"ana\",\"password\":\"" HC_TEST_PASSWORD "\",\"role\":\"analyst\"}";
  g_autoptr(HcTestResponse) resp = hc_test_request (server, "POST", "/users", token, body);
  hc_assert_status (resp, 201, NULL);
  hc_ui_run_app_on (server, analyst_has_no_audit_log, NULL);
}

static void
expired_session_keeps_the_pane (HcApplication *app,
                                HcWindow      *window,
                                gpointer       data)
{
  hc_ui_sign_in (window, "admin", NULL);
  hc_ui_wait_pane_loaded (window, "subjects");

  /* The session ends on the server (an administrator sets the password
   * again, which ends the user's other sessions: no waiting for a clock),
   * then refresh as Ctrl+R does: the server refuses the token. */
  hc_test_server_end_sessions (data, "admin");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  hc_ui_wait_until ("the sign-in page after the session ended", hc_ui_sign_in_shown, window);
  g_assert_false (hc_client_get_signed_in (hc_window_get_client (window)) &&
                  g_strcmp0 (hc_window_get_page (window), "console") == 0);

  hc_ui_sign_in (window, "admin", NULL);
  /* Back where the user was. */
  g_assert_cmpstr (hc_window_get_pane (window), ==, "subjects");
}

static void
test_remote_expired_session_keeps_the_pane (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);

  hc_ui_run_app_on (server, expired_session_keeps_the_pane, server);
}

int
main (int   argc,
      char *argv[])
{
  hc_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/remote/wrong-then-right-password", test_remote_wrong_then_right_password);
  g_test_add_func ("/ui/remote/unreachable-server-is-said", test_remote_unreachable_server_is_said);
  g_test_add_func ("/ui/remote/analyst-has-no-audit-log", test_remote_analyst_has_no_audit_log);
  g_test_add_func ("/ui/remote/expired-session-keeps-the-pane", test_remote_expired_session_keeps_the_pane);
  return hc_ui_test_finish (g_test_run ());
}
