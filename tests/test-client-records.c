/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The credit file's client calls against the real server with demo data:
 * the file and each kind's records parsed, paged and counted as the
 * server counts them, 双公示 filtered, a commitment's fulfilment with its
 * version (a stale one refused), the report saved, and unmasking allowed
 * to supervisors only. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "hc-client.h"
#include "hc-id-number.h"
#include "hc-test-client.h"

/* The sections the demo gives a subject records of (inspections found
 * wanting are checked apart: the demo subject need not have any). */
static const char * const demo_kinds[] = {
  "penalty", "license", "commitment", "list_entry", "repair", "match_hit", NULL,
};

static HcTestServer *server;
static char *company;      /* a demo subject with records of every kind */

static void
test_file_and_records_by_kind (void)
{
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "analyst");
  g_autofree char *path = g_strdup_printf ("/subjects/%s/file", company);
  g_autoptr(JsonObject) raw = hc_test_get_object (server, "analyst", path);
  JsonObject *counts = json_object_get_object_member (raw, "counts");
  g_autoptr(HcCreditFile) file = NULL;
  g_autoptr(GError) error = NULL;
  HcTestWait wait = { 0 };

  hc_client_get_credit_file_async (client, company, NULL, hc_test_wait_store, &wait);
  file = hc_client_get_credit_file_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hc_subject_get_identifier (hc_credit_file_get_subject (file)), ==, company);
  g_assert_cmpint (hc_credit_file_get_count (file, "nonsense"), ==, -1);

  /* the section of inspections found wanting, which demo subjects need not have */
  {
    g_autoptr(HcPage) page = NULL;
    HcTestWait w = { 0 };

    g_assert_cmpint (hc_credit_file_get_count (file, "inspection"), ==, json_object_get_int_member (counts, "inspection"));
    hc_client_list_records_async (client, company, "inspection", NULL, 1, TRUE, NULL, hc_test_wait_store, &w);
    page = hc_client_list_records_finish (client, hc_test_wait_for (&w), &error);
    g_assert_no_error (error);
    g_assert_cmpint (hc_page_get_total (page), ==, hc_credit_file_get_count (file, "inspection"));
  }
  for (guint k = 0; demo_kinds[k] != NULL; k++)
    {
      const char *kind = demo_kinds[k];
      g_autoptr(HcPage) page = NULL;
      g_autoptr(HcPage) next = NULL;
      HcTestWait w = { 0 };
      HcTestWait w2 = { 0 };

      g_assert_cmpint (hc_credit_file_get_count (file, kind), ==, json_object_get_int_member (counts, kind));
      hc_client_list_records_async (client, company, kind, NULL, 1, TRUE, NULL, hc_test_wait_store, &w);
      page = hc_client_list_records_finish (client, hc_test_wait_for (&w), &error);
      g_assert_no_error (error);
      g_assert_cmpint (hc_page_get_total (page), ==, hc_credit_file_get_count (file, kind));
      g_assert_cmpuint (hc_page_get_n_items (page), ==, 1);
      {
        g_autoptr(HcRecord) r = g_list_model_get_item (hc_page_get_items (page), 0);

        g_assert_cmpstr (hc_record_get_kind (r), ==, kind);
        g_assert_cmpstr (hc_record_get_number (r), !=, "");
        g_assert_cmpstr (hc_record_get_state_label (r), !=, "");
      }
      /* the next page starts after the first */
      if (hc_page_get_total (page) < 2)
        {
          g_assert_null (hc_page_get_next_cursor (page));
          continue;
        }
      g_assert_nonnull (hc_page_get_next_cursor (page));
      hc_client_list_records_async (client, company, kind, hc_page_get_next_cursor (page), 1, FALSE, NULL,
                                    hc_test_wait_store, &w2);
      next = hc_client_list_records_finish (client, hc_test_wait_for (&w2), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hc_page_get_n_items (next), ==, 1);
      {
        g_autoptr(HcRecord) a = g_list_model_get_item (hc_page_get_items (page), 0);
        g_autoptr(HcRecord) b = g_list_model_get_item (hc_page_get_items (next), 0);

        g_assert_false (hc_record_get_id (a) == hc_record_get_id (b) &&
                        g_str_equal (hc_record_get_number (a), hc_record_get_number (b)));
      }
    }
}

static void
test_publicity_filtered (void)
{
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "analyst");
  g_autoptr(JsonObject) raw = hc_test_get_object (server, "analyst", "/publicity?kind=license&region=460200&limit=1&total=1");
  HcPublicityQuery query = { .kind = "license", .region = "460200" };
  HcPublicityQuery bad = { .kind = "penalty", .from = "2025-02-30" };
  g_autoptr(HcPage) page = NULL;
  g_autoptr(HcPage) none = NULL;
  g_autoptr(GError) error = NULL;
  HcTestWait wait = { 0 };
  HcTestWait wait2 = { 0 };

  hc_client_list_publicity_async (client, &query, NULL, 20, TRUE, NULL, hc_test_wait_store, &wait);
  page = hc_client_list_publicity_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_page_get_total (page), ==, json_object_get_int_member (raw, "total"));
  g_assert_cmpuint (hc_page_get_n_items (page), >, 0);
  for (guint i = 0; i < hc_page_get_n_items (page); i++)
    {
      g_autoptr(HcRecord) r = g_list_model_get_item (hc_page_get_items (page), i);

      g_assert_cmpstr (hc_record_get_kind (r), ==, "license");
      g_assert_cmpstr (hc_record_get_region_name (r), ==, "三亚市");
    }
  hc_client_list_publicity_async (client, &bad, NULL, 20, TRUE, NULL, hc_test_wait_store, &wait2);
  none = hc_client_list_publicity_finish (client, hc_test_wait_for (&wait2), &error);
  g_assert_null (none);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_INVALID);
  g_assert_cmpstr (hc_client_error_get_field (error), ==, "from");
}

static void
test_fulfilment_with_its_version (void)
{
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "analyst");
  g_autoptr(HcPage) page = NULL;
  g_autoptr(HcRecord) commitment = NULL;
  g_autoptr(HcRecord) stale = NULL;
  g_autoptr(HcRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  HcTestWait w1 = { 0 }, w2 = { 0 }, w3 = { 0 };

  hc_client_list_records_async (client, company, "commitment", NULL, 1, FALSE, NULL, hc_test_wait_store, &w1);
  page = hc_client_list_records_finish (client, hc_test_wait_for (&w1), &error);
  g_assert_no_error (error);
  commitment = g_list_model_get_item (hc_page_get_items (page), 0);

  hc_client_fulfil_commitment_async (client, hc_record_get_id (commitment), hc_record_get_version (commitment) + 7,
                                     "fulfilled", today, "", NULL, hc_test_wait_store, &w2);
  stale = hc_client_fulfil_commitment_finish (client, hc_test_wait_for (&w2), &error);
  g_assert_null (stale);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED);
  g_clear_error (&error);

  hc_client_fulfil_commitment_async (client, hc_record_get_id (commitment), hc_record_get_version (commitment),
                                     "fulfilled", today, "按期补正", NULL, hc_test_wait_store, &w3);
  after = hc_client_fulfil_commitment_finish (client, hc_test_wait_for (&w3), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hc_record_get_fulfilment (after), ==, "fulfilled");
  g_assert_cmpstr (hc_record_get_until (after), ==, today);
  g_assert_cmpint (hc_record_get_version (after), >, hc_record_get_version (commitment));
}

static void
test_report_saved_and_unmask_for_supervisors (void)
{
  g_autoptr(HcClient) analyst = hc_test_signed_in_client (server, "analyst");
  g_autoptr(HcClient) supervisor = hc_test_signed_in_client (server, "supervisor");
  g_autoptr(JsonObject) persons = hc_test_get_object (server, "admin", "/subjects?type=natural_person&limit=1");
  const char *person = json_object_get_string_member (json_array_get_object_element (
                                                        json_object_get_array_member (persons, "items"), 0),
                                                      "identifier");
  g_autofree char *dir = g_dir_make_tmp ("hc-client-records-XXXXXX", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autofree char *contents = NULL;
  g_autoptr(HcSubject) refused = NULL;
  g_autoptr(HcSubject) shown = NULL;
  g_autoptr(GError) error = NULL;
  HcTestWait w1 = { 0 }, w2 = { 0 }, w3 = { 0 };
  gsize len;

  hc_client_save_report_async (analyst, company, pdf, NULL, hc_test_wait_store, &w1);
  g_assert_true (hc_client_save_report_finish (analyst, hc_test_wait_for (&w1), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  hc_client_unmask_subject_async (analyst, person, NULL, hc_test_wait_store, &w2);
  refused = hc_client_unmask_subject_finish (analyst, hc_test_wait_for (&w2), &error);
  g_assert_null (refused);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_FORBIDDEN);
  g_clear_error (&error);
  hc_client_unmask_subject_async (supervisor, person, NULL, hc_test_wait_store, &w3);
  shown = hc_client_unmask_subject_finish (supervisor, hc_test_wait_for (&w3), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hc_subject_get_identifier (shown), ==, person);
  g_assert_false (hc_subject_get_identifier_masked (shown));
  g_unlink (pdf_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  company = hc_test_demo_subject_with_records (server, "analyst", demo_kinds, NULL);
  g_test_add_func ("/client/records/file-and-records-by-kind", test_file_and_records_by_kind);
  g_test_add_func ("/client/records/publicity-filtered", test_publicity_filtered);
  g_test_add_func ("/client/records/fulfilment-with-its-version", test_fulfilment_with_its_version);
  g_test_add_func ("/client/records/report-saved-and-unmask-for-supervisors",
                   test_report_saved_and_unmask_for_supervisors);
  status = g_test_run ();
  g_free (company);
  hc_test_server_free (server);
  return status;
}
