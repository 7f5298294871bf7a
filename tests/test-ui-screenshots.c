/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A picture of every pane in zh_CN, written to the build folder
 * (screenshot-PANE.png); fails when the window rendered nothing. */
#include "config.h"

#include "hc-lists-pane.h"
#include "hc-ui-test.h"

static gboolean
console_shown (gpointer data)
{
  const char *page = hc_window_get_page (HC_WINDOW (data));

  if (g_strcmp0 (page, "failed") == 0)
    g_error ("The built-in server did not start");
  return g_strcmp0 (page, "console") == 0;
}

typedef struct
{
  const char *name;
  GdkTexture *texture;
} Shot;

static gboolean
take_shot (GtkWidget *widget,
           gpointer   data)
{
  Shot *shot = data;

  /* The window's content, without the client-side decoration's shadow. */
  shot->texture = hc_ui_screenshot (gtk_widget_get_first_child (widget));
  return shot->texture != NULL;
}

static void
save_shot (GtkWidget  *window,
           const char *name)
{
  Shot shot = { name, NULL };
  g_autofree char *file = g_strdup_printf ("screenshot-%s.png", name);
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), file, NULL);

  hc_ui_wait_frames (window, 2, take_shot, &shot);
  g_assert_nonnull (shot.texture);
  g_assert_true (gdk_texture_save_to_png (shot.texture, path));
  g_test_message ("wrote %s", path);
  g_assert_false (hc_ui_texture_is_blank (shot.texture));
  g_object_unref (shot.texture);
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
  hc_ui_wait_until ("the console", console_shown, window);
  for (const char * const *pane = hc_window_get_pane_names (); *pane != NULL; pane++)
    {
      hc_ui_wait_pane_loaded (window, *pane);
      save_shot (GTK_WIDGET (window), *pane);
    }
  shoot_list_entry (window);
}

static void
test_screenshots_of_every_pane (void)
{
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
