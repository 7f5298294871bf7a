/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogPane: the 公共信用信息目录 year by year. Its Catalog view picks
 * a version (draft or published, who published it and when) and lists its
 * items with their collection rate: sortable columns, a search (Ctrl+F)
 * over item, department and legal basis, and filters, all answered by the
 * server so that Export takes exactly the rows shown. Its Import view is
 * the 归集 page. The actions on a version are in hc-catalog-pane-actions.c. */
#define G_LOG_DOMAIN "hc-catalog-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-catalog-diff-view.h"
#include "hc-catalog-pane-private.h"
#include "hc-core.h"
#include "hc-export-button.h"
#include "hc-format.h"
#include "hc-import-page.h"
#include "hc-quality-view.h"

#define PAGE_LIMIT 1000

G_DEFINE_FINAL_TYPE (HcCatalogPane, hc_catalog_pane, HC_TYPE_PANE)

/* ---- the version shown ---------------------------------------------------- */

static HcCatalogVersion *
selected_version (HcCatalogPane *self)
{
  return gtk_drop_down_get_selected_item (self->version_dropdown);
}

/* A draft is edited by anyone; only supervisors and administrators publish. */
gboolean
_hc_catalog_pane_may_publish (HcCatalogPane *self)
{
  HcClient *client = hc_pane_get_client (HC_PANE (self));
  const char *role = client ? hc_client_get_role (client) : NULL;

  return g_strcmp0 (role, "supervisor") == 0 || g_strcmp0 (role, "admin") == 0;
}

void
_hc_catalog_pane_update_actions (HcCatalogPane *self)
{
  HcCatalogVersion *version = selected_version (self);
  gboolean draft = version != NULL && !hc_catalog_version_get_published (version);
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "catalog.add", draft && self->departments != NULL);
  gtk_widget_action_set_enabled (widget, "catalog.edit", draft && selected && self->departments != NULL);
  gtk_widget_action_set_enabled (widget, "catalog.delete", draft && selected && self->deleting == NULL);
  gtk_widget_action_set_enabled (widget, "catalog.new-draft", version != NULL);
  gtk_widget_set_visible (self->publish_button, _hc_catalog_pane_may_publish (self));
  gtk_widget_action_set_enabled (widget, "catalog.publish", draft && _hc_catalog_pane_may_publish (self));
}

static void
update_version_header (HcCatalogPane *self)
{
  HcCatalogVersion *version = selected_version (self);

  _hc_catalog_pane_update_actions (self);
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), version != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), "met");
  gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), "pending");
  if (version == NULL)
    {
      gtk_label_set_text (self->version_label, "");
      return;
    }
  gtk_label_set_text (self->badge_label, hc_catalog_version_get_state_label (version));
  gtk_widget_add_css_class (GTK_WIDGET (self->badge_label),
                            hc_catalog_version_get_published (version) ? "met" : "pending");
  gtk_label_set_text (self->version_label, hc_catalog_version_get_subtitle (version));
}

/* ---- the filters ------------------------------------------------------------ */

static const char *
key_at (GtkDropDown        *dropdown,
        const char * const *keys,
        guint               n_keys)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  /* Position 0 is "all". */
  return pos >= 1 && pos <= n_keys ? keys[pos - 1] : NULL;
}

static const char *
category_key (HcCatalogPane *self)
{
  guint pos = gtk_drop_down_get_selected (self->category_dropdown);

  return pos >= 1 && pos <= HC_CATALOG_CATEGORY_N ? hc_catalog_category_to_key (pos - 1) : NULL;
}

static const char * const disclosure_keys[] = { "public", "conditional", "restricted" };
static const char * const scope_keys[] = { "basic", "supplementary" };

static void
get_query (HcCatalogPane  *self,
           HcCatalogQuery *query)
{
  guint department = gtk_drop_down_get_selected (self->department_dropdown);
  const char *q = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  *query = (HcCatalogQuery) { 0, };
  query->q = q != NULL && *q != '\0' ? q : NULL;
  query->category = category_key (self);
  if (department >= 1 && department <= self->department_ids->len)
    query->department_id = g_array_index (self->department_ids, gint64, department - 1);
  query->disclosure = key_at (self->disclosure_dropdown, disclosure_keys, G_N_ELEMENTS (disclosure_keys));
  query->scope = key_at (self->scope_dropdown, scope_keys, G_N_ELEMENTS (scope_keys));
}

static void
filters_changed (HcCatalogPane *self)
{
  if (self->year > 0 && hc_pane_get_client (HC_PANE (self)) != NULL)
    _hc_catalog_pane_load_items (self);
}

/* The rows no longer answer what is typed: they are as good as loading
 * until the search (after the entry's delay) has answered. */
static void
search_typed (HcCatalogPane *self)
{
  if (self->year > 0)
    self->loading = TRUE;
}

static void
set_strings (GtkDropDown        *dropdown,
             const char         *all,
             const char * const *labels,
             guint               n_labels,
             gpointer            blocked)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (list, labels[i]);
  g_signal_handlers_block_by_func (dropdown, filters_changed, blocked);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  g_signal_handlers_unblock_by_func (dropdown, filters_changed, blocked);
}

/* ---- loading ---------------------------------------------------------------- */

void
_hc_catalog_pane_update_count (HcCatalogPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autofree char *count = hc_format_count (n);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s item", "%s items", n), count);

  gtk_label_set_text (self->count_label, text);
}

static void
items_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcCatalogPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcPage) page = hc_client_list_catalog_version_items_finish (HC_CLIENT (source), result, &error);
  HcCatalogQuery query;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (page == NULL)
    {
      self->loading = FALSE;
      hc_pane_show_error (HC_PANE (self), error);
      return;
    }
  for (guint i = 0; i < hc_page_get_n_items (page); i++)
    g_ptr_array_add (self->pending, g_list_model_get_item (hc_page_get_items (page), i));
  if (hc_page_get_next_cursor (page) != NULL)
    {
      get_query (self, &query);
      hc_client_list_catalog_version_items_async (HC_CLIENT (source), self->year, &query,
                                                  hc_page_get_next_cursor (page), PAGE_LIMIT, FALSE,
                                                  hc_pane_get_cancellable (HC_PANE (self)),
                                                  items_cb, g_object_ref (self));
      return;
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       self->pending->pdata, self->pending->len);
  g_ptr_array_set_size (self->pending, 0);
  self->loading = FALSE;
  _hc_catalog_pane_update_count (self);
  _hc_catalog_pane_update_actions (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    hc_pane_show_empty (HC_PANE (self));
  else
    hc_pane_show_content (HC_PANE (self));
}

/* The shown version's items with the filters, from the first page on. */
void
_hc_catalog_pane_load_items (HcCatalogPane *self)
{
  GCancellable *cancellable = hc_pane_renew_cancellable (HC_PANE (self));
  HcCatalogQuery query;

  g_ptr_array_set_size (self->pending, 0);
  self->loading = TRUE;
  get_query (self, &query);
  hc_client_list_catalog_version_items_async (hc_pane_get_client (HC_PANE (self)), self->year, &query,
                                              NULL, PAGE_LIMIT, FALSE, cancellable,
                                              items_cb, g_object_ref (self));
}

static void
version_changed (HcCatalogPane *self)
{
  HcCatalogVersion *version = selected_version (self);

  update_version_header (self);
  if (version == NULL || hc_pane_get_client (HC_PANE (self)) == NULL)
    return;
  self->year = hc_catalog_version_get_year (version);
  hc_pane_show_loading (HC_PANE (self));
  _hc_catalog_pane_load_items (self);
}

static void
departments_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HcCatalogPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) departments = hc_client_list_departments_finish (HC_CLIENT (source), result, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gint64 chosen = 0;
  guint pos = gtk_drop_down_get_selected (self->department_dropdown), select = 0;

  if (departments == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hc_pane_show_error (HC_PANE (self), error);
      return;
    }
  if (pos >= 1 && pos <= self->department_ids->len)
    chosen = g_array_index (self->department_ids, gint64, pos - 1);
  g_array_set_size (self->department_ids, 0);
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(HcDepartment) department = g_list_model_get_item (departments, i);
      gint64 id = hc_department_get_id (department);

      g_array_append_val (self->department_ids, id);
      g_ptr_array_add (names, (gpointer) hc_department_get_name (department));
      if (id == chosen)
        select = i + 1;
    }
  g_set_object (&self->departments, departments);
  _hc_catalog_pane_update_actions (self);
  set_strings (self->department_dropdown, _("All departments"),
               (const char * const *) names->pdata, names->len, self);
  g_signal_handlers_block_by_func (self->department_dropdown, filters_changed, self);
  gtk_drop_down_set_selected (self->department_dropdown, select);
  g_signal_handlers_unblock_by_func (self->department_dropdown, filters_changed, self);
}

static void
versions_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HcCatalogPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) versions = hc_client_list_catalog_versions_finish (HC_CLIENT (source), result, &error);
  g_autoptr(GPtrArray) newest_first = g_ptr_array_new_with_free_func (g_object_unref);
  guint select = 0;
  guint n;

  if (versions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hc_pane_show_error (HC_PANE (self), error);
      return;
    }
  n = g_list_model_get_n_items (versions);
  for (guint i = n; i > 0; i--)
    {
      HcCatalogVersion *version = g_list_model_get_item (versions, i - 1);

      /* The year shown before a reload stays shown. */
      if (hc_catalog_version_get_year (version) == self->year)
        select = newest_first->len;
      g_ptr_array_add (newest_first, version);
    }

  g_signal_handlers_block_by_func (self->version_dropdown, version_changed, self);
  g_list_store_splice (self->versions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->versions)),
                       newest_first->pdata, newest_first->len);
  gtk_drop_down_set_selected (self->version_dropdown, n > 0 ? select : GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->version_dropdown, version_changed, self);
  hc_catalog_diff_view_set_versions (self->diff_view, G_LIST_MODEL (self->versions));
  hc_quality_view_set_versions (self->quality_view, G_LIST_MODEL (self->versions));

  if (n == 0)
    {
      self->year = 0;
      update_version_header (self);
      g_list_store_remove_all (self->items);
      _hc_catalog_pane_update_count (self);
      hc_pane_show_empty (HC_PANE (self));
      return;
    }
  g_cancellable_cancel (self->departments_cancellable);
  g_clear_object (&self->departments_cancellable);
  self->departments_cancellable = g_cancellable_new ();
  hc_client_list_departments_async (HC_CLIENT (source), self->departments_cancellable,
                                    departments_cb, g_object_ref (self));
  version_changed (self);
}

static void
hc_catalog_pane_reload (HcPane *pane)
{
  HcCatalogPane *self = HC_CATALOG_PANE (pane);

  hc_pane_show_loading (pane);
  hc_client_list_catalog_versions_async (hc_pane_get_client (pane), hc_pane_get_cancellable (pane),
                                         versions_cb, g_object_ref (self));
}

/* The window's refresh button also reloads the 归集 view when it shows
 * (only a refresh: mapping the pane maps the import page, which loads
 * itself). */
static void
hc_catalog_pane_refresh (HcPane *pane)
{
  HcCatalogPane *self = HC_CATALOG_PANE (pane);

  hc_pane_reload (pane);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "import") == 0)
    hc_import_page_refresh (self->import_page);
}

/* The version's items with the filters shown, as 公共信用信息目录-2025;
 * or, from the Data Quality view's button, its rows. */
static char *
hc_catalog_pane_export_path (HcPane  *pane,
                             char   **file_name)
{
  HcCatalogPane *self = HC_CATALOG_PANE (pane);
  HcCatalogQuery query;

  if (g_strcmp0 (hc_pane_get_export_listing (pane), "quality") == 0)
    return hc_quality_view_export_path (self->quality_view, file_name);
  if (g_strcmp0 (hc_pane_get_export_listing (pane), "catalog-diff") == 0)
    return hc_catalog_diff_view_export_path (self->diff_view, file_name);
  if (self->year == 0)
    return NULL;
  get_query (self, &query);
  *file_name = g_strdup_printf ("%s-%d", _("Public credit information catalog"), self->year);
  return hc_client_catalog_items_path (self->year, &query);
}

static void
item_activated (HcCatalogPane *self,
                guint          position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "catalog.edit", NULL);
}

static void
client_changed (HcCatalogPane *self)
{
  hc_import_page_set_client (self->import_page, hc_pane_get_client (HC_PANE (self)));
  hc_catalog_diff_view_set_client (self->diff_view, hc_pane_get_client (HC_PANE (self)));
  hc_quality_view_set_client (self->quality_view, hc_pane_get_client (HC_PANE (self)));
}

static void
hc_catalog_pane_dispose (GObject *object)
{
  HcCatalogPane *self = HC_CATALOG_PANE (object);

  /* A delete waiting for its toast is one the user decided on. */
  if (self->deleting != NULL && !self->undone && hc_pane_get_client (HC_PANE (self)) != NULL)
    hc_client_delete_catalog_item_async (hc_pane_get_client (HC_PANE (self)), hc_catalog_item_get_id (self->deleting),
                                         hc_catalog_item_get_etag (self->deleting), NULL, NULL, NULL);
  g_clear_object (&self->deleting);
  g_cancellable_cancel (self->departments_cancellable);
  g_clear_object (&self->departments_cancellable);
  if (self->toast != NULL)
    g_signal_handlers_disconnect_by_data (self->toast, self);
  g_clear_weak_pointer (&self->toast);
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_clear_weak_pointer (&self->dialog);
  gtk_widget_dispose_template (GTK_WIDGET (object), HC_TYPE_CATALOG_PANE);
  g_clear_object (&self->departments);
  g_clear_object (&self->versions);
  g_clear_object (&self->items);
  g_clear_pointer (&self->department_ids, g_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (hc_catalog_pane_parent_class)->dispose (object);
}

static void
hc_catalog_pane_class_init (HcCatalogPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HcPaneClass *pane_class = HC_PANE_CLASS (klass);

  object_class->dispose = hc_catalog_pane_dispose;
  pane_class->reload = hc_catalog_pane_reload;
  pane_class->refresh = hc_catalog_pane_refresh;
  pane_class->export_path = hc_catalog_pane_export_path;

  _hc_catalog_pane_install_actions (widget_class);

  g_type_ensure (HC_TYPE_IMPORT_PAGE);
  g_type_ensure (HC_TYPE_CATALOG_DIFF_VIEW);
  g_type_ensure (HC_TYPE_QUALITY_VIEW);
  g_type_ensure (HC_TYPE_EXPORT_BUTTON);
  g_type_ensure (HC_TYPE_CATALOG_ITEM);
  g_type_ensure (HC_TYPE_CATALOG_VERSION);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-catalog-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, stack);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, import_page);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, diff_view);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, quality_view);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, badge_label);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, version_label);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, disclosure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, item_view);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, selection);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, sort_model);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, publish_button);
  gtk_widget_class_bind_template_callback (widget_class, version_changed);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_typed);
  gtk_widget_class_bind_template_callback (widget_class, item_activated);
}

static void
hc_catalog_pane_init (HcCatalogPane *self)
{
  const char *categories[HC_CATALOG_CATEGORY_N];
  const char *disclosures[G_N_ELEMENTS (disclosure_keys)];
  const char *scopes[G_N_ELEMENTS (scope_keys)];

  gtk_widget_init_template (GTK_WIDGET (self));
  hc_pane_set_search_bar (HC_PANE (self), self->search_bar, self->search_entry);
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed), NULL);

  self->versions = g_list_store_new (HC_TYPE_CATALOG_VERSION);
  self->items = g_list_store_new (HC_TYPE_CATALOG_ITEM);
  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);

  g_signal_handlers_block_by_func (self->version_dropdown, version_changed, self);
  gtk_drop_down_set_model (self->version_dropdown, G_LIST_MODEL (self->versions));
  g_signal_handlers_unblock_by_func (self->version_dropdown, version_changed, self);
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->items));
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->item_view));

  for (guint i = 0; i < HC_CATALOG_CATEGORY_N; i++)
    categories[i] = hc_catalog_category_label (i);
  set_strings (self->category_dropdown, _("All categories"), categories, HC_CATALOG_CATEGORY_N, self);
  for (guint i = 0; i < G_N_ELEMENTS (disclosure_keys); i++)
    {
      HcDisclosure disclosure;

      hc_disclosure_from_key (disclosure_keys[i], &disclosure);
      disclosures[i] = hc_disclosure_label (disclosure);
    }
  set_strings (self->disclosure_dropdown, _("All disclosure levels"), disclosures, G_N_ELEMENTS (disclosures), self);
  for (guint i = 0; i < G_N_ELEMENTS (scope_keys); i++)
    {
      HcCatalogScope scope;

      hc_catalog_scope_from_key (scope_keys[i], &scope);
      scopes[i] = hc_catalog_scope_label (scope);
    }
  set_strings (self->scope_dropdown, _("Base and supplementary"), scopes, G_N_ELEMENTS (scopes), self);
  set_strings (self->department_dropdown, _("All departments"), NULL, 0, self);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (_hc_catalog_pane_update_actions), self, G_CONNECT_SWAPPED);
  _hc_catalog_pane_update_count (self);
  _hc_catalog_pane_update_actions (self);
}

/* The 归集 page inside the pane (its "Import" view). */
HcImportPage *
hc_catalog_pane_get_import_page (HcCatalogPane *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_PANE (self), NULL);
  return self->import_page;
}

/* @view: "catalog", "diff", "quality" or "import" */
void
hc_catalog_pane_show_view (HcCatalogPane *self,
                           const char    *view)
{
  g_return_if_fail (HC_IS_CATALOG_PANE (self));
  g_return_if_fail (view != NULL);

  adw_view_stack_set_visible_child_name (self->stack, view);
}

/* The Data Quality view. */
HcQualityView *
hc_catalog_pane_get_quality_view (HcCatalogPane *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_PANE (self), NULL);
  return self->quality_view;
}

/* The Compare Years view. */
HcCatalogDiffView *
hc_catalog_pane_get_diff_view (HcCatalogPane *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_PANE (self), NULL);
  return self->diff_view;
}

/* The items shown (HcCatalogItem), in the order of the columns' sort. */
GListModel *
hc_catalog_pane_get_items (HcCatalogPane *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_PANE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/* The versions offered (HcCatalogVersion), newest first. */
GListModel *
hc_catalog_pane_get_versions (HcCatalogPane *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_PANE (self), NULL);
  return G_LIST_MODEL (self->versions);
}

/* Shows the version of @year (when there is one). */
void
hc_catalog_pane_select_year (HcCatalogPane *self,
                             int            year)
{
  g_return_if_fail (HC_IS_CATALOG_PANE (self));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->versions)); i++)
    {
      g_autoptr(HcCatalogVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);

      if (hc_catalog_version_get_year (version) == year)
        gtk_drop_down_set_selected (self->version_dropdown, i);
    }
}

/* The year of the version shown, 0 before one is. */
int
hc_catalog_pane_get_year (HcCatalogPane *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_PANE (self), 0);
  return self->year;
}

/* Whether the items are being loaded (after a change of version, search or filter). */
gboolean
hc_catalog_pane_get_loading (HcCatalogPane *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_PANE (self), FALSE);
  return self->loading;
}

/* The item dialog or question the pane opened, while it is open. */
GtkWindow *
hc_catalog_pane_get_dialog (HcCatalogPane *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_PANE (self), NULL);
  return self->dialog;
}

/* The last toast the pane showed, while it shows. */
AdwToast *
hc_catalog_pane_get_toast (HcCatalogPane *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_PANE (self), NULL);
  return self->toast;
}

/* Selects the row of the item @id; FALSE when it is not shown. */
gboolean
hc_catalog_pane_select_item (HcCatalogPane *self,
                             gint64         id)
{
  GListModel *rows;

  g_return_val_if_fail (HC_IS_CATALOG_PANE (self), FALSE);

  rows = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(HcCatalogItem) item = g_list_model_get_item (rows, i);

      if (hc_catalog_item_get_id (item) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}
