/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Storage of users, sessions and departments. */
#pragma once

#include "hcs-request.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *username;
  char   *password_hash;
  HcRole  role;
  gboolean active;
} HcsUserRecord;

void        hcs_user_record_free            (HcsUserRecord *rec);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsUserRecord, hcs_user_record_free)

gint64      hcs_store_users_count           (HcsStore       *store,
                                             GError        **error);
HcsUserRecord *hcs_store_users_find         (HcsStore       *store,
                                             const char     *username,
                                             GError        **error);
JsonObject *hcs_store_users_get             (HcsStore       *store,
                                             gint64          id,
                                             GError        **error);
JsonArray  *hcs_store_users_list            (HcsStore       *store,
                                             GError        **error);
gint64      hcs_store_users_insert          (HcsStore       *store,
                                             const char     *username,
                                             const char     *display_name,
                                             HcRole          role,
                                             const char     *password_hash,
                                             gint64          department_id,
                                             GError        **error);
gboolean    hcs_store_users_update          (HcsStore       *store,
                                             gint64          id,
                                             gint64          version,
                                             const char     *display_name,
                                             const char     *role,
                                             const char     *password_hash,
                                             int             active,
                                             GError        **error);

gboolean    hcs_store_sessions_insert       (HcsStore       *store,
                                             const char     *token_hash,
                                             gint64          user_id,
                                             gint64          expires_at,
                                             GError        **error);
/* Returns FALSE without error when there is no such live session. */
gboolean    hcs_store_sessions_lookup       (HcsStore       *store,
                                             const char     *token_hash,
                                             gint64          now,
                                             gint64         *user_id,
                                             char          **username,
                                             HcRole         *role,
                                             gboolean       *expired,
                                             GError        **error);
gboolean    hcs_store_sessions_revoke_user  (HcsStore       *store,
                                             gint64          user_id,
                                             const char     *keep_token_hash,
                                             GError        **error);
gboolean    hcs_store_sessions_delete       (HcsStore       *store,
                                             const char     *token_hash,
                                             GError        **error);

JsonArray  *hcs_store_departments_list      (HcsStore       *store,
                                             GError        **error);
JsonObject *hcs_store_departments_get       (HcsStore       *store,
                                             gint64          id,
                                             GError        **error);
gint64      hcs_store_departments_insert    (HcsStore       *store,
                                             const char     *code,
                                             const char     *name,
                                             const char     *level,
                                             const char     *region,
                                             GError        **error);

G_END_DECLS
