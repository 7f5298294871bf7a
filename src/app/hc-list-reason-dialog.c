/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListReasonDialog: the reason for a step of the list work — a step of
 * an entry's workflow (告知, 公示, 异议 …), clearing a false match, a
 * measure not applied, a repair's decision. Where the server refuses the
 * step without a reason, its button stays disabled until one is typed. */
#define G_LOG_DOMAIN "hc-list-reason-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-list-reason-dialog.h"

struct _HcListReasonDialog
{
  AdwMessageDialog  parent_instance;

  /* template children */
  GtkEditable      *reason_entry;

  /* state */
  HcListAction      action;    /* HC_LIST_ACTION_N for another step */
  gboolean          required;
};

G_DEFINE_FINAL_TYPE (HcListReasonDialog, hc_list_reason_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The actions the server refuses without a reason (lists.json). */
gboolean
hc_list_action_needs_reason (HcListAction action)
{
  return action == HC_LIST_ACTION_OBJECT || action == HC_LIST_ACTION_UPHOLD ||
         action == HC_LIST_ACTION_REVOKE || action == HC_LIST_ACTION_REPAIR ||
         action == HC_LIST_ACTION_EXIT;
}

static void
reason_changed (HcListReasonDialog *self)
{
  g_autofree char *reason = hc_list_reason_dialog_get_reason (self);

  if (self->required)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", *reason != '\0');
}

static void
hc_list_reason_dialog_class_init (HcListReasonDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-list-reason-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HcListReasonDialog, reason_entry);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed);
}

static void
hc_list_reason_dialog_init (HcListReasonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hc_list_reason_dialog_new_asking:
 * @parent: (nullable): the window it is modal to
 * @heading: what is done, to what
 * @body: what the reason is for
 * @apply_label: the label of the "apply" response
 * @required: whether "apply" waits for a reason
 *
 * The dialog for any step of the list work that asks a reason (clearing a
 * false match, feedback that a measure was not applied, a repair's
 * decision).
 *
 * Returns: (transfer none): the dialog; its "apply" response takes the step
 */
HcListReasonDialog *
hc_list_reason_dialog_new_asking (GtkWindow  *parent,
                                  const char *heading,
                                  const char *body,
                                  const char *apply_label,
                                  gboolean    required)
{
  HcListReasonDialog *self;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (heading != NULL && body != NULL && apply_label != NULL, NULL);

  self = g_object_new (HC_TYPE_LIST_REASON_DIALOG, "transient-for", parent, NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  self->action = HC_LIST_ACTION_N;
  self->required = required;
  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", apply_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");
  reason_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
  return self;
}

/**
 * hc_list_reason_dialog_new:
 * @parent: (nullable): the window it is modal to
 * @action: the step asked about
 * @subject_name: the entry's subject, named in the heading
 *
 * Returns: (transfer none): the dialog; its "apply" response takes the step
 */
HcListReasonDialog *
hc_list_reason_dialog_new (GtkWindow    *parent,
                           HcListAction  action,
                           const char   *subject_name)
{
  HcListReasonDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (action < HC_LIST_ACTION_N, NULL);

  /* TRANSLATORS: "告知：海南某某有限公司" — an action and the entry's subject */
  heading = g_strdup_printf (_("%s: %s"), hc_list_action_label (action), subject_name ? subject_name : "");
  self = hc_list_reason_dialog_new_asking (parent, heading,
                                           hc_list_action_needs_reason (action)
                                           ? _("Give the reason for this step. It is kept in the entry’s history.")
                                           : _("You may give a reason for this step. It is kept in the entry’s history."),
                                           hc_list_action_label (action), hc_list_action_needs_reason (action));
  self->action = action;
  return self;
}

HcListAction
hc_list_reason_dialog_get_action (HcListReasonDialog *self)
{
  g_return_val_if_fail (HC_IS_LIST_REASON_DIALOG (self), HC_LIST_ACTION_N);
  return self->action;
}

/* Returns: (transfer full): the reason typed, trimmed, maybe empty */
char *
hc_list_reason_dialog_get_reason (HcListReasonDialog *self)
{
  g_return_val_if_fail (HC_IS_LIST_REASON_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (self->reason_entry)));
}
