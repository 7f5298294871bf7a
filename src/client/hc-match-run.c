/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcMatchRun: one recorded run of 名单自动比对 (POST /lists/match): who ran it,
 * when, how many subjects, hits and unreadable rows, whether a list changed
 * since (stale), the feedback counts and, for a re-run, its difference.
 * Immutable; made from the server's answer, whose object it keeps, with
 * the labels a view shows added to it. */
#define G_LOG_DOMAIN "hc-match-run"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"
#include "hc-core.h"
#include "hc-json-item-private.h"
#include "hc-match-run.h"

struct _HcMatchRun
{
  GObject     parent_instance;

  JsonObject *obj;
};

G_DEFINE_FINAL_TYPE (HcMatchRun, hc_match_run, G_TYPE_OBJECT)

static const HcJsonProp props[] = {
  { "id", "id", G_TYPE_INT64 },
  { "actor", "actor", G_TYPE_STRING },
  { "at", "at", G_TYPE_STRING },
  { "purpose", "purpose", G_TYPE_STRING },
  { "subjects", "subjects", G_TYPE_INT64 },
  { "invalid", "invalid", G_TYPE_INT64 },
  { "hits", "hits", G_TYPE_INT64 },
  { "subjects-hit", "subjects_hit", G_TYPE_INT64 },
  { "cleared", "cleared", G_TYPE_INT64 },
  { "input-format", "input_format", G_TYPE_STRING },
  { "previous-run-id", "previous_run_id", G_TYPE_INT64 },
  { "rerunnable", "rerunnable", G_TYPE_BOOLEAN },
  { "stale", "stale", G_TYPE_BOOLEAN },
  { "applied", "applied", G_TYPE_INT64 },
  { "not-applied", "not_applied", G_TYPE_INT64 },
  { "pending", "pending", G_TYPE_INT64 },
  { "new-hits", "new_hits", G_TYPE_INT64 },
  { "gone-hits", "gone_hits", G_TYPE_INT64 },
  { "is-rerun", "is_rerun", G_TYPE_BOOLEAN },
  { "at-label", "at_label", G_TYPE_STRING },
  { "stale-label", "stale_label", G_TYPE_STRING },
  { "feedback-label", "feedback_label", G_TYPE_STRING },
  { "title", "title", G_TYPE_STRING }
};

static void
hc_match_run_finalize (GObject *object)
{
  HcMatchRun *self = HC_MATCH_RUN (object);

  g_clear_pointer (&self->obj, json_object_unref);

  G_OBJECT_CLASS (hc_match_run_parent_class)->finalize (object);
}

static void
hc_match_run_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HcMatchRun *self = HC_MATCH_RUN (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (props))
    _hc_json_props_get (self->obj, props, G_N_ELEMENTS (props), prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hc_match_run_class_init (HcMatchRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_match_run_finalize;
  object_class->get_property = hc_match_run_get_property;
  _hc_json_props_install (object_class, props, G_N_ELEMENTS (props));
}

static void
hc_match_run_init (HcMatchRun *self)
{
}

/* What the runs list shows beside the numbers. */
static void
add_labels (JsonObject *obj)
{
  g_autofree char *at = _hc_json_local_minute (_hc_json_string_or_null (obj, "at"));
  g_autofree char *feedback = NULL;
  g_autofree char *title = NULL;
  const char *purpose = _hc_json_string_or_null (obj, "purpose");

  /* TRANSLATORS: a match run's feedback counts (效果反馈) */
  feedback = g_strdup_printf (_("%d applied · %d not applied · %d pending"),
                              (int) _hc_json_int (obj, "applied"), (int) _hc_json_int (obj, "not_applied"),
                              (int) _hc_json_int (obj, "pending"));
  /* TRANSLATORS: a match run in the runs list: its number and purpose */
  title = purpose != NULL && *purpose != '\0'
          ? g_strdup_printf (_("Run %d: %s"), (int) _hc_json_int (obj, "id"), purpose)
          : g_strdup_printf (_("Run %d"), (int) _hc_json_int (obj, "id"));
  json_object_set_string_member (obj, "at_label", at);
  json_object_set_string_member (obj, "stale_label", _hc_json_bool (obj, "stale") ? _("Stale: a list changed since") : "");
  json_object_set_string_member (obj, "feedback_label", feedback);
  json_object_set_string_member (obj, "title", title);
  json_object_set_boolean_member (obj, "is_rerun", _hc_json_has_id (obj, "previous_run_id"));
}

/**
 * hc_match_run_new_from_json:
 * @obj: the object as the server answers it
 *
 * Returns: (transfer full) (nullable): the item, or %NULL for an object
 *   without an id
 */
HcMatchRun *
hc_match_run_new_from_json (JsonObject *obj)
{
  HcMatchRun *self;

  g_return_val_if_fail (obj != NULL, NULL);

  if (!_hc_json_has_id (obj, "id"))
    return NULL;
  self = g_object_new (HC_TYPE_MATCH_RUN, NULL);
  self->obj = json_object_ref (obj);

  add_labels (self->obj);
  return self;
}

gint64
hc_match_run_get_id (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), 0);
  return _hc_json_int (self->obj, "id");
}

const char *
hc_match_run_get_actor (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), NULL);
  return _hc_json_string_or_null (self->obj, "actor");
}

const char *
hc_match_run_get_at (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), NULL);
  return _hc_json_string_or_null (self->obj, "at");
}

const char *
hc_match_run_get_purpose (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), NULL);
  return _hc_json_string_or_null (self->obj, "purpose");
}

gint64
hc_match_run_get_subjects (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), 0);
  return _hc_json_int (self->obj, "subjects");
}

gint64
hc_match_run_get_invalid (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), 0);
  return _hc_json_int (self->obj, "invalid");
}

gint64
hc_match_run_get_hits (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), 0);
  return _hc_json_int (self->obj, "hits");
}

gint64
hc_match_run_get_subjects_hit (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), 0);
  return _hc_json_int (self->obj, "subjects_hit");
}

gint64
hc_match_run_get_cleared (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), 0);
  return _hc_json_int (self->obj, "cleared");
}

const char *
hc_match_run_get_input_format (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), NULL);
  return _hc_json_string_or_null (self->obj, "input_format");
}

gint64
hc_match_run_get_previous_run_id (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), 0);
  return _hc_json_int (self->obj, "previous_run_id");
}

gboolean
hc_match_run_get_rerunnable (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), FALSE);
  return _hc_json_bool (self->obj, "rerunnable");
}

gboolean
hc_match_run_get_stale (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), FALSE);
  return _hc_json_bool (self->obj, "stale");
}

gint64
hc_match_run_get_applied (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), 0);
  return _hc_json_int (self->obj, "applied");
}

gint64
hc_match_run_get_not_applied (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), 0);
  return _hc_json_int (self->obj, "not_applied");
}

gint64
hc_match_run_get_pending (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), 0);
  return _hc_json_int (self->obj, "pending");
}

gint64
hc_match_run_get_new_hits (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), 0);
  return _hc_json_int (self->obj, "new_hits");
}

gint64
hc_match_run_get_gone_hits (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), 0);
  return _hc_json_int (self->obj, "gone_hits");
}

gboolean
hc_match_run_get_is_rerun (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), FALSE);
  return _hc_json_bool (self->obj, "is_rerun");
}

const char *
hc_match_run_get_at_label (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), NULL);
  return _hc_json_string_or_null (self->obj, "at_label");
}

const char *
hc_match_run_get_stale_label (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), NULL);
  return _hc_json_string_or_null (self->obj, "stale_label");
}

const char *
hc_match_run_get_feedback_label (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), NULL);
  return _hc_json_string_or_null (self->obj, "feedback_label");
}

const char *
hc_match_run_get_title (HcMatchRun *self)
{
  g_return_val_if_fail (HC_IS_MATCH_RUN (self), NULL);
  return _hc_json_string_or_null (self->obj, "title");
}
