/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Storage of the 公共信用信息目录: yearly versions and their items. */
#pragma once

#include "hcs-request.h"

G_BEGIN_DECLS

#define HCS_CATALOG_YEAR_MIN 2000
#define HCS_CATALOG_YEAR_MAX 2100

/* The content of an item. For an update, %NULL strings and negative
 * numbers leave the stored value as it is. */
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
  const char *scope;              /* "basic" or "supplementary"; NULL: basic for a new item */
  gint64      expected_records;
  gint64      collected_records;
} HcsCatalogItemFields;

#define HCS_CATALOG_ITEM_FIELDS_UNSET \
  { NULL, NULL, NULL, -1, NULL, NULL, NULL, NULL, NULL, -1, -1 }

typedef struct
{
  const char *q;
  const char *category;
  gint64      department_id;   /* 0: any */
  const char *disclosure;
  const char *subject_type;
  const char *scope;
} HcsCatalogItemFilter;

JsonArray  *hcs_store_catalog_versions_list     (HcsStore                   *store,
                                                 GError                    **error);
JsonObject *hcs_store_catalog_version_get       (HcsStore                   *store,
                                                 gint64                      year,
                                                 GError                    **error);
gboolean    hcs_store_catalog_version_insert    (HcsStore                   *store,
                                                 gint64                      year,
                                                 gint64                      copy_from,
                                                 const char                 *created_at,
                                                 GError                    **error);
gint64      hcs_store_catalog_version_copy_items (HcsStore                  *store,
                                                 gint64                      from_year,
                                                 gint64                      to_year,
                                                 GError                    **error);
gboolean    hcs_store_catalog_version_touch     (HcsStore                   *store,
                                                 gint64                      year,
                                                 GError                    **error);
gboolean    hcs_store_catalog_version_publish   (HcsStore                   *store,
                                                 gint64                      year,
                                                 gint64                      version,
                                                 const char                 *published_by,
                                                 const char                 *published_at,
                                                 GError                    **error);
gboolean    hcs_store_catalog_collection        (HcsStore                   *store,
                                                 gint64                      year,
                                                 gint64                     *n_expected,
                                                 gint64                     *n_collected,
                                                 GError                    **error);

JsonObject *hcs_store_catalog_item_get          (HcsStore                   *store,
                                                 gint64                      id,
                                                 GError                    **error);
gint64      hcs_store_catalog_item_insert       (HcsStore                   *store,
                                                 gint64                      year,
                                                 const char                 *lineage,
                                                 const HcsCatalogItemFields *fields,
                                                 GError                    **error);
gboolean    hcs_store_catalog_item_update       (HcsStore                   *store,
                                                 gint64                      id,
                                                 gint64                      version,
                                                 const HcsCatalogItemFields *fields,
                                                 GError                    **error);
gboolean    hcs_store_catalog_item_delete       (HcsStore                   *store,
                                                 gint64                      id,
                                                 gint64                      version,
                                                 GError                    **error);
JsonArray  *hcs_store_catalog_items_list        (HcsStore                   *store,
                                                 gint64                      year,
                                                 const HcsCatalogItemFilter *filter,
                                                 const HcsPage              *page,
                                                 gint64                     *total,
                                                 GError                    **error);
gint64      hcs_store_catalog_department_by_code (HcsStore                  *store,
                                                 const char                 *code,
                                                 GError                    **error);
JsonArray  *hcs_store_catalog_items_all         (HcsStore                   *store,
                                                 gint64                      year,
                                                 GError                    **error);

G_END_DECLS
