/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The heat map's colour scale: six classes, light yellow to dark red —
 * equal intervals from zero to the largest value, or breaks fixed across
 * years or set by hand — and the legend that names each class's range. */
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

G_DEFINE_QUARK (hc-heat-scale-error-quark, hc_heat_scale_error)

/* Equal intervals from 0 to @max (all zero when @max is not above zero). */
void
hc_heat_breaks_init_equal (HcHeatBreaks *breaks,
                           double        max)
{
  g_return_if_fail (breaks != NULL);

  for (guint k = 0; k < HC_HEAT_SCALE_N_CLASSES; k++)
    breaks->lower[k] = max > 0 ? max * k / HC_HEAT_SCALE_N_CLASSES : 0;
}

/**
 * hc_heat_breaks_parse:
 * @text: the lower bounds of classes 2 to 6, five numbers rising above
 *   zero, apart by commas, spaces or 、 (class 1 starts at 0)
 *
 * Returns: %FALSE with @error (HC_HEAT_SCALE_ERROR_INVALID, a message that
 *   says what is wrong) and @breaks untouched when @text is not that
 */
gboolean
hc_heat_breaks_parse (HcHeatBreaks  *breaks,
                      const char    *text,
                      GError       **error)
{
  g_auto(GStrv) parts = NULL;
  HcHeatBreaks parsed = { { 0 } };
  guint n = 0;
  g_autoptr(GString) normal = g_string_new (text ? text : "");

  g_return_val_if_fail (breaks != NULL, FALSE);

  /* Full-width commas and the enumeration comma as typed with a Chinese
   * input method. */
  g_string_replace (normal, "，", ",", 0);
  g_string_replace (normal, "、", ",", 0);
  g_string_replace (normal, " ", ",", 0);
  parts = g_strsplit (normal->str, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end = NULL;
      double value;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      value = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != '\0' || !isfinite (value))
        {
          g_set_error (error, HC_HEAT_SCALE_ERROR, HC_HEAT_SCALE_ERROR_INVALID,
                       _("“%s” is not a number."), parts[i]);
          return FALSE;
        }
      if (n + 1 >= HC_HEAT_SCALE_N_CLASSES)
        {
          n++;
          continue;
        }
      parsed.lower[++n] = value;
    }
  if (n != HC_HEAT_SCALE_N_CLASSES - 1)
    {
      g_set_error (error, HC_HEAT_SCALE_ERROR, HC_HEAT_SCALE_ERROR_INVALID,
                   _("Give %d numbers, where classes 2 to %d start; class 1 starts at 0."),
                   HC_HEAT_SCALE_N_CLASSES - 1, HC_HEAT_SCALE_N_CLASSES);
      return FALSE;
    }
  for (guint k = 1; k < HC_HEAT_SCALE_N_CLASSES; k++)
    if (!(parsed.lower[k] > parsed.lower[k - 1]))
      {
        g_set_error (error, HC_HEAT_SCALE_ERROR, HC_HEAT_SCALE_ERROR_INVALID,
                     _("Each number must be above zero and above the one before it."));
        return FALSE;
      }
  *breaks = parsed;
  return TRUE;
}

/* The lower bounds of classes 2 to 6 as hc_heat_breaks_parse() reads them. */
char *
hc_heat_breaks_to_string (const HcHeatBreaks *breaks)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_return_val_if_fail (breaks != NULL, NULL);

  for (guint k = 1; k < HC_HEAT_SCALE_N_CLASSES; k++)
    {
      g_autofree char *text = hc_heat_scale_format (breaks->lower[k]);

      if (k > 1)
        g_string_append (s, ", ");
      g_string_append (s, text);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The class of @value: zero (and no data at all) is the lightest class,
 * as is everything when the breaks are all zero (a map of zeros). */
guint
hc_heat_breaks_class (const HcHeatBreaks *breaks,
                      double              value)
{
  g_return_val_if_fail (breaks != NULL, 0);

  if (value <= 0 || breaks->lower[HC_HEAT_SCALE_N_CLASSES - 1] <= 0)
    return 0;
  for (guint k = HC_HEAT_SCALE_N_CLASSES - 1; k > 0; k--)
    if (value >= breaks->lower[k])
      return k;
  return 0;
}

/* The class of @value on equal intervals from 0 to @max. */
guint
hc_heat_scale_class (double value,
                     double max)
{
  HcHeatBreaks breaks;

  hc_heat_breaks_init_equal (&breaks, max);
  return hc_heat_breaks_class (&breaks, value);
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

/**
 * hc_heat_breaks_class_text:
 * @whole: the values are counts: a class then reads from the first whole
 *   number in it to the last ("0–2", "3–5" …) rather than "0–1.67"
 *
 * Returns: (transfer full): the range of values of @klass, as the legend
 *   shows it; the last class is open upwards ("≥ 15")
 */
char *
hc_heat_breaks_class_text (const HcHeatBreaks *breaks,
                           guint               klass,
                           gboolean            whole)
{
  double low, high;
  g_autofree char *low_text = NULL;
  g_autofree char *high_text = NULL;

  g_return_val_if_fail (breaks != NULL, NULL);
  g_return_val_if_fail (klass < HC_HEAT_SCALE_N_CLASSES, NULL);

  low = whole ? ceil (breaks->lower[klass] - 1e-9) : breaks->lower[klass];
  low_text = hc_heat_scale_format (low);
  if (klass == HC_HEAT_SCALE_N_CLASSES - 1 || breaks->lower[HC_HEAT_SCALE_N_CLASSES - 1] <= 0)
    /* TRANSLATORS: a heat map legend class: this value or more */
    return g_strdup_printf (_("≥ %s"), low_text);
  high = whole ? ceil (breaks->lower[klass + 1] - 1e-9) - 1 : breaks->lower[klass + 1];
  if (whole && high < low)
    /* TRANSLATORS: a heat map legend class that holds no whole number */
    return g_strdup (_("none"));
  if (whole && high == low)
    return g_steal_pointer (&low_text);
  high_text = hc_heat_scale_format (high);
  /* TRANSLATORS: a heat map legend class: from this value to that one */
  return g_strdup_printf (_("%s–%s"), low_text, high_text);
}

double
hc_heat_scale_legend_width (GtkWidget          *widget,
                            const HcHeatBreaks *breaks,
                            gboolean            whole)
{
  double width = 0;

  for (guint k = 0; k < HC_HEAT_SCALE_N_CLASSES; k++)
    {
      g_autofree char *text = hc_heat_breaks_class_text (breaks, k, whole);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      width += SWATCH + 4 + w + GAP;
    }
  return width;
}

/* One row of swatches, each with the range of its class, at @x, @y. */
void
hc_heat_scale_snapshot_legend (GtkWidget          *widget,
                               GtkSnapshot        *snapshot,
                               double              x,
                               double              y,
                               const HcHeatBreaks *breaks,
                               gboolean            whole)
{
  GdkRGBA fg, border = { 0, 0, 0, 0.35 };

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  for (guint k = 0; k < HC_HEAT_SCALE_N_CLASSES; k++)
    {
      g_autofree char *text = hc_heat_breaks_class_text (breaks, k, whole);
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
