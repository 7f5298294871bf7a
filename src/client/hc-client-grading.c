/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's 公共信用综合评价 calls: a subject's grade and its override
 * (GET /subjects/{identifier}/grade, POST …/grade/override). */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include "hc-client-private.h"
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
