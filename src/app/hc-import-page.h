/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcImportPage: 归集 — a department's file into a catalog item, its result
 * and rejections, and the past imports. */
#pragma once

#include <adwaita.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_IMPORT_PAGE (hc_import_page_get_type ())

G_DECLARE_FINAL_TYPE (HcImportPage, hc_import_page, HC, IMPORT_PAGE, GtkWidget)

HcClient         *hc_import_page_get_client       (HcImportPage *self);
void              hc_import_page_set_client       (HcImportPage *self,
                                                   HcClient     *client);
void              hc_import_page_refresh          (HcImportPage *self);
GFile            *hc_import_page_get_file         (HcImportPage *self);
void              hc_import_page_set_file         (HcImportPage *self,
                                                   GFile        *file);
const char       *hc_import_page_get_kind         (HcImportPage *self);
void              hc_import_page_set_kind         (HcImportPage *self,
                                                   const char   *kind);
guint             hc_import_page_get_n_items      (HcImportPage *self);
gboolean          hc_import_page_select_item      (HcImportPage *self,
                                                   gint64        item_id);
gboolean          hc_import_page_get_busy         (HcImportPage *self);
HcImportResult   *hc_import_page_get_result       (HcImportPage *self);
const char       *hc_import_page_get_summary_text (HcImportPage *self);
const char       *hc_import_page_get_status_text  (HcImportPage *self);
GListModel       *hc_import_page_get_rejections   (HcImportPage *self);
GListModel       *hc_import_page_get_history      (HcImportPage *self);
AdwMessageDialog *hc_import_page_get_dialog       (HcImportPage *self);

G_END_DECLS
