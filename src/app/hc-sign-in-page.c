/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSignInPage: signs in to a remote server and says plainly what went
 * wrong — a wrong password, a server that cannot be reached, a certificate
 * that cannot be trusted. */
#define G_LOG_DOMAIN "hc-sign-in-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-sign-in-page.h"

struct _HcSignInPage
{
  GtkWidget     parent_instance;

  AdwEntryRow  *server_row;
  AdwEntryRow  *username_row;
  AdwEntryRow  *password_row;
  GtkLabel     *reason_label;
  GtkLabel     *error_label;
  GtkSpinner   *spinner;

  HcClient     *client;
  GCancellable *cancellable;
  GSettings    *settings;
};

G_DEFINE_FINAL_TYPE (HcSignInPage, hc_sign_in_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CLIENT, PROP_BUSY, N_PROPS };
enum { SIGNED_IN, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
set_error (HcSignInPage *self,
           const char   *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (HcSignInPage *self,
          gboolean      busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.submit", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static const char *
message_for_error (const GError *error)
{
  if (error->domain != HC_CLIENT_ERROR)
    return error->message;
  switch (error->code)
    {
    case HC_CLIENT_ERROR_UNAUTHORIZED:
      return _("The user name or password is wrong. Check them and try again.");
    case HC_CLIENT_ERROR_FORBIDDEN:
      return _("This account may not sign in. Ask your administrator.");
    default:
      /* The client's own messages for unreachable servers and untrusted
       * certificates already say what to do. */
      return error->message;
    }
}

/* The fingerprint trusted for @server, or NULL. */
static char *
trusted_certificate (HcSignInPage *self,
                     const char   *server)
{
  g_autoptr(GVariant) trusted = g_settings_get_value (self->settings, "trusted-certificates");
  char *fingerprint = NULL;

  g_variant_lookup (trusted, server, "s", &fingerprint);
  return fingerprint;
}

static void
trust_certificate (HcSignInPage *self,
                   const char   *server,
                   const char   *fingerprint)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "trusted-certificates");
  g_auto(GVariantBuilder) b = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  GVariantIter iter;
  const char *key, *value;

  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, server))
      g_variant_builder_add (&b, "{ss}", key, value);
  g_variant_builder_add (&b, "{ss}", server, fingerprint);
  g_settings_set_value (self->settings, "trusted-certificates", g_variant_builder_end (&b));
}

static void
certificate_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  HcSignInPage *self = user_data;
  const char *server = g_object_get_data (G_OBJECT (dialog), "hc-server");
  const char *fingerprint = g_object_get_data (G_OBJECT (dialog), "hc-fingerprint");

  if (g_str_equal (response, "trust"))
    {
      trust_certificate (self, server, fingerprint);
      gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.submit", NULL);
    }
  else
    {
      set_error (self, g_object_get_data (G_OBJECT (dialog), "hc-message"));
      gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
    }
}

/* A certificate no known authority signed, seen for the first time: its
 * fingerprint is shown once, and the user trusts it or not. */
static void
ask_to_trust (HcSignInPage *self,
              const GError *error)
{
  const char *server = hc_client_get_base_url (self->client);
  const char *fingerprint = hc_client_get_refused_certificate (self->client);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  body = g_strdup_printf (_("No certificate authority known to this computer signed the certificate of %s. "
                            "Trust it only if its SHA-256 fingerprint is the one your administrator gave you:\n\n%s"),
                          server, fingerprint);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Trust This Server’s Certificate?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "trust", _("_Trust and Sign In"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "trust", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "hc-server", g_strdup (server), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "hc-fingerprint", g_strdup (fingerprint), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "hc-message", g_strdup (error->message), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (certificate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hc_client_sign_in_finish (HC_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      if (g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_TLS) &&
          g_strcmp0 (hc_client_error_get_code (error), "untrusted_certificate") == 0 &&
          hc_client_get_refused_certificate (self->client) != NULL)
        {
          set_error (self, NULL);
          ask_to_trust (self, error);
          return;
        }
      set_error (self, message_for_error (error));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  set_busy (self, FALSE);
  set_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  hc_sign_in_page_set_reason (self, NULL);
  g_signal_emit (self, signals [SIGNED_IN], 0);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcSignInPage *self = HC_SIGN_IN_PAGE (widget);
  const char *server = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (self->client == NULL)
    return;
  if (server[0] == '\0')
    {
      set_error (self, _("Enter the address of the server."));
      gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
      return;
    }
  if (username[0] == '\0' || password[0] == '\0')
    {
      set_error (self, _("Enter your user name and password."));
      gtk_widget_grab_focus (GTK_WIDGET (username[0] == '\0' ? self->username_row : self->password_row));
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_error (self, NULL);
  set_busy (self, TRUE);
  hc_client_set_base_url (self->client, server);
  {
    g_autofree char *fingerprint = trusted_certificate (self, hc_client_get_base_url (self->client));

    hc_client_set_trusted_certificate (self->client, fingerprint);
  }
  hc_client_sign_in_async (self->client, username, password, self->cancellable,
                           sign_in_cb, g_object_ref (self));
}

static void
on_entry_activated (HcSignInPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.submit", NULL);
}

static void
hc_sign_in_page_dispose (GObject *object)
{
  HcSignInPage *self = HC_SIGN_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (hc_sign_in_page_parent_class)->dispose (object);
}

static void
hc_sign_in_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HcSignInPage *self = HC_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, hc_sign_in_page_get_client (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, hc_sign_in_page_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_sign_in_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HcSignInPage *self = HC_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      hc_sign_in_page_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_sign_in_page_class_init (HcSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_sign_in_page_dispose;
  object_class->get_property = hc_sign_in_page_get_property;
  object_class->set_property = hc_sign_in_page_set_property;

  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "sign-in.submit", NULL, submit_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HcSignInPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, HcSignInPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, HcSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, HcSignInPage, reason_label);
  gtk_widget_class_bind_template_child (widget_class, HcSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HcSignInPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_sign_in_page_init (HcSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
}

HcClient *
hc_sign_in_page_get_client (HcSignInPage *self)
{
  g_return_val_if_fail (HC_IS_SIGN_IN_PAGE (self), NULL);
  return self->client;
}

void
hc_sign_in_page_set_client (HcSignInPage *self,
                            HcClient     *client)
{
  g_return_if_fail (HC_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (g_set_object (&self->client, client))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT]);
}

void
hc_sign_in_page_set_server_url (HcSignInPage *self,
                                const char   *url)
{
  g_return_if_fail (HC_IS_SIGN_IN_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), url ? url : "");
}

void
hc_sign_in_page_set_credentials (HcSignInPage *self,
                                 const char   *username,
                                 const char   *password)
{
  g_return_if_fail (HC_IS_SIGN_IN_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username ? username : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password ? password : "");
}

/* Why the user is asked to sign in (again), e.g. an expired session. */
void
hc_sign_in_page_set_reason (HcSignInPage *self,
                            const char   *reason)
{
  g_return_if_fail (HC_IS_SIGN_IN_PAGE (self));
  gtk_label_set_text (self->reason_label, reason ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), reason != NULL);
}

void
hc_sign_in_page_submit (HcSignInPage *self)
{
  g_return_if_fail (HC_IS_SIGN_IN_PAGE (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.submit", NULL);
}

/* The message shown for the last failed attempt, or NULL. */
const char *
hc_sign_in_page_get_error_text (HcSignInPage *self)
{
  g_return_val_if_fail (HC_IS_SIGN_IN_PAGE (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

gboolean
hc_sign_in_page_get_busy (HcSignInPage *self)
{
  g_return_val_if_fail (HC_IS_SIGN_IN_PAGE (self), FALSE);
  return gtk_spinner_get_spinning (self->spinner);
}
