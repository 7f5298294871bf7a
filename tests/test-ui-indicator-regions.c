/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 市县 of an indicator in the dashboard's detail, against a real
 * demo-seeded server: the table of the 19 市县 matches GET /indicators/{key},
 * a supervisor sets the 市县 target and the deviation rule (and one 市县's
 * own target), a bad gap is refused at its field with nothing changed, and
 * an analyst reports a 市县's value with its evidence. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hc-client.h"
#include "hc-enums.h"
#include "hc-indicator-summary.h"
#include "hc-indicators-pane-private.h"
#include "hc-test-server.h"
#include "hc-ui-test.h"

#define KEY "county-platform-coverage"

static HcTestServer *server;

typedef struct
{
  const char       *username;
  int               year;
  HcIndicatorsPane *pane;
  HcIndicatorRegionsView *view;
} Session;

static gboolean
detail_shown (gpointer data)
{
  Session *s = data;
  HcIndicatorDetail *detail = hc_indicators_pane_get_detail (s->pane);
  GListModel *rows = hc_indicators_pane_get_indicators (s->pane);
  g_autoptr(HcIndicatorSummary) first = NULL;

  if (rows == NULL || g_list_model_get_n_items (rows) == 0)
    return FALSE;
  first = g_list_model_get_item (rows, 0);
  return hc_indicator_summary_get_year (first) == s->year &&
         detail != NULL && g_strcmp0 (hc_indicator_detail_get_key (detail), KEY) == 0;
}

static gboolean
view_not_busy (gpointer data)
{
  return !hc_indicator_regions_view_get_busy (HC_INDICATOR_REGIONS_VIEW (data));
}

static void
open_detail (HcWindow *window,
             Session  *s)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  s->pane = HC_INDICATORS_PANE (hc_ui_sign_in (window, s->username, "indicators"));
  hc_indicators_pane_set_year (s->pane, s->year);
  while (!hc_indicators_pane_select (s->pane, KEY))
    g_main_context_iteration (NULL, TRUE);
  hc_ui_wait_until ("the indicator's detail", detail_shown, s);
  s->view = hc_indicators_pane_get_regions_view (s->pane);
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  GtkWidget *button = hc_ui_find_action_button (root, action);

  g_assert_nonnull (button);
  return button;
}

static JsonObject *
server_detail (void)
{
  HcTestResponse *resp = hc_test_request (server, "GET", "/indicators/" KEY, hc_test_server_token (server, "admin"), NULL);
  JsonObject *obj;

  hc_assert_status (resp, 200, NULL);
  obj = json_object_ref (hc_test_response_object (resp));
  hc_test_response_free (resp);
  return obj;
}

static JsonObject *
region_year (JsonObject *region,
             int         year)
{
  JsonArray *values = json_object_get_array_member (region, "values");

  for (guint i = 0; i < json_array_get_length (values); i++)
    if (json_object_get_int_member (json_array_get_object_element (values, i), "year") == year)
      return json_array_get_object_element (values, i);
  return NULL;
}

/* The table says what the server says, 市县 by 市县. */
static void
check_table (Session *s)
{
  g_autoptr(JsonObject) detail = server_detail ();
  JsonArray *regions = json_object_get_array_member (detail, "regions");
  guint lagging = 0, unmet_rows = 0;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (s->view)));
  g_assert_cmpuint (json_array_get_length (regions), ==, 19);
  g_assert_cmpuint (hc_indicator_regions_view_get_n_rows (s->view), ==, 19);
  for (guint i = 0; i < 19; i++)
    {
      JsonObject *r = json_array_get_object_element (regions, i);
      JsonObject *y = region_year (r, s->year);
      HcIndicatorStatus status;
      g_autofree char *target = hc_indicator_format_value ("ratio", json_object_get_double_member (r, "target"), "%");

      g_assert_nonnull (y);
      g_assert_cmpstr (hc_indicator_regions_view_get_cell (s->view, i, 0), ==,
                       json_object_get_string_member (r, "region_name"));
      g_assert_true (g_str_has_prefix (hc_indicator_regions_view_get_cell (s->view, i, 2), target));
      g_assert_true (hc_indicator_status_from_key (json_object_get_string_member (y, "status"), &status));
      g_assert_cmpstr (hc_indicator_regions_view_get_cell (s->view, i, 3), ==, hc_indicator_status_label (status));
      if (json_object_get_boolean_member (y, "lagging"))
        lagging++;
      if (status == HC_INDICATOR_STATUS_UNMET)
        unmet_rows++;
      if (!json_object_get_null_member (y, "reviewed_by") && json_object_has_member (y, "reviewed_by"))
        g_assert_cmpstr (hc_indicator_regions_view_get_cell (s->view, i, 6), ==,
                         json_object_get_string_member (y, "reviewed_by"));
    }
  /* The demo connected 12 of the 19 in 2022: 7 stand out. */
  if (s->year == 2022)
    {
      g_assert_cmpuint (lagging, ==, 7);
      g_assert_cmpuint (unmet_rows, ==, 7);
    }
}

static void
supervisor_sets_targets (HcApplication *app,
                         HcWindow      *window,
                         gpointer       data)
{
  Session s = { "sup", 2022, NULL, NULL };
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) own = NULL;
  g_autoptr(GdkTexture) shot = NULL;
  JsonObject *rule;
  JsonArray *regions;

  open_detail (window, &s);
  check_table (&s);
  shot = hc_ui_take_shot (GTK_WIDGET (window), "indicators-regions-table");
  g_assert_false (hc_ui_texture_is_blank (shot));

  /* A supervisor sets targets; reporting is the analysts'. */
  g_assert_true (gtk_widget_get_visible (find_action_button (GTK_WIDGET (s.view), "regions.targets")));
  g_assert_false (gtk_widget_get_visible (find_action_button (GTK_WIDGET (s.view), "regions.report")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (s.view), "regions.targets", NULL));

  /* A negative gap: refused at its field, nothing changed. */
  before = server_detail ();
  hc_indicator_regions_view_targets_fill (s.view, 0, "80", "-5");
  hc_indicator_regions_view_targets_send (s.view);
  hc_ui_wait_until ("the answer to a bad gap", view_not_busy, s.view);
  g_assert_nonnull (hc_indicator_regions_view_targets_error (s.view, "warning_gap"));
  g_assert_null (hc_indicator_regions_view_targets_error (s.view, "target"));
  after = server_detail ();
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (after, "region_targets"), "source"),
                   ==, "province");
  g_clear_pointer (&after, json_object_unref);

  /* All 市县: 80%, a warning within 10. */
  hc_indicator_regions_view_targets_fill (s.view, 0, "80", "10");
  hc_indicator_regions_view_targets_send (s.view);
  hc_ui_wait_until ("the answer to the targets", view_not_busy, s.view);
  g_assert_null (hc_indicator_regions_view_targets_error (s.view, NULL));
  g_assert_null (hc_indicator_regions_view_targets_error (s.view, "warning_gap"));
  after = server_detail ();
  rule = json_object_get_object_member (after, "region_targets");
  g_assert_cmpstr (json_object_get_string_member (rule, "source"), ==, "regions");
  g_assert_cmpfloat (json_object_get_double_member (rule, "target"), ==, 80);
  g_assert_cmpfloat (json_object_get_double_member (rule, "warning_gap"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (rule, "set_by"), ==, "sup");
  hc_ui_wait_until ("the detail again", detail_shown, &s);
  while (hc_indicator_detail_get_region_rule (hc_indicators_pane_get_detail (s.pane)) == NULL ||
         g_strcmp0 (hc_indicator_detail_get_region_rule (hc_indicators_pane_get_detail (s.pane))->source, "regions") != 0)
    g_main_context_iteration (NULL, TRUE);
  check_table (&s);

  /* The second 市县 alone: 95%, with the rule's ETag the dialog was given. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (s.view), "regions.targets", NULL));
  hc_indicator_regions_view_targets_fill (s.view, 2, "95", "5");
  hc_indicator_regions_view_targets_send (s.view);
  hc_ui_wait_until ("the answer to one 市县's target", view_not_busy, s.view);
  g_assert_null (hc_indicator_regions_view_targets_error (s.view, NULL));
  own = server_detail ();
  regions = json_object_get_array_member (own, "regions");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (regions, 1), "target_source"), ==, "region");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (regions, 1), "target"), ==, 95);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (regions, 0), "target_source"), ==, "regions");
}

static void
test_supervisor_sets_targets (void)
{
  hc_ui_run_app_on (server, supervisor_sets_targets, NULL);
}

static void
analyst_reports (HcApplication *app,
                 HcWindow      *window,
                 gpointer       data)
{
  Session s = { "ana", 2025, NULL, NULL };
  g_autoptr(JsonObject) detail = NULL;
  JsonObject *region, *y;
  g_autoptr(HcTestResponse) resp = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkTexture) shot = NULL;

  open_detail (window, &s);
  g_assert_false (gtk_widget_get_visible (find_action_button (GTK_WIDGET (s.view), "regions.targets")));
  g_assert_true (gtk_widget_get_visible (find_action_button (GTK_WIDGET (s.view), "regions.report")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (s.view), "regions.report", NULL));
  shot = hc_ui_take_shot (GTK_WIDGET (window), "indicators-region-report");

  /* A share over 100: refused at the value. */
  hc_indicator_regions_view_report_fill (s.view, 18, "120", "文昌市信用平台对接验收报告");
  hc_indicator_regions_view_report_send (s.view);
  hc_ui_wait_until ("the answer to a bad value", view_not_busy, s.view);
  g_assert_nonnull (hc_indicator_regions_view_report_error (s.view, "value"));

  hc_indicator_regions_view_report_fill (s.view, 18, "100", "文昌市信用平台对接验收报告");
  hc_indicator_regions_view_report_send (s.view);
  hc_ui_wait_until ("the answer to the report", view_not_busy, s.view);
  g_assert_null (hc_indicator_regions_view_report_error (s.view, "value"));
  g_assert_null (hc_indicator_regions_view_report_error (s.view, NULL));

  detail = server_detail ();
  region = json_array_get_object_element (json_object_get_array_member (detail, "regions"), 18);
  y = region_year (region, 2025);
  g_assert_cmpstr (json_object_get_string_member (y, "submitted_by"), ==, "ana");
  g_assert_cmpstr (json_object_get_string_member (y, "state"), ==, "submitted");
  g_assert_cmpstr (json_object_get_string_member (y, "evidence"), ==, "文昌市信用平台对接验收报告");
  g_assert_cmpfloat (json_object_get_double_member (y, "value"), ==, 100);
  path = g_strdup_printf ("/indicators/" KEY "/values/2025?region=%s", json_object_get_string_member (region, "region"));
  resp = hc_test_request (server, "GET", path, hc_test_server_token (server, "admin"), NULL);
  hc_assert_status (resp, 200, NULL);
}

static void
test_analyst_reports (void)
{
  hc_ui_run_app_on (server, analyst_reports, NULL);
}

/* The records behind a computed value: a list share's numerator opens the
 * organisations on the list, one row each, and the listing exports */

static gboolean
records_listed (gpointer data)
{
  return hc_indicator_records_view_get_items (HC_INDICATOR_RECORDS_VIEW (data)) != NULL;
}

static gboolean
export_done (gpointer data)
{
  return !hc_pane_get_exporting (HC_PANE (data)) && hc_pane_get_export_toast (HC_PANE (data)) != NULL;
}

typedef struct
{
  HcIndicatorsPane *pane;
  const char       *key;
  int               year;
} RecordsCase;

static gboolean
table_saved (gpointer data)
{
  return !hc_indicator_table_button_get_busy (HC_INDICATOR_TABLE_BUTTON (data));
}

static gboolean
computed_detail_shown (gpointer data)
{
  RecordsCase *c = data;
  HcIndicatorDetail *detail = hc_indicators_pane_get_detail (c->pane);

  return detail != NULL && g_strcmp0 (hc_indicator_detail_get_key (detail), c->key) == 0 &&
         hc_indicators_pane_get_year (c->pane) == c->year;
}

static void
records_of_list_share (HcApplication *app,
                       HcWindow      *window,
                       gpointer       data)
{
  RecordsCase *c = data;
  HcIndicatorRecordsView *view;
  g_autoptr(HcTestResponse) detail = NULL;
  JsonArray *values;
  gint64 numerator = 0;
  GListModel *items;
  g_autoptr(GdkTexture) shot = NULL;

  /* The latest year whose numerator counts organisations on the list, no
   * more than one listing holds. */
  detail = hc_test_request (server, "GET", "/indicators/" "incentive-list-share-growth", hc_test_server_token (server, "admin"), NULL);
  hc_assert_status (detail, 200, NULL);
  values = json_object_get_array_member (hc_test_response_object (detail), "values");
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonObject *v = json_array_get_object_element (values, i);

      gint64 n = json_object_get_int_member_with_default (v, "numerator", 0);

      /* A listing of the records holds 1,000 rows at most. */
      if (n > 0 && n <= 1000 &&
          json_object_get_int_member (v, "year") >= 2021 && !json_object_get_null_member (v, "records"))
        {
          c->year = (int) json_object_get_int_member (v, "year");
          numerator = json_object_get_int_member (v, "numerator");
        }
    }
  g_test_message ("守信激励 share %d: numerator %" G_GINT64_FORMAT, c->year, numerator);
  g_assert_cmpint (numerator, >, 0);
  g_assert_cmpint (numerator, <=, 1000);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  c->pane = HC_INDICATORS_PANE (hc_ui_sign_in (window, "ana", "indicators"));
  hc_indicators_pane_set_year (c->pane, c->year);
  while (!hc_indicators_pane_select (c->pane, c->key))
    g_main_context_iteration (NULL, TRUE);
  hc_ui_wait_until ("the list share's detail", computed_detail_shown, c);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (c->pane), "indicators.records", NULL));
  view = hc_indicators_pane_get_records_view (c->pane);
  hc_ui_wait_until ("the records", records_listed, view);
  items = hc_indicator_records_view_get_items (view);
  /* One row an organisation the numerator counts, each a list entry. */
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, (guint) numerator);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(HcIndicatorRecord) rec = g_list_model_get_item (items, i);

      g_assert_cmpstr (hc_indicator_record_get_record_type (rec), ==, "list_entry");
      g_assert_true (hc_indicator_record_get_counted (rec));
      g_assert_true (g_str_has_prefix (hc_indicator_record_get_link (rec), "/list-entries/"));
    }
  shot = hc_ui_take_shot (GTK_WIDGET (window), "indicators-records");
  g_assert_false (hc_ui_texture_is_blank (shot));

  /* The listing exports through the pane: the same rows. */
  {
    g_autofree char *dir = g_dir_make_tmp ("hc-ui-records-XXXXXX", NULL);
    g_autofree char *csv_path = g_build_filename (dir, "records.csv", NULL);
    g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
    g_autofree char *header = NULL;

    hc_pane_export_listing_to_file (HC_PANE (c->pane), "indicator-records", HC_EXPORT_FORMAT_CSV, csv);
    hc_ui_wait_until ("the records export", export_done, c->pane);
    g_assert_cmpuint (hc_ui_csv_rows (csv_path, &header), ==, (guint) numerator);
    g_assert_nonnull (strstr (header, "计入分子"));
    g_unlink (csv_path);
    g_rmdir (dir);
  }

  /* Table 1 of the year: the PDF from its button, the XLSX through the
   * pane's export (a row an indicator). */
  {
    HcIndicatorTableButton *button = hc_indicators_pane_get_table_button (c->pane);
    g_autofree char *dir = g_dir_make_tmp ("hc-ui-table1-XXXXXX", NULL);
    g_autofree char *pdf_path = g_build_filename (dir, "table1.pdf", NULL);
    g_autofree char *xlsx_path = g_build_filename (dir, "table1.xlsx", NULL);
    g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
    g_autoptr(GFile) xlsx = g_file_new_for_path (xlsx_path);
    g_autofree char *bytes = NULL;
    gsize length = 0;

    hc_indicators_pane_show_view (c->pane, "dashboard");
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
    hc_indicator_table_button_save (button, pdf);
    g_assert_true (hc_indicator_table_button_get_busy (button));
    hc_ui_wait_until ("the PDF of Table 1", table_saved, button);
    g_assert_null (hc_indicator_table_button_get_error (button));
    g_assert_true (g_file_get_contents (pdf_path, &bytes, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (memcmp (bytes, "%PDF", 4) == 0);

    /* The records export's toast, if it is still up. */
    if (hc_pane_get_export_toast (HC_PANE (c->pane)) != NULL)
      adw_toast_dismiss (hc_pane_get_export_toast (HC_PANE (c->pane)));
    hc_pane_export_to_file (HC_PANE (c->pane), HC_EXPORT_FORMAT_XLSX, xlsx);
    hc_ui_wait_until ("the XLSX of Table 1", export_done, c->pane);
    g_assert_cmpint (hc_ui_xlsx_rows (xlsx_path), ==, 22);
    g_unlink (pdf_path);
    g_unlink (xlsx_path);
    g_rmdir (dir);
  }
}

static void
test_records_of_a_list_share (void)
{
  RecordsCase c = { NULL, "incentive-list-share-growth", 0 };

  hc_ui_run_app_on (server, records_of_list_share, &c);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hc_ui_test_init (&argc, &argv);

  server = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  hc_test_create_user (server, "ana", "analyst");
  hc_test_create_user (server, "sup", "supervisor");

  g_test_add_func ("/ui/indicator-regions/supervisor-sets-targets", test_supervisor_sets_targets);
  g_test_add_func ("/ui/indicator-regions/analyst-reports-a-region-value", test_analyst_reports);
  g_test_add_func ("/ui/indicator-regions/records-of-a-list-share", test_records_of_a_list_share);
  status = g_test_run ();
  hc_test_server_free (server);
  return hc_ui_test_finish (status);
}
