/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for 公共信用综合评价: model versions, the facts of subjects' files
 * that the factors count, computed grades and overrides. */
#define G_LOG_DOMAIN "hcs-store-grading"

#include "config.h"

#include "hcs-store-grading.h"
#include "hcs-store-pg.h"
#include "hcs-store-private.h"

/* The scan reads subjects in id order and, beside them, each record table
 * grouped by subject in the same order (through its subject index), and
 * merges the rows in C: one pass over each table whether it grades one
 * subject (first = last) or a million. ?1 … ?2 is the id range. */
static const char SQL_SCAN_SUBJECTS[] =
  "SELECT id, region, industry, registered_on, grade FROM subjects"
  " WHERE id >= ?1 AND id <= ?2 ORDER BY id";
static const char SQL_SCAN_OVERRIDES[] =
  "SELECT subject_id, grade FROM grade_overrides"
  " WHERE lifted_at IS NULL AND subject_id >= ?1 AND subject_id <= ?2 ORDER BY subject_id";
/* 行政处罚决定的种类: 警告, 通报批评, 罚款 and 其他 are minor; the others
 * (没收, 暂扣 / 吊销许可证件, 降低资质等级, 限制经营 / 从业, 责令停产停业 /
 * 关闭, 行政拘留) severe. ?3 as of, ?4 recent since, ?5 earlier since. */
#define SEVERE "category NOT IN ('warning', 'criticism', 'fine', 'other')"
static const char SQL_SCAN_PENALTIES[] =
  "SELECT subject_id,"
  " sum (decided_on > ?4 AND " SEVERE "), sum (decided_on <= ?4 AND " SEVERE "),"
  " sum (decided_on > ?4 AND NOT " SEVERE "), sum (decided_on <= ?4 AND NOT " SEVERE ")"
  " FROM penalties WHERE subject_id >= ?1 AND subject_id <= ?2 AND decided_on > ?5 AND decided_on <= ?3"
  " GROUP BY subject_id ORDER BY subject_id";
#define IN_FORCE "e.state IN ('published', 'objected')"
#define ENDED    "e.state IN ('repaired', 'exited', 'expired')"
static const char SQL_SCAN_LISTS[] =
  "SELECT e.subject_id,"
  " sum (t.class = 'black' AND " IN_FORCE "), sum (t.class = 'black' AND " ENDED "),"
  " sum (t.class = 'watch' AND " IN_FORCE "), sum (t.class = 'watch' AND " ENDED "),"
  " sum (t.class = 'red' AND " IN_FORCE ")"
  " FROM list_entries e JOIN list_types t ON t.key = e.list_type"
  " WHERE e.subject_id >= ?1 AND e.subject_id <= ?2"
  " GROUP BY e.subject_id ORDER BY e.subject_id";
static const char SQL_SCAN_COMMITMENTS[] =
  "SELECT subject_id, sum (fulfilment = 'fulfilled'), sum (fulfilment = 'breached')"
  " FROM commitments WHERE subject_id >= ?1 AND subject_id <= ?2 AND fulfilment <> 'pending'"
  " GROUP BY subject_id ORDER BY subject_id";
static const char SQL_SCAN_REPAIRS[] =
  "SELECT subject_id, count(*) FROM repairs"
  " WHERE subject_id >= ?1 AND subject_id <= ?2 AND state = 'approved'"
  " GROUP BY subject_id ORDER BY subject_id";

/* 双随机、一公开: inspections found 不合格 (failed) in the last three years. */
static const char SQL_SCAN_INSPECTIONS[] =
  "SELECT subject_id, count(*) FROM inspections"
  " WHERE subject_id >= ?1 AND subject_id <= ?2 AND result = 'fail' AND recorded_on > ?5 AND recorded_on <= ?3"
  " GROUP BY subject_id ORDER BY subject_id";

/* The last id of the range that starts at ?1: the ?3-th subject from
 * there (none: the range goes to ?2). */
static const char SQL_SCAN_RANGE_END[] =
  "SELECT id FROM subjects WHERE id >= ?1 AND id <= ?2 ORDER BY id LIMIT 1 OFFSET ?3";

static const char SQL_IMPORT_SUBJECTS[] =
  "SELECT subject_id FROM penalties WHERE import_id = ?1 AND subject_id IS NOT NULL"
  " UNION SELECT subject_id FROM commitments WHERE import_id = ?1 AND subject_id IS NOT NULL"
  " UNION SELECT id FROM subjects WHERE import_id = ?1";

#define MODEL_COLUMNS \
  "id, state, title, base_score, band_a, band_b, band_c, based_on, version, created_by, created_at," \
  " updated_at, published_by, published_at"
static const char SQL_MODELS[] = "SELECT " MODEL_COLUMNS " FROM grading_models ORDER BY id DESC";
static const char SQL_MODEL_GET[] = "SELECT " MODEL_COLUMNS " FROM grading_models WHERE id = ?1";
static const char SQL_MODEL_WEIGHTS[] =
  "SELECT factor, weight FROM grading_weights WHERE model_id = ?1 ORDER BY factor";
static const char SQL_MODEL_IN_STATE[] = "SELECT id FROM grading_models WHERE state = ?1";
/* The first subject after ?2 whose computed grade is as of a day before ?1
 * (the primary key's order: each call goes on where the last stopped). */
static const char SQL_FIRST_STALE[] =
  "SELECT subject_id FROM subject_grades NOT INDEXED WHERE subject_id > ?2 AND as_of < ?1"
  " ORDER BY subject_id LIMIT 1";
/* One probe of subject_grades_as_of: whether any grade is of an earlier day. */
static const char SQL_ANY_STALE[] = "SELECT 1 FROM subject_grades WHERE as_of < ?1 LIMIT 1";
static const char SQL_MODEL_INSERT[] =
  "INSERT INTO grading_models (title, base_score, band_a, band_b, band_c, based_on, created_by,"
  " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)";
static const char SQL_MODEL_UPDATE[] =
  "UPDATE grading_models SET title = ?3, base_score = ?4, band_a = ?5, band_b = ?6, band_c = ?7,"
  " version = version + 1, updated_at = ?8 WHERE id = ?1 AND version = ?2 AND state = 'draft'";
static const char SQL_MODEL_EXISTS[] = "SELECT 1 FROM grading_models WHERE id = ?1";
/* A draft discarded: its weights, then itself (at its version, still a draft). */
static const char SQL_DRAFT_WEIGHTS_DELETE[] =
  "DELETE FROM grading_weights WHERE model_id = ?1"
  " AND EXISTS (SELECT 1 FROM grading_models WHERE id = ?1 AND version = ?2 AND state = 'draft')";
static const char SQL_DRAFT_DELETE[] = "DELETE FROM grading_models WHERE id = ?1 AND version = ?2 AND state = 'draft'";
static const char SQL_WEIGHT_SET[] =
  "INSERT INTO grading_weights (model_id, factor, weight) VALUES (?1, ?2, ?3)"
  " ON CONFLICT (model_id, factor) DO UPDATE SET weight = excluded.weight";
static const char SQL_MODEL_SUPERSEDE[] =
  "UPDATE grading_models SET state = 'superseded', updated_at = ?1 WHERE state = 'published'";
static const char SQL_MODEL_PUBLISH[] =
  "UPDATE grading_models SET state = 'published', published_by = ?3, published_at = ?4, updated_at = ?4,"
  " version = version + 1 WHERE id = ?1 AND version = ?2 AND state = 'draft'";

static const char SQL_GRADE_WRITE[] =
  "INSERT OR REPLACE INTO subject_grades (subject_id, model_id, score, grade, as_of) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_GRADE_IN_FORCE[] =
  "UPDATE subjects SET grade = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1 AND grade IS NOT ?2";
static const char SQL_GRADE_GET[] =
  "SELECT subject_id, model_id, score, grade, as_of FROM subject_grades WHERE subject_id = ?1";

#define OVERRIDE_COLUMNS "id, subject_id, grade, reason, actor, at, lifted_at, lifted_by, lifted_reason"
static const char SQL_OVERRIDE_OPEN[] =
  "SELECT " OVERRIDE_COLUMNS " FROM grade_overrides WHERE subject_id = ?1 AND lifted_at IS NULL";
static const char SQL_OVERRIDES[] =
  "SELECT " OVERRIDE_COLUMNS " FROM grade_overrides WHERE subject_id = ?1 ORDER BY id DESC LIMIT 50";
static const char SQL_OVERRIDE_INSERT[] =
  "INSERT INTO grade_overrides (subject_id, grade, reason, actor, at) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_OVERRIDE_LIFT[] =
  "UPDATE grade_overrides SET lifted_at = ?2, lifted_by = ?3, lifted_reason = ?4"
  " WHERE id = ?1 AND lifted_at IS NULL";

/* One of the grouped tables beside the subjects: its current row's
 * subject, or G_MAXINT64 once it is done. */
typedef struct
{
  HcsStmt *stmt;
  gint64        subject_id;
  HcsGradeCount first;
  int           n_counts;
} ScanCursor;

static gboolean
cursor_next (HcsStore    *store,
             ScanCursor  *c,
             GError     **error)
{
  int rc = hcs_store_step (store, c->stmt, error);

  if (rc < 0)
    return FALSE;
  c->subject_id = rc == HCS_STMT_ROW ? hcs_stmt_column_int64 (c->stmt, 0) : G_MAXINT64;
  return TRUE;
}

static void
bind_range (HcsStmt            *stmt,
            gint64              first_id,
            gint64              last_id,
            const HcsGradeDays *days)
{
  int n = hcs_stmt_bind_parameter_count (stmt);

  hcs_stmt_bind_int64 (stmt, 1, first_id);
  hcs_stmt_bind_int64 (stmt, 2, last_id);
  if (n >= 3)
    {
      hcs_store_bind_text (stmt, 3, days->as_of);
      hcs_store_bind_text (stmt, 4, days->recent_since);
      hcs_store_bind_text (stmt, 5, days->earlier_since);
    }
}

static void
reset_all (HcsStmt      *subjects,
           ScanCursor   *cursors,
           guint         n)
{
  hcs_stmt_reset (subjects);
  for (guint i = 0; i < n; i++)
    if (cursors[i].stmt != NULL)
      hcs_stmt_reset (cursors[i].stmt);
}

/* One range of ids: the subjects and the seven statements over it. */
static gboolean
scan_range (HcsStore            *store,
            gint64               first_id,
            gint64               last_id,
            const HcsGradeDays  *days,
            HcsGradeFactsFunc    func,
            gpointer             data,
            GError             **error)
{
  /* The overrides are the first cursor; its "count" is the grade. */
  ScanCursor cursors[] = {
    { NULL, 0, 0, 0 },
    { NULL, 0, HCS_GRADE_COUNT_PENALTIES_SEVERE_RECENT, 4 },
    { NULL, 0, HCS_GRADE_COUNT_BLACK_IN_FORCE, 5 },
    { NULL, 0, HCS_GRADE_COUNT_COMMITMENTS_KEPT, 2 },
    { NULL, 0, HCS_GRADE_COUNT_REPAIRS_COMPLETED, 1 },
    { NULL, 0, HCS_GRADE_COUNT_INSPECTIONS_FAILED, 1 },
  };
  const char * const sql[] = { SQL_SCAN_OVERRIDES, SQL_SCAN_PENALTIES, SQL_SCAN_LISTS,
                               SQL_SCAN_COMMITMENTS, SQL_SCAN_REPAIRS, SQL_SCAN_INSPECTIONS };
  HcsStmt *subjects;
  gboolean ok = FALSE;
  int rc;

  G_STATIC_ASSERT (G_N_ELEMENTS (cursors) == G_N_ELEMENTS (sql));

  if ((subjects = hcs_store_prepare (store, SQL_SCAN_SUBJECTS, error)) == NULL)
    return FALSE;
  bind_range (subjects, first_id, last_id, days);
  for (guint i = 0; i < G_N_ELEMENTS (cursors); i++)
    {
      if ((cursors[i].stmt = hcs_store_prepare (store, sql[i], error)) == NULL)
        goto out;
      bind_range (cursors[i].stmt, first_id, last_id, days);
      if (!cursor_next (store, &cursors[i], error))
        goto out;
    }

  while ((rc = hcs_store_step (store, subjects, error)) == HCS_STMT_ROW)
    {
      HcsGradeFacts facts = { 0, };

      facts.subject_id = hcs_stmt_column_int64 (subjects, 0);
      facts.region = hcs_stmt_column_text (subjects, 1);
      facts.industry = hcs_stmt_column_text (subjects, 2);
      facts.registered_on = hcs_stmt_column_text (subjects, 3);
      facts.grade = hcs_stmt_column_text (subjects, 4);
      for (guint i = 0; i < G_N_ELEMENTS (cursors); i++)
        {
          ScanCursor *c = &cursors[i];

          /* Rows of subjects that are gone (or of ids outside subjects) are skipped. */
          while (c->subject_id < facts.subject_id)
            if (!cursor_next (store, c, error))
              goto out;
          if (c->subject_id != facts.subject_id)
            continue;
          if (i == 0)
            facts.override_grade = hcs_stmt_column_text (c->stmt, 1);
          else
            for (int k = 0; k < c->n_counts; k++)
              facts.counts[c->first + k] = hcs_stmt_column_int (c->stmt, 1 + k);
        }
      if (!func (&facts, data, error))
        goto out;
    }
  ok = rc == HCS_STMT_DONE;

out:
  reset_all (subjects, cursors, G_N_ELEMENTS (cursors));
  return ok;
}

/* Over PostgreSQL a statement's step has its whole result at once
 * (hcs-store-pg.c): a pass over every subject reads them by ranges of
 * SCAN_RANGE_PG subjects, each statement bounded by the range's ids, so
 * that the server holds one range of each table at a time instead of the
 * whole of it (bench/grading-pg.sh: 305,000 subjects, 73 MB at the peak of
 * a pass in one range, 31 MB by these; ranges of 10,000, each some 60 ms
 * of statements, made it 2-3 s slower, these not measurably). Over SQLite
 * the statements stream: one range.
 * HCS_GRADING_SCAN_RANGE (environment) sets the number of subjects a range
 * on either backend (tests: a small one, so that ranges end between
 * subjects that have facts). */
#define SCAN_RANGE_PG 50000

static gint64
scan_range_size (HcsStore *store)
{
  const char *env = g_getenv ("HCS_GRADING_SCAN_RANGE");
  gint64 n;

  if (env != NULL && g_ascii_string_to_signed (env, 10, 1, G_MAXINT32, &n, NULL))
    return n;
  return hcs_store_is_pg (store) ? SCAN_RANGE_PG : G_MAXINT64;
}

/* The last id of the range from @first_id: 0 with @error set. */
static gint64
range_end (HcsStore  *store,
           gint64     first_id,
           gint64     last_id,
           gint64     size,
           GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_SCAN_RANGE_END, error);
  gint64 end = last_id;
  int rc;

  if (stmt == NULL)
    return 0;
  hcs_stmt_bind_int64 (stmt, 1, first_id);
  hcs_stmt_bind_int64 (stmt, 2, last_id);
  hcs_stmt_bind_int64 (stmt, 3, size - 1);
  rc = hcs_store_step (store, stmt, error);
  if (rc == HCS_STMT_ROW)
    end = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  return rc < 0 ? 0 : end;
}

/**
 * hcs_store_grading_scan:
 * @first_id: the first subject id to read
 * @last_id: the last one (G_MAXINT64: all)
 * @func: called for each subject, in id order; %FALSE stops the scan
 *
 * Reads the facts the grade counts of each subject in the range, by
 * ranges of ids (see scan_range_size()). In the caller's transaction if
 * there is one (a publish, a regrade: each subject's facts read by the
 * statements of its range, before its own write); else, when it takes
 * more than one range (a preview), in one read transaction of its own:
 * one snapshot (REPEATABLE READ over PostgreSQL), as SQLite's statements
 * open together already give.
 */
gboolean
hcs_store_grading_scan (HcsStore            *store,
                        gint64               first_id,
                        gint64               last_id,
                        const HcsGradeDays  *days,
                        HcsGradeFactsFunc    func,
                        gpointer             data,
                        GError             **error)
{
  gint64 size = scan_range_size (store);
  gboolean own = FALSE;
  gboolean ok = TRUE;

  if (last_id - first_id < size)
    return scan_range (store, first_id, last_id, days, func, data, error);
  if (!hcs_store_in_transaction (store))
    {
      if (!hcs_store_exec (store, "BEGIN DEFERRED", error))
        return FALSE;
      own = TRUE;
    }
  while (ok)
    {
      gint64 end = range_end (store, first_id, last_id, size, error);

      ok = end > 0 && scan_range (store, first_id, end, days, func, data, error);
      if (!ok || end >= last_id)
        break;
      first_id = end + 1;
    }
  if (own)
    {
      if (ok)
        ok = hcs_store_exec (store, "COMMIT", error);
      else
        hcs_store_exec (store, "ROLLBACK", NULL);
    }
  return ok;
}

/**
 * hcs_store_grading_import_subjects:
 *
 * Returns: (transfer full): the ids (gint64) of the subjects an import
 *   registered or brought records of, in id order
 */
GArray *
hcs_store_grading_import_subjects (HcsStore  *store,
                                   gint64     import_id,
                                   GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  HcsStmt *stmt = hcs_store_prepare (store, SQL_IMPORT_SUBJECTS, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, import_id);
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    {
      gint64 id = hcs_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  hcs_stmt_reset (stmt);
  return rc == HCS_STMT_DONE ? g_steal_pointer (&ids) : NULL;
}

/* The grades in force by 市县: one row {region, grade (null: none), n} per
 * pair that has subjects. */
static const char SQL_DISTRIBUTION[] =
  "SELECT region, grade, count(*) AS n FROM subjects GROUP BY region, grade ORDER BY region, grade";

JsonArray *
hcs_store_grading_distribution (HcsStore  *store,
                                GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DISTRIBUTION, error);

  return stmt != NULL ? hcs_store_rows_array (store, stmt, 0, error) : NULL;
}

JsonArray *
hcs_store_grading_models_list (HcsStore  *store,
                               GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_MODELS, error);

  return stmt != NULL ? hcs_store_rows_array (store, stmt, G_MAXUINT, error) : NULL;
}

/**
 * hcs_store_grading_model_get:
 *
 * Returns: (transfer full): the model, with its weights as an object
 *   (factor → weight) in `weights`, or %NULL (NOT_FOUND)
 */
JsonObject *
hcs_store_grading_model_get (HcsStore  *store,
                             gint64     id,
                             GError   **error)
{
  g_autoptr(JsonObject) model = NULL;
  g_autoptr(JsonObject) weights = json_object_new ();
  HcsStmt *stmt = hcs_store_prepare (store, SQL_MODEL_GET, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  if ((model = hcs_store_get_object (store, stmt, error)) == NULL ||
      (stmt = hcs_store_prepare (store, SQL_MODEL_WEIGHTS, error)) == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    json_object_set_int_member (weights, hcs_stmt_column_text (stmt, 0),
                                hcs_stmt_column_int64 (stmt, 1));
  hcs_stmt_reset (stmt);
  if (rc != HCS_STMT_DONE)
    return NULL;
  json_object_set_object_member (model, "weights", g_steal_pointer (&weights));
  return g_steal_pointer (&model);
}

/**
 * hcs_store_grading_model_in_state:
 * @state: draft or published
 *
 * Returns: the id of the model in @state, 0 when there is none, -1 with
 *   @error set
 */
gint64
hcs_store_grading_model_in_state (HcsStore    *store,
                                  const char  *state,
                                  GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_MODEL_IN_STATE, error);
  int rc;
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  hcs_store_bind_text (stmt, 1, state);
  rc = hcs_store_step (store, stmt, error);
  if (rc == HCS_STMT_ROW)
    id = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  return rc < 0 ? -1 : id;
}

/**
 * hcs_store_grading_first_stale:
 *
 * Returns: the id of the first subject after @after_id whose computed grade
 *   is as of a day before @as_of, 0 when there is none, -1 on error
 */
gint64
hcs_store_grading_first_stale (HcsStore    *store,
                               const char  *as_of,
                               gint64       after_id,
                               GError     **error)
{
  HcsStmt *stmt;
  int rc;
  gint64 id = 0;

  /* A round starts with one probe of the index, so that the check every
   * ten minutes costs nothing when no grade is of an earlier day; then it
   * walks the rowids (NOT INDEXED: in subject id order, not by day), where
   * the stale grades of a day that passed lie close together. */
  if (after_id == 0)
    {
      if ((stmt = hcs_store_prepare (store, SQL_ANY_STALE, error)) == NULL)
        return -1;
      hcs_store_bind_text (stmt, 1, as_of);
      rc = hcs_store_step (store, stmt, error);
      hcs_stmt_reset (stmt);
      if (rc != HCS_STMT_ROW)
        return rc < 0 ? -1 : 0;
    }
  if ((stmt = hcs_store_prepare (store, SQL_FIRST_STALE, error)) == NULL)
    return -1;
  hcs_store_bind_text (stmt, 1, as_of);
  hcs_stmt_bind_int64 (stmt, 2, after_id);
  rc = hcs_store_step (store, stmt, error);
  if (rc == HCS_STMT_ROW)
    id = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  return rc < 0 ? -1 : id;
}

gint64
hcs_store_grading_model_insert (HcsStore      *store,
                                const char    *title,
                                gint64         base_score,
                                const gint64   bands[3],
                                gint64         based_on,
                                const char    *actor,
                                GError       **error)
{
  g_autofree char *now = hcs_now_iso ();
  HcsStmt *stmt = hcs_store_prepare (store, SQL_MODEL_INSERT, error);

  if (stmt == NULL)
    return 0;
  hcs_store_bind_text (stmt, 1, title);
  hcs_stmt_bind_int64 (stmt, 2, base_score);
  for (int i = 0; i < 3; i++)
    hcs_stmt_bind_int64 (stmt, 3 + i, bands[i]);
  if (based_on > 0)
    hcs_stmt_bind_int64 (stmt, 6, based_on);
  hcs_store_bind_text (stmt, 7, actor);
  hcs_store_bind_text (stmt, 8, now);
  return hcs_store_insert (store, stmt, error);
}

/* STALE when @version is not the draft's; a model that is no longer a
 * draft is the caller's to refuse before. */
gboolean
hcs_store_grading_model_update (HcsStore      *store,
                                gint64         id,
                                gint64         version,
                                const char    *title,
                                gint64         base_score,
                                const gint64   bands[3],
                                GError       **error)
{
  g_autofree char *now = hcs_now_iso ();
  HcsStmt *stmt = hcs_store_prepare (store, SQL_MODEL_UPDATE, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_stmt_bind_int64 (stmt, 2, version);
  hcs_store_bind_text (stmt, 3, title);
  hcs_stmt_bind_int64 (stmt, 4, base_score);
  for (int i = 0; i < 3; i++)
    hcs_stmt_bind_int64 (stmt, 5 + i, bands[i]);
  hcs_store_bind_text (stmt, 8, now);
  return hcs_store_step_done (store, stmt, error) &&
         hcs_store_check_versioned_update (store, SQL_MODEL_EXISTS, id, error);
}

/* Deletes draft @id at @version with its weights; STALE or NOT_FOUND when
 * no such draft at that version. */
gboolean
hcs_store_grading_draft_delete (HcsStore  *store,
                                gint64     id,
                                gint64     version,
                                GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DRAFT_WEIGHTS_DELETE, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_stmt_bind_int64 (stmt, 2, version);
  if (!hcs_store_step_done (store, stmt, error) ||
      (stmt = hcs_store_prepare (store, SQL_DRAFT_DELETE, error)) == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_stmt_bind_int64 (stmt, 2, version);
  return hcs_store_step_done (store, stmt, error) &&
         hcs_store_check_versioned_update (store, SQL_MODEL_EXISTS, id, error);
}

gboolean
hcs_store_grading_weight_set (HcsStore    *store,
                              gint64       model_id,
                              const char  *factor,
                              gint64       weight,
                              GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_WEIGHT_SET, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, model_id);
  hcs_store_bind_text (stmt, 2, factor);
  hcs_stmt_bind_int64 (stmt, 3, weight);
  return hcs_store_step_done (store, stmt, error);
}

/* The published model becomes superseded and the draft @id (at @version)
 * published. */
gboolean
hcs_store_grading_model_publish (HcsStore    *store,
                                 gint64       id,
                                 gint64       version,
                                 const char  *actor,
                                 GError     **error)
{
  g_autofree char *now = hcs_now_iso ();
  HcsStmt *stmt = hcs_store_prepare (store, SQL_MODEL_SUPERSEDE, error);

  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, now);
  if (!hcs_store_step_done (store, stmt, error) ||
      (stmt = hcs_store_prepare (store, SQL_MODEL_PUBLISH, error)) == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_stmt_bind_int64 (stmt, 2, version);
  hcs_store_bind_text (stmt, 3, actor);
  hcs_store_bind_text (stmt, 4, now);
  return hcs_store_step_done (store, stmt, error) &&
         hcs_store_check_versioned_update (store, SQL_MODEL_EXISTS, id, error);
}

gboolean
hcs_store_grading_write (HcsStore    *store,
                         gint64       subject_id,
                         gint64       model_id,
                         gint64       score,
                         const char  *grade,
                         const char  *as_of,
                         GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_GRADE_WRITE, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, subject_id);
  hcs_stmt_bind_int64 (stmt, 2, model_id);
  hcs_stmt_bind_int64 (stmt, 3, score);
  hcs_stmt_bind_text_static (stmt, 4, grade);
  hcs_stmt_bind_text_static (stmt, 5, as_of);
  return hcs_store_step_done (store, stmt, error);
}

/* The grade in force (subjects.grade), when it differs: the subject's
 * version moves with it, as with any change of the subject. */
gboolean
hcs_store_grading_set_in_force (HcsStore    *store,
                                gint64       subject_id,
                                const char  *grade,
                                GError     **error)
{
  g_autofree char *now = hcs_now_iso ();
  HcsStmt *stmt = hcs_store_prepare (store, SQL_GRADE_IN_FORCE, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, subject_id);
  hcs_store_bind_text (stmt, 2, grade);
  hcs_store_bind_text (stmt, 3, now);
  return hcs_store_step_done (store, stmt, error);
}

/* A pass's writes (publish, regrade): over SQLite each subject's grade and
 * grade in force as the pass goes; over PostgreSQL, inside a transaction,
 * from the STAGE_AFTER-th subject on, staged with COPY
 * (hcs-store-pg-bulk.c) into a temporary table and written by two
 * statements at hcs_grade_writer_finish() — instead of one or two round
 * trips a subject (the demo's 105,000). A regrade of a few subjects (a
 * record written) stays row by row: no temporary table for it. The pass
 * reads each subject once, before its own write: deferring the writes to
 * the end of the pass changes nothing it reads. */
#define STAGE_AFTER 64

struct _HcsGradeWriter
{
  HcsStore   *store;
  HcsPgBulk  *bulk;
  guint       direct;    /* subjects written row by row */
};

static const char SQL_STAGE_CREATE[] =
  "CREATE TEMPORARY TABLE hcs_grade_stage (subject_id bigint, model_id bigint, score bigint,"
  " grade text COLLATE \"C\", as_of text COLLATE \"C\", in_force text COLLATE \"C\") ON COMMIT DROP";
static const char * const STAGE_COLUMNS[] = {
  "subject_id", "model_id", "score", "grade", "as_of", "in_force", NULL
};
/* PostgreSQL's own text: these run on the connection, untranslated. */
static const char SQL_STAGE_APPLY[] =
  "INSERT INTO subject_grades (subject_id, model_id, score, grade, as_of)"
  " SELECT subject_id, model_id, score, grade, as_of FROM hcs_grade_stage ORDER BY subject_id"
  " ON CONFLICT (subject_id) DO UPDATE SET model_id = excluded.model_id, score = excluded.score,"
  " grade = excluded.grade, as_of = excluded.as_of;"
  "UPDATE subjects AS s SET grade = t.in_force, version = s.version + 1, updated_at = '%s'"
  " FROM hcs_grade_stage AS t WHERE t.in_force IS NOT NULL AND s.id = t.subject_id"
  " AND s.grade IS DISTINCT FROM t.in_force;"
  "DROP TABLE hcs_grade_stage";

HcsGradeWriter *
hcs_grade_writer_new (HcsStore *store)
{
  HcsGradeWriter *self = g_new0 (HcsGradeWriter, 1);

  self->store = store;
  return self;
}

/* @in_force: the subject's grade in force when it changes, or NULL */
gboolean
hcs_grade_writer_add (HcsGradeWriter  *self,
                      gint64           subject_id,
                      gint64           model_id,
                      gint64           score,
                      const char      *grade,
                      const char      *as_of,
                      const char      *in_force,
                      GError         **error)
{
  char id[24], model[24], points[24];
  const char *values[6] = { id, model, points, grade, as_of, in_force };

  if (self->bulk == NULL && self->direct >= STAGE_AFTER && hcs_store_is_pg (self->store) &&
      hcs_pg_in_transaction (hcs_store_get_pg (self->store)))
    {
      if (!hcs_pg_exec (hcs_store_get_pg (self->store), SQL_STAGE_CREATE, error))
        return FALSE;
      self->bulk = hcs_pg_bulk_new (hcs_store_get_pg (self->store), "hcs_grade_stage", STAGE_COLUMNS);
    }
  if (self->bulk == NULL)
    {
      self->direct++;
      return hcs_store_grading_write (self->store, subject_id, model_id, score, grade, as_of, error) &&
             (in_force == NULL || hcs_store_grading_set_in_force (self->store, subject_id, in_force, error));
    }
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, subject_id);
  g_snprintf (model, sizeof model, "%" G_GINT64_FORMAT, model_id);
  g_snprintf (points, sizeof points, "%" G_GINT64_FORMAT, score);
  return hcs_pg_bulk_row (self->bulk, values, error);
}

/* Writes what is staged (over PostgreSQL). */
gboolean
hcs_grade_writer_finish (HcsGradeWriter  *self,
                         GError         **error)
{
  g_autofree char *now = NULL;
  g_autofree char *apply = NULL;

  if (self->bulk == NULL)
    return TRUE;
  now = hcs_now_iso ();   /* 2025-01-01T00:00:00Z: nothing to quote */
  apply = g_strdup_printf (SQL_STAGE_APPLY, now);
  return hcs_pg_bulk_flush (self->bulk, error) &&
         hcs_pg_exec (hcs_store_get_pg (self->store), apply, error);
}

void
hcs_grade_writer_free (HcsGradeWriter *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->bulk, hcs_pg_bulk_free);
  g_free (self);
}

/* NOT_FOUND when the subject has no computed grade. */
JsonObject *
hcs_store_grading_subject_get (HcsStore  *store,
                               gint64     subject_id,
                               GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_GRADE_GET, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, subject_id);
  return hcs_store_get_object (store, stmt, error);
}

/* NOT_FOUND when the subject's grade is not overridden. */
JsonObject *
hcs_store_grading_override_open (HcsStore  *store,
                                 gint64     subject_id,
                                 GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_OVERRIDE_OPEN, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, subject_id);
  return hcs_store_get_object (store, stmt, error);
}

/* The subject's overrides, open and lifted, newest first. */
JsonArray *
hcs_store_grading_overrides (HcsStore  *store,
                             gint64     subject_id,
                             GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_OVERRIDES, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, subject_id);
  return hcs_store_rows_array (store, stmt, G_MAXUINT, error);
}

gint64
hcs_store_grading_override_insert (HcsStore    *store,
                                   gint64       subject_id,
                                   const char  *grade,
                                   const char  *reason,
                                   const char  *actor,
                                   GError     **error)
{
  g_autofree char *now = hcs_now_iso ();
  HcsStmt *stmt = hcs_store_prepare (store, SQL_OVERRIDE_INSERT, error);

  if (stmt == NULL)
    return 0;
  hcs_stmt_bind_int64 (stmt, 1, subject_id);
  hcs_store_bind_text (stmt, 2, grade);
  hcs_store_bind_text (stmt, 3, reason);
  hcs_store_bind_text (stmt, 4, actor);
  hcs_store_bind_text (stmt, 5, now);
  return hcs_store_insert (store, stmt, error);
}

gboolean
hcs_store_grading_override_lift (HcsStore    *store,
                                 gint64       override_id,
                                 const char  *reason,
                                 const char  *actor,
                                 GError     **error)
{
  g_autofree char *now = hcs_now_iso ();
  HcsStmt *stmt = hcs_store_prepare (store, SQL_OVERRIDE_LIFT, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, override_id);
  hcs_store_bind_text (stmt, 2, now);
  hcs_store_bind_text (stmt, 3, actor);
  hcs_store_bind_text (stmt, 4, reason);
  return hcs_store_step_done (store, stmt, error);
}
