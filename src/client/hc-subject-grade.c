/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSubjectGrade: an immutable subject's grade and its explanation. */
#define G_LOG_DOMAIN "hc-subject-grade"

#include "config.h"

#include "hc-grade-factor.h"
#include "hc-subject-grade.h"

struct _HcSubjectGrade
{
  GObject      parent_instance;

  char        *grade;
  gboolean     computed;
  char        *computed_grade;
  gint64       score;
  gint64       base_score;
  char        *as_of;
  gint64       model_id;
  char        *model_title;
  gint64       bands[3];
  GListModel  *factors;
  gboolean     overridden;
  char        *override_grade;
  char        *override_reason;
  char        *override_actor;
  char        *override_at;
};

G_DEFINE_FINAL_TYPE (HcSubjectGrade, hc_subject_grade, G_TYPE_OBJECT)

static void
hc_subject_grade_finalize (GObject *object)
{
  HcSubjectGrade *self = HC_SUBJECT_GRADE (object);

  g_clear_pointer (&self->grade, g_free);
  g_clear_pointer (&self->computed_grade, g_free);
  g_clear_pointer (&self->as_of, g_free);
  g_clear_pointer (&self->model_title, g_free);
  g_clear_object (&self->factors);
  g_clear_pointer (&self->override_grade, g_free);
  g_clear_pointer (&self->override_reason, g_free);
  g_clear_pointer (&self->override_actor, g_free);
  g_clear_pointer (&self->override_at, g_free);

  G_OBJECT_CLASS (hc_subject_grade_parent_class)->finalize (object);
}

static void
hc_subject_grade_class_init (HcSubjectGradeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hc_subject_grade_finalize;
}

static void
hc_subject_grade_init (HcSubjectGrade *self)
{
}

static char *
member_text (JsonObject *obj,
             const char *member)
{
  JsonNode *node = obj ? json_object_get_member (obj, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return g_strdup ("");
  return g_strdup (json_node_get_string (node));
}

static JsonObject *
member_object (JsonObject *obj,
               const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * hc_subject_grade_new_from_json:
 *
 * Returns: (transfer full) (nullable): the grade, %NULL when @obj is not
 *   shaped as documented
 */
HcSubjectGrade *
hc_subject_grade_new_from_json (JsonObject *obj)
{
  g_autoptr(HcSubjectGrade) self = NULL;
  JsonObject *computed, *override;

  g_return_val_if_fail (obj != NULL, NULL);

  if (!json_object_has_member (obj, "grade") || !json_object_has_member (obj, "computed"))
    return NULL;
  self = g_object_new (HC_TYPE_SUBJECT_GRADE, NULL);
  self->grade = member_text (obj, "grade");
  if ((computed = member_object (obj, "computed")) != NULL)
    {
      JsonObject *model = member_object (computed, "model");
      JsonObject *bands = member_object (computed, "bands");
      JsonNode *factors = json_object_get_member (computed, "factors");

      self->computed = TRUE;
      self->computed_grade = member_text (computed, "grade");
      self->score = json_object_get_int_member_with_default (computed, "score", 0);
      self->base_score = json_object_get_int_member_with_default (computed, "base_score", 0);
      self->as_of = member_text (computed, "as_of");
      self->model_id = model ? json_object_get_int_member_with_default (model, "id", 0) : 0;
      self->model_title = member_text (model, "title");
      for (guint i = 0; i < 3 && bands != NULL; i++)
        {
          const char key[2] = { (char) ('A' + i), '\0' };

          self->bands[i] = json_object_get_int_member_with_default (bands, key, 0);
        }
      if (factors == NULL || !JSON_NODE_HOLDS_ARRAY (factors) ||
          (self->factors = hc_grade_factors_from_json (json_node_get_array (factors))) == NULL)
        return NULL;
    }
  else
    {
      self->computed_grade = g_strdup ("");
      self->as_of = g_strdup ("");
      self->model_title = g_strdup ("");
      self->factors = G_LIST_MODEL (g_list_store_new (HC_TYPE_GRADE_FACTOR));
    }
  override = member_object (obj, "override");
  self->overridden = override != NULL;
  self->override_grade = member_text (override, "grade");
  self->override_reason = member_text (override, "reason");
  self->override_actor = member_text (override, "actor");
  self->override_at = member_text (override, "at");
  return g_steal_pointer (&self);
}

/* Returns: the grade in force ("" when the subject is not graded) */
const char *
hc_subject_grade_get_grade (HcSubjectGrade *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), NULL);
  return self->grade;
}

gboolean
hc_subject_grade_get_computed (HcSubjectGrade *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), FALSE);
  return self->computed;
}

const char *
hc_subject_grade_get_computed_grade (HcSubjectGrade *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), NULL);
  return self->computed_grade;
}

gint64
hc_subject_grade_get_score (HcSubjectGrade *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), 0);
  return self->score;
}

gint64
hc_subject_grade_get_base_score (HcSubjectGrade *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), 0);
  return self->base_score;
}

const char *
hc_subject_grade_get_as_of (HcSubjectGrade *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), NULL);
  return self->as_of;
}

gint64
hc_subject_grade_get_model_id (HcSubjectGrade *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), 0);
  return self->model_id;
}

const char *
hc_subject_grade_get_model_title (HcSubjectGrade *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), NULL);
  return self->model_title;
}

/* Returns: the lowest score of @grade ('A', 'B' or 'C') */
gint64
hc_subject_grade_get_band (HcSubjectGrade *self,
                           char            grade)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), 0);
  g_return_val_if_fail (grade >= 'A' && grade <= 'C', 0);
  return self->bands[grade - 'A'];
}

/**
 * hc_subject_grade_get_factors:
 *
 * Returns: (transfer none): the factors (#HcGradeFactor), empty when the
 *   subject is not graded
 */
GListModel *
hc_subject_grade_get_factors (HcSubjectGrade *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), NULL);
  return self->factors;
}

gboolean
hc_subject_grade_get_overridden (HcSubjectGrade *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), FALSE);
  return self->overridden;
}

const char *
hc_subject_grade_get_override_grade (HcSubjectGrade *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), NULL);
  return self->override_grade;
}

const char *
hc_subject_grade_get_override_reason (HcSubjectGrade *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), NULL);
  return self->override_reason;
}

const char *
hc_subject_grade_get_override_actor (HcSubjectGrade *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), NULL);
  return self->override_actor;
}

const char *
hc_subject_grade_get_override_at (HcSubjectGrade *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_GRADE (self), NULL);
  return self->override_at;
}
