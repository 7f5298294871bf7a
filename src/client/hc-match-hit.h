/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcMatchHit: one hit of a match run: a subject found on a list entry in
 * force, with the measures that apply, a standing clearance (误匹配) and the
 * feedback (效果反馈). */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_MATCH_HIT (hc_match_hit_get_type ())

G_DECLARE_FINAL_TYPE (HcMatchHit, hc_match_hit, HC, MATCH_HIT, GObject)

HcMatchHit *hc_match_hit_new_from_json (JsonObject *obj);
gint64      hc_match_hit_get_id (HcMatchHit *self);
gint64      hc_match_hit_get_run_id (HcMatchHit *self);
gint64      hc_match_hit_get_entry_id (HcMatchHit *self);
const char *hc_match_hit_get_identifier (HcMatchHit *self);
const char *hc_match_hit_get_subject_name (HcMatchHit *self);
const char *hc_match_hit_get_list_type (HcMatchHit *self);
const char *hc_match_hit_get_list_name (HcMatchHit *self);
const char *hc_match_hit_get_list_class (HcMatchHit *self);
const char *hc_match_hit_get_state (HcMatchHit *self);
const char *hc_match_hit_get_state_now (HcMatchHit *self);
gboolean    hc_match_hit_get_publicity_paused (HcMatchHit *self);
const char *hc_match_hit_get_measure_names (HcMatchHit *self);
gint64      hc_match_hit_get_clearance_id (HcMatchHit *self);
const char *hc_match_hit_get_feedback (HcMatchHit *self);
const char *hc_match_hit_get_feedback_note (HcMatchHit *self);
const char *hc_match_hit_get_feedback_by (HcMatchHit *self);
const char *hc_match_hit_get_feedback_department (HcMatchHit *self);
const char *hc_match_hit_get_feedback_at (HcMatchHit *self);
const char *hc_match_hit_get_state_label (HcMatchHit *self);
const char *hc_match_hit_get_feedback_label (HcMatchHit *self);
gboolean    hc_match_hit_get_cleared (HcMatchHit *self);

G_END_DECLS
