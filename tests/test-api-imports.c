/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of 归集: real CSV and XLSX files through the real server —
 * encodings, quoting, empty and wrong files, every kind of bad row, the same
 * file twice, the CLI, quality figures, and a server killed mid-import. */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "hc-core.h"
#include "hc-test-server.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define HEADER "uscc,name,decision_no,authority,decided_on,category,amount,publicity_until\n"

static HcTestServer *server;
static const char *admin, *analyst, *supervisor;
static gint64 penalty_item, license_item, person_item;
static GRand *prng;

/* Writes straight into a server's database (SQLite or PostgreSQL): the
 * catalog and subjects have their own resources; these tests need only a
 * few rows of them. */
static void
exec_sql (HcTestServer *s,
          const char   *sql)
{
  hc_test_exec_sql (s, sql);
}

static gint64
count (const char *sql)
{
  return hc_test_count_rows (server, sql);
}

/* A department, a published 2025 catalog and items of several kinds. */
static void
setup_catalog (HcTestServer *s)
{
  exec_sql (s,
            "INSERT INTO departments (id, code, name, created_at) VALUES"
            " (901, 'SCJG-T', '海南省市场监督管理局（测试）', '2025-01-01T00:00:00Z');"
            "INSERT INTO catalog_versions (year, state, created_at) VALUES (2025, 'published', '2025-01-01T00:00:00Z');"
            "INSERT INTO catalog_items (id, year, lineage, category, name, subject_type, department_id, disclosure)"
            " VALUES (11, 2025, 'cf-scjg', 'penalty', '市场监管行政处罚信息', 'legal_person', 901, 'public'),"
            " (12, 2025, 'xk-scjg', 'license', '市场监管行政许可信息', 'legal_person', 901, 'public'),"
            " (13, 2025, 'cf-person', 'penalty', '个人行政处罚信息', 'natural_person', 901, 'restricted'),"
            " (14, 2025, 'cn-scjg', 'commitment', '告知承诺信息', 'legal_person', 901, 'public'),"
            " (15, 2025, 'dj-scjg', 'registration', '企业登记注册信息', 'legal_person', 901, 'public');");
  penalty_item = 11;
  license_item = 12;
  person_item = 13;
}

static char *
new_uscc (void)
{
  return hc_uscc_generate (prng, "460100");
}

static HcTestResponse *
post_import (const char *query,
             const char *token,
             const char *content_type,
             const char *data,
             gsize       len)
{
  g_autofree char *path = g_strdup_printf ("/imports?%s", query);
  g_autoptr(GBytes) body = g_bytes_new (data, len);

  return hc_test_request_full (server, "POST", path, token, content_type, body, NULL);
}

static gint64
num (HcTestResponse *r,
     const char     *member)
{
  return json_object_get_int_member (hc_test_response_object (r), member);
}

static const char *
str (HcTestResponse *r,
     const char     *member)
{
  return json_object_get_string_member (hc_test_response_object (r), member);
}

static char *
item_query (gint64 item)
{
  return g_strdup_printf ("kind=penalty&item=%" G_GINT64_FORMAT, item);
}

/* A good 行政处罚 row with a unique decision number. */
static void
append_good_row (GString    *csv,
                 const char *tag,
                 guint       i)
{
  g_autofree char *uscc = new_uscc ();

  g_string_append_printf (csv, "%s,海南%s测试贸易有限公司%u,琼市监罚〔2024〕%s-%u号,海口市市场监督管理局,"
                          "2024-03-%02u,罚款,%u.50,2027-03-%02u\n",
                          uscc, tag, i, tag, i, 1 + i % 28, 100 + i, 1 + i % 28);
}

static void
test_utf8_bom_chinese_header_any_order (void)
{
  g_autofree char *q = item_query (penalty_item);
  g_autofree char *u1 = new_uscc ();
  g_autofree char *u2 = new_uscc ();
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) got = NULL;
  gint64 collected = count ("SELECT collected_records FROM catalog_items WHERE id = 11");
  gint64 id;

  csv = g_strdup_printf ("\xEF\xBB\xBF" "处罚机关,决定文书号,统一社会信用代码,主体名称,处罚类别,处罚决定日期,罚款金额（元）,公示截止日期\r\n"
                         "海口市市场监督管理局,琼市监罚〔2024〕BOM-1号,%s,海口椰林商贸有限公司,罚款,2024-05-06,5000,2027-05-06\r\n"
                         "三亚市市场监督管理局,琼市监罚〔2024〕BOM-2号,%s,三亚海棠湾酒店管理有限公司,警告,2024-06-01,,\r\n",
                         u1, u2);
  r = post_import (q, analyst, "text/csv", csv, strlen (csv));
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (num (r, "rows_read"), ==, 2);
  g_assert_cmpint (num (r, "accepted"), ==, 2);
  g_assert_cmpint (num (r, "rejected"), ==, 0);
  g_assert_cmpstr (str (r, "encoding"), ==, "utf-8-bom");
  id = num (r, "import_id");

  g_assert_cmpint (count ("SELECT count(*) FROM penalties WHERE decision_no = '琼市监罚〔2024〕BOM-1号'"
                          " AND name = '海口椰林商贸有限公司' AND category = 'fine' AND amount = 5000"
                          " AND decided_on = '2024-05-06' AND publicity_until = '2027-05-06'"), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM penalties WHERE decision_no = '琼市监罚〔2024〕BOM-2号'"
                          " AND category = 'warning' AND amount = 0 AND publicity_until IS NULL"), ==, 1);
  g_assert_cmpint (count ("SELECT collected_records FROM catalog_items WHERE id = 11"), ==, collected + 2);
  path = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'import.create' AND entity = 'import'"
                          " AND entity_id = '%" G_GINT64_FORMAT "' AND actor = 'analyst'", id);
  g_assert_cmpint (count (path), ==, 1);

  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/imports/%" G_GINT64_FORMAT, id);
  got = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (got, 200, NULL);
  g_assert_cmpstr (str (got, "actor"), ==, "analyst");
  g_assert_cmpint (num (got, "accepted"), ==, 2);
  g_assert_cmpint (strlen (str (got, "file_sha256")), ==, 64);
}

static void
test_gb18030_is_detected (void)
{
  g_autofree char *q = item_query (penalty_item);
  g_autofree char *u1 = new_uscc ();
  g_autofree char *utf8 = NULL;
  g_autofree char *gb = NULL;
  g_autofree char *q_utf8 = NULL;
  g_autoptr(HcTestResponse) wrong = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  gsize gb_len = 0;

  utf8 = g_strdup_printf ("统一社会信用代码,主体名称,决定文书号,处罚机关,处罚决定日期,处罚类别,罚款金额(元),公示截止日期\n"
                          "%s,儋州洋浦港务物流有限公司,琼环罚〔2023〕GB-1号,海南省生态环境厅,2023-11-20,责令停产停业,500,2026-11-20\n",
                          u1);
  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_len, NULL);
  g_assert_nonnull (gb);
  g_assert_false (g_utf8_validate_len (gb, gb_len, NULL));

  /* said to be UTF-8, it is refused and nothing is written */
  q_utf8 = g_strdup_printf ("%s&encoding=utf-8", q);
  wrong = post_import (q_utf8, analyst, "text/csv", gb, gb_len);
  hc_assert_status (wrong, 422, "invalid_encoding");
  g_assert_cmpint (count ("SELECT count(*) FROM penalties WHERE decision_no = '琼环罚〔2023〕GB-1号'"), ==, 0);

  r = post_import (q, analyst, "text/csv", gb, gb_len);
  hc_assert_status (r, 201, NULL);
  g_assert_cmpstr (str (r, "encoding"), ==, "gb18030");
  g_assert_cmpint (num (r, "accepted"), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM penalties WHERE decision_no = '琼环罚〔2023〕GB-1号'"
                          " AND name = '儋州洋浦港务物流有限公司' AND category = 'suspension' AND amount = 500"), ==, 1);
}

static void
test_quoted_fields_with_commas_and_newlines (void)
{
  g_autofree char *q = item_query (penalty_item);
  g_autofree char *u1 = new_uscc ();
  g_autofree char *u2 = new_uscc ();
  g_autofree char *csv = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  JsonArray *rej;
  JsonObject *first;

  csv = g_strdup_printf (HEADER
                         "%s,\"海南\"\"椰风\"\"贸易, 有限公司\",QT-1,\"海口市\n综合行政执法局\",2024-01-02,罚款,\"1200.00\",2027-01-02\n"
                         "%s,琼海博鳌会展有限公司,QT-2,琼海市市场监督管理局,2024-01-32,罚款,10,\n",
                         u1, u2);
  r = post_import (q, analyst, "text/csv", csv, strlen (csv));
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (num (r, "rows_read"), ==, 2);
  g_assert_cmpint (num (r, "accepted"), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM penalties WHERE decision_no = 'QT-1'"
                          " AND name = '海南\"椰风\"贸易, 有限公司' AND authority = '海口市\n综合行政执法局'"
                          " AND amount = 1200"), ==, 1);
  /* the record with a newline is one row: the bad date is on row 3 */
  rej = json_object_get_array_member (hc_test_response_object (r), "rejections");
  g_assert_cmpuint (json_array_get_length (rej), ==, 1);
  first = json_array_get_object_element (rej, 0);
  g_assert_cmpint (json_object_get_int_member (first, "row"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first, "field"), ==, "decided_on");
  g_assert_cmpstr (json_object_get_string_member (first, "code"), ==, "invalid_date");
}

static void
test_empty_header_only_and_wrong_header (void)
{
  g_autofree char *q = item_query (penalty_item);
  gint64 imports = count ("SELECT count(*) FROM imports");
  const char *header_only = "\xEF\xBB\xBF" HEADER;
  const char *wrong = "统一社会信用代码,主体名称,处罚机关,处罚决定日期,处罚类别\n"
                      "91460100MA5T100082,某公司,某机关,2024-01-01,罚款\n";
  const char *twice = "uscc,name,decision_no,decision_no,authority,decided_on,category\n1,2,3,4,5,6,7\n";
  g_autoptr(HcTestResponse) r1 = post_import (q, analyst, "text/csv", "", 0);
  g_autoptr(HcTestResponse) r2 = post_import (q, analyst, "text/csv", header_only, strlen (header_only));
  g_autoptr(HcTestResponse) r3 = post_import (q, analyst, "text/csv", wrong, strlen (wrong));
  g_autoptr(HcTestResponse) r4 = post_import (q, analyst, "text/csv", twice, strlen (twice));
  g_autoptr(HcTestResponse) r5 = post_import (q, analyst, "text/csv", "\n\r\n", 3);

  hc_assert_status (r1, 422, "empty_file");
  hc_assert_status (r2, 422, "no_rows");
  hc_assert_status (r3, 422, "invalid_header");
  g_assert_cmpstr (hc_test_response_error_field (r3), ==, "decision_no");
  hc_assert_status (r4, 422, "invalid_header");
  g_assert_cmpstr (hc_test_response_error_field (r4), ==, "decision_no");
  hc_assert_status (r5, 422, "empty_file");
  g_assert_cmpint (count ("SELECT count(*) FROM imports"), ==, imports);
}

typedef struct
{
  guint       row;
  const char *field;
  const char *code;
} Expect;

/* 1,000 rows, every kind of bad row among them; each must be reported on
 * its row with its field and code, and only the good rows stored. */
static void
test_every_bad_row_is_reported (void)
{
  g_autofree char *q = NULL;
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autoptr(GString) subjects = g_string_new ("BEGIN;");
  g_autoptr(GString) seed = g_string_new (HEADER);
  g_autoptr(GArray) expect = g_array_new (FALSE, FALSE, sizeof (Expect));
  g_autoptr(HcTestResponse) first = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *long_name = NULL;
  g_autofree char *seed_uscc = new_uscc ();
  g_auto(GStrv) lines = NULL;
  JsonArray *rej;
  JsonObject *reasons;
  guint uscc_bad = 0;
  gint64 accepted_before;

  /* an earlier import holds the decision number EB-SEED (重码 against the db) */
  g_string_append_printf (seed, "%s,海南种子有限公司,EB-SEED,海口市市场监督管理局,2024-01-01,罚款,1,\n", seed_uscc);
  first = post_import (q = item_query (penalty_item), analyst, "text/csv", seed->str, seed->len);
  hc_assert_status (first, 201, NULL);
  g_assert_cmpint (num (first, "accepted"), ==, 1);
  g_clear_pointer (&q, g_free);
  accepted_before = count ("SELECT count(*) FROM penalties");

  {
    GString *s = g_string_new (NULL);

    for (guint i = 0; i < 501; i++)
      g_string_append (s, "长");
    long_name = g_string_free (s, FALSE);
  }

  for (guint i = 0; i < 1000; i++)
    {
      guint row = i + 2;
      guint kind = i % 50 == 7 ? (i / 50) % 17 : G_MAXUINT;
      g_autofree char *uscc = new_uscc ();
      g_autofree char *name = g_strdup_printf ("海南全测试有限公司%u", i);
      g_autofree char *number = g_strdup_printf ("EB-%u", i);
      char decided[] = "2024-04-15";
      char until[] = "2027-04-15";
      const char *category = "罚款";
      const char *amount = "800";
      gboolean extra_field = FALSE;
      gboolean registered = TRUE;
      Expect e = { row, NULL, NULL };

      switch (kind)
        {
        case 0: g_free (name); name = g_strdup (""); e.field = "name"; e.code = "missing_value"; break;
        case 1: uscc[17] = '\0'; e.field = "uscc"; e.code = "invalid_uscc_length"; break;
        case 2: uscc[5] = 'I'; e.field = "uscc"; e.code = "invalid_uscc_charset"; break;
        case 3: uscc[16] = uscc[16] == '0' ? '1' : '0'; e.field = "uscc"; e.code = "invalid_uscc_org_check"; break;
        case 4: uscc[17] = uscc[17] == '0' ? '1' : '0'; e.field = "uscc"; e.code = "invalid_uscc_check"; break;
        case 5: memcpy (decided, "2024-13-01", 10); e.field = "decided_on"; e.code = "invalid_date"; break;
        case 6: memcpy (until, "2023-04-15", 10); e.field = "publicity_until"; e.code = "invalid_period"; break;
        case 7: amount = "八百"; e.field = "amount"; e.code = "invalid_amount"; break;
        case 8: amount = "-1"; e.field = "amount"; e.code = "negative_amount"; break;
        case 9: category = "罚没"; e.field = "category"; e.code = "invalid_code"; break;
        case 10: extra_field = TRUE; e.field = ""; e.code = "field_count"; break;
        case 11: g_free (number); number = g_strdup_printf ("EB-%u", i - 1); e.field = "decision_no"; e.code = "duplicate_in_file"; break;
        case 12: g_free (number); number = g_strdup ("EB-SEED"); e.field = "decision_no"; e.code = "duplicate"; break;
        case 13: registered = FALSE; e.field = "uscc"; e.code = "unknown_subject"; break;
        case 14: g_free (name); name = g_strdup (long_name); e.field = "name"; e.code = "too_long"; break;
        case 15: g_free (number); number = g_strdup (""); e.field = "decision_no"; e.code = "missing_value"; break;
        case 16: memcpy (decided, "2023-02-29", 10); e.field = "decided_on"; e.code = "invalid_date"; break;
        default: break;
        }
      if (e.code != NULL)
        {
          g_array_append_val (expect, e);
          if (g_str_has_prefix (e.code, "invalid_uscc"))
            uscc_bad++;
        }
      if (registered && strlen (uscc) == 18)
        g_string_append_printf (subjects,
                                "INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                                " VALUES ('%s', 'x', 'legal_person', '460100', 'x', 'x') ON CONFLICT DO NOTHING;", uscc);
      g_string_append_printf (csv, "%s,%s,%s,海口市市场监督管理局,%s,%s,%s,%s%s\n", uscc, name, number, decided,
                              category, amount, until, extra_field ? ",多余" : "");
    }
  g_string_append (subjects, "COMMIT;");
  exec_sql (server, subjects->str);

  q = g_strdup_printf ("kind=penalty&item=%" G_GINT64_FORMAT "&require_subject=1&file_name=bad-rows.csv", penalty_item);
  r = post_import (q, analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (num (r, "rows_read"), ==, 1000);
  g_assert_cmpint (num (r, "rejected"), ==, expect->len);
  g_assert_cmpint (num (r, "accepted"), ==, 1000 - expect->len);
  g_assert_cmpint (num (r, "uscc_errors"), ==, uscc_bad);
  g_assert_cmpint (num (r, "other_errors"), ==, expect->len - uscc_bad);
  g_assert_cmpstr (str (r, "file_name"), ==, "bad-rows.csv");
  g_assert_cmpint (count ("SELECT count(*) FROM penalties"), ==, accepted_before + 1000 - expect->len);

  rej = json_object_get_array_member (hc_test_response_object (r), "rejections");
  g_assert_cmpuint (json_array_get_length (rej), ==, expect->len);
  for (guint i = 0; i < expect->len; i++)
    {
      Expect *e = &g_array_index (expect, Expect, i);
      JsonObject *o = json_array_get_object_element (rej, i);

      g_assert_cmpint (json_object_get_int_member (o, "row"), ==, e->row);
      g_assert_cmpstr (json_object_get_string_member (o, "field"), ==, e->field);
      g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, e->code);
      g_assert_cmpstr (json_object_get_string_member (o, "message"), !=, "");
    }
  reasons = json_object_get_object_member (hc_test_response_object (r), "reasons");
  g_assert_cmpint (json_object_get_int_member (reasons, "invalid_date"), ==, 2 * expect->len / 17);
  g_assert_cmpint (json_object_get_int_member (reasons, "unknown_subject"), ==, expect->len / 17);

  /* the complete report: UTF-8 with BOM, a header and one line each */
  path = g_strdup_printf ("/imports/%" G_GINT64_FORMAT "/rejections.csv", num (r, "import_id"));
  report = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (report, 200, NULL);
  g_assert_true (g_str_has_prefix (report->content_type, "text/csv"));
  {
    gsize len;
    const char *data = g_bytes_get_data (report->body, &len);
    g_autofree char *text = g_strndup (data, len);

    g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "row,field,code,message\r\n"));
    lines = g_strsplit (text, "\r\n", -1);
  }
  g_assert_cmpuint (g_strv_length (lines), ==, expect->len + 2);   /* header, rows, "" */
  for (guint i = 0; i < expect->len; i++)
    {
      Expect *e = &g_array_index (expect, Expect, i);
      g_autofree char *start = g_strdup_printf ("%u,%s,%s,", e->row, e->field, e->code);

      g_assert_true (g_str_has_prefix (lines[i + 1], start));
    }
}

static void
test_natural_person_items_check_id_numbers (void)
{
  g_autofree char *q = item_query (person_item);
  const char *csv = HEADER
    "460100198001011236,张三,NP-1,海口市公安局,2024-02-02,罚款,200,\n"
    "460100198002301234,李四,NP-2,海口市公安局,2024-02-02,罚款,200,\n";
  g_autoptr(HcTestResponse) r = post_import (q, analyst, "text/csv", csv, strlen (csv));
  JsonObject *o;

  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (num (r, "accepted"), ==, 1);
  o = json_array_get_object_element (json_object_get_array_member (hc_test_response_object (r), "rejections"), 0);
  g_assert_cmpint (json_object_get_int_member (o, "row"), ==, 3);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (o, "code"), "invalid_id_"));
}

static void
test_xlsx_from_libxlsxwriter (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hncredit-xlsx-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "处罚.xlsx", NULL);
  g_autofree char *q = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *u1 = new_uscc ();
  g_autofree char *u2 = new_uscc ();
  g_autofree char *u3 = new_uscc ();
  g_autoptr(HcTestResponse) r = NULL;
  const char *header[] = { "主体名称", "统一社会信用代码", "决定文书号", "处罚机关", "处罚决定日期", "处罚类别",
                           "罚款金额（元）", "公示截止日期" };
  lxw_workbook *wb;
  lxw_worksheet *ws;
  JsonObject *o;
  gsize len;

  wb = workbook_new (file);
  ws = workbook_add_worksheet (wb, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_write_string (ws, 0, c, header[c], NULL);
  /* row 2: strings; row 3: a date as an Excel serial and a numeric amount */
  worksheet_write_string (ws, 1, 0, "文昌航天科技有限公司", NULL);
  worksheet_write_string (ws, 1, 1, u1, NULL);
  worksheet_write_string (ws, 1, 2, "XL-1", NULL);
  worksheet_write_string (ws, 1, 3, "文昌市市场监督管理局", NULL);
  worksheet_write_string (ws, 1, 4, "2024-07-01", NULL);
  worksheet_write_string (ws, 1, 5, "罚款", NULL);
  worksheet_write_number (ws, 1, 6, 3000, NULL);
  worksheet_write_string (ws, 1, 7, "2027-07-01", NULL);
  worksheet_write_string (ws, 2, 0, "万宁冲浪俱乐部有限公司", NULL);
  worksheet_write_string (ws, 2, 1, u2, NULL);
  worksheet_write_string (ws, 2, 2, "XL-2", NULL);
  worksheet_write_string (ws, 2, 3, "万宁市旅游和文化广电体育局", NULL);
  worksheet_write_number (ws, 2, 4, 45292, NULL);    /* 2024-01-01 */
  worksheet_write_string (ws, 2, 5, "warning", NULL);
  /* row 4: bad category */
  worksheet_write_string (ws, 3, 0, "陵水黎族自治县某公司", NULL);
  worksheet_write_string (ws, 3, 1, u3, NULL);
  worksheet_write_string (ws, 3, 2, "XL-3", NULL);
  worksheet_write_string (ws, 3, 3, "陵水黎族自治县市场监督管理局", NULL);
  worksheet_write_string (ws, 3, 4, "2024-07-01", NULL);
  worksheet_write_string (ws, 3, 5, "批评教育", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  g_assert_true (g_file_get_contents (file, &contents, &len, NULL));
  q = g_strdup_printf ("kind=penalty&item=%" G_GINT64_FORMAT, penalty_item);
  r = post_import (q, analyst, XLSX_TYPE, contents, len);
  hc_assert_status (r, 201, NULL);
  g_assert_cmpstr (str (r, "encoding"), ==, "xlsx");
  g_assert_cmpint (num (r, "rows_read"), ==, 3);
  g_assert_cmpint (num (r, "accepted"), ==, 2);
  g_assert_cmpint (count ("SELECT count(*) FROM penalties WHERE decision_no = 'XL-1' AND amount = 3000"
                          " AND name = '文昌航天科技有限公司' AND decided_on = '2024-07-01'"), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM penalties WHERE decision_no = 'XL-2' AND decided_on = '2024-01-01'"
                          " AND category = 'warning'"), ==, 1);
  o = json_array_get_object_element (json_object_get_array_member (hc_test_response_object (r), "rejections"), 0);
  g_assert_cmpint (json_object_get_int_member (o, "row"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, "invalid_code");

  g_remove (file);
  g_rmdir (dir);
}

static void
test_same_file_twice (void)
{
  g_autofree char *q = item_query (penalty_item);
  g_autofree char *q_force = g_strdup_printf ("%s&force=1", q);
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autoptr(HcTestResponse) r1 = NULL;
  g_autoptr(HcTestResponse) r2 = NULL;
  g_autoptr(HcTestResponse) r3 = NULL;
  g_autoptr(HcTestResponse) r4 = NULL;
  g_autofree char *location = NULL;
  gint64 imports;

  for (guint i = 0; i < 5; i++)
    append_good_row (csv, "TW", i);
  r1 = post_import (q, analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r1, 201, NULL);
  imports = count ("SELECT count(*) FROM imports");

  r2 = post_import (q, analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r2, 409, "already_imported");
  location = g_strdup_printf ("/api/v1/imports/%" G_GINT64_FORMAT, num (r1, "import_id"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (hc_test_response_object (r2),
                                                                                       "error"), "message"),
                            location + strlen ("/api/v1/imports/")));
  g_assert_cmpint (count ("SELECT count(*) FROM imports"), ==, imports);

  /* forcing it is for supervisors; the second time every row is 重码 */
  r3 = post_import (q_force, analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r3, 403, "forbidden");
  r4 = post_import (q_force, supervisor, "text/csv", csv->str, csv->len);
  hc_assert_status (r4, 201, NULL);
  g_assert_cmpint (num (r4, "accepted"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (hc_test_response_object (r4), "reasons"),
                                               "duplicate"), ==, 5);
}

static void
test_item_kind_and_roles (void)
{
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autofree char *q_license = item_query (license_item);
  g_autoptr(HcTestResponse) r1 = NULL;
  g_autoptr(HcTestResponse) r2 = NULL;
  g_autoptr(HcTestResponse) r3 = NULL;
  g_autoptr(HcTestResponse) r4 = NULL;
  g_autoptr(HcTestResponse) r5 = NULL;
  g_autoptr(HcTestResponse) r6 = NULL;
  gint64 imports = count ("SELECT count(*) FROM imports");

  append_good_row (csv, "IK", 1);
  r1 = post_import (q_license, analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r1, 422, "invalid_item");
  r2 = post_import ("kind=penalty&item=9999", analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r2, 422, "invalid_item");
  r3 = post_import ("kind=penalty", analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r3, 422, "invalid_item");
  r4 = post_import ("kind=fines&item=11", analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r4, 422, "invalid_kind");
  r5 = post_import ("kind=penalty&item=11", NULL, "text/csv", csv->str, csv->len);
  hc_assert_status (r5, 401, NULL);
  r6 = post_import ("kind=penalty&item=abc", analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r6, 400, "invalid_parameter");
  g_assert_cmpint (count ("SELECT count(*) FROM imports"), ==, imports);
  g_assert_cmpint (count ("SELECT count(*) FROM penalties WHERE decision_no LIKE '%IK-%'"), ==, 0);
}

static void
test_cli_uses_the_same_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hncredit-cli-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "cli.csv", NULL);
  g_autofree char *exe = g_getenv ("HNCREDIT_SERVER_PATH") ? g_strdup (g_getenv ("HNCREDIT_SERVER_PATH"))
                         : g_build_filename (HC_BUILD_ROOT, "src", "server", "hncredit-server", NULL);
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *item = g_strdup_printf ("%" G_GINT64_FORMAT, penalty_item);
  const char *argv[] = { exe, "import", "--db", hc_test_server_get_db_path (server), "--item", item,
                         "--actor", "cli-tester", file, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  int status = 0;

  for (guint i = 0; i < 3; i++)
    append_good_row (csv, "CLI", i);
  g_string_append (csv, "bad,海南坏行有限公司,CLI-BAD,某机关,2024-01-01,罚款,1,\n");
  g_assert_true (g_file_set_contents (file, csv->str, csv->len, NULL));

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "4 rows read, 3 accepted, 1 rejected"));
  g_assert_cmpint (count ("SELECT count(*) FROM imports WHERE actor = 'cli-tester' AND file_name = 'cli.csv'"
                          " AND accepted = 3 AND rejected = 1"), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'import.create' AND actor = 'cli-tester'"), ==, 1);

  /* the same file again fails with a non-zero exit */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "import"));

  g_remove (file);
  g_rmdir (dir);
}

/* A big import reads the registered identifiers into memory once instead
 * of looking each row's subject up in SQL (HCS_IMPORT_SUBJECTS forces
 * either way): both give each record the same subject, NULL for an
 * unregistered one, count a registered code under another name as 重码,
 * and refuse a commitment of an unknown subject. */
static void
import_with_subjects (const char *how,
                      const char *file,
                      const char *item,
                      const char *kind)
{
  g_autofree char *exe = g_getenv ("HNCREDIT_SERVER_PATH") ? g_strdup (g_getenv ("HNCREDIT_SERVER_PATH"))
                         : g_build_filename (HC_BUILD_ROOT, "src", "server", "hncredit-server", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { exe, "import", "--db", hc_test_server_get_db_path (server), "--item", item,
                         "--kind", kind, "--actor", "subject-index", file, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  int status = 0;

  env = g_environ_setenv (env, "HCS_IMPORT_SUBJECTS", how, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_subjects_in_memory_or_by_sql (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hncredit-subjects-XXXXXX", NULL);
  g_autofree char *known = new_uscc ();
  g_autofree char *unknown = new_uscc ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                                          " VALUES ('%s', '海南索引有限公司', 'legal_person', '460100', 'x', 'x')", known);
  static const char * const ways[] = { "memory", "sql" };

  exec_sql (server, sql);
  for (guint w = 0; w < G_N_ELEMENTS (ways); w++)
    {
      g_autofree char *penalties = g_build_filename (dir, "p.csv", NULL);
      g_autofree char *commitments = g_build_filename (dir, "c.csv", NULL);
      g_autofree char *csv = g_strdup_printf (HEADER
                                              "%s,海南索引有限公司,IDX-%s-1号,海口市市场监督管理局,2024-01-02,罚款,1,\n"
                                              "%s,海南未登记有限公司,IDX-%s-2号,海口市市场监督管理局,2024-01-02,罚款,2,\n"
                                              "%s,海南另名有限公司,IDX-%s-3号,海口市市场监督管理局,2024-01-02,罚款,3,\n",
                                              known, ways[w], unknown, ways[w], known, ways[w]);
      g_autofree char *ccsv = g_strdup_printf ("uscc,name,commitment_no,matter,authority,committed_on,fulfilment\n"
                                               "%s,海南索引有限公司,IDXC-%s-1,承诺事项,海口市市场监督管理局,2024-01-02,已履约\n"
                                               "%s,海南未登记有限公司,IDXC-%s-2,承诺事项,海口市市场监督管理局,2024-01-02,已履约\n",
                                               known, ways[w], unknown, ways[w]);
      g_autofree char *found = g_strdup_printf ("SELECT count(*) FROM penalties p JOIN subjects s ON s.id = p.subject_id"
                                                " WHERE p.decision_no = 'IDX-%s-1号' AND s.identifier = '%s'",
                                                ways[w], known);
      g_autofree char *unfound = g_strdup_printf ("SELECT count(*) FROM penalties WHERE decision_no = 'IDX-%s-2号'"
                                                  " AND subject_id IS NULL", ways[w]);
      g_autofree char *kept = g_strdup_printf ("SELECT count(*) FROM commitments c JOIN subjects s ON s.id = c.subject_id"
                                               " WHERE c.commitment_no = 'IDXC-%s-1' AND s.identifier = '%s'",
                                               ways[w], known);
      const char *refused = "SELECT count(*) FROM import_rejections r JOIN imports i ON i.id = r.import_id"
                            " WHERE i.actor = 'subject-index' AND i.kind = 'commitment'"
                            " AND r.code = 'unknown_subject' AND r.row = 3";

      g_assert_true (g_file_set_contents (penalties, csv, -1, NULL));
      g_assert_true (g_file_set_contents (commitments, ccsv, -1, NULL));
      import_with_subjects (ways[w], penalties, "11", "penalty");
      import_with_subjects (ways[w], commitments, "14", "commitment");
      g_assert_cmpint (count (found), ==, 1);
      g_assert_cmpint (count (unfound), ==, 1);
      g_assert_cmpint (count (kept), ==, 1);
      g_assert_cmpint (count (refused), ==, w + 1);
      /* the third row names a registered code under another name: 重码 */
      g_assert_cmpint (count ("SELECT uscc_duplicates FROM imports WHERE actor = 'subject-index' AND kind = 'penalty'"
                              " ORDER BY id DESC LIMIT 1"), ==, 1);
      g_remove (penalties);
      g_remove (commitments);
    }
  g_rmdir (dir);
}

static void
test_list_get_and_quality (void)
{
  g_autoptr(HcTestResponse) page = hc_test_request (server, "GET", "/imports?limit=2&total=1", analyst, NULL);
  g_autoptr(HcTestResponse) missing = hc_test_request (server, "GET", "/imports/999999", analyst, NULL);
  g_autoptr(HcTestResponse) bad_by = hc_test_request (server, "GET", "/imports/quality?by=week", analyst, NULL);
  g_autoptr(HcTestResponse) by_dep = NULL;
  g_autoptr(HcTestResponse) by_month = NULL;
  g_autoptr(GDateTime) now = hc_hainan_now ();
  g_autofree char *path = g_strdup_printf ("/imports/quality?by=department&year=%d", g_date_time_get_year (now));
  JsonArray *items;
  JsonObject *dep = NULL;
  gint64 rows_read, uscc_errors;

  hc_assert_status (page, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (page), "items")), ==, 2);
  g_assert_cmpint (num (page, "total"), ==, count ("SELECT count(*) FROM imports"));
  hc_assert_status (missing, 404, "not_found");
  hc_assert_status (bad_by, 400, "invalid_parameter");

  by_dep = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (by_dep, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (by_dep), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (json_object_get_int_member (json_array_get_object_element (items, i), "department_id") == 901)
      dep = json_array_get_object_element (items, i);
  g_assert_nonnull (dep);
  rows_read = count ("SELECT sum(rows_read) FROM imports");
  uscc_errors = count ("SELECT sum(uscc_errors) FROM imports");
  g_assert_cmpint (json_object_get_int_member (dep, "rows_read"), ==, rows_read);
  g_assert_cmpint (json_object_get_int_member (dep, "uscc_errors"), ==, uscc_errors);
  /* 重码 count too (api-quality tests which records they are). */
  g_assert_cmpint (json_object_get_int_member (dep, "uscc_duplicates"), >=, 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (dep, "uscc_error_rate"),
                                  100.0 * (uscc_errors + json_object_get_int_member (dep, "uscc_duplicates")) / rows_read,
                                  1e-3);

  by_month = hc_test_request (server, "GET", "/imports/quality?by=month", analyst, NULL);
  hc_assert_status (by_month, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (by_month), "items");
  g_assert_cmpuint (json_array_get_length (items), >=, 1);
  g_assert_true (json_object_has_member (json_array_get_object_element (items, 0), "month"));
}

/* Whether some connection holds the write lock (the import's transaction);
 * over PostgreSQL, whether another connection is in a transaction. */
static gboolean
write_locked (HcTestServer *s,
              const char   *db_path)
{
  sqlite3 *db = NULL;
  int rc;

  if (hc_test_is_pg ())
    return hc_test_count_rows (s, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database ()"
                                  " AND pid <> pg_backend_pid () AND xact_start IS NOT NULL") > 0;
  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  return rc == SQLITE_BUSY;
}

static void
test_sigkill_mid_import_leaves_all_or_nothing (void)
{
  g_autoptr(HcTestServer) victim = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcTestServer) revived = NULL;
  g_autoptr(GString) csv = g_string_sized_new (200000 * 150);
  g_autoptr(GSocketConnection) conn = NULL;
  g_autoptr(HcTestResponse) health = NULL;
  g_autofree char *db_path = g_strdup (hc_test_server_get_db_path (victim));
  const char *token = hc_test_server_token (victim, "admin");
  guint good = 0;
  gboolean seen_lock = FALSE;
  gint64 penalties, imports, collected;

  setup_catalog (victim);
  /* An import acknowledged before the kill must be there after it. */
  {
    g_autoptr(GString) small = g_string_new (HEADER);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(HcTestResponse) r = NULL;

    for (guint i = 0; i < 3; i++)
      append_good_row (small, "ACKED", i);
    bytes = g_bytes_new (small->str, small->len);
    r = hc_test_request_full (victim, "POST", "/imports?kind=penalty&item=11", token, "text/csv", bytes, NULL);
    hc_assert_status (r, 201, NULL);
  }
  g_string_append (csv, HEADER);
  for (guint i = 0; i < 200000; i++)
    {
      if (i % 1000 == 999)
        g_string_append_printf (csv, "9146010X,坏行%u,KILL-%u,某机关,2024-01-01,罚款,1,\n", i, i);
      else
        {
          append_good_row (csv, "KILL", i);
          good++;
        }
    }

  conn = hc_test_send_raw (victim, "POST", "/imports?kind=penalty&item=11", token, "text/csv", NULL, csv->str, csv->len);
  /* wait until the import holds the write lock (or is already done), then kill */
  for (guint tries = 0; tries < 60000 && !seen_lock; tries++)
    {
      if (write_locked (victim, db_path))
        seen_lock = TRUE;
      else if (hc_test_count_rows (victim, "SELECT count(*) FROM imports") > 1)
        break;
      else
        g_usleep (1000);
    }
  hc_test_server_kill (victim);
  g_test_message ("killed %s the import's transaction", seen_lock ? "during" : "after");

  revived = hc_test_server_new_for_db (db_path, NULL);
  health = hc_test_request (revived, "GET", "/imports", hc_test_server_token (revived, "admin"), NULL);
  hc_assert_status (health, 200, NULL);

  penalties = hc_test_count_rows (revived, "SELECT count(*) FROM penalties");
  imports = hc_test_count_rows (revived, "SELECT count(*) FROM imports");
  collected = hc_test_count_rows (revived, "SELECT collected_records FROM catalog_items WHERE id = 11");
  g_assert_true ((penalties == 3 && imports == 1 && collected == 3) ||
                 (penalties == 3 + good && imports == 2 && collected == 3 + good));
  g_assert_cmpint (hc_test_count_rows (revived, "SELECT count(*) FROM import_rejections"), ==,
                   imports == 1 ? 0 : 200000 - good);

  hc_test_assert_db_intact (db_path);   /* over PostgreSQL: its roll-ups and record_numbers */
}

static void
test_licenses_and_commitments (void)
{
  g_autofree char *u1 = new_uscc ();
  g_autofree char *u2 = new_uscc ();
  g_autofree char *u3 = new_uscc ();
  g_autofree char *licenses = NULL;
  g_autofree char *commitments = NULL;
  g_autofree char *registered = NULL;
  g_autoptr(HcTestResponse) r1 = NULL;
  g_autoptr(HcTestResponse) r2 = NULL;
  JsonObject *o;

  licenses = g_strdup_printf ("统一社会信用代码,主体名称,许可证书编号,许可证书名称,许可机关,许可决定日期,有效期至\n"
                              "%s,三亚凤凰岛酒店有限公司,JY46020012345,食品经营许可证,三亚市市场监督管理局,2024-05-01,2029-04-30\n"
                              "%s,三亚某某有限公司,JY46020012346,食品经营许可证,三亚市市场监督管理局,2024-05-01,2020-04-30\n",
                              u1, u2);
  r1 = post_import ("kind=license&item=12", analyst, "text/csv", licenses, strlen (licenses));
  hc_assert_status (r1, 201, NULL);
  g_assert_cmpint (num (r1, "accepted"), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM licenses WHERE license_no = 'JY46020012345'"
                          " AND valid_until = '2029-04-30' AND import_id IS NOT NULL"), ==, 1);
  o = json_array_get_object_element (json_object_get_array_member (hc_test_response_object (r1), "rejections"), 0);
  g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, "invalid_period");

  /* a 告知承诺 needs a registered subject */
  registered = g_strdup_printf ("uscc,name,type,region\n%s,海南承诺有限公司,法人,海口市\n", u3);
  {
    g_autoptr(HcTestResponse) r0 = post_import ("kind=registration&item=15", analyst, "text/csv",
                                                registered, strlen (registered));

    hc_assert_status (r0, 201, NULL);
    g_assert_cmpint (num (r0, "accepted"), ==, 1);
  }
  commitments = g_strdup_printf ("uscc,name,commitment_no,matter,authority,committed_on,fulfilment\n"
                                 "%s,海南承诺有限公司,CN-1,食品经营许可告知承诺,海口市市场监督管理局,2024-03-01,已履约\n"
                                 "%s,未登记有限公司,CN-2,食品经营许可告知承诺,海口市市场监督管理局,2024-03-01,\n",
                                 u3, u1);
  r2 = post_import ("kind=commitment&item=14", analyst, "text/csv", commitments, strlen (commitments));
  hc_assert_status (r2, 201, NULL);
  g_assert_cmpint (num (r2, "accepted"), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM commitments c JOIN subjects s ON s.id = c.subject_id"
                          " WHERE c.commitment_no = 'CN-1' AND c.fulfilment = 'fulfilled'"), ==, 1);
  o = json_array_get_object_element (json_object_get_array_member (hc_test_response_object (r2), "rejections"), 0);
  g_assert_cmpint (json_object_get_int_member (o, "row"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, "unknown_subject");
}

/* 登记注册基本信息: each good row registers a market subject, found then
 * through the subjects API; a subject registered already is a duplicate. */
static void
test_registration_registers_subjects (void)
{
  g_autofree char *u1 = new_uscc ();
  g_autofree char *u2 = new_uscc ();
  g_autofree char *u3 = new_uscc ();
  g_autofree char *u4 = new_uscc ();
  g_autofree char *csv = NULL;
  g_autofree char *again = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) got = NULL;
  g_autoptr(HcTestResponse) r2 = NULL;
  JsonArray *rej;
  JsonObject *subject;

  csv = g_strdup_printf ("统一社会信用代码,主体名称,主体类型,所属市县,行业,成立日期\n"
                         "%s,海口椰风贸易有限公司,法人,海口市,批发和零售业,2019-06-18\n"
                         "%s,三亚鹿回头小吃店,个体工商户,460200,,\n"
                         "%s,海口椰风贸易有限公司,法人,海口市,批发和零售业,2019-06-18\n"
                         "%s,广州某某有限公司,法人,广州市,制造业,2020-01-01\n"
                         "%s,某某合伙企业,合伙,海口市,,\n",
                         u1, u2, u1, u3, u4);
  r = post_import ("kind=registration&item=15", analyst, "text/csv", csv, strlen (csv));
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (num (r, "rows_read"), ==, 5);
  g_assert_cmpint (num (r, "accepted"), ==, 2);
  g_assert_cmpint (num (r, "rejected"), ==, 3);
  rej = json_object_get_array_member (hc_test_response_object (r), "rejections");
  g_assert_cmpuint (json_array_get_length (rej), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rej, 0), "row"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rej, 0), "code"), ==, "duplicate_in_file");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rej, 1), "field"), ==, "region");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rej, 1), "code"), ==, "invalid_code");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rej, 2), "field"), ==, "type");

  path = g_strdup_printf ("/subjects/%s", u1);
  got = hc_test_request (server, "GET", path, admin, NULL);
  hc_assert_status (got, 200, NULL);
  subject = hc_test_response_object (got);
  g_assert_cmpstr (json_object_get_string_member (subject, "name"), ==, "海口椰风贸易有限公司");
  g_assert_cmpstr (json_object_get_string_member (subject, "type"), ==, "legal_person");
  g_assert_cmpstr (json_object_get_string_member (subject, "region"), ==, "460100");
  g_assert_cmpstr (json_object_get_string_member (subject, "registered_on"), ==, "2019-06-18");
  g_assert_cmpint (count ("SELECT count(*) FROM subjects WHERE identifier IN ('广州', 'x')"), ==, 0);

  /* Registered already: a duplicate against the database (重码). */
  again = g_strdup_printf ("uscc,name,type,region\n%s,三亚鹿回头小吃店,非法人组织,三亚市\n", u2);
  r2 = post_import ("kind=registration&item=15", analyst, "text/csv", again, strlen (again));
  hc_assert_status (r2, 201, NULL);
  g_assert_cmpint (num (r2, "accepted"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (hc_test_response_object (r2), "rejections"), 0), "code"),
                   ==, "duplicate");
}

/* The insert finds the subject of a registered USCC itself; amounts keep
 * their exact value; an import and its catalog item stay while records
 * point at them (the records' import_id and item_id have no per-row foreign
 * keys: the triggers of imports.sql keep them). */
static void
test_records_find_subjects_and_keep_their_import (void)
{
  g_autofree char *known = new_uscc ();
  g_autofree char *unknown = new_uscc ();
  g_autofree char *registered = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *where = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  gint64 import_id;

  registered = g_strdup_printf ("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                                " VALUES ('%s', '海南登记有限公司', 'legal_person', '460100', 'x', 'x')", known);
  exec_sql (server, registered);
  csv = g_strdup_printf (HEADER
                         "%s,海南登记有限公司,SUBJ-1号,海口市市场监督管理局,2024-01-02,罚款,1234.56,\n"
                         "%s,海南未登记有限公司,SUBJ-2号,海口市市场监督管理局,2024-01-02,罚款,0.1,\n",
                         known, unknown);
  r = post_import ("item=11", analyst, "text/csv", csv, strlen (csv));
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (num (r, "accepted"), ==, 2);
  import_id = num (r, "import_id");
  where = g_strdup_printf ("SELECT count(*) FROM penalties p JOIN subjects s ON s.id = p.subject_id"
                           " WHERE p.decision_no = 'SUBJ-1号' AND s.identifier = '%s' AND p.amount = 1234.56"
                           " AND p.item_id = 11 AND p.import_id = %" G_GINT64_FORMAT, known, import_id);
  g_assert_cmpint (count (where), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM penalties WHERE decision_no = 'SUBJ-2号'"
                          " AND subject_id IS NULL AND amount = 0.1"), ==, 1);

  /* the records keep their import, and the item its records (over
   * PostgreSQL by imports.sql's triggers) */
  {
    g_autofree char *del = g_strdup_printf ("DELETE FROM imports WHERE id = %" G_GINT64_FORMAT, import_id);
    g_autofree char *move = g_strdup_printf ("UPDATE imports SET id = id + 100000 WHERE id = %" G_GINT64_FORMAT,
                                             import_id);

    g_assert_true (hc_test_exec_sql_refused (server, del));
    g_assert_true (hc_test_exec_sql_refused (server, move));
    g_assert_true (hc_test_exec_sql_refused (server, "DELETE FROM catalog_items WHERE id = 11"));
  }
  g_assert_cmpint (count (where), ==, 1);
}

/* The rejections found when a good row is written (a number there already
 * or earlier in the file, a subject not registered, a registered code under
 * another name), word for word and in row order among the checks' own: the
 * same over SQLite, row by row, and over PostgreSQL, where the rows are
 * staged with COPY and written at the end (api-pg-imports). */
static void
expect_rejection (JsonArray  *rej,
                  guint       i,
                  gint64      row,
                  const char *field,
                  const char *code,
                  const char *message)
{
  JsonObject *o = json_array_get_object_element (rej, i);

  g_assert_cmpint (json_object_get_int_member (o, "row"), ==, row);
  g_assert_cmpstr (json_object_get_string_member (o, "field"), ==, field);
  g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, code);
  if (message != NULL)
    g_assert_cmpstr (json_object_get_string_member (o, "message"), ==, message);
}

static void
test_rejections_when_written_word_for_word (void)
{
  g_autofree char *known = new_uscc ();
  g_autofree char *unknown = new_uscc ();
  g_autofree char *fresh = new_uscc ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                                          " VALUES ('%s', '海南字字有限公司', 'legal_person', '460100', 'x', 'x')", known);
  g_autofree char *seed = g_strdup_printf (HEADER "%s,海南字字有限公司,WW-0,某机关,2024-01-02,罚款,1,\n", known);
  g_autofree char *csv = g_strdup_printf (HEADER
                                          "%s,海南字字有限公司,WW-1,某机关,2024-01-02,罚款,1,\n"
                                          "%s,海南字字有限公司,WW-1,某机关,2024-01-03,罚款,2,\n"
                                          "%s,海南未登记有限公司,WW-2,某机关,2024-01-02,罚款,1,\n"
                                          "%s,海南字字有限公司,WW-4,某机关,2024-02-30,罚款,1,\n"
                                          "%s,海南字字有限公司,WW-0,某机关,2024-01-02,罚款,1,\n"
                                          "%s,海南字字有限公司,WW-3,某机关,2024-01-02,罚款,12.5,\n",
                                          known, known, unknown, known, known, known);
  g_autofree char *registration = g_strdup_printf ("统一社会信用代码,主体名称,主体类型,所属市县,行业,成立日期\n"
                                                   "%s,海南甲有限公司,法人,海口市,,\n"
                                                   "%s,海南甲有限公司,法人,海口市,,\n"
                                                   "%s,海南乙有限公司,法人,海口市,,\n"
                                                   "%s,海南字字有限公司,法人,海口市,,\n"
                                                   "%s,海南丙有限公司,法人,海口市,,\n",
                                                   fresh, fresh, fresh, known, known);
  g_autofree char *q = g_strdup_printf ("kind=penalty&item=%" G_GINT64_FORMAT "&require_subject=1", penalty_item);
  g_autofree char *m = NULL;
  g_autoptr(HcTestResponse) first = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  g_autoptr(HcTestResponse) reg = NULL;
  JsonArray *rej;

  exec_sql (server, sql);
  first = post_import (q, analyst, "text/csv", seed, strlen (seed));
  hc_assert_status (first, 201, NULL);

  r = post_import (q, analyst, "text/csv", csv, strlen (csv));
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (num (r, "rows_read"), ==, 6);
  g_assert_cmpint (num (r, "accepted"), ==, 2);
  g_assert_cmpint (num (r, "rejected"), ==, 4);
  g_assert_cmpint (num (r, "uscc_errors"), ==, 0);
  g_assert_cmpint (num (r, "other_errors"), ==, 4);
  rej = json_object_get_array_member (hc_test_response_object (r), "rejections");
  g_assert_cmpuint (json_array_get_length (rej), ==, 4);
  expect_rejection (rej, 0, 3, "decision_no", "duplicate_in_file", "决定文书号 WW-1 appears earlier in this file.");
  m = g_strdup_printf ("No subject with the identifier %s is registered.", unknown);
  expect_rejection (rej, 1, 4, "uscc", "unknown_subject", m);
  expect_rejection (rej, 2, 5, "decided_on", "invalid_date", NULL);
  g_clear_pointer (&m, g_free);
  m = g_strdup_printf ("决定文书号 WW-0 is already in the database (import %" G_GINT64_FORMAT ").",
                       num (first, "import_id"));
  expect_rejection (rej, 3, 6, "decision_no", "duplicate", m);
  g_assert_cmpint (count ("SELECT count(*) FROM penalties WHERE decision_no IN ('WW-1', 'WW-3')"
                          " AND subject_id IS NOT NULL"), ==, 2);
  g_assert_cmpint (count ("SELECT count(*) FROM penalties WHERE decision_no = 'WW-1' AND amount = 1"), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM penalties WHERE decision_no = 'WW-3' AND amount = 12.5"), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM import_rejections WHERE import_id = (SELECT max (id) FROM imports)"),
                   ==, 4);

  reg = post_import ("kind=registration&item=15", analyst, "text/csv", registration, strlen (registration));
  hc_assert_status (reg, 201, NULL);
  g_assert_cmpint (num (reg, "accepted"), ==, 1);
  g_assert_cmpint (num (reg, "rejected"), ==, 4);
  g_assert_cmpint (num (reg, "uscc_duplicates"), ==, 2);
  g_assert_cmpint (num (reg, "other_errors"), ==, 2);
  rej = json_object_get_array_member (hc_test_response_object (reg), "rejections");
  g_assert_cmpuint (json_array_get_length (rej), ==, 4);
  g_clear_pointer (&m, g_free);
  m = g_strdup_printf ("统一社会信用代码 %s appears earlier in this file.", fresh);
  expect_rejection (rej, 0, 3, "uscc", "duplicate_in_file", m);
  g_clear_pointer (&m, g_free);
  m = g_strdup_printf ("统一社会信用代码 %s appears earlier in this file under the name “海南甲有限公司”;"
                       " this row names “海南乙有限公司” (重码).", fresh);
  expect_rejection (rej, 1, 4, "uscc", "uscc_duplicate", m);
  g_clear_pointer (&m, g_free);
  m = g_strdup_printf ("统一社会信用代码 %s is already in the database.", known);
  expect_rejection (rej, 2, 5, "uscc", "duplicate", m);
  g_clear_pointer (&m, g_free);
  m = g_strdup_printf ("统一社会信用代码 %s is registered under the name “海南字字有限公司”; this row names “海南丙有限公司” (重码).",
                       known);
  expect_rejection (rej, 3, 6, "uscc", "uscc_duplicate", m);
}

/* A body announced above 512 MiB is refused before it is read. */
static void
test_too_large_is_413 (void)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (hc_test_server_get_url (server), G_URI_FLAGS_NONE, &error);
  g_autoptr(GSocketConnection) conn = NULL;
  g_autofree char *head = NULL;
  char answer[64] = { 0 };
  gsize got = 0;

  g_assert_no_error (error);
  g_socket_client_set_timeout (client, 20);
  conn = g_socket_client_connect_to_host (client, g_uri_get_host (uri), (guint16) g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  head = g_strdup_printf ("POST /api/v1/imports?kind=penalty&item=11 HTTP/1.1\r\nHost: %s\r\n"
                          "Authorization: Bearer %s\r\nContent-Type: text/csv\r\nExpect: 100-continue\r\n"
                          "Content-Length: %llu\r\n\r\n",
                          g_uri_get_host (uri), analyst, 512ULL * 1024 * 1024 + 1);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (conn)), head, strlen (head), NULL, NULL, &error);
  g_assert_no_error (error);
  g_input_stream_read_all (g_io_stream_get_input_stream (G_IO_STREAM (conn)), answer, 12, &got, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (answer, ==, "HTTP/1.1 413");
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  prng = g_rand_new_with_seed (4);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  admin = hc_test_server_token (server, "admin");
  analyst = hc_test_create_user (server, "analyst", "analyst");
  supervisor = hc_test_create_user (server, "supervisor", "supervisor");
  setup_catalog (server);

  g_test_add_func ("/imports/utf8-bom-chinese-header-any-order", test_utf8_bom_chinese_header_any_order);
  g_test_add_func ("/imports/gb18030-is-detected", test_gb18030_is_detected);
  g_test_add_func ("/imports/quoted-fields-with-commas-and-newlines", test_quoted_fields_with_commas_and_newlines);
  g_test_add_func ("/imports/empty-header-only-and-wrong-header-change-nothing", test_empty_header_only_and_wrong_header);
  g_test_add_func ("/imports/every-bad-row-is-reported", test_every_bad_row_is_reported);
  g_test_add_func ("/imports/natural-person-items-check-id-numbers", test_natural_person_items_check_id_numbers);
  g_test_add_func ("/imports/xlsx-from-libxlsxwriter", test_xlsx_from_libxlsxwriter);
  g_test_add_func ("/imports/licenses-and-commitments", test_licenses_and_commitments);
  g_test_add_func ("/imports/registration-registers-subjects", test_registration_registers_subjects);
  g_test_add_func ("/imports/too-large-is-413", test_too_large_is_413);
  g_test_add_func ("/imports/records-find-subjects-and-keep-their-import",
                   test_records_find_subjects_and_keep_their_import);
  g_test_add_func ("/imports/rejections-when-written-word-for-word", test_rejections_when_written_word_for_word);
  g_test_add_func ("/imports/same-file-twice-is-409", test_same_file_twice);
  g_test_add_func ("/imports/item-kind-and-roles", test_item_kind_and_roles);
  g_test_add_func ("/imports/cli-uses-the-same-import", test_cli_uses_the_same_import);
  g_test_add_func ("/imports/list-get-and-quality", test_list_get_and_quality);
  g_test_add_func ("/imports/subjects-in-memory-or-by-sql", test_subjects_in_memory_or_by_sql);
  g_test_add_func ("/imports/sigkill-mid-import-leaves-all-or-nothing", test_sigkill_mid_import_leaves_all_or_nothing);

  ret = g_test_run ();
  hc_test_server_free (server);
  g_rand_free (prng);
  return ret;
}
