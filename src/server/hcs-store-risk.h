/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for risk events and the monthly roll-up the heat map reads. */
#pragma once

#include "hcs-request.h"

G_BEGIN_DECLS

typedef struct
{
  const char *region;        /* nullable: GB/T 2260 code */
  const char *category;      /* nullable: HcRiskCategory key */
  const char *from_day;      /* nullable: YYYY-MM-DD, inclusive */
  const char *until_day;     /* nullable: YYYY-MM-DD, exclusive */
  gint64      severity_min;  /* 1 for all */
} HcsRiskFilter;

typedef struct
{
  const char *region;
  const char *occurred_on;   /* YYYY-MM-DD */
  const char *category;
  gint64      severity;
  const char *title;
  const char *description;   /* nullable */
  gint64      subject_id;    /* 0: none */
  gint64      department_id; /* 0: none */
  const char *created_by;
  const char *created_at;    /* nullable: now */
} HcsRiskEventNew;

/* Callback for each roll-up group: @key is a month or a category key, or
 * NULL when grouped by region only. */
typedef void (*HcsRiskRollupFunc) (const char *region,
                                   const char *key,
                                   gint64      events,
                                   gint64      severity_sum,
                                   gpointer    user_data);

typedef enum
{
  HCS_RISK_GROUP_REGION,
  HCS_RISK_GROUP_REGION_MONTH,
  HCS_RISK_GROUP_REGION_CATEGORY,
} HcsRiskGroup;

JsonArray  *hcs_store_risk_list             (HcsStore              *store,
                                             const HcsRiskFilter   *filter,
                                             const HcsPage         *page,
                                             gint64                *total,
                                             GError               **error);
JsonObject *hcs_store_risk_get              (HcsStore              *store,
                                             gint64                 id,
                                             GError               **error);
gint64      hcs_store_risk_insert           (HcsStore              *store,
                                             const HcsRiskEventNew *event,
                                             GError               **error);
/* Many events in one transaction, for the demo seeding (hcs-store-risk.c). */
typedef struct _HcsRiskInserter HcsRiskInserter;

HcsRiskInserter *hcs_risk_inserter_new      (HcsStore              *store);
gboolean    hcs_risk_inserter_add           (HcsRiskInserter       *self,
                                             const HcsRiskEventNew *event,
                                             GError               **error);
gboolean    hcs_risk_inserter_finish        (HcsRiskInserter       *self,
                                             GError               **error);
void        hcs_risk_inserter_free          (HcsRiskInserter       *self);
gboolean    hcs_store_risk_delete           (HcsStore              *store,
                                             gint64                 id,
                                             gint64                 version,
                                             GError               **error);
gint64      hcs_store_risk_find_subject     (HcsStore              *store,
                                             const char            *identifier,
                                             GError               **error);
gboolean    hcs_store_risk_department_exists (HcsStore             *store,
                                             gint64                 id,
                                             GError               **error);
gboolean    hcs_store_risk_month_span       (HcsStore              *store,
                                             char                 **first,
                                             char                 **last,
                                             GError               **error);
GArray     *hcs_store_risk_region_organisations (HcsStore          *store,
                                             const char            *region,
                                             GError               **error);
gint64      hcs_store_risk_data_stamp       (HcsStore              *store);
GHashTable *hcs_store_risk_populations      (HcsStore              *store,
                                             GError               **error);
gboolean    hcs_store_risk_rollup           (HcsStore              *store,
                                             HcsRiskGroup           group,
                                             const char            *from_month,
                                             const char            *to_month,
                                             const char            *category,
                                             HcsRiskRollupFunc      func,
                                             gpointer               user_data,
                                             GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsRiskInserter, hcs_risk_inserter_free)

G_END_DECLS
