/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of test-api-lists: an entry created, walked through its states, refused when stale or
 * out of role, and paged. */
#include "config.h"

#include <string.h>

#include "hc-test-server.h"
#include "test-api-lists.h"

/* Valid 居民身份证号码 (GB 11643). */
static const char person_id[] = "460100198001011236";

static void
test_create_checks_its_input (void)
{
  const char *subject = lists_new_subject ();
  gint64 before = lists_count ("SELECT count(*) FROM list_entries");
  g_autoptr(HcTestResponse) bad_uscc = lists_propose ("black", "91460100MA5T1000", "[\"black.procurement_ban\"]");
  g_autoptr(HcTestResponse) bad_check = lists_propose ("black", "91460100MA5T100083", "[\"black.procurement_ban\"]");
  g_autoptr(HcTestResponse) bad_id = lists_propose ("black", "460100198001011235", "[\"black.procurement_ban\"]");
  g_autoptr(HcTestResponse) unknown = lists_propose ("black", "91350100M000100Y43", "[\"black.procurement_ban\"]");
  g_autoptr(HcTestResponse) wrong_class = lists_propose ("black", subject, "[\"red.green_channel\"]");
  g_autoptr(HcTestResponse) no_such = lists_propose ("black", subject, "[\"black.no_such_measure\"]");
  g_autoptr(HcTestResponse) wrong_id = lists_propose ("abnormal", subject, "[1]");
  g_autoptr(HcTestResponse) none = lists_propose ("black", subject, "[]");
  g_autoptr(HcTestResponse) bad_type = lists_propose ("black", subject, "[true]");
  g_autoptr(HcTestResponse) not_list = lists_propose ("black", subject, "\"black.procurement_ban\"");
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
  g_assert_cmpint (lists_count ("SELECT count(*) FROM list_entries"), ==, before);
  g_assert_cmpint (lists_count ("SELECT count(*) FROM audit WHERE action = 'list_entry.create' AND after LIKE '%91460100MA5T100082%'"), ==, 0);
}

static void
test_create_answers_the_entry (void)
{
  const char *subject = lists_new_subject ();
  /* Lower case and full-width characters are normalised. */
  g_autofree char *lower = g_ascii_strdown (subject, -1);
  g_autofree char *spaced = g_strdup_printf (" %s ", lower);
  g_autoptr(HcTestResponse) r = lists_propose ("black", spaced, "[\"black.procurement_ban\", \"black.no_subsidies\"]");
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
  g_assert_cmpstr (lists_str (r, "state"), ==, "proposed");
  g_assert_cmpstr (lists_str (r, "subject_identifier"), ==, subject);
  g_assert_cmpstr (lists_str (r, "list_class"), ==, "black");
  g_assert_cmpstr (lists_str (r, "region"), ==, "460100");
  g_assert_cmpstr (lists_str (r, "department_name"), ==, "海南省高级人民法院");
  measures = json_object_get_array_member (obj, "measures");
  g_assert_cmpuint (json_array_get_length (measures), ==, 2);
  history = json_object_get_array_member (obj, "history");
  g_assert_cmpuint (json_array_get_length (history), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "action"), ==, "propose");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "to"), ==, "proposed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "actor"), ==, "analyst");

  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, lists_num (r, "id"));
  {
    g_autoptr(HcTestResponse) get = hc_test_request (server, "GET", path, analyst, NULL);

    hc_assert_status (get, 200, NULL);
    g_assert_cmpstr (get->etag, ==, r->etag);
    g_assert_cmpstr (lists_str (get, "basis"), ==, "《海南自由贸易港社会信用条例》");
  }

  /* A second open entry of the same subject and type is refused; another
   * type is not. */
  again = lists_propose ("black", subject, "[\"black.no_subsidies\"]");
  hc_assert_status (again, 409, "duplicate");
  other_type = lists_propose ("watch", subject, "[\"watch.daily_supervision\"]");
  hc_assert_status (other_type, 201, NULL);

  audit = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'list_entry.create' AND entity = 'list_entry'"
                           " AND entity_id = '%" G_GINT64_FORMAT "' AND actor = 'analyst' AND before IS NULL",
                           lists_num (r, "id"));
  g_assert_cmpint (lists_count (audit), ==, 1);
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

  lists_entry_in_state ("noticed", &e);
  published = lists_transition (e.id, e.etag, supervisor, "publish", NULL);
  hc_assert_status (published, 200, NULL);
  g_assert_cmpstr (lists_str (published, "state"), ==, "published");
  g_assert_nonnull (lists_str (published, "published_from"));
  g_assert_nonnull (lists_str (published, "decided_on"));
  /* The black list's default is three years. */
  g_assert_cmpint (atoi (lists_str (published, "published_until")), ==, atoi (lists_str (published, "published_from")) + 3);
  if (!g_str_has_suffix (lists_str (published, "published_from"), "-02-29"))
    g_assert_cmpstr (lists_str (published, "published_until") + 4, ==, lists_str (published, "published_from") + 4);
  g_free (e.etag);
  e.etag = g_strdup (published->etag);
  lists_step (&e, "object");
  lists_step (&e, "uphold");
  lists_step (&e, "repair");

  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, e.id);
  r = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (r, 200, NULL);
  g_assert_cmpstr (lists_str (r, "state"), ==, "repaired");
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
  g_assert_cmpint (lists_count (audit), ==, 5);
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

      lists_entry_in_state (states[s], &e);
      sql = g_strdup_printf ("SELECT count(*) FROM list_entry_history WHERE entry_id = %" G_GINT64_FORMAT, e.id);
      history = lists_count (sql);
      for (guint a = 0; a < G_N_ELEMENTS (all_actions); a++)
        {
          g_autoptr(HcTestResponse) r = NULL;
          const char *message;

          if (legal (states[s], all_actions[a]))
            continue;
          r = lists_transition (e.id, e.etag, admin, all_actions[a], "测试理由");
          hc_assert_status (r, 409, "illegal_transition");
          message = json_object_get_string_member (json_object_get_object_member (hc_test_response_object (r), "error"), "message");
          g_assert_nonnull (strstr (message, states[s]));
          /* The message names the actions that are possible. */
          for (guint b = 0; b < G_N_ELEMENTS (all_actions); b++)
            if (legal (states[s], all_actions[b]))
              g_assert_nonnull (strstr (message, all_actions[b]));
        }
      g_assert_cmpint (lists_count (sql), ==, history);
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

      lists_entry_in_state (cases[i].state, &e);
      by_analyst = lists_transition (e.id, e.etag, analyst, cases[i].action, "测试理由");
      if (cases[i].analyst_may)
        {
          hc_assert_status (by_analyst, 200, NULL);
          continue;
        }
      hc_assert_status (by_analyst, 403, "forbidden");
      by_supervisor = lists_transition (e.id, e.etag, supervisor, cases[i].action, "测试理由");
      hc_assert_status (by_supervisor, 200, NULL);
    }
}

static void
test_reason_is_required (void)
{
  static const char * const needs[] = { "object", "uphold", "revoke", "repair", "exit" };
  g_auto(Entry) e = { 0, };

  lists_entry_in_state ("published", &e);
  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    {
      g_autoptr(HcTestResponse) none = lists_transition (e.id, e.etag, supervisor, needs[i], NULL);
      g_autoptr(HcTestResponse) blank = lists_transition (e.id, e.etag, supervisor, needs[i], "  ");

      hc_assert_status (none, 422, "missing_field");
      g_assert_cmpstr (hc_test_response_error_field (none), ==, "reason");
      hc_assert_status (blank, 422, "missing_field");
    }
  {
    g_autoptr(HcTestResponse) unknown = lists_transition (e.id, e.etag, supervisor, "forgive", "x");
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

  lists_entry_in_state ("proposed", &e);
  old_etag = g_strdup (e.etag);
  lists_step (&e, "notice");
  sql = g_strdup_printf ("SELECT count(*) FROM list_entry_history WHERE entry_id = %" G_GINT64_FORMAT, e.id);
  history = lists_count (sql);
  audit = lists_count ("SELECT count(*) FROM audit");

  stale = lists_transition (e.id, old_etag, analyst, "publish", NULL);
  hc_assert_status (stale, 412, "stale");
  no_if_match = lists_transition (e.id, NULL, analyst, "publish", NULL);
  hc_assert_status (no_if_match, 428, "precondition_required");
  g_assert_cmpint (lists_count (sql), ==, history);
  g_assert_cmpint (lists_count ("SELECT count(*) FROM audit"), ==, audit);

  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, e.id);
  now = hc_test_request (server, "GET", path, analyst, NULL);
  g_assert_cmpstr (lists_str (now, "state"), ==, "noticed");
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

  lists_register_subject (person_id, "符某某", "natural_person", "460200");
  {
    g_autoptr(HcTestResponse) r = lists_propose ("watch", person_id, "[\"watch.interview\"]");

    hc_assert_status (r, 201, NULL);
    /* Not an admin: the ID number is masked. */
    g_assert_cmpstr (lists_str (r, "subject_identifier"), ==, "4601**********1236");
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
  total = lists_num (all, "total");
  g_assert_cmpint (total, ==, lists_count ("SELECT count(*) FROM list_entries WHERE list_type = 'black'"));
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

void
hc_test_lists_entries_add (void)
{
  g_test_add_func ("/lists/create-checks-its-input", test_create_checks_its_input);
  g_test_add_func ("/lists/create-answers-the-entry", test_create_answers_the_entry);
  g_test_add_func ("/lists/life-of-an-entry", test_life_of_an_entry);
  g_test_add_func ("/lists/illegal-transitions-are-409", test_illegal_transitions_are_409);
  g_test_add_func ("/lists/roles-for-each-action", test_roles_for_each_action);
  g_test_add_func ("/lists/reason-is-required", test_reason_is_required);
  g_test_add_func ("/lists/stale-write-changes-nothing", test_stale_write_changes_nothing);
  g_test_add_func ("/lists/entries-page-filter-and-mask", test_entries_page_filter_and_mask);
}
