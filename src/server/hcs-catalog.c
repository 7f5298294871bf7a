/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 公共信用信息目录 as the routes answer it: a version with its 归集率
 * (collection rate), and what changed between two versions. The store
 * (hcs-store-catalog.c) gives the rows; the figures are made here. */
#define G_LOG_DOMAIN "hcs-catalog"

#include "config.h"

#include "hcs-catalog.h"
#include "hcs-store-catalog.h"

/* The share of items expecting records that were effectively collected:
 * the catalog's 归集率. */
void
hcs_catalog_add_collection_rate (JsonObject *version)
{
  gint64 n = json_object_get_int_member (version, "expected_item_count");
  gint64 c = json_object_get_int_member (version, "collected_item_count");

  if (n > 0)
    json_object_set_double_member (version, "collection_rate", (double) c / (double) n);
  else
    json_object_set_null_member (version, "collection_rate");
}

/**
 * hcs_catalog_versions_list:
 *
 * Returns: (transfer full): every version, oldest year first, each with its
 *   item counts and collection rate
 */
JsonArray *
hcs_catalog_versions_list (HcsStore  *store,
                           GError   **error)
{
  JsonArray *rows = hcs_store_catalog_versions_list (store, error);

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    hcs_catalog_add_collection_rate (json_array_get_object_element (rows, i));
  return rows;
}

/* Returns: (transfer full): the version with its collection rate, or %NULL
 *   with NOT_FOUND */
JsonObject *
hcs_catalog_version_get (HcsStore  *store,
                         gint64     year,
                         GError   **error)
{
  JsonObject *version = hcs_store_catalog_version_get (store, year, error);

  if (version != NULL)
    hcs_catalog_add_collection_rate (version);
  return version;
}

/* What an item says (not how much was collected for it): the fields a diff
 * compares. */
static const char * const content_fields[] = {
  "category", "name", "subject_type", "department_id", "disclosure",
  "update_frequency", "legal_basis", "publicity_period", "scope",
};

/* Returns: (transfer full) (nullable): the changes from @a to @b field by
 * field, %NULL when they say the same */
static JsonArray *
item_changes (JsonObject *a,
              JsonObject *b)
{
  g_autoptr(JsonArray) changes = json_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (content_fields); i++)
    {
      JsonNode *from = json_object_get_member (a, content_fields[i]);
      JsonNode *to = json_object_get_member (b, content_fields[i]);
      JsonObject *change;

      if (json_node_equal (from, to))
        continue;
      change = json_object_new ();
      json_object_set_string_member (change, "field", content_fields[i]);
      json_object_set_member (change, "from", json_node_copy (from));
      json_object_set_member (change, "to", json_node_copy (to));
      /* An id alone says little to a reader. */
      if (g_str_equal (content_fields[i], "department_id"))
        {
          json_object_set_string_member (change, "from_name", json_object_get_string_member (a, "department_name"));
          json_object_set_string_member (change, "to_name", json_object_get_string_member (b, "department_name"));
        }
      json_array_add_object_element (changes, change);
    }
  if (json_array_get_length (changes) == 0)
    return NULL;
  return g_steal_pointer (&changes);
}

/**
 * hcs_catalog_diff:
 *
 * Compares two versions item by item, matched by lineage.
 *
 * Returns: (transfer full): `{"from","to","added","removed","changed"}`,
 *   or %NULL with NOT_FOUND when either version does not exist
 */
JsonObject *
hcs_catalog_diff (HcsStore  *store,
                        gint64     from_year,
                        gint64     to_year,
                        GError   **error)
{
  g_autoptr(JsonObject) from_version = NULL;
  g_autoptr(JsonObject) to_version = NULL;
  g_autoptr(JsonArray) from_items = NULL;
  g_autoptr(JsonArray) to_items = NULL;
  g_autoptr(GHashTable) by_lineage = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) matched = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *added, *removed, *changed;
  JsonObject *diff;

  g_return_val_if_fail (store != NULL, NULL);

  if ((from_version = hcs_catalog_version_get (store, from_year, error)) == NULL ||
      (to_version = hcs_catalog_version_get (store, to_year, error)) == NULL ||
      (from_items = hcs_store_catalog_items_all (store, from_year, error)) == NULL ||
      (to_items = hcs_store_catalog_items_all (store, to_year, error)) == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (from_items); i++)
    {
      JsonObject *item = json_array_get_object_element (from_items, i);

      g_hash_table_insert (by_lineage, (gpointer) json_object_get_string_member (item, "lineage"), item);
    }

  added = json_array_new ();
  removed = json_array_new ();
  changed = json_array_new ();
  for (guint i = 0; i < json_array_get_length (to_items); i++)
    {
      JsonObject *item = json_array_get_object_element (to_items, i);
      const char *lineage = json_object_get_string_member (item, "lineage");
      JsonObject *old = g_hash_table_lookup (by_lineage, lineage);
      g_autoptr(JsonArray) changes = NULL;

      if (old == NULL)
        {
          json_array_add_object_element (added, json_object_ref (item));
          continue;
        }
      g_hash_table_add (matched, (gpointer) lineage);
      changes = item_changes (old, item);
      if (changes != NULL)
        {
          JsonObject *entry = json_object_new ();

          json_object_set_string_member (entry, "lineage", lineage);
          json_object_set_int_member (entry, "from_id", json_object_get_int_member (old, "id"));
          json_object_set_int_member (entry, "to_id", json_object_get_int_member (item, "id"));
          json_object_set_string_member (entry, "name", json_object_get_string_member (item, "name"));
          json_object_set_array_member (entry, "changes", g_steal_pointer (&changes));
          json_array_add_object_element (changed, entry);
        }
    }
  for (guint i = 0; i < json_array_get_length (from_items); i++)
    {
      JsonObject *item = json_array_get_object_element (from_items, i);

      if (!g_hash_table_contains (matched, json_object_get_string_member (item, "lineage")))
        json_array_add_object_element (removed, json_object_ref (item));
    }

  diff = json_object_new ();
  json_object_set_int_member (diff, "from", from_year);
  json_object_set_int_member (diff, "to", to_year);
  json_object_set_array_member (diff, "added", added);
  json_object_set_array_member (diff, "removed", removed);
  json_object_set_array_member (diff, "changed", changed);
  return diff;
}
