/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Market Subjects pane over a demo-seeded real server: the total and the
 * rows, scrolling to the last row, a search, and an edit through the dialog. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "hc-audit-change.h"
#include "hc-audit-pane.h"
#include "hc-client.h"
#include "hc-core.h"
#include "hc-format.h"
#include "hc-pane-state.h"
#include "hc-subject-edit-dialog.h"
#include "hc-subject-model.h"
#include "hc-subjects-pane.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

static HcTestServer *server;

static JsonObject *
raw_get (const char *path)
{
  HcTestResponse *resp = hc_test_request (server, "GET", path, hc_test_server_token (server, "admin"), NULL);
  JsonObject *obj;

  g_assert_cmpuint (resp->status, ==, 200);
  obj = json_object_ref (json_node_get_object (resp->json));
  hc_test_response_free (resp);
  return obj;
}

/* The server's last identifier by id, and the count, for @query. */
static char *
server_last_identifier (const char *query,
                        gint64     *count)
{
  g_autofree char *cursor = NULL;
  char *last = NULL;

  *count = 0;
  do
    {
      g_autofree char *path = g_strdup_printf ("/subjects?limit=1000%s%s%s", query,
                                               cursor ? "&cursor=" : "", cursor ? cursor : "");
      g_autoptr(JsonObject) obj = raw_get (path);
      JsonArray *items = json_object_get_array_member (obj, "items");
      guint n = json_array_get_length (items);

      *count += n;
      if (n > 0)
        {
          g_free (last);
          last = g_strdup (json_object_get_string_member (json_array_get_object_element (items, n - 1),
                                                          "identifier"));
        }
      g_free (cursor);
      cursor = g_strdup (json_object_get_string_member_with_default (obj, "next_cursor", NULL));
    }
  while (cursor != NULL);
  return last;
}

static gboolean
model_idle (gpointer data)
{
  HcSubjectModel *model = data;
  return !hc_subject_model_get_loading (model) && !hc_subject_model_get_counting (model) &&
         hc_subject_model_get_total (model) >= 0;
}

static gboolean
last_loaded (gpointer data)
{
  HcSubjectModel *model = data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_autoptr(HcSubject) last = n > 0 ? g_list_model_get_item (G_LIST_MODEL (model), n - 1) : NULL;

  return last != NULL && !hc_subject_get_placeholder (last);
}

static gboolean
dialog_open (gpointer data)
{
  return hc_subjects_pane_get_edit_dialog (HC_SUBJECTS_PANE (data)) != NULL;
}

static gboolean
grade_loaded (gpointer data)
{
  return hc_subject_edit_dialog_get_grade_loaded (HC_SUBJECT_EDIT_DIALOG (data));
}

static gboolean
dialog_closed (gpointer data)
{
  return hc_subjects_pane_get_edit_dialog (HC_SUBJECTS_PANE (data)) == NULL;
}

/* The region filter holds "all regions" and Hainan's 19 市县. */
static gboolean
regions_filled (gpointer data)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (data))) == 20;
}

/* screenshot-NAME.png in the build folder: the pane with its content. */
static void
save_shot (GtkWidget  *window,
           const char *name)
{
  g_autoptr(GdkTexture) texture = hc_ui_take_shot (window, name);

  g_assert_false (hc_ui_texture_is_blank (texture));
}

static void
subjects_pane_over_demo (HcApplication *app,
                         HcWindow      *window,
                         gpointer       data)
{
  HcSubjectsPane *pane;
  HcSubjectModel *model;
  GtkDropDown *grade;
  GtkDropDown *region;
  GtkWidget *view;
  GtkAdjustment *adj;
  GtkEditable *search;
  g_autoptr(HcSubject) first = NULL;
  g_autoptr(HcSubject) last = NULL;
  g_autoptr(HcSubject) edited = NULL;
  g_autoptr(JsonObject) total_obj = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *expected_last = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *identifier = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  HcSubjectEditDialog *dialog;
  gint64 total, expected_count;
  guint n, nth;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  hc_ui_sign_in (window, "admin", NULL);

  /* Opening the pane asks for the first page at once, not after the
   * regions' names (issue 12): the region filter has only "all regions"
   * while the page is on its way, and its names fill in when they come. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pane", "s", "subjects");
  pane = HC_SUBJECTS_PANE (hc_window_get_pane_widget (window, "subjects"));
  model = HC_SUBJECT_MODEL (hc_subjects_pane_get_model (pane));
  g_assert_nonnull (model);
  g_assert_true (hc_subject_model_get_loading (model));
  nth = 0;
  region = GTK_DROP_DOWN (hc_ui_find_nth (GTK_WIDGET (pane), GTK_TYPE_DROP_DOWN, &nth));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (region)), ==, 1);
  hc_ui_wait_until ("the first page", model_idle, model);
  hc_ui_wait_until ("the regions' names", regions_filled, region);
  g_assert_cmpuint (gtk_drop_down_get_selected (region), ==, 0);
  /* Filling in the names asked for no other list. */
  g_assert_true (model_idle (model));

  g_test_message ("first page shown");
  /* The total as the server counts it, shown grouped ("共 …"). */
  total_obj = raw_get ("/subjects?limit=1&total=1");
  total = json_object_get_int_member (total_obj, "total");
  g_assert_cmpint (total, >, 1000);
  g_assert_cmpint (hc_subject_model_get_total (model), ==, total);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, total);
  count_text = hc_format_count (total);
  g_assert_nonnull (strstr (hc_subjects_pane_get_total_text (pane), count_text));
  g_assert_cmpstr (hc_pane_state_get_state (HC_PANE_STATE (hc_ui_find_descendant (GTK_WIDGET (pane), HC_TYPE_PANE_STATE))),
                   ==, "content");
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_false (hc_subject_get_placeholder (first));
  g_assert_cmpstr (hc_subject_get_name (first), !=, "");

  g_test_message ("total checked");
  /* Filter by grade C (through the dropdown), then scroll to the end. */
  nth = 2;   /* region, type, grade, status */
  grade = GTK_DROP_DOWN (hc_ui_find_nth (GTK_WIDGET (pane), GTK_TYPE_DROP_DOWN, &nth));
  g_assert_nonnull (grade);
  gtk_drop_down_set_selected (grade, 3);
  hc_ui_wait_until ("the grade C list", model_idle, model);
  expected_last = server_last_identifier ("&grade=C", &expected_count);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, expected_count);
  g_assert_cmpuint (n, >, 2 * HC_SUBJECT_MODEL_PAGE_SIZE);
  g_test_message ("grade C listed");
  view = hc_ui_find_descendant (GTK_WIDGET (pane), GTK_TYPE_COLUMN_VIEW);
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  while (!last_loaded (model))
    {
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      g_main_context_iteration (NULL, TRUE);
    }
  hc_ui_wait_until ("the last page", model_idle, model);
  /* The end was reached without walking every page before it: the first
   * page, the pages the view showed on its way down, and the last, short
   * one (how short depends on the grade C count, which the demo's computed
   * grades, and so the date, decide). */
  g_assert_cmpuint (hc_subject_model_get_n_loaded (model), <=,
                    4 * HC_SUBJECT_MODEL_PAGE_SIZE + n % HC_SUBJECT_MODEL_PAGE_SIZE);
  g_assert_cmpuint (n, >, 8 * HC_SUBJECT_MODEL_PAGE_SIZE);
  last = g_list_model_get_item (G_LIST_MODEL (model), n - 1);
  g_assert_false (hc_subject_get_placeholder (last));
  g_assert_cmpstr (hc_subject_get_identifier (last), ==, expected_last);

  g_test_message ("last page loaded");
  /* Back to all grades; a search by a name narrows the list. */
  gtk_drop_down_set_selected (grade, 0);
  hc_ui_wait_until ("the whole list again", model_idle, model);
  name = g_strdup (hc_subject_get_name (first));
  identifier = g_strdup (hc_subject_get_identifier (first));
  search = GTK_EDITABLE (hc_ui_find_descendant (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (search, name);
  while (hc_subject_model_get_total (model) == total || !model_idle (model))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (hc_subject_model_get_total (model), >=, 1);
  g_assert_cmpint (hc_subject_model_get_total (model), <, total);
  for (guint i = 0; i < MIN (g_list_model_get_n_items (G_LIST_MODEL (model)), HC_SUBJECT_MODEL_PAGE_SIZE); i++)
    {
      g_autoptr(HcSubject) s = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_nonnull (strstr (hc_subject_get_name (s), name));
    }

  g_test_message ("search narrowed");
  /* Edit the first match through the dialog. */
  hc_subjects_pane_select (pane, 0);
  gtk_widget_activate_action (GTK_WIDGET (pane), "subjects.edit", NULL);
  hc_ui_wait_until ("the edit dialog", dialog_open, pane);
  dialog = HC_SUBJECT_EDIT_DIALOG (hc_subjects_pane_get_edit_dialog (pane));
  /* The form says what grade is in force and where it comes from (the
   * demo's subjects are graded by its published model). */
  hc_ui_wait_until ("the grade in force", grade_loaded, dialog);
  g_assert_cmpstr (hc_subject_edit_dialog_get_grade_state (dialog), !=, "");
  {
    g_autoptr(HcSubject) selected = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_free (identifier);
    identifier = g_strdup (hc_subject_get_identifier (selected));
    hc_subject_edit_dialog_set_values (dialog, hc_subject_get_name (selected), "界面测试行业",
                                       "deregistered", "D");
  }
  path = g_strdup_printf ("/subjects/%s", identifier);
  /* A grade chosen by hand overrides the computed one: without a reason
   * the form says so and sends nothing. */
  hc_subject_edit_dialog_save (dialog);
  g_assert_false (hc_subject_edit_dialog_get_busy (dialog));
  g_assert_nonnull (hc_subject_edit_dialog_get_message (dialog));
  g_assert_false (dialog_closed (pane));
  {
    g_autoptr(JsonObject) unchanged = raw_get (path);

    g_assert_cmpstr (json_object_get_string_member (unchanged, "industry"), !=, "界面测试行业");
  }
  save_shot (GTK_WIDGET (dialog), "subject-grade-needs-reason");
  hc_subject_edit_dialog_set_grade_reason (dialog, "界面测试：现场核查发现问题");
  hc_subject_edit_dialog_save (dialog);
  hc_ui_wait_until ("the dialog to close after saving", dialog_closed, pane);

  g_test_message ("dialog saved");
  after = raw_get (path);
  g_assert_cmpstr (json_object_get_string_member (after, "industry"), ==, "界面测试行业");
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "deregistered");
  g_assert_cmpstr (json_object_get_string_member (after, "grade"), ==, "D");
  {
    g_autofree char *grade_path = g_strdup_printf ("/subjects/%s/grade", identifier);
    g_autoptr(JsonObject) explained = raw_get (grade_path);
    JsonObject *override = json_object_get_object_member (explained, "override");

    g_assert_nonnull (override);
    g_assert_cmpstr (json_object_get_string_member (override, "grade"), ==, "D");
    g_assert_cmpstr (json_object_get_string_member (override, "reason"), ==, "界面测试：现场核查发现问题");
  }
  edited = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (hc_subject_get_industry (edited), ==, "界面测试行业");
  save_shot (GTK_WIDGET (window), "subjects-detail");

  /* The audit log shows the edit first, with the changed fields. */
  g_test_message ("audit");
  hc_ui_wait_pane_loaded (window, "audit");
  {
    HcAuditPane *audit = HC_AUDIT_PANE (hc_window_get_pane_widget (window, "audit"));
    g_autoptr(HcAuditEntry) entry = g_list_model_get_item (hc_audit_pane_get_entries (audit), 0);
    GListModel *changes;
    gboolean industry_seen = FALSE, name_seen = FALSE;

    g_assert_nonnull (entry);
    g_assert_cmpstr (hc_audit_entry_get_action (entry), ==, "subject.update");
    g_assert_cmpstr (hc_audit_entry_get_actor (entry), ==, "admin");
    changes = hc_audit_pane_get_shown_changes (audit);
    g_assert_true (changes == hc_audit_entry_get_changes (entry));
    for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
      {
        g_autoptr(HcAuditChange) c = g_list_model_get_item (changes, i);

        if (g_str_equal (hc_audit_change_get_field (c), "industry"))
          {
            industry_seen = TRUE;
            g_assert_true (hc_audit_change_get_changed (c));
            g_assert_cmpstr (hc_audit_change_get_after (c), ==, "界面测试行业");
            g_assert_cmpstr (hc_audit_change_get_before (c), !=, "界面测试行业");
          }
        if (g_str_equal (hc_audit_change_get_field (c), "name"))
          {
            name_seen = TRUE;
            g_assert_false (hc_audit_change_get_changed (c));
          }
      }
    g_assert_true (industry_seen);
    g_assert_true (name_seen);
    /* and, just before it, the grade's override, in the same write */
    {
      g_autoptr(HcAuditEntry) override = g_list_model_get_item (hc_audit_pane_get_entries (audit), 1);

      g_assert_nonnull (override);
      g_assert_cmpstr (hc_audit_entry_get_action (override), ==, "grade.override");
      g_assert_cmpstr (hc_audit_entry_get_entity_id (override), ==, hc_audit_entry_get_entity_id (entry));
    }
    save_shot (GTK_WIDGET (window), "audit-entries");
  }
}

/* An analyst sees a person's ID number masked and edits the person all the
 * same: the pane reads and the dialog saves by the row's reference. */
static void
analyst_edits_a_person (HcApplication *app,
                        HcWindow      *window,
                        gpointer       data)
{
  const char *number = data;
  HcSubjectsPane *pane;
  HcSubjectModel *model;
  HcSubjectEditDialog *dialog;
  g_autoptr(HcSubject) row = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *path = g_strdup_printf ("/subjects/%s", number);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  pane = HC_SUBJECTS_PANE (hc_ui_sign_in (window, "analyst", "subjects"));
  model = HC_SUBJECT_MODEL (hc_subjects_pane_get_model (pane));
  hc_ui_wait_until ("the first page", model_idle, model);
  gtk_editable_set_text (GTK_EDITABLE (hc_ui_find_descendant (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY)),
                         "界面测试掩码人");
  while (hc_subject_model_get_total (model) != 1 || !model_idle (model))
    g_main_context_iteration (NULL, TRUE);
  row = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (hc_subject_get_identifier_masked (row));
  g_assert_cmpstr (hc_subject_get_identifier (row), !=, number);

  hc_subjects_pane_select (pane, 0);
  gtk_widget_activate_action (GTK_WIDGET (pane), "subjects.edit", NULL);
  hc_ui_wait_until ("the edit dialog", dialog_open, pane);
  dialog = HC_SUBJECT_EDIT_DIALOG (hc_subjects_pane_get_edit_dialog (pane));
  hc_subject_edit_dialog_set_values (dialog, "界面测试掩码人", "个体工商户测试", "active", NULL);
  hc_subject_edit_dialog_save (dialog);
  hc_ui_wait_until ("the dialog to close after saving", dialog_closed, pane);

  after = raw_get (path);
  g_assert_cmpstr (json_object_get_string_member (after, "industry"), ==, "个体工商户测试");
}

static void
test_analyst_edits_a_person (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4646);
  g_autofree char *number = hc_id_number_generate (rand, "460100");

  hc_test_create_subject (server, number, "界面测试掩码人", "natural_person", "460100");
  hc_ui_run_app_on (server, analyst_edits_a_person, number);
}

static void
test_subjects_pane (void)
{
  hc_ui_run_app_on (server, subjects_pane_over_demo, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hc_ui_test_init (&argc, &argv);
  server = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  g_test_add_func ("/ui/subjects/total-scroll-search-edit-and-its-audit-entry", test_subjects_pane);
  g_test_add_func ("/ui/subjects/analyst-edits-a-person-seen-masked", test_analyst_edits_a_person);
  status = g_test_run ();
  hc_test_server_free (server);
  return hc_ui_test_finish (status);
}
