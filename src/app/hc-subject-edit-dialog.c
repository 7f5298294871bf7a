/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSubjectEditDialog: sends the changed fields with the ETag the subject
 * was read with; when someone else changed it first (412) it loads the
 * current version and says so. The grade is 公共信用综合评价: the form shows
 * the grade in force and whether it is computed or set by hand; choosing
 * another is a supervisor's override, and going back to the computed grade
 * lifts it — both ask for the reason the server records with them. */
#define G_LOG_DOMAIN "hc-subject-edit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-format.h"
#include "hc-subject-edit-dialog.h"

struct _HcSubjectEditDialog
{
  GtkWindow     parent_instance;

  GtkLabel     *identifier_label;
  GtkEditable  *name_entry;
  GtkEditable  *industry_entry;
  GtkDropDown  *status_dropdown;
  GtkDropDown  *grade_dropdown;
  GtkLabel     *grade_state_label;
  GtkLabel     *grade_reason_label;
  GtkEditable  *grade_reason_entry;
  GtkLabel     *message_label;

  HcClient      *client;
  HcSubject     *subject;
  HcSubjectGrade *grade;          /* NULL until read */
  GtkStringList *grades;
  guint          grade_initial;   /* the dropdown's row of the grade in force */
  char          *etag;
  gboolean       can_grade;
  gboolean       busy;
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (HcSubjectEditDialog, hc_subject_edit_dialog, GTK_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };

static guint signals [N_SIGNALS];

static const char * const status_keys[] = { "active", "deregistered", "revoked", NULL };
/* The first row is the computed grade (no override); the others override it. */
static const char * const grade_keys[] = { "", "A", "B", "C", "D", NULL };

static guint
key_index (const char * const *keys,
           const char         *key)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return i;
  return 0;
}

static void
show_message (HcSubjectEditDialog *self,
              const char          *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_busy (HcSubjectEditDialog *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", !busy);
}

static void
grade_selected (HcSubjectEditDialog *self)
{
  gboolean changed_grade = self->grade != NULL && self->can_grade &&
                           gtk_drop_down_get_selected (self->grade_dropdown) != self->grade_initial;

  gtk_widget_set_visible (GTK_WIDGET (self->grade_reason_label), changed_grade);
  gtk_widget_set_visible (GTK_WIDGET (self->grade_reason_entry), changed_grade);
}

static void
show_grade (HcSubjectEditDialog *self)
{
  HcSubjectGrade *g = self->grade;
  const char *computed = hc_subject_grade_get_computed (g) ? hc_subject_grade_get_computed_grade (g) : NULL;
  g_autofree char *first = NULL;
  g_autofree char *state = NULL;
  const char *rows[2] = { NULL, NULL };

  /* Translators: the dropdown row of the computed grade (no override) */
  first = computed ? g_strdup_printf (_("Computed (%s)"), computed) : g_strdup (_("Computed (not graded yet)"));
  rows[0] = first;
  gtk_string_list_splice (self->grades, 0, 1, rows);

  if (hc_subject_grade_get_overridden (g))
    {
      const char *at = hc_subject_grade_get_override_at (g);
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
      g_autofree char *day = local ? hc_format_date (local) : g_strdup (at);

      /* Translators: grade, who, day, the computed grade, the reason */
      state = g_strdup_printf (_("In force: %s, set by hand by %s on %s (computed: %s). Reason: %s"),
                               hc_subject_grade_get_override_grade (g), hc_subject_grade_get_override_actor (g),
                               day, computed ? computed : C_("credit grade", "Not graded"),
                               hc_subject_grade_get_override_reason (g));
      self->grade_initial = key_index (grade_keys, hc_subject_grade_get_override_grade (g));
    }
  else if (computed != NULL)
    {
      const char *title = hc_subject_grade_get_model_title (g);

      /* Translators: grade, model version, its title, score, day */
      state = g_strdup_printf (_("In force: %s, computed under model version %lld “%s” (score %lld, as of %s)."),
                               computed, (long long) hc_subject_grade_get_model_id (g), title ? title : "",
                               (long long) hc_subject_grade_get_score (g), hc_subject_grade_get_as_of (g));
      self->grade_initial = 0;
    }
  else
    {
      state = g_strdup (_("Not graded: no published evaluation model has graded this subject yet."));
      self->grade_initial = 0;
    }
  gtk_label_set_text (self->grade_state_label, state);
  gtk_drop_down_set_selected (self->grade_dropdown, self->grade_initial);
  gtk_widget_set_sensitive (GTK_WIDGET (self->grade_dropdown), self->can_grade);
  grade_selected (self);
}

static void
grade_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcSubjectEditDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcSubjectGrade) grade = hc_client_get_subject_grade_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (grade == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The grade could not be read: %s"), error->message);

      gtk_label_set_text (self->grade_state_label, text);
      return;
    }
  g_set_object (&self->grade, grade);
  show_grade (self);
}

/* The grade in force and where it comes from; the grade cannot be changed
 * until it is known, so that no override is made by mistake. */
static void
read_grade (HcSubjectEditDialog *self)
{
  g_autofree char *lookup = hc_subject_dup_lookup (self->subject);

  g_clear_object (&self->grade);
  gtk_widget_set_sensitive (GTK_WIDGET (self->grade_dropdown), FALSE);
  gtk_label_set_text (self->grade_state_label, _("Reading the grade in force…"));
  gtk_editable_set_text (self->grade_reason_entry, "");
  grade_selected (self);
  hc_client_get_subject_grade_async (self->client, lookup, self->cancellable, grade_cb, g_object_ref (self));
}

static void
load_subject (HcSubjectEditDialog *self,
              HcSubject           *subject,
              const char          *etag)
{
  g_set_object (&self->subject, subject);
  g_free (self->etag);
  self->etag = g_strdup (etag);
  gtk_label_set_text (self->identifier_label, hc_subject_get_identifier (subject));
  hc_subject_edit_dialog_set_values (self, hc_subject_get_name (subject), hc_subject_get_industry (subject),
                                     hc_subject_get_status (subject), NULL);
  read_grade (self);
}

static void
reload_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcSubjectEditDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(HcSubject) subject = hc_client_get_subject_finish (HC_CLIENT (source), result, &etag, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (subject == NULL)
    {
      show_message (self, error->message);
      return;
    }
  load_subject (self, subject, etag);
  show_message (self, _("Someone else changed this subject while you edited it. The form now shows the current values; make your changes again and save."));
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcSubjectEditDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(HcSubject) subject = hc_client_update_subject_finish (HC_CLIENT (source), result, &etag, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED))
    {
      g_autofree char *lookup = hc_subject_dup_lookup (self->subject);

      hc_client_get_subject_async (self->client, lookup, self->cancellable, reload_cb, g_object_ref (self));
      return;
    }
  set_busy (self, FALSE);
  if (subject == NULL)
    {
      show_message (self, error->message);
      return;
    }
  g_signal_emit (self, signals [SAVED], 0, subject);
  gtk_window_close (GTK_WINDOW (self));
}

static const char *
changed (const char *now,
         const char *before)
{
  return g_strcmp0 (now, before) != 0 ? now : NULL;
}

void
hc_subject_edit_dialog_save (HcSubjectEditDialog *self)
{
  HcSubjectEdit edit = { 0, };
  g_autofree char *name = NULL;
  g_autofree char *industry = NULL;
  g_autofree char *lookup = NULL;
  g_autofree char *reason = NULL;
  const char *grade;
  guint selected;

  g_return_if_fail (HC_IS_SUBJECT_EDIT_DIALOG (self));

  if (self->busy)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (self->name_entry)));
  industry = g_strstrip (g_strdup (gtk_editable_get_text (self->industry_entry)));
  edit.name = changed (name, hc_subject_get_name (self->subject));
  edit.industry = changed (industry, hc_subject_get_industry (self->subject));
  edit.status = changed (status_keys[gtk_drop_down_get_selected (self->status_dropdown)],
                         hc_subject_get_status (self->subject));
  selected = gtk_drop_down_get_selected (self->grade_dropdown);
  if (self->grade != NULL && self->can_grade && selected != self->grade_initial)
    {
      grade = grade_keys[selected];
      reason = g_strstrip (g_strdup (gtk_editable_get_text (self->grade_reason_entry)));
      if (*reason == '\0')
        {
          show_message (self, *grade != '\0'
                              ? _("A grade chosen by hand overrides the computed grade: say why in “Reason for the grade”.")
                              : _("Going back to the computed grade lifts the override: say why in “Reason for the grade”."));
          gtk_widget_grab_focus (GTK_WIDGET (self->grade_reason_entry));
          return;
        }
      edit.grade = *grade != '\0' ? grade : NULL;
      edit.lift_grade = *grade == '\0';
      edit.grade_reason = reason;
    }

  if (edit.name == NULL && edit.industry == NULL && edit.status == NULL && edit.grade_reason == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  show_message (self, NULL);
  set_busy (self, TRUE);
  /* a person whose number the user sees masked is named by its row */
  lookup = hc_subject_dup_lookup (self->subject);
  hc_client_update_subject_async (self->client, lookup, self->etag,
                                  &edit, self->cancellable, save_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  hc_subject_edit_dialog_save (HC_SUBJECT_EDIT_DIALOG (widget));
}

static void
hc_subject_edit_dialog_dispose (GObject *object)
{
  HcSubjectEditDialog *self = HC_SUBJECT_EDIT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->subject);
  g_clear_object (&self->grade);
  g_clear_object (&self->grades);
  g_clear_pointer (&self->etag, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_SUBJECT_EDIT_DIALOG);

  G_OBJECT_CLASS (hc_subject_edit_dialog_parent_class)->dispose (object);
}

static void
hc_subject_edit_dialog_class_init (HcSubjectEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_subject_edit_dialog_dispose;

  /* Emitted with the subject as the server stored it. */
  signals [SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HC_TYPE_SUBJECT);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-subject-edit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HcSubjectEditDialog, identifier_label);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectEditDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectEditDialog, industry_entry);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectEditDialog, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectEditDialog, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectEditDialog, grade_state_label);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectEditDialog, grade_reason_label);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectEditDialog, grade_reason_entry);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectEditDialog, message_label);
}

static void
hc_subject_edit_dialog_init (HcSubjectEditDialog *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->grades = gtk_string_list_new (NULL);

  for (guint i = 0; status_keys[i] != NULL; i++)
    gtk_string_list_append (statuses, hc_subject_status_label (status_keys[i]));
  gtk_string_list_append (self->grades, C_("credit grade", "Computed"));
  for (guint i = 1; grade_keys[i] != NULL; i++)
    gtk_string_list_append (self->grades, grade_keys[i]);
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->grade_dropdown, G_LIST_MODEL (self->grades));
  g_signal_connect_object (self->grade_dropdown, "notify::selected", G_CALLBACK (grade_selected), self,
                           G_CONNECT_SWAPPED);
}

/* @can_grade: whether the signed-in role may set 信用等级 (supervisors, admins) */
HcSubjectEditDialog *
hc_subject_edit_dialog_new (HcClient   *client,
                            HcSubject  *subject,
                            const char *etag,
                            gboolean    can_grade)
{
  HcSubjectEditDialog *self;

  g_return_val_if_fail (HC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (HC_IS_SUBJECT (subject), NULL);
  g_return_val_if_fail (etag != NULL, NULL);

  self = g_object_new (HC_TYPE_SUBJECT_EDIT_DIALOG, NULL);
  self->client = g_object_ref (client);
  self->can_grade = can_grade;
  if (!can_grade)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->grade_dropdown),
                                 _("Only supervisors and administrators set credit grades."));
  load_subject (self, subject, etag);
  return self;
}

/* Fills the form (for tests and for loading a subject). */
void
hc_subject_edit_dialog_set_values (HcSubjectEditDialog *self,
                                   const char          *name,
                                   const char          *industry,
                                   const char          *status,
                                   const char          *grade)
{
  g_return_if_fail (HC_IS_SUBJECT_EDIT_DIALOG (self));

  gtk_editable_set_text (self->name_entry, name ? name : "");
  gtk_editable_set_text (self->industry_entry, industry ? industry : "");
  gtk_drop_down_set_selected (self->status_dropdown, key_index (status_keys, status));
  /* NULL or "": the computed grade (an override lifted) */
  gtk_drop_down_set_selected (self->grade_dropdown, key_index (grade_keys, grade));
}

/* What “Reason for the grade” holds (for tests). */
void
hc_subject_edit_dialog_set_grade_reason (HcSubjectEditDialog *self,
                                         const char          *reason)
{
  g_return_if_fail (HC_IS_SUBJECT_EDIT_DIALOG (self));
  gtk_editable_set_text (self->grade_reason_entry, reason ? reason : "");
}

/* Whether the grade in force has been read (the grade can be changed then). */
gboolean
hc_subject_edit_dialog_get_grade_loaded (HcSubjectEditDialog *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_EDIT_DIALOG (self), FALSE);
  return self->grade != NULL;
}

/* The line that says the grade in force and where it comes from. */
const char *
hc_subject_edit_dialog_get_grade_state (HcSubjectEditDialog *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_EDIT_DIALOG (self), NULL);
  return gtk_label_get_text (self->grade_state_label);
}

/* The error or conflict message shown, %NULL when none. */
const char *
hc_subject_edit_dialog_get_message (HcSubjectEditDialog *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_EDIT_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

gboolean
hc_subject_edit_dialog_get_busy (HcSubjectEditDialog *self)
{
  g_return_val_if_fail (HC_IS_SUBJECT_EDIT_DIALOG (self), FALSE);
  return self->busy;
}
