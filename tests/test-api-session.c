/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests: health, signing in and out, users, roles, audit, errors. */
#include "config.h"

#include <string.h>

#include "hc-test-server.h"

static HcTestServer *server;

static void
test_health_needs_no_token (void)
{
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/health", NULL, NULL);
  JsonObject *obj;

  hc_assert_status (r, 200, NULL);
  obj = hc_test_response_object (r);
  g_assert_cmpstr (json_object_get_string_member (obj, "status"), ==, "ok");
  g_assert_cmpint (json_object_get_int_member (obj, "schema"), >=, 1);
}

static void
test_session_wrong_password_is_401 (void)
{
  g_autoptr(HcTestResponse) r =
    hc_test_request (server, "POST", "/session", NULL, "{\"username\":\"admin\",\"password\":\"wrong-password\"}");
  g_autoptr(HcTestResponse) r2 =
    hc_test_request (server, "POST", "/session", NULL, "{\"username\":\"nobody\",\"password\":\"wrong-password\"}");

  hc_assert_status (r, 401, "invalid_credentials");
  hc_assert_status (r2, 401, "invalid_credentials");
}

static void
test_session_sign_in_and_out (void)
{
  g_autofree char *token = hc_test_server_login (server, "admin", HC_TEST_PASSWORD);
  g_autoptr(HcTestResponse) who = NULL;
  g_autoptr(HcTestResponse) out = NULL;
  g_autoptr(HcTestResponse) after = NULL;

  g_assert_nonnull (token);
  who = hc_test_request (server, "GET", "/session", token, NULL);
  hc_assert_status (who, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (who), "role"), ==, "admin");

  out = hc_test_request (server, "DELETE", "/session", token, NULL);
  hc_assert_status (out, 204, NULL);
  after = hc_test_request (server, "GET", "/session", token, NULL);
  hc_assert_status (after, 401, "unauthenticated");
}

static void
test_requests_without_token_are_401 (void)
{
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/regions", NULL, NULL);
  g_autoptr(HcTestResponse) r2 = hc_test_request (server, "GET", "/regions", "not-a-token", NULL);

  hc_assert_status (r, 401, "unauthenticated");
  hc_assert_status (r2, 401, "unauthenticated");
}

static void
test_unknown_path_and_method (void)
{
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/no-such-thing", NULL, NULL);
  g_autoptr(HcTestResponse) r2 = hc_test_request (server, "DELETE", "/health", NULL, NULL);

  hc_assert_status (r, 404, "not_found");
  hc_assert_status (r2, 405, "method_not_allowed");
}

static void
test_malformed_json_is_400 (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  const char *bodies[] = { "{", "[1,2]", "null", "\"text\"", "{\"username\": 5}", "\xff\xfe" };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/users", admin, bodies[i]);

      g_assert_cmpuint (r->status, ==, 400);
      g_assert_nonnull (hc_test_response_error_code (r));
    }
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM users"), ==, 1);
}

static void
test_oversized_body_is_413 (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  gsize size = 5 * 1024 * 1024;
  g_autofree char *data = g_malloc (size);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(HcTestResponse) r = NULL;

  memset (data, ' ', size);
  body = g_bytes_new_take (g_steal_pointer (&data), size);
  r = hc_test_request_full (server, "POST", "/users", admin, "application/json", body, NULL);
  hc_assert_status (r, 413, "payload_too_large");
}

static void
test_users_create_checks_role_and_input (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autoptr(HcTestResponse) weak =
    hc_test_request (server, "POST", "/users", admin,
                     "{\"username\":\"li.ming\",\"password\":\"short\",\"role\":\"analyst\"}");
  g_autoptr(HcTestResponse) badrole =
    hc_test_request (server, "POST", "/users", admin,
                     "{\"username\":\"li.ming\",\"password\":\"long-enough-pw\",\"role\":\"boss\"}");
  g_autoptr(HcTestResponse) missing =
    hc_test_request (server, "POST", "/users", admin, "{\"username\":\"li.ming\",\"role\":\"analyst\"}");
  g_autoptr(HcTestResponse) ok =
    hc_test_request (server, "POST", "/users", admin,
                     "{\"username\":\"li.ming\",\"password\":\"long-enough-pw\",\"role\":\"analyst\",\"display_name\":\"李明\"}");
  g_autoptr(HcTestResponse) dup =
    hc_test_request (server, "POST", "/users", admin,
                     "{\"username\":\"li.ming\",\"password\":\"long-enough-pw\",\"role\":\"analyst\"}");
  g_autofree char *analyst = NULL;
  g_autoptr(HcTestResponse) forbidden = NULL;

  hc_assert_status (weak, 422, "weak_password");
  g_assert_cmpstr (hc_test_response_error_field (weak), ==, "password");
  hc_assert_status (badrole, 422, "invalid_role");
  hc_assert_status (missing, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (missing), ==, "password");
  hc_assert_status (ok, 201, NULL);
  g_assert_nonnull (ok->etag);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (ok), "display_name"), ==, "李明");
  g_assert_false (json_object_has_member (hc_test_response_object (ok), "password_hash"));
  hc_assert_status (dup, 409, "duplicate");

  analyst = hc_test_server_login (server, "li.ming", "long-enough-pw");
  g_assert_nonnull (analyst);
  forbidden = hc_test_request (server, "POST", "/users", analyst,
                               "{\"username\":\"x.y\",\"password\":\"long-enough-pw\",\"role\":\"admin\"}");
  hc_assert_status (forbidden, 403, "forbidden");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM users WHERE username = 'x.y'"), ==, 0);
}

static void
test_users_stale_write_changes_nothing (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autoptr(HcTestResponse) created =
    hc_test_request (server, "POST", "/users", admin,
                     "{\"username\":\"wang.fang\",\"password\":\"long-enough-pw\",\"role\":\"analyst\"}");
  gint64 id = json_object_get_int_member (hc_test_response_object (created), "id");
  g_autofree char *path = g_strdup_printf ("/users/%" G_GINT64_FORMAT, id);
  g_autoptr(GBytes) body1 = g_bytes_new_static ("{\"role\":\"supervisor\"}", 21);
  g_autoptr(GBytes) body2 = g_bytes_new_static ("{\"display_name\":\"王芳\"}", strlen ("{\"display_name\":\"王芳\"}"));
  g_autoptr(HcTestResponse) no_if_match = hc_test_request (server, "PATCH", path, admin, "{\"role\":\"supervisor\"}");
  g_autoptr(HcTestResponse) first = hc_test_request_full (server, "PATCH", path, admin, NULL, body1, created->etag);
  g_autoptr(HcTestResponse) stale = hc_test_request_full (server, "PATCH", path, admin, NULL, body2, created->etag);
  g_autoptr(HcTestResponse) now = hc_test_request (server, "GET", path, admin, NULL);

  hc_assert_status (no_if_match, 428, "precondition_required");
  hc_assert_status (first, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (first), "role"), ==, "supervisor");
  g_assert_cmpstr (first->etag, !=, created->etag);
  hc_assert_status (stale, 412, "stale");
  hc_assert_status (now, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (now), "display_name"), ==, "");
  g_assert_cmpstr (now->etag, ==, first->etag);
}

static void
test_audit_records_each_write (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autoptr(HcTestResponse) created =
    hc_test_request (server, "POST", "/users", admin,
                     "{\"username\":\"zhao.lei\",\"password\":\"long-enough-pw\",\"role\":\"analyst\"}");
  gint64 id = json_object_get_int_member (hc_test_response_object (created), "id");
  g_autofree char *query = g_strdup_printf ("/audit?entity=user&entity_id=%" G_GINT64_FORMAT, id);
  g_autoptr(HcTestResponse) audit = hc_test_request (server, "GET", query, admin, NULL);
  JsonArray *items;
  JsonObject *entry;

  hc_assert_status (audit, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (audit), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  entry = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "actor"), ==, "admin");
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "user.create");
  g_assert_true (json_object_get_null_member (entry, "before"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "after"), "username"),
                   ==, "zhao.lei");
}

static void
test_audit_pages_with_a_stable_cursor (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 id;
  g_autofree char *cursor = NULL;
  g_autoptr(HcTestResponse) all = hc_test_request (server, "GET", "/audit?total=1", admin, NULL);
  gint64 total = json_object_get_int_member (hc_test_response_object (all), "total");
  guint pages = 0;

  g_assert_cmpint (total, >=, 3);
  do
    {
      g_autofree char *path = cursor ? g_strdup_printf ("/audit?limit=1&cursor=%s", cursor)
                                     : g_strdup ("/audit?limit=1");
      g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, admin, NULL);
      JsonObject *obj = hc_test_response_object (r);
      JsonArray *items = json_object_get_array_member (obj, "items");

      hc_assert_status (r, 200, NULL);
      g_assert_cmpuint (json_array_get_length (items), ==, 1);
      id = json_object_get_int_member (json_array_get_object_element (items, 0), "id");
      g_assert_false (g_hash_table_contains (seen, &id));
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_free (cursor);
      cursor = json_object_get_null_member (obj, "next_cursor") ? NULL
             : g_strdup (json_object_get_string_member (obj, "next_cursor"));
      pages++;
    }
  while (cursor != NULL && pages < 1000);
  g_assert_cmpuint (pages, ==, total);

  {
    g_autoptr(HcTestResponse) bad = hc_test_request (server, "GET", "/audit?cursor=bm90LW91cnM", admin, NULL);
    g_autoptr(HcTestResponse) badlimit = hc_test_request (server, "GET", "/audit?limit=0", admin, NULL);

    hc_assert_status (bad, 400, NULL);
    hc_assert_status (badlimit, 400, "invalid_parameter");
  }
}

static void
test_regions_are_the_19 (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/regions", admin, NULL);
  JsonArray *items;

  hc_assert_status (r, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (r), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 19);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "name"), ==, "海口市");
}

static void
test_expired_token_is_token_expired (void)
{
  /* Sessions that end as soon as they begin: no waiting for a clock. */
  const char *args[] = { "--token-lifetime", "0", NULL };
  g_autoptr(HcTestServer) short_lived = hc_test_server_new (HC_TEST_SERVER_EMPTY, args);
  g_autofree char *token = hc_test_server_login (short_lived, "admin", HC_TEST_PASSWORD);
  g_autoptr(HcTestResponse) r = NULL;

  g_assert_nonnull (token);
  r = hc_test_request (short_lived, "GET", "/regions", token, NULL);
  hc_assert_status (r, 401, "token_expired");
}

/* GET @path @times times with @token (each request may reach another
 * worker, each with its own session cache), asserting each answer. */
static void
expect_times (const char *path,
              const char *token,
              guint       status,
              const char *code,
              guint       times)
{
  for (guint i = 0; i < times; i++)
    {
      g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, token, NULL);

      hc_assert_status (r, status, code);
    }
}

/* A user of @role through the API; returns their token, and their id and
 * ETag in @id and @etag. */
static char *
new_user (const char  *username,
          const char  *role,
          gint64      *id,
          char       **etag)
{
  g_autofree char *body =
    g_strdup_printf ("{\"username\":\"%s\",\"password\":\"long-enough-pw\",\"role\":\"%s\"}", username, role);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/users", hc_test_server_token (server, "admin"), body);

  hc_assert_status (r, 201, NULL);
  *id = json_object_get_int_member (hc_test_response_object (r), "id");
  *etag = g_strdup (r->etag);
  return hc_test_server_login (server, username, "long-enough-pw");
}

static void
patch_user (gint64      id,
            const char *etag,
            const char *body)
{
  g_autofree char *path = g_strdup_printf ("/users/%" G_GINT64_FORMAT, id);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(HcTestResponse) r =
    hc_test_request_full (server, "PATCH", path, hc_test_server_token (server, "admin"), NULL, bytes, etag);

  hc_assert_status (r, 200, NULL);
}

/* The workers keep the sessions they found (issue 12), but the database
 * stays the truth: a token used many times (so that every worker holds
 * it) stops working at once after a sign-out, a password change, a
 * deactivation, or a change made to the database by another program; a
 * new role applies at once. */
static void
test_session_cache_follows_the_database (void)
{
  const guint n = 12;
  g_autofree char *etag = NULL;
  g_autofree char *token = NULL;
  g_autofree char *other = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  /* Sign-out. */
  token = new_user ("cache.out", "analyst", &id, &etag);
  expect_times ("/regions", token, 200, NULL, n);
  {
    g_autoptr(HcTestResponse) out = hc_test_request (server, "DELETE", "/session", token, NULL);

    hc_assert_status (out, 204, NULL);
  }
  expect_times ("/regions", token, 401, "unauthenticated", n);
  g_clear_pointer (&token, g_free);
  g_clear_pointer (&etag, g_free);

  /* A password change by the administrator ends the user's sessions. */
  token = new_user ("cache.pw", "analyst", &id, &etag);
  expect_times ("/regions", token, 200, NULL, n);
  patch_user (id, etag, "{\"password\":\"another-long-pw\"}");
  expect_times ("/regions", token, 401, "unauthenticated", n);
  other = hc_test_server_login (server, "cache.pw", "another-long-pw");
  g_assert_nonnull (other);
  expect_times ("/regions", other, 200, NULL, n);
  g_clear_pointer (&token, g_free);
  g_clear_pointer (&other, g_free);
  g_clear_pointer (&etag, g_free);

  /* Deactivation. */
  token = new_user ("cache.off", "analyst", &id, &etag);
  expect_times ("/regions", token, 200, NULL, n);
  patch_user (id, etag, "{\"active\":false}");
  expect_times ("/regions", token, 401, "unauthenticated", n);
  g_clear_pointer (&token, g_free);
  g_clear_pointer (&etag, g_free);

  /* A new role: an administrator made analyst may no longer list users. */
  token = new_user ("cache.role", "admin", &id, &etag);
  expect_times ("/users", token, 200, NULL, n);
  patch_user (id, etag, "{\"role\":\"analyst\"}");
  expect_times ("/users", token, 403, "forbidden", n);
  g_clear_pointer (&token, g_free);
  g_clear_pointer (&etag, g_free);

  /* Another program's commit: seen through the database, not the cache. */
  token = new_user ("cache.outside", "analyst", &id, &etag);
  expect_times ("/regions", token, 200, NULL, n);
  sql = g_strdup_printf ("UPDATE users SET active = 0 WHERE id = %" G_GINT64_FORMAT, id);
  hc_test_server_backdate (server, sql);
  expect_times ("/regions", token, 401, "unauthenticated", n);
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);

  g_test_add_func ("/session/health-needs-no-token", test_health_needs_no_token);
  g_test_add_func ("/session/wrong-password-is-401", test_session_wrong_password_is_401);
  g_test_add_func ("/session/sign-in-and-out", test_session_sign_in_and_out);
  g_test_add_func ("/session/requests-without-token-are-401", test_requests_without_token_are_401);
  g_test_add_func ("/session/expired-token-is-token-expired", test_expired_token_is_token_expired);
  g_test_add_func ("/api/unknown-path-and-method", test_unknown_path_and_method);
  g_test_add_func ("/api/malformed-json-is-400", test_malformed_json_is_400);
  g_test_add_func ("/api/oversized-body-is-413", test_oversized_body_is_413);
  g_test_add_func ("/users/create-checks-role-and-input", test_users_create_checks_role_and_input);
  g_test_add_func ("/users/stale-write-changes-nothing", test_users_stale_write_changes_nothing);
  g_test_add_func ("/audit/records-each-write", test_audit_records_each_write);
  g_test_add_func ("/audit/pages-with-a-stable-cursor", test_audit_pages_with_a_stable_cursor);
  g_test_add_func ("/regions/are-the-19", test_regions_are_the_19);
  /* Last: it adds users, which tests above count. */
  g_test_add_func ("/session-cache/follows-the-database", test_session_cache_follows_the_database);

  ret = g_test_run ();
  hc_test_server_free (server);
  return ret;
}
