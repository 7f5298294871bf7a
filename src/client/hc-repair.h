/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRepair: a 信用修复 case: what it repairs (a penalty record or a list entry),
 * the subject, the application and its legal deadline, the commitment and
 * evidence, and the decision. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_REPAIR (hc_repair_get_type ())

G_DECLARE_FINAL_TYPE (HcRepair, hc_repair, HC, REPAIR, GObject)

HcRepair *hc_repair_new_from_json (JsonObject *obj, const char *etag);
gint64      hc_repair_get_id (HcRepair *self);
const char *hc_repair_get_subject_identifier (HcRepair *self);
const char *hc_repair_get_subject_name (HcRepair *self);
const char *hc_repair_get_subject_type (HcRepair *self);
const char *hc_repair_get_kind (HcRepair *self);
gint64      hc_repair_get_entry_id (HcRepair *self);
gint64      hc_repair_get_penalty_id (HcRepair *self);
const char *hc_repair_get_list_type (HcRepair *self);
const char *hc_repair_get_list_name (HcRepair *self);
const char *hc_repair_get_entry_state (HcRepair *self);
const char *hc_repair_get_reason (HcRepair *self);
gboolean    hc_repair_get_commitment (HcRepair *self);
const char *hc_repair_get_evidence (HcRepair *self);
const char *hc_repair_get_applied_on (HcRepair *self);
const char *hc_repair_get_deadline (HcRepair *self);
const char *hc_repair_get_state (HcRepair *self);
const char *hc_repair_get_decided_on (HcRepair *self);
const char *hc_repair_get_decided_by (HcRepair *self);
const char *hc_repair_get_decision_comment (HcRepair *self);
gboolean    hc_repair_get_overdue (HcRepair *self);
gint64      hc_repair_get_department_id (HcRepair *self);
const char *hc_repair_get_department_name (HcRepair *self);
gint64      hc_repair_get_version (HcRepair *self);
const char *hc_repair_get_created_by (HcRepair *self);
const char *hc_repair_get_created_at (HcRepair *self);
const char *hc_repair_get_kind_label (HcRepair *self);
const char *hc_repair_get_state_label (HcRepair *self);
gint64      hc_repair_get_days_left (HcRepair *self);
const char *hc_repair_get_days_left_label (HcRepair *self);
const char *hc_repair_get_deadline_rule (HcRepair *self);
const char *hc_repair_get_deadline_rule_label (HcRepair *self);
const char *hc_repair_get_etag (HcRepair *self);

G_END_DECLS
