/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of test-api-lists: the notice period, objections, four-eyes publication and the red
 * list. */
#include "config.h"

#include <string.h>

#include "hc-test-server.h"
#include "test-api-lists.h"

/* Writes the database directly: to date an objection back in time, which
 * no request can (and no test should wait for). */
static void
exec_sql (const char *sql)
{
  hc_test_exec_sql (server, sql);
}

/* Today in Hainan, "YYYY-MM-DD". */
static char *
hainan_today (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);

  return g_date_time_format (now, "%Y-%m-%d");
}

static const char *
error_message (HcTestResponse *r)
{
  JsonObject *err = json_object_get_object_member (hc_test_response_object (r), "error");

  return json_object_get_string_member (err, "message");
}

/* "YYYY-MM-DD" plus @days. */
static char *
date_add_days (const char *date,
               guint       days)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_parse (&d, date);
  g_assert_true (g_date_valid (&d));
  g_date_add_days (&d, days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
}

static void
test_notice_period_is_set_by_an_admin (void)
{
  g_autoptr(HcTestResponse) by_supervisor = lists_set_notice_days ("red", supervisor, 0);
  g_autoptr(HcTestResponse) too_long = lists_set_notice_days ("red", admin, 91);
  g_autoptr(HcTestResponse) negative = lists_set_notice_days ("red", admin, -1);
  g_autoptr(HcTestResponse) unknown = lists_set_notice_days ("purple", admin, 3);
  g_autoptr(HcTestResponse) ok = lists_set_notice_days ("red", admin, 10);
  g_autoptr(HcTestResponse) back = lists_set_notice_days ("red", admin, 5);

  hc_assert_status (by_supervisor, 403, "forbidden");
  hc_assert_status (too_long, 422, "value_out_of_range");
  g_assert_cmpstr (hc_test_response_error_field (too_long), ==, "notice_days");
  hc_assert_status (negative, 422, "value_out_of_range");
  hc_assert_status (unknown, 404, "not_found");
  hc_assert_status (ok, 200, NULL);
  g_assert_cmpint (lists_num (ok, "notice_days"), ==, 10);
  hc_assert_status (back, 200, NULL);
  g_assert_cmpint (lists_count ("SELECT count(*) FROM audit WHERE action = 'list_type.update' AND entity_id = 'red'"), ==, 2);
}

/* 四眼原则: the proposer cannot publish its own black- or watch-list entry,
 * an analyst cannot publish one at all, and nobody can before the notice
 * period has run; each refusal changes nothing. The period is the type's
 * notice_days, set by an admin, so the test never waits. */
static void
test_four_eyes_publish (void)
{
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autofree char *history_sql = NULL;
  g_autoptr(HcTestResponse) proposed = NULL;
  g_autoptr(HcTestResponse) noticed = NULL;
  g_autoptr(HcTestResponse) by_analyst = NULL;
  g_autoptr(HcTestResponse) too_early = NULL;
  g_autoptr(HcTestResponse) by_proposer = NULL;
  g_autoptr(HcTestResponse) period = NULL;
  g_autoptr(HcTestResponse) by_proposer_later = NULL;
  g_autoptr(HcTestResponse) by_other = NULL;
  g_autoptr(HcTestResponse) restore = NULL;
  const char *message;
  gint64 id;

  /* A supervisor proposes a 重点关注名单 entry (notice period 5 days). */
  body = g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《海南自由贸易港社会信用条例》\","
                          "\"facts\":\"测试事实\",\"measures\":[\"watch.interview\"]}", lists_new_subject (), department);
  proposed = hc_test_request (server, "POST", "/lists/watch/entries", supervisor, body);
  hc_assert_status (proposed, 201, NULL);
  id = lists_num (proposed, "id");
  history_sql = g_strdup_printf ("SELECT count(*) FROM list_entry_history WHERE entry_id = %" G_GINT64_FORMAT, id);
  noticed = lists_transition (id, proposed->etag, analyst, "notice", NULL);
  hc_assert_status (noticed, 200, NULL);
  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, id);

  by_analyst = lists_transition (id, noticed->etag, analyst, "publish", NULL);
  hc_assert_status (by_analyst, 403, "forbidden");
  g_assert_nonnull (strstr (error_message (by_analyst), "重点关注名单"));
  by_proposer = lists_transition (id, noticed->etag, supervisor, "publish", NULL);
  hc_assert_status (by_proposer, 403, "own_proposal");
  too_early = lists_transition (id, noticed->etag, admin, "publish", NULL);
  hc_assert_status (too_early, 409, "notice_period");
  /* The message names the day it opens: the notice's 5 days counted
   * (working days of the holiday calendar: test-api-list-deadlines). */
  message = error_message (too_early);
  g_assert_nonnull (strstr (message, lists_str (noticed, "publishable_from")));
  g_assert_cmpint (lists_count (history_sql), ==, 2);
  {
    g_autoptr(HcTestResponse) now = hc_test_request (server, "GET", path, analyst, NULL);

    g_assert_cmpstr (lists_str (now, "state"), ==, "noticed");
    g_assert_cmpstr (now->etag, ==, noticed->etag);
  }

  /* Once the period has run (here: the notice's deadline dated back in the
   * database), the proposer still may not… */
  period = lists_set_notice_days ("watch", admin, 0);
  hc_assert_status (period, 200, NULL);
  {
    g_autofree char *today = hainan_today ();
    g_autofree char *back = g_strdup_printf ("UPDATE list_entry_history SET deadline = '%s'"
                                             " WHERE entry_id = %" G_GINT64_FORMAT " AND action = 'notice'", today, id);

    exec_sql (back);
  }
  by_proposer_later = lists_transition (id, noticed->etag, supervisor, "publish", NULL);
  hc_assert_status (by_proposer_later, 403, "own_proposal");
  /* …but another supervisor (here the admin) may. */
  by_other = lists_transition (id, noticed->etag, admin, "publish", NULL);
  hc_assert_status (by_other, 200, NULL);
  g_assert_cmpstr (lists_str (by_other, "state"), ==, "published");
  restore = lists_set_notice_days ("watch", admin, 5);
  hc_assert_status (restore, 200, NULL);
}

static gboolean
boolean (HcTestResponse *r,
         const char     *member)
{
  return json_object_get_boolean_member (hc_test_response_object (r), member);
}

static gboolean
is_null (HcTestResponse *r,
         const char     *member)
{
  return json_object_get_null_member (hc_test_response_object (r), member);
}

/* An objection (异议) freezes the entry: it stays, visible, 异议中 with its
 * publicity paused and the day it must be decided by; upholding it resumes
 * the publicity, revoking it ends the entry — never deletes it. An
 * objection past its deadline is overdue. */
static void
test_objection_freezes_and_thaws (void)
{
  g_auto(Entry) e = { 0, };
  g_autofree char *today = hainan_today ();
  g_autofree char *fifteen = date_add_days (today, 15);
  const char *deadline;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(HcTestResponse) objected = NULL;
  g_autoptr(HcTestResponse) listed = NULL;
  g_autoptr(HcTestResponse) upheld = NULL;
  g_autoptr(HcTestResponse) again = NULL;
  g_autoptr(HcTestResponse) late = NULL;
  g_autoptr(HcTestResponse) revoked = NULL;
  g_autoptr(HcTestResponse) kept = NULL;
  const char *until;

  lists_entry_in_state ("published", &e);
  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, e.id);
  {
    g_autoptr(HcTestResponse) published = hc_test_request (server, "GET", path, analyst, NULL);

    g_assert_false (boolean (published, "publicity_paused"));
    g_assert_false (boolean (published, "overdue"));
    g_assert_true (is_null (published, "objection_deadline"));
    until = lists_str (published, "published_until");
    g_assert_nonnull (until);
    until = g_intern_string (until);
  }

  objected = lists_transition (e.id, e.etag, analyst, "object", "主体称已履行判决");
  hc_assert_status (objected, 200, NULL);
  g_assert_cmpstr (lists_str (objected, "state"), ==, "objected");
  g_assert_true (boolean (objected, "publicity_paused"));
  g_assert_cmpstr (lists_str (objected, "objected_on"), ==, today);
  /* 15 working days of the holiday calendar (test-api-list-deadlines has
   * the exact days), at least 15 calendar days. */
  deadline = g_intern_string (lists_str (objected, "objection_deadline"));
  g_assert_cmpstr (deadline, >=, fifteen);
  g_assert_cmpint (lists_num (objected, "objection_deadline_days"), ==, 15);
  g_assert_false (boolean (objected, "overdue"));
  /* Frozen, not gone: the entry is listed under 异议中. */
  listed = hc_test_request (server, "GET", "/lists/black/entries?state=objected&limit=200", analyst, NULL);
  hc_assert_status (listed, 200, NULL);
  {
    JsonArray *items = json_object_get_array_member (hc_test_response_object (listed), "items");
    gboolean found = FALSE;

    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *row = json_array_get_object_element (items, i);

        if (json_object_get_int_member (row, "id") == e.id)
          {
            found = TRUE;
            g_assert_true (json_object_get_boolean_member (row, "publicity_paused"));
            g_assert_cmpstr (json_object_get_string_member (row, "objection_deadline"), ==, deadline);
          }
      }
    g_assert_true (found);
  }

  /* Upheld: the entry is published again, unfrozen, its period unchanged. */
  upheld = lists_transition (e.id, objected->etag, supervisor, "uphold", "核查无误，维持列入");
  hc_assert_status (upheld, 200, NULL);
  g_assert_cmpstr (lists_str (upheld, "state"), ==, "published");
  g_assert_false (boolean (upheld, "publicity_paused"));
  g_assert_true (is_null (upheld, "objection_deadline"));
  g_assert_cmpstr (lists_str (upheld, "published_until"), ==, until);

  /* A second objection whose deadline has passed (dated back in the
   * database): it is overdue. */
  again = lists_transition (e.id, upheld->etag, analyst, "object", "再次异议");
  hc_assert_status (again, 200, NULL);
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
    g_autoptr(GDateTime) now = g_date_time_new_now (tz);
    g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
    g_autofree char *day = g_date_time_format (yesterday, "%Y-%m-%d");

    sql = g_strdup_printf ("UPDATE list_entry_history SET deadline = '%s'"
                           " WHERE entry_id = %" G_GINT64_FORMAT " AND id = (SELECT max (id) FROM list_entry_history"
                           " WHERE entry_id = %" G_GINT64_FORMAT ")", day, e.id, e.id);
  }
  exec_sql (sql);
  late = hc_test_request (server, "GET", path, analyst, NULL);
  g_assert_true (boolean (late, "overdue"));
  g_assert_cmpstr (lists_str (late, "objection_deadline"), <, today);

  /* Revoked: the entry leaves the list, and stays with its whole history. */
  revoked = lists_transition (e.id, late->etag, supervisor, "revoke", "异议成立，撤销列入");
  hc_assert_status (revoked, 200, NULL);
  g_assert_cmpstr (lists_str (revoked, "state"), ==, "exited");
  g_assert_false (boolean (revoked, "publicity_paused"));
  g_assert_false (boolean (revoked, "overdue"));
  g_assert_cmpstr (lists_str (revoked, "published_until"), ==, today);
  kept = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (kept, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (kept), "history")), ==, 7);
}

/* The red list rewards: it needs neither four eyes nor a notice period. */
static void
test_red_list_publishes_at_once (void)
{
  g_autoptr(HcTestResponse) proposed = lists_propose ("red", lists_new_subject (), "[\"red.green_channel\"]");
  g_autoptr(HcTestResponse) noticed = NULL;
  g_autoptr(HcTestResponse) published = NULL;

  hc_assert_status (proposed, 201, NULL);
  noticed = lists_transition (lists_num (proposed, "id"), proposed->etag, analyst, "notice", NULL);
  hc_assert_status (noticed, 200, NULL);
  published = lists_transition (lists_num (proposed, "id"), noticed->etag, analyst, "publish", NULL);
  hc_assert_status (published, 200, NULL);
}

void
hc_test_lists_publish_add (void)
{
  g_test_add_func ("/lists/objection-freezes-and-thaws", test_objection_freezes_and_thaws);
  g_test_add_func ("/lists/notice-period-is-set-by-an-admin", test_notice_period_is_set_by_an_admin);
  g_test_add_func ("/lists/four-eyes-publish", test_four_eyes_publish);
  g_test_add_func ("/lists/red-list-publishes-at-once", test_red_list_publishes_at_once);
}
