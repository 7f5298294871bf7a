/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcPage: one page of a collection ({"items", "next_cursor", "total"}). */
#define G_LOG_DOMAIN "hc-page"

#include "config.h"

#include "hc-client-private.h"
#include "hc-page.h"

struct _HcPage
{
  GObject     parent_instance;
  GListModel *items;
  char       *next_cursor;
  gint64      total;
  gboolean    total_exact;
};

G_DEFINE_FINAL_TYPE (HcPage, hc_page, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEMS,
  PROP_NEXT_CURSOR,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
hc_page_finalize (GObject *object)
{
  HcPage *self = HC_PAGE (object);

  g_clear_object (&self->items);
  g_clear_pointer (&self->next_cursor, g_free);
  G_OBJECT_CLASS (hc_page_parent_class)->finalize (object);
}

static void
hc_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  HcPage *self = HC_PAGE (object);

  switch (prop_id)
    {
    case PROP_ITEMS:       g_value_set_object (value, self->items); break;
    case PROP_NEXT_CURSOR: g_value_set_string (value, self->next_cursor); break;
    case PROP_TOTAL:       g_value_set_int64 (value, self->total); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  HcPage *self = HC_PAGE (object);

  switch (prop_id)
    {
    case PROP_ITEMS:       self->items = g_value_dup_object (value); break;
    case PROP_NEXT_CURSOR: self->next_cursor = g_value_dup_string (value); break;
    case PROP_TOTAL:       self->total = g_value_get_int64 (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_page_constructed (GObject *object)
{
  HcPage *self = HC_PAGE (object);

  G_OBJECT_CLASS (hc_page_parent_class)->constructed (object);
  if (self->items == NULL)
    self->items = G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT));
}

static void
hc_page_class_init (HcPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_page_finalize;
  object_class->get_property = hc_page_get_property;
  object_class->set_property = hc_page_set_property;
  object_class->constructed = hc_page_constructed;

  properties [PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_NEXT_CURSOR] =
    g_param_spec_string ("next-cursor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_page_init (HcPage *self)
{
  self->total = -1;
  self->total_exact = TRUE;
}

/**
 * hc_page_new:
 * @items: the page's items
 * @next_cursor: (nullable): where the next page starts, %NULL on the last page
 * @total: how many items match in all, -1 when not asked for
 */
HcPage *
hc_page_new (GListModel *items,
             const char *next_cursor,
             gint64      total)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  return g_object_new (HC_TYPE_PAGE,
                       "items", items,
                       "next-cursor", next_cursor,
                       "total", MAX (total, -1),
                       NULL);
}

/**
 * hc_page_get_items:
 * Returns: (transfer none): the page's items, in the server's order
 */
GListModel *
hc_page_get_items (HcPage *self)
{
  g_return_val_if_fail (HC_IS_PAGE (self), NULL);
  return self->items;
}

guint
hc_page_get_n_items (HcPage *self)
{
  g_return_val_if_fail (HC_IS_PAGE (self), 0);
  return g_list_model_get_n_items (self->items);
}

/* Where the next page starts (a cursor to pass back), %NULL on the last page. */
const char *
hc_page_get_next_cursor (HcPage *self)
{
  g_return_val_if_fail (HC_IS_PAGE (self), NULL);
  return self->next_cursor;
}

/* How many items match in all, or -1 when the total was not asked for. */
gint64
hc_page_get_total (HcPage *self)
{
  g_return_val_if_fail (HC_IS_PAGE (self), -1);
  return self->total;
}

/* Whether hc_page_get_total() is the exact count; FALSE when the server
 * answered an estimate (GET /subjects?total=estimate: total_estimate). */
gboolean
hc_page_get_total_exact (HcPage *self)
{
  g_return_val_if_fail (HC_IS_PAGE (self), TRUE);
  return self->total_exact;
}

/* The page of @obj, a collection's answer, whose items @from_json makes into
 * @item_type; NULL when the answer or any item is not shaped as documented. */
HcPage *
_hc_page_new_from_json (JsonObject     *obj,
                        GType           item_type,
                        HcItemFromJson  from_json)
{
  g_autoptr(GListStore) store = NULL;
  JsonNode *items = obj != NULL ? json_object_get_member (obj, "items") : NULL;
  JsonArray *array;
  gboolean exact = obj == NULL || json_object_get_boolean_member_with_default (obj, "total_exact", TRUE);
  HcPage *page;

  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    return NULL;
  array = json_node_get_array (items);
  store = g_list_store_new (item_type);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GObject) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          (item = from_json (json_node_get_object (element))) == NULL)
        return NULL;
      g_list_store_append (store, item);
    }
  page = hc_page_new (G_LIST_MODEL (store),
                      json_object_get_string_member_with_default (obj, "next_cursor", NULL),
                      json_object_get_int_member_with_default (obj, exact ? "total" : "total_estimate", -1));
  page->total_exact = exact || page->total < 0;
  return page;
}
