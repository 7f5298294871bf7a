/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSubjectModel: a lazy GListModel over GET /subjects with one query. */
#pragma once

#include <gio/gio.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_SUBJECT_MODEL (hc_subject_model_get_type ())

G_DECLARE_FINAL_TYPE (HcSubjectModel, hc_subject_model, HC, SUBJECT_MODEL, GObject)

#define HC_SUBJECT_MODEL_PAGE_SIZE 200

HcSubjectModel *hc_subject_model_new            (HcClient             *client);
void            hc_subject_model_set_query      (HcSubjectModel       *self,
                                                 const HcSubjectQuery *query);
void            hc_subject_model_reload         (HcSubjectModel       *self);
gint64          hc_subject_model_get_total      (HcSubjectModel       *self);
gboolean        hc_subject_model_get_total_exact (HcSubjectModel      *self);
gboolean        hc_subject_model_get_counting   (HcSubjectModel       *self);
gboolean        hc_subject_model_get_loading    (HcSubjectModel       *self);
guint           hc_subject_model_get_n_loaded   (HcSubjectModel       *self);
const GError   *hc_subject_model_get_error      (HcSubjectModel       *self);
void            hc_subject_model_replace        (HcSubjectModel       *self,
                                                 guint                 position,
                                                 HcSubject            *subject);

G_END_DECLS
