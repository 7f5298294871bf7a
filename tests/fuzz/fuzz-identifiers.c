/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the 统一社会信用代码 and 居民身份证号码 validators and
 * normalisers, and the masking of ID numbers, on any bytes. What they
 * accept must carry its own check character and mask to something else. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "hc-core.h"

#include "fuzz-log.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *uscc = NULL;
  g_autofree char *id = NULL;
  g_autofree char *masked = hc_id_number_mask (text);
  g_autofree char *n1 = hc_uscc_normalize (text);
  g_autofree char *n2 = hc_id_number_normalize (text);

  if (hc_uscc_validate (text, &uscc, NULL))
    {
      g_assert_nonnull (uscc);
      g_assert_cmpuint (strlen (uscc), ==, 18);
      g_assert_cmpint (hc_uscc_compute_check (uscc), ==, uscc[17]);
      hc_uscc_region_code (uscc);
    }
  if (hc_id_number_validate (text, &id, NULL))
    {
      g_autofree char *m = hc_id_number_mask (id);

      g_assert_nonnull (id);
      g_assert_cmpint (hc_id_number_compute_check (id), ==, id[17]);
      g_assert_cmpstr (m, !=, id);
    }
  return 0;
}
