/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The core’s identifier and list-entry rules as the list and repair routes
 * use them: which kind of identifier a text is, the state an action leads
 * to, who may take it, and which actions are open from a state. */
#define G_LOG_DOMAIN "hcs-list-rules"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-grading.h"
#include "hcs-holidays.h"
#include "hcs-list-rules.h"
#include "hcs-store-lists.h"

/* Actions whose reason the history must keep. */
static const HcListAction reason_required[] = {
  HC_LIST_ACTION_OBJECT, HC_LIST_ACTION_UPHOLD, HC_LIST_ACTION_REVOKE,
  HC_LIST_ACTION_REPAIR, HC_LIST_ACTION_EXIT,
};

static gboolean
looks_like_id_number (const char *s)
{
  if (s == NULL || strlen (s) != 18)
    return FALSE;
  for (guint i = 0; i < 17; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return g_ascii_isdigit (s[17]) || s[17] == 'X';
}

/* 18 capitals and digits whose two check characters are right: exactly the
 * codes hc_uscc_validate accepts and leaves unchanged (as in the import's
 * hcs-import-check.c). */
static gboolean
uscc_is_canonical (const char *v)
{
  for (guint i = 0; i < HC_USCC_LENGTH; i++)
    if (!((v[i] >= '0' && v[i] <= '9') || (v[i] >= 'A' && v[i] <= 'Z')))
      return FALSE;
  return v[HC_USCC_LENGTH] == '\0' &&
         hc_org_code_compute_check (v + 8) == v[16] &&
         hc_uscc_compute_check (v) == v[17];
}

/**
 * hcs_identifier_normalize:
 * @kind: (out): USCC or ID number
 * @error_code: (out): `invalid_uscc` or `invalid_id_number` when invalid
 *
 * Returns: (transfer full) (nullable): the normalised identifier, %NULL
 *   when @text is neither a valid USCC nor a valid ID number
 */
char *
hcs_identifier_normalize (const char         *text,
                          HcsIdentifierKind  *kind,
                          const char        **error_code)
{
  g_autoptr(GError) id_error = NULL;
  g_autoptr(GError) uscc_error = NULL;
  g_autofree char *shape = NULL;
  char *norm = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* A valid USCC as written (the common case of a 100,000-row match): no
   * normalising copies. One that reads as an ID number too (an all-digit
   * organisation code) is an ID number first when its ID check character
   * is right, so only then does it go the long way, which tries that
   * first. */
  if (uscc_is_canonical (text) &&
      (!looks_like_id_number (text) || hc_id_number_compute_check (text) != text[17]))
    {
      *kind = HCS_IDENTIFIER_USCC;
      return g_strdup (text);
    }

  /* An all-digit text may be either: an ID number first, then a USCC.
   * Anything else can only be a USCC (this keeps 100,000-row matches from
   * building an ID-number error for every enterprise). */
  shape = hc_uscc_normalize (text);
  if (looks_like_id_number (shape))
    {
      if (hc_id_number_validate (text, &norm, &id_error))
        {
          *kind = HCS_IDENTIFIER_ID_NUMBER;
          return norm;
        }
      g_clear_pointer (&norm, g_free);
    }
  if (hc_uscc_validate (text, &norm, &uscc_error))
    {
      *kind = HCS_IDENTIFIER_USCC;
      return norm;
    }
  g_clear_pointer (&norm, g_free);
  /* Shaped like an ID number (17 digits and a digit or X) but its date or
   * check character is wrong: say so; anything else is a bad USCC. */
  if (g_error_matches (id_error, HC_ID_NUMBER_ERROR, HC_ID_NUMBER_ERROR_DATE) ||
      g_error_matches (id_error, HC_ID_NUMBER_ERROR, HC_ID_NUMBER_ERROR_CHECK))
    *error_code = "invalid_id_number";
  else
    *error_code = "invalid_uscc";
  return NULL;
}

gboolean
hcs_list_action_known (const char *action)
{
  HcListAction a;

  return hc_list_action_from_key (action, &a);
}

/* Returns: whether @action may be taken from @state; the state it leads to */
gboolean
hcs_list_action_next_state (const char  *state,
                            const char  *action,
                            const char **next_state)
{
  HcListEntryState from, to;
  HcListAction a;

  if (!hc_list_entry_state_from_key (state, &from) || !hc_list_action_from_key (action, &a) ||
      !hc_list_action_apply (from, a, &to))
    return FALSE;
  *next_state = hc_list_entry_state_to_key (to);
  return TRUE;
}

/* The least role that may take @action on an entry of any list class
 * (admin for unknown actions); the class's own (publish on a black or watch
 * list) is checked with the entry, by hcs_lists_apply_action(). */
HcRole
hcs_list_action_role (const char *action)
{
  HcListAction a;
  HcRole role;

  if (!hc_list_action_from_key (action, &a) ||
      !hc_role_from_key (hc_list_action_required_role (a, HC_LIST_CLASS_RED), &role))
    return HC_ROLE_ADMIN;
  return role;
}

gboolean
hcs_list_action_needs_reason (const char *action)
{
  HcListAction a;

  if (!hc_list_action_from_key (action, &a))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (reason_required); i++)
    if (reason_required[i] == a)
      return TRUE;
  return FALSE;
}

/* Returns: (transfer full): the actions open from @state, “a, b”, or "" */
char *
hcs_list_actions_from (const char *state)
{
  GString *s = g_string_new (NULL);
  HcListEntryState from;

  if (hc_list_entry_state_from_key (state, &from))
    for (guint a = 0; a < HC_LIST_ACTION_N; a++)
      if (hc_list_action_apply (from, (HcListAction) a, NULL))
        g_string_append_printf (s, "%s%s", s->len ? ", " : "", hc_list_action_to_key ((HcListAction) a));
  return g_string_free (s, FALSE);
}

gboolean
hcs_list_state_known (const char *state)
{
  HcListEntryState s;

  return hc_list_entry_state_from_key (state, &s);
}

/* Reads a calendar date "YYYY-MM-DD" (and nothing else). */
gboolean
hcs_date_parse (const char *text,
                GDate      *date)
{
  guint y, m, d;
  char tail;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Today in Hainan (UTC+8), "YYYY-MM-DD". */
char *
hcs_date_today (void)
{
  return hc_hainan_today ();
}

/* Returns: (transfer full) (nullable): @date plus @years (29 February
 *   becomes 28 February), %NULL when @date is not a date */
char *
hcs_date_add_years (const char *date,
                    guint       years)
{
  GDate d;

  if (!hcs_date_parse (date, &d))
    return NULL;
  g_date_add_years (&d, years);
  return format_date (&d);
}

/* Returns: (transfer full) (nullable): @date plus @days, %NULL when @date
 *   is not a date */
char *
hcs_date_add_days (const char *date,
                   int         days)
{
  GDate d;

  if (!hcs_date_parse (date, &d))
    return NULL;
  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return format_date (&d);
}

/* The dates an action sets: `notice` records the decision, `publish` opens
 * the publicity period (until the date the entry names, or the type's
 * default years), and leaving the list ends the publicity today. */
static void
action_dates (const char  *action,
              JsonObject  *entry,
              gint64       default_years,
              char       **decided_on,
              char       **published_from,
              char       **published_until)
{
  g_autofree char *today = hcs_date_today ();

  if (g_str_equal (action, "notice"))
    *decided_on = g_strdup (today);
  else if (g_str_equal (action, "publish"))
    {
      *published_from = g_strdup (today);
      if (json_object_get_null_member (entry, "published_until"))
        *published_until = hcs_date_add_years (today, (guint) default_years);
    }
  else if (g_str_equal (action, "repair") || g_str_equal (action, "exit") || g_str_equal (action, "revoke"))
    *published_until = g_strdup (today);
}

/* Sets 409 illegal_transition, naming the actions open from @state. */
static void
set_illegal (GError    **error,
             const char *action,
             const char *state)
{
  g_autofree char *open = hcs_list_actions_from (state);

  if (*open == '\0')
    hcs_error_set (error, HCS_ERR_ILLEGAL_TRANSITION, "action",
                   _("“%s” is not possible: the entry is “%s”, where its life has ended and no action is possible."),
                   action, state);
  else
    hcs_error_set (error, HCS_ERR_ILLEGAL_TRANSITION, "action",
                   _("“%s” is not possible: the entry is “%s”, from where the possible actions are: %s."),
                   action, state, open);
}

/* 四眼原则: an entry of a black or watch list is published by a supervisor
 * who did not propose it, once its notice period (告知, the subject's time
 * to respond) has run from the day it was noticed. */
static gboolean
check_publish (JsonObject      *entry,
               JsonObject      *type,
               const HcsActor  *actor,
               GError         **error)
{
  const char *cls = json_object_get_string_member (type, "class");
  gint64 notice_days = json_object_get_int_member (entry, "notice_days");
  const char *noticed = json_object_get_null_member (entry, "decided_on") ? NULL
                        : json_object_get_string_member (entry, "decided_on");
  g_autofree char *today = hcs_date_today ();
  g_autofree char *open_on = NULL;
  HcListClass list_class;
  HcRole need = HC_ROLE_ADMIN;

  if (hc_list_class_from_key (cls, &list_class))
    hc_role_from_key (hc_list_action_required_role (HC_LIST_ACTION_PUBLISH, list_class), &need);
  if (need == HC_ROLE_ANALYST)
    return TRUE;
  if (!hc_role_at_least (actor->role, need))
    {
      hcs_error_set (error, HCS_ERR_FORBIDDEN, "action",
                     _("An entry of %s is published by a supervisor, not by an analyst."),
                     json_object_get_string_member (type, "name"));
      return FALSE;
    }
  if (g_strcmp0 (actor->username, json_object_get_string_member (entry, "created_by")) == 0)
    {
      hcs_error_set (error, HCS_ERR_OWN_PROPOSAL, "action",
                     _("You proposed this entry: another supervisor must publish it (four eyes)."));
      return FALSE;
    }
  /* The end of the notice period as the notice counted it and kept it. */
  open_on = json_object_get_null_member (entry, "publishable_from") ? NULL
            : g_strdup (json_object_get_string_member (entry, "publishable_from"));
  if (open_on != NULL && strcmp (today, open_on) < 0)
    {
      if (g_strcmp0 (json_object_get_string_member_with_default (entry, "notice_rule", NULL), "working_days") == 0)
        hcs_error_set (error, HCS_ERR_NOTICE_PERIOD, "action",
                       _("The subject was notified on %s and has %d working days to respond: the entry can be published from %s."),
                       noticed, (int) notice_days, open_on);
      else
        hcs_error_set (error, HCS_ERR_NOTICE_PERIOD, "action",
                       _("The subject was notified on %s and has %d days to respond: the entry can be published from %s."),
                       noticed, (int) notice_days, open_on);
      return FALSE;
    }
  return TRUE;
}

/**
 * hcs_lists_count_period:
 * @from: the day the time starts (YYYY-MM-DD)
 *
 * Counts a legal time of @days from @from by the calendar in force
 * (hcs_deadline_count()); a time of no days ends the day it starts.
 */
void
hcs_lists_count_period (const char  *from,
                        gint64       days,
                        HcsDeadline *out)
{
  if (days > 0 && hcs_deadline_count (from, (int) days, out))
    return;
  hcs_deadline_clear (out);
  out->date = g_strdup (from);
  out->rule = "calendar_days";
  out->days = 0;
  out->calendar = hcs_holidays_get_default () ? hcs_holidays_get_name (hcs_holidays_get_default ()) : NULL;
}

/* The day an objection was received: not after today (the route checks
 * that), and not before the entry was noticed to the subject. */
static gboolean
check_received_on (JsonObject  *entry,
                   const char  *received_on,
                   GError     **error)
{
  const char *noticed = json_object_get_null_member (entry, "decided_on") ? NULL
                        : json_object_get_string_member (entry, "decided_on");

  if (noticed != NULL && strcmp (received_on, noticed) < 0)
    {
      hcs_error_set (error, HCS_ERR_INVALID_DATE, "received_on",
                     _("The objection cannot have been received on %s: the subject was notified on %s. Give a day from %s to today."),
                     received_on, noticed, noticed);
      return FALSE;
    }
  return TRUE;
}

/**
 * hcs_lists_apply_action:
 * @version: the version the caller edits
 * @received_on: (nullable): for `object`, the day the objection was
 *   received (YYYY-MM-DD, not after today); %NULL for today
 *
 * Moves an entry by @action inside the caller's transaction: its new state
 * and dates, and the history line. A step that starts a legal time keeps
 * its deadline, counted by the holiday calendar in force (working days, or
 * calendar days without one or beyond its years): `notice` the type's
 * notice period (告知) from today, `object` the type's objection time from
 * the day the objection was received. Fails with HCS_STORE_ERROR STALE or
 * NOT_FOUND, or HCS_ERROR illegal_transition when @action is not open from
 * the entry's state, forbidden / own_proposal / notice_period when the
 * four eyes of publishing refuse it, invalid_date when the objection is
 * dated before the notice.
 */
gboolean
hcs_lists_apply_action (HcsStore        *store,
                        gint64           id,
                        gint64           version,
                        const char      *action,
                        const char      *reason,
                        const char      *received_on,
                        const HcsActor  *actor,
                        GError         **error)
{
  g_autoptr(JsonObject) entry = hcs_store_lists_entry_get (store, id, FALSE, error);
  g_autoptr(JsonObject) type = NULL;
  g_autofree char *decided_on = NULL, *published_from = NULL, *published_until = NULL;
  g_autofree char *today = hcs_date_today ();
  g_auto(HcsDeadline) deadline = { 0, };
  const char *from, *to = NULL, *starts_on = NULL;

  if (entry == NULL)
    return FALSE;
  from = json_object_get_string_member (entry, "state");
  if (json_object_get_int_member (entry, "version") != version)
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_STALE, "list entry %" G_GINT64_FORMAT " is stale", id);
      return FALSE;
    }
  if (!hcs_list_action_next_state (from, action, &to))
    {
      set_illegal (error, action, from);
      return FALSE;
    }
  type = hcs_store_lists_type_get (store, json_object_get_string_member (entry, "list_type"), error);
  if (type == NULL)
    return FALSE;
  if (g_str_equal (action, "publish") && !check_publish (entry, type, actor, error))
    return FALSE;
  action_dates (action, entry, json_object_get_int_member (type, "default_years"),
                &decided_on, &published_from, &published_until);
  if (g_str_equal (action, "notice"))
    {
      starts_on = decided_on;
      hcs_lists_count_period (starts_on, json_object_get_int_member (type, "notice_days"), &deadline);
    }
  else if (g_str_equal (action, "object"))
    {
      starts_on = received_on != NULL ? received_on : today;
      if (!check_received_on (entry, starts_on, error))
        return FALSE;
      hcs_lists_count_period (starts_on, json_object_get_int_member (type, "objection_days"), &deadline);
    }
  /* A list entry in force, or ended, counts in the subject's grade. */
  return hcs_store_lists_entry_set_state (store, id, version, to, decided_on, published_from,
                                          published_until, error) &&
         hcs_store_lists_history_add_deadline (store, id, action, from, to, reason, actor->username, NULL,
                                               starts_on, starts_on ? &deadline : NULL, error) &&
         hcs_grading_regrade_identifier (store, json_object_get_string_member (entry, "subject_identifier"), error);
}

/* Resolves the measures (codes or ids) to ids of @list_type's measures;
 * sets invalid_type / invalid_measure when one is not. */
static gboolean
resolve_measures (HcsStore    *store,
                  JsonArray   *measures,
                  const char  *list_type,
                  GArray      *ids,
                  GError     **error)
{
  for (guint i = 0; i < json_array_get_length (measures); i++)
    {
      JsonNode *node = json_array_get_element (measures, i);
      GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
      g_autofree char *shown = NULL;
      gint64 id;

      if (type == G_TYPE_STRING)
        {
          id = hcs_store_lists_measure_find (store, list_type, json_node_get_string (node), 0, error);
          shown = g_strdup (json_node_get_string (node));
        }
      else if (type == G_TYPE_INT64)
        {
          id = hcs_store_lists_measure_find (store, list_type, NULL, json_node_get_int (node), error);
          shown = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
        }
      else
        {
          hcs_error_set (error, HCS_ERR_INVALID_TYPE, "measures",
                         _("Each measure must be a measure code (text) or id (a whole number)."));
          return FALSE;
        }
      if (id < 0)
        return FALSE;
      if (id == 0)
        {
          hcs_error_set (error, HCS_ERR_INVALID_MEASURE, "measures",
                         _("“%s” is not a measure of this list type; see GET /list-types for the measures that apply."),
                         shown);
          return FALSE;
        }
      g_array_append_val (ids, id);
    }
  return TRUE;
}

/**
 * hcs_lists_create_entry:
 * @type: the list type, as hcs_store_lists_type_get() returns it
 * @entry: what the entry says; its subject already normalised
 * @after: (out) (transfer full): the entry created, without its history
 *
 * Proposes an entry: finds its subject and department, resolves its
 * measures, writes it with its measures and the first line of its history.
 * Runs inside the caller's transaction.
 *
 * Returns: the new entry's id, or 0 with @error set (HCS_ERROR for a
 *   refusal: unknown_subject, unknown_department, invalid_type,
 *   invalid_measure, duplicate; else HCS_STORE_ERROR)
 */
gint64
hcs_lists_create_entry (HcsStore                *store,
                        JsonObject              *type,
                        const HcsListEntryInput *entry,
                        const char              *actor,
                        JsonObject             **after,
                        GError                 **error)
{
  g_autoptr(GArray) measure_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local = NULL;
  g_autofree char *region = NULL;
  gint64 subject_id, entry_id;

  subject_id = hcs_store_lists_find_subject (store, entry->subject, &region, error);
  if (subject_id < 0)
    return 0;
  if (subject_id == 0)
    {
      hcs_error_set (error, HCS_ERR_UNKNOWN_SUBJECT, "subject",
                     _("No market subject has the identifier “%s”; register the subject first."),
                     entry->subject);
      return 0;
    }
  if (!hcs_store_lists_department_exists (store, entry->department, &local))
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        hcs_error_set (error, HCS_ERR_UNKNOWN_DEPARTMENT, "department", _("There is no such department."));
      return 0;
    }
  if (!resolve_measures (store, entry->measures, json_object_get_string_member (type, "key"), measure_ids, error))
    return 0;

  entry_id = hcs_store_lists_entry_insert (store, json_object_get_string_member (type, "key"),
                                           subject_id, entry->department, region, entry->basis,
                                           entry->facts, entry->published_until, actor, &local);
  if (entry_id == 0)
    {
      if (g_error_matches (local, HCS_STORE_ERROR, HCS_STORE_ERROR_DUPLICATE))
        hcs_error_set (error, HCS_ERR_DUPLICATE, "subject",
                       _("“%s” already has an open entry in %s; change that entry instead."),
                       entry->subject, json_object_get_string_member (type, "name"));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  for (guint i = 0; i < measure_ids->len; i++)
    if (!hcs_store_lists_entry_add_measure (store, entry_id, g_array_index (measure_ids, gint64, i), error))
      return 0;
  if (!hcs_store_lists_history_add (store, entry_id, "propose", NULL, "proposed", entry->facts,
                                    actor, NULL, error) ||
      (*after = hcs_store_lists_entry_get (store, entry_id, TRUE, error)) == NULL)
    return 0;
  return entry_id;
}
