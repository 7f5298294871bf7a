/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of the subjects' counts kept by triggers (issue 12, migration
 * 21): they agree with the subjects after every kind of write — created
 * and edited over HTTP, registered by an import, deleted, filled by the
 * migration from the rows already there — and GET /subjects answers its
 * exact total from them when no text filters; a name search's exact total
 * is remembered until a subject is written (migration 22). Over SQLite and, as
 * api-pg-subject-counts, over PostgreSQL. */
#include "config.h"

#include <string.h>

#include "hc-core.h"
#include "hc-test-imports.h"
#include "hc-test-server.h"

static HcTestServer *server;
static const char *analyst;
static const char *supervisor;
static GRand *prng;

/* The (type, region, status, grade) rows whose count disagrees with the
 * subjects: 0 when the counts are right. */
static const char SQL_DISAGREEING[] =
  "SELECT count(*) FROM subject_counts c FULL JOIN"
  " (SELECT type, region, status, coalesce (grade, '') AS grade, count(*) AS n FROM subjects"
  "  GROUP BY type, region, status, coalesce (grade, '')) s USING (type, region, status, grade)"
  " WHERE coalesce (c.n, 0) <> coalesce (s.n, 0)";

static void
assert_counts_agree (HcTestServer *srv)
{
  g_assert_cmpint (hc_test_count_rows (srv, SQL_DISAGREEING), ==, 0);
  g_assert_cmpint (hc_test_count_rows (srv, "SELECT coalesce (sum (n), 0) FROM subject_counts"), ==,
                   hc_test_count_rows (srv, "SELECT count(*) FROM subjects"));
}

/* GET /subjects?@filters with total=estimate (the pane's first page) and
 * with total=1: both the exact count. */
static gint64
listed_total (HcTestServer *srv,
              const char   *token,
              const char   *filters)
{
  g_autofree char *estimate_path = g_strdup_printf ("/subjects?limit=1&total=estimate%s%s", *filters ? "&" : "", filters);
  g_autofree char *exact_path = g_strdup_printf ("/subjects?limit=1&total=1%s%s", *filters ? "&" : "", filters);
  g_autoptr(HcTestResponse) estimate = hc_test_request (srv, "GET", estimate_path, token, NULL);
  g_autoptr(HcTestResponse) exact = hc_test_request (srv, "GET", exact_path, token, NULL);
  JsonObject *answer;

  hc_assert_status (estimate, 200, NULL);
  hc_assert_status (exact, 200, NULL);
  answer = hc_test_response_object (estimate);
  g_assert_true (json_object_get_boolean_member (answer, "total_exact"));
  g_assert_cmpint (json_object_get_int_member (answer, "total"), ==,
                   json_object_get_int_member (hc_test_response_object (exact), "total"));
  return json_object_get_int_member (answer, "total");
}

static void
assert_totals_right (HcTestServer *srv,
                     const char   *token)
{
  static const char * const filters[][2] = {
    { "", "1 = 1" },
    { "region=460100", "region = '460100'" },
    { "type=natural_person", "type = 'natural_person'" },
    { "status=revoked", "status = 'revoked'" },
    { "grade=A", "grade = 'A'" },
    { "region=460200&type=legal_person&status=active", "region = '460200' AND type = 'legal_person' AND status = 'active'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM subjects WHERE %s", filters[i][1]);

      g_assert_cmpint (listed_total (srv, token, filters[i][0]), ==, hc_test_count_rows (srv, sql));
    }
}

static HcTestResponse *
post_subject (const char *identifier,
              const char *name,
              const char *type)
{
  return hc_test_post_subject (server, analyst, identifier, name, type, NULL);
}

static void
patch_subject_on (HcTestServer *srv,
                  const char   *token,
                  const char   *identifier,
                  const char   *body)
{
  g_autofree char *path = g_strdup_printf ("/subjects/%s", identifier);
  g_autoptr(HcTestResponse) got = hc_test_request (srv, "GET", path, token, NULL);
  g_autoptr(HcTestResponse) patched = NULL;

  hc_assert_status (got, 200, NULL);
  patched = hc_test_patch_subject (srv, token, identifier, got->etag, body);
  hc_assert_status (patched, 200, NULL);
}

static void
patch_subject (const char *token,
               const char *identifier,
               const char *body)
{
  patch_subject_on (server, token, identifier, body);
}

/* Created, edited in each counted column, deleted (no route deletes a
 * subject: by SQL, as a repair by hand would): the counts follow each
 * write, and the listed totals with them. */
static void
test_counts_follow_http_writes (void)
{
  static const char * const divisions[] = { "460100", "460200", "469002", "460100" };
  g_autoptr(GPtrArray) usccs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *person = hc_id_number_generate (prng, "460100");
  g_autofree char *deleted = NULL;

  assert_counts_agree (server);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("海南计数测试%u有限公司", i);
      char *uscc = hc_uscc_generate (prng, divisions[i % G_N_ELEMENTS (divisions)]);
      g_autoptr(HcTestResponse) created = post_subject (uscc, name, i % 3 == 2 ? "unincorporated" : "legal_person");

      hc_assert_status (created, 201, NULL);
      g_ptr_array_add (usccs, uscc);
    }
  {
    g_autoptr(HcTestResponse) created = post_subject (person, "林计数", "natural_person");
    g_autoptr(HcTestResponse) again = post_subject (g_ptr_array_index (usccs, 0), "重复的主体", "legal_person");

    hc_assert_status (created, 201, NULL);
    hc_assert_status (again, 409, NULL);
  }
  assert_counts_agree (server);
  assert_totals_right (server, analyst);

  patch_subject (analyst, g_ptr_array_index (usccs, 0), "{\"status\":\"revoked\"}");
  patch_subject (analyst, g_ptr_array_index (usccs, 1), "{\"region\":\"469002\",\"name\":\"改了名的公司\"}");
  patch_subject (supervisor, g_ptr_array_index (usccs, 2),
                 "{\"grade\":\"A\",\"grade_reason\":\"计数测试：人工认定\"}");
  patch_subject (supervisor, g_ptr_array_index (usccs, 3),
                 "{\"grade\":\"D\",\"grade_reason\":\"计数测试：人工认定\",\"status\":\"deregistered\"}");
  patch_subject (analyst, g_ptr_array_index (usccs, 4), "{\"name\":\"只改名称的公司\"}");
  assert_counts_agree (server);
  assert_totals_right (server, analyst);
  g_assert_cmpint (listed_total (server, analyst, "grade=A"), >=, 1);
  g_assert_cmpint (listed_total (server, analyst, "status=revoked"), >=, 1);

  deleted = g_strdup_printf ("DELETE FROM subjects WHERE identifier IN ('%s', '%s')",
                             (char *) g_ptr_array_index (usccs, 5), person);
  hc_test_exec_sql (server, deleted);
  assert_counts_agree (server);
  assert_totals_right (server, analyst);
}

/* The total comes from the counts, not from a count of the subjects: a
 * count changed by hand shows in it (and is put back). Two subjects, so
 * that a page of one does not hold the last match (whose total is the
 * rows read). */
static void
test_total_is_read_from_the_counts (void)
{
  g_autofree char *uscc = hc_uscc_generate (prng, "460400");
  g_autofree char *uscc2 = hc_uscc_generate (prng, "460400");
  g_autoptr(HcTestResponse) created = post_subject (uscc, "儋州计数来源有限公司", "legal_person");
  g_autoptr(HcTestResponse) created2 = post_subject (uscc2, "儋州计数来源二有限公司", "legal_person");
  gint64 before;

  hc_assert_status (created, 201, NULL);
  hc_assert_status (created2, 201, NULL);
  before = listed_total (server, analyst, "region=460400");
  g_assert_cmpint (before, >=, 2);
  hc_test_exec_sql (server, "UPDATE subject_counts SET n = n + 1000 WHERE region = '460400' AND type = 'legal_person'"
                            " AND status = 'active' AND grade = ''");
  g_assert_cmpint (listed_total (server, analyst, "region=460400"), ==, before + 1000);
  g_assert_cmpint (hc_test_count_rows (server, SQL_DISAGREEING), ==, 1);
  if (hc_test_is_pg ())
    {
      /* `check` names the counts that disagree (hcs-store-pg-check.c). */
      const char *args[] = { "check", "--db", hc_test_server_get_db_path (server), NULL };
      g_autofree char *out = NULL;

      g_assert_cmpint (hc_test_server_command (args, &out, NULL), ==, 1);
      g_assert_nonnull (strstr (out, "subject_counts"));
    }
  hc_test_exec_sql (server, "UPDATE subject_counts SET n = n - 1000 WHERE region = '460400' AND type = 'legal_person'"
                            " AND status = 'active' AND grade = ''");
  g_assert_cmpint (listed_total (server, analyst, "region=460400"), ==, before);
  assert_counts_agree (server);
}

/* 登记注册基本信息 imported: the subjects it registers are counted (over
 * PostgreSQL, the rows written by one INSERT … SELECT from the staging
 * table); the rows it rejects are not. */
static void
test_counts_follow_a_registration_import (void)
{
  g_autoptr(GString) csv = g_string_new ("统一社会信用代码,主体名称,主体类型,所属市县,行业,成立日期\n");
  g_autoptr(HcTestResponse) r = NULL;
  g_autofree char *dup = hc_uscc_generate (prng, "460200");
  gint64 before = hc_test_count_rows (server, "SELECT count(*) FROM subjects");

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *uscc = hc_uscc_generate (prng, i % 2 ? "460200" : "469005");

      g_string_append_printf (csv, "%s,海南导入计数%u有限公司,%s,%s,批发和零售业,2020-01-0%u\n",
                              uscc, i, i % 4 == 3 ? "非法人组织" : "法人", i % 2 ? "三亚市" : "文昌市", 1 + i % 9);
    }
  g_string_append_printf (csv, "%s,三亚重复行有限公司,法人,三亚市,,\n", dup);
  g_string_append_printf (csv, "%s,三亚重复行有限公司,法人,三亚市,,\n", dup);
  g_string_append (csv, "91460000MA5T0000XX,坏代码有限公司,法人,海口市,,\n");
  r = hc_test_imports_post (server, "kind=registration&item=15", analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (r, "accepted"), ==, 41);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM subjects"), ==, before + 41);
  assert_counts_agree (server);
  assert_totals_right (server, analyst);
}

/* Migration 21 counts the subjects already there: a database at version
 * 20 (no counts, no triggers) brought to the latest schema has them. */
static void
test_migration_counts_the_subjects_there (void)
{
  g_autoptr(HcTestServer) old = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcTestServer) again = NULL;
  g_autofree char *db_path = g_strdup (hc_test_server_get_db_path (old));

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *uscc = hc_uscc_generate (prng, i % 3 ? "460100" : "469007");
      g_autofree char *name = g_strdup_printf ("迁移前的主体%u有限公司", i);

      hc_test_create_subject (old, uscc, name, "legal_person", i % 3 ? "460100" : "469007");
    }
  hc_test_exec_sql (old, "UPDATE subjects SET grade = 'B' WHERE id % 2 = 0");
  hc_test_server_stop (old);
  if (hc_test_is_pg ())
    hc_test_exec_sql (old, "DROP TRIGGER subjects_count_insert ON subjects;"
                           "DROP TRIGGER subjects_count_delete ON subjects;"
                           "DROP TRIGGER subjects_count_update ON subjects;"
                           "DROP FUNCTION subjects_count ();"
                           "DROP TABLE subject_counts;"
                           "UPDATE hc_schema_version SET version = 20;");
  else
    hc_test_exec_sql (old, "DROP TRIGGER subjects_count_insert; DROP TRIGGER subjects_count_delete;"
                           "DROP TRIGGER subjects_count_update; DROP TABLE subject_counts;"
                           "PRAGMA user_version = 20;");

  again = hc_test_server_new_for_db (db_path, NULL);
  g_assert_cmpint (hc_test_count_rows (again, "SELECT count(*) FROM subject_counts"), >, 0);
  g_assert_cmpint (hc_test_count_rows (again, "SELECT coalesce (sum (n), 0) FROM subject_counts"), ==, 12);
  assert_counts_agree (again);
  assert_totals_right (again, hc_test_create_user (again, "qian.li", "analyst"));
}

/* GET /subjects?q=…&limit=1&total=1 on @srv: the exact total. */
static gint64
search_total (HcTestServer *srv,
              const char   *token,
              const char   *text,
              const char   *filters)
{
  g_autofree char *q = g_uri_escape_string (text, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/subjects?q=%s&limit=1&total=1%s%s", q, *filters ? "&" : "", filters);
  g_autoptr(HcTestResponse) r = hc_test_request (srv, "GET", path, token, NULL);

  hc_assert_status (r, 200, NULL);
  g_assert_true (json_object_has_member (hc_test_response_object (r), "total"));
  return json_object_get_int_member (hc_test_response_object (r), "total");
}

#define REMEMBERED_TEXT "计数缓存"
#define SQL_REMEMBERED_ALL "SELECT count(*) FROM subjects WHERE name LIKE '%" REMEMBERED_TEXT "%'"
#define SQL_REMEMBERED_HAIKOU SQL_REMEMBERED_ALL " AND region = '460100'"

/* Both servers answer the text's exact total, alone and with a 市县, as
 * the subjects have it. */
static void
assert_search_totals_right (HcTestServer *one,
                            HcTestServer *two,
                            const char   *token)
{
  gint64 all = hc_test_count_rows (one, SQL_REMEMBERED_ALL);
  gint64 haikou = hc_test_count_rows (one, SQL_REMEMBERED_HAIKOU);

  g_assert_cmpint (search_total (one, token, REMEMBERED_TEXT, ""), ==, all);
  g_assert_cmpint (search_total (two, token, REMEMBERED_TEXT, ""), ==, all);
  g_assert_cmpint (search_total (one, token, REMEMBERED_TEXT, "region=460100"), ==, haikou);
  g_assert_cmpint (search_total (two, token, REMEMBERED_TEXT, "region=460100"), ==, haikou);
}

/* A name search's exact total that has to be counted (a text of more than
 * two characters, migration 22) is remembered by each server and answered
 * again while the subjects' generation stays: a subject written behind the
 * generation's back (put back by hand) is not seen by either of two
 * servers on the same database; the generation raised, both count it.
 * Then every kind of write of a subject, through either server or by SQL,
 * shows in both servers' next totals. Each server remembers a count for
 * all its worker threads (their connections), whichever answers. */
static void
test_search_total_remembered_until_a_write (void)
{
  const char *two_threads[] = { "--threads", "2", NULL };
  g_autoptr(HcTestServer) one = hc_test_server_new (HC_TEST_SERVER_EMPTY, two_threads);
  g_autoptr(HcTestServer) two = hc_test_server_new_for_db (hc_test_server_get_db_path (one), two_threads);
  const char *token = hc_test_create_user (one, "sun.li", "analyst");
  g_autofree char *hidden = hc_uscc_generate (prng, "460100");
  g_autofree char *insert = NULL;
  g_autofree char *set_back = NULL;
  g_autofree char *delete = NULL;
  char *usccs[4];
  gint64 generation;

  for (guint i = 0; i < G_N_ELEMENTS (usccs); i++)
    {
      g_autofree char *name = g_strdup_printf ("海南" REMEMBERED_TEXT "%u号有限公司", i);

      usccs[i] = hc_uscc_generate (prng, i % 2 ? "460200" : "460100");
      hc_test_create_subject (one, usccs[i], name, "legal_person", i % 2 ? "460200" : "460100");
    }
  g_assert_cmpint (hc_test_count_rows (one, SQL_REMEMBERED_ALL), ==, 4);
  assert_search_totals_right (one, two, token);

  /* Written behind the generation's back: the remembered totals stay. */
  generation = hc_test_count_rows (one, "SELECT generation FROM subject_generation");
  insert = g_strdup_printf ("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                            " VALUES ('%s', '暗中" REMEMBERED_TEXT "有限公司', 'legal_person', '460100',"
                            " '2026-12-07T00:00:00Z', '2026-12-07T00:00:00Z')", hidden);
  hc_test_exec_sql (one, insert);
  g_assert_cmpint (hc_test_count_rows (one, "SELECT generation FROM subject_generation"), >, generation);
  set_back = g_strdup_printf ("UPDATE subject_generation SET generation = %" G_GINT64_FORMAT, generation);
  hc_test_exec_sql (one, set_back);
  g_assert_cmpint (hc_test_count_rows (one, SQL_REMEMBERED_ALL), ==, 5);
  g_assert_cmpint (search_total (one, token, REMEMBERED_TEXT, ""), ==, 4);
  g_assert_cmpint (search_total (two, token, REMEMBERED_TEXT, ""), ==, 4);
  g_assert_cmpint (search_total (two, token, REMEMBERED_TEXT, "region=460100"), ==, 2);
  /* The generation raised: counted again by both. */
  hc_test_exec_sql (one, "UPDATE subject_generation SET generation = generation + 1");
  assert_search_totals_right (one, two, token);
  g_assert_cmpint (search_total (one, token, REMEMBERED_TEXT, ""), ==, 5);

  /* Created through one server: both count it. */
  {
    g_autofree char *uscc = hc_uscc_generate (prng, "460100");

    hc_test_create_subject (two, uscc, "新建" REMEMBERED_TEXT "有限公司", "legal_person", "460100");
  }
  assert_search_totals_right (one, two, token);
  g_assert_cmpint (search_total (two, token, REMEMBERED_TEXT, ""), ==, 6);
  /* Renamed, moved to another 市县, revoked: each seen by both. */
  patch_subject_on (one, token, usccs[0], "{\"name\":\"改名后的公司\"}");
  assert_search_totals_right (one, two, token);
  g_assert_cmpint (search_total (two, token, REMEMBERED_TEXT, ""), ==, 5);
  patch_subject_on (two, token, usccs[1], "{\"region\":\"460100\"}");
  assert_search_totals_right (one, two, token);
  g_assert_cmpint (search_total (one, token, REMEMBERED_TEXT, "region=460100"), ==, 4);
  patch_subject_on (one, token, usccs[2], "{\"status\":\"revoked\"}");
  assert_search_totals_right (one, two, token);
  g_assert_cmpint (search_total (two, token, REMEMBERED_TEXT, "status=revoked"), ==, 1);
  /* Deleted by SQL, as a repair by hand would. */
  delete = g_strdup_printf ("DELETE FROM subjects WHERE identifier = '%s'", usccs[3]);
  hc_test_exec_sql (one, delete);
  assert_search_totals_right (one, two, token);
  g_assert_cmpint (search_total (one, token, REMEMBERED_TEXT, ""), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (usccs); i++)
    g_free (usccs[i]);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  prng = g_rand_new_with_seed (21);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  analyst = hc_test_create_user (server, "li.fen", "analyst");
  supervisor = hc_test_create_user (server, "zhao.qiang", "supervisor");
  hc_test_imports_seed_catalog (server);

  g_test_add_func ("/subject-counts/follow-http-writes", test_counts_follow_http_writes);
  g_test_add_func ("/subject-counts/total-is-read-from-the-counts", test_total_is_read_from_the_counts);
  g_test_add_func ("/subject-counts/follow-a-registration-import", test_counts_follow_a_registration_import);
  g_test_add_func ("/subject-counts/migration-counts-the-subjects-there", test_migration_counts_the_subjects_there);
  g_test_add_func ("/subject-counts/search-total-remembered-until-a-write", test_search_total_remembered_until_a_write);

  status = g_test_run ();
  hc_test_server_free (server);
  g_rand_free (prng);
  return status;
}
