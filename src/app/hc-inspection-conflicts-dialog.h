/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspectionConflictsDialog: a plan's declared conflicts (inspector ↔
 * subject), added and withdrawn until the plan is drawn. */
#pragma once

#include <adwaita.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_INSPECTION_CONFLICTS_DIALOG (hc_inspection_conflicts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HcInspectionConflictsDialog, hc_inspection_conflicts_dialog, HC, INSPECTION_CONFLICTS_DIALOG,
                      AdwWindow)

HcInspectionConflictsDialog *hc_inspection_conflicts_dialog_new         (GtkWindow                   *parent,
                                                                         HcClient                    *client,
                                                                         HcInspectionPlan            *plan);
HcInspectionPlan            *hc_inspection_conflicts_dialog_get_plan    (HcInspectionConflictsDialog *self);
gboolean                     hc_inspection_conflicts_dialog_get_busy    (HcInspectionConflictsDialog *self);
const char                  *hc_inspection_conflicts_dialog_get_message (HcInspectionConflictsDialog *self);
const char                  *hc_inspection_conflicts_dialog_get_field   (HcInspectionConflictsDialog *self);

G_END_DECLS
