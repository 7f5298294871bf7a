/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The heat map over 2,000,000 risk events (issue 12: ≤ 5 ms of server time
 * for any filter). Starts the server on a copy of a seeded database, signs
 * in (as an analyst it makes, BENCH_ROLE=admin as admin) and asks
 * GET /risk/heatmap for random distinct filters — each grouping
 * (by=region-month, region, region-category), each measure (count,
 * severity, either per10k), no category or one (the API takes one at
 * most), 1–60 months — and GET /risk/heatmap/cells (events, per 10,000,
 * severity) for the same ones. Reference, with SQLite in this process on
 * the same database, the naive way: GROUP BY over the raw events. One such
 * GROUP BY of all events by (市县, month, category) gives the figures every
 * answer is checked against, cell by cell; the first N_NAIVE filters are
 * also asked the naive way one by one, timed (seconds each at 2,000,000
 * events) and checked. Prints p50/p95/p99/max per filter class and the
 * ratio. Not a test: it asserts nothing about time.
 *
 * The heat map keeps answers per worker thread keyed by the canonical
 * filter (by, measure, normalize, category, from, to) until the database
 * changes (hcs-route-risk.c); the cells keep none. Every request here has
 * its own key (a repeated one aborts the run) and nothing writes, so no
 * answer comes from the cache; a repeated request at the end shows what a
 * cached one costs. The server reports no time of its own: the time is the
 * request's over one keep-alive loopback connection; beside it, the CPU
 * time the server's threads used meanwhile (schedstat of each of /proc/PID/task),
 * which the machine's other load does not lengthen as it does the former.
 *
 * Environment: BENCH_DB (required) a database seeded with --seed-demo,
 * copied (cp --reflink=auto), never written; BENCH_PASSWORD_FILE its admin
 * password; HNCREDIT_SERVER_PATH the server; N_RANGES (400) filters, each
 * asked with the 4 measures and as cells; N_NAIVE (10); BEFORE_SERVER_PATH
 * another server (built before a change) on a copy of its own, asked each
 * request in turn with this one, so that both see the same load. */
#define G_LOG_DOMAIN "bench-heatmap"

#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "bench-heatmap.h"
#include "bench-server.h"
#include "bench-stats.h"

#define DEFAULT_PASSWORD "hncredit-bench-password"
#define TARGET_SECONDS   0.005

#define by_keys    bench_by_keys
#define categories bench_categories

/* The four measures of GET /risk/heatmap, then the cells (all three). */
static const char * const variant_names[] = {
  "count", "severity", "count per10k", "severity per10k", "cells",
};
#define N_VARIANTS G_N_ELEMENTS (variant_names)

/* A server measured: this build's (after), or BEFORE_SERVER_PATH's. */
typedef struct
{
  const char   *name;
  char         *path;
  char         *db;
  GSubprocess  *proc;
  char         *url;
  char         *token;
  SoupSession  *session;
  GArray       *t_class[N_VARIANTS][N_BY][2];   /* [variant][by][category given] */
  GArray       *c_class[N_VARIANTS][N_BY][2];   /* the server's CPU time of each */
  GArray       *t_all;
  GArray       *c_all;
  GArray       *t_cached;
  guint         differing_answers;
  guint         mismatches;
} Server;

/* Signs in as admin; unless BENCH_ROLE=admin, makes an analyst (the heat
 * map's readers, whose answers are masked) and signs in as it instead. */
static char *
login (SoupSession *session,
       const char  *url,
       const char  *password)
{
  g_autofree char *admin = bench_sign_in (session, url, "admin", password);

  if (g_strcmp0 (g_getenv ("BENCH_ROLE"), "admin") == 0)
    return g_steal_pointer (&admin);
  json_object_unref (bench_post_json (session, url, "/api/v1/users", admin, "username", "bench-analyst", "password",
                                      "bench-analyst-password", "role", "analyst", "display_name", "bench", NULL));
  return bench_sign_in (session, url, "bench-analyst", "bench-analyst-password");
}

/* The server's cache key for the filter (hcs-route-risk.c, get_heatmap). */
static char *
cache_key (const Range *range,
           guint        variant)
{
  return g_strdup_printf ("%s/%u/%u/%u/%s/%d/%d", variant == 4 ? "cells" : "map", range->by,
                          variant % 2, variant / 2, range->category >= 0 ? categories[range->category] : "",
                          range->from, range->to);
}

static char *
request_uri (const char  *url,
             const Range *range,
             guint        variant)
{
  g_autofree char *from = month_text (range->from);
  g_autofree char *to = month_text (range->to);
  g_autofree char *category = range->category >= 0 ? g_strconcat ("&category=", categories[range->category], NULL)
                                                    : g_strdup ("");

  if (variant == 4)
    return g_strdup_printf ("%s/api/v1/risk/heatmap/cells?by=%s&from=%s&to=%s%s",
                            url, by_keys[range->by], from, to, category);
  return g_strdup_printf ("%s/api/v1/risk/heatmap?by=%s&measure=%s&normalize=%s&from=%s&to=%s%s",
                          url, by_keys[range->by], variant % 2 ? "severity" : "count",
                          variant / 2 ? "per10k" : "none", from, to, category);
}

/* Seconds of one GET over the session's keep-alive connection; its answer. */
static double
fetch (SoupSession  *session,
       const char   *uri,
       const char   *token,
       JsonObject  **out)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  double seconds;
  gsize len;
  const char *data;

  answer = bench_send (session, msg, token, &seconds);
  if (out != NULL)
    {
      data = g_bytes_get_data (answer, &len);
      /* Not JSON (NULL): an answer that differs, not the end of the run. */
      if (json_parser_load_from_data (parser, data, (gssize) len, &error))
        *out = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
      else
        g_printerr ("GET %s: %s\n", uri, error->message);
    }
  return seconds;
}

static double
array_sum (GArray *times)
{
  double sum = 0;

  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);
  return sum;
}

/* Prints one line: the request times, and the server's CPU times beside
 * them when @cpu is given; returns whether the request times' p99 (or,
 * with @by_cpu, the CPU times') is within the target. */
static gboolean
report (const char *label,
        GArray     *times,
        GArray     *cpu,
        gboolean   *by_cpu)
{
  double p99;

  if (times->len == 0)
    return TRUE;
  bench_sort_times (times);
  p99 = bench_percentile (times, 0.99);
  g_print ("%-50s %5u %7.3f %7.3f %7.3f %7.3f %7.3f %-7s", label, times->len,
           array_sum (times) / times->len * 1e3, bench_percentile (times, 0.5) * 1e3, bench_percentile (times, 0.95) * 1e3,
           p99 * 1e3, g_array_index (times, double, times->len - 1) * 1e3, p99 <= TARGET_SECONDS ? "met" : "NOT");
  if (cpu != NULL && cpu->len > 0)
    {
      double cpu99;

      bench_sort_times (cpu);
      cpu99 = bench_percentile (cpu, 0.99);
      g_print (" | %7.3f %7.3f %7.3f %s", bench_percentile (cpu, 0.5) * 1e3, cpu99 * 1e3,
               g_array_index (cpu, double, cpu->len - 1) * 1e3, cpu99 <= TARGET_SECONDS ? "met" : "NOT");
      if (by_cpu != NULL)
        *by_cpu &= cpu99 <= TARGET_SECONDS;
    }
  g_print ("\n");
  return p99 <= TARGET_SECONDS;
}

/* Seconds of CPU the server's threads have used so far (schedstat, ns). */
static double
server_cpu (GSubprocess *proc)
{
  g_autofree char *task_dir = g_strdup_printf ("/proc/%s/task", g_subprocess_get_identifier (proc));
  g_autoptr(GDir) dir = g_dir_open (task_dir, 0, NULL);
  const char *name;
  double sum = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (task_dir, name, "schedstat", NULL);
      g_autofree char *text = NULL;

      if (g_file_get_contents (path, &text, NULL, NULL))
        sum += g_ascii_strtod (text, NULL) / 1e9;
    }
  return sum;
}

/* The load average over 1, 5 and 15 minutes. */
static char *
load_average (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL) || g_strv_length (fields = g_strsplit (text, " ", 4)) < 3)
    return g_strdup ("?");
  return g_strdup_printf ("%s %s %s", fields[0], fields[1], fields[2]);
}

static char *
read_password (void)
{
  const char *file = g_getenv ("BENCH_PASSWORD_FILE");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return g_strdup (DEFAULT_PASSWORD);
  g_file_get_contents (file, &text, NULL, &error);
  g_assert_no_error (error);
  return g_strdup (g_strstrip (text));
}

/* Copies @source (and its -wal, if any) to @dest: the bench never writes
 * to the database it is given. */
static void
copy_database (const char *source,
               const char *dest)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *from = g_strconcat (source, i ? "-wal" : "", NULL);
      g_autofree char *to = g_strconcat (dest, i ? "-wal" : "", NULL);
      g_autoptr(GError) error = NULL;
      int status = 0;

      if (i > 0 && !g_file_test (from, G_FILE_TEST_EXISTS))
        break;
      g_spawn_sync (NULL, (char *[]) { "cp", "--reflink=auto", from, to, NULL }, NULL,
                    G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
}

/* The span of the events' months, from the raw events. */
static void
event_span (sqlite3 *db,
            int     *first,
            int     *last,
            gint64  *n_events)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT min (occurred_on), max (occurred_on), count(*) FROM risk_events",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    g_error ("the database has no risk events");
  *first = month_parse ((const char *) sqlite3_column_text (stmt, 0));
  *last = month_parse ((const char *) sqlite3_column_text (stmt, 1));
  *n_events = sqlite3_column_int64 (stmt, 2);
  sqlite3_finalize (stmt);
}

/* @n distinct ranges: a grouping, no category (a third) or one, and 1–60
 * months (at most the data's span) inside the data's span. */
static GArray *
pick_ranges (guint n,
             int   first,
             int   last)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  int span = last - first + 1;
  int longest = MIN (span, 60);

  while (ranges->len < n)
    {
      Range r;
      int months = g_rand_int_range (rand, 1, longest + 1);

      r.by = (guint) g_rand_int_range (rand, 0, N_BY);
      r.category = g_rand_int_range (rand, 0, 3) == 0 ? -1
                   : g_rand_int_range (rand, 0, G_N_ELEMENTS (categories));
      r.from = first + g_rand_int_range (rand, 0, span - months + 1);
      r.to = r.from + months - 1;
      if (g_hash_table_add (seen, cache_key (&r, 0)))
        g_array_append_val (ranges, r);
      if (g_hash_table_size (seen) > 16 * (gsize) n + 1000)
        g_error ("cannot find %u distinct filters", n);
    }
  return ranges;
}

static void
server_init (Server     *srv,
             const char *name,
             char       *path,
             char       *db)
{
  srv->name = name;
  srv->path = path;
  srv->db = db;
  srv->session = soup_session_new_with_options ("timeout", 300, "max-conns", 1, NULL);
  srv->t_all = g_array_new (FALSE, FALSE, sizeof (double));
  srv->c_all = g_array_new (FALSE, FALSE, sizeof (double));
  srv->t_cached = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint v = 0; v < N_VARIANTS; v++)
    for (guint b = 0; b < N_BY; b++)
      for (guint c = 0; c < 2; c++)
        {
          srv->t_class[v][b][c] = g_array_new (FALSE, FALSE, sizeof (double));
          srv->c_class[v][b][c] = g_array_new (FALSE, FALSE, sizeof (double));
        }
}

/* Prints the server's table; returns whether every class met the target. */
static gboolean
server_report (Server   *srv,
               gboolean *cpu_met)
{
  gboolean all_met = TRUE;

  *cpu_met = TRUE;
  g_print ("\n%s: %s\n", srv->name, srv->path);
  g_print ("%-50s %5s %7s %7s %7s %7s %7s %-7s | %7s %7s %7s %s\n", "ms: the request's time", "n", "mean", "p50",
           "p95", "p99", "max", "<=5ms", "cpu p50", "p99", "max", "<=5ms");
  for (guint v = 0; v < N_VARIANTS; v++)
    for (guint b = 0; b < N_BY; b++)
      for (guint c = 0; c < 2; c++)
        {
          g_autofree char *label = g_strdup_printf ("%s%s, by=%s, %s", v == 4 ? "" : "map ", variant_names[v],
                                                    by_keys[b], c ? "1 category" : "all");

          all_met &= report (label, srv->t_class[v][b][c], srv->c_class[v][b][c], cpu_met);
        }
  report ("all requests", srv->t_all, srv->c_all, NULL);
  report ("a cached answer (the same filter again)", srv->t_cached, NULL, NULL);
  g_print ("%s: p99 <= 5 ms for every filter class: request time %s, server CPU time %s;"
           " answers differing from the naive GROUP BY: %u (%u cells)\n", srv->name, all_met ? "met" : "NOT met",
           *cpu_met ? "met" : "NOT met", srv->differing_answers, srv->mismatches);
  return all_met;
}

static void
server_clear (Server *srv)
{
  g_autofree char *wal = g_strconcat (srv->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (srv->db, "-shm", NULL);

  /* The arrays of times go with the process. */
  g_object_unref (srv->session);
  g_remove (srv->db);
  g_remove (wal);
  g_remove (shm);
  g_free (srv->db);
  g_free (srv->path);
  g_free (srv->url);
  g_free (srv->token);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hncredit-bench-XXXXXX", &error);
  const char *source_db = g_getenv ("BENCH_DB");
  const char *before_path = g_getenv ("BEFORE_SERVER_PATH");
  guint n_ranges = g_getenv ("N_RANGES") ? (guint) atoi (g_getenv ("N_RANGES")) : 400;
  guint n_naive = g_getenv ("N_NAIVE") ? (guint) atoi (g_getenv ("N_NAIVE")) : 10;
  g_autofree char *password = read_password ();
  g_autofree char *pw = g_build_filename (dir, "password", NULL);
  g_autofree char *load_before = NULL;
  g_autofree char *load_after = NULL;
  g_autoptr(GHashTable) populations = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) t_naive = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (34);
  Server servers[2] = { { 0 } };
  guint n_servers = before_path != NULL ? 2 : 1;
  sqlite3 *db = NULL;
  gboolean all_met = TRUE, cpu_met = TRUE, before_cpu_met = TRUE;
  guint naive_differing = 0;
  double groups_seconds;
  int first, last;
  gint64 n_events, t0;

  g_assert_no_error (error);
  if (source_db == NULL)
    g_error ("BENCH_DB: the seeded database to copy (bench/README.md)");
  g_file_set_contents (pw, password, -1, &error);
  g_assert_no_error (error);
  server_init (&servers[0], "after (this build)", bench_server_path (), g_build_filename (dir, "bench.db", NULL));
  if (n_servers == 2)
    server_init (&servers[1], "before (BEFORE_SERVER_PATH)", g_strdup (before_path),
                 g_build_filename (dir, "before.db", NULL));

  for (guint s = 0; s < n_servers; s++)
    {
      Server *srv = &servers[s];

      t0 = g_get_monotonic_time ();
      copy_database (source_db, srv->db);
      g_print ("database %s copied in %.1f s\n", source_db, (double) (g_get_monotonic_time () - t0) / 1e6);
      srv->url = bench_server_start (srv->path, srv->db, pw, NULL, &srv->proc);
      g_print ("heat map benchmark - %s %s\n", srv->name, srv->url);
      srv->token = login (srv->session, srv->url, password);
    }

  g_assert_cmpint (sqlite3_open_v2 (servers[0].db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  event_span (db, &first, &last, &n_events);
  populations = read_populations (db);
  {
    g_autofree char *a = month_text (first);
    g_autofree char *b = month_text (last);

    g_print ("risk events: %" G_GINT64_FORMAT ", %s to %s\n", n_events, a, b);
  }
  ranges = pick_ranges (n_ranges, first, last);

  /* Every request's filter has its own cache key: none is asked twice. */
  for (guint i = 0; i < ranges->len; i++)
    for (guint v = 0; v < N_VARIANTS; v++)
      if (!g_hash_table_add (keys, cache_key (&g_array_index (ranges, Range, i), v)))
        g_error ("filter %u/%u is asked twice", i, v);

  /* The naive figures of everything: one GROUP BY over all the events. */
  groups = naive_groups (db, &groups_seconds);
  g_print ("naive GROUP BY of all the events by (region, month, category): %u groups in %.1f s\n",
           groups->len, groups_seconds);

  /* Warm the servers: the roll-up's pages, through the cells of the whole
   * span, which no cache keeps, so that no measured filter's answer is
   * made here. */
  for (guint s = 0; s < n_servers; s++)
    {
      Range warm = { 0, -1, MAX (first, last - 59), last };
      g_autofree char *uri = request_uri (servers[s].url, &warm, 4);

      for (guint i = 0; i < 3; i++)
        fetch (servers[s].session, uri, servers[s].token, NULL);
    }

  load_before = load_average ();
  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *range = &g_array_index (ranges, Range, i);
      g_autoptr(GHashTable) cells = NULL;
      gboolean differs[2] = { FALSE, FALSE };

      /* The naive figures first, then the five requests in a random order,
       * each of them to both servers, which one first in turn. */
      cells = expected_from (groups, range);
      if (i < n_naive)
        {
          double naive_seconds;
          g_autoptr(GHashTable) own = naive (db, range, &naive_seconds);
          guint bad = compare_cells (own, cells);

          g_array_append_val (t_naive, naive_seconds);
          /* Checked against the server's answers below through @cells. */
          if (bad > 0)
            {
              g_printerr ("filter %u: %u cells of its own GROUP BY differ from the one of all events\n", i, bad);
              naive_differing++;
            }
        }
      g_array_set_size (order, 0);
      for (guint v = 0; v < N_VARIANTS; v++)
        g_array_insert_val (order, g_rand_int_range (rand, 0, (gint32) order->len + 1), v);
      for (guint k = 0; k < N_VARIANTS * n_servers; k++)
        {
          guint v = g_array_index (order, guint, k / n_servers);
          Server *srv = &servers[(k + i) % n_servers];
          g_autofree char *uri = request_uri (srv->url, range, v);
          g_autoptr(JsonObject) answer = NULL;
          double cpu = server_cpu (srv->proc);
          double s = fetch (srv->session, uri, srv->token, &answer);
          guint bad;

          cpu = server_cpu (srv->proc) - cpu;
          bad = answer == NULL ? 1
                : v == 4 ? check_cells (answer, range, cells, populations)
                : check_map (answer, range, v, cells, populations);

          if (bad > 0)
            {
              g_printerr ("%s: %u cells differ from the naive GROUP BY\n", uri, bad);
              differs[srv - servers] = TRUE;
              srv->mismatches += bad;
            }
          g_array_append_val (srv->t_class[v][range->by][range->category >= 0], s);
          g_array_append_val (srv->c_class[v][range->by][range->category >= 0], cpu);
          g_array_append_val (srv->t_all, s);
          g_array_append_val (srv->c_all, cpu);
        }
      for (guint s = 0; s < n_servers; s++)
        servers[s].differing_answers += differs[s];
    }
  /* What a cached answer costs: the first filter again, a few times. */
  for (guint i = 0; i < 50 * n_servers; i++)
    {
      Server *srv = &servers[i % n_servers];
      g_autofree char *uri = request_uri (srv->url, &g_array_index (ranges, Range, 0), 0);
      double s = fetch (srv->session, uri, srv->token, NULL);

      g_array_append_val (srv->t_cached, s);
    }
  load_after = load_average ();
  sqlite3_close (db);
  for (guint s = 0; s < n_servers; s++)
    bench_server_stop (servers[s].proc);

  g_print ("\n%u filters (grouping, category, 1-60 months) x 5 requests = %u requests to each server, each"
           " filter once; one keep-alive connection each; load average %s before, %s after\n",
           ranges->len, servers[0].t_all->len, load_before, load_after);
  all_met = server_report (&servers[0], &cpu_met);
  if (n_servers == 2)
    server_report (&servers[1], &before_cpu_met);
  g_print ("\n");
  report ("naive: a filter's GROUP BY over the events", t_naive, NULL, NULL);
  for (guint s = 0; s < n_servers && t_naive->len > 0; s++)
    g_print ("ratio naive GROUP BY (%u filters) / %s: mean %.0f, p50 %.0f\n", t_naive->len, servers[s].name,
             (array_sum (t_naive) / t_naive->len) / (array_sum (servers[s].t_all) / servers[s].t_all->len),
             bench_percentile (t_naive, 0.5) / bench_percentile (servers[s].t_all, 0.5));
  if (n_servers == 2)
    g_print ("ratio before / after: request time mean %.2f, p50 %.2f, p99 %.2f;"
             " server CPU time mean %.2f, p50 %.2f, p99 %.2f\n",
             array_sum (servers[1].t_all) / array_sum (servers[0].t_all),
             bench_percentile (servers[1].t_all, 0.5) / bench_percentile (servers[0].t_all, 0.5),
             bench_percentile (servers[1].t_all, 0.99) / bench_percentile (servers[0].t_all, 0.99),
             array_sum (servers[1].c_all) / array_sum (servers[0].c_all),
             bench_percentile (servers[1].c_all, 0.5) / bench_percentile (servers[0].c_all, 0.5),
             bench_percentile (servers[1].c_all, 0.99) / bench_percentile (servers[0].c_all, 0.99));
  g_print ("target p99 <= 5 ms for every filter class (this build): request time %s, server CPU time %s\n",
           all_met ? "met" : "NOT met", cpu_met ? "met" : "NOT met");
  g_print ("naive filters differing from the GROUP BY of all events: %u of %u\n", naive_differing, t_naive->len);

  {
    gboolean ok = naive_differing == 0;

    for (guint s = 0; s < n_servers; s++)
      {
        ok &= servers[s].differing_answers == 0;
        server_clear (&servers[s]);
      }
    g_remove (pw);
    g_rmdir (dir);
    return ok ? 0 : 1;
  }
}
