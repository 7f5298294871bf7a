/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit log in the office's words: each action, object type and field
 * key the server records, by its translated label. A key this table does
 * not know (a newer server's) shows as itself. */
#define G_LOG_DOMAIN "hc-audit-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-audit-labels.h"
#include "hc-enums.h"
#include "hc-region.h"
#include "hc-record.h"
#include "hc-subject.h"

typedef struct
{
  const char *key;
  const char *label;
} Label;

static const Label actions[] = {
  { "subject.create", N_("Register subject") },
  { "subject.update", N_("Edit subject") },
  { "subject.unmask", N_("View whole ID number") },
  { "subject.lookup", N_("Look up by ID number") },
  { "subject.lookup_refused", N_("Look-up by ID number refused") },
  { "subject.view", N_("Open a person’s credit file") },
  { "list_entry.create", N_("Propose list entry") },
  { "list_entry.transition", N_("Change list entry state") },
  { "list_match.run", N_("Run batch match") },
  { "repair.create", N_("Apply for credit repair") },
  { "repair.decide", N_("Decide credit repair") },
  { "catalog_item.create", N_("Add catalog item") },
  { "catalog_item.update", N_("Edit catalog item") },
  { "catalog_item.delete", N_("Delete catalog item") },
  { "catalog_version.create", N_("Create catalog version") },
  { "catalog_version.publish", N_("Publish catalog version") },
  { "indicator_value.submit", N_("Submit indicator value") },
  { "indicator_value.review", N_("Review indicator value") },
  { "risk_event.create", N_("Record risk event") },
  { "risk_event.delete", N_("Delete risk event") },
  { "department.create", N_("Add department") },
  { "user.create", N_("Add user") },
  { "user.update", N_("Edit user") },
  { "import.create", N_("Import data") },
  { "commitment.fulfil", N_("Record commitment fulfilment") },
  { "commitment.propose_watch", N_("Propose watch-list entry for broken commitment") },
  { "report.issue", N_("Issue credit report") },
  { "session.create", N_("Sign in") },
  { "session.refuse", N_("Sign-in refused") },
  { "export", N_("Export") },
  { "grade.override", N_("Set credit grade by hand") },
  { "grade.override_lift", N_("Lift credit grade set by hand") },
  { "grading_model.create", N_("Draft grading model version") },
  { "grading_model.update", N_("Edit grading model draft") },
  { "grading_model.discard", N_("Discard grading model draft") },
  { "grading_model.publish", N_("Publish grading model version") },
  { "indicator_region_target.set", N_("Set city/county indicator target") },
  { "indicators.report", N_("Issue indicators Table 1") },
  { "inspection_plan.create", N_("Create inspection plan") },
  { "inspection_plan.draw", N_("Draw inspection subjects and inspectors") },
  { "inspection_plan.conflict_add", N_("Declare inspector conflict") },
  { "inspection_plan.conflict_remove", N_("Withdraw inspector conflict") },
  { "inspection.result", N_("Record inspection result") },
  { "list_match.rerun", N_("Run batch match again") },
  { "list_match.feedback", N_("Record match hit feedback") },
  { "list_match.clear", N_("Clear match hit") },
  { "list_match.withdraw", N_("Withdraw match clearance") },
  { "list_type.update", N_("Edit list type rules") },
  { "risk_rule.create", N_("Add warning rule") },
  { "risk_rule.update", N_("Edit warning rule") },
  { "risk_rule.delete", N_("Delete warning rule") },
  { "risk_alert.raise", N_("Raise risk alert") },
  { "risk_alert.acknowledge", N_("Acknowledge risk alert") },
  { "risk_alert.close", N_("Close risk alert") },
  { "risk_alert.lapse", N_("Mark alert no longer met by its rule") },
  { "risk_alert.lapse_cleared", N_("Alert met by its rule again") },
};

static const Label entities[] = {
  { "subject", N_("Market subject") },
  { "list_entry", N_("List entry") },
  { "repair", N_("Credit repair") },
  { "catalog_item", N_("Catalog item") },
  { "catalog_version", N_("Catalog version") },
  { "indicator_value", N_("Indicator value") },
  { "risk_event", N_("Risk event") },
  { "department", N_("Department") },
  { "match_run", N_("List match run") },
  { "user", N_("User") },
  { "import", N_("Import") },
  { "commitment", N_("Credit commitment") },
  { "report", N_("Credit report") },
  { "session", N_("Session") },
  { "grading_model", N_("Grading model version") },
  { "indicator_region_target", N_("City/county indicator target") },
  { "indicator_report", N_("Indicators Table 1") },
  { "inspection_plan", N_("Inspection plan") },
  { "inspection", N_("Inspection") },
  { "list_type", N_("List type") },
  { "match_clearance", N_("Match clearance") },
  { "match_hit", N_("Match hit") },
  { "risk_rule", N_("Warning rule") },
  { "risk_alert", N_("Risk alert") },
};

static const Label fields[] = {
  { "id", N_("ID") },
  { "identifier", N_("USCC / ID number") },
  { "identifiers", N_("ID numbers") },
  { "name", N_("Name") },
  { "type", N_("Type") },
  { "region", N_("Region") },
  { "region_name", N_("Region name") },
  { "industry", N_("Industry") },
  { "status", N_("Status") },
  { "grade", N_("Credit grade") },
  { "registered_on", N_("Registered on") },
  { "version", N_("Version") },
  { "created_at", N_("Created at") },
  { "updated_at", N_("Updated at") },
  { "created_by", N_("Created by") },
  { "identifier_masked", N_("ID number masked") },
  { "list_type", N_("List type") },
  { "list_name", N_("List") },
  { "list_class", N_("List class") },
  { "subject", N_("Subject") },
  { "subject_id", N_("Subject ID") },
  { "subject_identifier", N_("Subject identifier") },
  { "subject_name", N_("Subject name") },
  { "subject_type", N_("Subject type") },
  { "department_id", N_("Department ID") },
  { "department_name", N_("Department") },
  { "basis", N_("Basis") },
  { "facts", N_("Facts") },
  { "measures", N_("Measures") },
  { "state", N_("State") },
  { "decided_on", N_("Decided on") },
  { "decided_by", N_("Decided by") },
  { "published_from", N_("Published from") },
  { "published_until", N_("Published until") },
  { "published_by", N_("Published by") },
  { "published_at", N_("Published at") },
  { "kind", N_("Kind") },
  { "entry_id", N_("List entry ID") },
  { "penalty_id", N_("Penalty ID") },
  { "reason", N_("Reason") },
  { "commitment", N_("Commitment") },
  { "applied_on", N_("Applied on") },
  { "deadline", N_("Deadline") },
  { "decision_comment", N_("Decision comment") },
  { "year", N_("Year") },
  { "category", N_("Category") },
  { "legal_basis", N_("Legal basis") },
  { "disclosure", N_("Disclosure") },
  { "update_frequency", N_("Update frequency") },
  { "publicity_period", N_("Publicity period") },
  { "username", N_("User name") },
  { "role", N_("Role") },
  { "active", N_("Active") },
  { "occurred_on", N_("Occurred on") },
  { "severity", N_("Severity") },
  { "title", N_("Title") },
  { "description", N_("Description") },
  { "code", N_("Code") },
  { "number", N_("Number") },
  { "pages", N_("Pages") },
  { "sha256", N_("SHA-256") },
  { "address", N_("Address") },
  { "outcome", N_("Outcome") },
  { "method", N_("Method") },
  { "path", N_("Path") },
  { "commitment_no", N_("Commitment number") },
  { "matter", N_("Matter") },
  { "authority", N_("Authority") },
  { "committed_on", N_("Committed on") },
  { "fulfilment", N_("Fulfilment") },
  { "fulfilment_on", N_("Checked on") },
  { "fulfilment_note", N_("Fulfilment note") },
  { "fulfilment_by", N_("Checked by") },
  { "watch_entry_id", N_("Watch-list entry") },
  { "item_id", N_("Catalog item ID") },
  { "item_name", N_("Catalog item") },
  { "value", N_("Value") },
  { "evidence", N_("Evidence") },
  { "comment", N_("Comment") },
  { "indicator", N_("Indicator") },
  { "purpose", N_("Purpose") },
  { "hits", N_("Hits") },
  { "subjects", N_("Subjects") },
  { "invalid", N_("Invalid") },
  { "rows", N_("Rows") },
  { "format", N_("Format") },
  { "file_name", N_("File name") },
  { "accepted", N_("Accepted") },
  { "rejected", N_("Rejected") },
  { "rows_read", N_("Rows read") },
};

static const char *
lookup (const Label *labels,
        gsize        n_labels,
        const char  *key)
{
  if (key == NULL)
    return "";
  for (gsize i = 0; i < n_labels; i++)
    if (g_str_equal (labels[i].key, key))
      return _(labels[i].label);
  return key;
}

const char *
hc_audit_action_label (const char *action)
{
  return lookup (actions, G_N_ELEMENTS (actions), action);
}

const char *
hc_audit_entity_label (const char *entity)
{
  return lookup (entities, G_N_ELEMENTS (entities), entity);
}

const char *
hc_audit_field_label (const char *field)
{
  return lookup (fields, G_N_ELEMENTS (fields), field);
}

#define ENUM_VALUE(name, Type)                               \
  static const char *                                        \
  name##_value (const char *key)                             \
  {                                                          \
    Type v;                                                  \
                                                             \
    return hc_##name##_from_key (key, &v) ? hc_##name##_label (v) : NULL; \
  }

ENUM_VALUE (subject_type, HcSubjectType)
ENUM_VALUE (disclosure, HcDisclosure)
ENUM_VALUE (list_class, HcListClass)
ENUM_VALUE (list_entry_state, HcListEntryState)
ENUM_VALUE (role, HcRole)

static const char *
region_value (const char *code)
{
  const HcRegion *region = hc_region_lookup (code);

  return region != NULL ? region->name : NULL;
}

static const char *
status_value (const char *status)
{
  const char *label = hc_subject_status_label (status);

  return label != status ? label : NULL;
}

static const char *
fulfilment_value (const char *key)
{
  const char *label = hc_record_fulfilment_label (key);

  return label != key ? label : NULL;
}

/**
 * hc_audit_value_label:
 * @field: the field's key ("type")
 * @value: its value as the change shows it ("natural_person")
 *
 * Returns: the value by its label where the field holds a key of the
 *   domain's (主体类型, 市县, 角色, 名单状态…) or a yes/no, else @value
 */
const char *
hc_audit_value_label (const char *field,
                      const char *value)
{
  static const struct {
    const char  *field;
    const char *(*label) (const char *key);
  } enums[] = {
    { "type", subject_type_value },
    { "subject_type", subject_type_value },
    { "region", region_value },
    { "disclosure", disclosure_value },
    { "list_class", list_class_value },
    { "state", list_entry_state_value },
    { "role", role_value },
    { "status", status_value },
    { "fulfilment", fulfilment_value },
  };

  if (field == NULL || value == NULL)
    return value ? value : "";
  if (g_str_equal (value, "true"))
    return _("Yes");
  if (g_str_equal (value, "false"))
    return _("No");
  for (gsize i = 0; i < G_N_ELEMENTS (enums); i++)
    if (g_str_equal (enums[i].field, field))
      {
        const char *label = enums[i].label (value);

        return label ? label : value;
      }
  return value;
}
