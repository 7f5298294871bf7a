/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcPane: the base of the main window's panes. It holds what they all
 * share — the client, the cancellable of the pane's requests (cancelled
 * when the pane leaves the screen, fresh when it comes back), the
 * pane.refresh and pane.search actions and the pane's HcPaneState — so a
 * pane implements only what it shows, in its reload function.
 *
 * It also holds the one Export of every pane (pane.export, "csv" or
 * "xlsx"; "csv:LISTING" when a pane shows several listings, each with its
 * HcExportButton): the pane names its listing and a file name
 * (export_path, which may ask hc_pane_get_export_listing()), the
 * base asks where to save it, streams the server's export there with
 * progress (the exporting and export-fraction properties, which an
 * HcExportButton shows) and says when it is done in a toast that opens the
 * file. */
#define G_LOG_DOMAIN "hc-pane"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hc-pane.h"
#include "hc-format.h"

typedef struct
{
  HcPaneState  *state;        /* weak: a child of the pane's template */
  GtkSearchBar *search_bar;   /* weak */
  GtkWidget    *search_entry; /* weak */

  HcClient     *client;
  GCancellable *cancellable;

  /* The export under way: its own cancellable, since it goes on when the
   * pane leaves the screen (the toast still says when it is done). */
  GtkNativeDialog *export_chooser;
  HcExportFormat   export_format;
  char            *export_listing; /* which of the pane's listings, or NULL */
  char            *export_path;
  GCancellable    *export_cancellable;
  GFile           *export_file;
  double           export_fraction;
  AdwToast        *export_toast;   /* weak: the last one shown */
} HcPanePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HcPane, hc_pane, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CLIENT, PROP_STATE, PROP_EXPORTING, PROP_EXPORT_FRACTION, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
hc_pane_real_search (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  if (priv->search_bar == NULL)
    return;
  gtk_search_bar_set_search_mode (priv->search_bar, TRUE);
  if (priv->search_entry != NULL)
    gtk_widget_grab_focus (priv->search_entry);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HC_PANE_GET_CLASS (widget)->refresh (HC_PANE (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HC_PANE_GET_CLASS (widget)->search (HC_PANE (widget));
}

/* Export */

static const char *
format_extension (HcExportFormat format)
{
  return format == HC_EXPORT_FORMAT_CSV ? "csv" : "xlsx";
}

static void
set_export_fraction (HcPane *self,
                     double  fraction)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  if (priv->export_fraction == fraction)
    return;
  priv->export_fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXPORT_FRACTION]);
}

static void
set_exporting (HcPane       *self,
               GCancellable *cancellable)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);
  gboolean was = priv->export_cancellable != NULL;

  g_set_object (&priv->export_cancellable, cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.export",
                                 cancellable == NULL && HC_PANE_GET_CLASS (self)->export_path != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.export-cancel", cancellable != NULL);
  if (was != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXPORTING]);
}

/* The toast goes to the nearest toast overlay around the pane (the
 * window's), so it shows whichever pane is on screen by then. */
static void
add_toast (HcPane   *self,
           AdwToast *toast)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_set_weak_pointer (&priv->export_toast, toast);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

static void
open_export_cb (AdwToast *toast,
                GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  GtkWindow *window = app != NULL ? gtk_application_get_active_window (app) : NULL;

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static void
export_progress_cb (goffset  current,
                    goffset  total,
                    gpointer user_data)
{
  HcPane *self = user_data;

  set_export_fraction (self, total > 0 ? CLAMP ((double) current / total, 0, 1) : -1);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HcPane) self = user_data;
  HcPanePrivate *priv = hc_pane_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  gint64 rows = hc_client_export_finish (HC_CLIENT (source), result, &error);
  g_autoptr(GFile) file = g_steal_pointer (&priv->export_file);
  AdwToast *toast;

  set_exporting (self, NULL);
  set_export_fraction (self, -1);
  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast = adw_toast_new (_("The export was cancelled."));
      else
        {
          /* Translators: %s says why, e.g. "You are not allowed to do this." */
          g_autofree char *title = g_strdup_printf (_("The export failed: %s"), error->message);

          toast = adw_toast_new (title);
          adw_toast_set_timeout (toast, 0);
        }
      add_toast (self, toast);
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *count = hc_format_count (MAX (rows, 0));
    g_autofree char *title = NULL;

    if (rows >= 0)
      /* Translators: "公共信用信息目录-2025.xlsx 已导出，共 312 行" */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s exported, %s row",
                                            "%s exported, %s rows", rows),
                               name, count);
    else
      title = g_strdup_printf (_("%s exported"), name);
    toast = adw_toast_new (title);
  }
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_export_cb),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  add_toast (self, toast);
}

/* What the pane's export_path function is asked for: @listing (NULL for
 * the pane's one listing). */
static char *
pane_export_path (HcPane      *self,
                  const char  *listing,
                  char       **file_name)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_free (priv->export_listing);
  priv->export_listing = g_strdup (listing);
  return HC_PANE_GET_CLASS (self)->export_path (self, file_name);
}

/**
 * hc_pane_export_listing_to_file:
 * @listing: (nullable): which of the pane's listings, as the Export menu
 *   names it (an HcExportButton's listing), or %NULL for the pane's one
 *
 * Exports what the pane shows (its export_path, with its filters) in
 * @format to @file, as pane.export does once the file chooser answered.
 * Tests call it directly: they cannot drive a native chooser.
 */
void
hc_pane_export_listing_to_file (HcPane         *self,
                                const char     *listing,
                                HcExportFormat  format,
                                GFile          *file)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);
  g_autoptr(GCancellable) cancellable = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (HC_IS_PANE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (priv->export_cancellable != NULL || priv->client == NULL ||
      HC_PANE_GET_CLASS (self)->export_path == NULL)
    return;
  /* The path the chooser was opened for, else what the pane shows now. */
  path = g_steal_pointer (&priv->export_path);
  if (path == NULL && (path = pane_export_path (self, listing, &name)) == NULL)
    return;

  cancellable = g_cancellable_new ();
  set_exporting (self, cancellable);
  set_export_fraction (self, -1);
  g_set_object (&priv->export_file, file);
  hc_client_export_async (priv->client, path, format, file, export_progress_cb, self,
                          cancellable, export_done_cb, g_object_ref (self));
}

/* hc_pane_export_listing_to_file() of the pane's one listing. */
void
hc_pane_export_to_file (HcPane         *self,
                        HcExportFormat  format,
                        GFile          *file)
{
  hc_pane_export_listing_to_file (self, NULL, format, file);
}

/**
 * hc_pane_get_export_listing:
 *
 * For a pane's export_path function: which of its listings the Export menu
 * used asks for ("csv:records" names "records").
 *
 * Returns: (nullable): the listing's name, %NULL for the pane's one
 */
const char *
hc_pane_get_export_listing (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_val_if_fail (HC_IS_PANE (self), NULL);
  return priv->export_listing;
}

static void
export_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            HcPane          *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_signal_handlers_disconnect_by_data (chooser, self);
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&priv->export_chooser);
  if (file != NULL)
    hc_pane_export_to_file (self, priv->export_format, file);
  g_clear_pointer (&priv->export_path, g_free);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcPane *self = HC_PANE (widget);
  HcPanePrivate *priv = hc_pane_get_instance_private (self);
  const char *target = g_variant_get_string (param, NULL);
  const char *colon = strchr (target, ':');
  g_autofree char *format = g_strndup (target, colon ? (gsize) (colon - target) : strlen (target));
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (priv->export_chooser != NULL || priv->export_cancellable != NULL ||
      HC_PANE_GET_CLASS (self)->export_path == NULL)
    return;
  if (g_str_equal (format, "csv"))
    priv->export_format = HC_EXPORT_FORMAT_CSV;
  else if (g_str_equal (format, "xlsx"))
    priv->export_format = HC_EXPORT_FORMAT_XLSX;
  else
    {
      g_warning ("pane.export: unknown format “%s”", format);
      return;
    }
  if ((path = pane_export_path (self, colon ? colon + 1 : NULL, &name)) == NULL)
    return;

  file_name = g_strdup_printf ("%s.%s", name != NULL ? name : _("export"),
                               format_extension (priv->export_format));
  chooser = gtk_file_chooser_native_new (priv->export_format == HC_EXPORT_FORMAT_CSV
                                           ? _("Export as CSV") : _("Export as Excel Workbook"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  if (priv->export_format == HC_EXPORT_FORMAT_CSV)
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_suffix (filter, "xlsx");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_response_cb), self);
  priv->export_chooser = GTK_NATIVE_DIALOG (chooser);
  g_free (priv->export_path);
  priv->export_path = g_steal_pointer (&path);
  gtk_native_dialog_show (priv->export_chooser);
}

static void
export_cancel_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (HC_PANE (widget));

  g_cancellable_cancel (priv->export_cancellable);
}

gboolean
hc_pane_get_exporting (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_val_if_fail (HC_IS_PANE (self), FALSE);
  return priv->export_cancellable != NULL;
}

/* How much of the export's file has arrived, -1 while unknown (the server
 * is still writing it, or it did not say its size). */
double
hc_pane_get_export_fraction (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_val_if_fail (HC_IS_PANE (self), -1);
  return priv->export_fraction;
}

/**
 * hc_pane_get_export_chooser:
 * Returns: (transfer none) (nullable): the file chooser pane.export opened,
 *   while it is open
 */
GtkNativeDialog *
hc_pane_get_export_chooser (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_val_if_fail (HC_IS_PANE (self), NULL);
  return priv->export_chooser;
}

/**
 * hc_pane_get_export_toast:
 * Returns: (transfer none) (nullable): the last toast an export showed,
 *   while it shows
 */
AdwToast *
hc_pane_get_export_toast (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_val_if_fail (HC_IS_PANE (self), NULL);
  return priv->export_toast;
}

/* Leaving the pane cancels its requests; coming back loads it again. */
static void
hc_pane_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hc_pane_parent_class)->map (widget);
  hc_pane_reload (HC_PANE (widget));
}

static void
hc_pane_unmap (GtkWidget *widget)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (HC_PANE (widget));

  g_cancellable_cancel (priv->cancellable);
  GTK_WIDGET_CLASS (hc_pane_parent_class)->unmap (widget);
}

/* Search is offered by panes that have one: a search function of their own
 * or a search bar. (In an instance init the class is not yet the pane's.) */
static gboolean
has_search (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  return priv->search_bar != NULL || HC_PANE_GET_CLASS (self)->search != hc_pane_real_search;
}

static void
hc_pane_constructed (GObject *object)
{
  G_OBJECT_CLASS (hc_pane_parent_class)->constructed (object);
  gtk_widget_action_set_enabled (GTK_WIDGET (object), "pane.search", has_search (HC_PANE (object)));
  set_exporting (HC_PANE (object), NULL);
}

static void
hc_pane_dispose (GObject *object)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (HC_PANE (object));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_cancellable_cancel (priv->export_cancellable);
  g_clear_object (&priv->export_cancellable);
  if (priv->export_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (priv->export_chooser, object);
      gtk_native_dialog_destroy (priv->export_chooser);
      g_clear_object (&priv->export_chooser);
    }
  g_clear_pointer (&priv->export_path, g_free);
  g_clear_pointer (&priv->export_listing, g_free);
  g_clear_object (&priv->export_file);
  g_clear_weak_pointer (&priv->export_toast);
  g_clear_object (&priv->client);
  g_clear_weak_pointer (&priv->state);
  g_clear_weak_pointer (&priv->search_bar);
  g_clear_weak_pointer (&priv->search_entry);

  G_OBJECT_CLASS (hc_pane_parent_class)->dispose (object);
}

static void
hc_pane_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  HcPane *self = HC_PANE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, hc_pane_get_client (self));
      break;
    case PROP_STATE:
      g_value_set_object (value, hc_pane_get_state (self));
      break;
    case PROP_EXPORTING:
      g_value_set_boolean (value, hc_pane_get_exporting (self));
      break;
    case PROP_EXPORT_FRACTION:
      g_value_set_double (value, hc_pane_get_export_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_pane_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  HcPane *self = HC_PANE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      hc_pane_set_client (self, g_value_get_object (value));
      break;
    case PROP_STATE:
      hc_pane_set_state (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_pane_class_init (HcPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hc_pane_constructed;
  object_class->dispose = hc_pane_dispose;
  object_class->get_property = hc_pane_get_property;
  object_class->set_property = hc_pane_set_property;
  widget_class->map = hc_pane_map;
  widget_class->unmap = hc_pane_unmap;
  klass->refresh = hc_pane_reload;
  klass->search = hc_pane_real_search;

  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The loading, empty and error states: a pane's template sets it to its
   * HcPaneState, whose Try Again button reloads the pane. */
  properties [PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, HC_TYPE_PANE_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* An export is under way (pane.export-cancel stops it). */
  properties [PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_EXPORT_FRACTION] =
    g_param_spec_double ("export-fraction", NULL, NULL, -1, 1, -1,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The window's Ctrl+R and Ctrl+F activate these on the visible pane. */
  gtk_widget_class_install_action (widget_class, "pane.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "pane.search", NULL, search_action);
  /* "csv" or "xlsx", or "csv:LISTING" for one of several listings: the
   * Export menu of an HcExportButton. */
  gtk_widget_class_install_action (widget_class, "pane.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "pane.export-cancel", NULL, export_cancel_action);

  g_type_ensure (HC_TYPE_PANE_STATE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_pane_init (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  priv->export_fraction = -1;
}

HcClient *
hc_pane_get_client (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_val_if_fail (HC_IS_PANE (self), NULL);
  return priv->client;
}

void
hc_pane_set_client (HcPane   *self,
                    HcClient *client)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (g_set_object (&priv->client, client))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT]);
}

/**
 * hc_pane_get_cancellable:
 * Returns: (transfer none) (nullable): the cancellable of the pane's
 *   requests, cancelled when the pane is unmapped or reloaded; NULL before
 *   the first reload
 */
GCancellable *
hc_pane_get_cancellable (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_val_if_fail (HC_IS_PANE (self), NULL);
  return priv->cancellable;
}

/**
 * hc_pane_renew_cancellable:
 *
 * Cancels the pane's requests for requests that replace them (a filter
 * changed), without reloading the pane.
 *
 * Returns: (transfer none): the pane's new cancellable
 */
GCancellable *
hc_pane_renew_cancellable (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_val_if_fail (HC_IS_PANE (self), NULL);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();
  return priv->cancellable;
}

HcPaneState *
hc_pane_get_state (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_val_if_fail (HC_IS_PANE (self), NULL);
  return priv->state;
}

void
hc_pane_set_state (HcPane      *self,
                   HcPaneState *state)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));
  g_return_if_fail (state == NULL || HC_IS_PANE_STATE (state));

  if (priv->state == state)
    return;
  if (priv->state != NULL)
    g_signal_handlers_disconnect_by_func (priv->state, hc_pane_reload, self);
  g_set_weak_pointer (&priv->state, state);
  if (state != NULL)
    g_signal_connect_object (state, "retry", G_CALLBACK (hc_pane_reload), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
}

/* What the default search function opens: @search_bar, then @search_entry
 * takes the focus. */
void
hc_pane_set_search_bar (HcPane       *self,
                        GtkSearchBar *search_bar,
                        GtkWidget    *search_entry)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));
  g_return_if_fail (search_bar == NULL || GTK_IS_SEARCH_BAR (search_bar));
  g_return_if_fail (search_entry == NULL || GTK_IS_WIDGET (search_entry));

  g_set_weak_pointer (&priv->search_bar, search_bar);
  g_set_weak_pointer (&priv->search_entry, search_entry);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.search", has_search (self));
}

/* Cancels what the pane was loading and, when its client is signed in,
 * loads it again with a fresh cancellable. */
void
hc_pane_reload (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  if (priv->client == NULL || !hc_client_get_signed_in (priv->client))
    return;

  priv->cancellable = g_cancellable_new ();
  if (HC_PANE_GET_CLASS (self)->reload != NULL)
    HC_PANE_GET_CLASS (self)->reload (self);
}

void
hc_pane_show_loading (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));
  if (priv->state != NULL)
    hc_pane_state_show_loading (priv->state);
}

void
hc_pane_show_empty (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));
  if (priv->state != NULL)
    hc_pane_state_show_empty (priv->state);
}

void
hc_pane_show_content (HcPane *self)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));
  if (priv->state != NULL)
    hc_pane_state_show_content (priv->state);
}

/* Shows @error with its Try Again button; a cancelled request (the pane
 * left the screen or reloaded) shows nothing. */
void
hc_pane_show_error (HcPane       *self,
                    const GError *error)
{
  HcPanePrivate *priv = hc_pane_get_instance_private (self);

  g_return_if_fail (HC_IS_PANE (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (priv->state != NULL)
    hc_pane_state_show_error (priv->state, error->message);
}

/**
 * hc_pane_show_list:
 * @store: the pane's list, whose items are replaced by @items
 * @selection: the selection over @store
 * @select_id: the "id" of the item to select, or 0 for the first
 *
 * A pane whose content is a list of items with an "id" (plans, model
 * versions): the list read again, the empty page when it has none, and the
 * item the user had (or has just made) selected again — selected anew even
 * when its position is the same, so that the detail beside it reloads.
 */
void
hc_pane_show_list (HcPane             *self,
                   GListStore         *store,
                   GListModel         *items,
                   GtkSingleSelection *selection,
                   gint64              select_id)
{
  guint n = g_list_model_get_n_items (items);
  guint select = 0;

  g_return_if_fail (HC_IS_PANE (self));

  g_list_store_remove_all (store);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      gint64 id = 0;

      g_object_get (item, "id", &id, NULL);
      if (select_id != 0 && id == select_id)
        select = i;
      g_list_store_append (store, item);
    }
  if (n == 0)
    hc_pane_show_empty (self);
  else
    hc_pane_show_content (self);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (selection, select);
}
