/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of 归集 by kind of record: licences, commitments and
 * registrations, the subjects records are found under (in memory or by
 * SQL), rejections found when a row is written, the CLI's import, and a
 * server killed mid-import. */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hc-core.h"
#include "hc-test-imports.h"

static HcTestServer *server;
static const char *admin, *analyst;
static const gint64 penalty_item = HC_TEST_IMPORTS_PENALTY_ITEM;
static GRand *prng;

static char *
new_uscc (void)
{
  return hc_uscc_generate (prng, "460100");
}

static void
test_cli_uses_the_same_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hncredit-cli-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "cli.csv", NULL);
  g_autofree char *exe = g_getenv ("HNCREDIT_SERVER_PATH") ? g_strdup (g_getenv ("HNCREDIT_SERVER_PATH"))
                         : g_build_filename (HC_BUILD_ROOT, "src", "server", "hncredit-server", NULL);
  g_autoptr(GString) csv = g_string_new (HC_TEST_IMPORTS_HEADER);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *item = g_strdup_printf ("%" G_GINT64_FORMAT, penalty_item);
  const char *argv[] = { exe, "import", "--db", hc_test_server_get_db_path (server), "--item", item,
                         "--actor", "cli-tester", file, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  int status = 0;

  for (guint i = 0; i < 3; i++)
    hc_test_imports_good_row (csv, prng, "CLI", i);
  g_string_append (csv, "bad,海南坏行有限公司,CLI-BAD,某机关,2024-01-01,罚款,1,\n");
  g_assert_true (g_file_set_contents (file, csv->str, csv->len, NULL));

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "4 rows read, 3 accepted, 1 rejected"));
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM imports WHERE actor = 'cli-tester' AND file_name = 'cli.csv'"
                                       " AND accepted = 3 AND rejected = 1"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'import.create' AND actor = 'cli-tester'"), ==, 1);

  /* the same file again fails with a non-zero exit */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "import"));

  g_remove (file);
  g_rmdir (dir);
}

/* A big import reads the registered identifiers into memory once instead
 * of looking each row's subject up in SQL (HCS_IMPORT_SUBJECTS forces
 * either way): both give each record the same subject, NULL for an
 * unregistered one, count a registered code under another name as 重码,
 * and refuse a commitment of an unknown subject. */
static void
import_with_subjects (const char *how,
                      const char *file,
                      const char *item,
                      const char *kind)
{
  g_autofree char *exe = g_getenv ("HNCREDIT_SERVER_PATH") ? g_strdup (g_getenv ("HNCREDIT_SERVER_PATH"))
                         : g_build_filename (HC_BUILD_ROOT, "src", "server", "hncredit-server", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { exe, "import", "--db", hc_test_server_get_db_path (server), "--item", item,
                         "--kind", kind, "--actor", "subject-index", file, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  int status = 0;

  env = g_environ_setenv (env, "HCS_IMPORT_SUBJECTS", how, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_subjects_in_memory_or_by_sql (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hncredit-subjects-XXXXXX", NULL);
  g_autofree char *known = new_uscc ();
  g_autofree char *unknown = new_uscc ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                                          " VALUES ('%s', '海南索引有限公司', 'legal_person', '460100', 'x', 'x')", known);
  static const char * const ways[] = { "memory", "sql" };

  hc_test_exec_sql (server, sql);
  for (guint w = 0; w < G_N_ELEMENTS (ways); w++)
    {
      g_autofree char *penalties = g_build_filename (dir, "p.csv", NULL);
      g_autofree char *commitments = g_build_filename (dir, "c.csv", NULL);
      g_autofree char *csv = g_strdup_printf (HC_TEST_IMPORTS_HEADER
                                              "%s,海南索引有限公司,IDX-%s-1号,海口市市场监督管理局,2024-01-02,罚款,1,\n"
                                              "%s,海南未登记有限公司,IDX-%s-2号,海口市市场监督管理局,2024-01-02,罚款,2,\n"
                                              "%s,海南另名有限公司,IDX-%s-3号,海口市市场监督管理局,2024-01-02,罚款,3,\n",
                                              known, ways[w], unknown, ways[w], known, ways[w]);
      g_autofree char *ccsv = g_strdup_printf ("uscc,name,commitment_no,matter,authority,committed_on,fulfilment\n"
                                               "%s,海南索引有限公司,IDXC-%s-1,承诺事项,海口市市场监督管理局,2024-01-02,已履约\n"
                                               "%s,海南未登记有限公司,IDXC-%s-2,承诺事项,海口市市场监督管理局,2024-01-02,已履约\n",
                                               known, ways[w], unknown, ways[w]);
      g_autofree char *found = g_strdup_printf ("SELECT count(*) FROM penalties p JOIN subjects s ON s.id = p.subject_id"
                                                " WHERE p.decision_no = 'IDX-%s-1号' AND s.identifier = '%s'",
                                                ways[w], known);
      g_autofree char *unfound = g_strdup_printf ("SELECT count(*) FROM penalties WHERE decision_no = 'IDX-%s-2号'"
                                                  " AND subject_id IS NULL", ways[w]);
      g_autofree char *kept = g_strdup_printf ("SELECT count(*) FROM commitments c JOIN subjects s ON s.id = c.subject_id"
                                               " WHERE c.commitment_no = 'IDXC-%s-1' AND s.identifier = '%s'",
                                               ways[w], known);
      const char *refused = "SELECT count(*) FROM import_rejections r JOIN imports i ON i.id = r.import_id"
                            " WHERE i.actor = 'subject-index' AND i.kind = 'commitment'"
                            " AND r.code = 'unknown_subject' AND r.row = 3";

      g_assert_true (g_file_set_contents (penalties, csv, -1, NULL));
      g_assert_true (g_file_set_contents (commitments, ccsv, -1, NULL));
      import_with_subjects (ways[w], penalties, "11", "penalty");
      import_with_subjects (ways[w], commitments, "14", "commitment");
      g_assert_cmpint (hc_test_count_rows (server, found), ==, 1);
      g_assert_cmpint (hc_test_count_rows (server, unfound), ==, 1);
      g_assert_cmpint (hc_test_count_rows (server, kept), ==, 1);
      g_assert_cmpint (hc_test_count_rows (server, refused), ==, w + 1);
      /* the third row names a registered code under another name: 重码 */
      g_assert_cmpint (hc_test_count_rows (server, "SELECT uscc_duplicates FROM imports WHERE actor = 'subject-index' AND kind = 'penalty'"
                                           " ORDER BY id DESC LIMIT 1"), ==, 1);
      g_remove (penalties);
      g_remove (commitments);
    }
  g_rmdir (dir);
}

/* Runs the CLI's import of @file into @s with HCS_IMPORT_INDEXES=@indexes.
 * Returns: whether it succeeded; its output in @out */
static gboolean
import_indexes (HcTestServer  *s,
                const char    *indexes,
                const char    *file,
                char         **out)
{
  g_autofree char *exe = g_getenv ("HNCREDIT_SERVER_PATH") ? g_strdup (g_getenv ("HNCREDIT_SERVER_PATH"))
                         : g_build_filename (HC_BUILD_ROOT, "src", "server", "hncredit-server", NULL);
  const char *argv[] = { exe, "import", "--db", hc_test_server_get_db_path (s), "--item", "11",
                         "--actor", "indexes", file, NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_autoptr(GError) error = NULL;
  int status = 0;

  env = g_environ_setenv (env, "HCS_IMPORT_INDEXES", indexes, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, NULL, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

/* A big import drops its table's own indexes and builds them again once
 * its rows are in (HCS_IMPORT_INDEXES=defer forces it on a small file; the
 * schema's version tells it happened): the index is there after, declared
 * the same, with its statistics as they were, and finds the records; an
 * import that fails after the drop leaves the index and the schema as
 * they were. SQLite only: over PostgreSQL the rows are staged and nothing
 * is dropped. */
static void
test_indexes_dropped_and_built_again (void)
{
  g_autoptr(HcTestServer) s = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hncredit-indexes-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "ix.csv", NULL);
  g_autofree char *known = new_uscc ();
  g_autofree char *unknown = new_uscc ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                                          " VALUES ('%s', '海南索引有限公司', 'legal_person', '460100', 'x', 'x')", known);
  g_autofree char *by_index = g_strdup_printf ("SELECT count(*) FROM penalties INDEXED BY penalties_subject"
                                               " WHERE subject_id = (SELECT id FROM subjects WHERE identifier = '%s')",
                                               known);
  const char *declared = "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'penalties_subject'";
  const char *stat = "SELECT stat FROM sqlite_stat1 WHERE tbl = 'penalties' AND idx = 'penalties_subject'";
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stat_after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *csv = NULL;
  gint64 version;

  if (hc_test_is_pg ())
    {
      g_test_skip ("over PostgreSQL an import drops no index");
      return;
    }
  s = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  hc_test_imports_seed_catalog (s);
  hc_test_exec_sql (s, sql);
  hc_test_exec_sql (s, "ANALYZE penalties; DELETE FROM sqlite_stat1 WHERE tbl = 'penalties';"
                       " INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('penalties', 'penalties_subject', '4000 3')");
  before = hc_test_query_text (s, declared);
  g_assert_nonnull (before);

  csv = g_strdup_printf (HC_TEST_IMPORTS_HEADER
                         "%s,海南索引有限公司,IX-1号,海口市市场监督管理局,2024-01-02,罚款,1,\n"
                         "%s,海南未登记有限公司,IX-2号,海口市市场监督管理局,2024-01-02,罚款,2,\n"
                         "%s,海南索引有限公司,IX-3号,海口市市场监督管理局,2024-01-02,罚款,3,\n"
                         "%s,海南索引有限公司,IX-1号,海口市市场监督管理局,2024-01-02,罚款,4,\n"
                         "9146010X,海南坏码有限公司,IX-5号,海口市市场监督管理局,2024-01-02,罚款,5,\n",
                         known, unknown, known, known);
  g_assert_true (g_file_set_contents (file, csv, -1, NULL));
  version = hc_test_count_rows (s, "PRAGMA schema_version");
  g_assert_true (import_indexes (s, "defer", file, &out));
  g_assert_nonnull (strstr (out, "5 rows read, 3 accepted, 2 rejected"));
  g_assert_cmpint (hc_test_count_rows (s, "PRAGMA schema_version"), >, version);
  after = hc_test_query_text (s, declared);
  g_assert_cmpstr (after, ==, before);
  stat_after = hc_test_query_text (s, stat);
  g_assert_cmpstr (stat_after, ==, "4000 3");
  g_assert_cmpint (hc_test_count_rows (s, by_index), ==, 2);
  g_assert_cmpint (hc_test_count_rows (s, "SELECT count(*) FROM import_rejections r JOIN imports i ON i.id = r.import_id"
                                          " WHERE i.actor = 'indexes' AND r.code = 'duplicate_in_file' AND r.row = 5"), ==, 1);
  hc_test_assert_db_intact (hc_test_server_get_db_path (s));

  /* kept (a small import's default): the schema is not touched */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&csv, g_free);
  csv = g_strdup_printf (HC_TEST_IMPORTS_HEADER "%s,海南索引有限公司,IX-6号,海口市市场监督管理局,2024-01-02,罚款,6,\n", known);
  g_assert_true (g_file_set_contents (file, csv, -1, NULL));
  version = hc_test_count_rows (s, "PRAGMA schema_version");
  g_assert_true (import_indexes (s, "keep", file, &out));
  g_assert_cmpint (hc_test_count_rows (s, "PRAGMA schema_version"), ==, version);
  g_assert_cmpint (hc_test_count_rows (s, by_index), ==, 3);

  /* an import that fails once the index is dropped (a trigger refuses its
   * last row) rolls the drop back with its rows */
  hc_test_exec_sql (s, "CREATE TRIGGER ix_refuse BEFORE INSERT ON penalties WHEN NEW.decision_no = 'IX-REFUSED'"
                       " BEGIN SELECT RAISE (ABORT, 'refused by the test'); END");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&csv, g_free);
  g_clear_pointer (&after, g_free);
  g_clear_pointer (&stat_after, g_free);
  csv = g_strdup_printf (HC_TEST_IMPORTS_HEADER
                         "%s,海南索引有限公司,IX-7号,海口市市场监督管理局,2024-01-02,罚款,7,\n"
                         "%s,海南索引有限公司,IX-REFUSED,海口市市场监督管理局,2024-01-02,罚款,8,\n",
                         known, known);
  g_assert_true (g_file_set_contents (file, csv, -1, NULL));
  version = hc_test_count_rows (s, "PRAGMA schema_version");
  g_assert_false (import_indexes (s, "defer", file, &out));
  g_assert_cmpint (hc_test_count_rows (s, "PRAGMA schema_version"), ==, version);
  after = hc_test_query_text (s, declared);
  g_assert_cmpstr (after, ==, before);
  stat_after = hc_test_query_text (s, stat);
  g_assert_cmpstr (stat_after, ==, "4000 3");
  g_assert_cmpint (hc_test_count_rows (s, "SELECT count(*) FROM penalties WHERE decision_no = 'IX-7号'"), ==, 0);
  g_assert_cmpint (hc_test_count_rows (s, by_index), ==, 3);
  hc_test_exec_sql (s, "DROP TRIGGER ix_refuse");
  hc_test_assert_db_intact (hc_test_server_get_db_path (s));

  g_remove (file);
  g_rmdir (dir);
}

/* Whether some connection holds the write lock (the import's transaction);
 * over PostgreSQL, whether another connection is in a transaction. */
static gboolean
write_locked (HcTestServer *s,
              const char   *db_path)
{
  sqlite3 *db = NULL;
  int rc;

  if (hc_test_is_pg ())
    return hc_test_count_rows (s, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database ()"
                                  " AND pid <> pg_backend_pid () AND xact_start IS NOT NULL") > 0;
  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  return rc == SQLITE_BUSY;
}

static void
test_sigkill_mid_import_leaves_all_or_nothing (void)
{
  g_autoptr(HcTestServer) victim = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcTestServer) revived = NULL;
  g_autoptr(GString) csv = g_string_sized_new (200000 * 150);
  g_autoptr(GSocketConnection) conn = NULL;
  g_autoptr(HcTestResponse) health = NULL;
  g_autofree char *db_path = g_strdup (hc_test_server_get_db_path (victim));
  const char *token = hc_test_server_token (victim, "admin");
  guint good = 0;
  gboolean seen_lock = FALSE;
  gint64 penalties, imports, collected;

  hc_test_imports_seed_catalog (victim);
  /* An import acknowledged before the kill must be there after it. */
  {
    g_autoptr(GString) small = g_string_new (HC_TEST_IMPORTS_HEADER);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(HcTestResponse) r = NULL;

    for (guint i = 0; i < 3; i++)
      hc_test_imports_good_row (small, prng, "ACKED", i);
    bytes = g_bytes_new (small->str, small->len);
    r = hc_test_request_full (victim, "POST", "/imports?kind=penalty&item=11", token, "text/csv", bytes, NULL);
    hc_assert_status (r, 201, NULL);
  }
  g_string_append (csv, HC_TEST_IMPORTS_HEADER);
  for (guint i = 0; i < 200000; i++)
    {
      if (i % 1000 == 999)
        g_string_append_printf (csv, "9146010X,坏行%u,KILL-%u,某机关,2024-01-01,罚款,1,\n", i, i);
      else
        {
          hc_test_imports_good_row (csv, prng, "KILL", i);
          good++;
        }
    }

  conn = hc_test_send_raw (victim, "POST", "/imports?kind=penalty&item=11", token, "text/csv", NULL, csv->str, csv->len);
  /* wait until the import holds the write lock (or is already done), then kill */
  for (guint tries = 0; tries < 60000 && !seen_lock; tries++)
    {
      if (write_locked (victim, db_path))
        seen_lock = TRUE;
      else if (hc_test_count_rows (victim, "SELECT count(*) FROM imports") > 1)
        break;
      else
        g_usleep (1000);
    }
  hc_test_server_kill (victim);
  g_test_message ("killed %s the import's transaction", seen_lock ? "during" : "after");

  revived = hc_test_server_new_for_db (db_path, NULL);
  health = hc_test_request (revived, "GET", "/imports", hc_test_server_token (revived, "admin"), NULL);
  hc_assert_status (health, 200, NULL);

  penalties = hc_test_count_rows (revived, "SELECT count(*) FROM penalties");
  imports = hc_test_count_rows (revived, "SELECT count(*) FROM imports");
  collected = hc_test_count_rows (revived, "SELECT collected_records FROM catalog_items WHERE id = 11");
  g_assert_true ((penalties == 3 && imports == 1 && collected == 3) ||
                 (penalties == 3 + good && imports == 2 && collected == 3 + good));
  g_assert_cmpint (hc_test_count_rows (revived, "SELECT count(*) FROM import_rejections"), ==,
                   imports == 1 ? 0 : 200000 - good);

  /* 200,000 rows into a table of 3: the import dropped penalties_subject
   * to build it again after its rows; killed or not, it is there */
  if (!hc_test_is_pg ())
    g_assert_cmpint (hc_test_count_rows (revived, "SELECT count(*) FROM sqlite_schema"
                                                  " WHERE type = 'index' AND name = 'penalties_subject'"), ==, 1);
  hc_test_assert_db_intact (db_path);   /* over PostgreSQL: its roll-ups and record_numbers */
}

static void
test_licenses_and_commitments (void)
{
  g_autofree char *u1 = new_uscc ();
  g_autofree char *u2 = new_uscc ();
  g_autofree char *u3 = new_uscc ();
  g_autofree char *licenses = NULL;
  g_autofree char *commitments = NULL;
  g_autofree char *registered = NULL;
  g_autoptr(HcTestResponse) r1 = NULL;
  g_autoptr(HcTestResponse) r2 = NULL;
  JsonObject *o;

  licenses = g_strdup_printf ("统一社会信用代码,主体名称,许可证书编号,许可证书名称,许可机关,许可决定日期,有效期至\n"
                              "%s,三亚凤凰岛酒店有限公司,JY46020012345,食品经营许可证,三亚市市场监督管理局,2024-05-01,2029-04-30\n"
                              "%s,三亚某某有限公司,JY46020012346,食品经营许可证,三亚市市场监督管理局,2024-05-01,2020-04-30\n",
                              u1, u2);
  r1 = hc_test_imports_post (server, "kind=license&item=12", analyst, "text/csv", licenses, strlen (licenses));
  hc_assert_status (r1, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (r1, "accepted"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM licenses WHERE license_no = 'JY46020012345'"
                                       " AND valid_until = '2029-04-30' AND import_id IS NOT NULL"), ==, 1);
  o = json_array_get_object_element (json_object_get_array_member (hc_test_response_object (r1), "rejections"), 0);
  g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, "invalid_period");

  /* a 告知承诺 needs a registered subject */
  registered = g_strdup_printf ("uscc,name,type,region\n%s,海南承诺有限公司,法人,海口市\n", u3);
  {
    g_autoptr(HcTestResponse) r0 = hc_test_imports_post (server, "kind=registration&item=15", analyst, "text/csv",
                                                         registered, strlen (registered));

    hc_assert_status (r0, 201, NULL);
    g_assert_cmpint (hc_test_imports_int (r0, "accepted"), ==, 1);
  }
  commitments = g_strdup_printf ("uscc,name,commitment_no,matter,authority,committed_on,fulfilment\n"
                                 "%s,海南承诺有限公司,CN-1,食品经营许可告知承诺,海口市市场监督管理局,2024-03-01,已履约\n"
                                 "%s,未登记有限公司,CN-2,食品经营许可告知承诺,海口市市场监督管理局,2024-03-01,\n",
                                 u3, u1);
  r2 = hc_test_imports_post (server, "kind=commitment&item=14", analyst, "text/csv", commitments, strlen (commitments));
  hc_assert_status (r2, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (r2, "accepted"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM commitments c JOIN subjects s ON s.id = c.subject_id"
                                       " WHERE c.commitment_no = 'CN-1' AND c.fulfilment = 'fulfilled'"), ==, 1);
  o = json_array_get_object_element (json_object_get_array_member (hc_test_response_object (r2), "rejections"), 0);
  g_assert_cmpint (json_object_get_int_member (o, "row"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, "unknown_subject");
}

/* 登记注册基本信息: each good row registers a market subject, found then
 * through the subjects API; a subject registered already is a duplicate. */
static void
test_registration_registers_subjects (void)
{
  g_autofree char *u1 = new_uscc ();
  g_autofree char *u2 = new_uscc ();
  g_autofree char *u3 = new_uscc ();
  g_autofree char *u4 = new_uscc ();
  g_autofree char *csv = NULL;
  g_autofree char *again = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) got = NULL;
  g_autoptr(HcTestResponse) r2 = NULL;
  JsonArray *rej;
  JsonObject *subject;

  csv = g_strdup_printf ("统一社会信用代码,主体名称,主体类型,所属市县,行业,成立日期\n"
                         "%s,海口椰风贸易有限公司,法人,海口市,批发和零售业,2019-06-18\n"
                         "%s,三亚鹿回头小吃店,个体工商户,460200,,\n"
                         "%s,海口椰风贸易有限公司,法人,海口市,批发和零售业,2019-06-18\n"
                         "%s,广州某某有限公司,法人,广州市,制造业,2020-01-01\n"
                         "%s,某某合伙企业,合伙,海口市,,\n",
                         u1, u2, u1, u3, u4);
  r = hc_test_imports_post (server, "kind=registration&item=15", analyst, "text/csv", csv, strlen (csv));
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (r, "rows_read"), ==, 5);
  g_assert_cmpint (hc_test_imports_int (r, "accepted"), ==, 2);
  g_assert_cmpint (hc_test_imports_int (r, "rejected"), ==, 3);
  rej = json_object_get_array_member (hc_test_response_object (r), "rejections");
  g_assert_cmpuint (json_array_get_length (rej), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rej, 0), "row"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rej, 0), "code"), ==, "duplicate_in_file");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rej, 1), "field"), ==, "region");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rej, 1), "code"), ==, "invalid_code");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rej, 2), "field"), ==, "type");

  path = g_strdup_printf ("/subjects/%s", u1);
  got = hc_test_request (server, "GET", path, admin, NULL);
  hc_assert_status (got, 200, NULL);
  subject = hc_test_response_object (got);
  g_assert_cmpstr (json_object_get_string_member (subject, "name"), ==, "海口椰风贸易有限公司");
  g_assert_cmpstr (json_object_get_string_member (subject, "type"), ==, "legal_person");
  g_assert_cmpstr (json_object_get_string_member (subject, "region"), ==, "460100");
  g_assert_cmpstr (json_object_get_string_member (subject, "registered_on"), ==, "2019-06-18");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM subjects WHERE identifier IN ('广州', 'x')"), ==, 0);

  /* Registered already: a duplicate against the database (重码). */
  again = g_strdup_printf ("uscc,name,type,region\n%s,三亚鹿回头小吃店,非法人组织,三亚市\n", u2);
  r2 = hc_test_imports_post (server, "kind=registration&item=15", analyst, "text/csv", again, strlen (again));
  hc_assert_status (r2, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (r2, "accepted"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (hc_test_response_object (r2), "rejections"), 0), "code"),
                   ==, "duplicate");
}

/* The insert finds the subject of a registered USCC itself; amounts keep
 * their exact value; an import and its catalog item stay while records
 * point at them (the records' import_id and item_id have no per-row foreign
 * keys: the triggers of imports.sql keep them). */
static void
test_records_find_subjects_and_keep_their_import (void)
{
  g_autofree char *known = new_uscc ();
  g_autofree char *unknown = new_uscc ();
  g_autofree char *registered = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *where = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  gint64 import_id;

  registered = g_strdup_printf ("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                                " VALUES ('%s', '海南登记有限公司', 'legal_person', '460100', 'x', 'x')", known);
  hc_test_exec_sql (server, registered);
  csv = g_strdup_printf (HC_TEST_IMPORTS_HEADER
                         "%s,海南登记有限公司,SUBJ-1号,海口市市场监督管理局,2024-01-02,罚款,1234.56,\n"
                         "%s,海南未登记有限公司,SUBJ-2号,海口市市场监督管理局,2024-01-02,罚款,0.1,\n",
                         known, unknown);
  r = hc_test_imports_post (server, "item=11", analyst, "text/csv", csv, strlen (csv));
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (r, "accepted"), ==, 2);
  import_id = hc_test_imports_int (r, "import_id");
  where = g_strdup_printf ("SELECT count(*) FROM penalties p JOIN subjects s ON s.id = p.subject_id"
                           " WHERE p.decision_no = 'SUBJ-1号' AND s.identifier = '%s' AND p.amount = 1234.56"
                           " AND p.item_id = 11 AND p.import_id = %" G_GINT64_FORMAT, known, import_id);
  g_assert_cmpint (hc_test_count_rows (server, where), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no = 'SUBJ-2号'"
                                       " AND subject_id IS NULL AND amount = 0.1"), ==, 1);

  /* the records keep their import, and the item its records (over
   * PostgreSQL by imports.sql's triggers) */
  {
    g_autofree char *del = g_strdup_printf ("DELETE FROM imports WHERE id = %" G_GINT64_FORMAT, import_id);
    g_autofree char *move = g_strdup_printf ("UPDATE imports SET id = id + 100000 WHERE id = %" G_GINT64_FORMAT,
                                             import_id);

    g_assert_true (hc_test_exec_sql_refused (server, del));
    g_assert_true (hc_test_exec_sql_refused (server, move));
    g_assert_true (hc_test_exec_sql_refused (server, "DELETE FROM catalog_items WHERE id = 11"));
  }
  g_assert_cmpint (hc_test_count_rows (server, where), ==, 1);
}

/* The rejections found when a good row is written (a number there already
 * or earlier in the file, a subject not registered, a registered code under
 * another name), word for word and in row order among the checks' own: the
 * same over SQLite, row by row, and over PostgreSQL, where the rows are
 * staged with COPY and written at the end (api-pg-imports). */
static void
expect_rejection (JsonArray  *rej,
                  guint       i,
                  gint64      row,
                  const char *field,
                  const char *code,
                  const char *message)
{
  JsonObject *o = json_array_get_object_element (rej, i);

  g_assert_cmpint (json_object_get_int_member (o, "row"), ==, row);
  g_assert_cmpstr (json_object_get_string_member (o, "field"), ==, field);
  g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, code);
  if (message != NULL)
    g_assert_cmpstr (json_object_get_string_member (o, "message"), ==, message);
}

static void
test_rejections_when_written_word_for_word (void)
{
  g_autofree char *known = new_uscc ();
  g_autofree char *unknown = new_uscc ();
  g_autofree char *fresh = new_uscc ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                                          " VALUES ('%s', '海南字字有限公司', 'legal_person', '460100', 'x', 'x')", known);
  g_autofree char *seed = g_strdup_printf (HC_TEST_IMPORTS_HEADER "%s,海南字字有限公司,WW-0,某机关,2024-01-02,罚款,1,\n", known);
  g_autofree char *csv = g_strdup_printf (HC_TEST_IMPORTS_HEADER
                                          "%s,海南字字有限公司,WW-1,某机关,2024-01-02,罚款,1,\n"
                                          "%s,海南字字有限公司,WW-1,某机关,2024-01-03,罚款,2,\n"
                                          "%s,海南未登记有限公司,WW-2,某机关,2024-01-02,罚款,1,\n"
                                          "%s,海南字字有限公司,WW-4,某机关,2024-02-30,罚款,1,\n"
                                          "%s,海南字字有限公司,WW-0,某机关,2024-01-02,罚款,1,\n"
                                          "%s,海南字字有限公司,WW-3,某机关,2024-01-02,罚款,12.5,\n",
                                          known, known, unknown, known, known, known);
  g_autofree char *registration = g_strdup_printf ("统一社会信用代码,主体名称,主体类型,所属市县,行业,成立日期\n"
                                                   "%s,海南甲有限公司,法人,海口市,,\n"
                                                   "%s,海南甲有限公司,法人,海口市,,\n"
                                                   "%s,海南乙有限公司,法人,海口市,,\n"
                                                   "%s,海南字字有限公司,法人,海口市,,\n"
                                                   "%s,海南丙有限公司,法人,海口市,,\n",
                                                   fresh, fresh, fresh, known, known);
  g_autofree char *q = g_strdup_printf ("kind=penalty&item=%" G_GINT64_FORMAT "&require_subject=1", penalty_item);
  g_autofree char *m = NULL;
  g_autoptr(HcTestResponse) first = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) reg = NULL;
  JsonArray *rej;

  hc_test_exec_sql (server, sql);
  first = hc_test_imports_post (server, q, analyst, "text/csv", seed, strlen (seed));
  hc_assert_status (first, 201, NULL);

  r = hc_test_imports_post (server, q, analyst, "text/csv", csv, strlen (csv));
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (r, "rows_read"), ==, 6);
  g_assert_cmpint (hc_test_imports_int (r, "accepted"), ==, 2);
  g_assert_cmpint (hc_test_imports_int (r, "rejected"), ==, 4);
  g_assert_cmpint (hc_test_imports_int (r, "uscc_errors"), ==, 0);
  g_assert_cmpint (hc_test_imports_int (r, "other_errors"), ==, 4);
  rej = json_object_get_array_member (hc_test_response_object (r), "rejections");
  g_assert_cmpuint (json_array_get_length (rej), ==, 4);
  expect_rejection (rej, 0, 3, "decision_no", "duplicate_in_file", "决定文书号 WW-1 appears earlier in this file.");
  m = g_strdup_printf ("No subject with the identifier %s is registered.", unknown);
  expect_rejection (rej, 1, 4, "uscc", "unknown_subject", m);
  expect_rejection (rej, 2, 5, "decided_on", "invalid_date", NULL);
  g_clear_pointer (&m, g_free);
  m = g_strdup_printf ("决定文书号 WW-0 is already in the database (import %" G_GINT64_FORMAT ").",
                       hc_test_imports_int (first, "import_id"));
  expect_rejection (rej, 3, 6, "decision_no", "duplicate", m);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no IN ('WW-1', 'WW-3')"
                                       " AND subject_id IS NOT NULL"), ==, 2);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no = 'WW-1' AND amount = 1"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no = 'WW-3' AND amount = 12.5"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM import_rejections WHERE import_id = (SELECT max (id) FROM imports)"),
                   ==, 4);

  reg = hc_test_imports_post (server, "kind=registration&item=15", analyst, "text/csv", registration, strlen (registration));
  hc_assert_status (reg, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (reg, "accepted"), ==, 1);
  g_assert_cmpint (hc_test_imports_int (reg, "rejected"), ==, 4);
  g_assert_cmpint (hc_test_imports_int (reg, "uscc_duplicates"), ==, 2);
  g_assert_cmpint (hc_test_imports_int (reg, "other_errors"), ==, 2);
  rej = json_object_get_array_member (hc_test_response_object (reg), "rejections");
  g_assert_cmpuint (json_array_get_length (rej), ==, 4);
  g_clear_pointer (&m, g_free);
  m = g_strdup_printf ("统一社会信用代码 %s appears earlier in this file.", fresh);
  expect_rejection (rej, 0, 3, "uscc", "duplicate_in_file", m);
  g_clear_pointer (&m, g_free);
  m = g_strdup_printf ("统一社会信用代码 %s appears earlier in this file under the name “海南甲有限公司”;"
                       " this row names “海南乙有限公司” (重码).", fresh);
  expect_rejection (rej, 1, 4, "uscc", "uscc_duplicate", m);
  g_clear_pointer (&m, g_free);
  m = g_strdup_printf ("统一社会信用代码 %s is already in the database.", known);
  expect_rejection (rej, 2, 5, "uscc", "duplicate", m);
  g_clear_pointer (&m, g_free);
  m = g_strdup_printf ("统一社会信用代码 %s is registered under the name “海南字字有限公司”; this row names “海南丙有限公司” (重码).",
                       known);
  expect_rejection (rej, 3, 6, "uscc", "uscc_duplicate", m);
}

/* A number a file repeats is written once, by its first row that is
 * written: a first row refused (its subject not registered) leaves the
 * number to the next; a number three times is written once and refused
 * twice; a number of an earlier import is refused with that import's id
 * wherever it stands. The same rows over SQLite and over PostgreSQL, where
 * the repeats are found for all the staged rows at once (api-pg-imports). */
static void
test_repeated_numbers_first_written_wins (void)
{
  g_autofree char *known = new_uscc ();
  g_autofree char *other = new_uscc ();
  g_autofree char *unknown = new_uscc ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                                          " VALUES ('%s', '海南重号有限公司', 'legal_person', '460100', 'x', 'x'),"
                                          " ('%s', '海南另号有限公司', 'legal_person', '460100', 'x', 'x')", known, other);
  g_autofree char *seed = g_strdup_printf (HC_TEST_IMPORTS_HEADER "%s,海南重号有限公司,RN-0,某机关,2024-01-02,罚款,1,\n", known);
  g_autofree char *csv = g_strdup_printf (HC_TEST_IMPORTS_HEADER
                                          "%s,海南未登记有限公司,RN-1,某机关,2024-01-02,罚款,1,\n"
                                          "%s,海南重号有限公司,RN-1,某机关,2024-01-03,罚款,2,\n"
                                          "%s,海南另号有限公司,RN-2,某机关,2024-01-04,罚款,3,\n"
                                          "%s,海南重号有限公司,RN-1,某机关,2024-01-05,罚款,4,\n"
                                          "%s,海南另号有限公司,RN-0,某机关,2024-01-06,罚款,5,\n"
                                          "%s,海南重号有限公司,RN-2,某机关,2024-01-07,罚款,6,\n"
                                          "%s,海南另号有限公司,RN-2,某机关,2024-01-08,罚款,7,\n",
                                          unknown, known, other, known, other, known, other);
  g_autofree char *q = g_strdup_printf ("kind=penalty&item=%" G_GINT64_FORMAT "&require_subject=1", penalty_item);
  g_autofree char *m = NULL;
  g_autoptr(HcTestResponse) first = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  JsonArray *rej;

  hc_test_exec_sql (server, sql);
  first = hc_test_imports_post (server, q, analyst, "text/csv", seed, strlen (seed));
  hc_assert_status (first, 201, NULL);
  r = hc_test_imports_post (server, q, analyst, "text/csv", csv, strlen (csv));
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (r, "rows_read"), ==, 7);
  g_assert_cmpint (hc_test_imports_int (r, "accepted"), ==, 2);
  g_assert_cmpint (hc_test_imports_int (r, "rejected"), ==, 5);
  rej = json_object_get_array_member (hc_test_response_object (r), "rejections");
  g_assert_cmpuint (json_array_get_length (rej), ==, 5);
  m = g_strdup_printf ("No subject with the identifier %s is registered.", unknown);
  expect_rejection (rej, 0, 2, "uscc", "unknown_subject", m);
  expect_rejection (rej, 1, 5, "decision_no", "duplicate_in_file", "决定文书号 RN-1 appears earlier in this file.");
  g_clear_pointer (&m, g_free);
  m = g_strdup_printf ("决定文书号 RN-0 is already in the database (import %" G_GINT64_FORMAT ").",
                       hc_test_imports_int (first, "import_id"));
  expect_rejection (rej, 2, 6, "decision_no", "duplicate", m);
  expect_rejection (rej, 3, 7, "decision_no", "duplicate_in_file", "决定文书号 RN-2 appears earlier in this file.");
  expect_rejection (rej, 4, 8, "decision_no", "duplicate_in_file", "决定文书号 RN-2 appears earlier in this file.");
  /* the rows written: RN-1 from the file's third line, RN-2 from its fourth */
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no = 'RN-1' AND amount = 2"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no = 'RN-2' AND amount = 3"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no IN ('RN-1', 'RN-2')"), ==, 2);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no = 'RN-0'"), ==, 1);
}

/* A number repeated in the file or brought again by a later import is
 * refused, and over PostgreSQL record_numbers holds each written record's
 * number (kept by the tables' row trigger; SQLite has no record_numbers). */
static void
test_numbers_refused_and_kept (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hncredit-numbers-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "numbers.csv", NULL);
  g_autofree char *exe = g_getenv ("HNCREDIT_SERVER_PATH") ? g_strdup (g_getenv ("HNCREDIT_SERVER_PATH"))
                         : g_build_filename (HC_BUILD_ROOT, "src", "server", "hncredit-server", NULL);
  g_autofree char *item = g_strdup_printf ("%" G_GINT64_FORMAT, penalty_item);
  g_autofree char *known = new_uscc ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                                          " VALUES ('%s', '海南编号有限公司', 'legal_person', '460100', 'x', 'x')", known);
  const char *tag = "kept";
  g_autofree char *csv = g_strdup_printf (HC_TEST_IMPORTS_HEADER
                                          "%s,海南编号有限公司,NS-%s-1,某机关,2024-01-02,罚款,1,\n"
                                          "%s,海南编号有限公司,NS-%s-2,某机关,2024-03-02,罚款,2,\n"
                                          "%s,海南编号有限公司,NS-%s-1,某机关,2024-05-02,罚款,3,\n",
                                          known, tag, known, tag, known, tag);
  g_autofree char *later = g_strdup_printf (HC_TEST_IMPORTS_HEADER
                                            "%s,海南编号有限公司,NS-%s-2,某机关,2024-06-02,罚款,4,\n"
                                            "%s,海南编号有限公司,NS-%s-3,某机关,2024-07-02,罚款,5,\n",
                                            known, tag, known, tag);
  g_autofree char *actor = g_strdup_printf ("numbers-%s", tag);
  const char *argv[] = { exe, "import", "--db", hc_test_server_get_db_path (server), "--item", item,
                         "--actor", actor, file, NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_autofree char *out = NULL;
  g_autofree char *id_sql = g_strdup_printf ("SELECT id FROM imports WHERE actor = '%s'", actor);
  g_autofree char *m = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  JsonArray *rej;
  int status = 0;

  hc_test_exec_sql (server, sql);
  g_assert_true (g_file_set_contents (file, csv, -1, NULL));
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "3 rows read, 2 accepted, 1 rejected"));

  r = hc_test_imports_post (server, "kind=penalty&item=11", analyst, "text/csv", later, strlen (later));
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (r, "accepted"), ==, 1);
  rej = json_object_get_array_member (hc_test_response_object (r), "rejections");
  g_assert_cmpuint (json_array_get_length (rej), ==, 1);
  m = g_strdup_printf ("决定文书号 NS-%s-2 is already in the database (import %" G_GINT64_FORMAT ").", tag,
                       hc_test_count_rows (server, id_sql));
  expect_rejection (rej, 0, 2, "decision_no", "duplicate", m);

  if (g_getenv ("HC_TEST_PG") != NULL)
    {
      g_autofree char *kept = g_strdup_printf ("SELECT count(*) FROM record_numbers n JOIN penalties p"
                                               " ON p.id = n.record_id AND p.decision_no = n.number"
                                               " WHERE n.kind = 'penalties' AND n.number LIKE 'NS-%s-%%'", tag);

      g_assert_cmpint (hc_test_count_rows (server, kept), ==, 3);
    }
  g_remove (file);
  g_rmdir (dir);
}

/* Two imports at once with overlapping numbers: over PostgreSQL the
 * second waits on the first's record_numbers entries and fails as busy
 * when the first wrote its numbers meanwhile; over SQLite the second waits
 * for the write lock. Whichever happens, each number is written once, with
 * its record_numbers entry, and what the imports accepted is what is
 * there. */
static void
test_concurrent_imports_write_each_number_once (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hncredit-concurrent-XXXXXX", NULL);
  g_autofree char *exe = g_getenv ("HNCREDIT_SERVER_PATH") ? g_strdup (g_getenv ("HNCREDIT_SERVER_PATH"))
                         : g_build_filename (HC_BUILD_ROOT, "src", "server", "hncredit-server", NULL);
  g_autofree char *item = g_strdup_printf ("%" G_GINT64_FORMAT, penalty_item);
  g_autofree char *known = new_uscc ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                                          " VALUES ('%s', '海南并发有限公司', 'legal_person', '460100', 'x', 'x')", known);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  GSubprocess *import[2];
  gint64 accepted = 0;
  guint succeeded = 0;

  hc_test_exec_sql (server, sql);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GString) csv = g_string_new (HC_TEST_IMPORTS_HEADER);
      g_autofree char *file = g_strdup_printf ("%s/concurrent-%u.csv", dir, i);
      g_autofree char *actor = g_strdup_printf ("concurrent-%u", i);
      g_autoptr(GError) error = NULL;

      /* CC-1 … CC-400 and CC-201 … CC-600 */
      for (guint n = 1 + 200 * i; n <= 400 + 200 * i; n++)
        g_string_append_printf (csv, "%s,海南并发有限公司,CC-%u,某机关,2024-%02u-02,罚款,%u,\n", known, n, 1 + n % 12, n);
      g_assert_true (g_file_set_contents (file, csv->str, csv->len, NULL));
      import[i] = g_subprocess_launcher_spawn (launcher, &error, exe, "import", "--db",
                                               hc_test_server_get_db_path (server), "--item", item,
                                               "--actor", actor, file, NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *accepted_sql = g_strdup_printf ("SELECT coalesce (sum (accepted), 0) FROM imports"
                                                       " WHERE actor = 'concurrent-%u'", i);

      g_assert_true (g_subprocess_wait (import[i], NULL, NULL));
      if (g_subprocess_get_successful (import[i]))
        succeeded++;
      accepted += hc_test_count_rows (server, accepted_sql);
      g_object_unref (import[i]);
    }
  /* at least one went through; a second that failed (busy) left nothing */
  g_assert_cmpuint (succeeded, >=, 1);
  g_assert_cmpint (accepted, ==, succeeded == 2 ? 600 : 400);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no LIKE 'CC-%'"), ==, accepted);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(DISTINCT decision_no) FROM penalties WHERE decision_no LIKE 'CC-%'"),
                   ==, accepted);
  if (g_getenv ("HC_TEST_PG") != NULL)
    {
      g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM record_numbers n JOIN penalties p"
                                           " ON p.id = n.record_id AND p.decision_no = n.number"
                                           " WHERE n.kind = 'penalties' AND n.number LIKE 'CC-%'"), ==, accepted);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/concurrent-%u.csv", dir, i);

      g_remove (file);
    }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  prng = g_rand_new_with_seed (4);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  admin = hc_test_server_token (server, "admin");
  analyst = hc_test_create_user (server, "analyst", "analyst");
  hc_test_imports_seed_catalog (server);

  g_test_add_func ("/imports/licenses-and-commitments", test_licenses_and_commitments);
  g_test_add_func ("/imports/registration-registers-subjects", test_registration_registers_subjects);
  g_test_add_func ("/imports/records-find-subjects-and-keep-their-import",
                   test_records_find_subjects_and_keep_their_import);
  g_test_add_func ("/imports/rejections-when-written-word-for-word", test_rejections_when_written_word_for_word);
  g_test_add_func ("/imports/repeated-numbers-first-written-wins", test_repeated_numbers_first_written_wins);
  g_test_add_func ("/imports/numbers-refused-and-kept", test_numbers_refused_and_kept);
  g_test_add_func ("/imports/concurrent-imports-write-each-number-once", test_concurrent_imports_write_each_number_once);
  g_test_add_func ("/imports/cli-uses-the-same-import", test_cli_uses_the_same_import);
  g_test_add_func ("/imports/subjects-in-memory-or-by-sql", test_subjects_in_memory_or_by_sql);
  g_test_add_func ("/imports/indexes-dropped-and-built-again", test_indexes_dropped_and_built_again);
  g_test_add_func ("/imports/sigkill-mid-import-leaves-all-or-nothing", test_sigkill_mid_import_leaves_all_or_nothing);

  ret = g_test_run ();
  hc_test_server_free (server);
  g_rand_free (prng);
  return ret;
}
