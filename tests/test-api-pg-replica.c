/* SPDX-License-Identifier: GPL-3.0-or-later */
/* --db-read (issue 15, suite api-pg): a server whose reads go to a replica.
 * The "replica" here is another database of the same cluster, with rows of
 * its own: which database answered a read shows where it went. A token
 * whose writes the replica has replayed reads from the replica; a token
 * that wrote reads from the primary, since the replica has not replayed its
 * write (a database that is no standby cannot say it has); writes, and the
 * audit entry of a GET export, go to the primary. A real streaming standby
 * (sign-in, replay paused and resumed) is test-api-pg-standby.py's. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hc-test-server.h"
#include "hc-uscc.h"

static HcTestServer *primary;
static HcTestServer *replica;

/* Whether GET /departments through @server with @token lists @code. */
static gboolean
lists_department (HcTestServer *server,
                  const char   *token,
                  const char   *code)
{
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/departments", token, NULL);
  JsonArray *items;

  hc_assert_status (r, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (r), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (items, i), "code"), code) == 0)
      return TRUE;
  return FALSE;
}

static void
test_reads_go_to_the_replica_own_writes_to_the_primary (void)
{
  const char *writer = hc_test_server_token (primary, "admin");
  const char *reader;
  g_autoptr(HcTestResponse) export = NULL;
  gint64 audited_before;

  hc_test_create_department (replica, "REPLICA-ONLY", "只在副本中的单位");
  hc_test_create_department (primary, "PRIMARY-ONLY", "只在主库中的单位");   /* the writer writes */
  reader = hc_test_create_user (primary, "reader", "analyst");
  /* Signing in is a write too (its session, its audit entry), which this
   * replica cannot say it has replayed: the reader stands for a token
   * whose writes a standby has replayed. */
  hc_test_exec_sql (primary, "UPDATE sessions SET write_lsn = NULL WHERE user_id = "
                             "(SELECT id FROM users WHERE username = 'reader')");

  /* the reader's reads: the replica answers */
  g_assert_true (lists_department (primary, reader, "REPLICA-ONLY"));
  g_assert_false (lists_department (primary, reader, "PRIMARY-ONLY"));
  /* the writer's: the primary, where its write is */
  g_assert_true (lists_department (primary, writer, "PRIMARY-ONLY"));
  g_assert_false (lists_department (primary, writer, "REPLICA-ONLY"));

  /* an export is a GET that writes its audit entry: its rows are the
   * replica's, its audit entry goes to the primary */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (15);
    g_autofree char *on_replica = hc_uscc_generate (rand, "460100");
    g_autofree char *on_primary = hc_uscc_generate (rand, "460100");
    gsize len;
    const char *data;
    g_autofree char *text = NULL;

    hc_test_create_subject (replica, on_replica, "海南副本主体有限公司", "legal_person", "460100");
    hc_test_create_subject (primary, on_primary, "海南主库主体有限公司", "legal_person", "460100");
    audited_before = hc_test_count_rows (primary, "SELECT count(*) FROM audit WHERE actor = 'reader'");
    export = hc_test_request_accept (primary, "GET", "/subjects", reader, NULL, NULL, NULL, "text/csv");
    hc_assert_status (export, 200, NULL);
    g_assert_cmpstr (export->content_type, ==, "text/csv");
    data = g_bytes_get_data (export->body, &len);
    text = g_strndup (data, len);
    g_assert_nonnull (strstr (text, "海南副本主体有限公司"));
    g_assert_null (strstr (text, "海南主库主体有限公司"));
    g_assert_cmpint (hc_test_count_rows (primary, "SELECT count(*) FROM audit WHERE actor = 'reader'"), ==,
                     audited_before + 1);
    g_assert_cmpint (hc_test_count_rows (replica, "SELECT count(*) FROM audit WHERE actor = 'reader'"), ==, 0);
  }
  /* a GET is no write: the reader still reads from the replica */
  g_assert_true (lists_department (primary, reader, "REPLICA-ONLY"));
}

/* A SQLite database has no replica: refused before anything is opened. */
static void
test_db_read_needs_postgresql (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hncredit-db-read-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "credit.db", NULL);
  const char *args[] = { "--db", path, "--db-read", "postgresql:///replica", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = hc_test_server_command (args, &out, &err);

  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--db-read"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  if (!hc_test_is_pg ())
    {
      g_test_skip ("PostgreSQL only (suite api-pg)");
      return g_test_run ();
    }
  replica = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  {
    const char *args[] = { "--db-read", hc_test_server_get_db_path (replica), NULL };

    primary = hc_test_server_new (HC_TEST_SERVER_EMPTY, args);
  }
  g_test_add_func ("/replica/reads-go-to-the-replica-own-writes-to-the-primary",
                   test_reads_go_to_the_replica_own_writes_to_the_primary);
  g_test_add_func ("/replica/db-read-needs-postgresql", test_db_read_needs_postgresql);
  ret = g_test_run ();
  hc_test_server_free (primary);
  hc_test_server_free (replica);
  return ret;
}
