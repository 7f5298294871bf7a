/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The OpenAPI document describes every route the router knows (as printed
 * by `hncredit-server --list-routes`), and nothing it does not. */
#include "config.h"

#include "hc-test-server.h"

static void
test_openapi_describes_every_route (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/openapi.json", NULL, NULL);
  g_autofree char *server_path = g_build_filename (HC_BUILD_ROOT, "src", "server", "hncredit-server", NULL);
  const char *argv[] = { server_path, "--list-routes", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *paths;
  g_autoptr(GHashTable) routed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) names = NULL;
  int status;
  guint n_routes = 0;

  hc_assert_status (r, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (r), "openapi"), ==, "3.0.3");
  paths = json_object_get_object_member (hc_test_response_object (r), "paths");

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) parts = NULL;
      const char *path;
      g_autofree char *method = NULL;
      JsonObject *item;

      if (*lines[i] == '\0')
        continue;
      parts = g_strsplit (lines[i], " ", 2);
      g_assert_true (g_str_has_prefix (parts[1], "/api/v1/"));
      path = parts[1] + strlen ("/api/v1");
      method = g_ascii_strdown (parts[0], -1);
      if (!json_object_has_member (paths, path))
        g_error ("openapi.json lacks the path %s", path);
      item = json_object_get_object_member (paths, path);
      if (!json_object_has_member (item, method))
        g_error ("openapi.json lacks %s %s", parts[0], path);
      g_hash_table_add (routed, g_strconcat (method, " ", path, NULL));
      n_routes++;
    }
  g_assert_cmpuint (n_routes, >=, 10);

  /* And nothing described that the server does not answer. */
  names = json_object_get_members (paths);
  for (GList *l = names; l; l = l->next)
    {
      JsonObject *item = json_object_get_object_member (paths, l->data);
      g_autoptr(GList) methods = json_object_get_members (item);

      for (GList *m = methods; m; m = m->next)
        {
          g_autofree char *key = NULL;

          if (g_str_equal (m->data, "parameters") || g_str_equal (m->data, "summary"))
            continue;
          key = g_strconcat (m->data, " ", l->data, NULL);
          if (!g_hash_table_contains (routed, key))
            g_error ("openapi.json describes %s, which the server does not route", key);
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/openapi/describes-every-route", test_openapi_describes_every_route);
  return g_test_run ();
}
