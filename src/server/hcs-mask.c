/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one place 居民身份证号码 are masked. Routes answer with whatever
 * they read; hcs_request_reply_*() (and exports) pass the answer through
 * hcs_mask_json_node() or hcs_mask_bytes() with the reader's role, which
 * masks every ID number found in any string — a subject's identifier, a
 * risk event's subject, an audit entry's before/after, an import
 * rejection's message, an error message echoing what was sent — so a new
 * member or a new route cannot forget to. */
#define G_LOG_DOMAIN "hcs-mask"

#include "config.h"

#include <string.h>

#include "hc-core.h"
#include "hcs-mask.h"

/**
 * hcs_mask_role_sees_id_numbers:
 *
 * Administrators see ID numbers in full; every other role sees them masked
 * unless a supervisor unmasks one subject (GET /subjects/{id}?unmask=1,
 * which is audited).
 */
gboolean
hcs_mask_role_sees_id_numbers (HcRole role)
{
  return hc_role_at_least (role, HC_ROLE_ADMIN);
}

/* Decodes one character; invalid UTF-8 counts as one byte of U+FFFD. */
static gsize
decode (const char *p,
        const char *end,
        gunichar   *c)
{
  gunichar u = g_utf8_get_char_validated (p, end - p);

  if (u == (gunichar) -1 || u == (gunichar) -2)
    {
      *c = 0xFFFD;
      return 1;
    }
  *c = u;
  return (gsize) (g_utf8_next_char (p) - p);
}

/* '0'-'9' and their full-width forms; -1 for anything else. */
static int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)
    return (int) (c - 0xFF10);
  return -1;
}

static gboolean
is_x (gunichar c)
{
  return c == 'X' || c == 'x' || c == 0xFF38 || c == 0xFF58;
}

/* 17 digits and a digit or X (the 18-character number), or 15 digits (the
 * first-generation number, with a two-digit year of 19xx and no check
 * character), starting with a non-zero region digit, with a birth date that
 * could be one (month 1-12, day 1-31; 1900-2099 for 18 characters). The
 * check character is not required: a mistyped number is still someone's. */
static gboolean
shape_is_id_number (const char *ascii,
                    guint       len)
{
  int year, month, day;
  guint at = len == HC_ID_NUMBER_LENGTH ? 10 : 8;   /* where the month is */

  if (ascii[0] == '0')
    return FALSE;
  month = (ascii[at] - '0') * 10 + (ascii[at + 1] - '0');
  day = (ascii[at + 2] - '0') * 10 + (ascii[at + 3] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;
  if (len != HC_ID_NUMBER_LENGTH)
    return TRUE;
  year = (ascii[6] - '0') * 1000 + (ascii[7] - '0') * 100 + (ascii[8] - '0') * 10 + (ascii[9] - '0');
  return year >= 1900 && year <= 2099;
}

/* Reads an ID number starting at @p (ASCII or full-width), 18 or 15
 * characters long, not followed by another digit.
 * Returns: the end of it, or %NULL */
static const char *
read_id_number (const char *p,
                const char *end,
                char        ascii[HC_ID_NUMBER_LENGTH + 1])
{
  const char *at15 = NULL;
  gunichar c;
  guint i;

  for (i = 0; i < HC_ID_NUMBER_LENGTH; i++)
    {
      int d;

      if (i == HC_ID_NUMBER_LENGTH_15)
        at15 = p;
      if (p >= end)
        break;
      p += decode (p, end, &c);
      d = digit_value (c);
      if (d >= 0)
        ascii[i] = (char) ('0' + d);
      else if (i == HC_ID_NUMBER_LENGTH - 1 && is_x (c))
        ascii[i] = 'X';
      else
        break;
    }
  if (i == HC_ID_NUMBER_LENGTH)
    {
      ascii[HC_ID_NUMBER_LENGTH] = '\0';
      if (p < end)
        {
          decode (p, end, &c);
          if (digit_value (c) >= 0)
            return NULL;
        }
      return shape_is_id_number (ascii, HC_ID_NUMBER_LENGTH) ? p : NULL;
    }
  /* Exactly 15 digits: the character after them was not a digit (or X). */
  if (i == HC_ID_NUMBER_LENGTH_15 && at15 != NULL && ascii[14] != 'X')
    {
      ascii[HC_ID_NUMBER_LENGTH_15] = '\0';
      return shape_is_id_number (ascii, HC_ID_NUMBER_LENGTH_15) ? at15 : NULL;
    }
  return NULL;
}

/* Returns: (nullable) (transfer full): @text with every ID number masked,
 * or %NULL when it holds none */
static GString *
mask_range (const char *text,
            gsize       len)
{
  const char *p = text, *end = text + len, *copied = text;
  GString *out = NULL;
  gboolean prev_digit = FALSE;

  while (p < end)
    {
      gunichar c;
      gsize n = decode (p, end, &c);
      char ascii[HC_ID_NUMBER_LENGTH + 1];
      const char *after;

      if (!prev_digit && digit_value (c) >= 0 && (after = read_id_number (p, end, ascii)) != NULL)
        {
          g_autofree char *masked = hc_id_number_mask (ascii);

          if (out == NULL)
            out = g_string_sized_new (len);
          g_string_append_len (out, copied, p - copied);
          g_string_append (out, masked);
          p = copied = after;
          prev_digit = TRUE;
          continue;
        }
      prev_digit = digit_value (c) >= 0;
      p += n;
    }
  if (out != NULL)
    g_string_append_len (out, copied, end - copied);
  return out;
}

/**
 * hcs_mask_is_id_number:
 *
 * Returns: whether @text (trimmed) is one 居民身份证号码 — a full
 *   natural-person identifier — in the sense this file masks
 */
gboolean
hcs_mask_is_id_number (const char *text)
{
  g_autofree char *norm = NULL;
  char ascii[HC_ID_NUMBER_LENGTH + 1];
  const char *end;

  if (text == NULL)
    return FALSE;
  norm = hc_id_number_normalize (text);
  end = norm + strlen (norm);
  return read_id_number (norm, end, ascii) == end;
}

/**
 * hcs_mask_text:
 * @text: any text (UTF-8; invalid bytes are kept as they are)
 * @role: the reader's role
 *
 * Returns: (transfer full): @text with every ID number in it masked
 *   ("4601**********123X") unless @role sees ID numbers
 */
char *
hcs_mask_text (const char *text,
               HcRole      role)
{
  GString *masked;

  g_return_val_if_fail (text != NULL, NULL);

  if (hcs_mask_role_sees_id_numbers (role) || (masked = mask_range (text, strlen (text))) == NULL)
    return g_strdup (text);
  return g_string_free (masked, FALSE);
}

static void mask_node (JsonNode *node);

static void
mask_object (JsonObject *obj)
{
  g_autoptr(GPtrArray) renamed = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, obj);
  while (json_object_iter_next (&iter, &name, &value))
    {
      if (mask_range (name, strlen (name)) != NULL)
        {
          if (renamed == NULL)
            renamed = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (renamed, g_strdup (name));
        }
      mask_node (value);
    }
  /* Members named by an ID number (a map keyed by subject) are renamed. */
  for (guint i = 0; renamed != NULL && i < renamed->len; i++)
    {
      const char *old = g_ptr_array_index (renamed, i);
      JsonNode *member = json_node_ref (json_object_get_member (obj, old));
      g_autoptr(GString) masked = mask_range (old, strlen (old));

      json_object_remove_member (obj, old);
      json_object_set_member (obj, masked->str, member);
    }
}

static void
mask_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      mask_object (json_node_get_object (node));
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          mask_node (json_array_get_element (array, i));
      }
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          const char *s = json_node_get_string (node);
          g_autoptr(GString) masked = s ? mask_range (s, strlen (s)) : NULL;

          if (masked != NULL)
            json_node_set_string (node, masked->str);
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

/**
 * hcs_mask_json_node:
 * @node: an answer (changed in place)
 * @role: the reader's role
 *
 * Masks every ID number in every string of @node — values and member
 * names, at any depth — unless @role sees ID numbers. The boundary of every
 * JSON answer calls this; an export calls it on each row it writes.
 */
void
hcs_mask_json_node (JsonNode *node,
                    HcRole    role)
{
  if (node == NULL || hcs_mask_role_sees_id_numbers (role))
    return;
  mask_node (node);
}

/**
 * hcs_mask_json_bytes:
 * @bytes: a JSON text
 *
 * Masks every ID number in the strings of @bytes (values and member names)
 * as hcs_mask_json_node() does, and nothing else: a number of the answer
 * is not text. Masking the whole text instead turned a double's 15 digits
 * after the point (a heat map's per 10,000, "1.2386********213") into
 * something that is no longer JSON.
 *
 * Returns: (transfer full): the masked text, or a new reference to @bytes
 *   when there is nothing to mask for @role
 */
GBytes *
hcs_mask_json_bytes (GBytes *bytes,
                     HcRole  role)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *p = data, *end = data + len, *copied = data;
  GString *out = NULL;

  if (hcs_mask_role_sees_id_numbers (role) || data == NULL)
    return g_bytes_ref (bytes);
  while (p < end)
    {
      const char *q;
      GString *masked;

      if (*p != '"')
        {
          p++;
          continue;
        }
      /* A string, up to its closing quote (one not escaped). */
      for (q = p + 1; q < end && *q != '"'; q++)
        if (*q == '\\' && q + 1 < end)
          q++;
      if ((masked = mask_range (p + 1, (gsize) (q - (p + 1)))) != NULL)
        {
          if (out == NULL)
            out = g_string_sized_new (len);
          g_string_append_len (out, copied, p + 1 - copied);
          g_string_append_len (out, masked->str, (gssize) masked->len);
          g_string_free (masked, TRUE);
          copied = q;
        }
      p = q + 1;
    }
  if (out == NULL)
    return g_bytes_ref (bytes);
  g_string_append_len (out, copied, end - copied);
  return g_string_free_to_bytes (out);
}

/**
 * hcs_mask_bytes:
 * @bytes: a text answer (CSV, plain text, JSON)
 *
 * Returns: (transfer full): @bytes with every ID number masked, or a new
 *   reference to @bytes when there is nothing to mask for @role
 */
GBytes *
hcs_mask_bytes (GBytes *bytes,
                HcRole  role)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  GString *masked;

  if (hcs_mask_role_sees_id_numbers (role) || data == NULL ||
      (masked = mask_range (data, len)) == NULL)
    return g_bytes_ref (bytes);
  return g_string_free_to_bytes (masked);
}
