/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's 归集 calls against the real server: the catalog items offered,
 * a file sent with its progress, the same file refused, the history and the
 * full rejection report. */
#include "config.h"

#include <glib/gstdio.h>

#include "hc-client.h"
#include "hc-import-record.h"
#include "hc-import-rejection.h"
#include "hc-test-client.h"
#include "hc-test-imports.h"

static void
count_progress (goffset  current,
                goffset  total,
                gpointer user_data)
{
  goffset *last = user_data;

  g_assert_cmpint (current, >=, *last);
  g_assert_cmpint (current, <=, total);
  *last = current;
}

static void
test_client_import_file_round_trip (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GListModel) licenses = NULL;
  g_autoptr(HcCatalogItem) penalty_item = NULL;
  g_autoptr(HcCatalogItem) license_item = NULL;
  g_autoptr(HcImportResult) result = NULL;
  g_autoptr(HcImportResult) again = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(HcImportRecord) record = NULL;
  g_autoptr(GBytes) report = NULL;
  g_autoptr(GArray) bad_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(HcTestResponse) recorded = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hc-client-imports-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *recorded_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) missing = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *obj;
  gint64 item_id = hc_test_imports_penalty_item (server);
  goffset sent = 0;
  HcTestWait wait = { NULL };

  client = hc_test_signed_in_client (server, "admin");

  /* Only the penalty items of the published catalog are offered. */
  hc_client_list_catalog_items_async (client, "penalty", NULL, hc_test_wait_store, &wait);
  items = hc_client_list_catalog_items_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  penalty_item = g_list_model_get_item (items, 0);
  g_assert_cmpint (hc_catalog_item_get_id (penalty_item), ==, item_id);
  g_assert_cmpstr (hc_catalog_item_get_category (penalty_item), ==, "penalty");
  g_assert_cmpstr (hc_catalog_item_get_department_name (penalty_item), ==, "海南省市场监督管理局");
  hc_client_list_catalog_items_async (client, "license", NULL, hc_test_wait_store, &wait);
  licenses = hc_client_list_catalog_items_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, 1);
  license_item = g_list_model_get_item (licenses, 0);
  g_assert_cmpint (hc_catalog_item_get_id (license_item), !=, item_id);

  path = hc_test_imports_write_csv (dir, "处罚-2025-03.csv", 30, bad_rows);
  file = g_file_new_for_path (path);
  hc_client_import_file_async (client, file, "penalty", item_id, NULL, FALSE, count_progress, &sent,
                               NULL, hc_test_wait_store, &wait);
  result = hc_client_import_file_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  /* The whole file went up, and the answer is what the server recorded. */
  {
    g_autofree char *contents = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    g_assert_cmpint (sent, ==, (goffset) len);
  }
  recorded_path = g_strdup_printf ("/imports/%" G_GINT64_FORMAT, result->import_id);
  recorded = hc_test_request (server, "GET", recorded_path, hc_test_server_token (server, "admin"), NULL);
  hc_assert_status (recorded, 200, NULL);
  obj = hc_test_response_object (recorded);
  g_assert_cmpint (result->rows_read, ==, 30 + bad_rows->len);
  g_assert_cmpint (result->rows_read, ==, json_object_get_int_member (obj, "rows_read"));
  g_assert_cmpint (result->accepted, ==, 30);
  g_assert_cmpint (result->accepted, ==, json_object_get_int_member (obj, "accepted"));
  g_assert_cmpint (result->rejected, ==, bad_rows->len);
  g_assert_cmpint (result->duration_ms, ==, json_object_get_int_member (obj, "duration_ms"));
  g_assert_cmpstr (result->file_name, ==, "处罚-2025-03.csv");
  g_assert_cmpstr (result->kind, ==, "penalty");
  g_assert_cmpint (result->item_id, ==, item_id);
  g_assert_cmpuint (g_list_model_get_n_items (result->rejections), ==, bad_rows->len);
  for (guint i = 0; i < bad_rows->len; i++)
    {
      g_autoptr(HcImportRejection) rejection = g_list_model_get_item (result->rejections, i);
      const char *code = hc_import_rejection_get_code (rejection);

      g_assert_cmpint (hc_import_rejection_get_row (rejection), ==, g_array_index (bad_rows, gint64, i));
      switch (i % 3)
        {
        case 0:
          g_assert_cmpstr (code, ==, "invalid_uscc_check");
          g_assert_cmpstr (hc_import_rejection_get_field (rejection), ==, "uscc");
          break;
        case 1:
          g_assert_cmpstr (code, ==, "invalid_date");
          g_assert_cmpstr (hc_import_rejection_get_field (rejection), ==, "decided_on");
          break;
        default:
          g_assert_cmpstr (code, ==, "missing_value");
          g_assert_cmpstr (hc_import_rejection_get_field (rejection), ==, "name");
          break;
        }
      g_assert_cmpstr (hc_import_rejection_get_message (rejection), !=, "");
    }

  /* The same file again is refused with the server's code, unless forced. */
  hc_client_import_file_async (client, file, "penalty", item_id, "utf-8", FALSE, NULL, NULL,
                               NULL, hc_test_wait_store, &wait);
  g_assert_null (hc_client_import_file_finish (client, hc_test_wait_for (&wait), &error));
  g_clear_object (&wait.result);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_CONFLICT);
  g_assert_cmpstr (hc_client_error_get_code (error), ==, "already_imported");
  g_clear_error (&error);
  hc_client_import_file_async (client, file, "penalty", item_id, "utf-8", TRUE, NULL, NULL,
                               NULL, hc_test_wait_store, &wait);
  again = hc_client_import_file_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpint (again->import_id, !=, result->import_id);
  g_assert_cmpint (again->accepted, ==, 0);
  g_assert_cmpint (again->rejected, ==, again->rows_read);

  /* A file that is not there says so before anything is sent. */
  missing = g_file_new_for_path ("/nonexistent/处罚.csv");
  hc_client_import_file_async (client, missing, "penalty", item_id, NULL, FALSE, NULL, NULL,
                               NULL, hc_test_wait_store, &wait);
  g_assert_null (hc_client_import_file_finish (client, hc_test_wait_for (&wait), &error));
  g_clear_object (&wait.result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The history, newest first. */
  hc_client_list_imports_async (client, NULL, hc_test_wait_store, &wait);
  history = hc_client_list_imports_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  g_assert_true (g_list_model_get_item_type (history) == HC_TYPE_IMPORT_RECORD);
  record = g_list_model_get_item (history, 1);
  g_assert_cmpint (hc_import_record_get_id (record), ==, result->import_id);
  g_assert_cmpstr (hc_import_record_get_file_name (record), ==, "处罚-2025-03.csv");
  g_assert_cmpstr (hc_import_record_get_actor (record), ==, "admin");
  g_assert_cmpstr (hc_import_record_get_item_name (record), ==, "市场监管行政处罚信息");
  g_assert_cmpint (hc_import_record_get_rows_read (record), ==, result->rows_read);
  g_assert_cmpint (hc_import_record_get_accepted (record), ==, 30);
  g_assert_cmpint (hc_import_record_get_rejected (record), ==, bad_rows->len);

  /* The full report: a BOM, the header and one line a rejection. */
  hc_client_download_rejections_async (client, result->import_id, NULL, hc_test_wait_store, &wait);
  report = hc_client_download_rejections_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (report, NULL), g_bytes_get_size (report));

    g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "row,field,code,message\r\n"));
    lines = g_strsplit (text, "\r\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, bad_rows->len + 2);
  }

  /* An import that does not exist is not found. */
  hc_client_download_rejections_async (client, 999999, NULL, hc_test_wait_store, &wait);
  g_assert_null (hc_client_download_rejections_finish (client, hc_test_wait_for (&wait), &error));
  g_clear_object (&wait.result);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_NOT_FOUND);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/imports/file-round-trip", test_client_import_file_round_trip);

  return g_test_run ();
}
