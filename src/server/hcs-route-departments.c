/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /departments: 信源单位 and designating bodies. */
#define G_LOG_DOMAIN "hcs-route-departments"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-routes.h"
#include "hcs-store-users.h"
#include "hcs-write.h"

static void
list_departments (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonArray *rows = hcs_store_departments_list (hcs_request_get_store (req), &error);

  if (rows == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_page (req, rows, NULL, json_array_get_length (rows));
}

static void
create_department (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  JsonObject *body = hcs_request_json_object (req);
  const char *code = NULL, *name = NULL, *level = "provincial", *region = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *id_text = NULL;
  gint64 id;

  if (body == NULL ||
      !hcs_request_field_string (req, body, "code", HCS_FIELD_REQUIRED, &code) ||
      !hcs_request_field_string (req, body, "name", HCS_FIELD_REQUIRED, &name) ||
      !hcs_request_field_string (req, body, "level", HCS_FIELD_OPTIONAL, &level) ||
      !hcs_request_field_string (req, body, "region", HCS_FIELD_OPTIONAL, &region))
    return;
  if (!g_str_equal (level, "provincial") && !g_str_equal (level, "county") && !g_str_equal (level, "central"))
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_LEVEL, "level",
                               _("The level must be provincial, county or central."));
      return;
    }
  if (region != NULL && hc_region_lookup (region) == NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_REGION, "region",
                               _("“%s” is not the GB/T 2260 code of one of Hainan’s 19 cities and counties."), region);
      return;
    }

  if ((w = hcs_write_begin (req, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  id = hcs_store_departments_insert (store, code, name, level, region, &error);
  if (id > 0)
    after = hcs_store_departments_get (store, id, &error);
  if (after == NULL)
    {
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_DUPLICATE))
        {
          hcs_request_reply_error (req, HCS_ERR_DUPLICATE, "code",
                                   _("A department with this code or name exists already."));
        }
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (!hcs_write_commit (w, "department.create", "department", id_text, NULL, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_set_etag (req, json_object_get_int_member (after, "version"));
  hcs_request_reply_object (req, SOUP_STATUS_CREATED, g_steal_pointer (&after));
}

static const HcsRoute routes[] = {
  { "GET",  "/departments", list_departments,  HCS_ACCESS_ANALYST },
  { "POST", "/departments", create_department, HCS_ACCESS_ADMIN },
};

void
hcs_routes_departments_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
