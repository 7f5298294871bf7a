/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the UI tests do in the indicators pane's dialogs, as a user would. */
#pragma once

#include "hc-indicator-records-view.h"
#include "hc-indicator-region-chart.h"
#include "hc-indicator-regions-view.h"
#include "hc-indicator-review-view.h"
#include "hc-indicator-table-button.h"
#include "hc-indicators-pane.h"

G_BEGIN_DECLS

void        hc_indicators_pane_submit_dialog_fill  (HcIndicatorsPane *self,
                                                    const char       *value,
                                                    const char       *evidence);
void        hc_indicators_pane_submit_dialog_send  (HcIndicatorsPane *self);
const char *hc_indicators_pane_submit_dialog_error (HcIndicatorsPane *self,
                                                    const char       *field);
void        hc_indicators_pane_return_dialog_fill  (HcIndicatorsPane *self,
                                                    const char       *comment);
void        hc_indicators_pane_return_dialog_send  (HcIndicatorsPane *self);
HcIndicatorRegionChart *hc_indicators_pane_get_region_chart (HcIndicatorsPane *self);
void        hc_indicators_pane_show_view           (HcIndicatorsPane *self,
                                                    const char       *name);
HcIndicatorReviewView *hc_indicators_pane_get_review_view (HcIndicatorsPane *self);
HcIndicatorRegionsView *hc_indicators_pane_get_regions_view (HcIndicatorsPane *self);
HcIndicatorRecordsView *hc_indicators_pane_get_records_view (HcIndicatorsPane *self);
HcIndicatorTableButton *hc_indicators_pane_get_table_button (HcIndicatorsPane *self);

G_END_DECLS
