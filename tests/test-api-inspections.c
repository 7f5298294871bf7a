/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of 双随机、一公开: the subjects drawn per grade are the ratios of
 * the candidates rounded up; the verify route draws the same from the seed
 * and the data; a redraw needs a reason and keeps the first; no inspector
 * gets a subject they declared a conflict with or inspected lately; a
 * failed inspection is published and lowers the grade under the model; bad
 * plans and results change nothing. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "hc-core.h"
#include "hc-test-server.h"
#include "test-api-inspections.h"

HcTestServer *server;
const char *admin, *supervisor, *analyst;
gint64 department, other_department;
GRand *prng;

/* Every subject scores 70 (B) unless it has failed inspections: 40 (D). */
#define MODEL_EDIT \
  "{\"title\":\"抽查测试模型\",\"base_score\":70,\"bands\":{\"A\":80,\"B\":65,\"C\":50}," \
  "\"weights\":{\"years_registered\":0,\"penalties_severe_recent\":0,\"penalties_severe_earlier\":0," \
  "\"penalties_minor_recent\":0,\"penalties_minor_earlier\":0,\"black_list_in_force\":0," \
  "\"black_list_ended\":0,\"watch_list_in_force\":0,\"watch_list_ended\":0,\"red_list_in_force\":0," \
  "\"commitments_kept\":0,\"commitments_broken\":0,\"repairs_completed\":0,\"inspections_failed\":-30}}"

/* The scope of the sampling tests: 10 A, 20 B, 8 C, 2 D in 海口, 批发业. */
static const int per_grade[4] = { 10, 20, 8, 2 };
GPtrArray *scope_subjects;

gint64
inspections_num (JsonObject *obj,
                 const char *member)
{
  return json_object_get_int_member (obj, member);
}

const char *
inspections_str (JsonObject *obj,
                 const char *member)
{
  return json_object_get_string_member (obj, member);
}

HcTestResponse *
inspections_post (const char *path,
                  const char *token,
                  const char *body)
{
  return hc_test_request (server, "POST", path, token, body);
}

char *
inspections_new_company (const char *industry)
{
  char *uscc = hc_uscc_generate (prng, "460100");
  g_autofree char *body =
    g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"抽查测试%s公司\",\"type\":\"legal_person\","
                     "\"region\":\"460100\",\"industry\":\"%s\",\"registered_on\":\"2015-03-01\"}",
                     uscc, uscc + 12, industry);
  g_autoptr(HcTestResponse) r = inspections_post ("/subjects", admin, body);

  hc_assert_status (r, 201, NULL);
  return uscc;
}

static void
override (const char *uscc,
          char        grade)
{
  g_autofree char *path = g_strdup_printf ("/subjects/%s/grade/override", uscc);
  g_autofree char *body = g_strdup_printf ("{\"grade\":\"%c\",\"reason\":\"抽查测试的等级\"}", grade);
  g_autoptr(HcTestResponse) r = inspections_post (path, supervisor, body);

  hc_assert_status (r, 200, NULL);
}

static const char *
grade_in_force (const char *uscc)
{
  g_autofree char *path = g_strdup_printf ("/subjects/%s", uscc);
  g_autoptr(JsonObject) subject = hc_test_get_object (server, "analyst", path);
  static char grade[2];

  g_strlcpy (grade, json_object_get_null_member (subject, "grade") ? "" : inspections_str (subject, "grade"), sizeof grade);
  return grade;
}

/* Creates a plan of @inspectors (a JSON array) over 批发业 with @ratios
 * (a JSON object) and @extra members; returns its id. */
gint64
inspections_create_plan (const char *industry,
                         const char *ratios,
                         const char *inspectors,
                         const char *extra)
{
  g_autofree char *body =
    g_strdup_printf ("{\"title\":\"2026年双随机抽查\",\"department_id\":%" G_GINT64_FORMAT ",\"region\":\"460100\","
                     "\"industry\":\"%s\",\"subject_type\":\"legal_person\",\"ratios\":%s,\"inspectors\":%s%s%s}",
                     department, industry, ratios, inspectors, extra ? "," : "", extra ? extra : "");
  g_autoptr(HcTestResponse) r = inspections_post ("/inspections/plans", supervisor, body);

  hc_assert_status (r, 201, NULL);
  g_assert_cmpstr (inspections_str (hc_test_response_object (r), "state"), ==, "planned");
  return inspections_num (hc_test_response_object (r), "id");
}

HcTestResponse *
inspections_draw (gint64      plan,
                  const char *body)
{
  g_autofree char *path = g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT "/draw", plan);

  return inspections_post (path, supervisor, body);
}

/* The inspections of the plan's final draw (or of @draw_id). */
JsonArray *
inspections_inspections_of (gint64 plan,
                            gint64 draw_id)
{
  g_autofree char *path =
    draw_id ? g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT "/inspections?limit=1000&draw=%" G_GINT64_FORMAT,
                               plan, draw_id)
            : g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT "/inspections?limit=1000", plan);
  g_autoptr(JsonObject) page = hc_test_get_object (server, "analyst", path);

  return json_array_ref (json_object_get_array_member (page, "items"));
}

static void
test_failed_inspection_is_published_and_lowers_the_grade (void)
{
  g_autofree char *uscc = inspections_new_company ("零售业");
  gint64 plan;
  g_autoptr(HcTestResponse) drawn = NULL;
  g_autoptr(HcTestResponse) no_note = NULL;
  g_autoptr(HcTestResponse) failed = NULL;
  g_autoptr(HcTestResponse) again = NULL;
  g_autoptr(HcTestResponse) redraw = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(JsonObject) publicity = NULL;
  g_autoptr(JsonObject) grade = NULL;
  g_autoptr(JsonObject) plan_after = NULL;
  g_autofree char *result_path = NULL;
  g_autofree char *grade_path = g_strdup_printf ("/subjects/%s/grade", uscc);
  g_autofree char *plan_path = NULL;
  JsonArray *factors;
  JsonObject *row;
  gboolean found = FALSE;

  g_assert_cmpstr (grade_in_force (uscc), ==, "B");
  plan = inspections_create_plan ("零售业", "{\"A\":0,\"B\":100,\"C\":0,\"D\":0}", "[\"inspector.a\",\"inspector.b\"]", NULL);
  drawn = inspections_draw (plan, "{}");
  hc_assert_status (drawn, 201, NULL);
  items = inspections_inspections_of (plan, 0);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  row = json_array_get_object_element (items, 0);
  g_assert_cmpstr (inspections_str (row, "identifier"), ==, uscc);
  result_path = g_strdup_printf ("/inspections/%" G_GINT64_FORMAT "/result", inspections_num (row, "id"));

  no_note = inspections_post (result_path, analyst, "{\"result\":\"fail\"}");
  hc_assert_status (no_note, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (no_note), ==, "note");
  g_assert_cmpstr (grade_in_force (uscc), ==, "B");

  /* Only the two inspectors drawn (or a supervisor) record the result. */
  {
    g_autoptr(HcTestResponse) outsider = inspections_post (result_path, analyst, "{\"result\":\"pass\"}");

    hc_assert_status (outsider, 403, "forbidden");
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(result) FROM inspections"), ==, 0);
  }
  failed = inspections_post (result_path, hc_test_server_token (server, inspections_str (row, "inspector_1")),
                             "{\"result\":\"fail\",\"note\":\"未按规定公示年度报告，经营场所与登记不符\"}");
  hc_assert_status (failed, 200, NULL);
  g_assert_cmpstr (inspections_str (hc_test_response_object (failed), "result"), ==, "fail");
  g_assert_cmpstr (inspections_str (hc_test_response_object (failed), "recorded_by"), ==, inspections_str (row, "inspector_1"));

  /* 70 − 30 × 1 = 40: D, and the explanation says why. */
  g_assert_cmpstr (grade_in_force (uscc), ==, "D");
  grade = hc_test_get_object (server, "analyst", grade_path);
  factors = json_object_get_array_member (json_object_get_object_member (grade, "computed"), "factors");
  for (guint i = 0; i < json_array_get_length (factors); i++)
    {
      JsonObject *f = json_array_get_object_element (factors, i);

      if (g_str_equal (inspections_str (f, "factor"), "inspections_failed"))
        {
          g_assert_cmpint (inspections_num (f, "value"), ==, 1);
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* 一公开: the result is in the publicity list. */
  publicity = hc_test_get_object (server, "analyst", "/inspections/publicity?result=fail&region=460100");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (publicity, "items")), >=, 1);
  g_assert_cmpstr (inspections_str (json_array_get_object_element (json_object_get_array_member (publicity, "items"), 0),
                                    "identifier"), ==, uscc);

  /* The credit file holds it (a section of inspections found wanting),
   * and so does the credit report, whose PDF names the findings. */
  {
    g_autofree char *file_path = g_strdup_printf ("/subjects/%s/file", uscc);
    g_autofree char *records_path = g_strdup_printf ("/subjects/%s/records?kind=inspection&total=1", uscc);
    g_autofree char *report_path = g_strdup_printf ("/subjects/%s/report.pdf", uscc);
    g_autoptr(JsonObject) file = hc_test_get_object (server, "analyst", file_path);
    g_autoptr(JsonObject) records = hc_test_get_object (server, "analyst", records_path);
    g_autoptr(HcTestResponse) pdf = hc_test_request (server, "GET", report_path, analyst, NULL);
    g_autofree char *dir = g_dir_make_tmp ("hc-inspections-XXXXXX", NULL);
    g_autofree char *pdf_path = g_build_filename (dir, "report.pdf", NULL);
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf_path, "-", NULL };
    g_autofree char *text = NULL;
    g_autofree char *flat = NULL;
    g_autoptr(GError) error = NULL;
    int status = 0;
    JsonObject *section = json_object_get_object_member (json_object_get_object_member (file, "sections"),
                                                         "inspection");
    JsonObject *first;

    g_assert_cmpint (inspections_num (json_object_get_object_member (file, "counts"), "inspection"), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (section, "items")), ==, 1);
    first = json_array_get_object_element (json_object_get_array_member (section, "items"), 0);
    g_assert_cmpstr (inspections_str (first, "kind"), ==, "inspection");
    g_assert_cmpstr (inspections_str (first, "result"), ==, "fail");
    g_assert_cmpstr (inspections_str (first, "note"), ==, "未按规定公示年度报告，经营场所与登记不符");
    g_assert_cmpstr (inspections_str (first, "plan_title"), ==, "2026年双随机抽查");
    g_assert_cmpint (inspections_num (records, "total"), ==, 1);

    hc_assert_status (pdf, 200, NULL);
    g_assert_true (g_file_set_contents (pdf_path, g_bytes_get_data (pdf->body, NULL), g_bytes_get_size (pdf->body),
                                        NULL));
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status,
                                 &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    /* a table cell may wrap: look for the findings without line breaks */
    flat = g_strdup (text);
    {
      char *w = flat;

      for (const char *r = text; *r; r++)
        if (*r != '\n' && *r != ' ')
          *w++ = *r;
      *w = '\0';
    }
    g_assert_nonnull (strstr (flat, "未按规定公示年度报告"));
    g_assert_nonnull (strstr (flat, "2026年双随机抽查"));
    g_unlink (pdf_path);
    g_rmdir (dir);
  }

  /* Recorded once; a draw with results is not drawn again. */
  again = inspections_post (result_path, supervisor, "{\"result\":\"pass\"}");
  hc_assert_status (again, 409, "already_decided");
  redraw = inspections_draw (plan, "{\"reason\":\"再抽一次\"}");
  hc_assert_status (redraw, 409, "results_recorded");
  plan_path = g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT, plan);
  plan_after = hc_test_get_object (server, "analyst", plan_path);
  g_assert_cmpstr (inspections_str (plan_after, "state"), ==, "completed");
  g_assert_cmpint (inspections_num (json_object_get_object_member (plan_after, "completion"), "failed"), ==, 1);
}

static void
assert_refused (const char *body,
                guint       status,
                const char *code,
                const char *field)
{
  g_autoptr(HcTestResponse) r = inspections_post ("/inspections/plans", supervisor, body);

  hc_assert_status (r, status, code);
  g_assert_cmpstr (hc_test_response_error_field (r), ==, field);
}

static void
test_bad_plans_and_results_change_nothing (void)
{
  gint64 plans = hc_test_count_rows (server, "SELECT count(*) FROM inspection_plans");
  g_autofree char *dept = g_strdup_printf ("\"department_id\":%" G_GINT64_FORMAT, department);
  g_autofree char *b1 = g_strdup_printf ("{\"title\":\"计划\",%s,\"inspectors\":[\"inspector.a\",\"inspector.b\"]}", dept);
  g_autofree char *b2 = g_strdup_printf ("{\"title\":\"计划\",%s,\"ratios\":{\"A\":150,\"B\":5,\"C\":10,\"D\":100},"
                                         "\"inspectors\":[\"inspector.a\",\"inspector.b\"]}", dept);
  g_autofree char *b3 = g_strdup_printf ("{\"title\":\"计划\",%s,\"ratios\":{\"A\":2,\"B\":5,\"C\":10,\"D\":100},"
                                         "\"inspectors\":[\"inspector.a\",\"outsider\"]}", dept);
  g_autofree char *b4 = g_strdup_printf ("{\"title\":\"计划\",%s,\"ratios\":{\"A\":2,\"B\":5,\"C\":10,\"D\":100},"
                                         "\"inspectors\":[\"inspector.a\",\"inspector.a\"]}", dept);
  g_autofree char *b5 = g_strdup_printf ("{\"title\":\"计划\",%s,\"ratios\":{\"A\":2,\"B\":5,\"C\":10,\"D\":100,\"E\":1},"
                                         "\"inspectors\":[\"inspector.a\",\"inspector.b\"]}", dept);
  g_autofree char *b6 = g_strdup_printf ("{\"title\":\"计划\",%s,\"region\":\"460199\",\"ratios\":{\"A\":2,\"B\":5,"
                                         "\"C\":10,\"D\":100},\"inspectors\":[\"inspector.a\",\"inspector.b\"]}", dept);
  g_autofree char *b7 = g_strdup_printf ("{\"title\":\"计划\",%s,\"ratios\":{\"A\":2.555,\"B\":5,\"C\":10,\"D\":100},"
                                         "\"inspectors\":[\"inspector.a\",\"inspector.b\"]}", dept);
  g_autofree char *b8 = g_strdup_printf ("{\"title\":\"计划\",%s,\"ratios\":{\"A\":2,\"B\":5,\"C\":10,\"D\":100},"
                                         "\"inspectors\":[\"inspector.a\",\"inspector.b\"],\"conflicts\":"
                                         "[{\"inspector\":\"inspector.a\",\"subject\":\"91460000MA5TXXXXXX\","
                                         "\"reason\":\"亲属\"}]}", dept);

  assert_refused (b1, 422, "missing_field", "ratios");
  assert_refused (b2, 422, "invalid_ratio", "ratios.A");
  assert_refused (b3, 422, "unknown_inspector", "inspectors[1]");
  assert_refused (b4, 422, "not_enough_inspectors", "inspectors");
  assert_refused (b5, 422, "invalid_ratio", "ratios.E");
  assert_refused (b6, 422, "invalid_region", "region");
  assert_refused (b7, 422, "invalid_ratio", "ratios.A");
  assert_refused (b8, 422, "unknown_subject", "conflicts[0].subject");
  /* A user of another department is no inspector of this one. */
  {
    g_autofree char *b9 = g_strdup_printf ("{\"title\":\"计划\",%s,\"ratios\":{\"A\":2,\"B\":5,\"C\":10,\"D\":100},"
                                           "\"inspectors\":[\"inspector.a\",\"inspector.other\"]}", dept);

    assert_refused (b9, 422, "unknown_inspector", "inspectors[1]");
  }
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM inspection_plans"), ==, plans);
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM inspection_inspectors"), >=, 0);

  /* An analyst does not plan. */
  {
    g_autofree char *ok = g_strdup_printf ("{\"title\":\"计划\",%s,\"ratios\":{\"A\":2,\"B\":5,\"C\":10,\"D\":100},"
                                           "\"inspectors\":[\"inspector.a\",\"inspector.b\"]}", dept);
    g_autoptr(HcTestResponse) r = inspections_post ("/inspections/plans", analyst, ok);

    hc_assert_status (r, 403, "forbidden");
  }

  /* A result that is none. */
  {
    gint64 id = hc_test_count_rows (server, "SELECT min(id) FROM inspections WHERE result IS NULL");
    g_autofree char *path = g_strdup_printf ("/inspections/%" G_GINT64_FORMAT "/result", id);
    g_autoptr(HcTestResponse) r = inspections_post (path, analyst, "{\"result\":\"maybe\"}");

    hc_assert_status (r, 422, "invalid_result");
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(result) FROM inspections"), ==, 1);
  }
}

static void
test_draw_exports_to_xlsx (void)
{
  gint64 plan = hc_test_count_rows (server, "SELECT min(plan_id) FROM inspection_draws");
  g_autofree char *path = g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT "/inspections", plan);
  g_autoptr(HcTestResponse) r =
    hc_test_request_accept (server, "GET", path, admin, NULL, NULL, NULL,
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  hc_assert_status (r, 200, NULL);
  g_assert_cmpstr (r->content_type, ==, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  g_assert_cmpuint (g_bytes_get_size (r->body), >, 1000);
  /* An XLSX is a zip. */
  g_assert_cmpint (memcmp (g_bytes_get_data (r->body, NULL), "PK", 2), ==, 0);
}

/* A supervisor picks the pool from the department's users: who they are,
 * nothing of the account; an analyst, who does not plan, may not list
 * them. */
static void
test_supervisor_lists_the_departments_users (void)
{
  g_autofree char *path = g_strdup_printf ("/inspections/inspectors?department_id=%" G_GINT64_FORMAT, department);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "GET", path, supervisor, NULL);
  g_autoptr(HcTestResponse) as_analyst = hc_test_request (server, "GET", path, analyst, NULL);
  g_autoptr(HcTestResponse) without = hc_test_request (server, "GET", "/inspections/inspectors", supervisor, NULL);
  g_autoptr(HcTestResponse) unknown =
    hc_test_request (server, "GET", "/inspections/inspectors?department_id=999999", supervisor, NULL);
  g_autoptr(HcTestResponse) bad =
    hc_test_request (server, "GET", "/inspections/inspectors?department_id=abc", supervisor, NULL);
  static const char * const members[] = { "id", "username", "display_name", "department_id", "department_name",
                                          "active", NULL };
  JsonArray *items;
  guint n_inspectors = 0;

  hc_assert_status (r, 200, NULL);
  items = json_object_get_array_member (hc_test_response_object (r), "items");
  /* supervisor, analyst and inspector.a … h; not inspector.other */
  g_assert_cmpuint (json_array_get_length (items), ==, 10);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *user = json_array_get_object_element (items, i);
      g_autoptr(GList) names = json_object_get_members (user);

      g_assert_cmpuint (g_list_length (names), ==, g_strv_length ((char **) members));
      for (GList *l = names; l != NULL; l = l->next)
        g_assert_true (g_strv_contains (members, l->data));
      g_assert_cmpint (inspections_num (user, "department_id"), ==, department);
      g_assert_cmpstr (inspections_str (user, "department_name"), ==, "海南省市场监督管理局");
      g_assert_true (json_object_get_boolean_member (user, "active"));
      g_assert_cmpstr (inspections_str (user, "username"), !=, "inspector.other");
      if (g_str_has_prefix (inspections_str (user, "username"), "inspector."))
        n_inspectors++;
      if (i > 0)
        g_assert_cmpstr (inspections_str (json_array_get_object_element (items, i - 1), "username"), <, inspections_str (user, "username"));
    }
  g_assert_cmpuint (n_inspectors, ==, 8);

  hc_assert_status (as_analyst, 403, "forbidden");
  hc_assert_status (without, 400, "missing_parameter");
  g_assert_cmpstr (hc_test_response_error_field (without), ==, "department_id");
  hc_assert_status (unknown, 400, "invalid_parameter");
  g_assert_cmpstr (hc_test_response_error_field (unknown), ==, "department_id");
  hc_assert_status (bad, 400, "invalid_parameter");
}

static void
setup (void)
{
  g_autoptr(HcTestResponse) created = inspections_post ("/grading/models", supervisor, "{}");
  g_autoptr(HcTestResponse) edited = NULL;
  g_autoptr(HcTestResponse) published = NULL;
  g_autoptr(GBytes) edit = g_bytes_new_static (MODEL_EDIT, strlen (MODEL_EDIT));
  g_autofree char *path = NULL;

  hc_assert_status (created, 201, NULL);
  path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT, inspections_num (hc_test_response_object (created), "id"));
  edited = hc_test_request_full (server, "PATCH", path, supervisor, "application/json", edit, created->etag);
  hc_assert_status (edited, 200, NULL);
  g_free (path);
  path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT "/publish", inspections_num (hc_test_response_object (created), "id"));
  published = hc_test_request_full (server, "POST", path, supervisor, NULL, NULL, edited->etag);
  hc_assert_status (published, 200, NULL);

  scope_subjects = g_ptr_array_new_with_free_func (g_free);
  for (int g = 0; g < 4; g++)
    for (int i = 0; i < per_grade[g]; i++)
      {
        char *uscc = inspections_new_company ("批发业");

        if (g != 1)
          override (uscc, (char) ('A' + g));
        g_ptr_array_add (scope_subjects, uscc);
      }
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  prng = g_rand_new_with_seed (20261207);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  admin = hc_test_server_token (server, "admin");
  department = hc_test_create_department (server, "SCJG", "海南省市场监督管理局");
  other_department = hc_test_create_department (server, "SW", "国家税务总局海南省税务局");
  supervisor = hc_test_create_user_in (server, "supervisor", "supervisor", department);
  analyst = hc_test_create_user_in (server, "analyst", "analyst", department);
  hc_test_create_user_in (server, "inspector.a", "analyst", department);
  hc_test_create_user_in (server, "inspector.b", "analyst", department);
  hc_test_create_user_in (server, "inspector.c", "analyst", department);
  hc_test_create_user_in (server, "inspector.d", "analyst", department);
  hc_test_create_user_in (server, "inspector.e", "analyst", department);
  hc_test_create_user_in (server, "inspector.f", "analyst", department);
  hc_test_create_user_in (server, "inspector.g", "analyst", department);
  hc_test_create_user_in (server, "inspector.h", "analyst", department);
  hc_test_create_user_in (server, "inspector.other", "analyst", other_department);
  setup ();

  /* In this order: the later tests read what the earlier ones drew. */
  g_test_add_func ("/inspections/supervisor-lists-the-departments-users", test_supervisor_lists_the_departments_users);
  hc_test_inspections_draw_add ();
  g_test_add_func ("/inspections/failed-inspection-is-published-and-lowers-the-grade",
                   test_failed_inspection_is_published_and_lowers_the_grade);
  g_test_add_func ("/inspections/bad-plans-and-results-change-nothing", test_bad_plans_and_results_change_nothing);
  g_test_add_func ("/inspections/draw-exports-to-xlsx", test_draw_exports_to_xlsx);
  hc_test_inspections_access_add ();

  ret = g_test_run ();
  g_ptr_array_unref (scope_subjects);
  hc_test_server_free (server);
  g_rand_free (prng);
  return ret;
}
