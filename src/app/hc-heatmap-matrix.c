/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcHeatmapMatrix: 市县 rows × month or category columns, each cell in the
 * heat scale's colour with its value; a click or Enter on a cell asks for
 * its events. */
#define G_LOG_DOMAIN "hc-heatmap-matrix"

#include "config.h"

#include <glib/gi18n.h>

#include "hc-heat-scale.h"
#include "hc-heatmap-matrix.h"

#define CELL_HEIGHT 26.0
#define MIN_CELL_WIDTH 52.0
#define PAD 6.0
#define LEGEND_HEIGHT 30.0

struct _HcHeatmapMatrix
{
  GtkWidget  parent_instance;

  HcHeatmap *heatmap;
  HcHeatBreaks *fixed_breaks;   /* NULL: equal intervals up to the max */
  int        row;
  int        column;

  double     header_width;
  double     header_height;
  double     cell_width;
};

G_DEFINE_FINAL_TYPE (HcHeatmapMatrix, hc_heatmap_matrix, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_HEATMAP, N_PROPS };
enum { CELL_ACTIVATED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static double
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

/* Header sizes from the names; cells share the width that is left. */
static void
compute_layout (HcHeatmapMatrix *self,
                int              width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double widest_column = 0;

  self->header_width = 0;
  self->header_height = CELL_HEIGHT;
  self->cell_width = MIN_CELL_WIDTH;
  if (self->heatmap == NULL)
    return;
  for (guint r = 0; r < self->heatmap->n_rows; r++)
    self->header_width = MAX (self->header_width, text_width (widget, self->heatmap->row_names[r]));
  self->header_width += 2 * PAD;
  for (guint c = 0; c < self->heatmap->n_columns; c++)
    widest_column = MAX (widest_column, text_width (widget, self->heatmap->column_names[c]));
  self->cell_width = MAX (MIN_CELL_WIDTH, widest_column + 2 * PAD);
  if (width > 0 && self->heatmap->n_columns > 0)
    self->cell_width = MAX (self->cell_width,
                            MIN (120, (width - self->header_width) / self->heatmap->n_columns));
}

static void
current_breaks (HcHeatmapMatrix *self,
                HcHeatBreaks    *breaks)
{
  if (self->fixed_breaks != NULL)
    *breaks = *self->fixed_breaks;
  else
    hc_heat_breaks_init_equal (breaks, self->heatmap ? self->heatmap->max : 0);
}

static void
hc_heatmap_matrix_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  HcHeatmapMatrix *self = HC_HEATMAP_MATRIX (widget);
  guint n_rows = self->heatmap ? self->heatmap->n_rows : 0;
  guint n_columns = self->heatmap ? self->heatmap->n_columns : 0;
  HcHeatBreaks breaks;
  double legend;

  current_breaks (self, &breaks);
  legend = hc_heat_scale_legend_width (widget, &breaks, hc_heatmap_is_whole (self->heatmap));

  compute_layout (self, -1);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = (int) (MAX (self->header_width + n_columns * self->cell_width, legend) + PAD);
  else
    *minimum = *natural = (int) (self->header_height + n_rows * CELL_HEIGHT + LEGEND_HEIGHT + PAD) + 1;
}

static void
hc_heatmap_matrix_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  compute_layout (HC_HEATMAP_MATRIX (widget), width);
}

gboolean
hc_heatmap_matrix_get_cell_area (HcHeatmapMatrix *self,
                                 guint            row,
                                 guint            column,
                                 graphene_rect_t *area)
{
  g_return_val_if_fail (HC_IS_HEATMAP_MATRIX (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (self->heatmap == NULL || row >= self->heatmap->n_rows || column >= self->heatmap->n_columns)
    return FALSE;
  graphene_rect_init (area, self->header_width + column * self->cell_width,
                      self->header_height + row * CELL_HEIGHT,
                      self->cell_width, CELL_HEIGHT);
  return TRUE;
}

static gboolean
cell_at (HcHeatmapMatrix *self,
         double           x,
         double           y,
         int             *row,
         int             *column)
{
  if (self->heatmap == NULL || x < self->header_width || y < self->header_height)
    return FALSE;
  *row = (int) ((y - self->header_height) / CELL_HEIGHT);
  *column = (int) ((x - self->header_width) / self->cell_width);
  return *row < (int) self->heatmap->n_rows && *column < (int) self->heatmap->n_columns;
}

static void
append_text (GtkSnapshot *snapshot,
             PangoLayout *layout,
             double       x,
             double       y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
hc_heatmap_matrix_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  HcHeatmapMatrix *self = HC_HEATMAP_MATRIX (widget);
  HcHeatmap *map = self->heatmap;
  GdkRGBA fg, white = { 1, 1, 1, 1 }, dark = { 0.1, 0.1, 0.1, 1 };
  GdkRGBA grid = { 1, 1, 1, 1 };
  HcHeatBreaks breaks;
  int w, h;

  if (map == NULL)
    return;
  current_breaks (self, &breaks);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  for (guint c = 0; c < map->n_columns; c++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, map->column_names[c]);

      pango_layout_get_pixel_size (layout, &w, &h);
      append_text (snapshot, layout, self->header_width + c * self->cell_width + (self->cell_width - w) / 2,
                   (self->header_height - h) / 2, &fg);
    }
  for (guint r = 0; r < map->n_rows; r++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, map->row_names[r]);
      double y = self->header_height + r * CELL_HEIGHT;

      pango_layout_get_pixel_size (layout, &w, &h);
      append_text (snapshot, layout, self->header_width - PAD - w, y + (CELL_HEIGHT - h) / 2, &fg);
      for (guint c = 0; c < map->n_columns; c++)
        {
          double value = hc_heatmap_get_value (map, r, c);
          guint klass = hc_heat_breaks_class (&breaks, value);
          g_autofree char *text = hc_heat_scale_format (value);
          g_autoptr(PangoLayout) cell_layout = gtk_widget_create_pango_layout (widget, text);
          graphene_rect_t area;
          GdkRGBA color;

          hc_heatmap_matrix_get_cell_area (self, r, c, &area);
          hc_heat_scale_class_color (klass, &color);
          gtk_snapshot_append_color (snapshot, &grid, &area);
          gtk_snapshot_append_color (snapshot, &color,
                                     &GRAPHENE_RECT_INIT (area.origin.x + 1, area.origin.y + 1,
                                                          area.size.width - 2, area.size.height - 2));
          /* The value is right-aligned, so a cell's left part shows only
           * its colour. */
          pango_layout_get_pixel_size (cell_layout, &w, &h);
          /* Zeros stay blank: the few cells with events stand out. */
          if (value != 0)
            append_text (snapshot, cell_layout, area.origin.x + area.size.width - PAD - w,
                       area.origin.y + (CELL_HEIGHT - h) / 2,
                       klass >= HC_HEAT_SCALE_N_CLASSES - 2 ? &white : &dark);
        }
    }

  if (self->row >= 0 && self->column >= 0)
    {
      graphene_rect_t area;

      if (hc_heatmap_matrix_get_cell_area (self, self->row, self->column, &area))
        {
          GskRoundedRect outline;
          GdkRGBA focus = { 0.11, 0.35, 0.85, 1 };
          float width = gtk_widget_has_focus (widget) ? 3 : 2;
          float widths[4] = { width, width, width, width };
          GdkRGBA colors[4] = { focus, focus, focus, focus };

          gsk_rounded_rect_init_from_rect (&outline, &area, 0);
          gtk_snapshot_append_border (snapshot, &outline, widths, colors);
        }
    }

  hc_heat_scale_snapshot_legend (widget, snapshot, PAD,
                                 self->header_height + map->n_rows * CELL_HEIGHT + PAD + 4, &breaks,
                                 hc_heatmap_is_whole (map));
}

static gboolean
hc_heatmap_matrix_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard,
                                 GtkTooltip *tooltip)
{
  HcHeatmapMatrix *self = HC_HEATMAP_MATRIX (widget);
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  int row, column;

  if (keyboard)
    {
      row = self->row;
      column = self->column;
      if (row < 0 || column < 0 || self->heatmap == NULL)
        return FALSE;
    }
  else if (!cell_at (self, x, y, &row, &column))
    return FALSE;
  value = hc_heat_scale_format (hc_heatmap_get_value (self->heatmap, row, column));
  /* TRANSLATORS: a heat map cell's tooltip: city or county, month or category, value */
  text = g_strdup_printf (_("%s, %s: %s"), self->heatmap->row_names[row],
                          self->heatmap->column_names[column], value);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_accessible (HcHeatmapMatrix *self)
{
  g_autofree char *description = NULL;

  if (self->heatmap != NULL && self->row >= 0 && self->column >= 0)
    {
      g_autofree char *value = hc_heat_scale_format (hc_heatmap_get_value (self->heatmap, self->row, self->column));

      description = g_strdup_printf (_("%s, %s: %s"), self->heatmap->row_names[self->row],
                                     self->heatmap->column_names[self->column], value);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

static void
drill_down_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  HcHeatmapMatrix *self = HC_HEATMAP_MATRIX (widget);

  if (self->heatmap != NULL && self->row >= 0 && self->column >= 0)
    g_signal_emit (self, signals [CELL_ACTIVATED], 0,
                   self->heatmap->rows[self->row], self->heatmap->columns[self->column]);
}

static gboolean
key_pressed_cb (HcHeatmapMatrix       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int row = MAX (self->row, 0), column = MAX (self->column, 0);
  int n_rows, n_columns;

  if (self->heatmap == NULL || self->heatmap->n_rows == 0 || self->heatmap->n_columns == 0)
    return FALSE;
  n_rows = self->heatmap->n_rows;
  n_columns = self->heatmap->n_columns;
  switch (keyval)
    {
    case GDK_KEY_Right:
      column = MIN (column + 1, n_columns - 1);
      break;
    case GDK_KEY_Left:
      column = MAX (column - 1, 0);
      break;
    case GDK_KEY_Down:
      row = MIN (row + 1, n_rows - 1);
      break;
    case GDK_KEY_Up:
      row = MAX (row - 1, 0);
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      gtk_widget_activate_action (GTK_WIDGET (self), "heatmap-matrix.drill-down", NULL);
      return TRUE;
    default:
      return FALSE;
    }
  hc_heatmap_matrix_select_cell (self, row, column);
  return TRUE;
}

static void
pressed_cb (HcHeatmapMatrix *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  int row, column;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!cell_at (self, x, y, &row, &column))
    return;
  hc_heatmap_matrix_select_cell (self, row, column);
  gtk_widget_activate_action (GTK_WIDGET (self), "heatmap-matrix.drill-down", NULL);
}

static void
hc_heatmap_matrix_dispose (GObject *object)
{
  HcHeatmapMatrix *self = HC_HEATMAP_MATRIX (object);

  g_clear_pointer (&self->heatmap, hc_heatmap_unref);
  g_clear_pointer (&self->fixed_breaks, g_free);

  G_OBJECT_CLASS (hc_heatmap_matrix_parent_class)->dispose (object);
}

static void
hc_heatmap_matrix_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HcHeatmapMatrix *self = HC_HEATMAP_MATRIX (object);

  switch (prop_id)
    {
    case PROP_HEATMAP:
      g_value_set_boxed (value, hc_heatmap_matrix_get_heatmap (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_heatmap_matrix_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HcHeatmapMatrix *self = HC_HEATMAP_MATRIX (object);

  switch (prop_id)
    {
    case PROP_HEATMAP:
      hc_heatmap_matrix_set_heatmap (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_heatmap_matrix_class_init (HcHeatmapMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_heatmap_matrix_dispose;
  object_class->get_property = hc_heatmap_matrix_get_property;
  object_class->set_property = hc_heatmap_matrix_set_property;
  widget_class->snapshot = hc_heatmap_matrix_snapshot;
  widget_class->measure = hc_heatmap_matrix_measure;
  widget_class->size_allocate = hc_heatmap_matrix_size_allocate;
  widget_class->query_tooltip = hc_heatmap_matrix_query_tooltip;

  properties [PROP_HEATMAP] =
    g_param_spec_boxed ("heatmap", NULL, NULL, HC_TYPE_HEATMAP,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HcHeatmapMatrix::cell-activated:
   * @region: the row's 市县 code
   * @column: the column's key (a month "YYYY-MM" or a category key)
   */
  signals [CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "heatmap-matrix.drill-down", NULL, drill_down_action);
  gtk_widget_class_set_css_name (widget_class, "heatmapmatrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
hc_heatmap_matrix_init (HcHeatmapMatrix *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->row = self->column = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Risk events by city or county and month or category"),
                                  -1);
}

GtkWidget *
hc_heatmap_matrix_new (void)
{
  return g_object_new (HC_TYPE_HEATMAP_MATRIX, NULL);
}

HcHeatmap *
hc_heatmap_matrix_get_heatmap (HcHeatmapMatrix *self)
{
  g_return_val_if_fail (HC_IS_HEATMAP_MATRIX (self), NULL);
  return self->heatmap;
}

void
hc_heatmap_matrix_set_heatmap (HcHeatmapMatrix *self,
                               HcHeatmap       *heatmap)
{
  g_return_if_fail (HC_IS_HEATMAP_MATRIX (self));

  if (self->heatmap == heatmap)
    return;
  g_clear_pointer (&self->heatmap, hc_heatmap_unref);
  if (heatmap != NULL)
    self->heatmap = hc_heatmap_ref (heatmap);
  self->row = self->column = -1;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HEATMAP]);
}

int
hc_heatmap_matrix_get_selected_row (HcHeatmapMatrix *self)
{
  g_return_val_if_fail (HC_IS_HEATMAP_MATRIX (self), -1);
  return self->row;
}

int
hc_heatmap_matrix_get_selected_column (HcHeatmapMatrix *self)
{
  g_return_val_if_fail (HC_IS_HEATMAP_MATRIX (self), -1);
  return self->column;
}

/* Selects a cell (-1, -1 for none), as a click or the arrow keys do. */
void
hc_heatmap_matrix_select_cell (HcHeatmapMatrix *self,
                               int              row,
                               int              column)
{
  g_return_if_fail (HC_IS_HEATMAP_MATRIX (self));

  if (self->heatmap == NULL || row < 0 || column < 0 ||
      row >= (int) self->heatmap->n_rows || column >= (int) self->heatmap->n_columns)
    row = column = -1;
  self->row = row;
  self->column = column;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* As hc_region_map_set_breaks(): fixed class breaks, or NULL for equal
 * intervals up to the largest value shown. */
void
hc_heatmap_matrix_set_breaks (HcHeatmapMatrix    *self,
                              const HcHeatBreaks *breaks)
{
  g_return_if_fail (HC_IS_HEATMAP_MATRIX (self));

  g_clear_pointer (&self->fixed_breaks, g_free);
  if (breaks != NULL)
    self->fixed_breaks = g_memdup2 (breaks, sizeof *breaks);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
hc_heatmap_matrix_get_breaks (HcHeatmapMatrix *self,
                              HcHeatBreaks    *breaks)
{
  g_return_if_fail (HC_IS_HEATMAP_MATRIX (self));
  g_return_if_fail (breaks != NULL);
  current_breaks (self, breaks);
}
