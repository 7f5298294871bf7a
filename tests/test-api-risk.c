/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests: risk events and the heat map read from their monthly roll-up. */
#include "config.h"

#include <string.h>


#include "hc-core.h"
#include "hc-test-server.h"

#define ANALYST_PW    "analyst-password-1"
#define SUPERVISOR_PW "supervisor-password-1"

/* The roll-up differs from the aggregate of the events in this many rows. */
#define SQL_ROLLUP_DIVERGENCE \
  "SELECT count(*) FROM (" \
  " SELECT * FROM (SELECT region, month, category, events, severity_sum FROM risk_rollup" \
  "  EXCEPT SELECT region, month, category, count(*), sum(severity) FROM risk_events GROUP BY 1, 2, 3) AS extra" \
  " UNION ALL" \
  " SELECT * FROM (SELECT region, month, category, count(*), sum(severity) FROM risk_events GROUP BY 1, 2, 3" \
  "  EXCEPT SELECT region, month, category, events, severity_sum FROM risk_rollup) AS missing) AS divergent"

static HcTestServer *server;
static char *analyst;
static char *supervisor;

/* Creates a user through the API and signs in as them. */
static char *
add_user (HcTestServer *srv,
          const char   *name,
          const char   *role,
          const char   *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"}",
                                           name, password, role);
  g_autoptr(HcTestResponse) r = hc_test_request (srv, "POST", "/users", hc_test_server_token (srv, "admin"), body);

  hc_assert_status (r, 201, NULL);
  return hc_test_server_login (srv, name, password);
}

static gint64
post_event (HcTestServer *srv,
            const char   *token,
            const char   *region,
            const char   *date,
            const char   *category,
            int           severity)
{
  g_autofree char *body =
    g_strdup_printf ("{\"region\":\"%s\",\"occurred_on\":\"%s\",\"category\":\"%s\",\"severity\":%d,"
                     "\"title\":\"风险事件 %s\"}", region, date, category, severity, date);
  g_autoptr(HcTestResponse) r = hc_test_request (srv, "POST", "/risk/events", token, body);

  hc_assert_status (r, 201, NULL);
  g_assert_nonnull (r->etag);
  return json_object_get_int_member (hc_test_response_object (r), "id");
}

static JsonObject *
get_heatmap (HcTestServer    *srv,
             const char      *query,
             HcTestResponse **keep)
{
  g_autofree char *path = g_strconcat ("/risk/heatmap?", query, NULL);
  HcTestResponse *r = hc_test_request (srv, "GET", path, hc_test_server_token (srv, "admin"), NULL);

  hc_assert_status (r, 200, NULL);
  *keep = r;
  return hc_test_response_object (r);
}

static double
cell (JsonObject *map,
      guint       row,
      guint       column)
{
  JsonArray *values = json_object_get_array_member (map, "values");
  JsonNode *node = json_array_get_element (json_array_get_array_element (values, row), column);

  return json_node_get_double (node);
}

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

static void
test_events_validation_changes_nothing (void)
{
  static const struct { const char *body; guint status; const char *code; const char *field; } cases[] = {
    { "{\"occurred_on\":\"2024-01-01\",\"category\":\"finance\",\"severity\":1,\"title\":\"t\"}", 422, "missing_field", "region" },
    { "{\"region\":\"110000\",\"occurred_on\":\"2024-01-01\",\"category\":\"finance\",\"severity\":1,\"title\":\"t\"}", 422, "invalid_region", "region" },
    { "{\"region\":\"460100\",\"occurred_on\":\"2024-02-30\",\"category\":\"finance\",\"severity\":1,\"title\":\"t\"}", 422, "invalid_date", "occurred_on" },
    { "{\"region\":\"460100\",\"occurred_on\":\"2024/01/01\",\"category\":\"finance\",\"severity\":1,\"title\":\"t\"}", 422, "invalid_date", "occurred_on" },
    { "{\"region\":\"460100\",\"occurred_on\":\"2999-01-01\",\"category\":\"finance\",\"severity\":1,\"title\":\"t\"}", 422, "invalid_date", "occurred_on" },
    { "{\"region\":\"460100\",\"occurred_on\":\"2024-01-01\",\"category\":\"piracy\",\"severity\":1,\"title\":\"t\"}", 422, "invalid_category", "category" },
    { "{\"region\":\"460100\",\"occurred_on\":\"2024-01-01\",\"category\":\"finance\",\"severity\":6,\"title\":\"t\"}", 422, "invalid_severity", "severity" },
    { "{\"region\":\"460100\",\"occurred_on\":\"2024-01-01\",\"category\":\"finance\",\"severity\":0,\"title\":\"t\"}", 422, "invalid_severity", "severity" },
    { "{\"region\":\"460100\",\"occurred_on\":\"2024-01-01\",\"category\":\"finance\",\"severity\":1,\"title\":\"  \"}", 422, "missing_field", "title" },
    { "{\"region\":\"460100\",\"occurred_on\":\"2024-01-01\",\"category\":\"finance\",\"severity\":1,\"title\":\"t\",\"subject\":\"91460000MA5T000000\"}", 422, "unknown_subject", "subject" },
    { "{\"region\":\"460100\",\"occurred_on\":\"2024-01-01\",\"category\":\"finance\",\"severity\":1,\"title\":\"t\",\"department_id\":999999}", 422, "unknown_department", "department_id" },
    { "{\"region\":\"460100\",\"occurred_on\":\"2024-01-01\",\"category\":\"finance\",\"severity\":\"high\",\"title\":\"t\"}", 400, "invalid_type", "severity" },
    { "{\"region\":460100,\"occurred_on\":\"2024-01-01\",\"category\":\"finance\",\"severity\":1,\"title\":\"t\"}", 400, "invalid_type", "region" },
    { "{\"region\":\"460100\"", 400, "invalid_json", NULL },
    { "[1,2]", 400, NULL, NULL },
  };
  gint64 before = hc_test_count_rows (server, "SELECT count(*) FROM risk_events");
  gint64 audit_before = hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE entity = 'risk_event'");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/risk/events", analyst, cases[i].body);

      hc_assert_status (r, cases[i].status, cases[i].code);
      if (cases[i].field != NULL)
        g_assert_cmpstr (hc_test_response_error_field (r), ==, cases[i].field);
    }
  {
    GString *big = g_string_new ("{\"region\":\"460100\",\"occurred_on\":\"2024-01-01\",\"category\":\"finance\","
                                 "\"severity\":1,\"title\":\"");

    for (guint i = 0; i < 201; i++)
      g_string_append (big, "险");
    g_string_append (big, "\"}");
    {
      g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/risk/events", analyst, big->str);

      hc_assert_status (r, 422, "invalid_title");
    }
    g_string_free (big, TRUE);
  }
  {
    gsize size = 5 * 1024 * 1024;
    g_autofree char *huge = g_malloc (size);
    g_autoptr(GBytes) body = NULL;
    g_autoptr(HcTestResponse) r = NULL;

    memset (huge, ' ', size);
    huge[0] = '{';
    huge[size - 1] = '}';
    body = g_bytes_new_take (g_steal_pointer (&huge), size);
    r = hc_test_request_full (server, "POST", "/risk/events", analyst, "application/json", body, NULL);
    hc_assert_status (r, 413, NULL);
  }
  {
    g_autoptr(HcTestResponse) anon =
      hc_test_request (server, "POST", "/risk/events", NULL,
                       "{\"region\":\"460100\",\"occurred_on\":\"2024-01-01\",\"category\":\"finance\","
                       "\"severity\":1,\"title\":\"t\"}");
    g_autoptr(HcTestResponse) anon_list = hc_test_request (server, "GET", "/risk/events", NULL, NULL);

    hc_assert_status (anon, 401, "unauthenticated");
    hc_assert_status (anon_list, 401, "unauthenticated");
  }
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM risk_events"), ==, before);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE entity = 'risk_event'"), ==, audit_before);
}

static void
test_events_create_get_and_audit (void)
{
  g_autoptr(HcTestResponse) dept = NULL, created = NULL, got = NULL, missing = NULL, bad = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *body = NULL;
  JsonObject *obj;
  gint64 id, dept_id;

  dept = hc_test_request (server, "POST", "/departments", hc_test_server_token (server, "admin"),
                          "{\"code\":\"HG-T\",\"name\":\"测试海关\"}");
  hc_assert_status (dept, 201, NULL);
  dept_id = json_object_get_int_member (hc_test_response_object (dept), "id");
  body = g_strdup_printf ("{\"region\":\"469007\",\"occurred_on\":\"2025-01-15\",\"category\":\"smuggling\","
                          "\"severity\":4,\"title\":\"东方市走私冻品案件线索\",\"description\":\"渔港夜间卸货\","
                          "\"department_id\":%" G_GINT64_FORMAT "}", dept_id);
  created = hc_test_request (server, "POST", "/risk/events", analyst, body);
  hc_assert_status (created, 201, NULL);
  obj = hc_test_response_object (created);
  id = json_object_get_int_member (obj, "id");
  g_assert_cmpstr (json_object_get_string_member (obj, "month"), ==, "2025-01");
  g_assert_cmpstr (json_object_get_string_member (obj, "created_by"), ==, "ana");
  g_assert_cmpint (json_object_get_int_member (obj, "department_id"), ==, dept_id);
  g_assert_cmpstr (created->etag, ==, "\"1\"");

  path = g_strdup_printf ("/risk/events/%" G_GINT64_FORMAT, id);
  got = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (got, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (got), "title"), ==, "东方市走私冻品案件线索");
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (got), "description"), ==, "渔港夜间卸货");
  g_assert_cmpstr (got->etag, ==, "\"1\"");

  missing = hc_test_request (server, "GET", "/risk/events/987654", analyst, NULL);
  hc_assert_status (missing, 404, "not_found");
  bad = hc_test_request (server, "GET", "/risk/events/abc", analyst, NULL);
  hc_assert_status (bad, 404, "not_found");

  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'risk_event.create' AND entity = 'risk_event'"
                         " AND entity_id = '%" G_GINT64_FORMAT "' AND actor = 'ana' AND before IS NULL"
                         " AND CAST (json_extract (after, '$.severity') AS INTEGER) = 4", id);
  g_assert_cmpint (hc_test_count_rows (server, sql), ==, 1);
}

static void
test_events_name_a_known_subject (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (46);
  g_autofree char *uscc = hc_uscc_generate (rand, "469007");
  g_autofree char *lower = g_ascii_strdown (uscc, -1);
  g_autofree char *subject_body =
    g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"东方市八所渔业有限公司\",\"type\":\"legal_person\","
                     "\"region\":\"469007\",\"industry\":\"渔业\"}", uscc);
  g_autofree char *event_body =
    g_strdup_printf ("{\"region\":\"469007\",\"occurred_on\":\"2025-02-02\",\"category\":\"smuggling\","
                     "\"severity\":2,\"title\":\"渔船夹带冻品\",\"subject\":\" %s \"}", lower);
  g_autoptr(HcTestResponse) subject = hc_test_request (server, "POST", "/subjects", analyst, subject_body);
  g_autoptr(HcTestResponse) event = NULL;
  g_autoptr(HcTestResponse) listed = NULL;
  JsonArray *items;

  hc_assert_status (subject, 201, NULL);
  event = hc_test_request (server, "POST", "/risk/events", analyst, event_body);
  hc_assert_status (event, 201, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (event), "subject"), ==, uscc);

  listed = hc_test_request (server, "GET", "/risk/events?region=469007&from=2025-02&to=2025-02&category=smuggling",
                            analyst, NULL);
  hc_assert_status (listed, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (listed), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "subject"), ==, uscc);
}

static void
test_events_delete_needs_role_and_version (void)
{
  gint64 id = post_event (server, analyst, "460200", "2023-02-14", "tourism", 3);
  gint64 rollup_before =
    hc_test_count_rows (server, "SELECT coalesce (sum (events), 0) FROM risk_rollup"
                                " WHERE region = '460200' AND month = '2023-02' AND category = 'tourism'");
  g_autofree char *path = g_strdup_printf ("/risk/events/%" G_GINT64_FORMAT, id);
  g_autofree char *sql = NULL;
  g_autoptr(HcTestResponse) as_analyst = NULL, no_match = NULL, stale = NULL, ok = NULL, again = NULL, gone = NULL;
  g_autoptr(HcTestResponse) map_r = NULL;
  JsonObject *map;

  /* asked before and after the delete, of every worker: answers kept
   * from before must not outlive the change */
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(HcTestResponse) before_r = NULL;

      map = get_heatmap (server, "by=region-month&from=2023-02&to=2023-02&category=tourism", &before_r);
      g_assert_cmpfloat (cell (map, 1, 0), ==, (double) rollup_before);
    }

  as_analyst = hc_test_request_full (server, "DELETE", path, analyst, NULL, NULL, "\"1\"");
  hc_assert_status (as_analyst, 403, "forbidden");
  no_match = hc_test_request (server, "DELETE", path, supervisor, NULL);
  hc_assert_status (no_match, 428, "precondition_required");
  stale = hc_test_request_full (server, "DELETE", path, supervisor, NULL, NULL, "\"7\"");
  hc_assert_status (stale, 412, NULL);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM risk_rollup"
                                               " WHERE region = '460200' AND month = '2023-02' AND category = 'tourism'"
                                               " AND events = 1"), ==, rollup_before == 1 ? 1 : 0);

  ok = hc_test_request_full (server, "DELETE", path, supervisor, NULL, NULL, "\"1\"");
  hc_assert_status (ok, 204, NULL);
  gone = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (gone, 404, "not_found");
  again = hc_test_request_full (server, "DELETE", path, supervisor, NULL, NULL, "\"1\"");
  hc_assert_status (again, 404, "not_found");

  /* the roll-up followed, and the heat map with it */
  g_assert_cmpint (hc_test_count_rows (server, "SELECT coalesce (sum (events), 0) FROM risk_rollup"
                                               " WHERE region = '460200' AND month = '2023-02' AND category = 'tourism'"),
                   ==, rollup_before - 1);
  g_assert_cmpint (hc_test_count_rows (server, SQL_ROLLUP_DIVERGENCE), ==, 0);
  for (guint i = 0; i < 8; i++)
    {
      g_clear_pointer (&map_r, hc_test_response_free);
      map = get_heatmap (server, "by=region-month&from=2023-02&to=2023-02&category=tourism", &map_r);
      g_assert_cmpfloat (cell (map, 1, 0), ==, (double) (rollup_before - 1));
    }

  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'risk_event.delete'"
                         " AND entity_id = '%" G_GINT64_FORMAT "' AND actor = 'sup' AND after IS NULL"
                         " AND json_extract (before, '$.region') = '460200'", id);
  g_assert_cmpint (hc_test_count_rows (server, sql), ==, 1);
}

static void
test_events_page_newest_first_with_filters (void)
{
  g_autoptr(HcTestServer) fresh = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  const char *admin = hc_test_server_token (fresh, "admin");
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cursor = NULL;
  guint pages = 0;

  /* 海口 events over 2024, several on the same day, plus others */
  for (guint i = 0; i < 13; i++)
    {
      g_autofree char *date = g_strdup_printf ("2024-%02u-%02u", 1 + i % 12, 1 + i / 3);

      post_event (fresh, admin, "460100", date, i % 2 ? "finance" : "food_drug", 1 + (int) (i % 5));
    }
  post_event (fresh, admin, "460200", "2024-05-05", "finance", 5);
  post_event (fresh, admin, "460100", "2023-12-31", "finance", 5);

  do
    {
      g_autofree char *path =
        g_strdup_printf ("/risk/events?region=460100&from=2024-01&to=2024-12&limit=4&total=1%s%s",
                         cursor ? "&cursor=" : "", cursor ? cursor : "");
      g_autoptr(HcTestResponse) r = hc_test_request (fresh, "GET", path, admin, NULL);
      JsonObject *obj;
      JsonArray *items;

      hc_assert_status (r, 200, NULL);
      obj = hc_test_response_object (r);
      g_assert_cmpint (json_object_get_int_member (obj, "total"), ==, 13);
      items = json_object_get_array_member (obj, "items");
      g_assert_cmpuint (json_array_get_length (items), <=, 4);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *e = json_array_get_object_element (items, i);

          g_assert_cmpstr (json_object_get_string_member (e, "region"), ==, "460100");
          g_ptr_array_add (seen, g_strdup_printf ("%s/%08" G_GINT64_FORMAT,
                                                  json_object_get_string_member (e, "occurred_on"),
                                                  json_object_get_int_member (e, "id")));
        }
      g_clear_pointer (&cursor, g_free);
      if (!json_object_get_null_member (obj, "next_cursor"))
        cursor = g_uri_escape_string (json_object_get_string_member (obj, "next_cursor"), NULL, FALSE);
      pages++;
    }
  while (cursor != NULL && pages < 10);

  g_assert_cmpuint (pages, ==, 4);
  g_assert_cmpuint (seen->len, ==, 13);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpstr (g_ptr_array_index (seen, i - 1), >, g_ptr_array_index (seen, i));

  {
    g_autoptr(HcTestResponse) r =
      hc_test_request (fresh, "GET", "/risk/events?category=finance&severity_min=5&total=1", admin, NULL);
    g_autoptr(HcTestResponse) finance =
      hc_test_request (fresh, "GET", "/risk/events?category=finance&to=2024-04&total=1", admin, NULL);
    g_autoptr(HcTestResponse) bad1 = hc_test_request (fresh, "GET", "/risk/events?region=999999", admin, NULL);
    g_autoptr(HcTestResponse) bad2 = hc_test_request (fresh, "GET", "/risk/events?severity_min=9", admin, NULL);
    g_autoptr(HcTestResponse) bad3 = hc_test_request (fresh, "GET", "/risk/events?cursor=zzz", admin, NULL);
    g_autoptr(HcTestResponse) bad4 = hc_test_request (fresh, "GET", "/risk/events?from=2024-1", admin, NULL);

    hc_assert_status (r, 200, NULL);
    /* finance with severity 5: 2 of the 13, and the two others */
    g_assert_cmpint (json_object_get_int_member (hc_test_response_object (r), "total"), ==,
                     hc_test_count_rows (fresh, "SELECT count(*) FROM risk_events WHERE category = 'finance' AND severity = 5"));
    g_assert_cmpint (json_object_get_int_member (hc_test_response_object (r), "total"), >=, 2);
    hc_assert_status (finance, 200, NULL);
    g_assert_cmpint (json_object_get_int_member (hc_test_response_object (finance), "total"), ==,
                     hc_test_count_rows (fresh, "SELECT count(*) FROM risk_events WHERE category = 'finance'"
                                                " AND occurred_on < '2024-05-01'"));
    hc_assert_status (bad1, 400, "invalid_parameter");
    hc_assert_status (bad2, 400, "invalid_parameter");
    hc_assert_status (bad3, 400, "invalid_cursor");
    hc_assert_status (bad4, 400, "invalid_parameter");
  }
}

/* The demo dataset takes long to seed: its tests share one server, which
 * they only read. */
static HcTestServer *demo_server;

static HcTestServer *
get_demo_server (void)
{
  if (demo_server == NULL)
    demo_server = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  return demo_server;
}

static void
test_demo_rollup_equals_events (void)
{
  HcTestServer *demo = get_demo_server ();
  g_autoptr(HcTestResponse) r = NULL;
  JsonObject *map;
  gint64 sanya_winter, sanya_summer;

  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM risk_events"), ==, 200000);
  g_assert_cmpint (hc_test_count_rows (demo, SQL_ROLLUP_DIVERGENCE), ==, 0);
  /* every category, every month of 2021–2025 */
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(DISTINCT category) FROM risk_events"), ==, 8);
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(DISTINCT month) FROM risk_rollup"), ==, 60);

  map = get_heatmap (demo, "by=region-month", &r);
  g_assert_cmpstr (json_object_get_string_member (map, "from"), ==, "2021-01");
  g_assert_cmpstr (json_object_get_string_member (map, "to"), ==, "2025-12");
  g_assert_cmpint (json_object_get_int_member (map, "total"), ==, 200000);

  /* a hot spot: tourism in 三亚 in the high season */
  sanya_winter = hc_test_count_rows (demo, "SELECT count(*) FROM risk_events WHERE region = '460200'"
                                           " AND category = 'tourism' AND month = '2024-01'");
  sanya_summer = hc_test_count_rows (demo, "SELECT count(*) FROM risk_events WHERE region = '460200'"
                                           " AND category = 'tourism' AND month = '2024-07'");
  g_assert_cmpint (sanya_winter, >, 2 * sanya_summer);
}

/* Early warning ----------------------------------------------------------- */

static guint uscc_serial;

static char *
make_uscc (const char *division)
{
  char code[19];

  g_snprintf (code, sizeof code, "91%.6s%08u", division, 20000000 + uscc_serial++);
  code[16] = hc_org_code_compute_check (code + 8);
  code[17] = '\0';
  code[17] = hc_uscc_compute_check (code);
  code[18] = '\0';
  return g_strdup (code);
}

static JsonObject *
open_alerts (HcTestServer    *srv,
             const char      *token,
             HcTestResponse **keep)
{
  HcTestResponse *r = hc_test_request (srv, "GET", "/risk/alerts?state=open&total=1", token, NULL);

  hc_assert_status (r, 200, NULL);
  *keep = r;
  return hc_test_response_object (r);
}

static HcTestResponse *
alert_request (HcTestServer *srv,
               const char   *token,
               gint64        id,
               const char   *verb,
               const char   *etag,
               const char   *body)
{
  g_autofree char *path = g_strdup_printf ("/risk/alerts/%" G_GINT64_FORMAT "/%s", id, verb);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return hc_test_request_full (srv, "POST", path, token, "application/json", bytes, etag);
}

static char *
alert_etag (HcTestServer *srv,
            const char   *token,
            gint64        id)
{
  g_autofree char *path = g_strdup_printf ("/risk/alerts/%" G_GINT64_FORMAT, id);
  g_autoptr(HcTestResponse) r = hc_test_request (srv, "GET", path, token, NULL);

  hc_assert_status (r, 200, NULL);
  g_assert_nonnull (r->etag);
  return g_strdup (r->etag);
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

static JsonObject *
get_ok (HcTestServer    *srv,
        const char      *token,
        const char      *path,
        HcTestResponse **keep)
{
  HcTestResponse *r = hc_test_request (srv, "GET", path, token, NULL);

  hc_assert_status (r, 200, NULL);
  *keep = r;
  return hc_test_response_object (r);
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

static void
add_graded (HcTestServer *srv,
            const char   *token,
            const char   *region,
            const char   *grade)
{
  g_autofree char *uscc = make_uscc (region);
  g_autofree char *body =
    g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"评级导出测试企业%s\",\"type\":\"legal_person\","
                     "\"industry\":\"批发和零售业\",\"region\":\"%s\"%s%s%s}", uscc, uscc, region,
                     grade ? ",\"grade_reason\":\"测试设定等级\",\"grade\":\"" : "", grade ? grade : "", grade ? "\"" : "");
  g_autoptr(HcTestResponse) r = hc_test_request (srv, "POST", "/subjects", token, body);

  hc_assert_status (r, 201, NULL);
}

/* The heat map's grade measure as a listing: a row a 市县 with its subjects
 * by grade and the share of C and D among the graded, the same numbers as
 * /grading/distribution; it exports, in the reader's language. */
static void
test_grade_regions_export (void)
{
  g_autoptr(HcTestServer) fresh = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  const char *admin = hc_test_server_token (fresh, "admin");
  g_autoptr(HcTestResponse) listed = NULL;
  g_autoptr(HcTestResponse) unsigned_in = NULL;
  g_autofree char *chinese = NULL;
  g_autofree char *english = NULL;
  JsonArray *items;
  JsonObject *haikou = NULL, *danzhou = NULL;

  add_graded (fresh, admin, "460100", "A");
  add_graded (fresh, admin, "460100", "C");
  add_graded (fresh, admin, "460100", "D");
  add_graded (fresh, admin, "460400", "B");
  add_graded (fresh, admin, "460400", NULL);

  listed = hc_test_request (fresh, "GET", "/grading/distribution/regions", admin, NULL);
  hc_assert_status (listed, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (listed), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, HC_N_REGIONS);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *row = json_array_get_object_element (items, i);
      const char *region = json_object_get_string_member (row, "region");

      if (g_str_equal (region, "460100"))
        haikou = row;
      else if (g_str_equal (region, "460400"))
        danzhou = row;
    }
  g_assert_nonnull (haikou);
  g_assert_nonnull (danzhou);
  g_assert_cmpint (json_object_get_int_member (haikou, "subjects"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (haikou, "c"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (haikou, "cd_share"), ==, 66.7);
  g_assert_cmpint (json_object_get_int_member (danzhou, "none"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (danzhou, "cd_share"), ==, 0.0);
  unsigned_in = hc_test_request (fresh, "GET", "/grading/distribution/regions", NULL, NULL);
  hc_assert_status (unsigned_in, 401, NULL);

  chinese = hc_test_get_csv (fresh, "/grading/distribution/regions", admin, "zh-CN");
  g_assert_true (g_str_has_prefix (chinese, "市县,主体数,A 级,B 级,C 级,D 级,未评级,C、D 级占已评级比例（%）")
                 || g_str_has_prefix (chinese, "\xef\xbb\xbf市县,主体数,A 级,B 级,C 级,D 级,未评级,C、D 级占已评级比例（%）"));
  g_assert_nonnull (strstr (chinese, "海口市,3,1,0,1,1,0,66.7"));
  g_assert_nonnull (strstr (chinese, "儋州市,2,0,1,0,0,1,0"));
  english = hc_test_get_csv (fresh, "/grading/distribution/regions", admin, "en");
  g_assert_nonnull (strstr (english, "City or county,Subjects,Grade A,Grade B,Grade C,Grade D,Not graded,"
                                     "\"C and D, % of graded\""));
  g_assert_nonnull (strstr (english, "Haikou,3,1,0,1,1,0,66.7"));
  g_assert_nonnull (strstr (english, "Danzhou,2,0,1,0,0,1,0"));
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'export'"), >=, 2);
}

/* 白沙 has two enterprises; the rule warns at 15,000 tourism events per
 * 10,000 enterprises over three months, i.e. at the third event. */
static void
test_alerts_threshold_raises_one_alert_acknowledged_once (void)
{
  g_autoptr(HcTestServer) fresh = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autofree char *ana = add_user (fresh, "alert.analyst", "analyst", ANALYST_PW);
  g_autofree char *sup = add_user (fresh, "alert.supervisor", "supervisor", SUPERVISOR_PW);
  const char *rule = "{\"category\":\"tourism\",\"region\":\"469025\",\"kind\":\"threshold\","
                     "\"window_months\":3,\"threshold\":15000}";
  g_autoptr(HcTestResponse) by_analyst = hc_test_request (fresh, "POST", "/risk/rules", ana, rule);
  g_autoptr(HcTestResponse) bad_kind = NULL;
  g_autoptr(HcTestResponse) bad_window = NULL;
  g_autoptr(HcTestResponse) created = NULL;
  g_autoptr(HcTestResponse) none = NULL;
  g_autoptr(HcTestResponse) one = NULL;
  g_autoptr(HcTestResponse) still_one = NULL;
  g_autoptr(HcTestResponse) no_note = NULL;
  g_autoptr(HcTestResponse) no_version = NULL;
  g_autoptr(HcTestResponse) acked = NULL;
  g_autoptr(HcTestResponse) again = NULL;
  g_autoptr(HcTestResponse) close_by_analyst = NULL;
  g_autoptr(HcTestResponse) closed = NULL;
  g_autoptr(HcTestResponse) after_close = NULL;
  g_autofree char *etag = NULL;
  JsonObject *page, *alert;
  gint64 alert_id;

  for (int i = 0; i < 2; i++)
    {
      g_autofree char *uscc = make_uscc ("469025");

      hc_test_create_subject (fresh, uscc, "白沙预警测试有限公司", "legal_person", "469025");
    }

  /* Rules are a supervisor's; a bad one is refused and adds nothing. */
  hc_assert_status (by_analyst, 403, "forbidden");
  bad_kind = hc_test_request (fresh, "POST", "/risk/rules", sup,
                              "{\"category\":\"tourism\",\"kind\":\"often\",\"window_months\":3,\"threshold\":1}");
  hc_assert_status (bad_kind, 422, "invalid_kind");
  g_assert_cmpstr (hc_test_response_error_field (bad_kind), ==, "kind");
  bad_window = hc_test_request (fresh, "POST", "/risk/rules", sup,
                                "{\"category\":\"tourism\",\"kind\":\"rise\",\"window_months\":0,\"threshold\":1}");
  hc_assert_status (bad_window, 422, "value_out_of_range");
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_rules"), ==, 0);
  created = hc_test_request (fresh, "POST", "/risk/rules", sup, rule);
  hc_assert_status (created, 201, NULL);

  /* Two events: 10,000 per 10,000 enterprises, below the line. */
  post_event (fresh, ana, "469025", "2025-01-05", "tourism", 2);
  post_event (fresh, ana, "469025", "2025-02-05", "tourism", 2);
  page = open_alerts (fresh, ana, &none);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 0);

  /* The third crosses it: one alert. */
  post_event (fresh, ana, "469025", "2025-03-05", "tourism", 4);
  page = open_alerts (fresh, ana, &one);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  alert = json_array_get_object_element (json_object_get_array_member (page, "items"), 0);
  alert_id = json_object_get_int_member (alert, "id");
  g_assert_cmpstr (json_object_get_string_member (alert, "region"), ==, "469025");
  g_assert_cmpstr (json_object_get_string_member (alert, "category"), ==, "tourism");
  g_assert_cmpstr (json_object_get_string_member (alert, "state"), ==, "raised");
  g_assert_cmpstr (json_object_get_string_member (alert, "window_from"), ==, "2025-01");
  g_assert_cmpstr (json_object_get_string_member (alert, "window_to"), ==, "2025-03");
  g_assert_cmpint (json_object_get_int_member (alert, "events"), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (alert, "value"), ==, 15000.0);

  /* More events above the line, another category, another 市县: still one. */
  post_event (fresh, ana, "469025", "2025-03-20", "tourism", 1);
  post_event (fresh, ana, "469025", "2025-03-21", "finance", 5);
  post_event (fresh, ana, "469026", "2025-03-21", "tourism", 5);
  page = open_alerts (fresh, ana, &still_one);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_alert.raise'"), ==, 1);

  /* Acknowledged with a note, once. */
  etag = alert_etag (fresh, ana, alert_id);
  no_note = alert_request (fresh, ana, alert_id, "acknowledge", etag, "{\"note\":\"  \"}");
  hc_assert_status (no_note, 422, "missing_comment");
  no_version = alert_request (fresh, ana, alert_id, "acknowledge", NULL, "{\"note\":\"已派员核查\"}");
  hc_assert_status (no_version, 428, "precondition_required");
  acked = alert_request (fresh, ana, alert_id, "acknowledge", etag, "{\"note\":\"已派员核查\"}");
  hc_assert_status (acked, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (acked), "state"), ==, "acknowledged");
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (acked), "acknowledged_by"), ==, "alert.analyst");
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (acked), "note"), ==, "已派员核查");
  again = alert_request (fresh, ana, alert_id, "acknowledge", acked->etag, "{\"note\":\"再次确认\"}");
  hc_assert_status (again, 409, "illegal_transition");
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_alert.acknowledge'"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts WHERE note = '已派员核查'"), ==, 1);

  /* A supervisor closes it; the next crossing raises a new one. */
  close_by_analyst = alert_request (fresh, ana, alert_id, "close", acked->etag, "{}");
  hc_assert_status (close_by_analyst, 403, "forbidden");
  closed = alert_request (fresh, sup, alert_id, "close", acked->etag, "{}");
  hc_assert_status (closed, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (closed), "state"), ==, "closed");
  post_event (fresh, ana, "469025", "2025-03-25", "tourism", 1);
  page = open_alerts (fresh, ana, &after_close);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts"), ==, 2);
}

static HcTestResponse *
patch_rule (HcTestServer *srv,
            const char   *path,
            const char   *token,
            const char   *etag,
            const char   *body)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return hc_test_request_full (srv, "PATCH", path, token, "application/json", bytes, etag);
}

/* A supervisor edits a rule in place (same id, next version, audited);
 * a bad value is refused at its field and changes nothing; an analyst may
 * not; a stale version is refused; the edited rule is what judges the
 * next event. */
static void
test_rules_edit_checks_and_judges_anew (void)
{
  g_autoptr(HcTestServer) fresh = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autofree char *ana = add_user (fresh, "rule.analyst", "analyst", ANALYST_PW);
  g_autofree char *sup = add_user (fresh, "rule.supervisor", "supervisor", SUPERVISOR_PW);
  g_autoptr(HcTestResponse) created =
    hc_test_request (fresh, "POST", "/risk/rules", sup,
                     "{\"category\":\"finance\",\"region\":\"460100\",\"kind\":\"threshold\","
                     "\"window_months\":3,\"threshold\":5000}");
  g_autoptr(HcTestResponse) by_analyst = NULL;
  g_autoptr(HcTestResponse) no_version = NULL;
  g_autoptr(HcTestResponse) nothing = NULL;
  g_autoptr(HcTestResponse) bad_category = NULL;
  g_autoptr(HcTestResponse) bad_region = NULL;
  g_autoptr(HcTestResponse) bad_threshold = NULL;
  g_autoptr(HcTestResponse) bad_window = NULL;
  g_autoptr(HcTestResponse) edited = NULL;
  g_autoptr(HcTestResponse) stale = NULL;
  g_autoptr(HcTestResponse) missing = NULL;
  g_autoptr(HcTestResponse) quiet = NULL;
  g_autoptr(HcTestResponse) raised = NULL;
  g_autofree char *path = NULL;
  JsonObject *rule, *page, *alert;

  hc_assert_status (created, 201, NULL);
  path = g_strdup_printf ("/risk/rules/%" G_GINT64_FORMAT,
                          json_object_get_int_member (hc_test_response_object (created), "id"));

  by_analyst = patch_rule (fresh, path, ana, created->etag, "{\"threshold\":1}");
  hc_assert_status (by_analyst, 403, "forbidden");
  no_version = patch_rule (fresh, path, sup, NULL, "{\"threshold\":1}");
  hc_assert_status (no_version, 428, "precondition_required");
  nothing = patch_rule (fresh, path, sup, created->etag, "{}");
  hc_assert_status (nothing, 422, "missing_field");
  bad_category = patch_rule (fresh, path, sup, created->etag, "{\"category\":\"weather\"}");
  hc_assert_status (bad_category, 422, "invalid_category");
  g_assert_cmpstr (hc_test_response_error_field (bad_category), ==, "category");
  bad_region = patch_rule (fresh, path, sup, created->etag, "{\"region\":\"110000\"}");
  hc_assert_status (bad_region, 422, "invalid_region");
  g_assert_cmpstr (hc_test_response_error_field (bad_region), ==, "region");
  bad_threshold = patch_rule (fresh, path, sup, created->etag, "{\"kind\":\"rise\",\"threshold\":-5}");
  hc_assert_status (bad_threshold, 422, "value_out_of_range");
  g_assert_cmpstr (hc_test_response_error_field (bad_threshold), ==, "threshold");
  bad_window = patch_rule (fresh, path, sup, created->etag, "{\"window_months\":25}");
  hc_assert_status (bad_window, 422, "value_out_of_range");
  g_assert_cmpstr (hc_test_response_error_field (bad_window), ==, "window_months");
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_rules WHERE version = 1 AND kind = 'threshold'"
                                              " AND category = 'finance' AND threshold = 5000"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_rule.update'"), ==, 0);

  /* Every 市县, a rise of 50 % over one month. */
  edited = patch_rule (fresh, path, sup, created->etag, "{\"region\":null,\"kind\":\"rise\",\"window_months\":1,\"threshold\":50}");
  hc_assert_status (edited, 200, NULL);
  rule = hc_test_response_object (edited);
  g_assert_cmpint (json_object_get_int_member (rule, "id"), ==,
                   json_object_get_int_member (hc_test_response_object (created), "id"));
  g_assert_cmpint (json_object_get_int_member (rule, "version"), ==, 2);
  g_assert_true (json_object_get_null_member (rule, "region") || !json_object_has_member (rule, "region"));
  g_assert_cmpstr (json_object_get_string_member (rule, "category"), ==, "finance");
  g_assert_cmpstr (json_object_get_string_member (rule, "kind"), ==, "rise");
  g_assert_cmpint (json_object_get_int_member (rule, "window_months"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (rule, "threshold"), ==, 50.0);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_rule.update'"), ==, 1);
  stale = patch_rule (fresh, path, sup, created->etag, "{\"threshold\":60}");
  hc_assert_status (stale, 412, NULL);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_rules WHERE threshold = 50 AND version = 2"), ==, 1);

  /* Judged as edited: in 三亚 (no longer only 海口) one finance event in
   * January, two in February is +100 % ≥ 50 %. */
  post_event (fresh, ana, "460200", "2025-01-10", "finance", 2);
  post_event (fresh, ana, "460200", "2025-02-10", "finance", 2);
  page = open_alerts (fresh, ana, &quiet);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 0);
  post_event (fresh, ana, "460200", "2025-02-11", "finance", 2);
  page = open_alerts (fresh, ana, &raised);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  alert = json_array_get_object_element (json_object_get_array_member (page, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (alert, "region"), ==, "460200");
  g_assert_cmpstr (json_object_get_string_member (alert, "kind"), ==, "rise");

  /* A rule out of force is not found. */
  g_free (path);
  path = g_strdup ("/risk/rules/999999");
  missing = patch_rule (fresh, path, sup, "\"1\"", "{\"threshold\":1}");
  hc_assert_status (missing, 404, "not_found");
}

/* The JSON array @member of @rejudged's answer, by length. */
static guint
rejudged_count (HcTestResponse *r,
                const char     *member)
{
  JsonObject *rejudged = json_object_get_object_member (hc_test_response_object (r), "rejudged");

  g_assert_nonnull (rejudged);
  return json_array_get_length (json_object_get_array_member (rejudged, member));
}

/* A rule created or edited is judged at once over the current window (the
 * window ending with the last month with events), in the same transaction:
 * lowering the line under what 白沙 already had raises the alert there and
 * then; raising it above leaves the open alert open, marked, never deleted;
 * lowering it again takes the mark away without a second alert; a 市县 no
 * longer watched marks it too; a refused edit judges nothing. */
static void
test_rules_rejudged_at_once (void)
{
  g_autoptr(HcTestServer) fresh = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autofree char *ana = add_user (fresh, "rejudge.analyst", "analyst", ANALYST_PW);
  g_autofree char *sup = add_user (fresh, "rejudge.supervisor", "supervisor", SUPERVISOR_PW);
  g_autoptr(HcTestResponse) created =
    hc_test_request (fresh, "POST", "/risk/rules", sup,
                     "{\"category\":\"tourism\",\"region\":\"469025\",\"kind\":\"threshold\","
                     "\"window_months\":3,\"threshold\":15000}");
  g_autoptr(HcTestResponse) none = NULL;
  g_autoptr(HcTestResponse) refused = NULL;
  g_autoptr(HcTestResponse) lowered = NULL;
  g_autoptr(HcTestResponse) one = NULL;
  g_autoptr(HcTestResponse) raised_again = NULL;
  g_autoptr(HcTestResponse) marked = NULL;
  g_autoptr(HcTestResponse) lowered_again = NULL;
  g_autoptr(HcTestResponse) elsewhere = NULL;
  g_autoptr(HcTestResponse) province = NULL;
  g_autoptr(HcTestResponse) got = NULL;
  g_autofree char *path = NULL;
  g_autofree char *alert_path = NULL;
  JsonObject *page, *alert, *rejudged;
  gint64 alert_id;

  hc_assert_status (created, 201, NULL);
  g_assert_cmpuint (rejudged_count (created, "raised"), ==, 0);
  path = g_strdup_printf ("/risk/rules/%" G_GINT64_FORMAT,
                          json_object_get_int_member (hc_test_response_object (created), "id"));
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *uscc = make_uscc ("469025");

      hc_test_create_subject (fresh, uscc, "白沙重判测试有限公司", "legal_person", "469025");
    }

  /* Two events: 10,000 per 10,000 enterprises, below 15,000. */
  post_event (fresh, ana, "469025", "2025-01-05", "tourism", 2);
  post_event (fresh, ana, "469025", "2025-02-05", "tourism", 2);
  page = open_alerts (fresh, ana, &none);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 0);

  /* A refused edit judges nothing. */
  refused = patch_rule (fresh, path, sup, created->etag, "{\"threshold\":-8000}");
  hc_assert_status (refused, 422, "value_out_of_range");
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts"), ==, 0);

  /* The line lowered to 8,000: the alert is there at once. */
  lowered = patch_rule (fresh, path, sup, created->etag, "{\"threshold\":8000}");
  hc_assert_status (lowered, 200, NULL);
  rejudged = json_object_get_object_member (hc_test_response_object (lowered), "rejudged");
  g_assert_cmpstr (json_object_get_string_member (rejudged, "window_from"), ==, "2024-12");
  g_assert_cmpstr (json_object_get_string_member (rejudged, "window_to"), ==, "2025-02");
  g_assert_cmpuint (rejudged_count (lowered, "raised"), ==, 1);
  g_assert_cmpuint (rejudged_count (lowered, "no_longer_met"), ==, 0);
  page = open_alerts (fresh, ana, &one);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  alert = json_array_get_object_element (json_object_get_array_member (page, "items"), 0);
  alert_id = json_object_get_int_member (alert, "id");
  g_assert_cmpint (alert_id, ==, json_array_get_int_element (json_object_get_array_member (rejudged, "raised"), 0));
  g_assert_cmpstr (json_object_get_string_member (alert, "region"), ==, "469025");
  g_assert_cmpstr (json_object_get_string_member (alert, "window_to"), ==, "2025-02");
  g_assert_cmpint (json_object_get_int_member (alert, "events"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (alert, "value"), ==, 10000.0);
  g_assert_cmpfloat (json_object_get_double_member (alert, "threshold"), ==, 8000.0);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_alert.raise'"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_rule.update'"), ==, 1);

  /* Above 10,000 again: the open alert stays open, marked, not deleted. */
  marked = patch_rule (fresh, path, sup, lowered->etag, "{\"threshold\":20000}");
  hc_assert_status (marked, 200, NULL);
  g_assert_cmpuint (rejudged_count (marked, "raised"), ==, 0);
  g_assert_cmpuint (rejudged_count (marked, "no_longer_met"), ==, 1);
  alert_path = g_strdup_printf ("/risk/alerts/%" G_GINT64_FORMAT, alert_id);
  alert = get_ok (fresh, ana, alert_path, &got);
  g_assert_cmpstr (json_object_get_string_member (alert, "state"), ==, "raised");
  g_assert_nonnull (json_object_get_string_member (alert, "lapsed_at"));
  g_assert_cmpfloat (json_object_get_double_member (alert, "lapsed_value"), ==, 10000.0);
  g_assert_cmpfloat (json_object_get_double_member (alert, "lapsed_threshold"), ==, 20000.0);
  g_assert_cmpfloat (json_object_get_double_member (alert, "threshold"), ==, 8000.0);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_alert.lapse'"), ==, 1);

  /* Lowered again: the mark goes, and no second alert is raised. */
  lowered_again = patch_rule (fresh, path, sup, marked->etag, "{\"threshold\":9000}");
  hc_assert_status (lowered_again, 200, NULL);
  g_assert_cmpuint (rejudged_count (lowered_again, "raised"), ==, 0);
  g_assert_cmpuint (rejudged_count (lowered_again, "no_longer_met"), ==, 0);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts WHERE lapsed_at IS NULL"
                                              " AND state = 'raised'"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_alert.lapse_cleared'"), ==, 1);

  /* Watching 海口 instead: 白沙's alert is no longer watched, marked with
   * no figure. */
  elsewhere = patch_rule (fresh, path, sup, lowered_again->etag, "{\"region\":\"460100\"}");
  hc_assert_status (elsewhere, 200, NULL);
  g_assert_cmpuint (rejudged_count (elsewhere, "no_longer_met"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts WHERE lapsed_at IS NOT NULL"
                                              " AND lapsed_value IS NULL AND state = 'raised'"), ==, 1);

  /* A new rule for every 市县 raises 白沙's alert as it is created. */
  province = hc_test_request (fresh, "POST", "/risk/rules", sup,
                              "{\"category\":\"tourism\",\"kind\":\"threshold\",\"window_months\":3,\"threshold\":5000}");
  hc_assert_status (province, 201, NULL);
  g_assert_cmpuint (rejudged_count (province, "raised"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM risk_alerts WHERE state = 'raised'"), ==, 2);
  g_assert_cmpint (hc_test_count_rows (fresh, "SELECT count(*) FROM audit WHERE action = 'risk_alert.raise'"), ==, 2);
}

/* A rise rule: twice the events of the month before (+100 %) warns. */
static void
test_alerts_rise_against_the_window_before (void)
{
  g_autoptr(HcTestServer) fresh = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  const char *admin = hc_test_server_token (fresh, "admin");
  g_autoptr(HcTestResponse) created =
    hc_test_request (fresh, "POST", "/risk/rules", admin,
                     "{\"category\":\"finance\",\"kind\":\"rise\",\"window_months\":1,\"threshold\":100}");
  g_autoptr(HcTestResponse) flat = NULL;
  g_autoptr(HcTestResponse) doubled = NULL;
  JsonObject *page, *alert;

  hc_assert_status (created, 201, NULL);
  post_event (fresh, admin, "460200", "2025-05-03", "finance", 3);
  post_event (fresh, admin, "460200", "2025-06-03", "finance", 3);
  page = open_alerts (fresh, admin, &flat);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 0);
  post_event (fresh, admin, "460200", "2025-06-09", "finance", 3);
  page = open_alerts (fresh, admin, &doubled);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, 1);
  alert = json_array_get_object_element (json_object_get_array_member (page, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (alert, "region"), ==, "460200");
  g_assert_cmpstr (json_object_get_string_member (alert, "kind"), ==, "rise");
  g_assert_cmpfloat (json_object_get_double_member (alert, "value"), ==, 100.0);
}

/* The demo's rules raise alerts from the start: every one above its line,
 * the oldest acknowledged with a note, the rest new; each raise audited. */
static void
test_demo_rules_raise_alerts (void)
{
  HcTestServer *demo = get_demo_server ();
  g_autoptr(HcTestResponse) open = NULL;
  JsonObject *page;
  JsonArray *items;
  guint n_acknowledged = 0;

  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM risk_rules WHERE active = 1"), ==, 4);
  page = open_alerts (demo, hc_test_server_token (demo, "admin"), &open);
  items = json_object_get_array_member (page, "items");
  g_assert_cmpint (json_object_get_int_member (page, "total"), >=, 3);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==,
                   hc_test_count_rows (demo, "SELECT count(*) FROM audit WHERE action = 'risk_alert.raise'"));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *alert = json_array_get_object_element (items, i);

      g_assert_cmpfloat (json_object_get_double_member (alert, "value"), >=,
                         json_object_get_double_member (alert, "threshold"));
      g_assert_cmpstr (json_object_get_string_member (alert, "window_to"), ==, "2025-12");
      if (g_str_equal (json_object_get_string_member (alert, "state"), "acknowledged"))
        {
          n_acknowledged++;
          g_assert_cmpstr (json_object_get_string_member (alert, "note"), !=, NULL);
        }
      else
        g_assert_cmpstr (json_object_get_string_member (alert, "state"), ==, "raised");
    }
  g_assert_cmpuint (n_acknowledged, ==, 1);
  /* 三沙's smuggling is the demo's hottest spot: it is among them. */
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM risk_alerts WHERE region = '460300'"
                                             " AND category = 'smuggling'"), ==, 1);
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  analyst = add_user (server, "ana", "analyst", ANALYST_PW);
  supervisor = add_user (server, "sup", "supervisor", SUPERVISOR_PW);

  g_test_add_func ("/risk/heatmap/counts-match-events-created", test_heatmap_counts_match_events);
  g_test_add_func ("/risk/heatmap/bad-parameters-are-400", test_heatmap_bad_parameters_are_400);
  g_test_add_func ("/risk/events/invalid-input-changes-nothing", test_events_validation_changes_nothing);
  g_test_add_func ("/risk/events/create-get-and-audit", test_events_create_get_and_audit);
  g_test_add_func ("/risk/events/name-a-known-subject", test_events_name_a_known_subject);
  g_test_add_func ("/risk/events/delete-needs-role-and-version", test_events_delete_needs_role_and_version);
  g_test_add_func ("/risk/events/page-newest-first-with-filters", test_events_page_newest_first_with_filters);
  g_test_add_func ("/risk/demo/rollup-equals-events", test_demo_rollup_equals_events);
  g_test_add_func ("/risk/demo/rules-raise-alerts", test_demo_rules_raise_alerts);
  g_test_add_func ("/risk/rules/edit-checks-and-judges-anew", test_rules_edit_checks_and_judges_anew);
  g_test_add_func ("/risk/rules/rejudged-at-once", test_rules_rejudged_at_once);
  g_test_add_func ("/risk/heatmap/cells-are-the-maps-numbers", test_heatmap_cells_are_the_maps_numbers);
  g_test_add_func ("/risk/grades/regions-export", test_grade_regions_export);
  g_test_add_func ("/risk/heatmap/cells-export-in-the-readers-language",
                   test_heatmap_cells_export_in_the_readers_language);
  g_test_add_func ("/risk/alerts/threshold-raises-one-alert-acknowledged-once",
                   test_alerts_threshold_raises_one_alert_acknowledged_once);
  g_test_add_func ("/risk/alerts/rise-against-the-window-before", test_alerts_rise_against_the_window_before);

  ret = g_test_run ();
  g_free (analyst);
  g_free (supervisor);
  hc_test_server_free (server);
  g_clear_pointer (&demo_server, hc_test_server_free);
  return ret;
}
