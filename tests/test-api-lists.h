/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of test-api-lists share: its server, users and department, and the helpers more
 * than one of them calls. */
#pragma once

#include <string.h>
#include "hc-test-server.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *etag;
} Entry;

extern HcTestServer *server;
extern const char *admin, *analyst, *supervisor;
extern gint64 department;
extern guint next_subject;

void            lists_register_subject    (const char     *identifier,
                                           const char     *name,
                                           const char     *type,
                                           const char     *region);
const char     *lists_new_subject         (void);
gint64          lists_count               (const char     *sql);
HcTestResponse *lists_propose             (const char     *type,
                                           const char     *subject,
                                           const char     *measures);
HcTestResponse *lists_transition          (gint64          id,
                                           const char     *etag,
                                           const char     *token,
                                           const char     *action,
                                           const char     *reason);
const char     *lists_str                 (HcTestResponse *r,
                                           const char     *member);
gint64          lists_num                 (HcTestResponse *r,
                                           const char     *member);
void            lists_entry_clear         (Entry          *e);
void            lists_step                (Entry          *e,
                                           const char     *action);
void            lists_entry_in_state      (const char     *state,
                                           Entry          *e);
HcTestResponse *lists_set_notice_days     (const char     *type,
                                           const char     *token,
                                           int             days);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Entry, lists_entry_clear)

void            hc_test_lists_entries_add (void);
void            hc_test_lists_match_add   (void);
void            hc_test_lists_publish_add (void);

G_END_DECLS
