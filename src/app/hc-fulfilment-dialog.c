/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcFulfilmentDialog: the holding department records a commitment's
 * fulfilment (“由承诺受理部门记录践诺情况”). The dialog checks the form,
 * sends it with the commitment's version (a commitment changed meanwhile
 * is refused, 412), shows the server's refusal in place, and emits ::saved
 * with the commitment as it now is. */
#define G_LOG_DOMAIN "hc-fulfilment-dialog"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-fulfilment-dialog.h"

struct _HcFulfilmentDialog
{
  GtkWindow       parent_instance;

  GtkLabel       *commitment_label;
  GtkCheckButton *kept_button;
  GtkCheckButton *broken_button;
  GtkEditable    *date_entry;
  GtkEditable    *note_entry;
  GtkLabel       *error_label;
  GtkWidget      *save_button;

  HcClient       *client;
  HcRecord       *commitment;
  GCancellable   *cancellable;
  gboolean        busy;
};

G_DEFINE_FINAL_TYPE (HcFulfilmentDialog, hc_fulfilment_dialog, GTK_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };

static guint signals [N_SIGNALS];

static void
show_error (HcFulfilmentDialog *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (HcFulfilmentDialog *self,
          gboolean            busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcFulfilmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcRecord) record = hc_client_fulfil_commitment_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (record == NULL)
    {
      if (g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED))
        show_error (self, _("Someone changed this commitment meanwhile. Close this dialog, and look at it again."));
      else
        show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals [SAVED], 0, record);
  gtk_window_close (GTK_WINDOW (self));
}

/* What Save does: the date must be one, and a broken commitment needs a
 * note saying how (the server checks both again). */
void
hc_fulfilment_dialog_save (HcFulfilmentDialog *self)
{
  g_autofree char *note = NULL;
  const char *date;
  gboolean kept;
  GDate parsed;

  g_return_if_fail (HC_IS_FULFILMENT_DIALOG (self));

  if (self->busy)
    return;
  kept = gtk_check_button_get_active (self->kept_button);
  date = gtk_editable_get_text (self->date_entry);
  note = g_strstrip (g_strdup (gtk_editable_get_text (self->note_entry)));
  g_date_clear (&parsed, 1);
  if (strlen (date) == 10)
    g_date_set_parse (&parsed, date);
  if (strlen (date) != 10 || date[4] != '-' || date[7] != '-' || !g_date_valid (&parsed))
    {
      show_error (self, _("Write the date as YYYY-MM-DD, for example 2025-06-01."));
      return;
    }
  if (!kept && note[0] == '\0')
    {
      show_error (self, _("Say in the note how the commitment was broken."));
      return;
    }
  show_error (self, NULL);
  set_busy (self, TRUE);
  hc_client_fulfil_commitment_async (self->client, hc_record_get_id (self->commitment),
                                     hc_record_get_version (self->commitment), kept ? "fulfilled" : "breached",
                                     date, note, self->cancellable, saved_cb, g_object_ref (self));
}

static void
hc_fulfilment_dialog_dispose (GObject *object)
{
  HcFulfilmentDialog *self = HC_FULFILMENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->commitment);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_FULFILMENT_DIALOG);

  G_OBJECT_CLASS (hc_fulfilment_dialog_parent_class)->dispose (object);
}

static void
hc_fulfilment_dialog_class_init (HcFulfilmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_fulfilment_dialog_dispose;

  /**
   * HcFulfilmentDialog::saved:
   * @commitment: the commitment as the server now holds it
   */
  signals [SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HC_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-fulfilment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HcFulfilmentDialog, commitment_label);
  gtk_widget_class_bind_template_child (widget_class, HcFulfilmentDialog, kept_button);
  gtk_widget_class_bind_template_child (widget_class, HcFulfilmentDialog, broken_button);
  gtk_widget_class_bind_template_child (widget_class, HcFulfilmentDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, HcFulfilmentDialog, note_entry);
  gtk_widget_class_bind_template_child (widget_class, HcFulfilmentDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HcFulfilmentDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, hc_fulfilment_dialog_save);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_close);
}

static void
hc_fulfilment_dialog_init (HcFulfilmentDialog *self)
{
  g_autofree char *today = hc_hainan_today ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_editable_set_text (self->date_entry, today);
}

HcFulfilmentDialog *
hc_fulfilment_dialog_new (HcClient *client,
                          HcRecord *commitment)
{
  HcFulfilmentDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (HC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (HC_IS_RECORD (commitment), NULL);

  self = g_object_new (HC_TYPE_FULFILMENT_DIALOG, NULL);
  self->client = g_object_ref (client);
  self->commitment = g_object_ref (commitment);
  /* Translators: a commitment's number and matter, "CN-2025-001 食品经营许可告知承诺" */
  title = g_strdup_printf (_("%s %s"), hc_record_get_number (commitment), hc_record_get_title (commitment));
  gtk_label_set_text (self->commitment_label, title);
  if (g_strcmp0 (hc_record_get_fulfilment (commitment), "breached") == 0)
    gtk_check_button_set_active (self->broken_button, TRUE);
  return self;
}

/* Fills the form as a user would. */
void
hc_fulfilment_dialog_set_values (HcFulfilmentDialog *self,
                                 gboolean            kept,
                                 const char         *date,
                                 const char         *note)
{
  g_return_if_fail (HC_IS_FULFILMENT_DIALOG (self));

  gtk_check_button_set_active (kept ? self->kept_button : self->broken_button, TRUE);
  gtk_editable_set_text (self->date_entry, date ? date : "");
  gtk_editable_set_text (self->note_entry, note ? note : "");
}

/* Returns: (nullable): the error the dialog shows */
const char *
hc_fulfilment_dialog_get_error (HcFulfilmentDialog *self)
{
  g_return_val_if_fail (HC_IS_FULFILMENT_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label) : NULL;
}
