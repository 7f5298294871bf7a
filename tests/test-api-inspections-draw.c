/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of test-api-inspections: the random draw (counts per grade, reproducible, no inspector
 * gets a subject they may not inspect). */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "hc-core.h"
#include "hc-test-server.h"
#include "test-api-inspections.h"

static JsonObject *
verify (gint64 draw_id)
{
  g_autofree char *path = g_strdup_printf ("/inspections/draws/%" G_GINT64_FORMAT "/verify", draw_id);

  return hc_test_get_object (server, "analyst", path);
}

static void
test_counts_per_grade_are_the_ratios_rounded_up (void)
{
  gint64 plan = inspections_create_plan ("批发业", "{\"A\":2,\"B\":5,\"C\":12.5,\"D\":100}",
                                         "[\"inspector.a\",\"inspector.b\",\"inspector.c\"]", NULL);
  g_autoptr(HcTestResponse) r = inspections_draw (plan, "{}");
  g_autoptr(JsonArray) items = NULL;
  int counts[4] = { 0, };
  JsonObject *after;

  hc_assert_status (r, 201, NULL);
  after = hc_test_response_object (r);
  g_assert_cmpstr (inspections_str (after, "state"), ==, "drawn");
  items = inspections_inspections_of (plan, 0);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *row = json_array_get_object_element (items, i);

      counts[inspections_str (row, "grade")[0] - 'A']++;
      g_assert_cmpstr (inspections_str (row, "inspector_1"), !=, inspections_str (row, "inspector_2"));
      g_assert_true (json_object_get_null_member (row, "result"));
    }
  /* ⌈10 × 2 %⌉ = 1, ⌈20 × 5 %⌉ = 1, ⌈8 × 12.5 %⌉ = 1, ⌈2 × 100 %⌉ = 2 */
  g_assert_cmpint (counts[0], ==, 1);
  g_assert_cmpint (counts[1], ==, 1);
  g_assert_cmpint (counts[2], ==, 1);
  g_assert_cmpint (counts[3], ==, 2);
  g_assert_cmpint (inspections_num (json_object_get_object_member (after, "completion"), "inspections"), ==, 5);
  g_assert_cmpint (inspections_num (json_array_get_object_element (json_object_get_array_member (after, "draws"), 0),
                                    "n_candidates"), ==, 40);
}

static void
test_same_seed_and_data_give_the_same_draw (void)
{
  gint64 plan = inspections_create_plan ("批发业", "{\"A\":30,\"B\":30,\"C\":50,\"D\":50}",
                                         "[\"inspector.a\",\"inspector.b\",\"inspector.c\",\"inspector.d\"]", NULL);
  g_autoptr(HcTestResponse) first = inspections_draw (plan, "{}");
  g_autoptr(HcTestResponse) again = NULL;
  g_autoptr(HcTestResponse) second = NULL;
  g_autoptr(JsonObject) check = NULL;
  g_autoptr(JsonObject) check_first = NULL;
  g_autoptr(JsonArray) kept = NULL;
  JsonArray *draws;
  gint64 first_draw, second_draw;

  hc_assert_status (first, 201, NULL);
  first_draw = inspections_num (hc_test_response_object (first), "draw_id");
  check = verify (first_draw);
  g_assert_true (json_object_get_boolean_member (check, "identical"));
  g_assert_true (json_object_get_boolean_member (check, "snapshot_intact"));
  g_assert_true (json_object_get_boolean_member (check, "candidates_unchanged"));
  /* ⌈10 × 30 %⌉ + ⌈20 × 30 %⌉ + ⌈8 × 50 %⌉ + ⌈2 × 50 %⌉ = 3 + 6 + 4 + 1 */
  g_assert_cmpint (inspections_num (check, "drawn"), ==, 14);
  g_assert_cmpint (inspections_num (check, "reproduced"), ==, 14);

  /* A draw is final: again without a reason is refused and changes nothing. */
  again = inspections_draw (plan, "{}");
  hc_assert_status (again, 409, "already_drawn");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM inspection_draws WHERE state = 'superseded'"),
                   ==, 0);

  /* With a reason it supersedes the first, which stays, and verifies still. */
  second = inspections_draw (plan, "{\"reason\":\"检查人员名单有误，重新抽取\"}");
  hc_assert_status (second, 201, NULL);
  second_draw = inspections_num (hc_test_response_object (second), "draw_id");
  g_assert_cmpint (second_draw, !=, first_draw);
  draws = json_object_get_array_member (hc_test_response_object (second), "draws");
  g_assert_cmpuint (json_array_get_length (draws), ==, 2);
  g_assert_cmpstr (inspections_str (json_array_get_object_element (draws, 0), "state"), ==, "superseded");
  g_assert_cmpstr (inspections_str (json_array_get_object_element (draws, 1), "state"), ==, "final");
  g_assert_cmpstr (inspections_str (json_array_get_object_element (draws, 1), "reason"), ==, "检查人员名单有误，重新抽取");
  g_assert_cmpint (inspections_num (json_array_get_object_element (draws, 1), "replaces"), ==, first_draw);
  kept = inspections_inspections_of (plan, first_draw);
  g_assert_cmpuint (json_array_get_length (kept), ==, 14);
  check_first = verify (first_draw);
  g_assert_true (json_object_get_boolean_member (check_first, "identical"));
  g_clear_pointer (&check, json_object_unref);
  check = verify (second_draw);
  g_assert_true (json_object_get_boolean_member (check, "identical"));
  g_assert_cmpstr (inspections_str (check, "seed"), !=, inspections_str (check_first, "seed"));

  /* Tampering with what was drawn is found. */
  hc_test_server_backdate (server, "UPDATE inspections SET inspector_1 = inspector_2, inspector_2 = inspector_1"
                                   " WHERE id = (SELECT min(id) FROM inspections WHERE draw_id = (SELECT max(id)"
                                   " FROM inspection_draws))");
  g_clear_pointer (&check, json_object_unref);
  check = verify (second_draw);
  g_assert_false (json_object_get_boolean_member (check, "identical"));
  g_assert_cmpint (inspections_num (check, "first_difference"), ==, 1);
}

/* The pairs (inspector, subject) of @items. */
static GHashTable *
pairs_of (JsonArray *items)
{
  GHashTable *pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *row = json_array_get_object_element (items, i);

      g_hash_table_add (pairs, g_strconcat (inspections_str (row, "inspector_1"), " ", inspections_str (row, "identifier"), NULL));
      g_hash_table_add (pairs, g_strconcat (inspections_str (row, "inspector_2"), " ", inspections_str (row, "identifier"), NULL));
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
  first_plan = inspections_create_plan ("批发业", all, pool, conflict);
  r1 = inspections_draw (first_plan, "{}");
  hc_assert_status (r1, 201, NULL);
  first = inspections_inspections_of (first_plan, 0);
  g_assert_cmpuint (json_array_get_length (first), ==, scope_subjects->len);
  first_pairs = pairs_of (first);
  {
    g_autofree char *pair = g_strconcat ("inspector.g ", declared, NULL);

    g_assert_false (g_hash_table_contains (first_pairs, pair));
  }

  /* The same pool again: each inspector's inspections of the first plan
   * exclude those subjects, so each subject gets the other two. */
  second_plan = inspections_create_plan ("批发业", all, pool, NULL);
  r2 = inspections_draw (second_plan, "{}");
  hc_assert_status (r2, 201, NULL);
  second = inspections_inspections_of (second_plan, 0);
  g_assert_cmpuint (json_array_get_length (second), ==, scope_subjects->len);
  for (guint i = 0; i < json_array_get_length (second); i++)
    {
      JsonObject *row = json_array_get_object_element (second, i);
      g_autofree char *one = g_strconcat (inspections_str (row, "inspector_1"), " ", inspections_str (row, "identifier"), NULL);
      g_autofree char *two = g_strconcat (inspections_str (row, "inspector_2"), " ", inspections_str (row, "identifier"), NULL);

      g_assert_false (g_hash_table_contains (first_pairs, one));
      g_assert_false (g_hash_table_contains (first_pairs, two));
    }

  /* Three conflicts leave one inspector for a subject (past inspections do
   * not count here: exclusion_days 0): the draw is refused and nothing is
   * written. */
  refused_plan = inspections_create_plan ("批发业", all, pool, second_conflict);
  draws_before = hc_test_count_rows (server, "SELECT count(*) FROM inspection_draws");
  refused = inspections_draw (refused_plan, "{}");
  hc_assert_status (refused, 422, "not_enough_inspectors");
  g_assert_cmpstr (hc_test_response_error_field (refused), ==, "inspectors");
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM inspection_draws"), ==, draws_before);
}

void
hc_test_inspections_draw_add (void)
{
  g_test_add_func ("/inspections/counts-per-grade-are-the-ratios-rounded-up",
                   test_counts_per_grade_are_the_ratios_rounded_up);
  g_test_add_func ("/inspections/same-seed-and-data-give-the-same-draw", test_same_seed_and_data_give_the_same_draw);
  g_test_add_func ("/inspections/no-inspector-gets-a-subject-they-may-not-inspect",
                   test_no_inspector_gets_a_subject_they_may_not_inspect);
}
