/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the input rules of names and free text
 * (hc_input_clean()) on any bytes. What they accept is UTF-8 in NFC with
 * no NUL, no control character, no bidirectional control, something
 * visible, no line break in a line, and cleaning it again changes nothing. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "hc-core.h"

#include "fuzz-log.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check (const char  *text,
       size_t       size,
       HcInputKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = hc_input_clean (text, (gssize) size, kind, &error);
  g_autofree char *again = NULL;
  g_autofree char *nfc = NULL;

  if (clean == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == HC_INPUT_ERROR);
      return;
    }
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (clean, -1, NULL));
  /* empty only for white space, which it then was */
  g_assert_true (*clean == '\0' || !hc_input_is_blank (clean));
  nfc = g_utf8_normalize (clean, -1, G_NORMALIZE_NFC);
  g_assert_cmpstr (nfc, ==, clean);
  for (const char *p = clean; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_false (hc_input_is_bidi_control (c));
      if (kind == HC_INPUT_LINE)
        g_assert_true (c != '\n' && c != '\r' && c != 0x2028 && c != 0x2029);
    }
  again = hc_input_clean (clean, -1, kind, NULL);
  g_assert_cmpstr (again, ==, clean);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;

  check (text, size, HC_INPUT_LINE);
  check (text, size, HC_INPUT_MULTILINE);
  if (size > 0 && memchr (text, '\0', size) == NULL)
    {
      g_autofree char *z = g_strndup (text, size);

      hc_input_is_blank (z);
    }
  return 0;
}
