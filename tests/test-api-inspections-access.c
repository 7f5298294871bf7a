/* SPDX-License-Identifier: GPL-3.0-or-later */
/* API tests of test-api-inspections: conflicts of interest, the masked report and another
 * department's plan out of reach. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "hc-core.h"
#include "hc-test-server.h"
#include "test-api-inspections.h"

static HcTestResponse *
conflict_post (gint64      plan,
               const char *token,
               const char *body)
{
  g_autofree char *path = g_strdup_printf ("/inspections/plans/%" G_GINT64_FORMAT "/conflicts", plan);

  return inspections_post (path, token, body);
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
  gint64 plan = inspections_create_plan ("批发业", "{\"A\":100,\"B\":100,\"C\":100,\"D\":100}",
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
    g_assert_cmpstr (inspections_str (json_array_get_object_element (conflicts, 0), "inspector"), ==, "inspector.a");
    g_assert_cmpstr (inspections_str (json_array_get_object_element (conflicts, 0), "subject"), ==, subject);
    again = conflict_post (plan, supervisor, reworded);
    hc_assert_status (again, 201, NULL);
    conflicts = json_object_get_array_member (hc_test_response_object (again), "conflicts");
    g_assert_cmpuint (json_array_get_length (conflicts), ==, 1);
    g_assert_cmpstr (inspections_str (json_array_get_object_element (conflicts, 0), "reason"), ==, "曾在该企业任职");
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
    g_autoptr(HcTestResponse) d = inspections_draw (plan, "{}");
    gboolean seen = FALSE;

    hc_assert_status (r, 201, NULL);
    hc_assert_status (d, 201, NULL);
    drawn = inspections_inspections_of (plan, 0);
    for (guint i = 0; i < json_array_get_length (drawn); i++)
      {
        JsonObject *row = json_array_get_object_element (drawn, i);

        if (g_strcmp0 (inspections_str (row, "identifier"), subject) != 0)
          continue;
        seen = TRUE;
        g_assert_cmpstr (inspections_str (row, "inspector_1"), !=, "inspector.a");
        g_assert_cmpstr (inspections_str (row, "inspector_2"), !=, "inspector.a");
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
  g_autofree char *uscc = inspections_new_company ("住宿业");
  g_autofree char *body =
    g_strdup_printf ("{\"title\":\"专项抽查（举报人 460108197510091236）\",\"department_id\":%" G_GINT64_FORMAT ","
                     "\"region\":\"460100\",\"industry\":\"住宿业\",\"subject_type\":\"legal_person\","
                     "\"ratios\":{\"A\":0,\"B\":100,\"C\":0,\"D\":0},\"inspectors\":[\"inspector.a\",\"inspector.b\"]}",
                     department);
  g_autoptr(HcTestResponse) created = inspections_post ("/inspections/plans", supervisor, body);
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
  plan = inspections_num (hc_test_response_object (created), "id");
  drawn = inspections_draw (plan, "{}");
  hc_assert_status (drawn, 201, NULL);
  items = inspections_inspections_of (plan, 0);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  result_path = g_strdup_printf ("/inspections/%" G_GINT64_FORMAT "/result",
                                 inspections_num (json_array_get_object_element (items, 0), "id"));
  failed = inspections_post (result_path, supervisor, "{\"result\":\"fail\",\"note\":\"现场负责人 460108197510091236 拒绝配合\"}");
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
  gint64 plan = inspections_create_plan ("批发业", "{\"A\":10,\"B\":10,\"C\":10,\"D\":10}",
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
    g_autoptr(HcTestResponse) r = inspections_post ("/inspections/plans", outsider, body);
    g_autoptr(JsonObject) page = NULL;

    assert_not_plan_department (r, "department_id", audit);
    page = hc_test_get_object (server, "admin", "/inspections/plans?limit=1000");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "items")), ==, plans);
  }
  /* its conflicts, before the draw */
  {
    g_autoptr(HcTestResponse) r = inspections_post (conflicts, outsider, conflict);
    g_autoptr(HcTestResponse) d = hc_test_request (server, "DELETE", conflicts, outsider, NULL);

    assert_not_plan_department (r, NULL, audit);
    assert_not_plan_department (d, NULL, audit);
  }
  /* its draw */
  {
    g_autoptr(HcTestResponse) r = inspections_post (draw_path, outsider, "{}");
    g_autoptr(JsonObject) after = NULL;

    assert_not_plan_department (r, NULL, audit);
    after = hc_test_get_object (server, "admin", plan_path);
    g_assert_cmpstr (inspections_str (after, "state"), ==, "planned");
  }
  /* its results, once its own supervisor drew it */
  {
    g_autoptr(HcTestResponse) drawn = inspections_draw (plan, "{}");
    g_autoptr(JsonArray) items = NULL;
    g_autoptr(HcTestResponse) r = NULL;
    g_autoptr(JsonObject) after = NULL;
    JsonObject *first;

    hc_assert_status (drawn, 201, NULL);
    items = inspections_inspections_of (plan, 0);
    g_assert_cmpuint (json_array_get_length (items), >, 0);
    first = json_array_get_object_element (items, 0);
    result_path = g_strdup_printf ("/inspections/%" G_GINT64_FORMAT "/result", inspections_num (first, "id"));
    audit = audit_count ();
    r = inspections_post (result_path, outsider, "{\"result\":\"fail\",\"note\":\"越权录入\"}");
    assert_not_plan_department (r, NULL, audit);
    g_clear_pointer (&items, json_array_unref);
    items = inspections_inspections_of (plan, 0);
    g_assert_true (json_object_get_null_member (json_array_get_object_element (items, 0), "result"));
  }
  /* their own department's plan, they make */
  {
    g_autoptr(HcTestResponse) r = inspections_post ("/inspections/plans", outsider, own);

    hc_assert_status (r, 201, NULL);
  }
  /* an administrator acts for any department */
  {
    g_autoptr(HcTestResponse) r = inspections_post (result_path, admin, "{\"result\":\"pass\"}");

    hc_assert_status (r, 200, NULL);
  }
}

void
hc_test_inspections_access_add (void)
{
  g_test_add_func ("/inspections/report-masks-every-member", test_report_masks_every_member);
  g_test_add_func ("/inspections/conflicts-change-until-the-draw", test_conflicts_change_until_the_draw);
  g_test_add_func ("/inspections/another-departments-plan-is-out-of-reach",
                   test_another_departments_plan_is_out_of_reach);
}
