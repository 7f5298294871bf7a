/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of /subjects: registration with the core's validators, look-up
 * by normalised identifiers, masking by role, edits, paging and search. */
#include "config.h"

#include <stdlib.h>
#include <string.h>


#include "hc-core.h"
#include "hc-test-server.h"

static HcTestServer *server;
static const char *analyst;
static const char *supervisor;
static guint serial;

/* A valid 统一社会信用代码 registered in @division, made with the core's
 * check-character arithmetic; a new one at each call. */
static char *
make_uscc (const char *division)
{
  char code[19];

  g_snprintf (code, sizeof code, "91%.6s%08u", division, 10000000 + serial++);
  code[16] = hc_org_code_compute_check (code + 8);
  code[17] = '\0';
  code[17] = hc_uscc_compute_check (code);
  code[18] = '\0';
  return g_strdup (code);
}

/* A valid 公民身份号码 of someone born on @birth (YYYYMMDD). */
static char *
make_id_number (const char *division,
                const char *birth)
{
  char id[19];

  g_snprintf (id, sizeof id, "%.6s%.8s%03u", division, birth, 100 + serial++ % 800);
  id[17] = hc_id_number_compute_check (id);
  id[18] = '\0';
  return g_strdup (id);
}

static HcTestResponse *
post_subject (const char *token,
              const char *identifier,
              const char *name,
              const char *type,
              const char *extra)
{
  g_autofree char *body =
    g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"%s\",\"type\":\"%s\",\"industry\":\"批发和零售业\"%s%s}",
                     identifier, name, type, extra ? "," : "", extra ? extra : "");

  return hc_test_request (server, "POST", "/subjects", token, body);
}

static HcTestResponse *
patch_subject (const char *token,
               const char *identifier,
               const char *if_match,
               const char *body)
{
  g_autofree char *path = g_strdup_printf ("/subjects/%s", identifier);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return hc_test_request_full (server, "PATCH", path, token, "application/json", bytes, if_match);
}

static gint64
count (const char *format,
       ...) G_GNUC_PRINTF (1, 2);

static gint64
count (const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return hc_test_count_rows (server, sql);
}

static gint64
n_subjects (void)
{
  return hc_test_count_rows (server, "SELECT count(*) FROM subjects");
}

static const char *
member (HcTestResponse *r,
        const char     *name)
{
  return json_object_get_string_member (hc_test_response_object (r), name);
}

/* The look-up and the list write a subject's JSON as text straight from
 * its row (issue 12): a name with every character JSON escapes (a quote, a
 * backslash) and characters it does not (a slash, <, &, an ideograph
 * outside the BMP, an emoji) comes back as it was stored, in an answer
 * json-glib parses. */
static void
test_subjects_json_text_escapes (void)
{
  const char *name = "椰风\"引号\"\\反斜杠/斜杠<&>𠀀😀公司";
  g_autofree char *uscc = make_uscc ("460100");
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HcTestResponse) created = NULL;
  g_autoptr(HcTestResponse) got = NULL;
  g_autoptr(HcTestResponse) listed = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) name_node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *name_json = NULL;
  JsonArray *items;

  json_node_set_string (name_node, name);
  json_generator_set_root (gen, name_node);
  name_json = json_generator_to_data (gen, NULL);
  body = g_strdup_printf ("{\"identifier\":\"%s\",\"name\":%s,\"type\":\"legal_person\","
                          "\"industry\":\"批发和零售业\"}", uscc, name_json);
  created = hc_test_request (server, "POST", "/subjects", analyst, body);
  hc_assert_status (created, 201, NULL);
  g_assert_cmpstr (member (created, "name"), ==, name);

  path = g_strdup_printf ("/subjects/%s", uscc);
  got = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (got, 200, NULL);
  g_assert_nonnull (got->json);
  g_assert_cmpstr (member (got, "name"), ==, name);
  g_assert_cmpstr (member (got, "identifier"), ==, uscc);
  g_assert_cmpstr (member (got, "region_name"), ==, "海口市");
  g_assert_cmpstr (got->etag, ==, "\"1\"");
  g_assert_false (json_object_get_boolean_member (hc_test_response_object (got), "identifier_masked"));

  g_free (path);
  path = g_strdup_printf ("/subjects?q=%s&total=1", uscc);
  listed = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (listed, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (listed), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpint (json_object_get_int_member (hc_test_response_object (listed), "total"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "name"), ==, name);
}

static void
test_subjects_create_and_get (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autofree char *uscc = make_uscc ("460200");
  g_autofree char *lower = g_ascii_strdown (uscc, -1);
  g_autofree char *input = g_strdup_printf ("  %s ", lower);
  g_autoptr(HcTestResponse) created =
    post_subject (analyst, input, "三亚椰风贸易有限公司", "legal_person",
                  "\"region\":\"460200\",\"registered_on\":\"2019-06-01\"");
  g_autoptr(GString) fullwidth = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(HcTestResponse) got = NULL;
  g_autoptr(HcTestResponse) by_admin = NULL;
  JsonObject *obj;

  hc_assert_status (created, 201, NULL);
  g_assert_cmpstr (created->etag, ==, "\"1\"");
  obj = hc_test_response_object (created);
  g_assert_cmpstr (json_object_get_string_member (obj, "identifier"), ==, uscc);
  g_assert_cmpstr (json_object_get_string_member (obj, "name"), ==, "三亚椰风贸易有限公司");
  g_assert_cmpstr (json_object_get_string_member (obj, "type"), ==, "legal_person");
  g_assert_cmpstr (json_object_get_string_member (obj, "region"), ==, "460200");
  g_assert_cmpstr (json_object_get_string_member (obj, "region_name"), ==, "三亚市");
  g_assert_cmpstr (json_object_get_string_member (obj, "industry"), ==, "批发和零售业");
  g_assert_cmpstr (json_object_get_string_member (obj, "status"), ==, "active");
  g_assert_cmpstr (json_object_get_string_member (obj, "registered_on"), ==, "2019-06-01");
  g_assert_true (json_object_get_null_member (obj, "grade"));
  g_assert_cmpint (count ("SELECT count(*) FROM subjects WHERE identifier = '%s'", uscc), ==, 1);

  /* Full-width, lower-case input in the path finds it. */
  for (const char *p = lower; *p; p++)
    g_string_append_unichar (fullwidth, 0xFF01 + (gunichar) (*p - '!'));
  escaped = g_uri_escape_string (fullwidth->str, NULL, FALSE);
  path = g_strdup_printf ("/subjects/%s", escaped);
  got = hc_test_request (server, "GET", path, analyst, NULL);
  hc_assert_status (got, 200, NULL);
  g_assert_cmpstr (got->etag, ==, "\"1\"");
  g_assert_cmpstr (member (got, "identifier"), ==, uscc);
  g_assert_false (json_object_get_boolean_member (hc_test_response_object (got), "identifier_masked"));

  g_free (path);
  path = g_strdup_printf ("/subjects/%s", uscc);
  by_admin = hc_test_request (server, "GET", path, admin, NULL);
  hc_assert_status (by_admin, 200, NULL);
  g_assert_cmpstr (member (by_admin, "name"), ==, "三亚椰风贸易有限公司");
}

static void
test_subjects_create_is_audited (void)
{
  g_autofree char *uscc = make_uscc ("460400");
  g_autoptr(HcTestResponse) created = post_subject (analyst, uscc, "儋州海航物流有限公司", "legal_person", NULL);
  gint64 id;

  hc_assert_status (created, 201, NULL);
  id = json_object_get_int_member (hc_test_response_object (created), "id");
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'subject.create' AND entity = 'subject'"
                          " AND entity_id = '%" G_GINT64_FORMAT "' AND actor = 'li.fen' AND before IS NULL"
                          " AND json_extract (after, '$.identifier') = '%s'", id, uscc), ==, 1);
}

static void
test_subjects_region_is_derived_from_the_uscc (void)
{
  g_autofree char *haikou_district = make_uscc ("460106");   /* 龙华区 of 海口 */
  g_autofree char *beijing = make_uscc ("110105");
  g_autofree char *beijing2 = make_uscc ("110108");
  g_autoptr(HcTestResponse) derived = post_subject (analyst, haikou_district, "海口龙华椰香餐饮管理有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) underivable = post_subject (analyst, beijing, "北京某科技有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) elsewhere =
    post_subject (analyst, beijing2, "北京某投资有限公司海南分公司", "legal_person", "\"region\":\"469028\"");
  gint64 before = n_subjects ();

  hc_assert_status (derived, 201, NULL);
  g_assert_cmpstr (member (derived, "region"), ==, "460100");
  g_assert_cmpstr (member (derived, "region_name"), ==, "海口市");

  hc_assert_status (underivable, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (underivable), ==, "region");
  g_assert_cmpint (count ("SELECT count(*) FROM subjects WHERE identifier = '%s'", beijing), ==, 0);

  /* A code from elsewhere with a Hainan region given is accepted as is. */
  hc_assert_status (elsewhere, 201, NULL);
  g_assert_cmpstr (member (elsewhere, "region"), ==, "469028");
  g_assert_cmpint (n_subjects (), ==, before);

  /* A person's address code: 美兰区 belongs to 海口; 广州 to no 市县. */
  {
    g_autofree char *meilan = make_id_number ("460108", "19660704");
    g_autofree char *guangzhou = make_id_number ("440106", "19900101");
    g_autoptr(HcTestResponse) person = post_subject (analyst, meilan, "林海燕", "natural_person", NULL);
    g_autoptr(HcTestResponse) outsider = post_subject (analyst, guangzhou, "陈明", "natural_person", NULL);

    hc_assert_status (person, 201, NULL);
    g_assert_cmpstr (member (person, "region"), ==, "460100");
    hc_assert_status (outsider, 422, "missing_field");
    g_assert_cmpstr (hc_test_response_error_field (outsider), ==, "region");
  }
}

/* Each rule of GB 32100 that fails has its own message from the core. */
static void
test_subjects_invalid_uscc_says_which_rule (void)
{
  g_autofree char *valid = make_uscc ("460100");
  g_autofree char *bad_org = g_strdup (valid);
  g_autofree char *bad_check = g_strdup (valid);
  const char *cases[4];
  const char *expect_in[4] = { "18", "I", "17", "18" };
  g_autoptr(GHashTable) messages = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 before = n_subjects ();
  HcTestResponse *responses[4];

  bad_org[16] = bad_org[16] == '0' ? '1' : '0';
  bad_check[17] = bad_check[17] == 'A' ? 'B' : 'A';
  cases[0] = "91460100MA5T1000";          /* length */
  cases[1] = "91460100MA5T1I0082";        /* character set */
  cases[2] = bad_org;                     /* 组织机构代码 check, position 17 */
  cases[3] = bad_check;                   /* final check, position 18 */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *message;

      responses[i] = post_subject (analyst, cases[i], "海口测试有限公司", "legal_person", "\"region\":\"460100\"");
      hc_assert_status (responses[i], 422, "invalid_uscc");
      g_assert_cmpstr (hc_test_response_error_field (responses[i]), ==, "identifier");
      message = json_object_get_string_member (json_object_get_object_member (hc_test_response_object (responses[i]), "error"),
                                                "message");
      g_assert_nonnull (strstr (message, expect_in[i]));
      g_assert_false (g_hash_table_contains (messages, message));
      g_hash_table_add (messages, (gpointer) message);
    }
  g_assert_cmpint (n_subjects (), ==, before);
  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    hc_test_response_free (responses[i]);
}

static void
test_subjects_invalid_id_number_says_which_rule (void)
{
  g_autofree char *valid = make_id_number ("460100", "19850612");
  g_autofree char *bad_check = g_strdup (valid);
  g_autofree char *bad_date = NULL;
  const char *cases[4];
  g_autoptr(GHashTable) messages = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 before = n_subjects ();
  HcTestResponse *responses[5];

  bad_check[17] = bad_check[17] == '0' ? '1' : '0';
  bad_date = g_strdup ("460100198502301230");
  bad_date[17] = hc_id_number_compute_check (bad_date);   /* right check, no 30 February */
  cases[0] = "46010019850612";
  cases[1] = "4601001985061A123X";
  cases[2] = bad_date;
  cases[3] = bad_check;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *message;

      responses[i] = post_subject (analyst, cases[i], "王明", "natural_person", NULL);
      hc_assert_status (responses[i], 422, "invalid_id_number");
      g_assert_cmpstr (hc_test_response_error_field (responses[i]), ==, "identifier");
      message = json_object_get_string_member (json_object_get_object_member (hc_test_response_object (responses[i]), "error"),
                                                "message");
      g_assert_false (g_hash_table_contains (messages, message));
      g_hash_table_add (messages, (gpointer) message);
    }
  /* An organisation's type with an ID number is a bad USCC, and back. */
  responses[4] = post_subject (analyst, valid, "王明", "legal_person", NULL);
  hc_assert_status (responses[4], 422, "invalid_uscc");
  g_assert_cmpint (n_subjects (), ==, before);
  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    hc_test_response_free (responses[i]);
}

static void
test_subjects_bad_input_changes_nothing (void)
{
  g_autofree char *uscc = make_uscc ("460100");
  g_autofree char *region_body =
    g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"x\",\"type\":\"legal_person\",\"industry\":\"建筑业\",\"region\":\"110000\"}", uscc);
  g_autofree char *type_body =
    g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"x\",\"type\":\"company\",\"industry\":\"建筑业\"}", uscc);
  g_autofree char *no_name =
    g_strdup_printf ("{\"identifier\":\"%s\",\"type\":\"legal_person\",\"industry\":\"建筑业\"}", uscc);
  g_autofree char *no_industry =
    g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"x\",\"type\":\"legal_person\"}", uscc);
  g_autofree char *number_name =
    g_strdup_printf ("{\"identifier\":\"%s\",\"name\":5,\"type\":\"legal_person\",\"industry\":\"建筑业\"}", uscc);
  g_autofree char *bad_date =
    g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"x\",\"type\":\"legal_person\",\"industry\":\"建筑业\","
                     "\"registered_on\":\"2021-02-30\"}", uscc);
  g_autofree char *bad_grade =
    g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"x\",\"type\":\"legal_person\",\"industry\":\"建筑业\","
                     "\"grade\":\"E\"}", uscc);
  struct { const char *body; guint status; const char *code; const char *field; } cases[] = {
    { region_body, 422, "invalid_region", "region" },
    { type_body, 422, "invalid_subject_type", "type" },
    { no_name, 422, "missing_field", "name" },
    { no_industry, 422, "missing_field", "industry" },
    { number_name, 400, "invalid_type", "name" },
    { bad_date, 422, "invalid_date", "registered_on" },
    { bad_grade, 422, "invalid_grade", "grade" },
    { "{\"identifier\":", 400, "invalid_json", NULL },
    { "[1,2,3]", 400, "invalid_json", NULL },
  };
  gint64 before = n_subjects ();
  gint64 audit_before = hc_test_count_rows (server, "SELECT count(*) FROM audit");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/subjects", supervisor, cases[i].body);

      hc_assert_status (r, cases[i].status, cases[i].code);
      g_assert_cmpstr (hc_test_response_error_field (r), ==, cases[i].field);
    }
  g_assert_cmpint (n_subjects (), ==, before);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit"), ==, audit_before);
}

static void
test_subjects_duplicate_is_409 (void)
{
  g_autofree char *uscc = make_uscc ("469002");
  g_autofree char *lower = g_ascii_strdown (uscc, -1);
  g_autoptr(HcTestResponse) first = post_subject (analyst, uscc, "琼海博鳌会展服务有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) again = post_subject (supervisor, lower, "琼海另一家公司", "legal_person", NULL);

  hc_assert_status (first, 201, NULL);
  hc_assert_status (again, 409, "duplicate");
  g_assert_cmpstr (hc_test_response_error_field (again), ==, "identifier");
  g_assert_cmpint (count ("SELECT count(*) FROM subjects WHERE identifier = '%s' AND name = '琼海博鳌会展服务有限公司'", uscc), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM subjects WHERE name = '琼海另一家公司'"), ==, 0);
}

static void
test_subjects_need_a_token (void)
{
  g_autoptr(HcTestResponse) list = hc_test_request (server, "GET", "/subjects", NULL, NULL);
  g_autoptr(HcTestResponse) create = hc_test_request (server, "POST", "/subjects", NULL, "{}");
  g_autoptr(HcTestResponse) one = hc_test_request (server, "GET", "/subjects/91460100MA5T100082", "bogus", NULL);
  g_autoptr(HcTestResponse) patch = patch_subject (NULL, "91460100MA5T100082", "\"1\"", "{\"name\":\"x\"}");

  hc_assert_status (list, 401, "unauthenticated");
  hc_assert_status (create, 401, "unauthenticated");
  hc_assert_status (one, 401, "unauthenticated");
  hc_assert_status (patch, 401, "unauthenticated");
}

static void
test_subjects_unknown_is_404 (void)
{
  g_autofree char *uscc = make_uscc ("460100");
  g_autofree char *path = g_strdup_printf ("/subjects/%s", uscc);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);
  g_autoptr(HcTestResponse) p = patch_subject (analyst, uscc, "\"1\"", "{\"name\":\"x\"}");
  g_autoptr(HcTestResponse) garbage = hc_test_request (server, "GET", "/subjects/not-an-identifier", analyst, NULL);
  g_autoptr(HcTestResponse) not_text = hc_test_request (server, "GET", "/subjects/%FF%FE", analyst, NULL);
  g_autoptr(HcTestResponse) patch_not_text = patch_subject (analyst, "%FF%FE", "\"1\"", "{\"name\":\"x\"}");

  hc_assert_status (r, 404, "not_found");
  hc_assert_status (p, 404, "not_found");
  hc_assert_status (garbage, 404, "not_found");
  hc_assert_status (not_text, 404, "not_found");
  hc_assert_status (patch_not_text, 404, "not_found");
}

/* 公共信用综合评价 grades are set by supervisors: an analyst's try changes
 * nothing. */
static void
test_subjects_grade_needs_a_supervisor (void)
{
  g_autofree char *uscc = make_uscc ("469005");
  g_autofree char *uscc2 = make_uscc ("469005");
  g_autoptr(HcTestResponse) refused = post_subject (analyst, uscc, "文昌航天科技有限公司", "legal_person", "\"grade\":\"A\"");
  g_autoptr(HcTestResponse) created = post_subject (analyst, uscc2, "文昌椰林旅游开发有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) patch_refused = patch_subject (analyst, uscc2, "\"1\"", "{\"grade\":\"D\"}");
  g_autoptr(HcTestResponse) patched =
    patch_subject (supervisor, uscc2, "\"1\"", "{\"grade\":\"B\",\"grade_reason\":\"测试：经集体研究评为B级\"}");
  g_autoptr(HcTestResponse) by_supervisor = NULL;

  hc_assert_status (refused, 403, "forbidden");
  g_assert_cmpint (count ("SELECT count(*) FROM subjects WHERE identifier = '%s'", uscc), ==, 0);
  hc_assert_status (created, 201, NULL);
  hc_assert_status (patch_refused, 403, "forbidden");
  hc_assert_status (patched, 200, NULL);
  g_assert_cmpstr (member (patched, "grade"), ==, "B");
  g_assert_cmpstr (patched->etag, ==, "\"2\"");
  g_assert_cmpint (count ("SELECT count(*) FROM grade_overrides o JOIN subjects s ON s.id = o.subject_id"
                          " WHERE s.identifier = '%s' AND o.grade = 'B' AND o.lifted_at IS NULL"
                          " AND o.reason = '测试：经集体研究评为B级'", uscc2), ==, 1);

  by_supervisor = post_subject (supervisor, uscc, "文昌航天科技有限公司", "legal_person",
                               "\"grade\":\"A\",\"grade_reason\":\"测试：登记时评定\"");
  hc_assert_status (by_supervisor, 201, NULL);
  g_assert_cmpstr (member (by_supervisor, "grade"), ==, "A");
}

/* A grade typed in is an override of the computed grade: without a reason
 * it is refused, at registration as in an edit, and nothing changes. */
static void
test_subjects_grade_needs_a_reason (void)
{
  g_autofree char *uscc = make_uscc ("469005");
  g_autofree char *uscc2 = make_uscc ("469005");
  g_autoptr(HcTestResponse) no_reason = post_subject (supervisor, uscc, "文昌无由评级有限公司", "legal_person",
                                                      "\"grade\":\"A\"");
  g_autoptr(HcTestResponse) created = post_subject (supervisor, uscc2, "文昌椰风评级测试有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) patch_no_reason = patch_subject (supervisor, uscc2, created->etag, "{\"grade\":\"A\"}");
  g_autoptr(HcTestResponse) patch_blank =
    patch_subject (supervisor, uscc2, created->etag, "{\"grade\":\"A\",\"grade_reason\":\"  \"}");
  g_autoptr(HcTestResponse) reason_alone =
    patch_subject (supervisor, uscc2, created->etag, "{\"name\":\"文昌椰风评级测试有限公司\",\"grade_reason\":\"理由\"}");
  g_autoptr(HcTestResponse) lift_nothing =
    patch_subject (supervisor, uscc2, created->etag, "{\"grade\":null,\"grade_reason\":\"没有人工调整可撤销\"}");

  hc_assert_status (no_reason, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (no_reason), ==, "grade_reason");
  g_assert_cmpint (count ("SELECT count(*) FROM subjects WHERE identifier = '%s'", uscc), ==, 0);
  hc_assert_status (created, 201, NULL);
  hc_assert_status (patch_no_reason, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (patch_no_reason), ==, "grade_reason");
  g_assert_nonnull (strstr (json_object_get_string_member (
                              json_object_get_object_member (hc_test_response_object (patch_no_reason), "error"),
                              "message"), "reason"));
  hc_assert_status (patch_blank, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (patch_blank), ==, "grade_reason");
  hc_assert_status (reason_alone, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (reason_alone), ==, "grade");
  hc_assert_status (lift_nothing, 422, "nothing_to_change");
  g_assert_cmpstr (hc_test_response_error_field (lift_nothing), ==, "grade");
  /* nothing changed: the version read at creation is still current */
  g_assert_cmpint (count ("SELECT count(*) FROM subjects WHERE identifier = '%s' AND version = %" G_GINT64_FORMAT,
                          uscc2, json_object_get_int_member (hc_test_response_object (created), "version")), ==, 1);
  g_assert_cmpint (count ("SELECT count(*) FROM grade_overrides o JOIN subjects s ON s.id = o.subject_id"
                          " WHERE s.identifier = '%s'", uscc2), ==, 0);
}

static void
test_subjects_patch_and_audit (void)
{
  g_autofree char *uscc = make_uscc ("469006");
  g_autofree char *lower = g_ascii_strdown (uscc, -1);
  g_autoptr(HcTestResponse) created = post_subject (analyst, uscc, "万宁兴隆咖啡有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) patched =
    patch_subject (analyst, lower, "\"1\"", "{\"name\":\"万宁兴隆咖啡股份有限公司\",\"industry\":\"制造业\",\"status\":\"revoked\",\"region\":\"469006\"}");
  gint64 id = json_object_get_int_member (hc_test_response_object (created), "id");
  JsonObject *obj;

  hc_assert_status (created, 201, NULL);
  hc_assert_status (patched, 200, NULL);
  g_assert_cmpstr (patched->etag, ==, "\"2\"");
  obj = hc_test_response_object (patched);
  g_assert_cmpstr (json_object_get_string_member (obj, "name"), ==, "万宁兴隆咖啡股份有限公司");
  g_assert_cmpstr (json_object_get_string_member (obj, "industry"), ==, "制造业");
  g_assert_cmpstr (json_object_get_string_member (obj, "status"), ==, "revoked");
  g_assert_cmpint (json_object_get_int_member (obj, "version"), ==, 2);
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'subject.update' AND entity_id = '%" G_GINT64_FORMAT "'"
                          " AND actor = 'li.fen' AND json_extract (before, '$.name') = '万宁兴隆咖啡有限公司'"
                          " AND json_extract (after, '$.name') = '万宁兴隆咖啡股份有限公司'"
                          " AND json_extract (after, '$.status') = 'revoked'", id), ==, 1);
}

static void
test_subjects_stale_write_changes_nothing (void)
{
  g_autofree char *uscc = make_uscc ("469007");
  g_autoptr(HcTestResponse) created = post_subject (analyst, uscc, "东方八所港务有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) first = patch_subject (analyst, uscc, "\"1\"", "{\"name\":\"东方八所港务集团有限公司\"}");
  gint64 audit_before = hc_test_count_rows (server, "SELECT count(*) FROM audit");
  g_autoptr(HcTestResponse) stale = patch_subject (supervisor, uscc, "\"1\"", "{\"name\":\"过期的名称\",\"status\":\"deregistered\"}");
  g_autoptr(HcTestResponse) missing = patch_subject (analyst, uscc, NULL, "{\"name\":\"没有版本\"}");
  g_autoptr(HcTestResponse) bad_etag = patch_subject (analyst, uscc, "yesterday", "{\"name\":\"坏版本\"}");

  hc_assert_status (created, 201, NULL);
  hc_assert_status (first, 200, NULL);
  hc_assert_status (stale, 412, "stale");
  hc_assert_status (missing, 428, "precondition_required");
  hc_assert_status (bad_etag, 400, "invalid_if_match");
  g_assert_cmpint (count ("SELECT count(*) FROM subjects WHERE identifier = '%s' AND name = '东方八所港务集团有限公司'"
                          " AND status = 'active' AND version = 2", uscc), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit"), ==, audit_before);
}

static void
test_subjects_identifier_and_type_are_immutable (void)
{
  g_autofree char *uscc = make_uscc ("469021");
  g_autofree char *other = make_uscc ("469021");
  g_autofree char *change_id = g_strdup_printf ("{\"identifier\":\"%s\"}", other);
  g_autoptr(HcTestResponse) created = post_subject (analyst, uscc, "定安南丽湖农业开发有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) id_patch = patch_subject (analyst, uscc, "\"1\"", change_id);
  g_autoptr(HcTestResponse) type_patch = patch_subject (analyst, uscc, "\"1\"", "{\"type\":\"unincorporated\",\"name\":\"x\"}");
  g_autoptr(HcTestResponse) bad_status = patch_subject (analyst, uscc, "\"1\"", "{\"status\":\"bankrupt\"}");
  g_autoptr(HcTestResponse) bad_region = patch_subject (analyst, uscc, "\"1\"", "{\"region\":\"460500\"}");
  g_autoptr(HcTestResponse) empty_name = patch_subject (analyst, uscc, "\"1\"", "{\"name\":\"  \"}");
  g_autoptr(HcTestResponse) nothing = patch_subject (analyst, uscc, "\"1\"", "{}");
  g_autoptr(HcTestResponse) wrong_type = patch_subject (analyst, uscc, "\"1\"", "{\"industry\":[1]}");

  hc_assert_status (created, 201, NULL);
  hc_assert_status (id_patch, 422, "immutable_field");
  g_assert_cmpstr (hc_test_response_error_field (id_patch), ==, "identifier");
  hc_assert_status (type_patch, 422, "immutable_field");
  g_assert_cmpstr (hc_test_response_error_field (type_patch), ==, "type");
  hc_assert_status (bad_status, 422, "invalid_status");
  hc_assert_status (bad_region, 422, "invalid_region");
  hc_assert_status (empty_name, 422, "missing_field");
  hc_assert_status (nothing, 422, "missing_field");
  hc_assert_status (wrong_type, 400, "invalid_type");
  g_assert_cmpint (count ("SELECT count(*) FROM subjects WHERE identifier = '%s' AND version = 1"
                          " AND type = 'legal_person' AND status = 'active'", uscc), ==, 1);
}

/* 个人信息保护: who sees an ID number, and the trace unmasking leaves. */
static void
test_subjects_id_numbers_are_masked_by_role (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autofree char *id = make_id_number ("469027", "19781203");
  g_autofree char *masked = hc_id_number_mask (id);
  g_autofree char *path = g_strdup_printf ("/subjects/%s", id);
  g_autofree char *unmask_path = g_strdup_printf ("/subjects/%s?unmask=1", id);
  g_autofree char *prefix_query = g_strdup_printf ("/subjects?q=%.10s&type=natural_person", id);
  g_autofree char *whole_query = g_strdup_printf ("/subjects?q=%s", id);
  g_autoptr(HcTestResponse) created = post_subject (analyst, id, "符海燕", "natural_person", NULL);
  g_autoptr(HcTestResponse) by_analyst = hc_test_request (server, "GET", path, analyst, NULL);
  g_autoptr(HcTestResponse) analyst_unmask = hc_test_request (server, "GET", unmask_path, analyst, NULL);
  g_autoptr(HcTestResponse) by_supervisor = hc_test_request (server, "GET", path, supervisor, NULL);
  g_autoptr(HcTestResponse) by_admin = hc_test_request (server, "GET", path, admin, NULL);
  g_autoptr(HcTestResponse) analyst_prefix = hc_test_request (server, "GET", prefix_query, analyst, NULL);
  g_autoptr(HcTestResponse) analyst_whole = hc_test_request (server, "GET", whole_query, analyst, NULL);
  g_autoptr(HcTestResponse) admin_prefix = hc_test_request (server, "GET", prefix_query, admin, NULL);
  g_autoptr(HcTestResponse) supervisor_unmask = NULL;
  gint64 subject_id, unmasks_before;
  JsonArray *items;

  hc_assert_status (created, 201, NULL);
  g_assert_cmpstr (member (created, "identifier"), ==, masked);
  g_assert_cmpstr (member (created, "region"), ==, "469027");   /* from the address code */
  subject_id = json_object_get_int_member (hc_test_response_object (created), "id");
  g_assert_cmpint (count ("SELECT count(*) FROM subjects WHERE identifier = '%s'", id), ==, 1);

  hc_assert_status (by_analyst, 200, NULL);
  g_assert_cmpstr (member (by_analyst, "identifier"), ==, masked);
  g_assert_true (json_object_get_boolean_member (hc_test_response_object (by_analyst), "identifier_masked"));
  hc_assert_status (analyst_unmask, 403, "forbidden");
  hc_assert_status (by_supervisor, 200, NULL);
  g_assert_cmpstr (member (by_supervisor, "identifier"), ==, masked);
  hc_assert_status (by_admin, 200, NULL);
  g_assert_cmpstr (member (by_admin, "identifier"), ==, id);
  g_assert_false (json_object_get_boolean_member (hc_test_response_object (by_admin), "identifier_masked"));

  /* Digits cannot be fished out with prefixes; the whole number finds. */
  hc_assert_status (analyst_prefix, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (analyst_prefix), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 0);
  hc_assert_status (analyst_whole, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (analyst_whole), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "identifier"), ==, masked);
  hc_assert_status (admin_prefix, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (admin_prefix), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "identifier"), ==, id);

  /* Nothing so far unmasked anything; the audit log keeps the number (each
   * look-up by it is recorded) but shows it masked to a supervisor. */
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'subject.unmask'"), ==, 0);
  {
    g_autoptr(HcTestResponse) audit = hc_test_request (server, "GET", "/audit?limit=1000", supervisor, NULL);
    gsize len;
    const char *data;

    hc_assert_status (audit, 200, NULL);
    data = g_bytes_get_data (audit->body, &len);
    g_assert_null (g_strstr_len (data, (gssize) len, id));
    g_assert_nonnull (g_strstr_len (data, (gssize) len, masked));
  }

  unmasks_before = count ("SELECT count(*) FROM audit WHERE action = 'subject.unmask'");
  supervisor_unmask = hc_test_request (server, "GET", unmask_path, supervisor, NULL);
  hc_assert_status (supervisor_unmask, 200, NULL);
  g_assert_cmpstr (member (supervisor_unmask, "identifier"), ==, id);
  g_assert_nonnull (supervisor_unmask->etag);
  g_assert_cmpint (count ("SELECT count(*) FROM audit WHERE action = 'subject.unmask' AND actor = 'zhao.qiang'"
                          " AND role = 'supervisor' AND entity = 'subject' AND entity_id = '%" G_GINT64_FORMAT "'",
                          subject_id), ==, unmasks_before + 1);
}

/* Walks every page of @query; checks the order of @key and returns the ids. */
static GArray *
walk_pages (const char *token,
            const char *query,
            const char *key)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *cursor = NULL;
  g_autofree char *last_key = NULL;
  gint64 last_id = 0;
  guint pages = 0;

  do
    {
      g_autofree char *path = NULL;
      g_autoptr(HcTestResponse) r = NULL;
      JsonObject *obj;
      JsonArray *items;

      if (cursor != NULL)
        {
          g_autofree char *escaped = g_uri_escape_string (cursor, NULL, FALSE);

          path = g_strdup_printf ("/subjects?%s&limit=4&cursor=%s", query, escaped);
        }
      else
        path = g_strdup_printf ("/subjects?%s&limit=4", query);
      r = hc_test_request (server, "GET", path, token, NULL);
      hc_assert_status (r, 200, NULL);
      obj = hc_test_response_object (r);
      items = json_object_get_array_member (obj, "items");
      g_assert_cmpuint (json_array_get_length (items), <=, 4);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          gint64 id = json_object_get_int_member (item, "id");

          if (key != NULL)
            {
              const char *k = json_object_get_string_member (item, key);
              int cmp = last_key ? strcmp (last_key, k) : -1;

              g_assert_true (cmp < 0 || (cmp == 0 && last_id < id));
              g_free (last_key);
              last_key = g_strdup (k);
            }
          else
            g_assert_cmpint (id, >, last_id);
          last_id = id;
          g_array_append_val (ids, id);
        }
      g_free (cursor);
      cursor = json_object_get_null_member (obj, "next_cursor") ? NULL
             : g_strdup (json_object_get_string_member (obj, "next_cursor"));
      g_assert_cmpuint (++pages, <, 100);
    }
  while (cursor != NULL);
  return ids;
}

static gint64
total_of (const char *token,
          const char *query)
{
  g_autofree char *path = g_strdup_printf ("/subjects?%s&total=1&limit=1", query);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, token, NULL);

  hc_assert_status (r, 200, NULL);
  return json_object_get_int_member (hc_test_response_object (r), "total");
}

/* GET /subjects?…&total=estimate on @srv: the answer, checked for its
 * shape (total and total_exact true, or total_estimate and total_exact
 * false, never both). */
static JsonObject *
estimate_answer (HcTestServer *srv,
                 const char   *token,
                 const char   *query,
                 guint         limit)
{
  g_autofree char *path = g_strdup_printf ("/subjects?%s&total=estimate&limit=%u", query, limit);
  g_autoptr(HcTestResponse) r = hc_test_request (srv, "GET", path, token, NULL);
  JsonObject *obj;

  hc_assert_status (r, 200, NULL);
  obj = hc_test_response_object (r);
  g_assert_true (json_object_has_member (obj, "total_exact"));
  if (json_object_get_boolean_member (obj, "total_exact"))
    {
      g_assert_true (json_object_has_member (obj, "total"));
      g_assert_false (json_object_has_member (obj, "total_estimate"));
    }
  else
    {
      g_assert_false (json_object_has_member (obj, "total"));
      g_assert_cmpint (json_object_get_int_member (obj, "total_estimate"), >=,
                       json_array_get_length (json_object_get_array_member (obj, "items")));
    }
  return json_object_ref (obj);
}

/* Every matching subject once, for each order and filter; names repeat so
 * that the order by name needs its tie-break. */
static void
test_subjects_paging_has_no_gaps_or_duplicates (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  static const char * const names[] = { "保亭七仙岭温泉酒店管理有限公司", "保亭甘什岭槟榔专业合作社", "保亭呀诺达旅游开发有限公司" };
  static const struct { const char *query; const char *key; const char *sql; } walks[] = {
    { "region=469029", NULL, "SELECT count(*) FROM subjects WHERE region = '469029'" },
    { "region=469029&sort=name", "name", "SELECT count(*) FROM subjects WHERE region = '469029'" },
    { "region=469029&sort=identifier", "identifier", "SELECT count(*) FROM subjects WHERE region = '469029'" },
    { "sort=name", "name", "SELECT count(*) FROM subjects" },
    { "sort=identifier", "identifier", "SELECT count(*) FROM subjects" },
    { "sort=id", NULL, "SELECT count(*) FROM subjects" },
    { "q=914690291&sort=name", "name", "SELECT count(*) FROM subjects WHERE identifier LIKE '914690291%'" },
    { "q=914690291", NULL, "SELECT count(*) FROM subjects WHERE identifier LIKE '914690291%'" },
    { "q=%E4%BF%9D%E4%BA%AD&sort=name", "name", "SELECT count(*) FROM subjects WHERE name LIKE '%保亭%'" },
    { "region=469029&grade=C", NULL, "SELECT count(*) FROM subjects WHERE region = '469029' AND grade = 'C'" },
  };

  for (guint i = 0; i < 23; i++)
    {
      g_autofree char *uscc = make_uscc ("469029");
      g_autofree char *extra = g_strdup_printf ("\"grade\":\"%c\",\"grade_reason\":\"分页测试\"", "ABC"[i % 3]);
      g_autoptr(HcTestResponse) r = post_subject (supervisor, uscc, names[i % G_N_ELEMENTS (names)], "legal_person", extra);

      hc_assert_status (r, 201, NULL);
    }

  for (guint w = 0; w < G_N_ELEMENTS (walks); w++)
    {
      g_autoptr(GArray) ids = walk_pages (admin, walks[w].query, walks[w].key);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
      gint64 expected = hc_test_count_rows (server, walks[w].sql);

      g_assert_cmpint (expected, >=, 7);
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 *id = &g_array_index (ids, gint64, i);

          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, id);
        }
      if ((gint64) ids->len != expected)
        g_error ("%s: %u subjects paged, %" G_GINT64_FORMAT " match", walks[w].query, ids->len, expected);
      g_assert_cmpint (total_of (admin, walks[w].query), ==, expected);

      /* A page by its offset holds the rows the walk found there. */
      for (guint k = 0; k < 3; k++)
        {
          guint offset = k == 0 ? 0 : k == 1 ? 5 : ids->len - 2;
          g_autofree char *path = g_strdup_printf ("/subjects?%s&limit=3&offset=%u", walks[w].query, offset);
          g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, admin, NULL);
          JsonArray *items;

          hc_assert_status (r, 200, NULL);
          items = json_object_get_array_member (hc_test_response_object (r), "items");
          g_assert_cmpuint (json_array_get_length (items), ==, MIN (3, ids->len - offset));
          for (guint i = 0; i < json_array_get_length (items); i++)
            g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, i), "id"), ==,
                             g_array_index (ids, gint64, offset + i));
        }
    }
}

static void
test_subjects_search (void)
{
  g_autofree char *uscc = make_uscc ("469030");
  g_autofree char *by_prefix = g_strdup_printf ("/subjects?q=%.12s", uscc);
  g_autofree char *lower = g_ascii_strdown (uscc, -1);
  g_autofree char *by_lower = g_strdup_printf ("/subjects?q=%s", lower);
  g_autoptr(HcTestResponse) created = post_subject (analyst, uscc, "琼中百花岭绿橙种植专业合作社", "unincorporated", NULL);
  g_autoptr(HcTestResponse) prefix = hc_test_request (server, "GET", by_prefix, analyst, NULL);
  g_autoptr(HcTestResponse) whole = hc_test_request (server, "GET", by_lower, analyst, NULL);
  g_autoptr(HcTestResponse) name = hc_test_request (server, "GET", "/subjects?q=%E7%BB%BF%E6%A9%99&total=1", analyst, NULL);
  g_autoptr(HcTestResponse) none = hc_test_request (server, "GET", "/subjects?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E5%90%8D%E5%AD%97", analyst, NULL);
  g_autoptr(HcTestResponse) filtered = hc_test_request (server, "GET", "/subjects?q=%E7%BB%BF%E6%A9%99&type=legal_person", analyst, NULL);
  JsonArray *items;

  hc_assert_status (created, 201, NULL);
  g_assert_cmpstr (member (created, "type"), ==, "unincorporated");
  for (guint i = 0; i < 2; i++)
    {
      HcTestResponse *r = i == 0 ? prefix : whole;

      hc_assert_status (r, 200, NULL);
      items = json_object_get_array_member (hc_test_response_object (r), "items");
      g_assert_cmpuint (json_array_get_length (items), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "identifier"), ==, uscc);
    }
  hc_assert_status (name, 200, NULL);
  g_assert_cmpint (json_object_get_int_member (hc_test_response_object (name), "total"), ==, 1);
  items = json_object_get_array_member (hc_test_response_object (name), "items");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "name"), ==,
                   "琼中百花岭绿橙种植专业合作社");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (none), "items")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (filtered), "items")), ==, 0);
}

/* The subjects of a search as the scan without the name index finds them:
 * the text within the name (instr), or, for a text that may be an
 * identifier, the identifiers it starts (as the route decides, for someone
 * who sees ID numbers), in the walk's order. */
static GArray *
scan_search (const char *text,
             const char *order,
             const char *region)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *upper = g_ascii_strup (text, -1);
  gboolean code_like = TRUE;
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM subjects WHERE (");
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) quoted = g_strsplit (text, "'", -1);
  g_autofree char *literal = g_strjoinv ("''", quoted);

  for (const char *p = upper; *p; p++)
    if (!g_ascii_isdigit (*p) && !g_ascii_isupper (*p))
      code_like = FALSE;
  /* The test's texts, as literals (hc_test_query_rows binds nothing). */
  if (!code_like || strlen (upper) < 6)
    g_string_append_printf (sql, "instr (name, '%s') > 0", literal);
  else
    g_string_append (sql, "1 = 0");
  if (code_like)
    g_string_append_printf (sql, " OR (identifier >= '%s' AND identifier < '%s~')", upper, upper);
  g_string_append (sql, ")");
  if (region != NULL)
    g_string_append_printf (sql, " AND region = '%s'", region);
  g_string_append_printf (sql, " ORDER BY %s", order);
  rows = hc_test_query_rows (server, sql->str);
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = g_ascii_strtoll (g_ptr_array_index ((GPtrArray *) rows->pdata[i], 0), NULL, 10);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
exec_sql (const char *sql)
{
  hc_test_exec_sql (server, sql);
}

/* The per-bigram counts (subject-name-gram-counts.sql) are the postings'
 * counts, bigram by bigram, whatever wrote the names. */
static void
check_gram_counts (void)
{
  g_assert_cmpint (count ("SELECT count(*) FROM (SELECT gram, count(*) AS n FROM subject_name_grams GROUP BY gram) g"
                          " LEFT JOIN subject_name_gram_counts c USING (gram) WHERE c.n IS NOT g.n"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM subject_name_gram_counts c WHERE c.n <>"
                          " (SELECT count(*) FROM subject_name_grams g WHERE g.gram = c.gram)"), ==, 0);
  g_assert_cmpint (count ("SELECT count(*) FROM subject_name_gram_counts"), >, 0);
}

/* The name search reads the bigram index (migration 9) instead of scanning
 * the names: for texts of one character and more, Chinese, Latin and
 * mixed, identifier prefixes, in each order and within a 市县, every page
 * and the total are the scan's. The index follows every write of a name:
 * registration through the API, a rename, an import, a repair with the
 * sqlite3 CLI (the triggers are plain SQL). */
static void
test_subjects_name_index_answers_as_the_scan (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  static const struct { const char *name; const char *region; } subjects[] = {
    { "海口椰风贸易有限公司", "460100" }, { "三亚椰风餐饮管理有限公司", "460200" },
    { "哈哈哈哈便利店", "460100" }, { "ABC科技（海南）有限公司", "460100" },
    { "abc海南数码店", "469005" }, { "海南XYZ123投资有限公司", "460100" },
    { "琼海市嘉积镇椰子糖厂", "469002" }, { "椰椰椰椰", "460200" }, { "海", "460100" },
    { "口海口海口", "469005" }, { "文昌鸡饭店", "469005" }, { "海口口口贸易商行", "460100" },
    { "三亚湾椰梦长廊旅游开发有限公司", "460200" }, { "A", "460100" }, { "Abc Def 咨询部", "460200" },
    { "椰风海韵", "469005" }, { "海口椰风贸易有限公司", "469005" }, { "旧名字餐馆", "460100" },
  };
  static const char * const texts[] = {
    "海口", "椰风", "有限公司", "哈哈", "哈哈哈", "哈哈哈哈哈", "椰椰椰", "海", "口", "ABC", "abc",
    "ABC科技", "c海", "XYZ123", "Z1", "店", "椰子糖", "（海南）", "不存在", "口海口", "海口口",
    "Abc D", "c D", "9146", "914601", "新名字", "旧名字", "登记", "修复", "A", "贸易有限公司",
  };
  static const char * const orders[][2] = { { "id", NULL }, { "name", "name" }, { "identifier", "identifier" } };
  g_autofree char *renamed = make_uscc ("460100");
  g_autofree char *csv = NULL;
  g_autofree char *imported = make_uscc ("469005");
  g_autofree char *repaired_sql = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(HcTestResponse) patched = NULL;
  g_autoptr(HcTestResponse) import = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      g_autofree char *uscc = i + 1 == G_N_ELEMENTS (subjects) ? g_strdup (renamed) : make_uscc (subjects[i].region);
      g_autoptr(HcTestResponse) r = post_subject (supervisor, uscc, subjects[i].name, "legal_person", NULL);

      hc_assert_status (r, 201, NULL);
    }
  patched = patch_subject (supervisor, renamed, "\"1\"", "{\"name\":\"新名字餐馆\"}");
  hc_assert_status (patched, 200, NULL);

  exec_sql ("INSERT INTO departments (id, code, name, created_at) VALUES"
            " (951, 'DJ-IDX', '登记测试局', '2025-01-01T00:00:00Z') ON CONFLICT DO NOTHING;"
            "INSERT INTO catalog_versions (year, state, created_at) VALUES (2025, 'published', '2025-01-01T00:00:00Z')"
            " ON CONFLICT DO NOTHING;"
            "INSERT INTO catalog_items (id, year, lineage, category, name, subject_type, department_id, disclosure)"
            " VALUES (951, 2025, 'dj-idx', 'registration', '企业登记注册信息', 'legal_person', 951, 'public')"
            " ON CONFLICT DO NOTHING;");
  csv = g_strdup_printf ("统一社会信用代码,主体名称,主体类型,所属市县\n%s,文昌登记椰风有限公司,法人,文昌市\n", imported);
  body = g_bytes_new (csv, strlen (csv));
  import = hc_test_request_full (server, "POST", "/imports?kind=registration&item=951", admin, "text/csv", body, NULL);
  hc_assert_status (import, 201, NULL);
  g_assert_cmpint (json_object_get_int_member (hc_test_response_object (import), "accepted"), ==, 1);
  repaired_sql = g_strdup_printf ("UPDATE subjects SET name = '海口修复椰风有限公司' WHERE identifier = '%s'", imported);
  exec_sql (repaired_sql);

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
      for (guint in_region = 0; in_region < 2; in_region++)
        {
          const char *region = in_region ? "460100" : NULL;
          g_autofree char *escaped = g_uri_escape_string (texts[t], NULL, FALSE);
          g_autofree char *query = g_strdup_printf ("q=%s&sort=%s%s%s", escaped, orders[o][0],
                                                    region ? "&region=" : "", region ? region : "");
          g_autofree char *order = g_strdup_printf ("%s%s", orders[o][1] ? orders[o][1] : "", orders[o][1] ? ", id" : "id");
          g_autoptr(GArray) got = walk_pages (admin, query, orders[o][1]);
          g_autoptr(GArray) want = scan_search (texts[t], order, region);

          if (got->len != want->len ||
              (got->len > 0 && memcmp (got->data, want->data, got->len * sizeof (gint64)) != 0))
            g_error ("%s: %u subjects paged, the scan finds %u", query, got->len, want->len);
          g_assert_cmpint (total_of (admin, query), ==, want->len);
          /* The last rows of the id order by their place from the end: the
           * walk's, and the cursor goes on to the end. */
          if (o == 0)
            for (guint from_end = 0; from_end < 3 && from_end < want->len; from_end++)
              {
                guint limit = MIN (2, want->len - from_end);
                g_autofree char *tail_path = g_strdup_printf ("/subjects?%s&from_end=%u&limit=%u", query, from_end, limit);
                g_autoptr(HcTestResponse) tail = hc_test_request (server, "GET", tail_path, admin, NULL);
                JsonArray *items;

                hc_assert_status (tail, 200, NULL);
                items = json_object_get_array_member (hc_test_response_object (tail), "items");
                g_assert_cmpuint (json_array_get_length (items), ==, limit);
                for (guint k = 0; k < limit; k++)
                  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, k), "id"), ==,
                                   g_array_index (want, gint64, want->len - from_end - limit + k));
                g_assert_true (json_object_get_null_member (hc_test_response_object (tail), "next_cursor") ==
                               (from_end == 0));
              }
          /* A small table: the estimate is the exact count. */
          {
            g_autoptr(JsonObject) estimated = estimate_answer (server, admin, query, 2);

            g_assert_true (json_object_get_boolean_member (estimated, "total_exact"));
            g_assert_cmpint (json_object_get_int_member (estimated, "total"), ==, want->len);
          }
        }

  /* Texts the data make sure of: the index is not merely empty. */
  g_assert_cmpint (total_of (admin, "q=%E6%96%B0%E5%90%8D%E5%AD%97"), ==, 1);          /* 新名字 */
  g_assert_cmpint (total_of (admin, "q=%E6%97%A7%E5%90%8D%E5%AD%97"), ==, 0);          /* 旧名字 */
  g_assert_cmpint (total_of (admin, "q=%E4%BF%AE%E5%A4%8D"), ==, 1);                   /* 修复 */
  g_assert_cmpint (total_of (admin, "q=%E7%99%BB%E8%AE%B0"), ==, 0);                   /* 登记 */
  g_assert_cmpint (total_of (admin, "q=%E5%93%88%E5%93%88%E5%93%88"), ==, 1);          /* 哈哈哈 */
  /* A code point is unicode () over SQLite, ascii () over PostgreSQL
   * (an integer: a bigram's number is a bigint there, and substr wants an
   * integer place); a bigram's text char (a, b) there, chr (a) || chr (b)
   * here. */
  g_assert_cmpint (count ("SELECT count(*) FROM subject_name_grams"), ==,
                   count ("SELECT count(*) FROM (SELECT DISTINCT %s, id FROM subjects"
                          " JOIN subject_name_positions ON p < length (name)) AS d",
                          hc_test_is_pg () ? "ascii (substr (name, p::int, 1))::bigint * 2097152 + ascii (substr (name, p::int + 1, 1))"
                                           : "unicode (substr (name, p, 1)) * 2097152 + unicode (substr (name, p + 1, 1))"));
  g_assert_cmpint (count ("SELECT count(*) FROM subject_name_grams g WHERE NOT EXISTS"
                          " (SELECT 1 FROM subjects s WHERE s.id = g.subject_id AND instr (s.name, %s) > 0)",
                          hc_test_is_pg () ? "chr ((g.gram / 2097152)::int) || chr ((g.gram % 2097152)::int)"
                                           : "char (g.gram / 2097152, g.gram % 2097152)"), ==, 0);
  check_gram_counts ();

  /* The counts follow a rename and a delete, and a two-character text's
   * total (one probe of them) with them: 哈哈 of 哈哈哈哈便利店 (deleted by
   * a repair with the sqlite3 CLI), 旧名 of the renamed 旧名字餐馆, 新名
   * of its new name. */
  g_assert_cmpint (total_of (admin, "q=%E5%93%88%E5%93%88"), ==, 1);                   /* 哈哈 */
  g_assert_cmpint (total_of (admin, "q=%E6%97%A7%E5%90%8D"), ==, 0);                   /* 旧名 */
  g_assert_cmpint (total_of (admin, "q=%E6%96%B0%E5%90%8D"), ==, 1);                   /* 新名 */
  exec_sql ("DELETE FROM subjects WHERE name = '哈哈哈哈便利店'");
  g_assert_cmpint (total_of (admin, "q=%E5%93%88%E5%93%88"), ==, 0);
  g_assert_cmpint (count ("SELECT n FROM subject_name_gram_counts WHERE gram = %s", hc_test_is_pg ()
                          ? "ascii ('哈')::bigint * 2097152 + ascii ('哈')" : "unicode ('哈') * 2097152 + unicode ('哈')"), ==, 0);
  check_gram_counts ();
}

static void
test_subjects_bad_list_parameters_are_400 (void)
{
  static const struct { const char *query; const char *field; } cases[] = {
    { "/subjects?region=999999", "region" },
    { "/subjects?type=company", "type" },
    { "/subjects?grade=Z", "grade" },
    { "/subjects?status=sleeping", "status" },
    { "/subjects?sort=age", "sort" },
    { "/subjects?limit=0", "limit" },
    { "/subjects?cursor=%21%21not-ours", "cursor" },
    { "/subjects?q=%FF%FE", "q" },
    { "/subjects?offset=-1", "offset" },
    { "/subjects?offset=many", "offset" },
    { "/subjects?from_end=-1", "from_end" },
    { "/subjects?from_end=5&offset=5", "from_end" },
    { "/subjects?from_end=0&sort=name", "from_end" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", cases[i].query, analyst, NULL);

      g_assert_cmpuint (r->status, ==, 400);
      g_assert_nonnull (hc_test_response_error_code (r));
      g_assert_cmpstr (hc_test_response_error_field (r), ==, cases[i].field);
    }

  /* A page is placed by its cursor or by its offset, not by both. */
  {
    g_autoptr(HcTestResponse) first = hc_test_request (server, "GET", "/subjects?limit=1", analyst, NULL);
    g_autofree char *cursor = NULL;
    g_autofree char *path = NULL;
    g_autoptr(HcTestResponse) r = NULL;

    hc_assert_status (first, 200, NULL);
    cursor = g_uri_escape_string (json_object_get_string_member (hc_test_response_object (first), "next_cursor"),
                                  NULL, FALSE);
    path = g_strdup_printf ("/subjects?offset=5&cursor=%s", cursor);
    r = hc_test_request (server, "GET", path, analyst, NULL);
    hc_assert_status (r, 400, "invalid_parameter");
    g_assert_cmpstr (hc_test_response_error_field (r), ==, "offset");
  }
}

/* Reads every subject of @demo's database: checks each identifier with the
 * core's validators and returns a digest of all rows, in id order. */
static char *
check_demo_rows (HcTestServer *demo,
                 guint        *n_enterprises,
                 guint        *n_persons,
                 GHashTable   *per_region)
{
  g_autoptr(GChecksum) digest = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) rows = hc_test_query_rows (demo, "SELECT id, identifier, name, type, region, industry, status,"
                                                        " grade, registered_on FROM subjects ORDER BY id");
  gint64 expect_id = 1;

  *n_enterprises = *n_persons = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *row = (const char * const *) ((GPtrArray *) rows->pdata[i])->pdata;
      const char *identifier = row[1];
      const char *type = row[3];
      const char *region = row[4];
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;

      /* Ids run without gaps: other seeders draw subjects by id. */
      g_assert_cmpint (g_ascii_strtoll (row[0], NULL, 10), ==, expect_id++);
      g_assert_nonnull (hc_region_lookup (region));
      if (g_str_equal (type, "natural_person"))
        {
          g_autofree char *year = g_strndup (identifier + 6, 4);

          if (!hc_id_number_validate (identifier, &normalized, &error))
            g_error ("demo ID number %s: %s", identifier, error->message);
          g_assert_cmpint (atoi (year), >=, 1950);
          g_assert_cmpint (atoi (year), <=, 2003);
          (*n_persons)++;
        }
      else
        {
          if (!hc_uscc_validate (identifier, &normalized, &error))
            g_error ("demo USCC %s: %s", identifier, error->message);
          g_assert_cmpstr (hc_uscc_region_code (identifier), ==, region);
          g_assert_nonnull (row[7]);      /* a grade */
          g_assert_nonnull (row[8]);      /* registered on */
          g_assert_cmpstr (row[8], >=, "2000-01-01");
          g_assert_cmpstr (row[8], <=, "2025-12-31");
          g_assert_cmpuint (strlen (row[5]), >, 0);
          (*n_enterprises)++;
          g_hash_table_replace (per_region, (gpointer) hc_region_lookup (region)->code,
                                GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_region, region)) + 1));
        }
      g_assert_cmpstr (normalized, ==, identifier);
      for (int c = 1; c <= 8; c++)
        {
          const char *text = row[c];

          g_checksum_update (digest, (const guchar *) (text ? text : "-"), -1);
          g_checksum_update (digest, (const guchar *) "\x1f", 1);
        }
    }
  return g_strdup (g_checksum_get_string (digest));
}

/* The demo dataset: valid identifiers spread like Hainan's market (海口,
 * 三亚 largest), persons masked for analysts, the same at every seeding. */
/* total=estimate over the demo's 105,000 subjects: the page is the exact
 * answer's page; a common text's count is estimated (total_exact false)
 * within a fifth of the exact count, which total=1 still gives; a rare
 * text's, a short identifier range's, a page holding the last match and
 * any count without a text (a whole 市县, a type, the whole table: the
 * counts the triggers keep, migration 21) are exact. */
static void
check_estimates (HcTestServer *demo)
{
  const char *analyst_token = hc_test_server_token (demo, "analyst");
  static const char * const estimated[] = {
    "q=%E6%9C%89%E9%99%90%E5%85%AC",                    /* 有限公 */
    "q=%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8",           /* 有限公司 */
    "q=%E5%85%AC%E5%8F%B8&region=460100",               /* 公司 in 海口 */
  };
  static const char * const untexted[] = {
    "sort=id", "region=460100", "type=legal_person", "region=460200&status=active&sort=name",
  };
  g_autoptr(HcTestResponse) first = hc_test_request (demo, "GET", "/subjects?limit=1&sort=id", analyst_token, NULL);
  JsonObject *subject;
  g_autofree char *name_query = NULL;
  g_autofree char *prefix_query = NULL;
  g_autofree char *escaped = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (estimated); i++)
    {
      g_autofree char *exact_path = g_strdup_printf ("/subjects?%s&total=1&limit=50", estimated[i]);
      g_autoptr(HcTestResponse) exact = hc_test_request (demo, "GET", exact_path, analyst_token, NULL);
      g_autoptr(JsonObject) answer = estimate_answer (demo, analyst_token, estimated[i], 50);
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) a = json_node_init_array (json_node_alloc (), json_object_get_array_member (answer, "items"));
      g_autoptr(JsonNode) b = NULL;
      g_autofree char *a_text = NULL;
      g_autofree char *b_text = NULL;
      gint64 total, estimate;

      hc_assert_status (exact, 200, NULL);
      total = json_object_get_int_member (hc_test_response_object (exact), "total");
      g_assert_false (json_object_get_boolean_member (answer, "total_exact"));
      estimate = json_object_get_int_member (answer, "total_estimate");
      g_test_message ("%s: estimate %" G_GINT64_FORMAT ", exact %" G_GINT64_FORMAT, estimated[i], estimate, total);
      g_assert_cmpint (total, >, 5000);
      g_assert_cmpint (estimate * 5, >=, total * 4);
      g_assert_cmpint (estimate * 5, <=, total * 6);
      /* The same page, and the same cursor on from it. */
      b = json_node_init_array (json_node_alloc (),
                                json_object_get_array_member (hc_test_response_object (exact), "items"));
      json_generator_set_root (gen, a);
      a_text = json_generator_to_data (gen, NULL);
      json_generator_set_root (gen, b);
      b_text = json_generator_to_data (gen, NULL);
      g_assert_cmpstr (a_text, ==, b_text);
      g_assert_cmpstr (json_object_get_string_member (answer, "next_cursor"), ==,
                       json_object_get_string_member (hc_test_response_object (exact), "next_cursor"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (untexted); i++)
    {
      g_autofree char *exact_path = g_strdup_printf ("/subjects?%s&total=1&limit=50", untexted[i]);
      g_autoptr(HcTestResponse) exact = hc_test_request (demo, "GET", exact_path, analyst_token, NULL);
      g_autoptr(JsonObject) answer = estimate_answer (demo, analyst_token, untexted[i], 50);

      hc_assert_status (exact, 200, NULL);
      g_assert_true (json_object_get_boolean_member (answer, "total_exact"));
      g_assert_cmpint (json_object_get_int_member (answer, "total"), ==,
                       json_object_get_int_member (hc_test_response_object (exact), "total"));
      g_assert_cmpint (json_object_get_int_member (answer, "total"), >, 1000);
    }

  /* A whole name (rare bigrams), a 12-character identifier prefix (a short
   * range), two characters alone however common (their bigram's count, one
   * probe) and a page holding the last match: exact. */
  hc_assert_status (first, 200, NULL);
  subject = json_array_get_object_element (json_object_get_array_member (hc_test_response_object (first), "items"), 0);
  escaped = g_uri_escape_string (json_object_get_string_member (subject, "name"), NULL, FALSE);
  name_query = g_strdup_printf ("q=%s", escaped);
  prefix_query = g_strdup_printf ("q=%.12s", json_object_get_string_member (subject, "identifier"));
  {
    const char *exact_queries[] = { name_query, prefix_query, "q=%E6%9C%89%E9%99%90", "q=%E6%9C%89%E9%99%90" };
    guint limits[] = { 2, 2, 50, 1000 };

    for (guint i = 0; i < G_N_ELEMENTS (exact_queries); i++)
      {
        g_autofree char *exact_path = g_strdup_printf ("/subjects?%s&total=1&limit=1", exact_queries[i]);
        g_autoptr(HcTestResponse) exact = hc_test_request (demo, "GET", exact_path, analyst_token, NULL);
        g_autoptr(JsonObject) answer = NULL;

        if (i == 3)
          {
            /* The last page of 有限 by its offset: it holds the last match. */
            gint64 total;

            hc_assert_status (exact, 200, NULL);
            total = json_object_get_int_member (hc_test_response_object (exact), "total");
            g_free (exact_path);
            exact_path = g_strdup_printf ("%s&offset=%" G_GINT64_FORMAT, exact_queries[i], total - 10);
            answer = estimate_answer (demo, analyst_token, exact_path, limits[i]);
            g_assert_true (json_object_get_boolean_member (answer, "total_exact"));
            g_assert_cmpint (json_object_get_int_member (answer, "total"), ==, total);
            g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "items")), ==, 10);
            continue;
          }
        answer = estimate_answer (demo, analyst_token, exact_queries[i], limits[i]);
        hc_assert_status (exact, 200, NULL);
        g_assert_true (json_object_get_boolean_member (answer, "total_exact"));
        g_assert_cmpint (json_object_get_int_member (answer, "total"), ==,
                         json_object_get_int_member (hc_test_response_object (exact), "total"));
        g_assert_cmpint (json_object_get_int_member (answer, "total"), >=, 1);
      }
  }
}

static void
test_subjects_demo_dataset (void)
{
  g_autoptr(HcTestServer) demo = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  g_autoptr(HcTestServer) again = NULL;
  g_autoptr(GHashTable) per_region = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) per_region2 = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *digest = NULL;
  g_autofree char *digest2 = NULL;
  g_autoptr(HcTestResponse) persons = NULL;
  guint n_enterprises, n_persons, n_regions, haikou, sanya;
  const HcRegion *regions = hc_regions_get_all (&n_regions);
  JsonArray *items;

  digest = check_demo_rows (demo, &n_enterprises, &n_persons, per_region);
  /* The subjects' counts (migration 21) agree with the demo's subjects
   * (over PostgreSQL, written through COPY), and give the whole list's
   * exact total with its first page. */
  g_assert_cmpint (hc_test_count_rows (demo, "SELECT count(*) FROM subject_counts c FULL JOIN"
                                             " (SELECT type, region, status, coalesce (grade, '') AS grade, count(*) AS n"
                                             "  FROM subjects GROUP BY type, region, status, coalesce (grade, '')) s"
                                             " USING (type, region, status, grade) WHERE coalesce (c.n, 0) <> coalesce (s.n, 0)"),
                   ==, 0);
  {
    g_autoptr(HcTestResponse) first = hc_test_request (demo, "GET", "/subjects?limit=50&total=estimate",
                                                       hc_test_server_token (demo, "analyst"), NULL);

    hc_assert_status (first, 200, NULL);
    g_assert_true (json_object_get_boolean_member (hc_test_response_object (first), "total_exact"));
    g_assert_cmpint (json_object_get_int_member (hc_test_response_object (first), "total"), ==, 105000);
  }
  g_assert_cmpuint (n_enterprises, ==, 100000);
  g_assert_cmpuint (n_persons, ==, 5000);
  g_assert_cmpuint (g_hash_table_size (per_region), ==, n_regions);
  haikou = GPOINTER_TO_UINT (g_hash_table_lookup (per_region, "460100"));
  sanya = GPOINTER_TO_UINT (g_hash_table_lookup (per_region, "460200"));
  g_assert_cmpuint (haikou, >, sanya);
  for (guint i = 0; i < n_regions; i++)
    if (!g_str_equal (regions[i].code, "460100") && !g_str_equal (regions[i].code, "460200"))
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (per_region, regions[i].code)), <, sanya);

  persons = hc_test_request (demo, "GET", "/subjects?type=natural_person&limit=20",
                             hc_test_server_token (demo, "analyst"), NULL);
  hc_assert_status (persons, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (persons), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 20);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_assert_true (json_object_get_boolean_member (item, "identifier_masked"));
      g_assert_nonnull (strstr (json_object_get_string_member (item, "identifier"), "**********"));
    }

  check_estimates (demo);

  again = hc_test_server_new (HC_TEST_SERVER_DEMO, NULL);
  digest2 = check_demo_rows (again, &n_enterprises, &n_persons, per_region2);
  g_assert_cmpstr (digest, ==, digest2);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  analyst = hc_test_create_user (server, "li.fen", "analyst");
  supervisor = hc_test_create_user (server, "zhao.qiang", "supervisor");

  g_test_add_func ("/subjects/create-and-get-by-normalised-identifier", test_subjects_create_and_get);
  g_test_add_func ("/subjects/create-is-audited", test_subjects_create_is_audited);
  g_test_add_func ("/subjects/json-text-escapes", test_subjects_json_text_escapes);
  g_test_add_func ("/subjects/region-is-derived-from-the-uscc", test_subjects_region_is_derived_from_the_uscc);
  g_test_add_func ("/subjects/invalid-uscc-says-which-rule", test_subjects_invalid_uscc_says_which_rule);
  g_test_add_func ("/subjects/invalid-id-number-says-which-rule", test_subjects_invalid_id_number_says_which_rule);
  g_test_add_func ("/subjects/bad-input-changes-nothing", test_subjects_bad_input_changes_nothing);
  g_test_add_func ("/subjects/duplicate-is-409", test_subjects_duplicate_is_409);
  g_test_add_func ("/subjects/need-a-token", test_subjects_need_a_token);
  g_test_add_func ("/subjects/unknown-is-404", test_subjects_unknown_is_404);
  g_test_add_func ("/subjects/grade-needs-a-reason", test_subjects_grade_needs_a_reason);
  g_test_add_func ("/subjects/grade-needs-a-supervisor", test_subjects_grade_needs_a_supervisor);
  g_test_add_func ("/subjects/patch-and-audit", test_subjects_patch_and_audit);
  g_test_add_func ("/subjects/stale-write-changes-nothing", test_subjects_stale_write_changes_nothing);
  g_test_add_func ("/subjects/identifier-and-type-are-immutable", test_subjects_identifier_and_type_are_immutable);
  g_test_add_func ("/subjects/id-numbers-are-masked-by-role", test_subjects_id_numbers_are_masked_by_role);
  g_test_add_func ("/subjects/paging-has-no-gaps-or-duplicates", test_subjects_paging_has_no_gaps_or_duplicates);
  g_test_add_func ("/subjects/search", test_subjects_search);
  g_test_add_func ("/subjects/name-index-answers-as-the-scan", test_subjects_name_index_answers_as_the_scan);
  g_test_add_func ("/subjects/bad-list-parameters-are-400", test_subjects_bad_list_parameters_are_400);
  g_test_add_func ("/subjects/demo-dataset", test_subjects_demo_dataset);

  status = g_test_run ();
  hc_test_server_free (server);
  return status;
}
