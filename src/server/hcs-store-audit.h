/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Storage of the audit log: every write, who, when, before and after. */
#pragma once

#include "hcs-request.h"

G_BEGIN_DECLS

gboolean   hcs_store_audit_record  (HcsStore        *store,
                                    const HcsActor  *actor,
                                    const char      *action,
                                    const char      *entity,
                                    const char      *entity_id,
                                    JsonNode        *before,
                                    JsonNode        *after,
                                    GError         **error);
JsonArray *hcs_store_audit_list    (HcsStore        *store,
                                    const char      *actor,
                                    const char      *entity,
                                    const char      *entity_id,
                                    const char      *from,
                                    const char      *to,
                                    const HcsPage   *page,
                                    gint64          *total,
                                    GError         **error);

G_END_DECLS
