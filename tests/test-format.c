/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hc_format_date and hc_format_count in Chinese (LANGUAGE=zh_CN). */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hc-format.h"

static void
test_format_date_in_chinese (void)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (2025, 3, 1, 10, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_local (2024, 12, 31, 0, 0, 0);
  g_autofree char *text = hc_format_date (day);
  g_autofree char *text2 = hc_format_date (later);

  g_assert_cmpstr (text, ==, "2025年3月1日");
  g_assert_cmpstr (text2, ==, "2024年12月31日");
}

static void
test_format_count_groups_thousands (void)
{
  struct { gint64 n; const char *text; } cases[] = {
    { 0, "0" }, { 999, "999" }, { 1000, "1,000" }, { 100000, "100,000" },
    { 1234567, "1,234,567" }, { -45000, "-45,000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hc_format_count (cases[i].n);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("HNCREDIT_LOCALEDIR");

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && localedir[0] ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/date-in-chinese", test_format_date_in_chinese);
  g_test_add_func ("/format/count-groups-thousands", test_format_count_groups_thousands);
  return g_test_run ();
}
