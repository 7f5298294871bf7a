/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Limits on what a user may try: look-ups of people by their full
 * 居民身份证号码 (so that no route confirms masked digits by trial), and
 * sign-in attempts per user name and per address. Shared by all workers. */
#pragma once

#include "hcs-request.h"

G_BEGIN_DECLS

#define HCS_DEFAULT_PERSON_LOOKUPS   20     /* distinct ID numbers … */
#define HCS_PERSON_LOOKUP_WINDOW     3600   /* … per user and hour */
#define HCS_SIGNIN_USER_FAILURES     5      /* failures before a user name waits */
#define HCS_SIGNIN_ADDRESS_FAILURES  20     /* failures before an address waits */

void     hcs_throttle_set_person_lookups (guint        per_hour);

gboolean hcs_throttle_person_lookup      (HcsRequest  *req,
                                          const char  *identifier);
gboolean hcs_throttle_person_lookups     (HcsRequest         *req,
                                          const char * const *identifiers,
                                          guint               n);

gboolean hcs_throttle_signin_allowed     (const char  *username,
                                          const char  *address,
                                          gint64      *retry_after,
                                          gboolean    *first_refusal);
void     hcs_throttle_signin_failed      (const char  *username,
                                          const char  *address);
void     hcs_throttle_signin_succeeded   (const char  *username);

G_END_DECLS
