/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 双随机、一公开 in the app over a real server: a supervisor creates a plan
 * in its dialog (a plan the server refuses keeps the dialog open with the
 * reason), draws it, sees the subjects drawn with their two inspectors in
 * the column view, and records a failed inspection, which the server
 * publishes and counts in the plan's completion, and which the subject's
 * credit file then shows. The inspectors are picked from the department's
 * active users. zh_CN screenshots. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "hc-client.h"
#include "hc-core.h"
#include "hc-credit-file-view.h"
#include "hc-record-table.h"
#include "hc-subject-model.h"
#include "hc-subjects-pane.h"
#include "hc-inspection-conflicts-dialog.h"
#include "hc-inspection-plan-dialog.h"
#include "hc-inspections-pane.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

#define N_SUBJECTS 6

static HcTestServer *server;
static char *identifiers[N_SUBJECTS];

static void set_entry_row (GtkWidget  *root,
                           guint       nth,
                           const char *text);

static gboolean
pane_idle (gpointer data)
{
  return !hc_inspections_pane_get_busy (HC_INSPECTIONS_PANE (data));
}

static gboolean
dialog_idle (gpointer data)
{
  return !hc_inspection_plan_dialog_get_busy (HC_INSPECTION_PLAN_DIALOG (data));
}

static gboolean
publicity_idle (gpointer data)
{
  return !hc_inspection_publicity_view_get_loading (HC_INSPECTION_PUBLICITY_VIEW (data));
}

static gboolean
export_done (gpointer data)
{
  return !hc_pane_get_exporting (HC_PANE (data)) && hc_pane_get_export_toast (HC_PANE (data)) != NULL;
}

static gboolean
conflicts_idle (gpointer data)
{
  return !hc_inspection_conflicts_dialog_get_busy (HC_INSPECTION_CONFLICTS_DIALOG (data));
}

static guint
n_conflicts (HcInspectionConflictsDialog *dialog)
{
  return json_array_get_length (hc_inspection_plan_get_conflicts (hc_inspection_conflicts_dialog_get_plan (dialog)));
}

static void
declare_conflict (HcInspectionConflictsDialog *dialog,
                  const char                  *subject)
{
  set_entry_row (GTK_WIDGET (dialog), 0, subject);
  set_entry_row (GTK_WIDGET (dialog), 1, "亲属在该企业任职");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.add", NULL));
  hc_ui_wait_until ("the conflict", conflicts_idle, dialog);
}

static gboolean
one_shown (gpointer data)
{
  return hc_inspection_plan_dialog_get_n_shown (HC_INSPECTION_PLAN_DIALOG (data)) == 1;
}

static gboolean
all_shown (gpointer data)
{
  HcInspectionPlanDialog *dialog = data;

  return hc_inspection_plan_dialog_get_n_shown (dialog) == hc_inspection_plan_dialog_get_n_inspectors (dialog);
}

/* Ticks the box of the @nth user the picker shows (by user name). */
static void
pick_inspector (HcInspectionPlanDialog *dialog,
                guint                   nth)
{
  guint n = nth;
  GtkWidget *check = hc_ui_find_nth (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, &n);

  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
}

static gboolean
plan_listed (gpointer data)
{
  HcInspectionsPane *pane = data;

  return pane_idle (pane) && g_list_model_get_n_items (hc_inspections_pane_get_plans (pane)) == 1 &&
         hc_inspections_pane_get_plan (pane) != NULL;
}

static gboolean
drawn (gpointer data)
{
  HcInspectionsPane *pane = data;

  return pane_idle (pane) && g_list_model_get_n_items (hc_inspections_pane_get_inspections (pane)) > 0;
}

static gboolean
subjects_found (gpointer data)
{
  HcSubjectModel *model = data;

  return !hc_subject_model_get_loading (model) && hc_subject_model_get_total (model) == 1;
}

static gboolean
file_loaded (gpointer data)
{
  HcCreditFileView *view = data;
  HcRecordTable *table = hc_credit_file_view_get_table (view, "inspection");

  return !hc_credit_file_view_get_busy (view) && hc_credit_file_view_get_file (view) != NULL &&
         !hc_record_table_get_loading (table);
}

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  g_autoptr(GdkTexture) texture = hc_ui_take_shot (widget, name);

  g_assert_false (hc_ui_texture_is_blank (texture));
}

/* Whether @button, as drawn, shows the accent colour of a suggested
 * action: some pixel whose blue is well above its red (a plain button, or
 * a disabled one, is grey). Its picture is written as screenshot-@name. */
static gboolean
drawn_in_accent (GtkWidget  *button,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = hc_ui_take_shot (button, name);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      int red = (pixels[i] >> 16) & 0xff;
      int blue = pixels[i] & 0xff;

      if (blue - red > 60)
        return TRUE;
    }
  return FALSE;
}

static void
set_entry_row (GtkWidget  *root,
               guint       nth,
               const char *text)
{
  guint n = nth;
  GtkWidget *row = hc_ui_find_nth (root, ADW_TYPE_ENTRY_ROW, &n);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_spin (GtkWidget *root,
          guint      nth,
          double     value)
{
  guint n = nth;
  GtkWidget *spin = hc_ui_find_nth (root, GTK_TYPE_SPIN_BUTTON, &n);

  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
}

static void
plan_draw_and_result (HcApplication *app,
                      HcWindow      *window,
                      gpointer       data)
{
  HcInspectionsPane *pane;
  HcInspectionPlanDialog *dialog;
  HcInspectionPlan *plan;
  GListModel *inspections;
  GtkWindow *record;
  GtkWidget *draw_button;
  g_autofree char *title = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  pane = HC_INSPECTIONS_PANE (hc_ui_sign_in (window, "supervisor", "inspections"));
  g_assert_cmpuint (g_list_model_get_n_items (hc_inspections_pane_get_plans (pane)), ==, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (pane), "inspections.draw", NULL) &&
                  hc_inspections_pane_get_busy (pane));

  /* The plan's dialog: the inspectors are picked from the department's
   * users (a search narrows the list); one is not enough; a plan the
   * server refuses keeps the dialog open with the reason. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "inspections.new-plan", NULL));
  dialog = HC_INSPECTION_PLAN_DIALOG (hc_inspections_pane_get_dialog (pane));
  g_assert_nonnull (dialog);
  hc_ui_wait_until ("the departments and their users", dialog_idle, dialog);
  g_assert_cmpuint (hc_inspection_plan_dialog_get_n_departments (dialog), >=, 1);
  /* inspector.a, .b, .c and the supervisor; not inspector.gone (inactive) */
  g_assert_cmpuint (hc_inspection_plan_dialog_get_n_inspectors (dialog), ==, 4);
  gtk_editable_set_text (GTK_EDITABLE (hc_ui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY)),
                         "INSPECTOR.B");
  hc_ui_wait_until ("the search", one_shown, dialog);
  gtk_editable_set_text (GTK_EDITABLE (hc_ui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY)), "");
  hc_ui_wait_until ("the search cleared", all_shown, dialog);
  set_entry_row (GTK_WIDGET (dialog), 0,
                 "2026年市场监管领域双随机抽查（海口）——标题超过一百个字符的计划会被服务器拒绝，"
                 "对话框保持打开并显示原因。这一句话只是为了让标题足够长，足够长，足够长，足够长，足够长，足够长，足够长，足够长，足够长。");
  pick_inspector (dialog, 0);
  g_assert_cmpuint (hc_inspection_plan_dialog_get_n_picked (dialog), ==, 1);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL) &&
                  hc_inspection_plan_dialog_get_busy (dialog));
  pick_inspector (dialog, 1);
  for (guint g = 0; g < 4; g++)
    set_spin (GTK_WIDGET (dialog), g, 100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  hc_ui_wait_until ("the refusal", dialog_idle, dialog);
  g_assert_nonnull (hc_inspection_plan_dialog_get_message (dialog));
  g_test_message ("refused: %s", hc_inspection_plan_dialog_get_message (dialog));
  g_assert_nonnull (strstr (hc_inspection_plan_dialog_get_message (dialog), "100"));
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM inspection_plans"), ==, 0);

  set_entry_row (GTK_WIDGET (dialog), 0, "2026年市场监管领域双随机抽查（海口）");
  pick_inspector (dialog, 2);
  g_assert_cmpuint (hc_inspection_plan_dialog_get_n_picked (dialog), ==, 3);
  save_shot (GTK_WIDGET (dialog), "inspection-plan-dialog");
  {
    GtkWidget *scrolled = hc_ui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    save_shot (GTK_WIDGET (dialog), "inspection-plan-dialog-inspectors");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  hc_ui_wait_until ("the plan in the list", plan_listed, pane);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM inspection_plans"), ==, 1);
  plan = hc_inspections_pane_get_plan (pane);
  g_assert_cmpstr (hc_inspection_plan_get_state (plan), ==, "planned");
  g_object_get (plan, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "2026年市场监管领域双随机抽查（海口）");

  /* Conflicts, before the draw: a subject that is not one is refused with
   * the field named; one declared, withdrawn and declared again. */
  {
    HcInspectionConflictsDialog *conflicts;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "inspections.conflicts", NULL));
    conflicts = HC_INSPECTION_CONFLICTS_DIALOG (hc_inspections_pane_get_dialog (pane));
    g_assert_nonnull (conflicts);
    declare_conflict (conflicts, "91460000MA5TXXXXXX");
    g_assert_nonnull (hc_inspection_conflicts_dialog_get_message (conflicts));
    g_assert_cmpstr (hc_inspection_conflicts_dialog_get_field (conflicts), ==, "subject");
    g_assert_cmpuint (n_conflicts (conflicts), ==, 0);
    save_shot (GTK_WIDGET (conflicts), "inspection-conflicts-refused");
    declare_conflict (conflicts, identifiers[0]);
    g_assert_null (hc_inspection_conflicts_dialog_get_message (conflicts));
    g_assert_cmpuint (n_conflicts (conflicts), ==, 1);
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM inspection_conflicts"), ==, 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (conflicts), "dialog.withdraw", "i", 0));
    hc_ui_wait_until ("the withdrawal", conflicts_idle, conflicts);
    g_assert_cmpuint (n_conflicts (conflicts), ==, 0);
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM inspection_conflicts"), ==, 0);
    declare_conflict (conflicts, identifiers[0]);
    g_assert_cmpuint (n_conflicts (conflicts), ==, 1);
    save_shot (GTK_WIDGET (conflicts), "inspection-conflicts");
    gtk_window_close (GTK_WINDOW (conflicts));
    g_assert_cmpuint (json_array_get_length (hc_inspection_plan_get_conflicts (hc_inspections_pane_get_plan (pane))),
                      ==, 1);
  }

  /* The draw: every graded subject (ratios 100 %), two inspectors each.
   * The button is the suggested action while the plan can be drawn, and
   * reads as disabled once it is drawn (not a faded blue). */
  draw_button = hc_ui_find_action_button (GTK_WIDGET (pane), "inspections.draw");
  g_assert_nonnull (draw_button);
  g_assert_true (gtk_widget_get_sensitive (draw_button));
  g_assert_true (drawn_in_accent (draw_button, "inspections-draw-enabled"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "inspections.draw", NULL));
  hc_ui_wait_until ("the draw", drawn, pane);
  g_assert_false (gtk_widget_get_sensitive (draw_button));
  g_assert_false (drawn_in_accent (draw_button, "inspections-draw-disabled"));
  g_assert_null (hc_inspections_pane_get_message (pane));
  plan = hc_inspections_pane_get_plan (pane);
  g_assert_cmpstr (hc_inspection_plan_get_state (plan), ==, "drawn");
  inspections = hc_inspections_pane_get_inspections (pane);
  g_assert_cmpuint (g_list_model_get_n_items (inspections), ==, N_SUBJECTS);
  for (guint i = 0; i < g_list_model_get_n_items (inspections); i++)
    {
      g_autoptr(HcInspection) inspection = g_list_model_get_item (inspections, i);
      g_autofree char *names = NULL;
      g_autofree char *label = NULL;

      g_object_get (inspection, "inspectors-text", &names, "result-label", &label, NULL);
      g_assert_nonnull (strstr (names, "、"));
      g_assert_cmpstr (label, ==, "待录入");
    }
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM inspections"), ==, N_SUBJECTS);
  {
    g_autofree char *sql =
      g_strdup_printf ("SELECT count(*) FROM inspections i JOIN subjects s ON s.id = i.subject_id JOIN users u"
                       " ON u.id IN (i.inspector_1, i.inspector_2) WHERE s.identifier = '%s'"
                       " AND u.username = 'inspector.a'", identifiers[0]);

    g_assert_cmpint (hc_test_count_rows (server, sql), ==, 0);
  }
  save_shot (GTK_WIDGET (window), "inspections-drawn");

  /* Drawn: the conflicts are shown, and no longer change. */
  {
    HcInspectionConflictsDialog *conflicts;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "inspections.conflicts", NULL));
    conflicts = HC_INSPECTION_CONFLICTS_DIALOG (hc_inspections_pane_get_dialog (pane));
    g_assert_cmpuint (n_conflicts (conflicts), ==, 1);
    gtk_widget_activate_action (GTK_WIDGET (conflicts), "dialog.withdraw", "i", 0);
    g_assert_false (hc_inspection_conflicts_dialog_get_busy (conflicts));
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM inspection_conflicts"), ==, 1);
    save_shot (GTK_WIDGET (conflicts), "inspection-conflicts-drawn");
    gtk_window_close (GTK_WINDOW (conflicts));
  }

  /* A failed inspection, with its note. */
  hc_inspections_pane_select_inspection (pane, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "inspections.record", NULL));
  record = hc_inspections_pane_get_dialog (pane);
  g_assert_nonnull (record);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (hc_ui_find_descendant (GTK_WIDGET (record), GTK_TYPE_DROP_DOWN)), 2);
  gtk_editable_set_text (GTK_EDITABLE (hc_ui_find_descendant (GTK_WIDGET (record), GTK_TYPE_ENTRY)),
                         "经营场所与登记住所不符，未按规定公示年度报告");
  save_shot (GTK_WIDGET (record), "inspection-result-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (record), "record");
  hc_ui_wait_until ("the result", pane_idle, pane);
  g_assert_null (hc_inspections_pane_get_message (pane));
  {
    g_autoptr(HcInspection) first = g_list_model_get_item (inspections, 0);
    g_autofree char *label = NULL;

    g_assert_cmpstr (hc_inspection_get_result (first), ==, "fail");
    g_object_get (first, "result-label", &label, NULL);
    g_assert_cmpstr (label, ==, "不合格");
  }
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM inspections WHERE result = 'fail'"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'inspection.result'"),
                   ==, 1);
  plan = hc_inspections_pane_get_plan (pane);
  g_assert_cmpint (hc_inspection_plan_get_count (plan, "recorded"), ==, 1);
  g_assert_cmpint (hc_inspection_plan_get_count (plan, "failed"), ==, 1);
  save_shot (GTK_WIDGET (window), "inspections-result");

  /* 一公开: the result published, filtered, and exported as filtered. */
  {
    HcInspectionPublicityView *publicity = hc_inspections_pane_get_publicity_view (pane);
    g_autofree char *dir = g_dir_make_tmp ("hncredit-publicity-XXXXXX", NULL);
    g_autofree char *csv_path = g_build_filename (dir, "双随机抽查结果公示.csv", NULL);
    g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
    g_autoptr(HcInspection) first = g_list_model_get_item (inspections, 0);
    g_autoptr(HcInspection) shown = NULL;
    g_autofree char *text = NULL;
    g_autofree char *label = NULL;
    g_autofree char *plan_title = NULL;

    hc_inspections_pane_show_view (pane, "publicity");
    hc_ui_wait_until ("the publicity", publicity_idle, publicity);
    g_assert_cmpstr (hc_inspection_publicity_view_get_error (publicity), ==, "");
    g_assert_cmpuint (g_list_model_get_n_items (hc_inspection_publicity_view_get_results (publicity)), ==, 1);
    shown = g_list_model_get_item (hc_inspection_publicity_view_get_results (publicity), 0);
    g_assert_cmpstr (hc_inspection_get_identifier (shown), ==, hc_inspection_get_identifier (first));
    g_object_get (shown, "result-label", &label, "plan-title", &plan_title, NULL);
    g_assert_cmpstr (label, ==, "不合格");
    g_assert_cmpstr (plan_title, ==, "2026年市场监管领域双随机抽查（海口）");
    save_shot (GTK_WIDGET (window), "inspections-publicity");

    /* No pass is published: the filter finds none. */
    hc_inspection_publicity_view_set_filters (publicity, "460100", "pass");
    hc_ui_wait_until ("the filtered publicity", publicity_idle, publicity);
    g_assert_cmpuint (g_list_model_get_n_items (hc_inspection_publicity_view_get_results (publicity)), ==, 0);
    save_shot (GTK_WIDGET (window), "inspections-publicity-empty");
    hc_inspection_publicity_view_set_filters (publicity, "460100", "fail");
    hc_ui_wait_until ("the failed in 海口", publicity_idle, publicity);
    g_assert_cmpuint (g_list_model_get_n_items (hc_inspection_publicity_view_get_results (publicity)), ==, 1);

    hc_pane_export_listing_to_file (HC_PANE (pane), "inspection-publicity", HC_EXPORT_FORMAT_CSV, csv);
    hc_ui_wait_until ("the export", export_done, pane);
    g_assert_cmpuint (hc_ui_csv_rows (csv_path, NULL), ==, 1);
    g_assert_true (g_file_get_contents (csv_path, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, hc_inspection_get_name (first)));
    g_assert_nonnull (strstr (text, "经营场所与登记住所不符"));
    adw_toast_dismiss (hc_pane_get_export_toast (HC_PANE (pane)));
    g_unlink (csv_path);
    g_rmdir (dir);
    hc_inspections_pane_show_view (pane, "plans");
  }

  /* The subject's credit file holds the failed inspection, with its
   * findings, in its own tab. */
  {
    g_autoptr(HcInspection) first = g_list_model_get_item (inspections, 0);
    HcSubjectsPane *subjects;
    HcSubjectModel *model;
    HcCreditFileView *view;
    HcRecordTable *table;
    g_autoptr(HcRecord) found = NULL;

    hc_ui_wait_pane_loaded (window, "subjects");
    subjects = HC_SUBJECTS_PANE (hc_window_get_pane_widget (window, "subjects"));
    model = HC_SUBJECT_MODEL (hc_subjects_pane_get_model (subjects));
    view = hc_subjects_pane_get_file_view (subjects);
    gtk_editable_set_text (GTK_EDITABLE (hc_ui_find_descendant (GTK_WIDGET (subjects), GTK_TYPE_SEARCH_ENTRY)),
                           hc_inspection_get_name (first));
    hc_ui_wait_until ("the subject", subjects_found, model);
    hc_subjects_pane_select (subjects, 0);
    hc_ui_wait_until ("the credit file", file_loaded, view);
    table = hc_credit_file_view_get_table (view, "inspection");
    g_assert_cmpint (hc_record_table_get_total (table), ==, 1);
    g_assert_cmpstr (hc_credit_file_view_get_tab_title (view, "inspection"), ==, "抽查未通过（1）");
    found = g_list_model_get_item (hc_record_table_get_rows (table), 0);
    g_assert_cmpstr (hc_record_get_kind (found), ==, "inspection");
    g_assert_cmpstr (hc_record_get_state_label (found), ==, "不合格");
    g_assert_cmpstr (hc_record_get_detail (found), ==, "经营场所与登记住所不符，未按规定公示年度报告");
    hc_credit_file_view_show_kind (view, "inspection");
    save_shot (GTK_WIDGET (window), "credit-file-inspections");
  }
}

static void
test_plan_draw_and_result (void)
{
  hc_ui_run_app_on (server, plan_draw_and_result, NULL);
}

/* A department with a supervisor and three inspectors; six companies of
 * 海口, graded under a published model. */
static void
set_up (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autoptr(GRand) prng = g_rand_new_with_seed (1207);
  gint64 department = hc_test_create_department (server, "SCJG", "海南省市场监督管理局");
  static const char * const names[N_SUBJECTS] = {
    "海南椰林食品有限公司", "海口美兰商贸有限公司", "海南南海渔业有限公司",
    "海口龙华建材有限公司", "海南琼州旅游服务有限公司", "海口秀英物流有限公司",
  };

  hc_test_create_user_in (server, "supervisor", "supervisor", department);
  hc_test_create_user_in (server, "inspector.a", "analyst", department);
  hc_test_create_user_in (server, "inspector.b", "analyst", department);
  hc_test_create_user_in (server, "inspector.c", "analyst", department);
  hc_test_create_user_in (server, "inspector.gone", "analyst", department);
  {
    g_autoptr(JsonObject) users = hc_test_get_object (server, "admin", "/users");
    JsonArray *items = json_object_get_array_member (users, "items");

    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *user = json_array_get_object_element (items, i);
        g_autofree char *path = NULL;
        g_autoptr(HcTestResponse) got = NULL;
        g_autoptr(HcTestResponse) patched = NULL;
        g_autoptr(GBytes) body = NULL;

        if (g_strcmp0 (json_object_get_string_member (user, "username"), "inspector.gone") != 0)
          continue;
        path = g_strdup_printf ("/users/%" G_GINT64_FORMAT, json_object_get_int_member (user, "id"));
        got = hc_test_request (server, "GET", path, admin, NULL);
        body = g_bytes_new_static ("{\"active\":false}", strlen ("{\"active\":false}"));
        patched = hc_test_request_full (server, "PATCH", path, admin, "application/json", body, got->etag);
        hc_assert_status (patched, 200, NULL);
      }
  }
  hc_test_publish_grading_model (server, "2026年度公共信用综合评价模型");
  for (guint i = 0; i < N_SUBJECTS; i++)
    {
      const char *uscc = identifiers[i] = hc_uscc_generate (prng, "460100");
      g_autofree char *body =
        g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"%s\",\"type\":\"legal_person\",\"region\":\"460100\","
                         "\"industry\":\"批发和零售业\",\"registered_on\":\"201%u-05-01\"}", uscc, names[i], i);
      g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/subjects", admin, body);

      hc_assert_status (r, 201, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hc_ui_test_init (&argc, &argv);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  set_up ();
  g_test_add_func ("/ui/inspections/plan-draw-and-result", test_plan_draw_and_result);
  status = g_test_run ();
  hc_test_server_free (server);
  for (guint i = 0; i < N_SUBJECTS; i++)
    g_free (identifiers[i]);
  return hc_ui_test_finish (status);
}
