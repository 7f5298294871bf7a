/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspectionPlan: an inspection plan of 双随机、一公开: scope, ratios per grade, inspectors, draws and completion. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_INSPECTION_PLAN (hc_inspection_plan_get_type ())

G_DECLARE_FINAL_TYPE (HcInspectionPlan, hc_inspection_plan, HC, INSPECTION_PLAN, GObject)

HcInspectionPlan *hc_inspection_plan_new_from_json (JsonObject   *obj);
gint64            hc_inspection_plan_get_id       (HcInspectionPlan *self);
const char       *hc_inspection_plan_get_title    (HcInspectionPlan *self);
const char       *hc_inspection_plan_get_state    (HcInspectionPlan *self);
gint64            hc_inspection_plan_get_draw_id  (HcInspectionPlan *self);
gint64            hc_inspection_plan_get_count    (HcInspectionPlan *self,
                                                   const char       *member);
guint             hc_inspection_plan_get_n_draws  (HcInspectionPlan *self);
JsonArray        *hc_inspection_plan_get_inspectors (HcInspectionPlan *self);
JsonArray        *hc_inspection_plan_get_conflicts (HcInspectionPlan *self);

G_END_DECLS
