/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogDiffView: what changed between two catalog years — the items
 * added and removed, and each changed field of a changed item, old | new. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_CATALOG_DIFF_VIEW (hc_catalog_diff_view_get_type ())

G_DECLARE_FINAL_TYPE (HcCatalogDiffView, hc_catalog_diff_view, HC, CATALOG_DIFF_VIEW, GtkWidget)

void           hc_catalog_diff_view_set_client   (HcCatalogDiffView *self,
                                                  HcClient          *client);
void           hc_catalog_diff_view_set_versions (HcCatalogDiffView *self,
                                                  GListModel        *versions);
void           hc_catalog_diff_view_compare      (HcCatalogDiffView *self,
                                                  int                from,
                                                  int                to);
HcCatalogDiff *hc_catalog_diff_view_get_diff     (HcCatalogDiffView *self);
gboolean       hc_catalog_diff_view_get_loading  (HcCatalogDiffView *self);
const char    *hc_catalog_diff_view_get_message  (HcCatalogDiffView *self);
GListModel    *hc_catalog_diff_view_get_changes  (HcCatalogDiffView *self);

char *hc_catalog_diff_view_export_path (HcCatalogDiffView  *self,
                                        char              **file_name);

G_END_DECLS
