/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcGradeShare: how many subjects of one 市县 (or industry) a grading pass
 * puts in each grade. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_GRADE_SHARE (hc_grade_share_get_type ())

G_DECLARE_FINAL_TYPE (HcGradeShare, hc_grade_share, HC, GRADE_SHARE, GObject)

HcGradeShare *hc_grade_share_new_from_json (JsonObject   *obj);
const char   *hc_grade_share_get_key       (HcGradeShare *self);
const char   *hc_grade_share_get_label     (HcGradeShare *self);
gint64        hc_grade_share_get_subjects  (HcGradeShare *self);
gint64        hc_grade_share_get_count     (HcGradeShare *self,
                                            char          grade);

G_END_DECLS
