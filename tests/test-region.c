/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of the 市县 table and its look-ups. */
#include "config.h"

#include <string.h>

#include "hc-core.h"

static void
test_table (void)
{
  guint n = 0;
  const HcRegion *all = hc_regions_get_all (&n);

  g_assert_cmpuint (n, ==, 19);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (strlen (all[i].code), ==, 6);
      g_assert_true (g_str_has_prefix (all[i].code, "46"));
      g_assert_cmpint (hc_region_index (&all[i]), ==, (int) i);
      g_assert_true (hc_region_lookup (all[i].code) == &all[i]);
      g_assert_true (hc_region_lookup_by_name (all[i].name) == &all[i]);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (all[i].code, !=, all[j].code);
    }
}

static void
test_lookups (void)
{
  const HcRegion *r;

  r = hc_region_lookup ("460100");
  g_assert_nonnull (r);
  g_assert_cmpstr (r->name, ==, "海口市");
  r = hc_region_lookup ("469028");
  g_assert_cmpstr (r->name, ==, "陵水黎族自治县");
  g_assert_null (hc_region_lookup ("110000"));
  g_assert_null (hc_region_lookup ("4601"));
  g_assert_null (hc_region_lookup (NULL));

  r = hc_region_lookup_by_name ("三亚市");
  g_assert_cmpstr (r->code, ==, "460200");
  r = hc_region_lookup_by_name ("三亚");
  g_assert_cmpstr (r->code, ==, "460200");
  r = hc_region_lookup_by_name ("琼中");
  g_assert_cmpstr (r->code, ==, "469030");
  r = hc_region_lookup_by_name ("保亭黎族苗族自治县");
  g_assert_cmpstr (r->code, ==, "469029");
  g_assert_null (hc_region_lookup_by_name ("北京"));
  g_assert_null (hc_region_lookup_by_name (""));
  g_assert_null (hc_region_lookup_by_name ("海"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/region/table-has-19-unique-divisions", test_table);
  g_test_add_func ("/region/lookup-by-code-full-and-short-name", test_lookups);
  return g_test_run ();
}
