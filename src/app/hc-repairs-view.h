/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRepairsView: the 信用修复 queue in the lists pane, one case beside it,
 * and its decision. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_REPAIRS_VIEW (hc_repairs_view_get_type ())

G_DECLARE_FINAL_TYPE (HcRepairsView, hc_repairs_view, HC, REPAIRS_VIEW, GtkWidget)

void        hc_repairs_view_set_client  (HcRepairsView *self,
                                         HcClient      *client);
void        hc_repairs_view_reload      (HcRepairsView *self);
gboolean    hc_repairs_view_set_filter  (HcRepairsView *self,
                                         const char    *filter);
gboolean    hc_repairs_view_select_case (HcRepairsView *self,
                                         gint64         id);
gboolean    hc_repairs_view_get_busy    (HcRepairsView *self);
const char *hc_repairs_view_get_message (HcRepairsView *self);
GListModel *hc_repairs_view_get_cases   (HcRepairsView *self);
gint64      hc_repairs_view_get_total   (HcRepairsView *self);
HcRepair   *hc_repairs_view_get_case    (HcRepairsView *self);
const char *hc_repairs_view_get_detail  (HcRepairsView *self,
                                         const char    *field);

G_END_DECLS
