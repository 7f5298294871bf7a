/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspectionsPane: 双随机、一公开 (四.(四).3, 五.(十).2). The plans, newest
 * first; the selected plan's scope, ratios, inspectors, draws and
 * completion; the subjects of its final draw with their two inspectors and
 * results in a column view (exported to XLSX for the field teams). A
 * supervisor creates a plan, declares its inspectors' conflicts until it
 * is drawn, and draws it (again, with a reason); anyone records an
 * inspection's result, which the server publishes — the view Results
 * Publicity (一公开) lists what is published, filtered and exported. */
#define G_LOG_DOMAIN "hc-inspections-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-export-button.h"
#include "hc-inspection-conflicts-dialog.h"
#include "hc-inspection-plan-dialog.h"
#include "hc-inspection-publicity-view.h"
#include "hc-inspections-pane.h"
#include "hc-list-reason-dialog.h"
#include "hc-window.h"

struct _HcInspectionsPane
{
  HcPane               parent_instance;

  /* template children */
  AdwViewStack        *view_stack;
  GtkWidget           *plan_tools;
  GtkWidget           *draw_button;
  HcInspectionPublicityView *publicity_view;
  GtkSingleSelection  *plan_selection;
  GtkSingleSelection  *inspection_selection;
  GtkWidget           *detail_box;
  GtkLabel            *title_label;
  GtkLabel            *scope_label;
  GtkLabel            *ratios_label;
  GtkLabel            *inspectors_label;
  GtkLabel            *draw_label;
  GtkLabel            *completion_label;
  GtkLevelBar         *completion_bar;
  GtkLabel            *message_label;

  /* state */
  GListStore          *plans;
  GListStore          *inspections;
  HcInspectionPlan    *plan;
  GtkWindow           *dialog;       /* the last dialog opened, weak */
  char                *message;
  guint                busy;
  gint64               select_after_reload;
};

G_DEFINE_FINAL_TYPE (HcInspectionsPane, hc_inspections_pane, HC_TYPE_PANE)

static void plan_selected (HcInspectionsPane *self);

static gboolean
is_supervisor (HcInspectionsPane *self)
{
  HcClient *client = hc_pane_get_client (HC_PANE (self));
  const char *role = client ? hc_client_get_role (client) : NULL;

  return g_strcmp0 (role, "supervisor") == 0 || g_strcmp0 (role, "admin") == 0;
}

static void
update_actions (HcInspectionsPane *self)
{
  HcInspection *inspection = gtk_single_selection_get_selected_item (self->inspection_selection);
  const char *state = self->plan ? hc_inspection_plan_get_state (self->plan) : NULL;
  gboolean idle = self->busy == 0;
  gboolean supervisor = is_supervisor (self);
  gboolean can_draw = idle && supervisor && g_strcmp0 (state, "planned") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspections.new-plan", idle && supervisor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspections.conflicts", idle && supervisor && self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspections.draw", can_draw);
  /* Draw is the suggested action only while it can be taken: disabled,
   * the accent colour (faded) still reads as the button to press. */
  if (can_draw)
    gtk_widget_add_css_class (self->draw_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->draw_button, "suggested-action");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspections.redraw",
                                 idle && supervisor && g_strcmp0 (state, "drawn") == 0 &&
                                 hc_inspection_plan_get_count (self->plan, "recorded") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inspections.record",
                                 idle && inspection != NULL && hc_inspection_get_result (inspection) == NULL);
}

static void
set_message (HcInspectionsPane *self,
             const char        *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
begin (HcInspectionsPane *self)
{
  self->busy++;
  update_actions (self);
}

static void
end (HcInspectionsPane *self)
{
  g_assert (self->busy > 0);
  self->busy--;
  update_actions (self);
}

/* The list's row of @plan, read again: its state and completion. */
static void
replace_row (HcInspectionsPane *self,
             HcInspectionPlan  *plan)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->plans)); i++)
    {
      g_autoptr(HcInspectionPlan) row = g_list_model_get_item (G_LIST_MODEL (self->plans), i);

      if (row != plan && hc_inspection_plan_get_id (row) == hc_inspection_plan_get_id (plan))
        {
          guint selected = gtk_single_selection_get_selected (self->plan_selection);

          g_signal_handlers_block_by_func (self->plan_selection, plan_selected, self);
          g_list_store_splice (self->plans, i, 1, (gpointer *) &plan, 1);
          gtk_single_selection_set_selected (self->plan_selection, selected);
          g_signal_handlers_unblock_by_func (self->plan_selection, plan_selected, self);
        }
    }
}

/* The detail of @plan (with its inspectors and draws). */
static void
show_plan (HcInspectionsPane *self,
           HcInspectionPlan  *plan)
{
  g_autofree char *title = NULL, *scope = NULL, *ratios = NULL, *inspectors = NULL, *draws = NULL;
  g_autofree char *completion = NULL, *department = NULL, *state = NULL;
  gint64 total, recorded, failed;
  g_autofree char *completion_text = NULL;

  g_set_object (&self->plan, plan);
  gtk_widget_set_visible (self->detail_box, plan != NULL);
  if (plan != NULL)
    replace_row (self, plan);
  if (plan == NULL)
    {
      update_actions (self);
      return;
    }
  g_object_get (plan, "title", &title, "scope-text", &scope, "ratios-text", &ratios, "inspectors-text", &inspectors,
                "draws-text", &draws, "department-name", &department, "state-label", &state,
                "completion-text", &completion, NULL);
  {
    /* Translators: a plan's title, department and state, "2026年市场监管双随机抽查 · 海南省市场监督管理局 · 已抽取" */
    g_autofree char *heading = g_strdup_printf (_("%s · %s · %s"), title, department ? department : "", state);

    gtk_label_set_text (self->title_label, heading);
  }
  gtk_label_set_text (self->scope_label, scope);
  gtk_label_set_text (self->ratios_label, ratios);
  {
    guint n_conflicts = json_array_get_length (hc_inspection_plan_get_conflicts (plan));
    /* Translators: the plan's inspectors and how many conflicts they declared, "王海、李琳 · 2 项回避" */
    g_autofree char *text = n_conflicts > 0 ? g_strdup_printf (_("%s · %u conflicts declared"), inspectors,
                                                               n_conflicts)
                                            : g_strdup (inspectors);

    gtk_label_set_text (self->inspectors_label, text);
  }
  gtk_label_set_text (self->draw_label, draws ? draws : _("Not drawn yet: the supervisor draws the subjects and "
                                                          "their inspectors at random."));
  total = hc_inspection_plan_get_count (plan, "inspections");
  recorded = hc_inspection_plan_get_count (plan, "recorded");
  failed = hc_inspection_plan_get_count (plan, "failed");
  /* Translators: "12 / 40 results recorded, 2 failed" */
  completion_text = g_strdup_printf (_("%s, %lld failed"), completion, (long long) failed);
  gtk_label_set_text (self->completion_label, completion_text);
  gtk_level_bar_set_value (self->completion_bar, total > 0 ? (double) recorded / (double) total : 0.0);
  update_actions (self);
}

static void
inspections_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HcInspectionsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcPage) page = hc_client_list_inspections_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end (self);
  if (page == NULL)
    {
      set_message (self, error->message);
      return;
    }
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < hc_page_get_n_items (page); i++)
      g_ptr_array_add (items, g_list_model_get_item (hc_page_get_items (page), i));
    g_list_store_splice (self->inspections, 0, g_list_model_get_n_items (G_LIST_MODEL (self->inspections)),
                         items->pdata, items->len);
  }
  update_actions (self);
}

static void
plan_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcInspectionsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcInspectionPlan) plan = hc_client_get_inspection_plan_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end (self);
  if (plan == NULL)
    {
      set_message (self, error->message);
      return;
    }
  show_plan (self, plan);
}

/* Reads plan @id and the inspections of its final draw again. */
static void
load_plan (HcInspectionsPane *self,
           gint64             id)
{
  HcClient *client = hc_pane_get_client (HC_PANE (self));
  GCancellable *cancellable = hc_pane_get_cancellable (HC_PANE (self));

  begin (self);
  hc_client_get_inspection_plan_async (client, id, cancellable, plan_cb, g_object_ref (self));
  begin (self);
  hc_client_list_inspections_async (client, id, cancellable, inspections_cb, g_object_ref (self));
}

static void
plan_selected (HcInspectionsPane *self)
{
  HcInspectionPlan *plan = gtk_single_selection_get_selected_item (self->plan_selection);

  g_list_store_remove_all (self->inspections);
  show_plan (self, NULL);
  if (plan != NULL && hc_pane_get_client (HC_PANE (self)) != NULL)
    load_plan (self, hc_inspection_plan_get_id (plan));
}

static void
plans_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcInspectionsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) plans = hc_client_list_inspection_plans_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end (self);
  if (plans == NULL)
    {
      hc_pane_show_error (HC_PANE (self), error);
      return;
    }
  hc_pane_show_list (HC_PANE (self), self->plans, plans, self->plan_selection, self->select_after_reload);
  self->select_after_reload = 0;
}

static void
hc_inspections_pane_reload (HcPane *pane)
{
  HcInspectionsPane *self = HC_INSPECTIONS_PANE (pane);

  hc_pane_show_loading (pane);
  set_message (self, NULL);
  self->busy = 0;
  hc_inspection_publicity_view_set_client (self->publicity_view, hc_pane_get_client (pane));
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "publicity") == 0)
    hc_inspection_publicity_view_reload (self->publicity_view);
  begin (self);
  hc_client_list_inspection_plans_async (hc_pane_get_client (pane), hc_pane_get_cancellable (pane), plans_cb,
                                         g_object_ref (self));
}

/* The draw of the plan shown, as 双随机抽查名单-<plan>. */
static char *
hc_inspections_pane_export_path (HcPane  *pane,
                                 char   **file_name)
{
  HcInspectionsPane *self = HC_INSPECTIONS_PANE (pane);

  if (g_strcmp0 (hc_pane_get_export_listing (pane), "inspection-publicity") == 0)
    {
      *file_name = g_strdup (_("Inspection results publicity"));
      return hc_inspection_publicity_view_get_path (self->publicity_view);
    }
  if (self->plan == NULL || hc_inspection_plan_get_draw_id (self->plan) == 0)
    return NULL;
  *file_name = g_strdup_printf ("%s-%s", _("Inspection list"), hc_inspection_plan_get_title (self->plan));
  return hc_client_inspections_path (hc_inspection_plan_get_id (self->plan));
}

static GtkWindow *
parent_window (HcInspectionsPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
remember_dialog (HcInspectionsPane *self,
                 GtkWindow         *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
}

/* New plan. */

static void
plan_created (HcInspectionsPane *self,
              HcInspectionPlan  *plan)
{
  GtkWindow *window = parent_window (self);

  self->select_after_reload = hc_inspection_plan_get_id (plan);
  if (HC_IS_WINDOW (window))
    hc_window_add_toast (HC_WINDOW (window), _("Inspection plan created"));
  hc_pane_reload (HC_PANE (self));
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  HcInspectionsPane *self = HC_INSPECTIONS_PANE (widget);
  HcInspectionPlanDialog *dialog = hc_inspection_plan_dialog_new (parent_window (self),
                                                                  hc_pane_get_client (HC_PANE (self)));

  g_signal_connect_object (dialog, "created", G_CALLBACK (plan_created), self, G_CONNECT_SWAPPED);
  remember_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Declared conflicts, until the draw. */

static void
conflicts_changed (HcInspectionsPane *self,
                   HcInspectionPlan  *plan)
{
  if (self->plan != NULL && hc_inspection_plan_get_id (plan) == hc_inspection_plan_get_id (self->plan))
    show_plan (self, plan);
}

static void
conflicts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  HcInspectionsPane *self = HC_INSPECTIONS_PANE (widget);
  HcInspectionConflictsDialog *dialog;

  if (self->plan == NULL)
    return;
  dialog = hc_inspection_conflicts_dialog_new (parent_window (self), hc_pane_get_client (HC_PANE (self)), self->plan);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (conflicts_changed), self, G_CONNECT_SWAPPED);
  remember_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Draw, and draw again with a reason. */

static void
drawn_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcInspectionsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcInspectionPlan) plan = hc_client_draw_inspection_plan_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end (self);
  if (plan == NULL)
    {
      set_message (self, error->message);
      return;
    }
  set_message (self, NULL);
  show_plan (self, plan);
  begin (self);
  hc_client_list_inspections_async (hc_pane_get_client (HC_PANE (self)), hc_inspection_plan_get_id (plan),
                                    hc_pane_get_cancellable (HC_PANE (self)), inspections_cb, g_object_ref (self));
}

static void
draw (HcInspectionsPane *self,
      const char        *reason)
{
  if (self->plan == NULL)
    return;
  begin (self);
  hc_client_draw_inspection_plan_async (hc_pane_get_client (HC_PANE (self)), hc_inspection_plan_get_id (self->plan),
                                        reason, hc_pane_get_cancellable (HC_PANE (self)), drawn_cb,
                                        g_object_ref (self));
}

static void
draw_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  draw (HC_INSPECTIONS_PANE (widget), NULL);
}

static void
redraw_response (HcInspectionsPane  *self,
                 const char         *response,
                 HcListReasonDialog *dialog)
{
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "apply") != 0)
    return;
  reason = hc_list_reason_dialog_get_reason (dialog);
  draw (self, reason);
}

static void
redraw_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcInspectionsPane *self = HC_INSPECTIONS_PANE (widget);
  HcListReasonDialog *dialog =
    hc_list_reason_dialog_new_asking (parent_window (self), _("Draw Again?"),
                                      _("The draw is final: drawing again keeps it, superseded, with the reason "
                                        "given, and draws from a new seed."),
                                      _("_Draw Again"), TRUE);

  g_signal_connect_object (dialog, "response", G_CALLBACK (redraw_response), self, G_CONNECT_SWAPPED);
  remember_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A result. */

static const char * const result_keys[] = { "pass", "rectify", "fail" };

static void
recorded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HcInspectionsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcInspection) inspection = hc_client_record_inspection_result_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end (self);
  if (inspection == NULL)
    {
      set_message (self, error->message);
      return;
    }
  set_message (self, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->inspections)); i++)
    {
      g_autoptr(HcInspection) row = g_list_model_get_item (G_LIST_MODEL (self->inspections), i);

      if (hc_inspection_get_id (row) == hc_inspection_get_id (inspection))
        {
          g_list_store_splice (self->inspections, i, 1, (gpointer *) &inspection, 1);
          gtk_single_selection_set_selected (self->inspection_selection, i);
        }
    }
  /* the completion */
  if (self->plan != NULL)
    {
      begin (self);
      hc_client_get_inspection_plan_async (hc_pane_get_client (HC_PANE (self)),
                                           hc_inspection_plan_get_id (self->plan),
                                           hc_pane_get_cancellable (HC_PANE (self)), plan_cb, g_object_ref (self));
    }
}

static void
record_response (HcInspectionsPane *self,
                 const char        *response,
                 AdwMessageDialog  *dialog)
{
  HcInspection *inspection = gtk_single_selection_get_selected_item (self->inspection_selection);
  GtkDropDown *choice = g_object_get_data (G_OBJECT (dialog), "choice");
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "note");
  guint selected = gtk_drop_down_get_selected (choice);

  if (g_strcmp0 (response, "record") != 0 || inspection == NULL || selected >= G_N_ELEMENTS (result_keys))
    return;
  begin (self);
  hc_client_record_inspection_result_async (hc_pane_get_client (HC_PANE (self)), hc_inspection_get_id (inspection),
                                            result_keys[selected], gtk_editable_get_text (note),
                                            hc_pane_get_cancellable (HC_PANE (self)), recorded_cb,
                                            g_object_ref (self));
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcInspectionsPane *self = HC_INSPECTIONS_PANE (widget);
  HcInspection *inspection = gtk_single_selection_get_selected_item (self->inspection_selection);
  const char *labels[] = { hc_inspection_result_label ("pass"), hc_inspection_result_label ("rectify"),
                           hc_inspection_result_label ("fail"), NULL };
  GtkWidget *box, *choice, *note;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (inspection == NULL)
    return;
  /* Translators: the subject inspected, "海南椰林食品有限公司（91460100…）" */
  body = g_strdup_printf (_("%s (%s). The result is published at once and cannot be changed; a failed inspection "
                            "counts in the subject's credit grade."),
                          hc_inspection_get_name (inspection), hc_inspection_get_identifier (inspection));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Record Inspection Result"), body));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  choice = gtk_drop_down_new_from_strings (labels);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Result"), -1);
  note = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("What was found (needed unless passed)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  gtk_box_append (GTK_BOX (box), choice);
  gtk_box_append (GTK_BOX (box), note);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "record");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "choice", choice);
  g_object_set_data (G_OBJECT (dialog), "note", note);
  g_signal_connect_object (dialog, "response", G_CALLBACK (record_response), self, G_CONNECT_SWAPPED);
  remember_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
inspection_selected (HcInspectionsPane *self)
{
  update_actions (self);
}

/* Plans or Results Publicity: the plans' tools only with the plans; the
 * publicity read afresh each time it is shown (results come in from the
 * field teams while the console is open). */
static void
view_changed (HcInspectionsPane *self)
{
  gboolean publicity = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "publicity") == 0;

  gtk_widget_set_visible (self->plan_tools, !publicity);
  if (publicity)
    hc_inspection_publicity_view_reload (self->publicity_view);
}

static void
hc_inspections_pane_dispose (GObject *object)
{
  HcInspectionsPane *self = HC_INSPECTIONS_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_INSPECTIONS_PANE);
  g_clear_object (&self->plans);
  g_clear_object (&self->inspections);
  g_clear_object (&self->plan);
  g_clear_weak_pointer (&self->dialog);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (hc_inspections_pane_parent_class)->dispose (object);
}

static void
hc_inspections_pane_class_init (HcInspectionsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HcPaneClass *pane_class = HC_PANE_CLASS (klass);

  object_class->dispose = hc_inspections_pane_dispose;
  pane_class->reload = hc_inspections_pane_reload;
  pane_class->export_path = hc_inspections_pane_export_path;

  gtk_widget_class_install_action (widget_class, "inspections.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "inspections.conflicts", NULL, conflicts_action);
  gtk_widget_class_install_action (widget_class, "inspections.draw", NULL, draw_action);
  gtk_widget_class_install_action (widget_class, "inspections.redraw", NULL, redraw_action);
  gtk_widget_class_install_action (widget_class, "inspections.record", NULL, record_action);

  g_type_ensure (HC_TYPE_INSPECTION);
  g_type_ensure (HC_TYPE_INSPECTION_PLAN);
  g_type_ensure (HC_TYPE_EXPORT_BUTTON);
  g_type_ensure (HC_TYPE_INSPECTION_PUBLICITY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-inspections-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, plan_tools);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, draw_button);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, publicity_view);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, plan_selection);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, inspection_selection);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, detail_box);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, scope_label);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, ratios_label);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, inspectors_label);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, draw_label);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, completion_label);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, completion_bar);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionsPane, message_label);
  gtk_widget_class_bind_template_callback (widget_class, plan_selected);
  gtk_widget_class_bind_template_callback (widget_class, inspection_selected);
  gtk_widget_class_bind_template_callback (widget_class, view_changed);
}

static void
hc_inspections_pane_init (HcInspectionsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->plans = g_list_store_new (HC_TYPE_INSPECTION_PLAN);
  self->inspections = g_list_store_new (HC_TYPE_INSPECTION);
  gtk_single_selection_set_model (self->plan_selection, G_LIST_MODEL (self->plans));
  gtk_single_selection_set_model (self->inspection_selection, G_LIST_MODEL (self->inspections));
  show_plan (self, NULL);
}

/* The plans listed (HcInspectionPlan), newest first. */
GListModel *
hc_inspections_pane_get_plans (HcInspectionsPane *self)
{
  g_return_val_if_fail (HC_IS_INSPECTIONS_PANE (self), NULL);
  return G_LIST_MODEL (self->plans);
}

/* The plan shown, as last read, or %NULL. */
HcInspectionPlan *
hc_inspections_pane_get_plan (HcInspectionsPane *self)
{
  g_return_val_if_fail (HC_IS_INSPECTIONS_PANE (self), NULL);
  return self->plan;
}

/* The inspections of the plan's final draw (HcInspection), in draw order. */
GListModel *
hc_inspections_pane_get_inspections (HcInspectionsPane *self)
{
  g_return_val_if_fail (HC_IS_INSPECTIONS_PANE (self), NULL);
  return G_LIST_MODEL (self->inspections);
}

void
hc_inspections_pane_select_plan (HcInspectionsPane *self,
                                 guint              position)
{
  g_return_if_fail (HC_IS_INSPECTIONS_PANE (self));
  gtk_single_selection_set_selected (self->plan_selection, position);
}

void
hc_inspections_pane_select_inspection (HcInspectionsPane *self,
                                       guint              position)
{
  g_return_if_fail (HC_IS_INSPECTIONS_PANE (self));
  gtk_single_selection_set_selected (self->inspection_selection, position);
}

/* Whether a request is under way. */
gboolean
hc_inspections_pane_get_busy (HcInspectionsPane *self)
{
  g_return_val_if_fail (HC_IS_INSPECTIONS_PANE (self), FALSE);
  return self->busy > 0;
}

/* What the server last refused, %NULL when the last request went through. */
const char *
hc_inspections_pane_get_message (HcInspectionsPane *self)
{
  g_return_val_if_fail (HC_IS_INSPECTIONS_PANE (self), NULL);
  return self->message;
}

/* The last dialog the pane opened while it is open, else %NULL. */
GtkWindow *
hc_inspections_pane_get_dialog (HcInspectionsPane *self)
{
  g_return_val_if_fail (HC_IS_INSPECTIONS_PANE (self), NULL);
  return self->dialog;
}

/* Shows the plans ("plans") or the published results ("publicity"). */
void
hc_inspections_pane_show_view (HcInspectionsPane *self,
                               const char        *name)
{
  g_return_if_fail (HC_IS_INSPECTIONS_PANE (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

HcInspectionPublicityView *
hc_inspections_pane_get_publicity_view (HcInspectionsPane *self)
{
  g_return_val_if_fail (HC_IS_INSPECTIONS_PANE (self), NULL);
  return self->publicity_view;
}
