/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for 信用修复 cases. */
#define G_LOG_DOMAIN "hcs-store-repairs"

#include "config.h"

#include "hcs-store-private.h"
#include "hcs-store-repairs.h"

/* 谁认定、谁修复: the department that designated the case's entry, or
 * decided its penalty (the 信源单位 of the penalty's catalog item), or, for a
 * penalty repair naming no penalty, the one the applicant gave. */
#define REPAIR_DEPARTMENT \
  "coalesce (e.department_id, (SELECT ci.department_id FROM penalties p JOIN catalog_items ci" \
  " ON ci.id = p.item_id WHERE p.id = r.penalty_id), r.department_id)"

/* ?9 is today: a pending case is overdue once its deadline has passed, a
 * decided one when it was decided after the deadline. */
#define REPAIR_COLUMNS \
  "r.id AS id, s.identifier AS subject_identifier, s.name AS subject_name, s.type AS subject_type," \
  " r.kind AS kind, r.entry_id AS entry_id, r.penalty_id AS penalty_id, e.list_type AS list_type," \
  " (SELECT t.name FROM list_types t WHERE t.key = e.list_type) AS list_name, e.state AS entry_state," \
  " r.reason AS reason, r.commitment AS commitment, r.applied_on AS applied_on," \
  " r.deadline AS deadline, r.deadline_rule AS deadline_rule," \
  " coalesce (r.deadline_days, CAST (julianday (r.deadline) - julianday (r.applied_on) AS INTEGER)) AS deadline_days," \
  " r.deadline_calendar AS deadline_calendar, r.state AS state, r.decided_on AS decided_on, r.decided_by AS decided_by," \
  " r.decision_comment AS decision_comment, r.version AS version, r.created_by AS created_by," \
  " r.created_at AS created_at, " REPAIR_DEPARTMENT " AS department_id," \
  " (SELECT d.name FROM departments d WHERE d.id = " REPAIR_DEPARTMENT ") AS department_name," \
  " CASE WHEN r.decided_on IS NOT NULL THEN r.decided_on > r.deadline ELSE ?9 > r.deadline END AS overdue," \
  " (SELECT json_group_array (v.item) FROM (SELECT item FROM repair_evidence WHERE repair_id = r.id" \
  " ORDER BY position) v) AS evidence"

#define REPAIR_FROM \
  " FROM repairs r JOIN subjects s ON s.id = r.subject_id LEFT JOIN list_entries e ON e.id = r.entry_id"

#define REPAIR_FILTER \
  " WHERE (?1 IS NULL OR r.state = ?1 OR (?1 = 'decided' AND r.state <> 'pending'))" \
  " AND (?2 = 0 OR (CASE WHEN r.decided_on IS NOT NULL THEN r.decided_on > r.deadline ELSE ?9 > r.deadline END))"

static const char SQL_LIST[] =
  "SELECT " REPAIR_COLUMNS REPAIR_FROM REPAIR_FILTER
  " AND (?3 IS NULL OR r.id < ?3) ORDER BY r.id DESC LIMIT ?4";
static const char SQL_COUNT[] = "SELECT count(*) FROM repairs r" REPAIR_FILTER;

static void
fix_row (JsonObject *obj)
{
  const char *evidence = json_object_get_string_member_with_default (obj, "evidence", NULL);
  JsonNode *node = evidence ? json_from_string (evidence, NULL) : NULL;

  /* json_group_array() answers text: the API an array of the items. */
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_clear_pointer (&node, json_node_unref);
      node = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (node, json_array_new ());
    }
  json_object_set_member (obj, "evidence", node);
  json_object_set_boolean_member (obj, "commitment", json_object_get_int_member (obj, "commitment") != 0);
  json_object_set_boolean_member (obj, "overdue", json_object_get_int_member (obj, "overdue") != 0);
}

/**
 * hcs_store_repairs_list:
 * @state: (nullable): pending, approved, rejected or decided (either)
 * @today: "YYYY-MM-DD", for the overdue test of pending cases
 *
 * Returns: (transfer full): up to @page->limit + 1 cases, newest first
 */
JsonArray *
hcs_store_repairs_list (HcsStore       *store,
                        const char     *state,
                        gboolean        overdue_only,
                        const char     *today,
                        const HcsPage  *page,
                        gint64         *total,
                        GError        **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_LIST, error);
  g_autoptr(JsonArray) rows = NULL;

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_text (stmt, 1, state);
  hcs_stmt_bind_int64 (stmt, 2, overdue_only ? 1 : 0);
  if (page->after_id > 0)
    hcs_stmt_bind_int64 (stmt, 3, page->after_id);
  hcs_stmt_bind_int64 (stmt, 4, (gint64) page->limit + 1);
  hcs_store_bind_text (stmt, 9, today);
  if ((rows = hcs_store_rows_array (store, stmt, 0, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    fix_row (json_array_get_object_element (rows, i));

  *total = -1;
  if (page->want_total)
    {
      stmt = hcs_store_prepare (store, SQL_COUNT, error);
      if (stmt == NULL)
        return NULL;
      hcs_store_bind_text (stmt, 1, state);
      hcs_stmt_bind_int64 (stmt, 2, overdue_only ? 1 : 0);
      hcs_store_bind_text (stmt, 9, today);
      if ((*total = hcs_store_single_int (store, stmt, error)) < 0)
        return NULL;
    }
  return g_steal_pointer (&rows);
}

static const char SQL_GET[] = "SELECT " REPAIR_COLUMNS REPAIR_FROM " WHERE r.id = ?1";

JsonObject *
hcs_store_repairs_get (HcsStore    *store,
                       gint64       id,
                       const char  *today,
                       GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_GET, error);
  JsonObject *obj;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_store_bind_text (stmt, 9, today);
  obj = hcs_store_get_object (store, stmt, error);
  if (obj == NULL)
    return NULL;
  fix_row (obj);
  return obj;
}

static const char SQL_INSERT[] =
  "INSERT INTO repairs (subject_id, entry_id, kind, reason, commitment, applied_on, deadline,"
  " created_by, created_at, department_id, deadline_rule, deadline_days, deadline_calendar)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

/* @entry_id, @department_id: 0 for none. Returns: the new id, or 0 with
 * @error */
gint64
hcs_store_repairs_insert (HcsStore    *store,
                          gint64       subject_id,
                          gint64       entry_id,
                          const char  *kind,
                          const char  *reason,
                          gboolean     commitment,
                          const char  *applied_on,
                          const HcsDeadline *deadline,
                          gint64       department_id,
                          const char  *actor,
                          GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_INSERT, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return 0;
  hcs_stmt_bind_int64 (stmt, 1, subject_id);
  if (entry_id > 0)
    hcs_stmt_bind_int64 (stmt, 2, entry_id);
  hcs_store_bind_text (stmt, 3, kind);
  hcs_store_bind_text (stmt, 4, reason);
  hcs_stmt_bind_int64 (stmt, 5, commitment ? 1 : 0);
  hcs_store_bind_text (stmt, 6, applied_on);
  hcs_store_bind_text (stmt, 7, deadline->date);
  hcs_store_bind_text (stmt, 8, actor);
  hcs_store_bind_text (stmt, 9, now);
  if (department_id > 0)
    hcs_stmt_bind_int64 (stmt, 10, department_id);
  hcs_store_bind_text (stmt, 11, deadline->rule);
  hcs_stmt_bind_int64 (stmt, 12, deadline->days);
  if (deadline->calendar != NULL)
    hcs_store_bind_text (stmt, 13, deadline->calendar);
  return hcs_store_insert (store, stmt, error);
}

static const char SQL_EVIDENCE[] =
  "INSERT INTO repair_evidence (repair_id, position, item) VALUES (?1, ?2, ?3)";

/* Adds @item as the evidence of case @repair_id at @position. */
gboolean
hcs_store_repairs_add_evidence (HcsStore    *store,
                                gint64       repair_id,
                                guint        position,
                                const char  *item,
                                GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_EVIDENCE, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, repair_id);
  hcs_stmt_bind_int64 (stmt, 2, (int) position);
  hcs_store_bind_text (stmt, 3, item);
  return hcs_store_step_done (store, stmt, error);
}

static const char SQL_DECIDE[] =
  "UPDATE repairs SET state = ?3, decided_on = ?4, decided_by = ?5, decision_comment = ?6,"
  " version = version + 1 WHERE id = ?1 AND version = ?2";
static const char SQL_EXISTS[] = "SELECT 1 FROM repairs WHERE id = ?1";

/* A stale @version changes nothing (STALE). */
gboolean
hcs_store_repairs_decide (HcsStore    *store,
                          gint64       id,
                          gint64       version,
                          const char  *state,
                          const char  *decided_on,
                          const char  *decided_by,
                          const char  *comment,
                          GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DECIDE, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_stmt_bind_int64 (stmt, 2, version);
  hcs_store_bind_text (stmt, 3, state);
  hcs_store_bind_text (stmt, 4, decided_on);
  hcs_store_bind_text (stmt, 5, decided_by);
  hcs_store_bind_text (stmt, 6, comment);
  return hcs_store_step_done (store, stmt, error) &&
         hcs_store_check_versioned_update (store, SQL_EXISTS, id, error);
}

/* ---- For the demo seeder ---- */

static const char SQL_REPAIRED_ENTRIES[] =
  "SELECT e.id AS entry_id, e.subject_id AS subject_id, substr (h.at, 1, 10) AS repaired_on"
  " FROM list_entries e JOIN list_entry_history h ON h.entry_id = e.id AND h.action = 'repair'"
  " WHERE e.state = 'repaired' ORDER BY e.id";

/* Returns: (transfer full): the repaired list entries and the day of it */
JsonArray *
hcs_store_repairs_repaired_entries (HcsStore  *store,
                                    GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_REPAIRED_ENTRIES, error);

  return stmt ? hcs_store_rows_array (store, stmt, 0, error) : NULL;
}

static const char SQL_PUBLISHED_ENTRIES[] =
  "SELECT e.id AS entry_id, e.subject_id AS subject_id FROM list_entries e"
  " JOIN list_types t ON t.key = e.list_type"
  " WHERE e.state = 'published' AND e.department_id = ?1 AND t.class <> 'red'"
  " AND NOT EXISTS (SELECT 1 FROM repairs r WHERE r.entry_id = e.id) ORDER BY e.id LIMIT ?2";

/* Returns: (transfer full): up to @limit published entries (not on a red
 * list) that @department_id designated and no case repairs yet */
JsonArray *
hcs_store_repairs_published_entries (HcsStore  *store,
                                     gint64     department_id,
                                     guint      limit,
                                     GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_PUBLISHED_ENTRIES, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, department_id);
  hcs_stmt_bind_int64 (stmt, 2, (int) limit);
  return hcs_store_rows_array (store, stmt, 0, error);
}

static const char SQL_SEED[] =
  "INSERT INTO repairs (subject_id, entry_id, kind, reason, commitment, applied_on, deadline, state,"
  " decided_on, decided_by, decision_comment, version, created_by, created_at, department_id)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
  " coalesce (?15, (SELECT department_id FROM list_entries WHERE id = ?2)))";

/* Inserts a case as it stands after its decision (if any). */
gboolean
hcs_store_repairs_seed (HcsStore             *store,
                        const HcsRepairSeed  *r,
                        GError              **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_SEED, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, r->subject_id);
  if (r->entry_id > 0)
    hcs_stmt_bind_int64 (stmt, 2, r->entry_id);
  hcs_store_bind_text (stmt, 3, r->kind);
  hcs_store_bind_text (stmt, 4, r->reason);
  hcs_stmt_bind_int64 (stmt, 5, r->commitment ? 1 : 0);
  hcs_store_bind_text (stmt, 6, r->applied_on);
  hcs_store_bind_text (stmt, 7, r->deadline);
  hcs_store_bind_text (stmt, 8, r->state);
  hcs_store_bind_text (stmt, 9, r->decided_on);
  hcs_store_bind_text (stmt, 10, r->decided_by);
  hcs_store_bind_text (stmt, 11, r->comment);
  hcs_stmt_bind_int64 (stmt, 12, r->decided_on ? 2 : 1);
  hcs_store_bind_text (stmt, 13, r->created_by);
  hcs_store_bind_text (stmt, 14, r->created_at);
  if (r->department_id > 0)
    hcs_stmt_bind_int64 (stmt, 15, r->department_id);
  return hcs_store_step_done (store, stmt, error);
}
