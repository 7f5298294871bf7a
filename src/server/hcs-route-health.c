/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GET /health: is the server up, which version and schema. */
#define G_LOG_DOMAIN "hcs-route-health"

#include "config.h"

#include "hcs-routes.h"

static void
get_health (HcsRequest *req)
{
  JsonObject *obj = json_object_new ();

  json_object_set_string_member (obj, "status", "ok");
  json_object_set_string_member (obj, "version", PACKAGE_VERSION);
  json_object_set_int_member (obj, "schema", hcs_store_get_schema_version (hcs_request_get_store (req)));
  hcs_request_reply_object (req, SOUP_STATUS_OK, obj);
}

static const HcsRoute routes[] = {
  { "GET", "/health", get_health, HCS_ACCESS_PUBLIC },
};

void
hcs_routes_health_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
