/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /grading/models and /subjects/{identifier}/grade: 公共信用综合评价 model
 * versions (draft, edit, preview, publish) and a subject's grade with its
 * explanation and a supervisor's override. */
#define G_LOG_DOMAIN "hcs-route-grading"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hc-core.h"
#include "hcs-credit-file.h"
#include "hcs-grading.h"
#include "hcs-routes.h"
#include "hcs-write.h"

#define MAX_TITLE_LENGTH  100
#define MAX_REASON_LENGTH 1000

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static JsonObject *
model_get (HcsRequest  *req,
           gint64       id,
           GError     **error)
{
  g_autoptr(JsonObject) stored = hcs_store_grading_model_get (hcs_request_get_store (req), id, error);

  return stored != NULL ? hcs_grading_model_present (stored) : NULL;
}

static void
reply_model (HcsRequest *req,
             guint       status,
             JsonObject *model)
{
  hcs_request_set_etag (req, json_object_get_int_member (model, "version"));
  hcs_request_reply_object (req, status, model);
}

static gboolean
path_model (HcsRequest *req,
            gint64     *id)
{
  return hcs_request_path_id (req, "id", _("There is no such version of the evaluation model."), id);
}

static void
list_models (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) rows = hcs_store_grading_models_list (hcs_request_get_store (req), &error);

  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_page (req, g_steal_pointer (&rows), NULL, -1);
}

static void
get_model (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonObject *model;
  gint64 id;

  if (!path_model (req, &id))
    return;
  if ((model = model_get (req, id, &error)) == NULL)
    hcs_request_reply_gerror (req, error);
  else
    reply_model (req, SOUP_STATUS_OK, model);
}

static gboolean
check_title (HcsRequest *req,
             const char *title)
{
  if (title != NULL && g_utf8_strlen (title, -1) > MAX_TITLE_LENGTH)
    {
      hcs_request_reply_error (req, HCS_ERR_TOO_LONG, "title",
                               _("A model's title has at most %d characters."), MAX_TITLE_LENGTH);
      return FALSE;
    }
  return TRUE;
}

static void
create_model (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *entity_id = NULL;
  const char *title = NULL;
  gint64 based_on = 0, id = 0;
  JsonObject *body;

  if ((body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_int (req, body, "based_on", HCS_FIELD_OPTIONAL, &based_on) ||
      !hcs_request_field_string (req, body, "title", HCS_FIELD_OPTIONAL, &title) ||
      !check_title (req, title))
    return;
  if (based_on < 0)
    {
      hcs_request_reply_error (req, HCS_ERR_UNKNOWN_VERSION, "based_on",
                               _("There is no model version %lld."), (long long) based_on);
      return;
    }
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (id = hcs_grading_draft_create (store, based_on, title, hcs_request_get_actor (req)->username, &error)) == 0 ||
      (after = model_get (req, id, &error)) == NULL ||
      !hcs_write_commit (w, "grading_model.create", "grading_model", (entity_id = id_text (id)), NULL, after,
                         &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  reply_model (req, SOUP_STATUS_CREATED, g_steal_pointer (&after));
}

static void
edit_model (HcsRequest *req)
{
  static const char * const editable[] = { "title", "base_score", "bands", "weights", NULL };
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *entity_id = NULL;
  const char *title = NULL;
  gint64 id, version;
  JsonObject *body;
  JsonObjectIter iter;
  const char *member;
  gboolean any = FALSE;

  if (!path_model (req, &id) || !hcs_request_if_match (req, &version) ||
      (body = hcs_request_json_object (req)) == NULL)
    return;
  json_object_iter_init (&iter, body);
  while (json_object_iter_next (&iter, &member, NULL))
    {
      if (!g_strv_contains (editable, member))
        {
          hcs_request_reply_error (req, HCS_ERR_UNKNOWN_FIELD, member,
                                   _("“%s” is not a field of a model version: send title, base_score, bands or weights."),
                                   member);
          return;
        }
      any = TRUE;
    }
  if (!any)
    {
      hcs_request_reply_error (req, HCS_ERR_NOTHING_TO_CHANGE, NULL,
                               _("Send at least one of title, base_score, bands and weights."));
      return;
    }
  if (!hcs_request_field_string (req, body, "title", HCS_FIELD_OPTIONAL, &title) || !check_title (req, title))
    return;
  if ((w = hcs_write_begin (req, &error)) == NULL || (before = model_get (req, id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  version = hcs_request_if_match_version (req, before);
  if (!hcs_grading_draft_edit (store, id, version, title, json_object_get_member (body, "base_score"),
                               json_object_get_member (body, "bands"), json_object_get_member (body, "weights"),
                               &error) ||
      (after = model_get (req, id, &error)) == NULL ||
      !hcs_write_commit (w, "grading_model.update", "grading_model", (entity_id = id_text (id)), before, after,
                         &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  reply_model (req, SOUP_STATUS_OK, g_steal_pointer (&after));
}

/* A draft thrown away (If-Match its version): nothing of it graded
 * anyone; the published versions stay. */
static void
discard_model (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autofree char *entity_id = NULL;
  gint64 id, version;

  if (!path_model (req, &id) || !hcs_request_if_match (req, &version))
    return;
  if ((w = hcs_write_begin (req, &error)) == NULL || (before = model_get (req, id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  version = hcs_request_if_match_version (req, before);
  if (!hcs_grading_draft_discard (hcs_request_get_store (req), id, version, &error) ||
      !hcs_write_commit (w, "grading_model.discard", "grading_model", (entity_id = id_text (id)), before, NULL,
                         &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_no_content (req);
}

static void
preview_model (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonObject *preview;
  gint64 id;

  if (!path_model (req, &id))
    return;
  if ((preview = hcs_grading_preview (hcs_request_get_store (req), id, &error)) == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_object (req, SOUP_STATUS_OK, preview);
}

/* The audit keeps the pass's totals; the breakdowns are in the answer. */
static JsonObject *
audit_summary (JsonObject *model,
               JsonObject *summary)
{
  JsonObject *after = json_object_ref (model);
  JsonObject *pass = json_object_new ();
  static const char * const kept[] = { "as_of", "subjects", "changed", "overridden", "grades" };

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    json_object_set_member (pass, kept[i], json_node_copy (json_object_get_member (summary, kept[i])));
  json_object_set_object_member (after, "regrading", pass);
  return after;
}

/* A publication regrades every subject (minutes at a million): its route
 * has no bound on its statements' wait (HcsRoute.unbounded), its COMMIT's
 * included. */
static void
publish_model (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) summary = NULL;
  g_autoptr(JsonObject) audit = NULL;
  g_autofree char *entity_id = NULL;
  JsonObject *answer;
  gint64 id, version;

  if (!path_model (req, &id) || !hcs_request_if_match (req, &version))
    return;
  if ((w = hcs_write_begin (req, &error)) == NULL || (before = model_get (req, id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  version = hcs_request_if_match_version (req, before);
  if ((summary = hcs_grading_publish (store, id, version, hcs_request_get_actor (req)->username, &error)) == NULL ||
      (after = model_get (req, id, &error)) == NULL ||
      !hcs_write_commit (w, "grading_model.publish", "grading_model", (entity_id = id_text (id)), before,
                         (audit = audit_summary (after, summary)), &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  /* The ETag is the published version's, as GET /grading/models/{id} gives it. */
  hcs_request_set_etag (req, json_object_get_int_member (after, "version"));
  answer = json_object_new ();
  json_object_set_object_member (answer, "model", g_steal_pointer (&after));
  json_object_set_object_member (answer, "regrading", g_steal_pointer (&summary));
  hcs_request_reply_object (req, SOUP_STATUS_OK, answer);
}

static void
get_grade (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) subject = hcs_credit_file_path_subject (req);
  JsonObject *grade;

  if (subject == NULL)
    return;
  grade = hcs_grading_explain (hcs_request_get_store (req), json_object_get_int_member (subject, "id"), &error);
  if (grade == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_object (req, SOUP_STATUS_OK, grade);
}

static void
override_grade (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) subject = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *entity_id = NULL;
  g_autofree char *reason = NULL;
  const char *grade = NULL, *raw_reason = NULL;
  JsonObject *body;
  gint64 subject_id;

  if ((subject = hcs_credit_file_path_subject (req)) == NULL || (body = hcs_request_json_object (req)) == NULL)
    return;
  if (!json_object_has_member (body, "grade"))
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "grade",
                               _("Give the grade (A, B, C or D), or null to lift the override."));
      return;
    }
  if (!json_object_get_null_member (body, "grade") &&
      !hcs_request_field_string (req, body, "grade", HCS_FIELD_OPTIONAL, &grade))
    return;
  if (!hcs_request_field_string (req, body, "reason", HCS_FIELD_OPTIONAL | HCS_FIELD_MULTILINE, &raw_reason))
    return;
  if (grade != NULL && !g_str_equal (grade, "A") && !g_str_equal (grade, "B") && !g_str_equal (grade, "C") &&
      !g_str_equal (grade, "D"))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_GRADE, "grade",
                               _("The grade is A, B, C or D."));
      return;
    }
  reason = g_strstrip (g_strdup (raw_reason ? raw_reason : ""));
  if (*reason == '\0')
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "reason",
                               _("Say why the grade is overridden: an override needs a reason."));
      return;
    }
  if (g_utf8_strlen (reason, -1) > MAX_REASON_LENGTH)
    {
      hcs_request_reply_error (req, HCS_ERR_TOO_LONG, "reason",
                               _("A reason has at most %d characters."), MAX_REASON_LENGTH);
      return;
    }
  subject_id = json_object_get_int_member (subject, "id");
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (before = hcs_grading_explain (store, subject_id, &error)) == NULL ||
      !hcs_grading_override (store, subject_id, grade, reason, hcs_request_get_actor (req)->username, &error) ||
      (after = hcs_grading_explain (store, subject_id, &error)) == NULL ||
      !hcs_write_commit (w, grade ? "grade.override" : "grade.override_lift", "subject",
                         (entity_id = id_text (subject_id)), before, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_object (req, SOUP_STATUS_OK, g_steal_pointer (&after));
}

/* The subjects of @rows (region, grade, n) in @region by grade: A to D,
 * then none. */
static void
count_grades (JsonArray  *rows,
              const char *region,
              gint64      counts[5])
{
  memset (counts, 0, 5 * sizeof counts[0]);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *c = json_array_get_object_element (rows, i);
      const char *grade = json_object_get_string_member_with_default (c, "grade", NULL);
      int g = grade == NULL ? 4 : grade[0] - 'A';

      if (g_strcmp0 (json_object_get_string_member_with_default (c, "region", NULL), region) != 0 ||
          g < 0 || g > 4)
        continue;
      counts[g] += json_object_get_int_member (c, "n");
    }
}

/* GET /grading/distribution/regions: the same grades as a listing, a row a
 * 市县 (GB/T order) with its subjects, A to D, none and the share of C and
 * D among the graded (percent, a tenth, as the heat map's grade measure
 * shows it) — so that it exports, like every listing. */
static void
list_distribution_regions (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) rows = hcs_store_grading_distribution (hcs_request_get_store (req), &error);
  JsonArray *items;
  const HcRegion *regions;
  guint n_regions;

  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  regions = hc_regions_get_all (&n_regions);
  items = json_array_sized_new (n_regions);
  for (guint r = 0; r < n_regions; r++)
    {
      JsonObject *row = json_object_new ();
      gint64 counts[5], graded = 0, subjects;

      count_grades (rows, regions[r].code, counts);
      for (int g = 0; g < 4; g++)
        graded += counts[g];
      subjects = graded + counts[4];
      json_object_set_string_member (row, "region", regions[r].code);
      json_object_set_string_member (row, "region_name", regions[r].name);
      json_object_set_int_member (row, "subjects", subjects);
      json_object_set_int_member (row, "a", counts[0]);
      json_object_set_int_member (row, "b", counts[1]);
      json_object_set_int_member (row, "c", counts[2]);
      json_object_set_int_member (row, "d", counts[3]);
      json_object_set_int_member (row, "none", counts[4]);
      json_object_set_double_member (row, "cd_share",
                                     graded > 0 ? (double) (((counts[2] + counts[3]) * 1000 + graded / 2) / graded) / 10.0
                                                : 0.0);
      json_array_add_object_element (items, row);
    }
  hcs_request_reply_page (req, items, NULL, json_array_get_length (items));
}

/* The grades in force by 市县 (overrides included), every 市县 listed. */
static void
get_distribution (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) rows = hcs_store_grading_distribution (hcs_request_get_store (req), &error);
  JsonObject *answer, *totals;
  JsonArray *by_region;
  const HcRegion *regions;
  guint n_regions;
  gint64 all[5] = { 0, };

  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  regions = hc_regions_get_all (&n_regions);
  by_region = json_array_new ();
  for (guint r = 0; r < n_regions; r++)
    {
      JsonObject *row = json_object_new ();
      JsonObject *grades = json_object_new ();
      gint64 counts[5], subjects = 0;

      count_grades (rows, regions[r].code, counts);
      for (int g = 0; g < 5; g++)
        {
          subjects += counts[g];
          all[g] += counts[g];
        }
      json_object_set_string_member (row, "region", regions[r].code);
      json_object_set_string_member (row, "name", regions[r].name);
      json_object_set_int_member (row, "subjects", subjects);
      for (int g = 0; g < 4; g++)
        {
          const char key[] = { (char) ('A' + g), '\0' };

          json_object_set_int_member (grades, key, counts[g]);
        }
      json_object_set_int_member (grades, "none", counts[4]);
      json_object_set_object_member (row, "grades", grades);
      json_array_add_object_element (by_region, row);
    }
  answer = json_object_new ();
  totals = json_object_new ();
  for (int g = 0; g < 4; g++)
    {
      const char key[] = { (char) ('A' + g), '\0' };

      json_object_set_int_member (totals, key, all[g]);
    }
  json_object_set_int_member (totals, "none", all[4]);
  json_object_set_object_member (answer, "grades", totals);
  json_object_set_array_member (answer, "by_region", by_region);
  hcs_request_reply_object (req, SOUP_STATUS_OK, answer);
}

static const HcsRoute routes[] = {
  { "GET",   "/grading/distribution",            get_distribution, HCS_ACCESS_ANALYST },
  { "GET",   "/grading/distribution/regions",    list_distribution_regions, HCS_ACCESS_ANALYST },
  { "GET",   "/grading/models",                  list_models,    HCS_ACCESS_ANALYST },
  { "POST",  "/grading/models",                  create_model,   HCS_ACCESS_SUPERVISOR },
  { "GET",   "/grading/models/{id}",             get_model,      HCS_ACCESS_ANALYST },
  { "PATCH", "/grading/models/{id}",             edit_model,     HCS_ACCESS_SUPERVISOR },
  { "DELETE", "/grading/models/{id}",            discard_model,  HCS_ACCESS_SUPERVISOR },
  { "GET",   "/grading/models/{id}/preview",     preview_model,  HCS_ACCESS_SUPERVISOR },
  { "POST",  "/grading/models/{id}/publish",     publish_model,  HCS_ACCESS_SUPERVISOR, 0, TRUE },
  { "GET",   "/subjects/{identifier}/grade",     get_grade,      HCS_ACCESS_ANALYST },
  { "POST",  "/subjects/{identifier}/grade/override", override_grade, HCS_ACCESS_SUPERVISOR },
};

void
hcs_routes_grading_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
