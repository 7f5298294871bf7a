/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcGradeShare: an immutable row of a grading pass's breakdown, kept as
 * the server's object; its counts also as text, for list views. */
#define G_LOG_DOMAIN "hc-grade-share"

#include "config.h"

#include "hc-grade-share.h"
#include "hc-json-item-private.h"

struct _HcGradeShare
{
  GObject     parent_instance;

  JsonObject *obj;
};

G_DEFINE_FINAL_TYPE (HcGradeShare, hc_grade_share, G_TYPE_OBJECT)

static const HcJsonProp props[] = {
  { "key", "key", G_TYPE_STRING },
  { "label", "label", G_TYPE_STRING },
  { "subjects", "subjects", G_TYPE_INT64 },
  { "subjects-text", "subjects_text", G_TYPE_STRING },
  { "a-text", "a_text", G_TYPE_STRING },
  { "b-text", "b_text", G_TYPE_STRING },
  { "c-text", "c_text", G_TYPE_STRING },
  { "d-text", "d_text", G_TYPE_STRING },
};

static void
hc_grade_share_finalize (GObject *object)
{
  HcGradeShare *self = HC_GRADE_SHARE (object);

  g_clear_pointer (&self->obj, json_object_unref);

  G_OBJECT_CLASS (hc_grade_share_parent_class)->finalize (object);
}

static void
hc_grade_share_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HcGradeShare *self = HC_GRADE_SHARE (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (props))
    _hc_json_props_get (self->obj, props, G_N_ELEMENTS (props), prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hc_grade_share_class_init (HcGradeShareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_grade_share_finalize;
  object_class->get_property = hc_grade_share_get_property;
  _hc_json_props_install (object_class, props, G_N_ELEMENTS (props));
}

static void
hc_grade_share_init (HcGradeShare *self)
{
}

/**
 * hc_grade_share_new_from_json:
 * @obj: a row of by_region ({region, name, subjects, grades}) or of
 *   by_industry ({industry, subjects, grades})
 *
 * Returns: (transfer full) (nullable): the row, %NULL when @obj is not one
 */
HcGradeShare *
hc_grade_share_new_from_json (JsonObject *obj)
{
  HcGradeShare *self;
  JsonNode *grades_node;
  JsonObject *grades;
  const char *key;
  g_autofree char *subjects = NULL;

  g_return_val_if_fail (obj != NULL, NULL);

  key = _hc_json_string_or_null (obj, "region");
  if (key == NULL)
    key = _hc_json_string_or_null (obj, "industry");
  grades_node = json_object_get_member (obj, "grades");
  if (key == NULL || grades_node == NULL || !JSON_NODE_HOLDS_OBJECT (grades_node))
    return NULL;
  grades = json_node_get_object (grades_node);
  self = g_object_new (HC_TYPE_GRADE_SHARE, NULL);
  self->obj = json_object_ref (obj);
  json_object_set_string_member (obj, "key", key);
  {
    const char *name = _hc_json_string_or_null (obj, "name");

    json_object_set_string_member (obj, "label", name ? name : key);
  }
  subjects = g_strdup_printf ("%lld", (long long) _hc_json_int (obj, "subjects"));
  json_object_set_string_member (obj, "subjects_text", subjects);
  for (char g = 'A'; g <= 'D'; g++)
    {
      const char member[] = { g, '\0' };
      const char text_member[] = { (char) g_ascii_tolower (g), '_', 't', 'e', 'x', 't', '\0' };
      g_autofree char *text = g_strdup_printf ("%lld", (long long) _hc_json_int (grades, member));

      json_object_set_string_member (obj, text_member, text);
    }
  return self;
}

const char *
hc_grade_share_get_key (HcGradeShare *self)
{
  g_return_val_if_fail (HC_IS_GRADE_SHARE (self), NULL);
  return _hc_json_string_or_null (self->obj, "key");
}

const char *
hc_grade_share_get_label (HcGradeShare *self)
{
  g_return_val_if_fail (HC_IS_GRADE_SHARE (self), NULL);
  return _hc_json_string_or_null (self->obj, "label");
}

gint64
hc_grade_share_get_subjects (HcGradeShare *self)
{
  g_return_val_if_fail (HC_IS_GRADE_SHARE (self), 0);
  return _hc_json_int (self->obj, "subjects");
}

/* Returns: the subjects in @grade ('A' … 'D') */
gint64
hc_grade_share_get_count (HcGradeShare *self,
                          char          grade)
{
  const char member[] = { grade, '\0' };
  JsonNode *grades;

  g_return_val_if_fail (HC_IS_GRADE_SHARE (self), 0);
  g_return_val_if_fail (grade >= 'A' && grade <= 'D', 0);
  grades = json_object_get_member (self->obj, "grades");
  return grades && JSON_NODE_HOLDS_OBJECT (grades) ? _hc_json_int (json_node_get_object (grades), member) : 0;
}
