/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorsPane: the 22 indicators of 表1 for one year with their status
 * against the plan's targets, and the reporting and review of their values
 * (the writes: hc-indicators-pane-writes.c). */
#define G_LOG_DOMAIN "hc-indicators-pane"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "hc-enums.h"
#include "hc-indicator-chart.h"
#include "hc-indicator-records-view.h"
#include "hc-indicator-region-chart.h"
#include "hc-indicator-regions-view.h"
#include "hc-indicator-return-dialog.h"
#include "hc-indicator-review-view.h"
#include "hc-indicator-submit-dialog.h"
#include "hc-export-button.h"
#include "hc-indicator-summary.h"
#include "hc-indicator-table-button.h"
#include "hc-indicator-year-table.h"
#include "hc-indicators-pane-private.h"

#define FIRST_YEAR 2021
#define LAST_YEAR  2025

G_DEFINE_FINAL_TYPE (HcIndicatorsPane, hc_indicators_pane, HC_TYPE_PANE)

enum { PROP_0, PROP_YEAR, PROP_BUSY, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void load_detail (HcIndicatorsPane *self);

/* Closures of the template */

static char **
badge_classes (gpointer    unused,
               const char *status)
{
  char *classes[] = { (char *) "hc-badge", (char *) (status ? status : "no_data"), NULL };

  return g_strdupv (classes);
}

static char *
search_text (gpointer    unused,
             const char *item,
             const char *target,
             const char *category)
{
  return g_strjoin (" ", item ? item : "", target ? target : "", category ? category : "", NULL);
}

/* What the user may do */

static gboolean
role_is (HcIndicatorsPane *self,
         const char       *role)
{
  HcClient *client = hc_pane_get_client (HC_PANE (self));

  return client != NULL && g_strcmp0 (hc_client_get_role (client), role) == 0;
}

const HcIndicatorYear *
_hc_indicators_pane_current_year_value (HcIndicatorsPane *self)
{
  return self->detail ? hc_indicator_detail_find_year (self->detail, self->year) : NULL;
}

static void
set_action (HcIndicatorsPane *self,
            const char       *action,
            GtkWidget        *button,
            gboolean          visible,
            const char       *why_not)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, visible && why_not == NULL && !self->busy);
  gtk_widget_set_visible (button, visible);
  gtk_widget_set_tooltip_text (button, why_not);
}

static void
update_actions (HcIndicatorsPane *self)
{
  const HcIndicatorYear *value = _hc_indicators_pane_current_year_value (self);
  HcClient *client = hc_pane_get_client (HC_PANE (self));
  gboolean reported = self->detail != NULL &&
                      g_strcmp0 (hc_indicator_detail_get_source (self->detail), "reported") == 0;
  gboolean reviewer = role_is (self, "supervisor") || role_is (self, "admin");
  const char *submit_why = NULL, *review_why = NULL;

  if (role_is (self, "supervisor"))
    submit_why = _("Analysts report values; supervisors review them.");

  if (value == NULL || g_strcmp0 (value->state, "submitted") != 0)
    review_why = _("There is no submitted value of this year awaiting review.");
  else if (client != NULL && g_strcmp0 (value->submitted_by, hc_client_get_username (client)) == 0)
    review_why = _("You submitted this value: another supervisor reviews it.");

  set_action (self, "indicators.records", self->records_button, value != NULL && value->records != NULL, NULL);
  set_action (self, "indicators.submit", self->submit_button, reported, submit_why);
  set_action (self, "indicators.approve", self->approve_button, reported && reviewer, review_why);
  set_action (self, "indicators.return", self->return_button, reported && reviewer, review_why);
}

void
_hc_indicators_pane_set_busy (HcIndicatorsPane *self,
          gboolean          busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  hc_indicator_submit_dialog_set_busy (self->submit_dialog, busy);
  hc_indicator_return_dialog_set_busy (self->return_dialog, busy);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

void
_hc_indicators_pane_show_message (HcIndicatorsPane *self,
              const char       *message)
{
  gtk_label_set_label (self->detail_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_message), message != NULL);
}

/* The summary strip */

static void
set_badge (GtkLabel          *badge,
           HcIndicatorStatus  status,
           guint              count)
{
  /* Translators: a status and how many indicators have it, "达标 12". */
  g_autofree char *text = g_strdup_printf (_("%s %u"), hc_indicator_status_label (status), count);

  gtk_label_set_label (badge, text);
}

static void
update_summary (HcIndicatorsPane *self)
{
  guint counts[HC_INDICATOR_STATUS_N] = { 0 };
  guint n = self->indicators ? g_list_model_get_n_items (self->indicators) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcIndicatorSummary) row = g_list_model_get_item (self->indicators, i);
      HcIndicatorStatus status;

      if (hc_indicator_status_from_key (hc_indicator_summary_get_status (row), &status))
        counts[status]++;
    }
  set_badge (self->met_badge, HC_INDICATOR_STATUS_MET, counts[HC_INDICATOR_STATUS_MET]);
  set_badge (self->unmet_badge, HC_INDICATOR_STATUS_UNMET, counts[HC_INDICATOR_STATUS_UNMET]);
  set_badge (self->warning_badge, HC_INDICATOR_STATUS_WARNING, counts[HC_INDICATOR_STATUS_WARNING]);
  set_badge (self->pending_badge, HC_INDICATOR_STATUS_PENDING, counts[HC_INDICATOR_STATUS_PENDING]);
}

/* The detail panel */

static void
fill_detail (HcIndicatorsPane *self)
{
  g_autofree char *target = NULL;
  gboolean computed = g_strcmp0 (hc_indicator_detail_get_source (self->detail), "computed") == 0;

  gtk_label_set_label (self->detail_title, hc_indicator_detail_get_item (self->detail));
  /* Translators: the plan's target of an indicator, "目标：…". */
  target = g_strdup_printf (_("Target: %s"), hc_indicator_detail_get_target_text (self->detail));
  gtk_label_set_label (self->detail_target, target);
  {
    const HcIndicatorYear *y = _hc_indicators_pane_current_year_value (self);
    const char *how = computed ? _("Computed by the system from the collected data.")
                               : _("Reported by analysts with evidence and reviewed by supervisors.");
    g_autofree char *source = NULL;

    /* A value computed, or following from the 市县, says what it counts. */
    if (y != NULL && y->has_counts && g_strcmp0 (y->basis, "regions") == 0)
      /* Translators: the province's value as the share of 市县 meeting their target */
      source = g_strdup_printf (_("%d: %d of %d cities and counties meet their target."),
                                self->year, (int) y->numerator, (int) y->denominator);
    else if (y != NULL && g_strcmp0 (y->basis, "regions") == 0)
      source = g_strdup_printf (_("%d: the province’s value follows from its cities and counties."), self->year);
    else if (y != NULL && y->has_counts)
      /* Translators: a computed value's numerator and denominator */
      source = g_strdup_printf (_("%s %d: %d of %d records counted."),
                                how, self->year, (int) y->numerator, (int) y->denominator);
    gtk_label_set_label (self->detail_source, source != NULL ? source : how);
  }
  hc_indicator_year_table_set_year (self->year_table, self->year);
  hc_indicator_year_table_set_detail (self->year_table, self->detail);
  hc_indicator_chart_set_year (self->chart, self->year);
  hc_indicator_chart_set_detail (self->chart, self->detail);
  hc_indicator_region_chart_set_year (self->region_chart, self->year);
  hc_indicator_region_chart_set_detail (self->region_chart, self->detail);
  hc_indicator_regions_view_set_detail (self->regions_view, self->detail, self->year);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  update_actions (self);
}

static void
detail_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcIndicatorsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcIndicatorDetail) detail = NULL;

  detail = hc_client_get_indicator_finish (HC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (detail == NULL)
    {
      _hc_indicators_pane_show_message (self, error->message);
      return;
    }
  g_set_object (&self->detail, detail);
  fill_detail (self);
}

static void
load_detail (HcIndicatorsPane *self)
{
  HcClient *client = hc_pane_get_client (HC_PANE (self));

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  if (self->selected_key == NULL || client == NULL)
    {
      g_clear_object (&self->detail);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      update_actions (self);
      return;
    }
  if (self->detail == NULL || g_strcmp0 (hc_indicator_detail_get_key (self->detail), self->selected_key) != 0)
    {
      g_clear_object (&self->detail);
      gtk_stack_set_visible_child_name (self->detail_stack, "loading");
      update_actions (self);
    }
  self->detail_cancellable = g_cancellable_new ();
  hc_client_get_indicator_async (client, self->selected_key, self->detail_cancellable,
                                 detail_cb, g_object_ref (self));
}

static void
selection_changed_cb (HcIndicatorsPane *self)
{
  HcIndicatorSummary *row = gtk_single_selection_get_selected_item (self->selection);
  const char *key = row ? hc_indicator_summary_get_key (row) : NULL;

  /* A reloaded list selects the same indicator again: keep its panel. */
  if (self->updating_list)
    return;
  if (g_strcmp0 (key, self->selected_key) == 0 && self->detail != NULL)
    return;
  g_free (self->selected_key);
  self->selected_key = g_strdup (key);
  _hc_indicators_pane_show_message (self, NULL);
  load_detail (self);
}

static void
select_key (HcIndicatorsPane *self,
            const char       *key)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);

  for (guint i = 0; key != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HcIndicatorSummary) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (hc_indicator_summary_get_key (row), key) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* The list */

static void list_indicators (HcIndicatorsPane *self);

static gboolean
all_without_data (GListModel *rows)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(HcIndicatorSummary) row = g_list_model_get_item (rows, i);
      if (g_strcmp0 (hc_indicator_summary_get_status (row), "no_data") != 0)
        return FALSE;
    }
  return TRUE;
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcIndicatorsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = NULL;

  rows = hc_client_list_indicators_finish (HC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL)
    {
      hc_pane_show_error (HC_PANE (self), error);
      return;
    }

  if (!self->year_chosen)
    {
      HcIndicatorSummary *first = g_list_model_get_n_items (rows) > 0 ? g_list_model_get_item (rows, 0) : NULL;
      int year = first ? hc_indicator_summary_get_year (first) : LAST_YEAR;

      g_clear_object (&first);
      /* Opens on the latest year that has data. */
      if (all_without_data (rows) && year > FIRST_YEAR)
        {
          self->year = year - 1;
          list_indicators (self);
          return;
        }
      self->year_chosen = TRUE;
      self->year = CLAMP (year, FIRST_YEAR, LAST_YEAR);
      self->updating_year = TRUE;
      gtk_drop_down_set_selected (self->year_dropdown, (guint) (self->year - FIRST_YEAR));
      self->updating_year = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_YEAR]);
    }

  g_set_object (&self->indicators, rows);
  hc_indicator_table_button_set_year (self->table_button, self->year);
  self->updating_list = TRUE;
  gtk_filter_list_model_set_model (self->filter_model, rows);
  select_key (self, self->selected_key);
  self->updating_list = FALSE;
  update_summary (self);
  if (self->selected_key != NULL && gtk_single_selection_get_selected_item (self->selection) == NULL)
    {
      g_clear_pointer (&self->selected_key, g_free);
      load_detail (self);
    }

  if (g_list_model_get_n_items (rows) == 0)
    hc_pane_show_empty (HC_PANE (self));
  else
    hc_pane_show_content (HC_PANE (self));
}

static void
list_indicators (HcIndicatorsPane *self)
{
  hc_client_list_indicators_async (hc_pane_get_client (HC_PANE (self)),
                                   self->year_chosen || self->year > 0 ? self->year : 0,
                                   hc_pane_get_cancellable (HC_PANE (self)), list_cb, g_object_ref (self));
}

static void
hc_indicators_pane_reload (HcPane *pane)
{
  HcIndicatorsPane *self = HC_INDICATORS_PANE (pane);

  if (self->indicators == NULL)
    hc_pane_show_loading (pane);
  list_indicators (self);
  if (self->selected_key != NULL)
    load_detail (self);
}

static void
year_changed_cb (HcIndicatorsPane *self)
{
  if (self->updating_year)
    return;
  hc_indicators_pane_set_year (self, FIRST_YEAR + (int) gtk_drop_down_get_selected (self->year_dropdown));
}

/* Leaving the pane cancels its requests (HcPane) and the detail's. */
static void
hc_indicators_pane_unmap (GtkWidget *widget)
{
  HcIndicatorsPane *self = HC_INDICATORS_PANE (widget);

  g_cancellable_cancel (self->detail_cancellable);
  GTK_WIDGET_CLASS (hc_indicators_pane_parent_class)->unmap (widget);
}

static void
hc_indicators_pane_dispose (GObject *object)
{
  HcIndicatorsPane *self = HC_INDICATORS_PANE (object);

  g_cancellable_cancel (self->detail_cancellable);
  g_cancellable_cancel (self->write_cancellable);
  g_clear_object (&self->detail_cancellable);
  g_clear_object (&self->write_cancellable);
  g_clear_object (&self->indicators);
  g_clear_object (&self->detail);
  g_clear_pointer (&self->selected_key, g_free);
  /* The dialogs are windows of their own: GTK keeps them until destroyed. */
  if (self->submit_dialog != NULL)
    {
      gtk_window_set_focus (GTK_WINDOW (self->submit_dialog), NULL);
      gtk_window_destroy (GTK_WINDOW (self->submit_dialog));
      self->submit_dialog = NULL;
    }
  if (self->return_dialog != NULL)
    {
      gtk_window_set_focus (GTK_WINDOW (self->return_dialog), NULL);
      gtk_window_destroy (GTK_WINDOW (self->return_dialog));
      self->return_dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_INDICATORS_PANE);

  G_OBJECT_CLASS (hc_indicators_pane_parent_class)->dispose (object);
}

static void
hc_indicators_pane_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HcIndicatorsPane *self = HC_INDICATORS_PANE (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, hc_indicators_pane_get_year (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, hc_indicators_pane_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_indicators_pane_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HcIndicatorsPane *self = HC_INDICATORS_PANE (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      hc_indicators_pane_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What the user may do depends on the role the client signed in with. */
static void
client_changed (HcIndicatorsPane *self)
{
  HcClient *client = hc_pane_get_client (HC_PANE (self));

  if (client != NULL)
    g_signal_connect_object (client, "notify::role", G_CALLBACK (update_actions),
                             self, G_CONNECT_SWAPPED);
  hc_indicator_review_view_set_client (self->review_view, client);
  hc_indicator_regions_view_set_client (self->regions_view, client);
  hc_indicator_records_view_set_client (self->records_view, client);
  hc_indicator_table_button_set_client (self->table_button, client);
  update_actions (self);
}

/* The views: the dashboard and the review queue */

static gboolean
dashboard_shown (HcIndicatorsPane *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "dashboard") == 0;
}

/* Back on the dashboard after reviews in the queue: its statuses changed. */
static void
view_changed_cb (HcIndicatorsPane *self)
{
  if (dashboard_shown (self) && self->stale && hc_pane_get_client (HC_PANE (self)) != NULL)
    {
      self->stale = FALSE;
      hc_pane_reload (HC_PANE (self));
    }
}

static void
reviewed_cb (HcIndicatorsPane *self)
{
  self->stale = TRUE;
}

/* A row of the queue opens its indicator and year in the dashboard. */
static void
open_indicator_cb (HcIndicatorsPane *self,
                   const char       *key,
                   int               year)
{
  g_free (self->selected_key);
  self->selected_key = g_strdup (key);
  g_clear_object (&self->detail);
  adw_view_stack_set_visible_child_name (self->view_stack, "dashboard");
  if (year >= FIRST_YEAR && year <= LAST_YEAR && (!self->year_chosen || year != self->year))
    hc_indicators_pane_set_year (self, year);
  else
    hc_pane_reload (HC_PANE (self));
}

/* A computed value's numerator and denominator open the records behind them. */
static void
records_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HcIndicatorsPane *self = HC_INDICATORS_PANE (widget);
  const HcIndicatorYear *value = _hc_indicators_pane_current_year_value (self);

  if (value == NULL || value->records == NULL)
    return;
  hc_indicator_records_view_show (self->records_view, value->records, hc_indicator_detail_get_item (self->detail),
                                  self->year, value->numerator, value->denominator);
  adw_view_stack_page_set_visible (self->records_page, TRUE);
  adw_view_stack_set_visible_child_name (self->view_stack, "records");
}

/* The records page's listing is what the pane exports. */
static char *
hc_indicators_pane_export_path (HcPane  *pane,
                                char   **file_name)
{
  HcIndicatorsPane *self = HC_INDICATORS_PANE (pane);

  if (g_strcmp0 (hc_pane_get_export_listing (pane), "indicator-records") == 0)
    return hc_indicator_records_view_export_path (self->records_view, file_name);
  /* Else the year's Table 1, through the one export mechanism. */
  if (!self->year_chosen)
    return NULL;
  /* Translators: the file name offered for Table 1's export, with the year */
  *file_name = g_strdup_printf (_("Table 1 %d"), self->year);
  return g_strdup_printf ("/indicators?year=%d", self->year);
}

/* Ctrl+R reloads the view shown. */
static void
hc_indicators_pane_refresh (HcPane *pane)
{
  HcIndicatorsPane *self = HC_INDICATORS_PANE (pane);

  if (dashboard_shown (self))
    hc_pane_reload (pane);
  else if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "records") == 0)
    hc_indicator_records_view_reload (self->records_view);
  else
    hc_indicator_review_view_reload (self->review_view);
}

static void
hc_indicators_pane_class_init (HcIndicatorsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HcPaneClass *pane_class = HC_PANE_CLASS (klass);

  object_class->dispose = hc_indicators_pane_dispose;
  object_class->get_property = hc_indicators_pane_get_property;
  object_class->set_property = hc_indicators_pane_set_property;
  widget_class->unmap = hc_indicators_pane_unmap;
  pane_class->reload = hc_indicators_pane_reload;
  pane_class->refresh = hc_indicators_pane_refresh;
  pane_class->export_path = hc_indicators_pane_export_path;

  properties [PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, LAST_YEAR, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _hc_indicators_pane_install_write_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "indicators.records", NULL, records_action);

  g_type_ensure (HC_TYPE_INDICATOR_SUMMARY);
  g_type_ensure (HC_TYPE_INDICATOR_CHART);
  g_type_ensure (HC_TYPE_INDICATOR_REGION_CHART);
  g_type_ensure (HC_TYPE_INDICATOR_YEAR_TABLE);
  g_type_ensure (HC_TYPE_INDICATOR_REVIEW_VIEW);
  g_type_ensure (HC_TYPE_INDICATOR_REGIONS_VIEW);
  g_type_ensure (HC_TYPE_INDICATOR_RECORDS_VIEW);
  g_type_ensure (HC_TYPE_INDICATOR_TABLE_BUTTON);
  g_type_ensure (HC_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-indicators-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, review_view);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, records_page);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, records_view);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, records_button);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, table_button);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, met_badge);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, unmet_badge);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, warning_badge);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, pending_badge);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, column_view);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, selection);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, filter_model);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, detail_title);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, detail_target);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, detail_source);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, chart);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, region_chart);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, detail_message);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, submit_button);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, approve_button);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, return_button);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, year_table);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorsPane, regions_view);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, badge_classes);
  gtk_widget_class_bind_template_callback (widget_class, search_text);
}

static void
hc_indicators_pane_init (HcIndicatorsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _hc_indicators_pane_init_writes (self);
  g_signal_connect_object (self->review_view, "reviewed", G_CALLBACK (reviewed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->regions_view, "changed", G_CALLBACK (hc_pane_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review_view, "open-indicator", G_CALLBACK (open_indicator_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  hc_pane_set_search_bar (HC_PANE (self), self->search_bar, self->search_entry);
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed), NULL);
  update_actions (self);
}

/**
 * hc_indicators_pane_get_year:
 * Returns: the year shown, or 0 before the first list came.
 */
int
hc_indicators_pane_get_year (HcIndicatorsPane *self)
{
  g_return_val_if_fail (HC_IS_INDICATORS_PANE (self), 0);
  return self->year_chosen ? self->year : 0;
}

void
hc_indicators_pane_set_year (HcIndicatorsPane *self,
                             int               year)
{
  g_return_if_fail (HC_IS_INDICATORS_PANE (self));
  g_return_if_fail (year >= FIRST_YEAR && year <= LAST_YEAR);

  if (self->year_chosen && self->year == year)
    return;
  self->year = year;
  self->year_chosen = TRUE;
  self->updating_year = TRUE;
  gtk_drop_down_set_selected (self->year_dropdown, (guint) (year - FIRST_YEAR));
  self->updating_year = FALSE;
  _hc_indicators_pane_show_message (self, NULL);
  if (self->detail != NULL)
    fill_detail (self);
  hc_pane_reload (HC_PANE (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_YEAR]);
}

/**
 * hc_indicators_pane_get_indicators:
 * Returns: (transfer none) (nullable): the rows of the year shown, in the
 * plan's order, or NULL before the first list came
 */
GListModel *
hc_indicators_pane_get_indicators (HcIndicatorsPane *self)
{
  g_return_val_if_fail (HC_IS_INDICATORS_PANE (self), NULL);
  return self->indicators;
}

/* Selects the indicator @key in the list, as a click on its row does. */
gboolean
hc_indicators_pane_select (HcIndicatorsPane *self,
                           const char       *key)
{
  g_return_val_if_fail (HC_IS_INDICATORS_PANE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  select_key (self, key);
  return g_strcmp0 (self->selected_key, key) == 0;
}

/**
 * hc_indicators_pane_get_detail:
 * Returns: (transfer none) (nullable): the selected indicator's detail,
 * NULL while none is selected or it loads
 */
HcIndicatorDetail *
hc_indicators_pane_get_detail (HcIndicatorsPane *self)
{
  g_return_val_if_fail (HC_IS_INDICATORS_PANE (self), NULL);
  return self->detail;
}

/* TRUE while a report or review is on its way to the server. */
gboolean
hc_indicators_pane_get_busy (HcIndicatorsPane *self)
{
  g_return_val_if_fail (HC_IS_INDICATORS_PANE (self), FALSE);
  return self->busy;
}

/* The message of the detail panel (what the last write did), or NULL. */
const char *
hc_indicators_pane_get_message (HcIndicatorsPane *self)
{
  g_return_val_if_fail (HC_IS_INDICATORS_PANE (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->detail_message)))
    return NULL;
  return gtk_label_get_label (self->detail_message);
}

/* For the UI tests: the detail's chart of the 市县. */
HcIndicatorRegionChart *
hc_indicators_pane_get_region_chart (HcIndicatorsPane *self)
{
  g_return_val_if_fail (HC_IS_INDICATORS_PANE (self), NULL);
  return self->region_chart;
}

/* Shows the view @name: "dashboard" or "reviews" (the review queue), as
 * the view switcher does. */
void
hc_indicators_pane_show_view (HcIndicatorsPane *self,
                              const char       *name)
{
  g_return_if_fail (HC_IS_INDICATORS_PANE (self));
  g_return_if_fail (name != NULL);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* For the UI tests: the review queue. */
HcIndicatorReviewView *
hc_indicators_pane_get_review_view (HcIndicatorsPane *self)
{
  g_return_val_if_fail (HC_IS_INDICATORS_PANE (self), NULL);
  return self->review_view;
}

/* For the UI tests: the detail's table of the 市县. */
HcIndicatorRegionsView *
hc_indicators_pane_get_regions_view (HcIndicatorsPane *self)
{
  g_return_val_if_fail (HC_IS_INDICATORS_PANE (self), NULL);
  return self->regions_view;
}

/* For the UI tests: the records page. */
HcIndicatorRecordsView *
hc_indicators_pane_get_records_view (HcIndicatorsPane *self)
{
  g_return_val_if_fail (HC_IS_INDICATORS_PANE (self), NULL);
  return self->records_view;
}

/* For the UI tests: the Table 1 PDF button. */
HcIndicatorTableButton *
hc_indicators_pane_get_table_button (HcIndicatorsPane *self)
{
  g_return_val_if_fail (HC_IS_INDICATORS_PANE (self), NULL);
  return self->table_button;
}
