/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcPaneState: a pane's loading, empty, error and content states in one
 * place, so every pane says the same things the same way. */
#define G_LOG_DOMAIN "hc-pane-state"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-pane-state.h"

struct _HcPaneState
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  GtkWidget     *content;
};

G_DEFINE_FINAL_TYPE (HcPaneState, hc_pane_state, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_ICON_NAME, PROP_TITLE, PROP_DESCRIPTION, PROP_CONTENT, PROP_EMPTY_CHILD, N_PROPS };
enum { RETRY, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

void
hc_pane_state_show_loading (HcPaneState *self)
{
  g_return_if_fail (HC_IS_PANE_STATE (self));
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
hc_pane_state_show_empty (HcPaneState *self)
{
  g_return_if_fail (HC_IS_PANE_STATE (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
hc_pane_state_show_error (HcPaneState *self,
                          const char  *message)
{
  g_return_if_fail (HC_IS_PANE_STATE (self));
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

void
hc_pane_state_show_content (HcPaneState *self)
{
  g_return_if_fail (HC_IS_PANE_STATE (self));
  if (self->content != NULL)
    gtk_stack_set_visible_child (self->stack, self->content);
}

/* "loading", "empty", "error" or "content". */
const char *
hc_pane_state_get_state (HcPaneState *self)
{
  g_return_val_if_fail (HC_IS_PANE_STATE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
hc_pane_state_get_content (HcPaneState *self)
{
  g_return_val_if_fail (HC_IS_PANE_STATE (self), NULL);
  return self->content;
}

void
hc_pane_state_set_content (HcPaneState *self,
                           GtkWidget   *content)
{
  g_return_if_fail (HC_IS_PANE_STATE (self));
  g_return_if_fail (content == NULL || GTK_IS_WIDGET (content));

  if (self->content == content)
    return;
  if (self->content != NULL)
    gtk_stack_remove (self->stack, self->content);
  self->content = content;
  if (content != NULL)
    gtk_stack_add_named (self->stack, content, "content");
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTENT]);
}

static void
on_retry_clicked (HcPaneState *self)
{
  g_signal_emit (self, signals [RETRY], 0);
}

static void
hc_pane_state_dispose (GObject *object)
{
  HcPaneState *self = HC_PANE_STATE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_PANE_STATE);
  self->content = NULL;

  G_OBJECT_CLASS (hc_pane_state_parent_class)->dispose (object);
}

static void
hc_pane_state_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HcPaneState *self = HC_PANE_STATE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, adw_status_page_get_icon_name (self->empty_page));
      break;
    case PROP_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->empty_page));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, adw_status_page_get_description (self->empty_page));
      break;
    case PROP_CONTENT:
      g_value_set_object (value, hc_pane_state_get_content (self));
      break;
    case PROP_EMPTY_CHILD:
      g_value_set_object (value, adw_status_page_get_child (self->empty_page));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_pane_state_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HcPaneState *self = HC_PANE_STATE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      adw_status_page_set_icon_name (self->empty_page, g_value_get_string (value));
      break;
    case PROP_TITLE:
      adw_status_page_set_title (self->empty_page, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      adw_status_page_set_description (self->empty_page, g_value_get_string (value));
      break;
    case PROP_CONTENT:
      hc_pane_state_set_content (self, g_value_get_object (value));
      break;
    case PROP_EMPTY_CHILD:
      adw_status_page_set_child (self->empty_page, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_pane_state_class_init (HcPaneStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_pane_state_dispose;
  object_class->get_property = hc_pane_state_get_property;
  object_class->set_property = hc_pane_state_set_property;

  /* The empty state's icon, title and description: what the pane is for. */
  properties [PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties [PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Under the empty state's description: what the user can do to fill
   * the pane (a button), or NULL. */
  properties [PROP_EMPTY_CHILD] =
    g_param_spec_object ("empty-child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [RETRY] =
    g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-pane-state.ui");
  gtk_widget_class_bind_template_child (widget_class, HcPaneState, stack);
  gtk_widget_class_bind_template_child (widget_class, HcPaneState, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HcPaneState, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_pane_state_init (HcPaneState *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
