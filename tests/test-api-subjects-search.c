/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of GET /subjects, the search: paging by cursor and offset in
 * each order with no gap or duplicate, a search by name or identifier, the
 * name's bigram index answering as a scan of the names would (pages,
 * totals, estimates, whatever wrote the names), bad list parameters. */
#include "config.h"

#include <string.h>

#include "hc-test-server.h"

static HcTestServer *server;
static const char *analyst;
static const char *supervisor;

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
      g_autofree char *uscc = hc_test_make_uscc ("469029");
      g_autofree char *extra = g_strdup_printf ("\"grade\":\"%c\",\"grade_reason\":\"分页测试\"", "ABC"[i % 3]);
      g_autoptr(HcTestResponse) r = hc_test_post_subject (server, supervisor, uscc, names[i % G_N_ELEMENTS (names)], "legal_person", extra);

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
  g_autofree char *uscc = hc_test_make_uscc ("469030");
  g_autofree char *by_prefix = g_strdup_printf ("/subjects?q=%.12s", uscc);
  g_autofree char *lower = g_ascii_strdown (uscc, -1);
  g_autofree char *by_lower = g_strdup_printf ("/subjects?q=%s", lower);
  g_autoptr(HcTestResponse) created = hc_test_post_subject (server, analyst, uscc, "琼中百花岭绿橙种植专业合作社", "unincorporated", NULL);
  g_autoptr(HcTestResponse) prefix = hc_test_request (server, "GET", by_prefix, analyst, NULL);
  g_autoptr(HcTestResponse) whole = hc_test_request (server, "GET", by_lower, analyst, NULL);
  g_autoptr(HcTestResponse) name = hc_test_request (server, "GET", "/subjects?q=%E7%BB%BF%E6%A9%99&total=1", analyst, NULL);
  g_autoptr(HcTestResponse) none = hc_test_request (server, "GET", "/subjects?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E5%90%8D%E5%AD%97", analyst, NULL);
  g_autoptr(HcTestResponse) filtered = hc_test_request (server, "GET", "/subjects?q=%E7%BB%BF%E6%A9%99&type=legal_person", analyst, NULL);
  JsonArray *items;

  hc_assert_status (created, 201, NULL);
  g_assert_cmpstr (json_object_get_string_member (hc_test_response_object (created), "type"), ==, "unincorporated");
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

/* The per-bigram counts (subject-name-gram-counts.sql) are the postings'
 * counts, bigram by bigram, whatever wrote the names. */
static void
check_gram_counts (void)
{
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM (SELECT gram, count(*) AS n FROM subject_name_grams GROUP BY gram) g"
                                          " LEFT JOIN subject_name_gram_counts c USING (gram) WHERE c.n IS NOT g.n"), ==, 0);
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM subject_name_gram_counts c WHERE c.n <>"
                                          " (SELECT count(*) FROM subject_name_grams g WHERE g.gram = c.gram)"), ==, 0);
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM subject_name_gram_counts"), >, 0);
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
  g_autofree char *renamed = hc_test_make_uscc ("460100");
  g_autofree char *csv = NULL;
  g_autofree char *imported = hc_test_make_uscc ("469005");
  g_autofree char *repaired_sql = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(HcTestResponse) patched = NULL;
  g_autoptr(HcTestResponse) import = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      g_autofree char *uscc = i + 1 == G_N_ELEMENTS (subjects) ? g_strdup (renamed) : hc_test_make_uscc (subjects[i].region);
      g_autoptr(HcTestResponse) r = hc_test_post_subject (server, supervisor, uscc, subjects[i].name, "legal_person", NULL);

      hc_assert_status (r, 201, NULL);
    }
  patched = hc_test_patch_subject (server, supervisor, renamed, "\"1\"", "{\"name\":\"新名字餐馆\"}");
  hc_assert_status (patched, 200, NULL);

  hc_test_exec_sql (server, "INSERT INTO departments (id, code, name, created_at) VALUES"
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
  hc_test_exec_sql (server, repaired_sql);

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
            g_autoptr(JsonObject) estimated = hc_test_get_estimate (server, admin, query, 2);

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
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM subject_name_grams"), ==,
                   hc_test_count (server, "SELECT count(*) FROM (SELECT DISTINCT %s, id FROM subjects"
                                          " JOIN subject_name_positions ON p < length (name)) AS d",
                                          hc_test_is_pg () ? "ascii (substr (name, p::int, 1))::bigint * 2097152 + ascii (substr (name, p::int + 1, 1))"
                                                           : "unicode (substr (name, p, 1)) * 2097152 + unicode (substr (name, p + 1, 1))"));
  g_assert_cmpint (hc_test_count (server, "SELECT count(*) FROM subject_name_grams g WHERE NOT EXISTS"
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
  hc_test_exec_sql (server, "DELETE FROM subjects WHERE name = '哈哈哈哈便利店'");
  g_assert_cmpint (total_of (admin, "q=%E5%93%88%E5%93%88"), ==, 0);
  g_assert_cmpint (hc_test_count (server, "SELECT n FROM subject_name_gram_counts WHERE gram = %s", hc_test_is_pg ()
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

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  analyst = hc_test_create_user (server, "li.fen", "analyst");
  supervisor = hc_test_create_user (server, "zhao.qiang", "supervisor");

  g_test_add_func ("/subjects/paging-has-no-gaps-or-duplicates", test_subjects_paging_has_no_gaps_or_duplicates);
  g_test_add_func ("/subjects/search", test_subjects_search);
  g_test_add_func ("/subjects/name-index-answers-as-the-scan", test_subjects_name_index_answers_as_the_scan);
  g_test_add_func ("/subjects/bad-list-parameters-are-400", test_subjects_bad_list_parameters_are_400);

  status = g_test_run ();
  hc_test_server_free (server);
  return status;
}
