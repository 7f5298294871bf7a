/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of accounts (issue 11): a password change ends the user's
 * other sessions, deactivation ends them all and reactivation brings none
 * back; sign-ins are throttled per user name and per address, and every
 * one of them is audited. */
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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/accounts/password-change-ends-other-sessions", test_password_change_ends_other_sessions);
  g_test_add_func ("/accounts/reactivation-brings-no-token-back", test_reactivation_brings_no_token_back);
  g_test_add_func ("/accounts/sign-in-throttled-per-user", test_sign_in_throttled_per_user);
  g_test_add_func ("/accounts/unknown-and-inactive-users-are-refused-alike", test_unknown_and_inactive_users_are_refused_alike);
  g_test_add_func ("/accounts/sign-in-throttled-per-address", test_sign_in_throttled_per_address);
  return g_test_run ();
}
