/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListEntry: one entry of a credit list, with its history when asked for. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_LIST_ENTRY (hc_list_entry_get_type ())

G_DECLARE_FINAL_TYPE (HcListEntry, hc_list_entry, HC, LIST_ENTRY, GObject)

/* @etag: (nullable): the entry's ETag, when it came with one */
HcListEntry *hc_list_entry_new_from_json (JsonObject *obj,
                                          const char *etag);

gint64              hc_list_entry_get_id                 (HcListEntry *self);
const char         *hc_list_entry_get_list_type          (HcListEntry *self);
const char         *hc_list_entry_get_list_name          (HcListEntry *self);
const char         *hc_list_entry_get_subject_identifier (HcListEntry *self);
const char         *hc_list_entry_get_subject_name       (HcListEntry *self);
const char         *hc_list_entry_get_region             (HcListEntry *self);
const char         *hc_list_entry_get_region_name        (HcListEntry *self);
const char         *hc_list_entry_get_department_name    (HcListEntry *self);
const char         *hc_list_entry_get_state              (HcListEntry *self);
const char         *hc_list_entry_get_state_label        (HcListEntry *self);
const char         *hc_list_entry_get_basis              (HcListEntry *self);
const char         *hc_list_entry_get_facts              (HcListEntry *self);
const char         *hc_list_entry_get_decided_on         (HcListEntry *self);
const char         *hc_list_entry_get_published_from     (HcListEntry *self);
const char         *hc_list_entry_get_published_until    (HcListEntry *self);
const char * const *hc_list_entry_get_measures           (HcListEntry *self);
gint64              hc_list_entry_get_version            (HcListEntry *self);
const char         *hc_list_entry_get_etag               (HcListEntry *self);
GListModel         *hc_list_entry_get_history            (HcListEntry *self);
const char         *hc_list_entry_get_objection_deadline (HcListEntry *self);
const char         *hc_list_entry_get_publishable_from   (HcListEntry *self);
gboolean            hc_list_entry_get_overdue            (HcListEntry *self);
const char         *hc_list_entry_get_objected_on        (HcListEntry *self);
const char         *hc_list_entry_get_objection_rule_label (HcListEntry *self);
const char         *hc_list_entry_get_notice_rule_label  (HcListEntry *self);

G_END_DECLS
