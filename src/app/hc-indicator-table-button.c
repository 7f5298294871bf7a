/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorTableButton: the indicators pane's "Table 1 (PDF)…" button.
 * It asks where to save (GtkFileChooserNative), has the server render the
 * year's Table 1 (GET /indicators/report.pdf, cairo + Pango) and saves it;
 * a toast then offers to open the file, or says why it failed. */
#define G_LOG_DOMAIN "hc-indicator-table-button"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-indicator-table-button.h"
#include "hc-save-pdf.h"
#include "hc-window.h"

struct _HcIndicatorTableButton
{
  GtkButton        parent_instance;

  HcClient        *client;
  int              year;
  gboolean         busy;
  char            *error;
  GFile           *saved;
  GtkNativeDialog *chooser;
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (HcIndicatorTableButton, hc_indicator_table_button, GTK_TYPE_BUTTON)

static void
update (HcIndicatorTableButton *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self), self->client != NULL && self->year > 0 && !self->busy &&
                                               self->chooser == NULL);
}

static void
open_file (HcIndicatorTableButton *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *uri = self->saved ? g_file_get_uri (self->saved) : NULL;

  if (uri != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
toast (HcIndicatorTableButton *self,
       const char             *text,
       gboolean                offer_open)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *t;

  if (!HC_IS_WINDOW (root))
    return;
  t = adw_toast_new (text);
  if (offer_open)
    {
      adw_toast_set_button_label (t, _("_Open"));
      g_signal_connect_object (t, "button-clicked", G_CALLBACK (open_file), self, G_CONNECT_SWAPPED);
    }
  hc_window_show_toast (HC_WINDOW (root), t);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcIndicatorTableButton) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hc_client_save_indicator_table_finish (HC_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  update (self);
  g_clear_pointer (&self->error, g_free);
  if (error != NULL)
    {
      self->error = g_strdup (error->message);
      toast (self, error->message, FALSE);
      return;
    }
  toast (self, _("Table 1 is saved."), TRUE);
}

void
hc_indicator_table_button_save (HcIndicatorTableButton *self,
                                GFile                  *dest)
{
  g_return_if_fail (HC_IS_INDICATOR_TABLE_BUTTON (self));
  g_return_if_fail (G_IS_FILE (dest));

  if (self->client == NULL || self->year <= 0 || self->busy)
    return;
  g_set_object (&self->saved, dest);
  self->busy = TRUE;
  update (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  hc_client_save_indicator_table_async (self->client, self->year, dest, self->cancellable, saved_cb,
                                        g_object_ref (self));
}

static void
chosen_cb (GtkWidget *owner,
           GFile     *file)
{
  HcIndicatorTableButton *self = HC_INDICATOR_TABLE_BUTTON (owner);

  if (file != NULL)
    hc_indicator_table_button_save (self, file);
  g_clear_object (&self->chooser);
  update (self);
}

static void
hc_indicator_table_button_clicked (GtkButton *button)
{
  HcIndicatorTableButton *self = HC_INDICATOR_TABLE_BUTTON (button);
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->busy)
    return;
  /* Translators: the file name offered for Table 1's PDF, with the year */
  name = g_strdup_printf (_("Table 1 %d.pdf"), self->year);
  self->chooser = hc_save_pdf_dialog_show (GTK_WIDGET (self), _("Save Table 1"), name, chosen_cb);
  update (self);
}

static void
hc_indicator_table_button_dispose (GObject *object)
{
  HcIndicatorTableButton *self = HC_INDICATOR_TABLE_BUTTON (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->client);
  g_clear_object (&self->saved);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (hc_indicator_table_button_parent_class)->dispose (object);
}

static void
hc_indicator_table_button_class_init (HcIndicatorTableButtonClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hc_indicator_table_button_dispose;
  GTK_BUTTON_CLASS (klass)->clicked = hc_indicator_table_button_clicked;
}

static void
hc_indicator_table_button_init (HcIndicatorTableButton *self)
{
  gtk_button_set_label (GTK_BUTTON (self), _("Table 1 (_PDF)…"));
  gtk_button_set_use_underline (GTK_BUTTON (self), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               _("The year’s Table 1 as a PDF: every indicator with its target, value, status, gap and reviewer"));
  update (self);
}

void
hc_indicator_table_button_set_client (HcIndicatorTableButton *self,
                                      HcClient               *client)
{
  g_return_if_fail (HC_IS_INDICATOR_TABLE_BUTTON (self));
  g_set_object (&self->client, client);
  update (self);
}

void
hc_indicator_table_button_set_year (HcIndicatorTableButton *self,
                                    int                     year)
{
  g_return_if_fail (HC_IS_INDICATOR_TABLE_BUTTON (self));
  self->year = year;
  update (self);
}

gboolean
hc_indicator_table_button_get_busy (HcIndicatorTableButton *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_TABLE_BUTTON (self), FALSE);
  return self->busy;
}

const char *
hc_indicator_table_button_get_error (HcIndicatorTableButton *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_TABLE_BUTTON (self), NULL);
  return self->error;
}
