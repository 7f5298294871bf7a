/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 信用修复: creating a repair case and deciding it; an approved repair of a
 * list entry moves the entry to “repaired”, with its own history line and
 * audit entry, in the same transaction. */
#define G_LOG_DOMAIN "hcs-repairs"

#include "config.h"

#include <glib/gi18n.h>

#include "hcs-grading.h"
#include "hcs-list-rules.h"
#include "hcs-repairs.h"
#include "hcs-store-audit.h"
#include "hcs-store-lists.h"
#include "hcs-store-records.h"
#include "hcs-store-repairs.h"
#include "hcs-write.h"

/* Fails unless the list entry @entry_id belongs to @identifier and can be
 * repaired now (it is published). */
static gboolean
check_entry (HcsStore    *store,
             gint64       entry_id,
             const char  *identifier,
             GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonObject) entry = hcs_store_lists_entry_get (store, entry_id, FALSE, &local);
  const char *next;

  if (entry == NULL)
    {
      if (g_error_matches (local, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
        hcs_error_set (error, HCS_ERR_UNKNOWN_ENTRY, "entry_id",
                       _("There is no list entry %lld."), (long long) entry_id);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (g_strcmp0 (json_object_get_string_member (entry, "subject_identifier"), identifier) != 0)
    {
      hcs_error_set (error, HCS_ERR_ENTRY_SUBJECT_MISMATCH, "entry_id",
                     _("List entry %lld is not about this subject."), (long long) entry_id);
      return FALSE;
    }
  if (!hcs_list_action_next_state (json_object_get_string_member (entry, "state"), "repair", &next))
    {
      hcs_error_set (error, HCS_ERR_ENTRY_NOT_IN_FORCE, "entry_id",
                     _("List entry %lld is “%s”: only a published entry can be repaired."),
                     (long long) entry_id, json_object_get_string_member (entry, "state"));
      return FALSE;
    }
  return TRUE;
}

/**
 * hcs_repairs_create:
 * @after: (out) (transfer full): the case created
 *
 * Opens a repair case for a registered subject (and its list entry).
 *
 * Returns: the case's id, or 0 with @error set (HCS_ERROR unknown_subject,
 *   unknown_entry, entry_subject_mismatch, entry_not_in_force; or a store
 *   error)
 */
gint64
hcs_repairs_create (HcsStore              *store,
                    const HcsRepairInput  *repair,
                    const char            *today,
                    const char            *actor,
                    JsonObject           **after,
                    GError               **error)
{
  g_autoptr(GError) local = NULL;
  gint64 subject_id, id;

  subject_id = hcs_store_lists_find_subject (store, repair->subject, NULL, error);
  if (subject_id < 0)
    return 0;
  if (subject_id == 0)
    {
      hcs_error_set (error, HCS_ERR_UNKNOWN_SUBJECT, "subject",
                     _("No market subject has the identifier “%s”; register the subject first."),
                     repair->subject);
      return 0;
    }
  if (repair->entry_id > 0 && !check_entry (store, repair->entry_id, repair->subject, error))
    return 0;
  if (repair->department != 0 && !hcs_store_lists_department_exists (store, repair->department, &local))
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        hcs_error_set (error, HCS_ERR_UNKNOWN_DEPARTMENT, "department", _("There is no such department."));
      return 0;
    }
  /* A penalty repair that names its penalty takes it out of 双公示 once
   * approved (hcs-store-records.c). */
  if (repair->penalty_id != 0 &&
      !hcs_store_records_penalty_of_subject (store, repair->penalty_id, subject_id, &local))
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        hcs_error_set (error, HCS_ERR_UNKNOWN_PENALTY, "penalty_id",
                       _("Penalty %lld is not a penalty of this subject."), (long long) repair->penalty_id);
      return 0;
    }
  id = hcs_store_repairs_insert (store, subject_id, repair->entry_id, repair->kind, repair->reason,
                                 repair->commitment, repair->applied_on, repair->deadline,
                                 repair->department, actor, error);
  for (guint i = 0; id > 0 && repair->evidence != NULL && i < repair->evidence->len; i++)
    if (!hcs_store_repairs_add_evidence (store, id, i, g_ptr_array_index (repair->evidence, i), error))
      return 0;
  if (id > 0 && repair->penalty_id != 0 &&
      !hcs_store_records_repair_set_penalty (store, id, repair->penalty_id, error))
    return 0;
  if (id == 0 || (*after = hcs_store_repairs_get (store, id, today, error)) == NULL)
    return 0;
  return id;
}

/* Repairs the list entry of an approved case, with its own history line
 * and audit entry. */
static gboolean
repair_entry (HcsStore        *store,
              const HcsActor  *actor,
              gint64           repair_id,
              gint64           entry_id,
              const char      *comment,
              GError         **error)
{
  g_autoptr(JsonObject) before = hcs_store_lists_entry_get (store, entry_id, FALSE, error);
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonNode) before_node = NULL;
  g_autoptr(JsonNode) after_node = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *entry_text = NULL;

  if (before == NULL)
    return FALSE;
  reason = g_strdup_printf ("repairs/%" G_GINT64_FORMAT "%s%s", repair_id,
                            comment && *comment ? ": " : "", comment ? comment : "");
  if (!hcs_lists_apply_action (store, entry_id, json_object_get_int_member (before, "version"), "repair",
                               reason, NULL, actor, error) ||
      (after = hcs_store_lists_entry_get (store, entry_id, FALSE, error)) == NULL)
    return FALSE;
  before_node = hcs_json_object_node (before);
  after_node = hcs_json_object_node (after);
  entry_text = g_strdup_printf ("%" G_GINT64_FORMAT, entry_id);
  return hcs_store_audit_record (store, actor, "list_entry.transition", "list_entry", entry_text,
                                 before_node, after_node, error);
}

/**
 * hcs_repairs_may_decide:
 * @repair: the case, as hcs_store_repairs_get() answers it
 *
 * 谁认定、谁修复: only users of the department that designated the case's
 * list entry (or decided its penalty) decide its repair.
 *
 * Returns: %FALSE with @error set (HCS_ERROR not_designating_department, or
 *   a store error)
 */
gboolean
hcs_repairs_may_decide (HcsStore        *store,
                        const HcsActor  *actor,
                        JsonObject      *repair,
                        GError         **error)
{
  gint64 mine = hcs_store_records_user_department (store, actor->user_id, error);
  gboolean is_entry = g_strcmp0 (json_object_get_string_member (repair, "kind"), "list_entry") == 0;

  if (mine < 0)
    return FALSE;
  if (json_object_get_null_member (repair, "department_id"))
    {
      hcs_error_set (error, HCS_ERR_NOT_DESIGNATING_DEPARTMENT, "decision",
                     _("This repair case names no department that decided the penalty, so nobody may decide it (谁认定、谁修复)."));
      return FALSE;
    }
  if (mine == json_object_get_int_member (repair, "department_id"))
    return TRUE;
  if (is_entry)
    hcs_error_set (error, HCS_ERR_NOT_DESIGNATING_DEPARTMENT, "decision",
                   _("Only the department that designated this list entry (%s) decides its repair (谁认定、谁修复)."),
                   json_object_get_string_member (repair, "department_name"));
  else
    hcs_error_set (error, HCS_ERR_NOT_DESIGNATING_DEPARTMENT, "decision",
                   _("Only the department that decided this penalty (%s) decides its repair (谁认定、谁修复)."),
                   json_object_get_string_member (repair, "department_name"));
  return FALSE;
}

/**
 * hcs_repairs_decide:
 * @version: the version the caller decides on
 * @before: the case as it is, read in the same transaction
 * @after: (out) (transfer full): the case after
 *
 * Approves or rejects a pending case; an approved case of a list entry
 * repairs the entry.
 *
 * Returns: %FALSE with @error set (HCS_ERROR already_decided,
 *   illegal_transition; or a store error: NOT_FOUND, STALE, …)
 */
gboolean
hcs_repairs_decide (HcsStore        *store,
                    const HcsActor  *actor,
                    gint64           id,
                    gint64           version,
                    gboolean         approve,
                    const char      *comment,
                    const char      *today,
                    JsonObject      *before,
                    JsonObject     **after,
                    GError         **error)
{
  JsonObject *was = before;

  if (json_object_get_int_member (was, "version") == version &&
      !g_str_equal (json_object_get_string_member (was, "state"), "pending"))
    {
      hcs_error_set (error, HCS_ERR_ALREADY_DECIDED, "decision",
                     _("This repair case was decided already (%s)."),
                     json_object_get_string_member (was, "state"));
      return FALSE;
    }
  if (!hcs_store_repairs_decide (store, id, version, approve ? "approved" : "rejected", today,
                                 actor->username, comment, error))
    return FALSE;
  if (approve && !json_object_get_null_member (was, "entry_id") &&
      !repair_entry (store, actor, id, json_object_get_int_member (was, "entry_id"), comment, error))
    return FALSE;
  /* A completed repair counts in the subject's grade. */
  if (approve && !hcs_grading_regrade_identifier (store, json_object_get_string_member (was, "subject_identifier"), error))
    return FALSE;
  return (*after = hcs_store_repairs_get (store, id, today, error)) != NULL;
}
