/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's typed call for the audit log: pages of entries with their
 * before/after turned into field-by-field changes. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-audit-entry.h"
#include "hc-client-private.h"

/**
 * hc_client_audit_path:
 * @query: (nullable): the filters
 *
 * Returns: (transfer full): the audit listing's path with @query's filters,
 *   what hc_client_export_async() exports
 */
char *
hc_client_audit_path (const HcAuditQuery *query)
{
  GString *path = g_string_new ("/audit");

  if (query != NULL)
    {
      _hc_client_query_add (path, "actor", query->actor);
      _hc_client_query_add (path, "entity", query->entity);
      _hc_client_query_add (path, "entity_id", query->entity_id);
      _hc_client_query_add (path, "from", query->from);
      _hc_client_query_add (path, "to", query->to);
    }
  return g_string_free (path, FALSE);
}

void
hc_client_list_audit_async (HcClient            *self,
                            const HcAuditQuery  *query,
                            const char          *cursor,
                            guint                limit,
                            gboolean             want_total,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *base = NULL;
  g_autoptr(GString) path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  base = hc_client_audit_path (query);
  path = g_string_new (base);
  _hc_client_query_add_page (path, cursor, limit, want_total);
  _hc_client_call_page_async (self, hc_client_list_audit_async, path->str, HC_TYPE_AUDIT_ENTRY,
                              (HcItemFromJson) hc_audit_entry_new_from_json, FALSE,
                              cancellable, callback, user_data);
}

HcPage *
hc_client_list_audit_finish (HcClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_audit_async, error);
}
