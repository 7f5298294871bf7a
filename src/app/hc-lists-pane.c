/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcListsPane: the Credit Lists pane. The entries of one list type, filtered
 * by state, 市县 and a search and paged from the server, and beside them the
 * selected entry with its history and the workflow's actions open to the
 * signed-in role. */
#define G_LOG_DOMAIN "hc-lists-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-format.h"
#include "hc-list-actions.h"
#include "hc-list-entry-dialog.h"
#include "hc-list-entry-event.h"
#include "hc-list-feedback-view.h"
#include "hc-lists-pane.h"
#include "hc-match-view.h"
#include "hc-repairs-view.h"

#define PAGE_SIZE 50

struct _HcListsPane
{
  HcPane              parent_instance;

  /* template children */
  AdwViewStack       *stack;
  HcMatchView        *match_view;
  HcRepairsView      *repairs_view;
  HcListFeedbackView *feedback_view;
  GtkDropDown        *type_dropdown;
  GtkDropDown        *state_dropdown;
  GtkDropDown        *region_dropdown;
  GtkWidget          *search_entry;
  GtkLabel           *total_label;
  GtkSingleSelection *selection;
  GtkWidget          *more_button;
  GtkStack           *detail_stack;
  GtkLabel           *message_label;
  GtkLabel           *standing_label;
  GtkLabel           *published_label;
  GtkLabel           *measures_label;
  HcListActions      *actions;
  GtkListView        *history_view;

  /* state */
  char               *next_cursor;
  gint64              total;
  guint               busy;
  gboolean            appending;
  gboolean            listing;      /* a page is on its way */
  gboolean            updating;

  /* owned objects */
  GListModel         *types;
  GListStore         *entries;
  HcListEntry        *entry;
  GCancellable       *detail_cancellable;  /* the selected entry */
};

/* The pane's own cancellable (HcPane) is that of the types and pages. */
G_DEFINE_FINAL_TYPE (HcListsPane, hc_lists_pane, HC_TYPE_PANE)

enum { PROP_0, PROP_ENTRY, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void load_entries (HcListsPane *self,
                          gboolean     more);
static void load_detail  (HcListsPane *self,
                          gint64       id);

static void
busy_changed (HcListsPane *self,
              int          delta)
{
  g_assert (delta > 0 || self->busy > 0);
  self->busy += delta;
}

static void
set_message (HcListsPane *self,
             const char  *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* The class of the shown entry's list type; a type not (yet) known counts
 * as the strictest (black). */
static HcListClass
entry_class (HcListsPane *self)
{
  const char *key = self->entry ? hc_list_entry_get_list_type (self->entry) : NULL;
  HcListClass list_class = HC_LIST_CLASS_BLACK;

  for (guint i = 0; key != NULL && self->types != NULL && i < g_list_model_get_n_items (self->types); i++)
    {
      g_autoptr(HcListType) type = g_list_model_get_item (self->types, i);

      if (g_strcmp0 (hc_list_type_get_key (type), key) == 0)
        {
          hc_list_class_from_key (hc_list_type_get_class (type), &list_class);
          break;
        }
    }
  return list_class;
}

/* Offers the steps legal from the entry's state to the signed-in role. */
static void
update_actions (HcListsPane *self)
{
  hc_list_actions_show (self->actions, hc_pane_get_client (HC_PANE (self)), self->entry, entry_class (self));
}

/* Under objection the entry is frozen (异议中, publicity paused) until it
 * is upheld or revoked; the deadlines come from the server when it gives
 * them, and an overdue one stands out. */
static void
update_standing (HcListsPane *self,
                 HcListEntry *entry)
{
  const char *state = entry ? hc_list_entry_get_state (entry) : NULL;
  const char *deadline = entry ? hc_list_entry_get_objection_deadline (entry) : NULL;
  const char *publishable = entry ? hc_list_entry_get_publishable_from (entry) : NULL;
  gboolean overdue = entry != NULL && hc_list_entry_get_overdue (entry);
  g_autofree char *text = NULL;
  const char *rule = NULL;

  if (g_strcmp0 (state, "objected") == 0)
    {
      rule = hc_list_entry_get_objection_rule_label (entry);
      if (deadline != NULL && overdue)
        text = g_strdup_printf (_("Under objection since %s: publicity paused. Overdue: it was to be upheld or revoked by %s."),
                                hc_list_entry_get_objected_on (entry), deadline);
      else if (deadline != NULL)
        text = g_strdup_printf (_("Under objection since %s: publicity paused. To be upheld or revoked by %s."),
                                hc_list_entry_get_objected_on (entry), deadline);
      else
        text = g_strdup (_("Under objection: publicity paused until the objection is upheld or revoked."));
    }
  else if (g_strcmp0 (state, "noticed") == 0 && publishable != NULL)
    {
      rule = hc_list_entry_get_notice_rule_label (entry);
      text = g_strdup_printf (_("Notice period: may be published from %s."), publishable);
    }
  /* The rule the deadline was counted by, as the step kept it. */
  if (text != NULL && rule != NULL)
    {
      g_autofree char *plain = g_steal_pointer (&text);

      /* TRANSLATORS: a deadline's sentence and the rule that counted it */
      text = g_strdup_printf (_("%s Counted in %s."), plain, rule);
    }

  gtk_label_set_label (self->standing_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->standing_label), text != NULL);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->standing_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->standing_label), "error");
  if (g_strcmp0 (state, "objected") == 0 && !overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->standing_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->standing_label), "warning");
}

static void
set_entry (HcListsPane *self,
           HcListEntry *entry)
{
  update_standing (self, entry);

  if (g_set_object (&self->entry, entry))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENTRY]);

  if (entry == NULL)
    {
      gtk_list_view_set_model (self->history_view, NULL);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      update_actions (self);
      return;
    }

  {
    const char *from = hc_list_entry_get_published_from (entry);
    const char *until = hc_list_entry_get_published_until (entry);
    g_autofree char *published = from || until
      ? g_strdup_printf ("%s – %s", from ? from : "…", until ? until : "…")
      : g_strdup (_("Not published"));
    g_autofree char *measures = g_strjoinv ("\n", (char **) hc_list_entry_get_measures (entry));
    GListModel *history = hc_list_entry_get_history (entry);
    g_autoptr(GtkNoSelection) model = NULL;

    gtk_label_set_label (self->published_label, published);
    gtk_label_set_label (self->measures_label, *measures ? measures : "—");
    if (history != NULL)
      model = gtk_no_selection_new (g_object_ref (history));
    gtk_list_view_set_model (self->history_view, GTK_SELECTION_MODEL (model));
  }
  gtk_stack_set_visible_child_name (self->detail_stack, "entry");
  update_actions (self);
}

static gboolean
find_position (HcListsPane *self,
               gint64       id,
               guint       *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcListEntry) row = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (hc_list_entry_get_id (row) == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Puts @entry (fresh from the server) in place of its row, keeping the
 * selection on it. */
static void
replace_row (HcListsPane *self,
             HcListEntry *entry)
{
  guint position;
  gboolean selected;

  if (!find_position (self, hc_list_entry_get_id (entry), &position))
    return;
  selected = gtk_single_selection_get_selected (self->selection) == position;
  self->updating = TRUE;
  g_list_store_splice (self->entries, position, 1, (gpointer *) &entry, 1);
  if (selected)
    gtk_single_selection_set_selected (self->selection, position);
  self->updating = FALSE;
}

static void
update_total (HcListsPane *self)
{
  g_autofree char *count = hc_format_count (self->total);
  g_autofree char *text = NULL;

  if (self->total < 0)
    text = g_strdup ("");
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s entry", "%s entries", self->total), count);
  gtk_label_set_label (self->total_label, text);
  gtk_widget_set_visible (self->more_button, self->next_cursor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.load-more",
                                 self->next_cursor != NULL && !self->listing);
}

/* Pages */

static void
entries_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcListsPane) self = user_data;
  g_autoptr(HcPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcListEntry) keep = NULL;
  guint n_old, n_new, position;

  page = hc_client_list_entries_finish (HC_CLIENT (source), result, &error);
  busy_changed (self, -1);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->listing = FALSE;
  if (page == NULL)
    {
      hc_pane_show_error (HC_PANE (self), error);
      update_total (self);
      return;
    }

  g_clear_pointer (&self->next_cursor, g_free);
  self->next_cursor = g_strdup (hc_page_get_next_cursor (page));
  self->total = hc_page_get_total (page);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  n_new = hc_page_get_n_items (page);
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n_new; i++)
      g_ptr_array_add (rows, g_list_model_get_item (hc_page_get_items (page), i));
    if (self->appending)
      g_list_store_splice (self->entries, n_old, 0, rows->pdata, rows->len);
    else
      {
        keep = self->entry ? g_object_ref (self->entry) : NULL;
        self->updating = TRUE;
        g_list_store_splice (self->entries, 0, n_old, rows->pdata, rows->len);
        self->updating = FALSE;
        /* A reload keeps the entry shown when it is still in the list. */
        if (keep != NULL && find_position (self, hc_list_entry_get_id (keep), &position))
          gtk_single_selection_set_selected (self->selection, position);
        else
          set_entry (self, NULL);
      }
  }
  update_total (self);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->entries)) == 0)
    hc_pane_show_empty (HC_PANE (self));
  else
    hc_pane_show_content (HC_PANE (self));
}

static char *
selected_type_key (HcListsPane *self)
{
  HcListType *type = gtk_drop_down_get_selected_item (self->type_dropdown);

  return type ? g_strdup (hc_list_type_get_key (type)) : NULL;
}

static void
load_entries (HcListsPane *self,
              gboolean     more)
{
  g_autofree char *type = selected_type_key (self);
  guint state_index = gtk_drop_down_get_selected (self->state_dropdown);
  guint region_index = gtk_drop_down_get_selected (self->region_dropdown);
  const char *state = NULL, *region = NULL;
  HcClient *client = hc_pane_get_client (HC_PANE (self));

  if (client == NULL || !hc_client_get_signed_in (client))
    return;
  if (type == NULL)
    {
      hc_pane_show_empty (HC_PANE (self));
      return;
    }
  if (more && (self->next_cursor == NULL || self->listing))
    return;

  /* The first entry of each filter list stands for "all". */
  if (state_index != GTK_INVALID_LIST_POSITION && state_index > 0)
    state = hc_list_entry_state_to_key (state_index - 1);
  if (region_index != GTK_INVALID_LIST_POSITION && region_index > 0)
    region = hc_regions_get_all (NULL)[region_index - 1].code;

  if (!more)
    {
      hc_pane_renew_cancellable (HC_PANE (self));
      if (g_list_model_get_n_items (G_LIST_MODEL (self->entries)) == 0)
        hc_pane_show_loading (HC_PANE (self));
    }
  self->appending = more;
  self->listing = TRUE;
  busy_changed (self, 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.load-more", FALSE);
  hc_client_list_entries_async (client, type, state, region,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                more ? self->next_cursor : NULL, PAGE_SIZE,
                                hc_pane_get_cancellable (HC_PANE (self)), entries_cb, g_object_ref (self));
}

static void
types_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcListsPane) self = user_data;
  g_autoptr(GListModel) types = NULL;
  g_autoptr(GError) error = NULL;

  types = hc_client_list_types_finish (HC_CLIENT (source), result, &error);
  busy_changed (self, -1);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (types == NULL)
    {
      hc_pane_show_error (HC_PANE (self), error);
      return;
    }
  g_set_object (&self->types, types);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->type_dropdown, types);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  self->updating = FALSE;
  load_entries (self, FALSE);
}

static void
hc_lists_pane_reload (HcPane *pane)
{
  HcListsPane *self = HC_LISTS_PANE (pane);

  if (self->types == NULL)
    {
      hc_pane_show_loading (pane);
      busy_changed (self, 1);
      hc_client_list_types_async (hc_pane_get_client (pane), hc_pane_get_cancellable (pane),
                                  types_cb, g_object_ref (self));
    }
  else
    load_entries (self, FALSE);
  if (self->entry != NULL)
    load_detail (self, hc_list_entry_get_id (self->entry));
}

static void
filters_changed (HcListsPane *self)
{
  if (self->updating || self->types == NULL)
    return;
  load_entries (self, FALSE);
}

static void
entries_edge_reached (HcListsPane     *self,
                      GtkPositionType  position)
{
  if (position == GTK_POS_BOTTOM)
    load_entries (self, TRUE);
}

/* The selected entry */

static void
detail_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcListsPane) self = user_data;
  g_autoptr(HcListEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = hc_client_get_list_entry_finish (HC_CLIENT (source), result, &error);
  busy_changed (self, -1);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (entry == NULL)
    {
      set_message (self, error->message);
      update_actions (self);
      return;
    }
  set_entry (self, entry);
  replace_row (self, entry);
}

static void
load_detail (HcListsPane *self,
             gint64       id)
{
  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  self->detail_cancellable = g_cancellable_new ();
  busy_changed (self, 1);
  update_actions (self);
  hc_client_get_list_entry_async (hc_pane_get_client (HC_PANE (self)), id, self->detail_cancellable,
                                  detail_cb, g_object_ref (self));
}

static void
selection_changed (HcListsPane *self)
{
  HcListEntry *row = gtk_single_selection_get_selected_item (self->selection);

  if (self->updating)
    return;
  set_message (self, NULL);
  if (row == NULL)
    {
      g_cancellable_cancel (self->detail_cancellable);
      set_entry (self, NULL);
      return;
    }
  /* A row taken from an entry's own answer has its history and ETag. */
  if (hc_list_entry_get_history (row) != NULL && hc_list_entry_get_etag (row) != NULL)
    {
      set_entry (self, row);
      return;
    }
  load_detail (self, hc_list_entry_get_id (row));
}

/* Transitions */

static void
transition_started (HcListsPane *self)
{
  g_cancellable_cancel (self->detail_cancellable);
  busy_changed (self, 1);
}

static void
transition_failed (HcListsPane  *self,
                   const GError *error)
{
  busy_changed (self, -1);
  if (g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED))
    {
      set_message (self, _("The entry was changed by someone else; it has been reloaded."));
      if (self->entry != NULL)
        load_detail (self, hc_list_entry_get_id (self->entry));
    }
  else
    set_message (self, error->message);
  update_actions (self);
}

static void
transition_done (HcListsPane *self,
                 HcListEntry *entry)
{
  busy_changed (self, -1);
  set_message (self, NULL);
  if (self->entry == NULL || hc_list_entry_get_id (self->entry) == hc_list_entry_get_id (entry))
    set_entry (self, entry);
  else
    update_actions (self);
  replace_row (self, entry);
}

/* A proposed entry: shown in its list, selected. */
static void
entry_proposed (HcListsPane *self,
                HcListEntry *entry)
{
  g_set_object (&self->entry, entry);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENTRY]);
  if (!hc_lists_pane_select_list_type (self, hc_list_entry_get_list_type (entry)) ||
      gtk_drop_down_get_selected_item (self->type_dropdown) == NULL)
    return;
  /* A reload keeps self->entry selected when it is in the first page. */
  load_entries (self, FALSE);
  set_entry (self, entry);
}

static void
new_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  HcListsPane *self = HC_LISTS_PANE (widget);
  HcClient *client = hc_pane_get_client (HC_PANE (self));
  g_autofree char *type = selected_type_key (self);
  HcListEntryDialog *dialog;

  if (client == NULL || self->types == NULL)
    return;
  dialog = hc_list_entry_dialog_new (client, self->types, type);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "proposed", G_CALLBACK (entry_proposed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  load_entries (HC_LISTS_PANE (widget), TRUE);
}

/* The search entry is always shown, above the list. */
static void
hc_lists_pane_search (HcPane *pane)
{
  gtk_widget_grab_focus (HC_LISTS_PANE (pane)->search_entry);
}

/* The window's refresh button also reloads the view shown when it is not
 * the entries (the views load themselves when first shown). */
static void
hc_lists_pane_refresh (HcPane *pane)
{
  HcListsPane *self = HC_LISTS_PANE (pane);

  hc_pane_reload (pane);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "match") == 0)
    hc_match_view_reload (self->match_view);
  else if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "repairs") == 0)
    hc_repairs_view_reload (self->repairs_view);
}

/* The pane's listings: a match run's hits and its unreadable rows. */
static char *
hc_lists_pane_export_path (HcPane  *pane,
                           char   **file_name)
{
  HcListsPane *self = HC_LISTS_PANE (pane);
  const char *listing = hc_pane_get_export_listing (pane);

  if (g_strcmp0 (listing, "match-hits") == 0 || g_strcmp0 (listing, "match-invalid") == 0)
    return hc_match_view_export_path (self->match_view, listing, file_name);
  return NULL;
}

static void
client_changed (HcListsPane *self)
{
  hc_match_view_set_client (self->match_view, hc_pane_get_client (HC_PANE (self)));
  hc_repairs_view_set_client (self->repairs_view, hc_pane_get_client (HC_PANE (self)));
  hc_list_feedback_view_set_client (self->feedback_view, hc_pane_get_client (HC_PANE (self)));
}

/* The feedback popover follows the list type chosen. */
static void
type_changed (HcListsPane *self)
{
  HcListType *type = gtk_drop_down_get_selected_item (self->type_dropdown);

  hc_list_feedback_view_set_list_type (self->feedback_view, type ? hc_list_type_get_key (type) : NULL,
                                       type ? hc_list_type_get_name (type) : NULL);
}

/* Leaving the pane cancels its requests (HcPane) and the entry's. */
static void
hc_lists_pane_unmap (GtkWidget *widget)
{
  HcListsPane *self = HC_LISTS_PANE (widget);

  g_cancellable_cancel (self->detail_cancellable);
  GTK_WIDGET_CLASS (hc_lists_pane_parent_class)->unmap (widget);
}

static void
hc_lists_pane_dispose (GObject *object)
{
  HcListsPane *self = HC_LISTS_PANE (object);

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  g_clear_object (&self->types);
  g_clear_object (&self->entry);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->next_cursor, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_LISTS_PANE);

  G_OBJECT_CLASS (hc_lists_pane_parent_class)->dispose (object);
}

static void
hc_lists_pane_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HcListsPane *self = HC_LISTS_PANE (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, hc_lists_pane_get_entry (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_lists_pane_class_init (HcListsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HcPaneClass *pane_class = HC_PANE_CLASS (klass);

  object_class->dispose = hc_lists_pane_dispose;
  object_class->get_property = hc_lists_pane_get_property;
  widget_class->unmap = hc_lists_pane_unmap;
  pane_class->reload = hc_lists_pane_reload;
  pane_class->search = hc_lists_pane_search;
  pane_class->refresh = hc_lists_pane_refresh;
  pane_class->export_path = hc_lists_pane_export_path;

  properties [PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, HC_TYPE_LIST_ENTRY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "lists.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "lists.new-entry", NULL, new_entry_action);

  g_type_ensure (HC_TYPE_LIST_ACTIONS);
  g_type_ensure (HC_TYPE_MATCH_VIEW);
  g_type_ensure (HC_TYPE_REPAIRS_VIEW);
  g_type_ensure (HC_TYPE_LIST_FEEDBACK_VIEW);
  g_type_ensure (HC_TYPE_LIST_TYPE);
  g_type_ensure (HC_TYPE_LIST_ENTRY);
  g_type_ensure (HC_TYPE_LIST_ENTRY_EVENT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-lists-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, match_view);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, repairs_view);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, feedback_view);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, total_label);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, selection);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, more_button);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, message_label);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, standing_label);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, published_label);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, measures_label);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, actions);
  gtk_widget_class_bind_template_child (widget_class, HcListsPane, history_view);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, entries_edge_reached);
  gtk_widget_class_bind_template_callback (widget_class, transition_started);
  gtk_widget_class_bind_template_callback (widget_class, transition_failed);
  gtk_widget_class_bind_template_callback (widget_class, transition_done);
}

static void
hc_lists_pane_init (HcListsPane *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  const HcRegion *all;
  guint n_regions = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->total = -1;
  self->entries = g_list_store_new (HC_TYPE_LIST_ENTRY);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->entries));

  gtk_string_list_append (states, _("All states"));
  for (guint i = 0; i < HC_LIST_ENTRY_STATE_N; i++)
    gtk_string_list_append (states, hc_list_entry_state_label (i));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));

  gtk_string_list_append (regions, _("All cities and counties"));
  all = hc_regions_get_all (&n_regions);
  for (guint i = 0; i < n_regions; i++)
    gtk_string_list_append (regions, all[i].name);
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (regions));

  g_signal_connect_object (self->type_dropdown, "notify::selected", G_CALLBACK (filters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->type_dropdown, "notify::selected-item", G_CALLBACK (type_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state_dropdown, "notify::selected", G_CALLBACK (filters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_dropdown, "notify::selected", G_CALLBACK (filters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (filters_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self, "notify::client", G_CALLBACK (client_changed), self, G_CONNECT_SWAPPED);

  update_total (self);
  update_actions (self);
}

/**
 * hc_lists_pane_get_entry:
 * Returns: (transfer none) (nullable): the entry shown beside the list,
 *   with its history and ETag
 */
HcListEntry *
hc_lists_pane_get_entry (HcListsPane *self)
{
  g_return_val_if_fail (HC_IS_LISTS_PANE (self), NULL);
  return self->entry;
}

/* Returns: (transfer none): the rows loaded so far, of #HcListEntry */
GListModel *
hc_lists_pane_get_entries (HcListsPane *self)
{
  g_return_val_if_fail (HC_IS_LISTS_PANE (self), NULL);
  return G_LIST_MODEL (self->entries);
}

/* Returns: how many entries match the filters in all, -1 before a page came */
gint64
hc_lists_pane_get_total (HcListsPane *self)
{
  g_return_val_if_fail (HC_IS_LISTS_PANE (self), -1);
  return self->total;
}

/* Returns: whether the pane waits for the server */
gboolean
hc_lists_pane_get_busy (HcListsPane *self)
{
  g_return_val_if_fail (HC_IS_LISTS_PANE (self), FALSE);
  return self->busy > 0;
}

/* Returns: (nullable): what the pane says about the last action */
const char *
hc_lists_pane_get_message (HcListsPane *self)
{
  g_return_val_if_fail (HC_IS_LISTS_PANE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label))
         ? gtk_label_get_label (self->message_label) : NULL;
}

/* Shows the list type @key, as choosing it in the switcher does. */
gboolean
hc_lists_pane_select_list_type (HcListsPane *self,
                                const char  *key)
{
  g_return_val_if_fail (HC_IS_LISTS_PANE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; self->types != NULL && i < g_list_model_get_n_items (self->types); i++)
    {
      g_autoptr(HcListType) type = g_list_model_get_item (self->types, i);

      if (g_strcmp0 (hc_list_type_get_key (type), key) == 0)
        {
          gtk_drop_down_set_selected (self->type_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Selects the loaded row of entry @id, as a click on it does. */
gboolean
hc_lists_pane_select_entry (HcListsPane *self,
                            gint64       id)
{
  guint position;

  g_return_val_if_fail (HC_IS_LISTS_PANE (self), FALSE);

  if (!find_position (self, id, &position))
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the button of @action beside the entry */
GtkWidget *
hc_lists_pane_get_action_button (HcListsPane *self,
                                 const char  *action)
{
  HcListAction a;

  g_return_val_if_fail (HC_IS_LISTS_PANE (self), NULL);

  return action && hc_list_action_from_key (action, &a) ? hc_list_actions_get_button (self->actions, a) : NULL;
}

/* Returns: (nullable): what the pane says of the entry's standing (异议中, deadlines) */
const char *
hc_lists_pane_get_standing (HcListsPane *self)
{
  g_return_val_if_fail (HC_IS_LISTS_PANE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->standing_label))
         ? gtk_label_get_label (self->standing_label) : NULL;
}

/* Shows the view @name ("entries", "match", "repairs"), as the view
 * switcher does. */
void
hc_lists_pane_show_view (HcListsPane *self,
                         const char  *name)
{
  g_return_if_fail (HC_IS_LISTS_PANE (self));
  g_return_if_fail (name != NULL);
  adw_view_stack_set_visible_child_name (self->stack, name);
}

/* Returns: (transfer none): the batch-matching view */
HcMatchView *
hc_lists_pane_get_match_view (HcListsPane *self)
{
  g_return_val_if_fail (HC_IS_LISTS_PANE (self), NULL);
  return self->match_view;
}

/* Returns: (transfer none): the 信用修复 view */
HcRepairsView *
hc_lists_pane_get_repairs_view (HcListsPane *self)
{
  g_return_val_if_fail (HC_IS_LISTS_PANE (self), NULL);
  return self->repairs_view;
}

/* Returns: (transfer none): the list type's feedback over time (in the
 *   Feedback popover) */
HcListFeedbackView *
hc_lists_pane_get_feedback_view (HcListsPane *self)
{
  g_return_val_if_fail (HC_IS_LISTS_PANE (self), NULL);
  return self->feedback_view;
}
