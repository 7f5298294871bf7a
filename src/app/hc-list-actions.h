/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListActions: the workflow steps open on a list entry, as buttons. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"
#include "hc-core.h"

G_BEGIN_DECLS

#define HC_TYPE_LIST_ACTIONS (hc_list_actions_get_type ())

G_DECLARE_FINAL_TYPE (HcListActions, hc_list_actions, HC, LIST_ACTIONS, GtkWidget)

void         hc_list_actions_show       (HcListActions *self,
                                         HcClient      *client,
                                         HcListEntry   *entry,
                                         HcListClass    list_class);
gboolean     hc_list_actions_get_busy   (HcListActions *self);
GtkWidget   *hc_list_actions_get_button (HcListActions *self,
                                         HcListAction   action);

G_END_DECLS
