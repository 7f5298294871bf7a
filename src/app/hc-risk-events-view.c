/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRiskEventsView: under the heat map, the risk events of the 市县 (and
 * month or category) that was clicked, or of the alert that was chosen,
 * newest first, fifty at a time with a button for more; the pane's search
 * filters them by title. */
#define G_LOG_DOMAIN "hc-risk-events-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-risk-events-view.h"

#define EVENTS_PAGE 50

struct _HcRiskEventsView
{
  GtkWidget           parent_instance;

  /* template children */
  GtkLabel           *events_title;
  GtkFilterListModel *events_filter;

  /* state */
  HcClient           *client;
  GCancellable       *cancellable;
  GListStore         *events;
  char               *search;
  char               *region;
  char               *category;
  char               *from;
  char               *to;
  char               *next_cursor;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (HcRiskEventsView, hc_risk_events_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_BUSY, PROP_SEARCH, N_PROPS };

static GParamSpec *properties [N_PROPS];

#define CANCELLED(e) g_error_matches ((e), G_IO_ERROR, G_IO_ERROR_CANCELLED)

static void
set_loading (HcRiskEventsView *self,
             gboolean          loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.more", self->next_cursor != NULL && !loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
events_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcRiskEventsView) self = user_data;
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
  set_loading (self, FALSE);
}

static void
load_events (HcRiskEventsView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client == NULL || self->region == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.more", FALSE);
  set_loading (self, TRUE);
  hc_client_list_risk_events_async (self->client, self->region, self->category, self->from, self->to,
                                    EVENTS_PAGE, self->next_cursor,
                                    self->cancellable, events_cb, g_object_ref (self));
}

/**
 * hc_risk_events_view_show:
 * @region: a 市县's GB/T 2260 code
 * @category: (nullable): a risk category's key, NULL for all of them
 * @from: (nullable): the first month (YYYY-MM)
 * @to: (nullable): the last month
 *
 * Shows the first page of those events.
 */
void
hc_risk_events_view_show (HcRiskEventsView *self,
                          const char       *region,
                          const char       *category,
                          const char       *from,
                          const char       *to)
{
  const HcRegion *info;
  g_autofree char *title = NULL;
  HcRiskCategory c;

  g_return_if_fail (HC_IS_RISK_EVENTS_VIEW (self));
  g_return_if_fail (region != NULL);

  info = hc_region_lookup (region);
  g_free (self->region);
  self->region = g_strdup (region);
  g_free (self->category);
  self->category = g_strdup (category);
  g_free (self->from);
  self->from = g_strdup (from);
  g_free (self->to);
  self->to = g_strdup (to);
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

static char *
format_severity (gpointer unused,
                 int      severity)
{
  /* TRANSLATORS: a risk event's severity, from 1 to 5 */
  return g_strdup_printf (_("%d of 5"), severity);
}

static void
more_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HcRiskEventsView *self = HC_RISK_EVENTS_VIEW (widget);

  if (self->next_cursor != NULL && !self->loading)
    load_events (self);
}

/* Leaving the pane cancels the page asked for. */
static void
hc_risk_events_view_unmap (GtkWidget *widget)
{
  HcRiskEventsView *self = HC_RISK_EVENTS_VIEW (widget);

  g_cancellable_cancel (self->cancellable);
  set_loading (self, FALSE);
  GTK_WIDGET_CLASS (hc_risk_events_view_parent_class)->unmap (widget);
}

static void
hc_risk_events_view_dispose (GObject *object)
{
  HcRiskEventsView *self = HC_RISK_EVENTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_RISK_EVENTS_VIEW);
  g_clear_object (&self->events);
  g_clear_object (&self->client);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->next_cursor, g_free);

  G_OBJECT_CLASS (hc_risk_events_view_parent_class)->dispose (object);
}

static void
hc_risk_events_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HcRiskEventsView *self = HC_RISK_EVENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, hc_risk_events_view_get_busy (self));
      break;
    case PROP_SEARCH:
      g_value_set_string (value, hc_risk_events_view_get_search (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_risk_events_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HcRiskEventsView *self = HC_RISK_EVENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      hc_risk_events_view_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_risk_events_view_class_init (HcRiskEventsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_risk_events_view_dispose;
  object_class->get_property = hc_risk_events_view_get_property;
  object_class->set_property = hc_risk_events_view_set_property;
  widget_class->unmap = hc_risk_events_view_unmap;

  /* TRUE while a page of events loads. */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The text the events' titles are filtered by. */
  properties [PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "events.more", NULL, more_action);

  g_type_ensure (HC_TYPE_RISK_EVENT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-risk-events-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HcRiskEventsView, events_title);
  gtk_widget_class_bind_template_child (widget_class, HcRiskEventsView, events_filter);
  gtk_widget_class_bind_template_callback (widget_class, format_severity);
}

static void
hc_risk_events_view_init (HcRiskEventsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->events = g_list_store_new (HC_TYPE_RISK_EVENT);
  gtk_filter_list_model_set_model (self->events_filter, G_LIST_MODEL (self->events));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.more", FALSE);
}

/* The client the events are read with (NULL: signed out). */
void
hc_risk_events_view_set_client (HcRiskEventsView *self,
                                HcClient         *client)
{
  g_return_if_fail (HC_IS_RISK_EVENTS_VIEW (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  g_set_object (&self->client, client);
}

gboolean
hc_risk_events_view_get_busy (HcRiskEventsView *self)
{
  g_return_val_if_fail (HC_IS_RISK_EVENTS_VIEW (self), FALSE);
  return self->loading;
}

/* The events (all pages loaded so far, before the search). */
GListModel *
hc_risk_events_view_get_events (HcRiskEventsView *self)
{
  g_return_val_if_fail (HC_IS_RISK_EVENTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->events);
}

const char *
hc_risk_events_view_get_search (HcRiskEventsView *self)
{
  g_return_val_if_fail (HC_IS_RISK_EVENTS_VIEW (self), NULL);
  return self->search;
}

void
hc_risk_events_view_set_search (HcRiskEventsView *self,
                                const char       *search)
{
  g_return_if_fail (HC_IS_RISK_EVENTS_VIEW (self));

  if (g_strcmp0 (self->search, search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
}
