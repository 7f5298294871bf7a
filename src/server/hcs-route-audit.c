/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GET /audit: the audit log, for supervisors and administrators. */
#define G_LOG_DOMAIN "hcs-route-audit"

#include "config.h"

#include <glib/gi18n.h>

#include "hcs-routes.h"
#include "hcs-store-audit.h"

/* from/to take a date (YYYY-MM-DD) or a full ISO 8601 UTC time. */
static gboolean
parse_bound (HcsRequest *req,
             const char *name,
             char      **out)
{
  const char *v = hcs_request_query (req, name);
  g_autoptr(GDateTime) dt = NULL;

  *out = NULL;
  if (v == NULL)
    return TRUE;
  if (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$", v, 0, 0))
    {
      g_autofree char *full = g_strconcat (v, "T00:00:00Z", NULL);

      dt = g_date_time_new_from_iso8601 (full, NULL);
    }
  else
    dt = g_date_time_new_from_iso8601 (v, NULL);
  if (dt == NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, name,
                               _("“%s” must be a date like 2025-03-01."), name);
      return FALSE;
    }
  *out = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
  return TRUE;
}

static void
list_audit (HcsRequest *req)
{
  g_auto(HcsPage) page = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = -1;
  JsonArray *rows;

  if (!hcs_request_page (req, &page) ||
      !parse_bound (req, "from", &from) || !parse_bound (req, "to", &to))
    return;
  rows = hcs_store_audit_list (hcs_request_get_store (req),
                               hcs_request_query (req, "actor"),
                               hcs_request_query (req, "entity"),
                               hcs_request_query (req, "entity_id"),
                               from, to, &page, page.want_total ? &total : NULL, &error);
  if (rows == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_rows (req, rows, &page, NULL, total);
}

static const HcsRoute routes[] = {
  { "GET", "/audit", list_audit, HCS_ACCESS_SUPERVISOR },
};

void
hcs_routes_audit_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
