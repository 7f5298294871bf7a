/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a JSON request body must keep before json-glib parses it, checked in
 * one pass over the raw bytes, in constant stack: its nesting depth
 * (json-glib recurses once per level, so a body of 100,000 '[' overflows
 * the stack inside it), one value only, no `\u0000` escape and no number
 * json-glib would not read as written. */
#define G_LOG_DOMAIN "hcs-json-limits"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hcs-json-limits.h"

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
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

/* Where the scan is in the body's first value (one value only). */
typedef enum
{
  FIRST_NOT_YET,     /* white space before it */
  FIRST_NESTED,      /* in a first array, object or string */
  FIRST_SCALAR,      /* in a first number or literal */
  FIRST_DONE,        /* after it: only white space may follow */
} FirstValue;

/**
 * hcs_json_scan:
 * @data: the body (any bytes; it need not be valid JSON)
 * @max_depth: the deepest nesting allowed (1: a flat object or array)
 * @member: (out) (optional): for %HCS_JSON_NUL_ESCAPE and
 *   %HCS_JSON_WIDE_NUMBER, the name of the member whose value holds it (as
 *   written, escapes and all), %NULL when it is not in a member's value
 *
 * One pass over @data for what json-glib 1.6 cannot be trusted with:
 *
 * - nesting deeper than @max_depth: the open arrays and objects outside
 *   strings are counted. The count can only be too high, never too low,
 *   for a text the parser accepts: a bracket the parser reads as structure
 *   is never inside a string here, because a string starts at an
 *   unescaped '"' and ends at the next one for both.
 * - more than one value: json-glib leaks every node it built after the
 *   first value of a document when more follows ("[1][…]", "{}{…}",
 *   "1 […]" fail with "extra data" and keep what they parsed), a memory
 *   exhaustion anyone could cause through `POST /session`. The first value
 *   ends where the parser ends it: at the bracket that closes it, at the
 *   quote that ends a first string, or at the first white space or
 *   bracket after a first number or literal. An unterminated value is left
 *   to the parser, which refuses it.
 * - the escape `\u0000` in a string: json-glib decodes it into a NUL byte,
 *   and every C string made from the value ends there ("ab\u0000cd" would
 *   be stored as "ab").
 * - a number outside strings that json-glib would not read as written: a
 *   whole number beyond 64 bits (which it wraps round into another,
 *   possibly valid, number) or one beyond the range of a double (which it
 *   reads as infinity).
 *
 * Returns: the first of these, in that order, that @data has
 */
HcsJsonScan
hcs_json_scan (const char  *data,
               gsize        len,
               guint        max_depth,
               char       **member)
{
  FirstValue first = FIRST_NOT_YET;
  gboolean in_string = FALSE;
  gboolean several = FALSE;
  guint depth = 0;
  gsize string_start = 0, last_start = 0, last_end = 0;
  gsize key_start = 0, key_end = 0;
  gboolean have_last = FALSE, have_key = FALSE;
  g_autofree char *nul_member = NULL;
  g_autofree char *wide_member = NULL;
  gboolean nul = FALSE, wide = FALSE;

  g_return_val_if_fail (data != NULL || len == 0, HCS_JSON_OK);

  if (member != NULL)
    *member = NULL;
  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            {
              if (!nul && i + 5 < len && data[i + 1] == 'u' && memcmp (data + i + 2, "0000", 4) == 0)
                {
                  /* In a key (the string before a ':') or in a value. */
                  gsize j = i + 6;

                  while (j < len && data[j] != '"')
                    j += data[j] == '\\' ? 2 : 1;
                  for (j++; j < len && g_ascii_isspace (data[j]); j++)
                    ;
                  nul = TRUE;
                  if (j < len && data[j] == ':')
                    nul_member = g_strndup (data + string_start, i - string_start);
                  else if (have_key)
                    nul_member = g_strndup (data + key_start, key_end - key_start);
                }
              i++;
            }
          else if (c == '"')
            {
              in_string = FALSE;
              last_start = string_start;
              last_end = i;
              have_last = TRUE;
              if (first == FIRST_NESTED && depth == 0)
                first = FIRST_DONE;
            }
          continue;
        }

      /* The first value, and what follows it. */
      if (first == FIRST_SCALAR && (is_json_space (c) || c == '[' || c == '{' || c == '"'))
        first = FIRST_DONE;
      if (first == FIRST_NOT_YET && !is_json_space (c))
        first = c == '[' || c == '{' || c == '"' ? FIRST_NESTED : FIRST_SCALAR;
      else if (first == FIRST_DONE && !is_json_space (c))
        several = TRUE;

      switch (c)
        {
        case '"':
          in_string = TRUE;
          string_start = i + 1;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            return HCS_JSON_TOO_DEEP;
          break;
        case ']':
        case '}':
          if (depth > 0 && --depth == 0 && first == FIRST_NESTED)
            first = FIRST_DONE;
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
          if (c == '-' || g_ascii_isdigit (c))
            {
              gsize start = i;

              while (i < len && (g_ascii_isdigit (data[i]) || strchr ("+-.eE", data[i]) != NULL))
                i++;
              if (!wide && !number_fits (data + start, i - start))
                {
                  wide = TRUE;
                  if (have_key)
                    wide_member = g_strndup (data + key_start, key_end - key_start);
                }
              i--;
            }
          break;
        }
    }

  if (several)
    return HCS_JSON_SEVERAL_VALUES;
  if (nul)
    {
      if (member != NULL)
        *member = g_steal_pointer (&nul_member);
      return HCS_JSON_NUL_ESCAPE;
    }
  if (wide)
    {
      if (member != NULL)
        *member = g_steal_pointer (&wide_member);
      return HCS_JSON_WIDE_NUMBER;
    }
  return HCS_JSON_OK;
}
