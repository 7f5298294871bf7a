/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The subjects client calls and the lazy HcSubjectModel against the real
 * server with demo data: pages to the end, search, edit with If-Match. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "hc-audit-change.h"
#include "hc-client.h"
#include "hc-subject-model.h"
#include "hc-test-client.h"

static HcTestServer *server;

static void
wait_model_idle (HcSubjectModel *model)
{
  /* The first page may come with an estimate; the exact count, asked for
   * apart, resizes the list when it arrives. */
  while (hc_subject_model_get_loading (model) || hc_subject_model_get_counting (model))
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (hc_subject_model_get_error (model));
}

/* The server's answer to GET @path as the admin, straight over HTTP. */
static JsonObject *
raw_get (const char *path)
{
  HcTestResponse *resp = hc_test_request (server, "GET", path, hc_test_server_token (server, "admin"), NULL);
  JsonObject *obj;

  g_assert_cmpuint (resp->status, ==, 200);
  obj = json_object_ref (json_node_get_object (resp->json));
  hc_test_response_free (resp);
  return obj;
}

/* The last identifier by id and the count, walking the server's pages. */
static char *
server_last_identifier (const char *query,
                        gint64     *count)
{
  g_autofree char *cursor = NULL;
  char *last = NULL;

  *count = 0;
  do
    {
      g_autofree char *path = g_strdup_printf ("/subjects?limit=1000%s%s%s", query,
                                               cursor ? "&cursor=" : "", cursor ? cursor : "");
      g_autoptr(JsonObject) obj = raw_get (path);
      JsonArray *items = json_object_get_array_member (obj, "items");
      guint n = json_array_get_length (items);

      *count += n;
      if (n > 0)
        {
          g_free (last);
          last = g_strdup (json_object_get_string_member (json_array_get_object_element (items, n - 1),
                                                          "identifier"));
        }
      g_free (cursor);
      cursor = g_strdup (json_object_get_string_member_with_default (obj, "next_cursor", NULL));
    }
  while (cursor != NULL);
  return last;
}

/* The identifier of row @position of @query by id, walking the server's
 * keyset pages (no offset). */
static char *
server_identifier_at (const char *query,
                      guint       position)
{
  g_autofree char *cursor = NULL;
  guint seen = 0;

  for (;;)
    {
      g_autofree char *path = g_strdup_printf ("/subjects?limit=1000%s%s%s", query,
                                               cursor ? "&cursor=" : "", cursor ? cursor : "");
      g_autoptr(JsonObject) obj = raw_get (path);
      JsonArray *items = json_object_get_array_member (obj, "items");
      guint n = json_array_get_length (items);

      if (position < seen + n)
        return g_strdup (json_object_get_string_member (json_array_get_object_element (items, position - seen),
                                                        "identifier"));
      seen += n;
      g_free (cursor);
      cursor = g_strdup (json_object_get_string_member_with_default (obj, "next_cursor", NULL));
      g_assert_nonnull (cursor);
    }
}

static void
test_model_pages_to_the_end (void)
{
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "admin");
  g_autoptr(HcSubjectModel) model = hc_subject_model_new (client);
  HcSubjectQuery query = { .grade = "C" };
  g_autoptr(HcSubject) first = NULL;
  g_autoptr(HcSubject) last = NULL;
  g_autoptr(HcSubject) last_loaded = NULL;
  g_autofree char *expected_last = NULL;
  gint64 expected_total;
  guint n;

  hc_subject_model_set_query (model, &query);
  wait_model_idle (model);
  expected_last = server_last_identifier ("&grade=C", &expected_total);
  g_assert_cmpint (expected_total, >, 2 * HC_SUBJECT_MODEL_PAGE_SIZE);

  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_true (hc_subject_model_get_total_exact (model));
  g_assert_cmpint (hc_subject_model_get_total (model), ==, expected_total);
  g_assert_cmpuint (n, ==, expected_total);
  /* Only the first page is loaded; the rest wait to be touched. */
  g_assert_cmpuint (hc_subject_model_get_n_loaded (model), ==, HC_SUBJECT_MODEL_PAGE_SIZE);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_false (hc_subject_get_placeholder (first));
  g_assert_cmpstr (hc_subject_get_grade (first), ==, "C");

  /* Jumping to the end asks for the last page only, not for every page
   * before it (HcSubjectModel asks for the page by its offset). */
  last = g_list_model_get_item (G_LIST_MODEL (model), n - 1);
  g_assert_true (hc_subject_get_placeholder (last));
  g_assert_true (hc_subject_model_get_loading (model));
  wait_model_idle (model);
  g_assert_cmpuint (hc_subject_model_get_n_loaded (model), ==,
                    HC_SUBJECT_MODEL_PAGE_SIZE + (n - 1) % HC_SUBJECT_MODEL_PAGE_SIZE + 1);
  last_loaded = g_list_model_get_item (G_LIST_MODEL (model), n - 1);
  g_assert_false (hc_subject_get_placeholder (last_loaded));
  g_assert_cmpstr (hc_subject_get_identifier (last_loaded), ==, expected_last);

  /* A row in the middle: its page alone, the row the keyset walk finds. */
  {
    guint middle = 2 * HC_SUBJECT_MODEL_PAGE_SIZE + 7;
    g_autofree char *expected = server_identifier_at ("&grade=C", middle);
    g_autoptr(HcSubject) placeholder = g_list_model_get_item (G_LIST_MODEL (model), middle);
    g_autoptr(HcSubject) loaded = NULL;

    g_assert_true (hc_subject_get_placeholder (placeholder));
    wait_model_idle (model);
    loaded = g_list_model_get_item (G_LIST_MODEL (model), middle);
    g_assert_false (hc_subject_get_placeholder (loaded));
    g_assert_cmpstr (hc_subject_get_identifier (loaded), ==, expected);
    g_assert_cmpuint (hc_subject_model_get_n_loaded (model), ==,
                      2 * HC_SUBJECT_MODEL_PAGE_SIZE + (n - 1) % HC_SUBJECT_MODEL_PAGE_SIZE + 1);
  }
}

static void
test_search_narrows_and_new_query_cancels (void)
{
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "admin");
  g_autoptr(HcSubjectModel) model = hc_subject_model_new (client);
  HcSubjectQuery all = { 0, };
  HcSubjectQuery search = { 0, };
  g_autoptr(HcSubject) some = NULL;
  g_autofree char *name = NULL;
  gint64 total_all;
  guint n;

  hc_subject_model_set_query (model, &all);
  /* No text: the first page comes with the exact count (kept by the
   * server), so none is asked for apart (issue 12). */
  g_assert_true (hc_subject_model_get_loading (model));
  g_assert_false (hc_subject_model_get_counting (model));
  wait_model_idle (model);
  total_all = hc_subject_model_get_total (model);
  g_assert_cmpint (total_all, >, 0);
  g_assert_true (hc_subject_model_get_total_exact (model));
  {
    g_autoptr(JsonObject) counted = raw_get ("/subjects?limit=1&total=1");

    g_assert_cmpint (total_all, ==, json_object_get_int_member (counted, "total"));
  }
  some = g_list_model_get_item (G_LIST_MODEL (model), 17);
  name = g_strdup (hc_subject_get_name (some));

  /* A new query while a page is on its way: only the new query's rows come. */
  g_clear_object (&some);
  some = g_list_model_get_item (G_LIST_MODEL (model), 5000);
  g_assert_true (hc_subject_model_get_loading (model));
  search.q = name;
  hc_subject_model_set_query (model, &search);
  /* A text: its exact count is asked for with the first page, which may
   * come with an estimate. */
  g_assert_true (hc_subject_model_get_counting (model));
  wait_model_idle (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpint (hc_subject_model_get_total (model), <, total_all);
  for (guint i = 0; i < MIN (n, HC_SUBJECT_MODEL_PAGE_SIZE); i++)
    {
      g_autoptr(HcSubject) s = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_nonnull (strstr (hc_subject_get_name (s), name));
    }
}

static HcSubject *
get_subject (HcClient    *client,
             const char  *identifier,
             char       **etag,
             GError     **error)
{
  HcTestWait wait = { NULL };
  HcSubject *subject;

  hc_client_get_subject_async (client, identifier, NULL, hc_test_wait_store, &wait);
  subject = hc_client_get_subject_finish (client, hc_test_wait_for (&wait), etag, error);
  g_clear_object (&wait.result);
  return subject;
}

static HcSubject *
update_subject (HcClient            *client,
                const char          *identifier,
                const char          *etag,
                const HcSubjectEdit *edit,
                char               **new_etag,
                GError             **error)
{
  HcTestWait wait = { NULL };
  HcSubject *subject;

  hc_client_update_subject_async (client, identifier, etag, edit, NULL, hc_test_wait_store, &wait);
  subject = hc_client_update_subject_finish (client, hc_test_wait_for (&wait), new_etag, error);
  g_clear_object (&wait.result);
  return subject;
}

static void
test_edit_with_if_match (void)
{
  g_autoptr(HcClient) admin = hc_test_signed_in_client (server, "admin");
  g_autoptr(HcClient) analyst = hc_test_signed_in_client (server, "analyst");
  g_autoptr(JsonObject) page = raw_get ("/subjects?limit=1&type=legal_person");
  const char *identifier = json_object_get_string_member (json_array_get_object_element (
                             json_object_get_array_member (page, "items"), 0), "identifier");
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;
  g_autofree char *analyst_etag = NULL;
  g_autoptr(HcSubject) subject = NULL;
  g_autoptr(HcSubject) edited = NULL;
  g_autoptr(HcSubject) stale = NULL;
  g_autoptr(HcSubject) forbidden = NULL;
  g_autoptr(HcSubject) again = NULL;
  HcSubjectEdit edit = { .industry = "测试行业", .grade = "B", .grade_reason = "客户端测试：经集体研究调整等级" };

  subject = get_subject (admin, identifier, &etag, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hc_subject_get_identifier (subject), ==, identifier);
  g_assert_nonnull (etag);

  edited = update_subject (admin, identifier, etag, &edit, &new_etag, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hc_subject_get_industry (edited), ==, "测试行业");
  g_assert_cmpstr (hc_subject_get_grade (edited), ==, "B");
  g_assert_cmpint (hc_subject_get_version (edited), ==, hc_subject_get_version (subject) + 1);
  g_assert_cmpstr (new_etag, !=, etag);

  /* The old ETag no longer matches: 412, and nothing changes. */
  edit.industry = "另一个行业";
  edit.grade = NULL;
  edit.grade_reason = NULL;
  stale = update_subject (admin, identifier, etag, &edit, NULL, &error);
  g_assert_null (stale);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED);
  g_clear_error (&error);

  /* Analysts do not grade. */
  g_clear_object (&again);
  again = get_subject (analyst, identifier, &analyst_etag, &error);
  g_assert_no_error (error);
  edit.industry = NULL;
  edit.grade = "A";
  edit.grade_reason = "分析员不能调整等级";
  forbidden = update_subject (analyst, identifier, analyst_etag, &edit, NULL, &error);
  g_assert_null (forbidden);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_FORBIDDEN);
  g_clear_error (&error);

  g_clear_object (&again);
  again = get_subject (admin, identifier, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hc_subject_get_industry (again), ==, "测试行业");
  g_assert_cmpstr (hc_subject_get_grade (again), ==, "B");

  /* The audit log has the edit newest first, with before and after. */
  {
    HcAuditQuery query = { .actor = "admin", .entity = "subject" };
    HcTestWait wait = { NULL };
    g_autoptr(HcPage) audit = NULL;
    g_autoptr(HcAuditEntry) entry = NULL;
    GListModel *changes;
    gboolean industry_seen = FALSE;

    hc_client_list_audit_async (admin, &query, NULL, 5, TRUE, NULL, hc_test_wait_store, &wait);
    audit = hc_client_list_audit_finish (admin, hc_test_wait_for (&wait), &error);
    g_clear_object (&wait.result);
    g_assert_no_error (error);
    g_assert_cmpuint (hc_page_get_n_items (audit), >=, 1);
    g_assert_cmpint (hc_page_get_total (audit), >=, 1);
    entry = g_list_model_get_item (hc_page_get_items (audit), 0);
    g_assert_cmpstr (hc_audit_entry_get_action (entry), ==, "subject.update");
    changes = hc_audit_entry_get_changes (entry);
    for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
      {
        g_autoptr(HcAuditChange) c = g_list_model_get_item (changes, i);

        if (g_str_equal (hc_audit_change_get_field (c), "industry"))
          {
            industry_seen = TRUE;
            g_assert_cmpstr (hc_audit_change_get_after (c), ==, "测试行业");
            g_assert_true (hc_audit_change_get_changed (c));
          }
        if (g_str_equal (hc_audit_change_get_field (c), "identifier"))
          g_assert_false (hc_audit_change_get_changed (c));
      }
    g_assert_true (industry_seen);
  }

  /* Analysts may not read the audit log. */
  {
    HcTestWait wait = { NULL };
    g_autoptr(HcPage) denied = NULL;

    hc_client_list_audit_async (analyst, NULL, NULL, 5, FALSE, NULL, hc_test_wait_store, &wait);
    denied = hc_client_list_audit_finish (analyst, hc_test_wait_for (&wait), &error);
    g_clear_object (&wait.result);
    g_assert_null (denied);
    g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_FORBIDDEN);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);

  g_test_add_func ("/client/subjects/model-loads-pages-to-the-last-row", test_model_pages_to_the_end);
  g_test_add_func ("/client/subjects/search-narrows-and-a-new-query-cancels-the-old",
                   test_search_narrows_and_new_query_cancels);
  g_test_add_func ("/client/subjects/edit-needs-the-current-etag-and-is-audited", test_edit_with_if_match);

  status = g_test_run ();
  hc_test_server_free (server);
  return status;
}
