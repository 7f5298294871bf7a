/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcImportRecord: one past import (GET /imports): when, which file, who, and its counts. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_IMPORT_RECORD (hc_import_record_get_type ())

G_DECLARE_FINAL_TYPE (HcImportRecord, hc_import_record, HC, IMPORT_RECORD, GObject)

HcImportRecord *hc_import_record_new             (gint64      id,
                                                  const char *kind,
                                                  gint64      item_id,
                                                  const char *item_name,
                                                  const char *actor,
                                                  const char *at,
                                                  const char *file_name,
                                                  const char *encoding,
                                                  gint64      rows_read,
                                                  gint64      accepted,
                                                  gint64      rejected,
                                                  gint64      duration_ms);
HcImportRecord *hc_import_record_new_from_json (JsonObject *obj);
gint64      hc_import_record_get_id          (HcImportRecord *self);
const char *hc_import_record_get_kind        (HcImportRecord *self);
gint64      hc_import_record_get_item_id     (HcImportRecord *self);
const char *hc_import_record_get_item_name   (HcImportRecord *self);
const char *hc_import_record_get_actor       (HcImportRecord *self);
const char *hc_import_record_get_at          (HcImportRecord *self);
const char *hc_import_record_get_file_name   (HcImportRecord *self);
const char *hc_import_record_get_encoding    (HcImportRecord *self);
gint64      hc_import_record_get_rows_read   (HcImportRecord *self);
gint64      hc_import_record_get_accepted    (HcImportRecord *self);
gint64      hc_import_record_get_rejected    (HcImportRecord *self);
gint64      hc_import_record_get_duration_ms (HcImportRecord *self);
gint64      hc_import_record_get_uscc_errors     (HcImportRecord *self);
gint64      hc_import_record_get_uscc_duplicates (HcImportRecord *self);
gint64      hc_import_record_get_other_errors    (HcImportRecord *self);

G_END_DECLS
