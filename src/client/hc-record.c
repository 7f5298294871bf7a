/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRecord: one record of a subject's credit file as an immutable item,
 * each kind's members read into the one shape the file's tables show. */
#define G_LOG_DOMAIN "hc-record"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-enums.h"
#include "hc-record.h"

struct _HcRecord
{
  GObject  parent_instance;

  char    *kind;
  gint64   id;
  char    *number;
  char    *title;
  char    *department;
  char    *date;
  char    *until;
  char    *state_label;
  char    *detail;
  char    *subject_name;
  char    *identifier;
  char    *region_name;
  char    *fulfilment;
  gint64   watch_entry_id;
  gint64   department_id;
  gint64   version;
  char    *holder;                  /* a commitment's holding department */
  gboolean can_record_fulfilment;
};

G_DEFINE_FINAL_TYPE (HcRecord, hc_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_DEPARTMENT,
  PROP_DATE,
  PROP_UNTIL,
  PROP_STATE_LABEL,
  PROP_DETAIL,
  PROP_SUBJECT_NAME,
  PROP_IDENTIFIER,
  PROP_REGION_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* 践诺情况 of a commitment, by its key. */
const char *
hc_record_fulfilment_label (const char *fulfilment)
{
  if (g_strcmp0 (fulfilment, "pending") == 0)
    return C_("fulfilment", "Not yet checked");
  if (g_strcmp0 (fulfilment, "fulfilled") == 0)
    return C_("fulfilment", "Kept");
  if (g_strcmp0 (fulfilment, "breached") == 0)
    return C_("fulfilment", "Broken");
  return fulfilment != NULL ? fulfilment : "";
}

static void
hc_record_finalize (GObject *object)
{
  HcRecord *self = HC_RECORD (object);

  g_free (self->kind);
  g_free (self->number);
  g_free (self->title);
  g_free (self->department);
  g_free (self->date);
  g_free (self->until);
  g_free (self->state_label);
  g_free (self->detail);
  g_free (self->subject_name);
  g_free (self->identifier);
  g_free (self->region_name);
  g_free (self->fulfilment);
  g_free (self->holder);

  G_OBJECT_CLASS (hc_record_parent_class)->finalize (object);
}

static void
hc_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HcRecord *self = HC_RECORD (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_NUMBER: g_value_set_string (value, self->number); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DEPARTMENT: g_value_set_string (value, self->department); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_UNTIL: g_value_set_string (value, self->until); break;
    case PROP_STATE_LABEL: g_value_set_string (value, self->state_label); break;
    case PROP_DETAIL: g_value_set_string (value, self->detail); break;
    case PROP_SUBJECT_NAME: g_value_set_string (value, self->subject_name); break;
    case PROP_IDENTIFIER: g_value_set_string (value, self->identifier); break;
    case PROP_REGION_NAME: g_value_set_string (value, self->region_name); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_record_class_init (HcRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hc_record_finalize;
  object_class->get_property = hc_record_get_property;

  properties [PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties [PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties [PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties [PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties [PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties [PROP_UNTIL] = g_param_spec_string ("until", NULL, NULL, NULL, flags);
  properties [PROP_STATE_LABEL] = g_param_spec_string ("state-label", NULL, NULL, NULL, flags);
  properties [PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties [PROP_SUBJECT_NAME] = g_param_spec_string ("subject-name", NULL, NULL, NULL, flags);
  properties [PROP_IDENTIFIER] = g_param_spec_string ("identifier", NULL, NULL, NULL, flags);
  properties [PROP_REGION_NAME] = g_param_spec_string ("region-name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_record_init (HcRecord *self)
{
}

static const char *
str (JsonObject *obj,
     const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static gint64
num (JsonObject *obj,
     const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  return json_node_get_int (node);
}

static gboolean
flag (JsonObject *obj,
      const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_boolean (node);
}

static char *
id_text (gint64 id)
{
  return id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");
}

static const char *
penalty_category (const char *category)
{
  if (g_str_equal (category, "fine"))
    return C_("penalty", "Fine");
  if (g_str_equal (category, "warning"))
    return C_("penalty", "Warning");
  return category;
}

static void
read_penalty (HcRecord   *self,
              JsonObject *obj)
{
  double amount = json_object_get_double_member_with_default (obj, "amount", 0);

  self->number = g_strdup (str (obj, "decision_no"));
  self->title = g_strdup (penalty_category (str (obj, "category")));
  self->department = g_strdup (str (obj, "authority"));
  self->date = g_strdup (str (obj, "decided_on"));
  self->until = g_strdup (*str (obj, "publicity_ends") ? str (obj, "publicity_ends") : str (obj, "publicity_until"));
  if (flag (obj, "repaired"))
    self->state_label = g_strdup (C_("penalty", "Repaired"));
  else if (flag (obj, "under_publicity"))
    self->state_label = g_strdup (C_("penalty", "Under publicity"));
  else
    self->state_label = g_strdup (C_("penalty", "Publicity ended"));
  /* Translators: a penalty's amount in yuan */
  self->detail = amount > 0 ? g_strdup_printf (_("%.2f yuan"), amount) : g_strdup ("");
}

static void
read_license (HcRecord   *self,
              JsonObject *obj)
{
  self->number = g_strdup (str (obj, "license_no"));
  self->title = g_strdup (str (obj, "license_name"));
  self->department = g_strdup (str (obj, "authority"));
  self->date = g_strdup (str (obj, "decided_on"));
  self->until = g_strdup (str (obj, "valid_until"));
  self->state_label = g_strdup (flag (obj, "under_publicity") ? C_("license", "Valid") : C_("license", "Expired"));
  self->detail = g_strdup (str (obj, "item_name"));
}

static void
read_commitment (HcRecord   *self,
                 JsonObject *obj)
{
  const char *note = str (obj, "fulfilment_note");

  self->number = g_strdup (str (obj, "commitment_no"));
  self->title = g_strdup (str (obj, "matter"));
  self->department = g_strdup (str (obj, "authority"));
  self->date = g_strdup (str (obj, "committed_on"));
  self->until = g_strdup (str (obj, "fulfilment_on"));
  self->fulfilment = g_strdup (str (obj, "fulfilment"));
  self->state_label = g_strdup (hc_record_fulfilment_label (self->fulfilment));
  self->watch_entry_id = num (obj, "watch_entry_id");
  self->version = num (obj, "version");
  self->holder = g_strdup (str (obj, "department_name"));
  self->can_record_fulfilment = flag (obj, "can_record_fulfilment");
  if (self->watch_entry_id > 0)
    /* Translators: a broken commitment's note, then the watch-list entry it led to */
    self->detail = g_strdup_printf (_("%s (watch-list entry %lld proposed)"), note,
                                    (long long) self->watch_entry_id);
  else
    self->detail = g_strdup (note);
}

static void
read_list_entry (HcRecord   *self,
                 JsonObject *obj)
{
  HcListEntryState state;

  self->number = id_text (self->id);
  self->title = g_strdup (str (obj, "list_name"));
  self->department = g_strdup (str (obj, "department_name"));
  self->date = g_strdup (*str (obj, "decided_on") ? str (obj, "decided_on") : str (obj, "created_at"));
  self->until = g_strdup (str (obj, "published_until"));
  self->state_label = g_strdup (hc_list_entry_state_from_key (str (obj, "state"), &state)
                                ? hc_list_entry_state_label (state) : str (obj, "state"));
  self->detail = g_strdup (str (obj, "basis"));
}

static const char *
repair_state_label (const char *state)
{
  if (g_str_equal (state, "pending"))
    return C_("repair", "Pending");
  if (g_str_equal (state, "approved"))
    return C_("repair", "Approved");
  if (g_str_equal (state, "rejected"))
    return C_("repair", "Rejected");
  return state;
}

static void
read_repair (HcRecord   *self,
             JsonObject *obj)
{
  const char *state = repair_state_label (str (obj, "state"));

  self->number = id_text (self->id);
  if (g_str_equal (str (obj, "repair_kind"), "penalty"))
    /* Translators: a repair of a penalty, with the penalty's decision number */
    self->title = g_strdup_printf (_("Penalty %s"), str (obj, "penalty_decision_no"));
  else
    /* Translators: a repair of a list entry, with the entry's number */
    self->title = g_strdup_printf (_("List entry %lld"), (long long) num (obj, "entry_id"));
  self->department = g_strdup (str (obj, "decided_by"));
  self->date = g_strdup (str (obj, "applied_on"));
  self->until = g_strdup (str (obj, "deadline"));
  if (flag (obj, "overdue"))
    /* Translators: a repair's state, and that it passed its deadline */
    self->state_label = g_strdup_printf (_("%s, overdue"), state);
  else
    self->state_label = g_strdup (state);
  self->detail = g_strdup (str (obj, "reason"));
}

static void
read_match_hit (HcRecord   *self,
                JsonObject *obj)
{
  HcListClass list_class;

  self->number = id_text (num (obj, "run_id"));
  self->title = g_strdup (str (obj, "list_name"));
  self->department = g_strdup (str (obj, "actor"));
  self->date = g_strdup (str (obj, "at"));
  self->until = g_strdup ("");
  self->state_label = g_strdup (hc_list_class_from_key (str (obj, "list_class"), &list_class)
                                ? hc_list_class_label (list_class) : str (obj, "list_class"));
  self->detail = g_strdup (str (obj, "purpose"));
}

/* 双随机、一公开: an inspection that found the subject wanting. */
static void
read_inspection (HcRecord   *self,
                 JsonObject *obj)
{
  const char *result = str (obj, "result");

  self->number = id_text (self->id);
  self->title = g_strdup (str (obj, "plan_title"));
  self->department = g_strdup (str (obj, "department_name"));
  self->date = g_strdup (str (obj, "recorded_on"));
  self->until = g_strdup ("");
  if (g_str_equal (result, "fail"))
    self->state_label = g_strdup (_("Failed"));
  else if (g_str_equal (result, "rectify"))
    self->state_label = g_strdup (_("Rectification ordered"));
  else
    self->state_label = g_strdup (result);
  self->detail = g_strdup (str (obj, "note"));
}

/**
 * hc_record_new_from_json:
 * @obj: a record as GET /subjects/{identifier}/records or /publicity
 *   answers it
 *
 * Returns: (transfer full) (nullable): the record, or %NULL when @obj is
 *   of no kind the file knows
 */
HcRecord *
hc_record_new_from_json (JsonObject *obj)
{
  static const struct {
    const char *kind;
    void      (*read) (HcRecord *self, JsonObject *obj);
  } kinds[] = {
    { "penalty", read_penalty },
    { "license", read_license },
    { "commitment", read_commitment },
    { "list_entry", read_list_entry },
    { "repair", read_repair },
    { "match_hit", read_match_hit },
    { "inspection", read_inspection },
  };
  HcRecord *self;

  g_return_val_if_fail (obj != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (str (obj, "kind"), kinds[i].kind))
      {
        self = g_object_new (HC_TYPE_RECORD, NULL);
        self->kind = g_strdup (kinds[i].kind);
        self->id = num (obj, "id");
        self->subject_name = g_strdup (str (obj, "name"));
        self->identifier = g_strdup (str (obj, "identifier"));
        self->region_name = g_strdup (str (obj, "region_name"));
        self->department_id = num (obj, "department_id");
        kinds[i].read (self, obj);
        if (self->fulfilment == NULL)
          self->fulfilment = g_strdup ("");
        if (self->holder == NULL)
          self->holder = g_strdup ("");
        return self;
      }
  return NULL;
}

#define GETTER(field) \
  const char * \
  hc_record_get_##field (HcRecord *self) \
  { \
    g_return_val_if_fail (HC_IS_RECORD (self), NULL); \
    return self->field; \
  }

GETTER (kind)
GETTER (number)
GETTER (title)
GETTER (department)
GETTER (date)
GETTER (until)
GETTER (state_label)
GETTER (detail)
GETTER (subject_name)
GETTER (identifier)
GETTER (region_name)
GETTER (fulfilment)
GETTER (holder)

#define INT_GETTER(field) \
  gint64 \
  hc_record_get_##field (HcRecord *self) \
  { \
    g_return_val_if_fail (HC_IS_RECORD (self), 0); \
    return self->field; \
  }

INT_GETTER (id)
INT_GETTER (watch_entry_id)
INT_GETTER (department_id)
INT_GETTER (version)

/* Returns: whether the reader may record this commitment's fulfilment (its
 * holding department, or an administrator); %FALSE for other kinds */
gboolean
hc_record_get_can_record_fulfilment (HcRecord *self)
{
  g_return_val_if_fail (HC_IS_RECORD (self), FALSE);
  return self->can_record_fulfilment;
}
