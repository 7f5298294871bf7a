/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /inspections: 双随机、一公开 — inspection plans, their draws and the
 * verification of a draw, the inspections of a draw (exported for the
 * field teams), results, and the publicity list of results (一公开). */
#define G_LOG_DOMAIN "hcs-route-inspections"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-inspections.h"
#include "hcs-routes.h"
#include "hcs-store-records.h"
#include "hcs-store-users.h"
#include "hcs-write.h"

#define MAX_TITLE_LENGTH    100
#define MAX_INDUSTRY_LENGTH 100
#define MAX_REASON_LENGTH   1000
#define MAX_NOTE_LENGTH     1000
#define MAX_INSPECTORS      200
#define MAX_CONFLICTS       1000

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static JsonObject *
plan_get (HcsRequest  *req,
          gint64       id,
          GError     **error)
{
  g_autoptr(JsonObject) stored = hcs_store_inspections_plan_get (hcs_request_get_store (req), id, error);

  return stored != NULL ? hcs_inspections_plan_present (stored) : NULL;
}

static gboolean
path_plan (HcsRequest *req,
           gint64     *id)
{
  return hcs_request_path_id (req, "id", _("There is no inspection plan with this id."), id);
}

/* 双随机 plans are their department's: only its users act on one — a
 * supervisor or analyst of another department, or of none, does not
 * create, draw, edit the conflicts of, or record the results of another
 * department's plan; an administrator may. Answers 403
 * not_plan_department (naming @field) and returns %FALSE otherwise. */
static gboolean
may_act_for_department (HcsRequest *req,
                        gint64      department_id,
                        const char *field)
{
  const HcsActor *actor = hcs_request_get_actor (req);
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) department = NULL;
  gint64 own;

  if (hc_role_at_least (actor->role, HC_ROLE_ADMIN))
    return TRUE;
  if ((own = hcs_store_records_user_department (store, actor->user_id, &error)) < 0)
    {
      hcs_request_reply_gerror (req, error);
      return FALSE;
    }
  if (own == department_id)
    return TRUE;
  department = hcs_store_departments_get (store, department_id, NULL);
  hcs_request_reply_error (req, HCS_ERR_NOT_PLAN_DEPARTMENT, field,
                           _("Only users of %s plan its inspections, draw them and record their results; you are "
                             "not of that department."),
                           department != NULL ? json_object_get_string_member (department, "name") : "-");
  return FALSE;
}

static void
list_plans (HcsRequest *req)
{
  g_auto(HcsPage) page = { 0, };
  g_autoptr(GError) error = NULL;
  JsonArray *rows, *presented;

  if (!hcs_request_page (req, &page))
    return;
  rows = hcs_store_inspections_plans_list (hcs_request_get_store (req), page.after_id, page.limit, &error);
  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  presented = json_array_new ();
  for (guint i = 0; i < json_array_get_length (rows); i++)
    json_array_add_object_element (presented, hcs_inspections_plan_present (json_array_get_object_element (rows, i)));
  json_array_unref (rows);
  hcs_request_reply_rows (req, presented, &page, NULL, -1);
}

static void
get_plan (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonObject *plan;
  gint64 id;

  if (!path_plan (req, &id))
    return;
  if ((plan = plan_get (req, id, &error)) == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_object (req, SOUP_STATUS_OK, plan);
}

/* "2.5" % → 250 hundredths; FALSE (answered) when it is not 0 … 100 with at
 * most two decimals. */
static gboolean
read_ratios (HcsRequest *req,
             JsonObject *body,
             gint64      ratios[4])
{
  static const char * const grades[] = { "A", "B", "C", "D" };
  JsonNode *node = json_object_get_member (body, "ratios");
  JsonObject *obj;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "ratios",
                               _("Give the sampling ratio of each grade in percent, e.g. {\"A\": 2, \"B\": 5, "
                                 "\"C\": 10, \"D\": 100}."));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_TYPE, "ratios",
                               _("The field “%s” must be %s."), "ratios", _("an object"));
      return FALSE;
    }
  obj = json_node_get_object (node);
  json_object_iter_init (&iter, obj);
  while (json_object_iter_next (&iter, &member, &value))
    if (!g_strv_contains (grades, member))
      {
        g_autofree char *field = g_strconcat ("ratios.", member, NULL);

        hcs_request_reply_error (req, HCS_ERR_INVALID_RATIO, field,
                                 _("“%s” is not a grade: the ratios are of grades A, B, C and D."), member);
        return FALSE;
      }
  for (int g = 0; g < 4; g++)
    {
      g_autofree char *field = g_strconcat ("ratios.", grades[g], NULL);
      JsonNode *v = json_object_get_member (obj, grades[g]);
      double percent, hundredths;

      if (v == NULL || !JSON_NODE_HOLDS_VALUE (v) ||
          (json_node_get_value_type (v) != G_TYPE_INT64 && json_node_get_value_type (v) != G_TYPE_DOUBLE))
        {
          hcs_request_reply_error (req, HCS_ERR_INVALID_RATIO, field,
                                   _("Give the sampling ratio of grade %s as a percentage from 0 to 100."),
                                   grades[g]);
          return FALSE;
        }
      percent = json_node_get_value_type (v) == G_TYPE_INT64 ? (double) json_node_get_int (v) :
                                                               json_node_get_double (v);
      hundredths = round (percent * 100.0);
      if (!(percent >= 0.0 && percent <= 100.0) || fabs (hundredths - percent * 100.0) > 1e-6)
        {
          hcs_request_reply_error (req, HCS_ERR_INVALID_RATIO, field,
                                   _("The sampling ratio of grade %s is a percentage from 0 to 100 with at most "
                                     "two decimals."), grades[g]);
          return FALSE;
        }
      ratios[g] = (gint64) hundredths;
    }
  return TRUE;
}

static gboolean
check_length (HcsRequest *req,
              const char *field,
              const char *text,
              int         max)
{
  if (text != NULL && g_utf8_strlen (text, -1) > max)
    {
      hcs_request_reply_error (req, HCS_ERR_TOO_LONG, field, _("“%s” has at most %d characters."), field, max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_inspectors (HcsRequest  *req,
                 JsonObject  *body,
                 GPtrArray   *names)
{
  JsonArray *list = NULL;

  if (!hcs_request_field_array (req, body, "inspectors", HCS_FIELD_REQUIRED, &list))
    return FALSE;
  if (json_array_get_length (list) > MAX_INSPECTORS)
    {
      hcs_request_reply_error (req, HCS_ERR_TOO_LONG, "inspectors",
                               _("A plan has at most %d inspectors."), MAX_INSPECTORS);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *field = g_strdup_printf ("inspectors[%u]", i);

          hcs_request_reply_error (req, HCS_ERR_INVALID_TYPE, field,
                                   _("An inspector is given by the user name (text)."));
          return FALSE;
        }
      g_ptr_array_add (names, (gpointer) json_node_get_string (node));
    }
  g_ptr_array_add (names, NULL);
  return TRUE;
}

static gboolean
read_conflicts (HcsRequest *req,
                JsonObject *body,
                GArray     *conflicts)
{
  JsonArray *list = NULL;

  if (!hcs_request_field_array (req, body, "conflicts", HCS_FIELD_OPTIONAL, &list))
    return FALSE;
  if (list != NULL && json_array_get_length (list) > MAX_CONFLICTS)
    {
      hcs_request_reply_error (req, HCS_ERR_TOO_LONG, "conflicts",
                               _("A plan has at most %d declared conflicts."), MAX_CONFLICTS);
      return FALSE;
    }
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      HcsInspectionConflict c = { NULL, NULL, NULL };
      JsonObject *obj;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *field = g_strdup_printf ("conflicts[%u]", i);

          hcs_request_reply_error (req, HCS_ERR_INVALID_TYPE, field,
                                   _("A conflict is an object: {\"inspector\", \"subject\", \"reason\"}."));
          return FALSE;
        }
      obj = json_node_get_object (node);
      if (!hcs_request_field_string (req, obj, "inspector", HCS_FIELD_REQUIRED, &c.inspector) ||
          !hcs_request_field_string (req, obj, "subject", HCS_FIELD_REQUIRED, &c.subject) ||
          !hcs_request_field_string (req, obj, "reason", HCS_FIELD_REQUIRED | HCS_FIELD_MULTILINE, &c.reason) ||
          !check_length (req, "reason", c.reason, MAX_REASON_LENGTH))
        return FALSE;
      g_array_append_val (conflicts, c);
    }
  return TRUE;
}

static void
create_plan (HcsRequest *req)
{
  static const char * const fields[] = { "title", "department_id", "region", "industry", "subject_type", "ratios",
                                         "inspectors", "exclusion_days", "conflicts", NULL };
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) conflicts = g_array_new (FALSE, FALSE, sizeof (HcsInspectionConflict));
  g_autofree char *entity_id = NULL;
  HcsInspectionPlan plan = { 0, };
  HcSubjectType type;
  JsonObjectIter iter;
  const char *member;
  JsonObject *body;
  gint64 id;

  if ((body = hcs_request_json_object (req)) == NULL)
    return;
  json_object_iter_init (&iter, body);
  while (json_object_iter_next (&iter, &member, NULL))
    if (!g_strv_contains (fields, member))
      {
        hcs_request_reply_error (req, HCS_ERR_UNKNOWN_FIELD, member,
                                 _("“%s” is not a field of an inspection plan."), member);
        return;
      }
  plan.exclusion_days = 365;
  if (!hcs_request_field_string (req, body, "title", HCS_FIELD_REQUIRED, &plan.title) ||
      !check_length (req, "title", plan.title, MAX_TITLE_LENGTH) ||
      !hcs_request_field_int (req, body, "department_id", HCS_FIELD_REQUIRED, &plan.department_id) ||
      !hcs_request_field_string (req, body, "region", HCS_FIELD_NULLABLE, &plan.region) ||
      !hcs_request_field_string (req, body, "industry", HCS_FIELD_NULLABLE, &plan.industry) ||
      !check_length (req, "industry", plan.industry, MAX_INDUSTRY_LENGTH) ||
      !hcs_request_field_string (req, body, "subject_type", HCS_FIELD_NULLABLE, &plan.subject_type) ||
      !hcs_request_field_int (req, body, "exclusion_days", HCS_FIELD_OPTIONAL, &plan.exclusion_days) ||
      !read_ratios (req, body, plan.ratios) || !read_inspectors (req, body, names) ||
      !read_conflicts (req, body, conflicts))
    return;
  if (plan.region != NULL && *plan.region == '\0')
    plan.region = NULL;
  if (plan.industry != NULL && *plan.industry == '\0')
    plan.industry = NULL;
  if (plan.subject_type != NULL && *plan.subject_type == '\0')
    plan.subject_type = NULL;
  if (plan.region != NULL && hc_region_lookup (plan.region) == NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_REGION, "region",
                               _("“%s” is not the GB/T 2260 code of one of Hainan’s 19 cities and counties."),
                               plan.region);
      return;
    }
  if (plan.subject_type != NULL && !hc_subject_type_from_key (plan.subject_type, &type))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_SUBJECT_TYPE, "subject_type",
                               _("The subject type is legal_person, unincorporated or natural_person."));
      return;
    }
  if (plan.exclusion_days < 0 || plan.exclusion_days > 3650)
    {
      hcs_request_reply_error (req, HCS_ERR_VALUE_OUT_OF_RANGE, "exclusion_days",
                               _("The period in which an inspector’s own past inspections exclude a subject is 0 "
                                 "to 3650 days."));
      return;
    }
  if (!may_act_for_department (req, plan.department_id, "department_id"))
    return;
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (id = hcs_inspections_plan_create (store, &plan, (const char * const *) names->pdata,
                                         (HcsInspectionConflict *) (gpointer) conflicts->data, conflicts->len,
                                         hcs_request_get_actor (req)->username, &error)) == 0 ||
      (after = plan_get (req, id, &error)) == NULL ||
      !hcs_write_commit (w, "inspection_plan.create", "inspection_plan", (entity_id = id_text (id)), NULL, after,
                         &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_object (req, SOUP_STATUS_CREATED, g_steal_pointer (&after));
}

static void
draw_plan (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *entity_id = NULL;
  const char *reason = NULL;
  JsonObject *body;
  gint64 id;

  if (!path_plan (req, &id) || (body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_string (req, body, "reason", HCS_FIELD_OPTIONAL | HCS_FIELD_MULTILINE, &reason) ||
      !check_length (req, "reason", reason, MAX_REASON_LENGTH))
    return;
  if (reason != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (reason));

      if (*trimmed == '\0')
        reason = NULL;
    }
  if ((w = hcs_write_begin (req, &error)) == NULL || (before = plan_get (req, id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  if (!may_act_for_department (req, json_object_get_int_member (before, "department_id"), NULL))
    return;
  if (hcs_inspections_draw (store, id, NULL, reason, hcs_request_get_actor (req)->username, &error) == 0 ||
      (after = plan_get (req, id, &error)) == NULL ||
      !hcs_write_commit (w, "inspection_plan.draw", "inspection_plan", (entity_id = id_text (id)), before, after,
                         &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_object (req, SOUP_STATUS_CREATED, g_steal_pointer (&after));
}

/* A conflict declared after the plan's creation, before its draw. */
static void
add_conflict (HcsRequest *req)
{
  static const char * const fields[] = { "inspector", "subject", "reason", NULL };
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *entity_id = NULL;
  g_autofree char *reason = NULL;
  HcsInspectionConflict c = { NULL, NULL, NULL };
  const char *raw_reason = NULL, *member;
  JsonObjectIter iter;
  JsonObject *body;
  gint64 id;

  if (!path_plan (req, &id) || (body = hcs_request_json_object (req)) == NULL)
    return;
  json_object_iter_init (&iter, body);
  while (json_object_iter_next (&iter, &member, NULL))
    if (!g_strv_contains (fields, member))
      {
        hcs_request_reply_error (req, HCS_ERR_UNKNOWN_FIELD, member,
                                 _("“%s” is not a field of a conflict: give inspector, subject and reason."), member);
        return;
      }
  if (!hcs_request_field_string (req, body, "inspector", HCS_FIELD_REQUIRED, &c.inspector) ||
      !hcs_request_field_string (req, body, "subject", HCS_FIELD_REQUIRED, &c.subject) ||
      !hcs_request_field_string (req, body, "reason", HCS_FIELD_REQUIRED | HCS_FIELD_MULTILINE, &raw_reason))
    return;
  reason = g_strstrip (g_strdup (raw_reason));
  if (*reason == '\0')
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "reason",
                               _("Say why the inspector may not inspect the subject (亲属, 曾任职, …)."));
      return;
    }
  if (!check_length (req, "reason", reason, MAX_REASON_LENGTH))
    return;
  c.reason = reason;
  if ((w = hcs_write_begin (req, &error)) == NULL || (before = plan_get (req, id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  if (!may_act_for_department (req, json_object_get_int_member (before, "department_id"), NULL))
    return;
  if (!hcs_inspections_conflict_add (store, id, &c, &error) || (after = plan_get (req, id, &error)) == NULL ||
      !hcs_write_commit (w, "inspection_plan.conflict_add", "inspection_plan", (entity_id = id_text (id)), before,
                         after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_object (req, SOUP_STATUS_CREATED, g_steal_pointer (&after));
}

/* A declared conflict withdrawn before the plan's draw:
 * ?inspector=&subject=. */
static void
remove_conflict (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *entity_id = NULL;
  const char *inspector = hcs_request_query (req, "inspector");
  const char *subject = hcs_request_query (req, "subject");
  gint64 id;

  if (!path_plan (req, &id))
    return;
  if (inspector == NULL || *inspector == '\0' || subject == NULL || *subject == '\0')
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_PARAMETER, inspector == NULL || *inspector == '\0' ? "inspector"
                                                                                                  : "subject",
                               _("Say which conflict to withdraw: ?inspector= the user name and ?subject= the "
                                 "subject’s identifier."));
      return;
    }
  if ((w = hcs_write_begin (req, &error)) == NULL || (before = plan_get (req, id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  if (!may_act_for_department (req, json_object_get_int_member (before, "department_id"), NULL))
    return;
  if (!hcs_inspections_conflict_remove (store, id, inspector, subject, &error) ||
      (after = plan_get (req, id, &error)) == NULL ||
      !hcs_write_commit (w, "inspection_plan.conflict_remove", "inspection_plan", (entity_id = id_text (id)), before,
                         after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_object (req, SOUP_STATUS_OK, g_steal_pointer (&after));
}

static void
list_inspections (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_auto(HcsPage) page = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) plan = NULL;
  JsonArray *rows;
  gint64 id, draw_id = 0;

  if (!path_plan (req, &id) || !hcs_request_page (req, &page) ||
      !hcs_request_query_int (req, "draw", 1, G_MAXINT64, 0, &draw_id))
    return;
  if ((plan = hcs_store_inspections_plan_get (store, id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  if (draw_id > 0)
    {
      g_autoptr(JsonObject) draw = hcs_store_inspections_draw_get (store, draw_id, FALSE, NULL);

      if (draw == NULL || json_object_get_int_member (draw, "plan_id") != id)
        {
          hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "draw",
                                   _("This plan has no draw %lld."), (long long) draw_id);
          return;
        }
    }
  else if (!json_object_get_null_member (plan, "draw_id"))
    draw_id = json_object_get_int_member (plan, "draw_id");
  rows = hcs_store_inspections_list (store, draw_id, page.after_id, page.limit, &error);
  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_rows (req, rows, &page, NULL, -1);
}

static void
verify_draw (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonObject *answer;
  gint64 id;

  if (!hcs_request_path_id (req, "id", _("There is no draw with this id."), &id))
    return;
  if ((answer = hcs_inspections_verify (hcs_request_get_store (req), id, &error)) == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_object (req, SOUP_STATUS_OK, answer);
}

static gboolean
is_result (const char *result)
{
  return g_strcmp0 (result, "pass") == 0 || g_strcmp0 (result, "rectify") == 0 || g_strcmp0 (result, "fail") == 0;
}

/* A result is the word of the two inspectors drawn for the subject; a
 * supervisor (or an administrator) may enter it for them. Answers 403 and
 * returns %FALSE for anyone else. */
static gboolean
may_record (HcsRequest *req,
            JsonObject *inspection)
{
  const HcsActor *actor = hcs_request_get_actor (req);

  if (g_strcmp0 (actor->username, json_object_get_string_member_with_default (inspection, "inspector_1", NULL)) == 0 ||
      g_strcmp0 (actor->username, json_object_get_string_member_with_default (inspection, "inspector_2", NULL)) == 0)
    return TRUE;
  if (actor->role >= HC_ROLE_SUPERVISOR)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) plan = hcs_store_inspections_plan_get (hcs_request_get_store (req),
                                                                   json_object_get_int_member (inspection, "plan_id"),
                                                                   &error);

      if (plan == NULL)
        {
          hcs_request_reply_gerror (req, error);
          return FALSE;
        }
      return may_act_for_department (req, json_object_get_int_member (plan, "department_id"), NULL);
    }
  hcs_request_reply_error (req, HCS_ERR_FORBIDDEN, NULL,
                           _("Only the two inspectors drawn for this subject, or a supervisor, record its result."));
  return FALSE;
}

static void
record_result (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *entity_id = NULL;
  g_autofree char *note = NULL;
  const char *result = NULL, *raw_note = NULL;
  JsonObject *body;
  gint64 id;

  if (!hcs_request_path_id (req, "id", _("There is no inspection with this id."), &id) ||
      (body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_string (req, body, "result", HCS_FIELD_REQUIRED, &result) ||
      !hcs_request_field_string (req, body, "note", HCS_FIELD_OPTIONAL | HCS_FIELD_MULTILINE, &raw_note))
    return;
  if (!is_result (result))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_RESULT, "result",
                               _("The result is pass (合格), rectify (责令整改) or fail (不合格)."));
      return;
    }
  note = g_strstrip (g_strdup (raw_note ? raw_note : ""));
  if (*note == '\0' && !g_str_equal (result, "pass"))
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "note",
                               _("Say what was found: a result of 责令整改 or 不合格 needs a note."));
      return;
    }
  if (!check_length (req, "note", note, MAX_NOTE_LENGTH))
    return;
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (before = hcs_store_inspections_get (store, id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  if (!may_record (req, before))
    return;
  if (!hcs_inspections_record (store, id, result, note, hcs_request_get_actor (req)->username, &error) ||
      (after = hcs_store_inspections_get (store, id, &error)) == NULL ||
      !hcs_write_commit (w, "inspection.result", "inspection", (entity_id = id_text (id)), before, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_object (req, SOUP_STATUS_OK, g_steal_pointer (&after));
}

static void
list_publicity (HcsRequest *req)
{
  g_auto(HcsPage) page = { 0, };
  g_autoptr(GError) error = NULL;
  const char *region = hcs_request_query (req, "region");
  const char *result = hcs_request_query (req, "result");
  JsonArray *rows;

  if (!hcs_request_page (req, &page))
    return;
  if (region != NULL && hc_region_lookup (region) == NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "region",
                               _("“%s” is not the GB/T 2260 code of one of Hainan’s 19 cities and counties."),
                               region);
      return;
    }
  if (result != NULL && !is_result (result))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "result",
                               _("The result is pass (合格), rectify (责令整改) or fail (不合格)."));
      return;
    }
  rows = hcs_store_inspections_publicity (hcs_request_get_store (req), region, result, page.after_key,
                                          page.after_id, page.limit, &error);
  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_rows (req, rows, &page, "recorded_on", -1);
}

/* The users a supervisor may pick as a plan's inspectors: those of the
 * department, who they are and whether they are active — what GET /users
 * (administrators only) would tell, less the role and the account's
 * history. */
static void
list_inspectors (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) department = NULL;
  JsonArray *rows;
  gint64 department_id = 0;

  if (!hcs_request_query_int (req, "department_id", 1, G_MAXINT64, 0, &department_id))
    return;
  if (department_id == 0)
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_PARAMETER, "department_id",
                               _("Say whose users to list: ?department_id= the id of the plan’s department."));
      return;
    }
  if ((department = hcs_store_departments_get (store, department_id, NULL)) == NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "department_id",
                               _("There is no department with id %lld."), (long long) department_id);
      return;
    }
  if ((rows = hcs_store_inspections_department_users (store, department_id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_page (req, rows, NULL, json_array_get_length (rows));
}

static const HcsRoute routes[] = {
  { "GET",  "/inspections/plans",                    list_plans,       HCS_ACCESS_ANALYST },
  { "POST", "/inspections/plans",                    create_plan,      HCS_ACCESS_SUPERVISOR },
  { "GET",  "/inspections/plans/{id}",               get_plan,         HCS_ACCESS_ANALYST },
  { "POST", "/inspections/plans/{id}/draw",          draw_plan,        HCS_ACCESS_SUPERVISOR },
  { "POST",   "/inspections/plans/{id}/conflicts",  add_conflict,     HCS_ACCESS_SUPERVISOR },
  { "DELETE", "/inspections/plans/{id}/conflicts",  remove_conflict,  HCS_ACCESS_SUPERVISOR },
  { "GET",  "/inspections/plans/{id}/inspections",   list_inspections, HCS_ACCESS_ANALYST },
  { "GET",  "/inspections/draws/{id}/verify",        verify_draw,      HCS_ACCESS_ANALYST },
  { "POST", "/inspections/{id}/result",              record_result,    HCS_ACCESS_ANALYST },
  { "GET",  "/inspections/publicity",                list_publicity,   HCS_ACCESS_ANALYST },
  { "GET",  "/inspections/inspectors",               list_inspectors,  HCS_ACCESS_SUPERVISOR },
};

void
hcs_routes_inspections_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
