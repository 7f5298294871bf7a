/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcImportRejection: one rejected row of an import (row, field, code, message), as the rejection list shows it. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HC_TYPE_IMPORT_REJECTION (hc_import_rejection_get_type ())

G_DECLARE_FINAL_TYPE (HcImportRejection, hc_import_rejection, HC, IMPORT_REJECTION, GObject)

HcImportRejection *hc_import_rejection_new         (gint64      row,
                                                    const char *field,
                                                    const char *code,
                                                    const char *message);
HcImportRejection *hc_import_rejection_new_from_json (JsonObject *obj);
gint64      hc_import_rejection_get_row     (HcImportRejection *self);
const char *hc_import_rejection_get_field   (HcImportRejection *self);
const char *hc_import_rejection_get_code    (HcImportRejection *self);
const char *hc_import_rejection_get_message (HcImportRejection *self);

G_END_DECLS
