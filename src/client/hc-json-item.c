/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Read-only properties of items that keep their JSON object (see
 * hc-json-item-private.h). */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include "hc-json-item-private.h"

void
_hc_json_props_install (GObjectClass     *klass,
                        const HcJsonProp *props,
                        guint             n_props)
{
  for (guint i = 0; i < n_props; i++)
    {
      const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
      GParamSpec *pspec;

      if (props[i].type == G_TYPE_STRING)
        pspec = g_param_spec_string (props[i].name, NULL, NULL, NULL, flags);
      else if (props[i].type == G_TYPE_INT64)
        pspec = g_param_spec_int64 (props[i].name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
      else if (props[i].type == G_TYPE_BOOLEAN)
        pspec = g_param_spec_boolean (props[i].name, NULL, NULL, FALSE, flags);
      else
        g_assert_not_reached ();
      g_object_class_install_property (klass, i + 1, pspec);
    }
}

const char *
_hc_json_string_or_null (JsonObject *obj,
                         const char *member)
{
  JsonNode *node = obj ? json_object_get_member (obj, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

gint64
_hc_json_int (JsonObject *obj,
              const char *member)
{
  JsonNode *node = obj ? json_object_get_member (obj, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
         ? json_node_get_int (node) : 0;
}

gboolean
_hc_json_bool (JsonObject *obj,
               const char *member)
{
  JsonNode *node = obj ? json_object_get_member (obj, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  return json_node_get_value_type (node) == G_TYPE_INT64 && json_node_get_int (node) != 0;
}

gboolean
_hc_json_has_id (JsonObject *obj,
                 const char *member)
{
  return _hc_json_int (obj, member) > 0;
}

void
_hc_json_props_get (JsonObject       *obj,
                    const HcJsonProp *props,
                    guint             n_props,
                    guint             prop_id,
                    GValue           *value)
{
  const HcJsonProp *prop;

  g_assert (prop_id >= 1 && prop_id <= n_props);
  prop = &props[prop_id - 1];
  if (prop->type == G_TYPE_STRING)
    g_value_set_string (value, _hc_json_string_or_null (obj, prop->member));
  else if (prop->type == G_TYPE_INT64)
    g_value_set_int64 (value, _hc_json_int (obj, prop->member));
  else
    g_value_set_boolean (value, _hc_json_bool (obj, prop->member));
}

/* The server's UTC time as the user's local minute. */
char *
_hc_json_local_minute (const char *at)
{
  g_autoptr(GDateTime) utc = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at ? at : "");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}
