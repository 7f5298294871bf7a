/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcServerHealth: the server's status, version and schema version. */
#define G_LOG_DOMAIN "hc-server-health"

#include "config.h"

#include "hc-server-health.h"

G_DEFINE_BOXED_TYPE (HcServerHealth, hc_server_health, NULL, hc_server_health_free)

/**
 * hc_server_health_new_from_json:
 *
 * Returns: (transfer full): GET /health's answer; missing members are empty
 */
HcServerHealth *
hc_server_health_new_from_json (JsonObject *obj)
{
  HcServerHealth *health;

  g_return_val_if_fail (obj != NULL, NULL);

  health = g_new0 (HcServerHealth, 1);
  health->status = g_strdup (json_object_get_string_member_with_default (obj, "status", ""));
  health->version = g_strdup (json_object_get_string_member_with_default (obj, "version", ""));
  health->schema = (int) json_object_get_int_member_with_default (obj, "schema", 0);
  return health;
}

void
hc_server_health_free (HcServerHealth *health)
{
  if (health == NULL)
    return;
  g_free (health->status);
  g_free (health->version);
  g_free (health);
}
