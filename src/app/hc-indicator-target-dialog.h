/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorTargetDialog: the target a supervisor sets for the 市县 and
 * the deviation rule (部门和市县目标管理). */
#pragma once

#include <gtk/gtk.h>

#include "hc-indicator-write.h"

G_BEGIN_DECLS

#define HC_TYPE_INDICATOR_TARGET_DIALOG (hc_indicator_target_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HcIndicatorTargetDialog, hc_indicator_target_dialog, HC, INDICATOR_TARGET_DIALOG, GtkWindow)

/* What the form shows for a choice of the dropdown: its target and gap. */
typedef struct
{
  const char *name;
  double      target;
  double      warning_gap;
} HcIndicatorTargetChoice;

HcIndicatorTargetDialog *hc_indicator_target_dialog_new        (void);
void                     hc_indicator_target_dialog_reset      (HcIndicatorTargetDialog       *self,
                                                                const char                    *heading,
                                                                const HcIndicatorTargetChoice *choices,
                                                                guint                          n_choices,
                                                                guint                          selected);
void                     hc_indicator_target_dialog_fill       (HcIndicatorTargetDialog       *self,
                                                                guint                          choice,
                                                                const char                    *target,
                                                                const char                    *warning_gap);
void                     hc_indicator_target_dialog_send       (HcIndicatorTargetDialog       *self);
void                     hc_indicator_target_dialog_set_busy   (HcIndicatorTargetDialog       *self,
                                                                gboolean                       busy);
void                     hc_indicator_target_dialog_show_error (HcIndicatorTargetDialog       *self,
                                                                const char                    *field,
                                                                const char                    *message);
const char              *hc_indicator_target_dialog_get_error  (HcIndicatorTargetDialog       *self,
                                                                const char                    *field);
void                     hc_indicator_target_dialog_open       (HcIndicatorTargetDialog       *self,
                                                                GtkWindow                     *parent);
void                     hc_indicator_target_dialog_close      (HcIndicatorTargetDialog       *self);
HcIndicatorWrite         hc_indicator_target_dialog_take_answer (HcIndicatorTargetDialog      *self,
                                                                 GObject                      *client,
                                                                 GAsyncResult                 *result);

G_END_DECLS
