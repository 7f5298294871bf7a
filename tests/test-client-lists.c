/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's 名单 calls against the real server: list types, pages with
 * cursor and total, an entry with its history and ETag, and transitions
 * with their errors (stale ETag, illegal move, missing reason). */
#include "config.h"

#include "hc-client.h"
#include "hc-list-entry-event.h"
#include "hc-test-client.h"

static const char * const usccs[] = {
  "91460100MA5T100082", "91460200MA5T100162", "91460400MA5T100247",
};

static HcTestServer *server;
static gint64 ids[G_N_ELEMENTS (usccs)];

static HcPage *
entries (HcClient    *client,
         const char  *state,
         const char  *q,
         const char  *cursor,
         guint        limit,
         GError     **error)
{
  HcTestWait wait = { NULL };
  HcPage *page;

  hc_client_list_entries_async (client, "black", state, NULL, q, cursor, limit, NULL, hc_test_wait_store, &wait);
  page = hc_client_list_entries_finish (client, hc_test_wait_for (&wait), error);
  g_clear_object (&wait.result);
  return page;
}

static HcListEntry *
get_entry (HcClient *client,
           gint64    id)
{
  g_autoptr(GError) error = NULL;
  HcTestWait wait = { NULL };
  HcListEntry *entry;

  hc_client_get_list_entry_async (client, id, NULL, hc_test_wait_store, &wait);
  entry = hc_client_get_list_entry_finish (client, hc_test_wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  return entry;
}

static HcListEntry *
transition (HcClient    *client,
            gint64       id,
            const char  *etag,
            const char  *action,
            const char  *reason,
            GError     **error)
{
  HcTestWait wait = { NULL };
  HcListEntry *entry;

  hc_client_transition_list_entry_async (client, id, etag, action, reason, NULL, hc_test_wait_store, &wait);
  entry = hc_client_transition_list_entry_finish (client, hc_test_wait_for (&wait), error);
  g_clear_object (&wait.result);
  return entry;
}

static void
test_client_lists_types_and_pages (void)
{
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "admin");
  g_autoptr(GListModel) types = NULL;
  g_autoptr(HcPage) first = NULL;
  g_autoptr(HcPage) second = NULL;
  g_autoptr(HcPage) none = NULL;
  g_autoptr(HcPage) found = NULL;
  g_autoptr(HcPage) bad = NULL;
  g_autoptr(HcListEntry) row = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_black = FALSE;
  HcTestWait wait = { NULL };

  hc_client_list_types_async (client, NULL, hc_test_wait_store, &wait);
  types = hc_client_list_types_finish (client, hc_test_wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (types), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(HcListType) type = g_list_model_get_item (types, i);

      if (g_strcmp0 (hc_list_type_get_key (type), "black") == 0)
        {
          has_black = TRUE;
          g_assert_cmpstr (hc_list_type_get_class (type), ==, "black");
          g_assert_cmpuint (g_strv_length ((char **) hc_list_type_get_measures (type)), >=, 6);
        }
    }
  g_assert_true (has_black);

  /* Two pages of 2 + 1 rows, each with the total. */
  first = entries (client, NULL, NULL, NULL, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_page_get_total (first), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (hc_page_get_items (first)), ==, 2);
  g_assert_nonnull (hc_page_get_next_cursor (first));
  second = entries (client, NULL, NULL, hc_page_get_next_cursor (first), 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hc_page_get_items (second)), ==, 1);
  g_assert_null (hc_page_get_next_cursor (second));
  row = g_list_model_get_item (hc_page_get_items (second), 0);
  g_assert_cmpint (hc_list_entry_get_id (row), >, 0);
  g_assert_cmpstr (hc_list_entry_get_state (row), ==, "proposed");
  g_assert_cmpstr (hc_list_entry_get_region_name (row), !=, NULL);
  g_assert_null (hc_list_entry_get_history (row));

  /* Filters reach the server. */
  none = entries (client, "published", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_page_get_total (none), ==, 0);
  found = entries (client, NULL, "海南测试2号", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_page_get_total (found), ==, 1);
  bad = entries (client, "nonsense", NULL, NULL, 0, &error);
  g_assert_null (bad);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_INVALID);
  g_assert_cmpstr (hc_client_error_get_code (error), ==, "invalid_state");
}

static void
test_client_lists_entry_and_transitions (void)
{
  g_autoptr(HcClient) client = hc_test_signed_in_client (server, "admin");
  g_autoptr(HcListEntry) entry = get_entry (client, ids[0]);
  g_autoptr(HcListEntry) noticed = NULL;
  g_autoptr(HcListEntry) stale = NULL;
  g_autoptr(HcListEntry) illegal = NULL;
  g_autoptr(HcListEntry) unreasoned = NULL;
  g_autoptr(HcListEntry) now = NULL;
  g_autoptr(HcListEntryEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT, ids[0]);
  g_autoptr(HcTestResponse) direct = hc_test_request (server, "GET", path, hc_test_server_token (server, "admin"), NULL);

  /* The entry with its history and the server's ETag. */
  g_assert_cmpstr (hc_list_entry_get_etag (entry), ==, direct->etag);
  g_assert_cmpstr (hc_list_entry_get_subject_identifier (entry), ==, usccs[0]);
  g_assert_cmpuint (g_list_model_get_n_items (hc_list_entry_get_history (entry)), ==, 1);
  g_assert_cmpuint (g_strv_length ((char **) hc_list_entry_get_measures (entry)), ==, 1);

  noticed = transition (client, ids[0], hc_list_entry_get_etag (entry), "notice", "已告知", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hc_list_entry_get_state (noticed), ==, "noticed");
  g_assert_cmpstr (hc_list_entry_get_etag (noticed), !=, hc_list_entry_get_etag (entry));
  g_assert_cmpuint (g_list_model_get_n_items (hc_list_entry_get_history (noticed)), ==, 2);
  event = g_list_model_get_item (hc_list_entry_get_history (noticed), 1);
  g_assert_cmpstr (hc_list_entry_event_get_action (event), ==, "notice");
  g_assert_cmpstr (hc_list_entry_event_get_from_state (event), ==, "proposed");
  g_assert_cmpstr (hc_list_entry_event_get_to_state (event), ==, "noticed");
  g_assert_cmpstr (hc_list_entry_event_get_reason (event), ==, "已告知");

  /* The old ETag is stale now. */
  stale = transition (client, ids[0], hc_list_entry_get_etag (entry), "publish", NULL, &error);
  g_assert_null (stale);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED);
  g_clear_error (&error);

  /* 信用修复 is not open from 已告知: the server says which steps are. */
  illegal = transition (client, ids[0], hc_list_entry_get_etag (noticed), "repair", "已整改", &error);
  g_assert_null (illegal);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_CONFLICT);
  g_assert_cmpstr (hc_client_error_get_code (error), ==, "illegal_transition");
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  /* 提出异议 needs a reason. */
  unreasoned = transition (client, ids[0], hc_list_entry_get_etag (noticed), "object", NULL, &error);
  g_assert_null (unreasoned);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_INVALID);
  g_clear_error (&error);

  /* None of the refused steps changed the entry. */
  now = get_entry (client, ids[0]);
  g_assert_cmpstr (hc_list_entry_get_state (now), ==, "noticed");
  g_assert_cmpstr (hc_list_entry_get_etag (now), ==, hc_list_entry_get_etag (noticed));
  g_assert_cmpuint (g_list_model_get_n_items (hc_list_entry_get_history (now)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  const char *admin;
  gint64 department;
  int status;

  g_test_init (&argc, &argv, NULL);

  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  admin = hc_test_server_token (server, "admin");
  {
    g_autoptr(HcTestResponse) r =
      hc_test_request (server, "POST", "/departments", admin, "{\"code\":\"FY\",\"name\":\"海南省高级人民法院\"}");
    hc_assert_status (r, 201, NULL);
    department = json_object_get_int_member (hc_test_response_object (r), "id");
  }
  for (guint i = 0; i < G_N_ELEMENTS (usccs); i++)
    {
      g_autofree char *subject =
        g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"海南测试%u号贸易有限公司\",\"type\":\"legal_person\","
                         "\"industry\":\"批发和零售业\"}", usccs[i], i + 1);
      g_autofree char *entry =
        g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《海南自由贸易港社会信用条例》\","
                         "\"facts\":\"测试事实\",\"measures\":[\"black.no_subsidies\"]}", usccs[i], department);
      g_autoptr(HcTestResponse) s = hc_test_request (server, "POST", "/subjects", admin, subject);
      g_autoptr(HcTestResponse) e = NULL;

      hc_assert_status (s, 201, NULL);
      e = hc_test_request (server, "POST", "/lists/black/entries", admin, entry);
      hc_assert_status (e, 201, NULL);
      ids[i] = json_object_get_int_member (hc_test_response_object (e), "id");
    }

  g_test_add_func ("/client/lists/types-and-pages", test_client_lists_types_and_pages);
  g_test_add_func ("/client/lists/entry-and-transitions", test_client_lists_entry_and_transitions);
  status = g_test_run ();
  hc_test_server_free (server);
  return status;
}
