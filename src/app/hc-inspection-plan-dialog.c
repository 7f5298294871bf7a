/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcInspectionPlanDialog: a new 双随机、一公开 plan — the department, the
 * scope (市县, industry, subject type), the sampling ratio of each grade,
 * the inspectors — picked from the department's active users in a
 * checkable list with a search — and the period in which their own
 * inspections exclude a subject. The server checks it; what it refuses is shown here, with the
 * field, and the dialog stays open. Emits "created" with the new plan. */
#define G_LOG_DOMAIN "hc-inspection-plan-dialog"

#include "config.h"

#include <stdlib.h>
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
  GtkSearchEntry *inspector_search;
  GtkListBox     *inspector_list;
  GtkLabel       *picked_label;
  GtkSpinButton  *days_spin;
  GtkLabel       *message_label;

  /* state */
  HcClient       *client;
  GCancellable   *cancellable;
  GCancellable   *inspectors_cancellable;
  GListModel     *departments;
  GListStore     *inspectors;      /* HcInspector: the department's active users */
  GtkCustomFilter *filter;
  GtkFilterListModel *shown;
  GHashTable     *picked;          /* user names */
  char           *message;
  gboolean        busy;
  gboolean        loading_inspectors;
};

G_DEFINE_FINAL_TYPE (HcInspectionPlanDialog, hc_inspection_plan_dialog, ADW_TYPE_WINDOW)

enum { CREATED, N_SIGNALS };

static guint signals [N_SIGNALS];

static const char * const type_keys[] = { NULL, "legal_person", "unincorporated", "natural_person" };

static int
compare_names (const void *a,
               const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The inspectors picked, by user name. */
static char **
inspector_names (HcInspectionPlanDialog *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (self->picked, NULL);
  g_auto(GStrv) sorted = NULL;

  sorted = g_strdupv ((char **) keys);
  qsort (sorted, g_strv_length (sorted), sizeof (char *), compare_names);
  g_strv_builder_addv (names, (const char **) sorted);
  return g_strv_builder_end (names);
}

static void
update_create (HcInspectionPlanDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_auto(GStrv) names = inspector_names (self);

  g_autofree char *picked = g_strdup_printf (_("%u picked"), g_hash_table_size (self->picked));

  gtk_label_set_text (self->picked_label, picked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create",
                                 !self->busy && !self->loading_inspectors && *title != '\0' &&
                                 g_strv_length (names) >= 2 &&
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
inspector_toggled (HcInspectionPlanDialog *self,
                   GtkCheckButton         *check)
{
  const char *username = g_object_get_data (G_OBJECT (check), "username");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->picked, g_strdup (username));
  else
    g_hash_table_remove (self->picked, username);
  update_create (self);
}

/* A row of the picker: the name, the user name, a check box. The box
 * reads the picked set, so a row the search hid and shows again keeps it. */
static GtkWidget *
create_inspector_row (gpointer item,
                      gpointer user_data)
{
  HcInspectionPlanDialog *self = user_data;
  HcInspector *inspector = item;
  const char *username = hc_inspector_get_username (inspector);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hc_inspector_get_label (inspector));
  if (g_strcmp0 (hc_inspector_get_label (inspector), username) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), username);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->picked, username));
  g_object_set_data_full (G_OBJECT (check), "username", g_strdup (username), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (inspector_toggled), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hc_inspector_get_label (inspector), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static gboolean
inspector_matches (gpointer item,
                   gpointer user_data)
{
  HcInspectionPlanDialog *self = user_data;
  HcInspector *inspector = item;
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->inspector_search)), -1);
  g_autofree char *label = g_utf8_casefold (hc_inspector_get_label (inspector), -1);
  g_autofree char *username = g_utf8_casefold (hc_inspector_get_username (inspector), -1);

  g_strstrip (needle);
  return *needle == '\0' || strstr (label, needle) != NULL || strstr (username, needle) != NULL;
}

static void
inspector_search_changed (HcInspectionPlanDialog *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
inspectors_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HcInspectionPlanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) users = hc_client_list_inspectors_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading_inspectors = FALSE;
  if (users == NULL)
    {
      set_message (self, error->message);
      update_create (self);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(HcInspector) user = g_list_model_get_item (users, i);

      if (hc_inspector_get_active (user))
        g_list_store_append (self->inspectors, user);
    }
  update_create (self);
}

/* The department chosen: its users, none picked. */
static void
load_inspectors (HcInspectionPlanDialog *self)
{
  g_autoptr(HcDepartment) department = NULL;

  g_cancellable_cancel (self->inspectors_cancellable);
  g_clear_object (&self->inspectors_cancellable);
  g_list_store_remove_all (self->inspectors);
  g_hash_table_remove_all (self->picked);
  self->loading_inspectors = FALSE;
  if (self->departments != NULL)
    department = g_list_model_get_item (self->departments, adw_combo_row_get_selected (self->department_row));
  if (department != NULL)
    {
      self->inspectors_cancellable = g_cancellable_new ();
      self->loading_inspectors = TRUE;
      hc_client_list_inspectors_async (self->client, hc_department_get_id (department),
                                       self->inspectors_cancellable, inspectors_cb, g_object_ref (self));
    }
  update_create (self);
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
  g_signal_connect_object (self->department_row, "notify::selected", G_CALLBACK (load_inspectors), self,
                           G_CONNECT_SWAPPED);
  load_inspectors (self);
}

static void
hc_inspection_plan_dialog_dispose (GObject *object)
{
  HcInspectionPlanDialog *self = HC_INSPECTION_PLAN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->inspectors_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_INSPECTION_PLAN_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->inspectors_cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->departments);
  g_clear_object (&self->shown);
  g_clear_object (&self->inspectors);
  g_clear_pointer (&self->picked, g_hash_table_unref);
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
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPlanDialog, inspector_search);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPlanDialog, inspector_list);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPlanDialog, picked_label);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPlanDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, HcInspectionPlanDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, update_create);
  gtk_widget_class_bind_template_callback (widget_class, inspector_search_changed);
}

static void
hc_inspection_plan_dialog_init (HcInspectionPlanDialog *self)
{
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  const HcRegion *all;
  guint n;

  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->picked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->inspectors = g_list_store_new (HC_TYPE_INSPECTOR);
  self->filter = gtk_custom_filter_new (inspector_matches, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->inspectors)), GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->inspector_list, G_LIST_MODEL (self->shown), create_inspector_row, self, NULL);
  placeholder = gtk_label_new (_("No active user of this department matches. An administrator adds users to a "
                                 "department under Users."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->inspector_list, placeholder);
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

/* Whether a request (the departments, their users, the plan) is under way. */
gboolean
hc_inspection_plan_dialog_get_busy (HcInspectionPlanDialog *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PLAN_DIALOG (self), FALSE);
  return self->busy || self->loading_inspectors;
}

/* The department's active users the picker offers. */
guint
hc_inspection_plan_dialog_get_n_inspectors (HcInspectionPlanDialog *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PLAN_DIALOG (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->inspectors));
}

/* Those of them the search leaves shown. */
guint
hc_inspection_plan_dialog_get_n_shown (HcInspectionPlanDialog *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PLAN_DIALOG (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->shown));
}

guint
hc_inspection_plan_dialog_get_n_picked (HcInspectionPlanDialog *self)
{
  g_return_val_if_fail (HC_IS_INSPECTION_PLAN_DIALOG (self), 0);
  return g_hash_table_size (self->picked);
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
