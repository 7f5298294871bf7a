/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The checks of an import: the header mapped to the kind's columns, each
 * row's values checked (identifiers, dates, amounts, codes, texts) and its
 * rejections recorded. No database but the rejections' own rows. */
#define G_LOG_DOMAIN "hcs-import"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hc-core.h"
#include "hcs-import-private.h"

gboolean
hcs_import_reject (Import      *imp,
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
gboolean
hcs_import_check_row (Import   *imp,
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
              if (!hcs_import_reject (imp, col->key, "missing_value", message, error))
                return FALSE;
            }
          continue;
        }
      if (strlen (v) > MAX_TEXT && g_utf8_strlen (v, -1) > MAX_TEXT)
        {
          message = g_strdup_printf (_("%s is longer than %d characters."), col->label, MAX_TEXT);
          if (!hcs_import_reject (imp, col->key, "too_long", message, error))
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
      if (code != NULL && !hcs_import_reject (imp, col->key, code, message, error))
        return FALSE;
    }
  return TRUE;
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
gboolean
hcs_import_map_header (Import              *imp,
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
