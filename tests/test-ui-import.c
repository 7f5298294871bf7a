/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 归集 page against a real server: a generated CSV with good and bad
 * rows imported by driving the page, its counts and rejected rows checked
 * against what the server recorded, the same file refused with the
 * "imported before" dialog (which only a supervisor or admin may override),
 * and a picture of the page in zh_CN (screenshot-import.png). */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hc-catalog-pane.h"
#include "hc-client.h"
#include "hc-format.h"
#include "hc-import-page.h"
#include "hc-import-record.h"
#include "hc-import-rejection.h"
#include "hc-test-imports.h"
#include "hc-ui-test.h"

typedef struct
{
  HcTestServer *server;
  const char   *username;
  gint64        item_id;
  char         *csv_path;
  GArray       *bad_rows;
} Fixture;

static gboolean
items_loaded (gpointer data)
{
  return hc_import_page_get_n_items (HC_IMPORT_PAGE (data)) > 0;
}

typedef struct
{
  HcImportPage *page;
  gint64        not_id;
} ResultWait;

static gboolean
result_shown (gpointer data)
{
  ResultWait *wait = data;
  HcImportResult *result = hc_import_page_get_result (wait->page);

  return !hc_import_page_get_busy (wait->page) && result != NULL && result->import_id != wait->not_id;
}

static gboolean
dialog_shown (gpointer data)
{
  HcImportPage *page = data;
  return !hc_import_page_get_busy (page) && hc_import_page_get_dialog (page) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return hc_import_page_get_dialog (HC_IMPORT_PAGE (data)) == NULL;
}

static gboolean
history_has (gpointer data)
{
  ResultWait *wait = data;
  GListModel *history = hc_import_page_get_history (wait->page);
  g_autoptr(HcImportRecord) newest = NULL;

  if (history == NULL || g_list_model_get_n_items (history) == 0)
    return FALSE;
  newest = g_list_model_get_item (history, 0);
  return hc_import_record_get_id (newest) == wait->not_id;
}

static void
save_shot (GtkWidget  *window,
           const char *name)
{
  g_autoptr(GdkTexture) texture = hc_ui_take_shot (window, name);

  g_assert_false (hc_ui_texture_is_blank (texture));
}

/* Signs in, opens 信用目录 → 归集 and chooses the penalty item and the file. */
static HcImportPage *
open_import_page (HcWindow *window,
                  Fixture  *fixture)
{
  HcSignInPage *sign_in = hc_window_get_sign_in_page (window);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->csv_path);
  HcCatalogPane *pane;
  HcImportPage *page;
  GtkWidget *button;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  hc_ui_wait_until ("the sign-in page", hc_ui_sign_in_shown, window);
  hc_sign_in_page_set_credentials (sign_in, fixture->username, HC_TEST_PASSWORD);
  hc_sign_in_page_submit (sign_in);
  hc_ui_wait_until ("the console after signing in", hc_ui_console_shown, window);

  hc_ui_wait_pane_loaded (window, "catalog");
  pane = HC_CATALOG_PANE (hc_window_get_pane_widget (window, "catalog"));
  hc_catalog_pane_show_view (pane, "import");
  page = hc_catalog_pane_get_import_page (pane);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));

  hc_import_page_set_kind (page, "penalty");
  hc_ui_wait_until ("the penalty items", items_loaded, page);
  /* Only the penalty item is offered, not the license item. */
  g_assert_cmpuint (hc_import_page_get_n_items (page), ==, 1);
  g_assert_true (hc_import_page_select_item (page, fixture->item_id));
  /* 导入 waits for a file. */
  button = hc_ui_find_action_button (GTK_WIDGET (page), "import.start");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  hc_import_page_set_file (page, file);
  g_assert_true (gtk_widget_get_sensitive (button));
  return page;
}

static void
import_and_check (HcApplication *app,
                  HcWindow      *window,
                  gpointer       data)
{
  Fixture *fixture = data;
  HcImportPage *page = open_import_page (window, fixture);
  HcImportResult *result;
  GListModel *shown;
  AdwMessageDialog *dialog;
  g_autoptr(HcTestResponse) recorded = NULL;
  g_autoptr(HcTestResponse) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *report_path = NULL;
  g_autofree char *report_text = NULL;
  g_autofree char *read = NULL;
  g_autofree char *accepted = NULL;
  g_autofree char *rejected = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *obj;
  ResultWait wait = { page, 0 };
  gint64 first_id;

  /* What the 导入 button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "import.start", NULL));
  hc_ui_wait_until ("the import's result", result_shown, &wait);
  result = hc_import_page_get_result (page);
  first_id = result->import_id;

  /* The numbers shown are the ones the server recorded. */
  path = g_strdup_printf ("/imports/%" G_GINT64_FORMAT, first_id);
  recorded = hc_test_request (fixture->server, "GET", path, hc_test_server_token (fixture->server, "admin"), NULL);
  hc_assert_status (recorded, 200, NULL);
  obj = hc_test_response_object (recorded);
  g_assert_cmpint (json_object_get_int_member (obj, "accepted"), ==, 30);
  g_assert_cmpint (json_object_get_int_member (obj, "rejected"), ==, fixture->bad_rows->len);
  read = hc_format_count (json_object_get_int_member (obj, "rows_read"));
  accepted = hc_format_count (json_object_get_int_member (obj, "accepted"));
  rejected = hc_format_count (json_object_get_int_member (obj, "rejected"));
  expected = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%s rows read from “%s”: %s accepted, %s rejected, in %.1f s."),
                              read, json_object_get_string_member (obj, "file_name"), accepted, rejected,
                              json_object_get_int_member (obj, "duration_ms") / 1000.0);
  g_assert_cmpstr (hc_import_page_get_summary_text (page), ==, expected);
  /* In Chinese, as the test runs with LANGUAGE=zh_CN. */
  g_assert_nonnull (strstr (hc_import_page_get_summary_text (page), "拒绝"));

  /* The rows listed are the server's full rejection report, row by row. */
  report_path = g_strdup_printf ("/imports/%" G_GINT64_FORMAT "/rejections.csv", first_id);
  report = hc_test_request (fixture->server, "GET", report_path, hc_test_server_token (fixture->server, "admin"), NULL);
  hc_assert_status (report, 200, NULL);
  report_text = g_strndup (g_bytes_get_data (report->body, NULL), g_bytes_get_size (report->body));
  lines = g_strsplit (report_text, "\r\n", -1);
  shown = hc_import_page_get_rejections (page);
  g_assert_nonnull (shown);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, fixture->bad_rows->len);
  g_assert_cmpuint (g_strv_length (lines), ==, fixture->bad_rows->len + 2);
  for (guint i = 0; i < fixture->bad_rows->len; i++)
    {
      g_autoptr(HcImportRejection) rejection = g_list_model_get_item (shown, i);
      g_auto(GStrv) fields = g_strsplit (lines[i + 1], ",", 4);
      g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, hc_import_rejection_get_row (rejection));

      g_assert_cmpint (hc_import_rejection_get_row (rejection), ==, g_array_index (fixture->bad_rows, gint64, i));
      g_assert_cmpstr (row, ==, fields[0]);
      g_assert_cmpstr (hc_import_rejection_get_field (rejection), ==, fields[1]);
      g_assert_cmpstr (hc_import_rejection_get_code (rejection), ==, fields[2]);
    }

  /* The history shows the import, newest first. */
  wait.not_id = first_id;
  hc_ui_wait_until ("the import in the history", history_has, &wait);
  save_shot (GTK_WIDGET (window), "import");

  /* The same file again: the dialog, offering an administrator to import it again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "import.start", NULL));
  hc_ui_wait_until ("the imported-before dialog", dialog_shown, page);
  dialog = hc_import_page_get_dialog (page);
  g_assert_true (adw_message_dialog_has_response (dialog, "force"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   g_dgettext (GETTEXT_PACKAGE, "This File Was Imported Before"));
  g_assert_cmpint (hc_import_page_get_result (page)->import_id, ==, first_id);
  adw_message_dialog_response (dialog, "force");
  hc_ui_wait_until ("the dialog to close", dialog_gone, page);

  wait.not_id = first_id;
  hc_ui_wait_until ("the forced import's result", result_shown, &wait);
  result = hc_import_page_get_result (page);
  g_assert_cmpint (result->import_id, >, first_id);
  /* Every row is now already in the database or bad. */
  g_assert_cmpint (result->accepted, ==, 0);
  g_assert_cmpint (result->rejected, ==, result->rows_read);
}

static void
analyst_may_not_force (HcApplication *app,
                       HcWindow      *window,
                       gpointer       data)
{
  Fixture *fixture = data;
  HcImportPage *page = open_import_page (window, fixture);
  AdwMessageDialog *dialog;

  /* The administrator imported this file before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "import.start", NULL));
  hc_ui_wait_until ("the imported-before dialog", dialog_shown, page);
  dialog = hc_import_page_get_dialog (page);
  g_assert_false (adw_message_dialog_has_response (dialog, "force"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "管理员"));
  g_assert_null (hc_import_page_get_result (page));
  adw_message_dialog_response (dialog, "cancel");
  hc_ui_wait_until ("the dialog to close", dialog_gone, page);
  g_assert_null (hc_import_page_get_result (page));
}

static void
test_import_page_imports_and_refuses_twice (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(GArray) bad_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(HcTestResponse) user = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hc-ui-import-XXXXXX", NULL);
  const char *args[] = { "--server", hc_test_server_get_url (server), NULL };
  Fixture fixture = { server, "admin", 0, NULL, bad_rows };

  user = hc_test_request (server, "POST", "/users", hc_test_server_token (server, "admin"),
                          "{\"username\":\"ana\",\"password\":\"" HC_TEST_PASSWORD "\",\"role\":\"analyst\"}");
  hc_assert_status (user, 201, NULL);
  fixture.item_id = hc_test_imports_penalty_item (server);
  fixture.csv_path = hc_test_imports_write_csv (dir, "海口市场监管局-行政处罚-2025年3月.csv", 30, bad_rows);

  g_assert_cmpint (hc_ui_run_app (args, import_and_check, &fixture), ==, 0);
  fixture.username = "ana";
  g_assert_cmpint (hc_ui_run_app (args, analyst_may_not_force, &fixture), ==, 0);

  g_unlink (fixture.csv_path);
  g_free (fixture.csv_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  hc_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/import/imports-and-refuses-the-same-file", test_import_page_imports_and_refuses_twice);
  return hc_ui_test_finish (g_test_run ());
}
