/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRiskRule: one early-warning rule (预警规则) in force, as GET /risk/rules
 * lists it. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_RISK_RULE (hc_risk_rule_get_type ())

G_DECLARE_FINAL_TYPE (HcRiskRule, hc_risk_rule, HC, RISK_RULE, GObject)

HcRiskRule *hc_risk_rule_new_from_json      (JsonObject *obj);
HcRiskRule *hc_risk_rule_new_with_etag      (JsonObject *obj,
                                             const char *etag);
gint64      hc_risk_rule_get_id             (HcRiskRule *self);
const char *hc_risk_rule_get_category       (HcRiskRule *self);
const char *hc_risk_rule_get_category_label (HcRiskRule *self);
const char *hc_risk_rule_get_region         (HcRiskRule *self);
const char *hc_risk_rule_get_region_name    (HcRiskRule *self);
const char *hc_risk_rule_get_kind           (HcRiskRule *self);
gint64      hc_risk_rule_get_window_months  (HcRiskRule *self);
double      hc_risk_rule_get_threshold      (HcRiskRule *self);
char       *hc_risk_rule_dup_line_text      (HcRiskRule *self);
const char *hc_risk_rule_get_created_by     (HcRiskRule *self);
gint64      hc_risk_rule_get_version        (HcRiskRule *self);
const char *hc_risk_rule_get_etag           (HcRiskRule *self);
int         hc_risk_rule_get_n_raised       (HcRiskRule *self);
int         hc_risk_rule_get_n_no_longer_met (HcRiskRule *self);

G_END_DECLS
