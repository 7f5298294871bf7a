/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorTargetDialog: a supervisor sets the target the 市县 are held
 * to on an indicator — for all of them or for one — and the deviation
 * rule: how far short of the target is still 预警. Choosing in the
 * dropdown shows what that choice has now. It emits ::send with numbers;
 * the 市县 view sends them and shows the server's refusal here, at its
 * field. */
#define G_LOG_DOMAIN "hc-indicator-target-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-client.h"
#include "hc-indicator-target-dialog.h"

struct _HcIndicatorTargetDialog
{
  GtkWindow      parent_instance;

  GtkWidget     *send_button;
  GtkLabel      *heading_label;
  GtkDropDown   *region_dropdown;
  GtkStringList *region_names;
  GtkEditable   *target_entry;
  GtkLabel      *target_error;
  GtkEditable   *gap_entry;
  GtkLabel      *gap_error;
  GtkLabel      *error_label;

  GArray        *choices;        /* of { double target, warning_gap } */
  gboolean       busy;
  gboolean       filling;
};

typedef struct { double target, warning_gap; } Numbers;

G_DEFINE_FINAL_TYPE (HcIndicatorTargetDialog, hc_indicator_target_dialog, GTK_TYPE_WINDOW)

enum { SEND, N_SIGNALS };

static guint signals [N_SIGNALS];

static GtkLabel *
error_label (HcIndicatorTargetDialog *self,
             const char              *field)
{
  if (g_strcmp0 (field, "target") == 0)
    return self->target_error;
  if (g_strcmp0 (field, "warning_gap") == 0)
    return self->gap_error;
  return self->error_label;
}

static void
clear_errors (HcIndicatorTargetDialog *self)
{
  hc_indicator_target_dialog_show_error (self, "target", NULL);
  hc_indicator_target_dialog_show_error (self, "warning_gap", NULL);
  hc_indicator_target_dialog_show_error (self, NULL, NULL);
}

static void
set_number (GtkEditable *entry,
            double       value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  gtk_editable_set_text (entry, g_ascii_formatd (buf, sizeof buf, "%g", value));
}

/* A choice in the dropdown shows its numbers now. */
static void
region_chosen_cb (HcIndicatorTargetDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->region_dropdown);

  if (self->filling || self->choices == NULL || i >= self->choices->len)
    return;
  set_number (self->target_entry, g_array_index (self->choices, Numbers, i).target);
  set_number (self->gap_entry, g_array_index (self->choices, Numbers, i).warning_gap);
  clear_errors (self);
}

static void
hc_indicator_target_dialog_finalize (GObject *object)
{
  HcIndicatorTargetDialog *self = HC_INDICATOR_TARGET_DIALOG (object);

  g_clear_pointer (&self->choices, g_array_unref);
  G_OBJECT_CLASS (hc_indicator_target_dialog_parent_class)->finalize (object);
}

static void
hc_indicator_target_dialog_class_init (HcIndicatorTargetDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = hc_indicator_target_dialog_finalize;

  /**
   * HcIndicatorTargetDialog::send:
   * @choice: the index of the choice of reset() (0: all 市县)
   * @target: the target entered
   * @warning_gap: the warning gap entered
   */
  signals [SEND] =
    g_signal_new ("send", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-indicator-target-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorTargetDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorTargetDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorTargetDialog, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorTargetDialog, region_names);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorTargetDialog, target_entry);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorTargetDialog, target_error);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorTargetDialog, gap_entry);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorTargetDialog, gap_error);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorTargetDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, hc_indicator_target_dialog_send);
  gtk_widget_class_bind_template_callback (widget_class, hc_indicator_target_dialog_close);
  gtk_widget_class_bind_template_callback (widget_class, region_chosen_cb);
}

static void
hc_indicator_target_dialog_init (HcIndicatorTargetDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->choices = g_array_new (FALSE, TRUE, sizeof (Numbers));
}

HcIndicatorTargetDialog *
hc_indicator_target_dialog_new (void)
{
  return g_object_new (HC_TYPE_INDICATOR_TARGET_DIALOG, NULL);
}

/* Fills the form anew: the choices (all 市县 first, then each one) with
 * what each has now, @selected chosen. */
void
hc_indicator_target_dialog_reset (HcIndicatorTargetDialog       *self,
                                  const char                    *heading,
                                  const HcIndicatorTargetChoice *choices,
                                  guint                          n_choices,
                                  guint                          selected)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_if_fail (HC_IS_INDICATOR_TARGET_DIALOG (self));
  g_return_if_fail (n_choices > 0 && selected < n_choices);

  gtk_label_set_label (self->heading_label, heading);
  g_array_set_size (self->choices, 0);
  for (guint i = 0; i < n_choices; i++)
    {
      Numbers n = { choices[i].target, choices[i].warning_gap };

      g_array_append_val (self->choices, n);
      g_ptr_array_add (names, (gpointer) choices[i].name);
    }
  g_ptr_array_add (names, NULL);
  self->filling = TRUE;
  gtk_string_list_splice (self->region_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->region_names)),
                          (const char * const *) names->pdata);
  self->filling = FALSE;
  gtk_drop_down_set_selected (self->region_dropdown, selected);
  region_chosen_cb (self);
}

/* What a user types: @target and @warning_gap NULL keep what is there. */
void
hc_indicator_target_dialog_fill (HcIndicatorTargetDialog *self,
                                 guint                    choice,
                                 const char              *target,
                                 const char              *warning_gap)
{
  g_return_if_fail (HC_IS_INDICATOR_TARGET_DIALOG (self));

  gtk_drop_down_set_selected (self->region_dropdown, choice);
  if (target != NULL)
    gtk_editable_set_text (self->target_entry, target);
  if (warning_gap != NULL)
    gtk_editable_set_text (self->gap_entry, warning_gap);
}

static gboolean
read_number (HcIndicatorTargetDialog *self,
             GtkEditable             *entry,
             const char              *field,
             double                  *out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  char *end = NULL;

  *out = g_ascii_strtod (text, &end);
  if (text[0] == '\0' || end == NULL || *end != '\0')
    {
      hc_indicator_target_dialog_show_error (self, field, _("Enter a number, such as 85 or 92.5."));
      return FALSE;
    }
  return TRUE;
}

/* What the Save button does. */
void
hc_indicator_target_dialog_send (HcIndicatorTargetDialog *self)
{
  double target, gap;
  guint choice;

  g_return_if_fail (HC_IS_INDICATOR_TARGET_DIALOG (self));

  if (self->busy)
    return;
  clear_errors (self);
  if (!read_number (self, self->target_entry, "target", &target) ||
      !read_number (self, self->gap_entry, "warning_gap", &gap))
    return;
  choice = gtk_drop_down_get_selected (self->region_dropdown);
  if (choice == GTK_INVALID_LIST_POSITION)
    choice = 0;
  g_signal_emit (self, signals [SEND], 0, choice, target, gap);
}

void
hc_indicator_target_dialog_set_busy (HcIndicatorTargetDialog *self,
                                     gboolean                 busy)
{
  g_return_if_fail (HC_IS_INDICATOR_TARGET_DIALOG (self));

  self->busy = busy;
  gtk_widget_set_sensitive (self->send_button, !busy);
}

/**
 * hc_indicator_target_dialog_show_error:
 * @field: "target", "warning_gap", or NULL for an error of no field
 * @message: (nullable): the error, NULL to clear it
 */
void
hc_indicator_target_dialog_show_error (HcIndicatorTargetDialog *self,
                                       const char              *field,
                                       const char              *message)
{
  GtkLabel *label;

  g_return_if_fail (HC_IS_INDICATOR_TARGET_DIALOG (self));

  label = error_label (self, field);
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

const char *
hc_indicator_target_dialog_get_error (HcIndicatorTargetDialog *self,
                                      const char              *field)
{
  GtkLabel *label;

  g_return_val_if_fail (HC_IS_INDICATOR_TARGET_DIALOG (self), NULL);

  label = error_label (self, field);
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

void
hc_indicator_target_dialog_open (HcIndicatorTargetDialog *self,
                                 GtkWindow               *parent)
{
  g_return_if_fail (HC_IS_INDICATOR_TARGET_DIALOG (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->target_entry));
}

/* Takes the focus out first (see HcIndicatorSubmitDialog). */
void
hc_indicator_target_dialog_close (HcIndicatorTargetDialog *self)
{
  g_return_if_fail (HC_IS_INDICATOR_TARGET_DIALOG (self));

  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * hc_indicator_target_dialog_take_answer:
 * @client: the HcClient that sent the dialog's target
 * @result: its hc_client_set_indicator_region_target_async() result
 *
 * As hc_indicator_submit_dialog_take_answer(), for the fields target and
 * warning_gap.
 */
HcIndicatorWrite
hc_indicator_target_dialog_take_answer (HcIndicatorTargetDialog *self,
                                        GObject                 *client,
                                        GAsyncResult            *result)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  const char *field;

  g_return_val_if_fail (HC_IS_INDICATOR_TARGET_DIALOG (self), HC_INDICATOR_WRITE_CANCELLED);
  g_return_val_if_fail (HC_IS_CLIENT (client), HC_INDICATOR_WRITE_CANCELLED);

  etag = hc_client_set_indicator_region_target_finish (HC_CLIENT (client), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return HC_INDICATOR_WRITE_CANCELLED;
  if (etag != NULL || g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED))
    {
      hc_indicator_target_dialog_close (self);
      return etag != NULL ? HC_INDICATOR_WRITE_DONE : HC_INDICATOR_WRITE_STALE;
    }
  field = hc_client_error_get_field (error);
  if (g_strcmp0 (field, "target") != 0 && g_strcmp0 (field, "warning_gap") != 0)
    field = NULL;
  hc_indicator_target_dialog_show_error (self, field, error->message);
  return HC_INDICATOR_WRITE_REFUSED;
}
