/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of loading the plan's indicators and of their arithmetic. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hc-core.h"

static HcIndicatorSet *
load_real (void)
{
  const char *root = g_getenv ("HC_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  HcIndicatorSet *set;

  g_assert_nonnull (root);
  path = g_build_filename (root, "data", "indicators.json", NULL);
  set = hc_indicator_set_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
  return set;
}

static void
test_load_real_file (void)
{
  g_autoptr(HcIndicatorSet) set = load_real ();
  g_autoptr(GHashTable) cats = g_hash_table_new (g_str_hash, g_str_equal);
  const HcIndicator *ind;
  int first = 0, last = 0;

  g_assert_cmpuint (hc_indicator_set_get_n (set), ==, 22);
  for (guint i = 0; i < hc_indicator_set_get_n (set); i++)
    {
      ind = hc_indicator_set_get (set, i);
      g_hash_table_add (cats, ind->category);
      g_assert_nonnull (ind->category_name);
      g_assert_true (hc_indicator_set_lookup (set, ind->key) == ind);
      if (ind->kind == HC_INDICATOR_KIND_MILESTONE)
        g_assert_null (ind->op);
      else
        g_assert_nonnull (ind->op);
    }
  g_assert_cmpuint (g_hash_table_size (cats), ==, 5);
  hc_indicator_set_get_period (set, &first, &last);
  g_assert_cmpint (first, ==, 2021);
  g_assert_cmpint (last, ==, 2025);

  ind = hc_indicator_set_lookup (set, "uscc-error-rate");
  g_assert_cmpstr (ind->op, ==, "<=");
  g_assert_cmpfloat (ind->target, ==, 0.1);
  g_assert_cmpint (ind->aggregation, ==, HC_AGGREGATION_YEARLY_AVERAGE);
  g_assert_cmpint (ind->attribute, ==, HC_INDICATOR_ATTRIBUTE_BINDING);
  g_assert_cmpstr (ind->category_name, ==, "数据治理");
  ind = hc_indicator_set_lookup (set, "serious-dishonesty-share-decline");
  g_assert_true (ind->decline);
  g_assert_cmpint (ind->aggregation, ==, HC_AGGREGATION_RELATIVE_TO_BASELINE);
  ind = hc_indicator_set_lookup (set, "catalog-annual-update");
  g_assert_cmpint (ind->aggregation, ==, HC_AGGREGATION_PER_YEAR);
  g_assert_cmpint (ind->kind, ==, HC_INDICATOR_KIND_MILESTONE);
  g_assert_null (ind->regional);
  ind = hc_indicator_set_lookup (set, "shared-data-sources");
  g_assert_cmpint (ind->aggregation, ==, HC_AGGREGATION_CUMULATIVE);
  g_assert_false (ind->decline);
  g_assert_null (ind->regional);
  /* 100% of 市县: the province's value is the share of 市县 meeting it. */
  g_assert_cmpstr (hc_indicator_set_lookup (set, "county-platform-coverage")->regional, ==, "share_met");
  g_assert_cmpstr (hc_indicator_set_lookup (set, "credit-verification-coverage")->regional, ==, "mean");
  g_assert_cmpstr (hc_indicator_set_lookup (set, "credit-plus-scenarios")->regional, ==, "sum");
  g_assert_null (hc_indicator_set_lookup (set, "no-such-indicator"));

  {
    HcIndicatorSet *extra = hc_indicator_set_ref (set);
    hc_indicator_set_unref (extra);
  }
}

static void
test_rejects_bad_files (void)
{
  const char *bad[] = {
    "not json",
    " \n\t",          /* parses, to no root at all */
    "/* nothing */",
    "[]",
    "{\"categories\": []}",
    "{\"categories\": [{\"key\":\"a\",\"name\":\"A\"}], \"indicators\": [{\"key\":\"x\",\"category\":\"zzz\",\"kind\":\"ratio\",\"attribute\":\"binding\",\"op\":\">=\",\"target\":1}]}",
    "{\"categories\": [{\"key\":\"a\",\"name\":\"A\"}], \"indicators\": [{\"key\":\"x\",\"category\":\"a\",\"kind\":\"ratio\",\"attribute\":\"binding\",\"op\":\"==\",\"target\":1}]}",
    "{\"categories\": [{\"key\":\"a\",\"name\":\"A\"}], \"indicators\": [{\"key\":\"x\",\"category\":\"a\",\"kind\":\"ratio\",\"attribute\":\"binding\",\"op\":\">=\",\"target\":1,\"aggregation\":\"median\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(HcIndicatorSet) set = hc_indicator_set_new_from_bytes (bytes, &error);

      g_assert_null (set);
      g_assert_nonnull (error);
    }
}

static void
test_ops (void)
{
  g_assert_true (hc_indicator_op_holds (">=", 90, 90));
  g_assert_false (hc_indicator_op_holds (">=", 89.9, 90));
  g_assert_false (hc_indicator_op_holds (">", 70, 70));
  g_assert_true (hc_indicator_op_holds (">", 70.1, 70));
  g_assert_true (hc_indicator_op_holds ("<=", 0.1, 0.1));
  g_assert_false (hc_indicator_op_holds ("<=", 0.11, 0.1));
  g_assert_false (hc_indicator_op_holds ("<", 10, 10));
  g_assert_true (hc_indicator_op_holds ("<", 9.9, 10));
  g_assert_true (hc_indicator_op_holds (NULL, 1, 1));
  g_assert_false (hc_indicator_op_holds ("==", 1, 1));
}

static HcIndicator
make (const char *key, HcAggregation agg, const char *op, double target)
{
  HcIndicator ind = { 0 };

  ind.key = (char *) key;
  ind.kind = op != NULL ? HC_INDICATOR_KIND_RATIO : HC_INDICATOR_KIND_MILESTONE;
  ind.op = (char *) op;
  ind.target = target;
  ind.aggregation = agg;
  ind.decline = g_str_has_suffix (key, "-decline");
  ind.first_year = 2021;
  ind.last_year = 2025;
  return ind;
}

#define V(y, v) { y, v, TRUE, TRUE }

static void
test_aggregations (void)
{
  HcIndicatorValue s[] = { V (2021, 80), V (2022, 95), V (2023, 99) };
  double agg, gap;
  HcIndicator ind;

  /* yearly_average >= 90: 2021 80 → 80; 2022 → 87.5; 2023 → 91.333. */
  ind = make ("avg", HC_AGGREGATION_YEARLY_AVERAGE, ">=", 90);
  hc_indicator_evaluate (&ind, s, 3, 2022, &agg, &gap);
  g_assert_cmpfloat_with_epsilon (agg, (80.0 + 95) / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (gap, 90 - (80.0 + 95) / 2, 1e-9);
  g_assert_cmpint (hc_indicator_evaluate (&ind, s, 3, 2023, &agg, &gap), ==, HC_INDICATOR_STATUS_MET);
  g_assert_cmpfloat_with_epsilon (agg, (80.0 + 95 + 99) / 3, 1e-9);
  g_assert_cmpfloat (gap, <, 0);

  /* none: the year's value. */
  ind = make ("latest", HC_AGGREGATION_NONE, ">=", 90);
  g_assert_cmpint (hc_indicator_evaluate (&ind, s, 3, 2022, &agg, NULL), ==, HC_INDICATOR_STATUS_MET);
  g_assert_cmpfloat (agg, ==, 95);
  ind = make ("per-year", HC_AGGREGATION_PER_YEAR, ">=", 90);
  hc_indicator_evaluate (&ind, s, 3, 2021, &agg, NULL);
  g_assert_cmpfloat (agg, ==, 80);

  /* cumulative >= 5 over counts 1, 2, 3: 1, 3, 6. */
  {
    HcIndicatorValue c[] = { V (2021, 1), V (2022, 2), V (2023, 3) };
    ind = make ("cum", HC_AGGREGATION_CUMULATIVE, ">=", 5);
    hc_indicator_evaluate (&ind, c, 3, 2022, &agg, &gap);
    g_assert_cmpfloat (agg, ==, 3);
    g_assert_cmpfloat (gap, ==, 2);
    g_assert_cmpint (hc_indicator_evaluate (&ind, c, 3, 2023, &agg, NULL), ==, HC_INDICATOR_STATUS_MET);
    g_assert_cmpfloat (agg, ==, 6);
  }

  /* relative_to_baseline: share 20 → 23 is +15 %; as a decline 20 → 17 is 15 %. */
  {
    HcIndicatorValue up[] = { V (2021, 20), V (2023, 23) };
    HcIndicatorValue down[] = { V (2021, 20), V (2023, 17) };
    HcIndicatorValue zero[] = { V (2021, 0), V (2023, 17) };

    ind = make ("incentive-list-share-growth", HC_AGGREGATION_RELATIVE_TO_BASELINE, ">", 10);
    g_assert_cmpint (hc_indicator_evaluate (&ind, up, 2, 2023, &agg, &gap), ==, HC_INDICATOR_STATUS_MET);
    g_assert_cmpfloat_with_epsilon (agg, 15, 1e-9);
    g_assert_cmpfloat_with_epsilon (gap, -5, 1e-9);
    hc_indicator_evaluate (&ind, down, 2, 2023, &agg, NULL);
    g_assert_cmpfloat_with_epsilon (agg, -15, 1e-9);

    ind = make ("serious-dishonesty-share-decline", HC_AGGREGATION_RELATIVE_TO_BASELINE, ">", 10);
    g_assert_cmpint (hc_indicator_evaluate (&ind, down, 2, 2023, &agg, NULL), ==, HC_INDICATOR_STATUS_MET);
    g_assert_cmpfloat_with_epsilon (agg, 15, 1e-9);
    hc_indicator_evaluate (&ind, up, 2, 2023, &agg, NULL);
    g_assert_cmpfloat_with_epsilon (agg, -15, 1e-9);
    /* The baseline year itself is a 0 % change. */
    hc_indicator_evaluate (&ind, up, 2, 2021, &agg, NULL);
    g_assert_cmpfloat (agg, ==, 0);
    g_assert_cmpint (hc_indicator_evaluate (&ind, zero, 2, 2023, NULL, NULL), ==, HC_INDICATOR_STATUS_NO_DATA);

    /* A stated baseline year whose share is 0 (computed before the data
     * begins) cannot start a relative change: the next year's value does. */
    {
      HcIndicatorValue from_zero[] = { V (2020, 0), V (2021, 20), V (2023, 17) };

      ind.baseline_year = 2020;
      g_assert_cmpint (hc_indicator_evaluate (&ind, from_zero, 3, 2023, &agg, NULL), ==, HC_INDICATOR_STATUS_MET);
      g_assert_cmpfloat_with_epsilon (agg, 15, 1e-9);
      ind.baseline_year = 0;
    }
  }

  /* <= gap is aggregate - target. */
  {
    HcIndicatorValue e[] = { V (2021, 0.3) };
    ind = make ("err", HC_AGGREGATION_YEARLY_AVERAGE, "<=", 0.1);
    g_assert_cmpint (hc_indicator_evaluate (&ind, e, 1, 2021, &agg, &gap), ==, HC_INDICATOR_STATUS_UNMET);
    g_assert_cmpfloat_with_epsilon (gap, 0.2, 1e-9);
  }
}

static void
test_statuses (void)
{
  HcIndicator ind = make ("rate", HC_AGGREGATION_NONE, ">=", 80);
  HcIndicatorValue rising[] = { V (2021, 50), V (2022, 60), V (2023, 70) };
  HcIndicatorValue flat[] = { V (2021, 50), V (2022, 51), V (2023, 52) };
  HcIndicatorValue pending[] = { V (2021, 50), { 2022, 90, TRUE, FALSE } };
  HcIndicatorValue hole[] = { V (2021, 50), { 2022, 0, FALSE, FALSE } };
  HcIndicatorValue final[] = { V (2024, 70), V (2025, 79) };
  HcIndicatorValue down[] = { V (2021, 1), V (2022, 0.5) };
  HcIndicator err = make ("err", HC_AGGREGATION_NONE, "<", 0.1);
  HcIndicator ms = make ("milestone", HC_AGGREGATION_NONE, NULL, 1);
  HcIndicatorValue ms_done[] = { V (2022, 1) };
  HcIndicatorValue ms_not[] = { V (2022, 0) };
  double gap;

  /* 50, 60, 70: slope 10 → 2025 projects 90 ≥ 80: on course → unmet. */
  g_assert_cmpint (hc_indicator_evaluate (&ind, rising, 3, 2023, NULL, NULL), ==, HC_INDICATOR_STATUS_UNMET);
  /* 50, 51, 52 → 54 in 2025: the trend misses → warning. */
  g_assert_cmpint (hc_indicator_evaluate (&ind, flat, 3, 2023, NULL, NULL), ==, HC_INDICATOR_STATUS_WARNING);
  /* One point only: no trend → unmet. */
  g_assert_cmpint (hc_indicator_evaluate (&ind, flat, 3, 2021, NULL, NULL), ==, HC_INDICATOR_STATUS_UNMET);
  g_assert_cmpint (hc_indicator_evaluate (&ind, pending, 2, 2022, NULL, NULL), ==, HC_INDICATOR_STATUS_PENDING);
  g_assert_cmpint (hc_indicator_evaluate (&ind, hole, 2, 2022, NULL, NULL), ==, HC_INDICATOR_STATUS_NO_DATA);
  g_assert_cmpint (hc_indicator_evaluate (&ind, rising, 3, 2024, NULL, NULL), ==, HC_INDICATOR_STATUS_NO_DATA);
  g_assert_cmpint (hc_indicator_evaluate (&ind, NULL, 0, 2024, NULL, NULL), ==, HC_INDICATOR_STATUS_NO_DATA);
  /* Final year: met or unmet, never warning. */
  g_assert_cmpint (hc_indicator_evaluate (&ind, final, 2, 2025, NULL, &gap), ==, HC_INDICATOR_STATUS_UNMET);
  g_assert_cmpfloat (gap, ==, 1);
  /* A "<" indicator falling fast: 1, 0.5 → projects below 0.1 → unmet (on course). */
  g_assert_cmpint (hc_indicator_evaluate (&err, down, 2, 2022, NULL, NULL), ==, HC_INDICATOR_STATUS_UNMET);
  /* Milestones: 1 done, 0 not yet. */
  g_assert_cmpint (hc_indicator_evaluate (&ms, ms_done, 1, 2022, NULL, &gap), ==, HC_INDICATOR_STATUS_MET);
  g_assert_cmpfloat (gap, ==, 0);
  g_assert_cmpint (hc_indicator_evaluate (&ms, ms_not, 1, 2022, NULL, &gap), ==, HC_INDICATOR_STATUS_UNMET);
  g_assert_cmpfloat (gap, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/indicator/loads-the-plan-22-indicators-5-categories", test_load_real_file);
  g_test_add_func ("/indicator/rejects-malformed-files", test_rejects_bad_files);
  g_test_add_func ("/indicator/ops-compare-strictly-and-loosely", test_ops);
  g_test_add_func ("/indicator/aggregations-compute-expected-values", test_aggregations);
  g_test_add_func ("/indicator/status-rules", test_statuses);
  return g_test_run ();
}
