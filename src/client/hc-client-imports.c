/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's calls for 归集: the catalog items a file goes into, the upload
 * of a department's file, past imports and their rejection reports. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"
#include "hc-import-record.h"


static JsonArray *
items_of (JsonObject *obj)
{
  JsonNode *items = json_object_get_member (obj, "items");

  return items != NULL && JSON_NODE_HOLDS_ARRAY (items) ? json_node_get_array (items) : NULL;
}

/* GET /catalog/versions, then the newest version's items of a category */

static void
catalog_items_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GListStore) items = NULL;
  JsonObject *obj = hc_client_take_object (source, result, task, &node);
  JsonArray *rows;

  if (obj == NULL)
    return;
  if ((rows = items_of (obj)) == NULL)
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  items = g_list_store_new (HC_TYPE_CATALOG_ITEM);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autoptr(HcCatalogItem) item = row ? hc_catalog_item_new_from_json (row, NULL) : NULL;

      if (item == NULL)
        {
          g_task_return_error (task, hc_client_protocol_error ());
          return;
        }
      g_list_store_append (items, item);
    }
  g_task_return_pointer (task, g_steal_pointer (&items), g_object_unref);
}

static void
catalog_versions_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GString) path = NULL;
  JsonObject *obj = hc_client_take_object (source, result, task, &node);
  GCancellable *cancellable;
  JsonArray *rows;
  gint64 newest = 0, newest_published = 0;

  if (obj == NULL)
    return;
  if ((rows = items_of (obj)) == NULL)
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      gint64 year;

      if (row == NULL)
        continue;
      year = json_object_get_int_member_with_default (row, "year", 0);
      newest = MAX (newest, year);
      if (g_strcmp0 (_hc_json_string (row, "state"), "published") == 0)
        newest_published = MAX (newest_published, year);
    }
  if (newest == 0)
    {
      /* No catalog yet: nothing to import into. */
      g_task_return_pointer (task, g_list_store_new (HC_TYPE_CATALOG_ITEM), g_object_unref);
      return;
    }

  /* The year's published catalog is the one departments deliver against;
   * a draft only when no year is published yet. */
  path = g_string_new (NULL);
  g_string_append_printf (path, "/catalog/versions/%" G_GINT64_FORMAT "/items",
                          newest_published > 0 ? newest_published : newest);
  _hc_client_query_add (path, "category", g_task_get_task_data (task));
  _hc_client_query_add_page (path, NULL, 1000, FALSE);
  cancellable = g_task_get_cancellable (task);
  hc_client_send_async (HC_CLIENT (source), "GET", path->str, NULL, cancellable,
                        catalog_items_cb, g_steal_pointer (&task));
}

void
hc_client_list_catalog_items_async (HcClient            *self,
                                    const char          *category,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (category != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_list_catalog_items_async);
  g_task_set_task_data (task, g_strdup (category), g_free);
  hc_client_send_async (self, "GET", "/catalog/versions?limit=1000", NULL, cancellable,
                        catalog_versions_cb, g_steal_pointer (&task));
}

/**
 * hc_client_list_catalog_items_finish:
 * Returns: (transfer full): the #HcCatalogItem of the category in the
 * newest published catalog version (empty without one).
 */
GListModel *
hc_client_list_catalog_items_finish (HcClient      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_list_catalog_items_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* POST /imports */

typedef struct
{
  char                  *kind;
  gint64                 item_id;
  char                  *encoding;
  char                  *file_name;
  gboolean               force;
  GFileProgressCallback  progress;
  gpointer               progress_data;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->kind);
  g_free (data->encoding);
  g_free (data->file_name);
  g_free (data);
}

static void
import_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *obj = hc_client_take_object (source, result, task, &node);
  HcImportResult *answer;

  if (obj == NULL)
    return;
  if ((answer = hc_import_result_new_from_json (obj)) == NULL)
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  g_task_return_pointer (task, answer, (GDestroyNotify) hc_import_result_unref);
}

static void
import_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) path = g_string_new ("/imports");
  ImportData *data = g_task_get_task_data (task);
  HcClient *self = g_task_get_source_object (task);
  const char *content_type = NULL;
  GCancellable *cancellable;

  bytes = _hc_client_load_upload_finish (G_FILE (source), result, data->file_name, &content_type, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _hc_client_query_add (path, "kind", data->kind);
  _hc_client_query_add_int (path, "item", data->item_id);
  _hc_client_query_add (path, "file_name", data->file_name);
  _hc_client_query_add (path, "encoding", data->encoding);
  if (data->force)
    _hc_client_query_add (path, "force", "1");

  cancellable = g_task_get_cancellable (task);
  hc_client_send_bytes_async (self, "POST", path->str, content_type, bytes,
                              data->progress, data->progress_data,
                              cancellable, import_cb, g_steal_pointer (&task));
}

/**
 * hc_client_import_file_async:
 * @encoding: (nullable): "utf-8" or "gb18030", or NULL to let the server tell
 * @progress: (nullable): called as the file goes up, with bytes sent and the
 *   file's size; once all is sent the server checks and writes the rows and
 *   answers when it is done
 *
 * Reads @file and sends it to POST /imports as kind @kind into catalog item
 * @item_id. A file already imported fails with HC_CLIENT_ERROR_CONFLICT and
 * the code "already_imported"; @force imports it again.
 */
void
hc_client_import_file_async (HcClient              *self,
                             GFile                 *file,
                             const char            *kind,
                             gint64                 item_id,
                             const char            *encoding,
                             gboolean               force,
                             GFileProgressCallback  progress,
                             gpointer               progress_data,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (kind != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_import_file_async);
  data = g_new0 (ImportData, 1);
  data->kind = g_strdup (kind);
  data->item_id = item_id;
  data->encoding = g_strdup (encoding);
  data->file_name = g_file_get_basename (file);
  data->force = force;
  data->progress = progress;
  data->progress_data = progress_data;
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);

  g_file_load_bytes_async (file, cancellable, import_loaded_cb, g_steal_pointer (&task));
}

HcImportResult *
hc_client_import_file_finish (HcClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GET /imports */

void
hc_client_list_imports_async (HcClient            *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  _hc_client_call_page_async (self, hc_client_list_imports_async, "/imports?limit=100", HC_TYPE_IMPORT_RECORD,
                              (HcItemFromJson) hc_import_record_new_from_json, TRUE,
                              cancellable, callback, user_data);
}

/**
 * hc_client_list_imports_finish:
 * Returns: (transfer full): the newest 100 imports, newest first, as a
 * GListModel of HcImportRecord.
 */
GListModel *
hc_client_list_imports_finish (HcClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_imports_async, error);
}

/* GET /imports/quality/months */

/**
 * hc_client_quality_months_path:
 * @year: 0 for every year
 *
 * Returns: (transfer full): the path of 数据质量 per department and month,
 *   what hc_client_export_async() exports
 */
char *
hc_client_quality_months_path (int year)
{
  return year > 0 ? g_strdup_printf ("/imports/quality/months?year=%d", year) : g_strdup ("/imports/quality/months");
}

void
hc_client_list_quality_months_async (HcClient            *self,
                                     int                  year,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = hc_client_quality_months_path (year);

  _hc_client_call_page_async (self, hc_client_list_quality_months_async, path, HC_TYPE_QUALITY_MONTH,
                              (HcItemFromJson) hc_quality_month_new_from_json, TRUE,
                              cancellable, callback, user_data);
}

/**
 * hc_client_list_quality_months_finish:
 * Returns: (transfer full): a GListModel of HcQualityMonth, by department, then month
 */
GListModel *
hc_client_list_quality_months_finish (HcClient      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_quality_months_async, error);
}

/* GET /imports/{id}/rejections.csv */

static void
rejections_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GBytes *bytes = hc_client_fetch_bytes_finish (HC_CLIENT (source), result, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

void
hc_client_download_rejections_async (HcClient            *self,
                                     gint64               import_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (import_id > 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_download_rejections_async);
  path = g_strdup_printf ("/imports/%" G_GINT64_FORMAT "/rejections.csv", import_id);
  hc_client_fetch_bytes_async (self, path, cancellable, rejections_cb, g_steal_pointer (&task));
}

/**
 * hc_client_download_rejections_finish:
 * Returns: (transfer full): every rejection of the import as CSV (UTF-8 with
 * a BOM, for Excel).
 */
GBytes *
hc_client_download_rejections_finish (HcClient      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_download_rejections_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
