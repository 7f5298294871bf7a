/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspectionPublicityView: 一公开 — the published results of 双随机
 * inspections, filtered by 市县 and result, exported. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_INSPECTION_PUBLICITY_VIEW (hc_inspection_publicity_view_get_type ())

G_DECLARE_FINAL_TYPE (HcInspectionPublicityView, hc_inspection_publicity_view, HC, INSPECTION_PUBLICITY_VIEW,
                      GtkWidget)

void        hc_inspection_publicity_view_set_client   (HcInspectionPublicityView *self,
                                                       HcClient                  *client);
void        hc_inspection_publicity_view_reload       (HcInspectionPublicityView *self);
void        hc_inspection_publicity_view_set_filters  (HcInspectionPublicityView *self,
                                                       const char                *region,
                                                       const char                *result);
char       *hc_inspection_publicity_view_get_path     (HcInspectionPublicityView *self);
GListModel *hc_inspection_publicity_view_get_results  (HcInspectionPublicityView *self);
gboolean    hc_inspection_publicity_view_get_loading  (HcInspectionPublicityView *self);
const char *hc_inspection_publicity_view_get_error    (HcInspectionPublicityView *self);

G_END_DECLS
