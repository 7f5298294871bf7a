/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 公共信用信息目录 as the routes answer it: versions with their 归集率,
 * and the diff of two versions. */
#pragma once

#include <json-glib/json-glib.h>

#include "hcs-store.h"

G_BEGIN_DECLS

void        hcs_catalog_add_collection_rate (JsonObject  *version);
JsonArray  *hcs_catalog_versions_list       (HcsStore    *store,
                                             GError     **error);
JsonObject *hcs_catalog_version_get         (HcsStore    *store,
                                             gint64       year,
                                             GError     **error);
JsonObject *hcs_catalog_diff                (HcsStore    *store,
                                             gint64       from_year,
                                             gint64       to_year,
                                             GError     **error);

JsonArray  *hcs_catalog_diff_rows (JsonObject *diff);

G_END_DECLS
