/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspectionPlanDialog: a new 双随机、一公开 inspection plan. */
#pragma once

#include <adwaita.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_INSPECTION_PLAN_DIALOG (hc_inspection_plan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HcInspectionPlanDialog, hc_inspection_plan_dialog, HC, INSPECTION_PLAN_DIALOG, AdwWindow)

HcInspectionPlanDialog *hc_inspection_plan_dialog_new         (GtkWindow              *parent,
                                                               HcClient               *client);
gboolean                hc_inspection_plan_dialog_get_busy    (HcInspectionPlanDialog *self);
const char             *hc_inspection_plan_dialog_get_message (HcInspectionPlanDialog *self);
guint                   hc_inspection_plan_dialog_get_n_departments (HcInspectionPlanDialog *self);
guint                   hc_inspection_plan_dialog_get_n_inspectors  (HcInspectionPlanDialog *self);
guint                   hc_inspection_plan_dialog_get_n_shown       (HcInspectionPlanDialog *self);
guint                   hc_inspection_plan_dialog_get_n_picked      (HcInspectionPlanDialog *self);

G_END_DECLS
