/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListEntry: an immutable list entry item, made from the server's answer. */
#define G_LOG_DOMAIN "hc-list-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-client-private.h"
#include "hc-core.h"
#include "hc-list-entry-event.h"
#include "hc-list-entry.h"

struct _HcListEntry
{
  GObject     parent_instance;

  gint64      id;
  gint64      version;
  char       *list_type;
  char       *list_name;
  char       *subject_identifier;
  char       *subject_name;
  char       *region;
  char       *region_name;
  char       *department_name;
  char       *state;
  char       *state_label;
  char       *basis;
  char       *facts;
  char       *decided_on;
  char       *published_from;
  char       *published_until;
  char       *etag;
  char       *objection_deadline;  /* 异议 to be decided by (listsrv's field) */
  char       *publishable_from;    /* the notice period's end */
  char       *objected_on;
  char       *objection_rule_label;  /* how objection_deadline was counted */
  char       *notice_rule_label;     /* how publishable_from was counted */
  gboolean    overdue;
  GStrv       state_css_classes;   /* an overdue objection red, one in time amber */
  GStrv       measures;
  GListStore *history;   /* of HcListEntryEvent; NULL in a page's rows */
};

G_DEFINE_FINAL_TYPE (HcListEntry, hc_list_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* strings first, in the order of string_names */
  PROP_LIST_TYPE,
  PROP_LIST_NAME,
  PROP_SUBJECT_IDENTIFIER,
  PROP_SUBJECT_NAME,
  PROP_REGION,
  PROP_REGION_NAME,
  PROP_DEPARTMENT_NAME,
  PROP_STATE,
  PROP_STATE_LABEL,
  PROP_BASIS,
  PROP_FACTS,
  PROP_DECIDED_ON,
  PROP_PUBLISHED_FROM,
  PROP_PUBLISHED_UNTIL,
  PROP_ETAG,
  PROP_ID,
  PROP_VERSION,
  PROP_MEASURES,
  PROP_HISTORY,
  PROP_STATE_CSS_CLASSES,
  N_PROPS
};

static const char * const string_names[] = {
  NULL, "list-type", "list-name", "subject-identifier", "subject-name", "region", "region-name",
  "department-name", "state", "state-label", "basis", "facts", "decided-on", "published-from",
  "published-until", "etag",
};

static GParamSpec *properties [N_PROPS];

static void
hc_list_entry_finalize (GObject *object)
{
  HcListEntry *self = HC_LIST_ENTRY (object);

  g_free (self->list_type);
  g_free (self->list_name);
  g_free (self->subject_identifier);
  g_free (self->subject_name);
  g_free (self->region);
  g_free (self->region_name);
  g_free (self->department_name);
  g_free (self->state);
  g_free (self->state_label);
  g_free (self->basis);
  g_free (self->facts);
  g_free (self->decided_on);
  g_free (self->published_from);
  g_free (self->published_until);
  g_free (self->etag);
  g_free (self->objection_deadline);
  g_free (self->publishable_from);
  g_free (self->objected_on);
  g_free (self->objection_rule_label);
  g_free (self->notice_rule_label);
  g_strfreev (self->state_css_classes);
  g_strfreev (self->measures);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (hc_list_entry_parent_class)->finalize (object);
}

static const char *
string_of (HcListEntry *self,
           guint        prop_id)
{
  switch (prop_id)
    {
    case PROP_LIST_TYPE:          return self->list_type;
    case PROP_LIST_NAME:          return self->list_name;
    case PROP_SUBJECT_IDENTIFIER: return self->subject_identifier;
    case PROP_SUBJECT_NAME:       return self->subject_name;
    case PROP_REGION:             return self->region;
    case PROP_REGION_NAME:        return self->region_name;
    case PROP_DEPARTMENT_NAME:    return self->department_name;
    case PROP_STATE:              return self->state;
    case PROP_STATE_LABEL:        return self->state_label;
    case PROP_BASIS:              return self->basis;
    case PROP_FACTS:              return self->facts;
    case PROP_DECIDED_ON:         return self->decided_on;
    case PROP_PUBLISHED_FROM:     return self->published_from;
    case PROP_PUBLISHED_UNTIL:    return self->published_until;
    case PROP_ETAG:               return self->etag;
    default:                      g_assert_not_reached ();
    }
}

static void
hc_list_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HcListEntry *self = HC_LIST_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, hc_list_entry_get_id (self));
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, hc_list_entry_get_version (self));
      break;
    case PROP_MEASURES:
      g_value_set_boxed (value, hc_list_entry_get_measures (self));
      break;
    case PROP_HISTORY:
      g_value_set_object (value, hc_list_entry_get_history (self));
      break;
    case PROP_STATE_CSS_CLASSES:
      g_value_set_boxed (value, self->state_css_classes);
      break;
    default:
      if (prop_id > PROP_0 && prop_id <= PROP_ETAG)
        g_value_set_string (value, string_of (self, prop_id));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_list_entry_class_init (HcListEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_list_entry_finalize;
  object_class->get_property = hc_list_entry_get_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (string_names) == PROP_ETAG + 1);
  for (guint i = PROP_LIST_TYPE; i <= PROP_ETAG; i++)
    properties [i] = g_param_spec_string (string_names[i], NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_MEASURES] =
    g_param_spec_boxed ("measures", NULL, NULL, G_TYPE_STRV, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, G_TYPE_LIST_MODEL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The style classes of the entry's state where a list shows it. */
  properties [PROP_STATE_CSS_CLASSES] =
    g_param_spec_boxed ("state-css-classes", NULL, NULL, G_TYPE_STRV, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_list_entry_init (HcListEntry *self)
{
}

/* The array @member of @obj, or NULL (json-glib 1.6 warns about a missing one). */
static JsonArray *
array_member (JsonObject *obj,
              const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static char *
dup_member (JsonObject *obj,
            const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

/* The rule a deadline was counted by, as the step that started it keeps
 * it (@prefix "objection_deadline" or "notice"): working days of a holiday
 * calendar, or calendar days and why; %NULL when the server does not say. */
static char *
rule_label (JsonObject *obj,
            const char *prefix)
{
  g_autofree char *rule_member = g_strconcat (prefix, "_rule", NULL);
  g_autofree char *days_member = g_strconcat (prefix, "_days", NULL);
  g_autofree char *calendar_member = g_strconcat (prefix, "_calendar", NULL);
  g_autofree char *rule = dup_member (obj, rule_member);
  g_autofree char *calendar = dup_member (obj, calendar_member);
  JsonNode *days_node = json_object_get_member (obj, days_member);
  int days = days_node != NULL && JSON_NODE_HOLDS_VALUE (days_node) ? (int) json_node_get_int (days_node) : -1;

  if (rule == NULL || days < 0)
    return NULL;
  if (g_str_equal (rule, "working_days"))
    /* TRANSLATORS: how a list deadline was counted: working days and the holiday calendar's name */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day by the holiday calendar “%s”",
                                         "%d working days by the holiday calendar “%s”", days),
                            days, calendar ? calendar : "");
  if (calendar != NULL)
    /* TRANSLATORS: how a list deadline was counted: calendar days, beyond the holiday calendar's years */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d calendar day: the holiday calendar “%s” does not cover the days counted",
                                         "%d calendar days: the holiday calendar “%s” does not cover the days counted", days),
                            days, calendar);
  /* TRANSLATORS: how a list deadline was counted: calendar days, no holiday calendar */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d calendar day: no holiday calendar is loaded",
                                       "%d calendar days: no holiday calendar is loaded", days),
                          days);
}

/* Returns: (transfer full) (nullable): the entry, NULL without an id */
HcListEntry *
hc_list_entry_new_from_json (JsonObject *obj,
                             const char *etag)
{
  g_autoptr(GStrvBuilder) measures = g_strv_builder_new ();
  HcListEntry *self;
  HcListEntryState state;
  const HcRegion *region;
  JsonArray *array;

  g_return_val_if_fail (obj != NULL, NULL);

  if (!json_object_has_member (obj, "id"))
    return NULL;
  self = g_object_new (HC_TYPE_LIST_ENTRY, NULL);
  self->id = json_object_get_int_member (obj, "id");
  self->version = json_object_get_int_member_with_default (obj, "version", 0);
  self->list_type = dup_member (obj, "list_type");
  self->list_name = dup_member (obj, "list_name");
  self->subject_identifier = dup_member (obj, "subject_identifier");
  self->subject_name = dup_member (obj, "subject_name");
  self->region = dup_member (obj, "region");
  region = self->region ? hc_region_lookup (self->region) : NULL;
  self->region_name = g_strdup (region ? region->name : self->region);
  self->department_name = dup_member (obj, "department_name");
  self->state = dup_member (obj, "state");
  if (self->state != NULL && hc_list_entry_state_from_key (self->state, &state))
    self->state_label = g_strdup (hc_list_entry_state_label (state));
  else
    self->state_label = g_strdup (self->state);
  self->basis = dup_member (obj, "basis");
  self->facts = dup_member (obj, "facts");
  self->decided_on = dup_member (obj, "decided_on");
  self->published_from = dup_member (obj, "published_from");
  self->published_until = dup_member (obj, "published_until");
  self->etag = g_strdup (etag);
  self->objection_deadline = dup_member (obj, "objection_deadline");
  self->publishable_from = dup_member (obj, "publishable_from");
  self->overdue = json_object_get_boolean_member_with_default (obj, "overdue", FALSE);
  self->objected_on = dup_member (obj, "objected_on");
  self->objection_rule_label = rule_label (obj, "objection_deadline");
  self->notice_rule_label = rule_label (obj, "notice");
  /* An objection past its deadline says so wherever the state is shown. */
  if (self->overdue && g_strcmp0 (self->state, "objected") == 0)
    {
      g_autofree char *label = g_steal_pointer (&self->state_label);

      /* TRANSLATORS: the state of an entry whose objection is past its deadline */
      self->state_label = g_strdup_printf (_("%s (overdue)"), label);
    }
  {
    const char *none[] = { NULL }, *late[] = { "error", NULL }, *open[] = { "warning", NULL };

    self->state_css_classes = g_strdupv ((char **) (self->overdue ? late
                                                    : g_strcmp0 (self->state, "objected") == 0 ? open : none));
  }

  array = array_member (obj, "measures");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *measure = json_array_get_object_element (array, i);
      const char *name = measure ? json_object_get_string_member_with_default (measure, "name", NULL) : NULL;

      if (name != NULL)
        g_strv_builder_add (measures, name);
    }
  self->measures = g_strv_builder_end (measures);

  array = array_member (obj, "history");
  if (array != NULL)
    {
      self->history = g_list_store_new (HC_TYPE_LIST_ENTRY_EVENT);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *row = json_array_get_object_element (array, i);
          g_autoptr(HcListEntryEvent) event = row ? hc_list_entry_event_new_from_json (row) : NULL;

          if (event != NULL)
            g_list_store_append (self->history, event);
        }
    }
  return self;
}

gint64
hc_list_entry_get_id (HcListEntry *self)
{
  g_return_val_if_fail (HC_IS_LIST_ENTRY (self), 0);
  return self->id;
}

gint64
hc_list_entry_get_version (HcListEntry *self)
{
  g_return_val_if_fail (HC_IS_LIST_ENTRY (self), 0);
  return self->version;
}

const char * const *
hc_list_entry_get_measures (HcListEntry *self)
{
  g_return_val_if_fail (HC_IS_LIST_ENTRY (self), NULL);
  return (const char * const *) self->measures;
}

/* Returns: (transfer none) (nullable): the history, NULL for a page's row */
GListModel *
hc_list_entry_get_history (HcListEntry *self)
{
  g_return_val_if_fail (HC_IS_LIST_ENTRY (self), NULL);
  return self->history ? G_LIST_MODEL (self->history) : NULL;
}

#define GETTER(member)                                                       \
const char *                                                                 \
hc_list_entry_get_##member (HcListEntry *self)                               \
{                                                                            \
  g_return_val_if_fail (HC_IS_LIST_ENTRY (self), NULL);                      \
  return self->member;                                                       \
}

GETTER (list_type)
GETTER (list_name)
GETTER (subject_identifier)
GETTER (subject_name)
GETTER (region)
GETTER (region_name)
GETTER (department_name)
GETTER (state)
GETTER (state_label)
GETTER (basis)
GETTER (facts)
GETTER (decided_on)
GETTER (published_from)
GETTER (published_until)
GETTER (etag)

/* Returns: (nullable): under objection, the day it must be decided by, when the server tells */
const char *
hc_list_entry_get_objection_deadline (HcListEntry *self)
{
  g_return_val_if_fail (HC_IS_LIST_ENTRY (self), NULL);
  return self->objection_deadline;
}

/* Returns: (nullable): the first day the entry may be published, when the server tells */
const char *
hc_list_entry_get_publishable_from (HcListEntry *self)
{
  g_return_val_if_fail (HC_IS_LIST_ENTRY (self), NULL);
  return self->publishable_from;
}

/* Returns: (nullable): under objection, the day it was received */
const char *
hc_list_entry_get_objected_on (HcListEntry *self)
{
  g_return_val_if_fail (HC_IS_LIST_ENTRY (self), NULL);
  return self->objected_on;
}

/* Returns: (nullable): how the objection's deadline was counted, said for a person */
const char *
hc_list_entry_get_objection_rule_label (HcListEntry *self)
{
  g_return_val_if_fail (HC_IS_LIST_ENTRY (self), NULL);
  return self->objection_rule_label;
}

/* Returns: (nullable): how the notice period's end was counted, said for a person */
const char *
hc_list_entry_get_notice_rule_label (HcListEntry *self)
{
  g_return_val_if_fail (HC_IS_LIST_ENTRY (self), NULL);
  return self->notice_rule_label;
}

/* Returns: whether the entry's objection is past its deadline */
gboolean
hc_list_entry_get_overdue (HcListEntry *self)
{
  g_return_val_if_fail (HC_IS_LIST_ENTRY (self), FALSE);
  return self->overdue;
}
