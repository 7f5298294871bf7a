/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for 表1 indicators: reported values and their review, and the counts
 * the computed indicators are made of. */
#pragma once

#include "hcs-store.h"

G_BEGIN_DECLS

JsonArray  *hcs_store_indicators_values          (HcsStore    *store,
                                                  const char  *indicator,
                                                  gboolean     province_only,
                                                  GError     **error);
JsonObject *hcs_store_indicators_value_get       (HcsStore    *store,
                                                  const char  *indicator,
                                                  int          year,
                                                  const char  *region,
                                                  GError     **error);
gboolean    hcs_store_indicators_value_insert    (HcsStore    *store,
                                                  const char  *indicator,
                                                  int          year,
                                                  const char  *region,
                                                  double       value,
                                                  const char  *evidence,
                                                  const char  *actor,
                                                  GError     **error);
gboolean    hcs_store_indicators_value_update    (HcsStore    *store,
                                                  const char  *indicator,
                                                  int          year,
                                                  const char  *region,
                                                  gint64       version,
                                                  double       value,
                                                  const char  *evidence,
                                                  const char  *actor,
                                                  GError     **error);
gboolean    hcs_store_indicators_value_review    (HcsStore    *store,
                                                  const char  *indicator,
                                                  int          year,
                                                  const char  *region,
                                                  gint64       version,
                                                  const char  *state,
                                                  const char  *reviewer,
                                                  const char  *comment,
                                                  GError     **error);

/* Counts behind the computed indicators, one row per year (and 市县 where
 * the data has one) from @first to @last: {year, region?, num, den}; the
 * import errors {year, uscc, other, den}. */
JsonArray  *hcs_store_indicators_catalog_collection (HcsStore   *store,
                                                  int          first,
                                                  int          last,
                                                  GError     **error);
JsonArray  *hcs_store_indicators_import_errors   (HcsStore    *store,
                                                  int          first,
                                                  int          last,
                                                  GError     **error);
JsonArray  *hcs_store_indicators_repair_overdue  (HcsStore    *store,
                                                  int          first,
                                                  int          last,
                                                  const char  *today,
                                                  GError     **error);
JsonArray  *hcs_store_indicators_listed_subjects (HcsStore    *store,
                                                  const char  *list_class,
                                                  int          first,
                                                  int          last,
                                                  GError     **error);
JsonArray  *hcs_store_indicators_active_subjects (HcsStore    *store,
                                                  int          first,
                                                  int          last,
                                                  GError     **error);

JsonArray  *hcs_store_indicators_catalog_versions (HcsStore   *store,
                                                  int          first,
                                                  int          last,
                                                  GError     **error);
JsonArray  *hcs_store_indicators_commitment_fulfilment (HcsStore *store,
                                                  int          first,
                                                  int          last,
                                                  GError     **error);
JsonArray  *hcs_store_indicators_repair_commitment (HcsStore  *store,
                                                  int          first,
                                                  int          last,
                                                  GError     **error);
JsonArray  *hcs_store_indicators_records         (HcsStore    *store,
                                                  const char  *kind,
                                                  int          year,
                                                  const char  *region,
                                                  const char  *today,
                                                  guint        limit,
                                                  GError     **error);

JsonArray  *hcs_store_indicators_region_targets  (HcsStore    *store,
                                                  const char  *indicator,
                                                  GError     **error);
JsonObject *hcs_store_indicators_region_target_get (HcsStore  *store,
                                                  const char  *indicator,
                                                  const char  *region,
                                                  GError     **error);
gboolean    hcs_store_indicators_region_target_set (HcsStore  *store,
                                                  const char  *indicator,
                                                  const char  *region,
                                                  gint64       version,
                                                  double       target,
                                                  double       warning_gap,
                                                  const char  *actor,
                                                  GError     **error);
JsonArray  *hcs_store_indicators_queue           (HcsStore    *store,
                                                  const char  *state,
                                                  const char  *submitted_by,
                                                  guint        limit,
                                                  GError     **error);

/* For the demo seeder: a value as it stands after its review (if any). */
typedef struct
{
  const char *indicator;
  int         year;
  const char *region;          /* "" for the province */
  double      value;
  const char *evidence;
  const char *state;
  const char *submitted_by;
  const char *submitted_at;
  const char *reviewed_by;     /* NULL while not reviewed */
  const char *reviewed_at;
  const char *review_comment;
} HcsIndicatorValueSeed;

gboolean    hcs_store_indicators_seed            (HcsStore                    *store,
                                                  const HcsIndicatorValueSeed *seed,
                                                  GError                     **error);

G_END_DECLS
