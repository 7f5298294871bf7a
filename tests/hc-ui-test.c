/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For UI tests: run the real app in this process under Xvfb, wait for what
 * it shows, and take pictures of it. */
#define G_LOG_DOMAIN "hc-ui-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hc-pane-state.h"
#include "hc-sign-in-page.h"
#include "hc-ui-test.h"

/* Generous: the first start seeds the demo data, and CI machines are slow. */
#define WAIT_SECONDS 180

static char *profile_dir;

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));
      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

/* Removes the temporary profile; returns @status. */
int
hc_ui_test_finish (int status)
{
  g_autoptr(GFile) dir = g_file_new_for_path (profile_dir);

  remove_tree (dir);
  g_clear_pointer (&profile_dir, g_free);
  return status;
}

void
hc_ui_test_init (int    *argc,
                 char ***argv)
{
  const char *localedir = g_getenv ("HNCREDIT_LOCALEDIR");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;

  /* A temporary profile: the embedded server's database and password never
   * touch a real one. (Not G_TEST_OPTION_ISOLATE_DIRS: that also hides
   * XDG_DATA_DIRS, and with it the icon theme and the MIME database.) */
  profile_dir = g_dir_make_tmp ("hncredit-ui-XXXXXX", &error);
  g_assert_no_error (error);
  data = g_build_filename (profile_dir, "data", NULL);
  config = g_build_filename (profile_dir, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && localedir[0] ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
hc_ui_wait_until (const char    *what,
                  HcUiCondition  condition,
                  gpointer       data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  /* Wakes the loop now and then, so the deadline is seen when nothing
   * else happens. */
  guint wake = g_timeout_add (100, wake_up, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Gave up waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

typedef struct
{
  guint        remaining;
  HcUiAfterFrames then;
  gpointer     data;
  gint64       last_frame;
} FrameWait;

static gboolean
frame_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  FrameWait *wait = user_data;
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);

  /* The tick callbacks may be called twice with the same frame counter,
   * before the layout of that frame (seen under Xvfb for a pane built
   * when first shown): count frames, not calls. */
  if (frame == wait->last_frame)
    return G_SOURCE_CONTINUE;
  wait->last_frame = frame;
  if (wait->remaining > 1)
    wait->remaining--;
  else if (wait->then == NULL || wait->then (widget, wait->data))
    wait->remaining = 0;
  return wait->remaining > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
frames_done (gpointer data)
{
  return ((FrameWait *) data)->remaining == 0;
}

/* Lets @widget's window draw @n_frames frames, so layout is done, and then
 * calls @then (may be NULL) from the tick callback of the last one — and of
 * the frames after it until @then returns TRUE. */
void
hc_ui_wait_frames (GtkWidget       *widget,
                   guint            n_frames,
                   HcUiAfterFrames  then,
                   gpointer         data)
{
  FrameWait wait = { n_frames, then, data, -1 };

  gtk_widget_add_tick_callback (widget, frame_tick, &wait, NULL);
  gtk_widget_queue_draw (widget);
  hc_ui_wait_until ("frames", frames_done, &wait);
}

typedef struct
{
  HcUiBody body;
  gpointer data;
  gboolean ran;
} RunData;

static gboolean
window_exists (gpointer data)
{
  return gtk_application_get_active_window (GTK_APPLICATION (data)) != NULL;
}

static void
on_activate (GApplication *app,
             gpointer      user_data)
{
  RunData *run = user_data;
  GtkWindow *window;

  if (run->ran)
    return;
  run->ran = TRUE;
  /* No transitions: a picture shows the state, not a crossfade into it. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  hc_ui_wait_until ("the main window", window_exists, app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (HC_IS_WINDOW (window));
  run->body (HC_APPLICATION (app), HC_WINDOW (window), run->data);
  g_application_quit (app);
}

/**
 * hc_ui_run_app:
 * Runs the application with @args (after argv[0]) and calls @body once its
 * window exists; the app quits when @body returns.
 * Returns: the app's exit status.
 */
int
hc_ui_run_app (const char * const *args,
               HcUiBody            body,
               gpointer            data)
{
  g_autoptr(HcApplication) app = hc_application_new (G_APPLICATION_DEFAULT_FLAGS);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  RunData run = { body, data, FALSE };
  int status;

  g_ptr_array_add (argv, (gpointer) "hncredit");
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), &run);
  status = g_application_run (G_APPLICATION (app), argv->len - 1, (char **) argv->pdata);
  g_assert_true (run.ran);
  return status;
}

GtkWidget *
hc_ui_find_descendant (GtkWidget *root,
                       GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hc_ui_find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
pane_loaded (gpointer data)
{
  HcPaneState *state = data;
  return g_strcmp0 (hc_pane_state_get_state (state), "loading") != 0;
}

/* Shows @pane (through the window's action, as Ctrl+N does) and waits until
 * it no longer shows its loading state. */
void
hc_ui_wait_pane_loaded (HcWindow   *window,
                        const char *pane)
{
  GtkWidget *widget;
  HcPaneState *state;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", pane);
  g_assert_cmpstr (hc_window_get_pane (window), ==, pane);
  widget = hc_window_get_pane_widget (window, pane);
  g_assert_true (gtk_widget_get_mapped (widget));
  state = HC_PANE_STATE (hc_ui_find_descendant (widget, HC_TYPE_PANE_STATE));
  g_assert_nonnull (state);
  hc_ui_wait_until (pane, pane_loaded, state);
}

/**
 * hc_ui_sign_in:
 * @username: a user of the test server (password %HC_TEST_PASSWORD)
 * @pane: (nullable): the pane to show then
 *
 * Signs in on the sign-in page as a user would and waits for the console;
 * with @pane, shows it and waits until it has loaded.
 *
 * Returns: (transfer none) (nullable): @pane's widget
 */
GtkWidget *
hc_ui_sign_in (HcWindow   *window,
               const char *username,
               const char *pane)
{
  HcSignInPage *page = hc_window_get_sign_in_page (window);

  hc_ui_wait_until ("the sign-in page", hc_ui_sign_in_shown, window);
  hc_sign_in_page_set_credentials (page, username, HC_TEST_PASSWORD);
  hc_sign_in_page_submit (page);
  hc_ui_wait_until ("the console", hc_ui_console_shown, window);
  if (pane == NULL)
    return NULL;
  hc_ui_wait_pane_loaded (window, pane);
  return hc_window_get_pane_widget (window, pane);
}

/* The widget as its window's renderer draws it (TESTING.md), or NULL when
 * it cannot be drawn in this frame. */
GdkTexture *
hc_ui_screenshot (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  /* Nothing while a layout is pending: the caller tries the next frame. */
  if (node == NULL)
    return NULL;
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* TRUE when every pixel of @texture is the same colour. */
gboolean
hc_ui_texture_is_blank (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, stride);
  for (gsize i = 1; i < (gsize) width * height; i++)
    if (pixels[i] != pixels[0])
      return FALSE;
  return TRUE;
}

static gboolean
store_shot (GtkWidget *widget,
            gpointer   data)
{
  GdkTexture **texture = data;

  /* A window's content, without the client-side decoration's shadow. */
  if (GTK_IS_WINDOW (widget) && gtk_widget_get_first_child (widget) != NULL)
    widget = gtk_widget_get_first_child (widget);
  *texture = hc_ui_screenshot (widget);
  return *texture != NULL;
}

/**
 * hc_ui_take_shot:
 * @widget: a window (shot without its decoration's shadow) or any widget
 * @name: the picture is written as screenshot-NAME.png in the build folder
 *
 * Waits two frames (so layout is done), takes a picture of @widget and
 * writes it; fails the test when it cannot.
 *
 * Returns: (transfer full): the picture
 */
GdkTexture *
hc_ui_take_shot (GtkWidget  *widget,
                 const char *name)
{
  GdkTexture *texture = NULL;
  g_autofree char *file = g_strdup_printf ("screenshot-%s.png", name);
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), file, NULL);

  hc_ui_wait_frames (widget, 2, store_shot, &texture);
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
  return texture;
}

/* For hc_ui_wait_until(): the HcWindow @window shows the console. Fails at
 * once when it shows that its built-in server did not start. */
gboolean
hc_ui_console_shown (gpointer window)
{
  const char *page = hc_window_get_page (HC_WINDOW (window));

  if (g_strcmp0 (page, "failed") == 0)
    g_error ("The built-in server did not start");
  return g_strcmp0 (page, "console") == 0;
}

/* For hc_ui_wait_until(): the HcWindow @window shows the sign-in page. */
gboolean
hc_ui_sign_in_shown (gpointer window)
{
  return g_strcmp0 (hc_window_get_page (HC_WINDOW (window)), "sign-in") == 0;
}

GtkWindow *
hc_ui_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

GtkWidget *
hc_ui_find_nth (GtkWidget *root,
                GType      type,
                guint     *nth)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && (*nth)-- == 0)
        return w;
      if ((found = hc_ui_find_nth (w, type, nth)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
hc_ui_find_action_button (GtkWidget  *root,
                          const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hc_ui_find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The data lines of a CSV export (after its BOM and header); @header gets
 * its header line. */
guint
hc_ui_csv_rows (const char  *path,
                char       **header)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  lines = g_strsplit (text + 3, "\r\n", -1);
  if (header != NULL)
    *header = g_strdup (lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      n++;
  return n;
}

/* The rows of the workbook's first sheet after its header, read with
 * openpyxl (Debian's python3-openpyxl). */
gint64
hc_ui_xlsx_rows (const char *path)
{
  const char *argv[] = { "/usr/bin/python3", "-c",
                         "import sys, openpyxl\n"
                         "ws = openpyxl.load_workbook(sys.argv[1], read_only=True).worksheets[0]\n"
                         "print(sum(1 for _ in ws.iter_rows(min_row=2, values_only=True)))\n",
                         path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_ascii_strtoll (out, NULL, 10);
}
