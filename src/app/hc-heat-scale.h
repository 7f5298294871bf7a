/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The heat map's sequential colour scale, shared by the map and the matrix. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HC_HEAT_SCALE_N_CLASSES 6

/* Where the classes start: lower[0] is 0, lower[k] the value from which a
 * value is in class k. Equal intervals up to a map's largest value by
 * default; fixed (across years, or set by hand) to compare maps. */
typedef struct
{
  double lower[HC_HEAT_SCALE_N_CLASSES];
} HcHeatBreaks;

#define HC_HEAT_SCALE_ERROR (hc_heat_scale_error_quark ())

typedef enum
{
  HC_HEAT_SCALE_ERROR_INVALID,
} HcHeatScaleError;

GQuark hc_heat_scale_error_quark (void);

void     hc_heat_breaks_init_equal (HcHeatBreaks       *breaks,
                                    double              max);
gboolean hc_heat_breaks_parse      (HcHeatBreaks       *breaks,
                                    const char         *text,
                                    GError            **error);
char    *hc_heat_breaks_to_string  (const HcHeatBreaks *breaks);
guint    hc_heat_breaks_class      (const HcHeatBreaks *breaks,
                                    double              value);
char    *hc_heat_breaks_class_text (const HcHeatBreaks *breaks,
                                    guint               klass,
                                    gboolean            whole);

guint  hc_heat_scale_class       (double   value,
                                  double   max);
void   hc_heat_scale_class_color (guint    klass,
                                  GdkRGBA *color);
double hc_heat_scale_lower_bound (guint    klass,
                                  double   max);
char  *hc_heat_scale_format      (double   value);
void   hc_heat_scale_snapshot_legend (GtkWidget          *widget,
                                      GtkSnapshot        *snapshot,
                                      double              x,
                                      double              y,
                                      const HcHeatBreaks *breaks,
                                      gboolean            whole);
double hc_heat_scale_legend_width (GtkWidget          *widget,
                                   const HcHeatBreaks *breaks,
                                   gboolean            whole);

G_END_DECLS
