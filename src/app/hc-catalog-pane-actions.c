/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogPane's actions on a version: editing a draft's items (add, edit,
 * delete with Undo), a new year's draft and publishing with the changes
 * against the last published year. The pane itself is hc-catalog-pane.c. */
#define G_LOG_DOMAIN "hc-catalog-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-catalog-item-dialog.h"
#include "hc-catalog-pane-private.h"

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
  _hc_catalog_pane_load_items (self);
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
    _hc_catalog_pane_load_items (self);
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
    _hc_catalog_pane_load_items (self);
  else
    {
      /* The rows are reloaded once the server has answered. */
      self->loading = TRUE;
      /* Not the pane's cancellable: a delete decided on goes on if the pane is left. */
      hc_client_delete_catalog_item_async (hc_pane_get_client (HC_PANE (self)), hc_catalog_item_get_id (item),
                                           hc_catalog_item_get_etag (item), NULL, delete_cb, g_object_ref (self));
    }
  self->undone = FALSE;
  _hc_catalog_pane_update_actions (self);
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
  _hc_catalog_pane_update_count (self);
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
  _hc_catalog_pane_update_actions (self);
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

  if (self->year == 0 || !_hc_catalog_pane_may_publish (self))
    return;
  hc_client_get_catalog_version_async (hc_pane_get_client (HC_PANE (self)), self->year,
                                       hc_pane_get_cancellable (HC_PANE (self)),
                                       publish_version_cb, g_object_ref (self));
}

void
_hc_catalog_pane_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "catalog.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "catalog.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "catalog.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "catalog.new-draft", NULL, new_draft_action);
  gtk_widget_class_install_action (widget_class, "catalog.publish", NULL, publish_action);
}
