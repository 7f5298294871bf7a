/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GET /regions: the 19 市县 of Hainan. */
#define G_LOG_DOMAIN "hcs-route-regions"

#include "config.h"

#include "hc-core.h"
#include "hcs-routes.h"

static void
list_regions (HcsRequest *req)
{
  JsonArray *items = json_array_new ();
  guint n;
  const HcRegion *regions = hc_regions_get_all (&n);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj = json_object_new ();

      json_object_set_string_member (obj, "code", regions[i].code);
      json_object_set_string_member (obj, "name", regions[i].name);
      json_object_set_string_member (obj, "name_en", regions[i].name_en);
      json_array_add_object_element (items, obj);
    }
  hcs_request_reply_page (req, items, NULL, n);
}

static const HcsRoute routes[] = {
  { "GET", "/regions", list_regions, HCS_ACCESS_ANALYST },
};

void
hcs_routes_regions_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
