/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export columns of each listing. Headers, titles and the labels of
 * values are English msgids in the context "export", marked here and put in
 * the reader's language when the export is written (hcs-i18n.c: the
 * request's Accept-Language, Chinese by default) — not in the server's
 * locale, so that each reader gets their own. */
#define G_LOG_DOMAIN "hcs-export-columns"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-export-columns.h"

/* Enum keys as their labels; an unknown key stays as it is. */
#define ENUM_LABEL(name, Type)                         \
  static const char *                                  \
  name##_of (const char  *key,                         \
             HcsLanguage  language)                    \
  {                                                    \
    Type v;                                            \
                                                       \
    return hc_##name##_from_key (key, &v) ? hc_##name##_label (v) : key; \
  }

ENUM_LABEL (subject_type, HcSubjectType)
ENUM_LABEL (disclosure, HcDisclosure)
ENUM_LABEL (list_entry_state, HcListEntryState)
ENUM_LABEL (list_class, HcListClass)
ENUM_LABEL (risk_category, HcRiskCategory)
ENUM_LABEL (catalog_category, HcCatalogCategory)
ENUM_LABEL (catalog_scope, HcCatalogScope)
ENUM_LABEL (update_frequency, HcUpdateFrequency)
ENUM_LABEL (role, HcRole)
ENUM_LABEL (indicator_attribute, HcIndicatorAttribute)
ENUM_LABEL (indicator_status, HcIndicatorStatus)

/* A 市县 by its code: its Chinese name, or for an English reader its
 * romanised one. */
static const char *
region_of (const char  *code,
           HcsLanguage  language)
{
  const HcRegion *region = hc_region_lookup (code);

  if (region == NULL)
    return code;
  return language == HCS_LANGUAGE_ENGLISH ? region->name_en : region->name;
}

/* The same for a 市县 the server wrote by its name (a heat map's row). */
static const char *
region_name_of (const char  *name,
                HcsLanguage  language)
{
  const HcRegion *region = hc_region_lookup_by_name (name);

  if (region == NULL)
    return name;
  return language == HCS_LANGUAGE_ENGLISH ? region->name_en : region->name;
}

static const HcsExportColumn subjects[] = {
  { "identifier",    NC_ ("export", "USCC / ID number"), 24, NULL },
  { "name",          NC_ ("export", "Name"),             36, NULL },
  { "type",          NC_ ("export", "Subject type"),     12, subject_type_of },
  { "region",        NC_ ("export", "City or county"),   14, region_of },
  { "industry",      NC_ ("export", "Industry"),         18, NULL },
  { "status",        NC_ ("export", "State"),            10, NULL },
  { "grade",         NC_ ("export", "Credit grade"),      8, NULL },
  { "registered_on", NC_ ("export", "Founded on"),       12, NULL },
  { "updated_at",    NC_ ("export", "Updated at"),       20, NULL },
};

static const HcsExportColumn list_entries[] = {
  { "id",                 NC_ ("export", "No."),                  8, NULL },
  { "list_name",          NC_ ("export", "List"),                18, NULL },
  { "list_class",         NC_ ("export", "List class"),          14, list_class_of },
  { "subject_identifier", NC_ ("export", "Subject identifier"),  24, NULL },
  { "subject_name",       NC_ ("export", "Subject name"),        36, NULL },
  { "subject_type",       NC_ ("export", "Subject type"),        12, subject_type_of },
  { "region",             NC_ ("export", "City or county"),      14, region_of },
  { "department_name",    NC_ ("export", "Deciding department"), 24, NULL },
  { "basis",              NC_ ("export", "Basis"),               40, NULL },
  { "facts",              NC_ ("export", "Facts"),               40, NULL },
  { "measures",           NC_ ("export", "Measures"),            40, NULL },
  { "state",              NC_ ("export", "State"),               10, list_entry_state_of },
  { "decided_on",         NC_ ("export", "Decided on"),          12, NULL },
  { "published_from",     NC_ ("export", "Published from"),      12, NULL },
  { "published_until",    NC_ ("export", "Published until"),     12, NULL },
};

static const HcsExportColumn risk_events[] = {
  { "id",          NC_ ("export", "No."),                8, NULL },
  { "occurred_on", NC_ ("export", "Occurred on"),       12, NULL },
  { "region",      NC_ ("export", "City or county"),    14, region_of },
  { "category",    NC_ ("export", "Risk category"),     14, risk_category_of },
  { "severity",    NC_ ("export", "Severity"),           8, NULL },
  { "title",       NC_ ("export", "Title"),             36, NULL },
  { "description", NC_ ("export", "Description"),       48, NULL },
  { "subject",     NC_ ("export", "Subject concerned"), 24, NULL },
  { "created_by",  NC_ ("export", "Recorded by"),       12, NULL },
  { "created_at",  NC_ ("export", "Recorded at"),       20, NULL },
};

/* A text the server wrote in its own language ("Total", a category):
 * put in the reader's like a label (hcs-i18n.c). */
static const char *
as_label (const char  *text,
          HcsLanguage  language)
{
  return text;
}

/* The heat map's numbers: a row a 市县 and month or category. */
static const HcsExportColumn heatmap_cells[] = {
  { "region_name", NC_ ("export", "City or county"),              14, region_name_of },
  { "column_name", NC_ ("export", "Month / risk category"),       16, as_label },
  { "events",      NC_ ("export", "Events"),                       9, NULL },
  { "per_10k",     NC_ ("export", "Events per 10,000 residents"), 14, NULL },
  { "severity",    NC_ ("export", "Sum of severities"),           12, NULL },
};

static const HcsExportColumn audit[] = {
  { "id",        NC_ ("export", "No."),          8, NULL },
  { "at",        NC_ ("export", "Time"),        20, NULL },
  { "actor",     NC_ ("export", "Done by"),     14, NULL },
  { "role",      NC_ ("export", "Role"),        10, role_of },
  { "action",    NC_ ("export", "Action"),      24, NULL },
  { "entity",    NC_ ("export", "Object type"), 14, NULL },
  { "entity_id", NC_ ("export", "Object"),      14, NULL },
  { "before",    NC_ ("export", "Before"),      48, NULL },
  { "after",     NC_ ("export", "After"),       48, NULL },
};

static const HcsExportColumn catalog_items[] = {
  { "id",                NC_ ("export", "No."),                   8, NULL },
  { "year",              NC_ ("export", "Year"),                  8, NULL },
  { "category",          NC_ ("export", "Information category"), 18, catalog_category_of },
  { "name",              NC_ ("export", "Item name"),            30, NULL },
  { "subject_type",      NC_ ("export", "Subject type"),         14, subject_type_of },
  { "department_name",   NC_ ("export", "Source department"),    24, NULL },
  { "disclosure",        NC_ ("export", "Disclosure"),           12, disclosure_of },
  { "update_frequency",  NC_ ("export", "Update frequency"),     10, update_frequency_of },
  { "legal_basis",       NC_ ("export", "Legal basis"),          40, NULL },
  { "publicity_period",  NC_ ("export", "Publicity period"),     12, NULL },
  { "scope",             NC_ ("export", "Catalog type"),         10, catalog_scope_of },
  { "expected_records",  NC_ ("export", "Records due"),          12, NULL },
  { "collected_records", NC_ ("export", "Records collected"),    12, NULL },
  { "collection_rate",   NC_ ("export", "Collection rate"),      10, NULL },
};

static const HcsExportColumn repairs[] = {
  { "id",                 NC_ ("export", "No."),                 8, NULL },
  { "subject_identifier", NC_ ("export", "Subject identifier"), 24, NULL },
  { "subject_name",       NC_ ("export", "Subject name"),       36, NULL },
  { "subject_type",       NC_ ("export", "Subject type"),       12, subject_type_of },
  { "kind",               NC_ ("export", "Repair kind"),        12, NULL },
  { "list_type",          NC_ ("export", "List"),               14, NULL },
  { "reason",             NC_ ("export", "Reason given"),       40, NULL },
  { "commitment",         NC_ ("export", "Credit commitment"),  10, NULL },
  { "applied_on",         NC_ ("export", "Applied on"),         12, NULL },
  { "deadline",           NC_ ("export", "Deadline"),           12, NULL },
  { "state",              NC_ ("export", "State"),              10, NULL },
  { "decided_on",         NC_ ("export", "Decision date"),      12, NULL },
  { "decided_by",         NC_ ("export", "Decided by"),         12, NULL },
  { "decision_comment",   NC_ ("export", "Decision comment"),   40, NULL },
};

/* 信用档案 and 双公示: one table per kind of record. */

static const char *
penalty_category_of (const char  *key,
                     HcsLanguage  language)
{
  if (g_strcmp0 (key, "fine") == 0)
    return NC_ ("export", "Fine");
  if (g_strcmp0 (key, "warning") == 0)
    return NC_ ("export", "Warning");
  return key;
}

static const char *
fulfilment_of (const char  *key,
               HcsLanguage  language)
{
  if (g_strcmp0 (key, "pending") == 0)
    return NC_ ("export", "To be checked");
  if (g_strcmp0 (key, "fulfilled") == 0)
    return NC_ ("export", "Fulfilled");
  if (g_strcmp0 (key, "breached") == 0)
    return NC_ ("export", "Breached");
  return key;
}

static const char *
repair_state_of (const char  *key,
                 HcsLanguage  language)
{
  if (g_strcmp0 (key, "pending") == 0)
    return NC_ ("export", "Awaiting decision");
  if (g_strcmp0 (key, "approved") == 0)
    return NC_ ("export", "Granted");
  if (g_strcmp0 (key, "rejected") == 0)
    return NC_ ("export", "Refused");
  return key;
}

static const HcsExportColumn penalties[] = {
  { "decision_no",     NC_ ("export", "Decision no."),         24, NULL },
  { "name",            NC_ ("export", "Subject name"),         36, NULL },
  { "identifier",      NC_ ("export", "USCC"),                 24, NULL },
  { "region",          NC_ ("export", "City or county"),       14, region_of },
  { "category",        NC_ ("export", "Penalty category"),     10, penalty_category_of },
  { "amount",          NC_ ("export", "Fine (yuan)"),          12, NULL },
  { "authority",       NC_ ("export", "Penalising authority"), 24, NULL },
  { "decided_on",      NC_ ("export", "Decision date"),        12, NULL },
  { "publicity_ends",  NC_ ("export", "Publicity ends on"),    12, NULL },
  { "under_publicity", NC_ ("export", "Under publicity"),       8, NULL },
  { "repaired",        NC_ ("export", "Repaired"),              8, NULL },
  { "item_name",       NC_ ("export", "Catalog item"),         24, NULL },
};

static const HcsExportColumn licenses[] = {
  { "license_no",      NC_ ("export", "Licence no."),         24, NULL },
  { "license_name",    NC_ ("export", "Licence name"),        20, NULL },
  { "name",            NC_ ("export", "Subject name"),        36, NULL },
  { "identifier",      NC_ ("export", "USCC"),                24, NULL },
  { "region",          NC_ ("export", "City or county"),      14, region_of },
  { "authority",       NC_ ("export", "Licensing authority"), 24, NULL },
  { "decided_on",      NC_ ("export", "Licensed on"),         12, NULL },
  { "valid_until",     NC_ ("export", "Valid until"),         12, NULL },
  { "under_publicity", NC_ ("export", "Valid"),                8, NULL },
  { "item_name",       NC_ ("export", "Catalog item"),        24, NULL },
};

static const HcsExportColumn commitments[] = {
  { "commitment_no",   NC_ ("export", "Commitment no."),      20, NULL },
  { "matter",          NC_ ("export", "Matter committed to"), 24, NULL },
  { "name",            NC_ ("export", "Subject name"),        36, NULL },
  { "identifier",      NC_ ("export", "USCC"),                24, NULL },
  { "authority",       NC_ ("export", "Receiving authority"), 24, NULL },
  { "committed_on",    NC_ ("export", "Committed on"),        12, NULL },
  { "fulfilment",      NC_ ("export", "Fulfilment"),          10, fulfilment_of },
  { "fulfilment_on",   NC_ ("export", "Checked on"),          12, NULL },
  { "fulfilment_note", NC_ ("export", "Note"),                40, NULL },
  { "fulfilment_by",   NC_ ("export", "Checked by"),          12, NULL },
  { "watch_entry_id",  NC_ ("export", "Watch-list entry"),    12, NULL },
};

static const HcsExportColumn file_list_entries[] = {
  { "id",              NC_ ("export", "No."),                  8, NULL },
  { "list_name",       NC_ ("export", "List"),                18, NULL },
  { "list_class",      NC_ ("export", "List class"),          14, list_class_of },
  { "state",           NC_ ("export", "State"),               10, list_entry_state_of },
  { "department_name", NC_ ("export", "Deciding department"), 24, NULL },
  { "basis",           NC_ ("export", "Basis"),               40, NULL },
  { "facts",           NC_ ("export", "Facts"),               40, NULL },
  { "decided_on",      NC_ ("export", "Decided on"),          12, NULL },
  { "published_from",  NC_ ("export", "Published from"),      12, NULL },
  { "published_until", NC_ ("export", "Published until"),     12, NULL },
};

static const HcsExportColumn file_repairs[] = {
  { "id",                  NC_ ("export", "No."),                   8, NULL },
  { "repair_kind",         NC_ ("export", "Repair kind"),          12, NULL },
  { "list_type",           NC_ ("export", "List"),                 14, NULL },
  { "penalty_decision_no", NC_ ("export", "Penalty decision"),     24, NULL },
  { "reason",              NC_ ("export", "Reason given"),         40, NULL },
  { "applied_on",          NC_ ("export", "Applied on"),           12, NULL },
  { "deadline",            NC_ ("export", "Deadline"),             12, NULL },
  { "state",               NC_ ("export", "State"),                10, repair_state_of },
  { "decided_on",          NC_ ("export", "Decision date"),        12, NULL },
  { "decided_by",          NC_ ("export", "Decided by"),           12, NULL },
  { "department_name",     NC_ ("export", "Reviewing department"), 24, NULL },
  { "overdue",             NC_ ("export", "Overdue"),               8, NULL },
};

static const HcsExportColumn match_hits[] = {
  { "run_id",     NC_ ("export", "Match run"),  10, NULL },
  { "at",         NC_ ("export", "Matched at"), 20, NULL },
  { "purpose",    NC_ ("export", "Purpose"),    30, NULL },
  { "actor",      NC_ ("export", "Done by"),    12, NULL },
  { "list_name",  NC_ ("export", "List"),       18, NULL },
  { "list_class", NC_ ("export", "List class"), 14, list_class_of },
};

static const char *
feedback_of (const char  *key,
             HcsLanguage  language)
{
  return g_strcmp0 (key, "applied") == 0 ? NC_ ("export", "Applied") : g_strcmp0 (key, "not_applied") == 0 ? NC_ ("export", "Not applied") : key;
}

/* 名单自动比对: a run's hits and the rows it could not read. */
static const HcsExportColumn run_hits[] = {
  { "run_id",              NC_ ("export", "Match run"),            10, NULL },
  { "identifier",          NC_ ("export", "Subject identifier"),   24, NULL },
  { "subject_name",        NC_ ("export", "Subject name"),         36, NULL },
  { "list_name",           NC_ ("export", "List"),                 18, NULL },
  { "list_class",          NC_ ("export", "List class"),           14, list_class_of },
  { "entry_id",            NC_ ("export", "List entry"),           10, NULL },
  { "state",               NC_ ("export", "State when matched"),   12, list_entry_state_of },
  { "state_now",           NC_ ("export", "State now"),            12, list_entry_state_of },
  { "measure_names",       NC_ ("export", "Measures that apply"),  60, NULL },
  { "clearance_id",        NC_ ("export", "Mismatch clearance"),   12, NULL },
  { "feedback",            NC_ ("export", "Feedback on measures"), 14, feedback_of },
  { "feedback_department", NC_ ("export", "Feedback department"),  24, NULL },
  { "feedback_note",       NC_ ("export", "Feedback note"),        30, NULL },
};

static const HcsExportColumn run_invalid[] = {
  { "row",    NC_ ("export", "Row"),             8, NULL },
  { "value",  NC_ ("export", "Value as given"), 28, NULL },
  { "code",   NC_ ("export", "Error code"),     20, NULL },
  { "reason", NC_ ("export", "Cause"),          40, NULL },
};

/* 数据质量: per source department and month, against 表1's 0.1 % line. */
static const HcsExportColumn catalog_diff_rows[] = {
  { "change_label",    NC_ ("export", "Change"),             8, NULL },
  { "category",        NC_ ("export", "Catalog type"),      18, catalog_category_of },
  { "name",            NC_ ("export", "Item name"),         36, NULL },
  { "department_name", NC_ ("export", "Source department"), 24, NULL },
  { "changes",         NC_ ("export", "What changed"),      80, NULL },
};

static const HcsExportColumn quality_months[] = {
  { "department",       NC_ ("export", "Source department"),                 24, NULL },
  { "month",            NC_ ("export", "Month"),                              9, NULL },
  { "import_count",     NC_ ("export", "Imports"),                            9, NULL },
  { "rows_read",        NC_ ("export", "Rows received"),                     11, NULL },
  { "accepted",         NC_ ("export", "Rows stored"),                       11, NULL },
  { "rejected",         NC_ ("export", "Rows refused"),                      10, NULL },
  { "uscc_errors",      NC_ ("export", "Wrong USCCs"),                       12, NULL },
  { "uscc_duplicates",  NC_ ("export", "Duplicate USCCs"),                   12, NULL },
  { "uscc_error_rate",  NC_ ("export", "USCC duplicate and error rate (%)"), 14, NULL },
  { "other_errors",     NC_ ("export", "Other data errors"),                 12, NULL },
  { "other_error_rate", NC_ ("export", "Other data error rate (%)"),         14, NULL },
  { "over_line",        NC_ ("export", "Over 0.1%"),                          9, NULL },
  { "file_names",       NC_ ("export", "Files imported"),                    48, NULL },
};

/* 表1: the indicators of a year (GET /indicators). */
static const char *
indicator_source_of (const char  *key,
                     HcsLanguage  language)
{
  return g_strcmp0 (key, "computed") == 0 ? NC_ ("export", "Computed by the system")
         : g_strcmp0 (key, "reported") == 0 ? NC_ ("export", "Reported") : key;
}

static const HcsExportColumn indicators[] = {
  { "category_name", NC_ ("export", "Category"),     14, NULL },
  { "item",          NC_ ("export", "Indicator"),    18, NULL },
  { "target_text",   NC_ ("export", "Target"),       56, NULL },
  { "attribute",     NC_ ("export", "Attribute"),     8, indicator_attribute_of },
  { "year",          NC_ ("export", "Year"),          6, NULL },
  { "value",         NC_ ("export", "Value"),        10, NULL },
  { "unit",          NC_ ("export", "Unit"),          6, NULL },
  { "status",        NC_ ("export", "Status"),        8, indicator_status_of },
  { "gap",           NC_ ("export", "Gap"),          10, NULL },
  { "source",        NC_ ("export", "Source"),        8, indicator_source_of },
  { "submitted_by",  NC_ ("export", "Reported by"),  12, NULL },
  { "reviewed_by",   NC_ ("export", "Reviewed by"),  12, NULL },
};

/* The records behind a computed indicator's value (表1). */
static const char *
record_type_of (const char  *key,
                HcsLanguage  language)
{
  static const struct { const char *key, *label; } types[] = {
    { "commitment", NC_ ("export", "Credit commitment") }, { "repair", NC_ ("export", "Credit repair") },
    { "catalog_item", NC_ ("export", "Catalog item") }, { "catalog_version", NC_ ("export", "Catalog version") },
    { "import", NC_ ("export", "Data import") }, { "list_entry", NC_ ("export", "List entry") },
  };

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (types); i++)
    if (strcmp (types[i].key, key) == 0)
      return types[i].label;
  return key;
}

static const char *
counted_of (const char  *value,
            HcsLanguage  language)
{
  return g_strcmp0 (value, "0") == 0 ? NC_ ("export", "No") : value != NULL && *value ? NC_ ("export", "Yes") : value;
}

static const HcsExportColumn indicator_records[] = {
  { "type",         NC_ ("export", "Record type"),          10, record_type_of },
  { "reference",    NC_ ("export", "Reference"),            10, NULL },
  { "subject_name", NC_ ("export", "Subject name"),         36, NULL },
  { "identifier",   NC_ ("export", "USCC / ID number"),     24, NULL },
  { "region",       NC_ ("export", "City or county"),       14, region_of },
  { "detail",       NC_ ("export", "Content"),              40, NULL },
  { "date",         NC_ ("export", "Date"),                 20, NULL },
  { "counted",      NC_ ("export", "Counted in numerator"),  8, counted_of },
};

#define TABLE(pattern, title, columns) { pattern, NULL, title, columns, G_N_ELEMENTS (columns) }
#define KIND_TABLE(pattern, kind, title, columns) { pattern, kind, title, columns, G_N_ELEMENTS (columns) }

static const char *
inspection_result_of (const char  *key,
                      HcsLanguage  language)
{
  return g_strcmp0 (key, "pass") == 0 ? NC_ ("export", "Pass") : g_strcmp0 (key, "rectify") == 0 ? NC_ ("export", "Rectify") :
         g_strcmp0 (key, "fail") == 0 ? NC_ ("export", "Fail") : key;
}

/* 双随机、一公开: a draw for the field teams, and the published results. */
static const HcsExportColumn inspections[] = {
  { "position",         NC_ ("export", "Position"),          6, NULL },
  { "identifier",       NC_ ("export", "USCC / ID number"), 24, NULL },
  { "name",             NC_ ("export", "Name"),             36, NULL },
  { "subject_type",     NC_ ("export", "Subject type"),     12, subject_type_of },
  { "region",           NC_ ("export", "City or county"),   14, region_of },
  { "industry",         NC_ ("export", "Industry"),         18, NULL },
  { "grade",            NC_ ("export", "Credit grade"),      8, NULL },
  { "inspector_1_name", NC_ ("export", "First inspector"),  12, NULL },
  { "inspector_2_name", NC_ ("export", "Second inspector"), 12, NULL },
  { "result",           NC_ ("export", "Result"),           10, inspection_result_of },
  { "note",             NC_ ("export", "Note"),             36, NULL },
  { "recorded_on",      NC_ ("export", "Recorded on"),      12, NULL },
};

static const HcsExportColumn inspection_results[] = {
  { "identifier",      NC_ ("export", "USCC / ID number"),      24, NULL },
  { "name",            NC_ ("export", "Name"),                  36, NULL },
  { "region",          NC_ ("export", "City or county"),        14, region_of },
  { "department_name", NC_ ("export", "Inspecting department"), 20, NULL },
  { "plan_title",      NC_ ("export", "Inspection plan"),       24, NULL },
  { "result",          NC_ ("export", "Result"),                10, inspection_result_of },
  { "note",            NC_ ("export", "Note"),                  36, NULL },
  { "recorded_on",     NC_ ("export", "Published on"),          12, NULL },
};

/* 公共信用综合评价: the grades in force by 市县, as the heat map's grade
 * measure shows them. */
static const HcsExportColumn grade_regions[] = {
  { "region_name", NC_ ("export", "City or county"),            14, region_name_of },
  { "subjects",    NC_ ("export", "Subjects"),                  10, NULL },
  { "a",           NC_ ("export", "Grade A"),                    9, NULL },
  { "b",           NC_ ("export", "Grade B"),                    9, NULL },
  { "c",           NC_ ("export", "Grade C"),                    9, NULL },
  { "d",           NC_ ("export", "Grade D"),                    9, NULL },
  { "none",        NC_ ("export", "Not graded"),                10, NULL },
  { "cd_share",    NC_ ("export", "C and D, % of graded"),       16, NULL },
};

static const HcsExportTable tables[] = {
  TABLE ("/inspections/plans/{id}/inspections", NC_ ("export", "Random inspection draw"), inspections),
  TABLE ("/inspections/publicity", NC_ ("export", "Inspection results published"), inspection_results),
  TABLE ("/subjects", NC_ ("export", "Market subjects"), subjects),
  TABLE ("/lists/{type}/entries", NC_ ("export", "Credit lists"), list_entries),
  TABLE ("/risk/events", NC_ ("export", "Risk events"), risk_events),
  TABLE ("/risk/heatmap/cells", NC_ ("export", "Risk heat map"), heatmap_cells),
  TABLE ("/grading/distribution/regions", NC_ ("export", "Credit grades by city and county"), grade_regions),
  TABLE ("/audit", NC_ ("export", "Audit log"), audit),
  TABLE ("/catalog/versions/{year}/items", NC_ ("export", "Public credit information catalog"), catalog_items),
  TABLE ("/repairs", NC_ ("export", "Credit repairs"), repairs),
  TABLE ("/imports/quality/months", NC_ ("export", "Data quality"), quality_months),
  TABLE ("/catalog/diff/rows", NC_ ("export", "Catalog version differences"), catalog_diff_rows),
  TABLE ("/indicators/{key}/values/{year}/records", NC_ ("export", "Indicator data records"), indicator_records),
  TABLE ("/indicators", NC_ ("export", "Table 1 main indicators"), indicators),
  TABLE ("/lists/match-runs/{id}/hits", NC_ ("export", "List match hits"), run_hits),
  TABLE ("/lists/match-runs/{id}/invalid", NC_ ("export", "List match rows not read"), run_invalid),
  KIND_TABLE ("/publicity", "penalty", NC_ ("export", "Administrative penalties published"), penalties),
  KIND_TABLE ("/publicity", "license", NC_ ("export", "Administrative licences published"), licenses),
  KIND_TABLE ("/subjects/{identifier}/records", "penalty", NC_ ("export", "Administrative penalties"), penalties),
  KIND_TABLE ("/subjects/{identifier}/records", "license", NC_ ("export", "Administrative licences"), licenses),
  KIND_TABLE ("/subjects/{identifier}/records", "commitment", NC_ ("export", "Credit commitment"), commitments),
  KIND_TABLE ("/subjects/{identifier}/records", "list_entry", NC_ ("export", "Credit lists"), file_list_entries),
  KIND_TABLE ("/subjects/{identifier}/records", "repair", NC_ ("export", "Credit repairs"), file_repairs),
  KIND_TABLE ("/subjects/{identifier}/records", "match_hit", NC_ ("export", "List match hits"), match_hits),
};

/* Returns: (nullable): the table of the route with @pattern, for the
 * listing's ?kind= (@kind, or NULL) when it has one per kind */
const HcsExportTable *
hcs_export_table_lookup (const char *pattern,
                         const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (tables[i].pattern, pattern) == 0 &&
        (tables[i].kind == NULL || g_strcmp0 (tables[i].kind, kind) == 0))
      return &tables[i];
  return NULL;
}
