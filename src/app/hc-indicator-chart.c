/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorChart: the bars of an indicator's values of 2021–2025, coloured
 * by their status, the year shown in full colour, and the plan's target as
 * a dashed line where a year's value is judged against it. */
#define G_LOG_DOMAIN "hc-indicator-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hc-indicator-chart.h"

struct _HcIndicatorChart
{
  GtkDrawingArea     parent_instance;

  HcIndicatorDetail *detail;
  int                year;
  GArray            *bars;      /* of graphene_rect_t, as last drawn; empty for no value */
};

G_DEFINE_FINAL_TYPE (HcIndicatorChart, hc_indicator_chart, GTK_TYPE_DRAWING_AREA)

enum { PROP_0, PROP_DETAIL, PROP_YEAR, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
status_rgb (const char *status,
            double      rgb[3])
{
  /* libadwaita's success, error, warning and accent colours. */
  if (g_strcmp0 (status, "met") == 0)
    rgb[0] = 0.15, rgb[1] = 0.64, rgb[2] = 0.41;
  else if (g_strcmp0 (status, "unmet") == 0)
    rgb[0] = 0.75, rgb[1] = 0.11, rgb[2] = 0.16;
  else if (g_strcmp0 (status, "warning") == 0)
    rgb[0] = 0.80, rgb[1] = 0.50, rgb[2] = 0.00;
  else if (g_strcmp0 (status, "pending") == 0)
    rgb[0] = 0.21, rgb[1] = 0.52, rgb[2] = 0.89;
  else
    rgb[0] = rgb[1] = rgb[2] = 0.6;
}

/* The target line means something only where a year's value is judged
 * against it directly (not for cumulative sums or changes from 2021). */
static gboolean
target_applies (HcIndicatorDetail *detail)
{
  const char *aggregation = hc_indicator_detail_get_aggregation (detail);

  return hc_indicator_detail_get_has_target (detail) &&
         (g_strcmp0 (aggregation, "none") == 0 ||
          g_strcmp0 (aggregation, "yearly_average") == 0 ||
          g_strcmp0 (aggregation, "per_year") == 0);
}

/* Names the dashed line, at its right end above it. */
static void
draw_target_label (GtkDrawingArea *area,
                   cairo_t        *cr,
                   double          right,
                   double          y)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), _("Target"));
  PangoAttrList *attrs = pango_attr_list_new ();
  int tw, th;

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, right - tw, MAX (0, y - th - 1));
  pango_cairo_show_layout (cr, layout);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  HcIndicatorChart *self = HC_INDICATOR_CHART (area);
  GdkRGBA fg;
  double top = 18, bottom = height - 22, left = 8, right = width - 8;
  double max = 0, slot;
  guint n;
  gboolean with_target;

  g_array_set_size (self->bars, 0);
  if (self->detail == NULL || (n = hc_indicator_detail_get_n_years (self->detail)) == 0)
    return;
  g_array_set_size (self->bars, n);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  with_target = target_applies (self->detail);

  for (guint i = 0; i < n; i++)
    {
      const HcIndicatorYear *y = hc_indicator_detail_get_year (self->detail, i);
      if (y->has_value)
        max = MAX (max, y->value);
    }
  if (with_target)
    max = MAX (max, hc_indicator_detail_get_target (self->detail));
  if (max <= 0)
    max = 1;
  max *= 1.1;
  slot = (right - left) / n;

  /* The baseline */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left, bottom + 0.5);
  cairo_line_to (cr, right, bottom + 0.5);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      const HcIndicatorYear *y = hc_indicator_detail_get_year (self->detail, i);
      g_autofree char *year = g_strdup_printf ("%d", y->year);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), year);
      double x = left + slot * i, rgb[3];
      int tw, th;

      if (y->has_value)
        {
          double h = (bottom - top) * y->value / max;

          status_rgb (y->status, rgb);
          cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], y->year == self->year ? 1.0 : 0.6);
          cairo_rectangle (cr, x + slot * 0.2, bottom - MAX (h, 1), slot * 0.6, MAX (h, 1));
          cairo_fill (cr);
          graphene_rect_init (&g_array_index (self->bars, graphene_rect_t, i),
                              x + slot * 0.2, bottom - MAX (h, 1), slot * 0.6, MAX (h, 1));
        }
      pango_layout_get_pixel_size (layout, &tw, &th);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, x + (slot - tw) / 2, bottom + 3);
      pango_cairo_show_layout (cr, layout);
    }

  if (with_target)
    {
      double ty = bottom - (bottom - top) * hc_indicator_detail_get_target (self->detail) / max;
      double dashes[] = { 4, 3 };

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, left, round (ty) + 0.5);
      cairo_line_to (cr, right, round (ty) + 0.5);
      cairo_stroke (cr);
      draw_target_label (area, cr, right, ty);
    }
}

static void
hc_indicator_chart_finalize (GObject *object)
{
  HcIndicatorChart *self = HC_INDICATOR_CHART (object);

  g_array_unref (self->bars);

  G_OBJECT_CLASS (hc_indicator_chart_parent_class)->finalize (object);
}

static void
hc_indicator_chart_dispose (GObject *object)
{
  HcIndicatorChart *self = HC_INDICATOR_CHART (object);

  g_clear_object (&self->detail);

  G_OBJECT_CLASS (hc_indicator_chart_parent_class)->dispose (object);
}

static void
hc_indicator_chart_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HcIndicatorChart *self = HC_INDICATOR_CHART (object);

  switch (prop_id)
    {
    case PROP_DETAIL:
      g_value_set_object (value, hc_indicator_chart_get_detail (self));
      break;
    case PROP_YEAR:
      g_value_set_int (value, hc_indicator_chart_get_year (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_indicator_chart_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HcIndicatorChart *self = HC_INDICATOR_CHART (object);

  switch (prop_id)
    {
    case PROP_DETAIL:
      hc_indicator_chart_set_detail (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      hc_indicator_chart_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_indicator_chart_class_init (HcIndicatorChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hc_indicator_chart_dispose;
  object_class->finalize = hc_indicator_chart_finalize;
  object_class->get_property = hc_indicator_chart_get_property;
  object_class->set_property = hc_indicator_chart_set_property;

  properties [PROP_DETAIL] =
    g_param_spec_object ("detail", NULL, NULL, HC_TYPE_INDICATOR_DETAIL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The year drawn in full colour. */
  properties [PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_indicator_chart_init (HcIndicatorChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (graphene_rect_t));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_chart, NULL, NULL);
}

HcIndicatorDetail *
hc_indicator_chart_get_detail (HcIndicatorChart *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_CHART (self), NULL);
  return self->detail;
}

void
hc_indicator_chart_set_detail (HcIndicatorChart  *self,
                               HcIndicatorDetail *detail)
{
  g_return_if_fail (HC_IS_INDICATOR_CHART (self));
  g_return_if_fail (detail == NULL || HC_IS_INDICATOR_DETAIL (detail));

  /* A detail read again is a new object with maybe other values: draw it
   * even when it is the same one. */
  if (g_set_object (&self->detail, detail))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DETAIL]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
hc_indicator_chart_get_year (HcIndicatorChart *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_CHART (self), 0);
  return self->year;
}

void
hc_indicator_chart_set_year (HcIndicatorChart *self,
                             int               year)
{
  g_return_if_fail (HC_IS_INDICATOR_CHART (self));

  if (self->year == year)
    return;
  self->year = year;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_YEAR]);
}

/**
 * hc_indicator_chart_get_bar:
 * @index: the bar, in the order drawn
 * @rect: (out): where it was drawn last, in the widget's coordinates
 *
 * For the pixel tests: Returns: %FALSE when no bar was drawn at @index (no
 *   value, or not drawn yet)
 */
gboolean
hc_indicator_chart_get_bar (HcIndicatorChart  *self,
                            guint              index,
                            graphene_rect_t   *rect)
{
  g_return_val_if_fail (HC_IS_INDICATOR_CHART (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (index >= self->bars->len)
    return FALSE;
  *rect = g_array_index (self->bars, graphene_rect_t, index);
  return rect->size.width > 0 && rect->size.height > 0;
}
