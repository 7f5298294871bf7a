/* SPDX-License-Identifier: GPL-3.0-or-later */
/* POST/DELETE /session: signing in and out with bearer tokens. */
#define G_LOG_DOMAIN "hcs-route-session"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hcs-auth.h"
#include "hcs-routes.h"
#include "hcs-server.h"
#include "hcs-store-pg.h"
#include "hcs-store-users.h"
#include "hcs-throttle.h"
#include "hcs-write.h"

/* Password hashing (argon2id, 19 MiB and ~50 ms each) runs on this pool,
 * never on a request worker: a flood of sign-ins then waits here while
 * every other request is answered as usual. */
#define HASH_THREADS   2
#define HASH_QUEUE_MAX 64

/* Sign-ins handed to the pool whose password is not checked yet. */
static gint unchecked;

typedef struct
{
  HcsRequest *req;
  char       *username;
  char       *password;
  char       *address;
  char       *hash;      /* the user's, or the dummy one */
  gint64      user_id;   /* 0: no such user */
  HcRole      role;
  gboolean    active;
  gboolean    verified;
} SignIn;

static void
sign_in_free (gpointer data)
{
  SignIn *s = data;

  g_free (s->username);
  if (s->password != NULL)
    memset (s->password, 0, strlen (s->password));
  g_free (s->password);
  g_free (s->address);
  g_free (s->hash);
  g_free (s);
}

/* A hash of a password nobody has, verified when the user is unknown so that
 * a wrong user name takes as long as a wrong password. */
static const char *
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

static void finish_sign_in (HcsRequest *req,
                            gpointer    data);

static void
verify_in_pool (gpointer data,
                gpointer pool_data)
{
  SignIn *s = data;

  /* Inactive and unknown users are checked as long as anyone: the answer
   * comes no sooner for them. */
  s->verified = hcs_auth_verify_password (s->hash ? s->hash : dummy_hash (), s->password);
  g_atomic_int_dec_and_test (&unchecked);
  hcs_request_resume (s->req, finish_sign_in, s, sign_in_free);
}

static GThreadPool *
hash_pool (void)
{
  static gsize once;
  static GThreadPool *pool;

  if (g_once_init_enter (&once))
    {
      pool = g_thread_pool_new (verify_in_pool, NULL, HASH_THREADS, FALSE, NULL);
      g_once_init_leave (&once, 1);
    }
  return pool;
}

/* Every sign-in, good or not, leaves an audit entry, committed by @w with
 * whatever else @w wrote (the session of a good one). */
static gboolean
commit_sign_in (HcsWrite    *w,
                SignIn      *s,
                const char  *outcome,
                GError     **error)
{
  g_autoptr(JsonObject) after = json_object_new ();
  HcsActor actor = { s->user_id, s->username, s->role };

  json_object_set_string_member (after, "username", s->username);
  json_object_set_string_member (after, "address", s->address ? s->address : "");
  json_object_set_string_member (after, "outcome", outcome);
  return hcs_write_commit_as (w, s->user_id > 0 ? &actor : NULL,
                              g_str_equal (outcome, "ok") ? "session.create" : "session.refuse",
                              "session", s->username, NULL, after, error);
}

/* A refused sign-in: its audit entry is the only write. */
static gboolean
audit_sign_in (HcsRequest  *req,
               SignIn      *s,
               const char  *outcome,
               GError     **error)
{
  g_autoptr(HcsWrite) w = hcs_write_begin (req, error);

  return w != NULL && commit_sign_in (w, s, outcome, error);
}

static void
refuse (HcsRequest *req)
{
  hcs_request_reply_error (req, SOUP_STATUS_UNAUTHORIZED, "invalid_credentials", NULL,
                           _("The user name or password is wrong."));
}

static void
too_many (HcsRequest *req,
          gint64      retry_after)
{
  g_autofree char *retry = g_strdup_printf ("%" G_GINT64_FORMAT, retry_after);

  soup_message_headers_replace (soup_server_message_get_response_headers (hcs_request_get_message (req)),
                                "Retry-After", retry);
  hcs_request_reply_error (req, 429, "too_many_attempts", NULL,
                           _("Too many failed sign-ins; wait %lld seconds and try again."),
                           (long long) retry_after);
}

/* Back on the worker, with the password checked. */
static void
finish_sign_in (HcsRequest *req,
                gpointer    data)
{
  SignIn *s = data;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) expires = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  g_autofree char *expires_text = NULL;
  JsonObject *obj;
  gint64 expires_at;

  if (!s->verified || s->user_id == 0 || !s->active)
    {
      const char *outcome = s->user_id == 0 ? "unknown_user" : !s->verified ? "wrong_password" : "inactive";

      hcs_throttle_signin_failed (s->username, s->address);
      if (!audit_sign_in (req, s, outcome, &error))
        hcs_request_reply_gerror (req, error);
      else
        refuse (req);
      return;
    }
  hcs_throttle_signin_succeeded (s->username);

  token = hcs_auth_new_token ();
  token_hash = hcs_auth_token_hash (token);
  expires_at = g_get_real_time () / G_USEC_PER_SEC + hcs_server_token_ttl ();
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      !hcs_store_sessions_insert (hcs_request_get_store (req), token_hash, s->user_id, expires_at, &error) ||
      !commit_sign_in (w, s, "ok", &error))
    {
      hcs_request_reply_gerror (req, error);
      return;                      /* the guard rolls back */
    }
  /* Over PostgreSQL, the new token reads from a replica (--db-read) only
   * once it has replayed this far: past the sign-in, and past the writes
   * the client made before it under an earlier token (a client that signs
   * in again reads its own writes). Nothing over SQLite. */
  if (!hcs_store_sessions_note_write (hcs_request_get_store (req), token_hash, &error))
    {
      g_warning ("sign-in: cannot keep the session's write position: %s", error->message);
      g_clear_error (&error);
    }

  expires = g_date_time_new_from_unix_utc (expires_at);
  obj = json_object_new ();
  json_object_set_string_member (obj, "token", token);
  json_object_set_string_member (obj, "username", s->username);
  json_object_set_string_member (obj, "role", hc_role_to_key (s->role));
  expires_text = g_date_time_format (expires, "%Y-%m-%dT%H:%M:%SZ");
  json_object_set_string_member (obj, "expires_at", expires_text);
  hcs_request_reply_object (req, SOUP_STATUS_OK, obj);
}

static void
post_session (HcsRequest *req)
{
  JsonObject *body = hcs_request_json_object (req);
  const char *username = NULL, *password = NULL;
  g_autoptr(HcsUserRecord) user = NULL;
  g_autoptr(GError) error = NULL;
  SignIn *s;
  gint64 retry_after;
  gboolean first_refusal;

  if (body == NULL ||
      !hcs_request_field_string (req, body, "username", HCS_FIELD_REQUIRED, &username) ||
      !hcs_request_field_string (req, body, "password", HCS_FIELD_REQUIRED | HCS_FIELD_RAW, &password))
    return;

  s = g_new0 (SignIn, 1);
  s->username = g_strdup (username);
  s->address = hcs_request_dup_client_address (req);

  /* Refused before any hashing, so a flood costs next to nothing. */
  if (!hcs_throttle_signin_allowed (s->username, s->address, &retry_after, &first_refusal))
    {
      if (first_refusal && !audit_sign_in (req, s, "throttled", &error))
        hcs_request_reply_gerror (req, error);
      else
        too_many (req, retry_after);
      sign_in_free (s);
      return;
    }
  if (g_thread_pool_unprocessed (hash_pool ()) >= HASH_QUEUE_MAX)
    {
      sign_in_free (s);
      soup_message_headers_replace (soup_server_message_get_response_headers (hcs_request_get_message (req)),
                                    "Retry-After", "1");
      hcs_request_reply_error (req, SOUP_STATUS_SERVICE_UNAVAILABLE, "busy", NULL,
                               _("The server is busy signing others in; try again in a moment."));
      return;
    }

  user = hcs_store_users_find (hcs_request_get_store (req), username, &error);
  if (error != NULL)
    {
      sign_in_free (s);
      hcs_request_reply_gerror (req, error);
      return;
    }
  if (user != NULL)
    {
      s->user_id = user->id;
      s->hash = g_strdup (user->password_hash);
      s->role = user->role;
      s->active = user->active;
      g_free (s->username);
      s->username = g_strdup (user->username);
    }
  s->password = g_strdup (password);
  s->req = req;
  hcs_request_defer (req);
  g_atomic_int_inc (&unchecked);
  g_thread_pool_push (hash_pool (), s, NULL);
}

/**
 * hcs_routes_session_hashing:
 * @threads: (out): the most passwords hashed at once (the pool's size)
 * @unchecked_out: (out): sign-ins waiting for, or in, the pool
 *
 * What GET /health tells an administrator about sign-ins.
 */
void
hcs_routes_session_hashing (guint *threads,
                            guint *unchecked_out)
{
  *threads = HASH_THREADS;
  *unchecked_out = (guint) MAX (g_atomic_int_get (&unchecked), 0);
}

static void
delete_session (HcsRequest *req)
{
  const char *auth = hcs_request_get_header (req, "Authorization");
  g_autofree char *token_hash = hcs_auth_token_hash (auth + strlen ("Bearer "));
  g_autoptr(GError) error = NULL;

  if (!hcs_store_sessions_delete (hcs_request_get_store (req), token_hash, &error))
    hcs_request_reply_gerror (req, error);
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
