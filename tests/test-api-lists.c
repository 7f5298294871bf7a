/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of 名单: list types and measures, entries through their life
 * (roles, illegal moves, stale writes, history, audit), and batch matching
 * with JSON and CSV bodies. */
#include "config.h"

#include <string.h>

#include "hc-test-server.h"

static HcTestServer *server;
static const char *admin, *analyst, *supervisor;
static gint64 department;
static guint next_subject;

/* Valid 居民身份证号码 (GB 11643). */
static const char person_id[] = "460100198001011236";

/* Registers a subject straight in the database: the subjects API belongs to
 * another resource, and these tests are about the lists. */
static void
register_subject (const char *identifier,
                const char *name,
                const char *type,
                const char *region)
{
  hc_test_create_subject (server, identifier, name, type, region);
}

/* A new registered enterprise for the calling test (of hc_test_usccs:
 * one per test entry, so that open entries never collide). */
static const char *
new_subject (void)
{
  const char *uscc;
  g_autofree char *name = NULL;

  g_assert_cmpuint (next_subject, <, HC_TEST_N_USCCS);
  uscc = hc_test_usccs[next_subject++];
  name = g_strdup_printf ("海南测试%u号贸易有限公司", next_subject);
  register_subject (uscc, name, "legal_person", "460100");
  return uscc;
}

static gint64
count (const char *sql)
{
  return hc_test_count_rows (server, sql);
}

static HcTestResponse *
propose (const char *type,
         const char *subject,
         const char *measures)
{
  g_autofree char *path = g_strdup_printf ("/lists/%s/entries", type);
  g_autofree char *body =
    g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《海南自由贸易港社会信用条例》\","
                     "\"facts\":\"测试事实\",\"measures\":%s}", subject, department, measures);

  return hc_test_request (server, "POST", path, analyst, body);
}

static HcTestResponse *
transition (gint64      id,
            const char *etag,
            const char *token,
            const char *action,
            const char *reason)
{
  g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", id);
  g_autofree char *body = reason ? g_strdup_printf ("{\"action\":\"%s\",\"reason\":\"%s\"}", action, reason)
                                 : g_strdup_printf ("{\"action\":\"%s\"}", action);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return hc_test_request_full (server, "POST", path, token, "application/json", bytes, etag);
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

typedef struct
{
  gint64  id;
  char   *etag;
} Entry;

static void
entry_clear (Entry *e)
{
  g_clear_pointer (&e->etag, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Entry, entry_clear)

/* Takes @action as the role allowed to, asserting it succeeds. */
static void
step (Entry      *e,
      const char *action)
{
  /* Publishing a black-list entry takes a supervisor (four eyes). */
  gboolean by_analyst = g_str_equal (action, "notice") || g_str_equal (action, "object");
  g_autoptr(HcTestResponse) r = transition (e->id, e->etag, by_analyst ? analyst : supervisor, action, "测试理由");

  hc_assert_status (r, 200, NULL);
  g_free (e->etag);
  e->etag = g_strdup (r->etag);
}

/* A new black-list entry walked to @state. */
static void
entry_in_state (const char *state,
                Entry      *e)
{
  static const struct { const char *state; const char *path[4]; } paths[] = {
    { "proposed",  { NULL } },
    { "noticed",   { "notice", NULL } },
    { "published", { "notice", "publish", NULL } },
    { "objected",  { "notice", "publish", "object", NULL } },
    { "repaired",  { "notice", "publish", "repair", NULL } },
    { "exited",    { "notice", "publish", "exit", NULL } },
    { "expired",   { "notice", "publish", "expire", NULL } },
  };
  g_autoptr(HcTestResponse) r = propose ("black", new_subject (), "[\"black.procurement_ban\"]");

  hc_assert_status (r, 201, NULL);
  e->id = num (r, "id");
  e->etag = g_strdup (r->etag);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    if (g_str_equal (paths[i].state, state))
      {
        for (guint j = 0; paths[i].path[j] != NULL; j++)
          step (e, paths[i].path[j]);
        return;
      }
  g_assert_not_reached ();
}

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

static gboolean
has_measure (JsonArray  *measures,
             const char *code)
{
  for (guint m = 0; m < json_array_get_length (measures); m++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (measures, m), "code"), code))
      return TRUE;
  return FALSE;
}

static void
test_types_have_their_measures (void)
{
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", "/list-types", analyst, NULL);
  g_autoptr(HcTestResponse) anon = hc_test_request (server, "GET", "/list-types", NULL, NULL);
  JsonArray *items;
  guint found = 0;

  hc_assert_status (r, 200, NULL);
  hc_assert_status (anon, 401, "unauthenticated");
  items = json_object_get_array_member (hc_test_response_object (r), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *type = json_array_get_object_element (items, i);
      const char *key = json_object_get_string_member (type, "key");
      const char *cls = json_object_get_string_member (type, "class");
      JsonArray *measures = json_object_get_array_member (type, "measures");

      g_assert_cmpuint (json_array_get_length (measures), >=, 4);
      g_assert_cmpuint (json_array_get_length (measures), <=, 10);
      /* Every type starts with the default notice period (告知, 5 days). */
      g_assert_cmpint (json_object_get_int_member (type, "notice_days"), ==, 5);
      for (guint m = 0; m < json_array_get_length (measures); m++)
        {
          JsonObject *measure = json_array_get_object_element (measures, m);
          const char *basis = json_object_get_string_member (measure, "legal_basis");
          const char *own = json_object_get_null_member (measure, "list_type") ? NULL
                            : json_object_get_string_member (measure, "list_type");

          g_assert_true (g_str_has_prefix (json_object_get_string_member (measure, "code"), cls));
          g_assert_cmpstr (basis, !=, "");
          /* The 条例 by its right name. */
          g_assert_null (strstr (basis, "海南省社会信用条例"));
          /* A measure of one list type is offered on that type only. */
          g_assert_true (own == NULL || g_str_equal (own, key));
        }
      if (g_str_equal (key, "red"))
        {
          g_assert_cmpstr (cls, ==, "red");
          g_assert_cmpstr (json_object_get_string_member (type, "name"), ==, "守信激励名单");
          found |= 1;
        }
      else if (g_str_equal (key, "black"))
        {
          g_assert_cmpstr (json_object_get_string_member (type, "name"), ==, "严重失信主体名单");
          found |= 2;
        }
      else if (g_str_equal (key, "watch"))
        {
          g_assert_cmpstr (json_object_get_string_member (type, "name"), ==, "重点关注名单");
          found |= 4;
        }
      else if (g_str_equal (key, "abnormal"))
        {
          g_assert_cmpstr (cls, ==, "watch");
          found |= 8;
        }
      else if (g_str_equal (key, "smuggling_alert"))
        {
          g_assert_cmpstr (cls, ==, "watch");
          g_assert_true (has_measure (measures, "watch.customs_check"));
          g_assert_true (has_measure (measures, "watch.no_tax_free_shopping"));
          g_assert_false (has_measure (measures, "watch.declaration_review"));
          found |= 16;
        }
      else if (g_str_equal (key, "declaration_watch"))
        {
          /* 五(十)4: 故意不实申报的主体，列入申报关注名单，加强申报复核. */
          g_assert_cmpstr (cls, ==, "watch");
          g_assert_cmpstr (json_object_get_string_member (type, "name"), ==, "申报关注名单");
          g_assert_true (has_measure (measures, "watch.declaration_review"));
          g_assert_false (has_measure (measures, "watch.customs_check"));
          found |= 32;
        }
    }
  g_assert_cmpuint (found, ==, 63);
}

/* A measure of another list type is refused, one of the type accepted. */
static void
test_measures_of_one_type (void)
{
  g_autoptr(HcTestResponse) other = propose ("declaration_watch", new_subject (), "[\"watch.customs_check\"]");
  g_autoptr(HcTestResponse) own = propose ("declaration_watch", new_subject (),
                                           "[\"watch.declaration_review\",\"watch.interview\"]");

  hc_assert_status (other, 422, "invalid_measure");
  g_assert_cmpstr (hc_test_response_error_field (other), ==, "measures");
  hc_assert_status (own, 201, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (own), "measures")), ==, 2);
}

static HcTestResponse *
set_notice_days (const char *type,
                 const char *token,
                 int         days)
{
  g_autofree char *path = g_strdup_printf ("/list-types/%s", type);
  g_autofree char *body = g_strdup_printf ("{\"notice_days\":%d}", days);

  return hc_test_request (server, "PATCH", path, token, body);
}

static void
test_notice_period_is_set_by_an_admin (void)
{
  g_autoptr(HcTestResponse) by_supervisor = set_notice_days ("red", supervisor, 0);
  g_autoptr(HcTestResponse) too_long = set_notice_days ("red", admin, 91);
  g_autoptr(HcTestResponse) negative = set_notice_days ("red", admin, -1);
  g_autoptr(HcTestResponse) unknown = set_notice_days ("purple", admin, 3);
  g_autoptr(HcTestResponse) ok = set_notice_days ("red", admin, 10);
  g_autoptr(HcTestResponse) back = set_notice_days ("red", admin, 5);

  hc_assert_status (by_supervisor, 403, "forbidden");
  hc_assert_status (too_long, 422, "value_out_of_range");
  g_assert_cmpstr (hc_test_response_error_field (too_long), ==, "notice_days");
  hc_assert_status (negative, 422, "value_out_of_range");
  hc_assert_status (unknown, 404, "not_found");
  hc_assert_status (ok, 200, NULL);
  g_assert_cmpint (num (ok, "notice_days"), ==, 10);
  hc_assert_status (back, 200, NULL);
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'list_type.update' AND entity_id = 'red'"), ==, 2);
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
                          "\"facts\":\"测试事实\",\"measures\":[\"watch.interview\"]}", new_subject (), department);
  proposed = hc_test_request (server, "POST", "/lists/watch/entries", supervisor, body);
  hc_assert_status (proposed, 201, NULL);
  id = num (proposed, "id");
  history_sql = g_strdup_printf ("SELECT count(*) FROM list_entry_history WHERE entry_id = %" G_GINT64_FORMAT, id);
  noticed = transition (id, proposed->etag, analyst, "notice", NULL);
  hc_assert_status (noticed, 200, NULL);
  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, id);

  by_analyst = transition (id, noticed->etag, analyst, "publish", NULL);
  hc_assert_status (by_analyst, 403, "forbidden");
  g_assert_nonnull (strstr (error_message (by_analyst), "重点关注名单"));
  by_proposer = transition (id, noticed->etag, supervisor, "publish", NULL);
  hc_assert_status (by_proposer, 403, "own_proposal");
  too_early = transition (id, noticed->etag, admin, "publish", NULL);
  hc_assert_status (too_early, 409, "notice_period");
  /* The message names the day it opens: the notice's 5 days counted
   * (working days of the holiday calendar: test-api-list-deadlines). */
  message = error_message (too_early);
  g_assert_nonnull (strstr (message, str (noticed, "publishable_from")));
  g_assert_cmpint (count (history_sql), ==, 2);
  {
    g_autoptr(HcTestResponse) now = hc_test_request (server, "GET", path, analyst, NULL);

    g_assert_cmpstr (str (now, "state"), ==, "noticed");
    g_assert_cmpstr (now->etag, ==, noticed->etag);
  }

  /* Once the period has run (here: the notice's deadline dated back in the
   * database), the proposer still may not… */
  period = set_notice_days ("watch", admin, 0);
  hc_assert_status (period, 200, NULL);
  {
    g_autofree char *today = hainan_today ();
    g_autofree char *back = g_strdup_printf ("UPDATE list_entry_history SET deadline = '%s'"
                                             " WHERE entry_id = %" G_GINT64_FORMAT " AND action = 'notice'", today, id);

    exec_sql (back);
  }
  by_proposer_later = transition (id, noticed->etag, supervisor, "publish", NULL);
  hc_assert_status (by_proposer_later, 403, "own_proposal");
  /* …but another supervisor (here the admin) may. */
  by_other = transition (id, noticed->etag, admin, "publish", NULL);
  hc_assert_status (by_other, 200, NULL);
  g_assert_cmpstr (str (by_other, "state"), ==, "published");
  restore = set_notice_days ("watch", admin, 5);
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

  entry_in_state ("published", &e);
  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, e.id);
  {
    g_autoptr(HcTestResponse) published = hc_test_request (server, "GET", path, analyst, NULL);

    g_assert_false (boolean (published, "publicity_paused"));
    g_assert_false (boolean (published, "overdue"));
    g_assert_true (is_null (published, "objection_deadline"));
    until = str (published, "published_until");
    g_assert_nonnull (until);
    until = g_intern_string (until);
  }

  objected = transition (e.id, e.etag, analyst, "object", "主体称已履行判决");
  hc_assert_status (objected, 200, NULL);
  g_assert_cmpstr (str (objected, "state"), ==, "objected");
  g_assert_true (boolean (objected, "publicity_paused"));
  g_assert_cmpstr (str (objected, "objected_on"), ==, today);
  /* 15 working days of the holiday calendar (test-api-list-deadlines has
   * the exact days), at least 15 calendar days. */
  deadline = g_intern_string (str (objected, "objection_deadline"));
  g_assert_cmpstr (deadline, >=, fifteen);
  g_assert_cmpint (num (objected, "objection_deadline_days"), ==, 15);
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
  upheld = transition (e.id, objected->etag, supervisor, "uphold", "核查无误，维持列入");
  hc_assert_status (upheld, 200, NULL);
  g_assert_cmpstr (str (upheld, "state"), ==, "published");
  g_assert_false (boolean (upheld, "publicity_paused"));
  g_assert_true (is_null (upheld, "objection_deadline"));
  g_assert_cmpstr (str (upheld, "published_until"), ==, until);

  /* A second objection whose deadline has passed (dated back in the
   * database): it is overdue. */
  again = transition (e.id, upheld->etag, analyst, "object", "再次异议");
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
  g_assert_cmpstr (str (late, "objection_deadline"), <, today);

  /* Revoked: the entry leaves the list, and stays with its whole history. */
  revoked = transition (e.id, late->etag, supervisor, "revoke", "异议成立，撤销列入");
  hc_assert_status (revoked, 200, NULL);
  g_assert_cmpstr (str (revoked, "state"), ==, "exited");
  g_assert_false (boolean (revoked, "publicity_paused"));
  g_assert_false (boolean (revoked, "overdue"));
  g_assert_cmpstr (str (revoked, "published_until"), ==, today);
  kept = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (kept, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (kept), "history")), ==, 7);
}

/* The red list rewards: it needs neither four eyes nor a notice period. */
static void
test_red_list_publishes_at_once (void)
{
  g_autoptr(HcTestResponse) proposed = propose ("red", new_subject (), "[\"red.green_channel\"]");
  g_autoptr(HcTestResponse) noticed = NULL;
  g_autoptr(HcTestResponse) published = NULL;

  hc_assert_status (proposed, 201, NULL);
  noticed = transition (num (proposed, "id"), proposed->etag, analyst, "notice", NULL);
  hc_assert_status (noticed, 200, NULL);
  published = transition (num (proposed, "id"), noticed->etag, analyst, "publish", NULL);
  hc_assert_status (published, 200, NULL);
}

static void
test_unknown_type_is_404 (void)
{
  g_autoptr(HcTestResponse) get = hc_test_request (server, "GET", "/lists/purple/entries", analyst, NULL);
  g_autoptr(HcTestResponse) post = propose ("purple", hc_test_usccs[0], "[\"black.procurement_ban\"]");
  g_autoptr(HcTestResponse) entry = hc_test_request (server, "GET", "/list-entries/999999", analyst, NULL);
  g_autoptr(HcTestResponse) run = hc_test_request (server, "GET", "/lists/match-runs/999999", analyst, NULL);

  hc_assert_status (get, 404, "not_found");
  hc_assert_status (post, 404, "not_found");
  hc_assert_status (entry, 404, "not_found");
  hc_assert_status (run, 404, "not_found");
}

static void
test_create_checks_its_input (void)
{
  const char *subject = new_subject ();
  gint64 before = count ("SELECT count(*) FROM list_entries");
  g_autoptr(HcTestResponse) bad_uscc = propose ("black", "91460100MA5T1000", "[\"black.procurement_ban\"]");
  g_autoptr(HcTestResponse) bad_check = propose ("black", "91460100MA5T100083", "[\"black.procurement_ban\"]");
  g_autoptr(HcTestResponse) bad_id = propose ("black", "460100198001011235", "[\"black.procurement_ban\"]");
  g_autoptr(HcTestResponse) unknown = propose ("black", "91350100M000100Y43", "[\"black.procurement_ban\"]");
  g_autoptr(HcTestResponse) wrong_class = propose ("black", subject, "[\"red.green_channel\"]");
  g_autoptr(HcTestResponse) no_such = propose ("black", subject, "[\"black.no_such_measure\"]");
  g_autoptr(HcTestResponse) wrong_id = propose ("abnormal", subject, "[1]");
  g_autoptr(HcTestResponse) none = propose ("black", subject, "[]");
  g_autoptr(HcTestResponse) bad_type = propose ("black", subject, "[true]");
  g_autoptr(HcTestResponse) not_list = propose ("black", subject, "\"black.procurement_ban\"");
  g_autoptr(HcTestResponse) no_basis =
    hc_test_request (server, "POST", "/lists/black/entries", analyst,
                     "{\"subject\":\"91460100MA5T100082\",\"department\":1,\"measures\":[\"black.no_subsidies\"]}");
  g_autoptr(HcTestResponse) bad_dept =
    hc_test_request (server, "POST", "/lists/black/entries", analyst,
                     "{\"subject\":\"91460100MA5T100082\",\"department\":9999,\"basis\":\"x\",\"measures\":[\"black.no_subsidies\"]}");
  g_autoptr(HcTestResponse) bad_date = NULL;
  g_autoptr(HcTestResponse) malformed = hc_test_request (server, "POST", "/lists/black/entries", analyst, "{\"subject\":");
  g_autoptr(HcTestResponse) dept_text =
    hc_test_request (server, "POST", "/lists/black/entries", analyst,
                     "{\"subject\":\"91460100MA5T100082\",\"department\":\"省法院\",\"basis\":\"x\",\"measures\":[\"black.no_subsidies\"]}");
  g_autofree char *body = g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"x\","
                                           "\"measures\":[\"black.no_subsidies\"],\"published_until\":\"2027-02-30\"}",
                                           subject, department);

  bad_date = hc_test_request (server, "POST", "/lists/black/entries", analyst, body);
  hc_assert_status (bad_uscc, 422, "invalid_uscc");
  g_assert_cmpstr (hc_test_response_error_field (bad_uscc), ==, "subject");
  hc_assert_status (bad_check, 422, "invalid_uscc");
  hc_assert_status (bad_id, 422, "invalid_id_number");
  hc_assert_status (unknown, 422, "unknown_subject");
  hc_assert_status (wrong_class, 422, "invalid_measure");
  g_assert_cmpstr (hc_test_response_error_field (wrong_class), ==, "measures");
  hc_assert_status (no_such, 422, "invalid_measure");
  hc_assert_status (wrong_id, 422, "invalid_measure");
  hc_assert_status (none, 422, "missing_field");
  hc_assert_status (bad_type, 400, "invalid_type");
  hc_assert_status (not_list, 400, "invalid_type");
  hc_assert_status (no_basis, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (no_basis), ==, "basis");
  hc_assert_status (bad_dept, 422, "unknown_department");
  hc_assert_status (bad_date, 422, "invalid_date");
  hc_assert_status (malformed, 400, "invalid_json");
  hc_assert_status (dept_text, 400, "invalid_type");
  g_assert_cmpint (count ("SELECT count(*) FROM list_entries"), ==, before);
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'list_entry.create' AND after LIKE '%91460100MA5T100082%'"), ==, 0);
}

static void
test_create_answers_the_entry (void)
{
  const char *subject = new_subject ();
  /* Lower case and full-width characters are normalised. */
  g_autofree char *lower = g_ascii_strdown (subject, -1);
  g_autofree char *spaced = g_strdup_printf (" %s ", lower);
  g_autoptr(HcTestResponse) r = propose ("black", spaced, "[\"black.procurement_ban\", \"black.no_subsidies\"]");
  g_autofree char *path = NULL;
  g_autofree char *audit = NULL;
  g_autoptr(HcTestResponse) again = NULL;
  g_autoptr(HcTestResponse) other_type = NULL;
  JsonObject *obj;
  JsonArray *history, *measures;

  hc_assert_status (r, 201, NULL);
  g_assert_nonnull (r->etag);
  obj = hc_test_response_object (r);
  g_assert_cmpint (json_object_get_int_member (obj, "id"), >, 0);
  g_assert_cmpstr (str (r, "state"), ==, "proposed");
  g_assert_cmpstr (str (r, "subject_identifier"), ==, subject);
  g_assert_cmpstr (str (r, "list_class"), ==, "black");
  g_assert_cmpstr (str (r, "region"), ==, "460100");
  g_assert_cmpstr (str (r, "department_name"), ==, "海南省高级人民法院");
  measures = json_object_get_array_member (obj, "measures");
  g_assert_cmpuint (json_array_get_length (measures), ==, 2);
  history = json_object_get_array_member (obj, "history");
  g_assert_cmpuint (json_array_get_length (history), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "action"), ==, "propose");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "to"), ==, "proposed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "actor"), ==, "analyst");

  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, num (r, "id"));
  {
    g_autoptr(HcTestResponse) get = hc_test_request (server, "GET", path, analyst, NULL);

    hc_assert_status (get, 200, NULL);
    g_assert_cmpstr (get->etag, ==, r->etag);
    g_assert_cmpstr (str (get, "basis"), ==, "《海南自由贸易港社会信用条例》");
  }

  /* A second open entry of the same subject and type is refused; another
   * type is not. */
  again = propose ("black", subject, "[\"black.no_subsidies\"]");
  hc_assert_status (again, 409, "duplicate");
  other_type = propose ("watch", subject, "[\"watch.daily_supervision\"]");
  hc_assert_status (other_type, 201, NULL);

  audit = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'list_entry.create' AND entity = 'list_entry'"
                           " AND entity_id = '%" G_GINT64_FORMAT "' AND actor = 'analyst' AND before IS NULL",
                           num (r, "id"));
  g_assert_cmpint (count (audit), ==, 1);
}

static void
test_life_of_an_entry (void)
{
  g_auto(Entry) e = { 0, };
  g_autofree char *path = NULL;
  g_autofree char *audit = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) published = NULL;
  JsonArray *history;
  static const char * const actions[] = { "propose", "notice", "publish", "object", "uphold", "repair" };
  static const char * const to[] = { "proposed", "noticed", "published", "objected", "published", "repaired" };

  entry_in_state ("noticed", &e);
  published = transition (e.id, e.etag, supervisor, "publish", NULL);
  hc_assert_status (published, 200, NULL);
  g_assert_cmpstr (str (published, "state"), ==, "published");
  g_assert_nonnull (str (published, "published_from"));
  g_assert_nonnull (str (published, "decided_on"));
  /* The black list's default is three years. */
  g_assert_cmpint (atoi (str (published, "published_until")), ==, atoi (str (published, "published_from")) + 3);
  if (!g_str_has_suffix (str (published, "published_from"), "-02-29"))
    g_assert_cmpstr (str (published, "published_until") + 4, ==, str (published, "published_from") + 4);
  g_free (e.etag);
  e.etag = g_strdup (published->etag);
  step (&e, "object");
  step (&e, "uphold");
  step (&e, "repair");

  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, e.id);
  r = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (r, 200, NULL);
  g_assert_cmpstr (str (r, "state"), ==, "repaired");
  history = json_object_get_array_member (hc_test_response_object (r), "history");
  g_assert_cmpuint (json_array_get_length (history), ==, G_N_ELEMENTS (actions));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      JsonObject *h = json_array_get_object_element (history, i);

      g_assert_cmpstr (json_object_get_string_member (h, "action"), ==, actions[i]);
      g_assert_cmpstr (json_object_get_string_member (h, "to"), ==, to[i]);
      if (i > 0)
        g_assert_cmpstr (json_object_get_string_member (h, "from"), ==, to[i - 1]);
      g_assert_nonnull (json_object_get_string_member (h, "at"));
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 1), "actor"), ==, "analyst");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 2), "actor"), ==, "supervisor");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 4), "actor"), ==, "supervisor");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 3), "reason"), ==, "测试理由");

  audit = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'list_entry.transition'"
                           " AND entity_id = '%" G_GINT64_FORMAT "' AND before IS NOT NULL AND after LIKE '%%\"state\":%%'",
                           e.id);
  g_assert_cmpint (count (audit), ==, 5);
}

static const char * const all_actions[] = { "notice", "publish", "object", "uphold", "revoke", "repair", "exit", "expire" };

static gboolean
legal (const char *state,
       const char *action)
{
  /* The workflow of the core (hc_list_action_apply()). */
  static const char * const moves[][2] = {
    { "proposed", "notice" }, { "noticed", "publish" }, { "noticed", "object" }, { "published", "object" },
    { "objected", "uphold" }, { "objected", "revoke" }, { "published", "repair" }, { "published", "exit" },
    { "repaired", "exit" }, { "published", "expire" }, { "repaired", "expire" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    if (g_str_equal (moves[i][0], state) && g_str_equal (moves[i][1], action))
      return TRUE;
  return FALSE;
}

static void
test_illegal_transitions_are_409 (void)
{
  static const char * const states[] = { "proposed", "noticed", "published", "objected", "repaired", "exited", "expired" };

  for (guint s = 0; s < G_N_ELEMENTS (states); s++)
    {
      g_auto(Entry) e = { 0, };
      g_autofree char *sql = NULL;
      gint64 history;

      entry_in_state (states[s], &e);
      sql = g_strdup_printf ("SELECT count(*) FROM list_entry_history WHERE entry_id = %" G_GINT64_FORMAT, e.id);
      history = count (sql);
      for (guint a = 0; a < G_N_ELEMENTS (all_actions); a++)
        {
          g_autoptr(HcTestResponse) r = NULL;
          const char *message;

          if (legal (states[s], all_actions[a]))
            continue;
          r = transition (e.id, e.etag, admin, all_actions[a], "测试理由");
          hc_assert_status (r, 409, "illegal_transition");
          message = json_object_get_string_member (json_object_get_object_member (hc_test_response_object (r), "error"), "message");
          g_assert_nonnull (strstr (message, states[s]));
          /* The message names the actions that are possible. */
          for (guint b = 0; b < G_N_ELEMENTS (all_actions); b++)
            if (legal (states[s], all_actions[b]))
              g_assert_nonnull (strstr (message, all_actions[b]));
        }
      g_assert_cmpint (count (sql), ==, history);
    }
}

static void
test_roles_for_each_action (void)
{
  static const struct { const char *state; const char *action; gboolean analyst_may; } cases[] = {
    { "proposed",  "notice",  TRUE },
    { "noticed",   "publish", FALSE },
    { "noticed",   "object",  TRUE },
    { "published", "object",  TRUE },
    { "objected",  "uphold",  FALSE },
    { "objected",  "revoke",  FALSE },
    { "published", "repair",  FALSE },
    { "published", "exit",    FALSE },
    { "published", "expire",  FALSE },
    { "repaired",  "exit",    FALSE },
    { "repaired",  "expire",  FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Entry) e = { 0, };
      g_autoptr(HcTestResponse) by_analyst = NULL;
      g_autoptr(HcTestResponse) by_supervisor = NULL;

      entry_in_state (cases[i].state, &e);
      by_analyst = transition (e.id, e.etag, analyst, cases[i].action, "测试理由");
      if (cases[i].analyst_may)
        {
          hc_assert_status (by_analyst, 200, NULL);
          continue;
        }
      hc_assert_status (by_analyst, 403, "forbidden");
      by_supervisor = transition (e.id, e.etag, supervisor, cases[i].action, "测试理由");
      hc_assert_status (by_supervisor, 200, NULL);
    }
}

static void
test_reason_is_required (void)
{
  static const char * const needs[] = { "object", "uphold", "revoke", "repair", "exit" };
  g_auto(Entry) e = { 0, };

  entry_in_state ("published", &e);
  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    {
      g_autoptr(HcTestResponse) none = transition (e.id, e.etag, supervisor, needs[i], NULL);
      g_autoptr(HcTestResponse) blank = transition (e.id, e.etag, supervisor, needs[i], "  ");

      hc_assert_status (none, 422, "missing_field");
      g_assert_cmpstr (hc_test_response_error_field (none), ==, "reason");
      hc_assert_status (blank, 422, "missing_field");
    }
  {
    g_autoptr(HcTestResponse) unknown = transition (e.id, e.etag, supervisor, "forgive", "x");
    g_autoptr(HcTestResponse) wrong = NULL;
    g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", e.id);
    g_autoptr(GBytes) body = g_bytes_new_static ("{\"action\":5}", 12);

    wrong = hc_test_request_full (server, "POST", path, supervisor, "application/json", body, e.etag);
    hc_assert_status (unknown, 422, "invalid_action");
    hc_assert_status (wrong, 400, "invalid_type");
  }
}

static void
test_stale_write_changes_nothing (void)
{
  g_auto(Entry) e = { 0, };
  g_autofree char *old_etag = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HcTestResponse) stale = NULL;
  g_autoptr(HcTestResponse) no_if_match = NULL;
  g_autoptr(HcTestResponse) now = NULL;
  gint64 history, audit;

  entry_in_state ("proposed", &e);
  old_etag = g_strdup (e.etag);
  step (&e, "notice");
  sql = g_strdup_printf ("SELECT count(*) FROM list_entry_history WHERE entry_id = %" G_GINT64_FORMAT, e.id);
  history = count (sql);
  audit = count ("SELECT count(*) FROM audit");

  stale = transition (e.id, old_etag, analyst, "publish", NULL);
  hc_assert_status (stale, 412, "stale");
  no_if_match = transition (e.id, NULL, analyst, "publish", NULL);
  hc_assert_status (no_if_match, 428, "precondition_required");
  g_assert_cmpint (count (sql), ==, history);
  g_assert_cmpint (count ("SELECT count(*) FROM audit"), ==, audit);

  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, e.id);
  now = hc_test_request (server, "GET", path, analyst, NULL);
  g_assert_cmpstr (str (now, "state"), ==, "noticed");
  g_assert_cmpstr (now->etag, ==, e.etag);
}

static void
test_entries_page_filter_and_mask (void)
{
  g_autoptr(HcTestResponse) mine = NULL;
  g_autoptr(HcTestResponse) as_admin = NULL;
  g_autoptr(HcTestResponse) all = NULL;
  g_autoptr(HcTestResponse) bad_state = NULL;
  g_autoptr(HcTestResponse) bad_region = NULL;
  g_autofree char *cursor = NULL;
  JsonArray *items;
  gint64 total, seen = 0, last_id = G_MAXINT64;
  guint pages = 0;

  register_subject (person_id, "符某某", "natural_person", "460200");
  {
    g_autoptr(HcTestResponse) r = propose ("watch", person_id, "[\"watch.interview\"]");

    hc_assert_status (r, 201, NULL);
    /* Not an admin: the ID number is masked. */
    g_assert_cmpstr (str (r, "subject_identifier"), ==, "4601**********1236");
  }

  mine = hc_test_request (server, "GET", "/lists/watch/entries?region=460200&q=%E7%AC%A6", analyst, NULL);
  hc_assert_status (mine, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (mine), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "subject_identifier"),
                   ==, "4601**********1236");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "subject_name"), ==, "符某某");

  as_admin = hc_test_request (server, "GET", "/lists/watch/entries?q=460100198001011236&state=proposed", admin, NULL);
  items = json_object_get_array_member (hc_test_response_object (as_admin), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "subject_identifier"),
                   ==, person_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (items, 0), "measures")), ==, 1);

  /* Pages of two, newest first, cover every entry once. */
  all = hc_test_request (server, "GET", "/lists/black/entries?total=1&limit=1", analyst, NULL);
  total = num (all, "total");
  g_assert_cmpint (total, ==, count ("SELECT count(*) FROM list_entries WHERE list_type = 'black'"));
  g_assert_cmpint (total, >=, 3);
  do
    {
      g_autofree char *path = cursor ? g_strdup_printf ("/lists/black/entries?limit=2&cursor=%s", cursor)
                                     : g_strdup ("/lists/black/entries?limit=2");
      g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);
      JsonObject *obj = hc_test_response_object (r);

      hc_assert_status (r, 200, NULL);
      items = json_object_get_array_member (obj, "items");
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

          g_assert_cmpint (id, <, last_id);
          last_id = id;
          seen++;
        }
      g_free (cursor);
      cursor = json_object_get_null_member (obj, "next_cursor") ? NULL
             : g_strdup (json_object_get_string_member (obj, "next_cursor"));
    }
  while (cursor != NULL && ++pages < 1000);
  g_assert_cmpint (seen, ==, total);

  bad_state = hc_test_request (server, "GET", "/lists/black/entries?state=sleeping", analyst, NULL);
  hc_assert_status (bad_state, 422, "invalid_state");
  bad_region = hc_test_request (server, "GET", "/lists/black/entries?region=110000", analyst, NULL);
  hc_assert_status (bad_region, 422, "invalid_region");
}

/* Two subjects on lists in force (one black and watch, one red), one whose
 * entry is only proposed. */
typedef struct
{
  const char *black;
  const char *red;
  const char *proposed;
  gint64      black_entry;
} MatchFixture;

static void
match_fixture (MatchFixture *f)
{
  g_auto(Entry) black = { 0, };
  g_auto(Entry) watch = { 0, };
  g_auto(Entry) red = { 0, };
  g_autoptr(HcTestResponse) rb = NULL;
  g_autoptr(HcTestResponse) rw = NULL;
  g_autoptr(HcTestResponse) rr = NULL;
  g_autoptr(HcTestResponse) rp = NULL;

  f->black = new_subject ();
  f->red = new_subject ();
  f->proposed = new_subject ();
  rb = propose ("black", f->black, "[\"black.procurement_ban\",\"black.no_legal_rep\"]");
  rw = propose ("smuggling_alert", f->black, "[\"watch.customs_check\"]");
  rr = propose ("red", f->red, "[\"red.green_channel\"]");
  rp = propose ("black", f->proposed, "[\"black.no_honours\"]");
  hc_assert_status (rp, 201, NULL);
  black.id = f->black_entry = num (rb, "id");
  black.etag = g_strdup (rb->etag);
  watch.id = num (rw, "id");
  watch.etag = g_strdup (rw->etag);
  red.id = num (rr, "id");
  red.etag = g_strdup (rr->etag);
  step (&black, "notice");
  step (&black, "publish");
  step (&watch, "notice");
  step (&watch, "publish");
  step (&watch, "object");
  step (&red, "notice");
  step (&red, "publish");
}

static JsonObject *
find_hit (JsonArray  *hits,
          const char *identifier,
          const char *list_type)
{
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = json_array_get_object_element (hits, i);

      if (g_str_equal (json_object_get_string_member (hit, "identifier"), identifier) &&
          g_str_equal (json_object_get_string_member (hit, "list_type"), list_type))
        return hit;
    }
  return NULL;
}

static void
test_match_json (void)
{
  MatchFixture f;
  g_autofree char *body = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) run = NULL;
  g_autoptr(HcTestResponse) bare = NULL;
  g_autofree char *run_path = NULL;
  g_autofree char *sql = NULL;
  JsonObject *obj, *hit;
  JsonArray *hits, *invalid, *measures;
  gint64 runs = count ("SELECT count(*) FROM match_runs");

  match_fixture (&f);
  lower = g_ascii_strdown (f.red, -1);

  /* An identifier that is not text is the sender's mistake, not a row to
   * report: the whole request is refused and no run is recorded. */
  body = g_strdup_printf ("{\"purpose\":\"政府采购资格审查\",\"subjects\":[\"%s\",42]}", f.black);
  r = hc_test_request (server, "POST", "/lists/match", analyst, body);
  hc_assert_status (r, 400, "invalid_type");
  g_assert_cmpstr (hc_test_response_error_field (r), ==, "subjects");
  g_assert_cmpint (count ("SELECT count(*) FROM match_runs"), ==, runs);
  g_clear_pointer (&r, hc_test_response_free);
  g_free (body);

  body = g_strdup_printf ("{\"purpose\":\"政府采购资格审查\",\"subjects\":[\"%s\",\"%s\",\"%s\",\"NOT-A-CODE\","
                          "\"%s\",\"460100198001011235\",\"%s\"]}",
                          f.black, lower, f.proposed, hc_test_usccs[HC_TEST_N_USCCS - 1], f.black);
  r = hc_test_request (server, "POST", "/lists/match", analyst, body);
  hc_assert_status (r, 200, NULL);
  obj = hc_test_response_object (r);
  g_assert_cmpint (json_object_get_int_member (obj, "subjects"), ==, 7);

  invalid = json_object_get_array_member (obj, "invalid");
  g_assert_cmpuint (json_array_get_length (invalid), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (invalid, 0), "row"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (invalid, 0), "code"), ==, "invalid_uscc");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (invalid, 1), "row"), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (invalid, 1), "code"), ==, "invalid_id_number");

  /* Hits: the black entry, the smuggling alert under objection (still in
   * force), the red entry; not the merely proposed one; each once. */
  hits = json_object_get_array_member (obj, "hits");
  g_assert_cmpuint (json_array_get_length (hits), ==, 3);
  hit = find_hit (hits, f.black, "black");
  g_assert_nonnull (hit);
  g_assert_cmpint (json_object_get_int_member (hit, "entry_id"), ==, f.black_entry);
  g_assert_cmpstr (json_object_get_string_member (hit, "list_class"), ==, "black");
  g_assert_cmpstr (json_object_get_string_member (hit, "state"), ==, "published");
  g_assert_cmpstr (json_object_get_string_member (hit, "name"), !=, "");
  measures = json_object_get_array_member (hit, "measures");
  g_assert_cmpuint (json_array_get_length (measures), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (measures, 0), "code"), ==, "black.procurement_ban");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (measures, 0), "kind"), ==, "restriction");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (measures, 0), "name"), ==, "限制参与政府采购和招标投标");
  hit = find_hit (hits, f.black, "smuggling_alert");
  g_assert_nonnull (hit);
  g_assert_cmpstr (json_object_get_string_member (hit, "state"), ==, "objected");
  g_assert_cmpstr (json_object_get_string_member (hit, "list_class"), ==, "watch");
  hit = find_hit (hits, f.red, "red");
  g_assert_nonnull (hit);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (hit, "measures"), 0), "kind"),
                   ==, "incentive");

  /* The run is recorded, with its statistics. */
  g_assert_cmpint (count ("SELECT count(*) FROM match_runs"), ==, runs + 1);
  sql = g_strdup_printf ("SELECT count(*) FROM match_hits WHERE run_id = %" G_GINT64_FORMAT, num (r, "run_id"));
  g_assert_cmpint (count (sql), ==, 3);
  run_path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT, num (r, "run_id"));
  run = hc_test_request (server, "GET", run_path, analyst, NULL);
  hc_assert_status (run, 200, NULL);
  g_assert_cmpstr (str (run, "purpose"), ==, "政府采购资格审查");
  g_assert_cmpint (num (run, "subjects"), ==, 7);
  g_assert_cmpint (num (run, "invalid"), ==, 2);
  g_assert_cmpint (num (run, "hits"), ==, 3);
  g_assert_cmpint (num (run, "subjects_hit"), ==, 2);
  {
    JsonArray *by_type = json_object_get_array_member (hc_test_response_object (run), "by_type");
    JsonArray *by_class = json_object_get_array_member (hc_test_response_object (run), "by_class");

    g_assert_cmpuint (json_array_get_length (by_type), ==, 3);
    g_assert_cmpuint (json_array_get_length (by_class), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (by_class, 0), "list_class"), ==, "red");
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (by_class, 0), "hits"), ==, 1);
  }
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'list_match.run' AND entity_id = '%" G_GINT64_FORMAT "'",
                         num (r, "run_id"));
  g_assert_cmpint (count (sql), ==, 1);

  /* A bare array works too. */
  g_free (body);
  body = g_strdup_printf ("[\"%s\"]", f.red);
  bare = hc_test_request (server, "POST", "/lists/match", analyst, body);
  hc_assert_status (bare, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (bare), "hits")), ==, 1);
}

static void
test_match_csv (void)
{
  MatchFixture f;
  g_autofree char *csv = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) runs = NULL;
  JsonObject *obj;
  JsonArray *invalid, *hits;

  match_fixture (&f);
  csv = g_strdup_printf ("\xEF\xBB\xBF统一社会信用代码,名称\r\n%s,某公司\r\n\r\n\"%s\",\"另一公司\"\r\nbad-code\r\n%s\r\n",
                         f.black, f.red, f.proposed);
  body = g_bytes_new (csv, strlen (csv));
  r = hc_test_request_full (server, "POST", "/lists/match", analyst, "text/csv; charset=utf-8", body, NULL);
  hc_assert_status (r, 200, NULL);
  obj = hc_test_response_object (r);
  g_assert_cmpint (json_object_get_int_member (obj, "subjects"), ==, 4);
  invalid = json_object_get_array_member (obj, "invalid");
  g_assert_cmpuint (json_array_get_length (invalid), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (invalid, 0), "row"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (invalid, 0), "value"), ==, "bad-code");
  hits = json_object_get_array_member (obj, "hits");
  g_assert_cmpuint (json_array_get_length (hits), ==, 3);
  g_assert_nonnull (find_hit (hits, f.black, "black"));
  g_assert_nonnull (find_hit (hits, f.red, "red"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (find_hit (hits, f.black, "black"), "measures")), ==, 2);

  runs = hc_test_request (server, "GET", "/lists/match-runs?total=1&limit=1", analyst, NULL);
  hc_assert_status (runs, 200, NULL);
  g_assert_cmpint (num (runs, "total"), ==, count ("SELECT count(*) FROM match_runs"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (hc_test_response_object (runs), "items"), 0), "id"),
                   ==, num (r, "run_id"));

  {
    static const char not_utf8[] = "\xff\xfe" "bad";
    g_autoptr(GBytes) bad = g_bytes_new (not_utf8, sizeof not_utf8 - 1);
    g_autoptr(HcTestResponse) rb = hc_test_request_full (server, "POST", "/lists/match", analyst, "text/csv", bad, NULL);

    hc_assert_status (rb, 400, "invalid_csv");
  }
}

static void
test_match_too_many_is_413 (void)
{
  GString *json = g_string_new ("{\"subjects\":[");
  GString *csv = g_string_new ("identifier\n");
  g_autoptr(GBytes) json_body = NULL;
  g_autoptr(GBytes) csv_body = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) rc = NULL;
  gint64 runs = count ("SELECT count(*) FROM match_runs");

  for (guint i = 0; i < 100001; i++)
    {
      g_string_append_printf (json, "%s\"%s\"", i ? "," : "", hc_test_usccs[i % HC_TEST_N_USCCS]);
      g_string_append_printf (csv, "%s\n", hc_test_usccs[i % HC_TEST_N_USCCS]);
    }
  g_string_append (json, "]}");
  json_body = g_string_free_to_bytes (json);
  csv_body = g_string_free_to_bytes (csv);
  r = hc_test_request_full (server, "POST", "/lists/match", analyst, "application/json", json_body, NULL);
  hc_assert_status (r, 413, "too_many_subjects");
  rc = hc_test_request_full (server, "POST", "/lists/match", analyst, "text/csv", csv_body, NULL);
  hc_assert_status (rc, 413, "too_many_subjects");
  g_assert_cmpint (count ("SELECT count(*) FROM match_runs"), ==, runs);
}

static void
test_match_bad_bodies_are_400 (void)
{
  static const char * const bodies[] = { "{", "5", "{\"subjects\":\"91460100MA5T100082\"}", "{\"purpose\":\"x\"}",
                                         "{\"subjects\":[],\"purpose\":7}" };
  gint64 runs = count ("SELECT count(*) FROM match_runs");
  g_autoptr(HcTestResponse) anon = hc_test_request (server, "POST", "/lists/match", NULL, "[]");

  hc_assert_status (anon, 401, "unauthenticated");
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/lists/match", analyst, bodies[i]);

      g_assert_cmpuint (r->status, >=, 400);
      g_assert_cmpuint (r->status, <, 500);
      g_assert_nonnull (hc_test_response_error_code (r));
    }
  g_assert_cmpint (count ("SELECT count(*) FROM match_runs"), ==, runs);
}

static void
test_match_of_100000_subjects (void)
{
  GString *json = g_string_new ("[");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(HcTestResponse) r = NULL;

  /* Exactly the limit: accepted, the known ones hit. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (json, "%s\"%s\"", i ? "," : "", hc_test_usccs[i % HC_TEST_N_USCCS]);
  g_string_append (json, "]");
  body = g_string_free_to_bytes (json);
  r = hc_test_request_full (server, "POST", "/lists/match", analyst, "application/json", body, NULL);
  hc_assert_status (r, 200, NULL);
  g_assert_cmpint (num (r, "subjects"), ==, 100000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (r), "hits")),
                    ==, count ("SELECT count(*) FROM list_entries WHERE state IN ('published', 'objected')"));
}

/* The demo dataset: entries of every type in every state, histories that
 * chain, red entries growing and black ones falling, repair cases with
 * fewer overdue in later years. It needs the subjects seeder (another
 * resource): without demo subjects there is nothing to check. */
static void
test_demo_lists_are_coherent (void)
{
  g_autoptr(HcTestServer) demo = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  static const char * const states[] = { "proposed", "noticed", "published", "objected", "repaired", "exited", "expired" };
  static const char * const types[] = { "red", "black", "watch", "abnormal", "smuggling_alert" };
  static const char * const checks[] = {
    /* The entry's state is where its history ends. */
    "SELECT count(*) FROM list_entries e WHERE e.state <>"
    " (SELECT to_state FROM list_entry_history h WHERE h.entry_id = e.id ORDER BY h.id DESC LIMIT 1)",
    /* Its version counts its steps; the first step is the proposal. */
    "SELECT count(*) FROM list_entries e WHERE e.version <> (SELECT count(*) FROM list_entry_history h WHERE h.entry_id = e.id)",
    "SELECT count(*) FROM list_entries e WHERE"
    " (SELECT action FROM list_entry_history h WHERE h.entry_id = e.id ORDER BY h.id LIMIT 1) <> 'propose'",
    /* Each step starts where the one before ended, and not earlier. */
    "SELECT count(*) FROM list_entry_history h JOIN list_entry_history p ON p.entry_id = h.entry_id"
    " AND p.id = (SELECT max (q.id) FROM list_entry_history q WHERE q.entry_id = h.entry_id AND q.id < h.id)"
    " WHERE h.from_state IS NOT p.to_state OR h.at < p.at",
    /* Every repaired entry has its approved repair case. */
    "SELECT count(*) FROM list_entries e WHERE e.state = 'repaired' AND NOT EXISTS"
    " (SELECT 1 FROM repairs r WHERE r.entry_id = e.id AND r.state = 'approved' AND r.kind = 'list_entry')",
    /* 2021–2025, and open entries are unique per subject and type. */
    "SELECT count(*) FROM list_entry_history WHERE at < '2021' OR at >= '2026'",
    "SELECT count(*) FROM repairs WHERE applied_on < '2021' OR applied_on >= '2026' OR deadline <= applied_on",
  };
  g_autoptr(HcTestResponse) page = NULL;

  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM subjects"), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM list_entries WHERE state = '%s'", states[i]);

      g_assert_cmpint (hc_test_count_rows (demo, sql), >, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM list_entries WHERE list_type = '%s'", types[i]);

      g_assert_cmpint (hc_test_count_rows (demo, sql), >=, 100);
    }
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    g_assert_cmpint (hc_test_count_rows (demo, checks[i]), ==, 0);

  /* After the first batch of 2021, red designations grow every year. */
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM list_entries WHERE list_type = 'red' AND created_at LIKE '2025%'"),
                   >, hc_test_count_rows (demo, "SELECT count(*) FROM list_entries WHERE list_type = 'red' AND created_at LIKE '2022%'"));
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM list_entries WHERE list_type = 'black' AND created_at LIKE '2025%'"),
                   <, hc_test_count_rows (demo, "SELECT count(*) FROM list_entries WHERE list_type = 'black' AND created_at LIKE '2021%'"));
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM repairs"), >=, 900);
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM repairs WHERE decided_on > deadline"), >, 0);
  /* Per mille overdue among the cases of 2021 and of 2025. */
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT 1000 * sum (CASE WHEN decided_on > deadline THEN 1 ELSE 0 END) / count(*) FROM repairs WHERE applied_on LIKE '2021%'"),
                   >, hc_test_count_rows (demo, "SELECT 1000 * sum (CASE WHEN decided_on > deadline THEN 1 ELSE 0 END) / count(*) FROM repairs WHERE applied_on LIKE '2025%'"));

  /* What the lists are for in the plan: by 2025 the red share of existing
   * enterprises has grown and the black share has fallen against 2021. */
  {
    g_autoptr(HcTestResponse) ind = hc_test_request (demo, "GET", "/indicators?year=2025",
                                                     hc_test_server_token (demo, "analyst"), NULL);
    JsonArray *items;
    guint seen = 0;

    hc_assert_status (ind, 200, NULL);
    items = json_object_get_array_member (hc_test_response_object (ind), "items");
    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *it = json_array_get_object_element (items, i);
        const char *key = json_object_get_string_member (it, "key");

        if (g_str_equal (key, "incentive-list-share-growth") ||
            g_str_equal (key, "serious-dishonesty-share-decline"))
          {
            g_assert_cmpfloat (json_object_get_double_member (it, "aggregate"), >, 10.0);
            seen++;
          }
      }
    g_assert_cmpuint (seen, ==, 2);
  }

  page = hc_test_request (demo, "GET", "/lists/black/entries?state=published&total=1&limit=5",
                          hc_test_server_token (demo, "analyst"), NULL);
  hc_assert_status (page, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (hc_test_response_object (page), "total"), >, 0);
}

static void
set_type_notice_days_0 (gconstpointer data)
{
  g_autoptr(HcTestResponse) r = set_notice_days (data, admin, 0);

  hc_assert_status (r, 200, NULL);
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


  g_test_add_func ("/lists/types-have-their-measures", test_types_have_their_measures);
  /* The life-cycle tests below publish black-list entries on the day they
   * are noticed: four eyes still apply, the notice period is made 0. */
  g_test_add_data_func ("/lists/black-notice-days-0", "black", set_type_notice_days_0);
  g_test_add_data_func ("/lists/smuggling-alert-notice-days-0", "smuggling_alert", set_type_notice_days_0);
  g_test_add_func ("/lists/unknown-type-is-404", test_unknown_type_is_404);
  g_test_add_func ("/lists/create-checks-its-input", test_create_checks_its_input);
  g_test_add_func ("/lists/create-answers-the-entry", test_create_answers_the_entry);
  g_test_add_func ("/lists/life-of-an-entry", test_life_of_an_entry);
  g_test_add_func ("/lists/illegal-transitions-are-409", test_illegal_transitions_are_409);
  g_test_add_func ("/lists/roles-for-each-action", test_roles_for_each_action);
  g_test_add_func ("/lists/reason-is-required", test_reason_is_required);
  g_test_add_func ("/lists/stale-write-changes-nothing", test_stale_write_changes_nothing);
  g_test_add_func ("/lists/entries-page-filter-and-mask", test_entries_page_filter_and_mask);
  g_test_add_func ("/lists/match-json", test_match_json);
  g_test_add_func ("/lists/match-csv", test_match_csv);
  g_test_add_func ("/lists/match-too-many-is-413", test_match_too_many_is_413);
  g_test_add_func ("/lists/match-bad-bodies-are-400", test_match_bad_bodies_are_400);
  g_test_add_func ("/lists/match-of-100000-subjects", test_match_of_100000_subjects);
  g_test_add_func ("/lists/objection-freezes-and-thaws", test_objection_freezes_and_thaws);
  g_test_add_func ("/lists/notice-period-is-set-by-an-admin", test_notice_period_is_set_by_an_admin);
  g_test_add_func ("/lists/four-eyes-publish", test_four_eyes_publish);
  g_test_add_func ("/lists/red-list-publishes-at-once", test_red_list_publishes_at_once);
  g_test_add_func ("/lists/measures-of-one-type", test_measures_of_one_type);
  g_test_add_func ("/lists/demo-lists-are-coherent", test_demo_lists_are_coherent);

  ret = g_test_run ();
  hc_test_server_free (server);
  return ret;
}
