/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Faults (issue 11): the server killed with SIGKILL during list
 * transitions, a disk that takes no more bytes, and a backup taken while
 * the server writes. After each: every acknowledged write is there, none
 * is half there, and `hncredit-server check` finds the database whole. */
#define _GNU_SOURCE   /* prlimit() */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hc-core.h"
#include "hc-test-server.h"
#include "test-api-faults.h"

GRand *prng;

static const char *
str (HcTestResponse *r,
     const char     *member)
{
  return json_object_get_string_member (hc_test_response_object (r), member);
}

static gint64
num (HcTestResponse *r,
     const char     *member)
{
  return json_object_get_int_member (hc_test_response_object (r), member);
}

/* ---- SIGKILL during list transitions ------------------------------- */

/* A red-list entry's life as these tests walk it. */
static const char * const red_states[] = { "proposed", "noticed", "published", "exited" };
static const char * const red_actions[] = { "notice", "publish", "exit" };

typedef struct
{
  gint64    id;
  guint     state;     /* index in red_states: what the server acknowledged */
  gboolean  pending;   /* a transition was sent and not answered */
  char     *etag;
} Entry;

static guint
state_index (const char *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (red_states); i++)
    if (g_str_equal (red_states[i], state))
      return i;
  g_error ("unexpected state %s", state);
}

static char *
transition_body (guint state)
{
  return g_strdup_printf ("{\"action\":\"%s\",\"reason\":\"故障测试\"}", red_actions[state]);
}

/* After a restart: each entry is where its last acknowledged transition
 * left it, or one step further when a transition was in flight; its history
 * and the audit log have one line for each step it made, no more. */
static void
check_entries (HcTestServer *srv,
               Entry        *entries,
               guint         n)
{
  const char *admin = hc_test_server_token (srv, "admin");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, entries[i].id);
      g_autofree char *audit_path = g_strdup_printf ("/audit?entity=list_entry&entity_id=%" G_GINT64_FORMAT
                                                     "&limit=100", entries[i].id);
      g_autoptr(HcTestResponse) r = hc_test_request (srv, "GET", path, admin, NULL);
      g_autoptr(HcTestResponse) audit = NULL;
      guint now;

      hc_assert_status (r, 200, NULL);
      now = state_index (str (r, "state"));
      if (entries[i].pending)
        g_assert_true (now == entries[i].state || now == entries[i].state + 1);
      else
        g_assert_cmpuint (now, ==, entries[i].state);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (r), "history")),
                        ==, now + 1);
      audit = hc_test_request (srv, "GET", audit_path, admin, NULL);
      hc_assert_status (audit, 200, NULL);
      /* list_entry.create and one list_entry.transition a step */
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (audit), "items")),
                        ==, now + 1);
      entries[i].state = now;
      entries[i].pending = FALSE;
      g_free (entries[i].etag);
      entries[i].etag = g_strdup (r->etag);
    }
}

static void
test_sigkill_during_list_transitions (void)
{
  enum { N_ENTRIES = 24, N_ROUNDS = 3 };
  /* The first server owns the database's directory: it is freed last. */
  g_autoptr(HcTestServer) first = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(GPtrArray) revived = g_ptr_array_new ();
  HcTestServer *srv = first;
  g_autofree char *db_path = g_strdup (hc_test_server_get_db_path (srv));
  Entry entries[N_ENTRIES] = { { 0, } };
  gint64 department = hc_test_create_department (srv, "GZCS", "故障测试委");

  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_autofree char *uscc = hc_uscc_generate (prng, "460100");
      g_autofree char *name = g_strdup_printf ("海南故障测试%u号贸易有限公司", i);
      g_autofree char *body = NULL;
      g_autoptr(HcTestResponse) r = NULL;

      hc_test_create_subject (srv, uscc, name, "legal_person", "460100");
      body = g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"测试依据\","
                              "\"facts\":\"测试事实\",\"measures\":[\"red.green_channel\"]}", uscc, department);
      r = hc_test_request (srv, "POST", "/lists/red/entries", hc_test_server_token (srv, "admin"), body);
      hc_assert_status (r, 201, NULL);
      entries[i].id = num (r, "id");
      entries[i].etag = g_strdup (r->etag);
    }

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      const char *admin = hc_test_server_token (srv, "admin");
      g_autoptr(GPtrArray) conns = g_ptr_array_new_with_free_func (g_object_unref);
      gint first_pending = -1;

      /* Even entries move one step and are answered; odd ones are sent a
       * step each on connections of their own, and the server is killed
       * as soon as the first of those is answered: the others are then
       * being read, run or committed. */
      for (guint i = 0; i < N_ENTRIES; i++)
        {
          g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", entries[i].id);
          g_autofree char *body = NULL;

          if (entries[i].state + 1 >= G_N_ELEMENTS (red_states))
            continue;
          body = transition_body (entries[i].state);
          if (i % 2 == 0)
            {
              g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
              g_autoptr(HcTestResponse) r = hc_test_request_full (srv, "POST", path, admin, "application/json",
                                                                  bytes, entries[i].etag);

              hc_assert_status (r, 200, NULL);
              entries[i].state++;
              g_free (entries[i].etag);
              entries[i].etag = g_strdup (r->etag);
            }
          else
            {
              g_ptr_array_add (conns, hc_test_send_raw (srv, "POST", path, admin, "application/json",
                                                        entries[i].etag, body, strlen (body)));
              entries[i].pending = TRUE;
              if (first_pending < 0)
                first_pending = (gint) i;
            }
        }
      if (first_pending >= 0)
        {
          g_autoptr(GDataInputStream) in =
            g_data_input_stream_new (g_io_stream_get_input_stream (conns->pdata[0]));
          g_autofree char *status_line = NULL;
          g_autoptr(GError) error = NULL;

          g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (in), FALSE);
          status_line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (status_line, ==, "HTTP/1.1 200 OK\r");
          /* answered: acknowledged */
          entries[first_pending].state++;
          entries[first_pending].pending = FALSE;
        }
      hc_test_server_kill (srv);
      g_ptr_array_set_size (conns, 0);

      hc_test_assert_db_intact (db_path);
      /* the next round kills this one */
      srv = hc_test_server_new_for_db (db_path, NULL);
      g_ptr_array_add (revived, srv);
      check_entries (srv, entries, N_ENTRIES);
    }
  for (guint i = 0; i < N_ENTRIES; i++)
    g_free (entries[i].etag);
  hc_test_server_stop (srv);
  hc_test_assert_db_intact (db_path);
  for (guint i = 0; i < revived->len; i++)
    hc_test_server_free (revived->pdata[i]);
}

guint
faults_count_items (HcTestServer *srv,
                    const char   *path)
{
  g_autoptr(HcTestResponse) r = hc_test_request (srv, "GET", path, hc_test_server_token (srv, "admin"), NULL);
  JsonNode *root;

  hc_assert_status (r, 200, NULL);
  root = r->json;
  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_array_get_length (json_node_get_array (root));
  return json_array_get_length (json_object_get_array_member (json_node_get_object (root), "items"));
}

/* ---- a database another process holds locked --------------------------- */

/* Another process (an administrator's sqlite3 shell, a stuck backup script)
 * holds the write lock longer than the server waits for it: the write is
 * refused with 503 busy and changes nothing, reads go on, and the same write
 * succeeds once the lock is let go. */
static void
test_locked_database_answers_503_busy (void)
{
  g_autoptr(HcTestServer) srv = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  const char *admin = hc_test_server_token (srv, "admin");
  const char *body = "{\"code\":\"LK1\",\"name\":\"锁库测试委\"}";
  sqlite3 *holder = NULL;
  guint departments;

  departments = faults_count_items (srv, "/departments");
  g_assert_cmpint (sqlite3_open (hc_test_server_get_db_path (srv), &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autoptr(HcTestResponse) r = hc_test_request (srv, "POST", "/departments", admin, body);
    JsonObject *err;

    hc_assert_status (r, 503, "busy");
    err = json_object_get_object_member (hc_test_response_object (r), "error");
    g_assert_nonnull (strstr (json_object_get_string_member (err, "message"), "nothing was changed"));
  }
  g_assert_cmpuint (faults_count_items (srv, "/departments"), ==, departments);
  g_assert_cmpint (sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (holder);
  {
    g_autoptr(HcTestResponse) r = hc_test_request (srv, "POST", "/departments", admin, body);

    hc_assert_status (r, 201, NULL);
  }
  g_assert_cmpuint (faults_count_items (srv, "/departments"), ==, departments + 1);
  hc_test_server_stop (srv);
  hc_test_assert_db_intact (hc_test_server_get_db_path (srv));
}

/* The PostgreSQL twin: another connection (a psql session left open, a
 * stuck maintenance script) holds the audit table locked (LOCK TABLE … IN
 * EXCLUSIVE MODE: reads go on, writes wait) longer than the server's
 * lock_timeout (15 s, SQLite's busy timeout): the department's write waits
 * for its audit entry and gives up — 503 busy, the transaction rolled back
 * whole (no department without its audit entry); reads go on, and the same
 * write succeeds once the lock is let go. */
static void
test_locked_table_answers_503_busy_pg (void)
{
  g_autoptr(HcTestServer) srv = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  const char *admin = hc_test_server_token (srv, "admin");
  const char *body = "{\"code\":\"LK1\",\"name\":\"锁库测试委\"}";
  gpointer holder;
  gint64 audit_rows;
  guint departments;

  departments = faults_count_items (srv, "/departments");
  audit_rows = hc_test_count_rows (srv, "SELECT count(*) FROM audit");
  holder = hc_test_pg_hold (srv, "LOCK TABLE audit IN EXCLUSIVE MODE");
  {
    g_autoptr(HcTestResponse) r = hc_test_request (srv, "POST", "/departments", admin, body);
    JsonObject *err;

    hc_assert_status (r, 503, "busy");
    err = json_object_get_object_member (hc_test_response_object (r), "error");
    g_assert_nonnull (strstr (json_object_get_string_member (err, "message"), "nothing was changed"));
  }
  g_assert_cmpuint (faults_count_items (srv, "/departments"), ==, departments);
  hc_test_pg_release (holder);
  g_assert_cmpint (hc_test_count_rows (srv, "SELECT count(*) FROM departments WHERE code = 'LK1'"), ==, 0);
  g_assert_cmpint (hc_test_count_rows (srv, "SELECT count(*) FROM audit"), ==, audit_rows);
  {
    g_autoptr(HcTestResponse) r = hc_test_request (srv, "POST", "/departments", admin, body);

    hc_assert_status (r, 201, NULL);
  }
  g_assert_cmpuint (faults_count_items (srv, "/departments"), ==, departments + 1);
  g_assert_cmpint (hc_test_count_rows (srv, "SELECT count(*) FROM audit"), ==, audit_rows + 1);
}

/* ---- backup while the server writes, and restore --------------------- */

typedef struct
{
  char          *url;
  char          *token;
  gint           acknowledged;   /* atomic */
  gint           stop;           /* atomic */
} Writer;

/* Creates departments BK0, BK1, … one after the other until told to stop,
 * on a session of its own (not the test server's). */
static gpointer
write_departments (gpointer data)
{
  Writer *w = data;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (w->url, "/api/v1/departments", NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", w->token, NULL);

  for (guint i = 0; !g_atomic_int_get (&w->stop) && i < 100000; i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
      g_autofree char *body = g_strdup_printf ("{\"code\":\"BK%u\",\"name\":\"备份测试%u委\"}", i, i);
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(GError) error = NULL;

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
      answer = soup_session_send_and_read (session, msg, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (msg), ==, 201);
      g_atomic_int_inc (&w->acknowledged);
    }
  return NULL;
}

/* The departments BK0 … BKn-1 are there, and no other BK one. */
static void
assert_departments_prefix (HcTestServer *srv,
                           guint         n)
{
  g_autoptr(HcTestResponse) r = hc_test_request (srv, "GET", "/departments", hc_test_server_token (srv, "admin"), NULL);
  JsonArray *items;
  guint seen = 0;

  hc_assert_status (r, 200, NULL);
  items = JSON_NODE_HOLDS_ARRAY (r->json) ? json_node_get_array (r->json)
                                          : json_object_get_array_member (hc_test_response_object (r), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      const char *code = json_object_get_string_member (json_array_get_object_element (items, i), "code");

      if (g_str_has_prefix (code, "BK"))
        {
          g_assert_cmpint (atoi (code + 2), <, (int) n);
          seen++;
        }
    }
  g_assert_cmpuint (seen, ==, n);
}

static guint
count_prefix (HcTestServer *srv)
{
  g_autoptr(HcTestResponse) r = hc_test_request (srv, "GET", "/departments", hc_test_server_token (srv, "admin"), NULL);
  JsonArray *items;
  guint n = 0;

  hc_assert_status (r, 200, NULL);
  items = JSON_NODE_HOLDS_ARRAY (r->json) ? json_node_get_array (r->json)
                                          : json_object_get_array_member (hc_test_response_object (r), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (items, i), "code"), "BK"))
      n++;
  return n;
}

static void
test_backup_while_writing_and_restore (void)
{
  g_autoptr(HcTestServer) srv = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hncredit-backup-XXXXXX", &error);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *restored = g_build_filename (dir, "restored.db", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *missing_copy = g_build_filename (dir, "missing-copy.db", NULL);
  Writer w = { 0, };
  GThread *thread;
  guint before, after, after_writes, in_copy;
  struct stat st_before, st_after;

  g_assert_no_error (error);
  w.url = g_strdup (hc_test_server_get_url (srv));
  w.token = g_strdup (hc_test_server_token (srv, "admin"));
  thread = g_thread_new ("writer", write_departments, &w);
  while (g_atomic_int_get (&w.acknowledged) < 20)
    g_usleep (10000);

  before = (guint) g_atomic_int_get (&w.acknowledged);
  {
    const char *args[] = { "backup", "--db", hc_test_server_get_db_path (srv), copy, NULL };

    g_assert_cmpint (hc_test_server_command (args, &out, &err), ==, 0);
    g_test_message ("%s", out);
  }
  after = (guint) g_atomic_int_get (&w.acknowledged);
  g_atomic_int_set (&w.stop, 1);
  g_thread_join (thread);
  after_writes = (guint) g_atomic_int_get (&w.acknowledged);
  g_assert_cmpuint (after, >, before);   /* the server went on writing */

  hc_test_assert_db_intact (copy);
  {
    g_autoptr(HcTestServer) from_copy = hc_test_server_new_for_db (copy, NULL);

    /* the copy is the database as of one commit: every department
     * acknowledged before the backup began, up to one in flight at its end */
    in_copy = count_prefix (from_copy);
    g_assert_cmpuint (in_copy, >=, before);
    g_assert_cmpuint (in_copy, <=, after + 1);
    assert_departments_prefix (from_copy, in_copy);
  }

  /* A backup never overwrites, and a missing database makes no copy. */
  g_assert_cmpint (g_stat (copy, &st_before), ==, 0);
  {
    const char *again[] = { "backup", "--db", hc_test_server_get_db_path (srv), copy, NULL };
    const char *none[] = { "backup", "--db", missing, missing_copy, NULL };
    const char *no_out[] = { "backup", "--db", hc_test_server_get_db_path (srv), NULL };

    g_clear_pointer (&err, g_free);
    g_assert_cmpint (hc_test_server_command (again, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "exists"));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (hc_test_server_command (none, NULL, &err), ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (missing_copy, G_FILE_TEST_EXISTS));
    g_assert_cmpint (hc_test_server_command (no_out, NULL, NULL), ==, 2);
  }
  g_assert_cmpint (g_stat (copy, &st_after), ==, 0);
  g_assert_cmpint (st_after.st_size, ==, st_before.st_size);
  g_assert_cmpint (st_after.st_mtime, ==, st_before.st_mtime);

  /* restore: into a new path, then a garbage "backup" changes nothing */
  {
    const char *restore[] = { "restore", "--db", restored, copy, NULL };
    const char *bad[] = { "restore", "--db", restored, garbage, NULL };
    g_autoptr(HcTestServer) from_restored = NULL;

    g_assert_cmpint (hc_test_server_command (restore, NULL, NULL), ==, 0);
    g_assert_true (g_file_set_contents (garbage, "SQLite format 3\nnot a database at all", -1, NULL));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (hc_test_server_command (bad, NULL, &err), ==, 1);
    g_test_message ("restore from garbage: %s", err);
    hc_test_assert_db_intact (restored);
    from_restored = hc_test_server_new_for_db (restored, NULL);
    assert_departments_prefix (from_restored, in_copy);
  }

  /* restore under a running server is refused and changes nothing; once
   * the server has stopped, the same restore goes through */
  {
    const char *under[] = { "restore", "--db", hc_test_server_get_db_path (srv), copy, NULL };
    g_autoptr(HcTestResponse) late = hc_test_request (srv, "POST", "/departments", hc_test_server_token (srv, "admin"),
                                                      "{\"code\":\"BKLATE\",\"name\":\"备份之后委\"}");
    guint served;

    hc_assert_status (late, 201, NULL);   /* one department the copy has not */
    served = count_prefix (srv);
    g_assert_cmpuint (served, ==, after_writes + 1);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (hc_test_server_command (under, NULL, &err), ==, 1);
    g_test_message ("restore under a running server: %s", err);
    g_assert_nonnull (strstr (err, "stop it first"));
    g_assert_cmpuint (count_prefix (srv), ==, served);

    hc_test_server_stop (srv);
    hc_test_assert_db_intact (hc_test_server_get_db_path (srv));
    g_assert_cmpint (hc_test_server_command (under, NULL, NULL), ==, 0);
    {
      g_autoptr(HcTestServer) restored_in_place = hc_test_server_new_for_db (hc_test_server_get_db_path (srv), NULL);

      g_assert_cmpuint (count_prefix (restored_in_place), ==, in_copy);
    }
  }
  hc_test_assert_db_intact (hc_test_server_get_db_path (srv));
  g_free (w.url);
  g_free (w.token);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_remove (path);
      }
  }
  g_rmdir (dir);
}

static void
skip_with_reason (gconstpointer reason)
{
  g_test_skip (reason);
}

/* Adds @func, or over PostgreSQL (suite api-pg) a skip saying why it does
 * not apply there. */
void
faults_add_sqlite_test (const char *path,
                        GTestFunc   func,
                        const char *pg_reason)
{
  if (hc_test_is_pg ())
    g_test_add_data_func (path, pg_reason, skip_with_reason);
  else
    g_test_add_func (path, func);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  prng = g_rand_new_with_seed (11);

  g_test_add_func ("/faults/sigkill-during-list-transitions", test_sigkill_during_list_transitions);
  hc_test_faults_disk_add ();
  if (hc_test_is_pg ())
    g_test_add_func ("/faults/locked-database-answers-503-busy", test_locked_table_answers_503_busy_pg);
  else
    g_test_add_func ("/faults/locked-database-answers-503-busy", test_locked_database_answers_503_busy);
  faults_add_sqlite_test ("/faults/backup-while-writing-and-restore", test_backup_while_writing_and_restore,
                          "SQLite's: over PostgreSQL backup and restore refuse and name pg_dump and pg_basebackup");

  status = g_test_run ();
  g_rand_free (prng);
  return status;
}
