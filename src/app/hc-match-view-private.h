/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of HcMatchView share: its instance and the helpers that
 * the view (hc-match-view.c) and its actions on a hit
 * (hc-match-view-hits.c) call in each other. */
#pragma once

#include "hc-core.h"
#include "hc-match-view.h"

G_BEGIN_DECLS

struct _HcMatchView
{
  GtkWidget           parent_instance;

  /* template children */
  GtkEditable        *purpose_entry;
  GtkProgressBar     *progress_bar;
  GtkLabel           *message_label;
  GtkSingleSelection *runs_selection;
  GtkLabel           *run_label;
  GtkDropDown        *class_dropdown;
  GtkDropDown        *state_dropdown;
  GtkDropDown        *feedback_dropdown;
  GtkDropDown        *change_dropdown;
  GtkLabel           *total_label;
  GtkSingleSelection *hits_selection;
  GtkLabel           *hit_label;

  /* state */
  char               *next_cursor;
  gint64              total;
  gint64              select_run;    /* the run to select once the runs came */
  guint               busy;
  gboolean            loaded;
  gboolean            listing;
  gboolean            appending;
  gboolean            acting;        /* an upload, re-run, feedback or clearance */
  gboolean            updating;

  /* owned objects */
  HcClient           *client;
  GListStore         *runs;
  GListStore         *hits;
  HcMatchRun         *run;
  GCancellable       *cancellable;         /* runs and hits */
  GCancellable       *action_cancellable;
  GtkNativeDialog    *chooser;
};

void        _hc_match_view_busy_changed (HcMatchView *self,
                                         int          delta);
/* The line under the upload, an error or what an action did; NULL hides it. */
void        _hc_match_view_set_message  (HcMatchView *self,
                                         const char  *message,
                                         gboolean     error);
HcMatchHit *_hc_match_view_selected_hit (HcMatchView *self);
/* While an upload, re-run, feedback or clearance runs, the actions wait. */
void        _hc_match_view_set_acting   (HcMatchView *self,
                                         gboolean     acting);

/* match.feedback, .clear-hit, .withdraw-clearance */
void _hc_match_view_install_hit_actions (GtkWidgetClass *widget_class);

G_END_DECLS
