/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 公共信用综合评价: the factors of a grade, model versions (drafted,
 * previewed, published), each subject's grade and its explanation, and a
 * supervisor's override. */
#pragma once

#include <json-glib/json-glib.h>

#include "hcs-store-grading.h"

G_BEGIN_DECLS

/* Years since registration counts at most this many. */
#define HCS_GRADING_MAX_YEARS 10

/* The factors: years since registration, then the counts of the scan in
 * their order (HcsGradeCount + 1). */
#define HCS_GRADING_N_FACTORS (1 + HCS_GRADE_N_COUNTS)

typedef struct
{
  gint64 id;
  gint64 base_score;
  gint64 bands[3];                          /* the lowest score of A, B and C */
  gint64 weights[HCS_GRADING_N_FACTORS];
} HcsGradingModel;

const char *hcs_grading_factor_key      (guint                   factor);
const char *hcs_grading_factor_label    (guint                   factor);
int         hcs_grading_factor_lookup   (const char             *key);

gboolean    hcs_grading_model_load      (HcsStore               *store,
                                         gint64                  id,
                                         HcsGradingModel        *model,
                                         JsonObject            **json,
                                         GError                **error);
JsonObject *hcs_grading_model_present   (JsonObject             *model);
void        hcs_grading_default_model   (HcsGradingModel        *model);

/* The versions as drafted (hcs-grading-drafts.c) */
gint64      hcs_grading_draft_create    (HcsStore               *store,
                                         gint64                  based_on,
                                         const char             *title,
                                         const char             *actor,
                                         GError                **error);
gboolean    hcs_grading_draft_discard   (HcsStore               *store,
                                         gint64                  id,
                                         gint64                  version,
                                         GError                **error);
gboolean    hcs_grading_draft_edit      (HcsStore               *store,
                                         gint64                  id,
                                         gint64                  version,
                                         const char             *title,
                                         JsonNode               *base_score,
                                         JsonNode               *bands,
                                         JsonNode               *weights,
                                         GError                **error);
JsonObject *hcs_grading_preview         (HcsStore               *store,
                                         gint64                  model_id,
                                         GError                **error);
JsonObject *hcs_grading_publish         (HcsStore               *store,
                                         gint64                  model_id,
                                         gint64                  version,
                                         const char             *actor,
                                         GError                **error);
gint64      hcs_grading_refresh_stale   (HcsStore               *store,
                                         gint64                 *cursor,
                                         gint64                  max_ids,
                                         GError                **error);
gboolean    hcs_grading_regrade_subject (HcsStore               *store,
                                         gint64                  subject_id,
                                         GError                **error);
gboolean    hcs_grading_regrade_identifier (HcsStore            *store,
                                         const char             *identifier,
                                         GError                **error);
gboolean    hcs_grading_regrade_import  (HcsStore               *store,
                                         gint64                  import_id,
                                         GError                **error);
JsonObject *hcs_grading_explain         (HcsStore               *store,
                                         gint64                  subject_id,
                                         GError                **error);
gboolean    hcs_grading_override        (HcsStore               *store,
                                         gint64                  subject_id,
                                         const char             *grade,
                                         const char             *reason,
                                         const char             *actor,
                                         GError                **error);
gboolean    hcs_grading_seed_demo       (HcsStore               *store,
                                         GError                **error);

G_END_DECLS
