/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcAuditChange: one field of an audited object, before and after. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HC_TYPE_AUDIT_CHANGE (hc_audit_change_get_type ())

G_DECLARE_FINAL_TYPE (HcAuditChange, hc_audit_change, HC, AUDIT_CHANGE, GObject)

HcAuditChange *hc_audit_change_new         (const char    *field,
                                            const char    *before,
                                            const char    *after);
const char    *hc_audit_change_get_field   (HcAuditChange *self);
const char    *hc_audit_change_get_field_label (HcAuditChange *self);
const char    *hc_audit_change_get_before  (HcAuditChange *self);
const char    *hc_audit_change_get_after   (HcAuditChange *self);
gboolean       hc_audit_change_get_changed (HcAuditChange *self);

G_END_DECLS
