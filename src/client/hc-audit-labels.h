/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the audit log's keys mean, for people: actions (subject.update),
 * object types (list_entry) and fields (updated_at) by their labels. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *hc_audit_action_label (const char *action);
const char *hc_audit_entity_label (const char *entity);
const char *hc_audit_field_label  (const char *field);
const char *hc_audit_value_label  (const char *field,
                                   const char *value);

G_END_DECLS
