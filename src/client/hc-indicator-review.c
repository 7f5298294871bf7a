/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorReview: one reported value in the review queue of 表1.
 * Immutable; keeps the server's object, with the texts a list shows added
 * to it (the place, the value with its unit, the local submission time). */
#define G_LOG_DOMAIN "hc-indicator-review"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-indicator-review.h"
#include "hc-indicator-summary.h"
#include "hc-json-item-private.h"

struct _HcIndicatorReview
{
  GObject     parent_instance;

  JsonObject *obj;
  char       *etag;
};

G_DEFINE_FINAL_TYPE (HcIndicatorReview, hc_indicator_review, G_TYPE_OBJECT)

static const HcJsonProp props[] = {
  { "indicator", "indicator", G_TYPE_STRING },
  { "item", "item", G_TYPE_STRING },
  { "region", "region", G_TYPE_STRING },
  { "place", "place", G_TYPE_STRING },
  { "year-text", "year_text", G_TYPE_STRING },
  { "value-text", "value_text", G_TYPE_STRING },
  { "evidence", "evidence", G_TYPE_STRING },
  { "state", "state", G_TYPE_STRING },
  { "submitted-by", "submitted_by", G_TYPE_STRING },
  { "submitted-at", "submitted_at_local", G_TYPE_STRING },
  { "reviewed-by", "reviewed_by", G_TYPE_STRING },
  { "review-comment", "review_comment", G_TYPE_STRING },
  { "own", "own", G_TYPE_BOOLEAN },
};

static void
hc_indicator_review_finalize (GObject *object)
{
  HcIndicatorReview *self = HC_INDICATOR_REVIEW (object);

  g_clear_pointer (&self->obj, json_object_unref);
  g_clear_pointer (&self->etag, g_free);

  G_OBJECT_CLASS (hc_indicator_review_parent_class)->finalize (object);
}

static void
hc_indicator_review_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HcIndicatorReview *self = HC_INDICATOR_REVIEW (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (props))
    _hc_json_props_get (self->obj, props, G_N_ELEMENTS (props), prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hc_indicator_review_class_init (HcIndicatorReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_indicator_review_finalize;
  object_class->get_property = hc_indicator_review_get_property;
  _hc_json_props_install (object_class, props, G_N_ELEMENTS (props));
}

static void
hc_indicator_review_init (HcIndicatorReview *self)
{
}

/**
 * hc_indicator_review_new_from_json:
 * Returns: (transfer full) (nullable): the item, or %NULL for an object
 *   without its indicator, year or version
 */
HcIndicatorReview *
hc_indicator_review_new_from_json (JsonObject *obj)
{
  HcIndicatorReview *self;
  const char *region_name;
  g_autofree char *value_text = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *at = NULL;

  g_return_val_if_fail (obj != NULL, NULL);

  if (_hc_json_string_or_null (obj, "indicator") == NULL || _hc_json_int (obj, "year") <= 0 ||
      _hc_json_int (obj, "version") <= 0 || !json_object_has_member (obj, "value"))
    return NULL;

  self = g_object_new (HC_TYPE_INDICATOR_REVIEW, NULL);
  self->obj = json_object_ref (obj);
  self->etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", _hc_json_int (obj, "version"));

  region_name = _hc_json_string_or_null (obj, "region_name");
  json_object_set_string_member (obj, "place", region_name != NULL ? region_name : _("All of Hainan"));
  value_text = hc_indicator_format_value (_hc_json_string_or_null (obj, "kind"),
                                          json_object_get_double_member_with_default (obj, "value", 0),
                                          _hc_json_string_or_null (obj, "unit"));
  json_object_set_string_member (obj, "value_text", value_text);
  year_text = g_strdup_printf ("%d", (int) _hc_json_int (obj, "year"));
  json_object_set_string_member (obj, "year_text", year_text);
  at = _hc_json_local_minute (_hc_json_string_or_null (obj, "submitted_at"));
  json_object_set_string_member (obj, "submitted_at_local", at);
  return self;
}

#define STRING_GETTER(name, member) \
  const char * \
  hc_indicator_review_get_##name (HcIndicatorReview *self) \
  { \
    g_return_val_if_fail (HC_IS_INDICATOR_REVIEW (self), NULL); \
    return _hc_json_string_or_null (self->obj, member); \
  }

STRING_GETTER (indicator, "indicator")
STRING_GETTER (item, "item")
STRING_GETTER (place, "place")
STRING_GETTER (value_text, "value_text")
STRING_GETTER (evidence, "evidence")
STRING_GETTER (state, "state")
STRING_GETTER (submitted_by, "submitted_by")
STRING_GETTER (submitted_at, "submitted_at_local")
STRING_GETTER (reviewed_by, "reviewed_by")
STRING_GETTER (review_comment, "review_comment")

const char *
hc_indicator_review_get_region (HcIndicatorReview *self)
{
  const char *region;

  g_return_val_if_fail (HC_IS_INDICATOR_REVIEW (self), NULL);
  region = _hc_json_string_or_null (self->obj, "region");
  return region != NULL ? region : "";
}

int
hc_indicator_review_get_year (HcIndicatorReview *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REVIEW (self), 0);
  return (int) _hc_json_int (self->obj, "year");
}

double
hc_indicator_review_get_value (HcIndicatorReview *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REVIEW (self), 0);
  return json_object_get_double_member_with_default (self->obj, "value", 0);
}

gboolean
hc_indicator_review_get_own (HcIndicatorReview *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REVIEW (self), FALSE);
  return _hc_json_bool (self->obj, "own");
}

const char *
hc_indicator_review_get_etag (HcIndicatorReview *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REVIEW (self), NULL);
  return self->etag;
}
