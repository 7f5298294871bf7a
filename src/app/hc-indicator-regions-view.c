/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorRegionsView: the 19 市县 of an indicator that applies to 市县,
 * in its detail beside the chart: one row a 市县 for the year shown —
 * value, the target it is held to, status, gap, review and reviewer — a
 * laggard's status standing out as its badge. Above the table the
 * province's rule for its 市县 (target and deviation rule, who set it). A
 * supervisor sets the target of all 市县 or of one and the warning gap
 * (HcIndicatorTargetDialog, PUT …/region-target); an analyst reports a
 * 市县's value with its evidence (HcIndicatorSubmitDialog with the 市县
 * choice). After a write it emits ::changed for the pane to read the
 * indicator again. Hidden for an indicator of the province only. */
#define G_LOG_DOMAIN "hc-indicator-regions-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "hc-enums.h"
#include "hc-indicator-regions-view.h"
#include "hc-indicator-submit-dialog.h"
#include "hc-indicator-summary.h"
#include "hc-indicator-target-dialog.h"

#define N_COLUMNS 7

struct _HcIndicatorRegionsView
{
  GtkWidget          parent_instance;

  /* template children */
  GtkLabel          *title_label;
  GtkLabel          *rule_label;
  GtkGrid           *grid;
  GtkLabel          *message_label;
  GtkWidget         *report_button;
  GtkWidget         *targets_button;

  /* windows of their own: destroyed in dispose */
  HcIndicatorSubmitDialog *submit_dialog;
  HcIndicatorTargetDialog *target_dialog;

  /* state */
  int                year;
  gboolean           busy;
  GPtrArray         *cells;         /* of char *, N_COLUMNS a row */

  /* owned objects */
  HcClient          *client;
  HcIndicatorDetail *detail;
  GCancellable      *cancellable;
};

G_DEFINE_FINAL_TYPE (HcIndicatorRegionsView, hc_indicator_regions_view, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };

static guint signals [N_SIGNALS];

static gboolean
role_is (HcIndicatorRegionsView *self,
         const char             *role)
{
  return self->client != NULL && g_strcmp0 (hc_client_get_role (self->client), role) == 0;
}

static char *
format_value (HcIndicatorRegionsView *self,
              double                  value)
{
  return hc_indicator_format_value (hc_indicator_detail_get_kind (self->detail), value,
                                    hc_indicator_detail_get_unit (self->detail));
}

static void
set_message (HcIndicatorRegionsView *self,
             const char             *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update_actions (HcIndicatorRegionsView *self)
{
  gboolean regional = self->detail != NULL && hc_indicator_detail_get_n_regions (self->detail) > 0 &&
                      hc_indicator_detail_get_region_rule (self->detail) != NULL;
  gboolean reported = regional && g_strcmp0 (hc_indicator_detail_get_source (self->detail), "reported") == 0;
  gboolean supervisor = role_is (self, "supervisor") || role_is (self, "admin");

  /* Analysts report values; supervisors review them and set the targets. */
  gtk_widget_set_visible (self->report_button, reported && !role_is (self, "supervisor"));
  gtk_widget_set_visible (self->targets_button, regional && supervisor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "regions.report",
                                 reported && !role_is (self, "supervisor") && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "regions.targets", regional && supervisor && !self->busy);
}

static void
set_busy (HcIndicatorRegionsView *self,
          gboolean                busy)
{
  self->busy = busy;
  hc_indicator_submit_dialog_set_busy (self->submit_dialog, busy);
  hc_indicator_target_dialog_set_busy (self->target_dialog, busy);
  update_actions (self);
}

/* The table */

static GtkWidget *
cell (HcIndicatorRegionsView *self,
      const char             *text,
      gboolean                heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else
    {
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      g_ptr_array_add (self->cells, g_strdup (text));
    }
  return label;
}

static void
rule_text (HcIndicatorRegionsView *self)
{
  const HcIndicatorRegionRule *rule = hc_indicator_detail_get_region_rule (self->detail);
  g_autofree char *target = NULL;
  g_autofree char *gap = NULL;
  g_autofree char *text = NULL;

  if (rule == NULL)
    {
      gtk_label_set_label (self->rule_label, "");
      return;
    }
  target = format_value (self, rule->target);
  gap = format_value (self, rule->warning_gap);
  if (g_strcmp0 (rule->source, "regions") == 0 && rule->set_by != NULL)
    /* Translators: the province's rule for its 市县: the target, who set it and when, the warning gap */
    text = g_strdup_printf (_("Cities and counties are held to %s (set by %s on %.10s); short of it by at most %s is a warning, further short is unmet."),
                            target, rule->set_by, rule->set_at ? rule->set_at : "", gap);
  else
    /* Translators: the province's rule for its 市县 while none is set: the target and the warning gap */
    text = g_strdup_printf (_("Cities and counties are held to the province’s target, %s; short of it by at most %s is a warning, further short is unmet."),
                            target, gap);
  gtk_label_set_label (self->rule_label, text);
}

static void
rebuild (HcIndicatorRegionsView *self)
{
  const char *headings[N_COLUMNS] = {
    N_("City or County"), N_("Value"), N_("Target"), N_("Status"), N_("Gap"), N_("Review"), N_("Reviewed by"),
  };
  guint n = self->detail ? hc_indicator_detail_get_n_regions (self->detail) : 0;
  g_autofree char *title = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->cells, 0);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0 && hc_indicator_detail_get_region_rule (self->detail) != NULL);
  update_actions (self);
  if (n == 0)
    return;

  /* Translators: the heading of the 市县 table, with the year */
  title = g_strdup_printf (_("Cities and counties, %d"), self->year);
  gtk_label_set_label (self->title_label, title);
  rule_text (self);
  for (guint c = 0; c < N_COLUMNS; c++)
    gtk_grid_attach (self->grid, cell (self, _(headings[c]), TRUE), (int) c, 0, 1, 1);

  for (guint i = 0; i < n; i++)
    {
      const HcIndicatorRegion *r = hc_indicator_detail_get_region (self->detail, i);
      const HcIndicatorYear *y = hc_indicator_region_find_year (r, self->year);
      g_autofree char *value = y && y->has_value ? format_value (self, y->value) : g_strdup ("—");
      g_autofree char *target = format_value (self, r->target);
      g_autofree char *gap = NULL;
      HcIndicatorStatus status;
      HcReviewState state;
      const char *status_key = y && y->status ? y->status : "no_data";
      GtkWidget *status_label;
      int row = (int) i + 1;

      if (y == NULL || !y->has_gap || g_strcmp0 (hc_indicator_detail_get_kind (self->detail), "milestone") == 0)
        gap = g_strdup ("—");
      else if (y->gap <= 0)
        gap = g_strdup (_("Reached"));
      else
        {
          g_autofree char *amount = format_value (self, y->gap);
          gap = g_strdup_printf (_("%s short"), amount);
        }
      /* A target set for this 市县 alone is marked. */
      if (g_strcmp0 (r->target_source, "region") == 0)
        {
          char *own = g_strdup_printf (_("%s (own)"), target);
          g_free (target);
          target = own;
        }

      gtk_grid_attach (self->grid, cell (self, r->name, FALSE), 0, row, 1, 1);
      gtk_grid_attach (self->grid, cell (self, value, FALSE), 1, row, 1, 1);
      gtk_grid_attach (self->grid, cell (self, target, FALSE), 2, row, 1, 1);
      status_label = cell (self, hc_indicator_status_from_key (status_key, &status)
                                 ? hc_indicator_status_label (status) : "—", FALSE);
      gtk_widget_add_css_class (status_label, "hc-badge");
      gtk_widget_add_css_class (status_label, status_key);
      gtk_grid_attach (self->grid, status_label, 3, row, 1, 1);
      gtk_grid_attach (self->grid, cell (self, gap, FALSE), 4, row, 1, 1);
      gtk_grid_attach (self->grid, cell (self, y && y->state && hc_review_state_from_key (y->state, &state)
                                               ? hc_review_state_label (state) : "—", FALSE), 5, row, 1, 1);
      gtk_grid_attach (self->grid, cell (self, y && y->reviewed_by ? y->reviewed_by : "—", FALSE), 6, row, 1, 1);
    }
}

/* Writes */

static void
wrote (HcIndicatorRegionsView *self,
       const char             *message)
{
  set_message (self, message);
  g_signal_emit (self, signals [CHANGED], 0);
}

/* The answer to either dialog: @done says what was written. */
static void
take_outcome (HcIndicatorRegionsView *self,
              HcIndicatorWrite        outcome,
              const char             *done)
{
  if (outcome == HC_INDICATOR_WRITE_CANCELLED)
    return;
  set_busy (self, FALSE);
  if (outcome == HC_INDICATOR_WRITE_STALE)
    {
      hc_indicator_submit_dialog_close (self->submit_dialog);
      hc_indicator_target_dialog_close (self->target_dialog);
      wrote (self, _("Someone changed this value meanwhile. It has been reloaded: check it and try again."));
    }
  else if (outcome == HC_INDICATOR_WRITE_DONE)
    wrote (self, done);
}

static void
submit_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcIndicatorRegionsView) self = user_data;

  take_outcome (self, hc_indicator_submit_dialog_take_answer (self->submit_dialog, source, result),
                _("The value was submitted and awaits review."));
}

static void
submit_send (HcIndicatorRegionsView *self,
             double                  value,
             const char             *evidence)
{
  int index = hc_indicator_submit_dialog_get_region (self->submit_dialog);
  const HcIndicatorRegion *region;
  const HcIndicatorYear *y;

  if (self->busy || self->detail == NULL || self->client == NULL ||
      index < 0 || (guint) index >= hc_indicator_detail_get_n_regions (self->detail))
    return;
  region = hc_indicator_detail_get_region (self->detail, (guint) index);
  y = hc_indicator_region_find_year (region, self->year);
  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  hc_client_submit_indicator_value_async (self->client, hc_indicator_detail_get_key (self->detail), self->year,
                                          region->code, value, evidence, y ? y->etag : NULL,
                                          self->cancellable, submit_cb, g_object_ref (self));
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcIndicatorRegionsView *self = HC_INDICATOR_REGIONS_VIEW (widget);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < hc_indicator_detail_get_n_regions (self->detail); i++)
    g_ptr_array_add (names, hc_indicator_detail_get_region (self->detail, i)->name);
  g_ptr_array_add (names, NULL);
  hc_indicator_submit_dialog_reset (self->submit_dialog, self->detail, self->year, NULL);
  hc_indicator_submit_dialog_set_regions (self->submit_dialog, (const char * const *) names->pdata, 0);
  hc_indicator_submit_dialog_open (self->submit_dialog, GTK_WINDOW (gtk_widget_get_root (widget)));
}

static void
target_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcIndicatorRegionsView) self = user_data;

  take_outcome (self, hc_indicator_target_dialog_take_answer (self->target_dialog, source, result),
                _("The target was saved; the cities and counties are judged against it."));
}

/* @choice 0 is all 市县, then each in the order of the detail. */
static void
target_send (HcIndicatorRegionsView *self,
             guint                   choice,
             double                  target,
             double                  warning_gap)
{
  const HcIndicatorRegionRule *rule;
  const HcIndicatorRegion *region = NULL;

  if (self->busy || self->detail == NULL || self->client == NULL ||
      (rule = hc_indicator_detail_get_region_rule (self->detail)) == NULL ||
      choice > hc_indicator_detail_get_n_regions (self->detail))
    return;
  if (choice > 0)
    region = hc_indicator_detail_get_region (self->detail, choice - 1);
  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  hc_client_set_indicator_region_target_async (self->client, hc_indicator_detail_get_key (self->detail),
                                               region ? region->code : NULL, target, warning_gap,
                                               region ? region->target_etag : rule->etag,
                                               self->cancellable, target_cb, g_object_ref (self));
}

static void
targets_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HcIndicatorRegionsView *self = HC_INDICATOR_REGIONS_VIEW (widget);
  const HcIndicatorRegionRule *rule = hc_indicator_detail_get_region_rule (self->detail);
  guint n = hc_indicator_detail_get_n_regions (self->detail);
  g_autofree HcIndicatorTargetChoice *choices = g_new0 (HcIndicatorTargetChoice, n + 1);
  g_autofree char *heading = NULL;

  if (rule == NULL)
    return;
  choices[0].name = _("All cities and counties");
  choices[0].target = rule->target;
  choices[0].warning_gap = rule->warning_gap;
  for (guint i = 0; i < n; i++)
    {
      const HcIndicatorRegion *r = hc_indicator_detail_get_region (self->detail, i);

      choices[i + 1].name = r->name;
      choices[i + 1].target = r->target;
      choices[i + 1].warning_gap = r->warning_gap;
    }
  /* Translators: the heading of the 市县 targets dialog: the indicator and its plan target */
  heading = g_strdup_printf (_("%s (plan: %s)"), hc_indicator_detail_get_item (self->detail),
                             hc_indicator_detail_get_target_text (self->detail));
  hc_indicator_target_dialog_reset (self->target_dialog, heading, choices, n + 1, 0);
  hc_indicator_target_dialog_open (self->target_dialog, GTK_WINDOW (gtk_widget_get_root (widget)));
}

/* The object */

static void
destroy_window (GtkWindow *window)
{
  gtk_window_set_focus (window, NULL);
  gtk_window_destroy (window);
}

static void
hc_indicator_regions_view_dispose (GObject *object)
{
  HcIndicatorRegionsView *self = HC_INDICATOR_REGIONS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->detail);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  if (self->submit_dialog != NULL)
    {
      destroy_window (GTK_WINDOW (self->submit_dialog));
      self->submit_dialog = NULL;
    }
  if (self->target_dialog != NULL)
    {
      destroy_window (GTK_WINDOW (self->target_dialog));
      self->target_dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_INDICATOR_REGIONS_VIEW);

  G_OBJECT_CLASS (hc_indicator_regions_view_parent_class)->dispose (object);
}

static void
hc_indicator_regions_view_class_init (HcIndicatorRegionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_indicator_regions_view_dispose;

  /**
   * HcIndicatorRegionsView::changed:
   *
   * A 市县 value or target was written: the indicator is to be read again.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "regions.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "regions.targets", NULL, targets_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-indicator-regions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorRegionsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorRegionsView, rule_label);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorRegionsView, grid);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorRegionsView, message_label);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorRegionsView, report_button);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorRegionsView, targets_button);
}

static void
hc_indicator_regions_view_init (HcIndicatorRegionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cells = g_ptr_array_new_with_free_func (g_free);
  self->submit_dialog = hc_indicator_submit_dialog_new ();
  self->target_dialog = hc_indicator_target_dialog_new ();
  g_signal_connect_object (self->submit_dialog, "send", G_CALLBACK (submit_send), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_dialog, "send", G_CALLBACK (target_send), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  update_actions (self);
}

void
hc_indicator_regions_view_set_client (HcIndicatorRegionsView *self,
                                      HcClient               *client)
{
  g_return_if_fail (HC_IS_INDICATOR_REGIONS_VIEW (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  if (client != NULL)
    g_signal_connect_object (client, "notify::role", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* Shows @detail's 市县 in @year; a detail read again shows anew. */
void
hc_indicator_regions_view_set_detail (HcIndicatorRegionsView *self,
                                      HcIndicatorDetail      *detail,
                                      int                     year)
{
  g_return_if_fail (HC_IS_INDICATOR_REGIONS_VIEW (self));
  g_return_if_fail (detail == NULL || HC_IS_INDICATOR_DETAIL (detail));

  if (detail == NULL || self->detail == NULL ||
      g_strcmp0 (hc_indicator_detail_get_key (detail), hc_indicator_detail_get_key (self->detail)) != 0)
    set_message (self, NULL);
  g_set_object (&self->detail, detail);
  self->year = year;
  rebuild (self);
}

guint
hc_indicator_regions_view_get_n_rows (HcIndicatorRegionsView *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REGIONS_VIEW (self), 0);
  return self->cells->len / N_COLUMNS;
}

const char *
hc_indicator_regions_view_get_cell (HcIndicatorRegionsView *self,
                                    guint                   row,
                                    guint                   column)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REGIONS_VIEW (self), NULL);
  g_return_val_if_fail (column < N_COLUMNS, NULL);

  if ((row + 1) * N_COLUMNS > self->cells->len)
    return NULL;
  return g_ptr_array_index (self->cells, row * N_COLUMNS + column);
}

gboolean
hc_indicator_regions_view_get_busy (HcIndicatorRegionsView *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REGIONS_VIEW (self), FALSE);
  return self->busy;
}

const char *
hc_indicator_regions_view_get_message (HcIndicatorRegionsView *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REGIONS_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_label (self->message_label) : NULL;
}

void
hc_indicator_regions_view_report_fill (HcIndicatorRegionsView *self,
                                       guint                   region,
                                       const char             *value,
                                       const char             *evidence)
{
  g_return_if_fail (HC_IS_INDICATOR_REGIONS_VIEW (self));
  hc_indicator_submit_dialog_choose_region (self->submit_dialog, region);
  hc_indicator_submit_dialog_fill (self->submit_dialog, value, evidence);
}

void
hc_indicator_regions_view_report_send (HcIndicatorRegionsView *self)
{
  g_return_if_fail (HC_IS_INDICATOR_REGIONS_VIEW (self));
  hc_indicator_submit_dialog_send (self->submit_dialog);
}

const char *
hc_indicator_regions_view_report_error (HcIndicatorRegionsView *self,
                                        const char             *field)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REGIONS_VIEW (self), NULL);
  return hc_indicator_submit_dialog_get_error (self->submit_dialog, field);
}

void
hc_indicator_regions_view_targets_fill (HcIndicatorRegionsView *self,
                                        guint                   choice,
                                        const char             *target,
                                        const char             *warning_gap)
{
  g_return_if_fail (HC_IS_INDICATOR_REGIONS_VIEW (self));
  hc_indicator_target_dialog_fill (self->target_dialog, choice, target, warning_gap);
}

void
hc_indicator_regions_view_targets_send (HcIndicatorRegionsView *self)
{
  g_return_if_fail (HC_IS_INDICATOR_REGIONS_VIEW (self));
  hc_indicator_target_dialog_send (self->target_dialog);
}

const char *
hc_indicator_regions_view_targets_error (HcIndicatorRegionsView *self,
                                         const char             *field)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REGIONS_VIEW (self), NULL);
  return hc_indicator_target_dialog_get_error (self->target_dialog, field);
}
