/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcHeatmapPane: the 风险热力图 pane — risk events on a map of the 19 市县 or
 * as a 市县 × month / category table, for a period, a category and a measure,
 * and below it the events of the 市县 or cell that was clicked. */
#define G_LOG_DOMAIN "hc-heatmap-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-heatmap-pane.h"
#include "hc-risk-event.h"

#define EVENTS_PAGE 50
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
  GtkStack          *view_stack;
  HcRegionMap       *map;
  HcHeatmapMatrix   *matrix;
  GtkLabel          *events_title;
  GtkFilterListModel *events_filter;

  gboolean           updating_controls;
  gboolean           loading_view;
  gboolean           loading_events;
  char              *drill_region;
  char              *drill_category;
  char              *drill_from;
  char              *drill_to;
  char              *next_cursor;

  GCancellable      *events_cancellable;
  GListStore        *events;
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
update_more_action (HcHeatmapPane *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.more-events",
                                 self->next_cursor != NULL && !self->loading_events);
}

static void
events_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcHeatmapPane) self = user_data;
  g_autoptr(HcPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = hc_client_list_risk_events_finish (HC_CLIENT (source), result, &error);
  if (CANCELLED (error))
    return;
  g_clear_pointer (&self->next_cursor, g_free);
  if (page == NULL)
    gtk_label_set_text (self->events_title, error->message);
  else
    {
      for (guint i = 0; i < hc_page_get_n_items (page); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (hc_page_get_items (page), i);
          g_list_store_append (self->events, item);
        }
      self->next_cursor = g_strdup (hc_page_get_next_cursor (page));
    }
  set_loading (self, &self->loading_events, FALSE);
  update_more_action (self);
}

static void
load_events (HcHeatmapPane *self)
{
  HcClient *client = hc_pane_get_client (HC_PANE (self));

  g_cancellable_cancel (self->events_cancellable);
  g_clear_object (&self->events_cancellable);
  if (client == NULL || self->drill_region == NULL)
    return;

  self->events_cancellable = g_cancellable_new ();
  set_loading (self, &self->loading_events, TRUE);
  update_more_action (self);
  hc_client_list_risk_events_async (client, self->drill_region, self->drill_category,
                                    self->drill_from, self->drill_to, EVENTS_PAGE, self->next_cursor,
                                    self->events_cancellable, events_cb, g_object_ref (self));
}

/* Shows the first page of the events of @region, in @category (NULL: all)
 * from @from to @to (months). */
static void
drill_down (HcHeatmapPane *self,
            const char    *region,
            const char    *category,
            const char    *from,
            const char    *to)
{
  const HcRegion *info = hc_region_lookup (region);
  g_autofree char *title = NULL;
  HcRiskCategory c;

  g_free (self->drill_region);
  self->drill_region = g_strdup (region);
  g_free (self->drill_category);
  self->drill_category = g_strdup (category);
  g_free (self->drill_from);
  self->drill_from = g_strdup (from);
  g_free (self->drill_to);
  self->drill_to = g_strdup (to);
  g_clear_pointer (&self->next_cursor, g_free);
  g_list_store_remove_all (self->events);

  /* TRANSLATORS: the drill-down's heading: city or county, category, first and last month */
  title = g_strdup_printf (_("Risk events in %s — %s, %s to %s"),
                           info ? info->name : region,
                           category && hc_risk_category_from_key (category, &c)
                             ? hc_risk_category_label (c) : _("all categories"),
                           from ? from : "…", to ? to : "…");
  gtk_label_set_text (self->events_title, title);
  load_events (self);
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

static char *
format_severity (gpointer unused,
                 int      severity)
{
  /* TRANSLATORS: a risk event's severity, from 1 to 5 */
  return g_strdup_printf (_("%d of 5"), severity);
}

static void
more_events_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  HcHeatmapPane *self = HC_HEATMAP_PANE (widget);

  if (self->next_cursor != NULL && !self->loading_events)
    load_events (self);
}

/* The heat map of the chosen view, period, category and measure */

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
    {
      hc_pane_show_error (HC_PANE (self), error);
      return;
    }
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
load_view (HcHeatmapPane *self)
{
  static const char * const by[] = { "region", "region-month", "region-category" };
  guint normalize = gtk_drop_down_get_selected (self->normalize_dropdown);
  HcClient *client = hc_pane_get_client (HC_PANE (self));

  if (self->updating_controls || client == NULL)
    return;
  set_loading (self, &self->loading_view, TRUE);
  hc_client_get_heatmap_async (client, by[selected_view (self)],
                               selected_month (self->from_dropdown, self->from_months),
                               selected_month (self->to_dropdown, self->to_months),
                               selected_category (self),
                               normalize == 1 ? "per10k" : "none",
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
  hc_client_get_heatmap_async (hc_pane_get_client (pane), "region-month", NULL, NULL, NULL, NULL,
                               hc_pane_get_cancellable (pane), probe_cb, g_object_ref (self));
}

/* Leaving the pane cancels its requests (HcPane) and the drill-down's. */
static void
hc_heatmap_pane_unmap (GtkWidget *widget)
{
  HcHeatmapPane *self = HC_HEATMAP_PANE (widget);

  g_cancellable_cancel (self->events_cancellable);
  set_loading (self, &self->loading_view, FALSE);
  set_loading (self, &self->loading_events, FALSE);
  GTK_WIDGET_CLASS (hc_heatmap_pane_parent_class)->unmap (widget);
}

static void
hc_heatmap_pane_dispose (GObject *object)
{
  HcHeatmapPane *self = HC_HEATMAP_PANE (object);

  g_cancellable_cancel (self->events_cancellable);
  g_clear_object (&self->events_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_HEATMAP_PANE);
  g_clear_object (&self->events);
  g_clear_pointer (&self->drill_region, g_free);
  g_clear_pointer (&self->drill_category, g_free);
  g_clear_pointer (&self->drill_from, g_free);
  g_clear_pointer (&self->drill_to, g_free);
  g_clear_pointer (&self->next_cursor, g_free);

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

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "pane.more-events", NULL, more_events_action);

  g_type_ensure (HC_TYPE_REGION_MAP);
  g_type_ensure (HC_TYPE_HEATMAP_MATRIX);
  g_type_ensure (HC_TYPE_RISK_EVENT);
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
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, map);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, matrix);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, events_title);
  gtk_widget_class_bind_template_child (widget_class, HcHeatmapPane, events_filter);
  gtk_widget_class_bind_template_callback (widget_class, region_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_severity);
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

  self->events = g_list_store_new (HC_TYPE_RISK_EVENT);
  gtk_filter_list_model_set_model (self->events_filter, G_LIST_MODEL (self->events));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.more-events", FALSE);

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

/* TRUE while the heat map or the drill-down's events are loading. */
gboolean
hc_heatmap_pane_get_busy (HcHeatmapPane *self)
{
  g_return_val_if_fail (HC_IS_HEATMAP_PANE (self), FALSE);
  return self->loading_view || self->loading_events;
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
  return G_LIST_MODEL (self->events);
}
