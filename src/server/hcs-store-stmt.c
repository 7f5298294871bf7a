/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsStmt: over SQLite a thin wrapper of sqlite3_stmt; over PostgreSQL the
 * statement's text translated once (hcs-store-pg-sql.c), its binds kept as
 * text parameters, run by PQexecParams at the first step and its rows
 * walked from the PGresult, each column typed from PQftype so that a row
 * reads as the SQLite one (src/server/DESIGN.md, "Backends"). */
#define G_LOG_DOMAIN "hcs-store"

#include "config.h"

#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "hcs-store-pg-private.h"
#include "hcs-store-pg-sql.h"
#include "hcs-store-private.h"

/* PostgreSQL's type OIDs (catalog/pg_type_d.h, stable across versions) */
#define BOOLOID    16
#define INT8OID    20
#define INT2OID    21
#define INT4OID    23
#define OIDOID     26
#define FLOAT4OID  700
#define FLOAT8OID  701
#define NUMERICOID 1700
#define TEXTOID    25

struct _HcsStmt
{
  sqlite3_stmt *sq;            /* SQLite; NULL over PostgreSQL */

  HcsPgSql     *pg;            /* PostgreSQL */
  char        **values;        /* the binds as text, 1-based: values[0] unused */
  Oid          *types;
  int           n_values;      /* allocated, including values[0] */
  Oid          *described;     /* the parameters' types, when asked (describe) */
  PGresult     *result;        /* after the first step */
  int           row;           /* the current row */
};

HcsStmt *
hcs_stmt_new_sqlite (sqlite3_stmt *sq)
{
  HcsStmt *stmt = g_new0 (HcsStmt, 1);

  stmt->sq = sq;
  return stmt;
}

HcsStmt *
hcs_stmt_new_pg (HcsPgSql *sql)
{
  HcsStmt *stmt = g_new0 (HcsStmt, 1);

  stmt->pg = sql;
  stmt->row = -1;
  return stmt;
}

void
hcs_stmt_free (HcsStmt *stmt)
{
  if (stmt == NULL)
    return;
  if (stmt->sq != NULL)
    sqlite3_finalize (stmt->sq);
  if (stmt->pg != NULL)
    {
      hcs_stmt_reset (stmt);
      hcs_stmt_clear_bindings (stmt);
      g_free (stmt->values);
      g_free (stmt->types);
      g_free (stmt->described);
      hcs_pg_sql_free (stmt->pg);
    }
  g_free (stmt);
}

/* Binds @value (taken) of @type to ?@index. */
static void
pg_bind (HcsStmt *stmt,
         int      index,
         char    *value,
         Oid      type)
{
  if (index < 1 || index > stmt->pg->n_params)
    {
      g_free (value);
      return;
    }
  if (stmt->values == NULL)
    {
      stmt->n_values = stmt->pg->n_params + 1;
      stmt->values = g_new0 (char *, stmt->n_values);
      stmt->types = g_new0 (Oid, stmt->n_values);
    }
  g_free (stmt->values[index]);
  stmt->values[index] = value;
  stmt->types[index] = type;
}

/* Prepares @text as the unnamed statement with @types and describes it;
 * inside a transaction under a savepoint, so that a refusal leaves the
 * transaction going. */
static PGresult *
describe_with (HcsPg      *pg,
               const char *text,
               int         n,
               const Oid  *types)
{
  PGconn *conn = hcs_pg_get_conn (pg);
  gboolean in_transaction = PQtransactionStatus (conn) == PQTRANS_INTRANS;
  PGresult *result;

  if (in_transaction)
    PQclear (hcs_pg_wait (pg, PQsendQuery (conn, "SAVEPOINT hc_describe")));
  result = hcs_pg_wait (pg, PQsendPrepare (conn, "", text, n, types));
  if (PQresultStatus (result) == PGRES_COMMAND_OK)
    {
      PQclear (result);
      result = hcs_pg_wait (pg, PQsendDescribePrepared (conn, ""));
    }
  if (in_transaction)
    PQclear (hcs_pg_wait (pg, PQsendQuery (conn, PQresultStatus (result) == PGRES_COMMAND_OK
                                                   ? "RELEASE SAVEPOINT hc_describe"
                                                   : "ROLLBACK TO SAVEPOINT hc_describe")));
  return result;
}

/* Asks PostgreSQL, once, the types of the statement's parameters: first
 * leaving each to what its place wants (as SQLite's affinity does), and
 * when that leaves one undetermined or ambiguous, with the types of the
 * values bound now (an integer as bigint, a text as text). A parameter
 * met in "$N IS [NOT] NULL" first is read on the text with those tests as
 * TRUE (HcsPgSql.describe); one met nowhere else is text. */
static gboolean
pg_describe (HcsStmt  *stmt,
             HcsPg    *pg,
             GError  **error)
{
  int n = stmt->pg->n_params;
  const char *text = stmt->pg->describe != NULL ? stmt->pg->describe : stmt->pg->text;
  g_autofree Oid *types = g_new0 (Oid, MAX (n, 1));
  PGresult *result;
  const char *state;

  for (int i = 0; i < n; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("\\$%d(?![0-9])", i + 1);

      if (!g_regex_match_simple (pattern, text, 0, 0))
        types[i] = TEXTOID;
    }
  result = describe_with (pg, text, n, types);
  state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && state != NULL && g_str_has_prefix (state, "42"))
    {
      PQclear (result);
      for (int i = 0; i < n; i++)
        if (types[i] == 0 && stmt->types != NULL && i + 1 < stmt->n_values)
          types[i] = stmt->types[i + 1];
      result = describe_with (pg, text, n, types);
    }
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      g_debug ("cannot describe «%s»: %s", text, PQresultErrorMessage (result));
      hcs_pg_set_error (pg, result, error);
      PQclear (result);
      return FALSE;
    }
  stmt->described = g_new0 (Oid, MAX (n, 1));
  for (int i = 0; i < n && i < PQnparams (result); i++)
    stmt->described[i] = PQparamtype (result, i);
  PQclear (result);
  return TRUE;
}

/**
 * hcs_stmt_pg_step:
 *
 * Runs the statement at its first step, then walks its rows. An INSERT
 * that returns its id (hcs_pg_sql_translate()) sets @last_id and returns no
 * row, as over SQLite.
 *
 * Returns: HCS_STMT_ROW, HCS_STMT_DONE, or -1 with @error set
 */
int
hcs_stmt_pg_step (HcsStmt  *stmt,
                  HcsPg    *pg,
                  gint64   *last_id,
                  gint64   *changes,
                  GError  **error)
{
  if (stmt->result == NULL)
    {
      int n = stmt->pg->n_params;
      ExecStatusType status;

      if (n > 0 && stmt->described == NULL && !pg_describe (stmt, pg, error))
        return -1;
      stmt->result = hcs_pg_wait (pg, PQsendQueryParams (hcs_pg_get_conn (pg), stmt->pg->text, n,
                                                         stmt->described,
                                                         stmt->values != NULL
                                                           ? (const char * const *) stmt->values + 1 : NULL,
                                                         NULL, NULL, 0));
      status = PQresultStatus (stmt->result);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        {
          g_debug ("«%s» failed: %s", stmt->pg->text, PQresultErrorMessage (stmt->result));
          hcs_pg_set_error (pg, stmt->result, error);
          hcs_stmt_reset (stmt);
          return -1;
        }
      stmt->row = -1;
      if (stmt->pg->returns_id)
        {
          int rows = PQntuples (stmt->result);

          if (rows > 0)
            *last_id = g_ascii_strtoll (PQgetvalue (stmt->result, rows - 1, 0), NULL, 10);
          *changes = rows;
          return HCS_STMT_DONE;
        }
      if (status == PGRES_COMMAND_OK)
        *changes = g_ascii_strtoll (PQcmdTuples (stmt->result), NULL, 10);
    }
  if (stmt->pg->returns_id)
    return HCS_STMT_DONE;
  if (stmt->row + 1 < PQntuples (stmt->result))
    {
      stmt->row++;
      return HCS_STMT_ROW;
    }
  stmt->row = PQntuples (stmt->result);
  return HCS_STMT_DONE;
}

/* Whether the current row has a value in @column. */
static gboolean
pg_has_value (HcsStmt *stmt,
              int      column)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < PQntuples (stmt->result) &&
         column >= 0 && column < PQnfields (stmt->result) &&
         !PQgetisnull (stmt->result, stmt->row, column);
}

sqlite3_stmt *
hcs_stmt_get_sqlite (HcsStmt *stmt)
{
  return stmt->sq;
}

const char *
hcs_stmt_sql (HcsStmt *stmt)
{
  if (stmt->pg != NULL)
    return stmt->pg->text;
  return sqlite3_sql (stmt->sq);
}

void
hcs_stmt_reset (HcsStmt *stmt)
{
  if (stmt->pg != NULL)
    {
      g_clear_pointer (&stmt->result, PQclear);
      stmt->row = -1;
      return;
    }
  sqlite3_reset (stmt->sq);
}

void
hcs_stmt_clear_bindings (HcsStmt *stmt)
{
  if (stmt->pg != NULL)
    {
      for (int i = 0; i < stmt->n_values; i++)
        {
          g_clear_pointer (&stmt->values[i], g_free);
          stmt->types[i] = 0;
        }
      return;
    }
  sqlite3_clear_bindings (stmt->sq);
}

int
hcs_stmt_bind_parameter_count (HcsStmt *stmt)
{
  if (stmt->pg != NULL)
    return stmt->pg->n_params;
  return sqlite3_bind_parameter_count (stmt->sq);
}

int
hcs_stmt_bind_parameter_index (HcsStmt    *stmt,
                               const char *name)
{
  if (stmt->pg != NULL)
    return GPOINTER_TO_INT (g_hash_table_lookup (stmt->pg->names, name));
  return sqlite3_bind_parameter_index (stmt->sq, name);
}

void
hcs_stmt_bind_int64 (HcsStmt *stmt,
                     int      index,
                     gint64   value)
{
  if (stmt->pg != NULL)
    {
      pg_bind (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), INT8OID);
      return;
    }
  sqlite3_bind_int64 (stmt->sq, index, value);
}

void
hcs_stmt_bind_double (HcsStmt *stmt,
                      int      index,
                      double   value)
{
  if (stmt->pg != NULL)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      pg_bind (stmt, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)), FLOAT8OID);
      return;
    }
  sqlite3_bind_double (stmt->sq, index, value);
}

void
hcs_stmt_bind_null (HcsStmt *stmt,
                    int      index)
{
  if (stmt->pg != NULL)
    {
      pg_bind (stmt, index, NULL, 0);
      return;
    }
  sqlite3_bind_null (stmt->sq, index);
}

void
hcs_stmt_bind_text (HcsStmt    *stmt,
                    int         index,
                    const char *text)
{
  if (stmt->pg != NULL)
    {
      pg_bind (stmt, index, g_strdup (text), text != NULL ? TEXTOID : 0);
      return;
    }
  if (text == NULL)
    sqlite3_bind_null (stmt->sq, index);
  else
    sqlite3_bind_text (stmt->sq, index, text, -1, SQLITE_TRANSIENT);
}

void
hcs_stmt_bind_text_static (HcsStmt    *stmt,
                           int         index,
                           const char *text)
{
  if (stmt->pg != NULL)
    {
      pg_bind (stmt, index, g_strdup (text), text != NULL ? TEXTOID : 0);
      return;
    }
  sqlite3_bind_text (stmt->sq, index, text, -1, SQLITE_STATIC);
}

void
hcs_stmt_bind_text_take (HcsStmt *stmt,
                         int      index,
                         char    *text)
{
  if (stmt->pg != NULL)
    {
      pg_bind (stmt, index, text, text != NULL ? TEXTOID : 0);
      return;
    }
  if (text == NULL)
    sqlite3_bind_null (stmt->sq, index);
  else
    sqlite3_bind_text (stmt->sq, index, text, -1, g_free);
}

int
hcs_stmt_column_count (HcsStmt *stmt)
{
  if (stmt->pg != NULL)
    return stmt->result != NULL ? PQnfields (stmt->result) : 0;
  return sqlite3_column_count (stmt->sq);
}

const char *
hcs_stmt_column_name (HcsStmt *stmt,
                      int      column)
{
  if (stmt->pg != NULL)
    return stmt->result != NULL ? PQfname (stmt->result, column) : NULL;
  return sqlite3_column_name (stmt->sq, column);
}

HcsStmtType
hcs_stmt_column_type (HcsStmt *stmt,
                      int      column)
{
  if (stmt->pg != NULL)
    {
      if (!pg_has_value (stmt, column))
        return HCS_STMT_NULL;
      switch (PQftype (stmt->result, column))
        {
        case BOOLOID:
        case INT2OID:
        case INT4OID:
        case INT8OID:
        case OIDOID:
          return HCS_STMT_INTEGER;
        case FLOAT4OID:
        case FLOAT8OID:
          return HCS_STMT_FLOAT;
        case NUMERICOID:
          /* sum() of integers is an integer, as over SQLite */
          return strpbrk (PQgetvalue (stmt->result, stmt->row, column), ".eEN") != NULL
                 ? HCS_STMT_FLOAT : HCS_STMT_INTEGER;
        default:
          return HCS_STMT_TEXT;
        }
    }
  switch (sqlite3_column_type (stmt->sq, column))
    {
    case SQLITE_INTEGER:
      return HCS_STMT_INTEGER;
    case SQLITE_FLOAT:
      return HCS_STMT_FLOAT;
    case SQLITE_BLOB:
      return HCS_STMT_BLOB;
    case SQLITE_NULL:
      return HCS_STMT_NULL;
    default:
      return HCS_STMT_TEXT;
    }
}

gint64
hcs_stmt_column_int64 (HcsStmt *stmt,
                       int      column)
{
  if (stmt->pg != NULL)
    {
      const char *text;

      if (!pg_has_value (stmt, column))
        return 0;
      text = PQgetvalue (stmt->result, stmt->row, column);
      if (PQftype (stmt->result, column) == BOOLOID)
        return text[0] == 't';
      if (strpbrk (text, ".eE") != NULL)
        return (gint64) g_ascii_strtod (text, NULL);
      return g_ascii_strtoll (text, NULL, 10);
    }
  return sqlite3_column_int64 (stmt->sq, column);
}

int
hcs_stmt_column_int (HcsStmt *stmt,
                     int      column)
{
  if (stmt->pg != NULL)
    return (int) hcs_stmt_column_int64 (stmt, column);
  return sqlite3_column_int (stmt->sq, column);
}

double
hcs_stmt_column_double (HcsStmt *stmt,
                        int      column)
{
  if (stmt->pg != NULL)
    {
      if (!pg_has_value (stmt, column))
        return 0.0;
      if (PQftype (stmt->result, column) == BOOLOID)
        return PQgetvalue (stmt->result, stmt->row, column)[0] == 't';
      return g_ascii_strtod (PQgetvalue (stmt->result, stmt->row, column), NULL);
    }
  return sqlite3_column_double (stmt->sq, column);
}

const char *
hcs_stmt_column_text (HcsStmt *stmt,
                      int      column)
{
  if (stmt->pg != NULL)
    {
      if (!pg_has_value (stmt, column))
        return NULL;
      if (PQftype (stmt->result, column) == BOOLOID)
        return PQgetvalue (stmt->result, stmt->row, column)[0] == 't' ? "1" : "0";
      return PQgetvalue (stmt->result, stmt->row, column);
    }
  return (const char *) sqlite3_column_text (stmt->sq, column);
}

int
hcs_stmt_column_bytes (HcsStmt *stmt,
                       int      column)
{
  if (stmt->pg != NULL)
    {
      const char *text = hcs_stmt_column_text (stmt, column);

      return text != NULL ? (int) strlen (text) : 0;
    }
  return sqlite3_column_bytes (stmt->sq, column);
}
