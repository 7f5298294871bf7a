/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcHeatmapMatrix: a heat map as a table of coloured cells, 市县 × month or category. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"
#include "hc-heat-scale.h"

G_BEGIN_DECLS

#define HC_TYPE_HEATMAP_MATRIX (hc_heatmap_matrix_get_type ())

G_DECLARE_FINAL_TYPE (HcHeatmapMatrix, hc_heatmap_matrix, HC, HEATMAP_MATRIX, GtkWidget)

GtkWidget *hc_heatmap_matrix_new           (void);
HcHeatmap *hc_heatmap_matrix_get_heatmap   (HcHeatmapMatrix *self);
void       hc_heatmap_matrix_set_heatmap   (HcHeatmapMatrix *self,
                                            HcHeatmap       *heatmap);
int        hc_heatmap_matrix_get_selected_row    (HcHeatmapMatrix *self);
int        hc_heatmap_matrix_get_selected_column (HcHeatmapMatrix *self);
void       hc_heatmap_matrix_select_cell   (HcHeatmapMatrix *self,
                                            int              row,
                                            int              column);
gboolean   hc_heatmap_matrix_get_cell_area (HcHeatmapMatrix *self,
                                            guint            row,
                                            guint            column,
                                            graphene_rect_t *area);
void       hc_heatmap_matrix_set_breaks    (HcHeatmapMatrix    *self,
                                            const HcHeatBreaks *breaks);
void       hc_heatmap_matrix_get_breaks    (HcHeatmapMatrix *self,
                                            HcHeatBreaks    *breaks);

G_END_DECLS
