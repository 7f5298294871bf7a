/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HC_CLIENT_ERROR: the errors of HcClient's calls, made from a transport
 * failure or the server's error answer, with the server's code and field. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "hc-client-private.h"

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

GError *
_hc_client_error_new (HcClientError  code,
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

GError *
_hc_client_error_from_transport (HcClient *client,
                                 GError   *error)
{
  g_autoptr(GError) owned = error;
  const char *refused = hc_client_get_refused_certificate (client);

  /* A cancelled call stays cancelled: the caller went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_steal_pointer (&owned);
  /* A certificate no known authority signed (see accept_certificate_cb()
   * in hc-client.c): another than the one trusted, or none trusted yet. */
  if (error->domain == G_TLS_ERROR && refused != NULL && hc_client_get_trusted_certificate (client) != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The server’s security certificate has changed since you trusted it (its fingerprint is now %s). "
                           "Someone may be intercepting the connection: do not sign in, and ask your administrator."),
                         refused);

      return _hc_client_error_new (HC_CLIENT_ERROR_TLS, "certificate_changed", NULL, message);
    }
  if (error->domain == G_TLS_ERROR && refused != NULL)
    return _hc_client_error_new (HC_CLIENT_ERROR_TLS, "untrusted_certificate", NULL,
                                 _("The server’s security certificate is not signed by an authority this computer knows. "
                                   "Compare its fingerprint with the one your administrator gave you before you trust it."));
  if (error->domain == G_TLS_ERROR)
    return _hc_client_error_new (HC_CLIENT_ERROR_TLS, NULL, NULL,
                                 _("The server’s security certificate cannot be trusted. Check the server address or ask your administrator."));
  return _hc_client_error_new (HC_CLIENT_ERROR_UNREACHABLE, NULL, NULL,
                               _("The server cannot be reached. Check the server address and your network connection."));
}

GError *
_hc_client_error_from_answer (guint     status,
                              JsonNode *node,
                              gboolean  signed_in)
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
       (signed_in && g_strcmp0 (code, "invalid_credentials") != 0)))
    kind = HC_CLIENT_ERROR_TOKEN_EXPIRED;

  if (message == NULL)
    {
      if (kind == HC_CLIENT_ERROR_SERVER)
        message = _("The server ran into a problem. Try again later.");
      else
        message = _("The server gave an answer this version does not understand.");
    }
  return _hc_client_error_new (kind, code, field, message);
}

/* The error of an answer that is not what the API documents; shared by the
 * files that add typed calls. */
GError *
hc_client_protocol_error (void)
{
  return g_error_new_literal (HC_CLIENT_ERROR, HC_CLIENT_ERROR_PROTOCOL,
                              _("The server gave an answer this version does not understand."));
}

