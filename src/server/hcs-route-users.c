/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /users: accounts and roles, for administrators. */
#define G_LOG_DOMAIN "hcs-route-users"

#include "config.h"

#include <glib/gi18n.h>

#include "hcs-auth.h"
#include "hcs-routes.h"
#include "hcs-store-users.h"
#include "hcs-write.h"

static void
list_users (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonArray *rows = hcs_store_users_list (hcs_request_get_store (req), &error);

  if (rows == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_page (req, rows, NULL, json_array_get_length (rows));
}

static gboolean
check_role_key (HcsRequest *req,
                const char *key,
                HcRole     *role)
{
  if (key == NULL || hc_role_from_key (key, role))
    return TRUE;
  hcs_request_reply_error (req, HCS_ERR_INVALID_ROLE, "role",
                           _("The role must be analyst, supervisor or admin."));
  return FALSE;
}

static gboolean
check_password (HcsRequest *req,
                const char *password)
{
  const char *reason = NULL;

  if (password == NULL || hcs_auth_password_is_acceptable (password, &reason))
    return TRUE;
  hcs_request_reply_error (req, HCS_ERR_WEAK_PASSWORD, "password",
                           "%s", reason);
  return FALSE;
}

/* Runs a write and its audit entry in one transaction, then answers the
 * user as it is now. */
static void
reply_user (HcsRequest *req,
            guint       status,
            gint64      id)
{
  g_autoptr(GError) error = NULL;
  JsonObject *user = hcs_store_users_get (hcs_request_get_store (req), id, &error);

  if (user == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_set_etag (req, json_object_get_int_member (user, "version"));
  hcs_request_reply_object (req, status, user);
}

static void
create_user (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  JsonObject *body = hcs_request_json_object (req);
  const char *username = NULL, *password = NULL, *role_key = NULL, *display_name = "";
  gint64 department_id = 0, id;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  HcRole role;

  if (body == NULL ||
      !hcs_request_field_string (req, body, "username", HCS_FIELD_REQUIRED, &username) ||
      !hcs_request_field_string (req, body, "password", HCS_FIELD_REQUIRED | HCS_FIELD_RAW, &password) ||
      !hcs_request_field_string (req, body, "role", HCS_FIELD_REQUIRED, &role_key) ||
      !hcs_request_field_string (req, body, "display_name", HCS_FIELD_OPTIONAL, &display_name) ||
      !hcs_request_field_int (req, body, "department_id", HCS_FIELD_OPTIONAL, &department_id) ||
      !check_role_key (req, role_key, &role) || !check_password (req, password))
    return;
  if (!g_regex_match_simple ("^[a-z][a-z0-9_.-]{1,31}$", username, 0, 0))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_USERNAME, "username",
                               _("A user name is 2 to 32 lower-case letters, digits, “.”, “_” or “-”, starting with a letter."));
      return;
    }

  hash = hcs_auth_hash_password (password, &error);
  if (hash == NULL || (w = hcs_write_begin (req, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  if ((id = hcs_store_users_insert (store, username, display_name, role, hash, department_id, &error)) <= 0 ||
      (after = hcs_store_users_get (store, id, &error)) == NULL ||
      !hcs_write_commit (w, "user.create", "user", (id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id)),
                         NULL, after, &error))
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_DUPLICATE))
        hcs_request_reply_error (req, HCS_ERR_DUPLICATE, "username",
                                 _("The user name “%s” is taken."), username);
      else if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_CONSTRAINT))
        hcs_request_reply_error (req, HCS_ERR_UNKNOWN_DEPARTMENT, "department_id",
                                 _("There is no such department."));
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  reply_user (req, SOUP_STATUS_CREATED, id);
}

static void
get_user (HcsRequest *req)
{
  gint64 id;

  if (hcs_request_path_id (req, "id", _("There is no such user."), &id))
    reply_user (req, SOUP_STATUS_OK, id);
}

/* A new password ends the user's other sessions (all of them when an
 * administrator sets someone else's); a change of `active` either way ends
 * every one, so reactivating a user brings no old token back. */
static gboolean
revoke_sessions (HcsRequest  *req,
                 gint64       id,
                 gboolean     password_changed,
                 gboolean     active_changed,
                 GError     **error)
{
  const char *auth = hcs_request_get_header (req, "Authorization");
  g_autofree char *own_hash = NULL;

  if (!password_changed && !active_changed)
    return TRUE;
  if (!active_changed && id == hcs_request_get_actor (req)->user_id &&
      auth != NULL && g_ascii_strncasecmp (auth, "Bearer ", 7) == 0)
    own_hash = hcs_auth_token_hash (auth + 7);
  return hcs_store_sessions_revoke_user (hcs_request_get_store (req), id, own_hash, error);
}

static void
patch_user (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  JsonObject *body;
  const char *display_name = NULL, *role_key = NULL, *password = NULL;
  gboolean active = TRUE, has_active;
  gint64 id, version;
  HcRole role;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *id_text = NULL;

  if (!hcs_request_path_id (req, "id", _("There is no such user."), &id) || !hcs_request_if_match (req, &version) ||
      (body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_string (req, body, "display_name", HCS_FIELD_OPTIONAL, &display_name) ||
      !hcs_request_field_string (req, body, "role", HCS_FIELD_OPTIONAL, &role_key) ||
      !hcs_request_field_string (req, body, "password", HCS_FIELD_OPTIONAL | HCS_FIELD_RAW, &password) ||
      !hcs_request_field_bool (req, body, "active", HCS_FIELD_OPTIONAL, &active) ||
      !check_role_key (req, role_key, &role) || !check_password (req, password))
    return;
  has_active = json_object_has_member (body, "active");
  if (id == hcs_request_get_actor (req)->user_id &&
      ((role_key != NULL && role != HC_ROLE_ADMIN) || (has_active && !active)))
    {
      hcs_request_reply_error (req, HCS_ERR_SELF_LOCKOUT, "role",
                               _("You cannot take away your own administrator rights; ask another administrator."));
      return;
    }
  if (password != NULL && (hash = hcs_auth_hash_password (password, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }

  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (before = hcs_store_users_get (store, id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  version = hcs_request_if_match_version (req, before);
  if (!hcs_store_users_update (store, id, version, display_name, role_key, hash,
                               has_active ? (active ? 1 : 0) : -1, &error) ||
      !revoke_sessions (req, id, hash != NULL, has_active, &error) ||
      (after = hcs_store_users_get (store, id, &error)) == NULL ||
      !hcs_write_commit (w, "user.update", "user", (id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id)),
                         before, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  reply_user (req, SOUP_STATUS_OK, id);
}

static const HcsRoute routes[] = {
  { "GET",   "/users",      list_users,  HCS_ACCESS_ADMIN },
  { "POST",  "/users",      create_user, HCS_ACCESS_ADMIN },
  { "GET",   "/users/{id}", get_user,    HCS_ACCESS_ADMIN },
  { "PATCH", "/users/{id}", patch_user,  HCS_ACCESS_ADMIN },
};

void
hcs_routes_users_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
