/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for 名单: types and measures, entries with history. */
#define G_LOG_DOMAIN "hcs-store-lists"

#include "config.h"

#include "hcs-store-lists.h"
#include "hcs-store-private.h"

/* Columns that hold JSON text made by SQLite's json_group_array(): turned
 * into real JSON members. */
static void
parse_json_member (JsonObject *obj,
                   const char *name)
{
  const char *text = json_object_get_string_member_with_default (obj, name, NULL);
  JsonNode *node = NULL;

  if (text != NULL)
    node = json_from_string (text, NULL);
  if (node == NULL)
    {
      node = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (node, json_array_new ());
    }
  json_object_set_member (obj, name, node);
}

/* An entry's truth values: SQLite answers integers, the API booleans. */
static void
fix_entry_booleans (JsonObject *obj)
{
  static const char * const members[] = { "overdue", "publicity_paused" };

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    if (json_object_has_member (obj, members[m]) && !json_object_get_null_member (obj, members[m]))
      json_object_set_boolean_member (obj, members[m], json_object_get_int_member (obj, members[m]) != 0);
}

static void
parse_json_rows (JsonArray  *rows,
                 const char *name)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    parse_json_member (json_array_get_object_element (rows, i), name);
}

/* A type's measures: its class's common ones and its own, in the order
 * they were made. An aggregate keeps the order of no scan: its input comes
 * from an ordered subquery (SQLite 3.40 has no ORDER BY in an aggregate; a
 * subquery with ORDER BY is not flattened into an aggregate, and PostgreSQL
 * aggregates a sorted subquery's rows as they come), so both backends list
 * them alike. */
#define MEASURES_OF_TYPE \
  "(SELECT json_group_array (json_object ('id', m.id, 'code', m.code, 'name', m.name," \
  " 'kind', m.kind, 'legal_basis', m.legal_basis, 'list_type', m.list_type))" \
  " FROM (SELECT * FROM measures m WHERE m.class = t.class AND (m.list_type IS NULL OR m.list_type = t.key)" \
  " ORDER BY m.id) m)"

#define TYPE_COLUMNS \
  "t.key AS key, t.class AS class, t.name AS name, t.description AS description," \
  " t.default_years AS default_years, t.notice_days AS notice_days, t.objection_days AS objection_days," \
  " (SELECT count(*) FROM list_entries e WHERE e.list_type = t.key) AS entries," \
  " " MEASURES_OF_TYPE " AS measures"

static const char SQL_TYPES[] =
  "SELECT " TYPE_COLUMNS " FROM list_types t"
  " ORDER BY CASE t.class WHEN 'red' THEN 0 WHEN 'black' THEN 1 ELSE 2 END, t.rowid";

/* Returns: (transfer full): every list type, each with its class's measures */
JsonArray *
hcs_store_lists_types (HcsStore  *store,
                       GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_TYPES, error);
  JsonArray *rows;

  if (stmt == NULL || (rows = hcs_store_rows_array (store, stmt, 0, error)) == NULL)
    return NULL;
  parse_json_rows (rows, "measures");
  return rows;
}

static const char SQL_TYPE_GET[] = "SELECT " TYPE_COLUMNS " FROM list_types t WHERE t.key = ?1";

JsonObject *
hcs_store_lists_type_get (HcsStore    *store,
                          const char  *key,
                          GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_TYPE_GET, error);
  JsonObject *obj;

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_text (stmt, 1, key);
  obj = hcs_store_get_object (store, stmt, error);
  if (obj == NULL)
    return NULL;
  parse_json_member (obj, "measures");
  return obj;
}

static const char SQL_TYPE_SET_PERIODS[] =
  "UPDATE list_types SET notice_days = coalesce (?2, notice_days), objection_days = coalesce (?3, objection_days)"
  " WHERE key = ?1";

/* Sets the notice period and the objection time of @key (a negative value
 * keeps it); NOT_FOUND when there is no such type. */
gboolean
hcs_store_lists_type_set_periods (HcsStore    *store,
                                  const char  *key,
                                  gint64       notice_days,
                                  gint64       objection_days,
                                  GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_TYPE_SET_PERIODS, error);

  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, key);
  if (notice_days >= 0)
    hcs_stmt_bind_int64 (stmt, 2, notice_days);
  else
    hcs_stmt_bind_null (stmt, 2);
  if (objection_days >= 0)
    hcs_stmt_bind_int64 (stmt, 3, objection_days);
  else
    hcs_stmt_bind_null (stmt, 3);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;
  if (hcs_store_changes (store) == 0)
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "no list type %s", key);
      return FALSE;
    }
  return TRUE;
}

/* The deadlines of an entry's steps, each kept by the step that started
 * it (lists-deadline-rule.sql): publishable_from (告知 plus the notice
 * period, counted when the entry was noticed) and, under objection (异议中:
 * frozen, publicity paused), the day the objection was received, the day
 * it must be decided by, the rule that counted it, and whether that day
 * has passed (in Hainan). */
#define ENTRY_DEADLINES \
  " coalesce (nh.deadline_days, t.notice_days) AS notice_days," \
  " nh.deadline AS publishable_from, nh.deadline_rule AS notice_rule, nh.deadline_calendar AS notice_calendar," \
  " oh.starts_on AS objected_on, oh.deadline AS objection_deadline," \
  " oh.deadline_rule AS objection_deadline_rule, oh.deadline_days AS objection_deadline_days," \
  " oh.deadline_calendar AS objection_deadline_calendar," \
  " (oh.deadline IS NOT NULL AND date ('now', '+8 hours') > oh.deadline) AS overdue," \
  " (e.state = 'objected') AS publicity_paused,"

/* The steps those deadlines come from: the entry's notice, and its last
 * objection while it is under objection. */
#define ENTRY_STEPS \
  " LEFT JOIN list_entry_history nh ON nh.id = (SELECT max (h.id) FROM list_entry_history h" \
  "   WHERE h.entry_id = e.id AND h.action = 'notice')" \
  " LEFT JOIN list_entry_history oh ON e.state = 'objected' AND oh.id = (SELECT max (h.id)" \
  "   FROM list_entry_history h WHERE h.entry_id = e.id AND h.action = 'object')"

#define ENTRY_COLUMNS \
  "e.id AS id, e.list_type AS list_type, t.class AS list_class, t.name AS list_name," \
  " s.identifier AS subject_identifier, s.name AS subject_name, s.type AS subject_type," \
  " e.region AS region, e.department_id AS department_id, d.name AS department_name," \
  " e.basis AS basis, e.facts AS facts, e.state AS state, e.decided_on AS decided_on," \
  " e.published_from AS published_from, e.published_until AS published_until," \
  " e.created_by AS created_by, e.created_at AS created_at, e.updated_at AS updated_at," \
  " e.version AS version," ENTRY_DEADLINES \
  " (SELECT json_group_array (json_object ('id', m.id, 'code', m.code, 'name', m.name, 'kind', m.kind))" \
  "    FROM (SELECT m.* FROM list_entry_measures lm JOIN measures m ON m.id = lm.measure_id" \
  "   WHERE lm.entry_id = e.id ORDER BY m.id) m) AS measures"

#define ENTRY_FROM \
  " FROM list_entries e JOIN list_types t ON t.key = e.list_type" \
  " JOIN subjects s ON s.id = e.subject_id JOIN departments d ON d.id = e.department_id"

#define ENTRY_FILTER \
  " WHERE e.list_type = ?1 AND (?2 IS NULL OR e.state = ?2) AND (?3 IS NULL OR e.region = ?3)" \
  " AND (?4 IS NULL OR instr (s.name, ?4) > 0 OR s.identifier = upper (?4))"

/* Newest first, keyset-paged on the id. */
static const char SQL_ENTRIES[] =
  "SELECT " ENTRY_COLUMNS ENTRY_FROM ENTRY_STEPS ENTRY_FILTER
  " AND (?5 IS NULL OR e.id < ?5) ORDER BY e.id DESC LIMIT ?6";
static const char SQL_ENTRIES_COUNT[] =
  "SELECT count(*)" ENTRY_FROM ENTRY_FILTER;

/**
 * hcs_store_lists_entries:
 * @total: (out) (optional): the count of all matches when the page asks
 *
 * Returns: (transfer full): up to @page->limit + 1 entries, newest first
 */
JsonArray *
hcs_store_lists_entries (HcsStore             *store,
                         const char           *list_type,
                         const HcsListFilter  *filter,
                         const HcsPage        *page,
                         gint64               *total,
                         GError              **error)
{
  const HcsStoreValue where[] = { HCS_STORE_TEXT (list_type), HCS_STORE_TEXT (filter->state),
                                  HCS_STORE_TEXT (filter->region), HCS_STORE_TEXT (filter->q) };
  HcsStmt *stmt = hcs_store_prepare (store, SQL_ENTRIES, error);
  JsonArray *rows;

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_filter (stmt, where, G_N_ELEMENTS (where));
  if (page->after_id > 0)
    hcs_stmt_bind_int64 (stmt, 5, page->after_id);
  hcs_stmt_bind_int64 (stmt, 6, (gint64) page->limit + 1);
  rows = hcs_store_rows_array (store, stmt, 0, error);
  if (rows == NULL)
    return NULL;
  parse_json_rows (rows, "measures");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    fix_entry_booleans (json_array_get_object_element (rows, i));

  if (total != NULL)
    {
      *total = -1;
      if (page->want_total &&
          (*total = hcs_store_count_filtered (store, SQL_ENTRIES_COUNT, where,
                                              G_N_ELEMENTS (where), error)) < 0)
        {
          json_array_unref (rows);
          return NULL;
        }
    }
  return rows;
}

static const char SQL_FIND_SUBJECT[] = "SELECT id, region FROM subjects WHERE identifier = ?1";

/**
 * hcs_store_lists_find_subject:
 * @region: (out) (optional): the subject's 市县
 *
 * Returns: the subject's id; 0 without @error when there is none, -1 with
 */
gint64
hcs_store_lists_find_subject (HcsStore    *store,
                              const char  *identifier,
                              char       **region,
                              GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_FIND_SUBJECT, error);
  gint64 id;
  int rc;

  if (stmt == NULL)
    return -1;
  hcs_store_bind_text (stmt, 1, identifier);
  rc = hcs_store_step (store, stmt, error);
  if (rc < 0)
    return -1;
  if (rc == HCS_STMT_DONE)
    return 0;
  id = hcs_stmt_column_int64 (stmt, 0);
  if (region != NULL)
    *region = g_strdup (hcs_stmt_column_text (stmt, 1));
  hcs_stmt_reset (stmt);
  return id;
}

static const char SQL_DEPARTMENT_EXISTS[] = "SELECT count(*) FROM departments WHERE id = ?1";

gboolean
hcs_store_lists_department_exists (HcsStore  *store,
                                   gint64     id,
                                   GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DEPARTMENT_EXISTS, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  return hcs_store_single_int (store, stmt, error) > 0;
}

static const char SQL_MEASURE_FIND[] =
  "SELECT m.id FROM measures m JOIN list_types t ON t.class = m.class"
  " WHERE t.key = ?1 AND (m.list_type IS NULL OR m.list_type = t.key) AND (m.code = ?2 OR m.id = ?3)";

/**
 * hcs_store_lists_measure_find:
 * @code: (nullable): the measure's code, or %NULL to find it by @id
 *
 * Returns: the measure's id when it is one of @list_type's; 0 when not
 *   (without @error), -1 with @error
 */
gint64
hcs_store_lists_measure_find (HcsStore    *store,
                              const char  *list_type,
                              const char  *code,
                              gint64       id,
                              GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_MEASURE_FIND, error);
  gint64 found;
  int rc;

  if (stmt == NULL)
    return -1;
  hcs_store_bind_text (stmt, 1, list_type);
  hcs_store_bind_text (stmt, 2, code);
  hcs_stmt_bind_int64 (stmt, 3, code != NULL ? -1 : id);
  rc = hcs_store_step (store, stmt, error);
  if (rc < 0)
    return -1;
  if (rc == HCS_STMT_DONE)
    return 0;
  found = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  return found;
}

static const char SQL_ENTRY_INSERT[] =
  "INSERT INTO list_entries (list_type, subject_id, department_id, region, basis, facts,"
  " published_until, created_by, created_at, updated_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)";

/* Returns: the new entry's id, or 0 with @error (DUPLICATE when the subject
 * has an open entry of this type already) */
gint64
hcs_store_lists_entry_insert (HcsStore    *store,
                              const char  *list_type,
                              gint64       subject_id,
                              gint64       department_id,
                              const char  *region,
                              const char  *basis,
                              const char  *facts,
                              const char  *published_until,
                              const char  *actor,
                              GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_ENTRY_INSERT, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return 0;
  hcs_store_bind_text (stmt, 1, list_type);
  hcs_stmt_bind_int64 (stmt, 2, subject_id);
  hcs_stmt_bind_int64 (stmt, 3, department_id);
  hcs_store_bind_text (stmt, 4, region);
  hcs_store_bind_text (stmt, 5, basis);
  hcs_store_bind_text (stmt, 6, facts ? facts : "");
  hcs_store_bind_text (stmt, 7, published_until);
  hcs_store_bind_text (stmt, 8, actor);
  hcs_store_bind_text (stmt, 9, now);
  return hcs_store_insert (store, stmt, error);
}

static const char SQL_ENTRY_ADD_MEASURE[] =
  "INSERT OR IGNORE INTO list_entry_measures (entry_id, measure_id) VALUES (?1, ?2)";

gboolean
hcs_store_lists_entry_add_measure (HcsStore  *store,
                                   gint64     entry_id,
                                   gint64     measure_id,
                                   GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_ENTRY_ADD_MEASURE, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, entry_id);
  hcs_stmt_bind_int64 (stmt, 2, measure_id);
  return hcs_store_step_done (store, stmt, error);
}

static const char SQL_HISTORY_ADD[] =
  "INSERT INTO list_entry_history (entry_id, action, from_state, to_state, reason, actor, at,"
  " starts_on, deadline, deadline_rule, deadline_days, deadline_calendar)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/**
 * hcs_store_lists_history_add_deadline:
 * @at: (nullable): the time of the step (ISO 8601, UTC), %NULL for now
 * @starts_on: (nullable): the day the legal time @deadline ends counts
 *   from, for a step that starts one (notice, object)
 * @deadline: (nullable): that time's end and the rule that counted it
 */
gboolean
hcs_store_lists_history_add_deadline (HcsStore          *store,
                                      gint64             entry_id,
                                      const char        *action,
                                      const char        *from_state,
                                      const char        *to_state,
                                      const char        *reason,
                                      const char        *actor,
                                      const char        *at,
                                      const char        *starts_on,
                                      const HcsDeadline *deadline,
                                      GError           **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_HISTORY_ADD, error);
  g_autofree char *now = at ? NULL : hcs_now_iso ();

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, entry_id);
  hcs_store_bind_text (stmt, 2, action);
  hcs_store_bind_text (stmt, 3, from_state);
  hcs_store_bind_text (stmt, 4, to_state);
  hcs_store_bind_text (stmt, 5, reason ? reason : "");
  hcs_store_bind_text (stmt, 6, actor);
  hcs_store_bind_text (stmt, 7, at ? at : now);
  if (deadline != NULL)
    {
      hcs_store_bind_text (stmt, 8, starts_on);
      hcs_store_bind_text (stmt, 9, deadline->date);
      hcs_store_bind_text (stmt, 10, deadline->rule);
      hcs_stmt_bind_int64 (stmt, 11, deadline->days);
      hcs_store_bind_text (stmt, 12, deadline->calendar);
    }
  return hcs_store_step_done (store, stmt, error);
}

/* A step that starts no legal time. */
gboolean
hcs_store_lists_history_add (HcsStore    *store,
                             gint64       entry_id,
                             const char  *action,
                             const char  *from_state,
                             const char  *to_state,
                             const char  *reason,
                             const char  *actor,
                             const char  *at,
                             GError     **error)
{
  return hcs_store_lists_history_add_deadline (store, entry_id, action, from_state, to_state, reason,
                                               actor, at, NULL, NULL, error);
}

static const char SQL_ENTRY_GET[] = "SELECT " ENTRY_COLUMNS ENTRY_FROM ENTRY_STEPS " WHERE e.id = ?1";
static const char SQL_ENTRY_HISTORY[] =
  "SELECT id, action, from_state AS \"from\", to_state AS \"to\", reason, actor, at,"
  " starts_on, deadline, deadline_rule, deadline_days, deadline_calendar"
  " FROM list_entry_history WHERE entry_id = ?1 ORDER BY id";

/* Returns: (transfer full): the entry (with its history when asked), or
 * %NULL with NOT_FOUND */
JsonObject *
hcs_store_lists_entry_get (HcsStore  *store,
                           gint64     id,
                           gboolean   with_history,
                           GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_ENTRY_GET, error);
  g_autoptr(JsonObject) obj = NULL;
  JsonArray *history;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  obj = hcs_store_get_object (store, stmt, error);
  if (obj == NULL)
    return NULL;
  parse_json_member (obj, "measures");
  fix_entry_booleans (obj);
  if (!with_history)
    return g_steal_pointer (&obj);

  stmt = hcs_store_prepare (store, SQL_ENTRY_HISTORY, error);
  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  history = hcs_store_rows_array (store, stmt, 0, error);
  if (history == NULL)
    return NULL;
  json_object_set_array_member (obj, "history", history);
  return g_steal_pointer (&obj);
}

static const char SQL_ENTRY_SET_STATE[] =
  "UPDATE list_entries SET state = ?3, decided_on = coalesce (?4, decided_on),"
  " published_from = coalesce (?5, published_from), published_until = coalesce (?6, published_until),"
  " version = version + 1, updated_at = ?7"
  " WHERE id = ?1 AND version = ?2";
static const char SQL_ENTRY_EXISTS[] = "SELECT 1 FROM list_entries WHERE id = ?1";

/* Dates left NULL stay; a stale @version changes nothing (STALE). */
gboolean
hcs_store_lists_entry_set_state (HcsStore    *store,
                                 gint64       id,
                                 gint64       version,
                                 const char  *state,
                                 const char  *decided_on,
                                 const char  *published_from,
                                 const char  *published_until,
                                 GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_ENTRY_SET_STATE, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_stmt_bind_int64 (stmt, 2, version);
  hcs_store_bind_text (stmt, 3, state);
  hcs_store_bind_text (stmt, 4, decided_on);
  hcs_store_bind_text (stmt, 5, published_from);
  hcs_store_bind_text (stmt, 6, published_until);
  hcs_store_bind_text (stmt, 7, now);
  return hcs_store_step_done (store, stmt, error) &&
         hcs_store_check_versioned_update (store, SQL_ENTRY_EXISTS, id, error);
}

/* ---- For the demo seeder ---- */

static const char SQL_SUBJECTS_MAX[] = "SELECT coalesce (max (id), 0) FROM subjects";

/* Returns: the highest subject id (ids are contiguous from 1 in the demo) */
gint64
hcs_store_lists_subjects_max (HcsStore  *store,
                              GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_SUBJECTS_MAX, error);

  return stmt ? hcs_store_single_int (store, stmt, error) : -1;
}

static const char SQL_SUBJECT_REGION[] = "SELECT region FROM subjects WHERE id = ?1";

/* Returns: (transfer full) (nullable): the subject's region, %NULL when
 *   there is no such subject (without @error) */
char *
hcs_store_lists_subject_region (HcsStore  *store,
                                gint64     id,
                                GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_SUBJECT_REGION, error);
  char *region;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  if (hcs_store_step (store, stmt, error) != HCS_STMT_ROW)
    return NULL;
  region = g_strdup (hcs_stmt_column_text (stmt, 0));
  hcs_stmt_reset (stmt);
  return region;
}

static const char SQL_DEPARTMENT_BY_CODE[] = "SELECT coalesce ((SELECT id FROM departments WHERE code = ?1), 0)";

/* Returns: the department's id, 0 when there is none, -1 with @error */
gint64
hcs_store_lists_department_by_code (HcsStore    *store,
                                    const char  *code,
                                    GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DEPARTMENT_BY_CODE, error);

  if (stmt == NULL)
    return -1;
  hcs_store_bind_text (stmt, 1, code);
  return hcs_store_single_int (store, stmt, error);
}

static const char SQL_MEASURE_IDS[] =
  "SELECT m.id FROM measures m JOIN list_types t ON t.class = m.class"
  " WHERE t.key = ?1 AND (m.list_type IS NULL OR m.list_type = t.key) ORDER BY m.id";

/* Returns: (transfer full): the ids of @list_type's measures */
GArray *
hcs_store_lists_measure_ids (HcsStore    *store,
                             const char  *list_type,
                             GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_MEASURE_IDS, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_text (stmt, 1, list_type);
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    {
      gint64 id = hcs_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  hcs_stmt_reset (stmt);
  return rc < 0 ? NULL : g_steal_pointer (&ids);
}

static const char SQL_SEED_ENTRY[] =
  "INSERT OR IGNORE INTO list_entries (list_type, subject_id, department_id, region, basis, facts, state,"
  " decided_on, published_from, published_until, version, created_by, created_at, updated_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

/**
 * hcs_store_lists_seed_entry:
 *
 * Inserts an entry as it stands at the end of its (seeded) history.
 *
 * Returns: its id; 0 without @error when the subject already has an open
 *   entry of the type; -1 with @error
 */
gint64
hcs_store_lists_seed_entry (HcsStore               *store,
                            const HcsListSeedEntry *e,
                            GError                **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_SEED_ENTRY, error);

  if (stmt == NULL)
    return -1;
  hcs_store_bind_text (stmt, 1, e->list_type);
  hcs_stmt_bind_int64 (stmt, 2, e->subject_id);
  hcs_stmt_bind_int64 (stmt, 3, e->department_id);
  hcs_store_bind_text (stmt, 4, e->region);
  hcs_store_bind_text (stmt, 5, e->basis);
  hcs_store_bind_text (stmt, 6, e->facts);
  hcs_store_bind_text (stmt, 7, e->state);
  hcs_store_bind_text (stmt, 8, e->decided_on);
  hcs_store_bind_text (stmt, 9, e->published_from);
  hcs_store_bind_text (stmt, 10, e->published_until);
  hcs_stmt_bind_int64 (stmt, 11, e->version);
  hcs_store_bind_text (stmt, 12, e->created_by);
  hcs_store_bind_text (stmt, 13, e->created_at);
  hcs_store_bind_text (stmt, 14, e->updated_at);
  if (!hcs_store_step_done (store, stmt, error))
    return -1;
  return hcs_store_changes (store) == 1 ? hcs_store_last_insert_rowid (store) : 0;
}
