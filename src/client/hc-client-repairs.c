/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's typed calls for 信用修复: the queue of repair cases with its
 * filters, one case with its ETag, and a supervisor's decision. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include "hc-client-private.h"
#include "hc-repair.h"

/* A case of a page (without an ETag: that comes with one case). */
static gpointer
page_repair_from_json (JsonObject *obj)
{
  return hc_repair_new_from_json (obj, NULL);
}

/**
 * hc_client_list_repairs_async:
 * @state: (nullable): "pending", "approved" or "rejected"
 * @overdue_only: only cases past their deadline (pending, or decided late)
 * @cursor: (nullable): where the page starts
 * @limit: the most rows to answer, 0 for the server's default
 *
 * One page of the repair cases, newest first, with the total that match.
 */
void
hc_client_list_repairs_async (HcClient            *self,
                              const char          *state,
                              gboolean             overdue_only,
                              const char          *cursor,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/repairs");

  g_return_if_fail (HC_IS_CLIENT (self));

  _hc_client_query_add (path, "state", state);
  if (overdue_only)
    _hc_client_query_add (path, "overdue", "1");
  _hc_client_query_add_page (path, cursor, limit, TRUE);
  _hc_client_call_page_async (self, hc_client_list_repairs_async, path->str, HC_TYPE_REPAIR,
                              page_repair_from_json, FALSE, cancellable, callback, user_data);
}

/**
 * hc_client_list_repairs_finish:
 * Returns: (transfer full): an #HcPage of #HcRepair, with its total
 */
HcPage *
hc_client_list_repairs_finish (HcClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_repairs_async, error);
}

void
hc_client_get_repair_async (HcClient            *self,
                            gint64               id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id > 0);

  path = g_strdup_printf ("/repairs/%" G_GINT64_FORMAT, id);
  _hc_client_call_etag_async (self, hc_client_get_repair_async, "GET", path, NULL, NULL,
                              (HcAnswerWithEtag) hc_repair_new_from_json, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * hc_client_get_repair_finish:
 * Returns: (transfer full): the case with its ETag
 */
HcRepair *
hc_client_get_repair_finish (HcClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_get_repair_async, error);
}

/**
 * hc_client_decide_repair_async:
 * @etag: the ETag of the case as the user saw it
 * @approve: approve (the entry moves to 已修复, the penalty leaves
 *   publicity) or reject
 * @comment: (nullable): kept with the decision
 *
 * Decides a pending case. Fails with %HC_CLIENT_ERROR_FORBIDDEN for a user
 * outside the department that designated the entry or decided the penalty
 * (谁认定、谁修复; the server's message names it),
 * %HC_CLIENT_ERROR_CONFLICT for a decided case and
 * %HC_CLIENT_ERROR_PRECONDITION_FAILED when someone changed it since @etag.
 */
void
hc_client_decide_repair_async (HcClient            *self,
                               gint64               id,
                               const char          *etag,
                               gboolean             approve,
                               const char          *comment,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (etag != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "decision");
  json_builder_add_string_value (builder, approve ? "approve" : "reject");
  if (comment != NULL && *comment != '\0')
    {
      json_builder_set_member_name (builder, "comment");
      json_builder_add_string_value (builder, comment);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = g_strdup_printf ("/repairs/%" G_GINT64_FORMAT "/decision", id);
  _hc_client_call_etag_async (self, hc_client_decide_repair_async, "POST", path, body, etag,
                              (HcAnswerWithEtag) hc_repair_new_from_json, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * hc_client_decide_repair_finish:
 * Returns: (transfer full): the decided case with its ETag
 */
HcRepair *
hc_client_decide_repair_finish (HcClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_decide_repair_async, error);
}
