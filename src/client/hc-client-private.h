/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The request layer under HcClient's typed calls: for the files that add
 * typed calls, not for panes (a pane never builds a URL or JSON itself). */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "hc-client.h"
#include "hc-page.h"

G_BEGIN_DECLS

/* Sends @method @path (below /api/v1, query included) with @body as JSON
 * (NULL for none). Completes with the answer's JsonNode (NULL for 204) or a
 * GError in HC_CLIENT_ERROR (or G_IO_ERROR_CANCELLED). */
void      hc_client_send_async  (HcClient            *self,
                                 const char          *method,
                                 const char          *path,
                                 JsonNode            *body,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
JsonNode *hc_client_send_finish (HcClient            *self,
                                 GAsyncResult        *result,
                                 GError             **error);

/* As hc_client_send_async(), with @if_match (NULL for none) sent as
 * If-Match; the finish gives the answer's ETag too. */
void      hc_client_send_etag_async  (HcClient            *self,
                                      const char          *method,
                                      const char          *path,
                                      JsonNode            *body,
                                      const char          *if_match,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
JsonNode *hc_client_send_etag_finish (HcClient            *self,
                                      GAsyncResult        *result,
                                      char               **etag,
                                      GError             **error);

/* Like hc_client_send_async (and finished with hc_client_send_finish) but
 * with @body of @content_type as it is; @progress, when not NULL, is called
 * on the calling thread's main context as the body goes out. */
void      hc_client_send_bytes_async  (HcClient              *self,
                                       const char            *method,
                                       const char            *path,
                                       const char            *content_type,
                                       GBytes                *body,
                                       GFileProgressCallback  progress,
                                       gpointer               progress_data,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data);

/* Finishes g_file_load_bytes_async() of a file to upload: its bytes and,
 * in @content_type, text/csv or the XLSX type by @file_name's extension (the
 * server also knows an XLSX by its zip magic; the type says it first). A
 * file that cannot be read fails with a message a person can act on; a
 * cancelled load stays G_IO_ERROR_CANCELLED. */
GBytes   *_hc_client_load_upload_finish (GFile         *file,
                                         GAsyncResult  *result,
                                         const char    *file_name,
                                         const char   **content_type,
                                         GError       **error);

/* GETs @path and completes with the answer's body as it is (a file, not
 * JSON); an error answer is a GError as with hc_client_send_async. */
void      hc_client_fetch_bytes_async  (HcClient            *self,
                                        const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GBytes   *hc_client_fetch_bytes_finish (HcClient            *self,
                                        GAsyncResult        *result,
                                        GError             **error);

/* Sets (or with NULLs clears) the session after a sign-in. */
void      hc_client_set_session (HcClient            *self,
                                 const char          *token,
                                 const char          *username,
                                 const char          *role);

/* hc-client-error.c: an HC_CLIENT_ERROR with the server's @server_code and
 * @field (both nullable); one for a transport failure (taking @error; a
 * cancellation is given back as it is); one for an error
 * answer of @status (its JSON in @node, nullable), where a refused token is
 * TOKEN_EXPIRED when the client was @signed_in. */
GError   *_hc_client_error_new            (HcClientError  code,
                                           const char    *server_code,
                                           const char    *field,
                                           const char    *message);
GError   *_hc_client_error_from_transport (HcClient      *client,
                                          GError        *error);
GError   *_hc_client_error_from_answer    (guint          status,
                                           JsonNode      *node,
                                           gboolean       signed_in);

/* hc-client.c, for the calls that speak to libsoup themselves (exports):
 * the session, a message with the session's headers (NULL with @error set
 * when the server address is not a URL), and the error of an error answer
 * from its body (nullable), which emits session-expired when the token was
 * refused. */
SoupSession *_hc_client_get_session  (HcClient    *self);
SoupMessage *_hc_client_new_message  (HcClient    *self,
                                      const char  *method,
                                      const char  *path,
                                      const char  *accept,
                                      GError     **error);
GError      *_hc_client_answer_error (HcClient    *self,
                                      guint        status,
                                      GBytes      *body);

/* HC_CLIENT_ERROR_PROTOCOL, for an answer not shaped as documented. */
GError   *hc_client_protocol_error (void);
JsonObject *hc_client_take_object  (GObject       *source,
                                    GAsyncResult  *result,
                                    GTask         *task,
                                    JsonNode     **node_out);

/* Building a URL's query: each adds "name=value" to @path after a '?' or
 * '&' as needed, the value percent-encoded (RFC 3986: all but unreserved
 * characters, UTF-8 bytes included). _hc_client_query_add() adds nothing
 * for a NULL or empty @value; _hc_client_query_add_page() adds a page's
 * "limit" (when > 0), "cursor" (when set) and "total=1" (when asked). */
void      _hc_client_query_add      (GString    *path,
                                     const char *name,
                                     const char *value);
void      _hc_client_query_add_int  (GString    *path,
                                     const char *name,
                                     gint64      value);
void      _hc_client_query_add_page (GString    *path,
                                     const char *cursor,
                                     guint       limit,
                                     gboolean    want_total);

/* Makes one item of a collection from its JSON, NULL when it is not
 * shaped as documented (an hc_x_new_from_json()). */
typedef gpointer (*HcItemFromJson) (JsonObject *obj);

HcPage   *_hc_page_new_from_json    (JsonObject     *obj,
                                     GType           item_type,
                                     HcItemFromJson  from_json);

/* Completes @task, from hc_client_send_async()'s callback, with the HcPage
 * of the collection answered (or its error, or a protocol error when the
 * answer or an item is not shaped as documented). */
void      _hc_client_return_page    (GObject        *source,
                                     GAsyncResult   *result,
                                     GTask          *task,
                                     GType           item_type,
                                     HcItemFromJson  from_json);
/* The same, completing @task with the page's items (a GListModel) only. */
void      _hc_client_return_items   (GObject        *source,
                                     GAsyncResult   *result,
                                     GTask          *task,
                                     GType           item_type,
                                     HcItemFromJson  from_json);

/* One typed call, whole: sends @method @path with @body (NULL for none) and
 * completes with @parse's result for the answer's object (a protocol error
 * when it gives NULL or the answer is not an object), freed with
 * @result_free when nobody takes it. @source_tag is the typed call's
 * _async function; its _finish is _hc_client_call_finish() with the same
 * tag. A typed call is then its query and these two lines. */
void      _hc_client_call_async     (HcClient            *self,
                                     gpointer             source_tag,
                                     const char          *method,
                                     const char          *path,
                                     JsonNode            *body,
                                     HcItemFromJson       parse,
                                     GDestroyNotify       result_free,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* The same for a GET of a collection: completes with its HcPage of
 * @item_type, or with only the page's items (a GListModel) when
 * @items_only. */
void      _hc_client_call_page_async (HcClient            *self,
                                      gpointer             source_tag,
                                      const char          *path,
                                      GType                item_type,
                                      HcItemFromJson       from_json,
                                      gboolean             items_only,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
/* Makes a call's result from the answer's object and its ETag (never
 * NULL), NULL when they are not shaped as documented. */
typedef gpointer (*HcAnswerWithEtag) (JsonObject *obj,
                                      const char *etag);

/* The same for a versioned record: sends @if_match (NULL for none) as
 * If-Match, and an answer without an ETag is a protocol error. */
void      _hc_client_call_etag_async (HcClient            *self,
                                      gpointer             source_tag,
                                      const char          *method,
                                      const char          *path,
                                      JsonNode            *body,
                                      const char          *if_match,
                                      HcAnswerWithEtag     parse,
                                      GDestroyNotify       result_free,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
/* Returns: (transfer full): what the call completed with, or %NULL with
 * @error set */
gpointer  _hc_client_call_finish    (HcClient            *self,
                                     GAsyncResult        *result,
                                     gpointer             source_tag,
                                     GError             **error);

/* Completes a call that answers only success: TRUE, or FALSE with @error
 * set. @source_tag as given to the _async function. */
gboolean  _hc_client_boolean_finish (HcClient            *self,
                                     GAsyncResult        *result,
                                     gpointer             source_tag,
                                     GError             **error);

/* DELETEs the versioned record at @path with @if_match as If-Match (a
 * changed record fails with HC_CLIENT_ERROR_PRECONDITION_FAILED); finish
 * with _hc_client_boolean_finish(). */
void      _hc_client_delete_versioned_async (HcClient            *self,
                                             gpointer             source_tag,
                                             const char          *path,
                                             const char          *if_match,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);

/* GETs @path and writes the answer's body as it is (a PDF) to @dest,
 * replacing it; finish with _hc_client_boolean_finish(). */
void      _hc_client_download_to_file_async (HcClient            *self,
                                             gpointer             source_tag,
                                             const char          *path,
                                             GFile               *dest,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);

/* A member of @obj as a string: "" when missing or not a string. */
const char *_hc_json_string         (JsonObject *obj,
                                     const char *member);

/* "/subjects/{identifier}" escaped, then @tail (nullable). */
char       *_hc_client_subject_path (const char *identifier,
                                     const char *tail);

G_END_DECLS
