/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcDepartment: one department (信源单位) as GET /departments lists it. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_DEPARTMENT (hc_department_get_type ())

G_DECLARE_FINAL_TYPE (HcDepartment, hc_department, HC, DEPARTMENT, GObject)

HcDepartment *hc_department_new_from_json (JsonObject   *obj);
gint64        hc_department_get_id        (HcDepartment *self);
const char   *hc_department_get_code      (HcDepartment *self);
const char   *hc_department_get_name      (HcDepartment *self);

G_END_DECLS
