/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV reader of an import: one RFC 4180 record at a time. */
#define G_LOG_DOMAIN "hcs-import"

#include "config.h"

#include <glib/gi18n.h>

#include "hcs-import-private.h"

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}
gboolean
hcs_import_csv_next (Csv *csv)
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
