/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcCatalogItemDialog: the form of a catalog item. It checks each field
 * before anything is sent (and marks the one at fault), adds the item to
 * the draft or sends the changed fields with the ETag the item was read
 * with. When someone else changed the item first (412) it says so and
 * keeps what was typed; saving again then writes over their change. */
#define G_LOG_DOMAIN "hc-catalog-item-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-catalog-item-dialog.h"
#include "hc-core.h"

struct _HcCatalogItemDialog
{
  GtkWindow      parent_instance;

  GtkLabel      *version_label;
  GtkDropDown   *category_dropdown;
  GtkEditable   *name_entry;
  GtkDropDown   *subject_dropdown;
  GtkDropDown   *department_dropdown;
  GtkDropDown   *disclosure_dropdown;
  GtkDropDown   *frequency_dropdown;
  GtkEditable   *legal_basis_entry;
  GtkEditable   *period_entry;
  GtkDropDown   *scope_dropdown;
  GtkEditable   *expected_entry;
  GtkEditable   *collected_entry;
  GtkLabel      *message_label;

  HcClient      *client;
  GListModel    *departments;   /* of HcDepartment */
  int            year;
  HcCatalogItem *item;          /* NULL when adding */
  gboolean       busy;
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (HcCatalogItemDialog, hc_catalog_item_dialog, GTK_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };

static guint signals [N_SIGNALS];

static const char * const disclosure_keys[] = { "public", "conditional", "restricted" };
static const char * const scope_keys[] = { "basic", "supplementary" };

static void
show_message (HcCatalogItemDialog *self,
              const char          *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_busy (HcCatalogItemDialog *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", !busy);
}

/* The widget of the API's @field, to mark it or move to it. */
static GtkWidget *
field_widget (HcCatalogItemDialog *self,
              const char          *field)
{
  const struct { const char *field; gpointer widget; } fields[] = {
    { "category", self->category_dropdown }, { "name", self->name_entry },
    { "subject_type", self->subject_dropdown }, { "department_id", self->department_dropdown },
    { "disclosure", self->disclosure_dropdown }, { "update_frequency", self->frequency_dropdown },
    { "legal_basis", self->legal_basis_entry }, { "publicity_period", self->period_entry },
    { "scope", self->scope_dropdown }, { "expected_records", self->expected_entry },
    { "collected_records", self->collected_entry },
  };

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].field, field))
      return GTK_WIDGET (fields[i].widget);
  return NULL;
}

static void
clear_marks (HcCatalogItemDialog *self)
{
  const char * const names[] = { "name", "legal_basis", "publicity_period", "expected_records",
                                 "collected_records", "department_id", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    gtk_widget_remove_css_class (field_widget (self, names[i]), "error");
}

/* Says what is wrong with @field and puts the cursor there. */
static void
refuse (HcCatalogItemDialog *self,
        const char          *field,
        const char          *message)
{
  GtkWidget *widget = field_widget (self, field);

  show_message (self, message);
  if (widget != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_grab_focus (widget);
    }
}

static void
select_key (GtkDropDown        *dropdown,
            const char * const *keys,
            guint               n_keys,
            const char         *key)
{
  for (guint i = 0; i < n_keys; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      gtk_drop_down_set_selected (dropdown, i);
}

static void
set_count (GtkEditable *entry,
           gint64       count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  gtk_editable_set_text (entry, text);
}

/* Fills the form with @item. */
static void
load_item (HcCatalogItemDialog *self,
           HcCatalogItem       *item)
{
  const char *categories[HC_CATALOG_CATEGORY_N], *subjects[HC_SUBJECT_TYPE_N], *frequencies[HC_UPDATE_FREQUENCY_N];

  for (guint i = 0; i < HC_CATALOG_CATEGORY_N; i++)
    categories[i] = hc_catalog_category_to_key (i);
  for (guint i = 0; i < HC_SUBJECT_TYPE_N; i++)
    subjects[i] = hc_subject_type_to_key (i);
  for (guint i = 0; i < HC_UPDATE_FREQUENCY_N; i++)
    frequencies[i] = hc_update_frequency_to_key (i);

  select_key (self->category_dropdown, categories, HC_CATALOG_CATEGORY_N, hc_catalog_item_get_category (item));
  gtk_editable_set_text (self->name_entry, hc_catalog_item_get_name (item));
  select_key (self->subject_dropdown, subjects, HC_SUBJECT_TYPE_N, hc_catalog_item_get_subject_type (item));
  for (guint i = 0; i < g_list_model_get_n_items (self->departments); i++)
    {
      g_autoptr(HcDepartment) department = g_list_model_get_item (self->departments, i);

      if (hc_department_get_id (department) == hc_catalog_item_get_department_id (item))
        gtk_drop_down_set_selected (self->department_dropdown, i);
    }
  select_key (self->disclosure_dropdown, disclosure_keys, G_N_ELEMENTS (disclosure_keys),
              hc_catalog_item_get_disclosure (item));
  select_key (self->frequency_dropdown, frequencies, HC_UPDATE_FREQUENCY_N,
              hc_catalog_item_get_update_frequency (item));
  gtk_editable_set_text (self->legal_basis_entry, hc_catalog_item_get_legal_basis (item));
  gtk_editable_set_text (self->period_entry, hc_catalog_item_get_publicity_period (item));
  select_key (self->scope_dropdown, scope_keys, G_N_ELEMENTS (scope_keys), hc_catalog_item_get_scope (item));
  set_count (self->expected_entry, hc_catalog_item_get_expected_records (item));
  set_count (self->collected_entry, hc_catalog_item_get_collected_records (item));
}

static void
reload_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcCatalogItemDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcCatalogItem) item = hc_client_get_catalog_item_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (item == NULL)
    {
      show_message (self, error->message);
      return;
    }
  /* Their version is the one a second Save replaces; the form keeps ours. */
  g_set_object (&self->item, item);
  show_message (self, _("Someone else changed this item while you edited it. What you typed is kept: save again to replace their change, or cancel to keep it."));
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcCatalogItemDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcCatalogItem) item = NULL;

  if (self->item != NULL)
    item = hc_client_update_catalog_item_finish (HC_CLIENT (source), result, &error);
  else
    item = hc_client_create_catalog_item_finish (HC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED) && self->item != NULL)
    {
      hc_client_get_catalog_item_async (self->client, hc_catalog_item_get_id (self->item),
                                        self->cancellable, reload_cb, g_object_ref (self));
      return;
    }
  set_busy (self, FALSE);
  if (item == NULL)
    {
      refuse (self, hc_client_error_get_field (error), error->message);
      return;
    }
  g_signal_emit (self, signals [SAVED], 0, item);
  gtk_window_close (GTK_WINDOW (self));
}

/* A count typed in: digits only (0 or more), or a refusal. */
static gboolean
read_count (HcCatalogItemDialog *self,
            GtkEditable         *entry,
            const char          *field,
            const char          *label,
            gint64              *out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *message = NULL;

  if (text[0] == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, out, NULL))
    return TRUE;
  /* Translators: %s is a field, 应归集条数 */
  message = g_strdup_printf (_("%s must be a whole number of 0 or more."), label);
  refuse (self, field, message);
  return FALSE;
}

static const char *
changed (const char *now,
         const char *before)
{
  return g_strcmp0 (now, before) != 0 ? now : NULL;
}

void
hc_catalog_item_dialog_save (HcCatalogItemDialog *self)
{
  HcCatalogItemFields f = HC_CATALOG_ITEM_FIELDS_INIT;
  HcCatalogItemFields before;
  g_autofree char *name = NULL;
  g_autofree char *legal_basis = NULL;
  g_autofree char *period = NULL;
  g_autoptr(HcDepartment) department = NULL;
  gint64 expected, collected;

  g_return_if_fail (HC_IS_CATALOG_ITEM_DIALOG (self));

  if (self->busy)
    return;
  clear_marks (self);
  show_message (self, NULL);

  name = g_strstrip (g_strdup (gtk_editable_get_text (self->name_entry)));
  legal_basis = g_strstrip (g_strdup (gtk_editable_get_text (self->legal_basis_entry)));
  period = g_strstrip (g_strdup (gtk_editable_get_text (self->period_entry)));
  department = gtk_drop_down_get_selected_item (self->department_dropdown);
  if (department != NULL)
    g_object_ref (department);
  if (name[0] == '\0')
    {
      refuse (self, "name", _("Name the item."));
      return;
    }
  if (g_utf8_strlen (name, -1) > 200)
    {
      refuse (self, "name", _("The item’s name may have at most 200 characters."));
      return;
    }
  if (department == NULL)
    {
      refuse (self, "department_id", _("Choose the source department that delivers the item’s data."));
      return;
    }
  if (legal_basis[0] == '\0')
    {
      refuse (self, "legal_basis", _("Give the legal basis of the item."));
      return;
    }
  if (period[0] == '\0')
    {
      refuse (self, "publicity_period", _("Give the publicity period (for example 3年 or 不予公示)."));
      return;
    }
  if (!read_count (self, self->expected_entry, "expected_records", _("Expected records"), &expected) ||
      !read_count (self, self->collected_entry, "collected_records", _("Collected records"), &collected))
    return;

  f.category = hc_catalog_category_to_key (gtk_drop_down_get_selected (self->category_dropdown));
  f.name = name;
  f.subject_type = hc_subject_type_to_key (gtk_drop_down_get_selected (self->subject_dropdown));
  f.department_id = hc_department_get_id (department);
  f.disclosure = disclosure_keys[MIN (gtk_drop_down_get_selected (self->disclosure_dropdown),
                                      G_N_ELEMENTS (disclosure_keys) - 1)];
  f.update_frequency = hc_update_frequency_to_key (gtk_drop_down_get_selected (self->frequency_dropdown));
  f.legal_basis = legal_basis;
  f.publicity_period = period;
  f.scope = scope_keys[MIN (gtk_drop_down_get_selected (self->scope_dropdown), G_N_ELEMENTS (scope_keys) - 1)];
  f.expected_records = expected;
  f.collected_records = collected;

  set_busy (self, TRUE);
  if (self->item == NULL)
    {
      hc_client_create_catalog_item_async (self->client, self->year, &f, self->cancellable,
                                           save_cb, g_object_ref (self));
      return;
    }

  /* Only what changed, so that a second writer's other fields stay. */
  hc_catalog_item_get_fields (self->item, &before);
  f.category = changed (f.category, before.category);
  f.name = changed (f.name, before.name);
  f.subject_type = changed (f.subject_type, before.subject_type);
  if (f.department_id == before.department_id)
    f.department_id = 0;
  f.disclosure = changed (f.disclosure, before.disclosure);
  f.update_frequency = changed (f.update_frequency, before.update_frequency);
  f.legal_basis = changed (f.legal_basis, before.legal_basis);
  f.publicity_period = changed (f.publicity_period, before.publicity_period);
  f.scope = changed (f.scope, before.scope);
  if (f.expected_records == before.expected_records)
    f.expected_records = -1;
  if (f.collected_records == before.collected_records)
    f.collected_records = -1;
  if (f.category == NULL && f.name == NULL && f.subject_type == NULL && f.department_id == 0 &&
      f.disclosure == NULL && f.update_frequency == NULL && f.legal_basis == NULL &&
      f.publicity_period == NULL && f.scope == NULL && f.expected_records < 0 && f.collected_records < 0)
    {
      set_busy (self, FALSE);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  hc_client_update_catalog_item_async (self->client, hc_catalog_item_get_id (self->item),
                                       hc_catalog_item_get_etag (self->item), &f, self->cancellable,
                                       save_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  hc_catalog_item_dialog_save (HC_CATALOG_ITEM_DIALOG (widget));
}

static void
hc_catalog_item_dialog_dispose (GObject *object)
{
  HcCatalogItemDialog *self = HC_CATALOG_ITEM_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->departments);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_CATALOG_ITEM_DIALOG);

  G_OBJECT_CLASS (hc_catalog_item_dialog_parent_class)->dispose (object);
}

static void
hc_catalog_item_dialog_class_init (HcCatalogItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_catalog_item_dialog_dispose;

  /* Emitted with the item as the server stored it. */
  signals [SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HC_TYPE_CATALOG_ITEM);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (HC_TYPE_DEPARTMENT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-catalog-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HcCatalogItemDialog, version_label);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogItemDialog, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogItemDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogItemDialog, subject_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogItemDialog, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogItemDialog, disclosure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogItemDialog, frequency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogItemDialog, legal_basis_entry);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogItemDialog, period_entry);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogItemDialog, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogItemDialog, expected_entry);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogItemDialog, collected_entry);
  gtk_widget_class_bind_template_child (widget_class, HcCatalogItemDialog, message_label);
}

static void
set_labels (GtkDropDown *dropdown,
            const char  *(*label) (int),
            guint        n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, label ((int) i));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static const char *category_label (int i) { return hc_catalog_category_label (i); }
static const char *subject_label (int i) { return hc_subject_type_label (i); }
static const char *frequency_label (int i) { return hc_update_frequency_label (i); }
static const char *disclosure_label (int i) { HcDisclosure d; hc_disclosure_from_key (disclosure_keys[i], &d); return hc_disclosure_label (d); }
static const char *scope_label (int i) { HcCatalogScope s; hc_catalog_scope_from_key (scope_keys[i], &s); return hc_catalog_scope_label (s); }

static void
hc_catalog_item_dialog_init (HcCatalogItemDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  set_labels (self->category_dropdown, category_label, HC_CATALOG_CATEGORY_N);
  set_labels (self->subject_dropdown, subject_label, HC_SUBJECT_TYPE_N);
  set_labels (self->disclosure_dropdown, disclosure_label, G_N_ELEMENTS (disclosure_keys));
  set_labels (self->frequency_dropdown, frequency_label, HC_UPDATE_FREQUENCY_N);
  set_labels (self->scope_dropdown, scope_label, G_N_ELEMENTS (scope_keys));
  gtk_drop_down_set_selected (self->frequency_dropdown, HC_UPDATE_FREQUENCY_MONTHLY);
}

static HcCatalogItemDialog *
dialog_new (HcClient   *client,
            int         year,
            GListModel *departments)
{
  HcCatalogItemDialog *self = g_object_new (HC_TYPE_CATALOG_ITEM_DIALOG, NULL);
  g_autofree char *title = NULL;

  self->client = g_object_ref (client);
  self->year = year;
  self->departments = g_object_ref (departments);
  gtk_drop_down_set_model (self->department_dropdown, departments);
  /* Translators: the draft an item goes into, "2025 年度目录（草稿）" */
  title = g_strdup_printf (_("The %d catalog (draft)"), year);
  gtk_label_set_text (self->version_label, title);
  return self;
}

/* @departments: the HcDepartment a source department is chosen from */
HcCatalogItemDialog *
hc_catalog_item_dialog_new_add (HcClient   *client,
                                int         year,
                                GListModel *departments)
{
  HcCatalogItemDialog *self;

  g_return_val_if_fail (HC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (departments), NULL);

  self = dialog_new (client, year, departments);
  gtk_window_set_title (GTK_WINDOW (self), _("Add Catalog Item"));
  gtk_drop_down_set_selected (self->department_dropdown, GTK_INVALID_LIST_POSITION);
  return self;
}

/* @item: the item as read with its ETag */
HcCatalogItemDialog *
hc_catalog_item_dialog_new_edit (HcClient      *client,
                                 HcCatalogItem *item,
                                 GListModel    *departments)
{
  HcCatalogItemDialog *self;

  g_return_val_if_fail (HC_IS_CLIENT (client), NULL);
  g_return_val_if_fail (HC_IS_CATALOG_ITEM (item), NULL);
  g_return_val_if_fail (hc_catalog_item_get_etag (item) != NULL, NULL);

  self = dialog_new (client, hc_catalog_item_get_year (item), departments);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Catalog Item"));
  self->item = g_object_ref (item);
  load_item (self, item);
  return self;
}

/* The entry of @field ("name", "legal_basis", "publicity_period",
 * "expected_records", "collected_records"), for tests. */
GtkEditable *
hc_catalog_item_dialog_get_entry (HcCatalogItemDialog *self,
                                  const char          *field)
{
  GtkWidget *widget;

  g_return_val_if_fail (HC_IS_CATALOG_ITEM_DIALOG (self), NULL);
  widget = field_widget (self, field);
  return GTK_IS_EDITABLE (widget) ? GTK_EDITABLE (widget) : NULL;
}

/* The error or conflict message shown, %NULL when none. */
const char *
hc_catalog_item_dialog_get_message (HcCatalogItemDialog *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_ITEM_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

gboolean
hc_catalog_item_dialog_get_busy (HcCatalogItemDialog *self)
{
  g_return_val_if_fail (HC_IS_CATALOG_ITEM_DIALOG (self), FALSE);
  return self->busy;
}
