/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /repairs: 信用修复 applications, their legal deadlines and decisions; an
 * approved repair of a list entry moves the entry to “repaired”. */
#define G_LOG_DOMAIN "hcs-route-repairs"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-list-rules.h"
#include "hcs-routes.h"
#include "hcs-throttle.h"
#include "hcs-store-audit.h"
#include "hcs-store-lists.h"
#include "hcs-store-records.h"
#include "hcs-store-repairs.h"
#include "hcs-write.h"

/* 《失信行为纠正后的信用信息修复管理办法（试行）》: days from the
 * application to the decision. */
#define PENALTY_DEADLINE_DAYS    15
#define LIST_ENTRY_DEADLINE_DAYS 20

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

  if (!hcs_request_page (req, &page))
    return;
  if (state != NULL && !g_str_equal (state, "pending") && !g_str_equal (state, "approved") &&
      !g_str_equal (state, "rejected"))
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_state", "state",
                               _("The state of a repair case is pending, approved or rejected."));
      return;
    }
  rows = hcs_store_repairs_list (hcs_request_get_store (req), state,
                                 hcs_request_query_bool (req, "overdue"), today, &page, &total, &error);
  if (rows == NULL)
    {
      hcs_request_reply_store_error (req, error);
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

static gboolean
path_id (HcsRequest *req,
         gint64     *id)
{
  if (g_ascii_string_to_signed (hcs_request_param (req, "id"), 10, 1, G_MAXINT64, id, NULL))
    return TRUE;
  hcs_request_reply_error (req, SOUP_STATUS_NOT_FOUND, "not_found", "id", _("There is no such repair case."));
  return FALSE;
}

static void
get_repair (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = hcs_date_today ();
  JsonObject *repair;
  gint64 id;

  if (!path_id (req, &id))
    return;
  repair = hcs_store_repairs_get (hcs_request_get_store (req), id, today, &error);
  if (repair == NULL)
    hcs_request_reply_store_error (req, error);
  else
    reply_repair (req, SOUP_STATUS_OK, repair);
}

/* Answers 422 and returns %FALSE unless the list entry @entry_id belongs to
 * @identifier and can be repaired now (it is published). */
static gboolean
check_entry (HcsRequest *req,
             gint64      entry_id,
             const char *identifier)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) entry = hcs_store_lists_entry_get (hcs_request_get_store (req), entry_id, FALSE, &error);
  const char *next;

  if (entry == NULL)
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "unknown_entry", "entry_id",
                                 _("There is no list entry %lld."), (long long) entry_id);
      else
        hcs_request_reply_store_error (req, error);
      return FALSE;
    }
  if (g_strcmp0 (json_object_get_string_member (entry, "subject_identifier"), identifier) != 0)
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "entry_subject_mismatch", "entry_id",
                               _("List entry %lld is not about this subject."), (long long) entry_id);
      return FALSE;
    }
  if (!hcs_list_action_next_state (json_object_get_string_member (entry, "state"), "repair", &next))
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "entry_not_in_force", "entry_id",
                               _("List entry %lld is “%s”: only a published entry can be repaired."),
                               (long long) entry_id, json_object_get_string_member (entry, "state"));
      return FALSE;
    }
  return TRUE;
}

static void
create_repair (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *identifier = NULL;
  g_autofree char *today = hcs_date_today ();
  g_autofree char *deadline = NULL;
  g_autofree char *repair_id_text = NULL;
  const char *subject = NULL, *kind = NULL, *reason = NULL, *applied_on = NULL, *code = NULL;
  gboolean commitment = FALSE;
  gint64 entry_id = 0, penalty_id = 0, subject_id, id;
  HcsIdentifierKind id_kind;
  JsonObject *body;
  GDate applied, now;

  if ((body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_string (req, body, "subject", HCS_FIELD_REQUIRED, &subject) ||
      !hcs_request_field_string (req, body, "kind", HCS_FIELD_REQUIRED, &kind) ||
      !hcs_request_field_int (req, body, "entry_id", HCS_FIELD_OPTIONAL, &entry_id) ||
      !hcs_request_field_int (req, body, "penalty_id", HCS_FIELD_OPTIONAL, &penalty_id) ||
      !hcs_request_field_string (req, body, "reason", HCS_FIELD_REQUIRED, &reason) ||
      !hcs_request_field_bool (req, body, "commitment", HCS_FIELD_OPTIONAL, &commitment) ||
      !hcs_request_field_string (req, body, "applied_on", HCS_FIELD_OPTIONAL, &applied_on))
    return;
  if (!g_str_equal (kind, "penalty") && !g_str_equal (kind, "list_entry"))
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_kind", "kind",
                               _("The kind of a repair is penalty (行政处罚信息) or list_entry (名单)."));
      return;
    }
  if (g_str_equal (kind, "list_entry") && entry_id <= 0)
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "missing_field", "entry_id",
                               _("Name the list entry to repair in entry_id."));
      return;
    }
  if (g_str_equal (kind, "penalty") && entry_id != 0)
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_entry", "entry_id",
                               _("A repair of penalty information does not name a list entry."));
      return;
    }
  if (penalty_id != 0 && !g_str_equal (kind, "penalty"))
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_penalty", "penalty_id",
                               _("Only a repair of penalty information names a penalty."));
      return;
    }
  if (applied_on == NULL)
    applied_on = today;
  hcs_date_parse (today, &now);
  if (!hcs_date_parse (applied_on, &applied) || g_date_compare (&applied, &now) > 0)
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_date", "applied_on",
                               _("“%s” is not a date up to today; write it as YYYY-MM-DD."), applied_on);
      return;
    }
  identifier = hcs_identifier_normalize (subject, &id_kind, &code);
  if (identifier == NULL)
    {
      if (g_strcmp0 (code, "invalid_id_number") == 0)
        hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, code, "subject",
                                 _("“%s” is not a valid resident identity card number (GB 11643)."), subject);
      else
        hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_uscc", "subject",
                                 _("“%s” is not a valid unified social credit code (GB 32100)."), subject);
      return;
    }
  if (!hcs_throttle_person_lookup (req, identifier))
    return;
  deadline = hcs_date_add_days (applied_on, g_str_equal (kind, "penalty") ? PENALTY_DEADLINE_DAYS
                                                                        : LIST_ENTRY_DEADLINE_DAYS);

  if (!hcs_write_begin (req))
    return;
  subject_id = hcs_store_lists_find_subject (store, identifier, NULL, &error);
  if (subject_id < 0)
    {
      hcs_write_fail (req, error);
      return;
    }
  if (subject_id == 0)
    {
      hcs_store_rollback (store);
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "unknown_subject", "subject",
                               _("No market subject has the identifier “%s”; register the subject first."),
                               identifier);
      return;
    }
  if (entry_id > 0 && !check_entry (req, entry_id, identifier))
    {
      hcs_store_rollback (store);
      return;
    }
  /* A penalty repair that names its penalty takes it out of 双公示 once
   * approved (hcs-store-records.c). */
  if (penalty_id != 0 && !hcs_store_records_penalty_of_subject (store, penalty_id, subject_id, &error))
    {
      if (error != NULL)
        {
          hcs_write_fail (req, error);
          return;
        }
      hcs_store_rollback (store);
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "unknown_penalty", "penalty_id",
                               _("Penalty %lld is not a penalty of this subject."), (long long) penalty_id);
      return;
    }
  id = hcs_store_repairs_insert (store, subject_id, entry_id, kind, reason, commitment, applied_on,
                                 deadline, hcs_request_get_actor (req)->username, &error);
  if (id > 0 && penalty_id != 0 && !hcs_store_records_repair_set_penalty (store, id, penalty_id, &error))
    id = 0;
  if (id == 0 || (after = hcs_store_repairs_get (store, id, today, &error)) == NULL)
    {
      hcs_write_fail (req, error);
      return;
    }
  repair_id_text = id_text (id);
  if (!hcs_write_commit (req, "repair.create", "repair", repair_id_text, NULL, after))
    return;
  reply_repair (req, SOUP_STATUS_CREATED, g_steal_pointer (&after));
}

/* Repairs the list entry of an approved case, in the caller's transaction,
 * with its own history line and audit entry. */
static gboolean
repair_entry (HcsRequest  *req,
              gint64       repair_id,
              gint64       entry_id,
              const char  *comment,
              char       **state,
              GError     **error)
{
  HcsStore *store = hcs_request_get_store (req);
  const HcsActor *actor = hcs_request_get_actor (req);
  g_autoptr(JsonObject) before = hcs_store_lists_entry_get (store, entry_id, FALSE, error);
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonNode) before_node = NULL;
  g_autoptr(JsonNode) after_node = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *entry_text = NULL;

  if (before == NULL)
    return FALSE;
  reason = g_strdup_printf ("repairs/%" G_GINT64_FORMAT "%s%s", repair_id,
                            comment && *comment ? ": " : "", comment ? comment : "");
  if (!hcs_lists_apply_action (store, entry_id, json_object_get_int_member (before, "version"), "repair",
                               reason, actor->username, state, error) ||
      (after = hcs_store_lists_entry_get (store, entry_id, FALSE, error)) == NULL)
    return FALSE;
  before_node = hcs_json_object_node (before);
  after_node = hcs_json_object_node (after);
  entry_text = id_text (entry_id);
  return hcs_store_audit_record (store, actor, "list_entry.transition", "list_entry", entry_text,
                                 before_node, after_node, error);
}

static void
decide_repair (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *today = hcs_date_today ();
  g_autofree char *entry_state = NULL;
  g_autofree char *repair_id_text = NULL;
  const char *decision = NULL, *comment = "";
  gboolean approve;
  gint64 id, version;
  JsonObject *body;

  if (!path_id (req, &id) || (body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_string (req, body, "decision", HCS_FIELD_REQUIRED, &decision) ||
      !hcs_request_field_string (req, body, "comment", HCS_FIELD_OPTIONAL, &comment))
    return;
  if (!g_str_equal (decision, "approve") && !g_str_equal (decision, "reject"))
    {
      hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_decision", "decision",
                               _("The decision is approve or reject."));
      return;
    }
  approve = g_str_equal (decision, "approve");
  if (!hcs_request_if_match (req, &version) || !hcs_write_begin (req))
    return;

  before = hcs_store_repairs_get (store, id, today, &error);
  if (before == NULL)
    {
      hcs_write_fail (req, error);
      return;
    }
  version = hcs_request_if_match_version (req, before);
  if (json_object_get_int_member (before, "version") == version &&
      !g_str_equal (json_object_get_string_member (before, "state"), "pending"))
    {
      hcs_store_rollback (store);
      hcs_request_reply_error (req, SOUP_STATUS_CONFLICT, "already_decided", "decision",
                               _("This repair case was decided already (%s)."),
                               json_object_get_string_member (before, "state"));
      return;
    }
  if (!hcs_store_repairs_decide (store, id, version, approve ? "approved" : "rejected", today,
                                 hcs_request_get_actor (req)->username, comment, &error))
    {
      hcs_write_fail (req, error);
      return;
    }
  if (approve && !json_object_get_null_member (before, "entry_id") &&
      !repair_entry (req, id, json_object_get_int_member (before, "entry_id"), comment, &entry_state, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        {
          hcs_store_rollback (store);
          hcs_lists_reply_illegal (req, "repair", entry_state);
        }
      else
        hcs_write_fail (req, error);
      return;
    }
  if ((after = hcs_store_repairs_get (store, id, today, &error)) == NULL)
    {
      hcs_write_fail (req, error);
      return;
    }
  repair_id_text = id_text (id);
  if (!hcs_write_commit (req, "repair.decide", "repair", repair_id_text, before, after))
    return;
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
