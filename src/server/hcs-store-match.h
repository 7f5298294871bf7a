/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for 名单自动比对: matching subjects against the entries in force, the
 * runs with their input, hits and unreadable rows, clearances of false
 * matches, and the departments' feedback on hits (效果自动反馈). */
#pragma once

#include "hcs-request.h"
#include "hcs-store.h"

G_BEGIN_DECLS

/* What a match saw: its hits, and the state of the lists it read. */
typedef struct
{
  JsonArray *hits;          /* one object per hit, in input order */
  gint64     cleared;       /* hits not raised: cleared as false matches */
  gint64     history_mark;  /* the last list history line it read */
} HcsMatchResult;

void        hcs_match_result_clear          (HcsMatchResult       *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HcsMatchResult, hcs_match_result_clear)

gboolean    hcs_store_match                 (HcsStore             *store,
                                             const char * const   *identifiers,
                                             guint                 n_identifiers,
                                             HcsMatchResult       *result,
                                             GError              **error);

/* A run to record, with what it was given. */
typedef struct
{
  const char          *actor;
  const char          *purpose;
  const char          *input_sha256;
  const char          *input_format;   /* json, csv or xlsx */
  const char * const  *identifiers;    /* distinct, normalised */
  guint                n_identifiers;
  gint64               subjects;       /* received, counting unreadable ones */
  JsonArray           *invalid;        /* {row, value, code} */
  gint64               previous_run_id; /* a re-run's run, else 0 */
  gint64               duration_ms;
} HcsMatchRun;

gint64      hcs_store_match_record          (HcsStore             *store,
                                             const HcsMatchRun    *run,
                                             const HcsMatchResult *result,
                                             GError              **error);
JsonArray  *hcs_store_match_runs            (HcsStore             *store,
                                             const HcsPage        *page,
                                             gint64               *total,
                                             GError              **error);
JsonObject *hcs_store_match_run_get         (HcsStore             *store,
                                             gint64                id,
                                             GError              **error);
JsonObject *hcs_store_match_run_input      (HcsStore             *store,
                                             gint64                id,
                                             GError              **error);
GPtrArray  *hcs_store_match_run_identifiers (HcsStore             *store,
                                             gint64                id,
                                             GError              **error);

typedef struct
{
  const char *list_type;   /* all nullable */
  const char *list_class;
  const char *state;
  const char *feedback;    /* applied, not_applied or pending */
  const char *change;      /* new or gone: against the run's previous run */
} HcsMatchHitFilter;

JsonArray  *hcs_store_match_hits            (HcsStore                 *store,
                                             gint64                    run_id,
                                             const HcsMatchHitFilter  *filter,
                                             const HcsPage            *page,
                                             gint64                   *total,
                                             GError                  **error);
JsonObject *hcs_store_match_hit_get         (HcsStore             *store,
                                             gint64                run_id,
                                             gint64                entry_id,
                                             GError              **error);
JsonArray  *hcs_store_match_invalid         (HcsStore             *store,
                                             gint64                run_id,
                                             const HcsPage        *page,
                                             gint64               *total,
                                             GError              **error);
gboolean    hcs_store_match_set_feedback    (HcsStore             *store,
                                             gint64                run_id,
                                             gint64                entry_id,
                                             const char           *feedback,
                                             const char           *note,
                                             const char           *actor,
                                             gint64                department_id,
                                             GError              **error);
JsonArray  *hcs_store_match_feedback_by_month (HcsStore           *store,
                                             const char           *list_type,
                                             GError              **error);

gint64      hcs_store_match_clear           (HcsStore             *store,
                                             gint64                run_id,
                                             gint64                entry_id,
                                             const char           *reason,
                                             const char           *actor,
                                             GError              **error);
JsonObject *hcs_store_match_clearance_get   (HcsStore             *store,
                                             gint64                id,
                                             GError              **error);
JsonArray  *hcs_store_match_clearances      (HcsStore             *store,
                                             gboolean              standing_only,
                                             const HcsPage        *page,
                                             gint64               *total,
                                             GError              **error);
gboolean    hcs_store_match_withdraw        (HcsStore             *store,
                                             gint64                id,
                                             const char           *reason,
                                             const char           *actor,
                                             GError              **error);

G_END_DECLS
