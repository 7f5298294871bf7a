/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcOverviewPane: the 总览 pane — the server, and counts of what it holds.
 * Each count loads on its own, so one missing endpoint leaves a dash, not
 * an empty pane. */
#define G_LOG_DOMAIN "hc-overview-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-format.h"
#include "hc-overview-pane.h"
#include "hc-pane-state.h"

struct _HcOverviewPane
{
  GtkWidget     parent_instance;

  HcPaneState  *state;
  GtkLabel     *server_label;
  GtkLabel     *checked_label;
  GtkLabel     *regions_label;
  GtkLabel     *departments_label;
  GtkLabel     *subjects_label;
  GtkLabel     *risk_label;
  GtkLabel     *pending_repairs_label;
  GtkLabel     *overdue_repairs_label;
  GtkLabel     *red_label;
  GtkLabel     *black_label;
  GtkLabel     *watch_label;

  HcClient     *client;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (HcOverviewPane, hc_overview_pane, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CLIENT, N_PROPS };

static GParamSpec *properties [N_PROPS];

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

static void
health_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcOverviewPane) self = user_data;
  g_autoptr(HcServerHealth) health = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *server = NULL;
  g_autofree char *day = NULL;
  const struct { HcCount what; GtkLabel *label; } counts[] = {
    { HC_COUNT_DEPARTMENTS, self->departments_label },
    { HC_COUNT_SUBJECTS, self->subjects_label },
    { HC_COUNT_RISK_EVENTS, self->risk_label },
    { HC_COUNT_REPAIRS_PENDING, self->pending_repairs_label },
    { HC_COUNT_REPAIRS_OVERDUE, self->overdue_repairs_label },
  };

  health = hc_client_get_health_finish (HC_CLIENT (source), result, &error);
  if (CANCELLED (error))
    return;
  if (health == NULL)
    {
      hc_pane_state_show_error (self->state, error->message);
      return;
    }

  /* Translators: the server's version and its database schema number. */
  server = g_strdup_printf (_("%s (database schema %d)"), health->version, health->schema);
  gtk_label_set_text (self->server_label, server);
  now = g_date_time_new_now_local ();
  day = hc_format_date (now);
  gtk_label_set_text (self->checked_label, day);
  hc_pane_state_show_content (self->state);

  hc_client_list_regions_async (self->client, self->cancellable, regions_cb, g_object_ref (self));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    hc_client_count_async (self->client, counts[i].what, self->cancellable,
                           count_cb, g_object_ref (counts[i].label));
  hc_client_count_list_entries_async (self->client, "red", NULL, self->cancellable,
                                      list_count_cb, g_object_ref (self->red_label));
  hc_client_count_list_entries_async (self->client, "black", NULL, self->cancellable,
                                      list_count_cb, g_object_ref (self->black_label));
  hc_client_count_list_entries_async (self->client, "watch", NULL, self->cancellable,
                                      list_count_cb, g_object_ref (self->watch_label));
}

static void
refresh (HcOverviewPane *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client == NULL || !hc_client_get_signed_in (self->client))
    return;

  self->cancellable = g_cancellable_new ();
  hc_pane_state_show_loading (self->state);
  hc_client_get_health_async (self->client, self->cancellable, health_cb, g_object_ref (self));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  refresh (HC_OVERVIEW_PANE (widget));
}

static void
hc_overview_pane_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hc_overview_pane_parent_class)->map (widget);
  refresh (HC_OVERVIEW_PANE (widget));
}

static void
hc_overview_pane_unmap (GtkWidget *widget)
{
  HcOverviewPane *self = HC_OVERVIEW_PANE (widget);

  g_cancellable_cancel (self->cancellable);
  GTK_WIDGET_CLASS (hc_overview_pane_parent_class)->unmap (widget);
}

static void
hc_overview_pane_dispose (GObject *object)
{
  HcOverviewPane *self = HC_OVERVIEW_PANE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_OVERVIEW_PANE);

  G_OBJECT_CLASS (hc_overview_pane_parent_class)->dispose (object);
}

static void
hc_overview_pane_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HcOverviewPane *self = HC_OVERVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, hc_overview_pane_get_client (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_overview_pane_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HcOverviewPane *self = HC_OVERVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      hc_overview_pane_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_overview_pane_class_init (HcOverviewPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_overview_pane_dispose;
  object_class->get_property = hc_overview_pane_get_property;
  object_class->set_property = hc_overview_pane_set_property;
  widget_class->map = hc_overview_pane_map;
  widget_class->unmap = hc_overview_pane_unmap;

  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "pane.refresh", NULL, refresh_action);

  g_type_ensure (HC_TYPE_PANE_STATE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-overview-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, state);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, server_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, checked_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, regions_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, departments_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, subjects_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, risk_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, pending_repairs_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, overdue_repairs_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, red_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, black_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPane, watch_label);
  gtk_widget_class_bind_template_callback (widget_class, refresh);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_overview_pane_init (HcOverviewPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HcClient *
hc_overview_pane_get_client (HcOverviewPane *self)
{
  g_return_val_if_fail (HC_IS_OVERVIEW_PANE (self), NULL);
  return self->client;
}

void
hc_overview_pane_set_client (HcOverviewPane *self,
                             HcClient       *client)
{
  g_return_if_fail (HC_IS_OVERVIEW_PANE (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (g_set_object (&self->client, client))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT]);
}
