/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the XLSX reader of 归集 (zip via libarchive, then the
 * shared strings and the first worksheet), on any bytes. */
#include "config.h"

#include <stdint.h>

#include "hcs-import-xlsx.h"

#include "fuzz-log.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  hcs_import_xlsx_is_zip ((const char *) data, size);
  rows = hcs_import_xlsx_read ((const char *) data, size, &error);
  g_assert_true ((rows == NULL) == (error != NULL));
  return 0;
}
