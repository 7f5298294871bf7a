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
ENUM_LABEL (role, HcRole)

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
  { "update_frequency",  "更新频率",   10, NULL },
  { "legal_basis",       "法律依据",   40, NULL },
  { "publicity_period",  "公示期限",   12, NULL },
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

#define TABLE(pattern, title, columns) { pattern, title, columns, G_N_ELEMENTS (columns) }

static const HcsExportTable tables[] = {
  TABLE ("/subjects", "市场主体", subjects),
  TABLE ("/lists/{type}/entries", "信用名单", list_entries),
  TABLE ("/risk/events", "风险事件", risk_events),
  TABLE ("/audit", "审计日志", audit),
  TABLE ("/catalog/versions/{year}/items", "公共信用信息目录", catalog_items),
  TABLE ("/repairs", "信用修复", repairs),
};

/* Returns: (nullable): the table of the route with @pattern */
const HcsExportTable *
hcs_export_table_lookup (const char *pattern)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (tables[i].pattern, pattern) == 0)
      return &tables[i];
  return NULL;
}
