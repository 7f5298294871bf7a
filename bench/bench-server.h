/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every benchmark program does with the real server: start it on a
 * database, stop it, sign in, post to it and time a request. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

char *bench_server_path  (void);
char *bench_server_start (const char   *path,
                          const char   *db,
                          const char   *pw_file,
                          const char   *scale,
                          GSubprocess **out);
void  bench_server_stop  (GSubprocess  *proc);
JsonObject *bench_post_json (SoupSession *session,
                             const char  *url,
                             const char  *path,
                             const char  *token,
                             ...) G_GNUC_NULL_TERMINATED;
char *bench_sign_in      (SoupSession  *session,
                          const char   *url,
                          const char   *username,
                          const char   *password);
GBytes *bench_send       (SoupSession  *session,
                          SoupMessage  *msg,
                          const char   *token,
                          double       *seconds);

G_END_DECLS
