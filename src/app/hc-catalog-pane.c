/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogPane: the 公共信用信息目录 year by year. Its Catalog view picks
 * a version (draft or published, who published it and when) and lists its
 * items with their collection rate: sortable columns, a search (Ctrl+F)
 * over item, department and legal basis, and filters, all answered by the
 * server so that Export takes exactly the rows shown. Its Import view is
 * the 归集 page. */
#define G_LOG_DOMAIN "hc-catalog-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-catalog-diff-view.h"
#include "hc-catalog-item-dialog.h"
#include "hc-catalog-pane.h"
#include "hc-core.h"
#include "hc-export-button.h"
#include "hc-format.h"
#include "hc-import-page.h"
#include "hc-quality-view.h"

#define PAGE_LIMIT 1000

struct _HcCatalogPane
{
  HcPane              parent_instance;

  /* template children */
  AdwViewStack       *stack;
  HcImportPage       *import_page;
  HcCatalogDiffView  *diff_view;
  HcQualityView      *quality_view;
  GtkDropDown        *version_dropdown;
  GtkLabel           *badge_label;
  GtkLabel           *version_label;
  GtkSearchBar       *search_bar;
  GtkWidget          *search_entry;
  GtkDropDown        *category_dropdown;
  GtkDropDown        *department_dropdown;
  GtkDropDown        *disclosure_dropdown;
  GtkDropDown        *scope_dropdown;
  GtkColumnView      *item_view;
  GtkSingleSelection *selection;
  GtkSortListModel   *sort_model;
  GtkLabel           *count_label;
  GtkWidget          *publish_button;

  /* state */
  GListStore         *versions;        /* of HcCatalogVersion, newest first */
  GListStore         *items;           /* of HcCatalogItem, the version's rows shown */
  GArray             *department_ids;  /* gint64, by department_dropdown position - 1 */
  int                 year;            /* the version shown, 0 before one is */
  GPtrArray          *pending;         /* HcCatalogItem rows of the pages loading */
  gboolean            loading;         /* the items are being (re)loaded */
  GListModel         *departments;     /* of HcDepartment, for the item dialog */
  GCancellable       *departments_cancellable;  /* apart: the items' requests renew the pane's */
  GtkWindow          *dialog;          /* weak: the item dialog or a question open */
  AdwToast           *toast;           /* weak: the last toast shown */
  HcCatalogItem      *deleting;        /* removed from the rows, deleted when its toast goes */
  gboolean            undone;          /* its toast's Undo was pressed */
};

G_DEFINE_FINAL_TYPE (HcCatalogPane, hc_catalog_pane, HC_TYPE_PANE)

static void load_items (HcCatalogPane *self);

/* ---- the version shown ---------------------------------------------------- */

static HcCatalogVersion *
selected_version (HcCatalogPane *self)
{
  return gtk_drop_down_get_selected_item (self->version_dropdown);
}

/* A draft is edited by anyone; only supervisors and administrators publish. */
static gboolean
may_publish (HcCatalogPane *self)
{
  HcClient *client = hc_pane_get_client (HC_PANE (self));
  const char *role = client ? hc_client_get_role (client) : NULL;

  return g_strcmp0 (role, "supervisor") == 0 || g_strcmp0 (role, "admin") == 0;
}

static void
update_actions (HcCatalogPane *self)
{
  HcCatalogVersion *version = selected_version (self);
  gboolean draft = version != NULL && !hc_catalog_version_get_published (version);
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "catalog.add", draft && self->departments != NULL);
  gtk_widget_action_set_enabled (widget, "catalog.edit", draft && selected && self->departments != NULL);
  gtk_widget_action_set_enabled (widget, "catalog.delete", draft && selected && self->deleting == NULL);
  gtk_widget_action_set_enabled (widget, "catalog.new-draft", version != NULL);
  gtk_widget_set_visible (self->publish_button, may_publish (self));
  gtk_widget_action_set_enabled (widget, "catalog.publish", draft && may_publish (self));
}

static void
update_version_header (HcCatalogPane *self)
{
  HcCatalogVersion *version = selected_version (self);

  update_actions (self);
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
    load_items (self);
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

static void
update_count (HcCatalogPane *self)
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
  update_count (self);
  update_actions (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    hc_pane_show_empty (HC_PANE (self));
  else
    hc_pane_show_content (HC_PANE (self));
}

/* The shown version's items with the filters, from the first page on. */
static void
load_items (HcCatalogPane *self)
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
  load_items (self);
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
  update_actions (self);
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
      update_count (self);
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

/* ---- editing a draft -------------------------------------------------------- */

static void
show_toast (HcCatalogPane *self,
            AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_set_weak_pointer (&self->toast, toast);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

static void
say (HcCatalogPane *self,
     const char    *message)
{
  show_toast (self, adw_toast_new (message));
}

static void
dialog_saved (HcCatalogPane *self,
              HcCatalogItem *item)
{
  load_items (self);
}

static void
present (HcCatalogPane *self,
         GtkWindow     *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (dialog);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  HcCatalogPane *self = HC_CATALOG_PANE (widget);
  HcCatalogItemDialog *dialog;

  if (self->year == 0 || self->departments == NULL)
    return;
  dialog = hc_catalog_item_dialog_new_add (hc_pane_get_client (HC_PANE (self)), self->year, self->departments);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved), self, G_CONNECT_SWAPPED);
  present (self, GTK_WINDOW (dialog));
}

static void
edit_item_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HcCatalogPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcCatalogItem) item = hc_client_get_catalog_item_finish (HC_CLIENT (source), result, &error);
  HcCatalogItemDialog *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (item == NULL)
    {
      say (self, error->message);
      return;
    }
  dialog = hc_catalog_item_dialog_new_edit (HC_CLIENT (source), item, self->departments);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved), self, G_CONNECT_SWAPPED);
  present (self, GTK_WINDOW (dialog));
}

/* Opens the selected item as it is now (with its ETag). */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HcCatalogPane *self = HC_CATALOG_PANE (widget);
  HcCatalogItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item == NULL || !hc_catalog_item_get_editable (item) || self->departments == NULL)
    return;
  hc_client_get_catalog_item_async (hc_pane_get_client (HC_PANE (self)), hc_catalog_item_get_id (item),
                                    hc_pane_get_cancellable (HC_PANE (self)), edit_item_cb, g_object_ref (self));
}

static void
delete_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcCatalogPane) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hc_client_delete_catalog_item_finish (HC_CLIENT (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The item could not be deleted: %s"), error->message);

      say (self, message);
    }
  if (self->year > 0)
    load_items (self);
  else
    self->loading = FALSE;
}

static void
undo_delete (AdwToast      *toast,
             HcCatalogPane *self)
{
  self->undone = TRUE;
}

/* The toast is gone: the row comes back (Undo), or the item is deleted. */
static void
delete_toast_dismissed (AdwToast      *toast,
                        HcCatalogPane *self)
{
  g_autoptr(HcCatalogItem) item = g_steal_pointer (&self->deleting);

  if (item == NULL)
    return;
  if (self->undone)
    load_items (self);
  else
    {
      /* The rows are reloaded once the server has answered. */
      self->loading = TRUE;
      /* Not the pane's cancellable: a delete decided on goes on if the pane is left. */
      hc_client_delete_catalog_item_async (hc_pane_get_client (HC_PANE (self)), hc_catalog_item_get_id (item),
                                           hc_catalog_item_get_etag (item), NULL, delete_cb, g_object_ref (self));
    }
  self->undone = FALSE;
  update_actions (self);
}

static void
delete_item_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HcCatalogPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcCatalogItem) item = hc_client_get_catalog_item_finish (HC_CLIENT (source), result, &error);
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint position;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (item == NULL)
    {
      say (self, error->message);
      return;
    }
  if (self->deleting != NULL)
    return;
  /* The row goes at once; the item only when the toast goes without Undo. */
  for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->items)); position++)
    {
      g_autoptr(HcCatalogItem) row = g_list_model_get_item (G_LIST_MODEL (self->items), position);

      if (hc_catalog_item_get_id (row) == hc_catalog_item_get_id (item))
        {
          g_list_store_remove (self->items, position);
          break;
        }
    }
  update_count (self);
  self->deleting = g_object_ref (item);
  self->undone = FALSE;
  /* Translators: a catalog item was removed from the draft, with Undo */
  title = g_strdup_printf (_("“%s” deleted"), hc_catalog_item_get_name (item));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (delete_toast_dismissed), self, 0);
  show_toast (self, toast);
  update_actions (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcCatalogPane *self = HC_CATALOG_PANE (widget);
  HcCatalogItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item == NULL || !hc_catalog_item_get_editable (item) || self->deleting != NULL)
    return;
  hc_client_get_catalog_item_async (hc_pane_get_client (HC_PANE (self)), hc_catalog_item_get_id (item),
                                    hc_pane_get_cancellable (HC_PANE (self)), delete_item_cb, g_object_ref (self));
}

/* ---- new draft, publish ------------------------------------------------------- */

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcCatalogPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcCatalogVersion) version = hc_client_create_catalog_version_finish (HC_CLIENT (source), result, &error);

  if (version == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        say (self, error->message);
      return;
    }
  self->year = hc_catalog_version_get_year (version);
  hc_pane_reload (HC_PANE (self));
}

static void
new_draft_response (AdwMessageDialog *dialog,
                    const char       *response,
                    HcCatalogPane    *self)
{
  GtkDropDown *from = g_object_get_data (G_OBJECT (dialog), "from");
  g_autoptr(HcCatalogVersion) newest = g_list_model_get_item (G_LIST_MODEL (self->versions), 0);
  HcCatalogVersion *source = gtk_drop_down_get_selected_item (from);

  if (!g_str_equal (response, "create") || newest == NULL || source == NULL)
    return;
  hc_client_create_catalog_version_async (hc_pane_get_client (HC_PANE (self)),
                                          hc_catalog_version_get_year (newest) + 1,
                                          hc_catalog_version_get_year (source),
                                          hc_pane_get_cancellable (HC_PANE (self)), created_cb, g_object_ref (self));
}

/* The next year's draft, a copy of a year the user chooses (the newest by default). */
static void
new_draft_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  HcCatalogPane *self = HC_CATALOG_PANE (widget);
  g_autoptr(HcCatalogVersion) newest = g_list_model_get_item (G_LIST_MODEL (self->versions), 0);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkExpression) title = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *from;

  if (newest == NULL)
    return;
  /* Translators: the year of the new draft */
  heading = g_strdup_printf (_("New Draft of the %d Catalog"), hc_catalog_version_get_year (newest) + 1);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading,
                                                       _("The draft starts as a copy of the items of the year chosen; collected records start at zero.")));
  title = gtk_property_expression_new (HC_TYPE_CATALOG_VERSION, NULL, "title");
  from = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->versions)), g_steal_pointer (&title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (from), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy from"), -1);
  adw_message_dialog_set_extra_child (dialog, from);
  g_object_set_data (G_OBJECT (dialog), "from", from);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "create", _("C_reate Draft"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_draft_response), self, 0);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
published_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HcCatalogPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcCatalogVersion) version = hc_client_publish_catalog_version_finish (HC_CLIENT (source), result, &error);
  g_autofree char *message = NULL;

  if (version == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED))
        say (self, _("The draft changed after you reviewed it; nothing was published. Review it again."));
      else
        say (self, error->message);
      hc_pane_reload (HC_PANE (self));
      return;
    }
  /* Translators: a catalog version was published */
  message = g_strdup_printf (_("The %d catalog is published"), hc_catalog_version_get_year (version));
  say (self, message);
  hc_pane_reload (HC_PANE (self));
}

static void
publish_response (AdwMessageDialog *dialog,
                  const char       *response,
                  HcCatalogPane    *self)
{
  HcCatalogVersion *version = g_object_get_data (G_OBJECT (dialog), "version");

  if (!g_str_equal (response, "publish") || version == NULL)
    return;
  hc_client_publish_catalog_version_async (hc_pane_get_client (HC_PANE (self)),
                                           hc_catalog_version_get_year (version),
                                           hc_catalog_version_get_etag (version),
                                           hc_pane_get_cancellable (HC_PANE (self)),
                                           published_cb, g_object_ref (self));
}

/* Asks, naming what changes against @diff's older year (or that there is none). */
static void
ask_publish (HcCatalogPane    *self,
             HcCatalogVersion *version,
             HcCatalogDiff    *diff)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  heading = g_strdup_printf (_("Publish the %d Catalog?"), hc_catalog_version_get_year (version));
  if (diff != NULL)
    /* Translators: the changes against the last published year, "与 2024 年度相比：新增 3 项、删除 2 项、修改 11 项。" */
    body = g_strdup_printf (_("Against the published %d catalog: %u added, %u removed, %u changed. Once published, the catalog can no longer be changed."),
                            hc_catalog_diff_get_from (diff),
                            g_list_model_get_n_items (hc_catalog_diff_get_added (diff)),
                            g_list_model_get_n_items (hc_catalog_diff_get_removed (diff)),
                            hc_catalog_diff_get_n_changed (diff));
  else
    body = g_strdup_printf (_("No earlier catalog is published; its %u items become the first. Once published, the catalog can no longer be changed."),
                            (guint) hc_catalog_version_get_item_count (version));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));
  g_object_set_data_full (G_OBJECT (dialog), "version", g_object_ref (version), g_object_unref);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "publish", _("_Publish"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (publish_response), self, 0);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
publish_diff_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HcCatalogPane *self = g_task_get_source_object (task);
  HcCatalogVersion *version = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcCatalogDiff) diff = hc_client_diff_catalog_finish (HC_CLIENT (source), result, &error);

  if (diff == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        say (self, error->message);
      return;
    }
  ask_publish (self, version, diff);
}

static void
publish_version_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HcCatalogPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcCatalogVersion) version = hc_client_get_catalog_version_finish (HC_CLIENT (source), result, &error);
  int against = 0;
  GTask *task;

  if (version == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        say (self, error->message);
      return;
    }
  /* The newest published year before it. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->versions)); i++)
    {
      g_autoptr(HcCatalogVersion) v = g_list_model_get_item (G_LIST_MODEL (self->versions), i);
      int year = hc_catalog_version_get_year (v);

      if (hc_catalog_version_get_published (v) && year < hc_catalog_version_get_year (version) && year > against)
        against = year;
    }
  if (against == 0)
    {
      ask_publish (self, version, NULL);
      return;
    }
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (version), g_object_unref);
  hc_client_diff_catalog_async (HC_CLIENT (source), against, hc_catalog_version_get_year (version),
                                hc_pane_get_cancellable (HC_PANE (self)), publish_diff_cb, task);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HcCatalogPane *self = HC_CATALOG_PANE (widget);

  if (self->year == 0 || !may_publish (self))
    return;
  hc_client_get_catalog_version_async (hc_pane_get_client (HC_PANE (self)), self->year,
                                       hc_pane_get_cancellable (HC_PANE (self)),
                                       publish_version_cb, g_object_ref (self));
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

  gtk_widget_class_install_action (widget_class, "catalog.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "catalog.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "catalog.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "catalog.new-draft", NULL, new_draft_action);
  gtk_widget_class_install_action (widget_class, "catalog.publish", NULL, publish_action);

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
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_count (self);
  update_actions (self);
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
