/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Normalising typed or pasted identifiers: trim, full-width to ASCII, upper case. */
#define G_LOG_DOMAIN "hc-text"

#include "config.h"

#include <string.h>

#include "hc-text-private.h"

static gboolean
is_blank (gunichar c)
{
  return c == 0x3000 || (c < 0x80 && g_ascii_isspace ((char) c));
}

/* Works per character so that a Chinese input method's full-width digits
 * and letters become the ASCII the code is made of. Invalid UTF-8 is kept
 * byte by byte so that the validators can still point at it. */
char *
hc_text_normalize_code (const char *input)
{
  GString *out;
  const char *p;
  const char *end;

  g_assert (input != NULL);

  if (!g_utf8_validate (input, -1, NULL))
    {
      /* Not text: upper-case the ASCII so validation reports the charset. */
      g_autofree char *copy = g_strstrip (g_strdup (input));

      return g_ascii_strup (copy, -1);
    }

  p = input;
  while (*p != '\0' && is_blank (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  end = p + strlen (p);
  while (end > p)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  out = g_string_sized_new (end - p);
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      if (c < 0x80)
        g_string_append_c (out, g_ascii_toupper ((char) c));
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
