/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient: the one async HTTP/JSON client every pane talks to the server with. */
#pragma once

#include <gio/gio.h>

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

/* What GET /health answers. */
typedef struct
{
  char  *status;
  char  *version;
  int    schema;
} HcServerHealth;

/* One 市县 as the server lists it. */
typedef struct
{
  char  *code;
  char  *name;
} HcRegionInfo;

#define HC_TYPE_SERVER_HEALTH (hc_server_health_get_type ())
GType           hc_server_health_get_type (void) G_GNUC_CONST;
void            hc_server_health_free     (HcServerHealth *health);
void            hc_region_info_free       (HcRegionInfo   *region);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcServerHealth, hc_server_health_free)

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

void            hc_client_count_departments_async   (HcClient            *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gint64          hc_client_count_departments_finish  (HcClient            *self,
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

/* One page of GET /subjects. */
typedef struct
{
  GPtrArray *items;         /* of HcSubject */
  char      *next_cursor;   /* NULL on the last page */
  gint64     total;         /* -1 when not asked for */
} HcSubjectPage;

/* What PATCH /subjects/{identifier} changes; %NULL members stay. */
typedef struct
{
  const char *name;
  const char *industry;
  const char *status;
  const char *grade;
} HcSubjectEdit;

void            hc_subject_page_free             (HcSubjectPage       *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcSubjectPage, hc_subject_page_free)

void            hc_client_list_subjects_async    (HcClient             *self,
                                                  const HcSubjectQuery *query,
                                                  const char           *cursor,
                                                  guint                 limit,
                                                  gboolean              want_total,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
HcSubjectPage  *hc_client_list_subjects_finish   (HcClient             *self,
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

/* One page of GET /audit, newest first. */
typedef struct
{
  GPtrArray *items;         /* of HcAuditEntry */
  char      *next_cursor;   /* NULL on the last page */
  gint64     total;         /* -1 when not asked for */
} HcAuditPage;

void            hc_audit_page_free             (HcAuditPage         *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcAuditPage, hc_audit_page_free)

void            hc_client_list_audit_async     (HcClient            *self,
                                                const HcAuditQuery  *query,
                                                const char          *cursor,
                                                guint                limit,
                                                gboolean             want_total,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
HcAuditPage    *hc_client_list_audit_finish    (HcClient            *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
