/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRiskEvent: one risk event (风险事件) as the heat map's drill-down lists it. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_RISK_EVENT (hc_risk_event_get_type ())

G_DECLARE_FINAL_TYPE (HcRiskEvent, hc_risk_event, HC, RISK_EVENT, GObject)

HcRiskEvent *hc_risk_event_new                (gint64      id,
                                               const char *region,
                                               const char *occurred_on,
                                               const char *category,
                                               int         severity,
                                               const char *title);
HcRiskEvent *hc_risk_event_new_from_json      (JsonObject *obj);
gint64       hc_risk_event_get_id             (HcRiskEvent *self);
const char  *hc_risk_event_get_region         (HcRiskEvent *self);
const char  *hc_risk_event_get_region_name    (HcRiskEvent *self);
const char  *hc_risk_event_get_occurred_on    (HcRiskEvent *self);
const char  *hc_risk_event_get_category       (HcRiskEvent *self);
const char  *hc_risk_event_get_category_label (HcRiskEvent *self);
int          hc_risk_event_get_severity       (HcRiskEvent *self);
const char  *hc_risk_event_get_title          (HcRiskEvent *self);

G_END_DECLS
