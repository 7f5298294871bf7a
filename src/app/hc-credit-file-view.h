/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCreditFileView: a subject's credit file (信用档案) beside the subjects
 * list: identity and registration, its records by kind with counts, the
 * credit report, commitments' fulfilment and a supervisor's reveal. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"
#include "hc-grade-view.h"
#include "hc-record-table.h"

G_BEGIN_DECLS

#define HC_TYPE_CREDIT_FILE_VIEW (hc_credit_file_view_get_type ())

G_DECLARE_FINAL_TYPE (HcCreditFileView, hc_credit_file_view, HC, CREDIT_FILE_VIEW, GtkWidget)

HcClient      *hc_credit_file_view_get_client      (HcCreditFileView *self);
void           hc_credit_file_view_set_client      (HcCreditFileView *self,
                                                    HcClient         *client);
void           hc_credit_file_view_show            (HcCreditFileView *self,
                                                    HcSubject        *subject);
void           hc_credit_file_view_clear           (HcCreditFileView *self);
HcSubject     *hc_credit_file_view_get_subject     (HcCreditFileView *self);
HcCreditFile  *hc_credit_file_view_get_file        (HcCreditFileView *self);
HcRecordTable *hc_credit_file_view_get_table       (HcCreditFileView *self,
                                                    const char       *kind);
HcRecordTable *hc_credit_file_view_get_shown_table (HcCreditFileView *self);
void           hc_credit_file_view_show_kind       (HcCreditFileView *self,
                                                    const char       *kind);
const char    *hc_credit_file_view_get_tab_title   (HcCreditFileView *self,
                                                    const char       *kind);
const char    *hc_credit_file_view_get_identifier_text (HcCreditFileView *self);
const char    *hc_credit_file_view_get_message     (HcCreditFileView *self);
gboolean       hc_credit_file_view_get_busy        (HcCreditFileView *self);
void           hc_credit_file_view_save_report     (HcCreditFileView *self,
                                                    GFile            *dest);
GFile         *hc_credit_file_view_get_saved_report (HcCreditFileView *self);
gboolean       hc_credit_file_view_get_can_reveal  (HcCreditFileView *self);
GtkWindow     *hc_credit_file_view_get_dialog      (HcCreditFileView *self);
HcGradeView   *hc_credit_file_view_get_grade_view  (HcCreditFileView *self);
void           hc_credit_file_view_show_grade      (HcCreditFileView *self);
const char    *hc_credit_file_view_get_grade_text  (HcCreditFileView *self);

G_END_DECLS
