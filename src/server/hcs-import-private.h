/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the import's files share: a kind's columns (hcs-import-kinds.c), the
 * CSV reader (hcs-import-csv.c), the state of one import and the checks of
 * its header and rows (hcs-import-check.c), the batches of rows between the
 * checker and the store (hcs-import-rows.c). Only hcs-import*.c include it. */
#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

#include "hcs-import.h"
#include "hcs-store-imports.h"

G_BEGIN_DECLS

#define MAX_FIELDS  64     /* columns of a file row we look at */
#define MAX_COLUMNS 12     /* columns of a kind */
#define MAX_TEXT    500    /* characters of a text value */

typedef enum
{
  COL_TEXT,
  COL_IDENTIFIER,   /* 统一社会信用代码, or 身份证号码 for natural persons */
  COL_NUMBER,       /* the record's unique number: a repeat is a duplicate */
  COL_DATE,
  COL_AMOUNT,
  COL_CODE,
} ColumnType;

typedef struct
{
  const char *key;
  const char *label;
} Code;

typedef struct
{
  const char *key;       /* English header key */
  const char *label;     /* Chinese header label */
  ColumnType  type;
  gboolean    required;
  int         bind;      /* parameter of the record insert */
  const Code *codes;     /* COL_CODE: NULL-terminated */
  int         not_before; /* COL_DATE: index of a date column this one may not precede, or -1 */
} Column;

typedef struct
{
  const char     *kind;
  const char     *category;     /* the catalog item's category it goes to */
  HcsRecordTable  table;
  gboolean        subject_required;
  const Column   *columns;
  guint           n_columns;
  guint           number_column;  /* the column whose repeat is a duplicate */
} Kind;

/* RFC 4180 records over the decoded text; each field is copied, unquoted,
 * trimmed and NUL-terminated into one scratch buffer reused for every row,
 * so a row costs no allocation. */
typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  GString    *scratch;
  guint       n;
  gsize       off[MAX_FIELDS];
  gsize       len[MAX_FIELDS];
} Csv;

/* Appends @n bytes and a NUL to @s; the NUL counts in s->len when @keep_nul.
 * Inline: g_string_append_len costs a call and its general checks per field. */
static inline void
scratch_add (GString    *s,
             const char *p,
             gsize       n,
             gboolean    keep_nul)
{
  if (s->len + n + 2 > s->allocated_len)
    {
      gsize len = s->len;

      g_string_set_size (s, MAX (len + n + 2, 2 * s->allocated_len));
      s->len = len;
    }
  if (n > 0)
    memcpy (s->str + s->len, p, n);
  s->len += n;
  s->str[s->len] = '\0';
  if (keep_nul)
    s->len++;
}

static inline const char *
csv_field (Csv  *csv,
           guint i)
{
  return csv->scratch->str + csv->off[i];
}

/* One import: its options, its counts and the row being checked. */
typedef struct
{
  HcsStore       *store;
  const Kind     *kind;
  const HcsImportOptions *options;
  gboolean        natural_persons;
  gboolean        require_subject;
  gboolean        from_xlsx;
  gint64          import_id;
  HcsRecordInsert *insert;
  gboolean        use_subject_index;
  guint           name_column;       /* the kind's column bound to ?3, the name */
  HcsSubjectIndex *subjects;         /* a big import's registered identifiers, or NULL */
  HcsDeferredIndexes *deferred;      /* a big import's table indexes dropped, to build again */
  gint64          row_subject_id;    /* with subjects: the row's, looked up by the checker */
  gboolean        row_other_name;
  gint64          unregistered_stored;  /* with subjects or staged: records stored without a subject */
  gboolean        registered_duplicates_counted; /* staged: 重码 of registered codes counted */

  int             map[MAX_FIELDS];   /* file column → kind column, or -1 */
  guint           n_file_columns;

  gint64          rows_read;
  gint64          accepted;
  gint64          rejected;
  gint64          uscc_errors;
  gint64          uscc_duplicates;   /* 重码: registration rows and records */
  gint64          other_errors;
  GHashTable     *reasons;           /* code (static) → count */
  JsonArray      *rejections;        /* the first HCS_IMPORT_MAX_REJECTIONS */
  gint64          n_rejections;

  /* the row being checked */
  gint64          row;
  gboolean        row_bad;
  gboolean        row_uscc_bad;
  gboolean        row_uscc_duplicate; /* a registration row: 重码 */
  const char     *value[MAX_COLUMNS];
  char            date[MAX_COLUMNS][11];
  double          amount;            /* the COL_AMOUNT value, when given */
  char           *identifier;        /* normalised */
  GPtrArray      *texts;             /* the row's text values as cleaned (NFC) */

  struct _Batch  *batch;             /* set in the checker's copy only */
} Import;

/* Rows go from the checker thread (parsing and validation, no database) to
 * the thread that holds the transaction in batches: a rejection found by the
 * checker waits in the batch as a Pending, a good row's values in the arena. */
typedef struct
{
  const char *field;                 /* static: a column key, or NULL */
  const char *code;                  /* static */
  char       *message;
} Pending;

typedef struct
{
  gint64   row;
  gboolean bad;
  guint    first_pending;
  guint    n_pending;
  gssize   value[MAX_COLUMNS];       /* offsets into the arena, -1: none */
  double   amount;
  gint64   subject_id;               /* found in Import.subjects (0: none) */
  gboolean other_name;               /* registered under another name: 重码 */
} RowOut;

typedef struct _Batch
{
  GString *arena;
  GArray  *rows;                     /* RowOut */
  GArray  *pending;                  /* Pending */
  guint64  done;                     /* progress: bytes (CSV) or rows (XLSX) */
  gboolean last;
} Batch;

#define BATCH_ROWS 4096
#define N_BATCHES  3

const Kind *hcs_import_find_kind  (const char          *key);
gboolean    hcs_import_csv_next   (Csv                 *csv);
gboolean    hcs_import_reject     (Import              *imp,
                                   const char          *field,
                                   const char          *code,
                                   const char          *message,
                                   GError             **error);
gboolean    hcs_import_check_row  (Import              *imp,
                                   GError             **error);
gboolean    hcs_import_rows       (Import              *imp,
                                   Csv                 *csv,
                                   GPtrArray           *sheet,
                                   guint64              total,
                                   GError             **error);
gboolean    hcs_import_map_header (Import              *imp,
                                   const char * const  *cells,
                                   guint                n,
                                   HcsImportFailure    *failure,
                                   GError             **error);

G_END_DECLS
