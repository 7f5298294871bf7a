/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspectionPlanDialog: a new 双随机、一公开 plan — the department, the
 * scope (市县, industry, subject type), the sampling ratio of each grade,
 * the inspectors and the period in which their own inspections exclude a
 * subject. The server checks it; what it refuses is shown here, with the
 * field, and the dialog stays open. Emits "created" with the new plan. */
#define G_LOG_DOMAIN "hc-inspection-plan-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-inspection-plan-dialog.h"

struct _HcInspectionPlanDialog
{
  AdwWindow       parent_instance;

  /* template children */
  AdwEntryRow    *title_row;
  AdwComboRow    *department_row;
  AdwComboRow    *region_row;
  AdwEntryRow    *industry_row;
  AdwComboRow    *type_row;
  GtkSpinButton  *ratio_spins[4];
  AdwEntryRow    *inspectors_row;
  GtkSpinButton  *days_spin;
  GtkLabel       *message_label;

  /* state */
  HcClient       *client;
  GCancellable   *cancellable;
  GListModel     *departments;
  char           *message;
  gboolean        busy;
};

G_DEFINE_FINAL_TYPE (HcInspectionPlanDialog, hc_inspection_plan_dialog, ADW_TYPE_WINDOW)

enum { CREATED, N_SIGNALS };

static guint signals [N_SIGNALS];

static const char * const type_keys[] = { NULL, "legal_person", "unincorporated", "natural_person" };

/* The inspectors typed, split at commas, 、 and white space. */
static char **
inspector_names (HcInspectionPlanDialog *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->inspectors_row)));
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  char *p;

  /* 、 and ， as commas */
  while ((p = strstr (text, "、")) != NULL || (p = strstr (text, "，")) != NULL)
    {
      p[0] = ',';
      memmove (p + 1, p + 3, strlen (p + 3) + 1);
    }
  g_strdelimit (text, " \t\n;；", ',');
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (names, parts[i]);
  return g_strv_builder_end (names);
}

static void
update_create (HcInspectionPlanDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_auto(GStrv) names = inspector_names (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create",
                                 !self->busy && *title != '\0' && g_strv_length (names) >= 2 &&
                                 self->departments != NULL &&
                                 g_list_model_get_n_items (self->departments) > 0);
}

static void
set_message (HcInspectionPlanDialog *self,
             const char             *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcInspectionPlanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcInspectionPlan) plan = hc_client_create_inspection_plan_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (plan == NULL)
    {
      set_message (self, error->message);
      update_create (self);
      return;
    }
  set_message (self, NULL);
  g_signal_emit (self, signals[CREATED], 0, plan);
  gtk_window_close (GTK_WINDOW (self));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcInspectionPlanDialog *self = HC_INSPECTION_PLAN_DIALOG (widget);
  g_autoptr(HcDepartment) department = NULL;
  g_auto(GStrv) names = inspector_names (self);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *industry = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->industry_row))));
  guint region = adw_combo_row_get_selected (self->region_row);
  guint type = adw_combo_row_get_selected (self->type_row);
  const HcRegion *regions;
  HcInspectionPlanFields fields = { 0, };
  guint n_regions;

  department = g_list_model_get_item (self->departments, adw_combo_row_get_selected (self->department_row));
  if (department == NULL)
    return;
  regions = hc_regions_get_all (&n_regions);
  fields.title = title;
  fields.department_id = hc_department_get_id (department);
  fields.region = region > 0 && region <= n_regions ? regions[region - 1].code : NULL;
  fields.industry = industry;
  fields.subject_type = type < G_N_ELEMENTS (type_keys) ? type_keys[type] : NULL;
  for (int g = 0; g < 4; g++)
    fields.ratios[g] = gtk_spin_button_get_value (self->ratio_spins[g]);
  fields.inspectors = (const char * const *) names;
  fields.exclusion_days = gtk_spin_button_get_value_as_int (self->days_spin);
  self->busy = TRUE;
  update_create (self);
  hc_client_create_inspection_plan_async (self->client, &fields, self->cancellable, created_cb,
                                          g_object_ref (self));
}

static void
departments_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HcInspectionPlanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) departments = hc_client_list_departments_finish (HC_CLIENT (source), result, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (departments == NULL)
    {
      set_message (self, error->message);
      return;
    }
  g_set_object (&self->departments, departments);
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(HcDepartment) d = g_list_model_get_item (departments, i);

      gtk_string_list_append (names, hc_department_get_name (d));
    }
  adw_combo_row_set_model (self->department_row, G_LIST_MODEL (names));
  update_create (self);
}

static void
hc_inspection_plan_dialog_dispose (GObject *object)
{
  HcInspectionPlanDialog *self = HC_INSPECTION_PLAN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_INSPECTION_PLAN_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->departments);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (hc_inspection_plan_dialog_parent_class)->dispose (object);
}

static void
hc_inspection_plan_dialog_class_init (HcInspectionPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_inspection_plan_dialog_dispose;

  /**
   * HcInspectionPlanDialog::created:
   * @plan: the new plan (HcInspectionPlan)
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, HC_TYPE_INSPECTION_PLAN);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-inspection-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPlanDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPlanDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPlanDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPlanDialog, industry_row);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPlanDialog, type_row);
  gtk_widget_class_bind_template_child_full (widget_class, "ratio_a", FALSE,
                                             G_STRUCT_OFFSET (HcInspectionPlanDialog, ratio_spins[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "ratio_b", FALSE,
                                             G_STRUCT_OFFSET (HcInspectionPlanDialog, ratio_spins[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "ratio_c", FALSE,
                                             G_STRUCT_OFFSET (HcInspectionPlanDialog, ratio_spins[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "ratio_d", FALSE,
                                             G_STRUCT_OFFSET (HcInspectionPlanDialog, ratio_spins[3]));
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPlanDialog, inspectors_row);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPlanDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPlanDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, update_create);
}

static void
hc_inspection_plan_dialog_init (HcInspectionPlanDialog *self)
{
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  const HcRegion *all;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_string_list_append (regions, _("All of Hainan"));
  all = hc_regions_get_all (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (regions, all[i].name);
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (regions));
  gtk_string_list_append (types, _("All subject types"));
  for (guint i = 0; i < HC_SUBJECT_TYPE_N; i++)
    gtk_string_list_append (types, hc_subject_type_label ((HcSubjectType) i));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", FALSE);
}

/**
 * hc_inspection_plan_dialog_new:
 *
 * Returns: (transfer full): a dialog over @parent that loads the
 *   departments and creates the plan through @client
 */
HcInspectionPlanDialog *
hc_inspection_plan_dialog_new (GtkWindow *parent,
                               HcClient  *client)
{
  HcInspectionPlanDialog *self;

  g_return_val_if_fail (HC_IS_CLIENT (client), NULL);

  self = g_object_new (HC_TYPE_INSPECTION_PLAN_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->client = g_object_ref (client);
  self->busy = TRUE;
  hc_client_list_departments_async (client, self->cancellable, departments_cb, g_object_ref (self));
  return self;
}

/* Whether a request (the departments, the plan) is under way. */
gboolean
hc_inspection_plan_dialog_get_busy (HcInspectionPlanDialog *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PLAN_DIALOG (self), FALSE);
  return self->busy;
}

/* What the server refused, %NULL when nothing was. */
const char *
hc_inspection_plan_dialog_get_message (HcInspectionPlanDialog *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PLAN_DIALOG (self), NULL);
  return self->message;
}

guint
hc_inspection_plan_dialog_get_n_departments (HcInspectionPlanDialog *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PLAN_DIALOG (self), 0);
  return self->departments ? g_list_model_get_n_items (self->departments) : 0;
}
