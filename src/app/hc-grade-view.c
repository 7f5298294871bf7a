/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcGradeView: the 信用评价 tab of a credit file. The grade is the server's
 * explanation (GET /subjects/{identifier}/grade) as it is: the factors in a
 * column view, the model version and bands above, the override below the
 * grade. A supervisor's override goes through an AdwMessageDialog asking
 * for the grade and the reason; the server refuses one without a reason,
 * and the view shows its message. */
#define G_LOG_DOMAIN "hc-grade-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-enums.h"
#include "hc-format.h"
#include "hc-grade-factor.h"
#include "hc-grade-view.h"

struct _HcGradeView
{
  GtkWidget         parent_instance;

  GtkLabel         *grade_label;
  GtkLabel         *summary_label;
  GtkLabel         *override_label;
  GtkLabel         *message_label;
  GtkWidget        *override_button;
  GtkNoSelection   *selection;

  HcClient         *client;
  GCancellable     *cancellable;
  char             *lookup;
  HcSubjectGrade   *grade;
  AdwMessageDialog *dialog;       /* weak */
  GtkDropDown      *dialog_grade;
  GtkEntry         *dialog_reason;
  guint             busy;
};

G_DEFINE_FINAL_TYPE (HcGradeView, hc_grade_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_BUSY, N_PROPS };

static GParamSpec *properties [N_PROPS];

/* The dialog's choices: lift the override, or a grade. */
static const char * const override_keys[] = { "", "A", "B", "C", "D", NULL };

static void
busy_changed (HcGradeView *self,
              int          delta)
{
  self->busy += delta;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
show_message (HcGradeView *self,
              const char  *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static gboolean
is_supervisor (HcGradeView *self)
{
  HcRole role;

  return self->client != NULL && hc_role_from_key (hc_client_get_role (self->client), &role) &&
         hc_role_at_least (role, HC_ROLE_SUPERVISOR);
}

static void
update_actions (HcGradeView *self)
{
  gboolean may = is_supervisor (self) && self->grade != NULL && self->busy == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grade.override", may);
  gtk_widget_set_tooltip_text (self->override_button,
                               is_supervisor (self) ? NULL : _("Only a supervisor overrides a grade."));
}

static void
fill (HcGradeView *self)
{
  HcSubjectGrade *g = self->grade;
  const char *in_force = hc_subject_grade_get_grade (g);
  g_autofree char *summary = NULL;

  gtk_label_set_text (self->grade_label, *in_force ? in_force : C_("credit grade", "Not graded"));
  if (hc_subject_grade_get_computed (g))
    {
      const char *title = hc_subject_grade_get_model_title (g);

      /* Translators: the computed grade, its score, the model version, its title and the day */
      summary = g_strdup_printf (_("Computed grade %s, score %lld (base score %lld), under model version %lld “%s”, "
                                   "from the credit file as of %s. Bands: A from %lld, B from %lld, C from %lld, "
                                   "D below."),
                                 hc_subject_grade_get_computed_grade (g), (long long) hc_subject_grade_get_score (g),
                                 (long long) hc_subject_grade_get_base_score (g),
                                 (long long) hc_subject_grade_get_model_id (g), *title ? title : "",
                                 hc_subject_grade_get_as_of (g), (long long) hc_subject_grade_get_band (g, 'A'),
                                 (long long) hc_subject_grade_get_band (g, 'B'),
                                 (long long) hc_subject_grade_get_band (g, 'C'));
    }
  else
    summary = g_strdup (_("No evaluation model has graded this subject yet."));
  gtk_label_set_text (self->summary_label, summary);
  if (hc_subject_grade_get_overridden (g))
    {
      const char *at = hc_subject_grade_get_override_at (g);
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
      g_autofree char *day = local ? hc_format_date (local) : g_strdup (at);
      g_autofree char *text =
        g_strdup_printf (_("Overridden to %s by %s on %s. Reason: %s"), hc_subject_grade_get_override_grade (g),
                         hc_subject_grade_get_override_actor (g), day, hc_subject_grade_get_override_reason (g));

      gtk_label_set_text (self->override_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->override_label), hc_subject_grade_get_overridden (g));
  gtk_no_selection_set_model (self->selection, hc_subject_grade_get_factors (g));
}

static void
grade_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcGradeView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcSubjectGrade) grade = NULL;

  grade = hc_client_get_subject_grade_finish (HC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (grade == NULL)
    show_message (self, error->message);
  else
    {
      g_set_object (&self->grade, grade);
      show_message (self, NULL);
      fill (self);
    }
  busy_changed (self, -1);
  update_actions (self);
}

/**
 * hc_grade_view_load:
 * @lookup: the subject's identifier or reference, as the server finds it
 */
void
hc_grade_view_load (HcGradeView *self,
                    const char  *lookup)
{
  g_return_if_fail (HC_IS_GRADE_VIEW (self));
  g_return_if_fail (lookup != NULL);

  hc_grade_view_clear (self);
  self->lookup = g_strdup (lookup);
  if (self->client == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  busy_changed (self, +1);
  update_actions (self);
  hc_client_get_subject_grade_async (self->client, lookup, self->cancellable, grade_cb, g_object_ref (self));
}

void
hc_grade_view_clear (HcGradeView *self)
{
  g_return_if_fail (HC_IS_GRADE_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->busy = 0;
  g_clear_pointer (&self->lookup, g_free);
  g_clear_object (&self->grade);
  gtk_no_selection_set_model (self->selection, NULL);
  gtk_label_set_text (self->grade_label, "");
  gtk_label_set_text (self->summary_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->override_label), FALSE);
  show_message (self, NULL);
  update_actions (self);
}

static void
override_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HcGradeView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcSubjectGrade) grade = NULL;

  grade = hc_client_override_grade_finish (HC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (grade == NULL)
    show_message (self, error->message);
  else
    {
      g_set_object (&self->grade, grade);
      show_message (self, NULL);
      fill (self);
    }
  /* Last: who watches busy reads the new grade. */
  busy_changed (self, -1);
  update_actions (self);
}

/**
 * hc_grade_view_override:
 * @grade: (nullable): A, B, C or D; %NULL lifts the override
 *
 * What the dialog's Apply does; for tests too.
 */
void
hc_grade_view_override (HcGradeView *self,
                        const char  *grade,
                        const char  *reason)
{
  g_return_if_fail (HC_IS_GRADE_VIEW (self));
  g_return_if_fail (reason != NULL);

  if (self->client == NULL || self->lookup == NULL)
    return;
  busy_changed (self, +1);
  update_actions (self);
  hc_client_override_grade_async (self->client, self->lookup, grade, reason, self->cancellable, override_cb,
                                  g_object_ref (self));
}

static void
dialog_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    HcGradeView      *self)
{
  guint selected;

  if (g_strcmp0 (response, "apply") != 0)
    return;
  selected = gtk_drop_down_get_selected (self->dialog_grade);
  hc_grade_view_override (self, selected > 0 && selected < 5 ? override_keys[selected] : NULL,
                          gtk_editable_get_text (GTK_EDITABLE (self->dialog_reason)));
}

static void
override_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HcGradeView *self = HC_GRADE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkStringList) choices = NULL;
  GtkWidget *box, *label;

  if (self->grade == NULL)
    return;
  self->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             _("Override the Grade"),
                                                             _("The grade in force becomes the one chosen here "
                                                               "until the override is lifted. Say why: the "
                                                               "reason is kept and audited.")));
  g_object_add_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  choices = gtk_string_list_new ((const char * const[]) { _("Lift the override"), "A", "B", "C", "D", NULL });
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->dialog_grade = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&choices)), NULL));
  gtk_drop_down_set_selected (self->dialog_grade, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dialog_grade), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Grade"), -1);
  label = gtk_label_new (_("Grade"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->dialog_grade));
  label = gtk_label_new_with_mnemonic (_("_Reason"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->dialog_reason = GTK_ENTRY (gtk_entry_new ());
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->dialog_reason));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dialog_reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->dialog_reason));
  adw_message_dialog_set_extra_child (self->dialog, box);
  adw_message_dialog_add_responses (self->dialog, "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (self->dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->dialog, "apply");
  g_signal_connect_object (self->dialog, "response", G_CALLBACK (dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

/**
 * hc_grade_view_get_dialog:
 *
 * Returns: (transfer none) (nullable): the override dialog while it is open
 */
GtkWindow *
hc_grade_view_get_dialog (HcGradeView *self)
{
  g_return_val_if_fail (HC_IS_GRADE_VIEW (self), NULL);
  return self->dialog ? GTK_WINDOW (self->dialog) : NULL;
}

void
hc_grade_view_set_client (HcGradeView *self,
                          HcClient    *client)
{
  g_return_if_fail (HC_IS_GRADE_VIEW (self));

  g_set_object (&self->client, client);
  update_actions (self);
}

/* Returns: (transfer none) (nullable): the grade shown */
HcSubjectGrade *
hc_grade_view_get_grade (HcGradeView *self)
{
  g_return_val_if_fail (HC_IS_GRADE_VIEW (self), NULL);
  return self->grade;
}

gboolean
hc_grade_view_get_busy (HcGradeView *self)
{
  g_return_val_if_fail (HC_IS_GRADE_VIEW (self), FALSE);
  return self->busy > 0;
}

const char *
hc_grade_view_get_message (HcGradeView *self)
{
  g_return_val_if_fail (HC_IS_GRADE_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_text (self->message_label) : NULL;
}

static void
hc_grade_view_dispose (GObject *object)
{
  HcGradeView *self = HC_GRADE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_GRADE_VIEW);
  g_clear_object (&self->client);
  g_clear_object (&self->grade);
  g_clear_pointer (&self->lookup, g_free);

  G_OBJECT_CLASS (hc_grade_view_parent_class)->dispose (object);
}

static void
hc_grade_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HcGradeView *self = HC_GRADE_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, hc_grade_view_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_grade_view_class_init (HcGradeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_grade_view_dispose;
  object_class->get_property = hc_grade_view_get_property;

  properties [PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "grade.override", NULL, override_action);

  g_type_ensure (HC_TYPE_GRADE_FACTOR);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-grade-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HcGradeView, grade_label);
  gtk_widget_class_bind_template_child (widget_class, HcGradeView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HcGradeView, override_label);
  gtk_widget_class_bind_template_child (widget_class, HcGradeView, message_label);
  gtk_widget_class_bind_template_child (widget_class, HcGradeView, override_button);
  gtk_widget_class_bind_template_child (widget_class, HcGradeView, selection);
}

static void
hc_grade_view_init (HcGradeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  update_actions (self);
}
