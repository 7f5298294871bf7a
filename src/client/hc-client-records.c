/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcClient's typed calls for the 信用档案: a subject's file and records by
 * kind, 双公示, a commitment's fulfilment and the watch-list entry a broken
 * one leads to, the 公共信用信息报告 (PDF), and a supervisor's audited
 * reveal of a masked ID number. */
#define G_LOG_DOMAIN "hc-client"

#include "config.h"

#include "hc-client-private.h"

/* GET /subjects/{identifier}/file */

void
hc_client_get_credit_file_async (HcClient            *self,
                                 const char          *identifier,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (identifier != NULL);

  path = _hc_client_subject_path (identifier, "/file");
  _hc_client_call_async (self, hc_client_get_credit_file_async, "GET", path, NULL,
                         (HcItemFromJson) hc_credit_file_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

HcCreditFile *
hc_client_get_credit_file_finish (HcClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_get_credit_file_async, error);
}

/* GET /subjects/{identifier}/records and GET /publicity */

/* The path of a subject's records of @kind, for a page or an export. */
char *
hc_client_records_path (const char *identifier,
                        const char *kind)
{
  g_autofree char *base = NULL;
  GString *path;

  g_return_val_if_fail (identifier != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  base = _hc_client_subject_path (identifier, "/records");
  path = g_string_new (base);
  _hc_client_query_add (path, "kind", kind);
  return g_string_free (path, FALSE);
}

void
hc_client_list_records_async (HcClient            *self,
                              const char          *identifier,
                              const char          *kind,
                              const char          *cursor,
                              guint                limit,
                              gboolean             want_total,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GString) path = NULL;
  g_autofree char *base = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (identifier != NULL);
  g_return_if_fail (kind != NULL);

  base = hc_client_records_path (identifier, kind);
  path = g_string_new (base);
  _hc_client_query_add_page (path, cursor, limit, want_total);
  _hc_client_call_page_async (self, hc_client_list_records_async, path->str, HC_TYPE_RECORD,
                              (HcItemFromJson) hc_record_new_from_json, FALSE, cancellable, callback, user_data);
}

HcPage *
hc_client_list_records_finish (HcClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_records_async, error);
}

/* The path of the 双公示 listing for @query, for a page or an export. */
char *
hc_client_publicity_path (const HcPublicityQuery *query)
{
  GString *path = g_string_new ("/publicity");

  g_return_val_if_fail (query != NULL, NULL);

  _hc_client_query_add (path, "kind", query->kind ? query->kind : "penalty");
  _hc_client_query_add (path, "region", query->region);
  if (query->department > 0)
    _hc_client_query_add_int (path, "department", query->department);
  _hc_client_query_add (path, "from", query->from);
  _hc_client_query_add (path, "to", query->to);
  return g_string_free (path, FALSE);
}

void
hc_client_list_publicity_async (HcClient               *self,
                                const HcPublicityQuery *query,
                                const char             *cursor,
                                guint                   limit,
                                gboolean                want_total,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  g_autoptr(GString) path = NULL;
  g_autofree char *base = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (query != NULL);

  base = hc_client_publicity_path (query);
  path = g_string_new (base);
  _hc_client_query_add_page (path, cursor, limit, want_total);
  _hc_client_call_page_async (self, hc_client_list_publicity_async, path->str, HC_TYPE_RECORD,
                              (HcItemFromJson) hc_record_new_from_json, FALSE, cancellable, callback, user_data);
}

HcPage *
hc_client_list_publicity_finish (HcClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_publicity_async, error);
}

/* POST /commitments/{id}/fulfilment and /commitments/{id}/watch-entry */

static char *
if_match (gint64 version)
{
  return g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);
}

/* The commitment an answer holds: the fulfilment answers it, the watch
 * entry's answer holds it beside the entry. */
static gpointer
commitment_from_answer (JsonObject *obj,
                        const char *etag)
{
  JsonNode *inner = json_object_get_member (obj, "commitment");

  if (inner != NULL && JSON_NODE_HOLDS_OBJECT (inner))
    obj = json_node_get_object (inner);
  return hc_record_new_from_json (obj);
}

static char *
commitment_path (gint64      id,
                 const char *tail)
{
  return g_strdup_printf ("/commitments/%" G_GINT64_FORMAT "/%s", id, tail);
}

/**
 * hc_client_fulfil_commitment_async:
 * @version: the version of the commitment the decision is about (its
 *   If-Match): a commitment changed since answers 412
 * @fulfilment: "fulfilled" (践诺) or "breached" (未践诺)
 * @date: YYYY-MM-DD
 * @note: (nullable): required for a broken commitment
 *
 * Completes with the commitment as it now is (an HcRecord).
 */
void
hc_client_fulfil_commitment_async (HcClient            *self,
                                   gint64               id,
                                   gint64               version,
                                   const char          *fulfilment,
                                   const char          *date,
                                   const char          *note,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *etag = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (fulfilment != NULL && date != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fulfilment");
  json_builder_add_string_value (builder, fulfilment);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, note ? note : "");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  path = commitment_path (id, "fulfilment");
  etag = if_match (version);
  _hc_client_call_etag_async (self, hc_client_fulfil_commitment_async, "POST", path, body, etag,
                              commitment_from_answer, g_object_unref, cancellable, callback, user_data);
}

HcRecord *
hc_client_fulfil_commitment_finish (HcClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_fulfil_commitment_async, error);
}

/* Proposes the 重点关注名单 entry a broken commitment calls for; completes
 * with the commitment as it now is (its watch-entry id set). */
void
hc_client_propose_watch_entry_async (HcClient            *self,
                                     gint64               id,
                                     gint64               version,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(JsonNode) body = json_node_init_object (json_node_alloc (), json_object_new ());
  g_autofree char *path = NULL;
  g_autofree char *etag = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  path = commitment_path (id, "watch-entry");
  etag = if_match (version);
  _hc_client_call_etag_async (self, hc_client_propose_watch_entry_async, "POST", path, body, etag,
                              commitment_from_answer, g_object_unref, cancellable, callback, user_data);
}

HcRecord *
hc_client_propose_watch_entry_finish (HcClient      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_propose_watch_entry_async, error);
}

/* GET /subjects/{identifier}/report.pdf, saved to a file */

/* Issues the subject's 公共信用信息报告 (numbered and recorded by the
 * server) and saves the PDF to @dest. */
void
hc_client_save_report_async (HcClient            *self,
                             const char          *identifier,
                             GFile               *dest,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (identifier != NULL);
  g_return_if_fail (G_IS_FILE (dest));

  path = _hc_client_subject_path (identifier, "/report.pdf");
  _hc_client_download_to_file_async (self, hc_client_save_report_async, path, dest,
                                     cancellable, callback, user_data);
}

gboolean
hc_client_save_report_finish (HcClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _hc_client_boolean_finish (self, result, hc_client_save_report_async, error);
}

/* GET /subjects/{identifier}?unmask=1: a supervisor's explicit look at
 * one subject's whole ID number, which the server records in the audit
 * log (subject.unmask). */
void
hc_client_unmask_subject_async (HcClient            *self,
                                const char          *identifier,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (identifier != NULL);

  path = _hc_client_subject_path (identifier, "?unmask=1");
  _hc_client_call_async (self, hc_client_unmask_subject_async, "GET", path, NULL,
                         (HcItemFromJson) hc_subject_new_from_json, g_object_unref,
                         cancellable, callback, user_data);
}

HcSubject *
hc_client_unmask_subject_finish (HcClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_unmask_subject_async, error);
}

/* GET /departments: completes with a GListModel of HcDepartment. */
void
hc_client_list_departments_async (HcClient            *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));

  _hc_client_call_page_async (self, hc_client_list_departments_async, "/departments", HC_TYPE_DEPARTMENT,
                              (HcItemFromJson) hc_department_new_from_json, TRUE, cancellable, callback, user_data);
}

GListModel *
hc_client_list_departments_finish (HcClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _hc_client_call_finish (self, result, hc_client_list_departments_async, error);
}
