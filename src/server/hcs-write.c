/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsWrite: the transaction of a route that writes, with its audit entry;
 * rolled back unless committed, so that no route rolls back by hand and no
 * route can forget its audit entry. */
#define G_LOG_DOMAIN "hcs-write"

#include "config.h"

#include "hcs-store-audit.h"
#include "hcs-write.h"

struct _HcsWrite
{
  HcsStore   *store;
  HcsRequest *req;    /* NULL for a write of no request (the import's CLI) */
  gboolean    done;   /* committed, or failed to and rolled back */
};

/* Returns: (transfer full): a node holding a new reference to @obj */
JsonNode *
hcs_json_object_node (JsonObject *obj)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, obj);
  return node;
}

/**
 * hcs_write_begin:
 *
 * Begins the write's transaction.
 *
 * Returns: (transfer full) (nullable): the guard, or %NULL with @error set
 */
HcsWrite *
hcs_write_begin (HcsRequest  *req,
                 GError     **error)
{
  HcsWrite *self;

  g_return_val_if_fail (req != NULL, NULL);

  self = hcs_write_begin_store (hcs_request_write_store (req), error);
  if (self != NULL)
    self->req = req;
  return self;
}

/**
 * hcs_write_begin_store:
 *
 * Begins a write on @store that no request makes (the import, which the
 * CLI runs too); it commits with hcs_write_commit_as().
 *
 * Returns: (transfer full) (nullable): the guard, or %NULL with @error set
 */
HcsWrite *
hcs_write_begin_store (HcsStore  *store,
                       GError   **error)
{
  HcsWrite *self;

  g_return_val_if_fail (store != NULL, NULL);

  if (!hcs_store_begin (store, error))
    return NULL;
  self = g_new0 (HcsWrite, 1);
  self->store = store;
  return self;
}

/**
 * hcs_write_commit:
 * @before: (nullable): the record before (none for a creation)
 * @after: (nullable): the record after (none for a deletion)
 *
 * Records the audit entry and commits. On failure everything is rolled back
 * and @error set; the caller answers it.
 */
gboolean
hcs_write_commit (HcsWrite    *self,
                  const char  *action,
                  const char  *entity,
                  const char  *entity_id,
                  JsonObject  *before,
                  JsonObject  *after,
                  GError     **error)
{
  g_return_val_if_fail (self != NULL && self->req != NULL, FALSE);

  return hcs_write_commit_as (self, hcs_request_get_actor (self->req), action, entity, entity_id,
                              before, after, error);
}

/**
 * hcs_write_commit_as:
 * @actor: (nullable): who the audit entry names, for a request that has no
 *   signed-in actor yet (a sign-in); %NULL for nobody known
 *
 * As hcs_write_commit(), with the audit entry's actor given.
 */
gboolean
hcs_write_commit_as (HcsWrite        *self,
                     const HcsActor  *actor,
                     const char      *action,
                     const char      *entity,
                     const char      *entity_id,
                     JsonObject      *before,
                     JsonObject      *after,
                     GError         **error)
{
  g_autoptr(JsonNode) before_node = before ? hcs_json_object_node (before) : NULL;
  g_autoptr(JsonNode) after_node = after ? hcs_json_object_node (after) : NULL;

  g_return_val_if_fail (self != NULL && !self->done, FALSE);

  self->done = TRUE;
  if (hcs_store_audit_record (self->store, actor, action, entity, entity_id,
                              before_node, after_node, error) &&
      hcs_store_commit (self->store, error))
    return TRUE;
  hcs_store_rollback (self->store);
  return FALSE;
}

/**
 * hcs_write_record:
 *
 * Records one more audit entry in the write's transaction, before the one
 * hcs_write_commit() records: for a write that is two acts (a subject's
 * edit that also overrides its grade). Nothing is committed; on failure
 * the caller answers @error and the guard rolls back.
 */
gboolean
hcs_write_record (HcsWrite    *self,
                  const char  *action,
                  const char  *entity,
                  const char  *entity_id,
                  JsonObject  *before,
                  JsonObject  *after,
                  GError     **error)
{
  g_autoptr(JsonNode) before_node = before ? hcs_json_object_node (before) : NULL;
  g_autoptr(JsonNode) after_node = after ? hcs_json_object_node (after) : NULL;

  g_return_val_if_fail (self != NULL && self->req != NULL && !self->done, FALSE);

  return hcs_store_audit_record (self->store, hcs_request_get_actor (self->req), action, entity, entity_id,
                                 before_node, after_node, error);
}

/* Frees the guard, rolling the transaction back when it was not committed. */
void
hcs_write_free (HcsWrite *self)
{
  if (self == NULL)
    return;
  if (!self->done)
    hcs_store_rollback (self->store);
  g_free (self);
}
