/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's typed calls: each turns one endpoint's JSON into typed results. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"

/* POST /session */

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *obj = hc_client_take_object (source, result, task, &node);
  const char *token, *username, *role;

  if (obj == NULL)
    return;
  token = json_object_get_string_member_with_default (obj, "token", NULL);
  username = json_object_get_string_member_with_default (obj, "username", NULL);
  role = json_object_get_string_member_with_default (obj, "role", NULL);
  if (token == NULL || username == NULL || role == NULL)
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  hc_client_set_session (HC_CLIENT (source), token, username, role);
  g_task_return_boolean (task, TRUE);
}

void
hc_client_sign_in_async (HcClient            *self,
                         const char          *username,
                         const char          *password,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (username != NULL && password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_sign_in_async);

  /* A new sign-in starts without the old token. */
  hc_client_sign_out (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  hc_client_send_async (self, "POST", "/session", body, cancellable,
                        sign_in_cb, g_steal_pointer (&task));
}

gboolean
hc_client_sign_in_finish (HcClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_sign_in_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GET /session: is the token still good? */

static void
check_session_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;

  if (hc_client_take_object (source, result, task, &node) != NULL)
    g_task_return_boolean (task, TRUE);
}

void
hc_client_check_session_async (HcClient            *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_check_session_async);
  hc_client_send_async (self, "GET", "/session", NULL, cancellable,
                        check_session_cb, g_steal_pointer (&task));
}

gboolean
hc_client_check_session_finish (HcClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_check_session_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GET /health */

void
hc_client_get_health_async (HcClient            *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  _hc_client_call_async (self, hc_client_get_health_async, "GET", "/health", NULL,
                         (HcItemFromJson) hc_server_health_new_from_json,
                         (GDestroyNotify) hc_server_health_free, cancellable, callback, user_data);
}

HcServerHealth *
hc_client_get_health_finish (HcClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_get_health_async, error);
}

/* GET /regions */

/* The 市县 of the answer, as a GPtrArray of HcRegionInfo. */
static gpointer
regions_from_json (JsonObject *obj)
{
  g_autoptr(GPtrArray) regions = NULL;
  JsonNode *items = json_object_get_member (obj, "items");
  JsonArray *array;

  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    return NULL;
  array = json_node_get_array (items);
  regions = g_ptr_array_new_with_free_func ((GDestroyNotify) hc_region_info_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      if (item != NULL)
        g_ptr_array_add (regions, hc_region_info_new_from_json (item));
    }
  return g_steal_pointer (&regions);
}

void
hc_client_list_regions_async (HcClient            *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  _hc_client_call_async (self, hc_client_list_regions_async, "GET", "/regions", NULL,
                         regions_from_json, (GDestroyNotify) g_ptr_array_unref,
                         cancellable, callback, user_data);
}

GPtrArray *
hc_client_list_regions_finish (HcClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_regions_async, error);
}

/* Counts: a collection asked for its total with limit=1 */

static void
count_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *obj = hc_client_take_object (source, result, task, &node);

  if (obj == NULL)
    return;
  if (!json_object_has_member (obj, "total"))
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  g_task_return_int (task, json_object_get_int_member (obj, "total"));
}

static void
count_async (HcClient            *self,
             const char          *path,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  hc_client_send_async (self, "GET", path, NULL, cancellable,
                        count_cb, g_steal_pointer (&task));
}

static gint64
count_finish (HcClient      *self,
              GAsyncResult  *result,
              gpointer       source_tag,
              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, -1);

  return g_task_propagate_int (G_TASK (result), error);
}

void
hc_client_count_list_entries_async (HcClient            *self,
                                    const char          *list_type,
                                    const char          *state,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *type_part = NULL;
  g_autoptr(GString) path = g_string_new (NULL);

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (list_type != NULL);

  type_part = g_uri_escape_string (list_type, NULL, FALSE);
  g_string_append_printf (path, "/lists/%s/entries", type_part);
  _hc_client_query_add_page (path, NULL, 1, TRUE);
  _hc_client_query_add (path, "state", state);
  count_async (self, path->str, hc_client_count_list_entries_async, cancellable, callback, user_data);
}

gint64
hc_client_count_list_entries_finish (HcClient      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), -1);
  return count_finish (self, result, hc_client_count_list_entries_async, error);
}

/* The collection behind each HcCount, asked for one row and its total. */
static const char * const count_paths[] = {
  [HC_COUNT_DEPARTMENTS]     = "/departments?limit=1&total=1",
  [HC_COUNT_SUBJECTS]        = "/subjects?limit=1&total=1",
  [HC_COUNT_RISK_EVENTS]     = "/risk/events?limit=1&total=1",
  [HC_COUNT_REPAIRS_PENDING] = "/repairs?state=pending&limit=1&total=1",
  [HC_COUNT_REPAIRS_OVERDUE] = "/repairs?overdue=1&limit=1&total=1",
  [HC_COUNT_RISK_ALERTS_OPEN] = "/risk/alerts?state=open&limit=1&total=1",
};

void
hc_client_count_async (HcClient            *self,
                       HcCount              what,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail ((guint) what < G_N_ELEMENTS (count_paths));

  count_async (self, count_paths[what], hc_client_count_async, cancellable, callback, user_data);
}

gint64
hc_client_count_finish (HcClient      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), -1);
  return count_finish (self, result, hc_client_count_async, error);
}
