/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCreditFileView: the credit file of the subject selected in the
 * subjects pane (专栏1 建立市场主体信用档案). The file's counts name the
 * tabs; each tab is an HcRecordTable of one kind. The credit report is
 * issued by the server and saved where the user says (GtkFileChooserNative),
 * then offered to open; a supervisor may reveal a masked ID number, which
 * the server audits; the holding department records a commitment's
 * fulfilment and proposes the watch-list entry a broken one calls for
 * (for others the action is off, and its tooltip says who may). Opening a
 * file is one request: the file brings every tab's first page. */
#define G_LOG_DOMAIN "hc-credit-file-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-credit-file-view.h"
#include "hc-export-button.h"
#include "hc-enums.h"
#include "hc-fulfilment-dialog.h"
#include "hc-grade-view.h"
#include "hc-save-pdf.h"
#include "hc-window.h"

#define N_KINDS 7

struct _HcCreditFileView
{
  GtkWidget      parent_instance;

  GtkLabel      *name_label;
  GtkLabel      *identifier_label;
  GtkWidget     *reveal_button;
  GtkWidget     *fulfil_button;
  GtkLabel      *type_label;
  GtkLabel      *region_label;
  GtkLabel      *industry_label;
  GtkLabel      *grade_label;
  GtkLabel      *status_label;
  GtkLabel      *registered_label;
  GtkLabel      *message_label;
  GtkNotebook   *notebook;
  HcRecordTable *tables[N_KINDS];
  GtkLabel      *tabs[N_KINDS];
  HcGradeView   *grade_view;
  gboolean       grade_asked;  /* the grade of this subject was asked for */

  HcClient      *client;
  GCancellable  *cancellable;
  HcSubject     *subject;
  char          *lookup;       /* the identifier the server finds it by */
  HcCreditFile  *file;
  GFile         *saved_report;
  GtkNativeDialog *chooser;
  GtkWindow     *dialog;       /* weak */
  guint          busy;
};

G_DEFINE_FINAL_TYPE (HcCreditFileView, hc_credit_file_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CLIENT, PROP_BUSY, N_PROPS };

static GParamSpec *properties [N_PROPS];

static gint
kind_index (const char *kind)
{
  for (guint i = 0; i < N_KINDS; i++)
    if (g_strcmp0 (kind, hc_credit_file_kinds[i]) == 0)
      return (gint) i;
  return -1;
}

static void
busy_changed (HcCreditFileView *self,
              int               delta)
{
  self->busy += delta;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
show_message (HcCreditFileView *self,
              const char       *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static HcRecordTable *
current_table (HcCreditFileView *self)
{
  int page = gtk_notebook_get_current_page (self->notebook);

  return page >= 0 && page < N_KINDS ? self->tables[page] : NULL;
}

static HcRecord *
selected_commitment (HcCreditFileView *self)
{
  HcRecordTable *table = current_table (self);
  HcRecord *record = table ? hc_record_table_get_selected (table) : NULL;

  return record != NULL && g_str_equal (hc_record_get_kind (record), "commitment") ? record : NULL;
}

static gboolean
is_supervisor (HcCreditFileView *self)
{
  HcRole role;

  return self->client != NULL && hc_role_from_key (hc_client_get_role (self->client), &role) &&
         hc_role_at_least (role, HC_ROLE_SUPERVISOR);
}

static void
update_actions (HcCreditFileView *self)
{
  HcRecord *commitment = selected_commitment (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "file.report", self->subject != NULL && self->chooser == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "file.fulfil",
                                 commitment != NULL && hc_record_get_can_record_fulfilment (commitment));
  if (commitment != NULL && !hc_record_get_can_record_fulfilment (commitment))
    {
      g_autofree char *why =
        /* Translators: the tooltip of a disabled Record Fulfilment; %s is the holding department */
        g_strdup_printf (_("Only the department that holds this commitment (%s) records its fulfilment."),
                         hc_record_get_holder (commitment));

      gtk_widget_set_tooltip_text (self->fulfil_button, why);
    }
  else
    gtk_widget_set_tooltip_text (self->fulfil_button, _("Record whether the selected commitment was kept"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "file.propose-watch",
                                 commitment != NULL &&
                                 g_str_equal (hc_record_get_fulfilment (commitment), "breached") &&
                                 hc_record_get_watch_entry_id (commitment) == 0);
  gtk_widget_set_visible (self->reveal_button,
                          self->subject != NULL && hc_subject_get_identifier_masked (self->subject) &&
                          is_supervisor (self));
}

/* The grade is read when its tab is shown: opening a file stays one
 * request (and one audited read of a person's file). */
static void
load_grade_if_shown (HcCreditFileView *self)
{
  if (self->grade_asked || self->lookup == NULL ||
      gtk_notebook_get_current_page (self->notebook) !=
        gtk_notebook_page_num (self->notebook, GTK_WIDGET (self->grade_view)))
    return;
  self->grade_asked = TRUE;
  hc_grade_view_load (self->grade_view, self->lookup);
}

static gboolean
update_actions_idle (gpointer data)
{
  update_actions (data);
  load_grade_if_shown (data);
  return G_SOURCE_REMOVE;
}

/* switch-page runs before the notebook's current page changes. */
static void
update_actions_after_switch (HcCreditFileView *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, update_actions_idle, g_object_ref (self), g_object_unref);
}

static void
set_tab_titles (HcCreditFileView *self)
{
  for (guint i = 0; i < N_KINDS; i++)
    {
      const char *title = hc_record_table_kind_title (hc_credit_file_kinds[i]);
      g_autofree char *text = NULL;

      if (self->file != NULL)
        /* Translators: a tab of the credit file and how many records it holds, "行政处罚 (3)" */
        text = g_strdup_printf (_("%s (%lld)"), title,
                                (long long) hc_credit_file_get_count (self->file, hc_credit_file_kinds[i]));
      gtk_label_set_text (self->tabs[i], text ? text : title);
    }
}

/* Each tab shows its first page from the file; the tabs fetch the pages
 * after it themselves. */
static void
file_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcCreditFileView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcCreditFile) file = hc_client_get_credit_file_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  busy_changed (self, -1);
  if (file == NULL)
    {
      for (guint i = 0; i < N_KINDS; i++)
        hc_record_table_clear (self->tables[i]);
      show_message (self, error->message);
      return;
    }
  g_set_object (&self->file, file);
  for (guint i = 0; i < N_KINDS; i++)
    hc_record_table_show_subject_page (self->tables[i], self->lookup, hc_credit_file_kinds[i],
                                       hc_credit_file_get_page (file, hc_credit_file_kinds[i]));
  set_tab_titles (self);
  update_actions (self);
}

/* The whole file in one request: the counts and every tab's first page. */
static void
load_file (HcCreditFileView *self)
{
  if (self->client == NULL || self->lookup == NULL)
    return;
  busy_changed (self, +1);
  for (guint i = 0; i < N_KINDS; i++)
    hc_record_table_show_loading (self->tables[i]);
  hc_client_get_credit_file_async (self->client, self->lookup, self->cancellable, file_cb, g_object_ref (self));
}

/* An override changes the grade in force: the identity shows it. */
static void
grade_view_busy_changed (HcCreditFileView *self)
{
  HcSubjectGrade *grade = hc_grade_view_get_grade (self->grade_view);

  if (grade != NULL && !hc_grade_view_get_busy (self->grade_view))
    {
      const char *in_force = hc_subject_grade_get_grade (grade);

      gtk_label_set_text (self->grade_label, *in_force ? in_force : C_("credit grade", "Not graded"));
    }
}

/**
 * hc_credit_file_view_get_grade_view:
 *
 * Returns: (transfer none): the 信用评价 tab
 */
HcGradeView *
hc_credit_file_view_get_grade_view (HcCreditFileView *self)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE_VIEW (self), NULL);
  return self->grade_view;
}

/* Returns: the grade the identity shows */
const char *
hc_credit_file_view_get_grade_text (HcCreditFileView *self)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE_VIEW (self), NULL);
  return gtk_label_get_text (self->grade_label);
}

/* Shows the 信用评价 tab. */
void
hc_credit_file_view_show_grade (HcCreditFileView *self)
{
  g_return_if_fail (HC_IS_CREDIT_FILE_VIEW (self));
  gtk_notebook_set_current_page (self->notebook,
                                 gtk_notebook_page_num (self->notebook, GTK_WIDGET (self->grade_view)));
  load_grade_if_shown (self);
}

static void
fill_identity (HcCreditFileView *self)
{
  const char *grade = hc_subject_get_grade (self->subject);

  gtk_label_set_text (self->name_label, hc_subject_get_name (self->subject));
  gtk_label_set_text (self->identifier_label, hc_subject_get_identifier (self->subject));
  gtk_label_set_text (self->type_label, hc_subject_get_type_label (self->subject));
  gtk_label_set_text (self->region_label, hc_subject_get_region_name (self->subject));
  gtk_label_set_text (self->industry_label, hc_subject_get_industry (self->subject));
  gtk_label_set_text (self->grade_label, *grade ? grade : C_("credit grade", "Not graded"));
  gtk_label_set_text (self->status_label, hc_subject_get_status_label (self->subject));
  gtk_label_set_text (self->registered_label, hc_subject_get_registered_on (self->subject));
}

/**
 * hc_credit_file_view_show:
 * @subject: the subject as the list shows it
 *
 * Shows @subject's file, found by its identifier or, when the reader sees
 * it masked, by its reference (hc_subject_dup_lookup()).
 */
void
hc_credit_file_view_show (HcCreditFileView *self,
                          HcSubject        *subject)
{
  g_return_if_fail (HC_IS_CREDIT_FILE_VIEW (self));
  g_return_if_fail (HC_IS_SUBJECT (subject));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = 0;
  g_set_object (&self->subject, subject);
  g_free (self->lookup);
  self->lookup = hc_subject_dup_lookup (subject);
  g_clear_object (&self->file);
  show_message (self, NULL);
  fill_identity (self);
  set_tab_titles (self);
  update_actions (self);
  load_file (self);
  hc_grade_view_clear (self->grade_view);
  self->grade_asked = FALSE;
  load_grade_if_shown (self);
}

void
hc_credit_file_view_clear (HcCreditFileView *self)
{
  g_return_if_fail (HC_IS_CREDIT_FILE_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->subject);
  g_clear_object (&self->file);
  g_clear_pointer (&self->lookup, g_free);
  for (guint i = 0; i < N_KINDS; i++)
    hc_record_table_clear (self->tables[i]);
  hc_grade_view_clear (self->grade_view);
  update_actions (self);
}

/* The credit report */

static void
open_report (AdwToast         *toast,
             HcCreditFileView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *uri = self->saved_report ? g_file_get_uri (self->saved_report) : NULL;

  if (uri != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
report_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcCreditFileView) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  AdwToast *toast;

  if (!hc_client_save_report_finish (HC_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      busy_changed (self, -1);
      g_clear_object (&self->saved_report);
      show_message (self, error->message);
      return;
    }
  busy_changed (self, -1);
  g_set_object (&self->saved_report, g_object_get_data (G_OBJECT (self), "hc-report-target"));
  show_message (self, NULL);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!HC_IS_WINDOW (root))
    return;
  toast = adw_toast_new (_("The credit report is saved."));
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_report), self, 0);
  hc_window_show_toast (HC_WINDOW (root), toast);
}

/* Issues the subject's credit report and saves it to @dest; the toast then
 * offers to open it. */
void
hc_credit_file_view_save_report (HcCreditFileView *self,
                                 GFile            *dest)
{
  g_return_if_fail (HC_IS_CREDIT_FILE_VIEW (self));
  g_return_if_fail (G_IS_FILE (dest));

  if (self->subject == NULL || self->client == NULL)
    return;
  g_object_set_data_full (G_OBJECT (self), "hc-report-target", g_object_ref (dest), g_object_unref);
  busy_changed (self, +1);
  hc_client_save_report_async (self->client, self->lookup, dest, self->cancellable, report_cb, g_object_ref (self));
}

static void
chosen_cb (GtkWidget *owner,
           GFile     *file)
{
  HcCreditFileView *self = HC_CREDIT_FILE_VIEW (owner);

  if (file != NULL)
    hc_credit_file_view_save_report (self, file);
  g_clear_object (&self->chooser);
  update_actions (self);
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcCreditFileView *self = HC_CREDIT_FILE_VIEW (widget);
  g_autofree char *name = NULL;

  if (self->subject == NULL || self->chooser != NULL)
    return;
  /* Translators: the file name offered for a credit report; %s is the subject's name */
  name = g_strdup_printf (_("Credit report %s.pdf"), hc_subject_get_name (self->subject));
  self->chooser = hc_save_pdf_dialog_show (widget, _("Save the Credit Report"), name, chosen_cb);
  update_actions (self);
}

/* A supervisor's reveal */

static void
unmask_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcCreditFileView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcSubject) subject = hc_client_unmask_subject_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  busy_changed (self, -1);
  if (subject == NULL)
    {
      show_message (self, error->message);
      return;
    }
  g_set_object (&self->subject, subject);
  fill_identity (self);
  update_actions (self);
  show_message (self, _("The whole ID number is shown; this is recorded in the audit log."));
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcCreditFileView *self = HC_CREDIT_FILE_VIEW (widget);

  if (self->subject == NULL || self->client == NULL)
    return;
  busy_changed (self, +1);
  hc_client_unmask_subject_async (self->client, self->lookup, self->cancellable, unmask_cb, g_object_ref (self));
}

/* Commitments */

static void
commitment_changed (HcCreditFileView *self,
                    HcRecord         *commitment)
{
  load_file (self);
}

static void
fulfil_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcCreditFileView *self = HC_CREDIT_FILE_VIEW (widget);
  HcRecord *commitment = selected_commitment (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  HcFulfilmentDialog *dialog;

  if (commitment == NULL || self->client == NULL || self->dialog != NULL)
    return;
  dialog = hc_fulfilment_dialog_new (self->client, commitment);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (commitment_changed), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
watch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcCreditFileView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcRecord) commitment = hc_client_propose_watch_entry_finish (HC_CLIENT (source), result, &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  busy_changed (self, -1);
  if (commitment == NULL)
    {
      show_message (self, error->message);
      return;
    }
  /* Translators: the number of the list entry just proposed */
  text = g_strdup_printf (_("Watch-list entry %lld is proposed; it is published after its review."),
                          (long long) hc_record_get_watch_entry_id (commitment));
  show_message (self, text);
  commitment_changed (self, commitment);
}

static void
propose_watch_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  HcCreditFileView *self = HC_CREDIT_FILE_VIEW (widget);
  HcRecord *commitment = selected_commitment (self);

  if (commitment == NULL || self->client == NULL)
    return;
  gtk_widget_action_set_enabled (widget, "file.propose-watch", FALSE);
  busy_changed (self, +1);
  hc_client_propose_watch_entry_async (self->client, hc_record_get_id (commitment), hc_record_get_version (commitment),
                                       self->cancellable, watch_cb, g_object_ref (self));
}

/* The object */

static void
hc_credit_file_view_dispose (GObject *object)
{
  HcCreditFileView *self = HC_CREDIT_FILE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_clear_weak_pointer (&self->dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_CREDIT_FILE_VIEW);
  g_clear_object (&self->client);
  g_clear_object (&self->subject);
  g_clear_object (&self->file);
  g_clear_object (&self->saved_report);
  g_clear_pointer (&self->lookup, g_free);

  G_OBJECT_CLASS (hc_credit_file_view_parent_class)->dispose (object);
}

static void
hc_credit_file_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HcCreditFileView *self = HC_CREDIT_FILE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT: g_value_set_object (value, self->client); break;
    case PROP_BUSY: g_value_set_boolean (value, hc_credit_file_view_get_busy (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_credit_file_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HcCreditFileView *self = HC_CREDIT_FILE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT: hc_credit_file_view_set_client (self, g_value_get_object (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_credit_file_view_class_init (HcCreditFileViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_credit_file_view_dispose;
  object_class->get_property = hc_credit_file_view_get_property;
  object_class->set_property = hc_credit_file_view_set_property;

  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "file.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "file.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "file.fulfil", NULL, fulfil_action);
  gtk_widget_class_install_action (widget_class, "file.propose-watch", NULL, propose_watch_action);

  g_type_ensure (HC_TYPE_RECORD_TABLE);
  g_type_ensure (HC_TYPE_GRADE_VIEW);
  g_type_ensure (HC_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-credit-file-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HcCreditFileView, name_label);
  gtk_widget_class_bind_template_child (widget_class, HcCreditFileView, identifier_label);
  gtk_widget_class_bind_template_child (widget_class, HcCreditFileView, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, HcCreditFileView, fulfil_button);
  gtk_widget_class_bind_template_child (widget_class, HcCreditFileView, type_label);
  gtk_widget_class_bind_template_child (widget_class, HcCreditFileView, region_label);
  gtk_widget_class_bind_template_child (widget_class, HcCreditFileView, industry_label);
  gtk_widget_class_bind_template_child (widget_class, HcCreditFileView, grade_label);
  gtk_widget_class_bind_template_child (widget_class, HcCreditFileView, status_label);
  gtk_widget_class_bind_template_child (widget_class, HcCreditFileView, registered_label);
  gtk_widget_class_bind_template_child (widget_class, HcCreditFileView, message_label);
  gtk_widget_class_bind_template_child (widget_class, HcCreditFileView, notebook);
  gtk_widget_class_bind_template_child_full (widget_class, "penalty_table", FALSE,
                                             G_STRUCT_OFFSET (HcCreditFileView, tables[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "license_table", FALSE,
                                             G_STRUCT_OFFSET (HcCreditFileView, tables[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "commitment_table", FALSE,
                                             G_STRUCT_OFFSET (HcCreditFileView, tables[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "list_entry_table", FALSE,
                                             G_STRUCT_OFFSET (HcCreditFileView, tables[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "repair_table", FALSE,
                                             G_STRUCT_OFFSET (HcCreditFileView, tables[4]));
  gtk_widget_class_bind_template_child_full (widget_class, "match_hit_table", FALSE,
                                             G_STRUCT_OFFSET (HcCreditFileView, tables[5]));
  gtk_widget_class_bind_template_child_full (widget_class, "inspection_table", FALSE,
                                             G_STRUCT_OFFSET (HcCreditFileView, tables[6]));
  gtk_widget_class_bind_template_child_full (widget_class, "penalty_tab", FALSE,
                                             G_STRUCT_OFFSET (HcCreditFileView, tabs[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "license_tab", FALSE,
                                             G_STRUCT_OFFSET (HcCreditFileView, tabs[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "commitment_tab", FALSE,
                                             G_STRUCT_OFFSET (HcCreditFileView, tabs[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "list_entry_tab", FALSE,
                                             G_STRUCT_OFFSET (HcCreditFileView, tabs[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "repair_tab", FALSE,
                                             G_STRUCT_OFFSET (HcCreditFileView, tabs[4]));
  gtk_widget_class_bind_template_child_full (widget_class, "match_hit_tab", FALSE,
                                             G_STRUCT_OFFSET (HcCreditFileView, tabs[5]));
  gtk_widget_class_bind_template_child_full (widget_class, "inspection_tab", FALSE,
                                             G_STRUCT_OFFSET (HcCreditFileView, tabs[6]));
  gtk_widget_class_bind_template_child (widget_class, HcCreditFileView, grade_view);
  gtk_widget_class_bind_template_callback (widget_class, update_actions);
  gtk_widget_class_bind_template_callback (widget_class, update_actions_after_switch);
  gtk_widget_class_bind_template_callback (widget_class, grade_view_busy_changed);
}

static void
hc_credit_file_view_init (HcCreditFileView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->cancellable = g_cancellable_new ();
  set_tab_titles (self);
  update_actions (self);
}

HcClient *
hc_credit_file_view_get_client (HcCreditFileView *self)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE_VIEW (self), NULL);
  return self->client;
}

void
hc_credit_file_view_set_client (HcCreditFileView *self,
                                HcClient         *client)
{
  g_return_if_fail (HC_IS_CREDIT_FILE_VIEW (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  for (guint i = 0; i < N_KINDS; i++)
    hc_record_table_set_client (self->tables[i], client);
  hc_grade_view_set_client (self->grade_view, client);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT]);
}

HcSubject *
hc_credit_file_view_get_subject (HcCreditFileView *self)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE_VIEW (self), NULL);
  return self->subject;
}

/* Returns: (nullable): the file's counts, once loaded */
HcCreditFile *
hc_credit_file_view_get_file (HcCreditFileView *self)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE_VIEW (self), NULL);
  return self->file;
}

/* Returns: (nullable) (transfer none): the table of the tab shown */
HcRecordTable *
hc_credit_file_view_get_shown_table (HcCreditFileView *self)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE_VIEW (self), NULL);
  return self->subject != NULL ? current_table (self) : NULL;
}

HcRecordTable *
hc_credit_file_view_get_table (HcCreditFileView *self,
                               const char       *kind)
{
  gint i = kind_index (kind);

  g_return_val_if_fail (HC_IS_CREDIT_FILE_VIEW (self), NULL);
  return i >= 0 ? self->tables[i] : NULL;
}

/* Opens the tab of @kind. */
void
hc_credit_file_view_show_kind (HcCreditFileView *self,
                               const char       *kind)
{
  gint i = kind_index (kind);

  g_return_if_fail (HC_IS_CREDIT_FILE_VIEW (self));
  if (i >= 0)
    gtk_notebook_set_current_page (self->notebook, i);
  update_actions (self);
}

const char *
hc_credit_file_view_get_tab_title (HcCreditFileView *self,
                                   const char       *kind)
{
  gint i = kind_index (kind);

  g_return_val_if_fail (HC_IS_CREDIT_FILE_VIEW (self), NULL);
  return i >= 0 ? gtk_label_get_text (self->tabs[i]) : NULL;
}

const char *
hc_credit_file_view_get_identifier_text (HcCreditFileView *self)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE_VIEW (self), NULL);
  return gtk_label_get_text (self->identifier_label);
}

/* Returns: (nullable): the message shown under the identity */
const char *
hc_credit_file_view_get_message (HcCreditFileView *self)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_text (self->message_label) : NULL;
}

/* Returns: whether a request of the view (not its tables') is running */
gboolean
hc_credit_file_view_get_busy (HcCreditFileView *self)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE_VIEW (self), FALSE);
  return self->busy > 0;
}

/* Returns: (nullable) (transfer none): where the last report was saved */
GFile *
hc_credit_file_view_get_saved_report (HcCreditFileView *self)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE_VIEW (self), NULL);
  return self->saved_report;
}

/* Returns: (nullable) (transfer none): the fulfilment dialog while open */
GtkWindow *
hc_credit_file_view_get_dialog (HcCreditFileView *self)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE_VIEW (self), NULL);
  return self->dialog;
}

/* Returns: whether the view offers to reveal the whole ID number */
gboolean
hc_credit_file_view_get_can_reveal (HcCreditFileView *self)
{
  g_return_val_if_fail (HC_IS_CREDIT_FILE_VIEW (self), FALSE);
  return gtk_widget_get_visible (self->reveal_button);
}
