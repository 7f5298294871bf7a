/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 归集, the rows after the header: checked in batches (on a second thread
 * when there are two processors) and the good ones stored by the thread
 * that holds the import's transaction, where duplicates and unknown
 * subjects are found. hcs_import_run (hcs-import.c) calls hcs_import_rows. */
#define G_LOG_DOMAIN "hcs-import"

#include "config.h"

#include <glib/gi18n.h>

#include "hcs-import-xlsx.h"
#include "hcs-import-private.h"

/* A registration row whose code is registered already (by an earlier
 * import or earlier in this file, @owner): under another name it names a
 * second subject, 重码 in the USCC rate; under the same name it is a
 * repeated row. */
static gboolean
reject_registered (Import   *imp,
                   gint64    owner,
                   GError  **error)
{
  const Column *number = &imp->kind->columns[imp->kind->number_column];
  const char *value = imp->value[imp->kind->number_column];
  const char *name = imp->value[1];
  g_autofree char *registered = NULL;
  g_autofree char *message = NULL;
  GError *local = NULL;

  registered = hcs_store_imports_subject_name (imp->store, value, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (registered != NULL && g_strcmp0 (registered, name) != 0)
    {
      imp->row_uscc_duplicate = TRUE;
      if (owner == imp->import_id)
        /* TRANSLATORS: 重码 in a registration file: the column's label, the code, the two names */
        message = g_strdup_printf (_("%s %s appears earlier in this file under the name “%s”; this row names “%s” (重码)."),
                                   number->label, value, registered, name);
      else
        /* TRANSLATORS: 重码 in a registration file: the column's label, the code, the two names */
        message = g_strdup_printf (_("%s %s is registered under the name “%s”; this row names “%s” (重码)."),
                                   number->label, value, registered, name);
      return hcs_import_reject (imp, number->key, "uscc_duplicate", message, error);
    }
  if (owner == imp->import_id)
    {
      message = g_strdup_printf (_("%s %s appears earlier in this file."), number->label, value);
      return hcs_import_reject (imp, number->key, "duplicate_in_file", message, error);
    }
  message = g_strdup_printf (_("%s %s is already in the database."), number->label, value);
  return hcs_import_reject (imp, number->key, "duplicate", message, error);
}

static gboolean
reject_unknown_subject (Import  *imp,
                        GError **error)
{
  g_autofree char *message =
    g_strdup_printf (_("No subject with the identifier %s is registered."), imp->identifier);

  return hcs_import_reject (imp, imp->kind->columns[0].key, "unknown_subject", message, error);
}

/* A good row not written: its number is there already, brought by an
 * earlier import or earlier in this file (@owner, the import of the record
 * that has it; -1: to be looked up). */
static gboolean
reject_not_written (Import  *imp,
                    gint64   owner,
                    GError **error)
{
  const Kind *kind = imp->kind;
  const Column *number = &kind->columns[kind->number_column];
  const char *value = imp->value[kind->number_column];
  g_autofree char *message = NULL;

  if (owner < 0 && (owner = hcs_store_imports_record_owner (imp->store, kind->table, value, error)) < 0)
    return FALSE;
  if (kind->table == HCS_RECORD_SUBJECT)
    return reject_registered (imp, owner, error);
  if (owner == imp->import_id)
    {
      message = g_strdup_printf (_("%s %s appears earlier in this file."), number->label, value);
      return hcs_import_reject (imp, number->key, "duplicate_in_file", message, error);
    }
  if (owner == 0)
    message = g_strdup_printf (_("%s %s is already in the database."), number->label, value);
  else
    message = g_strdup_printf (_("%s %s is already in the database (import %lld)."),
                               number->label, value, (long long) owner);
  return hcs_import_reject (imp, number->key, "duplicate", message, error);
}

/* Writes the good row in imp->value, or stages it (then its subject,
 * duplicates and count are found at the end, write_staged()). */
static gboolean
store_row (Import   *imp,
           GError  **error)
{
  const Kind *kind = imp->kind;
  HcsRecordInsert *insert = imp->insert;
  gboolean staged = hcs_record_insert_stages (insert);
  gint64 subject_id = 0;
  int written;

  /* A big import has the subject from the checker, which found it in
   * memory; a small one without require_subject lets the insert look it
   * up itself. */
  if (imp->subjects != NULL)
    subject_id = imp->row_subject_id;
  else if (imp->require_subject && !staged)
    {
      subject_id = hcs_store_imports_subject_id (imp->store, imp->identifier, error);
      if (subject_id < 0)
        return FALSE;
    }
  if (subject_id == 0 && imp->require_subject && !staged)
    return reject_unknown_subject (imp, error);

  for (guint i = 0; i < kind->n_columns; i++)
    {
      const Column *col = &kind->columns[i];

      if (imp->value[i] == NULL)
        {
          if (col->type == COL_AMOUNT)
            hcs_record_insert_bind_int (insert, col->bind, 0);
          else if (col->type == COL_CODE)
            hcs_record_insert_bind_text (insert, col->bind, col->codes[0].key);
          else
            hcs_record_insert_bind_null (insert, col->bind);
        }
      else if (col->type == COL_AMOUNT)
        hcs_record_insert_bind_double (insert, col->bind, imp->amount);
      else
        hcs_record_insert_bind_text (insert, col->bind, imp->value[i]);
    }
  if (subject_id > 0)
    hcs_record_insert_bind_int (insert, 2, subject_id);
  else if (imp->subjects != NULL)
    hcs_record_insert_bind_null (insert, 2);
  hcs_record_insert_bind_int (insert, 20, imp->options->item_id);
  hcs_record_insert_bind_int (insert, 21, imp->import_id);

  written = hcs_store_imports_record_write (imp->store, insert, imp->row, error);
  if (written == HCS_RECORD_STAGED)
    return TRUE;
  if (written > 0)
    {
      /* 重码 of a registered code, counted here from the names read with
       * the identifiers (else by hcs_store_imports_count_duplicates). */
      if (subject_id > 0 && imp->subjects != NULL && imp->row_other_name)
        imp->uscc_duplicates++;
      if (subject_id == 0)
        imp->unregistered_stored++;
      imp->accepted++;
      return TRUE;
    }
  if (written == 0)
    return reject_not_written (imp, -1, error);
  return FALSE;
}

/* The consumer's bookkeeping of a row once its rejections are recorded. */
static void
count_row (Import *imp)
{
  if (!imp->row_bad)
    return;
  imp->rejected++;
  if (imp->row_uscc_bad)
    imp->uscc_errors++;
  else if (imp->row_uscc_duplicate)
    imp->uscc_duplicates++;
  else
    imp->other_errors++;
}

static void
field_count_mismatch (Import *chk,
                      guint   n)
{
  g_autofree char *message =
    g_strdup_printf (_("The row has %u fields; the header has %u."), n, chk->n_file_columns);

  hcs_import_reject (chk, NULL, "field_count", message, NULL);
}

static Batch *
batch_new (void)
{
  Batch *b = g_new0 (Batch, 1);

  b->arena = g_string_sized_new (BATCH_ROWS * 160);
  b->rows = g_array_sized_new (FALSE, FALSE, sizeof (RowOut), BATCH_ROWS);
  b->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  return b;
}

static void
batch_reset (Batch *b)
{
  for (guint i = 0; i < b->pending->len; i++)
    g_free (g_array_index (b->pending, Pending, i).message);
  g_array_set_size (b->pending, 0);
  g_array_set_size (b->rows, 0);
  g_string_truncate (b->arena, 0);
  b->done = 0;
  b->last = FALSE;
}

static void
batch_free (Batch *b)
{
  batch_reset (b);
  g_string_free (b->arena, TRUE);
  g_array_unref (b->rows);
  g_array_unref (b->pending);
  g_free (b);
}

typedef struct
{
  Import       chk;       /* the checker's copy: kind, map, row state */
  Csv         *csv;
  GPtrArray   *sheet;
  GAsyncQueue *full;
  GAsyncQueue *empty;
  gint         cancel;
  guint        next;      /* XLSX: the next sheet row */
} CheckJob;

/* The subject of each good row of @batch, found in memory here rather
 * than on the thread that holds the transaction (a tenth of its time, in
 * cache misses), the batch's rows together (hcs_subject_index_lookup_many()). */
static void
find_subjects (Import *chk,
               Batch  *batch)
{
  g_autofree const char **identifiers = NULL;
  g_autofree guint *row = NULL;
  g_autofree gint64 *ids = NULL;
  g_autofree guint64 *name_hashes = NULL;
  gsize n = 0;

  if (chk->subjects == NULL)
    return;
  identifiers = g_new (const char *, batch->rows->len);
  row = g_new (guint, batch->rows->len);
  for (guint i = 0; i < batch->rows->len; i++)
    {
      RowOut *ro = &g_array_index (batch->rows, RowOut, i);

      if (!ro->bad && ro->value[0] >= 0)
        {
          identifiers[n] = batch->arena->str + ro->value[0];
          row[n++] = i;
        }
    }
  ids = g_new (gint64, n);
  name_hashes = g_new (guint64, n);
  hcs_subject_index_lookup_many (chk->subjects, identifiers, n, ids, name_hashes);
  for (gsize k = 0; k < n; k++)
    {
      RowOut *ro = &g_array_index (batch->rows, RowOut, row[k]);
      gssize name = ro->value[chk->name_column];

      ro->subject_id = ids[k];
      ro->other_name = ids[k] > 0 && name >= 0 &&
                       hcs_subject_index_name_hash (batch->arena->str + name) != name_hashes[k];
    }
}

/* Reads the next rows after the header (CSV text or XLSX sheet) into
 * @batch, checking each, up to BATCH_ROWS or the end (then batch->last). */
static void
check_batch (CheckJob *job,
             Batch    *batch)
{
  Import *chk = &job->chk;
  Csv *csv = job->csv;
  GPtrArray *sheet = job->sheet;
  guint next = job->next;

  chk->batch = batch;
  for (;;)
    {
      RowOut ro = { 0, };
      gboolean mismatch = FALSE;
      guint n;

      for (guint c = 0; c < chk->kind->n_columns; c++)
        chk->value[c] = NULL;
      if (sheet != NULL)
        {
          HcsXlsxRow *r;

          if (next >= sheet->len)
            break;
          r = g_ptr_array_index (sheet, next++);
          chk->row = r->number;
          n = g_strv_length (r->cells);
          if (n == 0)
            continue;
          for (guint f = 0; f < MIN (n, MAX_FIELDS); f++)
            if (chk->map[f] >= 0)
              chk->value[chk->map[f]] = r->cells[f];
          for (guint f = chk->n_file_columns; f < n; f++)
            mismatch |= r->cells[f][0] != '\0';
        }
      else
        {
          if (!hcs_import_csv_next (csv))
            break;
          chk->row++;
          n = csv->n;
          if (n == 1 && csv->len[0] == 0)
            continue;    /* a blank line */
          mismatch = n != chk->n_file_columns;
          if (!mismatch)
            for (guint f = 0; f < MIN (n, MAX_FIELDS); f++)
              if (chk->map[f] >= 0)
                chk->value[chk->map[f]] = csv_field (csv, f);
        }

      ro.row = chk->row;
      ro.first_pending = batch->pending->len;
      chk->row_bad = FALSE;
      if (mismatch)
        field_count_mismatch (chk, n);
      else
        hcs_import_check_row (chk, NULL);
      ro.bad = chk->row_bad;
      ro.amount = chk->amount;
      ro.n_pending = batch->pending->len - ro.first_pending;
      for (guint c = 0; c < chk->kind->n_columns; c++)
        {
          ro.value[c] = -1;
          if (!ro.bad && chk->value[c] != NULL)
            {
              ro.value[c] = (gssize) batch->arena->len;
              scratch_add (batch->arena, chk->value[c], strlen (chk->value[c]), TRUE);
            }
        }
      g_array_append_val (batch->rows, ro);

      if (batch->rows->len >= BATCH_ROWS)
        {
          find_subjects (chk, batch);
          batch->done = csv ? (guint64) (csv->p - csv->start) : next;
          job->next = next;
          chk->batch = NULL;
          return;
        }
    }
  find_subjects (chk, batch);
  batch->done = csv ? (guint64) (csv->p - csv->start) : next;
  batch->last = TRUE;
  job->next = next;
  chk->batch = NULL;
  g_clear_pointer (&chk->identifier, g_free);
  g_clear_pointer (&chk->texts, g_ptr_array_unref);
}

/* The checker thread: batch after batch until the last or a cancel. */
static gpointer
check_rows (gpointer data)
{
  CheckJob *job = data;

  for (;;)
    {
      Batch *batch = g_async_queue_pop (job->empty);
      gboolean last;

      if (g_atomic_int_get (&job->cancel))
        {
          batch->last = TRUE;
          g_async_queue_push (job->full, batch);
          break;
        }
      check_batch (job, batch);
      last = batch->last;
      g_async_queue_push (job->full, batch);
      if (last)
        break;
    }
  g_clear_pointer (&job->chk.identifier, g_free);
  g_clear_pointer (&job->chk.texts, g_ptr_array_unref);
  return NULL;
}

/* Whether to check on a second thread while this one stores: unless there
 * is one processor only. Measured on 2 busy cores (load 5), best of three:
 * the thread 3.2 s, inline 4.7 s for a million rows, for 5 % more CPU time
 * (bench/README-import.md). HCS_IMPORT_CHECKER=thread or inline decides,
 * for such measurements. */
static gboolean
use_checker_thread (void)
{
  const char *force = g_getenv ("HCS_IMPORT_CHECKER");

  if (force != NULL && g_str_equal (force, "thread"))
    return TRUE;
  if (force != NULL && g_str_equal (force, "inline"))
    return FALSE;
  return g_get_num_processors () > 1;
}

/* Records one batch's rows: the checker's rejections, and the good rows
 * stored (where duplicates and unknown subjects are found). */
static gboolean
consume_batch (Import   *imp,
               Batch    *b,
               GError  **error)
{
  gboolean staged = hcs_record_insert_stages (imp->insert);

  for (guint i = 0; i < b->rows->len; i++)
    {
      RowOut *ro = &g_array_index (b->rows, RowOut, i);
      gboolean ok;

      imp->rows_read++;
      imp->row = ro->row;
      imp->row_bad = FALSE;
      imp->row_uscc_bad = FALSE;
      imp->row_uscc_duplicate = FALSE;
      if (ro->bad)
        {
          for (guint k = 0; k < ro->n_pending; k++)
            {
              Pending *p = &g_array_index (b->pending, Pending, ro->first_pending + k);

              /* staged: reported at the end, in order with the rows not written */
              if (staged ? !hcs_store_imports_record_stage_rejection (imp->store, imp->insert, imp->row, p->field,
                                                                       p->code, p->message, error)
                         : !hcs_import_reject (imp, p->field, p->code, p->message, error))
                return FALSE;
            }
          count_row (imp);
          continue;
        }
      for (guint c = 0; c < imp->kind->n_columns; c++)
        imp->value[c] = ro->value[c] < 0 ? NULL : b->arena->str + ro->value[c];
      imp->amount = ro->amount;
      imp->row_subject_id = ro->subject_id;
      imp->row_other_name = ro->other_name;
      imp->identifier = (char *) imp->value[0];
      ok = store_row (imp, error);
      imp->identifier = NULL;
      if (!ok)
        return FALSE;
      count_row (imp);
    }
  return TRUE;
}

/* Staged rows (PostgreSQL): written now in one insert; then the checks'
 * rejections and the good rows that were not written, in the file's order,
 * reported as row by row (same codes, messages and counts). A row not
 * written is judged as store_row() judges one whose insert wrote nothing:
 * its number's owner is the same now as it was when its turn came, the
 * earlier import or this one (the first row of the file that has it). */
static gboolean
write_staged (Import  *imp,
              GError **error)
{
  HcsStagedRow r;
  HcsStagedCounts counts = { 0, };
  gint64 current = -1;
  int rc;

  if (!hcs_store_imports_record_finish (imp->store, imp->insert, &counts, error))
    return FALSE;
  imp->accepted += counts.written;
  /* 重码 of registered codes, counted by the check of the staged rows
   * (else by hcs_store_imports_count_duplicates, a join of the import's
   * records with their subjects) */
  if (imp->kind->table != HCS_RECORD_SUBJECT)
    {
      imp->uscc_duplicates += counts.other_name;
      imp->unregistered_stored += counts.unregistered;
      imp->registered_duplicates_counted = TRUE;
    }
  while ((rc = hcs_store_imports_record_next (imp->store, imp->insert, &r, error)) > 0)
    {
      gboolean ok;

      if (r.row != current)
        {
          if (current >= 0)
            count_row (imp);
          current = imp->row = r.row;
          imp->row_bad = FALSE;
          imp->row_uscc_bad = FALSE;
          imp->row_uscc_duplicate = FALSE;
        }
      if (r.code != NULL)
        {
          /* the reasons' table keeps its codes without a copy */
          if (!hcs_import_reject (imp, r.field, g_intern_string (r.code), r.message, error))
            return FALSE;
          continue;
        }
      for (guint c = 0; c < imp->kind->n_columns; c++)
        imp->value[c] = r.value[imp->kind->columns[c].bind];
      imp->identifier = (char *) imp->value[0];
      if (imp->require_subject && !r.subject_known)
        ok = reject_unknown_subject (imp, error);
      else
        ok = reject_not_written (imp, r.owner, error);
      imp->identifier = NULL;
      if (!ok)
        return FALSE;
    }
  if (rc < 0)
    return FALSE;
  if (current >= 0)
    count_row (imp);
  return TRUE;
}

/* The rows after the header: checked on a second thread while this one
 * stores the good ones, so validation and SQLite run side by side. */
gboolean
hcs_import_rows (Import      *imp,
                 Csv         *csv,
                 GPtrArray   *sheet,
                 guint64      total,
                 GError     **error)
{
  const HcsImportOptions *o = imp->options;
  CheckJob job = { 0, };
  GThread *thread;
  gboolean ok = TRUE;
  Batch *b;

  job.chk.kind = imp->kind;
  job.chk.natural_persons = imp->natural_persons;
  job.chk.from_xlsx = imp->from_xlsx;
  job.chk.row = imp->row;
  job.chk.n_file_columns = imp->n_file_columns;
  job.chk.subjects = imp->subjects;        /* read only, built before the thread starts */
  job.chk.name_column = imp->name_column;
  memcpy (job.chk.map, imp->map, sizeof imp->map);
  job.csv = csv;
  job.sheet = sheet;
  job.next = 1;

  if (!use_checker_thread ())
    {
      b = batch_new ();
      for (;;)
        {
          check_batch (&job, b);
          ok = consume_batch (imp, b, error);
          if (ok && o->progress != NULL)
            o->progress (b->last ? total : b->done, total, imp->rows_read, o->progress_data);
          if (b->last || !ok)
            break;
          batch_reset (b);
        }
      batch_free (b);
      g_clear_pointer (&job.chk.identifier, g_free);
      g_clear_pointer (&job.chk.texts, g_ptr_array_unref);
      return ok && (!hcs_record_insert_stages (imp->insert) || write_staged (imp, error));
    }

  job.full = g_async_queue_new ();
  job.empty = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (job.empty, batch_new ());

  thread = g_thread_new ("import-check", check_rows, &job);
  for (;;)
    {
      gboolean last;

      b = g_async_queue_pop (job.full);
      if (ok && !consume_batch (imp, b, error))
        {
          ok = FALSE;
          g_atomic_int_set (&job.cancel, 1);
        }
      if (ok && o->progress != NULL)
        o->progress (b->last ? total : b->done, total, imp->rows_read, o->progress_data);
      last = b->last;
      batch_reset (b);
      g_async_queue_push (job.empty, b);
      if (last)
        break;
    }
  g_thread_join (thread);
  while ((b = g_async_queue_try_pop (job.empty)) != NULL)
    batch_free (b);
  g_async_queue_unref (job.full);
  g_async_queue_unref (job.empty);
  return ok && (!hcs_record_insert_stages (imp->insert) || write_staged (imp, error));
}
