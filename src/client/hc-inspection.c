/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspection: one subject of a draw of 双随机、一公开, its two inspectors and its result. Kept as the server's object, with the texts a list
 * view shows added to it. */
#define G_LOG_DOMAIN "hc-inspection"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-inspection.h"
#include "hc-client-private.h"
#include "hc-json-item-private.h"

struct _HcInspection
{
  GObject     parent_instance;

  JsonObject *obj;
};

G_DEFINE_FINAL_TYPE (HcInspection, hc_inspection, G_TYPE_OBJECT)

static const HcJsonProp props[] = {
  { "id", "id", G_TYPE_INT64 },
  { "position", "position", G_TYPE_INT64 },
  { "position-text", "position_text", G_TYPE_STRING },
  { "identifier", "identifier", G_TYPE_STRING },
  { "name", "name", G_TYPE_STRING },
  { "region-name", "region_name", G_TYPE_STRING },
  { "industry", "industry", G_TYPE_STRING },
  { "grade", "grade", G_TYPE_STRING },
  { "inspectors-text", "inspectors_text", G_TYPE_STRING },
  { "result", "result", G_TYPE_STRING },
  { "result-label", "result_label", G_TYPE_STRING },
  { "note", "note", G_TYPE_STRING },
  { "recorded-on", "recorded_on", G_TYPE_STRING },
  { "recorded", "recorded", G_TYPE_BOOLEAN },
  { "plan-title", "plan_title", G_TYPE_STRING },
  { "department-name", "department_name", G_TYPE_STRING },
};

static void
hc_inspection_finalize (GObject *object)
{
  HcInspection *self = HC_INSPECTION (object);

  g_clear_pointer (&self->obj, json_object_unref);

  G_OBJECT_CLASS (hc_inspection_parent_class)->finalize (object);
}

static void
hc_inspection_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HcInspection *self = HC_INSPECTION (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (props))
    _hc_json_props_get (self->obj, props, G_N_ELEMENTS (props), prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hc_inspection_class_init (HcInspectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_inspection_finalize;
  object_class->get_property = hc_inspection_get_property;
  _hc_json_props_install (object_class, props, G_N_ELEMENTS (props));
}

static void
hc_inspection_init (HcInspection *self)
{
}

/* pass, rectify, fail as 合格, 责令整改, 不合格; none: 待录入 */
const char *
hc_inspection_result_label (const char *result)
{
  if (g_strcmp0 (result, "pass") == 0)
    return _("Passed");
  if (g_strcmp0 (result, "rectify") == 0)
    return _("Rectification ordered");
  if (g_strcmp0 (result, "fail") == 0)
    return _("Failed");
  return _("No result yet");
}

/**
 * hc_inspection_new_from_json:
 *
 * Returns: (transfer full) (nullable): the inspection, %NULL when @obj is not one
 */
HcInspection *
hc_inspection_new_from_json (JsonObject *obj)
{
  HcInspection *self;
  const char *region, *name1, *name2;
  const HcRegion *r;
  g_autofree char *inspectors = NULL;
  g_autofree char *position = NULL;

  g_return_val_if_fail (obj != NULL, NULL);

  if (!_hc_json_has_id (obj, "id") || _hc_json_string_or_null (obj, "identifier") == NULL)
    return NULL;
  self = g_object_new (HC_TYPE_INSPECTION, NULL);
  self->obj = json_object_ref (obj);
  region = _hc_json_string_or_null (obj, "region");
  r = region ? hc_region_lookup (region) : NULL;
  json_object_set_string_member (obj, "region_name", r ? r->name : region ? region : "");
  name1 = _hc_json_string_or_null (obj, "inspector_1_name");
  name2 = _hc_json_string_or_null (obj, "inspector_2_name");
  inspectors = g_strdup_printf ("%s、%s", name1 && *name1 ? name1 : _hc_json_string (obj, "inspector_1"),
                                name2 && *name2 ? name2 : _hc_json_string (obj, "inspector_2"));
  json_object_set_string_member (obj, "inspectors_text", inspectors);
  position = g_strdup_printf ("%lld", (long long) _hc_json_int (obj, "position"));
  json_object_set_string_member (obj, "position_text", position);
  json_object_set_string_member (obj, "result_label", hc_inspection_result_label (_hc_json_string_or_null (obj, "result")));
  json_object_set_boolean_member (obj, "recorded", _hc_json_string_or_null (obj, "result") != NULL);
  return self;
}

gint64
hc_inspection_get_id (HcInspection *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION (self), 0);
  return _hc_json_int (self->obj, "id");
}

const char *
hc_inspection_get_name (HcInspection *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION (self), NULL);
  return _hc_json_string (self->obj, "name");
}

const char *
hc_inspection_get_identifier (HcInspection *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION (self), NULL);
  return _hc_json_string (self->obj, "identifier");
}

/* pass, rectify, fail, or %NULL before a result is recorded */
const char *
hc_inspection_get_result (HcInspection *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION (self), NULL);
  return _hc_json_string_or_null (self->obj, "result");
}
