/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcHeatmap: what GET /risk/heatmap answers, a dense region × column
 * matrix; immutable and reference counted. */
#define G_LOG_DOMAIN "hc-heatmap"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-grade-share.h"

#include "hc-heatmap.h"

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

/**
 * hc_heatmap_new_from_json:
 *
 * Returns: (transfer full) (nullable): the heat map of GET /risk/heatmap's
 *   answer, or %NULL when it is not shaped as documented
 */
HcHeatmap *
hc_heatmap_new_from_json (JsonObject *obj)
{
  g_autoptr(HcHeatmap) heatmap = NULL;
  guint n_names = 0, n_column_names = 0;
  JsonNode *values;
  JsonArray *rows;

  g_return_val_if_fail (obj != NULL, NULL);

  heatmap = g_atomic_rc_box_new0 (HcHeatmap);
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

/**
 * hc_heatmap_new_from_grades:
 * @shares: the grades in force by 市县 (HcGradeShare, as
 *   hc_client_get_grade_distribution_finish() gives them)
 * @by_grade: a column a grade (A, B, C, D, none: counts of subjects), or
 *   one column, the share of C and D among the graded subjects (percent)
 *
 * The heat map of the credit grades by 市县 (issue 13's grade measure), in
 * the shape of GET /risk/heatmap's answer: a row each of the 19 市县, in
 * GB/T order, zero where @shares has none.
 *
 * Returns: (transfer full): the heat map
 */
HcHeatmap *
hc_heatmap_new_from_grades (GListModel *shares,
                            gboolean    by_grade)
{
  static const char * const grade_columns[] = { "A", "B", "C", "D", "none", NULL };
  HcHeatmap *heatmap;
  const HcRegion *regions;
  guint n_regions;
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_return_val_if_fail (G_IS_LIST_MODEL (shares), NULL);

  regions = hc_regions_get_all (&n_regions);
  heatmap = g_atomic_rc_box_new0 (HcHeatmap);
  heatmap->n_rows = n_regions;
  heatmap->n_columns = by_grade ? 5 : 1;
  if (by_grade)
    {
      heatmap->columns = g_strdupv ((char **) grade_columns);
      heatmap->column_names = g_new0 (char *, 6);
      for (guint c = 0; c < 4; c++)
        /* TRANSLATORS: a column of the grades heat map: a credit grade, A to D */
        heatmap->column_names[c] = g_strdup_printf (_("Grade %s"), grade_columns[c]);
      heatmap->column_names[4] = g_strdup (_("No grade"));
    }
  else
    {
      heatmap->columns = g_strdupv ((char *[]) { (char *) "cd_share", NULL });
      /* TRANSLATORS: the grades heat map's measure: the percent of graded subjects graded C or D */
      heatmap->column_names = g_strdupv ((char *[]) { _("C and D, % of graded subjects"), NULL });
    }
  heatmap->values = g_new0 (double, (gsize) heatmap->n_rows * heatmap->n_columns + 1);
  for (guint r = 0; r < n_regions; r++)
    {
      g_strv_builder_add (rows, regions[r].code);
      g_strv_builder_add (names, regions[r].name);
    }
  heatmap->rows = g_strv_builder_end (rows);
  heatmap->row_names = g_strv_builder_end (names);

  for (guint i = 0; i < g_list_model_get_n_items (shares); i++)
    {
      g_autoptr(HcGradeShare) share = g_list_model_get_item (shares, i);
      int r = hc_heatmap_find_row (heatmap, hc_grade_share_get_key (share));
      double *row;
      gint64 graded = 0;

      if (r < 0)
        continue;
      row = heatmap->values + (gsize) r * heatmap->n_columns;
      for (char g = 'A'; g <= 'D'; g++)
        graded += hc_grade_share_get_count (share, g);
      if (by_grade)
        {
          for (char g = 'A'; g <= 'D'; g++)
            row[g - 'A'] = hc_grade_share_get_count (share, g);
          row[4] = MAX (hc_grade_share_get_subjects (share) - graded, 0);
          for (guint c = 0; c < 4; c++)
            heatmap->total += (gint64) row[c];
        }
      else
        {
          gint64 cd = hc_grade_share_get_count (share, 'C') + hc_grade_share_get_count (share, 'D');

          /* Rounded to a tenth, as the legend and the export show it. */
          row[0] = graded > 0 ? (double) ((cd * 1000 + graded / 2) / graded) / 10.0 : 0.0;
          heatmap->total += cd;
        }
    }
  for (gsize i = 0; i < (gsize) heatmap->n_rows * heatmap->n_columns; i++)
    {
      heatmap->min = i == 0 ? heatmap->values[i] : MIN (heatmap->min, heatmap->values[i]);
      heatmap->max = i == 0 ? heatmap->values[i] : MAX (heatmap->max, heatmap->values[i]);
    }
  return heatmap;
}
