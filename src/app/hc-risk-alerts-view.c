/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRiskAlertsView: the open early-warning alerts (预警) beside the heat
 * map — one per rule and 市县 at most — with the selected alert's window,
 * events and note under the list. An analyst acknowledges an alert with a
 * note, a supervisor closes it; choosing one (double-click, Enter) emits
 * ::alert-activated, for the pane to list the events behind it. */
#define G_LOG_DOMAIN "hc-risk-alerts-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-risk-alerts-view.h"
#include "hc-risk-rules-dialog.h"

/* Open alerts are few (one per rule and 市县 at most): one page holds them. */
#define ALERTS_PAGE 200

struct _HcRiskAlertsView
{
  GtkWidget           parent_instance;

  /* template children */
  GtkLabel           *alerts_title;
  GtkColumnView      *column_view;
  GtkSingleSelection *alerts_selection;
  GtkLabel           *alert_detail;
  GtkLabel           *alerts_message;

  /* state */
  HcClient           *client;
  GCancellable       *cancellable;     /* the list's loading */
  GCancellable       *act_cancellable; /* an acknowledge or close */
  GListStore         *alerts;
  HcRiskAlert        *asking;          /* the alert a dialog is open for */
  gboolean            asking_close;
  gboolean            loading;
  gboolean            acting;
};

G_DEFINE_FINAL_TYPE (HcRiskAlertsView, hc_risk_alerts_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_BUSY, N_PROPS };
enum { ALERT_ACTIVATED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

#define CANCELLED(e) g_error_matches ((e), G_IO_ERROR, G_IO_ERROR_CANCELLED)

static void
set_flag (HcRiskAlertsView *self,
          gboolean         *flag,
          gboolean          value)
{
  gboolean was_busy = hc_risk_alerts_view_get_busy (self);

  *flag = value;
  if (was_busy != hc_risk_alerts_view_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static HcRiskAlert *
selected_alert (HcRiskAlertsView *self)
{
  return HC_RISK_ALERT (gtk_single_selection_get_selected_item (self->alerts_selection));
}

static gboolean
signed_in_as_supervisor (HcRiskAlertsView *self)
{
  HcRole role;

  return self->client != NULL && hc_role_from_key (hc_client_get_role (self->client), &role) &&
         hc_role_at_least (role, HC_ROLE_SUPERVISOR);
}

static void
update_actions (HcRiskAlertsView *self)
{
  HcRiskAlert *alert = selected_alert (self);
  gboolean can_act = alert != NULL && !self->acting && self->client != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.acknowledge",
                                 can_act && g_str_equal (hc_risk_alert_get_state (alert), "raised"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.close",
                                 can_act && hc_risk_alert_get_is_open (alert) && signed_in_as_supervisor (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.rules", self->client != NULL);
}

static void
set_message (HcRiskAlertsView *self,
             const char       *message)
{
  gtk_label_set_text (self->alerts_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->alerts_message), message != NULL);
}

/* Under the list: the selected alert's window, events and note. */
static void
update_detail (HcRiskAlertsView *self)
{
  HcRiskAlert *alert = selected_alert (self);
  g_autofree char *text = NULL;

  if (alert != NULL)
    {
      /* TRANSLATORS: the selected alert: its first and last month, and the number of events in them */
      guint events = (guint) CLAMP (hc_risk_alert_get_events (alert), 0, G_MAXUINT);
      g_autofree char *window = g_strdup_printf (ngettext ("%s to %s: %u event", "%s to %s: %u events", events),
                                                 hc_risk_alert_get_window_from (alert),
                                                 hc_risk_alert_get_window_to (alert), events);
      const char *note = hc_risk_alert_get_note (alert);
      g_autofree char *lapsed = hc_risk_alert_dup_lapsed_text (alert);
      g_autofree char *told = NULL;

      if (note != NULL && hc_risk_alert_get_acknowledged_by (alert) != NULL)
        /* TRANSLATORS: the selected alert's window, then who acknowledged it and their note */
        told = g_strdup_printf (_("%s. Acknowledged by %s: %s"), window,
                                hc_risk_alert_get_acknowledged_by (alert), note);
      else
        told = g_strdup_printf ("%s.", window);
      text = lapsed != NULL ? g_strdup_printf ("%s\n%s", told, lapsed) : g_steal_pointer (&told);
    }
  gtk_label_set_text (self->alert_detail, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->alert_detail), text != NULL);
}

static void
selection_cb (HcRiskAlertsView *self)
{
  update_detail (self);
  update_actions (self);
}

static char **
alert_state_classes (gpointer    unused,
                     const char *state)
{
  const char *klass = g_strcmp0 (state, "raised") == 0 ? "error"
                      : g_strcmp0 (state, "acknowledged") == 0 ? "warning" : "dim-label";

  return g_strdupv ((char *[]) { (char *) klass, NULL });
}

static void
alerts_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcRiskAlertsView) self = user_data;
  g_autoptr(HcPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GListModel *items;
  guint n;

  page = hc_client_list_risk_alerts_finish (HC_CLIENT (source), result, &error);
  if (CANCELLED (error))
    return;
  if (page == NULL)
    {
      set_message (self, error->message);
      set_flag (self, &self->loading, FALSE);
      update_actions (self);
      return;
    }
  items = hc_page_get_items (page);
  n = g_list_model_get_n_items (items);
  {
    g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (alerts, g_list_model_get_item (items, i));
    g_list_store_splice (self->alerts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->alerts)),
                         alerts->pdata, alerts->len);
  }
  if (hc_page_get_total (page) > (gint64) n)
    /* TRANSLATORS: the alerts list's heading when it shows only the first of them */
    title = g_strdup_printf (_("Open Alerts (first %u of %u)"), n,
                             (guint) CLAMP (hc_page_get_total (page), 0, G_MAXUINT));
  else
    /* TRANSLATORS: the alerts list's heading, with the number of open alerts */
    title = g_strdup_printf (_("Open Alerts (%u)"), n);
  gtk_label_set_text (self->alerts_title, title);
  set_flag (self, &self->loading, FALSE);
  update_detail (self);
  update_actions (self);
}

/* Reads the open alerts again (the client's, if it has one). */
void
hc_risk_alerts_view_reload (HcRiskAlertsView *self)
{
  g_return_if_fail (HC_IS_RISK_ALERTS_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  update_actions (self);
  if (self->client == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  set_flag (self, &self->loading, TRUE);
  hc_client_list_risk_alerts_async (self->client, "open", NULL, ALERTS_PAGE, NULL, TRUE,
                                    self->cancellable, alerts_cb, g_object_ref (self));
}

static void
alert_activated_cb (HcRiskAlertsView *self,
                    guint             position)
{
  g_autoptr(HcRiskAlert) alert = g_list_model_get_item (G_LIST_MODEL (self->alerts_selection), position);

  if (alert != NULL)
    g_signal_emit (self, signals [ALERT_ACTIVATED], 0, alert);
}

static void
move_alert_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HcRiskAlertsView) self = user_data;
  g_autoptr(HcRiskAlert) alert = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_get_source_tag (G_TASK (result)) == hc_client_acknowledge_risk_alert_async)
    alert = hc_client_acknowledge_risk_alert_finish (HC_CLIENT (source), result, &error);
  else
    alert = hc_client_close_risk_alert_finish (HC_CLIENT (source), result, &error);
  if (CANCELLED (error))
    return;
  set_flag (self, &self->acting, FALSE);
  if (alert == NULL)
    {
      if (g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED) ||
          g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_CONFLICT))
        {
          g_autofree char *message =
            /* TRANSLATORS: after a refused acknowledge or close: the server's reason, then what the pane did */
            g_strdup_printf (_("%s The alerts have been reloaded."), error->message);

          set_message (self, message);
          hc_risk_alerts_view_reload (self);
        }
      else
        set_message (self, error->message);
      update_actions (self);
      return;
    }
  set_message (self, NULL);
  hc_risk_alerts_view_reload (self);
}

static void
note_changed (GtkEditable      *editable,
              AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "apply", *text != '\0');
}

static void
alert_dialog_response (AdwMessageDialog *dialog,
                       const char       *response,
                       HcRiskAlertsView *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(HcRiskAlert) alert = g_steal_pointer (&self->asking);
  g_autofree char *note = NULL;

  if (g_strcmp0 (response, "apply") != 0 || alert == NULL || self->client == NULL)
    return;
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_cancellable_cancel (self->act_cancellable);
  g_clear_object (&self->act_cancellable);
  self->act_cancellable = g_cancellable_new ();
  set_flag (self, &self->acting, TRUE);
  update_actions (self);
  if (self->asking_close)
    hc_client_close_risk_alert_async (self->client, alert, *note ? note : NULL, self->act_cancellable,
                                      move_alert_cb, g_object_ref (self));
  else
    hc_client_acknowledge_risk_alert_async (self->client, alert, note, self->act_cancellable,
                                            move_alert_cb, g_object_ref (self));
}

/* Asks for the note of acknowledging (required) or closing (optional) the
 * selected alert. */
static void
ask_alert_note (HcRiskAlertsView *self,
                gboolean          close)
{
  HcRiskAlert *alert = selected_alert (self);
  AdwMessageDialog *dialog;
  GtkWidget *note;
  g_autofree char *heading = NULL;
  g_autofree char *measure = NULL;

  if (alert == NULL || self->acting)
    return;
  measure = hc_risk_alert_dup_measure_text (alert);
  /* TRANSLATORS: the heading of the acknowledge/close dialog: "海口市 · 走私" */
  heading = g_strdup_printf (_("%s · %s"), hc_risk_alert_get_region_name (alert),
                             hc_risk_alert_get_category_label (alert));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, NULL));
  adw_message_dialog_format_body (dialog, "%s\n%s", measure,
                                  close ? _("You may say why the alert is closed. The note is kept in the audit log.")
                                        : _("Say what is being done about this alert. The note is kept with it."));
  note = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  adw_message_dialog_set_extra_child (dialog, note);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "apply", close ? _("C_lose Alert") : _("_Acknowledge"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply",
                                              close ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (!close)
    {
      adw_message_dialog_set_response_enabled (dialog, "apply", FALSE);
      g_signal_connect_object (note, "changed", G_CALLBACK (note_changed), dialog, 0);
    }
  g_set_object (&self->asking, alert);
  self->asking_close = close;
  g_signal_connect_object (dialog, "response", G_CALLBACK (alert_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (note);
}

static void
acknowledge_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ask_alert_note (HC_RISK_ALERTS_VIEW (widget), FALSE);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  ask_alert_note (HC_RISK_ALERTS_VIEW (widget), TRUE);
}

static void
rules_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  HcRiskAlertsView *self = HC_RISK_ALERTS_VIEW (widget);
  HcRiskRulesDialog *dialog;

  if (self->client == NULL)
    return;
  dialog = hc_risk_rules_dialog_new (self->client);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  /* A rule saved is judged at once: the alerts it raised or marked show. */
  g_signal_connect_object (dialog, "saved", G_CALLBACK (hc_risk_alerts_view_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Leaving the pane cancels what the view asked of the server. */
static void
hc_risk_alerts_view_unmap (GtkWidget *widget)
{
  HcRiskAlertsView *self = HC_RISK_ALERTS_VIEW (widget);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->act_cancellable);
  set_flag (self, &self->loading, FALSE);
  set_flag (self, &self->acting, FALSE);
  update_actions (self);
  GTK_WIDGET_CLASS (hc_risk_alerts_view_parent_class)->unmap (widget);
}

static void
hc_risk_alerts_view_dispose (GObject *object)
{
  HcRiskAlertsView *self = HC_RISK_ALERTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->act_cancellable);
  g_clear_object (&self->act_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_RISK_ALERTS_VIEW);
  g_clear_object (&self->alerts);
  g_clear_object (&self->asking);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (hc_risk_alerts_view_parent_class)->dispose (object);
}

static void
hc_risk_alerts_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HcRiskAlertsView *self = HC_RISK_ALERTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, hc_risk_alerts_view_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_risk_alerts_view_class_init (HcRiskAlertsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_risk_alerts_view_dispose;
  object_class->get_property = hc_risk_alerts_view_get_property;
  widget_class->unmap = hc_risk_alerts_view_unmap;

  /* TRUE while the alerts load or one is being acknowledged or closed. */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An alert was chosen (double-click, Enter): the HcRiskAlert. */
  signals [ALERT_ACTIVATED] =
    g_signal_new ("alert-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, HC_TYPE_RISK_ALERT);

  gtk_widget_class_install_action (widget_class, "alerts.acknowledge", NULL, acknowledge_action);
  gtk_widget_class_install_action (widget_class, "alerts.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "alerts.rules", NULL, rules_action);

  g_type_ensure (HC_TYPE_RISK_ALERT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-risk-alerts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HcRiskAlertsView, alerts_title);
  gtk_widget_class_bind_template_child (widget_class, HcRiskAlertsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, HcRiskAlertsView, alerts_selection);
  gtk_widget_class_bind_template_child (widget_class, HcRiskAlertsView, alert_detail);
  gtk_widget_class_bind_template_child (widget_class, HcRiskAlertsView, alerts_message);
  gtk_widget_class_bind_template_callback (widget_class, alert_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, alert_state_classes);
}

static void
hc_risk_alerts_view_init (HcRiskAlertsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->alerts = g_list_store_new (HC_TYPE_RISK_ALERT);
  gtk_single_selection_set_model (self->alerts_selection, G_LIST_MODEL (self->alerts));
  g_signal_connect_object (self->alerts_selection, "notify::selected",
                           G_CALLBACK (selection_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* The client the alerts are read and worked with (NULL: signed out). */
void
hc_risk_alerts_view_set_client (HcRiskAlertsView *self,
                                HcClient         *client)
{
  g_return_if_fail (HC_IS_RISK_ALERTS_VIEW (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (g_set_object (&self->client, client))
    update_actions (self);
}

gboolean
hc_risk_alerts_view_get_busy (HcRiskAlertsView *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERTS_VIEW (self), FALSE);
  return self->loading || self->acting;
}

/* The open alerts listed (an HcRiskAlert each). */
GListModel *
hc_risk_alerts_view_get_alerts (HcRiskAlertsView *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->alerts);
}

/* Selects the alert at @position of the list, as a click does. */
void
hc_risk_alerts_view_select (HcRiskAlertsView *self,
                            guint             position)
{
  g_return_if_fail (HC_IS_RISK_ALERTS_VIEW (self));
  gtk_single_selection_set_selected (self->alerts_selection, position);
}

/* What the list says under it after a refused step, or NULL. */
const char *
hc_risk_alerts_view_get_message (HcRiskAlertsView *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERTS_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->alerts_message))
         ? gtk_label_get_text (self->alerts_message) : NULL;
}
