/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data for 表1: the reported indicator values 2021–2025 with their
 * evidence and review — most met, a few short of the target (未达标 / 预警),
 * 2025 mostly awaiting review and one value returned. */
#define G_LOG_DOMAIN "hcs-demo-indicators"

#include "config.h"

#include "hc-core.h"
#include "hcs-demo.h"
#include "hcs-indicators.h"
#include "hcs-store-indicators.h"

#define FIRST_YEAR 2021
#define N_YEARS    5

typedef struct
{
  const char *key;
  double      values[N_YEARS];  /* milestones 0/1, shares in %, counts added that year */
  const char *evidence[N_YEARS];
} ReportedPlan;

/* Counts of cumulative indicators are what the year added. */
static const ReportedPlan plans[] = {
  { "credit-legislation", { 0, 1, 1, 1, 1 },
    { "《海南自由贸易港社会信用条例（草案）》已完成立法调研，提请省人大常委会审议",
      "《海南自由贸易港社会信用条例》经省人大常委会审议通过并公布施行",
      "条例施行，配套制度同步制定", "条例施行情况开展执法检查", "条例施行情况年度评估报告" } },
  { "credit-plan", { 1, 1, 1, 1, 1 },
    { "《海南省“十四五”社会信用体系建设规划》经省政府印发实施",
      "规划实施年度监测报告", "规划中期评估报告", "规划实施年度监测报告", "规划实施总结评估报告" } },
  { "supervision-rules", { 0, 0, 1, 1, 1 },
    { "市场监管、税务等6个部门已出台信用监管制度", "已有14个行业主管部门出台信用监管制度",
      "主要行业主管或监管部门均已出台信用监管制度（清单附后）", "信用监管制度修订情况汇总",
      "信用监管制度实施情况汇总" } },
  { "shared-data-sources", { 1, 0, 1, 1, 1 },
    { "接入水电气缴费数据", "本年度无新增数据源", "接入住房公积金缴存数据", "接入社会保险缴费数据",
      "接入海关进出口信用数据" } },
  { "automated-sector-systems", { 1, 1, 1, 1, 0 },
    { "税务领域信用监管全流程线上办理", "市场监管“双随机、一公开”与信用分级分类联动",
      "住建领域工程建设信用监管系统上线", "旅游市场信用监管平台上线", "本年度无新增部门或行业" } },
  { "department-application-lists", { 35, 60, 78, 90, 100 },
    { "16个省直部门编制信用应用清单", "28个省直部门编制信用应用清单", "36个省直部门编制信用应用清单",
      "41个省直部门编制信用应用清单", "46个省直部门全部编制信用应用清单" } },
  { "application-list-fulfilment", { 58, 64, 69, 73, 76 },
    { "信用应用清单落实情况统计表", "信用应用清单落实情况统计表", "信用应用清单落实情况统计表",
      "信用应用清单落实情况统计表", "信用应用清单落实情况统计表" } },
  { "notification-commitment-coverage", { 40, 65, 82, 93, 98 },
    { "证明事项告知承诺制实施情况", "证明事项和涉企经营许可事项告知承诺实施情况",
      "告知承诺事项清单动态调整", "告知承诺事项清单动态调整", "告知承诺事项清单年度统计" } },
  { "self-discipline-commitment-industries", { 2, 3, 3, 2, 2 },
    { "旅游、餐饮行业开展主动公示型信用承诺", "物业、家政、医药行业开展自律型信用承诺",
      "律师、会计、建筑行业开展信用承诺", "电商、快递行业开展信用承诺", "免税购物、教育培训行业开展信用承诺" } },
  { "credit-verification-coverage", { 30, 48, 62, 71, 83 },
    { "行政管理事项信用核验实施情况", "行政管理事项信用核验实施情况", "行政管理事项信用核验实施情况",
      "行政管理事项信用核验实施情况", "行政管理事项信用核验实施情况" } },
  { "evaluation-applied-matters", { 2, 2, 3, 2, 3 },
    { "公共信用综合评价结果应用于招投标、政府采购", "应用于财政资金扶持、评优评先",
      "应用于税收管理、融资授信、行政审批", "应用于工程建设、旅游市场监管",
      "应用于医保定点、药品采购、人才引进" } },
  { "credit-plus-scenarios", { 8, 10, 9, 6, 5 },
    { "推出“信易贷”“信易租”等8个场景", "推出“信易游”“信易行”等10个场景", "推出“信易批”等9个场景",
      "推出6个“信用+”应用场景", "推出5个“信用+”应用场景" } },
};

/* The one value the demo supervisor sent back. */
#define RETURNED_KEY     "notification-commitment-coverage"
#define RETURNED_COMMENT "佐证材料未附告知承诺事项清单及法律法规排除情形说明，请补充后重新提交。"

/* Milestones once done are approved as soon as they
 * come in; everything else of 2025 still awaits review. */
static const char *
state_for (const ReportedPlan *plan,
           int                 year)
{
  if (year < FIRST_YEAR + N_YEARS - 1)
    return "approved";
  if (g_str_equal (plan->key, RETURNED_KEY))
    return "returned";
  if (g_str_equal (plan->key, "credit-legislation") || g_str_equal (plan->key, "credit-plan"))
    return "approved";
  return "submitted";
}

static gboolean
seed_value (HcsStore    *store,
            GRand       *rand,
            const char  *key,
            int          year,
            const char  *region,
            double       value,
            const char  *evidence,
            const char  *state,
            GError     **error)
{
  int day = g_rand_int_range (rand, 5, 25);
  g_autofree char *submitted_at = g_strdup_printf ("%d-01-%02dT%02d:%02d:00Z", year + 1, day,
                                                   g_rand_int_range (rand, 1, 9),
                                                   g_rand_int_range (rand, 0, 60));
  g_autofree char *reviewed_at = g_strdup_printf ("%d-02-%02dT%02d:%02d:00Z", year + 1,
                                                  g_rand_int_range (rand, 1, 28),
                                                  g_rand_int_range (rand, 1, 9),
                                                  g_rand_int_range (rand, 0, 60));
  gboolean reviewed = !g_str_equal (state, "submitted");
  HcsIndicatorValueSeed seed = {
    .indicator = key,
    .year = year,
    .region = region,
    .value = value,
    .evidence = evidence,
    .state = state,
    .submitted_by = "analyst",
    .submitted_at = submitted_at,
    .reviewed_by = reviewed ? "supervisor" : NULL,
    .reviewed_at = reviewed ? reviewed_at : NULL,
    .review_comment = g_str_equal (state, "returned") ? RETURNED_COMMENT : NULL,
  };

  return hcs_store_indicators_seed (store, &seed, error);
}

/* County platforms (市县信用平台): the year each 市县 was connected; the
 * province's value is the share of connected 市县 (its rule share_met). */
static gboolean
seed_county_platforms (HcsStore  *store,
                       GRand     *rand,
                       GError   **error)
{
  static const guint connected_by[N_YEARS] = { 8, 12, 16, 18, 19 };
  const HcRegion *regions;
  guint n;

  regions = hc_regions_get_all (&n);
  for (guint r = 0; r < n; r++)
    for (int y = 0; y < N_YEARS; y++)
      {
        gboolean connected = r < connected_by[y];
        g_autofree char *evidence = connected
          ? g_strdup_printf ("%s信用平台已建成或对接省一体化平台", regions[r].name)
          : g_strdup_printf ("%s信用平台建设中", regions[r].name);

        if (!seed_value (store, rand, "county-platform-coverage", FIRST_YEAR + y, regions[r].code,
                         connected ? 100 : 0, evidence,
                         y < N_YEARS - 1 ? "approved" : "submitted", error))
          return FALSE;
      }
  return TRUE;
}

gboolean
hcs_demo_seed_indicators (HcsStore  *store,
                          GRand     *rand,
                          GError   **error)
{
  HcIndicatorSet *set = hcs_indicators_get_set ();

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      const HcIndicator *ind = hc_indicator_set_lookup (set, plans[i].key);

      /* The table above follows data/indicators.json. */
      g_assert (ind != NULL && !hcs_indicators_is_computed (ind));
      for (int y = 0; y < N_YEARS; y++)
        {
          g_autofree char *evidence = g_strdup_printf ("%d年度：%s", FIRST_YEAR + y, plans[i].evidence[y]);

          g_assert (hcs_indicators_value_valid (ind, plans[i].values[y]));
          if (!seed_value (store, rand, plans[i].key, FIRST_YEAR + y, "", plans[i].values[y], evidence,
                           state_for (&plans[i], FIRST_YEAR + y), error))
            return FALSE;
        }
    }
  return seed_county_platforms (store, rand, error);
}
