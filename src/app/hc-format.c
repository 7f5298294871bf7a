/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates and counts as the user's language writes them. */
#define G_LOG_DOMAIN "hc-format"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-format.h"

/**
 * hc_format_date:
 * Returns: @date as a day in the user's language, e.g. "2025年3月1日" in
 * Chinese; the translators choose the pattern.
 */
char *
hc_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* Translators: a day as g_date_time_format() writes it; %-m and %-d
   * drop the leading zero. In Chinese: "%Y年%-m月%-d日". */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/**
 * hc_format_count:
 * Returns: @count with the thousands grouped as the locale groups them
 * ("12,345" in zh_CN and en).
 */
char *
hc_format_count (gint64 count)
{
  g_autofree char *plain = g_strdup_printf ("%" G_GINT64_FORMAT, count < 0 ? -count : count);
  /* Translators: the separator between groups of three digits. */
  const char *separator = C_("number", ",");
  GString *out = g_string_new (count < 0 ? "-" : "");
  gsize len = strlen (plain);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, plain[i]);
    }
  return g_string_free (out, FALSE);
}
