/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /subjects: 市场主体 — registration, look-up and edits, with ID numbers
 * masked for every role not entitled to see them (个人信息保护); the search
 * (GET /subjects) is hcs-route-subjects-search.c, and the answer's form and
 * the checks of a subject's values are shared with it
 * (hcs-route-subjects-private.h). */
#define G_LOG_DOMAIN "hcs-route-subjects"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-credit-file.h"
#include "hcs-grading.h"
#include "hcs-routes.h"
#include "hcs-route-subjects-private.h"
#include "hcs-store-subjects.h"
#include "hcs-throttle.h"
#include "hcs-write.h"

#define MAX_NAME_LENGTH      200
#define MAX_GRADE_REASON_LENGTH 1000

static const char * const statuses[] = { "active", "deregistered", "revoked", NULL };
static const char * const grades[] = { "A", "B", "C", "D", NULL };

static gboolean
is_person (JsonObject *subject)
{
  return g_strcmp0 (json_object_get_string_member (subject, "type"), "natural_person") == 0;
}

/* Makes a stored row the API's answer: the 市县 name beside its code, and
 * whether the answer boundary (hcs-mask.c) masks its ID number. */
void
hcs_subjects_present (JsonObject *subject,
                      gboolean    masked)
{
  const HcRegion *region = hc_region_lookup (json_object_get_string_member (subject, "region"));

  json_object_set_string_member (subject, "region_name", region ? region->name : "");
  json_object_set_boolean_member (subject, "identifier_masked", masked && is_person (subject));
}

/* One subject of @rows as hcs_subjects_present() makes it, written
 * straight as JSON text (issue 12): the row's columns, its 市县 name,
 * whether its ID number is masked. The masking itself is the answer
 * boundary's (hcs_request_reply_bytes()), as for any JSON answer. */
void
hcs_subjects_append (GString *out,
                     HcsRows *rows,
                     guint    row,
                     gboolean masked)
{
  const HcRegion *region = hc_region_lookup (hcs_rows_get_text (rows, row, hcs_rows_column (rows, "region")));
  gboolean person = g_strcmp0 (hcs_rows_get_text (rows, row, hcs_rows_column (rows, "type")), "natural_person") == 0;

  g_string_append_c (out, '{');
  hcs_rows_append_members (rows, row, out);
  g_string_append (out, ",\"region_name\":");
  hcs_json_append_string (out, region ? region->name : "", -1);
  g_string_append (out, masked && person ? ",\"identifier_masked\":true}" : ",\"identifier_masked\":false}");
}

void
hcs_subjects_reply_text (HcsRequest *req,
                         GString    *out)
{
  g_autoptr(GBytes) bytes = g_string_free_to_bytes (out);

  hcs_request_reply_bytes (req, SOUP_STATUS_OK, "application/json; charset=utf-8", bytes);
}

/* The audit entry's copy of a row; the audit view masks it like any answer. */
static JsonObject *
audit_copy (JsonObject *subject)
{
  JsonObject *obj = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  /* Rows hold only scalars, so copying the members copies it all. */
  json_object_iter_init (&iter, subject);
  while (json_object_iter_next (&iter, &name, &value))
    json_object_set_member (obj, name, json_node_copy (value));
  hcs_subjects_present (obj, TRUE);
  return obj;
}

static char *
id_text (JsonObject *subject)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (subject, "id"));
}

gboolean
hcs_subjects_sees_id_numbers (HcsRequest *req)
{
  return hcs_request_has_role (req, HC_ROLE_ADMIN);
}

gboolean
hcs_subjects_check_region (HcsRequest *req,
                           const char *region,
                           guint       status)
{
  if (region == NULL || hc_region_lookup (region) != NULL)
    return TRUE;
  hcs_request_reply_error (req, status, status == SOUP_STATUS_BAD_REQUEST ? "invalid_parameter" : "invalid_region",
                           "region",
                           _("“%s” is not the GB/T 2260 code of one of Hainan’s 19 cities and counties."), region);
  return FALSE;
}

static gboolean
check_key (HcsRequest         *req,
           const char         *value,
           const char         *field,
           const char * const *keys,
           guint               status,
           const char         *code)
{
  g_autofree char *allowed = NULL;

  if (value == NULL || g_strv_contains (keys, value))
    return TRUE;
  allowed = g_strjoinv (", ", (char **) keys);
  hcs_request_reply_error (req, status, code, field,
                           _("“%s” must be one of: %s."), field, allowed);
  return FALSE;
}

gboolean
hcs_subjects_check_status (HcsRequest *req,
                           const char *status_key,
                           guint       status)
{
  return check_key (req, status_key, "status", statuses, status,
                    status == SOUP_STATUS_BAD_REQUEST ? "invalid_parameter" : "invalid_status");
}

gboolean
hcs_subjects_check_grade (HcsRequest *req,
                          const char *grade,
                          guint       status)
{
  return check_key (req, grade, "grade", grades, status,
                    status == SOUP_STATUS_BAD_REQUEST ? "invalid_parameter" : "invalid_grade");
}

gboolean
hcs_subjects_check_type (HcsRequest    *req,
                         const char    *type_key,
                         guint          status,
                         HcSubjectType *type)
{
  HcSubjectType t;

  if (type_key == NULL || hc_subject_type_from_key (type_key, &t))
    {
      if (type != NULL && type_key != NULL)
        *type = t;
      return TRUE;
    }
  hcs_request_reply_error (req, status,
                           status == SOUP_STATUS_BAD_REQUEST ? "invalid_parameter" : "invalid_subject_type",
                           "type", _("The type must be legal_person, unincorporated or natural_person."));
  return FALSE;
}

/* A grade typed on a subject (at registration or in an edit) is a
 * supervisor's override of the computed grade (公共信用综合评价): it needs a
 * reason and is written as an override (hcs_grading_override), so that no
 * regrade — a change of the file, a model published, the daily refresh —
 * replaces it silently. In an edit, grade null lifts the override: the
 * computed grade is in force again (a reason too). */
typedef struct
{
  gboolean    given;    /* the body sets or lifts the grade */
  const char *grade;    /* NULL: lift */
  char       *reason;
} GradeEdit;

static void
grade_edit_clear (GradeEdit *g)
{
  g_clear_pointer (&g->reason, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GradeEdit, grade_edit_clear)

static gboolean
parse_grade_edit (HcsRequest *req,
                  JsonObject *body,
                  gboolean    may_lift,
                  GradeEdit  *out)
{
  const char *raw_reason = NULL;
  JsonNode *node = json_object_get_member (body, "grade");

  if (!hcs_request_field_string (req, body, "grade", may_lift ? HCS_FIELD_NULLABLE : HCS_FIELD_OPTIONAL, &out->grade) ||
      !hcs_request_field_string (req, body, "grade_reason", HCS_FIELD_OPTIONAL | HCS_FIELD_MULTILINE, &raw_reason) ||
      !hcs_subjects_check_grade (req, out->grade, SOUP_STATUS_UNPROCESSABLE_ENTITY))
    return FALSE;
  out->given = out->grade != NULL || (may_lift && node != NULL);
  if (!out->given)
    {
      if (raw_reason == NULL)
        return TRUE;
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "grade",
                               _("A grade reason goes with a grade: give the grade (A, B, C or D, or null for the computed grade) with it."));
      return FALSE;
    }
  /* 公共信用综合评价 is a decision: only supervisors and admins set grades. */
  if (!hcs_request_require_role (req, HC_ROLE_SUPERVISOR))
    return FALSE;
  out->reason = g_strstrip (g_strdup (raw_reason ? raw_reason : ""));
  if (*out->reason == '\0')
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "grade_reason",
                               out->grade != NULL
                               ? _("A grade set by hand overrides the computed grade, and an override needs a reason: say why in grade_reason.")
                               : _("Going back to the computed grade lifts an override, which needs a reason: say why in grade_reason."));
      return FALSE;
    }
  if (g_utf8_strlen (out->reason, -1) > MAX_GRADE_REASON_LENGTH)
    {
      hcs_request_reply_error (req, HCS_ERR_TOO_LONG, "grade_reason",
                               _("A reason has at most %d characters."), MAX_GRADE_REASON_LENGTH);
      return FALSE;
    }
  return TRUE;
}

/* Overrides (or lifts) the subject's grade in the caller's transaction, as
 * POST …/grade/override does; @before and @after are the grade explained,
 * for its audit entry (grade.override / grade.override_lift). */
static gboolean
apply_grade_edit (HcsRequest       *req,
                  gint64            subject_id,
                  const GradeEdit  *g,
                  JsonObject      **before,
                  JsonObject      **after,
                  GError          **error)
{
  HcsStore *store = hcs_request_get_store (req);

  return (*before = hcs_grading_explain (store, subject_id, error)) != NULL &&
         hcs_grading_override (store, subject_id, g->grade, g->reason, hcs_request_get_actor (req)->username,
                               error) &&
         (*after = hcs_grading_explain (store, subject_id, error)) != NULL;
}

static const char *
grade_edit_action (const GradeEdit *g)
{
  return g->grade ? "grade.override" : "grade.override_lift";
}

static gboolean
check_name (HcsRequest *req,
            const char *name)
{
  g_autofree char *trimmed = NULL;

  if (name == NULL)
    return TRUE;
  trimmed = g_strstrip (g_strdup (name));
  if (*trimmed == '\0')
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "name",
                               _("The field “%s” must not be empty."), "name");
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > MAX_NAME_LENGTH)
    {
      hcs_request_reply_error (req, HCS_ERR_TOO_LONG, "name",
                               _("A name has at most %d characters."), MAX_NAME_LENGTH);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_date (HcsRequest *req,
            const char *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint y, m, d;
  char tail;

  if (date == NULL)
    return TRUE;
  if (strlen (date) == 10 && sscanf (date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3 &&
      g_ascii_isdigit (date[0]) && date[4] == '-' && date[7] == '-' &&
      g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y) && y >= 1949 &&
      (gint) y <= g_date_time_get_year (now))
    return TRUE;
  hcs_request_reply_error (req, HCS_ERR_INVALID_DATE, "registered_on",
                           _("The registration date must be a real date written YYYY-MM-DD, from 1949 to this year."));
  return FALSE;
}

/* Reads the identifier of the path in its normalised form (full-width and
 * lower-case input find the subject too); %NULL when it is not even text,
 * which no subject has. */
static char *
path_identifier (HcsRequest *req)
{
  const char *raw = hcs_request_param (req, "identifier");

  if (raw == NULL || !g_utf8_validate (raw, -1, NULL))
    return NULL;
  return hc_uscc_normalize (raw);
}

static void
reply_subject (HcsRequest *req,
               guint       status,
               JsonObject *subject)
{
  hcs_request_set_etag (req, json_object_get_int_member (subject, "version"));
  hcs_subjects_present (subject, hcs_request_masks_id_numbers (req));
  hcs_request_reply_object (req, status, json_object_ref (subject));
}

static void
not_found (HcsRequest *req)
{
  hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "identifier",
                           _("There is no market subject with this identifier."));
}

static void
get_subject (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autofree char *identifier = NULL;
  gboolean unmask;
  g_autoptr(JsonObject) subject = NULL;
  g_autoptr(JsonObject) audit = NULL;
  g_autofree char *entity_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  gint64 ref;

  if (!hcs_request_query_bool (req, "unmask", &unmask) ||
      (unmask && !hcs_request_require_role (req, HC_ROLE_SUPERVISOR)))
    return;
  /* By the list row's reference ("id:42") a masked person is found without
   * naming the number, so that is no look-up by the number. */
  if (hcs_credit_file_parse_ref (hcs_request_param (req, "identifier"), &ref))
    {
      g_autoptr(JsonObject) row = hcs_store_subjects_get_by_id (store, ref, &error);

      if (row == NULL)
        {
          if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
            not_found (req);
          else
            hcs_request_reply_gerror (req, error);
          return;
        }
      identifier = g_strdup (json_object_get_string_member (row, "identifier"));
    }
  else if ((identifier = path_identifier (req)) == NULL)
    {
      not_found (req);
      return;
    }
  else if (!hcs_throttle_person_lookup (req, identifier))
    return;

  if (!unmask || hcs_subjects_sees_id_numbers (req))
    {
      /* The look-up: the row written as JSON text straight from it. */
      g_autoptr(HcsRows) found = hcs_store_subjects_get_rows (store, identifier, &error);
      GString *out;

      if (found == NULL)
        {
          hcs_request_reply_gerror (req, error);
          return;
        }
      if (hcs_rows_get_n_rows (found) == 0)
        {
          not_found (req);
          return;
        }
      hcs_request_set_etag (req, hcs_rows_get_int (found, 0, hcs_rows_column (found, "version")));
      out = g_string_sized_new (512);
      hcs_subjects_append (out, found, 0, hcs_request_masks_id_numbers (req));
      hcs_subjects_reply_text (req, out);
      return;
    }

  /* A supervisor unmasking: the look-up and its audit entry go together. */
  if ((w = hcs_write_begin (req, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  subject = hcs_store_subjects_get (store, identifier, &error);
  if (subject == NULL)
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        not_found (req);
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  if (!is_person (subject))
    {
      reply_subject (req, SOUP_STATUS_OK, subject);
      return;
    }
  audit = audit_copy (subject);
  entity_id = id_text (subject);
  if (!hcs_write_commit (w, "subject.unmask", "subject", entity_id, NULL, audit, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_unmask (req);
  reply_subject (req, SOUP_STATUS_OK, subject);
}

/* Checks @raw as the identifier of a subject of @type and normalises it.
 * Answers 422 with the core's reason and returns %NULL when it is not one. */
static char *
check_identifier (HcsRequest    *req,
                  const char    *raw,
                  HcSubjectType  type)
{
  g_autoptr(GError) error = NULL;
  char *normalized = NULL;

  if (type == HC_SUBJECT_TYPE_NATURAL_PERSON)
    {
      if (hc_id_number_validate (raw, &normalized, &error))
        return normalized;
      hcs_request_reply_error (req, HCS_ERR_INVALID_ID_NUMBER, "identifier",
                               "%s", error->message);
      return NULL;
    }
  if (hc_uscc_validate (raw, &normalized, &error))
    return normalized;
  hcs_request_reply_error (req, HCS_ERR_INVALID_USCC, "identifier",
                           "%s", error->message);
  return NULL;
}

/* The 市县 a subject registered without one belongs to, from its code. */
static const char *
derive_region (const char    *identifier,
               HcSubjectType  type)
{
  char as_uscc[9];

  if (type != HC_SUBJECT_TYPE_NATURAL_PERSON)
    return hc_uscc_region_code (identifier);
  /* A 公民身份号码 starts with its address code, where a USCC has it at
   * positions 3 to 8: let the core map it, districts of a city included. */
  g_snprintf (as_uscc, sizeof as_uscc, "00%.6s", identifier);
  return hc_uscc_region_code (as_uscc);
}

static void
create_subject (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  JsonObject *body = hcs_request_json_object (req);
  HcsSubjectFields f = { 0, };
  const char *raw_identifier = NULL, *type_key = NULL;
  HcSubjectType type = HC_SUBJECT_TYPE_LEGAL_PERSON;
  g_auto(GradeEdit) grade_edit = { 0, };
  g_autoptr(JsonObject) grade_before = NULL;
  g_autoptr(JsonObject) grade_after = NULL;
  g_autofree char *grade_id = NULL;
  g_autofree char *identifier = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) audit = NULL;
  g_autofree char *entity_id = NULL;
  gint64 id;

  if (body == NULL ||
      !hcs_request_field_string (req, body, "identifier", HCS_FIELD_REQUIRED, &raw_identifier) ||
      !hcs_request_field_string (req, body, "name", HCS_FIELD_REQUIRED, &f.name) ||
      !hcs_request_field_string (req, body, "type", HCS_FIELD_REQUIRED, &type_key) ||
      !hcs_request_field_string (req, body, "region", HCS_FIELD_OPTIONAL, &f.region) ||
      !hcs_request_field_string (req, body, "industry", HCS_FIELD_OPTIONAL, &f.industry) ||
      !hcs_request_field_string (req, body, "registered_on", HCS_FIELD_OPTIONAL, &f.registered_on) ||
      !hcs_subjects_check_type (req, type_key, SOUP_STATUS_UNPROCESSABLE_ENTITY, &type) ||
      (identifier = check_identifier (req, raw_identifier, type)) == NULL ||
      !check_name (req, f.name) ||
      !hcs_subjects_check_region (req, f.region, SOUP_STATUS_UNPROCESSABLE_ENTITY) ||
      !check_date (req, f.registered_on) ||
      !parse_grade_edit (req, body, FALSE, &grade_edit) ||
      !hcs_throttle_person_lookup (req, identifier))
    return;
  if (type != HC_SUBJECT_TYPE_NATURAL_PERSON && (f.industry == NULL || *f.industry == '\0'))
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "industry",
                               _("The field “%s” is required."), "industry");
      return;
    }
  if (f.region == NULL && (f.region = derive_region (identifier, type)) == NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "region",
                               _("The identifier does not say which of Hainan’s cities and counties the subject belongs to; give its region."));
      return;
    }
  f.identifier = identifier;
  f.type = type_key;

  if ((w = hcs_write_begin (req, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  id = hcs_store_subjects_insert (store, &f, &error);
  /* Graded at once under the published model (its years since registration);
   * a grade given is an override of that. */
  if (id > 0 && !hcs_grading_regrade_subject (store, id, &error))
    id = 0;
  if (id > 0 && grade_edit.given &&
      (!apply_grade_edit (req, id, &grade_edit, &grade_before, &grade_after, &error) ||
       !hcs_write_record (w, grade_edit_action (&grade_edit), "subject", (grade_id = g_strdup_printf ("%" G_GINT64_FORMAT, id)),
                          grade_before, grade_after, &error)))
    id = 0;
  if (id > 0)
    after = hcs_store_subjects_get_by_id (store, id, &error);
  if (after == NULL)
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_DUPLICATE))
        {
          hcs_request_reply_error (req, HCS_ERR_DUPLICATE, "identifier",
                                   _("A market subject with this identifier is registered already."));
        }
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  audit = audit_copy (after);
  entity_id = id_text (after);
  if (!hcs_write_commit (w, "subject.create", "subject", entity_id, NULL, audit, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  reply_subject (req, SOUP_STATUS_CREATED, after);
}

static void
patch_subject (HcsRequest *req)
{
  static const char * const immutable[] = { "identifier", "type", "id", "version" };
  static const char * const editable[] = { "name", "industry", "status", "grade", "region" };
  HcsStore *store = hcs_request_get_store (req);
  g_autofree char *identifier = path_identifier (req);
  gint64 ref = 0;
  gboolean by_ref = hcs_credit_file_parse_ref (hcs_request_param (req, "identifier"), &ref);
  HcsSubjectFields f = { 0, };
  JsonObject *body;
  gint64 version;
  gboolean any = FALSE;
  g_auto(GradeEdit) grade_edit = { 0, };
  g_autoptr(JsonObject) grade_before = NULL;
  g_autoptr(JsonObject) grade_after = NULL;
  gboolean others;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) audit_before = NULL;
  g_autoptr(JsonObject) audit_after = NULL;
  g_autofree char *entity_id = NULL;

  if (!hcs_request_if_match (req, &version) || (body = hcs_request_json_object (req)) == NULL)
    return;
  /* By the list row's reference ("id:42") those who see a person's number
   * masked edit the person without naming the number (as get_subject). */
  if (!by_ref && identifier == NULL)
    {
      not_found (req);
      return;
    }
  if (!by_ref && !hcs_throttle_person_lookup (req, identifier))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (immutable); i++)
    if (json_object_has_member (body, immutable[i]))
      {
        hcs_request_reply_error (req, HCS_ERR_IMMUTABLE_FIELD, immutable[i],
                                 _("The field “%s” cannot be changed; register a new subject instead."),
                                 immutable[i]);
        return;
      }
  for (guint i = 0; i < G_N_ELEMENTS (editable); i++)
    any |= json_object_has_member (body, editable[i]);
  if (!any)
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, NULL,
                               _("Send at least one of name, industry, status, grade and region."));
      return;
    }
  if (!hcs_request_field_string (req, body, "name", HCS_FIELD_OPTIONAL, &f.name) ||
      !hcs_request_field_string (req, body, "industry", HCS_FIELD_OPTIONAL, &f.industry) ||
      !hcs_request_field_string (req, body, "status", HCS_FIELD_OPTIONAL, &f.status) ||
      !hcs_request_field_string (req, body, "region", HCS_FIELD_OPTIONAL, &f.region) ||
      !check_name (req, f.name) ||
      !hcs_subjects_check_status (req, f.status, SOUP_STATUS_UNPROCESSABLE_ENTITY) ||
      !hcs_subjects_check_region (req, f.region, SOUP_STATUS_UNPROCESSABLE_ENTITY) ||
      !parse_grade_edit (req, body, TRUE, &grade_edit))
    return;

  if ((w = hcs_write_begin (req, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  before = by_ref ? hcs_store_subjects_get_by_id (store, ref, &error)
                  : hcs_store_subjects_get (store, identifier, &error);
  if (before == NULL)
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        not_found (req);
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  version = hcs_request_if_match_version (req, before);
  /* (fields sent as null only: the version is counted up, as ever) */
  others = f.name != NULL || f.industry != NULL || f.status != NULL || f.region != NULL || !grade_edit.given;
  /* An override's grade goes in with the other fields, so the edit counts
   * the version up once. */
  f.grade = others ? grade_edit.grade : NULL;
  /* The update checks the version (a stale one changes nothing); the grade
   * is an override with its own audit entry, and a subject.update entry
   * beside it when other fields change too. */
  if (((others || version < 0) &&
       !hcs_store_subjects_update (store, json_object_get_int_member (before, "id"), version, &f, &error)) ||
      (grade_edit.given &&
       !apply_grade_edit (req, json_object_get_int_member (before, "id"), &grade_edit, &grade_before,
                          &grade_after, &error)) ||
      (after = hcs_store_subjects_get_by_id (store, json_object_get_int_member (before, "id"), &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  audit_before = audit_copy (before);
  audit_after = audit_copy (after);
  entity_id = id_text (after);
  if (others && grade_edit.given &&
      !hcs_write_record (w, grade_edit_action (&grade_edit), "subject", entity_id, grade_before, grade_after,
                         &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  if (!(others ? hcs_write_commit (w, "subject.update", "subject", entity_id, audit_before, audit_after, &error)
               : hcs_write_commit (w, grade_edit_action (&grade_edit), "subject", entity_id, grade_before,
                                   grade_after, &error)))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  reply_subject (req, SOUP_STATUS_OK, after);
}

static const HcsRoute routes[] = {
  { "GET",   "/subjects",              hcs_subjects_list, HCS_ACCESS_ANALYST },
  { "POST",  "/subjects",              create_subject, HCS_ACCESS_ANALYST },
  { "GET",   "/subjects/{identifier}", get_subject,    HCS_ACCESS_ANALYST },
  { "PATCH", "/subjects/{identifier}", patch_subject,  HCS_ACCESS_ANALYST },
};

void
hcs_routes_subjects_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
