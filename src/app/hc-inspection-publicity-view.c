/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspectionPublicityView: 一公开 of 双随机、一公开 (五.(十).2) — the
 * results of the inspections of final draws as the server publishes them,
 * newest first, by 市县 and by result, a page at a time (More loads the
 * next), exported as the listing is filtered (the pane's Export, listing
 * "inspection-publicity"). */
#define G_LOG_DOMAIN "hc-inspection-publicity-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-export-button.h"
#include "hc-inspection-publicity-view.h"

struct _HcInspectionPublicityView
{
  GtkWidget      parent_instance;

  /* template children */
  GtkDropDown   *region_dropdown;
  GtkDropDown   *result_dropdown;
  GtkLabel      *count_label;
  GtkLabel      *error_label;
  GtkWidget     *more_button;
  GtkStack      *stack;
  GtkColumnView *columns;

  /* state */
  HcClient      *client;
  GCancellable  *cancellable;
  GListStore    *results;
  char          *next_cursor;
  gboolean       loading;
  guint          filters_pending;
};

G_DEFINE_FINAL_TYPE (HcInspectionPublicityView, hc_inspection_publicity_view, GTK_TYPE_WIDGET)

static const char * const result_keys[] = { NULL, "pass", "rectify", "fail" };

static const char *
selected_region (HcInspectionPublicityView *self)
{
  guint n, i = gtk_drop_down_get_selected (self->region_dropdown);
  const HcRegion *regions = hc_regions_get_all (&n);

  return i > 0 && i <= n ? regions[i - 1].code : NULL;
}

static const char *
selected_result (HcInspectionPublicityView *self)
{
  guint i = gtk_drop_down_get_selected (self->result_dropdown);

  return i < G_N_ELEMENTS (result_keys) ? result_keys[i] : NULL;
}

static void
update_state (HcInspectionPublicityView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  /* Translators: how many published results are listed, "12 results"; "12+" when more can be loaded */
  g_autofree char *count = self->next_cursor != NULL ? g_strdup_printf (_("%u+ results"), n)
                                                     : g_strdup_printf (_("%u results"), n);

  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (self->more_button, self->next_cursor != NULL);
  gtk_widget_set_sensitive (self->more_button, !self->loading);
  gtk_stack_set_visible_child_name (self->stack, n > 0 || self->loading ? "results" : "empty");
}

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcInspectionPublicityView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcPage) page = hc_client_list_inspection_publicity_finish (HC_CLIENT (source), result, &error);
  GListModel *items;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (page == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      update_state (self);
      return;
    }
  gtk_label_set_text (self->error_label, "");
  items = hc_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      g_list_store_append (self->results, item);
    }
  g_free (self->next_cursor);
  self->next_cursor = g_strdup (hc_page_get_next_cursor (page));
  update_state (self);
}

static void
load (HcInspectionPublicityView *self,
      const char                *cursor)
{
  if (self->client == NULL)
    return;
  self->loading = TRUE;
  update_state (self);
  hc_client_list_inspection_publicity_async (self->client, selected_region (self), selected_result (self), cursor,
                                             self->cancellable, page_cb, g_object_ref (self));
}

static void
apply_filters (HcInspectionPublicityView *self)
{
  if (self->filters_pending > 0)
    return;
  hc_inspection_publicity_view_reload (self);
}

static void
more_clicked (HcInspectionPublicityView *self)
{
  g_autofree char *cursor = g_strdup (self->next_cursor);

  if (cursor != NULL && !self->loading)
    load (self, cursor);
}

static void
hc_inspection_publicity_view_dispose (GObject *object)
{
  HcInspectionPublicityView *self = HC_INSPECTION_PUBLICITY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_INSPECTION_PUBLICITY_VIEW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->results);
  g_clear_pointer (&self->next_cursor, g_free);

  G_OBJECT_CLASS (hc_inspection_publicity_view_parent_class)->dispose (object);
}

static void
hc_inspection_publicity_view_class_init (HcInspectionPublicityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_inspection_publicity_view_dispose;

  g_type_ensure (HC_TYPE_INSPECTION);
  g_type_ensure (HC_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hncredit/Console/hc-inspection-publicity-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPublicityView, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPublicityView, result_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPublicityView, count_label);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPublicityView, error_label);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPublicityView, more_button);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPublicityView, stack);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPublicityView, columns);
  gtk_widget_class_bind_template_callback (widget_class, apply_filters);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked);
}

static void
hc_inspection_publicity_view_init (HcInspectionPublicityView *self)
{
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) results = gtk_string_list_new (NULL);
  const HcRegion *all;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->cancellable = g_cancellable_new ();
  self->results = g_list_store_new (HC_TYPE_INSPECTION);
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->results)));

    gtk_column_view_set_model (self->columns, GTK_SELECTION_MODEL (selection));
  }
  self->filters_pending++;
  gtk_string_list_append (regions, _("All of Hainan"));
  all = hc_regions_get_all (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (regions, all[i].name);
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (regions));
  gtk_string_list_append (results, _("All results"));
  for (guint i = 1; i < G_N_ELEMENTS (result_keys); i++)
    gtk_string_list_append (results, hc_inspection_result_label (result_keys[i]));
  gtk_drop_down_set_model (self->result_dropdown, G_LIST_MODEL (results));
  self->filters_pending--;
  update_state (self);
}

void
hc_inspection_publicity_view_set_client (HcInspectionPublicityView *self,
                                         HcClient                  *client)
{
  g_return_if_fail (HC_IS_INSPECTION_PUBLICITY_VIEW (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  g_set_object (&self->client, client);
}

/* Lists the first page again under the filters shown. */
void
hc_inspection_publicity_view_reload (HcInspectionPublicityView *self)
{
  g_return_if_fail (HC_IS_INSPECTION_PUBLICITY_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_list_store_remove_all (self->results);
  g_clear_pointer (&self->next_cursor, g_free);
  load (self, NULL);
}

/* Sets the filters as a user would (%NULL: all) and lists again.
 * @region: a GB/T 2260 code; @result: pass, rectify or fail */
void
hc_inspection_publicity_view_set_filters (HcInspectionPublicityView *self,
                                          const char                *region,
                                          const char                *result)
{
  guint n, region_index = 0, result_index = 0;
  const HcRegion *regions = hc_regions_get_all (&n);

  g_return_if_fail (HC_IS_INSPECTION_PUBLICITY_VIEW (self));

  for (guint i = 0; region != NULL && i < n; i++)
    if (g_str_equal (regions[i].code, region))
      region_index = i + 1;
  for (guint i = 1; result != NULL && i < G_N_ELEMENTS (result_keys); i++)
    if (g_str_equal (result_keys[i], result))
      result_index = i;
  self->filters_pending++;
  gtk_drop_down_set_selected (self->region_dropdown, region_index);
  gtk_drop_down_set_selected (self->result_dropdown, result_index);
  self->filters_pending--;
  hc_inspection_publicity_view_reload (self);
}

/* Returns: (transfer full): the listing under the filters shown, what
 * Export exports */
char *
hc_inspection_publicity_view_get_path (HcInspectionPublicityView *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PUBLICITY_VIEW (self), NULL);
  return hc_client_inspection_publicity_path (selected_region (self), selected_result (self));
}

/* The results listed (HcInspection), newest first. */
GListModel *
hc_inspection_publicity_view_get_results (HcInspectionPublicityView *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PUBLICITY_VIEW (self), NULL);
  return G_LIST_MODEL (self->results);
}

gboolean
hc_inspection_publicity_view_get_loading (HcInspectionPublicityView *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PUBLICITY_VIEW (self), FALSE);
  return self->loading;
}

/* Returns: what the server refused, "" for nothing */
const char *
hc_inspection_publicity_view_get_error (HcInspectionPublicityView *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PUBLICITY_VIEW (self), NULL);
  return gtk_label_get_text (self->error_label);
}
