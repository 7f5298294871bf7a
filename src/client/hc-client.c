/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient: the object, its session (token, user, role) and the request
 * layer over libsoup; its errors are in hc-client-error.c, what typed calls
 * are made of in hc-client-typed-call.c, the exports in hc-client-export.c. */
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

/* The request layer */

/* The body of a successful answer to the task's message, or NULL once
 * @task is completed with the error (transport, or the error answer). */
static GBytes *
read_answer (GTask        *task,
             GAsyncResult *result)
{
  HcClient *self = g_task_get_source_object (task);
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = soup_session_send_and_read_finish (self->session, result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, _hc_client_error_from_transport (self, g_steal_pointer (&error)));
      return NULL;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    {
      g_task_return_error (task, _hc_client_answer_error (self, soup_message_get_status (msg), bytes));
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/* Sends @msg, which becomes @task's data, and hands @task on to @callback. */
static void
send_message (HcClient            *self,
              GTask               *task,
              SoupMessage         *msg,
              GAsyncReadyCallback  callback)
{
  g_task_set_task_data (task, g_object_ref (msg), g_object_unref);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                    callback, task);
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root = NULL;
  guint status;

  if ((bytes = read_answer (task, result)) == NULL)
    return;

  status = soup_message_get_status (msg);
  if (g_bytes_get_size (bytes) > 0)
    {
      parser = json_parser_new_immutable ();
      if (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL))
        root = json_parser_get_root (parser);
    }

  if (root == NULL && status != SOUP_STATUS_NO_CONTENT)
    {
      g_task_return_error (task, _hc_client_error_new (HC_CLIENT_ERROR_PROTOCOL, NULL, NULL,
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

/* The error of an answer that is not a success, from its JSON body (if
 * any); a refused token ends the session here too (session-expired). */
GError *
_hc_client_answer_error (HcClient *self,
                         guint     status,
                         GBytes   *body)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root = NULL;
  GError *error;

  g_assert (HC_IS_CLIENT (self));
  if (body != NULL &&
      json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL))
    root = json_parser_get_root (parser);
  error = _hc_client_error_from_answer (status, root, self->token != NULL);
  if (g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_TOKEN_EXPIRED))
    g_signal_emit (self, signals [SESSION_EXPIRED], 0);
  return error;
}

SoupSession *
_hc_client_get_session (HcClient *self)
{
  g_assert (HC_IS_CLIENT (self));
  return self->session;
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
SoupMessage *
_hc_client_new_message (HcClient    *self,
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
      g_propagate_error (error, _hc_client_error_new (HC_CLIENT_ERROR_UNREACHABLE, NULL, NULL,
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

GBytes *
_hc_client_load_upload_finish (GFile         *file,
                               GAsyncResult  *result,
                               const char    *file_name,
                               const char   **content_type,
                               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes = g_file_load_bytes_finish (file, result, NULL, &local_error);

  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, local_error->code,
                     _("The file cannot be read: %s. Check that it exists and that you may read it."),
                     local_error->message);
      return NULL;
    }
  *content_type = g_str_has_suffix (file_name, ".xlsx") || g_str_has_suffix (file_name, ".XLSX")
                  ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  : "text/csv";
  return bytes;
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

  msg = _hc_client_new_message (self, method, path, "application/json", &error);
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

  send_message (self, g_steal_pointer (&task), msg, send_cb);
}

static void
fetch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GBytes *bytes = read_answer (task, result);

  if (bytes != NULL)
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
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

  msg = _hc_client_new_message (self, "GET", path, "*/*", &error);
  if (msg == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  send_message (self, g_steal_pointer (&task), msg, fetch_cb);
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

  msg = _hc_client_new_message (self, method, path, "application/json", &error);
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

  send_message (self, g_steal_pointer (&task), msg, send_cb);
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

/* The fingerprint trusted by hc_client_set_trusted_certificate(), or NULL. */
const char *
hc_client_get_trusted_certificate (HcClient *self)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  return self->trusted_certificate;
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
