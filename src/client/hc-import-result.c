/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcImportResult: an import's counts and first rejections, as POST
 * /imports answers them; immutable and reference counted. */
#define G_LOG_DOMAIN "hc-import-result"

#include "config.h"

#include "hc-client-private.h"
#include "hc-import-rejection.h"
#include "hc-import-result.h"

G_DEFINE_BOXED_TYPE (HcImportResult, hc_import_result, hc_import_result_ref, hc_import_result_unref)

HcImportResult *
hc_import_result_ref (HcImportResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return g_atomic_rc_box_acquire (result);
}

static void
import_result_clear (HcImportResult *result)
{
  g_free (result->kind);
  g_free (result->file_name);
  g_free (result->encoding);
  g_clear_object (&result->rejections);
}

void
hc_import_result_unref (HcImportResult *result)
{
  g_return_if_fail (result != NULL);
  g_atomic_rc_box_release_full (result, (GDestroyNotify) import_result_clear);
}

/**
 * hc_import_result_new_from_json:
 *
 * Returns: (transfer full) (nullable): POST /imports' answer, or %NULL when
 *   it is not one (no import_id)
 */
HcImportResult *
hc_import_result_new_from_json (JsonObject *obj)
{
  HcImportResult *result;
  g_autoptr(GListStore) rejections = NULL;
  JsonNode *list;

  g_return_val_if_fail (obj != NULL, NULL);

  if (!json_object_has_member (obj, "import_id"))
    return NULL;
  result = g_atomic_rc_box_new0 (HcImportResult);
  rejections = g_list_store_new (HC_TYPE_IMPORT_REJECTION);
  list = json_object_get_member (obj, "rejections");

  result->import_id = json_object_get_int_member_with_default (obj, "import_id", 0);
  result->kind = g_strdup (_hc_json_string (obj, "kind"));
  result->item_id = json_object_get_int_member_with_default (obj, "item_id", 0);
  result->file_name = g_strdup (_hc_json_string (obj, "file_name"));
  result->encoding = g_strdup (_hc_json_string (obj, "encoding"));
  result->rows_read = json_object_get_int_member_with_default (obj, "rows_read", 0);
  result->accepted = json_object_get_int_member_with_default (obj, "accepted", 0);
  result->rejected = json_object_get_int_member_with_default (obj, "rejected", 0);
  result->duration_ms = json_object_get_int_member_with_default (obj, "duration_ms", 0);
  result->rejections_truncated = json_object_get_boolean_member_with_default (obj, "rejections_truncated", FALSE);
  if (list != NULL && JSON_NODE_HOLDS_ARRAY (list))
    {
      JsonArray *rows = json_node_get_array (list);

      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          JsonObject *row = json_array_get_object_element (rows, i);
          g_autoptr(HcImportRejection) rejection = NULL;

          if (row == NULL)
            continue;
          rejection = hc_import_rejection_new_from_json (row);
          g_list_store_append (rejections, rejection);
        }
    }
  result->rejections = G_LIST_MODEL (g_steal_pointer (&rejections));
  return result;
}
