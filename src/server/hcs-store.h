/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsStore: the storage of the server, as the layers above it see it: open,
 * transactions, errors. The SQL and the SQLite types stay in the store
 * files (hcs-store*.c, hcs-migrations.c), through hcs-store-private.h. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HCS_STORE_ERROR (hcs_store_error_quark ())

typedef enum
{
  HCS_STORE_ERROR_FAILED,
  HCS_STORE_ERROR_NOT_FOUND,
  HCS_STORE_ERROR_DUPLICATE,   /* a UNIQUE or PRIMARY KEY constraint */
  HCS_STORE_ERROR_CONSTRAINT,  /* CHECK, NOT NULL or FOREIGN KEY */
  HCS_STORE_ERROR_STALE,       /* the version a write carried is not current */
  HCS_STORE_ERROR_BUSY,        /* the database stayed locked too long */
  HCS_STORE_ERROR_CORRUPT,
  HCS_STORE_ERROR_SCHEMA,      /* the database is newer than this server */
  HCS_STORE_ERROR_UNAVAILABLE, /* the disk is full, read-only or failing: nothing
                                * was written, and a later write may succeed */
  HCS_STORE_ERROR_COMMIT_UNKNOWN, /* the connection to PostgreSQL was lost while its
                                   * COMMIT ran: the write may have been committed */
} HcsStoreError;

typedef struct _HcsStore HcsStore;

/* When a commit counts as done (PRAGMA synchronous in WAL mode). */
typedef enum
{
  HCS_STORE_SYNC_FULL = 0,     /* on disk: survives a power loss (the default) */
  HCS_STORE_SYNC_NORMAL,       /* survives a crash of the server, not of the machine */
} HcsStoreSync;

GQuark        hcs_store_error_quark         (void);

HcsStore     *hcs_store_open                (const char    *path,
                                             GError       **error);
void          hcs_store_free                (HcsStore      *self);
gboolean      hcs_store_ensure_connected    (HcsStore      *self,
                                             GError       **error);
gboolean      hcs_store_set_sync            (HcsStore      *self,
                                             HcsStoreSync   sync,
                                             GError       **error);
guint         hcs_store_set_wait            (HcsStore      *self,
                                             guint          wait_ms);
const char   *hcs_store_get_path            (HcsStore      *self);

gboolean      hcs_store_begin               (HcsStore      *self,
                                             GError       **error);
gboolean      hcs_store_commit              (HcsStore      *self,
                                             GError       **error);
void          hcs_store_rollback            (HcsStore      *self);
gboolean      hcs_store_in_transaction      (HcsStore      *self);

int           hcs_store_get_schema_version  (HcsStore      *self);
const char   *hcs_store_get_synchronous     (HcsStore      *self);

char         *hcs_now_iso                   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsStore, hcs_store_free)

/* The schema version this server writes; see hcs-migrations.c. */
#define HCS_SCHEMA_VERSION hcs_migrations_latest ()
int           hcs_migrations_latest         (void);
const char * const *hcs_migrations_files    (int            version);
gboolean      hcs_store_migrate             (HcsStore      *self,
                                             GError       **error);

G_END_DECLS
