/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcWindow: the main window. It brings the session up (the built-in server
 * or a sign-in page), holds the sidebar of panes and shows errors as toasts.
 *
 * A pane is built when it is first shown (or asked for by
 * hc_window_get_pane_widget()), not with the window: the sidebar's stack
 * holds an empty AdwBin per pane, with the pane's name and title, and the
 * pane goes into it then. Most sessions open two or three of the nine
 * panes; their widgets (column views, charts, dialogs' templates) are not
 * kept for nothing. */
#define G_LOG_DOMAIN "hc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-enums.h"
#include "hc-window.h"

#include "hc-audit-pane.h"
#include "hc-catalog-pane.h"
#include "hc-heatmap-pane.h"
#include "hc-grading-pane.h"
#include "hc-indicators-pane.h"
#include "hc-inspections-pane.h"
#include "hc-lists-pane.h"
#include "hc-overview-pane.h"
#include "hc-subjects-pane.h"

struct _HcWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay  *toast_overlay;
  GtkStack         *main_stack;
  AdwStatusPage    *failed_page;
  HcSignInPage     *sign_in_page;
  GtkStack         *pane_stack;
  AdwWindowTitle   *window_title;

  HcClient         *client;
  HcEmbeddedServer *embedded;
  GSettings        *settings;
  GCancellable     *cancellable;
  char             *server_url;
};

G_DEFINE_FINAL_TYPE (HcWindow, hc_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_CLIENT, PROP_EMBEDDED, PROP_SERVER_URL, N_PROPS };

static GParamSpec *properties [N_PROPS];

static const char * const pane_names[] = {
  "overview", "catalog", "indicators", "heatmap", "lists", "subjects", "grading", "inspections", "audit", NULL
};

/* Each pane's type, in pane_names' order. */
static GType (* const pane_types[]) (void) = {
  hc_overview_pane_get_type, hc_catalog_pane_get_type, hc_indicators_pane_get_type,
  hc_heatmap_pane_get_type, hc_lists_pane_get_type, hc_subjects_pane_get_type,
  hc_grading_pane_get_type, hc_inspections_pane_get_type, hc_audit_pane_get_type,
};
G_STATIC_ASSERT (G_N_ELEMENTS (pane_types) == G_N_ELEMENTS (pane_names) - 1);

const char * const *
hc_window_get_pane_names (void)
{
  return pane_names;
}

void
hc_window_add_toast (HcWindow   *self,
                     const char *message)
{
  g_return_if_fail (HC_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Shows @toast (a toast with a button, say), taking it over. */
void
hc_window_show_toast (HcWindow *self,
                      AdwToast *toast)
{
  g_return_if_fail (HC_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The pane named @name, built into its place in the stack the first time
 * (with the window's client: it loads when it is mapped). NULL when there
 * is no such pane, or once the window is disposed. */
static GtkWidget *
ensure_pane (HcWindow   *self,
             const char *name)
{
  GtkWidget *slot = gtk_stack_get_child_by_name (self->pane_stack, name);
  GtkWidget *pane;

  if (slot == NULL)
    return NULL;
  if ((pane = adw_bin_get_child (ADW_BIN (slot))) != NULL || self->client == NULL)
    return pane;
  for (guint i = 0; pane_names[i] != NULL; i++)
    if (g_str_equal (pane_names[i], name))
      {
        pane = g_object_new (pane_types[i] (), "client", self->client, NULL);
        adw_bin_set_child (ADW_BIN (slot), pane);
        return pane;
      }
  g_return_val_if_reached (NULL);
}

/* The header's subtitle: who is signed in, and as what. */
static void
update_user (HcWindow *self)
{
  const char *username = hc_client_get_username (self->client);
  const char *role_key = hc_client_get_role (self->client);
  GtkStackPage *audit = gtk_stack_get_page (self->pane_stack,
                                            gtk_stack_get_child_by_name (self->pane_stack, "audit"));
  HcRole role = HC_ROLE_ANALYST;
  gboolean known = role_key != NULL && hc_role_from_key (role_key, &role);
  g_autofree char *subtitle = NULL;

  if (username != NULL)
    /* Translators: the signed-in user and their role, "admin · 管理员". */
    subtitle = g_strdup_printf (_("%s · %s"), username, known ? hc_role_label (role) : role_key);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");

  /* Analysts may not read the audit log: the pane is not offered. */
  gtk_stack_page_set_visible (audit, known && role != HC_ROLE_ANALYST);
  if (!gtk_stack_page_get_visible (audit) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->pane_stack), "audit") == 0)
    gtk_stack_set_visible_child_name (self->pane_stack, "overview");
}

static void
on_visible_pane_changed (HcWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->pane_stack);
  const char *name = gtk_stack_get_visible_child_name (self->pane_stack);

  if (child == NULL || self->client == NULL)
    return;
  if (name != NULL)
    ensure_pane (self, name);
  adw_window_title_set_title (self->window_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (self->pane_stack, child)));
  if (name != NULL)
    g_settings_set_string (self->settings, "last-pane", name);
}

static void
show_console (HcWindow *self)
{
  update_user (self);
  gtk_stack_set_visible_child_name (self->main_stack, "console");
}

/* The built-in server */

static void embedded_sign_in (HcWindow *self);

static void
embedded_failed (HcWindow   *self,
                 const char *message)
{
  adw_status_page_set_description (self->failed_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "failed");
}

static void
embedded_sign_in_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(HcWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hc_client_sign_in_finish (HC_CLIENT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        embedded_failed (self, error->message);
      return;
    }
  show_console (self);
}

/* The built-in server's administrator is the user of this computer. */
static void
embedded_sign_in (HcWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = hc_embedded_server_read_password (self->embedded, &error);

  if (password == NULL)
    {
      embedded_failed (self, error->message);
      return;
    }
  hc_client_sign_in_async (self->client, "admin", password, self->cancellable,
                           embedded_sign_in_cb, g_object_ref (self));
}

static void
embedded_started_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(HcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  url = hc_embedded_server_start_finish (HC_EMBEDDED_SERVER (source), result, &error);
  if (url == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        embedded_failed (self, error->message);
      return;
    }
  hc_client_set_base_url (self->client, url);
  embedded_sign_in (self);
}

static void
start_embedded (HcWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "starting");
  hc_embedded_server_start_async (self->embedded, self->cancellable,
                                  embedded_started_cb, g_object_ref (self));
}

static void
on_embedded_exited (HcWindow *self)
{
  AdwToast *toast;

  hc_client_sign_out (self->client);
  embedded_failed (self, _("The built-in server stopped unexpectedly. Your changes up to that moment are saved."));
  toast = adw_toast_new (_("The built-in server stopped"));
  adw_toast_set_button_label (toast, _("_Restart"));
  adw_toast_set_action_name (toast, "win.restart-server");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Sessions */

static void
on_session_expired (HcWindow *self)
{
  if (self->embedded != NULL)
    {
      embedded_sign_in (self);
      return;
    }
  /* Only the sign-in page is shown over the console: the panes keep what
   * they show and load again when the console comes back. */
  hc_sign_in_page_set_reason (self->sign_in_page,
                              _("Your session has ended. Sign in again to continue where you left off."));
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
}

static void
on_signed_in (HcWindow *self)
{
  g_settings_set_string (self->settings, "server-url", hc_client_get_base_url (self->client));
  show_console (self);
}

/* Actions */

static GtkWidget *
visible_pane (HcWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->pane_stack);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "console") != 0 || name == NULL)
    return NULL;
  return ensure_pane (self, name);
}

static void
refresh_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  GtkWidget *pane = visible_pane (HC_WINDOW (user_data));

  if (pane != NULL)
    gtk_widget_activate_action (pane, "pane.refresh", NULL);
}

static void
search_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  GtkWidget *pane = visible_pane (HC_WINDOW (user_data));

  if (pane != NULL)
    gtk_widget_activate_action (pane, "pane.search", NULL);
}

static void
show_pane_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  hc_window_show_pane (HC_WINDOW (user_data), g_variant_get_string (param, NULL));
}

static void
restart_server_activated (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  HcWindow *self = HC_WINDOW (user_data);

  if (self->embedded != NULL && !hc_embedded_server_get_running (self->embedded))
    start_embedded (self);
}

static const GActionEntry win_actions[] = {
  { "refresh", refresh_activated },
  { "search", search_activated },
  { "show-pane", show_pane_activated, "s" },
  { "restart-server", restart_server_activated },
};

/* Window state */

static gboolean
hc_window_close_request (GtkWindow *window)
{
  HcWindow *self = HC_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (hc_window_parent_class)->close_request (window);
}

static void
hc_window_constructed (GObject *object)
{
  HcWindow *self = HC_WINDOW (object);
  g_autofree char *last_pane = NULL;

  G_OBJECT_CLASS (hc_window_parent_class)->constructed (object);

  g_assert (self->client != NULL);

  hc_sign_in_page_set_client (self->sign_in_page, self->client);

  g_signal_connect_object (self->client, "notify::role", G_CALLBACK (update_user), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "session-expired", G_CALLBACK (on_session_expired), self, G_CONNECT_SWAPPED);
  update_user (self);

  last_pane = g_settings_get_string (self->settings, "last-pane");
  if (gtk_stack_get_child_by_name (self->pane_stack, last_pane) != NULL)
    gtk_stack_set_visible_child_name (self->pane_stack, last_pane);
  on_visible_pane_changed (self);

  if (self->embedded != NULL)
    {
      g_signal_connect_object (self->embedded, "exited", G_CALLBACK (on_embedded_exited), self, G_CONNECT_SWAPPED);
      start_embedded (self);
    }
  else
    {
      hc_sign_in_page_set_server_url (self->sign_in_page, self->server_url);
      gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
    }
}

static void
hc_window_dispose (GObject *object)
{
  HcWindow *self = HC_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  /* First: no pane is built while the stack goes. */
  g_clear_object (&self->client);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->embedded);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->server_url, g_free);

  G_OBJECT_CLASS (hc_window_parent_class)->dispose (object);
}

static void
hc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HcWindow *self = HC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_EMBEDDED:
      g_value_set_object (value, self->embedded);
      break;
    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HcWindow *self = HC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_EMBEDDED:
      self->embedded = g_value_dup_object (value);
      break;
    case PROP_SERVER_URL:
      self->server_url = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_window_class_init (HcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hc_window_constructed;
  object_class->dispose = hc_window_dispose;
  object_class->get_property = hc_window_get_property;
  object_class->set_property = hc_window_set_property;
  window_class->close_request = hc_window_close_request;

  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* NULL for a remote server. */
  properties [PROP_EMBEDDED] =
    g_param_spec_object ("embedded-server", NULL, NULL, HC_TYPE_EMBEDDED_SERVER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HC_TYPE_SIGN_IN_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, pane_stack);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_pane_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_signed_in);
}

static void
hc_window_init (HcWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
}

HcWindow *
hc_window_new (AdwApplication   *app,
               HcClient         *client,
               HcEmbeddedServer *embedded,
               const char       *server_url)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (HC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (embedded == NULL || HC_IS_EMBEDDED_SERVER (embedded), NULL);

  return g_object_new (HC_TYPE_WINDOW,
                       "application", app,
                       "client", client,
                       "embedded-server", embedded,
                       "server-url", server_url,
                       NULL);
}

HcClient *
hc_window_get_client (HcWindow *self)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);
  return self->client;
}

/* "starting", "failed", "sign-in" or "console". */
const char *
hc_window_get_page (HcWindow *self)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

HcSignInPage *
hc_window_get_sign_in_page (HcWindow *self)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);
  return self->sign_in_page;
}

/* Returns FALSE when there is no such pane or the role may not see it. */
gboolean
hc_window_show_pane (HcWindow   *self,
                     const char *name)
{
  GtkWidget *child;

  g_return_val_if_fail (HC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  child = gtk_stack_get_child_by_name (self->pane_stack, name);
  if (child == NULL || !gtk_stack_page_get_visible (gtk_stack_get_page (self->pane_stack, child)))
    return FALSE;
  gtk_stack_set_visible_child (self->pane_stack, child);
  return TRUE;
}

const char *
hc_window_get_pane (HcWindow *self)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->pane_stack);
}

/* The pane named @name, built now if it was not yet shown; NULL when
 * there is no such pane. */
GtkWidget *
hc_window_get_pane_widget (HcWindow   *self,
                           const char *name)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return ensure_pane (self, name);
}
