/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a request's body: its JSON, and each field by type under the
 * input rules (hc_input_clean), answering 400/422 itself when one is wrong. */
#define G_LOG_DOMAIN "hcs-request"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hc-input.h"
#include "hcs-json-limits.h"
#include "hcs-request-private.h"

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
  switch (hcs_json_scan (data, len, HCS_JSON_MAX_DEPTH, &member))
    {
    case HCS_JSON_TOO_DEEP:
      hcs_request_reply_error (self, HCS_ERR_JSON_TOO_DEEP, NULL,
                               _("The request body nests arrays and objects more than %d deep."),
                               HCS_JSON_MAX_DEPTH);
      return NULL;
    case HCS_JSON_SEVERAL_VALUES:
      hcs_request_reply_error (self, HCS_ERR_INVALID_JSON, NULL,
                               _("The request body holds more than one JSON value; send one object."));
      return NULL;
    case HCS_JSON_NUL_ESCAPE:
      {
        const char *why = _("The text contains a NUL character (\\u0000), which would cut it short; remove it.");

        if (member != NULL)
          hcs_request_reply_error (self, HCS_ERR_INVALID_TEXT, member, _("The field “%s”: %s"), member, why);
        else
          hcs_request_reply_error (self, HCS_ERR_INVALID_TEXT, NULL, "%s", why);
      }
      return NULL;
    case HCS_JSON_WIDE_NUMBER:
      {
        const char *why = _("The number is too large to be read as written: whole numbers go up to "
                            "9223372036854775807 (either sign), others up to about 1.7e308.");

        if (member != NULL)
          hcs_request_reply_error (self, HCS_ERR_VALUE_OUT_OF_RANGE, member, _("The field “%s”: %s"), member, why);
        else
          hcs_request_reply_error (self, HCS_ERR_VALUE_OUT_OF_RANGE, NULL, "%s", why);
      }
      return NULL;
    case HCS_JSON_OK:
    default:
      break;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &error))
    {
      hcs_request_reply_error (self, HCS_ERR_INVALID_JSON, NULL,
                               _("The request body is not valid JSON: %s"), error->message);
      return NULL;
    }
  /* json-glib takes a body of white space or comments alone as a document
   * without a root: every caller would take that for an error answered. */
  self->json = json_parser_steal_root (parser);
  if (self->json == NULL)
    hcs_request_reply_error (self, HCS_ERR_INVALID_JSON, NULL,
                             _("The request body holds no JSON value, only white space or comments; send one JSON object."));
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

/* The ceiling of every text field, whatever the route: a route's own limit
 * (a name's 200 characters) is lower. One line stays under PostgreSQL's
 * index row limit (2,704 bytes) even in four-byte characters, so an
 * indexed name can never turn into a 500 there; free text has room for a
 * long note; a password is bytes, hashed, and refused beyond 1,024. */
#define LINE_MAX_CHARS     500
#define MULTILINE_MAX_CHARS 10000
#define RAW_MAX_BYTES      1024

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
      /* A null the member does not take is not "absent": a client that
       * sends {"department_id": null} to clear it must not be told 200
       * with nothing cleared. */
      else if (node != NULL && !(flags & HCS_FIELD_NULLABLE))
        {
          hcs_request_reply_error (self, HCS_ERR_INVALID_TYPE, name,
                                   _("The field “%s” cannot be null: give a value, or leave the field out."), name);
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
 * compared byte for byte. No text is longer than LINE_MAX_CHARS (one line),
 * MULTILINE_MAX_CHARS or RAW_MAX_BYTES (422 `too_long`). A required string must also be non-empty after
 * trimming. A null member is missing when required, absent with
 * %HCS_FIELD_NULLABLE, and of the wrong type otherwise (as for every
 * hcs_request_field_* reader). Answers 400 `invalid_type`, 422 `invalid_text`
 * or 422 `missing_field` and returns %FALSE otherwise.
 */
static gboolean
check_ceiling (HcsRequest    *self,
               const char    *name,
               const char    *s,
               HcsFieldFlags  flags)
{
  if (flags & HCS_FIELD_RAW)
    {
      if (strlen (s) <= RAW_MAX_BYTES)
        return TRUE;
      hcs_request_reply_error (self, HCS_ERR_TOO_LONG, name,
                               _("The field “%s” may have at most %d bytes."), name, RAW_MAX_BYTES);
      return FALSE;
    }
  else
    {
      glong max = (flags & HCS_FIELD_MULTILINE) ? MULTILINE_MAX_CHARS : LINE_MAX_CHARS;

      /* Bytes first: a character is at least one, so a short text is never counted. */
      if (strlen (s) <= (gsize) max || g_utf8_strlen (s, -1) <= max)
        return TRUE;
      hcs_request_reply_error (self, HCS_ERR_TOO_LONG, name,
                               _("The field “%s” may have at most %u characters."), name, (guint) max);
      return FALSE;
    }
}

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
  if (!check_ceiling (self, name, s, flags))
    return FALSE;
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
