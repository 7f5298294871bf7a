/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's risk monitoring calls: the heat map matrix and the risk events
 * behind it (GET /risk/heatmap, GET /risk/events). */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"
#include "hc-risk-event.h"

/* HcHeatmap */

static void
heatmap_clear (HcHeatmap *heatmap)
{
  g_strfreev (heatmap->rows);
  g_strfreev (heatmap->row_names);
  g_strfreev (heatmap->columns);
  g_strfreev (heatmap->column_names);
  g_free (heatmap->values);
}

HcHeatmap *
hc_heatmap_ref (HcHeatmap *heatmap)
{
  g_return_val_if_fail (heatmap != NULL, NULL);
  return g_atomic_rc_box_acquire (heatmap);
}

void
hc_heatmap_unref (HcHeatmap *heatmap)
{
  g_return_if_fail (heatmap != NULL);
  g_atomic_rc_box_release_full (heatmap, (GDestroyNotify) heatmap_clear);
}

G_DEFINE_BOXED_TYPE (HcHeatmap, hc_heatmap, hc_heatmap_ref, hc_heatmap_unref)

double
hc_heatmap_get_value (const HcHeatmap *heatmap,
                      guint            row,
                      guint            column)
{
  g_return_val_if_fail (heatmap != NULL, 0);
  g_return_val_if_fail (row < heatmap->n_rows && column < heatmap->n_columns, 0);
  return heatmap->values[(gsize) row * heatmap->n_columns + column];
}

/* The row of @region (a GB/T code), or -1. */
int
hc_heatmap_find_row (const HcHeatmap *heatmap,
                     const char      *region)
{
  g_return_val_if_fail (heatmap != NULL, -1);
  for (guint r = 0; region != NULL && r < heatmap->n_rows; r++)
    if (g_strcmp0 (heatmap->rows[r], region) == 0)
      return (int) r;
  return -1;
}

/* TRUE when every value is a whole number (counts, not rates); also for
 * no heat map at all. */
gboolean
hc_heatmap_is_whole (const HcHeatmap *heatmap)
{
  if (heatmap == NULL)
    return TRUE;
  for (gsize i = 0; i < (gsize) heatmap->n_rows * heatmap->n_columns; i++)
    if (heatmap->values[i] != (double) (gint64) heatmap->values[i])
      return FALSE;
  return TRUE;
}

/* A JSON array of strings as a strv, or NULL when it is not one. */
static char **
string_array (JsonObject *obj,
              const char *member,
              guint      *n_out)
{
  JsonNode *node = json_object_get_member (obj, member);
  JsonArray *array;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        return NULL;
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *n_out = json_array_get_length (array);
  return g_strv_builder_end (builder);
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static HcHeatmap *
heatmap_from_json (JsonObject *obj)
{
  g_autoptr(HcHeatmap) heatmap = g_atomic_rc_box_new0 (HcHeatmap);
  guint n_names = 0, n_column_names = 0;
  JsonNode *values;
  JsonArray *rows;

  heatmap->rows = string_array (obj, "rows", &heatmap->n_rows);
  heatmap->row_names = string_array (obj, "row_names", &n_names);
  heatmap->columns = string_array (obj, "columns", &heatmap->n_columns);
  heatmap->column_names = string_array (obj, "column_names", &n_column_names);
  values = json_object_get_member (obj, "values");
  if (heatmap->rows == NULL || heatmap->row_names == NULL || heatmap->columns == NULL ||
      heatmap->column_names == NULL || n_names != heatmap->n_rows ||
      n_column_names != heatmap->n_columns || values == NULL || !JSON_NODE_HOLDS_ARRAY (values))
    return NULL;
  rows = json_node_get_array (values);
  if (json_array_get_length (rows) != heatmap->n_rows)
    return NULL;
  heatmap->values = g_new0 (double, (gsize) heatmap->n_rows * heatmap->n_columns + 1);
  for (guint r = 0; r < heatmap->n_rows; r++)
    {
      JsonNode *row_node = json_array_get_element (rows, r);
      JsonArray *row;

      if (!JSON_NODE_HOLDS_ARRAY (row_node))
        return NULL;
      row = json_node_get_array (row_node);
      if (json_array_get_length (row) != heatmap->n_columns)
        return NULL;
      for (guint c = 0; c < heatmap->n_columns; c++)
        {
          JsonNode *cell = json_array_get_element (row, c);

          if (!is_number (cell))
            return NULL;
          heatmap->values[(gsize) r * heatmap->n_columns + c] = json_node_get_double (cell);
        }
    }
  if (!is_number (json_object_get_member (obj, "min")) ||
      !is_number (json_object_get_member (obj, "max")))
    return NULL;
  heatmap->min = json_object_get_double_member (obj, "min");
  heatmap->max = json_object_get_double_member (obj, "max");
  heatmap->total = json_object_get_int_member_with_default (obj, "total", 0);
  return g_steal_pointer (&heatmap);
}

/* GET /risk/heatmap */

static void
heatmap_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  HcHeatmap *heatmap;

  node = hc_client_send_finish (HC_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      (heatmap = heatmap_from_json (json_node_get_object (node))) == NULL)
    {
      g_task_return_error (task, hc_client_protocol_error ());
      return;
    }
  g_task_return_pointer (task, heatmap, (GDestroyNotify) hc_heatmap_unref);
}

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
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) path = g_string_new ("/risk/heatmap");

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (by != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_get_heatmap_async);
  _hc_client_query_add (path, "by", by);
  _hc_client_query_add (path, "from", from);
  _hc_client_query_add (path, "to", to);
  _hc_client_query_add (path, "category", category);
  _hc_client_query_add (path, "normalize", normalize);
  hc_client_send_async (self, "GET", path->str, NULL, cancellable,
                        heatmap_cb, g_steal_pointer (&task));
}

HcHeatmap *
hc_client_get_heatmap_finish (HcClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_get_heatmap_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GET /risk/events */

static void
risk_events_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  _hc_client_return_page (source, result, task, HC_TYPE_RISK_EVENT,
                          (HcItemFromJson) hc_risk_event_new_from_json);
}

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
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) path = g_string_new ("/risk/events");

  g_return_if_fail (HC_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_list_risk_events_async);
  _hc_client_query_add (path, "region", region);
  _hc_client_query_add (path, "category", category);
  _hc_client_query_add (path, "from", from);
  _hc_client_query_add (path, "to", to);
  _hc_client_query_add_page (path, cursor, limit, FALSE);
  hc_client_send_async (self, "GET", path->str, NULL, cancellable,
                        risk_events_cb, g_steal_pointer (&task));
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
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_client_list_risk_events_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
