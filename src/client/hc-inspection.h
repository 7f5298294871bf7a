/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspection: one subject of a draw of 双随机、一公开, its two inspectors and its result. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_INSPECTION (hc_inspection_get_type ())

G_DECLARE_FINAL_TYPE (HcInspection, hc_inspection, HC, INSPECTION, GObject)

HcInspection *hc_inspection_new_from_json (JsonObject   *obj);
gint64        hc_inspection_get_id         (HcInspection *self);
const char   *hc_inspection_get_name       (HcInspection *self);
const char   *hc_inspection_get_identifier (HcInspection *self);
const char   *hc_inspection_get_result     (HcInspection *self);
const char   *hc_inspection_result_label   (const char   *result);

G_END_DECLS
