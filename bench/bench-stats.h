/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Percentiles of the times a benchmark measured. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   bench_sort_times  (GArray *times);
double bench_percentile  (GArray *sorted,
                          double  p);

G_END_DECLS
