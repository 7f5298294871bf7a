/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcHeatmapClasses: the colour classes of the heat map pane. Each map's own
 * classes (equal intervals up to its largest value) do not let two years be
 * compared; fixed classes do — up to the largest value of the plan's years
 * 2021–2025 (asked of the server, one year at a time, for the view, category
 * and measure shown), or five numbers typed by hand. */
#define G_LOG_DOMAIN "hc-heatmap-classes"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-heatmap-classes.h"

#define FIRST_PLAN_YEAR 2021
#define LAST_PLAN_YEAR 2025

struct _HcHeatmapClasses
{
  GObject             parent_instance;

  HcHeatmapBreaksMode mode;
  HcHeatBreaks        hand_breaks;
  HcHeatBreaks        range_breaks;
  char               *range_key;         /* what range_breaks were made for */
  GCancellable       *range_cancellable;
  gboolean            loading_range;
};

G_DEFINE_FINAL_TYPE (HcHeatmapClasses, hc_heatmap_classes, G_TYPE_OBJECT)

enum { PROP_0, PROP_BUSY, N_PROPS };
enum { CHANGED, FAILED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
set_loading_range (HcHeatmapClasses *self,
                   gboolean          loading)
{
  if (self->loading_range == loading)
    return;
  self->loading_range = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

/* What the fixed classes depend on: the view, category and measure. */
static char *
range_key (const char *by,
           const char *category,
           const char *measure,
           const char *normalize)
{
  return g_strdup_printf ("%s/%s/%s/%s", by, category ? category : "",
                          measure ? measure : "", normalize ? normalize : "");
}

typedef struct
{
  HcHeatmapClasses *self;
  char             *key;
  guint             pending;
  double            max;
  GError           *error;
} RangeJob;

static void
range_job_free (RangeJob *job)
{
  g_object_unref (job->self);
  g_free (job->key);
  g_clear_error (&job->error);
  g_free (job);
}

/* One year's heat map of the range is in: when the last is, the classes
 * are equal intervals up to the largest value of the five years. */
static void
range_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RangeJob *job = user_data;
  HcHeatmapClasses *self = job->self;
  g_autoptr(HcHeatmap) heatmap = NULL;
  g_autoptr(GError) error = NULL;

  heatmap = hc_client_get_heatmap_finish (HC_CLIENT (source), result, &error);
  if (heatmap != NULL)
    job->max = MAX (job->max, heatmap->max);
  else if (job->error == NULL)
    job->error = g_steal_pointer (&error);
  if (--job->pending > 0)
    return;
  if (!g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_loading_range (self, FALSE);
      if (job->error != NULL)
        g_signal_emit (self, signals [FAILED], 0, job->error);
      else
        {
          hc_heat_breaks_init_equal (&self->range_breaks, job->max);
          g_free (self->range_key);
          self->range_key = g_strdup (job->key);
          g_signal_emit (self, signals [CHANGED], 0);
        }
    }
  range_job_free (job);
}

static void
load_range (HcHeatmapClasses *self,
            HcClient         *client,
            const char       *by,
            const char       *category,
            const char       *measure,
            const char       *normalize)
{
  RangeJob *job;

  g_cancellable_cancel (self->range_cancellable);
  g_clear_object (&self->range_cancellable);
  if (client == NULL)
    return;
  self->range_cancellable = g_cancellable_new ();
  job = g_new0 (RangeJob, 1);
  job->self = g_object_ref (self);
  job->key = range_key (by, category, measure, normalize);
  job->pending = LAST_PLAN_YEAR - FIRST_PLAN_YEAR + 1;
  set_loading_range (self, TRUE);
  for (int year = FIRST_PLAN_YEAR; year <= LAST_PLAN_YEAR; year++)
    {
      g_autofree char *from = g_strdup_printf ("%d-01", year);
      g_autofree char *to = g_strdup_printf ("%d-12", year);

      hc_client_get_heatmap_async (client, by, from, to, category, measure, normalize,
                                   self->range_cancellable, range_cb, job);
    }
}

/**
 * hc_heatmap_classes_lookup:
 * @client: asked for the years 2021–2025 when the fixed classes are not in yet
 * @by, @category, @measure, @normalize: the heat map shown, as for
 *   hc_client_get_heatmap_async()
 * @breaks: (out): the classes to draw with; %NULL for each map's own
 *
 * Returns: %FALSE while the fixed classes for this heat map are being
 *   loaded (::changed follows, or ::failed)
 */
gboolean
hc_heatmap_classes_lookup (HcHeatmapClasses    *self,
                           HcClient            *client,
                           const char          *by,
                           const char          *category,
                           const char          *measure,
                           const char          *normalize,
                           const HcHeatBreaks **breaks)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (HC_IS_HEATMAP_CLASSES (self), FALSE);
  g_return_val_if_fail (breaks != NULL, FALSE);

  *breaks = NULL;
  switch (self->mode)
    {
    case HC_HEATMAP_BREAKS_FIXED_RANGE:
      key = range_key (by, category, measure, normalize);
      if (g_strcmp0 (key, self->range_key) != 0)
        {
          load_range (self, client, by, category, measure, normalize);
          return FALSE;
        }
      *breaks = &self->range_breaks;
      return TRUE;
    case HC_HEATMAP_BREAKS_BY_HAND:
      *breaks = &self->hand_breaks;
      return TRUE;
    case HC_HEATMAP_BREAKS_OWN:
    default:
      return TRUE;
    }
}

static void
hand_breaks_changed (GtkEditable      *editable,
                     AdwMessageDialog *dialog)
{
  GtkWidget *error_label = g_object_get_data (G_OBJECT (dialog), "error-label");
  g_autoptr(GError) error = NULL;
  HcHeatBreaks breaks;
  gboolean ok = hc_heat_breaks_parse (&breaks, gtk_editable_get_text (editable), &error);

  gtk_label_set_text (GTK_LABEL (error_label), ok ? "" : error->message);
  gtk_widget_set_visible (error_label, !ok);
  adw_message_dialog_set_response_enabled (dialog, "apply", ok);
}

/* Applied: the classes are the numbers typed. Cancelled: they stay what
 * they were; ::changed either way, so the menu shows the mode in force. */
static void
hand_breaks_response (AdwMessageDialog *dialog,
                      const char       *response,
                      HcHeatmapClasses *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  HcHeatBreaks breaks;

  if (g_strcmp0 (response, "apply") == 0 &&
      hc_heat_breaks_parse (&breaks, gtk_editable_get_text (entry), NULL))
    {
      self->hand_breaks = breaks;
      self->mode = HC_HEATMAP_BREAKS_BY_HAND;
    }
  g_signal_emit (self, signals [CHANGED], 0);
}

/**
 * hc_heatmap_classes_ask_by_hand:
 * @parent: a widget of the window the dialog belongs to
 * @current: the classes drawn now, offered to start from
 *
 * Asks for the five numbers where classes 2 to 6 start, checked as typed.
 */
void
hc_heatmap_classes_ask_by_hand (HcHeatmapClasses   *self,
                                GtkWidget          *parent,
                                const HcHeatBreaks *current)
{
  AdwMessageDialog *dialog;
  GtkWidget *box, *entry, *error_label;
  GtkRoot *root;
  g_autofree char *text = NULL;

  g_return_if_fail (HC_IS_HEATMAP_CLASSES (self));
  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (current != NULL);

  root = gtk_widget_get_root (parent);
  text = hc_heat_breaks_to_string (current);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Colour Classes"),
                                                       _("Where classes 2 to 6 start, five numbers rising, apart by commas. Class 1 starts at 0. The classes stay the same whatever period is shown.")));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Where classes 2 to 6 start"), -1);
  error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), error_label);
  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "error-label", error_label);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (hand_breaks_changed), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (hand_breaks_response), self, 0);
  hand_breaks_changed (GTK_EDITABLE (entry), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Stops loading the fixed classes and forgets them (the data may change
 * while the pane is away). */
void
hc_heatmap_classes_cancel (HcHeatmapClasses *self)
{
  g_return_if_fail (HC_IS_HEATMAP_CLASSES (self));

  g_cancellable_cancel (self->range_cancellable);
  g_clear_pointer (&self->range_key, g_free);
  set_loading_range (self, FALSE);
}

HcHeatmapBreaksMode
hc_heatmap_classes_get_mode (HcHeatmapClasses *self)
{
  g_return_val_if_fail (HC_IS_HEATMAP_CLASSES (self), HC_HEATMAP_BREAKS_OWN);
  return self->mode;
}

/* Chooses each map's own classes or the fixed range; by hand, see
 * hc_heatmap_classes_ask_by_hand(). */
void
hc_heatmap_classes_set_mode (HcHeatmapClasses    *self,
                             HcHeatmapBreaksMode  mode)
{
  g_return_if_fail (HC_IS_HEATMAP_CLASSES (self));
  g_return_if_fail (mode <= HC_HEATMAP_BREAKS_BY_HAND);

  self->mode = mode;
}

/* TRUE while the fixed classes are being loaded. */
gboolean
hc_heatmap_classes_get_busy (HcHeatmapClasses *self)
{
  g_return_val_if_fail (HC_IS_HEATMAP_CLASSES (self), FALSE);
  return self->loading_range;
}

static void
hc_heatmap_classes_dispose (GObject *object)
{
  HcHeatmapClasses *self = HC_HEATMAP_CLASSES (object);

  g_cancellable_cancel (self->range_cancellable);
  g_clear_object (&self->range_cancellable);
  g_clear_pointer (&self->range_key, g_free);

  G_OBJECT_CLASS (hc_heatmap_classes_parent_class)->dispose (object);
}

static void
hc_heatmap_classes_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HcHeatmapClasses *self = HC_HEATMAP_CLASSES (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, hc_heatmap_classes_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_heatmap_classes_class_init (HcHeatmapClassesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hc_heatmap_classes_dispose;
  object_class->get_property = hc_heatmap_classes_get_property;

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The classes to draw with changed (or the mode stayed after a cancelled
   * dialog): look them up again. */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The fixed classes could not be loaded: the error. */
  signals [FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
hc_heatmap_classes_init (HcHeatmapClasses *self)
{
  hc_heat_breaks_init_equal (&self->hand_breaks, 0);
}

HcHeatmapClasses *
hc_heatmap_classes_new (void)
{
  return g_object_new (HC_TYPE_HEATMAP_CLASSES, NULL);
}
