/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorReview: one reported value in the review queue of 表1 (an item
 * of GET /indicator-reviews): the indicator, the 市县 or the province, the
 * year, the value with its evidence, who submitted it and when, and for a
 * returned value the reviewer's comment. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_INDICATOR_REVIEW (hc_indicator_review_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorReview, hc_indicator_review, HC, INDICATOR_REVIEW, GObject)

HcIndicatorReview *hc_indicator_review_new_from_json (JsonObject *obj);

const char *hc_indicator_review_get_indicator      (HcIndicatorReview *self);
const char *hc_indicator_review_get_item           (HcIndicatorReview *self);
/* The 市县's GB/T 2260 code, "" for the province. */
const char *hc_indicator_review_get_region         (HcIndicatorReview *self);
/* The 市县's name, or "全省" (translated) for the province. */
const char *hc_indicator_review_get_place          (HcIndicatorReview *self);
int         hc_indicator_review_get_year           (HcIndicatorReview *self);
double      hc_indicator_review_get_value          (HcIndicatorReview *self);
const char *hc_indicator_review_get_value_text     (HcIndicatorReview *self);
const char *hc_indicator_review_get_evidence       (HcIndicatorReview *self);
const char *hc_indicator_review_get_state          (HcIndicatorReview *self);
const char *hc_indicator_review_get_submitted_by   (HcIndicatorReview *self);
const char *hc_indicator_review_get_submitted_at   (HcIndicatorReview *self);
const char *hc_indicator_review_get_reviewed_by    (HcIndicatorReview *self);
const char *hc_indicator_review_get_review_comment (HcIndicatorReview *self);
/* Whether the signed-in user submitted it (someone else reviews it). */
gboolean    hc_indicator_review_get_own            (HcIndicatorReview *self);
/* The value's ETag, for reviewing it. */
const char *hc_indicator_review_get_etag           (HcIndicatorReview *self);

G_END_DECLS
