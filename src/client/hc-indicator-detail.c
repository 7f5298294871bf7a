/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorDetail: one indicator of 表1 with its values of 2021–2025 and their reviews. */
#define G_LOG_DOMAIN "hc-indicator-detail"

#include "config.h"

#include "hc-indicator-detail.h"

struct _HcIndicatorDetail
{
  GObject   parent_instance;

  char     *key;
  char     *item;
  char     *target_text;
  char     *kind;
  char     *unit;
  char     *source;
  char     *aggregation;
  gboolean  has_target;
  double    target;
  char     *regional;
  GArray   *years;          /* of HcIndicatorYear */
  GArray   *regions;        /* of HcIndicatorRegion */
  HcIndicatorRegionRule *rule;
};

G_DEFINE_FINAL_TYPE (HcIndicatorDetail, hc_indicator_detail, G_TYPE_OBJECT)

static void
year_clear (gpointer data)
{
  HcIndicatorYear *year = data;

  g_free (year->status);
  g_free (year->state);
  g_free (year->evidence);
  g_free (year->submitted_by);
  g_free (year->submitted_at);
  g_free (year->reviewed_by);
  g_free (year->reviewed_at);
  g_free (year->review_comment);
  g_free (year->etag);
  g_free (year->basis);
  g_free (year->records);
}

static void
region_clear (gpointer data)
{
  HcIndicatorRegion *region = data;

  g_free (region->code);
  g_free (region->name);
  g_free (region->target_source);
  g_free (region->target_etag);
  g_clear_pointer (&region->years, g_array_unref);
}

static void
rule_free (HcIndicatorRegionRule *rule)
{
  g_free (rule->source);
  g_free (rule->set_by);
  g_free (rule->set_at);
  g_free (rule->etag);
  g_free (rule);
}

static char *
version_etag (JsonObject *obj)
{
  JsonNode *node = json_object_get_member (obj, "version");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  return g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", (gint64) json_node_get_double (node));
}

static GArray *
years_new (void)
{
  GArray *years = g_array_new (FALSE, TRUE, sizeof (HcIndicatorYear));

  g_array_set_clear_func (years, year_clear);
  return years;
}

static char *
dup_string (JsonObject *obj,
            const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gboolean
number_member (JsonObject *obj,
               const char *name,
               double     *out)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  *out = json_node_get_double (node);
  return TRUE;
}

static void
add_years (GArray    *years,
           JsonArray *values)
{
  for (guint i = 0; values != NULL && i < json_array_get_length (values); i++)
    {
      JsonObject *v = json_array_get_object_element (values, i);
      HcIndicatorYear year = { 0 };
      double version, n;

      if (v == NULL)
        continue;
      year.year = (int) json_object_get_int_member_with_default (v, "year", 0);
      year.has_value = number_member (v, "value", &year.value);
      year.status = dup_string (v, "status");
      year.state = dup_string (v, "state");
      year.evidence = dup_string (v, "evidence");
      year.submitted_by = dup_string (v, "submitted_by");
      year.submitted_at = dup_string (v, "submitted_at");
      year.reviewed_by = dup_string (v, "reviewed_by");
      year.reviewed_at = dup_string (v, "reviewed_at");
      year.review_comment = dup_string (v, "review_comment");
      year.basis = dup_string (v, "basis");
      if (number_member (v, "denominator", &n))
        {
          year.has_counts = TRUE;
          year.denominator = (gint64) n;
          year.numerator = number_member (v, "numerator", &n) ? (gint64) n : 0;
        }
      year.lagging = json_object_get_boolean_member_with_default (v, "lagging", FALSE);
      year.has_gap = number_member (v, "gap", &year.gap);
      year.records = dup_string (v, "records");
      /* The value's version is its ETag (openapi: IndicatorYearValue). */
      if (year.state != NULL && number_member (v, "version", &version))
        year.etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", (gint64) version);
      g_array_append_val (years, year);
    }
}

HcIndicatorDetail *
hc_indicator_detail_new_from_json (JsonObject *obj)
{
  g_autoptr(HcIndicatorDetail) self = NULL;
  JsonArray *values;
  JsonNode *target;

  g_return_val_if_fail (obj != NULL, NULL);

  values = json_object_get_array_member (obj, "values");
  if (values == NULL || !json_object_has_member (obj, "key"))
    return NULL;

  self = g_object_new (HC_TYPE_INDICATOR_DETAIL, NULL);
  self->key = dup_string (obj, "key");
  self->item = dup_string (obj, "item");
  self->target_text = dup_string (obj, "target_text");
  self->kind = dup_string (obj, "kind");
  self->unit = dup_string (obj, "unit");
  self->source = dup_string (obj, "source");
  self->aggregation = dup_string (obj, "aggregation");
  target = json_object_get_member (obj, "target");
  if (target != NULL && JSON_NODE_HOLDS_VALUE (target))
    {
      self->has_target = TRUE;
      self->target = json_node_get_double (target);
    }

  add_years (self->years, values);
  self->regional = dup_string (obj, "regional");
  if (json_object_has_member (obj, "regions") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (obj, "regions")))
    {
      JsonArray *regions = json_object_get_array_member (obj, "regions");

      for (guint i = 0; i < json_array_get_length (regions); i++)
        {
          JsonObject *r = json_array_get_object_element (regions, i);
          HcIndicatorRegion region = { 0 };

          if (r == NULL || !json_object_has_member (r, "values"))
            continue;
          region.code = dup_string (r, "region");
          region.name = dup_string (r, "region_name");
          if (!number_member (r, "target", &region.target))
            region.target = self->target;
          if (!number_member (r, "warning_gap", &region.warning_gap))
            region.warning_gap = 0;
          region.target_source = dup_string (r, "target_source");
          region.years = years_new ();
          add_years (region.years, json_object_get_array_member (r, "values"));
          g_array_append_val (self->regions, region);
        }
    }
  if (json_object_has_member (obj, "region_targets") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (obj, "region_targets")))
    {
      JsonObject *t = json_object_get_object_member (obj, "region_targets");
      JsonArray *own = json_object_has_member (t, "regions") &&
                       JSON_NODE_HOLDS_ARRAY (json_object_get_member (t, "regions"))
                       ? json_object_get_array_member (t, "regions") : NULL;

      self->rule = g_new0 (HcIndicatorRegionRule, 1);
      if (!number_member (t, "target", &self->rule->target))
        self->rule->target = self->target;
      number_member (t, "warning_gap", &self->rule->warning_gap);
      self->rule->source = dup_string (t, "source");
      self->rule->set_by = dup_string (t, "set_by");
      self->rule->set_at = dup_string (t, "set_at");
      self->rule->etag = version_etag (t);
      /* The targets set for one 市县: their ETags. */
      for (guint i = 0; own != NULL && i < json_array_get_length (own); i++)
        {
          JsonObject *row = json_array_get_object_element (own, i);
          g_autofree char *code = row ? dup_string (row, "region") : NULL;

          for (guint r = 0; code != NULL && r < self->regions->len; r++)
            {
              HcIndicatorRegion *region = &g_array_index (self->regions, HcIndicatorRegion, r);

              if (g_strcmp0 (region->code, code) == 0)
                {
                  g_free (region->target_etag);
                  region->target_etag = version_etag (row);
                }
            }
        }
    }
  return g_steal_pointer (&self);
}

static void
hc_indicator_detail_finalize (GObject *object)
{
  HcIndicatorDetail *self = HC_INDICATOR_DETAIL (object);

  g_free (self->key);
  g_free (self->item);
  g_free (self->target_text);
  g_free (self->kind);
  g_free (self->unit);
  g_free (self->source);
  g_free (self->aggregation);
  g_free (self->regional);
  g_array_unref (self->years);
  g_array_unref (self->regions);
  g_clear_pointer (&self->rule, rule_free);

  G_OBJECT_CLASS (hc_indicator_detail_parent_class)->finalize (object);
}

static void
hc_indicator_detail_class_init (HcIndicatorDetailClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hc_indicator_detail_finalize;
}

static void
hc_indicator_detail_init (HcIndicatorDetail *self)
{
  self->years = years_new ();
  self->regions = g_array_new (FALSE, TRUE, sizeof (HcIndicatorRegion));
  g_array_set_clear_func (self->regions, region_clear);
}

#define GETTER(type, name)                                    \
  type                                                        \
  hc_indicator_detail_get_##name (HcIndicatorDetail *self)    \
  {                                                           \
    g_return_val_if_fail (HC_IS_INDICATOR_DETAIL (self), 0);  \
    return self->name;                                        \
  }

GETTER (const char *, key)
GETTER (const char *, item)
GETTER (const char *, target_text)
GETTER (const char *, kind)
GETTER (const char *, unit)
GETTER (const char *, source)
GETTER (const char *, aggregation)
GETTER (gboolean, has_target)
GETTER (double, target)
GETTER (const char *, regional)

#undef GETTER

guint
hc_indicator_detail_get_n_years (HcIndicatorDetail *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_DETAIL (self), 0);
  return self->years->len;
}

const HcIndicatorYear *
hc_indicator_detail_get_year (HcIndicatorDetail *self,
                              guint              index)
{
  g_return_val_if_fail (HC_IS_INDICATOR_DETAIL (self), NULL);
  g_return_val_if_fail (index < self->years->len, NULL);
  return &g_array_index (self->years, HcIndicatorYear, index);
}

const HcIndicatorYear *
hc_indicator_detail_find_year (HcIndicatorDetail *self,
                               int                year)
{
  g_return_val_if_fail (HC_IS_INDICATOR_DETAIL (self), NULL);
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, HcIndicatorYear, i).year == year)
      return &g_array_index (self->years, HcIndicatorYear, i);
  return NULL;
}

guint
hc_indicator_detail_get_n_regions (HcIndicatorDetail *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_DETAIL (self), 0);
  return self->regions->len;
}

/* Returns: (transfer none): the @index-th 市县, in the order of GB/T 2260 */
const HcIndicatorRegion *
hc_indicator_detail_get_region (HcIndicatorDetail *self,
                                guint              index)
{
  g_return_val_if_fail (HC_IS_INDICATOR_DETAIL (self), NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);
  return &g_array_index (self->regions, HcIndicatorRegion, index);
}

const HcIndicatorYear *
hc_indicator_region_find_year (const HcIndicatorRegion *region,
                               int                      year)
{
  g_return_val_if_fail (region != NULL, NULL);
  for (guint i = 0; i < region->years->len; i++)
    if (g_array_index (region->years, HcIndicatorYear, i).year == year)
      return &g_array_index (region->years, HcIndicatorYear, i);
  return NULL;
}

/**
 * hc_indicator_detail_get_region_rule:
 * Returns: (transfer none) (nullable): the province's rule for its 市县,
 *   NULL for an indicator of the province only
 */
const HcIndicatorRegionRule *
hc_indicator_detail_get_region_rule (HcIndicatorDetail *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_DETAIL (self), NULL);
  return self->rule;
}
