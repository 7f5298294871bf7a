/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListType: one kind of credit list (红名单, 黑名单, 重点关注 …) as the server lists it. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_LIST_TYPE (hc_list_type_get_type ())

G_DECLARE_FINAL_TYPE (HcListType, hc_list_type, HC, LIST_TYPE, GObject)

HcListType *hc_list_type_new_from_json (JsonObject *obj);

const char         *hc_list_type_get_key           (HcListType *self);
const char         *hc_list_type_get_class         (HcListType *self);
const char         *hc_list_type_get_name          (HcListType *self);
const char * const *hc_list_type_get_measures      (HcListType *self);
const char * const *hc_list_type_get_measure_codes (HcListType *self);
int                 hc_list_type_get_default_years (HcListType *self);

G_END_DECLS
