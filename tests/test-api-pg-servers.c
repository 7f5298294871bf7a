/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Two servers on one PostgreSQL database (issue 15, suite api-pg): a token
 * from one works on the other, a write on one is read on the other, a
 * sign-out on one ends the token on both, and of concurrent If-Match
 * writes of one record through the two servers exactly one wins. */
#include "config.h"

#include <string.h>

#include "hc-test-server.h"

static HcTestServer *one;
static HcTestServer *two;

static void
test_token_on_both (void)
{
  const char *token = hc_test_server_token (one, "admin");
  g_autoptr(HcTestResponse) r = hc_test_request (two, "GET", "/session", token, NULL);

  hc_assert_status (r, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (r), "username"), ==, "admin");
}

static void
test_write_read (void)
{
  gint64 id = hc_test_create_department (one, "PG2SRV", "双服务器测试单位");
  g_autoptr(HcTestResponse) r = hc_test_request (two, "GET", "/departments", hc_test_server_token (two, "admin"), NULL);
  JsonArray *items;
  gboolean seen = FALSE;

  hc_assert_status (r, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (r), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (json_object_get_int_member (item, "id") == id)
        {
          g_assert_cmpstr (json_object_get_string_member (item, "code"), ==, "PG2SRV");
          seen = TRUE;
        }
    }
  g_assert_true (seen);
}

static void
test_sign_out_everywhere (void)
{
  g_autofree char *token = hc_test_server_login (two, "admin", HC_TEST_PASSWORD);
  g_autoptr(HcTestResponse) before = hc_test_request (one, "GET", "/session", token, NULL);
  g_autoptr(HcTestResponse) out = NULL;
  g_autoptr(HcTestResponse) after_one = NULL;
  g_autoptr(HcTestResponse) after_two = NULL;

  hc_assert_status (before, 200, NULL);
  out = hc_test_request (one, "DELETE", "/session", token, NULL);
  g_assert_cmpint (out->status / 100, ==, 2);
  after_one = hc_test_request (one, "GET", "/session", token, NULL);
  after_two = hc_test_request (two, "GET", "/session", token, NULL);
  hc_assert_status (after_one, 401, NULL);
  hc_assert_status (after_two, 401, NULL);
}

typedef struct
{
  HcTestServer *server;
  const char   *token;
  const char   *path;
  const char   *etag;
  const char   *name;
  GMutex       *mutex;
  GCond        *cond;
  gboolean     *go;
  guint         status;
} Racer;

static gpointer
race (gpointer data)
{
  Racer *r = data;
  g_autofree char *json = g_strdup_printf ("{\"display_name\":\"%s\"}", r->name);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(HcTestResponse) answer = NULL;

  g_mutex_lock (r->mutex);
  while (!*r->go)
    g_cond_wait (r->cond, r->mutex);
  g_mutex_unlock (r->mutex);
  answer = hc_test_request_full (r->server, "PATCH", r->path, r->token, "application/json", body, r->etag);
  r->status = answer->status;
  return NULL;
}

/* The same user patched through both servers at once with the same
 * If-Match, several rounds: each round one 200 and one 412. */
static void
test_if_match_race (void)
{
  const char *token_one = hc_test_server_token (one, "admin");
  const char *token_two = hc_test_server_token (two, "admin");
  const char *user = hc_test_create_user (one, "racer", "analyst");
  g_autoptr(HcTestResponse) list = hc_test_request (one, "GET", "/users", token_one, NULL);
  JsonArray *items;
  g_autofree char *path = NULL;

  (void) user;
  hc_assert_status (list, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (list), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, "username"), "racer") == 0)
        path = g_strdup_printf ("/users/%" G_GINT64_FORMAT, json_object_get_int_member (item, "id"));
    }
  g_assert_nonnull (path);

  for (int round = 0; round < 5; round++)
    {
      g_autoptr(HcTestResponse) current = hc_test_request (one, "GET", path, token_one, NULL);
      g_autoptr(HcTestResponse) final = NULL;
      GMutex mutex;
      GCond cond;
      gboolean go = FALSE;
      g_autofree char *name_a = g_strdup_printf ("甲%d", round);
      g_autofree char *name_b = g_strdup_printf ("乙%d", round);
      Racer a = { one, token_one, path, NULL, name_a, &mutex, &cond, &go, 0 };
      Racer b = { two, token_two, path, NULL, name_b, &mutex, &cond, &go, 0 };
      GThread *ta, *tb;
      const char *won;

      hc_assert_status (current, 200, NULL);
      g_assert_nonnull (current->etag);
      a.etag = b.etag = current->etag;
      g_mutex_init (&mutex);
      g_cond_init (&cond);
      ta = g_thread_new ("racer-one", race, &a);
      tb = g_thread_new ("racer-two", race, &b);
      g_mutex_lock (&mutex);
      go = TRUE;
      g_cond_broadcast (&cond);
      g_mutex_unlock (&mutex);
      g_thread_join (ta);
      g_thread_join (tb);
      g_mutex_clear (&mutex);
      g_cond_clear (&cond);

      g_assert_true ((a.status == 200 && b.status == 412) || (a.status == 412 && b.status == 200));
      won = a.status == 200 ? name_a : name_b;
      final = hc_test_request (two, "GET", path, token_two, NULL);
      hc_assert_status (final, 200, NULL);
      g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (final), "display_name"), ==, won);
    }
}

/* Two servers share a database only over PostgreSQL: SQLite's is a file of
 * one machine. */
static void
skip_without_pg (void)
{
  g_test_skip ("two servers on one database need PostgreSQL: run it through tests/hc-pg-run.sh (suite api-pg)");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!hc_test_is_pg ())
    {
      g_test_add_func ("/pg-servers/needs-postgresql", skip_without_pg);
      return g_test_run ();
    }
  one = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  two = hc_test_server_new_for_db (hc_test_server_get_db_path (one), NULL);
  g_test_add_func ("/pg-servers/token-on-both", test_token_on_both);
  g_test_add_func ("/pg-servers/write-read", test_write_read);
  g_test_add_func ("/pg-servers/sign-out-everywhere", test_sign_out_everywhere);
  g_test_add_func ("/pg-servers/if-match-race", test_if_match_race);
  status = g_test_run ();
  hc_test_server_free (two);
  hc_test_server_free (one);
  return status;
}
