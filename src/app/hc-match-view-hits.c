/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcMatchView's actions on a hit: feedback (applied / not applied, with a
 * note), clearing a false match with a reason and withdrawing such a
 * clearance. The view itself is hc-match-view.c. */
#define G_LOG_DOMAIN "hc-match-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hc-list-reason-dialog.h"
#include "hc-match-view-private.h"

/* The run's counts change with a hit's feedback or clearance. */
static void
refresh_run (HcMatchView *self)
{
  if (self->run != NULL)
    self->select_run = hc_match_run_get_id (self->run);
  hc_match_view_reload (self);
}

/* The end of an action on a hit (feedback, clearance): the server's refusal
 * in the message line, or @message and the run's counts read again. */
static void
hit_action_done (HcMatchView  *self,
                 gboolean      done,
                 const GError *error,
                 const char   *message)
{
  _hc_match_view_busy_changed (self, -1);
  _hc_match_view_set_acting (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!done)
    {
      _hc_match_view_set_message (self, error->message, TRUE);
      return;
    }
  _hc_match_view_set_message (self, message, FALSE);
  refresh_run (self);
}

static void
feedback_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HcMatchView) self = user_data;
  g_autoptr(HcMatchHit) hit = NULL;
  g_autoptr(GError) error = NULL;

  hit = hc_client_match_hit_feedback_finish (HC_CLIENT (source), result, &error);
  hit_action_done (self, hit != NULL, error, _("The feedback is recorded."));
}

static void
send_feedback (HcMatchView *self,
               gboolean     applied,
               const char  *note)
{
  HcMatchHit *hit = _hc_match_view_selected_hit (self);

  if (hit == NULL || self->acting)
    return;
  _hc_match_view_set_acting (self, TRUE);
  _hc_match_view_busy_changed (self, 1);
  hc_client_match_hit_feedback_async (self->client, hc_match_hit_get_run_id (hit), hc_match_hit_get_entry_id (hit),
                                      applied, note, self->action_cancellable, feedback_cb, g_object_ref (self));
}

static void
not_applied_response (HcListReasonDialog *dialog,
                      const char         *response,
                      HcMatchView        *self)
{
  g_autofree char *note = hc_list_reason_dialog_get_reason (dialog);

  if (g_strcmp0 (response, "apply") == 0)
    send_feedback (self, FALSE, note);
}

static void
feedback_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  HcMatchView *self = HC_MATCH_VIEW (widget);
  HcMatchHit *hit = _hc_match_view_selected_hit (self);
  HcListReasonDialog *dialog;
  g_autofree char *heading = NULL;

  if (hit == NULL || self->acting)
    return;
  if (g_variant_get_boolean (param))
    {
      send_feedback (self, TRUE, NULL);
      return;
    }
  /* TRANSLATORS: the heading of the not-applied dialog; %s is the subject */
  heading = g_strdup_printf (_("Measures not applied: %s"), hc_match_hit_get_subject_name (hit));
  dialog = hc_list_reason_dialog_new_asking (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                             _("Say why your department did not apply the measures. It is kept with the hit."),
                                             _("Not Applied"), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (not_applied_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcMatchView) self = user_data;
  g_autoptr(HcMatchClearance) clearance = NULL;
  g_autoptr(GError) error = NULL;

  clearance = hc_client_clear_match_hit_finish (HC_CLIENT (source), result, &error);
  hit_action_done (self, clearance != NULL, error,
                   _("Cleared as a false match: later runs do not raise this subject on this entry."));
}

static void
clear_response (HcListReasonDialog *dialog,
                const char         *response,
                HcMatchView        *self)
{
  g_autofree char *reason = hc_list_reason_dialog_get_reason (dialog);
  HcMatchHit *hit = _hc_match_view_selected_hit (self);

  if (g_strcmp0 (response, "apply") != 0 || hit == NULL || self->acting)
    return;
  _hc_match_view_set_acting (self, TRUE);
  _hc_match_view_busy_changed (self, 1);
  hc_client_clear_match_hit_async (self->client, hc_match_hit_get_run_id (hit), hc_match_hit_get_entry_id (hit),
                                   reason, self->action_cancellable, cleared_cb, g_object_ref (self));
}

static void
clear_hit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  HcMatchView *self = HC_MATCH_VIEW (widget);
  HcMatchHit *hit = _hc_match_view_selected_hit (self);
  HcListReasonDialog *dialog;
  g_autofree char *heading = NULL;

  if (hit == NULL || self->acting)
    return;
  /* TRANSLATORS: the heading of the false-match dialog; the subject and the list */
  heading = g_strdup_printf (_("False match: %s on %s"), hc_match_hit_get_subject_name (hit),
                             hc_match_hit_get_list_name (hit));
  dialog = hc_list_reason_dialog_new_asking (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                             _("Say why this is not the entry’s subject. The reason is kept and audited; the clearance can be withdrawn."),
                                             _("Clear"), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (clear_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
withdrawn_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HcMatchView) self = user_data;
  g_autoptr(HcMatchClearance) clearance = NULL;
  g_autoptr(GError) error = NULL;

  clearance = hc_client_withdraw_match_clearance_finish (HC_CLIENT (source), result, &error);
  hit_action_done (self, clearance != NULL, error,
                   _("The clearance is withdrawn: later runs raise this subject on this entry again."));
}

static void
withdraw_response (HcListReasonDialog *dialog,
                   const char         *response,
                   HcMatchView        *self)
{
  g_autofree char *reason = hc_list_reason_dialog_get_reason (dialog);
  HcMatchHit *hit = _hc_match_view_selected_hit (self);

  if (g_strcmp0 (response, "apply") != 0 || hit == NULL || self->acting ||
      hc_match_hit_get_clearance_id (hit) <= 0)
    return;
  _hc_match_view_set_acting (self, TRUE);
  _hc_match_view_busy_changed (self, 1);
  hc_client_withdraw_match_clearance_async (self->client, hc_match_hit_get_clearance_id (hit), reason,
                                            self->action_cancellable, withdrawn_cb, g_object_ref (self));
}

/* A false match cleared by mistake: the clearance is withdrawn with a
 * reason (kept and audited), and later runs raise the pair again. */
static void
withdraw_clearance_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  HcMatchView *self = HC_MATCH_VIEW (widget);
  HcMatchHit *hit = _hc_match_view_selected_hit (self);
  HcListReasonDialog *dialog;
  g_autofree char *heading = NULL;

  if (hit == NULL || self->acting || !hc_match_hit_get_cleared (hit))
    return;
  /* TRANSLATORS: the heading of the withdraw-clearance dialog; the subject and the list */
  heading = g_strdup_printf (_("Withdraw the clearance: %s on %s"), hc_match_hit_get_subject_name (hit),
                             hc_match_hit_get_list_name (hit));
  dialog = hc_list_reason_dialog_new_asking (GTK_WINDOW (gtk_widget_get_root (widget)), heading,
                                             _("Say why the subject is a real match after all. The reason is kept and audited; later runs raise the hit again."),
                                             _("Withdraw"), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (withdraw_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_hc_match_view_install_hit_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "match.feedback", "b", feedback_action);
  gtk_widget_class_install_action (widget_class, "match.clear-hit", NULL, clear_hit_action);
  gtk_widget_class_install_action (widget_class, "match.withdraw-clearance", NULL, withdraw_clearance_action);
}
