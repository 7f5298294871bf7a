/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQL of the 信用档案: a subject's records by kind (newest first, keyset
 * paged), 双公示, commitments' fulfilment and the issued reports. Every
 * record query carries the reader's disclosure level, so that a record of a
 * catalog item the reader may not see never leaves the database. */
#define G_LOG_DOMAIN "hcs-store-records"

#include "config.h"

#include "hcs-store-private.h"
#include "hcs-store-records.h"

/* The level of a catalog item's disclosure, comparable with :level. */
#define LEVEL_OF(ci) \
  "(CASE " ci ".disclosure WHEN 'public' THEN 0 WHEN 'conditional' THEN 1 ELSE 2 END)"

#define ITEM_COLUMNS \
  " ci.id AS item_id, ci.name AS item_name, ci.disclosure AS disclosure," \
  " ci.subject_type AS subject_type, ci.department_id AS department_id, d.name AS department_name"
#define ITEM_JOIN(r) \
  " JOIN catalog_items ci ON ci.id = " r ".item_id JOIN departments d ON d.id = ci.department_id"

/* The 市县 of a record: its subject's, or else the one its code names (a
 * USCC holds the division code at positions 3–8, an ID number at 1–6; the
 * districts of the four cities belong to their city). */
#define REGION_OF(code) \
  "(CASE WHEN substr (" code ", 1, 4) IN ('4601', '4602', '4603', '4604')" \
  " THEN substr (" code ", 1, 4) || '00' ELSE " code " END)"
#define RECORD_REGION(r) \
  "coalesce (s.region, " REGION_OF ("(CASE WHEN ci.subject_type = 'natural_person' THEN substr (" r ".uscc, 1, 6)" \
  " ELSE substr (" r ".uscc, 3, 6) END)") ")"

/* 行政处罚 stays under publicity until its publicity date, or for a year
 * after the decision when none was given (the longest period for 一般失信
 * 行为, 《失信行为纠正后的信用信息修复管理办法（试行）》), unless an approved
 * repair took it out (已修复并不再公示). */
#define PENALTY_ENDS "coalesce (p.publicity_until, date (p.decided_on, '+1 year'))"
#define PENALTY_REPAIRED \
  "EXISTS (SELECT 1 FROM repairs rp WHERE rp.penalty_id = p.id AND rp.state = 'approved')"
#define PENALTY_COLUMNS \
  "p.id AS id, 'penalty' AS kind, p.uscc AS identifier, p.name AS name, p.decision_no AS decision_no," \
  " p.authority AS authority, p.decided_on AS decided_on, p.category AS category, p.amount AS amount," \
  " p.publicity_until AS publicity_until, " PENALTY_ENDS " AS publicity_ends," \
  " " PENALTY_REPAIRED " AS repaired," \
  " (" PENALTY_ENDS " >= :today AND NOT " PENALTY_REPAIRED ") AS under_publicity," ITEM_COLUMNS

/* 行政许可 is under publicity while it is valid. */
#define LICENSE_VALID "(l.valid_until IS NULL OR l.valid_until >= :today)"
#define LICENSE_COLUMNS \
  "l.id AS id, 'license' AS kind, l.uscc AS identifier, l.name AS name, l.license_no AS license_no," \
  " l.license_name AS license_name, l.authority AS authority, l.decided_on AS decided_on," \
  " l.valid_until AS valid_until, " LICENSE_VALID " AS under_publicity," ITEM_COLUMNS

#define COMMITMENT_COLUMNS \
  "c.id AS id, 'commitment' AS kind, c.uscc AS identifier, c.name AS name," \
  " c.commitment_no AS commitment_no, c.matter AS matter, c.authority AS authority," \
  " c.committed_on AS committed_on, c.fulfilment AS fulfilment, c.fulfilment_on AS fulfilment_on," \
  " c.fulfilment_note AS fulfilment_note, c.fulfilment_by AS fulfilment_by," \
  " c.watch_entry_id AS watch_entry_id, c.version AS version," ITEM_COLUMNS

#define DATE_PAGE(date, id) " AND (:key IS NULL OR (" date ", " id ") < (:key, :id))"
#define VISIBLE " AND " LEVEL_OF ("ci") " <= :level"

static const char SQL_PENALTIES[] =
  "SELECT " PENALTY_COLUMNS " FROM penalties p" ITEM_JOIN ("p")
  " WHERE p.subject_id = :subject" VISIBLE DATE_PAGE ("p.decided_on", "p.id")
  " ORDER BY p.decided_on DESC, p.id DESC LIMIT :limit";
static const char SQL_LICENSES[] =
  "SELECT " LICENSE_COLUMNS " FROM licenses l" ITEM_JOIN ("l")
  " WHERE l.subject_id = :subject" VISIBLE DATE_PAGE ("l.decided_on", "l.id")
  " ORDER BY l.decided_on DESC, l.id DESC LIMIT :limit";
static const char SQL_COMMITMENTS[] =
  "SELECT " COMMITMENT_COLUMNS " FROM commitments c" ITEM_JOIN ("c")
  " WHERE c.subject_id = :subject" VISIBLE DATE_PAGE ("c.committed_on", "c.id")
  " ORDER BY c.committed_on DESC, c.id DESC LIMIT :limit";
static const char SQL_LIST_ENTRIES[] =
  "SELECT e.id AS id, 'list_entry' AS kind, e.list_type AS list_type, t.name AS list_name,"
  " t.class AS list_class, e.state AS state, e.department_id AS department_id,"
  " d.name AS department_name, e.basis AS basis, e.facts AS facts, e.decided_on AS decided_on,"
  " e.published_from AS published_from, e.published_until AS published_until,"
  " e.created_at AS created_at"
  " FROM list_entries e JOIN list_types t ON t.key = e.list_type"
  " JOIN departments d ON d.id = e.department_id"
  " WHERE e.subject_id = :subject AND (:id = 0 OR e.id < :id)"
  " ORDER BY e.id DESC LIMIT :limit";
/* A repair names its penalty's decision number only to who may see the
 * penalty. */
static const char SQL_REPAIRS[] =
  "SELECT r.id AS id, 'repair' AS kind, r.kind AS repair_kind, r.entry_id AS entry_id,"
  " e.list_type AS list_type, r.penalty_id AS penalty_id,"
  " CASE WHEN " LEVEL_OF ("ci") " <= :level THEN p.decision_no END AS penalty_decision_no,"
  " r.reason AS reason, r.commitment AS commitment, r.applied_on AS applied_on,"
  " r.deadline AS deadline, r.state AS state, r.decided_on AS decided_on, r.decided_by AS decided_by,"
  " CASE WHEN r.decided_on IS NOT NULL THEN r.decided_on > r.deadline ELSE :today > r.deadline END AS overdue"
  " FROM repairs r LEFT JOIN list_entries e ON e.id = r.entry_id"
  " LEFT JOIN penalties p ON p.id = r.penalty_id LEFT JOIN catalog_items ci ON ci.id = p.item_id"
  " WHERE r.subject_id = :subject AND (:id = 0 OR r.id < :id)"
  " ORDER BY r.id DESC LIMIT :limit";
/* A hit has no id of its own: the page key is its run, the id its entry. */
static const char SQL_MATCH_HITS[] =
  "SELECT h.entry_id AS id, 'match_hit' AS kind, h.run_id AS run_id, m.at AS at, m.purpose AS purpose,"
  " m.actor AS actor, h.entry_id AS entry_id, h.list_type AS list_type, t.name AS list_name,"
  " h.list_class AS list_class"
  " FROM list_entries e JOIN match_hits h ON h.entry_id = e.id JOIN match_runs m ON m.id = h.run_id"
  " LEFT JOIN list_types t ON t.key = h.list_type"
  " WHERE e.subject_id = :subject"
  " AND (:key IS NULL OR (h.run_id, h.entry_id) < (CAST (:key AS INTEGER), :id))"
  " ORDER BY h.run_id DESC, h.entry_id DESC LIMIT :limit";

/* 双随机、一公开: the inspections of the subject found wanting — 责令整改
 * (rectify) and 不合格 (fail) — with the plan and its department. Results
 * are published (一公开), so every reader sees them. */
#define INSPECTION_FOUND " i.subject_id = :subject AND i.result IN ('rectify', 'fail')"
static const char SQL_INSPECTIONS[] =
  "SELECT i.id AS id, 'inspection' AS kind, i.result AS result, i.note AS note,"
  " i.recorded_on AS recorded_on, i.recorded_by AS recorded_by, i.grade AS grade, i.plan_id AS plan_id,"
  " pl.title AS plan_title, pl.department_id AS department_id, d.name AS department_name"
  " FROM inspections i JOIN inspection_plans pl ON pl.id = i.plan_id"
  " JOIN departments d ON d.id = pl.department_id"
  " WHERE" INSPECTION_FOUND DATE_PAGE ("i.recorded_on", "i.id")
  " ORDER BY i.recorded_on DESC, i.id DESC LIMIT :limit";

#define COUNT_RECORDS(table, r) \
  "(SELECT count(*) FROM " table " " r " JOIN catalog_items ci ON ci.id = " r ".item_id" \
  " WHERE " r ".subject_id = :subject" VISIBLE ")"
static const char SQL_COUNTS[] =
  "SELECT " COUNT_RECORDS ("penalties", "p") " AS penalty,"
  " " COUNT_RECORDS ("licenses", "l") " AS license,"
  " " COUNT_RECORDS ("commitments", "c") " AS commitment,"
  " (SELECT count(*) FROM list_entries WHERE subject_id = :subject) AS list_entry,"
  " (SELECT count(*) FROM repairs WHERE subject_id = :subject) AS repair,"
  " (SELECT count(*) FROM list_entries e JOIN match_hits h ON h.entry_id = e.id"
  "  WHERE e.subject_id = :subject) AS match_hit,"
  " (SELECT count(*) FROM inspections i WHERE" INSPECTION_FOUND ") AS inspection";

#define PUBLICITY_FILTER(r) \
  VISIBLE \
  " AND (:region IS NULL OR " RECORD_REGION (r) " = :region)" \
  " AND (:department = 0 OR ci.department_id = :department)" \
  " AND (:from IS NULL OR " r ".decided_on >= :from) AND (:to IS NULL OR " r ".decided_on <= :to)"
#define PUBLICITY_PENALTIES \
  " FROM penalties p" ITEM_JOIN ("p") " LEFT JOIN subjects s ON s.id = p.subject_id" \
  " WHERE " PENALTY_ENDS " >= :today AND NOT " PENALTY_REPAIRED PUBLICITY_FILTER ("p")
#define PUBLICITY_LICENSES \
  " FROM licenses l" ITEM_JOIN ("l") " LEFT JOIN subjects s ON s.id = l.subject_id" \
  " WHERE " LICENSE_VALID PUBLICITY_FILTER ("l")
static const char SQL_PUBLICITY_PENALTIES[] =
  "SELECT " PENALTY_COLUMNS ", " RECORD_REGION ("p") " AS region" PUBLICITY_PENALTIES
  DATE_PAGE ("p.decided_on", "p.id") " ORDER BY p.decided_on DESC, p.id DESC LIMIT :limit";
static const char SQL_PUBLICITY_PENALTIES_COUNT[] = "SELECT count(*)" PUBLICITY_PENALTIES;
static const char SQL_PUBLICITY_LICENSES[] =
  "SELECT " LICENSE_COLUMNS ", " RECORD_REGION ("l") " AS region" PUBLICITY_LICENSES
  DATE_PAGE ("l.decided_on", "l.id") " ORDER BY l.decided_on DESC, l.id DESC LIMIT :limit";
static const char SQL_PUBLICITY_LICENSES_COUNT[] = "SELECT count(*)" PUBLICITY_LICENSES;

static const char SQL_COMMITMENT_GET[] =
  "SELECT " COMMITMENT_COLUMNS ", c.subject_id AS subject_id, s.identifier AS subject_identifier,"
  " s.region AS subject_region"
  " FROM commitments c" ITEM_JOIN ("c") " LEFT JOIN subjects s ON s.id = c.subject_id"
  " WHERE c.id = :id";
static const char SQL_COMMITMENT_FULFIL[] =
  "UPDATE commitments SET fulfilment = :fulfilment, fulfilment_on = :on, fulfilment_note = :note,"
  " fulfilment_by = :by, version = version + 1 WHERE id = :id AND version = :version";
static const char SQL_COMMITMENT_EXISTS[] = "SELECT 1 FROM commitments WHERE id = ?1";
static const char SQL_COMMITMENT_SET_WATCH[] =
  "UPDATE commitments SET watch_entry_id = :entry, version = version + 1"
  " WHERE id = :id AND version = :version";
static const char SQL_USER_DEPARTMENT[] =
  "SELECT coalesce (department_id, 0) FROM users WHERE id = :id";
static const char SQL_PENALTY_OF_SUBJECT[] =
  "SELECT count(*) FROM penalties WHERE id = :id AND subject_id = :subject";

static const char SQL_REPAIR_SET_PENALTY[] = "UPDATE repairs SET penalty_id = :penalty WHERE id = :id";

static const char SQL_REPORT_INSERT[] =
  "INSERT INTO reports (number, subject_id, subject_name, actor, role, issued_at, sha256, size, pages)"
  " VALUES (:number, :subject, :name, :actor, :role, :at, :sha, :size, :pages)";
static const char SQL_REPORT_GET[] =
  "SELECT r.number AS number, r.issued_at AS issued_at, r.subject_name AS subject_name,"
  " s.identifier AS subject_identifier, s.type AS subject_type, r.actor AS issued_by,"
  " r.sha256 AS sha256, r.size AS size, r.pages AS pages"
  " FROM reports r JOIN subjects s ON s.id = r.subject_id WHERE r.number = :number";

static const struct
{
  const char *key;
  const char *cursor_key;   /* the member the page key is read from; NULL: id only */
  const char *sql;
} sections[HCS_FILE_N_SECTIONS] = {
  [HCS_FILE_PENALTY]    = { "penalty", "decided_on", SQL_PENALTIES },
  [HCS_FILE_LICENSE]    = { "license", "decided_on", SQL_LICENSES },
  [HCS_FILE_COMMITMENT] = { "commitment", "committed_on", SQL_COMMITMENTS },
  [HCS_FILE_LIST_ENTRY] = { "list_entry", NULL, SQL_LIST_ENTRIES },
  [HCS_FILE_REPAIR]     = { "repair", NULL, SQL_REPAIRS },
  [HCS_FILE_MATCH_HIT]  = { "match_hit", "run_id", SQL_MATCH_HITS },
  [HCS_FILE_INSPECTION] = { "inspection", "recorded_on", SQL_INSPECTIONS },
};

const char *
hcs_file_section_key (HcsFileSection section)
{
  g_return_val_if_fail (section < HCS_FILE_N_SECTIONS, NULL);
  return sections[section].key;
}

gboolean
hcs_file_section_from_key (const char     *key,
                           HcsFileSection *section)
{
  for (guint i = 0; i < HCS_FILE_N_SECTIONS; i++)
    if (g_strcmp0 (key, sections[i].key) == 0)
      {
        *section = i;
        return TRUE;
      }
  return FALSE;
}

/* Returns: the member of a section's rows that keys its pages, or %NULL */
const char *
hcs_file_section_cursor_key (HcsFileSection section)
{
  g_return_val_if_fail (section < HCS_FILE_N_SECTIONS, NULL);
  return sections[section].cursor_key;
}

/* Named parameters: a statement binds those it has and ignores the others,
 * so the sections can share one binder. */
static void
bind_text (HcsStmt      *stmt,
           const char   *name,
           const char   *value)
{
  int i = hcs_stmt_bind_parameter_index (stmt, name);

  if (i > 0)
    hcs_store_bind_text (stmt, i, value);
}

static void
bind_int (HcsStmt      *stmt,
          const char   *name,
          gint64        value)
{
  int i = hcs_stmt_bind_parameter_index (stmt, name);

  if (i > 0)
    hcs_stmt_bind_int64 (stmt, i, value);
}

static void
bind_page (HcsStmt       *stmt,
           const HcsPage *page)
{
  bind_text (stmt, ":key", page->after_key);
  bind_int (stmt, ":id", page->after_id);
  /* one more than the page: hcs_request_reply_rows() tells from it that
   * there is a next page */
  bind_int (stmt, ":limit", (gint64) page->limit + 1);
}

/* SQLite answers truth values as integers; the API has booleans. */
static JsonArray *
fix_booleans (JsonArray *rows)
{
  static const char * const members[] = { "repaired", "under_publicity", "overdue", "commitment" };

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        if (json_object_has_member (row, members[m]) &&
            json_node_get_value_type (json_object_get_member (row, members[m])) == G_TYPE_INT64)
          json_object_set_boolean_member (row, members[m], json_object_get_int_member (row, members[m]) != 0);
    }
  return rows;
}

/**
 * hcs_store_records_list:
 * @level: the widest disclosure the reader may see (a reader at
 *   %HC_DISCLOSURE_CONDITIONAL sees public and conditional items)
 * @today: "YYYY-MM-DD", for publicity and overdue repairs
 * @total: (out) (optional): the number of rows of the section, when the
 *   page asks for it; else -1
 *
 * Returns: (transfer full): one page (and one more row) of a subject's
 *   section, newest first, or %NULL with @error set
 */
JsonArray *
hcs_store_records_list (HcsStore        *store,
                        HcsFileSection   section,
                        gint64           subject_id,
                        HcDisclosure     level,
                        const char      *today,
                        const HcsPage   *page,
                        gint64          *total,
                        GError         **error)
{
  HcsStmt *stmt;
  JsonArray *rows;

  g_return_val_if_fail (section < HCS_FILE_N_SECTIONS, NULL);

  if (total != NULL)
    *total = -1;
  stmt = hcs_store_prepare (store, sections[section].sql, error);
  if (stmt == NULL)
    return NULL;
  bind_int (stmt, ":subject", subject_id);
  bind_int (stmt, ":level", level);
  bind_text (stmt, ":today", today);
  bind_page (stmt, page);
  rows = fix_booleans (hcs_store_rows_array (store, stmt, 0, error));
  if (rows != NULL && total != NULL && page->want_total)
    {
      g_autoptr(JsonObject) counts = hcs_store_records_counts (store, subject_id, level, error);

      if (counts == NULL)
        {
          json_array_unref (rows);
          return NULL;
        }
      *total = json_object_get_int_member (counts, sections[section].key);
    }
  return rows;
}

/* Returns: (transfer full): the number of rows in each section, named by
 * the sections' keys, or %NULL with @error set */
JsonObject *
hcs_store_records_counts (HcsStore       *store,
                          gint64          subject_id,
                          HcDisclosure    level,
                          GError        **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_COUNTS, error);

  if (stmt == NULL)
    return NULL;
  bind_int (stmt, ":subject", subject_id);
  bind_int (stmt, ":level", level);
  return hcs_store_get_object (store, stmt, error);
}

/**
 * hcs_store_records_publicity:
 * @section: %HCS_FILE_PENALTY or %HCS_FILE_LICENSE
 *
 * 双公示: the penalties or licences under publicity on @today, newest
 * first, within @filter.
 *
 * Returns: (transfer full): one page (and one more row), or %NULL with
 *   @error set
 */
JsonArray *
hcs_store_records_publicity (HcsStore                  *store,
                             HcsFileSection             section,
                             const HcsPublicityFilter  *filter,
                             HcDisclosure               level,
                             const char                *today,
                             const HcsPage             *page,
                             gint64                    *total,
                             GError                   **error)
{
  const char *sql = section == HCS_FILE_PENALTY ? SQL_PUBLICITY_PENALTIES : SQL_PUBLICITY_LICENSES;
  const char *count_sql = section == HCS_FILE_PENALTY ? SQL_PUBLICITY_PENALTIES_COUNT
                                                      : SQL_PUBLICITY_LICENSES_COUNT;
  HcsStmt *stmt;
  JsonArray *rows = NULL;

  g_return_val_if_fail (section == HCS_FILE_PENALTY || section == HCS_FILE_LICENSE, NULL);

  if (total != NULL)
    *total = -1;
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1 && (total == NULL || !page->want_total))
        break;
      stmt = hcs_store_prepare (store, pass == 0 ? sql : count_sql, error);
      if (stmt == NULL)
        return NULL;
      bind_int (stmt, ":level", level);
      bind_text (stmt, ":today", today);
      bind_text (stmt, ":region", filter->region);
      bind_int (stmt, ":department", filter->department);
      bind_text (stmt, ":from", filter->from);
      bind_text (stmt, ":to", filter->to);
      if (pass == 1)
        {
          *total = hcs_store_single_int (store, stmt, error);
          if (*total < 0)
            {
              json_array_unref (rows);
              return NULL;
            }
          break;
        }
      bind_page (stmt, page);
      rows = fix_booleans (hcs_store_rows_array (store, stmt, 0, error));
      if (rows == NULL)
        return NULL;
    }
  return rows;
}

/* Returns: (transfer full): a commitment with its catalog item and subject,
 *   whatever its disclosure (the caller decides), or %NULL with @error set */
JsonObject *
hcs_store_records_commitment_get (HcsStore  *store,
                                  gint64     id,
                                  GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_COMMITMENT_GET, error);

  if (stmt == NULL)
    return NULL;
  bind_int (stmt, ":id", id);
  return hcs_store_get_object (store, stmt, error);
}

/* Records a fulfilment decision on the version the caller read (STALE
 * otherwise). */
gboolean
hcs_store_records_commitment_fulfil (HcsStore    *store,
                                     gint64       id,
                                     gint64       version,
                                     const char  *fulfilment,
                                     const char  *on,
                                     const char  *note,
                                     const char  *by,
                                     GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_COMMITMENT_FULFIL, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, ":fulfilment", fulfilment);
  bind_text (stmt, ":on", on);
  bind_text (stmt, ":note", note);
  bind_text (stmt, ":by", by);
  bind_int (stmt, ":id", id);
  bind_int (stmt, ":version", version);
  return hcs_store_step_done (store, stmt, error) &&
         hcs_store_check_versioned_update (store, SQL_COMMITMENT_EXISTS, id, error);
}

gboolean
hcs_store_records_commitment_set_watch (HcsStore  *store,
                                        gint64     id,
                                        gint64     version,
                                        gint64     entry_id,
                                        GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_COMMITMENT_SET_WATCH, error);

  if (stmt == NULL)
    return FALSE;
  bind_int (stmt, ":id", id);
  bind_int (stmt, ":version", version);
  bind_int (stmt, ":entry", entry_id);
  return hcs_store_step_done (store, stmt, error) &&
         hcs_store_check_versioned_update (store, SQL_COMMITMENT_EXISTS, id, error);
}

/* Returns: the department of a user, 0 for none, -1 with @error set */
gint64
hcs_store_records_user_department (HcsStore  *store,
                                   gint64     user_id,
                                   GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_USER_DEPARTMENT, error);

  if (stmt == NULL)
    return -1;
  bind_int (stmt, ":id", user_id);
  return hcs_store_single_int (store, stmt, error);
}

/* Returns: whether @penalty_id is a penalty of @subject_id; %FALSE with
 * @error set when the look-up failed */
gboolean
hcs_store_records_penalty_of_subject (HcsStore  *store,
                                      gint64     penalty_id,
                                      gint64     subject_id,
                                      GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_PENALTY_OF_SUBJECT, error);

  if (stmt == NULL)
    return FALSE;
  bind_int (stmt, ":id", penalty_id);
  bind_int (stmt, ":subject", subject_id);
  return hcs_store_single_int (store, stmt, error) > 0;
}

/* Names the penalty a repair of penalty information repairs. */
gboolean
hcs_store_records_repair_set_penalty (HcsStore  *store,
                                      gint64     repair_id,
                                      gint64     penalty_id,
                                      GError   **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_REPAIR_SET_PENALTY, error);

  if (stmt == NULL)
    return FALSE;
  bind_int (stmt, ":penalty", penalty_id);
  bind_int (stmt, ":id", repair_id);
  return hcs_store_step_done (store, stmt, error);
}

gboolean
hcs_store_reports_insert (HcsStore    *store,
                          const char  *number,
                          gint64       subject_id,
                          const char  *subject_name,
                          const char  *actor,
                          const char  *role,
                          const char  *issued_at,
                          const char  *sha256,
                          gint64       size,
                          gint64       pages,
                          GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_REPORT_INSERT, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, ":number", number);
  bind_int (stmt, ":subject", subject_id);
  bind_text (stmt, ":name", subject_name);
  bind_text (stmt, ":actor", actor);
  bind_text (stmt, ":role", role);
  bind_text (stmt, ":at", issued_at);
  bind_text (stmt, ":sha", sha256);
  bind_int (stmt, ":size", size);
  bind_int (stmt, ":pages", pages);
  return hcs_store_insert (store, stmt, error) > 0;
}

/* Returns: (transfer full): the record of an issued report, or %NULL with
 *   @error set (NOT_FOUND for a number never issued) */
JsonObject *
hcs_store_reports_get (HcsStore    *store,
                       const char  *number,
                       GError     **error)
{
  HcsStmt *stmt = hcs_store_prepare (store, SQL_REPORT_GET, error);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, ":number", number);
  return hcs_store_get_object (store, stmt, error);
}

/* The demo's credit files: records of every kind for the companies on a
 * list and for one in seven of the others, dated around :today so that
 * publicity looks as it would; a batch match that hit the entries in force;
 * the demo's penalty repairs naming a penalty of their subject. */
#define DEMO_SUBJECTS \
  " FROM subjects s CROSS JOIN (SELECT im.id AS import_id, im.item_id AS item_id, d.name AS authority" \
  "  FROM imports im JOIN catalog_items ci ON ci.id = im.item_id JOIN departments d ON d.id = ci.department_id" \
  "  WHERE im.kind = :kind AND ci.disclosure = 'public' AND ci.subject_type = 'legal_person'" \
  "  ORDER BY im.id DESC LIMIT 1) i" \
  " WHERE s.type <> 'natural_person'" \
  " AND (s.id % 7 = 1 OR s.id IN (SELECT subject_id FROM list_entries))"
static const char * const demo_sql[] = {
  "INSERT INTO penalties (uscc, subject_id, name, decision_no, authority, decided_on, category, amount,"
  " publicity_until, item_id, import_id)"
  " SELECT s.identifier, s.id, s.name, printf ('琼罚〔%s〕%d号', strftime ('%Y', :today), s.id), i.authority,"
  " date (:today, printf ('-%d days', 20 + s.id % 200)), CASE s.id % 3 WHEN 0 THEN 'warning' ELSE 'fine' END,"
  " CASE s.id % 3 WHEN 0 THEN 0 ELSE 500 + (s.id % 40) * 250 END,"
  " date (:today, printf ('+%d days', 60 + s.id % 300)), i.item_id, i.import_id" DEMO_SUBJECTS,
  "INSERT INTO penalties (uscc, subject_id, name, decision_no, authority, decided_on, category, amount,"
  " publicity_until, item_id, import_id)"
  " SELECT s.identifier, s.id, s.name, printf ('琼罚〔2021〕%d号', s.id), i.authority, '2021-06-18', 'fine',"
  " 2000, '2022-06-17', i.item_id, i.import_id" DEMO_SUBJECTS " AND s.id % 2 = 0",
  "INSERT INTO licenses (uscc, subject_id, name, license_no, license_name, authority, decided_on, valid_until,"
  " item_id, import_id)"
  " SELECT s.identifier, s.id, s.name, printf ('JY1%s%08d', substr (s.identifier, 3, 6), s.id),"
  " CASE s.id % 3 WHEN 0 THEN '食品经营许可证' WHEN 1 THEN '公共场所卫生许可证' ELSE '道路运输经营许可证' END,"
  " i.authority, date (:today, printf ('-%d days', 100 + s.id % 900)),"
  " date (:today, printf ('+%d days', 400 + s.id % 1400)), i.item_id, i.import_id" DEMO_SUBJECTS,
  "INSERT INTO commitments (uscc, subject_id, name, commitment_no, matter, authority, committed_on, fulfilment,"
  " fulfilment_on, fulfilment_note, fulfilment_by, item_id, import_id)"
  " SELECT s.identifier, s.id, s.name, printf ('CN-%s-%06d', strftime ('%Y', :today), s.id),"
  " CASE s.id % 2 WHEN 0 THEN '食品经营许可告知承诺' ELSE '证明事项告知承诺（无违法违规）' END,"
  " i.authority, date (:today, printf ('-%d days', 60 + s.id % 300)),"
  " CASE s.id % 3 WHEN 0 THEN 'pending' WHEN 1 THEN 'fulfilled' ELSE 'breached' END,"
  " CASE s.id % 3 WHEN 0 THEN NULL ELSE date (:today, printf ('-%d days', 10 + s.id % 40)) END,"
  " CASE s.id % 3 WHEN 2 THEN '核查发现承诺内容与实际不符，未在期限内补正' ELSE '' END,"
  " CASE s.id % 3 WHEN 0 THEN NULL ELSE 'analyst' END, i.item_id, i.import_id" DEMO_SUBJECTS,
  /* The demo run's subjects: those of the entries in force and three times
   * as many others, kept as a real run keeps them (sorted, each between
   * line feeds), so that it can be re-run and goes stale. */
  "WITH hit AS (SELECT DISTINCT s.identifier AS identifier FROM list_entries e JOIN subjects s ON s.id = e.subject_id"
  " WHERE e.state IN ('published', 'objected')),"
  " other AS (SELECT identifier FROM subjects WHERE identifier NOT IN (SELECT identifier FROM hit)"
  " ORDER BY id LIMIT 3 * (SELECT count(*) FROM hit)),"
  " input AS (SELECT identifier FROM hit UNION SELECT identifier FROM other ORDER BY identifier)"
  " INSERT INTO match_runs (actor, at, purpose, subjects, invalid, hits, duration_ms, identifiers, history_mark)"
  " SELECT 'analyst', strftime ('%Y-%m-%dT%H:%M:%SZ', :today, '-3 days', '+10 hours'),"
  " '政府采购供应商资格审查（演示）', (SELECT count(*) FROM input), 0,"
  " (SELECT count(*) FROM list_entries WHERE state IN ('published', 'objected')), 180,"
  " char (10) || (SELECT group_concat (identifier, char (10)) FROM input) || char (10),"
  " (SELECT coalesce (max (id), 0) FROM list_entry_history)"
  " WHERE :kind IS NOT NULL",
  "INSERT INTO match_hits (run_id, entry_id, identifier, list_type, list_class)"
  " SELECT (SELECT max (id) FROM match_runs), e.id, s.identifier, e.list_type, t.class"
  " FROM list_entries e JOIN subjects s ON s.id = e.subject_id JOIN list_types t ON t.key = e.list_type"
  " WHERE e.state IN ('published', 'objected') AND :kind IS NOT NULL",
  "UPDATE repairs SET penalty_id = (SELECT p.id FROM penalties p WHERE p.subject_id = repairs.subject_id"
  " ORDER BY p.decided_on DESC LIMIT 1) WHERE kind = 'penalty' AND :kind IS NOT NULL",
};

gboolean
hcs_store_records_seed_demo (HcsStore    *store,
                             const char  *today,
                             GError     **error)
{
  static const char * const kinds[] = { "penalty", "penalty", "license", "commitment", "", "", "" };

  G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == G_N_ELEMENTS (demo_sql));
  for (guint i = 0; i < G_N_ELEMENTS (demo_sql); i++)
    {
      HcsStmt *stmt = hcs_store_prepare (store, demo_sql[i], error);

      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, ":today", today);
      bind_text (stmt, ":kind", kinds[i]);
      if (!hcs_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}
