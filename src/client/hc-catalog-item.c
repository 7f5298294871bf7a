/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogItem: an immutable catalog item, made from the server's answer,
 * with the labels of its keys for the views. */
#define G_LOG_DOMAIN "hc-catalog-item"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-catalog-item.h"
#include "hc-client-private.h"
#include "hc-core.h"

struct _HcCatalogItem
{
  GObject   parent_instance;

  gint64    id;
  int       year;
  gboolean  editable;
  gint64    department_id;
  gint64    expected_records;
  gint64    collected_records;
  double    collection_rate;    /* -1 when no records are expected */
  gint64    version;

  /* in the order of string_names */
  char     *strings[18];
};

G_DEFINE_FINAL_TYPE (HcCatalogItem, hc_catalog_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* strings first, in the order of string_names */
  PROP_LINEAGE,
  PROP_CATEGORY,
  PROP_CATEGORY_LABEL,
  PROP_NAME,
  PROP_SUBJECT_TYPE,
  PROP_SUBJECT_TYPE_LABEL,
  PROP_DEPARTMENT_CODE,
  PROP_DEPARTMENT_NAME,
  PROP_DISCLOSURE,
  PROP_DISCLOSURE_LABEL,
  PROP_UPDATE_FREQUENCY,
  PROP_UPDATE_FREQUENCY_LABEL,
  PROP_LEGAL_BASIS,
  PROP_PUBLICITY_PERIOD,
  PROP_SCOPE,
  PROP_SCOPE_LABEL,
  PROP_COLLECTION_RATE_LABEL,
  PROP_ETAG,
  PROP_ID,
  PROP_YEAR,
  PROP_EDITABLE,
  PROP_DEPARTMENT_ID,
  PROP_EXPECTED_RECORDS,
  PROP_COLLECTED_RECORDS,
  PROP_COLLECTION_RATE,
  PROP_COLLECTION_FRACTION,
  PROP_VERSION,
  N_PROPS
};

static const char * const string_names[] = {
  NULL, "lineage", "category", "category-label", "name", "subject-type", "subject-type-label",
  "department-code", "department-name", "disclosure", "disclosure-label", "update-frequency",
  "update-frequency-label", "legal-basis", "publicity-period", "scope", "scope-label",
  "collection-rate-label", "etag",
};

#define STR(self, prop) ((self)->strings[(prop) - PROP_LINEAGE])

static GParamSpec *properties [N_PROPS];

static void
hc_catalog_item_finalize (GObject *object)
{
  HcCatalogItem *self = HC_CATALOG_ITEM (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);

  G_OBJECT_CLASS (hc_catalog_item_parent_class)->finalize (object);
}

static void
hc_catalog_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HcCatalogItem *self = HC_CATALOG_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, hc_catalog_item_get_id (self));
      break;
    case PROP_YEAR:
      g_value_set_int (value, hc_catalog_item_get_year (self));
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, hc_catalog_item_get_editable (self));
      break;
    case PROP_DEPARTMENT_ID:
      g_value_set_int64 (value, hc_catalog_item_get_department_id (self));
      break;
    case PROP_EXPECTED_RECORDS:
      g_value_set_int64 (value, hc_catalog_item_get_expected_records (self));
      break;
    case PROP_COLLECTED_RECORDS:
      g_value_set_int64 (value, hc_catalog_item_get_collected_records (self));
      break;
    case PROP_COLLECTION_RATE:
      g_value_set_double (value, hc_catalog_item_get_collection_rate (self));
      break;
    case PROP_COLLECTION_FRACTION:
      g_value_set_double (value, MAX (self->collection_rate, 0.0));
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, hc_catalog_item_get_version (self));
      break;
    default:
      if (prop_id >= PROP_LINEAGE && prop_id <= PROP_ETAG)
        g_value_set_string (value, STR (self, prop_id));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_catalog_item_class_init (HcCatalogItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hc_catalog_item_finalize;
  object_class->get_property = hc_catalog_item_get_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (string_names) == PROP_ETAG + 1);
  G_STATIC_ASSERT (G_N_ELEMENTS (((HcCatalogItem *) NULL)->strings) == PROP_ETAG);
  for (guint i = PROP_LINEAGE; i <= PROP_ETAG; i++)
    properties [i] = g_param_spec_string (string_names[i], NULL, NULL, NULL, flags);
  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, flags);
  /* The item's version is a draft: it may still be changed. */
  properties [PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, FALSE, flags);
  properties [PROP_DEPARTMENT_ID] = g_param_spec_int64 ("department-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_EXPECTED_RECORDS] =
    g_param_spec_int64 ("expected-records", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_COLLECTED_RECORDS] =
    g_param_spec_int64 ("collected-records", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* collected / expected, -1 when no records are expected */
  properties [PROP_COLLECTION_RATE] =
    g_param_spec_double ("collection-rate", NULL, NULL, -1, G_MAXDOUBLE, -1, flags);
  /* The same for a level bar: within 0 … 1, 0 when nothing is expected. */
  properties [PROP_COLLECTION_FRACTION] =
    g_param_spec_double ("collection-fraction", NULL, NULL, 0, 1, 0, flags);
  properties [PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_catalog_item_init (HcCatalogItem *self)
{
  self->collection_rate = -1;
}

static char *
dup_member (JsonObject *obj,
            const char *member)
{
  return g_strdup (_hc_json_string (obj, member));
}

#define LABEL_OF(name, Type)                                        \
  static char *                                                     \
  name##_label_of (const char *key)                                 \
  {                                                                 \
    Type v;                                                         \
                                                                    \
    return g_strdup (hc_##name##_from_key (key, &v) ? hc_##name##_label (v) : key); \
  }

LABEL_OF (catalog_category, HcCatalogCategory)
LABEL_OF (subject_type, HcSubjectType)
LABEL_OF (disclosure, HcDisclosure)
LABEL_OF (update_frequency, HcUpdateFrequency)
LABEL_OF (catalog_scope, HcCatalogScope)

/**
 * hc_catalog_item_new_from_json:
 *
 * Returns: (transfer full) (nullable): the item, %NULL without an id or name
 */
HcCatalogItem *
hc_catalog_item_new_from_json (JsonObject *obj,
                               const char *etag)
{
  HcCatalogItem *self;
  JsonNode *rate;

  g_return_val_if_fail (obj != NULL, NULL);

  if (json_object_get_int_member_with_default (obj, "id", 0) <= 0 ||
      json_object_get_string_member_with_default (obj, "name", NULL) == NULL)
    return NULL;

  self = g_object_new (HC_TYPE_CATALOG_ITEM, NULL);
  self->id = json_object_get_int_member (obj, "id");
  self->year = (int) json_object_get_int_member_with_default (obj, "year", 0);
  self->editable = g_strcmp0 (_hc_json_string (obj, "version_state"), "draft") == 0;
  self->department_id = json_object_get_int_member_with_default (obj, "department_id", 0);
  self->expected_records = json_object_get_int_member_with_default (obj, "expected_records", 0);
  self->collected_records = json_object_get_int_member_with_default (obj, "collected_records", 0);
  rate = json_object_get_member (obj, "collection_rate");
  if (rate != NULL && JSON_NODE_HOLDS_VALUE (rate))
    self->collection_rate = json_node_get_double (rate);
  self->version = json_object_get_int_member_with_default (obj, "version", 0);

  STR (self, PROP_LINEAGE) = dup_member (obj, "lineage");
  STR (self, PROP_CATEGORY) = dup_member (obj, "category");
  STR (self, PROP_CATEGORY_LABEL) = catalog_category_label_of (STR (self, PROP_CATEGORY));
  STR (self, PROP_NAME) = dup_member (obj, "name");
  STR (self, PROP_SUBJECT_TYPE) = dup_member (obj, "subject_type");
  STR (self, PROP_SUBJECT_TYPE_LABEL) = subject_type_label_of (STR (self, PROP_SUBJECT_TYPE));
  STR (self, PROP_DEPARTMENT_CODE) = dup_member (obj, "department_code");
  STR (self, PROP_DEPARTMENT_NAME) = dup_member (obj, "department_name");
  STR (self, PROP_DISCLOSURE) = dup_member (obj, "disclosure");
  STR (self, PROP_DISCLOSURE_LABEL) = disclosure_label_of (STR (self, PROP_DISCLOSURE));
  STR (self, PROP_UPDATE_FREQUENCY) = dup_member (obj, "update_frequency");
  STR (self, PROP_UPDATE_FREQUENCY_LABEL) = update_frequency_label_of (STR (self, PROP_UPDATE_FREQUENCY));
  STR (self, PROP_LEGAL_BASIS) = dup_member (obj, "legal_basis");
  STR (self, PROP_PUBLICITY_PERIOD) = dup_member (obj, "publicity_period");
  STR (self, PROP_SCOPE) = dup_member (obj, "scope");
  STR (self, PROP_SCOPE_LABEL) = catalog_scope_label_of (STR (self, PROP_SCOPE));
  if (self->collection_rate >= 0)
    /* Translators: a collection rate, "93.2%" */
    STR (self, PROP_COLLECTION_RATE_LABEL) = g_strdup_printf (_("%.1f%%"), self->collection_rate * 100);
  else
    /* Translators: no records are expected, so there is no rate */
    STR (self, PROP_COLLECTION_RATE_LABEL) = g_strdup (C_("collection rate", "—"));
  STR (self, PROP_ETAG) = g_strdup (etag);
  return self;
}

/* Fills @fields with what the item says (pointing into the item). */
void
hc_catalog_item_get_fields (HcCatalogItem       *self,
                            HcCatalogItemFields *fields)
{
  g_return_if_fail (HC_IS_CATALOG_ITEM (self));
  g_return_if_fail (fields != NULL);

  fields->category = STR (self, PROP_CATEGORY);
  fields->name = STR (self, PROP_NAME);
  fields->subject_type = STR (self, PROP_SUBJECT_TYPE);
  fields->department_id = self->department_id;
  fields->disclosure = STR (self, PROP_DISCLOSURE);
  fields->update_frequency = STR (self, PROP_UPDATE_FREQUENCY);
  fields->legal_basis = STR (self, PROP_LEGAL_BASIS);
  fields->publicity_period = STR (self, PROP_PUBLICITY_PERIOD);
  fields->scope = STR (self, PROP_SCOPE);
  fields->expected_records = self->expected_records;
  fields->collected_records = self->collected_records;
}

#define GETTER(type, member, fallback)                            \
type                                                              \
hc_catalog_item_get_##member (HcCatalogItem *self)                \
{                                                                 \
  g_return_val_if_fail (HC_IS_CATALOG_ITEM (self), fallback);     \
  return self->member;                                            \
}

GETTER (gint64, id, 0)
GETTER (int, year, 0)
GETTER (gboolean, editable, FALSE)
GETTER (gint64, department_id, 0)
GETTER (gint64, expected_records, 0)
GETTER (gint64, collected_records, 0)
GETTER (double, collection_rate, -1)
GETTER (gint64, version, 0)

#define STRING_GETTER(member, PROP)                               \
const char *                                                      \
hc_catalog_item_get_##member (HcCatalogItem *self)                \
{                                                                 \
  g_return_val_if_fail (HC_IS_CATALOG_ITEM (self), NULL);         \
  return STR (self, PROP);                                        \
}

STRING_GETTER (lineage, PROP_LINEAGE)
STRING_GETTER (category, PROP_CATEGORY)
STRING_GETTER (category_label, PROP_CATEGORY_LABEL)
STRING_GETTER (name, PROP_NAME)
STRING_GETTER (subject_type, PROP_SUBJECT_TYPE)
STRING_GETTER (subject_type_label, PROP_SUBJECT_TYPE_LABEL)
STRING_GETTER (department_code, PROP_DEPARTMENT_CODE)
STRING_GETTER (department_name, PROP_DEPARTMENT_NAME)
STRING_GETTER (disclosure, PROP_DISCLOSURE)
STRING_GETTER (disclosure_label, PROP_DISCLOSURE_LABEL)
STRING_GETTER (update_frequency, PROP_UPDATE_FREQUENCY)
STRING_GETTER (update_frequency_label, PROP_UPDATE_FREQUENCY_LABEL)
STRING_GETTER (legal_basis, PROP_LEGAL_BASIS)
STRING_GETTER (publicity_period, PROP_PUBLICITY_PERIOD)
STRING_GETTER (scope, PROP_SCOPE)
STRING_GETTER (scope_label, PROP_SCOPE_LABEL)
STRING_GETTER (collection_rate_label, PROP_COLLECTION_RATE_LABEL)
STRING_GETTER (etag, PROP_ETAG)
