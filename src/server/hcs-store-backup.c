/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backup and restore through SQLite's online backup API, and the integrity
 * check (`hncredit-server backup`, `restore`, `check`). */
#define G_LOG_DOMAIN "hcs-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hcs-store-backup.h"
#include "hcs-store-pg.h"
#include "hcs-store-private.h"

/* Copies every page of @source's "main" into @dest in one step: one read
 * transaction on @source, which in WAL mode does not hold up its writers,
 * so the copy is the database as of one commit, however busy it is. */
static gboolean
copy_pages (HcsStore  *dest,
            HcsStore  *source,
            GError   **error)
{
  sqlite3_backup *backup;
  int rc;

  backup = sqlite3_backup_init (hcs_store_get_db (dest), "main", hcs_store_get_db (source), "main");
  if (backup == NULL)
    return hcs_store_set_error (dest, sqlite3_extended_errcode (hcs_store_get_db (dest)), error);
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != HCS_STMT_DONE)
    return hcs_store_set_error (dest, rc, error);
  return TRUE;
}

static gboolean
fsync_path (const char  *path,
            int          flags,
            GError     **error)
{
  int fd = open (path, flags | O_CLOEXEC);
  int saved;

  if (fd < 0 || fsync (fd) != 0)
    {
      saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write %s to disk: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/**
 * hcs_store_copy_to:
 * @out_path: the copy; must not exist
 *
 * Writes a consistent copy of the database to @out_path while other
 * connections go on writing. The copy is written beside @out_path, put on
 * disk, checked, and only then renamed to @out_path: a failed backup leaves
 * no file that looks like one.
 */
gboolean
hcs_store_copy_to (HcsStore    *self,
                   const char  *out_path,
                   GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (out_path, ".part", NULL);
  g_autofree char *dir = g_path_get_dirname (out_path);
  g_autofree char *verdict = NULL;
  g_autoptr(HcsStore) dest = NULL;
  gboolean ok;

  if (g_file_test (out_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s exists already; a backup does not overwrite a file."), out_path);
      return FALSE;
    }
  g_remove (tmp_path);
  dest = hcs_store_open (tmp_path, error);
  ok = dest != NULL && copy_pages (dest, self, error);
  /* The copy as one file, without a WAL beside it. */
  ok = ok && hcs_store_exec (dest, "PRAGMA wal_checkpoint(TRUNCATE);", error);
  ok = ok && (verdict = hcs_store_integrity_check (dest, error)) != NULL;
  if (ok && !g_str_equal (verdict, "ok"))
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_CORRUPT,
                   _("The copy failed its integrity check: %s"), verdict);
      ok = FALSE;
    }
  g_clear_pointer (&dest, hcs_store_free);
  ok = ok && fsync_path (tmp_path, O_RDONLY, error);
  if (ok && g_rename (tmp_path, out_path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot rename %s to %s: %s"), tmp_path, out_path, g_strerror (saved));
      ok = FALSE;
    }
  ok = ok && fsync_path (dir, O_RDONLY | O_DIRECTORY, error);
  if (!ok)
    {
      g_autofree char *wal = g_strconcat (tmp_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (tmp_path, "-shm", NULL);

      g_remove (tmp_path);
      g_remove (wal);
      g_remove (shm);
    }
  return ok;
}

/**
 * hcs_store_copy_from:
 * @source: a backup, checked by the caller
 *
 * Replaces the whole content of @self's database by @source's, in one
 * transaction of @self's: other connections see the old database or the
 * restored one, never a mix.
 */
gboolean
hcs_store_copy_from (HcsStore  *self,
                     HcsStore  *source,
                     GError   **error)
{
  return copy_pages (self, source, error);
}

/**
 * hcs_store_integrity_check:
 *
 * Runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check`; over
 * PostgreSQL, hcs_pg_check() (schema version, tables kept by triggers).
 *
 * Returns: (transfer full): "ok", or the problems found, one a line; %NULL
 *   with @error set when the check could not run
 */
char *
hcs_store_integrity_check (HcsStore  *self,
                           GError   **error)
{
  static const char sql_integrity[] = "PRAGMA integrity_check";
  static const char sql_foreign_keys[] = "PRAGMA foreign_key_check";
  g_autoptr(GString) problems = g_string_new (NULL);
  HcsStmt *stmt;
  int rc;

  if (hcs_store_is_pg (self))
    return hcs_pg_check (hcs_store_get_pg (self), HCS_SCHEMA_VERSION, error);
  if ((stmt = hcs_store_prepare (self, sql_integrity, error)) == NULL)
    return NULL;
  while ((rc = hcs_store_step (self, stmt, error)) == HCS_STMT_ROW)
    {
      const char *line = hcs_stmt_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s\n", line ? line : "?");
    }
  if (rc < 0)
    return NULL;
  hcs_stmt_reset (stmt);

  if ((stmt = hcs_store_prepare (self, sql_foreign_keys, error)) == NULL)
    return NULL;
  while ((rc = hcs_store_step (self, stmt, error)) == HCS_STMT_ROW)
    g_string_append_printf (problems, "foreign key: %s row %lld → %s\n",
                            hcs_stmt_column_text (stmt, 0),
                            (long long) hcs_stmt_column_int64 (stmt, 1),
                            hcs_stmt_column_text (stmt, 2));
  if (rc < 0)
    return NULL;
  hcs_stmt_reset (stmt);

  if (problems->len == 0)
    return g_strdup ("ok");
  g_string_truncate (problems, problems->len - 1);
  return g_string_free (g_steal_pointer (&problems), FALSE);
}

/* Returns: (transfer full) (nullable): over PostgreSQL, the schema version
 * and the main tables' rows (%NULL over SQLite, or with @error set) */
char *
hcs_store_summary (HcsStore  *self,
                   GError   **error)
{
  if (!hcs_store_is_pg (self))
    return NULL;
  return hcs_pg_summary (hcs_store_get_pg (self), error);
}
