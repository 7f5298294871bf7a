/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hc_client_export_async against the real server: a listing streamed to a
 * file in CSV and XLSX, with progress, and an error answer as a GError. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "hc-client.h"
#include "hc-test-client.h"

typedef struct
{
  goffset last;
  goffset total;
  guint   calls;
} Progress;

static void
on_progress (goffset  current,
             goffset  total,
             gpointer data)
{
  Progress *p = data;

  g_assert_cmpint (current, >=, p->last);
  p->last = current;
  p->total = total;
  p->calls++;
}

static gint64
export (HcClient        *client,
        const char      *path,
        HcExportFormat   format,
        GFile           *dest,
        Progress        *progress,
        GError         **error)
{
  HcTestWait wait = { NULL };
  gint64 rows;

  hc_client_export_async (client, path, format, dest, on_progress, progress, NULL,
                          hc_test_wait_store, &wait);
  rows = hc_client_export_finish (client, hc_test_wait_for (&wait), error);
  g_clear_object (&wait.result);
  return rows;
}

static void
test_client_export_streams_to_a_file (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "admin");
  g_autofree char *dir = g_dir_make_tmp ("hc-export-XXXXXX", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "市场主体.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (dir, "市场主体.xlsx", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) xlsx = g_file_new_for_path (xlsx_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Progress progress = { 0 };
  gsize len;
  gint64 rows;

  hc_test_create_subject (server, "91460100MA5T100082", "海口椰城贸易有限公司", "legal_person", "460100");
  hc_test_create_subject (server, "91460200MA5T100162", "三亚海棠湾酒店管理有限公司", "legal_person", "460200");

  rows = export (client, "/subjects?region=460100", HC_EXPORT_FORMAT_CSV, csv, &progress, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, 1);
  g_assert_true (g_file_get_contents (csv_path, &text, &len, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (text, "海口椰城贸易有限公司"));
  g_assert_null (strstr (text, "三亚海棠湾酒店管理有限公司"));
  g_assert_cmpuint (progress.calls, >, 0);
  g_assert_cmpint (progress.last, ==, len);
  g_assert_cmpint (progress.total, ==, len);

  progress = (Progress) { 0 };
  rows = export (client, "/subjects", HC_EXPORT_FORMAT_XLSX, xlsx, &progress, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, 2);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (xlsx_path, &text, &len, NULL));
  g_assert_cmpmem (text, 2, "PK", 2);   /* a zip: the OOXML container */

  g_unlink (csv_path);
  g_unlink (xlsx_path);
  g_rmdir (dir);
}

static void
test_client_export_error_is_a_gerror (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "admin");
  g_autofree char *dir = g_dir_make_tmp ("hc-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.csv", NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  export (client, "/subjects?region=999999", HC_EXPORT_FORMAT_CSV, dest, &progress, &error);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_INVALID);
  /* nothing written */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/client/export/streams-to-a-file", test_client_export_streams_to_a_file);
  g_test_add_func ("/client/export/error-is-a-gerror", test_client_export_error_is_a_gerror);
  return g_test_run ();
}
