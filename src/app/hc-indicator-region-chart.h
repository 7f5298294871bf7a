/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorRegionChart: one year of an indicator's 19 市县 as bars against
 * each one's target, the laggards standing out. */
#pragma once

#include <gtk/gtk.h>

#include "hc-indicator-detail.h"

G_BEGIN_DECLS

#define HC_TYPE_INDICATOR_REGION_CHART (hc_indicator_region_chart_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorRegionChart, hc_indicator_region_chart, HC, INDICATOR_REGION_CHART, GtkDrawingArea)

HcIndicatorDetail *hc_indicator_region_chart_get_detail     (HcIndicatorRegionChart *self);
void               hc_indicator_region_chart_set_detail     (HcIndicatorRegionChart *self,
                                                             HcIndicatorDetail      *detail);
int                hc_indicator_region_chart_get_year       (HcIndicatorRegionChart *self);
void               hc_indicator_region_chart_set_year       (HcIndicatorRegionChart *self,
                                                             int                     year);
guint              hc_indicator_region_chart_get_n_bars     (HcIndicatorRegionChart *self);
guint              hc_indicator_region_chart_get_n_lagging  (HcIndicatorRegionChart *self);

gboolean           hc_indicator_region_chart_get_bar (HcIndicatorRegionChart  *self,
                                                      guint                    index,
                                                      graphene_rect_t         *rect);

G_END_DECLS
