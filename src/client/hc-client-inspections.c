/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's 双随机、一公开 calls: plans (list, read, create), a plan's draw
 * (and a redraw with its reason), the inspections of a draw, and an
 * inspection's result (/inspections). */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include "hc-client-private.h"
#include "hc-inspection.h"
#include "hc-inspection-plan.h"
#include "hc-inspector.h"

#define MAX_INSPECTIONS 1000

/* GET /inspections/plans */

void
hc_client_list_inspection_plans_async (HcClient            *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));

  _hc_client_call_page_async (self, hc_client_list_inspection_plans_async, "/inspections/plans?limit=1000",
                              HC_TYPE_INSPECTION_PLAN, (HcItemFromJson) hc_inspection_plan_new_from_json, TRUE,
                              cancellable, callback, user_data);
}

/**
 * hc_client_list_inspection_plans_finish:
 *
 * Returns: (transfer full): the plans (HcInspectionPlan), newest first, or
 *   %NULL with @error set
 */
GListModel *
hc_client_list_inspection_plans_finish (HcClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_inspection_plans_async, error);
}

/* GET /inspections/plans/{id} */

void
hc_client_get_inspection_plan_async (HcClient            *self,
                                     gint64               id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  path = g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT, id);
  _hc_client_call_async (self, hc_client_get_inspection_plan_async, "GET", path, NULL,
                         (HcItemFromJson) hc_inspection_plan_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

/**
 * hc_client_get_inspection_plan_finish:
 *
 * Returns: (transfer full): the plan with its inspectors and draws, or
 *   %NULL with @error set
 */
HcInspectionPlan *
hc_client_get_inspection_plan_finish (HcClient      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_get_inspection_plan_async, error);
}

/* GET /inspections/inspectors */

/**
 * hc_client_list_inspectors_async:
 * @department_id: the plan's department
 *
 * The users of the department a supervisor may pick as inspectors.
 */
void
hc_client_list_inspectors_async (HcClient            *self,
                                 gint64               department_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  path = g_strdup_printf ("/inspections/inspectors?department_id=%" G_GINT64_FORMAT, department_id);
  _hc_client_call_page_async (self, hc_client_list_inspectors_async, path, HC_TYPE_INSPECTOR,
                              (HcItemFromJson) hc_inspector_new_from_json, TRUE, cancellable, callback, user_data);
}

/**
 * hc_client_list_inspectors_finish:
 *
 * Returns: (transfer full): the department's users (HcInspector) by user
 *   name, active or not, or %NULL with @error set
 */
GListModel *
hc_client_list_inspectors_finish (HcClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_inspectors_async, error);
}

/* POST /inspections/plans */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/**
 * hc_client_create_inspection_plan_async:
 * @fields: the plan; its ratios in percent, its inspectors' user names
 *
 * The server checks it all and answers, with the field, what is wrong.
 */
void
hc_client_create_inspection_plan_async (HcClient                     *self,
                                        const HcInspectionPlanFields *fields,
                                        GCancellable                 *cancellable,
                                        GAsyncReadyCallback           callback,
                                        gpointer                      user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (fields != NULL);

  json_builder_begin_object (builder);
  add_string (builder, "title", fields->title ? fields->title : "");
  json_builder_set_member_name (builder, "department_id");
  json_builder_add_int_value (builder, fields->department_id);
  add_string (builder, "region", fields->region);
  add_string (builder, "industry", fields->industry);
  add_string (builder, "subject_type", fields->subject_type);
  json_builder_set_member_name (builder, "ratios");
  json_builder_begin_object (builder);
  for (int g = 0; g < 4; g++)
    {
      const char member[] = { (char) ('A' + g), '\0' };

      json_builder_set_member_name (builder, member);
      json_builder_add_double_value (builder, fields->ratios[g]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "inspectors");
  json_builder_begin_array (builder);
  for (guint i = 0; fields->inspectors != NULL && fields->inspectors[i] != NULL; i++)
    json_builder_add_string_value (builder, fields->inspectors[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "exclusion_days");
  json_builder_add_int_value (builder, fields->exclusion_days);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _hc_client_call_async (self, hc_client_create_inspection_plan_async, "POST", "/inspections/plans", body,
                         (HcItemFromJson) hc_inspection_plan_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

/**
 * hc_client_create_inspection_plan_finish:
 *
 * Returns: (transfer full): the new plan, or %NULL with @error set
 */
HcInspectionPlan *
hc_client_create_inspection_plan_finish (HcClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_create_inspection_plan_async, error);
}

/* POST and DELETE /inspections/plans/{id}/conflicts */

/**
 * hc_client_add_inspection_conflict_async:
 * @inspector: the user name of one of the plan's inspectors
 * @subject: the subject's 统一社会信用代码 or ID number
 * @reason: why the inspector may not inspect it
 *
 * Declares a conflict before the plan is drawn (the server refuses it
 * after, and says why).
 */
void
hc_client_add_inspection_conflict_async (HcClient            *self,
                                         gint64               plan_id,
                                         const char          *inspector,
                                         const char          *subject,
                                         const char          *reason,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "inspector");
  json_builder_add_string_value (builder, inspector ? inspector : "");
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, subject ? subject : "");
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason ? reason : "");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  path = g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT "/conflicts", plan_id);
  _hc_client_call_async (self, hc_client_add_inspection_conflict_async, "POST", path, body,
                         (HcItemFromJson) hc_inspection_plan_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

/**
 * hc_client_add_inspection_conflict_finish:
 *
 * Returns: (transfer full): the plan with its conflicts, or %NULL with
 *   @error set
 */
HcInspectionPlan *
hc_client_add_inspection_conflict_finish (HcClient      *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_add_inspection_conflict_async, error);
}

/* Withdraws a declared conflict before the plan is drawn. */
void
hc_client_remove_inspection_conflict_async (HcClient            *self,
                                            gint64               plan_id,
                                            const char          *inspector,
                                            const char          *subject,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autofree char *who = NULL;
  g_autofree char *whom = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (inspector != NULL && subject != NULL);

  who = g_uri_escape_string (inspector, NULL, FALSE);
  whom = g_uri_escape_string (subject, NULL, FALSE);
  path = g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT "/conflicts?inspector=%s&subject=%s", plan_id, who,
                          whom);
  _hc_client_call_async (self, hc_client_remove_inspection_conflict_async, "DELETE", path, NULL,
                         (HcItemFromJson) hc_inspection_plan_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

/**
 * hc_client_remove_inspection_conflict_finish:
 *
 * Returns: (transfer full): the plan with its conflicts, or %NULL with
 *   @error set
 */
HcInspectionPlan *
hc_client_remove_inspection_conflict_finish (HcClient      *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_remove_inspection_conflict_async, error);
}

/* POST /inspections/plans/{id}/draw */

/**
 * hc_client_draw_inspection_plan_async:
 * @reason: (nullable): why a drawn plan is drawn again; %NULL for its
 *   first draw
 */
void
hc_client_draw_inspection_plan_async (HcClient            *self,
                                      gint64               id,
                                      const char          *reason,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  json_builder_begin_object (builder);
  add_string (builder, "reason", reason);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  path = g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT "/draw", id);
  _hc_client_call_async (self, hc_client_draw_inspection_plan_async, "POST", path, body,
                         (HcItemFromJson) hc_inspection_plan_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

/**
 * hc_client_draw_inspection_plan_finish:
 *
 * Returns: (transfer full): the plan after the draw, or %NULL with @error set
 */
HcInspectionPlan *
hc_client_draw_inspection_plan_finish (HcClient      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_draw_inspection_plan_async, error);
}

/* GET /inspections/plans/{id}/inspections */

/**
 * hc_client_inspections_path:
 *
 * Returns: (transfer full): the listing of the inspections of the plan's
 *   final draw, what hc_client_export_async() exports for the field teams
 */
char *
hc_client_inspections_path (gint64 plan_id)
{
  return g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT "/inspections", plan_id);
}

void
hc_client_list_inspections_async (HcClient            *self,
                                  gint64               plan_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *base = NULL;
  g_autoptr(GString) path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  base = hc_client_inspections_path (plan_id);
  path = g_string_new (base);
  _hc_client_query_add_page (path, NULL, MAX_INSPECTIONS, FALSE);
  _hc_client_call_page_async (self, hc_client_list_inspections_async, path->str, HC_TYPE_INSPECTION,
                              (HcItemFromJson) hc_inspection_new_from_json, FALSE, cancellable, callback, user_data);
}

/**
 * hc_client_list_inspections_finish:
 *
 * Returns: (transfer full): the first page (up to 1,000) of the plan's
 *   inspections (HcInspection) in draw order, or %NULL with @error set
 */
HcPage *
hc_client_list_inspections_finish (HcClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_inspections_async, error);
}

/* POST /inspections/{id}/result */

/**
 * hc_client_record_inspection_result_async:
 * @result: pass, rectify or fail
 * @note: (nullable): what was found (needed for rectify and fail)
 */
void
hc_client_record_inspection_result_async (HcClient            *self,
                                          gint64               id,
                                          const char          *result,
                                          const char          *note,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (result != NULL);

  json_builder_begin_object (builder);
  add_string (builder, "result", result);
  add_string (builder, "note", note);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  path = g_strdup_printf ("/inspections/%" G_GINT64_FORMAT "/result", id);
  _hc_client_call_async (self, hc_client_record_inspection_result_async, "POST", path, body,
                         (HcItemFromJson) hc_inspection_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

/**
 * hc_client_record_inspection_result_finish:
 *
 * Returns: (transfer full): the inspection with its result, or %NULL with
 *   @error set
 */
HcInspection *
hc_client_record_inspection_result_finish (HcClient      *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_record_inspection_result_async, error);
}

/* GET /inspections/publicity */

/**
 * hc_client_inspection_publicity_path:
 * @region: (nullable): a 市县 code, %NULL for all of Hainan
 * @result: (nullable): pass, rectify or fail, %NULL for all
 *
 * Returns: (transfer full): the listing of published results (一公开) with
 *   these filters, what hc_client_export_async() exports
 */
char *
hc_client_inspection_publicity_path (const char *region,
                                     const char *result)
{
  GString *path = g_string_new ("/inspections/publicity");

  _hc_client_query_add (path, "region", region);
  _hc_client_query_add (path, "result", result);
  return g_string_free (path, FALSE);
}

void
hc_client_list_inspection_publicity_async (HcClient            *self,
                                           const char          *region,
                                           const char          *result,
                                           const char          *cursor,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autofree char *base = NULL;
  g_autoptr(GString) path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  base = hc_client_inspection_publicity_path (region, result);
  path = g_string_new (base);
  _hc_client_query_add_page (path, cursor, 200, FALSE);
  _hc_client_call_page_async (self, hc_client_list_inspection_publicity_async, path->str, HC_TYPE_INSPECTION,
                              (HcItemFromJson) hc_inspection_new_from_json, FALSE, cancellable, callback, user_data);
}

/**
 * hc_client_list_inspection_publicity_finish:
 *
 * Returns: (transfer full): a page (up to 200) of published results
 *   (HcInspection), newest first, or %NULL with @error set
 */
HcPage *
hc_client_list_inspection_publicity_finish (HcClient      *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_inspection_publicity_async, error);
}
