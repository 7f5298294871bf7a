/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogChange: one field of a catalog item that differs between two versions. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_CATALOG_CHANGE (hc_catalog_change_get_type ())

G_DECLARE_FINAL_TYPE (HcCatalogChange, hc_catalog_change, HC, CATALOG_CHANGE, GObject)

/* @item_name: the item's name in the newer version; @change: one of the
 * diff's {"field","from","to"} */
HcCatalogChange *hc_catalog_change_new_from_json (const char      *item_name,
                                                  JsonObject      *change);

const char *hc_catalog_change_get_item_name   (HcCatalogChange *self);
const char *hc_catalog_change_get_field       (HcCatalogChange *self);
const char *hc_catalog_change_get_field_label (HcCatalogChange *self);
const char *hc_catalog_change_get_before      (HcCatalogChange *self);
const char *hc_catalog_change_get_after       (HcCatalogChange *self);

G_END_DECLS
