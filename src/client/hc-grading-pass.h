/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcGradingPass: what a model version gives (its preview) or gave (its
 * publish): the grade distribution, by 市县 and by industry, and how many
 * subjects change grade. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_GRADING_PASS (hc_grading_pass_get_type ())

G_DECLARE_FINAL_TYPE (HcGradingPass, hc_grading_pass, HC, GRADING_PASS, GObject)

HcGradingPass *hc_grading_pass_new_from_json    (JsonObject    *obj);
gint64         hc_grading_pass_get_model_id     (HcGradingPass *self);
const char    *hc_grading_pass_get_as_of        (HcGradingPass *self);
gint64         hc_grading_pass_get_subjects     (HcGradingPass *self);
gint64         hc_grading_pass_get_changed      (HcGradingPass *self);
gint64         hc_grading_pass_get_overridden   (HcGradingPass *self);
gint64         hc_grading_pass_get_count        (HcGradingPass *self,
                                                 char           grade);
GListModel    *hc_grading_pass_get_by_region    (HcGradingPass *self);
GListModel    *hc_grading_pass_get_by_industry  (HcGradingPass *self);

G_END_DECLS
