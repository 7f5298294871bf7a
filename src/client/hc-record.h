/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRecord: one record of a subject's credit file (信用档案) — a penalty, a
 * licence, a commitment, a list entry, a repair case or a match hit — as an
 * immutable item for list views. The kinds share one shape: a number, a
 * title, a department, a date, an end date, a state and a detail. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_RECORD (hc_record_get_type ())

G_DECLARE_FINAL_TYPE (HcRecord, hc_record, HC, RECORD, GObject)

HcRecord   *hc_record_new_from_json      (JsonObject *obj);
const char *hc_record_get_kind           (HcRecord   *self);
gint64      hc_record_get_id             (HcRecord   *self);
const char *hc_record_get_number         (HcRecord   *self);
const char *hc_record_get_title          (HcRecord   *self);
const char *hc_record_get_department     (HcRecord   *self);
const char *hc_record_get_date           (HcRecord   *self);
const char *hc_record_get_until          (HcRecord   *self);
const char *hc_record_get_state_label    (HcRecord   *self);
const char *hc_record_get_detail         (HcRecord   *self);
const char *hc_record_get_subject_name   (HcRecord   *self);
const char *hc_record_get_identifier     (HcRecord   *self);
const char *hc_record_get_region_name    (HcRecord   *self);
const char *hc_record_get_fulfilment     (HcRecord   *self);
gint64      hc_record_get_watch_entry_id (HcRecord   *self);
gint64      hc_record_get_department_id  (HcRecord   *self);
gint64      hc_record_get_version        (HcRecord   *self);
const char *hc_record_get_holder         (HcRecord   *self);
gboolean    hc_record_get_can_record_fulfilment (HcRecord *self);

const char *hc_record_fulfilment_label   (const char *fulfilment);

G_END_DECLS
