/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSubjectModel: n_items from the server's total — the first page comes
 * with the exact count when no text filters (the server keeps it), else
 * with an estimate when the exact count would make it wait (a common text
 * over a million subjects), and the exact count, asked for apart, resizes
 * the list when it arrives; the page of 200 rows a
 * position falls in is fetched (by its offset) when a view touches a row
 * that is not loaded yet, so jumping to the end of a million subjects asks
 * for the last page, not for every page before it. Pages are fetched one
 * at a time, the one touched last first (in the second half of an exactly
 * counted list by its place from the end, read backwards by the server);
 * a bounded number is kept, the least recently touched dropped first. */
#define G_LOG_DOMAIN "hc-subject-model"

#include "config.h"

#include "hc-subject-model.h"

/* Pages kept: enough for a screenful and the way back to it, bounded so
 * that scrolling through a million rows keeps a few megabytes. */
#define MAX_PAGES   64
/* Pages waiting to be fetched: those of the rows a view touched last. */
#define MAX_WANTED  8

typedef struct
{
  GPtrArray *items;     /* HcSubject */
  guint64    used;      /* the tick it was last touched at */
} Page;

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
  gboolean      total_exact;
  GCancellable *counting;       /* the exact count in flight, NULL when none */
  gint64        counted;        /* the exact count come before the first page, else -1 */
  GHashTable   *pages;          /* page number → Page */
  GHashTable   *placeholders;   /* position → HcSubject, rows not loaded yet */
  GArray       *wanted;         /* page numbers (guint), the last touched last */
  guint         fetching;       /* the page in flight */
  guint64       tick;
  GError       *error;

  GCancellable *cancellable;    /* the request in flight, NULL when idle */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HcSubjectModel, hc_subject_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum { PROP_0, PROP_TOTAL, PROP_TOTAL_EXACT, PROP_LOADING, PROP_N_ITEMS, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void fetch_next (HcSubjectModel *self);

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

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

static void
want_page (HcSubjectModel *self,
           guint           number)
{
  for (guint i = 0; i < self->wanted->len; i++)
    if (g_array_index (self->wanted, guint, i) == number)
      {
        g_array_remove_index (self->wanted, i);
        break;
      }
  g_array_append_val (self->wanted, number);
  if (self->wanted->len > MAX_WANTED)
    g_array_remove_index (self->wanted, 0);
  fetch_next (self);
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  HcSubjectModel *self = HC_SUBJECT_MODEL (model);
  guint number = position / HC_SUBJECT_MODEL_PAGE_SIZE;
  Page *page;
  HcSubject *placeholder;

  if (position >= self->n_items)
    return NULL;
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number));
  if (page != NULL && position % HC_SUBJECT_MODEL_PAGE_SIZE < page->items->len)
    {
      page->used = ++self->tick;
      return g_object_ref (g_ptr_array_index (page->items, position % HC_SUBJECT_MODEL_PAGE_SIZE));
    }

  placeholder = g_hash_table_lookup (self->placeholders, GUINT_TO_POINTER (position));
  if (placeholder == NULL)
    {
      placeholder = hc_subject_new_placeholder ();
      g_hash_table_insert (self->placeholders, GUINT_TO_POINTER (position), placeholder);
    }
  if (page == NULL)
    want_page (self, number);
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

/* Drops the least recently touched pages beyond MAX_PAGES; a view holding
 * one of their rows keeps it, and touching the position again fetches it. */
static void
trim_pages (HcSubjectModel *self)
{
  while (g_hash_table_size (self->pages) > MAX_PAGES)
    {
      GHashTableIter iter;
      gpointer key, value, oldest = NULL;
      guint64 oldest_used = G_MAXUINT64;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (((Page *) value)->used < oldest_used)
          {
            oldest_used = ((Page *) value)->used;
            oldest = key;
          }
      g_hash_table_remove (self->pages, oldest);
    }
}

/* Makes the list @n rows long: rows past the end (loaded or waiting) go. */
static void
resize (HcSubjectModel *self,
        guint           n)
{
  guint old_n = self->n_items;
  GHashTableIter iter;
  gpointer key, value;

  if (n == old_n)
    return;
  if (n < old_n)
    {
      g_hash_table_iter_init (&iter, self->placeholders);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (GPOINTER_TO_UINT (key) >= n)
          g_hash_table_iter_remove (&iter);
      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint start = GPOINTER_TO_UINT (key) * HC_SUBJECT_MODEL_PAGE_SIZE;
          Page *page = value;

          if (start >= n)
            g_hash_table_iter_remove (&iter);
          else if (start + page->items->len > n)
            g_ptr_array_set_size (page->items, n - start);
        }
    }
  self->n_items = n;
  if (n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), n, old_n - n, 0);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, n - old_n);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

static void
fill_query (HcSubjectModel *self,
            HcSubjectQuery *query)
{
  *query = (HcSubjectQuery) { 0, };
  query->q = self->q;
  query->region = self->region;
  query->type = self->type;
  query->grade = self->grade;
  query->status = self->status;
  query->sort = "id";
}

static void
count_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcSubjectModel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcPage) answer = hc_client_list_subjects_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->counting);
  /* Without the count the list keeps the estimate's length. */
  if (answer == NULL || hc_page_get_total (answer) < 0)
    {
      g_debug ("exact count failed: %s", error ? error->message : "no total");
      fetch_next (self);
      return;
    }
  /* Asked with the first page, come before it: the page takes it. */
  if (self->total < 0)
    {
      self->counted = hc_page_get_total (answer);
      return;
    }
  g_object_freeze_notify (G_OBJECT (self));
  self->total = hc_page_get_total (answer);
  self->total_exact = TRUE;
  resize (self, (guint) MIN (self->total, (gint64) G_MAXUINT));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL_EXACT]);
  g_object_thaw_notify (G_OBJECT (self));
  /* The pages near the end that waited for it. */
  fetch_next (self);
}

/* The exact count, apart from the pages: one row with total=1. */
static void
count_exactly (HcSubjectModel *self)
{
  HcSubjectQuery query;

  fill_query (self, &query);
  self->counting = g_cancellable_new ();
  hc_client_list_subjects_at_async (self->client, &query, 0, 1, HC_TOTAL_EXACT, self->counting,
                                    count_cb, g_object_ref (self));
}

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcSubjectModel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcPage) answer = hc_client_list_subjects_finish (HC_CLIENT (source), result, &error);
  gboolean first;
  guint start, n_new, old_n, end;
  Page *page;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (answer == NULL)
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
      return;
    }

  first = self->total < 0;
  start = self->fetching * HC_SUBJECT_MODEL_PAGE_SIZE;
  n_new = MIN (hc_page_get_n_items (answer), HC_SUBJECT_MODEL_PAGE_SIZE);
  page = g_new0 (Page, 1);
  page->items = g_ptr_array_new_full (n_new, g_object_unref);
  page->used = ++self->tick;
  for (guint i = 0; i < n_new; i++)
    {
      g_ptr_array_add (page->items, g_list_model_get_item (hc_page_get_items (answer), i));
      g_hash_table_remove (self->placeholders, GUINT_TO_POINTER (start + i));
    }
  g_hash_table_replace (self->pages, GUINT_TO_POINTER (self->fetching), page);
  trim_pages (self);

  old_n = self->n_items;
  end = start + n_new;
  if (first)
    {
      self->total = hc_page_get_total (answer) >= 0 ? hc_page_get_total (answer) : (gint64) n_new;
      self->total_exact = hc_page_get_total_exact (answer);
      self->n_items = (guint) MIN (MAX (self->total, (gint64) n_new), (gint64) G_MAXUINT);
      if (!self->total_exact && self->counted >= 0)
        {
          self->total = self->counted;
          self->total_exact = TRUE;
          self->n_items = (guint) MIN (MAX (self->total, (gint64) n_new), (gint64) G_MAXUINT);
        }
      if (hc_page_get_next_cursor (answer) == NULL)
        {
          self->n_items = n_new;
          self->total = n_new;
          self->total_exact = TRUE;
        }
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL_EXACT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
      /* The count asked with the first page is of no use when the page
       * came with the exact one; asked again if it failed. */
      if (self->total_exact && self->counting != NULL)
        {
          g_cancellable_cancel (self->counting);
          g_clear_object (&self->counting);
        }
      else if (!self->total_exact && self->counting == NULL)
        count_exactly (self);
    }
  else if (n_new < HC_SUBJECT_MODEL_PAGE_SIZE && hc_page_get_next_cursor (answer) == NULL && end < old_n &&
           (n_new > 0 || self->total_exact))
    {
      /* Rows went since the total was counted (or the estimate was high):
       * the list ends here. */
      if (n_new > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), start, n_new, n_new);
      resize (self, end);
    }
  else if (n_new > 0 && start < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), start, MIN (n_new, old_n - start), MIN (n_new, old_n - start));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
  fetch_next (self);
}

static void
fetch_next (HcSubjectModel *self)
{
  g_autoptr(GCancellable) cancellable = NULL;
  HcSubjectQuery query;
  gboolean first = self->total < 0;
  guint number = 0;

  if (self->cancellable != NULL || self->client == NULL || self->error != NULL)
    return;
  if (!first)
    {
      gboolean found = FALSE;

      /* The page touched last that is still missing. */
      while (self->wanted->len > 0 && !found)
        {
          number = g_array_index (self->wanted, guint, self->wanted->len - 1);
          g_array_remove_index (self->wanted, self->wanted->len - 1);
          found = !g_hash_table_contains (self->pages, GUINT_TO_POINTER (number)) &&
                  (guint64) number * HC_SUBJECT_MODEL_PAGE_SIZE < self->n_items;
        }
      if (!found)
        return;
      /* A page in the second half while the exact count is on its way: it
       * waits for the count (count_cb() fetches it), so that it is read
       * from the end, not by stepping over every row before it. */
      if (!self->total_exact && self->counting != NULL &&
          (guint64) number * HC_SUBJECT_MODEL_PAGE_SIZE >= self->n_items / 2)
        {
          g_array_append_val (self->wanted, number);
          return;
        }
    }

  fill_query (self, &query);
  self->fetching = number;
  cancellable = g_cancellable_new ();
  set_loading (self, cancellable);
  /* A page in the second half of an exactly counted list: counted from the
   * end, so that the server steps over no row before it. */
  if (!first && self->total_exact && number * HC_SUBJECT_MODEL_PAGE_SIZE >= self->n_items / 2)
    {
      guint start = number * HC_SUBJECT_MODEL_PAGE_SIZE;
      guint count = MIN (HC_SUBJECT_MODEL_PAGE_SIZE, self->n_items - start);

      hc_client_list_subjects_from_end_async (self->client, &query, self->n_items - start - count, count,
                                              cancellable, page_cb, g_object_ref (self));
      return;
    }
  hc_client_list_subjects_at_async (self->client, &query, number * HC_SUBJECT_MODEL_PAGE_SIZE,
                                    HC_SUBJECT_MODEL_PAGE_SIZE, first ? HC_TOTAL_ESTIMATE : HC_TOTAL_NONE,
                                    cancellable, page_cb, g_object_ref (self));
  /* A text's exact count at the same time as the first page (issue 12):
   * when the page comes with an estimate, the count is already on its way,
   * and a jump to the end waits for it the less. Without a text the first
   * page carries the exact count (the counts the server keeps, migration
   * 21): no count is asked apart, and a jump to the end reads the last page
   * from the end at once. Should a page come with an estimate all the same
   * (an older server), page_cb() asks for the count then. */
  if (first && self->counting == NULL && self->q != NULL)
    count_exactly (self);
}

static void
hc_subject_model_dispose (GObject *object)
{
  HcSubjectModel *self = HC_SUBJECT_MODEL (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
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
  g_clear_error (&self->error);
  g_hash_table_unref (self->pages);
  g_array_unref (self->wanted);
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
    case PROP_TOTAL_EXACT:
      g_value_set_boolean (value, self->total_exact);
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
  properties [PROP_TOTAL_EXACT] =
    g_param_spec_boolean ("total-exact", NULL, NULL, TRUE,
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
  self->total_exact = TRUE;
  self->counted = -1;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  self->wanted = g_array_new (FALSE, FALSE, sizeof (guint));
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
  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  old_n = self->n_items;
  self->n_items = 0;
  self->total = -1;
  self->counted = -1;
  self->total_exact = TRUE;
  g_array_set_size (self->wanted, 0);
  g_clear_error (&self->error);
  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->placeholders);
  if (old_n > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL_EXACT]);
  fetch_next (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* -1 until the first page has arrived; an estimate until the exact count
 * has (hc_subject_model_get_total_exact()). */
gint64
hc_subject_model_get_total (HcSubjectModel *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_MODEL (self), -1);
  return self->total;
}

/* Whether the total is the exact count rather than the server's estimate. */
gboolean
hc_subject_model_get_total_exact (HcSubjectModel *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_MODEL (self), TRUE);
  return self->total_exact;
}

/* Whether the exact count is being asked for. */
gboolean
hc_subject_model_get_counting (HcSubjectModel *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_MODEL (self), FALSE);
  return self->counting != NULL;
}

gboolean
hc_subject_model_get_loading (HcSubjectModel *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_MODEL (self), FALSE);
  return self->cancellable != NULL;
}

/* How many rows are loaded (in the pages kept). */
guint
hc_subject_model_get_n_loaded (HcSubjectModel *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (HC_IS_SUBJECT_MODEL (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((Page *) value)->items->len;
  return n;
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
  Page *page;
  guint i = position % HC_SUBJECT_MODEL_PAGE_SIZE;

  g_return_if_fail (HC_IS_SUBJECT_MODEL (self));
  g_return_if_fail (HC_IS_SUBJECT (subject));

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (position / HC_SUBJECT_MODEL_PAGE_SIZE));
  if (page == NULL || i >= page->items->len)
    return;
  g_object_unref (g_ptr_array_index (page->items, i));
  g_ptr_array_index (page->items, i) = g_object_ref (subject);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}
