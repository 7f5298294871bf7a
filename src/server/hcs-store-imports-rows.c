/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL of 归集, an import's rows: the subjects they name, the record
 * inserts, who owns a record number, and the 重码 counted once the rows
 * are in. The imports themselves, their rejections and quality are in
 * hcs-store-imports.c. */
#define G_LOG_DOMAIN "hcs-store-imports"

#include "config.h"

#include <stdlib.h>
#include <sys/mman.h>

#include "hcs-store-imports.h"
#include "hcs-store-pg.h"
#include "hcs-store-private.h"

static const char SQL_SUBJECT_ID[] = "SELECT id FROM subjects WHERE identifier = ?1";

/* Returns: the subject's id, 0 when unknown, -1 on error */
gint64
hcs_store_imports_subject_id (HcsStore    *store,
                              const char  *identifier,
                              GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_SUBJECT_ID, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  hcs_stmt_bind_text_static (stmt, 1, identifier);
  rc = hcs_store_step (store, stmt, error);
  if (rc < 0)
    return -1;
  if (rc == HCS_STMT_ROW)
    id = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  return id;
}

static const char SQL_SUBJECT_NAME[] = "SELECT name FROM subjects WHERE identifier = ?1";

/* Returns: (transfer full) (nullable): the name @identifier is registered
 *   under, %NULL when it is not registered or on error (then @error is set) */
char *
hcs_store_imports_subject_name (HcsStore    *store,
                                const char  *identifier,
                                GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_SUBJECT_NAME, error);
  char *name = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_text_static (stmt, 1, identifier);
  rc = hcs_store_step (store, stmt, error);
  if (rc == HCS_STMT_ROW)
    name = g_strdup (hcs_stmt_column_text (stmt, 0));
  hcs_stmt_reset (stmt);
  return name;
}

/* 重码 of one import's records (see schema/import-duplicates.sql). The
 * import's records are those of import ?1 with an id above ?2, the table's
 * last id before the import: a range of the primary key, not a scan. */
#define DUPLICATE_SQL(table) \
  { "SELECT coalesce (max (id), 0) FROM " table, \
    "SELECT count(*) FROM " table " r JOIN subjects s ON s.id = r.subject_id" \
    " WHERE r.id > ?2 AND r.import_id = ?1 AND r.name <> s.name", \
    "INSERT OR IGNORE INTO uscc_first_names (uscc, name) SELECT uscc, name FROM " table \
    " WHERE id > ?2 AND import_id = ?1 AND subject_id IS NULL ORDER BY uscc, id", \
    "SELECT count(*) FROM " table " r JOIN uscc_first_names f ON f.uscc = r.uscc" \
    " WHERE r.id > ?2 AND r.import_id = ?1 AND r.subject_id IS NULL AND r.name <> f.name" }

static const char *const duplicate_sql[][4] = {
  DUPLICATE_SQL ("penalties"),
  DUPLICATE_SQL ("licenses"),
  DUPLICATE_SQL ("commitments"),
};

/* Over PostgreSQL, the last id the table's identity has given (at least
 * its last record's): a read of the sequence, which locks none of the
 * table's partitions. max (id) locked every one (ACCESS SHARE, to the
 * import's commit), and a partition the import makes apart, on a second
 * connection (hcs_pg_partitions_for_months()), could then not be attached
 * until the import itself ended. */
#define LAST_ID_SQL_PG(table) \
  "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM " table "_id_seq"

static const char *const last_id_sql_pg[] = {
  LAST_ID_SQL_PG ("penalties"),
  LAST_ID_SQL_PG ("licenses"),
  LAST_ID_SQL_PG ("commitments"),
};

/* Returns: an id below every record an import adds to @table from now: its
 * last record's (0 when empty), or over PostgreSQL the last its identity
 * gave; -1 on error */
gint64
hcs_store_imports_last_record_id (HcsStore        *store,
                                  HcsRecordTable   table,
                                  GError         **error)
{
  HcsStmt *stmt;
  gint64 id = -1;

  g_return_val_if_fail (table < HCS_RECORD_SUBJECT, -1);
  if ((stmt = hcs_store_prepare (store, hcs_store_is_pg (store) ? last_id_sql_pg[table] : duplicate_sql[table][0],
                                 error)) == NULL)
    return -1;
  if (hcs_store_step (store, stmt, error) == HCS_STMT_ROW)
    id = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  return id;
}

static gint64
count_of (HcsStore     *store,
          const char   *sql,
          gint64        import_id,
          gint64        after_id,
          GError      **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, sql, error);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  hcs_stmt_bind_int64 (stmt, 1, import_id);
  hcs_stmt_bind_int64 (stmt, 2, after_id);
  if (hcs_store_step (store, stmt, error) == HCS_STMT_ROW)
    n = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  return n;
}

/**
 * hcs_store_imports_count_duplicates:
 * @after_id: the last id of @table before the import's records
 *
 * Counts the import's 重码: its records whose well-formed code is
 * registered under another name (unless not @count_registered: a big
 * import counts those as it stores them, from the names it read with the
 * identifiers, see hcs_store_imports_subject_index(); the join here reads
 * a random page of the subjects a record), or, not registered, was first
 * brought under another name; and keeps the first name of each
 * unregistered code the import brought first (@any_unregistered %FALSE:
 * the caller knows every record it stored has a registered subject).
 *
 * Returns: the count, -1 on error
 */
gint64
hcs_store_imports_count_duplicates (HcsStore        *store,
                                    HcsRecordTable   table,
                                    gint64           import_id,
                                    gint64           after_id,
                                    gboolean         count_registered,
                                    gboolean         any_unregistered,
                                    GError         **error)
{
  HcsStmt *stmt;
  gint64 registered = 0, unregistered;

  g_return_val_if_fail (table < HCS_RECORD_SUBJECT, -1);
  if (count_registered &&
      (registered = count_of (store, duplicate_sql[table][1], import_id, after_id, error)) < 0)
    return -1;
  /* Every record of a registered subject: no first names to keep or
   * compare (and no scan of the import's records to find none). */
  if (!any_unregistered)
    return registered;
  if ((stmt = hcs_store_prepare (store, duplicate_sql[table][2], error)) == NULL)
    return -1;
  hcs_stmt_bind_int64 (stmt, 1, import_id);
  hcs_stmt_bind_int64 (stmt, 2, after_id);
  if (!hcs_store_step_done (store, stmt, error) ||
      (unregistered = count_of (store, duplicate_sql[table][3], import_id, after_id, error)) < 0)
    return -1;
  return registered + unregistered;
}

/* An estimate of the subjects registered (the largest id: no count walk). */
static const char SQL_SUBJECT_COUNT[] = "SELECT coalesce (max (id), 0) FROM subjects";

/* Returns: about as many as there are subjects, -1 on error */
gint64
hcs_store_imports_subject_count (HcsStore  *store,
                                 GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_SUBJECT_COUNT, error);
  gint64 n = 0;

  if (stmt == NULL || hcs_store_step (store, stmt, error) != HCS_STMT_ROW)
    return -1;
  n = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  return n;
}

/* Identifiers are 18 characters (USCC, 身份证号码); a longer one (none is
 * written through the API) makes the index decline, and the import looks
 * subjects up with SQL as before. */
#define KEY_BYTES 24

typedef struct
{
  char    key[KEY_BYTES];  /* NUL-padded */
  gint64  id;
  guint64 name_hash;       /* hcs_subject_index_name_hash() of its name */
} SubjectKey;

/* The keys, and an open-addressing table of their positions (+1; 0 is
 * empty) at least twice their number: a look-up touches a slot or two and
 * one key (a binary search over a million keys took a sixth of the import,
 * twenty cache misses a row). */
struct _HcsSubjectIndex
{
  SubjectKey *keys;
  gsize       n;
  guint32    *slots;
  gsize       mask;
};

void
hcs_subject_index_free (HcsSubjectIndex *index)
{
  if (index == NULL)
    return;
  g_free (index->keys);
  g_free (index->slots);
  g_free (index);
}

/* FNV-1a over the padded key. */
static inline guint64
key_hash (const char *key)
{
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);

  for (guint i = 0; i < KEY_BYTES && key[i] != '\0'; i++)
    h = (h ^ (guchar) key[i]) * G_GUINT64_CONSTANT (1099511628211);
  return h ^ (h >> 29);
}

/**
 * hcs_subject_index_name_hash:
 *
 * Returns: a 64-bit hash (FNV-1a) of @name: two names with the same hash
 *   are taken as the same (a chance of 2⁻⁶⁴ of two names being confused)
 */
guint64
hcs_subject_index_name_hash (const char *name)
{
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);

  for (const guchar *p = (const guchar *) name; *p; p++)
    h = (h ^ *p) * G_GUINT64_CONSTANT (1099511628211);
  return h;
}

/* The index's arrays (56 MB for a million subjects) in 2 MB pages where
 * the kernel gives them on request (transparent huge pages, "madvise"
 * mode): a look-up's random reads then miss the TLB less. */
#define HUGE_PAGE (2 * 1024 * 1024)

static gpointer
index_alloc (gsize bytes)
{
  gpointer p = NULL;

#ifdef MADV_HUGEPAGE
  if (bytes >= 2 * HUGE_PAGE && posix_memalign (&p, HUGE_PAGE, bytes) == 0)
    {
      madvise (p, bytes, MADV_HUGEPAGE);
      return p;
    }
#endif
  return g_malloc (bytes);
}

/* The table in rowid order (its pages one after the other). */
static const char SQL_SUBJECT_KEYS[] = "SELECT identifier, id, name FROM subjects";

/**
 * hcs_store_imports_subject_index:
 *
 * Reads every registered identifier with its subject's id and a hash of
 * its name, in the caller's transaction: about 48 bytes a subject (48 MB
 * for a million).
 *
 * Returns: (transfer full) (nullable): the index; %NULL with @error unset
 *   when an identifier does not fit (then look subjects up one by one)
 */
HcsSubjectIndex *
hcs_store_imports_subject_index (HcsStore  *store,
                                 GError   **error)
{
  g_autoptr(HcsSubjectIndex) index = g_new0 (HcsSubjectIndex, 1);
  HcsStmt *stmt;
  gint64 estimate;
  gsize allocated;
  int rc;

  if ((estimate = hcs_store_imports_subject_count (store, error)) < 0 ||
      (stmt = hcs_store_prepare (store, SQL_SUBJECT_KEYS, error)) == NULL)
    return NULL;
  /* the largest id: about as many (more when some were deleted; at most
   * 4 M to begin with, the array grows as before beyond) */
  allocated = CLAMP (estimate + 1, 4096, 4 * 1024 * 1024);
  index->keys = index_alloc (allocated * sizeof (SubjectKey));
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    {
      const char *text = hcs_stmt_column_text (stmt, 0);
      int len = hcs_stmt_column_bytes (stmt, 0);
      SubjectKey *k;

      if (text == NULL || len >= KEY_BYTES || memchr (text, '\0', len) != NULL)
        {
          hcs_stmt_reset (stmt);
          return NULL;
        }
      if (index->n == allocated)
        {
          allocated *= 2;
          index->keys = g_renew (SubjectKey, index->keys, allocated);
        }
      k = &index->keys[index->n++];
      memset (k->key, 0, KEY_BYTES);
      memcpy (k->key, text, len);
      k->id = hcs_stmt_column_int64 (stmt, 1);
      k->name_hash = hcs_subject_index_name_hash (hcs_stmt_column_text (stmt, 2));
    }
  hcs_stmt_reset (stmt);
  if (rc != HCS_STMT_DONE)
    return NULL;
  if (index->n >= G_MAXUINT32 / 4)
    return NULL;
  index->mask = 1023;
  while (index->mask + 1 < 2 * index->n)
    index->mask = 2 * index->mask + 1;
  index->slots = index_alloc ((index->mask + 1) * sizeof (guint32));
  memset (index->slots, 0, (index->mask + 1) * sizeof (guint32));
  for (gsize i = 0; i < index->n; i++)
    {
      gsize slot = key_hash (index->keys[i].key) & index->mask;

      while (index->slots[slot] != 0)
        slot = (slot + 1) & index->mask;
      index->slots[slot] = (guint32) (i + 1);
    }
  return g_steal_pointer (&index);
}

/* Returns: the subject's id, 0 when no subject has @identifier; in
 * @name_hash the hash of its registered name */
gint64
hcs_subject_index_lookup (const HcsSubjectIndex *index,
                          const char            *identifier,
                          guint64               *name_hash)
{
  char key[KEY_BYTES] = { 0, };
  gsize len = strlen (identifier);
  gsize slot;

  if (len >= KEY_BYTES)
    return 0;     /* no registered identifier is that long: the index holds all */
  memcpy (key, identifier, len);
  for (slot = key_hash (key) & index->mask; index->slots[slot] != 0; slot = (slot + 1) & index->mask)
    {
      const SubjectKey *k = &index->keys[index->slots[slot] - 1];

      if (memcmp (k->key, key, KEY_BYTES) == 0)
        {
          *name_hash = k->name_hash;
          return k->id;
        }
    }
  return 0;
}

/**
 * hcs_subject_index_lookup_many:
 * @identifiers: @n identifiers
 * @ids: (out caller-allocates): the subject of each, 0 when none
 * @name_hashes: (out caller-allocates): the hash of each one's name
 *
 * hcs_subject_index_lookup() of @n identifiers, their slots and keys
 * fetched from memory a few identifiers ahead: one by one, each look-up
 * waited on two cache misses (a million subjects' table does not fit in
 * the processor's caches), a third of the checker's time.
 */
void
hcs_subject_index_lookup_many (const HcsSubjectIndex *index,
                               const char * const    *identifiers,
                               gsize                  n,
                               gint64                *ids,
                               guint64               *name_hashes)
{
  enum { AHEAD = 8 };
  gsize slot[2 * AHEAD];    /* of the identifiers i - AHEAD … i */

  for (gsize i = 0; i < n + 2 * AHEAD; i++)
    {
      if (i < n)
        {
          char key[KEY_BYTES] = { 0, };
          gsize len = strlen (identifiers[i]);

          memcpy (key, identifiers[i], MIN (len, KEY_BYTES - 1));
          slot[i % (2 * AHEAD)] = key_hash (key) & index->mask;
          __builtin_prefetch (&index->slots[slot[i % (2 * AHEAD)]]);
        }
      if (i >= AHEAD && i - AHEAD < n)
        {
          guint32 k = index->slots[slot[(i - AHEAD) % (2 * AHEAD)]];

          if (k != 0)
            __builtin_prefetch (&index->keys[k - 1]);
        }
      if (i >= 2 * AHEAD)
        {
          gsize j = i - 2 * AHEAD;

          name_hashes[j] = 0;
          ids[j] = hcs_subject_index_lookup (index, identifiers[j], &name_hashes[j]);
        }
    }
}

/**
 * hcs_store_imports_foreign_keys:
 *
 * Turns the connection's foreign key checks off or on again, outside a
 * transaction (SQLite ignores the pragma inside one). A big import turns
 * them off for its transaction: the only foreign key of its records is
 * subject_id, which it takes from the index of registered identifiers read
 * in the same transaction (hcs_store_imports_subject_index()), so each
 * row's probe of the subjects table (a random page read a row, 40 % of a
 * million-row import) would only find what is known to be there. The
 * import's own row (item_id checked by hcs_store_imports_item() in the same
 * transaction), its rejections and its audit entry are written with ids
 * of that transaction.
 */
gboolean
hcs_store_imports_foreign_keys (HcsStore  *store,
                                gboolean   on,
                                GError   **error)
{
  return hcs_store_exec (store, on ? "PRAGMA foreign_keys = ON;" : "PRAGMA foreign_keys = OFF;", error);
}

/* The record inserts: ?1 uscc, ?2 subject_id, ?3 name, then the kind's own
 * columns in the order hcs-import-kinds.c declares them, then item_id and import_id
 * as ?20 and ?21. The _LOOKUP variants find subject_id themselves from ?1
 * (NULL when no subject has that identifier): one statement per row
 * instead of two. */
#define SUBJECT_OF_USCC "(SELECT id FROM subjects WHERE identifier = ?1)"
#define INSERT_PENALTY(subject) \
  "INSERT INTO penalties (uscc, subject_id, name, decision_no, authority, decided_on," \
  " category, amount, publicity_until, item_id, import_id)" \
  " VALUES (?1, " subject ", ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?20, ?21)"
#define INSERT_LICENSE(subject) \
  "INSERT INTO licenses (uscc, subject_id, name, license_no, license_name, authority," \
  " decided_on, valid_until, item_id, import_id)" \
  " VALUES (?1, " subject ", ?3, ?4, ?5, ?6, ?7, ?8, ?20, ?21)"
#define INSERT_COMMITMENT(subject) \
  "INSERT INTO commitments (uscc, subject_id, name, commitment_no, matter, authority," \
  " committed_on, fulfilment, item_id, import_id)" \
  " VALUES (?1, " subject ", ?3, ?4, ?5, ?6, ?7, ?8, ?20, ?21)"

/* A registration is a subject: the same insert with or without look-up (it
 * has no subject_id of its own). */
#define INSERT_SUBJECT \
  "INSERT INTO subjects (identifier, name, type, region, industry, registered_on, import_id," \
  " created_at, updated_at)" \
  " VALUES (?1, ?3, ?4, ?5, coalesce (?6, ''), ?7, ?21," \
  " strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))"

static const char SQL_OWNER_PENALTY[] = "SELECT import_id FROM penalties WHERE decision_no = ?1";
static const char SQL_OWNER_LICENSE[] = "SELECT import_id FROM licenses WHERE license_no = ?1";
static const char SQL_OWNER_COMMITMENT[] = "SELECT import_id FROM commitments WHERE commitment_no = ?1";
/* 0 for a subject registered through the API or the demo. */
static const char SQL_OWNER_SUBJECT[] = "SELECT coalesce (import_id, 0) FROM subjects WHERE identifier = ?1";

struct _HcsRecordInsert
{
  HcsStmt    *stmt;    /* row by row: the store's prepared insert */
  HcsPgStage *stage;   /* or staged (PostgreSQL) */
};

/* Whether an import's rows are staged and written at its end (PostgreSQL,
 * unless HCS_IMPORT_PG=rows, for measurements) rather than one by one. */
gboolean
hcs_store_imports_stages_rows (HcsStore *store)
{
  return hcs_store_is_pg (store) && g_strcmp0 (g_getenv ("HCS_IMPORT_PG"), "rows") != 0;
}

/**
 * hcs_store_imports_record_insert:
 * @look_up_subject: the row's subject_id is found from its identifier ?1
 *   (else the caller binds ?2)
 * @require_subject: (staged only) a row whose subject is not registered is
 *   not written; row by row the caller looks the subject up first
 *
 * Row by row, the caller binds ?20 item_id and ?21 import_id with each
 * row; staged, @item_id and @import_id are taken.
 *
 * Returns: (transfer full): the insert of an import's rows into @table
 */
HcsRecordInsert *
hcs_store_imports_record_insert (HcsStore        *store,
                                 HcsRecordTable   table,
                                 gint64           import_id,
                                 gint64           item_id,
                                 gboolean         look_up_subject,
                                 gboolean         require_subject,
                                 GError         **error)
{
  static const char *const sql[2][4] = {
    { INSERT_PENALTY ("?2"), INSERT_LICENSE ("?2"), INSERT_COMMITMENT ("?2"), INSERT_SUBJECT },
    { INSERT_PENALTY (SUBJECT_OF_USCC), INSERT_LICENSE (SUBJECT_OF_USCC), INSERT_COMMITMENT (SUBJECT_OF_USCC),
      INSERT_SUBJECT },
  };
  g_autofree HcsRecordInsert *insert = g_new0 (HcsRecordInsert, 1);

  g_return_val_if_fail (table <= HCS_RECORD_SUBJECT, NULL);
  if (hcs_store_imports_stages_rows (store))
    insert->stage = hcs_pg_stage_new (hcs_store_get_pg (store), table, import_id, item_id, require_subject, error);
  else
    insert->stmt = hcs_store_prepare_ignoring_duplicates (store, sql[look_up_subject ? 1 : 0][table], error);
  if (insert->stage == NULL && insert->stmt == NULL)
    return NULL;
  return g_steal_pointer (&insert);
}

void
hcs_record_insert_free (HcsRecordInsert *insert)
{
  if (insert == NULL)
    return;
  g_clear_pointer (&insert->stage, hcs_pg_stage_free);
  g_free (insert);
}

gboolean
hcs_record_insert_stages (HcsRecordInsert *insert)
{
  return insert->stage != NULL;
}

/* The text is not copied: it must live until the row is written. */
void
hcs_record_insert_bind_text (HcsRecordInsert *insert,
                             int              param,
                             const char      *text)
{
  if (insert->stage != NULL)
    hcs_pg_stage_bind_text (insert->stage, param, text);
  else
    hcs_stmt_bind_text_static (insert->stmt, param, text);
}

void
hcs_record_insert_bind_double (HcsRecordInsert *insert,
                               int              param,
                               double           value)
{
  if (insert->stage != NULL)
    hcs_pg_stage_bind_double (insert->stage, param, value);
  else
    hcs_stmt_bind_double (insert->stmt, param, value);
}

void
hcs_record_insert_bind_int (HcsRecordInsert *insert,
                            int              param,
                            gint64           value)
{
  if (insert->stage != NULL)
    hcs_pg_stage_bind_int (insert->stage, param, value);
  else
    hcs_stmt_bind_int64 (insert->stmt, param, value);
}

void
hcs_record_insert_bind_null (HcsRecordInsert *insert,
                             int              param)
{
  if (insert->stage != NULL)
    hcs_pg_stage_bind_text (insert->stage, param, NULL);
  else
    hcs_stmt_bind_null (insert->stmt, param);
}

/**
 * hcs_store_imports_record_write:
 * @row: the row of the file
 *
 * Writes the row bound to @insert, which is then ready for the next row.
 *
 * Returns: 1 when written; 0 when a record with its number is there
 *   already (a UNIQUE constraint; see hcs_store_imports_record_owner());
 *   %HCS_RECORD_STAGED when staged, to be written at the end; -1 with
 *   @error set
 */
int
hcs_store_imports_record_write (HcsStore         *store,
                                HcsRecordInsert  *insert,
                                gint64            row,
                                GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  int rc;

  if (insert->stage != NULL)
    return hcs_pg_stage_row (insert->stage, row, error) ? HCS_RECORD_STAGED : -1;
  rc = hcs_store_step (store, insert->stmt, &local_error);
  hcs_stmt_reset (insert->stmt);
  if (rc == HCS_STMT_DONE)
    return hcs_store_changes (store) > 0 ? 1 : 0;
  if (g_error_matches (local_error, HCS_STORE_ERROR, HCS_STORE_ERROR_DUPLICATE))
    return 0;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return -1;
}

/* A staged insert keeps the rejections the checks found with the rows
 * (the connection is not free for the import's own rejection inserts
 * while the rows stream), to give them back in order at the end. */
gboolean
hcs_store_imports_record_stage_rejection (HcsStore         *store,
                                          HcsRecordInsert  *insert,
                                          gint64            row,
                                          const char       *field,
                                          const char       *code,
                                          const char       *message,
                                          GError          **error)
{
  g_return_val_if_fail (insert->stage != NULL, FALSE);
  return hcs_pg_stage_rejection (insert->stage, row, field, code, message, error);
}

/**
 * hcs_store_imports_record_finish:
 * @counts: (out): the rows written, and among them the records of a
 *   registered subject under another name and those without a subject
 *   (staged only; left alone row by row)
 *
 * Writes the staged rows in one insert, in the file's order. Row by row,
 * nothing to do.
 */
gboolean
hcs_store_imports_record_finish (HcsStore         *store,
                                 HcsRecordInsert  *insert,
                                 HcsStagedCounts  *counts,
                                 GError          **error)
{
  if (insert->stage == NULL)
    return TRUE;
  return hcs_pg_stage_finish (insert->stage, counts, error);
}

/* Returns: 1 with the next staged rejection or row not written in @row
 *   (row order), 0 at the end (always, row by row), -1 on error */
int
hcs_store_imports_record_next (HcsStore         *store,
                               HcsRecordInsert  *insert,
                               HcsStagedRow     *row,
                               GError          **error)
{
  if (insert->stage == NULL)
    return 0;
  return hcs_pg_stage_next (insert->stage, row, error);
}

/* Returns: the import that brought the record numbered @number, 0 when
 * there is none, -1 on error */
gint64
hcs_store_imports_record_owner (HcsStore        *store,
                                HcsRecordTable   table,
                                const char      *number,
                                GError         **error)
{
  static const char *const sql[] = { SQL_OWNER_PENALTY, SQL_OWNER_LICENSE, SQL_OWNER_COMMITMENT,
                                     SQL_OWNER_SUBJECT };
  HcsStmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (table <= HCS_RECORD_SUBJECT, -1);
  stmt = hcs_store_prepare (store, sql[table], error);
  if (stmt == NULL)
    return -1;
  hcs_stmt_bind_text_static (stmt, 1, number);
  rc = hcs_store_step (store, stmt, error);
  if (rc < 0)
    return -1;
  if (rc == HCS_STMT_ROW)
    id = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  return id;
}
