/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorChart: an indicator's yearly values as bars against its target. */
#pragma once

#include <gtk/gtk.h>

#include "hc-indicator-detail.h"

G_BEGIN_DECLS

#define HC_TYPE_INDICATOR_CHART (hc_indicator_chart_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorChart, hc_indicator_chart, HC, INDICATOR_CHART, GtkDrawingArea)

HcIndicatorDetail *hc_indicator_chart_get_detail (HcIndicatorChart  *self);
void               hc_indicator_chart_set_detail (HcIndicatorChart  *self,
                                                  HcIndicatorDetail *detail);
int                hc_indicator_chart_get_year   (HcIndicatorChart  *self);
void               hc_indicator_chart_set_year   (HcIndicatorChart  *self,
                                                  int                year);

gboolean           hc_indicator_chart_get_bar (HcIndicatorChart  *self,
                                               guint              index,
                                               graphene_rect_t   *rect);

G_END_DECLS
