/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The heat map's colour scale: equal-interval classes from zero to the
 * largest value, light yellow to dark red, and the legend that names them. */
#define G_LOG_DOMAIN "hc-heat-scale"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-heat-scale.h"

#include <math.h>

/* Light yellow to dark red, in steps a reader can tell apart. */
static const char * const class_colors[HC_HEAT_SCALE_N_CLASSES] = {
  "#fff7c2", "#fed879", "#fca94a", "#f4712e", "#d7301f", "#8f0a1e",
};

#define SWATCH 16.0
#define GAP 6.0

/* The class of @value on a scale from 0 to @max: zero (and no data at all)
 * is the lightest class, @max the darkest. */
guint
hc_heat_scale_class (double value,
                     double max)
{
  guint klass;

  if (max <= 0 || value <= 0)
    return 0;
  if (value >= max)
    return HC_HEAT_SCALE_N_CLASSES - 1;
  klass = (guint) (value / max * HC_HEAT_SCALE_N_CLASSES);
  return MIN (klass, HC_HEAT_SCALE_N_CLASSES - 1);
}

void
hc_heat_scale_class_color (guint    klass,
                           GdkRGBA *color)
{
  g_return_if_fail (color != NULL);
  gdk_rgba_parse (color, class_colors[MIN (klass, HC_HEAT_SCALE_N_CLASSES - 1)]);
}

double
hc_heat_scale_lower_bound (guint  klass,
                           double max)
{
  return max <= 0 ? 0 : max * klass / HC_HEAT_SCALE_N_CLASSES;
}

/* A value as the legend and tooltips show it: whole numbers as such, others
 * with two decimals. */
char *
hc_heat_scale_format (double value)
{
  if (value == (double) (gint64) value)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  return g_strdup_printf ("%.2f", value);
}

/* With @whole values (counts), a class starts at the first whole number in
 * it, so the legend reads 0, 2, 4 … rather than 0, 1.67, 3.33 …. */
static char *
class_text (guint    klass,
            double   max,
            gboolean whole)
{
  double bound = hc_heat_scale_lower_bound (klass, max);
  g_autofree char *low = hc_heat_scale_format (whole ? ceil (bound - 1e-9) : bound);

  if (klass == HC_HEAT_SCALE_N_CLASSES - 1 || max <= 0)
    /* TRANSLATORS: a heat map legend class: this value or more */
    return g_strdup_printf (_("≥ %s"), low);
  return g_strdup (low);
}

double
hc_heat_scale_legend_width (GtkWidget *widget,
                            double     max,
                            gboolean   whole)
{
  double width = 0;

  for (guint k = 0; k < HC_HEAT_SCALE_N_CLASSES; k++)
    {
      g_autofree char *text = class_text (k, max, whole);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      width += SWATCH + 4 + w + GAP;
    }
  return width;
}

/* One row of swatches, each with the lower bound of its class, at @x, @y. */
void
hc_heat_scale_snapshot_legend (GtkWidget   *widget,
                               GtkSnapshot *snapshot,
                               double       x,
                               double       y,
                               double       max,
                               gboolean     whole)
{
  GdkRGBA fg, border = { 0, 0, 0, 0.35 };

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  for (guint k = 0; k < HC_HEAT_SCALE_N_CLASSES; k++)
    {
      g_autofree char *text = class_text (k, max, whole);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      GskRoundedRect outline;
      GdkRGBA color;
      float widths[4] = { 1, 1, 1, 1 };
      GdkRGBA borders[4] = { border, border, border, border };
      int w, h;

      hc_heat_scale_class_color (k, &color);
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, y, SWATCH, SWATCH));
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, SWATCH, SWATCH), 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, borders);
      pango_layout_get_pixel_size (layout, &w, &h);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + SWATCH + 4, y + (SWATCH - h) / 2));
      gtk_snapshot_append_layout (snapshot, layout, &fg);
      gtk_snapshot_restore (snapshot);
      x += SWATCH + 4 + w + GAP;
    }
}
