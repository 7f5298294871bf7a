/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorRecord: one record behind a computed value of 表1. Immutable;
 * keeps the server's object, with the labels a list shows added to it. */
#define G_LOG_DOMAIN "hc-indicator-record"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-indicator-record.h"
#include "hc-json-item-private.h"

struct _HcIndicatorRecord
{
  GObject     parent_instance;

  JsonObject *obj;
};

G_DEFINE_FINAL_TYPE (HcIndicatorRecord, hc_indicator_record, G_TYPE_OBJECT)

static const HcJsonProp props[] = {
  { "record-type", "type", G_TYPE_STRING },
  { "type-label", "type_label", G_TYPE_STRING },
  { "reference", "reference", G_TYPE_STRING },
  { "subject-name", "subject_name", G_TYPE_STRING },
  { "identifier", "identifier", G_TYPE_STRING },
  { "region-name", "region_name", G_TYPE_STRING },
  { "detail", "detail", G_TYPE_STRING },
  { "date", "date", G_TYPE_STRING },
  { "counted", "counted", G_TYPE_BOOLEAN },
  { "counted-label", "counted_label", G_TYPE_STRING },
};

static void
hc_indicator_record_finalize (GObject *object)
{
  HcIndicatorRecord *self = HC_INDICATOR_RECORD (object);

  g_clear_pointer (&self->obj, json_object_unref);
  G_OBJECT_CLASS (hc_indicator_record_parent_class)->finalize (object);
}

static void
hc_indicator_record_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HcIndicatorRecord *self = HC_INDICATOR_RECORD (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (props))
    _hc_json_props_get (self->obj, props, G_N_ELEMENTS (props), prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hc_indicator_record_class_init (HcIndicatorRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_indicator_record_finalize;
  object_class->get_property = hc_indicator_record_get_property;
  _hc_json_props_install (object_class, props, G_N_ELEMENTS (props));
}

static void
hc_indicator_record_init (HcIndicatorRecord *self)
{
}

static const char *
type_label (const char *type)
{
  if (g_strcmp0 (type, "commitment") == 0)
    return _("Credit commitment");
  if (g_strcmp0 (type, "repair") == 0)
    return _("Credit repair");
  if (g_strcmp0 (type, "catalog_item") == 0)
    return _("Catalog item");
  if (g_strcmp0 (type, "catalog_version") == 0)
    return _("Catalog version");
  if (g_strcmp0 (type, "import") == 0)
    return _("Data import");
  if (g_strcmp0 (type, "list_entry") == 0)
    return _("List entry");
  return type ? type : "";
}

/**
 * hc_indicator_record_new_from_json:
 * Returns: (transfer full) (nullable): the item, or %NULL for an object
 *   without its type
 */
HcIndicatorRecord *
hc_indicator_record_new_from_json (JsonObject *obj)
{
  HcIndicatorRecord *self;
  const char *region;
  const HcRegion *r;

  g_return_val_if_fail (obj != NULL, NULL);

  if (_hc_json_string_or_null (obj, "type") == NULL)
    return NULL;
  self = g_object_new (HC_TYPE_INDICATOR_RECORD, NULL);
  self->obj = json_object_ref (obj);
  json_object_set_string_member (obj, "type_label", type_label (_hc_json_string_or_null (obj, "type")));
  region = _hc_json_string_or_null (obj, "region");
  r = region ? hc_region_lookup (region) : NULL;
  json_object_set_string_member (obj, "region_name", r ? r->name : region ? region : "");
  json_object_set_string_member (obj, "counted_label", _hc_json_bool (obj, "counted") ? _("Yes") : _("No"));
  return self;
}

#define STRING_GETTER(name, member) \
  const char * \
  hc_indicator_record_get_##name (HcIndicatorRecord *self) \
  { \
    g_return_val_if_fail (HC_IS_INDICATOR_RECORD (self), NULL); \
    return _hc_json_string_or_null (self->obj, member); \
  }

STRING_GETTER (record_type, "type")
STRING_GETTER (reference, "reference")
STRING_GETTER (subject_name, "subject_name")
STRING_GETTER (region_name, "region_name")
STRING_GETTER (link, "link")

gboolean
hc_indicator_record_get_counted (HcIndicatorRecord *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_RECORD (self), FALSE);
  return _hc_json_bool (self->obj, "counted");
}
