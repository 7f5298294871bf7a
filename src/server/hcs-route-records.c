/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 信用档案 (专栏1): a subject's records by kind and its whole file,
 * 双公示 of penalties and licences (专栏4), and commitments' fulfilment
 * (四.(四).1: 按标准记录承诺及践诺情况，纳入信用档案). Every answer holds only
 * the records the reader's role may see (hcs-credit-file.c). */
#define G_LOG_DOMAIN "hcs-route-records"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-credit-file.h"
#include "hcs-grading.h"
#include "hcs-list-rules.h"
#include "hcs-routes.h"
#include "hcs-store-audit.h"
#include "hcs-store-lists.h"
#include "hcs-store-records.h"
#include "hcs-write.h"

/* How many rows of each section the whole-file answer holds; the records
 * route pages through the rest. */
#define FILE_SECTION_ROWS 50
#define MAX_NOTE_LENGTH   1000

/* 国办发〔2020〕42号: a subject that broke its commitment no longer gets the
 * simplified procedure, and is watched more closely. */
static const char * const watch_measures[] = { "watch.no_simplified", "watch.daily_supervision" };

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* Marks each commitment of @rows with whether the reader may record its
 * fulfilment (can_record_fulfilment): only the department that holds it
 * may, or an administrator (check_holder() enforces it; this lets the app
 * say so before anyone tries). */
static gboolean
mark_holding (HcsRequest *req,
              JsonArray  *rows)
{
  g_autoptr(GError) error = NULL;
  gboolean admin = hcs_request_has_role (req, HC_ROLE_ADMIN);
  gint64 department = -1;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (!json_object_has_member (row, "fulfilment"))
        continue;
      if (!admin && department < 0)
        {
          department = hcs_store_records_user_department (hcs_request_get_store (req),
                                                          hcs_request_get_actor (req)->user_id, &error);
          if (department < 0)
            {
              hcs_request_reply_gerror (req, error);
              return FALSE;
            }
        }
      json_object_set_boolean_member (row, "can_record_fulfilment",
                                      admin || (department > 0 &&
                                                department == json_object_get_int_member (row, "department_id")));
    }
  return TRUE;
}

static gboolean
query_section (HcsRequest         *req,
               const char         *name,
               const char * const *allowed,
               HcsFileSection     *section)
{
  const char *key = hcs_request_query (req, name);
  g_autofree char *list = g_strjoinv (", ", (char **) allowed);

  if (key != NULL && g_strv_contains (allowed, key) && hcs_file_section_from_key (key, section))
    return TRUE;
  hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, name,
                           _("“%s” must be one of: %s."), name, list);
  return FALSE;
}

static void
list_records (HcsRequest *req)
{
  static const char * const kinds[] = { "penalty", "license", "commitment", "list_entry", "repair",
                                        "match_hit", "inspection", NULL };
  g_autoptr(JsonObject) subject = NULL;
  g_auto(HcsPage) page = { 0, };
  g_autofree char *today = hcs_date_today ();
  g_autoptr(GError) error = NULL;
  HcsFileSection section;
  JsonArray *rows;
  gint64 total = -1;

  if (!query_section (req, "kind", kinds, &section) || !hcs_request_page (req, &page) ||
      (subject = hcs_credit_file_path_subject (req)) == NULL)
    return;
  rows = hcs_store_records_list (hcs_request_get_store (req), section, json_object_get_int_member (subject, "id"),
                                 hcs_credit_file_reader_level (req), today, &page, &total, &error);
  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  if (!mark_holding (req, rows))
    {
      json_array_unref (rows);
      return;
    }
  hcs_credit_file_present_rows (rows);
  hcs_request_reply_rows (req, rows, &page, hcs_file_section_cursor_key (section), total);
}

/* The whole file in one answer, so that opening it is one request (and,
 * for a person, one audited look-up): the subject, the count of each
 * section and each section's first page, as GET …/records?kind= would
 * answer it (its next_cursor pages on there). */
static void
get_file (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(JsonObject) subject = NULL;
  g_autoptr(JsonObject) counts = NULL;
  g_autoptr(JsonObject) sections = json_object_new ();
  g_autofree char *today = hcs_date_today ();
  g_autoptr(GError) error = NULL;
  HcsPage page = { FILE_SECTION_ROWS, NULL, 0, FALSE };
  HcDisclosure level = hcs_credit_file_reader_level (req);
  JsonObject *file;
  gint64 subject_id;

  if ((subject = hcs_credit_file_path_subject (req)) == NULL)
    return;
  subject_id = json_object_get_int_member (subject, "id");
  counts = hcs_store_records_counts (store, subject_id, level, &error);
  if (counts == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  for (HcsFileSection section = 0; section < HCS_FILE_N_SECTIONS; section++)
    {
      const char *key = hcs_file_section_key (section);
      g_autofree char *cursor = NULL;
      JsonObject *first;
      JsonArray *rows = hcs_store_records_list (store, section, subject_id, level, today, &page, NULL, &error);

      if (rows == NULL)
        {
          hcs_request_reply_gerror (req, error);
          return;
        }
      cursor = hcs_page_trim (rows, &page, hcs_file_section_cursor_key (section));
      if (!mark_holding (req, rows))
        {
          json_array_unref (rows);
          return;
        }
      hcs_credit_file_present_rows (rows);
      first = json_object_new ();
      json_object_set_array_member (first, "items", rows);
      if (cursor != NULL)
        json_object_set_string_member (first, "next_cursor", cursor);
      else
        json_object_set_null_member (first, "next_cursor");
      json_object_set_int_member (first, "total", json_object_get_int_member_with_default (counts, key, 0));
      json_object_set_object_member (sections, key, first);
    }
  hcs_credit_file_present_subject (req, subject);
  file = json_object_new ();
  json_object_set_object_member (file, "subject", g_steal_pointer (&subject));
  json_object_set_object_member (file, "counts", g_steal_pointer (&counts));
  json_object_set_object_member (file, "sections", g_steal_pointer (&sections));
  hcs_request_reply_object (req, SOUP_STATUS_OK, file);
}

static gboolean
check_query_date (HcsRequest  *req,
                  const char  *name,
                  const char **out)
{
  const char *text = hcs_request_query (req, name);
  GDate date;

  *out = text;
  if (text == NULL || hcs_date_parse (text, &date))
    return TRUE;
  hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, name,
                           _("“%s” is not a date; write it as YYYY-MM-DD."), text);
  return FALSE;
}

static void
list_publicity (HcsRequest *req)
{
  static const char * const kinds[] = { "penalty", "license", NULL };
  HcsPublicityFilter filter = { 0, };
  g_auto(HcsPage) page = { 0, };
  g_autofree char *today = hcs_date_today ();
  g_autoptr(GError) error = NULL;
  HcsFileSection section;
  JsonArray *rows;
  gint64 total = -1;

  filter.region = hcs_request_query (req, "region");
  if (!query_section (req, "kind", kinds, &section) || !hcs_request_page (req, &page) ||
      !hcs_request_query_int (req, "department", 1, G_MAXINT64, 0, &filter.department) ||
      !check_query_date (req, "from", &filter.from) || !check_query_date (req, "to", &filter.to))
    return;
  if (filter.region != NULL && hc_region_lookup (filter.region) == NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, "region",
                               _("“%s” is not the GB/T 2260 code of one of Hainan’s 19 cities and counties."),
                               filter.region);
      return;
    }
  rows = hcs_store_records_publicity (hcs_request_get_store (req), section, &filter,
                                      hcs_credit_file_reader_level (req), today, &page, &total, &error);
  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_credit_file_present_rows (rows);
  hcs_request_reply_rows (req, rows, &page, "decided_on", total);
}

/* Commitments. */

/* The commitment of the path, when the reader may see it; a commitment the
 * reader may not see is answered as one that does not exist. */
static JsonObject *
path_commitment (HcsRequest *req,
                 gint64     *id)
{
  g_autoptr(GError) error = NULL;
  JsonObject *commitment;

  if (!hcs_request_path_id (req, "id", _("There is no commitment with this id."), id))
    return NULL;
  commitment = hcs_store_records_commitment_get (hcs_request_get_store (req), *id, &error);
  if (commitment != NULL && hcs_credit_file_may_see (req, json_object_get_string_member (commitment, "disclosure")))
    return commitment;
  g_clear_pointer (&commitment, json_object_unref);
  if (error == NULL || g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
    hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "id",
                             _("There is no commitment with this id."));
  else
    hcs_request_reply_gerror (req, error);
  return NULL;
}

/* The answer's (and the audit entry's) copy of a commitment: the subject's
 * internal columns left out. Its identifier is masked at the boundary. */
static JsonObject *
present_commitment (JsonObject *commitment)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, commitment);
  while (json_object_iter_next (&iter, &name, &value))
    if (!g_str_equal (name, "subject_identifier") && !g_str_equal (name, "subject_region"))
      json_object_set_member (copy, name, json_node_copy (value));
  return copy;
}

static void
reply_commitment (HcsRequest *req,
                  guint       status,
                  JsonObject *commitment)
{
  hcs_request_set_etag (req, json_object_get_int_member (commitment, "version"));
  hcs_request_reply_object (req, status, present_commitment (commitment));
}

static void
get_commitment (HcsRequest *req)
{
  g_autoptr(JsonObject) commitment = NULL;
  gint64 id;

  if ((commitment = path_commitment (req, &id)) == NULL)
    return;
  reply_commitment (req, SOUP_STATUS_OK, commitment);
}

/* “由承诺受理部门记录践诺情况”: only the department that holds the commitment
 * (its catalog item's 信源单位) decides on it; administrators may too. */
static gboolean
check_holder (HcsRequest *req,
              JsonObject *commitment)
{
  g_autoptr(GError) error = NULL;
  gint64 department;

  if (hcs_request_has_role (req, HC_ROLE_ADMIN))
    return TRUE;
  department = hcs_store_records_user_department (hcs_request_get_store (req),
                                                  hcs_request_get_actor (req)->user_id, &error);
  if (department < 0)
    {
      hcs_request_reply_gerror (req, error);
      return FALSE;
    }
  if (department == json_object_get_int_member (commitment, "department_id"))
    return TRUE;
  hcs_request_reply_error (req, SOUP_STATUS_FORBIDDEN, "not_holding_department", NULL,
                           _("Only the department that holds this commitment (%s) records its fulfilment."),
                           json_object_get_string_member (commitment, "department_name"));
  return FALSE;
}

static void
fulfil_commitment (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) audit_before = NULL;
  g_autoptr(JsonObject) audit_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *today = hcs_date_today ();
  g_autofree char *entity_id = NULL;
  g_autofree char *stripped = NULL;
  const char *fulfilment = NULL, *on = NULL, *note = "";
  JsonObject *body;
  gint64 id, version;
  GDate date, now, committed;

  if ((body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_string (req, body, "fulfilment", HCS_FIELD_REQUIRED, &fulfilment) ||
      !hcs_request_field_string (req, body, "date", HCS_FIELD_REQUIRED, &on) ||
      !hcs_request_field_string (req, body, "note", HCS_FIELD_OPTIONAL | HCS_FIELD_MULTILINE, &note))
    return;
  if (!g_str_equal (fulfilment, "fulfilled") && !g_str_equal (fulfilment, "breached"))
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_fulfilment", "fulfilment",
                               _("The fulfilment is fulfilled (践诺) or breached (未践诺)."));
      return;
    }
  hcs_date_parse (today, &now);
  if (!hcs_date_parse (on, &date) || g_date_compare (&date, &now) > 0)
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_date", "date",
                               _("“%s” is not a date up to today; write it as YYYY-MM-DD."), on);
      return;
    }
  note = note ? note : "";
  if (g_utf8_strlen (note, -1) > MAX_NOTE_LENGTH)
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "too_long", "note",
                               _("A note has at most %d characters."), MAX_NOTE_LENGTH);
      return;
    }
  stripped = g_strstrip (g_strdup (note));
  if (g_str_equal (fulfilment, "breached") && *stripped == '\0')
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "missing_field", "note",
                               _("Say in the note how the commitment was broken."));
      return;
    }
  if (!hcs_request_if_match (req, &version) || (before = path_commitment (req, &id)) == NULL ||
      !check_holder (req, before))
    return;
  hcs_date_parse (json_object_get_string_member (before, "committed_on"), &committed);
  if (g_date_compare (&date, &committed) < 0)
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_date", "date",
                               _("The fulfilment cannot be decided before the commitment was made (%s)."),
                               json_object_get_string_member (before, "committed_on"));
      return;
    }

  if ((w = hcs_write_begin (req, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  /* A commitment kept or broken counts in its subject's grade. */
  if (!hcs_store_records_commitment_fulfil (store, id, version, fulfilment, on, note,
                                            hcs_request_get_actor (req)->username, &error) ||
      (!json_object_get_null_member (before, "subject_id") &&
       !hcs_grading_regrade_subject (store, json_object_get_int_member (before, "subject_id"), &error)) ||
      (after = hcs_store_records_commitment_get (store, id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  audit_before = present_commitment (before);
  audit_after = present_commitment (after);
  entity_id = id_text (id);
  if (!hcs_write_commit (w, "commitment.fulfil", "commitment", entity_id, audit_before, audit_after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  reply_commitment (req, SOUP_STATUS_OK, after);
}

/* Proposes the 重点关注名单 entry a broken commitment calls for, in one step:
 * the entry (with its history line and audit entry) and the commitment's
 * link to it, in one transaction. */
static void
propose_watch_entry (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  const HcsActor *actor = hcs_request_get_actor (req);
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(JsonObject) audit_before = NULL;
  g_autoptr(JsonObject) audit_after = NULL;
  g_autoptr(JsonNode) entry_node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *entity_id = NULL;
  g_autofree char *entry_text = NULL;
  JsonObject *answer;
  g_autoptr(JsonObject) type = NULL;
  g_autoptr(JsonArray) measures = json_array_new ();
  HcsListEntryInput input = { 0 };
  gint64 id, version, entry_id = 0;

  if (!hcs_request_if_match (req, &version) || (before = path_commitment (req, &id)) == NULL ||
      !check_holder (req, before))
    return;
  if (!g_str_equal (json_object_get_string_member (before, "fulfilment"), "breached"))
    {
      hcs_request_reply_error (req, SOUP_STATUS_CONFLICT, "not_breached", "fulfilment",
                               _("Only a commitment recorded as breached (未践诺) leads to a watch-list entry."));
      return;
    }
  if (!json_object_get_null_member (before, "watch_entry_id"))
    {
      hcs_request_reply_error (req, SOUP_STATUS_CONFLICT, "already_proposed", "watch_entry_id",
                               _("This commitment led to list entry %lld already."),
                               (long long) json_object_get_int_member (before, "watch_entry_id"));
      return;
    }
  if (json_object_get_null_member (before, "subject_id"))
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "unknown_subject", "subject",
                               _("The subject of this commitment is not registered; register it first."));
      return;
    }
  basis = g_strdup_printf (_("Commitment %s (%s) was not kept: 《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）"),
                           json_object_get_string_member (before, "commitment_no"),
                           json_object_get_string_member (before, "matter"));

  if ((w = hcs_write_begin (req, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  /* The entry itself is the lists' own proposal (subject, measures, the
   * first line of its history); this route adds the commitment's link. */
  type = hcs_store_lists_type_get (store, "watch", &error);
  input.subject = json_object_get_string_member (before, "subject_identifier");
  input.department = json_object_get_int_member (before, "department_id");
  input.basis = basis;
  input.facts = json_object_get_string_member (before, "fulfilment_note");
  input.measures = measures;
  for (guint i = 0; i < G_N_ELEMENTS (watch_measures); i++)
    json_array_add_string_element (measures, watch_measures[i]);
  if (type == NULL ||
      (entry_id = hcs_lists_create_entry (store, type, &input, actor->username, &entry, &error)) == 0 ||
      !hcs_store_records_commitment_set_watch (store, id, version, entry_id, &error) ||
      (after = hcs_store_records_commitment_get (store, id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  entry_node = hcs_json_object_node (entry);
  entry_text = id_text (entry_id);
  if (!hcs_store_audit_record (store, actor, "list_entry.create", "list_entry", entry_text, NULL, entry_node,
                               &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  audit_before = present_commitment (before);
  audit_after = present_commitment (after);
  entity_id = id_text (id);
  if (!hcs_write_commit (w, "commitment.propose_watch", "commitment", entity_id, audit_before, audit_after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  g_clear_pointer (&entry, json_object_unref);
  entry = hcs_store_lists_entry_get (store, entry_id, TRUE, &error);
  if (entry == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  answer = json_object_new ();
  json_object_set_object_member (answer, "commitment", present_commitment (after));
  json_object_set_object_member (answer, "entry", g_steal_pointer (&entry));
  hcs_request_set_etag (req, json_object_get_int_member (after, "version"));
  hcs_request_reply_object (req, SOUP_STATUS_CREATED, answer);
}

static const HcsRoute routes[] = {
  { "GET",  "/subjects/{identifier}/records", list_records,        HCS_ACCESS_ANALYST },
  { "GET",  "/subjects/{identifier}/file",    get_file,            HCS_ACCESS_ANALYST },
  { "GET",  "/publicity",                     list_publicity,      HCS_ACCESS_ANALYST },
  { "GET",  "/commitments/{id}",              get_commitment,      HCS_ACCESS_ANALYST },
  { "POST", "/commitments/{id}/fulfilment",   fulfil_commitment,   HCS_ACCESS_ANALYST },
  { "POST", "/commitments/{id}/watch-entry",  propose_watch_entry, HCS_ACCESS_ANALYST },
};

void
hcs_routes_records_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
