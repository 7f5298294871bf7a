/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListsPane: the Credit Lists pane of the main window. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_LISTS_PANE (hc_lists_pane_get_type ())

G_DECLARE_FINAL_TYPE (HcListsPane, hc_lists_pane, HC, LISTS_PANE, GtkWidget)

HcClient *hc_lists_pane_get_client (HcListsPane *self);
void      hc_lists_pane_set_client (HcListsPane *self,
                                    HcClient     *client);

G_END_DECLS
