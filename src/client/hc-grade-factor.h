/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcGradeFactor: one factor of 公共信用综合评价 — in a model version its
 * weight, in a subject's grade also its value and contribution. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_GRADE_FACTOR (hc_grade_factor_get_type ())

G_DECLARE_FINAL_TYPE (HcGradeFactor, hc_grade_factor, HC, GRADE_FACTOR, GObject)

HcGradeFactor *hc_grade_factor_new_from_json    (JsonObject    *obj);
const char    *hc_grade_factor_get_factor       (HcGradeFactor *self);
const char    *hc_grade_factor_get_label        (HcGradeFactor *self);
gint64         hc_grade_factor_get_value        (HcGradeFactor *self);
gint64         hc_grade_factor_get_weight       (HcGradeFactor *self);
gint64         hc_grade_factor_get_contribution (HcGradeFactor *self);
const char    *hc_grade_factor_label_for        (const char    *factor);
GListModel    *hc_grade_factors_from_json       (JsonArray     *array);

G_END_DECLS
