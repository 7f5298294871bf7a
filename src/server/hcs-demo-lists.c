/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data for 名单 and 信用修复: entries of every type in every state with
 * coherent histories (2021–2025), and the repair cases that go with them. */
#define G_LOG_DOMAIN "hcs-demo-lists"

#include "config.h"

#include "hcs-demo.h"
#include "hcs-list-rules.h"
#include "hcs-store-lists.h"
#include "hcs-store-repairs.h"

#define FIRST_YEAR 2021
#define N_YEARS    5

typedef struct
{
  const char *key;
  const char *class;
  guint       count;              /* entries at scale 1 */
  guint       year_weight[N_YEARS];
  int         default_years;
  const char *departments[4];     /* designating departments (codes) */
  const char *basis[3];
  const char *facts[4];
  double      p_repair;           /* once published */
  double      p_exit;
} ListPlan;

/* The plan's list-share indicators expect red entries in force to grow and
 * black ones to fall: red designations rise year by year from a first batch
 * in 2021, while black ones come mostly in 2021 (the backlog of the first
 * year of the plan) and fewer each year after, and leave by repair, exit or
 * expiry. */
static const ListPlan plans[] = {
  { "red", "red", 2400, { 30, 16, 17, 18, 19 }, 3,
    { "SW", "SCJG", "FGW", "XYB" },
    { "《海南自由贸易港社会信用条例》第二十七条", "《纳税信用管理办法（试行）》（纳税信用A级）",
      "《海南省守信激励对象认定办法》" },
    { "连续三年纳税信用A级", "获评省级“守合同重信用”企业", "连续三年无不良信用记录",
      "获评诚信经营示范单位" },
    0.0, 0.06 },
  { "black", "black", 1500, { 44, 20, 15, 12, 9 }, 3,
    { "FY", "SW", "SCJG", "STHJ" },
    { "《最高人民法院关于公布失信被执行人名单信息的若干规定》", "《重大税收违法失信主体信息公布管理办法》",
      "《市场监督管理严重违法失信名单管理办法》" },
    { "有履行能力而拒不履行生效法律文书确定义务", "虚开增值税专用发票，偷税数额较大",
      "生产销售不符合食品安全标准的食品，情节严重", "超标排放污染物，拒不改正" },
    0.30, 0.10 },
  { "watch", "watch", 900, { 18, 20, 21, 21, 20 }, 1,
    { "SCJG", "STHJ", "LWT", "XYB" },
    { "《海南自由贸易港社会信用条例》第三十二条", "国办发〔2019〕35号",
      "《海南省旅游市场信用管理办法》" },
    { "一年内受到两次以上行政处罚", "旅游投诉多次查实", "未履行信用承诺",
      "工程质量问题被通报" },
    0.12, 0.30 },
  { "abnormal", "watch", 900, { 22, 21, 20, 19, 18 }, 3,
    { "SCJG", "SCJG", "SCJG", "SCJG" },
    { "《企业经营异常名录管理暂行办法》第四条", "《企业信息公示暂行条例》第十七条",
      "《市场主体登记管理条例》" },
    { "未按规定期限公示年度报告", "通过登记的住所或者经营场所无法联系",
      "公示企业信息隐瞒真实情况、弄虚作假", "未在责令的期限内公示有关企业信息" },
    0.15, 0.45 },
  { "smuggling_alert", "watch", 300, { 12, 17, 21, 24, 26 }, 2,
    { "HG", "HG", "GA", "SWU" },
    { "《海南自由贸易港法》", "《海南自由贸易港反走私工作规定》", "《中华人民共和国海关法》" },
    { "离岛免税商品“套代购”", "进出岛货物申报不实", "多次被查获涉嫌走私冻品",
      "异常高频离岛免税购物" },
    0.05, 0.35 },
};

static guint32
julian_of (int year, int month, int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&d);
}

static char *
date_text (guint32 julian)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
}

static char *
stamp_text (guint32 julian,
            GRand  *rand)
{
  g_autofree char *day = date_text (julian);

  return g_strdup_printf ("%sT%02d:%02d:00Z", day, g_rand_int_range (rand, 0, 10), g_rand_int_range (rand, 0, 60));
}

static int
year_of (guint32 julian)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  return g_date_get_year (&d);
}

static guint
pick_weighted (GRand       *rand,
               const guint *weights,
               guint        n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = (guint) g_rand_int_range (rand, 0, (gint32) total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

typedef struct
{
  const char *action;
  const char *from;
  const char *to;
  guint32     day;
  const char *actor;
  const char *reason;
} Step;

/* Walks one entry's life from @start, stopping at the end of 2025: the
 * states of the lists' life cycle, each step a few days to months later. */
static guint
walk_life (GRand          *rand,
           const ListPlan *plan,
           guint32         start,
           guint32         end,
           Step           *steps,
           guint32        *until)
{
  guint n = 0;
  guint32 day = start, published;
  gboolean objected = FALSE;

  *until = 0;
  steps[n++] = (Step) { "propose", NULL, "proposed", day, "analyst", "" };
  day += g_rand_int_range (rand, 3, 25);
  if (day > end || g_rand_double (rand) < 0.03)
    return n;
  steps[n++] = (Step) { "notice", "proposed", "noticed", day, "analyst", "" };
  day += g_rand_int_range (rand, 7, 30);
  if (day > end || g_rand_double (rand) < 0.03)
    return n;
  steps[n++] = (Step) { "publish", "noticed", "published", day, "supervisor", "" };
  published = day;
  *until = published + (guint32) (plan->default_years * 365 + plan->default_years / 4);

  if (g_rand_double (rand) < 0.12)
    {
      guint32 at = day + g_rand_int_range (rand, 5, 300);

      if (at <= end)
        {
          steps[n++] = (Step) { "object", "published", "objected", at, "analyst", "主体提出异议，称所依据的信息有误" };
          day = at + g_rand_int_range (rand, 10, 150);
          objected = TRUE;
          if (day > end)
            return n;
          if (g_rand_double (rand) < 0.65)
            steps[n++] = (Step) { "uphold", "objected", "published", day, "supervisor", "经核查，认定依据充分，维持列入" };
          else
            {
              steps[n++] = (Step) { "revoke", "objected", "exited", day, "supervisor", "经核查，异议成立，撤销列入" };
              return n;
            }
        }
    }

  {
    double r = g_rand_double (rand);
    guint32 at = day + g_rand_int_range (rand, 60, 700);

    if (r < plan->p_repair && at <= end && at < *until)
      {
        steps[n++] = (Step) { "repair", "published", "repaired", at, "supervisor", "已纠正失信行为并作出信用承诺，准予修复" };
        return n;
      }
    if (r < plan->p_repair + plan->p_exit && at <= end && at < *until)
      {
        steps[n++] = (Step) { "exit", "published", "exited", at, "supervisor", "列入情形已消除，提前移出" };
        return n;
      }
  }
  /* An objection may outlast the publicity period: the entry then expires
   * the day after it is upheld. */
  if (objected && *until <= day)
    *until = day + 1;
  if (*until <= end)
    steps[n++] = (Step) { "expire", "published", "expired", *until, "supervisor", "" };
  return n;
}

static gboolean
seed_one (HcsStore       *store,
          GRand          *rand,
          const ListPlan *plan,
          const gint64    periods[2],
          gint64          n_subjects,
          const gint64   *departments,
          GArray         *measures,
          guint32         start,
          guint32         end,
          GError        **error)
{
  Step steps[8];
  guint32 until;
  guint n = walk_life (rand, plan, start, end, steps, &until);
  const Step *last = &steps[n - 1];
  g_autofree char *created_at = stamp_text (steps[0].day, rand);
  g_autofree char *updated_at = stamp_text (last->day, rand);
  g_autofree char *decided_on = n > 1 ? date_text (steps[1].day) : NULL;
  g_autofree char *published_from = n > 2 ? date_text (steps[2].day) : NULL;
  g_autofree char *published_until = NULL;
  HcsListSeedEntry e = { 0, };
  gint64 id = 0;

  if (n > 2)
    {
      gboolean ended = g_str_equal (last->to, "repaired") || g_str_equal (last->to, "exited");

      published_until = date_text (ended ? last->day : until);
    }

  e.list_type = plan->key;
  e.department_id = departments[g_rand_int_range (rand, 0, 4)];
  e.basis = plan->basis[g_rand_int_range (rand, 0, 3)];
  e.facts = plan->facts[g_rand_int_range (rand, 0, 4)];
  e.state = last->to;
  e.decided_on = decided_on;
  e.published_from = published_from;
  e.published_until = published_until;
  e.version = n;
  e.created_by = "analyst";
  e.created_at = created_at;
  e.updated_at = updated_at;

  /* An open entry may meet another open one of the same subject: then try
   * another subject. */
  for (guint attempt = 0; attempt < 5 && id == 0; attempt++)
    {
      g_autofree char *region = NULL;

      e.subject_id = g_rand_int_range (rand, 1, (gint32) n_subjects + 1);
      region = hcs_store_lists_subject_region (store, e.subject_id, error);
      if (region == NULL)
        return error == NULL || *error == NULL;
      e.region = region;
      id = hcs_store_lists_seed_entry (store, &e, error);
      if (id < 0)
        return FALSE;
    }
  if (id == 0)
    return TRUE;

  {
    guint k = (guint) g_rand_int_range (rand, 2, 5);
    guint first = (guint) g_rand_int_range (rand, 0, (gint32) measures->len);

    for (guint i = 0; i < k && i < measures->len; i++)
      if (!hcs_store_lists_entry_add_measure (store, id,
                                              g_array_index (measures, gint64, (first + i) % measures->len),
                                              error))
        return FALSE;
  }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *at = i == 0 ? g_strdup (created_at)
                          : i == n - 1 ? g_strdup (updated_at) : stamp_text (steps[i].day, rand);

      g_auto(HcsDeadline) deadline = { 0, };
      g_autofree char *starts_on = NULL;

      /* The notice and an objection start a legal time, counted as the
       * server counts it (hcs_lists_apply_action()). */
      if (g_str_equal (steps[i].action, "notice") || g_str_equal (steps[i].action, "object"))
        {
          starts_on = date_text (steps[i].day);
          hcs_lists_count_period (starts_on, periods[g_str_equal (steps[i].action, "object")], &deadline);
        }
      if (!hcs_store_lists_history_add_deadline (store, id, steps[i].action, steps[i].from, steps[i].to,
                                                 steps[i].reason, steps[i].actor, at, starts_on,
                                                 starts_on ? &deadline : NULL, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * hcs_demo_seed_lists:
 *
 * Entries of every list type (about 6,000 × scale) on subjects drawn from
 * the seeded subjects. Does nothing when there are no subjects.
 */
gboolean
hcs_demo_seed_lists (HcsStore  *store,
                     GRand     *rand,
                     GError   **error)
{
  guint scale = hcs_demo_get_scale ();
  guint32 end = julian_of (FIRST_YEAR + N_YEARS - 1, 12, 31);
  gint64 n_subjects = hcs_store_lists_subjects_max (store, error);

  if (n_subjects < 0)
    return FALSE;
  if (n_subjects == 0)
    return TRUE;

  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    {
      const ListPlan *plan = &plans[p];
      g_autoptr(GArray) measures = hcs_store_lists_measure_ids (store, plan->key, error);
      g_autoptr(JsonObject) type = NULL;
      gint64 departments[4], periods[2];

      if (measures == NULL || measures->len == 0)
        return measures != NULL;
      /* The type's notice period and objection time. */
      if ((type = hcs_store_lists_type_get (store, plan->key, error)) == NULL)
        return FALSE;
      periods[0] = json_object_get_int_member (type, "notice_days");
      periods[1] = json_object_get_int_member (type, "objection_days");
      for (guint d = 0; d < 4; d++)
        {
          departments[d] = hcs_store_lists_department_by_code (store, plan->departments[d], error);
          if (departments[d] < 0)
            return FALSE;
          if (departments[d] == 0)
            departments[d] = 1;
        }
      for (guint i = 0; i < plan->count * scale; i++)
        {
          int year = FIRST_YEAR + (int) pick_weighted (rand, plan->year_weight, N_YEARS);
          guint32 start = julian_of (year, 1, 1) + (guint32) g_rand_int_range (rand, 0, 365);

          if (!seed_one (store, rand, plan, periods, n_subjects, departments, measures, start, end, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The share of cases decided after their deadline falls year by year, as
 * the 信用修复超期核查率 indicator should. */
static const double overdue_share[N_YEARS] = { 0.30, 0.21, 0.14, 0.08, 0.04 };

static double
overdue_of_year (int year)
{
  return overdue_share[CLAMP (year - FIRST_YEAR, 0, N_YEARS - 1)];
}

static const char * const penalty_reasons[] = {
  "已履行行政处罚决定，罚款已缴清，申请修复行政处罚信息",
  "已完成整改并通过复查，申请提前停止公示",
  "已纠正失信行为，提交信用修复承诺书",
  "已参加信用修复培训并提交信用报告",
};

/**
 * hcs_demo_seed_repairs:
 *
 * A case for each repaired list entry (decided on the day of the repair)
 * and penalty-information cases, about 1,000 × scale in all, some overdue.
 */
gboolean
hcs_demo_seed_repairs (HcsStore  *store,
                       GRand     *rand,
                       GError   **error)
{
  guint scale = hcs_demo_get_scale ();
  guint32 end = julian_of (FIRST_YEAR + N_YEARS - 1, 12, 31);
  static const guint volume[N_YEARS] = { 12, 17, 21, 24, 26 };
  g_autoptr(JsonArray) repaired = hcs_store_repairs_repaired_entries (store, error);
  gint64 n_subjects, market;
  guint total = 1000 * scale, made = 0;

  if (repaired == NULL)
    return FALSE;
  /* 谁认定、谁修复: a penalty case whose subject has no penalty on record
   * names the 市场监管 department as the one that decided it. */
  market = hcs_store_lists_department_by_code (store, "SCJG", error);
  if (market < 0)
    return FALSE;
  n_subjects = hcs_store_lists_subjects_max (store, error);
  if (n_subjects < 0)
    return FALSE;
  if (n_subjects == 0)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (repaired); i++, made++)
    {
      JsonObject *row = json_array_get_object_element (repaired, i);
      const char *repaired_on = json_object_get_string_member (row, "repaired_on");
      GDate d;
      guint32 decided, applied;
      gboolean late;
      g_autofree char *applied_text = NULL, *deadline = NULL, *created_at = NULL;
      HcsRepairSeed r = { 0, };

      g_date_clear (&d, 1);
      g_date_set_parse (&d, repaired_on);
      if (!g_date_valid (&d))
        continue;
      decided = g_date_get_julian (&d);
      late = g_rand_double (rand) < overdue_of_year (year_of (decided));
      applied = decided - (guint32) (late ? g_rand_int_range (rand, 21, 50) : g_rand_int_range (rand, 3, 20));
      applied_text = date_text (applied);
      deadline = date_text (applied + 20);
      created_at = stamp_text (applied, rand);
      r.subject_id = json_object_get_int_member (row, "subject_id");
      r.entry_id = json_object_get_int_member (row, "entry_id");
      r.kind = "list_entry";
      r.reason = "已纠正失信行为、履行相关义务，申请移出名单";
      r.commitment = TRUE;
      r.applied_on = applied_text;
      r.deadline = deadline;
      r.state = "approved";
      r.decided_on = repaired_on;
      r.decided_by = "supervisor";
      r.comment = "材料齐全，准予修复";
      r.created_by = "analyst";
      r.created_at = created_at;
      if (!hcs_store_repairs_seed (store, &r, error))
        return FALSE;
    }

  for (; made < total; made++)
    {
      int year = FIRST_YEAR + (int) pick_weighted (rand, volume, N_YEARS);
      guint32 applied = julian_of (year, 1, 1) + (guint32) g_rand_int_range (rand, 0, 365);
      gboolean late = g_rand_double (rand) < overdue_of_year (year);
      guint32 decided = applied + (guint32) (late ? g_rand_int_range (rand, 16, 45) : g_rand_int_range (rand, 2, 15));
      gboolean pending = decided > end;
      gboolean rejected = !pending && g_rand_double (rand) < 0.12;
      g_autofree char *applied_text = date_text (applied);
      g_autofree char *deadline = date_text (applied + 15);
      g_autofree char *decided_text = pending ? NULL : date_text (decided);
      g_autofree char *created_at = stamp_text (applied, rand);
      HcsRepairSeed r = { 0, };

      r.subject_id = g_rand_int_range (rand, 1, (gint32) n_subjects + 1);
      r.department_id = market;
      r.kind = "penalty";
      r.reason = penalty_reasons[g_rand_int_range (rand, 0, G_N_ELEMENTS (penalty_reasons))];
      r.commitment = g_rand_double (rand) < 0.8;
      r.applied_on = applied_text;
      r.deadline = deadline;
      r.state = pending ? "pending" : rejected ? "rejected" : "approved";
      r.decided_on = decided_text;
      r.decided_by = pending ? NULL : "supervisor";
      r.comment = pending ? NULL : rejected ? "行政处罚决定尚未履行完毕，不予修复" : "符合修复条件，准予修复";
      r.created_by = "analyst";
      r.created_at = created_at;
      if (!hcs_store_repairs_seed (store, &r, error))
        return FALSE;
    }
  /* A few pending list-entry cases of entries the 省信用办 designated (the
   * demo users' department), so that the demo supervisor has cases to
   * decide (谁认定、谁修复); applied in the last days of the demo, some past
   * their deadline. No draw from @rand: the seeders after this one keep
   * their data. */
  {
    gint64 office = hcs_store_lists_department_by_code (store, "XYB", error);
    g_autoptr(JsonArray) open = NULL;

    if (office < 0 || (open = hcs_store_repairs_published_entries (store, office, 6, error)) == NULL)
      return FALSE;
    for (guint i = 0; i < json_array_get_length (open); i++)
      {
        JsonObject *row = json_array_get_object_element (open, i);
        guint32 applied = end - 30 + 5 * i;
        g_autofree char *applied_text = date_text (applied);
        g_autofree char *deadline = date_text (applied + 20);
        g_autofree char *created_at = date_text (applied);
        g_autofree char *stamp = g_strconcat (created_at, "T09:30:00Z", NULL);
        HcsRepairSeed r = { 0, };

        r.subject_id = json_object_get_int_member (row, "subject_id");
        r.entry_id = json_object_get_int_member (row, "entry_id");
        r.kind = "list_entry";
        r.reason = "已纠正失信行为，申请移出重点关注名单";
        r.commitment = i % 2 == 0;
        r.applied_on = applied_text;
        r.deadline = deadline;
        r.state = "pending";
        r.created_by = "analyst";
        r.created_at = stamp;
        if (!hcs_store_repairs_seed (store, &r, error))
          return FALSE;
      }
  }
  return TRUE;
}
