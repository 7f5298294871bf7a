/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 19 市县 of Hainan and look-ups by code and name. */
#define G_LOG_DOMAIN "hc-region"

#include "config.h"

#include <string.h>

#include "hc-region.h"

/* Weights follow the rough share of registered market subjects: Haikou and
 * Sanya dominate, Sansha has almost none. */
static const HcRegion regions[HC_N_REGIONS] = {
  { "460100", "海口市",             "Haikou",    380 },
  { "460200", "三亚市",             "Sanya",     190 },
  { "460300", "三沙市",             "Sansha",      1 },
  { "460400", "儋州市",             "Danzhou",    60 },
  { "469001", "五指山市",           "Wuzhishan",   8 },
  { "469002", "琼海市",             "Qionghai",   45 },
  { "469005", "文昌市",             "Wenchang",   40 },
  { "469006", "万宁市",             "Wanning",    38 },
  { "469007", "东方市",             "Dongfang",   25 },
  { "469021", "定安县",             "Ding'an",    18 },
  { "469022", "屯昌县",             "Tunchang",   12 },
  { "469023", "澄迈县",             "Chengmai",   45 },
  { "469024", "临高县",             "Lingao",     16 },
  { "469025", "白沙黎族自治县",     "Baisha",      8 },
  { "469026", "昌江黎族自治县",     "Changjiang", 12 },
  { "469027", "乐东黎族自治县",     "Ledong",     20 },
  { "469028", "陵水黎族自治县",     "Lingshui",   28 },
  { "469029", "保亭黎族苗族自治县", "Baoting",    10 },
  { "469030", "琼中黎族苗族自治县", "Qiongzhong", 10 },
};

/**
 * hc_regions_get_all:
 * @n_regions: (out) (optional): set to %HC_N_REGIONS
 *
 * Returns: (transfer none): the regions in GB/T 2260 order
 */
const HcRegion *
hc_regions_get_all (guint *n_regions)
{
  if (n_regions != NULL)
    *n_regions = HC_N_REGIONS;
  return regions;
}

/**
 * hc_region_lookup:
 * @code: a six-digit GB/T 2260 code
 *
 * Returns: (nullable) (transfer none): the region, or %NULL if @code is not
 *   one of Hainan's 19 市县
 */
const HcRegion *
hc_region_lookup (const char *code)
{
  if (code == NULL)
    return NULL;
  for (guint i = 0; i < HC_N_REGIONS; i++)
    if (strcmp (regions[i].code, code) == 0)
      return &regions[i];
  return NULL;
}

/**
 * hc_region_lookup_by_name:
 * @name: a full name ("海口市") or a name without its 市/县 suffix ("海口")
 *
 * Returns: (nullable) (transfer none): the region, or %NULL
 */
const HcRegion *
hc_region_lookup_by_name (const char *name)
{
  gsize len;

  if (name == NULL || *name == '\0')
    return NULL;
  len = strlen (name);
  for (guint i = 0; i < HC_N_REGIONS; i++)
    {
      if (strcmp (regions[i].name, name) == 0)
        return &regions[i];
      if (strncmp (regions[i].name, name, len) == 0 && len >= 6)
        return &regions[i];
    }
  return NULL;
}

/**
 * hc_region_index:
 * @region: a region from hc_regions_get_all()
 *
 * Returns: its position, 0 to %HC_N_REGIONS - 1
 */
int
hc_region_index (const HcRegion *region)
{
  g_return_val_if_fail (region >= regions && region < regions + HC_N_REGIONS, -1);
  return (int) (region - regions);
}

/**
 * hc_hainan_now:
 *
 * Now in Hainan (UTC+8, no daylight saving). Deadlines, record dates and
 * "today" are the province's days, whatever the time zone of the machine
 * that asks: the server's and the app's "today" agree between 16:00 and
 * 24:00 UTC too.
 *
 * Returns: (transfer full): the time
 */
GDateTime *
hc_hainan_now (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);

  return g_date_time_new_now (tz);
}

/**
 * hc_hainan_today:
 *
 * Returns: (transfer full): today in Hainan, "YYYY-MM-DD"
 */
char *
hc_hainan_today (void)
{
  g_autoptr(GDateTime) now = hc_hainan_now ();

  return g_date_time_format (now, "%Y-%m-%d");
}
