/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorSubmitDialog: the form an analyst reports a year's value in. */
#pragma once

#include <gtk/gtk.h>

#include "hc-indicator-detail.h"
#include "hc-indicator-write.h"

G_BEGIN_DECLS

#define HC_TYPE_INDICATOR_SUBMIT_DIALOG (hc_indicator_submit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorSubmitDialog, hc_indicator_submit_dialog, HC, INDICATOR_SUBMIT_DIALOG, GtkWindow)

HcIndicatorSubmitDialog *hc_indicator_submit_dialog_new        (void);
void                     hc_indicator_submit_dialog_reset      (HcIndicatorSubmitDialog *self,
                                                                HcIndicatorDetail       *detail,
                                                                int                      year,
                                                                const char              *value);
void                     hc_indicator_submit_dialog_fill       (HcIndicatorSubmitDialog *self,
                                                                const char              *value,
                                                                const char              *evidence);
void                     hc_indicator_submit_dialog_send       (HcIndicatorSubmitDialog *self);
void                     hc_indicator_submit_dialog_set_busy   (HcIndicatorSubmitDialog *self,
                                                                gboolean                 busy);
void                     hc_indicator_submit_dialog_show_error (HcIndicatorSubmitDialog *self,
                                                                const char              *field,
                                                                const char              *message);
HcIndicatorWrite         hc_indicator_submit_dialog_take_answer (HcIndicatorSubmitDialog *self,
                                                                 GObject                 *client,
                                                                 GAsyncResult            *result);
const char              *hc_indicator_submit_dialog_get_error  (HcIndicatorSubmitDialog *self,
                                                                const char              *field);
void                     hc_indicator_submit_dialog_open       (HcIndicatorSubmitDialog *self,
                                                                GtkWindow               *parent);
void                     hc_indicator_submit_dialog_close      (HcIndicatorSubmitDialog *self);
void                     hc_indicator_submit_dialog_set_regions (HcIndicatorSubmitDialog *self,
                                                                 const char * const      *names,
                                                                 guint                    selected);
int                      hc_indicator_submit_dialog_get_region  (HcIndicatorSubmitDialog *self);
void                     hc_indicator_submit_dialog_choose_region (HcIndicatorSubmitDialog *self,
                                                                   guint                    index);

G_END_DECLS
