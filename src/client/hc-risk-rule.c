/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRiskRule: an immutable early-warning rule item for list views, with
 * the labels its cells show (category, 市县 or every 市县, the line). */
#define G_LOG_DOMAIN "hc-risk-rule"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-json-item-private.h"
#include "hc-risk-rule.h"

struct _HcRiskRule
{
  GObject  parent_instance;

  gint64   id;
  char    *category;
  char    *region;
  char    *kind;
  gint64   window_months;
  double   threshold;
  char    *created_by;
  gint64   version;
  char    *etag;
  int      n_raised;         /* judged at once when saved; -1: not said */
  int      n_no_longer_met;
};

G_DEFINE_FINAL_TYPE (HcRiskRule, hc_risk_rule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CATEGORY,
  PROP_CATEGORY_LABEL,
  PROP_REGION,
  PROP_REGION_NAME,
  PROP_KIND,
  PROP_LINE_TEXT,
  PROP_CREATED_BY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
hc_risk_rule_finalize (GObject *object)
{
  HcRiskRule *self = HC_RISK_RULE (object);

  g_free (self->category);
  g_free (self->region);
  g_free (self->kind);
  g_free (self->created_by);
  g_free (self->etag);

  G_OBJECT_CLASS (hc_risk_rule_parent_class)->finalize (object);
}

static void
hc_risk_rule_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HcRiskRule *self = HC_RISK_RULE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_CATEGORY_LABEL:
      g_value_set_string (value, hc_risk_rule_get_category_label (self));
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_REGION_NAME:
      g_value_set_string (value, hc_risk_rule_get_region_name (self));
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_LINE_TEXT:
      g_value_take_string (value, hc_risk_rule_dup_line_text (self));
      break;
    case PROP_CREATED_BY:
      g_value_set_string (value, self->created_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_risk_rule_class_init (HcRiskRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hc_risk_rule_finalize;
  object_class->get_property = hc_risk_rule_get_property;

  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties [PROP_CATEGORY_LABEL] = g_param_spec_string ("category-label", NULL, NULL, NULL, flags);
  properties [PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties [PROP_REGION_NAME] = g_param_spec_string ("region-name", NULL, NULL, NULL, flags);
  properties [PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties [PROP_LINE_TEXT] = g_param_spec_string ("line-text", NULL, NULL, NULL, flags);
  properties [PROP_CREATED_BY] = g_param_spec_string ("created-by", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_risk_rule_init (HcRiskRule *self)
{
}

/**
 * hc_risk_rule_new_from_json:
 * @obj: a rule as GET /risk/rules answers it
 *
 * Returns: (transfer full) (nullable): the rule, or %NULL when @obj lacks
 *   its id, category, kind, window or threshold
 */
HcRiskRule *
hc_risk_rule_new_from_json (JsonObject *obj)
{
  HcRiskRule *self;
  const char *kind;
  JsonObject *rejudged;

  g_return_val_if_fail (obj != NULL, NULL);

  kind = _hc_json_string_or_null (obj, "kind");
  if (!_hc_json_has_id (obj, "id") || _hc_json_string_or_null (obj, "category") == NULL ||
      kind == NULL || (!g_str_equal (kind, "threshold") && !g_str_equal (kind, "rise")) ||
      _hc_json_int (obj, "window_months") < 1 || !json_object_has_member (obj, "threshold"))
    return NULL;

  self = g_object_new (HC_TYPE_RISK_RULE, NULL);
  self->id = json_object_get_int_member (obj, "id");
  self->category = g_strdup (_hc_json_string_or_null (obj, "category"));
  self->region = g_strdup (_hc_json_string_or_null (obj, "region"));
  self->kind = g_strdup (kind);
  self->window_months = _hc_json_int (obj, "window_months");
  self->threshold = json_object_get_double_member_with_default (obj, "threshold", 0);
  self->created_by = g_strdup (_hc_json_string_or_null (obj, "created_by"));
  self->version = json_object_get_int_member_with_default (obj, "version", 1);
  /* The ETag the version stands for, as the server writes it. */
  self->etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", self->version);
  self->n_raised = self->n_no_longer_met = -1;
  rejudged = json_object_has_member (obj, "rejudged") ? json_object_get_object_member (obj, "rejudged") : NULL;
  if (rejudged != NULL)
    {
      JsonArray *raised = json_object_has_member (rejudged, "raised")
                          ? json_object_get_array_member (rejudged, "raised") : NULL;
      JsonArray *lapsed = json_object_has_member (rejudged, "no_longer_met")
                          ? json_object_get_array_member (rejudged, "no_longer_met") : NULL;

      self->n_raised = raised != NULL ? (int) json_array_get_length (raised) : -1;
      self->n_no_longer_met = lapsed != NULL ? (int) json_array_get_length (lapsed) : -1;
    }
  return self;
}

/**
 * hc_risk_rule_new_with_etag:
 * @etag: the ETag the rule's own answer came with
 *
 * Returns: (transfer full) (nullable): as hc_risk_rule_new_from_json()
 */
HcRiskRule *
hc_risk_rule_new_with_etag (JsonObject *obj,
                            const char *etag)
{
  HcRiskRule *self = hc_risk_rule_new_from_json (obj);

  if (self != NULL)
    {
      g_free (self->etag);
      self->etag = g_strdup (etag);
    }
  return self;
}

gint64
hc_risk_rule_get_id (HcRiskRule *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULE (self), 0);
  return self->id;
}

const char *
hc_risk_rule_get_category (HcRiskRule *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULE (self), NULL);
  return self->category;
}

const char *
hc_risk_rule_get_category_label (HcRiskRule *self)
{
  HcRiskCategory category;

  g_return_val_if_fail (HC_IS_RISK_RULE (self), NULL);
  if (hc_risk_category_from_key (self->category, &category))
    return hc_risk_category_label (category);
  return self->category;
}

/* The 市县's GB/T 2260 code, or NULL when the rule watches every 市县. */
const char *
hc_risk_rule_get_region (HcRiskRule *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULE (self), NULL);
  return self->region;
}

/* The 市县's Chinese name, or "every city and county". */
const char *
hc_risk_rule_get_region_name (HcRiskRule *self)
{
  const HcRegion *region;

  g_return_val_if_fail (HC_IS_RISK_RULE (self), NULL);
  if (self->region == NULL)
    /* TRANSLATORS: a warning rule that watches all 19 cities and counties */
    return _("Every city and county");
  region = hc_region_lookup (self->region);
  return region != NULL ? region->name : self->region;
}

/* "threshold" (events per 10,000 enterprises over the window) or "rise"
 * (percent more events than in the window before). */
const char *
hc_risk_rule_get_kind (HcRiskRule *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULE (self), NULL);
  return self->kind;
}

gint64
hc_risk_rule_get_window_months (HcRiskRule *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULE (self), 0);
  return self->window_months;
}

double
hc_risk_rule_get_threshold (HcRiskRule *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULE (self), 0);
  return self->threshold;
}

/* What the rule warns of: "≥ 150.0 events per 10,000 enterprises in 3
 * months", "Rise ≥ 60.0% in 1 month against the one before". */
char *
hc_risk_rule_dup_line_text (HcRiskRule *self)
{
  guint months;

  g_return_val_if_fail (HC_IS_RISK_RULE (self), NULL);

  months = (guint) CLAMP (self->window_months, 0, G_MAXUINT);
  if (g_str_equal (self->kind, "rise"))
    /* TRANSLATORS: a rise rule's line: percent, then the window in months */
    return g_strdup_printf (ngettext ("Rise ≥ %.1f%% in %u month against the one before",
                                      "Rise ≥ %.1f%% in %u months against the ones before", months),
                            self->threshold, months);
  /* TRANSLATORS: a threshold rule's line: events per 10,000 enterprises, then the window in months */
  return g_strdup_printf (ngettext ("≥ %.1f events per 10,000 enterprises in %u month",
                                    "≥ %.1f events per 10,000 enterprises in %u months", months),
                          self->threshold, months);
}

const char *
hc_risk_rule_get_created_by (HcRiskRule *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULE (self), NULL);
  return self->created_by;
}

gint64
hc_risk_rule_get_version (HcRiskRule *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULE (self), 0);
  return self->version;
}

/* The ETag to send with a change. */
const char *
hc_risk_rule_get_etag (HcRiskRule *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULE (self), NULL);
  return self->etag;
}

/* How many alerts the rule raised when it was saved (judged at once over
 * the current window); -1 when the answer did not say (a listed rule). */
int
hc_risk_rule_get_n_raised (HcRiskRule *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULE (self), -1);
  return self->n_raised;
}

/* How many of the rule's open alerts it no longer called for when it was
 * saved (left open, marked); -1 when the answer did not say. */
int
hc_risk_rule_get_n_no_longer_met (HcRiskRule *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULE (self), -1);
  return self->n_no_longer_met;
}
