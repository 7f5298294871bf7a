/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL of 归集 over SQLite: a big import's record table's own indexes
 * dropped in its transaction and built again, sorted, once its rows are in
 * (src/server/DESIGN.md; the choice is want_deferred_indexes() in
 * hcs-import.c). */
#define G_LOG_DOMAIN "hcs-store-imports"

#include "config.h"

#include "hcs-store-imports.h"
#include "hcs-store-private.h"

/* A record table's own indexes (CREATE INDEX, not its keys: the UNIQUE
 * number's index stays, it finds the duplicates), with their planner
 * statistics. */
static const char SQL_TABLE_INDEXES[] =
  "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name";
static const char SQL_HAS_STAT1[] = "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'";
static const char SQL_INDEX_STAT[] = "SELECT stat FROM sqlite_stat1 WHERE tbl = ?1 AND idx = ?2";
static const char SQL_PUT_INDEX_STAT[] = "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?1, ?2, ?3)";

typedef struct
{
  char *name;
  char *sql;       /* its CREATE INDEX, as the schema has it */
  char *stat;      /* its sqlite_stat1 row, or NULL */
} DeferredIndex;

struct _HcsDeferredIndexes
{
  char   *table;
  GArray *indexes;  /* DeferredIndex */
};

static void
deferred_index_clear (gpointer data)
{
  DeferredIndex *d = data;

  g_free (d->name);
  g_free (d->sql);
  g_free (d->stat);
}

void
hcs_deferred_indexes_free (HcsDeferredIndexes *deferred)
{
  if (deferred == NULL)
    return;
  g_free (deferred->table);
  g_array_unref (deferred->indexes);
  g_free (deferred);
}

/* Runs @sql_format with the quoted name(s) (sqlite3_mprintf's %w). */
static gboolean
exec_named (HcsStore    *store,
            GError     **error,
            const char  *sql_format,
            ...)
{
  va_list args;
  char *sql;
  gboolean ok;

  va_start (args, sql_format);
  sql = sqlite3_vmprintf (sql_format, args);
  va_end (args);
  ok = hcs_store_exec (store, sql, error);
  sqlite3_free (sql);
  return ok;
}

/**
 * hcs_store_imports_defer_indexes:
 *
 * Drops the own indexes of @table (penalties_subject and the like: an
 * entry per record at a random place, half of a big import's B-tree work)
 * in the caller's transaction, to build them again, sorted, once the
 * import's rows are in (hcs_store_imports_rebuild_indexes()). A rollback
 * brings them back as they were; other connections read their snapshot,
 * indexes included, until the commit. Over PostgreSQL, where the rows are
 * staged and written in one insert, nothing is dropped.
 *
 * Returns: (transfer full): what was dropped (maybe nothing), %NULL on error
 */
HcsDeferredIndexes *
hcs_store_imports_defer_indexes (HcsStore        *store,
                                 HcsRecordTable   table,
                                 GError         **error)
{
  static const char *const tables[] = { "penalties", "licenses", "commitments" };
  g_autoptr(HcsDeferredIndexes) deferred = g_new0 (HcsDeferredIndexes, 1);
  HcsStmt *stmt;
  gboolean stats;
  int rc;

  g_return_val_if_fail (table < HCS_RECORD_SUBJECT, NULL);
  deferred->table = g_strdup (tables[table]);
  deferred->indexes = g_array_new (FALSE, TRUE, sizeof (DeferredIndex));
  g_array_set_clear_func (deferred->indexes, deferred_index_clear);
  if (hcs_store_is_pg (store))
    return g_steal_pointer (&deferred);

  if ((stmt = hcs_store_prepare (store, SQL_HAS_STAT1, error)) == NULL ||
      (rc = hcs_store_single_int (store, stmt, error)) < 0)
    return NULL;
  stats = rc > 0;
  if ((stmt = hcs_store_prepare (store, SQL_TABLE_INDEXES, error)) == NULL)
    return NULL;
  hcs_stmt_bind_text_static (stmt, 1, deferred->table);
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    {
      DeferredIndex d = { g_strdup (hcs_stmt_column_text (stmt, 0)), g_strdup (hcs_stmt_column_text (stmt, 1)), NULL };

      g_array_append_val (deferred->indexes, d);
    }
  hcs_stmt_reset (stmt);
  if (rc != HCS_STMT_DONE)
    return NULL;

  for (guint i = 0; i < deferred->indexes->len; i++)
    {
      DeferredIndex *d = &g_array_index (deferred->indexes, DeferredIndex, i);

      /* DROP INDEX deletes the index's statistics: kept to be put back */
      if (stats)
        {
          if ((stmt = hcs_store_prepare (store, SQL_INDEX_STAT, error)) == NULL)
            return NULL;
          hcs_stmt_bind_text_static (stmt, 1, deferred->table);
          hcs_stmt_bind_text_static (stmt, 2, d->name);
          if ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
            d->stat = g_strdup (hcs_stmt_column_text (stmt, 0));
          hcs_stmt_reset (stmt);
          if (rc < 0)
            return NULL;
        }
      if (!exec_named (store, error, "DROP INDEX \"%w\"", d->name))
        return NULL;
    }
  return g_steal_pointer (&deferred);
}

static const char SQL_TEMP_STORE[] = "PRAGMA temp_store";
static const char SQL_CACHE_SIZE[] = "PRAGMA cache_size";

/* CREATE INDEX sorts the entries. With temporary storage in memory (the
 * connection's setting) SQLite sorts them all in one linked list, an
 * allocation and a cache miss each: 1.5 s of CPU for a million. With
 * temporary files it sorts runs the size of the page cache and merges
 * them; runs of 2 MB took half the time (bench/README.md), written to a
 * temporary file (SQLITE_TMPDIR, TMPDIR or /var/tmp) of about 20 bytes an
 * entry. Both settings are the connection's, set back after the build. A
 * connection whose temporary database is open cannot change its storage in
 * a transaction: it sorts in memory. */
static gboolean
build_indexes (HcsStore            *store,
               HcsDeferredIndexes  *deferred,
               GError             **error)
{
  HcsStmt *stmt;
  gint64 temp_store, cache_size;
  gboolean sort_in_files;
  gboolean ok = TRUE;
  g_autoptr(GError) local = NULL;
  g_autofree char *restore = NULL;

  if ((stmt = hcs_store_prepare (store, SQL_TEMP_STORE, error)) == NULL ||
      (temp_store = hcs_store_single_int (store, stmt, error)) < 0 ||
      (stmt = hcs_store_prepare (store, SQL_CACHE_SIZE, error)) == NULL)
    return FALSE;
  cache_size = hcs_store_single_int (store, stmt, &local);   /* negative: KiB */
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  sort_in_files = hcs_store_exec (store, "PRAGMA temp_store = FILE;", &local);
  if (!sort_in_files)
    g_debug ("indexes sorted in memory: %s", local->message);
  g_clear_error (&local);
  if (sort_in_files && !hcs_store_exec (store, "PRAGMA cache_size = -2048;", error))
    ok = FALSE;

  for (guint i = 0; ok && i < deferred->indexes->len; i++)
    ok = hcs_store_exec (store, g_array_index (deferred->indexes, DeferredIndex, i).sql, error);

  if (sort_in_files)
    {
      restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT "; PRAGMA temp_store = %" G_GINT64_FORMAT ";",
                                 cache_size, temp_store);
      if (!hcs_store_exec (store, restore, ok ? error : NULL))
        ok = FALSE;
    }
  return ok;
}

/**
 * hcs_store_imports_rebuild_indexes:
 *
 * Builds the indexes @deferred dropped again, as they were declared, with
 * their statistics as they were (the import without the drop would not
 * have changed them either).
 */
gboolean
hcs_store_imports_rebuild_indexes (HcsStore            *store,
                                   HcsDeferredIndexes  *deferred,
                                   GError             **error)
{
  if (deferred->indexes->len > 0 && !build_indexes (store, deferred, error))
    return FALSE;
  for (guint i = 0; i < deferred->indexes->len; i++)
    {
      DeferredIndex *d = &g_array_index (deferred->indexes, DeferredIndex, i);
      HcsStmt *stmt;

      if (d->stat == NULL)
        continue;
      if ((stmt = hcs_store_prepare (store, SQL_PUT_INDEX_STAT, error)) == NULL)
        return FALSE;
      hcs_stmt_bind_text_static (stmt, 1, deferred->table);
      hcs_stmt_bind_text_static (stmt, 2, d->name);
      hcs_stmt_bind_text_static (stmt, 3, d->stat);
      if (!hcs_store_step_done (store, stmt, error))
        return FALSE;
    }
  g_array_set_size (deferred->indexes, 0);
  return TRUE;
}
