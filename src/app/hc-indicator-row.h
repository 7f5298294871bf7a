/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorRow: one indicator of 表1 judged for one year, as the dashboard lists it. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HC_TYPE_INDICATOR_ROW (hc_indicator_row_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorRow, hc_indicator_row, HC, INDICATOR_ROW, GObject)

const char *hc_indicator_row_get_key             (HcIndicatorRow *self);
const char *hc_indicator_row_get_category        (HcIndicatorRow *self);
const char *hc_indicator_row_get_category_name   (HcIndicatorRow *self);
const char *hc_indicator_row_get_item            (HcIndicatorRow *self);
const char *hc_indicator_row_get_target_text     (HcIndicatorRow *self);
const char *hc_indicator_row_get_kind            (HcIndicatorRow *self);
const char *hc_indicator_row_get_attribute       (HcIndicatorRow *self);
const char *hc_indicator_row_get_attribute_label (HcIndicatorRow *self);
int         hc_indicator_row_get_year            (HcIndicatorRow *self);
gboolean    hc_indicator_row_get_has_value       (HcIndicatorRow *self);
double      hc_indicator_row_get_value           (HcIndicatorRow *self);
const char *hc_indicator_row_get_unit            (HcIndicatorRow *self);
const char *hc_indicator_row_get_value_text      (HcIndicatorRow *self);
const char *hc_indicator_row_get_status          (HcIndicatorRow *self);
const char *hc_indicator_row_get_status_label    (HcIndicatorRow *self);
const char *hc_indicator_row_get_gap_text        (HcIndicatorRow *self);
const char *hc_indicator_row_get_source          (HcIndicatorRow *self);
const char *hc_indicator_row_get_source_label    (HcIndicatorRow *self);
const char *hc_indicator_row_get_review_state    (HcIndicatorRow *self);
const char *hc_indicator_row_get_review_label    (HcIndicatorRow *self);
gint64      hc_indicator_row_get_version         (HcIndicatorRow *self);

char       *hc_indicator_format_value            (const char     *kind,
                                                  double          value,
                                                  const char     *unit);

G_END_DECLS
