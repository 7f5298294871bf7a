/* SPDX-License-Identifier: GPL-3.0-or-later */
/* UI benchmark of the subjects pane over 1,000,000 subjects (issue 12): the
 * real app under Xvfb against a release server on a demo database seeded at
 * scale 10. Prints the seconds from showing the pane to its first rows,
 * from a jump to the end of the list to the last row shown, and the app's
 * resident memory then (and at its peak); of the first rows' time, when
 * the first page reached the model and when the first frame with the rows
 * was painted, and the window's frames until then. Targets: 0.5 s, 1 s,
 * 250 MB.
 * Not a test: nothing here asserts a time.
 *
 * Environment: BENCH_DB=PATH the seeded database (made, at SCALE, default
 * 10, when missing; kept), BENCH_PASSWORD its admin password,
 * HNCREDIT_SERVER_PATH the server. Run by `meson test --benchmark
 * ui-subjects` (Xvfb and a D-Bus session as the UI tests have them). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hc-sign-in-page.h"
#include "hc-subject-model.h"
#include "hc-subjects-pane.h"
#include "hc-ui-test.h"
#include "bench-server.h"

#define DEFAULT_PASSWORD "hncredit-bench-password"

static char *password;
static double first_rows = -1, to_end = -1;
/* Where the first rows' time goes (seconds from the action): the action
 * returned, the first page's answer taken in by the model (its total set),
 * the first frame painted after the first row was there. */
static double t_shown = -1, t_answer = -1, t_painted = -1;
static gint64 t_start;
static guint64 rss_end, rss_peak, rss_before, peak_before;
static guint pages_at_end;

static gboolean
console_or_error (gpointer window)
{
  return hc_ui_console_shown (window);
}

static gboolean
first_row_shown (gpointer data)
{
  HcSubjectModel *model = data;
  g_autoptr(HcSubject) first = NULL;

  if (hc_subject_model_get_total (model) < 0 || g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    return FALSE;
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  return !hc_subject_get_placeholder (first);
}

static gboolean
last_row_shown (gpointer data)
{
  HcSubjectModel *model = data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_autoptr(HcSubject) last = g_list_model_get_item (G_LIST_MODEL (model), n - 1);

  return !hc_subject_get_placeholder (last);
}

/* VmRSS and VmHWM of this process, in bytes. */
static void
read_memory (guint64 *rss,
             guint64 *peak)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "VmRSS:"))
        *rss = g_ascii_strtoull (lines[i] + 6, NULL, 10) * 1024;
      else if (g_str_has_prefix (lines[i], "VmHWM:"))
        *peak = g_ascii_strtoull (lines[i] + 6, NULL, 10) * 1024;
    }
}

/* Where the resident memory is, by mapping (/proc/self/smaps): the
 * resident kilobytes of each file mapped (libraries, fonts) and of the
 * anonymous memory (the heap, the renderer's buffers), the largest first. */
static char *
memory_by_mapping (void)
{
  g_autofree char *smaps = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) kb = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) keys = NULL;
  GString *out = g_string_new (NULL);
  const char *current = "[anonymous]";
  guint shown = 0;

  if (!g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL))
    return g_string_free (out, FALSE);
  lines = g_strsplit (smaps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_ascii_isxdigit (line[0]) && strchr (line, '-') != NULL && strchr (line, ' ') > strchr (line, '-'))
        {
          /* address perms offset dev inode [path] */
          const char *path = line;

          for (guint field = 0; field < 5 && *path != '\0'; field++)
            {
              while (*path != '\0' && *path != ' ')
                path++;
              while (*path == ' ')
                path++;
            }
          current = *path != '\0' ? path : "[anonymous]";
          if (!g_hash_table_contains (kb, current))
            g_hash_table_insert (kb, g_strdup (current), GSIZE_TO_POINTER (0));
        }
      else if (g_str_has_prefix (line, "Rss:"))
        {
          gsize have = GPOINTER_TO_SIZE (g_hash_table_lookup (kb, current));

          g_hash_table_insert (kb, g_strdup (current),
                               GSIZE_TO_POINTER (have + g_ascii_strtoull (line + 4, NULL, 10)));
        }
    }
  keys = g_hash_table_get_keys (kb);
  while (shown < 15)
    {
      const char *best = NULL;
      gsize best_kb = 0;

      for (GList *l = keys; l != NULL; l = l->next)
        {
          gsize v = GPOINTER_TO_SIZE (g_hash_table_lookup (kb, l->data));

          if (v > best_kb)
            {
              best = l->data;
              best_kb = v;
            }
        }
      if (best == NULL)
        break;
      g_string_append_printf (out, "  %8.1f MB  %s\n", best_kb / 1024.0, best);
      g_hash_table_insert (kb, g_strdup (best), GSIZE_TO_POINTER (0));
      shown++;
    }
  return g_string_free (out, FALSE);
}

static char *mappings_before;

static void
total_came (HcSubjectModel *model)
{
  if (t_answer < 0 && hc_subject_model_get_total (model) >= 0)
    t_answer = (double) (g_get_monotonic_time () - t_start) / 1e6;
}

static void
painted (GdkFrameClock *clock)
{
  if (t_painted < 0)
    t_painted = (double) (g_get_monotonic_time () - t_start) / 1e6;
}

/* The frames from the action to the first one painted with the rows: when
 * each began (the frame clock's update) and ended (after-paint), seconds
 * from the action, so that a long frame holding up the first page's
 * answer shows. */
static GString *frames;
static double frame_began = -1;

static void
frame_update (GdkFrameClock *clock)
{
  frame_began = (double) (g_get_monotonic_time () - t_start) / 1e6;
}

static void
frame_end (GdkFrameClock *clock)
{
  double now = (double) (g_get_monotonic_time () - t_start) / 1e6;

  if (frames != NULL && t_painted < 0)
    g_string_append_printf (frames, " %.3f–%.3f", frame_began, now);
}

static gboolean
pane_has_model (gpointer pane)
{
  return hc_subjects_pane_get_model (pane) != NULL;
}

static gboolean
frame_painted (gpointer data)
{
  return t_painted >= 0;
}

static void
body (HcApplication *app,
      HcWindow      *window,
      gpointer       data)
{
  HcSignInPage *page = hc_window_get_sign_in_page (window);
  HcSubjectsPane *pane;
  HcSubjectModel *model;
  GtkWidget *view;
  GtkAdjustment *adj;
  gint64 start;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  hc_sign_in_page_set_credentials (page, "admin", password);
  hc_sign_in_page_submit (page);
  hc_ui_wait_until ("the console", console_or_error, window);

  /* The app signed in, before the pane: what the list adds is the rest. */
  read_memory (&rss_before, &peak_before);
  mappings_before = memory_by_mapping ();
  /* Opening the pane: from the action to its first row drawn. */
  frames = g_string_new (NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "update", G_CALLBACK (frame_update), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (frame_end), NULL);
  start = t_start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "subjects");
  t_shown = (double) (g_get_monotonic_time () - start) / 1e6;
  pane = HC_SUBJECTS_PANE (hc_window_get_pane_widget (window, "subjects"));
  hc_ui_wait_until ("the pane's model", pane_has_model, pane);
  model = HC_SUBJECT_MODEL (hc_subjects_pane_get_model (pane));
  g_signal_connect (model, "notify::total", G_CALLBACK (total_came), NULL);
  total_came (model);
  hc_ui_wait_until ("the first rows", first_row_shown, model);
  first_rows = (double) (g_get_monotonic_time () - start) / 1e6;
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted), NULL);

    hc_ui_wait_until ("a frame with the first rows", frame_painted, NULL);
    g_signal_handler_disconnect (clock, id);
  }
  g_print ("subjects listed: %u\n", g_list_model_get_n_items (G_LIST_MODEL (model)));

  /* Dragging the scroll bar to the bottom: the view asks for the rows there. */
  view = hc_ui_find_descendant (GTK_WIDGET (pane), GTK_TYPE_COLUMN_VIEW);
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  start = g_get_monotonic_time ();
  while (!last_row_shown (model))
    {
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      g_main_context_iteration (NULL, TRUE);
    }
  to_end = (double) (g_get_monotonic_time () - start) / 1e6;
  pages_at_end = hc_subject_model_get_n_loaded (model);
  read_memory (&rss_end, &rss_peak);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = bench_server_path ();
  g_autoptr(GError) error = NULL;
  const char *env_db = g_getenv ("BENCH_DB");
  const char *scale = g_getenv ("SCALE") ? g_getenv ("SCALE") : "10";
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *pw = NULL;
  g_autofree char *url = NULL;
  GSubprocess *server = NULL;
  gboolean seed;
  int status;

  hc_ui_test_init (&argc, &argv);
  password = g_strdup (g_getenv ("BENCH_PASSWORD") ? g_getenv ("BENCH_PASSWORD") : DEFAULT_PASSWORD);
  dir = g_dir_make_tmp ("hncredit-bench-XXXXXX", &error);
  g_assert_no_error (error);
  db = env_db ? g_strdup (env_db) : g_build_filename (dir, "bench.db", NULL);
  pw = g_build_filename (dir, "password", NULL);
  g_file_set_contents (pw, password, -1, &error);
  g_assert_no_error (error);
  seed = !g_file_test (db, G_FILE_TEST_EXISTS);
  url = bench_server_start (path, db, pw, seed ? scale : NULL, &server);

  {
    const char *args[] = { "--server", url, NULL };

    status = hc_ui_run_app (args, body, NULL);
  }
  bench_server_stop (server);

  g_print ("first rows after opening the pane: %.3f s (target 0.5 s: %s)\n", first_rows,
           first_rows <= 0.5 ? "met" : "NOT met");
  g_print ("  of which: action returned %.3f s, first page answered %.3f s, first frame painted with it %.3f s\n",
           t_shown, t_answer, t_painted);
  g_print ("  frames until then (began–painted, s):%s\n", frames != NULL ? frames->str : "");
  if (frames != NULL)
    g_string_free (frames, TRUE);
  g_print ("jump to the end, last row shown:   %.3f s (target 1 s: %s)\n", to_end,
           to_end <= 1.0 ? "met" : "NOT met");
  g_print ("rows loaded at the end:            %u\n", pages_at_end);
  g_print ("app memory (RSS) at the end:       %.1f MB, peak %.1f MB (target 250 MB: %s)\n",
           rss_end / 1e6, rss_peak / 1e6, rss_peak <= 250000000 ? "met" : "NOT met");
  g_print ("app memory before opening the pane:  %.1f MB (the pane and its list added %.1f MB)\n",
           rss_before / 1e6, ((double) rss_end - (double) rss_before) / 1e6);

  g_print ("resident memory before opening the pane, by mapping (the largest):\n%s",
           mappings_before ? mappings_before : "");
  g_free (mappings_before);

  g_remove (pw);
  if (env_db == NULL)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_remove (db);
      g_remove (wal);
      g_remove (shm);
    }
  g_rmdir (dir);
  return hc_ui_test_finish (status);
}
