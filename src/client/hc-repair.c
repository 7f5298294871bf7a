/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRepair: a 信用修复 case: what it repairs (a penalty record or a list entry),
 * the subject, the application and its legal deadline, the commitment and
 * evidence, and the decision. Immutable; made from the server's answer,
 * whose object it keeps, with the labels a view shows added to it. */
#define G_LOG_DOMAIN "hc-repair"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "hc-client-private.h"
#include "hc-core.h"
#include "hc-json-item-private.h"
#include "hc-repair.h"

struct _HcRepair
{
  GObject     parent_instance;

  JsonObject *obj;
  char       *etag;
};

G_DEFINE_FINAL_TYPE (HcRepair, hc_repair, G_TYPE_OBJECT)

static const HcJsonProp props[] = {
  { "id", "id", G_TYPE_INT64 },
  { "subject-identifier", "subject_identifier", G_TYPE_STRING },
  { "subject-name", "subject_name", G_TYPE_STRING },
  { "subject-type", "subject_type", G_TYPE_STRING },
  { "kind", "kind", G_TYPE_STRING },
  { "entry-id", "entry_id", G_TYPE_INT64 },
  { "penalty-id", "penalty_id", G_TYPE_INT64 },
  { "list-type", "list_type", G_TYPE_STRING },
  { "list-name", "list_name", G_TYPE_STRING },
  { "entry-state", "entry_state", G_TYPE_STRING },
  { "reason", "reason", G_TYPE_STRING },
  { "commitment", "commitment", G_TYPE_BOOLEAN },
  { "evidence", "evidence_text", G_TYPE_STRING },
  { "applied-on", "applied_on", G_TYPE_STRING },
  { "deadline", "deadline", G_TYPE_STRING },
  { "state", "state", G_TYPE_STRING },
  { "decided-on", "decided_on", G_TYPE_STRING },
  { "decided-by", "decided_by", G_TYPE_STRING },
  { "decision-comment", "decision_comment", G_TYPE_STRING },
  { "overdue", "overdue", G_TYPE_BOOLEAN },
  { "department-id", "department_id", G_TYPE_INT64 },
  { "department-name", "department_name", G_TYPE_STRING },
  { "version", "version", G_TYPE_INT64 },
  { "created-by", "created_by", G_TYPE_STRING },
  { "created-at", "created_at", G_TYPE_STRING },
  { "kind-label", "kind_label", G_TYPE_STRING },
  { "state-label", "state_label", G_TYPE_STRING },
  { "days-left", "days_left", G_TYPE_INT64 },
  { "days-left-label", "days_left_label", G_TYPE_STRING },
  { "deadline-rule", "deadline_rule", G_TYPE_STRING },
  { "deadline-days", "deadline_days", G_TYPE_INT64 },
  { "deadline-calendar", "deadline_calendar", G_TYPE_STRING },
  { "deadline-rule-label", "deadline_rule_label", G_TYPE_STRING }
};

static void
hc_repair_finalize (GObject *object)
{
  HcRepair *self = HC_REPAIR (object);

  g_clear_pointer (&self->obj, json_object_unref);
  g_clear_pointer (&self->etag, g_free);

  G_OBJECT_CLASS (hc_repair_parent_class)->finalize (object);
}

static void
hc_repair_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HcRepair *self = HC_REPAIR (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (props))
    _hc_json_props_get (self->obj, props, G_N_ELEMENTS (props), prop_id, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hc_repair_class_init (HcRepairClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_repair_finalize;
  object_class->get_property = hc_repair_get_property;
  _hc_json_props_install (object_class, props, G_N_ELEMENTS (props));
}

static void
hc_repair_init (HcRepair *self)
{
}

/* The rule a case's deadline was counted by, as the case keeps it: working
 * days of a holiday calendar, or calendar days and why. */
static char *
rule_label (JsonObject *obj)
{
  const char *rule = _hc_json_string_or_null (obj, "deadline_rule");
  const char *calendar = _hc_json_string_or_null (obj, "deadline_calendar");
  int days = (int) json_object_get_int_member_with_default (obj, "deadline_days", 0);

  if (rule == NULL || days <= 0)
    return g_strdup ("");
  if (g_str_equal (rule, "working_days"))
    /* TRANSLATORS: a deadline's rule: the number of working days and the holiday calendar's name */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day from the application, by the holiday calendar “%s”",
                                         "%d working days from the application, by the holiday calendar “%s”", days),
                            days, calendar ? calendar : "");
  if (calendar != NULL)
    /* TRANSLATORS: a deadline's rule: the number of calendar days and the holiday calendar's name */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d calendar day from the application: the holiday calendar “%s” does not cover the days counted",
                                         "%d calendar days from the application: the holiday calendar “%s” does not cover the days counted", days),
                            days, calendar);
  /* TRANSLATORS: a deadline's rule: the number of calendar days */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d calendar day from the application: no holiday calendar is loaded",
                                       "%d calendar days from the application: no holiday calendar is loaded", days),
                          days);
}

/* Days from today to the deadline (negative once passed), for a pending
 * case; what a decided one says instead. */
static void
add_labels (JsonObject *obj)
{
  const char *kind = _hc_json_string_or_null (obj, "kind");
  const char *state = _hc_json_string_or_null (obj, "state");
  const char *deadline = _hc_json_string_or_null (obj, "deadline");
  g_autoptr(GDateTime) now = hc_hainan_now ();   /* the server counts deadlines in Hainan's days */
  g_autofree char *days_label = NULL;
  g_autofree char *rule = rule_label (obj);
  GDate today, due;
  gint64 days = 0;

  json_object_set_string_member (obj, "kind_label", g_strcmp0 (kind, "penalty") == 0 ? _("Penalty record")
                                                    : g_strcmp0 (kind, "list_entry") == 0 ? _("List entry") : (kind ? kind : ""));
  json_object_set_string_member (obj, "state_label", g_strcmp0 (state, "pending") == 0 ? C_("repair", "Pending")
                                                     : g_strcmp0 (state, "approved") == 0 ? C_("repair", "Approved")
                                                     : g_strcmp0 (state, "rejected") == 0 ? C_("repair", "Rejected") : (state ? state : ""));
  g_date_clear (&today, 1);
  g_date_clear (&due, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
  {
    int y, m, d;

    if (deadline != NULL && sscanf (deadline, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
      g_date_set_dmy (&due, d, m, y);
  }
  if (g_strcmp0 (state, "pending") != 0)
    days_label = g_strdup (C_("repair", "Decided"));
  else if (!g_date_valid (&due))
    days_label = g_strdup ("—");
  else
    {
      days = g_date_days_between (&today, &due);
      if (days < 0)
        days_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", -days),
                                      (int) -days);
      else
        days_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days),
                                      (int) days);
    }
  json_object_set_int_member (obj, "days_left", days);
  {
    JsonNode *node = json_object_get_member (obj, "evidence");
    g_autoptr(GString) text = g_string_new (NULL);

    /* The evidence, one item a line. */
    for (guint i = 0; node != NULL && JSON_NODE_HOLDS_ARRAY (node) && i < json_array_get_length (json_node_get_array (node)); i++)
      {
        const char *item = json_array_get_string_element (json_node_get_array (node), i);

        if (item != NULL)
          g_string_append_printf (text, "%s%s", text->len ? "\n" : "", item);
      }
    json_object_set_string_member (obj, "evidence_text", text->str);
  }
  json_object_set_string_member (obj, "days_left_label", days_label);
  json_object_set_string_member (obj, "deadline_rule_label", rule);
}

/**
 * hc_repair_new_from_json:
 * @obj: the object as the server answers it
 *
 * Returns: (transfer full) (nullable): the item, or %NULL for an object
 *   without an id
 */
HcRepair *
hc_repair_new_from_json (JsonObject *obj, const char *etag)
{
  HcRepair *self;

  g_return_val_if_fail (obj != NULL, NULL);

  if (!_hc_json_has_id (obj, "id"))
    return NULL;
  self = g_object_new (HC_TYPE_REPAIR, NULL);
  self->obj = json_object_ref (obj);
  self->etag = g_strdup (etag);
  add_labels (self->obj);
  return self;
}

gint64
hc_repair_get_id (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), 0);
  return _hc_json_int (self->obj, "id");
}

const char *
hc_repair_get_subject_identifier (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "subject_identifier");
}

const char *
hc_repair_get_subject_name (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "subject_name");
}

const char *
hc_repair_get_subject_type (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "subject_type");
}

const char *
hc_repair_get_kind (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "kind");
}

gint64
hc_repair_get_entry_id (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), 0);
  return _hc_json_int (self->obj, "entry_id");
}

gint64
hc_repair_get_penalty_id (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), 0);
  return _hc_json_int (self->obj, "penalty_id");
}

const char *
hc_repair_get_list_type (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "list_type");
}

const char *
hc_repair_get_entry_state (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "entry_state");
}

const char *
hc_repair_get_reason (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "reason");
}

gboolean
hc_repair_get_commitment (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), FALSE);
  return _hc_json_bool (self->obj, "commitment");
}

const char *
hc_repair_get_evidence (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "evidence_text");
}

const char *
hc_repair_get_applied_on (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "applied_on");
}

const char *
hc_repair_get_deadline (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "deadline");
}


const char *
hc_repair_get_state (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "state");
}

const char *
hc_repair_get_decided_on (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "decided_on");
}

const char *
hc_repair_get_decided_by (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "decided_by");
}

const char *
hc_repair_get_decision_comment (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "decision_comment");
}

gboolean
hc_repair_get_overdue (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), FALSE);
  return _hc_json_bool (self->obj, "overdue");
}

gint64
hc_repair_get_department_id (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), 0);
  return _hc_json_int (self->obj, "department_id");
}

const char *
hc_repair_get_department_name (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "department_name");
}

gint64
hc_repair_get_version (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), 0);
  return _hc_json_int (self->obj, "version");
}

const char *
hc_repair_get_created_by (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "created_by");
}

const char *
hc_repair_get_created_at (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "created_at");
}

const char *
hc_repair_get_kind_label (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "kind_label");
}

const char *
hc_repair_get_state_label (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "state_label");
}

gint64
hc_repair_get_days_left (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), 0);
  return _hc_json_int (self->obj, "days_left");
}

const char *
hc_repair_get_days_left_label (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "days_left_label");
}

const char *
hc_repair_get_etag (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return self->etag;
}

const char *
hc_repair_get_list_name (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "list_name");
}

/* Returns: "working_days" or "calendar_days", the rule the deadline was
 *   counted by when the case was created */
const char *
hc_repair_get_deadline_rule (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "deadline_rule");
}

/* Returns: the rule, said for a person */
const char *
hc_repair_get_deadline_rule_label (HcRepair *self)
{
  g_return_val_if_fail (HC_IS_REPAIR (self), NULL);
  return _hc_json_string_or_null (self->obj, "deadline_rule_label");
}
