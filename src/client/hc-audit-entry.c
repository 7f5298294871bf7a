/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcAuditEntry: who did what to which object when, with its field changes. */
#define G_LOG_DOMAIN "hc-audit-entry"

#include "config.h"

#include "hc-audit-change.h"
#include "hc-audit-entry.h"
#include "hc-audit-labels.h"
#include "hc-enums.h"

struct _HcAuditEntry
{
  GObject     parent_instance;

  gint64      id;
  char       *at;
  char       *actor;
  char       *role;
  char       *action;
  char       *entity;
  char       *entity_id;
  GListModel *changes;
};

G_DEFINE_FINAL_TYPE (HcAuditEntry, hc_audit_entry, G_TYPE_OBJECT)

enum { PROP_0, PROP_AT, PROP_AT_LABEL, PROP_ACTOR, PROP_ROLE, PROP_ROLE_LABEL, PROP_ACTION, PROP_ACTION_LABEL, PROP_ENTITY, PROP_ENTITY_LABEL, PROP_ENTITY_ID, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
hc_audit_entry_finalize (GObject *object)
{
  HcAuditEntry *self = HC_AUDIT_ENTRY (object);

  g_free (self->at);
  g_free (self->actor);
  g_free (self->role);
  g_free (self->action);
  g_free (self->entity);
  g_free (self->entity_id);
  g_clear_object (&self->changes);

  G_OBJECT_CLASS (hc_audit_entry_parent_class)->finalize (object);
}

static const char *
role_label (HcAuditEntry *self)
{
  HcRole role;

  return hc_role_from_key (self->role, &role) ? hc_role_label (role) : self->role;
}

/* The time in the local zone, to the second; the stored text if it is not
 * an ISO 8601 time. */
static char *
at_label (HcAuditEntry *self)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (self->at, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (self->at);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

static void
hc_audit_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HcAuditEntry *self = HC_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_AT: g_value_set_string (value, self->at); break;
    case PROP_AT_LABEL: g_value_take_string (value, at_label (self)); break;
    case PROP_ACTOR: g_value_set_string (value, self->actor); break;
    case PROP_ROLE: g_value_set_string (value, self->role); break;
    case PROP_ROLE_LABEL: g_value_set_string (value, role_label (self)); break;
    case PROP_ACTION: g_value_set_string (value, self->action); break;
    case PROP_ACTION_LABEL: g_value_set_string (value, hc_audit_action_label (self->action)); break;
    case PROP_ENTITY: g_value_set_string (value, self->entity); break;
    case PROP_ENTITY_LABEL: g_value_set_string (value, hc_audit_entity_label (self->entity)); break;
    case PROP_ENTITY_ID: g_value_set_string (value, self->entity_id); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_audit_entry_class_init (HcAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hc_audit_entry_finalize;
  object_class->get_property = hc_audit_entry_get_property;

  properties [PROP_AT] = g_param_spec_string ("at", NULL, NULL, NULL, flags);
  properties [PROP_AT_LABEL] = g_param_spec_string ("at-label", NULL, NULL, NULL, flags);
  properties [PROP_ACTOR] = g_param_spec_string ("actor", NULL, NULL, NULL, flags);
  properties [PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties [PROP_ROLE_LABEL] = g_param_spec_string ("role-label", NULL, NULL, NULL, flags);
  properties [PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, flags);
  properties [PROP_ACTION_LABEL] = g_param_spec_string ("action-label", NULL, NULL, NULL, flags);
  properties [PROP_ENTITY] = g_param_spec_string ("entity", NULL, NULL, NULL, flags);
  properties [PROP_ENTITY_LABEL] = g_param_spec_string ("entity-label", NULL, NULL, NULL, flags);
  properties [PROP_ENTITY_ID] = g_param_spec_string ("entity-id", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_audit_entry_init (HcAuditEntry *self)
{
}

/* @changes: a list of HcAuditChange, field by field */
HcAuditEntry *
hc_audit_entry_new (gint64      id,
                    const char *at,
                    const char *actor,
                    const char *role,
                    const char *action,
                    const char *entity,
                    const char *entity_id,
                    GListModel *changes)
{
  HcAuditEntry *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (changes), NULL);

  self = g_object_new (HC_TYPE_AUDIT_ENTRY, NULL);
  self->id = id;
  self->at = g_strdup (at ? at : "");
  self->actor = g_strdup (actor ? actor : "");
  self->role = g_strdup (role ? role : "");
  self->action = g_strdup (action ? action : "");
  self->entity = g_strdup (entity ? entity : "");
  self->entity_id = g_strdup (entity_id ? entity_id : "");
  self->changes = g_object_ref (changes);
  return self;
}

#define GETTER(name) \
  const char * \
  hc_audit_entry_get_##name (HcAuditEntry *self) \
  { \
    g_return_val_if_fail (HC_IS_AUDIT_ENTRY (self), NULL); \
    return self->name; \
  }

GETTER (at)
GETTER (actor)
GETTER (role)
GETTER (action)
GETTER (entity)
GETTER (entity_id)

GListModel *
hc_audit_entry_get_changes (HcAuditEntry *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_ENTRY (self), NULL);
  return self->changes;
}

/* A before/after value as the change shows it: "" for null, a string as
 * it is, anything else as JSON; NULL when @obj does not have it. */
static char *
value_text (JsonObject *obj,
            const char *name)
{
  JsonNode *node;

  if (obj == NULL || !json_object_has_member (obj, name))
    return NULL;
  node = json_object_get_member (obj, name);
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

static void
add_names (GPtrArray  *names,
           JsonObject *obj)
{
  g_autoptr(GList) members = NULL;

  if (obj == NULL)
    return;
  members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_ptr_array_find_with_equal_func (names, l->data, g_str_equal, NULL))
      g_ptr_array_add (names, l->data);
}

static JsonObject *
object_member (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * hc_audit_entry_new_from_json:
 * @obj: an entry as GET /audit answers it
 *
 * Its "before" and "after" become one #HcAuditChange a field.
 *
 * Returns: (transfer full): the entry
 */
HcAuditEntry *
hc_audit_entry_new_from_json (JsonObject *obj)
{
  JsonObject *before, *after;
  g_autoptr(GListStore) changes = g_list_store_new (HC_TYPE_AUDIT_CHANGE);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *entity_id = NULL;

  g_return_val_if_fail (obj != NULL, NULL);

  before = object_member (obj, "before");
  after = object_member (obj, "after");
  entity_id = value_text (obj, "entity_id");
  add_names (names, before);
  add_names (names, after);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *b = value_text (before, name);
      g_autofree char *a = value_text (after, name);
      g_autoptr(HcAuditChange) change = hc_audit_change_new (name, b, a);

      g_list_store_append (changes, change);
    }
#define STR(m) json_object_get_string_member_with_default (obj, m, NULL)
  return hc_audit_entry_new (json_object_get_int_member_with_default (obj, "id", 0),
                             STR ("at"), STR ("actor"), STR ("role"), STR ("action"), STR ("entity"),
                             entity_id, G_LIST_MODEL (changes));
#undef STR
}

/* Returns: the action by its translated label (“修改市场主体” for subject.update) */
const char *
hc_audit_entry_get_action_label (HcAuditEntry *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_ENTRY (self), NULL);
  return hc_audit_action_label (self->action);
}

/* Returns: the object type by its translated label */
const char *
hc_audit_entry_get_entity_label (HcAuditEntry *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_ENTRY (self), NULL);
  return hc_audit_entity_label (self->entity);
}
