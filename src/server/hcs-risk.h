/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 风险事件: the writes of a risk event, as domain functions that run in the
 * caller's transaction (an HcsWrite) and report refusals in HCS_ERROR. */
#pragma once

#include <json-glib/json-glib.h>

#include "hcs-store-risk-alerts.h"
#include "hcs-store-risk.h"

G_BEGIN_DECLS

gint64  hcs_risk_create_event  (HcsStore          *store,
                                HcsRiskEventNew   *event,
                                const char        *subject,
                                gboolean           has_department,
                                JsonObject       **after,
                                GError           **error);

gboolean hcs_risk_evaluate       (HcsStore          *store,
                                 const char        *region,
                                 const char        *category,
                                 const char        *month,
                                 guint             *n_raised,
                                 GError           **error);
gboolean hcs_risk_rejudge_rule   (HcsStore          *store,
                                 JsonObject        *rule,
                                 JsonObject       **summary,
                                 GError           **error);
gboolean hcs_risk_alert_move     (HcsStore          *store,
                                 gint64             id,
                                 gint64             version,
                                 const char        *state,
                                 const char        *by,
                                 const char        *note,
                                 JsonObject       **before,
                                 JsonObject       **after,
                                 GError           **error);

G_END_DECLS
