/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Domain enums: keys and labels. */
#define G_LOG_DOMAIN "hc-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hc-enums.h"

static const char * const role_keys[] = { "analyst", "supervisor", "admin" };
static const char * const role_labels[] = { N_("Analyst"), N_("Supervisor"), N_("Administrator") };

const char *
hc_role_to_key (HcRole role)
{
  g_return_val_if_fail (role <= HC_ROLE_ADMIN, NULL);
  return role_keys[role];
}

gboolean
hc_role_from_key (const char *key,
                  HcRole     *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_keys); i++)
    if (g_strcmp0 (key, role_keys[i]) == 0)
      {
        *out = (HcRole) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hc_role_label (HcRole role)
{
  g_return_val_if_fail (role <= HC_ROLE_ADMIN, NULL);
  return _(role_labels[role]);
}

/* analyst < supervisor < admin */
gboolean
hc_role_at_least (HcRole have,
                  HcRole need)
{
  return have >= need;
}
