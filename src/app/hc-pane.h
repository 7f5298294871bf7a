/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcPane: what every pane of the main window shares — its client, the
 * cancellable of its requests, refresh and search, and its states. */
#pragma once

#include <gtk/gtk.h>

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

  /*< private >*/
  gpointer _reserved[8];
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
void          hc_pane_show_error        (HcPane       *self,
                                         const GError *error);

G_END_DECLS
