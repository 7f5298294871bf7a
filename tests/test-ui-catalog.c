/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalog pane on the demo data of a real server: it shows the newest
 * version's items, the version picker says draft or published and by
 * whom, search and filters change the rows as the server counts them,
 * a column sorts, Export writes the rows shown, edits round-trip, and
 * the Compare Years view lists a changed field old | new, and the Data
 * Quality view shows the server's figures per department and month. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "hc-catalog-item-dialog.h"
#include "hc-catalog-pane.h"
#include "hc-core.h"
#include "hc-import-record.h"
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

static gboolean
departments_loaded (gpointer data)
{
  guint nth = 2;
  GtkDropDown *departments = GTK_DROP_DOWN (hc_ui_find_nth (GTK_WIDGET (data), GTK_TYPE_DROP_DOWN, &nth));

  return g_list_model_get_n_items (gtk_drop_down_get_model (departments)) > 1;
}

/* Signs in as @username and shows the catalog pane, its items and departments loaded. */
static HcCatalogPane *
open_pane_as (HcWindow   *window,
              const char *username)
{
  HcCatalogPane *pane;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  pane = HC_CATALOG_PANE (hc_ui_sign_in (window, username, "catalog"));
  hc_ui_wait_until ("the items", items_settled, pane);
  hc_ui_wait_until ("the departments", departments_loaded, pane);
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
  hc_ui_run_app_on (server, shows_the_demo_catalog, NULL);
}

static gboolean
dialog_open (gpointer data)
{
  return hc_catalog_pane_get_dialog (HC_CATALOG_PANE (data)) != NULL;
}

static gboolean
dialog_closed (gpointer data)
{
  return hc_catalog_pane_get_dialog (HC_CATALOG_PANE (data)) == NULL;
}

static gboolean
dialog_answered (gpointer data)
{
  HcCatalogItemDialog *dialog = data;

  return !hc_catalog_item_dialog_get_busy (dialog) && hc_catalog_item_dialog_get_message (dialog) != NULL;
}

static gboolean
toast_shown (gpointer data)
{
  return hc_catalog_pane_get_toast (HC_CATALOG_PANE (data)) != NULL;
}

/* The item @id as the server has it now. */
static HcTestResponse *
server_item (gint64 id)
{
  g_autofree char *path = g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT, id);
  HcTestResponse *resp = hc_test_request (server, "GET", path, hc_test_server_token (server, "analyst"), NULL);

  hc_assert_status (resp, 200, NULL);
  return resp;
}

static const char *
member (HcTestResponse *resp,
        const char     *name)
{
  return json_object_get_string_member (json_node_get_object (resp->json), name);
}

static HcCatalogItemDialog *
open_editor (HcCatalogPane *pane,
             gint64         id)
{
  g_assert_true (hc_catalog_pane_select_item (pane, id));
  gtk_widget_activate_action (GTK_WIDGET (pane), "catalog.edit", NULL);
  hc_ui_wait_until ("the item dialog", dialog_open, pane);
  return HC_CATALOG_ITEM_DIALOG (hc_catalog_pane_get_dialog (pane));
}

static void
analyst_edits_the_draft (HcApplication *app,
                         HcWindow      *window,
                         gpointer       data)
{
  HcCatalogPane *pane = open_pane_as (window, "analyst");
  g_autoptr(HcCatalogItem) first = g_list_model_get_item (hc_catalog_pane_get_items (pane), 0);
  gint64 id = hc_catalog_item_get_id (first);
  g_autofree char *name = g_strdup (hc_catalog_item_get_name (first));
  g_autofree char *path = g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT, id);
  g_autoptr(HcTestResponse) before = server_item (id);
  g_autoptr(HcTestResponse) after = NULL;
  g_autoptr(HcTestResponse) theirs = NULL;
  g_autoptr(HcTestResponse) fresh = NULL;
  g_autoptr(HcTestResponse) kept = NULL;
  g_autoptr(GdkTexture) shot = NULL;
  HcCatalogItemDialog *dialog;
  GtkWidget *publish;

  /* An analyst is not offered Publish; the draft's editing is. */
  publish = hc_ui_find_action_button (GTK_WIDGET (pane), "catalog.publish");
  g_assert_nonnull (publish);
  g_assert_false (gtk_widget_get_visible (publish));
  g_assert_false (gtk_widget_is_sensitive (publish));
  g_assert_true (gtk_widget_is_sensitive (hc_ui_find_action_button (GTK_WIDGET (pane), "catalog.add")));
  gtk_widget_activate_action (GTK_WIDGET (pane), "catalog.publish", NULL);
  g_assert_null (hc_catalog_pane_get_dialog (pane));

  /* A blank name is refused in the form; nothing reaches the server. */
  dialog = open_editor (pane, id);
  gtk_editable_set_text (hc_catalog_item_dialog_get_entry (dialog, "name"), "  ");
  hc_catalog_item_dialog_save (dialog);
  g_assert_nonnull (hc_catalog_item_dialog_get_message (dialog));
  g_assert_false (hc_catalog_item_dialog_get_busy (dialog));
  gtk_editable_set_text (hc_catalog_item_dialog_get_entry (dialog, "expected_records"), "-5");
  gtk_editable_set_text (hc_catalog_item_dialog_get_entry (dialog, "name"), name);
  hc_catalog_item_dialog_save (dialog);
  g_assert_nonnull (strstr (hc_catalog_item_dialog_get_message (dialog), "应归集条数"));
  g_assert_false (hc_catalog_item_dialog_get_busy (dialog));
  {
    g_autoptr(HcTestResponse) unchanged = server_item (id);

    g_assert_cmpstr (unchanged->etag, ==, before->etag);
  }

  /* An edit round-trips. */
  gtk_editable_set_text (hc_catalog_item_dialog_get_entry (dialog, "expected_records"), "480000");
  gtk_editable_set_text (hc_catalog_item_dialog_get_entry (dialog, "legal_basis"), "《海南自由贸易港社会信用条例》");
  shot = hc_ui_take_shot (GTK_WIDGET (dialog), "catalog-item-dialog");
  hc_catalog_item_dialog_save (dialog);
  hc_ui_wait_until ("the dialog to close", dialog_closed, pane);
  hc_ui_wait_until ("the items", items_settled, pane);
  after = server_item (id);
  g_assert_cmpstr (member (after, "legal_basis"), ==, "《海南自由贸易港社会信用条例》");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (after->json), "expected_records"), ==, 480000);
  g_assert_true (hc_catalog_pane_select_item (pane, id));
  {
    g_autoptr(HcCatalogItem) row = NULL;

    for (guint i = 0; i < n_items (pane); i++)
      {
        g_autoptr(HcCatalogItem) item = g_list_model_get_item (hc_catalog_pane_get_items (pane), i);

        if (hc_catalog_item_get_id (item) == id)
          row = g_object_ref (item);
      }
    g_assert_cmpstr (hc_catalog_item_get_legal_basis (row), ==, "《海南自由贸易港社会信用条例》");
  }

  /* Someone else changes it while the form is open: the save says so and keeps what was typed. */
  dialog = open_editor (pane, id);
  fresh = server_item (id);
  theirs = hc_test_request_full (server, "PATCH", path, hc_test_server_token (server, "supervisor"), "application/json",
                                 g_bytes_new_static ("{\"publicity_period\":\"他人修改\"}", strlen ("{\"publicity_period\":\"他人修改\"}")),
                                 fresh->etag);
  hc_assert_status (theirs, 200, NULL);
  gtk_editable_set_text (hc_catalog_item_dialog_get_entry (dialog, "publicity_period"), "我的输入");
  hc_catalog_item_dialog_save (dialog);
  hc_ui_wait_until ("the conflict", dialog_answered, dialog);
  g_test_message ("412: %s", hc_catalog_item_dialog_get_message (dialog));
  g_assert_nonnull (strstr (hc_catalog_item_dialog_get_message (dialog), "其他人"));
  g_assert_cmpstr (gtk_editable_get_text (hc_catalog_item_dialog_get_entry (dialog, "publicity_period")), ==, "我的输入");
  kept = server_item (id);
  g_assert_cmpstr (member (kept, "publicity_period"), ==, "他人修改");
  gtk_window_close (GTK_WINDOW (dialog));
  hc_ui_wait_until ("the dialog to close", dialog_closed, pane);
}

static void
test_catalog_analyst_edits_the_draft (void)
{
  hc_ui_run_app_on (server, analyst_edits_the_draft, NULL);
}

static void
delete_is_undone_or_done (HcApplication *app,
                          HcWindow      *window,
                          gpointer       data)
{
  gint64 id = GPOINTER_TO_SIZE (data);
  HcCatalogPane *pane = open_pane_as (window, "analyst");
  guint all = n_items (pane);
  g_autofree char *path = g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT, id);
  AdwToast *toast;

  /* Delete, then Undo: the row is back and the server never lost it. */
  g_assert_true (hc_catalog_pane_select_item (pane, id));
  gtk_widget_activate_action (GTK_WIDGET (pane), "catalog.delete", NULL);
  hc_ui_wait_until ("the undo toast", toast_shown, pane);
  toast = hc_catalog_pane_get_toast (pane);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "测试删除事项"));
  g_assert_cmpuint (n_items (pane), ==, all - 1);
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
  hc_ui_wait_until ("the items", items_settled, pane);
  g_assert_cmpuint (n_items (pane), ==, all);
  {
    g_autoptr(HcTestResponse) still = hc_test_request (server, "GET", path, hc_test_server_token (server, "analyst"), NULL);

    hc_assert_status (still, 200, NULL);
  }

  /* Delete and let the toast go: the item is gone. */
  g_assert_true (hc_catalog_pane_select_item (pane, id));
  gtk_widget_activate_action (GTK_WIDGET (pane), "catalog.delete", NULL);
  hc_ui_wait_until ("the undo toast", toast_shown, pane);
  adw_toast_dismiss (hc_catalog_pane_get_toast (pane));
  hc_ui_wait_until ("the items", items_settled, pane);
  g_assert_cmpuint (n_items (pane), ==, all - 1);
  {
    g_autoptr(HcTestResponse) gone = hc_test_request (server, "GET", path, hc_test_server_token (server, "analyst"), NULL);

    hc_assert_status (gone, 404, NULL);
  }
}

static void
test_catalog_delete_is_undone_or_done (void)
{
  g_autoptr(HcTestResponse) dept = hc_test_request (server, "GET", "/departments?limit=1", hc_test_server_token (server, "analyst"), NULL);
  gint64 department = json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (json_node_get_object (dept->json), "items"), 0), "id");
  g_autofree char *body = g_strdup_printf ("{\"category\":\"other\",\"name\":\"测试删除事项\",\"subject_type\":\"legal_person\","
                                           "\"department_id\":%" G_GINT64_FORMAT ",\"disclosure\":\"public\","
                                           "\"update_frequency\":\"monthly\",\"legal_basis\":\"《测试》\",\"publicity_period\":\"1年\"}",
                                           department);
  g_autoptr(HcTestResponse) created = hc_test_request (server, "POST", "/catalog/versions/2025/items",
                                                       hc_test_server_token (server, "analyst"), body);
  gint64 id;

  hc_assert_status (created, 201, NULL);
  id = json_object_get_int_member (json_node_get_object (created->json), "id");
  hc_ui_run_app_on (server, delete_is_undone_or_done, GSIZE_TO_POINTER (id));
}

static gboolean
diff_settled (gpointer data)
{
  HcCatalogDiffView *view = data;

  return !hc_catalog_diff_view_get_loading (view) && hc_catalog_diff_view_get_diff (view) != NULL;
}

/* The items of the version @year, as the server lists them. */
static HcTestResponse *
server_items (int year)
{
  g_autofree char *path = g_strdup_printf ("/catalog/versions/%d/items?limit=1000", year);
  HcTestResponse *resp = hc_test_request (server, "GET", path, hc_test_server_token (server, "analyst"), NULL);

  hc_assert_status (resp, 200, NULL);
  return resp;
}

typedef struct {
  char *name;     /* the item changed in the 2025 draft */
  char *before;   /* its publicity period in 2024 */
} DiffCase;

static void
diff_lists_a_changed_field (HcApplication *app,
                            HcWindow      *window,
                            gpointer       data)
{
  DiffCase *c = data;
  HcCatalogPane *pane = open_pane_as (window, "analyst");
  HcCatalogDiffView *view = hc_catalog_pane_get_diff_view (pane);
  g_autoptr(GdkTexture) shot = NULL;
  HcCatalogDiff *diff;
  GListModel *changes;
  gboolean found = FALSE;

  hc_catalog_pane_show_view (pane, "diff");
  hc_ui_wait_until ("the diff", diff_settled, view);
  diff = hc_catalog_diff_view_get_diff (view);
  /* At first: the newest year against the one before it. */
  g_assert_cmpint (hc_catalog_diff_get_from (diff), ==, 2024);
  g_assert_cmpint (hc_catalog_diff_get_to (diff), ==, 2025);
  g_assert_cmpstr (hc_catalog_diff_view_get_message (view), ==, "");

  /* The field changed in the draft is listed with its old and new value. */
  changes = hc_catalog_diff_view_get_changes (view);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(HcCatalogChange) change = g_list_model_get_item (changes, i);

      if (g_str_equal (hc_catalog_change_get_item_name (change), c->name) &&
          g_str_equal (hc_catalog_change_get_field (change), "publicity_period"))
        {
          g_assert_cmpstr (hc_catalog_change_get_field_label (change), ==, "公示期限");
          g_assert_cmpstr (hc_catalog_change_get_before (change), ==, c->before);
          g_assert_cmpstr (hc_catalog_change_get_after (change), ==, "比对测试期限");
          found = TRUE;
        }
    }
  g_assert_true (found);
  shot = hc_ui_take_shot (GTK_WIDGET (window), "catalog-diff");
  g_assert_false (hc_ui_texture_is_blank (shot));

  /* The diff exports through the pane, a row an item: added, removed and
   * changed items of the two years picked. */
  {
    g_autofree char *dir = g_dir_make_tmp ("hc-ui-diff-XXXXXX", NULL);
    g_autofree char *csv_path = g_build_filename (dir, "diff.csv", NULL);
    g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
    g_autofree char *header = NULL;
    g_autofree char *text = NULL;

    hc_pane_export_listing_to_file (HC_PANE (pane), "catalog-diff", HC_EXPORT_FORMAT_CSV, csv);
    hc_ui_wait_until ("the diff export", export_done, pane);
    g_assert_cmpuint (hc_ui_csv_rows (csv_path, &header), ==,
                      g_list_model_get_n_items (hc_catalog_diff_get_added (diff)) +
                      g_list_model_get_n_items (hc_catalog_diff_get_removed (diff)) +
                      hc_catalog_diff_get_n_changed (diff));
    g_test_message ("diff header: %s", header);
    g_assert_nonnull (strstr (header, "变更内容"));
    g_assert_true (g_file_get_contents (csv_path, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "公示期限："));
    g_assert_nonnull (strstr (text, "比对测试期限"));
    adw_toast_dismiss (hc_pane_get_export_toast (HC_PANE (pane)));
    g_unlink (csv_path);
    g_rmdir (dir);
  }

  /* One year against itself: the view says to pick two and lists nothing. */
  hc_catalog_diff_view_compare (view, 2025, 2025);
  g_assert_false (hc_catalog_diff_view_get_loading (view));
  g_assert_null (hc_catalog_diff_view_get_diff (view));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 0);
  g_assert_nonnull (strstr (hc_catalog_diff_view_get_message (view), "两个不同的年度"));

  /* Two other years: the diff follows the pick. */
  hc_catalog_diff_view_compare (view, 2023, 2024);
  hc_ui_wait_until ("the other diff", diff_settled, view);
  g_assert_cmpint (hc_catalog_diff_get_from (hc_catalog_diff_view_get_diff (view)), ==, 2023);
  g_assert_cmpint (hc_catalog_diff_get_to (hc_catalog_diff_view_get_diff (view)), ==, 2024);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(HcCatalogChange) change = g_list_model_get_item (changes, i);

      g_assert_cmpstr (hc_catalog_change_get_after (change), !=, "比对测试期限");
    }
}

/* Changes the publicity period of a 2025 draft item that 2024 has too. */
static void
test_catalog_diff_lists_a_changed_field (void)
{
  g_autoptr(HcTestResponse) old_items = server_items (2024);
  g_autoptr(HcTestResponse) new_items = server_items (2025);
  g_autoptr(GHashTable) old_by_lineage = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *olds = json_object_get_array_member (json_node_get_object (old_items->json), "items");
  JsonArray *news = json_object_get_array_member (json_node_get_object (new_items->json), "items");
  JsonObject *item = NULL;
  JsonObject *old = NULL;
  DiffCase c = { 0, };

  for (guint i = 0; i < json_array_get_length (olds); i++)
    {
      JsonObject *o = json_array_get_object_element (olds, i);

      g_hash_table_insert (old_by_lineage, (gpointer) json_object_get_string_member (o, "lineage"), o);
    }
  for (guint i = 0; i < json_array_get_length (news) && item == NULL; i++)
    {
      JsonObject *n = json_array_get_object_element (news, i);

      if ((old = g_hash_table_lookup (old_by_lineage, json_object_get_string_member (n, "lineage"))) != NULL)
        item = n;
    }
  g_assert_nonnull (item);
  {
    g_autofree char *path = g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT, json_object_get_int_member (item, "id"));
    g_autoptr(HcTestResponse) fresh = server_item (json_object_get_int_member (item, "id"));
    const char *body = "{\"publicity_period\":\"比对测试期限\"}";
    g_autoptr(HcTestResponse) patched = hc_test_request_full (server, "PATCH", path, hc_test_server_token (server, "analyst"),
                                                              "application/json", g_bytes_new_static (body, strlen (body)),
                                                              fresh->etag);

    hc_assert_status (patched, 200, NULL);
  }
  c.name = g_strdup (json_object_get_string_member (item, "name"));
  c.before = g_strdup (json_object_get_string_member (old, "publicity_period"));
  hc_ui_run_app_on (server, diff_lists_a_changed_field, &c);
  g_free (c.name);
  g_free (c.before);
}

static gboolean
quality_settled (gpointer data)
{
  HcQualityView *view = data;

  return !hc_quality_view_get_loading (view) && g_list_model_get_n_items (hc_quality_view_get_rows (view)) > 0;
}

static gboolean
quality_toast_shown (gpointer data)
{
  return hc_quality_view_get_toast (HC_QUALITY_VIEW (data)) != NULL;
}

#define BAD_CODES 40

typedef struct {
  gint64  department;   /* of the 2025 penalty item imported into */
  gint64  import_id;    /* the import with rejections and 重码, dated 2025-06 */
} QualityCase;

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
quality_view_shows_the_figures (HcApplication *app,
                                HcWindow      *window,
                                gpointer       data)
{
  QualityCase *c = data;
  HcCatalogPane *pane = open_pane_as (window, "analyst");
  HcQualityView *view = hc_catalog_pane_get_quality_view (pane);
  g_autoptr(HcTestResponse) listing = hc_test_request (server, "GET", "/imports/quality/months?year=2025",
                                                       hc_test_server_token (server, "analyst"), NULL);
  JsonArray *server_rows = json_object_get_array_member (json_node_get_object (listing->json), "items");
  g_autofree char *report_path = g_build_filename (tmpdir, "rejections.csv", NULL);
  g_autoptr(GFile) report = g_file_new_for_path (report_path);
  g_autofree char *csv_path = g_build_filename (tmpdir, "quality.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autofree char *report_text = NULL;
  g_autofree char *header = NULL;
  g_autoptr(GdkTexture) shot = NULL;
  GListModel *rows;
  guint over = 0;

  hc_catalog_pane_show_view (pane, "quality");
  hc_ui_wait_until ("the quality figures", quality_settled, view);
  rows = hc_quality_view_get_rows (view);
  /* The newest year at first, every department-month the server counts. */
  g_assert_cmpint (hc_quality_view_get_year (view), ==, 2025);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, json_array_get_length (server_rows));
  for (guint i = 0; i < json_array_get_length (server_rows); i++)
    over += json_object_get_boolean_member (json_array_get_object_element (server_rows, i), "over_line");
  g_assert_cmpuint (over, >, 0);
  g_assert_cmpuint (over, <, json_array_get_length (server_rows));

  /* Worst USCC rate first (the rows over the line come up). */
  {
    GtkColumnView *columns = GTK_COLUMN_VIEW (hc_ui_find_descendant (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
    g_autoptr(GtkColumnViewColumn) rate = g_list_model_get_item (gtk_column_view_get_columns (columns), 7);
    double previous = G_MAXDOUBLE;

    g_assert_cmpstr (gtk_column_view_column_get_title (rate), ==, "统一社会信用代码重错码率");
    gtk_column_view_sort_by_column (columns, rate, GTK_SORT_DESCENDING);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(HcQualityMonth) row = g_list_model_get_item (rows, i);

        g_assert_cmpfloat (hc_quality_month_get_uscc_rate (row), <=, previous);
        previous = hc_quality_month_get_uscc_rate (row);
      }
  }
  /* The row of the new import: 错码 and 重码 (the code's second and third
   * names after its first) count in its rate. */
  g_assert_true (hc_quality_view_select_row (view, c->department, "2025-06"));
  {
    g_autoptr(HcQualityMonth) row = g_list_model_get_item (rows, gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)));
    GListModel *imports = hc_quality_month_get_imports (row);
    gboolean found = FALSE;

    g_assert_true (hc_quality_month_get_over_line (row));
    g_assert_cmpint (hc_quality_month_get_uscc_duplicates (row), >=, 2);
    g_assert_cmpuint (n_children (hc_quality_view_get_import_list (view)), ==, hc_quality_month_get_import_count (row));
    for (guint i = 0; i < g_list_model_get_n_items (imports); i++)
      {
        g_autoptr(HcImportRecord) record = g_list_model_get_item (imports, i);

        if (hc_import_record_get_id (record) == c->import_id)
          {
            g_assert_cmpint (hc_import_record_get_uscc_errors (record), ==, BAD_CODES);
            g_assert_cmpint (hc_import_record_get_uscc_duplicates (record), ==, 2);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
  shot = hc_ui_take_shot (GTK_WIDGET (window), "catalog-quality");
  g_assert_false (hc_ui_texture_is_blank (shot));

  /* Its rejection report, as the import's row saves it. */
  hc_quality_view_save_rejections (view, c->import_id, report);
  hc_ui_wait_until ("the saved report", quality_toast_shown, view);
  g_assert_true (g_file_get_contents (report_path, &report_text, NULL, NULL));
  g_assert_nonnull (strstr (report_text, "invalid_uscc"));

  /* Over the line only: the rows the server flags, no other. */
  hc_quality_view_set_over_only (view, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, over);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(HcQualityMonth) row = g_list_model_get_item (rows, i);

      g_assert_true (hc_quality_month_get_over_line (row));
    }
  hc_quality_view_set_over_only (view, FALSE);

  /* Export takes the year's rows. */
  hc_pane_export_listing_to_file (HC_PANE (pane), "quality", HC_EXPORT_FORMAT_CSV, csv);
  hc_ui_wait_until ("the export", export_done, pane);
  g_assert_cmpuint (hc_ui_csv_rows (csv_path, &header), ==, json_array_get_length (server_rows));
  g_assert_nonnull (strstr (header, "统一社会信用代码重错码率"));
}

/* Imports a 2025 penalty file with malformed codes and an unregistered
 * code under three names, dated June 2025. */
static void
test_catalog_quality_view_shows_the_figures (void)
{
  g_autoptr(HcTestResponse) items = hc_test_request (server, "GET", "/catalog/versions/2025/items?category=penalty&limit=1",
                                                     hc_test_server_token (server, "analyst"), NULL);
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (json_node_get_object (items->json), "items"), 0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (25);
  g_autofree char *twice = hc_uscc_generate (rand, "460100");
  g_autofree char *good = hc_uscc_generate (rand, "460100");
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *path = g_strdup_printf ("/imports?kind=penalty&item=%" G_GINT64_FORMAT "&file_name=质量测试.csv",
                                           json_object_get_int_member (item, "id"));
  g_autoptr(HcTestResponse) imported = NULL;
  g_autofree char *backdate = NULL;
  QualityCase c = { 0, };

  g_string_append_printf (body, "uscc,name,decision_no,authority,decided_on,category,amount,publicity_until\n"
                          "%s,海南质量测试甲有限公司,ZLCS-1号,海口市市场监督管理局,2025-06-01,罚款,100,\n"
                          "%s,海南质量测试乙有限公司,ZLCS-2号,海口市市场监督管理局,2025-06-01,罚款,100,\n"
                          "%s,海南质量测试戊有限公司,ZLCS-5号,海口市市场监督管理局,2025-06-01,罚款,100,\n"
                          "%s,海南质量测试丙有限公司,ZLCS-3号,海口市市场监督管理局,2025-06-01,罚款,100,\n",
                          twice, twice, twice, good);
  /* Malformed codes enough to take the month over the 0.1% line whatever
   * the demo's own imports of that month hold (some 15,000 rows). */
  for (guint i = 0; i < BAD_CODES; i++)
    g_string_append_printf (body, "91460100MA5T00000X,海南质量测试丁有限公司,ZLCS-4-%u号,海口市市场监督管理局,2025-06-01,罚款,100,\n", i);
  imported = hc_test_request_full (server, "POST", path, hc_test_server_token (server, "analyst"),
                                   "text/csv", g_bytes_new (body->str, body->len), NULL);
  hc_assert_status (imported, 201, NULL);
  c.department = json_object_get_int_member (item, "department_id");
  c.import_id = json_object_get_int_member (json_node_get_object (imported->json), "import_id");
  backdate = g_strdup_printf ("UPDATE imports SET at = '2025-06-15T09:00:00Z' WHERE id = %" G_GINT64_FORMAT, c.import_id);
  hc_test_server_backdate (server, backdate);
  hc_ui_run_app_on (server, quality_view_shows_the_figures, &c);
}

static gboolean
version_published (gpointer data)
{
  HcCatalogPane *pane = data;
  g_autoptr(HcCatalogVersion) newest = g_list_model_get_item (hc_catalog_pane_get_versions (pane), 0);

  return !hc_catalog_pane_get_loading (pane) && newest != NULL && hc_catalog_version_get_published (newest);
}

static void
supervisor_publishes (HcApplication *app,
                      HcWindow      *window,
                      gpointer       data)
{
  HcCatalogPane *pane = open_pane_as (window, "supervisor");
  g_autoptr(HcTestResponse) diff = hc_test_request (server, "GET", "/catalog/diff?from=2024&to=2025",
                                                    hc_test_server_token (server, "supervisor"), NULL);
  JsonObject *d = json_node_get_object (diff->json);
  g_autofree char *expected = g_strdup_printf ("新增 %u 项，删除 %u 项，修改 %u 项",
                                               json_array_get_length (json_object_get_array_member (d, "added")),
                                               json_array_get_length (json_object_get_array_member (d, "removed")),
                                               json_array_get_length (json_object_get_array_member (d, "changed")));
  g_autoptr(GdkTexture) shot = NULL;
  g_autoptr(HcTestResponse) version = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_get_visible (hc_ui_find_action_button (GTK_WIDGET (pane), "catalog.publish")));
  gtk_widget_activate_action (GTK_WIDGET (pane), "catalog.publish", NULL);
  hc_ui_wait_until ("the publish question", dialog_open, pane);
  dialog = ADW_MESSAGE_DIALOG (hc_catalog_pane_get_dialog (pane));
  g_test_message ("publish: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2024"));
  shot = hc_ui_take_shot (GTK_WIDGET (dialog), "catalog-publish");
  adw_message_dialog_response (dialog, "publish");
  hc_ui_wait_until ("the published version", version_published, pane);
  version = hc_test_request (server, "GET", "/catalog/versions/2025", hc_test_server_token (server, "analyst"), NULL);
  g_assert_cmpstr (member (version, "state"), ==, "published");
  g_assert_cmpstr (member (version, "published_by"), ==, "supervisor");
}

static void
test_catalog_supervisor_publishes (void)
{
  hc_ui_run_app_on (server, supervisor_publishes, NULL);
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
  g_test_add_func ("/ui/catalog/analyst-edits-the-draft", test_catalog_analyst_edits_the_draft);
  g_test_add_func ("/ui/catalog/delete-is-undone-or-done", test_catalog_delete_is_undone_or_done);
  g_test_add_func ("/ui/catalog/diff-lists-a-changed-field", test_catalog_diff_lists_a_changed_field);
  g_test_add_func ("/ui/catalog/quality-view-shows-the-figures", test_catalog_quality_view_shows_the_figures);
  /* Last: it publishes the demo's draft. */
  g_test_add_func ("/ui/catalog/supervisor-publishes", test_catalog_supervisor_publishes);
  status = g_test_run ();
  hc_test_server_free (server);
  return hc_ui_test_finish (status);
}
