/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's typed calls for 名单: list types, pages of entries, one entry
 * with its history and ETag, and the workflow's transitions. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"
#include "hc-list-entry.h"
#include "hc-list-type.h"

/* GET /list-types */

void
hc_client_list_types_async (HcClient            *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  _hc_client_call_page_async (self, hc_client_list_types_async, "/list-types", HC_TYPE_LIST_TYPE,
                              (HcItemFromJson) hc_list_type_new_from_json, TRUE,
                              cancellable, callback, user_data);
}

/**
 * hc_client_list_types_finish:
 * Returns: (transfer full): a list model of #HcListType
 */
GListModel *
hc_client_list_types_finish (HcClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_types_async, error);
}

/* GET /lists/{type}/entries */

/* An entry of a list's page (without an ETag: that comes with one entry). */
static gpointer
page_entry_from_json (JsonObject *obj)
{
  return hc_list_entry_new_from_json (obj, NULL);
}

/**
 * hc_client_list_entries_async:
 * @list_type: the type's key
 * @state: (nullable): only entries in this state
 * @region: (nullable): only entries of this 市县 (GB/T 2260 code)
 * @q: (nullable): a name or identifier to look for
 * @cursor: (nullable): where the page starts (a page's next_cursor)
 * @limit: the most rows to answer, 0 for the server's default
 *
 * One page of a list's entries, with the total that match.
 */
void
hc_client_list_entries_async (HcClient            *self,
                              const char          *list_type,
                              const char          *state,
                              const char          *region,
                              const char          *q,
                              const char          *cursor,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GString) path = NULL;
  g_autofree char *type_part = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (list_type != NULL);

  type_part = g_uri_escape_string (list_type, NULL, FALSE);
  path = g_string_new (NULL);
  g_string_append_printf (path, "/lists/%s/entries", type_part);
  _hc_client_query_add (path, "state", state);
  _hc_client_query_add (path, "region", region);
  _hc_client_query_add (path, "q", q);
  _hc_client_query_add_page (path, cursor, limit, TRUE);
  _hc_client_call_page_async (self, hc_client_list_entries_async, path->str, HC_TYPE_LIST_ENTRY,
                              page_entry_from_json, FALSE, cancellable, callback, user_data);
}

/**
 * hc_client_list_entries_finish:
 * Returns: (transfer full): an #HcPage of #HcListEntry, with its total
 */
HcPage *
hc_client_list_entries_finish (HcClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_entries_async, error);
}

/* GET /list-entries/{id} and POST /list-entries/{id}/transitions: both
 * answer the entry as it is now, with its history and ETag. */

void
hc_client_get_list_entry_async (HcClient            *self,
                                gint64               id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id > 0);

  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, id);
  _hc_client_call_etag_async (self, hc_client_get_list_entry_async, "GET", path, NULL, NULL,
                              (HcAnswerWithEtag) hc_list_entry_new_from_json, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * hc_client_get_list_entry_finish:
 * Returns: (transfer full): the entry with its history and ETag
 */
HcListEntry *
hc_client_get_list_entry_finish (HcClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_get_list_entry_async, error);
}

/**
 * hc_client_transition_list_entry_async:
 * @etag: the ETag of the entry as the user saw it
 * @action: a #HcListAction key ("notice" …)
 * @reason: (nullable): why, kept in the history
 *
 * Takes @action on the entry. Fails with %HC_CLIENT_ERROR_PRECONDITION_FAILED
 * when someone changed the entry since @etag, %HC_CLIENT_ERROR_CONFLICT when
 * the action is not open from the entry's state (the server's message says
 * which are) and %HC_CLIENT_ERROR_FORBIDDEN for a role below the action's.
 */
void
hc_client_transition_list_entry_async (HcClient            *self,
                                       gint64               id,
                                       const char          *etag,
                                       const char          *action,
                                       const char          *reason,
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
  g_return_if_fail (action != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, action);
  if (reason != NULL)
    {
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, reason);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", id);
  _hc_client_call_etag_async (self, hc_client_transition_list_entry_async, "POST", path, body, etag,
                              (HcAnswerWithEtag) hc_list_entry_new_from_json, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * hc_client_transition_list_entry_finish:
 * Returns: (transfer full): the entry as it is now, with history and ETag
 */
HcListEntry *
hc_client_transition_list_entry_finish (HcClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_transition_list_entry_async, error);
}

/* POST /lists/{type}/entries */

/**
 * hc_client_propose_list_entry_async:
 * @proposal: what the entry says; copied before this returns
 *
 * Proposes an entry (拟列入). A value the server refuses fails with
 * %HC_CLIENT_ERROR_INVALID and the field it names
 * (hc_client_error_get_field()); a subject with an open entry of the type
 * with %HC_CLIENT_ERROR_CONFLICT.
 */
void
hc_client_propose_list_entry_async (HcClient                  *self,
                                    const HcListEntryProposal *proposal,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *type_part = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (proposal != NULL);
  g_return_if_fail (proposal->list_type != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, proposal->subject ? proposal->subject : "");
  json_builder_set_member_name (builder, "department");
  json_builder_add_int_value (builder, proposal->department);
  json_builder_set_member_name (builder, "basis");
  json_builder_add_string_value (builder, proposal->basis ? proposal->basis : "");
  json_builder_set_member_name (builder, "facts");
  json_builder_add_string_value (builder, proposal->facts ? proposal->facts : "");
  json_builder_set_member_name (builder, "measures");
  json_builder_begin_array (builder);
  for (guint i = 0; proposal->measures != NULL && proposal->measures[i] != NULL; i++)
    json_builder_add_string_value (builder, proposal->measures[i]);
  json_builder_end_array (builder);
  if (proposal->published_until != NULL && *proposal->published_until != '\0')
    {
      json_builder_set_member_name (builder, "published_until");
      json_builder_add_string_value (builder, proposal->published_until);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  type_part = g_uri_escape_string (proposal->list_type, NULL, FALSE);
  path = g_strdup_printf ("/lists/%s/entries", type_part);
  _hc_client_call_etag_async (self, hc_client_propose_list_entry_async, "POST", path, body, NULL,
                              (HcAnswerWithEtag) hc_list_entry_new_from_json, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * hc_client_propose_list_entry_finish:
 * Returns: (transfer full): the proposed entry, with its history and ETag
 */
HcListEntry *
hc_client_propose_list_entry_finish (HcClient      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_propose_list_entry_async, error);
}
