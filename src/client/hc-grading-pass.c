/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcGradingPass: an immutable grading pass's summary. */
#define G_LOG_DOMAIN "hc-grading-pass"

#include "config.h"

#include "hc-grade-share.h"
#include "hc-grading-pass.h"
#include "hc-json-item-private.h"

struct _HcGradingPass
{
  GObject     parent_instance;

  JsonObject *obj;
  GListModel *by_region;
  GListModel *by_industry;
};

G_DEFINE_FINAL_TYPE (HcGradingPass, hc_grading_pass, G_TYPE_OBJECT)

static void
hc_grading_pass_finalize (GObject *object)
{
  HcGradingPass *self = HC_GRADING_PASS (object);

  g_clear_pointer (&self->obj, json_object_unref);
  g_clear_object (&self->by_region);
  g_clear_object (&self->by_industry);

  G_OBJECT_CLASS (hc_grading_pass_parent_class)->finalize (object);
}

static void
hc_grading_pass_class_init (HcGradingPassClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hc_grading_pass_finalize;
}

static void
hc_grading_pass_init (HcGradingPass *self)
{
}

static GListModel *
shares (JsonObject *obj,
        const char *member)
{
  g_autoptr(GListStore) store = g_list_store_new (HC_TYPE_GRADE_SHARE);
  JsonNode *node = json_object_get_member (obj, member);
  JsonArray *rows;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  rows = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row = json_array_get_element (rows, i);
      g_autoptr(HcGradeShare) share = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (row) || (share = hc_grade_share_new_from_json (json_node_get_object (row))) == NULL)
        return NULL;
      g_list_store_append (store, share);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * hc_grading_pass_new_from_json:
 *
 * Returns: (transfer full) (nullable): the pass, %NULL when @obj is not one
 */
HcGradingPass *
hc_grading_pass_new_from_json (JsonObject *obj)
{
  g_autoptr(HcGradingPass) self = NULL;
  JsonNode *grades;

  g_return_val_if_fail (obj != NULL, NULL);

  grades = json_object_get_member (obj, "grades");
  if (!json_object_has_member (obj, "subjects") || grades == NULL || !JSON_NODE_HOLDS_OBJECT (grades))
    return NULL;
  self = g_object_new (HC_TYPE_GRADING_PASS, NULL);
  self->obj = json_object_ref (obj);
  if ((self->by_region = shares (obj, "by_region")) == NULL ||
      (self->by_industry = shares (obj, "by_industry")) == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

gint64
hc_grading_pass_get_model_id (HcGradingPass *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PASS (self), 0);
  return _hc_json_int (self->obj, "model_id");
}

const char *
hc_grading_pass_get_as_of (HcGradingPass *self)
{
  const char *as_of;

  g_return_val_if_fail (HC_IS_GRADING_PASS (self), NULL);
  as_of = _hc_json_string_or_null (self->obj, "as_of");
  return as_of ? as_of : "";
}

gint64
hc_grading_pass_get_subjects (HcGradingPass *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PASS (self), 0);
  return _hc_json_int (self->obj, "subjects");
}

gint64
hc_grading_pass_get_changed (HcGradingPass *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PASS (self), 0);
  return _hc_json_int (self->obj, "changed");
}

gint64
hc_grading_pass_get_overridden (HcGradingPass *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PASS (self), 0);
  return _hc_json_int (self->obj, "overridden");
}

/* Returns: the subjects the pass puts in @grade ('A' … 'D') */
gint64
hc_grading_pass_get_count (HcGradingPass *self,
                           char           grade)
{
  const char member[] = { grade, '\0' };

  g_return_val_if_fail (HC_IS_GRADING_PASS (self), 0);
  g_return_val_if_fail (grade >= 'A' && grade <= 'D', 0);
  return _hc_json_int (json_object_get_object_member (self->obj, "grades"), member);
}

/* Returns: (transfer none): #HcGradeShare by 市县, in code order */
GListModel *
hc_grading_pass_get_by_region (HcGradingPass *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PASS (self), NULL);
  return self->by_region;
}

/* Returns: (transfer none): #HcGradeShare by industry */
GListModel *
hc_grading_pass_get_by_industry (HcGradingPass *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PASS (self), NULL);
  return self->by_industry;
}
