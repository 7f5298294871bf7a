/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The exact count of subjects without a text filter, from the counts the
 * triggers keep (schema/subject-counts.sql, issue 12); over PostgreSQL, the
 * name bigrams' counts deferred during a bulk load. */
#define G_LOG_DOMAIN "hcs-store-subjects"

#include "config.h"

#include "hcs-store-pg.h"
#include "hcs-store-private.h"
#include "hcs-store-subjects.h"

/* At most 3 types × 19 regions × 3 statuses × 5 grades rows summed, where a
 * count over the subjects reads an index of every one of them. */
static const char SQL_KEPT_COUNT[] =
  "SELECT coalesce (sum (n), 0) FROM subject_counts"
  " WHERE (?1 IS NULL OR region = ?1) AND (?2 IS NULL OR type = ?2)"
  " AND (?3 IS NULL OR grade = ?3) AND (?4 IS NULL OR status = ?4)";

/**
 * hcs_store_subjects_count_kept:
 * @filter: its region, type, grade and status filter; it must have no text
 *   (name_part and prefix %NULL)
 *
 * Returns: the exact number of subjects @filter matches, -1 with @error set
 */
gint64
hcs_store_subjects_count_kept (HcsStore                *store,
                               const HcsSubjectFilter  *filter,
                               GError                 **error)
{
  HcsStmt *stmt;

  g_return_val_if_fail (store != NULL && filter != NULL, -1);
  g_return_val_if_fail (filter->name_part == NULL && filter->prefix == NULL, -1);

  stmt = hcs_store_prepare (store, SQL_KEPT_COUNT, error);
  if (stmt == NULL)
    return -1;
  hcs_store_bind_text (stmt, 1, filter->region);
  hcs_store_bind_text (stmt, 2, filter->type);
  hcs_store_bind_text (stmt, 3, filter->grade);
  hcs_store_bind_text (stmt, 4, filter->status);
  return hcs_store_single_int (store, stmt, error);
}

/* Over PostgreSQL the count of a bigram is one row updated for every
 * subject whose name has it; in one transaction each update leaves a row
 * version that the next one walks past (none can be pruned before the
 * commit), so a bulk load of n subjects costs O(n²) on the common bigrams
 * (有限, 公司): the demo's 105,000 subjects took hours. A bulk load defers
 * the count trigger for its transaction (ALTER TABLE is transactional: a
 * rollback brings the trigger back) and counts the postings once at the
 * end. Over SQLite, whose rows have no versions, the trigger stays. */
static const char PG_NAME_COUNTS_DEFER[] =
  "ALTER TABLE subject_name_grams DISABLE TRIGGER subject_name_grams_count_insert";
static const char PG_NAME_COUNTS_RECOUNT[] =
  "DELETE FROM subject_name_gram_counts;"
  "INSERT INTO subject_name_gram_counts (gram, n) SELECT gram, count(*) FROM subject_name_grams GROUP BY gram;"
  "ALTER TABLE subject_name_grams ENABLE TRIGGER subject_name_grams_count_insert";

/**
 * hcs_store_subjects_name_counts_defer:
 *
 * Inside a transaction: subjects inserted from now on are not counted per
 * bigram until hcs_store_subjects_name_counts_recount(), in the same
 * transaction. For a load into a database no one else writes (the demo).
 */
gboolean
hcs_store_subjects_name_counts_defer (HcsStore  *store,
                                      GError   **error)
{
  g_return_val_if_fail (store != NULL, FALSE);

  if (!hcs_store_is_pg (store))
    return TRUE;
  return hcs_store_exec (store, PG_NAME_COUNTS_DEFER, error);
}

/* Counts every bigram's postings again and keeps the counts from then on. */
gboolean
hcs_store_subjects_name_counts_recount (HcsStore  *store,
                                        GError   **error)
{
  g_return_val_if_fail (store != NULL, FALSE);

  if (!hcs_store_is_pg (store))
    return TRUE;
  return hcs_store_exec (store, PG_NAME_COUNTS_RECOUNT, error);
}
