/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcOverviewPane: the 总览 pane, counts of what the server holds. */
#pragma once

#include <gtk/gtk.h>

#include "hc-pane.h"

G_BEGIN_DECLS

#define HC_TYPE_OVERVIEW_PANE (hc_overview_pane_get_type ())

G_DECLARE_FINAL_TYPE (HcOverviewPane, hc_overview_pane, HC, OVERVIEW_PANE, HcPane)

GListModel *hc_overview_pane_get_grades      (HcOverviewPane *self);
const char *hc_overview_pane_get_open_alerts (HcOverviewPane *self);


G_END_DECLS
