/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Percentiles of the times a benchmark measured (arrays of double). */
#include "bench-stats.h"

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/**
 * bench_sort_times:
 * @times: an array of double
 *
 * Sorts @times in place, smallest first.
 */
void
bench_sort_times (GArray *times)
{
  g_array_sort (times, cmp_double);
}

/**
 * bench_percentile:
 * @sorted: an array of double sorted by bench_sort_times(), not empty
 * @p: the share, 0 to 1
 *
 * Returns: the value at the nearest rank of @p
 */
double
bench_percentile (GArray *sorted,
                  double  p)
{
  guint i = (guint) (p * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}
