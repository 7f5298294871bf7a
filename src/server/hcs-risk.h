/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 风险事件: the writes of a risk event, as domain functions that run in the
 * caller's transaction (an HcsWrite) and report refusals in HCS_ERROR. */
#pragma once

#include <json-glib/json-glib.h>

#include "hcs-store-risk.h"

G_BEGIN_DECLS

gint64  hcs_risk_create_event  (HcsStore          *store,
                                HcsRiskEventNew   *event,
                                const char        *subject,
                                gboolean           has_department,
                                JsonObject       **after,
                                GError           **error);

G_END_DECLS
