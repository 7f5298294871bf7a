/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The warning rules from the heat map's alerts list, against a real
 * server: a supervisor lists them, adds one (a value the server refuses is
 * said under its field, and nothing is added), edits one and deletes one,
 * each seen in the database; an analyst sees the rules and may change
 * none. Writes screenshot-risk-rules-*.png. */
#include "config.h"

#include <adwaita.h>

#include "hc-client.h"
#include "hc-core.h"
#include "hc-heatmap-pane.h"
#include "hc-risk-alerts-view.h"
#include "hc-risk-rules-dialog.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

#define SANYA "460200"

typedef struct
{
  HcTestServer *server;
} Fixture;

static gboolean
pane_at_rest (gpointer data)
{
  HcHeatmapPane *pane = data;
  return !hc_heatmap_pane_get_busy (pane) && hc_region_map_get_heatmap (hc_heatmap_pane_get_map (pane)) != NULL;
}

static gboolean
dialog_at_rest (gpointer data)
{
  HcRiskRulesDialog *dialog = (HcRiskRulesDialog *) hc_ui_find_window (HC_TYPE_RISK_RULES_DIALOG);
  return dialog != NULL && !hc_risk_rules_dialog_get_busy (dialog);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return hc_ui_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
one_alert (gpointer data)
{
  HcHeatmapPane *pane = data;
  return !hc_heatmap_pane_get_busy (pane) && g_list_model_get_n_items (hc_heatmap_pane_get_alerts (pane)) == 1;
}

static gboolean
alert_lapsed (gpointer data)
{
  HcHeatmapPane *pane = data;
  g_autoptr(HcRiskAlert) alert = NULL;

  if (hc_heatmap_pane_get_busy (pane) || g_list_model_get_n_items (hc_heatmap_pane_get_alerts (pane)) != 1)
    return FALSE;
  alert = g_list_model_get_item (hc_heatmap_pane_get_alerts (pane), 0);
  return hc_risk_alert_get_lapsed (alert);
}

/* Signs in as @username, opens the heat map and its rules. */
static HcRiskRulesDialog *
open_rules (HcWindow   *window,
            const char *username)
{
  HcHeatmapPane *pane;
  GtkWidget *alerts;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  pane = HC_HEATMAP_PANE (hc_ui_sign_in (window, username, "heatmap"));
  hc_ui_wait_until ("the map", pane_at_rest, pane);
  alerts = hc_ui_find_descendant (GTK_WIDGET (pane), HC_TYPE_RISK_ALERTS_VIEW);
  g_assert_true (gtk_widget_activate_action (alerts, "alerts.rules", NULL));
  hc_ui_wait_until ("the rules", dialog_at_rest, NULL);
  return (HcRiskRulesDialog *) hc_ui_find_window (HC_TYPE_RISK_RULES_DIALOG);
}

/* The button of @action (as "rules.add") under @root, or NULL. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_button (child, action)) != NULL)
        return found;
    }
  return NULL;
}

/* Whether the button of rules.@action can be pressed (its action is
 * enabled). */
static gboolean
enabled (HcRiskRulesDialog *dialog,
         const char        *action)
{
  g_autofree char *name = g_strconcat ("rules.", action, NULL);
  GtkWidget *button = find_button (GTK_WIDGET (dialog), name);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static void
act (HcRiskRulesDialog *dialog,
     const char        *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), action, NULL));
  hc_ui_wait_until ("the dialog's answer", dialog_at_rest, NULL);
}

static void
fill (HcRiskRulesDialog *dialog,
      HcRiskCategory     category,
      const char        *region,
      gboolean           rise,
      int                months,
      const char        *threshold)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (hc_risk_rules_dialog_get_field (dialog, "category")), category);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (hc_risk_rules_dialog_get_field (dialog, "region")),
                              region ? (guint) hc_region_index (hc_region_lookup (region)) + 1 : 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (hc_risk_rules_dialog_get_field (dialog, "kind")), rise ? 1 : 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hc_risk_rules_dialog_get_field (dialog, "window_months")), months);
  gtk_editable_set_text (GTK_EDITABLE (hc_risk_rules_dialog_get_field (dialog, "threshold")), threshold);
}

static gint64
rules_in_force (Fixture *f)
{
  return hc_test_count_rows (f->server, "SELECT count(*) FROM risk_rules WHERE active = 1");
}

static void
supervisor_works_the_rules (HcApplication *app,
                            HcWindow      *window,
                            gpointer       data)
{
  Fixture *f = data;
  HcRiskRulesDialog *dialog = open_rules (window, "supervisor");
  HcHeatmapPane *pane = HC_HEATMAP_PANE (hc_window_get_pane_widget (window, "heatmap"));
  g_autoptr(HcRiskRule) first = NULL;
  g_autoptr(HcRiskRule) added = NULL;
  AdwMessageDialog *confirm;

  g_assert_cmpuint (g_list_model_get_n_items (hc_risk_rules_dialog_get_rules (dialog)), ==, 1);
  first = g_list_model_get_item (hc_risk_rules_dialog_get_rules (dialog), 0);
  g_assert_cmpstr (hc_risk_rule_get_category (first), ==, "tourism");
  g_assert_true (enabled (dialog, "add"));
  g_assert_false (enabled (dialog, "edit"));

  /* A new rule: a threshold of zero is refused by the server, under the
   * threshold; one that is no number is refused before it is sent. */
  act (dialog, "rules.add");
  g_assert_true (hc_risk_rules_dialog_get_editing (dialog));
  fill (dialog, HC_RISK_CATEGORY_FINANCE, SANYA, TRUE, 2, "0");
  act (dialog, "rules.save");
  g_assert_true (hc_risk_rules_dialog_get_editing (dialog));
  g_assert_nonnull (hc_risk_rules_dialog_get_field_error (dialog, "threshold"));
  g_assert_null (hc_risk_rules_dialog_get_field_error (dialog, "category"));
  g_assert_true (gtk_widget_has_css_class (hc_risk_rules_dialog_get_field (dialog, "threshold"), "error"));
  g_assert_cmpint (rules_in_force (f), ==, 1);
  g_object_unref (hc_ui_take_shot (GTK_WIDGET (dialog), "risk-rules-refused"));
  fill (dialog, HC_RISK_CATEGORY_FINANCE, SANYA, TRUE, 2, "六十");
  act (dialog, "rules.save");
  g_assert_nonnull (hc_risk_rules_dialog_get_field_error (dialog, "threshold"));
  g_assert_cmpint (rules_in_force (f), ==, 1);

  fill (dialog, HC_RISK_CATEGORY_FINANCE, SANYA, TRUE, 2, "60%");
  act (dialog, "rules.save");
  g_assert_false (hc_risk_rules_dialog_get_editing (dialog));
  g_assert_cmpint (hc_test_count_rows (f->server, "SELECT count(*) FROM risk_rules WHERE active = 1"
                                                  " AND category = 'finance' AND region = '" SANYA "' AND kind = 'rise'"
                                                  " AND window_months = 2 AND threshold = 60 AND created_by = 'supervisor'"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (hc_risk_rules_dialog_get_rules (dialog)), ==, 2);
  added = g_list_model_get_item (hc_risk_rules_dialog_get_rules (dialog), 0);
  g_assert_cmpstr (hc_risk_rule_get_region (added), ==, SANYA);
  g_object_unref (hc_ui_take_shot (GTK_WIDGET (dialog), "risk-rules-list"));

  /* Edited: every 市县, a threshold of 150 per 10,000 over three months. */
  hc_risk_rules_dialog_select (dialog, 0);
  act (dialog, "rules.edit");
  g_assert_true (hc_risk_rules_dialog_get_editing (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hc_risk_rules_dialog_get_field (dialog, "threshold"))), ==, "60");
  fill (dialog, HC_RISK_CATEGORY_FINANCE, NULL, FALSE, 3, "150");
  act (dialog, "rules.save");
  g_assert_false (hc_risk_rules_dialog_get_editing (dialog));
  g_assert_cmpint (hc_test_count_rows (f->server, "SELECT count(*) FROM risk_rules WHERE active = 1"
                                                  " AND category = 'finance' AND region IS NULL AND kind = 'threshold'"
                                                  " AND window_months = 3 AND threshold = 150 AND version = 2"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (f->server, "SELECT count(*) FROM audit WHERE action = 'risk_rule.update'"), ==, 1);

  /* Deleted after a confirmation: out of force. */
  hc_risk_rules_dialog_select (dialog, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.delete", NULL));
  hc_ui_wait_until ("the confirmation", message_dialog_shown, NULL);
  confirm = ADW_MESSAGE_DIALOG (hc_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  /* The dialog closes itself once answered. */
  adw_message_dialog_response (confirm, "delete");
  hc_ui_wait_until ("the rules read again", dialog_at_rest, NULL);
  g_assert_cmpint (rules_in_force (f), ==, 1);
  g_assert_cmpint (hc_test_count_rows (f->server, "SELECT count(*) FROM risk_rules WHERE active = 0 AND category = 'finance'"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (hc_risk_rules_dialog_get_rules (dialog)), ==, 1);

  /* The tourism rule edited to a line under 三亚's January (one event, one
   * enterprise: 10,000 per 10,000): judged at once, the alert is raised,
   * the dialog says so, and the heat map's alerts list and map show it. */
  g_assert_cmpuint (g_list_model_get_n_items (hc_heatmap_pane_get_alerts (pane)), ==, 0);
  hc_risk_rules_dialog_select (dialog, 0);
  act (dialog, "rules.edit");
  fill (dialog, HC_RISK_CATEGORY_TOURISM, NULL, FALSE, 1, "100");
  act (dialog, "rules.save");
  g_assert_false (hc_risk_rules_dialog_get_editing (dialog));
  /* "Saved and judged …: 1 alert raised; 0 open alerts no longer met …" */
  g_assert_nonnull (hc_risk_rules_dialog_get_message (dialog));
  g_assert_nonnull (strstr (hc_risk_rules_dialog_get_message (dialog), "1"));
  g_assert_cmpint (hc_test_count_rows (f->server, "SELECT count(*) FROM risk_alerts WHERE state = 'raised'"
                                                  " AND region = '" SANYA "' AND category = 'tourism'"), ==, 1);
  hc_ui_wait_until ("the alert raised by the edited rule", one_alert, pane);
  g_assert_true (hc_region_map_has_alert (hc_heatmap_pane_get_map (pane), SANYA));
  g_object_unref (hc_ui_take_shot (GTK_WIDGET (dialog), "risk-rules-rejudged"));

  /* Raised above it again: the alert stays in the list, marked. */
  hc_risk_rules_dialog_select (dialog, 0);
  act (dialog, "rules.edit");
  fill (dialog, HC_RISK_CATEGORY_TOURISM, NULL, FALSE, 1, "20000");
  act (dialog, "rules.save");
  hc_ui_wait_until ("the alert marked no longer met", alert_lapsed, pane);
  {
    g_autoptr(HcRiskAlert) alert = g_list_model_get_item (hc_heatmap_pane_get_alerts (pane), 0);
    g_autofree char *told = hc_risk_alert_dup_lapsed_text (alert);

    g_assert_cmpstr (hc_risk_alert_get_state (alert), ==, "raised");
    g_assert_nonnull (told);
    g_assert_nonnull (strstr (told, "20000.0"));
  }
  g_assert_true (hc_region_map_has_alert (hc_heatmap_pane_get_map (pane), SANYA));
  gtk_window_destroy (GTK_WINDOW (dialog));
  hc_heatmap_pane_select_alert (pane, 0);
  g_object_unref (hc_ui_take_shot (GTK_WIDGET (window), "risk-rules-alert-no-longer-met"));
}

static void
analyst_only_sees_the_rules (HcApplication *app,
                             HcWindow      *window,
                             gpointer       data)
{
  HcRiskRulesDialog *dialog = open_rules (window, "analyst");

  g_assert_cmpuint (g_list_model_get_n_items (hc_risk_rules_dialog_get_rules (dialog)), ==, 1);
  hc_risk_rules_dialog_select (dialog, 0);
  g_assert_false (enabled (dialog, "add"));
  g_assert_false (enabled (dialog, "edit"));
  g_assert_false (enabled (dialog, "delete"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.add", NULL) &&
                  hc_risk_rules_dialog_get_editing (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
add_user (HcTestServer *server,
          const char   *name)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"}",
                                           name, HC_TEST_PASSWORD, name);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/users", hc_test_server_token (server, "admin"), body);

  hc_assert_status (r, 201, NULL);
}

static void
test_risk_rules_worked_from_the_heat_map (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  const char *args[] = { "--server", hc_test_server_get_url (server), NULL };
  const char *admin = hc_test_server_token (server, "admin");
  g_autoptr(HcTestResponse) rule =
    hc_test_request (server, "POST", "/risk/rules", admin,
                     "{\"category\":\"tourism\",\"kind\":\"rise\",\"window_months\":1,\"threshold\":60}");
  g_autoptr(HcTestResponse) event =
    hc_test_request (server, "POST", "/risk/events", admin,
                     "{\"region\":\"" SANYA "\",\"occurred_on\":\"2025-01-05\",\"category\":\"tourism\","
                     "\"severity\":2,\"title\":\"测试事件\"}");
  Fixture f = { server };
  g_autoptr(GRand) prng = g_rand_new_with_seed (10);
  g_autofree char *uscc = hc_uscc_generate (prng, SANYA);

  /* 三亚's one enterprise, for the figure per 10,000 enterprises. */
  hc_test_create_subject (server, uscc, "三亚预警重判测试有限公司", "legal_person", SANYA);
  hc_assert_status (rule, 201, NULL);
  hc_assert_status (event, 201, NULL);
  add_user (server, "supervisor");
  add_user (server, "analyst");
  g_assert_cmpint (hc_ui_run_app (args, supervisor_works_the_rules, &f), ==, 0);
  g_assert_cmpint (hc_ui_run_app (args, analyst_only_sees_the_rules, &f), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  hc_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/risk-rules/worked-from-the-heat-map", test_risk_rules_worked_from_the_heat_map);
  return hc_ui_test_finish (g_test_run ());
}
