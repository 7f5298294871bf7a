/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogDiff: an immutable diff of two catalog versions: the items
 * added and removed (HcCatalogItem) and, of the items changed, each
 * changed field (HcCatalogChange). */
#define G_LOG_DOMAIN "hc-catalog-diff"

#include "config.h"

#include "hc-catalog-change.h"
#include "hc-catalog-diff.h"
#include "hc-catalog-item.h"

struct _HcCatalogDiff
{
  GObject     parent_instance;

  int         from;
  int         to;
  guint       n_changed;
  GListStore *added;     /* of HcCatalogItem */
  GListStore *removed;   /* of HcCatalogItem */
  GListStore *changes;   /* of HcCatalogChange, item by item */
};

G_DEFINE_FINAL_TYPE (HcCatalogDiff, hc_catalog_diff, G_TYPE_OBJECT)

static void
hc_catalog_diff_finalize (GObject *object)
{
  HcCatalogDiff *self = HC_CATALOG_DIFF (object);

  g_clear_object (&self->added);
  g_clear_object (&self->removed);
  g_clear_object (&self->changes);

  G_OBJECT_CLASS (hc_catalog_diff_parent_class)->finalize (object);
}

static void
hc_catalog_diff_class_init (HcCatalogDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hc_catalog_diff_finalize;
}

static void
hc_catalog_diff_init (HcCatalogDiff *self)
{
  self->added = g_list_store_new (HC_TYPE_CATALOG_ITEM);
  self->removed = g_list_store_new (HC_TYPE_CATALOG_ITEM);
  self->changes = g_list_store_new (HC_TYPE_CATALOG_CHANGE);
}

static JsonArray *
array_member (JsonObject *obj,
              const char *member)
{
  JsonNode *node = json_object_get_member (obj, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
add_items (GListStore *store,
           JsonArray  *rows)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autoptr(HcCatalogItem) item = row ? hc_catalog_item_new_from_json (row, NULL) : NULL;

      if (item == NULL)
        return FALSE;
      g_list_store_append (store, item);
    }
  return TRUE;
}

/**
 * hc_catalog_diff_new_from_json:
 *
 * Returns: (transfer full) (nullable): the diff, %NULL when @obj is not
 *   shaped as GET /catalog/diff answers
 */
HcCatalogDiff *
hc_catalog_diff_new_from_json (JsonObject *obj)
{
  g_autoptr(HcCatalogDiff) self = NULL;
  JsonArray *added, *removed, *changed;

  g_return_val_if_fail (obj != NULL, NULL);

  added = array_member (obj, "added");
  removed = array_member (obj, "removed");
  changed = array_member (obj, "changed");
  if (added == NULL || removed == NULL || changed == NULL)
    return NULL;

  self = g_object_new (HC_TYPE_CATALOG_DIFF, NULL);
  self->from = (int) json_object_get_int_member_with_default (obj, "from", 0);
  self->to = (int) json_object_get_int_member_with_default (obj, "to", 0);
  if (!add_items (self->added, added) || !add_items (self->removed, removed))
    return NULL;
  for (guint i = 0; i < json_array_get_length (changed); i++)
    {
      JsonObject *entry = json_array_get_object_element (changed, i);
      JsonArray *fields = entry ? array_member (entry, "changes") : NULL;
      const char *name;

      if (fields == NULL)
        return NULL;
      name = json_object_get_string_member_with_default (entry, "name", "");
      for (guint k = 0; k < json_array_get_length (fields); k++)
        {
          JsonObject *field = json_array_get_object_element (fields, k);
          g_autoptr(HcCatalogChange) change = field ? hc_catalog_change_new_from_json (name, field) : NULL;

          if (change == NULL)
            return NULL;
          g_list_store_append (self->changes, change);
        }
      self->n_changed++;
    }
  return g_steal_pointer (&self);
}

int
hc_catalog_diff_get_from (HcCatalogDiff *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_DIFF (self), 0);
  return self->from;
}

int
hc_catalog_diff_get_to (HcCatalogDiff *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_DIFF (self), 0);
  return self->to;
}

/* Returns: (transfer none): the items of the newer version that the older has not */
GListModel *
hc_catalog_diff_get_added (HcCatalogDiff *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_DIFF (self), NULL);
  return G_LIST_MODEL (self->added);
}

/* Returns: (transfer none): the items of the older version that the newer has not */
GListModel *
hc_catalog_diff_get_removed (HcCatalogDiff *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_DIFF (self), NULL);
  return G_LIST_MODEL (self->removed);
}

/* Returns: (transfer none): every changed field of the changed items */
GListModel *
hc_catalog_diff_get_changes (HcCatalogDiff *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_DIFF (self), NULL);
  return G_LIST_MODEL (self->changes);
}

/* Returns: how many items changed (each may change several fields) */
guint
hc_catalog_diff_get_n_changed (HcCatalogDiff *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_DIFF (self), 0);
  return self->n_changed;
}
