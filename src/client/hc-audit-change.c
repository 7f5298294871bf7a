/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcAuditChange: a field's value before and after, and whether it changed. */
#define G_LOG_DOMAIN "hc-audit-change"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-audit-change.h"
#include "hc-audit-labels.h"

struct _HcAuditChange
{
  GObject  parent_instance;

  char    *field;
  char    *before;
  char    *after;
};

G_DEFINE_FINAL_TYPE (HcAuditChange, hc_audit_change, G_TYPE_OBJECT)

enum { PROP_0, PROP_FIELD, PROP_FIELD_LABEL, PROP_BEFORE, PROP_BEFORE_LABEL, PROP_AFTER_LABEL, PROP_AFTER, PROP_CHANGED, PROP_MARK, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
hc_audit_change_finalize (GObject *object)
{
  HcAuditChange *self = HC_AUDIT_CHANGE (object);

  g_free (self->field);
  g_free (self->before);
  g_free (self->after);

  G_OBJECT_CLASS (hc_audit_change_parent_class)->finalize (object);
}

static void
hc_audit_change_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HcAuditChange *self = HC_AUDIT_CHANGE (object);

  switch (prop_id)
    {
    case PROP_FIELD: g_value_set_string (value, self->field); break;
    case PROP_FIELD_LABEL: g_value_set_string (value, hc_audit_field_label (self->field)); break;
    case PROP_BEFORE: g_value_set_string (value, self->before); break;
    case PROP_BEFORE_LABEL: g_value_set_string (value, hc_audit_value_label (self->field, self->before)); break;
    case PROP_AFTER_LABEL: g_value_set_string (value, hc_audit_value_label (self->field, self->after)); break;
    case PROP_AFTER: g_value_set_string (value, self->after); break;
    case PROP_CHANGED: g_value_set_boolean (value, hc_audit_change_get_changed (self)); break;
    case PROP_MARK:
      g_value_set_string (value, hc_audit_change_get_changed (self) ? _("Changed") : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_audit_change_class_init (HcAuditChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hc_audit_change_finalize;
  object_class->get_property = hc_audit_change_get_property;

  properties [PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, flags);
  properties [PROP_FIELD_LABEL] = g_param_spec_string ("field-label", NULL, NULL, NULL, flags);
  properties [PROP_BEFORE] = g_param_spec_string ("before", NULL, NULL, NULL, flags);
  /* The values by their labels (“自然人” for natural_person), as shown. */
  properties [PROP_BEFORE_LABEL] = g_param_spec_string ("before-label", NULL, NULL, NULL, flags);
  properties [PROP_AFTER_LABEL] = g_param_spec_string ("after-label", NULL, NULL, NULL, flags);
  properties [PROP_AFTER] = g_param_spec_string ("after", NULL, NULL, NULL, flags);
  properties [PROP_CHANGED] = g_param_spec_boolean ("changed", NULL, NULL, FALSE, flags);
  /* “Changed” on a changed field, empty otherwise: what the list shows. */
  properties [PROP_MARK] = g_param_spec_string ("mark", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_audit_change_init (HcAuditChange *self)
{
}

/* @before, @after: the values as text, %NULL when the object had no such
 * field (created, deleted) */
HcAuditChange *
hc_audit_change_new (const char *field,
                     const char *before,
                     const char *after)
{
  HcAuditChange *self;

  g_return_val_if_fail (field != NULL, NULL);

  self = g_object_new (HC_TYPE_AUDIT_CHANGE, NULL);
  self->field = g_strdup (field);
  self->before = g_strdup (before ? before : "");
  self->after = g_strdup (after ? after : "");
  return self;
}

/* Returns: the field by its translated label (“更新时间” for updated_at) */
const char *
hc_audit_change_get_field_label (HcAuditChange *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_CHANGE (self), NULL);
  return hc_audit_field_label (self->field);
}

const char *
hc_audit_change_get_field (HcAuditChange *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_CHANGE (self), NULL);
  return self->field;
}

const char *
hc_audit_change_get_before (HcAuditChange *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_CHANGE (self), NULL);
  return self->before;
}

const char *
hc_audit_change_get_after (HcAuditChange *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_CHANGE (self), NULL);
  return self->after;
}

gboolean
hc_audit_change_get_changed (HcAuditChange *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_CHANGE (self), FALSE);
  return g_strcmp0 (self->before, self->after) != 0;
}
