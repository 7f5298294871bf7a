/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of the subject name search (issue 12): GET /subjects?q=… as the
 * subjects pane asks it (first page of 200 by id, with the total) against
 * the real server over HTTP, for texts of two to four characters cut from
 * random subjects' names and for identifier prefixes; beside the same
 * searches done the old way (the names scanned with instr, the statements
 * the server ran before the bigram index) with SQLite in this process, on
 * the same database in the same run. Prints p50/p95/p99/max and the ratio.
 * Not a test: it asserts nothing about time.
 *
 * Environment: BENCH_DB=PATH a database seeded with --seed-demo (kept; made
 * at SCALE, default 10, when missing), BENCH_PASSWORD its admin password,
 * HNCREDIT_SERVER_PATH the server, N_QUERIES (300) texts of each kind. */
#define G_LOG_DOMAIN "bench-search"

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>
#include "bench-server.h"
#include "bench-stats.h"

#define DEFAULT_PASSWORD "hncredit-bench-password"
#define PAGE             200

/* Seconds of one GET; the count of items and the total in @n, @total;
 * @how: "1" (the exact total) or "estimate" (the pane's first page: the
 * total exact when cheap, else estimated; @exact says which). */
static double
search_how (SoupSession *session,
            const char  *url,
            const char  *token,
            const char  *text,
            const char  *how,
            guint        limit,
            guint       *n,
            gint64      *total,
            gboolean    *exact)
{
  g_autofree char *escaped = g_uri_escape_string (text, NULL, FALSE);
  g_autofree char *uri = g_strdup_printf ("%s/api/v1/subjects?q=%s&total=%s&limit=%u", url, escaped, how, limit);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  double seconds;
  JsonObject *obj;
  gsize len;
  const char *data;

  answer = bench_send (session, msg, token, &seconds);
  data = g_bytes_get_data (answer, &len);
  json_parser_load_from_data (parser, data, (gssize) len, &error);
  g_assert_no_error (error);
  obj = json_node_get_object (json_parser_get_root (parser));
  *n = json_array_get_length (json_object_get_array_member (obj, "items"));
  *exact = json_object_get_boolean_member_with_default (obj, "total_exact", TRUE);
  *total = json_object_get_int_member (obj, *exact ? "total" : "total_estimate");
  return seconds;
}

/* The pane's first page: 200 rows by id with total=estimate. */
static double
search (SoupSession *session,
        const char  *url,
        const char  *token,
        const char  *text,
        guint       *n,
        gint64      *total,
        gboolean    *exact)
{
  return search_how (session, url, token, text, "estimate", PAGE, n, total, exact);
}

/* The exact count apart, as the pane asks it after an estimate. */
static double
count_exact (SoupSession *session,
             const char  *url,
             const char  *token,
             const char  *text,
             gint64      *total)
{
  guint n;
  gboolean exact;

  return search_how (session, url, token, text, "1", 1, &n, total, &exact);
}

/* The statements the server ran before the name index (commit 4a87737):
 * the first page by id and the count, the names scanned with instr. */
#define OLD_FILTER \
  " ((?5 IS NULL AND ?6 IS NULL)" \
  "  OR (?5 IS NOT NULL AND instr (name, ?5) > 0)" \
  "  OR (?6 IS NOT NULL AND identifier >= ?6 AND identifier < ?7))"
static const char OLD_PAGE[] =
  "SELECT id, identifier, name, type, region, industry, status, grade, registered_on,"
  " version, created_at, updated_at FROM subjects WHERE id > 0 AND" OLD_FILTER " ORDER BY id LIMIT ?9";
static const char OLD_COUNT[] = "SELECT count(*) FROM subjects WHERE" OLD_FILTER;

static double
old_search (sqlite3    *db,
            const char *text,
            guint      *n,
            gint64     *total)
{
  sqlite3_stmt *page = NULL, *count = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (sqlite3_prepare_v2 (db, OLD_PAGE, -1, &page, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, OLD_COUNT, -1, &count, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (page, 5, text, -1, SQLITE_STATIC);
  sqlite3_bind_int (page, 9, PAGE + 1);
  *n = 0;
  while (sqlite3_step (page) == SQLITE_ROW)
    (*n)++;
  sqlite3_bind_text (count, 5, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
  *total = sqlite3_column_int64 (count, 0);
  sqlite3_finalize (page);
  sqlite3_finalize (count);
  *n = MIN (*n, PAGE);
  return (double) (g_get_monotonic_time () - start) / 1e6;
}

static void
report (const char *label,
        GArray     *times)
{
  double sum = 0;

  bench_sort_times (times);
  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);
  g_print ("%-34s %5u  %8.2f %8.2f %8.2f %8.2f %8.2f\n", label, times->len,
           sum / times->len * 1e3, bench_percentile (times, 0.5) * 1e3, bench_percentile (times, 0.95) * 1e3,
           bench_percentile (times, 0.99) * 1e3, g_array_index (times, double, times->len - 1) * 1e3);
}

/* Texts of 2–4 characters cut from the names of random subjects, and
 * identifier prefixes of 6–14 characters (a 市县 code and more). */
static void
pick_texts (sqlite3   *db,
            guint      n,
            GPtrArray *names,
            GPtrArray *prefixes)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  sqlite3_stmt *stmt = NULL;
  gint64 max_id;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT max (id) FROM subjects", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  max_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, identifier FROM subjects WHERE id >= ?1"
                                           " AND type <> 'natural_person' ORDER BY id LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (names->len < n || prefixes->len < n)
    {
      const char *name, *identifier;
      glong chars;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, 1 + (gint64) g_rand_double (rand) * max_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        continue;
      name = (const char *) sqlite3_column_text (stmt, 0);
      identifier = (const char *) sqlite3_column_text (stmt, 1);
      chars = g_utf8_strlen (name, -1);
      if (names->len < n && chars >= 2)
        {
          glong len = g_rand_int_range (rand, 2, 5);
          glong from;
          const char *a, *b;

          len = MIN (len, chars);
          from = g_rand_int_range (rand, 0, (gint32) (chars - len + 1));
          a = g_utf8_offset_to_pointer (name, from);
          b = g_utf8_offset_to_pointer (a, len);
          g_ptr_array_add (names, g_strndup (a, (gsize) (b - a)));
        }
      if (prefixes->len < n)
        g_ptr_array_add (prefixes, g_strndup (identifier, (gsize) g_rand_int_range (rand, 6, 15)));
    }
  sqlite3_finalize (stmt);
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = bench_server_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hncredit-bench-XXXXXX", &error);
  const char *env_db = g_getenv ("BENCH_DB");
  const char *password = g_getenv ("BENCH_PASSWORD") ? g_getenv ("BENCH_PASSWORD") : DEFAULT_PASSWORD;
  const char *scale = g_getenv ("SCALE") ? g_getenv ("SCALE") : "10";
  guint n_queries = g_getenv ("N_QUERIES") ? (guint) atoi (g_getenv ("N_QUERIES")) : 300;
  g_autofree char *db_path = env_db ? g_strdup (env_db) : g_build_filename (dir, "bench.db", NULL);
  g_autofree char *pw = g_build_filename (dir, "password", NULL);
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 300, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) prefixes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) t_names = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_prefixes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_old = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_count = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_count_estimated = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_count_again = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) estimated_texts = g_ptr_array_new ();
  g_autoptr(GArray) estimated_totals = g_array_new (FALSE, FALSE, sizeof (gint64));
  double sum_count_estimated = 0, sum_count_again = 0;
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_estimated = 0, n_prefix_estimated = 0;
  GSubprocess *proc = NULL;
  sqlite3 *db = NULL;
  gboolean seed = !g_file_test (db_path, G_FILE_TEST_EXISTS);
  gint64 t0;
  guint mismatches = 0;
  double sum_new = 0, sum_old = 0;

  g_assert_no_error (error);
  g_file_set_contents (pw, password, -1, &error);
  g_assert_no_error (error);

  t0 = g_get_monotonic_time ();
  url = bench_server_start (path, db_path, pw, seed ? scale : NULL, &proc);
  g_print ("subject name search benchmark — server %s\n", url);
  if (seed)
    g_print ("seeded --demo-scale %s in %.1f s\n", scale, (double) (g_get_monotonic_time () - t0) / 1e6);
  else
    g_print ("database %s, opened (and migrated) in %.1f s\n", db_path, (double) (g_get_monotonic_time () - t0) / 1e6);
  token = bench_sign_in (session, url, "admin", password);

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM subjects", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_print ("subjects: %" G_GINT64_FORMAT "\n", (gint64) sqlite3_column_int64 (stmt, 0));
    sqlite3_finalize (stmt);
  }
  pick_texts (db, n_queries, names, prefixes);

  /* Warm both: the server's pages and this process's cache. */
  for (guint i = 0; i < MIN (names->len, 20u); i++)
    {
      guint n;
      gint64 total;
      gboolean exact;

      search (session, url, token, g_ptr_array_index (names, i), &n, &total, &exact);
      old_search (db, g_ptr_array_index (names, i), &n, &total);
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *text = g_ptr_array_index (names, i);
      guint n_new, n_old;
      gint64 total_new, total_old, total_exact;
      gboolean exact;
      double a = search (session, url, token, text, &n_new, &total_new, &exact);
      double c = count_exact (session, url, token, text, &total_exact);
      double b = old_search (db, text, &n_old, &total_old);

      g_array_append_val (t_names, a);
      g_array_append_val (t_count, c);
      g_array_append_val (t_old, b);
      sum_new += a;
      sum_old += b;
      if (!exact)
        {
          double e = total_old > 0 ? (double) ABS (total_new - total_old) / (double) total_old : 0;

          n_estimated++;
          g_array_append_val (errors, e);
          g_array_append_val (t_count_estimated, c);
          g_ptr_array_add (estimated_texts, (gpointer) text);
          g_array_append_val (estimated_totals, total_exact);
          sum_count_estimated += c;
        }
      if (n_new != n_old || total_exact != total_old || (exact && total_new != total_old))
        {
          g_printerr ("«%s»: server %u rows of %" G_GINT64_FORMAT " (%s; exact %" G_GINT64_FORMAT "),"
                      " scan %u of %" G_GINT64_FORMAT "\n",
                      text, n_new, total_new, exact ? "exact" : "estimate", total_exact, n_old, total_old);
          mismatches++;
        }
    }
  /* The same texts' exact counts asked again, as the pane does when a
   * text is searched again: remembered by the server while no subject is
   * written (hcs-store-subjects-cache.c); the same totals. */
  for (guint i = 0; i < estimated_texts->len; i++)
    {
      gint64 total;
      double c = count_exact (session, url, token, g_ptr_array_index (estimated_texts, i), &total);

      g_array_append_val (t_count_again, c);
      sum_count_again += c;
      if (total != g_array_index (estimated_totals, gint64, i))
        {
          g_printerr ("«%s»: exact count %" G_GINT64_FORMAT " asked again, %" G_GINT64_FORMAT " before\n",
                      (const char *) g_ptr_array_index (estimated_texts, i), total,
                      g_array_index (estimated_totals, gint64, i));
          mismatches++;
        }
    }
  for (guint i = 0; i < prefixes->len; i++)
    {
      guint n;
      gint64 total;
      gboolean exact;
      double a = search (session, url, token, g_ptr_array_index (prefixes, i), &n, &total, &exact);

      g_array_append_val (t_prefixes, a);
      n_prefix_estimated += !exact;
    }
  sqlite3_close (db);
  bench_server_stop (proc);

  g_print ("\nfirst page of %d by id with total=estimate (the pane's first answer), one connection, ms:\n", PAGE);
  g_print ("%-34s %5s  %8s %8s %8s %8s %8s\n", "", "n", "mean", "p50", "p95", "p99", "max");
  report ("names, 2-4 chars, server (HTTP)", t_names);
  report ("names, old scan (SQLite in process)", t_old);
  report ("identifier prefixes, server (HTTP)", t_prefixes);
  report ("exact count apart (total=1, limit=1)", t_count);
  if (t_count_estimated->len > 0)
    {
      report ("  of the estimated ones", t_count_estimated);
      report ("  the same asked again", t_count_again);
    }
  g_print ("estimated totals: %u of %u names, %u of %u prefixes\n", n_estimated, names->len,
           n_prefix_estimated, prefixes->len);
  if (errors->len > 0)
    {
      bench_sort_times (errors);
      g_print ("estimate's error against the exact count: median %.1f %%, p95 %.1f %%, max %.1f %%\n",
               bench_percentile (errors, 0.5) * 100, bench_percentile (errors, 0.95) * 100,
               g_array_index (errors, double, errors->len - 1) * 100);
    }
  g_print ("ratio old scan / server: mean %.1f, p99 %.1f\n", sum_old / sum_new,
           bench_percentile (t_old, 0.99) / bench_percentile (t_names, 0.99));
  if (sum_count_again > 0)
    g_print ("ratio exact count first / asked again (the estimated ones): mean %.1f, p99 %.1f\n",
             sum_count_estimated / sum_count_again,
             bench_percentile (t_count_estimated, 0.99) / bench_percentile (t_count_again, 0.99));
  g_print ("target p99 <= 20 ms: names %s, prefixes %s\n",
           bench_percentile (t_names, 0.99) <= 0.020 ? "met" : "NOT met",
           bench_percentile (t_prefixes, 0.99) <= 0.020 ? "met" : "NOT met");
  g_print ("answers differing from the scan: %u\n", mismatches);

  g_remove (pw);
  if (env_db == NULL)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      g_remove (db_path);
      g_remove (wal);
      g_remove (shm);
    }
  g_rmdir (dir);
  return mismatches == 0 ? 0 : 1;
}
