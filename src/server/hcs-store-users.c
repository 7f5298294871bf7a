/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for users, sessions and departments. */
#define G_LOG_DOMAIN "hcs-store-users"

#include "config.h"

#include "hcs-store-private.h"
#include "hcs-store-users.h"

void
hcs_user_record_free (HcsUserRecord *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->username);
  g_free (rec->password_hash);
  g_free (rec);
}

static const char SQL_COUNT_USERS[] = "SELECT count(*) FROM users";

gint64
hcs_store_users_count (HcsStore  *store,
                       GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_COUNT_USERS, error);

  return stmt ? hcs_store_single_int (store, stmt, error) : -1;
}

static const char SQL_FIND_USER[] =
  "SELECT id, username, password_hash, role, active FROM users WHERE username = ?1";

/* Returns: (nullable): the user, %NULL without @error when unknown */
HcsUserRecord *
hcs_store_users_find (HcsStore    *store,
                      const char  *username,
                      GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_FIND_USER, error);
  HcsUserRecord *rec;
  int rc;

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_text (stmt, 1, username);
  rc = hcs_store_step (store, stmt, error);
  if (rc != HCS_STMT_ROW)
    return NULL;
  rec = g_new0 (HcsUserRecord, 1);
  rec->id = hcs_stmt_column_int64 (stmt, 0);
  rec->username = g_strdup (hcs_stmt_column_text (stmt, 1));
  rec->password_hash = g_strdup (hcs_stmt_column_text (stmt, 2));
  if (!hc_role_from_key (hcs_stmt_column_text (stmt, 3), &rec->role))
    rec->role = HC_ROLE_ANALYST;
  rec->active = hcs_stmt_column_int (stmt, 4) != 0;
  hcs_stmt_reset (stmt);
  return rec;
}

#define USER_COLUMNS \
  "id, username, display_name, role, department_id, active = 1 AS active, version, created_at, updated_at"

static const char SQL_GET_USER[] = "SELECT " USER_COLUMNS " FROM users WHERE id = ?1";

static void
fix_bool (JsonObject *obj,
          const char *name)
{
  json_object_set_boolean_member (obj, name, json_object_get_int_member (obj, name) != 0);
}

JsonObject *
hcs_store_users_get (HcsStore  *store,
                     gint64     id,
                     GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_GET_USER, error);
  JsonObject *obj;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  obj = hcs_store_get_object (store, stmt, error);
  if (obj == NULL)
    return NULL;
  fix_bool (obj, "active");
  return obj;
}

static const char SQL_LIST_USERS[] = "SELECT " USER_COLUMNS " FROM users ORDER BY username";

JsonArray *
hcs_store_users_list (HcsStore  *store,
                      GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_LIST_USERS, error);
  JsonArray *rows;

  if (stmt == NULL || (rows = hcs_store_rows_array (store, stmt, 0, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    fix_bool (json_array_get_object_element (rows, i), "active");
  return rows;
}

static const char SQL_INSERT_USER[] =
  "INSERT INTO users (username, display_name, role, password_hash, department_id, created_at, updated_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";

/* Returns: the new id, or 0 with @error set */
gint64
hcs_store_users_insert (HcsStore    *store,
                        const char  *username,
                        const char  *display_name,
                        HcRole       role,
                        const char  *password_hash,
                        gint64       department_id,
                        GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_INSERT_USER, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return 0;
  hcs_store_bind_text (stmt, 1, username);
  hcs_store_bind_text (stmt, 2, display_name ? display_name : "");
  hcs_store_bind_text (stmt, 3, hc_role_to_key (role));
  hcs_store_bind_text (stmt, 4, password_hash);
  if (department_id > 0)
    hcs_stmt_bind_int64 (stmt, 5, department_id);
  hcs_store_bind_text (stmt, 6, now);
  return hcs_store_insert (store, stmt, error);
}

static const char SQL_UPDATE_USER[] =
  "UPDATE users SET display_name = coalesce (?3, display_name), role = coalesce (?4, role),"
  " password_hash = coalesce (?5, password_hash),"
  " active = CASE WHEN ?6 < 0 THEN active ELSE ?6 END,"
  " version = version + 1, updated_at = ?7"
  " WHERE id = ?1 AND version = ?2";
static const char SQL_USER_EXISTS[] = "SELECT 1 FROM users WHERE id = ?1";

/* Fields left NULL (or @active < 0) stay; a stale @version changes nothing
 * and fails with HCS_STORE_ERROR_STALE. */
gboolean
hcs_store_users_update (HcsStore    *store,
                        gint64       id,
                        gint64       version,
                        const char  *display_name,
                        const char  *role,
                        const char  *password_hash,
                        int          active,
                        GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_UPDATE_USER, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_stmt_bind_int64 (stmt, 2, version);
  hcs_store_bind_text (stmt, 3, display_name);
  hcs_store_bind_text (stmt, 4, role);
  hcs_store_bind_text (stmt, 5, password_hash);
  hcs_stmt_bind_int64 (stmt, 6, active);
  hcs_store_bind_text (stmt, 7, now);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;
  return hcs_store_check_versioned_update (store, SQL_USER_EXISTS, id, error);
}

static const char SQL_INSERT_SESSION[] =
  "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_PURGE_SESSIONS[] = "DELETE FROM sessions WHERE expires_at < ?1";

gboolean
hcs_store_sessions_insert (HcsStore    *store,
                           const char  *token_hash,
                           gint64       user_id,
                           gint64       expires_at,
                           GError     **error)
{
  HcsStmt *stmt;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* Sessions long expired are of no use to anyone; drop them as we go. */
  stmt = hcs_store_prepare (store, SQL_PURGE_SESSIONS, error);
  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, now - 7 * 24 * 3600);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;

  stmt = hcs_store_prepare (store, SQL_INSERT_SESSION, error);
  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, token_hash);
  hcs_stmt_bind_int64 (stmt, 2, user_id);
  hcs_stmt_bind_int64 (stmt, 3, now);
  hcs_stmt_bind_int64 (stmt, 4, expires_at);
  return hcs_store_step_done (store, stmt, error);
}

static const char SQL_LOOKUP_SESSION[] =
  "SELECT u.id, u.username, u.role, s.expires_at, u.active FROM sessions s"
  " JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1";
static const char SQL_DATA_VERSION[] = "PRAGMA data_version";

/* The sessions this connection found live since the database last changed
 * (issue 12): a request's token check without the session query. The
 * database stays the truth: any commit, this connection's or another's
 * (a sign-out, a password change, a deactivation, a new role, an expiry
 * purge), empties the cache before the next look-up reads it, and an entry
 * serves no longer than its session's expiry. */
#define SESSION_CACHE_MAX 4096

typedef struct
{
  gint64  user_id;
  char   *username;
  HcRole  role;
  gint64  expires_at;
} CachedSession;

struct _HcsSessionCache
{
  gint64      data_version;    /* PRAGMA data_version: others' commits */
  gint64      total_changes;   /* hcs_store_total_changes: ours */
  GHashTable *entries;         /* token hash → CachedSession */
};

static void
cached_session_free (gpointer data)
{
  CachedSession *c = data;

  g_free (c->username);
  g_free (c);
}

void
hcs_session_cache_free (HcsSessionCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->entries);
  g_free (cache);
}

/* The connection's cache, emptied when the database changed since it was
 * last used; %NULL when the change could not be read (then no cache). */
static HcsSessionCache *
session_cache (HcsStore *store)
{
  HcsSessionCache **slot = hcs_store_session_cache (store);
  HcsStmt *stmt;
  gint64 version, changes;

  /* Over PostgreSQL other servers write the same sessions: every check
   * reads the table, so a sign-out anywhere ends the token at once. */
  if (hcs_store_is_pg (store))
    return NULL;
  stmt = hcs_store_prepare (store, SQL_DATA_VERSION, NULL);
  if (stmt == NULL || hcs_store_step (store, stmt, NULL) != HCS_STMT_ROW)
    {
      if (stmt != NULL)
        hcs_stmt_reset (stmt);
      return NULL;
    }
  version = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  changes = hcs_store_total_changes (store);

  if (*slot == NULL)
    {
      *slot = g_new0 (HcsSessionCache, 1);
      (*slot)->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cached_session_free);
    }
  if ((*slot)->data_version != version || (*slot)->total_changes != changes)
    {
      g_hash_table_remove_all ((*slot)->entries);
      (*slot)->data_version = version;
      (*slot)->total_changes = changes;
    }
  return *slot;
}

gboolean
hcs_store_sessions_lookup (HcsStore    *store,
                           const char  *token_hash,
                           gint64       now,
                           gint64      *user_id,
                           char       **username,
                           HcRole      *role,
                           gboolean    *expired,
                           GError     **error)
{
  HcsSessionCache *cache = session_cache (store);
  CachedSession *hit = cache != NULL ? g_hash_table_lookup (cache->entries, token_hash) : NULL;
  HcsStmt *stmt;
  gboolean found = FALSE;
  int rc;

  *expired = FALSE;
  if (hit != NULL && hit->expires_at > now)
    {
      *user_id = hit->user_id;
      *username = g_strdup (hit->username);
      *role = hit->role;
      return TRUE;
    }

  stmt = hcs_store_prepare (store, SQL_LOOKUP_SESSION, error);
  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, token_hash);
  rc = hcs_store_step (store, stmt, error);
  if (rc == HCS_STMT_ROW && hcs_stmt_column_int (stmt, 4) != 0)
    {
      gint64 expires_at = hcs_stmt_column_int64 (stmt, 3);

      if (expires_at <= now)
        *expired = TRUE;
      else if (hc_role_from_key (hcs_stmt_column_text (stmt, 2), role))
        {
          *user_id = hcs_stmt_column_int64 (stmt, 0);
          *username = g_strdup (hcs_stmt_column_text (stmt, 1));
          found = TRUE;
          if (cache != NULL)
            {
              CachedSession *c = g_new0 (CachedSession, 1);

              if (g_hash_table_size (cache->entries) >= SESSION_CACHE_MAX)
                g_hash_table_remove_all (cache->entries);
              c->user_id = *user_id;
              c->username = g_strdup (*username);
              c->role = *role;
              c->expires_at = expires_at;
              g_hash_table_replace (cache->entries, g_strdup (token_hash), c);
            }
        }
    }
  hcs_stmt_reset (stmt);
  return found;
}

static const char SQL_DELETE_SESSION[] = "DELETE FROM sessions WHERE token_hash = ?1";

gboolean
hcs_store_sessions_delete (HcsStore    *store,
                           const char  *token_hash,
                           GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DELETE_SESSION, error);

  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, token_hash);
  return hcs_store_step_done (store, stmt, error);
}

static const char SQL_REVOKE_USER_SESSIONS[] =
  "DELETE FROM sessions WHERE user_id = ?1 AND (?2 IS NULL OR token_hash <> ?2)";

/**
 * hcs_store_sessions_revoke_user:
 * @keep_token_hash: (nullable): a session to keep (the one making the change)
 *
 * Ends every session of @user_id (but @keep_token_hash): after a password
 * change or a deactivation no old token works again, reactivated or not.
 */
gboolean
hcs_store_sessions_revoke_user (HcsStore    *store,
                                gint64       user_id,
                                const char  *keep_token_hash,
                                GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_REVOKE_USER_SESSIONS, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, user_id);
  hcs_store_bind_text (stmt, 2, keep_token_hash);
  return hcs_store_step_done (store, stmt, error);
}

#define DEPARTMENT_COLUMNS "id, code, name, level, region, version, created_at"
static const char SQL_LIST_DEPARTMENTS[] =
  "SELECT " DEPARTMENT_COLUMNS " FROM departments ORDER BY code";
static const char SQL_GET_DEPARTMENT[] =
  "SELECT " DEPARTMENT_COLUMNS " FROM departments WHERE id = ?1";

JsonArray *
hcs_store_departments_list (HcsStore  *store,
                            GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_LIST_DEPARTMENTS, error);

  return stmt ? hcs_store_rows_array (store, stmt, 0, error) : NULL;
}

JsonObject *
hcs_store_departments_get (HcsStore  *store,
                           gint64     id,
                           GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_GET_DEPARTMENT, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  return hcs_store_get_object (store, stmt, error);
}

static const char SQL_INSERT_DEPARTMENT[] =
  "INSERT INTO departments (code, name, level, region, created_at) VALUES (?1, ?2, ?3, ?4, ?5)";

gint64
hcs_store_departments_insert (HcsStore    *store,
                              const char  *code,
                              const char  *name,
                              const char  *level,
                              const char  *region,
                              GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_INSERT_DEPARTMENT, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return 0;
  hcs_store_bind_text (stmt, 1, code);
  hcs_store_bind_text (stmt, 2, name);
  hcs_store_bind_text (stmt, 3, level ? level : "provincial");
  hcs_store_bind_text (stmt, 4, region);
  hcs_store_bind_text (stmt, 5, now);
  return hcs_store_insert (store, stmt, error);
}
