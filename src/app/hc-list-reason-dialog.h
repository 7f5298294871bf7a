/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListReasonDialog: asks the reason for a step of a list entry's workflow. */
#pragma once

#include <adwaita.h>

#include "hc-core.h"

G_BEGIN_DECLS

#define HC_TYPE_LIST_REASON_DIALOG (hc_list_reason_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HcListReasonDialog, hc_list_reason_dialog, HC, LIST_REASON_DIALOG, AdwMessageDialog)

gboolean            hc_list_action_needs_reason (HcListAction        action);
HcListReasonDialog *hc_list_reason_dialog_new   (GtkWindow          *parent,
                                                 HcListAction        action,
                                                 const char         *subject_name);
HcListReasonDialog *hc_list_reason_dialog_new_asking (GtkWindow   *parent,
                                                      const char  *heading,
                                                      const char  *body,
                                                      const char  *apply_label,
                                                      gboolean     required);
HcListAction        hc_list_reason_dialog_get_action (HcListReasonDialog *self);
char               *hc_list_reason_dialog_get_reason (HcListReasonDialog *self);

G_END_DECLS
