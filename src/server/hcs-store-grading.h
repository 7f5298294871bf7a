/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for 公共信用综合评价: model versions and their weights, the facts of
 * a subject's file that the factors count, the computed grades and the
 * overrides. */
#pragma once

#include "hcs-store.h"

G_BEGIN_DECLS

/* What the scan counts in a subject's file, in this order (the factors of
 * hcs-grading.c, after years since registration, which it computes from
 * registered_on). */
typedef enum
{
  HCS_GRADE_COUNT_PENALTIES_SEVERE_RECENT,
  HCS_GRADE_COUNT_PENALTIES_SEVERE_EARLIER,
  HCS_GRADE_COUNT_PENALTIES_MINOR_RECENT,
  HCS_GRADE_COUNT_PENALTIES_MINOR_EARLIER,
  HCS_GRADE_COUNT_BLACK_IN_FORCE,
  HCS_GRADE_COUNT_BLACK_ENDED,
  HCS_GRADE_COUNT_WATCH_IN_FORCE,
  HCS_GRADE_COUNT_WATCH_ENDED,
  HCS_GRADE_COUNT_RED_IN_FORCE,
  HCS_GRADE_COUNT_COMMITMENTS_KEPT,
  HCS_GRADE_COUNT_COMMITMENTS_BROKEN,
  HCS_GRADE_COUNT_REPAIRS_COMPLETED,
  HCS_GRADE_COUNT_INSPECTIONS_FAILED,
  HCS_GRADE_N_COUNTS
} HcsGradeCount;

/* One subject as the scan reads it; the strings live until the callback
 * returns. */
typedef struct
{
  gint64      subject_id;
  const char *region;
  const char *industry;
  const char *registered_on;    /* nullable */
  const char *grade;            /* the grade in force, nullable */
  const char *override_grade;   /* the open override's, nullable */
  int         counts[HCS_GRADE_N_COUNTS];
} HcsGradeFacts;

/* The days that bound the counts: penalties decided after @recent_since
 * (and up to @as_of) are recent, those after @earlier_since earlier; older
 * ones are not counted. */
typedef struct
{
  const char *as_of;
  const char *recent_since;
  const char *earlier_since;
} HcsGradeDays;

typedef gboolean (*HcsGradeFactsFunc) (const HcsGradeFacts  *facts,
                                       gpointer              data,
                                       GError              **error);

gboolean    hcs_store_grading_scan            (HcsStore            *store,
                                               gint64               first_id,
                                               gint64               last_id,
                                               const HcsGradeDays  *days,
                                               HcsGradeFactsFunc    func,
                                               gpointer             data,
                                               GError             **error);
GArray     *hcs_store_grading_import_subjects (HcsStore            *store,
                                               gint64               import_id,
                                               GError             **error);

JsonArray  *hcs_store_grading_distribution    (HcsStore            *store,
                                               GError             **error);
JsonArray  *hcs_store_grading_models_list     (HcsStore            *store,
                                               GError             **error);
JsonObject *hcs_store_grading_model_get       (HcsStore            *store,
                                               gint64               id,
                                               GError             **error);
gint64      hcs_store_grading_model_in_state  (HcsStore            *store,
                                               const char          *state,
                                               GError             **error);
gint64      hcs_store_grading_first_stale     (HcsStore            *store,
                                               const char          *as_of,
                                               gint64               after_id,
                                               GError             **error);
gint64      hcs_store_grading_model_insert    (HcsStore            *store,
                                               const char          *title,
                                               gint64               base_score,
                                               const gint64         bands[3],
                                               gint64               based_on,
                                               const char          *actor,
                                               GError             **error);
gboolean    hcs_store_grading_model_update    (HcsStore            *store,
                                               gint64               id,
                                               gint64               version,
                                               const char          *title,
                                               gint64               base_score,
                                               const gint64         bands[3],
                                               GError             **error);
gboolean    hcs_store_grading_draft_delete    (HcsStore            *store,
                                               gint64               id,
                                               gint64               version,
                                               GError             **error);
gboolean    hcs_store_grading_weight_set      (HcsStore            *store,
                                               gint64               model_id,
                                               const char          *factor,
                                               gint64               weight,
                                               GError             **error);
gboolean    hcs_store_grading_model_publish   (HcsStore            *store,
                                               gint64               id,
                                               gint64               version,
                                               const char          *actor,
                                               GError             **error);

gboolean    hcs_store_grading_write           (HcsStore            *store,
                                               gint64               subject_id,
                                               gint64               model_id,
                                               gint64               score,
                                               const char          *grade,
                                               const char          *as_of,
                                               GError             **error);
gboolean    hcs_store_grading_set_in_force    (HcsStore            *store,
                                               gint64               subject_id,
                                               const char          *grade,
                                               GError             **error);
/* A pass's grades, written at once over PostgreSQL (hcs-store-grading.c). */
typedef struct _HcsGradeWriter HcsGradeWriter;

HcsGradeWriter *hcs_grade_writer_new          (HcsStore            *store);
gboolean    hcs_grade_writer_add              (HcsGradeWriter      *self,
                                               gint64               subject_id,
                                               gint64               model_id,
                                               gint64               score,
                                               const char          *grade,
                                               const char          *as_of,
                                               const char          *in_force,
                                               GError             **error);
gboolean    hcs_grade_writer_finish           (HcsGradeWriter      *self,
                                               GError             **error);
void        hcs_grade_writer_free             (HcsGradeWriter      *self);
JsonObject *hcs_store_grading_subject_get     (HcsStore            *store,
                                               gint64               subject_id,
                                               GError             **error);
JsonObject *hcs_store_grading_override_open   (HcsStore            *store,
                                               gint64               subject_id,
                                               GError             **error);
JsonArray  *hcs_store_grading_overrides       (HcsStore            *store,
                                               gint64               subject_id,
                                               GError             **error);
gint64      hcs_store_grading_override_insert (HcsStore            *store,
                                               gint64               subject_id,
                                               const char          *grade,
                                               const char          *reason,
                                               const char          *actor,
                                               GError             **error);
gboolean    hcs_store_grading_override_lift   (HcsStore            *store,
                                               gint64               override_id,
                                               const char          *reason,
                                               const char          *actor,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsGradeWriter, hcs_grade_writer_free)

G_END_DECLS
