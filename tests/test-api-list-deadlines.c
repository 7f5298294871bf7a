/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of the 名单 deadlines (issue 9): the notice period (告知) before
 * a black- or watch-list entry may be published and the time an objection
 * (异议) must be decided in are counted in working days of the holiday
 * calendar (data/holidays-cn.json, loaded by default), in calendar days
 * without one (--holidays=none) or beyond its years; each step keeps the
 * deadline and the rule it was counted by, which a later change of the
 * list type or of the calendar does not move. */
#include "config.h"

#include <string.h>

#include "hc-test-server.h"

#define CALENDAR_NAME "中国法定节假日 2025–2026"

static HcTestServer *server;
static const char *admin, *analyst, *supervisor;
static gint64 department;
static guint next_subject;

static const char * const usccs[] = {
  "91460100MA5T30017F", "91460200MA5T30025F", "91460400MA5T30033L", "91469005MA5T30041J",
  "91460100MA5T3005XP", "91460200MA5T30068W", "91460400MA5T300762", "91469005MA5T300840",
  "91460100MA5T300928", "91460200MA5T301053", "91460400MA5T301138", "91469005MA5T301216",
};

static const char *
new_subject (HcTestServer *srv)
{
  const char *uscc;
  g_autofree char *name = NULL;

  g_assert_cmpuint (next_subject, <, G_N_ELEMENTS (usccs));
  uscc = usccs[next_subject++];
  name = g_strdup_printf ("海南期限测试%u号贸易有限公司", next_subject);
  hc_test_create_subject (srv, uscc, name, "legal_person", "460100");
  return uscc;
}

static void
exec_sql (HcTestServer *srv,
          const char   *sql)
{
  hc_test_exec_sql (srv, sql);
}

static const char *
str (HcTestResponse *r,
     const char     *member)
{
  JsonObject *o = hc_test_response_object (r);

  return json_object_get_null_member (o, member) ? NULL : json_object_get_string_member (o, member);
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

static const char *
error_message (HcTestResponse *r)
{
  return json_object_get_string_member (json_object_get_object_member (hc_test_response_object (r), "error"),
                                        "message");
}

static HcTestResponse *
transition (HcTestServer *srv,
            gint64        id,
            const char   *etag,
            const char   *token,
            const char   *action,
            const char   *received_on)
{
  g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", id);
  g_autofree char *body = received_on
    ? g_strdup_printf ("{\"action\":\"%s\",\"reason\":\"测试理由\",\"received_on\":\"%s\"}", action, received_on)
    : g_strdup_printf ("{\"action\":\"%s\",\"reason\":\"测试理由\"}", action);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return hc_test_request_full (srv, "POST", path, token, "application/json", bytes, etag);
}

static void
set_type (HcTestServer *srv,
          const char   *type,
          const char   *body)
{
  g_autofree char *path = g_strdup_printf ("/list-types/%s", type);
  g_autoptr(HcTestResponse) r = hc_test_request (srv, "PATCH", path, hc_test_server_token (srv, "admin"), body);

  hc_assert_status (r, 200, NULL);
}

/* A black-list entry published on @srv and then dated back in the database
 * to a notice of 1 September 2025, so that objections of the autumn of
 * 2025 can be received after it. Returns its ETag. */
static char *
published_entry (HcTestServer *srv,
                 const char   *subject,
                 gint64        dept,
                 gint64       *id)
{
  const char *ana = hc_test_server_token (srv, "analyst");
  const char *sup = hc_test_server_token (srv, "supervisor");
  g_autofree char *body =
    g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《海南自由贸易港社会信用条例》\","
                     "\"facts\":\"测试事实\",\"measures\":[\"black.procurement_ban\"]}", subject, dept);
  g_autoptr(HcTestResponse) proposed = hc_test_request (srv, "POST", "/lists/black/entries", ana, body);
  g_autoptr(HcTestResponse) noticed = NULL;
  g_autoptr(HcTestResponse) published = NULL;
  g_autofree char *sql = NULL;

  hc_assert_status (proposed, 201, NULL);
  *id = num (proposed, "id");
  noticed = transition (srv, *id, proposed->etag, ana, "notice", NULL);
  hc_assert_status (noticed, 200, NULL);
  published = transition (srv, *id, noticed->etag, sup, "publish", NULL);
  hc_assert_status (published, 200, NULL);
  sql = g_strdup_printf ("UPDATE list_entries SET decided_on = '2025-09-01', published_from = '2025-09-01'"
                         " WHERE id = %" G_GINT64_FORMAT, *id);
  exec_sql (srv, sql);
  return g_strdup (published->etag);
}

static gint64
history_rows (HcTestServer *srv,
              gint64        id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM list_entry_history WHERE entry_id = %" G_GINT64_FORMAT, id);

  return hc_test_count_rows (srv, sql);
}

/* An objection received on Friday 26 September 2025: Sunday 28 September
 * is a 调休 working day, 1–8 October are 国庆/中秋 holidays, Saturday 11
 * October works again; its 15 working days end on 23 October (calendar
 * days would end on 11 October, during the holidays' aftermath). Upheld,
 * a second objection received on 11 February 2026 crosses 春节 (15–23
 * February off, 14 and 28 February working): 10 March. With a time of 30
 * days, one received on 4 December 2026 would run into 2027, which the
 * calendar does not cover: 30 calendar days, the calendar named. The entry
 * and each objection's history line keep the deadline and the rule. */
static void
test_objection_counts_working_days (void)
{
  const char *subject = new_subject (server);
  g_autofree char *etag = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HcTestResponse) autumn = NULL;
  g_autoptr(HcTestResponse) upheld = NULL;
  g_autoptr(HcTestResponse) spring = NULL;
  g_autoptr(HcTestResponse) upheld_again = NULL;
  g_autoptr(HcTestResponse) year_end = NULL;
  g_autoptr(HcTestResponse) read = NULL;
  JsonArray *history;
  JsonObject *last;
  gint64 id;

  etag = published_entry (server, subject, department, &id);
  autumn = transition (server, id, etag, analyst, "object", "2025-09-26");
  hc_assert_status (autumn, 200, NULL);
  g_assert_cmpstr (str (autumn, "state"), ==, "objected");
  g_assert_cmpstr (str (autumn, "objected_on"), ==, "2025-09-26");
  g_assert_cmpstr (str (autumn, "objection_deadline"), ==, "2025-10-23");
  g_assert_cmpstr (str (autumn, "objection_deadline_rule"), ==, "working_days");
  g_assert_cmpint (num (autumn, "objection_deadline_days"), ==, 15);
  g_assert_cmpstr (str (autumn, "objection_deadline_calendar"), ==, CALENDAR_NAME);
  /* Long past: overdue, and it stands out in the list under 异议中. */
  g_assert_true (flag (autumn, "overdue"));
  history = json_object_get_array_member (hc_test_response_object (autumn), "history");
  last = json_array_get_object_element (history, json_array_get_length (history) - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, "object");
  g_assert_cmpstr (json_object_get_string_member (last, "starts_on"), ==, "2025-09-26");
  g_assert_cmpstr (json_object_get_string_member (last, "deadline"), ==, "2025-10-23");
  g_assert_cmpstr (json_object_get_string_member (last, "deadline_rule"), ==, "working_days");

  upheld = transition (server, id, autumn->etag, supervisor, "uphold", NULL);
  hc_assert_status (upheld, 200, NULL);
  g_assert_null (str (upheld, "objection_deadline"));
  g_assert_null (str (upheld, "objection_deadline_rule"));
  g_assert_false (flag (upheld, "overdue"));

  spring = transition (server, id, upheld->etag, analyst, "object", "2026-02-11");
  hc_assert_status (spring, 200, NULL);
  g_assert_cmpstr (str (spring, "objection_deadline"), ==, "2026-03-10");
  g_assert_cmpstr (str (spring, "objection_deadline_rule"), ==, "working_days");

  upheld_again = transition (server, id, spring->etag, supervisor, "uphold", NULL);
  hc_assert_status (upheld_again, 200, NULL);
  set_type (server, "black", "{\"objection_days\":30}");
  year_end = transition (server, id, upheld_again->etag, analyst, "object", "2026-12-04");
  set_type (server, "black", "{\"objection_days\":15}");
  hc_assert_status (year_end, 200, NULL);
  g_assert_cmpstr (str (year_end, "objection_deadline"), ==, "2027-01-03");
  g_assert_cmpstr (str (year_end, "objection_deadline_rule"), ==, "calendar_days");
  g_assert_cmpint (num (year_end, "objection_deadline_days"), ==, 30);
  g_assert_cmpstr (str (year_end, "objection_deadline_calendar"), ==, CALENDAR_NAME);

  /* The objection keeps its 30 days though the type is back to 15. */
  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, id);
  read = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (read, 200, NULL);
  g_assert_cmpstr (str (read, "objection_deadline"), ==, "2027-01-03");
  g_assert_cmpint (num (read, "objection_deadline_days"), ==, 30);
}

/* received_on: a date, not after today, not before the notice, and only
 * with object; each refusal names the field and changes nothing. */
static void
test_received_on_is_checked (void)
{
  const char *subject = new_subject (server);
  g_autofree char *etag = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GTimeZone) hainan = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (hainan);
  g_autoptr(GDateTime) tomorrow_time = g_date_time_add_days (now, 1);
  g_autofree char *tomorrow = g_date_time_format (tomorrow_time, "%Y-%m-%d");
  const char *bad[] = { "2025-13-01", "26.09.2025", tomorrow, "2025-08-31" };
  gint64 id, rows;

  etag = published_entry (server, subject, department, &id);
  rows = history_rows (server, id);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(HcTestResponse) r = transition (server, id, etag, analyst, "object", bad[i]);

      hc_assert_status (r, 422, "invalid_date");
      g_assert_cmpstr (hc_test_response_error_field (r), ==, "received_on");
      g_test_message ("%s: %s", bad[i], error_message (r));
    }
  {
    g_autoptr(HcTestResponse) r = transition (server, id, etag, supervisor, "exit", "2025-09-26");

    hc_assert_status (r, 422, "unknown_field");
    g_assert_cmpstr (hc_test_response_error_field (r), ==, "received_on");
  }
  /* Before the notice (1 September 2025): the message names the first day. */
  {
    g_autoptr(HcTestResponse) r = transition (server, id, etag, analyst, "object", "2025-08-31");

    g_assert_nonnull (strstr (error_message (r), "2025-09-01"));
  }
  g_assert_cmpint (history_rows (server, id), ==, rows);
  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, id);
  {
    g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);

    g_assert_cmpstr (str (r, "state"), ==, "published");
    g_assert_cmpstr (r->etag, ==, etag);
  }
  /* Without received_on: today. */
  {
    g_autoptr(HcTestResponse) r = transition (server, id, etag, analyst, "object", NULL);
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    hc_assert_status (r, 200, NULL);
    g_assert_cmpstr (str (r, "objected_on"), ==, today);
    g_assert_false (flag (r, "overdue"));
    g_assert_cmpstr (str (r, "objection_deadline"), >, today);
  }
}

/* The holiday calendar as the test reads it on its own (the oracle): its
 * days off and its working weekend days, and the years it covers. */
typedef struct
{
  GHashTable *holidays;
  GHashTable *workdays;
  gint64      first_year, last_year;
} Calendar;

static void
calendar_load (Calendar *c)
{
  g_autofree char *path = g_build_filename (g_getenv ("HC_SOURCE_ROOT"), "data", "holidays-cn.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *years;
  const char *members[] = { "holidays", "workdays" };

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  years = json_object_get_array_member (root, "years");
  c->first_year = json_array_get_int_element (years, 0);
  c->last_year = json_array_get_int_element (years, json_array_get_length (years) - 1);
  c->holidays = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->workdays = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      JsonArray *days = json_object_get_array_member (root, members[m]);

      for (guint i = 0; i < json_array_get_length (days); i++)
        g_hash_table_add (m == 0 ? c->holidays : c->workdays, g_strdup (json_array_get_string_element (days, i)));
    }
}

static void
calendar_clear (Calendar *c)
{
  g_clear_pointer (&c->holidays, g_hash_table_unref);
  g_clear_pointer (&c->workdays, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Calendar, calendar_clear)

/* The @days-th working day after @from, or %NULL when the count leaves
 * the calendar's years (then the server counts calendar days). */
static char *
working_days_after (Calendar   *c,
                    GDateTime  *from,
                    int         days)
{
  g_autoptr(GDateTime) day = g_date_time_ref (from);

  while (days > 0)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (day, 1);
      g_autofree char *text = g_date_time_format (next, "%Y-%m-%d");
      int dow = g_date_time_get_day_of_week (next);

      g_date_time_unref (day);
      day = g_steal_pointer (&next);
      if (g_date_time_get_year (day) > c->last_year)
        return NULL;
      if (g_hash_table_contains (c->workdays, text) || (dow <= 5 && !g_hash_table_contains (c->holidays, text)))
        days--;
    }
  return g_date_time_format (day, "%Y-%m-%d");
}

static HcTestResponse *
noticed_watch_entry (HcTestServer *srv,
                     gint64        dept)
{
  g_autofree char *body =
    g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《海南自由贸易港社会信用条例》\","
                     "\"facts\":\"测试事实\",\"measures\":[\"watch.interview\"]}", new_subject (srv), dept);
  g_autoptr(HcTestResponse) proposed = hc_test_request (srv, "POST", "/lists/watch/entries",
                                                        hc_test_server_token (srv, "analyst"), body);

  hc_assert_status (proposed, 201, NULL);
  return transition (srv, num (proposed, "id"), proposed->etag, hc_test_server_token (srv, "analyst"), "notice", NULL);
}

/* The notice period (告知, 5 days for the 重点关注名单) counts working days
 * from today's notice; publishing before its end is refused with the day
 * and the rule; the period is the notice's own, which a later change of
 * the type does not shorten; once it has run (dated back in the database)
 * another supervisor publishes. */
static void
test_notice_period_counts_working_days (void)
{
  g_auto(Calendar) calendar = { 0, };
  g_autoptr(GTimeZone) hainan = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (hainan);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *expected = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(HcTestResponse) noticed = noticed_watch_entry (server, department);
  g_autoptr(HcTestResponse) too_early = NULL;
  g_autoptr(HcTestResponse) shortened = NULL;
  g_autoptr(HcTestResponse) published = NULL;
  gint64 id;

  calendar_load (&calendar);
  expected = working_days_after (&calendar, now, 5);
  hc_assert_status (noticed, 200, NULL);
  id = num (noticed, "id");
  g_assert_cmpstr (str (noticed, "decided_on"), ==, today);
  g_assert_cmpint (num (noticed, "notice_days"), ==, 5);
  if (expected != NULL)
    {
      g_assert_cmpstr (str (noticed, "publishable_from"), ==, expected);
      g_assert_cmpstr (str (noticed, "notice_rule"), ==, "working_days");
    }
  else
    {
      g_autoptr(GDateTime) later = g_date_time_add_days (now, 5);
      g_autofree char *calendar_days = g_date_time_format (later, "%Y-%m-%d");

      g_test_message ("the notice period runs beyond the calendar's years: calendar days");
      g_assert_cmpstr (str (noticed, "publishable_from"), ==, calendar_days);
      g_assert_cmpstr (str (noticed, "notice_rule"), ==, "calendar_days");
    }
  g_assert_cmpstr (str (noticed, "notice_calendar"), ==, CALENDAR_NAME);

  too_early = transition (server, id, noticed->etag, admin, "publish", NULL);
  hc_assert_status (too_early, 409, "notice_period");
  g_assert_nonnull (strstr (error_message (too_early), str (noticed, "publishable_from")));
  if (expected != NULL)
    g_assert_nonnull (strstr (error_message (too_early), "working days"));

  /* The type's period made 0 does not shorten this notice's. */
  set_type (server, "watch", "{\"notice_days\":0}");
  shortened = transition (server, id, noticed->etag, admin, "publish", NULL);
  set_type (server, "watch", "{\"notice_days\":5}");
  hc_assert_status (shortened, 409, "notice_period");

  sql = g_strdup_printf ("UPDATE list_entry_history SET deadline = '%s' WHERE entry_id = %" G_GINT64_FORMAT
                         " AND action = 'notice'", today, id);
  exec_sql (server, sql);
  published = transition (server, id, noticed->etag, admin, "publish", NULL);
  hc_assert_status (published, 200, NULL);
}

/* Without a calendar (--holidays=none): calendar days, no calendar named,
 * for the notice and the objection. Started again with the calendar, both
 * keep the deadline and rule they were counted by. */
static void
test_without_calendar (void)
{
  const char *none[] = { "--holidays=none", NULL };
  HcTestServer *plain = hc_test_server_new (HC_TEST_SERVER_EMPTY, none);
  HcTestServer *again;
  gint64 dept, id;
  g_autofree char *etag = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GTimeZone) hainan = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (hainan);
  g_autoptr(GDateTime) in_five = g_date_time_add_days (now, 5);
  g_autofree char *five = g_date_time_format (in_five, "%Y-%m-%d");
  g_autoptr(HcTestResponse) noticed = NULL;
  g_autoptr(HcTestResponse) objected = NULL;
  g_autoptr(HcTestResponse) kept = NULL;
  g_autoptr(HcTestResponse) kept_notice = NULL;

  hc_test_create_user (plain, "analyst", "analyst");
  hc_test_create_user (plain, "supervisor", "supervisor");
  dept = hc_test_create_department (plain, "FY", "海南省高级人民法院");
  set_type (plain, "black", "{\"notice_days\":0}");

  noticed = noticed_watch_entry (plain, dept);
  hc_assert_status (noticed, 200, NULL);
  g_assert_cmpstr (str (noticed, "publishable_from"), ==, five);
  g_assert_cmpstr (str (noticed, "notice_rule"), ==, "calendar_days");
  g_assert_null (str (noticed, "notice_calendar"));

  etag = published_entry (plain, new_subject (plain), dept, &id);
  objected = transition (plain, id, etag, hc_test_server_token (plain, "analyst"), "object", "2025-09-26");
  hc_assert_status (objected, 200, NULL);
  g_assert_cmpstr (str (objected, "objection_deadline"), ==, "2025-10-11");
  g_assert_cmpstr (str (objected, "objection_deadline_rule"), ==, "calendar_days");
  g_assert_cmpint (num (objected, "objection_deadline_days"), ==, 15);
  g_assert_null (str (objected, "objection_deadline_calendar"));
  hc_test_server_stop (plain);

  again = hc_test_server_new_for_db (hc_test_server_get_db_path (plain), NULL);
  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, id);
  kept = hc_test_request (again, "GET", path, hc_test_server_token (again, "admin"), NULL);
  hc_assert_status (kept, 200, NULL);
  g_assert_cmpstr (str (kept, "objection_deadline"), ==, "2025-10-11");
  g_assert_cmpstr (str (kept, "objection_deadline_rule"), ==, "calendar_days");
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, num (noticed, "id"));
  kept_notice = hc_test_request (again, "GET", path, hc_test_server_token (again, "admin"), NULL);
  g_assert_cmpstr (str (kept_notice, "publishable_from"), ==, five);
  g_assert_cmpstr (str (kept_notice, "notice_rule"), ==, "calendar_days");
  hc_test_server_stop (again);
  hc_test_server_free (again);
  hc_test_server_free (plain);
}

/* A database of version 15 (objections and notices without a kept
 * deadline, as they were) migrates with each deadline as it was: calendar
 * days of the type's period from the objection's day in Hainan and from
 * the entry's notice day. */
static void
test_migration_keeps_old_deadlines (void)
{
  HcTestServer *old;
  HcTestServer *again;
  gint64 dept, id;
  g_autofree char *etag = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(HcTestResponse) objected = NULL;
  g_autoptr(HcTestResponse) migrated = NULL;

  if (hc_test_is_pg ())
    {
      /* the PostgreSQL twin of the migration is checked by api-pg-migrate */
      g_test_skip ("winds a SQLite file back to schema version 15 (PRAGMA user_version): SQLite only");
      return;
    }
  old = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);

  hc_test_create_user (old, "analyst", "analyst");
  hc_test_create_user (old, "supervisor", "supervisor");
  dept = hc_test_create_department (old, "FY", "海南省高级人民法院");
  set_type (old, "black", "{\"notice_days\":0}");
  etag = published_entry (old, new_subject (old), dept, &id);
  objected = transition (old, id, etag, hc_test_server_token (old, "analyst"), "object", "2025-09-26");
  hc_assert_status (objected, 200, NULL);
  g_assert_cmpstr (str (objected, "objection_deadline"), ==, "2025-10-23");
  set_type (old, "black", "{\"notice_days\":5}");
  hc_test_server_stop (old);

  /* As version 15 left them: the objection recorded at 23:30 UTC on 25
   * September (26 September in Hainan), nothing kept. */
  sql = g_strdup_printf ("UPDATE list_entry_history SET starts_on = NULL, deadline = NULL, deadline_rule = NULL,"
                         " deadline_days = NULL, deadline_calendar = NULL,"
                         " at = CASE action WHEN 'object' THEN '2025-09-25T23:30:00Z' ELSE at END"
                         " WHERE entry_id = %" G_GINT64_FORMAT ";"
                         "PRAGMA user_version = 15;", id);
  exec_sql (old, sql);

  again = hc_test_server_new_for_db (hc_test_server_get_db_path (old), NULL);
  g_assert_cmpint (hc_test_count_rows (again, "PRAGMA user_version"), >=, 16);
  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, id);
  migrated = hc_test_request (again, "GET", path, hc_test_server_token (again, "admin"), NULL);
  hc_assert_status (migrated, 200, NULL);
  g_assert_cmpstr (str (migrated, "objected_on"), ==, "2025-09-26");
  g_assert_cmpstr (str (migrated, "objection_deadline"), ==, "2025-10-11");
  g_assert_cmpstr (str (migrated, "objection_deadline_rule"), ==, "calendar_days");
  g_assert_cmpint (num (migrated, "objection_deadline_days"), ==, 15);
  /* Noticed on 1 September 2025 (dated back), the type's 5 days now. */
  g_assert_cmpstr (str (migrated, "publishable_from"), ==, "2025-09-06");
  g_assert_cmpstr (str (migrated, "notice_rule"), ==, "calendar_days");
  hc_test_server_stop (again);
  hc_test_server_free (again);
  hc_test_server_free (old);
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  admin = hc_test_server_token (server, "admin");
  analyst = hc_test_create_user (server, "analyst", "analyst");
  supervisor = hc_test_create_user (server, "supervisor", "supervisor");
  department = hc_test_create_department (server, "FY", "海南省高级人民法院");
  /* Black-list entries are published on the day they are noticed here. */
  set_type (server, "black", "{\"notice_days\":0}");

  g_test_add_func ("/list-deadlines/objection-counts-working-days", test_objection_counts_working_days);
  g_test_add_func ("/list-deadlines/received-on-is-checked", test_received_on_is_checked);
  g_test_add_func ("/list-deadlines/notice-period-counts-working-days", test_notice_period_counts_working_days);
  g_test_add_func ("/list-deadlines/without-calendar", test_without_calendar);
  g_test_add_func ("/list-deadlines/migration-keeps-old-deadlines", test_migration_keeps_old_deadlines);

  ret = g_test_run ();
  hc_test_server_free (server);
  return ret;
}
