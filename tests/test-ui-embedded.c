/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app with its built-in server: starts a real hncredit-server child,
 * reaches the main window, goes through every pane, and leaves no server
 * behind when it quits. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "hc-client.h"
#include "hc-ui-test.h"

typedef struct
{
  GPid      pid;
  HcWindow *window;
} Embedded;

static gboolean
process_exists (GPid pid)
{
  return kill (pid, 0) == 0 || errno != ESRCH;
}

static void
visit_every_pane (HcApplication *app,
                  HcWindow      *window,
                  gpointer       data)
{
  Embedded *embedded = data;
  HcEmbeddedServer *server = hc_application_get_embedded_server (app);
  HcClient *client = hc_window_get_client (window);
  g_autofree char *password_file = g_build_filename (g_get_user_data_dir (), "hncredit", "admin-password", NULL);
  GtkWidget *search_bar;
  GStatBuf st;

  g_assert_nonnull (server);
  hc_ui_wait_until ("the console after the built-in server started", hc_ui_console_shown, window);

  embedded->pid = hc_embedded_server_get_pid (server);
  g_assert_cmpint (embedded->pid, >, 0);
  g_assert_true (process_exists (embedded->pid));
  g_assert_true (g_str_has_prefix (hc_client_get_base_url (client), "http://127.0.0.1:"));
  g_assert_cmpstr (hc_client_get_username (client), ==, "admin");

  /* The password only this user can read, the database beside it. */
  g_assert_cmpint (g_stat (password_file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  for (const char * const *pane = hc_window_get_pane_names (); *pane != NULL; pane++)
    {
      hc_ui_wait_pane_loaded (window, *pane);
      hc_ui_wait_frames (GTK_WIDGET (window), 2, NULL, NULL);
    }

  /* Ctrl+F opens the pane's search; Ctrl+? the shortcuts window. */
  hc_ui_wait_pane_loaded (window, "indicators");
  search_bar = hc_ui_find_descendant (hc_window_get_pane_widget (window, "indicators"), GTK_TYPE_SEARCH_BAR);
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));

  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)))));
}

static void
test_embedded_visits_every_pane_and_stops_its_server (void)
{
  Embedded embedded = { 0 };

  g_assert_cmpint (hc_ui_run_app (NULL, visit_every_pane, &embedded), ==, 0);
  g_assert_cmpint (embedded.pid, >, 0);
  g_assert_false (process_exists (embedded.pid));
}

static gboolean
server_stopped (gpointer data)
{
  HcWindow *window = data;
  return g_strcmp0 (hc_window_get_page (window), "failed") == 0;
}

/* A child that dies is noticed: the window says so and starts it again. */
static void
restart_after_death (HcApplication *app,
                     HcWindow      *window,
                     gpointer       data)
{
  Embedded *embedded = data;
  HcEmbeddedServer *server = hc_application_get_embedded_server (app);
  GPid first;

  hc_ui_wait_until ("the console", hc_ui_console_shown, window);
  first = hc_embedded_server_get_pid (server);
  g_assert_cmpint (kill (first, SIGKILL), ==, 0);
  hc_ui_wait_until ("the window to notice the server died", server_stopped, window);
  g_assert_false (hc_embedded_server_get_running (server));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.restart-server", NULL);
  hc_ui_wait_until ("the console after a restart", hc_ui_console_shown, window);
  embedded->pid = hc_embedded_server_get_pid (server);
  g_assert_cmpint (embedded->pid, !=, first);
  hc_ui_wait_pane_loaded (window, "overview");
}

static void
test_embedded_offers_restart_after_server_death (void)
{
  Embedded embedded = { 0 };

  g_assert_cmpint (hc_ui_run_app (NULL, restart_after_death, &embedded), ==, 0);
  g_assert_cmpint (embedded.pid, >, 0);
  g_assert_false (process_exists (embedded.pid));
}

int
main (int   argc,
      char *argv[])
{
  hc_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/embedded/visits-every-pane-and-stops-its-server",
                   test_embedded_visits_every_pane_and_stops_its_server);
  g_test_add_func ("/ui/embedded/offers-restart-after-server-death",
                   test_embedded_offers_restart_after_server_death);
  return hc_ui_test_finish (g_test_run ());
}
