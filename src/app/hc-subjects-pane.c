/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSubjectsPane: the Market Subjects pane: search and filters over the lazy
 * subject list, the selected subject's details and its edit dialog. */
#define G_LOG_DOMAIN "hc-subjects-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-subjects-pane.h"
#include "hc-credit-file-view.h"
#include "hc-publicity-view.h"
#include "hc-enums.h"
#include "hc-export-button.h"
#include "hc-format.h"
#include "hc-subject-edit-dialog.h"
#include "hc-subject-model.h"
#include "hc-window.h"

struct _HcSubjectsPane
{
  HcPane               parent_instance;

  GtkSearchBar        *search_bar;
  GtkWidget           *search_entry;
  GtkDropDown         *region_dropdown;
  GtkDropDown         *type_dropdown;
  GtkDropDown         *grade_dropdown;
  GtkDropDown         *status_dropdown;
  GtkLabel            *total_label;
  GtkScrolledWindow   *scrolled;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkStack            *detail_stack;
  HcCreditFileView    *file_view;
  GtkStack            *view_stack;
  HcPublicityView     *publicity_view;

  HcSubjectModel      *model;
  GPtrArray           *region_codes;   /* index of region_dropdown - 1 → code */
  GtkWindow           *edit_dialog;    /* weak */
};

G_DEFINE_FINAL_TYPE (HcSubjectsPane, hc_subjects_pane, HC_TYPE_PANE)

static const char * const type_keys[] = { NULL, "legal_person", "unincorporated", "natural_person" };
static const char * const grade_keys[] = { NULL, "A", "B", "C", "D" };
static const char * const status_keys[] = { NULL, "active", "deregistered", "revoked" };

static const char *
selected_key (GtkDropDown        *dropdown,
              const char * const *keys,
              guint               n_keys)
{
  guint i = gtk_drop_down_get_selected (dropdown);
  return i < n_keys ? keys[i] : NULL;
}

/* The search and filters shown; its strings are the widgets'. */
static void
get_query (HcSubjectsPane *self,
           HcSubjectQuery *query)
{
  guint region = gtk_drop_down_get_selected (self->region_dropdown);

  *query = (HcSubjectQuery) { 0, };
  query->q = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (region != GTK_INVALID_LIST_POSITION && region > 0 && self->region_codes != NULL &&
      region - 1 < self->region_codes->len)
    query->region = g_ptr_array_index (self->region_codes, region - 1);
  query->type = selected_key (self->type_dropdown, type_keys, G_N_ELEMENTS (type_keys));
  query->grade = selected_key (self->grade_dropdown, grade_keys, G_N_ELEMENTS (grade_keys));
  query->status = selected_key (self->status_dropdown, status_keys, G_N_ELEMENTS (status_keys));
}

static void
apply_query (HcSubjectsPane *self)
{
  HcSubjectQuery query;

  if (self->model == NULL)
    return;
  get_query (self, &query);
  hc_pane_show_loading (HC_PANE (self));
  gtk_label_set_text (self->total_label, "");
  hc_subject_model_set_query (self->model, &query);
}

static void
filters_changed (HcSubjectsPane *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    apply_query (self);
}

/* "共 N 个主体", or "约 N 个主体（正在计数…）" while the list is sized from
 * the server's estimate and the exact count is on its way. */
static void
update_total_label (HcSubjectsPane *self)
{
  gint64 total = hc_subject_model_get_total (self->model);
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  if (total <= 0)
    {
      gtk_label_set_text (self->total_label, "");
      return;
    }
  count = hc_format_count (total);
  if (hc_subject_model_get_total_exact (self->model))
    /* Translators: %s is a count like 105,000 */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s market subject in all",
                                         "%s market subjects in all", (gulong) total), count);
  else
    /* Translators: %s is an estimated count like 105,000; the exact count follows */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "About %s market subject (counting…)",
                                         "About %s market subjects (counting…)", (gulong) total), count);
  gtk_label_set_text (self->total_label, text);
}

static void
model_loading_changed (HcSubjectsPane *self)
{
  HcPaneState *state = hc_pane_get_state (HC_PANE (self));
  const GError *error = hc_subject_model_get_error (self->model);
  gint64 total = hc_subject_model_get_total (self->model);

  if (error != NULL)
    {
      if (total < 0)
        hc_pane_state_show_error (state, error->message);
      return;
    }
  if (total < 0)
    return;
  if (total == 0)
    {
      hc_pane_state_show_empty (state);
      gtk_label_set_text (self->total_label, "");
      return;
    }
  if (g_strcmp0 (hc_pane_state_get_state (state), "content") != 0)
    {
      update_total_label (self);
      hc_pane_state_show_content (state);
    }
}

/* The exact count arrived after the page (or the list was resized). */
static void
model_total_changed (HcSubjectsPane *self)
{
  HcPaneState *state = hc_pane_get_state (HC_PANE (self));

  if (hc_subject_model_get_total (self->model) < 0 ||
      g_strcmp0 (hc_pane_state_get_state (state), "content") != 0)
    return;
  if (hc_subject_model_get_total (self->model) == 0)
    {
      hc_pane_state_show_empty (state);
      gtk_label_set_text (self->total_label, "");
      return;
    }
  update_total_label (self);
}

static HcSubject *
selected_subject (HcSubjectsPane *self)
{
  HcSubject *subject = gtk_single_selection_get_selected_item (self->selection);

  return subject != NULL && !hc_subject_get_placeholder (subject) ? subject : NULL;
}

static void
show_detail (HcSubjectsPane *self,
             HcSubject      *subject)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "subjects.edit", subject != NULL);
  if (subject == NULL)
    {
      hc_credit_file_view_clear (self->file_view);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  hc_credit_file_view_show (self->file_view, subject);
  gtk_stack_set_visible_child_name (self->detail_stack, "subject");
}

static void
selection_changed (HcSubjectsPane *self)
{
  show_detail (self, selected_subject (self));
}

static void
subject_saved (HcSubjectsPane *self,
               HcSubject      *subject)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  HcSubject *selected = selected_subject (self);

  if (selected != NULL && g_strcmp0 (hc_subject_get_identifier (selected), hc_subject_get_identifier (subject)) == 0)
    {
      hc_subject_model_replace (self->model, position, subject);
      gtk_single_selection_set_selected (self->selection, position);
    }
  show_detail (self, subject);
}

static gboolean
can_grade (HcSubjectsPane *self)
{
  HcRole role;

  return hc_role_from_key (hc_client_get_role (hc_pane_get_client (HC_PANE (self))), &role) &&
         role != HC_ROLE_ANALYST;
}

static void
edit_subject_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HcSubjectsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(HcSubject) subject = hc_client_get_subject_finish (HC_CLIENT (source), result, &etag, &error);
  HcSubjectEditDialog *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (subject == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (HC_IS_WINDOW (root))
        hc_window_add_toast (HC_WINDOW (root), error->message);
      return;
    }

  dialog = hc_subject_edit_dialog_new (hc_pane_get_client (HC_PANE (self)), subject, etag, can_grade (self));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (subject_saved), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->edit_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HcSubjectsPane *self = HC_SUBJECTS_PANE (widget);
  HcClient *client = hc_pane_get_client (HC_PANE (self));
  HcSubject *subject = selected_subject (self);
  g_autofree char *lookup = NULL;

  if (subject == NULL || client == NULL)
    return;
  /* The dialog edits the version read now, with its ETag; a person whose
   * number the user sees masked is read by its row. */
  lookup = hc_subject_dup_lookup (subject);
  hc_client_get_subject_async (client, lookup,
                               hc_pane_get_cancellable (HC_PANE (self)),
                               edit_subject_cb, g_object_ref (self));
}

static void
regions_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcSubjectsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) regions = hc_client_list_regions_finish (HC_CLIENT (source), result, &error);
  g_autoptr(GtkStringList) names = NULL;

  if (regions == NULL)
    {
      hc_pane_show_error (HC_PANE (self), error);
      return;
    }
  g_clear_pointer (&self->region_codes, g_ptr_array_unref);
  self->region_codes = g_ptr_array_new_with_free_func (g_free);
  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("All regions"));
  for (guint i = 0; i < regions->len; i++)
    {
      HcRegionInfo *region = g_ptr_array_index (regions, i);

      g_ptr_array_add (self->region_codes, g_strdup (region->code));
      gtk_string_list_append (names, region->name);
    }
  /* The list is already asked for (all regions, the only choice until
   * now): filling in the names changes no filter. */
  g_signal_handlers_block_by_func (self->region_dropdown, filters_changed, self);
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->region_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->region_dropdown, filters_changed, self);
}

/* 双公示 loads when it is shown, and again on refresh. */
static void
view_changed (HcSubjectsPane *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "publicity") == 0)
    hc_publicity_view_load (self->publicity_view);
}

static void
hc_subjects_pane_reload (HcPane *pane)
{
  HcSubjectsPane *self = HC_SUBJECTS_PANE (pane);
  HcClient *client = hc_pane_get_client (pane);

  if (self->model == NULL)
    {
      self->model = hc_subject_model_new (client);
      g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (model_loading_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "notify::total-exact", G_CALLBACK (model_total_changed),
                               self, G_CONNECT_SWAPPED);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
    }
  view_changed (self);
  /* The first page does not wait for the regions: until their names come
   * the region filter offers all regions only, which filters nothing
   * (issue 12: first rows over a million subjects within 0.5 s). */
  apply_query (self);
  if (self->region_codes == NULL)
    hc_client_list_regions_async (client, hc_pane_get_cancellable (pane), regions_cb, g_object_ref (self));
}

static char *
today_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y%m%d");
}

/* Three listings export from here, each from its own Export menu: the
 * subjects search ("subjects", 市场主体-20251205), the credit file's tab
 * shown ("records", 信用档案-NAME-行政处罚) and 双公示 ("publicity",
 * 双公示-行政处罚-20251205), each with the filters shown. */
static char *
hc_subjects_pane_export_path (HcPane  *pane,
                              char   **file_name)
{
  HcSubjectsPane *self = HC_SUBJECTS_PANE (pane);
  const char *listing = hc_pane_get_export_listing (pane);
  g_autofree char *date = today_text ();

  if (g_strcmp0 (listing, "records") == 0)
    {
      HcRecordTable *table = hc_credit_file_view_get_shown_table (self->file_view);
      HcSubject *subject = hc_credit_file_view_get_subject (self->file_view);
      char *path = table ? hc_record_table_get_export_path (table) : NULL;

      if (path == NULL || subject == NULL)
        return path;
      /* Translators: the file name of an export of a credit file's tab, "信用档案-某公司-行政处罚" */
      *file_name = g_strdup_printf (_("Credit file-%s-%s"), hc_subject_get_name (subject),
                                    hc_record_table_kind_title (hc_record_table_get_kind (table)));
      g_strdelimit (*file_name, "/\\", '_');
      return path;
    }
  if (g_strcmp0 (listing, "publicity") == 0)
    {
      HcRecordTable *table = hc_publicity_view_get_table (self->publicity_view);
      char *path = hc_record_table_get_export_path (table);

      if (path != NULL)
        /* Translators: the file name of an export of 双公示, "双公示-行政处罚-20251205" */
        *file_name = g_strdup_printf (_("Dual Publicity-%s-%s"),
                                      hc_record_table_kind_title (hc_record_table_get_kind (table)), date);
      return path;
    }
  {
    HcSubjectQuery query;

    get_query (self, &query);
    /* Translators: the file name of an export of the subjects search, "市场主体-20251205" */
    *file_name = g_strdup_printf (_("Market subjects-%s"), date);
    return hc_client_subjects_path (&query);
  }
}

static void
hc_subjects_pane_dispose (GObject *object)
{
  HcSubjectsPane *self = HC_SUBJECTS_PANE (object);

  if (self->edit_dialog != NULL)
    gtk_window_destroy (self->edit_dialog);
  g_clear_weak_pointer (&self->edit_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_SUBJECTS_PANE);
  g_clear_object (&self->model);
  g_clear_pointer (&self->region_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (hc_subjects_pane_parent_class)->dispose (object);
}

static void
hc_subjects_pane_class_init (HcSubjectsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HcPaneClass *pane_class = HC_PANE_CLASS (klass);

  object_class->dispose = hc_subjects_pane_dispose;
  pane_class->reload = hc_subjects_pane_reload;
  pane_class->export_path = hc_subjects_pane_export_path;

  gtk_widget_class_install_action (widget_class, "subjects.edit", NULL, edit_action);

  g_type_ensure (HC_TYPE_SUBJECT);
  g_type_ensure (HC_TYPE_CREDIT_FILE_VIEW);
  g_type_ensure (HC_TYPE_PUBLICITY_VIEW);
  g_type_ensure (HC_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-subjects-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HcSubjectsPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectsPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectsPane, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectsPane, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectsPane, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectsPane, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectsPane, total_label);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectsPane, scrolled);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectsPane, column_view);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectsPane, selection);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectsPane, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectsPane, file_view);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectsPane, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HcSubjectsPane, publicity_view);
  gtk_widget_class_bind_template_callback (widget_class, view_changed);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed);
}

/* A model of another client's subjects is of no use. */
static void
client_changed (HcSubjectsPane *self)
{
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->model);
  hc_credit_file_view_set_client (self->file_view, hc_pane_get_client (HC_PANE (self)));
  hc_publicity_view_set_client (self->publicity_view, hc_pane_get_client (HC_PANE (self)));
}

static void
fill_dropdown (GtkDropDown        *dropdown,
               const char         *all,
               const char * const *labels,
               guint               n_labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (list, labels[i]);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static void
hc_subjects_pane_init (HcSubjectsPane *self)
{
  const char *types[HC_SUBJECT_TYPE_N];
  const char *statuses[G_N_ELEMENTS (status_keys) - 1];

  gtk_widget_init_template (GTK_WIDGET (self));
  hc_pane_set_search_bar (HC_PANE (self), self->search_bar, self->search_entry);
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed), NULL);

  for (guint i = 0; i < HC_SUBJECT_TYPE_N; i++)
    {
      HcSubjectType type;

      types[i] = hc_subject_type_from_key (type_keys[i + 1], &type) ? hc_subject_type_label (type) : type_keys[i + 1];
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    statuses[i] = hc_subject_status_label (status_keys[i + 1]);
  fill_dropdown (self->region_dropdown, _("All regions"), NULL, 0);
  fill_dropdown (self->type_dropdown, _("All types"), types, G_N_ELEMENTS (types));
  fill_dropdown (self->grade_dropdown, _("All grades"), grade_keys + 1, G_N_ELEMENTS (grade_keys) - 1);
  fill_dropdown (self->status_dropdown, _("All statuses"), statuses, G_N_ELEMENTS (statuses));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "subjects.edit", FALSE);
}

/* The list the pane shows (an HcSubjectModel), %NULL before it was mapped. */
GListModel *
hc_subjects_pane_get_model (HcSubjectsPane *self)
{
  g_return_val_if_fail (HC_IS_SUBJECTS_PANE (self), NULL);
  return self->model ? G_LIST_MODEL (self->model) : NULL;
}

/* The credit file beside the list. */
HcCreditFileView *
hc_subjects_pane_get_file_view (HcSubjectsPane *self)
{
  g_return_val_if_fail (HC_IS_SUBJECTS_PANE (self), NULL);
  return self->file_view;
}

/* The 双公示 view, and showing it. */
HcPublicityView *
hc_subjects_pane_get_publicity_view (HcSubjectsPane *self)
{
  g_return_val_if_fail (HC_IS_SUBJECTS_PANE (self), NULL);
  return self->publicity_view;
}

void
hc_subjects_pane_show_view (HcSubjectsPane *self,
                            const char     *name)
{
  g_return_if_fail (HC_IS_SUBJECTS_PANE (self));
  gtk_stack_set_visible_child_name (self->view_stack, name);
}

/* The edit dialog while it is open. */
GtkWindow *
hc_subjects_pane_get_edit_dialog (HcSubjectsPane *self)
{
  g_return_val_if_fail (HC_IS_SUBJECTS_PANE (self), NULL);
  return self->edit_dialog;
}

const char *
hc_subjects_pane_get_total_text (HcSubjectsPane *self)
{
  g_return_val_if_fail (HC_IS_SUBJECTS_PANE (self), NULL);
  return gtk_label_get_text (self->total_label);
}

void
hc_subjects_pane_select (HcSubjectsPane *self,
                         guint           position)
{
  g_return_if_fail (HC_IS_SUBJECTS_PANE (self));
  gtk_single_selection_set_selected (self->selection, position);
}
