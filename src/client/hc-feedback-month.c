/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcFeedbackMonth: an immutable month of a list type's feedback figures,
 * kept as the server's object; its counts also as text (with the applied
 * share) for list views. */
#define G_LOG_DOMAIN "hc-feedback-month"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-feedback-month.h"
#include "hc-json-item-private.h"

struct _HcFeedbackMonth
{
  GObject     parent_instance;

  JsonObject *obj;
};

G_DEFINE_FINAL_TYPE (HcFeedbackMonth, hc_feedback_month, G_TYPE_OBJECT)

static const HcJsonProp props[] = {
  { "month", "month", G_TYPE_STRING },
  { "hits", "hits", G_TYPE_INT64 },
  { "applied", "applied", G_TYPE_INT64 },
  { "not-applied", "not_applied", G_TYPE_INT64 },
  { "pending", "pending", G_TYPE_INT64 },
  { "hits-text", "hits_text", G_TYPE_STRING },
  { "applied-text", "applied_text", G_TYPE_STRING },
  { "not-applied-text", "not_applied_text", G_TYPE_STRING },
  { "pending-text", "pending_text", G_TYPE_STRING },
  { "applied-share-text", "applied_share_text", G_TYPE_STRING },
};

static void
hc_feedback_month_finalize (GObject *object)
{
  HcFeedbackMonth *self = HC_FEEDBACK_MONTH (object);

  g_clear_pointer (&self->obj, json_object_unref);

  G_OBJECT_CLASS (hc_feedback_month_parent_class)->finalize (object);
}

static void
hc_feedback_month_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HcFeedbackMonth *self = HC_FEEDBACK_MONTH (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (props))
    _hc_json_props_get (self->obj, props, G_N_ELEMENTS (props), prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hc_feedback_month_class_init (HcFeedbackMonthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_feedback_month_finalize;
  object_class->get_property = hc_feedback_month_get_property;
  _hc_json_props_install (object_class, props, G_N_ELEMENTS (props));
}

static void
hc_feedback_month_init (HcFeedbackMonth *self)
{
}

static void
set_count_text (JsonObject *obj,
                const char *member,
                const char *text_member)
{
  g_autofree char *text = g_strdup_printf ("%lld", (long long) _hc_json_int (obj, member));

  json_object_set_string_member (obj, text_member, text);
}

/**
 * hc_feedback_month_new_from_json:
 * @obj: a member of the months of GET /list-types/{type}/feedback
 *
 * Returns: (transfer full) (nullable): the month, %NULL when @obj is not one
 */
HcFeedbackMonth *
hc_feedback_month_new_from_json (JsonObject *obj)
{
  HcFeedbackMonth *self;
  gint64 hits, applied, said;
  g_autofree char *share = NULL;

  g_return_val_if_fail (obj != NULL, NULL);

  if (_hc_json_string_or_null (obj, "month") == NULL)
    return NULL;
  self = g_object_new (HC_TYPE_FEEDBACK_MONTH, NULL);
  self->obj = json_object_ref (obj);
  set_count_text (obj, "hits", "hits_text");
  set_count_text (obj, "applied", "applied_text");
  set_count_text (obj, "not_applied", "not_applied_text");
  set_count_text (obj, "pending", "pending_text");
  hits = _hc_json_int (obj, "hits");
  applied = _hc_json_int (obj, "applied");
  said = applied + _hc_json_int (obj, "not_applied");
  /* The share of the hits the departments answered for that were applied. */
  if (said > 0)
    share = g_strdup_printf ("%.1f%%", 100.0 * applied / said);
  json_object_set_string_member (obj, "applied_share_text", share ? share : (hits > 0 ? "—" : ""));
  return self;
}

const char *
hc_feedback_month_get_month (HcFeedbackMonth *self)
{
  g_return_val_if_fail (HC_IS_FEEDBACK_MONTH (self), NULL);
  return _hc_json_string_or_null (self->obj, "month");
}

gint64
hc_feedback_month_get_hits (HcFeedbackMonth *self)
{
  g_return_val_if_fail (HC_IS_FEEDBACK_MONTH (self), 0);
  return _hc_json_int (self->obj, "hits");
}

gint64
hc_feedback_month_get_applied (HcFeedbackMonth *self)
{
  g_return_val_if_fail (HC_IS_FEEDBACK_MONTH (self), 0);
  return _hc_json_int (self->obj, "applied");
}

gint64
hc_feedback_month_get_not_applied (HcFeedbackMonth *self)
{
  g_return_val_if_fail (HC_IS_FEEDBACK_MONTH (self), 0);
  return _hc_json_int (self->obj, "not_applied");
}

gint64
hc_feedback_month_get_pending (HcFeedbackMonth *self)
{
  g_return_val_if_fail (HC_IS_FEEDBACK_MONTH (self), 0);
  return _hc_json_int (self->obj, "pending");
}
