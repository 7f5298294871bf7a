/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of 名单自动比对 beyond the match itself (test-api-lists.c): the
 * run keeps its input (hash, identifiers, unreadable rows); XLSX files;
 * false matches cleared and withdrawn; stale runs and re-runs with their
 * difference; feedback on hits; exports of hits and unreadable rows; a
 * match of more subjects than one statement looks up, and of more hits
 * than one statement writes. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "hc-core.h"
#include "hc-test-server.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

static HcTestServer *server;
static const char *admin, *analyst, *supervisor, *customs_analyst;
static gint64 department;
static GRand *prng;

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

static gint64
count (const char *sql)
{
  return hc_test_count_rows (server, sql);
}

static gint64
num (HcTestResponse *r,
     const char     *member)
{
  return json_object_get_int_member (hc_test_response_object (r), member);
}

static HcTestResponse *
post (const char *path,
      const char *token,
      const char *body)
{
  return hc_test_request (server, "POST", path, token, body);
}

/* A new registered enterprise; returns its USCC. */
static char *
new_subject (const char *name)
{
  char *uscc = hc_uscc_generate (prng, "460100");

  hc_test_create_subject (server, uscc, name, "legal_person", "460100");
  return uscc;
}

static void
step (Entry      *e,
      const char *action)
{
  gboolean by_analyst = g_str_equal (action, "notice") || g_str_equal (action, "object");
  g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", e->id);
  g_autofree char *body = g_strdup_printf ("{\"action\":\"%s\",\"reason\":\"测试理由\"}", action);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(HcTestResponse) r =
    hc_test_request_full (server, "POST", path, by_analyst ? analyst : supervisor, "application/json", bytes, e->etag);

  hc_assert_status (r, 200, NULL);
  g_free (e->etag);
  e->etag = g_strdup (r->etag);
}

/* A black-list entry of @subject, proposed. */
static void
propose (const char *subject,
         Entry      *e)
{
  g_autofree char *body =
    g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《海南自由贸易港社会信用条例》\","
                     "\"measures\":[\"black.procurement_ban\",\"black.no_subsidies\"]}", subject, department);
  g_autoptr(HcTestResponse) r = post ("/lists/black/entries", analyst, body);

  hc_assert_status (r, 201, NULL);
  e->id = num (r, "id");
  e->etag = g_strdup (r->etag);
}

static HcTestResponse *
match_json (const char * const *identifiers)
{
  g_autoptr(GString) body = g_string_new ("{\"purpose\":\"测试比对\",\"subjects\":[");
  HcTestResponse *r;

  for (guint i = 0; identifiers[i] != NULL; i++)
    g_string_append_printf (body, "%s\"%s\"", i ? "," : "", identifiers[i]);
  g_string_append (body, "]}");
  r = post ("/lists/match", analyst, body->str);
  hc_assert_status (r, 200, NULL);
  return r;
}

static JsonArray *
hits_of (HcTestResponse *r)
{
  return json_object_get_array_member (hc_test_response_object (r), "hits");
}

static JsonObject *
get (const char *path)
{
  return hc_test_get_object (server, "analyst", path);
}

static JsonObject *
run_of (gint64 id)
{
  g_autofree char *path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT, id);

  return get (path);
}

/* A cleared false hit stays cleared in the next run, until the clearance
 * is withdrawn; each step needs a reason and is audited; bad requests
 * change nothing. */
static void
test_cleared_hit_stays_cleared (void)
{
  g_autofree char *subject = new_subject ("海南清除测试贸易有限公司");
  const char *ids[] = { subject, NULL };
  g_auto(Entry) e = { 0, };
  g_autoptr(HcTestResponse) first = NULL;
  g_autoptr(HcTestResponse) blank = NULL;
  g_autoptr(HcTestResponse) nohit = NULL;
  g_autoptr(HcTestResponse) cleared = NULL;
  g_autoptr(HcTestResponse) again = NULL;
  g_autoptr(HcTestResponse) second = NULL;
  g_autoptr(HcTestResponse) withdraw_blank = NULL;
  g_autoptr(HcTestResponse) withdrawn = NULL;
  g_autoptr(HcTestResponse) withdrawn_again = NULL;
  g_autoptr(HcTestResponse) third = NULL;
  g_autoptr(JsonObject) hits = NULL;
  g_autoptr(JsonObject) standing = NULL;
  g_autofree char *clear_path = NULL;
  g_autofree char *withdraw_path = NULL;
  g_autofree char *hits_path = NULL;
  g_autofree char *nohit_path = NULL;
  JsonObject *hit;

  propose (subject, &e);
  step (&e, "notice");
  step (&e, "publish");
  first = match_json (ids);
  g_assert_cmpuint (json_array_get_length (hits_of (first)), ==, 1);

  clear_path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/hits/%" G_GINT64_FORMAT "/clearance",
                                num (first, "run_id"), e.id);
  blank = post (clear_path, analyst, "{\"reason\":\"  \"}");
  hc_assert_status (blank, 422, "missing_field");
  nohit_path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/hits/99999/clearance", num (first, "run_id"));
  nohit = post (nohit_path, analyst, "{\"reason\":\"同名不同主体\"}");
  hc_assert_status (nohit, 404, "not_found");
  g_assert_cmpint (count ("SELECT count(*) FROM match_clearances"), ==, 0);

  cleared = post (clear_path, analyst, "{\"reason\":\"统一社会信用代码录入错误，实为另一主体\"}");
  hc_assert_status (cleared, 201, NULL);
  g_assert_true (json_object_get_boolean_member (hc_test_response_object (cleared), "standing"));
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (cleared), "identifier"), ==, subject);
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'list_match.clear' AND actor = 'analyst'"), ==, 1);
  again = post (clear_path, analyst, "{\"reason\":\"再次\"}");
  hc_assert_status (again, 409, "already_cleared");

  /* the first run's hit shows its clearance */
  hits_path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/hits", num (first, "run_id"));
  hits = get (hits_path);
  hit = json_array_get_object_element (json_object_get_array_member (hits, "items"), 0);
  g_assert_cmpint (json_object_get_int_member (hit, "clearance_id"), ==, num (cleared, "id"));

  /* the next run does not raise it */
  second = match_json (ids);
  g_assert_cmpuint (json_array_get_length (hits_of (second)), ==, 0);
  g_assert_cmpint (num (second, "cleared"), ==, 1);
  standing = get ("/lists/match-clearances?standing=1&total=1");
  g_assert_cmpint (json_object_get_int_member (standing, "total"), ==, 1);

  withdraw_path = g_strdup_printf ("/lists/match-clearances/%" G_GINT64_FORMAT "/withdrawal", num (cleared, "id"));
  withdraw_blank = post (withdraw_path, analyst, "{\"reason\":\"\"}");
  hc_assert_status (withdraw_blank, 422, "missing_field");
  withdrawn = post (withdraw_path, supervisor, "{\"reason\":\"核实为同一主体\"}");
  hc_assert_status (withdrawn, 200, NULL);
  g_assert_false (json_object_get_boolean_member (hc_test_response_object (withdrawn), "standing"));
  withdrawn_again = post (withdraw_path, supervisor, "{\"reason\":\"再次\"}");
  hc_assert_status (withdrawn_again, 409, "already_withdrawn");
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'list_match.withdraw' AND actor = 'supervisor'"), ==, 1);

  third = match_json (ids);
  g_assert_cmpuint (json_array_get_length (hits_of (third)), ==, 1);
  g_assert_cmpint (num (third, "cleared"), ==, 0);
}

/* A published entry flags an earlier run of its subject stale (and not a
 * run of other subjects); re-running gives the difference. */
static void
test_published_entry_flags_run_stale (void)
{
  g_autofree char *subject = new_subject ("海南过期测试贸易有限公司");
  g_autofree char *other = new_subject ("海南无关测试贸易有限公司");
  const char *ids[] = { subject, NULL };
  const char *other_ids[] = { other, NULL };
  g_auto(Entry) e = { 0, };
  g_autoptr(HcTestResponse) before = NULL;
  g_autoptr(HcTestResponse) unrelated = NULL;
  g_autoptr(HcTestResponse) rerun = NULL;
  g_autoptr(HcTestResponse) rerun2 = NULL;
  g_autoptr(HcTestResponse) no_diff = NULL;
  g_autoptr(JsonObject) run = NULL;
  g_autoptr(JsonObject) later = NULL;
  g_autoptr(JsonObject) unrelated_run = NULL;
  g_autoptr(JsonObject) rerun_run = NULL;
  g_autoptr(JsonObject) new_page = NULL;
  g_autofree char *path = NULL;
  g_autofree char *path2 = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *diff_path = NULL;
  JsonArray *added, *gone;

  propose (subject, &e);
  step (&e, "notice");
  before = match_json (ids);
  unrelated = match_json (other_ids);
  g_assert_cmpuint (json_array_get_length (hits_of (before)), ==, 0);
  run = run_of (num (before, "run_id"));
  g_assert_false (json_object_get_boolean_member (run, "stale"));
  g_assert_true (json_object_get_boolean_member (run, "rerunnable"));

  step (&e, "publish");
  later = run_of (num (before, "run_id"));
  g_assert_true (json_object_get_boolean_member (later, "stale"));
  unrelated_run = run_of (num (unrelated, "run_id"));
  g_assert_false (json_object_get_boolean_member (unrelated_run, "stale"));

  /* a run that is no re-run has nothing to compare with */
  diff_path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/hits?change=new", num (before, "run_id"));
  no_diff = hc_test_request (server, "GET", diff_path, analyst, NULL);
  hc_assert_status (no_diff, 400, "invalid_parameter");

  path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/rerun", num (before, "run_id"));
  rerun = post (path, analyst, NULL);
  hc_assert_status (rerun, 200, NULL);
  g_assert_cmpint (num (rerun, "previous_run_id"), ==, num (before, "run_id"));
  added = json_object_get_array_member (hc_test_response_object (rerun), "new_hits");
  gone = json_object_get_array_member (hc_test_response_object (rerun), "gone_hits");
  g_assert_cmpuint (json_array_get_length (added), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (added, 0), "entry_id"), ==, e.id);
  g_assert_cmpuint (json_array_get_length (gone), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'list_match.rerun'"), ==, 1);
  rerun_run = run_of (num (rerun, "run_id"));
  g_assert_cmpint (json_object_get_int_member (rerun_run, "new_hits"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (rerun_run, "gone_hits"), ==, 0);
  g_assert_false (json_object_get_boolean_member (rerun_run, "stale"));
  g_assert_cmpstr (json_object_get_string_member (rerun_run, "input_sha256"), ==,
                   json_object_get_string_member (later, "input_sha256"));
  new_path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/hits?change=new&total=1", num (rerun, "run_id"));
  new_page = get (new_path);
  g_assert_cmpint (json_object_get_int_member (new_page, "total"), ==, 1);

  /* the entry exits: the re-run of the re-run finds the hit gone */
  step (&e, "exit");
  path2 = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/rerun", num (rerun, "run_id"));
  rerun2 = post (path2, analyst, NULL);
  hc_assert_status (rerun2, 200, NULL);
  gone = json_object_get_array_member (hc_test_response_object (rerun2), "gone_hits");
  g_assert_cmpuint (json_array_get_length (gone), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (gone, 0), "entry_id"), ==, e.id);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (gone, 0), "state_now"), ==, "exited");
  g_assert_cmpuint (json_array_get_length (hits_of (rerun2)), ==, 0);
}

/* An XLSX file: the identifier column its header names, rows by their
 * number in the sheet, the unreadable ones kept with the run; the input's
 * hash; exports of hits and unreadable rows through the one export
 * mechanism. */
static void
test_xlsx_input_and_exports (void)
{
  g_autofree char *subject = new_subject ("海南表格测试贸易有限公司");
  g_autofree char *dir = g_dir_make_tmp ("hncredit-match-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "比对.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *hits_path = NULL;
  g_autofree char *invalid_path = NULL;
  g_auto(Entry) e = { 0, };
  g_autoptr(GBytes) body = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) csv = NULL;
  g_autoptr(HcTestResponse) bad_csv = NULL;
  g_autoptr(HcTestResponse) broken = NULL;
  g_autoptr(JsonObject) run = NULL;
  g_autoptr(JsonObject) invalid = NULL;
  JsonArray *bad;
  lxw_workbook *wb;
  lxw_worksheet *ws;
  gsize len;
  gint64 runs;

  propose (subject, &e);
  step (&e, "notice");
  step (&e, "publish");

  wb = workbook_new (file);
  ws = workbook_add_worksheet (wb, NULL);
  worksheet_write_string (ws, 0, 0, "名称", NULL);
  worksheet_write_string (ws, 0, 1, "统一社会信用代码", NULL);
  worksheet_write_string (ws, 1, 0, "海南表格测试贸易有限公司", NULL);
  worksheet_write_string (ws, 1, 1, subject, NULL);
  worksheet_write_string (ws, 2, 0, "某公司", NULL);
  worksheet_write_string (ws, 2, 1, "bad-code", NULL);
  worksheet_write_string (ws, 4, 0, "某人", NULL);
  worksheet_write_string (ws, 4, 1, "460100198001011235", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  g_assert_true (g_file_get_contents (file, &contents, &len, NULL));
  body = g_bytes_new (contents, len);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);

  r = hc_test_request_full (server, "POST", "/lists/match?purpose=%E8%A1%A8%E6%A0%BC", analyst, XLSX_TYPE, body, NULL);
  hc_assert_status (r, 200, NULL);
  g_assert_cmpint (num (r, "subjects"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (r), "input_sha256"), ==, sha);
  g_assert_cmpuint (json_array_get_length (hits_of (r)), ==, 1);
  bad = json_object_get_array_member (hc_test_response_object (r), "invalid");
  g_assert_cmpuint (json_array_get_length (bad), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (bad, 0), "row"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (bad, 1), "row"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bad, 1), "code"), ==, "invalid_id_number");

  run = run_of (num (r, "run_id"));
  g_assert_cmpstr (json_object_get_string_member (run, "input_format"), ==, "xlsx");
  g_assert_cmpstr (json_object_get_string_member (run, "purpose"), ==, "表格");
  g_assert_cmpstr (json_object_get_string_member (run, "input_sha256"), ==, sha);
  g_assert_cmpstr (json_object_get_string_member (run, "actor"), ==, "analyst");
  invalid_path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/invalid?total=1", num (r, "run_id"));
  invalid = get (invalid_path);
  g_assert_cmpint (json_object_get_int_member (invalid, "total"), ==, 2);

  /* the exports: hits with their measures, unreadable rows with their row numbers */
  hits_path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/hits", num (r, "run_id"));
  csv = hc_test_request_accept (server, "GET", hits_path, analyst, NULL, NULL, NULL, "text/csv");
  hc_assert_status (csv, 200, NULL);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (csv->body, NULL), g_bytes_get_size (csv->body));

    g_assert_nonnull (strstr (text, "适用措施"));
    g_assert_nonnull (strstr (text, "海南表格测试贸易有限公司"));
    g_assert_nonnull (strstr (text, "限制参与政府采购和招标投标"));
    g_assert_nonnull (strstr (text, subject));
  }
  g_clear_pointer (&invalid_path, g_free);
  invalid_path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/invalid", num (r, "run_id"));
  bad_csv = hc_test_request_accept (server, "GET", invalid_path, analyst, NULL, NULL, NULL, "text/csv");
  hc_assert_status (bad_csv, 200, NULL);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (bad_csv->body, NULL), g_bytes_get_size (bad_csv->body));

    g_assert_nonnull (strstr (text, "行号"));
    g_assert_nonnull (strstr (text, "bad-code"));
    g_assert_nonnull (strstr (text, "5,"));
  }
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'export'"), >=, 2);

  /* a broken workbook: 422, no run */
  runs = count ("SELECT count(*) FROM match_runs");
  {
    g_autoptr(GBytes) half = g_bytes_new (contents, len / 2);

    broken = hc_test_request_full (server, "POST", "/lists/match", analyst, XLSX_TYPE, half, NULL);
  }
  hc_assert_status (broken, 422, "invalid_xlsx");
  g_assert_cmpint (count ("SELECT count(*) FROM match_runs"), ==, runs);
  g_remove (file);
  g_rmdir (dir);
}

/* 效果自动反馈: a department says whether it applied the measures; the run
 * and the list type's months count it. */
static void
test_feedback_on_hits (void)
{
  g_autofree char *subject = new_subject ("海南反馈测试贸易有限公司");
  const char *ids[] = { subject, NULL };
  g_auto(Entry) e = { 0, };
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) no_note = NULL;
  g_autoptr(HcTestResponse) applied = NULL;
  g_autoptr(HcTestResponse) missing = NULL;
  g_autoptr(JsonObject) run = NULL;
  g_autoptr(JsonObject) months = NULL;
  g_autoptr(JsonObject) pending = NULL;
  g_autofree char *path = NULL;
  g_autofree char *missing_path = NULL;
  g_autofree char *pending_path = NULL;
  JsonArray *m;
  gint64 month_hits = 0, month_applied = 0;

  propose (subject, &e);
  step (&e, "notice");
  step (&e, "publish");
  r = match_json (ids);
  path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/hits/%" G_GINT64_FORMAT "/feedback",
                          num (r, "run_id"), e.id);
  no_note = post (path, customs_analyst, "{\"applied\":false}");
  hc_assert_status (no_note, 422, "missing_field");
  missing_path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/hits/99999/feedback", num (r, "run_id"));
  missing = post (missing_path, customs_analyst, "{\"applied\":true}");
  hc_assert_status (missing, 404, "not_found");
  g_assert_cmpint (count ("SELECT count(*) FROM match_hits WHERE feedback IS NOT NULL"), ==, 0);

  applied = post (path, customs_analyst, "{\"applied\":true,\"note\":\"已取消其投标资格\"}");
  hc_assert_status (applied, 200, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (applied), "feedback"), ==, "applied");
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (applied), "feedback_department"), ==,
                   "海口海关");
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'list_match.feedback'"), ==, 1);

  run = run_of (num (r, "run_id"));
  g_assert_cmpint (json_object_get_int_member (run, "applied"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (run, "pending"), ==, 0);
  pending_path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/hits?feedback=pending&total=1", num (r, "run_id"));
  pending = get (pending_path);
  g_assert_cmpint (json_object_get_int_member (pending, "total"), ==, 0);

  months = get ("/list-types/black/feedback");
  m = json_object_get_array_member (months, "months");
  g_assert_cmpuint (json_array_get_length (m), >=, 1);
  for (guint i = 0; i < json_array_get_length (m); i++)
    {
      month_hits += json_object_get_int_member (json_array_get_object_element (m, i), "hits");
      month_applied += json_object_get_int_member (json_array_get_object_element (m, i), "applied");
    }
  g_assert_cmpint (month_hits, ==, count ("SELECT count(*) FROM match_hits WHERE list_type = 'black'"));
  g_assert_cmpint (month_applied, ==, 1);
}

/* An entry under objection still hits, its publicity paused. */
static void
test_objected_hit_has_publicity_paused (void)
{
  g_autofree char *subject = new_subject ("海南异议测试贸易有限公司");
  const char *ids[] = { subject, NULL };
  g_auto(Entry) e = { 0, };
  g_autoptr(HcTestResponse) r = NULL;
  JsonObject *hit;

  propose (subject, &e);
  step (&e, "notice");
  step (&e, "publish");
  step (&e, "object");
  r = match_json (ids);
  g_assert_cmpuint (json_array_get_length (hits_of (r)), ==, 1);
  hit = json_array_get_object_element (hits_of (r), 0);
  g_assert_cmpstr (json_object_get_string_member (hit, "state"), ==, "objected");
  g_assert_true (json_object_get_boolean_member (hit, "publicity_paused"));
}

/* A run recorded before runs kept their subjects cannot be re-run: 409
 * not_rerunnable, and no run is added. */
static void
test_run_without_subjects_is_not_rerunnable (void)
{
  g_autofree char *subject = new_subject ("海南旧比对测试贸易有限公司");
  const char *ids[] = { subject, NULL };
  g_autoptr(HcTestResponse) r = match_json (ids);
  g_autoptr(HcTestResponse) again = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE match_runs SET identifiers = NULL WHERE id = %" G_GINT64_FORMAT,
                                          num (r, "run_id"));
  g_autofree char *path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/rerun", num (r, "run_id"));
  g_autoptr(JsonObject) run = NULL;
  gint64 runs;

  hc_test_server_backdate (server, sql);
  run = run_of (num (r, "run_id"));
  g_assert_false (json_object_get_boolean_member (run, "rerunnable"));
  runs = count ("SELECT count(*) FROM match_runs");
  again = post (path, analyst, NULL);
  hc_assert_status (again, 409, "not_rerunnable");
  g_assert_cmpint (count ("SELECT count(*) FROM match_runs"), ==, runs);
}

/* More identifiers than one statement looks up over PostgreSQL (2,000 a
 * batch, hcs-store-match-lookup.c): subjects on a list in the first, a
 * middle and the last batch hit, in the order given; a clearance of the
 * middle one's pair keeps it from the next run, and only it. */
static void
test_match_across_batches (void)
{
  const char *names[] = { "海南分批比对测试一有限公司", "海南分批比对测试二有限公司", "海南分批比对测试三有限公司" };
  const guint at[] = { 4999, 2500, 0 };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HcTestResponse) first = NULL;
  g_autoptr(HcTestResponse) cleared = NULL;
  g_autoptr(HcTestResponse) second = NULL;
  g_autofree char *clear_path = NULL;
  Entry e[3] = { { 0, }, };

  for (guint i = 0; i < 5000; i++)
    g_ptr_array_add (ids, hc_uscc_generate (prng, "460200"));
  for (guint k = 0; k < 3; k++)
    {
      g_free (g_ptr_array_index (ids, at[k]));
      g_ptr_array_index (ids, at[k]) = new_subject (names[k]);
      propose (g_ptr_array_index (ids, at[k]), &e[k]);
      step (&e[k], "notice");
      step (&e[k], "publish");
    }
  g_ptr_array_add (ids, NULL);

  first = match_json ((const char * const *) ids->pdata);
  g_assert_cmpuint (json_array_get_length (hits_of (first)), ==, 3);
  for (guint k = 0; k < 3; k++)
    {
      JsonObject *hit = json_array_get_object_element (hits_of (first), k);

      /* input order: the last batch's subject (k = 2, at 0) first */
      g_assert_cmpstr (json_object_get_string_member (hit, "identifier"), ==, g_ptr_array_index (ids, at[2 - k]));
      g_assert_cmpint (json_object_get_int_member (hit, "entry_id"), ==, e[2 - k].id);
      g_assert_cmpstr (json_object_get_string_member (hit, "name"), ==, names[2 - k]);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hit, "measures")), ==, 2);
    }

  clear_path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/hits/%" G_GINT64_FORMAT "/clearance",
                                num (first, "run_id"), e[1].id);
  cleared = post (clear_path, analyst, "{\"reason\":\"同名不同主体\"}");
  hc_assert_status (cleared, 201, NULL);
  second = match_json ((const char * const *) ids->pdata);
  g_assert_cmpint (num (second, "cleared"), ==, 1);
  g_assert_cmpuint (json_array_get_length (hits_of (second)), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (hits_of (second), 0), "entry_id"),
                   ==, e[2].id);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (hits_of (second), 1), "entry_id"),
                   ==, e[0].id);
  for (guint k = 0; k < 3; k++)
    entry_clear (&e[k]);
}

/* More hits than one statement writes (128 a statement): every hit is
 * kept with the run, with its state, and each is answered with its
 * measures, an identifier not on a list between them. */
static void
test_match_many_hits (void)
{
  const guint n = 130;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) entries = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(HcTestResponse) r = NULL;
  g_autofree char *hits_path = NULL;
  g_autofree Entry *e = g_new0 (Entry, n);
  JsonObject *kept;
  JsonArray *items;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("海南多命中比对测试%u有限公司", i);

      g_ptr_array_add (ids, new_subject (name));
      propose (g_ptr_array_index (ids, ids->len - 1), &e[i]);
      step (&e[i], "notice");
      step (&e[i], "publish");
      g_hash_table_add (entries, &e[i].id);
      if (i % 50 == 0)
        g_ptr_array_add (ids, hc_uscc_generate (prng, "460200"));
    }
  g_ptr_array_add (ids, NULL);

  r = match_json ((const char * const *) ids->pdata);
  g_assert_cmpuint (json_array_get_length (hits_of (r)), ==, n);
  for (guint k = 0; k < n; k++)
    {
      JsonObject *hit = json_array_get_object_element (hits_of (r), k);
      JsonArray *measures = json_object_get_array_member (hit, "measures");

      g_assert_cmpint (json_object_get_int_member (hit, "entry_id"), ==, e[k].id);
      g_assert_cmpstr (json_object_get_string_member (hit, "state"), ==, "published");
      g_assert_cmpuint (json_array_get_length (measures), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (measures, 0), "code"), ==,
                       "black.procurement_ban");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (measures, 1), "code"), ==,
                       "black.no_subsidies");
    }
  g_assert_cmpint (json_object_get_int_member (run_of (num (r, "run_id")), "hits"), ==, n);

  hits_path = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/hits?limit=200&total=1", num (r, "run_id"));
  kept = get (hits_path);
  items = json_object_get_array_member (kept, "items");
  g_assert_cmpint (json_object_get_int_member (kept, "total"), ==, n);
  g_assert_cmpuint (json_array_get_length (items), ==, n);
  for (guint k = 0; k < n; k++)
    {
      JsonObject *hit = json_array_get_object_element (items, k);
      gint64 id = json_object_get_int_member (hit, "entry_id");

      g_assert_true (g_hash_table_remove (entries, &id));
      g_assert_cmpstr (json_object_get_string_member (hit, "list_type"), ==, "black");
      g_assert_cmpstr (json_object_get_string_member (hit, "state"), ==, "published");
    }
  g_assert_cmpuint (g_hash_table_size (entries), ==, 0);
  for (guint i = 0; i < n; i++)
    entry_clear (&e[i]);
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  prng = g_rand_new_with_seed (9);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  admin = hc_test_server_token (server, "admin");
  department = hc_test_create_department (server, "FY", "海南省高级人民法院");
  analyst = hc_test_create_user (server, "analyst", "analyst");
  supervisor = hc_test_create_user (server, "supervisor", "supervisor");
  customs_analyst = hc_test_create_user_in (server, "customs", "analyst",
                                            hc_test_create_department (server, "HG", "海口海关"));
  {
    /* four eyes still apply; the notice period is made 0 */
    g_autoptr(HcTestResponse) r = hc_test_request (server, "PATCH", "/list-types/black", admin, "{\"notice_days\":0}");

    hc_assert_status (r, 200, NULL);
  }

  g_test_add_func ("/match/cleared-hit-stays-cleared", test_cleared_hit_stays_cleared);
  g_test_add_func ("/match/published-entry-flags-run-stale", test_published_entry_flags_run_stale);
  g_test_add_func ("/match/xlsx-input-and-exports", test_xlsx_input_and_exports);
  g_test_add_func ("/match/run-without-subjects-is-not-rerunnable", test_run_without_subjects_is_not_rerunnable);
  g_test_add_func ("/match/feedback-on-hits", test_feedback_on_hits);
  g_test_add_func ("/match/objected-hit-has-publicity-paused", test_objected_hit_has_publicity_paused);
  g_test_add_func ("/match/across-batches", test_match_across_batches);
  g_test_add_func ("/match/many-hits", test_match_many_hits);

  ret = g_test_run ();
  hc_test_server_free (server);
  g_rand_free (prng);
  return ret;
}
