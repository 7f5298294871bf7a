/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Answering a request: JSON bodies masked at the answer boundary, pages
 * and their cursors, exports' pages, and every error answer. */
#define G_LOG_DOMAIN "hcs-request"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hcs-mask.h"
#include "hcs-request-private.h"

void
hcs_request_reply_bytes (HcsRequest *self,
                         guint       status,
                         const char *content_type,
                         GBytes     *bytes)
{
  g_return_if_fail (!self->replied);

  self->replied = TRUE;
  soup_server_message_set_status (self->msg, status, NULL);
  if (bytes != NULL)
    {
      g_autoptr(GBytes) masked = NULL;
      gsize len;
      const char *data;

      /* Text answers (CSV, JSON, plain) are masked like JSON ones (JSON in
       * its strings only); binary ones (XLSX, PDF) must be masked by
       * whoever makes them. */
      if (content_type != NULL && strstr (content_type, "json") != NULL)
        masked = hcs_mask_json_bytes (bytes, hcs_request_mask_role (self));
      else if (content_type != NULL && g_str_has_prefix (content_type, "text/"))
        masked = hcs_mask_bytes (bytes, hcs_request_mask_role (self));
      else
        masked = g_bytes_ref (bytes);
      data = g_bytes_get_data (masked, &len);
      soup_server_message_set_response (self->msg, content_type, SOUP_MEMORY_COPY, data, len);
    }
}

/**
 * hcs_request_mask_document:
 * @node: what a binary document (a PDF) is made from; changed in place
 *
 * Masks @node as this request's JSON answer would be masked — every ID
 * number in every string, at any depth — for a document that does not
 * pass the answer boundary. Whoever renders one passes all its data here,
 * not member by member, so that no free text of it is forgotten.
 */
void
hcs_request_mask_document (HcsRequest *self,
                           JsonNode   *node)
{
  hcs_mask_json_node (node, hcs_request_mask_role (self));
}

/* Answers @node (transfer full) as the JSON body. */
void
hcs_request_reply_json (HcsRequest *self,
                        guint       status,
                        JsonNode   *node)
{
  g_autoptr(JsonNode) owned = node;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  gsize len;
  char *text;

  g_return_if_fail (!self->replied);

  hcs_mask_json_node (owned, hcs_request_mask_role (self));
  json_generator_set_root (gen, owned);
  text = json_generator_to_data (gen, &len);
  self->replied = TRUE;
  soup_server_message_set_status (self->msg, status, NULL);
  soup_server_message_set_response (self->msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, text, len);
}

/* Answers @obj (transfer full). */
void
hcs_request_reply_object (HcsRequest *self,
                          guint       status,
                          JsonObject *obj)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, obj);
  hcs_request_reply_json (self, status, node);
}

/* Whether the route runs for an export (hcs_request_export_page()), whose
 * page goes to the export rather than to the client. */
gboolean
hcs_request_is_exporting (HcsRequest *self)
{
  return self->exporting;
}

/**
 * hcs_request_reply_page:
 * @items: (transfer full): this page
 * @next_cursor: (nullable): where the next page starts, %NULL on the last
 * @total: the count of all matches, or -1 when not asked for
 */
void
hcs_request_reply_page (HcsRequest *self,
                        JsonArray  *items,
                        const char *next_cursor,
                        gint64      total)
{
  JsonObject *obj;

  if (self->exporting)
    {
      g_autoptr(JsonNode) rows = json_node_new (JSON_NODE_ARRAY);

      g_return_if_fail (!self->replied);
      /* The export's answer boundary: masked like a JSON answer. */
      json_node_set_array (rows, items);
      hcs_mask_json_node (rows, hcs_request_mask_role (self));
      self->replied = TRUE;
      g_clear_pointer (&self->export_rows, json_array_unref);
      self->export_rows = items;
      g_free (self->export_next);
      self->export_next = g_strdup (next_cursor);
      return;
    }
  obj = json_object_new ();
  json_object_set_array_member (obj, "items", items);
  if (next_cursor != NULL)
    json_object_set_string_member (obj, "next_cursor", next_cursor);
  else
    json_object_set_null_member (obj, "next_cursor");
  if (total >= 0)
    json_object_set_int_member (obj, "total", total);
  hcs_request_reply_object (self, SOUP_STATUS_OK, obj);
}

/**
 * hcs_request_export_page:
 * @cursor: (nullable): where the page starts, %NULL for the first
 *
 * Turns the request into export mode for one more run of its route: the
 * route reads the whole-result page from @cursor (hcs_request_page()) and
 * its page answer goes to hcs_request_export_take() instead of the client.
 * Every listing gets exports this way, with its own filters and masking.
 */
void
hcs_request_export_page (HcsRequest *self,
                         const char *cursor)
{
  self->exporting = TRUE;
  self->replied = FALSE;
  g_free (self->export_cursor);
  self->export_cursor = g_strdup (cursor);
  g_clear_pointer (&self->export_rows, json_array_unref);
  g_clear_pointer (&self->export_next, g_free);
}

/**
 * hcs_request_export_take:
 * @next_cursor: (out) (transfer full): where the next page starts, %NULL
 *   after the last
 *
 * Returns: (transfer full) (nullable): the page the route answered, or %NULL
 *   when it answered something else (an error, or it is no listing); that
 *   answer is then on the message, for the client.
 */
JsonArray *
hcs_request_export_take (HcsRequest  *self,
                         char       **next_cursor)
{
  *next_cursor = g_steal_pointer (&self->export_next);
  if (self->export_rows == NULL)
    return NULL;
  /* The page went to the export: the client has no answer yet. */
  self->replied = FALSE;
  return g_steal_pointer (&self->export_rows);
}

void
hcs_request_reply_no_content (HcsRequest *self)
{
  g_return_if_fail (!self->replied);
  self->replied = TRUE;
  soup_server_message_set_status (self->msg, SOUP_STATUS_NO_CONTENT, NULL);
}

/**
 * hcs_request_reply_error:
 * @code: a stable machine-readable code ("invalid_uscc")
 * @field: (nullable): the request field at fault
 *
 * Answers `{"error":{"code","message","field"}}`. The message is for a
 * person: say what to do.
 */
void
hcs_request_reply_error (HcsRequest *self,
                         guint       status,
                         const char *code,
                         const char *field,
                         const char *format,
                         ...)
{
  JsonObject *root = json_object_new ();
  JsonObject *err = json_object_new ();
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  json_object_set_string_member (err, "code", code);
  json_object_set_string_member (err, "message", message);
  if (field != NULL)
    json_object_set_string_member (err, "field", field);
  json_object_set_object_member (root, "error", err);
  hcs_request_reply_object (self, status, root);
}

static void
reply_internal (HcsRequest   *self,
                const GError *error)
{
  g_warning ("%s %s: %s", hcs_request_get_method (self),
             g_uri_get_path (soup_server_message_get_uri (self->msg)),
             error ? error->message : "unknown error");
  hcs_request_reply_error (self, HCS_ERR_INTERNAL, NULL,
                           _("The server could not complete this; nothing was changed. Try again, and tell the administrator if it persists."));
}

/**
 * hcs_request_reply_gerror:
 *
 * Answers @error, the one way every route maps a GError to an answer: an
 * HCS_ERROR with its status, code, field and message; an HCS_STORE_ERROR
 * with the status of its kind; anything else as 500 `internal`. Internal
 * details go to the log only, never into the answer.
 */
void
hcs_request_reply_gerror (HcsRequest   *self,
                          const GError *error)
{
  if (error != NULL && error->domain == HCS_ERROR)
    {
      hcs_request_reply_error (self, (guint) error->code, hcs_error_get_code (error),
                               hcs_error_get_field (error), "%s", error->message);
      return;
    }
  if (error == NULL || error->domain != HCS_STORE_ERROR)
    {
      reply_internal (self, error);
      return;
    }

  switch ((HcsStoreError) error->code)
    {
    case HCS_STORE_ERROR_NOT_FOUND:
      hcs_request_reply_error (self, HCS_ERR_NOT_FOUND, NULL,
                               _("No such record; it may have been deleted."));
      break;
    case HCS_STORE_ERROR_DUPLICATE:
      hcs_request_reply_error (self, HCS_ERR_DUPLICATE, NULL,
                               _("A record with the same key already exists."));
      break;
    case HCS_STORE_ERROR_CONSTRAINT:
      hcs_request_reply_error (self, HCS_ERR_CONSTRAINT, NULL,
                               _("The record refers to something that does not exist or breaks a rule of the data."));
      break;
    case HCS_STORE_ERROR_STALE:
      hcs_request_reply_error (self, HCS_ERR_STALE, NULL,
                               _("Someone changed this record since you read it; nothing was changed. Reload it and try again."));
      break;
    case HCS_STORE_ERROR_BUSY:
      hcs_request_reply_error (self, HCS_ERR_BUSY, NULL,
                               _("The database is busy; nothing was changed. Try again in a moment."));
      break;
    case HCS_STORE_ERROR_UNAVAILABLE:
      /* The cause (disk full, read-only, I/O error, a lost PostgreSQL
       * connection) is for the log. */
      g_warning ("%s %s: storage unavailable: %s", hcs_request_get_method (self),
                 g_uri_get_path (soup_server_message_get_uri (self->msg)), error->message);
      hcs_request_reply_error (self, HCS_ERR_STORAGE_UNAVAILABLE, NULL,
                               _("The server cannot use its database (a full or read-only disk, or a lost "
                                 "connection to the database server); nothing was changed. Try again later, "
                                 "and tell the administrator."));
      break;
    case HCS_STORE_ERROR_COMMIT_UNKNOWN:
      /* A failover under the commit: the client must read back, not retry blindly. */
      g_warning ("%s %s: %s", hcs_request_get_method (self),
                 g_uri_get_path (soup_server_message_get_uri (self->msg)), error->message);
      hcs_request_reply_error (self, HCS_ERR_COMMIT_UNKNOWN, NULL,
                               _("The connection to the database was lost while your change was being saved: "
                                 "it may or may not have been saved. Reload and check before trying again."));
      break;
    case HCS_STORE_ERROR_CORRUPT:
    case HCS_STORE_ERROR_SCHEMA:
    case HCS_STORE_ERROR_FAILED:
    default:
      reply_internal (self, error);
      break;
    }
}

/* A cursor is the last row's sort key and id, base64url-encoded; opaque to
 * clients and stable while rows are added (keyset paging). */
char *
hcs_cursor_encode (const char *key,
                   gint64      id)
{
  g_autofree char *raw = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", id, key ? key : "");
  char *b64 = g_base64_encode ((const guchar *) raw, strlen (raw));

  for (char *p = b64; *p; p++)
    if (*p == '+')
      *p = '-';
    else if (*p == '/')
      *p = '_';
  return b64;
}

gboolean
hcs_cursor_decode (const char  *cursor,
                   char       **key,
                   gint64      *id)
{
  g_autofree char *b64 = g_strdup (cursor);
  g_autofree guchar *raw = NULL;
  g_autofree char *text = NULL;
  gsize len;
  char *sep, *end = NULL;

  for (char *p = b64; *p; p++)
    {
      if (*p == '-')
        *p = '+';
      else if (*p == '_')
        *p = '/';
      else if (!g_ascii_isalnum (*p) && *p != '=')
        return FALSE;
    }
  raw = g_base64_decode (b64, &len);
  if (raw == NULL || len == 0)
    return FALSE;
  text = g_strndup ((const char *) raw, len);
  if (strlen (text) != len || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  sep = strchr (text, '\x1f');
  if (sep == NULL)
    return FALSE;
  *sep = '\0';
  *id = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    return FALSE;
  *key = g_strdup (sep + 1);
  return TRUE;
}

/**
 * hcs_page_trim:
 * @rows: up to @page->limit + 1 rows in page order, each with an integer
 *   "id" (and @key_member, when the order is by that key)
 * @key_member: (nullable): the member the rows are sorted by before "id"
 *
 * Cuts @rows to the page. A row past the limit means there is a next page,
 * whose cursor is made from the last row kept.
 *
 * Returns: (transfer full) (nullable): the next page's cursor
 */
char *
hcs_page_trim (JsonArray     *rows,
               const HcsPage *page,
               const char    *key_member)
{
  JsonObject *last;
  const char *key = NULL;
  g_autofree char *key_text = NULL;
  char *cursor;

  if (json_array_get_length (rows) <= page->limit)
    return NULL;
  last = json_array_get_object_element (rows, page->limit - 1);
  if (key_member != NULL)
    {
      JsonNode *k = json_object_get_member (last, key_member);

      if (k != NULL && json_node_get_value_type (k) == G_TYPE_STRING)
        key = json_node_get_string (k);
      else if (k != NULL && json_node_get_value_type (k) == G_TYPE_INT64)
        key = key_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (k));
    }
  cursor = hcs_cursor_encode (key, json_object_get_int_member (last, "id"));
  while (json_array_get_length (rows) > page->limit)
    json_array_remove_element (rows, page->limit);
  return cursor;
}

/**
 * hcs_request_reply_rows:
 * @rows: (transfer full): up to @page->limit + 1 rows in page order, as
 *   hcs_page_trim() takes them
 * @key_member: (nullable): the member the rows are sorted by before "id"
 * @total: the count of all matches, or -1
 *
 * Answers a page of @rows (hcs_page_trim()).
 */
void
hcs_request_reply_rows (HcsRequest    *self,
                        JsonArray     *rows,
                        const HcsPage *page,
                        const char    *key_member,
                        gint64         total)
{
  g_autofree char *cursor = hcs_page_trim (rows, page, key_member);

  hcs_request_reply_page (self, rows, cursor, total);
}
