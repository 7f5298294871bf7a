/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorSummary: one indicator of 表1 judged for one year, an item of GET /indicators (the dashboard lists them). */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_INDICATOR_SUMMARY (hc_indicator_summary_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorSummary, hc_indicator_summary, HC, INDICATOR_SUMMARY, GObject)

HcIndicatorSummary *hc_indicator_summary_new_from_json (JsonObject *obj);

const char *hc_indicator_summary_get_key             (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_category        (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_category_name   (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_item            (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_target_text     (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_kind            (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_attribute       (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_attribute_label (HcIndicatorSummary *self);
int         hc_indicator_summary_get_year            (HcIndicatorSummary *self);
gboolean    hc_indicator_summary_get_has_value       (HcIndicatorSummary *self);
double      hc_indicator_summary_get_value           (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_unit            (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_value_text      (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_status          (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_status_label    (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_gap_text        (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_source          (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_source_label    (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_review_state    (HcIndicatorSummary *self);
const char *hc_indicator_summary_get_review_label    (HcIndicatorSummary *self);
gint64      hc_indicator_summary_get_version         (HcIndicatorSummary *self);

char       *hc_indicator_format_value            (const char     *kind,
                                                  double          value,
                                                  const char     *unit);

G_END_DECLS
