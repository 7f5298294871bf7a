/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for 信用修复 cases: applications, deadlines and decisions. */
#pragma once

#include "hcs-request.h"
#include "hcs-holidays.h"
#include "hcs-store.h"

G_BEGIN_DECLS

JsonArray  *hcs_store_repairs_list    (HcsStore       *store,
                                       const char     *state,
                                       gboolean        overdue_only,
                                       const char     *today,
                                       const HcsPage  *page,
                                       gint64         *total,
                                       GError        **error);
JsonObject *hcs_store_repairs_get     (HcsStore       *store,
                                       gint64          id,
                                       const char     *today,
                                       GError        **error);
gint64      hcs_store_repairs_insert  (HcsStore       *store,
                                       gint64          subject_id,
                                       gint64          entry_id,
                                       const char     *kind,
                                       const char     *reason,
                                       gboolean        commitment,
                                       const char     *applied_on,
                                       const HcsDeadline *deadline,
                                       gint64          department_id,
                                       const char     *actor,
                                       GError        **error);
gboolean    hcs_store_repairs_add_evidence (HcsStore   *store,
                                            gint64      repair_id,
                                            guint       position,
                                            const char *item,
                                            GError    **error);
gboolean    hcs_store_repairs_decide  (HcsStore       *store,
                                       gint64          id,
                                       gint64          version,
                                       const char     *state,
                                       const char     *decided_on,
                                       const char     *decided_by,
                                       const char     *comment,
                                       GError        **error);

/* For the demo seeder. */
typedef struct
{
  gint64      subject_id;
  gint64      entry_id;     /* 0: none */
  gint64      department_id; /* 0: the entry's */
  const char *kind;
  const char *reason;
  gboolean    commitment;
  const char *applied_on;
  const char *deadline;
  const char *state;
  const char *decided_on;   /* NULL while pending */
  const char *decided_by;
  const char *comment;
  const char *created_by;
  const char *created_at;
} HcsRepairSeed;

JsonArray  *hcs_store_repairs_repaired_entries (HcsStore         *store,
                                       GError        **error);
JsonArray  *hcs_store_repairs_published_entries (HcsStore   *store,
                                                gint64      department_id,
                                                guint       limit,
                                                GError    **error);
gboolean    hcs_store_repairs_seed    (HcsStore       *store,
                                       const HcsRepairSeed *repair,
                                       GError        **error);

G_END_DECLS
