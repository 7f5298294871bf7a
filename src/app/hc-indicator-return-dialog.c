/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorReturnDialog: a supervisor returns a submitted value to the
 * analyst with a comment that says what to correct. It asks for the
 * comment and emits ::send; the indicators pane sends the review and shows
 * the server's refusal here. */
#define G_LOG_DOMAIN "hc-indicator-return-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-indicator-return-dialog.h"

struct _HcIndicatorReturnDialog
{
  GtkWindow    parent_instance;

  GtkWidget   *send_button;
  GtkEditable *comment_entry;
  GtkLabel    *error_label;

  gboolean     busy;
};

G_DEFINE_FINAL_TYPE (HcIndicatorReturnDialog, hc_indicator_return_dialog, GTK_TYPE_WINDOW)

enum { SEND, N_SIGNALS };

static guint signals [N_SIGNALS];

static void
hc_indicator_return_dialog_class_init (HcIndicatorReturnDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * HcIndicatorReturnDialog::send:
   * @comment: why the value goes back, trimmed and not empty
   */
  signals [SEND] =
    g_signal_new ("send", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-indicator-return-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorReturnDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorReturnDialog, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorReturnDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, hc_indicator_return_dialog_send);
  gtk_widget_class_bind_template_callback (widget_class, hc_indicator_return_dialog_close);
}

static void
hc_indicator_return_dialog_init (HcIndicatorReturnDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HcIndicatorReturnDialog *
hc_indicator_return_dialog_new (void)
{
  return g_object_new (HC_TYPE_INDICATOR_RETURN_DIALOG, NULL);
}

void
hc_indicator_return_dialog_fill (HcIndicatorReturnDialog *self,
                                 const char              *comment)
{
  g_return_if_fail (HC_IS_INDICATOR_RETURN_DIALOG (self));
  gtk_editable_set_text (self->comment_entry, comment ? comment : "");
}

/* What the Return button does: a comment is needed. */
void
hc_indicator_return_dialog_send (HcIndicatorReturnDialog *self)
{
  g_autofree char *comment = NULL;

  g_return_if_fail (HC_IS_INDICATOR_RETURN_DIALOG (self));

  if (self->busy)
    return;
  comment = g_strstrip (g_strdup (gtk_editable_get_text (self->comment_entry)));
  if (comment[0] == '\0')
    {
      hc_indicator_return_dialog_show_error (self, _("Say why the value is returned, so the analyst can correct it."));
      return;
    }
  hc_indicator_return_dialog_show_error (self, NULL);
  g_signal_emit (self, signals [SEND], 0, comment);
}

/* While busy, Return does nothing; only its button is insensitive (see
 * hc_indicator_submit_dialog_set_busy()). */
void
hc_indicator_return_dialog_set_busy (HcIndicatorReturnDialog *self,
                                     gboolean                 busy)
{
  g_return_if_fail (HC_IS_INDICATOR_RETURN_DIALOG (self));

  self->busy = busy;
  gtk_widget_set_sensitive (self->send_button, !busy);
}

/* @message: (nullable): the error, NULL to clear it */
void
hc_indicator_return_dialog_show_error (HcIndicatorReturnDialog *self,
                                       const char              *message)
{
  g_return_if_fail (HC_IS_INDICATOR_RETURN_DIALOG (self));

  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Shows the dialog over @parent, its first entry focused. */
void
hc_indicator_return_dialog_open (HcIndicatorReturnDialog *self,
                                 GtkWindow               *parent)
{
  g_return_if_fail (HC_IS_INDICATOR_RETURN_DIALOG (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->comment_entry));
}

/* Takes the focus out first (see hc_indicator_submit_dialog_close()). */
void
hc_indicator_return_dialog_close (HcIndicatorReturnDialog *self)
{
  g_return_if_fail (HC_IS_INDICATOR_RETURN_DIALOG (self));

  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_close (GTK_WINDOW (self));
}
