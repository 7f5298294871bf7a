/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListEntryEvent: one row of a list entry's history. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_LIST_ENTRY_EVENT (hc_list_entry_event_get_type ())

G_DECLARE_FINAL_TYPE (HcListEntryEvent, hc_list_entry_event, HC, LIST_ENTRY_EVENT, GObject)

HcListEntryEvent *hc_list_entry_event_new_from_json (JsonObject *obj);

const char *hc_list_entry_event_get_action       (HcListEntryEvent *self);
const char *hc_list_entry_event_get_action_label (HcListEntryEvent *self);
const char *hc_list_entry_event_get_from_state   (HcListEntryEvent *self);
const char *hc_list_entry_event_get_to_state     (HcListEntryEvent *self);
const char *hc_list_entry_event_get_change_label (HcListEntryEvent *self);
const char *hc_list_entry_event_get_reason       (HcListEntryEvent *self);
const char *hc_list_entry_event_get_actor        (HcListEntryEvent *self);
const char *hc_list_entry_event_get_at           (HcListEntryEvent *self);
const char *hc_list_entry_event_get_at_label     (HcListEntryEvent *self);

G_END_DECLS
