/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 归集: a department file checked row by row, its good rows stored in one
 * transaction with the import's record, rejections and audit entry. The
 * route POST /imports and `hncredit-server import` both call hcs_import_run. */
#define G_LOG_DOMAIN "hcs-import"

#include "config.h"

#include <glib/gi18n.h>
#include <nettle/sha2.h>

#include "hcs-grading.h"
#include "hcs-import-xlsx.h"
#include "hcs-import-private.h"
#include "hcs-mask.h"
#include "hcs-write.h"

G_DEFINE_QUARK (hcs-import-error-quark, hcs_import_error)

void
hcs_import_failure_clear (HcsImportFailure *failure)
{
  g_clear_pointer (&failure->field, g_free);
  g_clear_error (&failure->store_error);
}

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
store_row (Import   *imp,
           GError  **error)
{
  const Kind *kind = imp->kind;
  HcsRecordInsert *insert = imp->insert;
  gint64 subject_id = 0;
  int written;

  /* A big import has the subject from the checker, which found it in
   * memory; a small one without require_subject lets the insert look it
   * up itself. */
  if (imp->subjects != NULL)
    subject_id = imp->row_subject_id;
  else if (imp->require_subject)
    {
      subject_id = hcs_store_imports_subject_id (imp->store, imp->identifier, error);
      if (subject_id < 0)
        return FALSE;
    }
  if (subject_id == 0 && imp->require_subject)
    {
      g_autofree char *message =
        g_strdup_printf (_("No subject with the identifier %s is registered."), imp->identifier);

      return hcs_import_reject (imp, kind->columns[0].key, "unknown_subject", message, error);
    }

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

  written = hcs_store_imports_record_write (imp->store, insert, error);
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
    {
      const Column *number = &kind->columns[kind->number_column];
      const char *value = imp->value[kind->number_column];
      gint64 owner = hcs_store_imports_record_owner (imp->store, kind->table, value, error);
      g_autofree char *message = NULL;

      if (owner < 0)
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
  return FALSE;
}

/* One data row, its values already in imp->value. */
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
static char *
reasons_text (GHashTable *reasons)
{
  g_autoptr(JsonObject) obj = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (reasons), (GCompareFunc) strcmp);

  for (GList *l = keys; l; l = l->next)
    json_object_set_int_member (obj, l->data, GPOINTER_TO_INT (g_hash_table_lookup (reasons, l->data)));
  node = hcs_json_object_node (obj);
  return json_to_string (node, FALSE);
}

static void
import_clear (Import *imp)
{
  g_clear_pointer (&imp->reasons, g_hash_table_unref);
  g_clear_pointer (&imp->rejections, json_array_unref);
  g_clear_pointer (&imp->identifier, g_free);
  g_clear_pointer (&imp->texts, g_ptr_array_unref);
  g_clear_pointer (&imp->subjects, hcs_subject_index_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* Whether to read every registered identifier into memory first (about
 * 0.3 s a million subjects) rather than probe the subjects' index for each
 * row: when the file has rows for more than a sixteenth of the subjects
 * (estimating 64 bytes a row), or there are few subjects. A registration
 * file (登记注册) adds subjects as it goes, so it always probes.
 * HCS_IMPORT_SUBJECTS=memory or sql decides, for measurements. */
static gboolean
want_subject_index (Import  *imp,
                    gsize    text_len,
                    GError **error)
{
  const char *force = g_getenv ("HCS_IMPORT_SUBJECTS");
  gint64 n;

  if (imp->kind->table == HCS_RECORD_SUBJECT)
    return FALSE;
  if (force != NULL && g_str_equal (force, "memory"))
    return TRUE;
  if (force != NULL && g_str_equal (force, "sql"))
    return FALSE;
  n = hcs_store_imports_subject_count (imp->store, error);
  if (n < 0)
    return FALSE;
  return n <= 65536 || (gint64) (text_len / 64) * 16 >= n;
}

static gpointer
store_failed (HcsImportFailure  *failure,
              GError           **local,
              GError           **error)
{
  failure->store_error = g_steal_pointer (local);
  g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_STORE, "%s",
               failure->store_error ? failure->store_error->message : "?");
  return NULL;
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
      /* The subject, found in memory here rather than on the thread that
       * holds the transaction (a tenth of its time, in cache misses). */
      if (!ro.bad && chk->subjects != NULL && chk->value[0] != NULL)
        {
          guint64 name_hash = 0;
          const char *name = chk->value[chk->name_column];

          ro.subject_id = hcs_subject_index_lookup (chk->subjects, chk->value[0], &name_hash);
          ro.other_name = ro.subject_id > 0 && name != NULL && hcs_subject_index_name_hash (name) != name_hash;
        }
      g_array_append_val (batch->rows, ro);

      if (batch->rows->len >= BATCH_ROWS)
        {
          batch->done = csv ? (guint64) (csv->p - csv->start) : next;
          job->next = next;
          chk->batch = NULL;
          return;
        }
    }
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

              if (!hcs_import_reject (imp, p->field, p->code, p->message, error))
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

/* The rows after the header: checked on a second thread while this one
 * stores the good ones, so validation and SQLite run side by side. */
static gboolean
import_rows (Import      *imp,
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
      return ok;
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
  return ok;
}

/* The file's SHA-256 in hex. Nettle uses the CPU's SHA instructions where
 * there are some: four times GLib's speed on a big file. */
static char *
file_sha256 (const char *data,
             gsize       length)
{
  struct sha256_ctx ctx;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *hex = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  sha256_init (&ctx);
  sha256_update (&ctx, length, (const guint8 *) data);
  sha256_digest (&ctx, SHA256_DIGEST_SIZE, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", digest[i]);
  return hex;
}

/* The hash computed on a thread of its own while this one checks the
 * encoding and reads the header: both only read the file. Joined before
 * the transaction, or by the cleanup when the import stops earlier. */
typedef struct
{
  const char *data;
  gsize       length;
  GThread    *thread;
} ShaJob;

static gpointer
sha_job_run (gpointer data)
{
  ShaJob *job = data;

  return file_sha256 (job->data, job->length);
}

static void
sha_job_start (ShaJob     *job,
               const char *data,
               gsize       length)
{
  job->data = data;
  job->length = length;
  job->thread = NULL;
  if (length >= 1024 * 1024 && g_get_num_processors () > 1)   /* else not worth a thread */
    job->thread = g_thread_new ("import-sha256", sha_job_run, job);
}

/* Returns: (transfer full): the file's SHA-256 in hex */
static char *
sha_job_finish (ShaJob *job)
{
  if (job->thread == NULL)
    return file_sha256 (job->data, job->length);
  return g_thread_join (g_steal_pointer (&job->thread));
}

static void
sha_job_clear (ShaJob *job)
{
  if (job->thread != NULL)
    g_free (g_thread_join (g_steal_pointer (&job->thread)));
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ShaJob, sha_job_clear)

static gboolean
only_blank (const char *p,
            const char *end)
{
  for (; p < end; p++)
    if (!g_ascii_isspace (*p) && *p != ',')
      return FALSE;
  return TRUE;
}

/* Foreign key checks off for a big import's transaction, on again once it
 * is over (committed or rolled back): declared before the HcsWrite, so
 * cleaned up after it. */
typedef struct
{
  HcsStore *store;
} ForeignKeysOff;

static void
foreign_keys_off_clear (ForeignKeysOff *off)
{
  g_autoptr(GError) local = NULL;

  if (off->store != NULL && !hcs_store_imports_foreign_keys (off->store, TRUE, &local))
    g_critical ("cannot turn foreign keys on again: %s", local->message);
  off->store = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ForeignKeysOff, foreign_keys_off_clear)

/**
 * hcs_import_run:
 * @data: the file as uploaded
 * @failure: (out caller-allocates): details of a refused import
 *
 * Checks every row and stores the good ones, the import's record, its
 * rejections, the catalog item's collected count and the audit entry in ONE
 * transaction: a crash leaves all of them or none.
 *
 * Returns: (transfer full): the answer {import_id, rows_read, accepted,
 *   rejected, reasons, rejections[…]}; %NULL with HCS_IMPORT_ERROR when the
 *   whole file is refused (nothing written).
 */
JsonObject *
hcs_import_run (HcsStore                *store,
                const HcsImportOptions  *options,
                const char              *data,
                gsize                    length,
                HcsImportFailure        *failure,
                GError                 **error)
{
  g_auto(Import) imp = { 0, };
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) sheet = NULL;
  g_autoptr(GString) scratch = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *sha = NULL;
  g_auto(ShaJob) sha_job = { 0, };
  g_auto(ForeignKeysOff) fk_off = { 0, };
  g_autoptr(HcsWrite) w = NULL;   /* rolls back unless committed */
  g_autofree char *category = NULL;
  g_autofree char *subject_type = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(JsonObject) answer = NULL;
  const char *encoding;
  const char *text = data;
  gsize text_len = length;
  Csv csv = { 0, };
  gint64 started = g_get_monotonic_time ();
  gint64 earlier;
  gint64 last_record = 0;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (options != NULL && options->actor != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (failure != NULL, NULL);

  imp.store = store;
  imp.options = options;
  imp.kind = hcs_import_find_kind (options->kind ? options->kind : "penalty");
  if (imp.kind == NULL)
    {
      g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_INVALID_KIND,
                   _("The kind of records is penalty, license or commitment."));
      return NULL;
    }
  imp.require_subject = imp.kind->subject_required || options->require_subject;
  imp.reasons = g_hash_table_new (g_str_hash, g_str_equal);
  imp.rejections = json_array_new ();

  if (only_blank (data, data + length) ||
      (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 && only_blank (data + 3, data + length)))
    {
      g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  sha_job_start (&sha_job, data, length);

  /* The text: XLSX sheet, UTF-8 or GB18030. */
  if (options->xlsx || hcs_import_xlsx_is_zip (data, length))
    {
      sheet = hcs_import_xlsx_read (data, length, error);
      if (sheet == NULL)
        return NULL;
      imp.from_xlsx = TRUE;
      encoding = "xlsx";
      if (sheet->len == 0)
        {
          g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_EMPTY, _("The file is empty."));
          return NULL;
        }
    }
  else
    {
      gboolean want_gb = options->encoding != NULL &&
                         (g_ascii_strcasecmp (options->encoding, "gb18030") == 0 ||
                          g_ascii_strcasecmp (options->encoding, "gbk") == 0 ||
                          g_ascii_strcasecmp (options->encoding, "gb2312") == 0);

      if (options->encoding != NULL && !want_gb &&
          g_ascii_strcasecmp (options->encoding, "utf-8") != 0 &&
          g_ascii_strcasecmp (options->encoding, "utf8") != 0)
        {
          g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_INVALID_ENCODING,
                       _("The encoding is utf-8 or gb18030."));
          return NULL;
        }
      if (!want_gb && g_utf8_validate_len (data, length, NULL))
        encoding = "utf-8";
      else if (options->encoding != NULL && !want_gb)
        {
          g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_INVALID_ENCODING,
                       _("The file is not valid UTF-8."));
          return NULL;
        }
      else
        {
          gsize written = 0;

          converted = g_convert (data, length, "UTF-8", "GB18030", NULL, &written, NULL);
          if (converted == NULL)
            {
              g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_INVALID_ENCODING,
                           _("The file is neither UTF-8 nor GB18030 text."));
              return NULL;
            }
          text = converted;
          text_len = written;
          encoding = "gb18030";
        }
      if (text_len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
        {
          text += 3;
          text_len -= 3;
          if (g_str_equal (encoding, "utf-8"))
            encoding = "utf-8-bom";
        }
    }

  /* The header. */
  if (sheet != NULL)
    {
      HcsXlsxRow *header = g_ptr_array_index (sheet, 0);
      gboolean any = FALSE;

      if (!hcs_import_map_header (&imp, (const char * const *) header->cells, g_strv_length (header->cells), failure, error))
        return NULL;
      for (guint i = 1; i < sheet->len && !any; i++)
        for (GStrv c = ((HcsXlsxRow *) g_ptr_array_index (sheet, i))->cells; *c && !any; c++)
          any = **c != '\0';
      if (!any)
        {
          g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_NO_ROWS,
                       _("The file has a header but no rows."));
          return NULL;
        }
      imp.row = 1;
    }
  else
    {
      const char *cells[MAX_FIELDS];

      scratch = g_string_sized_new (4096);
      csv.start = csv.p = text;
      csv.end = text + text_len;
      csv.scratch = scratch;
      hcs_import_csv_next (&csv);
      for (guint f = 0; f < MIN (csv.n, MAX_FIELDS); f++)
        cells[f] = csv_field (&csv, f);
      if (!hcs_import_map_header (&imp, cells, MIN (csv.n, MAX_FIELDS), failure, error))
        return NULL;
      if (only_blank (csv.p, csv.end))
        {
          g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_NO_ROWS,
                       _("The file has a header but no rows."));
          return NULL;
        }
      imp.row = 1;
    }

  /* The transaction. */
  sha = sha_job_finish (&sha_job);
  /* A big import reads the registered identifiers once in its transaction
   * and takes subject_id from them: its records' only foreign key. */
  imp.use_subject_index = want_subject_index (&imp, text_len, &local);
  if (local != NULL)
    return store_failed (failure, &local, error);
  if (imp.use_subject_index)
    {
      if (!hcs_store_imports_foreign_keys (store, FALSE, &local))
        return store_failed (failure, &local, error);
      fk_off.store = store;
    }
  if ((w = hcs_write_begin_store (store, &local)) == NULL)
    return store_failed (failure, &local, error);

  if (!hcs_store_imports_item (store, options->item_id, &category, &subject_type, &local))
    {
      if (!g_error_matches (local, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        return store_failed (failure, &local, error);
      g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_INVALID_ITEM,
                   _("There is no catalog item %lld in any catalog version."),
                   (long long) options->item_id);
      return NULL;
    }
  if (!g_str_equal (category, imp.kind->category))
    {
      g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_INVALID_ITEM,
                   _("Catalog item %lld is of the category %s; %s records go to a %s item."),
                   (long long) options->item_id, category, imp.kind->kind, imp.kind->category);
      return NULL;
    }
  imp.natural_persons = g_str_equal (subject_type, "natural_person");
  /* require_subject turns a file of ID numbers into an oracle: each row
   * accepted or rejected as unknown says whether that person is
   * registered, however the numbers are masked in the answer. Only a role
   * that sees the numbers anyway may ask it. */
  if (imp.natural_persons && options->require_subject &&
      (options->actor == NULL || !hcs_mask_role_sees_id_numbers (options->actor->role)))
    {
      g_set_error_literal (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_FORBIDDEN,
                           _("Only an administrator may import people’s records with require_subject: it would "
                             "tell which ID numbers are registered. Import without it."));
      return NULL;
    }

  earlier = hcs_store_imports_find_sha (store, sha, &local);
  if (earlier < 0)
    return store_failed (failure, &local, error);
  if (earlier > 0 && !options->force)
    {
      failure->earlier_import_id = earlier;
      g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_ALREADY_IMPORTED,
                   _("This file was imported before, as import %lld."), (long long) earlier);
      return NULL;
    }

  imp.import_id = hcs_store_imports_insert (store, imp.kind->kind, options->item_id, options->actor->username,
                                            options->file_name, sha, encoding, &local);
  if (imp.import_id > 0 && imp.use_subject_index)
    {
      imp.subjects = hcs_store_imports_subject_index (store, &local);
      if (local != NULL)
        return store_failed (failure, &local, error);
      /* NULL: an identifier too long for it. The rows then look their
       * subject up in SQL, one by one; subject_id still comes from the
       * subjects table of this transaction. */
    }
  for (guint c = 0; c < imp.kind->n_columns; c++)
    if (imp.kind->columns[c].bind == 3)    /* ?3: the record's name */
      imp.name_column = c;
  imp.insert = imp.import_id > 0
    ? hcs_store_imports_record_insert (store, imp.kind->table, !imp.require_subject && imp.subjects == NULL, &local)
    : NULL;
  if (imp.insert != NULL && imp.kind->table != HCS_RECORD_SUBJECT &&
      (last_record = hcs_store_imports_last_record_id (store, imp.kind->table, &local)) < 0)
    return store_failed (failure, &local, error);
  /* The subjects the import registered or brought records of are graded
   * anew, in its transaction. */
  if (imp.insert == NULL ||
      !import_rows (&imp, sheet ? NULL : &csv, sheet, sheet ? sheet->len : (guint64) text_len, &local) ||
      !hcs_grading_regrade_import (store, imp.import_id, &local))
    return store_failed (failure, &local, error);
  /* 重码 among the records it kept, counted once, now. */
  if (imp.kind->table != HCS_RECORD_SUBJECT)
    {
      gint64 n = hcs_store_imports_count_duplicates (store, imp.kind->table, imp.import_id, last_record,
                                                     imp.subjects == NULL,
                                                     imp.subjects == NULL || imp.unregistered_stored > 0, &local);

      if (n < 0)
        return store_failed (failure, &local, error);
      imp.uscc_duplicates += n;
    }

  reasons = reasons_text (imp.reasons);
  answer = json_object_new ();
  json_object_set_int_member (answer, "import_id", imp.import_id);
  json_object_set_string_member (answer, "kind", imp.kind->kind);
  json_object_set_int_member (answer, "item_id", options->item_id);
  json_object_set_string_member (answer, "file_name", options->file_name ? options->file_name : "");
  json_object_set_string_member (answer, "file_sha256", sha);
  json_object_set_string_member (answer, "encoding", encoding);
  json_object_set_int_member (answer, "rows_read", imp.rows_read);
  json_object_set_int_member (answer, "accepted", imp.accepted);
  json_object_set_int_member (answer, "rejected", imp.rejected);
  json_object_set_int_member (answer, "uscc_errors", imp.uscc_errors);
  json_object_set_int_member (answer, "uscc_duplicates", imp.uscc_duplicates);
  json_object_set_int_member (answer, "other_errors", imp.other_errors);
  json_object_set_member (answer, "reasons", json_from_string (reasons, NULL));
  json_object_set_int_member (answer, "duration_ms", (g_get_monotonic_time () - started) / 1000);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, imp.import_id);

  if (!hcs_store_imports_finish (store, imp.import_id, imp.rows_read, imp.accepted, imp.rejected,
                                 imp.uscc_errors, imp.uscc_duplicates, imp.other_errors,
                                 json_object_get_int_member (answer, "duration_ms"), reasons, sha, &local) ||
      !hcs_store_imports_add_collected (store, options->item_id, imp.accepted, &local) ||
      !hcs_write_commit_as (w, options->actor, "import.create", "import", id_text, NULL, answer, &local))
    return store_failed (failure, &local, error);

  json_object_set_boolean_member (answer, "rejections_truncated",
                                  imp.n_rejections > (gint64) json_array_get_length (imp.rejections));
  json_object_set_array_member (answer, "rejections", g_steal_pointer (&imp.rejections));
  return g_steal_pointer (&answer);
}
