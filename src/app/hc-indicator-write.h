/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How a write from one of the indicators' dialogs ended, as the dialog
 * took the server's answer (HcIndicatorSubmitDialog, HcIndicatorTargetDialog). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HC_INDICATOR_WRITE_DONE,      /* written; the dialog closed */
  HC_INDICATOR_WRITE_CANCELLED, /* the view went away: nothing to show */
  HC_INDICATOR_WRITE_STALE,     /* changed meanwhile; the dialog closed, reload */
  HC_INDICATOR_WRITE_REFUSED,   /* refused; the dialog shows why */
} HcIndicatorWrite;

G_END_DECLS
