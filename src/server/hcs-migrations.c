/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Schema migrations, versioned in PRAGMA user_version. */
#define G_LOG_DOMAIN "hcs-migrations"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "hcs-store-pg.h"
#include "hcs-store-private.h"
#include "hcs-store.h"

/* Each migration is a list of SQL files from the server's GResource
 * (src/server/schema/), applied in order, all in one transaction. Version 1
 * is the first schema, one file per table family so that each family's
 * owner edits only its own file. Later versions append entries here; a
 * published version is never edited. Each file has its PostgreSQL twin of
 * the same name in schema/pg/ (hcs-store-pg.c; the suite api-pg fails
 * without it). */
static const char * const migration_1[] = {
  "users.sql",
  "subjects.sql",
  "catalog.sql",
  "indicators.sql",
  "lists.sql",
  "repairs.sql",
  "risk.sql",
  "imports.sql",
  "audit.sql",
  NULL
};

/* 信用档案 and 信用报告 (issue 16). */
static const char * const migration_2[] = {
  "credfile.sql",
  NULL
};

/* The heat map's early warning: rules and alerts (issue 10). */
static const char * const migration_3[] = {
  "risk-alerts.sql",
  NULL
};

/* 名单认定: notice periods, measures of one list type, 申报关注名单, the
 * 条例's right name (issue 9). */
static const char * const migration_4[] = {
  "lists-designation.sql",
  NULL
};

/* 基础目录 / 补充目录 of each catalog item (issue 8). */
static const char * const migration_5[] = {
  "catalog-scope.sql",
  NULL
};

/* 谁认定、谁修复: the department of a repair case (issue 9). */
static const char * const migration_6[] = {
  "repairs-department.sql",
  NULL
};

/* 名单自动比对: the input of each run, unreadable rows, clearances of
 * false matches, feedback on hits (issue 9). */
static const char * const migration_7[] = {
  "lists-matching.sql",
  NULL
};

/* Names written before the input rules, in NFC (issue 11). test-api-input
 * brings a database back to the version before it, so the migrations after
 * it must bear being applied again. */
static const char * const migration_8[] = {
  "nfc-names.sql",
  NULL
};

/* The name search's bigram index, kept by triggers (issue 12). */
static const char * const migration_9[] = {
  "subject-name-grams.sql",
  NULL
};

/* 信用修复: the evidence of a repair case (issue 9). Idempotent: test-api-input
 * brings a database back to version 7 and migrates it again. */
static const char * const migration_10[] = {
  "repairs-evidence.sql",
  NULL
};

/* 公共信用综合评价: evaluation models, computed grades, overrides
 * (issue 13). */
static const char * const migration_11[] = {
  "grading.sql",
  NULL
};

/* 重码 counted per import at import time (issue 8). Idempotent. */
static const char * const migration_12[] = {
  "import-duplicates.sql",
  NULL
};

/* 双随机、一公开: inspection plans, draws, results (issue 13). */
static const char * const migration_13[] = {
  "inspections.sql",
  NULL
};

/* Indicators by 市县: the 市县's targets and their deviation rule
 * (issue 10). Idempotent. */
static const char * const migration_14[] = {
  "indicators-regional.sql",
  NULL
};

/* 信用修复: the rule each case's deadline was counted by — working days of
 * the holiday calendar in force, or calendar days (issue 9). Idempotent. */
static const char * const migration_15[] = {
  "repairs-deadline-rule.sql",
  NULL
};

/* 名单 deadlines: the notice period and the objection time counted by the
 * holiday calendar, each step keeping its deadline and rule (issue 9).
 * Idempotent. */
static const char * const migration_16[] = {
  "lists-deadline-rule.sql",
  NULL
};

/* 公共信用综合评价: subject_grades by the day they are as of, for the
 * stale-grade check (issue 13). Idempotent. */
static const char * const migration_17[] = {
  "grading-as-of.sql",
  NULL
};

/* The name search's per-bigram counts, kept by triggers (issue 12).
 * Idempotent. */
static const char * const migration_18[] = {
  "subject-name-gram-counts.sql",
  NULL
};

/* 预警: an open alert that its edited rule no longer calls for stays open,
 * marked (issue 10). Idempotent. */
static const char * const migration_19[] = {
  "risk-alerts-lapse.sql",
  NULL
};

/* A session's last write position, for reads from a replica (issue 15). */
static const char * const migration_20[] = {
  "sessions-write-lsn.sql",
  NULL
};

/* The exact count of subjects per type, region, status and grade, kept by
 * triggers: GET /subjects' total without counting (issue 12). Idempotent. */
static const char * const migration_21[] = {
  "subject-counts.sql",
  NULL
};

/* The subjects' generation, raised by every write of a subject: a name
 * search's exact total remembered while it stays (issue 12). Idempotent. */
static const char * const migration_22[] = {
  "subject-generation.sql",
  NULL
};

/* Over PostgreSQL, the records' subject_id and record numbers checked and
 * kept once a statement, not once a row; nothing on SQLite (issue 15).
 * Idempotent. */
static const char * const migration_23[] = {
  "records-statement-checks.sql",
  NULL
};

static const char * const * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  migration_8,
  migration_9,
  migration_10,
  migration_11,
  migration_12,
  migration_13,
  migration_14,
  migration_15,
  migration_16,
  migration_17,
  migration_18,
  migration_19,
  migration_20,
  migration_21,
  migration_22,
  migration_23,
};

int
hcs_migrations_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

/**
 * hcs_migrations_files:
 * @version: 1 … hcs_migrations_latest ()
 *
 * The schema files of a version, NULL-terminated. The PostgreSQL backend
 * applies the files of the same names from schema/pg/ (hcs-store-pg.c), so
 * that both backends count versions alike.
 */
const char * const *
hcs_migrations_files (int version)
{
  g_return_val_if_fail (version >= 1 && version <= hcs_migrations_latest (), NULL);
  return migrations[version - 1];
}

/* An ALTER TABLE … ADD COLUMN whose column is already there: a database
 * brought back to an earlier version (test-api-input sets version 7) meets
 * the migrations after it again, and a column they add must not stop it. */
static gboolean
is_column_already_added (sqlite3    *db,
                         const char *statement)
{
  return g_ascii_strncasecmp (statement, "ALTER TABLE", sizeof "ALTER TABLE" - 1) == 0
         && g_str_has_prefix (sqlite3_errmsg (db), "duplicate column name");
}

/* Runs a migration file one statement at a time, so that each statement is
 * prepared against the schema the ones before it made. */
static gboolean
exec_statements (HcsStore    *store,
                 const char  *sql,
                 GError     **error)
{
  sqlite3 *db = hcs_store_get_db (store);
  const char *next = sql;

  while (*next != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      const char *tail = NULL;
      int rc;

      /* White space and comments first, so that an ALTER TABLE after a
       * comment is still recognised below. */
      for (;;)
        {
          while (g_ascii_isspace (*next))
            next++;
          if (next[0] != '-' || next[1] != '-')
            break;
          while (*next != '\0' && *next != '\n')
            next++;
        }
      if (*next == '\0')
        break;
      rc = sqlite3_prepare_v2 (db, next, -1, &stmt, &tail);
      if (rc != SQLITE_OK)
        {
          if (is_column_already_added (db, next))
            {
              const char *end = strchr (next, ';');

              next = end != NULL ? end + 1 : next + strlen (next);
              continue;
            }
          return hcs_store_set_error (store, rc, error);
        }
      if (stmt == NULL)  /* only comments or white space were left */
        break;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return hcs_store_set_error (store, rc, error);
      next = tail;
    }
  return TRUE;
}

static gboolean
apply_file (HcsStore    *store,
            const char  *name,
            GError     **error)
{
  g_autofree char *path = g_strconcat ("/org/hncredit/server/schema/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  gsize len;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));
  if (!exec_statements (store, sql, error))
    {
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }
  return TRUE;
}

/**
 * hcs_store_migrate:
 *
 * Brings the database to the latest schema, all versions missing in one
 * transaction: a failure leaves the database as it was. A database newer than
 * this server is refused rather than touched.
 */
gboolean
hcs_store_migrate (HcsStore  *self,
                   GError   **error)
{
  int have, want = hcs_migrations_latest ();
  g_autofree char *set_version = NULL;

  if (hcs_store_is_pg (self))
    return hcs_pg_migrate (hcs_store_get_pg (self), error);
  have = hcs_store_get_schema_version (self);
  if (have < 0)
    return hcs_store_set_error (self, sqlite3_errcode (hcs_store_get_db (self)), error);
  if (have > want)
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_SCHEMA,
                   "the database has schema version %d, newer than this server's %d",
                   have, want);
      return FALSE;
    }
  if (have == want)
    return TRUE;

  if (!hcs_store_begin (self, error))
    return FALSE;
  for (int v = have; v < want; v++)
    for (guint i = 0; migrations[v][i] != NULL; i++)
      if (!apply_file (self, migrations[v][i], error))
        {
          hcs_store_rollback (self);
          return FALSE;
        }
  set_version = g_strdup_printf ("PRAGMA user_version = %d", want);
  if (!hcs_store_exec (self, set_version, error))
    {
      hcs_store_rollback (self);
      return FALSE;
    }
  return hcs_store_commit (self, error);
}
