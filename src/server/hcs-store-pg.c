/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsPg: a libpq connection to the PostgreSQL backend, and its schema
 * migrations (issue 15). The schema is the SQLite one written for
 * PostgreSQL (src/server/schema/pg/), versioned by the same numbers:
 * version N applies the files hcs_migrations_files (N) names, from
 * schema/pg/. The version is kept in hc_schema_version. */
#define G_LOG_DOMAIN "hcs-store-pg"
#define _GNU_SOURCE   /* POLLRDHUP */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <libpq-fe.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "hcs-store-pg-private.h"
#include "hcs-store-pg-sql.h"
#include "hcs-store-pg.h"
#include "hcs-store-private.h"

/* Taken by every schema migration, so that servers starting together on
 * one database migrate it one after the other ("hncredit" in ASCII). */
#define MIGRATION_LOCK "6863726564697400"

struct _HcsPg
{
  PGconn   *conn;
  gboolean  in_transaction;
  gboolean  standby;          /* a hot standby's: read-only, no temporary function */
  guint     wait_ms;          /* a statement's answer waited for at most this; 0: no limit */
  gboolean  timed_out;        /* the last statement outwaited it: the connection was dropped */
  gint64    seek_every;       /* a read connection on a primary looks for a standby so often (µs); 0: never */
  gint64    next_seek;        /* the monotonic time of its next look */
};

/* The connection parameters a URI does not give (hcs_pg_open()): a host
 * that does not answer is given up after connect_timeout (each host of a
 * multi-host URI in turn), and a machine that vanished without closing its
 * connections is noticed by TCP — keepalive probes on an idle connection,
 * tcp_user_timeout on data sent and never acknowledged — rather than after
 * the kernel's two hours or fifteen minutes. "dbname" (the URI, expanded)
 * comes last: PQconnectdbParams keeps the last value of a keyword, so the
 * URI's own values win. */
static const char *const CONNECT_KEYWORDS[] = {
  "connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count",
  "tcp_user_timeout", "dbname", NULL
};
static const char *const CONNECT_DEFAULTS[] = { "10", "1", "30", "10", "3", "30000" };

gboolean
hcs_pg_is_uri (const char *text)
{
  return text != NULL && (g_str_has_prefix (text, "postgresql://") || g_str_has_prefix (text, "postgres://"));
}

/**
 * hcs_pg_text_array_append:
 * @array: a text[] literal begun with "{"
 *
 * Appends @text to @array as a quoted element (the caller closes it with
 * "}"), for an `= ANY ($1::text[])` parameter.
 */
void
hcs_pg_text_array_append (GString    *array,
                          const char *text)
{
  if (array->len > 1)
    g_string_append_c (array, ',');
  g_string_append_c (array, '"');
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '\\')
        g_string_append_c (array, '\\');
      g_string_append_c (array, *c);
    }
  g_string_append_c (array, '"');
}

/* libpq's messages end with a line feed and may hold several lines. */
static char *
clean_message (const char *message)
{
  char *text = g_strdup (message != NULL && *message != '\0' ? message : "unknown error");

  return g_strstrip (text);
}

static void
ignore_notice (void       *data,
               const char *message)
{
}

/* The session's settings: UTF-8, floating-point values written in their
 * shortest exact form (the form `migrate` compares), and a lock waited for
 * 15 s at most, as SQLite's busy timeout (hcs-store.c): then 55P03, BUSY,
 * 503 busy, rather than a request that waits as long as another connection
 * holds its lock. */
static gboolean
set_up (HcsPg   *self,
        GError **error)
{
  PQsetNoticeProcessor (self->conn, ignore_notice, NULL);
  if (PQsetClientEncoding (self->conn, "UTF8") != 0 ||
      !hcs_pg_exec (self, "SET extra_float_digits = 1; SET client_min_messages = warning; SET lock_timeout = '15s'", error))
    {
      g_prefix_error (error, "cannot set up the PostgreSQL connection: ");
      return FALSE;
    }
  return TRUE;
}

/* Connects with @keywords and @values (PQconnectdbParams(), @expand_dbname:
 * a URI in "dbname") and sets the connection up. */
static HcsPg *
connect_with (const char * const  *keywords,
              const char * const  *values,
              gboolean             expand_dbname,
              GError             **error)
{
  g_autoptr(HcsPg) self = g_new0 (HcsPg, 1);

  self->conn = PQconnectdbParams (keywords, values, expand_dbname ? 1 : 0);
  if (self->conn == NULL || PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *message = clean_message (self->conn ? PQerrorMessage (self->conn) : NULL);

      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_UNAVAILABLE,
                   "cannot connect to PostgreSQL: %s", message);
      return NULL;
    }
  if (!set_up (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * hcs_pg_open:
 * @uri: a libpq connection URI (postgresql://USER@HOST:PORT/DBNAME?…); the
 *   password may come from PGPASSWORD or ~/.pgpass rather than the URI
 *
 * Connects, in UTF-8, with floating-point values written in their shortest
 * exact form (the form `migrate` compares).
 */
HcsPg *
hcs_pg_open (const char  *uri,
             GError     **error)
{
  g_return_val_if_fail (uri != NULL, NULL);

  if (!hcs_pg_is_uri (uri))
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_FAILED,
                   "not a PostgreSQL connection URI: it starts with postgresql://");
      return NULL;
    }
  {
    const char *values[G_N_ELEMENTS (CONNECT_KEYWORDS)] = { NULL };

    G_STATIC_ASSERT (G_N_ELEMENTS (CONNECT_DEFAULTS) + 2 == G_N_ELEMENTS (CONNECT_KEYWORDS));
    for (gsize i = 0; i < G_N_ELEMENTS (CONNECT_DEFAULTS); i++)
      values[i] = CONNECT_DEFAULTS[i];
    values[G_N_ELEMENTS (CONNECT_DEFAULTS)] = uri;
    return connect_with (CONNECT_KEYWORDS, values, TRUE, error);
  }
}

/**
 * hcs_pg_open_again:
 *
 * A second connection with the parameters of @like's (its URI's hosts,
 * user, password, target_session_attrs…: libpq's own record of them), set
 * up as hcs_pg_open()'s and with @like's bound on a statement's answer:
 * for a step that must commit apart from @like's transaction.
 */
HcsPg *
hcs_pg_open_again (HcsPg   *like,
                   GError **error)
{
  PQconninfoOption *options = PQconninfo (like->conn);
  g_autoptr(GPtrArray) keywords = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  HcsPg *self;

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (o->val != NULL && *o->val != '\0')
      {
        g_ptr_array_add (keywords, o->keyword);
        g_ptr_array_add (values, o->val);
      }
  g_ptr_array_add (keywords, NULL);
  g_ptr_array_add (values, NULL);
  self = connect_with ((const char * const *) keywords->pdata, (const char * const *) values->pdata, FALSE, error);
  PQconninfoFree (options);
  if (self != NULL)
    self->wait_ms = like->wait_ms;
  return self;
}

/* Whether a connection opened on a hot standby is on one still: a
 * standby promoted (a failover, a switchover) keeps its connections. */
static gboolean
still_standby (HcsPg *self)
{
  g_autofree char *recovery = hcs_pg_single_text (self, "SELECT pg_is_in_recovery ()", 0, NULL, NULL);

  return g_strcmp0 (recovery, "t") == 0;
}

/**
 * hcs_pg_reconnect_if_broken:
 * @reconnected: (out): set when the connection was opened again
 *
 * Between two requests (never inside a transaction): a connection that
 * PostgreSQL closed — the server restarted, a failover of the primary, the
 * backend terminated — is opened again, with the same URI (a multi-host
 * URI with target_session_attrs=read-write then finds the new primary),
 * and set up again. Whatever the server sent meanwhile is read first
 * without waiting, so that a connection closed while idle is found broken
 * here rather than by the request's first statement. FALSE with @error set
 * when it cannot be opened again: the caller's statements then fail with
 * the connection's error (503).
 */
gboolean
hcs_pg_reconnect_if_broken (HcsPg     *self,
                            gboolean  *reconnected,
                            GError   **error)
{
  gboolean seek = FALSE;

  *reconnected = FALSE;
  if (self->in_transaction)
    return TRUE;
  if (self->seek_every > 0 && g_get_monotonic_time () >= self->next_seek)
    {
      self->next_seek = g_get_monotonic_time () + self->seek_every;
      seek = !self->standby || !still_standby (self);
    }
  if (PQstatus (self->conn) == CONNECTION_OK && !seek)
    {
      /* Idle, the connection has nothing to say: data (a notice, or the
       * error of a terminated backend) or its end means trouble. */
      struct pollfd fd = { .fd = PQsocket (self->conn), .events = POLLIN | POLLRDHUP };
      gboolean closed = fd.fd < 0 || (poll (&fd, 1, 0) == 1 && (fd.revents & (POLLRDHUP | POLLHUP | POLLERR)));

      if (!closed && !(fd.revents & POLLIN))
        return TRUE;
      if (!closed && PQconsumeInput (self->conn) == 1 && PQstatus (self->conn) == CONNECTION_OK)
        return TRUE;
    }
  if (seek)
    g_message ("the read connection is on a primary; connecting again, to a standby if one answers");
  else
    g_message ("the PostgreSQL connection was lost; connecting again");
  PQreset (self->conn);
  self->timed_out = FALSE;
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *message = clean_message (PQerrorMessage (self->conn));

      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_UNAVAILABLE,
                   "cannot connect to PostgreSQL again: %s", message);
      return FALSE;
    }
  if (!set_up (self, error))
    return FALSE;
  *reconnected = TRUE;
  return TRUE;
}

/**
 * hcs_pg_make_functions:
 *
 * After connecting: the functions the translated statements call
 * (hcs_pg_sql_functions), as temporary functions of the connection. A hot
 * standby (--db-read) can make none: its statements call the same ones of
 * this server's schema hcs_sqlite_HASH, which the primary made at migrate
 * and the standby replayed (hcs_pg_is_standby()). On a primary, the
 * connection marks that schema in use (hcs_pg_hold_functions()).
 */
gboolean
hcs_pg_make_functions (HcsPg   *self,
                       GError **error)
{
  g_autofree char *recovery = hcs_pg_single_text (self, "SELECT pg_is_in_recovery ()", 0, NULL, error);

  if (recovery == NULL)
    return FALSE;
  self->standby = g_str_equal (recovery, "t");
  if (self->standby)
    return TRUE;
  /* On the primary: this server's set in use (pg-functions leaves it),
   * before migrate looks for it. */
  return hcs_pg_hold_functions (self, error) && hcs_pg_exec (self, hcs_pg_sql_function_text (), error);
}

/**
 * hcs_pg_seek_standby:
 * @every_s: seconds; 0: never
 *
 * For a read connection (--db-read) whose URI names several hosts and
 * asks for a standby (target_session_attrs prefer-standby, standby or
 * read-only; with any other the first host that answers is taken): while
 * it is on a primary, hcs_pg_reconnect_if_broken() opens it again every
 * @every_s seconds, so that libpq may choose a standby (the URI's
 * target_session_attrs, prefer-standby) once there is one again; a
 * connection opened on a standby is asked as often whether it still is
 * one (a promoted standby keeps its connections). Without it a connection
 * that found only the primary (the standby restarting during a
 * switchover), or whose standby was promoted, would read from the primary
 * until it broke. Another URI: nothing.
 */
void
hcs_pg_seek_standby (HcsPg  *self,
                     guint   every_s)
{
  PQconninfoOption *options = PQconninfo (self->conn);
  gboolean several = FALSE, for_standby = FALSE;

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (o->val == NULL)
      continue;
    else if (g_str_equal (o->keyword, "host") || g_str_equal (o->keyword, "hostaddr"))
      several |= strchr (o->val, ',') != NULL;
    else if (g_str_equal (o->keyword, "target_session_attrs"))
      for_standby = g_str_equal (o->val, "prefer-standby") || g_str_equal (o->val, "standby") ||
                    g_str_equal (o->val, "read-only");
  PQconninfoFree (options);
  self->seek_every = several && for_standby ? (gint64) every_s * G_USEC_PER_SEC : 0;
  self->next_seek = g_get_monotonic_time () + self->seek_every;
}

/* Whether the connection is a hot standby's (hcs_pg_make_functions()). */
gboolean
hcs_pg_is_standby (HcsPg *self)
{
  return self->standby;
}

void
hcs_pg_free (HcsPg *self)
{
  if (self == NULL)
    return;
  if (self->conn != NULL)
    PQfinish (self->conn);
  g_free (self);
}

PGconn *
hcs_pg_get_conn (HcsPg *self)
{
  return self->conn;
}

/* Sets @error from a failed result (NULL: the connection's error), mapping
 * the SQLSTATE to the store's error codes. Always returns FALSE. */
gboolean
hcs_pg_set_error (HcsPg     *self,
                  PGresult  *result,
                  GError   **error)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *message = clean_message (result ? PQresultErrorMessage (result)
                                                   : PQerrorMessage (self->conn));
  HcsStoreError code = HCS_STORE_ERROR_FAILED;

  if (state == NULL && self->timed_out)
    {
      g_free (message);
      message = g_strdup_printf ("PostgreSQL did not answer within %u ms; the connection was dropped",
                                 self->wait_ms);
    }
  if (state == NULL && PQstatus (self->conn) != CONNECTION_OK)
    code = HCS_STORE_ERROR_UNAVAILABLE;
  else if (state != NULL && g_str_equal (state, "23505"))
    code = HCS_STORE_ERROR_DUPLICATE;
  else if (state != NULL && g_str_has_prefix (state, "23"))
    code = HCS_STORE_ERROR_CONSTRAINT;
  else if (state != NULL && (g_str_equal (state, "40001") || g_str_equal (state, "40P01") ||
                             g_str_equal (state, "55P03")))
    code = HCS_STORE_ERROR_BUSY;
  else if (state != NULL && (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "53") ||
                             g_str_has_prefix (state, "57")))
    code = HCS_STORE_ERROR_UNAVAILABLE;
  g_set_error (error, HCS_STORE_ERROR, code, "%s", message);
  return FALSE;
}

/**
 * hcs_pg_set_wait:
 * @wait_ms: how long a statement's answer is waited for; 0: no limit
 *
 * The bound of hcs_pg_wait(). Returns: the bound before.
 */
guint
hcs_pg_set_wait (HcsPg *self,
                 guint  wait_ms)
{
  guint before = self->wait_ms;

  self->wait_ms = wait_ms;
  return before;
}

/**
 * hcs_store_set_wait:
 * @wait_ms: how long a statement's answer is waited for; 0: no limit
 *
 * Over PostgreSQL, the bound on each statement's wait (hcs_pg_wait()):
 * past it the request fails with 503 and its connection is opened again.
 * A store starts with none (the CLI's migrate, import, demo seeding); the
 * server gives its workers' the one of HNCREDIT_DB_TIMEOUT, and lifts it
 * around long work: the routes flagged HcsRoute.unbounded (an import, a
 * publication; hcs-server.c) and the grade refresh's chunks. SQLite
 * waits for nothing but its busy timeout: no-op.
 *
 * Returns: the bound before
 */
guint
hcs_store_set_wait (HcsStore *self,
                    guint     wait_ms)
{
  HcsPg *pg = hcs_store_get_pg (self);

  return pg != NULL ? hcs_pg_set_wait (pg, wait_ms) : 0;
}

/* The bound passed: the connection is given up. PQcancel would connect to
 * the postmaster and wait for its answer — of a hung one, for ever — so the
 * socket is shut down instead: libpq reads its end, the connection is bad
 * (CONNECTION_BAD: UNAVAILABLE, or COMMIT_UNKNOWN for a COMMIT), the
 * request's later statements fail at once, and the next request connects
 * again (hcs_pg_reconnect_if_broken()). */
static void
drop_connection (HcsPg *self)
{
  g_warning ("PostgreSQL did not answer within %u ms: dropping the connection", self->wait_ms);
  self->timed_out = TRUE;
  shutdown (PQsocket (self->conn), SHUT_RDWR);
  PQconsumeInput (self->conn);
}

/**
 * hcs_pg_wait:
 *
 * After a PQsend…() of the connection: its results, as PQexec() gives them
 * (the last one; an error kept), waited for at most the bound of
 * hcs_pg_set_wait() in all — a primary that hangs (stopped, or its machine
 * gone with its connections left open) leaves no request waiting for ever.
 * Past the bound the connection is dropped (drop_connection()), and the
 * result is libpq's error of a lost connection. %NULL when the query could
 * not be sent (the connection's error).
 */
PGresult *
hcs_pg_wait (HcsPg    *self,
             gboolean  sent)
{
  gint64 deadline = self->wait_ms > 0 ? g_get_monotonic_time () + (gint64) self->wait_ms * 1000 : 0;
  PGresult *last = NULL;
  PGresult *result;

  if (!sent)
    return NULL;
  for (;;)
    {
      while (PQisBusy (self->conn) && PQstatus (self->conn) == CONNECTION_OK)
        {
          struct pollfd fd = { .fd = PQsocket (self->conn), .events = POLLIN };
          int timeout = -1;

          if (deadline > 0)
            {
              gint64 left = deadline - g_get_monotonic_time ();

              if (left <= 0)
                {
                  drop_connection (self);
                  break;
                }
              timeout = (int) MIN ((left + 999) / 1000, G_MAXINT);
            }
          if (poll (&fd, 1, timeout) < 0 && errno != EINTR)
            break;
          if (PQconsumeInput (self->conn) == 0)
            break;
        }
      result = PQgetResult (self->conn);
      if (result == NULL)
        break;
      if (last != NULL && PQresultStatus (last) == PGRES_FATAL_ERROR)
        PQclear (result);
      else
        {
          PQclear (last);
          last = result;
        }
      if (PQresultStatus (last) == PGRES_COPY_IN || PQresultStatus (last) == PGRES_COPY_OUT ||
          PQresultStatus (last) == PGRES_COPY_BOTH || PQstatus (self->conn) != CONNECTION_OK)
        break;
    }
  return last;
}

/* Runs @sql (one statement or several) and checks its last result. */
gboolean
hcs_pg_exec (HcsPg       *self,
             const char  *sql,
             GError     **error)
{
  PGresult *result = hcs_pg_wait (self, PQsendQuery (self->conn, sql));
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

  if (!ok)
    hcs_pg_set_error (self, result, error);
  PQclear (result);
  return ok;
}

/* A query of one row and one column with its parameters as text; the value
 * as text (NULL for SQL NULL, with @error unset), or NULL with @error set.
 * Without parameters @sql may be several statements, the query last: one
 * round trip (PostgreSQL's simple protocol), the value the last one's. */
char *
hcs_pg_single_text (HcsPg       *self,
                    const char  *sql,
                    int          n_params,
                    const char  *const *params,
                    GError     **error)
{
  PGresult *result = hcs_pg_wait (self, n_params == 0
                                        ? PQsendQuery (self->conn, sql)
                                        : PQsendQueryParams (self->conn, sql, n_params, NULL, params,
                                                             NULL, NULL, 0));
  char *value = NULL;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      hcs_pg_set_error (self, result, error);
      PQclear (result);
      return NULL;
    }
  if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return value;
}

/* Whether a transaction of hcs_pg_begin() is open. */
gboolean
hcs_pg_in_transaction (HcsPg *self)
{
  return self->in_transaction;
}

gboolean
hcs_pg_begin (HcsPg   *self,
              GError **error)
{
  g_return_val_if_fail (!self->in_transaction, FALSE);
  if (!hcs_pg_exec (self, "BEGIN", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

/* A COMMIT whose connection is lost before its answer (the primary went
 * away: a failover) may have committed — with synchronous replication,
 * the primary has it once it waits for the standby's word, and the standby
 * may have it too — or not: COMMIT_UNKNOWN, never "nothing was changed".
 * Any other failure of COMMIT (a deferred check, a serialization failure)
 * rolled the transaction back. */
gboolean
hcs_pg_commit (HcsPg   *self,
               GError **error)
{
  g_autoptr(GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (self->in_transaction, FALSE);
  ok = hcs_pg_exec (self, "COMMIT", &local);
  self->in_transaction = FALSE;
  if (ok)
    return TRUE;
  if (PQstatus (self->conn) != CONNECTION_OK)
    g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_COMMIT_UNKNOWN,
                 "the connection was lost while COMMIT ran; the transaction may have been committed: %s",
                 local->message);
  else
    g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

void
hcs_pg_rollback (HcsPg *self)
{
  if (!self->in_transaction)
    return;
  /* a failed ROLLBACK leaves nothing to undo: the connection is gone */
  hcs_pg_exec (self, "ROLLBACK", NULL);
  self->in_transaction = FALSE;
}

/**
 * hcs_pg_get_schema_version:
 *
 * The schema version of the database: 0 when it has no hncredit schema,
 * -1 with @error set when it cannot be read.
 */
int
hcs_pg_get_schema_version (HcsPg   *self,
                           GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *version = NULL;
  g_autofree char *exists = hcs_pg_single_text (self, "SELECT to_regclass ('hc_schema_version') IS NOT NULL",
                                                0, NULL, &local);

  if (exists == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return -1;
    }
  if (!g_str_equal (exists, "t"))
    return 0;
  version = hcs_pg_single_text (self, "SELECT max (version) FROM hc_schema_version", 0, NULL, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return -1;
    }
  return version != NULL ? atoi (version) : 0;
}

static gboolean
apply_file (HcsPg       *self,
            const char  *name,
            GError     **error)
{
  g_autofree char *path = g_strconcat ("/org/hncredit/server/schema/pg/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!hcs_pg_exec (self, sql, error))
    {
      g_prefix_error (error, "pg/%s: ", name);
      return FALSE;
    }
  return TRUE;
}

/**
 * hcs_pg_apply_migrations:
 * @from_version: the version the database has (0: none)
 *
 * Applies the versions after @from_version and records the latest, inside
 * the caller's transaction (PostgreSQL's DDL is transactional: a failure
 * and the caller's rollback leave the database as it was).
 */
gboolean
hcs_pg_apply_migrations (HcsPg       *self,
                         int          from_version,
                         GError     **error)
{
  int want = hcs_migrations_latest ();
  g_autofree char *record = NULL;

  g_return_val_if_fail (self->in_transaction, FALSE);
  for (int v = from_version + 1; v <= want; v++)
    {
      const char * const *files = hcs_migrations_files (v);

      for (guint i = 0; files[i] != NULL; i++)
        if (!apply_file (self, files[i], error))
          return FALSE;
    }
  record = g_strdup_printf ("CREATE TABLE IF NOT EXISTS hc_schema_version (version integer NOT NULL);"
                            "DELETE FROM hc_schema_version;"
                            "INSERT INTO hc_schema_version (version) VALUES (%d)", want);
  return hcs_pg_exec (self, record, error);
}

/* Waits for the migration lock of the database, held to the end of the
 * transaction. */
gboolean
hcs_pg_lock_migrations (HcsPg   *self,
                        GError **error)
{
  /* Servers starting together wait for each other's migrations, however
   * long: no lock_timeout for this transaction. */
  return hcs_pg_exec (self, "SET LOCAL lock_timeout = 0;"
                      " SELECT pg_advisory_xact_lock (x'" MIGRATION_LOCK "'::bigint)", error);
}

/* The translation's functions in this server's schema hcs_sqlite_HASH,
 * for the standbys (hcs_pg_make_functions()): made when the schema is
 * missing, so that a server started again writes nothing and needs no
 * right to create. A schema of another hash is another version's, left to
 * the servers of that version (README, "Deployment", says how the sets of
 * versions no longer running are dropped). */
static gboolean
make_shared_functions (HcsPg   *self,
                       GError **error)
{
  const char *params[1] = { hcs_pg_sql_shared_schema () };
  g_autofree char *exists = hcs_pg_single_text (self, "SELECT to_regnamespace ($1) IS NOT NULL", 1, params, error);
  g_autofree char *sql = NULL;

  if (exists == NULL)
    return FALSE;
  if (g_str_equal (exists, "t"))
    return TRUE;
  sql = hcs_pg_sql_shared_functions ();
  if (!hcs_pg_exec (self, sql, error))
    {
      g_prefix_error (error, "the functions of the schema %s: ", params[0]);
      return FALSE;
    }
  return TRUE;
}

/**
 * hcs_pg_migrate:
 *
 * Brings the database to the latest schema in one transaction; a database
 * newer than this server is refused rather than touched. Makes this
 * server's schema of the translation's functions too (hcs_sqlite_HASH),
 * for the standbys that replay it, unless it is there already.
 */
gboolean
hcs_pg_migrate (HcsPg   *self,
                GError **error)
{
  int have, want = hcs_migrations_latest ();

  if (!hcs_pg_begin (self, error))
    return FALSE;
  if (!hcs_pg_lock_migrations (self, error) ||
      (have = hcs_pg_get_schema_version (self, error)) < 0)
    {
      hcs_pg_rollback (self);
      return FALSE;
    }
  if (have > want)
    {
      hcs_pg_rollback (self);
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_SCHEMA,
                   "the database has schema version %d, newer than this server's %d", have, want);
      return FALSE;
    }
  if (have < want && !hcs_pg_apply_migrations (self, have, error))
    {
      hcs_pg_rollback (self);
      return FALSE;
    }
  if (!make_shared_functions (self, error))
    {
      hcs_pg_rollback (self);
      return FALSE;
    }
  return hcs_pg_commit (self, error);
}
