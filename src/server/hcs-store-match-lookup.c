/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for 名单自动比对's match itself: the entries in force of the subjects
 * given, the clearances standing on them and their hits' measures, in one
 * snapshot of the lists (the runs, hits and clearances: hcs-store-match.c). */
#define G_LOG_DOMAIN "hcs-store-match"

#include "config.h"

#include "hcs-store-match.h"
#include "hcs-store-pg.h"
#include "hcs-store-private.h"

/* Every entry whose measures apply: published, and published under an
 * objection (异议中: its publicity is paused, its measures are not). */
static const char SQL_IN_FORCE[] =
  "SELECT s.identifier, s.name, e.id, e.list_type, t.name, t.class, e.state"
  " FROM list_entries e JOIN subjects s ON s.id = e.subject_id JOIN list_types t ON t.key = e.list_type"
  " WHERE e.state IN ('published', 'objected')";
static const char SQL_STANDING_CLEARANCES[] =
  "SELECT identifier, entry_id FROM match_clearances WHERE withdrawn_at IS NULL";
/* Over PostgreSQL, the entries in force of a batch of the subjects given
 * (?1, a text[]), found by key: subjects by their identifier's index, each
 * one's entries by list_entries_open (OFFSET 0 keeps that subquery apart,
 * one look-up a subject: joined flat, the planner hashed all of list_entries
 * against a batch of 2,000), a standing clearance of the pair by both
 * columns of match_clearances_standing (its id, else NULL; as a LEFT JOIN
 * the planner scanned that index by entry_id alone). A subject's entries newest
 * first, in the order the hash join of SQL_IN_FORCE gave them over
 * PostgreSQL (each of the 134 subjects with two entries in force at scale
 * 10: the answers are the same bytes; over SQLite the list types' order). */
static const char SQL_IN_FORCE_OF_PG[] =
  "SELECT s.identifier, s.name, e.id, e.list_type, t.name, t.class, e.state,"
  " (SELECT c.id FROM match_clearances c WHERE c.identifier = s.identifier AND c.entry_id = e.id"
  "   AND c.withdrawn_at IS NULL)"
  " FROM subjects s CROSS JOIN LATERAL (SELECT e.id, e.list_type, e.state FROM list_entries e"
  "   WHERE e.subject_id = s.id AND e.state IN ('published', 'objected') OFFSET 0) e"
  " JOIN list_types t ON t.key = e.list_type"
  " WHERE s.identifier = ANY (?1::text[]) ORDER BY e.id DESC";
static const char SQL_HISTORY_MARK[] = "SELECT coalesce (max (id), 0) FROM list_entry_history";
static const char SQL_HIT_MEASURES[] =
  "SELECT m.code, m.name, m.kind"
  " FROM list_entry_measures lm JOIN measures m ON m.id = lm.measure_id WHERE lm.entry_id = ?1"
  " ORDER BY lm.measure_id";
/* Over PostgreSQL, the measures of a batch of entries (?1, a bigint[]) in
 * one statement, each entry's in their ids' order as SQL_HIT_MEASURES:
 * a statement a hit was some 20,000 round trips for 100,000 identifiers. */
static const char SQL_HIT_MEASURES_OF_PG[] =
  "SELECT lm.entry_id, m.code, m.name, m.kind"
  " FROM list_entry_measures lm JOIN measures m ON m.id = lm.measure_id WHERE lm.entry_id = ANY (?1::bigint[])"
  " ORDER BY lm.entry_id, lm.measure_id";

/* Identifiers a statement of SQL_IN_FORCE_OF_PG looks up: its time is that
 * of this many index look-ups whatever the size of the tables. */
#define PG_BATCH 2000

static char *
pair_key (const char *identifier,
          gint64      entry_id)
{
  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT, identifier, entry_id);
}

/* An entry in force as the match reads it: plain strings in one chunk
 * (a run reads every entry in force, and a JSON object each was a third
 * of the match's time), the next entry of the same subject by index. */
typedef struct
{
  gint64      entry_id;
  const char *name;
  const char *list_type;
  const char *list_name;
  const char *list_class;
  const char *state;
  gboolean    cleared;    /* a clearance of the pair stands */
  gint        next;       /* -1 at the last */
} InForce;

typedef struct
{
  GStringChunk *strings;
  GArray       *entries;  /* of InForce */
  GHashTable   *first;    /* identifier (in strings) → index + 1 */
} InForceSet;

static void
in_force_set_clear (InForceSet *set)
{
  g_clear_pointer (&set->first, g_hash_table_unref);
  g_clear_pointer (&set->entries, g_array_unref);
  g_clear_pointer (&set->strings, g_string_chunk_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (InForceSet, in_force_set_clear)

static void
in_force_set_init (InForceSet *set)
{
  set->strings = g_string_chunk_new (64 * 1024);
  set->entries = g_array_new (FALSE, FALSE, sizeof (InForce));
  set->first = g_hash_table_new (g_str_hash, g_str_equal);
}

static const char *
column_const (InForceSet   *set,
              HcsStmt      *stmt,
              int           column)
{
  const char *text = hcs_stmt_column_text (stmt, column);

  return g_string_chunk_insert_const (set->strings, text ? text : "");
}

/* Adds the row of @stmt (the columns of SQL_IN_FORCE) after the entries of
 * its subject read before: the first of them stays first (the order the
 * rows came in, as before). */
static void
in_force_set_add (InForceSet *set,
                  HcsStmt    *stmt,
                  gboolean    cleared)
{
  const char *identifier = hcs_stmt_column_text (stmt, 0);
  gpointer first = NULL;
  InForce e;

  if (identifier == NULL)
    return;
  e.name = column_const (set, stmt, 1);
  e.entry_id = hcs_stmt_column_int64 (stmt, 2);
  e.list_type = column_const (set, stmt, 3);
  e.list_name = column_const (set, stmt, 4);
  e.list_class = column_const (set, stmt, 5);
  e.state = column_const (set, stmt, 6);
  e.cleared = cleared;
  e.next = -1;
  if (g_hash_table_lookup_extended (set->first, identifier, NULL, &first))
    {
      gint i = GPOINTER_TO_INT (first) - 1;

      while (g_array_index (set->entries, InForce, i).next >= 0)
        i = g_array_index (set->entries, InForce, i).next;
      g_array_index (set->entries, InForce, i).next = (gint) set->entries->len;
    }
  else
    g_hash_table_insert (set->first, g_string_chunk_insert (set->strings, identifier),
                         GINT_TO_POINTER ((gint) set->entries->len + 1));
  g_array_append_val (set->entries, e);
}

/* Over SQLite: every entry in force, by subject, in one pass, and the
 * standing clearances, instead of a look-up per subject given (a run has up
 * to 100,000; SQLite has no bound on a statement's time, and for 100,000
 * at scale 10 the one pass is the faster; bench/README.md, 2026-12-08). */
static gboolean
read_in_force_all (HcsStore    *store,
                   InForceSet  *set,
                   GError     **error)
{
  g_autoptr(GHashTable) cleared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  HcsStmt *stmt;
  int rc;

  if ((stmt = hcs_store_prepare (store, SQL_STANDING_CLEARANCES, error)) == NULL)
    return FALSE;
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    g_hash_table_add (cleared, pair_key (hcs_stmt_column_text (stmt, 0),
                                         hcs_stmt_column_int64 (stmt, 1)));
  hcs_stmt_reset (stmt);
  if (rc < 0 || (stmt = hcs_store_prepare (store, SQL_IN_FORCE, error)) == NULL)
    return FALSE;
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    {
      gboolean is_cleared = FALSE;

      if (g_hash_table_size (cleared) > 0 && hcs_stmt_column_text (stmt, 0) != NULL)
        {
          g_autofree char *key = pair_key (hcs_stmt_column_text (stmt, 0), hcs_stmt_column_int64 (stmt, 2));

          is_cleared = g_hash_table_contains (cleared, key);
        }
      in_force_set_add (set, stmt, is_cleared);
    }
  hcs_stmt_reset (stmt);
  return rc >= 0;
}

/* Over PostgreSQL: the entries in force of the subjects given only, looked
 * up by key PG_BATCH at a time, so that no statement's time grows with the
 * tables (each statement waits at most HNCREDIT_DB_TIMEOUT; the one pass of
 * read_in_force_all() was a parallel scan of all of subjects). */
static gboolean
read_in_force_of (HcsStore            *store,
                  const char * const  *identifiers,
                  guint                n_identifiers,
                  InForceSet          *set,
                  GError             **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_IN_FORCE_OF_PG, error);
  g_autoptr(GString) array = g_string_new (NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint from = 0; from < n_identifiers; from += PG_BATCH)
    {
      g_string_assign (array, "{");
      for (guint i = from; i < n_identifiers && i < from + PG_BATCH; i++)
        hcs_pg_text_array_append (array, identifiers[i]);
      g_string_append_c (array, '}');
      hcs_stmt_reset (stmt);
      hcs_stmt_bind_text_static (stmt, 1, array->str);
      while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
        in_force_set_add (set, stmt, hcs_stmt_column_text (stmt, 7) != NULL);
      hcs_stmt_reset (stmt);
      if (rc < 0)
        return FALSE;
    }
  return TRUE;
}

/* Appends to @measures the measure in the columns of @stmt from @column:
 * code, name, kind. */
static void
measure_add (JsonArray  *measures,
             HcsStmt    *stmt,
             int         column)
{
  JsonObject *m = json_object_new ();

  json_object_set_string_member (m, "code", hcs_stmt_column_text (stmt, column));
  json_object_set_string_member (m, "name", hcs_stmt_column_text (stmt, column + 1));
  json_object_set_string_member (m, "kind", hcs_stmt_column_text (stmt, column + 2));
  json_array_add_object_element (measures, m);
}

/* The measures of a hit's entry, as the list's page names them, in their ids' order
 * (as the entries' pages: the same bytes on both backends). */
static JsonArray *
hit_measures (HcsStore      *store,
              HcsStmt       *stmt,
              gint64         entry_id,
              GError       **error)
{
  g_autoptr(JsonArray) measures = json_array_new ();
  int rc;

  hcs_stmt_reset (stmt);
  hcs_stmt_bind_int64 (stmt, 1, entry_id);
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    measure_add (measures, stmt, 0);
  hcs_stmt_reset (stmt);
  return rc < 0 ? NULL : g_steal_pointer (&measures);
}

/* Over PostgreSQL: the measures of every entry of @set not cleared (the
 * hits), PG_BATCH entries a statement. Returns: (transfer full): entry id
 * → JsonArray, an entry without measures absent; or NULL with @error set. */
static GHashTable *
read_measures_of (HcsStore          *store,
                  const InForceSet  *set,
                  GError           **error)
{
  g_autoptr(GHashTable) measures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          (GDestroyNotify) json_array_unref);
  HcsStmt *stmt = hcs_store_prepare (store, SQL_HIT_MEASURES_OF_PG, error);
  g_autoptr(GString) array = g_string_new (NULL);
  guint i = 0;
  int rc;

  if (stmt == NULL)
    return NULL;
  while (i < set->entries->len)
    {
      guint n = 0;

      g_string_assign (array, "{");
      for (; i < set->entries->len && n < PG_BATCH; i++)
        if (!g_array_index (set->entries, InForce, i).cleared)
          g_string_append_printf (array, "%s%" G_GINT64_FORMAT, n++ > 0 ? "," : "",
                                  g_array_index (set->entries, InForce, i).entry_id);
      g_string_append_c (array, '}');
      if (n == 0)
        break;
      hcs_stmt_reset (stmt);
      hcs_stmt_bind_text_static (stmt, 1, array->str);
      while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
        {
          gint64 entry_id = hcs_stmt_column_int64 (stmt, 0);
          JsonArray *of = g_hash_table_lookup (measures, &entry_id);

          if (of == NULL)
            {
              of = json_array_new ();
              g_hash_table_insert (measures, g_memdup2 (&entry_id, sizeof entry_id), of);
            }
          measure_add (of, stmt, 1);
        }
      hcs_stmt_reset (stmt);
      if (rc < 0)
        return NULL;
    }
  return g_steal_pointer (&measures);
}

static gboolean
match_in_snapshot (HcsStore            *store,
                   const char * const  *identifiers,
                   guint                n_identifiers,
                   HcsMatchResult      *result,
                   GError             **error)
{
  g_auto(InForceSet) in_force = { 0, };
  g_autoptr(GHashTable) measures_of = NULL;  /* over PostgreSQL */
  HcsStmt *stmt = NULL;

  /* The last history line read: a later one about a subject of this run
   * makes the run stale. */
  if ((stmt = hcs_store_prepare (store, SQL_HISTORY_MARK, error)) == NULL ||
      (result->history_mark = hcs_store_single_int (store, stmt, error)) < 0)
    return FALSE;
  in_force_set_init (&in_force);
  if (!(hcs_store_is_pg (store) ? read_in_force_of (store, identifiers, n_identifiers, &in_force, error)
                                : read_in_force_all (store, &in_force, error)))
    return FALSE;

  if (hcs_store_is_pg (store) ? (measures_of = read_measures_of (store, &in_force, error)) == NULL
                               : (stmt = hcs_store_prepare (store, SQL_HIT_MEASURES, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < n_identifiers; i++)
    {
      gint j = GPOINTER_TO_INT (g_hash_table_lookup (in_force.first, identifiers[i])) - 1;

      for (; j >= 0; j = g_array_index (in_force.entries, InForce, j).next)
        {
          const InForce *e = &g_array_index (in_force.entries, InForce, j);
          JsonArray *measures;
          JsonObject *hit;

          if (e->cleared)
            {
              result->cleared++;
              continue;
            }
          if (measures_of != NULL)
            {
              measures = g_hash_table_lookup (measures_of, &e->entry_id);
              measures = measures != NULL ? json_array_ref (measures) : json_array_new ();
            }
          else if ((measures = hit_measures (store, stmt, e->entry_id, error)) == NULL)
            return FALSE;
          hit = json_object_new ();
          json_object_set_string_member (hit, "identifier", identifiers[i]);
          json_object_set_string_member (hit, "name", e->name);
          json_object_set_string_member (hit, "list_type", e->list_type);
          json_object_set_string_member (hit, "list_name", e->list_name);
          json_object_set_string_member (hit, "list_class", e->list_class);
          json_object_set_int_member (hit, "entry_id", e->entry_id);
          json_object_set_string_member (hit, "state", e->state);
          json_object_set_boolean_member (hit, "publicity_paused", g_str_equal (e->state, "objected"));
          json_object_set_array_member (hit, "measures", measures);
          json_array_add_object_element (result->hits, hit);
        }
    }
  return TRUE;
}

/**
 * hcs_store_match:
 * @identifiers: normalised, distinct identifiers
 * @result: (out caller-allocates): gets one object per hit (identifier,
 *   name, list_type, list_name, list_class, entry_id, state,
 *   publicity_paused, measures), the count of cleared pairs and the
 *   history mark
 *
 * Matches in one read transaction: one snapshot of the lists.
 */
gboolean
hcs_store_match (HcsStore            *store,
                 const char * const  *identifiers,
                 guint                n_identifiers,
                 HcsMatchResult      *result,
                 GError             **error)
{
  result->hits = json_array_new ();
  result->cleared = 0;
  result->history_mark = 0;
  /* Writers go on meanwhile (WAL). */
  if (!hcs_store_exec (store, "BEGIN DEFERRED", error))
    return FALSE;
  if (!match_in_snapshot (store, identifiers, n_identifiers, result, error))
    {
      hcs_store_exec (store, "ROLLBACK", NULL);
      return FALSE;
    }
  return hcs_store_exec (store, "COMMIT", error);
}
