/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Seeds a new database with the demo dataset: the provincial departments,
 * the demo users, then each family's seeder. */
#define G_LOG_DOMAIN "hcs-demo"

#include "config.h"

#include "hcs-auth.h"
#include "hcs-demo.h"
#include "hcs-grading.h"
#include "hcs-store-subjects.h"
#include "hcs-store-users.h"

#define DEMO_SEED 20210101

static guint demo_scale = 1;

/* How many times the base demo size (100,000 enterprises, 200,000 risk
 * events) to generate; the benchmarks use 10. */
guint
hcs_demo_get_scale (void)
{
  return demo_scale;
}

/* 省直部门 and central bodies in Hainan, as the plan names them. */
static const char * const departments[][2] = {
  { "XYB",   "省社会信用体系建设领导小组办公室（省信用办）" },
  { "FGW",   "省发展改革委" },
  { "SCJG",  "省市场监管局" },
  { "SW",    "国家税务总局海南省税务局" },
  { "HG",    "海口海关" },
  { "STHJ",  "省生态环境厅" },
  { "LWT",   "省旅游和文化广电体育厅" },
  { "WJW",   "省卫生健康委" },
  { "JT",    "省交通运输厅" },
  { "ZJ",    "省住房城乡建设厅" },
  { "FY",    "省高级人民法院" },
  { "GA",    "省公安厅" },
  { "MZ",    "省民政厅" },
  { "SF",    "省司法厅" },
  { "CZ",    "省财政厅" },
  { "RS",    "省人力资源社会保障厅" },
  { "ZRZY",  "省自然资源和规划厅" },
  { "SWT",   "省水务厅" },
  { "NY",    "省农业农村厅" },
  { "SWU",   "省商务厅" },
  { "YJ",    "省应急管理厅" },
  { "SJ",    "省审计厅" },
  { "JY",    "省教育厅" },
  { "KJ",    "省科学技术厅" },
  { "GXT",   "省工业和信息化厅" },
  { "JR",    "省地方金融监督管理局" },
  { "TJ",    "省统计局" },
  { "YB",    "省医疗保障局" },
  { "YJJ",   "省药品监督管理局" },
  { "DSJ",   "省大数据管理局" },
  { "ZSCQ",  "省知识产权局" },
  { "LY",    "省林业局" },
  { "HY",    "省海洋厅" },
  { "TYJR",  "省退役军人事务厅" },
  { "RMYH",  "中国人民银行海口中心支行" },
  { "YBJ",   "海南银保监局" },
  { "ZJJ",   "海南证监局" },
  { "GJJ",   "省住房公积金管理局" },
  { "JCY",   "省人民检察院" },
  { "YZ",    "省邮政管理局" },
  { "QX",    "省气象局" },
  { "TX",    "省通信管理局" },
  { "MH",    "民航海南监管局" },
  { "HS",    "海南海事局" },
  { "WH",    "国家外汇管理局海南省分局" },
  { "XF",    "省消防救援总队" },
};

gboolean
hcs_demo_seed_departments (HcsStore  *store,
                           GRand     *rand,
                           GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    if (hcs_store_departments_insert (store, departments[i][0], departments[i][1],
                                      "provincial", NULL, error) == 0)
      return FALSE;
  return TRUE;
}

static gboolean
seed_users (HcsStore    *store,
            const char  *password,
            GError     **error)
{
  static const struct { const char *name; const char *display; HcRole role; } users[] = {
    { "analyst",    "演示分析员", HC_ROLE_ANALYST },
    { "supervisor", "演示审核员", HC_ROLE_SUPERVISOR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autofree char *hash = hcs_auth_hash_password (password, error);

      if (hash == NULL ||
          hcs_store_users_insert (store, users[i].name, users[i].display, users[i].role,
                                  hash, 1, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* 公共信用综合评价: the demo model, published, grades every subject from
 * the files the seeders before made. */
static gboolean
seed_grading (HcsStore  *store,
              GRand     *rand,
              GError   **error)
{
  return hcs_grading_seed_demo (store, error);
}

/* The order matters: later families refer to earlier ones. */
static const HcsDemoSeeder seeders[] = {
  hcs_demo_seed_departments,
  hcs_demo_seed_subjects,
  hcs_demo_seed_catalog,
  hcs_demo_seed_indicators,
  hcs_demo_seed_lists,
  hcs_demo_seed_repairs,
  hcs_demo_seed_imports,
  hcs_demo_seed_records,
  hcs_demo_seed_risk,
  hcs_demo_seed_risk_rules,
  seed_grading,
};

/**
 * hcs_demo_seed:
 * @password: the password the demo users `analyst` and `supervisor` get
 * @scale: 1 for the demo; larger for benchmarks
 *
 * Fills a database that has no departments yet, in one transaction. Does
 * nothing on a database that has data.
 */
gboolean
hcs_demo_seed (HcsStore    *store,
               const char  *password,
               guint        scale,
               GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  g_autoptr(JsonArray) existing = hcs_store_departments_list (store, error);

  if (existing == NULL)
    return FALSE;
  if (json_array_get_length (existing) > 0)
    return TRUE;

  demo_scale = MAX (scale, 1);
  if (!hcs_store_begin (store, error))
    return FALSE;
  if (!hcs_store_subjects_name_counts_defer (store, error))
    {
      hcs_store_rollback (store);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (seeders); i++)
    if (!seeders[i] (store, rand, error))
      {
        hcs_store_rollback (store);
        return FALSE;
      }
  if (!seed_users (store, password, error) || !hcs_demo_seed_inspections (store, rand, password, error) ||
      !hcs_store_subjects_name_counts_recount (store, error))
    {
      hcs_store_rollback (store);
      return FALSE;
    }
  return hcs_store_commit (store, error);
}
