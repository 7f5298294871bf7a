/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The credit file beside the subjects list over a demo-seeded real server:
 * a subject with records in every section, its tabs and counts, its credit
 * report saved as a PDF, a commitment's fulfilment refused to one who does
 * not hold it, and a supervisor revealing a person's masked ID number, which
 * the audit log (in Chinese) then shows; then, as an analyst of no
 * department, the exports of the subjects search, of a file's tabs and of
 * 双公示, a person opened from the list, and the fulfilment of another
 * department's commitment offered to no one but its holder. */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "hc-audit-change.h"
#include "hc-audit-pane.h"
#include "hc-client.h"
#include "hc-credit-file-view.h"
#include "hc-fulfilment-dialog.h"
#include "hc-pane.h"
#include "hc-id-number.h"
#include "hc-pane-state.h"
#include "hc-publicity-view.h"
#include "hc-record-table.h"
#include "hc-subject-model.h"
#include "hc-subjects-pane.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

static HcTestServer *server;
static char *tmpdir;

/* The sections the demo gives a subject records of; inspections found
 * wanting (the last section) are checked beside them, whatever their count. */
static const char * const demo_kinds[] = {
  "penalty", "license", "commitment", "list_entry", "repair", "match_hit", NULL,
};

static gboolean
model_idle (gpointer data)
{
  HcSubjectModel *model = data;
  return !hc_subject_model_get_loading (model) && hc_subject_model_get_total (model) >= 0;
}

static gboolean
file_loaded (gpointer data)
{
  HcCreditFileView *view = data;

  if (hc_credit_file_view_get_busy (view) || hc_credit_file_view_get_file (view) == NULL)
    return FALSE;
  for (guint k = 0; hc_credit_file_kinds[k] != NULL; k++)
    if (hc_record_table_get_loading (hc_credit_file_view_get_table (view, hc_credit_file_kinds[k])))
      return FALSE;
  return TRUE;
}

static gboolean
table_loaded (gpointer data)
{
  HcRecordTable *table = data;
  return !hc_record_table_get_loading (table) && hc_record_table_get_total (table) >= 0;
}

static gboolean
dialog_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
not_busy (gpointer data)
{
  return !hc_credit_file_view_get_busy (HC_CREDIT_FILE_VIEW (data));
}

static gboolean
dialog_error_shown (gpointer data)
{
  return hc_fulfilment_dialog_get_error (HC_FULFILMENT_DIALOG (data)) != NULL;
}

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  g_autoptr(GdkTexture) texture = hc_ui_take_shot (widget, name);

  g_assert_false (hc_ui_texture_is_blank (texture));
}

static char *
run_text (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* Searches the subjects pane for @text and selects the first match. */
static void
search_and_select (HcSubjectsPane *pane,
                   const char     *text)
{
  HcSubjectModel *model = HC_SUBJECT_MODEL (hc_subjects_pane_get_model (pane));
  GtkEditable *search = GTK_EDITABLE (hc_ui_find_descendant (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY));

  gtk_editable_set_text (search, text);
  /* the search starts a new query: wait for it to be answered */
  while (hc_subject_model_get_total (model) != 1 || !model_idle (model))
    g_main_context_iteration (NULL, TRUE);
  hc_subjects_pane_select (pane, 0);
}

static void
credit_file_over_demo (HcApplication *app,
                       HcWindow      *window,
                       gpointer       data)
{
  g_autoptr(JsonObject) counts = NULL;
  g_autoptr(JsonObject) persons = NULL;
  g_autofree char *identifier = hc_test_demo_subject_with_records (server, "supervisor", demo_kinds, &counts);
  g_autofree char *person = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *pdf_path = g_build_filename (tmpdir, "report.pdf", NULL);
  g_autofree char *png_prefix = g_build_filename (tmpdir, "report", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  HcSubjectsPane *pane;
  HcCreditFileView *view;
  HcSubject *subject;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  pane = HC_SUBJECTS_PANE (hc_ui_sign_in (window, "supervisor", "subjects"));
  view = hc_subjects_pane_get_file_view (pane);
  hc_ui_wait_until ("the first page", model_idle, hc_subjects_pane_get_model (pane));

  /* The subject's file: every section holds what the server counts, and
   * the tab says how many. */
  g_test_message ("opening %s", identifier);
  search_and_select (pane, identifier);
  hc_ui_wait_until ("the credit file", file_loaded, view);
  subject = hc_credit_file_view_get_subject (view);
  g_assert_cmpstr (hc_subject_get_identifier (subject), ==, identifier);
  {
    HcRecordTable *table = hc_credit_file_view_get_table (view, "inspection");
    gint64 expected = json_object_get_int_member (counts, "inspection");
    g_autofree char *tab = g_strdup_printf ("%s（%" G_GINT64_FORMAT "）", hc_record_table_kind_title ("inspection"),
                                            expected);

    g_assert_cmpint (hc_record_table_get_total (table), ==, expected);
    g_assert_cmpstr (hc_credit_file_view_get_tab_title (view, "inspection"), ==, tab);
    g_assert_true (g_str_has_prefix (tab, "抽查未通过"));
  }
  for (guint k = 0; demo_kinds[k] != NULL; k++)
    {
      const char *kind = demo_kinds[k];
      HcRecordTable *table = hc_credit_file_view_get_table (view, kind);
      gint64 expected = json_object_get_int_member (counts, kind);
      /* zh_CN: “行政处罚（3）” */
      g_autofree char *tab = g_strdup_printf ("%s（%" G_GINT64_FORMAT "）", hc_record_table_kind_title (kind), expected);
      g_autoptr(HcRecord) first = NULL;

      g_assert_cmpint (expected, >, 0);
      g_assert_cmpint (hc_record_table_get_total (table), ==, expected);
      g_assert_cmpuint (g_list_model_get_n_items (hc_record_table_get_rows (table)), ==, MIN (expected, 50));
      g_assert_cmpstr (hc_credit_file_view_get_tab_title (view, kind), ==, tab);
      first = g_list_model_get_item (hc_record_table_get_rows (table), 0);
      g_assert_cmpstr (hc_record_get_kind (first), ==, kind);
      g_assert_cmpstr (hc_record_get_number (first), !=, "");
      g_assert_cmpstr (hc_record_get_state_label (first), !=, "");
    }
  /* Chinese titles (the test runs in zh_CN) */
  g_assert_true (g_str_has_prefix (hc_credit_file_view_get_tab_title (view, "penalty"), "行政处罚"));
  g_assert_false (hc_credit_file_view_get_can_reveal (view));   /* nothing masked */
  hc_credit_file_view_show_kind (view, "penalty");
  save_shot (GTK_WIDGET (window), "credit-file");

  /* 双公示: penalties under publicity, then those of one 市县, as the
   * server counts them; a wrong date is refused in place. */
  g_test_message ("publicity");
  {
    HcPublicityView *publicity = hc_subjects_pane_get_publicity_view (pane);
    HcRecordTable *table = hc_publicity_view_get_table (publicity);
    g_autoptr(JsonObject) all = hc_test_get_object (server, "supervisor", "/publicity?kind=penalty&limit=1&total=1");
    g_autoptr(JsonObject) haikou = hc_test_get_object (server, "supervisor", "/publicity?kind=penalty&region=460100&limit=1&total=1");
    GListModel *rows;

    hc_subjects_pane_show_view (pane, "publicity");
    hc_ui_wait_until ("the publicity list", table_loaded, table);
    g_assert_cmpint (hc_record_table_get_total (table), ==, json_object_get_int_member (all, "total"));
    g_assert_cmpint (hc_record_table_get_total (table), >, 0);
    hc_publicity_view_set_filters (publicity, "penalty", "460100", NULL, NULL);
    hc_ui_wait_until ("the Haikou list", table_loaded, table);
    g_assert_cmpint (hc_record_table_get_total (table), ==, json_object_get_int_member (haikou, "total"));
    g_assert_cmpint (hc_record_table_get_total (table), <, json_object_get_int_member (all, "total"));
    rows = hc_record_table_get_rows (table);
    g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(HcRecord) r = g_list_model_get_item (rows, i);

        g_assert_cmpstr (hc_record_get_kind (r), ==, "penalty");
        g_assert_cmpstr (hc_record_get_region_name (r), ==, "海口市");
        g_assert_cmpstr (hc_record_get_state_label (r), ==, "公示中");
      }
    save_shot (GTK_WIDGET (window), "publicity");
    hc_publicity_view_set_filters (publicity, "penalty", "460100", "2025-13-01", NULL);
    g_assert_cmpstr (hc_publicity_view_get_error (publicity), !=, "");
    g_assert_cmpint (hc_record_table_get_total (table), ==, json_object_get_int_member (haikou, "total"));
    hc_subjects_pane_show_view (pane, "subjects");
  }

  /* The fulfilment of a commitment, by its holding department (the demo
   * supervisor's): a note is needed for a broken one, a date before the
   * commitment is refused by the server in place, then it is recorded as
   * broken and the watch-list entry it calls for is proposed. */
  g_test_message ("fulfilment");
  hc_credit_file_view_show_kind (view, "commitment");
  hc_record_table_select (hc_credit_file_view_get_table (view, "commitment"), 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "file.fulfil", NULL);
  g_assert_nonnull (hc_credit_file_view_get_dialog (view));
  {
    HcFulfilmentDialog *dialog = HC_FULFILMENT_DIALOG (hc_credit_file_view_get_dialog (view));
    HcRecordTable *commitments = hc_credit_file_view_get_table (view, "commitment");
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autoptr(HcRecord) after = NULL;

    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    hc_fulfilment_dialog_set_values (dialog, FALSE, today, "");
    hc_fulfilment_dialog_save (dialog);
    g_assert_cmpstr (hc_fulfilment_dialog_get_error (dialog), ==, "请在说明中写明未践诺的情况。");
    hc_fulfilment_dialog_set_values (dialog, FALSE, "2000-01-01", "未按期提交承诺材料");
    hc_fulfilment_dialog_save (dialog);
    hc_ui_wait_until ("the refusal", dialog_error_shown, dialog);
    g_assert_true (g_str_has_prefix (hc_fulfilment_dialog_get_error (dialog), "践诺情况的核查日期不能早于承诺日期"));
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'commitment.fulfil'"),
                     ==, 0);
    hc_fulfilment_dialog_set_values (dialog, FALSE, today, "未按期提交承诺材料");
    hc_fulfilment_dialog_save (dialog);
    hc_ui_wait_until ("the dialog to close", dialog_gone, &dialog);
    hc_ui_wait_until ("the commitments again", table_loaded, commitments);
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'commitment.fulfil'"),
                     ==, 1);
    after = g_list_model_get_item (hc_record_table_get_rows (commitments), 0);
    g_assert_cmpstr (hc_record_get_fulfilment (after), ==, "breached");
    g_assert_cmpstr (hc_record_get_state_label (after), ==, "未践诺");
    g_assert_cmpstr (hc_record_get_until (after), ==, today);

    hc_record_table_select (commitments, 0);
    g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (view)));
    gtk_widget_activate_action (GTK_WIDGET (view), "file.propose-watch", NULL);
    hc_ui_wait_until ("the proposal", not_busy, view);
    hc_ui_wait_until ("the commitments again", table_loaded, commitments);
    g_clear_object (&after);
    after = g_list_model_get_item (hc_record_table_get_rows (commitments), 0);
    g_assert_cmpint (hc_record_get_watch_entry_id (after), >, 0);
    g_assert_nonnull (strstr (hc_credit_file_view_get_message (view), "重点关注名单"));
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'commitment.propose_watch'"),
                     ==, 1);
  }

  /* The credit report, saved where the user said: a PDF of the subject. */
  g_test_message ("credit report");
  hc_credit_file_view_save_report (view, pdf);
  hc_ui_wait_until ("the report", not_busy, view);
  g_assert_null (hc_credit_file_view_get_message (view));
  g_assert_nonnull (hc_credit_file_view_get_saved_report (view));
  g_assert_true (g_file_equal (hc_credit_file_view_get_saved_report (view), pdf));
  {
    const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", pdf_path, "-", NULL };
    const char *png_argv[] = { "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", pdf_path, png_prefix, NULL };
    g_autofree char *head = NULL;
    g_autofree char *text = NULL;
    g_autofree char *flat = NULL;
    g_autofree char *out = NULL;
    g_autofree char *png = g_strconcat (png_prefix, "-1.png", NULL);
    g_autofree char *dest = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshot-credit-report-page-1.png",
                                              NULL);
    g_autofree char *png_data = NULL;
    gsize len;
    char *w;

    g_assert_true (g_file_get_contents (pdf_path, &head, &len, NULL));
    g_assert_cmpuint (len, >, 1000);
    g_assert_true (g_str_has_prefix (head, "%PDF-"));
    text = run_text (text_argv);
    flat = g_strdup (text);
    w = flat;
    for (const char *p = text; *p; p++)
      if (*p != '\n' && *p != ' ')
        *w++ = *p;
    *w = '\0';
    g_assert_nonnull (strstr (flat, hc_subject_get_name (subject)));
    g_assert_nonnull (strstr (text, "公共信用信息报告"));
    g_assert_nonnull (strstr (text, identifier));
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'report.issue'"
                                                 " AND actor = 'supervisor'"), ==, 1);
    out = run_text (png_argv);
    g_assert_true (g_file_get_contents (png, &png_data, &len, NULL));
    g_assert_true (g_file_set_contents (dest, png_data, len, NULL));
  }

  /* A person found by the whole number shows it masked; the supervisor
   * reveals it, and the audit log shows that, in Chinese. */
  g_test_message ("reveal");
  persons = hc_test_get_object (server, "admin", "/subjects?type=natural_person&limit=1");
  person = g_strdup (json_object_get_string_member (json_array_get_object_element (
                                                      json_object_get_array_member (persons, "items"), 0),
                                                    "identifier"));
  masked = hc_id_number_mask (person);
  search_and_select (pane, person);
  hc_ui_wait_until ("the person's file", file_loaded, view);
  g_assert_cmpstr (hc_credit_file_view_get_identifier_text (view), ==, masked);
  g_assert_true (hc_credit_file_view_get_can_reveal (view));
  gtk_widget_activate_action (GTK_WIDGET (view), "file.reveal", NULL);
  hc_ui_wait_until ("the reveal", not_busy, view);
  g_assert_cmpstr (hc_credit_file_view_get_identifier_text (view), ==, person);
  g_assert_false (hc_credit_file_view_get_can_reveal (view));
  g_assert_nonnull (hc_credit_file_view_get_message (view));

  hc_ui_wait_pane_loaded (window, "audit");
  {
    HcAuditPane *audit = HC_AUDIT_PANE (hc_window_get_pane_widget (window, "audit"));
    g_autoptr(HcAuditEntry) entry = g_list_model_get_item (hc_audit_pane_get_entries (audit), 0);
    GListModel *changes;
    gboolean identifier_seen = FALSE, type_seen = FALSE;

    g_assert_nonnull (entry);
    g_assert_cmpstr (hc_audit_entry_get_action (entry), ==, "subject.unmask");
    g_assert_cmpstr (hc_audit_entry_get_actor (entry), ==, "supervisor");
    g_assert_cmpstr (hc_audit_entry_get_action_label (entry), ==, "查看完整证件号码");
    g_assert_cmpstr (hc_audit_entry_get_entity_label (entry), ==, "市场主体");
    changes = hc_audit_entry_get_changes (entry);
    for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
      {
        g_autoptr(HcAuditChange) c = g_list_model_get_item (changes, i);

        /* the log keeps the number; a supervisor's view of it is masked */
        g_assert_null (strstr (hc_audit_change_get_after (c), person));
        if (g_str_equal (hc_audit_change_get_field (c), "identifier"))
          {
            identifier_seen = TRUE;
            g_assert_cmpstr (hc_audit_change_get_field_label (c), ==, "统一社会信用代码/身份证号");
            g_assert_cmpstr (hc_audit_change_get_after (c), ==, masked);
          }
        if (g_str_equal (hc_audit_change_get_field (c), "type"))
          {
            g_autofree char *label = NULL;

            type_seen = TRUE;
            g_object_get (c, "after-label", &label, NULL);
            g_assert_cmpstr (label, ==, "自然人");
          }
      }
    g_assert_true (identifier_seen);
    g_assert_true (type_seen);
    save_shot (GTK_WIDGET (window), "audit-unmask");
  }
}

static gboolean
export_done (gpointer data)
{
  return !hc_pane_get_exporting (HC_PANE (data)) && hc_pane_get_export_toast (HC_PANE (data)) != NULL;
}

/* The file name pane.export's chooser proposes for @target ("csv:records"),
 * the chooser then cancelled (a native one cannot be driven from here). */
static char *
proposed_name (HcPane     *pane,
               const char *target)
{
  GtkNativeDialog *chooser;
  char *name;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "pane.export", "s", target));
  chooser = hc_pane_get_export_chooser (pane);
  g_assert_nonnull (chooser);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_CANCEL);
  g_assert_null (hc_pane_get_export_chooser (pane));
  return name;
}

/* Exports @listing of @pane to @path in @format; returns its data rows. */
static gint64
export_rows (HcPane         *pane,
             const char     *listing,
             HcExportFormat  format,
             const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 rows;

  hc_pane_export_listing_to_file (pane, listing, format, file);
  g_assert_true (hc_pane_get_exporting (pane));
  hc_ui_wait_until ("the export", export_done, pane);
  g_test_message ("%s: %s", listing, adw_toast_get_title (hc_pane_get_export_toast (pane)));
  g_assert_false (g_str_has_prefix (adw_toast_get_title (hc_pane_get_export_toast (pane)), "导出失败"));
  rows = format == HC_EXPORT_FORMAT_CSV ? hc_ui_csv_rows (path, NULL) : hc_ui_xlsx_rows (path);
  adw_toast_dismiss (hc_pane_get_export_toast (pane));
  return rows;
}

static gint64
server_total (const char *path)
{
  g_autoptr(JsonObject) page = hc_test_get_object (server, "supervisor", path);

  return json_object_get_int_member (page, "total");
}

static gboolean
total_is (gpointer data)
{
  gpointer *args = data;
  HcSubjectModel *model = args[0];

  return model_idle (model) && hc_subject_model_get_total (model) == *(gint64 *) args[1];
}

static gint64
audit_rows_of (const char *actor,
               const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE actor = '%s'%s%s%s", actor,
                                          action ? " AND action = '" : "", action ? action : "", action ? "'" : "");

  return hc_test_count_rows (server, sql);
}

/* As an analyst of no department: the subjects search, a tab of a credit
 * file and 双公示 export with the filters shown; a person opens from the
 * list (masked, no number typed) in one request and one audit row; a
 * commitment of another department cannot be marked fulfilled, and the
 * button says why. */
static void
exports_and_person_over_demo (HcApplication *app,
                              HcWindow      *window,
                              gpointer       data)
{
  g_autoptr(JsonObject) counts = NULL;
  g_autofree char *identifier = hc_test_demo_subject_with_records (server, "supervisor", demo_kinds, &counts);
  g_autofree char *subjects_csv = g_build_filename (tmpdir, "subjects.csv", NULL);
  g_autofree char *commitments_csv = g_build_filename (tmpdir, "commitments.csv", NULL);
  g_autofree char *penalties_xlsx = g_build_filename (tmpdir, "penalties.xlsx", NULL);
  g_autofree char *publicity_csv = g_build_filename (tmpdir, "publicity.csv", NULL);
  g_autofree char *name = NULL;
  HcSubjectsPane *pane;
  HcCreditFileView *view;
  HcSubjectModel *model;
  GtkDropDown *region, *type;
  GListModel *regions;
  guint nth, sansha = 0;
  gint64 expected, before, lookups;
  gpointer args[2];

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  pane = HC_SUBJECTS_PANE (hc_ui_sign_in (window, "outsider", "subjects"));
  view = hc_subjects_pane_get_file_view (pane);
  model = HC_SUBJECT_MODEL (hc_subjects_pane_get_model (pane));
  hc_ui_wait_until ("the first page", model_idle, model);

  /* The people of 三沙市, as listed, then exported */
  g_test_message ("subjects export");
  nth = 0;
  region = GTK_DROP_DOWN (hc_ui_find_nth (GTK_WIDGET (pane), GTK_TYPE_DROP_DOWN, &nth));
  nth = 1;
  type = GTK_DROP_DOWN (hc_ui_find_nth (GTK_WIDGET (pane), GTK_TYPE_DROP_DOWN, &nth));
  regions = gtk_drop_down_get_model (region);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (regions), i), "三沙市"))
      sansha = i;
  g_assert_cmpuint (sansha, >, 0);
  expected = server_total ("/subjects?region=460300&type=natural_person&limit=1&total=1");
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (expected, <, server_total ("/subjects?region=460300&limit=1&total=1"));
  gtk_drop_down_set_selected (region, sansha);
  gtk_drop_down_set_selected (type, 3);
  args[0] = model;
  args[1] = &expected;
  hc_ui_wait_until ("the people of 三沙市", total_is, args);
  name = proposed_name (HC_PANE (pane), "csv:subjects");
  g_assert_true (g_str_has_prefix (name, "市场主体-"));
  g_assert_true (g_str_has_suffix (name, ".csv"));
  g_clear_pointer (&name, g_free);
  g_assert_cmpint (export_rows (HC_PANE (pane), "subjects", HC_EXPORT_FORMAT_CSV, subjects_csv), ==, expected);

  /* One of them opens from the list: masked, one request, one audit row
   * (a person's file read), no look-up by the number */
  g_test_message ("a person from the list");
  before = audit_rows_of ("outsider", NULL);
  lookups = audit_rows_of ("outsider", "subject.lookup");
  hc_subjects_pane_select (pane, 0);
  hc_ui_wait_until ("the person's file", file_loaded, view);
  g_assert_nonnull (strchr (hc_credit_file_view_get_identifier_text (view), '*'));
  g_assert_null (hc_credit_file_view_get_message (view));
  for (guint k = 0; hc_credit_file_kinds[k] != NULL; k++)
    {
      HcRecordTable *table = hc_credit_file_view_get_table (view, hc_credit_file_kinds[k]);
      gint64 count = hc_credit_file_get_count (hc_credit_file_view_get_file (view), hc_credit_file_kinds[k]);

      g_assert_cmpint (hc_record_table_get_total (table), ==, count);
      g_assert_cmpuint (g_list_model_get_n_items (hc_record_table_get_rows (table)), ==, MIN (count, 50));
    }
  g_assert_cmpint (audit_rows_of ("outsider", NULL), ==, before + 1);
  g_assert_cmpint (audit_rows_of ("outsider", "subject.view"), ==, 1);
  g_assert_cmpint (audit_rows_of ("outsider", "subject.lookup"), ==, lookups);

  /* The demo subject: its commitments are another department's */
  g_test_message ("commitments of another department");
  gtk_drop_down_set_selected (region, 0);
  gtk_drop_down_set_selected (type, 0);
  search_and_select (pane, identifier);
  hc_ui_wait_until ("the credit file", file_loaded, view);
  /* the count is the search's, not that of a query it replaced */
  g_assert_cmpstr (hc_subjects_pane_get_total_text (pane), ==, "共 1 个主体");
  hc_credit_file_view_show_kind (view, "commitment");
  hc_record_table_select (hc_credit_file_view_get_table (view, "commitment"), 0);
  {
    GtkWidget *fulfil = hc_ui_find_action_button (GTK_WIDGET (view), "file.fulfil");
    g_autofree char *why = NULL;

    g_assert_nonnull (fulfil);
    g_assert_false (gtk_widget_get_sensitive (fulfil));
    g_test_message ("tooltip: %s", gtk_widget_get_tooltip_text (fulfil));
    g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (fulfil), "只有受理该承诺的部门（"));
    gtk_widget_activate_action (GTK_WIDGET (view), "file.fulfil", NULL);
    g_assert_null (hc_credit_file_view_get_dialog (view));
  }
  save_shot (GTK_WIDGET (window), "credit-file-commitments");

  /* Its tabs export: the commitments as CSV, the penalties as Excel */
  g_test_message ("records export");
  name = proposed_name (HC_PANE (pane), "csv:records");
  g_test_message ("proposed %s", name);
  g_assert_true (g_str_has_prefix (name, "信用档案-"));
  g_assert_true (g_str_has_suffix (name, "-信用承诺.csv"));
  g_clear_pointer (&name, g_free);
  g_assert_cmpint (export_rows (HC_PANE (pane), "records", HC_EXPORT_FORMAT_CSV, commitments_csv), ==,
                   json_object_get_int_member (counts, "commitment"));
  hc_credit_file_view_show_kind (view, "penalty");
  g_assert_cmpint (export_rows (HC_PANE (pane), "records", HC_EXPORT_FORMAT_XLSX, penalties_xlsx), ==,
                   json_object_get_int_member (counts, "penalty"));

  /* 双公示 of 海口市's penalties, as filtered */
  g_test_message ("publicity export");
  {
    HcPublicityView *publicity = hc_subjects_pane_get_publicity_view (pane);
    HcRecordTable *table = hc_publicity_view_get_table (publicity);

    expected = server_total ("/publicity?kind=penalty&region=460100&limit=1&total=1");
    hc_subjects_pane_show_view (pane, "publicity");
    hc_ui_wait_until ("the publicity list", table_loaded, table);
    hc_publicity_view_set_filters (publicity, "penalty", "460100", NULL, NULL);
    hc_ui_wait_until ("the Haikou list", table_loaded, table);
    g_assert_cmpint (hc_record_table_get_total (table), ==, expected);
    name = proposed_name (HC_PANE (pane), "xlsx:publicity");
    g_assert_true (g_str_has_prefix (name, "双公示-行政处罚-"));
    g_clear_pointer (&name, g_free);
    g_assert_cmpint (export_rows (HC_PANE (pane), "publicity", HC_EXPORT_FORMAT_CSV, publicity_csv), ==, expected);
    g_assert_cmpint (expected, <, server_total ("/publicity?kind=penalty&limit=1&total=1"));
  }
}

static void
test_exports_and_person (void)
{
  hc_ui_run_app_on (server, exports_and_person_over_demo, NULL);
}

static void
test_credit_file (void)
{
  hc_ui_run_app_on (server, credit_file_over_demo, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hc_ui_test_init (&argc, &argv);
  tmpdir = g_dir_make_tmp ("hc-credit-XXXXXX", NULL);
  server = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  hc_test_create_user (server, "outsider", "analyst");
  g_test_add_func ("/ui/credit-file/sections-report-fulfilment-and-reveal", test_credit_file);
  g_test_add_func ("/ui/credit-file/exports-holder-and-person-from-the-list", test_exports_and_person);
  status = g_test_run ();
  hc_test_server_free (server);
  return hc_ui_test_finish (status);
}
