/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorReturnDialog: the comment a supervisor returns a value with. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HC_TYPE_INDICATOR_RETURN_DIALOG (hc_indicator_return_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorReturnDialog, hc_indicator_return_dialog, HC, INDICATOR_RETURN_DIALOG, GtkWindow)

HcIndicatorReturnDialog *hc_indicator_return_dialog_new        (void);
void                     hc_indicator_return_dialog_fill       (HcIndicatorReturnDialog *self,
                                                                const char              *comment);
void                     hc_indicator_return_dialog_send       (HcIndicatorReturnDialog *self);
void                     hc_indicator_return_dialog_set_busy   (HcIndicatorReturnDialog *self,
                                                                gboolean                 busy);
void                     hc_indicator_return_dialog_show_error (HcIndicatorReturnDialog *self,
                                                                const char              *message);
void                     hc_indicator_return_dialog_open       (HcIndicatorReturnDialog *self,
                                                                GtkWindow               *parent);
void                     hc_indicator_return_dialog_close      (HcIndicatorReturnDialog *self);

G_END_DECLS
