/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalog pane on the demo data of a real server: it shows the newest
 * version's items, the version picker says draft or published and by
 * whom, search and filters change the rows as the server counts them,
 * a column sorts, and Export writes the rows shown. */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "hc-catalog-pane.h"
#include "hc-pane.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

static HcTestServer *server;
static char *tmpdir;

/* The items of the version @year the server counts for @query. */
static gint64
server_total (int         year,
              const char *query)
{
  g_autofree char *path = g_strdup_printf ("/catalog/versions/%d/items?limit=1&total=1%s", year, query);
  g_autoptr(HcTestResponse) resp = hc_test_request (server, "GET", path, hc_test_server_token (server, "analyst"), NULL);

  hc_assert_status (resp, 200, NULL);
  return json_object_get_int_member (json_node_get_object (resp->json), "total");
}

static gboolean
items_settled (gpointer data)
{
  return !hc_catalog_pane_get_loading (HC_CATALOG_PANE (data));
}

static gboolean
export_done (gpointer data)
{
  return !hc_pane_get_exporting (HC_PANE (data)) && hc_pane_get_export_toast (HC_PANE (data)) != NULL;
}

static guint
n_items (HcCatalogPane *pane)
{
  return g_list_model_get_n_items (hc_catalog_pane_get_items (pane));
}

/* Signs in as @username and shows the catalog pane, its items loaded. */
static HcCatalogPane *
open_pane_as (HcWindow   *window,
              const char *username)
{
  HcSignInPage *page = hc_window_get_sign_in_page (window);
  HcCatalogPane *pane;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  hc_ui_wait_until ("the sign-in page", hc_ui_sign_in_shown, window);
  hc_sign_in_page_set_credentials (page, username, HC_TEST_PASSWORD);
  hc_sign_in_page_submit (page);
  hc_ui_wait_until ("the console", hc_ui_console_shown, window);
  hc_ui_wait_pane_loaded (window, "catalog");
  pane = HC_CATALOG_PANE (hc_window_get_pane_widget (window, "catalog"));
  hc_ui_wait_until ("the items", items_settled, pane);
  return pane;
}

/* The @nth GtkDropDown of the pane: 0 the version, then category,
 * department, disclosure, scope. */
static GtkDropDown *
dropdown (HcCatalogPane *pane,
          guint          nth)
{
  return GTK_DROP_DOWN (hc_ui_find_nth (GTK_WIDGET (pane), GTK_TYPE_DROP_DOWN, &nth));
}

static void
select_filter (HcCatalogPane *pane,
               guint          nth,
               guint          position)
{
  gtk_drop_down_set_selected (dropdown (pane, nth), position);
  hc_ui_wait_until ("the filtered items", items_settled, pane);
}

static guint
csv_rows (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  lines = g_strsplit (text + 3, "\r\n", -1);
  g_assert_nonnull (strstr (lines[0], "目录类型"));
  for (guint i = 1; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      n++;
  return n;
}

static void
shows_the_demo_catalog (HcApplication *app,
                        HcWindow      *window,
                        gpointer       data)
{
  HcCatalogPane *pane = open_pane_as (window, "analyst");
  GListModel *versions = hc_catalog_pane_get_versions (pane);
  g_autoptr(HcCatalogVersion) newest = g_list_model_get_item (versions, 0);
  g_autoptr(HcCatalogVersion) last_published = g_list_model_get_item (versions, 1);
  g_autoptr(GdkTexture) shot = NULL;
  g_autofree char *csv_path = g_build_filename (tmpdir, "catalog.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  GtkEditable *search;
  GtkColumnView *view;
  GtkColumnViewColumn *expected_column;
  gint64 all = server_total (2025, "");
  gint64 previous = -1;

  /* Newest first: the 2025 draft, then 2024 published by the supervisor. */
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 5);
  g_assert_cmpint (hc_catalog_version_get_year (newest), ==, 2025);
  g_assert_cmpstr (hc_catalog_version_get_state_label (newest), ==, "草稿");
  g_assert_cmpstr (hc_catalog_version_get_state_label (last_published), ==, "已发布");
  g_assert_nonnull (strstr (hc_catalog_version_get_subtitle (last_published), "supervisor"));
  g_assert_cmpint (hc_catalog_pane_get_year (pane), ==, 2025);
  g_assert_cmpuint (n_items (pane), ==, all);
  g_assert_cmpint (all, >=, 150);

  /* The columns sort: by expected records, most first. */
  view = GTK_COLUMN_VIEW (hc_ui_find_descendant (GTK_WIDGET (pane), GTK_TYPE_COLUMN_VIEW));
  expected_column = g_list_model_get_item (gtk_column_view_get_columns (view), 4);
  g_object_unref (expected_column);
  g_assert_cmpstr (gtk_column_view_column_get_title (expected_column), ==, "应归集条数");
  gtk_column_view_sort_by_column (view, expected_column, GTK_SORT_DESCENDING);
  for (guint i = 0; i < n_items (pane); i++)
    {
      g_autoptr(HcCatalogItem) item = g_list_model_get_item (hc_catalog_pane_get_items (pane), i);

      if (previous >= 0)
        g_assert_cmpint (hc_catalog_item_get_expected_records (item), <=, previous);
      previous = hc_catalog_item_get_expected_records (item);
    }

  shot = hc_ui_take_shot (GTK_WIDGET (window), "catalog");
  g_assert_false (hc_ui_texture_is_blank (shot));

  /* Filters: 纳税 (category 9 of the list after 全部), then the supplement only. */
  select_filter (pane, 1, 9);
  g_assert_cmpuint (n_items (pane), ==, server_total (2025, "&category=tax"));
  g_assert_cmpuint (n_items (pane), <, all);
  select_filter (pane, 1, 0);
  g_assert_cmpuint (n_items (pane), ==, all);
  select_filter (pane, 4, 2);
  g_assert_cmpuint (n_items (pane), ==, server_total (2025, "&scope=supplementary"));
  g_assert_cmpuint (n_items (pane), >, 0);
  for (guint i = 0; i < n_items (pane); i++)
    {
      g_autoptr(HcCatalogItem) item = g_list_model_get_item (hc_catalog_pane_get_items (pane), i);

      g_assert_cmpstr (hc_catalog_item_get_scope_label (item), ==, "补充目录");
    }
  select_filter (pane, 4, 0);

  /* Ctrl+F searches item, department and legal basis. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  search = GTK_EDITABLE (hc_ui_find_descendant (hc_ui_find_descendant (GTK_WIDGET (pane), GTK_TYPE_SEARCH_BAR),
                                               GTK_TYPE_SEARCH_ENTRY));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    /* Ctrl+F put the typing into the search. */
    g_assert_nonnull (focus);
    g_assert_true (focus == GTK_WIDGET (search) || gtk_widget_is_ancestor (focus, GTK_WIDGET (search)));
  }
  gtk_editable_set_text (search, "海关");
  hc_ui_wait_until ("the searched items", items_settled, pane);
  g_assert_cmpuint (n_items (pane), ==, server_total (2025, "&q=%E6%B5%B7%E5%85%B3"));
  g_assert_cmpuint (n_items (pane), <, all);
  g_assert_cmpuint (n_items (pane), >, 0);

  /* Export takes the rows shown, searched. */
  hc_pane_export_to_file (HC_PANE (pane), HC_EXPORT_FORMAT_CSV, csv);
  hc_ui_wait_until ("the export", export_done, pane);
  g_assert_cmpuint (csv_rows (csv_path), ==, n_items (pane));
}

static void
test_catalog_shows_the_demo_catalog (void)
{
  const char *args[] = { "--server", hc_test_server_get_url (server), NULL };

  g_assert_cmpint (hc_ui_run_app (args, shows_the_demo_catalog, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hc_ui_test_init (&argc, &argv);
  tmpdir = g_dir_make_tmp ("hc-catalog-XXXXXX", NULL);
  server = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  g_test_add_func ("/ui/catalog/shows-the-demo-catalog", test_catalog_shows_the_demo_catalog);
  status = g_test_run ();
  hc_test_server_free (server);
  return hc_ui_test_finish (status);
}
