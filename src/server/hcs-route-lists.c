/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /list-types, /lists and /list-entries: 名单 entries through their life.
 * Batch matching (名单自动比对) is hcs-route-match.c. */
#define G_LOG_DOMAIN "hcs-route-lists"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-list-rules.h"
#include "hcs-routes.h"
#include "hcs-throttle.h"
#include "hcs-store-lists.h"
#include "hcs-write.h"

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
list_types (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonArray *rows = hcs_store_lists_types (hcs_request_get_store (req), &error);

  if (rows == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_page (req, rows, NULL, json_array_get_length (rows));
}

/* Returns: (transfer full) (nullable): the type of the path, or %NULL
 *   after answering 404 */
static JsonObject *
path_list_type (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  const char *key = hcs_request_param (req, "type");
  JsonObject *type = hcs_store_lists_type_get (hcs_request_get_store (req), key, &error);

  if (type != NULL)
    return type;
  if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
    hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "type",
                             _("There is no list type “%s”."), key);
  else
    hcs_request_reply_gerror (req, error);
  return NULL;
}

/* An admin sets a list type's notice period (告知期) and the time an
 * objection may take (异议处理时限), both in days. */
static void
update_list_type (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  gint64 notice_days = -1, objection_days = -1;

  if ((before = path_list_type (req)) == NULL || (body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_int (req, body, "notice_days", HCS_FIELD_OPTIONAL, &notice_days) ||
      !hcs_request_field_int (req, body, "objection_days", HCS_FIELD_OPTIONAL, &objection_days))
    return;
  if (!json_object_has_member (body, "notice_days") && !json_object_has_member (body, "objection_days"))
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "notice_days",
                               _("Give notice_days, objection_days or both."));
      return;
    }
  if (json_object_has_member (body, "notice_days") && (notice_days < 0 || notice_days > 90))
    {
      hcs_request_reply_error (req, HCS_ERR_VALUE_OUT_OF_RANGE, "notice_days",
                               _("The notice period is a number of days from 0 to 90."));
      return;
    }
  if (json_object_has_member (body, "objection_days") && (objection_days < 1 || objection_days > 90))
    {
      hcs_request_reply_error (req, HCS_ERR_VALUE_OUT_OF_RANGE, "objection_days",
                               _("The time to decide an objection is a number of days from 1 to 90."));
      return;
    }
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      !hcs_store_lists_type_set_periods (store, json_object_get_string_member (before, "key"),
                                         notice_days, objection_days, &error) ||
      (after = hcs_store_lists_type_get (store, json_object_get_string_member (before, "key"), &error)) == NULL ||
      !hcs_write_commit (w, "list_type.update", "list_type", json_object_get_string_member (before, "key"),
                         before, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_object (req, SOUP_STATUS_OK, g_steal_pointer (&after));
}

static void
list_entries (HcsRequest *req)
{
  g_autoptr(JsonObject) type = NULL;
  g_auto(HcsPage) page = { 0, };
  g_autoptr(GError) error = NULL;
  HcsListFilter filter = { 0, };
  JsonArray *rows;
  gint64 total;

  if ((type = path_list_type (req)) == NULL || !hcs_request_page (req, &page))
    return;
  filter.state = hcs_request_query (req, "state");
  filter.region = hcs_request_query (req, "region");
  filter.q = hcs_request_query (req, "q");
  if (filter.state != NULL && !hcs_list_state_known (filter.state))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_STATE, "state",
                               _("“%s” is not a state of a list entry."), filter.state);
      return;
    }
  if (filter.region != NULL && hc_region_lookup (filter.region) == NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_REGION, "region",
                               _("“%s” is not the GB/T 2260 code of one of Hainan’s 19 cities and counties."),
                               filter.region);
      return;
    }
  /* q also finds an entry by its subject's whole identifier. */
  if (!hcs_throttle_person_lookup (req, filter.q))
    return;

  rows = hcs_store_lists_entries (hcs_request_get_store (req),
                                  json_object_get_string_member (type, "key"),
                                  &filter, &page, &total, &error);
  if (rows == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_rows (req, rows, &page, NULL, total);
}

/* Answers an entry as it is now, with its history and ETag. */
static void
reply_entry (HcsRequest *req,
             guint       status,
             JsonObject *entry)
{
  hcs_request_set_etag (req, json_object_get_int_member (entry, "version"));
  hcs_request_reply_object (req, status, entry);
}

/**
 * normalize_subject:
 *
 * Returns: (transfer full) (nullable): the normalised identifier, or %NULL
 *   after answering 422 invalid_uscc / invalid_id_number
 */
static char *
normalize_subject (HcsRequest *req,
                   const char *field,
                   const char *text)
{
  HcsIdentifierKind kind;
  const char *code = NULL;
  char *norm = hcs_identifier_normalize (text, &kind, &code);

  if (norm != NULL)
    return norm;
  if (g_strcmp0 (code, "invalid_id_number") == 0)
    hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, code, field,
                             _("“%s” is not a valid resident identity card number (GB 11643)."), text);
  else
    hcs_request_reply_error (req, HCS_ERR_INVALID_USCC, field,
                             _("“%s” is not a valid unified social credit code (GB 32100)."), text);
  return NULL;
}

static void
create_entry (HcsRequest *req)
{
  g_autoptr(JsonObject) type = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *identifier = NULL;
  g_autofree char *entry_id_text = NULL;
  HcsListEntryInput entry = { .facts = "" };
  const char *subject = NULL;
  JsonObject *body;
  gint64 entry_id = 0;
  GDate date;

  if ((type = path_list_type (req)) == NULL || (body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_string (req, body, "subject", HCS_FIELD_REQUIRED, &subject) ||
      !hcs_request_field_int (req, body, "department", HCS_FIELD_REQUIRED, &entry.department) ||
      !hcs_request_field_string (req, body, "basis", HCS_FIELD_REQUIRED | HCS_FIELD_MULTILINE, &entry.basis) ||
      !hcs_request_field_string (req, body, "facts", HCS_FIELD_OPTIONAL | HCS_FIELD_MULTILINE, &entry.facts) ||
      !hcs_request_field_array (req, body, "measures", HCS_FIELD_REQUIRED, &entry.measures) ||
      !hcs_request_field_string (req, body, "published_until", HCS_FIELD_OPTIONAL, &entry.published_until))
    return;
  if (json_array_get_length (entry.measures) == 0)
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "measures",
                               _("Name at least one measure from the measure list (措施清单)."));
      return;
    }
  if (entry.published_until != NULL && !hcs_date_parse (entry.published_until, &date))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_DATE, "published_until",
                               _("“%s” is not a date; write it as YYYY-MM-DD."), entry.published_until);
      return;
    }
  if ((identifier = normalize_subject (req, "subject", subject)) == NULL ||
      !hcs_throttle_person_lookup (req, identifier))
    return;
  entry.subject = identifier;

  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (entry_id = hcs_lists_create_entry (hcs_request_get_store (req), type, &entry,
                                          hcs_request_get_actor (req)->username, &after, &error)) == 0 ||
      !hcs_write_commit (w, "list_entry.create", "list_entry", (entry_id_text = id_text (entry_id)),
                         NULL, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  reply_entry (req, SOUP_STATUS_CREATED, g_steal_pointer (&after));
}

static void
get_entry (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonObject *entry;
  gint64 id;

  if (!hcs_request_path_id (req, "id", NULL, &id))
    return;
  entry = hcs_store_lists_entry_get (hcs_request_get_store (req), id, TRUE, &error);
  if (entry == NULL)
    hcs_request_reply_gerror (req, error);
  else
    reply_entry (req, SOUP_STATUS_OK, entry);
}

static void
transition_entry (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *entry_id_text = NULL;
  const char *action = NULL, *reason = "", *received_on = NULL;
  JsonObject *body;
  gint64 id, version;

  if (!hcs_request_path_id (req, "id", NULL, &id) || (body = hcs_request_json_object (req)) == NULL ||
      !hcs_request_field_string (req, body, "action", HCS_FIELD_REQUIRED, &action) ||
      !hcs_request_field_string (req, body, "reason", HCS_FIELD_OPTIONAL | HCS_FIELD_MULTILINE, &reason) ||
      !hcs_request_field_string (req, body, "received_on", HCS_FIELD_OPTIONAL, &received_on))
    return;
  if (!hcs_list_action_known (action))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_ACTION, "action",
                               _("“%s” is not an action on a list entry; use notice, publish, object, uphold, revoke, repair, exit or expire."),
                               action);
      return;
    }
  /* The day an objection was received (it may reach the office by post):
   * its time counts from then. */
  if (received_on != NULL)
    {
      g_autofree char *today = hcs_date_today ();
      GDate day;

      if (!g_str_equal (action, "object"))
        {
          hcs_request_reply_error (req, HCS_ERR_UNKNOWN_FIELD, "received_on",
                                   _("received_on is the day an objection was received: give it only with the action “object”."));
          return;
        }
      if (!hcs_date_parse (received_on, &day) || strcmp (received_on, today) > 0)
        {
          hcs_request_reply_error (req, HCS_ERR_INVALID_DATE, "received_on",
                                   _("“%s” is not a date up to today; write it as YYYY-MM-DD."), received_on);
          return;
        }
    }
  if (hcs_list_action_needs_reason (action))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (reason));

      if (*trimmed == '\0')
        {
          hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, "reason",
                                   _("Give the reason for “%s”; it is kept in the entry’s history."), action);
          return;
        }
    }
  if (!hcs_request_require_role (req, hcs_list_action_role (action)) ||
      !hcs_request_if_match (req, &version))
    return;

  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (before = hcs_store_lists_entry_get (store, id, FALSE, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  version = hcs_request_if_match_version (req, before);
  if (!hcs_lists_apply_action (store, id, version, action, reason, received_on, hcs_request_get_actor (req), &error) ||
      (after = hcs_store_lists_entry_get (store, id, FALSE, &error)) == NULL ||
      !hcs_write_commit (w, "list_entry.transition", "list_entry", (entry_id_text = id_text (id)),
                         before, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  g_clear_pointer (&after, json_object_unref);
  after = hcs_store_lists_entry_get (store, id, TRUE, &error);
  if (after == NULL)
    hcs_request_reply_gerror (req, error);
  else
    reply_entry (req, SOUP_STATUS_OK, g_steal_pointer (&after));
}

static const HcsRoute routes[] = {
  { "GET",  "/list-types",                    list_types,       HCS_ACCESS_ANALYST },
  { "PATCH", "/list-types/{type}",            update_list_type, HCS_ACCESS_ADMIN },
  { "GET",  "/lists/{type}/entries",          list_entries,     HCS_ACCESS_ANALYST },
  { "POST", "/lists/{type}/entries",          create_entry,     HCS_ACCESS_ANALYST },
  { "GET",  "/list-entries/{id}",             get_entry,        HCS_ACCESS_ANALYST },
  { "POST", "/list-entries/{id}/transitions", transition_entry, HCS_ACCESS_ANALYST },
};

void
hcs_routes_lists_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
