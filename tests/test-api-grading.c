/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of 公共信用综合评价: grades computed under a model match the
 * ones worked out by hand; the preview of a draft is what publishing it
 * gives; a new penalty, a list entry and a repair move the grade; an
 * override needs a reason and is audited; bad edits of a draft change
 * nothing; a superseded version stays readable. */
#include "config.h"


#include <string.h>

#include "hc-core.h"
#include "hc-test-imports.h"
#include "hc-test-server.h"

static HcTestServer *server;
static const char *admin, *analyst, *supervisor;
static gint64 department, penalty_item;
static GRand *prng;

/* The model every test starts from, set explicitly so that the expected
 * grades below can be worked out by hand: score = 60 + Σ value × weight;
 * A ≥ 80, B ≥ 65, C ≥ 50, D below. */
#define MODEL_EDIT \
  "{\"title\":\"测试模型\",\"base_score\":60,\"bands\":{\"A\":80,\"B\":65,\"C\":50}," \
  "\"weights\":{\"years_registered\":2,\"penalties_severe_recent\":-30,\"penalties_severe_earlier\":-10," \
  "\"penalties_minor_recent\":-7,\"penalties_minor_earlier\":-3,\"black_list_in_force\":-40," \
  "\"black_list_ended\":-9,\"watch_list_in_force\":-20,\"watch_list_ended\":-4,\"red_list_in_force\":12," \
  "\"commitments_kept\":3,\"commitments_broken\":-12,\"repairs_completed\":5}}"

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
send (const char *method,
      const char *path,
      const char *token,
      const char *body,
      const char *etag)
{
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;

  return hc_test_request_full (server, method, path, token, body ? "application/json" : NULL, bytes, etag);
}

/* Today in Hainan minus @years years and @days days, "YYYY-MM-DD". */
static char *
days_ago (int years,
          int days)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) then = g_date_time_add_full (now, -years, 0, -days, 0, 0, 0);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* A company of 海口 registered @years years (and ten days) ago. */
static char *
new_company (const char *name,
             int         years,
             const char *industry)
{
  char *uscc = hc_uscc_generate (prng, "460100");
  g_autofree char *registered = days_ago (years, 10);
  g_autofree char *body =
    g_strdup_printf ("{\"identifier\":\"%s\",\"name\":\"%s\",\"type\":\"legal_person\",\"region\":\"460100\","
                     "\"industry\":\"%s\",\"registered_on\":\"%s\"}", uscc, name, industry, registered);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/subjects", admin, body);

  hc_assert_status (r, 201, NULL);
  return uscc;
}

static JsonObject *
grade_of (const char *uscc)
{
  g_autofree char *path = g_strdup_printf ("/subjects/%s/grade", uscc);

  return hc_test_get_object (server, "analyst", path);
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

static JsonObject *
factor (JsonObject *grade,
        const char *key)
{
  JsonArray *factors = json_object_get_array_member (json_object_get_object_member (grade, "computed"), "factors");

  for (guint i = 0; i < json_array_get_length (factors); i++)
    if (g_str_equal (str (json_array_get_object_element (factors, i), "factor"), key))
      return json_array_get_object_element (factors, i);
  g_error ("no factor %s", key);
}

/* Drafts a version (based on the published one, if any), sets it to
 * @edit and returns it (its id and ETag in it). */
static HcTestResponse *
draft (const char *edit)
{
  g_autoptr(HcTestResponse) created = send ("POST", "/grading/models", supervisor, "{}", NULL);
  g_autofree char *path = NULL;

  hc_assert_status (created, 201, NULL);
  if (edit == NULL)
    return g_steal_pointer (&created);
  path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT, num (hc_test_response_object (created), "id"));
  {
    HcTestResponse *edited = send ("PATCH", path, supervisor, edit, created->etag);

    hc_assert_status (edited, 200, NULL);
    return edited;
  }
}

static HcTestResponse *
publish (HcTestResponse *model)
{
  g_autofree char *path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT "/publish",
                                           num (hc_test_response_object (model), "id"));
  HcTestResponse *r = send ("POST", path, supervisor, NULL, model->etag);

  hc_assert_status (r, 200, NULL);
  return r;
}

/* Imports one 行政处罚 of @uscc, decided @days ago, of @category (the
 * Chinese label of the file). */
static void
import_penalty (const char *uscc,
                const char *category,
                int         days)
{
  static guint n;
  g_autofree char *on = days_ago (0, days);
  g_autofree char *csv =
    g_strdup_printf ("统一社会信用代码,主体名称,决定文书号,处罚机关,处罚决定日期,处罚类别,罚款金额（元）\n"
                     "%s,海南评价测试有限公司,琼市监罚〔评价〕%u号,海口市市场监督管理局,%s,%s,1000\n",
                     uscc, ++n, on, category);
  g_autofree char *path = g_strdup_printf ("/imports?kind=penalty&item=%" G_GINT64_FORMAT, penalty_item);
  g_autoptr(GBytes) body = g_bytes_new (csv, strlen (csv));
  g_autoptr(HcTestResponse) r = hc_test_request_full (server, "POST", path, analyst, "text/csv", body, NULL);

  hc_assert_status (r, 201, NULL);
  g_assert_cmpint (num (hc_test_response_object (r), "accepted"), ==, 1);
}

/* A black-list entry of @uscc, published (four eyes). Returns its id. */
static gint64
published_entry (const char *uscc)
{
  g_autofree char *body =
    g_strdup_printf ("{\"subject\":\"%s\",\"department\":%" G_GINT64_FORMAT ",\"basis\":\"《海南自由贸易港社会信用条例》\","
                     "\"measures\":[\"black.no_subsidies\"]}", uscc, department);
  g_autoptr(HcTestResponse) r = hc_test_request (server, "POST", "/lists/black/entries", analyst, body);
  g_autofree char *path = NULL;
  g_autoptr(HcTestResponse) noticed = NULL;
  g_autoptr(HcTestResponse) published = NULL;

  hc_assert_status (r, 201, NULL);
  path = g_strdup_printf ("/list-entries/%" G_GINT64_FORMAT "/transitions", num (hc_test_response_object (r), "id"));
  noticed = send ("POST", path, analyst, "{\"action\":\"notice\"}", r->etag);
  hc_assert_status (noticed, 200, NULL);
  published = send ("POST", path, supervisor, "{\"action\":\"publish\"}", noticed->etag);
  hc_assert_status (published, 200, NULL);
  return num (hc_test_response_object (r), "id");
}

/* The first test publishes the model the others use. */
static void
test_grades_match_hand_computed_ones (void)
{
  g_autofree char *old = new_company ("海南老字号椰子食品有限公司", 14, "制造业");
  g_autofree char *young = new_company ("海南新生代旅游有限公司", 3, "住宿和餐饮业");
  g_autofree char *fined = new_company ("海南罚过贸易有限公司", 6, "批发和零售业");
  g_autoptr(HcTestResponse) model = NULL;
  g_autoptr(HcTestResponse) published = NULL;
  g_autoptr(JsonObject) g_old = NULL, g_young = NULL, g_fined = NULL;
  JsonObject *computed;

  /* No model published yet: nobody is graded. */
  g_old = grade_of (old);
  g_assert_true (json_object_get_null_member (g_old, "computed"));
  g_assert_true (json_object_get_null_member (g_old, "grade"));
  g_clear_pointer (&g_old, json_object_unref);

  /* A minor penalty 100 days ago and a severe one two years ago. */
  import_penalty (fined, "罚款", 100);
  import_penalty (fined, "吊销许可证件", 730);

  model = draft (MODEL_EDIT);
  published = publish (model);

  /* 14 years count as 10: 60 + 10 × 2 = 80 → A. */
  g_old = grade_of (old);
  computed = json_object_get_object_member (g_old, "computed");
  g_assert_cmpint (num (computed, "score"), ==, 80);
  g_assert_cmpstr (str (computed, "grade"), ==, "A");
  g_assert_cmpstr (str (g_old, "grade"), ==, "A");
  g_assert_cmpint (num (json_object_get_object_member (computed, "model"), "id"), ==,
                   num (hc_test_response_object (model), "id"));
  g_assert_cmpint (num (factor (g_old, "years_registered"), "value"), ==, 10);
  g_assert_cmpint (num (factor (g_old, "years_registered"), "weight"), ==, 2);
  g_assert_cmpint (num (factor (g_old, "years_registered"), "contribution"), ==, 20);
  g_assert_cmpstr (grade_in_force (old), ==, "A");

  /* 3 years: 60 + 6 = 66 → B. */
  g_young = grade_of (young);
  g_assert_cmpint (num (json_object_get_object_member (g_young, "computed"), "score"), ==, 66);
  g_assert_cmpstr (str (g_young, "grade"), ==, "B");
  g_assert_cmpstr (grade_in_force (young), ==, "B");

  /* 6 years, a recent minor penalty, an earlier severe one:
   * 60 + 12 − 7 − 10 = 55 → C. */
  g_fined = grade_of (fined);
  computed = json_object_get_object_member (g_fined, "computed");
  g_assert_cmpint (num (factor (g_fined, "penalties_minor_recent"), "value"), ==, 1);
  g_assert_cmpint (num (factor (g_fined, "penalties_minor_recent"), "contribution"), ==, -7);
  g_assert_cmpint (num (factor (g_fined, "penalties_severe_earlier"), "value"), ==, 1);
  g_assert_cmpint (num (factor (g_fined, "penalties_severe_recent"), "value"), ==, 0);
  g_assert_cmpint (num (computed, "score"), ==, 55);
  g_assert_cmpstr (str (g_fined, "grade"), ==, "C");
  g_assert_cmpstr (grade_in_force (fined), ==, "C");
}

static void
test_new_penalty_lowers_the_grade (void)
{
  g_autofree char *uscc = new_company ("海南守法经营餐饮有限公司", 8, "住宿和餐饮业");
  g_autoptr(JsonObject) before = NULL, after = NULL;

  /* Graded on registration: 60 + 16 = 76 → B. */
  before = grade_of (uscc);
  g_assert_cmpint (num (json_object_get_object_member (before, "computed"), "score"), ==, 76);
  g_assert_cmpstr (str (before, "grade"), ==, "B");

  /* A severe penalty last month: 76 − 30 = 46 → D. */
  import_penalty (uscc, "责令停产停业", 30);
  after = grade_of (uscc);
  g_assert_cmpint (num (factor (after, "penalties_severe_recent"), "value"), ==, 1);
  g_assert_cmpint (num (json_object_get_object_member (after, "computed"), "score"), ==, 46);
  g_assert_cmpstr (str (after, "grade"), ==, "D");
  g_assert_cmpstr (grade_in_force (uscc), ==, "D");
}

static void
test_list_entry_and_repair_move_the_grade (void)
{
  g_autofree char *uscc = new_company ("海南失信后修复建设有限公司", 5, "建筑业");
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) listed = NULL, repaired = NULL;
  g_autoptr(HcTestResponse) repair = NULL;
  g_autoptr(HcTestResponse) decided = NULL;
  gint64 entry;

  g_assert_cmpstr (grade_in_force (uscc), ==, "B");        /* 60 + 10 = 70 */
  entry = published_entry (uscc);
  listed = grade_of (uscc);
  g_assert_cmpint (num (factor (listed, "black_list_in_force"), "value"), ==, 1);
  g_assert_cmpstr (str (listed, "grade"), ==, "D");          /* 70 − 40 = 30 */

  body = g_strdup_printf ("{\"subject\":\"%s\",\"kind\":\"list_entry\",\"entry_id\":%" G_GINT64_FORMAT ","
                          "\"reason\":\"已履行全部义务\",\"commitment\":true}", uscc, entry);
  repair = hc_test_request (server, "POST", "/repairs", analyst, body);
  hc_assert_status (repair, 201, NULL);
  path = g_strdup_printf ("/repairs/%" G_GINT64_FORMAT "/decision", num (hc_test_response_object (repair), "id"));
  decided = send ("POST", path, supervisor, "{\"decision\":\"approve\",\"comment\":\"同意修复\"}", repair->etag);
  hc_assert_status (decided, 200, NULL);

  /* The entry ended and a repair completed: 70 − 9 + 5 = 66 → B. */
  repaired = grade_of (uscc);
  g_assert_cmpint (num (factor (repaired, "black_list_in_force"), "value"), ==, 0);
  g_assert_cmpint (num (factor (repaired, "black_list_ended"), "value"), ==, 1);
  g_assert_cmpint (num (factor (repaired, "repairs_completed"), "value"), ==, 1);
  g_assert_cmpint (num (json_object_get_object_member (repaired, "computed"), "score"), ==, 66);
  g_assert_cmpstr (grade_in_force (uscc), ==, "B");
}

static void
test_override_needs_a_reason_and_is_audited (void)
{
  g_autofree char *uscc = new_company ("海南重点扶持科技有限公司", 2, "信息传输、软件和信息技术服务业");
  g_autofree char *path = g_strdup_printf ("/subjects/%s/grade/override", uscc);
  g_autofree char *audit_sql = NULL;
  g_autoptr(HcTestResponse) no_reason = NULL, blank = NULL, by_analyst = NULL, bad_grade = NULL;
  g_autoptr(HcTestResponse) done = NULL, lifted = NULL, nothing = NULL;
  g_autoptr(JsonObject) shown = NULL;
  gint64 audits_before;

  g_assert_cmpstr (grade_in_force (uscc), ==, "C");        /* 60 + 4 = 64 */
  audit_sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action LIKE 'grade.override%%'");
  audits_before = hc_test_count_rows (server, audit_sql);

  no_reason = send ("POST", path, supervisor, "{\"grade\":\"A\"}", NULL);
  hc_assert_status (no_reason, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (no_reason), ==, "reason");
  blank = send ("POST", path, supervisor, "{\"grade\":\"A\",\"reason\":\"   \"}", NULL);
  hc_assert_status (blank, 422, "missing_field");
  bad_grade = send ("POST", path, supervisor, "{\"grade\":\"E\",\"reason\":\"测试\"}", NULL);
  hc_assert_status (bad_grade, 422, "invalid_grade");
  g_assert_cmpstr (hc_test_response_error_field (bad_grade), ==, "grade");
  by_analyst = send ("POST", path, analyst, "{\"grade\":\"A\",\"reason\":\"测试\"}", NULL);
  hc_assert_status (by_analyst, 403, NULL);
  /* Nothing of that changed the grade or wrote an audit entry. */
  g_assert_cmpstr (grade_in_force (uscc), ==, "C");
  g_assert_cmpint (hc_test_count_rows (server, audit_sql), ==, audits_before);

  done = send ("POST", path, supervisor, "{\"grade\":\"B\",\"reason\":\"省级重点扶持企业，经集体研究调整\"}", NULL);
  hc_assert_status (done, 200, NULL);
  g_assert_cmpstr (grade_in_force (uscc), ==, "B");
  shown = grade_of (uscc);
  g_assert_cmpstr (str (shown, "grade"), ==, "B");
  g_assert_cmpstr (str (json_object_get_object_member (shown, "computed"), "grade"), ==, "C");
  g_assert_cmpstr (str (json_object_get_object_member (shown, "override"), "reason"), ==,
                   "省级重点扶持企业，经集体研究调整");
  g_assert_cmpstr (str (json_object_get_object_member (shown, "override"), "actor"), ==, "supervisor");
  g_assert_cmpint (hc_test_count_rows (server, audit_sql), ==, audits_before + 1);
  {
    g_autofree char *sql =
      g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'grade.override' AND actor = 'supervisor'"
                       " AND json_extract (before, '$.grade') = 'C' AND json_extract (after, '$.grade') = 'B'"
                       " AND json_extract (after, '$.override.reason') = '省级重点扶持企业，经集体研究调整'");
    g_assert_cmpint (hc_test_count_rows (server, sql), ==, 1);
  }

  /* Lifting needs a reason too; the computed grade is in force again. */
  lifted = send ("POST", path, supervisor, "{\"grade\":null,\"reason\":\"扶持期结束\"}", NULL);
  hc_assert_status (lifted, 200, NULL);
  g_assert_cmpstr (grade_in_force (uscc), ==, "C");
  g_assert_true (json_object_get_null_member (hc_test_response_object (lifted), "override"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (hc_test_response_object (lifted), "overrides")),
                   ==, 1);
  nothing = send ("POST", path, supervisor, "{\"grade\":null,\"reason\":\"再次撤销\"}", NULL);
  hc_assert_status (nothing, 422, "nothing_to_change");
  g_assert_cmpint (hc_test_count_rows (server, audit_sql), ==, audits_before + 2);
}

/* A grade typed on the subject (PATCH /subjects/{identifier}) is an
 * override: it needs a reason, is audited as one in the edit's
 * transaction, and no regrade — a change of the file, a model published —
 * replaces it; going back to the computed grade is a lift, with a reason. */
static void
test_grade_typed_on_the_subject_is_an_override (void)
{
  g_autofree char *uscc = new_company ("海南手填等级测试有限公司", 8, "批发和零售业");
  g_autofree char *path = g_strdup_printf ("/subjects/%s", uscc);
  g_autofree char *audit_sql = NULL;
  g_autoptr(HcTestResponse) no_reason = NULL, stale = NULL, edited = NULL, lift_no_reason = NULL, lifted = NULL;
  g_autoptr(HcTestResponse) model = NULL, published = NULL;
  g_autoptr(JsonObject) shown = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *next_etag = NULL;
  gint64 id;

  {
    g_autoptr(JsonObject) subject = hc_test_get_object (server, "analyst", path);

    id = num (subject, "id");
    etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", num (subject, "version"));
    next_etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", num (subject, "version") + 1);
  }
  g_assert_cmpstr (grade_in_force (uscc), ==, "B");        /* 60 + 16 = 76 */
  audit_sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE entity = 'subject' AND entity_id = '%" G_GINT64_FORMAT "'"
                               " AND action <> 'subject.create'", id);

  no_reason = send ("PATCH", path, supervisor, "{\"industry\":\"制造业\",\"grade\":\"D\"}", etag);
  hc_assert_status (no_reason, 422, "missing_field");
  g_assert_cmpstr (hc_test_response_error_field (no_reason), ==, "grade_reason");
  stale = send ("PATCH", path, supervisor, "{\"grade\":\"D\",\"grade_reason\":\"过期版本\"}", "\"77\"");
  hc_assert_status (stale, 412, "stale");
  /* Nothing of that changed the subject, its grade or the audit log. */
  g_assert_cmpstr (grade_in_force (uscc), ==, "B");
  g_assert_cmpint (hc_test_count_rows (server, audit_sql), ==, 0);

  edited = send ("PATCH", path, supervisor,
                 "{\"industry\":\"制造业\",\"grade\":\"D\",\"grade_reason\":\"现场核查发现重大隐患\"}", etag);
  hc_assert_status (edited, 200, NULL);
  g_assert_cmpstr (str (hc_test_response_object (edited), "grade"), ==, "D");
  /* one write, one version */
  g_assert_cmpstr (edited->etag, ==, next_etag);
  shown = grade_of (uscc);
  g_assert_cmpstr (str (shown, "grade"), ==, "D");
  g_assert_cmpstr (str (json_object_get_object_member (shown, "computed"), "grade"), ==, "B");
  g_assert_cmpstr (str (json_object_get_object_member (shown, "override"), "reason"), ==, "现场核查发现重大隐患");
  g_assert_cmpstr (str (json_object_get_object_member (shown, "override"), "actor"), ==, "supervisor");
  /* Two audit entries, the override (with the grade before and after) and
   * the edit. */
  g_assert_cmpint (hc_test_count_rows (server, audit_sql), ==, 2);
  {
    g_autofree char *sql =
      g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'grade.override' AND entity_id = '%" G_GINT64_FORMAT "'"
                       " AND actor = 'supervisor' AND json_extract (before, '$.grade') = 'B'"
                       " AND json_extract (after, '$.grade') = 'D'"
                       " AND json_extract (after, '$.override.reason') = '现场核查发现重大隐患'", id);
    g_autofree char *update_sql =
      g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'subject.update' AND entity_id = '%" G_GINT64_FORMAT "'"
                       " AND json_extract (after, '$.industry') = '制造业'", id);

    g_assert_cmpint (hc_test_count_rows (server, sql), ==, 1);
    g_assert_cmpint (hc_test_count_rows (server, update_sql), ==, 1);
  }

  /* The file changes (a minor penalty: 76 − 7 = 69, still B computed) and
   * a model is published again: the override stays in force. */
  import_penalty (uscc, "罚款", 20);
  g_clear_pointer (&shown, json_object_unref);
  shown = grade_of (uscc);
  g_assert_cmpint (num (json_object_get_object_member (shown, "computed"), "score"), ==, 69);
  g_assert_cmpstr (grade_in_force (uscc), ==, "D");
  model = draft (NULL);
  published = publish (model);
  g_assert_cmpstr (grade_in_force (uscc), ==, "D");
  g_clear_pointer (&shown, json_object_unref);
  shown = grade_of (uscc);
  g_assert_cmpstr (str (json_object_get_object_member (shown, "computed"), "grade"), ==, "B");
  g_assert_cmpint (num (json_object_get_object_member (json_object_get_object_member (shown, "computed"), "model"), "id"),
                   ==, num (hc_test_response_object (model), "id"));
  g_assert_cmpstr (str (json_object_get_object_member (shown, "override"), "grade"), ==, "D");

  /* Back to the computed grade: a lift, which needs a reason too. */
  {
    g_autoptr(JsonObject) subject = hc_test_get_object (server, "analyst", path);

    g_free (etag);
    etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", num (subject, "version"));
    lift_no_reason = send ("PATCH", path, supervisor, "{\"grade\":null}", etag);
    hc_assert_status (lift_no_reason, 422, "missing_field");
    g_assert_cmpstr (hc_test_response_error_field (lift_no_reason), ==, "grade_reason");
    g_assert_cmpstr (grade_in_force (uscc), ==, "D");
    lifted = send ("PATCH", path, supervisor, "{\"grade\":null,\"grade_reason\":\"隐患已整改\"}", etag);
    hc_assert_status (lifted, 200, NULL);
  }
  g_assert_cmpstr (grade_in_force (uscc), ==, "B");
  g_clear_pointer (&shown, json_object_unref);
  shown = grade_of (uscc);
  g_assert_true (json_object_get_null_member (shown, "override"));
  {
    g_autofree char *sql =
      g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'grade.override_lift' AND entity_id = '%" G_GINT64_FORMAT "'"
                       " AND json_extract (after, '$.grade') = 'B'", id);

    g_assert_cmpint (hc_test_count_rows (server, sql), ==, 1);
  }
}

static void
test_preview_is_what_publishing_gives (void)
{
  g_autoptr(HcTestResponse) model = NULL;
  g_autoptr(HcTestResponse) preview = NULL;
  g_autoptr(HcTestResponse) published = NULL;
  g_autoptr(JsonObject) old_model = NULL;
  g_autofree char *preview_path = NULL;
  JsonObject *p, *pass;
  JsonArray *regions;
  gint64 changed_expected;

  g_free (new_company ("海南预览对照有限公司", 9, "制造业"));
  /* Bands two points higher: whoever sits on a band's lowest score or one
   * above it moves down a grade. */
  model = draft ("{\"bands\":{\"A\":82,\"B\":67,\"C\":52}}");
  preview_path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT "/preview", num (hc_test_response_object (model), "id"));
  preview = send ("GET", preview_path, supervisor, NULL, NULL);
  hc_assert_status (preview, 200, NULL);
  p = hc_test_response_object (preview);
  g_assert_cmpint (num (p, "subjects"), ==, hc_test_count_rows (server, "SELECT count(*) FROM subjects"));
  /* Nothing written by the preview. */
  g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM subject_grades WHERE model_id = (SELECT max (id) FROM grading_models)"), ==, 0);
  changed_expected = num (p, "changed");
  g_assert_cmpint (changed_expected, >, 0);

  published = publish (model);
  pass = json_object_get_object_member (hc_test_response_object (published), "regrading");
  /* The same pass: every number the preview showed. */
  {
    g_autoptr(JsonNode) a = json_node_new (JSON_NODE_OBJECT);
    g_autoptr(JsonNode) b = json_node_new (JSON_NODE_OBJECT);

    json_node_set_object (a, p);
    json_node_set_object (b, pass);
    g_assert_true (json_node_equal (a, b));
  }
  /* And the grades in force are its distribution, 市县 by 市县. */
  regions = json_object_get_array_member (p, "by_region");
  for (guint i = 0; i < json_array_get_length (regions); i++)
    {
      JsonObject *row = json_array_get_object_element (regions, i);
      JsonObject *grades = json_object_get_object_member (row, "grades");

      for (const char *g = "ABCD"; *g; g++)
        {
          char key[2] = { *g, 0 };
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM subjects WHERE region = '%s' AND grade = '%s'",
                                                  str (row, "region"), key);

          g_assert_cmpint (hc_test_count_rows (server, sql), ==, num (grades, key));
        }
    }
  /* A second preview of the published version changes nobody. */
  {
    g_autoptr(HcTestResponse) again = send ("GET", preview_path, supervisor, NULL, NULL);

    hc_assert_status (again, 200, NULL);
    g_assert_cmpint (num (hc_test_response_object (again), "changed"), ==, 0);
  }
  /* The version it replaced stays readable, superseded. */
  old_model = hc_test_get_object (server, "analyst", "/grading/models/1");
  g_assert_cmpstr (str (old_model, "state"), ==, "superseded");
  g_assert_cmpint (num (json_object_get_object_member (old_model, "bands"), "A"), ==, 80);
}

static void
test_bad_edits_change_nothing (void)
{
  g_autoptr(HcTestResponse) model = draft (NULL);
  g_autofree char *path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT, num (hc_test_response_object (model), "id"));
  g_autoptr(HcTestResponse) second = NULL, published_edit = NULL, stale = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) published = NULL;
  static const struct { const char *body; const char *code; const char *field; } bad[] = {
    { "{\"weights\":{\"no_such_factor\":3}}", "invalid_factor", "weights.no_such_factor" },
    { "{\"weights\":{\"years_registered\":101}}", "invalid_weight", "weights.years_registered" },
    { "{\"weights\":{\"years_registered\":\"3\"}}", "invalid_weight", "weights.years_registered" },
    { "{\"weights\":{\"years_registered\":1.5}}", "invalid_weight", "weights.years_registered" },
    { "{\"bands\":{\"A\":60,\"B\":70,\"C\":50}}", "invalid_bands", "bands" },
    { "{\"bands\":{\"A\":90,\"B\":70}}", "invalid_bands", "bands.C" },
    { "{\"base_score\":-1}", "value_out_of_range", "base_score" },
    { "{\"colour\":\"red\"}", "unknown_field", "colour" },
    { "{}", "nothing_to_change", NULL },
    /* a good weight beside a bad one: neither is written */
    { "{\"weights\":{\"commitments_kept\":9,\"repairs_completed\":500}}", "invalid_weight", "weights.repairs_completed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(HcTestResponse) r = send ("PATCH", path, supervisor, bad[i].body, model->etag);

      g_test_message ("%s", bad[i].body);
      hc_assert_status (r, 422, bad[i].code);
      g_assert_cmpstr (hc_test_response_error_field (r), ==, bad[i].field);
      g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (hc_test_response_object (r), "error"),
                                                       "message"));
    }
  after = hc_test_get_object (server, "supervisor", path);
  g_assert_cmpint (num (after, "version"), ==, num (hc_test_response_object (model), "version"));
  {
    JsonArray *factors = json_object_get_array_member (after, "factors");

    for (guint i = 0; i < json_array_get_length (factors); i++)
      if (g_str_equal (str (json_array_get_object_element (factors, i), "factor"), "commitments_kept"))
        g_assert_cmpint (num (json_array_get_object_element (factors, i), "weight"), ==, 3);
  }

  second = send ("POST", "/grading/models", supervisor, "{}", NULL);
  hc_assert_status (second, 409, "draft_exists");
  stale = send ("PATCH", path, supervisor, "{\"title\":\"过期\"}", "\"999\"");
  hc_assert_status (stale, 412, NULL);

  /* A published version is not edited. */
  published = hc_test_get_object (server, "supervisor", "/grading/models/1");
  {
    g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", num (published, "version"));

    published_edit = send ("PATCH", "/grading/models/1", supervisor, "{\"title\":\"改\"}", etag);
    hc_assert_status (published_edit, 409, "version_published");
  }
}

/* A draft is discarded with its weights (If-Match its version); a
 * published version is not, and stays readable; the discard is audited and
 * another draft can be drafted after. Leaves no draft. */
static void
test_a_draft_is_discarded_published_versions_stay (void)
{
  g_autoptr(JsonObject) list = hc_test_get_object (server, "supervisor", "/grading/models");
  JsonArray *items = json_object_get_array_member (list, "items");
  g_autoptr(HcTestResponse) created = NULL;
  g_autofree char *path = NULL;
  g_autofree char *etag = NULL;
  gint64 id = 0, models, audits;

  /* the draft the tests before left, or a new one */
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_str_equal (str (json_array_get_object_element (items, i), "state"), "draft"))
      id = num (json_array_get_object_element (items, i), "id");
  if (id == 0)
    {
      created = draft (NULL);
      id = num (hc_test_response_object (created), "id");
    }
  path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT, id);
  {
    g_autoptr(JsonObject) model = hc_test_get_object (server, "supervisor", path);

    etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", num (model, "version"));
  }
  models = hc_test_count_rows (server, "SELECT count(*) FROM grading_models");
  audits = hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'grading_model.discard'");

  {
    g_autoptr(HcTestResponse) by_analyst = send ("DELETE", path, analyst, NULL, etag);
    g_autoptr(HcTestResponse) stale = send ("DELETE", path, supervisor, NULL, "\"999\"");
    g_autoptr(HcTestResponse) unconditional = send ("DELETE", path, supervisor, NULL, NULL);

    hc_assert_status (by_analyst, 403, "forbidden");
    hc_assert_status (stale, 412, NULL);
    hc_assert_status (unconditional, 428, NULL);
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM grading_models"), ==, models);
  }
  {
    g_autoptr(HcTestResponse) discarded = send ("DELETE", path, supervisor, NULL, etag);
    g_autoptr(HcTestResponse) gone = send ("GET", path, supervisor, NULL, NULL);
    g_autofree char *weights = g_strdup_printf ("SELECT count(*) FROM grading_weights WHERE model_id = %" G_GINT64_FORMAT,
                                                id);

    hc_assert_status (discarded, 204, NULL);
    hc_assert_status (gone, 404, NULL);
    g_assert_cmpint (hc_test_count_rows (server, weights), ==, 0);
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM grading_models"), ==, models - 1);
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM audit WHERE action = 'grading_model.discard'"),
                     ==, audits + 1);
  }

  /* A published version stays. */
  {
    g_autoptr(JsonObject) published = hc_test_get_object (server, "supervisor", "/grading/models/1");
    g_autofree char *published_etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", num (published, "version"));
    g_autoptr(HcTestResponse) refused = send ("DELETE", "/grading/models/1", supervisor, NULL, published_etag);

    hc_assert_status (refused, 409, "version_published");
    g_assert_cmpint (hc_test_count_rows (server, "SELECT count(*) FROM grading_models WHERE id = 1"), ==, 1);
  }

  /* Another draft can be drafted, and discarded. */
  {
    g_autoptr(HcTestResponse) again = draft (NULL);
    g_autofree char *again_path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT,
                                                   num (hc_test_response_object (again), "id"));
    g_autoptr(HcTestResponse) discarded = send ("DELETE", again_path, supervisor, NULL, again->etag);

    hc_assert_status (discarded, 204, NULL);
  }
}

/* A grade counts years and recent penalties, so a day's passing alone can
 * change it: grades as of an earlier day are recomputed by the server on its
 * own, soon after it starts and every ten minutes after. The server is
 * stopped, one grade is set back to a wrong one as of 2020 (what an old
 * database holds), and a server on the same file puts it right. Runs last: it
 * stops the shared server. */
static void
test_grades_of_an_earlier_day_are_recomputed (void)
{
  g_autofree char *uscc = new_company ("海南隔日评价测试有限公司", 8, "批发和零售业");
  g_autofree char *path = g_strdup_printf ("/subjects/%s", uscc);
  g_autofree char *grade_path = g_strdup_printf ("/subjects/%s/grade", uscc);
  g_autofree char *db_path = g_strdup (hc_test_server_get_db_path (server));
  g_autofree char *computed = g_strdup (grade_in_force (uscc));
  g_autofree char *as_of = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(HcTestServer) again = NULL;
  gint64 id;

  {
    g_autoptr(JsonObject) subject = hc_test_get_object (server, "analyst", path);
    g_autoptr(JsonObject) grade = grade_of (uscc);

    id = num (subject, "id");
    as_of = g_strdup (str (json_object_get_object_member (grade, "computed"), "as_of"));
  }
  g_assert_cmpstr (computed, !=, "D");
  /* The refresh finds the grades of an earlier day by their index (one
   * probe when there is none). */
  g_assert_cmpint (hc_test_count_rows (server, hc_test_is_pg ()
                                                ? "SELECT count(*) FROM pg_indexes WHERE indexname = 'subject_grades_as_of'"
                                                  " AND tablename = 'subject_grades'"
                                                : "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                                  " AND name = 'subject_grades_as_of' AND tbl_name = 'subject_grades'"),
                   ==, 1);
  hc_test_server_stop (server);

  sql = g_strdup_printf ("UPDATE subject_grades SET as_of = '2020-01-01', score = 0, grade = 'D' WHERE subject_id = %"
                         G_GINT64_FORMAT "; UPDATE subjects SET grade = 'D' WHERE id = %" G_GINT64_FORMAT ";", id, id);
  hc_test_server_backdate (server, sql);

  again = hc_test_server_new_for_db (db_path, NULL);
  {
    gint64 deadline = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;
    g_autoptr(JsonObject) grade = NULL;
    char now[2] = "D";

    while (g_str_equal (now, "D") && g_get_monotonic_time () < deadline)
      {
        g_autoptr(JsonObject) subject = hc_test_get_object (again, "analyst", path);

        g_strlcpy (now, json_object_get_null_member (subject, "grade") ? "D" : str (subject, "grade"), sizeof now);
        if (g_str_equal (now, "D"))
          g_usleep (200 * 1000);
      }
    g_assert_cmpstr (now, ==, computed);
    grade = hc_test_get_object (again, "analyst", grade_path);
    g_assert_cmpstr (str (json_object_get_object_member (grade, "computed"), "as_of"), ==, as_of);
    g_assert_cmpstr (str (json_object_get_object_member (grade, "computed"), "grade"), ==, computed);
  }
}

/* A pass read by ranges of ids (HCS_GRADING_SCAN_RANGE, as over
 * PostgreSQL by fifty thousand) gives what one range gives: seven subjects
 * in a row, each with a penalty, straddle the range ends of 3 and of 1
 * (every subject its own range). The preview is the same number for
 * number; a publish read by ranges of 3 stores each subject's score as
 * the one-subject reading of its file gives it. */
static void
test_scan_by_ranges_gives_the_same_grades (void)
{
  g_autofree char *db_path = g_strdup (hc_test_server_get_db_path (server));
  g_autoptr(HcTestResponse) model = draft ("{\"bands\":{\"A\":84,\"B\":69,\"C\":54}}");
  g_autoptr(HcTestResponse) expected = NULL;
  g_autofree char *preview_path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT "/preview",
                                                   num (hc_test_response_object (model), "id"));
  g_autofree char *publish_path = g_strdup_printf ("/grading/models/%" G_GINT64_FORMAT "/publish",
                                                   num (hc_test_response_object (model), "id"));
  char *uscc[7];

  for (int i = 0; i < 7; i++)
    {
      uscc[i] = new_company ("海南分段评价测试有限公司", 2 + i, "制造业");
      import_penalty (uscc[i], i % 2 ? "罚款" : "吊销许可证件", 20 + 200 * i);
    }
  expected = send ("GET", preview_path, supervisor, NULL, NULL);
  hc_assert_status (expected, 200, NULL);
  for (const char *range = "1"; range != NULL; range = g_str_equal (range, "1") ? "3" : NULL)
    {
      g_autoptr(HcTestServer) ranged = NULL;
      g_autoptr(HcTestResponse) preview = NULL;
      g_autoptr(JsonNode) a = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonNode) b = json_node_new (JSON_NODE_OBJECT);

      g_setenv ("HCS_GRADING_SCAN_RANGE", range, TRUE);
      ranged = hc_test_server_new_for_db (db_path, NULL);
      g_unsetenv ("HCS_GRADING_SCAN_RANGE");
      preview = hc_test_request (ranged, "GET", preview_path, hc_test_server_token (ranged, "supervisor"), NULL);
      hc_assert_status (preview, 200, NULL);
      json_node_set_object (a, hc_test_response_object (expected));
      json_node_set_object (b, hc_test_response_object (preview));
      g_assert_true (json_node_equal (a, b));
      if (g_str_equal (range, "3"))
        {
          g_autoptr(HcTestResponse) published =
            hc_test_request_full (ranged, "POST", publish_path, hc_test_server_token (ranged, "supervisor"),
                                  NULL, NULL, model->etag);

          hc_assert_status (published, 200, NULL);
          json_node_set_object (b, json_object_get_object_member (hc_test_response_object (published), "regrading"));
          g_assert_true (json_node_equal (a, b));
        }
    }
  for (int i = 0; i < 7; i++)
    {
      g_autoptr(JsonObject) grade = grade_of (uscc[i]);
      g_autofree char *sql =
        g_strdup_printf ("SELECT score FROM subject_grades WHERE subject_id = (SELECT id FROM subjects"
                         " WHERE identifier = '%s')", uscc[i]);

      g_assert_cmpint (hc_test_count_rows (server, sql), ==,
                       num (json_object_get_object_member (grade, "computed"), "score"));
      g_assert_cmpint (num (json_object_get_object_member (json_object_get_object_member (grade, "computed"), "model"),
                            "id"), ==, num (hc_test_response_object (model), "id"));
      g_free (uscc[i]);
    }
}

/* GET /grading/distribution: the grades in force of every 市县, as the
 * subjects table holds them (overrides included). */
static void
test_distribution_by_region (void)
{
  g_autoptr(JsonObject) answer = hc_test_get_object (server, "analyst", "/grading/distribution");
  JsonArray *rows = json_object_get_array_member (answer, "by_region");
  JsonObject *totals = json_object_get_object_member (answer, "grades");
  gint64 sum = 0;

  g_assert_cmpuint (json_array_get_length (rows), ==, 19);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonObject *grades = json_object_get_object_member (row, "grades");

      for (char g = 'A'; g <= 'D'; g++)
        {
          const char key[] = { g, '\0' };
          g_autofree char *sql =
            g_strdup_printf ("SELECT count(*) FROM subjects WHERE region = '%s' AND grade = '%c'",
                             str (row, "region"), g);

          g_assert_cmpint (num (grades, key), ==, hc_test_count_rows (server, sql));
          sum += num (grades, key);
        }
      g_assert_cmpint (num (row, "subjects"), ==,
                       num (grades, "A") + num (grades, "B") + num (grades, "C") + num (grades, "D") +
                       num (grades, "none"));
    }
  g_assert_cmpint (sum, ==, hc_test_count_rows (server, "SELECT count(*) FROM subjects WHERE grade IS NOT NULL"));
  g_assert_cmpint (num (totals, "D"), ==, hc_test_count_rows (server, "SELECT count(*) FROM subjects WHERE grade = 'D'"));
  g_assert_cmpint (sum, >, 0);
}

int
main (int argc, char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  prng = g_rand_new_with_seed (20261206);
  server = hc_test_server_new (HC_TEST_SERVER_EMPTY, NULL);
  admin = hc_test_server_token (server, "admin");
  penalty_item = hc_test_imports_penalty_item (server);
  department = hc_test_create_department (server, "SW", "国家税务总局海南省税务局");
  analyst = hc_test_create_user_in (server, "analyst", "analyst", department);
  supervisor = hc_test_create_user_in (server, "supervisor", "supervisor", department);
  {
    /* Entries are published the day they are noticed: no notice period. */
    g_autoptr(HcTestResponse) r = hc_test_request (server, "PATCH", "/list-types/black", admin, "{\"notice_days\":0}");

    hc_assert_status (r, 200, NULL);
  }

  /* In this order: the first publishes version 1, the preview test version 2. */
  g_test_add_func ("/grading/grades-match-hand-computed-ones", test_grades_match_hand_computed_ones);
  g_test_add_func ("/grading/new-penalty-lowers-the-grade", test_new_penalty_lowers_the_grade);
  g_test_add_func ("/grading/list-entry-and-repair-move-the-grade", test_list_entry_and_repair_move_the_grade);
  g_test_add_func ("/grading/override-needs-a-reason-and-is-audited", test_override_needs_a_reason_and_is_audited);
  g_test_add_func ("/grading/grade-typed-on-the-subject-is-an-override",
                   test_grade_typed_on_the_subject_is_an_override);
  g_test_add_func ("/grading/preview-is-what-publishing-gives", test_preview_is_what_publishing_gives);
  g_test_add_func ("/grading/bad-edits-change-nothing", test_bad_edits_change_nothing);
  g_test_add_func ("/grading/a-draft-is-discarded-published-versions-stay",
                   test_a_draft_is_discarded_published_versions_stay);
  g_test_add_func ("/grading/distribution-by-region", test_distribution_by_region);
  g_test_add_func ("/grading/scan-by-ranges-gives-the-same-grades", test_scan_by_ranges_gives_the_same_grades);
  g_test_add_func ("/grading/grades-of-an-earlier-day-are-recomputed", test_grades_of_an_earlier_day_are_recomputed);

  ret = g_test_run ();
  hc_test_server_free (server);
  g_rand_free (prng);
  return ret;
}
