/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcHeatmapClasses: the heat map pane's colour classes — each map's own, fixed
 * by the plan's years 2021–2025, or set by hand. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"
#include "hc-heat-scale.h"

G_BEGIN_DECLS

/* The colour classes, in the order of the classes menu. */
typedef enum
{
  HC_HEATMAP_BREAKS_OWN,          /* equal intervals up to the values shown */
  HC_HEATMAP_BREAKS_FIXED_RANGE,  /* … up to the largest of 2021 to 2025 */
  HC_HEATMAP_BREAKS_BY_HAND,
} HcHeatmapBreaksMode;

#define HC_TYPE_HEATMAP_CLASSES (hc_heatmap_classes_get_type ())

G_DECLARE_FINAL_TYPE (HcHeatmapClasses, hc_heatmap_classes, HC, HEATMAP_CLASSES, GObject)

HcHeatmapClasses   *hc_heatmap_classes_new      (void);
HcHeatmapBreaksMode hc_heatmap_classes_get_mode (HcHeatmapClasses    *self);
void                hc_heatmap_classes_set_mode (HcHeatmapClasses    *self,
                                                 HcHeatmapBreaksMode  mode);
gboolean            hc_heatmap_classes_get_busy (HcHeatmapClasses    *self);
gboolean            hc_heatmap_classes_lookup   (HcHeatmapClasses    *self,
                                                 HcClient            *client,
                                                 const char          *by,
                                                 const char          *category,
                                                 const char          *measure,
                                                 const char          *normalize,
                                                 const HcHeatBreaks **breaks);
void                hc_heatmap_classes_ask_by_hand (HcHeatmapClasses   *self,
                                                    GtkWidget          *parent,
                                                    const HcHeatBreaks *current);
void                hc_heatmap_classes_cancel   (HcHeatmapClasses    *self);

G_END_DECLS
