/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRiskAlert: one early-warning alert (预警) raised by a risk rule, as
 * GET /risk/alerts lists it. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_RISK_ALERT (hc_risk_alert_get_type ())

G_DECLARE_FINAL_TYPE (HcRiskAlert, hc_risk_alert, HC, RISK_ALERT, GObject)

HcRiskAlert *hc_risk_alert_new_from_json      (JsonObject  *obj);
HcRiskAlert *hc_risk_alert_new_with_etag      (JsonObject  *obj,
                                               const char  *etag);
gint64       hc_risk_alert_get_id             (HcRiskAlert *self);
gint64       hc_risk_alert_get_rule_id        (HcRiskAlert *self);
const char  *hc_risk_alert_get_region         (HcRiskAlert *self);
const char  *hc_risk_alert_get_region_name    (HcRiskAlert *self);
const char  *hc_risk_alert_get_category       (HcRiskAlert *self);
const char  *hc_risk_alert_get_category_label (HcRiskAlert *self);
const char  *hc_risk_alert_get_kind           (HcRiskAlert *self);
const char  *hc_risk_alert_get_state          (HcRiskAlert *self);
const char  *hc_risk_alert_get_state_label    (HcRiskAlert *self);
gboolean     hc_risk_alert_get_is_open        (HcRiskAlert *self);
const char  *hc_risk_alert_get_window_from    (HcRiskAlert *self);
const char  *hc_risk_alert_get_window_to      (HcRiskAlert *self);
gint64       hc_risk_alert_get_events         (HcRiskAlert *self);
double       hc_risk_alert_get_value          (HcRiskAlert *self);
double       hc_risk_alert_get_threshold      (HcRiskAlert *self);
char        *hc_risk_alert_dup_measure_text   (HcRiskAlert *self);
char        *hc_risk_alert_dup_value_text     (HcRiskAlert *self);
char        *hc_risk_alert_dup_threshold_text (HcRiskAlert *self);
const char  *hc_risk_alert_get_raised_at      (HcRiskAlert *self);
const char  *hc_risk_alert_get_raised_on      (HcRiskAlert *self);
const char  *hc_risk_alert_get_acknowledged_by (HcRiskAlert *self);
const char  *hc_risk_alert_get_note           (HcRiskAlert *self);
const char  *hc_risk_alert_get_closed_by      (HcRiskAlert *self);
gboolean     hc_risk_alert_get_lapsed         (HcRiskAlert *self);
char        *hc_risk_alert_dup_lapsed_text    (HcRiskAlert *self);
gint64       hc_risk_alert_get_version        (HcRiskAlert *self);
const char  *hc_risk_alert_get_etag           (HcRiskAlert *self);

G_END_DECLS
