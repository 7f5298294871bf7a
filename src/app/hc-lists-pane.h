/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListsPane: the Credit Lists pane of the main window. */
#pragma once

#include <gtk/gtk.h>

#include "hc-match-view.h"
#include "hc-pane.h"
#include "hc-list-feedback-view.h"
#include "hc-repairs-view.h"

G_BEGIN_DECLS

#define HC_TYPE_LISTS_PANE (hc_lists_pane_get_type ())

G_DECLARE_FINAL_TYPE (HcListsPane, hc_lists_pane, HC, LISTS_PANE, HcPane)

HcListEntry *hc_lists_pane_get_entry         (HcListsPane *self);
GListModel  *hc_lists_pane_get_entries       (HcListsPane *self);
gint64       hc_lists_pane_get_total         (HcListsPane *self);
gboolean     hc_lists_pane_get_busy          (HcListsPane *self);
const char  *hc_lists_pane_get_message       (HcListsPane *self);
const char  *hc_lists_pane_get_standing      (HcListsPane *self);
gboolean     hc_lists_pane_select_list_type  (HcListsPane *self,
                                              const char  *key);
gboolean     hc_lists_pane_select_entry      (HcListsPane *self,
                                              gint64       id);
GtkWidget   *hc_lists_pane_get_action_button (HcListsPane *self,
                                              const char  *action);
void         hc_lists_pane_show_view         (HcListsPane *self,
                                              const char  *name);
HcMatchView *hc_lists_pane_get_match_view    (HcListsPane *self);
HcRepairsView *hc_lists_pane_get_repairs_view (HcListsPane *self);

HcListFeedbackView *hc_lists_pane_get_feedback_view (HcListsPane *self);

G_END_DECLS
