/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcPaneState: a pane's loading, empty, error and content states in one place. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HC_TYPE_PANE_STATE (hc_pane_state_get_type ())

G_DECLARE_FINAL_TYPE (HcPaneState, hc_pane_state, HC, PANE_STATE, GtkWidget)

void       hc_pane_state_show_loading  (HcPaneState *self);
void       hc_pane_state_show_empty    (HcPaneState *self);
void       hc_pane_state_show_error    (HcPaneState *self,
                                        const char  *message);
void       hc_pane_state_show_content  (HcPaneState *self);
const char *hc_pane_state_get_state   (HcPaneState *self);
GtkWidget *hc_pane_state_get_content   (HcPaneState *self);
void       hc_pane_state_set_content   (HcPaneState *self,
                                        GtkWidget   *content);

G_END_DECLS
