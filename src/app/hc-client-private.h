/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The request layer under HcClient's typed calls: for the files that add
 * typed calls, not for panes (a pane never builds a URL or JSON itself). */
#pragma once

#include <json-glib/json-glib.h>

#include "hc-client.h"

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

/* Like hc_client_send_async() with an If-Match header (the ETag the
 * edited row was read with) when @if_match is not %NULL. */
void      hc_client_send_if_match_async (HcClient            *self,
                                         const char          *method,
                                         const char          *path,
                                         JsonNode            *body,
                                         const char          *if_match,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);

/* The ETag of a finished send's answer, %NULL without one; valid while
 * @result lives. */
const char *hc_client_send_get_etag     (HcClient            *self,
                                         GAsyncResult        *result);

/* Sets (or with NULLs clears) the session after a sign-in. */
void      hc_client_set_session (HcClient            *self,
                                 const char          *token,
                                 const char          *username,
                                 const char          *role);

G_END_DECLS
