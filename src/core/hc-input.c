/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The input rules of names and free text (see hc-input.h). One function,
 * used by every server route that reads text, by the import parsers and by
 * the fuzz target, so that a name cannot be valid in one place and not in
 * another. */
#define G_LOG_DOMAIN "hc-input"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hc-input.h"

G_DEFINE_QUARK (hc-input-error-quark, hc_input_error)

/* Embedding, override and isolate controls and the marks: they reorder
 * what a reader sees without being seen (a name that reads as another). */
gboolean
hc_input_is_bidi_control (gunichar c)
{
  return c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Characters that take no visible space: white space of any kind, format
 * characters (zero-width space, joiners, BOM, soft hyphen…), combining marks
 * with nothing to combine with, and the Hangul/Braille blanks. */
gboolean
hc_input_is_invisible (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_FORMAT:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_CONTROL:
      return TRUE;
    default:
      break;
    }
  return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800 ||
         g_unichar_isspace (c);
}

/**
 * hc_input_is_blank:
 * @text: UTF-8 text (invalid UTF-8 is not blank)
 *
 * Returns: whether @text is empty or made only of invisible characters
 */
gboolean
hc_input_is_blank (const char *text)
{
  g_return_val_if_fail (text != NULL, TRUE);

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!hc_input_is_invisible (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
is_white (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

/* What a line loses at its ends: white space and format characters, not
 * combining marks (a name may end in a vowel sign that has no composed
 * form). */
static gboolean
is_trimmable (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);

  return t == G_UNICODE_FORMAT || t == G_UNICODE_SPACE_SEPARATOR || g_unichar_isspace (c) ||
         c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
}

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/**
 * hc_input_clean:
 * @text: the text as received (any bytes)
 * @len: its length in bytes, or -1 when NUL-terminated (then a NUL inside
 *   cannot be seen: pass the length whenever it is known)
 * @kind: a one-line name or a multi-line text
 *
 * Checks @text against the input rules and returns it in Unicode NFC, a
 * %HC_INPUT_LINE text also trimmed of white space and format characters at
 * both ends. A text of white space only comes back empty (whether a field
 * may be empty is the caller's rule); a text made only of invisible
 * characters, not all of them white space (zero-width spaces, joiners,
 * direction marks…), is refused with %HC_INPUT_ERROR_INVISIBLE.
 *
 * Returns: (transfer full) (nullable): the clean text, or %NULL with @error
 *   set (the message says what to change, in the user's language)
 */
/* Characters NFC leaves as they are whatever stands beside them: no
 * canonical decomposition, combining class 0, never part of a canonical
 * composition with a character of this set: ASCII, CJK symbols and
 * punctuation up to U+3029 (U+302A–U+302F are combining tone marks), CJK
 * unified ideographs (not the compatibility ones, U+F900…, which
 * decompose), fullwidth ASCII forms (compatibility decompositions only).
 * test-input checks every one of them, and texts of them, against
 * g_utf8_normalize(). */
static inline gboolean
nfc_stable (gunichar c)
{
  return c < 0x80 || (c >= 0x3000 && c <= 0x3029) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xFF01 && c <= 0xFF5E);
}

/**
 * hc_input_is_nfc_stable:
 * @text: valid UTF-8
 *
 * Returns: whether every character of @text is one that NFC never changes,
 *   so that @text is its own NFC (%FALSE says nothing either way)
 */
gboolean
hc_input_is_nfc_stable (const char *text,
                        gssize      len)
{
  const guchar *p = (const guchar *) text;
  const guchar *end;

  if (len < 0)
    len = strlen (text);
  end = p + len;
  while (p < end)
    {
      if (*p < 0x80)
        {
          p++;
          continue;
        }
      if ((*p & 0xF0) != 0xE0 || end - p < 3)
        return FALSE;     /* 2- and 4-byte sequences are outside the set */
      if (!nfc_stable (((gunichar) (p[0] & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F)))
        return FALSE;
      p += 3;
    }
  return TRUE;
}

char *
hc_input_clean (const char   *text,
                gssize        len,
                HcInputKind   kind,
                GError      **error)
{
  const char *start;
  const char *stop;
  g_autofree char *nfc = NULL;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (text);
  if (memchr (text, '\0', len) != NULL)
    {
      g_set_error_literal (error, HC_INPUT_ERROR, HC_INPUT_ERROR_NUL,
                           _("The text contains a NUL character (\\u0000), which would cut it short; remove it."));
      return NULL;
    }
  if (!g_utf8_validate (text, len, NULL))
    {
      g_set_error_literal (error, HC_INPUT_ERROR, HC_INPUT_ERROR_NOT_UTF8,
                           _("The text is not valid UTF-8."));
      return NULL;
    }

  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Printable ASCII and CJK ideographs, most of every text: none is a
       * line break, a control or a direction control. */
      if ((c >= 0x20 && c < 0x7F) || (c >= 0x4E00 && c <= 0x9FFF))
        continue;
      if (is_line_break (c))
        {
          if (kind == HC_INPUT_LINE)
            {
              g_set_error_literal (error, HC_INPUT_ERROR, HC_INPUT_ERROR_LINE_BREAK,
                                   _("A name must be on one line: remove the line breaks."));
              return NULL;
            }
          continue;
        }
      if (c == '\t' && kind == HC_INPUT_MULTILINE)
        continue;
      if (g_unichar_type (c) == G_UNICODE_CONTROL)
        {
          g_set_error (error, HC_INPUT_ERROR, HC_INPUT_ERROR_CONTROL,
                       _("The text contains the control character U+%04X; remove it."), c);
          return NULL;
        }
      if (hc_input_is_bidi_control (c))
        {
          g_set_error (error, HC_INPUT_ERROR, HC_INPUT_ERROR_BIDI,
                       _("The text contains the invisible direction control U+%04X, which can make it read "
                         "as something else; remove it."), c);
          return NULL;
        }
    }

  /* Trim a line of invisible characters at both ends; a multi-line text
   * only has to have something visible in it. */
  /* Only white space: empty, and whether it may be is the caller's rule
   * (a required field answers that it is missing). Only invisible
   * characters, some of them not even white space: refused. */
  start = text;
  stop = text + len;
  while (start < stop && is_white (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  if (start == stop)
    return g_strdup ("");
  start = text;
  while (start < stop && hc_input_is_invisible (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  if (start == stop)
    {
      g_set_error_literal (error, HC_INPUT_ERROR, HC_INPUT_ERROR_INVISIBLE,
                           _("The text is made only of invisible characters (such as zero-width spaces); type something visible."));
      return NULL;
    }
  start = text;
  if (kind == HC_INPUT_LINE)
    {
      while (start < stop && is_trimmable (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      while (stop > start)
        {
          const char *prev = g_utf8_prev_char (stop);

          if (!is_trimmable (g_utf8_get_char (prev)))
            break;
          stop = prev;
        }
    }

  /* Most texts (Chinese names, codes, dates) are made only of characters
   * NFC leaves as they are: those are their own NFC, without the cost of
   * g_utf8_normalize (two thirds of a 归集 import's checking, issue 12). */
  if (hc_input_is_nfc_stable (start, stop - start))
    return g_strndup (start, stop - start);
  nfc = g_utf8_normalize (start, stop - start, G_NORMALIZE_NFC);
  if (nfc == NULL)
    {
      g_set_error_literal (error, HC_INPUT_ERROR, HC_INPUT_ERROR_NOT_UTF8,
                           _("The text is not valid UTF-8."));
      return NULL;
    }
  return g_steal_pointer (&nfc);
}
