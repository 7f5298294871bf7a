/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan's main indicators (表1) and how a year's values are judged. */
#pragma once

#include <glib.h>

#include "hc-enums.h"

G_BEGIN_DECLS

/**
 * HcIndicator:
 * @key: stable key ("catalog-collection-rate")
 * @category: category key ("data")
 * @category_name: category name as in the plan ("数据治理")
 * @item: the plan's 指标项
 * @target_text: the plan's wording of the target
 * @kind: milestone, ratio or count
 * @attribute: binding (约束性) or expected (预期性)
 * @op: ">=", "<=", ">" or "<"; %NULL for milestones
 * @target: the target value (1 for milestones: 1 = done)
 * @unit: "%", "个" or %NULL
 * @aggregation: how yearly values are combined
 * @decline: %TRUE when the key ends in "-decline": a relative_to_baseline
 *   indicator then measures the decline from the baseline
 * @change_in_points: for relative_to_baseline: %TRUE when the change is
 *   counted in percentage points (v - base), %FALSE when it is relative to
 *   the baseline ((v - base) / base × 100); the data file states which
 *   ("change": "points" or "relative")
 * @baseline_year: the year whose value is the baseline (2020, 十三五末), or
 *   0 when the baseline is the first value reported
 * @regional: for an indicator that applies to 市县 (each 市县 has a value),
 *   how the province's value follows from theirs: "sum" (added up; of a
 *   computed share, the 市县's numerators over their denominators), "mean"
 *   (the mean of the 市县 that have a value) or "share_met" (the share of
 *   all 19 市县 whose value meets their target); %NULL when the
 *   indicator is the province's only
 * @first_year: first year of the plan period (2021)
 * @last_year: last year of the plan period (2025)
 *
 * One indicator; owned by its #HcIndicatorSet.
 */
typedef struct
{
  char                 *key;
  char                 *category;
  char                 *category_name;
  char                 *item;
  char                 *target_text;
  HcIndicatorKind       kind;
  HcIndicatorAttribute  attribute;
  char                 *op;
  double                target;
  char                 *unit;
  HcAggregation         aggregation;
  gboolean              decline;
  gboolean              change_in_points;
  int                   baseline_year;
  char                 *regional;
  int                   first_year;
  int                   last_year;
} HcIndicator;

/**
 * HcIndicatorValue:
 * @year: the year reported
 * @value: the value (a share in %, a count, or 1/0 for a milestone)
 * @has_value: %FALSE if nothing was reported for @year
 * @approved: %TRUE once a supervisor approved the value
 */
typedef struct
{
  int      year;
  double   value;
  gboolean has_value;
  gboolean approved;
} HcIndicatorValue;

typedef struct _HcIndicatorSet HcIndicatorSet;

HcIndicatorSet    *hc_indicator_set_new_from_bytes (GBytes      *bytes,
                                                    GError     **error);
HcIndicatorSet    *hc_indicator_set_new_from_file  (const char  *path,
                                                    GError     **error);
HcIndicatorSet    *hc_indicator_set_ref            (HcIndicatorSet *set);
void               hc_indicator_set_unref          (HcIndicatorSet *set);
guint              hc_indicator_set_get_n          (HcIndicatorSet *set);
const HcIndicator *hc_indicator_set_get            (HcIndicatorSet *set,
                                                    guint           i);
const HcIndicator *hc_indicator_set_lookup         (HcIndicatorSet *set,
                                                    const char     *key);
void               hc_indicator_set_get_period     (HcIndicatorSet *set,
                                                    int            *first,
                                                    int            *last);

gboolean           hc_indicator_op_holds           (const char *op,
                                                    double      value,
                                                    double      target);

/**
 * hc_indicator_evaluate:
 * @ind: the indicator
 * @series: (array length=n): yearly values sorted by year
 * @n: number of values
 * @year: the year to judge
 * @aggregate_out: (out) (optional): the aggregate compared with the target
 * @gap_out: (out) (optional): how far the aggregate is from the target,
 *   positive while still short (target - aggregate for >= and >,
 *   aggregate - target for <= and <, 1 - value for milestones)
 *
 * The aggregate for @year: none and per_year → that year's value;
 * yearly_average → mean of the values up to and including @year;
 * cumulative → their sum; relative_to_baseline → change of @year's value
 * from the baseline, which is the value of @ind's baseline_year when one was
 * given, else the first reported value: (v - base) / base * 100 (relative),
 * or v - base (percentage points, change_in_points), the other way round
 * when @ind measures a decline. Milestones:
 * value 1 = done, compared as ≥ 1.
 *
 * Status, in this order: no value for @year → no_data; value not approved
 * → pending; aggregate meets the target → met; @year is the last plan year
 * (or later) → unmet; otherwise a least-squares line through the
 * aggregates of the reported years up to @year (at least 2) is projected to
 * the last plan year: if it misses the target → warning (the trend will
 * miss), else → unmet (not there yet, but on course). With fewer than 2
 * points there is no trend → unmet. A baseline of 0 gives no_data.
 *
 * Returns: the #HcIndicatorStatus
 */
HcIndicatorStatus  hc_indicator_evaluate           (const HcIndicator      *ind,
                                                    const HcIndicatorValue *series,
                                                    guint                   n,
                                                    int                     year,
                                                    double                 *aggregate_out,
                                                    double                 *gap_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcIndicatorSet, hc_indicator_set_unref)

G_END_DECLS
