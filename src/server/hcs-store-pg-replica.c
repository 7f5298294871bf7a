/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads from a replica (`--db-read postgresql://…`, issue 15) that still
 * see a client's own writes. After a request of a token writes, the
 * primary's WAL position (pg_current_wal_lsn, taken after the commit, so
 * at or past its commit record) is kept in the token's session row. A later
 * read of that token, on any server (the session is read from the primary
 * on every request), goes to the replica only when the replica has
 * replayed at least that far (pg_last_wal_replay_lsn) on the write's
 * timeline or a later one: then the write is there, since WAL is replayed
 * in order. Else, and when the replica cannot
 * say (a database that is no standby answers NULL), the primary answers. A
 * token that never wrote reads from the replica at once. */
#define G_LOG_DOMAIN "hcs-store-pg"

#include "config.h"

#include "hcs-store-pg-private.h"
#include "hcs-store-pg-sql.h"
#include "hcs-store-private.h"

/* The position, a space and its timeline ("0/3000060 2"): the first eight
 * hex digits of its WAL file's name, on the primary. A session row of a
 * server before the timeline has the position alone. */
static const char SQL_NOTE_WRITE[] =
  "UPDATE sessions SET write_lsn = w.lsn::text || ' '"
  "  || ('x' || substr (pg_walfile_name (w.lsn), 1, 8))::bit(32)::int"
  " FROM (SELECT pg_current_wal_lsn () AS lsn) w WHERE token_hash = $1";
static const char SQL_WRITE_LSN[] = "SELECT write_lsn FROM sessions WHERE token_hash = $1";
/* $1: the session's write_lsn. Its position counts as replayed only on the
 * write's timeline or a later one: the standby's, the greater of what its
 * WAL receiver last received (shown to privileged roles only) and its last
 * restartpoint's (which may lag, never lead). A standby that replayed the
 * old primary's WAL past the point where a failover's new timeline forked
 * can follow no more: its timeline stays the old one, though its position
 * may be past a write on the new one (three nodes, asynchronous
 * replication; api-pg-read-timeline).
 * $2: the server's schema of functions (hcs_pg_sql_shared_schema()), which
 * a standby has once it replayed its making by the primary: a token signed
 * in by a server of another version may be replayed before this server's
 * start made its schema (a rolling upgrade). */
static const char SQL_REPLAYED[] =
  "SELECT coalesce ($1::text IS NULL"
  "  OR (pg_last_wal_replay_lsn () >= split_part ($1::text, ' ', 1)::pg_lsn"
  "   AND (split_part ($1::text, ' ', 2) = ''"
  "    OR greatest ((SELECT received_tli FROM pg_stat_wal_receiver),"
  "                 (SELECT timeline_id FROM pg_control_checkpoint ())) >= split_part ($1::text, ' ', 2)::int)),"
  "  FALSE)"
  " AND ($2::text IS NULL OR to_regnamespace ($2) IS NOT NULL)";

/**
 * hcs_store_sessions_note_write:
 * @primary: the primary's store, out of any transaction
 *
 * Keeps the primary's WAL position in the session of @token_hash, after a
 * write of one of its requests has committed. Nothing over SQLite.
 */
gboolean
hcs_store_sessions_note_write (HcsStore    *primary,
                               const char  *token_hash,
                               GError     **error)
{
  HcsPg *pg = hcs_store_get_pg (primary);
  const char *params[2] = { token_hash, NULL };
  PGresult *result;
  gboolean ok = TRUE;

  if (pg == NULL)
    return TRUE;
  result = hcs_pg_wait (pg, PQsendQueryParams (hcs_pg_get_conn (pg), SQL_NOTE_WRITE, 1, NULL, params,
                                               NULL, NULL, 0));
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    ok = hcs_pg_set_error (pg, result, error);
  PQclear (result);
  return ok;
}

/**
 * hcs_store_replica_is_current:
 *
 * Whether @replica may answer a read of the token @token_hash: the token
 * has written nothing, or @replica has replayed its last write; and
 * @replica has this server's functions (a standby's statements call them).
 *
 * Returns: %TRUE or %FALSE; %FALSE with @error set when the primary could
 *   not be read (an error of the replica only means "not current")
 */
gboolean
hcs_store_replica_is_current (HcsStore    *primary,
                              HcsStore    *replica,
                              const char  *token_hash,
                              GError     **error)
{
  HcsPg *pg = hcs_store_get_pg (primary);
  HcsPg *read = hcs_store_get_pg (replica);
  g_autoptr(GError) local = NULL;
  g_autofree char *lsn = NULL;
  g_autofree char *replayed = NULL;
  const char *params[2] = { token_hash, NULL };

  if (pg == NULL || read == NULL)
    return FALSE;
  lsn = hcs_pg_single_text (pg, SQL_WRITE_LSN, 1, params, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (lsn == NULL && !hcs_pg_is_standby (read))
    return TRUE;
  params[0] = lsn;
  params[1] = hcs_pg_is_standby (read) ? hcs_pg_sql_shared_schema () : NULL;
  replayed = hcs_pg_single_text (read, SQL_REPLAYED, 2, params, &local);
  if (local != NULL)
    g_debug ("the replica cannot say how far it replayed: %s", local->message);
  return g_strcmp0 (replayed, "t") == 0;
}

/**
 * hcs_store_replica_seek_standby:
 *
 * hcs_pg_seek_standby() of @replica's connection; nothing over SQLite.
 */
void
hcs_store_replica_seek_standby (HcsStore  *replica,
                                guint      every_s)
{
  HcsPg *read = hcs_store_get_pg (replica);

  if (read != NULL)
    hcs_pg_seek_standby (read, every_s);
}
