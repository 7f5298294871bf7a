/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRiskAlert: an immutable early-warning alert item for list views, with
 * the labels its cells show (state, 市县, category, value against the line). */
#define G_LOG_DOMAIN "hc-risk-alert"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-risk-alert.h"

struct _HcRiskAlert
{
  GObject  parent_instance;

  gint64   id;
  gint64   rule_id;
  char    *region;
  char    *category;
  char    *kind;
  char    *state;
  char    *window_from;
  char    *window_to;
  gint64   events;
  double   value;
  double   threshold;
  char    *raised_at;
  char    *raised_on;
  char    *acknowledged_by;
  char    *note;
  char    *closed_by;
  char    *lapsed_at;        /* the edited rule no longer calls for it; NULL */
  gboolean has_lapsed_value;
  double   lapsed_value;
  double   lapsed_threshold;
  gint64   version;
  char    *etag;
};

G_DEFINE_FINAL_TYPE (HcRiskAlert, hc_risk_alert, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REGION,
  PROP_REGION_NAME,
  PROP_CATEGORY,
  PROP_CATEGORY_LABEL,
  PROP_STATE,
  PROP_STATE_LABEL,
  PROP_IS_OPEN,
  PROP_MEASURE_TEXT,
  PROP_VALUE_TEXT,
  PROP_THRESHOLD_TEXT,
  PROP_WINDOW_TEXT,
  PROP_RAISED_ON,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
hc_risk_alert_finalize (GObject *object)
{
  HcRiskAlert *self = HC_RISK_ALERT (object);

  g_free (self->region);
  g_free (self->category);
  g_free (self->kind);
  g_free (self->state);
  g_free (self->window_from);
  g_free (self->window_to);
  g_free (self->raised_at);
  g_free (self->raised_on);
  g_free (self->acknowledged_by);
  g_free (self->note);
  g_free (self->closed_by);
  g_free (self->lapsed_at);
  g_free (self->etag);

  G_OBJECT_CLASS (hc_risk_alert_parent_class)->finalize (object);
}

static void
hc_risk_alert_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HcRiskAlert *self = HC_RISK_ALERT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_REGION_NAME:
      g_value_set_string (value, hc_risk_alert_get_region_name (self));
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_CATEGORY_LABEL:
      g_value_set_string (value, hc_risk_alert_get_category_label (self));
      break;
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_STATE_LABEL:
      g_value_set_string (value, hc_risk_alert_get_state_label (self));
      break;
    case PROP_IS_OPEN:
      g_value_set_boolean (value, hc_risk_alert_get_is_open (self));
      break;
    case PROP_MEASURE_TEXT:
      g_value_take_string (value, hc_risk_alert_dup_measure_text (self));
      break;
    case PROP_VALUE_TEXT:
      g_value_take_string (value, hc_risk_alert_dup_value_text (self));
      break;
    case PROP_THRESHOLD_TEXT:
      g_value_take_string (value, hc_risk_alert_dup_threshold_text (self));
      break;
    case PROP_WINDOW_TEXT:
      /* TRANSLATORS: an alert's window of months: first and last month */
      g_value_take_string (value, g_strdup_printf (_("%s to %s"), self->window_from, self->window_to));
      break;
    case PROP_RAISED_ON:
      g_value_set_string (value, self->raised_on);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note ? self->note : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_risk_alert_class_init (HcRiskAlertClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hc_risk_alert_finalize;
  object_class->get_property = hc_risk_alert_get_property;

  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties [PROP_REGION_NAME] = g_param_spec_string ("region-name", NULL, NULL, NULL, flags);
  properties [PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties [PROP_CATEGORY_LABEL] = g_param_spec_string ("category-label", NULL, NULL, NULL, flags);
  properties [PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, flags);
  properties [PROP_STATE_LABEL] = g_param_spec_string ("state-label", NULL, NULL, NULL, flags);
  properties [PROP_IS_OPEN] = g_param_spec_boolean ("is-open", NULL, NULL, FALSE, flags);
  properties [PROP_MEASURE_TEXT] = g_param_spec_string ("measure-text", NULL, NULL, NULL, flags);
  properties [PROP_VALUE_TEXT] = g_param_spec_string ("value-text", NULL, NULL, NULL, flags);
  properties [PROP_THRESHOLD_TEXT] = g_param_spec_string ("threshold-text", NULL, NULL, NULL, flags);
  properties [PROP_WINDOW_TEXT] = g_param_spec_string ("window-text", NULL, NULL, NULL, flags);
  properties [PROP_RAISED_ON] = g_param_spec_string ("raised-on", NULL, NULL, NULL, flags);
  properties [PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_risk_alert_init (HcRiskAlert *self)
{
}

static char *
dup_member (JsonObject *obj,
            const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

/**
 * hc_risk_alert_new_from_json:
 * @obj: an alert as GET /risk/alerts answers it
 *
 * Returns: (transfer full) (nullable): the alert, or %NULL when @obj lacks
 *   its id, 市县, category, state or window
 */
HcRiskAlert *
hc_risk_alert_new_from_json (JsonObject *obj)
{
  HcRiskAlert *self;

  g_return_val_if_fail (obj != NULL, NULL);

  if (json_object_get_int_member_with_default (obj, "id", 0) <= 0 ||
      json_object_get_string_member_with_default (obj, "region", NULL) == NULL ||
      json_object_get_string_member_with_default (obj, "category", NULL) == NULL ||
      json_object_get_string_member_with_default (obj, "state", NULL) == NULL ||
      json_object_get_string_member_with_default (obj, "window_from", NULL) == NULL ||
      json_object_get_string_member_with_default (obj, "window_to", NULL) == NULL)
    return NULL;

  self = g_object_new (HC_TYPE_RISK_ALERT, NULL);
  self->id = json_object_get_int_member (obj, "id");
  self->rule_id = json_object_get_int_member_with_default (obj, "rule_id", 0);
  self->region = dup_member (obj, "region");
  self->category = dup_member (obj, "category");
  self->kind = dup_member (obj, "kind");
  if (self->kind == NULL)
    self->kind = g_strdup ("threshold");
  self->state = dup_member (obj, "state");
  self->window_from = dup_member (obj, "window_from");
  self->window_to = dup_member (obj, "window_to");
  self->events = json_object_get_int_member_with_default (obj, "events", 0);
  self->value = json_object_get_double_member_with_default (obj, "value", 0);
  self->threshold = json_object_get_double_member_with_default (obj, "threshold", 0);
  self->raised_at = dup_member (obj, "raised_at");
  if (self->raised_at == NULL)
    self->raised_at = g_strdup ("");
  self->raised_on = g_strndup (self->raised_at, 10);
  self->acknowledged_by = dup_member (obj, "acknowledged_by");
  self->note = dup_member (obj, "note");
  self->closed_by = dup_member (obj, "closed_by");
  self->lapsed_at = dup_member (obj, "lapsed_at");
  self->has_lapsed_value = json_object_has_member (obj, "lapsed_value") &&
                           !json_object_get_null_member (obj, "lapsed_value");
  self->lapsed_value = json_object_get_double_member_with_default (obj, "lapsed_value", 0);
  self->lapsed_threshold = json_object_get_double_member_with_default (obj, "lapsed_threshold", 0);
  self->version = json_object_get_int_member_with_default (obj, "version", 1);
  /* The ETag the version stands for, as the server writes it. */
  self->etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", self->version);
  return self;
}

/**
 * hc_risk_alert_new_with_etag:
 * @etag: the ETag the alert's own answer came with
 *
 * Returns: (transfer full) (nullable): as hc_risk_alert_new_from_json()
 */
HcRiskAlert *
hc_risk_alert_new_with_etag (JsonObject *obj,
                             const char *etag)
{
  HcRiskAlert *self = hc_risk_alert_new_from_json (obj);

  if (self != NULL)
    {
      g_free (self->etag);
      self->etag = g_strdup (etag);
    }
  return self;
}

gint64
hc_risk_alert_get_id (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), 0);
  return self->id;
}

gint64
hc_risk_alert_get_rule_id (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), 0);
  return self->rule_id;
}

const char *
hc_risk_alert_get_region (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);
  return self->region;
}

/* The 市县's Chinese name, or its code when the core does not know it. */
const char *
hc_risk_alert_get_region_name (HcRiskAlert *self)
{
  const HcRegion *region;

  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);
  region = hc_region_lookup (self->region);
  return region != NULL ? region->name : self->region;
}

const char *
hc_risk_alert_get_category (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);
  return self->category;
}

const char *
hc_risk_alert_get_category_label (HcRiskAlert *self)
{
  HcRiskCategory category;

  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);
  if (hc_risk_category_from_key (self->category, &category))
    return hc_risk_category_label (category);
  return self->category;
}

const char *
hc_risk_alert_get_kind (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);
  return self->kind;
}

/* "raised", "acknowledged" or "closed" */
const char *
hc_risk_alert_get_state (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);
  return self->state;
}

const char *
hc_risk_alert_get_state_label (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);

  if (g_str_equal (self->state, "raised"))
    /* TRANSLATORS: the state of an early-warning alert nobody has seen to yet;
       the second: one its rule, since edited, no longer calls for */
    return self->lapsed_at == NULL ? _("New") : _("New, rule no longer met");
  if (g_str_equal (self->state, "acknowledged"))
    /* TRANSLATORS: the state of an early-warning alert seen to, with a note;
       the second: one its rule, since edited, no longer calls for */
    return self->lapsed_at == NULL ? _("Acknowledged") : _("Acknowledged, rule no longer met");
  if (g_str_equal (self->state, "closed"))
    /* TRANSLATORS: the state of an early-warning alert that is over */
    return _("Closed");
  return self->state;
}

/* Raised or acknowledged: not closed yet. */
gboolean
hc_risk_alert_get_is_open (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), FALSE);
  return !g_str_equal (self->state, "closed");
}

const char *
hc_risk_alert_get_window_from (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);
  return self->window_from;
}

const char *
hc_risk_alert_get_window_to (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);
  return self->window_to;
}

gint64
hc_risk_alert_get_events (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), 0);
  return self->events;
}

/* Events per 10,000 enterprises, or the rise in percent (by its kind). */
double
hc_risk_alert_get_value (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), 0);
  return self->value;
}

double
hc_risk_alert_get_threshold (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), 0);
  return self->threshold;
}

/* The value against the rule's line, as the alerts list shows it. */
char *
hc_risk_alert_dup_measure_text (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);

  if (g_str_equal (self->kind, "rise"))
    /* TRANSLATORS: an alert's rise in events against the window before, and the rule's line, in percent */
    return g_strdup_printf (_("+%.1f%% (line +%.1f%%)"), self->value, self->threshold);
  /* TRANSLATORS: an alert's events per 10,000 enterprises, and the rule's line */
  return g_strdup_printf (_("%.1f per 10,000 enterprises (line %.1f)"), self->value, self->threshold);
}

/* The value alone, short, for a list's cell: "+100.0%" for a rise, "157.8"
 * (events per 10,000 enterprises) for a threshold. */
char *
hc_risk_alert_dup_value_text (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);

  if (g_str_equal (self->kind, "rise"))
    return g_strdup_printf ("%+.1f%%", self->value);
  return g_strdup_printf ("%.1f", self->value);
}

/* The rule's line, as short: "≥ +60.0%", "≥ 150.0". */
char *
hc_risk_alert_dup_threshold_text (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);

  if (g_str_equal (self->kind, "rise"))
    return g_strdup_printf ("≥ %+.1f%%", self->threshold);
  return g_strdup_printf ("≥ %.1f", self->threshold);
}

/* When it was raised: an ISO 8601 time in UTC. */
const char *
hc_risk_alert_get_raised_at (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);
  return self->raised_at;
}

/* The day it was raised, YYYY-MM-DD. */
const char *
hc_risk_alert_get_raised_on (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);
  return self->raised_on;
}

const char *
hc_risk_alert_get_acknowledged_by (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);
  return self->acknowledged_by;
}

const char *
hc_risk_alert_get_note (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);
  return self->note;
}

const char *
hc_risk_alert_get_closed_by (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);
  return self->closed_by;
}

gint64
hc_risk_alert_get_version (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), 0);
  return self->version;
}

/* The ETag to send with a change: the one its own answer came with, else
 * the one its version stands for. */
const char *
hc_risk_alert_get_etag (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);
  return self->etag;
}

/* Whether the alert is open although its rule, since edited, no longer
 * calls for it (the server leaves it open for a person to close). */
gboolean
hc_risk_alert_get_lapsed (HcRiskAlert *self)
{
  g_return_val_if_fail (HC_IS_RISK_ALERT (self), FALSE);
  return self->lapsed_at != NULL;
}

/* What to tell of a lapsed alert, or NULL: the figure the edited rule
 * found against its new line, and that the alert waits to be closed. */
char *
hc_risk_alert_dup_lapsed_text (HcRiskAlert *self)
{
  g_autofree char *figure = NULL;

  g_return_val_if_fail (HC_IS_RISK_ALERT (self), NULL);

  if (self->lapsed_at == NULL)
    return NULL;
  if (!self->has_lapsed_value)
    /* TRANSLATORS: an open alert that its edited rule has nothing to judge on (no events, no enterprises, or the 市县 no longer watched): the new line */
    return g_strdup_printf (_("Its rule, since edited (line %.1f), no longer calls for it; it stays open until someone closes it."),
                            self->lapsed_threshold);
  if (g_str_equal (self->kind, "rise"))
    figure = g_strdup_printf ("%+.1f%%", self->lapsed_value);
  else
    figure = g_strdup_printf ("%.1f", self->lapsed_value);
  /* TRANSLATORS: an open alert that its edited rule no longer calls for: the figure now, the new line */
  return g_strdup_printf (_("Its rule, since edited, no longer calls for it (now %s, line %.1f); it stays open until someone closes it."),
                          figure, self->lapsed_threshold);
}
