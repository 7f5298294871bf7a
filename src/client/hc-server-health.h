/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcServerHealth: what GET /health answers (hc_client_get_health_async). */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What GET /health answers. */
typedef struct
{
  char  *status;
  char  *version;
  int    schema;
} HcServerHealth;

#define HC_TYPE_SERVER_HEALTH (hc_server_health_get_type ())
GType           hc_server_health_get_type      (void) G_GNUC_CONST;
HcServerHealth *hc_server_health_new_from_json (JsonObject     *obj);
void            hc_server_health_free          (HcServerHealth *health);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcServerHealth, hc_server_health_free)

G_END_DECLS
