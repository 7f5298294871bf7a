/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The exact totals of name searches a server has counted, remembered
 * while no subject is written (issue 12). A text of three characters or
 * more whose every bigram is common (有限公司, 贸易有限) is counted by
 * reading every name, about 0.1 s of CPU at a million subjects; the pane
 * asks that count apart each time such a text is searched. Remembered with
 * the subjects' generation (schema/subject-generation.sql), which any
 * server's write of a subject raises in its transaction, so that what one
 * server writes, every server counts again. */
#define G_LOG_DOMAIN "hcs-store-subjects"

#include "config.h"

#include <string.h>

#include "hcs-store-private.h"
#include "hcs-store-subjects.h"

/* Texts and filters remembered a database; when full, all are let go. */
#define CACHE_MAX 512

/* One a database the process opens, shared by its worker threads'
 * connections, so that a text is counted once, not once a worker. */
typedef struct
{
  gint64      generation;
  GHashTable *counts;       /* key (filter_key) → gint64 * */
} CountCache;

static GMutex caches_lock;
static GHashTable *caches;  /* hcs_store_get_path () → CountCache * */

static const char SQL_GENERATION[] =
  "SELECT generation FROM subject_generation WHERE id = 1";

static void
count_cache_free (gpointer data)
{
  CountCache *cache = data;

  g_hash_table_unref (cache->counts);
  g_free (cache);
}

/* With caches_lock held. */
static CountCache *
count_cache_of (HcsStore *store)
{
  const char *path = hcs_store_get_path (store);
  CountCache *cache;

  if (caches == NULL)
    caches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, count_cache_free);
  cache = g_hash_table_lookup (caches, path);
  if (cache == NULL)
    {
      cache = g_new0 (CountCache, 1);
      cache->generation = -1;
      cache->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (caches, g_strdup (path), cache);
    }
  return cache;
}

/* Each part with its length in front, a missing one as "-": no text can
 * make two filters one key. */
static char *
filter_key (const HcsSubjectFilter *filter)
{
  const char *parts[] = { filter->name_part, filter->prefix, filter->region, filter->type,
                          filter->grade, filter->status };
  GString *key = g_string_new (filter->see_persons ? "p" : "o");

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] == NULL)
      g_string_append (key, "|-");
    else
      g_string_append_printf (key, "|%zu:%s", strlen (parts[i]), parts[i]);
  return g_string_free (key, FALSE);
}

/**
 * hcs_store_subjects_count_remembered:
 * @generation: (out): the subjects' generation read now, to give to
 *   hcs_store_subjects_count_remember() with a count made after it; -1
 *   when nothing may be remembered now (inside a transaction: its own
 *   writes raise the generation, and a rollback takes it back)
 *
 * Returns: the exact count of @filter's matches counted before by this
 *   process with no subject written since, -1 when none is known, -2
 *   with @error set on a storage error
 */
gint64
hcs_store_subjects_count_remembered (HcsStore                *store,
                                     const HcsSubjectFilter  *filter,
                                     gint64                  *generation,
                                     GError                 **error)
{
  g_autofree char *key = NULL;
  HcsStmt *stmt;
  CountCache *cache;
  const gint64 *found;
  gint64 n = -1;

  g_return_val_if_fail (store != NULL && filter != NULL && generation != NULL, -2);

  *generation = -1;
  if (hcs_store_in_transaction (store))
    return -1;
  stmt = hcs_store_prepare (store, SQL_GENERATION, error);
  if (stmt == NULL || (*generation = hcs_store_single_int (store, stmt, error)) < 0)
    {
      *generation = -1;
      return -2;
    }
  key = filter_key (filter);
  g_mutex_lock (&caches_lock);
  cache = count_cache_of (store);
  if (cache->generation == *generation && (found = g_hash_table_lookup (cache->counts, key)) != NULL)
    n = *found;
  g_mutex_unlock (&caches_lock);
  return n;
}

/**
 * hcs_store_subjects_count_remember:
 * @generation: as hcs_store_subjects_count_remembered() gave it, read
 *   before @n was counted
 *
 * Remembers @n as @filter's exact count at @generation. Counted after the
 * generation was read, @n is of that generation or of a later one; if
 * later, the generation in the database is already another, and @n is
 * never answered.
 */
void
hcs_store_subjects_count_remember (HcsStore                *store,
                                   const HcsSubjectFilter  *filter,
                                   gint64                   generation,
                                   gint64                   n)
{
  CountCache *cache;
  gint64 *value;

  g_return_if_fail (store != NULL && filter != NULL);

  if (generation < 0 || n < 0)
    return;
  value = g_new (gint64, 1);
  *value = n;
  g_mutex_lock (&caches_lock);
  cache = count_cache_of (store);
  /* Another worker may have read a later generation meanwhile: a count of
   * an older one is let go (generations only grow). */
  if (generation < cache->generation)
    g_free (value);
  else
    {
      if (cache->generation != generation || g_hash_table_size (cache->counts) >= CACHE_MAX)
        {
          g_hash_table_remove_all (cache->counts);
          cache->generation = generation;
        }
      g_hash_table_replace (cache->counts, filter_key (filter), value);
    }
  g_mutex_unlock (&caches_lock);
}
