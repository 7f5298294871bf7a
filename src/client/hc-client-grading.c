/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's 公共信用综合评价 calls: a subject's grade and its override
 * (GET /subjects/{identifier}/grade, POST …/grade/override), and the
 * model's versions: list, read, draft, edit, preview, publish
 * (/grading/models). */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include "hc-client-private.h"
#include "hc-grading-model.h"
#include "hc-grade-share.h"
#include "hc-grading-pass.h"
#include "hc-subject-grade.h"

/* GET /subjects/{identifier}/grade */

void
hc_client_get_subject_grade_async (HcClient            *self,
                                   const char          *identifier,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (identifier != NULL);

  path = _hc_client_subject_path (identifier, "/grade");
  _hc_client_call_async (self, hc_client_get_subject_grade_async, "GET", path, NULL,
                         (HcItemFromJson) hc_subject_grade_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

/**
 * hc_client_get_subject_grade_finish:
 *
 * Returns: (transfer full): the subject's grade, or %NULL with @error set
 */
HcSubjectGrade *
hc_client_get_subject_grade_finish (HcClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_get_subject_grade_async, error);
}

/* POST /subjects/{identifier}/grade/override */

/**
 * hc_client_override_grade_async:
 * @grade: (nullable): A, B, C or D; %NULL lifts the override
 * @reason: why (the server refuses an empty one)
 */
void
hc_client_override_grade_async (HcClient            *self,
                                const char          *identifier,
                                const char          *grade,
                                const char          *reason,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (identifier != NULL);
  g_return_if_fail (reason != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "grade");
  if (grade != NULL)
    json_builder_add_string_value (builder, grade);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  path = _hc_client_subject_path (identifier, "/grade/override");
  _hc_client_call_async (self, hc_client_override_grade_async, "POST", path, body,
                         (HcItemFromJson) hc_subject_grade_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

/**
 * hc_client_override_grade_finish:
 *
 * Returns: (transfer full): the subject's grade after, or %NULL with @error
 *   set (HC_CLIENT_ERROR_INVALID with the field "reason" for a missing reason)
 */
HcSubjectGrade *
hc_client_override_grade_finish (HcClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_override_grade_async, error);
}

/* GET /grading/models */

void
hc_client_list_grading_models_async (HcClient            *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));

  _hc_client_call_page_async (self, hc_client_list_grading_models_async, "/grading/models",
                              HC_TYPE_GRADING_MODEL, (HcItemFromJson) hc_grading_model_new_from_row, TRUE,
                              cancellable, callback, user_data);
}

/**
 * hc_client_list_grading_models_finish:
 *
 * Returns: (transfer full): a GListModel of #HcGradingModel, newest first
 */
GListModel *
hc_client_list_grading_models_finish (HcClient      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_grading_models_async, error);
}

/* GET /grading/models/{id} */

void
hc_client_get_grading_model_async (HcClient            *self,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id > 0);

  path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT, id);
  _hc_client_call_etag_async (self, hc_client_get_grading_model_async, "GET", path, NULL, NULL,
                              (HcAnswerWithEtag) hc_grading_model_new_from_json, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * hc_client_get_grading_model_finish:
 *
 * Returns: (transfer full): the version with its factors and ETag
 */
HcGradingModel *
hc_client_get_grading_model_finish (HcClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_get_grading_model_async, error);
}

/* POST /grading/models */

/**
 * hc_client_create_grading_model_async:
 * @based_on: the version to copy; 0 for the published one
 * @title: (nullable): the draft's title
 */
void
hc_client_create_grading_model_async (HcClient            *self,
                                      gint64               based_on,
                                      const char          *title,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  json_builder_begin_object (builder);
  if (based_on > 0)
    {
      json_builder_set_member_name (builder, "based_on");
      json_builder_add_int_value (builder, based_on);
    }
  if (title != NULL)
    {
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, title);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  _hc_client_call_etag_async (self, hc_client_create_grading_model_async, "POST", "/grading/models", body, NULL,
                              (HcAnswerWithEtag) hc_grading_model_new_from_json, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * hc_client_create_grading_model_finish:
 *
 * Returns: (transfer full): the new draft (HC_CLIENT_ERROR_CONFLICT,
 *   draft_exists, while another draft exists)
 */
HcGradingModel *
hc_client_create_grading_model_finish (HcClient      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_create_grading_model_async, error);
}

/* PATCH /grading/models/{id} */

/**
 * hc_client_edit_grading_model_async:
 * @model: the draft as read (its id and ETag)
 * @title: (nullable): the draft's title; %NULL keeps it
 * @base_score: the base score
 * @bands: the lowest score of A, B and C
 * @weights: (array length=n_weights): the factors' weights
 */
void
hc_client_edit_grading_model_async (HcClient            *self,
                                    HcGradingModel      *model,
                                    const char          *title,
                                    gint64               base_score,
                                    const gint64         bands[3],
                                    const HcGradeWeight *weights,
                                    guint                n_weights,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (HC_IS_GRADING_MODEL (model));
  g_return_if_fail (bands != NULL);

  json_builder_begin_object (builder);
  if (title != NULL)
    {
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, title);
    }
  json_builder_set_member_name (builder, "base_score");
  json_builder_add_int_value (builder, base_score);
  json_builder_set_member_name (builder, "bands");
  json_builder_begin_object (builder);
  for (guint i = 0; i < 3; i++)
    {
      const char key[2] = { (char) ('A' + i), '\0' };

      json_builder_set_member_name (builder, key);
      json_builder_add_int_value (builder, bands[i]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "weights");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_weights; i++)
    {
      json_builder_set_member_name (builder, weights[i].factor);
      json_builder_add_int_value (builder, weights[i].weight);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT, hc_grading_model_get_id (model));
  _hc_client_call_etag_async (self, hc_client_edit_grading_model_async, "PATCH", path, body,
                              hc_grading_model_get_etag (model),
                              (HcAnswerWithEtag) hc_grading_model_new_from_json, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * hc_client_edit_grading_model_finish:
 *
 * Returns: (transfer full): the draft after (HC_CLIENT_ERROR_INVALID with
 *   the field for a refused value)
 */
HcGradingModel *
hc_client_edit_grading_model_finish (HcClient      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_edit_grading_model_async, error);
}

/* GET /grading/models/{id}/preview */

void
hc_client_preview_grading_model_async (HcClient            *self,
                                       gint64               id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id > 0);

  path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT "/preview", id);
  _hc_client_call_async (self, hc_client_preview_grading_model_async, "GET", path, NULL,
                         (HcItemFromJson) hc_grading_pass_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

/**
 * hc_client_preview_grading_model_finish:
 *
 * Returns: (transfer full): what publishing the version would give
 */
HcGradingPass *
hc_client_preview_grading_model_finish (HcClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_preview_grading_model_async, error);
}

/* POST /grading/models/{id}/publish */

static gpointer
regrading_from_json (JsonObject *obj,
                     const char *etag)
{
  JsonNode *pass = json_object_get_member (obj, "regrading");

  return pass != NULL && JSON_NODE_HOLDS_OBJECT (pass) ? hc_grading_pass_new_from_json (json_node_get_object (pass))
                                                       : NULL;
}

/**
 * hc_client_publish_grading_model_async:
 * @model: the draft as read (its id and ETag)
 */
void
hc_client_publish_grading_model_async (HcClient            *self,
                                       HcGradingModel      *model,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (HC_IS_GRADING_MODEL (model));

  path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT "/publish", hc_grading_model_get_id (model));
  _hc_client_call_etag_async (self, hc_client_publish_grading_model_async, "POST", path, NULL,
                              hc_grading_model_get_etag (model),
                              (HcAnswerWithEtag) regrading_from_json, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * hc_client_publish_grading_model_finish:
 *
 * Returns: (transfer full): the regrading the publish made
 */
HcGradingPass *
hc_client_publish_grading_model_finish (HcClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_publish_grading_model_async, error);
}

/* GET /grading/distribution */

static gpointer
distribution_from_json (JsonObject *obj)
{
  g_autoptr(GListStore) store = g_list_store_new (HC_TYPE_GRADE_SHARE);
  JsonNode *node = json_object_get_member (obj, "by_region");
  JsonArray *rows;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  rows = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row = json_array_get_element (rows, i);
      g_autoptr(HcGradeShare) share = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (row) ||
          (share = hc_grade_share_new_from_json (json_node_get_object (row))) == NULL)
        return NULL;
      g_list_store_append (store, share);
    }
  return g_steal_pointer (&store);
}

void
hc_client_get_grade_distribution_async (HcClient            *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));

  _hc_client_call_async (self, hc_client_get_grade_distribution_async, "GET", "/grading/distribution", NULL,
                         distribution_from_json, g_object_unref, cancellable, callback, user_data);
}

/**
 * hc_client_get_grade_distribution_finish:
 *
 * Returns: (transfer full): the grades in force of each 市县
 *   (HcGradeShare, its count of subjects without a grade left out), or
 *   %NULL with @error set
 */
GListModel *
hc_client_get_grade_distribution_finish (HcClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_get_grade_distribution_async, error);
}

/* DELETE /grading/models/{id} */

/**
 * hc_client_discard_grading_model_async:
 * @model: the draft as the user saw it (its ETag is sent as If-Match)
 *
 * Throws the draft away; published versions stay. Fails with
 * %HC_CLIENT_ERROR_PRECONDITION_FAILED when it changed meanwhile.
 */
void
hc_client_discard_grading_model_async (HcClient            *self,
                                       HcGradingModel      *model,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (HC_IS_GRADING_MODEL (model));

  path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT, hc_grading_model_get_id (model));
  _hc_client_delete_versioned_async (self, hc_client_discard_grading_model_async, path,
                                     hc_grading_model_get_etag (model), cancellable, callback, user_data);
}

gboolean
hc_client_discard_grading_model_finish (HcClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _hc_client_boolean_finish (self, result, hc_client_discard_grading_model_async, error);
}
