/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of personal data (issue 11): 居民身份证号码 are masked at the
 * answer boundary of every route — risk events, list entries, the audit
 * log, import rejections, error messages — for every role but the
 * administrator, and no route confirms the hidden digits of a masked
 * number by trial: look-ups by a full number are audited and limited. */
#include "config.h"

#include <string.h>

#include "hc-core.h"
#include "hc-test-server.h"

static HcTestServer *server;
static char *analyst;
static char *analyst2;
static char *supervisor;
static gint64 department;

static gboolean
body_has (HcTestResponse *r,
          const char     *text)
{
  gsize len;
  const char *data = r->body ? g_bytes_get_data (r->body, &len) : NULL;

  return data != NULL && g_strstr_len (data, (gssize) len, text) != NULL;
}

/* The answer shows @id masked, never in full. */
static void
assert_masked (HcTestResponse *r,
               const char     *id)
{
  g_autofree char *masked = hc_id_number_mask (id);

  if (body_has (r, id))
    g_error ("the answer shows %s in full: %.*s", id, (int) MIN (g_bytes_get_size (r->body), 600),
             (const char *) g_bytes_get_data (r->body, NULL));
  g_assert_true (body_has (r, masked));
}

static HcTestResponse *
get (const char *token,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static HcTestResponse *
get (const char *token,
     const char *format,
     ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  return hc_test_request (server, "GET", path, token, NULL);
}

/* A natural person registered by the admin, with a risk event and a
 * blacklist entry naming them; every view of those masks the number. */
static void
test_masked_everywhere (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autofree char *id = hc_test_make_id_number ("460108", "19751009");
  g_autofree char *event_body = NULL;
  g_autofree char *entry_body = NULL;
  g_autoptr(HcTestResponse) event = NULL;
  g_autoptr(HcTestResponse) entry = NULL;
  gint64 event_id, entry_id;

  hc_test_create_subject (server, id, "王海燕", "natural_person", "460100");
  event_body = g_strdup_printf ("{\"region\":\"460100\",\"occurred_on\":\"2024-05-01\",\"category\":\"finance\","
                                "\"severity\":2,\"title\":\"非法集资线索\",\"subject\":\"%s\"}", id);
  event = hc_test_request (server, "POST", "/risk/events", admin, event_body);
  hc_assert_status (event, 201, NULL);
  event_id = json_object_get_int_member (hc_test_response_object (event), "id");
  entry_body = g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《海南自由贸易港社会信用条例》\","
                                "\"facts\":\"失信事实，当事人 %s\",\"measures\":[\"black.no_subsidies\"]}",
                                id, department, id);
  entry = hc_test_request (server, "POST", "/lists/black/entries", admin, entry_body);
  hc_assert_status (entry, 201, NULL);
  entry_id = json_object_get_int_member (hc_test_response_object (entry), "id");

  /* The administrator sees the number: it is there to be masked. */
  {
    g_autoptr(HcTestResponse) r = get (admin, "/risk/events/%" G_GINT64_FORMAT, event_id);
    g_autoptr(HcTestResponse) audit = get (admin, "/audit?limit=1000");

    hc_assert_status (r, 200, NULL);
    g_assert_true (body_has (r, id));
    hc_assert_status (audit, 200, NULL);
    g_assert_true (body_has (audit, id));
  }

  for (guint i = 0; i < 2; i++)
    {
      const char *token = i == 0 ? analyst : supervisor;
      g_autoptr(HcTestResponse) events = get (token, "/risk/events?limit=1000");
      g_autoptr(HcTestResponse) one_event = get (token, "/risk/events/%" G_GINT64_FORMAT, event_id);
      g_autoptr(HcTestResponse) entries = get (token, "/lists/black/entries?limit=1000");
      g_autoptr(HcTestResponse) one_entry = get (token, "/list-entries/%" G_GINT64_FORMAT, entry_id);
      g_autoptr(HcTestResponse) subjects = get (token, "/subjects?q=%s", "王海燕");

      hc_assert_status (events, 200, NULL);
      assert_masked (events, id);
      hc_assert_status (one_event, 200, NULL);
      assert_masked (one_event, id);
      hc_assert_status (entries, 200, NULL);
      assert_masked (entries, id);
      hc_assert_status (one_entry, 200, NULL);
      assert_masked (one_entry, id);   /* its facts, free text, too */
      hc_assert_status (subjects, 200, NULL);
      if (i == 1)
        assert_masked (subjects, id);
    }

  /* The audit log's before/after, as a supervisor reads it. */
  {
    g_autoptr(HcTestResponse) audit = get (supervisor, "/audit?limit=1000");

    hc_assert_status (audit, 200, NULL);
    assert_masked (audit, id);
  }
}

/* An error message that echoes what was sent masks it too. */
static void
test_error_messages_mask (void)
{
  g_autofree char *unknown = hc_test_make_id_number ("460105", "19880214");
  g_autofree char *body =
    g_strdup_printf ("{\"region\":\"460100\",\"occurred_on\":\"2024-05-01\",\"category\":\"finance\","
                     "\"severity\":2,\"title\":\"线索\",\"subject\":\"%s\"}", unknown);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/risk/events", analyst2, body);

  hc_assert_status (r, 422, "unknown_subject");
  assert_masked (r, unknown);
}

/* A catalog item of natural persons' 行政处罚, published. */
static gint64
person_penalty_item (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autofree char *item_body = NULL;
  g_autoptr(HcTestResponse) version = NULL;
  g_autoptr(HcTestResponse) item = NULL;
  g_autoptr(HcTestResponse) current = NULL;
  g_autoptr(HcTestResponse) published = NULL;

  version = hc_test_request (server, "POST", "/catalog/versions", admin, "{\"year\":2025}");
  hc_assert_status (version, 201, NULL);
  item_body = g_strdup_printf ("{\"category\":\"penalty\",\"name\":\"自然人行政处罚信息\",\"subject_type\":\"natural_person\","
                               "\"department_id\":%" G_GINT64_FORMAT ",\"disclosure\":\"public\","
                               "\"update_frequency\":\"monthly\",\"legal_basis\":\"《中华人民共和国行政处罚法》\","
                               "\"publicity_period\":\"3年\",\"expected_records\":100}", department);
  item = hc_test_request (server, "POST", "/catalog/versions/2025/items", admin, item_body);
  hc_assert_status (item, 201, NULL);
  current = hc_test_request (server, "GET", "/catalog/versions/2025", admin, NULL);
  hc_assert_status (current, 200, NULL);
  published = hc_test_request_full (server, "POST", "/catalog/versions/2025/publish", admin,
                                    NULL, NULL, current->etag);
  g_assert_cmpuint (published->status / 100, ==, 2);
  return json_object_get_int_member (hc_test_response_object (item), "id");
}

/* Import rejections name the row's subject: masked in the import's page
 * and the CSV report for anyone but an administrator. An analyst may not
 * ask require_subject of a file of people: accepted and rejected rows
 * would tell which ID numbers are registered, masked or not. */
static void
test_import_rejections_mask (void)
{
  gint64 item = person_penalty_item ();
  const char *admin = hc_test_server_token (server, "admin");
  g_autofree char *unregistered = hc_test_make_id_number ("460106", "19691130");
  g_autofree char *csv =
    g_strdup_printf ("uscc,name,decision_no,authority,decided_on,category,amount,publicity_until\n"
                     "%s,林某,琼市监罚〔2025〕77号,海口市市场监督管理局,2025-03-02,罚款,500.00,\n", unregistered);
  g_autofree char *path = g_strdup_printf ("/imports?kind=penalty&item=%" G_GINT64_FORMAT
                                           "&require_subject=1&file_name=persons.csv", item);
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(HcTestResponse) refused = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  gint64 imports_before = hc_test_count_rows (server, "SELECT count(*) FROM imports");
  gint64 import_id;

  refused = hc_test_request_full (server, "POST", path, analyst2, "text/csv", bytes, NULL);
  hc_assert_status (refused, 403, "forbidden");
  g_assert_cmpstr (hc_test_response_error_field (refused), ==, "require_subject");
  g_assert_false (body_has (refused, unregistered));
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM imports"), ==, imports_before);

  r = hc_test_request_full (server, "POST", path, admin, "text/csv", bytes, NULL);
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (json_object_get_int_member (hc_test_response_object (r), "rejected"), ==, 1);
  import_id = json_object_get_int_member (hc_test_response_object (r), "import_id");
  {
    g_autoptr(HcTestResponse) page = get (analyst2, "/imports/%" G_GINT64_FORMAT, import_id);
    g_autoptr(HcTestResponse) report = get (analyst2, "/imports/%" G_GINT64_FORMAT "/rejections.csv", import_id);
    g_autoptr(HcTestResponse) as_admin = get (admin, "/imports/%" G_GINT64_FORMAT "/rejections.csv", import_id);

    hc_assert_status (page, 200, NULL);
    g_assert_false (body_has (page, unregistered));
    hc_assert_status (report, 200, NULL);
    assert_masked (report, unregistered);
    hc_assert_status (as_admin, 200, NULL);
    g_assert_true (body_has (as_admin, unregistered));
  }
}

/* A first-generation number (15 digits, 1984-2004) is someone's too: it is
 * masked wherever it appears, like an 18-character one. */
static void
test_fifteen_digit_numbers_mask (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  const char *old = "460100800229123";
  g_autofree char *body =
    g_strdup_printf ("{\"region\":\"460100\",\"occurred_on\":\"2024-05-01\",\"category\":\"finance\","
                     "\"severity\":2,\"title\":\"线索 %s\",\"description\":\"旧身份证 %s。\"}", old, old);
  g_autoptr(HcTestResponse) event = hc_test_request (server, "POST", "/risk/events", admin, body);
  g_autoptr(HcTestResponse) as_admin = NULL;
  g_autoptr(HcTestResponse) as_analyst = NULL;
  g_autoptr(HcTestResponse) not_an_id = NULL;
  gint64 id;

  hc_assert_status (event, 201, NULL);
  id = json_object_get_int_member (hc_test_response_object (event), "id");
  as_admin = get (admin, "/risk/events/%" G_GINT64_FORMAT, id);
  as_analyst = get (analyst2, "/risk/events/%" G_GINT64_FORMAT, id);
  g_assert_true (body_has (as_admin, old));
  assert_masked (as_analyst, old);
  g_assert_true (body_has (as_analyst, "4601********123"));

  /* 15 digits that cannot hold a birth date (month 13) and 16 digits are
   * left alone. */
  {
    g_autofree char *b2 =
      g_strdup_printf ("{\"region\":\"460100\",\"occurred_on\":\"2024-05-01\",\"category\":\"finance\","
                       "\"severity\":2,\"title\":\"编号 460100801329123 与 4601008002291234\"}");
    g_autoptr(HcTestResponse) e2 = hc_test_request (server, "POST", "/risk/events", admin, b2);

    hc_assert_status (e2, 201, NULL);
    not_an_id = get (analyst2, "/risk/events/%" G_GINT64_FORMAT,
                     json_object_get_int_member (hc_test_response_object (e2), "id"));
    g_assert_true (body_has (not_an_id, "460100801329123"));
    g_assert_true (body_has (not_an_id, "4601008002291234"));
  }
}

/* The attack of issue 11: the masked number, the region and the check
 * character leave a few thousand candidates; an analyst tries them all by
 * GET /subjects/{identifier}. The run is refused long before it reaches the
 * right one, and never confirms it. */
static void
test_candidate_run_fails (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autofree char *id = hc_test_make_id_number ("460107", "19900517");
  g_autofree char *masked = hc_id_number_mask (id);
  g_autofree char *target_path = g_strdup_printf ("/subjects/%s", id);
  g_autoptr(HcTestResponse) listed = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 1940);
  JsonObject *seen;
  const char *shown;
  /* 海口 has four districts (460105-460108) behind "4601"; the run takes
   * the right one, the attacker's best case. */
  const char *district = "460107";
  guint tried = 0, not_found = 0, refused = 0;
  gboolean reached_target = FALSE;
  gint64 lookups_before;

  hc_test_create_subject (server, id, "陈美玲", "natural_person", "460100");
  {
    /* What a confirmation looks like, for one entitled to it. */
    g_autoptr(HcTestResponse) confirm = hc_test_request (server, "GET", target_path, admin, NULL);

    hc_assert_status (confirm, 200, NULL);
  }
  /* The administrator's look-ups are audited too, but not limited. */
  lookups_before = hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'subject.lookup'");

  /* What the analyst sees: the masked number and the region. */
  listed = get (analyst, "/subjects?q=%s&type=natural_person", "陈美玲");
  hc_assert_status (listed, 200, NULL);
  seen = json_array_get_object_element (json_object_get_array_member (hc_test_response_object (listed), "items"), 0);
  shown = json_object_get_string_member (seen, "identifier");
  g_assert_cmpstr (shown, ==, masked);

  /* Every birth date from 1940 to 2005 that fits the check character. */
  while (g_date_get_year (day) <= 2005)
    {
      char candidate[19];

      g_snprintf (candidate, sizeof candidate, "%.6s%04u%02u%02u%.3s", district, g_date_get_year (day),
                  g_date_get_month (day), g_date_get_day (day), shown + 14);
      candidate[17] = hc_id_number_compute_check (candidate);
      candidate[18] = '\0';
      g_date_add_days (day, 1);
      if (strncmp (candidate, shown, 4) != 0 || candidate[17] != shown[17])
        continue;
      {
        g_autofree char *path = g_strdup_printf ("/subjects/%s", candidate);
        g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);

        tried++;
        reached_target |= g_str_equal (candidate, id);
        g_assert_cmpuint (r->status, !=, 200);   /* never confirmed */
        if (r->status == 404)
          not_found++;
        else
          {
            hc_assert_status (r, 429, "too_many_lookups");
            g_assert_nonnull (r->retry_after);
            g_assert_cmpint (g_ascii_strtoll (r->retry_after, NULL, 10), >, 0);
            refused++;
          }
      }
    }
  g_assert_true (reached_target);
  g_assert_cmpuint (tried, >, 1000);
  g_assert_cmpuint (not_found, >, 0);           /* the route did answer at first */
  g_assert_cmpuint (not_found, <=, 20);         /* the default limit an hour */
  g_assert_cmpuint (refused, ==, tried - not_found);

  /* The other ways a route could confirm the number are closed as well. */
  {
    g_autofree char *body = g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"某\",\"type\":\"natural_person\"}", id);
    g_autoptr(HcTestResponse) create = hc_test_request (server, "POST", "/subjects", analyst, body);
    g_autoptr(HcTestResponse) search = get (analyst, "/subjects?q=%s", id);
    g_autoptr(HcTestResponse) entries = get (analyst, "/lists/black/entries?q=%s", id);
    g_autofree char *match = g_strdup_printf ("{\"subjects\":[\"%s\"]}", id);
    g_autoptr(HcTestResponse) matched = hc_test_request (server, "POST", "/lists/match", analyst, match);

    hc_assert_status (create, 429, "too_many_lookups");
    hc_assert_status (search, 429, "too_many_lookups");
    hc_assert_status (entries, 429, "too_many_lookups");
    hc_assert_status (matched, 429, "too_many_lookups");
    g_assert_nonnull (matched->retry_after);
  }
  /* and every other route that takes a full ID number (openapi.json
   * documents 429 too_many_lookups on each of them) */
  {
    static const char * const reads[] = { "/file", "/records?kind=penalty", "/report.pdf" };
    g_autofree char *subject_path = g_strdup_printf ("/subjects/%s", id);
    g_autofree char *entry = g_strdup_printf ("{\"subject\":\"%s\",\"department\":1,\"basis\":\"依据\","
                                              "\"facts\":\"事实\",\"measures\":[\"black.procurement_ban\"]}", id);
    g_autofree char *event = g_strdup_printf ("{\"subject\":\"%s\",\"region\":\"460100\",\"category\":\"finance\","
                                              "\"severity\":3,\"title\":\"标题\",\"occurred_on\":\"2025-01-02\"}", id);
    g_autofree char *repair = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"penalty_id\":1,"
                                               "\"reason\":\"理由\"}", id);
    g_autoptr(GBytes) patch_body = g_bytes_new_static ("{\"name\":\"某\"}", strlen ("{\"name\":\"某\"}"));
    g_autoptr(HcTestResponse) patched = hc_test_request_full (server, "PATCH", subject_path, analyst,
                                                              "application/json", patch_body, "\"1\"");
    g_autoptr(HcTestResponse) proposed = hc_test_request (server, "POST", "/lists/black/entries", analyst, entry);
    g_autoptr(HcTestResponse) reported = hc_test_request (server, "POST", "/risk/events", analyst, event);
    g_autoptr(HcTestResponse) repaired = hc_test_request (server, "POST", "/repairs", analyst, repair);

    for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
      {
        g_autofree char *path = g_strconcat (subject_path, reads[i], NULL);
        g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);

        hc_assert_status (r, 429, "too_many_lookups");
      }
    hc_assert_status (patched, 429, "too_many_lookups");
    hc_assert_status (proposed, 429, "too_many_lookups");
    hc_assert_status (reported, 429, "too_many_lookups");
    hc_assert_status (repaired, 429, "too_many_lookups");
  }

  /* Each look-up is in the audit log, and the refusal once. */
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'subject.lookup'"),
                   ==, lookups_before + not_found);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'subject.lookup_refused'"
                                               " AND actor = 'li.fen'"), ==, 1);

  /* The limit is the analyst's own: another one still looks people up,
   * and the administrator is not limited. */
  {
    g_autoptr(HcTestResponse) other = hc_test_request (server, "GET", target_path, supervisor, NULL);
    g_autoptr(HcTestResponse) by_admin = hc_test_request (server, "GET", target_path, admin, NULL);

    hc_assert_status (other, 200, NULL);
    assert_masked (other, id);
    hc_assert_status (by_admin, 200, NULL);
  }
}

/* A batch naming more people than the limit allows is refused whole. */
static void
test_match_batch_is_limited (void)
{
  g_autoptr(GString) body = g_string_new ("{\"subjects\":[");
  g_autoptr(HcTestResponse) r = NULL;

  for (guint i = 0; i < 21; i++)
    {
      g_autofree char *id = hc_test_make_id_number ("460105", "19700101");

      g_string_append_printf (body, "%s\"%s\"", i ? "," : "", id);
    }
  g_string_append (body, "]}");
  r = hc_test_request (server, "POST", "/lists/match", supervisor, body->str);
  hc_assert_status (r, 429, "too_many_lookups");
}

static char *
create_user (const char *username,
             const char *role)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"long-enough-pw\",\"role\":\"%s\"}",
                                           username, role);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/users", admin, body);

  hc_assert_status (r, 201, NULL);
  return hc_test_server_login (server, username, "long-enough-pw");
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  analyst = create_user ("li.fen", "analyst");
  analyst2 = create_user ("wu.lei", "analyst");
  supervisor = create_user ("zhao.qiang", "supervisor");
  {
    g_autoptr(HcTestResponse) dept =
      hc_test_request (server, "POST", "/departments", hc_test_server_token (server, "admin"),
                       "{\"code\":\"SCJG\",\"name\":\"海南省市场监督管理局\"}");

    hc_assert_status (dept, 201, NULL);
    department = json_object_get_int_member (hc_test_response_object (dept), "id");
  }

  g_test_add_func ("/privacy/masked-everywhere", test_masked_everywhere);
  g_test_add_func ("/privacy/error-messages-mask", test_error_messages_mask);
  g_test_add_func ("/privacy/import-rejections-mask", test_import_rejections_mask);
  g_test_add_func ("/privacy/fifteen-digit-numbers-mask", test_fifteen_digit_numbers_mask);
  g_test_add_func ("/privacy/candidate-run-fails", test_candidate_run_fails);
  g_test_add_func ("/privacy/match-batch-is-limited", test_match_batch_is_limited);

  status = g_test_run ();
  g_free (analyst);
  g_free (analyst2);
  g_free (supervisor);
  hc_test_server_free (server);
  return status;
}
