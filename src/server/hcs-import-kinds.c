/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kinds of file an import takes: each kind's columns, their Chinese
 * labels and code lists, and the record table its rows go to. */
#define G_LOG_DOMAIN "hcs-import"

#include "config.h"

#include <glib/gi18n.h>

#include "hcs-import-private.h"

/* 行政处罚决定的种类 (《行政处罚法》第九条). */
static const Code penalty_categories[] = {
  { "warning", "警告" },
  { "criticism", "通报批评" },
  { "fine", "罚款" },
  { "confiscation", "没收违法所得" },
  { "confiscation", "没收非法财物" },
  { "confiscation", "没收违法所得、没收非法财物" },
  { "license_suspension", "暂扣许可证件" },
  { "qualification_downgrade", "降低资质等级" },
  { "license_revocation", "吊销许可证件" },
  { "business_restriction", "限制开展生产经营活动" },
  { "suspension", "责令停产停业" },
  { "closure", "责令关闭" },
  { "employment_restriction", "限制从业" },
  { "detention", "行政拘留" },
  { "other", "其他" },
  { NULL, NULL }
};

static const Code fulfilment_states[] = {
  { "pending", "履约中" },
  { "pending", "待核查" },
  { "fulfilled", "已履约" },
  { "breached", "未履约" },
  { "breached", "违诺" },
  { NULL, NULL }
};

static const Column penalty_columns[] = {
  { "uscc", "统一社会信用代码", COL_IDENTIFIER, TRUE, 1, NULL, -1 },
  { "name", "主体名称", COL_TEXT, TRUE, 3, NULL, -1 },
  { "decision_no", "决定文书号", COL_NUMBER, TRUE, 4, NULL, -1 },
  { "authority", "处罚机关", COL_TEXT, TRUE, 5, NULL, -1 },
  { "decided_on", "处罚决定日期", COL_DATE, TRUE, 6, NULL, -1 },
  { "category", "处罚类别", COL_CODE, TRUE, 7, penalty_categories, -1 },
  { "amount", "罚款金额（元）", COL_AMOUNT, FALSE, 8, NULL, -1 },
  { "publicity_until", "公示截止日期", COL_DATE, FALSE, 9, NULL, 4 },
};

static const Column license_columns[] = {
  { "uscc", "统一社会信用代码", COL_IDENTIFIER, TRUE, 1, NULL, -1 },
  { "name", "主体名称", COL_TEXT, TRUE, 3, NULL, -1 },
  { "license_no", "许可证书编号", COL_NUMBER, TRUE, 4, NULL, -1 },
  { "license_name", "许可证书名称", COL_TEXT, TRUE, 5, NULL, -1 },
  { "authority", "许可机关", COL_TEXT, TRUE, 6, NULL, -1 },
  { "decided_on", "许可决定日期", COL_DATE, TRUE, 7, NULL, -1 },
  { "valid_until", "有效期至", COL_DATE, FALSE, 8, NULL, 5 },
};

static const Column commitment_columns[] = {
  { "uscc", "统一社会信用代码", COL_IDENTIFIER, TRUE, 1, NULL, -1 },
  { "name", "主体名称", COL_TEXT, TRUE, 3, NULL, -1 },
  { "commitment_no", "承诺书编号", COL_NUMBER, TRUE, 4, NULL, -1 },
  { "matter", "承诺事项", COL_TEXT, TRUE, 5, NULL, -1 },
  { "authority", "受理机关", COL_TEXT, TRUE, 6, NULL, -1 },
  { "committed_on", "承诺日期", COL_DATE, TRUE, 7, NULL, -1 },
  { "fulfilment", "履约状态", COL_CODE, FALSE, 8, fulfilment_states, -1 },
};

/* 登记注册基本信息: the register itself. Its identifier is also its unique
 * number: a subject already registered is a duplicate. */
static const Code subject_types[] = {
  { "legal_person", "法人" },
  { "legal_person", "企业法人" },
  { "unincorporated", "非法人组织" },
  { "unincorporated", "个体工商户" },
  { NULL, NULL }
};

/* The 19 市县, by GB/T 2260 code or full name. */
static const Code region_codes[] = {
  { "460100", "海口市" }, { "460200", "三亚市" }, { "460300", "三沙市" },
  { "460400", "儋州市" }, { "469001", "五指山市" }, { "469002", "琼海市" },
  { "469005", "文昌市" }, { "469006", "万宁市" }, { "469007", "东方市" },
  { "469021", "定安县" }, { "469022", "屯昌县" }, { "469023", "澄迈县" },
  { "469024", "临高县" }, { "469025", "白沙黎族自治县" }, { "469026", "昌江黎族自治县" },
  { "469027", "乐东黎族自治县" }, { "469028", "陵水黎族自治县" },
  { "469029", "保亭黎族苗族自治县" }, { "469030", "琼中黎族苗族自治县" },
  { NULL, NULL }
};

static const Column registration_columns[] = {
  { "uscc", "统一社会信用代码", COL_IDENTIFIER, TRUE, 1, NULL, -1 },
  { "name", "主体名称", COL_TEXT, TRUE, 3, NULL, -1 },
  { "type", "主体类型", COL_CODE, TRUE, 4, subject_types, -1 },
  { "region", "所属市县", COL_CODE, TRUE, 5, region_codes, -1 },
  { "industry", "行业", COL_TEXT, FALSE, 6, NULL, -1 },
  { "registered_on", "成立日期", COL_DATE, FALSE, 7, NULL, -1 },
};

/* A 告知承诺 is made by a registered subject: its subject must exist.
 * Penalties and licenses may name subjects not (yet) in the register; their
 * subject_id stays empty unless the caller asks for require_subject. */
static const Kind kinds[] = {
  { "penalty", "penalty", HCS_RECORD_PENALTY, FALSE, penalty_columns, G_N_ELEMENTS (penalty_columns), 2 },
  { "license", "license", HCS_RECORD_LICENSE, FALSE, license_columns, G_N_ELEMENTS (license_columns), 2 },
  { "commitment", "commitment", HCS_RECORD_COMMITMENT, TRUE, commitment_columns, G_N_ELEMENTS (commitment_columns), 2 },
  { "registration", "registration", HCS_RECORD_SUBJECT, FALSE, registration_columns, G_N_ELEMENTS (registration_columns), 0 },
};

const Kind *
hcs_import_find_kind (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, key) == 0)
      return &kinds[i];
  return NULL;
}

gboolean
hcs_import_kind_is_valid (const char *kind)
{
  return hcs_import_find_kind (kind) != NULL;
}
