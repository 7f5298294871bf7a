/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRecordTable: a page of records of one kind in a column view whose
 * column titles are the kind's own, with Previous/Next over the server's
 * keyset pages (the cursors of the pages seen are kept to go back). */
#define G_LOG_DOMAIN "hc-record-table"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-format.h"
#include "hc-record-table.h"

#define DEFAULT_PAGE_SIZE 50

struct _HcRecordTable
{
  GtkWidget            parent_instance;

  GtkStack            *stack;
  GtkLabel            *message_label;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *subject_column;
  GtkColumnViewColumn *region_column;
  GtkColumnViewColumn *department_column;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *until_column;
  GtkColumnViewColumn *state_column;
  GtkColumnViewColumn *detail_column;
  GtkLabel            *page_label;

  HcClient            *client;
  GCancellable        *cancellable;
  char                *identifier;   /* the subject's, or NULL for 双公示 */
  char                *kind;
  HcPublicityQuery     publicity;    /* its strings owned, when identifier is NULL */
  GListStore          *rows;
  GPtrArray           *cursors;      /* the cursor of each page seen; [0] is NULL */
  char                *next_cursor;
  guint                page;
  guint                page_size;
  gint64               total;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (HcRecordTable, hc_record_table, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CLIENT, PROP_LOADING, PROP_TOTAL, PROP_SELECTED, N_PROPS };

static GParamSpec *properties [N_PROPS];

/* The column titles of each kind: number, title, department, date, until,
 * state, detail (NULL hides the column). */
static const struct {
  const char *kind;
  const char *title;
  const char *columns[7];
} kinds[] = {
  { "penalty", N_("Administrative Penalties"),
    { N_("Decision number"), N_("Penalty type"), N_("Penalised by"), N_("Decided on"), N_("Publicity until"),
      N_("State"), N_("Amount") } },
  { "license", N_("Administrative Licences"),
    { N_("Licence number"), N_("Licence"), N_("Licensed by"), N_("Decided on"), N_("Valid until"),
      N_("State"), N_("Catalog item") } },
  { "commitment", N_("Credit Commitments"),
    { N_("Commitment number"), N_("Matter"), N_("Accepted by"), N_("Committed on"), N_("Checked on"),
      N_("Fulfilment"), N_("Note") } },
  { "list_entry", N_("List Entries"),
    { N_("Entry"), N_("List"), N_("Designated by"), N_("Decided on"), N_("Published until"),
      N_("State"), N_("Basis") } },
  { "repair", N_("Credit Repairs"),
    { N_("Case"), N_("Repair of"), N_("Decided by"), N_("Applied on"), N_("Deadline"),
      N_("State"), N_("Reason") } },
  { "match_hit", N_("Match Hits"),
    { N_("Match run"), N_("List"), N_("Run by"), N_("Run at"), NULL,
      N_("List class"), N_("Purpose") } },
  { "inspection", N_("Inspections Found Wanting"),
    { N_("Inspection number"), N_("Inspection plan"), N_("Inspecting department"), N_("Recorded on"), NULL,
      N_("Inspection result"), N_("Findings") } },
};

static gint
kind_index (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].kind) == 0)
      return (gint) i;
  return -1;
}

/* Returns: the translated title of a section of the file, as its tab says */
const char *
hc_record_table_kind_title (const char *kind)
{
  gint i = kind_index (kind);

  return i >= 0 ? _(kinds[i].title) : kind;
}

static void
set_loading (HcRecordTable *self,
             gboolean       loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
update_pager (HcRecordTable *self)
{
  g_autofree char *text = NULL;
  g_autofree char *total = hc_format_count (MAX (self->total, 0));
  guint pages = self->total > 0 ? (guint) ((self->total + self->page_size - 1) / self->page_size) : 1;

  /* Translators: the page shown of how many, then the records in all: "page 1 / 3 · 120 in all" */
  text = g_strdup_printf (_("Page %u / %u · %s in all"), self->page + 1, pages, total);
  gtk_label_set_text (self->page_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.previous", !self->loading && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.next", !self->loading && self->next_cursor != NULL);
}

static void show_page (HcRecordTable *self,
                       HcPage        *page);

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcRecordTable) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcPage) page = NULL;

  if (self->identifier != NULL)
    page = hc_client_list_records_finish (HC_CLIENT (source), result, &error);
  else
    page = hc_client_list_publicity_finish (HC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (page == NULL)
    {
      gtk_label_set_text (self->message_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "message");
      update_pager (self);
      return;
    }
  show_page (self, page);
}

static void
show_page (HcRecordTable *self,
           HcPage        *page)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (hc_page_get_total (page) >= 0)
    {
      self->total = hc_page_get_total (page);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL]);
    }
  g_free (self->next_cursor);
  self->next_cursor = g_strdup (hc_page_get_next_cursor (page));
  for (guint i = 0; i < hc_page_get_n_items (page); i++)
    g_ptr_array_add (items, g_list_model_get_item (hc_page_get_items (page), i));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), items->pdata, items->len);
  if (items->len == 0)
    {
      gtk_label_set_text (self->message_label, _("None"));
      gtk_stack_set_visible_child_name (self->stack, "message");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "rows");
  update_pager (self);
}

static void
fetch (HcRecordTable *self)
{
  const char *cursor = self->page < self->cursors->len ? g_ptr_array_index (self->cursors, self->page) : NULL;

  if (self->client == NULL || self->kind == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  update_pager (self);
  if (self->identifier != NULL)
    hc_client_list_records_async (self->client, self->identifier, self->kind, cursor, self->page_size,
                                  self->page == 0, self->cancellable, page_cb, g_object_ref (self));
  else
    hc_client_list_publicity_async (self->client, &self->publicity, cursor, self->page_size, self->page == 0,
                                    self->cancellable, page_cb, g_object_ref (self));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  HcRecordTable *self = HC_RECORD_TABLE (widget);

  if (self->page == 0 || self->loading)
    return;
  self->page--;
  fetch (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HcRecordTable *self = HC_RECORD_TABLE (widget);

  if (self->next_cursor == NULL || self->loading)
    return;
  self->page++;
  g_ptr_array_set_size (self->cursors, self->page);
  g_ptr_array_add (self->cursors, g_strdup (self->next_cursor));
  fetch (self);
}

static void
selection_changed (HcRecordTable *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED]);
}

static void
clear_publicity (HcRecordTable *self)
{
  g_clear_pointer ((char **) &self->publicity.kind, g_free);
  g_clear_pointer ((char **) &self->publicity.region, g_free);
  g_clear_pointer ((char **) &self->publicity.from, g_free);
  g_clear_pointer ((char **) &self->publicity.to, g_free);
  self->publicity.department = 0;
}

static void
set_titles (HcRecordTable *self,
            gboolean       publicity)
{
  GtkColumnViewColumn *columns[] = {
    self->number_column, self->title_column, self->department_column, self->date_column,
    self->until_column, self->state_column, self->detail_column,
  };
  gint k = kind_index (self->kind);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *title = k >= 0 ? kinds[k].columns[i] : NULL;

      gtk_column_view_column_set_visible (columns[i], title != NULL);
      gtk_column_view_column_set_title (columns[i], title ? _(title) : "");
    }
  gtk_column_view_column_set_visible (self->subject_column, publicity);
  gtk_column_view_column_set_visible (self->region_column, publicity);
}

static void
restart (HcRecordTable *self)
{
  self->page = 0;
  self->total = -1;
  g_ptr_array_set_size (self->cursors, 0);
  g_ptr_array_add (self->cursors, NULL);
  g_clear_pointer (&self->next_cursor, g_free);
  g_list_store_remove_all (self->rows);
  fetch (self);
}

static void
set_subject (HcRecordTable *self,
             const char    *identifier,
             const char    *kind)
{
  clear_publicity (self);
  g_free (self->identifier);
  self->identifier = g_strdup (identifier);
  g_free (self->kind);
  self->kind = g_strdup (kind);
  set_titles (self, FALSE);
}

/* Shows the records of @kind of the subject with @identifier, from the
 * first page. */
void
hc_record_table_show_subject (HcRecordTable *self,
                              const char    *identifier,
                              const char    *kind)
{
  g_return_if_fail (HC_IS_RECORD_TABLE (self));
  g_return_if_fail (identifier != NULL && kind != NULL);

  set_subject (self, identifier, kind);
  restart (self);
}

/**
 * hc_record_table_show_subject_page:
 * @first: the first page of the records of @kind, as the credit file
 *   brought it (its next cursor and total with it)
 *
 * Shows @first without asking the server; the pages after it are fetched
 * when the user turns to them.
 */
void
hc_record_table_show_subject_page (HcRecordTable *self,
                                   const char    *identifier,
                                   const char    *kind,
                                   HcPage        *first)
{
  g_return_if_fail (HC_IS_RECORD_TABLE (self));
  g_return_if_fail (identifier != NULL && kind != NULL);
  g_return_if_fail (HC_IS_PAGE (first));

  g_cancellable_cancel (self->cancellable);
  set_subject (self, identifier, kind);
  self->page = 0;
  self->total = -1;
  g_ptr_array_set_size (self->cursors, 0);
  g_ptr_array_add (self->cursors, NULL);
  g_clear_pointer (&self->next_cursor, g_free);
  set_loading (self, FALSE);
  show_page (self, first);
}

/* Shows the table as waiting for its rows (the credit file on its way). */
void
hc_record_table_show_loading (HcRecordTable *self)
{
  g_return_if_fail (HC_IS_RECORD_TABLE (self));

  g_cancellable_cancel (self->cancellable);
  g_list_store_remove_all (self->rows);
  self->total = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL]);
  set_loading (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  update_pager (self);
}

/* Shows what is under publicity now (双公示) for @query, from the first page. */
void
hc_record_table_show_publicity (HcRecordTable          *self,
                                const HcPublicityQuery *query)
{
  g_return_if_fail (HC_IS_RECORD_TABLE (self));
  g_return_if_fail (query != NULL);

  clear_publicity (self);
  g_clear_pointer (&self->identifier, g_free);
  g_free (self->kind);
  self->kind = g_strdup (query->kind ? query->kind : "penalty");
  self->publicity.kind = g_strdup (self->kind);
  self->publicity.region = g_strdup (query->region);
  self->publicity.department = query->department;
  self->publicity.from = g_strdup (query->from);
  self->publicity.to = g_strdup (query->to);
  set_titles (self, TRUE);
  restart (self);
}

/* Loads the first page again (after a change to the records). */
void
hc_record_table_reload (HcRecordTable *self)
{
  g_return_if_fail (HC_IS_RECORD_TABLE (self));
  restart (self);
}

void
hc_record_table_clear (HcRecordTable *self)
{
  g_return_if_fail (HC_IS_RECORD_TABLE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->identifier, g_free);
  g_clear_pointer (&self->kind, g_free);
  clear_publicity (self);
  g_list_store_remove_all (self->rows);
  set_loading (self, FALSE);
  gtk_label_set_text (self->message_label, "");
  gtk_stack_set_visible_child_name (self->stack, "message");
  update_pager (self);
}

static void
hc_record_table_dispose (GObject *object)
{
  HcRecordTable *self = HC_RECORD_TABLE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_RECORD_TABLE);
  g_clear_object (&self->client);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (hc_record_table_parent_class)->dispose (object);
}

static void
hc_record_table_finalize (GObject *object)
{
  HcRecordTable *self = HC_RECORD_TABLE (object);

  g_free (self->identifier);
  g_free (self->kind);
  g_free (self->next_cursor);
  clear_publicity (self);
  g_ptr_array_unref (self->cursors);

  G_OBJECT_CLASS (hc_record_table_parent_class)->finalize (object);
}

static void
hc_record_table_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HcRecordTable *self = HC_RECORD_TABLE (object);

  switch (prop_id)
    {
    case PROP_CLIENT: g_value_set_object (value, self->client); break;
    case PROP_LOADING: g_value_set_boolean (value, self->loading); break;
    case PROP_TOTAL: g_value_set_int64 (value, self->total); break;
    case PROP_SELECTED: g_value_set_object (value, hc_record_table_get_selected (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_record_table_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HcRecordTable *self = HC_RECORD_TABLE (object);

  switch (prop_id)
    {
    case PROP_CLIENT: hc_record_table_set_client (self, g_value_get_object (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_record_table_class_init (HcRecordTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_record_table_dispose;
  object_class->finalize = hc_record_table_finalize;
  object_class->get_property = hc_record_table_get_property;
  object_class->set_property = hc_record_table_set_property;

  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, HC_TYPE_RECORD, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "records.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "records.next", NULL, next_action);

  g_type_ensure (HC_TYPE_RECORD);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-record-table.ui");
  gtk_widget_class_bind_template_child (widget_class, HcRecordTable, stack);
  gtk_widget_class_bind_template_child (widget_class, HcRecordTable, message_label);
  gtk_widget_class_bind_template_child (widget_class, HcRecordTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, HcRecordTable, selection);
  gtk_widget_class_bind_template_child (widget_class, HcRecordTable, number_column);
  gtk_widget_class_bind_template_child (widget_class, HcRecordTable, title_column);
  gtk_widget_class_bind_template_child (widget_class, HcRecordTable, subject_column);
  gtk_widget_class_bind_template_child (widget_class, HcRecordTable, region_column);
  gtk_widget_class_bind_template_child (widget_class, HcRecordTable, department_column);
  gtk_widget_class_bind_template_child (widget_class, HcRecordTable, date_column);
  gtk_widget_class_bind_template_child (widget_class, HcRecordTable, until_column);
  gtk_widget_class_bind_template_child (widget_class, HcRecordTable, state_column);
  gtk_widget_class_bind_template_child (widget_class, HcRecordTable, detail_column);
  gtk_widget_class_bind_template_child (widget_class, HcRecordTable, page_label);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed);
}

static void
hc_record_table_init (HcRecordTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->rows = g_list_store_new (HC_TYPE_RECORD);
  self->cursors = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->cursors, NULL);
  self->page_size = DEFAULT_PAGE_SIZE;
  self->total = -1;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->rows));
  update_pager (self);
}

HcClient *
hc_record_table_get_client (HcRecordTable *self)
{
  g_return_val_if_fail (HC_IS_RECORD_TABLE (self), NULL);
  return self->client;
}

void
hc_record_table_set_client (HcRecordTable *self,
                            HcClient      *client)
{
  g_return_if_fail (HC_IS_RECORD_TABLE (self));
  g_return_if_fail (client == NULL || HC_IS_CLIENT (client));

  if (g_set_object (&self->client, client))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT]);
}

void
hc_record_table_set_page_size (HcRecordTable *self,
                               guint          page_size)
{
  g_return_if_fail (HC_IS_RECORD_TABLE (self));
  g_return_if_fail (page_size > 0);
  self->page_size = page_size;
}

const char *
hc_record_table_get_kind (HcRecordTable *self)
{
  g_return_val_if_fail (HC_IS_RECORD_TABLE (self), NULL);
  return self->kind;
}

gboolean
hc_record_table_get_loading (HcRecordTable *self)
{
  g_return_val_if_fail (HC_IS_RECORD_TABLE (self), FALSE);
  return self->loading;
}

/* Returns: how many records there are in all, -1 before the first page */
gint64
hc_record_table_get_total (HcRecordTable *self)
{
  g_return_val_if_fail (HC_IS_RECORD_TABLE (self), -1);
  return self->total;
}

/* Returns: the page shown, from 0 */
guint
hc_record_table_get_page (HcRecordTable *self)
{
  g_return_val_if_fail (HC_IS_RECORD_TABLE (self), 0);
  return self->page;
}

/* Returns: (transfer none): the rows of the page shown (HcRecord) */
GListModel *
hc_record_table_get_rows (HcRecordTable *self)
{
  g_return_val_if_fail (HC_IS_RECORD_TABLE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/* Returns: (transfer none) (nullable): the selected record */
HcRecord *
hc_record_table_get_selected (HcRecordTable *self)
{
  g_return_val_if_fail (HC_IS_RECORD_TABLE (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

void
hc_record_table_select (HcRecordTable *self,
                        guint          position)
{
  g_return_if_fail (HC_IS_RECORD_TABLE (self));
  gtk_single_selection_set_selected (self->selection, position);
}

/* Returns: (transfer full) (nullable): the listing's path, for its export */
char *
hc_record_table_get_export_path (HcRecordTable *self)
{
  g_return_val_if_fail (HC_IS_RECORD_TABLE (self), NULL);

  if (self->kind == NULL)
    return NULL;
  if (self->identifier != NULL)
    return hc_client_records_path (self->identifier, self->kind);
  return hc_client_publicity_path (&self->publicity);
}
