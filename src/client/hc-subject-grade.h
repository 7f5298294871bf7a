/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSubjectGrade: a subject's 公共信用综合评价 as GET
 * /subjects/{identifier}/grade answers it — the grade in force, the computed
 * one with its factors and model version, and the override. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_SUBJECT_GRADE (hc_subject_grade_get_type ())

G_DECLARE_FINAL_TYPE (HcSubjectGrade, hc_subject_grade, HC, SUBJECT_GRADE, GObject)

HcSubjectGrade *hc_subject_grade_new_from_json       (JsonObject     *obj);
const char     *hc_subject_grade_get_grade           (HcSubjectGrade *self);
gboolean        hc_subject_grade_get_computed        (HcSubjectGrade *self);
const char     *hc_subject_grade_get_computed_grade  (HcSubjectGrade *self);
gint64          hc_subject_grade_get_score           (HcSubjectGrade *self);
gint64          hc_subject_grade_get_base_score      (HcSubjectGrade *self);
const char     *hc_subject_grade_get_as_of           (HcSubjectGrade *self);
gint64          hc_subject_grade_get_model_id        (HcSubjectGrade *self);
const char     *hc_subject_grade_get_model_title     (HcSubjectGrade *self);
gint64          hc_subject_grade_get_band            (HcSubjectGrade *self,
                                                      char            grade);
GListModel     *hc_subject_grade_get_factors         (HcSubjectGrade *self);
gboolean        hc_subject_grade_get_overridden      (HcSubjectGrade *self);
const char     *hc_subject_grade_get_override_grade  (HcSubjectGrade *self);
const char     *hc_subject_grade_get_override_reason (HcSubjectGrade *self);
const char     *hc_subject_grade_get_override_actor  (HcSubjectGrade *self);
const char     *hc_subject_grade_get_override_at     (HcSubjectGrade *self);

G_END_DECLS
