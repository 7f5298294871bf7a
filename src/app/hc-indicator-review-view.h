/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorReviewView: the review queue of 表1 in the indicators pane. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_INDICATOR_REVIEW_VIEW (hc_indicator_review_view_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorReviewView, hc_indicator_review_view, HC, INDICATOR_REVIEW_VIEW, GtkWidget)

void        hc_indicator_review_view_set_client     (HcIndicatorReviewView *self,
                                                     HcClient              *client);
void        hc_indicator_review_view_reload         (HcIndicatorReviewView *self);
gboolean    hc_indicator_review_view_set_filter     (HcIndicatorReviewView *self,
                                                     const char            *filter);
const char *hc_indicator_review_view_get_filter     (HcIndicatorReviewView *self);
GListModel *hc_indicator_review_view_get_items      (HcIndicatorReviewView *self);
gboolean    hc_indicator_review_view_select         (HcIndicatorReviewView *self,
                                                     const char            *indicator,
                                                     int                    year,
                                                     const char            *region);
gboolean    hc_indicator_review_view_get_busy       (HcIndicatorReviewView *self);
const char *hc_indicator_review_view_get_message    (HcIndicatorReviewView *self);
void        hc_indicator_review_view_return_dialog_fill (HcIndicatorReviewView *self,
                                                         const char            *comment);
void        hc_indicator_review_view_return_dialog_send (HcIndicatorReviewView *self);

G_END_DECLS
