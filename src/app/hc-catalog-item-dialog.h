/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogItemDialog: adds an item to a catalog draft or edits one. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_CATALOG_ITEM_DIALOG (hc_catalog_item_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HcCatalogItemDialog, hc_catalog_item_dialog, HC, CATALOG_ITEM_DIALOG, GtkWindow)

HcCatalogItemDialog *hc_catalog_item_dialog_new_add     (HcClient            *client,
                                                         int                  year,
                                                         GListModel          *departments);
HcCatalogItemDialog *hc_catalog_item_dialog_new_edit    (HcClient            *client,
                                                         HcCatalogItem       *item,
                                                         GListModel          *departments);
GtkEditable         *hc_catalog_item_dialog_get_entry   (HcCatalogItemDialog *self,
                                                         const char          *field);
void                 hc_catalog_item_dialog_save        (HcCatalogItemDialog *self);
const char          *hc_catalog_item_dialog_get_message (HcCatalogItemDialog *self);
gboolean             hc_catalog_item_dialog_get_busy    (HcCatalogItemDialog *self);

G_END_DECLS
