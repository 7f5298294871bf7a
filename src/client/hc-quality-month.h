/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcQualityMonth: 数据质量 of one source department in one month
 * (GET /imports/quality/months): records received and rejected, the
 * 统一社会信用代码重错码率 and 其他类型数据重错率 against 表1's 0.1 % line,
 * and the imports behind them. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* 表1: both rates at most 0.1 % of the records received */
#define HC_QUALITY_LINE_PERCENT 0.1

#define HC_TYPE_QUALITY_MONTH (hc_quality_month_get_type ())

G_DECLARE_FINAL_TYPE (HcQualityMonth, hc_quality_month, HC, QUALITY_MONTH, GObject)

HcQualityMonth *hc_quality_month_new_from_json       (JsonObject     *obj);

gint64          hc_quality_month_get_department_id   (HcQualityMonth *self);
const char     *hc_quality_month_get_department      (HcQualityMonth *self);
const char     *hc_quality_month_get_month           (HcQualityMonth *self);
gint64          hc_quality_month_get_import_count    (HcQualityMonth *self);
gint64          hc_quality_month_get_rows_read       (HcQualityMonth *self);
gint64          hc_quality_month_get_rejected        (HcQualityMonth *self);
gint64          hc_quality_month_get_uscc_errors     (HcQualityMonth *self);
gint64          hc_quality_month_get_uscc_duplicates (HcQualityMonth *self);
gint64          hc_quality_month_get_other_errors    (HcQualityMonth *self);
double          hc_quality_month_get_uscc_rate       (HcQualityMonth *self);
double          hc_quality_month_get_other_rate      (HcQualityMonth *self);
gboolean        hc_quality_month_get_over_line       (HcQualityMonth *self);
GListModel     *hc_quality_month_get_imports         (HcQualityMonth *self);

G_END_DECLS
