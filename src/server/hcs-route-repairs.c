/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /repairs: 信用修复 applications, their legal deadlines and decisions; an
 * approved repair of a list entry moves the entry to “repaired”. */
#define G_LOG_DOMAIN "hcs-route-repairs"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-holidays.h"
#include "hcs-list-rules.h"
#include "hcs-repairs.h"
#include "hcs-routes.h"
#include "hcs-throttle.h"
#include "hcs-store-audit.h"
#include "hcs-store-lists.h"
#include "hcs-store-records.h"
#include "hcs-store-repairs.h"
#include "hcs-write.h"

/* 《失信行为纠正后的信用信息修复管理办法（试行）》: days from the
 * application to the decision — working days when a holiday calendar is
 * loaded (hcs-holidays.c), else calendar days. */
#define PENALTY_DEADLINE_DAYS    15
#define LIST_ENTRY_DEADLINE_DAYS 20

/* The evidence of a case: at most this many items of this many characters. */
#define MAX_EVIDENCE_ITEMS 20
#define MAX_EVIDENCE_CHARS 500

/* Reads "evidence" (a list of texts, each cleaned and trimmed; blank ones
 * refused) into @out; answers the refusal and returns FALSE otherwise. */
static gboolean
read_evidence (HcsRequest  *req,
               JsonObject  *body,
               GPtrArray  **out)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array = NULL;

  if (!hcs_request_field_array (req, body, "evidence", HCS_FIELD_OPTIONAL, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;
  if (json_array_get_length (array) > MAX_EVIDENCE_ITEMS)
    {
      hcs_request_reply_error (req, HCS_ERR_TOO_LONG, "evidence",
                               _("Give at most %d items of evidence."), MAX_EVIDENCE_ITEMS);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *clean = NULL;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          hcs_request_reply_error (req, HCS_ERR_INVALID_TYPE, "evidence",
                                   _("The evidence is a list of texts, one item each."));
          return FALSE;
        }
      clean = hc_input_clean (json_node_get_string (node), -1, HC_INPUT_LINE, &error);
      if (clean == NULL)
        {
          hcs_request_reply_error (req, HCS_ERR_INVALID_TEXT, "evidence", _("The field “%s”: %s"), "evidence",
                                   error->message);
          return FALSE;
        }
      g_strstrip (clean);
      if (*clean == '\0')
        {
          hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "evidence",
                                   _("Item %u of the evidence is empty; say what each item is."), i + 1);
          return FALSE;
        }
      if (g_utf8_strlen (clean, -1) > MAX_EVIDENCE_CHARS)
        {
          hcs_request_reply_error (req, HCS_ERR_TOO_LONG, "evidence",
                                   _("Item %u of the evidence is longer than %d characters."), i + 1,
                                   MAX_EVIDENCE_CHARS);
          return FALSE;
        }
      g_ptr_array_add (items, g_steal_pointer (&clean));
    }
  *out = g_steal_pointer (&items);
  return TRUE;
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
list_repairs (HcsRequest *req)
{
  g_auto(HcsPage) page = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *today = hcs_date_today ();
  const char *state = hcs_request_query (req, "state");
  JsonArray *rows;
  gint64 total;

  gboolean overdue;

  if (!hcs_request_page (req, &page) || !hcs_request_query_bool (req, "overdue", &overdue))
    return;
  if (state != NULL && !g_str_equal (state, "pending") && !g_str_equal (state, "approved") &&
      !g_str_equal (state, "rejected") && !g_str_equal (state, "decided"))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_STATE, "state",
                               _("The state of a repair case is pending, approved or rejected (decided: either of the last two)."));
      return;
    }
  rows = hcs_store_repairs_list (hcs_request_get_store (req), state,
                                 overdue, today, &page, &total, &error);
  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_rows (req, rows, &page, NULL, total);
}

static void
reply_repair (HcsRequest *req,
              guint       status,
              JsonObject *repair)
{
  hcs_request_set_etag (req, json_object_get_int_member (repair, "version"));
  hcs_request_reply_object (req, status, repair);
}

static void
get_repair (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = hcs_date_today ();
  JsonObject *repair;
  gint64 id;

  if (!hcs_request_path_id (req, "id", _("There is no such repair case."), &id))
    return;
  repair = hcs_store_repairs_get (hcs_request_get_store (req), id, today, &error);
  if (repair == NULL)
    hcs_request_reply_gerror (req, error);
  else
    reply_repair (req, SOUP_STATUS_OK, repair);
}

static void
create_repair (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *identifier = NULL;
  g_autofree char *today = hcs_date_today ();
  g_auto(HcsDeadline) deadline = { 0, };
  g_autofree char *repair_id_text = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  HcsRepairInput repair = { 0, };
  const char *subject = NULL, *kind = NULL, *applied_on = NULL, *code = NULL;
  gint64 id = 0;
  HcsIdentifierKind id_kind;
  JsonObject *body;
  GDate applied, now;

  if ((body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_string (req, body, "subject", HCS_FIELD_REQUIRED, &subject) ||
      !hcs_request_field_string (req, body, "kind", HCS_FIELD_REQUIRED, &kind) ||
      !hcs_request_field_int (req, body, "entry_id", HCS_FIELD_OPTIONAL, &repair.entry_id) ||
      !hcs_request_field_int (req, body, "penalty_id", HCS_FIELD_OPTIONAL, &repair.penalty_id) ||
      !hcs_request_field_string (req, body, "reason", HCS_FIELD_REQUIRED | HCS_FIELD_MULTILINE, &repair.reason) ||
      !hcs_request_field_bool (req, body, "commitment", HCS_FIELD_OPTIONAL, &repair.commitment) ||
      !hcs_request_field_string (req, body, "applied_on", HCS_FIELD_OPTIONAL, &applied_on) ||
      !hcs_request_field_int (req, body, "department", HCS_FIELD_OPTIONAL, &repair.department) ||
      !read_evidence (req, body, &evidence))
    return;
  repair.evidence = evidence;
  if (!g_str_equal (kind, "penalty") && !g_str_equal (kind, "list_entry"))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_KIND, "kind",
                               _("The kind of a repair is penalty (行政处罚信息) or list_entry (名单)."));
      return;
    }
  if (g_str_equal (kind, "list_entry") && repair.entry_id <= 0)
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "entry_id",
                               _("Name the list entry to repair in entry_id."));
      return;
    }
  if (g_str_equal (kind, "penalty") && repair.entry_id != 0)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_ENTRY, "entry_id",
                               _("A repair of penalty information does not name a list entry."));
      return;
    }
  if (repair.penalty_id != 0 && !g_str_equal (kind, "penalty"))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PENALTY, "penalty_id",
                               _("Only a repair of penalty information names a penalty."));
      return;
    }
  /* 谁认定、谁修复: the case's department is its entry's, or its penalty's;
   * a penalty repair that names no penalty names the department that
   * decided it. */
  if (repair.department != 0 && (!g_str_equal (kind, "penalty") || repair.penalty_id != 0))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_DEPARTMENT, "department",
                               _("The department comes from the list entry or the penalty; name it only for a penalty repair without penalty_id."));
      return;
    }
  if (g_str_equal (kind, "penalty") && repair.penalty_id == 0 && repair.department <= 0)
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "department",
                               _("Name the penalty (penalty_id) or the department that decided it (department): that department decides the repair."));
      return;
    }
  if (applied_on == NULL)
    applied_on = today;
  hcs_date_parse (today, &now);
  if (!hcs_date_parse (applied_on, &applied) || g_date_compare (&applied, &now) > 0)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_DATE, "applied_on",
                               _("“%s” is not a date up to today; write it as YYYY-MM-DD."), applied_on);
      return;
    }
  identifier = hcs_identifier_normalize (subject, &id_kind, &code);
  if (identifier == NULL)
    {
      if (g_strcmp0 (code, "invalid_id_number") == 0)
        hcs_request_reply_error (req, HCS_ERR_INVALID_ID_NUMBER, "subject",
                                 _("“%s” is not a valid resident identity card number (GB 11643)."), subject);
      else
        hcs_request_reply_error (req, HCS_ERR_INVALID_USCC, "subject",
                                 _("“%s” is not a valid unified social credit code (GB 32100)."), subject);
      return;
    }
  if (!hcs_throttle_person_lookup (req, identifier))
    return;
  hcs_deadline_count (applied_on, g_str_equal (kind, "penalty") ? PENALTY_DEADLINE_DAYS : LIST_ENTRY_DEADLINE_DAYS,
                      &deadline);

  repair.subject = identifier;
  repair.kind = kind;
  repair.applied_on = applied_on;
  repair.deadline = &deadline;

  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (id = hcs_repairs_create (hcs_request_get_store (req), &repair, today,
                                hcs_request_get_actor (req)->username, &after, &error)) == 0 ||
      !hcs_write_commit (w, "repair.create", "repair", (repair_id_text = id_text (id)), NULL, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  reply_repair (req, SOUP_STATUS_CREATED, g_steal_pointer (&after));
}

static void
decide_repair (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *today = hcs_date_today ();
  g_autofree char *repair_id_text = NULL;
  const char *decision = NULL, *comment = "";
  gboolean approve;
  gint64 id, version;
  JsonObject *body;

  if (!hcs_request_path_id (req, "id", _("There is no such repair case."), &id) || (body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_string (req, body, "decision", HCS_FIELD_REQUIRED, &decision) ||
      !hcs_request_field_string (req, body, "comment", HCS_FIELD_OPTIONAL | HCS_FIELD_MULTILINE, &comment))
    return;
  if (!g_str_equal (decision, "approve") && !g_str_equal (decision, "reject"))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_DECISION, "decision",
                               _("The decision is approve or reject."));
      return;
    }
  approve = g_str_equal (decision, "approve");
  if (!hcs_request_if_match (req, &version))
    return;
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (before = hcs_store_repairs_get (hcs_request_get_store (req), id, today, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  version = hcs_request_if_match_version (req, before);
  if (!hcs_repairs_may_decide (hcs_request_get_store (req), hcs_request_get_actor (req), before, &error) ||
      !hcs_repairs_decide (hcs_request_get_store (req), hcs_request_get_actor (req), id, version, approve,
                           comment, today, before, &after, &error) ||
      !hcs_write_commit (w, "repair.decide", "repair", (repair_id_text = id_text (id)), before, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  reply_repair (req, SOUP_STATUS_OK, g_steal_pointer (&after));
}

static const HcsRoute routes[] = {
  { "GET",  "/repairs",               list_repairs,  HCS_ACCESS_ANALYST },
  { "POST", "/repairs",               create_repair, HCS_ACCESS_ANALYST },
  { "GET",  "/repairs/{id}",          get_repair,    HCS_ACCESS_ANALYST },
  { "POST", "/repairs/{id}/decision", decide_repair, HCS_ACCESS_SUPERVISOR },
};

void
hcs_routes_repairs_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
