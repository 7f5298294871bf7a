/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogItem: one item of a 公共信用信息目录 version, as the server answers it. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_CATALOG_ITEM (hc_catalog_item_get_type ())

G_DECLARE_FINAL_TYPE (HcCatalogItem, hc_catalog_item, HC, CATALOG_ITEM, GObject)

/* What an item says, as an analyst writes it: keys for the enums, the
 * department by id. A NULL string or a negative number is left out of a
 * change. */
typedef struct
{
  const char *category;
  const char *name;
  const char *subject_type;
  gint64      department_id;
  const char *disclosure;
  const char *update_frequency;
  const char *legal_basis;
  const char *publicity_period;
  const char *scope;
  gint64      expected_records;
  gint64      collected_records;
} HcCatalogItemFields;

#define HC_CATALOG_ITEM_FIELDS_INIT \
  { NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, -1, -1 }

/* @etag: (nullable): the item's ETag, when it came with one */
HcCatalogItem *hc_catalog_item_new_from_json (JsonObject    *obj,
                                              const char    *etag);
void           hc_catalog_item_get_fields    (HcCatalogItem       *self,
                                              HcCatalogItemFields *fields);

gint64      hc_catalog_item_get_id                     (HcCatalogItem *self);
int         hc_catalog_item_get_year                   (HcCatalogItem *self);
gboolean    hc_catalog_item_get_editable               (HcCatalogItem *self);
const char *hc_catalog_item_get_lineage                (HcCatalogItem *self);
const char *hc_catalog_item_get_category               (HcCatalogItem *self);
const char *hc_catalog_item_get_category_label         (HcCatalogItem *self);
const char *hc_catalog_item_get_name                   (HcCatalogItem *self);
const char *hc_catalog_item_get_subject_type           (HcCatalogItem *self);
const char *hc_catalog_item_get_subject_type_label     (HcCatalogItem *self);
gint64      hc_catalog_item_get_department_id          (HcCatalogItem *self);
const char *hc_catalog_item_get_department_code        (HcCatalogItem *self);
const char *hc_catalog_item_get_department_name        (HcCatalogItem *self);
const char *hc_catalog_item_get_disclosure             (HcCatalogItem *self);
const char *hc_catalog_item_get_disclosure_label       (HcCatalogItem *self);
const char *hc_catalog_item_get_update_frequency       (HcCatalogItem *self);
const char *hc_catalog_item_get_update_frequency_label (HcCatalogItem *self);
const char *hc_catalog_item_get_legal_basis            (HcCatalogItem *self);
const char *hc_catalog_item_get_publicity_period       (HcCatalogItem *self);
const char *hc_catalog_item_get_scope                  (HcCatalogItem *self);
const char *hc_catalog_item_get_scope_label            (HcCatalogItem *self);
gint64      hc_catalog_item_get_expected_records       (HcCatalogItem *self);
gint64      hc_catalog_item_get_collected_records      (HcCatalogItem *self);
double      hc_catalog_item_get_collection_rate        (HcCatalogItem *self);
const char *hc_catalog_item_get_collection_rate_label  (HcCatalogItem *self);
gint64      hc_catalog_item_get_version                (HcCatalogItem *self);
const char *hc_catalog_item_get_etag                   (HcCatalogItem *self);

G_END_DECLS
