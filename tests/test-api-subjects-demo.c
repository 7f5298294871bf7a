/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of /subjects over the demo dataset (--seed-demo): its 105,000
 * subjects valid and spread like Hainan's market, the same at every
 * seeding, persons masked for analysts, and GET /subjects' estimated
 * totals at that size. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hc-core.h"
#include "hc-test-server.h"

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
      g_autoptr(JsonObject) answer = hc_test_get_estimate (demo, analyst_token, estimated[i], 50);
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
      g_autoptr(JsonObject) answer = hc_test_get_estimate (demo, analyst_token, untexted[i], 50);

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
            answer = hc_test_get_estimate (demo, analyst_token, exact_path, limits[i]);
            g_assert_true (json_object_get_boolean_member (answer, "total_exact"));
            g_assert_cmpint (json_object_get_int_member (answer, "total"), ==, total);
            g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "items")), ==, 10);
            continue;
          }
        answer = hc_test_get_estimate (demo, analyst_token, exact_queries[i], limits[i]);
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

  /* The first server's demo is the build's cached copy; this one seeds now. */
  again = hc_test_server_new (HC_TEST_SERVER_DEMO | HC_TEST_SERVER_FRESH_SEED, NULL);
  digest2 = check_demo_rows (again, &n_enterprises, &n_persons, per_region2);
  g_assert_cmpstr (digest, ==, digest2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/subjects/demo-dataset", test_subjects_demo_dataset);
  return g_test_run ();
}
