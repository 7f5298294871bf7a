/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keys and translated labels of the domain enums, and the list workflow. */
#define G_LOG_DOMAIN "hc-enums"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hc-enums.h"

typedef struct
{
  const char *key;
  const char *label;
} EnumInfo;

static gboolean
info_from_key (const EnumInfo *infos,
               guint           n,
               const char     *key,
               int            *out)
{
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (strcmp (infos[i].key, key) == 0)
      {
        if (out != NULL)
          *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

/* The three functions of each enum, all alike:
 *   const char *hc_NAME_to_key (Type v): its stable key (as the server and
 *     its JSON write it), %NULL if @v is out of range;
 *   gboolean hc_NAME_from_key (const char *key, Type *out): %TRUE if @key
 *     is known, the value in @out (optional);
 *   const char *hc_NAME_label (Type v): its translated label, %NULL if @v
 *     is out of range. */
#define HC_DEFINE_ENUM_KEYS(name, Type, N)                      \
  const char *                                                  \
  hc_##name##_to_key (Type v)                                   \
  {                                                             \
    g_return_val_if_fail ((guint) v < N, NULL);                 \
    return name##_info[v].key;                                  \
  }                                                             \
                                                                \
  gboolean                                                      \
  hc_##name##_from_key (const char *key,                        \
                        Type       *out)                        \
  {                                                             \
    int v;                                                      \
                                                                \
    if (!info_from_key (name##_info, N, key, &v))               \
      return FALSE;                                             \
    if (out != NULL)                                            \
      *out = (Type) v;                                          \
    return TRUE;                                                \
  }                                                             \
                                                                \
  const char *                                                  \
  hc_##name##_label (Type v)                                    \
  {                                                             \
    g_return_val_if_fail ((guint) v < N, NULL);                 \
    return _(name##_info[v].label);                             \
  }

static const EnumInfo subject_type_info[HC_SUBJECT_TYPE_N] = {
  { "legal_person", N_("Legal person") },
  { "unincorporated", N_("Unincorporated organization") },
  { "natural_person", N_("Natural person") },
};

HC_DEFINE_ENUM_KEYS (subject_type, HcSubjectType, HC_SUBJECT_TYPE_N)

static const EnumInfo disclosure_info[HC_DISCLOSURE_N] = {
  { "public", N_("Public") },
  { "conditional", N_("Conditionally shared") },
  { "restricted", N_("Not disclosed") },
};

HC_DEFINE_ENUM_KEYS (disclosure, HcDisclosure, HC_DISCLOSURE_N)

static const EnumInfo list_class_info[HC_LIST_CLASS_N] = {
  { "red", N_("Incentive list for trustworthiness") },
  { "black", N_("List of seriously dishonest subjects") },
  { "watch", N_("Watch list") },
};

HC_DEFINE_ENUM_KEYS (list_class, HcListClass, HC_LIST_CLASS_N)

static const EnumInfo list_entry_state_info[HC_LIST_ENTRY_STATE_N] = {
  { "proposed", N_("Proposed") },
  { "noticed", N_("Notified") },
  { "published", N_("Published") },
  { "objected", N_("Under objection") },
  { "repaired", N_("Credit repaired") },
  { "exited", N_("Removed") },
  { "expired", N_("Expired") },
};

HC_DEFINE_ENUM_KEYS (list_entry_state, HcListEntryState, HC_LIST_ENTRY_STATE_N)

static const EnumInfo list_action_info[HC_LIST_ACTION_N] = {
  { "notice", N_("Notify") },
  { "publish", N_("Publish") },
  { "object", N_("Raise objection") },
  { "uphold", N_("Uphold") },
  { "revoke", N_("Revoke") },
  { "repair", N_("Credit repair") },
  { "exit", N_("Remove from list") },
  { "expire", N_("Expire") },
};

HC_DEFINE_ENUM_KEYS (list_action, HcListAction, HC_LIST_ACTION_N)

static const EnumInfo indicator_kind_info[HC_INDICATOR_KIND_N] = {
  { "milestone", N_("Milestone") },
  { "ratio", N_("Ratio") },
  { "count", N_("Count") },
};

HC_DEFINE_ENUM_KEYS (indicator_kind, HcIndicatorKind, HC_INDICATOR_KIND_N)

static const EnumInfo indicator_attribute_info[HC_INDICATOR_ATTRIBUTE_N] = {
  { "binding", N_("Binding") },
  { "expected", N_("Expected") },
};

HC_DEFINE_ENUM_KEYS (indicator_attribute, HcIndicatorAttribute, HC_INDICATOR_ATTRIBUTE_N)

static const EnumInfo indicator_status_info[HC_INDICATOR_STATUS_N] = {
  { "met", N_("Met") },
  { "unmet", N_("Not met") },
  { "warning", N_("Warning") },
  { "pending", N_("Pending review") },
  { "no_data", N_("No data") },
};

HC_DEFINE_ENUM_KEYS (indicator_status, HcIndicatorStatus, HC_INDICATOR_STATUS_N)

static const EnumInfo review_state_info[HC_REVIEW_STATE_N] = {
  { "draft", N_("Draft") },
  { "submitted", N_("Submitted") },
  { "approved", N_("Approved") },
  { "returned", N_("Returned") },
};

HC_DEFINE_ENUM_KEYS (review_state, HcReviewState, HC_REVIEW_STATE_N)

static const EnumInfo aggregation_info[HC_AGGREGATION_N] = {
  { "none", N_("Latest year value") },
  { "yearly_average", N_("Yearly average") },
  { "cumulative", N_("Cumulative") },
  { "per_year", N_("Every year") },
  { "relative_to_baseline", N_("Change from baseline") },
};

HC_DEFINE_ENUM_KEYS (aggregation, HcAggregation, HC_AGGREGATION_N)

static const EnumInfo risk_category_info[HC_RISK_CATEGORY_N] = {
  { "smuggling", N_("Smuggling") },
  { "finance", N_("Finance") },
  { "food_drug", N_("Food and drugs") },
  { "environment", N_("Ecological environment") },
  { "public_health", N_("Public health") },
  { "construction", N_("Construction quality") },
  { "tourism", N_("Tourism market") },
  { "work_safety", N_("Work safety") },
};

HC_DEFINE_ENUM_KEYS (risk_category, HcRiskCategory, HC_RISK_CATEGORY_N)

static const EnumInfo role_info[HC_ROLE_N] = {
  { "analyst", N_("Analyst") },
  { "supervisor", N_("Supervisor") },
  { "admin", N_("Administrator") },
};

HC_DEFINE_ENUM_KEYS (role, HcRole, HC_ROLE_N)

static const EnumInfo catalog_category_info[HC_CATALOG_CATEGORY_N] = {
  { "registration", N_("Basic registration information") },
  { "license", N_("Administrative licensing") },
  { "penalty", N_("Administrative penalty") },
  { "judicial", N_("Judgments and enforcement") },
  { "serious_dishonesty", N_("Seriously dishonest subjects") },
  { "abnormal_operation", N_("Abnormal operation list") },
  { "commitment", N_("Credit commitments and fulfilment") },
  { "evaluation", N_("Credit evaluation results") },
  { "tax", N_("Tax payment") },
  { "social_insurance", N_("Social insurance") },
  { "housing_fund", N_("Housing provident fund") },
  { "other", N_("Other") },
};

HC_DEFINE_ENUM_KEYS (catalog_category, HcCatalogCategory, HC_CATALOG_CATEGORY_N)

static const EnumInfo catalog_scope_info[HC_CATALOG_SCOPE_N] = {
  { "basic", N_("Base catalog") },
  { "supplementary", N_("Supplementary catalog") },
};

HC_DEFINE_ENUM_KEYS (catalog_scope, HcCatalogScope, HC_CATALOG_SCOPE_N)

static const EnumInfo update_frequency_info[HC_UPDATE_FREQUENCY_N] = {
  { "realtime", N_("Real time") },
  { "daily", N_("Daily") },
  { "weekly", N_("Weekly") },
  { "monthly", N_("Monthly") },
  { "quarterly", N_("Quarterly") },
  { "yearly", N_("Yearly") },
};

HC_DEFINE_ENUM_KEYS (update_frequency, HcUpdateFrequency, HC_UPDATE_FREQUENCY_N)

typedef struct
{
  HcListEntryState from;
  HcListAction     action;
  HcListEntryState to;
} Transition;

static const Transition transitions[] = {
  { HC_LIST_ENTRY_STATE_PROPOSED,  HC_LIST_ACTION_NOTICE,  HC_LIST_ENTRY_STATE_NOTICED },
  { HC_LIST_ENTRY_STATE_NOTICED,   HC_LIST_ACTION_PUBLISH, HC_LIST_ENTRY_STATE_PUBLISHED },
  { HC_LIST_ENTRY_STATE_NOTICED,   HC_LIST_ACTION_OBJECT,  HC_LIST_ENTRY_STATE_OBJECTED },
  { HC_LIST_ENTRY_STATE_PUBLISHED, HC_LIST_ACTION_OBJECT,  HC_LIST_ENTRY_STATE_OBJECTED },
  { HC_LIST_ENTRY_STATE_OBJECTED,  HC_LIST_ACTION_UPHOLD,  HC_LIST_ENTRY_STATE_PUBLISHED },
  { HC_LIST_ENTRY_STATE_OBJECTED,  HC_LIST_ACTION_REVOKE,  HC_LIST_ENTRY_STATE_EXITED },
  { HC_LIST_ENTRY_STATE_PUBLISHED, HC_LIST_ACTION_REPAIR,  HC_LIST_ENTRY_STATE_REPAIRED },
  { HC_LIST_ENTRY_STATE_PUBLISHED, HC_LIST_ACTION_EXIT,    HC_LIST_ENTRY_STATE_EXITED },
  { HC_LIST_ENTRY_STATE_REPAIRED,  HC_LIST_ACTION_EXIT,    HC_LIST_ENTRY_STATE_EXITED },
  { HC_LIST_ENTRY_STATE_PUBLISHED, HC_LIST_ACTION_EXPIRE,  HC_LIST_ENTRY_STATE_EXPIRED },
  { HC_LIST_ENTRY_STATE_REPAIRED,  HC_LIST_ACTION_EXPIRE,  HC_LIST_ENTRY_STATE_EXPIRED },
};

gboolean
hc_list_action_apply (HcListEntryState  from,
                      HcListAction      action,
                      HcListEntryState *to)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (transitions[i].from == from && transitions[i].action == action)
      {
        if (to != NULL)
          *to = transitions[i].to;
        return TRUE;
      }
  return FALSE;
}

const char *
hc_list_action_required_role (HcListAction action,
                              HcListClass  list_class)
{
  g_return_val_if_fail ((guint) action < HC_LIST_ACTION_N, NULL);
  g_return_val_if_fail ((guint) list_class < HC_LIST_CLASS_N, NULL);

  switch (action)
    {
    case HC_LIST_ACTION_PUBLISH:
      return hc_role_to_key (list_class == HC_LIST_CLASS_RED ? HC_ROLE_ANALYST : HC_ROLE_SUPERVISOR);
    case HC_LIST_ACTION_NOTICE:
    case HC_LIST_ACTION_OBJECT:
      return hc_role_to_key (HC_ROLE_ANALYST);
    case HC_LIST_ACTION_UPHOLD:
    case HC_LIST_ACTION_REVOKE:
    case HC_LIST_ACTION_REPAIR:
    case HC_LIST_ACTION_EXIT:
    case HC_LIST_ACTION_EXPIRE:
    default:
      return hc_role_to_key (HC_ROLE_SUPERVISOR);
    }
}

gboolean
hc_role_at_least (HcRole have,
                  HcRole need)
{
  g_return_val_if_fail ((guint) have < HC_ROLE_N, FALSE);
  g_return_val_if_fail ((guint) need < HC_ROLE_N, FALSE);
  return have >= need;
}
