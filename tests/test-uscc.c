/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of the 统一社会信用代码 validator, generator and region mapping. */
#include "config.h"

#include <string.h>

#include "hc-core.h"

/* Builds a valid code from a 16-character prefix (positions 1 to 16) by
 * computing both check characters by hand, independently of the library:
 * GB 11714 weights for the org code and 3^i mod 31 for the final one. */
static char *
build_code (const char *first16)
{
  static const char charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int ow[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
  char *code = g_malloc0 (19);
  int sum = 0, c, w = 1;

  memcpy (code, first16, 16);
  for (int i = 0; i < 8; i++)
    {
      char ch = code[8 + i];
      int v = g_ascii_isdigit (ch) ? ch - '0' : ch - 'A' + 10;
      sum += v * ow[i];
    }
  c = 11 - sum % 11;
  code[16] = c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
  sum = 0;
  for (int i = 0; i < 17; i++)
    {
      sum += (int) (strchr (charset, code[i]) - charset) * w;
      w = w * 3 % 31;
    }
  c = 31 - sum % 31;
  code[17] = charset[c == 31 ? 0 : c];
  return code;
}

static void
test_weights_and_checks (void)
{
  /* Worked by hand: org code body 12345678 → sum 3+14+27+40+25+48+28+16 =
   * 201, 201 % 11 = 3, check 11 - 3 = 8. */
  g_assert_cmpint (hc_org_code_compute_check ("12345678"), ==, '8');
  /* 00000000 → sum 0 → 11 → '0'. */
  g_assert_cmpint (hc_org_code_compute_check ("00000000"), ==, '0');
  /* 00000001 → sum 2 → 9. 00000005 → 10 → 1; 10000000 → 3 → 8; find a body
   * with remainder 1: 00000006 → 12 % 11 = 1 → 10 → 'X'. */
  g_assert_cmpint (hc_org_code_compute_check ("00000001"), ==, '9');
  g_assert_cmpint (hc_org_code_compute_check ("00000006"), ==, 'X');
  g_assert_cmpint (hc_org_code_compute_check ("0000000"), ==, 0);
  g_assert_cmpint (hc_org_code_compute_check ("0000000a"), ==, 0);

  /* All zeros → sum 0 → 31 → '0'. A single 1 at position 1 (weight 1) →
   * 31 - 1 = 30 → 'Y'; at position 2 (weight 3) → 28 → 'W'. */
  g_assert_cmpint (hc_uscc_compute_check ("00000000000000000"), ==, '0');
  g_assert_cmpint (hc_uscc_compute_check ("10000000000000000"), ==, 'Y');
  g_assert_cmpint (hc_uscc_compute_check ("01000000000000000"), ==, 'W');
  /* Position 17 has weight 28: 31 - 28 = 3. */
  g_assert_cmpint (hc_uscc_compute_check ("00000000000000001"), ==, '3');
  g_assert_cmpint (hc_uscc_compute_check ("0000000000000000"), ==, 0);

  /* The example code printed in GB 32100-2015; its org code body
   * M000100Y gives 22*3 + 1*5 + 34*2 = 139, 139 % 11 = 7 → '4', and the
   * final check is '3'. */
  g_assert_cmpint (hc_org_code_compute_check ("M000100Y"), ==, '4');
  g_assert_cmpint (hc_uscc_compute_check ("91350100M000100Y4"), ==, '3');
  g_assert_true (hc_uscc_validate ("91350100M000100Y43", NULL, NULL));
  g_assert_null (hc_uscc_region_code ("91350100M000100Y43"));
  g_assert_cmpint (hc_uscc_compute_check ("0000000000000000I"), ==, 0);
}

static void
test_accepts_valid (void)
{
  const char *prefixes[] = { "9146010012345678", "91460200MA5T0000", "12469001ABCDEFGH", "9246040000000006" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autofree char *code = build_code (prefixes[i]);
      g_autofree char *norm = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (hc_uscc_validate (code, &norm, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (norm, ==, code);
      g_assert_cmpint (hc_uscc_compute_check (code), ==, code[17]);
    }
}

static void
test_normalizes_input (void)
{
  g_autofree char *code = build_code ("91460100MA5T0000");
  g_autofree char *lower = g_ascii_strdown (code, -1);
  g_autofree char *spaced = g_strdup_printf ("  \t%s \n", code);
  g_autofree char *ideo = g_strdup_printf ("\u3000%s\u3000", lower);
  GString *full = g_string_new (NULL);
  g_autofree char *full_s = NULL;
  const char *inputs[4];

  /* Full-width: U+FF10.. for digits, U+FF21.. for capitals. */
  for (const char *p = code; *p; p++)
    g_string_append_unichar (full, (gunichar) *p + 0xFEE0);
  full_s = g_string_free (full, FALSE);

  inputs[0] = lower;
  inputs[1] = spaced;
  inputs[2] = ideo;
  inputs[3] = full_s;
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *norm = NULL;
      g_autofree char *n2 = hc_uscc_normalize (inputs[i]);
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (n2, ==, code);
      g_assert_true (hc_uscc_validate (inputs[i], &norm, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (norm, ==, code);
    }
}

static void
assert_rejects (const char *input,
                HcUsccError code)
{
  g_autoptr(GError) error = NULL;
  char *norm = NULL;

  g_assert_false (hc_uscc_validate (input, &norm, &error));
  g_assert_null (norm);
  g_assert_error (error, HC_USCC_ERROR, (int) code);
  g_assert_nonnull (error->message);
}

static void
test_rejects_each_rule (void)
{
  g_autofree char *code = build_code ("91460100MA5T0000");
  g_autofree char *bad_check = g_strdup (code);
  g_autofree char *bad_org = g_strdup (code);
  const char forbidden[] = "IOZSV";
  g_autoptr(GError) error = NULL;
  g_autofree char *expect = NULL;

  assert_rejects ("", HC_USCC_ERROR_EMPTY);
  assert_rejects (" \u3000 ", HC_USCC_ERROR_EMPTY);
  assert_rejects ("91460100MA5T0000", HC_USCC_ERROR_LENGTH);
  {
    g_autofree char *longer = g_strconcat (code, "0", NULL);
    assert_rejects (longer, HC_USCC_ERROR_LENGTH);
  }

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *bad = g_strdup (code);
      bad[4] = forbidden[i];
      assert_rejects (bad, HC_USCC_ERROR_CHARSET);
    }
  {
    g_autofree char *bad = g_strdup (code);
    bad[3] = '-';
    assert_rejects (bad, HC_USCC_ERROR_CHARSET);
    hc_uscc_validate (bad, NULL, &error);
    g_assert_nonnull (strstr (error->message, "4"));
    g_clear_error (&error);
  }

  /* Wrong org check char: change it and recompute the final check so only
   * the org rule fails. */
  bad_org[16] = bad_org[16] == '1' ? '2' : '1';
  bad_org[17] = hc_uscc_compute_check (bad_org);
  assert_rejects (bad_org, HC_USCC_ERROR_ORG_CHECK);

  bad_check[17] = bad_check[17] == 'Y' ? 'X' : 'Y';
  assert_rejects (bad_check, HC_USCC_ERROR_CHECK);
  hc_uscc_validate (bad_check, NULL, &error);
  /* The message names the expected character (in any language). */
  expect = g_strdup_printf ("%c", code[17]);
  g_assert_nonnull (strstr (error->message, expect));
}

static void
test_generated_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  guint n_regions;
  const HcRegion *regions = hc_regions_get_all (&n_regions);

  for (guint i = 0; i < 1000; i++)
    {
      const HcRegion *r = &regions[i % n_regions];
      g_autofree char *code = hc_uscc_generate (rand, r->code);
      g_autofree char *norm = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (strlen (code), ==, 18);
      g_assert_true (hc_uscc_validate (code, &norm, &error));
      g_assert_no_error (error);
      g_assert_cmpint (code[0], ==, '9');
      g_assert_cmpstr (hc_uscc_region_code (code), ==, r->code);
    }
}

static void
test_region_mapping (void)
{
  g_autofree char *haikou = build_code ("91460100MA5T0000");
  g_autofree char *meilan = build_code ("91460108MA5T0000");
  g_autofree char *sanya_district = build_code ("91460204MA5T0000");
  g_autofree char *wenchang = build_code ("91469005MA5T0000");
  g_autofree char *beijing = build_code ("91110105MA5T0000");
  g_autofree char *unknown_county = build_code ("91469099MA5T0000");

  g_assert_cmpstr (hc_uscc_region_code (haikou), ==, "460100");
  g_assert_cmpstr (hc_uscc_region_code (meilan), ==, "460100");
  g_assert_cmpstr (hc_uscc_region_code (sanya_district), ==, "460200");
  g_assert_cmpstr (hc_uscc_region_code (wenchang), ==, "469005");
  g_assert_null (hc_uscc_region_code (beijing));
  g_assert_null (hc_uscc_region_code (unknown_county));
  g_assert_null (hc_uscc_region_code ("9146"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/uscc/check-characters-match-hand-computation", test_weights_and_checks);
  g_test_add_func ("/uscc/accepts-valid-codes", test_accepts_valid);
  g_test_add_func ("/uscc/normalizes-case-spaces-and-full-width", test_normalizes_input);
  g_test_add_func ("/uscc/rejects-each-rule-with-its-code", test_rejects_each_rule);
  g_test_add_func ("/uscc/generated-codes-validate", test_generated_round_trip);
  g_test_add_func ("/uscc/maps-division-to-region", test_region_mapping);
  return g_test_run ();
}
