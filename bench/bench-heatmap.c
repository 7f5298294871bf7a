/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The heat map over 2,000,000 risk events (issue 12: ≤ 5 ms of server time
 * for any filter). Starts the server on a copy of a seeded database, signs
 * in and asks GET /risk/heatmap for random distinct filters — each grouping
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
 * request's over one keep-alive loopback connection.
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

#define DEFAULT_PASSWORD "hncredit-bench-password"
#define TARGET_SECONDS   0.005

static const char * const by_keys[] = { "region-month", "region", "region-category" };
static const char * const categories[] = {
  "smuggling", "finance", "food_drug", "environment", "public_health", "construction", "tourism", "work_safety",
};
/* The four measures of GET /risk/heatmap, then the cells (all three). */
static const char * const variant_names[] = {
  "count", "severity", "count per10k", "severity per10k", "cells",
};
#define N_VARIANTS G_N_ELEMENTS (variant_names)
#define N_BY       G_N_ELEMENTS (by_keys)

typedef struct
{
  guint by;
  int   category;   /* -1: none */
  int   from, to;   /* months since year 0 */
} Range;

typedef struct
{
  gint64 events;
  gint64 severity;
} Cell;

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
  GArray       *t_all;
  GArray       *t_cached;
  guint         differing_answers;
  guint         mismatches;
} Server;

static char *
server_path (void)
{
  const char *env = g_getenv ("HNCREDIT_SERVER_PATH");

  return env ? g_strdup (env) : g_build_filename (HC_BUILD_ROOT, "src", "server", "hncredit-server", NULL);
}

static char *
start_server (const char   *path,
              const char   *db,
              const char   *pw_file,
              GSubprocess **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) stdout_stream = NULL;
  g_autofree char *line = NULL;
  GSubprocess *proc;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_PIPE, &error,
                           path, "--db", db, "--listen", "127.0.0.1:0", "--admin-password-file", pw_file,
                           "--exit-on-stdin-eof", NULL);
  g_assert_no_error (error);
  stdout_stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  line = g_data_input_stream_read_line_utf8 (stdout_stream, NULL, NULL, &error);
  if (line == NULL || !g_str_has_prefix (line, "listening on "))
    g_error ("the server did not start: %s", error ? error->message : "no line");
  *out = proc;
  return g_strdup (line + strlen ("listening on "));
}

static void
stop_server (GSubprocess *proc)
{
  g_output_stream_close (g_subprocess_get_stdin_pipe (proc), NULL, NULL);
  g_subprocess_wait (proc, NULL, NULL);
  g_object_unref (proc);
}

static char *
login (SoupSession *session,
       const char  *url,
       const char  *password)
{
  g_autofree char *uri = g_strconcat (url, "/api/v1/session", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len;
  const char *data;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, "admin");
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);
  bytes = g_bytes_new (body, strlen (body));
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  answer = soup_session_send_and_read (session, msg, NULL, NULL);
  g_assert_nonnull (answer);
  if (soup_message_get_status (msg) != 201 && soup_message_get_status (msg) != 200)
    g_error ("sign-in answered %u (BENCH_PASSWORD_FILE?)", soup_message_get_status (msg));
  data = g_bytes_get_data (answer, &len);
  g_assert_true (json_parser_load_from_data (parser, data, (gssize) len, NULL));
  return g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "token"));
}

static char *
month_text (int month)
{
  return g_strdup_printf ("%04d-%02d", month / 12, month % 12 + 1);
}

static int
month_parse (const char *text)
{
  return atoi (text) * 12 + atoi (text + 5) - 1;
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
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;
  gsize len;
  const char *data;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  seconds = (double) (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  if (soup_message_get_status (msg) != 200)
    g_error ("GET %s answered %u", uri, soup_message_get_status (msg));
  if (out != NULL)
    {
      data = g_bytes_get_data (answer, &len);
      json_parser_load_from_data (parser, data, (gssize) len, &error);
      g_assert_no_error (error);
      *out = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
    }
  return seconds;
}

/* The naive way: one GROUP BY over the raw events (no roll-up). */
static const char * const naive_sql[] = {
  "SELECT region, month, count(*), sum (severity) FROM risk_events"
  " WHERE month BETWEEN ?1 AND ?2 AND (?3 IS NULL OR category = ?3) GROUP BY region, month",
  "SELECT region, 'total', count(*), sum (severity) FROM risk_events"
  " WHERE month BETWEEN ?1 AND ?2 AND (?3 IS NULL OR category = ?3) GROUP BY region",
  "SELECT region, category, count(*), sum (severity) FROM risk_events"
  " WHERE month BETWEEN ?1 AND ?2 AND (?3 IS NULL OR category = ?3) GROUP BY region, category",
};

/* Returns: (transfer full): "region/column" → Cell; the seconds in @seconds */
static GHashTable *
naive (sqlite3     *db,
       const Range *range,
       double      *seconds)
{
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *from = month_text (range->from);
  g_autofree char *to = month_text (range->to);
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, naive_sql[range->by], -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  if (range->category >= 0)
    sqlite3_bind_text (stmt, 3, categories[range->category], -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Cell *cell = g_new (Cell, 1);

      cell->events = sqlite3_column_int64 (stmt, 2);
      cell->severity = sqlite3_column_int64 (stmt, 3);
      g_hash_table_insert (cells, g_strdup_printf ("%s/%s", sqlite3_column_text (stmt, 0),
                                                   sqlite3_column_text (stmt, 1)), cell);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  *seconds = (double) (g_get_monotonic_time () - start) / 1e6;
  return cells;
}

/* All the events by (市县, month, category), the naive way. */
typedef struct
{
  char  *region;
  char  *category;
  int    month;
  Cell   cell;
} Group;

static void
group_clear (gpointer data)
{
  Group *g = data;

  g_free (g->region);
  g_free (g->category);
}

static GArray *
naive_groups (sqlite3 *db,
              double  *seconds)
{
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (Group));
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();
  int rc;

  g_array_set_clear_func (groups, group_clear);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT region, month, category, count(*), sum (severity)"
                                           " FROM risk_events GROUP BY region, month, category",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Group g;

      g.region = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g.month = month_parse ((const char *) sqlite3_column_text (stmt, 1));
      g.category = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g.cell.events = sqlite3_column_int64 (stmt, 3);
      g.cell.severity = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (groups, g);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  *seconds = (double) (g_get_monotonic_time () - start) / 1e6;
  return groups;
}

/* The figures of @range summed from the naive groups, as naive() gives them. */
static GHashTable *
expected_from (GArray      *groups,
               const Range *range)
{
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < groups->len; i++)
    {
      const Group *g = &g_array_index (groups, Group, i);
      g_autofree char *key = NULL;
      Cell *cell;

      if (g->month < range->from || g->month > range->to ||
          (range->category >= 0 && !g_str_equal (g->category, categories[range->category])))
        continue;
      if (range->by == 0)
        {
          g_autofree char *month = month_text (g->month);

          key = g_strdup_printf ("%s/%s", g->region, month);
        }
      else
        key = g_strdup_printf ("%s/%s", g->region, range->by == 1 ? "total" : g->category);
      if ((cell = g_hash_table_lookup (cells, key)) == NULL)
        {
          cell = g_new0 (Cell, 1);
          g_hash_table_insert (cells, g_steal_pointer (&key), cell);
        }
      cell->events += g->cell.events;
      cell->severity += g->cell.severity;
    }
  return cells;
}

/* Returns: the count of cells that differ between @a and @b */
static guint
compare_cells (GHashTable *a,
               GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;
  guint bad = g_hash_table_size (a) != g_hash_table_size (b);

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Cell *other = g_hash_table_lookup (b, key);
      Cell *cell = value;

      bad += other == NULL || other->events != cell->events || other->severity != cell->severity;
    }
  return bad;
}

/* Region code → population, as GINT_TO_POINTER. */
static GHashTable *
read_populations (sqlite3 *db)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT region, population FROM region_population", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (table, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_finalize (stmt);
  return table;
}

#define population_of(table, region) ((double) GPOINTER_TO_INT (g_hash_table_lookup ((table), (region))))

static Cell
expected_cell (GHashTable *cells,
               const char *region,
               const char *column)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", region, column);
  Cell *cell = g_hash_table_lookup (cells, key);
  Cell none = { 0, 0 };

  return cell != NULL ? *cell : none;
}

/* The columns the range has, by its grouping. */
static GPtrArray *
expected_columns (const Range *range)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);

  if (range->by == 0)
    for (int m = range->from; m <= range->to; m++)
      g_ptr_array_add (columns, month_text (m));
  else if (range->by == 1)
    g_ptr_array_add (columns, g_strdup ("total"));
  else
    for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
      g_ptr_array_add (columns, g_strdup (categories[c]));
  return columns;
}

/* Checks a GET /risk/heatmap answer (variant 0–3) cell by cell, and its
 * total, min and max, against the naive figures. Returns: the count of
 * differences (0 when it agrees) */
static guint
check_map (JsonObject  *map,
           const Range *range,
           guint        variant,
           GHashTable  *cells,
           GHashTable  *populations)
{
  g_autoptr(GPtrArray) columns = expected_columns (range);
  JsonArray *rows = json_object_get_array_member (map, "rows");
  JsonArray *got_columns = json_object_get_array_member (map, "columns");
  JsonArray *values = json_object_get_array_member (map, "values");
  gboolean severity = variant % 2 == 1, per10k = variant / 2 == 1;
  double min = 0, max = 0;
  gint64 total = 0;
  guint bad = 0, seen = 0;

  if (json_array_get_length (got_columns) != columns->len || json_array_get_length (rows) != 19)
    return 1;
  for (guint c = 0; c < columns->len; c++)
    bad += !g_str_equal (json_array_get_string_element (got_columns, c), g_ptr_array_index (columns, c));
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      const char *region = json_array_get_string_element (rows, r);
      JsonArray *row = json_array_get_array_element (values, r);
      double population = population_of (populations, region);

      for (guint c = 0; c < columns->len; c++)
        {
          Cell cell = expected_cell (cells, region, g_ptr_array_index (columns, c));
          gint64 raw = severity ? cell.severity : cell.events;
          double want = per10k ? (population > 0 ? raw * 10000.0 / population : 0.0) : (double) raw;
          double got = per10k ? json_array_get_double_element (row, c) : (double) json_array_get_int_element (row, c);

          if (got != want)
            bad++;
          total += raw;
          if (seen++ == 0 || want < min)
            min = want;
          if (seen == 1 || want > max)
            max = want;
        }
    }
  bad += json_object_get_int_member (map, "total") != total;
  bad += json_object_get_double_member (map, "min") != (per10k ? min : (double) (gint64) min);
  bad += json_object_get_double_member (map, "max") != (per10k ? max : (double) (gint64) max);
  return bad;
}

/* Checks a GET /risk/heatmap/cells answer: events, per_10k (rounded to two
 * places, as the server rounds it) and severity of every row. */
static guint
check_cells (JsonObject  *answer,
             const Range *range,
             GHashTable  *cells,
             GHashTable  *populations)
{
  g_autoptr(GPtrArray) columns = expected_columns (range);
  JsonArray *items = json_object_get_array_member (answer, "items");
  guint bad = 0;

  if (json_array_get_length (items) != 19 * columns->len)
    return 1;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *row = json_array_get_object_element (items, i);
      const char *region = json_object_get_string_member (row, "region");
      const char *column = json_object_get_string_member (row, "column");
      Cell cell = expected_cell (cells, region, column);
      double population = population_of (populations, region);
      double per10k = population > 0 ? round (cell.events * 10000.0 / population * 100) / 100 : 0.0;

      if (!g_str_equal (column, g_ptr_array_index (columns, i % columns->len)) ||
          json_object_get_int_member (row, "events") != cell.events ||
          json_object_get_int_member (row, "severity") != cell.severity ||
          json_object_get_double_member (row, "per_10k") != per10k)
        bad++;
    }
  return bad;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i = (guint) (p * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

static double
array_sum (GArray *times)
{
  double sum = 0;

  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);
  return sum;
}

/* Prints one line; returns whether its p99 is within the target. */
static gboolean
report (const char *label,
        GArray     *times)
{
  double p99;

  if (times->len == 0)
    return TRUE;
  g_array_sort (times, cmp_double);
  p99 = percentile (times, 0.99);
  g_print ("%-52s %5u %8.3f %8.3f %8.3f %8.3f %8.3f  %s\n", label, times->len,
           array_sum (times) / times->len * 1e3, percentile (times, 0.5) * 1e3, percentile (times, 0.95) * 1e3,
           p99 * 1e3, g_array_index (times, double, times->len - 1) * 1e3,
           p99 <= TARGET_SECONDS ? "met" : "NOT met");
  return p99 <= TARGET_SECONDS;
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
  srv->t_cached = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint v = 0; v < N_VARIANTS; v++)
    for (guint b = 0; b < N_BY; b++)
      for (guint c = 0; c < 2; c++)
        srv->t_class[v][b][c] = g_array_new (FALSE, FALSE, sizeof (double));
}

/* Prints the server's table; returns whether every class met the target. */
static gboolean
server_report (Server *srv)
{
  gboolean all_met = TRUE;

  g_print ("\n%s: %s\n", srv->name, srv->path);
  g_print ("%-52s %5s %8s %8s %8s %8s %8s  %s\n", "ms", "n", "mean", "p50", "p95", "p99", "max", "p99 <= 5 ms");
  for (guint v = 0; v < N_VARIANTS; v++)
    for (guint b = 0; b < N_BY; b++)
      for (guint c = 0; c < 2; c++)
        {
          g_autofree char *label = g_strdup_printf ("%s%s, by=%s, %s", v == 4 ? "" : "map ", variant_names[v],
                                                    by_keys[b], c ? "1 category" : "all");

          all_met &= report (label, srv->t_class[v][b][c]);
        }
  report ("all requests", srv->t_all);
  report ("a cached answer (the same filter again)", srv->t_cached);
  g_print ("%s: p99 <= 5 ms for every filter class: %s; answers differing from the naive GROUP BY: %u (%u cells)\n",
           srv->name, all_met ? "met" : "NOT met", srv->differing_answers, srv->mismatches);
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
  gboolean all_met = TRUE;
  guint naive_differing = 0;
  double groups_seconds;
  int first, last;
  gint64 n_events, t0;

  g_assert_no_error (error);
  if (source_db == NULL)
    g_error ("BENCH_DB: the seeded database to copy (bench/README.md)");
  g_file_set_contents (pw, password, -1, &error);
  g_assert_no_error (error);
  server_init (&servers[0], "after (this build)", server_path (), g_build_filename (dir, "bench.db", NULL));
  if (n_servers == 2)
    server_init (&servers[1], "before (BEFORE_SERVER_PATH)", g_strdup (before_path),
                 g_build_filename (dir, "before.db", NULL));

  for (guint s = 0; s < n_servers; s++)
    {
      Server *srv = &servers[s];

      t0 = g_get_monotonic_time ();
      copy_database (source_db, srv->db);
      g_print ("database %s copied in %.1f s\n", source_db, (double) (g_get_monotonic_time () - t0) / 1e6);
      srv->url = start_server (srv->path, srv->db, pw, &srv->proc);
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
          double s = fetch (srv->session, uri, srv->token, &answer);
          guint bad = v == 4 ? check_cells (answer, range, cells, populations)
                             : check_map (answer, range, v, cells, populations);

          if (bad > 0)
            {
              g_printerr ("%s: %u cells differ from the naive GROUP BY\n", uri, bad);
              differs[srv - servers] = TRUE;
              srv->mismatches += bad;
            }
          g_array_append_val (srv->t_class[v][range->by][range->category >= 0], s);
          g_array_append_val (srv->t_all, s);
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
    stop_server (servers[s].proc);

  g_print ("\n%u filters (grouping, category, 1-60 months) x 5 requests = %u requests to each server, each"
           " filter once; one keep-alive connection each; load average %s before, %s after\n",
           ranges->len, servers[0].t_all->len, load_before, load_after);
  all_met = server_report (&servers[0]);
  if (n_servers == 2)
    server_report (&servers[1]);
  g_print ("\n");
  report ("naive: a filter's GROUP BY over the events", t_naive);
  for (guint s = 0; s < n_servers && t_naive->len > 0; s++)
    g_print ("ratio naive GROUP BY (%u filters) / %s: mean %.0f, p50 %.0f\n", t_naive->len, servers[s].name,
             (array_sum (t_naive) / t_naive->len) / (array_sum (servers[s].t_all) / servers[s].t_all->len),
             percentile (t_naive, 0.5) / percentile (servers[s].t_all, 0.5));
  if (n_servers == 2)
    g_print ("ratio before / after: mean %.2f, p50 %.2f, p99 %.2f\n",
             array_sum (servers[1].t_all) / array_sum (servers[0].t_all),
             percentile (servers[1].t_all, 0.5) / percentile (servers[0].t_all, 0.5),
             percentile (servers[1].t_all, 0.99) / percentile (servers[0].t_all, 0.99));
  g_print ("target p99 <= 5 ms for every filter class (this build): %s\n", all_met ? "met" : "NOT met");
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
