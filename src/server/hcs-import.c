/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 归集: a department file checked row by row, its good rows stored in one
 * transaction with the import's record, rejections and audit entry. The
 * route POST /imports and `hncredit-server import` both call hcs_import_run. */
#define G_LOG_DOMAIN "hcs-import"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <nettle/sha2.h>
#include <string.h>

#include "hc-core.h"
#include "hcs-import-xlsx.h"
#include "hcs-import.h"
#include "hcs-mask.h"
#include "hcs-store-audit.h"
#include "hcs-store-imports.h"
#include "hcs-write.h"

G_DEFINE_QUARK (hcs-import-error-quark, hcs_import_error)

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

/* 行政处罚决定的种类 (《行政处罚法》第九条). */
static const Code penalty_categories[] = {
  { "warning", "警告" },
  { "criticism", "通报批评" },
  { "fine", "罚款" },
  { "confiscation", "没收违法所得" },
  { "confiscation", "没收非法财物" },
  { "confiscation", "没收违法所得、没收非法财物" },
  { "license_suspension", "暂扣许可证件" },
  { "qualification_downgrade", "降低资质等级" },
  { "license_revocation", "吊销许可证件" },
  { "business_restriction", "限制开展生产经营活动" },
  { "suspension", "责令停产停业" },
  { "closure", "责令关闭" },
  { "employment_restriction", "限制从业" },
  { "detention", "行政拘留" },
  { "other", "其他" },
  { NULL, NULL }
};

static const Code fulfilment_states[] = {
  { "pending", "履约中" },
  { "pending", "待核查" },
  { "fulfilled", "已履约" },
  { "breached", "未履约" },
  { "breached", "违诺" },
  { NULL, NULL }
};

static const Column penalty_columns[] = {
  { "uscc", "统一社会信用代码", COL_IDENTIFIER, TRUE, 1, NULL, -1 },
  { "name", "主体名称", COL_TEXT, TRUE, 3, NULL, -1 },
  { "decision_no", "决定文书号", COL_NUMBER, TRUE, 4, NULL, -1 },
  { "authority", "处罚机关", COL_TEXT, TRUE, 5, NULL, -1 },
  { "decided_on", "处罚决定日期", COL_DATE, TRUE, 6, NULL, -1 },
  { "category", "处罚类别", COL_CODE, TRUE, 7, penalty_categories, -1 },
  { "amount", "罚款金额（元）", COL_AMOUNT, FALSE, 8, NULL, -1 },
  { "publicity_until", "公示截止日期", COL_DATE, FALSE, 9, NULL, 4 },
};

static const Column license_columns[] = {
  { "uscc", "统一社会信用代码", COL_IDENTIFIER, TRUE, 1, NULL, -1 },
  { "name", "主体名称", COL_TEXT, TRUE, 3, NULL, -1 },
  { "license_no", "许可证书编号", COL_NUMBER, TRUE, 4, NULL, -1 },
  { "license_name", "许可证书名称", COL_TEXT, TRUE, 5, NULL, -1 },
  { "authority", "许可机关", COL_TEXT, TRUE, 6, NULL, -1 },
  { "decided_on", "许可决定日期", COL_DATE, TRUE, 7, NULL, -1 },
  { "valid_until", "有效期至", COL_DATE, FALSE, 8, NULL, 5 },
};

static const Column commitment_columns[] = {
  { "uscc", "统一社会信用代码", COL_IDENTIFIER, TRUE, 1, NULL, -1 },
  { "name", "主体名称", COL_TEXT, TRUE, 3, NULL, -1 },
  { "commitment_no", "承诺书编号", COL_NUMBER, TRUE, 4, NULL, -1 },
  { "matter", "承诺事项", COL_TEXT, TRUE, 5, NULL, -1 },
  { "authority", "受理机关", COL_TEXT, TRUE, 6, NULL, -1 },
  { "committed_on", "承诺日期", COL_DATE, TRUE, 7, NULL, -1 },
  { "fulfilment", "履约状态", COL_CODE, FALSE, 8, fulfilment_states, -1 },
};

/* 登记注册基本信息: the register itself. Its identifier is also its unique
 * number: a subject already registered is a duplicate. */
static const Code subject_types[] = {
  { "legal_person", "法人" },
  { "legal_person", "企业法人" },
  { "unincorporated", "非法人组织" },
  { "unincorporated", "个体工商户" },
  { NULL, NULL }
};

/* The 19 市县, by GB/T 2260 code or full name. */
static const Code region_codes[] = {
  { "460100", "海口市" }, { "460200", "三亚市" }, { "460300", "三沙市" },
  { "460400", "儋州市" }, { "469001", "五指山市" }, { "469002", "琼海市" },
  { "469005", "文昌市" }, { "469006", "万宁市" }, { "469007", "东方市" },
  { "469021", "定安县" }, { "469022", "屯昌县" }, { "469023", "澄迈县" },
  { "469024", "临高县" }, { "469025", "白沙黎族自治县" }, { "469026", "昌江黎族自治县" },
  { "469027", "乐东黎族自治县" }, { "469028", "陵水黎族自治县" },
  { "469029", "保亭黎族苗族自治县" }, { "469030", "琼中黎族苗族自治县" },
  { NULL, NULL }
};

static const Column registration_columns[] = {
  { "uscc", "统一社会信用代码", COL_IDENTIFIER, TRUE, 1, NULL, -1 },
  { "name", "主体名称", COL_TEXT, TRUE, 3, NULL, -1 },
  { "type", "主体类型", COL_CODE, TRUE, 4, subject_types, -1 },
  { "region", "所属市县", COL_CODE, TRUE, 5, region_codes, -1 },
  { "industry", "行业", COL_TEXT, FALSE, 6, NULL, -1 },
  { "registered_on", "成立日期", COL_DATE, FALSE, 7, NULL, -1 },
};

/* A 告知承诺 is made by a registered subject: its subject must exist.
 * Penalties and licenses may name subjects not (yet) in the register; their
 * subject_id stays empty unless the caller asks for require_subject. */
static const Kind kinds[] = {
  { "penalty", "penalty", HCS_RECORD_PENALTY, FALSE, penalty_columns, G_N_ELEMENTS (penalty_columns), 2 },
  { "license", "license", HCS_RECORD_LICENSE, FALSE, license_columns, G_N_ELEMENTS (license_columns), 2 },
  { "commitment", "commitment", HCS_RECORD_COMMITMENT, TRUE, commitment_columns, G_N_ELEMENTS (commitment_columns), 2 },
  { "registration", "registration", HCS_RECORD_SUBJECT, FALSE, registration_columns, G_N_ELEMENTS (registration_columns), 0 },
};

static const Kind *
find_kind (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, key) == 0)
      return &kinds[i];
  return NULL;
}

gboolean
hcs_import_kind_is_valid (const char *kind)
{
  return find_kind (kind) != NULL;
}

void
hcs_import_failure_clear (HcsImportFailure *failure)
{
  g_clear_pointer (&failure->field, g_free);
  g_clear_error (&failure->store_error);
}

/* ---- CSV ------------------------------------------------------------ */

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

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

static gboolean
csv_next (Csv *csv)
{
  const char *p = csv->p;
  const char *end = csv->end;

  if (p >= end)
    return FALSE;
  g_string_truncate (csv->scratch, 0);
  csv->n = 0;
  for (;;)
    {
      gsize start = csv->scratch->len;
      gsize a, b;

      if (p < end && *p == '"')
        {
          p++;
          for (;;)
            {
              const char *q = memchr (p, '"', end - p);

              if (q == NULL)
                {
                  scratch_add (csv->scratch, p, end - p, FALSE);
                  p = end;
                  break;
                }
              scratch_add (csv->scratch, p, q - p, FALSE);
              if (q + 1 < end && q[1] == '"')
                {
                  scratch_add (csv->scratch, "\"", 1, FALSE);
                  p = q + 2;
                  continue;
                }
              p = q + 1;
              break;
            }
          /* whatever follows the closing quote up to the separator is kept */
          {
            const char *q = p;

            while (q < end && *q != ',' && *q != '\n' && *q != '\r')
              q++;
            scratch_add (csv->scratch, p, q - p, FALSE);
            p = q;
          }
        }
      else
        {
          const char *q = p;

          while (q < end && *q != ',' && *q != '\n' && *q != '\r')
            q++;
          scratch_add (csv->scratch, p, q - p, FALSE);
          p = q;
        }

      a = start;
      b = csv->scratch->len;
      while (a < b && is_blank (csv->scratch->str[a]))
        a++;
      while (b > a && is_blank (csv->scratch->str[b - 1]))
        b--;
      csv->scratch->len = b;
      csv->scratch->str[b] = '\0';
      if (csv->n < MAX_FIELDS)
        {
          csv->off[csv->n] = a;
          csv->len[csv->n] = b - a;
        }
      csv->n++;
      scratch_add (csv->scratch, NULL, 0, TRUE);

      if (p < end && *p == ',')
        {
          p++;
          continue;
        }
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
      csv->p = p;
      return TRUE;
    }
}

static inline const char *
csv_field (Csv  *csv,
           guint i)
{
  return csv->scratch->str + csv->off[i];
}

/* ---- one import ----------------------------------------------------- */

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

  int             map[MAX_FIELDS];   /* file column → kind column, or -1 */
  guint           n_file_columns;

  gint64          rows_read;
  gint64          accepted;
  gint64          rejected;
  gint64          uscc_errors;
  gint64          other_errors;
  GHashTable     *reasons;           /* code (static) → count */
  JsonArray      *rejections;        /* the first HCS_IMPORT_MAX_REJECTIONS */
  gint64          n_rejections;

  /* the row being checked */
  gint64          row;
  gboolean        row_bad;
  gboolean        row_uscc_bad;
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

static gboolean
reject (Import      *imp,
        const char  *field,
        const char  *code,
        const char  *message,
        GError     **error)
{
  gpointer n;

  if (imp->batch != NULL)
    {
      Pending p = { field, code, g_strdup (message) };

      g_array_append_val (imp->batch->pending, p);
      imp->row_bad = TRUE;
      return TRUE;
    }
  n = g_hash_table_lookup (imp->reasons, code);
  g_hash_table_insert (imp->reasons, (gpointer) code, GINT_TO_POINTER (GPOINTER_TO_INT (n) + 1));
  imp->row_bad = TRUE;
  imp->n_rejections++;
  if (g_strcmp0 (field, imp->kind->columns[0].key) == 0 && g_str_has_prefix (code, "invalid_"))
    imp->row_uscc_bad = TRUE;
  if (json_array_get_length (imp->rejections) < HCS_IMPORT_MAX_REJECTIONS)
    {
      JsonObject *r = json_object_new ();

      json_object_set_int_member (r, "row", imp->row);
      json_object_set_string_member (r, "field", field ? field : "");
      json_object_set_string_member (r, "code", code);
      json_object_set_string_member (r, "message", message);
      json_array_add_object_element (imp->rejections, r);
    }
  return hcs_store_imports_reject (imp->store, imp->import_id, imp->row, field, code, message, error);
}

static const char *
uscc_code (int code)
{
  switch (code)
    {
    case HC_USCC_ERROR_LENGTH: return "invalid_uscc_length";
    case HC_USCC_ERROR_CHARSET: return "invalid_uscc_charset";
    case HC_USCC_ERROR_ORG_CHECK: return "invalid_uscc_org_check";
    case HC_USCC_ERROR_CHECK: return "invalid_uscc_check";
    default: return "invalid_uscc";
    }
}

static const char *
id_number_code (int code)
{
  switch (code)
    {
    case HC_ID_NUMBER_ERROR_LENGTH: return "invalid_id_length";
    case HC_ID_NUMBER_ERROR_CHARSET: return "invalid_id_charset";
    case HC_ID_NUMBER_ERROR_DATE: return "invalid_id_date";
    case HC_ID_NUMBER_ERROR_CHECK: return "invalid_id_check";
    default: return "invalid_id_number";
    }
}

/* 18 capitals and digits whose two check characters are right: exactly the
 * codes hc_uscc_validate accepts and leaves unchanged. */
static gboolean
uscc_is_canonical (const char *v)
{
  for (guint i = 0; i < HC_USCC_LENGTH; i++)
    if (!((v[i] >= '0' && v[i] <= '9') || (v[i] >= 'A' && v[i] <= 'Z')))
      return FALSE;
  return v[HC_USCC_LENGTH] == '\0' &&
         hc_org_code_compute_check (v + 8) == v[16] &&
         hc_uscc_compute_check (v) == v[17];
}

/* "YYYY-MM-DD" (also from an XLSX date serial) into @out; FALSE if not a date */
static gboolean
parse_date (const char *text,
            gboolean    allow_serial,
            char        out[11])
{
  guint y, m, d;

  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-' &&
      g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && g_ascii_isdigit (text[2]) &&
      g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6]) &&
      g_ascii_isdigit (text[8]) && g_ascii_isdigit (text[9]))
    {
      y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
      m = (text[5] - '0') * 10 + (text[6] - '0');
      d = (text[8] - '0') * 10 + (text[9] - '0');
      if (y < 1900 || y > 2200 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
        return FALSE;
      memcpy (out, text, 11);
      return TRUE;
    }
  if (allow_serial)
    {
      char *endp = NULL;
      double serial = g_ascii_strtod (text, &endp);

      /* Excel's day numbers: 1 is 1900-01-01 (with its phantom 1900-02-29) */
      if (endp != text && *endp == '\0' && serial >= 61 && serial < 110000)
        {
          g_autoptr(GDate) date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);

          g_date_add_days (date, (guint) floor (serial));
          g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                      g_date_get_day (date));
          return TRUE;
        }
    }
  return FALSE;
}

/* A finite number; "123.45" (at most 15 digits) without strtod: the
 * digits as an integer divided by a power of ten are exact and the one
 * division rounds correctly, so the double is the one strtod gives. */
static gboolean
parse_amount (const char *text,
              double     *out)
{
  static const double tens[16] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
                                   1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
  const char *p = text;
  gboolean minus = FALSE;
  guint64 mantissa = 0;
  guint digits = 0;
  guint decimals = 0;
  char *endp = NULL;

  if (*p == '-')
    {
      minus = TRUE;
      p++;
    }
  for (; *p >= '0' && *p <= '9' && digits < 16; p++, digits++)
    mantissa = mantissa * 10 + (guint64) (*p - '0');
  if (*p == '.' && digits > 0)
    for (p++; *p >= '0' && *p <= '9' && digits < 16; p++, digits++, decimals++)
      mantissa = mantissa * 10 + (guint64) (*p - '0');
  if (*p == '\0' && digits > 0 && digits <= 15 && p[-1] != '.')
    {
      *out = (double) mantissa / tens[decimals];
      if (minus)
        *out = -*out;
      return TRUE;
    }
  *out = g_ascii_strtod (text, &endp);
  return endp != text && *endp == '\0' && isfinite (*out);
}

static const char *
find_code (const Code *codes,
           const char *text)
{
  for (guint i = 0; codes[i].key; i++)
    if (g_str_equal (codes[i].key, text) || g_str_equal (codes[i].label, text))
      return codes[i].key;
  return NULL;
}

/* Checks the row's values and binds the good ones; %FALSE only when the
 * database fails. */
static gboolean
check_row (Import   *imp,
           GError  **error)
{
  const Kind *kind = imp->kind;

  g_clear_pointer (&imp->identifier, g_free);
  if (imp->texts != NULL)
    g_ptr_array_set_size (imp->texts, 0);
  for (guint i = 0; i < kind->n_columns; i++)
    {
      const Column *col = &kind->columns[i];
      const char *v = imp->value[i];
      g_autofree char *message = NULL;
      const char *code = NULL;

      if (v == NULL || *v == '\0')
        {
          imp->value[i] = NULL;
          if (col->required)
            {
              message = g_strdup_printf (_("%s (%s) is required."), col->label, col->key);
              if (!reject (imp, col->key, "missing_value", message, error))
                return FALSE;
            }
          continue;
        }
      if (strlen (v) > MAX_TEXT && g_utf8_strlen (v, -1) > MAX_TEXT)
        {
          message = g_strdup_printf (_("%s is longer than %d characters."), col->label, MAX_TEXT);
          if (!reject (imp, col->key, "too_long", message, error))
            return FALSE;
          continue;
        }
      switch (col->type)
        {
        case COL_TEXT:
          {
            g_autoptr(GError) local = NULL;
            /* The subject's name is one line; other texts (an authority
             * written on two lines in a quoted CSV cell) may break. */
            char *clean = hc_input_clean (v, -1, g_str_equal (col->key, "name") ? HC_INPUT_LINE : HC_INPUT_MULTILINE,
                                          &local);

            if (clean == NULL)
              {
                code = "invalid_text";
                message = g_strdup_printf ("%s: %s", col->label, local->message);
              }
            else if (*clean == '\0')
              {
                /* white space only: as if empty */
                g_free (clean);
                imp->value[i] = NULL;
                if (col->required)
                  {
                    code = "missing_value";
                    message = g_strdup_printf (_("%s (%s) is required."), col->label, col->key);
                  }
              }
            else
              {
                if (imp->texts == NULL)
                  imp->texts = g_ptr_array_new_with_free_func (g_free);
                g_ptr_array_add (imp->texts, clean);
                imp->value[i] = clean;
              }
          }
          break;
        case COL_NUMBER:
          break;
        case COL_IDENTIFIER:
          {
            g_autoptr(GError) local = NULL;
            gboolean ok;

            /* Already written as the valid canonical code: nothing to
             * normalise or allocate. Anything else takes the full check,
             * which names the fault. */
            if (!imp->natural_persons && uscc_is_canonical (v))
              break;
            ok = imp->natural_persons
              ? hc_id_number_validate (v, &imp->identifier, &local)
              : hc_uscc_validate (v, &imp->identifier, &local);

            if (!ok)
              {
                code = imp->natural_persons ? id_number_code (local->code) : uscc_code (local->code);
                message = g_strdup (local->message);
              }
            else
              imp->value[i] = imp->identifier;
          }
          break;
        case COL_DATE:
          if (!parse_date (v, imp->from_xlsx, imp->date[i]))
            {
              code = "invalid_date";
              message = g_strdup_printf (_("%s must be a date written YYYY-MM-DD, not “%s”."), col->label, v);
            }
          else
            {
              imp->value[i] = imp->date[i];
              if (col->not_before >= 0 && imp->value[col->not_before] != NULL &&
                  imp->value[col->not_before] == imp->date[col->not_before] &&
                  strcmp (imp->date[i], imp->date[col->not_before]) < 0)
                {
                  code = "invalid_period";
                  message = g_strdup_printf (_("%s is before %s."), col->label,
                                             kind->columns[col->not_before].label);
                }
            }
          break;
        case COL_AMOUNT:
          {
            double amount;

            if (!parse_amount (v, &amount))
              {
                code = "invalid_amount";
                message = g_strdup_printf (_("%s must be a number, not “%s”."), col->label, v);
              }
            else if (amount < 0)
              {
                code = "negative_amount";
                message = g_strdup_printf (_("%s cannot be negative."), col->label);
              }
            imp->amount = amount;
          }
          break;
        case COL_CODE:
          {
            const char *key = find_code (col->codes, v);

            if (key == NULL)
              {
                code = "invalid_code";
                message = g_strdup_printf (_("“%s” is not in the code list of %s."), v, col->label);
              }
            else
              imp->value[i] = key;
          }
          break;
        }
      if (code != NULL && !reject (imp, col->key, code, message, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
store_row (Import   *imp,
           GError  **error)
{
  const Kind *kind = imp->kind;
  HcsRecordInsert *insert = imp->insert;
  gint64 subject_id = 0;
  int written;

  /* Without require_subject the insert looks the subject up itself. */
  if (imp->require_subject)
    {
      subject_id = hcs_store_imports_subject_id (imp->store, imp->identifier, error);
      if (subject_id < 0)
        return FALSE;
    }
  if (subject_id == 0 && imp->require_subject)
    {
      g_autofree char *message =
        g_strdup_printf (_("No subject with the identifier %s is registered."), imp->identifier);

      return reject (imp, kind->columns[0].key, "unknown_subject", message, error);
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
  if (imp->require_subject)
    hcs_record_insert_bind_int (insert, 2, subject_id);   /* > 0: checked above */
  hcs_record_insert_bind_int (insert, 20, imp->options->item_id);
  hcs_record_insert_bind_int (insert, 21, imp->import_id);

  written = hcs_store_imports_record_write (imp->store, insert, error);
  if (written > 0)
    {
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
      if (owner == imp->import_id)
        {
          message = g_strdup_printf (_("%s %s appears earlier in this file."), number->label, value);
          return reject (imp, number->key, "duplicate_in_file", message, error);
        }
      if (owner == 0)
        message = g_strdup_printf (_("%s %s is already in the database."), number->label, value);
      else
        message = g_strdup_printf (_("%s %s is already in the database (import %lld)."),
                                   number->label, value, (long long) owner);
      return reject (imp, number->key, "duplicate", message, error);
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
  else
    imp->other_errors++;
}

static void
field_count_mismatch (Import *chk,
                      guint   n)
{
  g_autofree char *message =
    g_strdup_printf (_("The row has %u fields; the header has %u."), n, chk->n_file_columns);

  reject (chk, NULL, "field_count", message, NULL);
}

/* A header cell names a column by its key (any case) or its Chinese label,
 * also with ASCII parentheses or without the parenthesised unit:
 * 罚款金额（元）, 罚款金额(元) and 罚款金额 are the same column. */
static gboolean
header_names (const char   *cell,
              const Column *col)
{
  const char *paren;

  if (g_ascii_strcasecmp (cell, col->key) == 0 || g_str_equal (cell, col->label))
    return TRUE;
  paren = strstr (col->label, "（");
  if (paren != NULL)
    {
      gsize base = paren - col->label;
      g_autoptr(GString) ascii = g_string_new (col->label);

      if (strlen (cell) == base && strncmp (cell, col->label, base) == 0)
        return TRUE;
      g_string_replace (ascii, "（", "(", 0);
      g_string_replace (ascii, "）", ")", 0);
      return g_str_equal (cell, ascii->str);
    }
  return FALSE;
}

/* Maps the header's columns to the kind's; fails on a missing required or
 * a repeated column. Unknown columns are ignored. */
static gboolean
map_header (Import              *imp,
            const char * const  *cells,
            guint                n,
            HcsImportFailure    *failure,
            GError             **error)
{
  const Kind *kind = imp->kind;
  gboolean seen[MAX_COLUMNS] = { FALSE, };

  imp->n_file_columns = n;
  for (guint f = 0; f < MAX_FIELDS; f++)
    imp->map[f] = -1;
  for (guint f = 0; f < MIN (n, MAX_FIELDS); f++)
    {
      const char *cell = cells[f];

      if (f == 0 && g_str_has_prefix (cell, "\xEF\xBB\xBF"))
        cell += 3;
      for (guint c = 0; c < kind->n_columns; c++)
        {
          const Column *col = &kind->columns[c];

          if (!header_names (cell, col))
            continue;
          if (seen[c])
            {
              failure->field = g_strdup (col->key);
              g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_HEADER,
                           _("The header names the column %s (%s) twice."), col->key, col->label);
              return FALSE;
            }
          seen[c] = TRUE;
          imp->map[f] = (int) c;
        }
    }
  for (guint c = 0; c < kind->n_columns; c++)
    if (kind->columns[c].required && !seen[c])
      {
        failure->field = g_strdup (kind->columns[c].key);
        g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_HEADER,
                     _("The header has no column %s (%s); a %s file needs it."),
                     kind->columns[c].key, kind->columns[c].label, kind->kind);
        return FALSE;
      }
  return TRUE;
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
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

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
          if (!csv_next (csv))
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
        check_row (chk, NULL);
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
      if (ro->bad)
        {
          for (guint k = 0; k < ro->n_pending; k++)
            {
              Pending *p = &g_array_index (b->pending, Pending, ro->first_pending + k);

              if (!reject (imp, p->field, p->code, p->message, error))
                return FALSE;
            }
          count_row (imp);
          continue;
        }
      for (guint c = 0; c < imp->kind->n_columns; c++)
        imp->value[c] = ro->value[c] < 0 ? NULL : b->arena->str + ro->value[c];
      imp->amount = ro->amount;
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
  g_autofree char *category = NULL;
  g_autofree char *subject_type = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(JsonNode) after = NULL;
  const char *encoding;
  const char *text = data;
  gsize text_len = length;
  Csv csv = { 0, };
  gint64 started = g_get_monotonic_time ();
  gint64 earlier;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (options != NULL && options->actor != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (failure != NULL, NULL);

  imp.store = store;
  imp.options = options;
  imp.kind = find_kind (options->kind ? options->kind : "penalty");
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

      if (!map_header (&imp, (const char * const *) header->cells, g_strv_length (header->cells), failure, error))
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
      csv_next (&csv);
      for (guint f = 0; f < MIN (csv.n, MAX_FIELDS); f++)
        cells[f] = csv_field (&csv, f);
      if (!map_header (&imp, cells, MIN (csv.n, MAX_FIELDS), failure, error))
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
  if (!hcs_store_begin (store, &local))
    return store_failed (failure, &local, error);

  if (!hcs_store_imports_item (store, options->item_id, &category, &subject_type, &local))
    {
      hcs_store_rollback (store);
      if (!g_error_matches (local, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        return store_failed (failure, &local, error);
      g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_INVALID_ITEM,
                   _("There is no catalog item %lld in any catalog version."),
                   (long long) options->item_id);
      return NULL;
    }
  if (!g_str_equal (category, imp.kind->category))
    {
      hcs_store_rollback (store);
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
      hcs_store_rollback (store);
      g_set_error_literal (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_FORBIDDEN,
                           _("Only an administrator may import people’s records with require_subject: it would "
                             "tell which ID numbers are registered. Import without it."));
      return NULL;
    }

  earlier = hcs_store_imports_find_sha (store, sha, &local);
  if (earlier < 0)
    {
      hcs_store_rollback (store);
      return store_failed (failure, &local, error);
    }
  if (earlier > 0 && !options->force)
    {
      hcs_store_rollback (store);
      failure->earlier_import_id = earlier;
      g_set_error (error, HCS_IMPORT_ERROR, HCS_IMPORT_ERROR_ALREADY_IMPORTED,
                   _("This file was imported before, as import %lld."), (long long) earlier);
      return NULL;
    }

  imp.import_id = hcs_store_imports_insert (store, imp.kind->kind, options->item_id, options->actor->username,
                                            options->file_name, sha, encoding, &local);
  imp.insert = imp.import_id > 0 ? hcs_store_imports_record_insert (store, imp.kind->table, !imp.require_subject, &local) : NULL;
  if (imp.insert == NULL ||
      !import_rows (&imp, sheet ? NULL : &csv, sheet, sheet ? sheet->len : (guint64) text_len, &local))
    {
      hcs_store_rollback (store);
      return store_failed (failure, &local, error);
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
  json_object_set_int_member (answer, "other_errors", imp.other_errors);
  json_object_set_member (answer, "reasons", json_from_string (reasons, NULL));
  json_object_set_int_member (answer, "duration_ms", (g_get_monotonic_time () - started) / 1000);
  after = hcs_json_object_node (answer);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, imp.import_id);

  if (!hcs_store_imports_finish (store, imp.import_id, imp.rows_read, imp.accepted, imp.rejected,
                                 imp.uscc_errors, imp.other_errors,
                                 json_object_get_int_member (answer, "duration_ms"), reasons, sha, &local) ||
      !hcs_store_imports_add_collected (store, options->item_id, imp.accepted, &local) ||
      !hcs_store_audit_record (store, options->actor, "import.create", "import", id_text, NULL, after, &local) ||
      !hcs_store_commit (store, &local))
    {
      hcs_store_rollback (store);
      return store_failed (failure, &local, error);
    }

  json_object_set_boolean_member (answer, "rejections_truncated",
                                  imp.n_rejections > (gint64) json_array_get_length (imp.rejections));
  json_object_set_array_member (answer, "rejections", g_steal_pointer (&imp.rejections));
  return g_steal_pointer (&answer);
}
