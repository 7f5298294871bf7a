/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hc_input_clean()'s NFC: the fast path for texts of characters NFC never
 * changes (issue 12) gives what g_utf8_normalize() gives. */
#include "config.h"

#include <string.h>

#include "hc-core.h"

/* Every character of the set, alone, is its own NFC, and the set test
 * accepts it. */
static void
test_input_nfc_stable_characters (void)
{
  static const gunichar ranges[][2] = { { 0x01, 0x7F }, { 0x3000, 0x3029 }, { 0x4E00, 0x9FFF }, { 0xFF01, 0xFF5E } };

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (gunichar c = ranges[r][0]; c <= ranges[r][1]; c++)
      {
        char buf[8] = { 0, };
        g_autofree char *nfc = NULL;

        g_unichar_to_utf8 (c, buf);
        g_assert_true (hc_input_is_nfc_stable (buf, -1));
        nfc = g_utf8_normalize (buf, -1, G_NORMALIZE_NFC);
        g_assert_cmpstr (nfc, ==, buf);
      }
  /* Just outside, and characters NFC changes or that combine: refused. */
  g_assert_false (hc_input_is_nfc_stable ("\u302A", -1));
  g_assert_false (hc_input_is_nfc_stable ("\uF900", -1));
  g_assert_false (hc_input_is_nfc_stable ("e\u0301", -1));
  g_assert_false (hc_input_is_nfc_stable ("\u00E9", -1));
  g_assert_false (hc_input_is_nfc_stable ("\U00020000", -1));
}

/* Random texts, half of them of the set only, half with characters NFC
 * changes (decomposed accents, compatibility ideographs, Hangul jamo,
 * combining tone marks): the cleaned text is the NFC of the text. */
static void
test_input_clean_is_nfc (void)
{
  static const gunichar others[] = { 0x0301, 0x0308, 0x00E9, 0x0065, 0xF900, 0xF9FF, 0x1100, 0x1161, 0x11A8,
                                     0x302A, 0x302E, 0x3099, 0x304B, 0x212B, 0x2126, 0x0041, 0x030A, 0x00C5 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  guint fast = 0;

  for (guint i = 0; i < 200000; i++)
    {
      g_autoptr(GString) s = g_string_new ("海");
      g_autoptr(GError) error = NULL;
      g_autofree char *clean = NULL;
      g_autofree char *nfc = NULL;
      guint n = (guint) g_rand_int_range (rand, 1, 9);
      gboolean mixed = i % 2 == 1;

      for (guint k = 0; k < n; k++)
        {
          gunichar c;

          switch (g_rand_int_range (rand, 0, mixed ? 5 : 4))
            {
            case 0: c = (gunichar) g_rand_int_range (rand, 0x21, 0x7F); break;
            case 1: c = (gunichar) g_rand_int_range (rand, 0x3001, 0x302A); break;
            case 2: c = (gunichar) g_rand_int_range (rand, 0x4E00, 0xA000); break;
            case 3: c = (gunichar) g_rand_int_range (rand, 0xFF01, 0xFF5F); break;
            default: c = others[g_rand_int_range (rand, 0, G_N_ELEMENTS (others))]; break;
            }
          g_string_append_unichar (s, c);
        }
      clean = hc_input_clean (s->str, -1, HC_INPUT_LINE, &error);
      g_assert_no_error (error);
      nfc = g_utf8_normalize (s->str, -1, G_NORMALIZE_NFC);
      g_assert_cmpstr (clean, ==, nfc);
      fast += hc_input_is_nfc_stable (s->str, -1);
    }
  /* Both paths were taken. */
  g_assert_cmpuint (fast, >=, 100000);
  g_assert_cmpuint (fast, <, 200000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/input/nfc-stable-characters", test_input_nfc_stable_characters);
  g_test_add_func ("/input/clean-is-nfc", test_input_clean_is_nfc);
  return g_test_run ();
}
