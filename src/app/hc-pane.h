/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcPane: what every pane of the main window shares — its client, the
 * cancellable of its requests, refresh and search, and its states. */
#pragma once

#include <adwaita.h>

#include "hc-client.h"
#include "hc-pane-state.h"

G_BEGIN_DECLS

#define HC_TYPE_PANE (hc_pane_get_type ())

G_DECLARE_DERIVABLE_TYPE (HcPane, hc_pane, HC, PANE, GtkWidget)

struct _HcPaneClass
{
  GtkWidgetClass parent_class;

  /* Loads what the pane shows. Called with a signed-in client and a fresh
   * cancellable: when the pane is mapped, on pane.refresh and on retry. */
  void (*reload) (HcPane *self);

  /* What pane.refresh (Ctrl+R) does. The default reloads the pane; a pane
   * with views that load themselves may refresh the one shown too. */
  void (*refresh) (HcPane *self);

  /* Opens the pane's search. The default shows the search bar given to
   * hc_pane_set_search_bar() and focuses its entry. */
  void (*search) (HcPane *self);

  /* What pane.export exports: the path of the listing the pane shows,
   * below /api/v1, with the pane's current filters (built by HcClient), or
   * NULL when there is nothing to export. A pane with several listings
   * asks hc_pane_get_export_listing() which one. Sets @file_name to the name the
   * file chooser proposes, without its extension ("公共信用信息目录-2025").
   * A pane that sets it offers Export (an HcExportButton in its template). */
  char *(*export_path) (HcPane  *self,
                        char   **file_name);

  /*< private >*/
  gpointer _reserved[7];
};

HcClient     *hc_pane_get_client        (HcPane       *self);
void          hc_pane_set_client        (HcPane       *self,
                                         HcClient     *client);
GCancellable *hc_pane_get_cancellable   (HcPane       *self);
GCancellable *hc_pane_renew_cancellable (HcPane       *self);
HcPaneState  *hc_pane_get_state         (HcPane       *self);
void          hc_pane_set_state         (HcPane       *self,
                                         HcPaneState  *state);
void          hc_pane_set_search_bar    (HcPane       *self,
                                         GtkSearchBar *search_bar,
                                         GtkWidget    *search_entry);
void          hc_pane_reload            (HcPane       *self);
void          hc_pane_show_loading      (HcPane       *self);
void          hc_pane_show_empty        (HcPane       *self);
void          hc_pane_show_content      (HcPane       *self);
void          hc_pane_show_list         (HcPane             *self,
                                         GListStore         *store,
                                         GListModel         *items,
                                         GtkSingleSelection *selection,
                                         gint64              select_id);
void          hc_pane_show_error        (HcPane       *self,
                                         const GError *error);

void          hc_pane_export_to_file    (HcPane       *self,
                                         HcExportFormat format,
                                         GFile        *file);
void          hc_pane_export_listing_to_file (HcPane    *self,
                                         const char   *listing,
                                         HcExportFormat format,
                                         GFile        *file);
const char   *hc_pane_get_export_listing (HcPane      *self);
gboolean      hc_pane_get_exporting     (HcPane       *self);
double        hc_pane_get_export_fraction (HcPane     *self);
GtkNativeDialog *hc_pane_get_export_chooser (HcPane   *self);
AdwToast     *hc_pane_get_export_toast  (HcPane       *self);

G_END_DECLS
