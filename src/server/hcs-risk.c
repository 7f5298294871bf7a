/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 风险事件: recording a risk event, with the subject and department it
 * names resolved and checked. */
#define G_LOG_DOMAIN "hcs-risk"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-errors.h"
#include "hcs-risk.h"

/* The subject named by @identifier as typed (USCC or ID number, in any case,
 * with spaces or full-width characters): its id, 0 when unknown, -1 on error. */
static gint64
find_subject (HcsStore    *store,
              const char  *identifier,
              GError     **error)
{
  g_autofree char *uscc = hc_uscc_normalize (identifier);
  g_autofree char *id_number = hc_id_number_normalize (identifier);
  gint64 id = hcs_store_risk_find_subject (store, identifier, error);

  if (id == 0 && uscc != NULL)
    id = hcs_store_risk_find_subject (store, uscc, error);
  if (id == 0 && id_number != NULL)
    id = hcs_store_risk_find_subject (store, id_number, error);
  return id;
}

/**
 * hcs_risk_create_event:
 * @event: the event, checked for form; its subject_id is set here
 * @subject: (nullable): the subject's identifier as typed; "" for none
 * @has_department: whether @event names a department (to be checked)
 * @after: (out) (transfer full): the event recorded
 *
 * Returns: the event's id, or 0 with @error set (HCS_ERROR
 *   unknown_subject, unknown_department; or a store error)
 */
gint64
hcs_risk_create_event (HcsStore          *store,
                       HcsRiskEventNew   *event,
                       const char        *subject,
                       gboolean           has_department,
                       JsonObject       **after,
                       GError           **error)
{
  g_autoptr(GError) local = NULL;
  gint64 id;

  if (subject != NULL && *subject != '\0')
    {
      event->subject_id = find_subject (store, subject, error);
      if (event->subject_id < 0)
        return 0;
      if (event->subject_id == 0)
        {
          hcs_error_set (error, HCS_ERR_UNKNOWN_SUBJECT, "subject",
                         _("No market subject has the identifier “%s”."), subject);
          return 0;
        }
    }
  if (has_department && !hcs_store_risk_department_exists (store, event->department_id, &local))
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        hcs_error_set (error, HCS_ERR_UNKNOWN_DEPARTMENT, "department_id",
                       _("There is no department with this id."));
      return 0;
    }
  id = hcs_store_risk_insert (store, event, error);
  if (id <= 0 || (*after = hcs_store_risk_get (store, id, error)) == NULL)
    return 0;
  return id;
}
