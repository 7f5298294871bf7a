/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 风险事件: recording a risk event, with the subject and department it
 * names resolved and checked; the early warning (预警) it may set off, and
 * the life of an alert (raised → acknowledged → closed). */
#define G_LOG_DOMAIN "hcs-risk"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hc-core.h"
#include "hcs-errors.h"
#include "hcs-risk.h"
#include "hcs-store-audit.h"

/* The subject named by @identifier as typed (USCC or ID number, in any case,
 * with spaces or full-width characters): its id, 0 when unknown, -1 on error. */
static gint64
find_subject (HcsStore    *store,
              const char  *identifier,
              GError     **error)
{
  g_autofree char *uscc = hc_uscc_normalize (identifier);
  g_autofree char *id_number = hc_id_number_normalize (identifier);
  gint64 id = hcs_store_risk_find_subject (store, identifier, error);

  if (id == 0 && uscc != NULL)
    id = hcs_store_risk_find_subject (store, uscc, error);
  if (id == 0 && id_number != NULL)
    id = hcs_store_risk_find_subject (store, id_number, error);
  return id;
}

/**
 * hcs_risk_create_event:
 * @event: the event, checked for form; its subject_id is set here
 * @subject: (nullable): the subject's identifier as typed; "" for none
 * @has_department: whether @event names a department (to be checked)
 * @after: (out) (transfer full): the event recorded
 *
 * Returns: the event's id, or 0 with @error set (HCS_ERROR
 *   unknown_subject, unknown_department; or a store error)
 */
gint64
hcs_risk_create_event (HcsStore          *store,
                       HcsRiskEventNew   *event,
                       const char        *subject,
                       gboolean           has_department,
                       JsonObject       **after,
                       GError           **error)
{
  g_autoptr(GError) local = NULL;
  gint64 id;

  if (subject != NULL && *subject != '\0')
    {
      event->subject_id = find_subject (store, subject, error);
      if (event->subject_id < 0)
        return 0;
      if (event->subject_id == 0)
        {
          hcs_error_set (error, HCS_ERR_UNKNOWN_SUBJECT, "subject",
                         _("No market subject has the identifier “%s”."), subject);
          return 0;
        }
    }
  if (has_department && !hcs_store_risk_department_exists (store, event->department_id, &local))
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        hcs_error_set (error, HCS_ERR_UNKNOWN_DEPARTMENT, "department_id",
                       _("There is no department with this id."));
      return 0;
    }
  id = hcs_store_risk_insert (store, event, error);
  if (id <= 0 || (*after = hcs_store_risk_get (store, id, error)) == NULL ||
      !hcs_risk_evaluate (store, event->region, event->category,
                          json_object_get_string_member (*after, "month"), NULL, error))
    return 0;
  return id;
}

/* Months as a count since year 0, for arithmetic on YYYY-MM. */
static int
month_index (const char *month)
{
  return (int) g_ascii_strtoll (month, NULL, 10) * 12 + (int) g_ascii_strtoll (month + 5, NULL, 10) - 1;
}

static char *
month_text (int index)
{
  return g_strdup_printf ("%04d-%02d", index / 12, index % 12 + 1);
}

/* Judges one rule for @region over the window of its months that ends with
 * @month: the figure, and whether it crosses the rule's line. FALSE with
 * @error on a storage error; *@fires FALSE when there is nothing to judge
 * (no enterprises to divide by, no events in the window before). */
static gboolean
judge_rule (HcsStore         *store,
            JsonObject       *rule,
            const char       *region,
            const char       *month,
            HcsRiskAlertNew  *alert,
            char            **from_text,
            gboolean         *fires,
            GError          **error)
{
  const char *kind = json_object_get_string_member (rule, "kind");
  int window = (int) json_object_get_int_member (rule, "window_months");
  int last = month_index (month);
  g_autofree char *to_text = month_text (last);
  gint64 events, base;

  *fires = FALSE;
  *from_text = month_text (last - window + 1);
  events = hcs_store_risk_window_events (store, region, alert->category, *from_text, to_text, error);
  if (events < 0)
    return FALSE;
  alert->events = events;
  alert->threshold = json_object_get_double_member (rule, "threshold");
  if (g_str_equal (kind, "threshold"))
    {
      /* Events per 10,000 enterprises of the 市县 over the window. */
      if ((base = hcs_store_risk_enterprises (store, region, error)) < 0)
        return FALSE;
      if (base == 0)
        return TRUE;
      alert->value = (double) events * 10000.0 / (double) base;
    }
  else
    {
      /* The rise against the window before, in percent. */
      g_autofree char *before_from = month_text (last - 2 * window + 1);
      g_autofree char *before_to = month_text (last - window);

      if ((base = hcs_store_risk_window_events (store, region, alert->category, before_from, before_to, error)) < 0)
        return FALSE;
      if (base == 0)
        return TRUE;
      alert->value = (double) (events - base) * 100.0 / (double) base;
    }
  *fires = alert->value >= alert->threshold;
  return TRUE;
}

/* Records @alert and its audit entry (risk_alert.raise, by the system).
 * Returns: the alert's id, 0 with @error set */
static gint64
raise_alert (HcsStore         *store,
             HcsRiskAlertNew  *alert,
             GError          **error)
{
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonNode) after_node = NULL;
  g_autofree char *id_text = NULL;
  gint64 id;

  if ((id = hcs_store_risk_alerts_insert (store, alert, error)) == 0 ||
      (after = hcs_store_risk_alerts_get (store, id, error)) == NULL)
    return 0;
  after_node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (after_node, after);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (!hcs_store_audit_record (store, NULL, "risk_alert.raise", "risk_alert", id_text,
                               NULL, after_node, error))
    return 0;
  return id;
}

/**
 * hcs_risk_evaluate:
 * @month: YYYY-MM, the month an event arrived for
 * @n_raised: (out) (optional): how many alerts were raised
 *
 * Judges every rule in force that watches @category in @region over the
 * window that ends with @month, and raises an alert for each rule crossed
 * that has none open for @region yet: a stream of events that stays above
 * the line raises one alert, not one per event. Each alert raised has its
 * audit entry (risk_alert.raise, by the system). Runs in the caller's
 * transaction.
 *
 * Returns: %FALSE with @error set on a storage error
 */
gboolean
hcs_risk_evaluate (HcsStore    *store,
                   const char  *region,
                   const char  *category,
                   const char  *month,
                   guint       *n_raised,
                   GError     **error)
{
  g_autoptr(JsonArray) rules = NULL;
  guint raised = 0;

  g_return_val_if_fail (store != NULL && region != NULL && category != NULL && month != NULL, FALSE);

  if ((rules = hcs_store_risk_rules_matching (store, category, region, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *rule = json_array_get_object_element (rules, i);
      HcsRiskAlertNew alert = { 0 };
      g_autofree char *from_text = NULL;
      gboolean fires;
      gint64 open;

      alert.rule_id = json_object_get_int_member (rule, "id");
      alert.region = region;
      alert.category = category;
      alert.kind = json_object_get_string_member (rule, "kind");
      alert.window_to = month;
      if (!judge_rule (store, rule, region, month, &alert, &from_text, &fires, error))
        return FALSE;
      if (!fires)
        continue;
      if ((open = hcs_store_risk_alerts_open_id (store, alert.rule_id, region, error)) < 0)
        return FALSE;
      if (open > 0)
        continue;
      alert.window_from = from_text;
      if (raise_alert (store, &alert, error) == 0)
        return FALSE;
      raised++;
    }
  if (n_raised != NULL)
    *n_raised = raised;
  return TRUE;
}

/* Marks the open @alert as no longer called for by its edited rule, or
 * takes the mark away when the rule calls for it again; audited as
 * risk_alert.lapse or risk_alert.lapse_cleared (by the system), with the
 * alert before and after. */
static gboolean
mark_lapsed (HcsStore      *store,
             JsonObject    *alert,
             gboolean       lapsed,
             const double  *value,
             double         threshold,
             GError       **error)
{
  gint64 id = json_object_get_int_member (alert, "id");
  gboolean was = json_object_get_string_member_with_default (alert, "lapsed_at", NULL) != NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonNode) before_node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) after_node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (!lapsed && !was)
    return TRUE;
  if (!hcs_store_risk_alerts_set_lapsed (store, id, lapsed, value, threshold, error) ||
      (after = hcs_store_risk_alerts_get (store, id, error)) == NULL)
    return FALSE;
  json_node_set_object (before_node, alert);
  json_node_set_object (after_node, after);
  return hcs_store_audit_record (store, NULL, lapsed ? "risk_alert.lapse" : "risk_alert.lapse_cleared",
                                 "risk_alert", id_text, before_node, after_node, error);
}

typedef struct
{
  gboolean fires;
  gboolean has_value;
  double   value;
} Judgement;

/**
 * hcs_risk_rejudge_rule:
 * @rule: the rule as it now stands, just created or edited
 * @summary: (out) (transfer full): what was found — window_from and
 *   window_to (absent when no risk event has been recorded yet), raised
 *   (the ids of the alerts raised) and no_longer_met (the ids of the open
 *   alerts marked)
 *
 * Judges @rule at once over the current window — the window of its months
 * that ends with the last month, up to this one, with any risk event (the
 * month the heat map shows last) — in every 市县 it watches. It raises the
 * alerts it calls for that are not open yet (risk_alert.raise); the rule's
 * open alerts that it no longer calls for (their 市县 below its new line,
 * with nothing to judge, or no longer watched) are neither deleted nor
 * closed: they stay open for a person to close, marked lapsed with the
 * figure and the new line (risk_alert.lapse); an open alert the rule calls
 * for again loses the mark. Runs in the caller's transaction.
 *
 * Returns: %FALSE with @error set on a storage error
 */
gboolean
hcs_risk_rejudge_rule (HcsStore     *store,
                       JsonObject   *rule,
                       JsonObject  **summary,
                       GError      **error)
{
  gint64 rule_id = json_object_get_int_member (rule, "id");
  const char *category = json_object_get_string_member (rule, "category");
  const char *watched = json_object_get_string_member_with_default (rule, "region", NULL);
  double threshold = json_object_get_double_member (rule, "threshold");
  g_autoptr(GDateTime) now = hc_hainan_now ();
  g_autofree char *this_month = g_date_time_format (now, "%Y-%m");
  g_autofree char *last = NULL;
  g_autofree char *window_from = NULL;
  g_autoptr(JsonArray) open = NULL;
  g_autoptr(JsonArray) raised = json_array_new ();
  g_autoptr(JsonArray) lapsed = json_array_new ();
  Judgement judged[HC_N_REGIONS] = { { 0 } };
  const HcRegion *regions;
  guint n_regions;

  *summary = NULL;
  if (!hcs_store_risk_latest_month (store, this_month, &last, error) ||
      (open = hcs_store_risk_alerts_open_of_rule (store, rule_id, error)) == NULL)
    return FALSE;

  regions = hc_regions_get_all (&n_regions);
  g_assert (n_regions <= HC_N_REGIONS);
  for (guint i = 0; i < n_regions && last != NULL; i++)
    {
      HcsRiskAlertNew alert = { 0 };
      g_autofree char *from_text = NULL;
      gint64 open_id;

      if (watched != NULL && !g_str_equal (watched, regions[i].code))
        continue;
      alert.rule_id = rule_id;
      alert.region = regions[i].code;
      alert.category = category;
      alert.kind = json_object_get_string_member (rule, "kind");
      alert.window_to = last;
      alert.value = NAN;
      if (!judge_rule (store, rule, regions[i].code, last, &alert, &from_text, &judged[i].fires, error))
        return FALSE;
      judged[i].has_value = !isnan (alert.value);
      judged[i].value = alert.value;
      if (window_from == NULL)
        window_from = g_strdup (from_text);
      if (!judged[i].fires)
        continue;
      if ((open_id = hcs_store_risk_alerts_open_id (store, rule_id, regions[i].code, error)) < 0)
        return FALSE;
      if (open_id > 0)
        continue;
      alert.window_from = from_text;
      if ((open_id = raise_alert (store, &alert, error)) == 0)
        return FALSE;
      json_array_add_int_element (raised, open_id);
    }

  /* The open alerts as they were before: still called for, or not. */
  for (guint a = 0; a < json_array_get_length (open); a++)
    {
      JsonObject *alert = json_array_get_object_element (open, a);
      const HcRegion *region = hc_region_lookup (json_object_get_string_member (alert, "region"));
      Judgement *j = region != NULL ? &judged[hc_region_index (region)] : NULL;

      if (j != NULL && j->fires)
        {
          if (!mark_lapsed (store, alert, FALSE, NULL, threshold, error))
            return FALSE;
          continue;
        }
      if (!mark_lapsed (store, alert, TRUE, j != NULL && j->has_value ? &j->value : NULL, threshold, error))
        return FALSE;
      json_array_add_int_element (lapsed, json_object_get_int_member (alert, "id"));
    }

  *summary = json_object_new ();
  if (last != NULL && window_from != NULL)
    {
      json_object_set_string_member (*summary, "window_from", window_from);
      json_object_set_string_member (*summary, "window_to", last);
    }
  json_object_set_array_member (*summary, "raised", g_steal_pointer (&raised));
  json_object_set_array_member (*summary, "no_longer_met", g_steal_pointer (&lapsed));
  return TRUE;
}

/**
 * hcs_risk_alert_move:
 * @version: the version the caller read (If-Match); another one is STALE
 * @state: "acknowledged" (from raised only, with a @note) or "closed" (from
 *   raised or acknowledged; @note optional)
 * @before: (out) (transfer full): the alert before
 * @after: (out) (transfer full): the alert after
 *
 * Returns: %FALSE with @error set: HCS_ERROR illegal_transition when the
 *   alert's state does not allow the move, a store error (NOT_FOUND,
 *   STALE) otherwise
 */
gboolean
hcs_risk_alert_move (HcsStore     *store,
                     gint64        id,
                     gint64        version,
                     const char   *state,
                     const char   *by,
                     const char   *note,
                     JsonObject  **before,
                     JsonObject  **after,
                     GError      **error)
{
  const char *now;

  if ((*before = hcs_store_risk_alerts_get (store, id, error)) == NULL)
    return FALSE;
  if (version != json_object_get_int_member (*before, "version"))
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_STALE, "risk alert %" G_GINT64_FORMAT " has changed", id);
      return FALSE;
    }
  now = json_object_get_string_member (*before, "state");
  if (g_str_equal (state, "acknowledged") && !g_str_equal (now, "raised"))
    {
      hcs_error_set (error, HCS_ERR_ILLEGAL_TRANSITION, "state",
                     _("This alert is no longer new: it was acknowledged or closed already."));
      return FALSE;
    }
  if (g_str_equal (state, "closed") && g_str_equal (now, "closed"))
    {
      hcs_error_set (error, HCS_ERR_ILLEGAL_TRANSITION, "state", _("This alert is closed already."));
      return FALSE;
    }
  return hcs_store_risk_alerts_set_state (store, id, version, state, by, note, error) &&
         (*after = hcs_store_risk_alerts_get (store, id, error)) != NULL;
}
