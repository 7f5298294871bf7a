/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogPane: the Credit Information Catalog pane. It checks that the session is good and
 * shows what the pane is for; the pane's own views fill its content. */
#define G_LOG_DOMAIN "hc-catalog-pane"

#include "config.h"

#include "hc-catalog-pane.h"
#include "hc-import-page.h"

struct _HcCatalogPane
{
  HcPane        parent_instance;

  AdwViewStack *stack;
  HcImportPage *import_page;
};

G_DEFINE_FINAL_TYPE (HcCatalogPane, hc_catalog_pane, HC_TYPE_PANE)

static void
session_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcCatalogPane) self = user_data;
  g_autoptr(GError) error = NULL;

  if (hc_client_check_session_finish (HC_CLIENT (source), result, &error))
    hc_pane_show_empty (HC_PANE (self));
  else
    hc_pane_show_error (HC_PANE (self), error);
}

static void
hc_catalog_pane_reload (HcPane *pane)
{
  HcCatalogPane *self = HC_CATALOG_PANE (pane);

  hc_pane_show_loading (pane);
  hc_client_check_session_async (hc_pane_get_client (pane), hc_pane_get_cancellable (pane),
                                 session_cb, g_object_ref (self));
}

/* The window's refresh button also reloads the 归集 view when it shows
 * (only a refresh: mapping the pane maps the import page, which loads
 * itself). */
static void
hc_catalog_pane_refresh (HcPane *pane)
{
  HcCatalogPane *self = HC_CATALOG_PANE (pane);

  hc_pane_reload (pane);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "import") == 0)
    hc_import_page_refresh (self->import_page);
}

static void
client_changed (HcCatalogPane *self)
{
  hc_import_page_set_client (self->import_page, hc_pane_get_client (HC_PANE (self)));
}

static void
hc_catalog_pane_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HC_TYPE_CATALOG_PANE);

  G_OBJECT_CLASS (hc_catalog_pane_parent_class)->dispose (object);
}

static void
hc_catalog_pane_class_init (HcCatalogPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HcPaneClass *pane_class = HC_PANE_CLASS (klass);

  object_class->dispose = hc_catalog_pane_dispose;
  pane_class->reload = hc_catalog_pane_reload;
  pane_class->refresh = hc_catalog_pane_refresh;

  g_type_ensure (HC_TYPE_IMPORT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-catalog-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, stack);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogPane, import_page);
}

static void
hc_catalog_pane_init (HcCatalogPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed), NULL);
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
