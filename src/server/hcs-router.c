/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Matching request paths against route patterns with {parameters}. */
#define G_LOG_DOMAIN "hcs-router"

#include "config.h"

#include <string.h>

#include "hcs-router.h"

#define API_PREFIX "/api/v1"

typedef struct
{
  const HcsRoute  *route;
  char           **segments;   /* the pattern split on '/' */
} Entry;

struct _HcsRouter
{
  GArray *entries;
};

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_strfreev (e->segments);
}

HcsRouter *
hcs_router_new (void)
{
  HcsRouter *self = g_new0 (HcsRouter, 1);

  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  return self;
}

void
hcs_router_free (HcsRouter *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->entries);
  g_free (self);
}

/* @routes must outlive the router (they are static tables). */
void
hcs_router_add (HcsRouter      *self,
                const HcsRoute *routes,
                guint           n_routes)
{
  for (guint i = 0; i < n_routes; i++)
    {
      Entry e = { &routes[i], g_strsplit (routes[i].pattern + 1, "/", -1) };

      g_assert (routes[i].pattern[0] == '/');
      g_array_append_val (self->entries, e);
    }
}

static gboolean
match_segments (char       **pattern,
                char       **path,
                GHashTable  *params)
{
  guint i;

  for (i = 0; pattern[i] != NULL; i++)
    {
      const char *p = pattern[i];

      if (path[i] == NULL || path[i][0] == '\0')
        return FALSE;
      if (p[0] == '{')
        {
          g_autofree char *name = g_strndup (p + 1, strlen (p) - 2);
          /* The path is raw (SoupServer:raw-paths): this is the one
           * decoding. A segment cannot hold "/" or NUL, nor other than UTF-8. */
          char *value = g_uri_unescape_string (path[i], "/");

          if (value == NULL)
            return FALSE;
          if (!g_utf8_validate (value, -1, NULL))
            {
              g_free (value);
              return FALSE;
            }
          if (params != NULL)
            g_hash_table_replace (params, g_steal_pointer (&name), value);
          else
            g_free (value);
        }
      else if (strcmp (p, path[i]) != 0)
        return FALSE;
    }
  return path[i] == NULL;
}

/**
 * hcs_router_match:
 * @path: the full request path ("/api/v1/subjects/…")
 * @params: (out) (transfer full): the path parameters of the match
 * @path_known: (out): whether some route has this path (for 405 vs 404)
 *
 * Returns: (nullable): the route, or %NULL
 */
const HcsRoute *
hcs_router_match (HcsRouter   *self,
                  const char  *method,
                  const char  *path,
                  GHashTable **params,
                  gboolean    *path_known)
{
  g_auto(GStrv) segments = NULL;
  const char *rest;

  *params = NULL;
  *path_known = FALSE;
  if (!g_str_has_prefix (path, API_PREFIX "/"))
    return NULL;
  rest = path + strlen (API_PREFIX) + 1;
  segments = g_strsplit (rest, "/", -1);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = &g_array_index (self->entries, Entry, i);
      g_autoptr(GHashTable) p = NULL;

      if (!match_segments (e->segments, segments, NULL))
        continue;
      *path_known = TRUE;
      if (strcmp (e->route->method, method) != 0)
        continue;
      p = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      match_segments (e->segments, segments, p);
      *params = g_steal_pointer (&p);
      return e->route;
    }
  return NULL;
}

guint
hcs_router_get_n (HcsRouter *self)
{
  return self->entries->len;
}

const HcsRoute *
hcs_router_get (HcsRouter *self,
                guint      i)
{
  g_return_val_if_fail (i < self->entries->len, NULL);
  return g_array_index (self->entries, Entry, i).route;
}
