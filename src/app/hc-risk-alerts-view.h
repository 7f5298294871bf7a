/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRiskAlertsView: the open early-warning alerts (预警) beside the heat
 * map, which an analyst acknowledges with a note and a supervisor closes. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_RISK_ALERTS_VIEW (hc_risk_alerts_view_get_type ())

G_DECLARE_FINAL_TYPE (HcRiskAlertsView, hc_risk_alerts_view, HC, RISK_ALERTS_VIEW, GtkWidget)

void        hc_risk_alerts_view_set_client   (HcRiskAlertsView *self,
                                              HcClient         *client);
void        hc_risk_alerts_view_reload       (HcRiskAlertsView *self);
gboolean    hc_risk_alerts_view_get_busy     (HcRiskAlertsView *self);
GListModel *hc_risk_alerts_view_get_alerts   (HcRiskAlertsView *self);
void        hc_risk_alerts_view_select       (HcRiskAlertsView *self,
                                              guint             position);
const char *hc_risk_alerts_view_get_message  (HcRiskAlertsView *self);

G_END_DECLS
