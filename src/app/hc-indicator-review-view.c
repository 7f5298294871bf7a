/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorReviewView: the review queue of 表1, a page of the indicators
 * pane. Everything awaiting review across indicators, 市县 and years, oldest
 * submission first — indicator, 市县 or 全省, year, value, evidence,
 * submitter, submitted at — for a supervisor to work down, approving each
 * or returning it with a comment (HcIndicatorReturnDialog). The submitter
 * sees the values returned to them with the reviewer's comment ("Returned
 * to me"). A row opens its indicator and year in the dashboard
 * (::open-indicator). */
#define G_LOG_DOMAIN "hc-indicator-review-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-enums.h"
#include "hc-indicator-return-dialog.h"
#include "hc-indicator-review-view.h"

struct _HcIndicatorReviewView
{
  GtkWidget           parent_instance;

  /* template children */
  GtkDropDown        *filter_dropdown;
  GtkLabel           *total_label;
  GtkStack           *list_stack;
  AdwStatusPage      *empty_page;
  GtkSingleSelection *selection;
  GtkLabel           *message_label;
  GtkWidget          *open_button;
  GtkWidget          *approve_button;
  GtkWidget          *return_button;

  /* a window of its own: destroyed in dispose */
  HcIndicatorReturnDialog *return_dialog;

  /* state */
  gboolean            loaded;
  gboolean            filter_chosen;   /* by the user: the role no longer picks it */
  gboolean            updating;
  gboolean            updating_filter_from_role;
  gboolean            busy;

  /* owned objects */
  HcClient           *client;
  GListModel         *items;
  HcIndicatorReview  *reviewing;       /* the value the return dialog is about */
  GCancellable       *cancellable;
  GCancellable       *write_cancellable;
};

G_DEFINE_FINAL_TYPE (HcIndicatorReviewView, hc_indicator_review_view, GTK_TYPE_WIDGET)

enum { OPEN_INDICATOR, REVIEWED, N_SIGNALS };

static guint signals [N_SIGNALS];

/* The filters, in the order of the dropdown. */
static const struct { const char *key; const char *state; gboolean mine; } filters[] = {
  { "submitted",     "submitted", FALSE },
  { "returned-mine", "returned",  TRUE },
  { "returned",      "returned",  FALSE },
};

static gboolean
is_reviewer (HcIndicatorReviewView *self)
{
  HcRole role;

  return self->client != NULL && hc_role_from_key (hc_client_get_role (self->client), &role) &&
         hc_role_at_least (role, HC_ROLE_SUPERVISOR);
}

static HcIndicatorReview *
selected (HcIndicatorReviewView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
set_message (HcIndicatorReviewView *self,
             const char            *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update_actions (HcIndicatorReviewView *self)
{
  HcIndicatorReview *row = selected (self);
  gboolean submitted = row != NULL && g_strcmp0 (hc_indicator_review_get_state (row), "submitted") == 0;
  gboolean reviewer = is_reviewer (self);
  const char *why_not = NULL;

  if (row == NULL)
    why_not = _("Select a value in the list.");
  else if (!submitted)
    why_not = _("This value was returned: the analyst corrects and submits it again.");
  else if (hc_indicator_review_get_own (row))
    why_not = _("You submitted this value: another supervisor reviews it.");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.approve", reviewer && why_not == NULL && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.return", reviewer && why_not == NULL && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reviews.open", row != NULL);
  gtk_widget_set_visible (self->approve_button, reviewer);
  gtk_widget_set_visible (self->return_button, reviewer);
  gtk_widget_set_tooltip_text (self->approve_button, why_not);
  gtk_widget_set_tooltip_text (self->return_button, why_not);
}

static void
set_busy (HcIndicatorReviewView *self,
          gboolean               busy)
{
  self->busy = busy;
  hc_indicator_return_dialog_set_busy (self->return_dialog, busy);
  update_actions (self);
}

static guint
filter_index (HcIndicatorReviewView *self)
{
  guint i = gtk_drop_down_get_selected (self->filter_dropdown);

  return i < G_N_ELEMENTS (filters) ? i : 0;
}

static void
show_items (HcIndicatorReviewView *self)
{
  guint n = self->items ? g_list_model_get_n_items (self->items) : 0;
  const char *key = filters[filter_index (self)].key;
  g_autofree char *total = NULL;

  /* Translators: how many values the review queue lists */
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u value", "%u values", n), n);
  gtk_label_set_label (self->total_label, total);
  if (g_str_equal (key, "submitted"))
    adw_status_page_set_description (self->empty_page, _("No reported value awaits review."));
  else if (g_str_equal (key, "returned-mine"))
    adw_status_page_set_description (self->empty_page, _("None of your values was returned."));
  else
    adw_status_page_set_description (self->empty_page, _("No value was returned to its analyst."));
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcIndicatorReviewView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;

  items = hc_client_list_indicator_reviews_finish (HC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->updating = FALSE;
  if (items == NULL)
    {
      set_message (self, error->message);
      update_actions (self);
      return;
    }
  self->loaded = TRUE;
  g_set_object (&self->items, items);
  gtk_single_selection_set_model (self->selection, items);
  show_items (self);
  update_actions (self);
}

/**
 * hc_indicator_review_view_reload:
 *
 * Lists the values of the filter chosen again.
 */
void
hc_indicator_review_view_reload (HcIndicatorReviewView *self)
{
  guint i;

  g_return_if_fail (HC_IS_INDICATOR_REVIEW_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client == NULL)
    return;
  i = filter_index (self);
  self->cancellable = g_cancellable_new ();
  self->updating = TRUE;
  hc_client_list_indicator_reviews_async (self->client, filters[i].state, filters[i].mine, self->cancellable,
                                          list_cb, g_object_ref (self));
}

static void
filter_changed_cb (HcIndicatorReviewView *self)
{
  if (self->updating_filter_from_role)
    return;
  self->filter_chosen = TRUE;
  set_message (self, NULL);
  hc_indicator_review_view_reload (self);
}

/* A supervisor opens on what awaits review, an analyst on what came back. */
static void
role_changed (HcIndicatorReviewView *self)
{
  if (!self->filter_chosen && self->client != NULL && hc_client_get_role (self->client) != NULL)
    {
      guint want = is_reviewer (self) ? 0 : 1;

      if (gtk_drop_down_get_selected (self->filter_dropdown) != want)
        {
          self->updating_filter_from_role = TRUE;
          gtk_drop_down_set_selected (self->filter_dropdown, want);
          self->updating_filter_from_role = FALSE;
          if (self->loaded || gtk_widget_get_mapped (GTK_WIDGET (self)))
            hc_indicator_review_view_reload (self);
        }
    }
  update_actions (self);
}

/* Reviews */

static void
review_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcIndicatorReviewView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  etag = hc_client_review_indicator_value_finish (HC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (etag == NULL)
    {
      if (g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED))
        {
          hc_indicator_return_dialog_close (self->return_dialog);
          set_message (self, _("Someone changed this value meanwhile. The list has been reloaded: check it and try again."));
          hc_indicator_review_view_reload (self);
        }
      else if (gtk_widget_get_visible (GTK_WIDGET (self->return_dialog)))
        hc_indicator_return_dialog_show_error (self->return_dialog, error->message);
      else
        set_message (self, error->message);
      return;
    }
  hc_indicator_return_dialog_close (self->return_dialog);
  set_message (self, NULL);
  g_clear_object (&self->reviewing);
  g_signal_emit (self, signals [REVIEWED], 0);
  hc_indicator_review_view_reload (self);
}

static void
review (HcIndicatorReviewView *self,
        HcIndicatorReview     *row,
        gboolean               approve,
        const char            *comment)
{
  set_busy (self, TRUE);
  g_cancellable_cancel (self->write_cancellable);
  g_clear_object (&self->write_cancellable);
  self->write_cancellable = g_cancellable_new ();
  hc_client_review_indicator_value_async (self->client, hc_indicator_review_get_indicator (row),
                                          hc_indicator_review_get_year (row), hc_indicator_review_get_region (row),
                                          hc_indicator_review_get_etag (row), approve, comment,
                                          self->write_cancellable, review_cb, g_object_ref (self));
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HcIndicatorReviewView *self = HC_INDICATOR_REVIEW_VIEW (widget);
  HcIndicatorReview *row = selected (self);

  if (row == NULL || self->busy || self->client == NULL)
    return;
  review (self, row, TRUE, NULL);
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcIndicatorReviewView *self = HC_INDICATOR_REVIEW_VIEW (widget);
  HcIndicatorReview *row = selected (self);

  if (row == NULL || self->busy)
    return;
  g_set_object (&self->reviewing, row);
  hc_indicator_return_dialog_fill (self->return_dialog, NULL);
  hc_indicator_return_dialog_show_error (self->return_dialog, NULL);
  hc_indicator_return_dialog_open (self->return_dialog, GTK_WINDOW (gtk_widget_get_root (widget)));
}

/* The return dialog's Return, with a comment. */
static void
return_send (HcIndicatorReviewView *self,
             const char            *comment)
{
  if (self->busy || self->reviewing == NULL || self->client == NULL)
    return;
  review (self, self->reviewing, FALSE, comment);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HcIndicatorReviewView *self = HC_INDICATOR_REVIEW_VIEW (widget);
  HcIndicatorReview *row = selected (self);

  if (row != NULL)
    g_signal_emit (self, signals [OPEN_INDICATOR], 0, hc_indicator_review_get_indicator (row),
                   hc_indicator_review_get_year (row));
}

static void
row_activated_cb (HcIndicatorReviewView *self,
                  guint                  position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "reviews.open", NULL);
}

/* The object */

static void
hc_indicator_review_view_map (GtkWidget *widget)
{
  HcIndicatorReviewView *self = HC_INDICATOR_REVIEW_VIEW (widget);

  GTK_WIDGET_CLASS (hc_indicator_review_view_parent_class)->map (widget);
  if (!self->loaded)
    hc_indicator_review_view_reload (self);
}

static void
hc_indicator_review_view_dispose (GObject *object)
{
  HcIndicatorReviewView *self = HC_INDICATOR_REVIEW_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->write_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->write_cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->items);
  g_clear_object (&self->reviewing);
  if (self->return_dialog != NULL)
    {
      gtk_window_set_focus (GTK_WINDOW (self->return_dialog), NULL);
      gtk_window_destroy (GTK_WINDOW (self->return_dialog));
      self->return_dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_INDICATOR_REVIEW_VIEW);

  G_OBJECT_CLASS (hc_indicator_review_view_parent_class)->dispose (object);
}

static void
hc_indicator_review_view_class_init (HcIndicatorReviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_indicator_review_view_dispose;
  widget_class->map = hc_indicator_review_view_map;

  /**
   * HcIndicatorReviewView::open-indicator:
   * @key: the indicator
   * @year: the year
   *
   * The user asked to see a listed value's indicator in the dashboard.
   */
  signals [OPEN_INDICATOR] =
    g_signal_new ("open-indicator", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);
  /**
   * HcIndicatorReviewView::reviewed:
   *
   * A value was approved or returned: the dashboard's statuses changed.
   */
  signals [REVIEWED] =
    g_signal_new ("reviewed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "reviews.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "reviews.return", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "reviews.open", NULL, open_action);

  g_type_ensure (HC_TYPE_INDICATOR_REVIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-indicator-review-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorReviewView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorReviewView, total_label);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorReviewView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorReviewView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorReviewView, selection);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorReviewView, message_label);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorReviewView, open_button);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorReviewView, approve_button);
  gtk_widget_class_bind_template_child (widget_class, HcIndicatorReviewView, return_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_actions);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
hc_indicator_review_view_init (HcIndicatorReviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->return_dialog = hc_indicator_return_dialog_new ();
  g_signal_connect_object (self->return_dialog, "send", G_CALLBACK (return_send), self, G_CONNECT_SWAPPED);
  show_items (self);
  update_actions (self);
}

void
hc_indicator_review_view_set_client (HcIndicatorReviewView *self,
                                     HcClient              *client)
{
  g_return_if_fail (HC_IS_INDICATOR_REVIEW_VIEW (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, role_changed, self);
  if (!g_set_object (&self->client, client))
    return;
  self->loaded = FALSE;
  self->filter_chosen = FALSE;
  if (client != NULL)
    g_signal_connect_object (client, "notify::role", G_CALLBACK (role_changed), self, G_CONNECT_SWAPPED);
  role_changed (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    hc_indicator_review_view_reload (self);
}

/**
 * hc_indicator_review_view_set_filter:
 * @filter: "submitted" (awaiting review), "returned-mine" (returned to the
 *   signed-in user) or "returned" (all returned values)
 *
 * Chooses the filter, as its dropdown does.
 */
gboolean
hc_indicator_review_view_set_filter (HcIndicatorReviewView *self,
                                     const char            *filter)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REVIEW_VIEW (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (g_str_equal (filters[i].key, filter))
      {
        self->filter_chosen = TRUE;
        if (gtk_drop_down_get_selected (self->filter_dropdown) == i)
          hc_indicator_review_view_reload (self);
        else
          gtk_drop_down_set_selected (self->filter_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

const char *
hc_indicator_review_view_get_filter (HcIndicatorReviewView *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REVIEW_VIEW (self), NULL);
  return filters[filter_index (self)].key;
}

/**
 * hc_indicator_review_view_get_items:
 * Returns: (transfer none) (nullable): the values listed (of
 *   HcIndicatorReview), NULL while the list is on its way
 */
GListModel *
hc_indicator_review_view_get_items (HcIndicatorReviewView *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REVIEW_VIEW (self), NULL);
  return self->updating ? NULL : self->items;
}

/* Selects the value of @indicator, @year and @region ("" or NULL for the
 * province), as a click on its row does. */
gboolean
hc_indicator_review_view_select (HcIndicatorReviewView *self,
                                 const char            *indicator,
                                 int                    year,
                                 const char            *region)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REVIEW_VIEW (self), FALSE);

  for (guint i = 0; self->items != NULL && i < g_list_model_get_n_items (self->items); i++)
    {
      g_autoptr(HcIndicatorReview) row = g_list_model_get_item (self->items, i);

      if (g_strcmp0 (hc_indicator_review_get_indicator (row), indicator) == 0 &&
          hc_indicator_review_get_year (row) == year &&
          g_strcmp0 (hc_indicator_review_get_region (row), region ? region : "") == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* TRUE while a review is on its way to the server. */
gboolean
hc_indicator_review_view_get_busy (HcIndicatorReviewView *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REVIEW_VIEW (self), FALSE);
  return self->busy;
}

const char *
hc_indicator_review_view_get_message (HcIndicatorReviewView *self)
{
  g_return_val_if_fail (HC_IS_INDICATOR_REVIEW_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_label (self->message_label) : NULL;
}

/* Test hooks: what a user does in the return dialog. */
void
hc_indicator_review_view_return_dialog_fill (HcIndicatorReviewView *self,
                                             const char            *comment)
{
  g_return_if_fail (HC_IS_INDICATOR_REVIEW_VIEW (self));
  hc_indicator_return_dialog_fill (self->return_dialog, comment);
}

void
hc_indicator_review_view_return_dialog_send (HcIndicatorReviewView *self)
{
  g_return_if_fail (HC_IS_INDICATOR_REVIEW_VIEW (self));
  hc_indicator_return_dialog_send (self->return_dialog);
}
