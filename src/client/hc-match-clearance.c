/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcMatchClearance: a hit cleared as a false match (误匹配) with its reason;
 * later runs do not raise the pair while it stands, and it can be withdrawn.
 * Immutable; made from the server's answer, whose object it keeps, with
 * the labels a view shows added to it. */
#define G_LOG_DOMAIN "hc-match-clearance"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"
#include "hc-core.h"
#include "hc-json-item-private.h"
#include "hc-match-clearance.h"

struct _HcMatchClearance
{
  GObject     parent_instance;

  JsonObject *obj;
};

G_DEFINE_FINAL_TYPE (HcMatchClearance, hc_match_clearance, G_TYPE_OBJECT)

static const HcJsonProp props[] = {
  { "id", "id", G_TYPE_INT64 },
  { "identifier", "identifier", G_TYPE_STRING },
  { "subject-name", "subject_name", G_TYPE_STRING },
  { "entry-id", "entry_id", G_TYPE_INT64 },
  { "list-type", "list_type", G_TYPE_STRING },
  { "list-name", "list_name", G_TYPE_STRING },
  { "run-id", "run_id", G_TYPE_INT64 },
  { "reason", "reason", G_TYPE_STRING },
  { "created-by", "created_by", G_TYPE_STRING },
  { "created-at", "created_at", G_TYPE_STRING },
  { "created-at-label", "created_at_label", G_TYPE_STRING },
  { "withdrawn-by", "withdrawn_by", G_TYPE_STRING },
  { "withdrawn-at", "withdrawn_at", G_TYPE_STRING },
  { "withdraw-reason", "withdraw_reason", G_TYPE_STRING },
  { "standing", "standing", G_TYPE_BOOLEAN },
  { "version", "version", G_TYPE_INT64 }
};

static void
hc_match_clearance_finalize (GObject *object)
{
  HcMatchClearance *self = HC_MATCH_CLEARANCE (object);

  g_clear_pointer (&self->obj, json_object_unref);

  G_OBJECT_CLASS (hc_match_clearance_parent_class)->finalize (object);
}

static void
hc_match_clearance_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HcMatchClearance *self = HC_MATCH_CLEARANCE (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (props))
    _hc_json_props_get (self->obj, props, G_N_ELEMENTS (props), prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hc_match_clearance_class_init (HcMatchClearanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_match_clearance_finalize;
  object_class->get_property = hc_match_clearance_get_property;
  _hc_json_props_install (object_class, props, G_N_ELEMENTS (props));
}

static void
hc_match_clearance_init (HcMatchClearance *self)
{
}

static void
add_labels (JsonObject *obj)
{
  g_autofree char *at = _hc_json_local_minute (_hc_json_string_or_null (obj, "created_at"));

  json_object_set_string_member (obj, "created_at_label", at);
}

/**
 * hc_match_clearance_new_from_json:
 * @obj: the object as the server answers it
 *
 * Returns: (transfer full) (nullable): the item, or %NULL for an object
 *   without an id
 */
HcMatchClearance *
hc_match_clearance_new_from_json (JsonObject *obj)
{
  HcMatchClearance *self;

  g_return_val_if_fail (obj != NULL, NULL);

  if (!_hc_json_has_id (obj, "id"))
    return NULL;
  self = g_object_new (HC_TYPE_MATCH_CLEARANCE, NULL);
  self->obj = json_object_ref (obj);

  add_labels (self->obj);
  return self;
}

gint64
hc_match_clearance_get_id (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), 0);
  return _hc_json_int (self->obj, "id");
}

const char *
hc_match_clearance_get_identifier (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), NULL);
  return _hc_json_string_or_null (self->obj, "identifier");
}

const char *
hc_match_clearance_get_subject_name (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), NULL);
  return _hc_json_string_or_null (self->obj, "subject_name");
}

gint64
hc_match_clearance_get_entry_id (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), 0);
  return _hc_json_int (self->obj, "entry_id");
}

const char *
hc_match_clearance_get_list_type (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), NULL);
  return _hc_json_string_or_null (self->obj, "list_type");
}

const char *
hc_match_clearance_get_list_name (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), NULL);
  return _hc_json_string_or_null (self->obj, "list_name");
}

gint64
hc_match_clearance_get_run_id (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), 0);
  return _hc_json_int (self->obj, "run_id");
}

const char *
hc_match_clearance_get_reason (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), NULL);
  return _hc_json_string_or_null (self->obj, "reason");
}

const char *
hc_match_clearance_get_created_by (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), NULL);
  return _hc_json_string_or_null (self->obj, "created_by");
}

const char *
hc_match_clearance_get_created_at (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), NULL);
  return _hc_json_string_or_null (self->obj, "created_at");
}

const char *
hc_match_clearance_get_withdrawn_by (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), NULL);
  return _hc_json_string_or_null (self->obj, "withdrawn_by");
}

const char *
hc_match_clearance_get_withdrawn_at (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), NULL);
  return _hc_json_string_or_null (self->obj, "withdrawn_at");
}

const char *
hc_match_clearance_get_withdraw_reason (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), NULL);
  return _hc_json_string_or_null (self->obj, "withdraw_reason");
}

gboolean
hc_match_clearance_get_standing (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), FALSE);
  return _hc_json_bool (self->obj, "standing");
}

gint64
hc_match_clearance_get_version (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), 0);
  return _hc_json_int (self->obj, "version");
}

const char *
hc_match_clearance_get_created_at_label (HcMatchClearance *self)
{
  g_return_val_if_fail (HC_IS_MATCH_CLEARANCE (self), NULL);
  return _hc_json_string_or_null (self->obj, "created_at_label");
}
