/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the UI tests do in the indicators pane's dialogs, as a user would;
 * and what the pane's files (hc-indicators-pane.c, its writes in
 * hc-indicators-pane-writes.c) share: the instance and their helpers. */
#pragma once

#include <adwaita.h>

#include "hc-indicator-chart.h"
#include "hc-indicator-return-dialog.h"
#include "hc-indicator-submit-dialog.h"
#include "hc-indicator-year-table.h"

#include "hc-indicator-records-view.h"
#include "hc-indicator-region-chart.h"
#include "hc-indicator-regions-view.h"
#include "hc-indicator-review-view.h"
#include "hc-indicator-table-button.h"
#include "hc-indicators-pane.h"

G_BEGIN_DECLS

void        hc_indicators_pane_submit_dialog_fill  (HcIndicatorsPane *self,
                                                    const char       *value,
                                                    const char       *evidence);
void        hc_indicators_pane_submit_dialog_send  (HcIndicatorsPane *self);
const char *hc_indicators_pane_submit_dialog_error (HcIndicatorsPane *self,
                                                    const char       *field);
void        hc_indicators_pane_return_dialog_fill  (HcIndicatorsPane *self,
                                                    const char       *comment);
void        hc_indicators_pane_return_dialog_send  (HcIndicatorsPane *self);
HcIndicatorRegionChart *hc_indicators_pane_get_region_chart (HcIndicatorsPane *self);
void        hc_indicators_pane_show_view           (HcIndicatorsPane *self,
                                                    const char       *name);
HcIndicatorReviewView *hc_indicators_pane_get_review_view (HcIndicatorsPane *self);
HcIndicatorRegionsView *hc_indicators_pane_get_regions_view (HcIndicatorsPane *self);
HcIndicatorRecordsView *hc_indicators_pane_get_records_view (HcIndicatorsPane *self);
HcIndicatorTableButton *hc_indicators_pane_get_table_button (HcIndicatorsPane *self);

/* Inside the pane's files */

struct _HcIndicatorsPane
{
  HcPane              parent_instance;

  /* Template children */
  AdwViewStack       *view_stack;
  HcIndicatorReviewView *review_view;
  AdwViewStackPage   *records_page;
  HcIndicatorRecordsView *records_view;
  GtkWidget          *records_button;
  GtkSearchBar       *search_bar;
  GtkWidget          *search_entry;
  GtkDropDown        *year_dropdown;
  HcIndicatorTableButton *table_button;
  GtkLabel           *met_badge;
  GtkLabel           *unmet_badge;
  GtkLabel           *warning_badge;
  GtkLabel           *pending_badge;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkStack           *detail_stack;
  GtkLabel           *detail_title;
  GtkLabel           *detail_target;
  GtkLabel           *detail_source;
  HcIndicatorChart   *chart;
  HcIndicatorRegionChart *region_chart;
  GtkLabel           *detail_message;
  GtkWidget          *submit_button;
  GtkWidget          *approve_button;
  GtkWidget          *return_button;
  HcIndicatorYearTable *year_table;
  HcIndicatorRegionsView *regions_view;

  /* Windows of their own: destroyed in dispose */
  HcIndicatorSubmitDialog *submit_dialog;
  HcIndicatorReturnDialog *return_dialog;

  /* State */
  int                 year;
  gboolean            year_chosen;
  gboolean            updating_year;
  gboolean            updating_list;
  gboolean            busy;
  gboolean            stale;          /* a review in the queue changed what the dashboard shows */
  char               *selected_key;

  /* Owned objects */
  GCancellable       *detail_cancellable;
  GCancellable       *write_cancellable;
  GListModel         *indicators;
  HcIndicatorDetail  *detail;
};

/* The value of the detail's indicator in the year shown, or NULL. */
const HcIndicatorYear *_hc_indicators_pane_current_year_value (HcIndicatorsPane *self);
void                   _hc_indicators_pane_set_busy           (HcIndicatorsPane *self,
                                                               gboolean          busy);
/* The detail panel's message (what the last write did); NULL hides it. */
void                   _hc_indicators_pane_show_message       (HcIndicatorsPane *self,
                                                               const char       *message);
/* Makes the submit and return dialogs and sends what they send. */
void                   _hc_indicators_pane_init_writes        (HcIndicatorsPane *self);
/* indicators.submit, .approve, .return */
void                   _hc_indicators_pane_install_write_actions (GtkWidgetClass *widget_class);

G_END_DECLS
