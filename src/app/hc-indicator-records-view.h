/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorRecordsView: the records behind a computed value of 表1. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_INDICATOR_RECORDS_VIEW (hc_indicator_records_view_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorRecordsView, hc_indicator_records_view, HC, INDICATOR_RECORDS_VIEW, GtkWidget)

void        hc_indicator_records_view_set_client  (HcIndicatorRecordsView *self,
                                                   HcClient               *client);
void        hc_indicator_records_view_show        (HcIndicatorRecordsView *self,
                                                   const char             *records,
                                                   const char             *item,
                                                   int                     year,
                                                   gint64                  numerator,
                                                   gint64                  denominator);
void        hc_indicator_records_view_reload      (HcIndicatorRecordsView *self);
GListModel *hc_indicator_records_view_get_items   (HcIndicatorRecordsView *self);
char       *hc_indicator_records_view_export_path (HcIndicatorRecordsView *self,
                                                   char                  **file_name);

G_END_DECLS
