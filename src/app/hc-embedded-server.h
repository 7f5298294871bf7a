/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcEmbeddedServer: the app's own hncredit-server child on 127.0.0.1. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HC_TYPE_EMBEDDED_SERVER (hc_embedded_server_get_type ())

G_DECLARE_FINAL_TYPE (HcEmbeddedServer, hc_embedded_server, HC, EMBEDDED_SERVER, GObject)

HcEmbeddedServer *hc_embedded_server_new             (void);
void              hc_embedded_server_start_async     (HcEmbeddedServer    *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
char             *hc_embedded_server_start_finish    (HcEmbeddedServer    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void              hc_embedded_server_stop            (HcEmbeddedServer    *self);
gboolean          hc_embedded_server_get_running     (HcEmbeddedServer    *self);
GPid              hc_embedded_server_get_pid         (HcEmbeddedServer    *self);
char             *hc_embedded_server_read_password   (HcEmbeddedServer    *self,
                                                      GError             **error);
char             *hc_embedded_server_find_binary     (void);

G_END_DECLS
