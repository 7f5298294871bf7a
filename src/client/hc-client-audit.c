/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's typed call for the audit log: pages of entries with their
 * before/after turned into field-by-field changes. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-audit-entry.h"
#include "hc-client-private.h"

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  _hc_client_return_page (source, result, task, HC_TYPE_AUDIT_ENTRY,
                          (HcItemFromJson) hc_audit_entry_new_from_json);
}

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
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) path = NULL;
  g_autofree char *base = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_list_audit_async);
  base = hc_client_audit_path (query);
  path = g_string_new (base);
  _hc_client_query_add_page (path, cursor, limit, want_total);
  hc_client_send_async (self, "GET", path->str, NULL, cancellable, list_cb, g_steal_pointer (&task));
}

HcPage *
hc_client_list_audit_finish (HcClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_list_audit_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
