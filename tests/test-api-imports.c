/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of 归集: real CSV and XLSX files through the real server —
 * encodings, quoting, empty and wrong files, every kind of bad row, an
 * oversized body, the same file twice, items, kinds and roles, and the
 * quality figures. The kinds of records, their subjects, the CLI and a
 * server killed mid-import are in test-api-imports-records.c. */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "hc-core.h"
#include "hc-test-imports.h"

static HcTestServer *server;
static const char *analyst, *supervisor;
static const gint64 penalty_item = HC_TEST_IMPORTS_PENALTY_ITEM;
static const gint64 license_item = HC_TEST_IMPORTS_LICENSE_ITEM;
static const gint64 person_item = HC_TEST_IMPORTS_PERSON_ITEM;
static GRand *prng;

static char *
new_uscc (void)
{
  return hc_uscc_generate (prng, "460100");
}

static char *
item_query (gint64 item)
{
  return g_strdup_printf ("kind=penalty&item=%" G_GINT64_FORMAT, item);
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
  gint64 collected = hc_test_count_rows (server, "SELECT collected_records FROM catalog_items WHERE id = 11");
  gint64 id;

  csv = g_strdup_printf ("\xEF\xBB\xBF" "处罚机关,决定文书号,统一社会信用代码,主体名称,处罚类别,处罚决定日期,罚款金额（元）,公示截止日期\r\n"
                         "海口市市场监督管理局,琼市监罚〔2024〕BOM-1号,%s,海口椰林商贸有限公司,罚款,2024-05-06,5000,2027-05-06\r\n"
                         "三亚市市场监督管理局,琼市监罚〔2024〕BOM-2号,%s,三亚海棠湾酒店管理有限公司,警告,2024-06-01,,\r\n",
                         u1, u2);
  r = hc_test_imports_post (server, q, analyst, "text/csv", csv, strlen (csv));
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (r, "rows_read"), ==, 2);
  g_assert_cmpint (hc_test_imports_int (r, "accepted"), ==, 2);
  g_assert_cmpint (hc_test_imports_int (r, "rejected"), ==, 0);
  g_assert_cmpstr (hc_test_imports_str (r, "encoding"), ==, "utf-8-bom");
  id = hc_test_imports_int (r, "import_id");

  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no = '琼市监罚〔2024〕BOM-1号'"
                                       " AND name = '海口椰林商贸有限公司' AND category = 'fine' AND amount = 5000"
                                       " AND decided_on = '2024-05-06' AND publicity_until = '2027-05-06'"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no = '琼市监罚〔2024〕BOM-2号'"
                                       " AND category = 'warning' AND amount = 0 AND publicity_until IS NULL"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT collected_records FROM catalog_items WHERE id = 11"), ==, collected + 2);
  path = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'import.create' AND entity = 'import'"
                          " AND entity_id = '%" G_GINT64_FORMAT "' AND actor = 'analyst'", id);
  g_assert_cmpint (hc_test_count_rows (server, path), ==, 1);

  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/imports/%" G_GINT64_FORMAT, id);
  got = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (got, 200, NULL);
  g_assert_cmpstr (hc_test_imports_str (got, "actor"), ==, "analyst");
  g_assert_cmpint (hc_test_imports_int (got, "accepted"), ==, 2);
  g_assert_cmpint (strlen (hc_test_imports_str (got, "file_sha256")), ==, 64);
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
  wrong = hc_test_imports_post (server, q_utf8, analyst, "text/csv", gb, gb_len);
  hc_assert_status (wrong, 422, "invalid_encoding");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no = '琼环罚〔2023〕GB-1号'"), ==, 0);

  r = hc_test_imports_post (server, q, analyst, "text/csv", gb, gb_len);
  hc_assert_status (r, 201, NULL);
  g_assert_cmpstr (hc_test_imports_str (r, "encoding"), ==, "gb18030");
  g_assert_cmpint (hc_test_imports_int (r, "accepted"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no = '琼环罚〔2023〕GB-1号'"
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

  csv = g_strdup_printf (HC_TEST_IMPORTS_HEADER
                         "%s,\"海南\"\"椰风\"\"贸易, 有限公司\",QT-1,\"海口市\n综合行政执法局\",2024-01-02,罚款,\"1200.00\",2027-01-02\n"
                         "%s,琼海博鳌会展有限公司,QT-2,琼海市市场监督管理局,2024-01-32,罚款,10,\n",
                         u1, u2);
  r = hc_test_imports_post (server, q, analyst, "text/csv", csv, strlen (csv));
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (r, "rows_read"), ==, 2);
  g_assert_cmpint (hc_test_imports_int (r, "accepted"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no = 'QT-1'"
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
  gint64 imports = hc_test_count_rows (server, "SELECT count(*) FROM imports");
  const char *header_only = "\xEF\xBB\xBF" HC_TEST_IMPORTS_HEADER;
  const char *wrong = "统一社会信用代码,主体名称,处罚机关,处罚决定日期,处罚类别\n"
                      "91460100MA5T100082,某公司,某机关,2024-01-01,罚款\n";
  const char *twice = "uscc,name,decision_no,decision_no,authority,decided_on,category\n1,2,3,4,5,6,7\n";
  g_autoptr(HcTestResponse) r1 = hc_test_imports_post (server, q, analyst, "text/csv", "", 0);
  g_autoptr(HcTestResponse) r2 = hc_test_imports_post (server, q, analyst, "text/csv", header_only, strlen (header_only));
  g_autoptr(HcTestResponse) r3 = hc_test_imports_post (server, q, analyst, "text/csv", wrong, strlen (wrong));
  g_autoptr(HcTestResponse) r4 = hc_test_imports_post (server, q, analyst, "text/csv", twice, strlen (twice));
  g_autoptr(HcTestResponse) r5 = hc_test_imports_post (server, q, analyst, "text/csv", "\n\r\n", 3);

  hc_assert_status (r1, 422, "empty_file");
  hc_assert_status (r2, 422, "no_rows");
  hc_assert_status (r3, 422, "invalid_header");
  g_assert_cmpstr (hc_test_response_error_field (r3), ==, "decision_no");
  hc_assert_status (r4, 422, "invalid_header");
  g_assert_cmpstr (hc_test_response_error_field (r4), ==, "decision_no");
  hc_assert_status (r5, 422, "empty_file");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM imports"), ==, imports);
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
  g_autoptr(GString) csv = g_string_new (HC_TEST_IMPORTS_HEADER);
  g_autoptr(GString) subjects = g_string_new ("BEGIN;");
  g_autoptr(GString) seed = g_string_new (HC_TEST_IMPORTS_HEADER);
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
  first = hc_test_imports_post (server, q = item_query (penalty_item), analyst, "text/csv", seed->str, seed->len);
  hc_assert_status (first, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (first, "accepted"), ==, 1);
  g_clear_pointer (&q, g_free);
  accepted_before = hc_test_count_rows (server, "SELECT count(*) FROM penalties");

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
  hc_test_exec_sql (server, subjects->str);

  q = g_strdup_printf ("kind=penalty&item=%" G_GINT64_FORMAT "&require_subject=1&file_name=bad-rows.csv", penalty_item);
  r = hc_test_imports_post (server, q, analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (r, "rows_read"), ==, 1000);
  g_assert_cmpint (hc_test_imports_int (r, "rejected"), ==, expect->len);
  g_assert_cmpint (hc_test_imports_int (r, "accepted"), ==, 1000 - expect->len);
  g_assert_cmpint (hc_test_imports_int (r, "uscc_errors"), ==, uscc_bad);
  g_assert_cmpint (hc_test_imports_int (r, "other_errors"), ==, expect->len - uscc_bad);
  g_assert_cmpstr (hc_test_imports_str (r, "file_name"), ==, "bad-rows.csv");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties"), ==, accepted_before + 1000 - expect->len);

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
  path = g_strdup_printf ("/imports/%" G_GINT64_FORMAT "/rejections.csv", hc_test_imports_int (r, "import_id"));
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
  const char *csv = HC_TEST_IMPORTS_HEADER
    "460100198001011236,张三,NP-1,海口市公安局,2024-02-02,罚款,200,\n"
    "460100198002301234,李四,NP-2,海口市公安局,2024-02-02,罚款,200,\n";
  g_autoptr(HcTestResponse) r = hc_test_imports_post (server, q, analyst, "text/csv", csv, strlen (csv));
  JsonObject *o;

  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (r, "accepted"), ==, 1);
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
  r = hc_test_imports_post (server, q, analyst, HC_TEST_IMPORTS_XLSX_TYPE, contents, len);
  hc_assert_status (r, 201, NULL);
  g_assert_cmpstr (hc_test_imports_str (r, "encoding"), ==, "xlsx");
  g_assert_cmpint (hc_test_imports_int (r, "rows_read"), ==, 3);
  g_assert_cmpint (hc_test_imports_int (r, "accepted"), ==, 2);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no = 'XL-1' AND amount = 3000"
                                       " AND name = '文昌航天科技有限公司' AND decided_on = '2024-07-01'"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no = 'XL-2' AND decided_on = '2024-01-01'"
                                       " AND category = 'warning'"), ==, 1);
  o = json_array_get_object_element (json_object_get_array_member (hc_test_response_object (r), "rejections"), 0);
  g_assert_cmpint (json_object_get_int_member (o, "row"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, "invalid_code");

  g_remove (file);
  g_rmdir (dir);
}

/* A file of a megabyte or more (its hash on a thread of its own) whose
 * rows take their subjects from the registered identifiers read into
 * memory: the server begins the transaction and reads them while that
 * thread also checks the file's UTF-8. The same answer as ever: the
 * subjects found, 重码 counted, GB18030 detected (and refused when said to
 * be UTF-8), the same file again refused, and nothing written by a
 * refusal. */
static void
test_big_file_checked_while_subjects_are_read (void)
{
  g_autofree char *q = item_query (penalty_item);
  g_autofree char *q_utf8 = g_strdup_printf ("%s&encoding=utf-8", q);
  g_autofree char *known = new_uscc ();
  g_autofree char *unknown = new_uscc ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO subjects (identifier, name, type, region, created_at, updated_at)"
                                          " VALUES ('%s', '海南大文件有限公司', 'legal_person', '460100', 'x', 'x')", known);
  g_autofree char *found = g_strdup_printf ("SELECT count(*) FROM penalties p JOIN subjects s ON s.id = p.subject_id"
                                            " WHERE s.identifier = '%s' AND p.decision_no LIKE 'BIG-%%'", known);
  static const char * const tags[] = { "BIGU", "BIGG" };
  gint64 penalties, imports;

  hc_test_exec_sql (server, sql);
  for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
    {
      g_autoptr(GString) csv = g_string_new (HC_TEST_IMPORTS_HEADER);
      g_autoptr(HcTestResponse) r = NULL;
      g_autoptr(HcTestResponse) again = NULL;
      g_autoptr(HcTestResponse) wrong = NULL;
      g_autofree char *gb = NULL;
      const char *body;
      gsize len = 0;
      guint rows = 0;

      g_string_append_printf (csv, "%s,海南大文件有限公司,BIG-%s-1号,海口市市场监督管理局,2024-01-02,罚款,1,\n"
                                   "%s,海南大文件另名有限公司,BIG-%s-2号,海口市市场监督管理局,2024-01-02,罚款,2,\n"
                                   "%s,海南未登记大文件有限公司,BIG-%s-3号,海口市市场监督管理局,2024-01-02,罚款,3,\n",
                              known, tags[t], known, tags[t], unknown, tags[t]);
      for (; csv->len < 1600 * 1024; rows++)
        hc_test_imports_good_row (csv, prng, tags[t], rows);
      body = csv->str;
      len = csv->len;
      if (t == 1)
        {
          gb = g_convert (csv->str, csv->len, "GB18030", "UTF-8", NULL, &len, NULL);
          g_assert_nonnull (gb);
          body = gb;
          wrong = hc_test_imports_post (server, q_utf8, analyst, "text/csv", body, len);
          hc_assert_status (wrong, 422, "invalid_encoding");
        }
      penalties = hc_test_count_rows (server, "SELECT count(*) FROM penalties");
      r = hc_test_imports_post (server, q, analyst, "text/csv", body, len);
      hc_assert_status (r, 201, NULL);
      g_assert_cmpstr (hc_test_imports_str (r, "encoding"), ==, t == 0 ? "utf-8" : "gb18030");
      g_assert_cmpint (hc_test_imports_int (r, "accepted"), ==, rows + 3);
      /* 重码: the known code under another name, and any code of the
       * random rows an earlier test brought under another name */
      {
        gint64 id = hc_test_imports_int (r, "import_id");
        g_autofree char *registered = g_strdup_printf ("SELECT count(*) FROM penalties r JOIN subjects s ON s.id = r.subject_id"
                                                       " WHERE r.import_id = %" G_GINT64_FORMAT " AND r.name <> s.name", id);
        g_autofree char *first = g_strdup_printf ("SELECT count(*) FROM penalties r JOIN uscc_first_names f ON f.uscc = r.uscc"
                                                  " WHERE r.import_id = %" G_GINT64_FORMAT " AND r.subject_id IS NULL"
                                                  " AND r.name <> f.name", id);

        g_assert_cmpint (hc_test_count_rows (server, registered), ==, 1);
        g_assert_cmpint (hc_test_imports_int (r, "uscc_duplicates"), ==, 1 + hc_test_count_rows (server, first));
      }
      g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties"), ==, penalties + rows + 3);
      g_assert_cmpint (hc_test_count_rows (server, found), ==, 2 * (t + 1));

      imports = hc_test_count_rows (server, "SELECT count(*) FROM imports");
      again = hc_test_imports_post (server, q, analyst, "text/csv", body, len);
      hc_assert_status (again, 409, "already_imported");
      g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM imports"), ==, imports);
      g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties"), ==, penalties + rows + 3);
    }
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no LIKE 'BIG-%-3号'"
                                               " AND subject_id IS NULL"), ==, 2);
}

static void
test_same_file_twice (void)
{
  g_autofree char *q = item_query (penalty_item);
  g_autofree char *q_force = g_strdup_printf ("%s&force=1", q);
  g_autoptr(GString) csv = g_string_new (HC_TEST_IMPORTS_HEADER);
  g_autoptr(HcTestResponse) r1 = NULL;
  g_autoptr(HcTestResponse) r2 = NULL;
  g_autoptr(HcTestResponse) r3 = NULL;
  g_autoptr(HcTestResponse) r4 = NULL;
  g_autofree char *location = NULL;
  gint64 imports;

  for (guint i = 0; i < 5; i++)
    hc_test_imports_good_row (csv, prng, "TW", i);
  r1 = hc_test_imports_post (server, q, analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r1, 201, NULL);
  imports = hc_test_count_rows (server, "SELECT count(*) FROM imports");

  r2 = hc_test_imports_post (server, q, analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r2, 409, "already_imported");
  location = g_strdup_printf ("/api/v1/imports/%" G_GINT64_FORMAT, hc_test_imports_int (r1, "import_id"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (hc_test_response_object (r2),
                                                                                       "error"), "message"),
                            location + strlen ("/api/v1/imports/")));
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM imports"), ==, imports);

  /* forcing it is for supervisors; the second time every row is 重码 */
  r3 = hc_test_imports_post (server, q_force, analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r3, 403, "forbidden");
  r4 = hc_test_imports_post (server, q_force, supervisor, "text/csv", csv->str, csv->len);
  hc_assert_status (r4, 201, NULL);
  g_assert_cmpint (hc_test_imports_int (r4, "accepted"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (hc_test_response_object (r4), "reasons"),
                                               "duplicate"), ==, 5);
}

static void
test_item_kind_and_roles (void)
{
  g_autoptr(GString) csv = g_string_new (HC_TEST_IMPORTS_HEADER);
  g_autofree char *q_license = item_query (license_item);
  g_autoptr(HcTestResponse) r1 = NULL;
  g_autoptr(HcTestResponse) r2 = NULL;
  g_autoptr(HcTestResponse) r3 = NULL;
  g_autoptr(HcTestResponse) r4 = NULL;
  g_autoptr(HcTestResponse) r5 = NULL;
  g_autoptr(HcTestResponse) r6 = NULL;
  gint64 imports = hc_test_count_rows (server, "SELECT count(*) FROM imports");

  hc_test_imports_good_row (csv, prng, "IK", 1);
  r1 = hc_test_imports_post (server, q_license, analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r1, 422, "invalid_item");
  r2 = hc_test_imports_post (server, "kind=penalty&item=9999", analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r2, 422, "invalid_item");
  r3 = hc_test_imports_post (server, "kind=penalty", analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r3, 422, "invalid_item");
  r4 = hc_test_imports_post (server, "kind=fines&item=11", analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r4, 422, "invalid_kind");
  r5 = hc_test_imports_post (server, "kind=penalty&item=11", NULL, "text/csv", csv->str, csv->len);
  hc_assert_status (r5, 401, NULL);
  r6 = hc_test_imports_post (server, "kind=penalty&item=abc", analyst, "text/csv", csv->str, csv->len);
  hc_assert_status (r6, 400, "invalid_parameter");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM imports"), ==, imports);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE decision_no LIKE '%IK-%'"), ==, 0);
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
  g_assert_cmpint (hc_test_imports_int (page, "total"), ==, hc_test_count_rows (server, "SELECT count(*) FROM imports"));
  hc_assert_status (missing, 404, "not_found");
  hc_assert_status (bad_by, 400, "invalid_parameter");

  by_dep = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (by_dep, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (by_dep), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (json_object_get_int_member (json_array_get_object_element (items, i), "department_id") == 901)
      dep = json_array_get_object_element (items, i);
  g_assert_nonnull (dep);
  rows_read = hc_test_count_rows (server, "SELECT sum(rows_read) FROM imports");
  uscc_errors = hc_test_count_rows (server, "SELECT sum(uscc_errors) FROM imports");
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
  analyst = hc_test_create_user (server, "analyst", "analyst");
  supervisor = hc_test_create_user (server, "supervisor", "supervisor");
  hc_test_imports_seed_catalog (server);

  g_test_add_func ("/imports/utf8-bom-chinese-header-any-order", test_utf8_bom_chinese_header_any_order);
  g_test_add_func ("/imports/gb18030-is-detected", test_gb18030_is_detected);
  g_test_add_func ("/imports/quoted-fields-with-commas-and-newlines", test_quoted_fields_with_commas_and_newlines);
  g_test_add_func ("/imports/empty-header-only-and-wrong-header-change-nothing", test_empty_header_only_and_wrong_header);
  g_test_add_func ("/imports/every-bad-row-is-reported", test_every_bad_row_is_reported);
  g_test_add_func ("/imports/natural-person-items-check-id-numbers", test_natural_person_items_check_id_numbers);
  g_test_add_func ("/imports/xlsx-from-libxlsxwriter", test_xlsx_from_libxlsxwriter);
  g_test_add_func ("/imports/too-large-is-413", test_too_large_is_413);
  g_test_add_func ("/imports/same-file-twice-is-409", test_same_file_twice);
  g_test_add_func ("/imports/big-file-checked-while-subjects-are-read", test_big_file_checked_while_subjects_are_read);
  g_test_add_func ("/imports/item-kind-and-roles", test_item_kind_and_roles);
  g_test_add_func ("/imports/list-get-and-quality", test_list_get_and_quality);

  ret = g_test_run ();
  hc_test_server_free (server);
  g_rand_free (prng);
  return ret;
}
