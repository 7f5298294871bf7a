/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a request and answering it: the one place that writes error
 * bodies, ETags and pages, so every route answers the same way. */
#define G_LOG_DOMAIN "hcs-request"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hcs-errors.h"
#include "hcs-mask.h"
#include "hcs-request.h"
#include "hcs-json-limits.h"
#include "hc-input.h"

#define DEFAULT_PAGE_LIMIT 50
#define MAX_PAGE_LIMIT     1000

struct _HcsRequest
{
  gatomicrefcount    ref_count;
  SoupServerMessage *msg;
  HcsStore          *store;
  GHashTable        *params;
  GHashTable        *query;
  JsonNode          *json;
  GPtrArray         *strings;      /* the clean (NFC) texts the field readers answered */
  HcsActor           actor;
  GArray            *if_match;     /* the strong tags of If-Match that can be ours */
  guint              if_match_any : 1;
  guint              authenticated : 1;
  guint              replied : 1;
  guint              json_parsed : 1;
  guint              unmasked : 1;
  guint              deferred : 1;
  GMainContext      *context;   /* the worker's, while deferred */
  /* Export mode (hcs-export.c): the route's pages go to the export. */
  guint              exporting : 1;
  char              *export_cursor;
  JsonArray         *export_rows;
  char              *export_next;
};

/* The query's values in NFC, so that a search typed in decomposed form
 * finds the names, which are stored composed (hc_input_clean()). */
static GHashTable *
decode_query (const char *query)
{
  g_autoptr(GHashTable) raw = soup_form_decode (query);
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, raw);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      char *nfc = g_utf8_normalize (value, -1, G_NORMALIZE_NFC);

      g_hash_table_insert (out, g_strdup (key), nfc ? nfc : g_strdup (value));
    }
  return out;
}

HcsRequest *
hcs_request_new (SoupServerMessage *msg,
                 HcsStore          *store,
                 GHashTable        *params)
{
  HcsRequest *self = g_new0 (HcsRequest, 1);
  GUri *uri = soup_server_message_get_uri (msg);
  /* No URI yet when a request is refused before its headers came. */
  const char *query = uri ? g_uri_get_query (uri) : NULL;

  g_atomic_ref_count_init (&self->ref_count);
  self->msg = g_object_ref (msg);
  self->store = store;
  self->params = params ? g_hash_table_ref (params) : NULL;
  if (query != NULL)
    self->query = decode_query (query);
  return self;
}

/* Drops a reference; the last one frees the request. */
void
hcs_request_free (HcsRequest *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->msg);
  g_clear_pointer (&self->params, g_hash_table_unref);
  g_clear_pointer (&self->query, g_hash_table_unref);
  g_clear_pointer (&self->json, json_node_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->export_rows, json_array_unref);
  g_free (self->export_cursor);
  g_free (self->export_next);
  g_clear_pointer (&self->if_match, g_array_unref);
  g_free (self->actor.username);
  g_free (self);
}

/**
 * hcs_request_defer:
 *
 * For a route that answers later, from work done off the worker thread:
 * pauses the message and keeps the request alive. The route then returns;
 * the work calls hcs_request_resume() with its answer ready, on any thread.
 */
void
hcs_request_defer (HcsRequest *self)
{
  g_return_if_fail (!self->deferred && !self->replied);

  g_atomic_ref_count_inc (&self->ref_count);
  self->deferred = TRUE;
  self->context = g_main_context_ref_thread_default ();
  soup_server_message_pause (self->msg);
}

gboolean
hcs_request_is_deferred (HcsRequest *self)
{
  return self->deferred;
}

typedef struct
{
  HcsRequest     *req;
  HcsRequestFunc  func;
  gpointer        data;
  GDestroyNotify  destroy;
} Resume;

static gboolean
resume_on_worker (gpointer user_data)
{
  Resume *r = user_data;

  r->func (r->req, r->data);
  if (!r->req->replied)
    hcs_request_reply_error (r->req, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal", NULL,
                             _("The server could not complete this; nothing was changed."));
  soup_server_message_unpause (r->req->msg);
  if (r->destroy != NULL)
    r->destroy (r->data);
  hcs_request_free (r->req);
  g_free (r);
  return G_SOURCE_REMOVE;
}

/**
 * hcs_request_resume:
 * @func: called on the worker's thread (where the store may be used) to
 *   answer; the request is unpaused after it
 *
 * Ends a hcs_request_defer(). Callable from any thread.
 */
void
hcs_request_resume (HcsRequest     *self,
                    HcsRequestFunc  func,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  Resume *r = g_new0 (Resume, 1);

  g_return_if_fail (self->deferred);
  r->req = self;
  r->func = func;
  r->data = data;
  r->destroy = destroy;
  g_main_context_invoke (self->context, resume_on_worker, r);
}

SoupServerMessage *
hcs_request_get_message (HcsRequest *self)
{
  return self->msg;
}

HcsStore *
hcs_request_get_store (HcsRequest *self)
{
  return self->store;
}

/* Returns: (nullable): the signed-in user, or %NULL on a public route */
const HcsActor *
hcs_request_get_actor (HcsRequest *self)
{
  return self->authenticated ? &self->actor : NULL;
}

void
hcs_request_set_actor (HcsRequest *self,
                       gint64      user_id,
                       const char *username,
                       HcRole      role)
{
  self->actor.user_id = user_id;
  g_free (self->actor.username);
  self->actor.username = g_strdup (username);
  self->actor.role = role;
  self->authenticated = TRUE;
}

gboolean
hcs_request_is_authenticated (HcsRequest *self)
{
  return self->authenticated;
}

gboolean
hcs_request_has_role (HcsRequest *self,
                      HcRole      role)
{
  return self->authenticated && hc_role_at_least (self->actor.role, role);
}

/* Answers 403 and returns %FALSE when the user's role is below @role. */
gboolean
hcs_request_require_role (HcsRequest *self,
                          HcRole      role)
{
  if (hcs_request_has_role (self, role))
    return TRUE;
  hcs_request_reply_error (self, HCS_ERR_FORBIDDEN, NULL,
                           _("This needs the role “%s”; you are signed in as “%s”."),
                           hc_role_label (role),
                           self->authenticated ? hc_role_label (self->actor.role) : "-");
  return FALSE;
}

/**
 * hcs_request_masks_id_numbers:
 *
 * Returns: whether this request's answer masks 居民身份证号码: for every
 *   reader but an administrator, unless hcs_request_unmask() was called
 */
gboolean
hcs_request_masks_id_numbers (HcsRequest *self)
{
  if (self->unmasked)
    return FALSE;
  return !self->authenticated || !hcs_mask_role_sees_id_numbers (self->actor.role);
}

/**
 * hcs_request_unmask:
 *
 * Lets this one answer show ID numbers in full. Only for a supervisor's
 * explicit unmasking, after its audit entry is committed.
 */
void
hcs_request_unmask (HcsRequest *self)
{
  self->unmasked = TRUE;
}

/* The answer boundary: the role whose view of ID numbers an answer takes. */
static HcRole
mask_role (HcsRequest *self)
{
  return hcs_request_masks_id_numbers (self) ? HC_ROLE_ANALYST : HC_ROLE_ADMIN;
}

gboolean
hcs_request_has_replied (HcsRequest *self)
{
  return self->replied;
}

const char *
hcs_request_get_method (HcsRequest *self)
{
  return soup_server_message_get_method (self->msg);
}

const char *
hcs_request_get_header (HcsRequest *self,
                        const char *name)
{
  return soup_message_headers_get_one (soup_server_message_get_request_headers (self->msg), name);
}

/* A path parameter, e.g. "identifier" of /subjects/{identifier}. */
const char *
hcs_request_param (HcsRequest *self,
                   const char *name)
{
  return self->params ? g_hash_table_lookup (self->params, name) : NULL;
}

/* Returns: (nullable): the query parameter, %NULL when absent or empty */
const char *
hcs_request_query (HcsRequest *self,
                   const char *name)
{
  const char *v = self->query ? g_hash_table_lookup (self->query, name) : NULL;

  return (v != NULL && *v != '\0') ? v : NULL;
}

/**
 * hcs_request_query_int:
 *
 * Reads an integer query parameter in [@min, @max], @fallback when absent.
 * Answers 400 and returns %FALSE when it is not such a number.
 */
gboolean
hcs_request_query_int (HcsRequest *self,
                       const char *name,
                       gint64      min,
                       gint64      max,
                       gint64      fallback,
                       gint64     *out)
{
  const char *v = hcs_request_query (self, name);
  gint64 n;

  if (v == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (v, 10, min, max, &n, NULL))
    {
      hcs_request_reply_error (self, HCS_ERR_INVALID_PARAMETER, name,
                               _("The parameter “%s” must be a whole number from %lld to %lld."),
                               name, (long long) min, (long long) max);
      return FALSE;
    }
  *out = n;
  return TRUE;
}

/* True for 1/true/yes. */
gboolean
hcs_request_query_bool (HcsRequest *self,
                        const char *name)
{
  const char *v = hcs_request_query (self, name);

  return v != NULL && (g_str_equal (v, "1") || g_ascii_strcasecmp (v, "true") == 0 ||
                       g_ascii_strcasecmp (v, "yes") == 0);
}

/**
 * hcs_request_page:
 *
 * Reads `limit`, `cursor` and `total` into @page. Answers 400 and returns
 * %FALSE for a bad limit or a cursor this server did not make.
 */
gboolean
hcs_request_page (HcsRequest *self,
                  HcsPage    *page)
{
  const char *cursor = hcs_request_query (self, "cursor");
  gint64 limit;

  memset (page, 0, sizeof *page);
  if (self->exporting)
    {
      /* An export takes the whole result, in the largest pages. */
      page->limit = MAX_PAGE_LIMIT;
      if (self->export_cursor != NULL)
        hcs_cursor_decode (self->export_cursor, &page->after_key, &page->after_id);
      return TRUE;
    }
  if (!hcs_request_query_int (self, "limit", 1, MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT, &limit))
    return FALSE;
  page->limit = (guint) limit;
  page->want_total = hcs_request_query_bool (self, "total");
  if (cursor != NULL && !hcs_cursor_decode (cursor, &page->after_key, &page->after_id))
    {
      hcs_request_reply_error (self, HCS_ERR_INVALID_CURSOR, "cursor",
                               _("The cursor is not valid; start again from the first page."));
      return FALSE;
    }
  return TRUE;
}

void
hcs_page_clear (HcsPage *page)
{
  g_clear_pointer (&page->after_key, g_free);
}

/* Returns: (transfer full): the request body */
GBytes *
hcs_request_get_body (HcsRequest *self)
{
  SoupMessageBody *body = soup_server_message_get_request_body (self->msg);

  return soup_message_body_flatten (body);
}

/**
 * hcs_request_json:
 *
 * Parses the body as JSON once. Answers 400 `invalid_json` and returns %NULL
 * when the body is empty or not JSON.
 *
 * Returns: (transfer none) (nullable): the root node
 */
JsonNode *
hcs_request_json (HcsRequest *self)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *member = NULL;
  gsize len;
  const char *data;

  if (self->json_parsed)
    return self->json;
  self->json_parsed = TRUE;

  body = hcs_request_get_body (self);
  data = g_bytes_get_data (body, &len);
  if (len == 0)
    {
      hcs_request_reply_error (self, HCS_ERR_INVALID_JSON, NULL,
                               _("The request has no body; send a JSON document."));
      return NULL;
    }
  if (!g_utf8_validate (data, len, NULL))
    {
      hcs_request_reply_error (self, HCS_ERR_INVALID_JSON, NULL,
                               _("The request body is not UTF-8 text."));
      return NULL;
    }
  /* Before the parser, which recurses once per level. */
  if (!hcs_json_depth_within (data, len, HCS_JSON_MAX_DEPTH))
    {
      hcs_request_reply_error (self, HCS_ERR_JSON_TOO_DEEP, NULL,
                               _("The request body nests arrays and objects more than %d deep."),
                               HCS_JSON_MAX_DEPTH);
      return NULL;
    }
  if (!hcs_json_single_value (data, len))
    {
      hcs_request_reply_error (self, HCS_ERR_INVALID_JSON, NULL,
                               _("The request body holds more than one JSON value; send one object."));
      return NULL;
    }
  if (hcs_json_find_nul_escape (data, len, &member))
    {
      const char *why = _("The text contains a NUL character (\\u0000), which would cut it short; remove it.");

      if (member != NULL)
        hcs_request_reply_error (self, HCS_ERR_INVALID_TEXT, member, _("The field “%s”: %s"), member, why);
      else
        hcs_request_reply_error (self, HCS_ERR_INVALID_TEXT, NULL, "%s", why);
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &error))
    {
      hcs_request_reply_error (self, HCS_ERR_INVALID_JSON, NULL,
                               _("The request body is not valid JSON: %s"), error->message);
      return NULL;
    }
  self->json = json_parser_steal_root (parser);
  return self->json;
}

/* Like hcs_request_json(), and answers 400 unless the root is an object. */
JsonObject *
hcs_request_json_object (HcsRequest *self)
{
  JsonNode *root = hcs_request_json (self);

  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      hcs_request_reply_error (self, HCS_ERR_INVALID_JSON, NULL,
                               _("The request body must be a JSON object."));
      return NULL;
    }
  return json_node_get_object (root);
}

static JsonNode *
get_field (HcsRequest    *self,
           JsonObject    *obj,
           const char    *name,
           HcsFieldFlags  flags,
           gboolean      *ok)
{
  JsonNode *node = json_object_get_member (obj, name);

  *ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (flags & HCS_FIELD_REQUIRED)
        {
          hcs_request_reply_error (self, HCS_ERR_MISSING_FIELD, name,
                                   _("The field “%s” is required."), name);
          *ok = FALSE;
        }
      return NULL;
    }
  return node;
}

static gboolean
wrong_type (HcsRequest *self,
            const char *name,
            const char *what)
{
  hcs_request_reply_error (self, HCS_ERR_INVALID_TYPE, name,
                           _("The field “%s” must be %s."), name, what);
  return FALSE;
}

/**
 * hcs_request_field_string:
 * @out: (out): the string (owned by @self), untouched when absent
 *
 * Every text goes through the input rules (hc_input_clean()): no NUL, no
 * control characters, no bidirectional controls, not only invisible
 * characters; one line, trimmed, unless @flags has %HCS_FIELD_MULTILINE;
 * answered in NFC. %HCS_FIELD_RAW (passwords) skips them: a password is
 * compared byte for byte. A required string must also be non-empty after
 * trimming. Answers 400 `invalid_type`, 422 `invalid_text` or 422
 * `missing_field` and returns %FALSE otherwise.
 */
gboolean
hcs_request_field_string (HcsRequest    *self,
                          JsonObject    *obj,
                          const char    *name,
                          HcsFieldFlags  flags,
                          const char   **out)
{
  gboolean ok;
  JsonNode *node = get_field (self, obj, name, flags, &ok);
  const char *s;

  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (self, name, _("text"));
  s = json_node_get_string (node);
  if (!(flags & HCS_FIELD_RAW))
    {
      g_autoptr(GError) error = NULL;
      char *clean = hc_input_clean (s, -1, (flags & HCS_FIELD_MULTILINE) ? HC_INPUT_MULTILINE : HC_INPUT_LINE,
                                    &error);

      if (clean == NULL)
        {
          hcs_request_reply_error (self, HCS_ERR_INVALID_TEXT, name, _("The field “%s”: %s"), name,
                                   error->message);
          return FALSE;
        }
      if (self->strings == NULL)
        self->strings = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->strings, clean);
      s = clean;
    }
  if (flags & HCS_FIELD_REQUIRED)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (s));

      if (*trimmed == '\0')
        {
          hcs_request_reply_error (self, HCS_ERR_MISSING_FIELD, name,
                                   _("The field “%s” must not be empty."), name);
          return FALSE;
        }
    }
  *out = s;
  return TRUE;
}

gboolean
hcs_request_field_int (HcsRequest    *self,
                       JsonObject    *obj,
                       const char    *name,
                       HcsFieldFlags  flags,
                       gint64        *out)
{
  gboolean ok;
  JsonNode *node = get_field (self, obj, name, flags, &ok);

  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return wrong_type (self, name, _("a whole number"));
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
hcs_request_field_double (HcsRequest    *self,
                          JsonObject    *obj,
                          const char    *name,
                          HcsFieldFlags  flags,
                          double        *out)
{
  gboolean ok;
  JsonNode *node = get_field (self, obj, name, flags, &ok);
  GType type;

  if (node == NULL)
    return ok;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return wrong_type (self, name, _("a number"));
  return TRUE;
}

gboolean
hcs_request_field_bool (HcsRequest    *self,
                        JsonObject    *obj,
                        const char    *name,
                        HcsFieldFlags  flags,
                        gboolean      *out)
{
  gboolean ok;
  JsonNode *node = get_field (self, obj, name, flags, &ok);

  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return wrong_type (self, name, _("true or false"));
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
hcs_request_field_array (HcsRequest    *self,
                         JsonObject    *obj,
                         const char    *name,
                         HcsFieldFlags  flags,
                         JsonArray    **out)
{
  gboolean ok;
  JsonNode *node = get_field (self, obj, name, flags, &ok);

  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (self, name, _("a list"));
  *out = json_node_get_array (node);
  return TRUE;
}

/* Our ETags are a record's version as a decimal number in quotes: "7". */
static gboolean
etag_version (const char *tag,
              gsize       len,
              gint64     *version)
{
  guint64 n = 0;

  if (len == 0 || len > 18 || (tag[0] == '0' && len > 1))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (tag[i]))
        return FALSE;
      n = n * 10 + (guint64) (tag[i] - '0');
    }
  *version = (gint64) n;
  return n > 0;
}

/* Parses If-Match = "*" / #entity-tag (RFC 9110 13.1.1, 8.8.3) into
 * self->if_match: the versions of the strong tags that can be ours. A weak
 * tag is well-formed but never matches (If-Match compares strongly). */
static gboolean
parse_if_match (HcsRequest *self,
                const char *value)
{
  const char *p = value;
  gboolean any_element = FALSE;

  self->if_match = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '*')
    {
      p++;
      while (*p == ' ' || *p == '\t')
        p++;
      self->if_match_any = TRUE;
      return *p == '\0';
    }
  for (;;)
    {
      gboolean weak = FALSE;
      const char *tag;
      gint64 version;

      while (*p == ' ' || *p == '\t' || *p == ',')
        p++;
      if (*p == '\0')
        break;
      if (p[0] == 'W' && p[1] == '/')
        {
          weak = TRUE;
          p += 2;
        }
      if (*p != '"')
        return FALSE;
      tag = ++p;
      /* etagc = %x21 / %x23-7E / obs-text */
      while (*p != '"')
        {
          guchar c = (guchar) *p;

          if (c == '\0' || c < 0x21 || c == 0x7f)
            return FALSE;
          p++;
        }
      if (!weak && etag_version (tag, (gsize) (p - tag), &version))
        g_array_append_val (self->if_match, version);
      p++;
      any_element = TRUE;
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p != ',' && *p != '\0')
        return FALSE;
    }
  return any_element;
}

/**
 * hcs_request_if_match:
 * @version: (out): the version the client edits, to check early; 0 when
 *   If-Match is `*` or a list, -1 when none of its tags can be current
 *
 * Writes must say which version they edit. Answers 428 when If-Match is
 * missing and 400 when it is not `*` or a list of entity tags; returns
 * %FALSE then. Once the route has read the record, it asks
 * hcs_request_if_match_version() for the version to write at.
 */
gboolean
hcs_request_if_match (HcsRequest *self,
                      gint64     *version)
{
  const char *v = soup_message_headers_get_list (soup_server_message_get_request_headers (self->msg),
                                                 "If-Match");

  *version = -1;
  if (v == NULL)
    {
      hcs_request_reply_error (self, HCS_ERR_PRECONDITION_REQUIRED, NULL,
                               _("Send the version you edit in If-Match (the ETag you read)."));
      return FALSE;
    }
  g_clear_pointer (&self->if_match, g_array_unref);
  self->if_match_any = FALSE;
  if (!parse_if_match (self, v))
    {
      g_clear_pointer (&self->if_match, g_array_unref);
      self->if_match_any = FALSE;
      hcs_request_reply_error (self, HCS_ERR_INVALID_IF_MATCH, NULL,
                               _("If-Match must be * or entity tags in quotes, such as \"3\" (the ETag you read)."));
      return FALSE;
    }
  if (self->if_match_any || self->if_match->len > 1)
    *version = 0;
  else if (self->if_match->len == 1)
    *version = g_array_index (self->if_match, gint64, 0);
  return TRUE;
}

/**
 * hcs_request_if_match_version:
 * @record: the record as it is now, with its "version"
 *
 * RFC 9110 13.1.1: If-Match holds when it is `*` (the record exists) or
 * names the record's current ETag in a strong tag.
 *
 * Returns: the record's version when If-Match holds, otherwise -1: no
 *   record has that version, so the write it is given to fails as stale
 *   (412) and changes nothing
 */
gint64
hcs_request_if_match_version (HcsRequest *self,
                              JsonObject *record)
{
  gint64 current;

  g_return_val_if_fail (self->if_match != NULL, -1);
  if (record == NULL || !json_object_has_member (record, "version"))
    return -1;
  current = json_object_get_int_member (record, "version");
  if (self->if_match_any)
    return current;
  for (guint i = 0; i < self->if_match->len; i++)
    if (g_array_index (self->if_match, gint64, i) == current)
      return current;
  return -1;
}

void
hcs_request_set_etag (HcsRequest *self,
                      gint64      version)
{
  g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);

  soup_message_headers_replace (soup_server_message_get_response_headers (self->msg), "ETag", etag);
}

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

      /* Text answers (CSV, JSON, plain) are masked like JSON ones; binary
       * ones (XLSX, PDF) must be masked by whoever makes them. */
      if (content_type != NULL &&
          (g_str_has_prefix (content_type, "text/") || strstr (content_type, "json") != NULL))
        masked = hcs_mask_bytes (bytes, mask_role (self));
      else
        masked = g_bytes_ref (bytes);
      data = g_bytes_get_data (masked, &len);
      soup_server_message_set_response (self->msg, content_type, SOUP_MEMORY_COPY, data, len);
    }
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

  hcs_mask_json_node (owned, mask_role (self));
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
      hcs_mask_json_node (rows, mask_role (self));
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
      /* The cause (disk full, read-only, I/O error) is for the log. */
      g_warning ("%s %s: storage unavailable: %s", hcs_request_get_method (self),
                 g_uri_get_path (soup_server_message_get_uri (self->msg)), error->message);
      hcs_request_reply_error (self, HCS_ERR_STORAGE_UNAVAILABLE, NULL,
                               _("The server cannot write to its storage (the disk is full or read-only); "
                                 "nothing was changed. Try again later, and tell the administrator."));
      break;
    case HCS_STORE_ERROR_CORRUPT:
    case HCS_STORE_ERROR_SCHEMA:
    case HCS_STORE_ERROR_FAILED:
    default:
      reply_internal (self, error);
      break;
    }
}

/**
 * hcs_request_path_id:
 * @name: the path parameter, e.g. "id"
 * @not_found: (nullable): the message of the 404, e.g. "There is no such
 *   user."; %NULL for a generic one
 * @id: (out): the id, ≥ 1
 *
 * Reads a numeric id of the path: one that is not a number from 1 names no
 * record, so it answers 404 `not_found` and returns %FALSE.
 */
gboolean
hcs_request_path_id (HcsRequest *self,
                     const char *name,
                     const char *not_found,
                     gint64     *id)
{
  const char *text = hcs_request_param (self, name);

  if (text != NULL && g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL))
    return TRUE;
  hcs_request_reply_error (self, HCS_ERR_NOT_FOUND, name, "%s",
                           not_found ? not_found : _("No such record; it may have been deleted."));
  return FALSE;
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
