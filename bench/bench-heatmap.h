/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-heatmap: the filters asked, and the naive figures their answers are
 * checked against (bench-heatmap-naive.c). */
#pragma once

#include <sqlite3.h>

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define N_BY 3

extern const char * const bench_by_keys[N_BY];
extern const char * const bench_categories[8];

typedef struct
{
  guint by;         /* index in bench_by_keys */
  int   category;   /* index in bench_categories, -1: none */
  int   from, to;   /* months since year 0 */
} Range;

typedef struct
{
  gint64 events;
  gint64 severity;
} Cell;

char       *month_text       (int          month);
int         month_parse      (const char  *text);
GHashTable *naive            (sqlite3     *db,
                              const Range *range,
                              double      *seconds);
GArray     *naive_groups     (sqlite3     *db,
                              double      *seconds);
GHashTable *expected_from    (GArray      *groups,
                              const Range *range);
guint       compare_cells    (GHashTable  *a,
                              GHashTable  *b);
GHashTable *read_populations (sqlite3     *db);
guint       check_map        (JsonObject  *map,
                              const Range *range,
                              guint        variant,
                              GHashTable  *cells,
                              GHashTable  *populations);
guint       check_cells      (JsonObject  *answer,
                              const Range *range,
                              GHashTable  *cells,
                              GHashTable  *populations);

G_END_DECLS
