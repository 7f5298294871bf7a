/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests: risk events and the heat map read from their monthly roll-up. */
#include "config.h"

#include <string.h>

#include "hc-core.h"
#include "hc-test-server.h"
#include "test-api-risk.h"

HcTestServer *server;
char *analyst;
static char *supervisor;

/* Creates a user through the API and signs in as them. */
char *
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

gint64
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

JsonObject *
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

double
cell (JsonObject *map,
      guint       row,
      guint       column)
{
  JsonArray *values = json_object_get_array_member (map, "values");
  JsonNode *node = json_array_get_element (json_array_get_array_element (values, row), column);

  return json_node_get_double (node);
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
HcTestServer *demo_server;

HcTestServer *
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

guint uscc_serial;

char *
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

JsonObject *
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

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  analyst = add_user (server, "ana", "analyst", ANALYST_PW);
  supervisor = add_user (server, "sup", "supervisor", SUPERVISOR_PW);

  hc_test_risk_heatmap_add ();
  g_test_add_func ("/risk/events/invalid-input-changes-nothing", test_events_validation_changes_nothing);
  g_test_add_func ("/risk/events/create-get-and-audit", test_events_create_get_and_audit);
  g_test_add_func ("/risk/events/name-a-known-subject", test_events_name_a_known_subject);
  g_test_add_func ("/risk/events/delete-needs-role-and-version", test_events_delete_needs_role_and_version);
  g_test_add_func ("/risk/events/page-newest-first-with-filters", test_events_page_newest_first_with_filters);
  g_test_add_func ("/risk/demo/rollup-equals-events", test_demo_rollup_equals_events);
  hc_test_risk_rules_add ();
  g_test_add_func ("/risk/grades/regions-export", test_grade_regions_export);
  hc_test_risk_alerts_add ();

  ret = g_test_run ();
  g_free (analyst);
  g_free (supervisor);
  hc_test_server_free (server);
  g_clear_pointer (&demo_server, hc_test_server_free);
  return ret;
}
