/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences window: the server address, bound to GSettings. */
#define G_LOG_DOMAIN "hc-preferences"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-preferences-window.h"

GtkWindow *
hc_preferences_window_new (GtkWindow *parent)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwPreferencesWindow *window;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  GtkWidget *row;

  window = ADW_PREFERENCES_WINDOW (adw_preferences_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);

  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Server"));
  adw_preferences_group_set_description (group,
    _("Leave the address empty to use the built-in server with your own database. Changes take effect at the next start."));

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Server Address"));
  g_settings_bind (settings, "server-url", row, "text", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (group, row);

  adw_preferences_page_add (page, group);
  adw_preferences_window_add (window, page);
  return GTK_WINDOW (window);
}
