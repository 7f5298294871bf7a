/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The two export formats. CSV: UTF-8 with a BOM (Excel and WPS then read
 * Chinese right), CRLF rows and RFC 4180 quoting, and text that a
 * spreadsheet would run as a formula defused. XLSX: libxlsxwriter in
 * constant-memory mode (rows stream to a temporary file), a bold frozen
 * header row and column widths; a sheet that is full continues on the next. */
#define G_LOG_DOMAIN "hcs-export-writer"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "hcs-export-writer.h"

/* Excel's limit on the text of one cell, in characters. */
#define XLSX_CELL_MAX 32767

struct _HcsExportWriter
{
  HcsExportFormat  format;
  char            *path;
  char            *sheet_name;

  /* CSV */
  FILE            *file;
  GString         *line;

  /* XLSX */
  lxw_workbook    *workbook;
  lxw_worksheet   *sheet;
  lxw_format      *bold;
  guint            n_sheets;
  lxw_row_t        row;

  /* the header, again at the top of each further sheet */
  GPtrArray       *labels;
  GArray          *widths;
};

static gboolean
set_io_error (GError    **error,
              int         errsv,
              const char *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Cannot write the export file “%s”: %s"), path, g_strerror (errsv));
  return FALSE;
}

static gboolean
set_xlsx_error (GError    **error,
                lxw_error   err)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Cannot write the spreadsheet: %s"), lxw_strerror (err));
  return FALSE;
}

/**
 * hcs_export_writer_new:
 * @path: the file to write (replaced)
 * @sheet_name: the worksheet's name (XLSX)
 */
HcsExportWriter *
hcs_export_writer_new (HcsExportFormat   format,
                       const char       *path,
                       const char       *sheet_name,
                       GError          **error)
{
  g_autoptr(HcsExportWriter) self = g_new0 (HcsExportWriter, 1);

  g_return_val_if_fail (format == HCS_EXPORT_CSV || format == HCS_EXPORT_XLSX, NULL);

  self->format = format;
  self->path = g_strdup (path);
  self->sheet_name = g_strdup (sheet_name);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->widths = g_array_new (FALSE, FALSE, sizeof (double));

  if (format == HCS_EXPORT_CSV)
    {
      self->file = g_fopen (path, "wb");
      if (self->file == NULL)
        {
          set_io_error (error, errno, path);
          return NULL;
        }
      self->line = g_string_sized_new (1024);
      /* The BOM: without it Excel takes the file for the local code page. */
      if (fputs ("\xEF\xBB\xBF", self->file) == EOF)
        {
          set_io_error (error, errno, path);
          return NULL;
        }
    }
  else
    {
      lxw_workbook_options options = {
        .constant_memory = LXW_TRUE,
        .tmpdir = (char *) g_get_tmp_dir (),
        .use_zip64 = LXW_TRUE,
      };

      self->workbook = workbook_new_opt (path, &options);
      if (self->workbook == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Cannot create the spreadsheet “%s”."), path);
          return NULL;
        }
      self->bold = workbook_add_format (self->workbook);
      format_set_bold (self->bold);
    }
  return g_steal_pointer (&self);
}

/* Worksheet names: at most 31 characters, none of []:*?/\ */
static char *
sheet_name (const char *base,
            guint       n)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *suffix = n > 1 ? g_strdup_printf (" (%u)", n) : g_strdup ("");
  glong max = LXW_SHEETNAME_MAX - (glong) strlen (suffix);
  glong count = 0;

  for (const char *p = (base && *base) ? base : "Sheet"; *p && count < max; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (s, strchr ("[]:*?/\\", (int) c) != NULL && c < 128 ? '_' : c);
      count++;
    }
  g_string_append (s, suffix);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
xlsx_header (HcsExportWriter  *self,
             GError          **error)
{
  g_autofree char *name = sheet_name (self->sheet_name, ++self->n_sheets);
  lxw_error err;

  self->sheet = workbook_add_worksheet (self->workbook, name);
  if (self->sheet == NULL)
    return set_xlsx_error (error, LXW_ERROR_MEMORY_MALLOC_FAILED);
  self->row = 0;
  /* Widths first: in constant-memory mode rows are written as they come. */
  for (guint i = 0; i < self->widths->len; i++)
    worksheet_set_column (self->sheet, (lxw_col_t) i, (lxw_col_t) i,
                          g_array_index (self->widths, double, i), NULL);
  worksheet_freeze_panes (self->sheet, 1, 0);
  for (guint i = 0; i < self->labels->len; i++)
    if ((err = worksheet_write_string (self->sheet, 0, (lxw_col_t) i,
                                       g_ptr_array_index (self->labels, i), self->bold)) != LXW_NO_ERROR)
      return set_xlsx_error (error, err);
  self->row = 1;
  return TRUE;
}

/* Text a spreadsheet would take for a formula (=, +, -, @, and a leading
 * tab or CR that some of them skip) gets a leading apostrophe, so that a
 * value such as `=HYPERLINK(…)` from a form shows as text and never runs. */
static gboolean
looks_like_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/**
 * hcs_export_csv_field:
 *
 * Returns: (transfer full): @text as one CSV field (RFC 4180), quoted when
 *   it holds a comma, a quote or a line break, and defused if formula-like
 */
char *
hcs_export_csv_field (const char *text)
{
  GString *s = g_string_sized_new (strlen (text) + 3);
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (s, '"');
  if (looks_like_formula (text))
    g_string_append_c (s, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  if (quote)
    g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

static void
csv_append (GString    *line,
            const char *text)
{
  g_autofree char *field = hcs_export_csv_field (text);

  g_string_append (line, field);
}

static gboolean
csv_write_line (HcsExportWriter  *self,
                GError          **error)
{
  g_string_append (self->line, "\r\n");
  if (fwrite (self->line->str, 1, self->line->len, self->file) != self->line->len)
    return set_io_error (error, errno, self->path);
  g_string_truncate (self->line, 0);
  return TRUE;
}

gboolean
hcs_export_writer_header (HcsExportWriter    *self,
                          const char * const *labels,
                          const double       *widths,
                          guint               n,
                          GError            **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->labels, g_strdup (labels[i]));
      g_array_append_val (self->widths, widths[i]);
    }
  if (self->format == HCS_EXPORT_XLSX)
    return xlsx_header (self, error);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (self->line, ',');
      csv_append (self->line, labels[i]);
    }
  return csv_write_line (self, error);
}

/* Cuts @text to what one XLSX cell holds, on a character boundary. */
static const char *
xlsx_text (const char  *text,
           char       **owned)
{
  const char *end;

  if (g_utf8_strlen (text, XLSX_CELL_MAX + 1) <= XLSX_CELL_MAX)
    return text;
  end = g_utf8_offset_to_pointer (text, XLSX_CELL_MAX);
  return *owned = g_strndup (text, end - text);
}

gboolean
hcs_export_writer_row (HcsExportWriter      *self,
                       const HcsExportCell  *cells,
                       guint                 n,
                       GError              **error)
{
  if (self->format == HCS_EXPORT_CSV)
    {
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (self->line, ',');
          if (cells[i].text != NULL)
            csv_append (self->line, cells[i].text);
          else
            {
              char buf[G_ASCII_DTOSTR_BUF_SIZE];

              /* Whole numbers as such, others as short as they round-trip. */
              if (cells[i].number > -9e15 && cells[i].number < 9e15 &&
                  cells[i].number == (double) (gint64) cells[i].number)
                g_string_append_printf (self->line, "%" G_GINT64_FORMAT, (gint64) cells[i].number);
              else
                g_string_append (self->line, g_ascii_dtostr (buf, sizeof buf, cells[i].number));
            }
        }
      return csv_write_line (self, error);
    }

  if (self->row >= LXW_ROW_MAX && !xlsx_header (self, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      lxw_error err;

      /* A string cell is never evaluated: no formula can hide in one. */
      if (cells[i].text != NULL)
        {
          g_autofree char *owned = NULL;

          if (cells[i].text[0] == '\0')
            continue;
          err = worksheet_write_string (self->sheet, self->row, (lxw_col_t) i,
                                        xlsx_text (cells[i].text, &owned), NULL);
        }
      else
        err = worksheet_write_number (self->sheet, self->row, (lxw_col_t) i, cells[i].number, NULL);
      if (err != LXW_NO_ERROR)
        return set_xlsx_error (error, err);
    }
  self->row++;
  return TRUE;
}

/* Finishes the file; the writer is then spent. */
gboolean
hcs_export_writer_close (HcsExportWriter  *self,
                         GError          **error)
{
  if (self->format == HCS_EXPORT_CSV)
    {
      FILE *file = g_steal_pointer (&self->file);

      if (file == NULL)
        return TRUE;
      if (fclose (file) != 0)
        return set_io_error (error, errno, self->path);
      return TRUE;
    }
  if (self->workbook != NULL)
    {
      lxw_error err;

      /* A workbook needs a sheet even when no listing started one. */
      if (self->sheet == NULL && !xlsx_header (self, error))
        return FALSE;
      err = workbook_close (g_steal_pointer (&self->workbook));
      if (err != LXW_NO_ERROR)
        return set_xlsx_error (error, err);
    }
  return TRUE;
}

void
hcs_export_writer_free (HcsExportWriter *self)
{
  if (self == NULL)
    return;
  if (self->file != NULL)
    fclose (self->file);
  if (self->workbook != NULL)
    workbook_close (self->workbook);
  if (self->line != NULL)
    g_string_free (self->line, TRUE);
  g_ptr_array_unref (self->labels);
  g_array_unref (self->widths);
  g_free (self->path);
  g_free (self->sheet_name);
  g_free (self);
}
