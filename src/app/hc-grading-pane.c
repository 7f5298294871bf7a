/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcGradingPane: the supervisors' editor of the 公共信用综合评价 model
 * (四.(四).3). The versions, newest first (draft, published, superseded —
 * each readable); the selected one's base score, the bands of A, B and C
 * and the weight of each factor, editable in a draft; its preview (the
 * grade distribution it gives by 市县 and by industry, and how many
 * subjects change grade), which is what publishing then gives; and the
 * publish itself, after a confirmation. */
#define G_LOG_DOMAIN "hc-grading-pane"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hc-grade-factor.h"
#include "hc-grade-share.h"
#include "hc-grading-pane.h"
#include "hc-window.h"

struct _HcGradingPane
{
  HcPane              parent_instance;

  /* template children */
  GtkSingleSelection *version_selection;
  GtkWidget          *editor_box;
  GtkLabel           *title_label;
  GtkLabel           *state_label;
  AdwEntryRow        *title_row;
  GtkSpinButton      *base_spin;
  GtkSpinButton      *band_spins[3];
  AdwPreferencesGroup *weights_group;
  GtkLabel           *preview_label;
  GtkNoSelection     *region_selection;
  GtkNoSelection     *industry_selection;
  GtkWidget          *preview_box;
  GtkLabel           *message_label;

  /* state */
  GListStore         *versions;
  HcGradingModel     *model;
  HcGradingPass      *preview;
  GPtrArray          *weight_rows;     /* AdwActionRow, in the factors' order */
  GPtrArray          *weight_spins;    /* GtkSpinButton, beside them */
  GtkWindow          *dialog;
  char               *message;
  char               *field;           /* the field the last refusal named */
  guint               busy;
  gint64              select_after_reload;
  gboolean            preview_after_save;
};

G_DEFINE_FINAL_TYPE (HcGradingPane, hc_grading_pane, HC_TYPE_PANE)

static gboolean
is_supervisor (HcGradingPane *self)
{
  HcClient *client = hc_pane_get_client (HC_PANE (self));
  const char *role = client ? hc_client_get_role (client) : NULL;

  return g_strcmp0 (role, "supervisor") == 0 || g_strcmp0 (role, "admin") == 0;
}

static gboolean
draft_shown (HcGradingPane *self)
{
  return self->model != NULL && hc_grading_model_is_draft (self->model);
}

static gboolean
has_draft (HcGradingPane *self)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->versions)); i++)
    {
      g_autoptr(HcGradingModel) v = g_list_model_get_item (G_LIST_MODEL (self->versions), i);

      if (hc_grading_model_is_draft (v))
        return TRUE;
    }
  return FALSE;
}

static void
update_actions (HcGradingPane *self)
{
  gboolean idle = self->busy == 0;
  gboolean editable = idle && is_supervisor (self) && draft_shown (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grading.new-draft",
                                 idle && is_supervisor (self) && !has_draft (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grading.save", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grading.preview", idle && is_supervisor (self) &&
                                 self->model != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grading.publish", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grading.discard", editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->base_spin), editable);
  for (guint i = 0; i < 3; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->band_spins[i]), editable);
  for (guint i = 0; i < self->weight_spins->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->weight_spins, i), editable);
}

static GtkSpinButton *weight_spin (HcGradingPane *self,
                                   const char    *factor);

/* The editor's control of a field the server names: title, base_score,
 * bands (all three), bands.<grade>, weights.<factor>. */
static void
mark_field (HcGradingPane *self,
            const char    *field,
            gboolean       error)
{
  GtkWidget *widgets[3] = { NULL, };

  if (field == NULL)
    return;
  if (g_str_equal (field, "title"))
    widgets[0] = GTK_WIDGET (self->title_row);
  else if (g_str_equal (field, "base_score"))
    widgets[0] = GTK_WIDGET (self->base_spin);
  else if (g_str_equal (field, "bands"))
    for (guint i = 0; i < 3; i++)
      widgets[i] = GTK_WIDGET (self->band_spins[i]);
  else if (g_str_has_prefix (field, "bands.") && field[6] >= 'A' && field[6] <= 'C' && field[7] == '\0')
    widgets[0] = GTK_WIDGET (self->band_spins[field[6] - 'A']);
  else if (g_str_has_prefix (field, "weights."))
    widgets[0] = (GtkWidget *) weight_spin (self, field + strlen ("weights."));
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (widgets[i] != NULL && error)
      gtk_widget_add_css_class (widgets[i], "error");
    else if (widgets[i] != NULL)
      gtk_widget_remove_css_class (widgets[i], "error");
}

/* What the server refused and the field it named (marked in the editor);
 * both %NULL to clear. */
static void
set_field_message (HcGradingPane *self,
                   const char    *message,
                   const char    *field)
{
  mark_field (self, self->field, FALSE);
  g_free (self->field);
  self->field = g_strdup (field);
  mark_field (self, self->field, TRUE);
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_message (HcGradingPane *self,
             const char    *message)
{
  set_field_message (self, message, NULL);
}

static void
begin (HcGradingPane *self)
{
  self->busy++;
  update_actions (self);
}

static void
end (HcGradingPane *self)
{
  g_assert (self->busy > 0);
  self->busy--;
  update_actions (self);
}

static void
show_preview (HcGradingPane *self,
              HcGradingPass *pass)
{
  g_autofree char *text = NULL;

  g_set_object (&self->preview, pass);
  gtk_widget_set_visible (self->preview_box, pass != NULL);
  gtk_no_selection_set_model (self->region_selection, pass ? hc_grading_pass_get_by_region (pass) : NULL);
  gtk_no_selection_set_model (self->industry_selection, pass ? hc_grading_pass_get_by_industry (pass) : NULL);
  if (pass == NULL)
    return;
  /* Translators: a grading pass, "截至 2026-12-07：共 1,234 户，A 100、B 800、C 300、D 34；等级变化 56 户" */
  text = g_strdup_printf (_("As of %s: %lld subjects — A %lld, B %lld, C %lld, D %lld; %lld change grade, "
                            "%lld overridden"),
                          hc_grading_pass_get_as_of (pass), (long long) hc_grading_pass_get_subjects (pass),
                          (long long) hc_grading_pass_get_count (pass, 'A'),
                          (long long) hc_grading_pass_get_count (pass, 'B'),
                          (long long) hc_grading_pass_get_count (pass, 'C'),
                          (long long) hc_grading_pass_get_count (pass, 'D'),
                          (long long) hc_grading_pass_get_changed (pass),
                          (long long) hc_grading_pass_get_overridden (pass));
  gtk_label_set_text (self->preview_label, text);
}

/* The editor's rows, one per factor (made once, from the first model). */
static void
ensure_weight_rows (HcGradingPane *self,
                    GListModel    *factors)
{
  if (self->weight_rows->len > 0)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (factors); i++)
    {
      g_autoptr(HcGradeFactor) f = g_list_model_get_item (factors, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (-100, 100, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hc_grade_factor_get_label (f));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hc_grade_factor_get_label (f), -1);
      g_object_set_data_full (G_OBJECT (spin), "factor", g_strdup (hc_grade_factor_get_factor (f)), g_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->weights_group, row);
      g_ptr_array_add (self->weight_rows, row);
      g_ptr_array_add (self->weight_spins, spin);
    }
}

static GtkSpinButton *
weight_spin (HcGradingPane *self,
             const char    *factor)
{
  for (guint i = 0; i < self->weight_spins->len; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (self->weight_spins, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (spin), "factor"), factor) == 0)
        return spin;
    }
  return NULL;
}

static void
show_model (HcGradingPane  *self,
            HcGradingModel *model)
{
  GListModel *factors;
  g_autofree char *version = NULL, *state = NULL, *published = NULL, *heading = NULL;

  g_set_object (&self->model, model);
  gtk_widget_set_visible (self->editor_box, model != NULL);
  if (model == NULL)
    {
      update_actions (self);
      return;
    }
  g_object_get (model, "version-label", &version, "state-label", &state, "published-label", &published, NULL);
  /* Translators: a model version and its title, "第 3 版 · 2026年度公共信用综合评价模型" */
  heading = hc_grading_model_get_title (model) && *hc_grading_model_get_title (model) ?
            g_strdup_printf (_("%s · %s"), version, hc_grading_model_get_title (model)) : g_strdup (version);
  gtk_label_set_text (self->title_label, heading);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), hc_grading_model_get_title (model) ?
                                                          hc_grading_model_get_title (model) : "");
  gtk_label_set_text (self->state_label, published && *published ? published : state);
  gtk_spin_button_set_value (self->base_spin, (double) hc_grading_model_get_base_score (model));
  for (guint i = 0; i < 3; i++)
    gtk_spin_button_set_value (self->band_spins[i], (double) hc_grading_model_get_band (model, (char) ('A' + i)));
  factors = hc_grading_model_get_factors (model);
  ensure_weight_rows (self, factors);
  for (guint i = 0; i < g_list_model_get_n_items (factors); i++)
    {
      g_autoptr(HcGradeFactor) f = g_list_model_get_item (factors, i);
      GtkSpinButton *spin = weight_spin (self, hc_grade_factor_get_factor (f));

      if (spin != NULL)
        gtk_spin_button_set_value (spin, (double) hc_grade_factor_get_weight (f));
    }
  update_actions (self);
}

static void
model_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcGradingPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcGradingModel) model = hc_client_get_grading_model_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end (self);
  if (model == NULL)
    {
      set_message (self, error->message);
      return;
    }
  show_model (self, model);
}

static void
version_selected (HcGradingPane *self)
{
  HcGradingModel *row = gtk_single_selection_get_selected_item (self->version_selection);

  show_preview (self, NULL);
  if (row == NULL || hc_pane_get_client (HC_PANE (self)) == NULL)
    {
      show_model (self, NULL);
      return;
    }
  begin (self);
  hc_client_get_grading_model_async (hc_pane_get_client (HC_PANE (self)), hc_grading_model_get_id (row),
                                     hc_pane_get_cancellable (HC_PANE (self)), model_cb, g_object_ref (self));
}

static void
versions_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HcGradingPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) versions = hc_client_list_grading_models_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end (self);
  if (versions == NULL)
    {
      hc_pane_show_error (HC_PANE (self), error);
      return;
    }
  hc_pane_show_list (HC_PANE (self), self->versions, versions, self->version_selection, self->select_after_reload);
  self->select_after_reload = 0;
  update_actions (self);
}

static void
hc_grading_pane_reload (HcPane *pane)
{
  HcGradingPane *self = HC_GRADING_PANE (pane);

  hc_pane_show_loading (pane);
  set_message (self, NULL);
  self->busy = 0;
  begin (self);
  hc_client_list_grading_models_async (hc_pane_get_client (pane), hc_pane_get_cancellable (pane), versions_cb,
                                       g_object_ref (self));
}

static GtkWindow *
parent_window (HcGradingPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (HcGradingPane *self,
       const char    *text)
{
  GtkWindow *window = parent_window (self);

  if (HC_IS_WINDOW (window))
    hc_window_add_toast (HC_WINDOW (window), text);
}

/* New draft, from the published version. */

static void
drafted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcGradingPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcGradingModel) model = hc_client_create_grading_model_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end (self);
  if (model == NULL)
    {
      set_message (self, error->message);
      return;
    }
  self->select_after_reload = hc_grading_model_get_id (model);
  hc_pane_reload (HC_PANE (self));
}

static void
new_draft_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  HcGradingPane *self = HC_GRADING_PANE (widget);

  begin (self);
  hc_client_create_grading_model_async (hc_pane_get_client (HC_PANE (self)), 0, NULL,
                                        hc_pane_get_cancellable (HC_PANE (self)), drafted_cb, g_object_ref (self));
}

/* Save (and preview). */

static void preview (HcGradingPane *self);

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcGradingPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcGradingModel) model = hc_client_edit_grading_model_finish (HC_CLIENT (source), result, &error);
  gboolean then_preview = self->preview_after_save;

  self->preview_after_save = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end (self);
  if (model == NULL)
    {
      set_field_message (self, error->message, hc_client_error_get_field (error));
      return;
    }
  set_message (self, NULL);
  show_model (self, model);
  if (then_preview)
    preview (self);
}

static void
save (HcGradingPane *self)
{
  g_autofree HcGradeWeight *weights = g_new0 (HcGradeWeight, MAX (self->weight_spins->len, 1));
  gint64 bands[3];

  for (guint i = 0; i < 3; i++)
    bands[i] = gtk_spin_button_get_value_as_int (self->band_spins[i]);
  for (guint i = 0; i < self->weight_spins->len; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (self->weight_spins, i);

      weights[i].factor = g_object_get_data (G_OBJECT (spin), "factor");
      weights[i].weight = gtk_spin_button_get_value_as_int (spin);
    }
  begin (self);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  hc_client_edit_grading_model_async (hc_pane_get_client (HC_PANE (self)), self->model, title,
                                      gtk_spin_button_get_value_as_int (self->base_spin), bands, weights,
                                      self->weight_spins->len, hc_pane_get_cancellable (HC_PANE (self)), saved_cb,
                                      g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HcGradingPane *self = HC_GRADING_PANE (widget);

  if (draft_shown (self))
    save (self);
}

static void
preview_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcGradingPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcGradingPass) pass = hc_client_preview_grading_model_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end (self);
  if (pass == NULL)
    {
      set_message (self, error->message);
      return;
    }
  show_preview (self, pass);
}

static void
preview (HcGradingPane *self)
{
  begin (self);
  hc_client_preview_grading_model_async (hc_pane_get_client (HC_PANE (self)), hc_grading_model_get_id (self->model),
                                         hc_pane_get_cancellable (HC_PANE (self)), preview_cb, g_object_ref (self));
}

/* A draft is saved first: the preview is of what is shown. */
static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HcGradingPane *self = HC_GRADING_PANE (widget);

  if (self->model == NULL)
    return;
  if (draft_shown (self))
    {
      self->preview_after_save = TRUE;
      save (self);
    }
  else
    preview (self);
}

/* Publish, after a confirmation. */

static void
published_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HcGradingPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcGradingPass) pass = hc_client_publish_grading_model_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end (self);
  if (pass == NULL)
    {
      set_message (self, error->message);
      return;
    }
  self->select_after_reload = hc_grading_pass_get_model_id (pass);
  toast (self, _("Model published: every subject was graded again"));
  hc_pane_reload (HC_PANE (self));
}

static void
publish_response (HcGradingPane    *self,
                  const char       *response,
                  AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "publish") != 0 || !draft_shown (self))
    return;
  begin (self);
  hc_client_publish_grading_model_async (hc_pane_get_client (HC_PANE (self)), self->model,
                                         hc_pane_get_cancellable (HC_PANE (self)), published_cb,
                                         g_object_ref (self));
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HcGradingPane *self = HC_GRADING_PANE (widget);
  AdwMessageDialog *dialog;
  g_autofree char *version = NULL;
  g_autofree char *body = NULL;

  if (!draft_shown (self))
    return;
  g_object_get (self->model, "version-label", &version, NULL);
  body = g_strdup_printf (_("Every market subject is graded again under %s, and the grades it gives are in force "
                            "at once (overrides stay). The version now published stays readable, superseded. "
                            "Save your edits first: the version is published as last saved."), version);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Publish the Evaluation Model?"),
                                                       body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "publish", _("_Publish"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (publish_response), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Discard the draft, after a confirmation. */

static void
discarded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HcGradingPane) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hc_client_discard_grading_model_finish (HC_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end (self);
  if (error != NULL)
    {
      set_message (self, error->message);
      return;
    }
  set_message (self, NULL);
  toast (self, _("Draft discarded"));
  hc_pane_reload (HC_PANE (self));
}

static void
discard_response (HcGradingPane    *self,
                  const char       *response,
                  AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") != 0 || !draft_shown (self))
    return;
  begin (self);
  hc_client_discard_grading_model_async (hc_pane_get_client (HC_PANE (self)), self->model,
                                         hc_pane_get_cancellable (HC_PANE (self)), discarded_cb, g_object_ref (self));
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HcGradingPane *self = HC_GRADING_PANE (widget);
  g_autofree char *version = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (!draft_shown (self))
    return;
  g_object_get (self->model, "version-label", &version, NULL);
  /* Translators: the draft's version, "第 4 版（草稿）" */
  body = g_strdup_printf (_("%s and its weights are deleted; nothing of it has graded anyone. The published "
                            "versions stay."), version);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Discard the Draft?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hc_grading_pane_dispose (GObject *object)
{
  HcGradingPane *self = HC_GRADING_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_GRADING_PANE);
  g_clear_object (&self->versions);
  g_clear_object (&self->model);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->weight_rows, g_ptr_array_unref);
  g_clear_pointer (&self->weight_spins, g_ptr_array_unref);
  g_clear_weak_pointer (&self->dialog);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->field, g_free);

  G_OBJECT_CLASS (hc_grading_pane_parent_class)->dispose (object);
}

static void
hc_grading_pane_class_init (HcGradingPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HcPaneClass *pane_class = HC_PANE_CLASS (klass);

  object_class->dispose = hc_grading_pane_dispose;
  pane_class->reload = hc_grading_pane_reload;

  gtk_widget_class_install_action (widget_class, "grading.new-draft", NULL, new_draft_action);
  gtk_widget_class_install_action (widget_class, "grading.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "grading.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "grading.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "grading.discard", NULL, discard_action);

  g_type_ensure (HC_TYPE_GRADING_MODEL);
  g_type_ensure (HC_TYPE_GRADE_SHARE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-grading-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HcGradingPane, version_selection);
  gtk_widget_class_bind_template_child (widget_class, HcGradingPane, editor_box);
  gtk_widget_class_bind_template_child (widget_class, HcGradingPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, HcGradingPane, title_row);
  gtk_widget_class_bind_template_child (widget_class, HcGradingPane, state_label);
  gtk_widget_class_bind_template_child (widget_class, HcGradingPane, base_spin);
  gtk_widget_class_bind_template_child_full (widget_class, "band_a", FALSE,
                                             G_STRUCT_OFFSET (HcGradingPane, band_spins[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "band_b", FALSE,
                                             G_STRUCT_OFFSET (HcGradingPane, band_spins[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "band_c", FALSE,
                                             G_STRUCT_OFFSET (HcGradingPane, band_spins[2]));
  gtk_widget_class_bind_template_child (widget_class, HcGradingPane, weights_group);
  gtk_widget_class_bind_template_child (widget_class, HcGradingPane, preview_label);
  gtk_widget_class_bind_template_child (widget_class, HcGradingPane, region_selection);
  gtk_widget_class_bind_template_child (widget_class, HcGradingPane, industry_selection);
  gtk_widget_class_bind_template_child (widget_class, HcGradingPane, preview_box);
  gtk_widget_class_bind_template_child (widget_class, HcGradingPane, message_label);
  gtk_widget_class_bind_template_callback (widget_class, version_selected);
}

static void
hc_grading_pane_init (HcGradingPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->versions = g_list_store_new (HC_TYPE_GRADING_MODEL);
  self->weight_rows = g_ptr_array_new ();
  self->weight_spins = g_ptr_array_new ();
  gtk_single_selection_set_model (self->version_selection, G_LIST_MODEL (self->versions));
  show_model (self, NULL);
  show_preview (self, NULL);
}

/* The versions listed (HcGradingModel rows), newest first. */
GListModel *
hc_grading_pane_get_versions (HcGradingPane *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PANE (self), NULL);
  return G_LIST_MODEL (self->versions);
}

/* The version shown, as last read or saved. */
HcGradingModel *
hc_grading_pane_get_model (HcGradingPane *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PANE (self), NULL);
  return self->model;
}

/* The preview shown, %NULL when none is. */
HcGradingPass *
hc_grading_pane_get_preview (HcGradingPane *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PANE (self), NULL);
  return self->preview;
}

void
hc_grading_pane_select_version (HcGradingPane *self,
                                guint          position)
{
  g_return_if_fail (HC_IS_GRADING_PANE (self));
  gtk_single_selection_set_selected (self->version_selection, position);
}

/* Types @weight into the editor's row of @factor; FALSE when there is none. */
gboolean
hc_grading_pane_set_weight (HcGradingPane *self,
                            const char    *factor,
                            gint64         weight)
{
  GtkSpinButton *spin;

  g_return_val_if_fail (HC_IS_GRADING_PANE (self), FALSE);
  if ((spin = weight_spin (self, factor)) == NULL)
    return FALSE;
  gtk_spin_button_set_value (spin, (double) weight);
  return TRUE;
}

void
hc_grading_pane_set_base_score (HcGradingPane *self,
                                gint64         score)
{
  g_return_if_fail (HC_IS_GRADING_PANE (self));
  gtk_spin_button_set_value (self->base_spin, (double) score);
}

/* Whether the editor takes edits (a draft, shown to a supervisor). */
gboolean
hc_grading_pane_get_editable (HcGradingPane *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PANE (self), FALSE);
  return gtk_widget_get_sensitive (GTK_WIDGET (self->base_spin));
}

gboolean
hc_grading_pane_get_busy (HcGradingPane *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PANE (self), FALSE);
  return self->busy > 0;
}

const char *
hc_grading_pane_get_message (HcGradingPane *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PANE (self), NULL);
  return self->message;
}

GtkWindow *
hc_grading_pane_get_dialog (HcGradingPane *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PANE (self), NULL);
  return self->dialog;
}

/* The field the server's last refusal named (marked in the editor), or %NULL. */
const char *
hc_grading_pane_get_field (HcGradingPane *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PANE (self), NULL);
  return self->field;
}

/* Sets a band's lowest score (0 … 2: A … C) as the user would. */
void
hc_grading_pane_set_band (HcGradingPane *self,
                          guint          band,
                          gint64         score)
{
  g_return_if_fail (HC_IS_GRADING_PANE (self));
  g_return_if_fail (band < 3);
  gtk_spin_button_set_value (self->band_spins[band], (double) score);
}

/* The editor's title row. */
AdwEntryRow *
hc_grading_pane_get_title_row (HcGradingPane *self)
{
  g_return_val_if_fail (HC_IS_GRADING_PANE (self), NULL);
  return self->title_row;
}

/* Whether the editor marks @band (0 … 2: A … C) as refused. */
gboolean
hc_grading_pane_band_marked (HcGradingPane *self,
                             guint          band)
{
  g_return_val_if_fail (HC_IS_GRADING_PANE (self), FALSE);
  g_return_val_if_fail (band < 3, FALSE);
  return gtk_widget_has_css_class (GTK_WIDGET (self->band_spins[band]), "error");
}
