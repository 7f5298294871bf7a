/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsRows: a statement's rows as plain values, and their JSON text. */
#define G_LOG_DOMAIN "hcs-rows"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hcs-rows.h"

typedef enum
{
  CELL_NULL,
  CELL_INT,
  CELL_DOUBLE,
  CELL_TEXT,
} CellType;

typedef struct
{
  CellType type;
  union
  {
    gint64 i;
    double d;
    gsize  offset;   /* CELL_TEXT: into texts, NUL-terminated there */
  };
  gsize    len;      /* CELL_TEXT: bytes, without the NUL */
} Cell;

struct _HcsRows
{
  guint        n_columns;
  const char **names;   /* interned: a statement's few column names */
  GArray  *cells;    /* Cell, n_columns a row */
  GString *texts;
};

HcsRows *
hcs_rows_new (guint               n_columns,
              const char * const *names)
{
  HcsRows *self = g_new0 (HcsRows, 1);

  g_return_val_if_fail (n_columns > 0, NULL);

  self->n_columns = n_columns;
  self->names = g_new0 (const char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    self->names[i] = g_intern_string (names[i]);
  self->cells = g_array_sized_new (FALSE, FALSE, sizeof (Cell), n_columns * 16);
  self->texts = g_string_sized_new (1024);
  return self;
}

void
hcs_rows_free (HcsRows *self)
{
  if (self == NULL)
    return;
  g_free (self->names);
  g_array_unref (self->cells);
  g_string_free (self->texts, TRUE);
  g_free (self);
}

void
hcs_rows_add_int (HcsRows *self,
                  gint64   value)
{
  Cell cell = { .type = CELL_INT, .i = value };

  g_array_append_val (self->cells, cell);
}

void
hcs_rows_add_double (HcsRows *self,
                     double   value)
{
  Cell cell = { .type = CELL_DOUBLE, .d = value };

  g_array_append_val (self->cells, cell);
}

void
hcs_rows_add_text (HcsRows    *self,
                   const char *text,
                   gsize       len)
{
  Cell cell = { .type = CELL_TEXT, .offset = self->texts->len, .len = len };

  if (text == NULL)
    {
      hcs_rows_add_null (self);
      return;
    }
  g_string_append_len (self->texts, text, (gssize) len);
  g_string_append_c (self->texts, '\0');
  g_array_append_val (self->cells, cell);
}

void
hcs_rows_add_null (HcsRows *self)
{
  Cell cell = { .type = CELL_NULL };

  g_array_append_val (self->cells, cell);
}

guint
hcs_rows_get_n_rows (HcsRows *self)
{
  return self->cells->len / self->n_columns;
}

int
hcs_rows_column (HcsRows    *self,
                 const char *name)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (strcmp (self->names[i], name) == 0)
      return (int) i;
  return -1;
}

static const Cell *
cell_at (HcsRows *self,
         guint    row,
         int      column)
{
  g_return_val_if_fail (row < hcs_rows_get_n_rows (self), NULL);
  g_return_val_if_fail (column >= 0 && (guint) column < self->n_columns, NULL);
  return &g_array_index (self->cells, Cell, row * self->n_columns + (guint) column);
}

gint64
hcs_rows_get_int (HcsRows *self,
                  guint    row,
                  int      column)
{
  const Cell *cell = cell_at (self, row, column);

  if (cell == NULL)
    return 0;
  switch (cell->type)
    {
    case CELL_INT:
      return cell->i;
    case CELL_DOUBLE:
      return (gint64) cell->d;
    case CELL_TEXT:
      return g_ascii_strtoll (self->texts->str + cell->offset, NULL, 10);
    case CELL_NULL:
    default:
      return 0;
    }
}

const char *
hcs_rows_get_text (HcsRows *self,
                   guint    row,
                   int      column)
{
  const Cell *cell = cell_at (self, row, column);

  return cell != NULL && cell->type == CELL_TEXT ? self->texts->str + cell->offset : NULL;
}

/* The rows in the opposite order (a page read backwards, put in order). */
void
hcs_rows_reverse (HcsRows *self)
{
  guint n = hcs_rows_get_n_rows (self);
  gsize row_size = sizeof (Cell) * self->n_columns;
  g_autofree Cell *tmp = g_new (Cell, self->n_columns);

  for (guint i = 0; i < n / 2; i++)
    {
      Cell *a = &g_array_index (self->cells, Cell, i * self->n_columns);
      Cell *b = &g_array_index (self->cells, Cell, (n - 1 - i) * self->n_columns);

      memcpy (tmp, a, row_size);
      memcpy (a, b, row_size);
      memcpy (b, tmp, row_size);
    }
}

/* Keeps the first @n_rows rows. */
void
hcs_rows_truncate (HcsRows *self,
                   guint    n_rows)
{
  if (n_rows < hcs_rows_get_n_rows (self))
    g_array_set_size (self->cells, n_rows * self->n_columns);
}

static void
append_escaped_char (GString  *out,
                     guchar    c)
{
  static const char hex[] = "0123456789abcdef";

  switch (c)
    {
    case '"':
      g_string_append_len (out, "\\\"", 2);
      break;
    case '\\':
      g_string_append_len (out, "\\\\", 2);
      break;
    case '\b':
      g_string_append_len (out, "\\b", 2);
      break;
    case '\f':
      g_string_append_len (out, "\\f", 2);
      break;
    case '\n':
      g_string_append_len (out, "\\n", 2);
      break;
    case '\r':
      g_string_append_len (out, "\\r", 2);
      break;
    case '\t':
      g_string_append_len (out, "\\t", 2);
      break;
    default:
      {
        char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] };

        g_string_append_len (out, u, sizeof u);
      }
      break;
    }
}

void
hcs_json_append_string (GString    *out,
                        const char *text,
                        gssize      len)
{
  const char *p, *end, *run;

  g_return_if_fail (out != NULL && text != NULL);

  if (len < 0)
    len = (gssize) strlen (text);
  p = run = text;
  end = text + len;
  g_string_append_c (out, '"');
  while (p < end)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80)
        {
          p++;
          continue;
        }
      if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char_validated (p, end - p);

          if (u != (gunichar) -1 && u != (gunichar) -2)
            {
              p = g_utf8_next_char (p);
              continue;
            }
          /* Not UTF-8: one byte of U+FFFD. */
          g_string_append_len (out, run, p - run);
          g_string_append_len (out, "\xef\xbf\xbd", 3);
          run = ++p;
          continue;
        }
      g_string_append_len (out, run, p - run);
      append_escaped_char (out, c);
      run = ++p;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* As "%" G_GINT64_FORMAT writes it, without printf's machinery (two
 * thousand instructions a number). */
static void
append_int (GString *out,
            gint64   value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 u = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;

  do
    {
      *--p = (char) ('0' + u % 10);
      u /= 10;
    }
  while (u != 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (out, p, buf + sizeof buf - p);
}

void
hcs_rows_append_members (HcsRows *self,
                         guint    row,
                         GString *out)
{
  const Cell *cells = cell_at (self, row, 0);

  g_return_if_fail (cells != NULL);

  for (guint i = 0; i < self->n_columns; i++)
    {
      const Cell *cell = &cells[i];

      if (i > 0)
        g_string_append_c (out, ',');
      hcs_json_append_string (out, self->names[i], -1);
      g_string_append_c (out, ':');
      switch (cell->type)
        {
        case CELL_INT:
          append_int (out, cell->i);
          break;
        case CELL_DOUBLE:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            /* JSON has no NaN nor infinity: null, as json-glib writes them. */
            if (isfinite (cell->d))
              g_string_append (out, g_ascii_dtostr (buf, sizeof buf, cell->d));
            else
              g_string_append_len (out, "null", 4);
          }
          break;
        case CELL_TEXT:
          hcs_json_append_string (out, self->texts->str + cell->offset, (gssize) cell->len);
          break;
        case CELL_NULL:
        default:
          g_string_append_len (out, "null", 4);
          break;
        }
    }
}

JsonObject *
hcs_rows_get_object (HcsRows *self,
                     guint    row)
{
  const Cell *cells = cell_at (self, row, 0);
  JsonObject *obj;

  g_return_val_if_fail (cells != NULL, NULL);

  obj = json_object_new ();
  for (guint i = 0; i < self->n_columns; i++)
    {
      const Cell *cell = &cells[i];

      switch (cell->type)
        {
        case CELL_INT:
          json_object_set_int_member (obj, self->names[i], cell->i);
          break;
        case CELL_DOUBLE:
          json_object_set_double_member (obj, self->names[i], cell->d);
          break;
        case CELL_TEXT:
          json_object_set_string_member (obj, self->names[i], self->texts->str + cell->offset);
          break;
        case CELL_NULL:
        default:
          json_object_set_null_member (obj, self->names[i]);
          break;
        }
    }
  return obj;
}
