/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcGradingModel: a version of the 公共信用综合评价 model — its state, base
 * score, bands and the weight of each factor. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_GRADING_MODEL (hc_grading_model_get_type ())

G_DECLARE_FINAL_TYPE (HcGradingModel, hc_grading_model, HC, GRADING_MODEL, GObject)

HcGradingModel *hc_grading_model_new_from_json (JsonObject     *obj,
                                                const char     *etag);
HcGradingModel *hc_grading_model_new_from_row  (JsonObject     *obj);
gint64          hc_grading_model_get_id        (HcGradingModel *self);
const char     *hc_grading_model_get_state     (HcGradingModel *self);
const char     *hc_grading_model_get_title     (HcGradingModel *self);
gint64          hc_grading_model_get_base_score (HcGradingModel *self);
gint64          hc_grading_model_get_band      (HcGradingModel *self,
                                                char            grade);
GListModel     *hc_grading_model_get_factors   (HcGradingModel *self);
const char     *hc_grading_model_get_etag      (HcGradingModel *self);
gboolean        hc_grading_model_is_draft      (HcGradingModel *self);

G_END_DECLS
