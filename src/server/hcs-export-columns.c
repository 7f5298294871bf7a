/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export columns of each listing. Headers are Chinese data here, not
 * gettext: an export goes to people in the office whatever locale the
 * server runs in (DESIGN.md, the UI is Chinese first). */
#define G_LOG_DOMAIN "hcs-export-columns"

#include "config.h"

#include <string.h>

#include "hc-core.h"
#include "hcs-export-columns.h"

/* Enum keys as their labels; an unknown key stays as it is. */
#define ENUM_LABEL(name, Type)                         \
  static const char *                                  \
  name##_of (const char *key)                          \
  {                                                    \
    Type v;                                            \
                                                       \
    return hc_##name##_from_key (key, &v) ? hc_##name##_label (v) : key; \
  }

ENUM_LABEL (subject_type, HcSubjectType)
ENUM_LABEL (disclosure, HcDisclosure)
ENUM_LABEL (list_entry_state, HcListEntryState)
ENUM_LABEL (list_class, HcListClass)
ENUM_LABEL (risk_category, HcRiskCategory)
ENUM_LABEL (catalog_category, HcCatalogCategory)
ENUM_LABEL (catalog_scope, HcCatalogScope)
ENUM_LABEL (update_frequency, HcUpdateFrequency)
ENUM_LABEL (role, HcRole)
ENUM_LABEL (indicator_attribute, HcIndicatorAttribute)
ENUM_LABEL (indicator_status, HcIndicatorStatus)

static const char *
region_of (const char *code)
{
  const HcRegion *region = hc_region_lookup (code);

  return region != NULL ? region->name : code;
}

static const HcsExportColumn subjects[] = {
  { "identifier",    "统一社会信用代码/身份证号码", 24, NULL },
  { "name",          "名称",                        36, NULL },
  { "type",          "主体类型",                    12, subject_type_of },
  { "region",        "市县",                        14, region_of },
  { "industry",      "行业",                        18, NULL },
  { "status",        "状态",                        10, NULL },
  { "grade",         "信用等级",                     8, NULL },
  { "registered_on", "成立日期",                    12, NULL },
  { "updated_at",    "更新时间",                    20, NULL },
};

static const HcsExportColumn list_entries[] = {
  { "id",                 "编号",         8, NULL },
  { "list_name",          "名单",        18, NULL },
  { "list_class",         "名单类别",    14, list_class_of },
  { "subject_identifier", "主体标识",    24, NULL },
  { "subject_name",       "主体名称",    36, NULL },
  { "subject_type",       "主体类型",    12, subject_type_of },
  { "region",             "市县",        14, region_of },
  { "department_name",    "认定部门",    24, NULL },
  { "basis",              "认定依据",    40, NULL },
  { "facts",              "失信事实",    40, NULL },
  { "measures",           "惩戒/激励措施", 40, NULL },
  { "state",              "状态",        10, list_entry_state_of },
  { "decided_on",         "认定日期",    12, NULL },
  { "published_from",     "公示起始",    12, NULL },
  { "published_until",    "公示截止",    12, NULL },
};

static const HcsExportColumn risk_events[] = {
  { "id",          "编号",       8, NULL },
  { "occurred_on", "发生日期",  12, NULL },
  { "region",      "市县",      14, region_of },
  { "category",    "风险类别",  14, risk_category_of },
  { "severity",    "严重程度",   8, NULL },
  { "title",       "标题",      36, NULL },
  { "description", "描述",      48, NULL },
  { "subject",     "相关主体",  24, NULL },
  { "created_by",  "登记人",    12, NULL },
  { "created_at",  "登记时间",  20, NULL },
};

/* The heat map's numbers: a row a 市县 and month or category. */
static const HcsExportColumn heatmap_cells[] = {
  { "region_name", "市县",             14, NULL },
  { "column_name", "月份/风险类别",    16, NULL },
  { "events",      "事件数",            9, NULL },
  { "per_10k",     "每万人口事件数",   14, NULL },
  { "severity",    "严重程度合计",     12, NULL },
};

static const HcsExportColumn audit[] = {
  { "id",        "编号",      8, NULL },
  { "at",        "时间",     20, NULL },
  { "actor",     "操作人",   14, NULL },
  { "role",      "角色",     10, role_of },
  { "action",    "操作",     24, NULL },
  { "entity",    "对象类型", 14, NULL },
  { "entity_id", "对象",     14, NULL },
  { "before",    "操作前",   48, NULL },
  { "after",     "操作后",   48, NULL },
};

static const HcsExportColumn catalog_items[] = {
  { "id",                "编号",        8, NULL },
  { "year",              "年度",        8, NULL },
  { "category",          "信息类别",   18, catalog_category_of },
  { "name",              "信息项名称", 30, NULL },
  { "subject_type",      "主体类型",   14, subject_type_of },
  { "department_name",   "信源单位",   24, NULL },
  { "disclosure",        "公开属性",   12, disclosure_of },
  { "update_frequency",  "更新频率",   10, update_frequency_of },
  { "legal_basis",       "法律依据",   40, NULL },
  { "publicity_period",  "公示期限",   12, NULL },
  { "scope",             "目录类型",   10, catalog_scope_of },
  { "expected_records",  "应归集条数", 12, NULL },
  { "collected_records", "已归集条数", 12, NULL },
  { "collection_rate",   "归集率",     10, NULL },
};

static const HcsExportColumn repairs[] = {
  { "id",                 "编号",       8, NULL },
  { "subject_identifier", "主体标识",  24, NULL },
  { "subject_name",       "主体名称",  36, NULL },
  { "subject_type",       "主体类型",  12, subject_type_of },
  { "kind",               "修复类型",  12, NULL },
  { "list_type",          "名单",      14, NULL },
  { "reason",             "申请理由",  40, NULL },
  { "commitment",         "信用承诺",  10, NULL },
  { "applied_on",         "申请日期",  12, NULL },
  { "deadline",           "办理期限",  12, NULL },
  { "state",              "状态",      10, NULL },
  { "decided_on",         "决定日期",  12, NULL },
  { "decided_by",         "决定人",    12, NULL },
  { "decision_comment",   "决定意见",  40, NULL },
};

/* 信用档案 and 双公示: one table per kind of record. */

static const char *
penalty_category_of (const char *key)
{
  if (g_strcmp0 (key, "fine") == 0)
    return "罚款";
  if (g_strcmp0 (key, "warning") == 0)
    return "警告";
  return key;
}

static const char *
fulfilment_of (const char *key)
{
  if (g_strcmp0 (key, "pending") == 0)
    return "待核查";
  if (g_strcmp0 (key, "fulfilled") == 0)
    return "践诺";
  if (g_strcmp0 (key, "breached") == 0)
    return "未践诺";
  return key;
}

static const char *
repair_state_of (const char *key)
{
  if (g_strcmp0 (key, "pending") == 0)
    return "待决定";
  if (g_strcmp0 (key, "approved") == 0)
    return "已准予";
  if (g_strcmp0 (key, "rejected") == 0)
    return "未准予";
  return key;
}

static const HcsExportColumn penalties[] = {
  { "decision_no",     "决定文书号",       24, NULL },
  { "name",            "主体名称",         36, NULL },
  { "identifier",      "统一社会信用代码", 24, NULL },
  { "region",          "市县",             14, region_of },
  { "category",        "处罚类别",         10, penalty_category_of },
  { "amount",          "罚款金额（元）",   12, NULL },
  { "authority",       "处罚机关",         24, NULL },
  { "decided_on",      "决定日期",         12, NULL },
  { "publicity_ends",  "公示截止日期",     12, NULL },
  { "under_publicity", "公示中",            8, NULL },
  { "repaired",        "已修复",            8, NULL },
  { "item_name",       "目录信息项",       24, NULL },
};

static const HcsExportColumn licenses[] = {
  { "license_no",      "许可证书编号",     24, NULL },
  { "license_name",    "许可证书名称",     20, NULL },
  { "name",            "主体名称",         36, NULL },
  { "identifier",      "统一社会信用代码", 24, NULL },
  { "region",          "市县",             14, region_of },
  { "authority",       "许可机关",         24, NULL },
  { "decided_on",      "许可决定日期",     12, NULL },
  { "valid_until",     "有效期至",         12, NULL },
  { "under_publicity", "有效",              8, NULL },
  { "item_name",       "目录信息项",       24, NULL },
};

static const HcsExportColumn commitments[] = {
  { "commitment_no",   "承诺书编号",       20, NULL },
  { "matter",          "承诺事项",         24, NULL },
  { "name",            "主体名称",         36, NULL },
  { "identifier",      "统一社会信用代码", 24, NULL },
  { "authority",       "受理机关",         24, NULL },
  { "committed_on",    "承诺日期",         12, NULL },
  { "fulfilment",      "践诺情况",         10, fulfilment_of },
  { "fulfilment_on",   "核查日期",         12, NULL },
  { "fulfilment_note", "说明",             40, NULL },
  { "fulfilment_by",   "核查人",           12, NULL },
  { "watch_entry_id",  "重点关注名单条目", 12, NULL },
};

static const HcsExportColumn file_list_entries[] = {
  { "id",              "编号",          8, NULL },
  { "list_name",       "名单",         18, NULL },
  { "list_class",      "名单类别",     14, list_class_of },
  { "state",           "状态",         10, list_entry_state_of },
  { "department_name", "认定部门",     24, NULL },
  { "basis",           "认定依据",     40, NULL },
  { "facts",           "失信事实",     40, NULL },
  { "decided_on",      "认定日期",     12, NULL },
  { "published_from",  "公示起始",     12, NULL },
  { "published_until", "公示截止",     12, NULL },
};

static const HcsExportColumn file_repairs[] = {
  { "id",                  "编号",           8, NULL },
  { "repair_kind",         "修复类型",      12, NULL },
  { "list_type",           "名单",          14, NULL },
  { "penalty_decision_no", "行政处罚决定书", 24, NULL },
  { "reason",              "申请理由",      40, NULL },
  { "applied_on",          "申请日期",      12, NULL },
  { "deadline",            "办理期限",      12, NULL },
  { "state",               "状态",          10, repair_state_of },
  { "decided_on",          "决定日期",      12, NULL },
  { "decided_by",          "决定人",        12, NULL },
  { "department_name",     "审核部门",      24, NULL },
  { "overdue",             "超期",           8, NULL },
};

static const HcsExportColumn match_hits[] = {
  { "run_id",     "比对批次",  10, NULL },
  { "at",         "比对时间",  20, NULL },
  { "purpose",    "用途",      30, NULL },
  { "actor",      "操作人",    12, NULL },
  { "list_name",  "名单",      18, NULL },
  { "list_class", "名单类别",  14, list_class_of },
};

static const char *
feedback_of (const char *key)
{
  return g_strcmp0 (key, "applied") == 0 ? "已实施" : g_strcmp0 (key, "not_applied") == 0 ? "未实施" : key;
}

/* 名单自动比对: a run's hits and the rows it could not read. */
static const HcsExportColumn run_hits[] = {
  { "run_id",              "比对批次",   10, NULL },
  { "identifier",          "主体标识",   24, NULL },
  { "subject_name",        "主体名称",   36, NULL },
  { "list_name",           "名单",       18, NULL },
  { "list_class",          "名单类别",   14, list_class_of },
  { "entry_id",            "名单条目",   10, NULL },
  { "state",               "比对时状态", 12, list_entry_state_of },
  { "state_now",           "当前状态",   12, list_entry_state_of },
  { "measure_names",       "适用措施",   60, NULL },
  { "clearance_id",        "误匹配排除", 12, NULL },
  { "feedback",            "措施实施反馈", 14, feedback_of },
  { "feedback_department", "反馈部门",   24, NULL },
  { "feedback_note",       "反馈说明",   30, NULL },
};

static const HcsExportColumn run_invalid[] = {
  { "row",    "行号",     8, NULL },
  { "value",  "原值",    28, NULL },
  { "code",   "错误代码", 20, NULL },
  { "reason", "原因",    40, NULL },
};

/* 数据质量: per source department and month, against 表1's 0.1 % line. */
static const HcsExportColumn catalog_diff_rows[] = {
  { "change_label",    "变更",       8, NULL },
  { "category",        "目录类型",  18, catalog_category_of },
  { "name",            "信息项名称", 36, NULL },
  { "department_name", "信源单位",  24, NULL },
  { "changes",         "变更内容",  80, NULL },
};

static const HcsExportColumn quality_months[] = {
  { "department",       "信源单位",                 24, NULL },
  { "month",            "月份",                      9, NULL },
  { "import_count",     "导入批次",                  9, NULL },
  { "rows_read",        "接收条数",                 11, NULL },
  { "accepted",         "入库条数",                 11, NULL },
  { "rejected",         "拒收条数",                 10, NULL },
  { "uscc_errors",      "统一社会信用代码错码",     12, NULL },
  { "uscc_duplicates",  "统一社会信用代码重码",     12, NULL },
  { "uscc_error_rate",  "统一社会信用代码重错码率(%)", 14, NULL },
  { "other_errors",     "其他类型数据差错",         12, NULL },
  { "other_error_rate", "其他类型数据重错率(%)",    14, NULL },
  { "over_line",        "超过0.1%",                  9, NULL },
  { "file_names",       "导入文件",                 48, NULL },
};

/* 表1: the indicators of a year (GET /indicators). */
static const char *
indicator_source_of (const char *key)
{
  return g_strcmp0 (key, "computed") == 0 ? "系统计算" : g_strcmp0 (key, "reported") == 0 ? "填报" : key;
}

static const HcsExportColumn indicators[] = {
  { "category_name", "类别",     14, NULL },
  { "item",          "指标",     18, NULL },
  { "target_text",   "目标",     56, NULL },
  { "attribute",     "属性",      8, indicator_attribute_of },
  { "year",          "年度",      6, NULL },
  { "value",         "数值",     10, NULL },
  { "unit",          "单位",      6, NULL },
  { "status",        "状态",      8, indicator_status_of },
  { "gap",           "差距",     10, NULL },
  { "source",        "来源",      8, indicator_source_of },
  { "submitted_by",  "填报人",   12, NULL },
  { "reviewed_by",   "审核人",   12, NULL },
};

/* The records behind a computed indicator's value (表1). */
static const char *
record_type_of (const char *key)
{
  static const struct { const char *key, *label; } types[] = {
    { "commitment", "信用承诺" }, { "repair", "信用修复" }, { "catalog_item", "目录信息项" },
    { "catalog_version", "目录版本" }, { "import", "数据导入" }, { "list_entry", "名单条目" },
  };

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (types); i++)
    if (strcmp (types[i].key, key) == 0)
      return types[i].label;
  return key;
}

static const char *
counted_of (const char *value)
{
  return g_strcmp0 (value, "0") == 0 ? "否" : value != NULL && *value ? "是" : value;
}

static const HcsExportColumn indicator_records[] = {
  { "type",         "记录类型",                    10, record_type_of },
  { "reference",    "编号",                        10, NULL },
  { "subject_name", "主体名称",                    36, NULL },
  { "identifier",   "统一社会信用代码/身份证号码", 24, NULL },
  { "region",       "市县",                        14, region_of },
  { "detail",       "内容",                        40, NULL },
  { "date",         "日期",                        20, NULL },
  { "counted",      "计入分子",                     8, counted_of },
};

#define TABLE(pattern, title, columns) { pattern, NULL, title, columns, G_N_ELEMENTS (columns) }
#define KIND_TABLE(pattern, kind, title, columns) { pattern, kind, title, columns, G_N_ELEMENTS (columns) }

static const char *
inspection_result_of (const char *key)
{
  return g_strcmp0 (key, "pass") == 0 ? "合格" : g_strcmp0 (key, "rectify") == 0 ? "责令整改" :
         g_strcmp0 (key, "fail") == 0 ? "不合格" : key;
}

/* 双随机、一公开: a draw for the field teams, and the published results. */
static const HcsExportColumn inspections[] = {
  { "position",          "序号",                        6, NULL },
  { "identifier",        "统一社会信用代码/身份证号码", 24, NULL },
  { "name",              "名称",                        36, NULL },
  { "subject_type",      "主体类型",                    12, subject_type_of },
  { "region",            "市县",                        14, region_of },
  { "industry",          "行业",                        18, NULL },
  { "grade",             "信用等级",                     8, NULL },
  { "inspector_1_name",  "检查人员一",                  12, NULL },
  { "inspector_2_name",  "检查人员二",                  12, NULL },
  { "result",            "检查结果",                    10, inspection_result_of },
  { "note",              "说明",                        36, NULL },
  { "recorded_on",       "录入日期",                    12, NULL },
};

static const HcsExportColumn inspection_results[] = {
  { "identifier",        "统一社会信用代码/身份证号码", 24, NULL },
  { "name",              "名称",                        36, NULL },
  { "region",            "市县",                        14, region_of },
  { "department_name",   "检查部门",                    20, NULL },
  { "plan_title",        "抽查计划",                    24, NULL },
  { "result",            "检查结果",                    10, inspection_result_of },
  { "note",              "说明",                        36, NULL },
  { "recorded_on",       "公示日期",                    12, NULL },
};

static const HcsExportTable tables[] = {
  TABLE ("/inspections/plans/{id}/inspections", "双随机抽查名单", inspections),
  TABLE ("/inspections/publicity", "抽查结果公示", inspection_results),
  TABLE ("/subjects", "市场主体", subjects),
  TABLE ("/lists/{type}/entries", "信用名单", list_entries),
  TABLE ("/risk/events", "风险事件", risk_events),
  TABLE ("/risk/heatmap/cells", "风险热力图", heatmap_cells),
  TABLE ("/audit", "审计日志", audit),
  TABLE ("/catalog/versions/{year}/items", "公共信用信息目录", catalog_items),
  TABLE ("/repairs", "信用修复", repairs),
  TABLE ("/imports/quality/months", "数据质量", quality_months),
  TABLE ("/catalog/diff/rows", "信用目录版本差异", catalog_diff_rows),
  TABLE ("/indicators/{key}/values/{year}/records", "指标数据记录", indicator_records),
  TABLE ("/indicators", "表1主要指标", indicators),
  TABLE ("/lists/match-runs/{id}/hits", "名单比对命中", run_hits),
  TABLE ("/lists/match-runs/{id}/invalid", "名单比对无法读取的行", run_invalid),
  KIND_TABLE ("/publicity", "penalty", "行政处罚公示", penalties),
  KIND_TABLE ("/publicity", "license", "行政许可公示", licenses),
  KIND_TABLE ("/subjects/{identifier}/records", "penalty", "行政处罚", penalties),
  KIND_TABLE ("/subjects/{identifier}/records", "license", "行政许可", licenses),
  KIND_TABLE ("/subjects/{identifier}/records", "commitment", "信用承诺", commitments),
  KIND_TABLE ("/subjects/{identifier}/records", "list_entry", "信用名单", file_list_entries),
  KIND_TABLE ("/subjects/{identifier}/records", "repair", "信用修复", file_repairs),
  KIND_TABLE ("/subjects/{identifier}/records", "match_hit", "名单比对命中", match_hits),
};

/* Returns: (nullable): the table of the route with @pattern, for the
 * listing's ?kind= (@kind, or NULL) when it has one per kind */
const HcsExportTable *
hcs_export_table_lookup (const char *pattern,
                         const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (tables[i].pattern, pattern) == 0 &&
        (tables[i].kind == NULL || g_strcmp0 (tables[i].kind, kind) == 0))
      return &tables[i];
  return NULL;
}
