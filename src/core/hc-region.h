/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 19 county-level divisions (市县) of Hainan, with GB/T 2260 codes. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HC_N_REGIONS 19

typedef struct
{
  const char *code;      /* GB/T 2260, six digits: "460100" */
  const char *name;      /* full Chinese name: "海口市" */
  const char *name_en;   /* romanised, for logs and keys: "Haikou" */
  guint       weight;    /* relative number of market subjects, for demo data */
} HcRegion;

const HcRegion *hc_regions_get_all        (guint      *n_regions);
const HcRegion *hc_region_lookup          (const char *code);
const HcRegion *hc_region_lookup_by_name  (const char *name);
int             hc_region_index           (const HcRegion *region);

GDateTime      *hc_hainan_now             (void);
char           *hc_hainan_today           (void);

G_END_DECLS
