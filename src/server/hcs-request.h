/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsRequest: one API request being answered, and the helpers every route
 * uses to read it and to answer (JSON, errors, ETags, pages). */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "hc-enums.h"
#include "hcs-errors.h"
#include "hcs-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  user_id;
  char   *username;
  HcRole  role;
} HcsActor;

typedef struct _HcsRequest HcsRequest;

typedef struct
{
  guint    limit;
  char    *after_key;     /* from the cursor; NULL on the first page */
  gint64   after_id;
  gboolean want_total;
} HcsPage;

/* Field requirement for the hcs_request_field_* readers. */
typedef enum
{
  HCS_FIELD_OPTIONAL = 0,
  HCS_FIELD_REQUIRED = 1,
  /* for hcs_request_field_string(): */
  HCS_FIELD_MULTILINE = 1 << 1,  /* free text: line breaks and tabs allowed, not trimmed */
  HCS_FIELD_RAW = 1 << 2,        /* a password: none of the input rules, not normalised */
  HCS_FIELD_NULLABLE = 1 << 3,   /* null is a value (documented `nullable`): read as absent;
                                  * without it an optional member that is null is refused */
} HcsFieldFlags;

typedef void (*HcsRequestFunc) (HcsRequest *request,
                                gpointer    data);

HcsRequest      *hcs_request_new              (SoupServerMessage *msg,
                                               HcsStore          *store,
                                               GHashTable        *params);
void             hcs_request_free             (HcsRequest        *self);
void             hcs_request_defer            (HcsRequest        *self);
gboolean         hcs_request_is_deferred      (HcsRequest        *self);
void             hcs_request_resume           (HcsRequest        *self,
                                               HcsRequestFunc     func,
                                               gpointer           data,
                                               GDestroyNotify     destroy);

SoupServerMessage *hcs_request_get_message    (HcsRequest        *self);
HcsStore        *hcs_request_get_store        (HcsRequest        *self);
void             hcs_request_read_from        (HcsRequest        *self,
                                               HcsStore          *replica);
HcsStore        *hcs_request_write_store      (HcsRequest        *self);
const HcsActor  *hcs_request_get_actor        (HcsRequest        *self);
void             hcs_request_set_actor        (HcsRequest        *self,
                                               gint64             user_id,
                                               const char        *username,
                                               HcRole             role);
gboolean         hcs_request_is_authenticated (HcsRequest        *self);
gboolean         hcs_request_has_role         (HcsRequest        *self,
                                               HcRole             role);
gboolean         hcs_request_require_role     (HcsRequest        *self,
                                               HcRole             role);
gboolean         hcs_request_has_replied      (HcsRequest        *self);
gboolean         hcs_request_masks_id_numbers (HcsRequest        *self);
void             hcs_request_unmask           (HcsRequest        *self);
void             hcs_request_mask_document    (HcsRequest        *self,
                                               JsonNode          *node);
const char      *hcs_request_get_method       (HcsRequest        *self);
const char      *hcs_request_get_header       (HcsRequest        *self,
                                               const char        *name);
gboolean         hcs_request_set_trusted_proxies (const char *const *addresses,
                                                  GError           **error);
char            *hcs_request_dup_client_address (HcsRequest      *self);

const char      *hcs_request_param            (HcsRequest        *self,
                                               const char        *name);
const char      *hcs_request_query            (HcsRequest        *self,
                                               const char        *name);
gboolean         hcs_request_query_int        (HcsRequest        *self,
                                               const char        *name,
                                               gint64             min,
                                               gint64             max,
                                               gint64             fallback,
                                               gint64            *out);
gboolean         hcs_request_query_bool       (HcsRequest        *self,
                                               const char        *name,
                                               gboolean          *out);
gboolean         hcs_request_page             (HcsRequest        *self,
                                               HcsPage           *page);
void             hcs_page_clear               (HcsPage           *page);

GBytes          *hcs_request_get_body         (HcsRequest        *self);
JsonObject      *hcs_request_json_object      (HcsRequest        *self);
JsonNode        *hcs_request_json             (HcsRequest        *self);
gboolean         hcs_request_field_string     (HcsRequest        *self,
                                               JsonObject        *obj,
                                               const char        *name,
                                               HcsFieldFlags      flags,
                                               const char       **out);
gboolean         hcs_request_field_int        (HcsRequest        *self,
                                               JsonObject        *obj,
                                               const char        *name,
                                               HcsFieldFlags      flags,
                                               gint64            *out);
gboolean         hcs_request_field_double     (HcsRequest        *self,
                                               JsonObject        *obj,
                                               const char        *name,
                                               HcsFieldFlags      flags,
                                               double            *out);
gboolean         hcs_request_field_bool       (HcsRequest        *self,
                                               JsonObject        *obj,
                                               const char        *name,
                                               HcsFieldFlags      flags,
                                               gboolean          *out);
gboolean         hcs_request_field_array      (HcsRequest        *self,
                                               JsonObject        *obj,
                                               const char        *name,
                                               HcsFieldFlags      flags,
                                               JsonArray        **out);
gboolean         hcs_request_if_match         (HcsRequest        *self,
                                               gint64            *version);
gint64           hcs_request_if_match_version (HcsRequest        *self,
                                               JsonObject        *record);

void             hcs_request_reply_json       (HcsRequest        *self,
                                               guint              status,
                                               JsonNode          *node);
void             hcs_request_reply_object     (HcsRequest        *self,
                                               guint              status,
                                               JsonObject        *obj);
void             hcs_request_reply_page       (HcsRequest        *self,
                                               JsonArray         *items,
                                               const char        *next_cursor,
                                               gint64             total);
gboolean         hcs_request_is_exporting     (HcsRequest        *self);
char            *hcs_page_trim                (JsonArray         *rows,
                                               const HcsPage     *page,
                                               const char        *key_member);
void             hcs_request_reply_rows       (HcsRequest        *self,
                                               JsonArray         *rows,
                                               const HcsPage     *page,
                                               const char        *key_member,
                                               gint64             total);
void             hcs_request_reply_bytes      (HcsRequest        *self,
                                               guint              status,
                                               const char        *content_type,
                                               GBytes            *bytes);
void             hcs_request_reply_no_content (HcsRequest        *self);
void             hcs_request_export_page      (HcsRequest        *self,
                                               const char        *cursor);
JsonArray       *hcs_request_export_take      (HcsRequest        *self,
                                               char             **next_cursor);
void             hcs_request_reply_error      (HcsRequest        *self,
                                               guint              status,
                                               const char        *code,
                                               const char        *field,
                                               const char        *format,
                                               ...) G_GNUC_PRINTF (5, 6);
void             hcs_request_reply_gerror     (HcsRequest        *self,
                                               const GError      *error);
gboolean         hcs_request_path_id          (HcsRequest        *self,
                                               const char        *name,
                                               const char        *not_found,
                                               gint64            *id);
void             hcs_request_set_etag         (HcsRequest        *self,
                                               gint64             version);

char            *hcs_cursor_encode            (const char        *key,
                                               gint64             id);
gboolean         hcs_cursor_decode            (const char        *cursor,
                                               char             **key,
                                               gint64            *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsRequest, hcs_request_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HcsPage, hcs_page_clear)

G_END_DECLS
