/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for 双随机、一公开: plans, inspectors, conflicts, draws, inspections
 * and the publicity list of their results. */
#define G_LOG_DOMAIN "hcs-store-inspections"

#include "config.h"

#include "hcs-store-inspections.h"
#include "hcs-store-private.h"

static const char SQL_PLAN_INSERT[] =
  "INSERT INTO inspection_plans (title, department_id, region, industry, subject_type, ratio_a, ratio_b,"
  " ratio_c, ratio_d, exclusion_days, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
  " ?11, ?12)";
static const char SQL_INSPECTOR_ADD[] =
  "INSERT OR IGNORE INTO inspection_inspectors (plan_id, user_id) VALUES (?1, ?2)";
static const char SQL_CONFLICT_ADD[] =
  "INSERT OR REPLACE INTO inspection_conflicts (plan_id, user_id, subject_id, reason) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_DEPARTMENT_USER[] =
  "SELECT id FROM users WHERE username = ?1 AND department_id = ?2 AND active = 1";
/* Who a supervisor may pick as inspectors: the department's users, with
 * nothing but who they are (no role, no password, no sessions). */
static const char SQL_DEPARTMENT_USERS[] =
  "SELECT u.id AS id, u.username AS username, u.display_name AS display_name, u.department_id AS department_id,"
  " d.name AS department_name, u.active AS active FROM users u JOIN departments d ON d.id = u.department_id"
  " WHERE u.department_id = ?1 ORDER BY u.username";
static const char SQL_CONFLICT_REMOVE[] =
  "DELETE FROM inspection_conflicts WHERE plan_id = ?1 AND user_id = ?2 AND subject_id = ?3";

/* The completion of the plan's final draw. */
#define PLAN_COLUMNS \
  "p.id AS id, p.title AS title, p.department_id AS department_id, d.name AS department_name," \
  " p.region AS region, p.industry AS industry, p.subject_type AS subject_type, p.ratio_a AS ratio_a," \
  " p.ratio_b AS ratio_b, p.ratio_c AS ratio_c, p.ratio_d AS ratio_d, p.exclusion_days AS exclusion_days," \
  " p.created_by AS created_by, p.created_at AS created_at," \
  " (SELECT id FROM inspection_draws WHERE plan_id = p.id AND state = 'final') AS draw_id," \
  " (SELECT count(*) FROM inspections i JOIN inspection_draws w ON w.id = i.draw_id" \
  "  WHERE w.plan_id = p.id AND w.state = 'final') AS inspections," \
  " (SELECT count(i.result) FROM inspections i JOIN inspection_draws w ON w.id = i.draw_id" \
  "  WHERE w.plan_id = p.id AND w.state = 'final') AS recorded," \
  " (SELECT count(*) FROM inspections i JOIN inspection_draws w ON w.id = i.draw_id" \
  "  WHERE w.plan_id = p.id AND w.state = 'final' AND i.result = 'fail') AS failed"
#define PLAN_FROM " FROM inspection_plans p JOIN departments d ON d.id = p.department_id"
static const char SQL_PLAN_GET[] = "SELECT " PLAN_COLUMNS PLAN_FROM " WHERE p.id = ?1";
static const char SQL_PLANS[] =
  "SELECT " PLAN_COLUMNS PLAN_FROM " WHERE (?1 = 0 OR p.id < ?1) ORDER BY p.id DESC LIMIT ?2";
static const char SQL_PLAN_INSPECTORS[] =
  "SELECT u.id AS id, u.username AS username, u.display_name AS display_name"
  " FROM inspection_inspectors x JOIN users u ON u.id = x.user_id WHERE x.plan_id = ?1 ORDER BY u.id";
static const char SQL_PLAN_CONFLICTS[] =
  "SELECT u.username AS inspector, s.identifier AS subject, s.name AS subject_name, c.reason AS reason"
  " FROM inspection_conflicts c JOIN users u ON u.id = c.user_id JOIN subjects s ON s.id = c.subject_id"
  " WHERE c.plan_id = ?1 ORDER BY u.id, s.id";
#define DRAW_COLUMNS \
  "id, plan_id, state, seed, candidates_sha256, exclusions_sha256, n_candidates, n_drawn, reason, replaces," \
  " drawn_by, drawn_at, drawn_on"
static const char SQL_PLAN_DRAWS[] =
  "SELECT " DRAW_COLUMNS " FROM inspection_draws WHERE plan_id = ?1 ORDER BY id";
static const char SQL_DRAW_GET[] = "SELECT " DRAW_COLUMNS " FROM inspection_draws WHERE id = ?1";
static const char SQL_DRAW_SNAPSHOT[] = "SELECT candidates, exclusions FROM inspection_draws WHERE id = ?1";
static const char SQL_POOL[] = "SELECT user_id FROM inspection_inspectors WHERE plan_id = ?1 ORDER BY user_id";

/* The candidates of a scope: the active subjects with a grade in force, by
 * grade, then by id — the order the draw documents. */
static const char SQL_CANDIDATES[] =
  "SELECT id, grade FROM subjects WHERE status = 'active' AND grade IS NOT NULL"
  " AND (?1 IS NULL OR region = ?1) AND (?2 IS NULL OR industry = ?2) AND (?3 IS NULL OR type = ?3)"
  " ORDER BY grade, id";
/* Who may not inspect whom: the plan's declared conflicts, and each pool
 * member's inspections of final draws made after ?2. */
static const char SQL_EXCLUSIONS[] =
  "SELECT user_id, subject_id FROM inspection_conflicts WHERE plan_id = ?1"
  " UNION SELECT i.inspector_1, i.subject_id FROM inspections i JOIN inspection_draws w ON w.id = i.draw_id"
  "  WHERE w.state = 'final' AND w.drawn_on > ?2"
  "  AND i.inspector_1 IN (SELECT user_id FROM inspection_inspectors WHERE plan_id = ?1)"
  " UNION SELECT i.inspector_2, i.subject_id FROM inspections i JOIN inspection_draws w ON w.id = i.draw_id"
  "  WHERE w.state = 'final' AND w.drawn_on > ?2"
  "  AND i.inspector_2 IN (SELECT user_id FROM inspection_inspectors WHERE plan_id = ?1)"
  " ORDER BY 1, 2";
static const char SQL_FINAL_DRAW[] = "SELECT id FROM inspection_draws WHERE plan_id = ?1 AND state = 'final'";
static const char SQL_RESULTS_COUNT[] = "SELECT count(result) FROM inspections WHERE draw_id = ?1";
static const char SQL_DRAW_SUPERSEDE[] =
  "UPDATE inspection_draws SET state = 'superseded' WHERE id = ?1 AND state = 'final'";
static const char SQL_DRAW_INSERT[] =
  "INSERT INTO inspection_draws (plan_id, seed, candidates, candidates_sha256, exclusions, exclusions_sha256,"
  " n_candidates, n_drawn, reason, replaces, drawn_by, drawn_at, drawn_on)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, nullif (?10, 0), ?11, ?12, ?13)";
static const char SQL_PICK_INSERT[] =
  "INSERT INTO inspections (draw_id, plan_id, position, subject_id, grade, inspector_1, inspector_2)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_DRAW_PICKS[] =
  "SELECT subject_id, grade, inspector_1, inspector_2 FROM inspections WHERE draw_id = ?1 ORDER BY position";

#define INSPECTION_COLUMNS \
  "i.id AS id, i.draw_id AS draw_id, i.plan_id AS plan_id, p.title AS plan_title, i.position AS position," \
  " s.identifier AS identifier, s.name AS name, s.type AS subject_type, s.region AS region," \
  " s.industry AS industry, i.grade AS grade, u1.username AS inspector_1, u1.display_name AS inspector_1_name," \
  " u2.username AS inspector_2, u2.display_name AS inspector_2_name, i.result AS result, i.note AS note," \
  " i.recorded_by AS recorded_by, i.recorded_on AS recorded_on, w.state AS draw_state," \
  " d.name AS department_name"
#define INSPECTION_FROM \
  " FROM inspections i JOIN subjects s ON s.id = i.subject_id JOIN users u1 ON u1.id = i.inspector_1" \
  " JOIN users u2 ON u2.id = i.inspector_2 JOIN inspection_draws w ON w.id = i.draw_id" \
  " JOIN inspection_plans p ON p.id = i.plan_id JOIN departments d ON d.id = p.department_id"
static const char SQL_INSPECTIONS[] =
  "SELECT " INSPECTION_COLUMNS INSPECTION_FROM " WHERE i.draw_id = ?1 AND (?2 = 0 OR i.id > ?2)"
  " ORDER BY i.id LIMIT ?3";
static const char SQL_INSPECTION_GET[] = "SELECT " INSPECTION_COLUMNS INSPECTION_FROM " WHERE i.id = ?1";
static const char SQL_RESULT_SET[] =
  "UPDATE inspections SET result = ?2, note = ?3, recorded_by = ?4, recorded_on = ?5, recorded_at = ?6"
  " WHERE id = ?1 AND result IS NULL";
/* 一公开: the results of final draws, newest first. */
static const char SQL_PUBLICITY[] =
  "SELECT " INSPECTION_COLUMNS INSPECTION_FROM
  " WHERE i.result IS NOT NULL AND w.state = 'final' AND (?1 IS NULL OR s.region = ?1)"
  " AND (?2 IS NULL OR i.result = ?2)"
  " AND (?3 IS NULL OR (i.recorded_on, i.id) < (?3, ?4)) ORDER BY i.recorded_on DESC, i.id DESC LIMIT ?5";

static const char * const grade_keys[] = { "A", "B", "C", "D" };

gint64
hcs_store_inspections_plan_insert (HcsStore                 *store,
                                   const HcsInspectionPlan  *plan,
                                   const char               *actor,
                                   GError                  **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_PLAN_INSERT, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return 0;
  hcs_store_bind_text (stmt, 1, plan->title);
  hcs_stmt_bind_int64 (stmt, 2, plan->department_id);
  hcs_store_bind_text (stmt, 3, plan->region);
  hcs_store_bind_text (stmt, 4, plan->industry);
  hcs_store_bind_text (stmt, 5, plan->subject_type);
  for (int i = 0; i < 4; i++)
    hcs_stmt_bind_int64 (stmt, 6 + i, plan->ratios[i]);
  hcs_stmt_bind_int64 (stmt, 10, plan->exclusion_days);
  hcs_store_bind_text (stmt, 11, actor);
  hcs_store_bind_text (stmt, 12, now);
  return hcs_store_insert (store, stmt, error);
}

gboolean
hcs_store_inspections_inspector_add (HcsStore  *store,
                                     gint64     plan_id,
                                     gint64     user_id,
                                     GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_INSPECTOR_ADD, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, plan_id);
  hcs_stmt_bind_int64 (stmt, 2, user_id);
  return hcs_store_step_done (store, stmt, error);
}

gboolean
hcs_store_inspections_conflict_add (HcsStore    *store,
                                    gint64       plan_id,
                                    gint64       user_id,
                                    gint64       subject_id,
                                    const char  *reason,
                                    GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_CONFLICT_ADD, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, plan_id);
  hcs_stmt_bind_int64 (stmt, 2, user_id);
  hcs_stmt_bind_int64 (stmt, 3, subject_id);
  hcs_store_bind_text (stmt, 4, reason);
  return hcs_store_step_done (store, stmt, error);
}

/**
 * hcs_store_inspections_department_user:
 *
 * Returns: the id of the active user @username of @department_id, 0 when
 *   there is none, -1 with @error set
 */
gint64
hcs_store_inspections_department_user (HcsStore    *store,
                                       const char  *username,
                                       gint64       department_id,
                                       GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DEPARTMENT_USER, error);
  int rc;
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  hcs_store_bind_text (stmt, 1, username);
  hcs_stmt_bind_int64 (stmt, 2, department_id);
  rc = hcs_store_step (store, stmt, error);
  if (rc == HCS_STMT_ROW)
    id = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  return rc < 0 ? -1 : id;
}

static JsonArray *
rows_of (HcsStore    *store,
         const char  *sql,
         gint64       id,
         GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  return hcs_store_rows_array (store, stmt, 0, error);
}

/**
 * hcs_store_inspections_department_users:
 *
 * Returns: (transfer full): the users of @department_id by user name (id,
 *   username, display_name, department_id, department_name, active), or
 *   %NULL with @error set
 */
JsonArray *
hcs_store_inspections_department_users (HcsStore  *store,
                                        gint64     department_id,
                                        GError   **error)
{
  JsonArray *rows = rows_of (store, SQL_DEPARTMENT_USERS, department_id, error);

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      json_object_set_boolean_member (row, "active", json_object_get_int_member (row, "active") != 0);
    }
  return rows;
}

/**
 * hcs_store_inspections_conflict_remove:
 *
 * Returns: 1 when the conflict was there and is gone, 0 when there was
 *   none, -1 with @error set
 */
int
hcs_store_inspections_conflict_remove (HcsStore  *store,
                                       gint64     plan_id,
                                       gint64     user_id,
                                       gint64     subject_id,
                                       GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_CONFLICT_REMOVE, error);

  if (stmt == NULL)
    return -1;
  hcs_stmt_bind_int64 (stmt, 1, plan_id);
  hcs_stmt_bind_int64 (stmt, 2, user_id);
  hcs_stmt_bind_int64 (stmt, 3, subject_id);
  if (!hcs_store_step_done (store, stmt, error))
    return -1;
  return hcs_store_changes (store) > 0 ? 1 : 0;
}

/**
 * hcs_store_inspections_plan_get:
 *
 * Returns: (transfer full): the plan with its inspectors, conflicts and
 *   draws (oldest first), or %NULL (NOT_FOUND)
 */
JsonObject *
hcs_store_inspections_plan_get (HcsStore  *store,
                                gint64     id,
                                GError   **error)
{
  g_autoptr(JsonObject) plan = NULL;
  HcsStmt *stmt = hcs_store_prepare (store, SQL_PLAN_GET, error);
  JsonArray *inspectors, *conflicts, *draws;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  if ((plan = hcs_store_get_object (store, stmt, error)) == NULL ||
      (inspectors = rows_of (store, SQL_PLAN_INSPECTORS, id, error)) == NULL)
    return NULL;
  json_object_set_array_member (plan, "inspectors", inspectors);
  if ((conflicts = rows_of (store, SQL_PLAN_CONFLICTS, id, error)) == NULL)
    return NULL;
  json_object_set_array_member (plan, "conflicts", conflicts);
  if ((draws = rows_of (store, SQL_PLAN_DRAWS, id, error)) == NULL)
    return NULL;
  json_object_set_array_member (plan, "draws", draws);
  return g_steal_pointer (&plan);
}

JsonArray *
hcs_store_inspections_plans_list (HcsStore  *store,
                                  gint64     after_id,
                                  guint      limit,
                                  GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_PLANS, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, after_id);
  hcs_stmt_bind_int64 (stmt, 2, (gint64) limit + 1);
  return hcs_store_rows_array (store, stmt, 0, error);
}

static GArray *
int_column (HcsStore      *store,
            HcsStmt       *stmt,
            GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    {
      gint64 v = hcs_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, v);
    }
  hcs_stmt_reset (stmt);
  return rc == HCS_STMT_DONE ? g_steal_pointer (&ids) : NULL;
}

/**
 * hcs_store_inspections_pool:
 *
 * Returns: (transfer full): the plan's inspectors' user ids (gint64), ascending
 */
GArray *
hcs_store_inspections_pool (HcsStore  *store,
                            gint64     plan_id,
                            GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_POOL, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, plan_id);
  return int_column (store, stmt, error);
}

/**
 * hcs_store_inspections_candidates:
 * @by_grade: four arrays (gint64) that receive the ids of the candidates
 *   of grade A, B, C and D, ascending
 */
gboolean
hcs_store_inspections_candidates (HcsStore                 *store,
                                  const HcsInspectionPlan  *scope,
                                  GArray                   *by_grade[4],
                                  GError                  **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_CANDIDATES, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, scope->region);
  hcs_store_bind_text (stmt, 2, scope->industry);
  hcs_store_bind_text (stmt, 3, scope->subject_type);
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    {
      gint64 id = hcs_stmt_column_int64 (stmt, 0);
      const char *grade = hcs_stmt_column_text (stmt, 1);

      for (int g = 0; g < 4; g++)
        if (g_strcmp0 (grade, grade_keys[g]) == 0)
          g_array_append_val (by_grade[g], id);
    }
  hcs_stmt_reset (stmt);
  return rc == HCS_STMT_DONE;
}

/**
 * hcs_store_inspections_exclusions:
 * @since: "YYYY-MM-DD": inspections of draws made after it exclude
 *
 * Returns: (transfer full): pairs of gint64 (user id, subject id), sorted
 */
GArray *
hcs_store_inspections_exclusions (HcsStore    *store,
                                  gint64       plan_id,
                                  const char  *since,
                                  GError     **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
  HcsStmt *stmt = hcs_store_prepare (store, SQL_EXCLUSIONS, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, plan_id);
  hcs_store_bind_text (stmt, 2, since);
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    {
      gint64 pair[2] = { hcs_stmt_column_int64 (stmt, 0), hcs_stmt_column_int64 (stmt, 1) };

      g_array_append_vals (pairs, pair, 2);
    }
  hcs_stmt_reset (stmt);
  return rc == HCS_STMT_DONE ? g_steal_pointer (&pairs) : NULL;
}

static gint64
id_lookup (HcsStore    *store,
           const char  *sql,
           gint64       id,
           GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, sql, error);
  int rc;
  gint64 found = 0;

  if (stmt == NULL)
    return -1;
  hcs_stmt_bind_int64 (stmt, 1, id);
  rc = hcs_store_step (store, stmt, error);
  if (rc == HCS_STMT_ROW)
    found = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  return rc < 0 ? -1 : found;
}

/* Returns: the plan's final draw, 0 when it has none, -1 with @error set */
gint64
hcs_store_inspections_final_draw (HcsStore  *store,
                                  gint64     plan_id,
                                  GError   **error)
{
  return id_lookup (store, SQL_FINAL_DRAW, plan_id, error);
}

/* Returns: how many of the draw's inspections have a result, -1 with @error set */
gint64
hcs_store_inspections_results_count (HcsStore  *store,
                                     gint64     draw_id,
                                     GError   **error)
{
  return id_lookup (store, SQL_RESULTS_COUNT, draw_id, error);
}

gboolean
hcs_store_inspections_draw_supersede (HcsStore  *store,
                                      gint64     draw_id,
                                      GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DRAW_SUPERSEDE, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, draw_id);
  return hcs_store_step_done (store, stmt, error);
}

gint64
hcs_store_inspections_draw_insert (HcsStore    *store,
                                   gint64       plan_id,
                                   const char  *seed,
                                   const char  *candidates,
                                   const char  *candidates_sha256,
                                   const char  *exclusions,
                                   const char  *exclusions_sha256,
                                   gint64       n_candidates,
                                   gint64       n_drawn,
                                   const char  *reason,
                                   gint64       replaces,
                                   const char  *actor,
                                   const char  *today,
                                   GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DRAW_INSERT, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return 0;
  hcs_stmt_bind_int64 (stmt, 1, plan_id);
  hcs_store_bind_text (stmt, 2, seed);
  hcs_store_bind_text (stmt, 3, candidates);
  hcs_store_bind_text (stmt, 4, candidates_sha256);
  hcs_store_bind_text (stmt, 5, exclusions);
  hcs_store_bind_text (stmt, 6, exclusions_sha256);
  hcs_stmt_bind_int64 (stmt, 7, n_candidates);
  hcs_stmt_bind_int64 (stmt, 8, n_drawn);
  hcs_store_bind_text (stmt, 9, reason);
  hcs_stmt_bind_int64 (stmt, 10, replaces);
  hcs_store_bind_text (stmt, 11, actor);
  hcs_store_bind_text (stmt, 12, now);
  hcs_store_bind_text (stmt, 13, today);
  return hcs_store_insert (store, stmt, error);
}

gboolean
hcs_store_inspections_pick_insert (HcsStore                 *store,
                                   gint64                    draw_id,
                                   gint64                    plan_id,
                                   gint64                    position,
                                   const HcsInspectionPick  *pick,
                                   GError                  **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_PICK_INSERT, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, draw_id);
  hcs_stmt_bind_int64 (stmt, 2, plan_id);
  hcs_stmt_bind_int64 (stmt, 3, position);
  hcs_stmt_bind_int64 (stmt, 4, pick->subject_id);
  hcs_store_bind_text (stmt, 5, grade_keys[pick->grade]);
  hcs_stmt_bind_int64 (stmt, 6, pick->inspectors[0]);
  hcs_stmt_bind_int64 (stmt, 7, pick->inspectors[1]);
  return hcs_store_insert (store, stmt, error) != 0;
}

/**
 * hcs_store_inspections_draw_get:
 * @with_snapshot: whether to add the candidates and exclusions texts
 *
 * Returns: (transfer full): the draw, or %NULL (NOT_FOUND)
 */
JsonObject *
hcs_store_inspections_draw_get (HcsStore  *store,
                                gint64     id,
                                gboolean   with_snapshot,
                                GError   **error)
{
  g_autoptr(JsonObject) draw = NULL;
  g_autoptr(JsonObject) snapshot = NULL;
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DRAW_GET, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  if ((draw = hcs_store_get_object (store, stmt, error)) == NULL)
    return NULL;
  if (!with_snapshot)
    return g_steal_pointer (&draw);
  if ((stmt = hcs_store_prepare (store, SQL_DRAW_SNAPSHOT, error)) == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  if ((snapshot = hcs_store_get_object (store, stmt, error)) == NULL)
    return NULL;
  json_object_set_member (draw, "candidates", json_node_copy (json_object_get_member (snapshot, "candidates")));
  json_object_set_member (draw, "exclusions", json_node_copy (json_object_get_member (snapshot, "exclusions")));
  return g_steal_pointer (&draw);
}

/**
 * hcs_store_inspections_draw_picks:
 *
 * Returns: (transfer full): the draw's HcsInspectionPick in draw order
 */
GArray *
hcs_store_inspections_draw_picks (HcsStore  *store,
                                  gint64     draw_id,
                                  GError   **error)
{
  g_autoptr(GArray) picks = g_array_new (FALSE, TRUE, sizeof (HcsInspectionPick));
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DRAW_PICKS, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, draw_id);
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    {
      HcsInspectionPick pick = { hcs_stmt_column_int64 (stmt, 0), 0, { hcs_stmt_column_int64 (stmt, 2),
                                                                      hcs_stmt_column_int64 (stmt, 3) } };
      const char *grade = hcs_stmt_column_text (stmt, 1);

      for (int g = 0; g < 4; g++)
        if (g_strcmp0 (grade, grade_keys[g]) == 0)
          pick.grade = g;
      g_array_append_val (picks, pick);
    }
  hcs_stmt_reset (stmt);
  return rc == HCS_STMT_DONE ? g_steal_pointer (&picks) : NULL;
}

/* Returns: (transfer full): up to @limit + 1 inspections of the draw after @after_id */
JsonArray *
hcs_store_inspections_list (HcsStore  *store,
                            gint64     draw_id,
                            gint64     after_id,
                            guint      limit,
                            GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_INSPECTIONS, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, draw_id);
  hcs_stmt_bind_int64 (stmt, 2, after_id);
  hcs_stmt_bind_int64 (stmt, 3, (gint64) limit + 1);
  return hcs_store_rows_array (store, stmt, 0, error);
}

JsonObject *
hcs_store_inspections_get (HcsStore  *store,
                           gint64     id,
                           GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_INSPECTION_GET, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  return hcs_store_get_object (store, stmt, error);
}

/* Returns: %FALSE with @error set; NOT_FOUND when it has a result already */
gboolean
hcs_store_inspections_result_set (HcsStore    *store,
                                  gint64       id,
                                  const char  *result,
                                  const char  *note,
                                  const char  *actor,
                                  const char  *today,
                                  GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_RESULT_SET, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_store_bind_text (stmt, 2, result);
  hcs_store_bind_text (stmt, 3, note);
  hcs_store_bind_text (stmt, 4, actor);
  hcs_store_bind_text (stmt, 5, today);
  hcs_store_bind_text (stmt, 6, now);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;
  if (hcs_store_changes (store) == 1)
    return TRUE;
  g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "inspection %" G_GINT64_FORMAT
               " has a result", id);
  return FALSE;
}

/* Returns: (transfer full): up to @limit + 1 published results, newest first */
JsonArray *
hcs_store_inspections_publicity (HcsStore    *store,
                                 const char  *region,
                                 const char  *result,
                                 const char  *after_key,
                                 gint64       after_id,
                                 guint        limit,
                                 GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_PUBLICITY, error);

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_text (stmt, 1, region);
  hcs_store_bind_text (stmt, 2, result);
  hcs_store_bind_text (stmt, 3, after_key);
  hcs_stmt_bind_int64 (stmt, 4, after_id);
  hcs_stmt_bind_int64 (stmt, 5, (gint64) limit + 1);
  return hcs_store_rows_array (store, stmt, 0, error);
}
