/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspectionConflictsDialog: the conflicts declared on a 双随机、一公开
 * plan — an inspector who may not inspect a subject (a relative, a former
 * employer), so the draw never pairs them. A supervisor declares and
 * withdraws them until the plan is drawn; after, the dialog shows them
 * read-only, since the draw honoured them as they stood. What the server
 * refuses is shown here with the field, and the dialog stays open. Emits
 * "changed" with the plan as it is after each change. */
#define G_LOG_DOMAIN "hc-inspection-conflicts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-inspection-conflicts-dialog.h"

struct _HcInspectionConflictsDialog
{
  AdwWindow         parent_instance;

  /* template children */
  AdwWindowTitle   *window_title;
  GtkLabel         *drawn_label;
  GtkLabel         *message_label;
  GtkListBox       *conflict_list;
  GtkWidget        *add_group;
  AdwComboRow      *inspector_row;
  AdwEntryRow      *subject_row;
  AdwEntryRow      *reason_row;

  /* state */
  HcClient         *client;
  HcInspectionPlan *plan;
  GCancellable     *cancellable;
  GPtrArray        *usernames;     /* of the combo's rows */
  char             *message;
  char             *field;
  gboolean          busy;
};

G_DEFINE_FINAL_TYPE (HcInspectionConflictsDialog, hc_inspection_conflicts_dialog, ADW_TYPE_WINDOW)

enum { CHANGED, N_SIGNALS };

static guint signals [N_SIGNALS];

static gboolean
is_open (HcInspectionConflictsDialog *self)
{
  return self->plan != NULL && g_strcmp0 (hc_inspection_plan_get_state (self->plan), "planned") == 0;
}

static void
update_actions (HcInspectionConflictsDialog *self)
{
  g_autofree char *subject = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_row))));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.add",
                                 !self->busy && is_open (self) && self->usernames->len > 0 && *subject != '\0' &&
                                 *reason != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.withdraw", !self->busy && is_open (self));
}

/* What the server refused and the field it named; both %NULL to clear. */
static void
set_message (HcInspectionConflictsDialog *self,
             const char                  *message,
             const char                  *field)
{
  g_free (self->message);
  self->message = g_strdup (message);
  g_free (self->field);
  self->field = g_strdup (field);
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (g_strcmp0 (field, "subject") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->subject_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->subject_row), "error");
  if (g_strcmp0 (field, "reason") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->reason_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reason_row), "error");
}

/* The label of the inspector @username: the display name when the plan
 * has one. */
static const char *
inspector_label (HcInspectionConflictsDialog *self,
                 const char                  *username)
{
  JsonArray *inspectors = hc_inspection_plan_get_inspectors (self->plan);

  for (guint i = 0; i < json_array_get_length (inspectors); i++)
    {
      JsonObject *u = json_array_get_object_element (inspectors, i);
      const char *display = json_object_get_string_member_with_default (u, "display_name", NULL);

      if (g_strcmp0 (json_object_get_string_member_with_default (u, "username", NULL), username) == 0)
        return display != NULL && *display != '\0' ? display : username;
    }
  return username;
}

static void
show_plan (HcInspectionConflictsDialog *self)
{
  JsonArray *conflicts = hc_inspection_plan_get_conflicts (self->plan);
  GtkWidget *child;
  gboolean open = is_open (self);

  adw_window_title_set_subtitle (self->window_title, hc_inspection_plan_get_title (self->plan));
  gtk_widget_set_visible (GTK_WIDGET (self->drawn_label), !open);
  gtk_widget_set_visible (self->add_group, open);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflict_list))) != NULL)
    gtk_list_box_remove (self->conflict_list, child);
  for (guint i = 0; i < json_array_get_length (conflicts); i++)
    {
      JsonObject *c = json_array_get_object_element (conflicts, i);
      const char *inspector = json_object_get_string_member_with_default (c, "inspector", "");
      const char *subject = json_object_get_string_member_with_default (c, "subject", "");
      const char *name = json_object_get_string_member_with_default (c, "subject_name", subject);
      const char *reason = json_object_get_string_member_with_default (c, "reason", "");
      /* Translators: a declared conflict, "王海 ↔ 海南椰林食品有限公司" */
      g_autofree char *title = g_strdup_printf (_("%s ↔ %s"), inspector_label (self, inspector), name);
      /* Translators: a conflict's subject and reason, "91460100… · 亲属" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), subject, reason);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (open)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Withdraw this conflict"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Withdraw this conflict"), -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "dialog.withdraw");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) i);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->conflict_list, row);
    }
  if (json_array_get_length (conflicts) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No conflicts declared."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->conflict_list, row);
    }
  update_actions (self);
}

static void
changed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcInspectionConflictsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcInspectionPlan) plan = NULL;
  if (g_async_result_is_tagged (result, hc_client_add_inspection_conflict_async))
    plan = hc_client_add_inspection_conflict_finish (HC_CLIENT (source), result, &error);
  else
    plan = hc_client_remove_inspection_conflict_finish (HC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (plan == NULL)
    {
      set_message (self, error->message, hc_client_error_get_field (error));
      update_actions (self);
      return;
    }
  set_message (self, NULL, NULL);
  if (g_async_result_is_tagged (result, hc_client_add_inspection_conflict_async))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->subject_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
    }
  g_set_object (&self->plan, plan);
  show_plan (self);
  g_signal_emit (self, signals[CHANGED], 0, plan);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  HcInspectionConflictsDialog *self = HC_INSPECTION_CONFLICTS_DIALOG (widget);
  guint selected = adw_combo_row_get_selected (self->inspector_row);
  g_autofree char *subject = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_row))));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

  if (selected >= self->usernames->len)
    return;
  self->busy = TRUE;
  update_actions (self);
  hc_client_add_inspection_conflict_async (self->client, hc_inspection_plan_get_id (self->plan),
                                           g_ptr_array_index (self->usernames, selected), subject, reason,
                                           self->cancellable, changed_cb, g_object_ref (self));
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  HcInspectionConflictsDialog *self = HC_INSPECTION_CONFLICTS_DIALOG (widget);
  JsonArray *conflicts = hc_inspection_plan_get_conflicts (self->plan);
  gint32 i = g_variant_get_int32 (param);
  JsonObject *c;

  if (i < 0 || (guint) i >= json_array_get_length (conflicts))
    return;
  c = json_array_get_object_element (conflicts, (guint) i);
  self->busy = TRUE;
  update_actions (self);
  hc_client_remove_inspection_conflict_async (self->client, hc_inspection_plan_get_id (self->plan),
                                              json_object_get_string_member_with_default (c, "inspector", ""),
                                              json_object_get_string_member_with_default (c, "subject", ""),
                                              self->cancellable, changed_cb, g_object_ref (self));
}

static void
hc_inspection_conflicts_dialog_dispose (GObject *object)
{
  HcInspectionConflictsDialog *self = HC_INSPECTION_CONFLICTS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_INSPECTION_CONFLICTS_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->usernames, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->field, g_free);

  G_OBJECT_CLASS (hc_inspection_conflicts_dialog_parent_class)->dispose (object);
}

static void
hc_inspection_conflicts_dialog_class_init (HcInspectionConflictsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_inspection_conflicts_dialog_dispose;

  /**
   * HcInspectionConflictsDialog::changed:
   * @plan: the plan with its conflicts as they are now (HcInspectionPlan)
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, HC_TYPE_INSPECTION_PLAN);

  gtk_widget_class_install_action (widget_class, "dialog.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "dialog.withdraw", "i", withdraw_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hncredit/Console/hc-inspection-conflicts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HcInspectionConflictsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionConflictsDialog, drawn_label);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionConflictsDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionConflictsDialog, conflict_list);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionConflictsDialog, add_group);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionConflictsDialog, inspector_row);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionConflictsDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionConflictsDialog, reason_row);
  gtk_widget_class_bind_template_callback (widget_class, update_actions);
}

static void
hc_inspection_conflicts_dialog_init (HcInspectionConflictsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->usernames = g_ptr_array_new_with_free_func (g_free);
}

/**
 * hc_inspection_conflicts_dialog_new:
 * @plan: the plan as read on its own (with its inspectors and conflicts)
 *
 * Returns: (transfer full): a dialog over @parent
 */
HcInspectionConflictsDialog *
hc_inspection_conflicts_dialog_new (GtkWindow        *parent,
                                    HcClient         *client,
                                    HcInspectionPlan *plan)
{
  HcInspectionConflictsDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  JsonArray *inspectors;

  g_return_val_if_fail (HC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (HC_IS_INSPECTION_PLAN (plan), NULL);

  self = g_object_new (HC_TYPE_INSPECTION_CONFLICTS_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->client = g_object_ref (client);
  self->plan = g_object_ref (plan);
  inspectors = hc_inspection_plan_get_inspectors (plan);
  for (guint i = 0; i < json_array_get_length (inspectors); i++)
    {
      const char *username = json_object_get_string_member_with_default (json_array_get_object_element (inspectors, i),
                                                                          "username", NULL);

      if (username == NULL)
        continue;
      g_ptr_array_add (self->usernames, g_strdup (username));
      gtk_string_list_append (names, inspector_label (self, username));
    }
  adw_combo_row_set_model (self->inspector_row, G_LIST_MODEL (names));
  show_plan (self);
  return self;
}

/* The plan as last read, with its conflicts. */
HcInspectionPlan *
hc_inspection_conflicts_dialog_get_plan (HcInspectionConflictsDialog *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_CONFLICTS_DIALOG (self), NULL);
  return self->plan;
}

gboolean
hc_inspection_conflicts_dialog_get_busy (HcInspectionConflictsDialog *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_CONFLICTS_DIALOG (self), FALSE);
  return self->busy;
}

/* What the server last refused, %NULL when the last change went through. */
const char *
hc_inspection_conflicts_dialog_get_message (HcInspectionConflictsDialog *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_CONFLICTS_DIALOG (self), NULL);
  return self->message;
}

/* The field the refusal named (subject, inspector, reason), or %NULL. */
const char *
hc_inspection_conflicts_dialog_get_field (HcInspectionConflictsDialog *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_CONFLICTS_DIALOG (self), NULL);
  return self->field;
}
