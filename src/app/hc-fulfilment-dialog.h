/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcFulfilmentDialog: records whether a commitment was kept (践诺 /
 * 未践诺), when it was checked, and a note. */
#pragma once

#include <gtk/gtk.h>

#include "hc-client.h"

G_BEGIN_DECLS

#define HC_TYPE_FULFILMENT_DIALOG (hc_fulfilment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HcFulfilmentDialog, hc_fulfilment_dialog, HC, FULFILMENT_DIALOG, GtkWindow)

HcFulfilmentDialog *hc_fulfilment_dialog_new        (HcClient           *client,
                                                     HcRecord           *commitment);
void                hc_fulfilment_dialog_set_values (HcFulfilmentDialog *self,
                                                     gboolean            kept,
                                                     const char         *date,
                                                     const char         *note);
void                hc_fulfilment_dialog_save       (HcFulfilmentDialog *self);
const char         *hc_fulfilment_dialog_get_error  (HcFulfilmentDialog *self);

G_END_DECLS
