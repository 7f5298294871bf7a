/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's 公共信用信息目录 calls against the real server: versions and
 * their badges, a version's items with filters, writes with their ETags
 * (a stale one changes nothing), publishing by role, and the diff. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "hc-client.h"
#include "hc-test-client.h"

static HcTestServer *server;
static gint64 dept_a;
static gint64 dept_b;

/* Runs one typed call to its end: @call starts it with &wait. */
#define RUN(finish, client, error, call)                                  \
  ({                                                                      \
    HcTestWait _wait = { NULL };                                          \
    gpointer _result;                                                     \
    HcTestWait *wait = &_wait;                                            \
    call;                                                                 \
    _result = finish (client, hc_test_wait_for (wait), error);            \
    g_clear_object (&_wait.result);                                       \
    _result;                                                              \
  })

static HcCatalogItemFields
fields_of (const char *name,
           const char *category,
           gint64      department_id)
{
  HcCatalogItemFields f = HC_CATALOG_ITEM_FIELDS_INIT;

  f.category = category;
  f.name = name;
  f.subject_type = "legal_person";
  f.department_id = department_id;
  f.disclosure = "public";
  f.update_frequency = "monthly";
  f.legal_basis = "《企业信息公示暂行条例》";
  f.publicity_period = "3年";
  f.expected_records = 400;
  f.collected_records = 100;
  return f;
}

static HcCatalogItem *
create_item (HcClient   *client,
             int         year,
             const char *name,
             const char *category,
             gint64      department_id,
             const char *scope)
{
  g_autoptr(GError) error = NULL;
  HcCatalogItemFields f = fields_of (name, category, department_id);
  HcCatalogItem *item;

  f.scope = scope;
  item = RUN (hc_client_create_catalog_item_finish, client, &error,
              hc_client_create_catalog_item_async (client, year, &f, NULL, hc_test_wait_store, wait));
  g_assert_no_error (error);
  g_assert_nonnull (hc_catalog_item_get_etag (item));
  return item;
}

static gboolean
delete_item (HcClient    *client,
             HcCatalogItem *item,
             GError     **error)
{
  HcTestWait wait = { NULL };
  gboolean deleted;

  hc_client_delete_catalog_item_async (client, hc_catalog_item_get_id (item), hc_catalog_item_get_etag (item),
                                       NULL, hc_test_wait_store, &wait);
  deleted = hc_client_delete_catalog_item_finish (client, hc_test_wait_for (&wait), error);
  g_clear_object (&wait.result);
  return deleted;
}

static void
test_client_catalog_versions_and_items (void)
{
  g_autoptr(HcClient) analyst = hc_test_signed_in_client (server, "analyst");
  g_autoptr(HcClient) supervisor = hc_test_signed_in_client (server, "supervisor");
  g_autoptr(GError) error = NULL;
  g_autoptr(HcCatalogVersion) created = NULL;
  g_autoptr(HcCatalogVersion) draft = NULL;
  g_autoptr(HcCatalogVersion) published = NULL;
  g_autoptr(HcCatalogVersion) denied = NULL;
  g_autoptr(HcCatalogVersion) copy = NULL;
  g_autoptr(HcCatalogVersion) duplicate = NULL;
  g_autoptr(HcCatalogItem) a = NULL;
  g_autoptr(HcCatalogItem) b = NULL;
  g_autoptr(HcCatalogItem) c = NULL;
  g_autoptr(HcPage) all = NULL;
  g_autoptr(HcPage) filtered = NULL;
  g_autoptr(HcPage) searched = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(HcCatalogVersion) first = NULL;
  g_autofree char *path = NULL;
  HcCatalogQuery query = { 0 };

  created = RUN (hc_client_create_catalog_version_finish, analyst, &error,
                 hc_client_create_catalog_version_async (analyst, 2031, 0, NULL, hc_test_wait_store, wait));
  g_assert_no_error (error);
  g_assert_cmpint (hc_catalog_version_get_year (created), ==, 2031);
  g_assert_false (hc_catalog_version_get_published (created));
  g_assert_cmpstr (hc_catalog_version_get_state_label (created), ==, "草稿");

  a = create_item (analyst, 2031, "企业登记注册信息", "registration", dept_a, NULL);
  b = create_item (analyst, 2031, "纳税信用等级信息", "tax", dept_b, "supplementary");
  c = create_item (analyst, 2031, "行政处罚决定信息", "penalty", dept_a, "basic");
  g_assert_cmpstr (hc_catalog_item_get_scope (a), ==, "basic");
  g_assert_cmpstr (hc_catalog_item_get_scope_label (b), ==, "补充目录");
  g_assert_cmpstr (hc_catalog_item_get_disclosure_label (a), ==, "公开");
  g_assert_cmpstr (hc_catalog_item_get_category_label (b), ==, "纳税");
  g_assert_cmpstr (hc_catalog_item_get_department_name (b), ==, "省税务局");
  g_assert_cmpfloat_with_epsilon (hc_catalog_item_get_collection_rate (a), 0.25, 1e-9);
  g_assert_cmpstr (hc_catalog_item_get_collection_rate_label (a), ==, "25.0%");
  g_assert_true (hc_catalog_item_get_editable (a));

  all = RUN (hc_client_list_catalog_version_items_finish, analyst, &error,
             hc_client_list_catalog_version_items_async (analyst, 2031, NULL, NULL, 100, TRUE, NULL,
                                                         hc_test_wait_store, wait));
  g_assert_no_error (error);
  g_assert_cmpint (hc_page_get_total (all), ==, 3);

  query.department_id = dept_a;
  query.scope = "basic";
  filtered = RUN (hc_client_list_catalog_version_items_finish, analyst, &error,
                  hc_client_list_catalog_version_items_async (analyst, 2031, &query, NULL, 100, TRUE, NULL,
                                                              hc_test_wait_store, wait));
  g_assert_no_error (error);
  g_assert_cmpint (hc_page_get_total (filtered), ==, 2);

  query = (HcCatalogQuery) { .q = "税务" };
  searched = RUN (hc_client_list_catalog_version_items_finish, analyst, &error,
                  hc_client_list_catalog_version_items_async (analyst, 2031, &query, NULL, 100, TRUE, NULL,
                                                              hc_test_wait_store, wait));
  g_assert_no_error (error);
  g_assert_cmpint (hc_page_get_total (searched), ==, 1);
  path = hc_client_catalog_items_path (2031, &query);
  g_assert_cmpstr (path, ==, "/catalog/versions/2031/items?q=%E7%A8%8E%E5%8A%A1");

  /* Publishing needs a supervisor, and the version's ETag. */
  draft = RUN (hc_client_get_catalog_version_finish, analyst, &error,
               hc_client_get_catalog_version_async (analyst, 2031, NULL, hc_test_wait_store, wait));
  g_assert_no_error (error);
  g_assert_cmpint (hc_catalog_version_get_item_count (draft), ==, 3);
  denied = RUN (hc_client_publish_catalog_version_finish, analyst, &error,
                hc_client_publish_catalog_version_async (analyst, 2031, hc_catalog_version_get_etag (draft), NULL,
                                                         hc_test_wait_store, wait));
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_FORBIDDEN);
  g_assert_null (denied);
  g_clear_error (&error);
  published = RUN (hc_client_publish_catalog_version_finish, supervisor, &error,
                   hc_client_publish_catalog_version_async (supervisor, 2031, hc_catalog_version_get_etag (draft),
                                                            NULL, hc_test_wait_store, wait));
  g_assert_no_error (error);
  g_assert_true (hc_catalog_version_get_published (published));
  g_assert_cmpstr (hc_catalog_version_get_published_by (published), ==, "supervisor");
  g_assert_cmpstr (hc_catalog_version_get_state_label (published), ==, "已发布");

  copy = RUN (hc_client_create_catalog_version_finish, analyst, &error,
              hc_client_create_catalog_version_async (analyst, 2032, 2031, NULL, hc_test_wait_store, wait));
  g_assert_no_error (error);
  g_assert_cmpint (hc_catalog_version_get_copied_from (copy), ==, 2031);
  g_assert_cmpint (hc_catalog_version_get_item_count (copy), ==, 3);
  duplicate = RUN (hc_client_create_catalog_version_finish, analyst, &error,
                   hc_client_create_catalog_version_async (analyst, 2032, 0, NULL, hc_test_wait_store, wait));
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_CONFLICT);
  g_assert_null (duplicate);
  g_clear_error (&error);

  versions = RUN (hc_client_list_catalog_versions_finish, analyst, &error,
                  hc_client_list_catalog_versions_async (analyst, NULL, hc_test_wait_store, wait));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), >=, 2);
  first = g_list_model_get_item (versions, 0);
  g_assert_cmpint (hc_catalog_version_get_year (first), ==, 2031);
  g_assert_true (hc_catalog_version_get_published (first));
}

static void
test_client_catalog_stale_write_and_diff (void)
{
  g_autoptr(HcClient) analyst = hc_test_signed_in_client (server, "analyst");
  g_autoptr(HcClient) admin = hc_test_signed_in_client (server, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(HcCatalogVersion) v = NULL;
  g_autoptr(HcCatalogVersion) copy = NULL;
  g_autoptr(HcCatalogItem) item = NULL;
  g_autoptr(HcCatalogItem) gone = NULL;
  g_autoptr(HcCatalogItem) theirs = NULL;
  g_autoptr(HcCatalogItem) mine = NULL;
  g_autoptr(HcCatalogItem) fresh = NULL;
  g_autoptr(HcCatalogItem) bad = NULL;
  g_autoptr(HcCatalogDiff) diff = NULL;
  g_autoptr(HcPage) page = NULL;
  g_autoptr(HcCatalogItem) copied = NULL;
  g_autoptr(HcCatalogChange) change = NULL;
  HcCatalogItemFields f = HC_CATALOG_ITEM_FIELDS_INIT;
  gboolean deleted;

  v = RUN (hc_client_create_catalog_version_finish, analyst, &error,
           hc_client_create_catalog_version_async (analyst, 2033, 0, NULL, hc_test_wait_store, wait));
  g_assert_no_error (error);
  item = create_item (analyst, 2033, "欠税公告信息", "tax", dept_b, NULL);
  gone = create_item (analyst, 2033, "社会保险参保缴费信息", "social_insurance", dept_b, NULL);

  /* Someone else changes the item; the write made from the old ETag is refused. */
  f.legal_basis = "《中华人民共和国税收征收管理法》";
  theirs = RUN (hc_client_update_catalog_item_finish, admin, &error,
                hc_client_update_catalog_item_async (admin, hc_catalog_item_get_id (item),
                                                     hc_catalog_item_get_etag (item), &f, NULL,
                                                     hc_test_wait_store, wait));
  g_assert_no_error (error);
  f.legal_basis = "mine";
  mine = RUN (hc_client_update_catalog_item_finish, analyst, &error,
              hc_client_update_catalog_item_async (analyst, hc_catalog_item_get_id (item),
                                                   hc_catalog_item_get_etag (item), &f, NULL,
                                                   hc_test_wait_store, wait));
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED);
  g_assert_null (mine);
  g_clear_error (&error);
  fresh = RUN (hc_client_get_catalog_item_finish, analyst, &error,
               hc_client_get_catalog_item_async (analyst, hc_catalog_item_get_id (item), NULL, hc_test_wait_store, wait));
  g_assert_no_error (error);
  g_assert_cmpstr (hc_catalog_item_get_legal_basis (fresh), ==, "《中华人民共和国税收征收管理法》");
  g_assert_cmpstr (hc_catalog_item_get_etag (fresh), ==, hc_catalog_item_get_etag (theirs));

  /* A bad value names its field. */
  f = (HcCatalogItemFields) HC_CATALOG_ITEM_FIELDS_INIT;
  f.scope = "national";
  bad = RUN (hc_client_update_catalog_item_finish, analyst, &error,
             hc_client_update_catalog_item_async (analyst, hc_catalog_item_get_id (item),
                                                  hc_catalog_item_get_etag (fresh), &f, NULL,
                                                  hc_test_wait_store, wait));
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_INVALID);
  g_assert_cmpstr (hc_client_error_get_field (error), ==, "scope");
  g_assert_null (bad);
  g_clear_error (&error);

  /* Delete: a stale ETag changes nothing, the fresh one removes it. */
  deleted = delete_item (analyst, item, &error);
  g_assert_error (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED);
  g_assert_false (deleted);
  g_clear_error (&error);

  copy = RUN (hc_client_create_catalog_version_finish, analyst, &error,
              hc_client_create_catalog_version_async (analyst, 2034, 2033, NULL, hc_test_wait_store, wait));
  g_assert_no_error (error);
  page = RUN (hc_client_list_catalog_version_items_finish, analyst, &error,
              hc_client_list_catalog_version_items_async (analyst, 2034, &(HcCatalogQuery) { .category = "social_insurance" },
                                                          NULL, 10, FALSE, NULL, hc_test_wait_store, wait));
  g_assert_no_error (error);
  g_assert_cmpuint (hc_page_get_n_items (page), ==, 1);
  copied = g_list_model_get_item (hc_page_get_items (page), 0);
  {
    g_autoptr(HcCatalogItem) with_etag = RUN (hc_client_get_catalog_item_finish, analyst, &error,
                                              hc_client_get_catalog_item_async (analyst, hc_catalog_item_get_id (copied),
                                                                                NULL, hc_test_wait_store, wait));
    g_assert_no_error (error);
    deleted = delete_item (analyst, with_etag, &error);
    g_assert_no_error (error);
    g_assert_true (deleted);
  }
  {
    g_autoptr(HcCatalogItem) added = create_item (analyst, 2034, "信用承诺书信息", "commitment", dept_a, "supplementary");
    g_autoptr(HcCatalogItem) renamed = NULL;
    g_autoptr(HcPage) tax = RUN (hc_client_list_catalog_version_items_finish, analyst, &error,
                                 hc_client_list_catalog_version_items_async (analyst, 2034, &(HcCatalogQuery) { .category = "tax" },
                                                                             NULL, 10, FALSE, NULL, hc_test_wait_store, wait));
    g_autoptr(HcCatalogItem) row = g_list_model_get_item (hc_page_get_items (tax), 0);
    g_autoptr(HcCatalogItem) with_etag = RUN (hc_client_get_catalog_item_finish, analyst, &error,
                                              hc_client_get_catalog_item_async (analyst, hc_catalog_item_get_id (row),
                                                                                NULL, hc_test_wait_store, wait));

    f = (HcCatalogItemFields) HC_CATALOG_ITEM_FIELDS_INIT;
    f.disclosure = "conditional";
    renamed = RUN (hc_client_update_catalog_item_finish, analyst, &error,
                   hc_client_update_catalog_item_async (analyst, hc_catalog_item_get_id (with_etag),
                                                        hc_catalog_item_get_etag (with_etag), &f, NULL,
                                                        hc_test_wait_store, wait));
    g_assert_no_error (error);
  }

  diff = RUN (hc_client_diff_catalog_finish, analyst, &error,
              hc_client_diff_catalog_async (analyst, 2033, 2034, NULL, hc_test_wait_store, wait));
  g_assert_no_error (error);
  g_assert_cmpint (hc_catalog_diff_get_from (diff), ==, 2033);
  g_assert_cmpuint (g_list_model_get_n_items (hc_catalog_diff_get_added (diff)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (hc_catalog_diff_get_removed (diff)), ==, 1);
  g_assert_cmpuint (hc_catalog_diff_get_n_changed (diff), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (hc_catalog_diff_get_changes (diff)), ==, 1);
  change = g_list_model_get_item (hc_catalog_diff_get_changes (diff), 0);
  g_assert_cmpstr (hc_catalog_change_get_item_name (change), ==, "欠税公告信息");
  g_assert_cmpstr (hc_catalog_change_get_field_label (change), ==, "公开属性");
  g_assert_cmpstr (hc_catalog_change_get_before (change), ==, "公开");
  g_assert_cmpstr (hc_catalog_change_get_after (change), ==, "有条件共享");
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("HNCREDIT_LOCALEDIR");
  int ret;

  /* The labels the views show, as users read them. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && localedir[0] ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  dept_a = hc_test_create_department (server, "SCJG", "省市场监管局");
  dept_b = hc_test_create_department (server, "SW", "省税务局");
  hc_test_create_user (server, "analyst", "analyst");
  hc_test_create_user (server, "supervisor", "supervisor");

  g_test_add_func ("/client/catalog/versions-and-items", test_client_catalog_versions_and_items);
  g_test_add_func ("/client/catalog/stale-write-and-diff", test_client_catalog_stale_write_and_diff);

  ret = g_test_run ();
  hc_test_server_free (server);
  return ret;
}
