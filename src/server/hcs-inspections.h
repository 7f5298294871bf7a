/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 双随机、一公开: a plan's creation, its random and verifiable draw (and
 * redraw), the verification of a draw, and an inspection's result. */
#pragma once

#include <json-glib/json-glib.h>

#include "hcs-store-inspections.h"

G_BEGIN_DECLS

/* An inspector's declared conflict, as the plan's body gives it. */
typedef struct
{
  const char *inspector;       /* user name */
  const char *subject;         /* identifier, as typed */
  const char *reason;
} HcsInspectionConflict;

gint64      hcs_inspections_plan_create  (HcsStore                     *store,
                                          const HcsInspectionPlan      *plan,
                                          const char * const           *inspectors,
                                          const HcsInspectionConflict  *conflicts,
                                          guint                         n_conflicts,
                                          const char                   *actor,
                                          GError                      **error);
JsonObject *hcs_inspections_plan_present (JsonObject                   *stored);
gboolean    hcs_inspections_conflict_add (HcsStore                     *store,
                                          gint64                        plan_id,
                                          const HcsInspectionConflict  *conflict,
                                          GError                      **error);
gboolean    hcs_inspections_conflict_remove (HcsStore                  *store,
                                             gint64                     plan_id,
                                             const char                *inspector,
                                             const char                *subject,
                                             GError                   **error);
gint64      hcs_inspections_draw         (HcsStore                     *store,
                                          gint64                        plan_id,
                                          const char                   *seed,
                                          const char                   *reason,
                                          const char                   *actor,
                                          GError                      **error);
JsonObject *hcs_inspections_verify       (HcsStore                     *store,
                                          gint64                        draw_id,
                                          GError                      **error);
gboolean    hcs_inspections_record       (HcsStore                     *store,
                                          gint64                        inspection_id,
                                          const char                   *result,
                                          const char                   *note,
                                          const char                   *actor,
                                          GError                      **error);

G_END_DECLS
