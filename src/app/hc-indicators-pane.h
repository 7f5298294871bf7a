/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorsPane: the Indicator Dashboard pane of the main window. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_INDICATORS_PANE (hc_indicators_pane_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorsPane, hc_indicators_pane, HC, INDICATORS_PANE, GtkWidget)

HcClient *hc_indicators_pane_get_client (HcIndicatorsPane *self);
void      hc_indicators_pane_set_client (HcIndicatorsPane *self,
                                    HcClient     *client);

G_END_DECLS
