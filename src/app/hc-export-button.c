/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcExportButton: the Export menu of a pane. Its items activate
 * pane.export ("csv" / "xlsx", or "csv:LISTING" / "xlsx:LISTING" when the
 * button names one of the pane's listings) on the HcPane around it; while that pane
 * exports, the button gives way to a progress bar (pulsing while the server
 * is still writing the file) and a Cancel button (pane.export-cancel). */
#define G_LOG_DOMAIN "hc-export-button"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-export-button.h"
#include "hc-pane.h"

struct _HcExportButton
{
  GtkWidget       parent_instance;

  GtkStack       *stack;
  GtkMenuButton  *menu_button;
  AdwButtonContent *content;
  GtkProgressBar *progress_bar;

  char           *listing;

  HcPane         *pane;       /* weak: the ancestor whose exports it shows */
  guint           pulse_id;
};

G_DEFINE_FINAL_TYPE (HcExportButton, hc_export_button, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_LISTING, PROP_LABEL, N_PROPS };

static GParamSpec *properties [N_PROPS];

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
hc_export_button_finalize (GObject *object)
{
  g_free (HC_EXPORT_BUTTON (object)->listing);

  G_OBJECT_CLASS (hc_export_button_parent_class)->finalize (object);
}

static void
hc_export_button_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HcExportButton *self = HC_EXPORT_BUTTON (object);

  switch (prop_id)
    {
    case PROP_LISTING:
      g_value_set_string (value, hc_export_button_get_listing (self));
      break;
    case PROP_LABEL:
      g_value_set_string (value, adw_button_content_get_label (self->content));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_export_button_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HcExportButton *self = HC_EXPORT_BUTTON (object);

  switch (prop_id)
    {
    case PROP_LISTING:
      hc_export_button_set_listing (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      hc_export_button_set_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_export_button_class_init (HcExportButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_export_button_dispose;
  object_class->finalize = hc_export_button_finalize;
  object_class->get_property = hc_export_button_get_property;
  object_class->set_property = hc_export_button_set_property;
  widget_class->root = hc_export_button_root;
  widget_class->unroot = hc_export_button_unroot;

  /* Which of the pane's listings the menu exports, when it shows several
   * (hc_pane_get_export_listing()); NULL for the pane's one. */
  properties [PROP_LISTING] =
    g_param_spec_string ("listing", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The button's label, with its mnemonic ("E_xport" unless set): a view
   * with two export buttons names each, so that neither the mnemonics nor
   * what a screen reader says are the same. */
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-export-button.ui");
  gtk_widget_class_bind_template_child (widget_class, HcExportButton, stack);
  gtk_widget_class_bind_template_child (widget_class, HcExportButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HcExportButton, content);
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

const char *
hc_export_button_get_listing (HcExportButton *self)
{
  g_return_val_if_fail (HC_IS_EXPORT_BUTTON (self), NULL);
  return self->listing;
}

/* The menu's items name @listing in their target ("csv:records"). */
void
hc_export_button_set_listing (HcExportButton *self,
                              const char     *listing)
{
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) section = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;

  g_return_if_fail (HC_IS_EXPORT_BUTTON (self));

  if (g_strcmp0 (self->listing, listing) == 0)
    return;
  g_free (self->listing);
  self->listing = g_strdup (listing);
  csv = listing ? g_strconcat ("csv:", listing, NULL) : g_strdup ("csv");
  xlsx = listing ? g_strconcat ("xlsx:", listing, NULL) : g_strdup ("xlsx");
  menu = g_menu_new ();
  section = g_menu_new ();
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (i == 0 ? _("Export as _CSV…") : _("Export as _Excel Workbook…"),
                                                   NULL);

      g_menu_item_set_action_and_target (item, "pane.export", "s", i == 0 ? csv : xlsx);
      g_menu_append_item (section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LISTING]);
}

/* @label with a mnemonic; the accessible name is the same words without it. */
void
hc_export_button_set_label (HcExportButton *self,
                            const char     *label)
{
  g_autoptr(GString) plain = NULL;

  g_return_if_fail (HC_IS_EXPORT_BUTTON (self));
  g_return_if_fail (label != NULL);

  if (g_strcmp0 (adw_button_content_get_label (self->content), label) == 0)
    return;
  adw_button_content_set_label (self->content, label);
  plain = g_string_new (label);
  g_string_replace (plain, "_", "", 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain->str, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABEL]);
}
