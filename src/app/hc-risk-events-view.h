/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRiskEventsView: the heat map's drill-down — the risk events of the
 * 市县, cell or alert chosen, a page at a time. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_RISK_EVENTS_VIEW (hc_risk_events_view_get_type ())

G_DECLARE_FINAL_TYPE (HcRiskEventsView, hc_risk_events_view, HC, RISK_EVENTS_VIEW, GtkWidget)

void        hc_risk_events_view_set_client (HcRiskEventsView *self,
                                            HcClient         *client);
void        hc_risk_events_view_show       (HcRiskEventsView *self,
                                            const char       *region,
                                            const char       *category,
                                            const char       *from,
                                            const char       *to);
gboolean    hc_risk_events_view_get_busy   (HcRiskEventsView *self);
GListModel *hc_risk_events_view_get_events (HcRiskEventsView *self);
const char *hc_risk_events_view_get_search (HcRiskEventsView *self);
void        hc_risk_events_view_set_search (HcRiskEventsView *self,
                                            const char       *search);

G_END_DECLS
