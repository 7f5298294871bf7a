/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcPane: the base of the main window's panes. It holds what they all
 * share — the client, the cancellable of the pane's requests (cancelled
 * when the pane leaves the screen, fresh when it comes back), the
 * pane.refresh and pane.search actions and the pane's HcPaneState — so a
 * pane implements only what it shows, in its reload function. */
#define G_LOG_DOMAIN "hc-pane"

#include "config.h"

#include "hc-pane.h"

typedef struct
{
  HcPaneState  *state;        /* weak: a child of the pane's template */
  GtkSearchBar *search_bar;   /* weak */
  GtkWidget    *search_entry; /* weak */

  HcClient     *client;
  GCancellable *cancellable;
} HcPanePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HcPane, hc_pane, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CLIENT, PROP_STATE, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
hc_pane_real_search (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  if (priv->search_bar == NULL)
    return;
  gtk_search_bar_set_search_mode (priv->search_bar, TRUE);
  if (priv->search_entry != NULL)
    gtk_widget_grab_focus (priv->search_entry);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HC_PANE_GET_CLASS (widget)->refresh (HC_PANE (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HC_PANE_GET_CLASS (widget)->search (HC_PANE (widget));
}

/* Leaving the pane cancels its requests; coming back loads it again. */
static void
hc_pane_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hc_pane_parent_class)->map (widget);
  hc_pane_reload (HC_PANE (widget));
}

static void
hc_pane_unmap (GtkWidget *widget)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (HC_PANE (widget));

  g_cancellable_cancel (priv->cancellable);
  GTK_WIDGET_CLASS (hc_pane_parent_class)->unmap (widget);
}

/* Search is offered by panes that have one: a search function of their own
 * or a search bar. (In an instance init the class is not yet the pane's.) */
static gboolean
has_search (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  return priv->search_bar != NULL || HC_PANE_GET_CLASS (self)->search != hc_pane_real_search;
}

static void
hc_pane_constructed (GObject *object)
{
  G_OBJECT_CLASS (hc_pane_parent_class)->constructed (object);
  gtk_widget_action_set_enabled (GTK_WIDGET (object), "pane.search", has_search (HC_PANE (object)));
}

static void
hc_pane_dispose (GObject *object)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (HC_PANE (object));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->client);
  g_clear_weak_pointer (&priv->state);
  g_clear_weak_pointer (&priv->search_bar);
  g_clear_weak_pointer (&priv->search_entry);

  G_OBJECT_CLASS (hc_pane_parent_class)->dispose (object);
}

static void
hc_pane_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  HcPane *self = HC_PANE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, hc_pane_get_client (self));
      break;
    case PROP_STATE:
      g_value_set_object (value, hc_pane_get_state (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_pane_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  HcPane *self = HC_PANE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      hc_pane_set_client (self, g_value_get_object (value));
      break;
    case PROP_STATE:
      hc_pane_set_state (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_pane_class_init (HcPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hc_pane_constructed;
  object_class->dispose = hc_pane_dispose;
  object_class->get_property = hc_pane_get_property;
  object_class->set_property = hc_pane_set_property;
  widget_class->map = hc_pane_map;
  widget_class->unmap = hc_pane_unmap;
  klass->refresh = hc_pane_reload;
  klass->search = hc_pane_real_search;

  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The loading, empty and error states: a pane's template sets it to its
   * HcPaneState, whose Try Again button reloads the pane. */
  properties [PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, HC_TYPE_PANE_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The window's Ctrl+R and Ctrl+F activate these on the visible pane. */
  gtk_widget_class_install_action (widget_class, "pane.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "pane.search", NULL, search_action);

  g_type_ensure (HC_TYPE_PANE_STATE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_pane_init (HcPane *self)
{
}

HcClient *
hc_pane_get_client (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_val_if_fail (HC_IS_PANE (self), NULL);
  return priv->client;
}

void
hc_pane_set_client (HcPane   *self,
                    HcClient *client)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (g_set_object (&priv->client, client))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT]);
}

/**
 * hc_pane_get_cancellable:
 * Returns: (transfer none) (nullable): the cancellable of the pane's
 *   requests, cancelled when the pane is unmapped or reloaded; NULL before
 *   the first reload
 */
GCancellable *
hc_pane_get_cancellable (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_val_if_fail (HC_IS_PANE (self), NULL);
  return priv->cancellable;
}

/**
 * hc_pane_renew_cancellable:
 *
 * Cancels the pane's requests for requests that replace them (a filter
 * changed), without reloading the pane.
 *
 * Returns: (transfer none): the pane's new cancellable
 */
GCancellable *
hc_pane_renew_cancellable (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_val_if_fail (HC_IS_PANE (self), NULL);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();
  return priv->cancellable;
}

HcPaneState *
hc_pane_get_state (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_val_if_fail (HC_IS_PANE (self), NULL);
  return priv->state;
}

void
hc_pane_set_state (HcPane      *self,
                   HcPaneState *state)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));
  g_return_if_fail (state == NULL || HC_IS_PANE_STATE (state));

  if (priv->state == state)
    return;
  if (priv->state != NULL)
    g_signal_handlers_disconnect_by_func (priv->state, hc_pane_reload, self);
  g_set_weak_pointer (&priv->state, state);
  if (state != NULL)
    g_signal_connect_object (state, "retry", G_CALLBACK (hc_pane_reload), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
}

/* What the default search function opens: @search_bar, then @search_entry
 * takes the focus. */
void
hc_pane_set_search_bar (HcPane       *self,
                        GtkSearchBar *search_bar,
                        GtkWidget    *search_entry)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));
  g_return_if_fail (search_bar == NULL || GTK_IS_SEARCH_BAR (search_bar));
  g_return_if_fail (search_entry == NULL || GTK_IS_WIDGET (search_entry));

  g_set_weak_pointer (&priv->search_bar, search_bar);
  g_set_weak_pointer (&priv->search_entry, search_entry);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.search", has_search (self));
}

/* Cancels what the pane was loading and, when its client is signed in,
 * loads it again with a fresh cancellable. */
void
hc_pane_reload (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  if (priv->client == NULL || !hc_client_get_signed_in (priv->client))
    return;

  priv->cancellable = g_cancellable_new ();
  if (HC_PANE_GET_CLASS (self)->reload != NULL)
    HC_PANE_GET_CLASS (self)->reload (self);
}

void
hc_pane_show_loading (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));
  if (priv->state != NULL)
    hc_pane_state_show_loading (priv->state);
}

void
hc_pane_show_empty (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));
  if (priv->state != NULL)
    hc_pane_state_show_empty (priv->state);
}

void
hc_pane_show_content (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));
  if (priv->state != NULL)
    hc_pane_state_show_content (priv->state);
}

/* Shows @error with its Try Again button; a cancelled request (the pane
 * left the screen or reloaded) shows nothing. */
void
hc_pane_show_error (HcPane       *self,
                    const GError *error)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (priv->state != NULL)
    hc_pane_state_show_error (priv->state, error->message);
}
