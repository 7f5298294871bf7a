/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's 名单自动比对 and 信用修复 calls against the real server: a CSV
 * matched with its unreadable row counted, runs and hits with filters,
 * feedback, a false match cleared (and a re-run that no longer raises it,
 * with the gone hit) and withdrawn; repair cases listed by state and
 * overdue, and decided only by the designating department. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "hc-client.h"
#include "hc-core.h"
#include "hc-test-client.h"

static HcTestServer *server;
static const char *analyst, *supervisor;
static gint64 department;
static GRand *prng;

static char *
new_subject (const char *name)
{
  char *uscc = hc_uscc_generate (prng, "460100");

  hc_test_create_subject (server, uscc, name, "legal_person", "460100");
  return uscc;
}

static char *
step (gint64      id,
      const char *etag,
      const char *action,
      const char *token)
{
  g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", id);
  g_autofree char *body = g_strdup_printf ("{\"action\":\"%s\",\"reason\":\"测试理由\"}", action);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(HcTestResponse) r = hc_test_request_full (server, "POST", path, token, "application/json", bytes, etag);

  hc_assert_status (r, 200, NULL);
  return g_strdup (r->etag);
}

/* A published black-list entry of @subject, designated by @department. */
static gint64
publish (const char *subject)
{
  g_autofree char *body =
    g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《海南自由贸易港社会信用条例》\","
                     "\"measures\":[\"black.procurement_ban\"]}", subject, department);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/lists/black/entries", analyst, body);
  g_autofree char *noticed = NULL;
  g_autofree char *published = NULL;
  gint64 id;

  hc_assert_status (r, 201, NULL);
  id = json_object_get_int_member (hc_test_response_object (r), "id");
  noticed = step (id, r->etag, "notice", analyst);
  published = step (id, noticed, "publish", supervisor);
  return id;
}

static void
progress_cb (goffset  current,
             goffset  total,
             gpointer user_data)
{
  goffset *seen = user_data;

  g_assert_cmpint (current, <=, total);
  *seen = current;
}

static HcPage *
hits (HcClient              *client,
      const HcMatchHitQuery *query)
{
  g_autoptr(GError) error = NULL;
  HcTestWait wait = { NULL };
  HcPage *page;

  hc_client_list_match_hits_async (client, query, NULL, 0, NULL, hc_test_wait_store, &wait);
  page = hc_client_list_match_hits_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  return page;
}

static HcMatchRun *
get_run (HcClient *client,
         gint64    id)
{
  g_autoptr(GError) error = NULL;
  HcTestWait wait = { NULL };
  HcMatchRun *run;

  hc_client_get_match_run_async (client, id, NULL, hc_test_wait_store, &wait);
  run = hc_client_get_match_run_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  return run;
}

static void
test_client_match_csv_hits_feedback_and_clearance (void)
{
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "analyst");
  g_autofree char *listed = new_subject ("海南比对客户端测试贸易有限公司");
  g_autofree char *clean = new_subject ("海南比对无名单测试贸易有限公司");
  g_autofree char *dir = g_dir_make_tmp ("hc-match-XXXXXX", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "subjects.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcMatchRun) run = NULL;
  g_autoptr(HcMatchRun) counted = NULL;
  g_autoptr(HcMatchRun) rerun = NULL;
  g_autoptr(HcPage) runs = NULL;
  g_autoptr(HcPage) all = NULL;
  g_autoptr(HcPage) applied = NULL;
  g_autoptr(HcPage) gone = NULL;
  g_autoptr(HcPage) standing = NULL;
  g_autoptr(HcMatchRun) first_run = NULL;
  g_autoptr(HcMatchHit) hit = NULL;
  g_autoptr(HcMatchHit) refused = NULL;
  g_autoptr(HcMatchHit) fed = NULL;
  g_autoptr(HcMatchClearance) blank = NULL;
  g_autoptr(HcMatchClearance) clearance = NULL;
  g_autoptr(HcMatchClearance) withdrawn = NULL;
  HcMatchHitQuery query = { 0, };
  HcTestWait wait = { NULL };
  goffset seen = -1;
  gint64 entry = publish (listed);

  csv = g_strdup_printf ("统一社会信用代码,名称\n%s,甲\n%s,乙\n91460100MA5T10008X,坏\n", listed, clean);
  g_assert_true (g_file_set_contents (csv_path, csv, -1, NULL));

  /* The file goes up with progress; the run counts the unreadable row. */
  hc_client_match_file_async (client, file, "客户端测试", progress_cb, &seen, NULL, hc_test_wait_store, &wait);
  run = hc_client_match_file_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_cmpint (seen, ==, (goffset) strlen (csv));
  g_assert_cmpint (hc_match_run_get_subjects (run), ==, 3);
  g_assert_cmpint (hc_match_run_get_invalid (run), ==, 1);
  g_assert_cmpint (hc_match_run_get_hits (run), ==, 1);
  g_assert_cmpint (hc_match_run_get_pending (run), ==, 1);
  g_assert_cmpstr (hc_match_run_get_purpose (run), ==, "客户端测试");
  g_assert_cmpstr (hc_match_run_get_input_format (run), ==, "csv");
  g_assert_false (hc_match_run_get_stale (run));
  g_assert_true (hc_match_run_get_rerunnable (run));
  g_assert_false (hc_match_run_get_is_rerun (run));

  hc_client_list_match_runs_async (client, NULL, 10, NULL, hc_test_wait_store, &wait);
  runs = hc_client_list_match_runs_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  first_run = g_list_model_get_item (hc_page_get_items (runs), 0);
  g_assert_cmpint (hc_match_run_get_id (first_run), ==, hc_match_run_get_id (run));

  /* The hit, with the measures that apply; a filter that excludes it. */
  query.run_id = hc_match_run_get_id (run);
  all = hits (client, &query);
  g_assert_cmpint (hc_page_get_total (all), ==, 1);
  hit = g_list_model_get_item (hc_page_get_items (all), 0);
  g_assert_cmpint (hc_match_hit_get_entry_id (hit), ==, entry);
  g_assert_cmpstr (hc_match_hit_get_identifier (hit), ==, listed);
  g_assert_cmpstr (hc_match_hit_get_subject_name (hit), ==, "海南比对客户端测试贸易有限公司");
  g_assert_cmpstr (hc_match_hit_get_list_type (hit), ==, "black");
  g_assert_cmpstr (hc_match_hit_get_state (hit), ==, "published");
  g_assert_nonnull (strstr (hc_match_hit_get_measure_names (hit), "政府采购"));
  g_assert_null (hc_match_hit_get_feedback (hit));
  g_assert_false (hc_match_hit_get_cleared (hit));
  query.feedback = "applied";
  applied = hits (client, &query);
  g_assert_cmpint (hc_page_get_total (applied), ==, 0);
  query.feedback = NULL;
  path = hc_client_match_hits_path (&(HcMatchHitQuery) { .run_id = query.run_id, .list_class = "black", .feedback = "pending" });
  expected = g_strdup_printf ("/lists/match-runs/%" G_GINT64_FORMAT "/hits?class=black&feedback=pending", query.run_id);
  g_assert_cmpstr (path, ==, expected);

  /* Feedback: not applied needs a note; applied counts on the run. */
  hc_client_match_hit_feedback_async (client, query.run_id, entry, FALSE, NULL, NULL, hc_test_wait_store, &wait);
  refused = hc_client_match_hit_feedback_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_INVALID);
  g_assert_null (refused);
  g_clear_error (&error);
  g_clear_object (&wait.result);
  hc_client_match_hit_feedback_async (client, query.run_id, entry, TRUE, "已限制参与政府采购", NULL, hc_test_wait_store, &wait);
  fed = hc_client_match_hit_feedback_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_cmpstr (hc_match_hit_get_feedback (fed), ==, "applied");
  counted = get_run (client, query.run_id);
  g_assert_cmpint (hc_match_run_get_applied (counted), ==, 1);
  g_assert_cmpint (hc_match_run_get_pending (counted), ==, 0);

  /* A false match needs a reason; cleared, a re-run no longer raises it. */
  hc_client_clear_match_hit_async (client, query.run_id, entry, "  ", NULL, hc_test_wait_store, &wait);
  blank = hc_client_clear_match_hit_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_INVALID);
  g_assert_null (blank);
  g_clear_error (&error);
  g_clear_object (&wait.result);
  hc_client_clear_match_hit_async (client, query.run_id, entry, "同名不同主体", NULL, hc_test_wait_store, &wait);
  clearance = hc_client_clear_match_hit_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_true (hc_match_clearance_get_standing (clearance));
  g_assert_cmpstr (hc_match_clearance_get_reason (clearance), ==, "同名不同主体");

  hc_client_list_match_clearances_async (client, TRUE, NULL, 0, NULL, hc_test_wait_store, &wait);
  standing = hc_client_list_match_clearances_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_cmpint (hc_page_get_total (standing), >=, 1);

  hc_client_rerun_match_async (client, query.run_id, NULL, hc_test_wait_store, &wait);
  rerun = hc_client_rerun_match_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_true (hc_match_run_get_is_rerun (rerun));
  g_assert_cmpint (hc_match_run_get_previous_run_id (rerun), ==, query.run_id);
  g_assert_cmpint (hc_match_run_get_hits (rerun), ==, 0);
  g_assert_cmpint (hc_match_run_get_cleared (rerun), ==, 1);
  g_assert_cmpint (hc_match_run_get_gone_hits (rerun), ==, 1);
  gone = hits (client, &(HcMatchHitQuery) { .run_id = hc_match_run_get_id (rerun), .change = "gone" });
  g_assert_cmpint (hc_page_get_total (gone), ==, 1);

  hc_client_withdraw_match_clearance_async (client, hc_match_clearance_get_id (clearance), "核实为同一主体",
                                            NULL, hc_test_wait_store, &wait);
  withdrawn = hc_client_withdraw_match_clearance_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_false (hc_match_clearance_get_standing (withdrawn));

  g_unlink (csv_path);
  g_rmdir (dir);
}

static HcRepair *
get_repair (HcClient *client,
            gint64    id)
{
  g_autoptr(GError) error = NULL;
  HcTestWait wait = { NULL };
  HcRepair *repair;

  hc_client_get_repair_async (client, id, NULL, hc_test_wait_store, &wait);
  repair = hc_client_get_repair_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  return repair;
}

static gboolean
page_has (HcPage *page,
          gint64  id)
{
  for (guint i = 0; i < hc_page_get_n_items (page); i++)
    {
      g_autoptr(HcRepair) row = g_list_model_get_item (hc_page_get_items (page), i);

      if (hc_repair_get_id (row) == id)
        return TRUE;
    }
  return FALSE;
}

static HcPage *
repairs (HcClient   *client,
         const char *state,
         gboolean    overdue)
{
  g_autoptr(GError) error = NULL;
  HcTestWait wait = { NULL };
  HcPage *page;

  hc_client_list_repairs_async (client, state, overdue, NULL, 100, NULL, hc_test_wait_store, &wait);
  page = hc_client_list_repairs_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  return page;
}

static void
test_client_repairs_queue_and_decision (void)
{
  g_autoptr(HcClient) reader = hc_test_signed_in_client (server, "analyst");
  g_autoptr(HcClient) outsider = hc_test_signed_in_client (server, "outsider");
  g_autoptr(HcClient) designating = hc_test_signed_in_client (server, "designating");
  g_autofree char *subject = new_subject ("海南修复客户端测试贸易有限公司");
  g_autofree char *body = NULL;
  g_autofree char *backdate = NULL;
  g_autoptr(HcTestResponse) created = NULL;
  g_autoptr(HcPage) pending = NULL;
  g_autoptr(HcPage) overdue_before = NULL;
  g_autoptr(HcPage) overdue = NULL;
  g_autoptr(HcPage) decided = NULL;
  g_autoptr(HcRepair) repair = NULL;
  g_autoptr(HcRepair) late = NULL;
  g_autoptr(HcRepair) refused = NULL;
  g_autoptr(HcRepair) unchanged = NULL;
  g_autoptr(HcRepair) approved = NULL;
  g_autoptr(HcRepair) again = NULL;
  g_autoptr(HcListEntry) entry_after = NULL;
  g_autoptr(GError) error = NULL;
  HcTestWait wait = { NULL };
  gint64 entry = publish (subject);
  gint64 id;

  body = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"list_entry\",\"entry_id\":%" G_GINT64_FORMAT ","
                          "\"reason\":\"已履行法定义务\",\"commitment\":true,\"evidence\":[\"法院结案通知书\",\"信用承诺书\"]}", subject, entry);
  created = hc_test_request (server, "POST", "/repairs", analyst, body);
  hc_assert_status (created, 201, NULL);
  id = json_object_get_int_member (hc_test_response_object (created), "id");

  repair = get_repair (reader, id);
  g_assert_nonnull (hc_repair_get_etag (repair));
  g_assert_cmpstr (hc_repair_get_kind (repair), ==, "list_entry");
  g_assert_cmpint (hc_repair_get_entry_id (repair), ==, entry);
  g_assert_cmpint (hc_repair_get_department_id (repair), ==, department);
  g_assert_true (hc_repair_get_commitment (repair));
  g_assert_cmpstr (hc_repair_get_evidence (repair), ==, "法院结案通知书\n信用承诺书");
  g_assert_cmpstr (hc_repair_get_state (repair), ==, "pending");
  g_assert_cmpint (hc_repair_get_days_left (repair), ==, 20);
  g_assert_false (hc_repair_get_overdue (repair));

  pending = repairs (reader, "pending", FALSE);
  g_assert_true (page_has (pending, id));
  overdue_before = repairs (reader, NULL, TRUE);
  g_assert_false (page_has (overdue_before, id));

  /* Past its deadline the case is overdue, with negative days left (days
   * are Hainan's, UTC+8, as the server and the client count them). */
  backdate = g_strdup_printf ("UPDATE repairs SET applied_on = date('now', '+8 hours', '-30 days'), deadline = date('now', '+8 hours', '-10 days')"
                              " WHERE id = %" G_GINT64_FORMAT, id);
  hc_test_server_backdate (server, backdate);
  overdue = repairs (reader, NULL, TRUE);
  g_assert_true (page_has (overdue, id));
  late = get_repair (reader, id);
  g_assert_true (hc_repair_get_overdue (late));
  g_assert_cmpint (hc_repair_get_days_left (late), ==, -10);

  /* 谁认定、谁修复: another department's supervisor is refused, nothing changes. */
  hc_client_decide_repair_async (outsider, id, hc_repair_get_etag (late), TRUE, NULL, NULL, hc_test_wait_store, &wait);
  refused = hc_client_decide_repair_finish (outsider, hc_test_wait_for (&wait), &error);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "海南省高级人民法院"));
  g_assert_null (refused);
  g_clear_error (&error);
  g_clear_object (&wait.result);
  unchanged = get_repair (reader, id);
  g_assert_cmpstr (hc_repair_get_state (unchanged), ==, "pending");

  hc_client_decide_repair_async (designating, id, hc_repair_get_etag (late), TRUE, "材料齐全", NULL, hc_test_wait_store, &wait);
  approved = hc_client_decide_repair_finish (designating, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_cmpstr (hc_repair_get_state (approved), ==, "approved");
  g_assert_cmpstr (hc_repair_get_decision_comment (approved), ==, "材料齐全");
  g_assert_cmpstr (hc_repair_get_decided_by (approved), ==, "designating");
  decided = repairs (reader, "decided", FALSE);
  g_assert_true (page_has (decided, id));

  hc_client_get_list_entry_async (reader, entry, NULL, hc_test_wait_store, &wait);
  entry_after = hc_client_get_list_entry_finish (reader, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_cmpstr (hc_list_entry_get_state (entry_after), ==, "repaired");

  hc_client_decide_repair_async (designating, id, hc_repair_get_etag (approved), FALSE, "重复", NULL,
                                 hc_test_wait_store, &wait);
  again = hc_client_decide_repair_finish (designating, hc_test_wait_for (&wait), &error);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_CONFLICT);
  g_assert_null (again);
  g_clear_object (&wait.result);
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  prng = g_rand_new_with_seed (19);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  department = hc_test_create_department (server, "FY", "海南省高级人民法院");
  analyst = hc_test_create_user (server, "analyst", "analyst");
  supervisor = hc_test_create_user (server, "supervisor", "supervisor");
  hc_test_create_user_in (server, "designating", "supervisor", department);
  hc_test_create_user_in (server, "outsider", "supervisor", hc_test_create_department (server, "HG", "海口海关"));
  {
    /* four eyes still apply; the notice period is made 0 */
    g_autoptr(HcTestResponse) r = hc_test_request (server, "PATCH", "/list-types/black",
                                                   hc_test_server_token (server, "admin"), "{\"notice_days\":0}");

    hc_assert_status (r, 200, NULL);
  }

  g_test_add_func ("/client/match/csv-hits-feedback-and-clearance", test_client_match_csv_hits_feedback_and_clearance);
  g_test_add_func ("/client/repairs/queue-and-decision", test_client_repairs_queue_and_decision);
  ret = g_test_run ();
  hc_test_server_free (server);
  g_rand_free (prng);
  return ret;
}
