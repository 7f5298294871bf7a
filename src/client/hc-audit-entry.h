/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcAuditEntry: one entry of the audit log (immutable). */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_AUDIT_ENTRY (hc_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (HcAuditEntry, hc_audit_entry, HC, AUDIT_ENTRY, GObject)

HcAuditEntry *hc_audit_entry_new            (gint64        id,
                                             const char   *at,
                                             const char   *actor,
                                             const char   *role,
                                             const char   *action,
                                             const char   *entity,
                                             const char   *entity_id,
                                             GListModel   *changes);
HcAuditEntry *hc_audit_entry_new_from_json  (JsonObject   *obj);
const char   *hc_audit_entry_get_at         (HcAuditEntry *self);
const char   *hc_audit_entry_get_actor      (HcAuditEntry *self);
const char   *hc_audit_entry_get_role       (HcAuditEntry *self);
const char   *hc_audit_entry_get_action     (HcAuditEntry *self);
const char   *hc_audit_entry_get_entity     (HcAuditEntry *self);
const char   *hc_audit_entry_get_action_label (HcAuditEntry *self);
const char   *hc_audit_entry_get_entity_label (HcAuditEntry *self);
const char   *hc_audit_entry_get_entity_id  (HcAuditEntry *self);
GListModel   *hc_audit_entry_get_changes    (HcAuditEntry *self);

G_END_DECLS
