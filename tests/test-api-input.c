/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of the input rules (issue 11): a password of spaces, names
 * made only of invisible or bidirectional-control characters, CR/LF and
 * \u0000 in names are refused with 422 and a field, changing nothing; names
 * are stored in NFC so that a search finds them and a unique name cannot
 * exist twice; the import applies the same rules to its text cells; and
 * the migration brings names written before the rules to NFC; numbers
 * json-glib would not read as written (past 64 bits, past a double) are
 * refused with their member. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "hc-core.h"
#include "hc-test-imports.h"
#include "hc-test-server.h"

/* "Café" with the accent as a combining mark (NFD) and composed (NFC). */
#define CAFE_NFD "Cafe\xCC\x81"
#define CAFE_NFC "Caf\xC3\xA9"

static GRand *prng;

static HcTestResponse *
post (HcTestServer *server,
      const char   *path,
      const char   *body)
{
  return hc_test_request (server, "POST", path, hc_test_server_token (server, "admin"), body);
}

static void
assert_refused (HcTestResponse *r,
                const char     *code,
                const char     *field)
{
  hc_assert_status (r, 422, code);
  g_assert_cmpstr (hc_test_response_error_field (r), ==, field);
  /* the message names the field and says what to do */
  if (g_str_equal (code, "invalid_text"))
    g_assert_nonnull (strstr (json_object_get_string_member (
    json_object_get_object_member (hc_test_response_object (r), "error"), "message"), field));
}

static char *
subject_body (const char *uscc,
              const char *name_json)
{
  return g_strdup_printf ("{\"identifier\":\"%s\",\"name\":%s,\"type\":\"legal_person\",\"region\":\"460100\","
                          "\"industry\":\"批发和零售业\"}", uscc, name_json);
}

static void
test_input_names_refused_nothing_written (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  /* JSON as written on the wire: escapes reach the server as escapes. */
  static const struct { const char *json; const char *code; } bad[] = {
    { "\"\\u200b\\u200b\\u2060\"", "invalid_text" },          /* zero-width only */
    { "\"\\u202e\\u202d\"", "invalid_text" },                 /* bidi overrides only */
    { "\"\\u3000\\u3000\"", "missing_field" },                /* ideographic spaces only */
    { "\"海南\\u202e司公限有\"", "invalid_text" },             /* a bidi override inside */
    { "\"海南椰林\\r\\n有限公司\"", "invalid_text" },           /* CR/LF */
    { "\"海南椰林\\n有限公司\"", "invalid_text" },
    { "\"海南椰林有限公司\\u0000补充\"", "invalid_text" },      /* NUL would cut it */
    { "\"海南\\u0007有限公司\"", "invalid_text" },             /* a control character */
    { "\"   \"", "missing_field" },                          /* spaces only */
    { "\" \\u200b \"", "invalid_text" },                       /* a zero-width space between */
  };
  gint64 before, audit_before;

  hc_test_server_token (server, "admin");   /* its sign-in is audited */
  before = hc_test_count_rows (server, "SELECT count(*) FROM subjects");
  audit_before = hc_test_count_rows (server, "SELECT count(*) FROM audit");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *uscc = hc_uscc_generate (prng, "460100");
      g_autofree char *body = subject_body (uscc, bad[i].json);
      g_autoptr(HcTestResponse) r = post (server, "/subjects", body);

      g_test_message ("name %s", bad[i].json);
      assert_refused (r, bad[i].code, "name");
    }
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM subjects"), ==, before);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit"), ==, audit_before);

  /* The same rules hold on other routes' names: a department, a user's
   * display name. */
  {
    g_autoptr(HcTestResponse) d = post (server, "/departments", "{\"code\":\"X1\",\"name\":\"\\u200b\\u200c\"}");
    g_autoptr(HcTestResponse) u = post (server, "/users",
                                        "{\"username\":\"wang.li\",\"password\":\"long-enough-pw\","
                                        "\"role\":\"analyst\",\"display_name\":\"王\\r\\n丽\"}");
    g_autoptr(HcTestResponse) n = post (server, "/departments", "{\"code\":\"X\\u00002\",\"name\":\"海口\"}");

    assert_refused (d, "invalid_text", "name");
    assert_refused (u, "invalid_text", "display_name");
    assert_refused (n, "invalid_text", "code");
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM users WHERE username = 'wang.li'"), ==, 0);
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM departments WHERE code LIKE 'X%'"), ==, 0);
  }
}

/* Free text keeps its line breaks; it still may not hold NUL or a bidi
 * override. */
static void
test_input_free_text_multiline (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcTestResponse) ok = NULL;
  g_autoptr(HcTestResponse) nul = NULL;
  gint64 before;

  ok = post (server, "/risk/events",
             "{\"region\":\"460100\",\"occurred_on\":\"2024-05-01\",\"category\":\"food_drug\",\"severity\":2,"
             "\"title\":\"Title " CAFE_NFD "\",\"description\":\"第一行\\n第二行\"}");
  if (ok->status == 422 && g_strcmp0 (hc_test_response_error_field (ok), "category") == 0)
    g_error ("category: %s", (const char *) g_bytes_get_data (ok->body, NULL));
  hc_assert_status (ok, 201, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (ok), "description"), ==,
                   "第一行\n第二行");
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (ok), "title"), ==,
                   "Title " CAFE_NFC);

  before = hc_test_count_rows (server, "SELECT count(*) FROM risk_events");
  nul = post (server, "/risk/events",
              "{\"region\":\"460100\",\"occurred_on\":\"2024-05-01\",\"category\":\"food_drug\",\"severity\":2,"
              "\"title\":\"t\",\"description\":\"a\\u0000b\"}");
  assert_refused (nul, "invalid_text", "description");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM risk_events"), ==, before);
}

static void
test_input_password_of_spaces_refused (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcTestResponse) spaces = post (server, "/users",
                                           "{\"username\":\"li.a\",\"password\":\"            \",\"role\":\"analyst\"}");
  g_autoptr(HcTestResponse) wide = post (server, "/users",
                                         "{\"username\":\"li.b\",\"password\":\"\\u3000\\u3000\\u3000\\u3000\\u3000"
                                         "\\u3000\\u3000\\u3000\\u3000\\u3000\\u3000\",\"role\":\"analyst\"}");
  g_autoptr(HcTestResponse) zw = post (server, "/users",
                                       "{\"username\":\"li.c\",\"password\":\" \\u200b \\u200b \\u200b \\u200b \\u200b \","
                                       "\"role\":\"analyst\"}");
  g_autoptr(HcTestResponse) cur = NULL;
  g_autoptr(HcTestResponse) patch = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *still = NULL;
  const char *pw = "{\"password\":\"                \"}";

  assert_refused (spaces, "missing_field", "password");
  assert_refused (wide, "weak_password", "password");
  assert_refused (zw, "weak_password", "password");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM users WHERE username LIKE 'li.%'"), ==, 0);

  /* Changing one's password to spaces (an optional field) is refused too,
   * and the old one still works. */
  cur = hc_test_request (server, "GET", "/users/1", hc_test_server_token (server, "admin"), NULL);
  hc_assert_status (cur, 200, NULL);
  body = g_bytes_new_static (pw, strlen (pw));
  patch = hc_test_request_full (server, "PATCH", "/users/1", hc_test_server_token (server, "admin"),
                                "application/json", body, cur->etag);
  assert_refused (patch, "weak_password", "password");
  still = hc_test_server_login (server, "admin", HC_TEST_PASSWORD);
  g_assert_nonnull (still);
}

/* One company, typed once decomposed and once composed, is one name: the
 * unique department name refuses the second, and a search in either form
 * finds the subject. */
static void
test_input_names_nfc (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autoptr(HcTestResponse) d1 = post (server, "/departments", "{\"code\":\"C1\",\"name\":\"" CAFE_NFD " 商务局\"}");
  g_autoptr(HcTestResponse) d2 = post (server, "/departments", "{\"code\":\"C2\",\"name\":\"" CAFE_NFC " 商务局\"}");
  g_autofree char *uscc = hc_uscc_generate (prng, "460100");
  g_autofree char *body = subject_body (uscc, "\"  海南" CAFE_NFD "贸易有限公司\\u200b \"");
  g_autoptr(HcTestResponse) s = post (server, "/subjects", body);
  g_autoptr(HcTestResponse) q1 = NULL;
  g_autoptr(HcTestResponse) q2 = NULL;

  hc_assert_status (d1, 201, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (d1), "name"), ==, CAFE_NFC " 商务局");
  hc_assert_status (d2, 409, "duplicate");

  hc_assert_status (s, 201, NULL);
  /* composed and trimmed of the spaces and the zero-width space around it */
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (s), "name"), ==,
                   "海南" CAFE_NFC "贸易有限公司");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM subjects WHERE name = '海南" CAFE_NFC "贸易有限公司'"),
                   ==, 1);
  q1 = hc_test_request (server, "GET", "/subjects?q=" "Caf%C3%A9", hc_test_server_token (server, "admin"), NULL);
  q2 = hc_test_request (server, "GET", "/subjects?q=" "Cafe%CC%81", hc_test_server_token (server, "admin"), NULL);
  hc_assert_status (q1, 200, NULL);
  hc_assert_status (q2, 200, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (q1), "items")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (q2), "items")), ==, 1);
}

/* The import checks its text cells with the same rules: a name of
 * zero-width spaces or with a NUL byte is a rejected row, a decomposed
 * name is stored composed. */
static void
test_input_import_text_cells (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  gint64 item = hc_test_imports_penalty_item (server);
  g_autofree char *u1 = hc_uscc_generate (prng, "460100");
  g_autofree char *u2 = hc_uscc_generate (prng, "460100");
  g_autofree char *u3 = hc_uscc_generate (prng, "460100");
  g_autofree char *path = g_strdup_printf ("/imports?kind=penalty&item=%" G_GINT64_FORMAT, item);
  GString *csv = g_string_new ("统一社会信用代码,主体名称,决定文书号,处罚机关,处罚决定日期,处罚类别,罚款金额（元）,公示截止日期\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HcTestResponse) r = NULL;
  JsonArray *rej;

  g_string_append_printf (csv, "%s,海南" CAFE_NFD "有限公司,琼罚〔2024〕N-1号,海口市市场监督管理局,2024-03-01,罚款,100,2027-03-01\n", u1);
  g_string_append_printf (csv, "%s,\xE2\x80\x8B\xE2\x80\x8B,琼罚〔2024〕N-2号,海口市市场监督管理局,2024-03-01,罚款,100,2027-03-01\n", u2);
  g_string_append_printf (csv, "%s,海南\xE2\x80\xAE有限公司,琼罚〔2024〕N-3号,海口市市场监督管理局,2024-03-01,罚款,100,2027-03-01\n", u3);
  bytes = g_string_free_to_bytes (csv);
  r = hc_test_request_full (server, "POST", path, hc_test_server_token (server, "admin"), "text/csv", bytes, NULL);
  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (json_object_get_int_member (hc_test_response_object (r), "accepted"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (hc_test_response_object (r), "rejected"), ==, 2);
  rej = json_object_get_array_member (hc_test_response_object (r), "rejections");
  for (guint i = 0; i < json_array_get_length (rej); i++)
    {
      JsonObject *o = json_array_get_object_element (rej, i);

      g_assert_cmpstr (json_object_get_string_member (o, "field"), ==, "name");
      g_assert_cmpstr (json_object_get_string_member (o, "code"), ==, "invalid_text");
    }
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM penalties WHERE name = '海南" CAFE_NFC "有限公司'"),
                   ==, 1);
}

/* A database written before the rules: its decomposed names become NFC
 * when the server brings it to the latest schema. */
static void
test_input_migration_normalises_names (void)
{
  g_autoptr(HcTestServer) server = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *uscc = NULL;
  g_autoptr(HcTestServer) again = NULL;
  sqlite3 *db = NULL;
  g_autofree char *sql = NULL;

  if (hc_test_is_pg ())
    {
      /* PostgreSQL's twin migration is checked by api-pg-migrate */
      g_test_skip ("rewrites a SQLite file at schema version 7: SQLite only");
      return;
    }
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  db_path = g_strdup (hc_test_server_get_db_path (server));
  uscc = hc_uscc_generate (prng, "460100");

  hc_test_create_subject (server, uscc, "海南旧数据公司", "legal_person", "460100");
  hc_test_server_stop (server);

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE subjects SET name = '海南" CAFE_NFD "旧数据公司' WHERE identifier = '%s';"
                         "INSERT INTO departments (code, name, created_at) VALUES ('OLD', '" CAFE_NFD "局', '2024-01-01T00:00:00Z');"
                         "PRAGMA user_version = 7;", uscc);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  again = hc_test_server_new_for_db (db_path, NULL);
  g_assert_cmpint (hc_test_count_rows (again, "SELECT count(*) FROM subjects WHERE name = '海南" CAFE_NFC "旧数据公司'"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (again, "SELECT count(*) FROM departments WHERE name = '" CAFE_NFC "局'"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (again, "PRAGMA user_version"), >=, 8);
}

/* json-glib wraps whole numbers past 64 bits (-18446744073709551613 reads
 * as 3, a valid window) and reads 1e999 as infinity: every route with a
 * body refuses such a number, naming its member, before the route sees a
 * number other than the one sent; nothing is written. */
static char *
repeat (const char *unit,
        guint       n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

/* Every text field has a ceiling, whatever its route: a name of a
 * megabyte is refused with 422 too_long and its field, not stored (over
 * PostgreSQL one of a megabyte failed with 500 on the index). 500 characters of
 * four bytes each still fit that index; a password past 1,024 bytes is
 * refused before it is hashed. */
static void
test_input_text_ceilings (void)
{
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  g_autofree char *long_name = repeat ("海", 501);
  g_autofree char *huge = repeat ("a", 200000);   /* under the 1 MiB body limit */
  g_autofree char *long_password = repeat ("p", 1025);
  g_autofree char *b1 = g_strdup_printf ("{\"code\":\"L1\",\"name\":\"%s\"}", long_name);
  g_autofree char *b2 = NULL;
  g_autofree char *b3 = g_strdup_printf ("{\"code\":\"L3\",\"name\":\"%s\"}", huge);
  g_autofree char *b4 = g_strdup_printf ("{\"username\":\"li.long\",\"password\":\"a long enough pw\","
                                         "\"role\":\"analyst\",\"display_name\":\"%s\"}", long_name);
  g_autofree char *b5 = g_strdup_printf ("{\"username\":\"admin\",\"password\":\"%s\"}", long_password);
  g_autoptr(HcTestResponse) r1 = NULL;
  g_autoptr(HcTestResponse) r2 = NULL;
  g_autoptr(HcTestResponse) r3 = NULL;
  g_autoptr(HcTestResponse) r4 = NULL;
  g_autoptr(HcTestResponse) r5 = NULL;
  g_autofree char *four_bytes = repeat ("\xF0\xA0\x80\x80", 500);   /* U+20000, four bytes in UTF-8 */

  b2 = g_strdup_printf ("{\"code\":\"L2\",\"name\":\"%s\"}", four_bytes);

  r1 = post (server, "/departments", b1);
  assert_refused (r1, "too_long", "name");
  r3 = post (server, "/departments", b3);
  assert_refused (r3, "too_long", "name");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM departments WHERE code IN ('L1', 'L3')"), ==, 0);
  r2 = post (server, "/departments", b2);
  hc_assert_status (r2, 201, NULL);
  g_assert_cmpint (g_utf8_strlen (json_object_get_string_member (hc_test_response_object (r2), "name"), -1), ==, 500);

  r4 = post (server, "/users", b4);
  assert_refused (r4, "too_long", "display_name");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM users WHERE username = 'li.long'"), ==, 0);
  r5 = hc_test_request (server, "POST", "/session", NULL, b5);
  assert_refused (r5, "too_long", "password");
}

static void
test_input_wide_numbers_refused (void)
{
  static const struct { const char *path; const char *body; const char *field; } cases[] = {
    { "/risk/rules", "{\"category\":\"finance\",\"kind\":\"rise\",\"window_months\":-18446744073709551613,"
                     "\"threshold\":50}", "window_months" },
    { "/risk/rules", "{\"category\":\"finance\",\"kind\":\"rise\",\"window_months\":3,"
                     "\"threshold\":-99999999999999999999}", "threshold" },
    { "/risk/rules", "{\"category\":\"finance\",\"kind\":\"rise\",\"window_months\":3,\"threshold\":1e999}",
      "threshold" },
    { "/users", "{\"username\":\"wang.wu\",\"password\":\"long-enough-pw\",\"role\":\"analyst\","
                "\"department_id\":18446744073709551617}", "department_id" },
    { "/grading/models", "{\"title\":\"宽数\",\"based_on\":18446744073709551617}", "based_on" },
  };
  g_autoptr(HcTestServer) server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  const char *signed_in G_GNUC_UNUSED = hc_test_server_token (server, "admin");   /* audited */
  gint64 audit = hc_test_count_rows (server, "SELECT count(*) FROM audit");
  gint64 models = hc_test_count_rows (server, "SELECT count(*) FROM grading_models");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HcTestResponse) r = post (server, cases[i].path, cases[i].body);

      assert_refused (r, "value_out_of_range", cases[i].field);
    }
  /* The largest whole number is read as it is written. */
  {
    g_autoptr(HcTestResponse) r = post (server, "/risk/rules", "{\"category\":\"finance\",\"kind\":\"rise\","
                                        "\"window_months\":9223372036854775807,\"threshold\":50}");

    hc_assert_status (r, 422, "value_out_of_range");
    g_assert_cmpstr (hc_test_response_error_field (r), ==, "window_months");
    g_assert_nonnull (strstr (json_object_get_string_member (
      json_object_get_object_member (hc_test_response_object (r), "error"), "message"), "24"));
  }
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM risk_rules"), ==, 0);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM users"), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM grading_models"), ==, models);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit"), ==, audit);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  prng = g_rand_new_with_seed (11);
  g_test_add_func ("/input/wide-numbers-refused", test_input_wide_numbers_refused);
  g_test_add_func ("/input/text-ceilings", test_input_text_ceilings);
  g_test_add_func ("/input/names-refused-nothing-written", test_input_names_refused_nothing_written);
  g_test_add_func ("/input/free-text-multiline", test_input_free_text_multiline);
  g_test_add_func ("/input/password-of-spaces-refused", test_input_password_of_spaces_refused);
  g_test_add_func ("/input/names-nfc", test_input_names_nfc);
  g_test_add_func ("/input/import-text-cells", test_input_import_text_cells);
  g_test_add_func ("/input/migration-normalises-names", test_input_migration_normalises_names);
  return g_test_run ();
}
