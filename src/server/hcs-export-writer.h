/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing an export file row by row, as CSV or XLSX, without holding the
 * rows: memory stays flat however many rows go through. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HCS_EXPORT_NONE,
  HCS_EXPORT_CSV,    /* text/csv: UTF-8 with BOM, RFC 4180 */
  HCS_EXPORT_XLSX,   /* the OOXML spreadsheet media type */
} HcsExportFormat;

#define HCS_EXPORT_CSV_TYPE  "text/csv"
#define HCS_EXPORT_XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

typedef struct
{
  const char *text;     /* a text cell when not NULL */
  double      number;   /* else a number */
} HcsExportCell;

typedef struct _HcsExportWriter HcsExportWriter;

HcsExportWriter *hcs_export_writer_new    (HcsExportFormat      format,
                                           const char          *path,
                                           const char          *sheet_name,
                                           GError             **error);
gboolean         hcs_export_writer_header (HcsExportWriter     *self,
                                           const char * const  *labels,
                                           const double        *widths,
                                           guint                n,
                                           GError             **error);
gboolean         hcs_export_writer_row    (HcsExportWriter     *self,
                                           const HcsExportCell *cells,
                                           guint                n,
                                           GError             **error);
gboolean         hcs_export_writer_close  (HcsExportWriter     *self,
                                           GError             **error);
void             hcs_export_writer_free   (HcsExportWriter     *self);

char            *hcs_export_csv_field     (const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsExportWriter, hcs_export_writer_free)

G_END_DECLS
