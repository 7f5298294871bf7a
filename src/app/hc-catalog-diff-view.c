/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogDiffView: two catalog years picked (the newest and the one
 * before it at first), the server's diff of them: the items added and
 * removed on the left, each changed field of a changed item on the right
 * with its old and new value side by side. It asks the server only while
 * it is shown, and again when the versions or the years picked change. */
#define G_LOG_DOMAIN "hc-catalog-diff-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-catalog-diff-view.h"
#include "hc-export-button.h"

struct _HcCatalogDiffView
{
  GtkWidget       parent_instance;

  /* template children */
  GtkDropDown    *from_dropdown;
  GtkDropDown    *to_dropdown;
  GtkLabel       *summary_label;
  GtkSpinner     *spinner;
  GtkLabel       *message_label;
  GtkLabel       *added_label;
  GtkLabel       *removed_label;
  GtkLabel       *changed_label;
  GtkNoSelection *added_model;
  GtkNoSelection *removed_model;
  GtkNoSelection *changes_model;
  GtkColumnView  *changes_view;

  /* state */
  HcClient       *client;
  GListModel     *versions;     /* of HcCatalogVersion, the pane's */
  GCancellable   *cancellable;
  HcCatalogDiff  *diff;         /* the diff shown, NULL before one is */
  int             from_year;    /* the years picked, 0 for the default */
  int             to_year;
  gboolean        loading;
  gboolean        stale;        /* to ask again once shown */
  gboolean        setting;      /* the dropdowns are set by code, not by the user */
};

G_DEFINE_FINAL_TYPE (HcCatalogDiffView, hc_catalog_diff_view, GTK_TYPE_WIDGET)

static int
year_at (GtkDropDown *dropdown)
{
  HcCatalogVersion *version = gtk_drop_down_get_selected_item (dropdown);

  return version != NULL ? hc_catalog_version_get_year (version) : 0;
}

/* Selects the version of @year; FALSE when there is none. */
static gboolean
select_year (HcCatalogDiffView *self,
             GtkDropDown       *dropdown,
             int                year)
{
  guint n = self->versions != NULL ? g_list_model_get_n_items (self->versions) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcCatalogVersion) version = g_list_model_get_item (self->versions, i);

      if (hc_catalog_version_get_year (version) == year)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
set_message (HcCatalogDiffView *self,
             const char        *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_loading (HcCatalogDiffView *self,
             gboolean           loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
}

/* Shows @diff (NULL: nothing) in the lists, their headings and the summary. */
static void
show_diff (HcCatalogDiffView *self,
           HcCatalogDiff     *diff)
{
  guint n_added = 0, n_removed = 0, n_changed = 0;
  g_autofree char *added = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *changed = NULL;

  g_set_object (&self->diff, diff);
  gtk_no_selection_set_model (self->added_model, diff ? hc_catalog_diff_get_added (diff) : NULL);
  gtk_no_selection_set_model (self->removed_model, diff ? hc_catalog_diff_get_removed (diff) : NULL);
  gtk_no_selection_set_model (self->changes_model, diff ? hc_catalog_diff_get_changes (diff) : NULL);
  if (diff != NULL)
    {
      GListModel *columns = gtk_column_view_get_columns (self->changes_view);
      g_autoptr(GtkColumnViewColumn) before = g_list_model_get_item (columns, 2);
      g_autoptr(GtkColumnViewColumn) after = g_list_model_get_item (columns, 3);
      g_autofree char *before_title = g_strdup_printf (_("Before (%d)"), hc_catalog_diff_get_from (diff));
      g_autofree char *after_title = g_strdup_printf (_("After (%d)"), hc_catalog_diff_get_to (diff));

      gtk_column_view_column_set_title (before, before_title);
      gtk_column_view_column_set_title (after, after_title);
      n_added = g_list_model_get_n_items (hc_catalog_diff_get_added (diff));
      n_removed = g_list_model_get_n_items (hc_catalog_diff_get_removed (diff));
      n_changed = hc_catalog_diff_get_n_changed (diff);
    }
  added = g_strdup_printf (ngettext ("%u item added", "%u items added", n_added), n_added);
  removed = g_strdup_printf (ngettext ("%u item removed", "%u items removed", n_removed), n_removed);
  changed = g_strdup_printf (ngettext ("%u item changed", "%u items changed", n_changed), n_changed);
  gtk_label_set_text (self->added_label, added);
  gtk_label_set_text (self->removed_label, removed);
  gtk_label_set_text (self->changed_label, changed);
  if (diff != NULL)
    {
      g_autofree char *summary = g_strdup_printf (_("From %d to %d: %s, %s, %s"),
                                                  hc_catalog_diff_get_from (diff), hc_catalog_diff_get_to (diff),
                                                  added, removed, changed);

      gtk_label_set_text (self->summary_label, summary);
    }
  else
    gtk_label_set_text (self->summary_label, "");
}

static void
diff_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcCatalogDiffView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcCatalogDiff) diff = hc_client_diff_catalog_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (diff == NULL)
    {
      set_message (self, error->message);
      return;
    }
  set_message (self, NULL);
  show_diff (self, diff);
}

static void
load (HcCatalogDiffView *self)
{
  int from = year_at (self->from_dropdown);
  int to = year_at (self->to_dropdown);

  self->stale = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
  if (self->client == NULL)
    return;
  if (from == 0 || to == 0 || from == to)
    {
      show_diff (self, NULL);
      if (self->versions != NULL && g_list_model_get_n_items (self->versions) < 2)
        set_message (self, _("There is only one catalog version so far: nothing to compare it with."));
      else
        set_message (self, _("Pick two different years to compare."));
      return;
    }
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  hc_client_diff_catalog_async (self->client, from, to, self->cancellable, diff_cb, g_object_ref (self));
}

/* Asks the server now when shown, else once it is. */
static void
request_load (HcCatalogDiffView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->stale = TRUE;
}

static void
picked (HcCatalogDiffView *self)
{
  if (self->setting)
    return;
  self->from_year = year_at (self->from_dropdown);
  self->to_year = year_at (self->to_dropdown);
  request_load (self);
}

/* The versions were (re)loaded: keep the years picked, or take the newest
 * and the one before it. */
static void
versions_changed (HcCatalogDiffView *self)
{
  guint n = g_list_model_get_n_items (self->versions);

  self->setting = TRUE;
  if (self->to_year == 0 || !select_year (self, self->to_dropdown, self->to_year))
    gtk_drop_down_set_selected (self->to_dropdown, n > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  if (self->from_year == 0 || !select_year (self, self->from_dropdown, self->from_year))
    gtk_drop_down_set_selected (self->from_dropdown, n > 1 ? 1 : n > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  self->setting = FALSE;
  request_load (self);
}

static void
hc_catalog_diff_view_map (GtkWidget *widget)
{
  HcCatalogDiffView *self = HC_CATALOG_DIFF_VIEW (widget);

  GTK_WIDGET_CLASS (hc_catalog_diff_view_parent_class)->map (widget);
  if (self->stale)
    load (self);
}

static void
hc_catalog_diff_view_dispose (GObject *object)
{
  HcCatalogDiffView *self = HC_CATALOG_DIFF_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->versions != NULL)
    g_signal_handlers_disconnect_by_data (self->versions, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_CATALOG_DIFF_VIEW);
  g_clear_object (&self->versions);
  g_clear_object (&self->client);
  g_clear_object (&self->diff);

  G_OBJECT_CLASS (hc_catalog_diff_view_parent_class)->dispose (object);
}

static void
hc_catalog_diff_view_class_init (HcCatalogDiffViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_catalog_diff_view_dispose;
  widget_class->map = hc_catalog_diff_view_map;

  g_type_ensure (HC_TYPE_EXPORT_BUTTON);
  g_type_ensure (HC_TYPE_CATALOG_VERSION);
  g_type_ensure (HC_TYPE_CATALOG_ITEM);
  g_type_ensure (HC_TYPE_CATALOG_CHANGE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-catalog-diff-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HcCatalogDiffView, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogDiffView, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogDiffView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogDiffView, spinner);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogDiffView, message_label);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogDiffView, added_label);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogDiffView, removed_label);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogDiffView, changed_label);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogDiffView, added_model);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogDiffView, removed_model);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogDiffView, changes_model);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogDiffView, changes_view);
  gtk_widget_class_bind_template_callback (widget_class, picked);
}

static void
hc_catalog_diff_view_init (HcCatalogDiffView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  show_diff (self, NULL);
}

void
hc_catalog_diff_view_set_client (HcCatalogDiffView *self,
                                 HcClient          *client)
{
  g_return_if_fail (HC_IS_CATALOG_DIFF_VIEW (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  /* another server's diff is not this one's */
  show_diff (self, NULL);
  request_load (self);
}

/* @versions: of HcCatalogVersion, newest first (the pane's picker's) */
void
hc_catalog_diff_view_set_versions (HcCatalogDiffView *self,
                                   GListModel        *versions)
{
  g_return_if_fail (HC_IS_CATALOG_DIFF_VIEW (self));
  g_return_if_fail (G_IS_LIST_MODEL (versions));

  if (self->versions != NULL)
    g_signal_handlers_disconnect_by_data (self->versions, self);
  g_set_object (&self->versions, versions);
  self->setting = TRUE;
  gtk_drop_down_set_model (self->from_dropdown, versions);
  gtk_drop_down_set_model (self->to_dropdown, versions);
  self->setting = FALSE;
  g_signal_connect_swapped (versions, "items-changed", G_CALLBACK (versions_changed), self);
  versions_changed (self);
}

/* Picks the years @from and @to as a user would, and compares them. */
void
hc_catalog_diff_view_compare (HcCatalogDiffView *self,
                              int                from,
                              int                to)
{
  g_return_if_fail (HC_IS_CATALOG_DIFF_VIEW (self));

  self->setting = TRUE;
  select_year (self, self->from_dropdown, from);
  select_year (self, self->to_dropdown, to);
  self->setting = FALSE;
  picked (self);
}

/* Returns: (transfer none) (nullable): the diff shown */
HcCatalogDiff *
hc_catalog_diff_view_get_diff (HcCatalogDiffView *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_DIFF_VIEW (self), NULL);
  return self->diff;
}

gboolean
hc_catalog_diff_view_get_loading (HcCatalogDiffView *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_DIFF_VIEW (self), FALSE);
  return self->loading;
}

/* Returns: what the view says instead of a diff (an error, or why there
 * is none), "" when it shows one */
const char *
hc_catalog_diff_view_get_message (HcCatalogDiffView *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_DIFF_VIEW (self), NULL);
  return gtk_label_get_text (self->message_label);
}

/* Returns: (transfer none): the changed fields listed (HcCatalogChange) */
GListModel *
hc_catalog_diff_view_get_changes (HcCatalogDiffView *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_DIFF_VIEW (self), NULL);
  return G_LIST_MODEL (self->changes_model);
}

/**
 * hc_catalog_diff_view_export_path:
 * @file_name: (out): the name the file chooser proposes
 *
 * Returns: (transfer full) (nullable): the diff of the two versions picked
 *   as a listing (GET /catalog/diff/rows), %NULL before both are picked
 */
char *
hc_catalog_diff_view_export_path (HcCatalogDiffView  *self,
                                  char              **file_name)
{
  int from, to;

  g_return_val_if_fail (HC_IS_CATALOG_DIFF_VIEW (self), NULL);

  from = year_at (self->from_dropdown);
  to = year_at (self->to_dropdown);
  if (from == 0 || to == 0)
    return NULL;
  /* TRANSLATORS: the file name offered for a catalog diff; the two years */
  *file_name = g_strdup_printf (_("Catalog changes %d to %d"), from, to);
  return hc_client_catalog_diff_rows_path (from, to);
}
