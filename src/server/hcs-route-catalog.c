/* SPDX-License-Identifier: GPL-3.0-or-later */
/* /catalog: the 公共信用信息目录, versioned by year (draft → published),
 * its items, and the diff between two versions. */
#define G_LOG_DOMAIN "hcs-route-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hcs-catalog.h"
#include "hcs-routes.h"
#include "hcs-store-catalog.h"
#include "hcs-store-users.h"
#include "hcs-write.h"

#define MAX_NAME_CHARS 200
#define MAX_TEXT_CHARS 2000

/* ---- enum keys ---------------------------------------------------------- */

static gboolean
category_is_valid (const char *key)
{
  HcCatalogCategory category;

  return hc_catalog_category_from_key (key, &category);
}

static gboolean
subject_type_is_valid (const char *key)
{
  HcSubjectType type;

  return hc_subject_type_from_key (key, &type);
}

static gboolean
disclosure_is_valid (const char *key)
{
  HcDisclosure disclosure;

  return hc_disclosure_from_key (key, &disclosure);
}

static gboolean
frequency_is_valid (const char *key)
{
  HcUpdateFrequency frequency;

  return hc_update_frequency_from_key (key, &frequency);
}

static gboolean
scope_is_valid (const char *key)
{
  HcCatalogScope scope;

  return hc_catalog_scope_from_key (key, &scope);
}

/* ---- reading requests --------------------------------------------------- */

/* The {year} of the path; answers 404 for anything that cannot be one. */
static gboolean
parse_year (HcsRequest *req,
            gint64     *year)
{
  if (g_ascii_string_to_signed (hcs_request_param (req, "year"), 10,
                                HCS_CATALOG_YEAR_MIN, HCS_CATALOG_YEAR_MAX, year, NULL))
    return TRUE;
  hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "year",
                           _("There is no catalog version for this year."));
  return FALSE;
}

/* The text members of an item, in the order of ItemInput.strings. */
static const char * const string_members[] = {
  "category", "name", "subject_type", "disclosure", "update_frequency", "legal_basis", "publicity_period",
  "scope",
};

/* Item fields as read from a body; the strings are trimmed copies. */
typedef struct
{
  HcsCatalogItemFields  fields;
  char                 *strings[G_N_ELEMENTS (string_members)];
} ItemInput;

static void
item_input_clear (ItemInput *in)
{
  for (guint i = 0; i < G_N_ELEMENTS (in->strings); i++)
    g_clear_pointer (&in->strings[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ItemInput, item_input_clear)

static gboolean
read_text (HcsRequest    *req,
           JsonObject    *body,
           const char    *name,
           HcsFieldFlags  flags,
           guint          max_chars,
           char         **out)
{
  const char *value = NULL;

  if (!hcs_request_field_string (req, body, name, flags, &value))
    return FALSE;
  if (value == NULL)
    return TRUE;
  *out = g_strstrip (g_strdup (value));
  if (g_utf8_strlen (*out, -1) > (glong) max_chars)
    {
      hcs_request_reply_error (req, HCS_ERR_TOO_LONG, name,
                               _("The field “%s” may have at most %u characters."), name, max_chars);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_count (HcsRequest *req,
            JsonObject *body,
            const char *name,
            gint64     *out)
{
  gint64 value = -1;

  if (!hcs_request_field_int (req, body, name, HCS_FIELD_OPTIONAL, &value))
    return FALSE;
  if (!json_object_has_member (body, name) || json_object_get_null_member (body, name))
    return TRUE;
  if (value < 0)
    {
      hcs_request_reply_error (req, HCS_ERR_INVALID_COUNT, name,
                               _("The field “%s” must be zero or more."), name);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static gboolean
check_key (HcsRequest  *req,
           const char  *value,
           gboolean   (*is_valid) (const char *key),
           const char  *code,
           const char  *field,
           const char  *message)
{
  if (value == NULL || is_valid (value))
    return TRUE;
  hcs_request_reply_error (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, code, field, "%s", message);
  return FALSE;
}

/* The members a body may carry when it creates or changes an item. */
static const char * const item_members[] = {
  "category", "name", "subject_type", "department_id", "disclosure", "update_frequency",
  "legal_basis", "publicity_period", "scope", "expected_records", "collected_records", NULL
};

/**
 * read_item:
 * @create: whether every content field is required (a new item) or any
 *   may be left out (a change)
 *
 * Reads and checks an item body; answers the error and returns %FALSE when
 * it is not acceptable.
 */
static gboolean
read_item (HcsRequest *req,
           JsonObject *body,
           gboolean    create,
           ItemInput  *in)
{
  HcsFieldFlags req_flag = create ? HCS_FIELD_REQUIRED : HCS_FIELD_OPTIONAL;
  HcsCatalogItemFields *f = &in->fields;
  g_autoptr(GList) members = json_object_get_members (body);

  *f = (HcsCatalogItemFields) HCS_CATALOG_ITEM_FIELDS_UNSET;
  for (GList *l = members; l; l = l->next)
    if (!g_strv_contains (item_members, l->data))
      {
        hcs_request_reply_error (req, HCS_ERR_UNKNOWN_FIELD, l->data,
                                 _("A catalog item has no field “%s” that can be set."),
                                 (const char *) l->data);
        return FALSE;
      }
  if (!create && members == NULL)
    {
      hcs_request_reply_error (req, HCS_ERR_NOTHING_TO_CHANGE, NULL,
                               _("Send at least one field to change."));
      return FALSE;
    }

  if (!read_text (req, body, string_members[0], req_flag, 64, &in->strings[0]) ||
      !read_text (req, body, string_members[1], req_flag, MAX_NAME_CHARS, &in->strings[1]) ||
      !read_text (req, body, string_members[2], req_flag, 64, &in->strings[2]) ||
      !hcs_request_field_int (req, body, "department_id", req_flag, &f->department_id) ||
      !read_text (req, body, string_members[3], req_flag, 64, &in->strings[3]) ||
      !read_text (req, body, string_members[4], req_flag, 64, &in->strings[4]) ||
      !read_text (req, body, string_members[5], req_flag | HCS_FIELD_MULTILINE, MAX_TEXT_CHARS, &in->strings[5]) ||
      !read_text (req, body, string_members[6], req_flag, MAX_NAME_CHARS, &in->strings[6]) ||
      /* Optional even for a new item, which is then of the base catalog. */
      !read_text (req, body, string_members[7], HCS_FIELD_OPTIONAL, 64, &in->strings[7]) ||
      !read_count (req, body, "expected_records", &f->expected_records) ||
      !read_count (req, body, "collected_records", &f->collected_records))
    return FALSE;
  f->category = in->strings[0];
  f->name = in->strings[1];
  f->subject_type = in->strings[2];
  f->disclosure = in->strings[3];
  f->update_frequency = in->strings[4];
  f->legal_basis = in->strings[5];
  f->publicity_period = in->strings[6];
  f->scope = in->strings[7];

  /* A change may leave a field out, but not blank it. */
  for (guint i = 0; i < G_N_ELEMENTS (in->strings); i++)
    if (in->strings[i] != NULL && *in->strings[i] == '\0')
      {
        hcs_request_reply_error (req, HCS_ERR_MISSING_FIELD, string_members[i],
                                 _("The field “%s” must not be empty."), string_members[i]);
        return FALSE;
      }
  return check_key (req, f->category, category_is_valid, "invalid_category", "category",
                    _("The category is not one of the catalog’s categories.")) &&
         check_key (req, f->subject_type, subject_type_is_valid, "invalid_subject_type", "subject_type",
                    _("The subject type must be legal_person, unincorporated or natural_person.")) &&
         check_key (req, f->disclosure, disclosure_is_valid, "invalid_disclosure", "disclosure",
                    _("The disclosure must be public, conditional or restricted.")) &&
         check_key (req, f->update_frequency, frequency_is_valid, "invalid_update_frequency",
                    "update_frequency",
                    _("The update frequency must be realtime, daily, weekly, monthly, quarterly or yearly.")) &&
         check_key (req, f->scope, scope_is_valid, "invalid_scope", "scope",
                    _("The scope must be basic or supplementary."));
}

/* ---- answers ------------------------------------------------------------ */

static void
reply_with_etag (HcsRequest *req,
                 guint       status,
                 JsonObject *obj)
{
  hcs_request_set_etag (req, json_object_get_int_member (obj, "version"));
  hcs_request_reply_object (req, status, json_object_ref (obj));
}

static void
set_version_published (GError **error,
                       gint64   year)
{
  hcs_error_set (error, HCS_ERR_VERSION_PUBLISHED, "year",
                 _("The catalog of %d is published and can no longer be changed; create a draft for a new year instead."),
                 (int) year);
}

static gboolean
is_published (JsonObject *version)
{
  return g_strcmp0 (json_object_get_string_member (version, "state"), "published") == 0;
}

/* Fails with unknown_department unless @id is a department. */
static gboolean
check_department (HcsStore  *store,
                  gint64     id,
                  GError   **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonObject) department = NULL;

  if (id > 0 && (department = hcs_store_departments_get (store, id, &local)) != NULL)
    return TRUE;
  if (local != NULL && !g_error_matches (local, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local));
  else
    hcs_error_set (error, HCS_ERR_UNKNOWN_DEPARTMENT, "department_id", _("There is no such department."));
  return FALSE;
}

/* Answers the error of an item write: a duplicate is one of its name. */
static void
reply_item_error (HcsRequest   *req,
                  const GError *error)
{
  if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_DUPLICATE))
    hcs_request_reply_error (req, HCS_ERR_DUPLICATE, "name",
                             _("This department already has an item of this name in this version."));
  else
    hcs_request_reply_gerror (req, error);
}

/* ---- versions ----------------------------------------------------------- */

static void
list_versions (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonArray *rows = hcs_catalog_versions_list (hcs_request_get_store (req), &error);

  if (rows == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_page (req, rows, NULL, json_array_get_length (rows));
}

static void
get_version (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) version = NULL;
  gint64 year;

  if (!parse_year (req, &year))
    return;
  version = hcs_catalog_version_get (hcs_request_get_store (req), year, &error);
  if (version == NULL)
    hcs_request_reply_gerror (req, error);
  else
    reply_with_etag (req, SOUP_STATUS_OK, version);
}

static gboolean
check_year (HcsRequest *req,
            const char *field,
            gint64      year)
{
  if (year >= HCS_CATALOG_YEAR_MIN && year <= HCS_CATALOG_YEAR_MAX)
    return TRUE;
  hcs_request_reply_error (req, HCS_ERR_INVALID_YEAR, field,
                           _("The year must be from %d to %d."),
                           HCS_CATALOG_YEAR_MIN, HCS_CATALOG_YEAR_MAX);
  return FALSE;
}

/* Inside a write: creates the version @year, a copy of @copy_from's items
 * when the body names one. */
static gboolean
create_version_in (HcsStore    *store,
                   JsonObject  *body,
                   gint64       year,
                   gint64       copy_from,
                   GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonObject) existing = NULL;
  g_autoptr(JsonObject) source = NULL;

  existing = hcs_catalog_version_get (store, year, &local);
  if (existing != NULL)
    {
      hcs_error_set (error, HCS_ERR_DUPLICATE, "year", _("The catalog of %d exists already."), (int) year);
      return FALSE;
    }
  if (!g_error_matches (local, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_clear_error (&local);

  if (json_object_has_member (body, "copy_from") && !json_object_get_null_member (body, "copy_from"))
    {
      source = copy_from > 0 ? hcs_catalog_version_get (store, copy_from, &local) : NULL;
      if (source == NULL)
        {
          if (local != NULL && !g_error_matches (local, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
            g_propagate_error (error, g_steal_pointer (&local));
          else
            hcs_error_set (error, HCS_ERR_UNKNOWN_VERSION, "copy_from",
                           _("There is no catalog version %lld to copy from."), (long long) copy_from);
          return FALSE;
        }
    }
  else
    copy_from = 0;

  return hcs_store_catalog_version_insert (store, year, copy_from, NULL, error) &&
         (copy_from == 0 || hcs_store_catalog_version_copy_items (store, copy_from, year, error) >= 0);
}

static void
create_version (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  JsonObject *body = hcs_request_json_object (req);
  gint64 year = 0, copy_from = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *id_text = NULL;

  if (body == NULL ||
      !hcs_request_field_int (req, body, "year", HCS_FIELD_REQUIRED, &year) ||
      !hcs_request_field_int (req, body, "copy_from", HCS_FIELD_OPTIONAL, &copy_from) ||
      !check_year (req, "year", year))
    return;

  if ((w = hcs_write_begin (req, &error)) == NULL ||
      !create_version_in (store, body, year, copy_from, &error) ||
      (after = hcs_catalog_version_get (store, year, &error)) == NULL ||
      !hcs_write_commit (w, "catalog_version.create", "catalog_version",
                         (id_text = g_strdup_printf ("%" G_GINT64_FORMAT, year)), NULL, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  reply_with_etag (req, SOUP_STATUS_CREATED, after);
}

/* Fails with version_published unless @version, the version @year, is a
 * draft that can still be changed. */
static gboolean
check_draft (JsonObject  *version,
             gint64       year,
             GError     **error)
{
  if (!is_published (version))
    return TRUE;
  set_version_published (error, year);
  return FALSE;
}

/* Fails unless @before, the version @year, can be published as @version. */
static gboolean
check_publishable (JsonObject  *before,
                   gint64       year,
                   gint64       version,
                   GError     **error)
{
  if (!check_draft (before, year, error))
    return FALSE;
  if (json_object_get_int_member (before, "version") != version)
    {
      g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_STALE, "catalog version %" G_GINT64_FORMAT " changed", year);
      return FALSE;
    }
  if (json_object_get_int_member (before, "item_count") == 0)
    {
      hcs_error_set (error, HCS_ERR_EMPTY_VERSION, "year",
                     _("The catalog of %d has no items; add its items before publishing it."), (int) year);
      return FALSE;
    }
  return TRUE;
}

static void
publish_version (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  const HcsActor *actor = hcs_request_get_actor (req);
  gint64 year, version;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *id_text = NULL;

  if (!parse_year (req, &year) || !hcs_request_if_match (req, &version))
    return;
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (before = hcs_catalog_version_get (store, year, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  version = hcs_request_if_match_version (req, before);
  if (!check_publishable (before, year, version, &error) ||
      !hcs_store_catalog_version_publish (store, year, version, actor->username, NULL, &error) ||
      (after = hcs_catalog_version_get (store, year, &error)) == NULL ||
      !hcs_write_commit (w, "catalog_version.publish", "catalog_version",
                         (id_text = g_strdup_printf ("%" G_GINT64_FORMAT, year)), before, after, &error))
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  reply_with_etag (req, SOUP_STATUS_OK, after);
}

/* ---- items -------------------------------------------------------------- */

/* Reads an enum filter of the query; answers 400 when it is not a key. */
static gboolean
query_key (HcsRequest   *req,
           const char   *name,
           gboolean    (*is_valid) (const char *key),
           const char  **out)
{
  const char *v = hcs_request_query (req, name);

  *out = v;
  if (v == NULL || is_valid (v))
    return TRUE;
  hcs_request_reply_error (req, HCS_ERR_INVALID_PARAMETER, name,
                           _("“%s” is not a valid value of the filter “%s”."), v, name);
  return FALSE;
}

static void
list_items (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_auto(HcsPage) page = { 0 };
  HcsCatalogItemFilter filter = { 0 };
  const char *department = hcs_request_query (req, "department");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) version = NULL;
  gint64 year, total = -1;
  JsonArray *rows;

  if (!parse_year (req, &year) || !hcs_request_page (req, &page) ||
      !query_key (req, "category", category_is_valid, &filter.category) ||
      !query_key (req, "disclosure", disclosure_is_valid, &filter.disclosure) ||
      !query_key (req, "subject_type", subject_type_is_valid, &filter.subject_type) ||
      !query_key (req, "scope", scope_is_valid, &filter.scope))
    return;
  filter.q = hcs_request_query (req, "q");

  /* A department by id or by code; an unknown one matches nothing. */
  if (department != NULL &&
      !g_ascii_string_to_signed (department, 10, 1, G_MAXINT64, &filter.department_id, NULL))
    {
      filter.department_id = hcs_store_catalog_department_by_code (store, department, &error);
      if (filter.department_id < 0)
        {
          hcs_request_reply_gerror (req, error);
          return;
        }
      if (filter.department_id == 0)
        filter.department_id = -1;
    }

  version = hcs_catalog_version_get (store, year, &error);
  if (version == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  rows = hcs_store_catalog_items_list (store, year, &filter, &page,
                                       page.want_total ? &total : NULL, &error);
  if (rows == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_rows (req, rows, &page, NULL, total);
}

static void
create_item (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  JsonObject *body;
  g_auto(ItemInput) in = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) version = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *id_text = NULL;
  gint64 year, id = 0;

  if (!parse_year (req, &year) || (body = hcs_request_json_object (req)) == NULL ||
      !read_item (req, body, TRUE, &in))
    return;

  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (version = hcs_catalog_version_get (store, year, &error)) == NULL ||
      !check_draft (version, year, &error) ||
      !check_department (store, in.fields.department_id, &error) ||
      (id = hcs_store_catalog_item_insert (store, year, NULL, &in.fields, &error)) == 0 ||
      !hcs_store_catalog_version_touch (store, year, &error) ||
      (after = hcs_store_catalog_item_get (store, id, &error)) == NULL ||
      !hcs_write_commit (w, "catalog_item.create", "catalog_item",
                         (id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id)), NULL, after, &error))
    {
      reply_item_error (req, error);
      return;
    }
  reply_with_etag (req, SOUP_STATUS_CREATED, after);
}

static void
get_item (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) item = NULL;
  gint64 id;

  if (!hcs_request_path_id (req, "id", _("There is no such catalog item."), &id))
    return;
  item = hcs_store_catalog_item_get (hcs_request_get_store (req), id, &error);
  if (item == NULL)
    hcs_request_reply_gerror (req, error);
  else
    reply_with_etag (req, SOUP_STATUS_OK, item);
}

/* Returns: (transfer full) (nullable): the item as it is, if it may still
 *   be changed; else %NULL with @error set */
static JsonObject *
writable_item (HcsStore  *store,
               gint64     id,
               GError   **error)
{
  g_autoptr(JsonObject) item = hcs_store_catalog_item_get (store, id, error);

  if (item == NULL)
    return NULL;
  if (g_strcmp0 (json_object_get_string_member (item, "version_state"), "published") == 0)
    {
      set_version_published (error, json_object_get_int_member (item, "year"));
      return NULL;
    }
  return g_steal_pointer (&item);
}

static void
patch_item (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  JsonObject *body;
  g_auto(ItemInput) in = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *id_text = NULL;
  gint64 id, version;

  if (!hcs_request_path_id (req, "id", _("There is no such catalog item."), &id) || !hcs_request_if_match (req, &version) ||
      (body = hcs_request_json_object (req)) == NULL || !read_item (req, body, FALSE, &in))
    return;

  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (before = writable_item (store, id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  version = hcs_request_if_match_version (req, before);
  if ((json_object_has_member (body, "department_id") && !json_object_get_null_member (body, "department_id") &&
       !check_department (store, in.fields.department_id, &error)) ||
      !hcs_store_catalog_item_update (store, id, version, &in.fields, &error) ||
      !hcs_store_catalog_version_touch (store, json_object_get_int_member (before, "year"), &error) ||
      (after = hcs_store_catalog_item_get (store, id, &error)) == NULL ||
      !hcs_write_commit (w, "catalog_item.update", "catalog_item",
                         (id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id)), before, after, &error))
    {
      reply_item_error (req, error);
      return;
    }
  reply_with_etag (req, SOUP_STATUS_OK, after);
}

static void
delete_item (HcsRequest *req)
{
  HcsStore *store = hcs_request_get_store (req);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(HcsWrite) w = NULL;
  g_autofree char *id_text = NULL;
  gint64 id, version;

  if (!hcs_request_path_id (req, "id", _("There is no such catalog item."), &id) || !hcs_request_if_match (req, &version))
    return;
  if ((w = hcs_write_begin (req, &error)) == NULL ||
      (before = writable_item (store, id, &error)) == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  version = hcs_request_if_match_version (req, before);
  if (!hcs_store_catalog_item_delete (store, id, version, &error) ||
      !hcs_store_catalog_version_touch (store, json_object_get_int_member (before, "year"), &error) ||
      !hcs_write_commit (w, "catalog_item.delete", "catalog_item",
                         (id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id)), before, NULL, &error))
    {
      /* Collected records (imports) refer to the item. */
      if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_CONSTRAINT))
        hcs_request_reply_error (req, HCS_ERR_IN_USE, NULL,
                                 _("Records were collected for this item, so it cannot be removed; change it instead."));
      else
        hcs_request_reply_gerror (req, error);
      return;
    }
  hcs_request_reply_no_content (req);
}

/* ---- diff --------------------------------------------------------------- */

static gboolean
query_year (HcsRequest *req,
            const char *name,
            gint64     *year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) version = NULL;

  if (!hcs_request_query_int (req, name, HCS_CATALOG_YEAR_MIN, HCS_CATALOG_YEAR_MAX, 0, year))
    return FALSE;
  if (*year == 0)
    {
      hcs_request_reply_error (req, HCS_ERR_MISSING_PARAMETER, name,
                               _("The parameter “%s” is required."), name);
      return FALSE;
    }
  version = hcs_catalog_version_get (hcs_request_get_store (req), *year, &error);
  if (version != NULL)
    return TRUE;
  if (g_error_matches (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND))
    hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, name,
                             _("There is no catalog version for %d."), (int) *year);
  else
    hcs_request_reply_gerror (req, error);
  return FALSE;
}

static void
diff_versions (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonObject *diff;
  gint64 from, to;

  if (!query_year (req, "from", &from) || !query_year (req, "to", &to))
    return;
  diff = hcs_catalog_diff (hcs_request_get_store (req), from, to, &error);
  if (diff == NULL)
    hcs_request_reply_gerror (req, error);
  else
    hcs_request_reply_object (req, SOUP_STATUS_OK, diff);
}

/* The diff as a listing, a row an item (added, removed, changed with its
 * changes in one text), so it exports as every listing does. */
static void
diff_rows (HcsRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) diff = NULL;
  JsonArray *rows;
  gint64 from, to;

  if (!query_year (req, "from", &from) || !query_year (req, "to", &to))
    return;
  diff = hcs_catalog_diff (hcs_request_get_store (req), from, to, &error);
  if (diff == NULL)
    {
      hcs_request_reply_gerror (req, error);
      return;
    }
  rows = hcs_catalog_diff_rows (diff);
  hcs_request_reply_page (req, rows, NULL, json_array_get_length (rows));
}

static const HcsRoute routes[] = {
  { "GET",    "/catalog/versions",                list_versions,   HCS_ACCESS_ANALYST },
  { "POST",   "/catalog/versions",                create_version,  HCS_ACCESS_ANALYST },
  { "GET",    "/catalog/versions/{year}",         get_version,     HCS_ACCESS_ANALYST },
  { "POST",   "/catalog/versions/{year}/publish", publish_version, HCS_ACCESS_SUPERVISOR },
  { "GET",    "/catalog/versions/{year}/items",   list_items,      HCS_ACCESS_ANALYST },
  { "POST",   "/catalog/versions/{year}/items",   create_item,     HCS_ACCESS_ANALYST },
  { "GET",    "/catalog/items/{id}",              get_item,        HCS_ACCESS_ANALYST },
  { "PATCH",  "/catalog/items/{id}",              patch_item,      HCS_ACCESS_ANALYST },
  { "DELETE", "/catalog/items/{id}",              delete_item,     HCS_ACCESS_ANALYST },
  { "GET",    "/catalog/diff",                    diff_versions,   HCS_ACCESS_ANALYST },
  { "GET",    "/catalog/diff/rows",               diff_rows,       HCS_ACCESS_ANALYST },
};

void
hcs_routes_catalog_register (HcsRouter *router)
{
  hcs_router_add (router, routes, G_N_ELEMENTS (routes));
}
