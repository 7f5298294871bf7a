/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the first worksheet of an XLSX file: libarchive opens the zip,
 * GMarkup reads sharedStrings.xml and the sheet's XML. */
#define G_LOG_DOMAIN "hcs-import-xlsx"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <string.h>

#include "hcs-import-xlsx.h"
#include "hcs-import.h"

gboolean
hcs_import_xlsx_is_zip (const char *data,
                        gsize       length)
{
  return length >= 4 && memcmp (data, "PK\003\004", 4) == 0;
}

static void
row_free (gpointer p)
{
  HcsXlsxRow *row = p;

  g_strfreev (row->cells);
  g_free (row);
}

/* Shared strings: the text of each <si>, its <t> pieces joined, phonetic
 * readings (<rPh>) left out. */
typedef struct
{
  GPtrArray *strings;
  GString   *text;
  gboolean   in_t;
  guint      in_rph;
} SharedStrings;

static void
ss_start (GMarkupParseContext  *context,
          const char           *name,
          const char          **attr_names,
          const char          **attr_values,
          gpointer              data,
          GError              **error)
{
  SharedStrings *ss = data;

  if (g_str_equal (name, "si"))
    g_string_truncate (ss->text, 0);
  else if (g_str_equal (name, "rPh"))
    ss->in_rph++;
  else if (g_str_equal (name, "t"))
    ss->in_t = ss->in_rph == 0;
}

static void
ss_end (GMarkupParseContext  *context,
        const char           *name,
        gpointer              data,
        GError              **error)
{
  SharedStrings *ss = data;

  if (g_str_equal (name, "si"))
    g_ptr_array_add (ss->strings, g_strdup (ss->text->str));
  else if (g_str_equal (name, "rPh"))
    ss->in_rph--;
  else if (g_str_equal (name, "t"))
    ss->in_t = FALSE;
}

static void
ss_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              data,
         GError              **error)
{
  SharedStrings *ss = data;

  if (ss->in_t)
    g_string_append_len (ss->text, text, len);
}

/* The sheet: <row r="N"><c r="B3" t="s|str|inlineStr|b|n"><v>…</v> or
 * <is><t>…</t></is></c></row>. */
typedef struct
{
  GPtrArray *shared;
  GPtrArray *rows;
  GPtrArray *cells;      /* of the row being read */
  guint      row_number;
  guint      next_column;
  char      *cell_type;
  guint      cell_column;
  GString   *text;
  gboolean   in_value;
} Sheet;

/* "BC12" → 54 (0-based column); -1 when there are no letters */
static int
column_of (const char *ref)
{
  int col = 0;
  gboolean any = FALSE;

  for (; g_ascii_isalpha (*ref); ref++)
    {
      col = col * 26 + (g_ascii_toupper (*ref) - 'A' + 1);
      any = TRUE;
      if (col > 16384)
        return -1;
    }
  return any ? col - 1 : -1;
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *name,
             const char          **attr_names,
             const char          **attr_values,
             gpointer              data,
             GError              **error)
{
  Sheet *sheet = data;

  if (g_str_equal (name, "row"))
    {
      sheet->row_number++;
      for (guint i = 0; attr_names[i]; i++)
        if (g_str_equal (attr_names[i], "r"))
          sheet->row_number = (guint) g_ascii_strtoull (attr_values[i], NULL, 10);
      g_ptr_array_set_size (sheet->cells, 0);
      sheet->next_column = 0;
    }
  else if (g_str_equal (name, "c"))
    {
      int col = -1;

      g_clear_pointer (&sheet->cell_type, g_free);
      for (guint i = 0; attr_names[i]; i++)
        {
          if (g_str_equal (attr_names[i], "r"))
            col = column_of (attr_values[i]);
          else if (g_str_equal (attr_names[i], "t"))
            sheet->cell_type = g_strdup (attr_values[i]);
        }
      sheet->cell_column = col >= 0 ? (guint) col : sheet->next_column;
      g_string_truncate (sheet->text, 0);
    }
  else if (g_str_equal (name, "v") || g_str_equal (name, "t"))
    sheet->in_value = TRUE;
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *name,
           gpointer              data,
           GError              **error)
{
  Sheet *sheet = data;

  if (g_str_equal (name, "v") || g_str_equal (name, "t"))
    sheet->in_value = FALSE;
  else if (g_str_equal (name, "c"))
    {
      char *value;

      if (g_strcmp0 (sheet->cell_type, "s") == 0)
        {
          guint64 index = g_ascii_strtoull (sheet->text->str, NULL, 10);

          if (index >= sheet->shared->len)
            {
              g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_XLSX,
                           _("The XLSX file refers to a shared string it does not have."));
              return;
            }
          value = g_strdup (g_ptr_array_index (sheet->shared, index));
        }
      else if (g_strcmp0 (sheet->cell_type, "b") == 0)
        value = g_strdup (g_str_equal (sheet->text->str, "1") ? "TRUE" : "FALSE");
      else
        value = g_strdup (sheet->text->str);

      if (sheet->cell_column > 16384)
        {
          g_free (value);
          return;
        }
      while (sheet->cells->len < sheet->cell_column)
        g_ptr_array_add (sheet->cells, g_strdup (""));
      if (sheet->cells->len == sheet->cell_column)
        g_ptr_array_add (sheet->cells, value);
      else
        {
          g_free (g_ptr_array_index (sheet->cells, sheet->cell_column));
          g_ptr_array_index (sheet->cells, sheet->cell_column) = value;
        }
      sheet->next_column = sheet->cell_column + 1;
    }
  else if (g_str_equal (name, "row"))
    {
      HcsXlsxRow *row = g_new0 (HcsXlsxRow, 1);

      row->number = sheet->row_number;
      g_ptr_array_add (sheet->cells, NULL);
      row->cells = (GStrv) g_ptr_array_steal (sheet->cells, NULL);
      g_ptr_array_add (sheet->rows, row);
    }
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 len,
            gpointer              data,
            GError              **error)
{
  Sheet *sheet = data;

  if (sheet->in_value)
    g_string_append_len (sheet->text, text, len);
}

static gboolean
parse_xml (const GMarkupParser  *parser,
           gpointer              data,
           GBytes               *xml,
           GError              **error)
{
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (parser, 0, data, NULL);
  g_autoptr(GError) local = NULL;

  /* An empty part has no data pointer; GMarkup wants text (found by
   * tests/fuzz/fuzz-xlsx: a zip with an empty xl/worksheets/sheet1.xml). */
  const char *text = g_bytes_get_size (xml) > 0 ? g_bytes_get_data (xml, NULL) : "";

  if (!g_markup_parse_context_parse (context, text, g_bytes_get_size (xml), &local) ||
      !g_markup_parse_context_end_parse (context, &local))
    {
      if (g_error_matches (local, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_XLSX))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_XLSX,
                     _("The XLSX file’s sheet cannot be read: %s"), local->message);
      return FALSE;
    }
  return TRUE;
}

/* The parts we need from the zip: shared strings and the first worksheet
 * (sheet1.xml, or else the first XML file in xl/worksheets). */
static gboolean
unzip_parts (const char  *data,
             gsize        length,
             GBytes     **shared,
             GBytes     **sheet,
             GError     **error)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  g_autofree char *sheet_name = NULL;
  gboolean ok = TRUE;
  int rc;

  archive_read_support_format_zip (a);
  if (archive_read_open_memory (a, data, length) != ARCHIVE_OK)
    ok = FALSE;
  while (ok && (rc = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *path = archive_entry_pathname (entry);
      GBytes **target = NULL;

      if (path == NULL)
        continue;
      if (g_str_equal (path, "xl/sharedStrings.xml"))
        target = shared;
      else if (g_str_has_prefix (path, "xl/worksheets/") && g_str_has_suffix (path, ".xml") &&
               strchr (path + strlen ("xl/worksheets/"), '/') == NULL &&
               (*sheet == NULL || (g_str_equal (path, "xl/worksheets/sheet1.xml") &&
                                   !g_str_equal (sheet_name, path))))
        {
          g_clear_pointer (sheet, g_bytes_unref);
          g_free (sheet_name);
          sheet_name = g_strdup (path);
          target = sheet;
        }
      if (target != NULL)
        {
          g_autoptr(GByteArray) buf = g_byte_array_new ();
          char chunk[65536];
          la_ssize_t n;

          while ((n = archive_read_data (a, chunk, sizeof chunk)) > 0)
            g_byte_array_append (buf, (const guint8 *) chunk, (guint) n);
          if (n < 0)
            {
              ok = FALSE;
              break;
            }
          g_clear_pointer (target, g_bytes_unref);
          *target = g_byte_array_free_to_bytes (g_steal_pointer (&buf));
        }
    }
  if (ok && rc != ARCHIVE_EOF)
    ok = FALSE;
  if (!ok)
    g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_XLSX,
                 _("The file looks like XLSX but its zip cannot be read: %s"),
                 archive_error_string (a) ? archive_error_string (a) : "?");
  else if (*sheet == NULL)
    {
      g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_XLSX,
                   _("The XLSX file has no worksheet."));
      ok = FALSE;
    }
  archive_read_free (a);
  return ok;
}

/**
 * hcs_import_xlsx_read:
 *
 * Returns: (transfer full): the rows of the first worksheet, as #HcsXlsxRow
 */
GPtrArray *
hcs_import_xlsx_read (const char  *data,
                      gsize        length,
                      GError     **error)
{
  static const GMarkupParser ss_parser = { ss_start, ss_end, ss_text, NULL, NULL };
  static const GMarkupParser sheet_parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  g_autoptr(GBytes) shared_xml = NULL;
  g_autoptr(GBytes) sheet_xml = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  SharedStrings ss = { strings, text, FALSE, 0 };
  Sheet sheet = { strings, rows, cells, 0, 0, NULL, 0, text, FALSE };
  gboolean ok;

  g_return_val_if_fail (data != NULL, NULL);

  if (!unzip_parts (data, length, &shared_xml, &sheet_xml, error))
    return NULL;
  if (shared_xml != NULL && !parse_xml (&ss_parser, &ss, shared_xml, error))
    return NULL;
  ok = parse_xml (&sheet_parser, &sheet, sheet_xml, error);
  g_free (sheet.cell_type);
  if (!ok)
    return NULL;
  return g_steal_pointer (&rows);
}
