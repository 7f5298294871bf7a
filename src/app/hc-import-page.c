/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcImportPage: 归集 — pick a record kind, a catalog item and a department's
 * file, send it with progress, show the counts and rejected rows, offer the
 * full rejection report, and list the past imports. */
#define G_LOG_DOMAIN "hc-import-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-import-page.h"
#include "hc-format.h"
#include "hc-import-record.h"
#include "hc-import-rejection.h"

/* The kind row's positions, in the order of the .ui file. */
static const char * const kinds[] = { "penalty", "license", "commitment", "registration" };
/* The encoding row's positions: automatic, UTF-8, GB18030. */
static const char * const encodings[] = { NULL, "utf-8", "gb18030" };

struct _HcImportPage
{
  GtkWidget          parent_instance;

  AdwToastOverlay   *toast_overlay;
  AdwComboRow       *kind_row;
  AdwComboRow       *item_row;
  GtkStringList     *item_names;
  AdwActionRow      *file_row;
  AdwComboRow       *encoding_row;
  GtkLabel          *status_label;
  GtkWidget         *progress_box;
  GtkLabel          *progress_label;
  GtkProgressBar    *progress_bar;
  GtkWidget         *result_group;
  GtkLabel          *summary_label;
  GtkNoSelection    *rejection_selection;
  GtkNoSelection    *history_selection;

  GArray            *item_ids;
  GPtrArray         *item_departments;
  GFile             *file;
  HcImportResult    *result;
  guint              pulse_id;
  gboolean           busy;
  gboolean           uploaded;

  HcClient          *client;
  GCancellable      *cancellable;
  GCancellable      *items_cancellable;
  GtkNativeDialog   *chooser;
  AdwMessageDialog  *dialog;
};

G_DEFINE_FINAL_TYPE (HcImportPage, hc_import_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CLIENT, PROP_FILE, PROP_BUSY, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void start_import (HcImportPage *self,
                          gboolean      force);
static void item_changed (HcImportPage *self);

static char *
format_count (GtkListItem *item,
              gint64       count)
{
  return hc_format_count (count);
}

static char *
format_time (GtkListItem *item,
             const char  *at)
{
  g_autoptr(GDateTime) utc = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (at ? at : "");
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
show_toast (HcImportPage *self,
            const char   *message)
{
  gtk_label_set_label (self->status_label, message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static gint64
selected_item (HcImportPage *self)
{
  guint pos = adw_combo_row_get_selected (self->item_row);

  if (self->item_ids == NULL || pos == GTK_INVALID_LIST_POSITION || pos >= self->item_ids->len)
    return 0;
  return g_array_index (self->item_ids, gint64, pos);
}

static void
update_actions (HcImportPage *self)
{
  gboolean signed_in = self->client != NULL && hc_client_get_signed_in (self->client);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start",
                                 signed_in && !self->busy && self->file != NULL && selected_item (self) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-rejections",
                                 signed_in && self->result != NULL && self->result->rejected > 0);
}

static void
set_busy (HcImportPage *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->item_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->encoding_row), !busy);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

/* History */

static void
history_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcImportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = hc_client_list_imports_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (history == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  gtk_no_selection_set_model (self->history_selection, history);
}

static void
load_history (HcImportPage *self)
{
  hc_client_list_imports_async (self->client, self->cancellable, history_cb, g_object_ref (self));
}

/* Catalog items of the chosen kind */

static void
items_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcImportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = hc_client_list_catalog_items_finish (HC_CLIENT (source), result, &error);
  g_autoptr(GPtrArray) names = NULL;
  guint n_items;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (items == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  g_array_set_size (self->item_ids, 0);
  g_ptr_array_set_size (self->item_departments, 0);
  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(HcCatalogItem) item = g_list_model_get_item (items, i);
      gint64 id = hc_catalog_item_get_id (item);

      g_array_append_val (self->item_ids, id);
      g_ptr_array_add (self->item_departments, g_strdup (hc_catalog_item_get_department_name (item)));
      g_ptr_array_add (names, g_strdup (hc_catalog_item_get_name (item)));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->item_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->item_names)),
                          (const char * const *) names->pdata);
  item_changed (self);
  if (n_items == 0)
    gtk_label_set_label (self->status_label,
                         _("The catalog has no item of this kind. Add one in the catalog before importing."));
  else
    gtk_label_set_label (self->status_label, "");
  update_actions (self);
}

static void
load_items (HcImportPage *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  g_cancellable_cancel (self->items_cancellable);
  g_clear_object (&self->items_cancellable);
  if (self->client == NULL || !hc_client_get_signed_in (self->client))
    return;
  if (kind >= G_N_ELEMENTS (kinds))
    kind = 0;

  self->items_cancellable = g_cancellable_new ();
  hc_client_list_catalog_items_async (self->client, kinds[kind], self->items_cancellable,
                                      items_cb, g_object_ref (self));
}

/* The item's 信源单位 under its name: items of two departments may share one. */
static void
item_changed (HcImportPage *self)
{
  guint pos = adw_combo_row_get_selected (self->item_row);
  const char *department = pos < self->item_departments->len ? g_ptr_array_index (self->item_departments, pos) : NULL;
  g_autofree char *subtitle = NULL;

  if (department != NULL && department[0] != '\0')
    subtitle = g_strdup_printf (_("Source department: %s"), department);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->item_row), subtitle ? subtitle : "");
  update_actions (self);
}

static void
kind_changed (HcImportPage *self)
{
  g_array_set_size (self->item_ids, 0);
  g_ptr_array_set_size (self->item_departments, 0);
  gtk_string_list_splice (self->item_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->item_names)), NULL);
  update_actions (self);
  load_items (self);
}

/* Import */

static gboolean
pulse_cb (gpointer user_data)
{
  HcImportPage *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
progress_cb (goffset  current,
             goffset  total,
             gpointer user_data)
{
  HcImportPage *self = user_data;

  if (self->uploaded)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) current / total : 1.0);
  if (current >= total)
    {
      /* The server answers once every row is checked and written. */
      self->uploaded = TRUE;
      gtk_label_set_label (self->progress_label, _("Checking and writing the rows…"));
      if (self->pulse_id == 0)
        self->pulse_id = g_timeout_add (150, pulse_cb, self);
    }
}

static void
show_result (HcImportPage   *self,
             HcImportResult *result)
{
  g_autofree char *read = hc_format_count (result->rows_read);
  g_autofree char *accepted = hc_format_count (result->accepted);
  g_autofree char *rejected = hc_format_count (result->rejected);
  g_autofree char *summary = NULL;

  g_clear_pointer (&self->result, hc_import_result_unref);
  self->result = hc_import_result_ref (result);

  summary = g_strdup_printf (_("%s rows read from “%s”: %s accepted, %s rejected, in %.1f s."),
                             read, result->file_name, accepted, rejected, result->duration_ms / 1000.0);
  if (result->rejections_truncated)
    {
      g_autofree char *more = g_strdup_printf (_("%s The list shows the first %u rejections; the full report has them all."),
                                               summary, g_list_model_get_n_items (result->rejections));
      g_free (summary);
      summary = g_steal_pointer (&more);
    }
  gtk_label_set_label (self->summary_label, summary);
  gtk_no_selection_set_model (self->rejection_selection, result->rejections);
  gtk_widget_set_visible (self->result_group, TRUE);
}

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  HcImportPage *self = user_data;

  /* Answered: the dialog goes now, not whenever its last reference does. */
  if (self->dialog == dialog)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
      self->dialog = NULL;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (g_strcmp0 (response, "force") == 0)
    start_import (self, TRUE);
}

static void
show_already_imported (HcImportPage *self)
{
  const char *role = hc_client_get_role (self->client);
  gboolean may_force = g_strcmp0 (role, "supervisor") == 0 || g_strcmp0 (role, "admin") == 0;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("This File Was Imported Before"), NULL));
  if (may_force)
    {
      adw_message_dialog_set_body (dialog, _("The same file, byte for byte, was imported earlier. Importing it again writes its new rows; rows already in the database are rejected as duplicates."));
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "force", _("_Import Again"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "force", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "cancel");
    }
  else
    {
      adw_message_dialog_set_body (dialog, _("The same file, byte for byte, was imported earlier. Only a supervisor or an administrator may import it again: ask one if the file must be imported twice, or choose the department’s newer file."));
      adw_message_dialog_add_response (dialog, "cancel", _("_Close"));
    }
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
  self->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
stop_progress (HcImportPage *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_set_visible (self->progress_box, FALSE);
}

static void
import_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcImportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcImportResult) answer = hc_client_import_file_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  stop_progress (self);
  set_busy (self, FALSE);
  if (answer == NULL)
    {
      if (g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_CONFLICT) &&
          g_strcmp0 (hc_client_error_get_code (error), "already_imported") == 0)
        {
          gtk_label_set_label (self->status_label, error->message);
          show_already_imported (self);
        }
      else
        show_toast (self, error->message);
      return;
    }
  gtk_label_set_label (self->status_label, "");
  show_result (self, answer);
  update_actions (self);
  load_history (self);
}

static void
start_import (HcImportPage *self,
              gboolean      force)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  gint64 item = selected_item (self);

  if (self->busy || self->file == NULL || item <= 0 || self->client == NULL)
    return;
  if (kind >= G_N_ELEMENTS (kinds))
    kind = 0;
  if (encoding >= G_N_ELEMENTS (encodings))
    encoding = 0;

  set_busy (self, TRUE);
  self->uploaded = FALSE;
  gtk_label_set_label (self->status_label, "");
  gtk_label_set_label (self->progress_label, _("Sending the file…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (self->progress_box, TRUE);
  hc_client_import_file_async (self->client, self->file, kinds[kind], item, encodings[encoding], force,
                               progress_cb, self, self->cancellable, import_cb, g_object_ref (self));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  start_import (HC_IMPORT_PAGE (widget), FALSE);
}

/* Choosing the file */

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  HcImportPage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      hc_import_page_set_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static GtkFileFilter *
new_filter (const char         *name,
            const char * const *mime_types,
            const char * const *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  return filter;
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  HcImportPage *self = HC_IMPORT_PAGE (widget);
  static const char * const table_types[] = { "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", NULL };
  static const char * const table_patterns[] = { "*.csv", "*.CSV", "*.xlsx", "*.XLSX", NULL };
  static const char * const csv_types[] = { "text/csv", NULL };
  static const char * const csv_patterns[] = { "*.csv", "*.CSV", NULL };
  static const char * const xlsx_types[] = { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", NULL };
  static const char * const xlsx_patterns[] = { "*.xlsx", "*.XLSX", NULL };
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) all = NULL;
  g_autoptr(GtkFileFilter) csv = NULL;
  g_autoptr(GtkFileFilter) xlsx = NULL;
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Choose a Department File"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  all = new_filter (_("Tables (CSV, XLSX)"), table_types, table_patterns);
  csv = new_filter (_("CSV files"), csv_types, csv_patterns);
  xlsx = new_filter (_("Excel workbooks (XLSX)"), xlsx_types, xlsx_patterns);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* Saving the full rejection report */

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcImportPage) self = user_data;
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

static void
report_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcImportPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hc_client_download_rejections_finish (HC_CLIENT (source), result, &error);
  GFile *target;

  target = g_object_get_data (G_OBJECT (self), "hc-report-target");
  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  g_file_replace_contents_bytes_async (target, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, saved_cb, g_object_ref (self));
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  HcImportPage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->result != NULL && self->client != NULL)
    {
      GFile *file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_object_set_data_full (G_OBJECT (self), "hc-report-target", file, g_object_unref);
      hc_client_download_rejections_async (self->client, self->result->import_id, self->cancellable,
                                           report_cb, g_object_ref (self));
    }
  g_clear_object (&self->chooser);
}

static void
save_rejections_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  HcImportPage *self = HC_IMPORT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL || self->result == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save the Rejection Report"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  id = g_strdup_printf ("%" G_GINT64_FORMAT, self->result->import_id);
  /* TRANSLATORS: the file name offered for an import's rejection report; %s is the import's number */
  name = g_strdup_printf (_("rejections-%s.csv"), id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* The object */

static void
hc_import_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hc_import_page_parent_class)->map (widget);
  hc_import_page_refresh (HC_IMPORT_PAGE (widget));
}

static void
hc_import_page_dispose (GObject *object)
{
  HcImportPage *self = HC_IMPORT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->items_cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  if (self->dialog != NULL)
    {
      AdwMessageDialog *dialog = self->dialog;

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
      self->dialog = NULL;
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  g_clear_object (&self->cancellable);
  g_clear_object (&self->items_cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->file);
  g_clear_pointer (&self->result, hc_import_result_unref);
  g_clear_pointer (&self->item_ids, g_array_unref);
  g_clear_pointer (&self->item_departments, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_IMPORT_PAGE);

  G_OBJECT_CLASS (hc_import_page_parent_class)->dispose (object);
}

static void
hc_import_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HcImportPage *self = HC_IMPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, hc_import_page_get_client (self));
      break;
    case PROP_FILE:
      g_value_set_object (value, hc_import_page_get_file (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, hc_import_page_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_import_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HcImportPage *self = HC_IMPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      hc_import_page_set_client (self, g_value_get_object (value));
      break;
    case PROP_FILE:
      hc_import_page_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_import_page_class_init (HcImportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_import_page_dispose;
  object_class->get_property = hc_import_page_get_property;
  object_class->set_property = hc_import_page_set_property;
  widget_class->map = hc_import_page_map;

  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.save-rejections", NULL, save_rejections_action);

  g_type_ensure (HC_TYPE_IMPORT_RECORD);
  g_type_ensure (HC_TYPE_IMPORT_REJECTION);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-import-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HcImportPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HcImportPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, HcImportPage, item_row);
  gtk_widget_class_bind_template_child (widget_class, HcImportPage, item_names);
  gtk_widget_class_bind_template_child (widget_class, HcImportPage, file_row);
  gtk_widget_class_bind_template_child (widget_class, HcImportPage, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, HcImportPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, HcImportPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, HcImportPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, HcImportPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HcImportPage, result_group);
  gtk_widget_class_bind_template_child (widget_class, HcImportPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HcImportPage, rejection_selection);
  gtk_widget_class_bind_template_child (widget_class, HcImportPage, history_selection);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, item_changed);
  gtk_widget_class_bind_template_callback (widget_class, format_count);
  gtk_widget_class_bind_template_callback (widget_class, format_time);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_import_page_init (HcImportPage *self)
{
  self->item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->item_departments = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

HcClient *
hc_import_page_get_client (HcImportPage *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_PAGE (self), NULL);
  return self->client;
}

void
hc_import_page_set_client (HcImportPage *self,
                           HcClient     *client)
{
  g_return_if_fail (HC_IS_IMPORT_PAGE (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (g_set_object (&self->client, client))
    {
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT]);
    }
}

/**
 * hc_import_page_refresh:
 * Loads the catalog items of the chosen kind and the past imports again.
 */
void
hc_import_page_refresh (HcImportPage *self)
{
  g_return_if_fail (HC_IS_IMPORT_PAGE (self));

  update_actions (self);
  if (self->client == NULL || !hc_client_get_signed_in (self->client))
    return;
  load_items (self);
  load_history (self);
}

GFile *
hc_import_page_get_file (HcImportPage *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_PAGE (self), NULL);
  return self->file;
}

/**
 * hc_import_page_set_file:
 * The file to import, as the file chooser sets it (and tests, which cannot
 * drive a native chooser).
 */
void
hc_import_page_set_file (HcImportPage *self,
                         GFile        *file)
{
  g_return_if_fail (HC_IS_IMPORT_PAGE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (!g_set_object (&self->file, file))
    return;
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      adw_action_row_set_subtitle (self->file_row, name);
    }
  else
    adw_action_row_set_subtitle (self->file_row, _("No file chosen"));
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
}

const char *
hc_import_page_get_kind (HcImportPage *self)
{
  guint kind;

  g_return_val_if_fail (HC_IS_IMPORT_PAGE (self), NULL);
  kind = adw_combo_row_get_selected (self->kind_row);
  return kind < G_N_ELEMENTS (kinds) ? kinds[kind] : kinds[0];
}

/* @kind: "penalty", "license", "commitment" or "registration" */
void
hc_import_page_set_kind (HcImportPage *self,
                         const char   *kind)
{
  g_return_if_fail (HC_IS_IMPORT_PAGE (self));
  g_return_if_fail (kind != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i], kind))
      adw_combo_row_set_selected (self->kind_row, i);
}

/* How many catalog items the item row offers (0 until they are loaded). */
guint
hc_import_page_get_n_items (HcImportPage *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_PAGE (self), 0);
  return self->item_ids->len;
}

gboolean
hc_import_page_select_item (HcImportPage *self,
                            gint64        item_id)
{
  g_return_val_if_fail (HC_IS_IMPORT_PAGE (self), FALSE);

  for (guint i = 0; i < self->item_ids->len; i++)
    if (g_array_index (self->item_ids, gint64, i) == item_id)
      {
        adw_combo_row_set_selected (self->item_row, i);
        update_actions (self);
        return TRUE;
      }
  return FALSE;
}

gboolean
hc_import_page_get_busy (HcImportPage *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_PAGE (self), FALSE);
  return self->busy;
}

/* The last import's result, or NULL. */
HcImportResult *
hc_import_page_get_result (HcImportPage *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_PAGE (self), NULL);
  return self->result;
}

const char *
hc_import_page_get_summary_text (HcImportPage *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_PAGE (self), NULL);
  return gtk_label_get_label (self->summary_label);
}

/* What the page last said under the form: an error, or "". */
const char *
hc_import_page_get_status_text (HcImportPage *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_PAGE (self), NULL);
  return gtk_label_get_label (self->status_label);
}

/* The rejections the list shows (HcImportRejection), or NULL. */
GListModel *
hc_import_page_get_rejections (HcImportPage *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_PAGE (self), NULL);
  return gtk_no_selection_get_model (self->rejection_selection);
}

/* The past imports the page shows (HcImportRecord), or NULL. */
GListModel *
hc_import_page_get_history (HcImportPage *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_PAGE (self), NULL);
  return gtk_no_selection_get_model (self->history_selection);
}

/* The "imported before" dialog while it is shown, or NULL. */
AdwMessageDialog *
hc_import_page_get_dialog (HcImportPage *self)
{
  g_return_val_if_fail (HC_IS_IMPORT_PAGE (self), NULL);
  return self->dialog;
}
