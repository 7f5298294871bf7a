/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRecordTable: one kind of a credit file's records (or the 双公示 of
 * penalties or licences) in a column view, a page at a time. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_RECORD_TABLE (hc_record_table_get_type ())

G_DECLARE_FINAL_TYPE (HcRecordTable, hc_record_table, HC, RECORD_TABLE, GtkWidget)

HcClient   *hc_record_table_get_client      (HcRecordTable          *self);
void        hc_record_table_set_client      (HcRecordTable          *self,
                                             HcClient               *client);
void        hc_record_table_show_subject    (HcRecordTable          *self,
                                             const char             *identifier,
                                             const char             *kind);
void        hc_record_table_show_subject_page (HcRecordTable        *self,
                                             const char             *identifier,
                                             const char             *kind,
                                             HcPage                 *first);
void        hc_record_table_show_loading    (HcRecordTable          *self);
void        hc_record_table_show_publicity  (HcRecordTable          *self,
                                             const HcPublicityQuery *query);
void        hc_record_table_clear           (HcRecordTable          *self);
void        hc_record_table_reload          (HcRecordTable          *self);
void        hc_record_table_set_page_size   (HcRecordTable          *self,
                                             guint                   page_size);
const char *hc_record_table_get_kind        (HcRecordTable          *self);
gboolean    hc_record_table_get_loading     (HcRecordTable          *self);
gint64      hc_record_table_get_total       (HcRecordTable          *self);
guint       hc_record_table_get_page        (HcRecordTable          *self);
GListModel *hc_record_table_get_rows        (HcRecordTable          *self);
HcRecord   *hc_record_table_get_selected    (HcRecordTable          *self);
void        hc_record_table_select          (HcRecordTable          *self,
                                             guint                   position);
char       *hc_record_table_get_export_path (HcRecordTable          *self);
const char *hc_record_table_kind_title      (const char             *kind);

G_END_DECLS
