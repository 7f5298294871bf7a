/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcImportResult: what POST /imports answers (hc_client_import_file_async). */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What POST /imports answers: the counts and the first rejections (a
 * GListModel of HcImportRejection). Reference counted. */
typedef struct
{
  gint64      import_id;
  char       *kind;
  gint64      item_id;
  char       *file_name;
  char       *encoding;
  gint64      rows_read;
  gint64      accepted;
  gint64      rejected;
  gint64      duration_ms;
  GListModel *rejections;
  gboolean    rejections_truncated;
} HcImportResult;

#define HC_TYPE_IMPORT_RESULT (hc_import_result_get_type ())
GType           hc_import_result_get_type      (void) G_GNUC_CONST;
HcImportResult *hc_import_result_new_from_json (JsonObject     *obj);
HcImportResult *hc_import_result_ref           (HcImportResult *result);
void            hc_import_result_unref         (HcImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcImportResult, hc_import_result_unref)

G_END_DECLS
