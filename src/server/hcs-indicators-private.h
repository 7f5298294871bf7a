/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of the server's indicators share: one indicator's values
 * over the plan period (Series) and the computed values
 * (hcs-indicators-compute.c) that hcs-indicators.c answers with. */
#pragma once

#include "hcs-indicators.h"

G_BEGIN_DECLS

#define MAX_YEARS 16

/* One indicator's values over the plan period, the province's or a 市县's. */
typedef struct
{
  int               first;
  guint             n;
  HcIndicatorValue  v[MAX_YEARS];
  JsonObject       *rows[MAX_YEARS];   /* the reported row, or the counts */
} Series;

Series  *_hcs_indicators_region_series (GHashTable *regions,
                                        const char *region,
                                        int         first,
                                        int         last);

/* What several computed indicators of one answer share. */
typedef struct
{
  JsonArray *active_subjects;
} HcsComputeCache;

static inline void
hcs_compute_cache_clear (HcsComputeCache *cache)
{
  g_clear_pointer (&cache->active_subjects, json_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HcsComputeCache, hcs_compute_cache_clear)

gboolean _hcs_indicators_compute       (HcsStore           *store,
                                        const HcIndicator  *ind,
                                        HcsComputeCache    *cache,
                                        Series             *province,
                                        GHashTable         *regions,
                                        GError            **error);

G_END_DECLS
