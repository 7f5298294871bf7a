/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcExportButton: the Export menu of a pane. Its items activate
 * pane.export ("csv" / "xlsx") on the HcPane around it; while that pane
 * exports, the button gives way to a progress bar (pulsing while the server
 * is still writing the file) and a Cancel button (pane.export-cancel). */
#define G_LOG_DOMAIN "hc-export-button"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-export-button.h"
#include "hc-pane.h"

struct _HcExportButton
{
  GtkWidget       parent_instance;

  GtkStack       *stack;
  GtkProgressBar *progress_bar;

  HcPane         *pane;       /* weak: the ancestor whose exports it shows */
  guint           pulse_id;
};

G_DEFINE_FINAL_TYPE (HcExportButton, hc_export_button, GTK_TYPE_WIDGET)

static gboolean
pulse_cb (gpointer data)
{
  HcExportButton *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
update (HcExportButton *self)
{
  gboolean exporting = self->pane != NULL && hc_pane_get_exporting (self->pane);
  double fraction = self->pane != NULL ? hc_pane_get_export_fraction (self->pane) : -1;
  gboolean pulse = exporting && fraction < 0;

  gtk_stack_set_visible_child_name (self->stack, exporting ? "progress" : "menu");
  if (fraction >= 0)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  if (pulse && self->pulse_id == 0)
    self->pulse_id = g_timeout_add (120, pulse_cb, self);
  else if (!pulse)
    g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static void
set_pane (HcExportButton *self,
          HcPane         *pane)
{
  if (self->pane == pane)
    return;
  if (self->pane != NULL)
    g_signal_handlers_disconnect_by_data (self->pane, self);
  g_set_weak_pointer (&self->pane, pane);
  if (pane != NULL)
    {
      g_signal_connect_object (pane, "notify::exporting", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (pane, "notify::export-fraction", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
  update (self);
}

static void
hc_export_button_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hc_export_button_parent_class)->root (widget);
  set_pane (HC_EXPORT_BUTTON (widget), HC_PANE (gtk_widget_get_ancestor (widget, HC_TYPE_PANE)));
}

static void
hc_export_button_unroot (GtkWidget *widget)
{
  set_pane (HC_EXPORT_BUTTON (widget), NULL);
  GTK_WIDGET_CLASS (hc_export_button_parent_class)->unroot (widget);
}

static void
hc_export_button_dispose (GObject *object)
{
  HcExportButton *self = HC_EXPORT_BUTTON (object);

  set_pane (self, NULL);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_EXPORT_BUTTON);

  G_OBJECT_CLASS (hc_export_button_parent_class)->dispose (object);
}

static void
hc_export_button_class_init (HcExportButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_export_button_dispose;
  widget_class->root = hc_export_button_root;
  widget_class->unroot = hc_export_button_unroot;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-export-button.ui");
  gtk_widget_class_bind_template_child (widget_class, HcExportButton, stack);
  gtk_widget_class_bind_template_child (widget_class, HcExportButton, progress_bar);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_export_button_init (HcExportButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkProgressBar *
hc_export_button_get_progress_bar (HcExportButton *self)
{
  g_return_val_if_fail (HC_IS_EXPORT_BUTTON (self), NULL);
  return self->progress_bar;
}
