/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListActions: the steps of a list entry's workflow (告知, 公示, 异议 …)
 * legal from its state, as buttons. Those above the signed-in role stay
 * visible but disabled, with a tooltip that says who may. A click asks the
 * reason (HcListReasonDialog) and sends the transition with the entry's
 * ETag; ::done gives the entry as the server left it, ::failed the
 * refusal. */
#define G_LOG_DOMAIN "hc-list-actions"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-list-actions.h"
#include "hc-list-reason-dialog.h"

struct _HcListActions
{
  GtkWidget      parent_instance;

  /* template children */
  GtkFlowBox    *actions_box;

  /* state */
  GtkWidget     *buttons [HC_LIST_ACTION_N];
  HcListClass    list_class;
  gboolean       acting;       /* a transition is on its way */

  /* owned objects */
  HcClient      *client;
  HcListEntry   *entry;
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (HcListActions, hc_list_actions, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_BUSY, N_PROPS };
enum { STARTED, DONE, FAILED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static HcRole
signed_in_role (HcListActions *self)
{
  HcRole role;

  if (self->client == NULL || !hc_role_from_key (hc_client_get_role (self->client), &role))
    return HC_ROLE_ANALYST;
  return role;
}

/* The least role for @action on the entry (the core's rule, by the class of
 * its list: publishing a black or watch entry is a supervisor's). */
static HcRole
needed_role (HcListActions *self,
             HcListAction   action)
{
  HcRole need = HC_ROLE_ADMIN;

  hc_role_from_key (hc_list_action_required_role (action, self->list_class), &need);
  return need;
}

static void
update (HcListActions *self)
{
  HcListEntryState from;
  gboolean known = self->entry != NULL &&
                   hc_list_entry_state_from_key (hc_list_entry_get_state (self->entry), &from);
  HcRole have = signed_in_role (self);

  for (guint i = 0; i < HC_LIST_ACTION_N; i++)
    {
      GtkWidget *button = self->buttons[i];
      gboolean legal = known && hc_list_action_apply (from, i, NULL);
      HcRole need = needed_role (self, i);
      gboolean allowed = hc_role_at_least (have, need);

      gtk_widget_set_visible (button, legal);
      gtk_widget_set_visible (gtk_widget_get_parent (button), legal);
      gtk_widget_set_sensitive (button, legal && allowed && !self->acting);
      if (!allowed)
        {
          g_autofree char *tip = g_strdup_printf (_("Only a %s or a higher role may do this."),
                                                  hc_role_label (need));
          gtk_widget_set_tooltip_text (button, tip);
        }
      else if (hc_list_action_needs_reason (i))
        gtk_widget_set_tooltip_text (button, _("Asks for the reason, then takes the action"));
      else
        gtk_widget_set_tooltip_text (button, _("Takes the action; a reason is optional"));
    }
}

static void
set_acting (HcListActions *self,
            gboolean       acting)
{
  if (self->acting == acting)
    return;
  self->acting = acting;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
transition_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HcListActions) self = user_data;
  g_autoptr(HcListEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = hc_client_transition_list_entry_finish (HC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_acting (self, FALSE);
      return;
    }
  if (entry != NULL)
    g_set_object (&self->entry, entry);
  set_acting (self, FALSE);
  if (entry == NULL)
    g_signal_emit (self, signals [FAILED], 0, error);
  else
    g_signal_emit (self, signals [DONE], 0, entry);
}

static void
send_transition (HcListActions *self,
                 HcListAction   action,
                 const char    *reason)
{
  if (self->entry == NULL || self->client == NULL || self->acting)
    return;
  g_signal_emit (self, signals [STARTED], 0);
  set_acting (self, TRUE);
  hc_client_transition_list_entry_async (self->client,
                                         hc_list_entry_get_id (self->entry),
                                         hc_list_entry_get_etag (self->entry),
                                         hc_list_action_to_key (action),
                                         reason && *reason ? reason : NULL,
                                         self->cancellable,
                                         transition_cb, g_object_ref (self));
}

static void
dialog_response (HcListReasonDialog *dialog,
                 const char         *response,
                 HcListActions      *self)
{
  g_autofree char *reason = hc_list_reason_dialog_get_reason (dialog);

  if (g_strcmp0 (response, "apply") == 0)
    send_transition (self, hc_list_reason_dialog_get_action (dialog), reason);
}

static void
transition_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  HcListActions *self = HC_LIST_ACTIONS (widget);
  HcListEntryState from;
  HcListAction action;
  HcListReasonDialog *dialog;

  if (self->entry == NULL || self->acting ||
      !hc_list_action_from_key (g_variant_get_string (param, NULL), &action) ||
      !hc_list_entry_state_from_key (hc_list_entry_get_state (self->entry), &from) ||
      !hc_list_action_apply (from, action, NULL) ||
      !hc_role_at_least (signed_in_role (self), needed_role (self, action)))
    return;

  dialog = hc_list_reason_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), action,
                                      hc_list_entry_get_subject_name (self->entry));
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hc_list_actions_dispose (GObject *object)
{
  HcListActions *self = HC_LIST_ACTIONS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->entry);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_LIST_ACTIONS);

  G_OBJECT_CLASS (hc_list_actions_parent_class)->dispose (object);
}

static void
hc_list_actions_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HcListActions *self = HC_LIST_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, hc_list_actions_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_list_actions_class_init (HcListActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_list_actions_dispose;
  object_class->get_property = hc_list_actions_get_property;

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* HcListActions::started: a transition is sent */
  signals [STARTED] =
    g_signal_new ("started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* HcListActions::done: @entry is the entry as the server left it */
  signals [DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HC_TYPE_LIST_ENTRY);
  /* HcListActions::failed: @error is the server's refusal */
  signals [FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_install_action (widget_class, "lists.transition", "s", transition_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-list-actions.ui");
  gtk_widget_class_bind_template_child (widget_class, HcListActions, actions_box);
}

static void
hc_list_actions_init (HcListActions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->list_class = HC_LIST_CLASS_BLACK;
  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < HC_LIST_ACTION_N; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (hc_list_action_label (i));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "lists.transition");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", hc_list_action_to_key (i));
      gtk_flow_box_append (self->actions_box, button);
      /* The button takes the focus, not the flow box's child around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      self->buttons[i] = button;
    }
  update (self);
}

/**
 * hc_list_actions_show:
 * @client: (nullable): the signed-in client, whose role decides
 * @entry: (nullable): the entry, with its ETag
 * @list_class: the class of its list (publishing black and watch entries is
 *   a supervisor's)
 *
 * Offers the steps legal from @entry's state.
 */
void
hc_list_actions_show (HcListActions *self,
                      HcClient      *client,
                      HcListEntry   *entry,
                      HcListClass    list_class)
{
  g_return_if_fail (HC_IS_LIST_ACTIONS (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));
  g_return_if_fail (entry == NULL || HC_IS_LIST_ENTRY (entry));

  g_set_object (&self->client, client);
  g_set_object (&self->entry, entry);
  self->list_class = list_class;
  update (self);
}

/* Returns: whether a transition is on its way */
gboolean
hc_list_actions_get_busy (HcListActions *self)
{
  g_return_val_if_fail (HC_IS_LIST_ACTIONS (self), FALSE);
  return self->acting;
}

/* Returns: (transfer none): the button of @action */
GtkWidget *
hc_list_actions_get_button (HcListActions *self,
                            HcListAction   action)
{
  g_return_val_if_fail (HC_IS_LIST_ACTIONS (self), NULL);
  g_return_val_if_fail (action < HC_LIST_ACTION_N, NULL);
  return self->buttons[action];
}
