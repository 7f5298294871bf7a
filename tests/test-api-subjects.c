/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of /subjects: registration with the core's validators, look-up
 * by normalised identifiers, masking by role and edits. The search is
 * test-api-subjects-search.c's, the demo dataset test-api-subjects-demo.c's. */
#include "config.h"

#include <string.h>

#include "hc-core.h"
#include "hc-test-server.h"

static HcTestServer *server;
static const char *analyst;
static const char *supervisor;

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
  g_autofree char *uscc = hc_test_make_uscc ("460100");
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
  g_autofree char *uscc = hc_test_make_uscc ("460200");
  g_autofree char *lower = g_ascii_strdown (uscc, -1);
  g_autofree char *input = g_strdup_printf ("  %s ", lower);
  g_autoptr(HcTestResponse) created =
    hc_test_post_subject (server, analyst, input, "三亚椰风贸易有限公司", "legal_person",
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
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM subjects WHERE identifier = '%s'", uscc), ==, 1);

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
  g_autofree char *uscc = hc_test_make_uscc ("460400");
  g_autoptr(HcTestResponse) created = hc_test_post_subject (server, analyst, uscc, "儋州海航物流有限公司", "legal_person", NULL);
  gint64 id;

  hc_assert_status (created, 201, NULL);
  id = json_object_get_int_member (hc_test_response_object (created), "id");
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM audit WHERE action = 'subject.create' AND entity = 'subject'"
                                          " AND entity_id = '%" G_GINT64_FORMAT "' AND actor = 'li.fen' AND before IS NULL"
                                          " AND json_extract (after, '$.identifier') = '%s'", id, uscc), ==, 1);
}

static void
test_subjects_region_is_derived_from_the_uscc (void)
{
  g_autofree char *haikou_district = hc_test_make_uscc ("460106");   /* 龙华区 of 海口 */
  g_autofree char *beijing = hc_test_make_uscc ("110105");
  g_autofree char *beijing2 = hc_test_make_uscc ("110108");
  g_autoptr(HcTestResponse) derived = hc_test_post_subject (server, analyst, haikou_district, "海口龙华椰香餐饮管理有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) underivable = hc_test_post_subject (server, analyst, beijing, "北京某科技有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) elsewhere =
    hc_test_post_subject (server, analyst, beijing2, "北京某投资有限公司海南分公司", "legal_person", "\"region\":\"469028\"");
  gint64 before = n_subjects ();

  hc_assert_status (derived, 201, NULL);
  g_assert_cmpstr (member (derived, "region"), ==, "460100");
  g_assert_cmpstr (member (derived, "region_name"), ==, "海口市");

  hc_assert_status (underivable, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (underivable), ==, "region");
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM subjects WHERE identifier = '%s'", beijing), ==, 0);

  /* A code from elsewhere with a Hainan region given is accepted as is. */
  hc_assert_status (elsewhere, 201, NULL);
  g_assert_cmpstr (member (elsewhere, "region"), ==, "469028");
  g_assert_cmpint (n_subjects (), ==, before);

  /* A person's address code: 美兰区 belongs to 海口; 广州 to no 市县. */
  {
    g_autofree char *meilan = hc_test_make_id_number ("460108", "19660704");
    g_autofree char *guangzhou = hc_test_make_id_number ("440106", "19900101");
    g_autoptr(HcTestResponse) person = hc_test_post_subject (server, analyst, meilan, "林海燕", "natural_person", NULL);
    g_autoptr(HcTestResponse) outsider = hc_test_post_subject (server, analyst, guangzhou, "陈明", "natural_person", NULL);

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
  g_autofree char *valid = hc_test_make_uscc ("460100");
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

      responses[i] = hc_test_post_subject (server, analyst, cases[i], "海口测试有限公司", "legal_person", "\"region\":\"460100\"");
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
  g_autofree char *valid = hc_test_make_id_number ("460100", "19850612");
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

      responses[i] = hc_test_post_subject (server, analyst, cases[i], "王明", "natural_person", NULL);
      hc_assert_status (responses[i], 422, "invalid_id_number");
      g_assert_cmpstr (hc_test_response_error_field (responses[i]), ==, "identifier");
      message = json_object_get_string_member (json_object_get_object_member (hc_test_response_object (responses[i]), "error"),
                                                "message");
      g_assert_false (g_hash_table_contains (messages, message));
      g_hash_table_add (messages, (gpointer) message);
    }
  /* An organisation's type with an ID number is a bad USCC, and back. */
  responses[4] = hc_test_post_subject (server, analyst, valid, "王明", "legal_person", NULL);
  hc_assert_status (responses[4], 422, "invalid_uscc");
  g_assert_cmpint (n_subjects (), ==, before);
  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    hc_test_response_free (responses[i]);
}

static void
test_subjects_bad_input_changes_nothing (void)
{
  g_autofree char *uscc = hc_test_make_uscc ("460100");
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
  g_autofree char *uscc = hc_test_make_uscc ("469002");
  g_autofree char *lower = g_ascii_strdown (uscc, -1);
  g_autoptr(HcTestResponse) first = hc_test_post_subject (server, analyst, uscc, "琼海博鳌会展服务有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) again = hc_test_post_subject (server, supervisor, lower, "琼海另一家公司", "legal_person", NULL);

  hc_assert_status (first, 201, NULL);
  hc_assert_status (again, 409, "duplicate");
  g_assert_cmpstr (hc_test_response_error_field (again), ==, "identifier");
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM subjects WHERE identifier = '%s' AND name = '琼海博鳌会展服务有限公司'", uscc), ==, 1);
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM subjects WHERE name = '琼海另一家公司'"), ==, 0);
}

static void
test_subjects_need_a_token (void)
{
  g_autoptr(HcTestResponse) list = hc_test_request (server, "GET", "/subjects", NULL, NULL);
  g_autoptr(HcTestResponse) create = hc_test_request (server, "POST", "/subjects", NULL, "{}");
  g_autoptr(HcTestResponse) one = hc_test_request (server, "GET", "/subjects/91460100MA5T100082", "bogus", NULL);
  g_autoptr(HcTestResponse) patch = hc_test_patch_subject (server, NULL, "91460100MA5T100082", "\"1\"", "{\"name\":\"x\"}");

  hc_assert_status (list, 401, "unauthenticated");
  hc_assert_status (create, 401, "unauthenticated");
  hc_assert_status (one, 401, "unauthenticated");
  hc_assert_status (patch, 401, "unauthenticated");
}

static void
test_subjects_unknown_is_404 (void)
{
  g_autofree char *uscc = hc_test_make_uscc ("460100");
  g_autofree char *path = g_strdup_printf ("/subjects/%s", uscc);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, analyst, NULL);
  g_autoptr(HcTestResponse) p = hc_test_patch_subject (server, analyst, uscc, "\"1\"", "{\"name\":\"x\"}");
  g_autoptr(HcTestResponse) garbage = hc_test_request (server, "GET", "/subjects/not-an-identifier", analyst, NULL);
  g_autoptr(HcTestResponse) not_text = hc_test_request (server, "GET", "/subjects/%FF%FE", analyst, NULL);
  g_autoptr(HcTestResponse) patch_not_text = hc_test_patch_subject (server, analyst, "%FF%FE", "\"1\"", "{\"name\":\"x\"}");

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
  g_autofree char *uscc = hc_test_make_uscc ("469005");
  g_autofree char *uscc2 = hc_test_make_uscc ("469005");
  g_autoptr(HcTestResponse) refused = hc_test_post_subject (server, analyst, uscc, "文昌航天科技有限公司", "legal_person", "\"grade\":\"A\"");
  g_autoptr(HcTestResponse) created = hc_test_post_subject (server, analyst, uscc2, "文昌椰林旅游开发有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) patch_refused = hc_test_patch_subject (server, analyst, uscc2, "\"1\"", "{\"grade\":\"D\"}");
  g_autoptr(HcTestResponse) patched =
    hc_test_patch_subject (server, supervisor, uscc2, "\"1\"", "{\"grade\":\"B\",\"grade_reason\":\"测试：经集体研究评为B级\"}");
  g_autoptr(HcTestResponse) by_supervisor = NULL;

  hc_assert_status (refused, 403, "forbidden");
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM subjects WHERE identifier = '%s'", uscc), ==, 0);
  hc_assert_status (created, 201, NULL);
  hc_assert_status (patch_refused, 403, "forbidden");
  hc_assert_status (patched, 200, NULL);
  g_assert_cmpstr (member (patched, "grade"), ==, "B");
  g_assert_cmpstr (patched->etag, ==, "\"2\"");
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM grade_overrides o JOIN subjects s ON s.id = o.subject_id"
                                          " WHERE s.identifier = '%s' AND o.grade = 'B' AND o.lifted_at IS NULL"
                                          " AND o.reason = '测试：经集体研究评为B级'", uscc2), ==, 1);

  by_supervisor = hc_test_post_subject (server, supervisor, uscc, "文昌航天科技有限公司", "legal_person",
                                               "\"grade\":\"A\",\"grade_reason\":\"测试：登记时评定\"");
  hc_assert_status (by_supervisor, 201, NULL);
  g_assert_cmpstr (member (by_supervisor, "grade"), ==, "A");
}

/* A grade typed in is an override of the computed grade: without a reason
 * it is refused, at registration as in an edit, and nothing changes. */
static void
test_subjects_grade_needs_a_reason (void)
{
  g_autofree char *uscc = hc_test_make_uscc ("469005");
  g_autofree char *uscc2 = hc_test_make_uscc ("469005");
  g_autoptr(HcTestResponse) no_reason = hc_test_post_subject (server, supervisor, uscc, "文昌无由评级有限公司", "legal_person",
                                                                      "\"grade\":\"A\"");
  g_autoptr(HcTestResponse) created = hc_test_post_subject (server, supervisor, uscc2, "文昌椰风评级测试有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) patch_no_reason = hc_test_patch_subject (server, supervisor, uscc2, created->etag, "{\"grade\":\"A\"}");
  g_autoptr(HcTestResponse) patch_blank =
    hc_test_patch_subject (server, supervisor, uscc2, created->etag, "{\"grade\":\"A\",\"grade_reason\":\"  \"}");
  g_autoptr(HcTestResponse) reason_alone =
    hc_test_patch_subject (server, supervisor, uscc2, created->etag, "{\"name\":\"文昌椰风评级测试有限公司\",\"grade_reason\":\"理由\"}");
  g_autoptr(HcTestResponse) lift_nothing =
    hc_test_patch_subject (server, supervisor, uscc2, created->etag, "{\"grade\":null,\"grade_reason\":\"没有人工调整可撤销\"}");

  hc_assert_status (no_reason, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (no_reason), ==, "grade_reason");
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM subjects WHERE identifier = '%s'", uscc), ==, 0);
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
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM subjects WHERE identifier = '%s' AND version = %" G_GINT64_FORMAT,
                                          uscc2, json_object_get_int_member (hc_test_response_object (created), "version")), ==, 1);
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM grade_overrides o JOIN subjects s ON s.id = o.subject_id"
                                          " WHERE s.identifier = '%s'", uscc2), ==, 0);
}

static void
test_subjects_patch_and_audit (void)
{
  g_autofree char *uscc = hc_test_make_uscc ("469006");
  g_autofree char *lower = g_ascii_strdown (uscc, -1);
  g_autoptr(HcTestResponse) created = hc_test_post_subject (server, analyst, uscc, "万宁兴隆咖啡有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) patched =
    hc_test_patch_subject (server, analyst, lower, "\"1\"", "{\"name\":\"万宁兴隆咖啡股份有限公司\",\"industry\":\"制造业\",\"status\":\"revoked\",\"region\":\"469006\"}");
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
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM audit WHERE action = 'subject.update' AND entity_id = '%" G_GINT64_FORMAT "'"
                                          " AND actor = 'li.fen' AND json_extract (before, '$.name') = '万宁兴隆咖啡有限公司'"
                                          " AND json_extract (after, '$.name') = '万宁兴隆咖啡股份有限公司'"
                                          " AND json_extract (after, '$.status') = 'revoked'", id), ==, 1);
}

static void
test_subjects_stale_write_changes_nothing (void)
{
  g_autofree char *uscc = hc_test_make_uscc ("469007");
  g_autoptr(HcTestResponse) created = hc_test_post_subject (server, analyst, uscc, "东方八所港务有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) first = hc_test_patch_subject (server, analyst, uscc, "\"1\"", "{\"name\":\"东方八所港务集团有限公司\"}");
  gint64 audit_before = hc_test_count_rows (server, "SELECT count(*) FROM audit");
  g_autoptr(HcTestResponse) stale = hc_test_patch_subject (server, supervisor, uscc, "\"1\"", "{\"name\":\"过期的名称\",\"status\":\"deregistered\"}");
  g_autoptr(HcTestResponse) missing = hc_test_patch_subject (server, analyst, uscc, NULL, "{\"name\":\"没有版本\"}");
  g_autoptr(HcTestResponse) bad_etag = hc_test_patch_subject (server, analyst, uscc, "yesterday", "{\"name\":\"坏版本\"}");

  hc_assert_status (created, 201, NULL);
  hc_assert_status (first, 200, NULL);
  hc_assert_status (stale, 412, "stale");
  hc_assert_status (missing, 428, "precondition_required");
  hc_assert_status (bad_etag, 400, "invalid_if_match");
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM subjects WHERE identifier = '%s' AND name = '东方八所港务集团有限公司'"
                                          " AND status = 'active' AND version = 2", uscc), ==, 1);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit"), ==, audit_before);
}

static void
test_subjects_identifier_and_type_are_immutable (void)
{
  g_autofree char *uscc = hc_test_make_uscc ("469021");
  g_autofree char *other = hc_test_make_uscc ("469021");
  g_autofree char *change_id = g_strdup_printf ("{\"identifier\":\"%s\"}", other);
  g_autoptr(HcTestResponse) created = hc_test_post_subject (server, analyst, uscc, "定安南丽湖农业开发有限公司", "legal_person", NULL);
  g_autoptr(HcTestResponse) id_patch = hc_test_patch_subject (server, analyst, uscc, "\"1\"", change_id);
  g_autoptr(HcTestResponse) type_patch = hc_test_patch_subject (server, analyst, uscc, "\"1\"", "{\"type\":\"unincorporated\",\"name\":\"x\"}");
  g_autoptr(HcTestResponse) bad_status = hc_test_patch_subject (server, analyst, uscc, "\"1\"", "{\"status\":\"bankrupt\"}");
  g_autoptr(HcTestResponse) bad_region = hc_test_patch_subject (server, analyst, uscc, "\"1\"", "{\"region\":\"460500\"}");
  g_autoptr(HcTestResponse) empty_name = hc_test_patch_subject (server, analyst, uscc, "\"1\"", "{\"name\":\"  \"}");
  g_autoptr(HcTestResponse) nothing = hc_test_patch_subject (server, analyst, uscc, "\"1\"", "{}");
  g_autoptr(HcTestResponse) wrong_type = hc_test_patch_subject (server, analyst, uscc, "\"1\"", "{\"industry\":[1]}");

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
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM subjects WHERE identifier = '%s' AND version = 1"
                                          " AND type = 'legal_person' AND status = 'active'", uscc), ==, 1);
}

/* 个人信息保护: who sees an ID number, and the trace unmasking leaves. */
static void
test_subjects_id_numbers_are_masked_by_role (void)
{
  const char *admin = hc_test_server_token (server, "admin");
  g_autofree char *id = hc_test_make_id_number ("469027", "19781203");
  g_autofree char *masked = hc_id_number_mask (id);
  g_autofree char *path = g_strdup_printf ("/subjects/%s", id);
  g_autofree char *unmask_path = g_strdup_printf ("/subjects/%s?unmask=1", id);
  g_autofree char *prefix_query = g_strdup_printf ("/subjects?q=%.10s&type=natural_person", id);
  g_autofree char *whole_query = g_strdup_printf ("/subjects?q=%s", id);
  g_autoptr(HcTestResponse) created = hc_test_post_subject (server, analyst, id, "符海燕", "natural_person", NULL);
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
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM subjects WHERE identifier = '%s'", id), ==, 1);

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
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM audit WHERE action = 'subject.unmask'"), ==, 0);
  {
    g_autoptr(HcTestResponse) audit = hc_test_request (server, "GET", "/audit?limit=1000", supervisor, NULL);
    gsize len;
    const char *data;

    hc_assert_status (audit, 200, NULL);
    data = g_bytes_get_data (audit->body, &len);
    g_assert_null (g_strstr_len (data, (gssize) len, id));
    g_assert_nonnull (g_strstr_len (data, (gssize) len, masked));
  }

  unmasks_before = hc_test_count (server, "SELECT count(*) FROM audit WHERE action = 'subject.unmask'");
  supervisor_unmask = hc_test_request (server, "GET", unmask_path, supervisor, NULL);
  hc_assert_status (supervisor_unmask, 200, NULL);
  g_assert_cmpstr (member (supervisor_unmask, "identifier"), ==, id);
  g_assert_nonnull (supervisor_unmask->etag);
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM audit WHERE action = 'subject.unmask' AND actor = 'zhao.qiang'"
                                          " AND role = 'supervisor' AND entity = 'subject' AND entity_id = '%" G_GINT64_FORMAT "'",
                                          subject_id), ==, unmasks_before + 1);
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

  status = g_test_run ();
  hc_test_server_free (server);
  return status;
}
