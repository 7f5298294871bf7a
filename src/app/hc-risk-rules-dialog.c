/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRiskRulesDialog: the early-warning rules in force — category, 市县 (or
 * every 市县), the line they warn at — and, for a supervisor, the form
 * that adds or edits one and the step that deletes one. The server checks
 * a rule; a value it refuses is said under the field it names, and nothing
 * is saved. A rule that changed meanwhile is read again. */
#define G_LOG_DOMAIN "hc-risk-rules-dialog"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-risk-rules-dialog.h"

static const char * const fields[] = { "category", "region", "kind", "window_months", "threshold" };
static const char * const kinds[] = { "threshold", "rise" };

struct _HcRiskRulesDialog
{
  GtkWindow           parent_instance;

  /* template children */
  GtkStack           *stack;          /* the window's child */
  GtkSingleSelection *selection;
  GtkLabel           *list_message;
  GtkLabel           *role_note;
  GtkLabel           *form_title;
  GtkDropDown        *category_dropdown;
  GtkStringList      *categories;
  GtkDropDown        *region_dropdown;
  GtkStringList      *regions;
  GtkDropDown        *kind_dropdown;
  GtkSpinButton      *window_spin;
  GtkEditable        *threshold_entry;
  GtkLabel           *threshold_hint;
  GtkLabel           *form_message;
  GtkWidget          *save_button;
  GtkLabel           *category_error;
  GtkLabel           *region_error;
  GtkLabel           *kind_error;
  GtkLabel           *window_months_error;
  GtkLabel           *threshold_error;

  /* state */
  HcClient           *client;
  GCancellable       *cancellable;
  GListStore         *rules;
  HcRiskRule         *editing;        /* the rule the form edits, NULL for a new one */
  gboolean            in_form;
  gboolean            busy;
};

G_DEFINE_FINAL_TYPE (HcRiskRulesDialog, hc_risk_rules_dialog, GTK_TYPE_WINDOW)

#define CANCELLED(e) g_error_matches ((e), G_IO_ERROR, G_IO_ERROR_CANCELLED)

enum { SAVED, N_SIGNALS };

static guint signals [N_SIGNALS];

static void load_rules (HcRiskRulesDialog *self);

static gboolean
may_change (HcRiskRulesDialog *self)
{
  HcRole role;

  return hc_role_from_key (hc_client_get_role (self->client), &role) &&
         hc_role_at_least (role, HC_ROLE_SUPERVISOR);
}

static HcRiskRule *
selected_rule (HcRiskRulesDialog *self)
{
  return HC_RISK_RULE (gtk_single_selection_get_selected_item (self->selection));
}

static void
update_actions (HcRiskRulesDialog *self)
{
  gboolean can = may_change (self) && !self->busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rules.add", can && !self->in_form);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rules.edit", can && !self->in_form && selected_rule (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rules.delete", can && !self->in_form && selected_rule (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rules.save", can && self->in_form);
}

static void
set_busy (HcRiskRulesDialog *self,
          gboolean           busy)
{
  self->busy = busy;
  update_actions (self);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* An error above the list (the label also tells what a save found). */
static void
set_list_error (HcRiskRulesDialog *self,
                const char        *text)
{
  gtk_widget_add_css_class (GTK_WIDGET (self->list_message), "error");
  set_label (self->list_message, text);
}

static GtkLabel *
field_error_label (HcRiskRulesDialog *self,
                   const char        *field)
{
  GtkLabel *labels[] = { self->category_error, self->region_error, self->kind_error,
                         self->window_months_error, self->threshold_error };

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i], field))
      return labels[i];
  return NULL;
}

static void
clear_marks (HcRiskRulesDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gtk_widget_remove_css_class (hc_risk_rules_dialog_get_field (self, fields[i]), "error");
      set_label (field_error_label (self, fields[i]), NULL);
    }
  set_label (self->form_message, NULL);
}

/* Says under @field what is wrong with it and puts the cursor there; with
 * no such field, under the form. */
static void
refuse (HcRiskRulesDialog *self,
        const char        *field,
        const char        *message)
{
  GtkWidget *widget = hc_risk_rules_dialog_get_field (self, field);

  if (widget == NULL)
    {
      set_label (self->form_message, message);
      return;
    }
  set_label (field_error_label (self, field), message);
  gtk_widget_add_css_class (widget, "error");
  gtk_widget_grab_focus (widget);
}

/* The list */

/* Above the list after a save: what judging the rule at once found. */
static void
set_outcome (HcRiskRulesDialog *self,
             HcRiskRule        *rule)
{
  int raised = hc_risk_rule_get_n_raised (rule);
  int lapsed = hc_risk_rule_get_n_no_longer_met (rule);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->list_message), "error");
  if (raised < 0 || lapsed < 0)
    text = NULL;
  else if (raised == 0 && lapsed == 0)
    text = g_strdup (_("Saved. Judged over the latest months at once, the rule raises no new alert."));
  else
    {
      /* TRANSLATORS: after saving a warning rule, judged at once: the alerts it raised */
      g_autofree char *raised_text = g_strdup_printf (ngettext ("%d alert raised", "%d alerts raised", raised), raised);
      /* TRANSLATORS: after saving a warning rule: its open alerts it no longer calls for, left open */
      g_autofree char *lapsed_text = g_strdup_printf (ngettext ("%d open alert no longer met, left open for you to close",
                                                                "%d open alerts no longer met, left open for you to close",
                                                                lapsed), lapsed);

      if (raised > 0 && lapsed > 0)
        /* TRANSLATORS: after saving a warning rule: the two counts above */
        text = g_strdup_printf (_("Saved and judged over the latest months at once: %s; %s."), raised_text, lapsed_text);
      else
        /* TRANSLATORS: after saving a warning rule: one of the two counts above */
        text = g_strdup_printf (_("Saved and judged over the latest months at once: %s."),
                                raised > 0 ? raised_text : lapsed_text);
    }
  set_label (self->list_message, text);
}

static void
rules_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcRiskRulesDialog) self = user_data;
  g_autoptr(GListModel) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  rules = hc_client_list_risk_rules_finish (HC_CLIENT (source), result, &error);
  if (CANCELLED (error))
    return;
  set_busy (self, FALSE);
  if (rules == NULL)
    {
      set_list_error (self, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    g_ptr_array_add (items, g_list_model_get_item (rules, i));
  g_list_store_splice (self->rules, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rules)),
                       items->pdata, items->len);
  update_actions (self);
}

static void
load_rules (HcRiskRulesDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  hc_client_list_risk_rules_async (self->client, self->cancellable, rules_cb, g_object_ref (self));
}

/* The form */

static void
update_threshold_hint (HcRiskRulesDialog *self)
{
  gboolean rise = gtk_drop_down_get_selected (self->kind_dropdown) == 1;

  gtk_label_set_text (self->threshold_hint,
                      rise ? _("A rise: warn when the events of the window are this many percent more than in the window before it.")
                           : _("A threshold: warn when the events of the window come to this many per 10,000 enterprises of the city or county."));
}

static void
show_form (HcRiskRulesDialog *self,
           HcRiskRule        *rule)
{
  g_autofree char *threshold = NULL;
  HcRiskCategory category = 0;
  guint region = 0;

  g_set_object (&self->editing, rule);
  clear_marks (self);
  if (rule != NULL)
    {
      const char *code = hc_risk_rule_get_region (rule);
      const HcRegion *all;
      guint n;

      hc_risk_category_from_key (hc_risk_rule_get_category (rule), &category);
      all = hc_regions_get_all (&n);
      for (guint i = 0; code != NULL && i < n; i++)
        if (g_str_equal (all[i].code, code))
          region = i + 1;
      threshold = g_strdup_printf ("%g", hc_risk_rule_get_threshold (rule));
    }
  gtk_label_set_text (self->form_title, rule ? _("Edit the Warning Rule") : _("New Warning Rule"));
  gtk_drop_down_set_selected (self->category_dropdown, category);
  gtk_drop_down_set_selected (self->region_dropdown, region);
  gtk_drop_down_set_selected (self->kind_dropdown, rule && g_str_equal (hc_risk_rule_get_kind (rule), "rise"));
  gtk_spin_button_set_value (self->window_spin, rule ? hc_risk_rule_get_window_months (rule) : 3);
  gtk_editable_set_text (self->threshold_entry, threshold ? threshold : "");
  update_threshold_hint (self);
  self->in_form = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->category_dropdown));
}

static void
show_list (HcRiskRulesDialog *self)
{
  self->in_form = FALSE;
  g_clear_object (&self->editing);
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  update_actions (self);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcRiskRulesDialog) self = user_data;
  g_autoptr(HcRiskRule) rule = NULL;
  g_autoptr(GError) error = NULL;

  rule = hc_client_save_risk_rule_finish (HC_CLIENT (source), result, &error);
  if (CANCELLED (error))
    return;
  set_busy (self, FALSE);
  if (rule == NULL)
    {
      if (g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED) ||
          g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_NOT_FOUND))
        {
          /* TRANSLATORS: a rule changed or deleted by someone else meanwhile: the server's reason */
          g_autofree char *message = g_strdup_printf (_("%s The rules have been read again."), error->message);

          show_list (self);
          set_list_error (self, message);
          load_rules (self);
        }
      else
        refuse (self, hc_client_error_get_field (error), error->message);
      return;
    }
  set_outcome (self, rule);
  show_list (self);
  load_rules (self);
  g_signal_emit (self, signals [SAVED], 0, rule);
}

/* Checks what the server cannot read (a threshold that is no number) and
 * sends the rest for it to judge. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HcRiskRulesDialog *self = HC_RISK_RULES_DIALOG (widget);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (self->threshold_entry)));
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  guint region = gtk_drop_down_get_selected (self->region_dropdown);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  HcRiskRuleDraft draft = { 0 };
  const HcRegion *all;
  char *end = NULL;
  guint n;

  if (self->busy || !self->in_form)
    return;
  clear_marks (self);
  /* 60％ and 60% are the same number. */
  g_strdelimit (text, "%", ' ');
  if (g_str_has_suffix (text, "％"))
    text[strlen (text) - strlen ("％")] = '\0';
  g_strstrip (text);
  draft.threshold = g_ascii_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0')
    {
      refuse (self, "threshold", _("Type the threshold as a number, such as 150 or 60.5."));
      return;
    }
  all = hc_regions_get_all (&n);
  draft.category = category < HC_RISK_CATEGORY_N ? hc_risk_category_to_key ((HcRiskCategory) category) : NULL;
  draft.region = region >= 1 && region <= n ? all[region - 1].code : NULL;
  draft.kind = kinds[kind == 1];
  gtk_spin_button_update (self->window_spin);
  draft.window_months = gtk_spin_button_get_value_as_int (self->window_spin);
  set_busy (self, TRUE);
  hc_client_save_risk_rule_async (self->client, self->editing, &draft, self->cancellable,
                                  saved_cb, g_object_ref (self));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  show_form (HC_RISK_RULES_DIALOG (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HcRiskRulesDialog *self = HC_RISK_RULES_DIALOG (widget);

  if (selected_rule (self) != NULL)
    show_form (self, selected_rule (self));
}

static void
rule_activated_cb (HcRiskRulesDialog *self,
                   guint              position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (may_change (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "rules.edit", NULL);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcRiskRulesDialog *self = HC_RISK_RULES_DIALOG (widget);

  if (self->in_form)
    show_list (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Deleting */

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcRiskRulesDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hc_client_delete_risk_rule_finish (HC_CLIENT (source), result, &error) && CANCELLED (error))
    return;
  set_busy (self, FALSE);
  set_list_error (self, error ? error->message : NULL);
  load_rules (self);
}

static void
delete_response (AdwMessageDialog  *dialog,
                 const char        *response,
                 HcRiskRulesDialog *self)
{
  HcRiskRule *rule = g_object_get_data (G_OBJECT (dialog), "rule");

  if (g_strcmp0 (response, "delete") != 0 || rule == NULL || self->busy)
    return;
  set_busy (self, TRUE);
  hc_client_delete_risk_rule_async (self->client, rule, self->cancellable, deleted_cb, g_object_ref (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcRiskRulesDialog *self = HC_RISK_RULES_DIALOG (widget);
  HcRiskRule *rule = selected_rule (self);
  g_autofree char *line = NULL;
  AdwMessageDialog *dialog;

  if (rule == NULL)
    return;
  line = hc_risk_rule_dup_line_text (rule);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete the Warning Rule?"), NULL));
  /* TRANSLATORS: the rule to delete: category, city or county, its line */
  adw_message_dialog_format_body (dialog, _("%s · %s: %s.\nThe alerts it raised stay; it judges no more events."),
                                  hc_risk_rule_get_category_label (rule), hc_risk_rule_get_region_name (rule), line);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rule", g_object_ref (rule), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hc_risk_rules_dialog_dispose (GObject *object)
{
  HcRiskRulesDialog *self = HC_RISK_RULES_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_RISK_RULES_DIALOG);
  g_clear_object (&self->rules);
  g_clear_object (&self->editing);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (hc_risk_rules_dialog_parent_class)->dispose (object);
}

static void
hc_risk_rules_dialog_class_init (HcRiskRulesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_risk_rules_dialog_dispose;

  /* A rule was added or edited (the rule as saved): the server has judged
   * it at once, so alerts may have been raised or marked. */
  signals [SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HC_TYPE_RISK_RULE);

  gtk_widget_class_install_action (widget_class, "rules.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "rules.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "rules.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "rules.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "rules.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "rules.cancel", NULL);

  g_type_ensure (HC_TYPE_RISK_RULE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-risk-rules-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, selection);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, list_message);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, role_note);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, form_title);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, categories);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, regions);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, window_spin);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, threshold_entry);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, threshold_hint);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, form_message);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, category_error);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, region_error);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, kind_error);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, window_months_error);
  gtk_widget_class_bind_template_child (widget_class, HcRiskRulesDialog, threshold_error);
  gtk_widget_class_bind_template_callback (widget_class, rule_activated_cb);
}

static void
hc_risk_rules_dialog_init (HcRiskRulesDialog *self)
{
  const HcRegion *regions;
  guint n;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The window's child, not bound: disposing the template would unparent
   * it behind GtkWindow's back. */
  self->stack = GTK_STACK (gtk_window_get_child (GTK_WINDOW (self)));

  for (guint c = 0; c < HC_RISK_CATEGORY_N; c++)
    gtk_string_list_append (self->categories, hc_risk_category_label ((HcRiskCategory) c));
  gtk_string_list_append (self->regions, _("Every city and county"));
  regions = hc_regions_get_all (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (self->regions, regions[i].name);

  self->rules = g_list_store_new (HC_TYPE_RISK_RULE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->rules));
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (update_threshold_hint), self,
                           G_CONNECT_SWAPPED);
}

/**
 * hc_risk_rules_dialog_new:
 * @client: a signed-in client
 *
 * Returns: (transfer floating): the dialog, reading the rules in force
 */
HcRiskRulesDialog *
hc_risk_rules_dialog_new (HcClient *client)
{
  HcRiskRulesDialog *self;

  g_return_val_if_fail (HC_IS_CLIENT (client), NULL);

  self = g_object_new (HC_TYPE_RISK_RULES_DIALOG, NULL);
  self->client = g_object_ref (client);
  gtk_widget_set_visible (GTK_WIDGET (self->role_note), !may_change (self));
  load_rules (self);
  return self;
}

/* TRUE while the rules are read or a change is sent. */
gboolean
hc_risk_rules_dialog_get_busy (HcRiskRulesDialog *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULES_DIALOG (self), FALSE);
  return self->busy;
}

/* The rules listed (an HcRiskRule each, newest first). */
GListModel *
hc_risk_rules_dialog_get_rules (HcRiskRulesDialog *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULES_DIALOG (self), NULL);
  return G_LIST_MODEL (self->rules);
}

/* Selects the rule at @position, as a click does. */
void
hc_risk_rules_dialog_select (HcRiskRulesDialog *self,
                             guint              position)
{
  g_return_if_fail (HC_IS_RISK_RULES_DIALOG (self));
  gtk_single_selection_set_selected (self->selection, position);
}

/* Whether the form (not the list) is shown. */
gboolean
hc_risk_rules_dialog_get_editing (HcRiskRulesDialog *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULES_DIALOG (self), FALSE);
  return self->in_form;
}

/**
 * hc_risk_rules_dialog_get_field:
 * @field: a field as the API names it ("category", "region", "kind",
 *   "window_months", "threshold")
 *
 * Returns: (transfer none) (nullable): its widget in the form
 */
GtkWidget *
hc_risk_rules_dialog_get_field (HcRiskRulesDialog *self,
                                const char        *field)
{
  gpointer widgets[] = { self->category_dropdown, self->region_dropdown, self->kind_dropdown,
                         self->window_spin, self->threshold_entry };

  g_return_val_if_fail (HC_IS_RISK_RULES_DIALOG (self), NULL);

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i], field))
      return GTK_WIDGET (widgets[i]);
  return NULL;
}

/* What the form says under @field, or NULL. */
const char *
hc_risk_rules_dialog_get_field_error (HcRiskRulesDialog *self,
                                      const char        *field)
{
  GtkLabel *label;

  g_return_val_if_fail (HC_IS_RISK_RULES_DIALOG (self), NULL);

  label = field_error_label (self, field);
  return label != NULL && gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : NULL;
}

/* What the list says under it after a refused step, or NULL. */
const char *
hc_risk_rules_dialog_get_message (HcRiskRulesDialog *self)
{
  g_return_val_if_fail (HC_IS_RISK_RULES_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->list_message)) ? gtk_label_get_text (self->list_message) : NULL;
}
