/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 公共信用综合评价 in the app over a real server: a subject's credit file
 * shows its grade with each factor's value, weight and contribution and the
 * model version, as the server computed them; a supervisor's override
 * without a reason is refused and changes nothing, one with a reason is
 * shown as an override (and audited). zh_CN screenshots of both. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "hc-client.h"
#include "hc-core.h"
#include "hc-credit-file-view.h"
#include "hc-grade-factor.h"
#include "hc-grade-view.h"
#include "hc-subject-model.h"
#include "hc-subjects-pane.h"
#include "hc-test-imports.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

static HcTestServer *server;
static char *uscc;

static gboolean
model_idle (gpointer data)
{
  HcSubjectModel *model = data;
  return !hc_subject_model_get_loading (model) && hc_subject_model_get_total (model) >= 0;
}

static gboolean
grade_loaded (gpointer data)
{
  HcGradeView *view = data;

  if (!hc_grade_view_get_busy (view) && hc_grade_view_get_message (view) != NULL)
    g_error ("the grade did not load: %s", hc_grade_view_get_message (view));
  return !hc_grade_view_get_busy (view) && hc_grade_view_get_grade (view) != NULL;
}

static gboolean
not_busy (gpointer data)
{
  return !hc_grade_view_get_busy (HC_GRADE_VIEW (data));
}

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  g_autoptr(GdkTexture) texture = hc_ui_take_shot (widget, name);

  g_assert_false (hc_ui_texture_is_blank (texture));
}

static HcGradeFactor *
factor (HcSubjectGrade *grade,
        const char     *key)
{
  GListModel *factors = hc_subject_grade_get_factors (grade);

  for (guint i = 0; i < g_list_model_get_n_items (factors); i++)
    {
      g_autoptr(HcGradeFactor) f = g_list_model_get_item (factors, i);

      if (g_str_equal (hc_grade_factor_get_factor (f), key))
        return f;    /* the model holds it */
    }
  g_error ("no factor %s", key);
}

/* Opens the override dialog, chooses @choice (0: lift, 1–4: A–D), types
 * @reason and applies. */
static void
override_through_dialog (HcGradeView *view,
                         guint        choice,
                         const char  *reason)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "grade.override", NULL));
  dialog = hc_grade_view_get_dialog (view);
  g_assert_nonnull (dialog);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (hc_ui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN)), choice);
  gtk_editable_set_text (GTK_EDITABLE (hc_ui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)), reason);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  hc_ui_wait_until ("the override's answer", not_busy, view);
}

static void
grade_in_the_credit_file (HcApplication *app,
                          HcWindow      *window,
                          gpointer       data)
{
  g_autofree char *path = g_strdup_printf ("/subjects/%s/grade", uscc);
  g_autoptr(JsonObject) expected = hc_test_get_object (server, "supervisor", path);
  JsonObject *computed = json_object_get_object_member (expected, "computed");
  g_autofree char *audit_sql = g_strdup ("SELECT count(*) FROM audit WHERE action = 'grade.override'");
  HcSubjectsPane *pane;
  HcCreditFileView *file_view;
  HcGradeView *view;
  HcSubjectGrade *grade;
  HcSubjectModel *model;
  GtkEditable *search;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  pane = HC_SUBJECTS_PANE (hc_ui_sign_in (window, "supervisor", "subjects"));
  model = HC_SUBJECT_MODEL (hc_subjects_pane_get_model (pane));
  hc_ui_wait_until ("the first page", model_idle, model);
  search = GTK_EDITABLE (hc_ui_find_descendant (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (search, uscc);
  while (hc_subject_model_get_total (model) != 1 || !model_idle (model))
    g_main_context_iteration (NULL, TRUE);
  hc_subjects_pane_select (pane, 0);

  file_view = hc_subjects_pane_get_file_view (pane);
  view = hc_credit_file_view_get_grade_view (file_view);
  /* The grade is read once its tab is shown. */
  g_assert_null (hc_grade_view_get_grade (view));
  hc_credit_file_view_show_grade (file_view);
  hc_ui_wait_until ("the grade", grade_loaded, view);

  /* What the server computed, factor by factor. */
  grade = hc_grade_view_get_grade (view);
  g_assert_true (hc_subject_grade_get_computed (grade));
  g_assert_cmpstr (hc_subject_grade_get_grade (grade), ==, json_object_get_string_member (expected, "grade"));
  g_assert_cmpint (hc_subject_grade_get_score (grade), ==, json_object_get_int_member (computed, "score"));
  g_assert_cmpint (hc_subject_grade_get_model_id (grade), ==,
                   json_object_get_int_member (json_object_get_object_member (computed, "model"), "id"));
  g_assert_cmpuint (g_list_model_get_n_items (hc_subject_grade_get_factors (grade)), ==,
                    json_array_get_length (json_object_get_array_member (computed, "factors")));
  /* 6 years, one 罚款 100 days ago under the demo model: 66 + 12 − 6 = 72 → B. */
  g_assert_cmpint (hc_subject_grade_get_score (grade), ==, 72);
  g_assert_cmpstr (hc_subject_grade_get_grade (grade), ==, "B");
  g_assert_cmpint (hc_grade_factor_get_value (factor (grade, "penalties_minor_recent")), ==, 1);
  g_assert_cmpint (hc_grade_factor_get_contribution (factor (grade, "penalties_minor_recent")), ==, -6);
  g_assert_cmpint (hc_grade_factor_get_value (factor (grade, "years_registered")), ==, 6);
  /* zh_CN labels */
  g_assert_cmpstr (hc_grade_factor_get_label (factor (grade, "penalties_minor_recent")), ==, "近一年一般行政处罚");
  g_assert_false (hc_subject_grade_get_overridden (grade));
  g_assert_cmpstr (hc_credit_file_view_get_grade_text (file_view), ==, "B");
  save_shot (GTK_WIDGET (window), "grade-factors");

  /* An override without a reason: refused, nothing changes. */
  override_through_dialog (view, 1, "");
  g_assert_nonnull (hc_grade_view_get_message (view));
  g_test_message ("refused: %s", hc_grade_view_get_message (view));
  g_assert_nonnull (strstr (hc_grade_view_get_message (view), "理由"));
  g_assert_cmpstr (hc_subject_grade_get_grade (hc_grade_view_get_grade (view)), ==, "B");
  g_assert_cmpint (hc_test_count_rows (server, audit_sql), ==, 0);

  /* With a reason: the grade in force is the override's, shown as one. */
  override_through_dialog (view, 1, "省重点招商引资项目，经信用办集体研究调整");
  g_assert_null (hc_grade_view_get_message (view));
  grade = hc_grade_view_get_grade (view);
  g_assert_true (hc_subject_grade_get_overridden (grade));
  g_assert_cmpstr (hc_subject_grade_get_grade (grade), ==, "A");
  g_assert_cmpstr (hc_subject_grade_get_computed_grade (grade), ==, "B");
  g_assert_cmpstr (hc_subject_grade_get_override_reason (grade), ==, "省重点招商引资项目，经信用办集体研究调整");
  g_assert_cmpint (hc_test_count_rows (server, audit_sql), ==, 1);
  /* The file's identity shows the grade in force too. */
  g_assert_cmpstr (hc_credit_file_view_get_grade_text (file_view), ==, "A");
  save_shot (GTK_WIDGET (window), "grade-override");
}

static void
test_grade_in_the_credit_file (void)
{
  hc_ui_run_app_on (server, grade_in_the_credit_file, NULL);
}

/* A company registered six years (and ten days) ago with a 罚款 100 days
 * ago, graded under a model drafted from the default and published. */
static void
set_up (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autoptr(GRand) prng = g_rand_new_with_seed (1206);
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) registered = g_date_time_add_full (now, -6, 0, -10, 0, 0, 0);
  g_autoptr(GDateTime) fined = g_date_time_add_days (now, -100);
  g_autofree char *registered_on = g_date_time_format (registered, "%Y-%m-%d");
  g_autofree char *fined_on = g_date_time_format (fined, "%Y-%m-%d");
  g_autofree char *body = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *import_path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HcTestResponse) created = NULL;
  g_autoptr(HcTestResponse) imported = NULL;
  gint64 item = hc_test_imports_penalty_item (server);
  gint64 department = hc_test_create_department (server, "XYB", "海南省社会信用体系建设办公室");

  hc_test_create_user_in (server, "supervisor", "supervisor", department);
  uscc = hc_uscc_generate (prng, "460100");
  body = g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"海南椰林食品有限公司\",\"type\":\"legal_person\","
                          "\"region\":\"460100\",\"industry\":\"制造业\",\"registered_on\":\"%s\"}", uscc, registered_on);
  created = hc_test_request (server, "POST", "/subjects", admin, body);
  hc_assert_status (created, 201, NULL);
  /* Another subject, so that the search narrows the list to this one. */
  {
    g_autofree char *other = hc_uscc_generate (prng, "460200");

    hc_test_create_subject (server, other, "三亚湾旅游服务有限公司", "legal_person", "460200");
  }
  csv = g_strdup_printf ("统一社会信用代码,主体名称,决定文书号,处罚机关,处罚决定日期,处罚类别,罚款金额（元）\n"
                         "%s,海南椰林食品有限公司,琼市监罚〔2026〕88号,海口市市场监督管理局,%s,罚款,2000\n", uscc, fined_on);
  bytes = g_bytes_new (csv, strlen (csv));
  import_path = g_strdup_printf ("/imports?kind=penalty&item=%" G_GINT64_FORMAT, item);
  imported = hc_test_request_full (server, "POST", import_path, admin, "text/csv", bytes, NULL);
  hc_assert_status (imported, 201, NULL);
  hc_test_publish_grading_model (server, "2026年度公共信用综合评价模型");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hc_ui_test_init (&argc, &argv);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  set_up ();
  g_test_add_func ("/ui/grading/grade-in-the-credit-file", test_grade_in_the_credit_file);
  status = g_test_run ();
  hc_test_server_free (server);
  g_free (uscc);
  return hc_ui_test_finish (status);
}
