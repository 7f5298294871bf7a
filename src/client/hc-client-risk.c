/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's risk monitoring calls: the heat map matrix and the risk events
 * behind it (GET /risk/heatmap, GET /risk/events), and the early warning's
 * alerts (GET /risk/alerts, acknowledge, close). */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"
#include "hc-risk-alert.h"
#include "hc-risk-event.h"

/* GET /risk/heatmap */

void
hc_client_get_heatmap_async (HcClient            *self,
                             const char          *by,
                             const char          *from,
                             const char          *to,
                             const char          *category,
                             const char          *measure,
                             const char          *normalize,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/risk/heatmap");

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (by != NULL);

  _hc_client_query_add (path, "by", by);
  _hc_client_query_add (path, "from", from);
  _hc_client_query_add (path, "to", to);
  _hc_client_query_add (path, "category", category);
  _hc_client_query_add (path, "measure", measure);
  _hc_client_query_add (path, "normalize", normalize);
  _hc_client_call_async (self, hc_client_get_heatmap_async, "GET", path->str, NULL,
                         (HcItemFromJson) hc_heatmap_new_from_json, (GDestroyNotify) hc_heatmap_unref,
                         cancellable, callback, user_data);
}

HcHeatmap *
hc_client_get_heatmap_finish (HcClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_get_heatmap_async, error);
}

/* GET /risk/heatmap/cells */

char *
hc_client_heatmap_cells_path (const char *by,
                              const char *from,
                              const char *to,
                              const char *category)
{
  GString *path = g_string_new ("/risk/heatmap/cells");

  g_return_val_if_fail (by != NULL, NULL);

  _hc_client_query_add (path, "by", by);
  _hc_client_query_add (path, "from", from);
  _hc_client_query_add (path, "to", to);
  _hc_client_query_add (path, "category", category);
  return g_string_free (path, FALSE);
}

/**
 * hc_client_grade_regions_path:
 *
 * Returns: (transfer full): the path of the grades in force by 市县 as a
 *   listing (GET /grading/distribution/regions), for the heat map's export
 *   when it shows the credit grades
 */
char *
hc_client_grade_regions_path (void)
{
  return g_strdup ("/grading/distribution/regions");
}

/* GET /risk/events */

void
hc_client_list_risk_events_async (HcClient            *self,
                                  const char          *region,
                                  const char          *category,
                                  const char          *from,
                                  const char          *to,
                                  guint                limit,
                                  const char          *cursor,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/risk/events");

  g_return_if_fail (HC_IS_CLIENT (self));

  _hc_client_query_add (path, "region", region);
  _hc_client_query_add (path, "category", category);
  _hc_client_query_add (path, "from", from);
  _hc_client_query_add (path, "to", to);
  _hc_client_query_add_page (path, cursor, limit, FALSE);
  _hc_client_call_page_async (self, hc_client_list_risk_events_async, path->str, HC_TYPE_RISK_EVENT,
                              (HcItemFromJson) hc_risk_event_new_from_json, FALSE,
                              cancellable, callback, user_data);
}

/**
 * hc_client_list_risk_events_finish:
 * Returns: (transfer full): an #HcPage of #HcRiskEvent (total -1)
 */
HcPage *
hc_client_list_risk_events_finish (HcClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_risk_events_async, error);
}

/* GET /risk/alerts */

/**
 * hc_client_list_risk_alerts_async:
 * @state: (nullable): "open" (raised or acknowledged), "raised",
 *   "acknowledged", "closed", or NULL for all
 * @region: (nullable): a 市县's GB/T 2260 code, or NULL for all
 * @want_total: whether the page carries the number of alerts that match
 *
 * A page of early-warning alerts, newest first.
 */
void
hc_client_list_risk_alerts_async (HcClient            *self,
                                  const char          *state,
                                  const char          *region,
                                  guint                limit,
                                  const char          *cursor,
                                  gboolean             want_total,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/risk/alerts");

  g_return_if_fail (HC_IS_CLIENT (self));

  _hc_client_query_add (path, "state", state);
  _hc_client_query_add (path, "region", region);
  _hc_client_query_add_page (path, cursor, limit, want_total);
  _hc_client_call_page_async (self, hc_client_list_risk_alerts_async, path->str, HC_TYPE_RISK_ALERT,
                              (HcItemFromJson) hc_risk_alert_new_from_json, FALSE,
                              cancellable, callback, user_data);
}

/**
 * hc_client_list_risk_alerts_finish:
 * Returns: (transfer full): an #HcPage of #HcRiskAlert
 */
HcPage *
hc_client_list_risk_alerts_finish (HcClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_risk_alerts_async, error);
}

/* POST /risk/alerts/{id}/acknowledge and …/close */

static void
move_risk_alert (HcClient            *self,
                 gpointer             source_tag,
                 HcRiskAlert         *alert,
                 const char          *verb,
                 const char          *note,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  json_builder_begin_object (builder);
  if (note != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, note);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = g_strdup_printf ("/risk/alerts/%" G_GINT64_FORMAT "/%s", hc_risk_alert_get_id (alert), verb);
  _hc_client_call_etag_async (self, source_tag, "POST", path, body, hc_risk_alert_get_etag (alert),
                              (HcAnswerWithEtag) hc_risk_alert_new_with_etag, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * hc_client_acknowledge_risk_alert_async:
 * @alert: the alert as the user saw it (its ETag is sent as If-Match)
 * @note: what is being done about it (required by the server)
 *
 * Acknowledges a raised alert. Fails with %HC_CLIENT_ERROR_INVALID (field
 * "note") for an empty or too long note, %HC_CLIENT_ERROR_CONFLICT when the
 * alert was acknowledged or closed already and
 * %HC_CLIENT_ERROR_PRECONDITION_FAILED when it changed since it was read.
 */
void
hc_client_acknowledge_risk_alert_async (HcClient            *self,
                                        HcRiskAlert         *alert,
                                        const char          *note,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (HC_IS_RISK_ALERT (alert));

  move_risk_alert (self, hc_client_acknowledge_risk_alert_async, alert, "acknowledge",
                   note ? note : "", cancellable, callback, user_data);
}

/**
 * hc_client_acknowledge_risk_alert_finish:
 * Returns: (transfer full): the alert as it is now, with its ETag
 */
HcRiskAlert *
hc_client_acknowledge_risk_alert_finish (HcClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_acknowledge_risk_alert_async, error);
}

/**
 * hc_client_close_risk_alert_async:
 * @note: (nullable): why it is closed
 *
 * Closes an open alert (a supervisor's step); fails as
 * hc_client_acknowledge_risk_alert_async() does, and with
 * %HC_CLIENT_ERROR_FORBIDDEN for an analyst.
 */
void
hc_client_close_risk_alert_async (HcClient            *self,
                                  HcRiskAlert         *alert,
                                  const char          *note,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (HC_IS_RISK_ALERT (alert));

  move_risk_alert (self, hc_client_close_risk_alert_async, alert, "close", note,
                   cancellable, callback, user_data);
}

HcRiskAlert *
hc_client_close_risk_alert_finish (HcClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_close_risk_alert_async, error);
}

/* POST /risk/events */

/**
 * hc_client_create_risk_event_async:
 * @draft: the event as typed; copied before this returns
 *
 * Records a risk event (the server then judges the warning rules that
 * watch its category and 市县). A value the server refuses fails with
 * %HC_CLIENT_ERROR_INVALID and the field it names
 * (hc_client_error_get_field()): "region", "occurred_on", "category",
 * "severity", "title", "description" or "subject" (no market subject has
 * that identifier).
 */
void
hc_client_create_risk_event_async (HcClient                 *self,
                                   const HcRiskEventDraft   *draft,
                                   GCancellable             *cancellable,
                                   GAsyncReadyCallback       callback,
                                   gpointer                  user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (draft != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, draft->region ? draft->region : "");
  json_builder_set_member_name (builder, "occurred_on");
  json_builder_add_string_value (builder, draft->occurred_on ? draft->occurred_on : "");
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, draft->category ? draft->category : "");
  json_builder_set_member_name (builder, "severity");
  json_builder_add_int_value (builder, draft->severity);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, draft->title ? draft->title : "");
  if (draft->description != NULL && *draft->description != '\0')
    {
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, draft->description);
    }
  if (draft->subject != NULL && *draft->subject != '\0')
    {
      json_builder_set_member_name (builder, "subject");
      json_builder_add_string_value (builder, draft->subject);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _hc_client_call_async (self, hc_client_create_risk_event_async, "POST", "/risk/events", body,
                         (HcItemFromJson) hc_risk_event_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

/**
 * hc_client_create_risk_event_finish:
 * Returns: (transfer full): the event recorded
 */
HcRiskEvent *
hc_client_create_risk_event_finish (HcClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_create_risk_event_async, error);
}

/* GET /risk/rules */

/* The rules in force are a handful (the demo has four): one page. */
#define RULES_PAGE 200

void
hc_client_list_risk_rules_async (HcClient            *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/risk/rules");

  g_return_if_fail (HC_IS_CLIENT (self));

  _hc_client_query_add_page (path, NULL, RULES_PAGE, FALSE);
  _hc_client_call_page_async (self, hc_client_list_risk_rules_async, path->str, HC_TYPE_RISK_RULE,
                              (HcItemFromJson) hc_risk_rule_new_from_json, TRUE,
                              cancellable, callback, user_data);
}

/**
 * hc_client_list_risk_rules_finish:
 * Returns: (transfer full): a #GListModel of #HcRiskRule, newest first
 */
GListModel *
hc_client_list_risk_rules_finish (HcClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_risk_rules_async, error);
}

/* POST /risk/rules and PATCH /risk/rules/{id} */

/**
 * hc_client_save_risk_rule_async:
 * @rule: (nullable): the rule as the user saw it (its ETag is sent as
 *   If-Match), or %NULL for a new rule
 * @draft: the rule as typed; copied before this returns
 *
 * Adds a rule, or writes @draft over @rule (every member, the region null
 * for every 市县). A value the server refuses fails with
 * %HC_CLIENT_ERROR_INVALID and the field it names
 * (hc_client_error_get_field()): "category", "region", "kind",
 * "window_months" or "threshold"; an analyst gets
 * %HC_CLIENT_ERROR_FORBIDDEN, a rule changed meanwhile
 * %HC_CLIENT_ERROR_PRECONDITION_FAILED.
 */
void
hc_client_save_risk_rule_async (HcClient              *self,
                                HcRiskRule            *rule,
                                const HcRiskRuleDraft *draft,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (rule == NULL || HC_IS_RISK_RULE (rule));
  g_return_if_fail (draft != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, draft->category ? draft->category : "");
  json_builder_set_member_name (builder, "region");
  if (draft->region != NULL && *draft->region != '\0')
    json_builder_add_string_value (builder, draft->region);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, draft->kind ? draft->kind : "");
  json_builder_set_member_name (builder, "window_months");
  json_builder_add_int_value (builder, draft->window_months);
  json_builder_set_member_name (builder, "threshold");
  json_builder_add_double_value (builder, draft->threshold);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  if (rule != NULL)
    path = g_strdup_printf ("/risk/rules/%" G_GINT64_FORMAT, hc_risk_rule_get_id (rule));
  _hc_client_call_etag_async (self, hc_client_save_risk_rule_async, rule ? "PATCH" : "POST",
                              path ? path : "/risk/rules", body, rule ? hc_risk_rule_get_etag (rule) : NULL,
                              (HcAnswerWithEtag) hc_risk_rule_new_with_etag, g_object_unref,
                              cancellable, callback, user_data);
}

/**
 * hc_client_save_risk_rule_finish:
 * Returns: (transfer full): the rule as it is now, with its ETag
 */
HcRiskRule *
hc_client_save_risk_rule_finish (HcClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_save_risk_rule_async, error);
}

/* DELETE /risk/rules/{id} */

/**
 * hc_client_delete_risk_rule_async:
 * @rule: the rule as the user saw it (its ETag is sent as If-Match)
 *
 * Takes the rule out of force; the alerts it raised stay. Fails with
 * %HC_CLIENT_ERROR_FORBIDDEN for an analyst and
 * %HC_CLIENT_ERROR_PRECONDITION_FAILED when it changed meanwhile.
 */
void
hc_client_delete_risk_rule_async (HcClient            *self,
                                  HcRiskRule          *rule,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (HC_IS_RISK_RULE (rule));

  path = g_strdup_printf ("/risk/rules/%" G_GINT64_FORMAT, hc_risk_rule_get_id (rule));
  _hc_client_delete_versioned_async (self, hc_client_delete_risk_rule_async, path,
                                     hc_risk_rule_get_etag (rule), cancellable, callback, user_data);
}

gboolean
hc_client_delete_risk_rule_finish (HcClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _hc_client_boolean_finish (self, result, hc_client_delete_risk_rule_async, error);
}
