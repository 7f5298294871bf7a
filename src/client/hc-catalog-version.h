/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogVersion: one yearly version of the 公共信用信息目录 (draft or published). */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_CATALOG_VERSION (hc_catalog_version_get_type ())

G_DECLARE_FINAL_TYPE (HcCatalogVersion, hc_catalog_version, HC, CATALOG_VERSION, GObject)

/* @etag: (nullable): the version's ETag, when it came with one */
HcCatalogVersion *hc_catalog_version_new_from_json (JsonObject       *obj,
                                                    const char       *etag);

int         hc_catalog_version_get_year            (HcCatalogVersion *self);
gboolean    hc_catalog_version_get_published       (HcCatalogVersion *self);
const char *hc_catalog_version_get_state_label     (HcCatalogVersion *self);
const char *hc_catalog_version_get_published_by    (HcCatalogVersion *self);
const char *hc_catalog_version_get_published_at    (HcCatalogVersion *self);
const char *hc_catalog_version_get_title           (HcCatalogVersion *self);
const char *hc_catalog_version_get_subtitle        (HcCatalogVersion *self);
int         hc_catalog_version_get_copied_from     (HcCatalogVersion *self);
gint64      hc_catalog_version_get_item_count      (HcCatalogVersion *self);
double      hc_catalog_version_get_collection_rate (HcCatalogVersion *self);
gint64      hc_catalog_version_get_version         (HcCatalogVersion *self);
const char *hc_catalog_version_get_etag            (HcCatalogVersion *self);

G_END_DECLS
