/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan's indicators (表1) as the server answers them: values reported by
 * hand or computed from the data held, judged by the core's
 * hc_indicator_evaluate() per year, for the province and per 市县. The
 * values computed from the data: hcs-indicators-compute.c. */
#define G_LOG_DOMAIN "hcs-indicators"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hc-core.h"
#include "hcs-indicators-private.h"
#include "hcs-list-rules.h"
#include "hcs-store-indicators.h"

#define INDICATORS_RESOURCE "/org/hncredit/server/indicators.json"

/**
 * hcs_indicators_get_set:
 *
 * The indicator table built into the server (data/indicators.json), loaded
 * once.
 *
 * Returns: (transfer none): the plan's indicators
 */
HcIndicatorSet *
hcs_indicators_get_set (void)
{
  static HcIndicatorSet *set;

  if (g_once_init_enter (&set))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (INDICATORS_RESOURCE, 0, &error);
      HcIndicatorSet *loaded = bytes ? hc_indicator_set_new_from_bytes (bytes, &error) : NULL;
      int first, last;

      /* Built into the binary and checked by the tests: not loading it is a
       * broken build, not a condition to answer. */
      if (loaded == NULL)
        g_error ("%s: %s", INDICATORS_RESOURCE, error->message);
      hc_indicator_set_get_period (loaded, &first, &last);
      g_assert (last >= first && last - first < MAX_YEARS);
      g_once_init_leave (&set, loaded);
    }
  return set;
}

/**
 * hcs_indicators_current_year:
 *
 * Returns: this year (Beijing time) within the plan period
 */
int
hcs_indicators_current_year (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  int first, last;

  hc_indicator_set_get_period (hcs_indicators_get_set (), &first, &last);
  return CLAMP (g_date_time_get_year (now), first, last);
}

/**
 * hcs_indicators_value_valid:
 *
 * Returns: %TRUE if @value can be reported for @ind: a share from 0 to 100
 *   (%), a whole count of at least 0, 0 or 1 for a milestone (1 = done)
 */
gboolean
hcs_indicators_value_valid (const HcIndicator *ind,
                            double             value)
{
  g_return_val_if_fail (ind != NULL, FALSE);
  if (!isfinite (value))
    return FALSE;
  switch (ind->kind)
    {
    case HC_INDICATOR_KIND_MILESTONE:
      return value == 0 || value == 1;
    case HC_INDICATOR_KIND_RATIO:
      return value >= 0 && value <= 100;
    case HC_INDICATOR_KIND_COUNT:
    default:
      return value >= 0 && value == floor (value);
    }
}

/* ---- Series: one indicator's values over the plan period ---- */

/**
 * hcs_indicators_first_year:
 *
 * Returns: the first year @ind has a value for: its baseline year (2020,
 *   十三五末) when it is counted from one, else the plan's first year
 */
int
hcs_indicators_first_year (const HcIndicator *ind)
{
  g_return_val_if_fail (ind != NULL, 0);
  if (ind->baseline_year > 0 && ind->baseline_year < ind->first_year)
    return ind->baseline_year;
  return ind->first_year;
}

/**
 * hcs_indicators_year_valid:
 *
 * Returns: %TRUE if a value of @ind can be reported for @year: a plan year,
 *   or its baseline year; of a computed indicator only the baseline year
 *   (the data the server holds may not reach back to it)
 */
gboolean
hcs_indicators_year_valid (const HcIndicator *ind,
                           int                year)
{
  g_return_val_if_fail (ind != NULL, FALSE);
  if (ind->baseline_year > 0 && year == ind->baseline_year)
    return TRUE;
  return !hcs_indicators_is_computed (ind) && year >= ind->first_year && year <= ind->last_year;
}

static Series *
series_new (int first,
            int last)
{
  Series *s = g_new0 (Series, 1);

  s->first = first;
  s->n = (guint) (last - first + 1);
  for (guint i = 0; i < s->n; i++)
    s->v[i].year = first + (int) i;
  return s;
}

static void
series_free (gpointer data)
{
  Series *s = data;

  for (guint i = 0; i < s->n; i++)
    g_clear_pointer (&s->rows[i], json_object_unref);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Series, series_free)

static gboolean
series_slot (Series *s,
             int     year,
             guint  *i)
{
  if (year < s->first || year >= s->first + (int) s->n)
    return FALSE;
  *i = (guint) (year - s->first);
  return TRUE;
}

/* Region code → Series, created on first use. */
Series *
_hcs_indicators_region_series (GHashTable *regions,
                               const char *region,
                               int         first,
                               int         last)
{
  Series *s = g_hash_table_lookup (regions, region);

  if (s == NULL)
    {
      s = series_new (first, last);
      g_hash_table_insert (regions, g_strdup (region), s);
    }
  return s;
}

/* Reported rows: a submitted or approved value counts (approved or not); a
 * returned one was refused and counts as no value. Over a computed value
 * (a baseline reported by hand) only a value that counts replaces it. */
static void
series_add_reported (Series     *s,
                     JsonObject *row)
{
  const char *state = json_object_get_string_member (row, "state");
  guint i;

  if (!series_slot (s, (int) json_object_get_int_member (row, "year"), &i))
    return;
  if (s->rows[i] != NULL && !json_object_has_member (s->rows[i], "state") &&
      g_strcmp0 (state, "submitted") != 0 && g_strcmp0 (state, "approved") != 0)
    return;
  g_clear_pointer (&s->rows[i], json_object_unref);
  s->rows[i] = json_object_ref (row);
  s->v[i].value = json_object_get_double_member (row, "value");
  s->v[i].has_value = g_strcmp0 (state, "submitted") == 0 || g_strcmp0 (state, "approved") == 0;
  s->v[i].approved = g_strcmp0 (state, "approved") == 0;
}

/* ---- Answers ---- */

/* Six decimals are more than any indicator is read to, and spare the
 * reader binary noise such as 0.060000000000000005. */
static void
set_number (JsonObject *obj,
            const char *name,
            double      v)
{
  if (isfinite (v))
    json_object_set_double_member (obj, name, round (v * 1e6) / 1e6);
  else
    json_object_set_null_member (obj, name);
}

static void
set_string (JsonObject *obj,
            const char *name,
            const char *v)
{
  if (v != NULL)
    json_object_set_string_member (obj, name, v);
  else
    json_object_set_null_member (obj, name);
}

static void
copy_member (JsonObject *to,
             JsonObject *from,
             const char *name)
{
  JsonNode *node = from ? json_object_get_member (from, name) : NULL;

  if (node != NULL)
    json_object_set_member (to, name, json_node_copy (node));
  else
    json_object_set_null_member (to, name);
}

static const char * const review_members[] = {
  "state", "evidence", "submitted_by", "submitted_at", "reviewed_by", "reviewed_at",
  "review_comment", "version",
};

static const char * const derived_members[] = {
  "basis", "rule", "regions_reported", "regions_approved", "regions_met", "regions_total",
};

/* ---- 市县 targets and the province's value from its 市县 ---- */

/* The target a 市县 is held to, and how far short of it is 预警. */
typedef struct
{
  double      target;
  double      warning_gap;
  const char *source;   /* "region", "regions" (all 市县) or "province" */
} RegionTarget;

/* Without a rule set by the province: its own target, and a tenth of it
 * short still 预警 (none for a milestone: done or not). */
static RegionTarget
default_region_target (const HcIndicator *ind)
{
  RegionTarget t = { ind->target, 0, "province" };

  if (ind->kind != HC_INDICATOR_KIND_MILESTONE)
    t.warning_gap = fabs (ind->target) / 10;
  return t;
}

/* @rows: the indicator's rows of indicator_region_targets. */
static RegionTarget
region_target (const HcIndicator *ind,
               JsonArray         *rows,
               const char        *region)
{
  RegionTarget t = default_region_target (ind);

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *r = json_object_get_string_member (row, "region");

      /* The rows come by region, "" first: a 市县's own row wins. */
      if (*r == '\0' || g_strcmp0 (r, region) == 0)
        {
          t.target = json_object_get_double_member (row, "target");
          t.warning_gap = json_object_get_double_member (row, "warning_gap");
          t.source = *r == '\0' ? "regions" : "region";
        }
    }
  return t;
}

/* A 市县's status: the core's judgement against the 市县's target, but a
 * shortfall is 预警 within the warning gap and 未达标 beyond it (the
 * deviation rule), not by the trend. */
static HcIndicatorStatus
evaluate_region (const HcIndicator  *ind,
                 const RegionTarget *t,
                 Series             *s,
                 int                 year,
                 double             *aggregate,
                 double             *gap)
{
  HcIndicator held = *ind;
  HcIndicatorStatus status;

  held.target = t->target;
  status = hc_indicator_evaluate (&held, s->v, s->n, year, aggregate, gap);
  if (status == HC_INDICATOR_STATUS_UNMET || status == HC_INDICATOR_STATUS_WARNING)
    status = *gap <= t->warning_gap + 1e-9 ? HC_INDICATOR_STATUS_WARNING : HC_INDICATOR_STATUS_UNMET;
  return status;
}

/* The province's value of a reported indicator that applies to 市县, by
 * its rule, in each year where at least one 市县 has a value (a year
 * without any keeps the province's own report): the sum or mean of the
 * 市县's values, or the share of all 19 whose value meets their target.
 * It counts as approved (else pending) once every 市县 value it is made of
 * is. */
static void
derive_province (const HcIndicator *ind,
                 Series            *province,
                 GHashTable        *regions,
                 JsonArray         *targets)
{
  const HcRegion *all;
  guint n_regions;

  all = hc_regions_get_all (&n_regions);
  for (guint i = 0; i < province->n; i++)
    {
      guint reported = 0, approved = 0, met = 0;
      double sum = 0;
      JsonObject *row;

      for (guint r = 0; r < n_regions; r++)
        {
          Series *s = g_hash_table_lookup (regions, all[r].code);
          RegionTarget t;

          if (s == NULL || !s->v[i].has_value)
            continue;
          reported++;
          sum += s->v[i].value;
          approved += s->v[i].approved;
          t = region_target (ind, targets, all[r].code);
          met += hc_indicator_op_holds (ind->op, s->v[i].value, t.target);
        }
      if (reported == 0)
        continue;

      row = json_object_new ();
      json_object_set_string_member (row, "basis", "regions");
      json_object_set_string_member (row, "rule", ind->regional);
      json_object_set_int_member (row, "regions_reported", reported);
      json_object_set_int_member (row, "regions_approved", approved);
      json_object_set_int_member (row, "regions_met", met);
      json_object_set_int_member (row, "regions_total", n_regions);
      if (g_str_equal (ind->regional, "share_met"))
        {
          json_object_set_int_member (row, "numerator", met);
          json_object_set_int_member (row, "denominator", n_regions);
          province->v[i].value = 100.0 * met / n_regions;
        }
      else
        province->v[i].value = g_str_equal (ind->regional, "mean") ? sum / reported : sum;
      province->v[i].has_value = TRUE;
      province->v[i].approved = approved == reported;
      g_clear_pointer (&province->rows[i], json_object_unref);
      province->rows[i] = row;
    }
}

/* Members of one year of @s: value, aggregate, gap, status, and either the
 * review of a reported value, the counts of a computed one, or how a
 * province's value follows from its 市县. @target: a 市县's target, or
 * %NULL for the province. */
static void
set_year (JsonObject         *obj,
          const HcIndicator  *ind,
          Series             *s,
          int                 year,
          gboolean            is_computed,
          const RegionTarget *target,
          const char         *region)
{
  double aggregate, gap;
  HcIndicatorStatus status;
  JsonObject *row = NULL;
  gboolean derived;
  guint i = 0;

  if (target != NULL)
    status = evaluate_region (ind, target, s, year, &aggregate, &gap);
  else
    status = hc_indicator_evaluate (ind, s->v, s->n, year, &aggregate, &gap);
  if (series_slot (s, year, &i))
    row = s->rows[i];
  /* A computed indicator's baseline may have been reported by hand. */
  if (row != NULL && json_object_has_member (row, "state"))
    is_computed = FALSE;
  derived = row != NULL && json_object_has_member (row, "basis");

  json_object_set_int_member (obj, "year", year);
  if (row != NULL && (!is_computed || s->v[i].has_value))
    set_number (obj, "value", s->v[i].value);
  else
    json_object_set_null_member (obj, "value");
  set_number (obj, "aggregate", aggregate);
  set_number (obj, "gap", gap);
  json_object_set_string_member (obj, "status", hc_indicator_status_to_key (status));
  if (target != NULL)
    {
      set_number (obj, "target", target->target);
      json_object_set_boolean_member (obj, "lagging", status == HC_INDICATOR_STATUS_UNMET
                                                      || status == HC_INDICATOR_STATUS_WARNING);
    }

  if (is_computed || derived)
    {
      /* Computed from the data, or from the 市县: nothing to review here. */
      for (guint m = 0; m < G_N_ELEMENTS (review_members); m++)
        json_object_set_null_member (obj, review_members[m]);
      copy_member (obj, row, "numerator");
      copy_member (obj, row, "denominator");
      if (derived)
        for (guint m = 0; m < G_N_ELEMENTS (derived_members); m++)
          copy_member (obj, row, derived_members[m]);
      else
        json_object_set_string_member (obj, "basis", "computed");
    }
  else
    {
      for (guint m = 0; m < G_N_ELEMENTS (review_members); m++)
        copy_member (obj, row, review_members[m]);
      json_object_set_string_member (obj, "basis", "reported");
    }

  /* The records behind a computed value: a route of this API. */
  if (is_computed && hcs_indicators_records_kind (ind) != NULL && s->v[i].has_value)
    {
      g_autofree char *link = region != NULL
        ? g_strdup_printf ("/indicators/%s/values/%d/records?region=%s", ind->key, year, region)
        : g_strdup_printf ("/indicators/%s/values/%d/records", ind->key, year);

      json_object_set_string_member (obj, "records", link);
    }
  else
    json_object_set_null_member (obj, "records");
}

static JsonObject *
describe (const HcIndicator *ind)
{
  JsonObject *obj = json_object_new ();

  json_object_set_string_member (obj, "key", ind->key);
  json_object_set_string_member (obj, "category", ind->category);
  json_object_set_string_member (obj, "category_name", ind->category_name);
  json_object_set_string_member (obj, "item", ind->item);
  json_object_set_string_member (obj, "target_text", ind->target_text);
  json_object_set_string_member (obj, "kind", hc_indicator_kind_to_key (ind->kind));
  json_object_set_string_member (obj, "attribute", hc_indicator_attribute_to_key (ind->attribute));
  set_string (obj, "op", ind->op);
  json_object_set_double_member (obj, "target", ind->target);
  set_string (obj, "unit", ind->unit);
  json_object_set_string_member (obj, "aggregation", hc_aggregation_to_key (ind->aggregation));
  if (ind->aggregation == HC_AGGREGATION_RELATIVE_TO_BASELINE)
    {
      json_object_set_string_member (obj, "change", ind->change_in_points ? "points" : "relative");
      if (ind->baseline_year > 0)
        json_object_set_int_member (obj, "baseline_year", ind->baseline_year);
      else
        json_object_set_null_member (obj, "baseline_year");
    }
  else
    {
      json_object_set_null_member (obj, "change");
      json_object_set_null_member (obj, "baseline_year");
    }
  json_object_set_string_member (obj, "source", hcs_indicators_is_computed (ind) ? "computed" : "reported");
  set_string (obj, "regional", ind->regional);
  return obj;
}

/* Adds @row, a reported value, to its series: the province's or a 市县's
 * (created in @regions). Of a computed indicator only a reported baseline
 * counts: its other years come from the data. */
static void
add_reported_row (const HcIndicator *ind,
                  Series            *province,
                  GHashTable        *regions,
                  JsonObject        *row)
{
  const char *region = json_object_get_string_member (row, "region");

  if (hcs_indicators_is_computed (ind) && json_object_get_int_member (row, "year") != ind->baseline_year)
    return;
  if (*region == '\0')
    series_add_reported (province, row);
  else if (regions != NULL)
    series_add_reported (_hcs_indicators_region_series (regions, region, province->first,
                                        province->first + (int) province->n - 1), row);
}

/* One indicator's series, the province's and its 市县's, with the
 * province's value derived from the 市县 where the indicator says so. */
typedef struct
{
  Series     *province;
  GHashTable *regions;   /* code → Series */
  JsonArray  *targets;   /* rows of indicator_region_targets */
} IndicatorSeries;

static void
indicator_series_free (gpointer data)
{
  IndicatorSeries *is = data;

  g_clear_pointer (&is->province, series_free);
  g_clear_pointer (&is->regions, g_hash_table_unref);
  g_clear_pointer (&is->targets, json_array_unref);
  g_free (is);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IndicatorSeries, indicator_series_free)

static IndicatorSeries *
indicator_series_new (const HcIndicator *ind)
{
  IndicatorSeries *is = g_new0 (IndicatorSeries, 1);
  int last;

  hc_indicator_set_get_period (hcs_indicators_get_set (), NULL, &last);
  is->province = series_new (hcs_indicators_first_year (ind), last);
  is->regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, series_free);
  return is;
}

/* After the computed values and the reported rows are in. */
static gboolean
indicator_series_finish (HcsStore           *store,
                         const HcIndicator  *ind,
                         IndicatorSeries    *is,
                         GError            **error)
{
  if (ind->regional == NULL)
    return TRUE;
  if ((is->targets = hcs_store_indicators_region_targets (store, ind->key, error)) == NULL)
    return FALSE;
  if (!hcs_indicators_is_computed (ind))
    derive_province (ind, is->province, is->regions, is->targets);
  return TRUE;
}

/**
 * hcs_indicators_list:
 * @year: the year to judge, within the plan period
 *
 * Returns: (transfer full): every indicator with its value and status in
 *   @year, for the province
 */
JsonArray *
hcs_indicators_list (HcsStore  *store,
                     int        year,
                     GError   **error)
{
  HcIndicatorSet *set = hcs_indicators_get_set ();
  g_autoptr(JsonArray) reported = hcs_store_indicators_values (store, NULL, FALSE, error);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, indicator_series_free);
  g_autoptr(JsonArray) items = json_array_new ();
  g_auto(HcsComputeCache) cache = { NULL, };

  g_return_val_if_fail (store != NULL, NULL);
  if (reported == NULL)
    return NULL;
  for (guint i = 0; i < hc_indicator_set_get_n (set); i++)
    {
      const HcIndicator *ind = hc_indicator_set_get (set, i);
      IndicatorSeries *is = indicator_series_new (ind);

      g_hash_table_insert (by_key, ind->key, is);
      if (hcs_indicators_is_computed (ind) && !_hcs_indicators_compute (store, ind, &cache, is->province, NULL, error))
        return NULL;
    }
  /* After the computed values: a reported baseline replaces a computed one. */
  for (guint r = 0; r < json_array_get_length (reported); r++)
    {
      JsonObject *row = json_array_get_object_element (reported, r);
      const HcIndicator *ind = hc_indicator_set_lookup (set, json_object_get_string_member (row, "indicator"));
      IndicatorSeries *is = ind != NULL ? g_hash_table_lookup (by_key, ind->key) : NULL;

      if (is != NULL)
        add_reported_row (ind, is->province, ind->regional != NULL ? is->regions : NULL, row);
    }

  for (guint i = 0; i < hc_indicator_set_get_n (set); i++)
    {
      const HcIndicator *ind = hc_indicator_set_get (set, i);
      IndicatorSeries *is = g_hash_table_lookup (by_key, ind->key);
      JsonObject *obj;

      if (!indicator_series_finish (store, ind, is, error))
        return NULL;
      obj = describe (ind);
      set_year (obj, ind, is->province, year, hcs_indicators_is_computed (ind), NULL, NULL);
      json_array_add_object_element (items, obj);
    }
  return g_steal_pointer (&items);
}

static JsonArray *
years_array (const HcIndicator  *ind,
             Series             *s,
             gboolean            is_computed,
             const RegionTarget *target,
             const char         *region)
{
  JsonArray *values = json_array_new ();

  for (guint i = 0; i < s->n; i++)
    {
      JsonObject *obj = json_object_new ();

      set_year (obj, ind, s, s->first + (int) i, is_computed, target, region);
      json_array_add_object_element (values, obj);
    }
  return values;
}

/* The province's rule for its 市县: the target of all of them and each
 * one's own. */
static JsonObject *
describe_region_targets (const HcIndicator *ind,
                         JsonArray         *rows)
{
  RegionTarget t = region_target (ind, rows, "");
  JsonObject *obj = json_object_new ();
  JsonArray *own = json_array_new ();

  set_number (obj, "target", t.target);
  set_number (obj, "warning_gap", t.warning_gap);
  json_object_set_string_member (obj, "source", t.source);
  json_object_set_null_member (obj, "set_by");
  json_object_set_null_member (obj, "set_at");
  json_object_set_null_member (obj, "version");
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (*json_object_get_string_member (row, "region") == '\0')
        {
          copy_member (obj, row, "set_by");
          copy_member (obj, row, "set_at");
          copy_member (obj, row, "version");
        }
      else
        json_array_add_object_element (own, json_object_ref (row));
    }
  json_object_set_array_member (obj, "regions", own);
  return obj;
}

/**
 * hcs_indicators_detail:
 *
 * Returns: (transfer full): @ind with its values of every plan year
 *   (`values`) and, where it has them, per 市县 (`regions`: all 19 for an
 *   indicator that applies to 市县, each judged against its target)
 */
JsonObject *
hcs_indicators_detail (HcsStore           *store,
                       const HcIndicator  *ind,
                       GError            **error)
{
  gboolean is_computed = hcs_indicators_is_computed (ind);
  g_autoptr(IndicatorSeries) is = NULL;
  g_autoptr(JsonObject) obj = NULL;
  g_autoptr(JsonArray) rows = NULL;
  g_auto(HcsComputeCache) cache = { NULL, };
  JsonArray *region_items;
  const HcRegion *all;
  guint n_regions;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (ind != NULL, NULL);

  is = indicator_series_new (ind);
  if (is_computed && !_hcs_indicators_compute (store, ind, &cache, is->province, is->regions, error))
    return NULL;
  /* Reported values; for a computed indicator, a baseline reported by hand. */
  rows = hcs_store_indicators_values (store, ind->key, FALSE, error);
  if (rows == NULL)
    return NULL;
  for (guint r = 0; r < json_array_get_length (rows); r++)
    add_reported_row (ind, is->province, is->regions, json_array_get_object_element (rows, r));
  if (!indicator_series_finish (store, ind, is, error))
    return NULL;

  obj = describe (ind);
  json_object_set_array_member (obj, "values", years_array (ind, is->province, is_computed, NULL, NULL));
  if (ind->regional != NULL)
    json_object_set_object_member (obj, "region_targets", describe_region_targets (ind, is->targets));
  else
    json_object_set_null_member (obj, "region_targets");

  /* In the order of GB/T 2260; every 市县 where the indicator applies to
   * them, else those with values. */
  region_items = json_array_new ();
  all = hc_regions_get_all (&n_regions);
  for (guint i = 0; i < n_regions; i++)
    {
      Series *s = g_hash_table_lookup (is->regions, all[i].code);
      RegionTarget t = region_target (ind, is->targets, all[i].code);
      JsonObject *item;

      if (s == NULL && ind->regional == NULL)
        continue;
      if (s == NULL)
        s = _hcs_indicators_region_series (is->regions, all[i].code, is->province->first,
                           is->province->first + (int) is->province->n - 1);
      item = json_object_new ();
      json_object_set_string_member (item, "region", all[i].code);
      json_object_set_string_member (item, "region_name", all[i].name);
      set_number (item, "target", t.target);
      set_number (item, "warning_gap", t.warning_gap);
      json_object_set_string_member (item, "target_source", t.source);
      json_object_set_array_member (item, "values", years_array (ind, s, is_computed, &t, all[i].code));
      json_array_add_object_element (region_items, item);
    }
  json_object_set_array_member (obj, "regions", region_items);
  return g_steal_pointer (&obj);
}
