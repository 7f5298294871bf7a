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

/* COPY data goes to the server when the buffer holds about this much. The
 * rows go in one COPY, open from the first row to hcs_pg_stage_finish():
 * nothing else uses the connection while the rows stream (the rejections
 * are staged with them), and PostgreSQL takes each piece in while the
 * import checks the next rather than the import waiting for a COPY's end
 * a megabyte (17 of them for 100,000 rows). */
#define STAGE_CHUNK (256 * 1024)
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
  gboolean        copying;       /* the COPY is open */
  guint64        *hashes;        /* the staged rows' numbers, hashed: an
                                  * open-addressing set (0: empty) */
  gsize           hashes_mask;
  gsize           n_hashes;
  GHashTable     *repeated;      /* numbers seen twice or more (or whose
                                  * hash was): owned strings */
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

/* Once the rows are in: the staging table's statistics (of the columns
 * the queries below filter and join on), without which the planner takes
 * it for a few hundred rows and looks each row's subject and number up by
 * index (the check of a 100,000-row import took 1.7 s, bench/README.md);
 * memory for the sorts of the import's rows, which spilled to disk with
 * the default 4 MB; and no JIT compilation, which the report's estimate
 * (a subquery a row, for the few rows not written) set off for 0.6 s. For
 * the rest of the import's transaction only. */
static const char SQL_ANALYZE[] =
  "SET LOCAL work_mem = '64MB'; SET LOCAL jit = off; ANALYZE hcs_import_stage (row, code, p1, p4)";

/* Every good row checked once: its subject (NULL: not registered), whether
 * its name is another than the one its subject is registered under (重码),
 * and whether it is not written. A record is not written when its number
 * is there already (record_numbers holds every number of a kind), when it
 * needs a subject that is not registered ($1), or when an earlier row of
 * the file that is written has its number; a registration when its
 * identifier is registered already or earlier in the file. Row by row, the
 * first written of a number wins: the same rows. The numbers a file
 * repeats are told by the import (hcs_pg_stage_row() keeps a hash of each
 * row's number), so that only their rows are grouped: an aggregate over
 * every row's number took 0.2–0.5 s of 100,000 rows. */
#define CHECKED_FIRST(repeated) \
  " first AS (SELECT number, min (row) AS row FROM c WHERE NOT out AND number = ANY (" repeated "::text[])" \
  "  GROUP BY number HAVING count(*) > 1)" \
  " SELECT c.row, c.subject_id, c.known, c.other_name, c.out OR coalesce (c.row > f.row, FALSE) AS unwritten" \
  " FROM c LEFT JOIN first f ON NOT c.out AND f.number = c.number"
static const char SQL_CHECK_RECORDS[] =
  "CREATE TEMPORARY TABLE hcs_import_checked ON COMMIT DROP AS"
  " WITH c AS ("
  "  SELECT s.row, s.p4 AS number, j.id AS subject_id, j.id IS NOT NULL AS known,"
  "         coalesce (j.name <> s.p3, FALSE) AS other_name,"
  "         ($1::boolean AND j.id IS NULL) OR r.number IS NOT NULL AS out"
  "  FROM hcs_import_stage s"
  "  LEFT JOIN subjects j ON j.identifier = s.p1"
  "  LEFT JOIN record_numbers r ON r.kind = $2 AND r.number = s.p4"
  "  WHERE s.code IS NULL),"
  CHECKED_FIRST ("$3");
static const char SQL_CHECK_SUBJECTS[] =
  "CREATE TEMPORARY TABLE hcs_import_checked ON COMMIT DROP AS"
  " WITH c AS ("
  "  SELECT s.row, s.p1 AS number, NULL::bigint AS subject_id, TRUE AS known, FALSE AS other_name,"
  "         j.id IS NOT NULL AS out"
  "  FROM hcs_import_stage s LEFT JOIN subjects j ON j.identifier = s.p1"
  "  WHERE s.code IS NULL),"
  CHECKED_FIRST ("$1");

/* The rows to write, the records of a registered subject under another
 * name and those without a subject among them. */
static const char SQL_COUNTS[] =
  "SELECT count(*) FILTER (WHERE NOT unwritten),"
  " count(*) FILTER (WHERE NOT unwritten AND other_name),"
  " count(*) FILTER (WHERE NOT unwritten AND subject_id IS NULL)"
  " FROM hcs_import_checked";

/* The written rows: $1 item_id, $2 import_id; the subject found by the
 * check. ON CONFLICT DO NOTHING and the count checked: a row another
 * transaction wrote meanwhile is not taken for one of this import. */
#define STAGED_GOOD \
  " FROM hcs_import_stage s JOIN hcs_import_checked c ON c.row = s.row" \
  " WHERE s.code IS NULL AND NOT c.unwritten" \
  " ORDER BY s.row ON CONFLICT DO NOTHING"
static const char *const SQL_WRITE[] = {
  "INSERT INTO penalties (uscc, subject_id, name, decision_no, authority, decided_on,"
  " category, amount, publicity_until, item_id, import_id)"
  " SELECT s.p1, c.subject_id, s.p3, s.p4, s.p5, s.p6, s.p7, s.p8::double precision, s.p9, $1::bigint, $2::bigint"
  STAGED_GOOD,
  "INSERT INTO licenses (uscc, subject_id, name, license_no, license_name, authority,"
  " decided_on, valid_until, item_id, import_id)"
  " SELECT s.p1, c.subject_id, s.p3, s.p4, s.p5, s.p6, s.p7, s.p8, $1::bigint, $2::bigint"
  STAGED_GOOD,
  "INSERT INTO commitments (uscc, subject_id, name, commitment_no, matter, authority,"
  " committed_on, fulfilment, item_id, import_id)"
  " SELECT s.p1, c.subject_id, s.p3, s.p4, s.p5, s.p6, s.p7, s.p8, $1::bigint, $2::bigint"
  STAGED_GOOD,
  /* as hcs-store-imports-rows.c's INSERT_SUBJECT; $1 unused */
  "INSERT INTO subjects (identifier, name, type, region, industry, registered_on, import_id,"
  " created_at, updated_at)"
  " SELECT s.p1, s.p3, s.p4, s.p5, coalesce (s.p6, ''), s.p7, $2::bigint, t.now, t.now"
  " FROM hcs_import_stage s JOIN hcs_import_checked c ON c.row = s.row"
  " CROSS JOIN (SELECT to_char (date_trunc ('second', now () AT TIME ZONE 'UTC'),"
  " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS now, $1::bigint AS item) t"
  " WHERE s.code IS NULL AND NOT c.unwritten"
  " ORDER BY s.row ON CONFLICT DO NOTHING",
};
static const char *const KIND_NAME[] = { "penalties", "licenses", "commitments" };
/* The months of the good rows, by their partition key (decided_on,
 * committed_on): their partitions are made before the rows are written
 * (hcs_pg_partitions_for_months()). */
static const char *const SQL_MONTHS[] = {
  "SELECT DISTINCT substr (p6, 1, 7) FROM hcs_import_stage WHERE code IS NULL AND p6 IS NOT NULL ORDER BY 1",
  "SELECT DISTINCT substr (p7, 1, 7) FROM hcs_import_stage WHERE code IS NULL AND p7 IS NOT NULL ORDER BY 1",
  "SELECT DISTINCT substr (p7, 1, 7) FROM hcs_import_stage WHERE code IS NULL AND p7 IS NOT NULL ORDER BY 1",
};

/* The report: the rejections and the rows not written, in the file's
 * order; a record not written with the import of the record that has its
 * number now, found through record_numbers and the table's primary key
 * (its number has no index of its own in the table, whose partitions a
 * look-up by number would each scan). */
#define SQL_REPORT_OF(owner) \
  "DECLARE hcs_import_report NO SCROLL CURSOR FOR" \
  " SELECT s.row, s.seq, s.field, s.code, s.message, FALSE, NULL::bigint," \
  "  s.p1, s.p3, s.p4, s.p5, s.p6, s.p7, s.p8, s.p9" \
  " FROM hcs_import_stage s WHERE s.code IS NOT NULL" \
  " UNION ALL" \
  " SELECT s.row, s.seq, s.field, s.code, s.message, c.known, " owner "," \
  "  s.p1, s.p3, s.p4, s.p5, s.p6, s.p7, s.p8, s.p9" \
  " FROM hcs_import_checked c JOIN hcs_import_stage s ON s.row = c.row AND s.code IS NULL" \
  " WHERE c.unwritten" \
  " ORDER BY 1, 2"
#define OWNER_OF(table) \
  "coalesce ((SELECT r.import_id FROM " table " r WHERE r.id =" \
  " (SELECT n.record_id FROM record_numbers n WHERE n.kind = '" table "' AND n.number = s.p4)), 0)"
static const char *const SQL_REPORT[] = {
  SQL_REPORT_OF (OWNER_OF ("penalties")),
  SQL_REPORT_OF (OWNER_OF ("licenses")),
  SQL_REPORT_OF (OWNER_OF ("commitments")),
  SQL_REPORT_OF ("NULL::bigint"),
};

/* The partitions of the months of the import's records, made before
 * they are written, in the import's transaction. */
static gboolean
make_months (HcsPgStage  *stage,
             GError     **error)
{
  PGresult *result = PQexec (hcs_pg_get_conn (stage->pg), SQL_MONTHS[stage->table]);
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_free);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      hcs_pg_set_error (stage->pg, result, error);
      PQclear (result);
      return FALSE;
    }
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (months, g_strdup (PQgetvalue (result, i, 0)));
  g_ptr_array_add (months, NULL);
  PQclear (result);
  return hcs_pg_partitions_for_months (stage->pg, KIND_NAME[stage->table], (const char * const *) months->pdata,
                                       error);
}

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
  stage->hashes_mask = 4095;
  stage->hashes = g_new0 (guint64, stage->hashes_mask + 1);
  stage->repeated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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

static gboolean end_copy (HcsPgStage  *stage,
                          const char  *failure,
                          GError     **error);

void
hcs_pg_stage_free (HcsPgStage *stage)
{
  if (stage == NULL)
    return;
  /* an import that stopped while its rows streamed */
  end_copy (stage, "import stopped", NULL);
  close_report (stage);
  g_free (stage->hashes);
  g_hash_table_unref (stage->repeated);
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

/* Sends the buffer into the COPY, opening it first. */
static gboolean
flush (HcsPgStage  *stage,
       GError     **error)
{
  PGconn *conn = hcs_pg_get_conn (stage->pg);
  PGresult *result;
  int sent;

  if (stage->buffer->len == 0)
    return TRUE;
  if (!stage->copying)
    {
      result = PQexec (conn, SQL_COPY);
      if (PQresultStatus (result) != PGRES_COPY_IN)
        {
          hcs_pg_set_error (stage->pg, result, error);
          PQclear (result);
          return FALSE;
        }
      PQclear (result);
      stage->copying = TRUE;
    }
  sent = PQputCopyData (conn, stage->buffer->str, (int) stage->buffer->len);
  g_string_truncate (stage->buffer, 0);
  return sent == 1 || hcs_pg_set_error (stage->pg, NULL, error);
}

/* Ends the COPY: with @failure, abandoned (the transaction is then in
 * error, to be rolled back). */
static gboolean
end_copy (HcsPgStage  *stage,
          const char  *failure,
          GError     **error)
{
  PGconn *conn = hcs_pg_get_conn (stage->pg);
  PGresult *result;
  gboolean ok = TRUE;

  if (!stage->copying)
    return TRUE;
  stage->copying = FALSE;
  if (PQputCopyEnd (conn, failure) != 1)
    ok = hcs_pg_set_error (stage->pg, NULL, error);
  while ((result = PQgetResult (conn)) != NULL)
    {
      if (ok && PQresultStatus (result) != PGRES_COMMAND_OK)
        ok = hcs_pg_set_error (stage->pg, result, error);
      PQclear (result);
    }
  return ok;
}

static gboolean
end_line (HcsPgStage  *stage,
          GError     **error)
{
  g_string_append_c (stage->buffer, '\n');
  return stage->buffer->len < STAGE_CHUNK || flush (stage, error);
}

/* FNV-1a, never 0 (the empty slot). */
static guint64
number_hash (const char *text)
{
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);

  for (const guchar *p = (const guchar *) text; *p; p++)
    h = (h ^ *p) * G_GUINT64_CONSTANT (1099511628211);
  return h != 0 ? h : 1;
}

static void
hashes_insert (guint64 *slots,
               gsize    mask,
               guint64  h)
{
  gsize i = (gsize) (h ^ (h >> 29)) & mask;

  while (slots[i] != 0 && slots[i] != h)
    i = (i + 1) & mask;
  slots[i] = h;
}

/* Notes the row's number (the identifier of a registration): a number
 * met before (or whose hash was: a harmless extra) is a repeat. */
static void
note_number (HcsPgStage *stage,
             const char *number)
{
  guint64 h;
  gsize i;

  if (number == NULL)
    return;
  if (2 * (stage->n_hashes + 1) > stage->hashes_mask + 1)
    {
      gsize old_mask = stage->hashes_mask;
      guint64 *old = stage->hashes;

      stage->hashes_mask = 2 * old_mask + 1;
      stage->hashes = g_new0 (guint64, stage->hashes_mask + 1);
      for (gsize k = 0; k <= old_mask; k++)
        if (old[k] != 0)
          hashes_insert (stage->hashes, stage->hashes_mask, old[k]);
      g_free (old);
    }
  h = number_hash (number);
  for (i = (gsize) (h ^ (h >> 29)) & stage->hashes_mask; stage->hashes[i] != 0; i = (i + 1) & stage->hashes_mask)
    if (stage->hashes[i] == h)
      {
        if (!g_hash_table_contains (stage->repeated, number))
          g_hash_table_add (stage->repeated, g_strdup (number));
        return;
      }
  stage->hashes[i] = h;
  stage->n_hashes++;
}

/* The repeated numbers as a text[] literal. */
static char *
repeated_array (HcsPgStage *stage)
{
  GString *a = g_string_new ("{");
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, stage->repeated);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    hcs_pg_text_array_append (a, key);
  g_string_append_c (a, '}');
  return g_string_free (a, FALSE);
}

/* Stages the good row bound (?1, ?3 … ?9), then unbinds it. */
gboolean
hcs_pg_stage_row (HcsPgStage  *stage,
                  gint64       row,
                  GError     **error)
{
  GString *s = stage->buffer;

  g_return_val_if_fail (!stage->finished, FALSE);
  note_number (stage, stage->value[stage->table == HCS_RECORD_SUBJECT ? 1 : 4]);
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
 * @counts: (out): the rows written, the records of a registered subject
 *   under another name and those without a subject among them
 *
 * Sends what is left, checks the good rows (which are not to be written),
 * writes the others and opens the report (hcs_pg_stage_next()).
 */
gboolean
hcs_pg_stage_finish (HcsPgStage       *stage,
                     HcsStagedCounts  *counts,
                     GError          **error)
{
  PGconn *conn = hcs_pg_get_conn (stage->pg);
  g_autofree char *item = g_strdup_printf ("%" G_GINT64_FORMAT, stage->item_id);
  g_autofree char *import = g_strdup_printf ("%" G_GINT64_FORMAT, stage->import_id);
  const char *check_params[3];
  g_autofree char *repeated = repeated_array (stage);
  const char *write_params[2] = { item, import };
  PGresult *result;
  gint64 expected, n;


  g_return_val_if_fail (!stage->finished, FALSE);
  stage->finished = TRUE;
  memset (counts, 0, sizeof *counts);
  if (!flush (stage, error) || !end_copy (stage, NULL, error) || !hcs_pg_exec (stage->pg, SQL_ANALYZE, error))
    return FALSE;
  if (stage->table != HCS_RECORD_SUBJECT && !make_months (stage, error))
    return FALSE;
  if (stage->table == HCS_RECORD_SUBJECT)
    {
      check_params[0] = repeated;
      result = PQexecParams (conn, SQL_CHECK_SUBJECTS, 1, NULL, check_params, NULL, NULL, 0);
    }
  else
    {
      check_params[0] = stage->require_subject ? "true" : "false";
      check_params[1] = KIND_NAME[stage->table];
      check_params[2] = repeated;
      result = PQexecParams (conn, SQL_CHECK_RECORDS, 3, NULL, check_params, NULL, NULL, 0);
    }
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      hcs_pg_set_error (stage->pg, result, error);
      PQclear (result);
      return FALSE;
    }
  PQclear (result);
  result = PQexec (conn, SQL_COUNTS);
  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    {
      hcs_pg_set_error (stage->pg, result, error);
      PQclear (result);
      return FALSE;
    }
  expected = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  counts->other_name = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
  counts->unregistered = g_ascii_strtoll (PQgetvalue (result, 0, 2), NULL, 10);
  PQclear (result);

  /* record_numbers is kept by the table's row trigger. Keeping it by one
   * statement, the trigger off for the import's transaction, gained
   * nothing beyond the noise of 12 runs and locked every other writer of
   * the table out for the whole import (bench/README.md): removed. */
  result = PQexecParams (conn, SQL_WRITE[stage->table], 2, NULL, write_params, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      GError *local = NULL;
      const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
      gboolean subject_gone = state != NULL && g_str_equal (state, "23503");

      hcs_pg_set_error (stage->pg, result, &local);
      PQclear (result);
      /* the check of subject_id (records_subjects_check, migration 23): a
       * subject the check found was deleted by another transaction since */
      if (subject_gone)
        {
          g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_BUSY,
                       "another transaction deleted a subject of the import's records meanwhile: %s", local->message);
          g_error_free (local);
          return FALSE;
        }
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
  counts->written = n;

  if (!hcs_pg_exec (stage->pg, SQL_REPORT[stage->table], error))
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
  out->field = TEXT (2);
  out->code = TEXT (3);
  out->message = TEXT (4);
  out->subject_known = g_str_equal (PQgetvalue (page, r, 5), "t");
  out->owner = PQgetisnull (page, r, 6) ? -1 : g_ascii_strtoll (PQgetvalue (page, r, 6), NULL, 10);
  out->value[1] = TEXT (7);
  for (int p = 3; p <= HCS_RECORD_VALUES; p++)
    out->value[p] = TEXT (p + 5);
#undef TEXT
  return 1;
}
