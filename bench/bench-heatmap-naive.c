/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-heatmap: the naive figures (GROUP BY over the raw events) and the
 * checks of the server's answers against them, cell by cell. */
#define G_LOG_DOMAIN "bench-heatmap"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "bench-heatmap.h"

const char * const bench_by_keys[3] = { "region-month", "region", "region-category" };
const char * const bench_categories[8] = {
  "smuggling", "finance", "food_drug", "environment", "public_health", "construction", "tourism", "work_safety",
};

char *
month_text (int month)
{
  return g_strdup_printf ("%04d-%02d", month / 12, month % 12 + 1);
}

int
month_parse (const char *text)
{
  return atoi (text) * 12 + atoi (text + 5) - 1;
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
GHashTable *
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
    sqlite3_bind_text (stmt, 3, bench_categories[range->category], -1, SQLITE_STATIC);
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

GArray *
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
GHashTable *
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
          (range->category >= 0 && !g_str_equal (g->category, bench_categories[range->category])))
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
guint
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
GHashTable *
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
    for (guint c = 0; c < G_N_ELEMENTS (bench_categories); c++)
      g_ptr_array_add (columns, g_strdup (bench_categories[c]));
  return columns;
}

/* Checks a GET /risk/heatmap answer (variant 0–3) cell by cell, and its
 * total, min and max, against the naive figures. Returns: the count of
 * differences (0 when it agrees) */
guint
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
guint
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

