/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcPublicityView: 双公示 — the administrative penalties and licences under
 * publicity now, filtered by region, source department and date. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"
#include "hc-record-table.h"

G_BEGIN_DECLS

#define HC_TYPE_PUBLICITY_VIEW (hc_publicity_view_get_type ())

G_DECLARE_FINAL_TYPE (HcPublicityView, hc_publicity_view, HC, PUBLICITY_VIEW, GtkWidget)

void           hc_publicity_view_set_client  (HcPublicityView *self,
                                              HcClient        *client);
void           hc_publicity_view_load        (HcPublicityView *self);
HcRecordTable *hc_publicity_view_get_table   (HcPublicityView *self);
void           hc_publicity_view_set_filters (HcPublicityView *self,
                                              const char      *kind,
                                              const char      *region,
                                              const char      *from,
                                              const char      *to);
const char    *hc_publicity_view_get_error   (HcPublicityView *self);

G_END_DECLS
