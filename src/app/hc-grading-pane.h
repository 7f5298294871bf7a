/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcGradingPane: the 公共信用综合评价 model's versions and their editor. */
#pragma once

#include "hc-pane.h"

G_BEGIN_DECLS

#define HC_TYPE_GRADING_PANE (hc_grading_pane_get_type ())

G_DECLARE_FINAL_TYPE (HcGradingPane, hc_grading_pane, HC, GRADING_PANE, HcPane)

GListModel     *hc_grading_pane_get_versions   (HcGradingPane *self);
HcGradingModel *hc_grading_pane_get_model      (HcGradingPane *self);
HcGradingPass  *hc_grading_pane_get_preview    (HcGradingPane *self);
void            hc_grading_pane_select_version (HcGradingPane *self,
                                                guint          position);
gboolean        hc_grading_pane_set_weight     (HcGradingPane *self,
                                                const char    *factor,
                                                gint64         weight);
void            hc_grading_pane_set_base_score (HcGradingPane *self,
                                                gint64         score);
gboolean        hc_grading_pane_get_editable   (HcGradingPane *self);
gboolean        hc_grading_pane_get_busy       (HcGradingPane *self);
const char     *hc_grading_pane_get_message    (HcGradingPane *self);
GtkWindow      *hc_grading_pane_get_dialog     (HcGradingPane *self);
const char     *hc_grading_pane_get_field      (HcGradingPane *self);
void            hc_grading_pane_set_band       (HcGradingPane *self,
                                                guint          band,
                                                gint64         score);
AdwEntryRow    *hc_grading_pane_get_title_row  (HcGradingPane *self);
gboolean        hc_grading_pane_band_marked    (HcGradingPane *self,
                                                guint          band);

G_END_DECLS
