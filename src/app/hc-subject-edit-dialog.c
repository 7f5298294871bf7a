/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSubjectEditDialog: sends the changed fields with the ETag the subject
 * was read with; when someone else changed it first (412) it loads the
 * current version and says so. */
#define G_LOG_DOMAIN "hc-subject-edit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-subject-edit-dialog.h"

struct _HcSubjectEditDialog
{
  GtkWindow     parent_instance;

  GtkLabel     *identifier_label;
  GtkEditable  *name_entry;
  GtkEditable  *industry_entry;
  GtkDropDown  *status_dropdown;
  GtkDropDown  *grade_dropdown;
  GtkLabel     *message_label;

  HcClient     *client;
  HcSubject    *subject;
  char         *etag;
  gboolean      busy;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (HcSubjectEditDialog, hc_subject_edit_dialog, GTK_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };

static guint signals [N_SIGNALS];

static const char * const status_keys[] = { "active", "deregistered", "revoked", NULL };
/* The first grade is “not graded”; the server has no way back to it. */
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
load_subject (HcSubjectEditDialog *self,
              HcSubject           *subject,
              const char          *etag)
{
  g_set_object (&self->subject, subject);
  g_free (self->etag);
  self->etag = g_strdup (etag);
  gtk_label_set_text (self->identifier_label, hc_subject_get_identifier (subject));
  hc_subject_edit_dialog_set_values (self, hc_subject_get_name (subject), hc_subject_get_industry (subject),
                                     hc_subject_get_status (subject), hc_subject_get_grade (subject));
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
  const char *grade;

  g_return_if_fail (HC_IS_SUBJECT_EDIT_DIALOG (self));

  if (self->busy)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (self->name_entry)));
  industry = g_strstrip (g_strdup (gtk_editable_get_text (self->industry_entry)));
  edit.name = changed (name, hc_subject_get_name (self->subject));
  edit.industry = changed (industry, hc_subject_get_industry (self->subject));
  edit.status = changed (status_keys[gtk_drop_down_get_selected (self->status_dropdown)],
                         hc_subject_get_status (self->subject));
  grade = grade_keys[gtk_drop_down_get_selected (self->grade_dropdown)];
  if (*grade != '\0' && gtk_widget_get_sensitive (GTK_WIDGET (self->grade_dropdown)))
    edit.grade = changed (grade, hc_subject_get_grade (self->subject));

  if (edit.name == NULL && edit.industry == NULL && edit.status == NULL && edit.grade == NULL)
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
  gtk_widget_class_bind_template_child (widget_class, HcSubjectEditDialog, message_label);
}

static void
hc_subject_edit_dialog_init (HcSubjectEditDialog *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  for (guint i = 0; status_keys[i] != NULL; i++)
    gtk_string_list_append (statuses, hc_subject_status_label (status_keys[i]));
  gtk_string_list_append (grades, C_("credit grade", "Not graded"));
  for (guint i = 1; grade_keys[i] != NULL; i++)
    gtk_string_list_append (grades, grade_keys[i]);
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->grade_dropdown, G_LIST_MODEL (grades));
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
  gtk_widget_set_sensitive (GTK_WIDGET (self->grade_dropdown), can_grade);
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
  gtk_drop_down_set_selected (self->grade_dropdown, key_index (grade_keys, grade));
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
