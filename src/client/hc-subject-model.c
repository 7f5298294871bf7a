/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSubjectModel: n_items from the server's total; pages of 200 rows are
 * fetched when a view touches a row that is not loaded yet. The server pages
 * by keyset, so pages arrive in order: touching row N loads every page up
 * to N's, one request after the other, and keeps them. */
#define G_LOG_DOMAIN "hc-subject-model"

#include "config.h"

#include "hc-subject-model.h"

struct _HcSubjectModel
{
  GObject       parent_instance;

  HcClient     *client;
  char         *q;
  char         *region;
  char         *type;
  char         *grade;
  char         *status;

  guint         n_items;
  gint64        total;
  GPtrArray    *loaded;         /* HcSubject, the rows 0 … len-1 */
  GHashTable   *placeholders;   /* position → HcSubject, rows not loaded yet */
  char         *next_cursor;    /* where the next page starts */
  gboolean      at_end;
  guint         wanted;         /* loads go on until this row is loaded */
  GError       *error;

  GCancellable *cancellable;    /* the request in flight, NULL when idle */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HcSubjectModel, hc_subject_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum { PROP_0, PROP_TOTAL, PROP_LOADING, PROP_N_ITEMS, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void fetch_next (HcSubjectModel *self);

static GType
get_item_type (GListModel *model)
{
  return HC_TYPE_SUBJECT;
}

static guint
get_n_items (GListModel *model)
{
  return HC_SUBJECT_MODEL (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  HcSubjectModel *self = HC_SUBJECT_MODEL (model);
  HcSubject *placeholder;

  if (position >= self->n_items)
    return NULL;
  if (position < self->loaded->len)
    return g_object_ref (g_ptr_array_index (self->loaded, position));

  placeholder = g_hash_table_lookup (self->placeholders, GUINT_TO_POINTER (position));
  if (placeholder == NULL)
    {
      placeholder = hc_subject_new_placeholder ();
      g_hash_table_insert (self->placeholders, GUINT_TO_POINTER (position), placeholder);
    }
  if (position >= self->wanted)
    {
      self->wanted = position + 1;
      fetch_next (self);
    }
  return g_object_ref (placeholder);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
set_loading (HcSubjectModel *self,
             GCancellable   *cancellable)
{
  gboolean was = self->cancellable != NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);
  if (was != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcSubjectModel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcPage) page = hc_client_list_subjects_finish (HC_CLIENT (source), result, &error);
  gboolean first;
  guint start, n_new, old_n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (page == NULL)
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
      return;
    }

  first = self->total < 0;
  start = self->loaded->len;
  n_new = hc_page_get_n_items (page);
  g_free (self->next_cursor);
  self->next_cursor = g_strdup (hc_page_get_next_cursor (page));
  self->at_end = self->next_cursor == NULL;
  for (guint i = 0; i < n_new; i++)
    {
      g_ptr_array_add (self->loaded, g_list_model_get_item (hc_page_get_items (page), i));
      g_hash_table_remove (self->placeholders, GUINT_TO_POINTER (start + i));
    }

  old_n = self->n_items;
  if (first)
    {
      self->total = hc_page_get_total (page) >= 0 ? hc_page_get_total (page) : (gint64) n_new;
      self->n_items = (guint) MAX (self->total, (gint64) n_new);
      if (self->at_end)
        self->n_items = n_new;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
    }
  else if (self->at_end && self->loaded->len != self->n_items)
    {
      /* Rows came or went since the total was counted: the list ends here. */
      self->n_items = self->loaded->len;
      g_hash_table_remove_all (self->placeholders);
      g_list_model_items_changed (G_LIST_MODEL (self), start, old_n - start, self->n_items - start);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
    }
  else
    {
      guint n_changed = MIN (n_new, old_n - MIN (start, old_n));

      if (n_changed > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), start, n_changed, n_changed);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
  fetch_next (self);
}

static void
fetch_next (HcSubjectModel *self)
{
  g_autoptr(GCancellable) cancellable = NULL;
  HcSubjectQuery query = { 0, };
  gboolean first = self->total < 0;

  if (self->cancellable != NULL || self->client == NULL || self->error != NULL)
    return;
  if (!first && (self->at_end || self->loaded->len >= self->wanted))
    return;

  query.q = self->q;
  query.region = self->region;
  query.type = self->type;
  query.grade = self->grade;
  query.status = self->status;
  query.sort = "id";
  cancellable = g_cancellable_new ();
  set_loading (self, cancellable);
  hc_client_list_subjects_async (self->client, &query, self->next_cursor, HC_SUBJECT_MODEL_PAGE_SIZE,
                                 first, cancellable, page_cb, g_object_ref (self));
}

static void
hc_subject_model_dispose (GObject *object)
{
  HcSubjectModel *self = HC_SUBJECT_MODEL (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (hc_subject_model_parent_class)->dispose (object);
}

static void
hc_subject_model_finalize (GObject *object)
{
  HcSubjectModel *self = HC_SUBJECT_MODEL (object);

  g_free (self->q);
  g_free (self->region);
  g_free (self->type);
  g_free (self->grade);
  g_free (self->status);
  g_free (self->next_cursor);
  g_clear_error (&self->error);
  g_ptr_array_unref (self->loaded);
  g_hash_table_unref (self->placeholders);

  G_OBJECT_CLASS (hc_subject_model_parent_class)->finalize (object);
}

static void
hc_subject_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HcSubjectModel *self = HC_SUBJECT_MODEL (object);

  switch (prop_id)
    {
    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, hc_subject_model_get_loading (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_subject_model_class_init (HcSubjectModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hc_subject_model_dispose;
  object_class->finalize = hc_subject_model_finalize;
  object_class->get_property = hc_subject_model_get_property;

  properties [PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_subject_model_init (HcSubjectModel *self)
{
  self->total = -1;
  self->loaded = g_ptr_array_new_with_free_func (g_object_unref);
  self->placeholders = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

HcSubjectModel *
hc_subject_model_new (HcClient *client)
{
  HcSubjectModel *self;

  g_return_val_if_fail (HC_IS_CLIENT (client), NULL);

  self = g_object_new (HC_TYPE_SUBJECT_MODEL, NULL);
  self->client = g_object_ref (client);
  return self;
}

static void
set_text (char       **field,
          const char  *value)
{
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/* Starts over with @query: the request in flight is cancelled, the list
 * empties, and the first page (with the total) is asked for. */
void
hc_subject_model_set_query (HcSubjectModel       *self,
                            const HcSubjectQuery *query)
{
  HcSubjectQuery none = { 0, };

  g_return_if_fail (HC_IS_SUBJECT_MODEL (self));

  if (query == NULL)
    query = &none;
  set_text (&self->q, query->q);
  set_text (&self->region, query->region);
  set_text (&self->type, query->type);
  set_text (&self->grade, query->grade);
  set_text (&self->status, query->status);
  hc_subject_model_reload (self);
}

void
hc_subject_model_reload (HcSubjectModel *self)
{
  guint old_n;

  g_return_if_fail (HC_IS_SUBJECT_MODEL (self));

  /* Listeners hear of the new request once its total is reset, never of
   * the cancelled one ending with the old total as if it were the new one. */
  g_object_freeze_notify (G_OBJECT (self));
  set_loading (self, NULL);
  old_n = self->n_items;
  self->n_items = 0;
  self->total = -1;
  self->wanted = 0;
  self->at_end = FALSE;
  g_clear_pointer (&self->next_cursor, g_free);
  g_clear_error (&self->error);
  g_ptr_array_set_size (self->loaded, 0);
  g_hash_table_remove_all (self->placeholders);
  if (old_n > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL]);
  fetch_next (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* -1 until the first page has arrived. */
gint64
hc_subject_model_get_total (HcSubjectModel *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_MODEL (self), -1);
  return self->total;
}

gboolean
hc_subject_model_get_loading (HcSubjectModel *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_MODEL (self), FALSE);
  return self->cancellable != NULL;
}

/* How many rows from the start are loaded. */
guint
hc_subject_model_get_n_loaded (HcSubjectModel *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_MODEL (self), 0);
  return self->loaded->len;
}

/* The error of the last request, %NULL when it went well. */
const GError *
hc_subject_model_get_error (HcSubjectModel *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_MODEL (self), NULL);
  return self->error;
}

/* Puts an edited subject in place of the loaded row at @position. */
void
hc_subject_model_replace (HcSubjectModel *self,
                          guint           position,
                          HcSubject      *subject)
{
  g_return_if_fail (HC_IS_SUBJECT_MODEL (self));
  g_return_if_fail (HC_IS_SUBJECT (subject));

  if (position >= self->loaded->len)
    return;
  g_object_unref (g_ptr_array_index (self->loaded, position));
  g_ptr_array_index (self->loaded, position) = g_object_ref (subject);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}
