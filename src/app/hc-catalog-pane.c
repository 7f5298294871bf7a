/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogPane: the Credit Information Catalog pane. It checks that the session is good and
 * shows what the pane is for; the pane's own views fill its content. */
#define G_LOG_DOMAIN "hc-catalog-pane"

#include "config.h"

#include "hc-catalog-pane.h"
#include "hc-import-page.h"
#include "hc-pane-state.h"

struct _HcCatalogPane
{
  GtkWidget     parent_instance;

  GtkSearchBar *search_bar;
  GtkWidget    *search_entry;
  HcPaneState  *state;
  AdwViewStack *stack;
  HcImportPage *import_page;

  HcClient     *client;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (HcCatalogPane, hc_catalog_pane, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CLIENT, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
session_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcCatalogPane) self = user_data;
  g_autoptr(GError) error = NULL;

  if (hc_client_check_session_finish (HC_CLIENT (source), result, &error))
    hc_pane_state_show_empty (self->state);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    hc_pane_state_show_error (self->state, error->message);
}

static void
refresh (HcCatalogPane *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client == NULL || !hc_client_get_signed_in (self->client))
    return;

  self->cancellable = g_cancellable_new ();
  hc_pane_state_show_loading (self->state);
  hc_client_check_session_async (self->client, self->cancellable, session_cb, g_object_ref (self));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HcCatalogPane *self = HC_CATALOG_PANE (widget);

  refresh (self);
  /* The window's refresh button also reloads the 归集 view when it shows. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "import") == 0)
    hc_import_page_refresh (self->import_page);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcCatalogPane *self = HC_CATALOG_PANE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (self->search_entry);
}

/* Leaving the pane cancels its requests; coming back loads it again. */
static void
hc_catalog_pane_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hc_catalog_pane_parent_class)->map (widget);
  refresh (HC_CATALOG_PANE (widget));
}

static void
hc_catalog_pane_unmap (GtkWidget *widget)
{
  HcCatalogPane *self = HC_CATALOG_PANE (widget);

  g_cancellable_cancel (self->cancellable);
  GTK_WIDGET_CLASS (hc_catalog_pane_parent_class)->unmap (widget);
}

static void
hc_catalog_pane_dispose (GObject *object)
{
  HcCatalogPane *self = HC_CATALOG_PANE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_CATALOG_PANE);

  G_OBJECT_CLASS (hc_catalog_pane_parent_class)->dispose (object);
}

static void
hc_catalog_pane_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HcCatalogPane *self = HC_CATALOG_PANE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, hc_catalog_pane_get_client (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_catalog_pane_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HcCatalogPane *self = HC_CATALOG_PANE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      hc_catalog_pane_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_catalog_pane_class_init (HcCatalogPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_catalog_pane_dispose;
  object_class->get_property = hc_catalog_pane_get_property;
  object_class->set_property = hc_catalog_pane_set_property;
  widget_class->map = hc_catalog_pane_map;
  widget_class->unmap = hc_catalog_pane_unmap;

  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "pane.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "pane.search", NULL, search_action);

  g_type_ensure (HC_TYPE_PANE_STATE);
  g_type_ensure (HC_TYPE_IMPORT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-catalog-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, state);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, stack);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, import_page);
  gtk_widget_class_bind_template_callback (widget_class, refresh);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_catalog_pane_init (HcCatalogPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HcClient *
hc_catalog_pane_get_client (HcCatalogPane *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_PANE (self), NULL);
  return self->client;
}

void
hc_catalog_pane_set_client (HcCatalogPane *self,
                          HcClient     *client)
{
  g_return_if_fail (HC_IS_CATALOG_PANE (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (g_set_object (&self->client, client))
    {
      hc_import_page_set_client (self->import_page, client);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT]);
    }
}

/* The 归集 page inside the pane (its "Import" view). */
HcImportPage *
hc_catalog_pane_get_import_page (HcCatalogPane *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_PANE (self), NULL);
  return self->import_page;
}

/* @view: "catalog" or "import" */
void
hc_catalog_pane_show_view (HcCatalogPane *self,
                           const char    *view)
{
  g_return_if_fail (HC_IS_CATALOG_PANE (self));
  g_return_if_fail (view != NULL);

  adw_view_stack_set_visible_child_name (self->stack, view);
}
