/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRegionInfo: one 市县 as GET /regions lists it. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One 市县 as the server lists it. */
typedef struct
{
  char  *code;
  char  *name;
} HcRegionInfo;

HcRegionInfo   *hc_region_info_new_from_json (JsonObject   *obj);
void            hc_region_info_free          (HcRegionInfo *region);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcRegionInfo, hc_region_info_free)

G_END_DECLS
