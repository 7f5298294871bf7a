/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Transactions of the routes that write: begin, audit + commit, or roll back
 * and answer the error, so that no route can forget its audit entry. */
#define G_LOG_DOMAIN "hcs-write"

#include "config.h"

#include "hcs-store-audit.h"
#include "hcs-write.h"

/* Returns: (transfer full): a node holding a new reference to @obj */
JsonNode *
hcs_json_object_node (JsonObject *obj)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, obj);
  return node;
}

/* Begins the write's transaction; answers the error and returns %FALSE when
 * it cannot. */
gboolean
hcs_write_begin (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;

  if (hcs_store_begin (hcs_request_get_store (req), &error))
    return TRUE;
  hcs_request_reply_store_error (req, error);
  return FALSE;
}

/**
 * hcs_write_commit:
 * @before: (nullable): the record before (none for a creation)
 * @after: (nullable): the record after (none for a deletion)
 *
 * Records the audit entry and commits. On failure everything is rolled back,
 * the error answered, and %FALSE returned: the caller then only returns.
 * On success the caller answers.
 */
gboolean
hcs_write_commit (HcsRequest *req,
                  const char *action,
                  const char *entity,
                  const char *entity_id,
                  JsonObject *before,
                  JsonObject *after)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(JsonNode) before_node = before ? hcs_json_object_node (before) : NULL;
  g_autoptr(JsonNode) after_node = after ? hcs_json_object_node (after) : NULL;
  g_autoptr(GError) error = NULL;

  if (hcs_store_audit_record (store, hcs_request_get_actor (req), action, entity, entity_id,
                              before_node, after_node, &error) &&
      hcs_store_commit (store, &error))
    return TRUE;
  hcs_store_rollback (store);
  hcs_request_reply_store_error (req, error);
  return FALSE;
}

/* Rolls back and answers @error. */
void
hcs_write_fail (HcsRequest   *req,
                const GError *error)
{
  hcs_store_rollback (hcs_request_get_store (req));
  hcs_request_reply_store_error (req, error);
}
