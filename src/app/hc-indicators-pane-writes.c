/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcIndicatorsPane's writes: an analyst reports a year's value (the submit
 * dialog), a supervisor approves it or returns it with a comment (the
 * return dialog); a value changed meanwhile is reloaded. The pane itself is
 * hc-indicators-pane.c. */
#define G_LOG_DOMAIN "hc-indicators-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-indicators-pane-private.h"

static void
show_stale (HcIndicatorsPane *self)
{
  hc_indicator_submit_dialog_close (self->submit_dialog);
  hc_indicator_return_dialog_close (self->return_dialog);
  _hc_indicators_pane_show_message (self, _("Someone changed this value meanwhile. It has been reloaded: check it and try again."));
  hc_pane_reload (HC_PANE (self));
}

static void
submit_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcIndicatorsPane) self = user_data;
  HcIndicatorWrite outcome = hc_indicator_submit_dialog_take_answer (self->submit_dialog, source, result);

  if (outcome == HC_INDICATOR_WRITE_CANCELLED)
    return;
  _hc_indicators_pane_set_busy (self, FALSE);
  if (outcome == HC_INDICATOR_WRITE_STALE)
    show_stale (self);
  else if (outcome == HC_INDICATOR_WRITE_DONE)
    {
      _hc_indicators_pane_show_message (self, _("The value was submitted and awaits review."));
      hc_pane_reload (HC_PANE (self));
    }
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcIndicatorsPane *self = HC_INDICATORS_PANE (widget);
  const HcIndicatorYear *value = _hc_indicators_pane_current_year_value (self);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  hc_indicator_submit_dialog_reset (self->submit_dialog, self->detail, self->year,
                                    value != NULL && value->has_value && value->state != NULL
                                    ? g_ascii_formatd (buf, sizeof buf, "%g", value->value) : NULL);
  hc_indicator_submit_dialog_open (self->submit_dialog, GTK_WINDOW (gtk_widget_get_root (widget)));
}

static void
review_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcIndicatorsPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  etag = hc_client_review_indicator_value_finish (HC_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _hc_indicators_pane_set_busy (self, FALSE);
  if (etag == NULL)
    {
      if (g_error_matches (error, HC_CLIENT_ERROR, HC_CLIENT_ERROR_PRECONDITION_FAILED))
        {
          show_stale (self);
          return;
        }
      if (gtk_widget_get_visible (GTK_WIDGET (self->return_dialog)))
        hc_indicator_return_dialog_show_error (self->return_dialog, error->message);
      else
        _hc_indicators_pane_show_message (self, error->message);
      return;
    }
  hc_indicator_return_dialog_close (self->return_dialog);
  _hc_indicators_pane_show_message (self, _("The review was recorded."));
  hc_pane_reload (HC_PANE (self));
}

static void
review (HcIndicatorsPane *self,
        gboolean          approve,
        const char       *comment)
{
  const HcIndicatorYear *value = _hc_indicators_pane_current_year_value (self);

  g_assert (value != NULL && value->etag != NULL);

  _hc_indicators_pane_set_busy (self, TRUE);
  g_cancellable_cancel (self->write_cancellable);
  g_clear_object (&self->write_cancellable);
  self->write_cancellable = g_cancellable_new ();
  hc_client_review_indicator_value_async (hc_pane_get_client (HC_PANE (self)), hc_indicator_detail_get_key (self->detail),
                                          self->year, NULL, value->etag, approve, comment,
                                          self->write_cancellable, review_cb, g_object_ref (self));
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  review (HC_INDICATORS_PANE (widget), TRUE, NULL);
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HcIndicatorsPane *self = HC_INDICATORS_PANE (widget);

  hc_indicator_return_dialog_fill (self->return_dialog, NULL);
  hc_indicator_return_dialog_show_error (self->return_dialog, NULL);
  hc_indicator_return_dialog_open (self->return_dialog, GTK_WINDOW (gtk_widget_get_root (widget)));
}

/* The report dialog's Submit, with a value that is a number. */
static void
submit_send (HcIndicatorsPane *self,
             double            value,
             const char       *evidence)
{
  const HcIndicatorYear *current;

  if (self->busy || self->detail == NULL || hc_pane_get_client (HC_PANE (self)) == NULL)
    return;
  current = _hc_indicators_pane_current_year_value (self);
  _hc_indicators_pane_set_busy (self, TRUE);
  g_cancellable_cancel (self->write_cancellable);
  g_clear_object (&self->write_cancellable);
  self->write_cancellable = g_cancellable_new ();
  hc_client_submit_indicator_value_async (hc_pane_get_client (HC_PANE (self)),
                                          hc_indicator_detail_get_key (self->detail),
                                          self->year, NULL, value, evidence,
                                          current ? current->etag : NULL,
                                          self->write_cancellable, submit_cb, g_object_ref (self));
}

/* The return dialog's Return, with a comment. */
static void
return_send (HcIndicatorsPane *self,
             const char       *comment)
{
  if (self->busy || _hc_indicators_pane_current_year_value (self) == NULL || _hc_indicators_pane_current_year_value (self)->etag == NULL)
    return;
  review (self, FALSE, comment);
}

/* Test hooks (hc-indicators-pane-private.h): what a user does in the
 * report and return dialogs. */

void
hc_indicators_pane_submit_dialog_fill (HcIndicatorsPane *self,
                                       const char       *value,
                                       const char       *evidence)
{
  g_return_if_fail (HC_IS_INDICATORS_PANE (self));
  hc_indicator_submit_dialog_fill (self->submit_dialog, value, evidence);
}

void
hc_indicators_pane_submit_dialog_send (HcIndicatorsPane *self)
{
  g_return_if_fail (HC_IS_INDICATORS_PANE (self));
  hc_indicator_submit_dialog_send (self->submit_dialog);
}

const char *
hc_indicators_pane_submit_dialog_error (HcIndicatorsPane *self,
                                        const char       *field)
{
  g_return_val_if_fail (HC_IS_INDICATORS_PANE (self), NULL);
  return hc_indicator_submit_dialog_get_error (self->submit_dialog, field);
}

void
hc_indicators_pane_return_dialog_fill (HcIndicatorsPane *self,
                                       const char       *comment)
{
  g_return_if_fail (HC_IS_INDICATORS_PANE (self));
  hc_indicator_return_dialog_fill (self->return_dialog, comment);
}

void
hc_indicators_pane_return_dialog_send (HcIndicatorsPane *self)
{
  g_return_if_fail (HC_IS_INDICATORS_PANE (self));
  hc_indicator_return_dialog_send (self->return_dialog);
}

void
_hc_indicators_pane_init_writes (HcIndicatorsPane *self)
{
  self->submit_dialog = hc_indicator_submit_dialog_new ();
  self->return_dialog = hc_indicator_return_dialog_new ();
  g_signal_connect_object (self->submit_dialog, "send", G_CALLBACK (submit_send), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->return_dialog, "send", G_CALLBACK (return_send), self, G_CONNECT_SWAPPED);
}

void
_hc_indicators_pane_install_write_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "indicators.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "indicators.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "indicators.return", NULL, return_action);
}
