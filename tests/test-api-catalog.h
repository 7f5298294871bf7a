/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of test-api-catalog share: its server and departments, and the helpers more than
 * one of them calls. */
#pragma once

#include <string.h>
#include "hc-test-server.h"

G_BEGIN_DECLS

extern HcTestServer *server;
extern gint64 dept_a;
extern gint64 dept_b;

HcTestResponse *catalog_send_with_etag    (const char      *method,
                                           const char      *path,
                                           const char      *token,
                                           const char      *body,
                                           const char      *etag);
JsonObject     *catalog_object_of         (HcTestResponse  *r);
JsonArray      *catalog_items_of          (HcTestResponse  *r);
HcTestResponse *catalog_create_version    (const char      *token,
                                           int              year,
                                           int              copy_from);
JsonObject     *catalog_item_object       (const char      *name,
                                           const char      *category,
                                           gint64           department_id,
                                           const char      *disclosure);
char           *catalog_object_text       (JsonObject      *obj);
HcTestResponse *catalog_add_item          (int              year,
                                           const char      *name,
                                           const char      *category,
                                           gint64           department_id,
                                           const char      *disclosure);
char           *catalog_item_path         (HcTestResponse  *created);
JsonArray      *catalog_audit_of          (const char      *entity,
                                           const char      *entity_id,
                                           HcTestResponse **keep);
const char     *catalog_audit_action      (JsonArray       *entries,
                                           guint            i);
JsonObject     *catalog_audit_member      (JsonArray       *entries,
                                           guint            i,
                                           const char      *member);

void            hc_test_catalog_items_add (void);
void            hc_test_catalog_diff_add  (void);

G_END_DECLS
