/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsPdf: the server's one PDF renderer (cairo + Pango), for every report it
 * issues: A4 pages with a running header and a footer that knows the page
 * count, a title, headings, paragraphs and tables whose cells wrap — long
 * text flows on to the next page, nothing is cut. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HcsPdf      HcsPdf;
typedef struct _HcsPdfTable HcsPdfTable;

/* Returns: (transfer full): the footer of page @page (1-based) of @n_pages */
typedef char *(*HcsPdfPageText) (guint    page,
                                 guint    n_pages,
                                 gpointer user_data);

HcsPdf      *hcs_pdf_new            (const char          *title,
                                     const char          *header,
                                     HcsPdfPageText       footer,
                                     gpointer             footer_data);
void         hcs_pdf_free           (HcsPdf              *self);
void         hcs_pdf_add_title      (HcsPdf              *self,
                                     const char          *text);
void         hcs_pdf_add_heading    (HcsPdf              *self,
                                     const char          *text);
void         hcs_pdf_add_paragraph  (HcsPdf              *self,
                                     const char          *text);
void         hcs_pdf_add_note       (HcsPdf              *self,
                                     const char          *text);
void         hcs_pdf_add_table      (HcsPdf              *self,
                                     HcsPdfTable         *table);
GBytes      *hcs_pdf_render         (HcsPdf              *self,
                                     guint               *n_pages,
                                     GError             **error);

HcsPdfTable *hcs_pdf_table_new      (guint                n_columns,
                                     const char * const  *headers,
                                     const double        *widths);
void         hcs_pdf_table_add_row  (HcsPdfTable         *table,
                                     const char * const  *cells);
guint        hcs_pdf_table_get_n_rows (HcsPdfTable       *table);
void         hcs_pdf_table_free     (HcsPdfTable         *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsPdf, hcs_pdf_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcsPdfTable, hcs_pdf_table_free)

G_END_DECLS
