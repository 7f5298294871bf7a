/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcMatchHit: one hit of a match run: a subject found on a list entry in
 * force, with the measures that apply, a standing clearance (误匹配) and the
 * feedback (效果反馈). Immutable; made from the server's answer, whose object
 * it keeps, with the labels a view shows added to it. */
#define G_LOG_DOMAIN "hc-match-hit"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"
#include "hc-core.h"
#include "hc-json-item-private.h"
#include "hc-match-hit.h"

struct _HcMatchHit
{
  GObject     parent_instance;

  JsonObject *obj;
};

G_DEFINE_FINAL_TYPE (HcMatchHit, hc_match_hit, G_TYPE_OBJECT)

static const HcJsonProp props[] = {
  { "id", "id", G_TYPE_INT64 },
  { "run-id", "run_id", G_TYPE_INT64 },
  { "entry-id", "entry_id", G_TYPE_INT64 },
  { "identifier", "identifier", G_TYPE_STRING },
  { "subject-name", "subject_name", G_TYPE_STRING },
  { "list-type", "list_type", G_TYPE_STRING },
  { "list-name", "list_name", G_TYPE_STRING },
  { "list-class", "list_class", G_TYPE_STRING },
  { "state", "state", G_TYPE_STRING },
  { "state-now", "state_now", G_TYPE_STRING },
  { "publicity-paused", "publicity_paused", G_TYPE_BOOLEAN },
  { "measure-names", "measure_names", G_TYPE_STRING },
  { "clearance-id", "clearance_id", G_TYPE_INT64 },
  { "feedback", "feedback", G_TYPE_STRING },
  { "feedback-note", "feedback_note", G_TYPE_STRING },
  { "feedback-by", "feedback_by", G_TYPE_STRING },
  { "feedback-department", "feedback_department", G_TYPE_STRING },
  { "feedback-at", "feedback_at", G_TYPE_STRING },
  { "state-label", "state_label", G_TYPE_STRING },
  { "feedback-label", "feedback_label", G_TYPE_STRING },
  { "cleared", "cleared", G_TYPE_BOOLEAN }
};

static void
hc_match_hit_finalize (GObject *object)
{
  HcMatchHit *self = HC_MATCH_HIT (object);

  g_clear_pointer (&self->obj, json_object_unref);

  G_OBJECT_CLASS (hc_match_hit_parent_class)->finalize (object);
}

static void
hc_match_hit_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HcMatchHit *self = HC_MATCH_HIT (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (props))
    _hc_json_props_get (self->obj, props, G_N_ELEMENTS (props), prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hc_match_hit_class_init (HcMatchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_match_hit_finalize;
  object_class->get_property = hc_match_hit_get_property;
  _hc_json_props_install (object_class, props, G_N_ELEMENTS (props));
}

static void
hc_match_hit_init (HcMatchHit *self)
{
}

/* The state now (the entry may have moved since the run) and the feedback
 * in words. */
static void
add_labels (JsonObject *obj)
{
  const char *state = _hc_json_string_or_null (obj, "state_now");
  const char *feedback = _hc_json_string_or_null (obj, "feedback");
  HcListEntryState s;

  if (state == NULL)
    state = _hc_json_string_or_null (obj, "state");
  json_object_set_string_member (obj, "state_label",
                                 state && hc_list_entry_state_from_key (state, &s) ? hc_list_entry_state_label (s)
                                                                                   : (state ? state : ""));
  if (_hc_json_has_id (obj, "clearance_id"))
    json_object_set_string_member (obj, "feedback_label", C_("feedback", "Cleared (false match)"));
  else if (g_strcmp0 (feedback, "applied") == 0)
    json_object_set_string_member (obj, "feedback_label", C_("feedback", "Applied"));
  else if (g_strcmp0 (feedback, "not_applied") == 0)
    json_object_set_string_member (obj, "feedback_label", C_("feedback", "Not applied"));
  else
    json_object_set_string_member (obj, "feedback_label", C_("feedback", "Pending"));
  json_object_set_boolean_member (obj, "cleared", _hc_json_has_id (obj, "clearance_id"));
}

/**
 * hc_match_hit_new_from_json:
 * @obj: the object as the server answers it
 *
 * Returns: (transfer full) (nullable): the item, or %NULL for an object
 *   without an id
 */
HcMatchHit *
hc_match_hit_new_from_json (JsonObject *obj)
{
  HcMatchHit *self;

  g_return_val_if_fail (obj != NULL, NULL);

  if (!_hc_json_has_id (obj, "id"))
    return NULL;
  self = g_object_new (HC_TYPE_MATCH_HIT, NULL);
  self->obj = json_object_ref (obj);

  add_labels (self->obj);
  return self;
}

gint64
hc_match_hit_get_id (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), 0);
  return _hc_json_int (self->obj, "id");
}

gint64
hc_match_hit_get_run_id (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), 0);
  return _hc_json_int (self->obj, "run_id");
}

gint64
hc_match_hit_get_entry_id (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), 0);
  return _hc_json_int (self->obj, "entry_id");
}

const char *
hc_match_hit_get_identifier (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "identifier");
}

const char *
hc_match_hit_get_subject_name (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "subject_name");
}

const char *
hc_match_hit_get_list_type (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "list_type");
}

const char *
hc_match_hit_get_list_name (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "list_name");
}

const char *
hc_match_hit_get_list_class (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "list_class");
}

const char *
hc_match_hit_get_state (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "state");
}

const char *
hc_match_hit_get_state_now (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "state_now");
}

gboolean
hc_match_hit_get_publicity_paused (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), FALSE);
  return _hc_json_bool (self->obj, "publicity_paused");
}

const char *
hc_match_hit_get_measure_names (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "measure_names");
}

gint64
hc_match_hit_get_clearance_id (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), 0);
  return _hc_json_int (self->obj, "clearance_id");
}

const char *
hc_match_hit_get_feedback (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "feedback");
}

const char *
hc_match_hit_get_feedback_note (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "feedback_note");
}

const char *
hc_match_hit_get_feedback_by (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "feedback_by");
}

const char *
hc_match_hit_get_feedback_department (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "feedback_department");
}

const char *
hc_match_hit_get_feedback_at (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "feedback_at");
}

const char *
hc_match_hit_get_state_label (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "state_label");
}

const char *
hc_match_hit_get_feedback_label (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), NULL);
  return _hc_json_string_or_null (self->obj, "feedback_label");
}

gboolean
hc_match_hit_get_cleared (HcMatchHit *self)
{
  g_return_val_if_fail (HC_IS_MATCH_HIT (self), FALSE);
  return _hc_json_bool (self->obj, "cleared");
}
