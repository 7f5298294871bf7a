/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of test-api-risk share: its server and users, and the helpers more than one of
 * them calls. */
#pragma once

#include <string.h>
#include "hc-core.h"
#include "hc-test-server.h"

G_BEGIN_DECLS

#define ANALYST_PW    "analyst-password-1"
#define SUPERVISOR_PW "supervisor-password-1"

/* The roll-up differs from the aggregate of the events in this many rows. */
#define SQL_ROLLUP_DIVERGENCE \
  "SELECT count(*) FROM (" \
  " SELECT * FROM (SELECT region, month, category, events, severity_sum FROM risk_rollup" \
  "  EXCEPT SELECT region, month, category, count(*), sum(severity) FROM risk_events GROUP BY 1, 2, 3) AS extra" \
  " UNION ALL" \
  " SELECT * FROM (SELECT region, month, category, count(*), sum(severity) FROM risk_events GROUP BY 1, 2, 3" \
  "  EXCEPT SELECT region, month, category, events, severity_sum FROM risk_rollup) AS missing) AS divergent"

extern HcTestServer *server;
extern char *analyst;
extern HcTestServer *demo_server;
extern guint uscc_serial;

char         *add_user                 (HcTestServer    *srv,
                                        const char      *name,
                                        const char      *role,
                                        const char      *password);
gint64        post_event               (HcTestServer    *srv,
                                        const char      *token,
                                        const char      *region,
                                        const char      *date,
                                        const char      *category,
                                        int              severity);
JsonObject   *get_heatmap              (HcTestServer    *srv,
                                        const char      *query,
                                        HcTestResponse **keep);
double        cell                     (JsonObject      *map,
                                        guint            row,
                                        guint            column);
HcTestServer *get_demo_server          (void);
char         *make_uscc                (const char      *division);
JsonObject   *get_ok                   (HcTestServer    *srv,
                                        const char      *token,
                                        const char      *path,
                                        HcTestResponse **keep);

void          hc_test_risk_heatmap_add (void);
void          hc_test_risk_rules_add   (void);
void          hc_test_risk_alerts_add  (void);

G_END_DECLS
