/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListType: an immutable list type item, made from the server's answer. */
#define G_LOG_DOMAIN "hc-list-type"

#include "config.h"

#include "hc-client-private.h"
#include "hc-list-type.h"

struct _HcListType
{
  GObject   parent_instance;

  char     *key;
  char     *class;
  char     *name;
  GStrv     measures;       /* names */
  GStrv     measure_codes;  /* their codes, in the same order */
  int       default_years;
};

G_DEFINE_FINAL_TYPE (HcListType, hc_list_type, G_TYPE_OBJECT)

enum { PROP_0, PROP_KEY, PROP_CLASS, PROP_NAME, PROP_MEASURES, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
hc_list_type_finalize (GObject *object)
{
  HcListType *self = HC_LIST_TYPE (object);

  g_free (self->key);
  g_free (self->class);
  g_free (self->name);
  g_strfreev (self->measures);
  g_strfreev (self->measure_codes);

  G_OBJECT_CLASS (hc_list_type_parent_class)->finalize (object);
}

static void
hc_list_type_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HcListType *self = HC_LIST_TYPE (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, hc_list_type_get_key (self));
      break;
    case PROP_CLASS:
      g_value_set_string (value, hc_list_type_get_class (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, hc_list_type_get_name (self));
      break;
    case PROP_MEASURES:
      g_value_set_boxed (value, hc_list_type_get_measures (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_list_type_class_init (HcListTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_list_type_finalize;
  object_class->get_property = hc_list_type_get_property;

  properties [PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_CLASS] =
    g_param_spec_string ("class", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_MEASURES] =
    g_param_spec_boxed ("measures", NULL, NULL, G_TYPE_STRV, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_list_type_init (HcListType *self)
{
}

/* The array @member of @obj, or NULL (json-glib 1.6 warns about a missing one). */
static JsonArray *
array_member (JsonObject *obj,
              const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Returns: (transfer full) (nullable): the type, or NULL without a key */
HcListType *
hc_list_type_new_from_json (JsonObject *obj)
{
  g_autoptr(GStrvBuilder) measures = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  HcListType *self;
  JsonArray *array;

  g_return_val_if_fail (obj != NULL, NULL);

  if (json_object_get_string_member_with_default (obj, "key", NULL) == NULL)
    return NULL;
  self = g_object_new (HC_TYPE_LIST_TYPE, NULL);
  self->key = g_strdup (json_object_get_string_member (obj, "key"));
  self->class = g_strdup (json_object_get_string_member_with_default (obj, "class", ""));
  self->name = g_strdup (json_object_get_string_member_with_default (obj, "name", self->key));
  array = array_member (obj, "measures");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *measure = json_array_get_object_element (array, i);
      const char *name = measure ? json_object_get_string_member_with_default (measure, "name", NULL) : NULL;
      const char *code = measure ? json_object_get_string_member_with_default (measure, "code", NULL) : NULL;

      if (name != NULL && code != NULL)
        {
          g_strv_builder_add (measures, name);
          g_strv_builder_add (codes, code);
        }
    }
  self->measures = g_strv_builder_end (measures);
  self->measure_codes = g_strv_builder_end (codes);
  self->default_years = (int) json_object_get_int_member_with_default (obj, "default_years", 0);
  return self;
}

const char *
hc_list_type_get_key (HcListType *self)
{
  g_return_val_if_fail (HC_IS_LIST_TYPE (self), NULL);
  return self->key;
}

const char *
hc_list_type_get_class (HcListType *self)
{
  g_return_val_if_fail (HC_IS_LIST_TYPE (self), NULL);
  return self->class;
}

const char *
hc_list_type_get_name (HcListType *self)
{
  g_return_val_if_fail (HC_IS_LIST_TYPE (self), NULL);
  return self->name;
}

const char * const *
hc_list_type_get_measures (HcListType *self)
{
  g_return_val_if_fail (HC_IS_LIST_TYPE (self), NULL);
  return (const char * const *) self->measures;
}

/* Returns: the codes of the measures, in the order of hc_list_type_get_measures() */
const char * const *
hc_list_type_get_measure_codes (HcListType *self)
{
  g_return_val_if_fail (HC_IS_LIST_TYPE (self), NULL);
  return (const char * const *) self->measure_codes;
}

/* Returns: the years an entry stays published unless it names its end, 0 when not told */
int
hc_list_type_get_default_years (HcListType *self)
{
  g_return_val_if_fail (HC_IS_LIST_TYPE (self), 0);
  return self->default_years;
}
