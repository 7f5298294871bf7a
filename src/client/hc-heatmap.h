/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcHeatmap: what GET /risk/heatmap answers (hc_client_get_heatmap_async). */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What GET /risk/heatmap answers: a dense matrix, rows are the 19 市县 in
 * GB/T order; @values is n_rows × n_columns, row-major. Immutable. */
typedef struct
{
  guint    n_rows;
  guint    n_columns;
  char   **rows;            /* GB/T 2260 codes */
  char   **row_names;
  char   **columns;         /* "2025-03", a category key, or "total" */
  char   **column_names;
  double  *values;
  double   min;
  double   max;
  gint64   total;
} HcHeatmap;

#define HC_TYPE_HEATMAP (hc_heatmap_get_type ())
GType           hc_heatmap_get_type           (void) G_GNUC_CONST;
HcHeatmap      *hc_heatmap_new_from_json      (JsonObject      *obj);
HcHeatmap      *hc_heatmap_ref                (HcHeatmap       *heatmap);
void            hc_heatmap_unref              (HcHeatmap       *heatmap);
double          hc_heatmap_get_value          (const HcHeatmap *heatmap,
                                               guint            row,
                                               guint            column);
int             hc_heatmap_find_row           (const HcHeatmap *heatmap,
                                               const char      *region);
gboolean        hc_heatmap_is_whole           (const HcHeatmap *heatmap);
HcHeatmap      *hc_heatmap_new_from_grades    (GListModel      *shares,
                                               gboolean         by_grade);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcHeatmap, hc_heatmap_unref)

G_END_DECLS
