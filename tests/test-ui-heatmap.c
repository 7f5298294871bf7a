/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The heat map pane against a real server holding risk events the test
 * made: the colours drawn (read back from pictures of the map and the
 * matrix) follow the counts, the drill-down lists exactly the events of
 * the 市县 or cell chosen, and an early-warning alert is marked on the map,
 * listed beside it, acknowledged and closed there and counted on the
 * overview. Writes screenshot-heatmap-*.png. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "hc-client.h"
#include "hc-core.h"
#include "hc-heat-scale.h"
#include "hc-heatmap-pane.h"
#include "hc-risk-alerts-view.h"
#include "hc-overview-pane.h"
#include "hc-pane-state.h"
#include "hc-risk-event.h"
#include "hc-risk-event-dialog.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

#define HAIKOU "460100"
#define SANYA "460200"
#define WUZHISHAN "469001"

typedef struct
{
  GHashTable *haikou_march;   /* ids of 海口's events in 2025-03 */
  GHashTable *haikou_all;     /* ids of all of 海口's events */
} Events;

static gint64
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
  return json_object_get_int_member (hc_test_response_object (r), "id");
}

static gboolean
map_loaded (gpointer data)
{
  HcHeatmapPane *pane = data;
  return !hc_heatmap_pane_get_busy (pane) && hc_region_map_get_heatmap (hc_heatmap_pane_get_map (pane)) != NULL;
}

static gboolean
matrix_loaded (gpointer data)
{
  HcHeatmapPane *pane = data;
  HcHeatmap *heatmap = hc_heatmap_matrix_get_heatmap (hc_heatmap_pane_get_matrix (pane));
  return !hc_heatmap_pane_get_busy (pane) && heatmap != NULL && heatmap->n_columns == 12;
}

static gboolean
not_busy (gpointer data)
{
  return !hc_heatmap_pane_get_busy (HC_HEATMAP_PANE (data));
}

/* A picture of @widget, also written to the build folder as @name. */
static GdkTexture *
shoot (GtkWidget  *widget,
       const char *name)
{
  g_autofree char *file = g_strdup_printf ("heatmap-%s", name);
  GdkTexture *texture = hc_ui_take_shot (widget, file);

  g_assert_false (hc_ui_texture_is_blank (texture));
  return texture;
}

static void
assert_pixel_is_class (GdkTexture *texture,
                       double      x,
                       double      y,
                       guint       klass,
                       const char *what)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  int px = (int) x, py = (int) y;
  const guchar *p;
  GdkRGBA expected;
  int r, g, b;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, width);
  g_assert_cmpint (py, <, height);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  /* GDK_MEMORY_DEFAULT: B, G, R, A bytes on this little-endian machine. */
  p = pixels + ((gsize) py * width + px) * 4;
  b = p[0];
  g = p[1];
  r = p[2];
  hc_heat_scale_class_color (klass, &expected);
  if (ABS (r - (int) (expected.red * 255 + 0.5)) > 3 ||
      ABS (g - (int) (expected.green * 255 + 0.5)) > 3 ||
      ABS (b - (int) (expected.blue * 255 + 0.5)) > 3)
    g_error ("%s at %d,%d is #%02x%02x%02x, not the colour of class %u (%s)", what, px, py, r, g, b,
             klass, gdk_rgba_to_string (&expected));
}

/* The pixel of @texture at @x, @y. */
static void
read_pixel (GdkTexture *texture,
            double      x,
            double      y,
            int        *r,
            int        *g,
            int        *b)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  int px = (int) x, py = (int) y;
  const guchar *p;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, width);
  g_assert_cmpint (py, <, height);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  p = pixels + ((gsize) py * width + px) * 4;
  *b = p[0];
  *g = p[1];
  *r = p[2];
}

static gboolean
pixel_is (int            r,
          int            g,
          int            b,
          const GdkRGBA *color)
{
  return ABS (r - (int) (color->red * 255 + 0.5)) <= 3 &&
         ABS (g - (int) (color->green * 255 + 0.5)) <= 3 &&
         ABS (b - (int) (color->blue * 255 + 0.5)) <= 3;
}

/* The class whose colour the pixel at @x, @y has; fails when it has none. */
static guint
pixel_class (GdkTexture *texture,
             double      x,
             double      y,
             const char *what)
{
  int r, g, b;

  read_pixel (texture, x, y, &r, &g, &b);
  for (guint k = 0; k < HC_HEAT_SCALE_N_CLASSES; k++)
    {
      GdkRGBA color;

      hc_heat_scale_class_color (k, &color);
      if (pixel_is (r, g, b, &color))
        return k;
    }
  g_error ("%s at %d,%d is #%02x%02x%02x, the colour of no class", what, (int) x, (int) y, r, g, b);
}

static void
assert_events_are (HcHeatmapPane *pane,
                   GHashTable    *ids)
{
  GListModel *events = hc_heatmap_pane_get_events (pane);

  g_assert_cmpuint (g_list_model_get_n_items (events), ==, g_hash_table_size (ids));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(HcRiskEvent) event = g_list_model_get_item (events, i);
      gint64 id = hc_risk_event_get_id (event);

      g_assert_true (g_hash_table_contains (ids, &id));
      g_assert_cmpstr (hc_risk_event_get_region (event), ==, HAIKOU);
    }
}

static void
heatmap_follows_the_events (HcApplication *app,
                            HcWindow      *window,
                            gpointer       data)
{
  Events *events = data;
  HcHeatmapPane *pane;
  HcRegionMap *map;
  HcHeatmapMatrix *matrix;
  HcHeatmap *heatmap;
  g_autoptr(GdkTexture) map_shot = NULL;
  g_autoptr(GdkTexture) matrix_shot = NULL;
  g_autoptr(GdkTexture) category_shot = NULL;
  g_autoptr(GdkTexture) window_shot = NULL;
  graphene_rect_t cell;
  double x, y;
  int haikou, wuzhishan, march = -1;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  pane = HC_HEATMAP_PANE (hc_ui_sign_in (window, "admin", "heatmap"));
  map = hc_heatmap_pane_get_map (pane);
  matrix = hc_heatmap_pane_get_matrix (pane);
  hc_ui_wait_until ("the map's values", map_loaded, pane);

  /* 海口 has the most events, 五指山 none. */
  map_shot = shoot (GTK_WIDGET (map), "map");
  g_assert_true (hc_region_map_get_region_point (map, HAIKOU, &x, &y));
  assert_pixel_is_class (map_shot, x, y, HC_HEAT_SCALE_N_CLASSES - 1, "海口 on the map");
  g_assert_true (hc_region_map_get_region_point (map, WUZHISHAN, &x, &y));
  assert_pixel_is_class (map_shot, x, y, 0, "五指山 on the map");
  /* What is under a region's point is that region. */
  {
    g_autofree char *under = hc_region_map_get_region_at (map, x, y);
    g_assert_cmpstr (under, ==, WUZHISHAN);
  }

  /* Choosing 海口 (as a click or Enter does) lists its events. */
  hc_region_map_set_selected_region (map, HAIKOU);
  g_assert_cmpstr (hc_region_map_get_selected_region (map), ==, HAIKOU);
  gtk_widget_activate_action (GTK_WIDGET (map), "region-map.drill-down", NULL);
  hc_ui_wait_until ("海口's events", not_busy, pane);
  assert_events_are (pane, events->haikou_all);
  window_shot = shoot (GTK_WIDGET (window), "window");

  /* The matrix by month: 海口 in March is the darkest cell. */
  hc_heatmap_pane_set_view (pane, HC_HEATMAP_VIEW_REGION_MONTH);
  hc_ui_wait_until ("the matrix by month", matrix_loaded, pane);
  heatmap = hc_heatmap_matrix_get_heatmap (matrix);
  haikou = hc_heatmap_find_row (heatmap, HAIKOU);
  wuzhishan = hc_heatmap_find_row (heatmap, WUZHISHAN);
  for (guint c = 0; c < heatmap->n_columns; c++)
    if (g_str_equal (heatmap->columns[c], "2025-03"))
      march = (int) c;
  g_assert_cmpint (march, >=, 0);
  matrix_shot = shoot (GTK_WIDGET (matrix), "matrix");
  g_assert_true (hc_heatmap_matrix_get_cell_area (matrix, haikou, march, &cell));
  assert_pixel_is_class (matrix_shot, cell.origin.x + 4, cell.origin.y + 4,
                         HC_HEAT_SCALE_N_CLASSES - 1, "海口, 2025-03 in the matrix");
  g_assert_true (hc_heatmap_matrix_get_cell_area (matrix, wuzhishan, march, &cell));
  assert_pixel_is_class (matrix_shot, cell.origin.x + 4, cell.origin.y + 4, 0,
                         "五指山, 2025-03 in the matrix");

  /* Its cell lists 海口's events of that month only. */
  hc_heatmap_matrix_select_cell (matrix, haikou, march);
  gtk_widget_activate_action (GTK_WIDGET (matrix), "heatmap-matrix.drill-down", NULL);
  hc_ui_wait_until ("海口's events of March", not_busy, pane);
  assert_events_are (pane, events->haikou_march);

  hc_heatmap_pane_set_view (pane, HC_HEATMAP_VIEW_REGION_CATEGORY);
  hc_ui_wait_until ("the matrix by category", not_busy, pane);
  g_assert_cmpuint (hc_heatmap_matrix_get_heatmap (matrix)->n_columns, ==, 8);
  category_shot = shoot (GTK_WIDGET (matrix), "categories");
}

static void
test_heatmap_follows_the_events (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  Events events = {
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
  };
  static const char * const others[] = { SANYA, "460400", "469002", "469005", "469006", "469021", NULL };
  int n = 0;

  /* 海口: ten events in March, two in May. */
  for (int i = 0; i < 12; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-%s-%02d", i < 10 ? "03" : "05", 1 + i);
      gint64 id = post_event (server, HAIKOU, date, i % 2 ? "finance" : "smuggling", n++);

      g_hash_table_add (events.haikou_all, g_memdup2 (&id, sizeof id));
      if (i < 10)
        g_hash_table_add (events.haikou_march, g_memdup2 (&id, sizeof id));
    }
  /* A few elsewhere, so that the middle classes show; 五指山 has none. */
  for (guint r = 0; others[r] != NULL; r++)
    for (guint i = 0; i <= r; i++)
      {
        g_autofree char *date = g_strdup_printf ("2025-%02u-%02u", 1 + (r + i) % 12, 1 + i);
        post_event (server, others[r], date, "tourism", n++);
      }
  /* The data span 2025-01 to 2025-12: the pane's default period. */
  post_event (server, "469002", "2025-12-20", "work_safety", n++);

  hc_ui_run_app_on (server, heatmap_follows_the_events, &events);
  g_hash_table_unref (events.haikou_all);
  g_hash_table_unref (events.haikou_march);
}

static void
no_events_is_the_empty_state (HcApplication *app,
                              HcWindow      *window,
                              gpointer       data)
{
  GtkWidget *pane;
  HcPaneState *state;

  pane = hc_ui_sign_in (window, "admin", "heatmap");
  state = HC_PANE_STATE (hc_ui_find_descendant (pane, HC_TYPE_PANE_STATE));
  g_assert_cmpstr (hc_pane_state_get_state (state), ==, "empty");
  g_assert_null (hc_region_map_get_heatmap (hc_heatmap_pane_get_map (HC_HEATMAP_PANE (pane))));
}

static void
test_heatmap_no_events_is_the_empty_state (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);

  hc_ui_run_app_on (server, no_events_is_the_empty_state, NULL);
}

/* Alerts ------------------------------------------------------------------ */

typedef struct
{
  HcTestServer *server;
} AlertsFixture;

static gboolean
alerts_loaded (gpointer data)
{
  HcHeatmapPane *pane = data;
  return map_loaded (pane) && g_list_model_get_n_items (hc_heatmap_pane_get_alerts (pane)) > 0;
}

static AdwMessageDialog *
find_dialog (void)
{
  return (AdwMessageDialog *) hc_ui_find_window (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

/* The list of alerts beside the map, whose actions the buttons take. */
static GtkWidget *
alerts_view (HcHeatmapPane *pane)
{
  return hc_ui_find_descendant (GTK_WIDGET (pane), HC_TYPE_RISK_ALERTS_VIEW);
}

/* Takes alerts.@action on the selected alert and answers its dialog with
 * @note; checks that the dialog refuses an empty note when @note_required. */
static void
answer_alert_dialog (HcHeatmapPane *pane,
                     const char    *action,
                     const char    *note,
                     gboolean       note_required)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (alerts_view (pane), action, NULL));
  hc_ui_wait_until ("the note dialog", dialog_shown, NULL);
  dialog = find_dialog ();
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply") != note_required);
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply") != note_required);
  gtk_editable_set_text (GTK_EDITABLE (entry), note);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hc_ui_wait_until ("the answer to the alert's step", not_busy, pane);
}

static gboolean
overview_counted (gpointer data)
{
  return g_strcmp0 (hc_overview_pane_get_open_alerts (HC_OVERVIEW_PANE (data)), "—") != 0;
}

static void
alerts_are_marked_listed_and_worked (HcApplication *app,
                                     HcWindow      *window,
                                     gpointer       data)
{
  AlertsFixture *f = data;
  HcHeatmapPane *pane;
  HcOverviewPane *overview;
  HcRegionMap *map;
  HcHeatmap *heatmap;
  g_autoptr(GdkTexture) map_shot = NULL;
  g_autoptr(GdkTexture) window_shot = NULL;
  g_autoptr(GdkTexture) cleared_shot = NULL;
  g_autoptr(HcRiskAlert) alert = NULL;
  g_autoptr(HcRiskAlert) acked = NULL;
  const HcRegion *regions;
  guint n_regions, classes_seen = 0;
  guint klass[HC_N_REGIONS];
  HcHeatBreaks breaks;
  GdkRGBA marker;
  double x, y;
  int r, g, b;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  hc_ui_sign_in (window, "admin", NULL);

  /* The overview counts the open alert. */
  hc_ui_wait_pane_loaded (window, "overview");
  overview = HC_OVERVIEW_PANE (hc_window_get_pane_widget (window, "overview"));
  hc_ui_wait_until ("the open alerts' count", overview_counted, overview);
  g_assert_cmpstr (hc_overview_pane_get_open_alerts (overview), ==, "1");

  hc_ui_wait_pane_loaded (window, "heatmap");
  pane = HC_HEATMAP_PANE (hc_window_get_pane_widget (window, "heatmap"));
  map = hc_heatmap_pane_get_map (pane);
  hc_ui_wait_until ("the map and its alerts", alerts_loaded, pane);
  hc_ui_wait_until ("the pane at rest", not_busy, pane);
  heatmap = hc_region_map_get_heatmap (map);
  map_shot = shoot (GTK_WIDGET (map), "alerts-map");

  /* Each 市县's colour, read at its point, is the class of its value: so the
   * colours' order follows the values'. */
  hc_region_map_get_breaks (map, &breaks);
  regions = hc_regions_get_all (&n_regions);
  for (guint i = 0; i < n_regions; i++)
    {
      int row = hc_heatmap_find_row (heatmap, regions[i].code);

      g_assert_cmpint (row, >=, 0);
      g_assert_true (hc_region_map_get_region_point (map, regions[i].code, &x, &y));
      klass[i] = pixel_class (map_shot, x, y, regions[i].name);
      g_assert_cmpuint (klass[i], ==, hc_heat_breaks_class (&breaks, hc_heatmap_get_value (heatmap, row, 0)));
      classes_seen |= 1u << klass[i];
    }
  for (guint i = 0; i < n_regions; i++)
    for (guint j = 0; j < n_regions; j++)
      if (hc_heatmap_get_value (heatmap, hc_heatmap_find_row (heatmap, regions[i].code), 0) <
          hc_heatmap_get_value (heatmap, hc_heatmap_find_row (heatmap, regions[j].code), 0))
        g_assert_cmpuint (klass[i], <=, klass[j]);
  /* Every class shows somewhere, so the order is tested across all six. */
  g_assert_cmpuint (classes_seen, ==, (1u << HC_HEAT_SCALE_N_CLASSES) - 1);

  /* 海口 has the alert: its marker is drawn, and nobody else's. */
  g_assert_cmpuint (g_list_model_get_n_items (hc_heatmap_pane_get_alerts (pane)), ==, 1);
  alert = g_list_model_get_item (hc_heatmap_pane_get_alerts (pane), 0);
  g_assert_cmpstr (hc_risk_alert_get_region (alert), ==, HAIKOU);
  g_assert_cmpstr (hc_risk_alert_get_state (alert), ==, "raised");
  g_assert_true (hc_region_map_has_alert (map, HAIKOU));
  g_assert_false (hc_region_map_has_alert (map, SANYA));
  hc_region_map_get_alert_color (&marker);
  g_assert_true (hc_region_map_get_alert_point (map, HAIKOU, &x, &y));
  read_pixel (map_shot, x - 4, y, &r, &g, &b);
  if (!pixel_is (r, g, b, &marker))
    g_error ("海口's alert marker at %d,%d is #%02x%02x%02x", (int) x - 4, (int) y, r, g, b);
  g_assert_true (hc_region_map_get_alert_point (map, SANYA, &x, &y));
  read_pixel (map_shot, x - 4, y, &r, &g, &b);
  g_assert_false (pixel_is (r, g, b, &marker));

  /* Acknowledged with a note (an empty one is refused), once. */
  hc_heatmap_pane_select_alert (pane, 0);
  answer_alert_dialog (pane, "alerts.acknowledge", "已通知海口海关核查", TRUE);
  g_assert_null (hc_heatmap_pane_get_alerts_message (pane));
  g_assert_cmpuint (g_list_model_get_n_items (hc_heatmap_pane_get_alerts (pane)), ==, 1);
  acked = g_list_model_get_item (hc_heatmap_pane_get_alerts (pane), 0);
  g_assert_cmpstr (hc_risk_alert_get_state (acked), ==, "acknowledged");
  g_assert_cmpstr (hc_risk_alert_get_note (acked), ==, "已通知海口海关核查");
  g_assert_true (hc_region_map_has_alert (map, HAIKOU));
  g_assert_cmpint (hc_test_count_rows (f->server, "SELECT count(*) FROM audit WHERE action = 'risk_alert.acknowledge'"), ==, 1);
  hc_heatmap_pane_select_alert (pane, 0);
  g_assert_false (gtk_widget_activate_action (alerts_view (pane), "alerts.acknowledge", NULL) &&
                  find_dialog () != NULL);
  window_shot = shoot (GTK_WIDGET (window), "alerts-window");

  /* Closed: off the list and the map. */
  answer_alert_dialog (pane, "alerts.close", "核查完毕，风险已处置", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (hc_heatmap_pane_get_alerts (pane)), ==, 0);
  g_assert_false (hc_region_map_has_alert (map, HAIKOU));
  cleared_shot = shoot (GTK_WIDGET (map), "alerts-closed-map");
  g_assert_true (hc_region_map_get_alert_point (map, HAIKOU, &x, &y));
  read_pixel (cleared_shot, x - 4, y, &r, &g, &b);
  g_assert_false (pixel_is (r, g, b, &marker));
  g_assert_cmpint (hc_test_count_rows (f->server, "SELECT count(*) FROM risk_alerts WHERE state = 'closed'"), ==, 1);
}

/* Every 市县 has its own number of events (0 to 18, in GB/T order, so all
 * six colour classes show); a rule on smuggling in 海口 (a rise of 60 %
 * over one month) is crossed by its February events. */
static void
test_heatmap_alerts_are_marked_listed_and_worked (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcTestResponse) rule = NULL;
  AlertsFixture f = { server };
  const HcRegion *regions;
  guint n_regions;
  int n = 0;

  rule = hc_test_request (server, "POST", "/risk/rules", hc_test_server_token (server, "admin"),
                          "{\"category\":\"smuggling\",\"region\":\"" HAIKOU "\",\"kind\":\"rise\","
                          "\"window_months\":1,\"threshold\":60}");
  hc_assert_status (rule, 201, NULL);
  regions = hc_regions_get_all (&n_regions);
  for (guint i = 0; i < n_regions; i++)
    for (guint k = 0; k < i; k++)
      {
        g_autofree char *date = g_strdup_printf ("2025-%02u-%02u", 3 + k % 9, 1 + k);
        post_event (server, regions[i].code, date, "finance", n++);
      }
  post_event (server, HAIKOU, "2025-01-10", "smuggling", n++);
  post_event (server, HAIKOU, "2025-01-11", "smuggling", n++);
  for (int k = 0; k < 4; k++)
    {
      g_autofree char *date = g_strdup_printf ("2025-02-%02d", 10 + k);
      post_event (server, HAIKOU, date, "smuggling", n++);
    }
  post_event (server, SANYA, "2025-12-20", "tourism", n++);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM risk_alerts WHERE state = 'raised'"), ==, 1);

  hc_ui_run_app_on (server, alerts_are_marked_listed_and_worked, &f);
}

/* Comparable maps ---------------------------------------------------------- */

/* 海口's class on a new picture of the map, after checking that it is the
 * class its value has under the breaks the map uses. */
static guint
haikou_class (HcHeatmapPane *pane,
              const char    *shot_name)
{
  HcRegionMap *map = hc_heatmap_pane_get_map (pane);
  HcHeatmap *heatmap = hc_region_map_get_heatmap (map);
  g_autoptr(GdkTexture) shot = shoot (GTK_WIDGET (map), shot_name);
  HcHeatBreaks breaks;
  double x, y;
  guint klass;

  hc_region_map_get_breaks (map, &breaks);
  g_assert_true (hc_region_map_get_region_point (map, HAIKOU, &x, &y));
  klass = pixel_class (shot, x, y, "海口");
  g_assert_cmpuint (klass, ==, hc_heat_breaks_class (&breaks, hc_heatmap_get_value (heatmap, hc_heatmap_find_row (heatmap, HAIKOU), 0)));
  return klass;
}

static void
show_year (HcHeatmapPane *pane,
           int            year)
{
  g_autofree char *from = g_strdup_printf ("%d-01", year);
  g_autofree char *to = g_strdup_printf ("%d-12", year);

  g_assert_true (hc_heatmap_pane_set_period (pane, from, to));
  hc_ui_wait_until ("the year's map", not_busy, pane);
}

static void
fixed_breaks_keep_colours (HcApplication *app,
                           HcWindow      *window,
                           gpointer       data)
{
  HcHeatmapPane *pane;
  HcRegionMap *map;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  HcHeatBreaks breaks;
  guint own_2024, own_2025, fixed_2025, fixed_2024;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  pane = HC_HEATMAP_PANE (hc_ui_sign_in (window, "admin", "heatmap"));
  map = hc_heatmap_pane_get_map (pane);
  hc_ui_wait_until ("the map's values", map_loaded, pane);

  /* Each map's own classes: 海口's five events are class 3 of 2024's map
   * (up to 10) but class 1 of 2025's (up to 30), though they did not
   * change: the two maps do not compare. */
  show_year (pane, 2024);
  own_2024 = haikou_class (pane, "own-2024");
  show_year (pane, 2025);
  own_2025 = haikou_class (pane, "own-2025");
  g_assert_cmpuint (own_2024, ==, 3);
  g_assert_cmpuint (own_2025, ==, 1);

  /* Fixed by 2021–2025: the same classes for both years, so 海口 keeps its
   * colour; the legend gives each class's whole range. */
  hc_heatmap_pane_set_breaks_mode (pane, HC_HEATMAP_BREAKS_FIXED_RANGE);
  hc_ui_wait_until ("the classes of 2021–2025", not_busy, pane);
  hc_region_map_get_breaks (map, &breaks);
  g_assert_cmpfloat (breaks.lower[HC_HEAT_SCALE_N_CLASSES - 1], ==, 25);
  first = hc_heat_breaks_class_text (&breaks, 0, TRUE);
  last = hc_heat_breaks_class_text (&breaks, HC_HEAT_SCALE_N_CLASSES - 1, TRUE);
  g_assert_cmpstr (first, ==, "0–4");
  g_assert_cmpstr (last, ==, "≥ 25");
  fixed_2025 = haikou_class (pane, "fixed-2025");
  show_year (pane, 2024);
  fixed_2024 = haikou_class (pane, "fixed-2024");
  g_assert_cmpuint (fixed_2025, ==, 1);
  g_assert_cmpuint (fixed_2024, ==, fixed_2025);

  /* By hand: a bad list is refused in the dialog and changes nothing. */
  hc_heatmap_pane_set_breaks_mode (pane, HC_HEATMAP_BREAKS_BY_HAND);
  hc_ui_wait_until ("the classes dialog", dialog_shown, NULL);
  dialog = find_dialog ();
  entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "2, 4, 四");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "2, 4, 3, 8, 10");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (hc_heatmap_pane_get_breaks_mode (pane), ==, HC_HEATMAP_BREAKS_FIXED_RANGE);
  g_assert_cmpuint (haikou_class (pane, "still-fixed-2024"), ==, fixed_2024);

  hc_heatmap_pane_set_breaks_mode (pane, HC_HEATMAP_BREAKS_BY_HAND);
  hc_ui_wait_until ("the classes dialog", dialog_shown, NULL);
  dialog = find_dialog ();
  entry = g_object_get_data (G_OBJECT (dialog), "entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2，4，6，8，10");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (hc_heatmap_pane_get_breaks_mode (pane), ==, HC_HEATMAP_BREAKS_BY_HAND);
  g_assert_cmpuint (haikou_class (pane, "hand-2024"), ==, 2);
  show_year (pane, 2025);
  g_assert_cmpuint (haikou_class (pane, "hand-2025"), ==, 2);
  g_object_unref (shoot (GTK_WIDGET (window), "fixed-window"));

  /* Saved as a picture: the map's own drawing, 海口 in its class. */
  {
    g_autofree char *dir = g_dir_make_tmp ("hncredit-heatmap-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "风险热力图.png", NULL);
    g_autofree char *matrix_path = g_build_filename (dir, "matrix.png", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GFile) matrix_file = g_file_new_for_path (matrix_path);
    g_autoptr(GdkTexture) saved = NULL;
    g_autoptr(GdkTexture) saved_matrix = NULL;
    g_autoptr(GError) error = NULL;
    GtkWidget *matrix = GTK_WIDGET (hc_heatmap_pane_get_matrix (pane));
    double x, y;

    g_assert_true (hc_heatmap_pane_export_image_to_file (pane, file, &error));
    g_assert_no_error (error);
    saved = gdk_texture_new_from_file (file, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (saved), ==, gtk_widget_get_width (GTK_WIDGET (map)));
    g_assert_cmpint (gdk_texture_get_height (saved), ==, gtk_widget_get_height (GTK_WIDGET (map)));
    g_assert_true (hc_region_map_get_region_point (map, HAIKOU, &x, &y));
    g_assert_cmpuint (pixel_class (saved, x, y, "海口 in the saved picture"), ==, 2);

    hc_heatmap_pane_set_view (pane, HC_HEATMAP_VIEW_REGION_MONTH);
    hc_ui_wait_until ("the matrix by month", matrix_loaded, pane);
    g_object_unref (shoot (matrix, "fixed-matrix"));
    g_assert_true (hc_heatmap_pane_export_image_to_file (pane, matrix_file, &error));
    g_assert_no_error (error);
    saved_matrix = gdk_texture_new_from_file (matrix_file, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (saved_matrix), ==, gtk_widget_get_width (matrix));
    g_assert_cmpint (gdk_texture_get_height (saved_matrix), ==, gtk_widget_get_height (matrix));
    g_assert_false (hc_ui_texture_is_blank (saved_matrix));
    g_unlink (path);
    g_unlink (matrix_path);
    g_rmdir (dir);
  }
}

/* 海口 has five events in each of 2024 and 2025; 三亚 ten in 2024 and
 * thirty in 2025: only 三亚 changed. */
static void
test_heatmap_fixed_breaks_keep_colours (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  int n = 0;

  for (int year = 2024; year <= 2025; year++)
    {
      for (int k = 0; k < 5; k++)
        {
          g_autofree char *date = g_strdup_printf ("%d-06-%02d", year, 1 + k);
          post_event (server, HAIKOU, date, "finance", n++);
        }
      for (int k = 0; k < (year == 2024 ? 10 : 30); k++)
        {
          g_autofree char *date = g_strdup_printf ("%d-%02d-%02d", year, 1 + k % 12, 1 + k % 28);
          post_event (server, SANYA, date, "tourism", n++);
        }
    }
  /* The data span the two whole years. */
  post_event (server, WUZHISHAN, "2024-01-02", "tourism", n++);
  post_event (server, WUZHISHAN, "2025-12-30", "tourism", n++);

  hc_ui_run_app_on (server, fixed_breaks_keep_colours, NULL);
}

/* Recording an event ------------------------------------------------------- */

typedef struct
{
  HcTestServer *server;
  char         *unknown_uscc;
} RecordFixture;

static HcRiskEventDialog *
find_event_dialog (void)
{
  return (HcRiskEventDialog *) hc_ui_find_window (HC_TYPE_RISK_EVENT_DIALOG);
}

static gboolean
event_dialog_shown (gpointer data)
{
  return find_event_dialog () != NULL;
}

static gboolean
event_dialog_gone (gpointer data)
{
  return find_event_dialog () == NULL;
}

static gboolean
event_dialog_answered (gpointer data)
{
  return !hc_risk_event_dialog_get_busy (HC_RISK_EVENT_DIALOG (data));
}

static HcRiskEventDialog *
open_event_dialog (HcHeatmapPane *pane)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "pane.record-event", NULL));
  hc_ui_wait_until ("the event dialog", event_dialog_shown, NULL);
  return find_event_dialog ();
}

static void
set_field (HcRiskEventDialog *dialog,
           const char        *field,
           const char        *text)
{
  gtk_editable_set_text (GTK_EDITABLE (hc_risk_event_dialog_get_field (dialog, field)), text);
}

/* Saves, and checks that @field is marked with a message and that nothing
 * was recorded. */
static void
assert_refused (RecordFixture     *f,
                HcRiskEventDialog *dialog,
                const char        *field)
{
  gint64 before = hc_test_count_rows (f->server, "SELECT count(*) FROM risk_events");

  hc_risk_event_dialog_save (dialog);
  hc_ui_wait_until ("the dialog's answer", event_dialog_answered, dialog);
  g_assert_nonnull (hc_risk_event_dialog_get_message (dialog));
  g_assert_true (gtk_widget_has_css_class (hc_risk_event_dialog_get_field (dialog, field), "error"));
  g_assert_cmpint (hc_test_count_rows (f->server, "SELECT count(*) FROM risk_events"), ==, before);
}

static void
fill_sanya_tourism (HcRiskEventDialog *dialog,
                    const char        *date,
                    const char        *title)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (hc_risk_event_dialog_get_field (dialog, "region")),
                              (guint) hc_region_index (hc_region_lookup (SANYA)));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (hc_risk_event_dialog_get_field (dialog, "category")),
                              HC_RISK_CATEGORY_TOURISM);
  set_field (dialog, "occurred_on", date);
  set_field (dialog, "title", title);
  set_field (dialog, "subject", "");
}

static gboolean
sanya_alert_shown (gpointer data)
{
  HcHeatmapPane *pane = data;
  return not_busy (pane) && hc_region_map_has_alert (hc_heatmap_pane_get_map (pane), SANYA);
}

static void
records_events_from_the_app (HcApplication *app,
                             HcWindow      *window,
                             gpointer       data)
{
  RecordFixture *f = data;
  HcHeatmapPane *pane;
  HcRiskEventDialog *dialog;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  pane = HC_HEATMAP_PANE (hc_ui_sign_in (window, "admin", "heatmap"));
  hc_ui_wait_until ("the map's values", map_loaded, pane);
  hc_ui_wait_until ("the pane at rest", not_busy, pane);
  g_assert_cmpuint (g_list_model_get_n_items (hc_heatmap_pane_get_alerts (pane)), ==, 0);

  /* Checked in the dialog: no title, no real day, no identifier. */
  dialog = open_event_dialog (pane);
  fill_sanya_tourism (dialog, "2025-02-10", "");
  assert_refused (f, dialog, "title");
  fill_sanya_tourism (dialog, "2025-02-30", "景区强制消费投诉");
  assert_refused (f, dialog, "occurred_on");
  fill_sanya_tourism (dialog, "2025-02-10", "景区强制消费投诉");
  set_field (dialog, "subject", "12345");
  assert_refused (f, dialog, "subject");
  /* Refused by the server: a well-formed code no subject has. */
  set_field (dialog, "subject", f->unknown_uscc);
  assert_refused (f, dialog, "subject");
  g_object_unref (shoot (GTK_WIDGET (dialog), "event-dialog-refused"));

  /* Right: recorded, the dialog goes. */
  set_field (dialog, "subject", "");
  hc_risk_event_dialog_save (dialog);
  hc_ui_wait_until ("the dialog to close", event_dialog_gone, NULL);
  hc_ui_wait_until ("the pane at rest", not_busy, pane);
  g_assert_cmpint (hc_test_count_rows (f->server, "SELECT count(*) FROM risk_events WHERE region = '" SANYA "'"
                                                  " AND category = 'tourism' AND occurred_on = '2025-02-10'"
                                                  " AND title = '景区强制消费投诉' AND created_by = 'admin'"), ==, 1);
  g_assert_false (hc_region_map_has_alert (hc_heatmap_pane_get_map (pane), SANYA));

  /* The second doubles 三亚's February: the rule raises an alert, marked. */
  dialog = open_event_dialog (pane);
  fill_sanya_tourism (dialog, "2025-02-11", "酒店价格欺诈投诉");
  hc_risk_event_dialog_save (dialog);
  hc_ui_wait_until ("the dialog to close", event_dialog_gone, NULL);
  hc_ui_wait_until ("三亚's alert", sanya_alert_shown, pane);
  g_assert_cmpuint (g_list_model_get_n_items (hc_heatmap_pane_get_alerts (pane)), ==, 1);
}

static void
test_heatmap_records_events_from_the_app (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcTestResponse) rule = NULL;
  char code[19];
  RecordFixture f = { server, NULL };

  /* A code of the right form that no subject has. */
  g_snprintf (code, sizeof code, "91460200%08u", 12345678u);
  code[16] = hc_org_code_compute_check (code + 8);
  code[17] = '\0';
  code[17] = hc_uscc_compute_check (code);
  code[18] = '\0';
  f.unknown_uscc = code;
  rule = hc_test_request (server, "POST", "/risk/rules", hc_test_server_token (server, "admin"),
                          "{\"category\":\"tourism\",\"region\":\"" SANYA "\",\"kind\":\"rise\","
                          "\"window_months\":1,\"threshold\":60}");
  hc_assert_status (rule, 201, NULL);
  post_event (server, SANYA, "2025-01-05", "tourism", 0);
  post_event (server, HAIKOU, "2025-01-06", "finance", 1);

  hc_ui_run_app_on (server, records_events_from_the_app, &f);
}

int
main (int   argc,
      char *argv[])
{
  hc_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/heatmap/colours-and-drill-down-follow-the-events", test_heatmap_follows_the_events);
  g_test_add_func ("/ui/heatmap/no-events-is-the-empty-state", test_heatmap_no_events_is_the_empty_state);
  g_test_add_func ("/ui/heatmap/alerts-are-marked-listed-and-worked", test_heatmap_alerts_are_marked_listed_and_worked);
  g_test_add_func ("/ui/heatmap/fixed-breaks-keep-colours", test_heatmap_fixed_breaks_keep_colours);
  g_test_add_func ("/ui/heatmap/records-events-from-the-app", test_heatmap_records_events_from_the_app);
  return hc_ui_test_finish (g_test_run ());
}
