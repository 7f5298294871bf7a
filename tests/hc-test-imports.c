/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For the 归集 tests: a published catalog with a 行政处罚 item made
 * through the real server's API, and a department's CSV file to import
 * (the app's tests); a catalog of every kind of item written straight into
 * the database, an import posted, a good 行政处罚 row (the API tests). */
#include "config.h"

#include <glib/gstdio.h>

#include "hc-core.h"
#include "hc-test-imports.h"

#define ITEM_FORMAT "{\"category\":\"%s\",\"name\":\"%s\",\"subject_type\":\"legal_person\"," \
                    "\"department_id\":%" G_GINT64_FORMAT ",\"disclosure\":\"public\"," \
                    "\"update_frequency\":\"monthly\",\"legal_basis\":\"《中华人民共和国行政处罚法》\"," \
                    "\"publicity_period\":\"3年\",\"expected_records\":100}"

/**
 * hc_test_imports_penalty_item:
 * Creates a department, the 2025 catalog with one 行政处罚 item and one
 * 行政许可 item, and publishes it, all as the admin.
 * Returns: the 行政处罚 item's id
 */
gint64
hc_test_imports_penalty_item (HcTestServer *server)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autoptr(HcTestResponse) dept = NULL;
  g_autoptr(HcTestResponse) version = NULL;
  g_autoptr(HcTestResponse) penalty = NULL;
  g_autoptr(HcTestResponse) license = NULL;
  g_autoptr(HcTestResponse) current = NULL;
  g_autoptr(HcTestResponse) published = NULL;
  g_autofree char *penalty_body = NULL;
  g_autofree char *license_body = NULL;
  gint64 dept_id;

  dept = hc_test_request (server, "POST", "/departments", admin,
                          "{\"code\":\"SCJG\",\"name\":\"海南省市场监督管理局\"}");
  hc_assert_status (dept, 201, NULL);
  dept_id = json_object_get_int_member (hc_test_response_object (dept), "id");

  version = hc_test_request (server, "POST", "/catalog/versions", admin, "{\"year\":2025}");
  hc_assert_status (version, 201, NULL);
  penalty_body = g_strdup_printf (ITEM_FORMAT, "penalty", "市场监管行政处罚信息", dept_id);
  penalty = hc_test_request (server, "POST", "/catalog/versions/2025/items", admin, penalty_body);
  hc_assert_status (penalty, 201, NULL);
  license_body = g_strdup_printf (ITEM_FORMAT, "license", "市场监管行政许可信息", dept_id);
  license = hc_test_request (server, "POST", "/catalog/versions/2025/items", admin, license_body);
  hc_assert_status (license, 201, NULL);
  /* Publishing names the version it publishes by its ETag. */
  current = hc_test_request (server, "GET", "/catalog/versions/2025", admin, NULL);
  hc_assert_status (current, 200, NULL);
  published = hc_test_request_full (server, "POST", "/catalog/versions/2025/publish", admin,
                                    NULL, NULL, current->etag);
  g_assert_cmpuint (published->status / 100, ==, 2);

  return json_object_get_int_member (hc_test_response_object (penalty), "id");
}

/**
 * hc_test_imports_write_csv:
 * @bad_rows: (out): the row numbers (the header is row 1) of the bad rows
 *
 * Writes a 行政处罚 CSV with Chinese headers to @dir/@name: @n_good good
 * rows and, after every third good row, a bad one (a wrong check digit, an
 * impossible date, a missing name, in turn).
 * Returns: the file's path
 */
char *
hc_test_imports_write_csv (const char *dir,
                           const char *name,
                           guint       n_good,
                           GArray     *bad_rows)
{
  g_autoptr(GString) csv = g_string_new ("统一社会信用代码,主体名称,决定文书号,处罚机关,处罚决定日期,处罚类别,罚款金额（元）\n");
  g_autoptr(GRand) prng = g_rand_new_with_seed (20251129);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  gint64 row = 1;

  for (guint i = 0; i < n_good; i++)
    {
      g_autofree char *uscc = hc_uscc_generate (prng, "460100");

      g_string_append_printf (csv, "%s,海南测试贸易有限公司%u,琼市监罚〔2025〕%u号,海口市市场监督管理局,2025-03-%02u,罚款,%u.00\n",
                              uscc, i, i + 1, 1 + i % 28, 500 + i);
      row++;
      if (i % 3 == 2)
        {
          g_autofree char *bad = hc_uscc_generate (prng, "460100");

          switch ((i / 3) % 3)
            {
            case 0:
              /* The check digit off by one place in the alphabet. */
              bad[17] = bad[17] == '0' ? '1' : '0';
              g_string_append_printf (csv, "%s,海南错码贸易有限公司%u,琼市监罚〔2025〕B%u号,海口市市场监督管理局,2025-04-01,警告,\n",
                                      bad, i, i);
              break;
            case 1:
              g_string_append_printf (csv, "%s,海南错日期贸易有限公司%u,琼市监罚〔2025〕B%u号,海口市市场监督管理局,2025-02-30,警告,\n",
                                      bad, i, i);
              break;
            default:
              g_string_append_printf (csv, "%s,,琼市监罚〔2025〕B%u号,海口市市场监督管理局,2025-04-01,警告,\n",
                                      bad, i);
              break;
            }
          row++;
          g_array_append_val (bad_rows, row);
        }
    }
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return path;
}

/* A department (901), a published 2025 catalog and items of every kind
 * (HC_TEST_IMPORTS_PENALTY_ITEM …), written straight into @server's
 * database (SQLite or PostgreSQL): the catalog has its own resources; the
 * import tests need only a few rows of it. */
void
hc_test_imports_seed_catalog (HcTestServer *server)
{
  hc_test_exec_sql (server,
                    "INSERT INTO departments (id, code, name, created_at) VALUES"
                    " (901, 'SCJG-T', '海南省市场监督管理局（测试）', '2025-01-01T00:00:00Z');"
                    "INSERT INTO catalog_versions (year, state, created_at) VALUES (2025, 'published', '2025-01-01T00:00:00Z');"
                    "INSERT INTO catalog_items (id, year, lineage, category, name, subject_type, department_id, disclosure)"
                    " VALUES (11, 2025, 'cf-scjg', 'penalty', '市场监管行政处罚信息', 'legal_person', 901, 'public'),"
                    " (12, 2025, 'xk-scjg', 'license', '市场监管行政许可信息', 'legal_person', 901, 'public'),"
                    " (13, 2025, 'cf-person', 'penalty', '个人行政处罚信息', 'natural_person', 901, 'restricted'),"
                    " (14, 2025, 'cn-scjg', 'commitment', '告知承诺信息', 'legal_person', 901, 'public'),"
                    " (15, 2025, 'dj-scjg', 'registration', '企业登记注册信息', 'legal_person', 901, 'public');");
}

/* POST /imports?@query with @data as its body. */
HcTestResponse *
hc_test_imports_post (HcTestServer *server,
                      const char   *query,
                      const char   *token,
                      const char   *content_type,
                      const char   *data,
                      gsize         len)
{
  g_autofree char *path = g_strdup_printf ("/imports?%s", query);
  g_autoptr(GBytes) body = g_bytes_new (data, len);

  return hc_test_request_full (server, "POST", path, token, content_type, body, NULL);
}

/* Appends to @csv (HC_TEST_IMPORTS_HEADER's columns) a good 行政处罚 row
 * with a unique decision number made of @tag and @i. */
void
hc_test_imports_good_row (GString    *csv,
                          GRand      *prng,
                          const char *tag,
                          guint       i)
{
  g_autofree char *uscc = hc_uscc_generate (prng, "460100");

  g_string_append_printf (csv, "%s,海南%s测试贸易有限公司%u,琼市监罚〔2024〕%s-%u号,海口市市场监督管理局,"
                          "2024-03-%02u,罚款,%u.50,2027-03-%02u\n",
                          uscc, tag, i, tag, i, 1 + i % 28, 100 + i, 1 + i % 28);
}

/* The integer @member of @r's JSON object. */
gint64
hc_test_imports_int (HcTestResponse *r,
                     const char     *member)
{
  return json_object_get_int_member (hc_test_response_object (r), member);
}

/* The string @member of @r's JSON object. */
const char *
hc_test_imports_str (HcTestResponse *r,
                     const char     *member)
{
  return json_object_get_string_member (hc_test_response_object (r), member);
}
