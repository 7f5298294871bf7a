/* SPDX-License-Identifier: GPL-3.0-or-later */
/* POST/DELETE /session: signing in and out with bearer tokens. */
#define G_LOG_DOMAIN "hcs-route-session"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hcs-auth.h"
#include "hcs-routes.h"
#include "hcs-server.h"
#include "hcs-store-users.h"

/* A hash of a password nobody has, verified when the user is unknown so that
 * a wrong user name takes as long as a wrong password. */
static char *
dummy_hash (void)
{
  static gsize once;
  static char *hash;

  if (g_once_init_enter (&once))
    {
      hash = hcs_auth_hash_password ("not-a-real-password-0123456789", NULL);
      g_once_init_leave (&once, 1);
    }
  return hash;
}

static void
post_session (HcsRequest *req)
{
  JsonObject *body = hcs_request_json_object (req);
  const char *username = NULL, *password = NULL;
  g_autoptr(HcsUserRecord) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) expires = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  g_autofree char *expires_text = NULL;
  JsonObject *obj;
  gint64 expires_at;

  if (body == NULL ||
      !hcs_request_field_string (req, body, "username", HCS_FIELD_REQUIRED, &username) ||
      !hcs_request_field_string (req, body, "password", HCS_FIELD_REQUIRED, &password))
    return;

  user = hcs_store_users_find (hcs_request_get_store (req), username, &error);
  if (error != NULL)
    {
      hcs_request_reply_store_error (req, error);
      return;
    }
  if (user == NULL)
    {
      hcs_auth_verify_password (dummy_hash (), password);
    }
  if (user == NULL || !user->active || !hcs_auth_verify_password (user->password_hash, password))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_CREDENTIALS, NULL,
                               _("The user name or password is wrong."));
      return;
    }

  token = hcs_auth_new_token ();
  token_hash = hcs_auth_token_hash (token);
  expires_at = g_get_real_time () / G_USEC_PER_SEC + hcs_server_token_ttl ();
  if (!hcs_store_sessions_insert (hcs_request_get_store (req), token_hash, user->id, expires_at, &error))
    {
      hcs_request_reply_store_error (req, error);
      return;
    }

  expires = g_date_time_new_from_unix_utc (expires_at);
  obj = json_object_new ();
  json_object_set_string_member (obj, "token", token);
  json_object_set_string_member (obj, "username", user->username);
  json_object_set_string_member (obj, "role", hc_role_to_key (user->role));
  expires_text = g_date_time_format (expires, "%Y-%m-%dT%H:%M:%SZ");
  json_object_set_string_member (obj, "expires_at", expires_text);
  hcs_request_reply_object (req, SOUP_STATUS_OK, obj);
}

static void
delete_session (HcsRequest *req)
{
  const char *auth = hcs_request_get_header (req, "Authorization");
  g_autofree char *token_hash = hcs_auth_token_hash (auth + strlen ("Bearer "));
  g_autoptr(GError) error = NULL;

  if (!hcs_store_sessions_delete (hcs_request_get_store (req), token_hash, &error))
    hcs_request_reply_store_error (req, error);
  else
    hcs_request_reply_no_content (req);
}

/* GET /session: who am I (the app uses it to restore a saved token). */
static void
get_session (HcsRequest *req)
{
  const HcsActor *actor = hcs_request_get_actor (req);
  JsonObject *obj = json_object_new ();

  json_object_set_string_member (obj, "username", actor->username);
  json_object_set_string_member (obj, "role", hc_role_to_key (actor->role));
  hcs_request_reply_object (req, SOUP_STATUS_OK, obj);
}

static const HcsRoute routes[] = {
  { "POST",   "/session", post_session,   HCS_ACCESS_PUBLIC, 64 * 1024 },
  { "GET",    "/session", get_session,    HCS_ACCESS_ANALYST },
  { "DELETE", "/session", delete_session, HCS_ACCESS_ANALYST },
};

void
hcs_routes_session_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
