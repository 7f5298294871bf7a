/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcMatchRun: one recorded run of 名单自动比对 (POST /lists/match): who ran it,
 * when, how many subjects, hits and unreadable rows, whether a list changed
 * since (stale), the feedback counts and, for a re-run, its difference. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_MATCH_RUN (hc_match_run_get_type ())

G_DECLARE_FINAL_TYPE (HcMatchRun, hc_match_run, HC, MATCH_RUN, GObject)

HcMatchRun *hc_match_run_new_from_json (JsonObject *obj);
gint64      hc_match_run_get_id (HcMatchRun *self);
const char *hc_match_run_get_actor (HcMatchRun *self);
const char *hc_match_run_get_at (HcMatchRun *self);
const char *hc_match_run_get_purpose (HcMatchRun *self);
gint64      hc_match_run_get_subjects (HcMatchRun *self);
gint64      hc_match_run_get_invalid (HcMatchRun *self);
gint64      hc_match_run_get_hits (HcMatchRun *self);
gint64      hc_match_run_get_subjects_hit (HcMatchRun *self);
gint64      hc_match_run_get_cleared (HcMatchRun *self);
const char *hc_match_run_get_input_format (HcMatchRun *self);
gint64      hc_match_run_get_previous_run_id (HcMatchRun *self);
gboolean    hc_match_run_get_rerunnable (HcMatchRun *self);
gboolean    hc_match_run_get_stale (HcMatchRun *self);
gint64      hc_match_run_get_applied (HcMatchRun *self);
gint64      hc_match_run_get_not_applied (HcMatchRun *self);
gint64      hc_match_run_get_pending (HcMatchRun *self);
gint64      hc_match_run_get_new_hits (HcMatchRun *self);
gint64      hc_match_run_get_gone_hits (HcMatchRun *self);
gboolean    hc_match_run_get_is_rerun (HcMatchRun *self);
const char *hc_match_run_get_at_label (HcMatchRun *self);
const char *hc_match_run_get_stale_label (HcMatchRun *self);
const char *hc_match_run_get_feedback_label (HcMatchRun *self);
const char *hc_match_run_get_title (HcMatchRun *self);

G_END_DECLS
