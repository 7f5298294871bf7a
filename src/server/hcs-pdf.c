/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcsPdf: the server's one PDF renderer, cairo's PDF surface with Pango
 * text in Noto CJK. A document is a list of blocks; rendering first flows
 * them onto pages (a display list per page), then draws each page with its
 * running header and a footer that knows the page count. Text wraps by
 * word and, where a word is wider than its column (a long number), by
 * character; what does not fit on a page goes on at the top of the next,
 * line by line, so nothing is ever cut. */
#define G_LOG_DOMAIN "hcs-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "hcs-pdf.h"

/* A4 in points; cairo's PDF unit is the point, and the Pango context runs
 * at 72 dpi, so font sizes are points too. */
#define PAGE_W        595.276
#define PAGE_H        841.890
#define MARGIN_X      56.0
#define CONTENT_W     (PAGE_W - 2 * MARGIN_X)
#define CONTENT_TOP   72.0
#define CONTENT_BOT   (PAGE_H - 68.0)
#define HEADER_Y      36.0
#define FOOTER_Y      (PAGE_H - 50.0)
#define CELL_PAD      4.0
#define LINE_WIDTH    0.5
/* A heading is not left alone at the foot of a page: it needs this much
 * room below it for what it heads. */
#define KEEP_WITH_NEXT 40.0

#define FONT_FAMILY   "Noto Sans CJK SC"
#define FONT_TITLE    FONT_FAMILY " Bold 17"
#define FONT_HEADING  FONT_FAMILY " Bold 12.5"
#define FONT_BODY     FONT_FAMILY " 10"
#define FONT_NOTE     FONT_FAMILY " 8.5"
#define FONT_CELL     FONT_FAMILY " 8.5"
#define FONT_CELL_HDR FONT_FAMILY " Bold 8.5"
#define FONT_RUNNING  FONT_FAMILY " 7.5"

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  BlockKind    kind;
  char        *text;
  HcsPdfTable *table;
} Block;

struct _HcsPdfTable
{
  guint      n_columns;
  GStrv      headers;     /* NULL: no header row */
  double    *widths;      /* shares of the content width, summing to 1 */
  GPtrArray *rows;        /* of GStrv */
};

struct _HcsPdf
{
  char           *title;
  char           *header;
  HcsPdfPageText  footer;
  gpointer        footer_data;
  GPtrArray      *blocks;
  PangoFontMap   *font_map;
  PangoContext   *context;
};

typedef enum
{
  OP_TEXT,      /* lines of a layout, clipped to [clip_y, clip_y + h) */
  OP_FILL,      /* a grey rectangle */
  OP_STROKE,    /* a rectangle's outline */
} OpKind;

typedef struct
{
  OpKind       kind;
  PangoLayout *layout;
  double       x, y, w, h;
  double       clip_y;
  double       gray;
} Op;

/* A layout being poured onto pages, line by line. */
typedef struct
{
  PangoLayout *layout;
  double      *top;
  double      *bottom;
  int          n;
  int          next;
} Pour;

typedef struct
{
  HcsPdf    *pdf;
  GPtrArray *pages;   /* of GArray of Op */
  GArray    *ops;     /* the current page's */
  double     y;
  double     body_top;  /* where content starts on this page (below a repeated table header) */
} Flow;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_clear_pointer (&block->table, hcs_pdf_table_free);
  g_free (block);
}

/**
 * hcs_pdf_new:
 * @title: the document's title (its metadata, and the running header's left)
 * @header: (nullable): the running header's right, e.g. the report number
 * @footer: makes each page's footer, which may name the page count
 */
HcsPdf *
hcs_pdf_new (const char     *title,
             const char     *header,
             HcsPdfPageText  footer,
             gpointer        footer_data)
{
  HcsPdf *self = g_new0 (HcsPdf, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  g_return_val_if_fail (title != NULL, NULL);

  self->title = g_strdup (title);
  self->header = g_strdup (header);
  self->footer = footer;
  self->footer_data = footer_data;
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  /* A font map of its own: documents are rendered on the server's worker
   * threads, and this one goes away with the document. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  /* Metrics independent of any device, so that what the flow measured is
   * what the page draws. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  return self;
}

void
hcs_pdf_free (HcsPdf *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->header);
  g_ptr_array_unref (self->blocks);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_free (self);
}

static void
add_block (HcsPdf      *self,
           BlockKind    kind,
           const char  *text,
           HcsPdfTable *table)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  block->table = table;
  g_ptr_array_add (self->blocks, block);
}

void
hcs_pdf_add_title (HcsPdf     *self,
                   const char *text)
{
  g_return_if_fail (self != NULL && text != NULL);
  add_block (self, BLOCK_TITLE, text, NULL);
}

void
hcs_pdf_add_heading (HcsPdf     *self,
                     const char *text)
{
  g_return_if_fail (self != NULL && text != NULL);
  add_block (self, BLOCK_HEADING, text, NULL);
}

void
hcs_pdf_add_paragraph (HcsPdf     *self,
                       const char *text)
{
  g_return_if_fail (self != NULL && text != NULL);
  add_block (self, BLOCK_PARAGRAPH, text, NULL);
}

/* A smaller paragraph: remarks, the line on how to verify. */
void
hcs_pdf_add_note (HcsPdf     *self,
                  const char *text)
{
  g_return_if_fail (self != NULL && text != NULL);
  add_block (self, BLOCK_NOTE, text, NULL);
}

/**
 * hcs_pdf_add_table:
 * @table: (transfer full): the table
 */
void
hcs_pdf_add_table (HcsPdf      *self,
                   HcsPdfTable *table)
{
  g_return_if_fail (self != NULL && table != NULL);
  add_block (self, BLOCK_TABLE, NULL, table);
}

/**
 * hcs_pdf_table_new:
 * @headers: (nullable) (array): @n_columns column titles, or %NULL for a
 *   table without a header row (a form of labels and values)
 * @widths: (nullable) (array): @n_columns relative widths; %NULL for equal ones
 */
HcsPdfTable *
hcs_pdf_table_new (guint               n_columns,
                   const char * const *headers,
                   const double       *widths)
{
  HcsPdfTable *table;
  double sum = 0;

  g_return_val_if_fail (n_columns > 0, NULL);

  table = g_new0 (HcsPdfTable, 1);
  table->n_columns = n_columns;
  table->widths = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    sum += table->widths[i] = widths != NULL && widths[i] > 0 ? widths[i] : 1.0;
  for (guint i = 0; i < n_columns; i++)
    table->widths[i] /= sum;
  if (headers != NULL)
    {
      table->headers = g_new0 (char *, n_columns + 1);
      for (guint i = 0; i < n_columns; i++)
        table->headers[i] = g_strdup (headers[i] ? headers[i] : "");
    }
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

/* @cells: (array): the row's @n_columns texts (NULL ones are empty) */
void
hcs_pdf_table_add_row (HcsPdfTable        *table,
                       const char * const *cells)
{
  char **row;

  g_return_if_fail (table != NULL && cells != NULL);

  row = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup (cells[i] ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

guint
hcs_pdf_table_get_n_rows (HcsPdfTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

void
hcs_pdf_table_free (HcsPdfTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->headers);
  g_free (table->widths);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

/* Layout and pagination. */

static PangoLayout *
make_layout (HcsPdf         *self,
             const char     *text,
             const char     *font,
             double          width,
             PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
pour_init (Pour        *pour,
           PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int i = 0;

  pour->layout = layout;
  pour->n = pango_layout_get_line_count (layout);
  pour->top = g_new (double, pour->n);
  pour->bottom = g_new (double, pour->n);
  pour->next = 0;
  do
    {
      PangoRectangle logical;

      g_assert (i < pour->n);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pour->top[i] = (double) logical.y / PANGO_SCALE;
      pour->bottom[i] = (double) (logical.y + logical.height) / PANGO_SCALE;
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  pour->n = i;
}

static void
pour_clear (Pour *pour)
{
  g_clear_pointer (&pour->top, g_free);
  g_clear_pointer (&pour->bottom, g_free);
  g_clear_object (&pour->layout);
}

/* The height of the lines from @pour's next one up to (not including) @end. */
static double
pour_height (const Pour *pour,
             int         end)
{
  if (end <= pour->next)
    return 0;
  return pour->bottom[end - 1] - pour->top[pour->next];
}

/* Returns: how many of the remaining lines fit in @avail points */
static int
pour_fitting (const Pour *pour,
              double      avail)
{
  int k = 0;

  while (pour->next + k < pour->n && pour_height (pour, pour->next + k + 1) <= avail + 0.01)
    k++;
  return k;
}

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->layout);
}

static void
flow_new_page (Flow *flow)
{
  flow->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (flow->ops, op_clear);
  g_ptr_array_add (flow->pages, flow->ops);
  flow->y = flow->body_top = CONTENT_TOP;
}

static gboolean
flow_at_top (Flow *flow)
{
  return flow->y <= flow->body_top + 0.01;
}

static void
flow_rect (Flow   *flow,
           OpKind  kind,
           double  x,
           double  y,
           double  w,
           double  h,
           double  gray)
{
  Op op = { kind, NULL, x, y, w, h, 0, gray };

  g_array_append_val (flow->ops, op);
}

/* Draws the lines of @pour from its next one up to @end at (@x, @y). */
static void
flow_lines (Flow  *flow,
            Pour  *pour,
            int    end,
            double x,
            double y)
{
  Op op = { OP_TEXT, NULL, x, 0, 0, 0, y, 0 };

  if (end <= pour->next)
    return;
  op.layout = g_object_ref (pour->layout);
  op.y = y - pour->top[pour->next];
  op.w = pango_layout_get_width (pour->layout) / (double) PANGO_SCALE;
  op.h = pour_height (pour, end);
  g_array_append_val (flow->ops, op);
  pour->next = end;
}

/* A paragraph: as many lines on this page as fit, the rest on the next. */
static void
flow_text (Flow        *flow,
           PangoLayout *layout,
           double       space_after)
{
  Pour pour;

  pour_init (&pour, layout);
  while (pour.next < pour.n)
    {
      int k = pour_fitting (&pour, CONTENT_BOT - flow->y);
      double h;

      if (k == 0 && !flow_at_top (flow))
        {
          flow_new_page (flow);
          continue;
        }
      k = MAX (k, 1);
      h = pour_height (&pour, pour.next + k);
      flow_lines (flow, &pour, pour.next + k, MARGIN_X, flow->y);
      flow->y += h;
    }
  flow->y += space_after;
  pour_clear (&pour);
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

typedef struct
{
  HcsPdfTable *table;
  double       x[64];
  double       w[64];
  PangoLayout *headers[64];
  double       header_h;
  guint        header_page;   /* the page (1-based) it was last drawn on */
} TableFlow;

static void
flow_table_header (Flow      *flow,
                   TableFlow *tf)
{
  if (tf->table->headers == NULL || tf->header_page == flow->pages->len)
    return;
  for (guint c = 0; c < tf->table->n_columns; c++)
    {
      Pour pour;

      flow_rect (flow, OP_FILL, tf->x[c], flow->y, tf->w[c], tf->header_h, 0.90);
      flow_rect (flow, OP_STROKE, tf->x[c], flow->y, tf->w[c], tf->header_h, 0);
      pour_init (&pour, g_object_ref (tf->headers[c]));
      flow_lines (flow, &pour, pour.n, tf->x[c] + CELL_PAD, flow->y + CELL_PAD);
      pour_clear (&pour);
    }
  flow->y += tf->header_h;
  flow->body_top = flow->y;
  tf->header_page = flow->pages->len;
}

/* One row: whole on this page when it fits, else on the next page when it
 * would fit there, else (a row taller than a page) in pieces, each cell
 * going on from its own last line. */
static void
flow_table_row (Flow        *flow,
                TableFlow   *tf,
                char       **cells)
{
  guint n = tf->table->n_columns;
  g_autofree Pour *pours = g_new0 (Pour, n);
  gboolean started = FALSE;

  for (guint c = 0; c < n; c++)
    pour_init (&pours[c], make_layout (flow->pdf, cells[c], FONT_CELL, tf->w[c] - 2 * CELL_PAD,
                                       PANGO_ALIGN_LEFT));
  for (;;)
    {
      double avail, full = 0, piece = 0;
      int ends[64];

      flow_table_header (flow, tf);
      avail = CONTENT_BOT - flow->y - 2 * CELL_PAD;
      for (guint c = 0; c < n; c++)
        full = MAX (full, pour_height (&pours[c], pours[c].n));
      if (full <= avail)
        {
          for (guint c = 0; c < n; c++)
            {
              flow_rect (flow, OP_STROKE, tf->x[c], flow->y, tf->w[c], full + 2 * CELL_PAD, 0);
              flow_lines (flow, &pours[c], pours[c].n, tf->x[c] + CELL_PAD, flow->y + CELL_PAD);
            }
          flow->y += full + 2 * CELL_PAD;
          break;
        }
      if (!started && !flow_at_top (flow))
        {
          flow_new_page (flow);
          continue;
        }
      for (guint c = 0; c < n; c++)
        {
          ends[c] = pours[c].next + pour_fitting (&pours[c], avail);
          piece = MAX (piece, pour_height (&pours[c], ends[c]));
        }
      if (piece <= 0)
        {
          if (!flow_at_top (flow))
            {
              flow_new_page (flow);
              continue;
            }
          /* not even a line fits on an empty page: take one line anyway */
          for (guint c = 0; c < n; c++)
            {
              ends[c] = MIN (pours[c].next + 1, pours[c].n);
              piece = MAX (piece, pour_height (&pours[c], ends[c]));
            }
        }
      for (guint c = 0; c < n; c++)
        {
          flow_rect (flow, OP_STROKE, tf->x[c], flow->y, tf->w[c], piece + 2 * CELL_PAD, 0);
          flow_lines (flow, &pours[c], ends[c], tf->x[c] + CELL_PAD, flow->y + CELL_PAD);
        }
      flow->y += piece + 2 * CELL_PAD;
      started = TRUE;
      flow_new_page (flow);
    }
  for (guint c = 0; c < n; c++)
    pour_clear (&pours[c]);
}

static void
flow_table (Flow        *flow,
            HcsPdfTable *table)
{
  TableFlow tf = { table, };
  double x = MARGIN_X;

  g_assert (table->n_columns <= G_N_ELEMENTS (tf.x));
  for (guint c = 0; c < table->n_columns; c++)
    {
      tf.x[c] = x;
      tf.w[c] = table->widths[c] * CONTENT_W;
      x += tf.w[c];
      if (table->headers != NULL)
        {
          tf.headers[c] = make_layout (flow->pdf, table->headers[c], FONT_CELL_HDR,
                                       tf.w[c] - 2 * CELL_PAD, PANGO_ALIGN_LEFT);
          tf.header_h = MAX (tf.header_h, layout_height (tf.headers[c]) + 2 * CELL_PAD);
        }
    }
  /* the header with at least one line of a row under it */
  if (table->headers != NULL && CONTENT_BOT - flow->y < tf.header_h + 24 && !flow_at_top (flow))
    flow_new_page (flow);
  for (guint r = 0; r < table->rows->len; r++)
    flow_table_row (flow, &tf, g_ptr_array_index (table->rows, r));
  if (table->rows->len == 0)
    flow_table_header (flow, &tf);
  flow->body_top = CONTENT_TOP;
  flow->y += 8;
  for (guint c = 0; c < table->n_columns; c++)
    g_clear_object (&tf.headers[c]);
}

static void
flow_block (Flow  *flow,
            Block *block)
{
  switch (block->kind)
    {
    case BLOCK_TITLE:
      flow_text (flow, make_layout (flow->pdf, block->text, FONT_TITLE, CONTENT_W, PANGO_ALIGN_CENTER), 14);
      break;
    case BLOCK_HEADING:
      {
        PangoLayout *layout = make_layout (flow->pdf, block->text, FONT_HEADING, CONTENT_W, PANGO_ALIGN_LEFT);

        if (CONTENT_BOT - flow->y < layout_height (layout) + KEEP_WITH_NEXT && !flow_at_top (flow))
          flow_new_page (flow);
        if (!flow_at_top (flow))
          flow->y += 6;
        flow_text (flow, layout, 6);
      }
      break;
    case BLOCK_PARAGRAPH:
      flow_text (flow, make_layout (flow->pdf, block->text, FONT_BODY, CONTENT_W, PANGO_ALIGN_LEFT), 6);
      break;
    case BLOCK_NOTE:
      flow_text (flow, make_layout (flow->pdf, block->text, FONT_NOTE, CONTENT_W, PANGO_ALIGN_LEFT), 4);
      break;
    case BLOCK_TABLE:
      flow_table (flow, block->table);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Drawing. */

static void
draw_op (cairo_t  *cr,
         const Op *op)
{
  switch (op->kind)
    {
    case OP_TEXT:
      cairo_save (cr);
      /* the clip keeps the lines of the next piece (on the next page) out */
      cairo_rectangle (cr, op->x - 2, op->clip_y, op->w + 4, op->h);
      cairo_clip (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, op->x, op->y);
      pango_cairo_show_layout (cr, op->layout);
      cairo_restore (cr);
      break;
    case OP_FILL:
      cairo_set_source_rgb (cr, op->gray, op->gray, op->gray);
      cairo_rectangle (cr, op->x, op->y, op->w, op->h);
      cairo_fill (cr);
      break;
    case OP_STROKE:
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_set_line_width (cr, LINE_WIDTH);
      cairo_rectangle (cr, op->x, op->y, op->w, op->h);
      cairo_stroke (cr);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
draw_running_text (HcsPdf         *self,
                   cairo_t        *cr,
                   const char     *text,
                   double          y,
                   PangoAlignment  alignment)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL)
    return;
  layout = make_layout (self, text, FONT_RUNNING, CONTENT_W, alignment);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, MARGIN_X, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_rule (cairo_t *cr,
           double   y)
{
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_move_to (cr, MARGIN_X, y);
  cairo_line_to (cr, PAGE_W - MARGIN_X, y);
  cairo_stroke (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * hcs_pdf_render:
 * @n_pages: (out) (optional): the number of pages
 *
 * Returns: (transfer full): the PDF file, or %NULL with @error set
 */
GBytes *
hcs_pdf_render (HcsPdf  *self,
                guint   *n_pages,
                GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  Flow flow = { self, pages, };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (self != NULL, NULL);

  flow_new_page (&flow);
  for (guint i = 0; i < self->blocks->len; i++)
    flow_block (&flow, g_ptr_array_index (self->blocks, i));
  /* a table that ended exactly at the foot of a page leaves an empty one */
  if (pages->len > 1 && flow.ops->len == 0)
    g_ptr_array_remove_index (pages, pages->len - 1);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "hncredit-server");
  cr = cairo_create (surface);
  for (guint p = 0; p < pages->len; p++)
    {
      GArray *ops = g_ptr_array_index (pages, p);
      g_autofree char *footer = self->footer ? self->footer (p + 1, pages->len, self->footer_data) : NULL;

      draw_running_text (self, cr, self->title, HEADER_Y, PANGO_ALIGN_LEFT);
      draw_running_text (self, cr, self->header, HEADER_Y, PANGO_ALIGN_RIGHT);
      draw_rule (cr, HEADER_Y + 14);
      for (guint i = 0; i < ops->len; i++)
        draw_op (cr, &g_array_index (ops, Op, i));
      draw_rule (cr, FOOTER_Y - 4);
      draw_running_text (self, cr, footer, FOOTER_Y, PANGO_ALIGN_CENTER);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot render the PDF: %s",
                   cairo_status_to_string (status));
      return NULL;
    }
  if (n_pages != NULL)
    *n_pages = pages->len;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
