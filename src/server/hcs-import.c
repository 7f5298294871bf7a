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
  g_clear_pointer (&imp->deferred, hcs_deferred_indexes_free);
  g_clear_pointer (&imp->insert, hcs_record_insert_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* Whether to read every registered identifier into memory first (about
 * 0.3 s a million subjects) rather than probe the subjects' index for each
 * row: when the file has rows for more than a sixteenth of the subjects
 * (estimating 64 bytes a row), or there are few subjects. A registration
 * file (登记注册) adds subjects as it goes, so it always probes; staged
 * rows (PostgreSQL) find their subjects in one join.
 * HCS_IMPORT_SUBJECTS=memory or sql decides, for measurements. */
static gboolean
want_subject_index (Import  *imp,
                    gsize    text_len,
                    GError **error)
{
  const char *force = g_getenv ("HCS_IMPORT_SUBJECTS");
  gint64 n;

  if (imp->kind->table == HCS_RECORD_SUBJECT || hcs_store_imports_stages_rows (imp->store))
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

/* Whether a big import drops its table's own indexes (an entry per record
 * at a random place, half of its B-tree work) and builds them again, in
 * one sort, once its rows are in: when the file has at least as many rows
 * as the table had records (its largest id) and at least
 * DEFER_INDEXES_MIN_ROWS, below which the schema change (every connection
 * prepares its statements again) is not worth it. Rows by lines of the
 * CSV (a quoted line break counts twice: an estimate) or of the sheet,
 * counted only as far as needed. HCS_IMPORT_INDEXES=defer or keep
 * decides, for measurements and tests. */
#define DEFER_INDEXES_MIN_ROWS 65536

static gboolean
want_deferred_indexes (Import          *imp,
                       const Csv       *csv,
                       const GPtrArray *sheet,
                       gint64           last_record)
{
  const char *force = g_getenv ("HCS_IMPORT_INDEXES");
  gint64 need = MAX (DEFER_INDEXES_MIN_ROWS, last_record);
  gint64 rows = 0;

  if (imp->kind->table == HCS_RECORD_SUBJECT || hcs_record_insert_stages (imp->insert))
    return FALSE;
  if (force != NULL && g_str_equal (force, "defer"))
    return TRUE;
  if (force != NULL && g_str_equal (force, "keep"))
    return FALSE;
  if (sheet != NULL)
    return (gint64) sheet->len - 1 >= need;
  for (const char *p = csv->p; p != NULL && p < csv->end && rows < need; rows++)
    {
      p = memchr (p, '\n', csv->end - p);
      if (p != NULL)
        p++;
    }
  return rows >= need;
}

/* The registered identifiers, in the import's transaction, when it wants
 * them (imp->use_subject_index). imp->subjects stays NULL when an
 * identifier is too long for the index: the rows then look their subject
 * up in SQL, one by one; subject_id still comes from the subjects table of
 * this transaction. */
static gboolean
read_subject_index (Import  *imp,
                    GError **error)
{
  GError *local = NULL;

  if (!imp->use_subject_index)
    return TRUE;
  imp->subjects = hcs_store_imports_subject_index (imp->store, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
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
  gboolean    validate;   /* the thread checks the UTF-8 too */
  gboolean    valid;
} ShaJob;

static gpointer
sha_job_run (gpointer data)
{
  ShaJob *job = data;
  char *sha = file_sha256 (job->data, job->length);

  if (job->validate)
    job->valid = g_utf8_validate_len (job->data, job->length, NULL);
  return sha;
}

/* Whether a file this long gets a thread of its own */
static gboolean
sha_job_threaded (gsize length)
{
  return length >= 1024 * 1024 && g_get_num_processors () > 1;   /* else not worth a thread */
}

static void
sha_job_start (ShaJob     *job,
               const char *data,
               gsize       length,
               gboolean    validate)
{
  job->data = data;
  job->length = length;
  job->thread = NULL;
  job->validate = validate;
  if (sha_job_threaded (length))
    job->thread = g_thread_new ("import-sha256", sha_job_run, job);
}

/* Returns: (transfer full): the file's SHA-256 in hex; in @valid whether
 * it is UTF-8, if the job was to check */
static char *
sha_job_finish (ShaJob   *job,
                gboolean *valid)
{
  char *sha;

  if (job->thread == NULL)
    {
      if (job->validate)
        job->valid = g_utf8_validate_len (job->data, job->length, NULL);
      sha = file_sha256 (job->data, job->length);
    }
  else
    sha = g_thread_join (g_steal_pointer (&job->thread));
  if (valid != NULL)
    *valid = job->valid;
  return sha;
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

/* The import's transaction; before it, when the import takes subject_id
 * from the registered identifiers it reads (imp->use_subject_index), the
 * foreign key checks off: its records' only foreign key. */
static HcsWrite *
begin_transaction (Import          *imp,
                   ForeignKeysOff  *fk_off,
                   GError         **error)
{
  if (imp->use_subject_index)
    {
      if (!hcs_store_imports_foreign_keys (imp->store, FALSE, error))
        return NULL;
      fk_off->store = imp->store;
    }
  return hcs_write_begin_store (imp->store, error);
}

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
  gboolean is_xlsx;
  gboolean early = FALSE;   /* transaction and identifiers while the file is checked */
  gboolean valid = FALSE;
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

  /* A big CSV file whose rows take their subjects from the registered
   * identifiers read into memory (want_subject_index(), from the file's
   * length) begins its transaction and reads them now, while the thread
   * that hashes the file also checks its UTF-8: the two took 0.7 s and
   * 0.3 s one after the other for a million rows. The refusals below come
   * in the same order; a refused file rolls the transaction back. */
  is_xlsx = options->xlsx || hcs_import_xlsx_is_zip (data, length);
  if (!is_xlsx && sha_job_threaded (length))
    {
      early = want_subject_index (&imp, length, &local);
      if (local != NULL)
        return store_failed (failure, &local, error);
    }
  sha_job_start (&sha_job, data, length, early);
  if (early)
    {
      imp.use_subject_index = TRUE;
      if ((w = begin_transaction (&imp, &fk_off, &local)) == NULL ||
          !read_subject_index (&imp, &local))
        return store_failed (failure, &local, error);
    }

  /* The text: XLSX sheet, UTF-8 or GB18030. */
  if (is_xlsx)
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
      if (early)
        sha = sha_job_finish (&sha_job, &valid);
      else
        valid = !want_gb && g_utf8_validate_len (data, length, NULL);
      if (!want_gb && valid)
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
  if (sha == NULL)
    sha = sha_job_finish (&sha_job, NULL);
  /* A big import reads the registered identifiers once in its transaction
   * and takes subject_id from them: its records' only foreign key. */
  if (!early)
    {
      imp.use_subject_index = want_subject_index (&imp, text_len, &local);
      if (local != NULL || (w = begin_transaction (&imp, &fk_off, &local)) == NULL)
        return store_failed (failure, &local, error);
    }

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
  if (imp.import_id > 0 && !early && !read_subject_index (&imp, &local))
    return store_failed (failure, &local, error);
  for (guint c = 0; c < imp.kind->n_columns; c++)
    if (imp.kind->columns[c].bind == 3)    /* ?3: the record's name */
      imp.name_column = c;
  imp.insert = imp.import_id > 0
    ? hcs_store_imports_record_insert (store, imp.kind->table, imp.import_id, options->item_id,
                                       !imp.require_subject && imp.subjects == NULL, imp.require_subject, &local)
    : NULL;
  if (imp.insert != NULL && imp.kind->table != HCS_RECORD_SUBJECT &&
      (last_record = hcs_store_imports_last_record_id (store, imp.kind->table, &local)) < 0)
    return store_failed (failure, &local, error);
  if (imp.insert != NULL && want_deferred_indexes (&imp, &csv, sheet, last_record) &&
      (imp.deferred = hcs_store_imports_defer_indexes (store, imp.kind->table, &local)) == NULL)
    return store_failed (failure, &local, error);
  /* The subjects the import registered or brought records of are graded
   * anew, in its transaction, once the indexes dropped are there again. */
  if (imp.insert == NULL ||
      !hcs_import_rows (&imp, sheet ? NULL : &csv, sheet, sheet ? sheet->len : (guint64) text_len, &local) ||
      (imp.deferred != NULL && !hcs_store_imports_rebuild_indexes (store, imp.deferred, &local)) ||
      !hcs_grading_regrade_import (store, imp.import_id, &local))
    return store_failed (failure, &local, error);
  /* 重码 among the records it kept, counted once, now. */
  if (imp.kind->table != HCS_RECORD_SUBJECT)
    {
      gboolean counted = imp.subjects != NULL || imp.registered_duplicates_counted;
      gint64 n = hcs_store_imports_count_duplicates (store, imp.kind->table, imp.import_id, last_record,
                                                     !counted, !counted || imp.unregistered_stored > 0, &local);

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
