/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcAuditPane: the Audit Log pane. It checks that the session is good and
 * shows what the pane is for; the pane's own views fill its content. */
#define G_LOG_DOMAIN "hc-audit-pane"

#include "config.h"

#include "hc-audit-pane.h"
#include "hc-pane-state.h"

struct _HcAuditPane
{
  GtkWidget     parent_instance;

  GtkSearchBar *search_bar;
  GtkWidget    *search_entry;
  HcPaneState  *state;

  HcClient     *client;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (HcAuditPane, hc_audit_pane, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CLIENT, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
session_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcAuditPane) self = user_data;
  g_autoptr(GError) error = NULL;

  if (hc_client_check_session_finish (HC_CLIENT (source), result, &error))
    hc_pane_state_show_empty (self->state);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    hc_pane_state_show_error (self->state, error->message);
}

static void
refresh (HcAuditPane *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client == NULL || !hc_client_get_signed_in (self->client))
    return;

  self->cancellable = g_cancellable_new ();
  hc_pane_state_show_loading (self->state);
  hc_client_check_session_async (self->client, self->cancellable, session_cb, g_object_ref (self));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  refresh (HC_AUDIT_PANE (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcAuditPane *self = HC_AUDIT_PANE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (self->search_entry);
}

/* Leaving the pane cancels its requests; coming back loads it again. */
static void
hc_audit_pane_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hc_audit_pane_parent_class)->map (widget);
  refresh (HC_AUDIT_PANE (widget));
}

static void
hc_audit_pane_unmap (GtkWidget *widget)
{
  HcAuditPane *self = HC_AUDIT_PANE (widget);

  g_cancellable_cancel (self->cancellable);
  GTK_WIDGET_CLASS (hc_audit_pane_parent_class)->unmap (widget);
}

static void
hc_audit_pane_dispose (GObject *object)
{
  HcAuditPane *self = HC_AUDIT_PANE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_AUDIT_PANE);

  G_OBJECT_CLASS (hc_audit_pane_parent_class)->dispose (object);
}

static void
hc_audit_pane_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HcAuditPane *self = HC_AUDIT_PANE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, hc_audit_pane_get_client (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_audit_pane_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HcAuditPane *self = HC_AUDIT_PANE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      hc_audit_pane_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_audit_pane_class_init (HcAuditPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_audit_pane_dispose;
  object_class->get_property = hc_audit_pane_get_property;
  object_class->set_property = hc_audit_pane_set_property;
  widget_class->map = hc_audit_pane_map;
  widget_class->unmap = hc_audit_pane_unmap;

  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "pane.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "pane.search", NULL, search_action);

  g_type_ensure (HC_TYPE_PANE_STATE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-audit-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HcAuditPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HcAuditPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HcAuditPane, state);
  gtk_widget_class_bind_template_callback (widget_class, refresh);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_audit_pane_init (HcAuditPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HcClient *
hc_audit_pane_get_client (HcAuditPane *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_PANE (self), NULL);
  return self->client;
}

void
hc_audit_pane_set_client (HcAuditPane *self,
                          HcClient     *client)
{
  g_return_if_fail (HC_IS_AUDIT_PANE (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (g_set_object (&self->client, client))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT]);
}
