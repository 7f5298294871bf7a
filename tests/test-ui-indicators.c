/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The indicator dashboard against a real demo-seeded server: the rows match
 * GET /indicators, an analyst reports a value through the dialog, a
 * supervisor approves one, and nobody approves their own submission. */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-client.h"
#include "hc-indicator-summary.h"
#include "hc-indicators-pane-private.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

/* Seeding the demo data takes a while under ASan: one server for all. */
static HcTestServer *server;

typedef struct
{
  const char *username;
  int         year;
  const char *key;
  HcIndicatorsPane *pane;
} Session;

static gboolean
rows_of_year_shown (gpointer data)
{
  Session *s = data;
  GListModel *rows = hc_indicators_pane_get_indicators (s->pane);
  g_autoptr(HcIndicatorSummary) first = NULL;

  if (rows == NULL || g_list_model_get_n_items (rows) == 0)
    return FALSE;
  first = g_list_model_get_item (rows, 0);
  return s->year == 0 || hc_indicator_summary_get_year (first) == s->year;
}

static gboolean
detail_shown (gpointer data)
{
  Session *s = data;
  HcIndicatorDetail *detail = hc_indicators_pane_get_detail (s->pane);

  return detail != NULL && g_strcmp0 (hc_indicator_detail_get_key (detail), s->key) == 0;
}

static gboolean
not_busy (gpointer data)
{
  return !hc_indicators_pane_get_busy (HC_INDICATORS_PANE (data));
}

/* Signs @s->username in, opens the dashboard on @s->year (0: the year it
 * opens on) and selects @s->key when given. */
static void
open_dashboard (HcWindow *window,
                Session  *s)
{
  hc_ui_sign_in (window, s->username, NULL);

  g_assert_true (hc_window_show_pane (window, "indicators"));
  s->pane = HC_INDICATORS_PANE (hc_window_get_pane_widget (window, "indicators"));
  hc_ui_wait_pane_loaded (window, "indicators");
  if (s->year != 0)
    hc_indicators_pane_set_year (s->pane, s->year);
  hc_ui_wait_until ("the indicators of the year", rows_of_year_shown, s);
  if (s->key != NULL)
    {
      g_assert_true (hc_indicators_pane_select (s->pane, s->key));
      hc_ui_wait_until ("the indicator's detail", detail_shown, s);
    }
}

static JsonObject *
server_value (const char *key,
              int         year,
              char      **etag)
{
  g_autofree char *path = g_strdup_printf ("/indicators/%s/values/%d", key, year);
  HcTestResponse *resp = hc_test_request (server, "GET", path, hc_test_server_token (server, "admin"), NULL);
  JsonObject *obj;

  hc_assert_status (resp, 200, NULL);
  obj = json_object_ref (hc_test_response_object (resp));
  if (etag != NULL)
    *etag = g_strdup (resp->etag);
  hc_test_response_free (resp);
  return obj;
}

/* @username reports @value for @key in @year over the API. */
static void
submit_over_api (const char *username,
                 const char *key,
                 int         year,
                 const char *value)
{
  g_autofree char *path = g_strdup_printf ("/indicators/%s/values/%d", key, year);
  g_autofree char *body = g_strdup_printf ("{\"value\":%s,\"evidence\":\"测试佐证材料\"}", value);
  g_autoptr(HcTestResponse) before = hc_test_request (server, "GET", path, hc_test_server_token (server, "admin"), NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(HcTestResponse) resp = NULL;

  resp = hc_test_request_full (server, "PUT", path, hc_test_server_token (server, username),
                               "application/json", bytes, before->status == 200 ? before->etag : NULL);
  g_assert_true (resp->status == 200 || resp->status == 201);
}

/* Shows the 22 indicators with the statuses the server gives */

static void
check_rows_match_server (Session *s,
                         int      year)
{
  g_autofree char *path = g_strdup_printf ("/indicators?year=%d", year);
  g_autoptr(HcTestResponse) resp = hc_test_request (server, "GET", path, hc_test_server_token (server, "admin"), NULL);
  GListModel *rows = hc_indicators_pane_get_indicators (s->pane);
  JsonArray *items;

  hc_assert_status (resp, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (resp), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 22);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, json_array_get_length (items));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autoptr(HcIndicatorSummary) row = g_list_model_get_item (rows, i);

      g_assert_cmpstr (hc_indicator_summary_get_key (row), ==, json_object_get_string_member (item, "key"));
      g_assert_cmpstr (hc_indicator_summary_get_status (row), ==, json_object_get_string_member (item, "status"));
      g_assert_cmpstr (hc_indicator_summary_get_category_name (row), ==,
                       json_object_get_string_member (item, "category_name"));
      g_assert_cmpint (hc_indicator_summary_get_year (row), ==, year);
    }
}

static void
shows_the_indicators (HcApplication *app,
                      HcWindow      *window,
                      gpointer       data)
{
  Session s = { "admin", 0, "county-platform-coverage", NULL };
  g_autoptr(GdkTexture) texture = NULL;
  int opened_on;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  open_dashboard (window, &s);
  /* It opens on the latest year with data: the demo has 2025. */
  opened_on = hc_indicators_pane_get_year (s.pane);
  g_assert_cmpint (opened_on, ==, 2025);
  check_rows_match_server (&s, opened_on);

  s.year = 2022;
  hc_indicators_pane_set_year (s.pane, 2022);
  hc_ui_wait_until ("the indicators of 2022", rows_of_year_shown, &s);
  check_rows_match_server (&s, 2022);
  /* The selection stays, and the detail follows it. */
  g_assert_true (detail_shown (&s));

  /* The 19 市县 of 信用平台全覆盖 in 2022: the demo connected 12, so 7
   * are short of the target (100%) and stand out. */
  {
    HcIndicatorRegionChart *regions = hc_indicators_pane_get_region_chart (s.pane);
    g_autoptr(GdkTexture) chart = NULL;

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (regions)));
    g_assert_cmpint (hc_indicator_region_chart_get_year (regions), ==, 2022);
    g_assert_cmpuint (hc_indicator_region_chart_get_n_bars (regions), ==, 19);
    g_assert_cmpuint (hc_indicator_region_chart_get_n_lagging (regions), ==, 7);
    chart = hc_ui_take_shot (GTK_WIDGET (regions), "indicators-regions");
    g_assert_false (hc_ui_texture_is_blank (chart));
  }

  texture = hc_ui_take_shot (GTK_WIDGET (window), "indicators-detail");
  g_assert_false (hc_ui_texture_is_blank (texture));
}

static void
test_indicators_rows_match_the_server (void)
{
  hc_ui_run_app_on (server, shows_the_indicators, NULL);
}

/* A picture of the report dialog with the server's error at its field
 * (screenshot-indicators-report-dialog.png). */
static void
save_dialog_shot (GtkWidget *main_window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *dialog = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (window != main_window && gtk_widget_get_visible (window) &&
          gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (main_window))
        dialog = window;
    }
  g_assert_nonnull (dialog);
  texture = hc_ui_take_shot (dialog, "indicators-report-dialog");
}

/* An analyst reports a value through the dialog */

static void
analyst_submits (HcApplication *app,
                 HcWindow      *window,
                 gpointer       data)
{
  Session s = { "ana", 2025, "shared-data-sources", NULL };
  g_autoptr(JsonObject) value = NULL;
  const char *error;

  open_dashboard (window, &s);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (s.pane), "indicators.submit", NULL));

  /* A count cannot be negative: the server says so at the value. */
  hc_indicators_pane_submit_dialog_fill (s.pane, "-3", "2025年度：新增共享数据源清单");
  hc_indicators_pane_submit_dialog_send (s.pane);
  hc_ui_wait_until ("the answer to a bad value", not_busy, s.pane);
  error = hc_indicators_pane_submit_dialog_error (s.pane, "value");
  g_assert_nonnull (error);
  g_assert_null (hc_indicators_pane_submit_dialog_error (s.pane, "evidence"));
  save_dialog_shot (GTK_WIDGET (window));

  hc_indicators_pane_submit_dialog_fill (s.pane, "4", "2025年度：新增共享数据源清单");
  hc_indicators_pane_submit_dialog_send (s.pane);
  hc_ui_wait_until ("the answer to the report", not_busy, s.pane);
  g_assert_null (hc_indicators_pane_submit_dialog_error (s.pane, "value"));
  g_assert_null (hc_indicators_pane_submit_dialog_error (s.pane, NULL));

  value = server_value (s.key, 2025, NULL);
  g_assert_cmpstr (json_object_get_string_member (value, "state"), ==, "submitted");
  g_assert_cmpstr (json_object_get_string_member (value, "submitted_by"), ==, "ana");
  g_assert_cmpfloat (json_object_get_double_member (value, "value"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (value, "evidence"), ==, "2025年度：新增共享数据源清单");
}

static void
test_indicators_analyst_submits_a_value (void)
{
  hc_ui_run_app_on (server, analyst_submits, NULL);
}

/* A supervisor approves a submitted value */

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
approve_enabled (gpointer data)
{
  GtkWidget *button = find_action_button (data, "indicators.approve");
  return button != NULL && gtk_widget_is_sensitive (button);
}

static void
supervisor_approves (HcApplication *app,
                     HcWindow      *window,
                     gpointer       data)
{
  Session s = { "sup", 2024, "credit-verification-coverage", NULL };
  g_autoptr(JsonObject) value = NULL;

  open_dashboard (window, &s);
  hc_ui_wait_until ("approving allowed", approve_enabled, s.pane);
  g_assert_true (gtk_widget_get_visible (find_action_button (GTK_WIDGET (s.pane), "indicators.return")));
  /* A supervisor reviews; reporting is for analysts. */
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (s.pane), "indicators.submit")));

  gtk_widget_activate_action (GTK_WIDGET (s.pane), "indicators.approve", NULL);
  g_assert_true (hc_indicators_pane_get_busy (s.pane));
  hc_ui_wait_until ("the answer to the approval", not_busy, s.pane);
  g_assert_null (hc_indicators_pane_submit_dialog_error (s.pane, NULL));

  value = server_value (s.key, 2024, NULL);
  g_assert_cmpstr (json_object_get_string_member (value, "state"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (value, "reviewed_by"), ==, "sup");
}

static void
test_indicators_supervisor_approves (void)
{
  submit_over_api ("ana", "credit-verification-coverage", 2024, "81");
  hc_ui_run_app_on (server, supervisor_approves, NULL);
}

/* Nobody approves their own submission */

static void
own_submission (HcApplication *app,
                HcWindow      *window,
                gpointer       data)
{
  Session s = { "sup2", 2023, "department-application-lists", NULL };
  g_autoptr(JsonObject) value = NULL;
  g_autofree char *etag_before = NULL;
  g_autofree char *etag_after = NULL;
  GtkWidget *approve;

  json_object_unref (server_value (s.key, 2023, &etag_before));
  open_dashboard (window, &s);
  approve = find_action_button (GTK_WIDGET (s.pane), "indicators.approve");
  g_assert_nonnull (approve);
  g_assert_true (gtk_widget_get_visible (approve));
  g_assert_false (gtk_widget_is_sensitive (approve));
  /* …and says why. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (approve), ==,
                   g_dgettext (GETTEXT_PACKAGE, "You submitted this value: another supervisor reviews it."));

  gtk_widget_activate_action (GTK_WIDGET (s.pane), "indicators.approve", NULL);
  g_assert_false (hc_indicators_pane_get_busy (s.pane));
  value = server_value (s.key, 2023, &etag_after);
  g_assert_cmpstr (json_object_get_string_member (value, "state"), ==, "submitted");
  g_assert_cmpstr (etag_after, ==, etag_before);
}

static void
test_indicators_own_submission_cannot_be_approved (void)
{
  submit_over_api ("sup2", "department-application-lists", 2023, "82");
  hc_ui_run_app_on (server, own_submission, NULL);
}

/* A report over a value someone changed meanwhile: 412, reloaded, said */

typedef struct
{
  HcIndicatorsPane *pane;
  const char       *etag;
} EtagWait;

static gboolean
detail_has_etag (gpointer data)
{
  EtagWait *w = data;
  HcIndicatorDetail *detail = hc_indicators_pane_get_detail (w->pane);
  const HcIndicatorYear *year = detail ? hc_indicator_detail_find_year (detail, 2025) : NULL;

  return year != NULL && g_strcmp0 (year->etag, w->etag) == 0;
}

static void
stale_report (HcApplication *app,
              HcWindow      *window,
              gpointer       data)
{
  Session s = { "ana", 2025, "application-list-fulfilment", NULL };
  g_autoptr(JsonObject) value = NULL;
  g_autofree char *etag = NULL;
  EtagWait w;

  open_dashboard (window, &s);
  /* Someone else reports the value while the pane shows the old one. */
  submit_over_api ("admin", s.key, 2025, "71");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (s.pane), "indicators.submit", NULL));
  hc_indicators_pane_submit_dialog_fill (s.pane, "75", "2025年度：清单落实情况统计表");
  hc_indicators_pane_submit_dialog_send (s.pane);
  hc_ui_wait_until ("the answer to the stale report", not_busy, s.pane);
  g_assert_cmpstr (hc_indicators_pane_get_message (s.pane), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Someone changed this value meanwhile. It has been reloaded: check it and try again."));

  /* Nothing of the stale report was written, and the pane shows what is. */
  value = server_value (s.key, 2025, &etag);
  g_assert_cmpfloat (json_object_get_double_member (value, "value"), ==, 71);
  g_assert_cmpstr (json_object_get_string_member (value, "submitted_by"), ==, "admin");
  w.pane = s.pane;
  w.etag = etag;
  hc_ui_wait_until ("the reloaded value", detail_has_etag, &w);
}

static void
test_indicators_stale_report_reloads (void)
{
  hc_ui_run_app_on (server, stale_report, NULL);
}

/* The review queue: a supervisor works it down, approving one value and
 * returning another with a comment; the analyst sees the returned one with
 * the comment */

#define RETURN_COMMENT "佐证材料缺少部门盖章，请补充后重新填报"

typedef struct
{
  HcIndicatorReviewView *view;
  const char            *filter;
} QueueWait;

static gboolean
queue_listed (gpointer data)
{
  QueueWait *w = data;

  return hc_indicator_review_view_get_items (w->view) != NULL &&
         g_strcmp0 (hc_indicator_review_view_get_filter (w->view), w->filter) == 0;
}

static gboolean
queue_not_busy (gpointer data)
{
  return !hc_indicator_review_view_get_busy (HC_INDICATOR_REVIEW_VIEW (data));
}

static HcIndicatorReview *
find_review (GListModel *items,
             const char *key,
             int         year,
             const char *region)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(HcIndicatorReview) row = g_list_model_get_item (items, i);

      if (g_strcmp0 (hc_indicator_review_get_indicator (row), key) == 0 && hc_indicator_review_get_year (row) == year &&
          g_strcmp0 (hc_indicator_review_get_region (row), region) == 0)
        return g_steal_pointer (&row);
    }
  return NULL;
}

static HcIndicatorReviewView *
open_queue (HcWindow   *window,
            Session    *s,
            const char *filter)
{
  HcIndicatorReviewView *view;
  QueueWait w;

  open_dashboard (window, s);
  view = hc_indicators_pane_get_review_view (s->pane);
  hc_indicators_pane_show_view (s->pane, "reviews");
  w.view = view;
  w.filter = filter;
  hc_ui_wait_until ("the review queue", queue_listed, &w);
  return view;
}

static void
supervisor_works_the_queue (HcApplication *app,
                            HcWindow      *window,
                            gpointer       data)
{
  Session s = { "sup", 0, NULL, NULL };
  HcIndicatorReviewView *view;
  g_autoptr(HcIndicatorReview) row = NULL;
  g_autoptr(HcIndicatorReview) county = NULL;
  g_autoptr(JsonObject) approved = NULL;
  g_autoptr(JsonObject) returned = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  QueueWait w;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  /* A supervisor opens on what awaits review. */
  view = open_queue (window, &s, "submitted");

  row = find_review (hc_indicator_review_view_get_items (view), "automated-sector-systems", 2023, "");
  g_assert_nonnull (row);
  g_assert_cmpstr (hc_indicator_review_get_submitted_by (row), ==, "ana");
  g_assert_cmpstr (hc_indicator_review_get_evidence (row), ==, "测试佐证材料");
  g_assert_cmpstr (hc_indicator_review_get_place (row), ==, g_dgettext (GETTEXT_PACKAGE, "All of Hainan"));
  g_assert_false (hc_indicator_review_get_own (row));
  /* The 市县 values of the demo's 2025 await review too, each named. */
  county = find_review (hc_indicator_review_view_get_items (view), "county-platform-coverage", 2025, "460100");
  g_assert_nonnull (county);
  g_assert_cmpstr (hc_indicator_review_get_place (county), ==, "海口市");
  texture = hc_ui_take_shot (GTK_WIDGET (window), "indicators-review-queue");
  g_assert_false (hc_ui_texture_is_blank (texture));

  /* Approve one. */
  g_assert_true (hc_indicator_review_view_select (view, "automated-sector-systems", 2023, ""));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reviews.approve", NULL));
  hc_ui_wait_until ("the answer to the approval", queue_not_busy, view);
  g_assert_null (hc_indicator_review_view_get_message (view));
  w.view = view;
  w.filter = "submitted";
  hc_ui_wait_until ("the queue again", queue_listed, &w);
  approved = server_value ("automated-sector-systems", 2023, NULL);
  g_assert_cmpstr (json_object_get_string_member (approved, "state"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (approved, "reviewed_by"), ==, "sup");
  g_clear_object (&row);
  row = find_review (hc_indicator_review_view_get_items (view), "automated-sector-systems", 2023, "");
  g_assert_null (row);

  /* Return another with a comment: an empty one is refused by the dialog. */
  g_assert_true (hc_indicator_review_view_select (view, "evaluation-applied-matters", 2023, ""));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reviews.return", NULL));
  hc_indicator_review_view_return_dialog_fill (view, RETURN_COMMENT);
  hc_indicator_review_view_return_dialog_send (view);
  hc_ui_wait_until ("the answer to the return", queue_not_busy, view);
  hc_ui_wait_until ("the queue again", queue_listed, &w);
  returned = server_value ("evaluation-applied-matters", 2023, NULL);
  g_assert_cmpstr (json_object_get_string_member (returned, "state"), ==, "returned");
  g_assert_cmpstr (json_object_get_string_member (returned, "review_comment"), ==, RETURN_COMMENT);
  row = find_review (hc_indicator_review_view_get_items (view), "evaluation-applied-matters", 2023, "");
  g_assert_null (row);

  /* Back on the dashboard, the approved value counts. */
  hc_indicators_pane_show_view (s.pane, "dashboard");
}

static void
analyst_sees_the_returned_value (HcApplication *app,
                                 HcWindow      *window,
                                 gpointer       data)
{
  Session s = { "ana", 0, NULL, NULL };
  HcIndicatorReviewView *view;
  g_autoptr(HcIndicatorReview) row = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  /* An analyst opens on the values returned to them. */
  view = open_queue (window, &s, "returned-mine");
  row = find_review (hc_indicator_review_view_get_items (view), "evaluation-applied-matters", 2023, "");
  g_assert_nonnull (row);
  g_assert_cmpstr (hc_indicator_review_get_state (row), ==, "returned");
  g_assert_cmpstr (hc_indicator_review_get_review_comment (row), ==, RETURN_COMMENT);
  g_assert_cmpstr (hc_indicator_review_get_reviewed_by (row), ==, "sup");
  /* Only theirs: the demo's returned values were the analyst "analyst"'s. */
  for (guint i = 0; i < g_list_model_get_n_items (hc_indicator_review_view_get_items (view)); i++)
    {
      g_autoptr(HcIndicatorReview) other = g_list_model_get_item (hc_indicator_review_view_get_items (view), i);
      g_assert_cmpstr (hc_indicator_review_get_submitted_by (other), ==, "ana");
    }
  /* An analyst does not review. */
  g_assert_true (hc_indicator_review_view_select (view, "evaluation-applied-matters", 2023, ""));
  g_assert_false (gtk_widget_get_visible (find_action_button (GTK_WIDGET (view), "reviews.approve")));
  texture = hc_ui_take_shot (GTK_WIDGET (window), "indicators-returned");
  g_assert_false (hc_ui_texture_is_blank (texture));

  /* The row opens its indicator and year in the dashboard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reviews.open", NULL));
  s.key = "evaluation-applied-matters";
  s.year = 2023;
  hc_ui_wait_until ("the indicators of the year", rows_of_year_shown, &s);
  hc_ui_wait_until ("the indicator's detail", detail_shown, &s);
}

static void
test_indicators_review_queue (void)
{
  const char *args[] = { "--server", hc_test_server_get_url (server), NULL };

  submit_over_api ("ana", "automated-sector-systems", 2023, "4");
  submit_over_api ("ana", "evaluation-applied-matters", 2023, "5");
  g_assert_cmpint (hc_ui_run_app (args, supervisor_works_the_queue, NULL), ==, 0);
  g_assert_cmpint (hc_ui_run_app (args, analyst_sees_the_returned_value, NULL), ==, 0);
}

static void
add_user (const char *username,
          const char *role)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"}",
                                           username, HC_TEST_PASSWORD, role);
  g_autoptr(HcTestResponse) resp = hc_test_request (server, "POST", "/users",
                                                    hc_test_server_token (server, "admin"), body);
  hc_assert_status (resp, 201, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hc_ui_test_init (&argc, &argv);

  server = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  add_user ("ana", "analyst");
  add_user ("sup", "supervisor");
  add_user ("sup2", "supervisor");

  g_test_add_func ("/ui/indicators/rows-match-the-server", test_indicators_rows_match_the_server);
  g_test_add_func ("/ui/indicators/analyst-submits-a-value", test_indicators_analyst_submits_a_value);
  g_test_add_func ("/ui/indicators/supervisor-approves", test_indicators_supervisor_approves);
  g_test_add_func ("/ui/indicators/own-submission-cannot-be-approved",
                   test_indicators_own_submission_cannot_be_approved);
  g_test_add_func ("/ui/indicators/stale-report-reloads-with-a-message", test_indicators_stale_report_reloads);
  g_test_add_func ("/ui/indicators/review-queue", test_indicators_review_queue);
  status = g_test_run ();
  hc_test_server_free (server);
  return hc_ui_test_finish (status);
}
