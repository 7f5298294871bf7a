/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of the 信用档案: records read back after an import, 双公示
 * without expired and repaired penalties, disclosure by catalog item,
 * commitments' fulfilment and the watch entry it proposes, and the PDF
 * 公共信用信息报告 (its text through pdftotext, its hash through
 * GET /reports/{number}). */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "hc-core.h"
#include "hc-test-server.h"
#include "test-api-records.h"

HcTestServer *server;
const char *admin, *analyst, *supervisor, *holder, *market_supervisor;
char *company;     /* a registered company with records of every kind */
static char *other;       /* another registered company */
char *tmpdir;

void
records_exec_sql (const char *sql)
{
  hc_test_exec_sql (server, sql);
}

void
records_create_user (const char *username,
                     const char *role,
                     int         department)
{
  g_autofree char *body = NULL;
  g_autoptr(HcTestResponse) r = NULL;

  if (department > 0)
    body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\",\"department_id\":%d}",
                            username, HC_TEST_PASSWORD, role, department);
  else
    body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"}",
                            username, HC_TEST_PASSWORD, role);
  r = hc_test_request (server, "POST", "/users", admin, body);
  hc_assert_status (r, 201, NULL);
}

void
records_import (const char *kind,
                int         item,
                const char *csv)
{
  g_autofree char *path = g_strdup_printf ("/imports?kind=%s&item=%d", kind, item);
  g_autoptr(GBytes) body = g_bytes_new (csv, strlen (csv));
  g_autoptr(HcTestResponse) r = hc_test_request_full (server, "POST", path, analyst, "text/csv", body, NULL);

  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (json_object_get_int_member (hc_test_response_object (r), "rejected"), ==, 0);
}

GBytes *
records_json_bytes (const char *json)
{
  return g_bytes_new (json, strlen (json));
}

JsonArray *
records_items (HcTestResponse *r)
{
  return json_object_get_array_member (hc_test_response_object (r), "items");
}

/* Whether a page of records holds one whose @member is @value. */
gboolean
records_holds (HcTestResponse *r,
               const char     *member,
               const char     *value)
{
  JsonArray *a = records_items (r);

  for (guint i = 0; i < json_array_get_length (a); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (a, i), member), value) == 0)
      return TRUE;
  return FALSE;
}

HcTestResponse *
records_get (const char *token,
             const char *format,
             ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  return hc_test_request (server, "GET", path, token, NULL);
}

gint64
records_record_id (const char *sql)
{
  return hc_test_count_rows (server, sql);
}

static void
setup (void)
{
  g_autofree char *today = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) next_year = g_date_time_add_years (now, 1);
  g_autofree char *future = g_date_time_format (next_year, "%Y-%m-%d");

  records_exec_sql ("INSERT INTO catalog_versions (year, state, created_at) VALUES (2025, 'published', '2025-01-01T00:00:00Z');"
                    "INSERT INTO catalog_items (id, year, lineage, category, name, subject_type, department_id, disclosure)"
                    " VALUES (11, 2025, 'cf-scjg', 'penalty', '市场监管行政处罚信息', 'legal_person', 901, 'public'),"
                    " (12, 2025, 'xk-scjg', 'license', '市场监管行政许可信息', 'legal_person', 901, 'public'),"
                    " (13, 2025, 'cf-secret', 'penalty', '涉密行政处罚信息', 'legal_person', 902, 'restricted'),"
                    " (14, 2025, 'cn-scjg', 'commitment', '告知承诺信息', 'legal_person', 901, 'public'),"
                    " (16, 2025, 'cf-shared', 'penalty', '税务行政处罚信息', 'legal_person', 902, 'conditional');");
  {
    GRand *rand = g_rand_new_with_seed (16);

    company = hc_uscc_generate (rand, "460100");
    other = hc_uscc_generate (rand, "460100");
    g_rand_free (rand);
  }
  hc_test_create_subject (server, company,
                          "海南椰风海韵国际旅游度假酒店管理集团有限公司（测试用的一个特别长的名称，报告里必须折行而不被截断）",
                          "legal_person", "460100");

  /* 行政处罚: one under publicity, one whose publicity ended, one to be
   * repaired, one restricted and one conditionally shared. */
  csv = g_strdup_printf ("uscc,name,decision_no,authority,decided_on,category,amount,publicity_until\n"
                         "%s,海南椰风海韵酒店,琼市监罚〔2025〕1号,海口市市场监督管理局,2025-03-01,罚款,5000,%s\n"
                         "%s,海南椰风海韵酒店,琼市监罚〔2020〕7号,海口市市场监督管理局,2020-03-01,警告,0,2021-03-01\n"
                         "%s,海南椰风海韵酒店,琼市监罚〔2025〕2号,海口市市场监督管理局,2025-04-01,罚款,800,%s\n",
                         company, future, company, company, future);
  records_import ("penalty", 11, csv);
  g_free (csv);
  csv = g_strdup_printf ("uscc,name,decision_no,authority,decided_on,category,amount,publicity_until\n"
                         "%s,海南椰风海韵酒店,琼税罚〔2025〕99号,国家税务总局海口市税务局,2025-05-01,罚款,1200,%s\n",
                         company, future);
  records_import ("penalty", 13, csv);
  g_free (csv);
  csv = g_strdup_printf ("uscc,name,decision_no,authority,decided_on,category,amount,publicity_until\n"
                         "%s,海南椰风海韵酒店,琼税罚〔2025〕5号,国家税务总局海口市税务局,2025-05-02,罚款,300,%s\n",
                         company, future);
  records_import ("penalty", 16, csv);
  g_free (csv);
  csv = g_strdup_printf ("统一社会信用代码,主体名称,许可证书编号,许可证书名称,许可机关,许可决定日期,有效期至\n"
                         "%s,海南椰风海韵酒店,JY14601000000001-超长的许可证书编号用来检查表格单元格的折行,食品经营许可证,海口市市场监督管理局,2024-05-01,2029-04-30\n",
                         company);
  records_import ("license", 12, csv);
  g_free (csv);
  csv = g_strdup_printf ("uscc,name,commitment_no,matter,authority,committed_on,fulfilment\n"
                         "%s,海南椰风海韵酒店,CN-2025-001,食品经营许可告知承诺,海口市市场监督管理局,2025-01-10,\n"
                         "%s,海南椰风海韵酒店,CN-2025-002,公共场所卫生许可告知承诺,海口市市场监督管理局,2025-02-10,已履约\n",
                         company, company);
  records_import ("commitment", 14, csv);
}

static void
test_records_read_back_after_import (void)
{
  g_autoptr(HcTestResponse) p = records_get (analyst, "/subjects/%s/records?kind=penalty&total=1", company);
  g_autoptr(HcTestResponse) l = records_get (analyst, "/subjects/%s/records?kind=license", company);
  g_autoptr(HcTestResponse) c = records_get (analyst, "/subjects/%s/records?kind=commitment", company);
  g_autoptr(HcTestResponse) page1 = records_get (analyst, "/subjects/%s/records?kind=penalty&limit=2", company);
  g_autoptr(HcTestResponse) page2 = NULL;
  g_autoptr(HcTestResponse) bad = records_get (analyst, "/subjects/%s/records?kind=tax", company);
  g_autoptr(HcTestResponse) none = records_get (analyst, "/subjects/%s/records?kind=penalty", "91460000MA5T00000X");
  JsonObject *first;

  hc_assert_status (p, 200, NULL);
  /* the analyst sees public and conditionally shared penalties, newest first */
  g_assert_cmpint (json_array_get_length (records_items (p)), ==, 4);
  g_assert_cmpint (json_object_get_int_member (hc_test_response_object (p), "total"), ==, 4);
  first = json_array_get_object_element (records_items (p), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "decision_no"), ==, "琼税罚〔2025〕5号");
  g_assert_cmpstr (json_object_get_string_member (first, "disclosure"), ==, "conditional");
  g_assert_cmpstr (json_object_get_string_member (first, "category"), ==, "fine");
  g_assert_true (json_object_get_boolean_member (first, "under_publicity"));
  g_assert_true (records_holds (l, "license_name", "食品经营许可证"));
  g_assert_true (records_holds (c, "commitment_no", "CN-2025-001"));
  g_assert_true (records_holds (c, "fulfilment", "fulfilled"));

  /* pages follow each other without repeats */
  hc_assert_status (page1, 200, NULL);
  g_assert_cmpint (json_array_get_length (records_items (page1)), ==, 2);
  page2 = records_get (analyst, "/subjects/%s/records?kind=penalty&limit=2&cursor=%s", company,
                       json_object_get_string_member (hc_test_response_object (page1), "next_cursor"));
  hc_assert_status (page2, 200, NULL);
  g_assert_cmpint (json_array_get_length (records_items (page2)), ==, 2);
  g_assert_true (json_object_get_null_member (hc_test_response_object (page2), "next_cursor"));
  g_assert_false (records_holds (page2, "decision_no", "琼税罚〔2025〕5号"));
  g_assert_true (records_holds (page2, "decision_no", "琼市监罚〔2020〕7号"));

  hc_assert_status (bad, 400, "invalid_parameter");
  hc_assert_status (none, 404, "not_found");
}

static void
test_restricted_records_only_for_admins (void)
{
  g_autoptr(HcTestResponse) as_analyst = records_get (analyst, "/subjects/%s/records?kind=penalty", company);
  g_autoptr(HcTestResponse) as_supervisor = records_get (supervisor, "/subjects/%s/records?kind=penalty", company);
  g_autoptr(HcTestResponse) as_admin = records_get (admin, "/subjects/%s/records?kind=penalty", company);
  g_autoptr(HcTestResponse) file = records_get (analyst, "/subjects/%s/file", company);
  g_autoptr(HcTestResponse) admin_file = records_get (admin, "/subjects/%s/file", company);
  g_autoptr(HcTestResponse) publicity = records_get (analyst, "/publicity?kind=penalty&limit=500");
  g_autoptr(HcTestResponse) admin_publicity = records_get (admin, "/publicity?kind=penalty&limit=500");

  g_assert_false (records_holds (as_analyst, "decision_no", "琼税罚〔2025〕99号"));
  g_assert_false (records_holds (as_supervisor, "decision_no", "琼税罚〔2025〕99号"));
  g_assert_true (records_holds (as_admin, "decision_no", "琼税罚〔2025〕99号"));
  g_assert_false (records_holds (publicity, "decision_no", "琼税罚〔2025〕99号"));
  g_assert_true (records_holds (admin_publicity, "decision_no", "琼税罚〔2025〕99号"));
  g_assert_false (strstr (g_bytes_get_data (as_analyst->body, NULL), "99号") != NULL);
  hc_assert_status (file, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (hc_test_response_object (file), "counts"),
                                               "penalty"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (hc_test_response_object (admin_file),
                                                                              "counts"), "penalty"), ==, 5);
}

static void
test_publicity_excludes_expired_and_repaired (void)
{
  g_autoptr(HcTestResponse) before = records_get (analyst, "/publicity?kind=penalty&region=460100&limit=500");
  g_autoptr(HcTestResponse) after = NULL;
  g_autoptr(HcTestResponse) created = NULL;
  g_autoptr(HcTestResponse) decided = NULL;
  g_autoptr(HcTestResponse) wrong = NULL;
  g_autoptr(HcTestResponse) dept = records_get (analyst, "/publicity?kind=penalty&department=902");
  g_autoptr(HcTestResponse) dated = records_get (analyst, "/publicity?kind=penalty&from=2025-03-15&to=2025-04-30");
  g_autoptr(HcTestResponse) licenses = records_get (analyst, "/publicity?kind=license&total=1");
  g_autoptr(HcTestResponse) bad = records_get (analyst, "/publicity?kind=penalty&region=110000");
  g_autofree char *body = NULL;
  gint64 penalty = records_record_id ("SELECT id FROM penalties WHERE decision_no = '琼市监罚〔2025〕2号'");

  hc_assert_status (before, 200, NULL);
  g_assert_true (records_holds (before, "decision_no", "琼市监罚〔2025〕1号"));
  g_assert_true (records_holds (before, "decision_no", "琼市监罚〔2025〕2号"));
  g_assert_false (records_holds (before, "decision_no", "琼市监罚〔2020〕7号"));   /* its publicity ended */
  g_assert_true (records_holds (before, "region_name", "海口市"));
  g_assert_true (records_holds (dept, "decision_no", "琼税罚〔2025〕5号"));
  g_assert_false (records_holds (dept, "decision_no", "琼市监罚〔2025〕1号"));
  g_assert_true (records_holds (dated, "decision_no", "琼市监罚〔2025〕2号"));
  g_assert_false (records_holds (dated, "decision_no", "琼市监罚〔2025〕1号"));
  g_assert_cmpint (json_object_get_int_member (hc_test_response_object (licenses), "total"), ==, 1);
  hc_assert_status (bad, 400, "invalid_parameter");

  /* a repair names the penalty of another subject: refused */
  hc_test_create_subject (server, other, "海南另一家有限公司", "legal_person", "460100");
  body = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"penalty_id\":%" G_GINT64_FORMAT
                          ",\"reason\":\"已整改\"}", other, penalty);
  wrong = hc_test_request (server, "POST", "/repairs", analyst, body);
  hc_assert_status (wrong, 422, "unknown_penalty");

  g_free (body);
  body = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"penalty_id\":%" G_GINT64_FORMAT
                          ",\"reason\":\"已缴纳罚款并完成整改\",\"commitment\":true}", company, penalty);
  created = hc_test_request (server, "POST", "/repairs", analyst, body);
  hc_assert_status (created, 201, NULL);
  g_assert_cmpint (json_object_get_int_member (hc_test_response_object (created), "penalty_id"), ==, penalty);
  {
    g_autofree char *path = g_strdup_printf ("/repairs/%" G_GINT64_FORMAT "/decision",
                                             json_object_get_int_member (hc_test_response_object (created), "id"));
    g_autoptr(GBytes) decision = records_json_bytes ("{\"decision\":\"approve\"}");

    g_autoptr(HcTestResponse) elsewhere = NULL;

    /* 谁认定、谁修复: the penalty's department (its catalog item's) decides */
    elsewhere = hc_test_request_full (server, "POST", path, supervisor, "application/json", decision, created->etag);
    hc_assert_status (elsewhere, 403, "not_designating_department");
    g_assert_nonnull (strstr (g_bytes_get_data (elsewhere->body, NULL), "海南省市场监督管理局（测试）"));
    decided = hc_test_request_full (server, "POST", path, market_supervisor, "application/json", decision,
                                    created->etag);
    hc_assert_status (decided, 200, NULL);
    g_assert_cmpint (json_object_get_int_member (hc_test_response_object (decided), "department_id"), ==, 901);
  }
  after = records_get (analyst, "/publicity?kind=penalty&region=460100&limit=500");
  g_assert_true (records_holds (after, "decision_no", "琼市监罚〔2025〕1号"));
  g_assert_false (records_holds (after, "decision_no", "琼市监罚〔2025〕2号"));
}

/* The year @year of GET /indicators/commitment-fulfilment-sharing. */
static JsonObject *
fulfilment_indicator (int year)
{
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/indicators/commitment-fulfilment-sharing",
                                                 analyst, NULL);
  JsonArray *values;

  hc_assert_status (r, 200, NULL);
  values = json_object_get_array_member (hc_test_response_object (r), "values");
  for (guint i = 0; i < json_array_get_length (values); i++)
    if (json_object_get_int_member (json_array_get_object_element (values, i), "year") == year)
      return json_object_ref (json_array_get_object_element (values, i));
  g_error ("no year %d", year);
  return NULL;
}

static void
test_commitment_fulfilment_and_watch_entry (void)
{
  gint64 id = records_record_id ("SELECT id FROM commitments WHERE commitment_no = 'CN-2025-001'");
  g_autofree char *path = g_strdup_printf ("/commitments/%" G_GINT64_FORMAT, id);
  g_autofree char *fulfil = g_strdup_printf ("%s/fulfilment", path);
  g_autofree char *watch = g_strdup_printf ("%s/watch-entry", path);
  g_autoptr(HcTestResponse) c = hc_test_request (server, "GET", path, analyst, NULL);
  g_autoptr(HcTestResponse) not_holder = NULL;
  g_autoptr(HcTestResponse) no_note = NULL;
  g_autoptr(HcTestResponse) early = NULL;
  g_autoptr(HcTestResponse) ok = NULL;
  g_autoptr(HcTestResponse) stale = NULL;
  g_autoptr(HcTestResponse) proposed = NULL;
  g_autoptr(HcTestResponse) again = NULL;
  g_autoptr(HcTestResponse) too_early = NULL;
  g_autoptr(GBytes) breached = records_json_bytes ("{\"fulfilment\":\"breached\",\"date\":\"2025-06-01\",\"note\":\"未按期取得健康证明\"}");
  g_autoptr(GBytes) blank = records_json_bytes ("{\"fulfilment\":\"breached\",\"date\":\"2025-06-01\",\"note\":\"  \"}");
  g_autoptr(GBytes) before = records_json_bytes ("{\"fulfilment\":\"fulfilled\",\"date\":\"2024-06-01\"}");
  g_autoptr(GBytes) empty = records_json_bytes ("{}");
  g_autoptr(JsonObject) indicator_before = NULL;
  g_autoptr(JsonObject) indicator_after = NULL;
  JsonObject *o;

  hc_assert_status (c, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (c), "fulfilment"), ==, "pending");

  /* a watch entry needs a breached commitment */
  too_early = hc_test_request_full (server, "POST", watch, holder, "application/json", empty, c->etag);
  hc_assert_status (too_early, 409, "not_breached");
  /* only the holding department records the fulfilment */
  not_holder = hc_test_request_full (server, "POST", fulfil, supervisor, "application/json", breached, c->etag);
  hc_assert_status (not_holder, 403, "not_holding_department");
  no_note = hc_test_request_full (server, "POST", fulfil, holder, "application/json", blank, c->etag);
  hc_assert_status (no_note, 422, "missing_field");
  early = hc_test_request_full (server, "POST", fulfil, holder, "application/json", before, c->etag);
  hc_assert_status (early, 422, "invalid_date");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'commitment.fulfil'"), ==, 0);

  /* 履约信息归集共享 (表1) counts the commitments with a recorded
   * fulfilment: one more once this one is recorded. */
  indicator_before = fulfilment_indicator (2025);
  ok = hc_test_request_full (server, "POST", fulfil, holder, "application/json", breached, c->etag);
  hc_assert_status (ok, 200, NULL);
  indicator_after = fulfilment_indicator (2025);
  g_assert_cmpint (json_object_get_int_member (indicator_after, "numerator"), ==,
                   json_object_get_int_member (indicator_before, "numerator") + 1);
  g_assert_cmpint (json_object_get_int_member (indicator_after, "denominator"), ==,
                   json_object_get_int_member (indicator_before, "denominator"));
  g_assert_cmpfloat (json_object_get_double_member (indicator_after, "value"), >,
                     json_object_get_double_member (indicator_before, "value"));
  o = hc_test_response_object (ok);
  g_assert_cmpstr (json_object_get_string_member (o, "fulfilment"), ==, "breached");
  g_assert_cmpstr (json_object_get_string_member (o, "fulfilment_on"), ==, "2025-06-01");
  g_assert_cmpstr (json_object_get_string_member (o, "fulfilment_by"), ==, "holder");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'commitment.fulfil'"), ==, 1);
  stale = hc_test_request_full (server, "POST", fulfil, holder, "application/json", breached, c->etag);
  hc_assert_status (stale, 412, NULL);

  proposed = hc_test_request_full (server, "POST", watch, holder, "application/json", empty, ok->etag);
  hc_assert_status (proposed, 201, NULL);
  o = json_object_get_object_member (hc_test_response_object (proposed), "entry");
  g_assert_cmpstr (json_object_get_string_member (o, "list_type"), ==, "watch");
  g_assert_cmpstr (json_object_get_string_member (o, "state"), ==, "proposed");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (hc_test_response_object (proposed),
                                                                              "commitment"), "watch_entry_id"),
                   ==, json_object_get_int_member (o, "id"));
  again = hc_test_request_full (server, "POST", watch, holder, "application/json", empty, proposed->etag);
  hc_assert_status (again, 409, "already_proposed");
}

/* The file's listings export through the one export mechanism, with the
 * columns of their kind and the same rows as the listing. */
static void
test_records_and_publicity_export (void)
{
  g_autofree char *path = g_strdup_printf ("/subjects/%s/records?kind=commitment", company);
  g_autoptr(HcTestResponse) commitments = hc_test_request_accept (server, "GET", path, analyst, NULL, NULL, NULL,
                                                                   "text/csv");
  g_autoptr(HcTestResponse) publicity = hc_test_request_accept (server, "GET", "/publicity?kind=penalty&region=460100",
                                                                 analyst, NULL, NULL, NULL, "text/csv");
  g_autoptr(HcTestResponse) bad = hc_test_request_accept (server, "GET", "/publicity?kind=licence", analyst, NULL,
                                                           NULL, NULL, "text/csv");
  g_autofree char *text = NULL;

  hc_assert_status (commitments, 200, NULL);
  text = g_strndup (g_bytes_get_data (commitments->body, NULL), g_bytes_get_size (commitments->body));
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf承诺书编号,承诺事项,"));
  g_assert_nonnull (strstr (text, "CN-2025-001"));
  g_assert_nonnull (strstr (text, "CN-2025-002"));
  g_clear_pointer (&text, g_free);

  hc_assert_status (publicity, 200, NULL);
  text = g_strndup (g_bytes_get_data (publicity->body, NULL), g_bytes_get_size (publicity->body));
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf决定文书号,主体名称,"));
  g_assert_nonnull (strstr (text, "琼市监罚〔2025〕1号"));
  g_assert_null (strstr (text, "琼市监罚〔2020〕7号"));   /* publicity ended */
  g_assert_null (strstr (text, "琼税罚〔2025〕99号"));    /* not disclosed */
  hc_assert_status (bad, 400, "invalid_parameter");
}

char *
records_run_text (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_report_pdf_text_and_verification (void)
{
  g_autoptr(HcTestResponse) r = records_get (analyst, "/subjects/%s/report.pdf", company);
  g_autoptr(HcTestResponse) verified = NULL;
  g_autoptr(HcTestResponse) altered = NULL;
  g_autoptr(HcTestResponse) anonymous = NULL;
  g_autoptr(HcTestResponse) unknown = NULL;
  g_autofree char *pdf_path = g_build_filename (tmpdir, "report.pdf", NULL);
  g_autofree char *png_prefix = g_build_filename (tmpdir, "report", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GError) error = NULL;
  const char *shot_dir = g_getenv ("HC_SCREENSHOT_DIR");

  hc_assert_status (r, 200, NULL);
  g_assert_cmpstr (r->content_type, ==, "application/pdf");
  g_assert_true (g_file_set_contents (pdf_path, g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body), &error));
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, r->body);
  {
    g_autofree char *sha_kept = hc_test_query_text (server, "SELECT sha256 FROM reports ORDER BY id DESC LIMIT 1");
    g_autofree char *actor = hc_test_query_text (server, "SELECT actor FROM reports ORDER BY id DESC LIMIT 1");

    number = hc_test_query_text (server, "SELECT number FROM reports ORDER BY id DESC LIMIT 1");
    g_assert_nonnull (number);
    g_assert_cmpstr (sha_kept, ==, sha);
    g_assert_cmpstr (actor, ==, "analyst");
  }

  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf_path, "-", NULL };

    text = records_run_text (argv);
  }
  /* the long name wraps: compare without the line breaks */
  flat = g_strdup (text);
  {
    char *w = flat;

    for (const char *p = text; *p; p++)
      if (*p != '\n' && *p != ' ')
        *w++ = *p;
    *w = '\0';
  }
  g_assert_nonnull (strstr (flat, "海南椰风海韵国际旅游度假酒店管理集团有限公司（测试用的一个特别长的名称，报告里必须折行而不被截断）"));
  g_assert_nonnull (strstr (text, number));
  g_assert_nonnull (strstr (text, "公共信用信息报告"));
  g_assert_nonnull (strstr (text, "行政许可"));
  g_assert_nonnull (strstr (text, "行政处罚"));
  g_assert_nonnull (strstr (text, "信用承诺"));
  g_assert_nonnull (strstr (text, "名单"));
  g_assert_nonnull (strstr (text, "信用修复"));
  g_assert_nonnull (strstr (text, "无"));                              /* the empty list section */
  g_assert_nonnull (strstr (flat, "超长的许可证书编号用来检查表格单元格的折行"));   /* a wide cell wrapped, not cut */
  g_assert_nonnull (strstr (text, "琼市监罚〔2025〕1号"));            /* under publicity */
  g_assert_null (strstr (text, "琼市监罚〔2020〕7号"));               /* publicity ended */
  g_assert_null (strstr (text, "琼市监罚〔2025〕2号"));               /* repaired */
  g_assert_null (strstr (text, "琼税罚〔2025〕5号"));                 /* conditionally shared: never in the report */
  g_assert_null (strstr (text, "琼税罚〔2025〕99号"));                /* not disclosed */
  g_assert_nonnull (strstr (text, "CN-2025-001"));
  g_assert_nonnull (strstr (text, "第 1 页"));

  verified = records_get (NULL, "/reports/%s?sha256=%s", number, sha);
  hc_assert_status (verified, 200, NULL);
  g_assert_true (json_object_get_boolean_member (hc_test_response_object (verified), "matches"));
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (verified), "sha256"), ==, sha);
  g_assert_false (json_object_has_member (hc_test_response_object (verified), "issued_by"));
  sha[0] = sha[0] == '0' ? '1' : '0';
  altered = records_get (analyst, "/reports/%s?sha256=%s", number, sha);
  g_assert_false (json_object_get_boolean_member (hc_test_response_object (altered), "matches"));
  unknown = records_get (NULL, "/reports/HN20250101-0000000000");
  hc_assert_status (unknown, 404, "not_found");
  anonymous = records_get (NULL, "/subjects/%s/report.pdf", company);
  hc_assert_status (anonymous, 401, NULL);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'report.issue'"), ==, 1);

  /* page 1 as a picture, to look at */
  {
    const char *argv[] = { "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", pdf_path, png_prefix, NULL };
    g_autofree char *out = records_run_text (argv);
    g_autofree char *png = g_strconcat (png_prefix, "-1.png", NULL);

    g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
    if (shot_dir != NULL)
      {
        g_autofree char *dest = g_build_filename (shot_dir, "report-page-1.png", NULL);
        g_autofree char *data = NULL;
        gsize len;

        g_assert_true (g_file_get_contents (png, &data, &len, NULL));
        g_assert_true (g_file_set_contents (dest, data, len, NULL));
      }
  }
}

int
main (int argc, char *argv[])
{
  int ret;

  /* The report speaks Chinese, as the app that starts the server does. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("hc-records-XXXXXX", NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  admin = hc_test_server_token (server, "admin");
  {
    records_exec_sql ("INSERT INTO departments (id, code, name, created_at) VALUES"
                      " (901, 'SCJG-T', '海南省市场监督管理局（测试）', '2025-01-01T00:00:00Z'),"
                      " (902, 'SW-T', '国家税务总局海南省税务局（测试）', '2025-01-01T00:00:00Z');");
  }
  records_create_user ("analyst", "analyst", 0);
  records_create_user ("supervisor", "supervisor", 0);
  records_create_user ("holder", "analyst", 901);
  records_create_user ("market_supervisor", "supervisor", 901);
  analyst = hc_test_server_token (server, "analyst");
  supervisor = hc_test_server_token (server, "supervisor");
  holder = hc_test_server_token (server, "holder");
  market_supervisor = hc_test_server_token (server, "market_supervisor");
  setup ();

  g_test_add_func ("/records/read-back-after-import", test_records_read_back_after_import);
  g_test_add_func ("/records/restricted-only-for-admins", test_restricted_records_only_for_admins);
  g_test_add_func ("/records/publicity-excludes-expired-and-repaired", test_publicity_excludes_expired_and_repaired);
  g_test_add_func ("/records/commitment-fulfilment-and-watch-entry", test_commitment_fulfilment_and_watch_entry);
  g_test_add_func ("/records/report-pdf-text-and-verification", test_report_pdf_text_and_verification);
  hc_test_records_person_file_masked_add ();
  g_test_add_func ("/records/records-and-publicity-export", test_records_and_publicity_export);
  hc_test_records_person_file_add ();

  ret = g_test_run ();
  hc_test_server_free (server);
  g_free (company);
  g_free (other);
  g_free (tmpdir);
  return ret;
}
