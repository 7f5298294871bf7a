/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A store statement's SQLite text in PostgreSQL's dialect (issue 15), for
 * the store files only (hcs-store-stmt.c). */
#pragma once

#include <glib.h>

#include "hcs-store-stmt.h"

G_BEGIN_DECLS

typedef enum
{
  HCS_PG_CONFLICT_NONE,
  HCS_PG_CONFLICT_IGNORE,    /* INSERT OR IGNORE: ON CONFLICT DO NOTHING */
  HCS_PG_CONFLICT_REPLACE,   /* INSERT OR REPLACE: ON CONFLICT (pk) DO UPDATE */
} HcsPgConflict;

typedef struct
{
  char       *text;          /* PostgreSQL's: $1 … $n_params */
  int         n_params;
  GHashTable *names;         /* ":name" → GINT_TO_POINTER (its $N) */
  char       *insert_table;  /* an INSERT's table, else NULL */
  gboolean    returns_id;    /* "RETURNING id" was added */
  /* When a parameter is first met in "$N IS [NOT] NULL", PostgreSQL cannot
   * tell its type: the text with those tests as TRUE, to ask its types of
   * (PQdescribePrepared) once; NULL when not needed. */
  char       *describe;
} HcsPgSql;

HcsPgSql     *hcs_pg_sql_translate          (const char    *sqlite,
                                             gboolean       ignore_conflicts,
                                             const char  *(*primary_key) (const char *table,
                                                                          gpointer    data),
                                             gboolean     (*has_id)      (const char *table,
                                                                          gpointer    data),
                                             gpointer       data);
void          hcs_pg_sql_free               (HcsPgSql      *sql);

/* A statement over PostgreSQL (hcs-store-stmt.c); takes @sql. */
HcsStmt      *hcs_stmt_new_pg               (HcsPgSql      *sql);

/* The functions the translation calls (pg_temp.sq_*), made once per
 * connection; on a hot standby, those of this server's schema
 * hcs_sqlite_HASH, which the primary makes at migrate
 * (hcs-store-pg-sql-functions.c). */
extern const char hcs_pg_sql_functions[];
const char   *hcs_pg_sql_function_text      (void);
const char   *hcs_pg_sql_shared_schema      (void);
char         *hcs_pg_sql_shared_functions   (void);
void          hcs_pg_sql_use_shared_functions (HcsPgSql    *sql);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsPgSql, hcs_pg_sql_free)

G_END_DECLS
