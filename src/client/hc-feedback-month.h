/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcFeedbackMonth: one month of a list type's 效果自动反馈统计 — the hits of
 * the month's match runs on the type, and how many of them the departments
 * said were applied, not applied, or have not said yet. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_FEEDBACK_MONTH (hc_feedback_month_get_type ())

G_DECLARE_FINAL_TYPE (HcFeedbackMonth, hc_feedback_month, HC, FEEDBACK_MONTH, GObject)

HcFeedbackMonth *hc_feedback_month_new_from_json   (JsonObject      *obj);
const char      *hc_feedback_month_get_month       (HcFeedbackMonth *self);
gint64           hc_feedback_month_get_hits        (HcFeedbackMonth *self);
gint64           hc_feedback_month_get_applied     (HcFeedbackMonth *self);
gint64           hc_feedback_month_get_not_applied (HcFeedbackMonth *self);
gint64           hc_feedback_month_get_pending     (HcFeedbackMonth *self);

G_END_DECLS
