/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Normalising, checking and generating 统一社会信用代码. */
#define G_LOG_DOMAIN "hc-uscc"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hc-uscc.h"
#include "hc-region.h"
#include "hc-text-private.h"

/* GB 32100-2015: 31 characters, I O Z S V left out to avoid confusion. */
static const char uscc_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* 3^i mod 31 for positions 1 to 17. */
static const guint uscc_weights[17] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

/* GB 11714 weights for the eight body characters of 组织机构代码. */
static const guint org_weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };

G_DEFINE_QUARK (hc-uscc-error-quark, hc_uscc_error)

/* The value of each character of uscc_charset, plus one (0: not in it);
 * a table, because this runs for every row of a million-row 归集. */
static const guint8 uscc_values[256] = {
  ['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7, ['7'] = 8,
  ['8'] = 9, ['9'] = 10, ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15,
  ['F'] = 16, ['G'] = 17, ['H'] = 18, ['J'] = 19, ['K'] = 20, ['L'] = 21, ['M'] = 22,
  ['N'] = 23, ['P'] = 24, ['Q'] = 25, ['R'] = 26, ['T'] = 27, ['U'] = 28, ['W'] = 29,
  ['X'] = 30, ['Y'] = 31
};

static int
uscc_char_value (char c)
{
  return (int) uscc_values[(guchar) c] - 1;
}

static int
org_char_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  return -1;
}

/**
 * hc_uscc_normalize:
 * @input: text as typed or pasted
 *
 * Trims ASCII white space and U+3000 from both ends, turns full-width
 * characters (U+FF01 to U+FF5E) into ASCII and upper-cases ASCII letters.
 *
 * Returns: (transfer full): the normalised text
 */
char *
hc_uscc_normalize (const char *input)
{
  g_return_val_if_fail (input != NULL, NULL);
  return hc_text_normalize_code (input);
}

/**
 * hc_org_code_compute_check:
 * @first8: the eight body characters of a 组织机构代码 (digits or A-Z)
 *
 * Returns: the GB 11714 check character ('0'-'9' or 'X'), or 0 if @first8 is
 *   not eight valid characters
 */
char
hc_org_code_compute_check (const char *first8)
{
  guint sum = 0;
  guint c;

  g_return_val_if_fail (first8 != NULL, 0);
  for (guint i = 0; i < 8; i++)
    {
      int v = org_char_value (first8[i]);
      if (v < 0)
        return 0;
      sum += (guint) v * org_weights[i];
    }
  c = 11 - sum % 11;
  if (c == 10)
    return 'X';
  if (c == 11)
    return '0';
  return (char) ('0' + c);
}

/**
 * hc_uscc_compute_check:
 * @first17: the first 17 characters of a 统一社会信用代码
 *
 * Returns: the check character for position 18, or 0 if @first17 has fewer
 *   than 17 characters or one outside the code's character set
 */
char
hc_uscc_compute_check (const char *first17)
{
  guint sum = 0;
  guint c;

  g_return_val_if_fail (first17 != NULL, 0);
  for (guint i = 0; i < 17; i++)
    {
      int v = uscc_char_value (first17[i]);
      if (v < 0)
        return 0;
      sum += (guint) v * uscc_weights[i];
    }
  c = 31 - sum % 31;
  if (c == 31)
    c = 0;
  return uscc_charset[c];
}

/**
 * hc_uscc_validate:
 * @input: a code as typed (it is normalised first)
 * @normalized: (out) (optional) (transfer full): the normalised code, set
 *   only on success
 * @error: a #GError in %HC_USCC_ERROR, saying which rule failed and where
 *
 * Checks length, character set, the 组织机构代码 check character (position
 * 17) and the final check character (position 18), in that order.
 *
 * Returns: %TRUE if @input is a valid 统一社会信用代码
 */
gboolean
hc_uscc_validate (const char  *input,
                  char       **normalized,
                  GError     **error)
{
  g_autofree char *code = NULL;
  glong len;
  char expect;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (input == NULL || (code = hc_uscc_normalize (input))[0] == '\0')
    {
      g_set_error_literal (error, HC_USCC_ERROR, HC_USCC_ERROR_EMPTY,
                           _("The unified social credit code is empty"));
      return FALSE;
    }

  len = g_utf8_validate (code, -1, NULL) ? g_utf8_strlen (code, -1) : (glong) strlen (code);
  if (len != HC_USCC_LENGTH)
    {
      g_set_error (error, HC_USCC_ERROR, HC_USCC_ERROR_LENGTH,
                   _("The unified social credit code must have 18 characters, not %ld"),
                   len);
      return FALSE;
    }

  for (guint i = 0; i < HC_USCC_LENGTH; i++)
    if (uscc_char_value (code[i]) < 0)
      {
        char bad[8] = { 0 };

        if ((guchar) code[i] < 0x80)
          bad[0] = code[i];
        else
          g_unichar_to_utf8 (g_utf8_get_char_validated (code + i, -1), bad);
        g_set_error (error, HC_USCC_ERROR, HC_USCC_ERROR_CHARSET,
                     _("Character “%s” at position %u is not allowed: only digits and capital letters other than I, O, Z, S and V"),
                     bad, i + 1);
        return FALSE;
      }

  expect = hc_org_code_compute_check (code + 8);
  if (expect != code[16])
    {
      g_set_error (error, HC_USCC_ERROR, HC_USCC_ERROR_ORG_CHECK,
                   _("The organization code check character at position 17 should be “%c”, found “%c”"),
                   expect, code[16]);
      return FALSE;
    }

  expect = hc_uscc_compute_check (code);
  if (expect != code[17])
    {
      g_set_error (error, HC_USCC_ERROR, HC_USCC_ERROR_CHECK,
                   _("The check character at position 18 should be “%c”, found “%c”"),
                   expect, code[17]);
      return FALSE;
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&code);
  return TRUE;
}

/**
 * hc_uscc_generate:
 * @rand: the random source
 * @region_code: a six-digit GB/T 2260 code for positions 3 to 8
 *
 * Makes a valid random code registered by 市场监管 ('9'), mostly an
 * enterprise ('1'), sometimes 个体工商户 ('2') or 农民专业合作社 ('3'). The
 * 组织机构代码 body is eight random digits. Fast enough for benchmarks.
 *
 * Returns: (transfer full): an 18-character code
 */
char *
hc_uscc_generate (GRand      *rand,
                  const char *region_code)
{
  char *code;
  guint32 r;
  guint32 kind;

  g_return_val_if_fail (rand != NULL, NULL);
  g_return_val_if_fail (region_code != NULL && strlen (region_code) == 6, NULL);

  code = g_malloc (HC_USCC_LENGTH + 1);
  kind = g_rand_int_range (rand, 0, 10);
  code[0] = '9';
  code[1] = kind < 8 ? '1' : (kind == 8 ? '2' : '3');
  memcpy (code + 2, region_code, 6);
  r = g_rand_int_range (rand, 0, 100000000);
  for (int i = 15; i >= 8; i--)
    {
      code[i] = (char) ('0' + r % 10);
      r /= 10;
    }
  code[16] = hc_org_code_compute_check (code + 8);
  code[17] = hc_uscc_compute_check (code);
  code[18] = '\0';
  return code;
}

/**
 * hc_uscc_region_code:
 * @uscc: a (normalised) 统一社会信用代码
 *
 * Maps positions 3 to 8 to one of Hainan's 19 市县: an exact GB/T 2260
 * match first, else a district code of a prefecture-level city (4601xx,
 * 4602xx, 4603xx, 4604xx) to that city.
 *
 * Returns: (nullable) (transfer none): a static six-digit region code, or
 *   %NULL if the code was not registered in Hainan
 */
const char *
hc_uscc_region_code (const char *uscc)
{
  char division[7];
  const HcRegion *region;

  g_return_val_if_fail (uscc != NULL, NULL);
  if (strlen (uscc) < 8)
    return NULL;
  memcpy (division, uscc + 2, 6);
  division[6] = '\0';

  region = hc_region_lookup (division);
  if (region == NULL && strncmp (division, "460", 3) == 0
      && division[3] >= '1' && division[3] <= '4'
      && g_ascii_isdigit (division[4]) && g_ascii_isdigit (division[5]))
    {
      division[4] = '0';
      division[5] = '0';
      region = hc_region_lookup (division);
    }
  return region != NULL ? region->code : NULL;
}
