/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorTableButton: saves the year's Table 1 (表1) as a PDF. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_INDICATOR_TABLE_BUTTON (hc_indicator_table_button_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorTableButton, hc_indicator_table_button, HC, INDICATOR_TABLE_BUTTON, GtkButton)

void        hc_indicator_table_button_set_client (HcIndicatorTableButton *self,
                                                  HcClient               *client);
void        hc_indicator_table_button_set_year   (HcIndicatorTableButton *self,
                                                  int                     year);
/* Saves the PDF to @dest, as the file chooser's Save does. */
void        hc_indicator_table_button_save       (HcIndicatorTableButton *self,
                                                  GFile                  *dest);
gboolean    hc_indicator_table_button_get_busy   (HcIndicatorTableButton *self);
const char *hc_indicator_table_button_get_error  (HcIndicatorTableButton *self);

G_END_DECLS
