/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcDepartment: a department as an immutable item (its id, code, name). */
#define G_LOG_DOMAIN "hc-department"

#include "config.h"

#include "hc-department.h"

struct _HcDepartment
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  char    *name;
};

G_DEFINE_FINAL_TYPE (HcDepartment, hc_department, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
hc_department_finalize (GObject *object)
{
  HcDepartment *self = HC_DEPARTMENT (object);

  g_free (self->code);
  g_free (self->name);

  G_OBJECT_CLASS (hc_department_parent_class)->finalize (object);
}

static void
hc_department_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HcDepartment *self = HC_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_department_class_init (HcDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_department_finalize;
  object_class->get_property = hc_department_get_property;

  properties [PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_department_init (HcDepartment *self)
{
}

/**
 * hc_department_new_from_json:
 *
 * Returns: (transfer full) (nullable): the department, or %NULL when @obj
 *   has no id or name
 */
HcDepartment *
hc_department_new_from_json (JsonObject *obj)
{
  HcDepartment *self;

  g_return_val_if_fail (obj != NULL, NULL);

  if (!json_object_has_member (obj, "id") || !json_object_has_member (obj, "name"))
    return NULL;
  self = g_object_new (HC_TYPE_DEPARTMENT, NULL);
  self->id = json_object_get_int_member (obj, "id");
  self->code = g_strdup (json_object_get_string_member_with_default (obj, "code", ""));
  self->name = g_strdup (json_object_get_string_member_with_default (obj, "name", ""));
  return self;
}

gint64
hc_department_get_id (HcDepartment *self)
{
  g_return_val_if_fail (HC_IS_DEPARTMENT (self), 0);
  return self->id;
}

const char *
hc_department_get_code (HcDepartment *self)
{
  g_return_val_if_fail (HC_IS_DEPARTMENT (self), NULL);
  return self->code;
}

const char *
hc_department_get_name (HcDepartment *self)
{
  g_return_val_if_fail (HC_IS_DEPARTMENT (self), NULL);
  return self->name;
}
