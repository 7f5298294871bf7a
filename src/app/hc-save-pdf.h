/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "save as PDF" file chooser that the app's PDF downloads share. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called once the user has answered: @file is where to save, %NULL when
 * they cancelled. @owner still holds the dialog; it drops it here. */
typedef void (*HcSavePdfChosen) (GtkWidget *owner,
                                 GFile     *file);

GtkNativeDialog *hc_save_pdf_dialog_show (GtkWidget       *owner,
                                          const char      *title,
                                          const char      *file_name,
                                          HcSavePdfChosen  chosen);

G_END_DECLS
