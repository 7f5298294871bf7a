/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListEntryDialog: the form that proposes a list entry (拟列入). */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_LIST_ENTRY_DIALOG (hc_list_entry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HcListEntryDialog, hc_list_entry_dialog, HC, LIST_ENTRY_DIALOG, GtkWindow)

HcListEntryDialog *hc_list_entry_dialog_new               (HcClient          *client,
                                                           GListModel        *types,
                                                           const char        *type_key);
void               hc_list_entry_dialog_set_identifier    (HcListEntryDialog *self,
                                                           const char        *identifier);
const char        *hc_list_entry_dialog_get_subject_name  (HcListEntryDialog *self);
gboolean           hc_list_entry_dialog_select_department (HcListEntryDialog *self,
                                                           gint64             id);
void               hc_list_entry_dialog_set_basis         (HcListEntryDialog *self,
                                                           const char        *document,
                                                           const char        *number);
void               hc_list_entry_dialog_set_facts         (HcListEntryDialog *self,
                                                           const char        *facts);
gboolean           hc_list_entry_dialog_set_measure       (HcListEntryDialog *self,
                                                           const char        *code,
                                                           gboolean           active);
void               hc_list_entry_dialog_set_until         (HcListEntryDialog *self,
                                                           const char        *date);
const char        *hc_list_entry_dialog_get_message       (HcListEntryDialog *self,
                                                           const char        *field);
gboolean           hc_list_entry_dialog_get_busy          (HcListEntryDialog *self);
void               hc_list_entry_dialog_propose           (HcListEntryDialog *self);

G_END_DECLS
