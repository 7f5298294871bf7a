/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient: sessions, the request layer and the typed calls over libsoup. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "hc-client-private.h"

struct _HcClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *token;
  char        *username;
  char        *role;
  /* Trust on first use of a self-signed certificate: the fingerprint the
   * user accepted for this server, and the one last refused. */
  char        *trusted_certificate;
  char        *refused_certificate;
};

G_DEFINE_FINAL_TYPE (HcClient, hc_client, G_TYPE_OBJECT)

enum { PROP_0, PROP_BASE_URL, PROP_USERNAME, PROP_ROLE, PROP_SIGNED_IN, N_PROPS };
enum { SESSION_EXPIRED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The server's own error code ("invalid_uscc") and field ride along with
 * the GError, so a pane can tell a field's error from another. */
typedef struct
{
  char *code;
  char *field;
} HcClientErrorPrivate;

static void
hc_client_error_private_init (HcClientErrorPrivate *priv)
{
}

static void
hc_client_error_private_copy (const HcClientErrorPrivate *src,
                              HcClientErrorPrivate       *dest)
{
  dest->code = g_strdup (src->code);
  dest->field = g_strdup (src->field);
}

static void
hc_client_error_private_clear (HcClientErrorPrivate *priv)
{
  g_clear_pointer (&priv->code, g_free);
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (HcClientError, hc_client_error)

/**
 * hc_client_error_get_code:
 * Returns: the server's error code (e.g. "invalid_credentials"), or NULL
 * when the error did not come from the server's JSON.
 */
const char *
hc_client_error_get_code (const GError *error)
{
  HcClientErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);

  priv = hc_client_error_get_private (error);
  return priv != NULL ? priv->code : NULL;
}

/**
 * hc_client_error_get_field:
 * Returns: the request field the server's error names (e.g. "value"), or
 * NULL when it names none.
 */
const char *
hc_client_error_get_field (const GError *error)
{
  HcClientErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);

  priv = hc_client_error_get_private (error);
  return priv != NULL ? priv->field : NULL;
}

static GError *
client_error_new (HcClientError  code,
                  const char    *server_code,
                  const char    *field,
                  const char    *message)
{
  GError *error = g_error_new_literal (HC_CLIENT_ERROR, code, message);
  HcClientErrorPrivate *priv = hc_client_error_get_private (error);

  priv->code = g_strdup (server_code);
  priv->field = g_strdup (field);
  return error;
}

/* Request layer */

static HcClientError
error_for_status (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:        return HC_CLIENT_ERROR_UNAUTHORIZED;
    case SOUP_STATUS_FORBIDDEN:           return HC_CLIENT_ERROR_FORBIDDEN;
    case SOUP_STATUS_NOT_FOUND:           return HC_CLIENT_ERROR_NOT_FOUND;
    case SOUP_STATUS_CONFLICT:            return HC_CLIENT_ERROR_CONFLICT;
    case SOUP_STATUS_PRECONDITION_FAILED: return HC_CLIENT_ERROR_PRECONDITION_FAILED;
    case SOUP_STATUS_BAD_REQUEST:
    case SOUP_STATUS_UNPROCESSABLE_ENTITY: return HC_CLIENT_ERROR_INVALID;
    default:
      return status >= 500 ? HC_CLIENT_ERROR_SERVER : HC_CLIENT_ERROR_PROTOCOL;
    }
}

static GError *
error_from_transport (HcClient     *self,
                      const GError *error)
{
  if (error->domain == G_TLS_ERROR && self->refused_certificate != NULL && self->trusted_certificate != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The server’s security certificate has changed since you trusted it (its fingerprint is now %s). "
                           "Someone may be intercepting the connection: do not sign in, and ask your administrator."),
                         self->refused_certificate);

      return client_error_new (HC_CLIENT_ERROR_TLS, "certificate_changed", NULL, message);
    }
  if (error->domain == G_TLS_ERROR && self->refused_certificate != NULL)
    return client_error_new (HC_CLIENT_ERROR_TLS, "untrusted_certificate", NULL,
                             _("The server’s security certificate is not signed by an authority this computer knows. "
                               "Compare its fingerprint with the one your administrator gave you before you trust it."));
  if (error->domain == G_TLS_ERROR)
    return client_error_new (HC_CLIENT_ERROR_TLS, NULL, NULL,
                             _("The server’s security certificate cannot be trusted. Check the server address or ask your administrator."));
  return client_error_new (HC_CLIENT_ERROR_UNREACHABLE, NULL, NULL,
                           _("The server cannot be reached. Check the server address and your network connection."));
}

static GError *
error_from_answer (HcClient *self,
                   guint     status,
                   JsonNode *node)
{
  const char *code = NULL, *message = NULL, *field = NULL;
  HcClientError kind = error_for_status (status);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *error = json_object_get_object_member (json_node_get_object (node), "error");
      if (error != NULL)
        {
          code = json_object_get_string_member_with_default (error, "code", NULL);
          message = json_object_get_string_member_with_default (error, "message", NULL);
          field = json_object_get_string_member_with_default (error, "field", NULL);
        }
    }

  /* A token the server no longer knows means the session ended: the user
   * signs in again; a wrong password on sign-in stays UNAUTHORIZED. */
  if (status == SOUP_STATUS_UNAUTHORIZED &&
      (g_strcmp0 (code, "token_expired") == 0 ||
       (self->token != NULL && g_strcmp0 (code, "invalid_credentials") != 0)))
    kind = HC_CLIENT_ERROR_TOKEN_EXPIRED;

  if (message == NULL)
    {
      if (kind == HC_CLIENT_ERROR_SERVER)
        message = _("The server ran into a problem. Try again later.");
      else
        message = _("The server gave an answer this version does not understand.");
    }
  return client_error_new (kind, code, field, message);
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HcClient *self = g_task_get_source_object (task);
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root = NULL;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_error (task, error_from_transport (self, error));
      return;
    }

  status = soup_message_get_status (msg);
  if (g_bytes_get_size (bytes) > 0)
    {
      parser = json_parser_new_immutable ();
      if (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL))
        root = json_parser_get_root (parser);
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      GError *answer_error = error_from_answer (self, status, root);
      if (g_error_matches (answer_error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_TOKEN_EXPIRED))
        g_signal_emit (self, signals [SESSION_EXPIRED], 0);
      g_task_return_error (task, answer_error);
      return;
    }

  if (root == NULL && status != SOUP_STATUS_NO_CONTENT)
    {
      g_task_return_error (task, client_error_new (HC_CLIENT_ERROR_PROTOCOL, NULL, NULL,
                                                   _("The server gave an answer this version does not understand.")));
      return;
    }

  g_task_return_pointer (task, root ? json_node_copy (root) : NULL,
                         (GDestroyNotify) json_node_unref);
}

static char *
accept_language (void)
{
  const char *lang = g_get_language_names ()[0];
  g_autofree char *tag = g_strdup (lang);

  g_strdelimit (tag, ".@", '\0');
  g_strdelimit (tag, "_", '-');
  return g_steal_pointer (&tag);
}

/**
 * hc_client_certificate_fingerprint:
 *
 * Returns: (transfer full): the SHA-256 fingerprint of @certificate's DER
 *   form, as "AB:CD:…" (what `openssl x509 -fingerprint -sha256` prints)
 */
char *
hc_client_certificate_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autofree char *hex = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);
  g_object_get (certificate, "certificate", &der, NULL);
  hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  for (gsize i = 0; hex[i] != '\0'; i += 2)
    g_string_append_printf (out, "%s%c%c", i > 0 ? ":" : "",
                            g_ascii_toupper (hex[i]), g_ascii_toupper (hex[i + 1]));
  return g_string_free (out, FALSE);
}

/* Called when the server's certificate is not signed by a known authority
 * (a valid one never comes here): accepted only when it is the one the user
 * trusted for this server; otherwise its fingerprint is kept for the error
 * and the sign-in page to show. */
static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  HcClient *self = user_data;
  g_autofree char *fingerprint = hc_client_certificate_fingerprint (certificate);

  if (self->trusted_certificate != NULL && g_str_equal (fingerprint, self->trusted_certificate))
    return TRUE;
  g_free (self->refused_certificate);
  self->refused_certificate = g_steal_pointer (&fingerprint);
  return FALSE;
}

/* A message for @method @path (below /api/v1) with the session's headers,
 * or NULL with @error set when the server address is not a URL. */
static SoupMessage *
new_message (HcClient    *self,
             const char  *method,
             const char  *path,
             const char  *accept,
             GError     **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *url = NULL;
  g_autofree char *lang = NULL;
  SoupMessageHeaders *headers;

  url = g_strconcat (self->base_url ? self->base_url : "", "/api/v1", path, NULL);
  msg = soup_message_new (method, url);
  if (msg == NULL)
    {
      g_propagate_error (error, client_error_new (HC_CLIENT_ERROR_UNREACHABLE, NULL, NULL,
                                                  _("The server address is not valid. Use an address like https://credit.example.org.")));
      return NULL;
    }

  /* The client outlives its messages: each holds it through its task. */
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), self);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", accept);
  lang = accept_language ();
  soup_message_headers_replace (headers, "Accept-Language", lang);
  if (self->token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", self->token, NULL);
      soup_message_headers_replace (headers, "Authorization", auth);
    }
  return g_steal_pointer (&msg);
}

void
hc_client_send_async (HcClient            *self,
                      const char          *method,
                      const char          *path,
                      JsonNode            *body,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');

  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);
      bytes = g_bytes_new_take (text, strlen (text));
    }
  hc_client_send_bytes_async (self, method, path, bytes ? "application/json" : NULL, bytes,
                              NULL, NULL, cancellable, callback, user_data);
}

typedef struct
{
  GFileProgressCallback  progress;
  gpointer               progress_data;
  goffset                sent;
  goffset                total;
} UploadProgress;

static void
wrote_body_data_cb (SoupMessage *msg,
                    guint        chunk_size,
                    gpointer     user_data)
{
  UploadProgress *upload = user_data;

  upload->sent += chunk_size;
  upload->progress (MIN (upload->sent, upload->total), upload->total, upload->progress_data);
}

void
hc_client_send_bytes_async (HcClient              *self,
                            const char            *method,
                            const char            *path,
                            const char            *content_type,
                            GBytes                *body,
                            GFileProgressCallback  progress,
                            gpointer               progress_data,
                            GCancellable          *cancellable,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  GError *error = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (body == NULL || content_type != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_send_async);

  msg = new_message (self, method, path, "application/json", &error);
  if (msg == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);
  if (body != NULL && progress != NULL)
    {
      UploadProgress *upload = g_new0 (UploadProgress, 1);

      upload->progress = progress;
      upload->progress_data = progress_data;
      upload->total = g_bytes_get_size (body);
      g_signal_connect_data (msg, "wrote-body-data", G_CALLBACK (wrote_body_data_cb),
                             upload, (GClosureNotify) (void (*) (void)) g_free, 0);
    }

  g_task_set_task_data (task, g_object_ref (msg), g_object_unref);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    send_cb, g_steal_pointer (&task));
}

static void
fetch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HcClient *self = g_task_get_source_object (task);
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_error (task, error_from_transport (self, error));
      return;
    }

  status = soup_message_get_status (msg);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      JsonNode *root = NULL;
      GError *answer_error;

      if (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL))
        root = json_parser_get_root (parser);
      answer_error = error_from_answer (self, status, root);
      if (g_error_matches (answer_error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_TOKEN_EXPIRED))
        g_signal_emit (self, signals [SESSION_EXPIRED], 0);
      g_task_return_error (task, answer_error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

void
hc_client_fetch_bytes_async (HcClient            *self,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  GError *error = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_fetch_bytes_async);

  msg = new_message (self, "GET", path, "*/*", &error);
  if (msg == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, g_object_ref (msg), g_object_unref);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    fetch_cb, g_steal_pointer (&task));
}

GBytes *
hc_client_fetch_bytes_finish (HcClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_fetch_bytes_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

JsonNode *
hc_client_send_finish (HcClient      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_send_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Like hc_client_send_async, with If-Match sent and the ETag answered:
 * for the writes that must not overwrite someone else's change. */
void
hc_client_send_etag_async (HcClient            *self,
                           const char          *method,
                           const char          *path,
                           JsonNode            *body,
                           const char          *if_match,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  GError *error = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_send_etag_async);

  msg = new_message (self, method, path, "application/json", &error);
  if (msg == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (if_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "If-Match", if_match);
  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  g_task_set_task_data (task, g_object_ref (msg), g_object_unref);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    send_cb, g_steal_pointer (&task));
}

JsonNode *
hc_client_send_etag_finish (HcClient      *self,
                            GAsyncResult  *result,
                            char         **etag,
                            GError       **error)
{
  SoupMessage *msg;
  JsonNode *node;

  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_send_etag_async, NULL);

  node = g_task_propagate_pointer (G_TASK (result), error);
  msg = g_task_get_task_data (G_TASK (result));
  if (etag != NULL)
    *etag = node != NULL && msg != NULL
            ? g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag"))
            : NULL;
  return node;
}

/* The object */

static void
hc_client_finalize (GObject *object)
{
  HcClient *self = HC_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->trusted_certificate, g_free);
  g_clear_pointer (&self->refused_certificate, g_free);

  G_OBJECT_CLASS (hc_client_parent_class)->finalize (object);
}

static void
hc_client_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HcClient *self = HC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, hc_client_get_base_url (self));
      break;
    case PROP_USERNAME:
      g_value_set_string (value, hc_client_get_username (self));
      break;
    case PROP_ROLE:
      g_value_set_string (value, hc_client_get_role (self));
      break;
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, hc_client_get_signed_in (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_client_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HcClient *self = HC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      hc_client_set_base_url (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_client_class_init (HcClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_client_finalize;
  object_class->get_property = hc_client_get_property;
  object_class->set_property = hc_client_set_property;

  properties [PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The server refused the token: the window asks the user to sign in
   * again and keeps the panes as they are. */
  signals [SESSION_EXPIRED] =
    g_signal_new ("session-expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hc_client_init (HcClient *self)
{
  self->session = soup_session_new_with_options ("timeout", 60,
                                                 "user-agent", "hncredit/" PACKAGE_VERSION,
                                                 NULL);
}

HcClient *
hc_client_new (const char *base_url)
{
  return g_object_new (HC_TYPE_CLIENT, "base-url", base_url, NULL);
}

const char *
hc_client_get_base_url (HcClient *self)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  return self->base_url;
}

void
hc_client_set_base_url (HcClient   *self,
                        const char *base_url)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  if (base_url != NULL)
    {
      trimmed = g_strstrip (g_strdup (base_url));
      while (g_str_has_suffix (trimmed, "/"))
        trimmed[strlen (trimmed) - 1] = '\0';
    }
  if (g_strcmp0 (trimmed, self->base_url) == 0)
    return;
  g_free (self->base_url);
  self->base_url = g_steal_pointer (&trimmed);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BASE_URL]);
}

/**
 * hc_client_set_trusted_certificate:
 * @fingerprint: (nullable): the SHA-256 fingerprint of a certificate the
 *   user accepted for this server (see hc_client_certificate_fingerprint())
 *
 * A server whose certificate no known authority signed is accepted only
 * with this certificate; any other is refused (HC_CLIENT_ERROR_TLS, code
 * `untrusted_certificate`, or `certificate_changed` when one was trusted).
 */
void
hc_client_set_trusted_certificate (HcClient   *self,
                                   const char *fingerprint)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  g_free (self->trusted_certificate);
  self->trusted_certificate = g_strdup (fingerprint);
  g_clear_pointer (&self->refused_certificate, g_free);
}

/* The fingerprint of the certificate last refused, or NULL. */
const char *
hc_client_get_refused_certificate (HcClient *self)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  return self->refused_certificate;
}

const char *
hc_client_get_username (HcClient *self)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  return self->username;
}

const char *
hc_client_get_role (HcClient *self)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  return self->role;
}

gboolean
hc_client_get_signed_in (HcClient *self)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), FALSE);
  return self->token != NULL;
}

static gboolean
replace_str (char       **ptr,
             const char  *value)
{
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;
  g_free (*ptr);
  *ptr = g_strdup (value);
  return TRUE;
}

void
hc_client_set_session (HcClient   *self,
             const char *token,
             const char *username,
             const char *role)
{
  gboolean was_signed_in = self->token != NULL;

  g_object_freeze_notify (G_OBJECT (self));
  g_free (self->token);
  self->token = g_strdup (token);
  if (replace_str (&self->username, username))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USERNAME]);
  if (replace_str (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ROLE]);
  if (was_signed_in != (token != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIGNED_IN]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Forgets the token here; the server's session ends with its lifetime (the
 * app does not wait for a DELETE on its way out). */
void
hc_client_sign_out (HcClient *self)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  hc_client_set_session (self, NULL, NULL, NULL);
}

/* The error of an answer that is not what the API documents; shared by the
 * files that add typed calls. */
GError *
hc_client_protocol_error (void)
{
  return g_error_new_literal (HC_CLIENT_ERROR, HC_CLIENT_ERROR_PROTOCOL,
                              _("The server gave an answer this version does not understand."));
}

/**
 * hc_client_take_object:
 * @node_out: (out) (transfer full): the answer's node, for the caller to free
 *
 * For typed calls, each running a GTask of its own over the request layer:
 * finishes hc_client_send_async() and returns the answer's object, or
 * returns the error (or a protocol error for an answer that is not an
 * object) on @task and %NULL.
 *
 * Returns: (transfer none) (nullable): the object inside *@node_out
 */
JsonObject *
hc_client_take_object (GObject       *source,
                       GAsyncResult  *result,
                       GTask         *task,
                       JsonNode     **node_out)
{
  GError *error = NULL;
  JsonNode *node = hc_client_send_finish (HC_CLIENT (source), result, &error);

  *node_out = node;
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return NULL;
    }
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return NULL;
    }
  return json_node_get_object (node);
}

/* Query strings */

void
_hc_client_query_add (GString    *path,
                      const char *name,
                      const char *value)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (name != NULL);

  if (value == NULL || *value == '\0')
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_c (path, strchr (path->str, '?') != NULL ? '&' : '?');
  g_string_append_printf (path, "%s=%s", name, escaped);
}

void
_hc_client_query_add_int (GString    *path,
                          const char *name,
                          gint64      value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  _hc_client_query_add (path, name, text);
}

void
_hc_client_query_add_page (GString    *path,
                           const char *cursor,
                           guint       limit,
                           gboolean    want_total)
{
  if (limit > 0)
    _hc_client_query_add_int (path, "limit", limit);
  _hc_client_query_add (path, "cursor", cursor);
  if (want_total)
    _hc_client_query_add (path, "total", "1");
}

/* Collections */

static HcPage *
take_page (GObject        *source,
           GAsyncResult   *result,
           GTask          *task,
           GType           item_type,
           HcItemFromJson  from_json)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *obj = hc_client_take_object (source, result, task, &node);
  HcPage *page;

  if (obj == NULL)
    return NULL;
  if ((page = _hc_page_new_from_json (obj, item_type, from_json)) == NULL)
    g_task_return_error (task, hc_client_protocol_error ());
  return page;
}

void
_hc_client_return_page (GObject        *source,
                        GAsyncResult   *result,
                        GTask          *task,
                        GType           item_type,
                        HcItemFromJson  from_json)
{
  HcPage *page = take_page (source, result, task, item_type, from_json);

  if (page != NULL)
    g_task_return_pointer (task, page, g_object_unref);
}

void
_hc_client_return_items (GObject        *source,
                         GAsyncResult   *result,
                         GTask          *task,
                         GType           item_type,
                         HcItemFromJson  from_json)
{
  g_autoptr(HcPage) page = take_page (source, result, task, item_type, from_json);

  if (page != NULL)
    g_task_return_pointer (task, g_object_ref (hc_page_get_items (page)), g_object_unref);
}

/* Typed calls */

typedef struct
{
  HcItemFromJson    parse;
  HcAnswerWithEtag  parse_etag;
  GDestroyNotify    result_free;
  GType           item_type;     /* a collection's, or G_TYPE_INVALID */
  gboolean        items_only;
} CallData;

static void
call_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *obj;
  gpointer value;

  if (data->item_type != G_TYPE_INVALID)
    {
      if (data->items_only)
        _hc_client_return_items (source, result, task, data->item_type, data->parse);
      else
        _hc_client_return_page (source, result, task, data->item_type, data->parse);
      return;
    }
  if ((obj = hc_client_take_object (source, result, task, &node)) == NULL)
    return;
  if ((value = data->parse (obj)) == NULL)
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  g_task_return_pointer (task, value, data->result_free);
}

static void
call_etag_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *etag = NULL;
  GError *error = NULL;
  gpointer value;

  node = hc_client_send_etag_finish (HC_CLIENT (source), result, &etag, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || etag == NULL ||
      (value = data->parse_etag (json_node_get_object (node), etag)) == NULL)
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  g_task_return_pointer (task, value, data->result_free);
}

static GTask *
call_task_new (HcClient            *self,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               CallData            *data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, g_free);
  return task;
}

void
_hc_client_call_async (HcClient            *self,
                       gpointer             source_tag,
                       const char          *method,
                       const char          *path,
                       JsonNode            *body,
                       HcItemFromJson       parse,
                       GDestroyNotify       result_free,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  CallData *data;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (source_tag != NULL && method != NULL && path != NULL && parse != NULL);

  data = g_new0 (CallData, 1);
  data->parse = parse;
  data->result_free = result_free;
  data->item_type = G_TYPE_INVALID;
  hc_client_send_async (self, method, path, body, cancellable, call_cb,
                        call_task_new (self, source_tag, cancellable, callback, user_data, data));
}

void
_hc_client_call_page_async (HcClient            *self,
                            gpointer             source_tag,
                            const char          *path,
                            GType                item_type,
                            HcItemFromJson       from_json,
                            gboolean             items_only,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  CallData *data;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (source_tag != NULL && path != NULL && from_json != NULL);
  g_return_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT));

  data = g_new0 (CallData, 1);
  data->parse = from_json;
  data->item_type = item_type;
  data->items_only = items_only;
  hc_client_send_async (self, "GET", path, NULL, cancellable, call_cb,
                        call_task_new (self, source_tag, cancellable, callback, user_data, data));
}

void
_hc_client_call_etag_async (HcClient            *self,
                            gpointer             source_tag,
                            const char          *method,
                            const char          *path,
                            JsonNode            *body,
                            const char          *if_match,
                            HcAnswerWithEtag     parse,
                            GDestroyNotify       result_free,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  CallData *data;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (source_tag != NULL && method != NULL && path != NULL && parse != NULL);

  data = g_new0 (CallData, 1);
  data->parse_etag = parse;
  data->result_free = result_free;
  data->item_type = G_TYPE_INVALID;
  hc_client_send_etag_async (self, method, path, body, if_match, cancellable, call_etag_cb,
                             call_task_new (self, source_tag, cancellable, callback, user_data, data));
}

gpointer
_hc_client_call_finish (HcClient      *self,
                        GAsyncResult  *result,
                        gpointer       source_tag,
                        GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
_hc_json_string (JsonObject *obj,
                 const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : "";
}

/* ---- exports ---------------------------------------------------------- */

#define EXPORT_CHUNK (64 * 1024)

typedef struct
{
  SoupMessage           *msg;
  GInputStream          *in;
  GOutputStream         *out;
  GFile                 *dest;
  GFileProgressCallback  progress;
  gpointer               progress_data;
  goffset                total;
  goffset                done;
  gint64                 rows;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *d = data;

  g_clear_object (&d->msg);
  g_clear_object (&d->in);
  g_clear_object (&d->out);
  g_clear_object (&d->dest);
  g_free (d);
}

static void export_read_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
export_closed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_close_finish (G_OUTPUT_STREAM (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, d->rows);
}

static void
export_wrote_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  /* read before the task is stolen in the same argument list */
  GCancellable *cancellable = g_task_get_cancellable (task);
  ExportData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gsize written;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, &written, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  d->done += written;
  if (d->progress != NULL)
    d->progress (d->done, d->total, d->progress_data);
  g_input_stream_read_bytes_async (d->in, EXPORT_CHUNK, G_PRIORITY_DEFAULT,
                                   cancellable, export_read_cb,
                                   g_steal_pointer (&task));
}

static void
export_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  /* read before the task is stolen in the same argument list */
  GCancellable *cancellable = g_task_get_cancellable (task);
  ExportData *d = g_task_get_task_data (task);
  HcClient *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  gsize len;
  const void *data;

  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_error (task, error_from_transport (self, error));
      return;
    }
  data = g_bytes_get_data (bytes, &len);
  if (len == 0)
    {
      /* A body cut short is a failed export, not a shorter file. */
      if (d->total > 0 && d->done != d->total)
        {
          g_task_return_error (task, client_error_new (HC_CLIENT_ERROR_UNREACHABLE, NULL, NULL,
                                                       _("The export was cut off before it was complete; try again.")));
          return;
        }
      g_output_stream_close_async (d->out, G_PRIORITY_DEFAULT, cancellable,
                                   export_closed_cb, g_steal_pointer (&task));
      return;
    }
  /* The bytes live in the task's queue until written. */
  g_object_set_data_full (G_OBJECT (task), "chunk", g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_output_stream_write_all_async (d->out, data, len, G_PRIORITY_DEFAULT,
                                   cancellable, export_wrote_cb,
                                   g_steal_pointer (&task));
}

static void
export_replaced_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  /* read before the task is stolen in the same argument list */
  GCancellable *cancellable = g_task_get_cancellable (task);
  ExportData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  d->out = G_OUTPUT_STREAM (g_file_replace_finish (G_FILE (source), result, &error));
  if (d->out == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_input_stream_read_bytes_async (d->in, EXPORT_CHUNK, G_PRIORITY_DEFAULT,
                                   cancellable, export_read_cb,
                                   g_steal_pointer (&task));
}

static void
export_error_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HcClient *self = g_task_get_source_object (task);
  ExportData *d = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root = NULL;
  GError *answer_error;

  if (bytes != NULL &&
      json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    root = json_parser_get_root (parser);
  answer_error = error_from_answer (self, soup_message_get_status (d->msg), root);
  if (g_error_matches (answer_error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_TOKEN_EXPIRED))
    g_signal_emit (self, signals [SESSION_EXPIRED], 0);
  g_task_return_error (task, answer_error);
}

static void
export_sent_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  /* read before the task is stolen in the same argument list */
  GCancellable *cancellable = g_task_get_cancellable (task);
  ExportData *d = g_task_get_task_data (task);
  HcClient *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  const char *rows;

  d->in = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (d->in == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_error (task, error_from_transport (self, error));
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (d->msg)))
    {
      g_input_stream_read_bytes_async (d->in, EXPORT_CHUNK, G_PRIORITY_DEFAULT,
                                       cancellable, export_error_read_cb,
                                       g_steal_pointer (&task));
      return;
    }
  headers = soup_message_get_response_headers (d->msg);
  d->total = soup_message_headers_get_content_length (headers);
  rows = soup_message_headers_get_one (headers, "X-Export-Rows");
  d->rows = rows ? g_ascii_strtoll (rows, NULL, 10) : -1;
  g_file_replace_async (d->dest, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, G_PRIORITY_DEFAULT,
                        cancellable, export_replaced_cb, g_steal_pointer (&task));
}

/**
 * hc_client_export_async:
 * @path: a listing below /api/v1 with its filters ("/subjects?region=460100")
 * @dest: the file to write (replaced once complete)
 * @progress: (nullable): called as bytes arrive, with the total when known
 *
 * Exports the listing's whole result in @format, streamed to @dest; the
 * server applies the same filters and masking as the listing, and audits it.
 */
void
hc_client_export_async (HcClient              *self,
                        const char            *path,
                        HcExportFormat         format,
                        GFile                 *dest,
                        GFileProgressCallback  progress,
                        gpointer               progress_data,
                        GCancellable          *cancellable,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *d;
  GError *error = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (G_IS_FILE (dest));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_export_async);
  d = g_new0 (ExportData, 1);
  d->dest = g_object_ref (dest);
  d->progress = progress;
  d->progress_data = progress_data;
  g_task_set_task_data (task, d, export_data_free);

  d->msg = new_message (self, "GET", path,
                        format == HC_EXPORT_FORMAT_CSV
                          ? "text/csv"
                          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        &error);
  if (d->msg == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  soup_session_send_async (self->session, d->msg, G_PRIORITY_DEFAULT, cancellable,
                           export_sent_cb, g_steal_pointer (&task));
}

/* Returns: the number of rows exported, -1 when the server did not say */
gint64
hc_client_export_finish (HcClient      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), -1);
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_export_async, -1);

  return g_task_propagate_int (G_TASK (result), error);
}
