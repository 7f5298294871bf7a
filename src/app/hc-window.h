/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcWindow: the main window — sign-in, the sidebar of panes, toasts. */
#pragma once

#include <adwaita.h>

#include "hc-client.h"
#include "hc-embedded-server.h"
#include "hc-sign-in-page.h"

G_BEGIN_DECLS

#define HC_TYPE_WINDOW (hc_window_get_type ())

G_DECLARE_FINAL_TYPE (HcWindow, hc_window, HC, WINDOW, AdwApplicationWindow)

HcWindow     *hc_window_new                (AdwApplication   *app,
                                            HcClient         *client,
                                            HcEmbeddedServer *embedded,
                                            const char       *server_url);
HcClient     *hc_window_get_client         (HcWindow         *self);
const char   *hc_window_get_page           (HcWindow         *self);
HcSignInPage *hc_window_get_sign_in_page   (HcWindow         *self);
gboolean      hc_window_show_pane          (HcWindow         *self,
                                            const char       *name);
const char   *hc_window_get_pane           (HcWindow         *self);
GtkWidget    *hc_window_get_pane_widget    (HcWindow         *self,
                                            const char       *name);
void          hc_window_add_toast          (HcWindow         *self,
                                            const char       *message);
void          hc_window_show_toast         (HcWindow         *self,
                                            AdwToast         *toast);
const char * const *hc_window_get_pane_names (void);

G_END_DECLS
