/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The supervisors' editor of the 公共信用综合评价 model over a real server:
 * a draft made from the published version, its base score and a weight
 * edited, its preview (the grade distribution by 市县 and industry, and how
 * many change grade) equal to what the server's preview says and to what
 * publishing then gives; the publish asks first; the superseded version
 * stays readable and cannot be edited; the overview then shows the grades
 * in force by 市县. zh_CN screenshots. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "hc-client.h"
#include "hc-core.h"
#include "hc-grade-share.h"
#include "hc-grading-pane.h"
#include "hc-overview-pane.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

#define N_SUBJECTS 4

static HcTestServer *server;

static gboolean
idle (gpointer data)
{
  return !hc_grading_pane_get_busy (HC_GRADING_PANE (data));
}

static gboolean
draft_shown (gpointer data)
{
  HcGradingPane *pane = data;
  HcGradingModel *model = hc_grading_pane_get_model (pane);

  return idle (pane) && model != NULL && hc_grading_model_is_draft (model) &&
         g_list_model_get_n_items (hc_grading_pane_get_versions (pane)) == 2;
}

static gboolean
previewed (gpointer data)
{
  return idle (data) && hc_grading_pane_get_preview (HC_GRADING_PANE (data)) != NULL;
}

static gboolean
published (gpointer data)
{
  HcGradingPane *pane = data;
  HcGradingModel *model = hc_grading_pane_get_model (pane);

  return idle (pane) && model != NULL && g_strcmp0 (hc_grading_model_get_state (model), "published") == 0 &&
         hc_grading_model_get_id (model) == 2;
}

static gboolean
version_one_shown (gpointer data)
{
  HcGradingPane *pane = data;
  HcGradingModel *model = hc_grading_pane_get_model (pane);

  return idle (pane) && model != NULL && hc_grading_model_get_id (model) == 1;
}

static gboolean
grades_shown (gpointer data)
{
  return hc_overview_pane_get_grades (HC_OVERVIEW_PANE (data)) != NULL;
}

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  g_autoptr(GdkTexture) texture = hc_ui_take_shot (widget, name);

  g_assert_false (hc_ui_texture_is_blank (texture));
}

static void
edit_preview_publish (HcApplication *app,
                      HcWindow      *window,
                      gpointer       data)
{
  HcGradingPane *pane;
  HcGradingPass *pass;
  g_autoptr(JsonObject) expected = NULL;
  GtkWindow *dialog;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  pane = HC_GRADING_PANE (hc_ui_sign_in (window, "supervisor", "grading"));
  hc_ui_wait_until ("version 1", version_one_shown, pane);
  g_assert_cmpstr (hc_grading_model_get_state (hc_grading_pane_get_model (pane)), ==, "published");
  g_assert_false (hc_grading_pane_get_editable (pane));

  /* A draft of the published version, edited: everyone scores 30, D. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "grading.new-draft", NULL));
  hc_ui_wait_until ("the draft", draft_shown, pane);
  g_assert_true (hc_grading_pane_get_editable (pane));
  g_assert_cmpint (hc_grading_model_get_id (hc_grading_pane_get_model (pane)), ==, 2);
  hc_grading_pane_set_base_score (pane, 30);
  g_assert_true (hc_grading_pane_set_weight (pane, "years_registered", 0));
  g_assert_true (hc_grading_pane_set_weight (pane, "inspections_failed", -20));

  /* The preview saves the draft first, then shows what the server says. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "grading.preview", NULL));
  hc_ui_wait_until ("the preview", previewed, pane);
  g_assert_null (hc_grading_pane_get_message (pane));
  g_assert_cmpint (hc_grading_model_get_base_score (hc_grading_pane_get_model (pane)), ==, 30);
  pass = hc_grading_pane_get_preview (pane);
  expected = hc_test_get_object (server, "supervisor", "/grading/models/2/preview");
  g_assert_cmpint (hc_grading_pass_get_subjects (pass), ==, N_SUBJECTS);
  g_assert_cmpint (hc_grading_pass_get_subjects (pass), ==, json_object_get_int_member (expected, "subjects"));
  g_assert_cmpint (hc_grading_pass_get_changed (pass), ==, json_object_get_int_member (expected, "changed"));
  g_assert_cmpint (hc_grading_pass_get_changed (pass), ==, N_SUBJECTS);
  g_assert_cmpint (hc_grading_pass_get_count (pass, 'D'), ==, N_SUBJECTS);
  g_assert_cmpuint (g_list_model_get_n_items (hc_grading_pass_get_by_region (pass)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (hc_grading_pass_get_by_industry (pass)), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM subjects WHERE grade = 'D'"), ==, 0);
  save_shot (GTK_WIDGET (window), "grading-editor-preview");

  /* The publish asks first; then every subject has the preview's grade. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "grading.publish", NULL));
  dialog = hc_grading_pane_get_dialog (pane);
  g_assert_nonnull (dialog);
  save_shot (GTK_WIDGET (dialog), "grading-editor-publish");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "publish");
  hc_ui_wait_until ("the publish", published, pane);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM subjects WHERE grade = 'D'"), ==, N_SUBJECTS);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM grading_models WHERE id = 1 AND "
                                               "state = 'superseded'"), ==, 1);
  g_assert_false (hc_grading_pane_get_editable (pane));

  /* The superseded version stays readable, not editable. */
  hc_grading_pane_select_version (pane, 1);
  hc_ui_wait_until ("version 1 again", version_one_shown, pane);
  g_assert_cmpstr (hc_grading_model_get_state (hc_grading_pane_get_model (pane)), ==, "superseded");
  g_assert_cmpint (hc_grading_model_get_base_score (hc_grading_pane_get_model (pane)), !=, 30);
  g_assert_false (hc_grading_pane_get_editable (pane));
  save_shot (GTK_WIDGET (window), "grading-editor-superseded");

  /* The overview shows the grades in force by 市县: two D in 海口, two in 三亚. */
  hc_ui_wait_pane_loaded (window, "overview");
  {
    HcOverviewPane *overview = HC_OVERVIEW_PANE (hc_window_get_pane_widget (window, "overview"));
    GListModel *grades;
    guint found = 0;

    hc_ui_wait_until ("the grades by 市县", grades_shown, overview);
    grades = hc_overview_pane_get_grades (overview);
    g_assert_cmpuint (g_list_model_get_n_items (grades), ==, 19);
    for (guint i = 0; i < g_list_model_get_n_items (grades); i++)
      {
        g_autoptr(HcGradeShare) share = g_list_model_get_item (grades, i);
        const char *key = hc_grade_share_get_key (share);

        if (g_str_equal (key, "460100") || g_str_equal (key, "460200"))
          {
            g_assert_cmpint (hc_grade_share_get_count (share, 'D'), ==, 2);
            g_assert_cmpint (hc_grade_share_get_subjects (share), ==, 2);
            found++;
          }
        else
          g_assert_cmpint (hc_grade_share_get_subjects (share), ==, 0);
      }
    g_assert_cmpuint (found, ==, 2);
    save_shot (GTK_WIDGET (window), "overview-grades");
  }
}

static void
test_edit_preview_publish (void)
{
  hc_ui_run_app_on (server, edit_preview_publish, NULL);
}

static gboolean
draft_three_shown (gpointer data)
{
  HcGradingPane *pane = data;
  HcGradingModel *model = hc_grading_pane_get_model (pane);

  return idle (pane) && model != NULL && hc_grading_model_is_draft (model) && hc_grading_model_get_id (model) == 3 &&
         g_list_model_get_n_items (hc_grading_pane_get_versions (pane)) == 3;
}

static gboolean
draft_gone (gpointer data)
{
  HcGradingPane *pane = data;

  return idle (pane) && g_list_model_get_n_items (hc_grading_pane_get_versions (pane)) == 2;
}

/* The draft's title is edited; overlapping bands are refused by the
 * server, the editor names and marks the bands, and nothing changes; a
 * draft is discarded after a confirmation (a Cancel keeps it). Runs after
 * edit-preview-publish (version 2 published). */
static void
title_refusal_discard (HcApplication *app,
                       HcWindow      *window,
                       gpointer       data)
{
  HcGradingPane *pane;
  GtkWindow *dialog;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  pane = HC_GRADING_PANE (hc_ui_sign_in (window, "supervisor", "grading"));
  hc_ui_wait_until ("the versions", draft_gone, pane);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "grading.new-draft", NULL));
  hc_ui_wait_until ("the draft", draft_three_shown, pane);

  /* The title. */
  gtk_editable_set_text (GTK_EDITABLE (hc_grading_pane_get_title_row (pane)), "2027年度公共信用综合评价模型（征求意见稿）");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "grading.save", NULL));
  hc_ui_wait_until ("the save", idle, pane);
  g_assert_null (hc_grading_pane_get_message (pane));
  g_assert_cmpstr (hc_grading_model_get_title (hc_grading_pane_get_model (pane)), ==,
                   "2027年度公共信用综合评价模型（征求意见稿）");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM grading_models WHERE id = 3 AND "
                                               "title = '2027年度公共信用综合评价模型（征求意见稿）'"), ==, 1);

  /* Overlapping bands: refused, named, marked, nothing changed. */
  hc_grading_pane_set_band (pane, 0, 60);
  hc_grading_pane_set_band (pane, 1, 70);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "grading.save", NULL));
  hc_ui_wait_until ("the refusal", idle, pane);
  g_assert_nonnull (hc_grading_pane_get_message (pane));
  g_test_message ("refused: %s", hc_grading_pane_get_message (pane));
  g_assert_cmpstr (hc_grading_pane_get_field (pane), ==, "bands");
  g_assert_true (hc_grading_pane_band_marked (pane, 0));
  g_assert_true (hc_grading_pane_band_marked (pane, 1));
  g_assert_cmpint (hc_test_count_rows (server, "SELECT band_a FROM grading_models WHERE id = 3"), !=, 60);
  save_shot (GTK_WIDGET (window), "grading-editor-bands-refused");
  hc_grading_pane_set_band (pane, 0, 85);
  hc_grading_pane_set_band (pane, 1, 70);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "grading.save", NULL));
  hc_ui_wait_until ("the save", idle, pane);
  g_assert_null (hc_grading_pane_get_message (pane));
  g_assert_false (hc_grading_pane_band_marked (pane, 0));
  g_assert_cmpint (hc_test_count_rows (server, "SELECT band_a FROM grading_models WHERE id = 3"), ==, 85);

  /* Discard: a Cancel keeps the draft; Discard throws it away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "grading.discard", NULL));
  dialog = hc_grading_pane_get_dialog (pane);
  g_assert_nonnull (dialog);
  save_shot (GTK_WIDGET (dialog), "grading-editor-discard");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM grading_models WHERE id = 3"), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "grading.discard", NULL));
  dialog = hc_grading_pane_get_dialog (pane);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  hc_ui_wait_until ("the discard", draft_gone, pane);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM grading_models WHERE id = 3"), ==, 0);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM grading_models WHERE state = 'published'"), ==, 1);
  g_assert_null (hc_grading_pane_get_message (pane));
}

static void
test_title_refusal_discard (void)
{
  hc_ui_run_app_on (server, title_refusal_discard, NULL);
}

/* Four companies of 海口 and 三亚, graded under a published version 1. */
static void
set_up (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autoptr(GRand) prng = g_rand_new_with_seed (1208);
  gint64 department = hc_test_create_department (server, "XYB", "海南省社会信用体系建设办公室");

  hc_test_create_user_in (server, "supervisor", "supervisor", department);
  for (guint i = 0; i < N_SUBJECTS; i++)
    {
      const char *region = i % 2 ? "460200" : "460100";
      g_autofree char *uscc = hc_uscc_generate (prng, region);
      g_autofree char *body =
        g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"评价测试%u有限公司\",\"type\":\"legal_person\","
                         "\"region\":\"%s\",\"industry\":\"制造业\",\"registered_on\":\"2012-05-01\"}", uscc, i, region);
      g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/subjects", admin, body);

      hc_assert_status (r, 201, NULL);
    }
  hc_test_publish_grading_model (server, "2025年度公共信用综合评价模型");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hc_ui_test_init (&argc, &argv);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  set_up ();
  g_test_add_func ("/ui/grading-editor/edit-preview-publish", test_edit_preview_publish);
  g_test_add_func ("/ui/grading-editor/title-refusal-discard", test_title_refusal_discard);
  status = g_test_run ();
  hc_test_server_free (server);
  return hc_ui_test_finish (status);
}
