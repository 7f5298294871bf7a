/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspector: a user of a department as the inspector picker lists it —
 * who they are and whether they are active, nothing of the account.
 * Immutable; keeps the server's object, with the label a view shows (the
 * display name, else the user name) added to it. */
#define G_LOG_DOMAIN "hc-inspector"

#include "config.h"

#include "hc-inspector.h"
#include "hc-json-item-private.h"

struct _HcInspector
{
  GObject     parent_instance;

  JsonObject *obj;
};

G_DEFINE_FINAL_TYPE (HcInspector, hc_inspector, G_TYPE_OBJECT)

static const HcJsonProp props[] = {
  { "id", "id", G_TYPE_INT64 },
  { "username", "username", G_TYPE_STRING },
  { "display-name", "display_name", G_TYPE_STRING },
  { "department-name", "department_name", G_TYPE_STRING },
  { "active", "active", G_TYPE_BOOLEAN },
  { "label", "label", G_TYPE_STRING },
};

static void
hc_inspector_finalize (GObject *object)
{
  HcInspector *self = HC_INSPECTOR (object);

  g_clear_pointer (&self->obj, json_object_unref);

  G_OBJECT_CLASS (hc_inspector_parent_class)->finalize (object);
}

static void
hc_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HcInspector *self = HC_INSPECTOR (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (props))
    _hc_json_props_get (self->obj, props, G_N_ELEMENTS (props), prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hc_inspector_class_init (HcInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_inspector_finalize;
  object_class->get_property = hc_inspector_get_property;
  _hc_json_props_install (object_class, props, G_N_ELEMENTS (props));
}

static void
hc_inspector_init (HcInspector *self)
{
}

/**
 * hc_inspector_new_from_json:
 * @obj: the object as the server answers it
 *
 * Returns: (transfer full) (nullable): the item, or %NULL for an object
 *   without an id or a user name
 */
HcInspector *
hc_inspector_new_from_json (JsonObject *obj)
{
  HcInspector *self;
  const char *name;

  g_return_val_if_fail (obj != NULL, NULL);

  if (!_hc_json_has_id (obj, "id") || _hc_json_string_or_null (obj, "username") == NULL)
    return NULL;
  self = g_object_new (HC_TYPE_INSPECTOR, NULL);
  self->obj = json_object_ref (obj);
  name = _hc_json_string_or_null (obj, "display_name");
  json_object_set_string_member (self->obj, "label",
                                 name != NULL && *name != '\0' ? name : _hc_json_string_or_null (obj, "username"));
  return self;
}

gint64
hc_inspector_get_id (HcInspector *self)
{
  g_return_val_if_fail (HC_IS_INSPECTOR (self), 0);
  return _hc_json_int (self->obj, "id");
}

const char *
hc_inspector_get_username (HcInspector *self)
{
  g_return_val_if_fail (HC_IS_INSPECTOR (self), NULL);
  return _hc_json_string_or_null (self->obj, "username");
}

const char *
hc_inspector_get_display_name (HcInspector *self)
{
  g_return_val_if_fail (HC_IS_INSPECTOR (self), NULL);
  return _hc_json_string_or_null (self->obj, "display_name");
}

/* The display name, or the user name when there is none. */
const char *
hc_inspector_get_label (HcInspector *self)
{
  g_return_val_if_fail (HC_IS_INSPECTOR (self), NULL);
  return _hc_json_string_or_null (self->obj, "label");
}

gboolean
hc_inspector_get_active (HcInspector *self)
{
  g_return_val_if_fail (HC_IS_INSPECTOR (self), FALSE);
  return _hc_json_bool (self->obj, "active");
}
