/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRiskRulesDialog: the early-warning rules (预警规则) in force, and the
 * form that adds, edits or deletes one (a supervisor's). */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_RISK_RULES_DIALOG (hc_risk_rules_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HcRiskRulesDialog, hc_risk_rules_dialog, HC, RISK_RULES_DIALOG, GtkWindow)

HcRiskRulesDialog *hc_risk_rules_dialog_new             (HcClient          *client);
gboolean           hc_risk_rules_dialog_get_busy        (HcRiskRulesDialog *self);
GListModel        *hc_risk_rules_dialog_get_rules       (HcRiskRulesDialog *self);
void               hc_risk_rules_dialog_select          (HcRiskRulesDialog *self,
                                                         guint              position);
gboolean           hc_risk_rules_dialog_get_editing     (HcRiskRulesDialog *self);
GtkWidget         *hc_risk_rules_dialog_get_field       (HcRiskRulesDialog *self,
                                                         const char        *field);
const char        *hc_risk_rules_dialog_get_field_error (HcRiskRulesDialog *self,
                                                         const char        *field);
const char        *hc_risk_rules_dialog_get_message     (HcRiskRulesDialog *self);

G_END_DECLS
