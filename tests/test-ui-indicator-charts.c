/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The indicator charts as drawn: HcIndicatorChart (a bar a year) and
 * HcIndicatorRegionChart (a bar a 市县) are rendered under Xvfb by their
 * window's renderer, and their pixels read back at the bars they report
 * having drawn. A bar is there in its status's colour (a laggard's not the
 * colour of one that meets the target), its length follows its value as
 * measured in the pixels, and the target line is drawn where the target
 * falls. Without the drawing every check here fails. */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "hc-client.h"
#include "hc-indicator-chart.h"
#include "hc-indicator-region-chart.h"
#include "hc-ui-test.h"

typedef struct
{
  int     width, height;
  guchar *pixels;   /* premultiplied BGRA, as gdk_texture_download() gives */
} Picture;

static void
picture_clear (Picture *p)
{
  g_clear_pointer (&p->pixels, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Picture, picture_clear)

static void
picture_take (GtkWidget  *widget,
              const char *name,
              Picture    *p)
{
  g_autoptr(GdkTexture) shot = hc_ui_take_shot (widget, name);

  p->width = gdk_texture_get_width (shot);
  p->height = gdk_texture_get_height (shot);
  p->pixels = g_malloc ((gsize) p->width * p->height * 4);
  gdk_texture_download (shot, p->pixels, (gsize) p->width * 4);
}

/* The pixel at @x, @y as red, green, blue and alpha (0–255). */
static void
pixel (const Picture *p,
       double         x,
       double         y,
       int            rgba[4])
{
  int ix = CLAMP ((int) floor (x), 0, p->width - 1);
  int iy = CLAMP ((int) floor (y), 0, p->height - 1);
  const guchar *px = p->pixels + ((gsize) iy * p->width + ix) * 4;

  rgba[0] = px[2];
  rgba[1] = px[1];
  rgba[2] = px[0];
  rgba[3] = px[3];
}

static int
distance (const int a[4],
          const int b[4])
{
  return abs (a[0] - b[0]) + abs (a[1] - b[1]) + abs (a[2] - b[2]) + abs (a[3] - b[3]);
}

static gboolean
same_colour (const int a[4],
             const int b[4])
{
  return distance (a, b) <= 12;
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* An indicator with a target of 80 %: 2021 unmet at 20, 2022 warning at
 * 40, 2023 met at 80, 2024 met at 100, 2025 unmet at 60; three 市县 with
 * their own values of 2023 — one meeting the target, two short of it. */
static HcIndicatorDetail *
make_detail (void)
{
  static const char json[] =
    "{\"key\":\"county-platform-coverage\",\"item\":\"市县平台覆盖率\",\"kind\":\"rate\","
    " \"unit\":\"%\",\"source\":\"reported\",\"aggregation\":\"none\",\"target\":80,"
    " \"target_text\":\"达到80%\",\"regional\":\"share_meeting\","
    " \"values\":["
    "  {\"year\":2021,\"value\":20,\"status\":\"unmet\"},"
    "  {\"year\":2022,\"value\":40,\"status\":\"warning\"},"
    "  {\"year\":2023,\"value\":80,\"status\":\"met\"},"
    "  {\"year\":2024,\"value\":100,\"status\":\"met\"},"
    "  {\"year\":2025,\"value\":60,\"status\":\"unmet\"}],"
    " \"regions\":["
    "  {\"region\":\"460100\",\"region_name\":\"海口市\",\"target\":80,\"warning_gap\":10,"
    "   \"values\":[{\"year\":2023,\"value\":90,\"status\":\"met\",\"lagging\":false}]},"
    "  {\"region\":\"460200\",\"region_name\":\"三亚市\",\"target\":80,\"warning_gap\":10,"
    "   \"values\":[{\"year\":2023,\"value\":30,\"status\":\"unmet\",\"lagging\":true}]},"
    "  {\"region\":\"460300\",\"region_name\":\"三沙市\",\"target\":80,\"warning_gap\":10,"
    "   \"values\":[{\"year\":2023,\"value\":60,\"status\":\"warning\",\"lagging\":true}]}]}";
  g_autoptr(JsonObject) obj = parse_object (json);
  HcIndicatorDetail *detail = hc_indicator_detail_new_from_json (obj);

  g_assert_nonnull (detail);
  return detail;
}

static GtkWindow *
window_with (GtkWidget *chart,
             int        width,
             int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_widget_set_size_request (chart, width, height);
  gtk_window_set_child (window, chart);
  gtk_window_present (window);
  return window;
}

/* Where a bar's colour ends, going from (@x, @y) by (@dx, @dy): the first
 * pixel no longer @colour. */
static double
run_end (const Picture *p,
         double         x,
         double         y,
         int            dx,
         int            dy,
         const int      colour[4])
{
  int rgba[4];

  for (;;)
    {
      double nx = x + dx, ny = y + dy;

      if (nx < 0 || ny < 0 || nx >= p->width || ny >= p->height)
        return dx != 0 ? nx : ny;
      pixel (p, nx, ny, rgba);
      if (!same_colour (rgba, colour))
        return dx != 0 ? nx : ny;
      x = nx;
      y = ny;
    }
}

/* Whether a pixel near row @y (±1) in columns [@x0, @x1) differs much from
 * @background: how many columns have one. */
static guint
marked_columns (const Picture *p,
                double         x0,
                double         x1,
                double         y,
                const int      background[4])
{
  guint n = 0;

  for (double x = ceil (x0); x < x1; x++)
    {
      gboolean marked = FALSE;

      for (int dy = -1; dy <= 1 && !marked; dy++)
        {
          int rgba[4];

          pixel (p, x, y + dy, rgba);
          marked = distance (rgba, background) > 120;
        }
      n += marked;
    }
  return n;
}

static void
test_year_chart_pixels (void)
{
  g_autoptr(HcIndicatorDetail) detail = make_detail ();
  HcIndicatorChart *chart = g_object_new (HC_TYPE_INDICATOR_CHART, NULL);
  GtkWindow *window;
  g_auto(Picture) pic = { 0 };
  graphene_rect_t bars[5];
  static const double values[5] = { 20, 40, 80, 100, 60 };
  int background[4], colour[5][4];
  double measured[5], bottom, per_unit, target_y, gap_left, gap_right;

  hc_indicator_chart_set_detail (chart, detail);
  hc_indicator_chart_set_year (chart, 2025);
  window = window_with (GTK_WIDGET (chart), 600, 260);
  picture_take (GTK_WIDGET (chart), "indicator-chart", &pic);
  pixel (&pic, 1, 1, background);

  for (guint i = 0; i < 5; i++)
    {
      double cx, cy;

      g_assert_true (hc_indicator_chart_get_bar (chart, i, &bars[i]));
      cx = bars[i].origin.x + bars[i].size.width / 2;
      cy = bars[i].origin.y + bars[i].size.height - 2;
      pixel (&pic, cx, cy, colour[i]);
      /* The bar is drawn: not the background under it. */
      g_assert_cmpint (distance (colour[i], background), >, 60);
      /* Its height, measured up the pixels of its colour from its foot
       * (the target line may cross a bar: measured in two runs then). */
      {
        double top = run_end (&pic, cx, cy, 0, -1, colour[i]);
        int above[4];

        pixel (&pic, cx, top - 3, above);
        if (same_colour (above, colour[i]))
          top = run_end (&pic, cx, top - 3, 0, -1, colour[i]);
        measured[i] = (bars[i].origin.y + bars[i].size.height) - (top + 1);
      }
      g_test_message ("bar %u: value %g, %g px drawn, %g px reported", i, values[i], measured[i],
                      bars[i].size.height);
      g_assert_cmpfloat (fabs (measured[i] - bars[i].size.height), <=, 2.5);
    }

  /* Heights follow the values: 100 is five times 20 (±2 px). */
  for (guint i = 1; i < 5; i++)
    g_assert_cmpfloat (fabs (measured[i] - measured[0] * values[i] / values[0]), <=, 3);
  /* The unmet years (2021, and 2025 in full colour) are red, the met ones
   * (2023, 2024) green, the warning (2022) neither. */
  g_assert_cmpint (colour[4][0], >, colour[4][1] + 60);
  g_assert_cmpint (colour[3][1], >, colour[3][0] + 40);
  g_assert_cmpint (colour[2][1], >, colour[2][0] + 40);
  g_assert_cmpint (distance (colour[0], colour[2]), >, 60);
  g_assert_cmpint (distance (colour[1], colour[0]), >, 30);
  g_assert_cmpint (distance (colour[1], colour[2]), >, 30);
  /* The year shown is in full colour, the others lighter. */
  g_assert_cmpint (distance (colour[4], colour[0]), >, 20);

  /* The target line at 80, across the gaps between the bars. */
  bottom = bars[0].origin.y + bars[0].size.height;
  per_unit = bars[3].size.height / values[3];
  target_y = round (bottom - 80 * per_unit) + 0.5;
  gap_left = bars[0].origin.x + bars[0].size.width + 1;
  gap_right = bars[1].origin.x - 1;
  g_assert_cmpuint (marked_columns (&pic, gap_left, gap_right, target_y, background), >=,
                    (guint) ((gap_right - gap_left) / 3));
  /* … and nothing like it halfway between it and the foot there. */
  g_assert_cmpuint (marked_columns (&pic, gap_left, gap_right, round ((target_y + bottom) / 2), background), ==, 0);

  gtk_window_destroy (window);
}

static void
test_region_chart_pixels (void)
{
  g_autoptr(HcIndicatorDetail) detail = make_detail ();
  HcIndicatorRegionChart *chart = g_object_new (HC_TYPE_INDICATOR_REGION_CHART, NULL);
  GtkWindow *window;
  g_auto(Picture) pic = { 0 };
  graphene_rect_t bars[3];
  static const double values[3] = { 90, 30, 60 };
  int background[4], colour[3][4];
  double measured[3], per_unit, target_x;

  hc_indicator_region_chart_set_detail (chart, detail);
  hc_indicator_region_chart_set_year (chart, 2023);
  g_assert_cmpuint (hc_indicator_region_chart_get_n_bars (chart), ==, 3);
  g_assert_cmpuint (hc_indicator_region_chart_get_n_lagging (chart), ==, 2);
  window = window_with (GTK_WIDGET (chart), 600, -1);
  picture_take (GTK_WIDGET (chart), "indicator-region-chart", &pic);
  pixel (&pic, 1, 1, background);

  for (guint i = 0; i < 3; i++)
    {
      double cy;

      g_assert_true (hc_indicator_region_chart_get_bar (chart, i, &bars[i]));
      cy = bars[i].origin.y + bars[i].size.height / 2;
      pixel (&pic, bars[i].origin.x + 2, cy, colour[i]);
      g_assert_cmpint (distance (colour[i], background), >, 60);
      /* Its length, measured along the pixels of its colour (the target
       * tick may cross it: measured past the tick then). */
      {
        double end = run_end (&pic, bars[i].origin.x + 2, cy, 1, 0, colour[i]);
        int after[4];

        pixel (&pic, end + 3, cy, after);
        if (same_colour (after, colour[i]))
          end = run_end (&pic, end + 3, cy, 1, 0, colour[i]);
        measured[i] = end - bars[i].origin.x;
      }
      g_test_message ("市县 %u: value %g, %g px drawn, %g px reported", i, values[i], measured[i],
                      bars[i].size.width);
      g_assert_cmpfloat (fabs (measured[i] - bars[i].size.width), <=, 2.5);
    }
  for (guint i = 1; i < 3; i++)
    g_assert_cmpfloat (fabs (measured[i] - measured[0] * values[i] / values[0]), <=, 3);

  /* The laggards stand out: 三亚 (unmet) red, 三沙 (warning) orange, and
   * neither the green of 海口, which meets its target. */
  g_assert_cmpint (colour[0][1], >, colour[0][0] + 40);
  g_assert_cmpint (colour[1][0], >, colour[1][1] + 60);
  g_assert_cmpint (colour[2][0], >, colour[2][2] + 60);
  g_assert_cmpint (distance (colour[1], colour[0]), >, 100);
  g_assert_cmpint (distance (colour[2], colour[0]), >, 100);
  g_assert_cmpint (distance (colour[1], colour[2]), >, 40);

  /* The target tick at 80 in every row: past the short bars, on the
   * background, and across the long one. */
  per_unit = bars[0].size.width / values[0];
  target_x = round (bars[0].origin.x + 80 * per_unit) + 0.5;
  for (guint i = 0; i < 3; i++)
    {
      guint marked = 0;

      for (double y = bars[i].origin.y; y < bars[i].origin.y + bars[i].size.height; y++)
        {
          int on[4];

          pixel (&pic, target_x, y, on);
          marked += distance (on, background) > 120 && !same_colour (on, colour[i]);
        }
      g_assert_cmpuint (marked, >=, (guint) (bars[i].size.height / 3));
    }
  /* Halfway between the short bar's end and the tick: nothing drawn. */
  {
    int mid[4];

    pixel (&pic, (bars[1].origin.x + bars[1].size.width + target_x) / 2 + 20,
           bars[1].origin.y + bars[1].size.height / 2, mid);
    g_assert_cmpint (distance (mid, background), <=, 12);
  }

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  hc_ui_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();
  /* The light style: dark text on a light background, as checked. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  g_test_add_func ("/ui/indicator-charts/year-chart-pixels", test_year_chart_pixels);
  g_test_add_func ("/ui/indicator-charts/region-chart-pixels", test_region_chart_pixels);
  return hc_ui_test_finish (g_test_run ());
}
