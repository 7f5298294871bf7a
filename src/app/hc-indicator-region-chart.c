/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorRegionChart: one year of an indicator's 19 市县 (部门和市县目标
 *管理) as horizontal bars coloured by status, each with a tick at the target
 * that 市县 is held to; the laggards (未达标, 预警) have their names in bold
 * and are named in the accessible description, so a screen reader hears
 * them too. */
#define G_LOG_DOMAIN "hc-indicator-region-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hc-indicator-region-chart.h"

#define ROW_HEIGHT 20
#define PADDING    6

struct _HcIndicatorRegionChart
{
  GtkDrawingArea     parent_instance;

  HcIndicatorDetail *detail;
  int                year;
  GArray            *bars;      /* of graphene_rect_t, as last drawn; empty for no value */
};

G_DEFINE_FINAL_TYPE (HcIndicatorRegionChart, hc_indicator_region_chart, GTK_TYPE_DRAWING_AREA)

enum { PROP_0, PROP_DETAIL, PROP_YEAR, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
status_rgb (const char *status,
            double      rgb[3])
{
  /* As HcIndicatorChart: libadwaita's success, error, warning, accent. */
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

static const HcIndicatorYear *
region_year (HcIndicatorRegionChart  *self,
             guint                    i,
             const HcIndicatorRegion **region_out)
{
  const HcIndicatorRegion *region = hc_indicator_detail_get_region (self->detail, i);

  if (region_out != NULL)
    *region_out = region;
  return hc_indicator_region_find_year (region, self->year);
}

static PangoLayout *
small_layout (GtkWidget  *widget,
              const char *text,
              gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static char *
format_value (HcIndicatorDetail *detail,
              double             v)
{
  const char *unit = hc_indicator_detail_get_unit (detail);

  if (g_strcmp0 (unit, "%") == 0)
    return g_strdup_printf ("%.1f%%", v);
  if (g_strcmp0 (hc_indicator_detail_get_kind (detail), "milestone") == 0)
    return g_strdup (v >= 1 ? _("Done") : _("Not done"));
  return g_strdup_printf ("%.0f", v);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  HcIndicatorRegionChart *self = HC_INDICATOR_REGION_CHART (area);
  GtkWidget *widget = GTK_WIDGET (area);
  GdkRGBA fg;
  guint n;
  double max = 0, name_width = 0, left, right;

  g_array_set_size (self->bars, 0);
  if (self->detail == NULL || (n = hc_indicator_detail_get_n_regions (self->detail)) == 0)
    return;
  g_array_set_size (self->bars, n);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  for (guint i = 0; i < n; i++)
    {
      const HcIndicatorRegion *region;
      const HcIndicatorYear *y = region_year (self, i, &region);
      g_autoptr(PangoLayout) layout = small_layout (widget, region->name, TRUE);
      int tw, th;

      pango_layout_get_pixel_size (layout, &tw, &th);
      name_width = MAX (name_width, tw);
      max = MAX (max, region->target);
      if (y != NULL && y->has_value)
        max = MAX (max, y->value);
    }
  if (max <= 0)
    max = 1;
  max *= 1.15;
  left = PADDING + name_width + 8;
  right = width - PADDING;

  for (guint i = 0; i < n; i++)
    {
      const HcIndicatorRegion *region;
      const HcIndicatorYear *y = region_year (self, i, &region);
      gboolean lagging = y != NULL && y->lagging;
      g_autoptr(PangoLayout) name = small_layout (widget, region->name, lagging);
      double top = PADDING + i * ROW_HEIGHT, rgb[3], tx, dashes[] = { 2, 2 };
      int tw, th;

      pango_layout_get_pixel_size (name, &tw, &th);
      if (lagging)
        {
          status_rgb (y->status, rgb);
          cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
        }
      else
        gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, left - 8 - tw, top + (ROW_HEIGHT - th) / 2.0);
      pango_cairo_show_layout (cr, name);

      if (y != NULL && y->has_value)
        {
          double w = (right - left) * y->value / max;
          g_autofree char *text = format_value (self->detail, y->value);
          g_autoptr(PangoLayout) value = small_layout (widget, text, FALSE);

          status_rgb (y->status, rgb);
          cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
          cairo_rectangle (cr, left, top + 3, MAX (w, 1), ROW_HEIGHT - 6);
          cairo_fill (cr);
          graphene_rect_init (&g_array_index (self->bars, graphene_rect_t, i), left, top + 3, MAX (w, 1),
                              ROW_HEIGHT - 6);
          pango_layout_get_pixel_size (value, &tw, &th);
          gdk_cairo_set_source_rgba (cr, &fg);
          cairo_move_to (cr, MIN (left + w + 4, right - tw), top + (ROW_HEIGHT - th) / 2.0);
          pango_cairo_show_layout (cr, value);
        }
      else
        {
          g_autoptr(PangoLayout) none = small_layout (widget, _("No value"), FALSE);

          pango_layout_get_pixel_size (none, &tw, &th);
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.5);
          cairo_move_to (cr, left + 4, top + (ROW_HEIGHT - th) / 2.0);
          pango_cairo_show_layout (cr, none);
        }

      /* The target this 市县 is held to. */
      tx = round (left + (right - left) * region->target / max) + 0.5;
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.85);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, tx, top + 1);
      cairo_line_to (cr, tx, top + ROW_HEIGHT - 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

guint
hc_indicator_region_chart_get_n_lagging (HcIndicatorRegionChart *self)
{
  guint n = 0;

  g_return_val_if_fail (HC_IS_INDICATOR_REGION_CHART (self), 0);
  for (guint i = 0; self->detail != NULL && i < hc_indicator_detail_get_n_regions (self->detail); i++)
    {
      const HcIndicatorYear *y = region_year (self, i, NULL);
      n += y != NULL && y->lagging;
    }
  return n;
}

/* Returns: the number of 市县 drawn (bars, or rows saying there is no value) */
guint
hc_indicator_region_chart_get_n_bars (HcIndicatorRegionChart *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REGION_CHART (self), 0);
  return self->detail != NULL ? hc_indicator_detail_get_n_regions (self->detail) : 0;
}

/* Size, and what a screen reader says: the laggards by name. */
static void
update (HcIndicatorRegionChart *self)
{
  g_autoptr(GString) laggards = g_string_new (NULL);
  guint n = self->detail != NULL ? hc_indicator_detail_get_n_regions (self->detail) : 0;
  g_autofree char *description = NULL;

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), n > 0 ? (int) (2 * PADDING + n * ROW_HEIGHT) : 0);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  for (guint i = 0; i < n; i++)
    {
      const HcIndicatorRegion *region;
      const HcIndicatorYear *y = region_year (self, i, &region);

      if (y != NULL && y->lagging)
        {
          if (laggards->len > 0)
            g_string_append (laggards, _(", "));
          g_string_append (laggards, region->name);
        }
    }
  if (laggards->len > 0)
    /* Translators: %s lists the cities and counties short of their target */
    description = g_strdup_printf (_("Short of the target: %s"), laggards->str);
  else
    description = g_strdup (_("No city or county is short of its target"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hc_indicator_region_chart_finalize (GObject *object)
{
  HcIndicatorRegionChart *self = HC_INDICATOR_REGION_CHART (object);

  g_array_unref (self->bars);

  G_OBJECT_CLASS (hc_indicator_region_chart_parent_class)->finalize (object);
}

static void
hc_indicator_region_chart_dispose (GObject *object)
{
  HcIndicatorRegionChart *self = HC_INDICATOR_REGION_CHART (object);

  g_clear_object (&self->detail);

  G_OBJECT_CLASS (hc_indicator_region_chart_parent_class)->dispose (object);
}

static void
hc_indicator_region_chart_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  HcIndicatorRegionChart *self = HC_INDICATOR_REGION_CHART (object);

  switch (prop_id)
    {
    case PROP_DETAIL:
      g_value_set_object (value, hc_indicator_region_chart_get_detail (self));
      break;
    case PROP_YEAR:
      g_value_set_int (value, hc_indicator_region_chart_get_year (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_indicator_region_chart_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  HcIndicatorRegionChart *self = HC_INDICATOR_REGION_CHART (object);

  switch (prop_id)
    {
    case PROP_DETAIL:
      hc_indicator_region_chart_set_detail (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      hc_indicator_region_chart_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_indicator_region_chart_class_init (HcIndicatorRegionChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hc_indicator_region_chart_dispose;
  object_class->finalize = hc_indicator_region_chart_finalize;
  object_class->get_property = hc_indicator_region_chart_get_property;
  object_class->set_property = hc_indicator_region_chart_set_property;

  properties [PROP_DETAIL] =
    g_param_spec_object ("detail", NULL, NULL, HC_TYPE_INDICATOR_DETAIL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hc_indicator_region_chart_init (HcIndicatorRegionChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (graphene_rect_t));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_chart, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cities and counties against their target"), -1);
  update (self);
}

HcIndicatorDetail *
hc_indicator_region_chart_get_detail (HcIndicatorRegionChart *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REGION_CHART (self), NULL);
  return self->detail;
}

void
hc_indicator_region_chart_set_detail (HcIndicatorRegionChart *self,
                                      HcIndicatorDetail      *detail)
{
  g_return_if_fail (HC_IS_INDICATOR_REGION_CHART (self));
  g_return_if_fail (detail == NULL || HC_IS_INDICATOR_DETAIL (detail));

  if (g_set_object (&self->detail, detail))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DETAIL]);
  update (self);
}

int
hc_indicator_region_chart_get_year (HcIndicatorRegionChart *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REGION_CHART (self), 0);
  return self->year;
}

void
hc_indicator_region_chart_set_year (HcIndicatorRegionChart *self,
                                    int                     year)
{
  g_return_if_fail (HC_IS_INDICATOR_REGION_CHART (self));

  if (self->year == year)
    return;
  self->year = year;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_YEAR]);
}

/**
 * hc_indicator_region_chart_get_bar:
 * @index: the bar, in the order drawn
 * @rect: (out): where it was drawn last, in the widget's coordinates
 *
 * For the pixel tests: Returns: %FALSE when no bar was drawn at @index (no
 *   value, or not drawn yet)
 */
gboolean
hc_indicator_region_chart_get_bar (HcIndicatorRegionChart  *self,
                                   guint                    index,
                                   graphene_rect_t         *rect)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REGION_CHART (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (index >= self->bars->len)
    return FALSE;
  *rect = g_array_index (self->bars, graphene_rect_t, index);
  return rect->size.width > 0 && rect->size.height > 0;
}
