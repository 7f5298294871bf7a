/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRegionInfo: a 市县's GB/T 2260 code and name, as the server lists it. */
#define G_LOG_DOMAIN "hc-region-info"

#include "config.h"

#include "hc-region-info.h"

/**
 * hc_region_info_new_from_json:
 *
 * Returns: (transfer full): one item of GET /regions; missing members are
 *   empty
 */
HcRegionInfo *
hc_region_info_new_from_json (JsonObject *obj)
{
  HcRegionInfo *region;

  g_return_val_if_fail (obj != NULL, NULL);

  region = g_new0 (HcRegionInfo, 1);
  region->code = g_strdup (json_object_get_string_member_with_default (obj, "code", ""));
  region->name = g_strdup (json_object_get_string_member_with_default (obj, "name", ""));
  return region;
}

void
hc_region_info_free (HcRegionInfo *region)
{
  if (region == NULL)
    return;
  g_free (region->code);
  g_free (region->name);
  g_free (region);
}
