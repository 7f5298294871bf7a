/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the first worksheet of an XLSX file as rows of text cells. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One worksheet row: its number in the sheet (1-based) and its cells, with
 * empty strings where the sheet has none, up to the last cell present. */
typedef struct
{
  guint   number;
  GStrv   cells;
} HcsXlsxRow;

gboolean   hcs_import_xlsx_is_zip  (const char  *data,
                                    gsize        length);
GPtrArray *hcs_import_xlsx_read    (const char  *data,
                                    gsize        length,
                                    GError     **error);

G_END_DECLS
