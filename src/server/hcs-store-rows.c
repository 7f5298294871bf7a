/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A statement's rows read into HcsRows (hcs-rows.h), for the answers
 * written as JSON text straight from them. */
#define G_LOG_DOMAIN "hcs-store"

#include "config.h"

#include "hcs-store-private.h"

/**
 * hcs_store_rows_read:
 * @max_rows: stop after this many rows (0: no limit)
 *
 * Steps @stmt as hcs_store_rows_array() does, keeping the rows as plain
 * values (HcsRows) instead of a JsonObject each.
 *
 * Returns: (transfer full): the rows, or %NULL with @error set
 */
HcsRows *
hcs_store_rows_read (HcsStore  *self,
                     HcsStmt   *stmt,
                     guint      max_rows,
                     GError   **error)
{
  static const char * const no_columns[] = { "", NULL };
  g_autoptr(HcsRows) rows = NULL;
  int n = 0;
  int rc;

  while ((rc = hcs_store_step (self, stmt, error)) == HCS_STMT_ROW)
    {
      /* The columns once the statement has run: over PostgreSQL there is
       * no result to name them before the first step. */
      if (rows == NULL)
        {
          g_autofree const char **names = NULL;

          n = hcs_stmt_column_count (stmt);
          names = g_new0 (const char *, MAX (n, 1) + 1);
          for (int i = 0; i < n; i++)
            names[i] = hcs_stmt_column_name (stmt, i);
          rows = hcs_rows_new ((guint) MAX (n, 1), n > 0 ? names : no_columns);
        }
      for (int i = 0; i < n; i++)
        switch (hcs_stmt_column_type (stmt, i))
          {
          case HCS_STMT_INTEGER:
            hcs_rows_add_int (rows, hcs_stmt_column_int64 (stmt, i));
            break;
          case HCS_STMT_FLOAT:
            hcs_rows_add_double (rows, hcs_stmt_column_double (stmt, i));
            break;
          case HCS_STMT_NULL:
            hcs_rows_add_null (rows);
            break;
          default:
            {
              const char *text = hcs_stmt_column_text (stmt, i);

              hcs_rows_add_text (rows, text, text ? (gsize) hcs_stmt_column_bytes (stmt, i) : 0);
            }
            break;
          }
      if (max_rows > 0 && hcs_rows_get_n_rows (rows) >= max_rows)
        break;
    }
  hcs_stmt_reset (stmt);
  if (rc < 0)
    return NULL;
  /* No row: no column is read. */
  if (rows == NULL)
    rows = hcs_rows_new (1, no_columns);
  return g_steal_pointer (&rows);
}
