/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorsPane: the Indicator Dashboard pane of the main window. */
#pragma once

#include <gtk/gtk.h>

#include "hc-pane.h"
#include "hc-indicator-detail.h"

G_BEGIN_DECLS

#define HC_TYPE_INDICATORS_PANE (hc_indicators_pane_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorsPane, hc_indicators_pane, HC, INDICATORS_PANE, HcPane)

int                hc_indicators_pane_get_year            (HcIndicatorsPane *self);
void               hc_indicators_pane_set_year            (HcIndicatorsPane *self,
                                                           int               year);
GListModel        *hc_indicators_pane_get_indicators      (HcIndicatorsPane *self);
gboolean           hc_indicators_pane_select              (HcIndicatorsPane *self,
                                                           const char       *key);
HcIndicatorDetail *hc_indicators_pane_get_detail          (HcIndicatorsPane *self);
gboolean           hc_indicators_pane_get_busy            (HcIndicatorsPane *self);
const char        *hc_indicators_pane_get_message         (HcIndicatorsPane *self);

G_END_DECLS
