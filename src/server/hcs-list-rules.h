/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the list and repair routes take from the core: identifiers of
 * subjects (normalised, validated, masked) and the life of a list entry. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "hc-enums.h"
#include "hcs-holidays.h"
#include "hcs-request.h"

G_BEGIN_DECLS

typedef enum
{
  HCS_IDENTIFIER_USCC,
  HCS_IDENTIFIER_ID_NUMBER,
} HcsIdentifierKind;

char       *hcs_identifier_normalize        (const char         *text,
                                             HcsIdentifierKind  *kind,
                                             const char        **error_code);
gboolean    hcs_date_parse                  (const char         *text,
                                             GDate              *date);
char       *hcs_date_today                  (void);
char       *hcs_date_add_days               (const char         *date,
                                             int                 days);
char       *hcs_date_add_years              (const char         *date,
                                             guint               years);

gboolean    hcs_list_action_known           (const char         *action);
gboolean    hcs_list_action_next_state      (const char         *state,
                                             const char         *action,
                                             const char        **next_state);
HcRole      hcs_list_action_role            (const char         *action);
char       *hcs_list_actions_from           (const char         *state);
gboolean    hcs_list_action_needs_reason    (const char         *action);
gboolean    hcs_list_state_known            (const char         *state);

void        hcs_lists_count_period          (const char         *from,
                                             gint64              days,
                                             HcsDeadline        *out);
gboolean    hcs_lists_apply_action          (HcsStore           *store,
                                             gint64              id,
                                             gint64              version,
                                             const char         *action,
                                             const char         *reason,
                                             const char         *received_on,
                                             const HcsActor     *actor,
                                             GError            **error);

/* A new 名单 entry as the request gives it. */
typedef struct
{
  const char *subject;           /* normalised identifier */
  gint64      department;
  const char *basis;
  const char *facts;
  JsonArray  *measures;          /* codes (text) or ids */
  const char *published_until;   /* nullable */
} HcsListEntryInput;

gint64      hcs_lists_create_entry          (HcsStore                 *store,
                                             JsonObject               *type,
                                             const HcsListEntryInput  *entry,
                                             const char               *actor,
                                             JsonObject              **after,
                                             GError                  **error);

G_END_DECLS
