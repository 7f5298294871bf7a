/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bulk loads over PostgreSQL (issue 15): rows of one table sent with COPY
 * … FROM STDIN in whole COPYs of about 1 MB, instead of one INSERT (one
 * round trip, one parse) a row. Row triggers fire as for an INSERT, and
 * identity columns number the rows in the order sent. A COPY has no
 * conflict clause and reports no row of its own: the caller sends only rows
 * that fit (the demo seeding, into tables it is filling), and reads back
 * what it needs after hcs_pg_bulk_flush(). */
#define G_LOG_DOMAIN "hcs-store-pg"

#include "config.h"

#include <string.h>

#include "hcs-store-pg-private.h"

/* The buffer goes to the server when it holds about this much; each COPY is
 * whole (started, sent, ended) so that the connection is free between two. */
#define BULK_CHUNK (1024 * 1024)

struct _HcsPgBulk
{
  HcsPg   *pg;
  char    *copy;       /* COPY table (columns) FROM STDIN */
  guint    n_columns;
  GString *buffer;
  gint64   rows;       /* sent so far, or buffered */
};

/**
 * hcs_pg_copy_append_text:
 *
 * Appends the @len bytes of @text (-1: up to its NUL) to @s in COPY's text
 * format, escaped. Returns %FALSE, having appended part of it, when the
 * bytes hold a NUL, which PostgreSQL's text cannot.
 */
gboolean
hcs_pg_copy_append_text (GString    *s,
                         const char *text,
                         gssize      len)
{
  if (len < 0)
    len = strlen (text);
  for (gssize i = 0; i < len; i++)
    switch (text[i])
      {
      case '\0': return FALSE;
      case '\\': g_string_append (s, "\\\\"); break;
      case '\b': g_string_append (s, "\\b"); break;
      case '\f': g_string_append (s, "\\f"); break;
      case '\n': g_string_append (s, "\\n"); break;
      case '\r': g_string_append (s, "\\r"); break;
      case '\t': g_string_append (s, "\\t"); break;
      case '\v': g_string_append (s, "\\v"); break;
      default: g_string_append_c (s, text[i]); break;
      }
  return TRUE;
}

/**
 * hcs_pg_copy_append_value:
 *
 * Appends @text (NULL: \N) to @s in COPY's text format, escaped.
 */
void
hcs_pg_copy_append_value (GString    *s,
                          const char *text)
{
  if (text == NULL)
    g_string_append (s, "\\N");
  else
    hcs_pg_copy_append_text (s, text, -1);
}

/**
 * hcs_pg_copy_send:
 * @copy: the COPY … FROM STDIN statement
 * @data: its lines, in COPY's text format (emptied)
 *
 * Sends @data as one whole COPY.
 */
gboolean
hcs_pg_copy_send (HcsPg       *pg,
                  const char  *copy,
                  GString     *data,
                  GError     **error)
{
  PGconn *conn = hcs_pg_get_conn (pg);
  PGresult *result;
  gboolean ok = TRUE;

  if (data->len == 0)
    return TRUE;
  result = PQexec (conn, copy);
  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      hcs_pg_set_error (pg, result, error);
      PQclear (result);
      g_string_truncate (data, 0);
      return FALSE;
    }
  PQclear (result);
  if (PQputCopyData (conn, data->str, (int) data->len) != 1)
    ok = hcs_pg_set_error (pg, NULL, error);
  if (PQputCopyEnd (conn, ok ? NULL : "copy stopped") != 1 && ok)
    ok = hcs_pg_set_error (pg, NULL, error);
  while ((result = PQgetResult (conn)) != NULL)
    {
      if (ok && PQresultStatus (result) != PGRES_COMMAND_OK)
        ok = hcs_pg_set_error (pg, result, error);
      PQclear (result);
    }
  g_string_truncate (data, 0);
  return ok;
}

/**
 * hcs_pg_bulk_new:
 * @table: the table, e.g. "subjects"
 * @columns: (array zero-terminated=1): the columns each row gives, in order
 *
 * Returns: (transfer full): a bulk load into @table, inside the caller's
 *   transaction
 */
HcsPgBulk *
hcs_pg_bulk_new (HcsPg              *pg,
                 const char         *table,
                 const char * const *columns)
{
  HcsPgBulk *bulk = g_new0 (HcsPgBulk, 1);
  g_autofree char *list = g_strjoinv (", ", (char **) columns);

  bulk->pg = pg;
  bulk->n_columns = g_strv_length ((char **) columns);
  bulk->copy = g_strdup_printf ("COPY %s (%s) FROM STDIN", table, list);
  bulk->buffer = g_string_sized_new (BULK_CHUNK + 4096);
  return bulk;
}

void
hcs_pg_bulk_free (HcsPgBulk *bulk)
{
  if (bulk == NULL)
    return;
  g_string_free (bulk->buffer, TRUE);
  g_free (bulk->copy);
  g_free (bulk);
}

/**
 * hcs_pg_bulk_row:
 * @values: one value (text, or NULL) for each of the columns
 *
 * Buffers a row; sends the buffer when it is full. An error here, or at
 * hcs_pg_bulk_flush(), ends the caller's transaction.
 */
gboolean
hcs_pg_bulk_row (HcsPgBulk          *bulk,
                 const char * const *values,
                 GError            **error)
{
  for (guint i = 0; i < bulk->n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (bulk->buffer, '\t');
      hcs_pg_copy_append_value (bulk->buffer, values[i]);
    }
  g_string_append_c (bulk->buffer, '\n');
  bulk->rows++;
  return bulk->buffer->len < BULK_CHUNK || hcs_pg_copy_send (bulk->pg, bulk->copy, bulk->buffer, error);
}

/* Sends the rows buffered: after it, they are in the table. */
gboolean
hcs_pg_bulk_flush (HcsPgBulk  *bulk,
                   GError    **error)
{
  return hcs_pg_copy_send (bulk->pg, bulk->copy, bulk->buffer, error);
}

/* The rows given so far. */
gint64
hcs_pg_bulk_rows (HcsPgBulk *bulk)
{
  return bulk->rows;
}
