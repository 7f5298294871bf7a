/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorSummary: one indicator of 表1 judged for one year, an item of GET /indicators (the dashboard lists them). */
#define G_LOG_DOMAIN "hc-indicator-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-enums.h"
#include "hc-indicator-summary.h"

struct _HcIndicatorSummary
{
  GObject   parent_instance;

  char     *key;
  char     *category;
  char     *category_name;
  char     *item;
  char     *target_text;
  char     *kind;
  char     *attribute;
  char     *unit;
  char     *status;
  char     *source;
  char     *review_state;
  char     *value_text;
  char     *gap_text;
  int       year;
  gboolean  has_value;
  double    value;
  gint64    version;
};

G_DEFINE_FINAL_TYPE (HcIndicatorSummary, hc_indicator_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_CATEGORY,
  PROP_CATEGORY_NAME,
  PROP_ITEM,
  PROP_TARGET_TEXT,
  PROP_ATTRIBUTE,
  PROP_ATTRIBUTE_LABEL,
  PROP_YEAR,
  PROP_VALUE_TEXT,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_GAP_TEXT,
  PROP_SOURCE,
  PROP_SOURCE_LABEL,
  PROP_REVIEW_STATE,
  PROP_REVIEW_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/**
 * hc_indicator_format_value:
 * Returns: @value as the dashboard shows it: a milestone as done or not,
 * other values with at most two decimals and their unit.
 */
char *
hc_indicator_format_value (const char *kind,
                           double      value,
                           const char *unit)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  if (g_strcmp0 (kind, "milestone") == 0)
    return g_strdup (value >= 1 ? _("Done") : _("Not done"));

  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  /* 93.00 reads as 93, 93.50 as 93.5. */
  end = buf + strlen (buf) - 1;
  while (end > buf && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  if (unit == NULL || unit[0] == '\0')
    return g_strdup (buf);
  if (g_str_equal (unit, "%"))
    return g_strconcat (buf, unit, NULL);
  return g_strconcat (buf, " ", unit, NULL);
}

static const char *
string_member (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
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

HcIndicatorSummary *
hc_indicator_summary_new_from_json (JsonObject *obj)
{
  HcIndicatorSummary *self;
  double gap = 0, version = -1;

  g_return_val_if_fail (obj != NULL, NULL);
  if (string_member (obj, "key") == NULL || string_member (obj, "status") == NULL)
    return NULL;

  self = g_object_new (HC_TYPE_INDICATOR_SUMMARY, NULL);
  self->key = g_strdup (string_member (obj, "key"));
  self->category = g_strdup (string_member (obj, "category"));
  self->category_name = g_strdup (string_member (obj, "category_name"));
  self->item = g_strdup (string_member (obj, "item"));
  self->target_text = g_strdup (string_member (obj, "target_text"));
  self->kind = g_strdup (string_member (obj, "kind"));
  self->attribute = g_strdup (string_member (obj, "attribute"));
  self->unit = g_strdup (string_member (obj, "unit"));
  self->status = g_strdup (string_member (obj, "status"));
  self->source = g_strdup (string_member (obj, "source"));
  self->review_state = g_strdup (string_member (obj, "state"));
  self->year = (int) json_object_get_int_member_with_default (obj, "year", 0);
  self->has_value = number_member (obj, "value", &self->value);
  number_member (obj, "version", &version);
  self->version = (gint64) version;

  self->value_text = self->has_value
                     ? hc_indicator_format_value (self->kind, self->value, self->unit)
                     : g_strdup ("—");
  if (!number_member (obj, "gap", &gap) || g_strcmp0 (self->kind, "milestone") == 0)
    self->gap_text = g_strdup ("—");
  else if (gap <= 0)
    self->gap_text = g_strdup (_("Reached"));
  else
    {
      g_autofree char *amount = hc_indicator_format_value (self->kind, gap, self->unit);
      /* Translators: how far an indicator is short of its target, e.g. "差 2.13%". */
      self->gap_text = g_strdup_printf (_("%s short"), amount);
    }
  return self;
}

static void
hc_indicator_summary_finalize (GObject *object)
{
  HcIndicatorSummary *self = HC_INDICATOR_SUMMARY (object);

  g_free (self->key);
  g_free (self->category);
  g_free (self->category_name);
  g_free (self->item);
  g_free (self->target_text);
  g_free (self->kind);
  g_free (self->attribute);
  g_free (self->unit);
  g_free (self->status);
  g_free (self->source);
  g_free (self->review_state);
  g_free (self->value_text);
  g_free (self->gap_text);

  G_OBJECT_CLASS (hc_indicator_summary_parent_class)->finalize (object);
}

static void
hc_indicator_summary_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HcIndicatorSummary *self = HC_INDICATOR_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_KEY:             g_value_set_string (value, hc_indicator_summary_get_key (self)); break;
    case PROP_CATEGORY:        g_value_set_string (value, hc_indicator_summary_get_category (self)); break;
    case PROP_CATEGORY_NAME:   g_value_set_string (value, hc_indicator_summary_get_category_name (self)); break;
    case PROP_ITEM:            g_value_set_string (value, hc_indicator_summary_get_item (self)); break;
    case PROP_TARGET_TEXT:     g_value_set_string (value, hc_indicator_summary_get_target_text (self)); break;
    case PROP_ATTRIBUTE:       g_value_set_string (value, hc_indicator_summary_get_attribute (self)); break;
    case PROP_ATTRIBUTE_LABEL: g_value_set_string (value, hc_indicator_summary_get_attribute_label (self)); break;
    case PROP_YEAR:            g_value_set_int (value, hc_indicator_summary_get_year (self)); break;
    case PROP_VALUE_TEXT:      g_value_set_string (value, hc_indicator_summary_get_value_text (self)); break;
    case PROP_STATUS:          g_value_set_string (value, hc_indicator_summary_get_status (self)); break;
    case PROP_STATUS_LABEL:    g_value_set_string (value, hc_indicator_summary_get_status_label (self)); break;
    case PROP_GAP_TEXT:        g_value_set_string (value, hc_indicator_summary_get_gap_text (self)); break;
    case PROP_SOURCE:          g_value_set_string (value, hc_indicator_summary_get_source (self)); break;
    case PROP_SOURCE_LABEL:    g_value_set_string (value, hc_indicator_summary_get_source_label (self)); break;
    case PROP_REVIEW_STATE:    g_value_set_string (value, hc_indicator_summary_get_review_state (self)); break;
    case PROP_REVIEW_LABEL:    g_value_set_string (value, hc_indicator_summary_get_review_label (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
hc_indicator_summary_class_init (HcIndicatorSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_indicator_summary_finalize;
  object_class->get_property = hc_indicator_summary_get_property;

  properties [PROP_KEY] = string_pspec ("key");
  properties [PROP_CATEGORY] = string_pspec ("category");
  properties [PROP_CATEGORY_NAME] = string_pspec ("category-name");
  properties [PROP_ITEM] = string_pspec ("item");
  properties [PROP_TARGET_TEXT] = string_pspec ("target-text");
  properties [PROP_ATTRIBUTE] = string_pspec ("attribute");
  properties [PROP_ATTRIBUTE_LABEL] = string_pspec ("attribute-label");
  properties [PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_VALUE_TEXT] = string_pspec ("value-text");
  properties [PROP_STATUS] = string_pspec ("status");
  properties [PROP_STATUS_LABEL] = string_pspec ("status-label");
  properties [PROP_GAP_TEXT] = string_pspec ("gap-text");
  properties [PROP_SOURCE] = string_pspec ("source");
  properties [PROP_SOURCE_LABEL] = string_pspec ("source-label");
  properties [PROP_REVIEW_STATE] = string_pspec ("review-state");
  properties [PROP_REVIEW_LABEL] = string_pspec ("review-label");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_indicator_summary_init (HcIndicatorSummary *self)
{
  self->version = -1;
}

#define GETTER(type, name, field)                        \
  type                                                   \
  hc_indicator_summary_get_##name (HcIndicatorSummary *self)     \
  {                                                      \
    g_return_val_if_fail (HC_IS_INDICATOR_SUMMARY (self), 0); \
    return self->field;                                  \
  }

GETTER (const char *, key, key)
GETTER (const char *, category, category)
GETTER (const char *, category_name, category_name)
GETTER (const char *, item, item)
GETTER (const char *, target_text, target_text)
GETTER (const char *, kind, kind)
GETTER (const char *, attribute, attribute)
GETTER (int, year, year)
GETTER (gboolean, has_value, has_value)
GETTER (double, value, value)
GETTER (const char *, unit, unit)
GETTER (const char *, value_text, value_text)
GETTER (const char *, status, status)
GETTER (const char *, gap_text, gap_text)
GETTER (const char *, source, source)
GETTER (const char *, review_state, review_state)
GETTER (gint64, version, version)

#undef GETTER

const char *
hc_indicator_summary_get_attribute_label (HcIndicatorSummary *self)
{
  HcIndicatorAttribute attribute;

  g_return_val_if_fail (HC_IS_INDICATOR_SUMMARY (self), NULL);
  if (!hc_indicator_attribute_from_key (self->attribute, &attribute))
    return "";
  return hc_indicator_attribute_label (attribute);
}

const char *
hc_indicator_summary_get_status_label (HcIndicatorSummary *self)
{
  HcIndicatorStatus status;

  g_return_val_if_fail (HC_IS_INDICATOR_SUMMARY (self), NULL);
  if (!hc_indicator_status_from_key (self->status, &status))
    return "";
  return hc_indicator_status_label (status);
}

/**
 * hc_indicator_summary_get_source_label:
 * Returns: 计算 for a value the server computes from the data it holds,
 * 填报 for one reported by hand.
 */
const char *
hc_indicator_summary_get_source_label (HcIndicatorSummary *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_SUMMARY (self), NULL);
  return g_strcmp0 (self->source, "computed") == 0
         ? C_("indicator source", "Computed")
         : C_("indicator source", "Reported");
}

/**
 * hc_indicator_summary_get_review_label:
 * Returns: the review state of a reported value, "—" for a computed
 * indicator or one without a value this year.
 */
const char *
hc_indicator_summary_get_review_label (HcIndicatorSummary *self)
{
  HcReviewState state;

  g_return_val_if_fail (HC_IS_INDICATOR_SUMMARY (self), NULL);
  if (self->review_state == NULL || !hc_review_state_from_key (self->review_state, &state))
    return "—";
  return hc_review_state_label (state);
}
