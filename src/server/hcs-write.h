/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsWrite: the guard of a route's write. hcs_write_begin() opens the
 * transaction; hcs_write_commit() records the audit entry and commits, both
 * or neither; a guard that goes out of scope uncommitted rolls back:
 *
 *   g_autoptr(HcsWrite) w = NULL;
 *
 *   if ((w = hcs_write_begin (req, &error)) == NULL ||
 *       !hcs_repairs_create (store, …, &id, &error) ||
 *       !hcs_write_commit (w, "repair.create", "repair", id_text, NULL, after, &error))
 *     {
 *       hcs_request_reply_gerror (req, error);
 *       return;      // the guard rolls back
 *     }
 */
#pragma once

#include "hcs-request.h"

G_BEGIN_DECLS

typedef struct _HcsWrite HcsWrite;

HcsWrite *hcs_write_begin      (HcsRequest   *req,
                                GError      **error);
HcsWrite *hcs_write_begin_store (HcsStore    *store,
                                 GError     **error);
gboolean  hcs_write_commit     (HcsWrite     *self,
                                const char   *action,
                                const char   *entity,
                                const char   *entity_id,
                                JsonObject   *before,
                                JsonObject   *after,
                                GError      **error);
gboolean  hcs_write_commit_as  (HcsWrite       *self,
                                const HcsActor *actor,
                                const char     *action,
                                const char     *entity,
                                const char     *entity_id,
                                JsonObject     *before,
                                JsonObject     *after,
                                GError        **error);
gboolean  hcs_write_record     (HcsWrite     *self,
                                const char   *action,
                                const char   *entity,
                                const char   *entity_id,
                                JsonObject   *before,
                                JsonObject   *after,
                                GError      **error);
void      hcs_write_free       (HcsWrite     *self);

JsonNode *hcs_json_object_node (JsonObject   *obj);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsWrite, hcs_write_free)

G_END_DECLS
