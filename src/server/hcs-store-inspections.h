/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for 双随机、一公开: inspection plans, their inspectors and declared
 * conflicts, draws, inspections and their published results. */
#pragma once

#include "hcs-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *title;
  gint64      department_id;
  const char *region;          /* nullable: any */
  const char *industry;        /* nullable: any */
  const char *subject_type;    /* nullable: any */
  gint64      ratios[4];       /* A, B, C, D in hundredths of a percent */
  gint64      exclusion_days;
} HcsInspectionPlan;

/* One inspection as a draw makes it. */
typedef struct
{
  gint64 subject_id;
  int    grade;                /* 0 … 3: A … D */
  gint64 inspectors[2];
} HcsInspectionPick;

gint64      hcs_store_inspections_plan_insert     (HcsStore                 *store,
                                                   const HcsInspectionPlan  *plan,
                                                   const char               *actor,
                                                   GError                  **error);
gboolean    hcs_store_inspections_inspector_add   (HcsStore                 *store,
                                                   gint64                    plan_id,
                                                   gint64                    user_id,
                                                   GError                  **error);
gboolean    hcs_store_inspections_conflict_add    (HcsStore                 *store,
                                                   gint64                    plan_id,
                                                   gint64                    user_id,
                                                   gint64                    subject_id,
                                                   const char               *reason,
                                                   GError                  **error);
gint64      hcs_store_inspections_department_user (HcsStore                 *store,
                                                   const char               *username,
                                                   gint64                    department_id,
                                                   GError                  **error);
JsonArray  *hcs_store_inspections_department_users (HcsStore             *store,
                                                    gint64                department_id,
                                                    GError              **error);
int         hcs_store_inspections_conflict_remove (HcsStore                 *store,
                                                   gint64                    plan_id,
                                                   gint64                    user_id,
                                                   gint64                    subject_id,
                                                   GError                  **error);
JsonObject *hcs_store_inspections_plan_get        (HcsStore                 *store,
                                                   gint64                    id,
                                                   GError                  **error);
JsonArray  *hcs_store_inspections_plans_list      (HcsStore                 *store,
                                                   gint64                    after_id,
                                                   guint                     limit,
                                                   GError                  **error);
GArray     *hcs_store_inspections_pool            (HcsStore                 *store,
                                                   gint64                    plan_id,
                                                   GError                  **error);
gboolean    hcs_store_inspections_candidates      (HcsStore                 *store,
                                                   const HcsInspectionPlan  *scope,
                                                   GArray                   *by_grade[4],
                                                   GError                  **error);
GArray     *hcs_store_inspections_exclusions      (HcsStore                 *store,
                                                   gint64                    plan_id,
                                                   const char               *since,
                                                   GError                  **error);
gint64      hcs_store_inspections_final_draw      (HcsStore                 *store,
                                                   gint64                    plan_id,
                                                   GError                  **error);
gint64      hcs_store_inspections_results_count   (HcsStore                 *store,
                                                   gint64                    draw_id,
                                                   GError                  **error);
gboolean    hcs_store_inspections_draw_supersede  (HcsStore                 *store,
                                                   gint64                    draw_id,
                                                   GError                  **error);
gint64      hcs_store_inspections_draw_insert     (HcsStore                 *store,
                                                   gint64                    plan_id,
                                                   const char               *seed,
                                                   const char               *candidates,
                                                   const char               *candidates_sha256,
                                                   const char               *exclusions,
                                                   const char               *exclusions_sha256,
                                                   gint64                    n_candidates,
                                                   gint64                    n_drawn,
                                                   const char               *reason,
                                                   gint64                    replaces,
                                                   const char               *actor,
                                                   const char               *today,
                                                   GError                  **error);
gboolean    hcs_store_inspections_pick_insert     (HcsStore                 *store,
                                                   gint64                    draw_id,
                                                   gint64                    plan_id,
                                                   gint64                    position,
                                                   const HcsInspectionPick  *pick,
                                                   GError                  **error);
JsonObject *hcs_store_inspections_draw_get        (HcsStore                 *store,
                                                   gint64                    id,
                                                   gboolean                  with_snapshot,
                                                   GError                  **error);
GArray     *hcs_store_inspections_draw_picks      (HcsStore                 *store,
                                                   gint64                    draw_id,
                                                   GError                  **error);
JsonArray  *hcs_store_inspections_list            (HcsStore                 *store,
                                                   gint64                    draw_id,
                                                   gint64                    after_id,
                                                   guint                     limit,
                                                   GError                  **error);
JsonObject *hcs_store_inspections_get             (HcsStore                 *store,
                                                   gint64                    id,
                                                   GError                  **error);
gboolean    hcs_store_inspections_result_set      (HcsStore                 *store,
                                                   gint64                    id,
                                                   const char               *result,
                                                   const char               *note,
                                                   const char               *actor,
                                                   const char               *today,
                                                   GError                  **error);
JsonArray  *hcs_store_inspections_publicity       (HcsStore                 *store,
                                                   const char               *region,
                                                   const char               *result,
                                                   const char               *after_key,
                                                   gint64                    after_id,
                                                   guint                     limit,
                                                   GError                  **error);

G_END_DECLS
