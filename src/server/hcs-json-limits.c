/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The nesting-depth scan of a JSON request body. json-glib parses arrays and
 * objects recursively, so a body of 100,000 '[' overflows the stack inside
 * it; this scan runs first, in constant stack, over the raw bytes. */
#define G_LOG_DOMAIN "hcs-json-limits"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hcs-json-limits.h"

/**
 * hcs_json_depth_within:
 * @data: the body (any bytes; it need not be valid JSON)
 * @max_depth: the deepest nesting allowed (1: a flat object or array)
 *
 * Counts the open arrays and objects outside strings. The count can only be
 * too high, never too low, for a text the parser accepts: a bracket the
 * parser reads as structure is never inside a string here, because a string
 * starts at an unescaped '"' and ends at the next one for both.
 *
 * Returns: whether the nesting stays within @max_depth
 */
gboolean
hcs_json_depth_within (const char *data,
                       gsize       len,
                       guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            return FALSE;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }
  return TRUE;
}

/**
 * hcs_json_find_nul_escape:
 * @data: the body (any bytes)
 * @member: (out) (optional): the name of the member whose string holds it
 *   (as written, escapes and all), %NULL when it is not in a member's value
 *
 * json-glib decodes `\u0000` into a NUL byte, and every C string made from
 * the value ends there: "ab\u0000cd" would be stored as "ab". Such a body is
 * refused before it is parsed, naming the member.
 *
 * Returns: whether a string of @data holds the escape `\u0000`
 */
gboolean
hcs_json_find_nul_escape (const char  *data,
                          gsize        len,
                          char       **member)
{
  gboolean in_string = FALSE;
  gsize string_start = 0, last_start = 0, last_end = 0;
  gsize key_start = 0, key_end = 0;
  gboolean have_last = FALSE, have_key = FALSE;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (member != NULL)
    *member = NULL;
  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            {
              if (i + 5 < len && data[i + 1] == 'u' && memcmp (data + i + 2, "0000", 4) == 0)
                {
                  /* In a key (the string before a ':') or in a value. */
                  gsize j = i + 6;
                  gboolean is_key = FALSE;

                  while (j < len && data[j] != '"')
                    j += data[j] == '\\' ? 2 : 1;
                  for (j++; j < len && g_ascii_isspace (data[j]); j++)
                    ;
                  is_key = j < len && data[j] == ':';
                  if (member != NULL)
                    *member = is_key ? g_strndup (data + string_start, i - string_start)
                                     : have_key ? g_strndup (data + key_start, key_end - key_start) : NULL;
                  return TRUE;
                }
              i++;
            }
          else if (c == '"')
            {
              in_string = FALSE;
              last_start = string_start;
              last_end = i;
              have_last = TRUE;
            }
          continue;
        }
      switch (c)
        {
        case '"':
          in_string = TRUE;
          string_start = i + 1;
          break;
        case ':':
          if (have_last)
            {
              key_start = last_start;
              key_end = last_end;
              have_key = TRUE;
            }
          break;
        default:
          break;
        }
    }
  return FALSE;
}

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/**
 * hcs_json_single_value:
 * @data: the body (any bytes)
 *
 * json-glib 1.6 leaks every node it built after the first value of a
 * document when more follows ("[1][…]", "{}{…}", "1 […]" fail with "extra
 * data" and keep what they parsed): about the size of the body per
 * request, a memory exhaustion anyone could cause through
 * `POST /session`. A body is one JSON value and white space around it;
 * anything after the value is refused before the parser sees it. The
 * scan ends the value where the parser would: at the bracket that closes
 * the first one, at the quote that ends a first string, or at the first
 * white space or bracket after a first number or literal.
 *
 * Returns: whether nothing but white space follows the first value
 */
gboolean
hcs_json_single_value (const char *data,
                       gsize       len)
{
  gsize i = 0;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  while (i < len && is_json_space (data[i]))
    i++;
  if (i == len)
    return TRUE;
  if (data[i] == '[' || data[i] == '{' || data[i] == '"')
    {
      gboolean in_string = FALSE;

      for (; i < len; i++)
        {
          char c = data[i];

          if (in_string)
            {
              if (c == '\\')
                i++;
              else if (c == '"')
                {
                  in_string = FALSE;
                  if (depth == 0)
                    break;
                }
              continue;
            }
          if (c == '"')
            in_string = TRUE;
          else if (c == '[' || c == '{')
            depth++;
          else if ((c == ']' || c == '}') && depth > 0 && --depth == 0)
            break;
        }
      if (i >= len)
        return TRUE;   /* unterminated: the parser refuses it, having built it whole */
      i++;
    }
  else
    while (i < len && !is_json_space (data[i]) && data[i] != '[' && data[i] != '{' && data[i] != '"')
      i++;
  while (i < len && is_json_space (data[i]))
    i++;
  return i == len;
}

/* Whether the number @p[0..n) — an integer, or one with a fraction or an
 * exponent — is one json-glib reads as it is written: json-glib 1.6 wraps
 * an integer past 64 bits round (-99999999999999999999 is read as 1, a
 * valid month count) and reads 1e999 as infinity. */
static gboolean
number_fits (const char *p,
             gsize       n)
{
  g_autofree char *text = g_strndup (p, n);
  gboolean integer = strpbrk (text, ".eE") == NULL;

  if (integer)
    {
      const char *digits = text[0] == '-' ? text + 1 : text;
      const char *limit = text[0] == '-' ? "9223372036854775808" : "9223372036854775807";
      gsize len;

      while (*digits == '0' && digits[1] != '\0')
        digits++;
      len = strlen (digits);
      return len < strlen (limit) || (len == strlen (limit) && strcmp (digits, limit) <= 0);
    }
  return isfinite (g_ascii_strtod (text, NULL));
}

/**
 * hcs_json_find_wide_number:
 * @data: the body (any bytes)
 * @member: (out) (optional): the name of the member whose value holds it
 *   (as written), %NULL when it is not in a member's value
 *
 * Finds a number, outside strings, that json-glib would not read as
 * written: a whole number beyond 64 bits (which it wraps round into
 * another, possibly valid, number) or one beyond the range of a double
 * (which it reads as infinity). Such a body is refused before it is
 * parsed, naming the member, so that no route can take a wrapped number
 * for what was sent.
 *
 * Returns: whether @data holds such a number
 */
gboolean
hcs_json_find_wide_number (const char  *data,
                           gsize        len,
                           char       **member)
{
  gboolean in_string = FALSE;
  gsize string_start = 0, last_start = 0, last_end = 0;
  gsize key_start = 0, key_end = 0;
  gboolean have_last = FALSE, have_key = FALSE;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (member != NULL)
    *member = NULL;
  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            {
              in_string = FALSE;
              last_start = string_start;
              last_end = i;
              have_last = TRUE;
            }
          continue;
        }
      if (c == '"')
        {
          in_string = TRUE;
          string_start = i + 1;
        }
      else if (c == ':' && have_last)
        {
          key_start = last_start;
          key_end = last_end;
          have_key = TRUE;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize start = i;

          while (i < len && (g_ascii_isdigit (data[i]) || strchr ("+-.eE", data[i]) != NULL))
            i++;
          if (!number_fits (data + start, i - start))
            {
              if (member != NULL && have_key)
                *member = g_strndup (data + key_start, key_end - key_start);
              return TRUE;
            }
          i--;
        }
    }
  return FALSE;
}
