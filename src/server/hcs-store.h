/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsStore: one SQLite connection with its prepared statements. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

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
gboolean      hcs_store_set_sync            (HcsStore      *self,
                                             HcsStoreSync   sync,
                                             GError       **error);
sqlite3      *hcs_store_get_db              (HcsStore      *self);
const char   *hcs_store_get_path            (HcsStore      *self);

sqlite3_stmt *hcs_store_prepare             (HcsStore      *self,
                                             const char    *sql,
                                             GError       **error);
int           hcs_store_step                (HcsStore      *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
gboolean      hcs_store_step_done           (HcsStore      *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
gboolean      hcs_store_exec                (HcsStore      *self,
                                             const char    *sql,
                                             GError       **error);

gboolean      hcs_store_begin               (HcsStore      *self,
                                             GError       **error);
gboolean      hcs_store_commit              (HcsStore      *self,
                                             GError       **error);
void          hcs_store_rollback            (HcsStore      *self);

gint64        hcs_store_single_int          (HcsStore      *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
gboolean      hcs_store_check_versioned_update (HcsStore   *self,
                                             const char    *exists_sql,
                                             gint64         id,
                                             GError       **error);
gint64        hcs_store_insert              (HcsStore      *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
JsonObject   *hcs_store_get_object          (HcsStore      *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
gint64        hcs_store_last_insert_rowid   (HcsStore      *self);
int           hcs_store_changes             (HcsStore      *self);
gboolean      hcs_store_set_error           (HcsStore      *self,
                                             int            rc,
                                             GError       **error);

JsonObject   *hcs_store_row_object          (sqlite3_stmt  *stmt);
JsonArray    *hcs_store_rows_array          (HcsStore      *self,
                                             sqlite3_stmt  *stmt,
                                             guint          max_rows,
                                             GError       **error);
void          hcs_store_bind_text           (sqlite3_stmt  *stmt,
                                             int            index,
                                             const char    *text);
void          hcs_store_bind_json           (sqlite3_stmt  *stmt,
                                             int            index,
                                             JsonNode      *node);

int           hcs_store_get_schema_version  (HcsStore      *self);

char         *hcs_now_iso                   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsStore, hcs_store_free)

/* The schema version this server writes; see hcs-migrations.c. */
#define HCS_SCHEMA_VERSION hcs_migrations_latest ()
int           hcs_migrations_latest         (void);
gboolean      hcs_store_migrate             (HcsStore      *self,
                                             GError       **error);

G_END_DECLS
