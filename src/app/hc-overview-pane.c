/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcOverviewPane: the 总览 pane — the server, counts of what it holds, the
 * indicator values awaiting review, the open risk alerts and the latest
 * risk events. Each part
 * loads on its own, so one missing endpoint leaves a dash, not an empty
 * pane. */
#define G_LOG_DOMAIN "hc-overview-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-format.h"
#include "hc-grade-share.h"
#include "hc-indicator-summary.h"
#include "hc-overview-pane.h"
#include "hc-risk-event.h"

struct _HcOverviewPane
{
  HcPane        parent_instance;

  GtkLabel     *server_label;
  GtkLabel     *checked_label;
  GtkLabel     *regions_label;
  GtkLabel     *departments_label;
  GtkLabel     *subjects_label;
  GtkLabel     *risk_label;
  GtkLabel     *open_alerts_label;
  GtkLabel     *pending_repairs_label;
  GtkLabel     *overdue_repairs_label;
  GtkLabel     *red_label;
  GtkLabel     *black_label;
  GtkLabel     *watch_label;
  GtkLabel     *pending_reviews_label;
  GtkListBox   *events_list;
  GtkNoSelection *grades_selection;
};

G_DEFINE_FINAL_TYPE (HcOverviewPane, hc_overview_pane, HC_TYPE_PANE)

/* A count, or a dash whose tooltip says why there is none. */
static void
show_count (GtkLabel     *label,
            gint64        count,
            const GError *error)
{
  if (error != NULL)
    {
      gtk_label_set_text (label, "—");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), error->message);
    }
  else
    {
      g_autofree char *text = hc_format_count (count);
      gtk_label_set_text (label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
    }
}

#define CANCELLED(e) g_error_matches ((e), G_IO_ERROR, G_IO_ERROR_CANCELLED)

static void
regions_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcOverviewPane) self = user_data;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;

  regions = hc_client_list_regions_finish (HC_CLIENT (source), result, &error);
  if (!CANCELLED (error))
    show_count (self->regions_label, regions ? (gint64) regions->len : 0, error);
}

static void
count_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GtkLabel) label = user_data;
  g_autoptr(GError) error = NULL;
  gint64 count = hc_client_count_finish (HC_CLIENT (source), result, &error);

  if (!CANCELLED (error))
    show_count (label, count, error);
}

static void
list_count_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkLabel) label = user_data;
  g_autoptr(GError) error = NULL;
  gint64 count = hc_client_count_list_entries_finish (HC_CLIENT (source), result, &error);

  if (!CANCELLED (error))
    show_count (label, count, error);
}

/* Indicator values of the plan's current year that wait for a supervisor. */
static void
indicators_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HcOverviewPane) self = user_data;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pending = 0;

  rows = hc_client_list_indicators_finish (HC_CLIENT (source), result, &error);
  if (CANCELLED (error))
    return;
  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(HcIndicatorSummary) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (hc_indicator_summary_get_review_state (row), "submitted") == 0)
        pending++;
    }
  show_count (self->pending_reviews_label, pending, error);
}

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  HcRiskEvent *event = item;
  g_autofree char *subtitle = NULL;
  g_autofree char *severity = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *iso = g_strconcat (hc_risk_event_get_occurred_on (event), "T00:00:00Z", NULL);
  g_autofree char *date = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  day = g_date_time_new_from_iso8601 (iso, NULL);
  date = day ? hc_format_date (day) : g_strdup (hc_risk_event_get_occurred_on (event));
  /* Translators: a risk event's date, 市县 and category. */
  subtitle = g_strdup_printf (_("%s · %s · %s"), date,
                              hc_risk_event_get_region_name (event),
                              hc_risk_event_get_category_label (event));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hc_risk_event_get_title (event));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Translators: the severity of a risk event, 1 to 5. */
  severity = g_strdup_printf (_("Severity %d"), hc_risk_event_get_severity (event));
  label = gtk_label_new (severity);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
events_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcOverviewPane) self = user_data;
  g_autoptr(HcPage) events = NULL;
  g_autoptr(GError) error = NULL;

  events = hc_client_list_risk_events_finish (HC_CLIENT (source), result, &error);
  if (CANCELLED (error))
    return;
  if (events == NULL)
    {
      g_autoptr(GListStore) empty = g_list_store_new (HC_TYPE_RISK_EVENT);

      gtk_list_box_bind_model (self->events_list, G_LIST_MODEL (empty), create_event_row, NULL, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->events_list), error->message);
      return;
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->events_list), NULL);
  gtk_list_box_bind_model (self->events_list, hc_page_get_items (events), create_event_row, NULL, NULL);
}

/* The grades in force by 市县. */
static void
grades_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcOverviewPane) self = user_data;
  g_autoptr(GListModel) grades = NULL;
  g_autoptr(GError) error = NULL;

  grades = hc_client_get_grade_distribution_finish (HC_CLIENT (source), result, &error);
  if (CANCELLED (error))
    return;
  gtk_no_selection_set_model (self->grades_selection, grades);
}

static void
health_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcOverviewPane) self = user_data;
  g_autoptr(HcServerHealth) health = NULL;
  HcClient *client;
  GCancellable *cancellable;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *server = NULL;
  g_autofree char *day = NULL;
  const struct { HcCount what; GtkLabel *label; } counts[] = {
    { HC_COUNT_DEPARTMENTS, self->departments_label },
    { HC_COUNT_SUBJECTS, self->subjects_label },
    { HC_COUNT_RISK_EVENTS, self->risk_label },
    { HC_COUNT_RISK_ALERTS_OPEN, self->open_alerts_label },
    { HC_COUNT_REPAIRS_PENDING, self->pending_repairs_label },
    { HC_COUNT_REPAIRS_OVERDUE, self->overdue_repairs_label },
  };

  health = hc_client_get_health_finish (HC_CLIENT (source), result, &error);
  if (health == NULL)
    {
      hc_pane_show_error (HC_PANE (self), error);
      return;
    }

  /* Translators: the server's version and its database schema number. */
  server = g_strdup_printf (_("%s (database schema %d)"), health->version, health->schema);
  gtk_label_set_text (self->server_label, server);
  now = g_date_time_new_now_local ();
  day = hc_format_date (now);
  gtk_label_set_text (self->checked_label, day);
  hc_pane_show_content (HC_PANE (self));

  client = hc_pane_get_client (HC_PANE (self));
  cancellable = hc_pane_get_cancellable (HC_PANE (self));

  hc_client_list_regions_async (client, cancellable, regions_cb, g_object_ref (self));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    hc_client_count_async (client, counts[i].what, cancellable,
                           count_cb, g_object_ref (counts[i].label));
  hc_client_count_list_entries_async (client, "red", NULL, cancellable,
                                      list_count_cb, g_object_ref (self->red_label));
  hc_client_count_list_entries_async (client, "black", NULL, cancellable,
                                      list_count_cb, g_object_ref (self->black_label));
  hc_client_count_list_entries_async (client, "watch", NULL, cancellable,
                                      list_count_cb, g_object_ref (self->watch_label));
  hc_client_list_indicators_async (client, 0, cancellable,
                                   indicators_cb, g_object_ref (self));
  hc_client_list_risk_events_async (client, NULL, NULL, NULL, NULL, 5, NULL,
                                    cancellable, events_cb, g_object_ref (self));
  hc_client_get_grade_distribution_async (client, cancellable, grades_cb, g_object_ref (self));
}

static void
hc_overview_pane_reload (HcPane *pane)
{
  hc_pane_show_loading (pane);
  hc_client_get_health_async (hc_pane_get_client (pane), hc_pane_get_cancellable (pane),
                              health_cb, g_object_ref (pane));
}

static void
hc_overview_pane_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HC_TYPE_OVERVIEW_PANE);

  G_OBJECT_CLASS (hc_overview_pane_parent_class)->dispose (object);
}

static void
hc_overview_pane_class_init (HcOverviewPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HcPaneClass *pane_class = HC_PANE_CLASS (klass);

  object_class->dispose = hc_overview_pane_dispose;
  pane_class->reload = hc_overview_pane_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-overview-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, server_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, checked_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, regions_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, departments_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, subjects_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, risk_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, open_alerts_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, pending_repairs_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, overdue_repairs_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, red_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, black_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, watch_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, pending_reviews_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, events_list);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, grades_selection);
}

static void
hc_overview_pane_init (HcOverviewPane *self)
{
  g_type_ensure (HC_TYPE_GRADE_SHARE);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The number of open risk alerts as shown ("—" until it is known). */
const char *
hc_overview_pane_get_open_alerts (HcOverviewPane *self)
{
  g_return_val_if_fail (HC_IS_OVERVIEW_PANE (self), NULL);
  return gtk_label_get_text (self->open_alerts_label);
}

/* The grades in force by 市县 as shown (HcGradeShare), %NULL until read. */
GListModel *
hc_overview_pane_get_grades (HcOverviewPane *self)
{
  g_return_val_if_fail (HC_IS_OVERVIEW_PANE (self), NULL);
  return gtk_no_selection_get_model (self->grades_selection);
}
