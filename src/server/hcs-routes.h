/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Each resource file registers its routes with one of these. */
#pragma once

#include "hcs-router.h"

G_BEGIN_DECLS

void hcs_routes_health_register      (HcsRouter *router);
void hcs_routes_session_register     (HcsRouter *router);
void hcs_routes_session_hashing      (guint     *threads,
                                      guint     *unchecked);
void hcs_routes_users_register       (HcsRouter *router);
void hcs_routes_departments_register (HcsRouter *router);
void hcs_routes_regions_register     (HcsRouter *router);
void hcs_routes_audit_register       (HcsRouter *router);
void hcs_routes_openapi_register     (HcsRouter *router);
void hcs_routes_indicators_register (HcsRouter *router);
void hcs_routes_catalog_register     (HcsRouter *router);
void hcs_routes_risk_register        (HcsRouter *router);
void hcs_routes_risk_alerts_register (HcsRouter *router);
void hcs_routes_lists_register       (HcsRouter *router);
void hcs_routes_match_register       (HcsRouter *router);
void hcs_routes_repairs_register     (HcsRouter *router);
void hcs_routes_imports_register     (HcsRouter *router);
void hcs_routes_subjects_register    (HcsRouter *router);
void hcs_routes_records_register     (HcsRouter *router);
void hcs_routes_reports_register     (HcsRouter *router);
void hcs_routes_grading_register     (HcsRouter *router);
void hcs_routes_inspections_register (HcsRouter *router);

G_END_DECLS
