/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRiskEvent: an immutable risk event item for list views. */
#define G_LOG_DOMAIN "hc-risk-event"

#include "config.h"

#include "hc-core.h"
#include "hc-risk-event.h"

struct _HcRiskEvent
{
  GObject  parent_instance;

  gint64   id;
  char    *region;
  char    *occurred_on;
  char    *category;
  int      severity;
  char    *title;
};

G_DEFINE_FINAL_TYPE (HcRiskEvent, hc_risk_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REGION,
  PROP_REGION_NAME,
  PROP_OCCURRED_ON,
  PROP_CATEGORY,
  PROP_CATEGORY_LABEL,
  PROP_SEVERITY,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
hc_risk_event_finalize (GObject *object)
{
  HcRiskEvent *self = HC_RISK_EVENT (object);

  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->occurred_on, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (hc_risk_event_parent_class)->finalize (object);
}

static void
hc_risk_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HcRiskEvent *self = HC_RISK_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, hc_risk_event_get_id (self));
      break;
    case PROP_REGION:
      g_value_set_string (value, hc_risk_event_get_region (self));
      break;
    case PROP_REGION_NAME:
      g_value_set_string (value, hc_risk_event_get_region_name (self));
      break;
    case PROP_OCCURRED_ON:
      g_value_set_string (value, hc_risk_event_get_occurred_on (self));
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, hc_risk_event_get_category (self));
      break;
    case PROP_CATEGORY_LABEL:
      g_value_set_string (value, hc_risk_event_get_category_label (self));
      break;
    case PROP_SEVERITY:
      g_value_set_int (value, hc_risk_event_get_severity (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, hc_risk_event_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_risk_event_class_init (HcRiskEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hc_risk_event_finalize;
  object_class->get_property = hc_risk_event_get_property;

  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties [PROP_REGION_NAME] = g_param_spec_string ("region-name", NULL, NULL, NULL, flags);
  properties [PROP_OCCURRED_ON] = g_param_spec_string ("occurred-on", NULL, NULL, NULL, flags);
  properties [PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties [PROP_CATEGORY_LABEL] = g_param_spec_string ("category-label", NULL, NULL, NULL, flags);
  properties [PROP_SEVERITY] = g_param_spec_int ("severity", NULL, NULL, 0, 5, 0, flags);
  properties [PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_risk_event_init (HcRiskEvent *self)
{
}

HcRiskEvent *
hc_risk_event_new (gint64      id,
                   const char *region,
                   const char *occurred_on,
                   const char *category,
                   int         severity,
                   const char *title)
{
  HcRiskEvent *self;

  g_return_val_if_fail (region != NULL && occurred_on != NULL && category != NULL, NULL);

  self = g_object_new (HC_TYPE_RISK_EVENT, NULL);
  self->id = id;
  self->region = g_strdup (region);
  self->occurred_on = g_strdup (occurred_on);
  self->category = g_strdup (category);
  self->severity = severity;
  self->title = g_strdup (title ? title : "");
  return self;
}

gint64
hc_risk_event_get_id (HcRiskEvent *self)
{
  g_return_val_if_fail (HC_IS_RISK_EVENT (self), 0);
  return self->id;
}

const char *
hc_risk_event_get_region (HcRiskEvent *self)
{
  g_return_val_if_fail (HC_IS_RISK_EVENT (self), NULL);
  return self->region;
}

/* The 市县's Chinese name, or its code when the core does not know it. */
const char *
hc_risk_event_get_region_name (HcRiskEvent *self)
{
  const HcRegion *region;

  g_return_val_if_fail (HC_IS_RISK_EVENT (self), NULL);
  region = hc_region_lookup (self->region);
  return region != NULL ? region->name : self->region;
}

const char *
hc_risk_event_get_occurred_on (HcRiskEvent *self)
{
  g_return_val_if_fail (HC_IS_RISK_EVENT (self), NULL);
  return self->occurred_on;
}

const char *
hc_risk_event_get_category (HcRiskEvent *self)
{
  g_return_val_if_fail (HC_IS_RISK_EVENT (self), NULL);
  return self->category;
}

/* The translated label of the category, or its key when unknown. */
const char *
hc_risk_event_get_category_label (HcRiskEvent *self)
{
  HcRiskCategory category;

  g_return_val_if_fail (HC_IS_RISK_EVENT (self), NULL);
  if (hc_risk_category_from_key (self->category, &category))
    return hc_risk_category_label (category);
  return self->category;
}

int
hc_risk_event_get_severity (HcRiskEvent *self)
{
  g_return_val_if_fail (HC_IS_RISK_EVENT (self), 0);
  return self->severity;
}

const char *
hc_risk_event_get_title (HcRiskEvent *self)
{
  g_return_val_if_fail (HC_IS_RISK_EVENT (self), NULL);
  return self->title;
}

/**
 * hc_risk_event_new_from_json:
 * @obj: an event as GET /risk/events answers it
 *
 * Returns: (transfer full) (nullable): the event, or %NULL when @obj has no
 * region, date or category
 */
HcRiskEvent *
hc_risk_event_new_from_json (JsonObject *obj)
{
  const char *region, *occurred_on, *category;

  g_return_val_if_fail (obj != NULL, NULL);

  region = json_object_get_string_member_with_default (obj, "region", NULL);
  occurred_on = json_object_get_string_member_with_default (obj, "occurred_on", NULL);
  category = json_object_get_string_member_with_default (obj, "category", NULL);
  if (region == NULL || occurred_on == NULL || category == NULL)
    return NULL;
  return hc_risk_event_new (json_object_get_int_member_with_default (obj, "id", 0),
                            region, occurred_on, category,
                            (int) json_object_get_int_member_with_default (obj, "severity", 0),
                            json_object_get_string_member_with_default (obj, "title", ""));
}
