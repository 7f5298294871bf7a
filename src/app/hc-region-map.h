/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRegionMap: a choropleth map of Hainan's 19 市县 (三沙 as an inset). */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"
#include "hc-heat-scale.h"

G_BEGIN_DECLS

#define HC_TYPE_REGION_MAP (hc_region_map_get_type ())

G_DECLARE_FINAL_TYPE (HcRegionMap, hc_region_map, HC, REGION_MAP, GtkWidget)

GtkWidget  *hc_region_map_new                 (void);
HcHeatmap  *hc_region_map_get_heatmap         (HcRegionMap *self);
void        hc_region_map_set_heatmap         (HcRegionMap *self,
                                               HcHeatmap   *heatmap);
const char *hc_region_map_get_selected_region (HcRegionMap *self);
void        hc_region_map_set_selected_region (HcRegionMap *self,
                                               const char  *region);
gboolean    hc_region_map_get_region_point    (HcRegionMap *self,
                                               const char  *region,
                                               double      *x,
                                               double      *y);
char       *hc_region_map_get_region_at       (HcRegionMap *self,
                                               double       x,
                                               double       y);
void        hc_region_map_set_alert_regions   (HcRegionMap        *self,
                                               const char * const *regions);
gboolean    hc_region_map_has_alert           (HcRegionMap *self,
                                               const char  *region);
gboolean    hc_region_map_get_alert_point     (HcRegionMap *self,
                                               const char  *region,
                                               double      *x,
                                               double      *y);
void        hc_region_map_get_alert_color     (GdkRGBA     *color);
void        hc_region_map_set_breaks          (HcRegionMap        *self,
                                               const HcHeatBreaks *breaks);
void        hc_region_map_set_legend_title    (HcRegionMap *self,
                                               const char  *title);
const char *hc_region_map_get_legend_title    (HcRegionMap *self);
void        hc_region_map_get_breaks          (HcRegionMap  *self,
                                               HcHeatBreaks *breaks);

G_END_DECLS
