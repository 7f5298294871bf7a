/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of accounts (issue 11): a password change ends the user's
 * other sessions, deactivation ends them all and reactivation brings none
 * back; sign-ins are throttled per user name and per address, and every
 * one of them is audited; a flood of sign-ins waits on the hashing pool
 * while other requests are answered; writes are acknowledged only once on
 * disk (synchronous = FULL on the live connection). */
#include "config.h"

#include <string.h>

#include "hc-test-server.h"

#define PASSWORD  "long-enough-pw"
#define PASSWORD2 "another-long-pw"

static gint64
create_user (HcTestServer *server,
             const char   *username,
             const char   *role)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"}",
                                           username, PASSWORD, role);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/users", hc_test_server_token (server, "admin"), body);

  hc_assert_status (r, 201, NULL);
  return json_object_get_int_member (hc_test_response_object (r), "id");
}

/* PATCH /users/{id} as @token, with the user's current ETag. */
static guint
patch_user (HcTestServer *server,
            const char   *token,
            gint64        id,
            const char   *body)
{
  g_autofree char *path = g_strdup_printf ("/users/%" G_GINT64_FORMAT, id);
  g_autoptr(HcTestResponse) current = hc_test_request (server, "GET", path, token, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(HcTestResponse) r = NULL;

  hc_assert_status (current, 200, NULL);
  r = hc_test_request_full (server, "PATCH", path, token, "application/json", bytes, current->etag);
  return r->status;
}

static guint
whoami (HcTestServer *server,
        const char   *token)
{
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/session", token, NULL);

  return r->status;
}

static void
test_password_change_ends_other_sessions (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  gint64 id = create_user (server, "li.fen", "analyst");
  g_autofree char *phone = hc_test_server_login (server, "li.fen", PASSWORD);
  g_autofree char *desk = hc_test_server_login (server, "li.fen", PASSWORD);
  g_autofree char *admin_other = hc_test_server_login (server, "admin", HC_TEST_PASSWORD);
  const char *admin = hc_test_server_token (server, "admin");
  g_autofree char *after = NULL;

  g_assert_cmpuint (whoami (server, phone), ==, 200);
  g_assert_cmpuint (whoami (server, desk), ==, 200);
  g_assert_cmpuint (patch_user (server, admin, id, "{\"password\":\"" PASSWORD2 "\"}"), ==, 200);
  g_assert_cmpuint (whoami (server, phone), ==, 401);
  g_assert_cmpuint (whoami (server, desk), ==, 401);
  g_assert_null (hc_test_server_login (server, "li.fen", PASSWORD));
  after = hc_test_server_login (server, "li.fen", PASSWORD2);
  g_assert_nonnull (after);
  g_assert_cmpuint (whoami (server, after), ==, 200);

  /* Changing one's own password keeps the session that did it. */
  g_assert_cmpuint (whoami (server, admin_other), ==, 200);
  g_assert_cmpuint (patch_user (server, admin, 1, "{\"password\":\"" PASSWORD2 "\"}"), ==, 200);
  g_assert_cmpuint (whoami (server, admin), ==, 200);
  g_assert_cmpuint (whoami (server, admin_other), ==, 401);
  /* A display-name change ends nothing. */
  g_assert_cmpuint (patch_user (server, admin, id, "{\"display_name\":\"李芬\"}"), ==, 200);
  g_assert_cmpuint (whoami (server, after), ==, 200);
}

static void
test_reactivation_brings_no_token_back (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  gint64 id = create_user (server, "zhao.qiang", "supervisor");
  g_autofree char *token = hc_test_server_login (server, "zhao.qiang", PASSWORD);
  const char *admin = hc_test_server_token (server, "admin");
  g_autofree char *again = NULL;

  g_assert_cmpuint (whoami (server, token), ==, 200);
  g_assert_cmpuint (patch_user (server, admin, id, "{\"active\":false}"), ==, 200);
  g_assert_cmpuint (whoami (server, token), ==, 401);
  g_assert_null (hc_test_server_login (server, "zhao.qiang", PASSWORD));
  g_assert_cmpuint (patch_user (server, admin, id, "{\"active\":true}"), ==, 200);
  g_assert_cmpuint (whoami (server, token), ==, 401);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM sessions WHERE user_id = 2"), ==, 0);
  again = hc_test_server_login (server, "zhao.qiang", PASSWORD);
  g_assert_nonnull (again);
  g_assert_cmpuint (whoami (server, again), ==, 200);
}

static HcTestResponse *
sign_in (HcTestServer *server,
         const char   *username,
         const char   *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", username, password);

  return hc_test_request (server, "POST", "/session", NULL, body);
}

static void
test_sign_in_throttled_per_user (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcTestResponse) refused = NULL;
  g_autoptr(HcTestResponse) right_but_refused = NULL;
  g_autoptr(HcTestResponse) other = NULL;
  g_autoptr(HcTestResponse) health = NULL;

  create_user (server, "li.fen", "analyst");
  create_user (server, "wu.lei", "analyst");
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(HcTestResponse) r = sign_in (server, "li.fen", "wrong-password-1");

      hc_assert_status (r, 401, "invalid_credentials");
    }
  refused = sign_in (server, "li.fen", "wrong-password-1");
  hc_assert_status (refused, 429, "too_many_attempts");
  g_assert_nonnull (refused->retry_after);
  g_assert_cmpint (g_ascii_strtoll (refused->retry_after, NULL, 10), >, 0);
  /* Even the right password waits: trying is what is throttled. */
  right_but_refused = sign_in (server, "li.fen", PASSWORD);
  hc_assert_status (right_but_refused, 429, "too_many_attempts");
  /* Others are not slowed. */
  other = sign_in (server, "wu.lei", PASSWORD);
  hc_assert_status (other, 200, NULL);
  health = hc_test_request (server, "GET", "/health", NULL, NULL);
  hc_assert_status (health, 200, NULL);

  /* Every sign-in is audited: the 5 failures, the wait once (not each
   * refused try, so a flood does not flood the log), wu.lei's success. */
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'session.refuse'"
                                               " AND entity_id = 'li.fen' AND after LIKE '%wrong_password%'"), ==, 5);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'session.refuse'"
                                               " AND entity_id = 'li.fen' AND after LIKE '%throttled%'"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'session.create'"
                                               " AND actor = 'wu.lei'"), ==, 1);
}

static void
test_unknown_and_inactive_users_are_refused_alike (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  gint64 id = create_user (server, "sun.li", "analyst");
  g_autoptr(HcTestResponse) unknown = NULL;
  g_autoptr(HcTestResponse) inactive = NULL;

  g_assert_cmpuint (patch_user (server, hc_test_server_token (server, "admin"), id, "{\"active\":false}"), ==, 200);
  unknown = sign_in (server, "nobody", PASSWORD);
  inactive = sign_in (server, "sun.li", PASSWORD);
  hc_assert_status (unknown, 401, "invalid_credentials");
  hc_assert_status (inactive, 401, "invalid_credentials");
  g_assert_cmpint (g_bytes_compare (unknown->body, inactive->body), ==, 0);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'session.refuse'"
                                               " AND (after LIKE '%unknown_user%' OR after LIKE '%inactive%')"), ==, 2);
}

static void
test_sign_in_throttled_per_address (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcTestResponse) refused = NULL;

  create_user (server, "li.fen", "analyst");
  /* Twenty names, a failure each: none reaches its own limit. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("guess%u", i);
      g_autoptr(HcTestResponse) r = sign_in (server, name, "wrong-password-1");

      hc_assert_status (r, 401, "invalid_credentials");
    }
  refused = sign_in (server, "li.fen", PASSWORD);
  hc_assert_status (refused, 429, "too_many_attempts");
  g_assert_nonnull (refused->retry_after);
}

static JsonObject *
health_member (HcTestServer *server,
               const char   *token,
               const char   *member)
{
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/health", token, NULL);
  JsonObject *obj;

  hc_assert_status (r, 200, NULL);
  obj = hc_test_response_object (r);
  return json_object_has_member (obj, member) ? json_object_ref (json_object_get_object_member (obj, member)) : NULL;
}

/* The durability is the live connection's, read back from SQLite: FULL by
 * default, NORMAL only when asked for; only an administrator is told. */
static void
test_durability_is_full_by_default (void)
{
  const char *normal_args[] = { "--sync", "normal", NULL };
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcTestServer) fast = NULL;
  g_autoptr(JsonObject) storage = NULL;
  g_autoptr(JsonObject) hidden = NULL;
  g_autoptr(JsonObject) anonymous = NULL;
  g_autofree char *supervisor = NULL;

  if (hc_test_is_pg ())
    {
      g_test_skip ("PRAGMA synchronous is SQLite's: PostgreSQL's durability is its server's");
      return;
    }
  create_user (server, "zhou.min", "supervisor");
  supervisor = hc_test_server_login (server, "zhou.min", PASSWORD);
  storage = health_member (server, hc_test_server_token (server, "admin"), "storage");
  g_assert_nonnull (storage);
  g_assert_cmpstr (json_object_get_string_member (storage, "synchronous"), ==, "full");
  hidden = health_member (server, supervisor, "storage");
  g_assert_null (hidden);
  anonymous = health_member (server, NULL, "storage");
  g_assert_null (anonymous);
  g_clear_pointer (&storage, json_object_unref);

  fast = hc_test_server_new (HC_TEST_SERVER_EMPTY, normal_args);
  storage = health_member (fast, hc_test_server_token (fast, "admin"), "storage");
  g_assert_cmpstr (json_object_get_string_member (storage, "synchronous"), ==, "normal");
}

#define FLOOD 16

/* Wrong passwords sent at once queue on the hashing pool; meanwhile other
 * requests are answered: GET /health comes back while sign-ins are still
 * waiting unchecked, more of them than the pool hashes at once (an
 * ordering, not a timing: had the flood held the workers, the health
 * answer would come after the flood, with none unchecked). */
static void
test_sign_in_flood_does_not_hold_up_others (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  const char *admin = hc_test_server_token (server, "admin");
  GSocketConnection *flood[FLOOD];
  gint64 most_unchecked = 0, threads = 0;

  for (guint i = 0; i < FLOOD; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"username\":\"flood%u\",\"password\":\"wrong-password-%u\"}", i, i);

      flood[i] = hc_test_send_raw (server, "POST", "/session", "none", "application/json", NULL, body, strlen (body));
    }
  for (;;)
    {
      g_autoptr(JsonObject) sign_in = health_member (server, admin, "sign_in");
      gint64 unchecked;

      g_assert_nonnull (sign_in);
      threads = json_object_get_int_member (sign_in, "hash_threads");
      unchecked = json_object_get_int_member (sign_in, "unchecked");
      most_unchecked = MAX (most_unchecked, unchecked);
      if (unchecked == 0)
        break;
    }
  g_assert_cmpint (threads, >=, 1);
  g_assert_cmpint (threads, <, FLOOD);
  g_assert_cmpint (most_unchecked, >, threads);

  /* Every sign-in of the flood was answered, refused, and audited. */
  for (guint i = 0; i < FLOOD; i++)
    {
      g_autoptr(GDataInputStream) in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (flood[i])));
      g_autofree char *status = g_data_input_stream_read_line (in, NULL, NULL, NULL);

      g_assert_nonnull (status);
      g_assert_true (g_str_has_prefix (status, "HTTP/1.1 401"));
      g_object_unref (flood[i]);
    }
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'session.refuse'"
                                               " AND entity_id LIKE 'flood%'"), ==, FLOOD);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/accounts/password-change-ends-other-sessions", test_password_change_ends_other_sessions);
  g_test_add_func ("/accounts/reactivation-brings-no-token-back", test_reactivation_brings_no_token_back);
  g_test_add_func ("/accounts/sign-in-throttled-per-user", test_sign_in_throttled_per_user);
  g_test_add_func ("/accounts/unknown-and-inactive-users-are-refused-alike", test_unknown_and_inactive_users_are_refused_alike);
  g_test_add_func ("/accounts/sign-in-throttled-per-address", test_sign_in_throttled_per_address);
  g_test_add_func ("/accounts/durability-is-full-by-default", test_durability_is_full_by_default);
  g_test_add_func ("/accounts/sign-in-flood-does-not-hold-up-others", test_sign_in_flood_does_not_hold_up_others);
  return g_test_run ();
}
