/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcAuditPane: the Audit Log pane of the main window. */
#pragma once

#include <gtk/gtk.h>

#include "hc-pane.h"

G_BEGIN_DECLS

#define HC_TYPE_AUDIT_PANE (hc_audit_pane_get_type ())

G_DECLARE_FINAL_TYPE (HcAuditPane, hc_audit_pane, HC, AUDIT_PANE, HcPane)

GListModel *hc_audit_pane_get_entries       (HcAuditPane *self);
GListModel *hc_audit_pane_get_shown_changes (HcAuditPane *self);

G_END_DECLS
