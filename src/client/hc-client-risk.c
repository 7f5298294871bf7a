/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's risk monitoring calls: the heat map matrix and the risk events
 * behind it (GET /risk/heatmap, GET /risk/events). */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"
#include "hc-risk-event.h"

/* GET /risk/heatmap */

void
hc_client_get_heatmap_async (HcClient            *self,
                             const char          *by,
                             const char          *from,
                             const char          *to,
                             const char          *category,
                             const char          *normalize,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/risk/heatmap");

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (by != NULL);

  _hc_client_query_add (path, "by", by);
  _hc_client_query_add (path, "from", from);
  _hc_client_query_add (path, "to", to);
  _hc_client_query_add (path, "category", category);
  _hc_client_query_add (path, "normalize", normalize);
  _hc_client_call_async (self, hc_client_get_heatmap_async, "GET", path->str, NULL,
                         (HcItemFromJson) hc_heatmap_new_from_json, (GDestroyNotify) hc_heatmap_unref,
                         cancellable, callback, user_data);
}

HcHeatmap *
hc_client_get_heatmap_finish (HcClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_get_heatmap_async, error);
}

/* GET /risk/events */

void
hc_client_list_risk_events_async (HcClient            *self,
                                  const char          *region,
                                  const char          *category,
                                  const char          *from,
                                  const char          *to,
                                  guint                limit,
                                  const char          *cursor,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/risk/events");

  g_return_if_fail (HC_IS_CLIENT (self));

  _hc_client_query_add (path, "region", region);
  _hc_client_query_add (path, "category", category);
  _hc_client_query_add (path, "from", from);
  _hc_client_query_add (path, "to", to);
  _hc_client_query_add_page (path, cursor, limit, FALSE);
  _hc_client_call_page_async (self, hc_client_list_risk_events_async, path->str, HC_TYPE_RISK_EVENT,
                              (HcItemFromJson) hc_risk_event_new_from_json, FALSE,
                              cancellable, callback, user_data);
}

/**
 * hc_client_list_risk_events_finish:
 * Returns: (transfer full): an #HcPage of #HcRiskEvent (total -1)
 */
HcPage *
hc_client_list_risk_events_finish (HcClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_risk_events_async, error);
}
