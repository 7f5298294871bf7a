/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcMatchClearance: a hit cleared as a false match (误匹配) with its reason;
 * later runs do not raise the pair while it stands, and it can be withdrawn. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_MATCH_CLEARANCE (hc_match_clearance_get_type ())

G_DECLARE_FINAL_TYPE (HcMatchClearance, hc_match_clearance, HC, MATCH_CLEARANCE, GObject)

HcMatchClearance *hc_match_clearance_new_from_json (JsonObject *obj);
gint64      hc_match_clearance_get_id (HcMatchClearance *self);
const char *hc_match_clearance_get_identifier (HcMatchClearance *self);
const char *hc_match_clearance_get_subject_name (HcMatchClearance *self);
gint64      hc_match_clearance_get_entry_id (HcMatchClearance *self);
const char *hc_match_clearance_get_list_type (HcMatchClearance *self);
const char *hc_match_clearance_get_list_name (HcMatchClearance *self);
gint64      hc_match_clearance_get_run_id (HcMatchClearance *self);
const char *hc_match_clearance_get_reason (HcMatchClearance *self);
const char *hc_match_clearance_get_created_by (HcMatchClearance *self);
const char *hc_match_clearance_get_created_at (HcMatchClearance *self);
const char *hc_match_clearance_get_created_at_label (HcMatchClearance *self);
const char *hc_match_clearance_get_withdrawn_by (HcMatchClearance *self);
const char *hc_match_clearance_get_withdrawn_at (HcMatchClearance *self);
const char *hc_match_clearance_get_withdraw_reason (HcMatchClearance *self);
gboolean    hc_match_clearance_get_standing (HcMatchClearance *self);
gint64      hc_match_clearance_get_version (HcMatchClearance *self);

G_END_DECLS
