/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcPage: one page of a collection as the server answers it
 * ({"items", "next_cursor", "total"}): the items, where the next page
 * starts and how many match in all. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HC_TYPE_PAGE (hc_page_get_type ())

G_DECLARE_FINAL_TYPE (HcPage, hc_page, HC, PAGE, GObject)

HcPage     *hc_page_new             (GListModel *items,
                                     const char *next_cursor,
                                     gint64      total);
GListModel *hc_page_get_items       (HcPage     *self);
guint       hc_page_get_n_items     (HcPage     *self);
const char *hc_page_get_next_cursor (HcPage     *self);
gint64      hc_page_get_total       (HcPage     *self);
gboolean    hc_page_get_total_exact (HcPage     *self);

G_END_DECLS
