/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `hncredit-server backup --db PATH OUT`: a copy of the database while the
 * server goes on serving (SQLite's online backup), checked before it is
 * given its name. `restore --db PATH BACKUP`: the database replaced by a
 * checked backup. `check --db PATH`: the integrity check. Over PostgreSQL
 * (`--db postgresql://…`) check runs hcs_pg_check(); backup and restore
 * refuse, naming pg_dump, pg_restore and pg_basebackup, PostgreSQL's own
 * tools (README, Deployment). */
#define G_LOG_DOMAIN "hncredit-server"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

#include "hcs-backup.h"
#include "hcs-store-backup.h"
#include "hcs-store-pg.h"

/* Parses `--db PATH [FILE]`; @file_label is NULL when no file is taken;
 * @usage is said when they are not given. */
static gboolean
parse (const char  *name,
       const char  *summary,
       const char  *file_label,
       const char  *usage,
       int         *argc,
       char      ***argv,
       char       **db_path,
       char       **file)
{
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, db_path, N_("The SQLite database, or a postgresql:// URI"), N_("PATH") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, file_label },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (summary);
  g_autoptr(GError) error = NULL;
  guint n_files;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("hncredit-server %s: %s\n", name, error->message);
      return FALSE;
    }
  n_files = files ? g_strv_length (files) : 0;
  if (*db_path == NULL || n_files != (file_label ? 1u : 0u))
    {
      g_printerr ("hncredit-server %s: %s\n", name, usage);
      return FALSE;
    }
  if (file != NULL)
    *file = g_strdup (files[0]);
  return TRUE;
}

/* Opens an existing database: a path that names no file is an error here,
 * not a new empty database. */
static HcsStore *
open_existing (const char  *path,
               GError     **error)
{
  if (!hcs_pg_is_uri (path) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("There is no database at %s."), path);
      return NULL;
    }
  return hcs_store_open (path, error);
}

int
hcs_backup_main (int    argc,
                 char  *argv[])
{
  g_autofree char *db_path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(HcsStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse ("backup", _("OUT — copy the database while the server runs"), N_("OUT"),
              _("give --db PATH and the file OUT to write"), &argc, &argv, &db_path, &out))
    return 2;
  if (hcs_pg_is_uri (db_path))
    {
      g_printerr ("hncredit-server backup: %s\n",
                  _("The database is PostgreSQL, which this command does not copy; nothing was written. Back it up "
                    "with PostgreSQL's own tools while the servers run: pg_dump --format=custom --file=OUT DBNAME "
                    "for the database, or pg_basebackup for the whole cluster (see README, Deployment)."));
      return 1;
    }
  store = open_existing (db_path, &error);
  if (store == NULL || !hcs_store_copy_to (store, out, &error))
    {
      g_printerr ("hncredit-server backup: %s\n", error->message);
      return 1;
    }
  g_print (_("backup of %s written to %s; its integrity check: ok\n"), db_path, out);
  return 0;
}

/* A server holds a shared lock on its database file for as long as it
 * serves, and restore asks for the same lock exclusively: restoring under a
 * running server (which would go on with its sessions and caches over a
 * database replaced beneath it) is refused, and no server starts while a
 * restore runs. flock() locks are not the POSIX locks SQLite takes, so the two
 * never meet; the descriptor is never closed while SQLite has the file open,
 * since closing any descriptor of a file drops this process's POSIX locks on
 * it. Returns the descriptor, -1 when the file does not exist (nothing to
 * guard), or -2 with @error set when the lock is held the other way. */
static int
take_db_lock (const char  *db_path,
              int          operation,
              GError     **error)
{
  int fd = g_open (db_path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return -1;
  if (flock (fd, operation | LOCK_NB) != 0)
    {
      int saved = errno;

      close (fd);
      if (saved == EWOULDBLOCK && operation == LOCK_EX)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                     _("a server is running on %s; stop it first (nothing was changed)"), db_path);
      else if (saved == EWOULDBLOCK)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                     _("%s is being restored; start the server when the restore has finished"), db_path);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s",
                     db_path, g_strerror (saved));
      return -2;
    }
  return fd;
}

/**
 * hcs_backup_hold_serving_lock:
 *
 * Taken by the server once its database exists; held until the process
 * ends. Fails when a restore of the same database is running.
 */
gboolean
hcs_backup_hold_serving_lock (const char  *db_path,
                              GError     **error)
{
  /* kept open on purpose until the process ends (see take_db_lock()) */
  return take_db_lock (db_path, LOCK_SH, error) != -2;
}

int
hcs_restore_main (int    argc,
                  char  *argv[])
{
  g_autofree char *db_path = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *verdict = NULL;
  g_autoptr(HcsStore) backup = NULL;
  g_autoptr(HcsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int version;
  int lock_fd;
  gboolean ok;

  if (!parse ("restore", _("BACKUP — replace the database by a backup (stop the server first)"), N_("BACKUP"),
              _("give --db PATH and the BACKUP file to restore"), &argc, &argv, &db_path, &backup_path))
    return 2;
  if (hcs_pg_is_uri (db_path) || hcs_pg_is_uri (backup_path))
    {
      g_printerr ("hncredit-server restore: %s\n",
                  _("The database is PostgreSQL, which this command does not restore; nothing was changed. Stop "
                    "the servers, restore a pg_dump backup with pg_restore --clean --if-exists --single-transaction "
                    "--dbname=DBNAME BACKUP, then run hncredit-server check on it (see README, Deployment)."));
      return 1;
    }
  backup = open_existing (backup_path, &error);
  if (backup == NULL || (verdict = hcs_store_integrity_check (backup, &error)) == NULL)
    {
      g_printerr ("hncredit-server restore: %s\n", error->message);
      return 1;
    }
  if (!g_str_equal (verdict, "ok"))
    {
      g_printerr ("hncredit-server restore: %s\n%s\n",
                  _("the backup failed its integrity check; nothing was changed:"), verdict);
      return 1;
    }
  version = hcs_store_get_schema_version (backup);
  if (version > HCS_SCHEMA_VERSION)
    {
      g_printerr ("hncredit-server restore: %s\n",
                  _("the backup was written by a newer server; nothing was changed"));
      return 1;
    }
  lock_fd = take_db_lock (db_path, LOCK_EX, &error);
  if (lock_fd == -2)
    {
      g_printerr ("hncredit-server restore: %s\n", error->message);
      return 1;
    }
  store = hcs_store_open (db_path, &error);
  ok = store != NULL && hcs_store_copy_from (store, backup, &error);
  g_clear_pointer (&store, hcs_store_free);
  if (lock_fd >= 0)
    close (lock_fd);   /* only now that SQLite has closed the file */
  if (!ok)
    {
      g_printerr ("hncredit-server restore: %s\n", error->message);
      return 1;
    }
  g_print (_("%s restored from %s (schema version %d; the server migrates it when it starts)\n"),
           db_path, backup_path, version);
  return 0;
}

int
hcs_check_main (int    argc,
                char  *argv[])
{
  g_autofree char *db_path = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(HcsStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse ("check", _("— check a database’s integrity"), NULL, _("give --db PATH"), &argc, &argv, &db_path, NULL))
    return 2;
  store = open_existing (db_path, &error);
  if (store == NULL || (verdict = hcs_store_integrity_check (store, &error)) == NULL)
    {
      g_printerr ("hncredit-server check: %s\n", error->message);
      return 1;
    }
  /* over PostgreSQL, what was checked, on standard error: the verdict
   * alone stays on standard output */
  if ((summary = hcs_store_summary (store, &error)) != NULL)
    g_printerr ("%s\n", summary);
  g_clear_error (&error);
  g_print ("%s\n", verdict);
  return g_str_equal (verdict, "ok") ? 0 : 1;
}
