/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for 名单: list types, measures, entries and their history
 * (batch matching: hcs-store-match.h). */
#pragma once

#include "hcs-holidays.h"
#include "hcs-request.h"
#include "hcs-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *state;    /* all filters nullable */
  const char *region;
  const char *q;        /* name substring or exact identifier */
} HcsListFilter;

JsonArray  *hcs_store_lists_types          (HcsStore             *store,
                                            GError              **error);
JsonObject *hcs_store_lists_type_get       (HcsStore             *store,
                                            const char           *key,
                                            GError              **error);
gboolean    hcs_store_lists_type_set_periods (HcsStore           *store,
                                            const char           *key,
                                            gint64                notice_days,
                                            gint64                objection_days,
                                            GError              **error);
JsonArray  *hcs_store_lists_entries        (HcsStore             *store,
                                            const char           *list_type,
                                            const HcsListFilter  *filter,
                                            const HcsPage        *page,
                                            gint64               *total,
                                            GError              **error);
gint64      hcs_store_lists_find_subject   (HcsStore             *store,
                                            const char           *identifier,
                                            char                **region,
                                            GError              **error);
gboolean    hcs_store_lists_department_exists (HcsStore          *store,
                                            gint64                id,
                                            GError              **error);
gint64      hcs_store_lists_measure_find   (HcsStore             *store,
                                            const char           *list_type,
                                            const char           *code,
                                            gint64                id,
                                            GError              **error);
gint64      hcs_store_lists_entry_insert   (HcsStore             *store,
                                            const char           *list_type,
                                            gint64                subject_id,
                                            gint64                department_id,
                                            const char           *region,
                                            const char           *basis,
                                            const char           *facts,
                                            const char           *published_until,
                                            const char           *actor,
                                            GError              **error);
gboolean    hcs_store_lists_entry_add_measure (HcsStore          *store,
                                            gint64                entry_id,
                                            gint64                measure_id,
                                            GError              **error);
gboolean    hcs_store_lists_history_add    (HcsStore             *store,
                                            gint64                entry_id,
                                            const char           *action,
                                            const char           *from_state,
                                            const char           *to_state,
                                            const char           *reason,
                                            const char           *actor,
                                            const char           *at,
                                            GError              **error);
gboolean    hcs_store_lists_history_add_deadline (HcsStore       *store,
                                            gint64                entry_id,
                                            const char           *action,
                                            const char           *from_state,
                                            const char           *to_state,
                                            const char           *reason,
                                            const char           *actor,
                                            const char           *at,
                                            const char           *starts_on,
                                            const HcsDeadline    *deadline,
                                            GError              **error);
JsonObject *hcs_store_lists_entry_get      (HcsStore             *store,
                                            gint64                id,
                                            gboolean              with_history,
                                            GError              **error);
gboolean    hcs_store_lists_entry_set_state (HcsStore            *store,
                                            gint64                id,
                                            gint64                version,
                                            const char           *state,
                                            const char           *decided_on,
                                            const char           *published_from,
                                            const char           *published_until,
                                            GError              **error);

/* For the demo seeder. */
typedef struct
{
  const char *list_type;
  gint64      subject_id;
  gint64      department_id;
  const char *region;
  const char *basis;
  const char *facts;
  const char *state;
  const char *decided_on;
  const char *published_from;
  const char *published_until;
  gint64      version;
  const char *created_by;
  const char *created_at;
  const char *updated_at;
} HcsListSeedEntry;

gint64      hcs_store_lists_subjects_max   (HcsStore             *store,
                                            GError              **error);
char       *hcs_store_lists_subject_region (HcsStore             *store,
                                            gint64                id,
                                            GError              **error);
gint64      hcs_store_lists_department_by_code (HcsStore         *store,
                                            const char           *code,
                                            GError              **error);
GArray     *hcs_store_lists_measure_ids    (HcsStore             *store,
                                            const char           *list_type,
                                            GError              **error);
gint64      hcs_store_lists_seed_entry     (HcsStore             *store,
                                            const HcsListSeedEntry *entry,
                                            GError              **error);

G_END_DECLS
