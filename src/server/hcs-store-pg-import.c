/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An import's rows over PostgreSQL (issue 15): streamed with COPY FROM
 * STDIN into a temporary staging table of the import's transaction (ON
 * COMMIT DROP: a failed import leaves nothing), the rejections the checks
 * found with them, in the file's order; at the end one query finds the
 * good rows that are not written (a record number there already or earlier
 * in the file, a subject not registered when one is required), one INSERT …
 * SELECT writes the others in the file's order, and a cursor gives the
 * rejections and the rows not written back in row order, for the import to
 * report them exactly as it does row by row over SQLite
 * (hcs-import-rows.c). The import reaches this through HcsRecordInsert
 * (hcs-store-imports-rows.c). */
#define G_LOG_DOMAIN "hcs-store-pg"

#include "config.h"

#include <string.h>

#include "hcs-store-pg-private.h"
#include "hcs-store-private.h"

/* COPY data goes to the server when the buffer holds about this much; each
 * COPY is whole (started, sent, ended) so that the connection is free
 * between two. */
#define STAGE_CHUNK (1024 * 1024)
/* Rows of the report fetched at a time. */
#define FETCH_ROWS 2048

struct _HcsPgStage
{
  HcsPg          *pg;
  HcsRecordTable  table;
  gint64          import_id;
  gint64          item_id;
  gboolean        require_subject;
  const char     *value[HCS_RECORD_VALUES + 1];       /* bound: ?1 … ?9 */
  char            number[HCS_RECORD_VALUES + 1][G_ASCII_DTOSTR_BUF_SIZE];
  GString        *buffer;
  gint64          seq;
  gint64          rows;          /* good rows staged */
  gboolean        finished;
  gboolean        cursor;        /* the report's cursor is open */
  PGresult       *page;
  int             page_row;
  gboolean        last_page;
};

/* The staging table: a rejection found by the checks (code not NULL) or a
 * good row's values by parameter of the row-by-row insert (p1 the
 * identifier, p3 the name, p4 … p9 the kind's own columns), all as text. */
static const char SQL_CREATE[] =
  "CREATE TEMPORARY TABLE hcs_import_stage ("
  " row bigint NOT NULL, seq bigint NOT NULL,"
  " field text COLLATE \"C\", code text COLLATE \"C\", message text COLLATE \"C\","
  " p1 text COLLATE \"C\", p3 text COLLATE \"C\", p4 text COLLATE \"C\", p5 text COLLATE \"C\","
  " p6 text COLLATE \"C\", p7 text COLLATE \"C\", p8 text COLLATE \"C\", p9 text COLLATE \"C\""
  ") ON COMMIT DROP";
static const char SQL_COPY[] =
  "COPY hcs_import_stage (row, seq, field, code, message, p1, p3, p4, p5, p6, p7, p8, p9) FROM STDIN";

/* The good rows not written, and whether their subject is registered. A
 * record is not written when its number is there already (record_numbers
 * holds every number of a kind), when it needs a subject that is not
 * registered ($1), or when an earlier row of the file that is written has
 * its number; a registration when its identifier is registered already
 * or earlier in the file. Row by row, the first written of a number wins:
 * the same rows. */
static const char SQL_UNWRITTEN_RECORDS[] =
  "CREATE TEMPORARY TABLE hcs_import_unwritten ON COMMIT DROP AS"
  " SELECT row, known FROM ("
  "  SELECT row, known, out, row_number () OVER (PARTITION BY out, p4 ORDER BY row) AS n FROM ("
  "   SELECT s.row, s.p4, j.id IS NOT NULL AS known,"
  "          ($1::boolean AND j.id IS NULL) OR r.number IS NOT NULL AS out"
  "   FROM hcs_import_stage s"
  "   LEFT JOIN subjects j ON j.identifier = s.p1"
  "   LEFT JOIN record_numbers r ON r.kind = $2 AND r.number = s.p4"
  "   WHERE s.code IS NULL) c) w"
  " WHERE out OR n > 1";
static const char SQL_UNWRITTEN_SUBJECTS[] =
  "CREATE TEMPORARY TABLE hcs_import_unwritten ON COMMIT DROP AS"
  " SELECT row, TRUE AS known FROM ("
  "  SELECT s.row, j.id IS NOT NULL AS out,"
  "         row_number () OVER (PARTITION BY j.id IS NOT NULL, s.p1 ORDER BY s.row) AS n"
  "  FROM hcs_import_stage s LEFT JOIN subjects j ON j.identifier = s.p1"
  "  WHERE s.code IS NULL) w"
  " WHERE out OR n > 1";

/* The written rows: $1 item_id, $2 import_id. ON CONFLICT DO NOTHING and
 * the count checked: a row another transaction wrote meanwhile is not
 * taken for one of this import. */
#define STAGED_GOOD \
  " FROM hcs_import_stage s LEFT JOIN subjects j ON j.identifier = s.p1" \
  " WHERE s.code IS NULL AND NOT EXISTS (SELECT 1 FROM hcs_import_unwritten u WHERE u.row = s.row)" \
  " ORDER BY s.row ON CONFLICT DO NOTHING"
static const char *const SQL_WRITE[] = {
  "INSERT INTO penalties (uscc, subject_id, name, decision_no, authority, decided_on,"
  " category, amount, publicity_until, item_id, import_id)"
  " SELECT s.p1, j.id, s.p3, s.p4, s.p5, s.p6, s.p7, s.p8::double precision, s.p9, $1::bigint, $2::bigint"
  STAGED_GOOD,
  "INSERT INTO licenses (uscc, subject_id, name, license_no, license_name, authority,"
  " decided_on, valid_until, item_id, import_id)"
  " SELECT s.p1, j.id, s.p3, s.p4, s.p5, s.p6, s.p7, s.p8, $1::bigint, $2::bigint"
  STAGED_GOOD,
  "INSERT INTO commitments (uscc, subject_id, name, commitment_no, matter, authority,"
  " committed_on, fulfilment, item_id, import_id)"
  " SELECT s.p1, j.id, s.p3, s.p4, s.p5, s.p6, s.p7, s.p8, $1::bigint, $2::bigint"
  STAGED_GOOD,
  /* as hcs-store-imports-rows.c's INSERT_SUBJECT; $1 unused */
  "INSERT INTO subjects (identifier, name, type, region, industry, registered_on, import_id,"
  " created_at, updated_at)"
  " SELECT s.p1, s.p3, s.p4, s.p5, coalesce (s.p6, ''), s.p7, $2::bigint, t.now, t.now"
  " FROM hcs_import_stage s CROSS JOIN (SELECT to_char (date_trunc ('second', now () AT TIME ZONE 'UTC'),"
  " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS now, $1::bigint AS item) t"
  " WHERE s.code IS NULL AND NOT EXISTS (SELECT 1 FROM hcs_import_unwritten u WHERE u.row = s.row)"
  " ORDER BY s.row ON CONFLICT DO NOTHING",
};
static const char *const KIND_NAME[] = { "penalties", "licenses", "commitments" };

static const char SQL_COUNT_GOOD[] =
  "SELECT count(*) - (SELECT count(*) FROM hcs_import_unwritten) FROM hcs_import_stage WHERE code IS NULL";

/* The report: the rejections and the rows not written, in the file's order. */
static const char SQL_REPORT[] =
  "DECLARE hcs_import_report NO SCROLL CURSOR FOR"
  " SELECT s.row, s.field, s.code, s.message, coalesce (u.known, FALSE),"
  "  s.p1, s.p3, s.p4, s.p5, s.p6, s.p7, s.p8, s.p9"
  " FROM hcs_import_stage s LEFT JOIN hcs_import_unwritten u ON u.row = s.row"
  " WHERE s.code IS NOT NULL OR u.row IS NOT NULL"
  " ORDER BY s.row, s.seq";

/* Returns: (transfer full): the staging of one import's rows into @table,
 * in the transaction of @pg */
HcsPgStage *
hcs_pg_stage_new (HcsPg           *pg,
                  HcsRecordTable   table,
                  gint64           import_id,
                  gint64           item_id,
                  gboolean         require_subject,
                  GError         **error)
{
  HcsPgStage *stage;

  g_return_val_if_fail (pg != NULL, NULL);
  g_return_val_if_fail (table <= HCS_RECORD_SUBJECT, NULL);

  if (!hcs_pg_exec (pg, SQL_CREATE, error))
    return NULL;
  stage = g_new0 (HcsPgStage, 1);
  stage->pg = pg;
  stage->table = table;
  stage->import_id = import_id;
  stage->item_id = item_id;
  stage->require_subject = require_subject;
  stage->buffer = g_string_sized_new (STAGE_CHUNK + 64 * 1024);
  return stage;
}

static void
close_report (HcsPgStage *stage)
{
  g_clear_pointer (&stage->page, PQclear);
  if (stage->cursor && PQtransactionStatus (hcs_pg_get_conn (stage->pg)) == PQTRANS_INTRANS)
    PQclear (PQexec (hcs_pg_get_conn (stage->pg), "CLOSE hcs_import_report"));
  stage->cursor = FALSE;
}

void
hcs_pg_stage_free (HcsPgStage *stage)
{
  if (stage == NULL)
    return;
  close_report (stage);
  g_string_free (stage->buffer, TRUE);
  g_free (stage);
}

/* @text is not copied: it must live until the row is staged. */
void
hcs_pg_stage_bind_text (HcsPgStage  *stage,
                        int          param,
                        const char  *text)
{
  if (param >= 1 && param <= HCS_RECORD_VALUES)
    stage->value[param] = text;
}

/* As HcsStmt sends a double to PostgreSQL (hcs-store-stmt.c). */
void
hcs_pg_stage_bind_double (HcsPgStage  *stage,
                          int          param,
                          double       value)
{
  if (param >= 1 && param <= HCS_RECORD_VALUES)
    stage->value[param] = g_ascii_dtostr (stage->number[param], sizeof stage->number[param], value);
}

void
hcs_pg_stage_bind_int (HcsPgStage  *stage,
                       int          param,
                       gint64       value)
{
  if (param >= 1 && param <= HCS_RECORD_VALUES)
    {
      g_snprintf (stage->number[param], sizeof stage->number[param], "%" G_GINT64_FORMAT, value);
      stage->value[param] = stage->number[param];
    }
}

static void
append_value (GString     *s,
              const char  *text)
{
  g_string_append_c (s, '\t');
  hcs_pg_copy_append_value (s, text);
}

/* Sends the buffer as one whole COPY. */
static gboolean
flush (HcsPgStage  *stage,
       GError     **error)
{
  return hcs_pg_copy_send (stage->pg, SQL_COPY, stage->buffer, error);
}

static gboolean
end_line (HcsPgStage  *stage,
          GError     **error)
{
  g_string_append_c (stage->buffer, '\n');
  return stage->buffer->len < STAGE_CHUNK || flush (stage, error);
}

/* Stages the good row bound (?1, ?3 … ?9), then unbinds it. */
gboolean
hcs_pg_stage_row (HcsPgStage  *stage,
                  gint64       row,
                  GError     **error)
{
  GString *s = stage->buffer;

  g_return_val_if_fail (!stage->finished, FALSE);
  g_string_append_printf (s, "%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t\\N\t\\N\t\\N", row, stage->seq++);
  for (int p = 1; p <= HCS_RECORD_VALUES; p++)
    if (p != 2)
      append_value (s, stage->value[p]);
  memset (stage->value, 0, sizeof stage->value);
  stage->rows++;
  return end_line (stage, error);
}

/* Stages a rejection the checks found in @row. */
gboolean
hcs_pg_stage_rejection (HcsPgStage  *stage,
                        gint64       row,
                        const char  *field,
                        const char  *code,
                        const char  *message,
                        GError     **error)
{
  GString *s = stage->buffer;

  g_return_val_if_fail (!stage->finished, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_string_append_printf (s, "%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT, row, stage->seq++);
  append_value (s, field);
  append_value (s, code);
  append_value (s, message);
  g_string_append (s, "\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N");
  return end_line (stage, error);
}

static gint64
result_count (PGresult *result)
{
  const char *n = PQcmdTuples (result);

  return n != NULL && *n != '\0' ? g_ascii_strtoll (n, NULL, 10) : 0;
}

/**
 * hcs_pg_stage_finish:
 * @written: (out): the rows written
 *
 * Sends what is left, finds the rows not to write, writes the others and
 * opens the report (hcs_pg_stage_next()).
 */
gboolean
hcs_pg_stage_finish (HcsPgStage  *stage,
                     gint64      *written,
                     GError     **error)
{
  PGconn *conn = hcs_pg_get_conn (stage->pg);
  g_autofree char *item = g_strdup_printf ("%" G_GINT64_FORMAT, stage->item_id);
  g_autofree char *import = g_strdup_printf ("%" G_GINT64_FORMAT, stage->import_id);
  g_autofree char *expected_text = NULL;
  const char *unwritten_params[2];
  const char *write_params[2] = { item, import };
  PGresult *result;
  gint64 expected, n;

  g_return_val_if_fail (!stage->finished, FALSE);
  stage->finished = TRUE;
  *written = 0;
  if (!flush (stage, error))
    return FALSE;
  if (stage->table == HCS_RECORD_SUBJECT)
    result = PQexecParams (conn, SQL_UNWRITTEN_SUBJECTS, 0, NULL, NULL, NULL, NULL, 0);
  else
    {
      unwritten_params[0] = stage->require_subject ? "true" : "false";
      unwritten_params[1] = KIND_NAME[stage->table];
      result = PQexecParams (conn, SQL_UNWRITTEN_RECORDS, 2, NULL, unwritten_params, NULL, NULL, 0);
    }
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      hcs_pg_set_error (stage->pg, result, error);
      PQclear (result);
      return FALSE;
    }
  PQclear (result);
  if ((expected_text = hcs_pg_single_text (stage->pg, SQL_COUNT_GOOD, 0, NULL, error)) == NULL)
    return FALSE;
  expected = g_ascii_strtoll (expected_text, NULL, 10);

  result = PQexecParams (conn, SQL_WRITE[stage->table], 2, NULL, write_params, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      GError *local = NULL;

      hcs_pg_set_error (stage->pg, result, &local);
      PQclear (result);
      /* record_numbers' key: a record of the same number written by
       * another transaction since the numbers were looked at */
      if (g_error_matches (local, HCS_STORE_ERROR, HCS_STORE_ERROR_DUPLICATE))
        {
          g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_BUSY,
                       "another import wrote records of the same numbers meanwhile: %s", local->message);
          g_error_free (local);
          return FALSE;
        }
      g_propagate_error (error, local);
      return FALSE;
    }
  n = result_count (result);
  PQclear (result);
  if (n != expected)
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_BUSY,
                   "another transaction registered %" G_GINT64_FORMAT " of the import's %" G_GINT64_FORMAT
                   " subjects meanwhile", expected - n, expected);
      return FALSE;
    }
  *written = n;

  if (!hcs_pg_exec (stage->pg, SQL_REPORT, error))
    return FALSE;
  stage->cursor = TRUE;
  return TRUE;
}

/**
 * hcs_pg_stage_next:
 *
 * The next rejection or row not written, in the file's order (by row, then
 * in the order they were staged). Its texts live until the next call.
 *
 * Returns: 1 with @out filled, 0 at the end, -1 on error
 */
int
hcs_pg_stage_next (HcsPgStage    *stage,
                   HcsStagedRow  *out,
                   GError       **error)
{
  PGresult *page;
  int r;

  g_return_val_if_fail (stage->finished, -1);
  if (!stage->cursor)
    return 0;
  if (stage->page == NULL || stage->page_row >= PQntuples (stage->page))
    {
      g_clear_pointer (&stage->page, PQclear);
      if (stage->last_page)
        return 0;
      page = PQexec (hcs_pg_get_conn (stage->pg), "FETCH " G_STRINGIFY (FETCH_ROWS) " FROM hcs_import_report");
      if (PQresultStatus (page) != PGRES_TUPLES_OK)
        {
          hcs_pg_set_error (stage->pg, page, error);
          PQclear (page);
          return -1;
        }
      stage->page = page;
      stage->page_row = 0;
      stage->last_page = PQntuples (page) < FETCH_ROWS;
      if (PQntuples (page) == 0)
        return 0;
    }
  page = stage->page;
  r = stage->page_row++;
  memset (out, 0, sizeof *out);
#define TEXT(c) (PQgetisnull (page, r, (c)) ? NULL : PQgetvalue (page, r, (c)))
  out->row = g_ascii_strtoll (PQgetvalue (page, r, 0), NULL, 10);
  out->field = TEXT (1);
  out->code = TEXT (2);
  out->message = TEXT (3);
  out->subject_known = g_str_equal (PQgetvalue (page, r, 4), "t");
  out->value[1] = TEXT (5);
  for (int p = 3; p <= HCS_RECORD_VALUES; p++)
    out->value[p] = TEXT (p + 3);
#undef TEXT
  return 1;
}
