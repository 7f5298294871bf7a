/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of 信用修复: legal deadlines, overdue cases, decisions by role,
 * stale decisions, and an approval that repairs the list entry with it. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "hc-test-server.h"

static HcTestServer *server;
static const char *admin, *analyst, *supervisor, *outsider, *nowhere;
static gint64 department, other_department;
static guint next_subject;

static void
register_subject (const char *identifier,
                const char *name,
                const char *type)
{
  hc_test_create_subject (server, identifier, name, type, "460200");
}

static const char *
new_subject (void)
{
  const char *uscc;
  g_autofree char *name = NULL;

  g_assert_cmpuint (next_subject, <, HC_TEST_N_USCCS);
  uscc = hc_test_usccs[next_subject++];
  name = g_strdup_printf ("三亚测试%u号旅游有限公司", next_subject);
  register_subject (uscc, name, "legal_person");
  return uscc;
}

static gint64
count (const char *sql)
{
  return hc_test_count_rows (server, sql);
}

static const char *
str (HcTestResponse *r,
     const char     *member)
{
  return json_object_get_string_member (hc_test_response_object (r), member);
}

static gint64
num (HcTestResponse *r,
     const char     *member)
{
  return json_object_get_int_member (hc_test_response_object (r), member);
}

static gboolean
flag (HcTestResponse *r,
      const char     *member)
{
  return json_object_get_boolean_member (hc_test_response_object (r), member);
}

static HcTestResponse *
post_with_etag (const char *path,
                const char *token,
                const char *body,
                const char *etag)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return hc_test_request_full (server, "POST", path, token, "application/json", bytes, etag);
}

/* A black-list entry of @subject, published. Returns its id. */
static gint64
published_entry (const char *subject)
{
  g_autofree char *body =
    g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《海南自由贸易港社会信用条例》\","
                     "\"measures\":[\"black.no_subsidies\"]}", subject, department);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/lists/black/entries", analyst, body);
  g_autofree char *path = NULL;
  g_autoptr(HcTestResponse) noticed = NULL;
  g_autoptr(HcTestResponse) published = NULL;

  hc_assert_status (r, 201, NULL);
  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", num (r, "id"));
  noticed = post_with_etag (path, analyst, "{\"action\":\"notice\"}", r->etag);
  hc_assert_status (noticed, 200, NULL);
  /* Four eyes: a supervisor who did not propose it publishes it. */
  published = post_with_etag (path, supervisor, "{\"action\":\"publish\"}", noticed->etag);
  hc_assert_status (published, 200, NULL);
  return num (r, "id");
}

static HcTestResponse *
apply_penalty (const char *subject,
               const char *applied_on)
{
  g_autofree char *body =
    g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"reason\":\"罚款已缴清\",\"commitment\":true,"
                     "\"department\":%" G_GINT64_FORMAT "%s%s%s}",
                     subject, department, applied_on ? ",\"applied_on\":\"" : "", applied_on ? applied_on : "",
                     applied_on ? "\"" : "");

  return hc_test_request (server, "POST", "/repairs", analyst, body);
}

static HcTestResponse *
apply_entry (const char *subject,
             gint64      entry_id,
             const char *applied_on)
{
  g_autofree char *body =
    g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"list_entry\",\"entry_id\":%" G_GINT64_FORMAT ","
                     "\"reason\":\"已履行全部义务\",\"commitment\":true,\"applied_on\":\"%s\"}",
                     subject, entry_id, applied_on);

  return hc_test_request (server, "POST", "/repairs", analyst, body);
}

static HcTestResponse *
decide (gint64      id,
        const char *token,
        const char *decision,
        const char *etag)
{
  g_autofree char *path = g_strdup_printf ("/repairs/%" G_GINT64_FORMAT "/decision", id);
  g_autofree char *body = g_strdup_printf ("{\"decision\":\"%s\",\"comment\":\"审核意见\"}", decision);

  return post_with_etag (path, token, body, etag);
}

/* With the holiday calendar (data/holidays-cn.json, loaded by default):
 * working days. Applied on Friday 26 September 2025: Sunday 28 September
 * is a 调休 working day, 1–8 October are 国庆/中秋 holidays, Saturday 11
 * October is a working day again. */
static void
test_deadline_counts_working_days_across_national_day (void)
{
  const char *subject = new_subject ();
  gint64 entry = published_entry (subject);
  g_autoptr(HcTestResponse) penalty = apply_penalty (subject, "2025-09-26");
  g_autoptr(HcTestResponse) listed = apply_entry (subject, entry, "2025-09-26");
  g_autoptr(HcTestResponse) spring = apply_penalty (subject, "2026-02-11");
  g_autoptr(HcTestResponse) year_end = apply_entry (subject, entry, "2026-12-04");
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) got = NULL;

  hc_assert_status (penalty, 201, NULL);
  /* 9-28 (调休), 29, 30, 10-9, 10, 11 (调休), 13–17, 20–23: the 15th is 23 October. */
  g_assert_cmpstr (str (penalty, "deadline"), ==, "2025-10-23");
  g_assert_cmpstr (str (penalty, "deadline_rule"), ==, "working_days");
  g_assert_cmpint (num (penalty, "deadline_days"), ==, 15);
  g_assert_cmpstr (str (penalty, "deadline_calendar"), ==, "中国法定节假日 2025–2026");
  hc_assert_status (listed, 201, NULL);
  g_assert_cmpstr (str (listed, "deadline"), ==, "2025-10-30");
  g_assert_cmpstr (str (listed, "deadline_rule"), ==, "working_days");
  g_assert_cmpint (num (listed, "deadline_days"), ==, 20);
  /* Across 春节 2026: 12, 13, 14 (调休), 24–27, 28 (调休), 3-2…6, 9, 10:
   * the 15th is 10 March. */
  hc_assert_status (spring, 201, NULL);
  g_assert_cmpstr (str (spring, "deadline"), ==, "2026-03-10");
  /* 20 working days from 4 December 2026 would run into 2027, which the
   * calendar does not cover: 20 calendar days, the calendar named. */
  hc_assert_status (year_end, 201, NULL);
  g_assert_cmpstr (str (year_end, "deadline"), ==, "2026-12-24");
  g_assert_cmpstr (str (year_end, "deadline_calendar"), ==, "中国法定节假日 2025–2026");
  g_assert_cmpstr (str (year_end, "deadline_rule"), ==, "calendar_days");

  /* The rule is the case's own: read back as created. */
  path = g_strdup_printf ("/repairs/%" G_GINT64_FORMAT, num (penalty, "id"));
  got = hc_test_get_object (server, "analyst", path);
  g_assert_cmpstr (json_object_get_string_member (got, "deadline"), ==, "2025-10-23");
  g_assert_cmpstr (json_object_get_string_member (got, "deadline_rule"), ==, "working_days");
}

/* Without a calendar (--holidays=none): calendar days, no calendar named.
 * A case keeps the rule it was counted by when the server starts again
 * with a calendar. A calendar file named but missing or wrong stops the
 * start with a message that names the file and the option. */
static void
test_deadline_without_calendar_and_bad_calendars (void)
{
  const char *none[] = { "--holidays=none", NULL };
  HcTestServer *plain = hc_test_server_new (HC_TEST_SERVER_EMPTY, none);
  HcTestServer *again;
  const char *token = hc_test_server_token (plain, "admin");
  gint64 dept = hc_test_create_department (plain, "SCJG", "海南省市场监督管理局");
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hc-holidays-XXXXXX", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *weekday_path = g_build_filename (dir, "weekday.json", NULL);
  g_autofree char *blank_path = g_build_filename (dir, "blank.json", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *missing_arg = g_strconcat ("--holidays=", missing_path, NULL);
  g_autofree char *bad_arg = g_strconcat ("--holidays=", bad_path, NULL);
  g_autofree char *weekday_arg = g_strconcat ("--holidays=", weekday_path, NULL);
  g_autofree char *blank_arg = g_strconcat ("--holidays=", blank_path, NULL);
  g_autofree char *db_arg = g_strconcat ("--db=", hc_test_server_get_db_path (plain), NULL);
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) old = NULL;
  JsonObject *o;

  hc_test_create_subject (plain, hc_test_usccs[HC_TEST_N_USCCS - 1], "三亚无日历测试旅游有限公司", "legal_person", "460200");
  body = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"reason\":\"罚款已缴清\","
                          "\"department\":%" G_GINT64_FORMAT ",\"applied_on\":\"2025-09-26\"}",
                          hc_test_usccs[HC_TEST_N_USCCS - 1], dept);
  r = hc_test_request (plain, "POST", "/repairs", token, body);
  hc_assert_status (r, 201, NULL);
  o = hc_test_response_object (r);
  g_assert_cmpstr (json_object_get_string_member (o, "deadline"), ==, "2025-10-11");
  g_assert_cmpstr (json_object_get_string_member (o, "deadline_rule"), ==, "calendar_days");
  g_assert_cmpint (json_object_get_int_member (o, "deadline_days"), ==, 15);
  g_assert_true (json_object_get_null_member (o, "deadline_calendar"));
  hc_test_server_stop (plain);

  /* Started again with the calendar: the case keeps its deadline. */
  again = hc_test_server_new_for_db (hc_test_server_get_db_path (plain), NULL);
  path = g_strdup_printf ("/repairs/%" G_GINT64_FORMAT, json_object_get_int_member (o, "id"));
  old = hc_test_request (again, "GET", path, hc_test_server_token (again, "admin"), NULL);
  hc_assert_status (old, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (old), "deadline"), ==, "2025-10-11");
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (old), "deadline_rule"), ==, "calendar_days");
  hc_test_server_stop (again);

  g_assert_true (g_file_set_contents (bad_path, "{\"name\":\"坏日历\",\"years\":[2025,2025],"
                                      "\"holidays\":[\"2025-13-01\"],\"workdays\":[]}", -1, NULL));
  g_assert_true (g_file_set_contents (weekday_path, "{\"name\":\"坏日历\",\"years\":[2025,2025],"
                                      "\"holidays\":[],\"workdays\":[\"2025-09-29\"]}", -1, NULL));
  /* White space alone parses as JSON, to no value at all. */
  g_assert_true (g_file_set_contents (blank_path, " \n\t\n", -1, NULL));
  {
    const char *args[][4] = {
      { db_arg, "--listen=127.0.0.1:0", missing_arg, NULL },
      { db_arg, "--listen=127.0.0.1:0", bad_arg, NULL },
      { db_arg, "--listen=127.0.0.1:0", weekday_arg, NULL },
      { db_arg, "--listen=127.0.0.1:0", blank_arg, NULL },
    };
    const char *says[] = { "missing.json", "bad.json", "2025-09-29", "blank.json" };

    for (guint i = 0; i < G_N_ELEMENTS (args); i++)
      {
        g_autofree char *err = NULL;

        g_assert_cmpint (hc_test_server_command (args[i], NULL, &err), ==, 2);
        g_test_message ("%s", err);
        g_assert_nonnull (strstr (err, says[i]));
        g_assert_nonnull (strstr (err, "--holidays"));
        g_assert_null (strstr (err, "CRITICAL"));
      }
  }
  g_unlink (bad_path);
  g_unlink (weekday_path);
  g_unlink (blank_path);
  g_rmdir (dir);
  hc_test_server_free (again);
  hc_test_server_free (plain);
}

static void
test_deadline_is_15_or_20_days (void)
{
  const char *subject = new_subject ();
  gint64 entry = published_entry (subject);
  g_autoptr(HcTestResponse) penalty = apply_penalty (subject, "2024-02-20");
  g_autoptr(HcTestResponse) listed = apply_entry (subject, entry, "2024-02-20");
  g_autoptr(HcTestResponse) today = apply_penalty (subject, NULL);
  g_autofree char *audit = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HcTestResponse) get = NULL;

  hc_assert_status (penalty, 201, NULL);
  g_assert_nonnull (penalty->etag);
  g_assert_cmpstr (str (penalty, "applied_on"), ==, "2024-02-20");
  /* 2024 is a leap year: 15 days after 20 February is 6 March. */
  g_assert_cmpstr (str (penalty, "deadline"), ==, "2024-03-06");
  g_assert_cmpstr (str (penalty, "state"), ==, "pending");
  g_assert_true (flag (penalty, "commitment"));
  g_assert_cmpstr (str (penalty, "subject_identifier"), ==, subject);
  /* 2024 is outside the holiday calendar (2025–2026): calendar days, and
   * the case says so. */
  g_assert_cmpstr (str (penalty, "deadline_rule"), ==, "calendar_days");
  g_assert_cmpint (num (penalty, "deadline_days"), ==, 15);
  g_assert_cmpstr (str (penalty, "deadline_calendar"), ==, "中国法定节假日 2025–2026");
  hc_assert_status (listed, 201, NULL);
  g_assert_cmpstr (str (listed, "deadline"), ==, "2024-03-11");
  g_assert_cmpint (num (listed, "deadline_days"), ==, 20);
  g_assert_cmpint (num (listed, "entry_id"), ==, entry);
  g_assert_cmpstr (str (listed, "list_type"), ==, "black");
  hc_assert_status (today, 201, NULL);
  g_assert_false (flag (today, "overdue"));

  path = g_strdup_printf ("/repairs/%" G_GINT64_FORMAT, num (listed, "id"));
  get = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (get, 200, NULL);
  g_assert_cmpstr (get->etag, ==, listed->etag);

  audit = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'repair.create' AND entity = 'repair'"
                           " AND entity_id = '%" G_GINT64_FORMAT "' AND actor = 'analyst'", num (penalty, "id"));
  g_assert_cmpint (count (audit), ==, 1);
}

static void
test_create_checks_its_input (void)
{
  const char *subject = new_subject ();
  const char *other = new_subject ();
  gint64 entry = published_entry (other);
  gint64 before = count ("SELECT count(*) FROM repairs");
  g_autofree char *mismatch_body =
    g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"list_entry\",\"entry_id\":%" G_GINT64_FORMAT ",\"reason\":\"x\"}",
                     subject, entry);
  g_autofree char *kind_body = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"fine\",\"reason\":\"x\"}", subject);
  g_autofree char *no_entry = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"list_entry\",\"reason\":\"x\"}", subject);
  g_autofree char *unknown_entry =
    g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"list_entry\",\"entry_id\":99999,\"reason\":\"x\"}", subject);
  g_autofree char *penalty_entry =
    g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"entry_id\":%" G_GINT64_FORMAT ",\"reason\":\"x\"}", other, entry);
  g_autofree char *no_reason = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\"}", subject);
  g_autofree char *bad_commit = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"reason\":\"x\",\"commitment\":\"yes\"}", subject);
  g_autoptr(HcTestResponse) r1 = hc_test_request (server, "POST", "/repairs", analyst, mismatch_body);
  g_autoptr(HcTestResponse) r2 = hc_test_request (server, "POST", "/repairs", analyst, kind_body);
  g_autoptr(HcTestResponse) r3 = hc_test_request (server, "POST", "/repairs", analyst, no_entry);
  g_autoptr(HcTestResponse) r4 = hc_test_request (server, "POST", "/repairs", analyst, unknown_entry);
  g_autoptr(HcTestResponse) r5 = hc_test_request (server, "POST", "/repairs", analyst, penalty_entry);
  g_autoptr(HcTestResponse) r6 = hc_test_request (server, "POST", "/repairs", analyst, no_reason);
  g_autoptr(HcTestResponse) r7 = hc_test_request (server, "POST", "/repairs", analyst, bad_commit);
  g_autoptr(HcTestResponse) r8 = apply_penalty (subject, "2999-01-01");
  g_autoptr(HcTestResponse) r9 = apply_penalty (subject, "2024-13-01");
  g_autoptr(HcTestResponse) r10 = apply_penalty ("91350100M000100Y43", NULL);
  g_autoptr(HcTestResponse) r11 = apply_penalty ("91350100M000100Y44", NULL);
  g_autoptr(HcTestResponse) r12 = apply_penalty ("46010019800101123X", NULL);
  g_autoptr(HcTestResponse) r13 = hc_test_request (server, "POST", "/repairs", analyst, "[\"x\"]");

  hc_assert_status (r1, 422, "entry_subject_mismatch");
  hc_assert_status (r2, 422, "invalid_kind");
  hc_assert_status (r3, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (r3), ==, "entry_id");
  hc_assert_status (r4, 422, "unknown_entry");
  hc_assert_status (r5, 422, "invalid_entry");
  hc_assert_status (r6, 422, "missing_field");
  hc_assert_status (r7, 400, "invalid_type");
  hc_assert_status (r8, 422, "invalid_date");
  hc_assert_status (r9, 422, "invalid_date");
  hc_assert_status (r10, 422, "unknown_subject");
  hc_assert_status (r11, 422, "invalid_uscc");
  hc_assert_status (r12, 422, "invalid_id_number");
  hc_assert_status (r13, 400, "invalid_json");
  {
    g_autoptr(HcTestResponse) anon = hc_test_request (server, "POST", "/repairs", NULL, kind_body);
    g_autoptr(HcTestResponse) anon_list = hc_test_request (server, "GET", "/repairs", NULL, NULL);

    hc_assert_status (anon, 401, "unauthenticated");
    hc_assert_status (anon_list, 401, "unauthenticated");
  }
  g_assert_cmpint (count ("SELECT count(*) FROM repairs"), ==, before);

  {
    /* Only an entry in force can be repaired. */
    g_autofree char *body =
      g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"x\",\"measures\":[\"watch.interview\"]}",
                       subject, department);
    g_autoptr(HcTestResponse) proposed = hc_test_request (server, "POST", "/lists/watch/entries", analyst, body);
    g_autoptr(HcTestResponse) r = NULL;

    hc_assert_status (proposed, 201, NULL);
    r = apply_entry (subject, num (proposed, "id"), "2025-01-01");
    hc_assert_status (r, 422, "entry_not_in_force");
  }
}

static void
test_overdue_cases (void)
{
  const char *subject = new_subject ();
  g_autoptr(HcTestResponse) late_pending = apply_penalty (subject, "2021-05-01");
  g_autoptr(HcTestResponse) fresh = apply_penalty (subject, NULL);
  g_autoptr(HcTestResponse) decided_late = apply_penalty (subject, "2022-01-10");
  g_autoptr(HcTestResponse) approved = NULL;
  g_autoptr(HcTestResponse) overdue = NULL;
  g_autoptr(HcTestResponse) all = NULL;
  JsonArray *items;
  gboolean found_late = FALSE, found_decided = FALSE;

  hc_assert_status (late_pending, 201, NULL);
  g_assert_true (flag (late_pending, "overdue"));
  g_assert_false (flag (fresh, "overdue"));
  /* Decided today, years after the deadline: overdue for good. */
  approved = decide (num (decided_late, "id"), supervisor, "approve", decided_late->etag);
  hc_assert_status (approved, 200, NULL);
  g_assert_cmpstr (str (approved, "state"), ==, "approved");
  g_assert_nonnull (str (approved, "decided_on"));
  g_assert_cmpstr (str (approved, "decided_by"), ==, "supervisor");
  g_assert_true (flag (approved, "overdue"));

  overdue = hc_test_request (server, "GET", "/repairs?overdue=1&total=1&limit=1000", analyst, NULL);
  hc_assert_status (overdue, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (overdue), "items");
  g_assert_cmpint (num (overdue, "total"), ==, json_array_get_length (items));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      gint64 id = json_object_get_int_member (item, "id");

      g_assert_true (json_object_get_boolean_member (item, "overdue"));
      g_assert_cmpint (id, !=, num (fresh, "id"));
      found_late |= id == num (late_pending, "id");
      found_decided |= id == num (decided_late, "id");
    }
  g_assert_true (found_late);
  g_assert_true (found_decided);

  all = hc_test_request (server, "GET", "/repairs?state=pending&total=1", analyst, NULL);
  g_assert_cmpint (num (all, "total"), ==, count ("SELECT count(*) FROM repairs WHERE state = 'pending'"));
  {
    g_autoptr(HcTestResponse) bad = hc_test_request (server, "GET", "/repairs?state=maybe", analyst, NULL);
    g_autoptr(HcTestResponse) missing = hc_test_request (server, "GET", "/repairs/99999", analyst, NULL);

    hc_assert_status (bad, 422, "invalid_state");
    hc_assert_status (missing, 404, "not_found");
  }
}

static void
test_approval_repairs_the_entry (void)
{
  const char *subject = new_subject ();
  gint64 entry = published_entry (subject);
  g_autoptr(HcTestResponse) applied = apply_entry (subject, entry, "2025-06-01");
  g_autoptr(HcTestResponse) forbidden = NULL;
  g_autoptr(HcTestResponse) approved = NULL;
  g_autoptr(HcTestResponse) again = NULL;
  g_autoptr(HcTestResponse) now = NULL;
  g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, entry);
  g_autofree char *audit = NULL;
  JsonArray *history;
  JsonObject *last;

  hc_assert_status (applied, 201, NULL);
  forbidden = decide (num (applied, "id"), analyst, "approve", applied->etag);
  hc_assert_status (forbidden, 403, "forbidden");
  g_assert_cmpint (count ("SELECT count(*) FROM repairs WHERE state <> 'pending' AND kind = 'list_entry'"), ==, 0);

  approved = decide (num (applied, "id"), supervisor, "approve", applied->etag);
  hc_assert_status (approved, 200, NULL);
  g_assert_cmpstr (str (approved, "state"), ==, "approved");
  g_assert_cmpstr (str (approved, "entry_state"), ==, "repaired");
  g_assert_cmpstr (approved->etag, !=, applied->etag);

  now = hc_test_request (server, "GET", path, analyst, NULL);
  g_assert_cmpstr (str (now, "state"), ==, "repaired");
  history = json_object_get_array_member (hc_test_response_object (now), "history");
  last = json_array_get_object_element (history, json_array_get_length (history) - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, "repair");
  g_assert_cmpstr (json_object_get_string_member (last, "from"), ==, "published");
  g_assert_cmpstr (json_object_get_string_member (last, "actor"), ==, "supervisor");
  g_assert_nonnull (strstr (json_object_get_string_member (last, "reason"), "审核意见"));

  audit = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'repair.decide' AND entity_id = '%" G_GINT64_FORMAT "'"
                           " AND before LIKE '%%pending%%' AND after LIKE '%%approved%%'", num (applied, "id"));
  g_assert_cmpint (count (audit), ==, 1);
  g_free (audit);
  audit = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'list_entry.transition' AND entity_id = '%" G_GINT64_FORMAT "'"
                           " AND after LIKE '%%repaired%%'", entry);
  g_assert_cmpint (count (audit), ==, 1);

  again = decide (num (applied, "id"), supervisor, "reject", approved->etag);
  hc_assert_status (again, 409, "already_decided");
}

static void
test_rejection_leaves_the_entry (void)
{
  const char *subject = new_subject ();
  gint64 entry = published_entry (subject);
  g_autoptr(HcTestResponse) applied = apply_entry (subject, entry, "2025-06-01");
  g_autoptr(HcTestResponse) rejected = decide (num (applied, "id"), supervisor, "reject", applied->etag);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM list_entries WHERE id = %" G_GINT64_FORMAT
                                          " AND state = 'published'", entry);
  g_autoptr(HcTestResponse) bad = decide (num (applied, "id"), supervisor, "maybe", rejected->etag);

  hc_assert_status (rejected, 200, NULL);
  g_assert_cmpstr (str (rejected, "state"), ==, "rejected");
  g_assert_cmpint (count (sql), ==, 1);
  hc_assert_status (bad, 422, "invalid_decision");
}

static void
test_stale_decision_changes_nothing (void)
{
  const char *subject = new_subject ();
  gint64 entry = published_entry (subject);
  g_autoptr(HcTestResponse) applied = apply_entry (subject, entry, "2025-06-01");
  g_autofree char *stale_etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", num (applied, "version") + 7);
  g_autoptr(HcTestResponse) stale = decide (num (applied, "id"), supervisor, "approve", stale_etag);
  g_autoptr(HcTestResponse) no_etag = decide (num (applied, "id"), supervisor, "approve", NULL);
  g_autoptr(HcTestResponse) missing = decide (99999, supervisor, "approve", "\"1\"");
  g_autofree char *repair_sql = g_strdup_printf ("SELECT count(*) FROM repairs WHERE id = %" G_GINT64_FORMAT
                                                 " AND state = 'pending' AND version = 1", num (applied, "id"));
  g_autofree char *entry_sql = g_strdup_printf ("SELECT count(*) FROM list_entry_history WHERE entry_id = %" G_GINT64_FORMAT,
                                                entry);

  hc_assert_status (stale, 412, "stale");
  hc_assert_status (no_etag, 428, "precondition_required");
  hc_assert_status (missing, 404, "not_found");
  g_assert_cmpint (count (repair_sql), ==, 1);
  g_assert_cmpint (count (entry_sql), ==, 3);
}

static void
test_approval_of_an_entry_no_longer_in_force_is_409 (void)
{
  const char *subject = new_subject ();
  gint64 entry = published_entry (subject);
  g_autoptr(HcTestResponse) applied = apply_entry (subject, entry, "2025-06-01");
  g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, entry);
  g_autofree char *tpath = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", entry);
  g_autoptr(HcTestResponse) current = hc_test_request (server, "GET", path, analyst, NULL);
  g_autoptr(HcTestResponse) exited = post_with_etag (tpath, supervisor, "{\"action\":\"exit\",\"reason\":\"期满前移出\"}",
                                                     current->etag);
  g_autoptr(HcTestResponse) approved = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM repairs WHERE id = %" G_GINT64_FORMAT " AND state = 'pending'",
                                          num (applied, "id"));
  gint64 audit = count ("SELECT count(*) FROM audit");

  hc_assert_status (exited, 200, NULL);
  approved = decide (num (applied, "id"), supervisor, "approve", applied->etag);
  hc_assert_status (approved, 409, "illegal_transition");
  g_assert_cmpint (count (sql), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM audit"), ==, audit);
}

static void
test_person_identifiers_are_masked (void)
{
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) as_admin = NULL;
  g_autofree char *path = NULL;

  register_subject ("460100197512310014", "王某", "natural_person");
  r = apply_penalty ("460100197512310014", "2025-03-03");
  hc_assert_status (r, 201, NULL);
  g_assert_cmpstr (str (r, "subject_identifier"), ==, "4601**********0014");
  path = g_strdup_printf ("/repairs/%" G_GINT64_FORMAT, num (r, "id"));
  as_admin = hc_test_request (server, "GET", path, admin, NULL);
  g_assert_cmpstr (str (as_admin, "subject_identifier"), ==, "460100197512310014");
}

/* A penalty repair names its penalty or the department that decided it;
 * a list entry's comes from the entry. Refusals change nothing. */
static void
test_department_checks_its_input (void)
{
  const char *subject = new_subject ();
  gint64 entry = published_entry (subject);
  gint64 before = count ("SELECT count(*) FROM repairs");
  g_autofree char *none = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"reason\":\"x\"}", subject);
  g_autofree char *unknown =
    g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"reason\":\"x\",\"department\":99999}", subject);
  g_autofree char *on_entry =
    g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"list_entry\",\"entry_id\":%" G_GINT64_FORMAT ","
                     "\"reason\":\"x\",\"department\":%" G_GINT64_FORMAT "}", subject, entry, other_department);
  g_autoptr(HcTestResponse) r1 = hc_test_request (server, "POST", "/repairs", analyst, none);
  g_autoptr(HcTestResponse) r2 = hc_test_request (server, "POST", "/repairs", analyst, unknown);
  g_autoptr(HcTestResponse) r3 = hc_test_request (server, "POST", "/repairs", analyst, on_entry);
  g_autoptr(HcTestResponse) listed = NULL;
  g_autoptr(HcTestResponse) penalty = NULL;

  hc_assert_status (r1, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (r1), ==, "department");
  hc_assert_status (r2, 422, "unknown_department");
  hc_assert_status (r3, 422, "invalid_department");
  g_assert_cmpint (count ("SELECT count(*) FROM repairs"), ==, before);

  /* the case carries the department that decides it */
  listed = apply_entry (subject, entry, "2025-06-01");
  penalty = apply_penalty (subject, "2025-06-01");
  hc_assert_status (listed, 201, NULL);
  g_assert_cmpint (num (listed, "department_id"), ==, department);
  g_assert_cmpstr (str (listed, "department_name"), ==, "海南省市场监督管理局");
  hc_assert_status (penalty, 201, NULL);
  g_assert_cmpint (num (penalty, "department_id"), ==, department);
}

/* 谁认定、谁修复: a supervisor of another department, or of none, gets 403
 * naming the department, and nothing changes; one of the designating
 * department decides. */
static void
test_only_the_designating_department_decides (void)
{
  const char *subject = new_subject ();
  gint64 entry = published_entry (subject);
  g_autoptr(HcTestResponse) listed = apply_entry (subject, entry, "2025-06-01");
  g_autoptr(HcTestResponse) penalty = apply_penalty (subject, "2025-06-01");
  g_autoptr(HcTestResponse) other = NULL;
  g_autoptr(HcTestResponse) none = NULL;
  g_autoptr(HcTestResponse) other_penalty = NULL;
  g_autoptr(HcTestResponse) approved = NULL;
  g_autoptr(HcTestResponse) rejected = NULL;
  g_autofree char *entry_path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, entry);
  g_autoptr(HcTestResponse) now = NULL;
  gint64 audits = count ("SELECT count(*) FROM audit WHERE action = 'repair.decide'");

  hc_assert_status (listed, 201, NULL);
  hc_assert_status (penalty, 201, NULL);
  other = decide (num (listed, "id"), outsider, "approve", listed->etag);
  hc_assert_status (other, 403, "not_designating_department");
  g_assert_nonnull (strstr (g_bytes_get_data (other->body, NULL), "海南省市场监督管理局"));
  none = decide (num (listed, "id"), nowhere, "approve", listed->etag);
  hc_assert_status (none, 403, "not_designating_department");
  {
    /* an administrator is no department either */
    g_autoptr(HcTestResponse) by_admin = decide (num (listed, "id"), admin, "approve", listed->etag);

    hc_assert_status (by_admin, 403, "not_designating_department");
  }
  other_penalty = decide (num (penalty, "id"), outsider, "reject", penalty->etag);
  hc_assert_status (other_penalty, 403, "not_designating_department");
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'repair.decide'"), ==, audits);
  now = hc_test_request (server, "GET", entry_path, analyst, NULL);
  g_assert_cmpstr (str (now, "state"), ==, "published");

  approved = decide (num (listed, "id"), supervisor, "approve", listed->etag);
  hc_assert_status (approved, 200, NULL);
  g_assert_cmpstr (str (approved, "state"), ==, "approved");
  rejected = decide (num (penalty, "id"), supervisor, "reject", penalty->etag);
  hc_assert_status (rejected, 200, NULL);
  g_clear_pointer (&now, hc_test_response_free);
  now = hc_test_request (server, "GET", entry_path, analyst, NULL);
  g_assert_cmpstr (str (now, "state"), ==, "repaired");
}

/* The evidence (证明材料) is kept in the order given and answered with the
 * case; a blank item or too many refuse the application and create nothing. */
static void
test_evidence_is_kept_in_order (void)
{
  const char *subject = new_subject ();
  gint64 entry = published_entry (subject);
  gint64 before = count ("SELECT count(*) FROM repairs");
  g_autoptr(GString) many = g_string_new (NULL);
  g_autofree char *blank_body = NULL;
  g_autofree char *many_body = NULL;
  g_autofree char *not_text = NULL;
  g_autofree char *good = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HcTestResponse) blank = NULL;
  g_autoptr(HcTestResponse) too_many = NULL;
  g_autoptr(HcTestResponse) wrong = NULL;
  g_autoptr(HcTestResponse) created = NULL;
  g_autoptr(JsonObject) got = NULL;
  JsonArray *evidence;

  blank_body = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"list_entry\",\"entry_id\":%" G_GINT64_FORMAT ","
                                "\"reason\":\"x\",\"evidence\":[\"法院结案通知书\",\"  \"]}", subject, entry);
  for (guint i = 0; i < 21; i++)
    g_string_append_printf (many, "%s\"材料%u\"", i ? "," : "", i);
  many_body = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"list_entry\",\"entry_id\":%" G_GINT64_FORMAT ","
                               "\"reason\":\"x\",\"evidence\":[%s]}", subject, entry, many->str);
  not_text = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"list_entry\",\"entry_id\":%" G_GINT64_FORMAT ","
                              "\"reason\":\"x\",\"evidence\":[1]}", subject, entry);
  blank = hc_test_request (server, "POST", "/repairs", analyst, blank_body);
  hc_assert_status (blank, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (blank), ==, "evidence");
  too_many = hc_test_request (server, "POST", "/repairs", analyst, many_body);
  hc_assert_status (too_many, 422, "too_long");
  wrong = hc_test_request (server, "POST", "/repairs", analyst, not_text);
  hc_assert_status (wrong, 400, "invalid_type");
  g_assert_cmpint (count ("SELECT count(*) FROM repairs"), ==, before);
  g_assert_cmpint (count ("SELECT count(*) FROM repair_evidence"), ==, 0);

  good = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"list_entry\",\"entry_id\":%" G_GINT64_FORMAT ","
                          "\"reason\":\"已履行\",\"evidence\":[\" 法院结案通知书 \",\"信用承诺书\"]}", subject, entry);
  created = hc_test_request (server, "POST", "/repairs", analyst, good);
  hc_assert_status (created, 201, NULL);
  path = g_strdup_printf ("/repairs/%" G_GINT64_FORMAT, num (created, "id"));
  got = hc_test_get_object (server, "analyst", path);
  evidence = json_object_get_array_member (got, "evidence");
  g_assert_cmpuint (json_array_get_length (evidence), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (evidence, 0), ==, "法院结案通知书");
  g_assert_cmpstr (json_array_get_string_element (evidence, 1), ==, "信用承诺书");
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  admin = hc_test_server_token (server, "admin");
  department = hc_test_create_department (server, "SCJG", "海南省市场监督管理局");
  other_department = hc_test_create_department (server, "SW", "国家税务总局海南省税务局");
  analyst = hc_test_create_user_in (server, "analyst", "analyst", department);
  supervisor = hc_test_create_user_in (server, "supervisor", "supervisor", department);
  outsider = hc_test_create_user_in (server, "outsider", "supervisor", other_department);
  nowhere = hc_test_create_user (server, "nowhere", "supervisor");
  {
    /* Entries are published the day they are noticed: no notice period. */
    g_autoptr(HcTestResponse) r = hc_test_request (server, "PATCH", "/list-types/black", admin, "{\"notice_days\":0}");

    hc_assert_status (r, 200, NULL);
  }

  g_test_add_func ("/repairs/deadline-is-15-or-20-days", test_deadline_is_15_or_20_days);
  g_test_add_func ("/repairs/deadline-counts-working-days-across-national-day",
                   test_deadline_counts_working_days_across_national_day);
  g_test_add_func ("/repairs/deadline-without-calendar-and-bad-calendars",
                   test_deadline_without_calendar_and_bad_calendars);
  g_test_add_func ("/repairs/create-checks-its-input", test_create_checks_its_input);
  g_test_add_func ("/repairs/evidence-is-kept-in-order", test_evidence_is_kept_in_order);
  g_test_add_func ("/repairs/overdue-cases", test_overdue_cases);
  g_test_add_func ("/repairs/approval-repairs-the-entry", test_approval_repairs_the_entry);
  g_test_add_func ("/repairs/rejection-leaves-the-entry", test_rejection_leaves_the_entry);
  g_test_add_func ("/repairs/stale-decision-changes-nothing", test_stale_decision_changes_nothing);
  g_test_add_func ("/repairs/approval-of-an-entry-no-longer-in-force-is-409",
                   test_approval_of_an_entry_no_longer_in_force_is_409);
  g_test_add_func ("/repairs/person-identifiers-are-masked", test_person_identifiers_are_masked);
  g_test_add_func ("/repairs/department-checks-its-input", test_department_checks_its_input);
  g_test_add_func ("/repairs/only-the-designating-department-decides", test_only_the_designating_department_decides);

  ret = g_test_run ();
  hc_test_server_free (server);
  return ret;
}
