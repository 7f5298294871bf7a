/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogChange: an immutable changed field of a catalog diff, its
 * values as a reader sees them (labels, not keys; names, not ids). */
#define G_LOG_DOMAIN "hc-catalog-change"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-catalog-change.h"
#include "hc-client-private.h"
#include "hc-core.h"

struct _HcCatalogChange
{
  GObject  parent_instance;

  char    *item_name;
  char    *field;
  char    *field_label;
  char    *before;
  char    *after;
};

G_DEFINE_FINAL_TYPE (HcCatalogChange, hc_catalog_change, G_TYPE_OBJECT)

enum { PROP_0, PROP_ITEM_NAME, PROP_FIELD, PROP_FIELD_LABEL, PROP_BEFORE, PROP_AFTER, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
hc_catalog_change_finalize (GObject *object)
{
  HcCatalogChange *self = HC_CATALOG_CHANGE (object);

  g_free (self->item_name);
  g_free (self->field);
  g_free (self->field_label);
  g_free (self->before);
  g_free (self->after);

  G_OBJECT_CLASS (hc_catalog_change_parent_class)->finalize (object);
}

static void
hc_catalog_change_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HcCatalogChange *self = HC_CATALOG_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ITEM_NAME:   g_value_set_string (value, hc_catalog_change_get_item_name (self)); break;
    case PROP_FIELD:       g_value_set_string (value, hc_catalog_change_get_field (self)); break;
    case PROP_FIELD_LABEL: g_value_set_string (value, hc_catalog_change_get_field_label (self)); break;
    case PROP_BEFORE:      g_value_set_string (value, hc_catalog_change_get_before (self)); break;
    case PROP_AFTER:       g_value_set_string (value, hc_catalog_change_get_after (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_catalog_change_class_init (HcCatalogChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hc_catalog_change_finalize;
  object_class->get_property = hc_catalog_change_get_property;

  properties [PROP_ITEM_NAME] = g_param_spec_string ("item-name", NULL, NULL, NULL, flags);
  properties [PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, flags);
  properties [PROP_FIELD_LABEL] = g_param_spec_string ("field-label", NULL, NULL, NULL, flags);
  properties [PROP_BEFORE] = g_param_spec_string ("before", NULL, NULL, NULL, flags);
  properties [PROP_AFTER] = g_param_spec_string ("after", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_catalog_change_init (HcCatalogChange *self)
{
}

static const struct
{
  const char *field;
  const char *label;
} field_labels[] = {
  { "category", NC_("catalog field", "Category") },
  { "name", NC_("catalog field", "Item") },
  { "subject_type", NC_("catalog field", "Subject type") },
  { "department_id", NC_("catalog field", "Source department") },
  { "disclosure", NC_("catalog field", "Disclosure") },
  { "update_frequency", NC_("catalog field", "Update frequency") },
  { "legal_basis", NC_("catalog field", "Legal basis") },
  { "publicity_period", NC_("catalog field", "Publicity period") },
  { "scope", NC_("catalog field", "Base or supplementary") },
};

/* A value of @field as a reader sees it: the label of a key. */
static char *
value_text (const char *field,
            JsonNode   *value)
{
  const char *key;
  HcCatalogCategory category;
  HcSubjectType subject_type;
  HcDisclosure disclosure;
  HcUpdateFrequency frequency;
  HcCatalogScope scope;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("");
  if (json_node_get_value_type (value) != G_TYPE_STRING)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
  key = json_node_get_string (value);
  if (g_str_equal (field, "category") && hc_catalog_category_from_key (key, &category))
    return g_strdup (hc_catalog_category_label (category));
  if (g_str_equal (field, "subject_type") && hc_subject_type_from_key (key, &subject_type))
    return g_strdup (hc_subject_type_label (subject_type));
  if (g_str_equal (field, "disclosure") && hc_disclosure_from_key (key, &disclosure))
    return g_strdup (hc_disclosure_label (disclosure));
  if (g_str_equal (field, "update_frequency") && hc_update_frequency_from_key (key, &frequency))
    return g_strdup (hc_update_frequency_label (frequency));
  if (g_str_equal (field, "scope") && hc_catalog_scope_from_key (key, &scope))
    return g_strdup (hc_catalog_scope_label (scope));
  return g_strdup (key);
}

/**
 * hc_catalog_change_new_from_json:
 *
 * Returns: (transfer full) (nullable): the change, %NULL without a field
 */
HcCatalogChange *
hc_catalog_change_new_from_json (const char *item_name,
                                 JsonObject *change)
{
  HcCatalogChange *self;
  const char *field;

  g_return_val_if_fail (change != NULL, NULL);

  field = json_object_get_string_member_with_default (change, "field", NULL);
  if (field == NULL)
    return NULL;
  self = g_object_new (HC_TYPE_CATALOG_CHANGE, NULL);
  self->item_name = g_strdup (item_name ? item_name : "");
  self->field = g_strdup (field);
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      self->field_label = g_strdup (g_dpgettext2 (NULL, "catalog field", field_labels[i].label));
  if (self->field_label == NULL)
    self->field_label = g_strdup (field);
  /* A department says little by its id: the diff names it too. */
  if (json_object_has_member (change, "from_name") || json_object_has_member (change, "to_name"))
    {
      self->before = g_strdup (_hc_json_string (change, "from_name"));
      self->after = g_strdup (_hc_json_string (change, "to_name"));
    }
  else
    {
      self->before = value_text (field, json_object_get_member (change, "from"));
      self->after = value_text (field, json_object_get_member (change, "to"));
    }
  return self;
}

#define GETTER(member)                                            \
const char *                                                      \
hc_catalog_change_get_##member (HcCatalogChange *self)            \
{                                                                 \
  g_return_val_if_fail (HC_IS_CATALOG_CHANGE (self), NULL);       \
  return self->member;                                            \
}

GETTER (item_name)
GETTER (field)
GETTER (field_label)
GETTER (before)
GETTER (after)
