/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for the audit log. */
#define G_LOG_DOMAIN "hcs-store-audit"

#include "config.h"

#include "hcs-store-audit.h"
#include "hcs-store-private.h"

static const char SQL_INSERT_AUDIT[] =
  "INSERT INTO audit (at, actor, role, action, entity, entity_id, before, after)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

/**
 * hcs_store_audit_record:
 * @actor: (nullable): who; %NULL for the server itself (seeding, start-up)
 * @before: (nullable): the record before the write
 * @after: (nullable): the record after it
 *
 * Call inside the write's transaction, so that a write and its audit entry
 * land together or not at all.
 */
gboolean
hcs_store_audit_record (HcsStore        *store,
                        const HcsActor  *actor,
                        const char      *action,
                        const char      *entity,
                        const char      *entity_id,
                        JsonNode        *before,
                        JsonNode        *after,
                        GError         **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_INSERT_AUDIT, error);
  g_autofree char *now = hcs_now_iso ();

  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, now);
  hcs_store_bind_text (stmt, 2, actor ? actor->username : "system");
  hcs_store_bind_text (stmt, 3, actor ? hc_role_to_key (actor->role) : "system");
  hcs_store_bind_text (stmt, 4, action);
  hcs_store_bind_text (stmt, 5, entity);
  hcs_store_bind_text (stmt, 6, entity_id);
  hcs_store_bind_json (stmt, 7, before);
  hcs_store_bind_json (stmt, 8, after);
  return hcs_store_step_done (store, stmt, error);
}

/* Newest first; the cursor carries the last id seen. */
static const char SQL_LIST_AUDIT[] =
  "SELECT id, at, actor, role, action, entity, entity_id, before, after FROM audit"
  " WHERE (?1 IS NULL OR actor = ?1) AND (?2 IS NULL OR entity = ?2)"
  "   AND (?3 IS NULL OR entity_id = ?3)"
  "   AND (?4 IS NULL OR at >= ?4) AND (?5 IS NULL OR at < ?5)"
  "   AND (?6 = 0 OR id < ?6)"
  " ORDER BY id DESC LIMIT ?7";
static const char SQL_COUNT_AUDIT[] =
  "SELECT count(*) FROM audit"
  " WHERE (?1 IS NULL OR actor = ?1) AND (?2 IS NULL OR entity = ?2)"
  "   AND (?3 IS NULL OR entity_id = ?3)"
  "   AND (?4 IS NULL OR at >= ?4) AND (?5 IS NULL OR at < ?5)";

static void
parse_json_member (JsonObject *row,
                   const char *name)
{
  const char *text;
  g_autoptr(JsonNode) node = NULL;

  if (json_object_get_null_member (row, name))
    return;
  text = json_object_get_string_member (row, name);
  node = json_from_string (text, NULL);
  if (node != NULL)
    json_object_set_member (row, name, g_steal_pointer (&node));
}

/**
 * hcs_store_audit_list:
 * @total: (out) (optional): when not %NULL, the count of all matches
 *
 * Returns: (transfer full): up to @page->limit + 1 rows, newest first, with
 *   before/after as JSON values
 */
JsonArray *
hcs_store_audit_list (HcsStore       *store,
                      const char     *actor,
                      const char     *entity,
                      const char     *entity_id,
                      const char     *from,
                      const char     *to,
                      const HcsPage  *page,
                      gint64         *total,
                      GError        **error)
{
  const HcsStoreValue where[] = { HCS_STORE_TEXT (actor), HCS_STORE_TEXT (entity),
                                  HCS_STORE_TEXT (entity_id), HCS_STORE_TEXT (from),
                                  HCS_STORE_TEXT (to) };
  HcsStmt *stmt;
  JsonArray *rows;

  if (total != NULL &&
      (*total = hcs_store_count_filtered (store, SQL_COUNT_AUDIT, where, G_N_ELEMENTS (where), error)) < 0)
    return NULL;

  stmt = hcs_store_prepare (store, SQL_LIST_AUDIT, error);
  if (stmt == NULL)
    return NULL;
  hcs_store_bind_filter (stmt, where, G_N_ELEMENTS (where));
  hcs_stmt_bind_int64 (stmt, 6, page->after_id);
  hcs_stmt_bind_int64 (stmt, 7, page->limit + 1);
  rows = hcs_store_rows_array (store, stmt, 0, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      parse_json_member (row, "before");
      parse_json_member (row, "after");
    }
  return rows;
}
