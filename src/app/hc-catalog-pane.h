/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogPane: the Credit Information Catalog pane of the main window. */
#pragma once

#include <gtk/gtk.h>

#include "hc-catalog-diff-view.h"
#include "hc-pane.h"
#include "hc-import-page.h"
#include "hc-quality-view.h"

G_BEGIN_DECLS

#define HC_TYPE_CATALOG_PANE (hc_catalog_pane_get_type ())

G_DECLARE_FINAL_TYPE (HcCatalogPane, hc_catalog_pane, HC, CATALOG_PANE, HcPane)

HcImportPage *hc_catalog_pane_get_import_page (HcCatalogPane *self);
void          hc_catalog_pane_show_view       (HcCatalogPane *self,
                                               const char    *view);
HcCatalogDiffView *hc_catalog_pane_get_diff_view (HcCatalogPane *self);
HcQualityView *hc_catalog_pane_get_quality_view (HcCatalogPane *self);
GListModel   *hc_catalog_pane_get_items       (HcCatalogPane *self);
GListModel   *hc_catalog_pane_get_versions    (HcCatalogPane *self);
void          hc_catalog_pane_select_year     (HcCatalogPane *self,
                                               int            year);
int           hc_catalog_pane_get_year        (HcCatalogPane *self);
gboolean      hc_catalog_pane_get_loading     (HcCatalogPane *self);
GtkWindow    *hc_catalog_pane_get_dialog      (HcCatalogPane *self);
AdwToast     *hc_catalog_pane_get_toast       (HcCatalogPane *self);
gboolean      hc_catalog_pane_select_item     (HcCatalogPane *self,
                                               gint64         id);

G_END_DECLS
