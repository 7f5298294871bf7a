/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Domain enums with stable JSON keys and translated labels. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HC_ROLE_ANALYST,
  HC_ROLE_SUPERVISOR,
  HC_ROLE_ADMIN,
} HcRole;

const char *hc_role_to_key    (HcRole      role);
gboolean    hc_role_from_key  (const char *key,
                               HcRole     *out);
const char *hc_role_label     (HcRole      role);
gboolean    hc_role_at_least  (HcRole      have,
                               HcRole      need);

G_END_DECLS
