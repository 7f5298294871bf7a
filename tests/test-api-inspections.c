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

static HcTestServer *server;
static const char *admin, *supervisor, *analyst;
static gint64 department, other_department;
static GRand *prng;

/* Every subject scores 70 (B) unless it has failed inspections: 40 (D). */
#define MODEL_EDIT \
  "{\"title\":\"抽查测试模型\",\"base_score\":70,\"bands\":{\"A\":80,\"B\":65,\"C\":50}," \
  "\"weights\":{\"years_registered\":0,\"penalties_severe_recent\":0,\"penalties_severe_earlier\":0," \
  "\"penalties_minor_recent\":0,\"penalties_minor_earlier\":0,\"black_list_in_force\":0," \
  "\"black_list_ended\":0,\"watch_list_in_force\":0,\"watch_list_ended\":0,\"red_list_in_force\":0," \
  "\"commitments_kept\":0,\"commitments_broken\":0,\"repairs_completed\":0,\"inspections_failed\":-30}}"

/* The scope of the sampling tests: 10 A, 20 B, 8 C, 2 D in 海口, 批发业. */
static const int per_grade[4] = { 10, 20, 8, 2 };
static GPtrArray *scope_subjects;

static gint64
num (JsonObject *obj,
     const char *member)
{
  return json_object_get_int_member (obj, member);
}

static const char *
str (JsonObject *obj,
     const char *member)
{
  return json_object_get_string_member (obj, member);
}

static HcTestResponse *
post (const char *path,
      const char *token,
      const char *body)
{
  return hc_test_request (server, "POST", path, token, body);
}

static char *
new_company (const char *industry)
{
  char *uscc = hc_uscc_generate (prng, "460100");
  g_autofree char *body =
    g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"抽查测试%s公司\",\"type\":\"legal_person\","
                     "\"region\":\"460100\",\"industry\":\"%s\",\"registered_on\":\"2015-03-01\"}",
                     uscc, uscc + 12, industry);
  g_autoptr(HcTestResponse) r = post ("/subjects", admin, body);

  hc_assert_status (r, 201, NULL);
  return uscc;
}

static void
override (const char *uscc,
          char        grade)
{
  g_autofree char *path = g_strdup_printf ("/subjects/%s/grade/override", uscc);
  g_autofree char *body = g_strdup_printf ("{\"grade\":\"%c\",\"reason\":\"抽查测试的等级\"}", grade);
  g_autoptr(HcTestResponse) r = post (path, supervisor, body);

  hc_assert_status (r, 200, NULL);
}

static const char *
grade_in_force (const char *uscc)
{
  g_autofree char *path = g_strdup_printf ("/subjects/%s", uscc);
  g_autoptr(JsonObject) subject = hc_test_get_object (server, "analyst", path);
  static char grade[2];

  g_strlcpy (grade, json_object_get_null_member (subject, "grade") ? "" : str (subject, "grade"), sizeof grade);
  return grade;
}

/* Creates a plan of @inspectors (a JSON array) over 批发业 with @ratios
 * (a JSON object) and @extra members; returns its id. */
static gint64
create_plan (const char *industry,
             const char *ratios,
             const char *inspectors,
             const char *extra)
{
  g_autofree char *body =
    g_strdup_printf ("{\"title\":\"2026年双随机抽查\",\"department_id\":%" G_GINT64_FORMAT ",\"region\":\"460100\","
                     "\"industry\":\"%s\",\"subject_type\":\"legal_person\",\"ratios\":%s,\"inspectors\":%s%s%s}",
                     department, industry, ratios, inspectors, extra ? "," : "", extra ? extra : "");
  g_autoptr(HcTestResponse) r = post ("/inspections/plans", supervisor, body);

  hc_assert_status (r, 201, NULL);
  g_assert_cmpstr (str (hc_test_response_object (r), "state"), ==, "planned");
  return num (hc_test_response_object (r), "id");
}

static HcTestResponse *
draw (gint64      plan,
      const char *body)
{
  g_autofree char *path = g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT "/draw", plan);

  return post (path, supervisor, body);
}

/* The inspections of the plan's final draw (or of @draw_id). */
static JsonArray *
inspections_of (gint64 plan,
                gint64 draw_id)
{
  g_autofree char *path =
    draw_id ? g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT "/inspections?limit=1000&draw=%" G_GINT64_FORMAT,
                               plan, draw_id)
            : g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT "/inspections?limit=1000", plan);
  g_autoptr(JsonObject) page = hc_test_get_object (server, "analyst", path);

  return json_array_ref (json_object_get_array_member (page, "items"));
}

static JsonObject *
verify (gint64 draw_id)
{
  g_autofree char *path = g_strdup_printf ("/inspections/draws/%" G_GINT64_FORMAT "/verify", draw_id);

  return hc_test_get_object (server, "analyst", path);
}

static void
test_counts_per_grade_are_the_ratios_rounded_up (void)
{
  gint64 plan = create_plan ("批发业", "{\"A\":2,\"B\":5,\"C\":12.5,\"D\":100}",
                             "[\"inspector.a\",\"inspector.b\",\"inspector.c\"]", NULL);
  g_autoptr(HcTestResponse) r = draw (plan, "{}");
  g_autoptr(JsonArray) items = NULL;
  int counts[4] = { 0, };
  JsonObject *after;

  hc_assert_status (r, 201, NULL);
  after = hc_test_response_object (r);
  g_assert_cmpstr (str (after, "state"), ==, "drawn");
  items = inspections_of (plan, 0);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *row = json_array_get_object_element (items, i);

      counts[str (row, "grade")[0] - 'A']++;
      g_assert_cmpstr (str (row, "inspector_1"), !=, str (row, "inspector_2"));
      g_assert_true (json_object_get_null_member (row, "result"));
    }
  /* ⌈10 × 2 %⌉ = 1, ⌈20 × 5 %⌉ = 1, ⌈8 × 12.5 %⌉ = 1, ⌈2 × 100 %⌉ = 2 */
  g_assert_cmpint (counts[0], ==, 1);
  g_assert_cmpint (counts[1], ==, 1);
  g_assert_cmpint (counts[2], ==, 1);
  g_assert_cmpint (counts[3], ==, 2);
  g_assert_cmpint (num (json_object_get_object_member (after, "completion"), "inspections"), ==, 5);
  g_assert_cmpint (num (json_array_get_object_element (json_object_get_array_member (after, "draws"), 0),
                        "n_candidates"), ==, 40);
}

static void
test_same_seed_and_data_give_the_same_draw (void)
{
  gint64 plan = create_plan ("批发业", "{\"A\":30,\"B\":30,\"C\":50,\"D\":50}",
                             "[\"inspector.a\",\"inspector.b\",\"inspector.c\",\"inspector.d\"]", NULL);
  g_autoptr(HcTestResponse) first = draw (plan, "{}");
  g_autoptr(HcTestResponse) again = NULL;
  g_autoptr(HcTestResponse) second = NULL;
  g_autoptr(JsonObject) check = NULL;
  g_autoptr(JsonObject) check_first = NULL;
  g_autoptr(JsonArray) kept = NULL;
  JsonArray *draws;
  gint64 first_draw, second_draw;

  hc_assert_status (first, 201, NULL);
  first_draw = num (hc_test_response_object (first), "draw_id");
  check = verify (first_draw);
  g_assert_true (json_object_get_boolean_member (check, "identical"));
  g_assert_true (json_object_get_boolean_member (check, "snapshot_intact"));
  g_assert_true (json_object_get_boolean_member (check, "candidates_unchanged"));
  /* ⌈10 × 30 %⌉ + ⌈20 × 30 %⌉ + ⌈8 × 50 %⌉ + ⌈2 × 50 %⌉ = 3 + 6 + 4 + 1 */
  g_assert_cmpint (num (check, "drawn"), ==, 14);
  g_assert_cmpint (num (check, "reproduced"), ==, 14);

  /* A draw is final: again without a reason is refused and changes nothing. */
  again = draw (plan, "{}");
  hc_assert_status (again, 409, "already_drawn");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM inspection_draws WHERE state = 'superseded'"),
                   ==, 0);

  /* With a reason it supersedes the first, which stays, and verifies still. */
  second = draw (plan, "{\"reason\":\"检查人员名单有误，重新抽取\"}");
  hc_assert_status (second, 201, NULL);
  second_draw = num (hc_test_response_object (second), "draw_id");
  g_assert_cmpint (second_draw, !=, first_draw);
  draws = json_object_get_array_member (hc_test_response_object (second), "draws");
  g_assert_cmpuint (json_array_get_length (draws), ==, 2);
  g_assert_cmpstr (str (json_array_get_object_element (draws, 0), "state"), ==, "superseded");
  g_assert_cmpstr (str (json_array_get_object_element (draws, 1), "state"), ==, "final");
  g_assert_cmpstr (str (json_array_get_object_element (draws, 1), "reason"), ==, "检查人员名单有误，重新抽取");
  g_assert_cmpint (num (json_array_get_object_element (draws, 1), "replaces"), ==, first_draw);
  kept = inspections_of (plan, first_draw);
  g_assert_cmpuint (json_array_get_length (kept), ==, 14);
  check_first = verify (first_draw);
  g_assert_true (json_object_get_boolean_member (check_first, "identical"));
  g_clear_pointer (&check, json_object_unref);
  check = verify (second_draw);
  g_assert_true (json_object_get_boolean_member (check, "identical"));
  g_assert_cmpstr (str (check, "seed"), !=, str (check_first, "seed"));

  /* Tampering with what was drawn is found. */
  hc_test_server_backdate (server, "UPDATE inspections SET inspector_1 = inspector_2, inspector_2 = inspector_1"
                                   " WHERE id = (SELECT min(id) FROM inspections WHERE draw_id = (SELECT max(id)"
                                   " FROM inspection_draws))");
  g_clear_pointer (&check, json_object_unref);
  check = verify (second_draw);
  g_assert_false (json_object_get_boolean_member (check, "identical"));
  g_assert_cmpint (num (check, "first_difference"), ==, 1);
}

/* The pairs (inspector, subject) of @items. */
static GHashTable *
pairs_of (JsonArray *items)
{
  GHashTable *pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *row = json_array_get_object_element (items, i);

      g_hash_table_add (pairs, g_strconcat (str (row, "inspector_1"), " ", str (row, "identifier"), NULL));
      g_hash_table_add (pairs, g_strconcat (str (row, "inspector_2"), " ", str (row, "identifier"), NULL));
    }
  return pairs;
}

static void
test_no_inspector_gets_a_subject_they_may_not_inspect (void)
{
  const char *pool = "[\"inspector.e\",\"inspector.f\",\"inspector.g\",\"inspector.h\"]";
  const char *all = "{\"A\":100,\"B\":100,\"C\":100,\"D\":100}";
  const char *declared = g_ptr_array_index (scope_subjects, 0);
  g_autofree char *conflict =
    g_strdup_printf ("\"conflicts\":[{\"inspector\":\"inspector.g\",\"subject\":\"%s\",\"reason\":\"近亲属任该公司法定代表人\"}]",
                     declared);
  g_autofree char *second_conflict =
    g_strdup_printf ("\"exclusion_days\":0,"
                     "\"conflicts\":[{\"inspector\":\"inspector.e\",\"subject\":\"%s\",\"reason\":\"曾在该公司任职\"},"
                     "{\"inspector\":\"inspector.f\",\"subject\":\"%s\",\"reason\":\"曾在该公司任职\"},"
                     "{\"inspector\":\"inspector.g\",\"subject\":\"%s\",\"reason\":\"曾在该公司任职\"}]",
                     declared, declared, declared);
  gint64 first_plan, second_plan, refused_plan;
  g_autoptr(HcTestResponse) r1 = NULL;
  g_autoptr(HcTestResponse) r2 = NULL;
  g_autoptr(HcTestResponse) refused = NULL;
  g_autoptr(JsonArray) first = NULL;
  g_autoptr(JsonArray) second = NULL;
  g_autoptr(GHashTable) first_pairs = NULL;
  gint64 draws_before;

  /* Every subject of the scope, with a declared conflict. */
  first_plan = create_plan ("批发业", all, pool, conflict);
  r1 = draw (first_plan, "{}");
  hc_assert_status (r1, 201, NULL);
  first = inspections_of (first_plan, 0);
  g_assert_cmpuint (json_array_get_length (first), ==, scope_subjects->len);
  first_pairs = pairs_of (first);
  {
    g_autofree char *pair = g_strconcat ("inspector.g ", declared, NULL);

    g_assert_false (g_hash_table_contains (first_pairs, pair));
  }

  /* The same pool again: each inspector's inspections of the first plan
   * exclude those subjects, so each subject gets the other two. */
  second_plan = create_plan ("批发业", all, pool, NULL);
  r2 = draw (second_plan, "{}");
  hc_assert_status (r2, 201, NULL);
  second = inspections_of (second_plan, 0);
  g_assert_cmpuint (json_array_get_length (second), ==, scope_subjects->len);
  for (guint i = 0; i < json_array_get_length (second); i++)
    {
      JsonObject *row = json_array_get_object_element (second, i);
      g_autofree char *one = g_strconcat (str (row, "inspector_1"), " ", str (row, "identifier"), NULL);
      g_autofree char *two = g_strconcat (str (row, "inspector_2"), " ", str (row, "identifier"), NULL);

      g_assert_false (g_hash_table_contains (first_pairs, one));
      g_assert_false (g_hash_table_contains (first_pairs, two));
    }

  /* Three conflicts leave one inspector for a subject (past inspections do
   * not count here: exclusion_days 0): the draw is refused and nothing is
   * written. */
  refused_plan = create_plan ("批发业", all, pool, second_conflict);
  draws_before = hc_test_count_rows (server, "SELECT count(*) FROM inspection_draws");
  refused = draw (refused_plan, "{}");
  hc_assert_status (refused, 422, "not_enough_inspectors");
  g_assert_cmpstr (hc_test_response_error_field (refused), ==, "inspectors");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM inspection_draws"), ==, draws_before);
}

static void
test_failed_inspection_is_published_and_lowers_the_grade (void)
{
  g_autofree char *uscc = new_company ("零售业");
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
  plan = create_plan ("零售业", "{\"A\":0,\"B\":100,\"C\":0,\"D\":0}", "[\"inspector.a\",\"inspector.b\"]", NULL);
  drawn = draw (plan, "{}");
  hc_assert_status (drawn, 201, NULL);
  items = inspections_of (plan, 0);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  row = json_array_get_object_element (items, 0);
  g_assert_cmpstr (str (row, "identifier"), ==, uscc);
  result_path = g_strdup_printf ("/inspections/%" G_GINT64_FORMAT "/result", num (row, "id"));

  no_note = post (result_path, analyst, "{\"result\":\"fail\"}");
  hc_assert_status (no_note, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (no_note), ==, "note");
  g_assert_cmpstr (grade_in_force (uscc), ==, "B");

  /* Only the two inspectors drawn (or a supervisor) record the result. */
  {
    g_autoptr(HcTestResponse) outsider = post (result_path, analyst, "{\"result\":\"pass\"}");

    hc_assert_status (outsider, 403, "forbidden");
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(result) FROM inspections"), ==, 0);
  }
  failed = post (result_path, hc_test_server_token (server, str (row, "inspector_1")),
                 "{\"result\":\"fail\",\"note\":\"未按规定公示年度报告，经营场所与登记不符\"}");
  hc_assert_status (failed, 200, NULL);
  g_assert_cmpstr (str (hc_test_response_object (failed), "result"), ==, "fail");
  g_assert_cmpstr (str (hc_test_response_object (failed), "recorded_by"), ==, str (row, "inspector_1"));

  /* 70 − 30 × 1 = 40: D, and the explanation says why. */
  g_assert_cmpstr (grade_in_force (uscc), ==, "D");
  grade = hc_test_get_object (server, "analyst", grade_path);
  factors = json_object_get_array_member (json_object_get_object_member (grade, "computed"), "factors");
  for (guint i = 0; i < json_array_get_length (factors); i++)
    {
      JsonObject *f = json_array_get_object_element (factors, i);

      if (g_str_equal (str (f, "factor"), "inspections_failed"))
        {
          g_assert_cmpint (num (f, "value"), ==, 1);
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* 一公开: the result is in the publicity list. */
  publicity = hc_test_get_object (server, "analyst", "/inspections/publicity?result=fail&region=460100");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (publicity, "items")), >=, 1);
  g_assert_cmpstr (str (json_array_get_object_element (json_object_get_array_member (publicity, "items"), 0),
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

    g_assert_cmpint (num (json_object_get_object_member (file, "counts"), "inspection"), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (section, "items")), ==, 1);
    first = json_array_get_object_element (json_object_get_array_member (section, "items"), 0);
    g_assert_cmpstr (str (first, "kind"), ==, "inspection");
    g_assert_cmpstr (str (first, "result"), ==, "fail");
    g_assert_cmpstr (str (first, "note"), ==, "未按规定公示年度报告，经营场所与登记不符");
    g_assert_cmpstr (str (first, "plan_title"), ==, "2026年双随机抽查");
    g_assert_cmpint (num (records, "total"), ==, 1);

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
  again = post (result_path, supervisor, "{\"result\":\"pass\"}");
  hc_assert_status (again, 409, "already_decided");
  redraw = draw (plan, "{\"reason\":\"再抽一次\"}");
  hc_assert_status (redraw, 409, "results_recorded");
  plan_path = g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT, plan);
  plan_after = hc_test_get_object (server, "analyst", plan_path);
  g_assert_cmpstr (str (plan_after, "state"), ==, "completed");
  g_assert_cmpint (num (json_object_get_object_member (plan_after, "completion"), "failed"), ==, 1);
}

static void
assert_refused (const char *body,
                guint       status,
                const char *code,
                const char *field)
{
  g_autoptr(HcTestResponse) r = post ("/inspections/plans", supervisor, body);

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
    g_autoptr(HcTestResponse) r = post ("/inspections/plans", analyst, ok);

    hc_assert_status (r, 403, "forbidden");
  }

  /* A result that is none. */
  {
    gint64 id = hc_test_count_rows (server, "SELECT min(id) FROM inspections WHERE result IS NULL");
    g_autofree char *path = g_strdup_printf ("/inspections/%" G_GINT64_FORMAT "/result", id);
    g_autoptr(HcTestResponse) r = post (path, analyst, "{\"result\":\"maybe\"}");

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
      g_assert_cmpint (num (user, "department_id"), ==, department);
      g_assert_cmpstr (str (user, "department_name"), ==, "海南省市场监督管理局");
      g_assert_true (json_object_get_boolean_member (user, "active"));
      g_assert_cmpstr (str (user, "username"), !=, "inspector.other");
      if (g_str_has_prefix (str (user, "username"), "inspector."))
        n_inspectors++;
      if (i > 0)
        g_assert_cmpstr (str (json_array_get_object_element (items, i - 1), "username"), <, str (user, "username"));
    }
  g_assert_cmpuint (n_inspectors, ==, 8);

  hc_assert_status (as_analyst, 403, "forbidden");
  hc_assert_status (without, 400, "missing_parameter");
  g_assert_cmpstr (hc_test_response_error_field (without), ==, "department_id");
  hc_assert_status (unknown, 400, "invalid_parameter");
  g_assert_cmpstr (hc_test_response_error_field (unknown), ==, "department_id");
  hc_assert_status (bad, 400, "invalid_parameter");
}

static HcTestResponse *
conflict_post (gint64      plan,
               const char *token,
               const char *body)
{
  g_autofree char *path = g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT "/conflicts", plan);

  return post (path, token, body);
}

static HcTestResponse *
conflict_delete (gint64      plan,
                 const char *query)
{
  g_autofree char *path = g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT "/conflicts%s", plan, query);

  return hc_test_request (server, "DELETE", path, supervisor, NULL);
}

static void
assert_refused_with (HcTestResponse *r,
                     guint           status,
                     const char     *code,
                     const char     *field)
{
  hc_assert_status (r, status, code);
  g_assert_cmpstr (hc_test_response_error_field (r), ==, field);
}

/* Declared conflicts change between the plan's creation and its draw (the
 * draw honours them); once drawn, they are refused with 409 and stay. */
static void
test_conflicts_change_until_the_draw (void)
{
  gint64 plan = create_plan ("批发业", "{\"A\":100,\"B\":100,\"C\":100,\"D\":100}",
                             "[\"inspector.a\",\"inspector.b\",\"inspector.c\"]", "\"exclusion_days\":0");
  const char *subject = g_ptr_array_index (scope_subjects, 0);
  g_autofree char *body = g_strdup_printf ("{\"inspector\":\"inspector.a\",\"subject\":\"%s\",\"reason\":\"亲属\"}",
                                           subject);
  g_autofree char *reworded =
    g_strdup_printf ("{\"inspector\":\"inspector.a\",\"subject\":\"%s\",\"reason\":\"曾在该企业任职\"}", subject);
  g_autofree char *withdraw = g_strdup_printf ("?inspector=inspector.a&subject=%s", subject);
  g_autofree char *where = g_strdup_printf ("SELECT count(*) FROM inspection_conflicts WHERE plan_id = %" G_GINT64_FORMAT,
                                            plan);
  g_autoptr(JsonArray) drawn = NULL;
  gint64 audits = hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action LIKE 'inspection_plan.conflict%'");
  JsonArray *conflicts;

  {
    g_autoptr(HcTestResponse) r = conflict_post (plan, supervisor, body);
    g_autoptr(HcTestResponse) again = NULL;

    hc_assert_status (r, 201, NULL);
    conflicts = json_object_get_array_member (hc_test_response_object (r), "conflicts");
    g_assert_cmpuint (json_array_get_length (conflicts), ==, 1);
    g_assert_cmpstr (str (json_array_get_object_element (conflicts, 0), "inspector"), ==, "inspector.a");
    g_assert_cmpstr (str (json_array_get_object_element (conflicts, 0), "subject"), ==, subject);
    again = conflict_post (plan, supervisor, reworded);
    hc_assert_status (again, 201, NULL);
    conflicts = json_object_get_array_member (hc_test_response_object (again), "conflicts");
    g_assert_cmpuint (json_array_get_length (conflicts), ==, 1);
    g_assert_cmpstr (str (json_array_get_object_element (conflicts, 0), "reason"), ==, "曾在该企业任职");
  }

  /* Bad conflicts change nothing. */
  {
    g_autofree char *other = g_strdup_printf ("{\"inspector\":\"inspector.other\",\"subject\":\"%s\",\"reason\":\"亲属\"}",
                                              subject);
    g_autofree char *not_pooled = g_strdup_printf ("{\"inspector\":\"inspector.d\",\"subject\":\"%s\","
                                                   "\"reason\":\"亲属\"}", subject);
    g_autofree char *blank = g_strdup_printf ("{\"inspector\":\"inspector.b\",\"subject\":\"%s\",\"reason\":\"  \"}",
                                              subject);
    g_autofree char *unknown_field = g_strdup_printf ("{\"inspector\":\"inspector.b\",\"subject\":\"%s\","
                                                      "\"reason\":\"亲属\",\"until\":\"2027-01-01\"}", subject);
    g_autoptr(HcTestResponse) r1 = conflict_post (plan, supervisor, other);
    g_autoptr(HcTestResponse) r2 = conflict_post (plan, supervisor, not_pooled);
    g_autoptr(HcTestResponse) r3 = conflict_post (plan, supervisor, "{\"inspector\":\"inspector.b\","
                                                  "\"subject\":\"91460000MA5TXXXXXX\",\"reason\":\"亲属\"}");
    g_autoptr(HcTestResponse) r4 = conflict_post (plan, supervisor, blank);
    g_autoptr(HcTestResponse) r5 = conflict_post (plan, supervisor, unknown_field);
    g_autoptr(HcTestResponse) r6 = conflict_post (plan, analyst, body);
    g_autoptr(HcTestResponse) r7 = conflict_post (999999, supervisor, body);
    g_autoptr(HcTestResponse) r8 = conflict_delete (plan, "?inspector=inspector.a");

    assert_refused_with (r1, 422, "unknown_inspector", "inspector");
    assert_refused_with (r2, 422, "unknown_inspector", "inspector");
    assert_refused_with (r3, 422, "unknown_subject", "subject");
    assert_refused_with (r4, 422, "missing_field", "reason");
    assert_refused_with (r5, 422, "unknown_field", "until");
    hc_assert_status (r6, 403, "forbidden");
    hc_assert_status (r7, 404, NULL);
    assert_refused_with (r8, 400, "missing_parameter", "subject");
    g_assert_cmpint (hc_test_count_rows (server, where), ==, 1);
  }

  /* Withdrawn; withdrawing what is not there is a 404. */
  {
    g_autoptr(HcTestResponse) r = conflict_delete (plan, withdraw);
    g_autoptr(HcTestResponse) again = conflict_delete (plan, withdraw);

    hc_assert_status (r, 200, NULL);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hc_test_response_object (r), "conflicts")),
                      ==, 0);
    assert_refused_with (again, 404, "not_found", "subject");
    g_assert_cmpint (hc_test_count_rows (server, where), ==, 0);
  }

  /* Declared again, it binds the draw: inspector.a never gets the subject. */
  {
    g_autoptr(HcTestResponse) r = conflict_post (plan, supervisor, body);
    g_autoptr(HcTestResponse) d = draw (plan, "{}");
    gboolean seen = FALSE;

    hc_assert_status (r, 201, NULL);
    hc_assert_status (d, 201, NULL);
    drawn = inspections_of (plan, 0);
    for (guint i = 0; i < json_array_get_length (drawn); i++)
      {
        JsonObject *row = json_array_get_object_element (drawn, i);

        if (g_strcmp0 (str (row, "identifier"), subject) != 0)
          continue;
        seen = TRUE;
        g_assert_cmpstr (str (row, "inspector_1"), !=, "inspector.a");
        g_assert_cmpstr (str (row, "inspector_2"), !=, "inspector.a");
      }
    g_assert_true (seen);
  }

  /* Drawn: the conflicts no longer change. */
  {
    g_autoptr(HcTestResponse) r1 = conflict_post (plan, supervisor, reworded);
    g_autoptr(HcTestResponse) r2 = conflict_delete (plan, withdraw);

    hc_assert_status (r1, 409, "already_drawn");
    hc_assert_status (r2, 409, "already_drawn");
    g_assert_cmpint (hc_test_count_rows (server, where), ==, 1);
  }
  /* add, re-word, withdraw, add */
  g_assert_cmpint (hc_test_count_rows (server,
                                       "SELECT count(*) FROM audit WHERE action LIKE 'inspection_plan.conflict%'"),
                   ==, audits + 4);
}

static void
setup (void)
{
  g_autoptr(HcTestResponse) created = post ("/grading/models", supervisor, "{}");
  g_autoptr(HcTestResponse) edited = NULL;
  g_autoptr(HcTestResponse) published = NULL;
  g_autoptr(GBytes) edit = g_bytes_new_static (MODEL_EDIT, strlen (MODEL_EDIT));
  g_autofree char *path = NULL;

  hc_assert_status (created, 201, NULL);
  path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT, num (hc_test_response_object (created), "id"));
  edited = hc_test_request_full (server, "PATCH", path, supervisor, "application/json", edit, created->etag);
  hc_assert_status (edited, 200, NULL);
  g_free (path);
  path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT "/publish", num (hc_test_response_object (created), "id"));
  published = hc_test_request_full (server, "POST", path, supervisor, NULL, NULL, edited->etag);
  hc_assert_status (published, 200, NULL);

  scope_subjects = g_ptr_array_new_with_free_func (g_free);
  for (int g = 0; g < 4; g++)
    for (int i = 0; i < per_grade[g]; i++)
      {
        char *uscc = new_company ("批发业");

        if (g != 1)
          override (uscc, (char) ('A' + g));
        g_ptr_array_add (scope_subjects, uscc);
      }
}

/* The text of @pdf, without line breaks or spaces (a table cell may wrap). */
static char *
pdf_text_flat (HcTestResponse *pdf)
{
  g_autofree char *dir = g_dir_make_tmp ("hc-inspections-XXXXXX", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "report.pdf", NULL);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf_path, "-", NULL };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  char *flat, *w;
  int status = 0;

  hc_assert_status (pdf, 200, NULL);
  g_assert_true (g_file_set_contents (pdf_path, g_bytes_get_data (pdf->body, NULL), g_bytes_get_size (pdf->body),
                                      NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (pdf_path);
  g_rmdir (dir);
  flat = w = g_strdup (text);
  for (const char *r = text; *r; r++)
    if (*r != '\n' && *r != ' ')
      *w++ = *r;
  *w = '\0';
  return flat;
}

/* The credit report PDF does not pass the answer boundary: every string it
 * is made of is masked for the reader as an answer is, not only the members
 * someone remembered (here a plan title naming a person by number, beside
 * the inspector's note). */
static void
test_report_masks_every_member (void)
{
  g_autofree char *uscc = new_company ("住宿业");
  g_autofree char *body =
    g_strdup_printf ("{\"title\":\"专项抽查（举报人 460108197510091236）\",\"department_id\":%" G_GINT64_FORMAT ","
                     "\"region\":\"460100\",\"industry\":\"住宿业\",\"subject_type\":\"legal_person\","
                     "\"ratios\":{\"A\":0,\"B\":100,\"C\":0,\"D\":0},\"inspectors\":[\"inspector.a\",\"inspector.b\"]}",
                     department);
  g_autoptr(HcTestResponse) created = post ("/inspections/plans", supervisor, body);
  g_autoptr(HcTestResponse) drawn = NULL;
  g_autoptr(HcTestResponse) failed = NULL;
  g_autoptr(HcTestResponse) as_analyst = NULL;
  g_autoptr(HcTestResponse) as_admin = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autofree char *report_path = g_strdup_printf ("/subjects/%s/report.pdf", uscc);
  g_autofree char *result_path = NULL;
  g_autofree char *seen_by_analyst = NULL;
  g_autofree char *seen_by_admin = NULL;
  gint64 plan;

  hc_assert_status (created, 201, NULL);
  plan = num (hc_test_response_object (created), "id");
  drawn = draw (plan, "{}");
  hc_assert_status (drawn, 201, NULL);
  items = inspections_of (plan, 0);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  result_path = g_strdup_printf ("/inspections/%" G_GINT64_FORMAT "/result",
                                 num (json_array_get_object_element (items, 0), "id"));
  failed = post (result_path, supervisor, "{\"result\":\"fail\",\"note\":\"现场负责人 460108197510091236 拒绝配合\"}");
  hc_assert_status (failed, 200, NULL);

  as_analyst = hc_test_request (server, "GET", report_path, analyst, NULL);
  seen_by_analyst = pdf_text_flat (as_analyst);
  g_assert_null (strstr (seen_by_analyst, "460108197510091236"));
  g_assert_nonnull (strstr (seen_by_analyst, "专项抽查（举报人4601**********1236）"));
  g_assert_nonnull (strstr (seen_by_analyst, "现场负责人4601**********1236拒绝配合"));
  /* An administrator's report has the number: it was there to be masked. */
  as_admin = hc_test_request (server, "GET", report_path, admin, NULL);
  seen_by_admin = pdf_text_flat (as_admin);
  g_assert_nonnull (strstr (seen_by_admin, "460108197510091236"));
}

static guint
audit_count (void)
{
  g_autoptr(JsonObject) page = hc_test_get_object (server, "admin", "/audit?limit=1000");

  return json_array_get_length (json_object_get_array_member (page, "items"));
}

/* 403 not_plan_department naming @field (or none), nothing audited. */
static void
assert_not_plan_department (HcTestResponse *r,
                            const char     *field,
                            guint           audit_before)
{
  hc_assert_status (r, 403, "not_plan_department");
  g_assert_cmpstr (hc_test_response_error_field (r), ==, field);
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (hc_test_response_object (r),
                                                                                          "error"), "message"),
                            "海南省市场监督管理局"));
  g_assert_cmpuint (audit_count (), ==, audit_before);
}

/* A plan is its department's (双随机 of 市场监管 is 市场监管's): a
 * supervisor of another department does not plan for it, draw it, edit its
 * conflicts or record its results — each refused with 403
 * not_plan_department and nothing changed — while they plan for their own;
 * an administrator acts for any department. */
static void
test_another_departments_plan_is_out_of_reach (void)
{
  const char *outsider = hc_test_create_user_in (server, "supervisor.sw", "supervisor", other_department);
  const char *colleague G_GNUC_UNUSED = hc_test_create_user_in (server, "inspector.sw", "analyst", other_department);
  gint64 plan = create_plan ("批发业", "{\"A\":10,\"B\":10,\"C\":10,\"D\":10}",
                             "[\"inspector.a\",\"inspector.b\",\"inspector.c\",\"inspector.d\",\"inspector.e\","
                             "\"inspector.f\",\"inspector.g\",\"inspector.h\"]", "\"exclusion_days\":0");
  g_autofree char *plan_path = g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT, plan);
  g_autofree char *draw_path = g_strdup_printf ("%s/draw", plan_path);
  g_autofree char *conflicts = g_strdup_printf ("%s/conflicts?inspector=inspector.a&subject=%s", plan_path,
                                                (const char *) g_ptr_array_index (scope_subjects, 0));
  g_autofree char *conflict = g_strdup_printf ("{\"inspector\":\"inspector.a\",\"subject\":\"%s\",\"reason\":\"亲属\"}",
                                               (const char *) g_ptr_array_index (scope_subjects, 0));
  g_autofree char *body =
    g_strdup_printf ("{\"title\":\"越权抽查计划\",\"department_id\":%" G_GINT64_FORMAT ",\"ratios\":"
                     "{\"A\":1,\"B\":1,\"C\":1,\"D\":1},\"inspectors\":[\"inspector.a\",\"inspector.b\"]}", department);
  g_autofree char *own =
    g_strdup_printf ("{\"title\":\"税务抽查计划\",\"department_id\":%" G_GINT64_FORMAT ",\"ratios\":"
                     "{\"A\":1,\"B\":1,\"C\":1,\"D\":1},\"inspectors\":[\"inspector.other\",\"inspector.sw\"]}",
                     other_department);
  g_autofree char *result_path = NULL;
  guint audit = audit_count ();
  guint plans;

  {
    g_autoptr(JsonObject) page = hc_test_get_object (server, "admin", "/inspections/plans?limit=1000");

    plans = json_array_get_length (json_object_get_array_member (page, "items"));
  }
  /* planning for another department */
  {
    g_autoptr(HcTestResponse) r = post ("/inspections/plans", outsider, body);
    g_autoptr(JsonObject) page = NULL;

    assert_not_plan_department (r, "department_id", audit);
    page = hc_test_get_object (server, "admin", "/inspections/plans?limit=1000");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "items")), ==, plans);
  }
  /* its conflicts, before the draw */
  {
    g_autoptr(HcTestResponse) r = post (conflicts, outsider, conflict);
    g_autoptr(HcTestResponse) d = hc_test_request (server, "DELETE", conflicts, outsider, NULL);

    assert_not_plan_department (r, NULL, audit);
    assert_not_plan_department (d, NULL, audit);
  }
  /* its draw */
  {
    g_autoptr(HcTestResponse) r = post (draw_path, outsider, "{}");
    g_autoptr(JsonObject) after = NULL;

    assert_not_plan_department (r, NULL, audit);
    after = hc_test_get_object (server, "admin", plan_path);
    g_assert_cmpstr (str (after, "state"), ==, "planned");
  }
  /* its results, once its own supervisor drew it */
  {
    g_autoptr(HcTestResponse) drawn = draw (plan, "{}");
    g_autoptr(JsonArray) items = NULL;
    g_autoptr(HcTestResponse) r = NULL;
    g_autoptr(JsonObject) after = NULL;
    JsonObject *first;

    hc_assert_status (drawn, 201, NULL);
    items = inspections_of (plan, 0);
    g_assert_cmpuint (json_array_get_length (items), >, 0);
    first = json_array_get_object_element (items, 0);
    result_path = g_strdup_printf ("/inspections/%" G_GINT64_FORMAT "/result", num (first, "id"));
    audit = audit_count ();
    r = post (result_path, outsider, "{\"result\":\"fail\",\"note\":\"越权录入\"}");
    assert_not_plan_department (r, NULL, audit);
    g_clear_pointer (&items, json_array_unref);
    items = inspections_of (plan, 0);
    g_assert_true (json_object_get_null_member (json_array_get_object_element (items, 0), "result"));
  }
  /* their own department's plan, they make */
  {
    g_autoptr(HcTestResponse) r = post ("/inspections/plans", outsider, own);

    hc_assert_status (r, 201, NULL);
  }
  /* an administrator acts for any department */
  {
    g_autoptr(HcTestResponse) r = post (result_path, admin, "{\"result\":\"pass\"}");

    hc_assert_status (r, 200, NULL);
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
  g_test_add_func ("/inspections/counts-per-grade-are-the-ratios-rounded-up",
                   test_counts_per_grade_are_the_ratios_rounded_up);
  g_test_add_func ("/inspections/same-seed-and-data-give-the-same-draw", test_same_seed_and_data_give_the_same_draw);
  g_test_add_func ("/inspections/no-inspector-gets-a-subject-they-may-not-inspect",
                   test_no_inspector_gets_a_subject_they_may_not_inspect);
  g_test_add_func ("/inspections/failed-inspection-is-published-and-lowers-the-grade",
                   test_failed_inspection_is_published_and_lowers_the_grade);
  g_test_add_func ("/inspections/bad-plans-and-results-change-nothing", test_bad_plans_and_results_change_nothing);
  g_test_add_func ("/inspections/draw-exports-to-xlsx", test_draw_exports_to_xlsx);
  g_test_add_func ("/inspections/report-masks-every-member", test_report_masks_every_member);
  g_test_add_func ("/inspections/conflicts-change-until-the-draw", test_conflicts_change_until_the_draw);
  g_test_add_func ("/inspections/another-departments-plan-is-out-of-reach",
                   test_another_departments_plan_is_out_of_reach);

  ret = g_test_run ();
  g_ptr_array_unref (scope_subjects);
  hc_test_server_free (server);
  g_rand_free (prng);
  return ret;
}
