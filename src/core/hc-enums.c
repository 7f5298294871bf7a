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

static const EnumInfo subject_type_info[HC_SUBJECT_TYPE_N] = {
  { "legal_person", N_("Legal person") },
  { "unincorporated", N_("Unincorporated organization") },
  { "natural_person", N_("Natural person") },
};

/**
 * hc_subject_type_to_key:
 * @v: a #HcSubjectType
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_subject_type_to_key (HcSubjectType v)
{
  g_return_val_if_fail ((guint) v < HC_SUBJECT_TYPE_N, NULL);
  return subject_type_info[v].key;
}

/**
 * hc_subject_type_from_key:
 * @key: a key such as "legal_person"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_subject_type_from_key (const char    *key,
                          HcSubjectType *out)
{
  int v;

  if (!info_from_key (subject_type_info, HC_SUBJECT_TYPE_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcSubjectType) v;
  return TRUE;
}

/**
 * hc_subject_type_label:
 * @v: a #HcSubjectType
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_subject_type_label (HcSubjectType v)
{
  g_return_val_if_fail ((guint) v < HC_SUBJECT_TYPE_N, NULL);
  return _(subject_type_info[v].label);
}

static const EnumInfo disclosure_info[HC_DISCLOSURE_N] = {
  { "public", N_("Public") },
  { "conditional", N_("Conditionally shared") },
  { "restricted", N_("Not disclosed") },
};

/**
 * hc_disclosure_to_key:
 * @v: a #HcDisclosure
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_disclosure_to_key (HcDisclosure v)
{
  g_return_val_if_fail ((guint) v < HC_DISCLOSURE_N, NULL);
  return disclosure_info[v].key;
}

/**
 * hc_disclosure_from_key:
 * @key: a key such as "public"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_disclosure_from_key (const char   *key,
                        HcDisclosure *out)
{
  int v;

  if (!info_from_key (disclosure_info, HC_DISCLOSURE_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcDisclosure) v;
  return TRUE;
}

/**
 * hc_disclosure_label:
 * @v: a #HcDisclosure
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_disclosure_label (HcDisclosure v)
{
  g_return_val_if_fail ((guint) v < HC_DISCLOSURE_N, NULL);
  return _(disclosure_info[v].label);
}

static const EnumInfo list_class_info[HC_LIST_CLASS_N] = {
  { "red", N_("Incentive list for trustworthiness") },
  { "black", N_("List of seriously dishonest subjects") },
  { "watch", N_("Watch list") },
};

/**
 * hc_list_class_to_key:
 * @v: a #HcListClass
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_list_class_to_key (HcListClass v)
{
  g_return_val_if_fail ((guint) v < HC_LIST_CLASS_N, NULL);
  return list_class_info[v].key;
}

/**
 * hc_list_class_from_key:
 * @key: a key such as "red"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_list_class_from_key (const char  *key,
                        HcListClass *out)
{
  int v;

  if (!info_from_key (list_class_info, HC_LIST_CLASS_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcListClass) v;
  return TRUE;
}

/**
 * hc_list_class_label:
 * @v: a #HcListClass
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_list_class_label (HcListClass v)
{
  g_return_val_if_fail ((guint) v < HC_LIST_CLASS_N, NULL);
  return _(list_class_info[v].label);
}

static const EnumInfo list_entry_state_info[HC_LIST_ENTRY_STATE_N] = {
  { "proposed", N_("Proposed") },
  { "noticed", N_("Notified") },
  { "published", N_("Published") },
  { "objected", N_("Under objection") },
  { "repaired", N_("Credit repaired") },
  { "exited", N_("Removed") },
  { "expired", N_("Expired") },
};

/**
 * hc_list_entry_state_to_key:
 * @v: a #HcListEntryState
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_list_entry_state_to_key (HcListEntryState v)
{
  g_return_val_if_fail ((guint) v < HC_LIST_ENTRY_STATE_N, NULL);
  return list_entry_state_info[v].key;
}

/**
 * hc_list_entry_state_from_key:
 * @key: a key such as "proposed"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_list_entry_state_from_key (const char       *key,
                              HcListEntryState *out)
{
  int v;

  if (!info_from_key (list_entry_state_info, HC_LIST_ENTRY_STATE_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcListEntryState) v;
  return TRUE;
}

/**
 * hc_list_entry_state_label:
 * @v: a #HcListEntryState
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_list_entry_state_label (HcListEntryState v)
{
  g_return_val_if_fail ((guint) v < HC_LIST_ENTRY_STATE_N, NULL);
  return _(list_entry_state_info[v].label);
}

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

/**
 * hc_list_action_to_key:
 * @v: a #HcListAction
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_list_action_to_key (HcListAction v)
{
  g_return_val_if_fail ((guint) v < HC_LIST_ACTION_N, NULL);
  return list_action_info[v].key;
}

/**
 * hc_list_action_from_key:
 * @key: a key such as "notice"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_list_action_from_key (const char   *key,
                         HcListAction *out)
{
  int v;

  if (!info_from_key (list_action_info, HC_LIST_ACTION_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcListAction) v;
  return TRUE;
}

/**
 * hc_list_action_label:
 * @v: a #HcListAction
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_list_action_label (HcListAction v)
{
  g_return_val_if_fail ((guint) v < HC_LIST_ACTION_N, NULL);
  return _(list_action_info[v].label);
}

static const EnumInfo indicator_kind_info[HC_INDICATOR_KIND_N] = {
  { "milestone", N_("Milestone") },
  { "ratio", N_("Ratio") },
  { "count", N_("Count") },
};

/**
 * hc_indicator_kind_to_key:
 * @v: a #HcIndicatorKind
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_indicator_kind_to_key (HcIndicatorKind v)
{
  g_return_val_if_fail ((guint) v < HC_INDICATOR_KIND_N, NULL);
  return indicator_kind_info[v].key;
}

/**
 * hc_indicator_kind_from_key:
 * @key: a key such as "milestone"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_indicator_kind_from_key (const char      *key,
                            HcIndicatorKind *out)
{
  int v;

  if (!info_from_key (indicator_kind_info, HC_INDICATOR_KIND_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcIndicatorKind) v;
  return TRUE;
}

/**
 * hc_indicator_kind_label:
 * @v: a #HcIndicatorKind
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_indicator_kind_label (HcIndicatorKind v)
{
  g_return_val_if_fail ((guint) v < HC_INDICATOR_KIND_N, NULL);
  return _(indicator_kind_info[v].label);
}

static const EnumInfo indicator_attribute_info[HC_INDICATOR_ATTRIBUTE_N] = {
  { "binding", N_("Binding") },
  { "expected", N_("Expected") },
};

/**
 * hc_indicator_attribute_to_key:
 * @v: a #HcIndicatorAttribute
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_indicator_attribute_to_key (HcIndicatorAttribute v)
{
  g_return_val_if_fail ((guint) v < HC_INDICATOR_ATTRIBUTE_N, NULL);
  return indicator_attribute_info[v].key;
}

/**
 * hc_indicator_attribute_from_key:
 * @key: a key such as "binding"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_indicator_attribute_from_key (const char           *key,
                                 HcIndicatorAttribute *out)
{
  int v;

  if (!info_from_key (indicator_attribute_info, HC_INDICATOR_ATTRIBUTE_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcIndicatorAttribute) v;
  return TRUE;
}

/**
 * hc_indicator_attribute_label:
 * @v: a #HcIndicatorAttribute
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_indicator_attribute_label (HcIndicatorAttribute v)
{
  g_return_val_if_fail ((guint) v < HC_INDICATOR_ATTRIBUTE_N, NULL);
  return _(indicator_attribute_info[v].label);
}

static const EnumInfo indicator_status_info[HC_INDICATOR_STATUS_N] = {
  { "met", N_("Met") },
  { "unmet", N_("Not met") },
  { "warning", N_("Warning") },
  { "pending", N_("Pending review") },
  { "no_data", N_("No data") },
};

/**
 * hc_indicator_status_to_key:
 * @v: a #HcIndicatorStatus
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_indicator_status_to_key (HcIndicatorStatus v)
{
  g_return_val_if_fail ((guint) v < HC_INDICATOR_STATUS_N, NULL);
  return indicator_status_info[v].key;
}

/**
 * hc_indicator_status_from_key:
 * @key: a key such as "met"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_indicator_status_from_key (const char        *key,
                              HcIndicatorStatus *out)
{
  int v;

  if (!info_from_key (indicator_status_info, HC_INDICATOR_STATUS_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcIndicatorStatus) v;
  return TRUE;
}

/**
 * hc_indicator_status_label:
 * @v: a #HcIndicatorStatus
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_indicator_status_label (HcIndicatorStatus v)
{
  g_return_val_if_fail ((guint) v < HC_INDICATOR_STATUS_N, NULL);
  return _(indicator_status_info[v].label);
}

static const EnumInfo review_state_info[HC_REVIEW_STATE_N] = {
  { "draft", N_("Draft") },
  { "submitted", N_("Submitted") },
  { "approved", N_("Approved") },
  { "returned", N_("Returned") },
};

/**
 * hc_review_state_to_key:
 * @v: a #HcReviewState
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_review_state_to_key (HcReviewState v)
{
  g_return_val_if_fail ((guint) v < HC_REVIEW_STATE_N, NULL);
  return review_state_info[v].key;
}

/**
 * hc_review_state_from_key:
 * @key: a key such as "draft"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_review_state_from_key (const char    *key,
                          HcReviewState *out)
{
  int v;

  if (!info_from_key (review_state_info, HC_REVIEW_STATE_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcReviewState) v;
  return TRUE;
}

/**
 * hc_review_state_label:
 * @v: a #HcReviewState
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_review_state_label (HcReviewState v)
{
  g_return_val_if_fail ((guint) v < HC_REVIEW_STATE_N, NULL);
  return _(review_state_info[v].label);
}

static const EnumInfo aggregation_info[HC_AGGREGATION_N] = {
  { "none", N_("Latest year value") },
  { "yearly_average", N_("Yearly average") },
  { "cumulative", N_("Cumulative") },
  { "per_year", N_("Every year") },
  { "relative_to_baseline", N_("Change from baseline") },
};

/**
 * hc_aggregation_to_key:
 * @v: a #HcAggregation
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_aggregation_to_key (HcAggregation v)
{
  g_return_val_if_fail ((guint) v < HC_AGGREGATION_N, NULL);
  return aggregation_info[v].key;
}

/**
 * hc_aggregation_from_key:
 * @key: a key such as "none"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_aggregation_from_key (const char    *key,
                         HcAggregation *out)
{
  int v;

  if (!info_from_key (aggregation_info, HC_AGGREGATION_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcAggregation) v;
  return TRUE;
}

/**
 * hc_aggregation_label:
 * @v: a #HcAggregation
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_aggregation_label (HcAggregation v)
{
  g_return_val_if_fail ((guint) v < HC_AGGREGATION_N, NULL);
  return _(aggregation_info[v].label);
}

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

/**
 * hc_risk_category_to_key:
 * @v: a #HcRiskCategory
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_risk_category_to_key (HcRiskCategory v)
{
  g_return_val_if_fail ((guint) v < HC_RISK_CATEGORY_N, NULL);
  return risk_category_info[v].key;
}

/**
 * hc_risk_category_from_key:
 * @key: a key such as "smuggling"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_risk_category_from_key (const char     *key,
                           HcRiskCategory *out)
{
  int v;

  if (!info_from_key (risk_category_info, HC_RISK_CATEGORY_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcRiskCategory) v;
  return TRUE;
}

/**
 * hc_risk_category_label:
 * @v: a #HcRiskCategory
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_risk_category_label (HcRiskCategory v)
{
  g_return_val_if_fail ((guint) v < HC_RISK_CATEGORY_N, NULL);
  return _(risk_category_info[v].label);
}

static const EnumInfo role_info[HC_ROLE_N] = {
  { "analyst", N_("Analyst") },
  { "supervisor", N_("Supervisor") },
  { "admin", N_("Administrator") },
};

/**
 * hc_role_to_key:
 * @v: a #HcRole
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_role_to_key (HcRole v)
{
  g_return_val_if_fail ((guint) v < HC_ROLE_N, NULL);
  return role_info[v].key;
}

/**
 * hc_role_from_key:
 * @key: a key such as "analyst"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_role_from_key (const char *key,
                  HcRole     *out)
{
  int v;

  if (!info_from_key (role_info, HC_ROLE_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcRole) v;
  return TRUE;
}

/**
 * hc_role_label:
 * @v: a #HcRole
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_role_label (HcRole v)
{
  g_return_val_if_fail ((guint) v < HC_ROLE_N, NULL);
  return _(role_info[v].label);
}

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

/**
 * hc_catalog_category_to_key:
 * @v: a #HcCatalogCategory
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_catalog_category_to_key (HcCatalogCategory v)
{
  g_return_val_if_fail ((guint) v < HC_CATALOG_CATEGORY_N, NULL);
  return catalog_category_info[v].key;
}

/**
 * hc_catalog_category_from_key:
 * @key: a key such as "registration"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_catalog_category_from_key (const char        *key,
                              HcCatalogCategory *out)
{
  int v;

  if (!info_from_key (catalog_category_info, HC_CATALOG_CATEGORY_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcCatalogCategory) v;
  return TRUE;
}

/**
 * hc_catalog_category_label:
 * @v: a #HcCatalogCategory
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_catalog_category_label (HcCatalogCategory v)
{
  g_return_val_if_fail ((guint) v < HC_CATALOG_CATEGORY_N, NULL);
  return _(catalog_category_info[v].label);
}

static const EnumInfo catalog_scope_info[HC_CATALOG_SCOPE_N] = {
  { "basic", N_("Base catalog") },
  { "supplementary", N_("Supplementary catalog") },
};

/**
 * hc_catalog_scope_to_key:
 * @v: a #HcCatalogScope
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_catalog_scope_to_key (HcCatalogScope v)
{
  g_return_val_if_fail ((guint) v < HC_CATALOG_SCOPE_N, NULL);
  return catalog_scope_info[v].key;
}

/**
 * hc_catalog_scope_from_key:
 * @key: a key such as "basic"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_catalog_scope_from_key (const char *key,
                              HcCatalogScope *out)
{
  int v;

  if (!info_from_key (catalog_scope_info, HC_CATALOG_SCOPE_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcCatalogScope) v;
  return TRUE;
}

/**
 * hc_catalog_scope_label:
 * @v: a #HcCatalogScope
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_catalog_scope_label (HcCatalogScope v)
{
  g_return_val_if_fail ((guint) v < HC_CATALOG_SCOPE_N, NULL);
  return _(catalog_scope_info[v].label);
}

static const EnumInfo update_frequency_info[HC_UPDATE_FREQUENCY_N] = {
  { "realtime", N_("Real time") },
  { "daily", N_("Daily") },
  { "weekly", N_("Weekly") },
  { "monthly", N_("Monthly") },
  { "quarterly", N_("Quarterly") },
  { "yearly", N_("Yearly") },
};

/**
 * hc_update_frequency_to_key:
 * @v: a #HcUpdateFrequency
 *
 * Returns: (nullable): its stable key, %NULL if @v is out of range
 */
const char *
hc_update_frequency_to_key (HcUpdateFrequency v)
{
  g_return_val_if_fail ((guint) v < HC_UPDATE_FREQUENCY_N, NULL);
  return update_frequency_info[v].key;
}

/**
 * hc_update_frequency_from_key:
 * @key: a key such as "monthly"
 * @out: (out) (optional): the value
 *
 * Returns: %TRUE if @key is known
 */
gboolean
hc_update_frequency_from_key (const char *key,
                                 HcUpdateFrequency *out)
{
  int v;

  if (!info_from_key (update_frequency_info, HC_UPDATE_FREQUENCY_N, key, &v))
    return FALSE;
  if (out != NULL)
    *out = (HcUpdateFrequency) v;
  return TRUE;
}

/**
 * hc_update_frequency_label:
 * @v: a #HcUpdateFrequency
 *
 * Returns: (nullable): its translated label, %NULL if @v is out of range
 */
const char *
hc_update_frequency_label (HcUpdateFrequency v)
{
  g_return_val_if_fail ((guint) v < HC_UPDATE_FREQUENCY_N, NULL);
  return _(update_frequency_info[v].label);
}

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
