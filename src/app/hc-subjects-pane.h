/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSubjectsPane: the Market Subjects pane of the main window. */
#pragma once

#include <gtk/gtk.h>

#include "hc-credit-file-view.h"
#include "hc-pane.h"
#include "hc-publicity-view.h"

G_BEGIN_DECLS

#define HC_TYPE_SUBJECTS_PANE (hc_subjects_pane_get_type ())

G_DECLARE_FINAL_TYPE (HcSubjectsPane, hc_subjects_pane, HC, SUBJECTS_PANE, HcPane)

GListModel *hc_subjects_pane_get_model       (HcSubjectsPane *self);
GtkWindow  *hc_subjects_pane_get_edit_dialog (HcSubjectsPane *self);
HcCreditFileView *hc_subjects_pane_get_file_view (HcSubjectsPane *self);
HcPublicityView  *hc_subjects_pane_get_publicity_view (HcSubjectsPane *self);
void        hc_subjects_pane_show_view       (HcSubjectsPane *self,
                                              const char     *name);
const char *hc_subjects_pane_get_total_text  (HcSubjectsPane *self);
void        hc_subjects_pane_select          (HcSubjectsPane *self,
                                              guint           position);

G_END_DECLS
