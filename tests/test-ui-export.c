/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The shared Export of the panes (pane.export on HcPane), driven on the
 * audit log of a real server: the file chooser proposes 审计日志-DATE.csv,
 * the CSV written where it answered has the rows the listing has with the
 * pane's filters, the Excel export has them too, the done toast offers
 * Open, and a filter the server refuses ends in a toast that says so. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "hc-core.h"
#include "hc-audit-pane.h"
#include "hc-export-button.h"
#include "hc-pane.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

static HcTestServer *server;
static char *tmpdir;

/* A valid USCC of @division, the @serial-th. */
static char *
make_uscc (const char *division,
           guint       serial)
{
  char code[19];

  g_snprintf (code, sizeof code, "91%.6s%08u", division, 20000000 + serial);
  code[16] = hc_org_code_compute_check (code + 8);
  code[17] = '\0';
  code[17] = hc_uscc_compute_check (code);
  code[18] = '\0';
  return g_strdup (code);
}

/* The audit listing's total for @query, as the server counts it. */
static gint64
server_total (const char *query)
{
  g_autofree char *path = g_strdup_printf ("/audit?limit=1&total=1%s", query);
  HcTestResponse *resp = hc_test_request (server, "GET", path, hc_test_server_token (server, "admin"), NULL);
  gint64 total;

  g_assert_cmpuint (resp->status, ==, 200);
  total = json_object_get_int_member (json_node_get_object (resp->json), "total");
  hc_test_response_free (resp);
  return total;
}

static gboolean
chooser_open (gpointer data)
{
  return hc_pane_get_export_chooser (HC_PANE (data)) != NULL;
}

static gboolean
export_done (gpointer data)
{
  return !hc_pane_get_exporting (HC_PANE (data)) && hc_pane_get_export_toast (HC_PANE (data)) != NULL;
}

static void
export_audit (HcApplication *app,
              HcWindow      *window,
              gpointer       data)
{
  HcPane *pane;
  GtkNativeDialog *chooser;
  g_autofree char *proposed = NULL;
  g_autofree char *csv_path = g_build_filename (tmpdir, "audit.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (tmpdir, "audit.xlsx", NULL);
  g_autofree char *bad_path = g_build_filename (tmpdir, "refused.csv", NULL);
  g_autofree char *header = NULL;
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) xlsx = g_file_new_for_path (xlsx_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  GtkDropDown *entity;
  GtkEditable *from;
  gint64 expected;
  guint nth;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  pane = HC_PANE (hc_ui_sign_in (window, "admin", "audit"));
  g_assert_nonnull (hc_ui_find_descendant (GTK_WIDGET (pane), HC_TYPE_EXPORT_BUTTON));

  /* Only the subjects' entries: the export has the filter too. */
  nth = 0;
  entity = GTK_DROP_DOWN (hc_ui_find_nth (GTK_WIDGET (pane), GTK_TYPE_DROP_DOWN, &nth));
  gtk_drop_down_set_selected (entity, 1);
  hc_ui_wait_pane_loaded (window, "audit");
  expected = server_total ("&entity=subject");
  g_assert_cmpint (expected, ==, 3);
  g_assert_cmpint (server_total (""), >, expected);

  /* CSV through the action and its chooser. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "pane.export", "s", "csv"));
  hc_ui_wait_until ("the file chooser", chooser_open, pane);
  chooser = hc_pane_get_export_chooser (pane);
  proposed = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_test_message ("proposed %s", proposed);
  g_assert_true (g_str_has_prefix (proposed, "审计日志-"));
  g_assert_true (g_str_has_suffix (proposed, ".csv"));
  /* A native chooser cannot be driven from here (it may be the portal's):
   * cancelled, it exports nothing; the file it would answer goes to
   * hc_pane_export_to_file(), as its response does. */
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_CANCEL);
  g_assert_null (hc_pane_get_export_chooser (pane));
  g_assert_false (hc_pane_get_exporting (pane));
  hc_pane_export_to_file (pane, HC_EXPORT_FORMAT_CSV, csv);
  g_assert_true (hc_pane_get_exporting (pane));
  hc_ui_wait_until ("the CSV export", export_done, pane);
  g_assert_cmpuint (hc_ui_csv_rows (csv_path, &header), ==, expected);
  g_assert_true (g_str_has_prefix (header, "编号,时间,操作人"));
  g_assert_cmpstr (adw_toast_get_button_label (hc_pane_get_export_toast (pane)), ==, "打开(_O)");
  g_assert_nonnull (strstr (adw_toast_get_title (hc_pane_get_export_toast (pane)), "audit.csv"));
  adw_toast_dismiss (hc_pane_get_export_toast (pane));

  /* Excel, same rows. */
  hc_pane_export_to_file (pane, HC_EXPORT_FORMAT_XLSX, xlsx);
  g_assert_true (hc_pane_get_exporting (pane));
  /* The Export button gives way to the progress while it runs. */
  {
    GtkWidget *button = hc_ui_find_descendant (GTK_WIDGET (pane), HC_TYPE_EXPORT_BUTTON);
    GtkStack *stack = GTK_STACK (hc_ui_find_descendant (button, GTK_TYPE_STACK));

    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "progress");
    g_assert_true (gtk_stack_get_visible_child (stack) ==
                   gtk_widget_get_parent (GTK_WIDGET (hc_export_button_get_progress_bar (HC_EXPORT_BUTTON (button)))));
  }
  hc_ui_wait_until ("the XLSX export", export_done, pane);
  g_assert_cmpint (hc_ui_xlsx_rows (xlsx_path), ==, expected);
  adw_toast_dismiss (hc_pane_get_export_toast (pane));

  /* A date the server refuses: no file, a toast that says why. */
  nth = 0;
  from = GTK_EDITABLE (hc_ui_find_nth (GTK_WIDGET (pane), GTK_TYPE_ENTRY, &nth));
  g_assert_nonnull (from);
  gtk_editable_set_text (from, "not-a-date");
  hc_pane_export_to_file (pane, HC_EXPORT_FORMAT_CSV, bad);
  hc_ui_wait_until ("the refused export", export_done, pane);
  g_test_message ("refused: %s", adw_toast_get_title (hc_pane_get_export_toast (pane)));
  g_assert_true (g_str_has_prefix (adw_toast_get_title (hc_pane_get_export_toast (pane)), "导出失败"));
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
}

static void
test_export_audit (void)
{
  hc_ui_run_app_on (server, export_audit, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hc_ui_test_init (&argc, &argv);
  tmpdir = g_dir_make_tmp ("hc-export-XXXXXX", NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *uscc = make_uscc ("460100", i);
      g_autofree char *name = g_strdup_printf ("导出测试%u", i);

      hc_test_create_subject (server, uscc, name, "legal_person", "460100");
    }
  g_test_add_func ("/ui/export/audit-csv-xlsx-and-refusal", test_export_audit);
  status = g_test_run ();
  hc_test_server_free (server);
  return hc_ui_test_finish (status);
}
