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
          json_object_set_string_member (entry, "category", json_object_get_string_member (item, "category"));
          json_object_set_string_member (entry, "department_name",
                                         json_object_get_string_member (item, "department_name"));
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

/* The Chinese names of the fields a change names, as the export says them. */
static const struct { const char *field; const char *label; } field_labels[] = {
  { "category", "目录类型" }, { "name", "信息项名称" }, { "subject_type", "主体类型" },
  { "department_id", "信源单位" }, { "disclosure", "公开属性" }, { "update_frequency", "更新频率" },
  { "legal_basis", "法律依据" }, { "publicity_period", "公示期限" }, { "scope", "目录范围" },
};

static char *
node_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

static JsonObject *
diff_row (JsonObject *item,
          const char *change,
          const char *label)
{
  JsonObject *row = json_object_new ();

  json_object_set_string_member (row, "change", change);
  json_object_set_string_member (row, "change_label", label);
  json_object_set_string_member (row, "lineage", json_object_get_string_member_with_default (item, "lineage", ""));
  json_object_set_string_member (row, "category", json_object_get_string_member_with_default (item, "category", ""));
  json_object_set_string_member (row, "name", json_object_get_string_member_with_default (item, "name", ""));
  json_object_set_string_member (row, "department_name",
                                 json_object_get_string_member_with_default (item, "department_name", ""));
  return row;
}

/**
 * hcs_catalog_diff_rows:
 * @diff: an answer of hcs_catalog_diff()
 *
 * The diff as one listing, a row an item: added, removed, then changed,
 * each changed item's changes said in one text ("字段：旧 → 新；…").
 *
 * Returns: (transfer full): the rows
 */
JsonArray *
hcs_catalog_diff_rows (JsonObject *diff)
{
  JsonArray *rows = json_array_new ();
  JsonArray *added = json_object_get_array_member (diff, "added");
  JsonArray *removed = json_object_get_array_member (diff, "removed");
  JsonArray *changed = json_object_get_array_member (diff, "changed");

  for (guint i = 0; i < json_array_get_length (added); i++)
    {
      JsonObject *row = diff_row (json_array_get_object_element (added, i), "added", "新增");

      json_object_set_string_member (row, "changes", "");
      json_array_add_object_element (rows, row);
    }
  for (guint i = 0; i < json_array_get_length (removed); i++)
    {
      JsonObject *row = diff_row (json_array_get_object_element (removed, i), "removed", "删除");

      json_object_set_string_member (row, "changes", "");
      json_array_add_object_element (rows, row);
    }
  for (guint i = 0; i < json_array_get_length (changed); i++)
    {
      JsonObject *entry = json_array_get_object_element (changed, i);
      JsonArray *changes = json_object_get_array_member (entry, "changes");
      JsonObject *row = diff_row (entry, "changed", "修改");
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint c = 0; c < json_array_get_length (changes); c++)
        {
          JsonObject *change = json_array_get_object_element (changes, c);
          const char *field = json_object_get_string_member (change, "field");
          const char *label = field;
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;

          for (guint f = 0; f < G_N_ELEMENTS (field_labels); f++)
            if (g_str_equal (field_labels[f].field, field))
              label = field_labels[f].label;
          if (json_object_has_member (change, "from_name"))
            {
              from = g_strdup (json_object_get_string_member_with_default (change, "from_name", "—"));
              to = g_strdup (json_object_get_string_member_with_default (change, "to_name", "—"));
            }
          else
            {
              from = node_text (json_object_get_member (change, "from"));
              to = node_text (json_object_get_member (change, "to"));
            }
          g_string_append_printf (text, "%s%s：%s → %s", text->len ? "；" : "", label, from, to);
        }
      json_object_set_string_member (row, "changes", text->str);
      json_array_add_object_element (rows, row);
    }
  return rows;
}
