/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcMatchView: 名单自动比对 in the lists pane — a file of subjects matched,
 * the runs, and the hits of one with filters, feedback and false matches. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_MATCH_VIEW (hc_match_view_get_type ())

G_DECLARE_FINAL_TYPE (HcMatchView, hc_match_view, HC, MATCH_VIEW, GtkWidget)

void        hc_match_view_set_client      (HcMatchView *self,
                                           HcClient    *client);
void        hc_match_view_reload          (HcMatchView *self);
void        hc_match_view_match_file      (HcMatchView *self,
                                           GFile       *file);
char       *hc_match_view_export_path     (HcMatchView *self,
                                           const char  *listing,
                                           char       **file_name);
gboolean    hc_match_view_get_busy        (HcMatchView *self);
const char *hc_match_view_get_message     (HcMatchView *self);
HcMatchRun *hc_match_view_get_run         (HcMatchView *self);
GListModel *hc_match_view_get_runs        (HcMatchView *self);
GListModel *hc_match_view_get_hits        (HcMatchView *self);
gint64      hc_match_view_get_total       (HcMatchView *self);
gboolean    hc_match_view_select_hit      (HcMatchView *self,
                                           guint        position);
gboolean    hc_match_view_set_filter      (HcMatchView *self,
                                           const char  *filter,
                                           const char  *value);

G_END_DECLS
