/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's typed calls for the indicators of 表1: list, detail, report, review. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hc-client-private.h"
#include "hc-indicator-summary.h"

static char *
indicator_path (const char *key,
                const char *rest)
{
  g_autofree char *escaped = g_uri_escape_string (key, NULL, FALSE);

  return g_strconcat ("/indicators/", escaped, rest, NULL);
}

/* GET /indicators?year= */

/**
 * hc_client_list_indicators_async:
 * @year: 2021–2025, or 0 for the server's current year of the plan
 *
 * Lists the 22 indicators judged for @year; finish gives a GListModel of
 * HcIndicatorSummary in the plan's order.
 */
void
hc_client_list_indicators_async (HcClient            *self,
                                 int                  year,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/indicators");

  g_return_if_fail (HC_IS_CLIENT (self));

  if (year > 0)
    _hc_client_query_add_int (path, "year", year);
  _hc_client_call_page_async (self, hc_client_list_indicators_async, path->str, HC_TYPE_INDICATOR_SUMMARY,
                              (HcItemFromJson) hc_indicator_summary_new_from_json, TRUE,
                              cancellable, callback, user_data);
}

GListModel *
hc_client_list_indicators_finish (HcClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_indicators_async, error);
}

/* GET /indicators/{key} */

void
hc_client_get_indicator_async (HcClient            *self,
                               const char          *key,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (key != NULL);

  path = indicator_path (key, NULL);
  _hc_client_call_async (self, hc_client_get_indicator_async, "GET", path, NULL,
                         (HcItemFromJson) hc_indicator_detail_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

HcIndicatorDetail *
hc_client_get_indicator_finish (HcClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_get_indicator_async, error);
}

/* PUT /indicators/{key}/values/{year} and POST …/review: both complete with
 * the written value's new ETag. */

static gpointer
etag_of (JsonObject *obj,
         const char *etag)
{
  return g_strdup (etag);
}

/**
 * hc_client_submit_indicator_value_async:
 * @region: (nullable): a 市县's GB/T 2260 code, or NULL for the province
 * @etag: (nullable): the ETag of the value replaced; needed to replace an
 *   approved value
 *
 * Reports @value for @year of a reported indicator with its @evidence; the
 * value then awaits review. Finish gives the value's new ETag.
 */
void
hc_client_submit_indicator_value_async (HcClient            *self,
                                        const char          *key,
                                        int                  year,
                                        const char          *region,
                                        double               value,
                                        const char          *evidence,
                                        const char          *etag,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (evidence != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_double_value (builder, value);
  json_builder_set_member_name (builder, "evidence");
  json_builder_add_string_value (builder, evidence);
  if (region != NULL && *region != '\0')
    {
      json_builder_set_member_name (builder, "region");
      json_builder_add_string_value (builder, region);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  rest = g_strdup_printf ("/values/%d", year);
  path = indicator_path (key, rest);
  _hc_client_call_etag_async (self, hc_client_submit_indicator_value_async, "PUT", path, body, etag,
                              etag_of, g_free, cancellable, callback, user_data);
}

char *
hc_client_submit_indicator_value_finish (HcClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_submit_indicator_value_async, error);
}

/**
 * hc_client_review_indicator_value_async:
 * @region: (nullable): a 市县's GB/T 2260 code, or NULL for the province
 * @etag: the ETag of the submitted value
 * @comment: (nullable): required to return the value
 *
 * Approves or returns a submitted value. Finish gives its new ETag.
 */
void
hc_client_review_indicator_value_async (HcClient            *self,
                                        const char          *key,
                                        int                  year,
                                        const char          *region,
                                        const char          *etag,
                                        gboolean             approve,
                                        const char          *comment,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (etag != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "decision");
  json_builder_add_string_value (builder, approve ? "approve" : "return");
  if (region != NULL && *region != '\0')
    {
      json_builder_set_member_name (builder, "region");
      json_builder_add_string_value (builder, region);
    }
  if (comment != NULL)
    {
      json_builder_set_member_name (builder, "comment");
      json_builder_add_string_value (builder, comment);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  rest = g_strdup_printf ("/values/%d/review", year);
  path = indicator_path (key, rest);
  _hc_client_call_etag_async (self, hc_client_review_indicator_value_async, "POST", path, body, etag,
                              etag_of, g_free, cancellable, callback, user_data);
}

char *
hc_client_review_indicator_value_finish (HcClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_review_indicator_value_async, error);
}

/* GET /indicator-reviews */

/**
 * hc_client_list_indicator_reviews_async:
 * @state: "submitted" (awaiting review) or "returned"
 * @mine: only the values the signed-in user submitted
 *
 * The review queue across indicators, 市县 and years, oldest submission
 * first; finish gives a GListModel of HcIndicatorReview.
 */
void
hc_client_list_indicator_reviews_async (HcClient            *self,
                                        const char          *state,
                                        gboolean             mine,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/indicator-reviews");

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (state != NULL);

  _hc_client_query_add (path, "state", state);
  if (mine)
    _hc_client_query_add (path, "mine", "1");
  _hc_client_call_page_async (self, hc_client_list_indicator_reviews_async, path->str, HC_TYPE_INDICATOR_REVIEW,
                              (HcItemFromJson) hc_indicator_review_new_from_json, TRUE,
                              cancellable, callback, user_data);
}

GListModel *
hc_client_list_indicator_reviews_finish (HcClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_indicator_reviews_async, error);
}

/* PUT /indicators/{key}/region-target */

/**
 * hc_client_set_indicator_region_target_async:
 * @region: (nullable): one 市县's GB/T 2260 code, or NULL for all of them
 * @target: the target the 市县 are held to, in the indicator's values
 * @warning_gap: how far short of @target is still 预警 (further: 未达标)
 * @etag: (nullable): the ETag of the target replaced; needed once one is set
 *
 * Sets the province's rule for its 市县 (部门和市县目标管理). Finish
 * gives the target's new ETag.
 */
void
hc_client_set_indicator_region_target_async (HcClient            *self,
                                             const char          *key,
                                             const char          *region,
                                             double               target,
                                             double               warning_gap,
                                             const char          *etag,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (key != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "target");
  json_builder_add_double_value (builder, target);
  json_builder_set_member_name (builder, "warning_gap");
  json_builder_add_double_value (builder, warning_gap);
  if (region != NULL && *region != '\0')
    {
      json_builder_set_member_name (builder, "region");
      json_builder_add_string_value (builder, region);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = indicator_path (key, "/region-target");
  _hc_client_call_etag_async (self, hc_client_set_indicator_region_target_async, "PUT", path, body, etag,
                              etag_of, g_free, cancellable, callback, user_data);
}

char *
hc_client_set_indicator_region_target_finish (HcClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_set_indicator_region_target_async, error);
}

/* GET /indicators/{key}/values/{year}/records */

/**
 * hc_client_indicator_records_path:
 * @records: a computed value's records link, as the server gives it
 *
 * Returns: (transfer full): the listing's path with the most rows the
 *   server lists (1,000), for the list and for its export
 */
char *
hc_client_indicator_records_path (const char *records)
{
  g_return_val_if_fail (records != NULL, NULL);
  return g_strconcat (records, strchr (records, '?') ? "&" : "?", "limit=1000", NULL);
}

/**
 * hc_client_list_indicator_records_async:
 * @records: a computed value's records link (HcIndicatorYear.records)
 *
 * The records behind a computed value; finish gives a GListModel of
 * HcIndicatorRecord.
 */
void
hc_client_list_indicator_records_async (HcClient            *self,
                                        const char          *records,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (records != NULL && records[0] == '/');

  path = hc_client_indicator_records_path (records);
  _hc_client_call_page_async (self, hc_client_list_indicator_records_async, path, HC_TYPE_INDICATOR_RECORD,
                              (HcItemFromJson) hc_indicator_record_new_from_json, TRUE,
                              cancellable, callback, user_data);
}

GListModel *
hc_client_list_indicator_records_finish (HcClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_indicator_records_async, error);
}

/* GET /indicators/report.pdf?year=, saved to a file */

/**
 * hc_client_save_indicator_table_async:
 * @year: 2021–2025
 * @dest: where the PDF goes
 *
 * Saves the year's Table 1 (表1) as a PDF to @dest.
 */
void
hc_client_save_indicator_table_async (HcClient            *self,
                                      int                  year,
                                      GFile               *dest,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (G_IS_FILE (dest));

  path = g_strdup_printf ("/indicators/report.pdf?year=%d", year);
  _hc_client_download_to_file_async (self, hc_client_save_indicator_table_async, path, dest,
                                     cancellable, callback, user_data);
}

gboolean
hc_client_save_indicator_table_finish (HcClient      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _hc_client_boolean_finish (self, result, hc_client_save_indicator_table_async, error);
}
