/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The heat map pane's figures against a real server: the numbers of the
 * view shown export (CSV and Excel) with a row a 市县 and column; an empty
 * database still offers to record the first event. Writes
 * screenshot-heatmap-data-*.png. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "hc-client.h"
#include "hc-core.h"
#include "hc-heat-scale.h"
#include "hc-heatmap-pane.h"
#include "hc-pane-state.h"
#include "hc-risk-event-dialog.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

static void
post_event (HcTestServer *server,
            const char   *region,
            const char   *date,
            const char   *category,
            int           n)
{
  g_autofree char *body =
    g_strdup_printf ("{\"region\":\"%s\",\"occurred_on\":\"%s\",\"category\":\"%s\",\"severity\":%d,"
                     "\"title\":\"测试事件 %d\"}", region, date, category, 1 + n % 5, n);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/risk/events",
                                                 hc_test_server_token (server, "admin"), body);

  hc_assert_status (r, 201, NULL);
}

static gboolean
not_busy (gpointer data)
{
  return !hc_heatmap_pane_get_busy (HC_HEATMAP_PANE (data));
}

static gboolean
map_loaded (gpointer data)
{
  HcHeatmapPane *pane = data;
  return not_busy (pane) && hc_region_map_get_heatmap (hc_heatmap_pane_get_map (pane)) != NULL;
}

static gboolean
categories_loaded (gpointer data)
{
  HcHeatmapPane *pane = data;
  HcHeatmap *heatmap = hc_heatmap_matrix_get_heatmap (hc_heatmap_pane_get_matrix (pane));
  return not_busy (pane) && heatmap != NULL && heatmap->n_columns == HC_RISK_CATEGORY_N;
}

static gboolean
export_done (gpointer data)
{
  return !hc_pane_get_exporting (HC_PANE (data)) && hc_pane_get_export_toast (HC_PANE (data)) != NULL;
}

static HcHeatmapPane *
open_pane (HcWindow *window)
{

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  return HC_HEATMAP_PANE (hc_ui_sign_in (window, "admin", "heatmap"));
}

/* Export ------------------------------------------------------------------ */

static void
exports_the_figures (HcApplication *app,
                     HcWindow      *window,
                     gpointer       data)
{
  HcHeatmapPane *pane = open_pane (window);
  g_autofree char *dir = g_dir_make_tmp ("hncredit-heatmap-XXXXXX", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "风险热力图.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (dir, "风险热力图.xlsx", NULL);
  g_autofree char *map_path = g_build_filename (dir, "map.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) xlsx = g_file_new_for_path (xlsx_path);
  g_autoptr(GFile) map_csv = g_file_new_for_path (map_path);
  g_autofree char *header = NULL;
  g_autofree char *text = NULL;
  HcHeatmap *heatmap;
  int row;

  hc_ui_wait_until ("the map", map_loaded, pane);
  /* The map: a row a 市县, its total. */
  hc_pane_export_to_file (HC_PANE (pane), HC_EXPORT_FORMAT_CSV, map_csv);
  hc_ui_wait_until ("the map's export", export_done, pane);
  g_assert_cmpuint (hc_ui_csv_rows (map_path, NULL), ==, HC_N_REGIONS);
  adw_toast_dismiss (hc_pane_get_export_toast (HC_PANE (pane)));

  /* 市县 × categories: every cell, as the matrix shows it. */
  hc_heatmap_pane_set_view (pane, HC_HEATMAP_VIEW_REGION_CATEGORY);
  hc_ui_wait_until ("the categories", categories_loaded, pane);
  hc_pane_export_to_file (HC_PANE (pane), HC_EXPORT_FORMAT_CSV, csv);
  hc_ui_wait_until ("the CSV export", export_done, pane);
  g_assert_cmpuint (hc_ui_csv_rows (csv_path, &header), ==, HC_N_REGIONS * HC_RISK_CATEGORY_N);
  g_assert_true (g_str_has_prefix (header, "市县,月份/风险类别,事件数,每万人口事件数,严重程度合计"));
  /* 海口's finance cell says what the matrix does. */
  heatmap = hc_heatmap_matrix_get_heatmap (hc_heatmap_pane_get_matrix (pane));
  row = hc_heatmap_find_row (heatmap, "460100");
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpfloat (hc_heatmap_get_value (heatmap, row, HC_RISK_CATEGORY_FINANCE), ==, 3);
  g_assert_true (g_file_get_contents (csv_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "海口市,金融,3,"));
  adw_toast_dismiss (hc_pane_get_export_toast (HC_PANE (pane)));

  hc_pane_export_to_file (HC_PANE (pane), HC_EXPORT_FORMAT_XLSX, xlsx);
  hc_ui_wait_until ("the XLSX export", export_done, pane);
  g_assert_cmpint (hc_ui_xlsx_rows (xlsx_path), ==, HC_N_REGIONS * HC_RISK_CATEGORY_N);
  adw_toast_dismiss (hc_pane_get_export_toast (HC_PANE (pane)));

  g_unlink (csv_path);
  g_unlink (xlsx_path);
  g_unlink (map_path);
  g_rmdir (dir);
}

static void
test_heatmap_exports_the_figures (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  post_event (server, "460100", "2025-01-10", "finance", 0);
  post_event (server, "460100", "2025-02-10", "finance", 1);
  post_event (server, "460100", "2025-03-10", "finance", 2);
  post_event (server, "460200", "2025-03-11", "tourism", 3);
  post_event (server, "469002", "2025-12-20", "work_safety", 4);
  hc_ui_run_app_on (server, exports_the_figures, NULL);
}

/* The first event ------------------------------------------------------- */

static gboolean
event_dialog_shown (gpointer data)
{
  return hc_ui_find_window (HC_TYPE_RISK_EVENT_DIALOG) != NULL;
}

static gboolean
event_dialog_gone (gpointer data)
{
  return hc_ui_find_window (HC_TYPE_RISK_EVENT_DIALOG) == NULL;
}

static gboolean
content_shown (gpointer data)
{
  HcHeatmapPane *pane = data;
  HcPaneState *state = HC_PANE_STATE (hc_ui_find_descendant (GTK_WIDGET (pane), HC_TYPE_PANE_STATE));

  return map_loaded (pane) && g_strcmp0 (hc_pane_state_get_state (state), "content") == 0;
}

static void
first_event_from_the_empty_map (HcApplication *app,
                                HcWindow      *window,
                                gpointer       data)
{
  HcTestServer *server = data;
  HcHeatmapPane *pane = open_pane (window);
  HcPaneState *state = HC_PANE_STATE (hc_ui_find_descendant (GTK_WIDGET (pane), HC_TYPE_PANE_STATE));
  GtkWidget *first, *rules;
  HcRiskEventDialog *dialog;
  HcHeatmap *heatmap;

  /* No event at all: the empty page, with a way to the first one and to
   * the rules. */
  hc_ui_wait_until ("the pane at rest", not_busy, pane);
  g_assert_cmpstr (hc_pane_state_get_state (state), ==, "empty");
  first = hc_ui_find_action_button (GTK_WIDGET (state), "pane.record-event");
  rules = hc_ui_find_action_button (GTK_WIDGET (state), "pane.rules");
  g_assert_nonnull (first);
  g_assert_nonnull (rules);
  g_assert_true (gtk_widget_is_drawable (first));
  g_assert_true (gtk_widget_is_sensitive (first));
  g_assert_true (gtk_widget_is_sensitive (rules));
  g_object_unref (hc_ui_take_shot (GTK_WIDGET (window), "heatmap-data-empty"));

  /* Its button opens the event form; the event recorded, the map shows. */
  g_signal_emit_by_name (first, "clicked");
  hc_ui_wait_until ("the event dialog", event_dialog_shown, NULL);
  dialog = HC_RISK_EVENT_DIALOG (hc_ui_find_window (HC_TYPE_RISK_EVENT_DIALOG));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (hc_risk_event_dialog_get_field (dialog, "region")),
                              (guint) hc_region_index (hc_region_lookup ("460200")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (hc_risk_event_dialog_get_field (dialog, "category")),
                              HC_RISK_CATEGORY_TOURISM);
  gtk_editable_set_text (GTK_EDITABLE (hc_risk_event_dialog_get_field (dialog, "occurred_on")), "2025-06-01");
  gtk_editable_set_text (GTK_EDITABLE (hc_risk_event_dialog_get_field (dialog, "title")), "首条风险事件");
  hc_risk_event_dialog_save (dialog);
  hc_ui_wait_until ("the dialog to close", event_dialog_gone, NULL);
  hc_ui_wait_until ("the map", content_shown, pane);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM risk_events WHERE title = '首条风险事件'"
                                               " AND region = '460200'"), ==, 1);
  heatmap = hc_region_map_get_heatmap (hc_heatmap_pane_get_map (pane));
  g_assert_cmpfloat (hc_heatmap_get_value (heatmap, hc_heatmap_find_row (heatmap, "460200"), 0), ==, 1);
}

static void
test_heatmap_first_event_from_the_empty_map (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);

  hc_ui_run_app_on (server, first_event_from_the_empty_map, server);
}

/* The grade measure ------------------------------------------------------ */

static gboolean
grades_shown (gpointer data)
{
  HcHeatmapPane *pane = data;
  return map_loaded (pane) && hc_region_map_get_legend_title (hc_heatmap_pane_get_map (pane)) != NULL;
}

static gboolean
grade_columns_shown (gpointer data)
{
  HcHeatmapPane *pane = data;
  HcHeatmap *heatmap = hc_heatmap_matrix_get_heatmap (hc_heatmap_pane_get_matrix (pane));
  return not_busy (pane) && heatmap != NULL && heatmap->n_columns == 5;
}

/* The pixel of @texture at @x, @y as 0xRRGGBB. */
static guint32
pixel_at (GdkTexture *texture,
          double      x,
          double      y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  const guchar *p;

  g_assert_cmpint ((int) x, <, width);
  g_assert_cmpint ((int) y, <, height);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  p = pixels + ((gsize) (int) y * width + (int) x) * 4;
  return (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
}

static double
value_of (HcHeatmap  *heatmap,
          const char *region,
          guint       column)
{
  int row = hc_heatmap_find_row (heatmap, region);

  g_assert_cmpint (row, >=, 0);
  return hc_heatmap_get_value (heatmap, (guint) row, column);
}

static void
shows_the_grades (HcApplication *app,
                  HcWindow      *window,
                  gpointer       data)
{
  HcHeatmapPane *pane = open_pane (window);
  HcRegionMap *map = hc_heatmap_pane_get_map (pane);
  g_autoptr(GdkTexture) shot = NULL;
  HcHeatmap *heatmap;
  HcHeatBreaks breaks;
  double hx, hy, dx, dy, sx, sy;
  guint32 haikou, danzhou, sanya;

  hc_ui_wait_until ("the map", map_loaded, pane);
  g_assert_null (hc_region_map_get_legend_title (map));

  /* The map: the share of C and D among the graded subjects, in percent. */
  hc_heatmap_pane_set_measure (pane, HC_HEATMAP_MEASURE_GRADES);
  hc_ui_wait_until ("the grades", grades_shown, pane);
  heatmap = hc_region_map_get_heatmap (map);
  g_assert_cmpuint (heatmap->n_columns, ==, 1);
  g_assert_cmpfloat (value_of (heatmap, "460100", 0), ==, 50.0);   /* 海口: A B C D */
  g_assert_cmpfloat (value_of (heatmap, "460200", 0), ==, 0.0);    /* 三亚: A A */
  g_assert_cmpfloat (value_of (heatmap, "460400", 0), ==, 100.0);  /* 儋州: D and one ungraded */
  g_assert_cmpstr (hc_region_map_get_legend_title (map), ==, "C、D 级占已评级主体比例（%）");
  hc_region_map_get_breaks (map, &breaks);
  g_assert_cmpuint (hc_heat_breaks_class (&breaks, 0.0), <, hc_heat_breaks_class (&breaks, 50.0));
  g_assert_cmpuint (hc_heat_breaks_class (&breaks, 50.0), <, hc_heat_breaks_class (&breaks, 100.0));
  /* Drawn so: the three 市县 in three colours. */
  shot = hc_ui_take_shot (GTK_WIDGET (map), "heatmap-data-grades-map");
  g_assert_true (hc_region_map_get_region_point (map, "460100", &hx, &hy));
  g_assert_true (hc_region_map_get_region_point (map, "460400", &dx, &dy));
  g_assert_true (hc_region_map_get_region_point (map, "460200", &sx, &sy));
  haikou = pixel_at (shot, hx, hy);
  danzhou = pixel_at (shot, dx, dy);
  sanya = pixel_at (shot, sx, sy);
  g_assert_cmpuint (haikou, !=, danzhou);
  g_assert_cmpuint (haikou, !=, sanya);
  g_assert_cmpuint (danzhou, !=, sanya);
  g_object_unref (hc_ui_take_shot (GTK_WIDGET (window), "heatmap-data-grades-window"));

  /* Exported: the grades by 市县 (not the events), a row each, in zh_CN. */
  {
    g_autofree char *dir = g_dir_make_tmp ("hncredit-grades-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "grades.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *header = NULL;
    g_autofree char *text = NULL;

    hc_pane_export_to_file (HC_PANE (pane), HC_EXPORT_FORMAT_CSV, file);
    hc_ui_wait_until ("the grades' export", export_done, pane);
    g_assert_cmpuint (hc_ui_csv_rows (path, &header), ==, HC_N_REGIONS);
    g_assert_true (g_str_has_prefix (header, "市县,主体数,A 级,B 级,C 级,D 级,未评级,C、D 级占已评级比例（%）"));
    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "海口市,4,1,1,1,1,0,50"));
    g_assert_nonnull (strstr (text, "三亚市,2,2,0,0,0,0,0"));
    g_assert_nonnull (strstr (text, "儋州市,2,0,0,0,1,1,100"));
    adw_toast_dismiss (hc_pane_get_export_toast (HC_PANE (pane)));
    g_unlink (path);
    g_rmdir (dir);
  }

  /* The table: a column a grade, counts of subjects. */
  hc_heatmap_pane_set_view (pane, HC_HEATMAP_VIEW_REGION_CATEGORY);
  hc_ui_wait_until ("the grade columns", grade_columns_shown, pane);
  heatmap = hc_heatmap_matrix_get_heatmap (hc_heatmap_pane_get_matrix (pane));
  for (guint c = 0; c < 4; c++)
    g_assert_cmpfloat (value_of (heatmap, "460100", c), ==, 1);
  g_assert_cmpfloat (value_of (heatmap, "460100", 4), ==, 0);
  g_assert_cmpfloat (value_of (heatmap, "460200", 0), ==, 2);
  g_assert_cmpfloat (value_of (heatmap, "460400", 3), ==, 1);
  g_assert_cmpfloat (value_of (heatmap, "460400", 4), ==, 1);
  g_assert_cmpstr (heatmap->column_names[0], ==, "A 级");
  g_object_unref (hc_ui_take_shot (GTK_WIDGET (window), "heatmap-data-grades-table"));

  /* Back to the events: no grade legend. */
  hc_heatmap_pane_set_view (pane, HC_HEATMAP_VIEW_MAP);
  hc_heatmap_pane_set_measure (pane, HC_HEATMAP_MEASURE_COUNT);
  hc_ui_wait_until ("the events' map", map_loaded, pane);
  g_assert_null (hc_region_map_get_legend_title (map));
  g_assert_cmpuint (hc_region_map_get_heatmap (map)->n_columns, ==, 1);
}

static guint serial;

static void
add_subject (HcTestServer *server,
             const char   *region,
             const char   *grade)
{
  g_autofree char *body = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  char code[19];

  g_snprintf (code, sizeof code, "91%.6s%08u", region, 30000000 + serial++);
  code[16] = hc_org_code_compute_check (code + 8);
  code[17] = '\0';
  code[17] = hc_uscc_compute_check (code);
  code[18] = '\0';
  body = g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"评级测试企业%u\",\"type\":\"legal_person\",\"industry\":\"批发和零售业\","
                          "\"region\":\"%s\"%s%s%s}", code, serial, region,
                          grade ? ",\"grade_reason\":\"测试设定等级\",\"grade\":\"" : "", grade ? grade : "", grade ? "\"" : "");
  r = hc_test_request (server, "POST", "/subjects", hc_test_server_token (server, "admin"), body);
  hc_assert_status (r, 201, NULL);
}

static void
test_heatmap_shows_the_grades (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  add_subject (server, "460100", "A");
  add_subject (server, "460100", "B");
  add_subject (server, "460100", "C");
  add_subject (server, "460100", "D");
  add_subject (server, "460200", "A");
  add_subject (server, "460200", "A");
  add_subject (server, "460400", "D");
  add_subject (server, "460400", NULL);
  post_event (server, "460100", "2025-03-10", "finance", 0);
  hc_ui_run_app_on (server, shows_the_grades, NULL);
}

int
main (int   argc,
      char *argv[])
{
  hc_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/heatmap-data/exports-the-figures", test_heatmap_exports_the_figures);
  g_test_add_func ("/ui/heatmap-data/first-event-from-the-empty-map", test_heatmap_first_event_from_the_empty_map);
  g_test_add_func ("/ui/heatmap-data/shows-the-grades", test_heatmap_shows_the_grades);
  return hc_ui_test_finish (g_test_run ());
}
