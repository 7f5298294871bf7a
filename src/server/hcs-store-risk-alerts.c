/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for the heat map's early warning (预警): rules, the window figures
 * they are judged on, and the alerts they raise. */
#define G_LOG_DOMAIN "hcs-store-risk-alerts"

#include "config.h"

#include "hcs-store-private.h"
#include "hcs-store-risk-alerts.h"

/* A row of @sql for @id, NOT_FOUND when there is none. */
static JsonObject *
get_by_id (HcsStore    *store,
           const char  *sql,
           gint64       id,
           GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  return hcs_store_get_object (store, stmt, error);
}

/* Rules ------------------------------------------------------------------ */

#define RULE_COLUMNS \
  "id, category, region, kind, window_months, threshold, created_by, created_at, version"

static const char SQL_RULES[] =
  "SELECT " RULE_COLUMNS " FROM risk_rules WHERE active = 1 AND (?1 = 0 OR id < ?1)"
  " ORDER BY id DESC LIMIT ?2";
static const char SQL_RULES_COUNT[] = "SELECT count(*) FROM risk_rules WHERE active = 1";
static const char SQL_RULE[] = "SELECT " RULE_COLUMNS " FROM risk_rules WHERE id = ?1 AND active = 1";

/* Returns: (transfer full): up to @page->limit + 1 rules in force, newest first */
JsonArray *
hcs_store_risk_rules_list (HcsStore       *store,
                           const HcsPage  *page,
                           gint64         *total,
                           GError        **error)
{
  HcsStmt *stmt;

  if (total != NULL && (*total = hcs_store_count_filtered (store, SQL_RULES_COUNT, NULL, 0, error)) < 0)
    return NULL;
  if ((stmt = hcs_store_prepare (store, SQL_RULES, error)) == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, MAX (page->after_id, 0));
  hcs_stmt_bind_int64 (stmt, 2, (gint64) page->limit + 1);
  return hcs_store_rows_array (store, stmt, 0, error);
}

JsonObject *
hcs_store_risk_rules_get (HcsStore  *store,
                          gint64     id,
                          GError   **error)
{
  return get_by_id (store, SQL_RULE, id, error);
}

static const char SQL_RULE_INSERT[] =
  "INSERT INTO risk_rules (category, region, kind, window_months, threshold, created_by, created_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

/* Returns: the new rule's id, 0 on error */
gint64
hcs_store_risk_rules_insert (HcsStore              *store,
                             const HcsRiskRuleNew  *rule,
                             GError               **error)
{
  g_autofree char *now = hcs_now_iso ();
  HcsStmt *stmt = hcs_store_prepare (store, SQL_RULE_INSERT, error);

  if (stmt == NULL)
    return 0;
  hcs_store_bind_text (stmt, 1, rule->category);
  hcs_store_bind_text (stmt, 2, rule->region);
  hcs_store_bind_text (stmt, 3, rule->kind);
  hcs_stmt_bind_int64 (stmt, 4, rule->window_months);
  hcs_stmt_bind_double (stmt, 5, rule->threshold);
  hcs_store_bind_text (stmt, 6, rule->created_by);
  hcs_store_bind_text (stmt, 7, now);
  return hcs_store_insert (store, stmt, error);
}

static const char SQL_RULE_UPDATE[] =
  "UPDATE risk_rules SET category = ?3, region = ?4, kind = ?5, window_months = ?6, threshold = ?7,"
  " version = version + 1 WHERE id = ?1 AND version = ?2 AND active = 1";
static const char SQL_RULE_EXISTS[] = "SELECT 1 FROM risk_rules WHERE id = ?1 AND active = 1";

/* Writes @rule's category, region, kind, window and threshold over the
 * rule's (its creator stays); STALE at another version, NOT_FOUND when
 * there is none in force. */
gboolean
hcs_store_risk_rules_update (HcsStore              *store,
                             gint64                 id,
                             gint64                 version,
                             const HcsRiskRuleNew  *rule,
                             GError               **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_RULE_UPDATE, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_stmt_bind_int64 (stmt, 2, version);
  hcs_store_bind_text (stmt, 3, rule->category);
  hcs_store_bind_text (stmt, 4, rule->region);
  hcs_store_bind_text (stmt, 5, rule->kind);
  hcs_stmt_bind_int64 (stmt, 6, rule->window_months);
  hcs_stmt_bind_double (stmt, 7, rule->threshold);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;
  if (hcs_store_changes (store) > 0)
    return TRUE;
  return hcs_store_check_versioned_update (store, SQL_RULE_EXISTS, id, error);
}

static const char SQL_RULE_RETIRE[] =
  "UPDATE risk_rules SET active = 0, version = version + 1 WHERE id = ?1 AND version = ?2 AND active = 1";

/* Takes the rule out of force (its alerts stay); STALE at another version,
 * NOT_FOUND when there is none in force. */
gboolean
hcs_store_risk_rules_retire (HcsStore  *store,
                             gint64     id,
                             gint64     version,
                             GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_RULE_RETIRE, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_stmt_bind_int64 (stmt, 2, version);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;
  if (hcs_store_changes (store) > 0)
    return TRUE;
  return hcs_store_check_versioned_update (store, SQL_RULE_EXISTS, id, error);
}

static const char SQL_RULES_MATCHING[] =
  "SELECT " RULE_COLUMNS " FROM risk_rules"
  " WHERE active = 1 AND category = ?1 AND (region IS NULL OR region = ?2) ORDER BY id";

/* Returns: (transfer full): the rules in force that watch @category in @region */
JsonArray *
hcs_store_risk_rules_matching (HcsStore    *store,
                               const char  *category,
                               const char  *region,
                               GError     **error)
{
  const HcsStoreValue where[] = { HCS_STORE_TEXT (category), HCS_STORE_TEXT (region) };
  HcsStmt *stmt = hcs_store_prepare (store, SQL_RULES_MATCHING, error);

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_filter (stmt, where, G_N_ELEMENTS (where));
  return hcs_store_rows_array (store, stmt, 0, error);
}

/* Figures ---------------------------------------------------------------- */

static const char SQL_WINDOW_EVENTS[] =
  "SELECT coalesce (sum (events), 0) FROM risk_rollup"
  " WHERE region = ?1 AND category = ?2 AND month >= ?3 AND month <= ?4";

/* Returns: the events of @category in @region from @from_month to
 * @to_month (inclusive), or -1 with @error set */
gint64
hcs_store_risk_window_events (HcsStore    *store,
                              const char  *region,
                              const char  *category,
                              const char  *from_month,
                              const char  *to_month,
                              GError     **error)
{
  const HcsStoreValue where[] = { HCS_STORE_TEXT (region), HCS_STORE_TEXT (category),
                                  HCS_STORE_TEXT (from_month), HCS_STORE_TEXT (to_month) };

  return hcs_store_count_filtered (store, SQL_WINDOW_EVENTS, where, G_N_ELEMENTS (where), error);
}

static const char SQL_ENTERPRISES[] =
  "SELECT count(*) FROM subjects WHERE region = ?1 AND type <> 'natural_person'";

/* Returns: the enterprises (法人和非法人组织) registered in @region, or -1 */
gint64
hcs_store_risk_enterprises (HcsStore    *store,
                            const char  *region,
                            GError     **error)
{
  const HcsStoreValue where[] = { HCS_STORE_TEXT (region) };

  return hcs_store_count_filtered (store, SQL_ENTERPRISES, where, G_N_ELEMENTS (where), error);
}

static const char SQL_LATEST_MONTH[] =
  "SELECT max (month) AS month FROM risk_rollup WHERE month <= ?1";

/* The last month up to @upto (YYYY-MM) with a risk event of any kind:
 * *@month NULL when there is none. FALSE with @error on a storage error. */
gboolean
hcs_store_risk_latest_month (HcsStore    *store,
                             const char  *upto,
                             char       **month,
                             GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_LATEST_MONTH, error);
  g_autoptr(JsonObject) row = NULL;

  *month = NULL;
  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, upto);
  if ((row = hcs_store_get_object (store, stmt, error)) == NULL)
    return FALSE;
  *month = g_strdup (json_object_get_string_member_with_default (row, "month", NULL));
  return TRUE;
}

/* Alerts ----------------------------------------------------------------- */

#define ALERT_COLUMNS \
  "id, rule_id, region, category, kind, state, window_from, window_to, events, value, threshold," \
  " raised_at, acknowledged_by, acknowledged_at, note, closed_by, closed_at, lapsed_at, lapsed_value," \
  " lapsed_threshold, version"

static const char SQL_ALERT_OPEN[] =
  "SELECT coalesce ((SELECT id FROM risk_alerts WHERE rule_id = ?1 AND region = ?2 AND state <> 'closed'), 0)";

/* Returns: the id of the rule's open alert for @region, 0 when none, -1 on error */
gint64
hcs_store_risk_alerts_open_id (HcsStore    *store,
                               gint64       rule_id,
                               const char  *region,
                               GError     **error)
{
  const HcsStoreValue where[] = { HCS_STORE_INT (rule_id), HCS_STORE_TEXT (region) };

  return hcs_store_count_filtered (store, SQL_ALERT_OPEN, where, G_N_ELEMENTS (where), error);
}

static const char SQL_ALERT_INSERT[] =
  "INSERT INTO risk_alerts (rule_id, region, category, kind, window_from, window_to, events, value,"
  " threshold, raised_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

/* Returns: the new alert's id, 0 on error */
gint64
hcs_store_risk_alerts_insert (HcsStore               *store,
                              const HcsRiskAlertNew  *alert,
                              GError                **error)
{
  g_autofree char *now = hcs_now_iso ();
  HcsStmt *stmt = hcs_store_prepare (store, SQL_ALERT_INSERT, error);

  if (stmt == NULL)
    return 0;
  hcs_stmt_bind_int64 (stmt, 1, alert->rule_id);
  hcs_store_bind_text (stmt, 2, alert->region);
  hcs_store_bind_text (stmt, 3, alert->category);
  hcs_store_bind_text (stmt, 4, alert->kind);
  hcs_store_bind_text (stmt, 5, alert->window_from);
  hcs_store_bind_text (stmt, 6, alert->window_to);
  hcs_stmt_bind_int64 (stmt, 7, alert->events);
  hcs_stmt_bind_double (stmt, 8, alert->value);
  hcs_stmt_bind_double (stmt, 9, alert->threshold);
  hcs_store_bind_text (stmt, 10, now);
  return hcs_store_insert (store, stmt, error);
}

/* ?1 a state, or 'open' for raised and acknowledged, or NULL for all */
#define ALERT_FILTER \
  " WHERE (?1 IS NULL OR state = ?1 OR (?1 = 'open' AND state <> 'closed'))" \
  " AND (?2 IS NULL OR region = ?2)"

static const char SQL_ALERTS[] =
  "SELECT " ALERT_COLUMNS " FROM risk_alerts" ALERT_FILTER
  " AND (?3 = 0 OR id < ?3) ORDER BY id DESC LIMIT ?4";
static const char SQL_ALERTS_COUNT[] = "SELECT count(*) FROM risk_alerts" ALERT_FILTER;

/* Returns: (transfer full): up to @page->limit + 1 alerts, newest first */
JsonArray *
hcs_store_risk_alerts_list (HcsStore       *store,
                            const char     *state,
                            const char     *region,
                            const HcsPage  *page,
                            gint64         *total,
                            GError        **error)
{
  const HcsStoreValue where[] = { HCS_STORE_TEXT (state), HCS_STORE_TEXT (region) };
  HcsStmt *stmt;

  if (total != NULL &&
      (*total = hcs_store_count_filtered (store, SQL_ALERTS_COUNT, where, G_N_ELEMENTS (where), error)) < 0)
    return NULL;
  if ((stmt = hcs_store_prepare (store, SQL_ALERTS, error)) == NULL)
    return NULL;
  hcs_store_bind_filter (stmt, where, G_N_ELEMENTS (where));
  hcs_stmt_bind_int64 (stmt, 3, MAX (page->after_id, 0));
  hcs_stmt_bind_int64 (stmt, 4, (gint64) page->limit + 1);
  return hcs_store_rows_array (store, stmt, 0, error);
}

static const char SQL_ALERT[] = "SELECT " ALERT_COLUMNS " FROM risk_alerts WHERE id = ?1";

JsonObject *
hcs_store_risk_alerts_get (HcsStore  *store,
                           gint64     id,
                           GError   **error)
{
  return get_by_id (store, SQL_ALERT, id, error);
}

static const char SQL_ALERT_ACKNOWLEDGE[] =
  "UPDATE risk_alerts SET state = 'acknowledged', acknowledged_by = ?3, acknowledged_at = ?4, note = ?5,"
  " version = version + 1 WHERE id = ?1 AND version = ?2";
static const char SQL_ALERT_CLOSE[] =
  "UPDATE risk_alerts SET state = 'closed', closed_by = ?3, closed_at = ?4,"
  " note = coalesce (?5, note), version = version + 1 WHERE id = ?1 AND version = ?2";
static const char SQL_ALERT_EXISTS[] = "SELECT 1 FROM risk_alerts WHERE id = ?1";

/* Moves the alert to @state ("acknowledged" or "closed") by @by with
 * @note; STALE at another version, NOT_FOUND when there is none. The
 * domain has checked that the move is allowed. */
gboolean
hcs_store_risk_alerts_set_state (HcsStore    *store,
                                 gint64       id,
                                 gint64       version,
                                 const char  *state,
                                 const char  *by,
                                 const char  *note,
                                 GError     **error)
{
  g_autofree char *now = hcs_now_iso ();
  HcsStmt *stmt;

  g_return_val_if_fail (g_strcmp0 (state, "acknowledged") == 0 || g_strcmp0 (state, "closed") == 0, FALSE);

  stmt = hcs_store_prepare (store, g_str_equal (state, "closed") ? SQL_ALERT_CLOSE : SQL_ALERT_ACKNOWLEDGE, error);
  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_stmt_bind_int64 (stmt, 2, version);
  hcs_store_bind_text (stmt, 3, by);
  hcs_store_bind_text (stmt, 4, now);
  hcs_store_bind_text (stmt, 5, note);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;
  if (hcs_store_changes (store) > 0)
    return TRUE;
  return hcs_store_check_versioned_update (store, SQL_ALERT_EXISTS, id, error);
}

static const char SQL_ALERTS_OPEN_OF_RULE[] =
  "SELECT " ALERT_COLUMNS " FROM risk_alerts WHERE rule_id = ?1 AND state <> 'closed' ORDER BY id";

/* Returns: (transfer full): the open alerts of rule @rule_id, oldest first */
JsonArray *
hcs_store_risk_alerts_open_of_rule (HcsStore  *store,
                                    gint64     rule_id,
                                    GError   **error)
{
  const HcsStoreValue where[] = { HCS_STORE_INT (rule_id) };
  HcsStmt *stmt = hcs_store_prepare (store, SQL_ALERTS_OPEN_OF_RULE, error);

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_filter (stmt, where, G_N_ELEMENTS (where));
  return hcs_store_rows_array (store, stmt, 0, error);
}

static const char SQL_ALERT_LAPSE[] =
  "UPDATE risk_alerts SET lapsed_at = ?2, lapsed_value = ?3, lapsed_threshold = ?4, version = version + 1"
  " WHERE id = ?1 AND state <> 'closed'";
static const char SQL_ALERT_UNLAPSE[] =
  "UPDATE risk_alerts SET lapsed_at = NULL, lapsed_value = NULL, lapsed_threshold = NULL, version = version + 1"
  " WHERE id = ?1 AND state <> 'closed' AND lapsed_at IS NOT NULL";

/**
 * hcs_store_risk_alerts_set_lapsed:
 * @lapsed: whether the alert's rule, as edited, no longer calls for it
 * @value: (nullable): what the edited rule found (NULL: nothing to judge,
 *   or the 市县 is no longer watched)
 * @threshold: the edited rule's line
 *
 * Marks an open alert as no longer called for by its edited rule (the
 * alert stays open for a person to close), or takes the mark away when
 * the rule calls for it again. NOT_FOUND when the alert is not open.
 */
gboolean
hcs_store_risk_alerts_set_lapsed (HcsStore      *store,
                                  gint64         id,
                                  gboolean       lapsed,
                                  const double  *value,
                                  double         threshold,
                                  GError       **error)
{
  g_autofree char *now = hcs_now_iso ();
  HcsStmt *stmt = hcs_store_prepare (store, lapsed ? SQL_ALERT_LAPSE : SQL_ALERT_UNLAPSE, error);

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  if (lapsed)
    {
      hcs_store_bind_text (stmt, 2, now);
      if (value != NULL)
        hcs_stmt_bind_double (stmt, 3, *value);
      else
        hcs_stmt_bind_null (stmt, 3);
      hcs_stmt_bind_double (stmt, 4, threshold);
    }
  return hcs_store_step_done (store, stmt, error);
}
