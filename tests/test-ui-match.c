/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 名单自动比对 in the lists pane against the demo server: a CSV of demo
 * subjects (some on published lists, one not, one unreadable row) is
 * matched; the run and its hits show; a filter narrows them; the hits and
 * the unreadable row export through the pane; a hit cleared as a false
 * match through its dialog is marked so. zh_CN screenshot. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "hc-client.h"
#include "hc-lists-pane.h"
#include "hc-list-reason-dialog.h"
#include "hc-match-view.h"
#include "hc-test-server.h"
#include "hc-export-button.h"
#include "hc-ui-test.h"

typedef struct
{
  HcTestServer *server;
  char         *dir;
  char         *csv_path;
  guint         listed;     /* identifiers of the CSV on a published entry */
} Fixture;

static gboolean
types_loaded (gpointer data)
{
  return g_list_model_get_n_items (hc_lists_pane_get_entries (HC_LISTS_PANE (data))) > 0 ||
         hc_lists_pane_get_total (HC_LISTS_PANE (data)) >= 0;
}

static gboolean
view_idle (gpointer data)
{
  return !hc_match_view_get_busy (HC_MATCH_VIEW (data));
}

static gboolean
run_shown (gpointer data)
{
  HcMatchView *view = data;

  return !hc_match_view_get_busy (view) && hc_match_view_get_run (view) != NULL &&
         hc_match_view_get_total (view) >= 0;
}

static gboolean
export_done (gpointer data)
{
  return !hc_pane_get_exporting (HC_PANE (data)) && hc_pane_get_export_toast (HC_PANE (data)) != NULL;
}

static gboolean
feedback_loaded (gpointer data)
{
  return hc_list_feedback_view_get_loaded (HC_LIST_FEEDBACK_VIEW (data));
}

static gboolean
dialog_shown (gpointer data)
{
  return hc_ui_find_window (HC_TYPE_LIST_REASON_DIALOG) != NULL;
}

static gint64
server_hits (Fixture *f,
             gint64   run_id)
{
  g_autofree char *path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT, run_id);
  g_autoptr(JsonObject) run = hc_test_get_object (f->server, "admin", path);

  return json_object_get_int_member (run, "hits");
}

/* The clearances that stand, as the server counts them. */
static gint64
standing_clearances (Fixture *f)
{
  g_autoptr(JsonObject) page = hc_test_get_object (f->server, "admin", "/lists/match-clearances?standing=true&total=true");

  return json_object_get_int_member (page, "total");
}

static void
export (HcPane     *pane,
        const char *listing,
        const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  hc_pane_export_listing_to_file (pane, listing, HC_EXPORT_FORMAT_CSV, file);
  g_assert_true (hc_pane_get_exporting (pane));
  hc_ui_wait_until ("the export", export_done, pane);
  adw_toast_dismiss (hc_pane_get_export_toast (pane));
}

static void
match_and_export (HcApplication *app,
                  HcWindow      *window,
                  gpointer       data)
{
  Fixture *f = data;
  g_autoptr(GFile) file = g_file_new_for_path (f->csv_path);
  g_autofree char *hits_path = g_build_filename (f->dir, "hits.csv", NULL);
  g_autofree char *invalid_path = g_build_filename (f->dir, "invalid.csv", NULL);
  g_autofree char *filtered_path = g_build_filename (f->dir, "filtered.csv", NULL);
  g_autofree char *header = NULL;
  g_autofree char *invalid = NULL;
  g_autoptr(GdkTexture) shot = NULL;
  g_autoptr(HcMatchHit) first = NULL;
  g_autoptr(HcMatchHit) cleared = NULL;
  g_autoptr(HcMatchHit) withdrawn = NULL;
  gint64 clearance_id, standing = standing_clearances (f);
  AdwMessageDialog *dialog;
  HcListsPane *pane;
  HcMatchView *view;
  HcMatchRun *run;
  gint64 total;

  pane = HC_LISTS_PANE (hc_ui_sign_in (window, "admin", "lists"));
  hc_ui_wait_until ("the list types", types_loaded, pane);

  hc_lists_pane_show_view (pane, "match");
  view = hc_lists_pane_get_match_view (pane);
  hc_ui_wait_until ("the runs", view_idle, view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  /* Its two export buttons are told apart by their labels and mnemonics. */
  {
    guint nth0 = 0, nth1 = 1;
    GtkWidget *hits_button = hc_ui_find_nth (GTK_WIDGET (view), HC_TYPE_EXPORT_BUTTON, &nth0);
    GtkWidget *invalid_button = hc_ui_find_nth (GTK_WIDGET (view), HC_TYPE_EXPORT_BUTTON, &nth1);
    g_autofree char *hits_label = NULL;
    g_autofree char *invalid_label = NULL;

    g_assert_nonnull (hits_button);
    g_assert_nonnull (invalid_button);
    g_object_get (hits_button, "label", &hits_label, NULL);
    g_object_get (invalid_button, "label", &invalid_label, NULL);
    g_assert_cmpstr (hits_label, !=, invalid_label);
    g_assert_nonnull (strchr (hits_label, '_'));
    g_assert_nonnull (strchr (invalid_label, '_'));
    g_assert_cmpint (g_ascii_tolower (strchr (hits_label, '_')[1]), !=,
                     g_ascii_tolower (strchr (invalid_label, '_')[1]));
  }

  /* What the file chooser's Open does. */
  hc_match_view_match_file (view, file);
  g_assert_true (hc_match_view_get_busy (view));
  hc_ui_wait_until ("the run", run_shown, view);
  run = hc_match_view_get_run (view);
  g_assert_cmpint (hc_match_run_get_subjects (run), ==, f->listed + 2);
  g_assert_cmpint (hc_match_run_get_invalid (run), ==, 1);
  g_assert_cmpint (hc_match_run_get_hits (run), >=, f->listed);
  g_assert_cmpint (hc_match_run_get_hits (run), ==, server_hits (f, hc_match_run_get_id (run)));
  g_assert_cmpint (hc_match_view_get_total (view), ==, hc_match_run_get_hits (run));
  g_assert_nonnull (hc_match_view_get_message (view));
  g_test_message ("message: %s", hc_match_view_get_message (view));
  g_assert_nonnull (strstr (hc_match_view_get_message (view), "无法读取"));
  first = g_list_model_get_item (hc_match_view_get_hits (view), 0);
  g_assert_nonnull (hc_match_hit_get_measure_names (first));
  g_assert_cmpstr (hc_match_hit_get_feedback_label (first), ==, "待反馈");

  /* The hits and the unreadable row, exported through the pane. */
  export (HC_PANE (pane), "match-hits", hits_path);
  g_assert_cmpuint (hc_ui_csv_rows (hits_path, &header), ==, hc_match_view_get_total (view));
  g_test_message ("hits header: %s", header);
  export (HC_PANE (pane), "match-invalid", invalid_path);
  g_assert_cmpuint (hc_ui_csv_rows (invalid_path, NULL), ==, 1);
  g_assert_true (g_file_get_contents (invalid_path, &invalid, NULL, NULL));
  g_assert_nonnull (strstr (invalid, "91460100MA5T10008X"));

  /* A filter narrows the hits, and the export follows it. */
  total = hc_match_view_get_total (view);
  g_assert_true (hc_match_view_set_filter (view, "class", "red"));
  hc_ui_wait_until ("the red hits", view_idle, view);
  g_assert_cmpint (hc_match_view_get_total (view), <, total);
  export (HC_PANE (pane), "match-hits", filtered_path);
  g_assert_cmpuint (hc_ui_csv_rows (filtered_path, NULL), ==, hc_match_view_get_total (view));
  g_assert_true (hc_match_view_set_filter (view, "class", NULL));
  hc_ui_wait_until ("all hits", view_idle, view);
  g_assert_cmpint (hc_match_view_get_total (view), ==, total);

  /* A false match: the dialog wants a reason; the hit is then marked. */
  g_assert_true (hc_match_view_select_hit (view, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "match.clear-hit", NULL));
  hc_ui_wait_until ("the reason dialog", dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (hc_ui_find_window (HC_TYPE_LIST_REASON_DIALOG));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "同名不同主体");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hc_ui_wait_until ("the clearance", run_shown, view);
  g_assert_nonnull (strstr (hc_match_view_get_message (view), "误匹配"));
  cleared = g_list_model_get_item (hc_match_view_get_hits (view), 0);
  g_assert_true (hc_match_hit_get_cleared (cleared));
  g_assert_cmpstr (hc_match_hit_get_feedback_label (cleared), ==, "已排除（误匹配）");
  clearance_id = hc_match_hit_get_clearance_id (cleared);
  g_assert_cmpint (clearance_id, >, 0);
  g_assert_cmpint (standing_clearances (f), ==, standing + 1);

  /* Withdrawn: the dialog wants a reason; the hit is raised again and the
   * server keeps the clearance, withdrawn. */
  g_assert_true (hc_match_view_select_hit (view, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "match.withdraw-clearance", NULL));
  hc_ui_wait_until ("the withdraw dialog", dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (hc_ui_find_window (HC_TYPE_LIST_REASON_DIALOG));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "核实为同一主体");
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hc_ui_wait_until ("the withdrawal", run_shown, view);
  g_test_message ("withdrawn: %s", hc_match_view_get_message (view));
  g_assert_nonnull (strstr (hc_match_view_get_message (view), "撤销"));
  withdrawn = g_list_model_get_item (hc_match_view_get_hits (view), 0);
  g_assert_false (hc_match_hit_get_cleared (withdrawn));
  g_assert_cmpstr (hc_match_hit_get_feedback_label (withdrawn), ==, "待反馈");
  g_assert_cmpint (standing_clearances (f), ==, standing);
  {
    g_autoptr(JsonObject) all = hc_test_get_object (f->server, "admin", "/lists/match-clearances?limit=100");
    JsonArray *items = json_object_get_array_member (all, "items");
    gboolean found = FALSE;

    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *c = json_array_get_object_element (items, i);

        if (json_object_get_int_member (c, "id") != clearance_id)
          continue;
        found = TRUE;
        g_assert_false (json_object_get_boolean_member (c, "standing"));
        g_assert_cmpstr (json_object_get_string_member (c, "withdraw_reason"), ==, "核实为同一主体");
      }
    g_assert_true (found);
  }

  /* Feedback on the hit, then its list type's feedback over time: the
   * popover on the entries page shows the server's months, this month's
   * applied count among them. */
  g_assert_true (hc_match_view_select_hit (view, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "match.feedback", "b", TRUE));
  hc_ui_wait_until ("the feedback", run_shown, view);
  {
    g_autoptr(HcMatchHit) hit = g_list_model_get_item (hc_match_view_get_hits (view), 0);
    g_autofree char *type = g_strdup (hc_match_hit_get_list_type (hit));
    g_autofree char *path = g_strdup_printf ("/list-types/%s/feedback", type);
    g_autoptr(JsonObject) answer = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *month = g_date_time_format (now, "%Y-%m");
    HcListFeedbackView *feedback = hc_lists_pane_get_feedback_view (pane);
    GListModel *months = hc_list_feedback_view_get_months (feedback);
    JsonArray *expected;
    gboolean seen = FALSE;

    g_assert_cmpstr (hc_match_hit_get_feedback (hit), ==, "applied");
    hc_lists_pane_show_view (pane, "entries");
    g_assert_true (hc_lists_pane_select_list_type (pane, type));
    gtk_popover_popup (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (feedback), GTK_TYPE_POPOVER)));
    hc_ui_wait_until ("the feedback months", feedback_loaded, feedback);
    g_assert_null (hc_list_feedback_view_get_message (feedback));
    answer = hc_test_get_object (f->server, "admin", path);
    expected = json_object_get_array_member (answer, "months");
    g_assert_cmpuint (g_list_model_get_n_items (months), ==, json_array_get_length (expected));
    g_assert_cmpuint (g_list_model_get_n_items (months), >=, 1);
    for (guint i = 0; i < g_list_model_get_n_items (months); i++)
      {
        g_autoptr(HcFeedbackMonth) m = g_list_model_get_item (months, i);
        JsonObject *e = json_array_get_object_element (expected, i);

        g_assert_cmpstr (hc_feedback_month_get_month (m), ==, json_object_get_string_member (e, "month"));
        g_assert_cmpint (hc_feedback_month_get_hits (m), ==, json_object_get_int_member (e, "hits"));
        g_assert_cmpint (hc_feedback_month_get_applied (m), ==, json_object_get_int_member (e, "applied"));
        g_assert_cmpint (hc_feedback_month_get_pending (m), ==, json_object_get_int_member (e, "pending"));
        g_assert_cmpint (hc_feedback_month_get_hits (m), ==,
                         hc_feedback_month_get_applied (m) + hc_feedback_month_get_not_applied (m) +
                         hc_feedback_month_get_pending (m));
        if (g_str_equal (hc_feedback_month_get_month (m), month))
          {
            seen = TRUE;
            g_assert_cmpint (hc_feedback_month_get_applied (m), >=, 1);
          }
      }
    g_assert_true (seen);
    g_test_message ("feedback: %s", hc_list_feedback_view_get_summary (feedback));
    g_assert_nonnull (strstr (hc_list_feedback_view_get_summary (feedback), "已落实"));
    shot = hc_ui_take_shot (GTK_WIDGET (feedback), "lists-feedback");
    g_assert_false (hc_ui_texture_is_blank (shot));
    g_clear_object (&shot);
    gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (feedback), GTK_TYPE_POPOVER)));
    hc_lists_pane_show_view (pane, "match");
  }

  /* The demo's own run kept its subjects: it can be re-run. */
  {
    GListModel *runs = hc_match_view_get_runs (view);
    g_autoptr(HcMatchRun) demo = g_list_model_get_item (runs, g_list_model_get_n_items (runs) - 1);

    g_assert_cmpstr (hc_match_run_get_purpose (demo), ==, "政府采购供应商资格审查（演示）");
    g_assert_true (hc_match_run_get_rerunnable (demo));
    g_assert_cmpint (hc_match_run_get_subjects (demo), >, hc_match_run_get_hits (demo) / 2);
  }
  g_assert_true (hc_match_view_select_hit (view, 0));

  shot = hc_ui_take_shot (GTK_WIDGET (window), "lists-match");
  g_assert_false (hc_ui_texture_is_blank (shot));
  g_unlink (hits_path);
  g_unlink (invalid_path);
  g_unlink (filtered_path);
}

/* A CSV of demo subjects: those of the first published black and red
 * entries, a registered one with no entry in force, and an unreadable row. */
static void
write_demo_csv (Fixture *f)
{
  g_autoptr(GString) csv = g_string_new ("统一社会信用代码,名称\n");
  const char *types[] = { "black", "red" };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autofree char *path = g_strdup_printf ("/lists/%s/entries?state=published&limit=3", types[t]);
      g_autoptr(JsonObject) page = hc_test_get_object (f->server, "admin", path);
      JsonArray *items = json_object_get_array_member (page, "items");

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *entry = json_array_get_object_element (items, i);

          g_string_append_printf (csv, "%s,%s\n", json_object_get_string_member (entry, "subject_identifier"),
                                  json_object_get_string_member (entry, "subject_name"));
          f->listed++;
        }
    }
  g_assert_cmpuint (f->listed, >=, 2);
  {
    g_autoptr(HcTestResponse) r = hc_test_request (f->server, "POST", "/subjects", hc_test_server_token (f->server, "admin"),
                                                   "{\"identifier\":\"91460100MA5T100082\",\"name\":\"海南比对无名单测试有限公司\","
                                                   "\"type\":\"legal_person\",\"industry\":\"批发和零售业\"}");
    hc_assert_status (r, 201, NULL);
  }
  g_string_append (csv, "91460100MA5T100082,海南比对无名单测试有限公司\n91460100MA5T10008X,坏行\n");
  f->dir = g_dir_make_tmp ("hc-ui-match-XXXXXX", NULL);
  f->csv_path = g_build_filename (f->dir, "demo-subjects.csv", NULL);
  g_assert_true (g_file_set_contents (f->csv_path, csv->str, -1, NULL));
}

static void
test_match_demo_csv_and_export (void)
{
  Fixture f = { 0, };

  f.server = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  write_demo_csv (&f);
  hc_ui_run_app_on (f.server, match_and_export, &f);
  g_unlink (f.csv_path);
  g_rmdir (f.dir);
  g_free (f.csv_path);
  g_free (f.dir);
  hc_test_server_free (f.server);
}

int
main (int   argc,
      char *argv[])
{
  hc_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/match/demo-csv-and-export", test_match_demo_csv_and_export);
  return hc_ui_test_finish (g_test_run ());
}
