/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcAuditPane: the audit log: filters, entries newest first in pages of
 * 100 (“Load More”), and the selected entry's changes field by field. */
#define G_LOG_DOMAIN "hc-audit-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-audit-pane.h"
#include "hc-audit-change.h"
#include "hc-export-button.h"
#include "hc-format.h"

#define PAGE_SIZE 100

struct _HcAuditPane
{
  HcPane        parent_instance;

  GtkSearchBar *search_bar;
  GtkWidget    *search_entry;
  GtkEditable  *from_entry;
  GtkEditable  *to_entry;
  GtkDropDown  *entity_dropdown;
  GtkSingleSelection *selection;
  GtkNoSelection *change_selection;
  GtkLabel     *count_label;
  GtkLabel     *detail_title;

  GListStore   *entries;
  char         *next_cursor;
  gint64        total;
};

G_DEFINE_FINAL_TYPE (HcAuditPane, hc_audit_pane, HC_TYPE_PANE)

static const char * const entity_keys[] = {
  NULL, "subject", "list_entry", "repair", "catalog_item", "catalog_version",
  "indicator_value", "risk_event", "department", "match_run", "commitment", "report",
};

static void
update_count (HcAuditPane *self)
{
  g_autofree char *shown = hc_format_count (g_list_model_get_n_items (G_LIST_MODEL (self->entries)));
  g_autofree char *total = hc_format_count (MAX (self->total, 0));
  /* Translators: entries shown of all that match, "100 / 2,345" */
  g_autofree char *text = g_strdup_printf (_("Showing %s of %s entries"), shown, total);

  gtk_label_set_text (self->count_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.load-more", self->next_cursor != NULL);
}

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcAuditPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcPage) page = hc_client_list_audit_finish (HC_CLIENT (source), result, &error);

  if (page == NULL)
    {
      hc_pane_show_error (HC_PANE (self), error);
      return;
    }
  if (hc_page_get_total (page) >= 0)
    self->total = hc_page_get_total (page);
  g_free (self->next_cursor);
  self->next_cursor = g_strdup (hc_page_get_next_cursor (page));
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < hc_page_get_n_items (page); i++)
      g_ptr_array_add (items, g_list_model_get_item (hc_page_get_items (page), i));
    g_list_store_splice (self->entries, g_list_model_get_n_items (G_LIST_MODEL (self->entries)), 0,
                         items->pdata, items->len);
  }
  update_count (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->entries)) == 0)
    hc_pane_show_empty (HC_PANE (self));
  else
    hc_pane_show_content (HC_PANE (self));
}

static void
get_query (HcAuditPane  *self,
           HcAuditQuery *query)
{
  guint entity = gtk_drop_down_get_selected (self->entity_dropdown);

  *query = (HcAuditQuery) { 0, };
  query->actor = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  query->entity = entity < G_N_ELEMENTS (entity_keys) ? entity_keys[entity] : NULL;
  query->from = gtk_editable_get_text (self->from_entry);
  query->to = gtk_editable_get_text (self->to_entry);
}

static void
fetch (HcAuditPane *self,
       gboolean     first)
{
  HcAuditQuery query;

  get_query (self, &query);
  hc_client_list_audit_async (hc_pane_get_client (HC_PANE (self)), &query,
                              first ? NULL : self->next_cursor, PAGE_SIZE, first,
                              hc_pane_get_cancellable (HC_PANE (self)), page_cb, g_object_ref (self));
}

static void
hc_audit_pane_reload (HcPane *pane)
{
  HcAuditPane *self = HC_AUDIT_PANE (pane);

  hc_pane_show_loading (pane);
  g_list_store_remove_all (self->entries);
  g_clear_pointer (&self->next_cursor, g_free);
  self->total = -1;
  fetch (self, TRUE);
}

/* The log with the filters shown, as 审计日志-20251205. */
static char *
hc_audit_pane_export_path (HcPane  *pane,
                           char   **file_name)
{
  HcAuditPane *self = HC_AUDIT_PANE (pane);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y%m%d");
  HcAuditQuery query;

  get_query (self, &query);
  *file_name = g_strdup_printf ("%s-%s", _("Audit log"), date);
  return hc_client_audit_path (&query);
}

static void
apply_filters (HcAuditPane *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    hc_pane_reload (HC_PANE (self));
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  HcAuditPane *self = HC_AUDIT_PANE (widget);

  if (self->next_cursor == NULL || hc_pane_get_client (HC_PANE (self)) == NULL)
    return;
  gtk_widget_action_set_enabled (widget, "audit.load-more", FALSE);
  fetch (self, FALSE);
}

static void
selection_changed (HcAuditPane *self)
{
  HcAuditEntry *entry = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *title = NULL;

  gtk_no_selection_set_model (self->change_selection, entry ? hc_audit_entry_get_changes (entry) : NULL);
  if (entry != NULL)
    /* Translators: an audit entry's action and object, "修改市场主体 · 市场主体 42" */
    title = g_strdup_printf (_("%s · %s %s"), hc_audit_entry_get_action_label (entry),
                             hc_audit_entry_get_entity_label (entry), hc_audit_entry_get_entity_id (entry));
  gtk_label_set_text (self->detail_title, title ? title : _("Select an entry to see what it changed."));
}

static void
hc_audit_pane_dispose (GObject *object)
{
  HcAuditPane *self = HC_AUDIT_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_AUDIT_PANE);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->next_cursor, g_free);

  G_OBJECT_CLASS (hc_audit_pane_parent_class)->dispose (object);
}

static void
hc_audit_pane_class_init (HcAuditPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HcPaneClass *pane_class = HC_PANE_CLASS (klass);

  object_class->dispose = hc_audit_pane_dispose;
  pane_class->reload = hc_audit_pane_reload;
  pane_class->export_path = hc_audit_pane_export_path;

  gtk_widget_class_install_action (widget_class, "audit.load-more", NULL, load_more_action);

  g_type_ensure (HC_TYPE_AUDIT_ENTRY);
  g_type_ensure (HC_TYPE_AUDIT_CHANGE);
  g_type_ensure (HC_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-audit-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HcAuditPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HcAuditPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HcAuditPane, from_entry);
  gtk_widget_class_bind_template_child (widget_class, HcAuditPane, to_entry);
  gtk_widget_class_bind_template_child (widget_class, HcAuditPane, entity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcAuditPane, selection);
  gtk_widget_class_bind_template_child (widget_class, HcAuditPane, change_selection);
  gtk_widget_class_bind_template_child (widget_class, HcAuditPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, HcAuditPane, detail_title);
  gtk_widget_class_bind_template_callback (widget_class, apply_filters);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed);
}

static void
hc_audit_pane_init (HcAuditPane *self)
{
  g_autoptr(GtkStringList) entities = gtk_string_list_new (NULL);
  const char *labels[] = {
    N_("All objects"), N_("Market subjects"), N_("List entries"), N_("Credit repairs"),
    N_("Catalog items"), N_("Catalog versions"), N_("Indicator values"), N_("Risk events"),
    N_("Departments"), N_("List match runs"), N_("Credit commitments"), N_("Credit reports"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == G_N_ELEMENTS (entity_keys));
  gtk_widget_init_template (GTK_WIDGET (self));
  hc_pane_set_search_bar (HC_PANE (self), self->search_bar, self->search_entry);
  self->entries = g_list_store_new (HC_TYPE_AUDIT_ENTRY);
  self->total = -1;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_string_list_append (entities, _(labels[i]));
  g_signal_handlers_block_by_func (self->entity_dropdown, apply_filters, self);
  gtk_drop_down_set_model (self->entity_dropdown, G_LIST_MODEL (entities));
  g_signal_handlers_unblock_by_func (self->entity_dropdown, apply_filters, self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->entries));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.load-more", FALSE);
}

/* The entries shown (HcAuditEntry), newest first. */
GListModel *
hc_audit_pane_get_entries (HcAuditPane *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_PANE (self), NULL);
  return G_LIST_MODEL (self->entries);
}

/* The changes the detail view shows (HcAuditChange), %NULL without a selection. */
GListModel *
hc_audit_pane_get_shown_changes (HcAuditPane *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_PANE (self), NULL);
  return gtk_no_selection_get_model (self->change_selection);
}
