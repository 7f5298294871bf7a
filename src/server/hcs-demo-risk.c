/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo risk events: 8 categories over 60 months and the 19 市县, with hot spots. */
#define G_LOG_DOMAIN "hcs-demo-risk"

#include "config.h"

#include "hc-core.h"
#include "hcs-demo.h"
#include "hcs-risk.h"
#include "hcs-store-risk.h"
#include "hcs-store-users.h"

#define BASE_EVENTS  200000
#define FIRST_YEAR   2021
#define N_MONTHS     60
#define N_DAYS       1826   /* 2021-01-01 to 2025-12-31 */

typedef struct
{
  guint16 day;        /* since 2021-01-01 */
  guint8  category;
  guint8  region;
  guint8  severity;
  guint8  title;
  guint8  hour;
  guint8  minute;
  guint32 subject;    /* 1 + index into the 市县's organisations; 0: none */
} DemoEvent;

/* Share of events that name the enterprise concerned. */
#define SUBJECT_SHARE 0.45

/* Share of each category among all events, and the department that reports it. */
static const struct
{
  double      share;
  const char *department;   /* code in hcs-demo.c */
  const char *titles[5];
} categories[HC_RISK_CATEGORY_N] = {
  [HC_RISK_CATEGORY_SMUGGLING] = { 0.10, "HG",
    { "走私冻品案件线索", "海上偷运成品油", "离岛免税商品违规“套代购”", "走私香烟案件", "非设关地偷运货物" } },
  [HC_RISK_CATEGORY_FINANCE] = { 0.13, "JR",
    { "涉嫌非法吸收公众存款", "非法集资风险预警", "小额贷款公司违规经营", "融资担保代偿逾期", "私募基金兑付风险" } },
  [HC_RISK_CATEGORY_FOOD_DRUG] = { 0.16, "SCJG",
    { "食品抽检不合格", "药店违规销售处方药", "餐饮单位无证经营", "农产品农药残留超标", "医疗器械经营不规范" } },
  [HC_RISK_CATEGORY_ENVIRONMENT] = { 0.10, "STHJ",
    { "企业超标排放废水", "非法采砂", "违规倾倒建筑垃圾", "矿区生态修复不到位", "海岸带违规占用" } },
  [HC_RISK_CATEGORY_PUBLIC_HEALTH] = { 0.10, "WJW",
    { "医疗机构违规执业", "公共场所卫生不合格", "登革热病例聚集", "生活饮用水水质异常", "职业病危害申报不实" } },
  [HC_RISK_CATEGORY_CONSTRUCTION] = { 0.12, "ZJ",
    { "在建工程质量不合格", "商品房交付质量投诉", "拖欠农民工工资", "建筑材料检测不合格", "违规转包分包" } },
  [HC_RISK_CATEGORY_TOURISM] = { 0.15, "LWT",
    { "旅行社“不合理低价游”", "酒店价格欺诈投诉", "景区强制消费", "海鲜排档宰客投诉", "无证导游带团" } },
  [HC_RISK_CATEGORY_WORK_SAFETY] = { 0.14, "YJ",
    { "危险化学品储存违规", "建筑工地高处坠落", "消防安全隐患", "渔船安全生产事故", "有限空间作业违规" } },
};

/* Hot spots: how much more often a category happens in a 市县. */
static const struct
{
  HcRiskCategory  category;
  const char     *region;
  double          factor;
} hot_spots[] = {
  { HC_RISK_CATEGORY_SMUGGLING,    "460100", 3.0 },   /* 海口 */
  { HC_RISK_CATEGORY_SMUGGLING,    "460400", 6.0 },   /* 儋州 */
  { HC_RISK_CATEGORY_SMUGGLING,    "469007", 7.0 },   /* 东方 */
  { HC_RISK_CATEGORY_SMUGGLING,    "469024", 3.0 },   /* 临高 */
  { HC_RISK_CATEGORY_SMUGGLING,    "460300", 20.0 },  /* 三沙 */
  { HC_RISK_CATEGORY_TOURISM,      "460200", 3.5 },   /* 三亚 */
  { HC_RISK_CATEGORY_TOURISM,      "469028", 4.0 },   /* 陵水 */
  { HC_RISK_CATEGORY_TOURISM,      "469006", 3.0 },   /* 万宁 */
  { HC_RISK_CATEGORY_TOURISM,      "469029", 2.0 },   /* 保亭 */
  { HC_RISK_CATEGORY_ENVIRONMENT,  "469026", 8.0 },   /* 昌江 */
  { HC_RISK_CATEGORY_ENVIRONMENT,  "469007", 5.0 },   /* 东方 */
  { HC_RISK_CATEGORY_ENVIRONMENT,  "469025", 2.5 },   /* 白沙 */
  { HC_RISK_CATEGORY_CONSTRUCTION, "460100", 1.8 },   /* 海口 */
  { HC_RISK_CATEGORY_CONSTRUCTION, "460200", 2.2 },   /* 三亚 */
  { HC_RISK_CATEGORY_FINANCE,      "460100", 1.8 },   /* 海口 */
  { HC_RISK_CATEGORY_WORK_SAFETY,  "469023", 2.0 },   /* 澄迈 (工业园区) */
  { HC_RISK_CATEGORY_WORK_SAFETY,  "460400", 1.6 },   /* 儋州 (洋浦) */
};

/* Tourism risk follows the winter high season (November to March), most of
 * all where the tourists go. */
static const char * const tourist_regions[] = { "460200", "469028", "469006" };

static gboolean
is_tourist_region (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (tourist_regions); i++)
    if (g_str_equal (code, tourist_regions[i]))
      return TRUE;
  return FALSE;
}

static double
hot_spot_factor (HcRiskCategory  category,
                 const char     *region)
{
  for (guint i = 0; i < G_N_ELEMENTS (hot_spots); i++)
    if (hot_spots[i].category == category && g_str_equal (hot_spots[i].region, region))
      return hot_spots[i].factor;
  return 1.0;
}

static double
month_factor (HcRiskCategory  category,
              const char     *region,
              int             month)   /* 0 = 2021-01 */
{
  int m = month % 12 + 1;
  gboolean winter = m >= 11 || m <= 3;
  double trend = 1.0 + 0.06 * (month / 12);   /* more reporting every year */

  if (category == HC_RISK_CATEGORY_TOURISM && winter)
    return trend * (is_tourist_region (region) ? 3.0 : 1.5);
  if (category == HC_RISK_CATEGORY_PUBLIC_HEALTH && m >= 6 && m <= 10)
    return trend * 1.6;                           /* rainy season: dengue */
  if (category == HC_RISK_CATEGORY_SMUGGLING && (m == 12 || m == 1))
    return trend * 1.4;                           /* before 春节 */
  return trend;
}

/* Draws an index from a cumulative distribution of @n entries. */
static guint
draw (GRand        *rand,
      const double *cdf,
      guint         n)
{
  double x = g_rand_double (rand) * cdf[n - 1];
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (cdf[mid] <= x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gint64
department_id (JsonArray  *departments,
               const char *code)
{
  for (guint i = 0; i < json_array_get_length (departments); i++)
    {
      JsonObject *d = json_array_get_object_element (departments, i);

      if (g_strcmp0 (json_object_get_string_member (d, "code"), code) == 0)
        return json_object_get_int_member (d, "id");
    }
  return 0;
}

/**
 * hcs_demo_seed_risk:
 *
 * 200,000 × scale risk events from 2021-01 to 2025-12, nearly half of them
 * naming an enterprise of their 市县. Inserted one by one
 * through the same statement the API uses (over PostgreSQL through COPY,
 * HcsRiskInserter), so the roll-up triggers keep risk_rollup equal to the
 * events.
 */
gboolean
hcs_demo_seed_risk (HcsStore  *store,
                    GRand     *rand,
                    GError   **error)
{
  static const double severity_cdf[5] = { 0.42, 0.70, 0.87, 0.96, 1.00 };
  g_autoptr(JsonArray) departments = hcs_store_departments_list (store, error);
  const HcRegion *regions;
  guint n_regions;
  double category_cdf[HC_RISK_CATEGORY_N];
  double region_cdf[HC_RISK_CATEGORY_N][HC_N_REGIONS];
  double month_cdf[HC_RISK_CATEGORY_N][HC_N_REGIONS][N_MONTHS];
  gint64 department_ids[HC_RISK_CATEGORY_N];
  guint64 n_events = (guint64) BASE_EVENTS * hcs_demo_get_scale ();
  double sum = 0;
  g_autofree DemoEvent *drawn = NULL;
  g_autofree guint32 *order = NULL;
  guint64 day_count[N_DAYS + 1] = { 0 };
  g_autoptr(GDate) first = g_date_new_dmy (1, G_DATE_JANUARY, FIRST_YEAR);
  guint32 first_day = g_date_get_julian (first);
  g_autoptr(GPtrArray) organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(HcsRiskInserter) inserter = hcs_risk_inserter_new (store);

  if (departments == NULL)
    return FALSE;
  regions = hc_regions_get_all (&n_regions);
  g_assert (n_regions == HC_N_REGIONS);
  for (guint r = 0; r < n_regions; r++)
    {
      GArray *ids = hcs_store_risk_region_organisations (store, regions[r].code, error);

      if (ids == NULL)
        return FALSE;
      g_ptr_array_add (organisations, ids);
    }

  for (guint c = 0; c < HC_RISK_CATEGORY_N; c++)
    {
      double region_sum = 0;

      sum += categories[c].share;
      category_cdf[c] = sum;
      department_ids[c] = department_id (departments, categories[c].department);
      for (guint r = 0; r < n_regions; r++)
        {
          double month_sum = 0;

          region_sum += regions[r].weight * hot_spot_factor (c, regions[r].code);
          region_cdf[c][r] = region_sum;
          for (int m = 0; m < N_MONTHS; m++)
            {
              month_sum += month_factor (c, regions[r].code, m);
              month_cdf[c][r][m] = month_sum;
            }
        }
    }

  /* Draw every event first, then insert them in date order, as they would
   * have been recorded: the id and both date indexes then grow at their
   * right edge instead of at random places, which keeps seeding fast at
   * the benchmark's scale. A counting sort by day keeps the draw order
   * within a day, so the result stays deterministic. */
  drawn = g_new (DemoEvent, n_events);
  for (guint64 i = 0; i < n_events; i++)
    {
      DemoEvent *e = &drawn[i];
      guint c = draw (rand, category_cdf, HC_RISK_CATEGORY_N);
      guint r = draw (rand, region_cdf[c], n_regions);
      guint m = draw (rand, month_cdf[c][r], N_MONTHS);
      int year = FIRST_YEAR + m / 12, month = m % 12 + 1;
      g_autoptr(GDate) date = g_date_new_dmy (1, (GDateMonth) month, (GDateYear) year);

      g_date_add_days (date, g_rand_int_range (rand, 0, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year)));
      e->day = (guint16) (g_date_get_julian (date) - first_day);
      e->category = (guint8) c;
      e->region = (guint8) r;
      e->severity = (guint8) (draw (rand, severity_cdf, 5) + 1);
      e->title = (guint8) g_rand_int_range (rand, 0, G_N_ELEMENTS (categories[c].titles));
      e->hour = (guint8) g_rand_int_range (rand, 0, 10);
      e->minute = (guint8) g_rand_int_range (rand, 0, 60);
      e->subject = 0;
      if (g_rand_double (rand) < SUBJECT_SHARE)
        {
          GArray *ids = g_ptr_array_index (organisations, r);

          if (ids->len > 0)
            e->subject = 1 + (guint32) g_rand_int_range (rand, 0, (gint32) ids->len);
        }
      day_count[e->day + 1]++;
    }
  for (guint d = 1; d <= N_DAYS; d++)
    day_count[d] += day_count[d - 1];
  order = g_new (guint32, n_events);
  for (guint64 i = 0; i < n_events; i++)
    order[day_count[drawn[i].day]++] = (guint32) i;

  for (guint64 k = 0; k < n_events; k++)
    {
      const DemoEvent *e = &drawn[order[k]];
      g_autoptr(GDate) date = g_date_new_julian (first_day + e->day);
      char occurred_on[16], created_at[32], title[256];
      HcsRiskEventNew event = { 0 };

      g_snprintf (occurred_on, sizeof occurred_on, "%04d-%02d-%02d", g_date_get_year (date),
                  g_date_get_month (date), g_date_get_day (date));
      g_snprintf (created_at, sizeof created_at, "%sT%02u:%02u:00Z", occurred_on, e->hour, e->minute);
      g_snprintf (title, sizeof title, "%s%s", regions[e->region].name, categories[e->category].titles[e->title]);
      event.region = regions[e->region].code;
      event.occurred_on = occurred_on;
      event.category = hc_risk_category_to_key ((HcRiskCategory) e->category);
      event.severity = e->severity;
      event.title = title;
      event.department_id = department_ids[e->category];
      if (e->subject > 0)
        event.subject_id = g_array_index ((GArray *) g_ptr_array_index (organisations, e->region),
                                          gint64, e->subject - 1);
      event.created_by = "analyst";
      event.created_at = created_at;
      if (!hcs_risk_inserter_add (inserter, &event, error))
        return FALSE;
    }
  return hcs_risk_inserter_finish (inserter, error);
}

/* The demo's early-warning rules (预警规则): what a provincial office would
 * watch in these data, so that the heat map shows alerts. */
static const struct
{
  HcRiskCategory  category;
  const char     *region;          /* NULL: every 市县 */
  const char     *kind;
  gint64          window_months;
  double          threshold;
} demo_rules[] = {
  /* 走私: more than 150 events per 10,000 enterprises in a quarter. */
  { HC_RISK_CATEGORY_SMUGGLING,    NULL,     "threshold", 3, 150.0 },
  /* 旅游市场: the high season's complaints rising by more than 80 %. */
  { HC_RISK_CATEGORY_TOURISM,      NULL,     "rise",      3, 80.0 },
  /* 生态环境 in 昌江 (mining): a half-year threshold of its own. */
  { HC_RISK_CATEGORY_ENVIRONMENT,  "469026", "threshold", 6, 120.0 },
  /* 金融: a rise of more than 50 % anywhere. */
  { HC_RISK_CATEGORY_FINANCE,      NULL,     "rise",      3, 50.0 },
};

/* The month the demo's events end with: its rules are judged over the
 * windows that end there, as if the last event had just arrived. */
#define DEMO_LAST_MONTH "2025-12"

/**
 * hcs_demo_seed_risk_rules:
 *
 * The demo's warning rules, judged for every 市县 and category as of the
 * last month of the demo's events, so that the alerts they raise are there
 * from the start (the first one acknowledged, with a note, so that the
 * list shows both states).
 */
gboolean
hcs_demo_seed_risk_rules (HcsStore  *store,
                          GRand     *rand,
                          GError   **error)
{
  const HcRegion *regions;
  guint n_regions;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonArray) alerts = NULL;
  HcsPage page = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (demo_rules); i++)
    {
      HcsRiskRuleNew rule = {
        .category = hc_risk_category_to_key (demo_rules[i].category),
        .region = demo_rules[i].region,
        .kind = demo_rules[i].kind,
        .window_months = demo_rules[i].window_months,
        .threshold = demo_rules[i].threshold,
        .created_by = "supervisor",
      };

      if (hcs_store_risk_rules_insert (store, &rule, error) == 0)
        return FALSE;
    }

  regions = hc_regions_get_all (&n_regions);
  for (guint r = 0; r < n_regions; r++)
    for (guint c = 0; c < HC_RISK_CATEGORY_N; c++)
      if (!hcs_risk_evaluate (store, regions[r].code, hc_risk_category_to_key ((HcRiskCategory) c),
                              DEMO_LAST_MONTH, NULL, error))
        return FALSE;

  /* The oldest alert has been seen to. */
  page.limit = 1000;
  if ((alerts = hcs_store_risk_alerts_list (store, "raised", NULL, &page, NULL, error)) == NULL)
    return FALSE;
  if (json_array_get_length (alerts) > 0)
    {
      JsonObject *oldest = json_array_get_object_element (alerts, json_array_get_length (alerts) - 1);

      if (!hcs_risk_alert_move (store, json_object_get_int_member (oldest, "id"),
                                json_object_get_int_member (oldest, "version"), "acknowledged",
                                "analyst", "已通知属地监管部门开展核查", &before, &after, error))
        return FALSE;
    }
  return TRUE;
}
