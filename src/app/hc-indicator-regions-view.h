/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorRegionsView: the 19 市县 of an indicator in its detail. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_INDICATOR_REGIONS_VIEW (hc_indicator_regions_view_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorRegionsView, hc_indicator_regions_view, HC, INDICATOR_REGIONS_VIEW, GtkWidget)

void        hc_indicator_regions_view_set_client (HcIndicatorRegionsView *self,
                                                  HcClient               *client);
void        hc_indicator_regions_view_set_detail (HcIndicatorRegionsView *self,
                                                  HcIndicatorDetail      *detail,
                                                  int                     year);
guint       hc_indicator_regions_view_get_n_rows (HcIndicatorRegionsView *self);
/* The text of a cell of the table: @row from 0 (the 市县 in GB/T 2260
 * order), @column 0–6 (市县, value, target, status, gap, review, reviewed by). */
const char *hc_indicator_regions_view_get_cell   (HcIndicatorRegionsView *self,
                                                  guint                   row,
                                                  guint                   column);
gboolean    hc_indicator_regions_view_get_busy   (HcIndicatorRegionsView *self);
const char *hc_indicator_regions_view_get_message (HcIndicatorRegionsView *self);

/* What the UI tests do in the dialogs, as a user would. */
void        hc_indicator_regions_view_report_fill  (HcIndicatorRegionsView *self,
                                                    guint                   region,
                                                    const char             *value,
                                                    const char             *evidence);
void        hc_indicator_regions_view_report_send  (HcIndicatorRegionsView *self);
const char *hc_indicator_regions_view_report_error (HcIndicatorRegionsView *self,
                                                    const char             *field);
void        hc_indicator_regions_view_targets_fill (HcIndicatorRegionsView *self,
                                                    guint                   choice,
                                                    const char             *target,
                                                    const char             *warning_gap);
void        hc_indicator_regions_view_targets_send (HcIndicatorRegionsView *self);
const char *hc_indicator_regions_view_targets_error (HcIndicatorRegionsView *self,
                                                     const char             *field);

G_END_DECLS
