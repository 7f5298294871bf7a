/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The API: every resource's routes in one router. */
#define G_LOG_DOMAIN "hcs-routes"

#include "config.h"

#include "hcs-routes.h"

HcsRouter *
hcs_routes_new_router (void)
{
  HcsRouter *router = hcs_router_new ();

  hcs_routes_health_register (router);
  hcs_routes_session_register (router);
  hcs_routes_users_register (router);
  hcs_routes_departments_register (router);
  hcs_routes_regions_register (router);
  hcs_routes_audit_register (router);
  hcs_routes_openapi_register (router);
  hcs_routes_indicators_register (router);
  hcs_routes_catalog_register (router);
  hcs_routes_risk_register (router);
  hcs_routes_risk_alerts_register (router);
  hcs_routes_lists_register (router);
  hcs_routes_match_register (router);
  hcs_routes_repairs_register (router);
  hcs_routes_imports_register (router);
  hcs_routes_subjects_register (router);
  hcs_routes_records_register (router);
  hcs_routes_reports_register (router);
  hcs_routes_grading_register (router);
  hcs_routes_inspections_register (router);
  return router;
}
