/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of test-api-records: a person's credit file (masking, audited and limited lookups, its
 * sections, by reference). */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "hc-core.h"
#include "hc-test-server.h"
#include "test-api-records.h"

/* A person's credit file: the ID number is masked at the answer boundary
 * for all but administrators, while the audit log keeps it (the watch
 * entry's audit entry too) and shows it masked to those who may not see it. */
static void
test_person_file_masked_at_the_boundary (void)
{
  GRand *rand = g_rand_new_with_seed (1611);
  g_autofree char *person = hc_id_number_generate (rand, "460100");
  g_autofree char *masked = hc_id_number_mask (person);
  g_autofree char *csv = NULL;
  g_autofree char *fulfil = NULL;
  g_autofree char *watch = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(HcTestResponse) as_analyst = NULL;
  g_autoptr(HcTestResponse) as_admin = NULL;
  g_autoptr(HcTestResponse) records = NULL;
  g_autoptr(HcTestResponse) c = NULL;
  g_autoptr(HcTestResponse) ok = NULL;
  g_autoptr(HcTestResponse) proposed = NULL;
  g_autoptr(HcTestResponse) audit = NULL;
  g_autoptr(GBytes) breached = records_json_bytes ("{\"fulfilment\":\"breached\",\"date\":\"2025-06-01\",\"note\":\"未履行承诺\"}");
  g_autoptr(GBytes) empty = records_json_bytes ("{}");
  JsonObject *subject, *entry;
  gint64 id;

  g_rand_free (rand);
  records_exec_sql ("INSERT INTO catalog_items (id, year, lineage, category, name, subject_type, department_id, disclosure)"
                    " VALUES (17, 2025, 'cn-person', 'commitment', '个人告知承诺信息', 'natural_person', 901, 'public');");
  hc_test_create_subject (server, person, "王测试", "natural_person", "460100");
  csv = g_strdup_printf ("uscc,name,commitment_no,matter,authority,committed_on,fulfilment\n"
                         "%s,王测试,CN-2025-P01,从业资格告知承诺,海口市市场监督管理局,2025-01-10,\n", person);
  records_import ("commitment", 17, csv);

  as_analyst = records_get (analyst, "/subjects/%s/file", person);
  hc_assert_status (as_analyst, 200, NULL);
  subject = json_object_get_object_member (hc_test_response_object (as_analyst), "subject");
  g_assert_cmpstr (json_object_get_string_member (subject, "identifier"), ==, masked);
  g_assert_true (json_object_get_boolean_member (subject, "identifier_masked"));
  g_assert_null (strstr ((const char *) g_bytes_get_data (as_analyst->body, NULL), person));
  as_admin = records_get (admin, "/subjects/%s/file", person);
  subject = json_object_get_object_member (hc_test_response_object (as_admin), "subject");
  g_assert_cmpstr (json_object_get_string_member (subject, "identifier"), ==, person);
  g_assert_false (json_object_get_boolean_member (subject, "identifier_masked"));
  records = records_get (analyst, "/subjects/%s/records?kind=commitment", person);
  hc_assert_status (records, 200, NULL);
  g_assert_true (records_holds (records, "identifier", masked));

  id = records_record_id ("SELECT id FROM commitments WHERE commitment_no = 'CN-2025-P01'");
  fulfil = g_strdup_printf ("/commitments/%" G_GINT64_FORMAT "/fulfilment", id);
  watch = g_strdup_printf ("/commitments/%" G_GINT64_FORMAT "/watch-entry", id);
  c = records_get (holder, "/commitments/%" G_GINT64_FORMAT, id);
  ok = hc_test_request_full (server, "POST", fulfil, holder, "application/json", breached, c->etag);
  hc_assert_status (ok, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (ok), "identifier"), ==, masked);
  proposed = hc_test_request_full (server, "POST", watch, holder, "application/json", empty, ok->etag);
  hc_assert_status (proposed, 201, NULL);
  entry = json_object_get_object_member (hc_test_response_object (proposed), "entry");
  g_assert_null (strstr ((const char *) g_bytes_get_data (proposed->body, NULL), person));
  g_assert_cmpint (json_object_get_int_member (entry, "id"), >, 0);

  /* the audit log holds the number (not a masked copy) … */
  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action IN ('list_entry.create', 'commitment.fulfil',"
                         " 'commitment.propose_watch') AND after LIKE '%%%s%%'", person);
  g_assert_cmpint (hc_test_count_rows (server, sql), ==, 3);
  /* … and shows it masked to a supervisor */
  audit = records_get (supervisor, "/audit?entity=list_entry&limit=5");
  hc_assert_status (audit, 200, NULL);
  g_assert_null (strstr ((const char *) g_bytes_get_data (audit->body, NULL), person));
  g_assert_nonnull (strstr ((const char *) g_bytes_get_data (audit->body, NULL), masked));
}

/* Reading a person's file by the number is a look-up by the number: it is
 * audited, and past the limit of distinct numbers an hour it is refused
 * (429) like GET /subjects/{identifier}, so the file routes cannot be used
 * to probe which numbers are registered. */
static void
test_person_file_lookups_audited_and_limited (void)
{
  GRand *rand = g_rand_new_with_seed (4242);
  g_autofree char *sql = NULL;
  const char *prober;
  gint64 before;
  guint refused = 0;

  records_create_user ("prober", "analyst", 0);
  prober = hc_test_server_token (server, "prober");
  before = hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'subject.lookup'"
                                       " AND actor = 'prober'");
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *number = hc_id_number_generate (rand, "460100");
      g_autoptr(HcTestResponse) r = records_get (prober, "/subjects/%s/%s", number, i % 2 ? "file" : "records?kind=penalty");

      if (r->status == 429)
        {
          hc_assert_status (r, 429, "too_many_lookups");
          refused++;
        }
      else
        hc_assert_status (r, 404, "not_found");
    }
  g_rand_free (rand);
  g_assert_cmpuint (refused, ==, 5);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'subject.lookup'"
                                               " AND actor = 'prober'"), ==, before + 20);
}

/* The decision or licence numbers of a page's items, in order, one a line. */
static char *
numbers_of (JsonArray  *rows,
            const char *member)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    g_string_append_printf (out, "%s\n", json_object_get_string_member (json_array_get_object_element (rows, i), member));
  return g_string_free (out, FALSE);
}

static JsonObject *
file_section (HcTestResponse *r,
              const char     *kind)
{
  return json_object_get_object_member (json_object_get_object_member (hc_test_response_object (r), "sections"),
                                        kind);
}

/* Opening a file is one request: the file carries each section's first
 * page as the records route answers it, with its total and the cursor the
 * records route pages on with; commitments say whether the reader holds
 * them. */
static void
test_file_carries_first_page_of_each_section (void)
{
  static const char * const kinds[] = { "penalty", "license", "commitment", "list_entry", "repair", "match_hit" };
  g_autoptr(GString) csv = g_string_new ("uscc,name,license_no,license_name,authority,decided_on,valid_until\n");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(HcTestResponse) imported = NULL;
  g_autoptr(HcTestResponse) file = NULL;
  g_autoptr(HcTestResponse) rest = NULL;
  g_autoptr(HcTestResponse) page = NULL;
  g_autoptr(HcTestResponse) holder_file = NULL;
  g_autoptr(HcTestResponse) supervisor_file = NULL;
  g_autoptr(HcTestResponse) admin_records = NULL;
  JsonObject *licenses, *counts;
  g_autofree char *from_file = NULL;
  g_autofree char *from_route = NULL;
  g_autofree char *paged = NULL;

  /* 55 licences of a company: more than a page */
  {
    GRand *rand = g_rand_new_with_seed (5555);

    paged = hc_uscc_generate (rand, "460100");
    g_rand_free (rand);
  }
  hc_test_create_subject (server, paged, "海南分页测试有限公司", "legal_person", "460100");
  for (guint i = 0; i < 55; i++)
    g_string_append_printf (csv, "%s,海南分页测试有限公司,XK-PAGE-%03u,食品经营许可证,海口市市场监督管理局,2024-%02u-%02u,2029-12-31\n",
                            paged, i, 1 + i % 12, 1 + i % 28);
  body = g_bytes_new (csv->str, csv->len);
  imported = hc_test_request_full (server, "POST", "/imports?kind=license&item=12", analyst, "text/csv", body, NULL);
  hc_assert_status (imported, 201, NULL);

  file = records_get (analyst, "/subjects/%s/file", paged);
  hc_assert_status (file, 200, NULL);
  counts = json_object_get_object_member (hc_test_response_object (file), "counts");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      JsonObject *section = file_section (file, kinds[i]);

      g_assert_nonnull (section);
      g_assert_cmpint (json_object_get_int_member (section, "total"), ==, json_object_get_int_member (counts, kinds[i]));
    }
  licenses = file_section (file, "license");
  g_assert_cmpint (json_object_get_int_member (licenses, "total"), ==, 55);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (licenses, "items")), ==, 50);
  /* the same first page as the records route's, and its cursor pages on */
  page = records_get (analyst, "/subjects/%s/records?kind=license&limit=50", paged);
  hc_assert_status (page, 200, NULL);
  from_file = numbers_of (json_object_get_array_member (licenses, "items"), "license_no");
  from_route = numbers_of (records_items (page), "license_no");
  g_assert_cmpstr (from_file, ==, from_route);
  g_assert_cmpstr (json_object_get_string_member (licenses, "next_cursor"), ==,
                   json_object_get_string_member (hc_test_response_object (page), "next_cursor"));
  rest = records_get (analyst, "/subjects/%s/records?kind=license&limit=50&cursor=%s", paged,
                      json_object_get_string_member (licenses, "next_cursor"));
  hc_assert_status (rest, 200, NULL);
  g_assert_cmpint (json_array_get_length (records_items (rest)), ==, 5);
  g_assert_true (json_object_get_null_member (hc_test_response_object (rest), "next_cursor"));
  for (guint i = 0; i < json_array_get_length (records_items (rest)); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s\n", json_object_get_string_member (
                                                         json_array_get_object_element (records_items (rest), i), "license_no"));

      g_assert_null (strstr (from_file, line));
    }
  g_assert_true (json_object_get_null_member (file_section (file, "penalty"), "next_cursor"));

  /* commitments say whether the reader may record their fulfilment: the
   * holding department and admins may, a supervisor of no department not */
  holder_file = records_get (holder, "/subjects/%s/file", company);
  supervisor_file = records_get (supervisor, "/subjects/%s/file", company);
  admin_records = records_get (admin, "/subjects/%s/records?kind=commitment", company);
  {
    JsonArray *held = json_object_get_array_member (file_section (holder_file, "commitment"), "items");
    JsonArray *not_held = json_object_get_array_member (file_section (supervisor_file, "commitment"), "items");

    g_assert_cmpint (json_array_get_length (held), >=, 2);
    g_assert_cmpint (json_array_get_length (not_held), ==, json_array_get_length (held));
    for (guint i = 0; i < json_array_get_length (held); i++)
      {
        g_assert_true (json_object_get_boolean_member (json_array_get_object_element (held, i), "can_record_fulfilment"));
        g_assert_false (json_object_get_boolean_member (json_array_get_object_element (not_held, i),
                                                        "can_record_fulfilment"));
        g_assert_true (json_object_get_boolean_member (json_array_get_object_element (records_items (admin_records), i),
                                                       "can_record_fulfilment"));
      }
  }
}

static gint64
audit_rows_of (const char *actor)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE actor = '%s'", actor);

  return hc_test_count_rows (server, sql);
}

/* A person's file opened from the subjects list by its row's reference, by
 * one who sees ID numbers masked: no number named, nothing counted against
 * the look-up limit, one audit row for the one request; by the whole
 * number, still one (audited) look-up. */
static void
test_person_file_by_reference (void)
{
  GRand *rand = g_rand_new_with_seed (1616);
  g_autofree char *person = hc_id_number_generate (rand, "460200");
  g_autofree char *masked = hc_id_number_mask (person);
  g_autofree char *sql = NULL;
  g_autoptr(HcTestResponse) listed = NULL;
  g_autoptr(HcTestResponse) file = NULL;
  g_autoptr(HcTestResponse) records = NULL;
  g_autoptr(HcTestResponse) unknown = NULL;
  g_autoptr(HcTestResponse) malformed = NULL;
  g_autoptr(HcTestResponse) subject = NULL;
  g_autoptr(HcTestResponse) revealed = NULL;
  g_autoptr(HcTestResponse) by_number = NULL;
  g_autoptr(HcTestResponse) refused = NULL;
  JsonObject *row = NULL, *s;
  g_autofree char *ref = NULL;
  gint64 before, lookups;

  g_rand_free (rand);
  hc_test_create_subject (server, person, "李引用", "natural_person", "460200");
  records_create_user ("browser", "analyst", 0);
  listed = records_get (hc_test_server_token (server, "browser"), "/subjects?type=natural_person&region=460200&limit=100");
  hc_assert_status (listed, 200, NULL);
  for (guint i = 0; i < json_array_get_length (records_items (listed)); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (records_items (listed), i), "name"), "李引用"))
      row = json_array_get_object_element (records_items (listed), i);
  g_assert_nonnull (row);
  g_assert_cmpstr (json_object_get_string_member (row, "identifier"), ==, masked);
  ref = g_strdup_printf ("id:%" G_GINT64_FORMAT, json_object_get_int_member (row, "id"));

  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'subject.view' AND actor = 'browser'"
                         " AND entity = 'subject' AND entity_id = '%" G_GINT64_FORMAT "'",
                         json_object_get_int_member (row, "id"));
  lookups = hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'subject.lookup'");
  before = audit_rows_of ("browser");
  file = records_get (hc_test_server_token (server, "browser"), "/subjects/%s/file", ref);
  hc_assert_status (file, 200, NULL);
  s = json_object_get_object_member (hc_test_response_object (file), "subject");
  g_assert_cmpstr (json_object_get_string_member (s, "name"), ==, "李引用");
  g_assert_cmpstr (json_object_get_string_member (s, "identifier"), ==, masked);
  g_assert_null (strstr ((const char *) g_bytes_get_data (file->body, NULL), person));
  g_assert_cmpint (audit_rows_of ("browser"), ==, before + 1);
  g_assert_cmpint (hc_test_count_rows (server, sql), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'subject.lookup'"), ==,
                   lookups);

  /* the tabs page on by the same reference */
  records = records_get (hc_test_server_token (server, "browser"), "/subjects/%s/records?kind=penalty", ref);
  hc_assert_status (records, 200, NULL);
  unknown = records_get (hc_test_server_token (server, "browser"), "/subjects/id:999999999/file");
  hc_assert_status (unknown, 404, "not_found");
  malformed = records_get (hc_test_server_token (server, "browser"), "/subjects/id:-3/file");
  hc_assert_status (malformed, 404, "not_found");

  /* the subject by reference, and a supervisor's reveal of it */
  subject = records_get (hc_test_server_token (server, "browser"), "/subjects/%s", ref);
  hc_assert_status (subject, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (subject), "identifier"), ==, masked);
  revealed = records_get (supervisor, "/subjects/%s?unmask=1", ref);
  hc_assert_status (revealed, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (revealed), "identifier"), ==, person);
  refused = records_get (hc_test_server_token (server, "browser"), "/subjects/%s?unmask=1", ref);
  hc_assert_status (refused, 403, NULL);

  /* an analyst who sees the number masked edits the person by the same
   * reference, under the same If-Match rule */
  {
    g_autofree char *path = g_strdup_printf ("/subjects/%s", ref);
    g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"",
                                             json_object_get_int_member (hc_test_response_object (subject), "version"));
    g_autoptr(GBytes) body = g_bytes_new_static ("{\"industry\":\"批发和零售业\"}", strlen ("{\"industry\":\"批发和零售业\"}"));
    g_autoptr(HcTestResponse) edited = hc_test_request_full (server, "PATCH", path, hc_test_server_token (server, "browser"),
                                                             "application/json", body, etag);
    g_autoptr(HcTestResponse) stale = hc_test_request_full (server, "PATCH", path, hc_test_server_token (server, "browser"),
                                                            "application/json", body, etag);
    g_autoptr(HcTestResponse) unknown_ref = hc_test_request_full (server, "PATCH", "/subjects/id:999999999",
                                                                  hc_test_server_token (server, "browser"),
                                                                  "application/json", body, etag);

    hc_assert_status (edited, 200, NULL);
    g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (edited), "industry"), ==, "批发和零售业");
    g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (edited), "identifier"), ==, masked);
    g_assert_null (strstr ((const char *) g_bytes_get_data (edited->body, NULL), person));
    hc_assert_status (stale, 412, NULL);
    hc_assert_status (unknown_ref, 404, "not_found");
  }

  /* the person's report: the number masked for the reader who sees it
   * masked, whole for an administrator */
  {
    g_autoptr(HcTestResponse) masked_pdf = records_get (hc_test_server_token (server, "browser"), "/subjects/%s/report.pdf", ref);
    g_autoptr(HcTestResponse) whole_pdf = records_get (admin, "/subjects/%s/report.pdf", ref);
    g_autofree char *path = g_build_filename (tmpdir, "person-report.pdf", NULL);
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
    g_autofree char *masked_text = NULL;
    g_autofree char *whole_text = NULL;

    hc_assert_status (masked_pdf, 200, NULL);
    hc_assert_status (whole_pdf, 200, NULL);
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (masked_pdf->body, NULL),
                                        g_bytes_get_size (masked_pdf->body), NULL));
    masked_text = records_run_text (argv);
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (whole_pdf->body, NULL),
                                        g_bytes_get_size (whole_pdf->body), NULL));
    whole_text = records_run_text (argv);
    g_assert_nonnull (strstr (masked_text, "李引用"));
    g_assert_nonnull (strstr (masked_text, masked));
    g_assert_null (strstr (masked_text, person));
    g_assert_nonnull (strstr (whole_text, person));
  }

  /* by the whole number: one look-up, audited as such */
  before = audit_rows_of ("browser");
  by_number = records_get (hc_test_server_token (server, "browser"), "/subjects/%s/file", person);
  hc_assert_status (by_number, 200, NULL);
  g_assert_cmpint (audit_rows_of ("browser"), ==, before + 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'subject.lookup'"), ==,
                   lookups + 1);
}

void
hc_test_records_person_file_masked_add (void)
{
  g_test_add_func ("/records/person-file-masked-at-the-boundary", test_person_file_masked_at_the_boundary);
}

void
hc_test_records_person_file_add (void)
{
  g_test_add_func ("/records/person-file-lookups-audited-and-limited", test_person_file_lookups_audited_and_limited);
  g_test_add_func ("/records/file-carries-first-page-of-each-section", test_file_carries_first_page_of_each_section);
  g_test_add_func ("/records/person-file-by-reference", test_person_file_by_reference);
}
