/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSubjectEditDialog: edits one subject's name, industry and status, and
 * overrides its computed grade (with a reason) or lifts the override. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_SUBJECT_EDIT_DIALOG (hc_subject_edit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HcSubjectEditDialog, hc_subject_edit_dialog, HC, SUBJECT_EDIT_DIALOG, GtkWindow)

HcSubjectEditDialog *hc_subject_edit_dialog_new           (HcClient            *client,
                                                           HcSubject           *subject,
                                                           const char          *etag,
                                                           gboolean             can_grade);
void                 hc_subject_edit_dialog_set_values    (HcSubjectEditDialog *self,
                                                           const char          *name,
                                                           const char          *industry,
                                                           const char          *status,
                                                           const char          *grade);
void                 hc_subject_edit_dialog_set_grade_reason (HcSubjectEditDialog *self,
                                                              const char          *reason);
gboolean             hc_subject_edit_dialog_get_grade_loaded (HcSubjectEditDialog *self);
const char          *hc_subject_edit_dialog_get_grade_state  (HcSubjectEditDialog *self);
void                 hc_subject_edit_dialog_save          (HcSubjectEditDialog *self);
const char          *hc_subject_edit_dialog_get_message   (HcSubjectEditDialog *self);
gboolean             hc_subject_edit_dialog_get_busy      (HcSubjectEditDialog *self);

G_END_DECLS
