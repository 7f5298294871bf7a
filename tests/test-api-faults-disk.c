/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of test-api-faults: a full disk, a disk turned read-only and read-only database files:
 * 503, then recovery. */
#define _GNU_SOURCE   /* prlimit() */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hc-core.h"
#include "hc-test-server.h"
#include "test-api-faults.h"

/* ---- a disk that takes no more bytes -------------------------------- */

/* Sets the server's file-size limit (RLIMIT_FSIZE, `ulimit -f`): at 0 every
 * write() to a file fails with EFBIG, as on a full disk, which SQLite
 * reports as SQLITE_FULL or SQLITE_IOERR_WRITE. The server ignores
 * SIGXFSZ, so it goes on serving. A file system that turns read-only is
 * the next test's. */
static void
set_file_size_limit (HcTestServer *srv,
                     rlim_t        limit)
{
  struct rlimit now;

  g_assert_cmpint (prlimit (hc_test_server_get_pid (srv), RLIMIT_FSIZE, NULL, &now), ==, 0);
  now.rlim_cur = MIN (limit, now.rlim_max);
  g_assert_cmpint (prlimit (hc_test_server_get_pid (srv), RLIMIT_FSIZE, &now, NULL), ==, 0);
}

static void
test_full_disk_answers_503_and_recovers (void)
{
  g_autoptr(HcTestServer) srv = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autofree char *db_path = g_strdup (hc_test_server_get_db_path (srv));
  const char *admin = hc_test_server_token (srv, "admin");
  g_autofree char *uscc = hc_uscc_generate (prng, "460100");
  g_autofree char *subject = g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"海南满盘测试有限公司\","
                                              "\"type\":\"legal_person\",\"region\":\"460100\",\"industry\":\"批发和零售业\"}", uscc);
  guint departments;
  guint audit;

  hc_test_create_department (srv, "MP1", "满盘测试一委");
  departments = faults_count_items (srv, "/departments");
  audit = faults_count_items (srv, "/audit?limit=200");

  set_file_size_limit (srv, 0);
  {
    g_autoptr(HcTestResponse) r = hc_test_request (srv, "POST", "/departments", admin,
                                                   "{\"code\":\"MP2\",\"name\":\"满盘测试二委\"}");
    g_autoptr(HcTestResponse) s = hc_test_request (srv, "POST", "/subjects", admin, subject);
    g_autoptr(HcTestResponse) login = hc_test_request (srv, "POST", "/session", NULL,
                                                       "{\"username\":\"admin\",\"password\":\"" HC_TEST_PASSWORD "\"}");
    JsonObject *err;

    hc_assert_status (r, 503, "storage_unavailable");
    err = json_object_get_object_member (hc_test_response_object (r), "error");
    g_assert_nonnull (strstr (json_object_get_string_member (err, "message"), "nothing was changed"));
    hc_assert_status (s, 503, "storage_unavailable");
    /* a sign-in is audited, so it cannot be taken either */
    hc_assert_status (login, 503, "storage_unavailable");
  }
  /* Reads go on, and see nothing of the refused writes. */
  g_assert_cmpuint (faults_count_items (srv, "/departments"), ==, departments);
  g_assert_cmpuint (faults_count_items (srv, "/audit?limit=200"), ==, audit);
  {
    g_autofree char *path = g_strdup_printf ("/subjects/%s", uscc);
    g_autoptr(HcTestResponse) r = hc_test_request (srv, "GET", path, admin, NULL);

    hc_assert_status (r, 404, NULL);
  }

  /* Room again: the same writes succeed. */
  set_file_size_limit (srv, RLIM_INFINITY);
  {
    g_autoptr(HcTestResponse) r = hc_test_request (srv, "POST", "/departments", admin,
                                                   "{\"code\":\"MP2\",\"name\":\"满盘测试二委\"}");
    g_autoptr(HcTestResponse) s = hc_test_request (srv, "POST", "/subjects", admin, subject);

    hc_assert_status (r, 201, NULL);
    hc_assert_status (s, 201, NULL);
  }
  g_assert_cmpuint (faults_count_items (srv, "/departments"), ==, departments + 1);
  g_assert_cmpuint (faults_count_items (srv, "/audit?limit=200"), ==, audit + 2);
  hc_test_server_stop (srv);
  hc_test_assert_db_intact (db_path);
}

/* ---- a disk that turns read-only ------------------------------------ */

/* Runs @argv (a system tool), its output to the test's log. */
static gboolean
run_tool (const char * const *argv,
          char              **out)
{
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, &err, &status, &error))
    {
      g_test_message ("%s: %s", argv[0], error->message);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("%s: status %d: %s", argv[0], status, err);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char *dir;       /* the image and the mount point */
  char *image;
  char *mount;
  char *loop;      /* /dev/loopN while attached */
  gboolean mounted;
} Disk;

static void
disk_clear (Disk *d)
{
  if (d->mounted)
    run_tool ((const char *[]) { "umount", d->mount, NULL }, NULL);
  if (d->loop != NULL)
    run_tool ((const char *[]) { "losetup", "-d", d->loop, NULL }, NULL);
  if (d->image != NULL)
    g_remove (d->image);
  if (d->mount != NULL)
    g_rmdir (d->mount);
  if (d->dir != NULL)
    g_rmdir (d->dir);
  g_free (d->dir);
  g_free (d->image);
  g_free (d->mount);
  g_free (d->loop);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Disk, disk_clear)

/* A small ext4 file system on a loop device, mounted with
 * errors=remount-ro as a production data disk would be. Returns %FALSE
 * (the reason logged) where the environment cannot: not root, no loop
 * device, no mkfs.ext4. */
static gboolean
disk_make (Disk *d)
{
  g_autoptr(GError) error = NULL;
  int fd;

  d->dir = g_dir_make_tmp ("hc-rodisk-XXXXXX", &error);
  g_assert_no_error (error);
  d->image = g_build_filename (d->dir, "disk.img", NULL);
  d->mount = g_build_filename (d->dir, "mnt", NULL);
  g_assert_cmpint (g_mkdir (d->mount, 0700), ==, 0);
  fd = g_open (d->image, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 64 * 1024 * 1024), ==, 0);
  close (fd);
  if (geteuid () != 0 ||
      !run_tool ((const char *[]) { "mkfs.ext4", "-q", "-F", d->image, NULL }, NULL) ||
      !run_tool ((const char *[]) { "losetup", "-f", "--show", d->image, NULL }, &d->loop))
    return FALSE;
  g_strstrip (d->loop);
  if (!run_tool ((const char *[]) { "mount", "-o", "errors=remount-ro", d->loop, d->mount, NULL }, NULL))
    return FALSE;
  d->mounted = TRUE;
  return TRUE;
}

/* Makes the file system read-only under the running server, as the kernel
 * does on an ext4 error with errors=remount-ro. (`mount -o remount,ro`
 * cannot: it refuses with EBUSY while the server holds the database open
 * for writing, as it always does.) */
static gboolean
disk_fail_read_only (Disk *d)
{
  g_autofree char *name = g_path_get_basename (d->loop);
  g_autofree char *trigger = g_build_filename ("/sys/fs/ext4", name, "trigger_fs_error", NULL);
  g_autofree char *probe = g_build_filename (d->mount, "probe", NULL);
  g_autoptr(GError) error = NULL;

  static const char why[] = "hncredit read-only disk test";
  int fd = g_open (trigger, O_WRONLY, 0);
  gboolean written = fd >= 0 && write (fd, why, sizeof why - 1) == (ssize_t) (sizeof why - 1);

  if (fd >= 0)
    close (fd);
  if (!written)
    {
      g_test_message ("%s: %s", trigger, g_strerror (errno));
      return FALSE;
    }
  /* The file system takes no more writes. */
  g_assert_false (g_file_set_contents (probe, "x", -1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ROFS);
  return TRUE;
}

/* A write (@write) and a sign-in (@login, which writes the session) on a
 * read-only database: 503 storage_unavailable, saying why and that
 * nothing was changed. */
static void
expect_refused_as_read_only (HcTestResponse *write,
                             HcTestResponse *login)
{
  const char *message;

  hc_assert_status (write, 503, "storage_unavailable");
  message = json_object_get_string_member (json_object_get_object_member (hc_test_response_object (write), "error"),
                                           "message");
  g_assert_nonnull (strstr (message, "read-only"));
  g_assert_nonnull (strstr (message, "nothing was changed"));
  hc_assert_status (login, 503, "storage_unavailable");
}

/* The disk under the database turns read-only while the server runs:
 * writes answer 503 storage_unavailable (saying nothing was changed and
 * why) and change nothing; reads go on, with every acknowledged write.
 * The kernel keeps such a file system read-only until it is checked: the
 * server is stopped, the disk checked (e2fsck) and mounted again, and the
 * server started on it finds the database whole, with every acknowledged
 * write and none of the refused ones, and writes again. */
static void
test_read_only_disk_answers_503_and_recovers (void)
{
  g_auto(Disk) disk = { 0, };
  g_autofree char *db_path = NULL;
  g_autofree char *uscc = hc_uscc_generate (prng, "460100");
  g_autofree char *subject = g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"海南只读盘测试有限公司\","
                                              "\"type\":\"legal_person\",\"region\":\"460100\",\"industry\":\"批发和零售业\"}", uscc);
  g_autofree char *subject_path = g_strdup_printf ("/subjects/%s", uscc);
  HcTestServer *srv, *again;
  const char *admin;
  guint departments, audit;

  if (!disk_make (&disk))
    {
      g_test_skip ("a read-only disk needs root, a loop device and mkfs.ext4 (see the test log for which is missing)");
      return;
    }
  db_path = g_build_filename (disk.mount, "test.db", NULL);
  srv = hc_test_server_new_for_db (db_path, NULL);
  admin = hc_test_server_token (srv, "admin");
  hc_test_create_department (srv, "RO1", "只读盘测试一委");
  departments = faults_count_items (srv, "/departments");
  audit = faults_count_items (srv, "/audit?limit=200");

  if (!disk_fail_read_only (&disk))
    {
      hc_test_server_stop (srv);
      hc_test_server_free (srv);
      g_test_skip ("this kernel cannot make an ext4 file system read-only on demand (no trigger_fs_error)");
      return;
    }
  {
    g_autoptr(HcTestResponse) r = hc_test_request (srv, "POST", "/departments", admin,
                                                   "{\"code\":\"RO2\",\"name\":\"只读盘测试二委\"}");
    g_autoptr(HcTestResponse) s = hc_test_request (srv, "POST", "/subjects", admin, subject);
    g_autoptr(HcTestResponse) login = hc_test_request (srv, "POST", "/session", NULL,
                                                       "{\"username\":\"admin\",\"password\":\"" HC_TEST_PASSWORD "\"}");

    expect_refused_as_read_only (r, login);
    hc_assert_status (s, 503, "storage_unavailable");
  }
  /* Reads go on: the acknowledged department is there, the refused writes
   * are not. */
  g_assert_cmpuint (faults_count_items (srv, "/departments"), ==, departments);
  g_assert_cmpuint (faults_count_items (srv, "/audit?limit=200"), ==, audit);
  {
    g_autoptr(HcTestResponse) r = hc_test_request (srv, "GET", subject_path, admin, NULL);

    hc_assert_status (r, 404, NULL);
  }
  /* The server cannot close a read-only database cleanly: stopped hard,
   * as an operator whose disk failed would. */
  hc_test_server_kill (srv);
  hc_test_server_free (srv);

  /* The disk checked and mounted again. */
  g_assert_true (run_tool ((const char *[]) { "umount", disk.mount, NULL }, NULL));
  disk.mounted = FALSE;
  {
    const char *fsck[] = { "e2fsck", "-f", "-y", disk.loop, NULL };
    g_autofree char *out = NULL;

    /* 0: clean; 1: errors corrected — both leave a usable file system. */
    if (!run_tool (fsck, &out))
      g_test_message ("e2fsck corrected the file system: %s", out);
  }
  g_assert_true (run_tool ((const char *[]) { "mount", "-o", "errors=remount-ro", disk.loop, disk.mount, NULL }, NULL));
  disk.mounted = TRUE;

  hc_test_assert_db_intact (db_path);
  again = hc_test_server_new_for_db (db_path, NULL);
  admin = hc_test_server_token (again, "admin");
  g_assert_cmpuint (faults_count_items (again, "/departments"), ==, departments);
  {
    g_autoptr(HcTestResponse) r = hc_test_request (again, "POST", "/departments", admin,
                                                   "{\"code\":\"RO2\",\"name\":\"只读盘测试二委\"}");
    g_autoptr(HcTestResponse) s = hc_test_request (again, "POST", "/subjects", admin, subject);

    hc_assert_status (r, 201, NULL);
    hc_assert_status (s, 201, NULL);
  }
  g_assert_cmpuint (faults_count_items (again, "/departments"), ==, departments + 1);
  hc_test_server_stop (again);
  hc_test_server_free (again);
  hc_test_assert_db_intact (db_path);
  g_remove (db_path);
}

/* ---- files that turn read-only, and writable again -------------------- */

/* Sets or clears the immutable attribute (chattr ±i) of @paths: while it
 * is set, the kernel refuses every write, even through descriptors opened
 * before (EPERM), as a disk or a file an operator made read-only would;
 * cleared, writes go through again. Needs root (CAP_LINUX_IMMUTABLE) and a
 * file system with the attribute (ext4, xfs, btrfs, tmpfs ≥ 6.0). */
static gboolean
set_immutable (const char * const *paths,
               gboolean            on)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "chattr");
  g_ptr_array_add (argv, (gpointer) (on ? "+i" : "-i"));
  for (guint i = 0; paths[i] != NULL; i++)
    if (g_file_test (paths[i], G_FILE_TEST_EXISTS))
      g_ptr_array_add (argv, (gpointer) paths[i]);
  g_ptr_array_add (argv, NULL);
  return run_tool ((const char * const *) argv->pdata, NULL);
}

/* The database, its WAL and their folder turn read-only under the running
 * server: writes answer 503 storage_unavailable (nothing changed, sign-ins
 * too, since they are audited), reads go on; once they are writable again
 * the very next write succeeds — no restart — and the database is whole. */
static void
test_read_only_files_recover_without_restart (void)
{
  g_autoptr(HcTestServer) srv = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autofree char *db_path = g_strdup (hc_test_server_get_db_path (srv));
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *dir = g_path_get_dirname (db_path);
  const char * const files[] = { db_path, wal, dir, NULL };
  const char *admin = hc_test_server_token (srv, "admin");
  const char *body = "{\"code\":\"RW2\",\"name\":\"只读恢复测试二委\"}";
  guint departments, audit;

  hc_test_create_department (srv, "RW1", "只读恢复测试一委");
  departments = faults_count_items (srv, "/departments");
  audit = faults_count_items (srv, "/audit?limit=200");

  if (geteuid () != 0 || !set_immutable (files, TRUE))
    {
      g_test_skip ("making files read-only under a running server needs root and chattr +i (see the log)");
      return;
    }
  {
    g_autoptr(HcTestResponse) r = hc_test_request (srv, "POST", "/departments", admin, body);
    g_autoptr(HcTestResponse) login = hc_test_request (srv, "POST", "/session", NULL,
                                                       "{\"username\":\"admin\",\"password\":\"" HC_TEST_PASSWORD "\"}");

    expect_refused_as_read_only (r, login);
  }
  g_assert_cmpuint (faults_count_items (srv, "/departments"), ==, departments);
  g_assert_cmpuint (faults_count_items (srv, "/audit?limit=200"), ==, audit);

  /* Writable again: the same write, on the same server, succeeds. */
  g_assert_true (set_immutable (files, FALSE));
  {
    g_autoptr(HcTestResponse) r = hc_test_request (srv, "POST", "/departments", admin, body);

    hc_assert_status (r, 201, NULL);
  }
  g_assert_cmpuint (faults_count_items (srv, "/departments"), ==, departments + 1);
  g_assert_cmpuint (faults_count_items (srv, "/audit?limit=200"), ==, audit + 1);
  /* and a second time, with a sign-in (its own audited write) between */
  {
    g_autoptr(HcTestResponse) login = hc_test_request (srv, "POST", "/session", NULL,
                                                       "{\"username\":\"admin\",\"password\":\"" HC_TEST_PASSWORD "\"}");
    g_autoptr(HcTestResponse) r = hc_test_request (srv, "POST", "/departments", admin,
                                                   "{\"code\":\"RW3\",\"name\":\"只读恢复测试三委\"}");

    hc_assert_status (login, 200, NULL);
    hc_assert_status (r, 201, NULL);
  }
  hc_test_server_stop (srv);
  hc_test_assert_db_intact (db_path);
}

void
hc_test_faults_disk_add (void)
{
  faults_add_sqlite_test ("/faults/full-disk-answers-503-and-recovers", test_full_disk_answers_503_and_recovers,
                          "SQLite's: the file size limit is the server's, and over PostgreSQL the database's files are "
                          "written by PostgreSQL, not by the server");
  faults_add_sqlite_test ("/faults/read-only-disk-answers-503-and-recovers", test_read_only_disk_answers_503_and_recovers,
                          "SQLite's: a database file on a disk that turns read-only; PostgreSQL's disk is PostgreSQL's");
  faults_add_sqlite_test ("/faults/read-only-files-recover-without-restart", test_read_only_files_recover_without_restart,
                          "SQLite's: the database file, its WAL and their folder made read-only; PostgreSQL's files are "
                          "PostgreSQL's");
}
