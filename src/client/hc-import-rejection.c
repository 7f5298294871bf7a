/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcImportRejection: one rejected row of an import (row, field, code, message), as the rejection list shows it. */
#define G_LOG_DOMAIN "hc-import-rejection"

#include "config.h"

#include "hc-client-private.h"
#include "hc-import-rejection.h"

struct _HcImportRejection
{
  GObject  parent_instance;

  gint64   row;
  char    *field;
  char    *code;
  char    *message;
};

G_DEFINE_FINAL_TYPE (HcImportRejection, hc_import_rejection, G_TYPE_OBJECT)

enum { PROP_0, PROP_ROW, PROP_FIELD, PROP_CODE, PROP_MESSAGE, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
hc_import_rejection_finalize (GObject *object)
{
  HcImportRejection *self = HC_IMPORT_REJECTION (object);

  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (hc_import_rejection_parent_class)->finalize (object);
}

static void
hc_import_rejection_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HcImportRejection *self = HC_IMPORT_REJECTION (object);

  switch (prop_id)
    {
    case PROP_ROW:
      g_value_set_int64 (value, hc_import_rejection_get_row (self));
      break;
    case PROP_FIELD:
      g_value_set_string (value, hc_import_rejection_get_field (self));
      break;
    case PROP_CODE:
      g_value_set_string (value, hc_import_rejection_get_code (self));
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, hc_import_rejection_get_message (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_import_rejection_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HcImportRejection *self = HC_IMPORT_REJECTION (object);

  /* Construct-only: the item never changes once made. */
  switch (prop_id)
    {
    case PROP_ROW:
      self->row = g_value_get_int64 (value);
      break;
    case PROP_FIELD:
      self->field = g_value_dup_string (value);
      break;
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;
    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_import_rejection_class_init (HcImportRejectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_import_rejection_finalize;
  object_class->get_property = hc_import_rejection_get_property;
  object_class->set_property = hc_import_rejection_set_property;

  properties [PROP_ROW] =
    g_param_spec_int64 ("row", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_import_rejection_init (HcImportRejection *self)
{
}

HcImportRejection *
hc_import_rejection_new (gint64      row,
                         const char *field,
                         const char *code,
                         const char *message)
{
  return g_object_new (HC_TYPE_IMPORT_REJECTION,
                       "row", row,
                       "field", field,
                       "code", code,
                       "message", message,
                       NULL);
}

gint64
hc_import_rejection_get_row (HcImportRejection *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_REJECTION (self), 0);
  return self->row;
}

const char *
hc_import_rejection_get_field (HcImportRejection *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_REJECTION (self), NULL);
  return self->field;
}

const char *
hc_import_rejection_get_code (HcImportRejection *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_REJECTION (self), NULL);
  return self->code;
}

const char *
hc_import_rejection_get_message (HcImportRejection *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_REJECTION (self), NULL);
  return self->message;
}

/**
 * hc_import_rejection_new_from_json:
 * @obj: a rejection as POST /imports answers it
 *
 * Returns: (transfer full): the rejection (a missing member reads as 0 or "")
 */
HcImportRejection *
hc_import_rejection_new_from_json (JsonObject *obj)
{
  g_return_val_if_fail (obj != NULL, NULL);

  return hc_import_rejection_new (json_object_get_int_member_with_default (obj, "row", 0),
                                  _hc_json_string (obj, "field"), _hc_json_string (obj, "code"),
                                  _hc_json_string (obj, "message"));
}
