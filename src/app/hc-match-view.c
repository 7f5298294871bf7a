/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcMatchView: 名单自动比对 (三个自动) in the lists pane. An analyst picks a
 * CSV or XLSX of subjects; it goes up with a progress bar and the run that
 * the server records is shown: its hits (subject, list, state, the measures
 * that apply) filtered by class, state, feedback and, for a re-run, what is
 * new or gone. A hit takes feedback (applied / not applied, with a note) or
 * is cleared as a false match with a reason. The runs list says which runs
 * a list change made stale; Re-run matches them again. The hits and the
 * unreadable rows export through the pane (HcExportButton). The actions
 * on a hit are in hc-match-view-hits.c. */
#define G_LOG_DOMAIN "hc-match-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-export-button.h"
#include "hc-format.h"
#include "hc-match-view-private.h"

#define PAGE_SIZE 100

G_DEFINE_FINAL_TYPE (HcMatchView, hc_match_view, GTK_TYPE_WIDGET)

/* The filters' values, in the order of their dropdowns; NULL is "all". */
static const char * const class_keys[] = { NULL, "red", "black", "watch" };
static const char * const state_keys[] = { NULL, "published", "objected" };
static const char * const feedback_keys[] = { NULL, "applied", "not_applied", "pending" };
static const char * const change_keys[] = { NULL, "new", "gone" };

static void load_hits (HcMatchView *self,
                       gboolean     more);

void
_hc_match_view_busy_changed (HcMatchView *self,
              int          delta)
{
  g_assert (delta > 0 || self->busy > 0);
  self->busy += delta;
}

void
_hc_match_view_set_message (HcMatchView *self,
             const char  *message,
             gboolean     error)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static const char *
filter_value (GtkDropDown        *dropdown,
              const char * const *keys,
              guint               n_keys)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i != GTK_INVALID_LIST_POSITION && i < n_keys ? keys[i] : NULL;
}

static HcMatchHitQuery
current_query (HcMatchView *self)
{
  HcMatchHitQuery query = { 0, };

  query.run_id = self->run ? hc_match_run_get_id (self->run) : 0;
  query.list_class = filter_value (self->class_dropdown, class_keys, G_N_ELEMENTS (class_keys));
  query.state = filter_value (self->state_dropdown, state_keys, G_N_ELEMENTS (state_keys));
  query.feedback = filter_value (self->feedback_dropdown, feedback_keys, G_N_ELEMENTS (feedback_keys));
  if (self->run != NULL && hc_match_run_get_is_rerun (self->run))
    query.change = filter_value (self->change_dropdown, change_keys, G_N_ELEMENTS (change_keys));
  return query;
}

HcMatchHit *
_hc_match_view_selected_hit (HcMatchView *self)
{
  return gtk_single_selection_get_selected_item (self->hits_selection);
}

static void
update_actions (HcMatchView *self)
{
  gboolean idle = !self->acting && self->client != NULL;
  HcMatchHit *hit = _hc_match_view_selected_hit (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "match.choose-file", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "match.rerun",
                                 idle && self->run != NULL && hc_match_run_get_rerunnable (self->run));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "match.feedback", idle && hit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "match.clear-hit",
                                 idle && hit != NULL && !hc_match_hit_get_cleared (hit));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "match.withdraw-clearance",
                                 idle && hit != NULL && hc_match_hit_get_cleared (hit));
}

/* The selected hit, in a line below the table. */
static void
update_hit_label (HcMatchView *self)
{
  HcMatchHit *hit = _hc_match_view_selected_hit (self);
  g_autofree char *text = NULL;

  if (hit == NULL)
    text = g_strdup (_("Select a hit to record feedback or clear a false match."));
  else if (hc_match_hit_get_cleared (hit))
    /* TRANSLATORS: a hit, cleared as a false match */
    text = g_strdup_printf (_("%s: cleared as a false match; later runs do not raise it until the clearance is withdrawn."),
                            hc_match_hit_get_subject_name (hit));
  else if (hc_match_hit_get_feedback (hit) != NULL)
    /* TRANSLATORS: a hit's subject, its feedback, who gave it and their department */
    text = g_strdup_printf (_("%s: %s by %s (%s)"), hc_match_hit_get_subject_name (hit),
                            hc_match_hit_get_feedback_label (hit),
                            hc_match_hit_get_feedback_by (hit) ? hc_match_hit_get_feedback_by (hit) : "",
                            hc_match_hit_get_feedback_department (hit) ? hc_match_hit_get_feedback_department (hit) : "");
  else
    text = g_strdup_printf (_("%s: feedback pending"), hc_match_hit_get_subject_name (hit));
  gtk_label_set_label (self->hit_label, text);
  update_actions (self);
}

/* What the run shown counted. */
static void
update_run_label (HcMatchView *self)
{
  HcMatchRun *run = self->run;
  g_autoptr(GString) text = g_string_new (NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->change_dropdown), run != NULL && hc_match_run_get_is_rerun (run));
  if (run == NULL)
    {
      gtk_label_set_label (self->run_label, _("No match run yet. Choose a file of subjects to match them against the lists."));
      update_actions (self);
      return;
    }
  /* TRANSLATORS: a run's title, when, who */
  g_string_append_printf (text, _("%s, %s, by %s."), hc_match_run_get_title (run),
                          hc_match_run_get_at_label (run), hc_match_run_get_actor (run));
  g_string_append_c (text, ' ');
  /* TRANSLATORS: a run's counts: subjects, hits, subjects hit, unreadable rows, cleared pairs */
  g_string_append_printf (text, _("%d subjects, %d hits on %d subjects, %d unreadable rows, %d cleared as false matches."),
                          (int) hc_match_run_get_subjects (run), (int) hc_match_run_get_hits (run),
                          (int) hc_match_run_get_subjects_hit (run), (int) hc_match_run_get_invalid (run),
                          (int) hc_match_run_get_cleared (run));
  g_string_append_c (text, ' ');
  g_string_append (text, hc_match_run_get_feedback_label (run));
  if (hc_match_run_get_is_rerun (run))
    {
      g_string_append_c (text, ' ');
      /* TRANSLATORS: a re-run against its previous run */
      g_string_append_printf (text, _("Against run %d: %d new hits, %d gone."),
                              (int) hc_match_run_get_previous_run_id (run), (int) hc_match_run_get_new_hits (run),
                              (int) hc_match_run_get_gone_hits (run));
    }
  if (hc_match_run_get_stale (run))
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("A list changed since this run about one of its subjects: re-run it to see the difference."));
    }
  gtk_label_set_label (self->run_label, text->str);
  update_actions (self);
}

static void
update_total (HcMatchView *self)
{
  g_autofree char *count = hc_format_count (self->total);
  g_autofree char *text = NULL;

  if (self->total >= 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s hit", "%s hits", self->total), count);
  gtk_label_set_label (self->total_label, text ? text : "");
}

/* Hits */

static void
hits_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcMatchView) self = user_data;
  g_autoptr(HcPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old;

  page = hc_client_list_match_hits_finish (HC_CLIENT (source), result, &error);
  _hc_match_view_busy_changed (self, -1);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->listing = FALSE;
  if (page == NULL)
    {
      _hc_match_view_set_message (self, error->message, TRUE);
      return;
    }
  g_clear_pointer (&self->next_cursor, g_free);
  self->next_cursor = g_strdup (hc_page_get_next_cursor (page));
  self->total = hc_page_get_total (page);
  for (guint i = 0; i < hc_page_get_n_items (page); i++)
    g_ptr_array_add (rows, g_list_model_get_item (hc_page_get_items (page), i));
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->hits));
  self->updating = TRUE;
  if (self->appending)
    g_list_store_splice (self->hits, n_old, 0, rows->pdata, rows->len);
  else
    g_list_store_splice (self->hits, 0, n_old, rows->pdata, rows->len);
  self->updating = FALSE;
  update_total (self);
  update_hit_label (self);
}

static void
load_hits (HcMatchView *self,
           gboolean     more)
{
  HcMatchHitQuery query = current_query (self);

  if (self->client == NULL)
    return;
  if (query.run_id <= 0)
    {
      g_list_store_remove_all (self->hits);
      self->total = -1;
      update_total (self);
      return;
    }
  if (more && (self->next_cursor == NULL || self->listing))
    return;
  if (!more)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }
  self->appending = more;
  self->listing = TRUE;
  _hc_match_view_busy_changed (self, 1);
  hc_client_list_match_hits_async (self->client, &query, more ? self->next_cursor : NULL, PAGE_SIZE,
                                   self->cancellable, hits_cb, g_object_ref (self));
}

static void
hits_edge_reached (HcMatchView     *self,
                   GtkPositionType  position)
{
  if (position == GTK_POS_BOTTOM)
    load_hits (self, TRUE);
}

static void
hit_selected (HcMatchView *self)
{
  if (!self->updating)
    update_hit_label (self);
}

static void
filters_changed (HcMatchView *self)
{
  if (!self->updating)
    load_hits (self, FALSE);
}

/* Runs */

static gboolean
find_run (HcMatchView *self,
          gint64       id,
          guint       *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->runs)); i++)
    {
      g_autoptr(HcMatchRun) run = g_list_model_get_item (G_LIST_MODEL (self->runs), i);

      if (hc_match_run_get_id (run) == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
run_selected (HcMatchView *self)
{
  HcMatchRun *run = gtk_single_selection_get_selected_item (self->runs_selection);

  if (self->updating)
    return;
  g_set_object (&self->run, run);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->change_dropdown, 0);
  self->updating = FALSE;
  update_run_label (self);
  load_hits (self, FALSE);
}

static void
runs_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcMatchView) self = user_data;
  g_autoptr(HcPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 keep;
  guint position = 0;

  page = hc_client_list_match_runs_finish (HC_CLIENT (source), result, &error);
  _hc_match_view_busy_changed (self, -1);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (page == NULL)
    {
      _hc_match_view_set_message (self, error->message, TRUE);
      return;
    }
  keep = self->select_run > 0 ? self->select_run : self->run ? hc_match_run_get_id (self->run) : 0;
  self->select_run = 0;
  for (guint i = 0; i < hc_page_get_n_items (page); i++)
    g_ptr_array_add (rows, g_list_model_get_item (hc_page_get_items (page), i));
  self->updating = TRUE;
  g_list_store_splice (self->runs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->runs)), rows->pdata, rows->len);
  self->updating = FALSE;
  if (keep <= 0 || !find_run (self, keep, &position))
    position = 0;
  if (rows->len == 0)
    {
      g_clear_object (&self->run);
      update_run_label (self);
      load_hits (self, FALSE);
      return;
    }
  gtk_single_selection_set_selected (self->runs_selection, position);
  run_selected (self);
}

/**
 * hc_match_view_reload:
 *
 * Asks for the runs again (their stale flags and feedback counts change as
 * others work) and the hits of the run shown.
 */
void
hc_match_view_reload (HcMatchView *self)
{
  g_return_if_fail (HC_IS_MATCH_VIEW (self));

  if (self->client == NULL || !hc_client_get_signed_in (self->client))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loaded = TRUE;
  _hc_match_view_busy_changed (self, 1);
  hc_client_list_match_runs_async (self->client, NULL, 50, self->cancellable, runs_cb, g_object_ref (self));
}

/* Matching a file */

static void
progress_cb (goffset  current,
             goffset  total,
             gpointer user_data)
{
  HcMatchView *self = user_data;

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) current / (double) total);
  if (current >= total)
    gtk_progress_bar_set_text (self->progress_bar, _("Matching against the lists…"));
}

void
_hc_match_view_set_acting (HcMatchView *self,
            gboolean     acting)
{
  self->acting = acting;
  update_actions (self);
}

/* A new run (a file matched or a run re-run): shown, selected. */
static void
show_new_run (HcMatchView *self,
              HcMatchRun  *run)
{
  g_autofree char *text = NULL;

  /* TRANSLATORS: what a match found: subjects, hits, unreadable rows */
  text = g_strdup_printf (_("Matched %d subjects: %d hits, %d rows could not be read."),
                          (int) hc_match_run_get_subjects (run), (int) hc_match_run_get_hits (run),
                          (int) hc_match_run_get_invalid (run));
  _hc_match_view_set_message (self, text, FALSE);
  self->select_run = hc_match_run_get_id (run);
  hc_match_view_reload (self);
}

static void
matched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcMatchView) self = user_data;
  g_autoptr(HcMatchRun) run = NULL;
  g_autoptr(GError) error = NULL;

  run = hc_client_match_file_finish (HC_CLIENT (source), result, &error);
  _hc_match_view_busy_changed (self, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  _hc_match_view_set_acting (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (run == NULL)
    {
      _hc_match_view_set_message (self, error->message, TRUE);
      return;
    }
  show_new_run (self, run);
}

/**
 * hc_match_view_match_file:
 * @file: a CSV or XLSX of subjects
 *
 * What the file chooser's Open does: sends @file with the purpose typed,
 * shows its progress, then the run.
 */
void
hc_match_view_match_file (HcMatchView *self,
                          GFile       *file)
{
  g_autofree char *purpose = NULL;

  g_return_if_fail (HC_IS_MATCH_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->client == NULL || self->acting)
    return;
  purpose = g_strstrip (g_strdup (gtk_editable_get_text (self->purpose_entry)));
  _hc_match_view_set_message (self, NULL, FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Sending the file…"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  _hc_match_view_set_acting (self, TRUE);
  _hc_match_view_busy_changed (self, 1);
  hc_client_match_file_async (self->client, file, *purpose ? purpose : NULL, progress_cb, self,
                              self->action_cancellable, matched_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     HcMatchView     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    hc_match_view_match_file (self, file);
}

static GtkFileFilter *
new_filter (const char *name,
            const char *mime_type,
            const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *upper = g_ascii_strup (pattern, -1);

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_pattern (filter, upper);
  return filter;
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  HcMatchView *self = HC_MATCH_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) all = NULL;
  g_autoptr(GtkFileFilter) csv = NULL;
  g_autoptr(GtkFileFilter) xlsx = NULL;
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL || self->acting)
    return;
  chooser = gtk_file_chooser_native_new (_("Choose a File of Subjects"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Match"), _("_Cancel"));
  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("Tables (CSV, XLSX)"));
  gtk_file_filter_add_pattern (all, "*.csv");
  gtk_file_filter_add_pattern (all, "*.CSV");
  gtk_file_filter_add_pattern (all, "*.xlsx");
  gtk_file_filter_add_pattern (all, "*.XLSX");
  csv = new_filter (_("CSV files"), "text/csv", "*.csv");
  xlsx = new_filter (_("Excel workbooks (XLSX)"),
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
rerun_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcMatchView) self = user_data;
  g_autoptr(HcMatchRun) run = NULL;
  g_autoptr(GError) error = NULL;

  run = hc_client_rerun_match_finish (HC_CLIENT (source), result, &error);
  _hc_match_view_busy_changed (self, -1);
  _hc_match_view_set_acting (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (run == NULL)
    {
      _hc_match_view_set_message (self, error->message, TRUE);
      return;
    }
  show_new_run (self, run);
}

static void
rerun_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  HcMatchView *self = HC_MATCH_VIEW (widget);

  if (self->run == NULL || self->acting || self->client == NULL)
    return;
  _hc_match_view_set_acting (self, TRUE);
  _hc_match_view_busy_changed (self, 1);
  hc_client_rerun_match_async (self->client, hc_match_run_get_id (self->run), self->action_cancellable,
                               rerun_cb, g_object_ref (self));
}

/* The object */

static void
hc_match_view_map (GtkWidget *widget)
{
  HcMatchView *self = HC_MATCH_VIEW (widget);

  GTK_WIDGET_CLASS (hc_match_view_parent_class)->map (widget);
  if (!self->loaded)
    hc_match_view_reload (self);
}

static void
hc_match_view_dispose (GObject *object)
{
  HcMatchView *self = HC_MATCH_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->action_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->action_cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->run);
  g_clear_object (&self->runs);
  g_clear_object (&self->hits);
  g_clear_pointer (&self->next_cursor, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_MATCH_VIEW);

  G_OBJECT_CLASS (hc_match_view_parent_class)->dispose (object);
}

static void
hc_match_view_class_init (HcMatchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_match_view_dispose;
  widget_class->map = hc_match_view_map;

  gtk_widget_class_install_action (widget_class, "match.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "match.rerun", NULL, rerun_action);
  _hc_match_view_install_hit_actions (widget_class);

  g_type_ensure (HC_TYPE_EXPORT_BUTTON);
  g_type_ensure (HC_TYPE_MATCH_RUN);
  g_type_ensure (HC_TYPE_MATCH_HIT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-match-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HcMatchView, purpose_entry);
  gtk_widget_class_bind_template_child (widget_class, HcMatchView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HcMatchView, message_label);
  gtk_widget_class_bind_template_child (widget_class, HcMatchView, runs_selection);
  gtk_widget_class_bind_template_child (widget_class, HcMatchView, run_label);
  gtk_widget_class_bind_template_child (widget_class, HcMatchView, class_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcMatchView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcMatchView, feedback_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcMatchView, change_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcMatchView, total_label);
  gtk_widget_class_bind_template_child (widget_class, HcMatchView, hits_selection);
  gtk_widget_class_bind_template_child (widget_class, HcMatchView, hit_label);
  gtk_widget_class_bind_template_callback (widget_class, run_selected);
  gtk_widget_class_bind_template_callback (widget_class, hit_selected);
  gtk_widget_class_bind_template_callback (widget_class, hits_edge_reached);
}

static void
fill_dropdown (GtkDropDown *dropdown,
               const char  *all,
               ...)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const char *label;
  va_list args;

  gtk_string_list_append (list, all);
  va_start (args, all);
  while ((label = va_arg (args, const char *)) != NULL)
    gtk_string_list_append (list, label);
  va_end (args);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static void
hc_match_view_init (HcMatchView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->total = -1;
  self->action_cancellable = g_cancellable_new ();
  self->runs = g_list_store_new (HC_TYPE_MATCH_RUN);
  self->hits = g_list_store_new (HC_TYPE_MATCH_HIT);
  gtk_single_selection_set_model (self->runs_selection, G_LIST_MODEL (self->runs));
  gtk_single_selection_set_model (self->hits_selection, G_LIST_MODEL (self->hits));

  fill_dropdown (self->class_dropdown, _("All list classes"), hc_list_class_label (HC_LIST_CLASS_RED),
                 hc_list_class_label (HC_LIST_CLASS_BLACK), hc_list_class_label (HC_LIST_CLASS_WATCH), NULL);
  fill_dropdown (self->state_dropdown, _("All states"), hc_list_entry_state_label (HC_LIST_ENTRY_STATE_PUBLISHED),
                 hc_list_entry_state_label (HC_LIST_ENTRY_STATE_OBJECTED), NULL);
  fill_dropdown (self->feedback_dropdown, _("All feedback"), C_("feedback", "Applied"),
                 C_("feedback", "Not applied"), C_("feedback", "Pending"), NULL);
  fill_dropdown (self->change_dropdown, _("All hits"), _("New since the previous run"),
                 _("Gone since the previous run"), NULL);
  g_signal_connect_object (self->class_dropdown, "notify::selected", G_CALLBACK (filters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state_dropdown, "notify::selected", G_CALLBACK (filters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->feedback_dropdown, "notify::selected", G_CALLBACK (filters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->change_dropdown, "notify::selected", G_CALLBACK (filters_changed), self, G_CONNECT_SWAPPED);

  update_run_label (self);
  update_total (self);
  update_hit_label (self);
}

void
hc_match_view_set_client (HcMatchView *self,
                          HcClient    *client)
{
  g_return_if_fail (HC_IS_MATCH_VIEW (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  self->loaded = FALSE;
  update_actions (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    hc_match_view_reload (self);
}

/**
 * hc_match_view_export_path:
 * @listing: "match-hits" (the hits shown, with their filters) or
 *   "match-invalid" (the run's unreadable rows)
 * @file_name: (out): the name the file chooser proposes
 *
 * Returns: (transfer full) (nullable): the listing's path, %NULL before a
 *   run is shown
 */
char *
hc_match_view_export_path (HcMatchView  *self,
                           const char   *listing,
                           char        **file_name)
{
  HcMatchHitQuery query;

  g_return_val_if_fail (HC_IS_MATCH_VIEW (self), NULL);

  if (self->run == NULL)
    return NULL;
  query = current_query (self);
  if (g_strcmp0 (listing, "match-invalid") == 0)
    {
      /* TRANSLATORS: the file name offered for a run's unreadable rows; %d is the run */
      *file_name = g_strdup_printf (_("match-%d-unreadable-rows"), (int) query.run_id);
      return hc_client_match_invalid_path (query.run_id);
    }
  /* TRANSLATORS: the file name offered for a run's hits; %d is the run */
  *file_name = g_strdup_printf (_("match-%d-hits"), (int) query.run_id);
  return hc_client_match_hits_path (&query);
}

/* Returns: whether the view waits for the server */
gboolean
hc_match_view_get_busy (HcMatchView *self)
{
  g_return_val_if_fail (HC_IS_MATCH_VIEW (self), FALSE);
  return self->busy > 0;
}

/* Returns: (nullable): what the view says about the last action */
const char *
hc_match_view_get_message (HcMatchView *self)
{
  g_return_val_if_fail (HC_IS_MATCH_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label))
         ? gtk_label_get_label (self->message_label) : NULL;
}

/* Returns: (transfer none) (nullable): the run shown */
HcMatchRun *
hc_match_view_get_run (HcMatchView *self)
{
  g_return_val_if_fail (HC_IS_MATCH_VIEW (self), NULL);
  return self->run;
}

/* Returns: (transfer none): the runs, of #HcMatchRun, newest first */
GListModel *
hc_match_view_get_runs (HcMatchView *self)
{
  g_return_val_if_fail (HC_IS_MATCH_VIEW (self), NULL);
  return G_LIST_MODEL (self->runs);
}

/* Returns: (transfer none): the hits loaded, of #HcMatchHit */
GListModel *
hc_match_view_get_hits (HcMatchView *self)
{
  g_return_val_if_fail (HC_IS_MATCH_VIEW (self), NULL);
  return G_LIST_MODEL (self->hits);
}

/* Returns: how many hits match the filters, -1 before a page came */
gint64
hc_match_view_get_total (HcMatchView *self)
{
  g_return_val_if_fail (HC_IS_MATCH_VIEW (self), -1);
  return self->total;
}

/* Selects the loaded hit at @position, as a click on it does. */
gboolean
hc_match_view_select_hit (HcMatchView *self,
                          guint        position)
{
  g_return_val_if_fail (HC_IS_MATCH_VIEW (self), FALSE);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->hits)))
    return FALSE;
  gtk_single_selection_set_selected (self->hits_selection, position);
  return TRUE;
}

/**
 * hc_match_view_set_filter:
 * @filter: "class", "state", "feedback" or "change"
 * @value: (nullable): one of its values, %NULL for all
 *
 * Chooses a filter's value, as its dropdown does.
 */
gboolean
hc_match_view_set_filter (HcMatchView *self,
                          const char  *filter,
                          const char  *value)
{
  const char * const *keys;
  GtkDropDown *dropdown;
  guint n;

  g_return_val_if_fail (HC_IS_MATCH_VIEW (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  if (g_str_equal (filter, "class"))
    keys = class_keys, n = G_N_ELEMENTS (class_keys), dropdown = self->class_dropdown;
  else if (g_str_equal (filter, "state"))
    keys = state_keys, n = G_N_ELEMENTS (state_keys), dropdown = self->state_dropdown;
  else if (g_str_equal (filter, "feedback"))
    keys = feedback_keys, n = G_N_ELEMENTS (feedback_keys), dropdown = self->feedback_dropdown;
  else if (g_str_equal (filter, "change"))
    keys = change_keys, n = G_N_ELEMENTS (change_keys), dropdown = self->change_dropdown;
  else
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (keys[i], value) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return TRUE;
      }
  return FALSE;
}
