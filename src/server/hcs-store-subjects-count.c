/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The exact count of subjects without a text filter, from the counts the
 * triggers keep (schema/subject-counts.sql, issue 12). */
#define G_LOG_DOMAIN "hcs-store-subjects"

#include "config.h"

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
