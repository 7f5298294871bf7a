/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes a 行政处罚 CSV for the import benchmark: N rows, a given share of
 * them bad in one of several ways (wrong USCC check, bad date, negative
 * amount, missing name, repeated decision number). */
#define G_LOG_DOMAIN "hc-import-gen"

#include "config.h"

#include <stdio.h>

#include "hc-core.h"

static const char *const authorities[] = {
  "海口市市场监督管理局", "三亚市市场监督管理局", "海南省生态环境厅", "国家税务总局海南省税务局",
  "海南省交通运输厅", "儋州市综合行政执法局",
};
static const char *const categories[] = { "罚款", "警告", "fine", "没收违法所得", "通报批评" };
static const char *const regions[] = { "460100", "460200", "460300", "460400", "469001" };

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251129);
  guint64 n;
  double bad;
  FILE *out;

  if (argc != 4 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXUINT32, &n, NULL))
    {
      g_printerr ("usage: %s ROWS BAD-FRACTION OUT.csv\n", argv[0]);
      return 2;
    }
  bad = g_ascii_strtod (argv[2], NULL);
  out = fopen (argv[3], "w");
  if (out == NULL)
    {
      perror (argv[3]);
      return 1;
    }
  fputs ("uscc,name,decision_no,authority,decided_on,category,amount,publicity_until\n", out);
  for (guint64 i = 1; i <= n; i++)
    {
      g_autofree char *uscc = hc_uscc_generate (rand, regions[g_rand_int_range (rand, 0, G_N_ELEMENTS (regions))]);
      guint year = 2021 + g_rand_int_range (rand, 0, 5);
      guint month = g_rand_int_range (rand, 1, 13);
      guint day = g_rand_int_range (rand, 1, 29);
      char decided[16], until[16];
      char decision_no[64];
      gboolean named = TRUE;
      double amount = g_rand_int_range (rand, 0, 500000) / 100.0 * 10;
      int kind = -1;

      g_snprintf (decided, sizeof decided, "%04u-%02u-%02u", year, month, day);
      g_snprintf (until, sizeof until, "%04u-%02u-%02u", year + 3, month, day);
      g_snprintf (decision_no, sizeof decision_no, "琼罚〔%u〕%" G_GUINT64_FORMAT "号", year, i);
      if (g_rand_double (rand) < bad)
        kind = g_rand_int_range (rand, 0, 5);
      switch (kind)
        {
        case 0: /* the check character off by one */
          uscc[17] = uscc[17] == '0' ? '1' : '0';
          break;
        case 1:
          g_snprintf (decided, sizeof decided, "%04u-02-30", year);
          break;
        case 2:
          amount = -amount - 1;
          break;
        case 3:
          named = FALSE;
          break;
        case 4:
          g_snprintf (decision_no, sizeof decision_no, "琼罚〔%u〕%" G_GUINT64_FORMAT "号", year, i > 1 ? i - 1 : i);
          break;
        default:
          break;
        }
      fprintf (out, "%s,", uscc);
      if (named)
        fprintf (out, "海南%s贸易有限公司%" G_GUINT64_FORMAT, i % 7 ? "椰风" : "南海", i);
      fprintf (out, ",%s,%s,%s,%s,%.2f,%s\n", decision_no,
               authorities[g_rand_int_range (rand, 0, G_N_ELEMENTS (authorities))], decided,
               categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))], amount, until);
    }
  return fclose (out) == 0 ? 0 : 1;
}
