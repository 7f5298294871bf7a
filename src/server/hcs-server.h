/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsServer: the listening workers that answer the API. */
#pragma once

#include <gio/gio.h>

#include "hcs-router.h"

G_BEGIN_DECLS

typedef struct _HcsServer HcsServer;

typedef struct
{
  const char *db_path;
  const char *db_read_path;  /* --db-read: a PostgreSQL replica for reads, or NULL */
  const char *host;
  guint16     port;          /* 0: pick a free one */
  guint       n_workers;     /* 0: default */
  gint64      token_ttl;     /* seconds; < 0: the default */
  guint       idle_timeout;  /* seconds a connection may be silent; 0: default */
  guint       request_timeout; /* seconds for a request's headers; 0: default */
  HcsStoreSync sync;         /* when a commit is on disk */
  const char *tls_cert_file; /* PEM; with tls_key_file: HTTPS */
  const char *tls_key_file;
} HcsServerOptions;

gboolean   hcs_server_reads_from_replica (const char *method,
                                          gboolean    has_replica,
                                          gboolean    signed_in,
                                          gboolean    replica_is_current);
HcsServer *hcs_server_new        (const HcsServerOptions  *options,
                                  GError                 **error);
gboolean   hcs_server_start      (HcsServer               *self,
                                  GError                 **error);
guint16    hcs_server_get_port   (HcsServer               *self);
const char *hcs_server_get_host  (HcsServer               *self);
gboolean   hcs_server_is_https   (HcsServer               *self);
void       hcs_server_stop       (HcsServer               *self);
void       hcs_server_free       (HcsServer               *self);
gint64     hcs_server_token_ttl  (void);
SoupServer *hcs_server_new_soup_for_store (HcsServer      *self,
                                           HcsStore       *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsServer, hcs_server_free)

G_END_DECLS
