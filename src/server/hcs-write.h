/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The end of every write: its audit entry and the commit, together. */
#pragma once

#include "hcs-request.h"

G_BEGIN_DECLS

gboolean  hcs_write_begin   (HcsRequest  *req);
gboolean  hcs_write_commit  (HcsRequest  *req,
                             const char  *action,
                             const char  *entity,
                             const char  *entity_id,
                             JsonObject  *before,
                             JsonObject  *after);
void      hcs_write_fail    (HcsRequest  *req,
                             const GError *error);
JsonNode *hcs_json_object_node (JsonObject *obj);

G_END_DECLS
