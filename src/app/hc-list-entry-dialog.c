/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListEntryDialog: proposes a list entry (拟列入). The identifier is
 * checked as it is typed (the core's validators name the failing rule) and
 * the subject's name comes from the server; the measures offered are the
 * list type's; what the server refuses is shown beside the field it names. */
#define G_LOG_DOMAIN "hc-list-entry-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-list-entry-dialog.h"

/* 《海南自由贸易港社会信用条例》 is the regulation's right name; some older
 * texts call it by the province's. */
#define RIGHT_NAME "《海南自由贸易港社会信用条例》"
#define OLD_NAME   "海南省社会信用条例"

struct _HcListEntryDialog
{
  GtkWindow     parent_instance;

  /* template children */
  GtkDropDown  *type_dropdown;
  GtkEditable  *identifier_entry;
  GtkLabel     *identifier_message;
  GtkLabel     *subject_label;
  GtkDropDown  *department_dropdown;
  GtkLabel     *department_message;
  GtkEditable  *basis_entry;
  GtkEditable  *document_entry;
  GtkLabel     *basis_message;
  GtkTextView  *facts_view;
  GtkBox       *measures_box;
  GtkLabel     *measures_message;
  GtkEditable  *until_entry;
  GtkLabel     *until_message;
  GtkLabel     *message_label;

  /* state */
  char         *identifier;    /* normalised, once valid */
  char         *subject_name;  /* once the server named it */
  GPtrArray    *measure_buttons;
  guint         busy;
  gboolean      proposing;

  /* owned objects */
  HcClient     *client;
  GCancellable *cancellable;
  GCancellable *lookup_cancellable;
};

G_DEFINE_FINAL_TYPE (HcListEntryDialog, hc_list_entry_dialog, GTK_TYPE_WINDOW)

enum { PROPOSED, N_SIGNALS };

static guint signals [N_SIGNALS];

static void
show (GtkLabel   *label,
      const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
update_until_hint (HcListEntryDialog *self)
{
  HcListType *type = gtk_drop_down_get_selected_item (self->type_dropdown);
  int years = type ? hc_list_type_get_default_years (type) : 0;
  g_autofree char *hint = NULL;

  if (years > 0)
    hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Leave empty for the list’s default: %d year from publication.",
                                         "Leave empty for the list’s default: %d years from publication.", years),
                            years);
  else
    hint = g_strdup (_("Leave empty for the list’s default period."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->until_message), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->until_message), "dim-label");
  show (self->until_message, hint);
}

static void
update_actions (HcListEntryDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.propose",
                                 !self->proposing && self->identifier != NULL);
}

/* The list type's measures, as check buttons (none checked). */
static void
type_changed (HcListEntryDialog *self)
{
  HcListType *type = gtk_drop_down_get_selected_item (self->type_dropdown);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->measures_box))) != NULL)
    gtk_box_remove (self->measures_box, child);
  g_ptr_array_set_size (self->measure_buttons, 0);
  show (self->measures_message, NULL);
  update_until_hint (self);
  if (type == NULL)
    return;

  for (guint i = 0; hc_list_type_get_measures (type)[i] != NULL; i++)
    {
      GtkWidget *button = gtk_check_button_new_with_label (hc_list_type_get_measures (type)[i]);
      GtkWidget *label = gtk_widget_get_last_child (button);

      if (GTK_IS_LABEL (label))
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
        }
      g_object_set_data_full (G_OBJECT (button), "hc-code",
                              g_strdup (hc_list_type_get_measure_codes (type)[i]), g_free);
      gtk_box_append (self->measures_box, button);
      g_ptr_array_add (self->measure_buttons, button);
    }
  if (self->measure_buttons->len == 0)
    show (self->measures_message, _("This list has no measures in the measure list (措施清单)."));
}

/* The subject */

static void
subject_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcListEntryDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcSubject) subject = hc_client_get_subject_finish (HC_CLIENT (source), result, NULL, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy--;
  g_clear_object (&self->lookup_cancellable);
  if (subject == NULL)
    {
      gtk_label_set_text (self->subject_label, "—");
      if (g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_NOT_FOUND))
        show (self->identifier_message,
              _("No market subject with this identifier is registered. Register it in Market Subjects first."));
      else
        show (self->identifier_message, error->message);
      return;
    }
  g_free (self->subject_name);
  self->subject_name = g_strdup (hc_subject_get_name (subject));
  gtk_label_set_text (self->subject_label, self->subject_name);
}

/* Checks the identifier as typed: a USCC (GB 32100) or a resident ID number
 * (GB 11643); the message says which rule fails. */
static void
identifier_changed (HcListEntryDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (self->identifier_entry)));
  g_autoptr(GError) uscc_error = NULL;
  g_autoptr(GError) id_error = NULL;
  g_autofree char *normalized = NULL;
  gboolean digits = TRUE;

  /* A look-up on its way (its callback will not count itself out). */
  if (self->lookup_cancellable != NULL)
    {
      g_cancellable_cancel (self->lookup_cancellable);
      g_clear_object (&self->lookup_cancellable);
      self->busy--;
    }
  g_clear_pointer (&self->identifier, g_free);
  g_clear_pointer (&self->subject_name, g_free);
  gtk_label_set_text (self->subject_label, "—");
  update_actions (self);

  if (*text == '\0')
    {
      show (self->identifier_message, NULL);
      return;
    }
  if (!hc_uscc_validate (text, &normalized, &uscc_error) &&
      !hc_id_number_validate (text, &normalized, &id_error))
    {
      /* Digits (and a final X) read as an ID number, anything else as a USCC. */
      for (const char *p = text; *p; p++)
        if (!g_ascii_isdigit (*p) && !(p[1] == '\0' && (*p == 'X' || *p == 'x')))
          digits = FALSE;
      show (self->identifier_message, digits ? id_error->message : uscc_error->message);
      return;
    }
  show (self->identifier_message, NULL);
  self->identifier = g_steal_pointer (&normalized);
  update_actions (self);

  self->lookup_cancellable = g_cancellable_new ();
  self->busy++;
  gtk_label_set_text (self->subject_label, _("Looking up…"));
  hc_client_get_subject_async (self->client, self->identifier, self->lookup_cancellable,
                               subject_cb, g_object_ref (self));
}

static void
basis_changed (HcListEntryDialog *self)
{
  if (strstr (gtk_editable_get_text (self->basis_entry), OLD_NAME) != NULL)
    show (self->basis_message, _("The regulation is called 《海南自由贸易港社会信用条例》; cite it by that name."));
  else
    show (self->basis_message, NULL);
}

/* Departments */

static void
departments_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HcListEntryDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) departments = hc_client_list_departments_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy--;
  if (departments == NULL)
    {
      show (self->department_message, error->message);
      return;
    }
  gtk_drop_down_set_model (self->department_dropdown, departments);
  if (g_list_model_get_n_items (departments) == 0)
    show (self->department_message, _("No departments are registered yet; an administrator adds them."));
}

/* Proposing */

static GtkLabel *
field_label (HcListEntryDialog *self,
             const char        *field)
{
  if (g_strcmp0 (field, "subject") == 0)
    return self->identifier_message;
  if (g_strcmp0 (field, "department") == 0)
    return self->department_message;
  if (g_strcmp0 (field, "basis") == 0)
    return self->basis_message;
  if (g_strcmp0 (field, "measures") == 0)
    return self->measures_message;
  if (g_strcmp0 (field, "published_until") == 0)
    return self->until_message;
  return self->message_label;
}

static void
propose_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcListEntryDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcListEntry) entry = hc_client_propose_list_entry_finish (HC_CLIENT (source), result, &error);
  GtkLabel *label;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy--;
  self->proposing = FALSE;
  update_actions (self);
  if (entry == NULL)
    {
      label = field_label (self, hc_client_error_get_field (error));
      if (label == self->until_message)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
          gtk_widget_add_css_class (GTK_WIDGET (label), "error");
        }
      show (label, error->message);
      return;
    }
  g_signal_emit (self, signals [PROPOSED], 0, entry);
  gtk_window_close (GTK_WINDOW (self));
}

void
hc_list_entry_dialog_propose (HcListEntryDialog *self)
{
  HcListType *type;
  HcDepartment *department;
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_auto(GStrv) measures = NULL;
  g_autofree char *document = NULL;
  g_autofree char *number = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *until = NULL;
  GtkTextIter start, end;
  HcListEntryProposal proposal = { 0, };

  g_return_if_fail (HC_IS_LIST_ENTRY_DIALOG (self));

  type = gtk_drop_down_get_selected_item (self->type_dropdown);
  department = gtk_drop_down_get_selected_item (self->department_dropdown);
  if (self->proposing || self->identifier == NULL || type == NULL)
    return;

  for (GtkLabel **l = (GtkLabel *[]) { self->department_message, self->measures_message, self->message_label, NULL }; *l; l++)
    show (*l, NULL);
  basis_changed (self);
  update_until_hint (self);

  for (guint i = 0; i < self->measure_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->measure_buttons, i);

      if (gtk_check_button_get_active (button))
        g_strv_builder_add (codes, g_object_get_data (G_OBJECT (button), "hc-code"));
    }
  measures = g_strv_builder_end (codes);

  document = g_strstrip (g_strdup (gtk_editable_get_text (self->basis_entry)));
  number = g_strstrip (g_strdup (gtk_editable_get_text (self->document_entry)));
  /* TRANSLATORS: the legal basis and the decision's document number */
  basis = *number != '\0' && *document != '\0' ? g_strdup_printf (_("%s (%s)"), document, number)
        : g_strdup (*document != '\0' ? document : number);
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->facts_view), &start, &end);
  facts = g_strstrip (gtk_text_iter_get_text (&start, &end));
  until = g_strstrip (g_strdup (gtk_editable_get_text (self->until_entry)));

  proposal.list_type = hc_list_type_get_key (type);
  proposal.subject = self->identifier;
  proposal.department = department ? hc_department_get_id (department) : 0;
  proposal.basis = basis;
  proposal.facts = facts;
  proposal.measures = (const char * const *) measures;
  proposal.published_until = *until ? until : NULL;

  self->proposing = TRUE;
  self->busy++;
  update_actions (self);
  hc_client_propose_list_entry_async (self->client, &proposal, self->cancellable,
                                      propose_cb, g_object_ref (self));
}

static void
propose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  hc_list_entry_dialog_propose (HC_LIST_ENTRY_DIALOG (widget));
}

static void
hc_list_entry_dialog_dispose (GObject *object)
{
  HcListEntryDialog *self = HC_LIST_ENTRY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->lookup_cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->measure_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->identifier, g_free);
  g_clear_pointer (&self->subject_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_LIST_ENTRY_DIALOG);

  G_OBJECT_CLASS (hc_list_entry_dialog_parent_class)->dispose (object);
}

static void
hc_list_entry_dialog_class_init (HcListEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_list_entry_dialog_dispose;

  /* Emitted with the proposed entry, as the server stored it. */
  signals [PROPOSED] = g_signal_new ("proposed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, HC_TYPE_LIST_ENTRY);

  gtk_widget_class_install_action (widget_class, "dialog.propose", NULL, propose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (HC_TYPE_LIST_TYPE);
  g_type_ensure (HC_TYPE_DEPARTMENT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-list-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, identifier_entry);
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, identifier_message);
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, subject_label);
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, department_message);
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, basis_entry);
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, document_entry);
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, basis_message);
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, facts_view);
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, measures_box);
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, measures_message);
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, until_entry);
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, until_message);
  gtk_widget_class_bind_template_child (widget_class, HcListEntryDialog, message_label);
}

static void
hc_list_entry_dialog_init (HcListEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->measure_buttons = g_ptr_array_new ();
  gtk_editable_set_text (self->basis_entry, RIGHT_NAME);

  g_signal_connect_object (self->type_dropdown, "notify::selected", G_CALLBACK (type_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->identifier_entry, "changed", G_CALLBACK (identifier_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->basis_entry, "changed", G_CALLBACK (basis_changed), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* @types: the list types (HcListType); @type_key: (nullable): the one chosen first */
HcListEntryDialog *
hc_list_entry_dialog_new (HcClient   *client,
                          GListModel *types,
                          const char *type_key)
{
  HcListEntryDialog *self;

  g_return_val_if_fail (HC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (types), NULL);

  self = g_object_new (HC_TYPE_LIST_ENTRY_DIALOG, NULL);
  self->client = g_object_ref (client);
  gtk_drop_down_set_model (self->type_dropdown, types);
  for (guint i = 0; type_key != NULL && i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(HcListType) type = g_list_model_get_item (types, i);

      if (g_strcmp0 (hc_list_type_get_key (type), type_key) == 0)
        gtk_drop_down_set_selected (self->type_dropdown, i);
    }
  type_changed (self);
  self->busy++;
  hc_client_list_departments_async (client, self->cancellable, departments_cb, g_object_ref (self));
  return self;
}

void
hc_list_entry_dialog_set_identifier (HcListEntryDialog *self,
                                     const char        *identifier)
{
  g_return_if_fail (HC_IS_LIST_ENTRY_DIALOG (self));
  gtk_editable_set_text (self->identifier_entry, identifier ? identifier : "");
}

/* Returns: (nullable): the subject's name, once the server gave it */
const char *
hc_list_entry_dialog_get_subject_name (HcListEntryDialog *self)
{
  g_return_val_if_fail (HC_IS_LIST_ENTRY_DIALOG (self), NULL);
  return self->subject_name;
}

gboolean
hc_list_entry_dialog_select_department (HcListEntryDialog *self,
                                        gint64             id)
{
  GListModel *model;

  g_return_val_if_fail (HC_IS_LIST_ENTRY_DIALOG (self), FALSE);

  model = gtk_drop_down_get_model (self->department_dropdown);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HcDepartment) department = g_list_model_get_item (model, i);

      if (hc_department_get_id (department) == id)
        {
          gtk_drop_down_set_selected (self->department_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

void
hc_list_entry_dialog_set_basis (HcListEntryDialog *self,
                                const char        *document,
                                const char        *number)
{
  g_return_if_fail (HC_IS_LIST_ENTRY_DIALOG (self));
  gtk_editable_set_text (self->basis_entry, document ? document : "");
  gtk_editable_set_text (self->document_entry, number ? number : "");
}

void
hc_list_entry_dialog_set_facts (HcListEntryDialog *self,
                                const char        *facts)
{
  g_return_if_fail (HC_IS_LIST_ENTRY_DIALOG (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->facts_view), facts ? facts : "", -1);
}

/* Checks or unchecks the measure @code of the chosen list type. */
gboolean
hc_list_entry_dialog_set_measure (HcListEntryDialog *self,
                                  const char        *code,
                                  gboolean           active)
{
  g_return_val_if_fail (HC_IS_LIST_ENTRY_DIALOG (self), FALSE);

  for (guint i = 0; i < self->measure_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->measure_buttons, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "hc-code"), code) == 0)
        {
          gtk_check_button_set_active (button, active);
          return TRUE;
        }
    }
  return FALSE;
}

void
hc_list_entry_dialog_set_until (HcListEntryDialog *self,
                                const char        *date)
{
  g_return_if_fail (HC_IS_LIST_ENTRY_DIALOG (self));
  gtk_editable_set_text (self->until_entry, date ? date : "");
}

/**
 * hc_list_entry_dialog_get_message:
 * @field: (nullable): "subject", "department", "basis", "measures",
 *   "published_until", or %NULL for the form's own message
 *
 * Returns: (nullable): what the form says beside @field, %NULL when nothing
 */
const char *
hc_list_entry_dialog_get_message (HcListEntryDialog *self,
                                  const char        *field)
{
  GtkLabel *label;

  g_return_val_if_fail (HC_IS_LIST_ENTRY_DIALOG (self), NULL);

  label = field_label (self, field);
  if (!gtk_widget_get_visible (GTK_WIDGET (label)) ||
      (label == self->until_message && !gtk_widget_has_css_class (GTK_WIDGET (label), "error")))
    return NULL;
  return gtk_label_get_text (label);
}

gboolean
hc_list_entry_dialog_get_busy (HcListEntryDialog *self)
{
  g_return_val_if_fail (HC_IS_LIST_ENTRY_DIALOG (self), FALSE);
  return self->busy > 0;
}
