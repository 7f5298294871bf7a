/* SPDX-License-Identifier: GPL-3.0-or-later */
/* While the server runs over PostgreSQL, its month partitions are kept
 * ahead (issue 15): every day (HCS_PG_PARTITIONS_EVERY seconds when set,
 * for tests) a thread of its own, with a connection of its own, makes the
 * partitions of this month and the next ones that are missing
 * (hcs_store_keep_partitions(), hcs-store-pg-parts.c), without holding up
 * the main loop or a worker. The start made them once already (hcs-main.c);
 * a run that fails is logged and tried again at the next. */
#define G_LOG_DOMAIN "hncredit-server"

#include "config.h"

#include "hcs-partitions.h"
#include "hcs-store-pg.h"

#define EVERY_DAY (24 * 60 * 60)

static gint running;   /* a run's thread is at work */

static gpointer
keep_ahead (gpointer data)
{
  g_autofree char *db_path = data;
  g_autoptr(GError) error = NULL;
  HcsStore *store = hcs_store_open (db_path, &error);

  if (store == NULL || !hcs_store_keep_partitions (store, &error))
    g_warning ("the month partitions were not kept ahead (tried again later): %s", error->message);
  g_clear_pointer (&store, hcs_store_free);
  g_atomic_int_set (&running, 0);
  return NULL;
}

static gboolean
on_tick (gpointer data)
{
  const char *db_path = data;

  if (g_atomic_int_compare_and_exchange (&running, 0, 1))
    g_thread_unref (g_thread_new ("hcs-partitions", keep_ahead, g_strdup (db_path)));
  return G_SOURCE_CONTINUE;
}

/**
 * hcs_partitions_keep_ahead:
 * @db_path: the server's --db
 *
 * Over PostgreSQL, from now on: the month partitions kept ahead, daily, on
 * the default main context. Nothing over SQLite.
 */
void
hcs_partitions_keep_ahead (const char *db_path)
{
  const char *env = g_getenv ("HCS_PG_PARTITIONS_EVERY");
  gint64 every = env != NULL ? g_ascii_strtoll (env, NULL, 10) : EVERY_DAY;

  g_return_if_fail (db_path != NULL);
  if (!hcs_pg_is_uri (db_path))
    return;
  g_timeout_add_seconds_full (G_PRIORITY_LOW, (guint) CLAMP (every, 1, EVERY_DAY), on_tick,
                              g_strdup (db_path), g_free);
}
