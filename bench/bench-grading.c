/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of 公共信用综合评价: regrading every subject of the scale-10 demo
 * (1,000,000 enterprises and organisations, 5,000 persons) under a new
 * model version — the publish a supervisor does: read each subject's file,
 * compute, write every grade, commit — beside a plain SQL pass over the
 * same rows in the same run (one statement reading the subjects and the
 * grouped record tables the grade counts, and nothing else), as a ratio.
 * The preview (the same pass without writing) is timed too.
 *
 *   bench-grading                 seeds a new database (minutes), then measures
 *   BENCH_DB=PATH bench-grading   reuses PATH, seeding it first if it is new
 *   RUNS=N                        publishes N versions (default 2)
 *   SCALE=N                       the demo scale of a new database (default 10) */
#define G_LOG_DOMAIN "bench-grading"

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "hcs-demo.h"
#include "hcs-grading.h"
#include "hcs-list-rules.h"
#include "hcs-resources.h"
#include "hcs-store.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The plain SQL pass: the same rows the grading scan reads, read and
 * summed by SQLite alone. */
static double
plain_sql_pass (const char *db_path,
                const char *as_of,
                const char *earlier_since,
                gint64     *n_subjects)
{
  static const char sql[] =
    "SELECT count(*), sum (coalesce (p.n, 0) + coalesce (l.n, 0) + coalesce (c.n, 0) + coalesce (r.n, 0)"
    "  + coalesce (o.n, 0)), sum (length (s.region) + length (s.industry) + coalesce (length (s.registered_on), 0)"
    "  + coalesce (length (s.grade), 0))"
    " FROM subjects s"
    " LEFT JOIN (SELECT subject_id, count(*) AS n FROM penalties WHERE subject_id IS NOT NULL"
    "   AND decided_on > ?2 AND decided_on <= ?1 GROUP BY subject_id) p ON p.subject_id = s.id"
    " LEFT JOIN (SELECT e.subject_id, count(*) AS n FROM list_entries e JOIN list_types t ON t.key = e.list_type"
    "   GROUP BY e.subject_id) l ON l.subject_id = s.id"
    " LEFT JOIN (SELECT subject_id, count(*) AS n FROM commitments WHERE subject_id IS NOT NULL"
    "   AND fulfilment <> 'pending' GROUP BY subject_id) c ON c.subject_id = s.id"
    " LEFT JOIN (SELECT subject_id, count(*) AS n FROM repairs WHERE state = 'approved' GROUP BY subject_id) r"
    "   ON r.subject_id = s.id"
    " LEFT JOIN (SELECT subject_id, count(*) AS n FROM grade_overrides WHERE lifted_at IS NULL GROUP BY subject_id) o"
    "   ON o.subject_id = s.id";
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;
  double took;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, as_of, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, earlier_since, -1, SQLITE_STATIC);
  start = g_get_monotonic_time ();
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  took = seconds_since (start);
  *n_subjects = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return took;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsStore) store = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *today = hcs_date_today ();
  g_autofree char *earlier = NULL;
  const char *env_db = g_getenv ("BENCH_DB");
  guint scale = g_getenv ("SCALE") ? (guint) atoi (g_getenv ("SCALE")) : 10;
  guint runs = g_getenv ("RUNS") ? (guint) atoi (g_getenv ("RUNS")) : 2;
  gint64 start, n_subjects = 0;

  {
    GDate d;

    hcs_date_parse (today, &d);
    g_date_subtract_years (&d, 3);
    earlier = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
  }
  if (env_db != NULL)
    db_path = g_strdup (env_db);
  else
    {
      tmpdir = g_dir_make_tmp ("bench-grading-XXXXXX", &error);
      g_assert_no_error (error);
      db_path = g_build_filename (tmpdir, "bench.db", NULL);
    }

  /* The schema's migrations are in the server's resource, which a static
   * link drops unless something names it. */
  g_assert_nonnull (hcs_get_resource ());
  store = hcs_store_open (db_path, &error);
  g_assert_no_error (error);
  hcs_store_migrate (store, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_true (hcs_demo_seed (store, "bench-password-42", scale, &error));
  g_assert_no_error (error);
  printf ("database %s: ready in %.1f s (seeding, with the demo model's publish, when new)\n",
          db_path, seconds_since (start));

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(JsonObject) preview = NULL;
      g_autoptr(JsonObject) pass = NULL;
      g_autofree char *edit = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      double ref, t_preview, t_publish;
      gint64 id;

      ref = plain_sql_pass (db_path, today, earlier, &n_subjects);

      /* A new version whose bands move by two points each run, so that a
       * good share of the subjects change grade. */
      g_assert_true (hcs_store_begin (store, &error));
      id = hcs_grading_draft_create (store, 0, "bench", "supervisor", &error);
      g_assert_no_error (error);
      edit = g_strdup_printf ("{\"A\":%d,\"B\":%d,\"C\":%d}", 80 + (run % 2 ? 0 : 2), 66 + (run % 2 ? 0 : 2),
                              50 + (run % 2 ? 0 : 2));
      g_assert_true (json_parser_load_from_data (parser, edit, -1, NULL));
      g_assert_true (hcs_grading_draft_edit (store, id, 1, NULL, NULL, json_parser_get_root (parser), NULL, &error));
      g_assert_true (hcs_store_commit (store, &error));

      start = g_get_monotonic_time ();
      preview = hcs_grading_preview (store, id, &error);
      g_assert_no_error (error);
      t_preview = seconds_since (start);

      start = g_get_monotonic_time ();
      g_assert_true (hcs_store_begin (store, &error));
      pass = hcs_grading_publish (store, id, 2, "supervisor", &error);
      g_assert_no_error (error);
      g_assert_true (hcs_store_commit (store, &error));
      t_publish = seconds_since (start);

      g_assert_cmpint (json_object_get_int_member (pass, "changed"), ==,
                       json_object_get_int_member (preview, "changed"));
      printf ("run %u: %" G_GINT64_FORMAT " subjects, %" G_GINT64_FORMAT " change grade\n"
              "  plain SQL pass over the same rows   %6.2f s\n"
              "  preview (read, compute)             %6.2f s   ratio %.2f\n"
              "  publish (read, compute, write all)  %6.2f s   ratio %.2f   target <= 30 s: %s\n",
              run + 1, json_object_get_int_member (pass, "subjects"), json_object_get_int_member (pass, "changed"),
              ref, t_preview, t_preview / ref, t_publish, t_publish / ref, t_publish <= 30 ? "yes" : "no");
      fflush (stdout);
    }
  g_assert_cmpint (n_subjects, >, 0);

  if (tmpdir != NULL)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      g_clear_pointer (&store, hcs_store_free);
      g_unlink (db_path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmpdir);
    }
  return 0;
}
