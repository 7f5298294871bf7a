/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of 名单自动比对: POST /lists/match with 100,000 subjects (JSON and
 * CSV) against the real server with the demo lists, beside the bare SQLite
 * look-ups of the same subjects in this process, as a ratio. */
#define G_LOG_DOMAIN "bench-lists-match"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "hc-core.h"
#include "bench-server.h"

#define N_SUBJECTS 100000
#define PASSWORD   "bench-password-42"

/* Registers @n enterprises with valid codes, spread over the 市县 by weight. */
static GPtrArray *
insert_subjects (const char *db_path,
                 guint       n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  guint n_regions, total = 0;
  const HcRegion *regions = hc_regions_get_all (&n_regions);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < n_regions; i++)
    total += regions[i].weight;
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO subjects (identifier, name, type, region, created_at, updated_at)"
                                           " VALUES (?1, ?2, 'legal_person', ?3, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n; i++)
    {
      guint r = (guint) g_rand_int_range (rand, 0, (gint32) total), k = 0;
      g_autofree char *name = g_strdup_printf ("海南比对测试%u有限公司", i);
      char *uscc;

      while (r >= regions[k].weight)
        r -= regions[k++].weight;
      uscc = hc_uscc_generate (rand, regions[k].code);
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, uscc, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, regions[k].code, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      g_ptr_array_add (ids, uscc);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return ids;
}

static double
post (SoupSession *session,
      const char  *url,
      const char  *token,
      const char  *content_type,
      GBytes      *body,
      guint       *hits)
{
  g_autofree char *uri = g_strconcat (url, "/api/v1/lists/match", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  double seconds;
  gsize len;
  const char *data;

  soup_message_set_request_body_from_bytes (msg, content_type, body);
  answer = bench_send (session, msg, token, &seconds);
  data = g_bytes_get_data (answer, &len);
  json_parser_load_from_data (parser, data, (gssize) len, &error);
  g_assert_no_error (error);
  *hits = json_array_get_length (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "hits"));
  return seconds;
}

/* The floor: the same look-ups with one prepared statement, in process. */
static double
bare_lookups (const char *db_path,
              GPtrArray  *ids,
              guint      *hits)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT e.id FROM subjects s JOIN list_entries e ON e.subject_id = s.id"
                                           " AND e.state IN ('published', 'objected') WHERE s.identifier = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  *hits = 0;
  start = g_get_monotonic_time ();
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (ids, i), -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        (*hits)++;
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = bench_server_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hncredit-bench-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *pw = g_build_filename (dir, "password", NULL);
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 300, NULL);
  g_autoptr(GString) json = g_string_new ("{\"purpose\":\"bench\",\"subjects\":[");
  g_autoptr(GString) csv = g_string_new ("统一社会信用代码\n");
  g_autoptr(GBytes) json_body = NULL;
  g_autoptr(GBytes) csv_body = NULL;
  GSubprocess *proc = NULL;
  double t_json = G_MAXDOUBLE, t_csv = G_MAXDOUBLE, t_bare;
  guint hits_json = 0, hits_csv = 0, hits_bare = 0;

  g_assert_no_error (error);
  g_file_set_contents (pw, PASSWORD "\n", -1, &error);
  g_assert_no_error (error);

  /* A schema first, then the subjects, then the demo lists on them. */
  g_free (bench_server_start (path, db, pw, NULL, &proc));
  bench_server_stop (proc);
  ids = insert_subjects (db, N_SUBJECTS);
  url = bench_server_start (path, db, pw, "1", &proc);
  token = bench_sign_in (session, url, "admin", PASSWORD);

  for (guint i = 0; i < ids->len; i++)
    {
      g_string_append_printf (json, "%s\"%s\"", i ? "," : "", (char *) g_ptr_array_index (ids, i));
      g_string_append_printf (csv, "%s\n", (char *) g_ptr_array_index (ids, i));
    }
  g_string_append (json, "]}");
  json_body = g_bytes_new (json->str, json->len);
  csv_body = g_bytes_new (csv->str, csv->len);

  for (guint round = 0; round < 3; round++)
    {
      t_json = MIN (t_json, post (session, url, token, "application/json", json_body, &hits_json));
      t_csv = MIN (t_csv, post (session, url, token, "text/csv", csv_body, &hits_csv));
    }
  t_bare = bare_lookups (db, ids, &hits_bare);
  bench_server_stop (proc);

  g_print ("POST /lists/match, %u subjects (best of 3): JSON %.3f s, CSV %.3f s, %u hits\n",
           ids->len, t_json, t_csv, hits_json);
  g_print ("bare SQLite look-ups of the same subjects in process: %.3f s, %u hits\n", t_bare, hits_bare);
  g_print ("ratio server/bare: JSON %.2f, CSV %.2f\n", t_json / t_bare, t_csv / t_bare);
  /* issue 9: ≤ 0.5 s on this machine's release build, load permitting */
  g_print ("target <= 0.5 s: JSON %s, CSV %s (load average matters: compare the ratios)\n",
           t_json <= 0.5 ? "met" : "NOT met", t_csv <= 0.5 ? "met" : "NOT met");

  g_remove (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  g_remove (pw);
  g_rmdir (dir);
  return hits_json == hits_bare && hits_csv == hits_bare ? 0 : 1;
}
