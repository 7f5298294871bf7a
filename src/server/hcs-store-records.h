/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL of the 信用档案: a subject's records by kind, 双公示, commitments'
 * fulfilment, and the issued 公共信用信息报告. */
#pragma once

#include "hc-enums.h"
#include "hcs-request.h"

G_BEGIN_DECLS

/* What a subject's credit file holds, section by section. */
typedef enum
{
  HCS_FILE_PENALTY,
  HCS_FILE_LICENSE,
  HCS_FILE_COMMITMENT,
  HCS_FILE_LIST_ENTRY,
  HCS_FILE_REPAIR,
  HCS_FILE_MATCH_HIT,
  HCS_FILE_INSPECTION,
  HCS_FILE_N_SECTIONS,
} HcsFileSection;

typedef struct
{
  const char *region;       /* GB/T 2260 code of the 市县, or NULL */
  gint64      department;   /* 信源单位 of the catalog item; 0: any */
  const char *from;         /* decision date range, inclusive; NULL: open */
  const char *to;
} HcsPublicityFilter;

const char *hcs_file_section_key            (HcsFileSection            section);
gboolean    hcs_file_section_from_key       (const char               *key,
                                             HcsFileSection           *section);
const char *hcs_file_section_cursor_key     (HcsFileSection            section);

JsonArray  *hcs_store_records_list          (HcsStore                 *store,
                                             HcsFileSection            section,
                                             gint64                    subject_id,
                                             HcDisclosure              level,
                                             const char               *today,
                                             const HcsPage            *page,
                                             gint64                   *total,
                                             GError                  **error);
JsonObject *hcs_store_records_counts        (HcsStore                 *store,
                                             gint64                    subject_id,
                                             HcDisclosure              level,
                                             GError                  **error);
JsonArray  *hcs_store_records_publicity     (HcsStore                 *store,
                                             HcsFileSection            section,
                                             const HcsPublicityFilter *filter,
                                             HcDisclosure              level,
                                             const char               *today,
                                             const HcsPage            *page,
                                             gint64                   *total,
                                             GError                  **error);

JsonObject *hcs_store_records_commitment_get (HcsStore                *store,
                                             gint64                    id,
                                             GError                  **error);
gboolean    hcs_store_records_commitment_fulfil (HcsStore             *store,
                                             gint64                    id,
                                             gint64                    version,
                                             const char               *fulfilment,
                                             const char               *on,
                                             const char               *note,
                                             const char               *by,
                                             GError                  **error);
gboolean    hcs_store_records_commitment_set_watch (HcsStore          *store,
                                             gint64                    id,
                                             gint64                    version,
                                             gint64                    entry_id,
                                             GError                  **error);
gint64      hcs_store_records_user_department (HcsStore               *store,
                                             gint64                    user_id,
                                             GError                  **error);
gboolean    hcs_store_records_penalty_of_subject (HcsStore            *store,
                                             gint64                    penalty_id,
                                             gint64                    subject_id,
                                             GError                  **error);

gboolean    hcs_store_records_repair_set_penalty (HcsStore            *store,
                                             gint64                    repair_id,
                                             gint64                    penalty_id,
                                             GError                  **error);

gboolean    hcs_store_reports_insert        (HcsStore                 *store,
                                             const char               *number,
                                             gint64                    subject_id,
                                             const char               *subject_name,
                                             const char               *actor,
                                             const char               *role,
                                             const char               *issued_at,
                                             const char               *sha256,
                                             gint64                    size,
                                             gint64                    pages,
                                             GError                  **error);
JsonObject *hcs_store_reports_get           (HcsStore                 *store,
                                             const char               *number,
                                             GError                  **error);

gboolean    hcs_store_records_seed_demo     (HcsStore                 *store,
                                             const char               *today,
                                             GError                  **error);

G_END_DECLS
