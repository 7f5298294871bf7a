/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcExportButton: the Export menu (CSV / Excel) a pane shows in its
 * template; while the pane exports, its progress and a Cancel button. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HC_TYPE_EXPORT_BUTTON (hc_export_button_get_type ())

G_DECLARE_FINAL_TYPE (HcExportButton, hc_export_button, HC, EXPORT_BUTTON, GtkWidget)

GtkProgressBar *hc_export_button_get_progress_bar (HcExportButton *self);
const char     *hc_export_button_get_listing      (HcExportButton *self);
void            hc_export_button_set_label        (HcExportButton *self,
                                                   const char     *label);
void            hc_export_button_set_listing      (HcExportButton *self,
                                                   const char     *listing);

G_END_DECLS
