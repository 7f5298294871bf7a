/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcHeatmapPane: the Risk Heat Map pane of the main window. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_HEATMAP_PANE (hc_heatmap_pane_get_type ())

G_DECLARE_FINAL_TYPE (HcHeatmapPane, hc_heatmap_pane, HC, HEATMAP_PANE, GtkWidget)

HcClient *hc_heatmap_pane_get_client (HcHeatmapPane *self);
void      hc_heatmap_pane_set_client (HcHeatmapPane *self,
                                    HcClient     *client);

G_END_DECLS
