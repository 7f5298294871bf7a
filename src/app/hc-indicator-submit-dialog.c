/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorSubmitDialog: the value and evidence an analyst reports for
 * one indicator and year. It checks that the value is a number and emits
 * ::send; the indicators pane sends it and shows the server's answer here,
 * under the field it concerns. */
#define G_LOG_DOMAIN "hc-indicator-submit-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-client.h"
#include "hc-indicator-submit-dialog.h"

struct _HcIndicatorSubmitDialog
{
  GtkWindow    parent_instance;

  GtkWidget   *send_button;
  GtkLabel    *heading_label;
  GtkLabel    *region_label;
  GtkDropDown *region_dropdown;
  GtkStringList *region_names;
  GtkEditable *value_entry;
  GtkLabel    *value_hint;
  GtkLabel    *value_error;
  GtkEditable *evidence_entry;
  GtkLabel    *evidence_error;
  GtkLabel    *error_label;

  gboolean     busy;
};

G_DEFINE_FINAL_TYPE (HcIndicatorSubmitDialog, hc_indicator_submit_dialog, GTK_TYPE_WINDOW)

enum { SEND, N_SIGNALS };

static guint signals [N_SIGNALS];

static GtkLabel *
error_label (HcIndicatorSubmitDialog *self,
             const char              *field)
{
  if (g_strcmp0 (field, "value") == 0)
    return self->value_error;
  if (g_strcmp0 (field, "evidence") == 0)
    return self->evidence_error;
  return self->error_label;
}

static void
clear_errors (HcIndicatorSubmitDialog *self)
{
  hc_indicator_submit_dialog_show_error (self, "value", NULL);
  hc_indicator_submit_dialog_show_error (self, "evidence", NULL);
  hc_indicator_submit_dialog_show_error (self, NULL, NULL);
}

static void
hc_indicator_submit_dialog_class_init (HcIndicatorSubmitDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * HcIndicatorSubmitDialog::send:
   * @value: the value entered
   * @evidence: where it comes from, trimmed
   *
   * The user asked to submit a value that is a number.
   */
  signals [SEND] =
    g_signal_new ("send", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-indicator-submit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorSubmitDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorSubmitDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorSubmitDialog, region_label);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorSubmitDialog, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorSubmitDialog, region_names);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorSubmitDialog, value_entry);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorSubmitDialog, value_hint);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorSubmitDialog, value_error);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorSubmitDialog, evidence_entry);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorSubmitDialog, evidence_error);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorSubmitDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, hc_indicator_submit_dialog_send);
  gtk_widget_class_bind_template_callback (widget_class, hc_indicator_submit_dialog_close);
}

static void
hc_indicator_submit_dialog_init (HcIndicatorSubmitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HcIndicatorSubmitDialog *
hc_indicator_submit_dialog_new (void)
{
  return g_object_new (HC_TYPE_INDICATOR_SUBMIT_DIALOG, NULL);
}

/* Empties the form for a new report of @detail's value in @year: @value is
 * the value reported before, or NULL. The hint says what a value of the
 * indicator's kind is. */
void
hc_indicator_submit_dialog_reset (HcIndicatorSubmitDialog *self,
                                  HcIndicatorDetail       *detail,
                                  int                      year,
                                  const char              *value)
{
  const char *kind;
  g_autofree char *heading = NULL;

  g_return_if_fail (HC_IS_INDICATOR_SUBMIT_DIALOG (self));
  g_return_if_fail (HC_IS_INDICATOR_DETAIL (detail));

  kind = hc_indicator_detail_get_kind (detail);
  /* Translators: the indicator and the year a value is reported for, "信用立法 · 2025年". */
  heading = g_strdup_printf (_("%s · %d"), hc_indicator_detail_get_item (detail), year);
  gtk_label_set_label (self->heading_label, heading);
  gtk_label_set_label (self->value_hint,
                       g_strcmp0 (kind, "milestone") == 0 ? _("1 when the milestone is reached, 0 when not.")
                       : g_strcmp0 (kind, "ratio") == 0 ? _("A share in percent, from 0 to 100.")
                       : _("A whole number: what this year added."));
  hc_indicator_submit_dialog_fill (self, value, NULL);
  clear_errors (self);
}

void
hc_indicator_submit_dialog_fill (HcIndicatorSubmitDialog *self,
                                 const char              *value,
                                 const char              *evidence)
{
  g_return_if_fail (HC_IS_INDICATOR_SUBMIT_DIALOG (self));

  gtk_editable_set_text (self->value_entry, value ? value : "");
  gtk_editable_set_text (self->evidence_entry, evidence ? evidence : "");
}

/* What the Submit button does. */
void
hc_indicator_submit_dialog_send (HcIndicatorSubmitDialog *self)
{
  g_autofree char *text = NULL;
  g_autofree char *evidence = NULL;
  char *end = NULL;
  double value;

  g_return_if_fail (HC_IS_INDICATOR_SUBMIT_DIALOG (self));

  if (self->busy)
    return;
  clear_errors (self);

  text = g_strstrip (g_strdup (gtk_editable_get_text (self->value_entry)));
  value = g_ascii_strtod (text, &end);
  if (text[0] == '\0' || end == NULL || *end != '\0')
    {
      hc_indicator_submit_dialog_show_error (self, "value", _("Enter a number, such as 85 or 92.5."));
      return;
    }
  evidence = g_strstrip (g_strdup (gtk_editable_get_text (self->evidence_entry)));
  g_signal_emit (self, signals [SEND], 0, value, evidence);
}

/**
 * hc_indicator_submit_dialog_take_answer:
 * @client: the HcClient that sent the dialog's value
 * @result: its hc_client_submit_indicator_value_async() result
 *
 * Closes the dialog when the value was written or changed meanwhile;
 * shows a refusal under the field it names when that is one of the
 * dialog's (value, evidence), else at the foot of the dialog.
 */
HcIndicatorWrite
hc_indicator_submit_dialog_take_answer (HcIndicatorSubmitDialog *self,
                                        GObject                 *client,
                                        GAsyncResult            *result)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  const char *field;

  g_return_val_if_fail (HC_IS_INDICATOR_SUBMIT_DIALOG (self), HC_INDICATOR_WRITE_CANCELLED);
  g_return_val_if_fail (HC_IS_CLIENT (client), HC_INDICATOR_WRITE_CANCELLED);

  etag = hc_client_submit_indicator_value_finish (HC_CLIENT (client), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return HC_INDICATOR_WRITE_CANCELLED;
  if (etag != NULL || g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED))
    {
      hc_indicator_submit_dialog_close (self);
      return etag != NULL ? HC_INDICATOR_WRITE_DONE : HC_INDICATOR_WRITE_STALE;
    }
  field = hc_client_error_get_field (error);
  if (g_strcmp0 (field, "value") != 0 && g_strcmp0 (field, "evidence") != 0)
    field = NULL;
  hc_indicator_submit_dialog_show_error (self, field, error->message);
  return HC_INDICATOR_WRITE_REFUSED;
}

/* While busy, Submit does nothing. Only the button is made insensitive: an
 * insensitive window would take the focus from its entry without telling
 * it. */
void
hc_indicator_submit_dialog_set_busy (HcIndicatorSubmitDialog *self,
                                     gboolean                 busy)
{
  g_return_if_fail (HC_IS_INDICATOR_SUBMIT_DIALOG (self));

  self->busy = busy;
  gtk_widget_set_sensitive (self->send_button, !busy);
}

/**
 * hc_indicator_submit_dialog_show_error:
 * @field: "value", "evidence", or NULL for an error of no field
 * @message: (nullable): the error, NULL to clear it
 */
void
hc_indicator_submit_dialog_show_error (HcIndicatorSubmitDialog *self,
                                       const char              *field,
                                       const char              *message)
{
  GtkLabel *label;

  g_return_if_fail (HC_IS_INDICATOR_SUBMIT_DIALOG (self));

  label = error_label (self, field);
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/**
 * hc_indicator_submit_dialog_get_error:
 * @field: "value", "evidence", or NULL for an error of no field
 * Returns: (nullable): the error shown there
 */
const char *
hc_indicator_submit_dialog_get_error (HcIndicatorSubmitDialog *self,
                                      const char              *field)
{
  GtkLabel *label;

  g_return_val_if_fail (HC_IS_INDICATOR_SUBMIT_DIALOG (self), NULL);

  label = error_label (self, field);
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

/* Shows the dialog over @parent, its first entry focused. */
void
hc_indicator_submit_dialog_open (HcIndicatorSubmitDialog *self,
                                 GtkWindow               *parent)
{
  g_return_if_fail (HC_IS_INDICATOR_SUBMIT_DIALOG (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
}

/* Takes the focus out of the dialog first: without a window manager (or
 * with some) a hidden window gets no focus-out, and its entry would keep
 * the focus it can no longer have. */
void
hc_indicator_submit_dialog_close (HcIndicatorSubmitDialog *self)
{
  g_return_if_fail (HC_IS_INDICATOR_SUBMIT_DIALOG (self));

  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * hc_indicator_submit_dialog_set_regions:
 * @names: (nullable) (array zero-terminated=1): the 市县 a value may be
 *   reported for, or NULL for a value of the province (no choice shown)
 * @selected: the one chosen first
 */
void
hc_indicator_submit_dialog_set_regions (HcIndicatorSubmitDialog *self,
                                        const char * const      *names,
                                        guint                    selected)
{
  g_return_if_fail (HC_IS_INDICATOR_SUBMIT_DIALOG (self));

  gtk_string_list_splice (self->region_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->region_names)),
                          names);
  gtk_widget_set_visible (GTK_WIDGET (self->region_label), names != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->region_dropdown), names != NULL);
  if (names != NULL)
    gtk_drop_down_set_selected (self->region_dropdown, selected);
}

/* The index of the 市县 chosen in @names of set_regions(), or -1 when no
 * choice is shown. */
int
hc_indicator_submit_dialog_get_region (HcIndicatorSubmitDialog *self)
{
  guint selected;

  g_return_val_if_fail (HC_IS_INDICATOR_SUBMIT_DIALOG (self), -1);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->region_dropdown)))
    return -1;
  selected = gtk_drop_down_get_selected (self->region_dropdown);
  return selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected;
}

/* Chooses the @index-th 市县, as the dropdown does. */
void
hc_indicator_submit_dialog_choose_region (HcIndicatorSubmitDialog *self,
                                          guint                    index)
{
  g_return_if_fail (HC_IS_INDICATOR_SUBMIT_DIALOG (self));
  gtk_drop_down_set_selected (self->region_dropdown, index);
}
