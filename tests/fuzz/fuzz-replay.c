/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fuzz targets' inputs replayed in the ordinary test build (gcc, ASan +
 * UBSan): each argument is a file or a folder of files, and each file is
 * given once to the target's LLVMFuzzerTestOneInput. tools/fuzz explores with
 * libFuzzer; this keeps every seed, and every crash turned into a seed, from
 * coming back in the test suite that CI runs. Output is TAP: a crash or a
 * sanitizer report fails the test. */
#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
collect (const char  *path,
         GPtrArray   *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    collect (g_ptr_array_index (names, i), files);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  if (files->len == 0)
    {
      printf ("1..0 # SKIP no inputs\n");
      return 1;
    }
  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *data = NULL;
      gsize size = 0;
      g_autoptr(GError) error = NULL;

      if (!g_file_get_contents (path, &data, &size, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          continue;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
      printf ("ok %u - %s\n", i + 1, path);
      fflush (stdout);
    }
  return 0;
}
