/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcApplication: one instance per user; picks the built-in server or a
 * remote one, and stops the built-in server on every way out. */
#define G_LOG_DOMAIN "hc-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "hc-application.h"
#include "hc-client.h"
#include "hc-preferences-window.h"
#include "hc-window.h"

struct _HcApplication
{
  AdwApplication    parent_instance;

  GSettings        *settings;
  HcEmbeddedServer *embedded;
  char             *server_url;
  guint             sigterm_source;
  guint             sigint_source;
};

G_DEFINE_FINAL_TYPE (HcApplication, hc_application, ADW_TYPE_APPLICATION)

static gboolean
on_unix_signal (gpointer user_data)
{
  /* A desktop session ending: quit normally, so shutdown stops the child. */
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static gint
hc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("hncredit %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static int
hc_application_command_line (GApplication            *app,
                             GApplicationCommandLine *cmdline)
{
  HcApplication *self = HC_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  const char *server = NULL;

  if (g_variant_dict_lookup (options, "server", "&s", &server))
    {
      g_free (self->server_url);
      self->server_url = g_strdup (server);
    }
  g_application_activate (app);
  return 0;
}

static void
hc_application_activate (GApplication *app)
{
  HcApplication *self = HC_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(HcClient) client = NULL;
  g_autofree char *url = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  url = self->server_url ? g_strdup (self->server_url)
                         : g_settings_get_string (self->settings, "server-url");
  client = hc_client_new (NULL);
  if (url[0] == '\0')
    {
      if (self->embedded == NULL)
        self->embedded = hc_embedded_server_new ();
      window = GTK_WINDOW (hc_window_new (ADW_APPLICATION (app), client, self->embedded, NULL));
    }
  else
    window = GTK_WINDOW (hc_window_new (ADW_APPLICATION (app), client, NULL, url));
  gtk_window_present (window);
}

static void
hc_application_startup (GApplication *app)
{
  HcApplication *self = HC_APPLICATION (app);
  static const struct { const char *action; const char *accels[2]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.refresh", { "<Control>r", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.show-pane::overview", { "<Control>1", NULL } },
    { "win.show-pane::catalog", { "<Control>2", NULL } },
    { "win.show-pane::indicators", { "<Control>3", NULL } },
    { "win.show-pane::heatmap", { "<Control>4", NULL } },
    { "win.show-pane::lists", { "<Control>5", NULL } },
    { "win.show-pane::subjects", { "<Control>6", NULL } },
    { "win.show-pane::audit", { "<Control>7", NULL } },
  };

  G_APPLICATION_CLASS (hc_application_parent_class)->startup (app);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);

  self->sigterm_source = g_unix_signal_add (SIGTERM, on_unix_signal, app);
  self->sigint_source = g_unix_signal_add (SIGINT, on_unix_signal, app);
}

static void
hc_application_shutdown (GApplication *app)
{
  HcApplication *self = HC_APPLICATION (app);

  if (self->embedded != NULL)
    hc_embedded_server_stop (self->embedded);
  g_clear_handle_id (&self->sigterm_source, g_source_remove);
  g_clear_handle_id (&self->sigint_source, g_source_remove);

  G_APPLICATION_CLASS (hc_application_parent_class)->shutdown (app);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing the windows saves their size; then the app ends. */
  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      gtk_window_close (GTK_WINDOW (l->data));
    }
  g_application_quit (app);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWindow *prefs = hc_preferences_window_new (parent);

  gtk_window_present (prefs);
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { "hncredit", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Credit Console"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Administer Hainan’s social credit system: catalog, lists, indicators and risk."),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "shortcuts", shortcuts_activated },
  { "about", about_activated },
};

static void
hc_application_dispose (GObject *object)
{
  HcApplication *self = HC_APPLICATION (object);

  g_clear_object (&self->embedded);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->server_url, g_free);

  G_OBJECT_CLASS (hc_application_parent_class)->dispose (object);
}

static void
hc_application_class_init (HcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hc_application_dispose;
  app_class->handle_local_options = hc_application_handle_local_options;
  app_class->command_line = hc_application_command_line;
  app_class->activate = hc_application_activate;
  app_class->startup = hc_application_startup;
  app_class->shutdown = hc_application_shutdown;
}

static void
hc_application_init (HcApplication *self)
{
  static const GOptionEntry options[] = {
    { "server", 's', 0, G_OPTION_ARG_STRING, NULL,
      N_("Sign in to the server at URL instead of starting the built-in one"), N_("URL") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  self->settings = g_settings_new (APP_ID);
}

HcApplication *
hc_application_new (GApplicationFlags flags)
{
  return g_object_new (HC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/org/hncredit/Console",
                       "flags", flags | G_APPLICATION_HANDLES_COMMAND_LINE,
                       NULL);
}

/* The built-in server, or NULL when the app signs in to a remote one. */
HcEmbeddedServer *
hc_application_get_embedded_server (HcApplication *self)
{
  g_return_val_if_fail (HC_IS_APPLICATION (self), NULL);
  return self->embedded;
}
