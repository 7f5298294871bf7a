/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL for risk events and the monthly roll-up the heat map reads. */
#define G_LOG_DOMAIN "hcs-store-risk"

#include "config.h"

#include <string.h>

#include "hcs-store-pg-private.h"
#include "hcs-store-pg.h"
#include "hcs-store-private.h"
#include "hcs-store-risk.h"

#define EVENT_COLUMNS \
  "e.id AS id, e.region AS region, e.occurred_on AS occurred_on, e.month AS month," \
  " e.category AS category, e.severity AS severity, e.title AS title," \
  " e.description AS description, s.identifier AS subject, e.department_id AS department_id," \
  " e.created_by AS created_by, e.created_at AS created_at, e.version AS version"

#define EVENT_FILTERS \
  " WHERE (?2 IS NULL OR e.category = ?2)" \
  "   AND e.occurred_on >= coalesce (?3, '') AND e.occurred_on < coalesce (?4, '9999')" \
  "   AND e.severity >= ?5"

#define EVENT_AFTER \
  "   AND (e.occurred_on, e.id) < (?6, ?7)" \
  " ORDER BY e.occurred_on DESC, e.id DESC LIMIT ?8"

/* Two forms, so that a 市县 filter uses its index (region, occurred_on, id)
 * and no filter walks (occurred_on, id) backwards. */
static const char SQL_LIST_EVENTS[] =
  "SELECT " EVENT_COLUMNS " FROM risk_events e LEFT JOIN subjects s ON s.id = e.subject_id"
  EVENT_FILTERS " AND ?1 IS NULL" EVENT_AFTER;
static const char SQL_LIST_EVENTS_REGION[] =
  "SELECT " EVENT_COLUMNS " FROM risk_events e LEFT JOIN subjects s ON s.id = e.subject_id"
  EVENT_FILTERS " AND e.region = ?1" EVENT_AFTER;
static const char SQL_COUNT_EVENTS[] =
  "SELECT count(*) FROM risk_events e" EVENT_FILTERS " AND ?1 IS NULL";
static const char SQL_COUNT_EVENTS_REGION[] =
  "SELECT count(*) FROM risk_events e" EVENT_FILTERS " AND e.region = ?1";

/* Without a severity filter the roll-up has the count: month bounds from
 * the day bounds, which are always the first of a month. */
static const char SQL_COUNT_ROLLUP[] =
  "SELECT coalesce (sum (events), 0) FROM risk_rollup"
  " WHERE (?1 IS NULL OR region = ?1) AND (?2 IS NULL OR category = ?2)"
  "   AND month >= substr (coalesce (?3, ''), 1, 7) AND month < substr (coalesce (?4, '9999'), 1, 7)";

/**
 * hcs_store_risk_list:
 * @total: (out) (optional): when not %NULL, the count of all matches
 *
 * Returns: (transfer full): up to @page->limit + 1 events, newest first
 *   (by occurred_on, then id)
 */
JsonArray *
hcs_store_risk_list (HcsStore             *store,
                     const HcsRiskFilter  *filter,
                     const HcsPage        *page,
                     gint64               *total,
                     GError              **error)
{
  gboolean by_region = filter->region != NULL;
  const HcsStoreValue where[] = { HCS_STORE_TEXT (filter->region), HCS_STORE_TEXT (filter->category),
                                  HCS_STORE_TEXT (filter->from_day), HCS_STORE_TEXT (filter->until_day),
                                  HCS_STORE_INT (MAX (filter->severity_min, 1)) };
  HcsStmt *stmt;

  g_return_val_if_fail (store != NULL, NULL);

  if (total != NULL &&
      (*total = hcs_store_count_filtered (store,
                                          filter->severity_min > 1
                                            ? (by_region ? SQL_COUNT_EVENTS_REGION : SQL_COUNT_EVENTS)
                                            : SQL_COUNT_ROLLUP,
                                          where, G_N_ELEMENTS (where), error)) < 0)
    return NULL;

  stmt = hcs_store_prepare (store, by_region ? SQL_LIST_EVENTS_REGION : SQL_LIST_EVENTS, error);
  if (stmt == NULL)
    return NULL;
  hcs_store_bind_filter (stmt, where, G_N_ELEMENTS (where));
  /* The first page starts above every real key. */
  hcs_store_bind_text (stmt, 6, page->after_key ? page->after_key : "9999-12-31");
  hcs_stmt_bind_int64 (stmt, 7, page->after_key ? page->after_id : G_MAXINT64);
  hcs_stmt_bind_int64 (stmt, 8, page->limit + 1);
  return hcs_store_rows_array (store, stmt, 0, error);
}

static const char SQL_GET_EVENT[] =
  "SELECT " EVENT_COLUMNS " FROM risk_events e LEFT JOIN subjects s ON s.id = e.subject_id"
  " WHERE e.id = ?1";

JsonObject *
hcs_store_risk_get (HcsStore  *store,
                    gint64     id,
                    GError   **error)
{
  HcsStmt *stmt;
  JsonObject *obj;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  stmt = hcs_store_prepare (store, SQL_GET_EVENT, error);
  if (stmt == NULL)
    return NULL;
  hcs_stmt_bind_int64 (stmt, 1, id);
  rc = hcs_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == HCS_STMT_DONE)
    {
      hcs_stmt_reset (stmt);
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND,
                   "no risk event %" G_GINT64_FORMAT, id);
      return NULL;
    }
  obj = hcs_store_row_object (stmt);
  hcs_stmt_reset (stmt);
  return obj;
}

static const char SQL_INSERT_EVENT[] =
  "INSERT INTO risk_events (region, month, occurred_on, category, severity, subject_id,"
  " department_id, title, description, created_by, created_at)"
  " VALUES (?1, substr (?2, 1, 7), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

/* Returns: the new id, 0 on error */
gint64
hcs_store_risk_insert (HcsStore               *store,
                       const HcsRiskEventNew  *event,
                       GError                **error)
{
  g_autofree char *now = NULL;
  HcsStmt *stmt;

  g_return_val_if_fail (store != NULL, 0);

  stmt = hcs_store_prepare (store, SQL_INSERT_EVENT, error);
  if (stmt == NULL)
    return 0;
  if (event->created_at == NULL)
    now = hcs_now_iso ();
  hcs_store_bind_text (stmt, 1, event->region);
  hcs_store_bind_text (stmt, 2, event->occurred_on);
  hcs_store_bind_text (stmt, 3, event->category);
  hcs_stmt_bind_int64 (stmt, 4, event->severity);
  if (event->subject_id > 0)
    hcs_stmt_bind_int64 (stmt, 5, event->subject_id);
  if (event->department_id > 0)
    hcs_stmt_bind_int64 (stmt, 6, event->department_id);
  hcs_store_bind_text (stmt, 7, event->title);
  hcs_store_bind_text (stmt, 8, event->description ? event->description : "");
  hcs_store_bind_text (stmt, 9, event->created_by);
  hcs_store_bind_text (stmt, 10, event->created_at ? event->created_at : now);
  return hcs_store_insert (store, stmt, error);
}

/* Many events in one transaction (the demo seeding): over SQLite each
 * through hcs_store_risk_insert(); over PostgreSQL through COPY
 * (hcs-store-pg-bulk.c), whose rows fire the same roll-up triggers, instead
 * of one INSERT (one round trip) an event. Their ids are not returned. */
struct _HcsRiskInserter
{
  HcsStore   *store;
  HcsPgBulk  *bulk;
};

static const char * const BULK_COLUMNS[] = {
  "region", "month", "occurred_on", "category", "severity", "subject_id", "department_id", "title",
  "description", "created_by", "created_at", NULL
};

HcsRiskInserter *
hcs_risk_inserter_new (HcsStore *store)
{
  HcsRiskInserter *self = g_new0 (HcsRiskInserter, 1);

  self->store = store;
  if (hcs_store_is_pg (store))
    self->bulk = hcs_pg_bulk_new (hcs_store_get_pg (store), "risk_events", BULK_COLUMNS);
  return self;
}

gboolean
hcs_risk_inserter_add (HcsRiskInserter        *self,
                       const HcsRiskEventNew  *event,
                       GError                **error)
{
  g_autofree char *now = NULL;
  g_autofree char *month = NULL;
  char severity[24], subject[24], department[24];
  const char *values[11];

  if (self->bulk == NULL)
    return hcs_store_risk_insert (self->store, event, error) != 0;
  if (event->created_at == NULL)
    now = hcs_now_iso ();
  month = g_utf8_substring (event->occurred_on, 0, 7);
  g_snprintf (severity, sizeof severity, "%" G_GINT64_FORMAT, event->severity);
  g_snprintf (subject, sizeof subject, "%" G_GINT64_FORMAT, event->subject_id);
  g_snprintf (department, sizeof department, "%" G_GINT64_FORMAT, event->department_id);
  values[0] = event->region;
  values[1] = month;
  values[2] = event->occurred_on;
  values[3] = event->category;
  values[4] = severity;
  values[5] = event->subject_id > 0 ? subject : NULL;
  values[6] = event->department_id > 0 ? department : NULL;
  values[7] = event->title;
  values[8] = event->description ? event->description : "";
  values[9] = event->created_by;
  values[10] = event->created_at ? event->created_at : now;
  return hcs_pg_bulk_row (self->bulk, values, error);
}

/* Writes what is still buffered: call it before reading the events. */
gboolean
hcs_risk_inserter_finish (HcsRiskInserter  *self,
                          GError          **error)
{
  return self->bulk == NULL || hcs_pg_bulk_flush (self->bulk, error);
}

void
hcs_risk_inserter_free (HcsRiskInserter *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->bulk, hcs_pg_bulk_free);
  g_free (self);
}

static const char SQL_DELETE_EVENT[] = "DELETE FROM risk_events WHERE id = ?1 AND version = ?2";
static const char SQL_EVENT_EXISTS[] = "SELECT 1 FROM risk_events WHERE id = ?1";

/* Deletes the event at @version; STALE when it has another, NOT_FOUND when
 * there is none. */
gboolean
hcs_store_risk_delete (HcsStore  *store,
                       gint64     id,
                       gint64     version,
                       GError   **error)
{
  HcsStmt *stmt;
  int rc;

  g_return_val_if_fail (store != NULL, FALSE);

  stmt = hcs_store_prepare (store, SQL_DELETE_EVENT, error);
  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  hcs_stmt_bind_int64 (stmt, 2, version);
  if (!hcs_store_step_done (store, stmt, error))
    return FALSE;
  if (hcs_store_changes (store) > 0)
    return TRUE;

  stmt = hcs_store_prepare (store, SQL_EVENT_EXISTS, error);
  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  rc = hcs_store_step (store, stmt, error);
  hcs_stmt_reset (stmt);
  if (rc < 0)
    return FALSE;
  if (rc == HCS_STMT_ROW)
    g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_STALE,
                 "risk event %" G_GINT64_FORMAT " has changed", id);
  else
    g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND,
                 "no risk event %" G_GINT64_FORMAT, id);
  return FALSE;
}

static const char SQL_FIND_SUBJECT[] = "SELECT id FROM subjects WHERE identifier = ?1";

/* Returns: the subject's id, 0 when unknown (without @error), -1 on error */
gint64
hcs_store_risk_find_subject (HcsStore    *store,
                             const char  *identifier,
                             GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_FIND_SUBJECT, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  hcs_store_bind_text (stmt, 1, identifier);
  rc = hcs_store_step (store, stmt, error);
  if (rc < 0)
    return -1;
  if (rc == HCS_STMT_ROW)
    id = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  return id;
}

static const char SQL_DEPARTMENT_EXISTS[] = "SELECT 1 FROM departments WHERE id = ?1";

/* Returns: %TRUE when it exists; %FALSE when not, or with @error set */
gboolean
hcs_store_risk_department_exists (HcsStore  *store,
                                  gint64     id,
                                  GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_DEPARTMENT_EXISTS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  hcs_stmt_bind_int64 (stmt, 1, id);
  rc = hcs_store_step (store, stmt, error);
  hcs_stmt_reset (stmt);
  return rc == HCS_STMT_ROW;
}

/* Two look-ups at the ends of the primary key, not a scan. */
static const char SQL_MONTH_SPAN[] =
  "SELECT (SELECT min (month) FROM risk_rollup), (SELECT max (month) FROM risk_rollup)";

/* The first and last month that have events; both %NULL when none. */
gboolean
hcs_store_risk_month_span (HcsStore  *store,
                           char     **first,
                           char     **last,
                           GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_MONTH_SPAN, error);

  *first = *last = NULL;
  if (stmt == NULL || hcs_store_step (store, stmt, error) != HCS_STMT_ROW)
    return FALSE;
  if (hcs_stmt_column_type (stmt, 0) != HCS_STMT_NULL)
    {
      *first = g_strdup (hcs_stmt_column_text (stmt, 0));
      *last = g_strdup (hcs_stmt_column_text (stmt, 1));
    }
  hcs_stmt_reset (stmt);
  return TRUE;
}

static const char SQL_POPULATIONS[] = "SELECT region, population FROM region_population";

/* Returns: (transfer full): region code → population (as GINT_TO_POINTER) */
GHashTable *
hcs_store_risk_populations (HcsStore  *store,
                            GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_POPULATIONS, error);
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    g_hash_table_insert (table, g_strdup (hcs_stmt_column_text (stmt, 0)),
                         GINT_TO_POINTER (hcs_stmt_column_int (stmt, 1)));
  hcs_stmt_reset (stmt);
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&table);
}

/* The roll-up in memory --------------------------------------------------
 *
 * Over SQLite every heat map is summed from a copy of the whole roll-up
 * kept by the connection, read again (one pass over the table in its
 * primary key's order) whenever the database may have changed since
 * (hcs_store_risk_data_stamp). Summed in SQL, a filter over 60 months read
 * up to 9,120 rows (60 months × 19 市县 × 8 categories) through aggregates
 * and, grouped by 市县 or by 市县 and category, a sort of them all: 2–6 ms of
 * the heat map's 5 ms (bench/README.md, bench-heatmap); from the copy a
 * filter takes microseconds. The sums are the same integers. Not over
 * PostgreSQL, whose stamp changes with every transaction of any server
 * (and whose statements are not this CPU's), nor inside a transaction of
 * this connection (what it reads there may yet be rolled back). */

/* Months as a count since year 0 ("YYYY-MM"); FALSE when not such a month. */
static gboolean
month_index (const char *text,
             int        *out)
{
  if (text == NULL || strlen (text) != 7 || text[4] != '-' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || !g_ascii_isdigit (text[2]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6]))
    return FALSE;
  *out = (int) g_ascii_strtoll (text, NULL, 10) * 12 + (int) g_ascii_strtoll (text + 5, NULL, 10) - 1;
  /* Months 01–12 only: text order and this order agree then. */
  return text[5] < '1' ? text[6] != '0' : text[5] == '1' && text[6] <= '2';
}

/* A copy of more months than this (the demo has 60) is not kept. */
#define COPY_MAX_MONTHS 1200

struct _HcsRiskRollupCopy
{
  gint64      stamp;
  gboolean    usable;       /* FALSE: the statements sum this state */
  int         first;        /* the first month (month_index) */
  guint       n_months;
  GPtrArray  *regions;      /* the distinct 市县 codes */
  GPtrArray  *categories;   /* the distinct category keys */
  gint64     *events;       /* [month][region][category] */
  gint64     *severities;
};

void
hcs_risk_rollup_copy_free (HcsRiskRollupCopy *copy)
{
  if (copy == NULL)
    return;
  g_clear_pointer (&copy->regions, g_ptr_array_unref);
  g_clear_pointer (&copy->categories, g_ptr_array_unref);
  g_free (copy->events);
  g_free (copy->severities);
  g_free (copy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsRiskRollupCopy, hcs_risk_rollup_copy_free)

typedef struct
{
  int    month;
  guint  region;
  guint  category;
  gint64 events;
  gint64 severity;
} CopyRow;

static guint
intern (GPtrArray  *strings,
        GHashTable *index,
        const char *text)
{
  gpointer found;

  if (g_hash_table_lookup_extended (index, text, NULL, &found))
    return GPOINTER_TO_UINT (found);
  g_ptr_array_add (strings, g_strdup (text));
  g_hash_table_insert (index, g_ptr_array_index (strings, strings->len - 1), GUINT_TO_POINTER (strings->len - 1));
  return strings->len - 1;
}

static const char SQL_ROLLUP_ALL[] =
  "SELECT month, region, category, events, severity_sum FROM risk_rollup";

/* Returns: (transfer full): the roll-up as it is now, not usable when it
 * cannot be kept (a month that is not YYYY-MM, too many months); %NULL
 * with @error on a storage error */
static HcsRiskRollupCopy *
rollup_copy_read (HcsStore  *store,
                  gint64     stamp,
                  GError   **error)
{
  g_autoptr(HcsRiskRollupCopy) copy = g_new0 (HcsRiskRollupCopy, 1);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (CopyRow));
  g_autoptr(GHashTable) region_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) category_index = g_hash_table_new (g_str_hash, g_str_equal);
  HcsStmt *stmt = hcs_store_prepare (store, SQL_ROLLUP_ALL, error);
  gboolean usable = TRUE;
  int first = G_MAXINT, last = G_MININT;
  int rc;

  if (stmt == NULL)
    return NULL;
  copy->stamp = stamp;
  copy->regions = g_ptr_array_new_with_free_func (g_free);
  copy->categories = g_ptr_array_new_with_free_func (g_free);
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    {
      CopyRow row;

      if (!month_index (hcs_stmt_column_text (stmt, 0), &row.month))
        usable = FALSE;
      row.region = intern (copy->regions, region_index, hcs_stmt_column_text (stmt, 1));
      row.category = intern (copy->categories, category_index, hcs_stmt_column_text (stmt, 2));
      row.events = hcs_stmt_column_int64 (stmt, 3);
      row.severity = hcs_stmt_column_int64 (stmt, 4);
      first = MIN (first, row.month);
      last = MAX (last, row.month);
      g_array_append_val (rows, row);
    }
  hcs_stmt_reset (stmt);
  if (rc < 0)
    return NULL;
  if (!usable || (rows->len > 0 && last - first >= COPY_MAX_MONTHS))
    return g_steal_pointer (&copy);
  copy->usable = TRUE;
  copy->first = rows->len > 0 ? first : 0;
  copy->n_months = rows->len > 0 ? (guint) (last - first + 1) : 0;
  copy->events = g_new0 (gint64, (gsize) copy->n_months * copy->regions->len * copy->categories->len);
  copy->severities = g_new0 (gint64, (gsize) copy->n_months * copy->regions->len * copy->categories->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const CopyRow *row = &g_array_index (rows, CopyRow, i);
      gsize at = ((gsize) (row->month - copy->first) * copy->regions->len + row->region)
                 * copy->categories->len + row->category;

      copy->events[at] += row->events;
      copy->severities[at] += row->severity;
    }
  return g_steal_pointer (&copy);
}

/* Returns: (transfer none) (nullable): the connection's copy of the roll-up
 * as it is now, read again when the database may have changed; %NULL when
 * none is kept (PostgreSQL, in a transaction, …), with @error set on a
 * storage error */
static HcsRiskRollupCopy *
rollup_copy_get (HcsStore  *store,
                 GError   **error)
{
  HcsRiskRollupCopy **slot = hcs_store_risk_rollup_copy (store);
  gint64 stamp;

  if (hcs_store_is_pg (store) || hcs_store_in_transaction (store))
    return NULL;
  /* Read before the copy, as the heat map's cache of answers reads it: a
   * change after it gives the next call another stamp. */
  stamp = hcs_store_risk_data_stamp (store);
  if (stamp < 0)
    return NULL;
  if (*slot == NULL || (*slot)->stamp != stamp)
    {
      g_clear_pointer (slot, hcs_risk_rollup_copy_free);
      *slot = rollup_copy_read (store, stamp, error);
    }
  return *slot != NULL && (*slot)->usable ? *slot : NULL;
}

/* Sums the copy over [@from, @to] (months) by @group, as the statements
 * below do: @func for each group with events, or with a sum of severities. */
static void
rollup_copy_sum (HcsRiskRollupCopy  *copy,
                 HcsRiskGroup        group,
                 int                 from,
                 int                 to,
                 int                 category,   /* -1: all */
                 HcsRiskRollupFunc   func,
                 gpointer            user_data)
{
  guint n_regions = copy->regions->len, n_categories = copy->categories->len;
  guint c_first = category < 0 ? 0 : (guint) category;
  guint c_end = category < 0 ? n_categories : (guint) category + 1;
  int lo = MAX (from, copy->first), hi = MIN (to, copy->first + (int) copy->n_months - 1);
  char month[16];

#define AT(m, r, c) ((((gsize) ((m) - copy->first)) * n_regions + (r)) * n_categories + (c))
  for (guint r = 0; r < n_regions && group != HCS_RISK_GROUP_REGION_MONTH; r++)
    for (guint c = c_first; c < c_end; c++)
      {
        gint64 events = 0, severity = 0;

        for (int m = lo; m <= hi; m++)
          {
            events += copy->events[AT (m, r, c)];
            severity += copy->severities[AT (m, r, c)];
          }
        if (group == HCS_RISK_GROUP_REGION_CATEGORY && (events != 0 || severity != 0))
          func (g_ptr_array_index (copy->regions, r), g_ptr_array_index (copy->categories, c),
                events, severity, user_data);
        else if (group == HCS_RISK_GROUP_REGION && (events != 0 || severity != 0))
          func (g_ptr_array_index (copy->regions, r), NULL, events, severity, user_data);
      }
  for (int m = lo; m <= hi && group == HCS_RISK_GROUP_REGION_MONTH; m++)
    {
      g_snprintf (month, sizeof month, "%04d-%02d", m / 12, m % 12 + 1);
      for (guint r = 0; r < n_regions; r++)
        {
          gint64 events = 0, severity = 0;

          for (guint c = c_first; c < c_end; c++)
            {
              events += copy->events[AT (m, r, c)];
              severity += copy->severities[AT (m, r, c)];
            }
          if (events != 0 || severity != 0)
            func (g_ptr_array_index (copy->regions, r), month, events, severity, user_data);
        }
    }
#undef AT
}

/* Over PostgreSQL (or in a transaction): all three read the roll-up over
 * its primary key's month range only. */
static const char SQL_ROLLUP_REGION[] =
  "SELECT region, NULL, sum (events), sum (severity_sum) FROM risk_rollup"
  " WHERE month BETWEEN ?1 AND ?2 AND (?3 IS NULL OR category = ?3)"
  " GROUP BY region";
static const char SQL_ROLLUP_REGION_MONTH[] =
  "SELECT region, month, sum (events), sum (severity_sum) FROM risk_rollup"
  " WHERE month BETWEEN ?1 AND ?2 AND (?3 IS NULL OR category = ?3)"
  " GROUP BY month, region";
static const char SQL_ROLLUP_REGION_CATEGORY[] =
  "SELECT region, category, sum (events), sum (severity_sum) FROM risk_rollup"
  " WHERE month BETWEEN ?1 AND ?2 AND (?3 IS NULL OR category = ?3)"
  " GROUP BY region, category";

/**
 * hcs_store_risk_rollup:
 * @func: called for each group that has events
 *
 * Sums the monthly roll-up over [@from_month, @to_month] (YYYY-MM) by
 * @group: from the connection's copy of it over SQLite, else in SQL.
 */
gboolean
hcs_store_risk_rollup (HcsStore           *store,
                       HcsRiskGroup        group,
                       const char         *from_month,
                       const char         *to_month,
                       const char         *category,
                       HcsRiskRollupFunc   func,
                       gpointer            user_data,
                       GError            **error)
{
  const char *sql = group == HCS_RISK_GROUP_REGION ? SQL_ROLLUP_REGION
                  : group == HCS_RISK_GROUP_REGION_MONTH ? SQL_ROLLUP_REGION_MONTH
                  : SQL_ROLLUP_REGION_CATEGORY;
  HcsRiskRollupCopy *copy;
  HcsStmt *stmt;
  int from, to, c = -1;
  int rc;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (month_index (from_month, &from) && month_index (to_month, &to))
    {
      g_autoptr(GError) local = NULL;

      if ((copy = rollup_copy_get (store, &local)) == NULL && local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (copy != NULL)
        {
          for (guint i = 0; category != NULL && i < copy->categories->len && c < 0; i++)
            if (g_str_equal (category, g_ptr_array_index (copy->categories, i)))
              c = (int) i;
          /* A category without events has no groups. */
          if (category == NULL || c >= 0)
            rollup_copy_sum (copy, group, from, to, c, func, user_data);
          return TRUE;
        }
    }

  stmt = hcs_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  hcs_store_bind_text (stmt, 1, from_month);
  hcs_store_bind_text (stmt, 2, to_month);
  hcs_store_bind_text (stmt, 3, category);
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    func (hcs_stmt_column_text (stmt, 0),
          hcs_stmt_column_text (stmt, 1),
          hcs_stmt_column_int64 (stmt, 2), hcs_stmt_column_int64 (stmt, 3), user_data);
  hcs_stmt_reset (stmt);
  return rc >= 0;
}

static const char SQL_DATA_VERSION[] = "PRAGMA data_version";

static const char SQL_PG_SNAPSHOT[] = "SELECT pg_current_snapshot ()::text";

/**
 * hcs_store_risk_data_stamp:
 *
 * Returns: a number that changes whenever this connection or another one
 *   may have changed the database since the last call (for caches of
 *   answers computed from it), or -1 on error
 */
gint64
hcs_store_risk_data_stamp (HcsStore *store)
{
  HcsStmt *stmt;
  gint64 version;

  g_return_val_if_fail (store != NULL, -1);

  /* Over PostgreSQL other servers write too: the database's current
   * snapshot (the first unassigned transaction id and those in progress),
   * which changes whenever a transaction of any server that wrote has
   * begun or ended since — and, since it is what decides visibility, an
   * answer computed after it was read is never older than what it names.
   * Read before the answer is computed, as data_version is. Folded into
   * 64 bits (FNV-1a); -1 (no cache) when it cannot be read. */
  if (hcs_store_is_pg (store))
    {
      g_autofree char *snapshot = hcs_pg_single_text (hcs_store_get_pg (store), SQL_PG_SNAPSHOT, 0, NULL, NULL);
      guint64 hash = 14695981039346656037u;

      if (snapshot == NULL)
        return -1;
      for (const char *c = snapshot; *c != '\0'; c++)
        hash = (hash ^ (guchar) *c) * 1099511628211u;
      return (gint64) (hash & G_MAXINT64);
    }
  stmt = hcs_store_prepare (store, SQL_DATA_VERSION, NULL);
  if (stmt == NULL || hcs_store_step (store, stmt, NULL) != HCS_STMT_ROW)
    return -1;
  version = hcs_stmt_column_int64 (stmt, 0);
  hcs_stmt_reset (stmt);
  /* data_version sees other connections' commits; total_changes our own. */
  return (version << 32) ^ hcs_store_total_changes (store);
}

static const char SQL_REGION_ORGANISATIONS[] =
  "SELECT id FROM subjects WHERE region = ?1 AND type <> 'natural_person' ORDER BY id";

/* Returns: (transfer full) (element-type gint64): the ids of the
 * organisations registered in @region, for the demo's events */
GArray *
hcs_store_risk_region_organisations (HcsStore    *store,
                                     const char  *region,
                                     GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_REGION_ORGANISATIONS, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  hcs_store_bind_text (stmt, 1, region);
  while ((rc = hcs_store_step (store, stmt, error)) == HCS_STMT_ROW)
    {
      gint64 id = hcs_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  hcs_stmt_reset (stmt);
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&ids);
}
