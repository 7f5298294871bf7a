/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListEntryEvent: an immutable history row, made from the server's answer. */
#define G_LOG_DOMAIN "hc-list-entry-event"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"
#include "hc-core.h"
#include "hc-list-entry-event.h"

struct _HcListEntryEvent
{
  GObject  parent_instance;

  char    *action;
  char    *action_label;
  char    *from_state;
  char    *to_state;
  char    *change_label;
  char    *reason;
  char    *actor;
  char    *at;
  char    *at_label;
};

G_DEFINE_FINAL_TYPE (HcListEntryEvent, hc_list_entry_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTION,
  PROP_ACTION_LABEL,
  PROP_FROM_STATE,
  PROP_TO_STATE,
  PROP_CHANGE_LABEL,
  PROP_REASON,
  PROP_ACTOR,
  PROP_AT,
  PROP_AT_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
hc_list_entry_event_finalize (GObject *object)
{
  HcListEntryEvent *self = HC_LIST_ENTRY_EVENT (object);

  g_free (self->action);
  g_free (self->action_label);
  g_free (self->from_state);
  g_free (self->to_state);
  g_free (self->change_label);
  g_free (self->reason);
  g_free (self->actor);
  g_free (self->at);
  g_free (self->at_label);

  G_OBJECT_CLASS (hc_list_entry_event_parent_class)->finalize (object);
}

static void
hc_list_entry_event_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HcListEntryEvent *self = HC_LIST_ENTRY_EVENT (object);

  switch (prop_id)
    {
    case PROP_ACTION:
      g_value_set_string (value, hc_list_entry_event_get_action (self));
      break;
    case PROP_ACTION_LABEL:
      g_value_set_string (value, hc_list_entry_event_get_action_label (self));
      break;
    case PROP_FROM_STATE:
      g_value_set_string (value, hc_list_entry_event_get_from_state (self));
      break;
    case PROP_TO_STATE:
      g_value_set_string (value, hc_list_entry_event_get_to_state (self));
      break;
    case PROP_CHANGE_LABEL:
      g_value_set_string (value, hc_list_entry_event_get_change_label (self));
      break;
    case PROP_REASON:
      g_value_set_string (value, hc_list_entry_event_get_reason (self));
      break;
    case PROP_ACTOR:
      g_value_set_string (value, hc_list_entry_event_get_actor (self));
      break;
    case PROP_AT:
      g_value_set_string (value, hc_list_entry_event_get_at (self));
      break;
    case PROP_AT_LABEL:
      g_value_set_string (value, hc_list_entry_event_get_at_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_list_entry_event_class_init (HcListEntryEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[N_PROPS] = {
    NULL, "action", "action-label", "from-state", "to-state", "change-label", "reason", "actor", "at", "at-label",
  };

  object_class->finalize = hc_list_entry_event_finalize;
  object_class->get_property = hc_list_entry_event_get_property;

  for (guint i = 1; i < N_PROPS; i++)
    properties [i] = g_param_spec_string (names[i], NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_list_entry_event_init (HcListEntryEvent *self)
{
}

static const char *
state_label (const char *key)
{
  HcListEntryState state;

  if (key == NULL)
    return "—";
  return hc_list_entry_state_from_key (key, &state) ? hc_list_entry_state_label (state) : key;
}

static const char *
action_label (const char *key)
{
  HcListAction action;

  /* "propose" starts every history but is no step of the workflow. */
  if (g_strcmp0 (key, "propose") == 0)
    return C_("list action", "Propose");
  return hc_list_action_from_key (key, &action) ? hc_list_action_label (action) : key;
}

/* The server's UTC time as the user's local minute. */
static char *
at_label (const char *at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

HcListEntryEvent *
hc_list_entry_event_new_from_json (JsonObject *obj)
{
  HcListEntryEvent *self;

  g_return_val_if_fail (obj != NULL, NULL);

  self = g_object_new (HC_TYPE_LIST_ENTRY_EVENT, NULL);
  self->action = g_strdup (json_object_get_string_member_with_default (obj, "action", ""));
  self->from_state = g_strdup (json_object_get_string_member_with_default (obj, "from", NULL));
  self->to_state = g_strdup (json_object_get_string_member_with_default (obj, "to", ""));
  self->reason = g_strdup (json_object_get_string_member_with_default (obj, "reason", ""));
  self->actor = g_strdup (json_object_get_string_member_with_default (obj, "actor", ""));
  self->at = g_strdup (json_object_get_string_member_with_default (obj, "at", ""));
  self->at_label = at_label (self->at);
  self->action_label = g_strdup (action_label (self->action));
  self->change_label = g_strdup_printf ("%s → %s", state_label (self->from_state), state_label (self->to_state));
  return self;
}

#define GETTER(member)                                                       \
const char *                                                                 \
hc_list_entry_event_get_##member (HcListEntryEvent *self)                    \
{                                                                            \
  g_return_val_if_fail (HC_IS_LIST_ENTRY_EVENT (self), NULL);                \
  return self->member;                                                       \
}

GETTER (action)
GETTER (action_label)
GETTER (from_state)
GETTER (to_state)
GETTER (change_label)
GETTER (reason)
GETTER (actor)
GETTER (at)
GETTER (at_label)
