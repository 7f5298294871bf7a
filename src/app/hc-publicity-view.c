/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcPublicityView: 双公示 (专栏4): what is under publicity now — penalties
 * whose publicity has not ended and that were not repaired, licences in
 * force — as the server lists them, filtered by kind, 市县, source
 * department and decision date. The regions and departments of the
 * filters come from the server once. */
#define G_LOG_DOMAIN "hc-publicity-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hc-publicity-view.h"
#include "hc-export-button.h"

struct _HcPublicityView
{
  GtkWidget      parent_instance;

  GtkDropDown   *kind_dropdown;
  GtkDropDown   *region_dropdown;
  GtkDropDown   *department_dropdown;
  GtkEditable   *from_entry;
  GtkEditable   *to_entry;
  GtkLabel      *error_label;
  HcRecordTable *table;

  HcClient      *client;
  GCancellable  *cancellable;
  GPtrArray     *region_codes;    /* index - 1 of region_dropdown → code */
  GArray        *department_ids;  /* index - 1 of department_dropdown → id */
  guint          filters_pending;
};

G_DEFINE_FINAL_TYPE (HcPublicityView, hc_publicity_view, GTK_TYPE_WIDGET)

static const char * const kind_keys[] = { "penalty", "license" };

static gboolean
valid_date (const char *text)
{
  GDate date;

  if (*text == '\0')
    return TRUE;
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  return g_date_valid (&date);
}

static void
apply_filters (HcPublicityView *self)
{
  HcPublicityQuery query = { 0, };
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint region = gtk_drop_down_get_selected (self->region_dropdown);
  guint department = gtk_drop_down_get_selected (self->department_dropdown);

  /* the region and department lists are still on their way */
  if (self->client == NULL || self->filters_pending > 0)
    return;
  query.kind = kind < G_N_ELEMENTS (kind_keys) ? kind_keys[kind] : kind_keys[0];
  if (region != GTK_INVALID_LIST_POSITION && region > 0 && region - 1 < self->region_codes->len)
    query.region = g_ptr_array_index (self->region_codes, region - 1);
  if (department != GTK_INVALID_LIST_POSITION && department > 0 && department - 1 < self->department_ids->len)
    query.department = g_array_index (self->department_ids, gint64, department - 1);
  query.from = gtk_editable_get_text (self->from_entry);
  query.to = gtk_editable_get_text (self->to_entry);
  if (!valid_date (query.from) || !valid_date (query.to))
    {
      gtk_label_set_text (self->error_label, _("Write the date as YYYY-MM-DD, for example 2025-06-01."));
      return;
    }
  gtk_label_set_text (self->error_label, "");
  hc_record_table_show_publicity (self->table, &query);
}

static void
set_model (HcPublicityView *self,
           GtkDropDown     *dropdown,
           GtkStringList   *names)
{
  g_signal_handlers_block_by_func (dropdown, apply_filters, self);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, 0);
  g_signal_handlers_unblock_by_func (dropdown, apply_filters, self);
}

static void
filter_list_done (HcPublicityView *self,
                  const GError    *error)
{
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_label_set_text (self->error_label, error->message);
  if (self->filters_pending > 0 && --self->filters_pending == 0)
    apply_filters (self);
}

static void
regions_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcPublicityView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) regions = hc_client_list_regions_finish (HC_CLIENT (source), result, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("All regions"));
  g_ptr_array_set_size (self->region_codes, 0);
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    {
      HcRegionInfo *region = g_ptr_array_index (regions, i);

      g_ptr_array_add (self->region_codes, g_strdup (region->code));
      gtk_string_list_append (names, region->name);
    }
  set_model (self, self->region_dropdown, names);
  filter_list_done (self, error);
}

static void
departments_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HcPublicityView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) departments = hc_client_list_departments_finish (HC_CLIENT (source), result, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("All departments"));
  g_array_set_size (self->department_ids, 0);
  for (guint i = 0; departments != NULL && i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(HcDepartment) department = g_list_model_get_item (departments, i);
      gint64 id = hc_department_get_id (department);

      g_array_append_val (self->department_ids, id);
      gtk_string_list_append (names, hc_department_get_name (department));
    }
  set_model (self, self->department_dropdown, names);
  filter_list_done (self, error);
}

/* Loads the filters' lists (once) and the first page. */
void
hc_publicity_view_load (HcPublicityView *self)
{
  g_return_if_fail (HC_IS_PUBLICITY_VIEW (self));

  if (self->client == NULL)
    return;
  if (self->region_codes->len > 0 || self->filters_pending > 0)
    {
      apply_filters (self);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->filters_pending = 2;
  hc_client_list_regions_async (self->client, self->cancellable, regions_cb, g_object_ref (self));
  hc_client_list_departments_async (self->client, self->cancellable, departments_cb, g_object_ref (self));
}

static void
hc_publicity_view_dispose (GObject *object)
{
  HcPublicityView *self = HC_PUBLICITY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_PUBLICITY_VIEW);
  g_clear_object (&self->client);
  g_clear_pointer (&self->region_codes, g_ptr_array_unref);
  g_clear_pointer (&self->department_ids, g_array_unref);

  G_OBJECT_CLASS (hc_publicity_view_parent_class)->dispose (object);
}

static void
hc_publicity_view_class_init (HcPublicityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_publicity_view_dispose;

  g_type_ensure (HC_TYPE_RECORD_TABLE);
  g_type_ensure (HC_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-publicity-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HcPublicityView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcPublicityView, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcPublicityView, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcPublicityView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, HcPublicityView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, HcPublicityView, error_label);
  gtk_widget_class_bind_template_child (widget_class, HcPublicityView, table);
  gtk_widget_class_bind_template_callback (widget_class, apply_filters);
}

static void
hc_publicity_view_init (HcPublicityView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) departments = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->region_codes = g_ptr_array_new_with_free_func (g_free);
  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (kinds, hc_record_table_kind_title ("penalty"));
  gtk_string_list_append (kinds, hc_record_table_kind_title ("license"));
  set_model (self, self->kind_dropdown, kinds);
  gtk_string_list_append (regions, _("All regions"));
  set_model (self, self->region_dropdown, regions);
  gtk_string_list_append (departments, _("All departments"));
  set_model (self, self->department_dropdown, departments);
}

void
hc_publicity_view_set_client (HcPublicityView *self,
                              HcClient        *client)
{
  g_return_if_fail (HC_IS_PUBLICITY_VIEW (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  hc_record_table_set_client (self->table, client);
  /* another server's regions and departments are of no use */
  g_ptr_array_set_size (self->region_codes, 0);
  g_array_set_size (self->department_ids, 0);
  self->filters_pending = 0;
}

HcRecordTable *
hc_publicity_view_get_table (HcPublicityView *self)
{
  g_return_val_if_fail (HC_IS_PUBLICITY_VIEW (self), NULL);
  return self->table;
}

/* Sets the filters as a user would (NULL: all / none) and lists again.
 * @region: a GB/T 2260 code among the loaded regions */
void
hc_publicity_view_set_filters (HcPublicityView *self,
                               const char      *kind,
                               const char      *region,
                               const char      *from,
                               const char      *to)
{
  guint region_index = 0;

  g_return_if_fail (HC_IS_PUBLICITY_VIEW (self));

  for (guint i = 0; region != NULL && i < self->region_codes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->region_codes, i), region))
      region_index = i + 1;
  self->filters_pending++;
  gtk_drop_down_set_selected (self->kind_dropdown, g_strcmp0 (kind, "license") == 0 ? 1 : 0);
  gtk_drop_down_set_selected (self->region_dropdown, region_index);
  gtk_editable_set_text (self->from_entry, from ? from : "");
  gtk_editable_set_text (self->to_entry, to ? to : "");
  self->filters_pending--;
  apply_filters (self);
}

/* Returns: the error the filter row shows, "" for none */
const char *
hc_publicity_view_get_error (HcPublicityView *self)
{
  g_return_val_if_fail (HC_IS_PUBLICITY_VIEW (self), NULL);
  return gtk_label_get_text (self->error_label);
}
