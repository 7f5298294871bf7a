/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspectionsPane: 双随机、一公开 — inspection plans, their draws, results,
 * and the publicity of the results. */
#pragma once

#include "hc-inspection-publicity-view.h"
#include "hc-pane.h"

G_BEGIN_DECLS

#define HC_TYPE_INSPECTIONS_PANE (hc_inspections_pane_get_type ())

G_DECLARE_FINAL_TYPE (HcInspectionsPane, hc_inspections_pane, HC, INSPECTIONS_PANE, HcPane)

GListModel       *hc_inspections_pane_get_plans            (HcInspectionsPane *self);
HcInspectionPlan *hc_inspections_pane_get_plan             (HcInspectionsPane *self);
GListModel       *hc_inspections_pane_get_inspections      (HcInspectionsPane *self);
void              hc_inspections_pane_select_plan          (HcInspectionsPane *self,
                                                            guint              position);
void              hc_inspections_pane_select_inspection    (HcInspectionsPane *self,
                                                            guint              position);
gboolean          hc_inspections_pane_get_busy             (HcInspectionsPane *self);
const char       *hc_inspections_pane_get_message          (HcInspectionsPane *self);
GtkWindow        *hc_inspections_pane_get_dialog           (HcInspectionsPane *self);
void              hc_inspections_pane_show_view            (HcInspectionsPane *self,
                                                            const char        *name);
HcInspectionPublicityView *hc_inspections_pane_get_publicity_view (HcInspectionsPane *self);

G_END_DECLS
