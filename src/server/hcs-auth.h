/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Password hashing (argon2id) and bearer tokens. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *hcs_auth_hash_password    (const char  *password,
                                     GError     **error);
gboolean  hcs_auth_verify_password  (const char  *encoded,
                                     const char  *password);
char     *hcs_auth_new_token        (void);
char     *hcs_auth_token_hash       (const char  *token);
gboolean  hcs_auth_password_is_acceptable (const char *password,
                                           const char **reason);

G_END_DECLS
