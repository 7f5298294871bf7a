/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loading the plan's indicators and judging reported values against them. */
#define G_LOG_DOMAIN "hc-indicator"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hc-indicator.h"

#define DEFAULT_FIRST_YEAR 2021
#define DEFAULT_LAST_YEAR  2025

struct _HcIndicatorSet
{
  gatomicrefcount ref_count;
  GPtrArray      *indicators;  /* of HcIndicator, owned */
  int             first_year;
  int             last_year;
};

static void
indicator_free (gpointer data)
{
  HcIndicator *ind = data;

  g_free (ind->key);
  g_free (ind->category);
  g_free (ind->category_name);
  g_free (ind->item);
  g_free (ind->target_text);
  g_free (ind->op);
  g_free (ind->unit);
  g_free (ind->regional);
  g_free (ind);
}

static char *
dup_member (JsonObject *obj,
            const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gboolean
parse_indicator (JsonObject  *obj,
                 GHashTable  *categories,
                 HcIndicator *ind,
                 GError     **error)
{
  g_autofree char *kind = dup_member (obj, "kind");
  g_autofree char *attribute = dup_member (obj, "attribute");
  g_autofree char *aggregation = dup_member (obj, "aggregation");
  g_autofree char *change = dup_member (obj, "change");
  const char *category_name;

  ind->key = dup_member (obj, "key");
  ind->category = dup_member (obj, "category");
  ind->item = dup_member (obj, "item");
  ind->target_text = dup_member (obj, "target_text");
  ind->op = dup_member (obj, "op");
  ind->unit = dup_member (obj, "unit");
  ind->regional = dup_member (obj, "regional");

  if (ind->key == NULL || ind->category == NULL || kind == NULL || attribute == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Indicator “%s” lacks a key, category, kind or attribute"),
                   ind->key != NULL ? ind->key : "?");
      return FALSE;
    }
  category_name = g_hash_table_lookup (categories, ind->category);
  if (category_name == NULL
      || !hc_indicator_kind_from_key (kind, &ind->kind)
      || !hc_indicator_attribute_from_key (attribute, &ind->attribute))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Indicator “%s” has an unknown category, kind or attribute"),
                   ind->key);
      return FALSE;
    }
  ind->category_name = g_strdup (category_name);

  ind->aggregation = HC_AGGREGATION_NONE;
  if (aggregation != NULL)
    {
      g_strdelimit (aggregation, "-", '_');
      if (!hc_aggregation_from_key (aggregation, &ind->aggregation))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Indicator “%s” has an unknown aggregation"), ind->key);
          return FALSE;
        }
    }

  if (ind->kind == HC_INDICATOR_KIND_MILESTONE)
    {
      g_clear_pointer (&ind->op, g_free);
      ind->target = 1;
    }
  else
    {
      if (ind->op == NULL || !json_object_has_member (obj, "target")
          || !(g_str_equal (ind->op, ">=") || g_str_equal (ind->op, "<=")
               || g_str_equal (ind->op, ">") || g_str_equal (ind->op, "<")))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Indicator “%s” needs a comparison (>=, <=, > or <) and a target"),
                       ind->key);
          return FALSE;
        }
      ind->target = json_object_get_double_member (obj, "target");
    }
  ind->decline = g_str_has_suffix (ind->key, "-decline");

  if (ind->regional != NULL && !g_str_equal (ind->regional, "sum") && !g_str_equal (ind->regional, "mean")
      && !g_str_equal (ind->regional, "share_met"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Indicator “%s” has an unknown regional rule (sum, mean or share_met)"), ind->key);
      return FALSE;
    }

  /* Only a change from a baseline says how it is counted and from when. */
  if (ind->aggregation == HC_AGGREGATION_RELATIVE_TO_BASELINE)
    {
      if (change != NULL && !g_str_equal (change, "relative") && !g_str_equal (change, "points"))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Indicator “%s” has an unknown change (relative or points)"), ind->key);
          return FALSE;
        }
      ind->change_in_points = g_strcmp0 (change, "points") == 0;
      if (json_object_has_member (obj, "baseline_year"))
        ind->baseline_year = (int) json_object_get_int_member (obj, "baseline_year");
    }
  else if (change != NULL || json_object_has_member (obj, "baseline_year"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Indicator “%s” states a change or baseline year but is not counted from a baseline"),
                   ind->key);
      return FALSE;
    }
  return TRUE;
}

/**
 * hc_indicator_set_new_from_bytes:
 * @bytes: the JSON of data/indicators.json
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the indicators, or %NULL on error
 */
HcIndicatorSet *
hc_indicator_set_new_from_bytes (GBytes  *bytes,
                                 GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(HcIndicatorSet) set = NULL;
  JsonObject *root;
  JsonArray *array;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, (gssize) size, error))
    return NULL;

  /* A file of white space alone parses, to no root at all. */
  root = json_parser_get_root (parser) != NULL && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
         ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (root == NULL
      || !json_object_has_member (root, "indicators")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "indicators"))
      || !json_object_has_member (root, "categories")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "categories")))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The indicator file needs “categories” and “indicators” arrays"));
      return NULL;
    }

  set = g_new0 (HcIndicatorSet, 1);
  g_atomic_ref_count_init (&set->ref_count);
  set->indicators = g_ptr_array_new_with_free_func (indicator_free);
  set->first_year = DEFAULT_FIRST_YEAR;
  set->last_year = DEFAULT_LAST_YEAR;

  if (json_object_has_member (root, "period"))
    {
      JsonArray *period = json_object_get_array_member (root, "period");
      if (period != NULL && json_array_get_length (period) == 2)
        {
          set->first_year = (int) json_array_get_int_element (period, 0);
          set->last_year = (int) json_array_get_int_element (period, 1);
        }
    }

  array = json_object_get_array_member (root, "categories");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *cat = json_array_get_object_element (array, i);
      if (cat != NULL && json_object_has_member (cat, "key") && json_object_has_member (cat, "name"))
        g_hash_table_insert (categories,
                             (gpointer) json_object_get_string_member (cat, "key"),
                             (gpointer) json_object_get_string_member (cat, "name"));
    }

  array = json_object_get_array_member (root, "indicators");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);
      HcIndicator *ind = g_new0 (HcIndicator, 1);

      g_ptr_array_add (set->indicators, ind);
      if (obj == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Indicator %u is not an object"), i + 1);
          return NULL;
        }
      if (!parse_indicator (obj, categories, ind, error))
        return NULL;
      ind->first_year = set->first_year;
      ind->last_year = set->last_year;
    }

  return g_steal_pointer (&set);
}

/**
 * hc_indicator_set_new_from_file:
 * @path: path of an indicators JSON file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the indicators, or %NULL on error
 */
HcIndicatorSet *
hc_indicator_set_new_from_file (const char  *path,
                                GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  char *contents;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);
  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  bytes = g_bytes_new_take (contents, len);
  return hc_indicator_set_new_from_bytes (bytes, error);
}

/**
 * hc_indicator_set_ref:
 * @set: a #HcIndicatorSet
 *
 * Returns: (transfer full): @set
 */
HcIndicatorSet *
hc_indicator_set_ref (HcIndicatorSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);
  g_atomic_ref_count_inc (&set->ref_count);
  return set;
}

/**
 * hc_indicator_set_unref:
 * @set: (transfer full): a #HcIndicatorSet
 *
 * Drops a reference; the last one frees the set and its indicators.
 */
void
hc_indicator_set_unref (HcIndicatorSet *set)
{
  g_return_if_fail (set != NULL);
  if (g_atomic_ref_count_dec (&set->ref_count))
    {
      g_ptr_array_unref (set->indicators);
      g_free (set);
    }
}

/**
 * hc_indicator_set_get_n:
 * @set: a #HcIndicatorSet
 *
 * Returns: the number of indicators
 */
guint
hc_indicator_set_get_n (HcIndicatorSet *set)
{
  g_return_val_if_fail (set != NULL, 0);
  return set->indicators->len;
}

/**
 * hc_indicator_set_get:
 * @set: a #HcIndicatorSet
 * @i: index, below hc_indicator_set_get_n()
 *
 * Returns: (transfer none): the @i-th indicator in the plan's order
 */
const HcIndicator *
hc_indicator_set_get (HcIndicatorSet *set,
                      guint           i)
{
  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (i < set->indicators->len, NULL);
  return g_ptr_array_index (set->indicators, i);
}

/**
 * hc_indicator_set_lookup:
 * @set: a #HcIndicatorSet
 * @key: an indicator key
 *
 * Returns: (transfer none) (nullable): the indicator, or %NULL
 */
const HcIndicator *
hc_indicator_set_lookup (HcIndicatorSet *set,
                         const char     *key)
{
  g_return_val_if_fail (set != NULL, NULL);
  if (key == NULL)
    return NULL;
  for (guint i = 0; i < set->indicators->len; i++)
    {
      const HcIndicator *ind = g_ptr_array_index (set->indicators, i);
      if (strcmp (ind->key, key) == 0)
        return ind;
    }
  return NULL;
}

/**
 * hc_indicator_set_get_period:
 * @set: a #HcIndicatorSet
 * @first: (out) (optional): first year of the plan (2021)
 * @last: (out) (optional): last year of the plan (2025)
 */
void
hc_indicator_set_get_period (HcIndicatorSet *set,
                             int            *first,
                             int            *last)
{
  g_return_if_fail (set != NULL);
  if (first != NULL)
    *first = set->first_year;
  if (last != NULL)
    *last = set->last_year;
}

/**
 * hc_indicator_op_holds:
 * @op: ">=", "<=", ">" or "<"; %NULL means ">="
 * @value: the measured value
 * @target: the target
 *
 * Returns: %TRUE if "@value @op @target" holds; %FALSE for an unknown @op
 */
gboolean
hc_indicator_op_holds (const char *op,
                       double      value,
                       double      target)
{
  if (op == NULL || strcmp (op, ">=") == 0)
    return value >= target;
  if (strcmp (op, "<=") == 0)
    return value <= target;
  if (strcmp (op, ">") == 0)
    return value > target;
  if (strcmp (op, "<") == 0)
    return value < target;
  return FALSE;
}

static const HcIndicatorValue *
find_year (const HcIndicatorValue *series,
           guint                   n,
           int                     year)
{
  for (guint i = 0; i < n; i++)
    if (series[i].year == year && series[i].has_value)
      return &series[i];
  return NULL;
}

/* The aggregate for @year, or FALSE if it cannot be formed. */
static gboolean
aggregate_for (const HcIndicator      *ind,
               const HcIndicatorValue *series,
               guint                   n,
               int                     year,
               double                 *out)
{
  const HcIndicatorValue *cur = find_year (series, n, year);
  double sum = 0;
  guint count = 0;

  if (cur == NULL)
    return FALSE;

  switch (ind->aggregation)
    {
    case HC_AGGREGATION_YEARLY_AVERAGE:
    case HC_AGGREGATION_CUMULATIVE:
      for (guint i = 0; i < n; i++)
        if (series[i].has_value && series[i].year <= year)
          {
            sum += series[i].value;
            count++;
          }
      *out = ind->aggregation == HC_AGGREGATION_CUMULATIVE ? sum : sum / count;
      return TRUE;

    case HC_AGGREGATION_RELATIVE_TO_BASELINE:
      {
        const HcIndicatorValue *base = NULL;
        double change;

        /* The stated baseline year (十三五末) when it has a value; else the
         * first value reported. */
        int skip_year = 0;

        /* A relative change cannot start from a stated baseline year's 0 (a
         * share computed for a year before the data begins): then the
         * first value of another year is the baseline, as when no baseline
         * year is stated. */
        if (ind->baseline_year > 0)
          base = find_year (series, n, ind->baseline_year);
        if (base != NULL && !ind->change_in_points && base->value == 0)
          {
            base = NULL;
            skip_year = ind->baseline_year;
          }
        for (guint i = 0; i < n && base == NULL; i++)
          if (series[i].has_value && series[i].year != skip_year)
            base = &series[i];
        if (base == NULL || base->year > year)
          return FALSE;
        if (ind->change_in_points)
          change = cur->value - base->value;
        else if (base->value == 0)
          return FALSE;
        else
          change = (cur->value - base->value) / base->value * 100;
        *out = ind->decline ? -change : change;
        return TRUE;
      }

    case HC_AGGREGATION_NONE:
    case HC_AGGREGATION_PER_YEAR:
    default:
      *out = cur->value;
      return TRUE;
    }
}

static double
gap_for (const HcIndicator *ind,
         double             aggregate)
{
  if (ind->op != NULL && ind->op[0] == '<')
    return aggregate - ind->target;
  return ind->target - aggregate;
}

HcIndicatorStatus
hc_indicator_evaluate (const HcIndicator      *ind,
                       const HcIndicatorValue *series,
                       guint                   n,
                       int                     year,
                       double                 *aggregate_out,
                       double                 *gap_out)
{
  const HcIndicatorValue *cur;
  double aggregate;
  int last_year;
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  guint points = 0;
  double slope, intercept, projected;

  g_return_val_if_fail (ind != NULL, HC_INDICATOR_STATUS_NO_DATA);
  g_return_val_if_fail (series != NULL || n == 0, HC_INDICATOR_STATUS_NO_DATA);

  if (aggregate_out != NULL)
    *aggregate_out = NAN;
  if (gap_out != NULL)
    *gap_out = NAN;

  cur = find_year (series, n, year);
  if (cur == NULL)
    return HC_INDICATOR_STATUS_NO_DATA;
  if (!cur->approved)
    return HC_INDICATOR_STATUS_PENDING;
  if (!aggregate_for (ind, series, n, year, &aggregate))
    return HC_INDICATOR_STATUS_NO_DATA;

  if (aggregate_out != NULL)
    *aggregate_out = aggregate;
  if (gap_out != NULL)
    *gap_out = gap_for (ind, aggregate);

  if (hc_indicator_op_holds (ind->op, aggregate, ind->target))
    return HC_INDICATOR_STATUS_MET;

  last_year = ind->last_year > 0 ? ind->last_year : DEFAULT_LAST_YEAR;
  if (year >= last_year)
    return HC_INDICATOR_STATUS_UNMET;

  for (guint i = 0; i < n; i++)
    {
      double a;

      if (!series[i].has_value || series[i].year > year
          || !aggregate_for (ind, series, n, series[i].year, &a))
        continue;
      sx += series[i].year;
      sy += a;
      sxx += (double) series[i].year * series[i].year;
      sxy += series[i].year * a;
      points++;
    }
  if (points < 2 || points * sxx - sx * sx == 0)
    return HC_INDICATOR_STATUS_UNMET;

  slope = (points * sxy - sx * sy) / (points * sxx - sx * sx);
  intercept = (sy - slope * sx) / points;
  projected = intercept + slope * last_year;
  if (!hc_indicator_op_holds (ind->op, projected, ind->target))
    return HC_INDICATOR_STATUS_WARNING;
  return HC_INDICATOR_STATUS_UNMET;
}
