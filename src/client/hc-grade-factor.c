/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcGradeFactor: an immutable factor of a grade, for list views. */
#define G_LOG_DOMAIN "hc-grade-factor"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-grade-factor.h"

struct _HcGradeFactor
{
  GObject  parent_instance;

  char    *factor;
  char    *label;
  gint64   value;
  gint64   weight;
  gint64   contribution;
};

G_DEFINE_FINAL_TYPE (HcGradeFactor, hc_grade_factor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FACTOR,
  PROP_LABEL,
  PROP_VALUE,
  PROP_WEIGHT,
  PROP_CONTRIBUTION,
  PROP_VALUE_TEXT,
  PROP_WEIGHT_TEXT,
  PROP_CONTRIBUTION_TEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The factors the server computes (hcs-grading.c), labelled here so that
 * the app speaks the user's language whatever the server's. */
static const struct
{
  const char *factor;
  const char *label;
} labels[] = {
  { "years_registered",         N_("Years since registration (at most 10)") },
  { "penalties_severe_recent",  N_("Severe penalties in the last year") },
  { "penalties_severe_earlier", N_("Severe penalties one to three years ago") },
  { "penalties_minor_recent",   N_("Minor penalties in the last year") },
  { "penalties_minor_earlier",  N_("Minor penalties one to three years ago") },
  { "black_list_in_force",      N_("Entries in force on a blacklist") },
  { "black_list_ended",         N_("Blacklist entries ended") },
  { "watch_list_in_force",      N_("Entries in force on a watch list") },
  { "watch_list_ended",         N_("Watch list entries ended") },
  { "red_list_in_force",        N_("Entries in force on a red list") },
  { "commitments_kept",         N_("Commitments kept") },
  { "commitments_broken",       N_("Commitments broken") },
  { "repairs_completed",        N_("Credit repairs completed") },
};

/* Returns: the translated label of @factor, or %NULL for one this client
 * does not know */
const char *
hc_grade_factor_label_for (const char *factor)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].factor, factor) == 0)
      return _(labels[i].label);
  return NULL;
}

static void
hc_grade_factor_finalize (GObject *object)
{
  HcGradeFactor *self = HC_GRADE_FACTOR (object);

  g_clear_pointer (&self->factor, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (hc_grade_factor_parent_class)->finalize (object);
}

/* "+3", "−7" (a minus sign, not a hyphen), "0". */
static char *
signed_text (gint64 n)
{
  if (n > 0)
    return g_strdup_printf ("+%" G_GINT64_FORMAT, n);
  if (n < 0)
    return g_strdup_printf ("\u2212%" G_GINT64_FORMAT, -n);
  return g_strdup ("0");
}

static void
hc_grade_factor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HcGradeFactor *self = HC_GRADE_FACTOR (object);

  switch (prop_id)
    {
    case PROP_FACTOR:
      g_value_set_string (value, self->factor);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;
    case PROP_WEIGHT:
      g_value_set_int64 (value, self->weight);
      break;
    case PROP_CONTRIBUTION:
      g_value_set_int64 (value, self->contribution);
      break;
    case PROP_VALUE_TEXT:
      g_value_take_string (value, g_strdup_printf ("%" G_GINT64_FORMAT, self->value));
      break;
    case PROP_WEIGHT_TEXT:
      g_value_take_string (value, signed_text (self->weight));
      break;
    case PROP_CONTRIBUTION_TEXT:
      g_value_take_string (value, signed_text (self->contribution));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_grade_factor_class_init (HcGradeFactorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hc_grade_factor_finalize;
  object_class->get_property = hc_grade_factor_get_property;

  properties [PROP_FACTOR] = g_param_spec_string ("factor", NULL, NULL, NULL, flags);
  properties [PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties [PROP_VALUE] = g_param_spec_int64 ("value", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties [PROP_WEIGHT] = g_param_spec_int64 ("weight", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties [PROP_CONTRIBUTION] = g_param_spec_int64 ("contribution", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  /* The numbers as a list view shows them, signed where they add up. */
  properties [PROP_VALUE_TEXT] = g_param_spec_string ("value-text", NULL, NULL, NULL, flags);
  properties [PROP_WEIGHT_TEXT] = g_param_spec_string ("weight-text", NULL, NULL, NULL, flags);
  properties [PROP_CONTRIBUTION_TEXT] = g_param_spec_string ("contribution-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_grade_factor_init (HcGradeFactor *self)
{
}

/**
 * hc_grade_factor_new_from_json:
 *
 * Returns: (transfer full) (nullable): the factor, %NULL when @obj has no
 *   factor name
 */
HcGradeFactor *
hc_grade_factor_new_from_json (JsonObject *obj)
{
  HcGradeFactor *self;
  const char *factor, *label;

  g_return_val_if_fail (obj != NULL, NULL);

  factor = json_object_get_string_member_with_default (obj, "factor", NULL);
  if (factor == NULL)
    return NULL;
  label = hc_grade_factor_label_for (factor);
  self = g_object_new (HC_TYPE_GRADE_FACTOR, NULL);
  self->factor = g_strdup (factor);
  self->label = g_strdup (label ? label : json_object_get_string_member_with_default (obj, "label", factor));
  self->value = json_object_get_int_member_with_default (obj, "value", 0);
  self->weight = json_object_get_int_member_with_default (obj, "weight", 0);
  self->contribution = json_object_get_int_member_with_default (obj, "contribution", 0);
  return self;
}

/**
 * hc_grade_factors_from_json:
 *
 * Returns: (transfer full) (nullable): a GListModel of #HcGradeFactor,
 *   %NULL when an element is not a factor
 */
GListModel *
hc_grade_factors_from_json (JsonArray *array)
{
  g_autoptr(GListStore) store = g_list_store_new (HC_TYPE_GRADE_FACTOR);

  if (array == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(HcGradeFactor) f = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node) || (f = hc_grade_factor_new_from_json (json_node_get_object (node))) == NULL)
        return NULL;
      g_list_store_append (store, f);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

const char *
hc_grade_factor_get_factor (HcGradeFactor *self)
{
  g_return_val_if_fail (HC_IS_GRADE_FACTOR (self), NULL);
  return self->factor;
}

const char *
hc_grade_factor_get_label (HcGradeFactor *self)
{
  g_return_val_if_fail (HC_IS_GRADE_FACTOR (self), NULL);
  return self->label;
}

gint64
hc_grade_factor_get_value (HcGradeFactor *self)
{
  g_return_val_if_fail (HC_IS_GRADE_FACTOR (self), 0);
  return self->value;
}

gint64
hc_grade_factor_get_weight (HcGradeFactor *self)
{
  g_return_val_if_fail (HC_IS_GRADE_FACTOR (self), 0);
  return self->weight;
}

gint64
hc_grade_factor_get_contribution (HcGradeFactor *self)
{
  g_return_val_if_fail (HC_IS_GRADE_FACTOR (self), 0);
  return self->contribution;
}
