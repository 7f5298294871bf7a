/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcHeatmapPane: the 风险热力图 pane — risk events on a map of the 19 市县 or
 * as a 市县 × month / category table, for a period, a category and a measure;
 * beside it the open early-warning alerts (HcRiskAlertsView), their 市县
 * marked on the map; below it the events of the 市县, cell or alert that was
 * chosen (HcRiskEventsView). */
#define G_LOG_DOMAIN "hc-heatmap-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-export-button.h"
#include "hc-heatmap-pane.h"
#include "hc-risk-event.h"
#include "hc-risk-alerts-view.h"
#include "hc-risk-event-dialog.h"
#include "hc-risk-events-view.h"
#include "hc-risk-rules-dialog.h"
#include "hc-window.h"

#define DEFAULT_MONTHS 12

struct _HcHeatmapPane
{
  HcPane             parent_instance;

  GtkSearchBar      *search_bar;
  GtkWidget         *search_entry;
  GtkDropDown       *view_dropdown;
  GtkDropDown       *from_dropdown;
  GtkDropDown       *to_dropdown;
  GtkStringList     *from_months;
  GtkStringList     *to_months;
  GtkDropDown       *category_dropdown;
  GtkStringList     *categories;
  GtkDropDown       *normalize_dropdown;
  GtkDropDown       *breaks_dropdown;
  GtkStack          *view_stack;
  HcRegionMap       *map;
  HcHeatmapMatrix   *matrix;
  HcRiskEventsView  *events_view;
  HcRiskAlertsView  *alerts_view;

  gboolean           updating_controls;
  gboolean           loading_view;

  HcHeatmapClasses  *classes;
};

G_DEFINE_FINAL_TYPE (HcHeatmapPane, hc_heatmap_pane, HC_TYPE_PANE)

enum { PROP_0, PROP_BUSY, N_PROPS };

static GParamSpec *properties [N_PROPS];

#define CANCELLED(e) g_error_matches ((e), G_IO_ERROR, G_IO_ERROR_CANCELLED)

static void
set_loading (HcHeatmapPane *self,
             gboolean      *flag,
             gboolean       value)
{
  gboolean was_busy = hc_heatmap_pane_get_busy (self);

  *flag = value;
  if (was_busy != hc_heatmap_pane_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static const char *
selected_month (GtkDropDown   *dropdown,
                GtkStringList *months)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i == GTK_INVALID_LIST_POSITION ? NULL : gtk_string_list_get_string (months, i);
}

/* The selected category's key, or NULL for all of them. */
static const char *
selected_category (HcHeatmapPane *self)
{
  guint i = gtk_drop_down_get_selected (self->category_dropdown);

  if (i == 0 || i == GTK_INVALID_LIST_POSITION || i > HC_RISK_CATEGORY_N)
    return NULL;
  return hc_risk_category_to_key ((HcRiskCategory) (i - 1));
}

static HcHeatmapView
selected_view (HcHeatmapPane *self)
{
  guint i = gtk_drop_down_get_selected (self->view_dropdown);

  return i <= HC_HEATMAP_VIEW_REGION_CATEGORY ? (HcHeatmapView) i : HC_HEATMAP_VIEW_MAP;
}

/* The drill-down: the events of one 市县 (and month or category) */

static void
drill_down (HcHeatmapPane *self,
            const char    *region,
            const char    *category,
            const char    *from,
            const char    *to)
{
  hc_risk_events_view_show (self->events_view, region, category, from, to);
}

static void
region_activated_cb (HcHeatmapPane *self,
                     const char    *region)
{
  drill_down (self, region, selected_category (self),
              selected_month (self->from_dropdown, self->from_months),
              selected_month (self->to_dropdown, self->to_months));
}

static void
cell_activated_cb (HcHeatmapPane *self,
                   const char    *region,
                   const char    *column)
{
  if (selected_view (self) == HC_HEATMAP_VIEW_REGION_CATEGORY)
    drill_down (self, region, column,
                selected_month (self->from_dropdown, self->from_months),
                selected_month (self->to_dropdown, self->to_months));
  else
    drill_down (self, region, selected_category (self), column, column);
}

/* The open alerts beside the map */

/* Marks the 市县 of the open alerts on the map. */
static void
alerts_changed_cb (HcHeatmapPane *self)
{
  GListModel *alerts = hc_risk_alerts_view_get_alerts (self->alerts_view);
  guint n = g_list_model_get_n_items (alerts);
  g_autoptr(GPtrArray) alert_list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      HcRiskAlert *alert = g_list_model_get_item (alerts, i);

      g_ptr_array_add (alert_list, alert);
      g_ptr_array_add (regions, (gpointer) hc_risk_alert_get_region (alert));
    }
  g_ptr_array_add (regions, NULL);
  hc_region_map_set_alert_regions (self->map, (const char * const *) regions->pdata);
}

/* Choosing an alert lists the events behind it. */
static void
alert_activated_cb (HcHeatmapPane *self,
                    HcRiskAlert   *alert)
{
  drill_down (self, hc_risk_alert_get_region (alert), hc_risk_alert_get_category (alert),
              hc_risk_alert_get_window_from (alert), hc_risk_alert_get_window_to (alert));
}

static void
part_busy_cb (HcHeatmapPane *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

/* Colour classes: the map's own, fixed by the plan's years, or by hand */

static const char * const view_by[] = { "region", "region-month", "region-category" };

static const char *
selected_measure (HcHeatmapPane *self)
{
  return gtk_drop_down_get_selected (self->normalize_dropdown) == 2 ? "severity" : "count";
}

static const char *
selected_normalize (HcHeatmapPane *self)
{
  return gtk_drop_down_get_selected (self->normalize_dropdown) == 1 ? "per10k" : "none";
}

/* Gives the map and the matrix the classes the menu asks for (the grades'
 * shares have their own); fixed ones still loading come with ::changed. */
static void
apply_breaks (HcHeatmapPane *self)
{
  const HcHeatBreaks *breaks = NULL;

  if (gtk_drop_down_get_selected (self->normalize_dropdown) != HC_HEATMAP_MEASURE_GRADES &&
      !hc_heatmap_classes_lookup (self->classes, hc_pane_get_client (HC_PANE (self)),
                                  view_by[selected_view (self)], selected_category (self),
                                  selected_measure (self), selected_normalize (self), &breaks))
    return;
  hc_region_map_set_breaks (self->map, breaks);
  hc_heatmap_matrix_set_breaks (self->matrix, breaks);
}

/* The menu shows the mode in force (a cancelled dialog leaves the last). */
static void
classes_changed_cb (HcHeatmapPane *self)
{
  self->updating_controls = TRUE;
  gtk_drop_down_set_selected (self->breaks_dropdown, hc_heatmap_classes_get_mode (self->classes));
  self->updating_controls = FALSE;
  apply_breaks (self);
}

static void
classes_failed_cb (HcHeatmapPane *self,
                   const GError  *error)
{
  hc_pane_show_error (HC_PANE (self), error);
}

static void
breaks_changed_cb (HcHeatmapPane *self)
{
  guint mode = gtk_drop_down_get_selected (self->breaks_dropdown);

  if (self->updating_controls || mode > HC_HEATMAP_BREAKS_BY_HAND)
    return;
  if (mode == HC_HEATMAP_BREAKS_BY_HAND)
    {
      HcHeatBreaks current;

      hc_region_map_get_breaks (self->map, &current);
      hc_heatmap_classes_ask_by_hand (self->classes, GTK_WIDGET (self), &current);
      return;
    }
  hc_heatmap_classes_set_mode (self->classes, (HcHeatmapBreaksMode) mode);
  apply_breaks (self);
}

/* The map or matrix as a picture */

/* The view shown: the map or the matrix. */
static GtkWidget *
shown_view (HcHeatmapPane *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "matrix") == 0
         ? GTK_WIDGET (self->matrix) : GTK_WIDGET (self->map);
}

/**
 * hc_heatmap_pane_export_image_to_file:
 * @file: where to write the PNG
 *
 * Writes the map or the matrix shown as a PNG: the widget's own drawing,
 * rendered by the window's renderer at the widget's size, on white.
 *
 * Returns: %FALSE with @error set when there is nothing drawn yet or the
 *   file cannot be written
 */
gboolean
hc_heatmap_pane_export_image_to_file (HcHeatmapPane  *self,
                                      GFile          *file,
                                      GError        **error)
{
  GtkWidget *view;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  GtkSnapshot *snapshot;
  GtkNative *native;
  GdkRGBA white = { 1, 1, 1, 1 };
  int width, height;

  g_return_val_if_fail (HC_IS_HEATMAP_PANE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  view = shown_view (self);
  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  native = gtk_widget_get_native (view);
  if (width <= 0 || height <= 0 || native == NULL || !gtk_widget_get_mapped (view))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The heat map is not shown yet: there is no picture to save."));
      return FALSE;
    }
  paintable = gtk_widget_paintable_new (view);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  png = gdk_texture_save_to_png_bytes (texture);
  return g_file_replace_contents (file, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
image_chooser_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           HcHeatmapPane   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;
  if (hc_heatmap_pane_export_image_to_file (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      /* TRANSLATORS: after saving the heat map as a picture: the file's name */
      message = g_strdup_printf (_("The heat map is saved as “%s”."), name);
    }
  else
    /* TRANSLATORS: saving the heat map as a picture failed: the reason */
    message = g_strdup_printf (_("The picture could not be saved: %s"), error->message);
  if (HC_IS_WINDOW (root))
    hc_window_show_toast (HC_WINDOW (root), adw_toast_new (message));
}

static void
export_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  HcHeatmapPane *self = HC_HEATMAP_PANE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Heat Map as a Picture"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* TRANSLATORS: the file name offered for the heat map's picture: first and last month */
  name = g_strdup_printf (_("Risk heat map %s to %s.png"),
                          selected_month (self->from_dropdown, self->from_months),
                          selected_month (self->to_dropdown, self->to_months));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (png, _("PNG pictures"));
  gtk_file_filter_add_mime_type (png, "image/png");
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (image_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Recording a risk event */

static void
event_recorded_cb (HcHeatmapPane *self,
                   HcRiskEvent   *event)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *message = NULL;

  /* TRANSLATORS: after recording a risk event: its title and 市县 */
  message = g_strdup_printf (_("Recorded “%s” in %s."), hc_risk_event_get_title (event),
                             hc_risk_event_get_region_name (event));
  if (HC_IS_WINDOW (root))
    hc_window_show_toast (HC_WINDOW (root), adw_toast_new (message));
  /* The event may add a month to the period menus and raise an alert. */
  hc_pane_reload (HC_PANE (self));
}

static void
record_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  HcHeatmapPane *self = HC_HEATMAP_PANE (widget);
  HcClient *client = hc_pane_get_client (HC_PANE (self));
  HcRiskEventDialog *dialog;

  if (client == NULL)
    return;
  dialog = hc_risk_event_dialog_new (client, hc_region_map_get_selected_region (self->map),
                                     selected_category (self));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (event_recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The warning rules, from the empty page too (before any event). */
static void
rules_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  HcClient *client = hc_pane_get_client (HC_PANE (widget));
  HcRiskRulesDialog *dialog;

  if (client == NULL)
    return;
  dialog = hc_risk_rules_dialog_new (client);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (hc_risk_alerts_view_reload),
                           HC_HEATMAP_PANE (widget)->alerts_view, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The heat map of the chosen view, period, category and measure */

/* The measure menu's last item: the credit grades in force by 市县, not
 * risk events — on the map the share of C and D, in the tables a column a
 * grade (issue 13). The period, category and fixed classes do not apply. */
#define MEASURE_GRADES HC_HEATMAP_MEASURE_GRADES

static gboolean
showing_grades (HcHeatmapPane *self)
{
  return gtk_drop_down_get_selected (self->normalize_dropdown) == MEASURE_GRADES;
}

static void
show_heatmap (HcHeatmapPane *self,
              HcHeatmap     *heatmap)
{
  apply_breaks (self);
  /* The grades' share on the map says what it is; counts need no title. */
  hc_region_map_set_legend_title (self->map, showing_grades (self) && heatmap->n_columns == 1
                                             ? heatmap->column_names[0] : NULL);
  if (selected_view (self) == HC_HEATMAP_VIEW_MAP)
    {
      hc_region_map_set_heatmap (self->map, heatmap);
      gtk_stack_set_visible_child_name (self->view_stack, "map");
    }
  else
    {
      hc_heatmap_matrix_set_heatmap (self->matrix, heatmap);
      gtk_stack_set_visible_child_name (self->view_stack, "matrix");
    }
  hc_pane_show_content (HC_PANE (self));
}

static void
view_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcHeatmapPane) self = user_data;
  g_autoptr(HcHeatmap) heatmap = NULL;
  g_autoptr(GError) error = NULL;

  heatmap = hc_client_get_heatmap_finish (HC_CLIENT (source), result, &error);
  if (CANCELLED (error))
    return;
  set_loading (self, &self->loading_view, FALSE);
  if (heatmap == NULL)
    hc_pane_show_error (HC_PANE (self), error);
  else
    show_heatmap (self, heatmap);
}

static void
grades_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcHeatmapPane) self = user_data;
  g_autoptr(GListModel) shares = NULL;
  g_autoptr(HcHeatmap) heatmap = NULL;
  g_autoptr(GError) error = NULL;

  shares = hc_client_get_grade_distribution_finish (HC_CLIENT (source), result, &error);
  if (CANCELLED (error))
    return;
  set_loading (self, &self->loading_view, FALSE);
  if (shares == NULL)
    {
      hc_pane_show_error (HC_PANE (self), error);
      return;
    }
  heatmap = hc_heatmap_new_from_grades (shares, selected_view (self) != HC_HEATMAP_VIEW_MAP);
  show_heatmap (self, heatmap);
}

static void
load_view (HcHeatmapPane *self)
{
  HcClient *client = hc_pane_get_client (HC_PANE (self));

  if (self->updating_controls || client == NULL)
    return;
  set_loading (self, &self->loading_view, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->from_dropdown), !showing_grades (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_dropdown), !showing_grades (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_dropdown), !showing_grades (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->breaks_dropdown), !showing_grades (self));
  if (showing_grades (self))
    {
      hc_client_get_grade_distribution_async (client, hc_pane_renew_cancellable (HC_PANE (self)),
                                              grades_cb, g_object_ref (self));
      return;
    }
  hc_client_get_heatmap_async (client, view_by[selected_view (self)],
                               selected_month (self->from_dropdown, self->from_months),
                               selected_month (self->to_dropdown, self->to_months),
                               selected_category (self),
                               selected_measure (self),
                               selected_normalize (self),
                               hc_pane_renew_cancellable (HC_PANE (self)), view_cb, g_object_ref (self));
}

/* A later "from" than "to" moves the other end along. */
static void
period_changed_cb (HcHeatmapPane *self,
                   GParamSpec    *pspec,
                   GtkDropDown   *dropdown)
{
  guint from = gtk_drop_down_get_selected (self->from_dropdown);
  guint to = gtk_drop_down_get_selected (self->to_dropdown);

  if (!self->updating_controls && from != GTK_INVALID_LIST_POSITION &&
      to != GTK_INVALID_LIST_POSITION && from > to)
    {
      self->updating_controls = TRUE;
      if (dropdown == self->from_dropdown)
        gtk_drop_down_set_selected (self->to_dropdown, from);
      else
        gtk_drop_down_set_selected (self->from_dropdown, to);
      self->updating_controls = FALSE;
    }
  load_view (self);
}

static void
control_changed_cb (HcHeatmapPane *self)
{
  load_view (self);
}

/* The first answer (no period given) tells which months have data: the
 * period menus offer them, and the last twelve are shown. */
static void
probe_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcHeatmapPane) self = user_data;
  g_autoptr(HcHeatmap) heatmap = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *months;
  guint n;

  heatmap = hc_client_get_heatmap_finish (HC_CLIENT (source), result, &error);
  if (CANCELLED (error))
    return;
  set_loading (self, &self->loading_view, FALSE);
  if (heatmap == NULL)
    {
      hc_pane_show_error (HC_PANE (self), error);
      return;
    }
  if (heatmap->total == 0 || heatmap->n_columns == 0)
    {
      hc_pane_show_empty (HC_PANE (self));
      return;
    }

  months = (const char * const *) heatmap->columns;
  n = heatmap->n_columns;
  self->updating_controls = TRUE;
  gtk_string_list_splice (self->from_months, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->from_months)), months);
  gtk_string_list_splice (self->to_months, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->to_months)), months);
  gtk_drop_down_set_selected (self->from_dropdown, n > DEFAULT_MONTHS ? n - DEFAULT_MONTHS : 0);
  gtk_drop_down_set_selected (self->to_dropdown, n - 1);
  self->updating_controls = FALSE;
  load_view (self);
}

static void
hc_heatmap_pane_reload (HcPane *pane)
{
  HcHeatmapPane *self = HC_HEATMAP_PANE (pane);

  hc_pane_show_loading (pane);
  set_loading (self, &self->loading_view, TRUE);
  hc_client_get_heatmap_async (hc_pane_get_client (pane), "region-month", NULL, NULL, NULL, NULL, NULL,
                               hc_pane_get_cancellable (pane), probe_cb, g_object_ref (self));
  hc_risk_events_view_set_client (self->events_view, hc_pane_get_client (pane));
  hc_risk_alerts_view_set_client (self->alerts_view, hc_pane_get_client (pane));
  hc_risk_alerts_view_reload (self->alerts_view);
}

/* The numbers of the view shown (the map: a total per 市县), for the
 * period and category chosen: a row a 市县 and column, with the three
 * measures; with the credit grades shown, the grades by 市县. */
static char *
hc_heatmap_pane_export_path (HcPane  *pane,
                             char   **file_name)
{
  HcHeatmapPane *self = HC_HEATMAP_PANE (pane);
  const char *from = selected_month (self->from_dropdown, self->from_months);
  const char *to = selected_month (self->to_dropdown, self->to_months);

  if (showing_grades (self))
    {
      /* TRANSLATORS: the file name offered for the credit grades by 市县 */
      *file_name = g_strdup (_("Credit grades by city and county"));
      return hc_client_grade_regions_path ();
    }
  if (from == NULL || to == NULL)
    return NULL;
  /* TRANSLATORS: the file name offered for the heat map's numbers: first and last month */
  *file_name = g_strdup_printf (_("Risk heat map figures %s to %s"), from, to);
  return hc_client_heatmap_cells_path (view_by[selected_view (self)], from, to, selected_category (self));
}

/* Leaving the pane cancels its requests (HcPane) and the drill-down's. */
static void
hc_heatmap_pane_unmap (GtkWidget *widget)
{
  HcHeatmapPane *self = HC_HEATMAP_PANE (widget);

  hc_heatmap_classes_cancel (self->classes);
  set_loading (self, &self->loading_view, FALSE);
  GTK_WIDGET_CLASS (hc_heatmap_pane_parent_class)->unmap (widget);
}

static void
hc_heatmap_pane_dispose (GObject *object)
{
  HcHeatmapPane *self = HC_HEATMAP_PANE (object);

  g_clear_object (&self->classes);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_HEATMAP_PANE);

  G_OBJECT_CLASS (hc_heatmap_pane_parent_class)->dispose (object);
}

static void
hc_heatmap_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HcHeatmapPane *self = HC_HEATMAP_PANE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, hc_heatmap_pane_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_heatmap_pane_class_init (HcHeatmapPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HcPaneClass *pane_class = HC_PANE_CLASS (klass);

  object_class->dispose = hc_heatmap_pane_dispose;
  object_class->get_property = hc_heatmap_pane_get_property;
  widget_class->unmap = hc_heatmap_pane_unmap;
  pane_class->reload = hc_heatmap_pane_reload;
  pane_class->export_path = hc_heatmap_pane_export_path;

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "pane.record-event", NULL, record_event_action);
  gtk_widget_class_install_action (widget_class, "pane.rules", NULL, rules_action);
  gtk_widget_class_install_action (widget_class, "pane.export-image", NULL, export_image_action);

  g_type_ensure (HC_TYPE_EXPORT_BUTTON);
  g_type_ensure (HC_TYPE_REGION_MAP);
  g_type_ensure (HC_TYPE_HEATMAP_MATRIX);
  g_type_ensure (HC_TYPE_RISK_EVENTS_VIEW);
  g_type_ensure (HC_TYPE_RISK_ALERTS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-heatmap-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, from_months);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, to_months);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, categories);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, normalize_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, breaks_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, map);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, matrix);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, events_view);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, alerts_view);
  gtk_widget_class_bind_template_callback (widget_class, region_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, alert_activated_cb);
}

static void
hc_heatmap_pane_init (HcHeatmapPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hc_pane_set_search_bar (HC_PANE (self), self->search_bar, self->search_entry);

  gtk_string_list_append (self->categories, _("All categories"));
  for (guint c = 0; c < HC_RISK_CATEGORY_N; c++)
    gtk_string_list_append (self->categories, hc_risk_category_label ((HcRiskCategory) c));
  gtk_drop_down_set_selected (self->category_dropdown, 0);

  g_object_bind_property (self->search_entry, "text", self->events_view, "search", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->events_view, "notify::busy",
                           G_CALLBACK (part_busy_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (hc_risk_alerts_view_get_alerts (self->alerts_view), "items-changed",
                           G_CALLBACK (alerts_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->alerts_view, "notify::busy",
                           G_CALLBACK (part_busy_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->from_dropdown, "notify::selected",
                           G_CALLBACK (period_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_dropdown, "notify::selected",
                           G_CALLBACK (period_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_dropdown, "notify::selected",
                           G_CALLBACK (control_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->category_dropdown, "notify::selected",
                           G_CALLBACK (control_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->normalize_dropdown, "notify::selected",
                           G_CALLBACK (control_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->breaks_dropdown, "notify::selected",
                           G_CALLBACK (breaks_changed_cb), self, G_CONNECT_SWAPPED);
  self->classes = hc_heatmap_classes_new ();
  g_signal_connect_object (self->classes, "changed",
                           G_CALLBACK (classes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->classes, "failed",
                           G_CALLBACK (classes_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->classes, "notify::busy",
                           G_CALLBACK (part_busy_cb), self, G_CONNECT_SWAPPED);
}

/* Shows @view, as the view menu does. */
void
hc_heatmap_pane_set_view (HcHeatmapPane *self,
                          HcHeatmapView  view)
{
  g_return_if_fail (HC_IS_HEATMAP_PANE (self));
  g_return_if_fail (view <= HC_HEATMAP_VIEW_REGION_CATEGORY);

  gtk_drop_down_set_selected (self->view_dropdown, view);
}

/* Shows @measure, as the measure menu does. */
void
hc_heatmap_pane_set_measure (HcHeatmapPane    *self,
                             HcHeatmapMeasure  measure)
{
  g_return_if_fail (HC_IS_HEATMAP_PANE (self));
  g_return_if_fail (measure <= HC_HEATMAP_MEASURE_GRADES);

  gtk_drop_down_set_selected (self->normalize_dropdown, measure);
}

/* TRUE while the heat map, the drill-down's events or the alerts are
 * loading, or an alert is being acknowledged or closed. */
gboolean
hc_heatmap_pane_get_busy (HcHeatmapPane *self)
{
  g_return_val_if_fail (HC_IS_HEATMAP_PANE (self), FALSE);
  return self->loading_view || hc_heatmap_classes_get_busy (self->classes) ||
         hc_risk_events_view_get_busy (self->events_view) ||
         hc_risk_alerts_view_get_busy (self->alerts_view);
}

HcRegionMap *
hc_heatmap_pane_get_map (HcHeatmapPane *self)
{
  g_return_val_if_fail (HC_IS_HEATMAP_PANE (self), NULL);
  return self->map;
}

HcHeatmapMatrix *
hc_heatmap_pane_get_matrix (HcHeatmapPane *self)
{
  g_return_val_if_fail (HC_IS_HEATMAP_PANE (self), NULL);
  return self->matrix;
}

/* The drill-down's events (all pages loaded so far, before the search). */
GListModel *
hc_heatmap_pane_get_events (HcHeatmapPane *self)
{
  g_return_val_if_fail (HC_IS_HEATMAP_PANE (self), NULL);
  return hc_risk_events_view_get_events (self->events_view);
}

/* The open alerts listed beside the map (an HcRiskAlert each). */
GListModel *
hc_heatmap_pane_get_alerts (HcHeatmapPane *self)
{
  g_return_val_if_fail (HC_IS_HEATMAP_PANE (self), NULL);
  return hc_risk_alerts_view_get_alerts (self->alerts_view);
}

/* Selects the alert at @position of the list, as a click does. */
void
hc_heatmap_pane_select_alert (HcHeatmapPane *self,
                              guint          position)
{
  g_return_if_fail (HC_IS_HEATMAP_PANE (self));
  hc_risk_alerts_view_select (self->alerts_view, position);
}

/* What the alerts list says under it after a refused step, or NULL. */
const char *
hc_heatmap_pane_get_alerts_message (HcHeatmapPane *self)
{
  g_return_val_if_fail (HC_IS_HEATMAP_PANE (self), NULL);
  return hc_risk_alerts_view_get_message (self->alerts_view);
}

/* Chooses the colour classes, as the classes menu does (by hand: the
 * dialog asks for them). */
void
hc_heatmap_pane_set_breaks_mode (HcHeatmapPane       *self,
                                 HcHeatmapBreaksMode  mode)
{
  g_return_if_fail (HC_IS_HEATMAP_PANE (self));
  g_return_if_fail (mode <= HC_HEATMAP_BREAKS_BY_HAND);

  gtk_drop_down_set_selected (self->breaks_dropdown, mode);
}

HcHeatmapBreaksMode
hc_heatmap_pane_get_breaks_mode (HcHeatmapPane *self)
{
  g_return_val_if_fail (HC_IS_HEATMAP_PANE (self), HC_HEATMAP_BREAKS_OWN);
  return hc_heatmap_classes_get_mode (self->classes);
}

/* Shows the months @from to @to (YYYY-MM, among the period menus' months),
 * as the period menus do. Returns: FALSE when either is not offered. */
gboolean
hc_heatmap_pane_set_period (HcHeatmapPane *self,
                            const char    *from,
                            const char    *to)
{
  guint from_i = GTK_INVALID_LIST_POSITION, to_i = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (HC_IS_HEATMAP_PANE (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->from_months)); i++)
    {
      const char *month = gtk_string_list_get_string (self->from_months, i);

      if (g_strcmp0 (month, from) == 0)
        from_i = i;
      if (g_strcmp0 (month, to) == 0)
        to_i = i;
    }
  if (from_i == GTK_INVALID_LIST_POSITION || to_i == GTK_INVALID_LIST_POSITION || from_i > to_i)
    return FALSE;
  self->updating_controls = TRUE;
  gtk_drop_down_set_selected (self->from_dropdown, from_i);
  gtk_drop_down_set_selected (self->to_dropdown, to_i);
  self->updating_controls = FALSE;
  load_view (self);
  return TRUE;
}
