/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's calls for the 公共信用信息目录: versions (list, create as a
 * copy, publish), a version's items (list, create, change, delete, each
 * write with its ETag) and the diff of two versions. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"

static gpointer
version_from_json (JsonObject *obj)
{
  return hc_catalog_version_new_from_json (obj, NULL);
}

static gpointer
item_from_json (JsonObject *obj)
{
  return hc_catalog_item_new_from_json (obj, NULL);
}

/* GET /catalog/versions */

void
hc_client_list_catalog_versions_async (HcClient            *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  _hc_client_call_page_async (self, hc_client_list_catalog_versions_async, "/catalog/versions?limit=1000",
                              HC_TYPE_CATALOG_VERSION, version_from_json, TRUE,
                              cancellable, callback, user_data);
}

/**
 * hc_client_list_catalog_versions_finish:
 * Returns: (transfer full): the #HcCatalogVersion of every year, oldest first
 */
GListModel *
hc_client_list_catalog_versions_finish (HcClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_catalog_versions_async, error);
}

/* GET /catalog/versions/{year} */

void
hc_client_get_catalog_version_async (HcClient            *self,
                                     int                  year,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  path = g_strdup_printf ("/catalog/versions/%d", year);
  _hc_client_call_etag_async (self, hc_client_get_catalog_version_async, "GET", path, NULL, NULL,
                              (HcAnswerWithEtag) hc_catalog_version_new_from_json, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * hc_client_get_catalog_version_finish:
 * Returns: (transfer full): the version with its ETag (which changes with
 *   every change of its items)
 */
HcCatalogVersion *
hc_client_get_catalog_version_finish (HcClient      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_get_catalog_version_async, error);
}

/* POST /catalog/versions */

/**
 * hc_client_create_catalog_version_async:
 * @copy_from: the year whose items the draft starts with, 0 for none
 *
 * Creates the draft of @year. A year that exists fails with
 * %HC_CLIENT_ERROR_CONFLICT, a year out of range with %HC_CLIENT_ERROR_INVALID.
 */
void
hc_client_create_catalog_version_async (HcClient            *self,
                                        int                  year,
                                        int                  copy_from,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, year);
  if (copy_from > 0)
    {
      json_builder_set_member_name (builder, "copy_from");
      json_builder_add_int_value (builder, copy_from);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  _hc_client_call_etag_async (self, hc_client_create_catalog_version_async, "POST", "/catalog/versions",
                              body, NULL, (HcAnswerWithEtag) hc_catalog_version_new_from_json,
                              g_object_unref, cancellable, callback, user_data);
}

HcCatalogVersion *
hc_client_create_catalog_version_finish (HcClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_create_catalog_version_async, error);
}

/* POST /catalog/versions/{year}/publish */

/**
 * hc_client_publish_catalog_version_async:
 * @etag: the version's ETag as the user reviewed it
 *
 * Publishes the draft (supervisor and admin only: an analyst gets
 * %HC_CLIENT_ERROR_FORBIDDEN). A draft changed since @etag fails with
 * %HC_CLIENT_ERROR_PRECONDITION_FAILED and stays a draft.
 */
void
hc_client_publish_catalog_version_async (HcClient            *self,
                                         int                  year,
                                         const char          *etag,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (etag != NULL);

  path = g_strdup_printf ("/catalog/versions/%d/publish", year);
  _hc_client_call_etag_async (self, hc_client_publish_catalog_version_async, "POST", path, NULL, etag,
                              (HcAnswerWithEtag) hc_catalog_version_new_from_json, g_object_unref,
                              cancellable, callback, user_data);
}

HcCatalogVersion *
hc_client_publish_catalog_version_finish (HcClient      *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_publish_catalog_version_async, error);
}

/* GET /catalog/versions/{year}/items */

/**
 * hc_client_catalog_items_path:
 * @query: (nullable): the filters
 *
 * Returns: (transfer full): the path of the version's items with @query's
 *   filters, what hc_client_export_async() exports
 */
char *
hc_client_catalog_items_path (int                   year,
                              const HcCatalogQuery *query)
{
  GString *path = g_string_new (NULL);

  g_string_append_printf (path, "/catalog/versions/%d/items", year);
  if (query != NULL)
    {
      _hc_client_query_add (path, "q", query->q);
      _hc_client_query_add (path, "category", query->category);
      if (query->department_id > 0)
        _hc_client_query_add_int (path, "department", query->department_id);
      _hc_client_query_add (path, "disclosure", query->disclosure);
      _hc_client_query_add (path, "scope", query->scope);
    }
  return g_string_free (path, FALSE);
}

void
hc_client_list_catalog_version_items_async (HcClient             *self,
                                            int                   year,
                                            const HcCatalogQuery *query,
                                            const char           *cursor,
                                            guint                 limit,
                                            gboolean              want_total,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data)
{
  g_autofree char *base = NULL;
  g_autoptr(GString) path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  base = hc_client_catalog_items_path (year, query);
  path = g_string_new (base);
  _hc_client_query_add_page (path, cursor, limit, want_total);
  _hc_client_call_page_async (self, hc_client_list_catalog_version_items_async, path->str,
                              HC_TYPE_CATALOG_ITEM, item_from_json, FALSE,
                              cancellable, callback, user_data);
}

/**
 * hc_client_list_catalog_version_items_finish:
 * Returns: (transfer full): an #HcPage of #HcCatalogItem, in id order
 */
HcPage *
hc_client_list_catalog_version_items_finish (HcClient      *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_catalog_version_items_async, error);
}

/* GET /catalog/items/{id} */

void
hc_client_get_catalog_item_async (HcClient            *self,
                                  gint64               id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id > 0);

  path = g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT, id);
  _hc_client_call_etag_async (self, hc_client_get_catalog_item_async, "GET", path, NULL, NULL,
                              (HcAnswerWithEtag) hc_catalog_item_new_from_json, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * hc_client_get_catalog_item_finish:
 * Returns: (transfer full): the item with its ETag
 */
HcCatalogItem *
hc_client_get_catalog_item_finish (HcClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_get_catalog_item_async, error);
}

/* The body of an item's create or change: the fields that are set. */
static JsonNode *
item_body (const HcCatalogItemFields *fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const struct { const char *name; const char *value; } strings[] = {
    { "category", fields->category },
    { "name", fields->name },
    { "subject_type", fields->subject_type },
    { "disclosure", fields->disclosure },
    { "update_frequency", fields->update_frequency },
    { "legal_basis", fields->legal_basis },
    { "publicity_period", fields->publicity_period },
    { "scope", fields->scope },
  };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (strings[i].value != NULL)
      {
        json_builder_set_member_name (builder, strings[i].name);
        json_builder_add_string_value (builder, strings[i].value);
      }
  if (fields->department_id > 0)
    {
      json_builder_set_member_name (builder, "department_id");
      json_builder_add_int_value (builder, fields->department_id);
    }
  if (fields->expected_records >= 0)
    {
      json_builder_set_member_name (builder, "expected_records");
      json_builder_add_int_value (builder, fields->expected_records);
    }
  if (fields->collected_records >= 0)
    {
      json_builder_set_member_name (builder, "collected_records");
      json_builder_add_int_value (builder, fields->collected_records);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* POST /catalog/versions/{year}/items */

/**
 * hc_client_create_catalog_item_async:
 * @fields: what the item says; copied before this returns
 *
 * Adds an item to the draft of @year. A value the server refuses fails
 * with %HC_CLIENT_ERROR_INVALID and the field it names
 * (hc_client_error_get_field()); a published version with
 * %HC_CLIENT_ERROR_CONFLICT.
 */
void
hc_client_create_catalog_item_async (HcClient                  *self,
                                     int                        year,
                                     const HcCatalogItemFields *fields,
                                     GCancellable              *cancellable,
                                     GAsyncReadyCallback        callback,
                                     gpointer                   user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (fields != NULL);

  body = item_body (fields);
  path = g_strdup_printf ("/catalog/versions/%d/items", year);
  _hc_client_call_etag_async (self, hc_client_create_catalog_item_async, "POST", path, body, NULL,
                              (HcAnswerWithEtag) hc_catalog_item_new_from_json, g_object_unref,
                              cancellable, callback, user_data);
}

HcCatalogItem *
hc_client_create_catalog_item_finish (HcClient      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_create_catalog_item_async, error);
}

/* PATCH /catalog/items/{id} */

/**
 * hc_client_update_catalog_item_async:
 * @etag: the item's ETag as the user saw it
 * @fields: the fields to change (the unset ones stay); copied before this returns
 *
 * Fails with %HC_CLIENT_ERROR_PRECONDITION_FAILED, changing nothing, when
 * someone changed the item since @etag.
 */
void
hc_client_update_catalog_item_async (HcClient                  *self,
                                     gint64                     id,
                                     const char                *etag,
                                     const HcCatalogItemFields *fields,
                                     GCancellable              *cancellable,
                                     GAsyncReadyCallback        callback,
                                     gpointer                   user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (etag != NULL);
  g_return_if_fail (fields != NULL);

  body = item_body (fields);
  path = g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT, id);
  _hc_client_call_etag_async (self, hc_client_update_catalog_item_async, "PATCH", path, body, etag,
                              (HcAnswerWithEtag) hc_catalog_item_new_from_json, g_object_unref,
                              cancellable, callback, user_data);
}

HcCatalogItem *
hc_client_update_catalog_item_finish (HcClient      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_update_catalog_item_async, error);
}

/* DELETE /catalog/items/{id} */

/**
 * hc_client_delete_catalog_item_async:
 * @etag: the item's ETag as the user saw it
 *
 * Removes the item from its draft. Fails with
 * %HC_CLIENT_ERROR_PRECONDITION_FAILED when someone changed it since
 * @etag, %HC_CLIENT_ERROR_CONFLICT when its version is published or
 * records were collected for it.
 */
void
hc_client_delete_catalog_item_async (HcClient            *self,
                                     gint64               id,
                                     const char          *etag,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (etag != NULL);

  path = g_strdup_printf ("/catalog/items/%" G_GINT64_FORMAT, id);
  _hc_client_delete_versioned_async (self, hc_client_delete_catalog_item_async, path, etag,
                                     cancellable, callback, user_data);
}

gboolean
hc_client_delete_catalog_item_finish (HcClient      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _hc_client_boolean_finish (self, result, hc_client_delete_catalog_item_async, error);
}

/* GET /catalog/diff */

static gpointer
diff_from_json (JsonObject *obj)
{
  return hc_catalog_diff_new_from_json (obj);
}

void
hc_client_diff_catalog_async (HcClient            *self,
                              int                  from,
                              int                  to,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  path = g_strdup_printf ("/catalog/diff?from=%d&to=%d", from, to);
  _hc_client_call_async (self, hc_client_diff_catalog_async, "GET", path, NULL,
                         diff_from_json, g_object_unref, cancellable, callback, user_data);
}

/**
 * hc_client_diff_catalog_finish:
 * Returns: (transfer full): what changed from the version @from to @to
 */
HcCatalogDiff *
hc_client_diff_catalog_finish (HcClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_diff_catalog_async, error);
}

/**
 * hc_client_catalog_diff_rows_path:
 *
 * Returns: (transfer full): the path of the diff from @from_year to
 *   @to_year as a listing, what hc_client_export_async() exports
 */
char *
hc_client_catalog_diff_rows_path (int from_year,
                                  int to_year)
{
  return g_strdup_printf ("/catalog/diff/rows?from=%d&to=%d", from_year, to_year);
}
