/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data for 归集: monthly imports of every department's penalty,
 * license and commitment items, 2021–2025, with realistic error figures
 * (USCC errors ~0.05–0.15 %, other errors a little more). */
#define G_LOG_DOMAIN "hcs-demo-imports"

#include "config.h"

#include <math.h>

#include "hcs-demo.h"
#include "hcs-store-imports.h"

#define FIRST_YEAR 2021
#define LAST_YEAR  2025

static const char *const actors[] = { "analyst", "supervisor", "admin" };

static const char *
kind_label (const char *category)
{
  if (g_str_equal (category, "penalty"))
    return "行政处罚";
  if (g_str_equal (category, "license"))
    return "行政许可";
  return "信用承诺";
}

/* A binomial-ish draw: n × p, give or take. */
static gint64
errors_of (GRand  *rand,
           gint64  n,
           double  p)
{
  double mean = n * p;
  double sd = sqrt (MAX (mean, 1e-9));
  double v = mean + sd * (g_rand_double (rand) + g_rand_double (rand) + g_rand_double (rand) - 1.5) * 2;

  return CLAMP ((gint64) llround (v), 0, n);
}

gboolean
hcs_demo_seed_imports (HcsStore  *store,
                       GRand     *rand,
                       GError   **error)
{
  g_autoptr(JsonArray) items = hcs_store_imports_items (store, error);
  guint scale = hcs_demo_get_scale ();

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      gint64 year = json_object_get_int_member (item, "year");
      const char *category = json_object_get_string_member (item, "category");
      const char *department = json_object_get_string_member (item, "department_code");
      /* monthly for big items, quarterly for the others */
      guint step = g_rand_int_range (rand, 0, 3) == 0 ? 3 : 1;
      /* the office got better at it: error rates fall over the years */
      double quality = 1.0 - 0.12 * (CLAMP (year, FIRST_YEAR, LAST_YEAR) - FIRST_YEAR);

      if (year < FIRST_YEAR || year > LAST_YEAR)
        continue;
      for (guint month = 1; month <= 12; month += step)
        {
          g_autofree char *at = NULL;
          g_autofree char *file_name = NULL;
          g_autofree char *seed = NULL;
          g_autofree char *sha = NULL;
          g_autofree char *reasons = NULL;
          HcsPastImport past = { 0, };
          gint64 missing, dates, dup;

          past.kind = category;
          past.item_id = json_object_get_int_member (item, "id");
          past.actor = actors[g_rand_int_range (rand, 0, G_N_ELEMENTS (actors))];
          at = g_strdup_printf ("%04" G_GINT64_FORMAT "-%02u-%02dT%02d:%02d:%02dZ", year, month,
                                g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 1, 10),
                                g_rand_int_range (rand, 0, 60), g_rand_int_range (rand, 0, 60));
          past.at = at;
          file_name = g_strdup_printf ("%s-%s-%04" G_GINT64_FORMAT "%02u.%s", department,
                                       kind_label (category), year, month,
                                       g_rand_int_range (rand, 0, 4) == 0 ? "xlsx" : "csv");
          past.file_name = file_name;
          seed = g_strdup_printf ("%s/%s/%u", file_name, at, g_rand_int (rand));
          sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
          past.sha256 = sha;
          past.encoding = g_str_has_suffix (file_name, "xlsx") ? "xlsx"
                          : g_rand_int_range (rand, 0, 3) == 0 ? "gb18030" : "utf-8";
          past.rows_read = (gint64) g_rand_int_range (rand, 300, 6000) * step * scale;
          past.uscc_errors = errors_of (rand, past.rows_read,
                                        g_rand_double_range (rand, 0.0005, 0.0015) * quality);
          missing = errors_of (rand, past.rows_read, g_rand_double_range (rand, 0.0003, 0.0009) * quality);
          dates = errors_of (rand, past.rows_read, g_rand_double_range (rand, 0.0001, 0.0005) * quality);
          dup = errors_of (rand, past.rows_read, g_rand_double_range (rand, 0.0001, 0.0004));
          past.other_errors = missing + dates + dup;
          /* 重码: in one import of three, a few records whose code the
           * register knows under another name (kept, counted). Drawn from
           * the file's hash, not @rand, so the seeders after this one draw
           * as before. */
          past.uscc_duplicates = sha[0] < '6' ? MAX (1, past.rows_read / 5000) : 0;
          reasons = g_strdup_printf ("{\"duplicate\":%" G_GINT64_FORMAT ",\"invalid_date\":%" G_GINT64_FORMAT
                                     ",\"invalid_uscc_check\":%" G_GINT64_FORMAT
                                     ",\"missing_value\":%" G_GINT64_FORMAT "}",
                                     dup, dates, past.uscc_errors, missing);
          past.reasons = reasons;
          past.duration_ms = past.rows_read / 150 + g_rand_int_range (rand, 20, 400);
          if (!hcs_store_imports_insert_past (store, &past, error))
            return FALSE;
        }
    }
  return TRUE;
}
