/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorYearTable: an indicator's values year by year with their
 * status, review and who reported and reviewed them. */
#pragma once

#include <gtk/gtk.h>

#include "hc-indicator-detail.h"

G_BEGIN_DECLS

#define HC_TYPE_INDICATOR_YEAR_TABLE (hc_indicator_year_table_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorYearTable, hc_indicator_year_table, HC, INDICATOR_YEAR_TABLE, GtkGrid)

HcIndicatorDetail *hc_indicator_year_table_get_detail (HcIndicatorYearTable *self);
void               hc_indicator_year_table_set_detail (HcIndicatorYearTable *self,
                                                       HcIndicatorDetail    *detail);
int                hc_indicator_year_table_get_year   (HcIndicatorYearTable *self);
void               hc_indicator_year_table_set_year   (HcIndicatorYearTable *self,
                                                       int                   year);

G_END_DECLS
