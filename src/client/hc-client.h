/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient: the one async HTTP/JSON client every pane talks to the server with. */
#pragma once

#include <gio/gio.h>

#include "hc-catalog-diff.h"
#include "hc-catalog-item.h"
#include "hc-catalog-version.h"
#include "hc-heatmap.h"
#include "hc-import-result.h"
#include "hc-quality-month.h"
#include "hc-indicator-detail.h"
#include "hc-indicator-record.h"
#include "hc-indicator-review.h"
#include "hc-list-entry.h"
#include "hc-list-type.h"
#include "hc-feedback-month.h"
#include "hc-match-clearance.h"
#include "hc-match-hit.h"
#include "hc-match-run.h"
#include "hc-page.h"
#include "hc-region-info.h"
#include "hc-repair.h"
#include "hc-risk-alert.h"
#include "hc-risk-event.h"
#include "hc-risk-rule.h"
#include "hc-server-health.h"
#include "hc-grading-model.h"
#include "hc-grading-pass.h"
#include "hc-subject-grade.h"

G_BEGIN_DECLS

#define HC_CLIENT_ERROR (hc_client_error_quark ())

typedef enum
{
  HC_CLIENT_ERROR_UNAUTHORIZED,
  HC_CLIENT_ERROR_TOKEN_EXPIRED,
  HC_CLIENT_ERROR_FORBIDDEN,
  HC_CLIENT_ERROR_NOT_FOUND,
  HC_CLIENT_ERROR_CONFLICT,
  HC_CLIENT_ERROR_PRECONDITION_FAILED,
  HC_CLIENT_ERROR_INVALID,
  HC_CLIENT_ERROR_UNREACHABLE,
  HC_CLIENT_ERROR_TLS,
  HC_CLIENT_ERROR_SERVER,
  HC_CLIENT_ERROR_PROTOCOL,
} HcClientError;



/* What hc_client_count_async() counts. */
typedef enum
{
  HC_COUNT_DEPARTMENTS,
  HC_COUNT_SUBJECTS,
  HC_COUNT_RISK_EVENTS,
  HC_COUNT_REPAIRS_PENDING,
  HC_COUNT_REPAIRS_OVERDUE,
  HC_COUNT_RISK_ALERTS_OPEN,
} HcCount;



#define HC_TYPE_CLIENT (hc_client_get_type ())

G_DECLARE_FINAL_TYPE (HcClient, hc_client, HC, CLIENT, GObject)

GQuark          hc_client_error_quark          (void);
const char     *hc_client_error_get_code       (const GError        *error);

HcClient       *hc_client_new                  (const char          *base_url);
const char     *hc_client_get_base_url         (HcClient            *self);
void            hc_client_set_base_url         (HcClient            *self,
                                                const char          *base_url);
const char     *hc_client_get_username         (HcClient            *self);
const char     *hc_client_get_role             (HcClient            *self);
gboolean        hc_client_get_signed_in        (HcClient            *self);
void            hc_client_sign_out             (HcClient            *self);
void            hc_client_set_trusted_certificate (HcClient         *self,
                                                const char          *fingerprint);
const char     *hc_client_get_trusted_certificate (HcClient         *self);
const char     *hc_client_get_refused_certificate (HcClient         *self);
char           *hc_client_certificate_fingerprint (GTlsCertificate  *certificate);

void            hc_client_sign_in_async        (HcClient            *self,
                                                const char          *username,
                                                const char          *password,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean        hc_client_sign_in_finish       (HcClient            *self,
                                                GAsyncResult        *result,
                                                GError             **error);

void            hc_client_check_session_async  (HcClient            *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean        hc_client_check_session_finish (HcClient            *self,
                                                GAsyncResult        *result,
                                                GError             **error);

void            hc_client_get_health_async     (HcClient            *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
HcServerHealth *hc_client_get_health_finish    (HcClient            *self,
                                                GAsyncResult        *result,
                                                GError             **error);

void            hc_client_list_regions_async   (HcClient            *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GPtrArray      *hc_client_list_regions_finish  (HcClient            *self,
                                                GAsyncResult        *result,
                                                GError             **error);

void            hc_client_count_list_entries_async  (HcClient            *self,
                                                     const char          *list_type,
                                                     const char          *state,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gint64          hc_client_count_list_entries_finish (HcClient            *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

void            hc_client_count_async               (HcClient            *self,
                                                     HcCount              what,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gint64          hc_client_count_finish              (HcClient            *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* Indicators (表1), in hc-client-indicators.c */

const char     *hc_client_error_get_field                (const GError        *error);

void            hc_client_list_indicators_async          (HcClient            *self,
                                                          int                  year,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GListModel     *hc_client_list_indicators_finish         (HcClient            *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void            hc_client_get_indicator_async            (HcClient            *self,
                                                          const char          *key,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
HcIndicatorDetail *hc_client_get_indicator_finish        (HcClient            *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void            hc_client_submit_indicator_value_async   (HcClient            *self,
                                                          const char          *key,
                                                          int                  year,
                                                          const char          *region,
                                                          double               value,
                                                          const char          *evidence,
                                                          const char          *etag,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
char           *hc_client_submit_indicator_value_finish  (HcClient            *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void            hc_client_review_indicator_value_async   (HcClient            *self,
                                                          const char          *key,
                                                          int                  year,
                                                          const char          *region,
                                                          const char          *etag,
                                                          gboolean             approve,
                                                          const char          *comment,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
char           *hc_client_review_indicator_value_finish  (HcClient            *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void            hc_client_set_indicator_region_target_async  (HcClient            *self,
                                                              const char          *key,
                                                              const char          *region,
                                                              double               target,
                                                              double               warning_gap,
                                                              const char          *etag,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
char           *hc_client_set_indicator_region_target_finish (HcClient            *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

/* @records: a computed value's records link (HcIndicatorYear.records). */
char           *hc_client_indicator_records_path         (const char          *records);
void            hc_client_list_indicator_records_async   (HcClient            *self,
                                                          const char          *records,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GListModel     *hc_client_list_indicator_records_finish  (HcClient            *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void            hc_client_save_indicator_table_async     (HcClient            *self,
                                                          int                  year,
                                                          GFile               *dest,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean        hc_client_save_indicator_table_finish    (HcClient            *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void            hc_client_list_indicator_reviews_async   (HcClient            *self,
                                                          const char          *state,
                                                          gboolean             mine,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GListModel     *hc_client_list_indicator_reviews_finish  (HcClient            *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* Risk monitoring (hc-client-risk.c) */


/* @by: "region", "region-month" or "region-category"; @from, @to: "YYYY-MM"
 * or NULL; @category: a risk category key or NULL for all; @measure:
 * "count" or "severity" (the sum of the events' severities; NULL for
 * count); @normalize: "none" or "per10k" (NULL for none). */
void            hc_client_get_heatmap_async   (HcClient            *self,
                                               const char          *by,
                                               const char          *from,
                                               const char          *to,
                                               const char          *category,
                                               const char          *measure,
                                               const char          *normalize,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
HcHeatmap      *hc_client_get_heatmap_finish  (HcClient            *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* A page of risk events, newest first: an HcPage of HcRiskEvent (without
 * its total). Every filter may be NULL; @cursor NULL for the first page. */
void            hc_client_list_risk_events_async  (HcClient            *self,
                                                   const char          *region,
                                                   const char          *category,
                                                   const char          *from,
                                                   const char          *to,
                                                   guint                limit,
                                                   const char          *cursor,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
HcPage         *hc_client_list_risk_events_finish (HcClient            *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* A risk event as typed, for hc_client_create_risk_event_async(): @region a
 * GB/T 2260 code, @occurred_on YYYY-MM-DD, @category a risk category key,
 * @severity 1 to 5; @description and @subject (a USCC or ID number) may be
 * NULL. */
typedef struct
{
  const char *region;
  const char *occurred_on;
  const char *category;
  int         severity;
  const char *title;
  const char *description;
  const char *subject;
} HcRiskEventDraft;

void            hc_client_create_risk_event_async  (HcClient                *self,
                                                    const HcRiskEventDraft  *draft,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data);
HcRiskEvent    *hc_client_create_risk_event_finish (HcClient                *self,
                                                    GAsyncResult            *result,
                                                    GError                 **error);

/* Early-warning alerts (预警): a page of HcRiskAlert, newest first; acknowledge
 * (with a note) and close, each with the alert's ETag. */
void            hc_client_list_risk_alerts_async        (HcClient            *self,
                                                         const char          *state,
                                                         const char          *region,
                                                         guint                limit,
                                                         const char          *cursor,
                                                         gboolean             want_total,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
HcPage         *hc_client_list_risk_alerts_finish       (HcClient            *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
void            hc_client_acknowledge_risk_alert_async  (HcClient            *self,
                                                         HcRiskAlert         *alert,
                                                         const char          *note,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
HcRiskAlert    *hc_client_acknowledge_risk_alert_finish (HcClient            *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
void            hc_client_close_risk_alert_async        (HcClient            *self,
                                                         HcRiskAlert         *alert,
                                                         const char          *note,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
HcRiskAlert    *hc_client_close_risk_alert_finish       (HcClient            *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* The path of the heat map's numbers as a listing (GET /risk/heatmap/cells,
 * a row a 市县 and month or category), what hc_client_export_async()
 * exports; @by as for hc_client_get_heatmap_async(), the others nullable. */
char           *hc_client_heatmap_cells_path            (const char          *by,
                                                         const char          *from,
                                                         const char          *to,
                                                         const char          *category);
char           *hc_client_grade_regions_path            (void);

/* Early-warning rules (预警规则) in force: their list (a GListModel of
 * HcRiskRule, newest first), a new one or one edited (a supervisor's), one
 * taken out of force. */
typedef struct
{
  const char *category;      /* a risk category key */
  const char *region;        /* a 市县's GB/T 2260 code, NULL for every 市县 */
  const char *kind;          /* "threshold" or "rise" */
  gint64      window_months; /* 1 to 24 */
  double      threshold;     /* per 10,000 enterprises, or percent */
} HcRiskRuleDraft;

void            hc_client_list_risk_rules_async         (HcClient              *self,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
GListModel     *hc_client_list_risk_rules_finish        (HcClient              *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);
void            hc_client_save_risk_rule_async          (HcClient              *self,
                                                         HcRiskRule            *rule,
                                                         const HcRiskRuleDraft *draft,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
HcRiskRule     *hc_client_save_risk_rule_finish         (HcClient              *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);
void            hc_client_delete_risk_rule_async        (HcClient              *self,
                                                         HcRiskRule            *rule,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
gboolean        hc_client_delete_risk_rule_finish       (HcClient              *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

void             hc_client_list_types_async              (HcClient            *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GListModel      *hc_client_list_types_finish             (HcClient            *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void             hc_client_list_entries_async            (HcClient            *self,
                                                          const char          *list_type,
                                                          const char          *state,
                                                          const char          *region,
                                                          const char          *q,
                                                          const char          *cursor,
                                                          guint                limit,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
HcPage          *hc_client_list_entries_finish           (HcClient            *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void             hc_client_get_list_entry_async          (HcClient            *self,
                                                          gint64               id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
HcListEntry     *hc_client_get_list_entry_finish         (HcClient            *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void             hc_client_transition_list_entry_async   (HcClient            *self,
                                                          gint64               id,
                                                          const char          *etag,
                                                          const char          *action,
                                                          const char          *reason,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
HcListEntry     *hc_client_transition_list_entry_finish  (HcClient            *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
/* What POST /lists/{type}/entries proposes; @measures are codes of the
 * type's measures, @published_until "YYYY-MM-DD" or NULL for the type's
 * default. */
typedef struct
{
  const char         *list_type;
  const char         *subject;
  gint64              department;
  const char         *basis;
  const char         *facts;
  const char * const *measures;
  const char         *published_until;
} HcListEntryProposal;

void             hc_client_propose_list_entry_async      (HcClient                  *self,
                                                          const HcListEntryProposal *proposal,
                                                          GCancellable              *cancellable,
                                                          GAsyncReadyCallback        callback,
                                                          gpointer                   user_data);
HcListEntry     *hc_client_propose_list_entry_finish     (HcClient                  *self,
                                                          GAsyncResult              *result,
                                                          GError                   **error);

/* The 公共信用信息目录 (hc-client-catalog.c) */

/* Filters of a version's items; NULL (0 for @department_id) does not filter. */
typedef struct
{
  const char *q;              /* in the item, department or legal basis */
  const char *category;
  gint64      department_id;
  const char *disclosure;
  const char *scope;
} HcCatalogQuery;

void              hc_client_list_catalog_versions_async   (HcClient                  *self,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);
GListModel       *hc_client_list_catalog_versions_finish  (HcClient                  *self,
                                                           GAsyncResult              *result,
                                                           GError                   **error);
void              hc_client_get_catalog_version_async     (HcClient                  *self,
                                                           int                        year,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);
HcCatalogVersion *hc_client_get_catalog_version_finish    (HcClient                  *self,
                                                           GAsyncResult              *result,
                                                           GError                   **error);
void              hc_client_create_catalog_version_async  (HcClient                  *self,
                                                           int                        year,
                                                           int                        copy_from,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);
HcCatalogVersion *hc_client_create_catalog_version_finish (HcClient                  *self,
                                                           GAsyncResult              *result,
                                                           GError                   **error);
void              hc_client_publish_catalog_version_async (HcClient                  *self,
                                                           int                        year,
                                                           const char                *etag,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);
HcCatalogVersion *hc_client_publish_catalog_version_finish (HcClient                 *self,
                                                           GAsyncResult              *result,
                                                           GError                   **error);

char             *hc_client_catalog_items_path            (int                        year,
                                                           const HcCatalogQuery      *query);
void              hc_client_list_catalog_version_items_async  (HcClient              *self,
                                                               int                    year,
                                                               const HcCatalogQuery  *query,
                                                               const char            *cursor,
                                                               guint                  limit,
                                                               gboolean               want_total,
                                                               GCancellable          *cancellable,
                                                               GAsyncReadyCallback    callback,
                                                               gpointer               user_data);
HcPage           *hc_client_list_catalog_version_items_finish (HcClient              *self,
                                                               GAsyncResult          *result,
                                                               GError               **error);
void              hc_client_get_catalog_item_async        (HcClient                  *self,
                                                           gint64                     id,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);
HcCatalogItem    *hc_client_get_catalog_item_finish       (HcClient                  *self,
                                                           GAsyncResult              *result,
                                                           GError                   **error);
void              hc_client_create_catalog_item_async     (HcClient                  *self,
                                                           int                        year,
                                                           const HcCatalogItemFields *fields,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);
HcCatalogItem    *hc_client_create_catalog_item_finish    (HcClient                  *self,
                                                           GAsyncResult              *result,
                                                           GError                   **error);
void              hc_client_update_catalog_item_async     (HcClient                  *self,
                                                           gint64                     id,
                                                           const char                *etag,
                                                           const HcCatalogItemFields *fields,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);
HcCatalogItem    *hc_client_update_catalog_item_finish    (HcClient                  *self,
                                                           GAsyncResult              *result,
                                                           GError                   **error);
void              hc_client_delete_catalog_item_async     (HcClient                  *self,
                                                           gint64                     id,
                                                           const char                *etag,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);
gboolean          hc_client_delete_catalog_item_finish    (HcClient                  *self,
                                                           GAsyncResult              *result,
                                                           GError                   **error);
void              hc_client_diff_catalog_async            (HcClient                  *self,
                                                           int                        from,
                                                           int                        to,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);
HcCatalogDiff    *hc_client_diff_catalog_finish           (HcClient                  *self,
                                                           GAsyncResult              *result,
                                                           GError                   **error);

/* 归集 (hc-client-imports.c) */

void            hc_client_list_catalog_items_async  (HcClient            *self,
                                                     const char          *category,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GListModel     *hc_client_list_catalog_items_finish (HcClient            *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

void            hc_client_import_file_async         (HcClient              *self,
                                                     GFile                 *file,
                                                     const char            *kind,
                                                     gint64                 item_id,
                                                     const char            *encoding,
                                                     gboolean               force,
                                                     GFileProgressCallback  progress,
                                                     gpointer               progress_data,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
HcImportResult *hc_client_import_file_finish        (HcClient            *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

void            hc_client_list_imports_async        (HcClient            *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GListModel     *hc_client_list_imports_finish       (HcClient            *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

char           *hc_client_catalog_diff_rows_path     (int                  from_year,
                                                     int                  to_year);
char           *hc_client_quality_months_path        (int                  year);
void            hc_client_list_quality_months_async  (HcClient            *self,
                                                      int                  year,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GListModel     *hc_client_list_quality_months_finish (HcClient            *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

void            hc_client_download_rejections_async  (HcClient            *self,
                                                      gint64               import_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GBytes         *hc_client_download_rejections_finish (HcClient            *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* The formats a listing exports in (the server's content negotiation). */
typedef enum
{
  HC_EXPORT_FORMAT_CSV,
  HC_EXPORT_FORMAT_XLSX,
} HcExportFormat;

void            hc_client_export_async               (HcClient              *self,
                                                      const char            *path,
                                                      HcExportFormat         format,
                                                      GFile                 *dest,
                                                      GFileProgressCallback  progress,
                                                      gpointer               progress_data,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gint64          hc_client_export_finish              (HcClient            *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS

/* 市场主体 (hc-client-subjects.c) */

#include "hc-subject.h"

G_BEGIN_DECLS

/* What GET /subjects filters by; %NULL members do not filter. */
typedef struct
{
  const char *q;
  const char *region;
  const char *type;
  const char *grade;
  const char *status;
  const char *sort;
} HcSubjectQuery;

/* What PATCH /subjects/{identifier} changes; %NULL members stay. A grade
 * is a supervisor's override of the computed one and needs @grade_reason;
 * @lift_grade (with a reason) goes back to the computed grade. */
typedef struct
{
  const char *name;
  const char *industry;
  const char *status;
  const char *grade;
  const char *grade_reason;
  gboolean    lift_grade;
} HcSubjectEdit;

char           *hc_client_subjects_path          (const HcSubjectQuery *query);
void            hc_client_list_subjects_async    (HcClient             *self,
                                                  const HcSubjectQuery *query,
                                                  const char           *cursor,
                                                  guint                 limit,
                                                  gboolean              want_total,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* Which total a page asks for: none, the exact count (which may take a
 * second for a common text over a million subjects), or the exact one when
 * cheap and else an estimate (hc_page_get_total_exact()), answered at once. */
typedef enum
{
  HC_TOTAL_NONE,
  HC_TOTAL_EXACT,
  HC_TOTAL_ESTIMATE,
} HcTotalMode;

/* The page of @limit rows starting at row @offset of @query's order (for a
 * list view jumping to a row); finished by hc_client_list_subjects_finish(). */
void            hc_client_list_subjects_at_async (HcClient             *self,
                                                  const HcSubjectQuery *query,
                                                  guint                 offset,
                                                  guint                 limit,
                                                  HcTotalMode           total,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* The page of the @limit rows of @query's id order that come before its
 * last @from_end rows (for a list view jumping near the end: no row before
 * the page is read); finished by hc_client_list_subjects_finish(). */
void            hc_client_list_subjects_from_end_async (HcClient       *self,
                                                  const HcSubjectQuery *query,
                                                  guint                 from_end,
                                                  guint                 limit,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* An HcPage of HcSubject (total -1 unless @want_total). */
HcPage         *hc_client_list_subjects_finish   (HcClient             *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void            hc_client_get_subject_async      (HcClient             *self,
                                                  const char           *identifier,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
HcSubject      *hc_client_get_subject_finish     (HcClient             *self,
                                                  GAsyncResult         *result,
                                                  char                **etag,
                                                  GError              **error);
void            hc_client_update_subject_async   (HcClient             *self,
                                                  const char           *identifier,
                                                  const char           *etag,
                                                  const HcSubjectEdit  *edit,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
HcSubject      *hc_client_update_subject_finish  (HcClient             *self,
                                                  GAsyncResult         *result,
                                                  char                **etag,
                                                  GError              **error);

G_END_DECLS

/* 审计日志 (hc-client-audit.c) */

#include "hc-audit-entry.h"

G_BEGIN_DECLS

/* What GET /audit filters by; %NULL members do not filter. Dates YYYY-MM-DD. */
typedef struct
{
  const char *actor;
  const char *entity;
  const char *entity_id;
  const char *from;
  const char *to;
} HcAuditQuery;

char           *hc_client_audit_path           (const HcAuditQuery  *query);

void            hc_client_list_audit_async     (HcClient            *self,
                                                const HcAuditQuery  *query,
                                                const char          *cursor,
                                                guint                limit,
                                                gboolean             want_total,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
/* An HcPage of HcAuditEntry, newest first (total -1 unless @want_total). */
HcPage         *hc_client_list_audit_finish    (HcClient            *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS

/* 信用档案, 双公示, commitments, the credit report (hc-client-records.c) */

#include "hc-credit-file.h"
#include "hc-department.h"
#include "hc-record.h"

G_BEGIN_DECLS

/* What GET /publicity filters by: @kind "penalty" or "license"; %NULL
 * members (0 for @department) do not filter. Dates YYYY-MM-DD. */
typedef struct
{
  const char *kind;
  const char *region;
  gint64      department;
  const char *from;
  const char *to;
} HcPublicityQuery;

void            hc_client_get_credit_file_async      (HcClient               *self,
                                                      const char             *identifier,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
HcCreditFile   *hc_client_get_credit_file_finish     (HcClient               *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
char           *hc_client_records_path               (const char             *identifier,
                                                      const char             *kind);
/* An HcPage of HcRecord, newest first (total -1 unless @want_total). */
void            hc_client_list_records_async         (HcClient               *self,
                                                      const char             *identifier,
                                                      const char             *kind,
                                                      const char             *cursor,
                                                      guint                   limit,
                                                      gboolean                want_total,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
HcPage         *hc_client_list_records_finish        (HcClient               *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
char           *hc_client_publicity_path             (const HcPublicityQuery *query);
void            hc_client_list_publicity_async       (HcClient               *self,
                                                      const HcPublicityQuery *query,
                                                      const char             *cursor,
                                                      guint                   limit,
                                                      gboolean                want_total,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
HcPage         *hc_client_list_publicity_finish      (HcClient               *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
void            hc_client_fulfil_commitment_async    (HcClient               *self,
                                                      gint64                  id,
                                                      gint64                  version,
                                                      const char             *fulfilment,
                                                      const char             *date,
                                                      const char             *note,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
HcRecord       *hc_client_fulfil_commitment_finish   (HcClient               *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
void            hc_client_propose_watch_entry_async  (HcClient               *self,
                                                      gint64                  id,
                                                      gint64                  version,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
HcRecord       *hc_client_propose_watch_entry_finish (HcClient               *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
void            hc_client_save_report_async          (HcClient               *self,
                                                      const char             *identifier,
                                                      GFile                  *dest,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
gboolean        hc_client_save_report_finish         (HcClient               *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
void            hc_client_unmask_subject_async       (HcClient               *self,
                                                      const char             *identifier,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
HcSubject      *hc_client_unmask_subject_finish      (HcClient               *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
void            hc_client_list_departments_async     (HcClient               *self,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
GListModel     *hc_client_list_departments_finish    (HcClient               *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);

/* 公共信用综合评价 (hc-client-grading.c) */
void            hc_client_get_subject_grade_async  (HcClient             *self,
                                                    const char           *identifier,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
HcSubjectGrade *hc_client_get_subject_grade_finish (HcClient             *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void            hc_client_override_grade_async     (HcClient             *self,
                                                    const char           *identifier,
                                                    const char           *grade,
                                                    const char           *reason,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
HcSubjectGrade *hc_client_override_grade_finish    (HcClient             *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void            hc_client_get_grade_distribution_async  (HcClient             *self,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
GListModel     *hc_client_get_grade_distribution_finish (HcClient             *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
/* A factor's weight, for hc_client_edit_grading_model_async(). */
typedef struct
{
  const char *factor;
  gint64      weight;
} HcGradeWeight;
void            hc_client_list_grading_models_async    (HcClient             *self,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GListModel     *hc_client_list_grading_models_finish   (HcClient             *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void            hc_client_get_grading_model_async      (HcClient             *self,
                                                        gint64                id,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
HcGradingModel *hc_client_get_grading_model_finish     (HcClient             *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void            hc_client_create_grading_model_async   (HcClient             *self,
                                                        gint64                based_on,
                                                        const char           *title,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
HcGradingModel *hc_client_create_grading_model_finish  (HcClient             *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void            hc_client_discard_grading_model_async  (HcClient             *self,
                                                        HcGradingModel       *model,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean        hc_client_discard_grading_model_finish (HcClient             *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void            hc_client_edit_grading_model_async     (HcClient             *self,
                                                        HcGradingModel       *model,
                                                        const char           *title,
                                                        gint64                base_score,
                                                        const gint64          bands[3],
                                                        const HcGradeWeight  *weights,
                                                        guint                 n_weights,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
HcGradingModel *hc_client_edit_grading_model_finish    (HcClient             *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void            hc_client_preview_grading_model_async  (HcClient             *self,
                                                        gint64                id,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
HcGradingPass  *hc_client_preview_grading_model_finish (HcClient             *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void            hc_client_publish_grading_model_async  (HcClient             *self,
                                                        HcGradingModel       *model,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
HcGradingPass  *hc_client_publish_grading_model_finish (HcClient             *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
/* 名单自动比对 (hc-client-match.c). A run's hits, filtered: each filter
 * NULL for all. */
typedef struct
{
  gint64      run_id;
  const char *list_type;   /* a list type's key */
  const char *list_class;  /* red, black or watch */
  const char *state;       /* published or objected */
  const char *feedback;    /* applied, not_applied or pending */
  const char *change;      /* a re-run's new or gone hits */
} HcMatchHitQuery;

void              hc_client_match_file_async                (HcClient              *self,
                                                             GFile                 *file,
                                                             const char            *purpose,
                                                             GFileProgressCallback  progress,
                                                             gpointer               progress_data,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
HcMatchRun       *hc_client_match_file_finish               (HcClient              *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);
void              hc_client_rerun_match_async               (HcClient              *self,
                                                             gint64                 run_id,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
HcMatchRun       *hc_client_rerun_match_finish              (HcClient              *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);
void              hc_client_list_match_runs_async           (HcClient              *self,
                                                             const char            *cursor,
                                                             guint                  limit,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
HcPage           *hc_client_list_match_runs_finish          (HcClient              *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);
void              hc_client_get_match_run_async             (HcClient              *self,
                                                             gint64                 run_id,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
HcMatchRun       *hc_client_get_match_run_finish            (HcClient              *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);
char             *hc_client_match_hits_path                 (const HcMatchHitQuery *query);
char             *hc_client_match_invalid_path              (gint64                 run_id);
void              hc_client_list_match_hits_async           (HcClient              *self,
                                                             const HcMatchHitQuery *query,
                                                             const char            *cursor,
                                                             guint                  limit,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
HcPage           *hc_client_list_match_hits_finish          (HcClient              *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);
void              hc_client_clear_match_hit_async           (HcClient              *self,
                                                             gint64                 run_id,
                                                             gint64                 entry_id,
                                                             const char            *reason,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
HcMatchClearance *hc_client_clear_match_hit_finish          (HcClient              *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);
void              hc_client_withdraw_match_clearance_async  (HcClient              *self,
                                                             gint64                 clearance_id,
                                                             const char            *reason,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
HcMatchClearance *hc_client_withdraw_match_clearance_finish (HcClient              *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);
void              hc_client_list_match_clearances_async     (HcClient              *self,
                                                             gboolean               standing_only,
                                                             const char            *cursor,
                                                             guint                  limit,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
void              hc_client_list_type_feedback_async        (HcClient              *self,
                                                             const char            *list_type,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
GListModel       *hc_client_list_type_feedback_finish       (HcClient              *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);
HcPage           *hc_client_list_match_clearances_finish    (HcClient              *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);
void              hc_client_match_hit_feedback_async        (HcClient              *self,
                                                             gint64                 run_id,
                                                             gint64                 entry_id,
                                                             gboolean               applied,
                                                             const char            *note,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
HcMatchHit       *hc_client_match_hit_feedback_finish       (HcClient              *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

/* 信用修复 (hc-client-repairs.c) */
void            hc_client_list_repairs_async   (HcClient            *self,
                                                const char          *state,
                                                gboolean             overdue_only,
                                                const char          *cursor,
                                                guint                limit,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
HcPage         *hc_client_list_repairs_finish  (HcClient            *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void            hc_client_get_repair_async     (HcClient            *self,
                                                gint64               id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
HcRepair       *hc_client_get_repair_finish    (HcClient            *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void            hc_client_decide_repair_async  (HcClient            *self,
                                                gint64               id,
                                                const char          *etag,
                                                gboolean             approve,
                                                const char          *comment,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
HcRepair       *hc_client_decide_repair_finish (HcClient            *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* 双随机、一公开 (hc-client-inspections.c) */
#include "hc-inspection.h"
#include "hc-inspection-plan.h"
#include "hc-inspector.h"

/* A new inspection plan, for hc_client_create_inspection_plan_async(). */
typedef struct
{
  const char         *title;
  gint64              department_id;
  const char         *region;          /* nullable: all of Hainan */
  const char         *industry;        /* nullable: all */
  const char         *subject_type;    /* nullable: all */
  double              ratios[4];       /* A, B, C, D in percent */
  const char * const *inspectors;      /* user names, NULL-terminated */
  gint64              exclusion_days;
} HcInspectionPlanFields;

void              hc_client_list_inspection_plans_async     (HcClient                     *self,
                                                             GCancellable                 *cancellable,
                                                             GAsyncReadyCallback           callback,
                                                             gpointer                      user_data);
GListModel       *hc_client_list_inspection_plans_finish    (HcClient                     *self,
                                                             GAsyncResult                 *result,
                                                             GError                      **error);
void              hc_client_get_inspection_plan_async       (HcClient                     *self,
                                                             gint64                        id,
                                                             GCancellable                 *cancellable,
                                                             GAsyncReadyCallback           callback,
                                                             gpointer                      user_data);
HcInspectionPlan *hc_client_get_inspection_plan_finish      (HcClient                     *self,
                                                             GAsyncResult                 *result,
                                                             GError                      **error);
void              hc_client_list_inspectors_async           (HcClient                     *self,
                                                             gint64                        department_id,
                                                             GCancellable                 *cancellable,
                                                             GAsyncReadyCallback           callback,
                                                             gpointer                      user_data);
GListModel       *hc_client_list_inspectors_finish          (HcClient                     *self,
                                                             GAsyncResult                 *result,
                                                             GError                      **error);
void              hc_client_create_inspection_plan_async    (HcClient                     *self,
                                                             const HcInspectionPlanFields *fields,
                                                             GCancellable                 *cancellable,
                                                             GAsyncReadyCallback           callback,
                                                             gpointer                      user_data);
HcInspectionPlan *hc_client_create_inspection_plan_finish   (HcClient                     *self,
                                                             GAsyncResult                 *result,
                                                             GError                      **error);
void              hc_client_add_inspection_conflict_async   (HcClient                     *self,
                                                             gint64                        plan_id,
                                                             const char                   *inspector,
                                                             const char                   *subject,
                                                             const char                   *reason,
                                                             GCancellable                 *cancellable,
                                                             GAsyncReadyCallback           callback,
                                                             gpointer                      user_data);
HcInspectionPlan *hc_client_add_inspection_conflict_finish  (HcClient                     *self,
                                                             GAsyncResult                 *result,
                                                             GError                      **error);
void              hc_client_remove_inspection_conflict_async (HcClient                    *self,
                                                              gint64                       plan_id,
                                                              const char                  *inspector,
                                                              const char                  *subject,
                                                              GCancellable                *cancellable,
                                                              GAsyncReadyCallback          callback,
                                                              gpointer                     user_data);
HcInspectionPlan *hc_client_remove_inspection_conflict_finish (HcClient                   *self,
                                                               GAsyncResult               *result,
                                                               GError                    **error);
void              hc_client_draw_inspection_plan_async      (HcClient                     *self,
                                                             gint64                        id,
                                                             const char                   *reason,
                                                             GCancellable                 *cancellable,
                                                             GAsyncReadyCallback           callback,
                                                             gpointer                      user_data);
HcInspectionPlan *hc_client_draw_inspection_plan_finish     (HcClient                     *self,
                                                             GAsyncResult                 *result,
                                                             GError                      **error);
char             *hc_client_inspections_path                (gint64                        plan_id);
void              hc_client_list_inspections_async          (HcClient                     *self,
                                                             gint64                        plan_id,
                                                             GCancellable                 *cancellable,
                                                             GAsyncReadyCallback           callback,
                                                             gpointer                      user_data);
HcPage           *hc_client_list_inspections_finish         (HcClient                     *self,
                                                             GAsyncResult                 *result,
                                                             GError                      **error);
void              hc_client_record_inspection_result_async  (HcClient                     *self,
                                                             gint64                        id,
                                                             const char                   *result,
                                                             const char                   *note,
                                                             GCancellable                 *cancellable,
                                                             GAsyncReadyCallback           callback,
                                                             gpointer                      user_data);
HcInspection     *hc_client_record_inspection_result_finish (HcClient                     *self,
                                                             GAsyncResult                 *result,
                                                             GError                      **error);
char             *hc_client_inspection_publicity_path       (const char                   *region,
                                                             const char                   *result);
void              hc_client_list_inspection_publicity_async (HcClient                     *self,
                                                             const char                   *region,
                                                             const char                   *result,
                                                             const char                   *cursor,
                                                             GCancellable                 *cancellable,
                                                             GAsyncReadyCallback           callback,
                                                             gpointer                     user_data);
HcPage           *hc_client_list_inspection_publicity_finish (HcClient                    *self,
                                                              GAsyncResult                *result,
                                                              GError                     **error);

G_END_DECLS
