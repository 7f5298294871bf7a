/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRiskEventDialog: the form of a risk event (风险事件). It checks each
 * field before anything is sent and marks the one at fault; a value the
 * server refuses (an unknown subject, a date it does not take) is marked
 * the same way, by the field the server names, and nothing is recorded.
 * Emits ::recorded with the event the server kept. */
#define G_LOG_DOMAIN "hc-risk-event-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hc-core.h"
#include "hc-risk-event-dialog.h"

#define MAX_TITLE 200
#define MAX_DESCRIPTION 4000

struct _HcRiskEventDialog
{
  GtkWindow      parent_instance;

  GtkDropDown   *region_dropdown;
  GtkStringList *regions;
  GtkEditable   *date_entry;
  GtkDropDown   *category_dropdown;
  GtkStringList *categories;
  GtkDropDown   *severity_dropdown;
  GtkEditable   *title_entry;
  GtkEditable   *subject_entry;
  GtkTextView   *description_view;
  GtkLabel      *message_label;
  GtkWidget     *save_button;

  HcClient      *client;
  GCancellable  *cancellable;
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (HcRiskEventDialog, hc_risk_event_dialog, GTK_TYPE_WINDOW)

enum { RECORDED, N_SIGNALS };

static guint signals [N_SIGNALS];

static void
show_message (HcRiskEventDialog *self,
              const char        *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_busy (HcRiskEventDialog *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", !busy);
}

/**
 * hc_risk_event_dialog_get_field:
 * @field: a field as the API names it ("region", "occurred_on",
 *   "category", "severity", "title", "subject", "description")
 *
 * Returns: (transfer none) (nullable): its widget
 */
GtkWidget *
hc_risk_event_dialog_get_field (HcRiskEventDialog *self,
                                const char        *field)
{
  const struct { const char *field; gpointer widget; } fields[] = {
    { "region", self->region_dropdown }, { "occurred_on", self->date_entry },
    { "category", self->category_dropdown }, { "severity", self->severity_dropdown },
    { "title", self->title_entry }, { "subject", self->subject_entry },
    { "description", self->description_view },
  };

  g_return_val_if_fail (HC_IS_RISK_EVENT_DIALOG (self), NULL);

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].field, field))
      return GTK_WIDGET (fields[i].widget);
  return NULL;
}

static void
clear_marks (HcRiskEventDialog *self)
{
  static const char * const names[] = { "region", "occurred_on", "category", "severity", "title",
                                         "subject", "description", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    gtk_widget_remove_css_class (hc_risk_event_dialog_get_field (self, names[i]), "error");
  show_message (self, NULL);
}

/* Says what is wrong with @field and puts the cursor there. */
static void
refuse (HcRiskEventDialog *self,
        const char        *field,
        const char        *message)
{
  GtkWidget *widget = hc_risk_event_dialog_get_field (self, field);

  show_message (self, message);
  if (widget != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_grab_focus (widget);
    }
}

static char *
description_text (HcRiskEventDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* A real day from 2000-01-01 up to today, as YYYY-MM-DD. */
static gboolean
valid_date (const char *text)
{
  g_autofree char *today = hc_hainan_today ();
  guint64 y, m, d;

  if (!g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$", text, 0, 0))
    return FALSE;
  y = g_ascii_strtoull (text, NULL, 10);
  m = g_ascii_strtoull (text + 5, NULL, 10);
  d = g_ascii_strtoull (text + 8, NULL, 10);
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y) &&
         strcmp (text, "2000-01-01") >= 0 && strcmp (text, today) <= 0;
}

static void
recorded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HcRiskEventDialog) self = user_data;
  g_autoptr(HcRiskEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  event = hc_client_create_risk_event_finish (HC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (event == NULL)
    {
      refuse (self, hc_client_error_get_field (error), error->message);
      return;
    }
  g_signal_emit (self, signals [RECORDED], 0, event);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Checks the form; sends it when every field is right. */
void
hc_risk_event_dialog_save (HcRiskEventDialog *self)
{
  const HcRegion *regions;
  guint n_regions, region, category, severity;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *description = NULL;
  g_autofree char *uscc = NULL;
  g_autofree char *id_number = NULL;
  HcRiskEventDraft draft = { 0 };

  g_return_if_fail (HC_IS_RISK_EVENT_DIALOG (self));

  if (self->busy)
    return;
  clear_marks (self);
  regions = hc_regions_get_all (&n_regions);
  region = gtk_drop_down_get_selected (self->region_dropdown);
  category = gtk_drop_down_get_selected (self->category_dropdown);
  severity = gtk_drop_down_get_selected (self->severity_dropdown);
  date = g_strstrip (g_strdup (gtk_editable_get_text (self->date_entry)));
  title = g_strstrip (g_strdup (gtk_editable_get_text (self->title_entry)));
  subject = g_strstrip (g_strdup (gtk_editable_get_text (self->subject_entry)));
  description = description_text (self);

  if (region >= n_regions)
    {
      refuse (self, "region", _("Choose the city or county where the event happened."));
      return;
    }
  if (!valid_date (date))
    {
      refuse (self, "occurred_on", _("The date must be a real day like 2025-03-01, from 2000 up to today."));
      return;
    }
  if (category >= HC_RISK_CATEGORY_N)
    {
      refuse (self, "category", _("Choose the risk category."));
      return;
    }
  if (severity > 4)
    {
      refuse (self, "severity", _("Choose a severity from 1 to 5."));
      return;
    }
  if (*title == '\0')
    {
      refuse (self, "title", _("Give the event a title that says what happened."));
      return;
    }
  if (g_utf8_strlen (title, -1) > MAX_TITLE)
    {
      g_autofree char *message = g_strdup_printf (_("The title must be at most %d characters."), MAX_TITLE);
      refuse (self, "title", message);
      return;
    }
  if (*subject != '\0' &&
      (uscc = hc_uscc_normalize (subject)) == NULL && (id_number = hc_id_number_normalize (subject)) == NULL)
    {
      refuse (self, "subject", _("This is neither a unified social credit code nor a resident ID number. Check it, or leave the field empty."));
      return;
    }
  if (g_utf8_strlen (description, -1) > MAX_DESCRIPTION)
    {
      g_autofree char *message = g_strdup_printf (_("The description must be at most %d characters."), MAX_DESCRIPTION);
      refuse (self, "description", message);
      return;
    }

  draft.region = regions[region].code;
  draft.occurred_on = date;
  draft.category = hc_risk_category_to_key ((HcRiskCategory) category);
  draft.severity = (int) severity + 1;
  draft.title = title;
  draft.description = description;
  draft.subject = uscc ? uscc : id_number;
  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  hc_client_create_risk_event_async (self->client, &draft, self->cancellable, recorded_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  hc_risk_event_dialog_save (HC_RISK_EVENT_DIALOG (widget));
}

static void
hc_risk_event_dialog_dispose (GObject *object)
{
  HcRiskEventDialog *self = HC_RISK_EVENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_RISK_EVENT_DIALOG);

  G_OBJECT_CLASS (hc_risk_event_dialog_parent_class)->dispose (object);
}

static void
hc_risk_event_dialog_class_init (HcRiskEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_risk_event_dialog_dispose;

  /**
   * HcRiskEventDialog::recorded:
   * @event: the event as the server recorded it
   */
  signals [RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HC_TYPE_RISK_EVENT);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hncredit/Console/hc-risk-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HcRiskEventDialog, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcRiskEventDialog, regions);
  gtk_widget_class_bind_template_child (widget_class, HcRiskEventDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, HcRiskEventDialog, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcRiskEventDialog, categories);
  gtk_widget_class_bind_template_child (widget_class, HcRiskEventDialog, severity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcRiskEventDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, HcRiskEventDialog, subject_entry);
  gtk_widget_class_bind_template_child (widget_class, HcRiskEventDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, HcRiskEventDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, HcRiskEventDialog, save_button);
}

static void
hc_risk_event_dialog_init (HcRiskEventDialog *self)
{
  const HcRegion *regions;
  guint n_regions;
  g_autofree char *today = hc_hainan_today ();

  gtk_widget_init_template (GTK_WIDGET (self));
  regions = hc_regions_get_all (&n_regions);
  for (guint i = 0; i < n_regions; i++)
    gtk_string_list_append (self->regions, regions[i].name);
  for (guint c = 0; c < HC_RISK_CATEGORY_N; c++)
    gtk_string_list_append (self->categories, hc_risk_category_label ((HcRiskCategory) c));
  gtk_editable_set_text (self->date_entry, today);
  gtk_drop_down_set_selected (self->severity_dropdown, 2);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

/**
 * hc_risk_event_dialog_new:
 * @region: (nullable): the 市县 to start with (GB/T 2260)
 * @category: (nullable): the category to start with
 */
HcRiskEventDialog *
hc_risk_event_dialog_new (HcClient   *client,
                          const char *region,
                          const char *category)
{
  HcRiskEventDialog *self;
  const HcRegion *info;
  HcRiskCategory c;

  g_return_val_if_fail (HC_IS_CLIENT (client), NULL);

  self = g_object_new (HC_TYPE_RISK_EVENT_DIALOG, NULL);
  self->client = g_object_ref (client);
  if ((info = hc_region_lookup (region)) != NULL)
    gtk_drop_down_set_selected (self->region_dropdown, (guint) hc_region_index (info));
  if (category != NULL && hc_risk_category_from_key (category, &c))
    gtk_drop_down_set_selected (self->category_dropdown, c);
  return self;
}

/* The message shown under the form (what is wrong), or NULL. */
const char *
hc_risk_event_dialog_get_message (HcRiskEventDialog *self)
{
  g_return_val_if_fail (HC_IS_RISK_EVENT_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label))
         ? gtk_label_get_text (self->message_label) : NULL;
}

/* TRUE while the event is being sent. */
gboolean
hc_risk_event_dialog_get_busy (HcRiskEventDialog *self)
{
  g_return_val_if_fail (HC_IS_RISK_EVENT_DIALOG (self), FALSE);
  return self->busy;
}
