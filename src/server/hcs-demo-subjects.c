/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo 市场主体: enterprises with valid USCCs over the 19 市县, and persons. */
#define G_LOG_DOMAIN "hcs-demo-subjects"

#include "config.h"

#include <string.h>

#include "hc-core.h"
#include "hcs-demo.h"
#include "hcs-store-subjects.h"

#define N_ENTERPRISES 100000
#define N_PERSONS     5000

/* 字号 are made of two of these. */
static const char * const syllables[] = {
  "椰", "海", "鑫", "源", "华", "兴", "盛", "达", "通", "泰", "恒", "瑞", "丰", "宏", "嘉",
  "德", "润", "禾", "琼", "南", "新", "锦", "航", "蓝", "湾", "金", "福", "祥", "和", "顺",
  "安", "信", "诚", "远", "博", "雅", "天", "涯", "崖", "鹿", "鸣", "凯", "旭", "晟", "辉",
  "明", "宇", "星", "汇", "融", "桥", "港", "帆", "林", "岛", "云", "翔", "腾", "椰风", "万泉",
};

typedef struct
{
  const char *industry;       /* 国民经济行业 as the catalog names it */
  guint       weight;
  const char *words[3];       /* what an enterprise of it calls itself */
  const char *shops[2];       /* … and a 个体工商户 */
} Industry;

static const Industry industries[] = {
  { "批发和零售业",     25, { "贸易", "商贸", "供应链管理" }, { "商行", "便利店" } },
  { "住宿和餐饮业",     12, { "餐饮管理", "酒店管理", "餐饮服务" }, { "餐馆", "民宿" } },
  { "建筑业",            8, { "建筑工程", "建设工程", "装饰工程" }, { "装修部", "建材店" } },
  { "旅游业",            7, { "旅游开发", "旅行社", "文旅发展" }, { "旅游服务部", "潜水俱乐部" } },
  { "房地产业",          5, { "房地产开发", "置业", "物业服务" }, { "房产中介部", "物业服务部" } },
  { "制造业",            6, { "实业", "食品", "新材料" }, { "食品加工坊", "五金加工部" } },
  { "农林牧渔业",       10, { "农业开发", "热带农业", "渔业" }, { "水果店", "海鲜档" } },
  { "交通运输业",        5, { "物流", "运输", "航运" }, { "货运部", "汽车修理店" } },
  { "信息技术服务业",    8, { "科技", "信息技术", "网络科技" }, { "电脑店", "手机维修部" } },
  { "金融业",            3, { "投资", "融资租赁", "资产管理" }, { "典当行", "财务咨询部" } },
  { "租赁和商务服务业",  7, { "商务服务", "企业管理咨询", "会展服务" }, { "图文店", "家政服务部" } },
  { "文化体育和娱乐业",  4, { "文化传媒", "体育发展", "影视文化" }, { "书店", "茶艺馆" } },
};

/* 农民专业合作社 grow or raise one of these. */
static const char * const crops[] = {
  "槟榔", "椰子", "胡椒", "橡胶", "芒果", "荔枝", "火龙果", "菠萝", "莲雾", "咖啡",
  "瓜菜", "沉香", "黑山羊", "文昌鸡", "对虾",
};

static const char * const surnames[] = {
  "王", "李", "陈", "林", "吴", "黄", "符", "张", "周", "邢", "刘", "杨", "郑", "蔡", "冯",
  "羊", "云", "许", "梁", "何", "韩", "潘", "唐", "曾", "钟", "卢", "麦", "文", "谢", "邓",
};

static const char * const given[] = {
  "明", "华", "丽", "芳", "伟", "强", "敏", "静", "海", "燕", "军", "平", "琼", "玉", "秀",
  "英", "红", "杰", "涛", "婷", "波", "春", "霞", "东", "亮", "峰", "慧", "莉", "宁", "斌",
};

typedef struct
{
  GRand           *rand;
  const HcRegion  *regions;
  guint            n_regions;
  guint            region_total;
  char             short_names[HC_N_REGIONS][32];
  guint            industry_total;
} Seeder;

static const HcRegion *
pick_region (Seeder *s)
{
  guint r = (guint) g_rand_int_range (s->rand, 0, (gint32) s->region_total);

  for (guint i = 0; i < s->n_regions; i++)
    {
      if (r < s->regions[i].weight)
        return &s->regions[i];
      r -= s->regions[i].weight;
    }
  return &s->regions[0];
}

static const Industry *
pick_industry (Seeder *s)
{
  guint r = (guint) g_rand_int_range (s->rand, 0, (gint32) s->industry_total);

  for (guint i = 0; i < G_N_ELEMENTS (industries); i++)
    {
      if (r < industries[i].weight)
        return &industries[i];
      r -= industries[i].weight;
    }
  return &industries[0];
}

static const char *
pick (GRand              *rand,
      const char * const *items,
      guint               n)
{
  return items[g_rand_int_range (rand, 0, (gint32) n)];
}

#define PICK(rand, array) pick ((rand), (array), G_N_ELEMENTS (array))

/* "海口市" → "海口", "白沙黎族自治县" → "白沙": how names start. */
static void
short_name (const char *full,
            char       *out,
            gsize       size)
{
  static const char * const suffixes[] = { "黎族苗族自治县", "黎族自治县", "市", "县" };

  g_strlcpy (out, full, size);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (out, suffixes[i]))
      {
        out[strlen (out) - strlen (suffixes[i])] = '\0';
        return;
      }
}

/* Most grades are A or B (公共信用综合评价 of a healthy market). */
static const char *
pick_grade (GRand *rand)
{
  gint32 r = g_rand_int_range (rand, 0, 100);

  return r < 30 ? "A" : r < 76 ? "B" : r < 93 ? "C" : "D";
}

static const char *
pick_status (GRand *rand)
{
  gint32 r = g_rand_int_range (rand, 0, 100);

  return r < 90 ? "active" : r < 97 ? "deregistered" : "revoked";
}

/* A date from 2000 to 2025, more of them recent (the free trade port years). */
static void
pick_date (GRand *rand,
           char   out[11])
{
  GDate date;
  guint32 first, span, a, b;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2000);
  first = g_date_get_julian (&date);
  g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 2025);
  span = g_date_get_julian (&date) - first + 1;
  a = (guint32) g_rand_int_range (rand, 0, (gint32) span);
  b = (guint32) g_rand_int_range (rand, 0, (gint32) span);
  g_date_set_julian (&date, first + MAX (a, b));
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

static void
enterprise_name (Seeder         *s,
                 GString        *name,
                 const char     *city,
                 const char     *uscc,
                 const Industry *industry)
{
  g_string_assign (name, city);
  g_string_append (name, PICK (s->rand, syllables));
  g_string_append (name, PICK (s->rand, syllables));
  switch (uscc[1])
    {
    case '2':    /* 个体工商户 */
      g_string_append (name, PICK (s->rand, industry->shops));
      break;
    case '3':    /* 农民专业合作社 */
      g_string_append (name, PICK (s->rand, crops));
      g_string_append (name, g_rand_boolean (s->rand) ? "种植专业合作社" : "产销专业合作社");
      break;
    default:
      g_string_append (name, PICK (s->rand, industry->words));
      g_string_append (name, g_rand_int_range (s->rand, 0, 10) == 0 ? "股份有限公司" : "有限公司");
      break;
    }
}

static gboolean
seed_enterprises (Seeder              *s,
                  HcsSubjectInserter  *inserter,
                  guint                n,
                  GError             **error)
{
  g_autoptr(GString) name = g_string_sized_new (128);
  char date[11];
  guint done = 0;

  while (done < n)
    {
      const HcRegion *region = pick_region (s);
      const char *city = s->short_names[hc_region_index (region)];
      g_autofree char *uscc = hc_uscc_generate (s->rand, region->code);
      const Industry *industry = pick_industry (s);
      HcsSubjectFields f = { 0, };
      int rc;

      enterprise_name (s, name, city, uscc, industry);
      pick_date (s->rand, date);
      f.identifier = uscc;
      f.name = name->str;
      f.type = uscc[1] == '1' ? "legal_person" : "unincorporated";
      f.region = region->code;
      f.industry = uscc[1] == '3' ? "农林牧渔业" : industry->industry;
      f.status = pick_status (s->rand);
      f.grade = pick_grade (s->rand);
      f.registered_on = date;
      /* A random code may repeat one drawn before: draw again. */
      if ((rc = hcs_subject_inserter_add (inserter, &f, error)) < 0)
        return FALSE;
      done += (guint) rc;
    }
  return TRUE;
}

static gboolean
seed_persons (Seeder              *s,
              HcsSubjectInserter  *inserter,
              guint                n,
              GError             **error)
{
  g_autoptr(GString) name = g_string_sized_new (32);
  guint done = 0;

  while (done < n)
    {
      const HcRegion *region = pick_region (s);
      g_autofree char *id = hc_id_number_generate (s->rand, region->code);
      guint year = (guint) ((id[6] - '0') * 1000 + (id[7] - '0') * 100 + (id[8] - '0') * 10 + (id[9] - '0'));
      HcsSubjectFields f = { 0, };
      int rc;

      /* Adults of working age: born 1950 to 2003. */
      if (year < 1950 || year > 2003)
        continue;
      g_string_assign (name, PICK (s->rand, surnames));
      g_string_append (name, PICK (s->rand, given));
      if (g_rand_int_range (s->rand, 0, 3) > 0)
        g_string_append (name, PICK (s->rand, given));
      f.identifier = id;
      f.name = name->str;
      f.type = "natural_person";
      f.region = region->code;
      f.industry = "";
      f.status = "active";
      if ((rc = hcs_subject_inserter_add (inserter, &f, error)) < 0)
        return FALSE;
      done += (guint) rc;
    }
  return TRUE;
}

/**
 * hcs_demo_seed_subjects:
 *
 * 100,000 × scale enterprises (企业, 个体工商户, 农民专业合作社) with valid
 * USCCs, spread over the 19 市县 by #HcRegion.weight, then 5,000 persons
 * with valid ID numbers. Ids run from 1 without gaps.
 */
gboolean
hcs_demo_seed_subjects (HcsStore  *store,
                        GRand     *rand,
                        GError   **error)
{
  g_autoptr(HcsSubjectInserter) inserter = NULL;
  gint64 start = g_get_monotonic_time ();
  Seeder s = { 0, };

  g_return_val_if_fail (store != NULL && rand != NULL, FALSE);

  s.rand = rand;
  s.regions = hc_regions_get_all (&s.n_regions);
  for (guint i = 0; i < s.n_regions && i < HC_N_REGIONS; i++)
    {
      s.region_total += s.regions[i].weight;
      short_name (s.regions[i].name, s.short_names[i], sizeof s.short_names[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (industries); i++)
    s.industry_total += industries[i].weight;

  inserter = hcs_subject_inserter_new (store, error);
  if (inserter == NULL ||
      !seed_enterprises (&s, inserter, N_ENTERPRISES * hcs_demo_get_scale (), error) ||
      !seed_persons (&s, inserter, N_PERSONS, error) ||
      !hcs_subject_inserter_finish (inserter, error))
    return FALSE;
  g_debug ("%u enterprises and %u persons in %.2f s", N_ENTERPRISES * hcs_demo_get_scale (), N_PERSONS,
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  return TRUE;
}
