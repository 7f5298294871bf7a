/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of the indicators computed from the data (表1): they refuse
 * reports, have no value without data, and count catalog items, repairs
 * and list entries made through the API, by year and 市县, with the
 * records behind each count; the 2020 baseline of the list shares. The
 * tests run in order on one database: later ones count what earlier ones
 * made. */
#include "config.h"

#include <string.h>

#include "hc-core.h"
#include "hc-test-indicators.h"

static HcTestServer *server;
static const char *admin, *analyst, *supervisor;

static JsonObject *
obj (HcTestResponse *r)
{
  return hc_test_response_object (r);
}

static void
test_computed_indicator_refuses_reports (void)
{
  gint64 before = hc_test_count_rows (server, "SELECT count(*) FROM indicator_values");
  gint64 audits = hc_test_count_rows (server, "SELECT count(*) FROM audit");

  for (guint i = 0; hc_ind_computed_keys[i]; i++)
    {
      g_autoptr(HcTestResponse) put = hc_ind_put_value (server, hc_ind_computed_keys[i], 2023, analyst,
                                                        "{\"value\":50,\"evidence\":\"手工填报\"}", NULL);
      g_autoptr(HcTestResponse) rev = hc_ind_review (server, hc_ind_computed_keys[i], 2023, supervisor, "{\"decision\":\"approve\"}", "\"1\"");
      g_autoptr(JsonObject) year = hc_ind_detail_year (server, hc_ind_computed_keys[i], 2023);

      hc_assert_status (put, 409, "computed_indicator");
      hc_assert_status (rev, 409, "computed_indicator");
      g_assert_true (json_object_get_null_member (year, "state"));
      g_assert_true (json_object_has_member (year, "denominator"));
    }
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM indicator_values"), ==, before);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit"), ==, audits);
}

static void
test_computed_without_data_is_no_data (void)
{
  g_autoptr(JsonObject) update = hc_ind_list_item (server, 2022, "catalog-annual-update");

  /* Nothing to count in 2022 (no catalog, imports, repairs or subjects
   * dated then in this database): no value, not a zero. */
  for (guint i = 0; hc_ind_computed_keys[i]; i++)
    {
      g_autoptr(JsonObject) item = NULL;

      /* …but a past year without a published catalog is not done. */
      if (g_str_equal (hc_ind_computed_keys[i], "catalog-annual-update"))
        continue;
      item = hc_ind_list_item (server, 2022, hc_ind_computed_keys[i]);
      g_assert_true (json_object_get_null_member (item, "value"));
      g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "no_data");
      g_assert_cmpint (json_object_get_int_member (item, "denominator"), ==, 0);
    }
  g_assert_cmpfloat (hc_ind_number (update, "value"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (update, "numerator"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (update, "denominator"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (update, "status"), !=, "met");
  g_assert_cmpstr (json_object_get_string_member (update, "status"), !=, "no_data");
}

/* 归集率 from catalog items made through the catalog API. */
static void
test_catalog_collection_rate_from_the_catalog (void)
{
  static const struct { int year; int expected; int collected; } items[] = {
    { 2023, 100, 100 }, { 2023, 200, 150 }, { 2023, 50, 60 }, { 2023, 0, 0 },
    { 2024, 10, 10 }, { 2024, 20, 25 },
  };
  g_autoptr(HcTestResponse) dept = NULL;
  g_autoptr(JsonObject) y2023 = NULL;
  g_autoptr(JsonObject) y2024 = NULL;
  gint64 department;

  dept = hc_test_request (server, "POST", "/departments", admin, "{\"code\":\"DSJ\",\"name\":\"省大数据管理局\"}");
  hc_assert_status (dept, 201, NULL);
  department = json_object_get_int_member (obj (dept), "id");
  for (int year = 2023; year <= 2024; year++)
    {
      g_autofree char *body = g_strdup_printf ("{\"year\":%d}", year);
      g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/catalog/versions", analyst, body);

      hc_assert_status (r, 201, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *path = g_strdup_printf ("/catalog/versions/%d/items", items[i].year);
      g_autofree char *body =
        g_strdup_printf ("{\"category\":\"registration\",\"name\":\"归集测试事项%u\",\"subject_type\":\"legal_person\","
                         "\"department_id\":%" G_GINT64_FORMAT ",\"disclosure\":\"public\",\"update_frequency\":\"monthly\","
                         "\"legal_basis\":\"《海南省社会信用条例》\",\"publicity_period\":\"3年\",\"expected_records\":%d,"
                         "\"collected_records\":%d}", i, department, items[i].expected, items[i].collected);
      g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", path, analyst, body);

      hc_assert_status (r, 201, NULL);
    }

  /* 2023: 2 of the 3 items with data expected reached it. */
  y2023 = hc_ind_detail_year (server, "catalog-collection-rate", 2023);
  g_assert_cmpint (json_object_get_int_member (y2023, "numerator"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (y2023, "denominator"), ==, 3);
  g_assert_cmpfloat_with_epsilon (hc_ind_number (y2023, "value"), 200.0 / 3, 1e-6);
  g_assert_cmpstr (json_object_get_string_member (y2023, "status"), ==, "unmet");

  /* 2024: all, and the yearly average (年均) is (66.7 + 100) / 2. */
  y2024 = hc_ind_list_item (server, 2024, "catalog-collection-rate");
  g_assert_cmpfloat (hc_ind_number (y2024, "value"), ==, 100);
  g_assert_cmpfloat_with_epsilon (hc_ind_number (y2024, "aggregate"), (200.0 / 3 + 100) / 2, 1e-6);
  g_assert_cmpfloat_with_epsilon (hc_ind_number (y2024, "gap"), 90 - (200.0 / 3 + 100) / 2, 1e-6);
  g_assert_cmpstr (json_object_get_string_member (y2024, "status"), ==, "unmet");
}

/* 按年度更新优化数据目录清单 from the catalog: 2023's version (made by
 * the collection-rate test above, a draft) is not done until published,
 * and done once a supervisor publishes it. */
static void
test_catalog_update_follows_publishing (void)
{
  g_autoptr(JsonObject) draft = hc_ind_detail_year (server, "catalog-annual-update", 2023);
  g_autoptr(JsonObject) published_year = NULL;
  g_autoptr(HcTestResponse) version = hc_test_request (server, "GET", "/catalog/versions/2023", analyst, NULL);
  g_autoptr(HcTestResponse) publish = NULL;
  g_autoptr(HcTestResponse) records = NULL;
  JsonObject *rec;

  g_assert_cmpfloat (hc_ind_number (draft, "value"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (draft, "numerator"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (draft, "denominator"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (draft, "basis"), ==, "computed");

  hc_assert_status (version, 200, NULL);
  publish = hc_ind_send (server, "POST", "/catalog/versions/2023/publish", supervisor, "{}", version->etag);
  hc_assert_status (publish, 200, NULL);

  published_year = hc_ind_detail_year (server, "catalog-annual-update", 2023);
  g_assert_cmpfloat (hc_ind_number (published_year, "value"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (published_year, "numerator"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (published_year, "status"), ==, "met");
  records = hc_test_request (server, "GET", json_object_get_string_member (published_year, "records"), analyst, NULL);
  hc_assert_status (records, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj (records), "items")), ==, 1);
  rec = json_array_get_object_element (json_object_get_array_member (obj (records), "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (rec, "link"), ==, "/catalog/versions/2023");
  g_assert_cmpstr (json_object_get_string_member (rec, "detail"), ==, "published");
}

/* 修复型信用承诺 rate from the repairs: penalty repairs of the year, and
 * of those the ones with a commitment, by 市县; a list-entry repair is not
 * a 行政处罚 case and is not counted. */
static void
test_repair_commitment_rate_from_the_repairs (void)
{
  static const struct { const char *uscc; const char *region; gboolean commitment; } cases[] = {
    { "91460100MA5T30010X", "460100", TRUE }, { "91460100MA5T30020X", "460100", FALSE },
    { "91469002MA5T30030X", "469002", TRUE },
  };
  gint64 dept = hc_test_create_department (server, "ZJ-REPAIR", "省住房和城乡建设厅（修复承诺测试）");
  g_autoptr(JsonObject) before = hc_ind_detail_year (server, "repair-commitment-rate", 2022);
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) d = NULL;
  g_autoptr(HcTestResponse) records = NULL;

  g_assert_true (json_object_get_null_member (before, "value"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = NULL;
      g_autoptr(HcTestResponse) r = NULL;
      char uscc[19];

      g_strlcpy (uscc, cases[i].uscc, sizeof uscc);
      uscc[16] = hc_org_code_compute_check (uscc + 8);
      uscc[17] = '\0';
      uscc[17] = hc_uscc_compute_check (uscc);
      uscc[18] = '\0';
      hc_test_create_subject (server, uscc, "修复承诺测试有限公司", "legal_person", cases[i].region);
      body = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"reason\":\"已整改\","
                              "\"applied_on\":\"2022-04-0%u\",\"commitment\":%s,\"department\":%" G_GINT64_FORMAT "}",
                              uscc, i + 1, cases[i].commitment ? "true" : "false", dept);
      r = hc_test_request (server, "POST", "/repairs", analyst, body);
      hc_assert_status (r, 201, NULL);
    }

  after = hc_ind_detail_year (server, "repair-commitment-rate", 2022);
  g_assert_cmpint (json_object_get_int_member (after, "numerator"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (after, "denominator"), ==, 3);
  g_assert_cmpfloat_with_epsilon (hc_ind_number (after, "value"), 200.0 / 3, 1e-4);
  d = hc_ind_detail (server, "repair-commitment-rate");
  g_assert_cmpint (json_object_get_int_member (hc_ind_region_year (d, "460100", 2022), "numerator"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (hc_ind_region_year (d, "460100", 2022), "denominator"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (hc_ind_region_year (d, "460100", 2022), "status"), ==, "unmet");
  g_assert_cmpstr (json_object_get_string_member (hc_ind_region_year (d, "469002", 2022), "status"), ==, "met");
  records = hc_test_request (server, "GET", "/indicators/repair-commitment-rate/values/2022/records?region=460100",
                             analyst, NULL);
  hc_assert_status (records, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj (records), "items")), ==, 2);
}

/* 信用修复超期核查率 from cases made through the subjects and repairs APIs.
 * Decisions taken today come after a deadline of 2024: all are overdue. */
static void
test_repair_overdue_rate_from_the_repairs (void)
{
  static const char * const subjects[][2] = {
    { "91460100MA5T100082", "460100" }, { "91460200MA5T100162", "460200" },
  };
  g_autoptr(JsonObject) y2024 = NULL;
  g_autoptr(HcTestResponse) detail = NULL;
  g_autoptr(HcTestResponse) records = NULL;
  g_autoptr(HcTestResponse) one_region = NULL;
  g_autoptr(HcTestResponse) reported = NULL;
  g_autoptr(HcTestResponse) bad_year = NULL;
  g_autoptr(HcTestResponse) bad_region = NULL;
  JsonArray *regions, *items;
  gint64 decided_id = 0;
  /* 谁认定、谁修复: the department that decided the penalties decides */
  gint64 tax = hc_test_create_department (server, "SW-REPAIR", "国家税务总局海南省税务局（修复测试）");
  const char *tax_supervisor = hc_test_create_user_in (server, "tax_supervisor", "supervisor", tax);

  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"超期核查测试%u有限公司\","
                                               "\"type\":\"legal_person\",\"region\":\"%s\",\"industry\":\"批发零售\"}",
                                               subjects[i][0], i, subjects[i][1]);
      g_autofree char *repair = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"reason\":\"已完成整改\","
                                                 "\"applied_on\":\"2024-03-0%u\",\"department\":%" G_GINT64_FORMAT "}",
                                                 subjects[i][0], i + 1, tax);
      g_autoptr(HcTestResponse) s = hc_test_request (server, "POST", "/subjects", analyst, body);
      g_autoptr(HcTestResponse) r = NULL;

      hc_assert_status (s, 201, NULL);
      r = hc_test_request (server, "POST", "/repairs", analyst, repair);
      hc_assert_status (r, 201, NULL);
      if (i == 0)
        {
          g_autofree char *path = g_strdup_printf ("/repairs/%" G_GINT64_FORMAT "/decision",
                                                   json_object_get_int_member (obj (r), "id"));
          g_autoptr(HcTestResponse) d = hc_ind_send (server, "POST", path, tax_supervisor, "{\"decision\":\"approve\"}", r->etag);

          hc_assert_status (d, 200, NULL);
          decided_id = json_object_get_int_member (obj (r), "id");
        }
    }
  g_assert_cmpint (decided_id, >, 0);

  y2024 = hc_ind_detail_year (server, "repair-overdue-rate", 2024);
  g_assert_cmpint (json_object_get_int_member (y2024, "numerator"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (y2024, "denominator"), ==, 2);
  g_assert_cmpfloat (hc_ind_number (y2024, "value"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (y2024, "status"), ==, "unmet");

  detail = hc_test_request (server, "GET", "/indicators/repair-overdue-rate", analyst, NULL);
  regions = json_object_get_array_member (obj (detail), "regions");
  /* Every 市县, each with its own counts. */
  g_assert_cmpuint (json_array_get_length (regions), ==, 19);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (regions, 0), "region"), ==, "460100");
  g_assert_cmpint (json_object_get_int_member (hc_ind_region_year (obj (detail), "460200", 2024), "denominator"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (hc_ind_region_year (obj (detail), "460200", 2024), "records"), ==,
                   "/indicators/repair-overdue-rate/values/2024/records?region=460200");

  /* The records behind the counts, each saying whether it is overdue. */
  g_assert_cmpstr (json_object_get_string_member (y2024, "records"), ==,
                   "/indicators/repair-overdue-rate/values/2024/records");
  records = hc_test_request (server, "GET", json_object_get_string_member (y2024, "records"), analyst, NULL);
  hc_assert_status (records, 200, NULL);
  items = json_object_get_array_member (obj (records), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *rec = json_array_get_object_element (items, i);

      g_assert_cmpstr (json_object_get_string_member (rec, "type"), ==, "repair");
      g_assert_cmpint (json_object_get_int_member (rec, "counted"), ==, 1);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (rec, "link"), "/repairs/"));
    }
  one_region = hc_test_request (server, "GET", "/indicators/repair-overdue-rate/values/2024/records?region=460200",
                                analyst, NULL);
  hc_assert_status (one_region, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj (one_region), "items")), ==, 1);
  /* The listing exports through the one export mechanism: the same rows. */
  {
    g_autoptr(HcTestResponse) csv = hc_test_request_accept (server, "GET", "/indicators/repair-overdue-rate/values/2024/records",
                                                            analyst, NULL, NULL, NULL, "text/csv");
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;

    hc_assert_status (csv, 200, NULL);
    g_assert_cmpstr (csv->content_type, ==, "text/csv");
    text = g_strndup (g_bytes_get_data (csv->body, NULL), g_bytes_get_size (csv->body));
    g_assert_nonnull (strstr (text, "记录类型,编号,主体名称,统一社会信用代码/身份证号码,市县,内容,日期,计入分子"));
    g_assert_nonnull (strstr (text, "信用修复"));
    lines = g_strsplit_set (g_strstrip (text), "\n", -1);
    /* The header and the two repairs. */
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_true (g_str_has_suffix (g_strstrip (lines[1]), ",是"));
  }
  /* An English reader gets English headers, labels and 市县 names. */
  {
    g_autofree char *english = hc_test_get_csv (server, "/indicators/repair-overdue-rate/values/2024/records",
                                                analyst, "en");

    g_assert_nonnull (strstr (english, "Record type,Reference,Subject name,USCC / ID number,City or county,"
                                       "Content,Date,Counted in numerator"));
    g_assert_nonnull (strstr (english, "Credit repair,"));
    g_assert_nonnull (strstr (english, ",Sanya,"));
    g_assert_nonnull (strstr (english, ",Yes"));
    g_assert_null (strstr (english, "信用修复"));
    g_assert_null (strstr (english, "三亚市"));
  }
  reported = hc_test_request (server, "GET", "/indicators/shared-data-sources/values/2024/records", analyst, NULL);
  hc_assert_status (reported, 409, "not_computed");
  bad_year = hc_test_request (server, "GET", "/indicators/repair-overdue-rate/values/2030/records", analyst, NULL);
  hc_assert_status (bad_year, 422, "invalid_year");
  bad_region = hc_test_request (server, "GET", "/indicators/repair-overdue-rate/values/2024/records?region=1",
                                analyst, NULL);
  hc_assert_status (bad_region, 422, "invalid_region");
}

/* List shares (守信激励名单 share of enterprises in business): the
 * denominator counts organisations registered by the year's end, by 市县,
 * not persons; an entry published after the year's end is not counted.
 * (Entries made through the API are dated today, after the plan period, so
 * a numerator above 0 cannot be set up through the API here.) */
static void
test_list_share_counts_organisations_in_business (void)
{
  static const char * const subjects[][4] = {
    { "91460400MA5T100247", "legal_person", "460400", "2021-05-01" },
    { "91469005MA5T100325", "legal_person", "469005", "2023-02-01" },
    { "460100197512310014", "natural_person", "460100", "2021-01-01" },
  };
  g_autoptr(HcTestResponse) dept = NULL;
  g_autoptr(HcTestResponse) entry = NULL;
  g_autoptr(HcTestResponse) noticed = NULL;
  g_autoptr(HcTestResponse) published = NULL;
  g_autoptr(HcTestResponse) detail = NULL;
  g_autofree char *entry_body = NULL;
  g_autofree char *path = NULL;
  JsonArray *values, *regions;

  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"名单占比测试%u\",\"type\":\"%s\","
                                               "\"region\":\"%s\",\"industry\":\"住宿餐饮\",\"registered_on\":\"%s\"}",
                                               subjects[i][0], i, subjects[i][1], subjects[i][2], subjects[i][3]);
      g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/subjects", analyst, body);

      hc_assert_status (r, 201, NULL);
    }
  dept = hc_test_request (server, "POST", "/departments", admin, "{\"code\":\"SW\",\"name\":\"国家税务总局海南省税务局\"}");
  hc_assert_status (dept, 201, NULL);
  entry_body = g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《纳税信用管理办法（试行）》\","
                                "\"facts\":\"连续三年纳税信用A级\",\"measures\":[\"red.green_channel\"]}",
                                subjects[0][0], json_object_get_int_member (obj (dept), "id"));
  entry = hc_test_request (server, "POST", "/lists/red/entries", analyst, entry_body);
  hc_assert_status (entry, 201, NULL);
  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", json_object_get_int_member (obj (entry), "id"));
  noticed = hc_ind_send (server, "POST", path, analyst, "{\"action\":\"notice\",\"reason\":\"已告知\"}", entry->etag);
  hc_assert_status (noticed, 200, NULL);
  published = hc_ind_send (server, "POST", path, analyst, "{\"action\":\"publish\",\"reason\":\"公示\"}", noticed->etag);
  hc_assert_status (published, 200, NULL);

  detail = hc_test_request (server, "GET", "/indicators/incentive-list-share-growth", analyst, NULL);
  hc_assert_status (detail, 200, NULL);
  values = json_object_get_array_member (obj (detail), "values");
  /* values[0] is the baseline year 2020; 2021–2025 follow. */
  g_assert_cmpuint (json_array_get_length (values), ==, 6);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *v = json_array_get_object_element (values, i + 1);

      g_assert_cmpint (json_object_get_int_member (v, "numerator"), ==, 0);
      g_assert_cmpint (json_object_get_int_member (v, "denominator"), ==, i < 2 ? 1 : 2);
      g_assert_cmpfloat (hc_ind_number (v, "value"), ==, 0);
      /* A baseline share of 0 gives no change to measure. */
      g_assert_cmpstr (json_object_get_string_member (v, "status"), ==, "no_data");
    }
  /* The records behind the numerator: the organisations on the list at
   * the year's end — none here, as the numerator says. */
  {
    JsonObject *y2025 = json_array_get_object_element (values, 5);
    g_autoptr(HcTestResponse) records = NULL;
    g_autoptr(HcTestResponse) black = NULL;

    g_assert_cmpstr (json_object_get_string_member (y2025, "records"), ==,
                     "/indicators/incentive-list-share-growth/values/2025/records");
    records = hc_test_request (server, "GET", json_object_get_string_member (y2025, "records"), analyst, NULL);
    hc_assert_status (records, 200, NULL);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj (records), "items")), ==, 0);
    black = hc_test_request (server, "GET", "/indicators/serious-dishonesty-share-decline/values/2024/records?region=460400",
                             analyst, NULL);
    hc_assert_status (black, 200, NULL);
  }
  /* Every 市县; those without organisations have nothing to count. */
  regions = json_object_get_array_member (obj (detail), "regions");
  g_assert_cmpuint (json_array_get_length (regions), ==, 19);
  g_assert_cmpint (json_object_get_int_member (hc_ind_region_year (obj (detail), "460400", 2023), "denominator"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (hc_ind_region_year (obj (detail), "469005", 2023), "denominator"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (hc_ind_region_year (obj (detail), "460100", 2023), "denominator"), ==, 0);
}

/* 表1's "降至10%以下": 以下 includes the number, so 10.0% meets it. Ten
 * 行政处罚信息 repairs of 2023, nine decided on their application day, one
 * left overdue: 10.0%. An overdue repair of a list entry in the same year is
 * not a penalty repair and is not counted. */
static void
test_ten_percent_overdue_is_met (void)
{
  g_autoptr(HcTestResponse) dept = NULL;
  g_autoptr(HcTestResponse) entry = NULL;
  g_autoptr(HcTestResponse) noticed = NULL;
  g_autoptr(HcTestResponse) published = NULL;
  g_autoptr(HcTestResponse) entry_repair = NULL;
  g_autoptr(JsonObject) y2023 = NULL;
  g_autoptr(JsonObject) item = NULL;
  g_autofree char *entry_body = NULL;
  g_autofree char *entry_path = NULL;
  g_autofree char *entry_repair_body = NULL;
  gint64 first_id = 0, last_id = 0;
  gint64 decider = hc_test_create_department (server, "SJ-REPAIR", "省审计厅（修复测试）");

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("核查率十分之一测试%u有限公司", i);
      g_autofree char *repair = NULL;
      g_autoptr(HcTestResponse) r = NULL;
      char uscc[19];

      g_snprintf (uscc, sizeof uscc, "91460100%08u", 20230500 + i);
      uscc[16] = hc_org_code_compute_check (uscc + 8);
      uscc[17] = '\0';
      uscc[17] = hc_uscc_compute_check (uscc);
      uscc[18] = '\0';
      hc_test_create_subject (server, uscc, name, "legal_person", "460100");
      repair = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"penalty\",\"reason\":\"罚款已缴清\","
                                "\"applied_on\":\"2023-05-%02u\",\"department\":%" G_GINT64_FORMAT "}",
                                uscc, i + 1, decider);
      r = hc_test_request (server, "POST", "/repairs", analyst, repair);
      hc_assert_status (r, 201, NULL);
      if (i == 0)
        first_id = json_object_get_int_member (obj (r), "id");
      last_id = json_object_get_int_member (obj (r), "id");

      if (i == 9)
        {
          /* Overdue, on a list entry of the same subject: not counted. */
          dept = hc_test_request (server, "POST", "/departments", admin,
                                  "{\"code\":\"SCJG\",\"name\":\"海南省市场监督管理局\"}");
          hc_assert_status (dept, 201, NULL);
          entry_body = g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ","
                                        "\"basis\":\"《海南自由贸易港社会信用条例》\",\"measures\":[\"black.no_subsidies\"]}",
                                        uscc, json_object_get_int_member (obj (dept), "id"));
          entry = hc_test_request (server, "POST", "/lists/black/entries", analyst, entry_body);
          hc_assert_status (entry, 201, NULL);
          entry_path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions",
                                        json_object_get_int_member (obj (entry), "id"));
          /* Four eyes: a supervisor who did not propose it publishes it,
           * with no notice period for this test's list type (the notice
           * keeps the period in force when it is given). */
          {
            g_autoptr(HcTestResponse) days = hc_test_request (server, "PATCH", "/list-types/black", admin,
                                                              "{\"notice_days\":0}");
            hc_assert_status (days, 200, NULL);
          }
          noticed = hc_ind_send (server, "POST", entry_path, analyst, "{\"action\":\"notice\"}", entry->etag);
          hc_assert_status (noticed, 200, NULL);
          published = hc_ind_send (server, "POST", entry_path, supervisor, "{\"action\":\"publish\"}", noticed->etag);
          hc_assert_status (published, 200, NULL);
          entry_repair_body = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"list_entry\",\"entry_id\":%"
                                               G_GINT64_FORMAT ",\"reason\":\"已履行全部义务\",\"applied_on\":\"2023-06-01\"}",
                                               uscc, json_object_get_int_member (obj (entry), "id"));
          entry_repair = hc_test_request (server, "POST", "/repairs", analyst, entry_repair_body);
          hc_assert_status (entry_repair, 201, NULL);
        }
    }

  /* Nine decided on the day they were applied for (the API dates a
   * decision today, after the plan period). */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE repairs SET state = 'approved', decided_on = applied_on,"
                                            " decided_by = 'supervisor' WHERE kind = 'penalty'"
                                            " AND id BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT,
                                            first_id, last_id - 1);
    hc_test_server_backdate (server, sql);
  }

  y2023 = hc_ind_detail_year (server, "repair-overdue-rate", 2023);
  g_assert_cmpint (json_object_get_int_member (y2023, "numerator"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (y2023, "denominator"), ==, 10);
  g_assert_cmpfloat (hc_ind_number (y2023, "value"), ==, 10.0);
  g_assert_cmpstr (json_object_get_string_member (y2023, "status"), ==, "met");
  g_assert_cmpfloat (hc_ind_number (y2023, "gap"), ==, 0);

  item = hc_ind_list_item (server, 2023, "repair-overdue-rate");
  g_assert_cmpstr (json_object_get_string_member (item, "op"), ==, "<=");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "met");
}

/* 2020 (十三五末) is the baseline of the two "提升/下降超过10%" list shares:
 * it can be reported by hand (and reviewed) though the shares are computed,
 * and the change is stated as relative to it. Other years of a computed
 * indicator, and 2020 of any other indicator, are refused. */
static void
test_baseline_2020 (void)
{
  g_autoptr(HcTestResponse) reported = NULL;
  g_autoptr(HcTestResponse) approved = NULL;
  g_autoptr(HcTestResponse) plan_year = NULL;
  g_autoptr(HcTestResponse) too_early = NULL;
  g_autoptr(HcTestResponse) other = NULL;
  g_autoptr(HcTestResponse) detail = NULL;
  g_autoptr(JsonObject) item = NULL;
  JsonArray *values;
  JsonObject *base, *y2024;
  gint64 before = hc_test_count_rows (server, "SELECT count(*) FROM indicator_values");

  plan_year = hc_ind_put_value (server, "incentive-list-share-growth", 2021, analyst, "{\"value\":1.5,\"evidence\":\"统计\"}", NULL);
  hc_assert_status (plan_year, 409, "computed_indicator");
  too_early = hc_ind_put_value (server, "incentive-list-share-growth", 2019, analyst, "{\"value\":1.5,\"evidence\":\"统计\"}", NULL);
  hc_assert_status (too_early, 409, "computed_indicator");
  other = hc_ind_put_value (server, "credit-verification-coverage", 2020, analyst, "{\"value\":50,\"evidence\":\"统计\"}", NULL);
  hc_assert_status (other, 422, "invalid_year");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM indicator_values"), ==, before);

  item = hc_ind_list_item (server, 2024, "incentive-list-share-growth");
  g_assert_cmpstr (json_object_get_string_member (item, "change"), ==, "relative");
  g_assert_cmpint (json_object_get_int_member (item, "baseline_year"), ==, 2020);

  reported = hc_ind_put_value (server, "incentive-list-share-growth", 2020, analyst,
                               "{\"value\":40,\"evidence\":\"2020年末守信激励名单企业占比统计\"}", NULL);
  hc_assert_status (reported, 201, NULL);
  approved = hc_ind_review (server, "incentive-list-share-growth", 2020, supervisor, "{\"decision\":\"approve\"}", reported->etag);
  hc_assert_status (approved, 200, NULL);
  g_assert_cmpint (hc_ind_audit_count (server, "indicator_value.submit", "incentive-list-share-growth/2020"), ==, 1);

  detail = hc_test_request (server, "GET", "/indicators/incentive-list-share-growth", analyst, NULL);
  hc_assert_status (detail, 200, NULL);
  values = json_object_get_array_member (obj (detail), "values");
  g_assert_cmpuint (json_array_get_length (values), ==, 6);
  base = json_array_get_object_element (values, 0);
  g_assert_cmpint (json_object_get_int_member (base, "year"), ==, 2020);
  g_assert_cmpfloat (hc_ind_number (base, "value"), ==, 40);
  g_assert_cmpstr (json_object_get_string_member (base, "state"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (base, "reviewed_by"), ==, "supervisor");

  /* 2024 is computed from the data (earlier tests registered enterprises,
   * none on the red list by then): its change is relative to 40. */
  y2024 = json_array_get_object_element (values, 4);
  g_assert_cmpint (json_object_get_int_member (y2024, "year"), ==, 2024);
  g_assert_true (json_object_has_member (y2024, "denominator"));
  g_assert_cmpint (json_object_get_int_member (y2024, "denominator"), >, 0);
  g_assert_cmpfloat_with_epsilon (hc_ind_number (y2024, "aggregate"), (hc_ind_number (y2024, "value") - 40) / 40 * 100, 1e-6);
  g_assert_cmpstr (json_object_get_string_member (y2024, "status"), !=, "no_data");
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  server = hc_ind_server_new ();
  admin = hc_test_server_token (server, "admin");
  analyst = hc_test_server_token (server, "analyst");
  supervisor = hc_test_server_token (server, "supervisor");

  g_test_add_func ("/indicators/computed-indicator-refuses-reports", test_computed_indicator_refuses_reports);
  g_test_add_func ("/indicators/computed-without-data-is-no-data", test_computed_without_data_is_no_data);
  g_test_add_func ("/indicators/catalog-collection-rate-from-the-catalog",
                   test_catalog_collection_rate_from_the_catalog);
  g_test_add_func ("/indicators/repair-overdue-rate-from-the-repairs", test_repair_overdue_rate_from_the_repairs);
  g_test_add_func ("/indicators/list-share-counts-organisations-in-business",
                   test_list_share_counts_organisations_in_business);
  g_test_add_func ("/indicators/catalog-update-follows-publishing", test_catalog_update_follows_publishing);
  g_test_add_func ("/indicators/repair-commitment-rate-from-the-repairs",
                   test_repair_commitment_rate_from_the_repairs);
  g_test_add_func ("/indicators/ten-percent-overdue-is-met", test_ten_percent_overdue_is_met);
  g_test_add_func ("/indicators/baseline-2020", test_baseline_2020);

  ret = g_test_run ();
  hc_test_server_free (server);
  return ret;
}
