/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListFeedbackView: a list type's 效果自动反馈统计 over time — per month
 * of the match runs, the hits on the type, applied, not applied and
 * pending, as stacked bars and as a table. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_LIST_FEEDBACK_VIEW (hc_list_feedback_view_get_type ())

G_DECLARE_FINAL_TYPE (HcListFeedbackView, hc_list_feedback_view, HC, LIST_FEEDBACK_VIEW, GtkWidget)

void        hc_list_feedback_view_set_client    (HcListFeedbackView *self,
                                                 HcClient           *client);
void        hc_list_feedback_view_set_list_type (HcListFeedbackView *self,
                                                 const char         *key,
                                                 const char         *name);
void        hc_list_feedback_view_reload        (HcListFeedbackView *self);
gboolean    hc_list_feedback_view_get_busy      (HcListFeedbackView *self);
gboolean    hc_list_feedback_view_get_loaded    (HcListFeedbackView *self);
const char *hc_list_feedback_view_get_message   (HcListFeedbackView *self);
GListModel *hc_list_feedback_view_get_months    (HcListFeedbackView *self);
const char *hc_list_feedback_view_get_summary   (HcListFeedbackView *self);

G_END_DECLS
