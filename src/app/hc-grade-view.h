/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcGradeView: a subject's 公共信用综合评价 in its credit file — the grade in
 * force, the computed grade with each factor's value, weight and
 * contribution, the model version that gave it, and the override; a
 * supervisor overrides the grade (or lifts the override) with a reason. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_GRADE_VIEW (hc_grade_view_get_type ())

G_DECLARE_FINAL_TYPE (HcGradeView, hc_grade_view, HC, GRADE_VIEW, GtkWidget)

void            hc_grade_view_set_client   (HcGradeView *self,
                                            HcClient    *client);
void            hc_grade_view_load         (HcGradeView *self,
                                            const char  *lookup);
void            hc_grade_view_clear        (HcGradeView *self);
HcSubjectGrade *hc_grade_view_get_grade    (HcGradeView *self);
gboolean        hc_grade_view_get_busy     (HcGradeView *self);
const char     *hc_grade_view_get_message  (HcGradeView *self);
void            hc_grade_view_override     (HcGradeView *self,
                                            const char  *grade,
                                            const char  *reason);
GtkWindow      *hc_grade_view_get_dialog   (HcGradeView *self);

G_END_DECLS
