/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hncredit: the desktop console's entry point. */
#define G_LOG_DOMAIN "hncredit"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hc-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HcApplication) app = NULL;
  const char *localedir = g_getenv ("HNCREDIT_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && localedir[0] ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hc_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
