/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for 名单自动比对: its runs, hits, unreadable rows, clearances of false
 * matches and feedback on hits (the match itself: hcs-store-match-lookup.c). */
#define G_LOG_DOMAIN "hcs-store-match"

#include "config.h"

#include <string.h>

#include "hcs-store-match.h"
#include "hcs-store-private.h"

void
hcs_match_result_clear (HcsMatchResult *result)
{
  g_clear_pointer (&result->hits, json_array_unref);
}

static JsonNode *
json_array_node_from_text (const char *text)
{
  JsonNode *node = text ? json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_clear_pointer (&node, json_node_unref);
      node = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (node, json_array_new ());
    }
  return node;
}

static const char SQL_RUN_INSERT[] =
  "INSERT INTO match_runs (actor, at, purpose, subjects, invalid, hits, duration_ms, input_sha256, input_format,"
  " identifiers, previous_run_id, cleared, history_mark)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
static const char SQL_HIT_INSERT[] =
  "INSERT OR IGNORE INTO match_hits (run_id, entry_id, identifier, list_type, list_class, state)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
/* Hits written a statement by hit_insert_many(). */
#define HITS_PER_INSERT 128

/* SQL_HIT_INSERT with HITS_PER_INSERT rows, made once (its address keys
 * the store's cache as a static string's would): a statement a hit was
 * some 20,000 round trips over PostgreSQL for a match of 100,000. */
static const char *
hit_insert_many (void)
{
  static gsize once = 0;
  static const char *sql;

  if (g_once_init_enter (&once))
    {
      GString *text = g_string_new ("INSERT OR IGNORE INTO match_hits (run_id, entry_id, identifier, list_type,"
                                    " list_class, state) VALUES ");

      for (guint r = 0; r < HITS_PER_INSERT; r++)
        g_string_append_printf (text, "%s(?%u, ?%u, ?%u, ?%u, ?%u, ?%u)", r > 0 ? ", " : "",
                                6 * r + 1, 6 * r + 2, 6 * r + 3, 6 * r + 4, 6 * r + 5, 6 * r + 6);
      sql = g_string_free (text, FALSE);
      g_once_init_leave (&once, 1);
    }
  return sql;
}

/* Binds @hit of run @run_id as the row of SQL_HIT_INSERT's columns whose
 * first parameter is @first. */
static void
hit_bind (HcsStmt     *stmt,
          int          first,
          gint64       run_id,
          JsonObject  *hit)
{
  hcs_stmt_bind_int64 (stmt, first, run_id);
  hcs_stmt_bind_int64 (stmt, first + 1, json_object_get_int_member (hit, "entry_id"));
  hcs_store_bind_text (stmt, first + 2, json_object_get_string_member (hit, "identifier"));
  hcs_store_bind_text (stmt, first + 3, json_object_get_string_member (hit, "list_type"));
  hcs_store_bind_text (stmt, first + 4, json_object_get_string_member (hit, "list_class"));
  hcs_store_bind_text (stmt, first + 5, json_object_get_string_member (hit, "state"));
}

/* Writes the hits of run @run_id: HITS_PER_INSERT a statement, the rest
 * one a statement. */
static gboolean
hits_insert (HcsStore   *store,
             gint64      run_id,
             JsonArray  *hits,
             GError    **error)
{
  guint n = json_array_get_length (hits), i = 0;
  HcsStmt *stmt = NULL;

  if (n >= HITS_PER_INSERT && (stmt = hcs_store_prepare (store, hit_insert_many (), error)) == NULL)
    return FALSE;
  for (; i + HITS_PER_INSERT <= n; i += HITS_PER_INSERT)
    {
      hcs_stmt_reset (stmt);
      for (guint r = 0; r < HITS_PER_INSERT; r++)
        hit_bind (stmt, 6 * r + 1, run_id, json_array_get_object_element (hits, i + r));
      if (!hcs_store_step_done (store, stmt, error))
        return FALSE;
    }
  if (i < n && (stmt = hcs_store_prepare (store, SQL_HIT_INSERT, error)) == NULL)
    return FALSE;
  for (; i < n; i++)
    {
      hcs_stmt_reset (stmt);
      hit_bind (stmt, 1, run_id, json_array_get_object_element (hits, i));
      if (!hcs_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static const char SQL_INVALID_INSERT[] =
  "INSERT OR IGNORE INTO match_invalid (run_id, row, value, code) VALUES (?1, ?2, ?3, ?4)";

/* The identifiers, each between line feeds (see lists-matching.sql). */
static char *
identifiers_text (const char * const *identifiers,
                  guint               n)
{
  GString *text = g_string_sized_new (n * 19 + 1);

  g_string_append_c (text, '\n');
  for (guint i = 0; i < n; i++)
    {
      g_string_append (text, identifiers[i]);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* Returns: the run's id, or 0 with @error */
gint64
hcs_store_match_record (HcsStore              *store,
                        const HcsMatchRun     *run,
                        const HcsMatchResult  *result,
                        GError               **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_RUN_INSERT, error);
  g_autofree char *now = hcs_now_iso ();
  g_autofree char *text = NULL;
  gint64 run_id;

  if (stmt == NULL)
    return 0;
  text = identifiers_text (run->identifiers, run->n_identifiers);
  hcs_store_bind_text (stmt, 1, run->actor);
  hcs_store_bind_text (stmt, 2, now);
  hcs_store_bind_text (stmt, 3, run->purpose ? run->purpose : "");
  hcs_stmt_bind_int64 (stmt, 4, run->subjects);
  hcs_stmt_bind_int64 (stmt, 5, json_array_get_length (run->invalid));
  hcs_stmt_bind_int64 (stmt, 6, json_array_get_length (result->hits));
  hcs_stmt_bind_int64 (stmt, 7, run->duration_ms);
  hcs_store_bind_text (stmt, 8, run->input_sha256);
  hcs_store_bind_text (stmt, 9, run->input_format);
  hcs_stmt_bind_text_static (stmt, 10, text);
  if (run->previous_run_id > 0)
    hcs_stmt_bind_int64 (stmt, 11, run->previous_run_id);
  hcs_stmt_bind_int64 (stmt, 12, result->cleared);
  hcs_stmt_bind_int64 (stmt, 13, result->history_mark);
  if (!hcs_store_step_done (store, stmt, error))
    return 0;
  hcs_stmt_clear_bindings (stmt);
  run_id = hcs_store_last_insert_rowid (store);

  if (!hits_insert (store, run_id, result->hits, error))
    return 0;

  if ((stmt = hcs_store_prepare (store, SQL_INVALID_INSERT, error)) == NULL)
    return 0;
  for (guint i = 0; i < json_array_get_length (run->invalid); i++)
    {
      JsonObject *bad = json_array_get_object_element (run->invalid, i);

      hcs_stmt_reset (stmt);
      hcs_stmt_bind_int64 (stmt, 1, run_id);
      hcs_stmt_bind_int64 (stmt, 2, json_object_get_int_member (bad, "row"));
      hcs_store_bind_text (stmt, 3, json_object_get_null_member (bad, "value") ? NULL
                                    : json_object_get_string_member (bad, "value"));
      hcs_store_bind_text (stmt, 4, json_object_get_string_member (bad, "code"));
      if (!hcs_store_step_done (store, stmt, error))
        return 0;
    }
  return run_id;
}

/* A run is stale when a list changed after it about one of its subjects:
 * an entry was published, or left the states in force (exit, expiry,
 * repair, revocation), or an objection paused or ended. The SQL says only
 * whether it can be (its input kept, its history mark set); fix_runs()
 * decides, out of the SQL: an instr() of each change's identifier in the
 * run's text of up to 100,000 identifiers cost milliseconds a change, 10 s
 * for 4,539 changes since a run of 81,524 (issue 15: past the statement
 * bound over PostgreSQL as the history grows). */
#define RUN_COLUMNS \
  "r.id AS id, r.actor AS actor, r.at AS at, r.purpose AS purpose, r.subjects AS subjects," \
  " r.invalid AS invalid, r.hits AS hits, r.cleared AS cleared, r.duration_ms AS duration_ms," \
  " r.input_sha256 AS input_sha256, r.input_format AS input_format, r.previous_run_id AS previous_run_id," \
  " (r.identifiers IS NOT NULL) AS rerunnable," \
  " (r.identifiers IS NOT NULL AND r.history_mark IS NOT NULL) AS stale, r.history_mark AS history_mark," \
  " (SELECT count(DISTINCT h.identifier) FROM match_hits h WHERE h.run_id = r.id) AS subjects_hit," \
  " (SELECT count(*) FROM match_hits h WHERE h.run_id = r.id AND h.feedback = 'applied') AS applied," \
  " (SELECT count(*) FROM match_hits h WHERE h.run_id = r.id AND h.feedback = 'not_applied') AS not_applied," \
  " (SELECT count(*) FROM match_hits h WHERE h.run_id = r.id AND h.feedback IS NULL) AS pending"

/* The identifiers whose entries changed in the ways above after ?1, each
 * with the id of its latest such change. */
static const char SQL_CHANGED_SINCE[] =
  "SELECT s.identifier, max (h.id) FROM list_entry_history h"
  " JOIN list_entries e ON e.id = h.entry_id JOIN subjects s ON s.id = e.subject_id"
  " WHERE h.id > ?1 AND (h.from_state IN ('published', 'objected') OR h.to_state IN ('published', 'objected'))"
  " GROUP BY s.identifier";

/* Fills @changed (identifier → its latest change's id) with the changes
 * since the earliest mark of the @n_runs that can be stale. */
static gboolean
read_changes (HcsStore     *store,
              JsonObject  **runs,
              guint         n_runs,
              GHashTable   *changed,
              GError      **error)
{
  gint64 since = G_MAXINT64;
  HcsStmt *stmt;
  int rc;

  for (guint i = 0; i < n_runs; i++)
    if (json_object_get_int_member (runs[i], "stale") != 0)
      since = MIN (since, json_object_get_int_member (runs[i], "history_mark"));
  if (since == G_MAXINT64)
    return TRUE;
  if ((stmt = hcs_store_prepare (store, SQL_CHANGED_SINCE, error)) == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, since);
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    {
      gint64 latest = hcs_stmt_column_int64 (stmt, 1);

      g_hash_table_insert (changed, g_strdup (hcs_stmt_column_text (stmt, 0)), g_memdup2 (&latest, sizeof latest));
    }
  hcs_stmt_reset (stmt);
  return rc >= 0;
}

/* The SQL's 0/1 as booleans for @n_runs runs (objects of RUN_COLUMNS), and
 * whether each is stale decided with one read of the changes since the
 * earliest of their marks: a run is stale when one of its identifiers
 * changed after its own mark. */
static gboolean
fix_runs (HcsStore     *store,
          JsonObject  **runs,
          guint         n_runs,
          GError      **error)
{
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!read_changes (store, runs, n_runs, changed, error))
    return FALSE;
  for (guint i = 0; i < n_runs; i++)
    {
      JsonObject *run = runs[i];
      gint64 mark = json_object_get_int_member (run, "history_mark");
      gboolean stale = FALSE;

      if (json_object_get_int_member (run, "stale") != 0 && g_hash_table_size (changed) > 0)
        {
          g_autoptr(GPtrArray) ids = hcs_store_match_run_identifiers (store, json_object_get_int_member (run, "id"),
                                                                      error);

          if (ids == NULL)
            return FALSE;
          for (guint k = 0; k < ids->len && !stale; k++)
            {
              const gint64 *latest = g_hash_table_lookup (changed, g_ptr_array_index (ids, k));

              stale = latest != NULL && *latest > mark;
            }
        }
      json_object_set_boolean_member (run, "rerunnable", json_object_get_int_member (run, "rerunnable") != 0);
      json_object_set_boolean_member (run, "stale", stale);
      json_object_remove_member (run, "history_mark");
    }
  return TRUE;
}

static const char SQL_RUNS[] =
  "SELECT " RUN_COLUMNS " FROM match_runs r WHERE (?1 IS NULL OR r.id < ?1) ORDER BY r.id DESC LIMIT ?2";
static const char SQL_RUNS_COUNT[] = "SELECT count(*) FROM match_runs";

JsonArray *
hcs_store_match_runs (HcsStore       *store,
                      const HcsPage  *page,
                      gint64         *total,
                      GError        **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_RUNS, error);
  g_autoptr(JsonArray) rows = NULL;
  g_autofree JsonObject **runs = NULL;
  guint n;

  if (stmt == NULL)
    return NULL;
  if (page->after_id > 0)
    hcs_stmt_bind_int64 (stmt, 1, page->after_id);
  hcs_stmt_bind_int64 (stmt, 2, (gint64) page->limit + 1);
  rows = hcs_store_rows_array (store, stmt, 0, error);
  if (rows == NULL)
    return NULL;
  n = json_array_get_length (rows);
  runs = g_new (JsonObject *, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    runs[i] = json_array_get_object_element (rows, i);
  if (!fix_runs (store, runs, n, error))
    return NULL;
  *total = -1;
  if (page->want_total)
    {
      stmt = hcs_store_prepare (store, SQL_RUNS_COUNT, error);
      if (stmt == NULL || (*total = hcs_store_single_int (store, stmt, error)) < 0)
        return NULL;
    }
  return g_steal_pointer (&rows);
}

/* A hit of the run is new when its previous run had no such pair; a hit
 * of the previous run is gone when this run has none. */
#define PAIR_IN(run) \
  "EXISTS (SELECT 1 FROM match_hits o WHERE o.run_id = " run " AND o.entry_id = h.entry_id" \
  " AND o.identifier = h.identifier)"

static const char SQL_RUN_GET[] =
  "SELECT " RUN_COLUMNS ","
  " CASE WHEN r.previous_run_id IS NOT NULL THEN (SELECT count(*) FROM match_hits h WHERE h.run_id = r.id"
  "   AND NOT " PAIR_IN ("r.previous_run_id") ") END AS new_hits,"
  " CASE WHEN r.previous_run_id IS NOT NULL THEN (SELECT count(*) FROM match_hits h WHERE h.run_id = r.previous_run_id"
  "   AND NOT " PAIR_IN ("r.id") ") END AS gone_hits"
  " FROM match_runs r WHERE r.id = ?1";
static const char SQL_RUN_BY_TYPE[] =
  "SELECT h.list_type AS list_type, coalesce (t.name, h.list_type) AS list_name,"
  " h.list_class AS list_class, count(*) AS hits, count(DISTINCT h.identifier) AS subjects,"
  " count(CASE WHEN h.feedback = 'applied' THEN 1 END) AS applied,"
  " count(CASE WHEN h.feedback = 'not_applied' THEN 1 END) AS not_applied,"
  " count(CASE WHEN h.feedback IS NULL THEN 1 END) AS pending"
  " FROM match_hits h LEFT JOIN list_types t ON t.key = h.list_type"
  " WHERE h.run_id = ?1 GROUP BY h.list_type, t.name, h.list_class ORDER BY hits DESC, h.list_type";
static const char SQL_RUN_BY_CLASS[] =
  "SELECT list_class, count(*) AS hits, count(DISTINCT identifier) AS subjects"
  " FROM match_hits WHERE run_id = ?1 GROUP BY list_class"
  " ORDER BY CASE list_class WHEN 'red' THEN 0 WHEN 'black' THEN 1 ELSE 2 END";

/* Returns: (transfer full): the run with its hits by list type and class,
 *   and against its previous run the count of new and gone hits */
JsonObject *
hcs_store_match_run_get (HcsStore  *store,
                         gint64     id,
                         GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_RUN_GET, error);
  g_autoptr(JsonObject) obj = NULL;
  JsonArray *rows;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  obj = hcs_store_get_object (store, stmt, error);
  if (obj == NULL || !fix_runs (store, &obj, 1, error))
    return NULL;

  stmt = hcs_store_prepare (store, SQL_RUN_BY_TYPE, error);
  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  if ((rows = hcs_store_rows_array (store, stmt, 0, error)) == NULL)
    return NULL;
  json_object_set_array_member (obj, "by_type", rows);

  stmt = hcs_store_prepare (store, SQL_RUN_BY_CLASS, error);
  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  if ((rows = hcs_store_rows_array (store, stmt, 0, error)) == NULL)
    return NULL;
  json_object_set_array_member (obj, "by_class", rows);
  return g_steal_pointer (&obj);
}

/* A run without what is counted over its hits or the lists' history (its
 * staleness scans the history since the run): for the routes that need only
 * its input, so that their statements stay a row's. */
static const char SQL_RUN_INPUT[] =
  "SELECT id, purpose, subjects, input_sha256, input_format, previous_run_id,"
  " (identifiers IS NOT NULL) AS rerunnable FROM match_runs WHERE id = ?1";

/* Returns: (transfer full): the run's id, purpose, subjects, input_sha256,
 *   input_format, previous_run_id and rerunnable, or %NULL with @error
 *   (NOT_FOUND) */
JsonObject *
hcs_store_match_run_input (HcsStore  *store,
                           gint64     id,
                           GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_RUN_INPUT, error);
  JsonObject *obj;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  if ((obj = hcs_store_get_object (store, stmt, error)) != NULL)
    json_object_set_boolean_member (obj, "rerunnable", json_object_get_int_member (obj, "rerunnable") != 0);
  return obj;
}

static const char SQL_RUN_IDENTIFIERS[] = "SELECT identifiers FROM match_runs WHERE id = ?1";

/**
 * hcs_store_match_run_identifiers:
 *
 * Returns: (transfer full) (nullable): the run's identifiers, in their
 *   order; an empty array for a run whose input was not kept; %NULL with
 *   @error (NOT_FOUND when there is no such run)
 */
GPtrArray *
hcs_store_match_run_identifiers (HcsStore  *store,
                                 gint64     id,
                                 GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_RUN_IDENTIFIERS, error);
  GPtrArray *ids;
  const char *text, *p;
  int rc;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  rc = hcs_store_step (store, stmt, error);
  if (rc != HCS_STMT_ROW)
    {
      if (rc == HCS_STMT_DONE)
        g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "no match run %" G_GINT64_FORMAT, id);
      hcs_stmt_reset (stmt);
      return NULL;
    }
  ids = g_ptr_array_new_with_free_func (g_free);
  text = hcs_stmt_column_text (stmt, 0);
  for (p = text; p != NULL && *p != '\0';)
    {
      const char *nl = strchr (p, '\n');

      if (nl == NULL)
        nl = p + strlen (p);
      if (nl > p)
        g_ptr_array_add (ids, g_strndup (p, (gsize) (nl - p)));
      p = *nl ? nl + 1 : nl;
    }
  hcs_stmt_reset (stmt);
  return ids;
}

/* ?1 the run, ?2 list type, ?3 class, ?4 state, ?5 feedback, ?6 change;
 * ?7 cursor, ?8 limit. */
#define HITS_OF \
  " FROM match_hits h LEFT JOIN subjects s ON s.identifier = h.identifier" \
  " LEFT JOIN list_types t ON t.key = h.list_type LEFT JOIN list_entries e ON e.id = h.entry_id" \
  " LEFT JOIN departments fd ON fd.id = h.feedback_department_id" \
  " WHERE h.run_id = CASE WHEN ?6 = 'gone' THEN (SELECT previous_run_id FROM match_runs WHERE id = ?1) ELSE ?1 END" \
  " AND (?6 IS NULL OR NOT " PAIR_IN ("CASE WHEN ?6 = 'gone' THEN ?1" \
  "   ELSE (SELECT previous_run_id FROM match_runs WHERE id = ?1) END") ")" \
  " AND (?2 IS NULL OR h.list_type = ?2) AND (?3 IS NULL OR h.list_class = ?3) AND (?4 IS NULL OR h.state = ?4)" \
  " AND (?5 IS NULL OR (?5 = 'pending' AND h.feedback IS NULL) OR h.feedback = ?5)"

/* A hit's measures in the order they were made, from an ordered subquery
 * that the aggregates keep (MEASURES_OF_TYPE in hcs-store-lists.c says why). */
#define HIT_MEASURES \
  "SELECT m.* FROM list_entry_measures lm JOIN measures m ON m.id = lm.measure_id" \
  " WHERE lm.entry_id = h.entry_id ORDER BY m.id"

#define HIT_COLUMNS \
  "h.entry_id AS id, h.run_id AS run_id, h.entry_id AS entry_id, h.identifier AS identifier," \
  " coalesce (s.name, '') AS subject_name, h.list_type AS list_type, coalesce (t.name, h.list_type) AS list_name," \
  " h.list_class AS list_class, coalesce (h.state, e.state) AS state, e.state AS state_now," \
  " (coalesce (h.state, e.state) = 'objected') AS publicity_paused," \
  " (SELECT json_group_array (json_object ('code', m.code, 'name', m.name, 'kind', m.kind))" \
  "    FROM (" HIT_MEASURES ") m) AS measures," \
  " coalesce ((SELECT group_concat (m.name, '；') FROM (" HIT_MEASURES ") m), '') AS measure_names," \
  " (SELECT c.id FROM match_clearances c WHERE c.identifier = h.identifier AND c.entry_id = h.entry_id" \
  "    AND c.withdrawn_at IS NULL) AS clearance_id," \
  " h.feedback AS feedback, h.feedback_note AS feedback_note, h.feedback_by AS feedback_by," \
  " fd.name AS feedback_department, h.feedback_at AS feedback_at"

static const char SQL_HITS[] =
  "SELECT " HIT_COLUMNS HITS_OF " AND (?7 IS NULL OR h.entry_id > ?7) ORDER BY h.entry_id LIMIT ?8";
static const char SQL_HITS_COUNT[] = "SELECT count(*)" HITS_OF;
static const char SQL_HIT_GET[] =
  "SELECT " HIT_COLUMNS HITS_OF " AND h.entry_id = ?7";

static void
fix_hit (JsonObject *hit)
{
  JsonNode *measures = json_array_node_from_text (json_object_get_string_member_with_default (hit, "measures", NULL));

  json_object_set_member (hit, "measures", measures);
  json_object_set_boolean_member (hit, "publicity_paused", json_object_get_int_member (hit, "publicity_paused") != 0);
}

/**
 * hcs_store_match_hits:
 * @filter: with @filter->change, the hits new in the run or gone from it
 *   against its previous run
 *
 * Returns: (transfer full): up to @page->limit + 1 hits in the order of
 *   their entries
 */
JsonArray *
hcs_store_match_hits (HcsStore                 *store,
                      gint64                    run_id,
                      const HcsMatchHitFilter  *filter,
                      const HcsPage            *page,
                      gint64                   *total,
                      GError                  **error)
{
  const HcsStoreValue where[] = { HCS_STORE_INT (run_id), HCS_STORE_TEXT (filter->list_type),
                                  HCS_STORE_TEXT (filter->list_class), HCS_STORE_TEXT (filter->state),
                                  HCS_STORE_TEXT (filter->feedback), HCS_STORE_TEXT (filter->change) };
  HcsStmt *stmt = hcs_store_prepare (store, SQL_HITS, error);
  JsonArray *rows;

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_filter (stmt, where, G_N_ELEMENTS (where));
  if (page->after_id > 0)
    hcs_stmt_bind_int64 (stmt, 7, page->after_id);
  hcs_stmt_bind_int64 (stmt, 8, (gint64) page->limit + 1);
  if ((rows = hcs_store_rows_array (store, stmt, 0, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    fix_hit (json_array_get_object_element (rows, i));
  *total = -1;
  if (page->want_total &&
      (*total = hcs_store_count_filtered (store, SQL_HITS_COUNT, where, G_N_ELEMENTS (where), error)) < 0)
    {
      json_array_unref (rows);
      return NULL;
    }
  return rows;
}

/* Returns: (transfer full): the hit of @entry_id in run @run_id, or %NULL
 *   with @error (NOT_FOUND) */
JsonObject *
hcs_store_match_hit_get (HcsStore  *store,
                         gint64     run_id,
                         gint64     entry_id,
                         GError   **error)
{
  const HcsStoreValue where[] = { HCS_STORE_INT (run_id), HCS_STORE_TEXT (NULL), HCS_STORE_TEXT (NULL),
                                  HCS_STORE_TEXT (NULL), HCS_STORE_TEXT (NULL), HCS_STORE_TEXT (NULL) };
  HcsStmt *stmt = hcs_store_prepare (store, SQL_HIT_GET, error);
  JsonObject *hit;

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_filter (stmt, where, G_N_ELEMENTS (where));
  hcs_stmt_bind_int64 (stmt, 7, entry_id);
  if ((hit = hcs_store_get_object (store, stmt, error)) == NULL)
    return NULL;
  fix_hit (hit);
  return hit;
}

static const char SQL_INVALID[] =
  "SELECT row AS id, row AS row, value AS value, code AS code FROM match_invalid"
  " WHERE run_id = ?1 AND (?2 IS NULL OR row > ?2) ORDER BY row LIMIT ?3";
static const char SQL_INVALID_COUNT[] = "SELECT count(*) FROM match_invalid WHERE run_id = ?1";

/* Returns: (transfer full): up to @page->limit + 1 unreadable rows, by row */
JsonArray *
hcs_store_match_invalid (HcsStore       *store,
                         gint64          run_id,
                         const HcsPage  *page,
                         gint64         *total,
                         GError        **error)
{
  const HcsStoreValue where[] = { HCS_STORE_INT (run_id) };
  HcsStmt *stmt = hcs_store_prepare (store, SQL_INVALID, error);
  JsonArray *rows;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, run_id);
  if (page->after_id > 0)
    hcs_stmt_bind_int64 (stmt, 2, page->after_id);
  hcs_stmt_bind_int64 (stmt, 3, (gint64) page->limit + 1);
  if ((rows = hcs_store_rows_array (store, stmt, 0, error)) == NULL)
    return NULL;
  *total = -1;
  if (page->want_total &&
      (*total = hcs_store_count_filtered (store, SQL_INVALID_COUNT, where, G_N_ELEMENTS (where), error)) < 0)
    {
      json_array_unref (rows);
      return NULL;
    }
  return rows;
}

static const char SQL_FEEDBACK_SET[] =
  "UPDATE match_hits SET feedback = ?3, feedback_note = ?4, feedback_by = ?5,"
  " feedback_department_id = nullif (?6, 0), feedback_at = ?7 WHERE run_id = ?1 AND entry_id = ?2";

/* Records whether the measures of a hit were applied; NOT_FOUND when the
 * run has no such hit. */
gboolean
hcs_store_match_set_feedback (HcsStore    *store,
                              gint64       run_id,
                              gint64       entry_id,
                              const char  *feedback,
                              const char  *note,
                              const char  *actor,
                              gint64       department_id,
                              GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_FEEDBACK_SET, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, run_id);
  hcs_stmt_bind_int64 (stmt, 2, entry_id);
  hcs_store_bind_text (stmt, 3, feedback);
  hcs_store_bind_text (stmt, 4, note);
  hcs_store_bind_text (stmt, 5, actor);
  hcs_stmt_bind_int64 (stmt, 6, department_id);
  hcs_store_bind_text (stmt, 7, now);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;
  if (hcs_store_changes (store) == 0)
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "no hit of entry %" G_GINT64_FORMAT, entry_id);
      return FALSE;
    }
  return TRUE;
}

/* 效果自动反馈统计 over time: the hits of each month's runs on @list_type
 * and what the departments said of them. */
static const char SQL_FEEDBACK_BY_MONTH[] =
  "SELECT substr (r.at, 1, 7) AS month, count(*) AS hits,"
  " count(CASE WHEN h.feedback = 'applied' THEN 1 END) AS applied,"
  " count(CASE WHEN h.feedback = 'not_applied' THEN 1 END) AS not_applied,"
  " count(CASE WHEN h.feedback IS NULL THEN 1 END) AS pending"
  " FROM match_hits h JOIN match_runs r ON r.id = h.run_id WHERE h.list_type = ?1"
  " GROUP BY month ORDER BY month";

JsonArray *
hcs_store_match_feedback_by_month (HcsStore    *store,
                                   const char  *list_type,
                                   GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_FEEDBACK_BY_MONTH, error);

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_text (stmt, 1, list_type);
  return hcs_store_rows_array (store, stmt, 0, error);
}

static const char SQL_CLEAR[] =
  "INSERT INTO match_clearances (identifier, entry_id, run_id, reason, created_by, created_at)"
  " SELECT h.identifier, h.entry_id, h.run_id, ?3, ?4, ?5 FROM match_hits h WHERE h.run_id = ?1 AND h.entry_id = ?2";

/* Clears the hit of @entry_id in run @run_id as a false match. Returns: the
 * clearance's id; 0 with NOT_FOUND when there is no such hit, CONSTRAINT
 * when the pair is cleared already */
gint64
hcs_store_match_clear (HcsStore    *store,
                       gint64       run_id,
                       gint64       entry_id,
                       const char  *reason,
                       const char  *actor,
                       GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_CLEAR, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return 0;
  hcs_stmt_bind_int64 (stmt, 1, run_id);
  hcs_stmt_bind_int64 (stmt, 2, entry_id);
  hcs_store_bind_text (stmt, 3, reason);
  hcs_store_bind_text (stmt, 4, actor);
  hcs_store_bind_text (stmt, 5, now);
  if (!hcs_store_step_done (store, stmt, error))
    return 0;
  if (hcs_store_changes (store) == 0)
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "no hit of entry %" G_GINT64_FORMAT, entry_id);
      return 0;
    }
  return hcs_store_last_insert_rowid (store);
}

#define CLEARANCE_COLUMNS \
  "c.id AS id, c.identifier AS identifier, coalesce (s.name, '') AS subject_name, c.entry_id AS entry_id," \
  " e.list_type AS list_type, t.name AS list_name, c.run_id AS run_id, c.reason AS reason," \
  " c.created_by AS created_by, c.created_at AS created_at, c.withdrawn_by AS withdrawn_by," \
  " c.withdrawn_at AS withdrawn_at, c.withdraw_reason AS withdraw_reason, (c.withdrawn_at IS NULL) AS standing," \
  " c.version AS version"
#define CLEARANCE_FROM \
  " FROM match_clearances c LEFT JOIN subjects s ON s.identifier = c.identifier" \
  " LEFT JOIN list_entries e ON e.id = c.entry_id LEFT JOIN list_types t ON t.key = e.list_type"

static const char SQL_CLEARANCE_GET[] = "SELECT " CLEARANCE_COLUMNS CLEARANCE_FROM " WHERE c.id = ?1";
static const char SQL_CLEARANCES[] =
  "SELECT " CLEARANCE_COLUMNS CLEARANCE_FROM " WHERE (?1 = 0 OR c.withdrawn_at IS NULL)"
  " AND (?2 IS NULL OR c.id < ?2) ORDER BY c.id DESC LIMIT ?3";
static const char SQL_CLEARANCES_COUNT[] =
  "SELECT count(*) FROM match_clearances c WHERE (?1 = 0 OR c.withdrawn_at IS NULL)";

static void
fix_clearance (JsonObject *obj)
{
  json_object_set_boolean_member (obj, "standing", json_object_get_int_member (obj, "standing") != 0);
}

JsonObject *
hcs_store_match_clearance_get (HcsStore  *store,
                               gint64     id,
                               GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_CLEARANCE_GET, error);
  JsonObject *obj;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  if ((obj = hcs_store_get_object (store, stmt, error)) != NULL)
    fix_clearance (obj);
  return obj;
}

/* Returns: (transfer full): up to @page->limit + 1 clearances, newest first */
JsonArray *
hcs_store_match_clearances (HcsStore       *store,
                            gboolean        standing_only,
                            const HcsPage  *page,
                            gint64         *total,
                            GError        **error)
{
  const HcsStoreValue where[] = { HCS_STORE_INT (standing_only ? 1 : 0) };
  HcsStmt *stmt = hcs_store_prepare (store, SQL_CLEARANCES, error);
  JsonArray *rows;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, standing_only ? 1 : 0);
  if (page->after_id > 0)
    hcs_stmt_bind_int64 (stmt, 2, page->after_id);
  hcs_stmt_bind_int64 (stmt, 3, (gint64) page->limit + 1);
  if ((rows = hcs_store_rows_array (store, stmt, 0, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    fix_clearance (json_array_get_object_element (rows, i));
  *total = -1;
  if (page->want_total &&
      (*total = hcs_store_count_filtered (store, SQL_CLEARANCES_COUNT, where, G_N_ELEMENTS (where), error)) < 0)
    {
      json_array_unref (rows);
      return NULL;
    }
  return rows;
}

static const char SQL_WITHDRAW[] =
  "UPDATE match_clearances SET withdrawn_by = ?2, withdrawn_at = ?3, withdraw_reason = ?4, version = version + 1"
  " WHERE id = ?1 AND withdrawn_at IS NULL";

/* Withdraws a standing clearance; NOT_FOUND when none stands with @id. */
gboolean
hcs_store_match_withdraw (HcsStore    *store,
                          gint64       id,
                          const char  *reason,
                          const char  *actor,
                          GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_WITHDRAW, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_store_bind_text (stmt, 2, actor);
  hcs_store_bind_text (stmt, 3, now);
  hcs_store_bind_text (stmt, 4, reason);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;
  if (hcs_store_changes (store) == 0)
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "no standing clearance %" G_GINT64_FORMAT, id);
      return FALSE;
    }
  return TRUE;
}
