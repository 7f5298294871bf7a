/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /risk/rules and /risk/alerts: the heat map's early warning (预警). A rule
 * watches a risk category (in one 市县 or all) over a window of months; the
 * events that cross it raise an alert, which an analyst acknowledges with a
 * note and a supervisor closes. */
#define G_LOG_DOMAIN "hcs-route-risk-alerts"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-risk.h"
#include "hcs-routes.h"
#include "hcs-store-risk-alerts.h"
#include "hcs-write.h"

#define MAX_NOTE 2000

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gboolean
check_region (HcsRequest *req,
              const char *region,
              guint       status,
              const char *code)
{
  if (region == NULL || hc_region_lookup (region) != NULL)
    return TRUE;
  hcs_request_reply_error (req, status, code, "region",
                           _("“%s” is not the GB/T 2260 code of one of Hainan’s 19 cities and counties."),
                           region);
  return FALSE;
}

/* Rules ------------------------------------------------------------------ */

static void
list_rules (HcsRequest *req)
{
  g_auto(HcsPage) page = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 total = -1;
  JsonArray *rows;

  if (!hcs_request_page (req, &page))
    return;
  rows = hcs_store_risk_rules_list (hcs_request_get_store (req), &page, page.want_total ? &total : NULL, &error);
  if (rows == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_rows (req, rows, &page, NULL, total);
}

static void
get_rule (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonObject *rule;
  gint64 id;

  if (!hcs_request_path_id (req, "id", _("There is no such warning rule."), &id))
    return;
  if ((rule = hcs_store_risk_rules_get (hcs_request_get_store (req), id, &error)) == NULL)
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "id", _("There is no such warning rule."));
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_set_etag (req, json_object_get_int_member (rule, "version"));
  hcs_request_reply_object (req, SOUP_STATUS_OK, rule);
}

/* Checks a rule as it would be written; answers the first value that is
 * wrong (with its field) and returns FALSE. */
static gboolean
check_rule (HcsRequest     *req,
            HcsRiskRuleNew *rule)
{
  HcRiskCategory cat;

  if (rule->region != NULL && *rule->region == '\0')
    rule->region = NULL;
  if (!hc_risk_category_from_key (rule->category, &cat))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_CATEGORY, "category",
                               _("“%s” is not a risk category."), rule->category);
      return FALSE;
    }
  if (!check_region (req, rule->region, HCS_ERR_INVALID_REGION))
    return FALSE;
  if (!g_str_equal (rule->kind, "threshold") && !g_str_equal (rule->kind, "rise"))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_KIND, "kind",
                               _("A warning rule is a threshold (events per 10,000 enterprises) or a rise (percent over the window before)."));
      return FALSE;
    }
  if (rule->window_months < 1 || rule->window_months > 24)
    {
      hcs_request_reply_error (req, HCS_ERR_VALUE_OUT_OF_RANGE, "window_months",
                               _("The window is from 1 to 24 months."));
      return FALSE;
    }
  if (!(rule->threshold > 0) || rule->threshold > 1e9)
    {
      hcs_request_reply_error (req, HCS_ERR_VALUE_OUT_OF_RANGE, "threshold",
                               _("The threshold must be a number above zero."));
      return FALSE;
    }
  return TRUE;
}

static void
create_rule (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  JsonObject *body = hcs_request_json_object (req);
  HcsRiskRuleNew rule = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) rejudged = NULL;
  g_autofree char *id_str = NULL;
  gint64 id = 0;

  if (body == NULL ||
      !hcs_request_field_string (req, body, "category", HCS_FIELD_REQUIRED, &rule.category) ||
      !hcs_request_field_string (req, body, "region", HCS_FIELD_NULLABLE, &rule.region) ||
      !hcs_request_field_string (req, body, "kind", HCS_FIELD_REQUIRED, &rule.kind) ||
      !hcs_request_field_int (req, body, "window_months", HCS_FIELD_REQUIRED, &rule.window_months) ||
      !hcs_request_field_double (req, body, "threshold", HCS_FIELD_REQUIRED, &rule.threshold) ||
      !check_rule (req, &rule))
    return;
  rule.created_by = hcs_request_get_actor (req)->username;

  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (id = hcs_store_risk_rules_insert (store, &rule, &error)) == 0 ||
      (after = hcs_store_risk_rules_get (store, id, &error)) == NULL ||
      !hcs_risk_rejudge_rule (store, after, &rejudged, &error) ||
      !hcs_write_commit (w, "risk_rule.create", "risk_rule", (id_str = id_text (id)), NULL, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  json_object_set_object_member (after, "rejudged", g_steal_pointer (&rejudged));
  hcs_request_set_etag (req, json_object_get_int_member (after, "version"));
  hcs_request_reply_object (req, SOUP_STATUS_CREATED, g_steal_pointer (&after));
}

/* PATCH /risk/rules/{id}: the members given replace the rule's (region
 * null or "" for every 市县); what is left is checked as a new rule is.
 * The rule's alerts keep the line they were raised against; the rule as it
 * is now judges the current window at once (hcs_risk_rejudge_rule: alerts
 * raised, open ones it no longer calls for marked, in the same
 * transaction), and the events from now on. */
static void
edit_rule (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  JsonObject *body = hcs_request_json_object (req);
  static const char * const fields[] = { "category", "region", "kind", "window_months", "threshold" };
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) rejudged = NULL;
  g_autofree char *id_str = NULL;
  HcsRiskRuleNew rule = { 0 };
  gboolean any = FALSE;
  gint64 id, version;

  if (!hcs_request_path_id (req, "id", _("There is no such warning rule."), &id) || body == NULL ||
      !hcs_request_if_match (req, &version))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    any |= json_object_has_member (body, fields[i]);
  if (!any)
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "category",
                               _("Give what changes: category, region, kind, window_months or threshold."));
      return;
    }
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (before = hcs_store_risk_rules_get (store, id, &error)) == NULL)
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "id", _("There is no such warning rule."));
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  version = hcs_request_if_match_version (req, before);
  if (version != json_object_get_int_member (before, "version"))
    {
      hcs_request_reply_error (req, HCS_ERR_STALE, NULL,
                               _("Someone changed this warning rule since you read it; read it again."));
      return;
    }
  rule.category = json_object_get_string_member (before, "category");
  rule.region = json_object_get_string_member_with_default (before, "region", NULL);
  rule.kind = json_object_get_string_member (before, "kind");
  rule.window_months = json_object_get_int_member (before, "window_months");
  rule.threshold = json_object_get_double_member (before, "threshold");
  if (json_object_has_member (body, "region"))
    rule.region = NULL;
  if (!hcs_request_field_string (req, body, "category", HCS_FIELD_OPTIONAL, &rule.category) ||
      !hcs_request_field_string (req, body, "region", HCS_FIELD_NULLABLE, &rule.region) ||
      !hcs_request_field_string (req, body, "kind", HCS_FIELD_OPTIONAL, &rule.kind) ||
      !hcs_request_field_int (req, body, "window_months", HCS_FIELD_OPTIONAL, &rule.window_months) ||
      !hcs_request_field_double (req, body, "threshold", HCS_FIELD_OPTIONAL, &rule.threshold) ||
      !check_rule (req, &rule))
    return;
  if (!hcs_store_risk_rules_update (store, id, version, &rule, &error) ||
      (after = hcs_store_risk_rules_get (store, id, &error)) == NULL ||
      !hcs_risk_rejudge_rule (store, after, &rejudged, &error) ||
      !hcs_write_commit (w, "risk_rule.update", "risk_rule", (id_str = id_text (id)), before, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  json_object_set_object_member (after, "rejudged", g_steal_pointer (&rejudged));
  hcs_request_set_etag (req, json_object_get_int_member (after, "version"));
  hcs_request_reply_object (req, SOUP_STATUS_OK, g_steal_pointer (&after));
}

static void
delete_rule (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *id_str = NULL;
  gint64 id, version;

  if (!hcs_request_path_id (req, "id", _("There is no such warning rule."), &id) ||
      !hcs_request_if_match (req, &version))
    return;
  if ((w = hcs_write_begin (req, &error)) != NULL &&
      (before = hcs_store_risk_rules_get (store, id, &error)) != NULL)
    version = hcs_request_if_match_version (req, before);
  if (w == NULL || before == NULL ||
      !hcs_store_risk_rules_retire (store, id, version, &error) ||
      !hcs_write_commit (w, "risk_rule.delete", "risk_rule", (id_str = id_text (id)), before, NULL, &error))
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "id", _("There is no such warning rule."));
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_no_content (req);
}

/* Alerts ----------------------------------------------------------------- */

static void
list_alerts (HcsRequest *req)
{
  static const char * const states[] = { "open", "raised", "acknowledged", "closed", NULL };
  g_auto(HcsPage) page = { 0 };
  g_autoptr(GError) error = NULL;
  const char *state = hcs_request_query (req, "state");
  const char *region = hcs_request_query (req, "region");
  gint64 total = -1;
  JsonArray *rows;

  if (!hcs_request_page (req, &page))
    return;
  if (state != NULL && !g_strv_contains (states, state))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "state",
                               _("The state is open, raised, acknowledged or closed."));
      return;
    }
  if (!check_region (req, region, HCS_ERR_INVALID_PARAMETER))
    return;
  rows = hcs_store_risk_alerts_list (hcs_request_get_store (req), state, region, &page,
                                     page.want_total ? &total : NULL, &error);
  if (rows == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_rows (req, rows, &page, NULL, total);
}

static void
get_alert (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonObject *alert;
  gint64 id;

  if (!hcs_request_path_id (req, "id", _("There is no such alert."), &id))
    return;
  if ((alert = hcs_store_risk_alerts_get (hcs_request_get_store (req), id, &error)) == NULL)
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "id", _("There is no such alert."));
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_set_etag (req, json_object_get_int_member (alert, "version"));
  hcs_request_reply_object (req, SOUP_STATUS_OK, alert);
}

/* POST /risk/alerts/{id}/acknowledge and …/close */
static void
move_alert (HcsRequest *req,
            const char *state,
            const char *action)
{
  HcsStore *store = hcs_request_get_store (req);
  JsonObject *body = hcs_request_json_object (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) current = NULL;
  g_autofree char *id_str = NULL;
  g_autofree char *note = NULL;
  const char *note_in = NULL;
  gboolean need_note = g_str_equal (state, "acknowledged");
  gint64 id, version;

  if (!hcs_request_path_id (req, "id", _("There is no such alert."), &id) || body == NULL ||
      !hcs_request_field_string (req, body, "note", HCS_FIELD_OPTIONAL | HCS_FIELD_MULTILINE, &note_in) ||
      !hcs_request_if_match (req, &version))
    return;
  /* Which alert, at which version, before what is asked of it. */
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (current = hcs_store_risk_alerts_get (store, id, &error)) == NULL)
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "id", _("There is no such alert."));
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  version = hcs_request_if_match_version (req, current);
  if (version != json_object_get_int_member (current, "version"))
    {
      hcs_request_reply_error (req, HCS_ERR_STALE, NULL,
                               _("Someone changed this alert since you read it; read it again."));
      return;
    }
  note = g_strstrip (g_strdup (note_in ? note_in : ""));
  if (need_note && *note == '\0')
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_COMMENT, "note",
                               _("Say in a note what is being done about this alert."));
      return;
    }
  if (!g_utf8_validate (note, -1, NULL) || g_utf8_strlen (note, -1) > MAX_NOTE)
    {
      hcs_request_reply_error (req, HCS_ERR_TOO_LONG, "note", _("The note must be at most %d characters."), MAX_NOTE);
      return;
    }
  if (!hcs_risk_alert_move (store, id, version, state, hcs_request_get_actor (req)->username,
                            *note != '\0' ? note : NULL, &before, &after, &error) ||
      !hcs_write_commit (w, action, "risk_alert", (id_str = id_text (id)), before, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_set_etag (req, json_object_get_int_member (after, "version"));
  hcs_request_reply_object (req, SOUP_STATUS_OK, g_steal_pointer (&after));
}

static void
acknowledge_alert (HcsRequest *req)
{
  move_alert (req, "acknowledged", "risk_alert.acknowledge");
}

static void
close_alert (HcsRequest *req)
{
  move_alert (req, "closed", "risk_alert.close");
}

static const HcsRoute routes[] = {
  { "GET",    "/risk/rules",                    list_rules,        HCS_ACCESS_ANALYST },
  { "POST",   "/risk/rules",                    create_rule,       HCS_ACCESS_SUPERVISOR },
  { "GET",    "/risk/rules/{id}",               get_rule,          HCS_ACCESS_ANALYST },
  { "PATCH",  "/risk/rules/{id}",               edit_rule,         HCS_ACCESS_SUPERVISOR },
  { "DELETE", "/risk/rules/{id}",               delete_rule,       HCS_ACCESS_SUPERVISOR },
  { "GET",    "/risk/alerts",                   list_alerts,       HCS_ACCESS_ANALYST },
  { "GET",    "/risk/alerts/{id}",              get_alert,         HCS_ACCESS_ANALYST },
  { "POST",   "/risk/alerts/{id}/acknowledge",  acknowledge_alert, HCS_ACCESS_ANALYST },
  { "POST",   "/risk/alerts/{id}/close",        close_alert,       HCS_ACCESS_SUPERVISOR },
};

void
hcs_routes_risk_alerts_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
