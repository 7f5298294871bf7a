/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A grade counts years since registration and the penalties of the last one
 * and three years (hcs-grading.c), so the date alone changes it: a company
 * passes its seventh year, a penalty leaves the last year. Grades are
 * recomputed when a subject's file changes; this recomputes the others once
 * their day has passed. A second after the server starts, and every ten
 * minutes after, it looks for grades as of an earlier day and regrades them
 * HCS_GRADE_REFRESH_CHUNK subject ids at a time, each chunk one short
 * transaction on the worker's own thread, so requests go on between chunks.
 * Its connection is the worker's, opened again first when it was lost (a
 * failover of PostgreSQL), as before a request. */
#define G_LOG_DOMAIN "hcs-grade-refresh"

#include "config.h"

#include "hcs-grade-refresh.h"
#include "hcs-grading.h"

#define HCS_GRADE_REFRESH_CHUNK         2000
#define HCS_GRADE_REFRESH_FIRST_MS      1000
#define HCS_GRADE_REFRESH_BETWEEN_MS    10
#define HCS_GRADE_REFRESH_CHECK_MS      (10 * 60 * 1000)

struct _HcsGradeRefresh
{
  HcsStore     *store;      /* the worker's; used on its thread only */
  GMainContext *context;
  GSource      *source;
  gint64        cursor;
  gint64        covered;    /* subject ids regraded in this round */
};

static gboolean tick (gpointer data);

/* Between two rounds: ten minutes, or HCS_GRADE_REFRESH_EVERY_MS (tests). */
static guint
check_ms (void)
{
  const char *env = g_getenv ("HCS_GRADE_REFRESH_EVERY_MS");
  guint64 ms = env != NULL ? g_ascii_strtoull (env, NULL, 10) : 0;

  return ms > 0 && ms <= G_MAXUINT ? (guint) ms : HCS_GRADE_REFRESH_CHECK_MS;
}

static void
schedule (HcsGradeRefresh *self,
          guint            ms)
{
  if (self->source != NULL)
    g_source_unref (self->source);
  self->source = g_timeout_source_new (ms);
  g_source_set_static_name (self->source, "hcs-grade-refresh");
  g_source_set_callback (self->source, tick, self, NULL);
  g_source_attach (self->source, self->context);
}

static gint64
refresh_chunk (HcsGradeRefresh  *self,
               GError          **error)
{
  gint64 covered = -1;
  guint wait_ms;

  /* The worker's connection may have been lost (a failover) with no
   * request on this worker since to open it again. */
  if (!hcs_store_ensure_connected (self->store, error))
    return -1;
  /* between requests, a chunk may be long: no bound on its wait */
  wait_ms = hcs_store_set_wait (self->store, 0);
  if (hcs_store_begin (self->store, error))
    {
      covered = hcs_grading_refresh_stale (self->store, &self->cursor, HCS_GRADE_REFRESH_CHUNK, error);
      if (covered < 0)
        hcs_store_rollback (self->store);
      else if (!hcs_store_commit (self->store, error))
        covered = -1;
    }
  hcs_store_set_wait (self->store, wait_ms);
  return covered;
}

static gboolean
tick (gpointer data)
{
  HcsGradeRefresh *self = data;
  g_autoptr(GError) error = NULL;
  gint64 covered = refresh_chunk (self, &error);

  if (covered < 0)
    {
      /* a busy or full database: the next round tries again */
      g_warning ("grades as of an earlier day not refreshed: %s", error->message);
      self->cursor = 0;
      self->covered = 0;
      schedule (self, check_ms ());
    }
  else if (covered > 0)
    {
      self->covered += covered;
      schedule (self, HCS_GRADE_REFRESH_BETWEEN_MS);
    }
  else
    {
      if (self->covered > 0)
        g_message ("grades as of an earlier day recomputed (%" G_GINT64_FORMAT " subject ids regraded)",
                   self->covered);
      else
        g_debug ("no grade as of an earlier day");
      self->covered = 0;
      schedule (self, check_ms ());
    }
  return G_SOURCE_REMOVE;
}

/**
 * hcs_grade_refresh_start:
 * @store: the store of the worker whose @context runs the refresh
 *
 * Returns: (transfer full): the refresh, to stop once the worker's thread
 *   has ended
 */
HcsGradeRefresh *
hcs_grade_refresh_start (HcsStore     *store,
                         GMainContext *context)
{
  HcsGradeRefresh *self = g_new0 (HcsGradeRefresh, 1);

  self->store = store;
  self->context = g_main_context_ref (context);
  schedule (self, HCS_GRADE_REFRESH_FIRST_MS);
  return self;
}

/* Call once the worker's thread has ended, before its store is freed. */
void
hcs_grade_refresh_stop (HcsGradeRefresh *self)
{
  if (self == NULL)
    return;
  if (self->source != NULL)
    {
      g_source_destroy (self->source);
      g_source_unref (self->source);
    }
  g_main_context_unref (self->context);
  g_free (self);
}
