/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of test-api-risk: the heat map, its counts, its cells and their export. */
#include "config.h"

#include <string.h>

#include "hc-core.h"
#include "hc-test-server.h"
#include "test-api-risk.h"

static int
month_index (const char *month)
{
  return atoi (month) * 12 + atoi (month + 5) - 1;
}

/* The events the heat map tests create, spread over 5 市县, 6 months of
 * 2024 and all 8 categories. */
typedef struct
{
  const char *region;
  char        date[16];
  const char *category;
  int         severity;
} Planned;

static const char * const plan_regions[] = { "460100", "460200", "469007", "469026", "460300" };

static guint
plan_events (Planned *out,
             guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      out[i].region = plan_regions[(i * 3) % G_N_ELEMENTS (plan_regions)];
      g_snprintf (out[i].date, sizeof out[i].date, "2024-%02u-%02u", 1 + (i * 7) % 6, 1 + i % 28);
      out[i].category = hc_risk_category_to_key ((HcRiskCategory) (i % HC_RISK_CATEGORY_N));
      out[i].severity = 1 + (int) (i % 5);
    }
  return n;
}

static void
assert_dense_rows (JsonObject *map)
{
  JsonArray *rows = json_object_get_array_member (map, "rows");
  JsonArray *names = json_object_get_array_member (map, "row_names");
  JsonArray *values = json_object_get_array_member (map, "values");
  guint n_columns = json_array_get_length (json_object_get_array_member (map, "columns"));
  const HcRegion *regions;
  guint n;

  regions = hc_regions_get_all (&n);
  g_assert_cmpuint (json_array_get_length (rows), ==, n);
  g_assert_cmpuint (json_array_get_length (values), ==, n);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (map, "column_names")), ==, n_columns);
  for (guint r = 0; r < n; r++)
    {
      g_assert_cmpstr (json_array_get_string_element (rows, r), ==, regions[r].code);
      g_assert_cmpstr (json_array_get_string_element (names, r), ==, regions[r].name);
      g_assert_cmpuint (json_array_get_length (json_array_get_array_element (values, r)), ==, n_columns);
    }
}

static void
test_heatmap_counts_match_events (void)
{
  g_autoptr(HcTestServer) fresh = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcTestResponse) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL, r6 = NULL;
  const char *admin = hc_test_server_token (fresh, "admin");
  Planned planned[48];
  guint n = plan_events (planned, G_N_ELEMENTS (planned));
  const HcRegion *regions = hc_regions_get_all (NULL);
  /* from 2023-12 to 2024-07: the first and last month have no events */
  int from = month_index ("2023-12");
  gint64 by_month[HC_N_REGIONS][8] = { { 0 } };
  gint64 by_category[HC_N_REGIONS][HC_RISK_CATEGORY_N] = { { 0 } };
  gint64 severity_by_region[HC_N_REGIONS] = { 0 };
  gint64 tourism_by_region[HC_N_REGIONS] = { 0 };
  JsonObject *map;
  double min, max;

  for (guint i = 0; i < n; i++)
    {
      int row = hc_region_index (hc_region_lookup (planned[i].region));
      HcRiskCategory cat;

      g_assert_true (hc_risk_category_from_key (planned[i].category, &cat));
      post_event (fresh, admin, planned[i].region, planned[i].date, planned[i].category, planned[i].severity);
      by_month[row][month_index (planned[i].date) - from]++;
      by_category[row][cat]++;
      severity_by_region[row] += planned[i].severity;
      if (cat == HC_RISK_CATEGORY_TOURISM)
        tourism_by_region[row]++;
    }
  /* An event outside the range counts nowhere. */
  post_event (fresh, admin, "460100", "2022-06-01", "finance", 5);

  /* by=region-month: dense, all 19 rows, 8 months, zeros in empty months */
  map = get_heatmap (fresh, "by=region-month&from=2023-12&to=2024-07", &r1);
  assert_dense_rows (map);
  g_assert_cmpstr (json_object_get_string_member (map, "by"), ==, "region-month");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (map, "columns")), ==, 8);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (map, "columns"), 0), ==, "2023-12");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (map, "columns"), 7), ==, "2024-07");
  min = G_MAXDOUBLE;
  max = -1;
  for (guint r = 0; r < HC_N_REGIONS; r++)
    for (guint c = 0; c < 8; c++)
      {
        g_assert_cmpfloat (cell (map, r, c), ==, (double) by_month[r][c]);
        min = MIN (min, by_month[r][c]);
        max = MAX (max, by_month[r][c]);
      }
  for (guint r = 0; r < HC_N_REGIONS; r++)
    {
      g_assert_cmpfloat (cell (map, r, 0), ==, 0);
      g_assert_cmpfloat (cell (map, r, 7), ==, 0);
    }
  g_assert_cmpfloat (json_object_get_double_member (map, "min"), ==, min);
  g_assert_cmpfloat (json_object_get_double_member (map, "max"), ==, max);
  g_assert_cmpint (json_object_get_int_member (map, "total"), ==, n);

  /* by=region-category */
  map = get_heatmap (fresh, "by=region-category&from=2024-01&to=2024-06", &r2);
  assert_dense_rows (map);
  for (guint c = 0; c < HC_RISK_CATEGORY_N; c++)
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (map, "columns"), c), ==,
                     hc_risk_category_to_key ((HcRiskCategory) c));
  for (guint r = 0; r < HC_N_REGIONS; r++)
    for (guint c = 0; c < HC_RISK_CATEGORY_N; c++)
      g_assert_cmpfloat (cell (map, r, c), ==, (double) by_category[r][c]);

  /* by=region, measure=severity: a single "total" column */
  map = get_heatmap (fresh, "by=region&from=2024-01&to=2024-06&measure=severity", &r3);
  assert_dense_rows (map);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (map, "columns"), 0), ==, "total");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (map, "columns")), ==, 1);
  for (guint r = 0; r < HC_N_REGIONS; r++)
    g_assert_cmpfloat (cell (map, r, 0), ==, (double) severity_by_region[r]);

  /* the category filter */
  map = get_heatmap (fresh, "by=region&from=2024-01&to=2024-06&category=tourism", &r4);
  for (guint r = 0; r < HC_N_REGIONS; r++)
    g_assert_cmpfloat (cell (map, r, 0), ==, (double) tourism_by_region[r]);
  g_assert_cmpstr (json_object_get_string_member (map, "category"), ==, "tourism");

  /* per10k: count × 10,000 / the 2020 census population of each 市县 */
  map = get_heatmap (fresh, "by=region&from=2022-01&to=2024-12&normalize=per10k", &r5);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM region_population"), ==, HC_N_REGIONS);
  max = 0;
  for (guint r = 0; r < HC_N_REGIONS; r++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT population FROM region_population WHERE region = '%s'",
                                              regions[r].code);
      gint64 population = hc_test_count_rows (fresh, sql);
      double count = 0, expected;

      for (guint c = 0; c < HC_RISK_CATEGORY_N; c++)
        count += by_category[r][c];
      if (r == 0)
        count += 1;   /* the 2022 event in 海口 */
      g_assert_cmpint (population, >, 0);
      expected = count * 10000.0 / population;
      g_assert_cmpfloat_with_epsilon (cell (map, r, 0), expected, 1e-9);
      max = MAX (max, expected);
    }
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (map, "max"), max, 1e-9);
  g_assert_cmpfloat (json_object_get_double_member (map, "min"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (map, "total"), ==, n + 1);

  /* without from/to: the months that have data */
  map = get_heatmap (fresh, "by=region-month", &r6);
  g_assert_cmpstr (json_object_get_string_member (map, "from"), ==, "2022-06");
  g_assert_cmpstr (json_object_get_string_member (map, "to"), ==, "2024-06");
  g_assert_cmpint (json_object_get_int_member (map, "total"), ==, n + 1);

  g_assert_cmpint (hc_test_count_rows (fresh, SQL_ROLLUP_DIVERGENCE), ==, 0);

  /* a write by another connection shows at once: no stale answer is kept */
  {
    g_autoptr(HcTestResponse) r7 = NULL;

    hc_test_exec_sql (fresh, "INSERT INTO risk_events (region, month, occurred_on, category, severity,"
                             " title, created_by, created_at) VALUES ('460300', '2024-03', '2024-03-03',"
                             " 'smuggling', 2, 't', 'test', '2024-03-03T00:00:00Z')");
    map = get_heatmap (fresh, "by=region-month&from=2023-12&to=2024-07", &r7);
    g_assert_cmpfloat (cell (map, 2, month_index ("2024-03") - from), ==, (double) (by_month[2][month_index ("2024-03") - from] + 1));
    g_assert_cmpint (json_object_get_int_member (map, "total"), ==, n + 1);
  }
}

static void
test_heatmap_bad_parameters_are_400 (void)
{
  static const struct { const char *query; const char *field; } cases[] = {
    { "by=county", "by" },
    { "measure=money", "measure" },
    { "normalize=per100", "normalize" },
    { "category=piracy", "category" },
    { "from=2024-13&to=2024-12", "from" },
    { "from=2024-01&to=24-12", "to" },
    { "from=2024-06&to=2024-01", "from" },
    { "from=2010-01&to=2020-01", "to" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/risk/heatmap?", cases[i].query, NULL);
      g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);

      hc_assert_status (r, 400, "invalid_parameter");
      g_assert_cmpstr (hc_test_response_error_field (r), ==, cases[i].field);
    }
  {
    /* exactly 120 months is allowed */
    g_autoptr(HcTestResponse) ok = hc_test_request (server, "GET", "/risk/heatmap?from=2010-01&to=2019-12", analyst, NULL);
    g_autoptr(HcTestResponse) anon = hc_test_request (server, "GET", "/risk/heatmap", NULL, NULL);

    hc_assert_status (ok, 200, NULL);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (ok), "columns")), ==, 120);
    hc_assert_status (anon, 401, "unauthenticated");
  }
}

/* The row of @items for @region and @column. */
static JsonObject *
find_cell (JsonArray  *items,
           const char *region,
           const char *column)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *row = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (row, "region"), region) &&
          g_str_equal (json_object_get_string_member (row, "column"), column))
        return row;
    }
  g_error ("no cell %s × %s", region, column);
  return NULL;
}

/* The heat map's numbers as a listing: every 市县 × column, with the
 * events, per 10,000 residents and the sum of severities the map shows;
 * the same filters; bad ones refused at their parameter; a CSV of them. */
static void
test_heatmap_cells_are_the_maps_numbers (void)
{
  g_autoptr(HcTestServer) fresh = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  const char *admin = hc_test_server_token (fresh, "admin");
  g_autoptr(HcTestResponse) by_category = NULL;
  g_autoptr(HcTestResponse) per10k = NULL;
  g_autoptr(HcTestResponse) severity = NULL;
  g_autoptr(HcTestResponse) by_month = NULL;
  g_autoptr(HcTestResponse) by_region = NULL;
  g_autoptr(HcTestResponse) bad_by = NULL;
  g_autoptr(HcTestResponse) bad_period = NULL;
  g_autoptr(HcTestResponse) bad_category = NULL;
  g_autoptr(HcTestResponse) csv = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *page, *map, *cell;
  JsonArray *items;
  guint n_lines = 0;
  double expected;
  int row;

  post_event (fresh, admin, "460100", "2025-01-10", "finance", 3);
  post_event (fresh, admin, "460100", "2025-02-10", "finance", 2);
  post_event (fresh, admin, "460100", "2025-02-12", "tourism", 5);
  post_event (fresh, admin, "460200", "2025-03-01", "smuggling", 4);
  post_event (fresh, admin, "460200", "2025-04-01", "smuggling", 4);   /* after the period */

  page = get_ok (fresh, admin, "/risk/heatmap/cells?by=region-category&from=2025-01&to=2025-03", &by_category);
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, HC_N_REGIONS * HC_RISK_CATEGORY_N);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, HC_N_REGIONS * HC_RISK_CATEGORY_N);
  cell = find_cell (items, "460100", "finance");
  g_assert_cmpstr (json_object_get_string_member (cell, "region_name"), ==, "海口市");
  /* The server's labels follow its locale; the 市县's names are data. */
  g_assert_cmpstr (json_object_get_string_member (cell, "column_name"), ==,
                   hc_risk_category_label (HC_RISK_CATEGORY_FINANCE));
  g_assert_cmpint (json_object_get_int_member (cell, "events"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (cell, "severity"), ==, 5);
  /* Per 10,000 residents as the map has it, to two places. */
  map = get_ok (fresh, admin, "/risk/heatmap?by=region-category&from=2025-01&to=2025-03&normalize=per10k", &per10k);
  row = 0;
  while (!g_str_equal (json_array_get_string_element (json_object_get_array_member (map, "rows"), row), "460100"))
    row++;
  expected = json_array_get_double_element (json_array_get_array_element (json_object_get_array_member (map, "values"), row),
                                            HC_RISK_CATEGORY_FINANCE);
  g_assert_cmpfloat (expected, >, 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (cell, "per_10k"), expected, 0.005 + 1e-9);
  map = get_ok (fresh, admin, "/risk/heatmap?by=region-category&from=2025-01&to=2025-03&measure=severity", &severity);
  g_assert_cmpint (json_array_get_int_element (json_array_get_array_element (json_object_get_array_member (map, "values"), row),
                                               HC_RISK_CATEGORY_TOURISM),
                   ==, json_object_get_int_member (find_cell (items, "460100", "tourism"), "severity"));
  g_assert_cmpint (json_object_get_int_member (find_cell (items, "460200", "smuggling"), "events"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (find_cell (items, "460200", "finance"), "events"), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (find_cell (items, "460200", "finance"), "per_10k"), ==, 0);

  /* By month, one category: 海口's finance in January and February. */
  page = get_ok (fresh, admin, "/risk/heatmap/cells?by=region-month&from=2025-01&to=2025-03&category=finance", &by_month);
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, HC_N_REGIONS * 3);
  g_assert_cmpint (json_object_get_int_member (find_cell (items, "460100", "2025-01"), "events"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (find_cell (items, "460100", "2025-02"), "events"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (find_cell (items, "460100", "2025-03"), "events"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (find_cell (items, "460200", "2025-03"), "events"), ==, 0);

  /* In total, one category: a row a 市县, named by the category. */
  page = get_ok (fresh, admin, "/risk/heatmap/cells?by=region&from=2025-01&to=2025-04&category=smuggling", &by_region);
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, HC_N_REGIONS);
  cell = find_cell (items, "460200", "total");
  g_assert_cmpint (json_object_get_int_member (cell, "events"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (cell, "column_name"), ==,
                   hc_risk_category_label (HC_RISK_CATEGORY_SMUGGLING));

  bad_by = hc_test_request (fresh, "GET", "/risk/heatmap/cells?by=week", admin, NULL);
  hc_assert_status (bad_by, 400, "invalid_parameter");
  g_assert_cmpstr (hc_test_response_error_field (bad_by), ==, "by");
  bad_period = hc_test_request (fresh, "GET", "/risk/heatmap/cells?from=2025-05&to=2025-01", admin, NULL);
  hc_assert_status (bad_period, 400, "invalid_parameter");
  g_assert_cmpstr (hc_test_response_error_field (bad_period), ==, "from");
  bad_category = hc_test_request (fresh, "GET", "/risk/heatmap/cells?category=weather", admin, NULL);
  hc_assert_status (bad_category, 400, "invalid_parameter");
  g_assert_cmpstr (hc_test_response_error_field (bad_category), ==, "category");

  /* The export: a header and a line a cell. */
  csv = hc_test_request_accept (fresh, "GET", "/risk/heatmap/cells?by=region-category&from=2025-01&to=2025-03",
                                admin, NULL, NULL, NULL, "text/csv");
  hc_assert_status (csv, 200, NULL);
  g_assert_cmpstr (csv->content_type, ==, "text/csv");
  text = g_strndup (g_bytes_get_data (csv->body, NULL), g_bytes_get_size (csv->body));
  /* No Accept-Language: the office's Chinese, whatever the server's locale. */
  g_assert_nonnull (strstr (text, "市县,月份/风险类别,事件数,每万人口事件数,严重程度合计"));
  g_assert_nonnull (strstr (text, "海口市,金融,2,"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    n_lines += g_strstrip (lines[i])[0] != '\0';
  g_assert_cmpuint (n_lines, ==, 1 + HC_N_REGIONS * HC_RISK_CATEGORY_N);
}

/* An export speaks its reader's language (Accept-Language, as the app
 * sends its locale), not the server's: the same cells for an English and a
 * Chinese reader, one after the other, each with their own headers, sheet
 * labels and categories; a language the server does not write falls to the
 * next the reader accepts, or to Chinese. */
static void
test_heatmap_cells_export_in_the_readers_language (void)
{
  g_autoptr(HcTestServer) fresh = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  const char *admin = hc_test_server_token (fresh, "admin");
  const char *path = "/risk/heatmap/cells?by=region-category&from=2025-01&to=2025-03";
  g_autofree char *english = NULL;
  g_autofree char *chinese = NULL;
  g_autofree char *french_then_english = NULL;
  g_autofree char *german = NULL;
  g_autofree char *c_locale = NULL;

  post_event (fresh, admin, "460100", "2025-02-03", "finance", 3);
  english = hc_test_get_csv (fresh, path, admin, "en-GB,en;q=0.9");
  chinese = hc_test_get_csv (fresh, path, admin, "zh-CN");
  g_assert_nonnull (strstr (english, "City or county,Month / risk category,Events,"
                                     "\"Events per 10,000 residents\",Sum of severities"));
  g_assert_nonnull (strstr (english, "Haikou,Finance,1,"));
  g_assert_null (strstr (english, "海口市"));
  g_assert_null (strstr (english, "金融"));
  g_assert_nonnull (strstr (chinese, "市县,月份/风险类别,事件数,每万人口事件数,严重程度合计"));
  g_assert_nonnull (strstr (chinese, "海口市,金融,1,"));
  g_assert_null (strstr (chinese, "Finance"));

  /* By preference: French is not written, English is next. */
  french_then_english = hc_test_get_csv (fresh, path, admin, "fr-FR, zh;q=0.5, en;q=0.8");
  g_assert_nonnull (strstr (french_then_english, "City or county,"));
  german = hc_test_get_csv (fresh, path, admin, "de");
  g_assert_nonnull (strstr (german, "市县,"));
  /* The app in the untranslated locale sends "C". */
  c_locale = hc_test_get_csv (fresh, path, admin, "C");
  g_assert_nonnull (strstr (c_locale, "City or county,"));
}

/* An analyst's answers are masked (ID numbers in their strings): a per
 * 10,000 figure whose 15 digits after the point look like a first-
 * generation ID number — 163 events in 五指山市 (112,269 residents) are
 * 14.518700620830327 — stays that number, in valid JSON, the same as the
 * administrator's, answered afresh and from the cache alike. */
static void
test_heatmap_per10k_is_not_masked (void)
{
  g_autoptr(HcTestServer) fresh = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  const char *path = "/risk/heatmap?by=region&from=2024-05&to=2024-05&normalize=per10k";
  int row = hc_region_index (hc_region_lookup ("469001"));
  double expected = 163 * 10000.0 / 112269;
  const char *tokens[2];

  hc_test_exec_sql (fresh, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 163)"
                           " INSERT INTO risk_events (region, month, occurred_on, category, severity, title,"
                           " created_by, created_at) SELECT '469001', '2024-05', '2024-05-06', 'tourism', 1,"
                           " 't', 'test', '2024-05-06T00:00:00Z' FROM n");
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT population FROM region_population WHERE region = '469001'"),
                   ==, 112269);
  tokens[0] = hc_test_server_token (fresh, "admin");
  tokens[1] = hc_test_create_user (fresh, "per10k.analyst", "analyst");
  for (guint i = 0; i < 2; i++)
    for (guint who = 0; who < 2; who++)
      {
        g_autoptr(HcTestResponse) r = NULL;
        JsonObject *map = get_ok (fresh, tokens[who], path, &r);
        JsonArray *values = json_object_get_array_member (map, "values");
        gsize len;
        const char *body = g_bytes_get_data (r->body, &len);

        g_assert_cmpfloat (json_array_get_double_element (json_array_get_array_element (values, row), 0),
                           ==, expected);
        g_assert_nonnull (g_strstr_len (body, (gssize) len, "14.518700620830327"));
      }
}

void
hc_test_risk_heatmap_add (void)
{
  g_test_add_func ("/risk/heatmap/counts-match-events-created", test_heatmap_counts_match_events);
  g_test_add_func ("/risk/heatmap/bad-parameters-are-400", test_heatmap_bad_parameters_are_400);
  g_test_add_func ("/risk/heatmap/cells-are-the-maps-numbers", test_heatmap_cells_are_the_maps_numbers);
  g_test_add_func ("/risk/heatmap/cells-export-in-the-readers-language",
                   test_heatmap_cells_export_in_the_readers_language);
  g_test_add_func ("/risk/heatmap/per10k-is-not-masked", test_heatmap_per10k_is_not_masked);
}
