/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checking, masking and generating 公民身份号码 of natural persons. */
#define G_LOG_DOMAIN "hc-id-number"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hc-id-number.h"
#include "hc-region.h"
#include "hc-text-private.h"

static const guint id_weights[17] = {
  7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
};
static const char id_check_table[] = "10X98765432";

G_DEFINE_QUARK (hc-id-number-error-quark, hc_id_number_error)

/**
 * hc_id_number_normalize:
 * @input: text as typed or pasted
 *
 * Trims ASCII white space and U+3000, turns full-width characters into
 * ASCII and upper-cases a final x.
 *
 * Returns: (transfer full): the normalised text
 */
char *
hc_id_number_normalize (const char *input)
{
  g_return_val_if_fail (input != NULL, NULL);
  return hc_text_normalize_code (input);
}

/**
 * hc_id_number_compute_check:
 * @first17: the first 17 digits
 *
 * Returns: the check character ('0'-'9' or 'X'), or 0 if @first17 is not 17
 *   digits
 */
char
hc_id_number_compute_check (const char *first17)
{
  guint sum = 0;

  g_return_val_if_fail (first17 != NULL, 0);
  for (guint i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return 0;
      sum += (guint) (first17[i] - '0') * id_weights[i];
    }
  return id_check_table[sum % 11];
}

/* Today in Hainan (as everywhere, hc_hainan_now()) as YYYYMMDD, read again
 * at most once a minute: building the date each time (with the local zone
 * it was a stat and a readlink of /etc/localtime a number) was half the
 * time of a 100,000-subject list match of digit-only identifiers. */
static int
today_yyyymmdd (void)
{
  static GMutex lock;
  static int today;
  static gint64 valid_until;
  gint64 now = g_get_real_time ();
  int result;

  g_mutex_lock (&lock);
  if (now >= valid_until)
    {
      g_autoptr(GDateTime) dt = hc_hainan_now ();

      today = g_date_time_get_year (dt) * 10000 + g_date_time_get_month (dt) * 100
              + g_date_time_get_day_of_month (dt);
      valid_until = now + 60 * G_USEC_PER_SEC;
    }
  result = today;
  g_mutex_unlock (&lock);
  return result;
}

static gboolean
birth_date_valid (const char *code)
{
  int y = 0, m = 0, d = 0;

  for (int i = 6; i < 10; i++)
    y = y * 10 + (code[i] - '0');
  m = (code[10] - '0') * 10 + (code[11] - '0');
  d = (code[12] - '0') * 10 + (code[13] - '0');
  if (y < 1900 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  return y * 10000 + m * 100 + d <= today_yyyymmdd ();
}

/**
 * hc_id_number_validate:
 * @input: a number as typed (it is normalised first)
 * @normalized: (out) (optional) (transfer full): the normalised number, set
 *   only on success
 * @error: a #GError in %HC_ID_NUMBER_ERROR
 *
 * Checks length, characters, the birth date and the check character, in
 * that order.
 *
 * Returns: %TRUE if @input is a valid 18-digit 公民身份号码
 */
gboolean
hc_id_number_validate (const char  *input,
                       char       **normalized,
                       GError     **error)
{
  g_autofree char *code = NULL;
  glong len;
  char expect;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (input == NULL || (code = hc_id_number_normalize (input))[0] == '\0')
    {
      g_set_error_literal (error, HC_ID_NUMBER_ERROR, HC_ID_NUMBER_ERROR_EMPTY,
                           _("The ID number is empty"));
      return FALSE;
    }

  len = g_utf8_validate (code, -1, NULL) ? g_utf8_strlen (code, -1) : (glong) strlen (code);
  if (len != HC_ID_NUMBER_LENGTH)
    {
      g_set_error (error, HC_ID_NUMBER_ERROR, HC_ID_NUMBER_ERROR_LENGTH,
                   _("The ID number must have 18 characters, not %ld"), len);
      return FALSE;
    }

  for (guint i = 0; i < HC_ID_NUMBER_LENGTH; i++)
    if (!g_ascii_isdigit (code[i]) && !(i == 17 && code[i] == 'X'))
      {
        if (i == 17)
          g_set_error (error, HC_ID_NUMBER_ERROR, HC_ID_NUMBER_ERROR_CHARSET,
                       _("Position 18 of the ID number must be a digit or X"));
        else
          g_set_error (error, HC_ID_NUMBER_ERROR, HC_ID_NUMBER_ERROR_CHARSET,
                       _("Position %u of the ID number must be a digit"), i + 1);
        return FALSE;
      }

  if (!birth_date_valid (code))
    {
      g_set_error (error, HC_ID_NUMBER_ERROR, HC_ID_NUMBER_ERROR_DATE,
                   _("The birth date “%.8s” (positions 7 to 14) is not a valid date between 1900 and today"),
                   code + 6);
      return FALSE;
    }

  expect = hc_id_number_compute_check (code);
  if (expect != code[17])
    {
      g_set_error (error, HC_ID_NUMBER_ERROR, HC_ID_NUMBER_ERROR_CHECK,
                   _("The check character at position 18 should be “%c”, found “%c”"),
                   expect, code[17]);
      return FALSE;
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&code);
  return TRUE;
}

/**
 * hc_id_number_mask:
 * @id: an ID number (or any text)
 *
 * Hides the middle of a number for display and logs: an 18-character
 * number keeps its first 4 and last 4 characters ("4601**********123X"), a
 * 15-digit first-generation number its first 4 and last 3
 * ("4601********123"): the birth date is hidden in both; anything else
 * keeps only its first 2 and last 2 characters (all masked when it has 4
 * characters or fewer).
 *
 * Returns: (transfer full): the masked text
 */
char *
hc_id_number_mask (const char *id)
{
  GString *out;
  glong len;
  glong keep;
  glong keep_end;
  const char *p;

  g_return_val_if_fail (id != NULL, NULL);

  if (!g_utf8_validate (id, -1, NULL))
    return g_strnfill (strlen (id), '*');
  len = g_utf8_strlen (id, -1);
  keep = len == HC_ID_NUMBER_LENGTH ? 4 : 2;
  keep_end = keep;
  if (len == HC_ID_NUMBER_LENGTH_15 && strspn (id, "0123456789") == HC_ID_NUMBER_LENGTH_15)
    {
      keep = 4;
      keep_end = 3;
    }
  if (len <= keep + keep_end)
    return g_strnfill (len, '*');

  out = g_string_new (NULL);
  p = id;
  for (glong i = 0; i < len; i++)
    {
      const char *next = g_utf8_next_char (p);
      if (i < keep || i >= len - keep_end)
        g_string_append_len (out, p, next - p);
      else
        g_string_append_c (out, '*');
      p = next;
    }
  return g_string_free (out, FALSE);
}

/**
 * hc_id_number_generate:
 * @rand: the random source
 * @region_code: a six-digit GB/T 2260 code
 *
 * Makes a valid random number for demo data: born between 1940 and 2005,
 * random sequence number.
 *
 * Returns: (transfer full): an 18-character number
 */
char *
hc_id_number_generate (GRand      *rand,
                       const char *region_code)
{
  GDate date;
  char *code;

  g_return_val_if_fail (rand != NULL, NULL);
  g_return_val_if_fail (region_code != NULL && strlen (region_code) == 6, NULL);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1940);
  g_date_add_days (&date, g_rand_int_range (rand, 0, 66 * 365));

  code = g_malloc (HC_ID_NUMBER_LENGTH + 1);
  g_snprintf (code, HC_ID_NUMBER_LENGTH + 1, "%.6s%04u%02u%02u%03d",
              region_code, g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date), g_rand_int_range (rand, 0, 1000));
  code[17] = hc_id_number_compute_check (code);
  code[18] = '\0';
  return code;
}
