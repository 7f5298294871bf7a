/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's typed call for the audit log: pages of entries with their
 * before/after turned into field-by-field changes. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-audit-change.h"
#include "hc-client-private.h"

void
hc_audit_page_free (HcAuditPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}

static char *
value_text (JsonObject *obj,
            const char *name)
{
  JsonNode *node;

  if (obj == NULL || !json_object_has_member (obj, name))
    return NULL;
  node = json_object_get_member (obj, name);
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

static void
add_names (GPtrArray  *names,
           JsonObject *obj)
{
  g_autoptr(GList) members = NULL;

  if (obj == NULL)
    return;
  members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_ptr_array_find_with_equal_func (names, l->data, g_str_equal, NULL))
      g_ptr_array_add (names, l->data);
}

static JsonObject *
object_member (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static HcAuditEntry *
entry_from_json (JsonObject *obj)
{
  JsonObject *before = object_member (obj, "before");
  JsonObject *after = object_member (obj, "after");
  g_autoptr(GListStore) changes = g_list_store_new (HC_TYPE_AUDIT_CHANGE);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *entity_id = value_text (obj, "entity_id");

  add_names (names, before);
  add_names (names, after);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *b = value_text (before, name);
      g_autofree char *a = value_text (after, name);
      g_autoptr(HcAuditChange) change = hc_audit_change_new (name, b, a);

      g_list_store_append (changes, change);
    }
#define STR(m) json_object_get_string_member_with_default (obj, m, NULL)
  return hc_audit_entry_new (json_object_get_int_member_with_default (obj, "id", 0),
                             STR ("at"), STR ("actor"), STR ("role"), STR ("action"), STR ("entity"),
                             entity_id, G_LIST_MODEL (changes));
#undef STR
}

static void
append_param (GString    *path,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_c (path, strchr (path->str, '?') ? '&' : '?');
  g_string_append_printf (path, "%s=%s", name, escaped);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(HcAuditPage) page = NULL;
  GError *error = NULL;
  JsonObject *obj;
  JsonArray *items;

  node = hc_client_send_finish (HC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  obj = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (obj == NULL || (items = json_object_get_array_member (obj, "items")) == NULL)
    {
      g_task_return_new_error (task, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PROTOCOL, "%s",
                               _("The server gave an answer this version does not understand."));
      return;
    }
  page = g_new0 (HcAuditPage, 1);
  page->items = g_ptr_array_new_with_free_func (g_object_unref);
  page->total = json_object_get_int_member_with_default (obj, "total", -1);
  page->next_cursor = g_strdup (json_object_get_string_member_with_default (obj, "next_cursor", NULL));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *element = json_array_get_element (items, i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        g_ptr_array_add (page->items, entry_from_json (json_node_get_object (element)));
    }
  g_task_return_pointer (task, g_steal_pointer (&page), (GDestroyNotify) hc_audit_page_free);
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
  g_autoptr(GString) path = g_string_new ("/audit");
  g_autofree char *limit_text = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_list_audit_async);
  if (query != NULL)
    {
      append_param (path, "actor", query->actor);
      append_param (path, "entity", query->entity);
      append_param (path, "entity_id", query->entity_id);
      append_param (path, "from", query->from);
      append_param (path, "to", query->to);
    }
  if (limit > 0)
    {
      limit_text = g_strdup_printf ("%u", limit);
      append_param (path, "limit", limit_text);
    }
  append_param (path, "cursor", cursor);
  if (want_total)
    append_param (path, "total", "1");
  hc_client_send_async (self, "GET", path->str, NULL, cancellable, list_cb, g_steal_pointer (&task));
}

HcAuditPage *
hc_client_list_audit_finish (HcClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_list_audit_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
