/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A picture of every pane in zh_CN, written to the build folder
 * (screenshot-PANE.png); fails when the window rendered nothing. */
#include "config.h"

#include "hc-lists-pane.h"
#include "hc-ui-test.h"

static void
save_shot (GtkWidget  *window,
           const char *name)
{
  g_autoptr(GdkTexture) texture = hc_ui_take_shot (window, name);

  g_assert_false (hc_ui_texture_is_blank (texture));
}

static gboolean
list_entry_shown (gpointer data)
{
  HcListsPane *pane = data;
  return !hc_lists_pane_get_busy (pane) && hc_lists_pane_get_entry (pane) != NULL;
}

/* The lists pane again, with the first entry's details and history beside it. */
static void
shoot_list_entry (HcWindow *window)
{
  HcListsPane *pane;
  g_autoptr(HcListEntry) first = NULL;

  hc_ui_wait_pane_loaded (window, "lists");
  pane = HC_LISTS_PANE (hc_window_get_pane_widget (window, "lists"));
  g_assert_cmpuint (g_list_model_get_n_items (hc_lists_pane_get_entries (pane)), >, 0);
  first = g_list_model_get_item (hc_lists_pane_get_entries (pane), 0);
  g_assert_true (hc_lists_pane_select_entry (pane, hc_list_entry_get_id (first)));
  hc_ui_wait_until ("a list entry's details", list_entry_shown, pane);
  save_shot (GTK_WIDGET (window), "lists-entry");
}

static void
shoot_every_pane (HcApplication *app,
                  HcWindow      *window,
                  gpointer       data)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  hc_ui_wait_until ("the console", hc_ui_console_shown, window);
  for (const char * const *pane = hc_window_get_pane_names (); *pane != NULL; pane++)
    {
      hc_ui_wait_pane_loaded (window, *pane);
      save_shot (GTK_WIDGET (window), *pane);
    }
  shoot_list_entry (window);
}

/* The embedded server's first start on a new profile seeds the demo
 * (ui-embedded runs that); here it starts, as after that first run, on a
 * copy of the build's seeded demo (hc-test-demo-db.c) and the admin
 * password it was seeded with: a minute less under ASan. */
static void
profile_has_the_demo (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "hncredit", NULL);
  g_autofree char *password = g_build_filename (dir, "admin-password", NULL);
  g_autofree char *db = g_build_filename (dir, "hncredit.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents_full (password, HC_TEST_PASSWORD, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
  hc_test_demo_db_copy (db);
}

static void
test_screenshots_of_every_pane (void)
{
  profile_has_the_demo ();
  g_assert_cmpint (hc_ui_run_app (NULL, shoot_every_pane, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  hc_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/screenshots/every-pane-in-zh-cn", test_screenshots_of_every_pane);
  return hc_ui_test_finish (g_test_run ());
}
