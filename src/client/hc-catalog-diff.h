/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogDiff: what changed between two catalog versions. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hc-catalog-change.h"

G_BEGIN_DECLS

#define HC_TYPE_CATALOG_DIFF (hc_catalog_diff_get_type ())

G_DECLARE_FINAL_TYPE (HcCatalogDiff, hc_catalog_diff, HC, CATALOG_DIFF, GObject)

HcCatalogDiff *hc_catalog_diff_new_from_json (JsonObject    *obj);

int         hc_catalog_diff_get_from          (HcCatalogDiff *self);
int         hc_catalog_diff_get_to            (HcCatalogDiff *self);
GListModel *hc_catalog_diff_get_added         (HcCatalogDiff *self);
GListModel *hc_catalog_diff_get_removed       (HcCatalogDiff *self);
GListModel *hc_catalog_diff_get_changes       (HcCatalogDiff *self);
guint       hc_catalog_diff_get_n_changed     (HcCatalogDiff *self);

G_END_DECLS
