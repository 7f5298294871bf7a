/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcHeatmapPane: the Risk Heat Map pane of the main window. */
#pragma once

#include <gtk/gtk.h>

#include "hc-pane.h"
#include "hc-heatmap-classes.h"
#include "hc-heatmap-matrix.h"
#include "hc-region-map.h"

G_BEGIN_DECLS

#define HC_TYPE_HEATMAP_PANE (hc_heatmap_pane_get_type ())

G_DECLARE_FINAL_TYPE (HcHeatmapPane, hc_heatmap_pane, HC, HEATMAP_PANE, HcPane)

/* The pane's views, in the order of its view menu. */
typedef enum
{
  HC_HEATMAP_VIEW_MAP,
  HC_HEATMAP_VIEW_REGION_MONTH,
  HC_HEATMAP_VIEW_REGION_CATEGORY,
} HcHeatmapView;

/* The measures, in the order of the measure menu. */
typedef enum
{
  HC_HEATMAP_MEASURE_COUNT,
  HC_HEATMAP_MEASURE_PER_10K,
  HC_HEATMAP_MEASURE_SEVERITY,
  HC_HEATMAP_MEASURE_GRADES,      /* the credit grades in force, not events */
} HcHeatmapMeasure;

void             hc_heatmap_pane_set_view    (HcHeatmapPane *self,
                                              HcHeatmapView  view);
void             hc_heatmap_pane_set_measure (HcHeatmapPane    *self,
                                              HcHeatmapMeasure  measure);
gboolean         hc_heatmap_pane_get_busy    (HcHeatmapPane *self);
HcRegionMap     *hc_heatmap_pane_get_map     (HcHeatmapPane *self);
HcHeatmapMatrix *hc_heatmap_pane_get_matrix  (HcHeatmapPane *self);
GListModel      *hc_heatmap_pane_get_events  (HcHeatmapPane *self);
GListModel      *hc_heatmap_pane_get_alerts  (HcHeatmapPane *self);
void             hc_heatmap_pane_select_alert (HcHeatmapPane *self,
                                               guint          position);
const char      *hc_heatmap_pane_get_alerts_message (HcHeatmapPane *self);
void             hc_heatmap_pane_set_breaks_mode (HcHeatmapPane       *self,
                                                  HcHeatmapBreaksMode  mode);
HcHeatmapBreaksMode hc_heatmap_pane_get_breaks_mode (HcHeatmapPane *self);
gboolean         hc_heatmap_pane_export_image_to_file (HcHeatmapPane  *self,
                                                       GFile          *file,
                                                       GError        **error);
gboolean         hc_heatmap_pane_set_period  (HcHeatmapPane *self,
                                              const char    *from,
                                              const char    *to);

G_END_DECLS
