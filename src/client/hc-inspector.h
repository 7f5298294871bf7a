/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspector: a user of a department a supervisor may pick as an
 * inspector of a 双随机、一公开 plan (GET /inspections/inspectors). */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_INSPECTOR (hc_inspector_get_type ())

G_DECLARE_FINAL_TYPE (HcInspector, hc_inspector, HC, INSPECTOR, GObject)

HcInspector *hc_inspector_new_from_json      (JsonObject  *obj);
gint64       hc_inspector_get_id             (HcInspector *self);
const char  *hc_inspector_get_username       (HcInspector *self);
const char  *hc_inspector_get_display_name   (HcInspector *self);
const char  *hc_inspector_get_label          (HcInspector *self);
gboolean     hc_inspector_get_active         (HcInspector *self);

G_END_DECLS
