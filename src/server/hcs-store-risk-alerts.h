/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for the heat map's early warning: rules, the figures they are judged
 * on, and the alerts they raise. */
#pragma once

#include "hcs-request.h"

G_BEGIN_DECLS

typedef struct
{
  const char *category;
  const char *region;         /* nullable: every 市县 */
  const char *kind;           /* "threshold" or "rise" */
  gint64      window_months;
  double      threshold;
  const char *created_by;
} HcsRiskRuleNew;

typedef struct
{
  gint64      rule_id;
  const char *region;
  const char *category;
  const char *kind;
  const char *window_from;    /* YYYY-MM */
  const char *window_to;      /* YYYY-MM */
  gint64      events;
  double      value;
  double      threshold;
} HcsRiskAlertNew;

JsonArray  *hcs_store_risk_rules_list      (HcsStore               *store,
                                            const HcsPage          *page,
                                            gint64                 *total,
                                            GError                **error);
JsonObject *hcs_store_risk_rules_get       (HcsStore               *store,
                                            gint64                  id,
                                            GError                **error);
gint64      hcs_store_risk_rules_insert    (HcsStore               *store,
                                            const HcsRiskRuleNew   *rule,
                                            GError                **error);
gboolean    hcs_store_risk_rules_update    (HcsStore               *store,
                                            gint64                  id,
                                            gint64                  version,
                                            const HcsRiskRuleNew   *rule,
                                            GError                **error);
gboolean    hcs_store_risk_rules_retire    (HcsStore               *store,
                                            gint64                  id,
                                            gint64                  version,
                                            GError                **error);
JsonArray  *hcs_store_risk_rules_matching  (HcsStore               *store,
                                            const char             *category,
                                            const char             *region,
                                            GError                **error);
gint64      hcs_store_risk_window_events   (HcsStore               *store,
                                            const char             *region,
                                            const char             *category,
                                            const char             *from_month,
                                            const char             *to_month,
                                            GError                **error);
gint64      hcs_store_risk_enterprises     (HcsStore               *store,
                                            const char             *region,
                                            GError                **error);
gboolean    hcs_store_risk_latest_month    (HcsStore               *store,
                                            const char             *upto,
                                            char                  **month,
                                            GError                **error);
gint64      hcs_store_risk_alerts_open_id  (HcsStore               *store,
                                            gint64                  rule_id,
                                            const char             *region,
                                            GError                **error);
gint64      hcs_store_risk_alerts_insert   (HcsStore               *store,
                                            const HcsRiskAlertNew  *alert,
                                            GError                **error);
JsonArray  *hcs_store_risk_alerts_list     (HcsStore               *store,
                                            const char             *state,
                                            const char             *region,
                                            const HcsPage          *page,
                                            gint64                 *total,
                                            GError                **error);
JsonObject *hcs_store_risk_alerts_get      (HcsStore               *store,
                                            gint64                  id,
                                            GError                **error);
gboolean    hcs_store_risk_alerts_set_state (HcsStore              *store,
                                            gint64                  id,
                                            gint64                  version,
                                            const char             *state,
                                            const char             *by,
                                            const char             *note,
                                            GError                **error);
JsonArray  *hcs_store_risk_alerts_open_of_rule (HcsStore           *store,
                                                gint64              rule_id,
                                                GError            **error);
gboolean    hcs_store_risk_alerts_set_lapsed (HcsStore             *store,
                                              gint64                id,
                                              gboolean              lapsed,
                                              const double         *value,
                                              double                threshold,
                                              GError              **error);

G_END_DECLS
