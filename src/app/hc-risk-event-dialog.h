/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRiskEventDialog: an analyst records a risk event (风险事件) from the app. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_RISK_EVENT_DIALOG (hc_risk_event_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HcRiskEventDialog, hc_risk_event_dialog, HC, RISK_EVENT_DIALOG, GtkWindow)

HcRiskEventDialog *hc_risk_event_dialog_new          (HcClient          *client,
                                                      const char        *region,
                                                      const char        *category);
GtkWidget         *hc_risk_event_dialog_get_field    (HcRiskEventDialog *self,
                                                      const char        *field);
const char        *hc_risk_event_dialog_get_message  (HcRiskEventDialog *self);
void               hc_risk_event_dialog_save         (HcRiskEventDialog *self);
gboolean           hc_risk_event_dialog_get_busy     (HcRiskEventDialog *self);

G_END_DECLS
