/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GET /health: is the server up, which version and schema; for an
 * administrator also how it keeps what it acknowledges (the durability of
 * the connection that answers) and how sign-ins are being checked. */
#define G_LOG_DOMAIN "hcs-route-health"

#include "config.h"

#include <string.h>

#include "hcs-auth.h"
#include "hcs-routes.h"
#include "hcs-store-users.h"

/* Whether the request carries the valid token of an administrator. The
 * route is public: a missing or bad token only leaves the details out. */
static gboolean
asked_by_admin (HcsRequest *req)
{
  const char *auth = hcs_request_get_header (req, "Authorization");
  g_autofree char *token_hash = NULL;
  g_autofree char *username = NULL;
  gint64 user_id = 0;
  HcRole role = HC_ROLE_ANALYST;
  gboolean expired = FALSE;

  if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0 || auth[7] == '\0')
    return FALSE;
  token_hash = hcs_auth_token_hash (auth + 7);
  return hcs_store_sessions_lookup (hcs_request_get_store (req), token_hash, g_get_real_time () / G_USEC_PER_SEC,
                                    &user_id, &username, &role, &expired, NULL) &&
         hc_role_at_least (role, HC_ROLE_ADMIN);
}

static void
get_health (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  JsonObject *obj = json_object_new ();

  json_object_set_string_member (obj, "status", "ok");
  json_object_set_string_member (obj, "version", PACKAGE_VERSION);
  json_object_set_int_member (obj, "schema", hcs_store_get_schema_version (store));
  if (asked_by_admin (req))
    {
      JsonObject *storage = json_object_new ();
      JsonObject *sign_in = json_object_new ();
      const char *sync = hcs_store_get_synchronous (store);
      guint threads, unchecked;

      /* Read from this connection, not from the option it was given. */
      if (sync != NULL)
        json_object_set_string_member (storage, "synchronous", sync);
      else
        json_object_set_null_member (storage, "synchronous");
      json_object_set_object_member (obj, "storage", storage);
      hcs_routes_session_hashing (&threads, &unchecked);
      json_object_set_int_member (sign_in, "hash_threads", threads);
      json_object_set_int_member (sign_in, "unchecked", unchecked);
      json_object_set_object_member (obj, "sign_in", sign_in);
    }
  hcs_request_reply_object (req, SOUP_STATUS_OK, obj);
}

static const HcsRoute routes[] = {
  { "GET", "/health", get_health, HCS_ACCESS_PUBLIC },
};

void
hcs_routes_health_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
