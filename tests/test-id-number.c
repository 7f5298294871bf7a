/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of the 公民身份号码 validator, masking and generator. */
#include "config.h"

#include <string.h>

#include "hc-core.h"

/* Independent check character computation (GB 11643-1999). */
static char *
build_id (const char *first17)
{
  static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  char *id = g_malloc0 (19);
  int sum = 0;

  memcpy (id, first17, 17);
  for (int i = 0; i < 17; i++)
    sum += (id[i] - '0') * w[i];
  id[17] = "10X98765432"[sum % 11];
  return id;
}

static void
assert_rejects (const char     *input,
                HcIdNumberError code)
{
  g_autoptr(GError) error = NULL;
  char *norm = NULL;

  g_assert_false (hc_id_number_validate (input, &norm, &error));
  g_assert_null (norm);
  g_assert_error (error, HC_ID_NUMBER_ERROR, (int) code);
}

static void
test_check_character (void)
{
  /* Hand computed: 11010519491231002 → weighted sum 167, 167 % 11 = 2 → 'X'. */
  g_assert_cmpint (hc_id_number_compute_check ("11010519491231002"), ==, 'X');
  /* 17 zeros → 0 → '1'. */
  g_assert_cmpint (hc_id_number_compute_check ("00000000000000000"), ==, '1');
  g_assert_cmpint (hc_id_number_compute_check ("1101051949123100"), ==, 0);
  g_assert_cmpint (hc_id_number_compute_check ("1101051949123100A"), ==, 0);
}

static void
test_accepts_and_normalizes (void)
{
  g_autofree char *x_id = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *spaced = NULL;
  g_autofree char *norm = NULL;
  g_autoptr(GError) error = NULL;

  x_id = build_id ("11010519491231002");
  g_assert_cmpstr (x_id, ==, "11010519491231002X");
  lower = g_ascii_strdown (x_id, -1);
  spaced = g_strdup_printf ("\u3000 %s\t", lower);

  g_assert_true (hc_id_number_validate (x_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hc_id_number_validate (spaced, &norm, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (norm, ==, "11010519491231002X");
  g_clear_pointer (&norm, g_free);

  {
    /* Full-width digits. */
    GString *full = g_string_new (NULL);
    g_autofree char *full_s = NULL;

    for (const char *p = x_id; *p; p++)
      g_string_append_unichar (full, (gunichar) *p + 0xFEE0);
    full_s = g_string_free (full, FALSE);
    g_assert_true (hc_id_number_validate (full_s, &norm, &error));
    g_assert_cmpstr (norm, ==, x_id);
  }
}

static void
test_rejects_each_rule (void)
{
  g_autofree char *good = build_id ("46010019800229123");
  g_autofree char *bad_check = g_strdup (good);
  g_autofree char *not_leap = build_id ("46010019810229123");
  g_autofree char *month13 = build_id ("46010019801301123");
  g_autofree char *too_old = build_id ("46010018991231123");
  g_autofree char *future = build_id ("46010020991231123");
  g_autofree char *letter = g_strdup (good);

  g_assert_true (hc_id_number_validate (good, NULL, NULL));
  assert_rejects ("", HC_ID_NUMBER_ERROR_EMPTY);
  assert_rejects ("   ", HC_ID_NUMBER_ERROR_EMPTY);
  assert_rejects ("46010019800229", HC_ID_NUMBER_ERROR_LENGTH);
  assert_rejects ("4601001980022912345", HC_ID_NUMBER_ERROR_LENGTH);
  letter[5] = 'A';
  assert_rejects (letter, HC_ID_NUMBER_ERROR_CHARSET);
  letter[5] = '0';
  letter[17] = 'Y';
  assert_rejects (letter, HC_ID_NUMBER_ERROR_CHARSET);
  assert_rejects (not_leap, HC_ID_NUMBER_ERROR_DATE);
  assert_rejects (month13, HC_ID_NUMBER_ERROR_DATE);
  assert_rejects (too_old, HC_ID_NUMBER_ERROR_DATE);
  assert_rejects (future, HC_ID_NUMBER_ERROR_DATE);
  bad_check[17] = bad_check[17] == '0' ? '1' : '0';
  assert_rejects (bad_check, HC_ID_NUMBER_ERROR_CHECK);
}

static void
test_mask (void)
{
  g_autofree char *m18 = hc_id_number_mask ("46010019800229123X");
  g_autofree char *m15 = hc_id_number_mask ("460100800229123");
  g_autofree char *m4 = hc_id_number_mask ("4601");
  g_autofree char *m0 = hc_id_number_mask ("");

  g_assert_cmpstr (m18, ==, "4601**********123X");
  g_assert_cmpstr (m15, ==, "4601********123");
  g_assert_cmpstr (m4, ==, "****");
  g_assert_cmpstr (m0, ==, "");
}

static void
test_generated_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint n_regions;
  const HcRegion *regions = hc_regions_get_all (&n_regions);

  for (guint i = 0; i < 1000; i++)
    {
      const HcRegion *r = &regions[i % n_regions];
      g_autofree char *id = hc_id_number_generate (rand, r->code);
      g_autoptr(GError) error = NULL;

      g_assert_true (hc_id_number_validate (id, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (id, r->code));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/id-number/check-character-matches-hand-computation", test_check_character);
  g_test_add_func ("/id-number/accepts-lower-x-spaces-and-full-width", test_accepts_and_normalizes);
  g_test_add_func ("/id-number/rejects-each-rule-with-its-code", test_rejects_each_rule);
  g_test_add_func ("/id-number/mask-keeps-only-ends", test_mask);
  g_test_add_func ("/id-number/generated-numbers-validate", test_generated_round_trip);
  return g_test_run ();
}
