/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcQualityView: 数据质量 (表1 数据治理) per source department and month, as
 * the server counts it: records received, rejected, 错码 and 重码 and the
 * 统一社会信用代码重错码率, other errors and the 其他类型数据重错率; a rate
 * over the 0.1 % line carries a red badge, and a switch keeps only such
 * rows. The row picked lists the imports behind it, each with its
 * rejection report (GET /imports/{id}/rejections.csv). It asks the server
 * only while it is shown; Export takes the year shown. */
#define G_LOG_DOMAIN "hc-quality-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-export-button.h"
#include "hc-format.h"
#include "hc-import-record.h"
#include "hc-quality-view.h"

struct _HcQualityView
{
  GtkWidget           parent_instance;

  /* template children */
  GtkDropDown        *year_dropdown;
  GtkCheckButton     *over_only_check;
  GtkLabel           *summary_label;
  GtkSpinner         *spinner;
  GtkLabel           *message_label;
  GtkSingleSelection *selection;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  GtkColumnView      *month_view;
  GtkLabel           *imports_label;
  GtkListBox         *import_list;

  /* state */
  HcClient           *client;
  GListModel         *versions;   /* of HcCatalogVersion: the years offered */
  GArray             *years;      /* int, by year_dropdown position - 1 */
  GListStore         *rows;       /* of HcQualityMonth, the year's */
  GtkFilter          *over_filter;  /* over the line only, while the switch is on */
  GCancellable       *cancellable;
  GtkNativeDialog    *chooser;
  AdwToast           *toast;      /* weak: the last toast shown */
  int                 year;       /* 0: every year */
  gboolean            year_picked;
  gboolean            loading;
  gboolean            stale;      /* to ask again once shown */
  gboolean            setting;    /* the year list is set by code */
};

G_DEFINE_FINAL_TYPE (HcQualityView, hc_quality_view, GTK_TYPE_WIDGET)

static char *
format_count (GtkListItem *item,
              gint64       count)
{
  return hc_format_count (count);
}

/* The badge of a rate over the line (a closure: text inside a cell's
 * template is not translated). */
static char *
over_label (GtkListItem *item)
{
  return g_strdup (_("Over 0.1%"));
}

static void
set_message (HcQualityView *self,
             const char    *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
show_toast (HcQualityView *self,
            const char    *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast = adw_toast_new (title);

  g_set_weak_pointer (&self->toast, toast);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_message ("%s", title);
      g_object_unref (toast);
    }
}

static void
update_summary (HcQualityView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint over = 0;
  g_autofree char *rows = NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcQualityMonth) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      over += hc_quality_month_get_over_line (row);
    }
  rows = g_strdup_printf (ngettext ("%u department-month", "%u department-months", n), n);
  summary = g_strdup_printf (ngettext ("%s, %u over the 0.1%% line", "%s, %u over the 0.1%% line", over), rows, over);
  gtk_label_set_text (self->summary_label, summary);
}

/* ---- the imports behind the row picked ------------------------------------ */

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcQualityView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("The report cannot be saved: %s. Choose another folder."), error->message);
      show_toast (self, message);
      return;
    }
  show_toast (self, _("The rejection report is saved."));
}

typedef struct
{
  HcQualityView *self;
  GFile         *file;
} Saving;

static void
saving_free (Saving *saving)
{
  g_object_unref (saving->self);
  g_object_unref (saving->file);
  g_free (saving);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Saving, saving_free)

static void
report_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Saving) saving = user_data;
  HcQualityView *self = saving->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hc_client_download_rejections_finish (HC_CLIENT (source), result, &error);

  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  g_file_replace_contents_bytes_async (saving->file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, saved_cb, g_object_ref (self));
}

/* Writes the rejection report of import @import_id to @file (a toast says how it went). */
void
hc_quality_view_save_rejections (HcQualityView *self,
                                 gint64         import_id,
                                 GFile         *file)
{
  Saving *saving;

  g_return_if_fail (HC_IS_QUALITY_VIEW (self));
  g_return_if_fail (import_id > 0);
  g_return_if_fail (G_IS_FILE (file));

  if (self->client == NULL)
    return;
  saving = g_new0 (Saving, 1);
  saving->self = g_object_ref (self);
  saving->file = g_object_ref (file);
  hc_client_download_rejections_async (self->client, import_id, self->cancellable, report_cb, saving);
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  HcQualityView *self = user_data;
  gint64 import_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "hc-import-id"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      hc_quality_view_save_rejections (self, import_id, file);
    }
  g_clear_object (&self->chooser);
}

static void
report_clicked (GtkButton     *button,
                HcQualityView *self)
{
  gint64 import_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "hc-import-id"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, import_id);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save the Rejection Report"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf (_("rejections-%s.csv"), id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "hc-import-id", GSIZE_TO_POINTER (import_id));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static char *
local_time (const char *at)
{
  g_autoptr(GDateTime) utc = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (at ? at : "");
}

static GtkWidget *
import_row (gpointer item,
            gpointer user_data)
{
  HcImportRecord *record = item;
  HcQualityView *self = user_data;
  g_autofree char *when = local_time (hc_import_record_get_at (record));
  g_autofree char *read = hc_format_count (hc_import_record_get_rows_read (record));
  g_autofree char *rejected = hc_format_count (hc_import_record_get_rejected (record));
  g_autofree char *malformed = hc_format_count (hc_import_record_get_uscc_errors (record));
  g_autofree char *other = hc_format_count (hc_import_record_get_other_errors (record));
  g_autofree char *duplicates = hc_format_count (hc_import_record_get_uscc_duplicates (record));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  /* TRANSLATORS: an import behind a data-quality row: when, catalog item,
   * rows read, rejected, of those with a malformed code, other errors, and
   * the records whose code names another subject */
  subtitle = g_strdup_printf (_("%s · %s · %s received, %s rejected (%s malformed codes, %s other errors) · "
                                "%s duplicate codes"),
                              when, hc_import_record_get_item_name (record), read, rejected, malformed, other,
                              duplicates);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hc_import_record_get_file_name (record));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  button = gtk_button_new_with_mnemonic (_("_Rejection Report…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Save every rejected row of this import as CSV"));
  g_object_set_data (G_OBJECT (button), "hc-import-id", GSIZE_TO_POINTER (hc_import_record_get_id (record)));
  g_signal_connect_object (button, "clicked", G_CALLBACK (report_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
month_selected (HcQualityView *self)
{
  HcQualityMonth *row = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *heading = NULL;

  if (row == NULL)
    {
      gtk_list_box_bind_model (self->import_list, NULL, NULL, NULL, NULL);
      gtk_label_set_text (self->imports_label, _("Pick a row to see the imports behind it."));
      return;
    }
  heading = g_strdup_printf (_("Imports of %s in %s"), hc_quality_month_get_department (row),
                             hc_quality_month_get_month (row));
  gtk_label_set_text (self->imports_label, heading);
  gtk_list_box_bind_model (self->import_list, hc_quality_month_get_imports (row), import_row, self, NULL);
}

/* ---- loading ------------------------------------------------------------------ */

static void
set_loading (HcQualityView *self,
             gboolean       loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
}

static void
months_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcQualityView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = hc_client_list_quality_months_finish (HC_CLIENT (source), result, &error);
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (rows == NULL)
    {
      set_message (self, error->message);
      return;
    }
  set_message (self, NULL);
  n = g_list_model_get_n_items (rows);
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (items, g_list_model_get_item (rows, i));
    g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), items->pdata, n);
  }
  if (n == 0)
    set_message (self, _("No imports in this year."));
  update_summary (self);
}

static void
load (HcQualityView *self)
{
  self->stale = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  hc_client_list_quality_months_async (self->client, self->year, self->cancellable, months_cb, g_object_ref (self));
}

static void
request_load (HcQualityView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->stale = TRUE;
}

static void
year_changed (HcQualityView *self)
{
  guint position = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->setting)
    return;
  self->year = position != GTK_INVALID_LIST_POSITION && position > 0 && position - 1 < self->years->len
    ? g_array_index (self->years, int, position - 1) : 0;
  self->year_picked = TRUE;
  request_load (self);
}

static void
over_only_toggled (HcQualityView *self)
{
  gboolean over_only = gtk_check_button_get_active (self->over_only_check);

  gtk_filter_list_model_set_filter (self->filter_model, over_only ? self->over_filter : NULL);
}

/* The catalog's years are the years offered; at first the newest. */
static void
versions_changed (HcQualityView *self)
{
  guint n = g_list_model_get_n_items (self->versions);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->years, 0);
  gtk_string_list_append (names, _("All years"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcCatalogVersion) version = g_list_model_get_item (self->versions, i);
      int year = hc_catalog_version_get_year (version);
      g_autofree char *label = g_strdup_printf (C_("a year in a list", "%d"), year);

      g_array_append_val (self->years, year);
      gtk_string_list_append (names, label);
      if ((self->year_picked && year == self->year) || (!self->year_picked && i == 0))
        selected = i + 1;
    }
  if (!self->year_picked)
    self->year = n > 0 ? g_array_index (self->years, int, 0) : 0;
  self->setting = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->setting = FALSE;
  request_load (self);
}

static void
hc_quality_view_map (GtkWidget *widget)
{
  HcQualityView *self = HC_QUALITY_VIEW (widget);

  GTK_WIDGET_CLASS (hc_quality_view_parent_class)->map (widget);
  if (self->stale)
    load (self);
}

static void
hc_quality_view_dispose (GObject *object)
{
  HcQualityView *self = HC_QUALITY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->toast);
  if (self->versions != NULL)
    g_signal_handlers_disconnect_by_data (self->versions, self);
  gtk_list_box_bind_model (self->import_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_QUALITY_VIEW);
  g_clear_object (&self->versions);
  g_clear_object (&self->client);
  g_clear_object (&self->rows);
  g_clear_object (&self->over_filter);
  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (hc_quality_view_parent_class)->dispose (object);
}

static void
hc_quality_view_class_init (HcQualityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_quality_view_dispose;
  widget_class->map = hc_quality_view_map;

  g_type_ensure (HC_TYPE_QUALITY_MONTH);
  g_type_ensure (HC_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-quality-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HcQualityView, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcQualityView, over_only_check);
  gtk_widget_class_bind_template_child (widget_class, HcQualityView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HcQualityView, spinner);
  gtk_widget_class_bind_template_child (widget_class, HcQualityView, message_label);
  gtk_widget_class_bind_template_child (widget_class, HcQualityView, selection);
  gtk_widget_class_bind_template_child (widget_class, HcQualityView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, HcQualityView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, HcQualityView, month_view);
  gtk_widget_class_bind_template_child (widget_class, HcQualityView, imports_label);
  gtk_widget_class_bind_template_child (widget_class, HcQualityView, import_list);
  gtk_widget_class_bind_template_callback (widget_class, format_count);
  gtk_widget_class_bind_template_callback (widget_class, over_label);
  gtk_widget_class_bind_template_callback (widget_class, year_changed);
  gtk_widget_class_bind_template_callback (widget_class, over_only_toggled);
  gtk_widget_class_bind_template_callback (widget_class, month_selected);
}

static void
hc_quality_view_init (HcQualityView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->rows = g_list_store_new (HC_TYPE_QUALITY_MONTH);
  self->over_filter = GTK_FILTER (gtk_bool_filter_new (gtk_property_expression_new (HC_TYPE_QUALITY_MONTH, NULL,
                                                                                     "over-line")));
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->rows));
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->month_view));
  update_summary (self);
}

void
hc_quality_view_set_client (HcQualityView *self,
                            HcClient      *client)
{
  g_return_if_fail (HC_IS_QUALITY_VIEW (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  g_list_store_remove_all (self->rows);
  update_summary (self);
  request_load (self);
}

/* @versions: of HcCatalogVersion, newest first: their years are offered */
void
hc_quality_view_set_versions (HcQualityView *self,
                              GListModel    *versions)
{
  g_return_if_fail (HC_IS_QUALITY_VIEW (self));
  g_return_if_fail (G_IS_LIST_MODEL (versions));

  if (self->versions != NULL)
    g_signal_handlers_disconnect_by_data (self->versions, self);
  g_set_object (&self->versions, versions);
  g_signal_connect_swapped (versions, "items-changed", G_CALLBACK (versions_changed), self);
  versions_changed (self);
}

/* Shows the imports of @year (0: every year), as picking it would. */
void
hc_quality_view_set_year (HcQualityView *self,
                          int            year)
{
  g_return_if_fail (HC_IS_QUALITY_VIEW (self));

  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      {
        gtk_drop_down_set_selected (self->year_dropdown, i + 1);
        return;
      }
  gtk_drop_down_set_selected (self->year_dropdown, 0);
}

/* Returns: the year shown, 0 for every year */
int
hc_quality_view_get_year (HcQualityView *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_VIEW (self), 0);
  return self->year;
}

void
hc_quality_view_set_over_only (HcQualityView *self,
                               gboolean       over_only)
{
  g_return_if_fail (HC_IS_QUALITY_VIEW (self));
  gtk_check_button_set_active (self->over_only_check, over_only);
}

gboolean
hc_quality_view_get_loading (HcQualityView *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_VIEW (self), FALSE);
  return self->loading;
}

/* Returns: what the view says instead of rows (an error, or that there
 * are none), "" otherwise */
const char *
hc_quality_view_get_message (HcQualityView *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_VIEW (self), NULL);
  return gtk_label_get_text (self->message_label);
}

/* Returns: (transfer none): the rows shown (HcQualityMonth), filtered and sorted */
GListModel *
hc_quality_view_get_rows (HcQualityView *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/* Picks the row of @department_id in @month (YYYY-MM); FALSE when it is not shown. */
gboolean
hc_quality_view_select_row (HcQualityView *self,
                            gint64         department_id,
                            const char    *month)
{
  GListModel *rows;

  g_return_val_if_fail (HC_IS_QUALITY_VIEW (self), FALSE);

  rows = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(HcQualityMonth) row = g_list_model_get_item (rows, i);

      if (hc_quality_month_get_department_id (row) == department_id &&
          g_strcmp0 (hc_quality_month_get_month (row), month) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Returns: (transfer none): the list of the imports behind the row picked */
GtkWidget *
hc_quality_view_get_import_list (HcQualityView *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_VIEW (self), NULL);
  return GTK_WIDGET (self->import_list);
}

/* Returns: (transfer none) (nullable): the last toast, while it shows */
AdwToast *
hc_quality_view_get_toast (HcQualityView *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_VIEW (self), NULL);
  return self->toast;
}

/* For the pane's Export: the year shown, as 数据质量-2025. */
char *
hc_quality_view_export_path (HcQualityView  *self,
                             char          **file_name)
{
  g_return_val_if_fail (HC_IS_QUALITY_VIEW (self), NULL);

  if (self->year > 0)
    *file_name = g_strdup_printf ("%s-%d", _("Data quality"), self->year);
  else
    *file_name = g_strdup (_("Data quality"));
  return hc_client_quality_months_path (self->year);
}
