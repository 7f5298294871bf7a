/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for the search of 市场主体 (GET /subjects): keyset-paged lists by
 * id, name or identifier, filtered by 市县, type, grade, status, a name's
 * text (through the bigram index) or an identifier's start, and their
 * totals, exact or estimated. */
#define G_LOG_DOMAIN "hcs-store-subjects"

#include "config.h"

#include <string.h>

#include "hcs-store-private.h"
#include "hcs-store-subjects.h"

/* Parameters shared by the list statements:
 *   ?1 region  ?2 type  ?3 grade  ?4 status
 *   ?5 name substring  ?6 identifier prefix  ?7 the prefix's upper bound
 *   ?8 whether a prefix may match ID numbers (else only a whole one does)
 *   ?9 limit  ?10 id after which the page starts  ?11 name after which it starts
 *   ?12, ?13 a range of identifiers the page is within (sort by identifier)
 *   ?14 1 to order by name, 0 by id (SQL_LIST_RANGE only)
 *   ?16 how many rows of the order to skip before the page (0 with a cursor)
 * Absent filters are NULL. Identifiers are upper-case ASCII, so every
 * identifier starting with a prefix P sorts before P || '~'.
 *
 * A region filter has statements of its own, written as a plain equality so
 * that the (region, …) indexes serve it: a small 市县 is then as quick to
 * page through as a large one. */
#define ANY_REGION " (?1 IS NULL OR region = ?1) AND"
#define IN_REGION  " region = ?1 AND"
#define SUBJECT_FILTER \
  " (?2 IS NULL OR type = ?2)" \
  " AND (?3 IS NULL OR grade = ?3) AND (?4 IS NULL OR status = ?4)" \
  " AND ((?5 IS NULL AND ?6 IS NULL)" \
  "      OR (?5 IS NOT NULL AND instr (name, ?5) > 0)" \
  "      OR (?6 IS NOT NULL AND identifier >= ?6 AND identifier < ?7" \
  "          AND (?8 OR type <> 'natural_person' OR identifier = ?6)))"

/* Each order walks its own index and stops after the page, with no sort of
 * the whole table; only a list view jumping to a row far from the rows it
 * has skips rows (OFFSET ?16, index entries stepped over, no row built). */
#define LIST_BY_ID(REGION) \
  "SELECT " HCS_SUBJECT_COLUMNS " FROM subjects" \
  " WHERE" REGION " id > ?10 AND" SUBJECT_FILTER \
  " ORDER BY id LIMIT ?9 OFFSET ?16"
#define LIST_BY_NAME(REGION) \
  "SELECT " HCS_SUBJECT_COLUMNS " FROM subjects" \
  " WHERE" REGION " (name, id) > (?11, ?10) AND" SUBJECT_FILTER \
  " ORDER BY name, id LIMIT ?9 OFFSET ?16"
/* The cursor holds only the row id, never an identifier (which may be an ID
 * number); identifiers never change, so the row gives the key back. One
 * lower bound, so that the index range starts there. */
#define LIST_BY_IDENTIFIER(REGION) \
  "SELECT " HCS_SUBJECT_COLUMNS " FROM subjects" \
  " WHERE" REGION " identifier >= max (?12, coalesce ((SELECT s2.identifier || char (1) FROM subjects s2" \
  "                                           WHERE s2.id = ?10), ''))" \
  " AND identifier < ?13 AND" SUBJECT_FILTER \
  " ORDER BY identifier LIMIT ?9 OFFSET ?16"

/* The same pages counted from the end of the id order (from_end): read
 * backwards, so that the last page steps over no row. ?9 and ?16 as above,
 * from the end. */
#define LIST_BY_ID_DESC(REGION) \
  "SELECT " HCS_SUBJECT_COLUMNS " FROM subjects" \
  " WHERE" REGION " id > ?10 AND" SUBJECT_FILTER \
  " ORDER BY id DESC LIMIT ?9 OFFSET ?16"
static const char SQL_LIST_BY_ID_DESC[] = LIST_BY_ID_DESC (ANY_REGION);
static const char SQL_LIST_BY_ID_DESC_IN_REGION[] = LIST_BY_ID_DESC (IN_REGION);
static const char SQL_LIST_BY_ID[] = LIST_BY_ID (ANY_REGION);
static const char SQL_LIST_BY_ID_IN_REGION[] = LIST_BY_ID (IN_REGION);
static const char SQL_LIST_BY_NAME[] = LIST_BY_NAME (ANY_REGION);
static const char SQL_LIST_BY_NAME_IN_REGION[] = LIST_BY_NAME (IN_REGION);
static const char SQL_LIST_BY_IDENTIFIER[] = LIST_BY_IDENTIFIER (ANY_REGION);
static const char SQL_LIST_BY_IDENTIFIER_IN_REGION[] = LIST_BY_IDENTIFIER (IN_REGION);
/* A long identifier prefix matches few rows: take them from the identifier
 * index and sort those, rather than walking the whole order looking for them. */
static const char SQL_LIST_RANGE[] =
  "SELECT " HCS_SUBJECT_COLUMNS " FROM subjects"
  " WHERE identifier >= ?6 AND identifier < ?7 AND" ANY_REGION SUBJECT_FILTER
  " AND ((?14 = 1 AND (name > ?11 OR (name = ?11 AND id > ?10))) OR (?14 = 0 AND id > ?10))"
  " ORDER BY CASE WHEN ?14 = 1 THEN name END, id LIMIT ?9 OFFSET ?16";
static const char SQL_COUNT[] =
  "SELECT count(*) FROM subjects WHERE" ANY_REGION SUBJECT_FILTER;
static const char SQL_COUNT_IN_REGION[] =
  "SELECT count(*) FROM subjects WHERE" IN_REGION SUBJECT_FILTER;
static const char SQL_COUNT_RANGE[] =
  "SELECT count(*) FROM subjects WHERE identifier >= ?6 AND identifier < ?7 AND" ANY_REGION SUBJECT_FILTER;

/* The name index (subject-name-grams.sql): ?15 is a bigram of the search
 * text, the rarest one; its subjects, and those of the identifier prefix
 * when the text may be one, are the candidates the filter then checks
 * whole. Each order keeps its keyset, so paging is as without the index. */
#define BY_GRAM \
  " id IN (SELECT subject_id FROM subject_name_grams WHERE gram = ?15" \
  "        UNION ALL SELECT id FROM subjects WHERE identifier >= ?6 AND identifier < ?7) AND"
static const char SQL_GRAM_BY_ID[] =
  "SELECT " HCS_SUBJECT_COLUMNS " FROM subjects WHERE" BY_GRAM ANY_REGION " id > ?10 AND" SUBJECT_FILTER
  " ORDER BY id LIMIT ?9 OFFSET ?16";
static const char SQL_GRAM_BY_ID_DESC[] =
  "SELECT " HCS_SUBJECT_COLUMNS " FROM subjects WHERE" BY_GRAM ANY_REGION " id > ?10 AND" SUBJECT_FILTER
  " ORDER BY id DESC LIMIT ?9 OFFSET ?16";
/* A text alone in id order (the pane's first pages): the rarest bigram's
 * postings walked in their order (subject_id), each subject looked up and
 * checked, stopping at the page's end, rather than every posting gathered
 * into a temporary index first (the IN list above). */
#define GRAM_JOIN(DIR) \
  "SELECT " HCS_SUBJECT_COLUMNS " FROM subject_name_grams AS g CROSS JOIN subjects" \
  " WHERE subjects.id = g.subject_id AND g.gram = ?15 AND g.subject_id > ?10 AND" ANY_REGION SUBJECT_FILTER \
  " ORDER BY g.subject_id " DIR " LIMIT ?9 OFFSET ?16"
static const char SQL_GRAM_JOIN_BY_ID[] = GRAM_JOIN ("ASC");
static const char SQL_GRAM_JOIN_BY_ID_DESC[] = GRAM_JOIN ("DESC");
static const char SQL_LIST_RANGE_DESC[] =
  "SELECT " HCS_SUBJECT_COLUMNS " FROM subjects"
  " WHERE identifier >= ?6 AND identifier < ?7 AND" ANY_REGION SUBJECT_FILTER " AND id > ?10"
  " ORDER BY id DESC LIMIT ?9 OFFSET ?16";
static const char SQL_GRAM_BY_NAME[] =
  "SELECT " HCS_SUBJECT_COLUMNS " FROM subjects WHERE" BY_GRAM ANY_REGION " (name, id) > (?11, ?10) AND" SUBJECT_FILTER
  " ORDER BY name, id LIMIT ?9 OFFSET ?16";
static const char SQL_GRAM_BY_IDENTIFIER[] =
  "SELECT " HCS_SUBJECT_COLUMNS " FROM subjects WHERE" BY_GRAM ANY_REGION
  " identifier >= max (?12, coalesce ((SELECT s2.identifier || char (1) FROM subjects s2"
  "                                   WHERE s2.id = ?10), '')) AND identifier < ?13 AND" SUBJECT_FILTER
  " ORDER BY identifier LIMIT ?9 OFFSET ?16";
static const char SQL_GRAM_COUNT[] =
  "SELECT count(*) FROM subjects WHERE" BY_GRAM ANY_REGION SUBJECT_FILTER;
/* How many subjects a bigram has: one probe of the counts the triggers keep
 * (subject-name-gram-counts.sql); 0 for a bigram no name has. A
 * two-character text with no other filter has exactly these matches. */
static const char SQL_GRAM_POSTINGS[] =
  "SELECT coalesce ((SELECT n FROM subject_name_gram_counts WHERE gram = ?1), 0)";

/* An estimated total (GET /subjects?total=estimate): the matches among
 * SAMPLE_WINDOWS runs of ids spread over the table, SAMPLE_ROWS ids in all,
 * scaled to the whole id range; ?17, ?18 the run's ids [from, to). */
static const char SQL_COUNT_SAMPLE[] =
  "SELECT count(*) FROM subjects WHERE id >= ?17 AND id < ?18 AND" ANY_REGION SUBJECT_FILTER;
static const char SQL_MAX_ID[] = "SELECT coalesce (max (id), 0) FROM subjects";
/* A text's estimate checks up to this many of its rarest bigram's subjects
 * in each of the SAMPLE_WINDOWS runs of ids: 1,024 look-ups by id in all,
 * about a sixth of reading 8,000 names, and every one a candidate. */
#define GRAM_SAMPLE_RUN  128
/* An estimated total of a text: the rarest bigram's postings (?15) in a run
 * of ids [?17, ?18), at most GRAM_SAMPLE_RUN of them, and how many of those
 * subjects the whole filter matches. */
static const char SQL_GRAM_SAMPLE[] =
  "SELECT count(*), coalesce (sum (CASE WHEN" ANY_REGION SUBJECT_FILTER " THEN 1 ELSE 0 END), 0)"
  " FROM (SELECT subject_id FROM subject_name_grams"
  "       WHERE gram = ?15 AND subject_id >= ?17 AND subject_id < ?18"
  "       ORDER BY subject_id LIMIT " G_STRINGIFY (GRAM_SAMPLE_RUN) ") AS g"
  " JOIN subjects ON subjects.id = g.subject_id";
/* A long identifier prefix's matches, counting no further than ?17. */
static const char SQL_COUNT_RANGE_CAPPED[] =
  "SELECT count(*) FROM (SELECT 1 FROM subjects WHERE identifier >= ?6 AND identifier < ?7 AND"
  ANY_REGION SUBJECT_FILTER " LIMIT ?17) AS capped";

#define SAMPLE_WINDOWS   8
#define SAMPLE_ROWS      8000
/* Counted exactly when it costs no more than about this many look-ups:
 * candidates looked up by id, rows of an identifier range (a two-character
 * text alone is always exact: its bigram's count is one probe). */
#define EXACT_CANDIDATES 2000
#define EXACT_RANGE      5000

/* Up to this many candidates the index answers a page; a text whose every
 * bigram is commoner matches densely, and walking the chosen order with the
 * filter fills a page sooner than sorting the candidates would. */
#define GRAM_CANDIDATES_MAX 20000

/* A subject looked up by id from a bigram's postings costs about as much as
 * reading this many names in the name index's order (bench/README.md: the
 * 60,000 subjects of 贸易 took as long as a scan of 1,000,000 names): an
 * exact count starts from the rarest bigram's postings when they are fewer
 * than the table's ids over this. */
#define GRAM_LOOKUP_COST 16

/* From this length on a prefix goes past the 市县 part of a USCC. */
#define SELECTIVE_PREFIX 9

typedef struct
{
  gint64 gram;        /* the rarest bigram of the text, 0 when none */
  gint64 postings;    /* its subjects, exactly (the counts' probe) */
  guint  n_grams;     /* distinct bigrams of the text */
  guint  n_chars;
} NameGrams;

/* Finds the rarest bigram of @text, as subject-name-grams.sql computes
 * them (code points, side by side). */
static gboolean
rarest_gram (HcsStore    *store,
             const char  *text,
             NameGrams   *out,
             GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *grams = NULL;
  gunichar prev = 0;
  guint n = 0;

  *out = (NameGrams) { 0, };
  out->n_chars = (guint) g_utf8_strlen (text, -1);
  if (out->n_chars < 2)
    return TRUE;
  grams = g_new (gint64, out->n_chars);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (p != text)
        {
          gint64 g = (gint64) prev * 2097152 + (gint64) c;

          if (!g_hash_table_contains (seen, &g))
            {
              grams[n] = g;
              g_hash_table_add (seen, &grams[n]);
              n++;
            }
        }
      prev = c;
    }
  out->n_grams = n;
  out->postings = G_MAXINT64;
  out->gram = grams[0];
  /* One probe of the counts a bigram (no posting is read). */
  for (guint i = 0; i < n && out->postings > 0; i++)
    {
      HcsStmt *stmt = hcs_store_prepare (store, SQL_GRAM_POSTINGS, error);
      gint64 count;

      if (stmt == NULL)
        return FALSE;
      hcs_stmt_bind_int64 (stmt, 1, grams[i]);
      count = hcs_store_single_int (store, stmt, error);
      if (count < 0)
        return FALSE;
      if (count < out->postings)
        {
          out->postings = count;
          out->gram = grams[i];
        }
    }
  return TRUE;
}

/* The filter's ?1 … ?8 (see above). */
#define SUBJECT_WHERE(filter, prefix_end) \
  { HCS_STORE_TEXT ((filter)->region), HCS_STORE_TEXT ((filter)->type), \
    HCS_STORE_TEXT ((filter)->grade), HCS_STORE_TEXT ((filter)->status), \
    HCS_STORE_TEXT ((filter)->name_part), HCS_STORE_TEXT ((filter)->prefix), \
    HCS_STORE_TEXT (prefix_end), HCS_STORE_INT ((filter)->see_persons ? 1 : 0) }

/* Whether the text is the only filter. */
static gboolean
only_text (const HcsSubjectFilter *filter)
{
  return filter->prefix == NULL && filter->region == NULL && filter->type == NULL &&
         filter->grade == NULL && filter->status == NULL;
}

/* No text: the counts the triggers keep per type, region, status and grade
 * (schema/subject-counts.sql) are the count. */
static gboolean
counted_by_filter (const HcsSubjectFilter *filter)
{
  return filter->name_part == NULL && filter->prefix == NULL;
}

/* Two characters and no other filter: the bigram's subjects are the
 * matches, their count kept by the triggers (subject-name-gram-counts.sql). */
static gboolean
counted_by_gram (const HcsSubjectFilter *filter,
                 const NameGrams        *grams)
{
  return grams->gram != 0 && grams->n_chars == 2 && only_text (filter);
}

/* Whether the exact count of @filter's matches is one probe of the counts
 * the triggers keep, and so never worth remembering. */
static gboolean
count_is_kept (const HcsSubjectFilter *filter,
               const NameGrams        *grams)
{
  return counted_by_filter (filter) || counted_by_gram (filter, grams);
}

static gint64
max_subject_id (HcsStore  *store,
                GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_MAX_ID, error);

  return stmt != NULL ? hcs_store_single_int (store, stmt, error) : -1;
}

/* Whether the rarest bigram's subjects are the candidates to read: few
 * (GRAM_CANDIDATES_MAX), or, each looked up by its id, dearer than reading
 * the names in order. Returns: 1 or 0, -1 with @error set. */
static int
postings_worth_reading (HcsStore         *store,
                        const NameGrams  *grams,
                        GError          **error)
{
  gint64 max_id;

  if (grams->postings <= GRAM_CANDIDATES_MAX)
    return 1;
  if ((max_id = max_subject_id (store, error)) < 0)
    return -1;
  return grams->postings < max_id / GRAM_LOOKUP_COST ? 1 : 0;
}

static gint64
count_matches (HcsStore                *store,
               const HcsSubjectFilter  *filter,
               const NameGrams         *grams,
               const HcsStoreValue     *where,
               guint                    n_where,
               GError                 **error)
{
  gboolean prefix_only = filter->prefix != NULL && filter->name_part == NULL;
  int from_postings = 0;

  if (counted_by_filter (filter))
    return hcs_store_subjects_count_kept (store, filter, error);
  if (counted_by_gram (filter, grams))
    return grams->postings;
  /* Few candidates: count those. Many: every one of them would be looked
   * up by its id, and reading the names in order is quicker. */
  if (grams->gram != 0 && (from_postings = postings_worth_reading (store, grams, error)) < 0)
    return -1;
  if (from_postings)
    {
      HcsStmt *stmt;

      stmt = hcs_store_prepare (store, SQL_GRAM_COUNT, error);
      if (stmt == NULL)
        return -1;
      hcs_store_bind_filter (stmt, where, n_where);
      hcs_stmt_bind_int64 (stmt, 15, grams->gram);
      return hcs_store_single_int (store, stmt, error);
    }
  if (prefix_only)
    return hcs_store_count_filtered (store, SQL_COUNT_RANGE, where, n_where, error);
  if (filter->region != NULL)
    return hcs_store_count_filtered (store, SQL_COUNT_IN_REGION, where, n_where, error);
  return hcs_store_count_filtered (store, SQL_COUNT, where, n_where, error);
}

/* count_matches(), remembered while no subject is written when it has to
 * count (hcs-store-subjects-cache.c): a text whose every bigram is common
 * reads every name, and the pane asks that count each time it is searched. */
static gint64
count_remembered (HcsStore                *store,
                  const HcsSubjectFilter  *filter,
                  const NameGrams         *grams,
                  const HcsStoreValue     *where,
                  guint                    n_where,
                  GError                 **error)
{
  gint64 generation, n;

  if (count_is_kept (filter, grams))
    return count_matches (store, filter, grams, where, n_where, error);
  n = hcs_store_subjects_count_remembered (store, filter, &generation, error);
  if (n >= 0 || n == -2)
    return n == -2 ? -1 : n;
  n = count_matches (store, filter, grams, where, n_where, error);
  hcs_store_subjects_count_remember (store, filter, generation, n);
  return n;
}

static gint64
single_count (HcsStore             *store,
              const char           *sql,
              const HcsStoreValue  *where,
              guint                 n_where,
              gint64                from,
              gint64                to,
              GError              **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, sql, error);

  if (stmt == NULL)
    return -1;
  hcs_store_bind_filter (stmt, where, n_where);
  hcs_stmt_bind_int64 (stmt, 17, from);
  if (to >= 0)
    hcs_stmt_bind_int64 (stmt, 18, to);
  return hcs_store_single_int (store, stmt, error);
}

/* The total of a page asked with total=estimate: exact when it is cheap
 * (the first page holds every match, a small table, a rare bigram, a short
 * identifier range), else estimated from a sample of the table, never below
 * the rows the page shows. @n_rows: the rows read for the page (up to its
 * limit + 1). */
static gint64
estimate_matches (HcsStore                *store,
                  const HcsSubjectFilter  *filter,
                  const HcsPage           *page,
                  const NameGrams         *grams,
                  const HcsStoreValue     *where,
                  guint                    n_where,
                  guint                    n_rows,
                  gboolean                *exact,
                  GError                 **error)
{
  gboolean more = n_rows > page->limit;
  gboolean from_start = page->after_id <= 0 && page->after_key == NULL && filter->from_end < 0;
  gint64 seen = filter->offset + MIN (n_rows, page->limit) + (more ? 1 : 0);
  gint64 max_id, hits = 0, estimate;
  HcsStmt *stmt;
  int rc;

  *exact = TRUE;
  /* The page holds the last match. */
  if (from_start && !more && (n_rows > 0 || filter->offset == 0))
    return filter->offset + n_rows;
  /* No text: exact, and no dearer than a page (issue 12). */
  if (counted_by_filter (filter))
    return hcs_store_subjects_count_kept (store, filter, error);

  if ((max_id = max_subject_id (store, error)) < 0)
    return -1;
  /* A small table: counted. Two characters alone: the bigram's count. */
  if (max_id <= SAMPLE_ROWS ||
      (grams->gram != 0 && grams->postings <= EXACT_CANDIDATES) ||
      counted_by_gram (filter, grams))
    return count_matches (store, filter, grams, where, n_where, error);
  if (filter->prefix != NULL && filter->name_part == NULL && strlen (filter->prefix) >= SELECTIVE_PREFIX)
    {
      gint64 n = single_count (store, SQL_COUNT_RANGE_CAPPED, where, n_where, EXACT_RANGE + 1, -1, error);

      if (n < 0 || n <= EXACT_RANGE)
        return n;
      seen = MAX (seen, n);
    }

  *exact = FALSE;
  /* A text (not an identifier too): the share of its rarest bigram's
   * subjects that match, sampled, times their exact count. */
  if (grams->gram != 0 && filter->prefix == NULL)
    {
      gint64 sampled = 0;

      for (guint w = 0; w < SAMPLE_WINDOWS; w++)
        {
          gint64 from = 1 + max_id * w / SAMPLE_WINDOWS;
          gint64 to = 1 + max_id * (w + 1) / SAMPLE_WINDOWS;

          stmt = hcs_store_prepare (store, SQL_GRAM_SAMPLE, error);
          if (stmt == NULL)
            return -1;
          hcs_store_bind_filter (stmt, where, n_where);
          hcs_stmt_bind_int64 (stmt, 15, grams->gram);
          hcs_stmt_bind_int64 (stmt, 17, from);
          hcs_stmt_bind_int64 (stmt, 18, w + 1 == SAMPLE_WINDOWS ? max_id + 1 : to);
          rc = hcs_store_step (store, stmt, error);
          if (rc < 0)
            return -1;
          if (rc == HCS_STMT_ROW)
            {
              sampled += hcs_stmt_column_int64 (stmt, 0);
              hits += hcs_stmt_column_int64 (stmt, 1);
            }
          hcs_stmt_reset (stmt);
        }
      if (sampled > 0)
        {
          estimate = (gint64) ((double) hits * (double) grams->postings / (double) sampled + 0.5);
          estimate = MIN (MAX (estimate, seen), grams->postings);
          return MAX (estimate, seen);
        }
    }
  for (guint w = 0; w < SAMPLE_WINDOWS; w++)
    {
      gint64 from = 1 + max_id * w / SAMPLE_WINDOWS;
      gint64 n = single_count (store, SQL_COUNT_SAMPLE, where, n_where,
                               from, from + SAMPLE_ROWS / SAMPLE_WINDOWS, error);

      if (n < 0)
        return -1;
      hits += n;
    }
  estimate = (gint64) ((double) hits * (double) max_id / SAMPLE_ROWS + 0.5);
  /* Never fewer than the rows known, never more than a bigram's subjects. */
  estimate = MAX (estimate, seen);
  if (grams->gram != 0)
    estimate = MIN (estimate, grams->postings + (filter->prefix != NULL ? max_id : 0));
  return MAX (estimate, seen);
}

/**
 * hcs_store_subjects_list:
 * @total: (out) (optional): the count of all matches when the page asks,
 *   else -1; with @filter->estimate_total an estimate when counting would
 *   be dear
 * @total_exact: (out) (optional): whether @total is the exact count
 *
 * Returns: (transfer full): up to @page->limit + 1 subjects in the order of
 *   @filter->sort, starting after the page's cursor, as plain rows (the
 *   route writes their JSON text straight from them)
 */
HcsRows *
hcs_store_subjects_list (HcsStore                *store,
                         const HcsSubjectFilter  *filter,
                         const HcsPage           *page,
                         gint64                  *total,
                         gboolean                *total_exact,
                         GError                 **error)
{
  g_autofree char *prefix_end = filter->prefix != NULL ? g_strconcat (filter->prefix, "~", NULL) : NULL;
  const HcsStoreValue where[] = SUBJECT_WHERE (filter, prefix_end);
  gboolean prefix_only = filter->prefix != NULL && filter->name_part == NULL;
  gboolean in_region = filter->region != NULL;
  const char *sql;
  const char *join_sql = NULL;
  HcsStmt *stmt;
  g_autoptr(HcsRows) rows = NULL;
  NameGrams grams = { 0, };

  g_return_val_if_fail (store != NULL && filter != NULL && page != NULL, NULL);

  if (filter->name_part != NULL && !rarest_gram (store, filter->name_part, &grams, error))
    return NULL;

  /* A text alone (not an identifier too) in id order: its rarest bigram's
   * postings in order, when they are few or when looking each up costs less
   * than walking the table to the same matches. */
  if (grams.gram != 0 && filter->prefix == NULL &&
      (filter->from_end >= 0 || filter->sort == HCS_SUBJECT_SORT_ID))
    {
      int walk_postings = postings_worth_reading (store, &grams, error);

      if (walk_postings < 0)
        return NULL;
      if (walk_postings)
        join_sql = filter->from_end >= 0 ? SQL_GRAM_JOIN_BY_ID_DESC : SQL_GRAM_JOIN_BY_ID;
    }

  if (join_sql != NULL)
    sql = join_sql;
  else if (filter->from_end >= 0)
    sql = grams.gram != 0 && grams.postings <= GRAM_CANDIDATES_MAX ? SQL_GRAM_BY_ID_DESC
        : prefix_only && strlen (filter->prefix) >= SELECTIVE_PREFIX ? SQL_LIST_RANGE_DESC
        : in_region ? SQL_LIST_BY_ID_DESC_IN_REGION : SQL_LIST_BY_ID_DESC;
  else if (grams.gram != 0 && grams.postings <= GRAM_CANDIDATES_MAX)
    sql = filter->sort == HCS_SUBJECT_SORT_IDENTIFIER ? SQL_GRAM_BY_IDENTIFIER
        : filter->sort == HCS_SUBJECT_SORT_NAME ? SQL_GRAM_BY_NAME : SQL_GRAM_BY_ID;
  else if (filter->sort == HCS_SUBJECT_SORT_IDENTIFIER)
    sql = in_region ? SQL_LIST_BY_IDENTIFIER_IN_REGION : SQL_LIST_BY_IDENTIFIER;
  else if (prefix_only && strlen (filter->prefix) >= SELECTIVE_PREFIX)
    sql = SQL_LIST_RANGE;
  else if (filter->sort == HCS_SUBJECT_SORT_NAME)
    sql = in_region ? SQL_LIST_BY_NAME_IN_REGION : SQL_LIST_BY_NAME;
  else
    sql = in_region ? SQL_LIST_BY_ID_IN_REGION : SQL_LIST_BY_ID;

  stmt = hcs_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  hcs_store_bind_filter (stmt, where, G_N_ELEMENTS (where));
  hcs_stmt_bind_int64 (stmt, 9, (gint64) page->limit + 1);
  hcs_stmt_bind_int64 (stmt, 10, MAX (page->after_id, 0));
  if (sql == SQL_LIST_BY_NAME || sql == SQL_LIST_BY_NAME_IN_REGION || sql == SQL_LIST_RANGE ||
      sql == SQL_GRAM_BY_NAME)
    hcs_store_bind_text (stmt, 11, page->after_key ? page->after_key : "");
  if (sql == SQL_LIST_BY_IDENTIFIER || sql == SQL_LIST_BY_IDENTIFIER_IN_REGION ||
      sql == SQL_GRAM_BY_IDENTIFIER)
    {
      hcs_store_bind_text (stmt, 12, prefix_only ? filter->prefix : "");
      hcs_store_bind_text (stmt, 13, prefix_only ? prefix_end : "~");
    }
  if (sql == SQL_LIST_RANGE)
    hcs_stmt_bind_int64 (stmt, 14, filter->sort == HCS_SUBJECT_SORT_NAME ? 1 : 0);
  if (sql == SQL_GRAM_BY_ID || sql == SQL_GRAM_BY_NAME || sql == SQL_GRAM_BY_IDENTIFIER ||
      sql == SQL_GRAM_BY_ID_DESC || sql == join_sql)
    hcs_stmt_bind_int64 (stmt, 15, grams.gram);
  hcs_stmt_bind_int64 (stmt, 16, filter->offset);
  if (filter->from_end > 0)
    {
      /* The row after the page too, so that the page has its cursor. */
      hcs_stmt_bind_int64 (stmt, 16, filter->from_end - 1);
    }
  else if (filter->from_end == 0)
    hcs_stmt_bind_int64 (stmt, 9, (gint64) page->limit);

  rows = hcs_store_rows_read (store, stmt, 0, error);
  if (rows == NULL)
    return NULL;
  if (filter->from_end >= 0)
    {
      /* Back into id order: the page, then the row after it if any. */
      guint n = hcs_rows_get_n_rows (rows);

      hcs_rows_reverse (rows);
      /* Fewer rows than the page reaches back: the list's start is in the
       * page; the row after it is no row of the page. */
      if (filter->from_end > 0 && n > 0 && n <= page->limit)
        hcs_rows_truncate (rows, n - 1);
    }

  if (total_exact != NULL)
    *total_exact = TRUE;
  if (total != NULL)
    {
      gboolean exact = TRUE;

      *total = -1;
      if (page->want_total && filter->estimate_total)
        *total = estimate_matches (store, filter, page, &grams, where, G_N_ELEMENTS (where),
                                   hcs_rows_get_n_rows (rows), &exact, error);
      else if (page->want_total)
        *total = count_remembered (store, filter, &grams, where, G_N_ELEMENTS (where), error);
      if (total_exact != NULL)
        *total_exact = exact;
      if (page->want_total && *total < 0)
        return NULL;
    }
  return g_steal_pointer (&rows);
}
