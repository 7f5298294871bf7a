/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRepairsView: 信用修复 in the lists pane. The queue of cases — kind,
 * subject, applied, deadline, days left, state — filtered to the pending,
 * the overdue or the decided ones, an overdue case marked in red. Beside
 * it the case chosen: what it repairs, the department that decides it
 * (谁认定、谁修复), the commitment, the evidence and its history, with the
 * list entry's own history for a list-entry case. A supervisor approves
 * or rejects (with a reason); the server refuses a user of another
 * department and its message, which names the department, is shown. */
#define G_LOG_DOMAIN "hc-repairs-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-format.h"
#include "hc-list-entry-event.h"
#include "hc-list-reason-dialog.h"
#include "hc-repairs-view.h"

#define PAGE_SIZE 50

struct _HcRepairsView
{
  GtkWidget           parent_instance;

  /* template children */
  GtkDropDown        *filter_dropdown;
  GtkLabel           *message_label;
  GtkLabel           *total_label;
  GtkSingleSelection *selection;
  GtkStack           *detail_stack;
  GtkLabel           *title_label;
  GtkLabel           *overdue_label;
  GtkLabel           *target_label;
  GtkLabel           *department_label;
  GtkLabel           *applied_label;
  GtkLabel           *deadline_label;
  GtkLabel           *commitment_label;
  GtkLabel           *reason_label;
  GtkLabel           *evidence_label;
  GtkLabel           *state_label;
  GtkLabel           *history_label;
  GtkWidget          *entry_history_heading;
  GtkListView        *entry_history_view;

  /* state */
  char               *next_cursor;
  gint64              total;
  guint               busy;
  gboolean            loaded;
  gboolean            listing;
  gboolean            appending;
  gboolean            deciding;
  gboolean            keep_shown;    /* the case just decided stays shown */
  gboolean            updating;

  /* owned objects */
  HcClient           *client;
  GListStore         *cases;
  HcRepair           *repair;        /* the case shown, with its ETag */
  GCancellable       *cancellable;   /* the queue */
  GCancellable       *detail_cancellable;
  GCancellable       *action_cancellable;
};

G_DEFINE_FINAL_TYPE (HcRepairsView, hc_repairs_view, GTK_TYPE_WIDGET)

/* The filters, in the order of the dropdown: a state and whether only
 * overdue cases. */
static const struct { const char *key; const char *state; gboolean overdue; } filters[] = {
  { "all",     NULL,      FALSE },
  { "pending", "pending", FALSE },
  { "overdue", NULL,      TRUE },
  { "decided", "decided", FALSE },
};

static void load_cases (HcRepairsView *self,
                        gboolean       more);

static void
busy_changed (HcRepairsView *self,
              int            delta)
{
  g_assert (delta > 0 || self->busy > 0);
  self->busy += delta;
}

static void
set_message (HcRepairsView *self,
             const char    *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static gboolean
may_decide (HcRepairsView *self)
{
  HcRole role;

  return self->client != NULL && hc_role_from_key (hc_client_get_role (self->client), &role) &&
         hc_role_at_least (role, HC_ROLE_SUPERVISOR);
}

static void
update_actions (HcRepairsView *self)
{
  gboolean pending = self->repair != NULL && g_strcmp0 (hc_repair_get_state (self->repair), "pending") == 0 &&
                     hc_repair_get_etag (self->repair) != NULL;
  gboolean enabled = pending && may_decide (self) && !self->deciding;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "repairs.decide", enabled);
}

static void
update_total (HcRepairsView *self)
{
  g_autofree char *count = hc_format_count (self->total);
  g_autofree char *text = NULL;

  if (self->total >= 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s case", "%s cases", self->total), count);
  gtk_label_set_label (self->total_label, text ? text : "");
}

/* The case shown */

static void
show_case (HcRepairsView *self,
           HcRepair      *repair)
{
  g_autofree char *title = NULL;
  g_autofree char *target = NULL;
  g_autofree char *deadline = NULL;
  g_autoptr(GString) history = g_string_new (NULL);
  const char *kind = repair ? hc_repair_get_kind (repair) : NULL;
  const char *evidence;

  g_set_object (&self->repair, repair);
  if (repair == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      gtk_list_view_set_model (self->entry_history_view, NULL);
      update_actions (self);
      return;
    }

  /* TRANSLATORS: a repair case's heading: its number and the subject */
  title = g_strdup_printf (_("Case %d: %s"), (int) hc_repair_get_id (repair), hc_repair_get_subject_name (repair));
  gtk_label_set_label (self->title_label, title);
  if (g_strcmp0 (kind, "list_entry") == 0)
    {
      HcListEntryState state;
      const char *entry_state = hc_repair_get_entry_state (repair);

      /* TRANSLATORS: what a case repairs: a list entry, its list type and state */
      target = g_strdup_printf (_("List entry %d (%s, %s)"), (int) hc_repair_get_entry_id (repair),
                                hc_repair_get_list_name (repair) ? hc_repair_get_list_name (repair) : "",
                                entry_state && hc_list_entry_state_from_key (entry_state, &state)
                                ? hc_list_entry_state_label (state) : (entry_state ? entry_state : ""));
    }
  else if (hc_repair_get_penalty_id (repair) > 0)
    /* TRANSLATORS: what a case repairs: a penalty record and its number */
    target = g_strdup_printf (_("Penalty record %d: once approved it leaves the 双公示 publicity"),
                              (int) hc_repair_get_penalty_id (repair));
  else
    target = g_strdup (_("Penalty information (no record named)"));
  gtk_label_set_label (self->target_label, target);
  gtk_label_set_label (self->department_label,
                       hc_repair_get_department_name (repair) ? hc_repair_get_department_name (repair) : "—");
  gtk_label_set_label (self->applied_label, hc_repair_get_applied_on (repair));
  /* TRANSLATORS: a case's deadline, the rule that set it (kept from the
   * case's creation), and the days left */
  deadline = g_strdup_printf (_("%s (%s; %s)"), hc_repair_get_deadline (repair),
                              hc_repair_get_deadline_rule_label (repair), hc_repair_get_days_left_label (repair));
  gtk_label_set_label (self->deadline_label, deadline);
  gtk_label_set_label (self->commitment_label, hc_repair_get_commitment (repair)
                       ? _("A repair commitment (修复型信用承诺) was given")
                       : _("No repair commitment"));
  gtk_label_set_label (self->reason_label, hc_repair_get_reason (repair));
  evidence = hc_repair_get_evidence (repair);
  gtk_label_set_label (self->evidence_label, evidence && *evidence ? evidence : _("None given"));
  gtk_label_set_label (self->state_label, hc_repair_get_state_label (repair));

  if (hc_repair_get_overdue (repair))
    {
      g_autofree char *overdue = NULL;

      if (g_strcmp0 (hc_repair_get_state (repair), "pending") == 0)
        overdue = g_strdup_printf (_("Overdue: it was to be decided by %s."), hc_repair_get_deadline (repair));
      else
        overdue = g_strdup_printf (_("Decided after its deadline (%s)."), hc_repair_get_deadline (repair));
      gtk_label_set_label (self->overdue_label, overdue);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), hc_repair_get_overdue (repair));

  /* TRANSLATORS: a case's history: applied, when, by whom */
  g_string_append_printf (history, _("%s applied (%s)"), hc_repair_get_applied_on (repair),
                          hc_repair_get_created_by (repair) ? hc_repair_get_created_by (repair) : "");
  if (hc_repair_get_decided_on (repair) != NULL)
    {
      const char *comment = hc_repair_get_decision_comment (repair);

      g_string_append_c (history, '\n');
      /* TRANSLATORS: a case's history: decided, when, the decision, by whom, the comment */
      g_string_append_printf (history, _("%s %s by %s%s%s"), hc_repair_get_decided_on (repair),
                              hc_repair_get_state_label (repair),
                              hc_repair_get_decided_by (repair) ? hc_repair_get_decided_by (repair) : "",
                              comment && *comment ? ": " : "", comment && *comment ? comment : "");
    }
  gtk_label_set_label (self->history_label, history->str);
  gtk_widget_set_visible (self->entry_history_heading, g_strcmp0 (kind, "list_entry") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->entry_history_view), g_strcmp0 (kind, "list_entry") == 0);
  gtk_stack_set_visible_child_name (self->detail_stack, "case");
  update_actions (self);
}

static void
entry_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcRepairsView) self = user_data;
  g_autoptr(HcListEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkNoSelection) model = NULL;

  entry = hc_client_get_list_entry_finish (HC_CLIENT (source), result, &error);
  busy_changed (self, -1);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (entry == NULL)
    {
      set_message (self, error->message);
      return;
    }
  if (hc_list_entry_get_history (entry) != NULL)
    model = gtk_no_selection_new (g_object_ref (hc_list_entry_get_history (entry)));
  gtk_list_view_set_model (self->entry_history_view, GTK_SELECTION_MODEL (model));
}

static void
detail_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcRepairsView) self = user_data;
  g_autoptr(HcRepair) repair = NULL;
  g_autoptr(GError) error = NULL;

  repair = hc_client_get_repair_finish (HC_CLIENT (source), result, &error);
  busy_changed (self, -1);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (repair == NULL)
    {
      set_message (self, error->message);
      return;
    }
  show_case (self, repair);
  if (g_strcmp0 (hc_repair_get_kind (repair), "list_entry") == 0 && hc_repair_get_entry_id (repair) > 0)
    {
      busy_changed (self, 1);
      hc_client_get_list_entry_async (self->client, hc_repair_get_entry_id (repair), self->detail_cancellable,
                                      entry_cb, g_object_ref (self));
    }
}

static void
load_detail (HcRepairsView *self,
             gint64         id)
{
  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  self->detail_cancellable = g_cancellable_new ();
  gtk_list_view_set_model (self->entry_history_view, NULL);
  busy_changed (self, 1);
  hc_client_get_repair_async (self->client, id, self->detail_cancellable, detail_cb, g_object_ref (self));
}

static void
case_selected (HcRepairsView *self)
{
  HcRepair *row = gtk_single_selection_get_selected_item (self->selection);

  if (self->updating)
    return;
  set_message (self, NULL);
  if (row == NULL)
    {
      g_cancellable_cancel (self->detail_cancellable);
      show_case (self, NULL);
      return;
    }
  /* Shown at once from the row; the case's own answer brings its ETag. */
  show_case (self, row);
  load_detail (self, hc_repair_get_id (row));
}

/* The queue */

static gboolean
find_case (HcRepairsView *self,
           gint64         id,
           guint         *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->cases)); i++)
    {
      g_autoptr(HcRepair) row = g_list_model_get_item (G_LIST_MODEL (self->cases), i);

      if (hc_repair_get_id (row) == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
cases_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HcRepairsView) self = user_data;
  g_autoptr(HcPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HcRepair) keep = NULL;
  guint n_old, position;

  page = hc_client_list_repairs_finish (HC_CLIENT (source), result, &error);
  busy_changed (self, -1);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->listing = FALSE;
  if (page == NULL)
    {
      set_message (self, error->message);
      return;
    }
  g_clear_pointer (&self->next_cursor, g_free);
  self->next_cursor = g_strdup (hc_page_get_next_cursor (page));
  self->total = hc_page_get_total (page);
  for (guint i = 0; i < hc_page_get_n_items (page); i++)
    g_ptr_array_add (rows, g_list_model_get_item (hc_page_get_items (page), i));
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->cases));
  if (self->appending)
    g_list_store_splice (self->cases, n_old, 0, rows->pdata, rows->len);
  else
    {
      keep = self->repair ? g_object_ref (self->repair) : NULL;
      self->updating = TRUE;
      g_list_store_splice (self->cases, 0, n_old, rows->pdata, rows->len);
      self->updating = FALSE;
      /* A reload keeps the case shown when it is still in the queue. */
      if (keep != NULL && find_case (self, hc_repair_get_id (keep), &position))
        {
          self->updating = TRUE;
          gtk_single_selection_set_selected (self->selection, position);
          self->updating = FALSE;
        }
      else if (!self->keep_shown)
        show_case (self, NULL);
    }
  self->keep_shown = FALSE;
  update_total (self);
}

static void
load_cases (HcRepairsView *self,
            gboolean       more)
{
  guint i = gtk_drop_down_get_selected (self->filter_dropdown);

  if (self->client == NULL || !hc_client_get_signed_in (self->client))
    return;
  if (i >= G_N_ELEMENTS (filters))
    i = 0;
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
  busy_changed (self, 1);
  hc_client_list_repairs_async (self->client, filters[i].state, filters[i].overdue, more ? self->next_cursor : NULL,
                                PAGE_SIZE, self->cancellable, cases_cb, g_object_ref (self));
}

static void
edge_reached (HcRepairsView   *self,
              GtkPositionType  position)
{
  if (position == GTK_POS_BOTTOM)
    load_cases (self, TRUE);
}

static void
filter_changed (HcRepairsView *self)
{
  load_cases (self, FALSE);
}

/**
 * hc_repairs_view_reload:
 *
 * Asks for the queue again (and the case shown, whose state may have
 * changed).
 */
void
hc_repairs_view_reload (HcRepairsView *self)
{
  g_return_if_fail (HC_IS_REPAIRS_VIEW (self));

  if (self->client == NULL || !hc_client_get_signed_in (self->client))
    return;
  self->loaded = TRUE;
  load_cases (self, FALSE);
  if (self->repair != NULL)
    load_detail (self, hc_repair_get_id (self->repair));
}

/* Deciding */

static void
decided_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcRepairsView) self = user_data;
  g_autoptr(HcRepair) repair = NULL;
  g_autoptr(GError) error = NULL;

  repair = hc_client_decide_repair_finish (HC_CLIENT (source), result, &error);
  busy_changed (self, -1);
  self->deciding = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (repair == NULL)
    {
      if (g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED))
        set_message (self, _("The case was changed by someone else; it has been reloaded."));
      else
        set_message (self, error->message);
      if (self->repair != NULL)
        load_detail (self, hc_repair_get_id (self->repair));
      update_actions (self);
      return;
    }
  set_message (self, NULL);
  show_case (self, repair);
  /* The queue again (a decided case may leave it); the decision stays shown. */
  self->keep_shown = TRUE;
  load_cases (self, FALSE);
  if (g_strcmp0 (hc_repair_get_kind (repair), "list_entry") == 0 && hc_repair_get_entry_id (repair) > 0)
    {
      busy_changed (self, 1);
      hc_client_get_list_entry_async (self->client, hc_repair_get_entry_id (repair), self->detail_cancellable,
                                      entry_cb, g_object_ref (self));
    }
}

static void
send_decision (HcRepairsView *self,
               gboolean       approve,
               const char    *comment)
{
  if (self->repair == NULL || self->deciding || hc_repair_get_etag (self->repair) == NULL)
    return;
  self->deciding = TRUE;
  update_actions (self);
  busy_changed (self, 1);
  hc_client_decide_repair_async (self->client, hc_repair_get_id (self->repair), hc_repair_get_etag (self->repair),
                                 approve, comment, self->action_cancellable, decided_cb, g_object_ref (self));
}

static void
decision_response (HcListReasonDialog *dialog,
                   const char         *response,
                   HcRepairsView      *self)
{
  g_autofree char *comment = hc_list_reason_dialog_get_reason (dialog);

  if (g_strcmp0 (response, "apply") == 0)
    send_decision (self, g_object_get_data (G_OBJECT (dialog), "approve") != NULL, comment);
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcRepairsView *self = HC_REPAIRS_VIEW (widget);
  gboolean approve = g_variant_get_boolean (param);
  HcListReasonDialog *dialog;
  g_autofree char *heading = NULL;

  if (self->repair == NULL || self->deciding)
    return;
  /* TRANSLATORS: the heading of a repair decision: approve or reject, and the subject */
  heading = g_strdup_printf (_("%s: %s"), approve ? _("Approve Repair") : _("Reject Repair"),
                             hc_repair_get_subject_name (self->repair));
  dialog = hc_list_reason_dialog_new_asking (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                             approve
                                             ? _("Approving moves a list entry to 已修复, or takes a penalty record out of publicity. You may add a comment; it is kept with the decision.")
                                             : _("Say why the repair is rejected; the reason is kept with the decision."),
                                             approve ? _("Approve") : _("Reject"), !approve);
  if (approve)
    g_object_set_data (G_OBJECT (dialog), "approve", GINT_TO_POINTER (1));
  g_signal_connect_object (dialog, "response", G_CALLBACK (decision_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The object */

static void
hc_repairs_view_map (GtkWidget *widget)
{
  HcRepairsView *self = HC_REPAIRS_VIEW (widget);

  GTK_WIDGET_CLASS (hc_repairs_view_parent_class)->map (widget);
  if (!self->loaded)
    hc_repairs_view_reload (self);
}

static void
hc_repairs_view_dispose (GObject *object)
{
  HcRepairsView *self = HC_REPAIRS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->detail_cancellable);
  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->detail_cancellable);
  g_clear_object (&self->action_cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->repair);
  g_clear_object (&self->cases);
  g_clear_pointer (&self->next_cursor, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_REPAIRS_VIEW);

  G_OBJECT_CLASS (hc_repairs_view_parent_class)->dispose (object);
}

static void
hc_repairs_view_class_init (HcRepairsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_repairs_view_dispose;
  widget_class->map = hc_repairs_view_map;

  gtk_widget_class_install_action (widget_class, "repairs.decide", "b", decide_action);

  g_type_ensure (HC_TYPE_REPAIR);
  g_type_ensure (HC_TYPE_LIST_ENTRY_EVENT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-repairs-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, message_label);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, total_label);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, selection);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, target_label);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, department_label);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, applied_label);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, commitment_label);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, reason_label);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, state_label);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, history_label);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, entry_history_heading);
  gtk_widget_class_bind_template_child (widget_class, HcRepairsView, entry_history_view);
  gtk_widget_class_bind_template_callback (widget_class, case_selected);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached);
}

static void
hc_repairs_view_init (HcRepairsView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->total = -1;
  self->action_cancellable = g_cancellable_new ();
  self->cases = g_list_store_new (HC_TYPE_REPAIR);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->cases));

  gtk_string_list_append (names, _("All cases"));
  gtk_string_list_append (names, _("Pending"));
  gtk_string_list_append (names, _("Overdue"));
  gtk_string_list_append (names, _("Decided"));
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (names));
  g_signal_connect_object (self->filter_dropdown, "notify::selected", G_CALLBACK (filter_changed), self,
                           G_CONNECT_SWAPPED);
  update_total (self);
  update_actions (self);
}

void
hc_repairs_view_set_client (HcRepairsView *self,
                            HcClient      *client)
{
  g_return_if_fail (HC_IS_REPAIRS_VIEW (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  self->loaded = FALSE;
  update_actions (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    hc_repairs_view_reload (self);
}

/**
 * hc_repairs_view_set_filter:
 * @filter: "all", "pending", "overdue" or "decided"
 *
 * Chooses the filter, as its dropdown does.
 */
gboolean
hc_repairs_view_set_filter (HcRepairsView *self,
                            const char    *filter)
{
  g_return_val_if_fail (HC_IS_REPAIRS_VIEW (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (g_strcmp0 (filters[i].key, filter) == 0)
      {
        if (gtk_drop_down_get_selected (self->filter_dropdown) == i)
          load_cases (self, FALSE);
        else
          gtk_drop_down_set_selected (self->filter_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

/* Selects the loaded case @id, as a click on it does. */
gboolean
hc_repairs_view_select_case (HcRepairsView *self,
                             gint64         id)
{
  guint position;

  g_return_val_if_fail (HC_IS_REPAIRS_VIEW (self), FALSE);

  if (!find_case (self, id, &position))
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

gboolean
hc_repairs_view_get_busy (HcRepairsView *self)
{
  g_return_val_if_fail (HC_IS_REPAIRS_VIEW (self), FALSE);
  return self->busy > 0;
}

/* Returns: (nullable): what the view says about the last action (a refusal) */
const char *
hc_repairs_view_get_message (HcRepairsView *self)
{
  g_return_val_if_fail (HC_IS_REPAIRS_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label))
         ? gtk_label_get_label (self->message_label) : NULL;
}

/* Returns: (transfer none): the cases loaded, of #HcRepair */
GListModel *
hc_repairs_view_get_cases (HcRepairsView *self)
{
  g_return_val_if_fail (HC_IS_REPAIRS_VIEW (self), NULL);
  return G_LIST_MODEL (self->cases);
}

gint64
hc_repairs_view_get_total (HcRepairsView *self)
{
  g_return_val_if_fail (HC_IS_REPAIRS_VIEW (self), -1);
  return self->total;
}

/* Returns: (transfer none) (nullable): the case shown */
HcRepair *
hc_repairs_view_get_case (HcRepairsView *self)
{
  g_return_val_if_fail (HC_IS_REPAIRS_VIEW (self), NULL);
  return self->repair;
}

/**
 * hc_repairs_view_get_detail:
 * @field: "target", "department", "deadline", "commitment", "evidence",
 *   "overdue" or "history"
 *
 * Returns: (nullable): what the case's detail shows there (%NULL for a
 *   hidden line)
 */
const char *
hc_repairs_view_get_detail (HcRepairsView *self,
                            const char    *field)
{
  GtkLabel *label = NULL;

  g_return_val_if_fail (HC_IS_REPAIRS_VIEW (self), NULL);

  if (g_strcmp0 (field, "target") == 0)
    label = self->target_label;
  else if (g_strcmp0 (field, "department") == 0)
    label = self->department_label;
  else if (g_strcmp0 (field, "deadline") == 0)
    label = self->deadline_label;
  else if (g_strcmp0 (field, "commitment") == 0)
    label = self->commitment_label;
  else if (g_strcmp0 (field, "evidence") == 0)
    label = self->evidence_label;
  else if (g_strcmp0 (field, "overdue") == 0)
    label = self->overdue_label;
  else if (g_strcmp0 (field, "history") == 0)
    label = self->history_label;
  return label != NULL && gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}
