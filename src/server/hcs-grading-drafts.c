/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 公共信用综合评价: the versions of the evaluation model as a supervisor
 * drafts them — a draft made from the published version (or the default
 * model), edited (title, base score, bands, weights, each checked with its
 * field), discarded, and the demo's first version. Publishing a draft, and
 * the grades it gives, are hcs-grading.c's. */
#define G_LOG_DOMAIN "hcs-grading"

#include "config.h"

#include <glib/gi18n.h>

#include "hcs-errors.h"
#include "hcs-grading.h"

static const char * const grade_keys[] = { "A", "B", "C" };

static gboolean
check_weight (const char  *factor,
              JsonNode    *node,
              gint64      *weight,
              GError     **error)
{
  g_autofree char *field = g_strconcat ("weights.", factor, NULL);

  if (hcs_grading_factor_lookup (factor) < 0)
    {
      hcs_error_set (error, HCS_ERR_INVALID_FACTOR, field,
                     _("“%s” is not a factor of the evaluation model."), factor);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < -100 || json_node_get_int (node) > 100)
    {
      hcs_error_set (error, HCS_ERR_INVALID_WEIGHT, field,
                     _("The weight of a factor is a whole number from -100 to 100."));
      return FALSE;
    }
  *weight = json_node_get_int (node);
  return TRUE;
}

static gboolean
node_int (JsonNode *node,
          gint64   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

/**
 * hcs_grading_draft_create:
 * @based_on: the version to start from; 0: the published one, or the
 *   default model when none was published
 *
 * Returns: the new draft's id, or 0 with @error set (409 draft_exists when
 *   there is a draft already)
 */
gint64
hcs_grading_draft_create (HcsStore    *store,
                          gint64       based_on,
                          const char  *title,
                          const char  *actor,
                          GError     **error)
{
  HcsGradingModel model = { 0, };
  gint64 draft, id;

  draft = hcs_store_grading_model_in_state (store, "draft", error);
  if (draft < 0)
    return 0;
  if (draft > 0)
    {
      hcs_error_set (error, HCS_ERR_DRAFT_EXISTS, "based_on",
                     _("Model version %lld is a draft already: edit or publish it first."), (long long) draft);
      return 0;
    }
  if (based_on == 0 && (based_on = hcs_store_grading_model_in_state (store, "published", error)) < 0)
    return 0;
  if (based_on > 0)
    {
      g_autoptr(GError) local = NULL;

      if (!hcs_grading_model_load (store, based_on, &model, NULL, &local))
        {
          if (g_error_matches (local, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
            hcs_error_set (error, HCS_ERR_UNKNOWN_VERSION, "based_on",
                           _("There is no model version %lld."), (long long) based_on);
          else
            g_propagate_error (error, g_steal_pointer (&local));
          return 0;
        }
    }
  else
    {
      hcs_grading_default_model (&model);
    }
  id = hcs_store_grading_model_insert (store, title ? title : "", model.base_score, model.bands, based_on,
                                       actor, error);
  if (id == 0)
    return 0;
  for (guint i = 0; i < HCS_GRADING_N_FACTORS; i++)
    if (!hcs_store_grading_weight_set (store, id, hcs_grading_factor_key (i), model.weights[i], error))
      return 0;
  return id;
}

/**
 * hcs_grading_draft_discard:
 *
 * Deletes draft @id at @version with its weights: nothing of it has
 * graded anyone. A published or superseded version refuses (409
 * version_published): it stays readable.
 */
gboolean
hcs_grading_draft_discard (HcsStore  *store,
                           gint64     id,
                           gint64     version,
                           GError   **error)
{
  g_autoptr(JsonObject) stored = hcs_store_grading_model_get (store, id, error);

  if (stored == NULL)
    return FALSE;
  if (!g_str_equal (json_object_get_string_member (stored, "state"), "draft"))
    {
      hcs_error_set (error, HCS_ERR_VERSION_PUBLISHED, "id",
                     _("Model version %lld is published: it stays readable and is not discarded."), (long long) id);
      return FALSE;
    }
  return hcs_store_grading_draft_delete (store, id, version, error);
}

/**
 * hcs_grading_draft_edit:
 * @title: (nullable): unchanged when %NULL
 * @base_score: (nullable): an integer from 0 to 1000
 * @bands: (nullable): {"A": n, "B": n, "C": n}, each lower than the one before
 * @weights: (nullable): {"factor": weight, …}, weights from -100 to 100
 *
 * Edits draft @id at @version; a published or superseded version refuses
 * (409 version_published), a bad value refuses with its field (422), and
 * nothing is written then.
 */
gboolean
hcs_grading_draft_edit (HcsStore    *store,
                        gint64       id,
                        gint64       version,
                        const char  *title,
                        JsonNode    *base_score,
                        JsonNode    *bands,
                        JsonNode    *weights,
                        GError     **error)
{
  g_autoptr(JsonObject) stored = NULL;
  HcsGradingModel model;
  gint64 new_weights[HCS_GRADING_N_FACTORS];
  gboolean set[HCS_GRADING_N_FACTORS] = { FALSE, };

  if (!hcs_grading_model_load (store, id, &model, &stored, error))
    return FALSE;
  if (!g_str_equal (json_object_get_string_member (stored, "state"), "draft"))
    {
      hcs_error_set (error, HCS_ERR_VERSION_PUBLISHED, "id",
                     _("Model version %lld is published: it is not edited. Draft a new version."), (long long) id);
      return FALSE;
    }
  if (base_score != NULL &&
      (!node_int (base_score, &model.base_score) || model.base_score < 0 || model.base_score > 1000))
    {
      hcs_error_set (error, HCS_ERR_VALUE_OUT_OF_RANGE, "base_score",
                     _("The base score is a whole number from 0 to 1000."));
      return FALSE;
    }
  if (bands != NULL)
    {
      JsonObject *b = JSON_NODE_HOLDS_OBJECT (bands) ? json_node_get_object (bands) : NULL;

      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *field = g_strconcat ("bands.", grade_keys[i], NULL);

          if (b == NULL || !node_int (json_object_get_member (b, grade_keys[i]), &model.bands[i]) ||
              model.bands[i] < -10000 || model.bands[i] > 10000)
            {
              hcs_error_set (error, HCS_ERR_INVALID_BANDS, field,
                             _("Give the lowest score of grades A, B and C as whole numbers."));
              return FALSE;
            }
        }
      if (json_object_get_size (b) != 3)
        {
          hcs_error_set (error, HCS_ERR_INVALID_BANDS, "bands",
                         _("The bands are the lowest scores of A, B and C, and nothing else (below C is D)."));
          return FALSE;
        }
      if (!(model.bands[0] > model.bands[1] && model.bands[1] > model.bands[2]))
        {
          hcs_error_set (error, HCS_ERR_INVALID_BANDS, "bands",
                         _("The lowest score of A must be above that of B, and that of B above that of C."));
          return FALSE;
        }
    }
  if (weights != NULL)
    {
      JsonObjectIter iter;
      const char *factor;
      JsonNode *node;

      if (!JSON_NODE_HOLDS_OBJECT (weights))
        {
          hcs_error_set (error, HCS_ERR_INVALID_WEIGHT, "weights",
                         _("The weights are an object of factor names and whole numbers."));
          return FALSE;
        }
      json_object_iter_init (&iter, json_node_get_object (weights));
      while (json_object_iter_next (&iter, &factor, &node))
        {
          gint64 w;

          if (!check_weight (factor, node, &w, error))
            return FALSE;
          new_weights[hcs_grading_factor_lookup (factor)] = w;
          set[hcs_grading_factor_lookup (factor)] = TRUE;
        }
    }
  if (!hcs_store_grading_model_update (store, id, version,
                                       title ? title : json_object_get_string_member (stored, "title"),
                                       model.base_score, model.bands, error))
    return FALSE;
  for (guint i = 0; i < HCS_GRADING_N_FACTORS; i++)
    if (set[i] && !hcs_store_grading_weight_set (store, id, hcs_grading_factor_key (i), new_weights[i], error))
      return FALSE;
  return TRUE;
}

/**
 * hcs_grading_seed_demo:
 *
 * The demo's model, version 1, published by the demo supervisor; every
 * demo subject graded under it.
 */
gboolean
hcs_grading_seed_demo (HcsStore  *store,
                       GError   **error)
{
  g_autoptr(JsonObject) summary = NULL;
  gint64 id;

  id = hcs_grading_draft_create (store, 0, _("Demo model: public credit evaluation 2025"), "supervisor", error);
  if (id == 0)
    return FALSE;
  summary = hcs_grading_publish (store, id, 1, "supervisor", error);
  return summary != NULL;
}
