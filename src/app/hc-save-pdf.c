/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "save as PDF" file chooser that the app's PDF downloads share (the
 * subject's credit report, the indicators' Table 1): modal on the owner's
 * window, PDF filter, a file name offered. */
#define G_LOG_DOMAIN "hc-save-pdf"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-save-pdf.h"

typedef struct
{
  GtkWidget       *owner;
  HcSavePdfChosen  chosen;
} Asker;

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Asker           *asker)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  asker->chosen (asker->owner, file);
}

/**
 * hc_save_pdf_dialog_show:
 * @owner: the widget that asks; its window is the dialog's parent
 * @file_name: the name offered ('/' and '\' become '_')
 * @chosen: called once with the answer
 *
 * Returns: (transfer full): the dialog, for @owner to hold until
 *   @chosen and to destroy if it goes away first
 */
GtkNativeDialog *
hc_save_pdf_dialog_show (GtkWidget       *owner,
                         const char      *title,
                         const char      *file_name,
                         HcSavePdfChosen  chosen)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = g_strdup (file_name);
  GtkFileChooserNative *chooser;
  Asker *asker;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (title != NULL && file_name != NULL && chosen != NULL, NULL);

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_strdelimit (name, "/\\", '_');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* @owner destroys the dialog when it goes away, so it outlives no owner. */
  asker = g_new0 (Asker, 1);
  asker->owner = owner;
  asker->chosen = chosen;
  g_signal_connect_data (chooser, "response", G_CALLBACK (response_cb), asker,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  return GTK_NATIVE_DIALOG (chooser);
}
