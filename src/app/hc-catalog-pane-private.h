/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of HcCatalogPane share: its instance and the helpers
 * that the pane (hc-catalog-pane.c) and its actions
 * (hc-catalog-pane-actions.c) call in each other. */
#pragma once

#include <adwaita.h>

#include "hc-catalog-diff-view.h"
#include "hc-catalog-pane.h"
#include "hc-core.h"
#include "hc-import-page.h"
#include "hc-quality-view.h"

G_BEGIN_DECLS

struct _HcCatalogPane
{
  HcPane              parent_instance;

  /* template children */
  AdwViewStack       *stack;
  HcImportPage       *import_page;
  HcCatalogDiffView  *diff_view;
  HcQualityView      *quality_view;
  GtkDropDown        *version_dropdown;
  GtkLabel           *badge_label;
  GtkLabel           *version_label;
  GtkSearchBar       *search_bar;
  GtkWidget          *search_entry;
  GtkDropDown        *category_dropdown;
  GtkDropDown        *department_dropdown;
  GtkDropDown        *disclosure_dropdown;
  GtkDropDown        *scope_dropdown;
  GtkColumnView      *item_view;
  GtkSingleSelection *selection;
  GtkSortListModel   *sort_model;
  GtkLabel           *count_label;
  GtkWidget          *publish_button;

  /* state */
  GListStore         *versions;        /* of HcCatalogVersion, newest first */
  GListStore         *items;           /* of HcCatalogItem, the version's rows shown */
  GArray             *department_ids;  /* gint64, by department_dropdown position - 1 */
  int                 year;            /* the version shown, 0 before one is */
  GPtrArray          *pending;         /* HcCatalogItem rows of the pages loading */
  gboolean            loading;         /* the items are being (re)loaded */
  GListModel         *departments;     /* of HcDepartment, for the item dialog */
  GCancellable       *departments_cancellable;  /* apart: the items' requests renew the pane's */
  GtkWindow          *dialog;          /* weak: the item dialog or a question open */
  AdwToast           *toast;           /* weak: the last toast shown */
  HcCatalogItem      *deleting;        /* removed from the rows, deleted when its toast goes */
  gboolean            undone;          /* its toast's Undo was pressed */
};

void     _hc_catalog_pane_update_actions (HcCatalogPane *self);
/* The shown version's items with the filters, from the first page on. */
void     _hc_catalog_pane_load_items     (HcCatalogPane *self);
void     _hc_catalog_pane_update_count   (HcCatalogPane *self);
/* Only supervisors and administrators publish. */
gboolean _hc_catalog_pane_may_publish    (HcCatalogPane *self);

/* catalog.add, .edit, .delete, .new-draft, .publish */
void _hc_catalog_pane_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
