/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorRecord: one record behind a computed value of 表1 (an item of
 * GET /indicators/{key}/values/{year}/records): a repair case, a
 * commitment, a catalog item or version, an import or a list entry, and
 * whether the value's numerator counts it. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_INDICATOR_RECORD (hc_indicator_record_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorRecord, hc_indicator_record, HC, INDICATOR_RECORD, GObject)

HcIndicatorRecord *hc_indicator_record_new_from_json (JsonObject *obj);

const char *hc_indicator_record_get_record_type (HcIndicatorRecord *self);
const char *hc_indicator_record_get_reference   (HcIndicatorRecord *self);
const char *hc_indicator_record_get_subject_name (HcIndicatorRecord *self);
const char *hc_indicator_record_get_region_name (HcIndicatorRecord *self);
gboolean    hc_indicator_record_get_counted     (HcIndicatorRecord *self);
/* The record's path in the API ("/repairs/12"). */
const char *hc_indicator_record_get_link        (HcIndicatorRecord *self);

G_END_DECLS
