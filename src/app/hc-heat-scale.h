/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The heat map's sequential colour scale, shared by the map and the matrix. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HC_HEAT_SCALE_N_CLASSES 6

guint  hc_heat_scale_class       (double   value,
                                  double   max);
void   hc_heat_scale_class_color (guint    klass,
                                  GdkRGBA *color);
double hc_heat_scale_lower_bound (guint    klass,
                                  double   max);
char  *hc_heat_scale_format      (double   value);
void   hc_heat_scale_snapshot_legend (GtkWidget   *widget,
                                      GtkSnapshot *snapshot,
                                      double       x,
                                      double       y,
                                      double       max,
                                      gboolean     whole);
double hc_heat_scale_legend_width (GtkWidget *widget,
                                   double     max,
                                   gboolean     whole);

G_END_DECLS
