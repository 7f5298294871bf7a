/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcGradingModel: an immutable model version, kept as the server's object
 * with the labels a view shows added to it. A listing's row carries the
 * bands as band_a…band_c and no factors; a version read alone carries
 * bands {A, B, C} and its factors. */
#define G_LOG_DOMAIN "hc-grading-model"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-grade-factor.h"
#include "hc-grading-model.h"
#include "hc-json-item-private.h"

struct _HcGradingModel
{
  GObject     parent_instance;

  JsonObject *obj;
  GListModel *factors;
  char       *etag;
};

G_DEFINE_FINAL_TYPE (HcGradingModel, hc_grading_model, G_TYPE_OBJECT)

static const HcJsonProp props[] = {
  { "id", "id", G_TYPE_INT64 },
  { "state", "state", G_TYPE_STRING },
  { "title", "title", G_TYPE_STRING },
  { "base-score", "base_score", G_TYPE_INT64 },
  { "band-a", "band_a", G_TYPE_INT64 },
  { "band-b", "band_b", G_TYPE_INT64 },
  { "band-c", "band_c", G_TYPE_INT64 },
  { "version", "version", G_TYPE_INT64 },
  { "published-by", "published_by", G_TYPE_STRING },
  { "published-at", "published_at", G_TYPE_STRING },
  { "state-label", "state_label", G_TYPE_STRING },
  { "version-label", "version_label", G_TYPE_STRING },
  { "published-label", "published_label", G_TYPE_STRING },
};

static void
hc_grading_model_finalize (GObject *object)
{
  HcGradingModel *self = HC_GRADING_MODEL (object);

  g_clear_pointer (&self->obj, json_object_unref);
  g_clear_object (&self->factors);
  g_clear_pointer (&self->etag, g_free);

  G_OBJECT_CLASS (hc_grading_model_parent_class)->finalize (object);
}

static void
hc_grading_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HcGradingModel *self = HC_GRADING_MODEL (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (props))
    _hc_json_props_get (self->obj, props, G_N_ELEMENTS (props), prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hc_grading_model_class_init (HcGradingModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_grading_model_finalize;
  object_class->get_property = hc_grading_model_get_property;
  _hc_json_props_install (object_class, props, G_N_ELEMENTS (props));
}

static void
hc_grading_model_init (HcGradingModel *self)
{
}

static void
add_labels (JsonObject *obj)
{
  const char *state = _hc_json_string_or_null (obj, "state");
  const char *at = _hc_json_string_or_null (obj, "published_at");
  g_autofree char *version = g_strdup_printf (_("Version %lld"), (long long) _hc_json_int (obj, "id"));
  g_autofree char *published = at ? _hc_json_local_minute (at) : NULL;

  json_object_set_string_member (obj, "state_label",
                                 g_strcmp0 (state, "draft") == 0 ? C_("grading model", "Draft")
                                 : g_strcmp0 (state, "published") == 0 ? C_("grading model", "Published")
                                 : g_strcmp0 (state, "superseded") == 0 ? C_("grading model", "Superseded")
                                 : (state ? state : ""));
  json_object_set_string_member (obj, "version_label", version);
  json_object_set_string_member (obj, "published_label", published ? published : "");
}

static HcGradingModel *
new_from (JsonObject *obj,
          const char *etag)
{
  g_autoptr(HcGradingModel) self = NULL;
  JsonNode *bands, *factors;

  if (!_hc_json_has_id (obj, "id") || _hc_json_string_or_null (obj, "state") == NULL)
    return NULL;
  self = g_object_new (HC_TYPE_GRADING_MODEL, NULL);
  self->obj = json_object_ref (obj);
  self->etag = g_strdup (etag);
  /* A version read alone: its bands as the listing's row has them. */
  if ((bands = json_object_get_member (obj, "bands")) != NULL && JSON_NODE_HOLDS_OBJECT (bands))
    {
      JsonObject *b = json_node_get_object (bands);

      json_object_set_int_member (obj, "band_a", _hc_json_int (b, "A"));
      json_object_set_int_member (obj, "band_b", _hc_json_int (b, "B"));
      json_object_set_int_member (obj, "band_c", _hc_json_int (b, "C"));
    }
  factors = json_object_get_member (obj, "factors");
  if (factors != NULL && JSON_NODE_HOLDS_ARRAY (factors))
    {
      if ((self->factors = hc_grade_factors_from_json (json_node_get_array (factors))) == NULL)
        return NULL;
    }
  else
    self->factors = G_LIST_MODEL (g_list_store_new (HC_TYPE_GRADE_FACTOR));
  add_labels (obj);
  return g_steal_pointer (&self);
}

/**
 * hc_grading_model_new_from_json:
 * @etag: the version's ETag, for an edit or a publish
 *
 * Returns: (transfer full) (nullable): the version, %NULL when @obj is not one
 */
HcGradingModel *
hc_grading_model_new_from_json (JsonObject *obj,
                                const char *etag)
{
  g_return_val_if_fail (obj != NULL, NULL);
  return new_from (obj, etag);
}

/* A row of GET /grading/models (no ETag, no factors). */
HcGradingModel *
hc_grading_model_new_from_row (JsonObject *obj)
{
  g_return_val_if_fail (obj != NULL, NULL);
  return new_from (obj, NULL);
}

gint64
hc_grading_model_get_id (HcGradingModel *self)
{
  g_return_val_if_fail (HC_IS_GRADING_MODEL (self), 0);
  return _hc_json_int (self->obj, "id");
}

const char *
hc_grading_model_get_state (HcGradingModel *self)
{
  g_return_val_if_fail (HC_IS_GRADING_MODEL (self), NULL);
  return _hc_json_string_or_null (self->obj, "state");
}

gboolean
hc_grading_model_is_draft (HcGradingModel *self)
{
  g_return_val_if_fail (HC_IS_GRADING_MODEL (self), FALSE);
  return g_strcmp0 (hc_grading_model_get_state (self), "draft") == 0;
}

const char *
hc_grading_model_get_title (HcGradingModel *self)
{
  const char *title;

  g_return_val_if_fail (HC_IS_GRADING_MODEL (self), NULL);
  title = _hc_json_string_or_null (self->obj, "title");
  return title ? title : "";
}

gint64
hc_grading_model_get_base_score (HcGradingModel *self)
{
  g_return_val_if_fail (HC_IS_GRADING_MODEL (self), 0);
  return _hc_json_int (self->obj, "base_score");
}

/* Returns: the lowest score of @grade ('A', 'B' or 'C') */
gint64
hc_grading_model_get_band (HcGradingModel *self,
                           char            grade)
{
  const char member[] = { 'b', 'a', 'n', 'd', '_', (char) g_ascii_tolower (grade), '\0' };

  g_return_val_if_fail (HC_IS_GRADING_MODEL (self), 0);
  g_return_val_if_fail (grade >= 'A' && grade <= 'C', 0);
  return _hc_json_int (self->obj, member);
}

/**
 * hc_grading_model_get_factors:
 *
 * Returns: (transfer none): the factors (#HcGradeFactor) with their
 *   weights; empty for a listing's row
 */
GListModel *
hc_grading_model_get_factors (HcGradingModel *self)
{
  g_return_val_if_fail (HC_IS_GRADING_MODEL (self), NULL);
  return self->factors;
}

/* Returns: (nullable): the ETag, for a version read alone */
const char *
hc_grading_model_get_etag (HcGradingModel *self)
{
  g_return_val_if_fail (HC_IS_GRADING_MODEL (self), NULL);
  return self->etag;
}
