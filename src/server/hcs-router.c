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
  GArray     *entries;
  /* The entries a path can match, by the path's first segment: those whose
   * pattern starts with that segment and those that start with a
   * parameter, in the order they were added (the first match wins, as in
   * a scan of them all). */
  GHashTable *by_first;   /* first segment → GArray of entry indices */
  GArray     *wild;       /* indices of the patterns starting with a parameter */
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
  self->by_first = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  self->wild = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

void
hcs_router_free (HcsRouter *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->entries);
  g_hash_table_unref (self->by_first);
  g_array_unref (self->wild);
  g_free (self);
}

static gboolean
is_parameter (const char *segment)
{
  return segment[0] == '{';
}

/* Builds by_first and wild from the entries (the keys are the entries'
 * own segments). */
static void
reindex (HcsRouter *self)
{
  g_hash_table_remove_all (self->by_first);
  g_array_set_size (self->wild, 0);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = &g_array_index (self->entries, Entry, i);

      if (is_parameter (e->segments[0]))
        {
          GHashTableIter iter;
          GArray *list;

          /* a wild pattern is a candidate of every first segment */
          g_array_append_val (self->wild, i);
          g_hash_table_iter_init (&iter, self->by_first);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &list))
            g_array_append_val (list, i);
        }
      else
        {
          GArray *list = g_hash_table_lookup (self->by_first, e->segments[0]);

          if (list == NULL)
            {
              /* those before it that start with a parameter come first */
              list = g_array_copy (self->wild);
              g_hash_table_insert (self->by_first, e->segments[0], list);
            }
          g_array_append_val (list, i);
        }
    }
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
  reindex (self);
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
      if (is_parameter (p))
        {
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
            g_hash_table_replace (params, g_strndup (p + 1, strlen (p) - 2), value);
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
  GArray *candidates;

  *params = NULL;
  *path_known = FALSE;
  if (!g_str_has_prefix (path, API_PREFIX "/"))
    return NULL;
  rest = path + strlen (API_PREFIX) + 1;
  segments = g_strsplit (rest, "/", -1);
  /* "/api/v1/" splits into no segment at all: no route matches it */
  candidates = segments[0] != NULL ? g_hash_table_lookup (self->by_first, segments[0]) : NULL;
  if (candidates == NULL)
    candidates = self->wild;

  for (guint c = 0; c < candidates->len; c++)
    {
      Entry *e = &g_array_index (self->entries, Entry, g_array_index (candidates, guint, c));
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
