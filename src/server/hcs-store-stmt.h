/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsStmt: one prepared statement of the store, whatever the backend — the
 * binds, the rows and the columns the hcs-store-*.c files use in place of
 * sqlite3_stmt. For the store files only (through hcs-store-private.h). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HcsStmt HcsStmt;

/* What hcs_store_step() returns when it does not fail. */
#define HCS_STMT_ROW  100
#define HCS_STMT_DONE 101

typedef enum
{
  HCS_STMT_INTEGER = 1,
  HCS_STMT_FLOAT,
  HCS_STMT_TEXT,
  HCS_STMT_BLOB,
  HCS_STMT_NULL,
} HcsStmtType;

const char   *hcs_stmt_sql                  (HcsStmt       *stmt);
void          hcs_stmt_reset                (HcsStmt       *stmt);
void          hcs_stmt_clear_bindings       (HcsStmt       *stmt);
int           hcs_stmt_bind_parameter_count (HcsStmt       *stmt);
/* The index of a named parameter (":key"), or 0 when it has none. */
int           hcs_stmt_bind_parameter_index (HcsStmt       *stmt,
                                             const char    *name);

void          hcs_stmt_bind_int64           (HcsStmt       *stmt,
                                             int            index,
                                             gint64         value);
void          hcs_stmt_bind_double          (HcsStmt       *stmt,
                                             int            index,
                                             double         value);
void          hcs_stmt_bind_null            (HcsStmt       *stmt,
                                             int            index);
/* A copy of @text, or NULL when @text is NULL. */
void          hcs_stmt_bind_text            (HcsStmt       *stmt,
                                             int            index,
                                             const char    *text);
/* @text is not copied: it must live until the statement is stepped. */
void          hcs_stmt_bind_text_static     (HcsStmt       *stmt,
                                             int            index,
                                             const char    *text);
/* Takes @text (g_free()), or binds NULL when it is NULL. */
void          hcs_stmt_bind_text_take       (HcsStmt       *stmt,
                                             int            index,
                                             char          *text);

int           hcs_stmt_column_count         (HcsStmt       *stmt);
const char   *hcs_stmt_column_name          (HcsStmt       *stmt,
                                             int            column);
HcsStmtType   hcs_stmt_column_type          (HcsStmt       *stmt,
                                             int            column);
gint64        hcs_stmt_column_int64         (HcsStmt       *stmt,
                                             int            column);
int           hcs_stmt_column_int           (HcsStmt       *stmt,
                                             int            column);
double        hcs_stmt_column_double        (HcsStmt       *stmt,
                                             int            column);
const char   *hcs_stmt_column_text          (HcsStmt       *stmt,
                                             int            column);
int           hcs_stmt_column_bytes         (HcsStmt       *stmt,
                                             int            column);

G_END_DECLS
