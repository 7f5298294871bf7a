/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListFeedbackView: 效果自动反馈统计 of one list type over time. The
 * server counts, per month of the match runs, the hits on the type and the
 * departments' feedback on them (GET /list-types/{type}/feedback); the view
 * draws them as stacked bars (applied, not applied, pending) over a table
 * of the same numbers, and says the totals in one line. It loads when it is
 * shown or its list type changes. */
#define G_LOG_DOMAIN "hc-list-feedback-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-format.h"
#include "hc-list-feedback-view.h"

struct _HcListFeedbackView
{
  GtkWidget           parent_instance;

  /* template children */
  GtkLabel           *title_label;
  GtkLabel           *summary_label;
  GtkLabel           *message_label;
  GtkDrawingArea     *chart;
  GtkNoSelection     *selection;
  GtkStack           *stack;

  /* state */
  char               *key;
  char               *name;
  gboolean            busy;
  gboolean            loaded;

  /* owned objects */
  HcClient           *client;
  GListStore         *months;
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (HcListFeedbackView, hc_list_feedback_view, GTK_TYPE_WIDGET)

/* The bars' colours: applied, not applied, pending (GNOME palette). */
static const GdkRGBA colours[] = {
  { 0.18, 0.76, 0.49, 1.0 },   /* green 3 */
  { 0.88, 0.11, 0.14, 1.0 },   /* red 3 */
  { 0.60, 0.60, 0.60, 1.0 },   /* grey */
};

static void
set_message (HcListFeedbackView *self,
             const char         *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update_summary (HcListFeedbackView *self)
{
  GListModel *model = G_LIST_MODEL (self->months);
  guint n = g_list_model_get_n_items (model);
  gint64 hits = 0, applied = 0, not_applied = 0, pending = 0;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  /* TRANSLATORS: the heading of a list type's feedback over time; %s is the list type */
  title = g_strdup_printf (_("Feedback on matches over time: %s"), self->name ? self->name : "");
  gtk_label_set_label (self->title_label, title);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcFeedbackMonth) month = g_list_model_get_item (model, i);

      hits += hc_feedback_month_get_hits (month);
      applied += hc_feedback_month_get_applied (month);
      not_applied += hc_feedback_month_get_not_applied (month);
      pending += hc_feedback_month_get_pending (month);
    }
  if (n == 0)
    summary = g_strdup (_("No match run has hit this list yet: once departments match subjects against it, their feedback shows here by month."));
  else
    /* TRANSLATORS: the totals of a list type's feedback: months, hits, applied, not applied, pending */
    summary = g_strdup_printf (_("%u months of match runs, %lld hits: %lld applied, %lld not applied, %lld pending."),
                               n, (long long) hits, (long long) applied, (long long) not_applied, (long long) pending);
  gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, n == 0 ? "empty" : "months");
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
feedback_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HcListFeedbackView) self = user_data;
  g_autoptr(GListModel) months = NULL;
  g_autoptr(GError) error = NULL;

  months = hc_client_list_type_feedback_finish (HC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  self->loaded = TRUE;
  g_list_store_remove_all (self->months);
  if (months == NULL)
    {
      set_message (self, error->message);
      update_summary (self);
      return;
    }
  set_message (self, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (months); i++)
    {
      g_autoptr(GObject) month = g_list_model_get_item (months, i);

      g_list_store_append (self->months, month);
    }
  update_summary (self);
}

void
hc_list_feedback_view_reload (HcListFeedbackView *self)
{
  g_return_if_fail (HC_IS_LIST_FEEDBACK_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client == NULL || self->key == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;
  hc_client_list_type_feedback_async (self->client, self->key, self->cancellable, feedback_cb, g_object_ref (self));
}

/* Stacked bars, one a month, scaled to the month with the most hits; the
 * month under each bar, the hits above it. */
static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  HcListFeedbackView *self = user_data;
  GListModel *model = G_LIST_MODEL (self->months);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  GdkRGBA fg;
  gint64 most = 1;
  double label_h = 18, top = 18, bar_area, slot;

  if (n == 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcFeedbackMonth) month = g_list_model_get_item (model, i);

      most = MAX (most, hc_feedback_month_get_hits (month));
    }
  bar_area = height - label_h - top;
  slot = (double) width / MAX (n, 6);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcFeedbackMonth) month = g_list_model_get_item (model, i);
      gint64 parts[] = { hc_feedback_month_get_applied (month), hc_feedback_month_get_not_applied (month),
                         hc_feedback_month_get_pending (month) };
      double x = i * slot + slot * 0.2, w = slot * 0.6, y = top + bar_area;
      g_autofree char *hits = g_strdup_printf ("%lld", (long long) hc_feedback_month_get_hits (month));
      int tw, th;

      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          double h = bar_area * parts[p] / most;

          gdk_cairo_set_source_rgba (cr, &colours[p]);
          cairo_rectangle (cr, x, y - h, w, h);
          cairo_fill (cr);
          y -= h;
        }
      gdk_cairo_set_source_rgba (cr, &fg);
      pango_layout_set_text (layout, hits, -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      cairo_move_to (cr, x + (w - tw) / 2, MAX (0, y - th - 2));
      pango_cairo_show_layout (cr, layout);
      pango_layout_set_text (layout, hc_feedback_month_get_month (month), -1);
      pango_layout_get_pixel_size (layout, &tw, &th);
      cairo_move_to (cr, i * slot + (slot - tw) / 2, height - label_h + (label_h - th) / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
hc_list_feedback_view_map (GtkWidget *widget)
{
  HcListFeedbackView *self = HC_LIST_FEEDBACK_VIEW (widget);

  GTK_WIDGET_CLASS (hc_list_feedback_view_parent_class)->map (widget);
  if (!self->busy)
    hc_list_feedback_view_reload (self);
}

static void
hc_list_feedback_view_dispose (GObject *object)
{
  HcListFeedbackView *self = HC_LIST_FEEDBACK_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->months);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_LIST_FEEDBACK_VIEW);

  G_OBJECT_CLASS (hc_list_feedback_view_parent_class)->dispose (object);
}

static void
hc_list_feedback_view_class_init (HcListFeedbackViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_list_feedback_view_dispose;
  widget_class->map = hc_list_feedback_view_map;

  g_type_ensure (HC_TYPE_FEEDBACK_MONTH);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-list-feedback-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HcListFeedbackView, title_label);
  gtk_widget_class_bind_template_child (widget_class, HcListFeedbackView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HcListFeedbackView, message_label);
  gtk_widget_class_bind_template_child (widget_class, HcListFeedbackView, chart);
  gtk_widget_class_bind_template_child (widget_class, HcListFeedbackView, selection);
  gtk_widget_class_bind_template_child (widget_class, HcListFeedbackView, stack);
}

static void
hc_list_feedback_view_init (HcListFeedbackView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->months = g_list_store_new (HC_TYPE_FEEDBACK_MONTH);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->months));
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Hits per month: applied, not applied and pending"), -1);
  update_summary (self);
}

void
hc_list_feedback_view_set_client (HcListFeedbackView *self,
                                  HcClient           *client)
{
  g_return_if_fail (HC_IS_LIST_FEEDBACK_VIEW (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (g_set_object (&self->client, client) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    hc_list_feedback_view_reload (self);
}

/* Shows @key's feedback (@name in the heading), loading it when shown. */
void
hc_list_feedback_view_set_list_type (HcListFeedbackView *self,
                                     const char         *key,
                                     const char         *name)
{
  g_return_if_fail (HC_IS_LIST_FEEDBACK_VIEW (self));

  if (g_strcmp0 (self->key, key) == 0)
    return;
  g_free (self->key);
  self->key = g_strdup (key);
  g_free (self->name);
  self->name = g_strdup (name);
  self->loaded = FALSE;
  g_list_store_remove_all (self->months);
  update_summary (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    hc_list_feedback_view_reload (self);
}

gboolean
hc_list_feedback_view_get_busy (HcListFeedbackView *self)
{
  g_return_val_if_fail (HC_IS_LIST_FEEDBACK_VIEW (self), FALSE);
  return self->busy;
}

/* Returns: whether the months of the current list type came */
gboolean
hc_list_feedback_view_get_loaded (HcListFeedbackView *self)
{
  g_return_val_if_fail (HC_IS_LIST_FEEDBACK_VIEW (self), FALSE);
  return self->loaded && !self->busy;
}

/* Returns: (nullable): why the figures could not be read */
const char *
hc_list_feedback_view_get_message (HcListFeedbackView *self)
{
  g_return_val_if_fail (HC_IS_LIST_FEEDBACK_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_label (self->message_label) : NULL;
}

/* Returns: (transfer none): the months, of #HcFeedbackMonth, oldest first */
GListModel *
hc_list_feedback_view_get_months (HcListFeedbackView *self)
{
  g_return_val_if_fail (HC_IS_LIST_FEEDBACK_VIEW (self), NULL);
  return G_LIST_MODEL (self->months);
}

/* Returns: the line that says the totals */
const char *
hc_list_feedback_view_get_summary (HcListFeedbackView *self)
{
  g_return_val_if_fail (HC_IS_LIST_FEEDBACK_VIEW (self), NULL);
  return gtk_label_get_label (self->summary_label);
}
