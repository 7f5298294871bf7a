/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of exports: a listing asked for CSV or XLSX answers its whole
 * result with its own filters, masked as the listing is for the role,
 * audited, and with memory that does not grow with the number of rows. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hc-core.h"
#include "hc-test-server.h"

#define CSV_TYPE  "text/csv"
#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

static HcTestServer *server;
static char *analyst;
static GPtrArray *person_ids;   /* the full ID numbers registered */

static HcTestResponse *
get (const char *path,
     const char *token,
     const char *accept)
{
  return hc_test_request_accept (server, "GET", path, token, NULL, NULL, NULL, accept);
}

static gint64
listing_total (const char *path,
               const char *token)
{
  g_autofree char *p = g_strconcat (path, strchr (path, '?') ? "&" : "?", "total=1&limit=1", NULL);
  g_autoptr(HcTestResponse) r = get (p, token, NULL);

  hc_assert_status (r, 200, NULL);
  return json_object_get_int_member (hc_test_response_object (r), "total");
}

/* The listing's identifiers, all pages (the test data fits in one). */
static GHashTable *
listing_identifiers (const char *path,
                     const char *token)
{
  g_autofree char *p = g_strconcat (path, strchr (path, '?') ? "&" : "?", "limit=1000", NULL);
  g_autoptr(HcTestResponse) r = get (p, token, NULL);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *items;

  hc_assert_status (r, 200, NULL);
  g_assert_true (json_object_get_null_member (hc_test_response_object (r), "next_cursor") ||
                 json_object_get_string_member (hc_test_response_object (r), "next_cursor") == NULL);
  items = json_object_get_array_member (hc_test_response_object (r), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_hash_table_add (set, g_strdup (json_object_get_string_member (json_array_get_object_element (items, i),
                                                                    "identifier")));
  return set;
}

/* Splits a CSV body into records of fields (RFC 4180: quoted fields may hold
 * commas, doubled quotes and line breaks). */
static GPtrArray *
parse_csv (const char *text,
           gsize       len)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (quoted)
        {
          if (c == '"' && i + 1 < len && text[i + 1] == '"')
            {
              g_string_append_c (field, '"');
              i++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, c);
        }
      else if (c == '"')
        quoted = TRUE;
      else if (c == ',')
        {
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
        {
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
          i++;
        }
      else
        {
          /* RFC 4180 ends records with CRLF; a bare LF outside quotes is a defect. */
          g_assert_cmpint (c, !=, '\n');
          g_string_append_c (field, c);
        }
    }
  g_assert_false (quoted);
  g_assert_cmpuint (record->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (record);
  g_string_free (field, TRUE);
  return records;
}

static GPtrArray *
csv_export (const char *path,
            const char *token)
{
  g_autoptr(HcTestResponse) r = get (path, token, CSV_TYPE);
  gsize len;
  const char *data;

  hc_assert_status (r, 200, NULL);
  g_assert_cmpstr (r->content_type, ==, CSV_TYPE);
  data = g_bytes_get_data (r->body, &len);
  g_assert_cmpuint (len, >=, 3);
  g_assert_cmpmem (data, 3, "\xEF\xBB\xBF", 3);   /* the BOM */
  g_assert_true (g_utf8_validate (data + 3, len - 3, NULL));
  return parse_csv (data + 3, len - 3);
}

#define FIELD(records, row, col) \
  ((const char *) g_ptr_array_index ((GPtrArray *) g_ptr_array_index ((records), (row)), (col)))

static void
test_exports_csv_has_the_listing_rows (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autoptr(GPtrArray) records = csv_export ("/subjects?region=460100", admin);
  g_autoptr(GHashTable) listed = listing_identifiers ("/subjects?region=460100", admin);
  gint64 total = listing_total ("/subjects?region=460100", admin);

  g_assert_cmpint (total, >, 30);
  g_assert_cmpint (records->len - 1, ==, total);
  g_assert_cmpstr (FIELD (records, 0, 0), ==, "统一社会信用代码/身份证号码");
  g_assert_cmpstr (FIELD (records, 0, 1), ==, "名称");
  for (guint i = 1; i < records->len; i++)
    {
      g_assert_true (g_hash_table_contains (listed, FIELD (records, i, 0)));
      g_assert_cmpstr (FIELD (records, i, 3), ==, "海口市");
    }
  /* The whole result, not one page: more rows than a default page. */
  {
    g_autoptr(GPtrArray) all = csv_export ("/subjects?limit=2", admin);

    g_assert_cmpint (all->len - 1, ==, listing_total ("/subjects", admin));
  }
}

static void
test_exports_csv_quotes_and_defuses (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autofree char *uscc = hc_test_make_uscc ("460200");
  g_autofree char *uscc2 = hc_test_make_uscc ("460200");
  g_autoptr(GPtrArray) records = NULL;
  gboolean seen_formula = FALSE, seen_quoted = FALSE;

  hc_test_create_subject (server, uscc, "=HYPERLINK(\"http://x\",\"点击\")", "legal_person", "460200");
  hc_test_create_subject (server, uscc2, "三亚\"椰风\",贸易有限公司", "legal_person", "460200");
  records = csv_export ("/subjects?region=460200", admin);
  for (guint i = 1; i < records->len; i++)
    {
      if (g_str_equal (FIELD (records, i, 0), uscc))
        {
          g_assert_cmpstr (FIELD (records, i, 1), ==, "'=HYPERLINK(\"http://x\",\"点击\")");
          seen_formula = TRUE;
        }
      if (g_str_equal (FIELD (records, i, 0), uscc2))
        {
          g_assert_cmpstr (FIELD (records, i, 1), ==, "三亚\"椰风\",贸易有限公司");
          seen_quoted = TRUE;
        }
    }
  g_assert_true (seen_formula);
  g_assert_true (seen_quoted);
}

/* Runs python3's openpyxl (Debian's python3-openpyxl) on @path: the sheet's
 * rows, one per line, cells joined by a tab, then the frozen cell. */
static char *
read_xlsx (const char *path)
{
  const char *python = g_getenv ("HC_PYTHON3") ? g_getenv ("HC_PYTHON3") : "/usr/bin/python3";
  const char *script =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "ws = wb.worksheets[0]\n"
    "for row in ws.iter_rows(values_only=True):\n"
    "    print('\\t'.join('' if v is None else str(v) for v in row))\n"
    "print('frozen', ws.freeze_panes)\n"
    "print('width', ws.column_dimensions['B'].width)\n";
  const char *argv[] = { python, "-c", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("openpyxl could not read the export: %s", err);
  return g_steal_pointer (&out);
}

static char *
response_xlsx_text (HcTestResponse *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  char *text;
  int fd;

  g_assert_cmpstr (r->content_type, ==, XLSX_TYPE);
  fd = g_file_open_tmp ("hc-export-XXXXXX.xlsx", &tmp, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (tmp, g_bytes_get_data (r->body, NULL), g_bytes_get_size (r->body), &error);
  g_assert_no_error (error);
  text = read_xlsx (tmp);
  g_unlink (tmp);
  return text;
}

static void
test_exports_xlsx_opens_with_the_same_rows (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autoptr(HcTestResponse) r = get ("/subjects?region=460100", admin, XLSX_TYPE);
  g_autoptr(GHashTable) listed = listing_identifiers ("/subjects?region=460100", admin);
  gint64 total = listing_total ("/subjects?region=460100", admin);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n;

  hc_assert_status (r, 200, NULL);
  text = response_xlsx_text (r);

  lines = g_strsplit (g_strchomp (text), "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, ==, total + 1 + 2);   /* header, rows, frozen, width */
  g_assert_true (g_str_has_prefix (lines[0], "统一社会信用代码/身份证号码\t名称\t主体类型\t市县"));
  for (guint i = 1; i < n - 2; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      g_assert_true (g_hash_table_contains (listed, cells[0]));
    }
  g_assert_cmpstr (lines[n - 2], ==, "frozen A2");
  g_assert_true (g_str_has_prefix (lines[n - 1], "width 36"));   /* 36 characters, plus padding */
}

/* An analyst's export shows ID numbers exactly as the analyst's listing
 * does: masked. The administrator's shows them whole. */
static void
test_exports_mask_as_the_listing (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autoptr(GPtrArray) as_analyst = csv_export ("/subjects?type=natural_person", analyst);
  g_autoptr(GPtrArray) as_admin = csv_export ("/subjects?type=natural_person", admin);
  g_autoptr(GHashTable) listed = listing_identifiers ("/subjects?type=natural_person", analyst);
  g_autoptr(HcTestResponse) xlsx = get ("/subjects?type=natural_person", analyst, XLSX_TYPE);
  g_autofree char *body = NULL;

  g_assert_cmpuint (as_analyst->len - 1, ==, person_ids->len);
  for (guint i = 1; i < as_analyst->len; i++)
    {
      const char *id = FIELD (as_analyst, i, 0);

      g_assert_true (g_hash_table_contains (listed, id));
      g_assert_nonnull (strchr (id, '*'));
      for (guint j = 0; j < person_ids->len; j++)
        g_assert_cmpstr (id, !=, g_ptr_array_index (person_ids, j));
    }
  for (guint i = 1; i < as_admin->len; i++)
    g_assert_null (strchr (FIELD (as_admin, i, 0), '*'));

  /* nor does a full number show anywhere in the spreadsheet */
  hc_assert_status (xlsx, 200, NULL);
  body = response_xlsx_text (xlsx);
  g_assert_nonnull (strstr (body, "王明"));
  for (guint j = 0; j < person_ids->len; j++)
    g_assert_null (strstr (body, g_ptr_array_index (person_ids, j)));
}

static void
test_exports_are_audited (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  gint64 before = hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'export'");
  g_autoptr(GPtrArray) records = csv_export ("/subjects?region=460100&q=%E6%B5%B7%E5%8F%A3", analyst);
  g_autoptr(HcTestResponse) audit = get ("/audit?entity=%2Fsubjects&limit=1", admin, NULL);
  JsonObject *entry, *after, *filters;

  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'export'"), ==,
                   before + 1);
  hc_assert_status (audit, 200, NULL);
  entry = json_array_get_object_element (json_object_get_array_member (hc_test_response_object (audit), "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "export");
  g_assert_cmpstr (json_object_get_string_member (entry, "actor"), ==, "li.fen");
  after = json_object_get_object_member (entry, "after");
  g_assert_cmpstr (json_object_get_string_member (after, "format"), ==, "csv");
  g_assert_cmpstr (json_object_get_string_member (after, "route"), ==, "/subjects");
  g_assert_cmpint (json_object_get_int_member (after, "rows"), ==, records->len - 1);
  filters = json_object_get_object_member (after, "filters");
  g_assert_cmpstr (json_object_get_string_member (filters, "region"), ==, "460100");
  g_assert_cmpstr (json_object_get_string_member (filters, "q"), ==, "海口");
}

/* Without an Accept we offer, and on a bad filter, the answer is JSON; a
 * route that is no listing answers as it always does. */
static void
test_exports_other_answers_stay_json (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  const char *accepts[] = { "text/html", "application/xml", "application/json", "*/*",
                            "text/csv;q=0.2, application/json", NULL };
  gint64 before = hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'export'");

  for (guint i = 0; accepts[i] != NULL; i++)
    {
      g_autoptr(HcTestResponse) r = get ("/subjects?limit=1", admin, accepts[i]);

      hc_assert_status (r, 200, NULL);
      g_assert_cmpstr (r->content_type, ==, "application/json");
      g_assert_true (json_object_has_member (hc_test_response_object (r), "items"));
    }
  {
    g_autoptr(HcTestResponse) bad = get ("/subjects?region=999999", admin, CSV_TYPE);
    g_autoptr(HcTestResponse) one = get ("/session", admin, CSV_TYPE);
    g_autoptr(HcTestResponse) none = get ("/subjects", NULL, CSV_TYPE);

    hc_assert_status (bad, 400, "invalid_parameter");
    g_assert_cmpstr (bad->content_type, ==, "application/json");
    hc_assert_status (one, 200, NULL);
    g_assert_cmpstr (one->content_type, ==, "application/json");
    hc_assert_status (none, 401, NULL);
  }
  /* Only what was exported is audited. */
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'export'"), ==, before);
}

/* Every listing exports, the ones without a column table too. */
static void
test_exports_every_listing (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  const char *paths[] = { "/users", "/audit", "/risk/events", "/repairs", "/imports",
                          "/lists/match-runs", "/list-types", "/catalog/versions", NULL };

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(HcTestResponse) r = get (paths[i], admin, CSV_TYPE);

      hc_assert_status (r, 200, NULL);
      g_assert_cmpstr (r->content_type, ==, CSV_TYPE);
    }
}

/* openapi.json names the alternate types on every listing. */
static void
test_exports_are_documented (void)
{
  g_autoptr(HcTestResponse) r = get ("/openapi.json", NULL, NULL);
  const char *listings[] = { "/subjects", "/audit", "/risk/events", "/lists/{type}/entries", NULL };
  JsonObject *paths;

  hc_assert_status (r, 200, NULL);
  paths = json_object_get_object_member (hc_test_response_object (r), "paths");
  for (guint i = 0; listings[i] != NULL; i++)
    {
      JsonObject *content =
        json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (
          json_object_get_object_member (json_object_get_object_member (paths, listings[i]), "get"),
          "responses"), "200"), "content");

      g_assert_true (json_object_has_member (content, CSV_TYPE));
      g_assert_true (json_object_has_member (content, XLSX_TYPE));
    }
}

static gint64
status_kb (GPid        pid,
           const char *key)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *text = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  line = strstr (text, key);
  g_assert_nonnull (line);
  return g_ascii_strtoll (line + strlen (key) + 1, NULL, 10);
}

#define BIG_ROWS   300000
/* What the server may hold whatever the size: SQLite's page cache (64 MiB
 * per connection, hcs-store.c) and a little more. Over PostgreSQL the
 * export is read a page (1,000 rows, one statement each) at a time as
 * over SQLite, each page's PGresult freed before the next (the database's
 * cache is in its own processes, not the server's). */
#define BOUND_KB   ((64 + 24) * 1024)

/* Far more rows than the server may hold: its peak memory (VmHWM) grows
 * by less than the bound while the export is more than twice as large. */
static void
test_exports_memory_stays_flat (void)
{
  g_autoptr(HcTestServer) big = NULL;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 280, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *buf = g_malloc (65536);
  const char *old_asan = g_getenv ("ASAN_OPTIONS");
  g_autofree char *asan = NULL;
  sqlite3 *db = NULL;
  gint64 base_kb, peak_kb, lines = 0, bytes = 0;
  gssize n;

  /* ASan keeps freed memory in quarantine; keep it small, so that what is
   * measured is what the server holds. */
  asan = g_strconcat (old_asan ? old_asan : "", old_asan ? ":" : "",
                      "quarantine_size_mb=4:thread_local_quarantine_size_kb=256", NULL);
  g_setenv ("ASAN_OPTIONS", asan, TRUE);
  big = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  if (old_asan != NULL)
    g_setenv ("ASAN_OPTIONS", old_asan, TRUE);
  else
    g_unsetenv ("ASAN_OPTIONS");

  if (hc_test_is_pg ())
    /* The same rows over PostgreSQL. The name index's triggers are left
     * out for this load (session_replication_role = replica: this
     * session's inserts fire no ordinary trigger): the export reads the
     * subjects table alone, and 300,000 names of 200 characters would
     * make millions of postings, minutes that test nothing here. */
    hc_test_exec_sql (big,
      "SET session_replication_role = replica;"
      " INSERT INTO subjects (identifier, name, type, region, industry, status, created_at, updated_at)"
      " SELECT '91460100' || lpad (i::text, 10, '0'), '海口市龙华区椰风海韵国际贸易与物流供应链管理有限公司第' || i || '分公司' || repeat ('椰', 170),"
      "  'legal_person', '460100', '批发和零售业', 'active', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'"
      " FROM generate_series (1, " G_STRINGIFY (BIG_ROWS) ") AS i;"
      " SET session_replication_role = DEFAULT");
  else
    {
      g_assert_cmpint (sqlite3_open (hc_test_server_get_db_path (big), &db), ==, SQLITE_OK);
      sqlite3_busy_timeout (db, 30000);
      g_assert_cmpint (sqlite3_exec (db,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " G_STRINGIFY (BIG_ROWS) ")"
        " INSERT INTO subjects (identifier, name, type, region, industry, status, created_at, updated_at)"
        " SELECT printf ('91460100%010d', i), printf ('海口市龙华区椰风海韵国际贸易与物流供应链管理有限公司第%d分公司%s', i, replace (printf ('%.170c', '_'), '_', '椰')),"
        "  'legal_person', '460100', '批发和零售业', 'active', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z' FROM n",
        NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }

  base_kb = status_kb (hc_test_server_get_pid (big), "VmHWM:");
  uri = g_strconcat (hc_test_server_get_url (big), "/api/v1/subjects", NULL);
  msg = soup_message_new ("GET", uri);
  auth = g_strconcat ("Bearer ", hc_test_server_token (big, "admin"), NULL);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", CSV_TYPE);
  in = soup_session_send (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  while ((n = g_input_stream_read (in, buf, 65536, NULL, &error)) > 0)
    {
      bytes += n;
      for (gssize i = 0; i < n; i++)
        lines += buf[i] == '\n';
    }
  g_assert_no_error (error);
  peak_kb = status_kb (hc_test_server_get_pid (big), "VmHWM:");

  g_test_message ("export of %d rows: %" G_GINT64_FORMAT " bytes, server peak %" G_GINT64_FORMAT
                  " kB → %" G_GINT64_FORMAT " kB", BIG_ROWS, bytes, base_kb, peak_kb);
  g_assert_cmpint (lines, ==, BIG_ROWS + 1);
  g_assert_cmpint (bytes, >, 2 * BOUND_KB * 1024);
  g_assert_cmpint (peak_kb - base_kb, <, BOUND_KB);
}

static char *
create_user (const char *username,
             const char *role)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"long-enough-pw\",\"role\":\"%s\"}",
                                           username, role);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/users", admin, body);

  hc_assert_status (r, 201, NULL);
  return hc_test_server_login (server, username, "long-enough-pw");
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  analyst = create_user ("li.fen", "analyst");
  person_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *uscc = hc_test_make_uscc ("460100");
      g_autofree char *name = g_strdup_printf ("海口测试贸易有限公司%u", i);

      hc_test_create_subject (server, uscc, name, "legal_person", "460100");
    }
  for (guint i = 0; i < 6; i++)
    {
      char *id = hc_test_make_id_number ("460100", "19800101");

      hc_test_create_subject (server, id, "王明", "natural_person", "460100");
      g_ptr_array_add (person_ids, id);
    }

  g_test_add_func ("/exports/csv-has-the-listing-rows", test_exports_csv_has_the_listing_rows);
  g_test_add_func ("/exports/csv-quotes-and-defuses", test_exports_csv_quotes_and_defuses);
  g_test_add_func ("/exports/xlsx-opens-with-the-same-rows", test_exports_xlsx_opens_with_the_same_rows);
  g_test_add_func ("/exports/mask-as-the-listing", test_exports_mask_as_the_listing);
  g_test_add_func ("/exports/are-audited", test_exports_are_audited);
  g_test_add_func ("/exports/other-answers-stay-json", test_exports_other_answers_stay_json);
  g_test_add_func ("/exports/every-listing", test_exports_every_listing);
  g_test_add_func ("/exports/are-documented", test_exports_are_documented);
  g_test_add_func ("/exports/memory-stays-flat", test_exports_memory_stays_flat);

  status = g_test_run ();
  g_ptr_array_unref (person_ids);
  g_free (analyst);
  hc_test_server_free (server);
  return status;
}
