/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GET /openapi.json: the API's OpenAPI 3.0 description, assembled from one
 * fragment per resource (the JSON files in src/server/openapi/) so that each resource's
 * routes and their documentation live side by side. */
#define G_LOG_DOMAIN "hcs-route-openapi"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "hcs-routes.h"

#define OPENAPI_PATH "/org/hncredit/server/openapi/"

static JsonObject *
load_object (const char  *path,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not an object", path);
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

static void
merge_members (JsonObject *into,
               JsonObject *from,
               const char *what)
{
  g_autoptr(GList) names = json_object_get_members (from);

  for (GList *l = names; l; l = l->next)
    {
      if (json_object_has_member (into, l->data))
        g_warning ("openapi: %s %s is described twice", what, (const char *) l->data);
      json_object_set_member (into, l->data, json_node_copy (json_object_get_member (from, l->data)));
    }
}

/* Every listing (a GET answering a page) also answers CSV and XLSX
 * (hcs-export.c); its description says so, from here, for all of them. */
static void
add_export_types (JsonObject *paths)
{
  g_autoptr(GList) names = json_object_get_members (paths);

  for (GList *l = names; l; l = l->next)
    {
      JsonObject *path = json_object_get_object_member (paths, l->data);
      JsonObject *get, *responses, *ok, *content;
      g_autofree char *answer = NULL;

      if (!json_object_has_member (path, "get") ||
          (get = json_object_get_object_member (path, "get")) == NULL ||
          !json_object_has_member (get, "responses") ||
          (responses = json_object_get_object_member (get, "responses")) == NULL ||
          !json_object_has_member (responses, "200") ||
          (ok = json_object_get_object_member (responses, "200")) == NULL)
        continue;
      /* A page: its schema is a …Page, or its description says so. */
      answer = json_to_string (json_object_get_member (responses, "200"), FALSE);
      if (strstr (answer, "Page\"") == NULL &&
          !g_str_has_prefix (json_object_get_string_member_with_default (ok, "description", ""), "Page of"))
        continue;
      if (!json_object_has_member (ok, "content"))
        json_object_set_object_member (ok, "content", json_object_new ());
      content = json_object_get_object_member (ok, "content");
      for (guint i = 0; i < 2; i++)
        {
          JsonObject *type = json_object_new ();
          JsonObject *binary = json_object_new ();

          json_object_set_string_member (binary, "type", "string");
          json_object_set_string_member (binary, "format", "binary");
          json_object_set_string_member (binary, "description",
                                         i == 0 ? "Export (Accept: text/csv): the whole result with the same filters (paging ignored), UTF-8 with BOM, RFC 4180, CRLF; text that starts with = + - @ gets a leading apostrophe. Masked as the JSON listing for the role; audited (action export). Header X-Export-Rows: the row count."
                                                : "Export (Accept: this type): the whole result with the same filters as an XLSX workbook, Chinese headers, frozen header row. Masked as the JSON listing for the role; audited (action export). Header X-Export-Rows: the row count.");
          json_object_set_object_member (type, "schema", binary);
          json_object_set_object_member (content, i == 0 ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type);
        }
    }
}

/**
 * hcs_openapi_build:
 *
 * Returns: (transfer full): the whole document
 */
JsonObject *hcs_openapi_build (GError **error);

JsonObject *
hcs_openapi_build (GError **error)
{
  g_autoptr(JsonObject) doc = load_object (OPENAPI_PATH "base.json", error);
  g_auto(GStrv) children = NULL;
  JsonObject *paths, *components, *schemas;

  if (doc == NULL)
    return NULL;
  paths = json_object_get_object_member (doc, "paths");
  components = json_object_get_object_member (doc, "components");
  schemas = json_object_get_object_member (components, "schemas");

  children = g_resources_enumerate_children (OPENAPI_PATH, 0, error);
  if (children == NULL)
    return NULL;
  for (guint i = 0; children[i]; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(JsonObject) fragment = NULL;

      if (g_str_equal (children[i], "base.json"))
        continue;
      path = g_strconcat (OPENAPI_PATH, children[i], NULL);
      fragment = load_object (path, error);
      if (fragment == NULL)
        return NULL;
      if (json_object_has_member (fragment, "paths"))
        merge_members (paths, json_object_get_object_member (fragment, "paths"), "path");
      if (json_object_has_member (fragment, "schemas"))
        merge_members (schemas, json_object_get_object_member (fragment, "schemas"), "schema");
    }
  add_export_types (paths);
  return g_steal_pointer (&doc);
}

static void
get_openapi (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonObject *doc = hcs_openapi_build (&error);

  if (doc == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_object (req, SOUP_STATUS_OK, doc);
}

static const HcsRoute routes[] = {
  { "GET", "/openapi.json", get_openapi, HCS_ACCESS_PUBLIC },
};

void
hcs_routes_openapi_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
