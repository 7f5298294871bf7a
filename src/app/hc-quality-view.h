/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcQualityView: 数据质量 per source department and month against 表1's
 * 0.1 % line, and the imports behind a row with their rejection reports. */
#pragma once

#include <adwaita.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_QUALITY_VIEW (hc_quality_view_get_type ())

G_DECLARE_FINAL_TYPE (HcQualityView, hc_quality_view, HC, QUALITY_VIEW, GtkWidget)

void        hc_quality_view_set_client       (HcQualityView *self,
                                              HcClient      *client);
void        hc_quality_view_set_versions     (HcQualityView *self,
                                              GListModel    *versions);
void        hc_quality_view_set_year         (HcQualityView *self,
                                              int            year);
int         hc_quality_view_get_year         (HcQualityView *self);
void        hc_quality_view_set_over_only    (HcQualityView *self,
                                              gboolean       over_only);
gboolean    hc_quality_view_get_loading      (HcQualityView *self);
const char *hc_quality_view_get_message      (HcQualityView *self);
GListModel *hc_quality_view_get_rows         (HcQualityView *self);
gboolean    hc_quality_view_select_row       (HcQualityView *self,
                                              gint64         department_id,
                                              const char    *month);
GtkWidget  *hc_quality_view_get_import_list  (HcQualityView *self);
void        hc_quality_view_save_rejections  (HcQualityView *self,
                                              gint64         import_id,
                                              GFile         *file);
AdwToast   *hc_quality_view_get_toast        (HcQualityView *self);
char       *hc_quality_view_export_path      (HcQualityView *self,
                                              char         **file_name);

G_END_DECLS
