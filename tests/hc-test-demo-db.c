/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo database (--seed-demo) seeded once per build and copied for each
 * test server that asks for demo data, instead of seeded again at every
 * start (about a minute each under ASan: 13 tests of the default suite did
 * it). tests/hc_test_server.py keeps the same cache, with the same key; see
 * tests/README.md for the figures.
 *
 * The cache lives in $HC_BUILD_ROOT/tests/demo-db/, one file named after a
 * key of what makes a seeding differ: the server binary (its real path,
 * mtime and size: the schema, the migrations and the seeders are in it),
 * the day in Hainan (the seeders date records from today) and the
 * password the demo users get. It is built under an flock(2) on
 * demo-db/lock, so two tests run in parallel seed it once between them,
 * and copied (cp --reflink=auto) under the same lock. */
#define G_LOG_DOMAIN "hc-test-server"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hc-core.h"
#include "hc-test-server-private.h"

static char *
cache_dir (void)
{
  const char *root = g_getenv ("HC_BUILD_ROOT");

  return g_build_filename (root != NULL ? root : HC_BUILD_ROOT, "tests", "demo-db", NULL);
}

/* hc_test_server.py's demo_db_key() computes the same. */
static char *
cache_key (void)
{
  g_autofree char *path = hc_test_server_path ();
  g_autofree char *real = realpath (path, NULL);
  g_autofree char *today = hc_hainan_today ();
  g_autofree char *text = NULL;
  g_autofree char *sum = NULL;
  struct stat st;

  if (real == NULL || stat (real, &st) != 0)
    g_error ("%s: %s", path, g_strerror (errno));
  text = g_strdup_printf ("%s\n%lld%09ld\n%lld\n%s\n%s\n", real, (long long) st.st_mtim.tv_sec,
                          (long) st.st_mtim.tv_nsec, (long long) st.st_size, today, HC_TEST_PASSWORD);
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  return g_strndup (sum, 16);
}

/* Removes what the cache holds but @keep (the files of an older server
 * binary or day, a build cut short). */
static void
remove_others (const char *dir,
               const char *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "demo-") && !g_str_equal (name, keep))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_remove (path);
      }
}

/* Seeds the demo as every test did: a server started with --seed-demo on
 * a new database, stopped cleanly (SIGTERM, exit status 0, its WAL
 * checkpointed into the file); the file then moves to @path. */
static void
build (const char *path)
{
  HcTestServer *server = hc_test_server_new (HC_TEST_SERVER_DEMO | HC_TEST_SERVER_FRESH_SEED, NULL);
  g_autofree char *db = g_strdup (hc_test_server_get_db_path (server));
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  struct stat st;

  hc_test_server_stop (server);
  if (stat (wal, &st) == 0 && st.st_size > 0)
    g_error ("%s is left after the server stopped: the copy would lose it", wal);
  if (rename (db, tmp) != 0 || rename (tmp, path) != 0)
    g_error ("moving %s to %s: %s", db, path, g_strerror (errno));
  hc_test_server_free (server);
}

/**
 * hc_test_demo_db_copy:
 * @dest: where the copy goes (a file that does not exist yet)
 *
 * Copies the build's seeded demo database to @dest, seeding it first when
 * the cache has none for this server binary and day. Fails the test when
 * it cannot.
 */
void
hc_test_demo_db_copy (const char *dest)
{
  g_autofree char *dir = cache_dir ();
  g_autofree char *lock_path = g_build_filename (dir, "lock", NULL);
  g_autofree char *key = cache_key ();
  g_autofree char *name = g_strdup_printf ("demo-%s.db", key);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  const char *cp[] = { "cp", "--reflink=auto", path, dest, NULL };
  g_autofree char *err = NULL;
  int status = 0;
  int fd;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    g_error ("%s: %s", dir, g_strerror (errno));
  fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0 || flock (fd, LOCK_EX) != 0)
    g_error ("%s: %s", lock_path, g_strerror (errno));
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      remove_others (dir, name);
      build (path);
    }
  g_spawn_sync (NULL, (char **) cp, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("cp %s %s: %s", path, dest, err);
  close (fd);
}
