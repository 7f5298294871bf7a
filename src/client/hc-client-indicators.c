/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's typed calls for the indicators of 表1: list, detail, report, review. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"
#include "hc-indicator-summary.h"

static JsonObject *
answer_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char *
indicator_path (const char *key,
                const char *rest)
{
  g_autofree char *escaped = g_uri_escape_string (key, NULL, FALSE);

  return g_strconcat ("/indicators/", escaped, rest, NULL);
}

/* GET /indicators?year= */

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  _hc_client_return_items (source, result, task, HC_TYPE_INDICATOR_SUMMARY,
                           (HcItemFromJson) hc_indicator_summary_new_from_json);
}

/**
 * hc_client_list_indicators_async:
 * @year: 2021–2025, or 0 for the server's current year of the plan
 *
 * Lists the 22 indicators judged for @year; finish gives a GListModel of
 * HcIndicatorSummary in the plan's order.
 */
void
hc_client_list_indicators_async (HcClient            *self,
                                 int                  year,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) path = g_string_new ("/indicators");

  g_return_if_fail (HC_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_list_indicators_async);
  if (year > 0)
    _hc_client_query_add_int (path, "year", year);
  hc_client_send_async (self, "GET", path->str, NULL, cancellable, list_cb, g_steal_pointer (&task));
}

GListModel *
hc_client_list_indicators_finish (HcClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_list_indicators_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GET /indicators/{key} */

static void
detail_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  HcIndicatorDetail *detail = NULL;

  node = hc_client_send_finish (HC_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error ? g_steal_pointer (&error) : hc_client_protocol_error ());
      return;
    }
  if (answer_object (node) != NULL)
    detail = hc_indicator_detail_new_from_json (answer_object (node));
  if (detail == NULL)
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  g_task_return_pointer (task, detail, g_object_unref);
}

void
hc_client_get_indicator_async (HcClient            *self,
                               const char          *key,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (key != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_get_indicator_async);
  path = indicator_path (key, NULL);
  hc_client_send_async (self, "GET", path, NULL, cancellable, detail_cb, g_steal_pointer (&task));
}

HcIndicatorDetail *
hc_client_get_indicator_finish (HcClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_get_indicator_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* PUT /indicators/{key}/values/{year} and POST …/review: both complete with
 * the written value's new ETag. */

static void
write_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *etag = NULL;

  node = hc_client_send_etag_finish (HC_CLIENT (source), result, &etag, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error ? g_steal_pointer (&error) : hc_client_protocol_error ());
      return;
    }
  if (etag == NULL)
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&etag), g_free);
}

/**
 * hc_client_submit_indicator_value_async:
 * @etag: (nullable): the ETag of the value replaced; needed to replace an
 *   approved value
 *
 * Reports @value for @year of a reported indicator with its @evidence; the
 * value then awaits review. Finish gives the value's new ETag.
 */
void
hc_client_submit_indicator_value_async (HcClient            *self,
                                        const char          *key,
                                        int                  year,
                                        double               value,
                                        const char          *evidence,
                                        const char          *etag,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (evidence != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_submit_indicator_value_async);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_double_value (builder, value);
  json_builder_set_member_name (builder, "evidence");
  json_builder_add_string_value (builder, evidence);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  rest = g_strdup_printf ("/values/%d", year);
  path = indicator_path (key, rest);
  hc_client_send_etag_async (self, "PUT", path, body, etag, cancellable,
                             write_cb, g_steal_pointer (&task));
}

char *
hc_client_submit_indicator_value_finish (HcClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_submit_indicator_value_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * hc_client_review_indicator_value_async:
 * @etag: the ETag of the submitted value
 * @comment: (nullable): required to return the value
 *
 * Approves or returns a submitted value. Finish gives its new ETag.
 */
void
hc_client_review_indicator_value_async (HcClient            *self,
                                        const char          *key,
                                        int                  year,
                                        const char          *etag,
                                        gboolean             approve,
                                        const char          *comment,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (etag != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_review_indicator_value_async);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "decision");
  json_builder_add_string_value (builder, approve ? "approve" : "return");
  if (comment != NULL)
    {
      json_builder_set_member_name (builder, "comment");
      json_builder_add_string_value (builder, comment);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  rest = g_strdup_printf ("/values/%d/review", year);
  path = indicator_path (key, rest);
  hc_client_send_etag_async (self, "POST", path, body, etag, cancellable,
                             write_cb, g_steal_pointer (&task));
}

char *
hc_client_review_indicator_value_finish (HcClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_review_indicator_value_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
