/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Domain enums with stable string keys (for JSON) and translated labels. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * For every enum HcE below there are:
 *   const char *hc_e_to_key   (HcE v);            stable ASCII key, %NULL if out of range
 *   gboolean    hc_e_from_key (const char *key, HcE *out);  %FALSE for unknown keys
 *   const char *hc_e_label    (HcE v);            translated label for display
 * and HC_E_N, the number of values, to iterate from 0.
 */

/**
 * HcSubjectType:
 * @HC_SUBJECT_TYPE_LEGAL_PERSON: "legal_person", 法人
 * @HC_SUBJECT_TYPE_UNINCORPORATED: "unincorporated", 非法人组织
 * @HC_SUBJECT_TYPE_NATURAL_PERSON: "natural_person", 自然人
 *
 * Kind of market subject.
 */
typedef enum
{
  HC_SUBJECT_TYPE_LEGAL_PERSON,
  HC_SUBJECT_TYPE_UNINCORPORATED,
  HC_SUBJECT_TYPE_NATURAL_PERSON,
} HcSubjectType;
#define HC_SUBJECT_TYPE_N 3

const char *hc_subject_type_to_key   (HcSubjectType v);
gboolean    hc_subject_type_from_key (const char    *key,
                                      HcSubjectType *out);
const char *hc_subject_type_label    (HcSubjectType v);

/**
 * HcDisclosure:
 * @HC_DISCLOSURE_PUBLIC: "public", 公开
 * @HC_DISCLOSURE_CONDITIONAL: "conditional", 有条件共享
 * @HC_DISCLOSURE_RESTRICTED: "restricted", 不予公开
 *
 * How widely a catalog item may be disclosed.
 */
typedef enum
{
  HC_DISCLOSURE_PUBLIC,
  HC_DISCLOSURE_CONDITIONAL,
  HC_DISCLOSURE_RESTRICTED,
} HcDisclosure;
#define HC_DISCLOSURE_N 3

const char *hc_disclosure_to_key   (HcDisclosure v);
gboolean    hc_disclosure_from_key (const char   *key,
                                    HcDisclosure *out);
const char *hc_disclosure_label    (HcDisclosure v);

/**
 * HcListClass:
 * @HC_LIST_CLASS_RED: "red", 守信激励名单
 * @HC_LIST_CLASS_BLACK: "black", 严重失信主体名单
 * @HC_LIST_CLASS_WATCH: "watch", 重点关注名单
 *
 * Which credit list an entry belongs to.
 */
typedef enum
{
  HC_LIST_CLASS_RED,
  HC_LIST_CLASS_BLACK,
  HC_LIST_CLASS_WATCH,
} HcListClass;
#define HC_LIST_CLASS_N 3

const char *hc_list_class_to_key   (HcListClass v);
gboolean    hc_list_class_from_key (const char  *key,
                                    HcListClass *out);
const char *hc_list_class_label    (HcListClass v);

/**
 * HcListEntryState:
 * @HC_LIST_ENTRY_STATE_PROPOSED: "proposed", 拟列入
 * @HC_LIST_ENTRY_STATE_NOTICED: "noticed", 已告知
 * @HC_LIST_ENTRY_STATE_PUBLISHED: "published", 已公示
 * @HC_LIST_ENTRY_STATE_OBJECTED: "objected", 异议中
 * @HC_LIST_ENTRY_STATE_REPAIRED: "repaired", 已修复
 * @HC_LIST_ENTRY_STATE_EXITED: "exited", 已退出
 * @HC_LIST_ENTRY_STATE_EXPIRED: "expired", 已到期
 *
 * Where a list entry stands; see hc_list_action_apply().
 */
typedef enum
{
  HC_LIST_ENTRY_STATE_PROPOSED,
  HC_LIST_ENTRY_STATE_NOTICED,
  HC_LIST_ENTRY_STATE_PUBLISHED,
  HC_LIST_ENTRY_STATE_OBJECTED,
  HC_LIST_ENTRY_STATE_REPAIRED,
  HC_LIST_ENTRY_STATE_EXITED,
  HC_LIST_ENTRY_STATE_EXPIRED,
} HcListEntryState;
#define HC_LIST_ENTRY_STATE_N 7

const char *hc_list_entry_state_to_key   (HcListEntryState v);
gboolean    hc_list_entry_state_from_key (const char       *key,
                                          HcListEntryState *out);
const char *hc_list_entry_state_label    (HcListEntryState v);

/**
 * HcListAction:
 * @HC_LIST_ACTION_NOTICE: "notice", 告知
 * @HC_LIST_ACTION_PUBLISH: "publish", 公示
 * @HC_LIST_ACTION_OBJECT: "object", 提出异议
 * @HC_LIST_ACTION_UPHOLD: "uphold", 维持
 * @HC_LIST_ACTION_REVOKE: "revoke", 撤销
 * @HC_LIST_ACTION_REPAIR: "repair", 信用修复
 * @HC_LIST_ACTION_EXIT: "exit", 移出
 * @HC_LIST_ACTION_EXPIRE: "expire", 到期
 *
 * A step of the list workflow; see hc_list_action_apply().
 */
typedef enum
{
  HC_LIST_ACTION_NOTICE,
  HC_LIST_ACTION_PUBLISH,
  HC_LIST_ACTION_OBJECT,
  HC_LIST_ACTION_UPHOLD,
  HC_LIST_ACTION_REVOKE,
  HC_LIST_ACTION_REPAIR,
  HC_LIST_ACTION_EXIT,
  HC_LIST_ACTION_EXPIRE,
} HcListAction;
#define HC_LIST_ACTION_N 8

const char *hc_list_action_to_key   (HcListAction v);
gboolean    hc_list_action_from_key (const char   *key,
                                     HcListAction *out);
const char *hc_list_action_label    (HcListAction v);

/**
 * HcIndicatorKind:
 * @HC_INDICATOR_KIND_MILESTONE: "milestone", 里程碑
 * @HC_INDICATOR_KIND_RATIO: "ratio", 比率
 * @HC_INDICATOR_KIND_COUNT: "count", 数量
 *
 * How an indicator is measured.
 */
typedef enum
{
  HC_INDICATOR_KIND_MILESTONE,
  HC_INDICATOR_KIND_RATIO,
  HC_INDICATOR_KIND_COUNT,
} HcIndicatorKind;
#define HC_INDICATOR_KIND_N 3

const char *hc_indicator_kind_to_key   (HcIndicatorKind v);
gboolean    hc_indicator_kind_from_key (const char      *key,
                                        HcIndicatorKind *out);
const char *hc_indicator_kind_label    (HcIndicatorKind v);

/**
 * HcIndicatorAttribute:
 * @HC_INDICATOR_ATTRIBUTE_BINDING: "binding", 约束性
 * @HC_INDICATOR_ATTRIBUTE_EXPECTED: "expected", 预期性
 *
 * Binding force of an indicator.
 */
typedef enum
{
  HC_INDICATOR_ATTRIBUTE_BINDING,
  HC_INDICATOR_ATTRIBUTE_EXPECTED,
} HcIndicatorAttribute;
#define HC_INDICATOR_ATTRIBUTE_N 2

const char *hc_indicator_attribute_to_key   (HcIndicatorAttribute v);
gboolean    hc_indicator_attribute_from_key (const char           *key,
                                             HcIndicatorAttribute *out);
const char *hc_indicator_attribute_label    (HcIndicatorAttribute v);

/**
 * HcIndicatorStatus:
 * @HC_INDICATOR_STATUS_MET: "met", 达标
 * @HC_INDICATOR_STATUS_UNMET: "unmet", 未达标
 * @HC_INDICATOR_STATUS_WARNING: "warning", 预警
 * @HC_INDICATOR_STATUS_PENDING: "pending", 待审核
 * @HC_INDICATOR_STATUS_NO_DATA: "no_data", 无数据
 *
 * Result of hc_indicator_evaluate().
 */
typedef enum
{
  HC_INDICATOR_STATUS_MET,
  HC_INDICATOR_STATUS_UNMET,
  HC_INDICATOR_STATUS_WARNING,
  HC_INDICATOR_STATUS_PENDING,
  HC_INDICATOR_STATUS_NO_DATA,
} HcIndicatorStatus;
#define HC_INDICATOR_STATUS_N 5

const char *hc_indicator_status_to_key   (HcIndicatorStatus v);
gboolean    hc_indicator_status_from_key (const char        *key,
                                          HcIndicatorStatus *out);
const char *hc_indicator_status_label    (HcIndicatorStatus v);

/**
 * HcReviewState:
 * @HC_REVIEW_STATE_DRAFT: "draft", 草稿
 * @HC_REVIEW_STATE_SUBMITTED: "submitted", 待审核
 * @HC_REVIEW_STATE_APPROVED: "approved", 已通过
 * @HC_REVIEW_STATE_RETURNED: "returned", 已退回
 *
 * Review state of a reported value.
 */
typedef enum
{
  HC_REVIEW_STATE_DRAFT,
  HC_REVIEW_STATE_SUBMITTED,
  HC_REVIEW_STATE_APPROVED,
  HC_REVIEW_STATE_RETURNED,
} HcReviewState;
#define HC_REVIEW_STATE_N 4

const char *hc_review_state_to_key   (HcReviewState v);
gboolean    hc_review_state_from_key (const char    *key,
                                      HcReviewState *out);
const char *hc_review_state_label    (HcReviewState v);

/**
 * HcAggregation:
 * @HC_AGGREGATION_NONE: "none", 当年值
 * @HC_AGGREGATION_YEARLY_AVERAGE: "yearly_average", 年均值
 * @HC_AGGREGATION_CUMULATIVE: "cumulative", 累计
 * @HC_AGGREGATION_PER_YEAR: "per_year", 逐年
 * @HC_AGGREGATION_RELATIVE_TO_BASELINE: "relative_to_baseline", 较基期变化
 *
 * How yearly values of an indicator are combined; see hc_indicator_evaluate().
 */
typedef enum
{
  HC_AGGREGATION_NONE,
  HC_AGGREGATION_YEARLY_AVERAGE,
  HC_AGGREGATION_CUMULATIVE,
  HC_AGGREGATION_PER_YEAR,
  HC_AGGREGATION_RELATIVE_TO_BASELINE,
} HcAggregation;
#define HC_AGGREGATION_N 5

const char *hc_aggregation_to_key   (HcAggregation v);
gboolean    hc_aggregation_from_key (const char    *key,
                                     HcAggregation *out);
const char *hc_aggregation_label    (HcAggregation v);

/**
 * HcRiskCategory:
 * @HC_RISK_CATEGORY_SMUGGLING: "smuggling", 走私
 * @HC_RISK_CATEGORY_FINANCE: "finance", 金融
 * @HC_RISK_CATEGORY_FOOD_DRUG: "food_drug", 食品药品
 * @HC_RISK_CATEGORY_ENVIRONMENT: "environment", 生态环境
 * @HC_RISK_CATEGORY_PUBLIC_HEALTH: "public_health", 公共卫生
 * @HC_RISK_CATEGORY_CONSTRUCTION: "construction", 工程质量
 * @HC_RISK_CATEGORY_TOURISM: "tourism", 旅游市场
 * @HC_RISK_CATEGORY_WORK_SAFETY: "work_safety", 安全生产
 *
 * Sector of a credit risk alert.
 */
typedef enum
{
  HC_RISK_CATEGORY_SMUGGLING,
  HC_RISK_CATEGORY_FINANCE,
  HC_RISK_CATEGORY_FOOD_DRUG,
  HC_RISK_CATEGORY_ENVIRONMENT,
  HC_RISK_CATEGORY_PUBLIC_HEALTH,
  HC_RISK_CATEGORY_CONSTRUCTION,
  HC_RISK_CATEGORY_TOURISM,
  HC_RISK_CATEGORY_WORK_SAFETY,
} HcRiskCategory;
#define HC_RISK_CATEGORY_N 8

const char *hc_risk_category_to_key   (HcRiskCategory v);
gboolean    hc_risk_category_from_key (const char     *key,
                                       HcRiskCategory *out);
const char *hc_risk_category_label    (HcRiskCategory v);

/**
 * HcRole:
 * @HC_ROLE_ANALYST: "analyst", 分析员
 * @HC_ROLE_SUPERVISOR: "supervisor", 审核员
 * @HC_ROLE_ADMIN: "admin", 管理员
 *
 * A user's role; ordered analyst < supervisor < admin.
 */
typedef enum
{
  HC_ROLE_ANALYST,
  HC_ROLE_SUPERVISOR,
  HC_ROLE_ADMIN,
} HcRole;
#define HC_ROLE_N 3

const char *hc_role_to_key   (HcRole v);
gboolean    hc_role_from_key (const char *key,
                              HcRole     *out);
const char *hc_role_label    (HcRole v);

/**
 * HcCatalogCategory:
 * @HC_CATALOG_CATEGORY_REGISTRATION: "registration", 登记注册基本信息
 * @HC_CATALOG_CATEGORY_LICENSE: "license", 行政许可
 * @HC_CATALOG_CATEGORY_PENALTY: "penalty", 行政处罚
 * @HC_CATALOG_CATEGORY_JUDICIAL: "judicial", 司法裁判及执行
 * @HC_CATALOG_CATEGORY_SERIOUS_DISHONESTY: "serious_dishonesty", 严重失信主体名单
 * @HC_CATALOG_CATEGORY_ABNORMAL_OPERATION: "abnormal_operation", 经营异常名录
 * @HC_CATALOG_CATEGORY_COMMITMENT: "commitment", 信用承诺及履约
 * @HC_CATALOG_CATEGORY_EVALUATION: "evaluation", 信用评价结果
 * @HC_CATALOG_CATEGORY_TAX: "tax", 纳税
 * @HC_CATALOG_CATEGORY_SOCIAL_INSURANCE: "social_insurance", 社保
 * @HC_CATALOG_CATEGORY_HOUSING_FUND: "housing_fund", 公积金
 * @HC_CATALOG_CATEGORY_OTHER: "other", 其他
 *
 * Category of a public credit information catalog item.
 */
typedef enum
{
  HC_CATALOG_CATEGORY_REGISTRATION,
  HC_CATALOG_CATEGORY_LICENSE,
  HC_CATALOG_CATEGORY_PENALTY,
  HC_CATALOG_CATEGORY_JUDICIAL,
  HC_CATALOG_CATEGORY_SERIOUS_DISHONESTY,
  HC_CATALOG_CATEGORY_ABNORMAL_OPERATION,
  HC_CATALOG_CATEGORY_COMMITMENT,
  HC_CATALOG_CATEGORY_EVALUATION,
  HC_CATALOG_CATEGORY_TAX,
  HC_CATALOG_CATEGORY_SOCIAL_INSURANCE,
  HC_CATALOG_CATEGORY_HOUSING_FUND,
  HC_CATALOG_CATEGORY_OTHER,
} HcCatalogCategory;
#define HC_CATALOG_CATEGORY_N 12

const char *hc_catalog_category_to_key   (HcCatalogCategory v);
gboolean    hc_catalog_category_from_key (const char        *key,
                                          HcCatalogCategory *out);
const char *hc_catalog_category_label    (HcCatalogCategory v);

/**
 * HcCatalogScope:
 * @HC_CATALOG_SCOPE_BASIC: "basic", 基础目录 (the national base catalog)
 * @HC_CATALOG_SCOPE_SUPPLEMENTARY: "supplementary", 补充目录 (the province's supplement)
 *
 * Which catalog an item belongs to (规划 四(二)1: 制定补充目录).
 */
typedef enum
{
  HC_CATALOG_SCOPE_BASIC,
  HC_CATALOG_SCOPE_SUPPLEMENTARY,
} HcCatalogScope;
#define HC_CATALOG_SCOPE_N 2

const char *hc_catalog_scope_to_key   (HcCatalogScope  v);
gboolean    hc_catalog_scope_from_key (const char     *key,
                                       HcCatalogScope *out);
const char *hc_catalog_scope_label    (HcCatalogScope  v);

/**
 * HcUpdateFrequency:
 * @HC_UPDATE_FREQUENCY_REALTIME: "realtime", 实时
 * @HC_UPDATE_FREQUENCY_DAILY: "daily", 每日
 * @HC_UPDATE_FREQUENCY_WEEKLY: "weekly", 每周
 * @HC_UPDATE_FREQUENCY_MONTHLY: "monthly", 每月
 * @HC_UPDATE_FREQUENCY_QUARTERLY: "quarterly", 每季度
 * @HC_UPDATE_FREQUENCY_YEARLY: "yearly", 每年
 *
 * How often a catalog item's 信源单位 delivers its data.
 */
typedef enum
{
  HC_UPDATE_FREQUENCY_REALTIME,
  HC_UPDATE_FREQUENCY_DAILY,
  HC_UPDATE_FREQUENCY_WEEKLY,
  HC_UPDATE_FREQUENCY_MONTHLY,
  HC_UPDATE_FREQUENCY_QUARTERLY,
  HC_UPDATE_FREQUENCY_YEARLY,
} HcUpdateFrequency;
#define HC_UPDATE_FREQUENCY_N 6

const char *hc_update_frequency_to_key   (HcUpdateFrequency  v);
gboolean    hc_update_frequency_from_key (const char        *key,
                                          HcUpdateFrequency *out);
const char *hc_update_frequency_label    (HcUpdateFrequency  v);

/**
 * hc_list_action_apply:
 * @from: the current state
 * @action: the action to take
 * @to: (out) (optional): the resulting state
 *
 * The list workflow: proposed -notice-> noticed; noticed -publish-> published;
 * noticed|published -object-> objected; objected -uphold-> published;
 * objected -revoke-> exited; published -repair-> repaired;
 * published|repaired -exit-> exited; published|repaired -expire-> expired.
 * Anything else is illegal and leaves @to untouched.
 *
 * Returns: %TRUE if @action is allowed from @from
 */
gboolean    hc_list_action_apply         (HcListEntryState  from,
                                          HcListAction      action,
                                          HcListEntryState *to);
/**
 * hc_list_action_required_role:
 * @action: a #HcListAction
 * @list_class: the class of the entry's list type
 *
 * The least role allowed to take @action on an entry of @list_class:
 * "analyst" for notice and object, and for publish on a red list (so
 * analyst, supervisor and admin may); "supervisor" for publish on a black or
 * watch list (四眼原则: the server also wants someone other than the
 * proposer, after the notice period) and for uphold, revoke, repair, exit
 * and expire (supervisor and admin may). Check with hc_role_at_least().
 *
 * Returns: (nullable): a #HcRole key, %NULL if @action or @list_class is
 *   out of range
 */
const char *hc_list_action_required_role (HcListAction action,
                                          HcListClass  list_class);
/**
 * hc_role_at_least:
 * @have: the user's role
 * @need: the least role required
 *
 * Returns: %TRUE if @have ranks at or above @need (analyst < supervisor < admin)
 */
gboolean    hc_role_at_least             (HcRole have,
                                          HcRole need);

G_END_DECLS
