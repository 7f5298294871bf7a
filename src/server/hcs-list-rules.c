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

/* The least role that may take @action (admin for unknown actions). */
HcRole
hcs_list_action_role (const char *action)
{
  HcListAction a;
  HcRole role;

  if (!hc_list_action_from_key (action, &a) || !hc_role_from_key (hc_list_action_required_role (a), &role))
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
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);

  return g_date_time_format (now, "%Y-%m-%d");
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

/**
 * hcs_lists_apply_action:
 * @version: the version the caller edits
 *
 * Moves an entry by @action inside the caller's transaction: its new state
 * and dates, and the history line. Answers nothing: fails with STALE,
 * NOT_FOUND, or G_IO_ERROR_INVALID_ARGUMENT when @action is not open from
 * the entry's state (@state then holds it).
 */
gboolean
hcs_lists_apply_action (HcsStore    *store,
                        gint64       id,
                        gint64       version,
                        const char  *action,
                        const char  *reason,
                        const char  *actor,
                        char       **state,
                        GError     **error)
{
  g_autoptr(JsonObject) entry = hcs_store_lists_entry_get (store, id, FALSE, error);
  g_autoptr(JsonObject) type = NULL;
  g_autofree char *decided_on = NULL, *published_from = NULL, *published_until = NULL;
  const char *from, *to = NULL;

  if (entry == NULL)
    return FALSE;
  from = json_object_get_string_member (entry, "state");
  *state = g_strdup (from);
  if (json_object_get_int_member (entry, "version") != version)
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_STALE, "list entry %" G_GINT64_FORMAT " is stale", id);
      return FALSE;
    }
  if (!hcs_list_action_next_state (from, action, &to))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s not open from %s", action, from);
      return FALSE;
    }
  type = hcs_store_lists_type_get (store, json_object_get_string_member (entry, "list_type"), error);
  if (type == NULL)
    return FALSE;
  action_dates (action, entry, json_object_get_int_member (type, "default_years"),
                &decided_on, &published_from, &published_until);
  return hcs_store_lists_entry_set_state (store, id, version, to, decided_on, published_from,
                                          published_until, error) &&
         hcs_store_lists_history_add (store, id, action, from, to, reason, actor, NULL, error);
}

/* Answers 409 illegal_transition, naming the actions open from @state. */
void
hcs_lists_reply_illegal (HcsRequest *req,
                         const char *action,
                         const char *state)
{
  g_autofree char *open = hcs_list_actions_from (state);

  if (*open == '\0')
    hcs_request_reply_error (req, SOUP_STATUS_CONFLICT, "illegal_transition", "action",
                             _("“%s” is not possible: the entry is “%s”, where its life has ended and no action is possible."),
                             action, state);
  else
    hcs_request_reply_error (req, SOUP_STATUS_CONFLICT, "illegal_transition", "action",
                             _("“%s” is not possible: the entry is “%s”, from where the possible actions are: %s."),
                             action, state, open);
}
