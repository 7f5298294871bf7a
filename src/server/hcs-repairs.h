/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 信用修复: the writes of a repair case, as domain functions that run in the
 * caller's transaction (an HcsWrite) and report refusals in HCS_ERROR. */
#pragma once

#include <json-glib/json-glib.h>

#include "hcs-holidays.h"
#include "hcs-request.h"

G_BEGIN_DECLS

/* A new repair case as the request gives it, checked for form. */
typedef struct
{
  const char *subject;      /* normalised identifier */
  const char *kind;         /* penalty or list_entry */
  gint64      entry_id;     /* the list entry of a list_entry repair, else 0 */
  gint64      penalty_id;   /* the penalty of a penalty repair, or 0 */
  gint64      department;   /* a penalty repair's deciding department when it
                             * names no penalty, else 0 */
  const char *reason;
  gboolean    commitment;
  const char *applied_on;
  const HcsDeadline *deadline;  /* and the rule that counted it */
  GPtrArray  *evidence;     /* of cleaned, non-empty lines; NULL for none */
} HcsRepairInput;

gint64    hcs_repairs_create  (HcsStore              *store,
                               const HcsRepairInput  *repair,
                               const char            *today,
                               const char            *actor,
                               JsonObject           **after,
                               GError               **error);
gboolean  hcs_repairs_may_decide (HcsStore          *store,
                                  const HcsActor    *actor,
                                  JsonObject        *repair,
                                  GError           **error);
gboolean  hcs_repairs_decide  (HcsStore              *store,
                               const HcsActor        *actor,
                               gint64                 id,
                               gint64                 version,
                               gboolean               approve,
                               const char            *comment,
                               const char            *today,
                               JsonObject            *before,
                               JsonObject           **after,
                               GError               **error);

G_END_DECLS
