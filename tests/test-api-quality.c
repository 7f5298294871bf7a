/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of 数据质量 per source department and month: real department
 * files imported through the real server, the figures read back from
 * GET /imports/quality/months — 错码 and 重码 in the 重错码率, the 0.1 %
 * line, the imports behind each row — bad filters refused, and the
 * listing's export (and the catalog's) holding the listing's rows. */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "hc-core.h"
#include "hc-test-server.h"

#define CSV_TYPE "text/csv"
#define HEADER "uscc,name,decision_no,authority,decided_on,category,amount,publicity_until\n"

static HcTestServer *server;
static const char *analyst;
static gint64 dept_a, dept_b, dept_c;
static gint64 item_a, item_b, item_c;
static GRand *prng;

static char *
new_uscc (void)
{
  return hc_uscc_generate (prng, "460100");
}

static gint64
add_item_of (const char *category,
             gint64      department,
             const char *name)
{
  g_autofree char *body = g_strdup_printf ("{\"category\":\"%s\",\"name\":\"%s\",\"subject_type\":\"legal_person\","
                                           "\"department_id\":%" G_GINT64_FORMAT ",\"disclosure\":\"public\","
                                           "\"update_frequency\":\"monthly\",\"legal_basis\":\"《测试条例》\","
                                           "\"publicity_period\":\"3年\",\"expected_records\":100}",
                                           category, name, department);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/catalog/versions/2025/items", analyst, body);

  hc_assert_status (r, 201, NULL);
  return json_object_get_int_member (hc_test_response_object (r), "id");
}

static gint64
add_item (gint64      department,
          const char *name)
{
  return add_item_of ("penalty", department, name);
}

/* Imports @csv of @kind into @item as @file_name, dated in @month (YYYY-MM). */
static JsonObject *
import_kind (const char *kind,
             gint64      item,
             const char *file_name,
             const char *csv,
             const char *month)
{
  g_autofree char *path = g_strdup_printf ("/imports?kind=%s&item=%" G_GINT64_FORMAT "&file_name=%s", kind, item,
                                           file_name);
  g_autoptr(GBytes) body = g_bytes_new (csv, strlen (csv));
  g_autoptr(HcTestResponse) r = hc_test_request_full (server, "POST", path, analyst, "text/csv", body, NULL);
  g_autofree char *backdate = NULL;
  JsonObject *result;

  hc_assert_status (r, 201, NULL);
  result = json_object_ref (hc_test_response_object (r));
  backdate = g_strdup_printf ("UPDATE imports SET at = '%s-15T09:00:00Z' WHERE id = %" G_GINT64_FORMAT,
                              month, json_object_get_int_member (result, "import_id"));
  hc_test_server_backdate (server, backdate);
  return result;
}

static JsonObject *
import (gint64      item,
        const char *file_name,
        const char *csv,
        const char *month)
{
  return import_kind ("penalty", item, file_name, csv, month);
}

static HcTestResponse *
get (const char *path,
     const char *accept)
{
  return hc_test_request_accept (server, "GET", path, analyst, NULL, NULL, NULL, accept);
}

static JsonArray *
items_of (HcTestResponse *r)
{
  return json_object_get_array_member (hc_test_response_object (r), "items");
}

/* The row of @department in @month, or NULL. */
static JsonObject *
row_of (JsonArray  *rows,
        gint64      department,
        const char *month)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (json_object_get_int_member (row, "department_id") == department &&
          g_str_equal (json_object_get_string_member (row, "month"), month))
        return row;
    }
  return NULL;
}

/* Data records of a CSV export (RFC 4180: a quoted field may hold a line
 * break), after checking the BOM and that the header names @in_header. */
static guint
csv_records (HcTestResponse *r,
             const char     *in_header)
{
  gsize len;
  const char *data;
  gboolean quoted = FALSE;
  guint records = 0;

  hc_assert_status (r, 200, NULL);
  g_assert_cmpstr (r->content_type, ==, CSV_TYPE);
  data = g_bytes_get_data (r->body, &len);
  g_assert_cmpuint (len, >, 3);
  g_assert_cmpmem (data, 3, "\xEF\xBB\xBF", 3);
  {
    const char *end = memchr (data, '\n', len);
    g_autofree char *header = g_strndup (data + 3, end ? (gsize) (end - data - 3) : len - 3);

    g_test_message ("header: %s", header);
    g_assert_nonnull (strstr (header, in_header));
  }
  for (gsize i = 3; i < len; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && data[i] == '\n')
        records++;
    }
  g_assert_false (quoted);
  return records - 1;   /* the header */
}

/* 错码 (a malformed code, rejected) and 重码 (a well-formed code naming two
 * subjects: against the register, or, unregistered, under another name
 * than the one it was first brought with, in the same file or an earlier
 * import) both count in the USCC rate, each 重码 record in the import that
 * brought it. */
static void
test_quality_counts_errors_and_duplicates (void)
{
  g_autofree char *known = new_uscc ();
  g_autofree char *twice = new_uscc ();
  g_autofree char *once = new_uscc ();
  g_autofree char *later = new_uscc ();
  g_autofree char *csv_a = NULL;
  g_autofree char *csv_b = NULL;
  g_autofree char *csv_c = NULL;
  g_autofree char *path = g_strdup_printf ("/imports/quality/months?year=2025&department=%" G_GINT64_FORMAT, dept_a);
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(JsonObject) clean = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) all = NULL;
  g_autoptr(HcTestResponse) by_department = NULL;
  JsonObject *row, *other_row;
  JsonArray *imports;

  hc_test_create_subject (server, known, "海南甲贸易有限公司", "legal_person", "460100");
  /* 7 rows: 1 错码 (rejected), 1 missing name (other, rejected), 5 stored,
   * of which 2 are 重码: the registered code under another name, and the
   * unregistered one's second name. */
  csv_a = g_strdup_printf (HEADER
                           "%s,海南甲贸易有限公司,QA-1号,海口市市场监督管理局,2025-03-01,罚款,100,\n"
                           "%s,海南乙贸易有限公司,QA-2号,海口市市场监督管理局,2025-03-01,罚款,100,\n"
                           "%s,海南丙贸易有限公司,QA-3号,海口市市场监督管理局,2025-03-01,罚款,100,\n"
                           "%s,海南丁贸易有限公司,QA-4号,海口市市场监督管理局,2025-03-01,罚款,100,\n"
                           "%s,海南戊贸易有限公司,QA-5号,海口市市场监督管理局,2025-03-01,罚款,100,\n"
                           "91460100MA5T00000X,海南己贸易有限公司,QA-6号,海口市市场监督管理局,2025-03-01,罚款,100,\n"
                           "%s,,QA-7号,海口市市场监督管理局,2025-03-01,罚款,100,\n",
                           known, known, twice, twice, once, later);
  first = import (item_a, "quality-a.csv", csv_a, "2025-03");
  g_assert_cmpint (json_object_get_int_member (first, "rows_read"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (first, "uscc_errors"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (first, "other_errors"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (first, "uscc_duplicates"), ==, 2);

  /* A later import in the same month: a code of the first file's under
   * another name is 重码, counted in the later import. */
  csv_b = g_strdup_printf (HEADER "%s,海南庚贸易有限公司,QA-8号,海口市市场监督管理局,2025-03-20,罚款,100,\n", once);
  second = import (item_a, "quality-b.csv", csv_b, "2025-03");
  g_assert_cmpint (json_object_get_int_member (second, "uscc_duplicates"), ==, 1);
  /* Another department, another month: clean. */
  csv_c = g_strdup_printf (HEADER "%s,海南辛贸易有限公司,QC-1号,三亚市市场监督管理局,2025-04-01,罚款,100,\n", later);
  clean = import (item_b, "quality-c.csv", csv_c, "2025-04");

  r = get (path, NULL);
  hc_assert_status (r, 200, NULL);
  g_assert_cmpuint (json_array_get_length (items_of (r)), ==, 1);
  row = row_of (items_of (r), dept_a, "2025-03");
  g_assert_nonnull (row);
  g_assert_cmpstr (json_object_get_string_member (row, "department"), ==, "质量测试甲局");
  g_assert_cmpint (json_object_get_int_member (row, "import_count"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (row, "rows_read"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (row, "accepted"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (row, "rejected"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (row, "uscc_errors"), ==, 1);
  /* known under 乙; twice under 丁 after 丙; once under 庚 after 戊 */
  g_assert_cmpint (json_object_get_int_member (row, "uscc_duplicates"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (row, "other_errors"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "uscc_error_rate"), 100.0 * 4 / 8, 1e-3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "other_error_rate"), 100.0 * 1 / 8, 1e-3);
  g_assert_true (json_object_get_boolean_member (row, "over_line"));

  /* The imports behind the row, each with its own 重码 and its rejection report. */
  imports = json_object_get_array_member (row, "imports");
  g_assert_cmpuint (json_array_get_length (imports), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (imports, 0), "id"), ==,
                   json_object_get_int_member (first, "import_id"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (imports, 0), "uscc_duplicates"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (imports, 1), "uscc_duplicates"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (imports, 1), "file_name"), ==,
                   "quality-b.csv");
  {
    g_autofree char *report = g_strdup_printf ("/imports/%" G_GINT64_FORMAT "/rejections.csv",
                                               json_object_get_int_member (first, "import_id"));
    g_autoptr(HcTestResponse) rejections = get (report, NULL);

    hc_assert_status (rejections, 200, NULL);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (rejections->body, NULL), g_bytes_get_size (rejections->body),
                                    "invalid_uscc"));
  }

  /* Without filters: both departments; the clean one stays under the line. */
  all = get ("/imports/quality/months", NULL);
  hc_assert_status (all, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (hc_test_response_object (all), "total"), ==,
                   json_array_get_length (items_of (all)));
  other_row = row_of (items_of (all), dept_b, "2025-04");
  g_assert_nonnull (other_row);
  g_assert_cmpint (json_object_get_int_member (other_row, "uscc_duplicates"), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (other_row, "uscc_error_rate"), ==, 0.0);
  g_assert_false (json_object_get_boolean_member (other_row, "over_line"));
  g_assert_nonnull (row_of (items_of (all), dept_a, "2025-03"));

  /* The per-department figures count 重码 the same way. */
  by_department = get ("/imports/quality?by=department&year=2025", NULL);
  hc_assert_status (by_department, 200, NULL);
  for (guint i = 0; i < json_array_get_length (items_of (by_department)); i++)
    {
      JsonObject *d = json_array_get_object_element (items_of (by_department), i);

      if (json_object_get_int_member (d, "department_id") == dept_a)
        {
          g_assert_cmpint (json_object_get_int_member (d, "uscc_duplicates"), ==, 3);
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (d, "uscc_error_rate"), 50.0, 1e-3);
        }
    }
}

/* 重码 in the register itself: a registration row naming a code registered
 * under another name, or one given earlier in the same file under another
 * name, is rejected as 重码 and counts in the USCC rate; a code registered
 * under the same name is a repeated row (other data). 表1's 重错码率 counts
 * 错码 and 重码 of every import of the year as stored. */
static void
test_quality_counts_registration_duplicates (void)
{
  g_autofree char *known = new_uscc ();
  g_autofree char *fresh = new_uscc ();
  g_autofree char *csv = NULL;
  g_autofree char *path = g_strdup_printf ("/imports/quality/months?year=2025&department=%" G_GINT64_FORMAT, dept_c);
  g_autoptr(JsonObject) result = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) totals = NULL;
  g_autoptr(HcTestResponse) indicator = NULL;
  gint64 rows = 0, wrong = 0, duplicates = 0;
  JsonObject *row, *reasons;
  JsonArray *rejections, *values;
  guint n_duplicate_rejections = 0;

  hc_test_create_subject (server, known, "海南壬贸易有限公司", "legal_person", "460100");
  csv = g_strdup_printf ("uscc,name,type,region,industry,registered_on\n"
                         "%s,海南壬贸易有限公司,企业法人,海口市,批发和零售业,2020-01-01\n"
                         "%s,海南癸贸易有限公司,企业法人,海口市,批发和零售业,2020-01-01\n"
                         "%s,海南子贸易有限公司,企业法人,三亚市,批发和零售业,2021-05-01\n"
                         "%s,海南丑贸易有限公司,企业法人,三亚市,批发和零售业,2021-05-01\n",
                         known, known, fresh, fresh);
  result = import_kind ("registration", item_c, "register.csv", csv, "2025-05");
  g_assert_cmpint (json_object_get_int_member (result, "rows_read"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (result, "accepted"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (result, "rejected"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (result, "uscc_errors"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (result, "uscc_duplicates"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (result, "other_errors"), ==, 1);
  reasons = json_object_get_object_member (result, "reasons");
  g_assert_cmpint (json_object_get_int_member (reasons, "uscc_duplicate"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (reasons, "duplicate"), ==, 1);
  rejections = json_object_get_array_member (result, "rejections");
  for (guint i = 0; i < json_array_get_length (rejections); i++)
    {
      JsonObject *rej = json_array_get_object_element (rejections, i);

      if (!g_str_equal (json_object_get_string_member (rej, "code"), "uscc_duplicate"))
        continue;
      n_duplicate_rejections++;
      g_test_message ("row %d: %s", (int) json_object_get_int_member (rej, "row"),
                      json_object_get_string_member (rej, "message"));
      g_assert_cmpstr (json_object_get_string_member (rej, "field"), ==, "uscc");
      g_assert_nonnull (strstr (json_object_get_string_member (rej, "message"), "重码"));
    }
  g_assert_cmpuint (n_duplicate_rejections, ==, 2);

  /* The register keeps the first name. */
  {
    g_autofree char *subject_path = g_strdup_printf ("/subjects/%s", fresh);
    g_autoptr(HcTestResponse) subject = hc_test_request (server, "GET", subject_path, analyst, NULL);

    hc_assert_status (subject, 200, NULL);
    g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (subject), "name"), ==, "海南子贸易有限公司");
  }

  r = get (path, NULL);
  hc_assert_status (r, 200, NULL);
  row = row_of (items_of (r), dept_c, "2025-05");
  g_assert_nonnull (row);
  g_assert_cmpint (json_object_get_int_member (row, "uscc_duplicates"), ==, 2);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "uscc_error_rate"), 50.0, 1e-3);
  g_assert_true (json_object_get_boolean_member (row, "over_line"));

  /* 表1: the year's 重错码率 from the stored counts of all its imports. */
  totals = get ("/imports/quality?by=month&year=2025", NULL);
  hc_assert_status (totals, 200, NULL);
  for (guint i = 0; i < json_array_get_length (items_of (totals)); i++)
    {
      JsonObject *m = json_array_get_object_element (items_of (totals), i);

      rows += json_object_get_int_member (m, "rows_read");
      wrong += json_object_get_int_member (m, "uscc_errors");
      duplicates += json_object_get_int_member (m, "uscc_duplicates");
    }
  g_assert_cmpint (duplicates, >=, 2);
  indicator = hc_test_request (server, "GET", "/indicators/uscc-error-rate", analyst, NULL);
  hc_assert_status (indicator, 200, NULL);
  values = json_object_get_array_member (hc_test_response_object (indicator), "values");
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonObject *v = json_array_get_object_element (values, i);

      if (json_object_get_int_member (v, "year") != 2025)
        continue;
      g_test_message ("2025: %g (%" G_GINT64_FORMAT " + %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT ")",
                      json_object_get_double_member (v, "value"), wrong, duplicates, rows);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (v, "value"),
                                      100.0 * (wrong + duplicates) / rows, 0.01);
    }
}

/* Bad filters are refused with the parameter named; a role is needed. */
static void
test_quality_refuses_bad_filters (void)
{
  const struct { const char *query; const char *field; } bad[] = {
    { "?year=1999", "year" },
    { "?year=abc", "year" },
    { "?department=abc", "department" },
    { "?department=0", "department" },
    { "?department=987654", "department" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strconcat ("/imports/quality/months", bad[i].query, NULL);
      g_autoptr(HcTestResponse) r = get (path, NULL);

      hc_assert_status (r, 400, "invalid_parameter");
      g_assert_cmpstr (hc_test_response_error_field (r), ==, bad[i].field);
      g_assert_cmpuint (strlen (json_object_get_string_member (json_object_get_object_member (hc_test_response_object (r), "error"),
                                                               "message")), >, 0);
    }
  {
    g_autoptr(HcTestResponse) anonymous = hc_test_request (server, "GET", "/imports/quality/months", NULL, NULL);

    hc_assert_status (anonymous, 401, NULL);
  }
}

/* The quality listing and the catalog's items export the listing's rows. */
static void
test_quality_and_catalog_export_the_listing_rows (void)
{
  g_autoptr(HcTestResponse) quality = get ("/imports/quality/months?year=2025", NULL);
  g_autoptr(HcTestResponse) quality_csv = get ("/imports/quality/months?year=2025", CSV_TYPE);
  g_autofree char *items_path = g_strdup_printf ("/catalog/versions/2025/items?department=%" G_GINT64_FORMAT "&total=1",
                                                 dept_a);
  g_autoptr(HcTestResponse) items = get (items_path, NULL);
  g_autoptr(HcTestResponse) items_csv = get (items_path, CSV_TYPE);
  g_autoptr(HcTestResponse) all_items = get ("/catalog/versions/2025/items?total=1", NULL);
  g_autoptr(HcTestResponse) all_items_csv = get ("/catalog/versions/2025/items", CSV_TYPE);
  gint64 total;

  hc_assert_status (quality, 200, NULL);
  total = json_object_get_int_member (hc_test_response_object (quality), "total");
  g_assert_cmpint (total, >=, 2);
  g_assert_cmpuint (csv_records (quality_csv, "信源单位,月份"), ==, total);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (quality_csv->body, NULL), g_bytes_get_size (quality_csv->body),
                                  "统一社会信用代码重错码率"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (quality_csv->body, NULL), g_bytes_get_size (quality_csv->body),
                                  "quality-a.csv"));

  hc_assert_status (items, 200, NULL);
  g_assert_cmpuint (csv_records (items_csv, "目录类型"), ==,
                    json_object_get_int_member (hc_test_response_object (items), "total"));
  hc_assert_status (all_items, 200, NULL);
  g_assert_cmpuint (csv_records (all_items_csv, "目录类型"), ==,
                    json_object_get_int_member (hc_test_response_object (all_items), "total"));
  g_assert_cmpint (json_object_get_int_member (hc_test_response_object (all_items), "total"), >,
                   json_object_get_int_member (hc_test_response_object (items), "total"));
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  prng = g_rand_new_with_seed (8);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  analyst = hc_test_create_user (server, "analyst", "analyst");
  dept_a = hc_test_create_department (server, "ZLCS-A", "质量测试甲局");
  dept_b = hc_test_create_department (server, "ZLCS-B", "质量测试乙局");
  dept_c = hc_test_create_department (server, "ZLCS-C", "质量测试丙局");
  {
    g_autoptr(HcTestResponse) version = hc_test_request (server, "POST", "/catalog/versions", analyst, "{\"year\":2025}");

    hc_assert_status (version, 201, NULL);
  }
  item_a = add_item (dept_a, "甲局行政处罚信息");
  item_b = add_item (dept_b, "乙局行政处罚信息");
  add_item (dept_b, "乙局其他行政处罚信息");
  item_c = add_item_of ("registration", dept_c, "丙局登记注册基本信息");

  g_test_add_func ("/quality/counts-errors-and-duplicates", test_quality_counts_errors_and_duplicates);
  g_test_add_func ("/quality/counts-registration-duplicates", test_quality_counts_registration_duplicates);
  g_test_add_func ("/quality/refuses-bad-filters", test_quality_refuses_bad_filters);
  g_test_add_func ("/quality/and-catalog-export-the-listing-rows", test_quality_and_catalog_export_the_listing_rows);

  ret = g_test_run ();
  hc_test_server_free (server);
  g_rand_free (prng);
  return ret;
}
