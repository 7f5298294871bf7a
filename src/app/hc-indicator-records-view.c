/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorRecordsView: the records behind a computed value of 表1, a
 * page of the indicators pane opened from the detail: the repair cases,
 * commitments, catalog items, imports or list entries its numerator and
 * denominator count, each saying whether the numerator counts it, with the
 * value's counts above them. The listing exports as CSV or Excel through
 * the one export mechanism (HcExportButton, listing "indicator-records"). */
#define G_LOG_DOMAIN "hc-indicator-records-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-export-button.h"
#include "hc-indicator-records-view.h"

struct _HcIndicatorRecordsView
{
  GtkWidget       parent_instance;

  /* template children */
  GtkLabel       *title_label;
  GtkLabel       *counts_label;
  GtkStack       *list_stack;
  AdwStatusPage  *empty_page;
  GtkNoSelection *selection;

  /* state */
  char           *records;       /* the records link shown */
  char           *item;
  int             year;
  gboolean        loading;

  /* owned objects */
  HcClient       *client;
  GListModel     *items;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (HcIndicatorRecordsView, hc_indicator_records_view, GTK_TYPE_WIDGET)

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcIndicatorRecordsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;

  items = hc_client_list_indicator_records_finish (HC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (items == NULL)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }
  g_set_object (&self->items, items);
  gtk_no_selection_set_model (self->selection, items);
  adw_status_page_set_description (self->empty_page, _("Nothing is counted in this value: there are no records behind it."));
  gtk_stack_set_visible_child_name (self->list_stack, g_list_model_get_n_items (items) > 0 ? "list" : "empty");
}

void
hc_indicator_records_view_reload (HcIndicatorRecordsView *self)
{
  g_return_if_fail (HC_IS_INDICATOR_RECORDS_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client == NULL || self->records == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  hc_client_list_indicator_records_async (self->client, self->records, self->cancellable, list_cb,
                                          g_object_ref (self));
}

static void
hc_indicator_records_view_dispose (GObject *object)
{
  HcIndicatorRecordsView *self = HC_INDICATOR_RECORDS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->items);
  g_clear_pointer (&self->records, g_free);
  g_clear_pointer (&self->item, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_INDICATOR_RECORDS_VIEW);

  G_OBJECT_CLASS (hc_indicator_records_view_parent_class)->dispose (object);
}

static void
hc_indicator_records_view_class_init (HcIndicatorRecordsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_indicator_records_view_dispose;

  g_type_ensure (HC_TYPE_INDICATOR_RECORD);
  g_type_ensure (HC_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-indicator-records-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorRecordsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorRecordsView, counts_label);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorRecordsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorRecordsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorRecordsView, selection);
}

static void
hc_indicator_records_view_init (HcIndicatorRecordsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

void
hc_indicator_records_view_set_client (HcIndicatorRecordsView *self,
                                      HcClient               *client)
{
  g_return_if_fail (HC_IS_INDICATOR_RECORDS_VIEW (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (g_set_object (&self->client, client))
    hc_indicator_records_view_reload (self);
}

/**
 * hc_indicator_records_view_show:
 * @records: the value's records link (HcIndicatorYear.records)
 * @item: the indicator's name
 *
 * Lists the records behind the value of @item in @year.
 */
void
hc_indicator_records_view_show (HcIndicatorRecordsView *self,
                                const char             *records,
                                const char             *item,
                                int                     year,
                                gint64                  numerator,
                                gint64                  denominator)
{
  g_autofree char *title = NULL;
  g_autofree char *counts = NULL;

  g_return_if_fail (HC_IS_INDICATOR_RECORDS_VIEW (self));
  g_return_if_fail (records != NULL);

  g_free (self->records);
  self->records = g_strdup (records);
  g_free (self->item);
  self->item = g_strdup (item);
  self->year = year;
  /* Translators: the records page's title: the indicator and the year */
  title = g_strdup_printf (_("Records behind %s, %d"), item, year);
  gtk_label_set_label (self->title_label, title);
  /* Translators: a computed value's numerator and denominator */
  counts = g_strdup_printf (_("The value counts %lld of %lld; the list shows each record and whether the numerator counts it (at most 1,000)."),
                            (long long) numerator, (long long) denominator);
  gtk_label_set_label (self->counts_label, counts);
  g_clear_object (&self->items);
  gtk_no_selection_set_model (self->selection, NULL);
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
  hc_indicator_records_view_reload (self);
}

/**
 * hc_indicator_records_view_get_items:
 * Returns: (transfer none) (nullable): the records listed (of
 *   HcIndicatorRecord), NULL while they load
 */
GListModel *
hc_indicator_records_view_get_items (HcIndicatorRecordsView *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_RECORDS_VIEW (self), NULL);
  return self->loading ? NULL : self->items;
}

/**
 * hc_indicator_records_view_export_path:
 * @file_name: (out): the name the file chooser proposes
 *
 * Returns: (transfer full) (nullable): the listing shown, NULL while none is
 */
char *
hc_indicator_records_view_export_path (HcIndicatorRecordsView  *self,
                                       char                   **file_name)
{
  g_return_val_if_fail (HC_IS_INDICATOR_RECORDS_VIEW (self), NULL);

  if (self->records == NULL)
    return NULL;
  /* Translators: the file name offered for an indicator's records: the indicator and the year */
  *file_name = g_strdup_printf (_("Records of %s %d"), self->item, self->year);
  return hc_client_indicator_records_path (self->records);
}
