/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For UI tests: run the real app in this process under Xvfb, wait for what
 * it shows, and take pictures of it. */
#pragma once

#include <gtk/gtk.h>

#include "hc-application.h"
#include "hc-test-server.h"
#include "hc-window.h"

G_BEGIN_DECLS

typedef gboolean (*HcUiCondition) (gpointer data);
typedef void     (*HcUiBody)      (HcApplication *app,
                                   HcWindow      *window,
                                   gpointer       data);
typedef gboolean (*HcUiAfterFrames) (GtkWidget   *widget,
                                     gpointer     data);

void       hc_ui_test_init        (int            *argc,
                                   char         ***argv);
int        hc_ui_test_finish      (int             status);
void       hc_ui_wait_until       (const char     *what,
                                   HcUiCondition   condition,
                                   gpointer        data);
void       hc_ui_wait_frames      (GtkWidget      *widget,
                                   guint           n_frames,
                                   HcUiAfterFrames then,
                                   gpointer        data);
int        hc_ui_run_app          (const char * const *args,
                                   HcUiBody        body,
                                   gpointer        data);
GtkWidget *hc_ui_find_descendant  (GtkWidget      *root,
                                   GType           type);
void       hc_ui_wait_pane_loaded (HcWindow       *window,
                                   const char     *pane);
GtkWidget *hc_ui_sign_in          (HcWindow       *window,
                                   const char     *username,
                                   const char     *pane);
/* hc_ui_run_app() with the app pointed at @server; asserts it ran.
 * Inline: the benchmarks share this file without the test server. */
static inline void
hc_ui_run_app_on (HcTestServer *server,
                  HcUiBody      body,
                  gpointer      data)
{
  const char *args[] = { "--server", hc_test_server_get_url (server), NULL };

  g_assert_cmpint (hc_ui_run_app (args, body, data), ==, 0);
}
GdkTexture *hc_ui_screenshot      (GtkWidget      *widget);
gboolean   hc_ui_texture_is_blank (GdkTexture     *texture);
GdkTexture *hc_ui_take_shot       (GtkWidget      *widget,
                                   const char     *name);
gboolean   hc_ui_console_shown    (gpointer        window);
gboolean   hc_ui_sign_in_shown    (gpointer        window);
/* The visible toplevel window of @type, or %NULL (transfer none). */
GtkWindow *hc_ui_find_window      (GType           type);
/* The *@nth widget of @type in depth-first order below @root (counts
 * *@nth down as it goes), or %NULL. */
GtkWidget *hc_ui_find_nth         (GtkWidget      *root,
                                   GType           type,
                                   guint          *nth);
/* The button (@root or below it, depth first) whose action is @action,
 * or %NULL (transfer none). */
GtkWidget *hc_ui_find_action_button (GtkWidget    *root,
                                     const char   *action);

/* The data rows of an export: a CSV's lines after its header (which
 * @header gets, when not %NULL), an XLSX's first sheet's rows after its. */
guint      hc_ui_csv_rows         (const char     *path,
                                   char          **header);
gint64     hc_ui_xlsx_rows        (const char     *path);

G_END_DECLS
