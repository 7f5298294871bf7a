/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of test-api-lists: matching a batch of subjects against the lists (JSON and CSV). */
#include "config.h"

#include <string.h>

#include "hc-test-server.h"
#include "test-api-lists.h"

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

  f->black = lists_new_subject ();
  f->red = lists_new_subject ();
  f->proposed = lists_new_subject ();
  rb = lists_propose ("black", f->black, "[\"black.procurement_ban\",\"black.no_legal_rep\"]");
  rw = lists_propose ("smuggling_alert", f->black, "[\"watch.customs_check\"]");
  rr = lists_propose ("red", f->red, "[\"red.green_channel\"]");
  rp = lists_propose ("black", f->proposed, "[\"black.no_honours\"]");
  hc_assert_status (rp, 201, NULL);
  black.id = f->black_entry = lists_num (rb, "id");
  black.etag = g_strdup (rb->etag);
  watch.id = lists_num (rw, "id");
  watch.etag = g_strdup (rw->etag);
  red.id = lists_num (rr, "id");
  red.etag = g_strdup (rr->etag);
  lists_step (&black, "notice");
  lists_step (&black, "publish");
  lists_step (&watch, "notice");
  lists_step (&watch, "publish");
  lists_step (&watch, "object");
  lists_step (&red, "notice");
  lists_step (&red, "publish");
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
  gint64 runs = lists_count ("SELECT count(*) FROM match_runs");

  match_fixture (&f);
  lower = g_ascii_strdown (f.red, -1);

  /* An identifier that is not text is the sender's mistake, not a row to
   * report: the whole request is refused and no run is recorded. */
  body = g_strdup_printf ("{\"purpose\":\"政府采购资格审查\",\"subjects\":[\"%s\",42]}", f.black);
  r = hc_test_request (server, "POST", "/lists/match", analyst, body);
  hc_assert_status (r, 400, "invalid_type");
  g_assert_cmpstr (hc_test_response_error_field (r), ==, "subjects");
  g_assert_cmpint (lists_count ("SELECT count(*) FROM match_runs"), ==, runs);
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
  g_assert_cmpint (lists_count ("SELECT count(*) FROM match_runs"), ==, runs + 1);
  sql = g_strdup_printf ("SELECT count(*) FROM match_hits WHERE run_id = %" G_GINT64_FORMAT, lists_num (r, "run_id"));
  g_assert_cmpint (lists_count (sql), ==, 3);
  run_path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT, lists_num (r, "run_id"));
  run = hc_test_request (server, "GET", run_path, analyst, NULL);
  hc_assert_status (run, 200, NULL);
  g_assert_cmpstr (lists_str (run, "purpose"), ==, "政府采购资格审查");
  g_assert_cmpint (lists_num (run, "subjects"), ==, 7);
  g_assert_cmpint (lists_num (run, "invalid"), ==, 2);
  g_assert_cmpint (lists_num (run, "hits"), ==, 3);
  g_assert_cmpint (lists_num (run, "subjects_hit"), ==, 2);
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
                         lists_num (r, "run_id"));
  g_assert_cmpint (lists_count (sql), ==, 1);

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
  g_assert_cmpint (lists_num (runs, "total"), ==, lists_count ("SELECT count(*) FROM match_runs"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (hc_test_response_object (runs), "items"), 0), "id"),
                   ==, lists_num (r, "run_id"));

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
  gint64 runs = lists_count ("SELECT count(*) FROM match_runs");

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
  g_assert_cmpint (lists_count ("SELECT count(*) FROM match_runs"), ==, runs);
}

static void
test_match_bad_bodies_are_400 (void)
{
  static const char * const bodies[] = { "{", "5", "{\"subjects\":\"91460100MA5T100082\"}", "{\"purpose\":\"x\"}",
                                         "{\"subjects\":[],\"purpose\":7}" };
  gint64 runs = lists_count ("SELECT count(*) FROM match_runs");
  g_autoptr(HcTestResponse) anon = hc_test_request (server, "POST", "/lists/match", NULL, "[]");

  hc_assert_status (anon, 401, "unauthenticated");
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/lists/match", analyst, bodies[i]);

      g_assert_cmpuint (r->status, >=, 400);
      g_assert_cmpuint (r->status, <, 500);
      g_assert_nonnull (hc_test_response_error_code (r));
    }
  g_assert_cmpint (lists_count ("SELECT count(*) FROM match_runs"), ==, runs);
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
  g_assert_cmpint (lists_num (r, "subjects"), ==, 100000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (r), "hits")),
                    ==, lists_count ("SELECT count(*) FROM list_entries WHERE state IN ('published', 'objected')"));
}

void
hc_test_lists_match_add (void)
{
  g_test_add_func ("/lists/match-json", test_match_json);
  g_test_add_func ("/lists/match-csv", test_match_csv);
  g_test_add_func ("/lists/match-too-many-is-413", test_match_too_many_is_413);
  g_test_add_func ("/lists/match-bad-bodies-are-400", test_match_bad_bodies_are_400);
  g_test_add_func ("/lists/match-of-100000-subjects", test_match_of_100000_subjects);
}
