/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every typed call of HcClient is made of: the query string, the
 * answer's object or page, and the one helper that sends a call and
 * completes it (_hc_client_call_async and friends). */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <string.h>

#include "hc-client-private.h"

/**
 * hc_client_take_object:
 * @node_out: (out) (transfer full): the answer's node, for the caller to free
 *
 * For typed calls, each running a GTask of its own over the request layer:
 * finishes hc_client_send_async() and returns the answer's object, or
 * returns the error (or a protocol error for an answer that is not an
 * object) on @task and %NULL.
 *
 * Returns: (transfer none) (nullable): the object inside *@node_out
 */
JsonObject *
hc_client_take_object (GObject       *source,
                       GAsyncResult  *result,
                       GTask         *task,
                       JsonNode     **node_out)
{
  GError *error = NULL;
  JsonNode *node = hc_client_send_finish (HC_CLIENT (source), result, &error);

  *node_out = node;
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return NULL;
    }
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return NULL;
    }
  return json_node_get_object (node);
}

/* Query strings */

void
_hc_client_query_add (GString    *path,
                      const char *name,
                      const char *value)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (name != NULL);

  if (value == NULL || *value == '\0')
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_c (path, strchr (path->str, '?') != NULL ? '&' : '?');
  g_string_append_printf (path, "%s=%s", name, escaped);
}

void
_hc_client_query_add_int (GString    *path,
                          const char *name,
                          gint64      value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  _hc_client_query_add (path, name, text);
}

void
_hc_client_query_add_page (GString    *path,
                           const char *cursor,
                           guint       limit,
                           gboolean    want_total)
{
  if (limit > 0)
    _hc_client_query_add_int (path, "limit", limit);
  _hc_client_query_add (path, "cursor", cursor);
  if (want_total)
    _hc_client_query_add (path, "total", "1");
}

/* Collections */

static HcPage *
take_page (GObject        *source,
           GAsyncResult   *result,
           GTask          *task,
           GType           item_type,
           HcItemFromJson  from_json)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *obj = hc_client_take_object (source, result, task, &node);
  HcPage *page;

  if (obj == NULL)
    return NULL;
  if ((page = _hc_page_new_from_json (obj, item_type, from_json)) == NULL)
    g_task_return_error (task, hc_client_protocol_error ());
  return page;
}

void
_hc_client_return_page (GObject        *source,
                        GAsyncResult   *result,
                        GTask          *task,
                        GType           item_type,
                        HcItemFromJson  from_json)
{
  HcPage *page = take_page (source, result, task, item_type, from_json);

  if (page != NULL)
    g_task_return_pointer (task, page, g_object_unref);
}

void
_hc_client_return_items (GObject        *source,
                         GAsyncResult   *result,
                         GTask          *task,
                         GType           item_type,
                         HcItemFromJson  from_json)
{
  g_autoptr(HcPage) page = take_page (source, result, task, item_type, from_json);

  if (page != NULL)
    g_task_return_pointer (task, g_object_ref (hc_page_get_items (page)), g_object_unref);
}

/* Typed calls */

typedef struct
{
  HcItemFromJson    parse;
  HcAnswerWithEtag  parse_etag;
  GDestroyNotify    result_free;
  GType           item_type;     /* a collection's, or G_TYPE_INVALID */
  gboolean        items_only;
} CallData;

static void
call_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *obj;
  gpointer value;

  if (data->item_type != G_TYPE_INVALID)
    {
      if (data->items_only)
        _hc_client_return_items (source, result, task, data->item_type, data->parse);
      else
        _hc_client_return_page (source, result, task, data->item_type, data->parse);
      return;
    }
  if ((obj = hc_client_take_object (source, result, task, &node)) == NULL)
    return;
  if ((value = data->parse (obj)) == NULL)
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  g_task_return_pointer (task, value, data->result_free);
}

static void
call_etag_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *etag = NULL;
  GError *error = NULL;
  gpointer value;

  node = hc_client_send_etag_finish (HC_CLIENT (source), result, &etag, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || etag == NULL ||
      (value = data->parse_etag (json_node_get_object (node), etag)) == NULL)
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  g_task_return_pointer (task, value, data->result_free);
}

static GTask *
call_task_new (HcClient            *self,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               CallData            *data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, g_free);
  return task;
}

void
_hc_client_call_async (HcClient            *self,
                       gpointer             source_tag,
                       const char          *method,
                       const char          *path,
                       JsonNode            *body,
                       HcItemFromJson       parse,
                       GDestroyNotify       result_free,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  CallData *data;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (source_tag != NULL && method != NULL && path != NULL && parse != NULL);

  data = g_new0 (CallData, 1);
  data->parse = parse;
  data->result_free = result_free;
  data->item_type = G_TYPE_INVALID;
  hc_client_send_async (self, method, path, body, cancellable, call_cb,
                        call_task_new (self, source_tag, cancellable, callback, user_data, data));
}

void
_hc_client_call_page_async (HcClient            *self,
                            gpointer             source_tag,
                            const char          *path,
                            GType                item_type,
                            HcItemFromJson       from_json,
                            gboolean             items_only,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  CallData *data;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (source_tag != NULL && path != NULL && from_json != NULL);
  g_return_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT));

  data = g_new0 (CallData, 1);
  data->parse = from_json;
  data->item_type = item_type;
  data->items_only = items_only;
  hc_client_send_async (self, "GET", path, NULL, cancellable, call_cb,
                        call_task_new (self, source_tag, cancellable, callback, user_data, data));
}

void
_hc_client_call_etag_async (HcClient            *self,
                            gpointer             source_tag,
                            const char          *method,
                            const char          *path,
                            JsonNode            *body,
                            const char          *if_match,
                            HcAnswerWithEtag     parse,
                            GDestroyNotify       result_free,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  CallData *data;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (source_tag != NULL && method != NULL && path != NULL && parse != NULL);

  data = g_new0 (CallData, 1);
  data->parse_etag = parse;
  data->result_free = result_free;
  data->item_type = G_TYPE_INVALID;
  hc_client_send_etag_async (self, method, path, body, if_match, cancellable, call_etag_cb,
                             call_task_new (self, source_tag, cancellable, callback, user_data, data));
}

gpointer
_hc_client_call_finish (HcClient      *self,
                        GAsyncResult  *result,
                        gpointer       source_tag,
                        GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
_hc_client_boolean_finish (HcClient      *self,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = hc_client_send_etag_finish (HC_CLIENT (source), result, NULL, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
_hc_client_delete_versioned_async (HcClient            *self,
                                   gpointer             source_tag,
                                   const char          *path,
                                   const char          *if_match,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (source_tag != NULL && path != NULL && if_match != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  hc_client_send_etag_async (self, "DELETE", path, NULL, if_match, cancellable,
                             deleted_cb, g_steal_pointer (&task));
}

static void
download_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
download_fetched_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  GFile *dest = g_task_get_task_data (task);

  bytes = hc_client_fetch_bytes_finish (HC_CLIENT (source), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_file_replace_contents_bytes_async (dest, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       g_task_get_cancellable (task), download_saved_cb, g_object_ref (task));
}

void
_hc_client_download_to_file_async (HcClient            *self,
                                   gpointer             source_tag,
                                   const char          *path,
                                   GFile               *dest,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (source_tag != NULL && path != NULL);
  g_return_if_fail (G_IS_FILE (dest));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_object_ref (dest), g_object_unref);
  hc_client_fetch_bytes_async (self, path, cancellable, download_fetched_cb, g_steal_pointer (&task));
}

const char *
_hc_json_string (JsonObject *obj,
                 const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : "";
}
