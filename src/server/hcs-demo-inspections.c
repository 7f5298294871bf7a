/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo data for 双随机、一公开: four inspectors of 省市场监管局 (they sign in
 * with the demo password) and three plans — one drawn with most results
 * recorded (a few 责令整改 and 不合格, published and in the subjects'
 * files), one drawn and waiting for the field teams, one not drawn yet
 * with a declared conflict — so the inspections pane shows every state. */
#define G_LOG_DOMAIN "hcs-demo-inspections"

#include "config.h"

#include <string.h>

#include "hcs-auth.h"
#include "hcs-demo.h"
#include "hcs-inspections.h"
#include "hcs-store-users.h"

static const struct { const char *username; const char *display; } inspectors[] = {
  { "scjg.wang",  "王海" },
  { "scjg.li",    "李琳" },
  { "scjg.chen",  "陈明" },
  { "scjg.zhao",  "赵敏" },
};

static const char * const findings_rectify[] = {
  "未按规定公示年度报告，责令十五日内改正",
  "经营场所与登记住所不符，责令限期办理变更登记",
  "部分商品未明码标价，责令立即整改",
};

static const char * const findings_fail[] = {
  "销售过期食品，已移交执法机构立案调查",
  "无证经营，经营场所已停止经营活动",
};

static gint64
department_id (HcsStore    *store,
               const char  *code,
               GError     **error)
{
  g_autoptr(JsonArray) all = hcs_store_departments_list (store, error);

  for (guint i = 0; all != NULL && i < json_array_get_length (all); i++)
    {
      JsonObject *d = json_array_get_object_element (all, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (d, "code", NULL), code) == 0)
        return json_object_get_int_member (d, "id");
    }
  if (all != NULL)
    g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "no demo department %s", code);
  return 0;
}

static gint64
plan (HcsStore                     *store,
      gint64                        department,
      const char                   *title,
      const char                   *region,
      const char                   *industry,
      const gint64                  ratios[4],
      const HcsInspectionConflict  *conflicts,
      guint                         n_conflicts,
      GError                      **error)
{
  const char *names[G_N_ELEMENTS (inspectors) + 1];
  HcsInspectionPlan p = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (inspectors); i++)
    names[i] = inspectors[i].username;
  names[G_N_ELEMENTS (inspectors)] = NULL;
  p.title = title;
  p.department_id = department;
  p.region = region;
  p.industry = industry;
  memcpy (p.ratios, ratios, sizeof p.ratios);
  p.exclusion_days = 365;
  return hcs_inspections_plan_create (store, &p, names, conflicts, n_conflicts, "supervisor", error);
}

/* Records the results of the first two thirds of the draw's inspections:
 * mostly 合格, every seventh 责令整改, every eleventh 不合格. Sets
 * @first_identifier to the subject of the first. */
static gboolean
record_results (HcsStore    *store,
                GRand       *rand,
                gint64       draw_id,
                char       **first_identifier,
                GError     **error)
{
  g_autoptr(JsonArray) rows = hcs_store_inspections_list (store, draw_id, 0, 10000, error);
  guint n;

  if (rows == NULL)
    return FALSE;
  n = json_array_get_length (rows);
  for (guint i = 0; i < n * 2 / 3; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *result = "pass";
      const char *note = "";

      if (i == 0)
        *first_identifier = g_strdup (json_object_get_string_member (row, "identifier"));
      if (i % 11 == 10)
        {
          result = "fail";
          note = findings_fail[g_rand_int_range (rand, 0, G_N_ELEMENTS (findings_fail))];
        }
      else if (i % 7 == 6)
        {
          result = "rectify";
          note = findings_rectify[g_rand_int_range (rand, 0, G_N_ELEMENTS (findings_rectify))];
        }
      if (!hcs_inspections_record (store, json_object_get_int_member (row, "id"), result, note,
                                   json_object_get_string_member (row, "inspector_1"), error))
        return FALSE;
    }
  return TRUE;
}

/* A draw's seed from the demo's own generator, so that seeding the demo
 * twice draws the same subjects (and gives them the same grades). */
static char *
demo_seed (GRand *rand)
{
  return g_strdup_printf ("%08x%08x%08x%08x", g_rand_int (rand), g_rand_int (rand),
                          g_rand_int (rand), g_rand_int (rand));
}

/**
 * hcs_demo_seed_inspections:
 * @password: the demo users' password, for the inspectors
 *
 * Runs after the grades (the draws sample by grade) and the demo users.
 */
gboolean
hcs_demo_seed_inspections (HcsStore    *store,
                           GRand       *rand,
                           const char  *password,
                           GError     **error)
{
  static const gint64 haikou[4] = { 200, 500, 1000, 10000 };      /* A 2 %, B 5 %, C 10 %, D 100 % */
  static const gint64 sanya[4] = { 300, 500, 2000, 10000 };
  static const gint64 province[4] = { 100, 300, 1000, 10000 };
  g_autofree char *first = NULL;
  g_autofree char *seed_haikou = demo_seed (rand);
  g_autofree char *seed_sanya = demo_seed (rand);
  gint64 department, id, draw;

  if ((department = department_id (store, "SCJG", error)) == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (inspectors); i++)
    {
      g_autofree char *hash = hcs_auth_hash_password (password, error);

      if (hash == NULL ||
          hcs_store_users_insert (store, inspectors[i].username, inspectors[i].display, HC_ROLE_ANALYST, hash,
                                  department, error) == 0)
        return FALSE;
    }

  /* Drawn, most results in. */
  if ((id = plan (store, department, "2026年市场监管领域双随机抽查（海口市·批发和零售业）", "460100", "批发和零售业",
                  haikou, NULL, 0, error)) == 0 ||
      (draw = hcs_inspections_draw (store, id, seed_haikou, NULL, "supervisor", error)) == 0 ||
      !record_results (store, rand, draw, &first, error))
    return FALSE;

  /* Drawn, the field teams at work. */
  if ((id = plan (store, department, "2026年旅游市场双随机抽查（三亚市·住宿和餐饮业）", "460200", "住宿和餐饮业",
                  sanya, NULL, 0, error)) == 0 ||
      hcs_inspections_draw (store, id, seed_sanya, NULL, "supervisor", error) == 0)
    return FALSE;

  /* Not drawn yet: an inspector has declared a conflict. */
  {
    HcsInspectionConflict conflict = { "scjg.li", first, "亲属在该企业担任财务负责人" };

    if (first == NULL)
      {
        g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "the demo draw drew no subject");
        return FALSE;
      }
    if (plan (store, department, "2026年第四季度食品经营双随机抽查（全省·批发和零售业）", NULL, "批发和零售业",
              province, &conflict, 1, error) == 0)
      return FALSE;
  }
  return TRUE;
}
