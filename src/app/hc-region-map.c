/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRegionMap: the 19 市县 of Hainan filled by a heat map's values. The
 * outlines (GeoJSON in the resources) are parsed and turned into cairo paths
 * once per process; drawing only scales them. 三沙, whose islands lie far
 * south, is drawn in an inset box at the lower right. */
#define G_LOG_DOMAIN "hc-region-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hc-heat-scale.h"
#include "hc-region-geometry.h"
#include "hc-region-map.h"

#define MARGIN 12.0
#define LEGEND_HEIGHT 28.0
#define INSET_PAD 8.0
/* The open-alert marker: a disc below the 市县's point, so that the colour
 * at the point itself stays the heat map's. */
#define ALERT_RADIUS 7.0
#define ALERT_OFFSET 13.0
#define ALERT_COLOR "#1c4fc4"

struct _HcRegionMap
{
  GtkWidget        parent_instance;

  HcHeatmap       *heatmap;
  char            *selected;
  GHashTable      *alert_regions;   /* codes of the 市县 with open alerts */
  HcHeatBreaks    *fixed_breaks;    /* NULL: equal intervals up to the max */
  char            *legend_title;    /* what the values are, before the legend; NULL for none */

  /* layout of the last allocation: device = offset + scale × path unit */
  double           scale, ox, oy;
  double           iscale, iox, ioy;
  graphene_rect_t  inset_box;
  double           legend_y;
  cairo_t         *hit_cr;
};

G_DEFINE_FINAL_TYPE (HcRegionMap, hc_region_map, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_HEATMAP, PROP_SELECTED_REGION, N_PROPS };
enum { REGION_ACTIVATED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Places the island and the inset in the widget's size. */
static void
hc_region_map_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  HcRegionMap *self = HC_REGION_MAP (widget);
  HcRegionGeometry *g = hc_region_geometry_get ();
  double mw = g->x1 - g->x0, mh = g->y1 - g->y0;
  double iw_ratio = (g->ix1 - g->ix0) / (g->iy1 - g->iy0);
  double avail_w = MAX (1, width - 2 * MARGIN);
  double avail_h = MAX (1, height - 2 * MARGIN - LEGEND_HEIGHT);
  double inset_h_units = mh * 0.5;
  double inset_w_units = inset_h_units * iw_ratio + 2 * INSET_PAD / 100.0;
  double gap_units = mw * 0.03;
  double total_w = mw + gap_units + inset_w_units;
  double inner_w, inner_h;

  self->scale = MIN (avail_w / total_w, avail_h / mh);
  self->ox = MARGIN + (avail_w - total_w * self->scale) / 2 - g->x0 * self->scale;
  self->oy = MARGIN + (avail_h - mh * self->scale) / 2 - g->y0 * self->scale;
  self->inset_box = GRAPHENE_RECT_INIT (self->ox + (g->x1 + gap_units) * self->scale,
                                        self->oy + (g->y1 - inset_h_units) * self->scale,
                                        inset_w_units * self->scale,
                                        inset_h_units * self->scale);
  /* The islands inside the box, below a line for the name. */
  inner_w = MAX (1, self->inset_box.size.width - 2 * INSET_PAD);
  inner_h = MAX (1, self->inset_box.size.height - 2 * INSET_PAD - 20);
  self->iscale = MIN (inner_w / (g->ix1 - g->ix0), inner_h / (g->iy1 - g->iy0));
  self->iox = self->inset_box.origin.x + INSET_PAD
              + (inner_w - (g->ix1 - g->ix0) * self->iscale) / 2 - g->ix0 * self->iscale;
  self->ioy = self->inset_box.origin.y + INSET_PAD + 20 - g->iy0 * self->iscale;
  self->legend_y = height - MARGIN - LEGEND_HEIGHT + 8;
}

static void
shape_transform (HcRegionMap   *self,
                 HcRegionShape *shape,
                 cairo_t       *cr)
{
  if (shape == hc_region_geometry_get ()->inset)
    {
      cairo_translate (cr, self->iox, self->ioy);
      cairo_scale (cr, self->iscale, self->iscale);
    }
  else
    {
      cairo_translate (cr, self->ox, self->oy);
      cairo_scale (cr, self->scale, self->scale);
    }
}

/* Sets @shape's outline as @cr's path, in device units (so that a stroke's
 * width is not scaled with it). */
static void
shape_path (HcRegionMap   *self,
            HcRegionShape *shape,
            cairo_t       *cr)
{
  cairo_save (cr);
  shape_transform (self, shape, cr);
  cairo_new_path (cr);
  cairo_append_path (cr, shape->path);
  cairo_restore (cr);
}

static double
region_value (HcRegionMap *self,
              const char  *code,
              gboolean    *has_value)
{
  int row = self->heatmap != NULL ? hc_heatmap_find_row (self->heatmap, code) : -1;

  *has_value = row >= 0 && self->heatmap->n_columns > 0;
  return *has_value ? hc_heatmap_get_value (self->heatmap, row, 0) : 0;
}

static void
current_breaks (HcRegionMap  *self,
                HcHeatBreaks *breaks)
{
  if (self->fixed_breaks != NULL)
    *breaks = *self->fixed_breaks;
  else
    hc_heat_breaks_init_equal (breaks, self->heatmap ? self->heatmap->max : 0);
}

static void
shape_color (HcRegionMap   *self,
             HcRegionShape *shape,
             GdkRGBA       *color,
             guint         *klass_out)
{
  gboolean has_value;
  double value = region_value (self, shape->code, &has_value);
  HcHeatBreaks breaks;
  guint klass;

  current_breaks (self, &breaks);
  klass = hc_heat_breaks_class (&breaks, value);

  if (has_value)
    hc_heat_scale_class_color (klass, color);
  else
    *color = (GdkRGBA) { 0.85, 0.85, 0.85, 1 };
  *klass_out = has_value ? klass : 0;
}

/* The point of @shape where its colour shows: in the inset, the colour chip
 * beside 三沙's name. */
static void
shape_point (HcRegionMap   *self,
             HcRegionShape *shape,
             double        *x,
             double        *y)
{
  if (shape == hc_region_geometry_get ()->inset)
    {
      *x = self->inset_box.origin.x + INSET_PAD + 7;
      *y = self->inset_box.origin.y + INSET_PAD + 7;
    }
  else
    {
      *x = self->ox + shape->cx * self->scale;
      *y = self->oy + shape->cy * self->scale;
    }
}

/* Where @shape's alert marker goes: below its point (in the inset, below
 * the colour chip). */
static void
alert_point (HcRegionMap   *self,
             HcRegionShape *shape,
             double        *x,
             double        *y)
{
  shape_point (self, shape, x, y);
  *y += ALERT_OFFSET + (shape == hc_region_geometry_get ()->inset ? 5 : 0);
}

static gboolean
has_alert (HcRegionMap *self,
           const char  *code)
{
  return self->alert_regions != NULL && code != NULL && g_hash_table_contains (self->alert_regions, code);
}

/* A disc in the alert colour with a white ring and a white "!". */
static void
draw_alert_marker (cairo_t *cr,
                   double   x,
                   double   y)
{
  GdkRGBA color;

  gdk_rgba_parse (&color, ALERT_COLOR);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, ALERT_RADIUS, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_rectangle (cr, x - 1, y - 4.5, 2, 5.5);
  cairo_rectangle (cr, x - 1, y + 2.5, 2, 2);
  cairo_fill (cr);
}

static void
draw_label (HcRegionMap *self,
            GtkSnapshot *snapshot,
            const char  *text,
            double       x,
            double       y,
            gboolean     light)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  GdkRGBA color = light ? (GdkRGBA) { 1, 1, 1, 1 } : (GdkRGBA) { 0.1, 0.1, 0.1, 1 };
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
hc_region_map_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  HcRegionMap *self = HC_REGION_MAP (widget);
  HcRegionGeometry *g = hc_region_geometry_get ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;
  HcRegionShape *selected = hc_region_geometry_find_shape (self->selected);
  HcHeatBreaks breaks;
  gboolean full_names = TRUE;
  double legend_x;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);

  /* The inset's frame: white sea, a thin border. */
  cairo_rectangle (cr, self->inset_box.origin.x + 0.5, self->inset_box.origin.y + 0.5,
                   self->inset_box.size.width - 1, self->inset_box.size.height - 1);
  cairo_set_source_rgb (cr, 0.97, 0.98, 1.0);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  for (guint i = 0; i < g->shapes->len; i++)
    {
      HcRegionShape *shape = g_ptr_array_index (g->shapes, i);
      GdkRGBA color;
      guint klass;

      shape_color (self, shape, &color, &klass);
      shape_path (self, shape, cr);
      gdk_cairo_set_source_rgba (cr, &color);
      if (shape == g->inset)
        {
          /* The islands are specks at this scale: a wide stroke in their
           * colour keeps them visible; the chip by the name shows it too. */
          cairo_set_line_width (cr, 2.5);
          cairo_stroke_preserve (cr);
          cairo_fill (cr);
          shape_path (self, shape, cr);
          cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
          cairo_set_line_width (cr, 0.5);
          cairo_stroke (cr);
          cairo_rectangle (cr, self->inset_box.origin.x + INSET_PAD, self->inset_box.origin.y + INSET_PAD, 14, 14);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }
      else
        {
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, 0.25, 0.2, 0.2, 0.8);
          cairo_set_line_width (cr, 0.8);
          cairo_stroke (cr);
        }
    }

  for (guint i = 0; i < g->shapes->len; i++)
    {
      HcRegionShape *shape = g_ptr_array_index (g->shapes, i);
      double x, y;

      if (!has_alert (self, shape->code))
        continue;
      alert_point (self, shape, &x, &y);
      draw_alert_marker (cr, x, y);
    }

  if (selected != NULL)
    {
      GdkRGBA focus = { 0.11, 0.35, 0.85, 1 };

      gdk_cairo_set_source_rgba (cr, &focus);
      if (selected == g->inset)
        {
          cairo_rectangle (cr, self->inset_box.origin.x + 1.5, self->inset_box.origin.y + 1.5,
                           self->inset_box.size.width - 3, self->inset_box.size.height - 3);
        }
      else
        shape_path (self, selected, cr);
      cairo_set_line_width (cr, gtk_widget_has_focus (widget) ? 3.0 : 2.0);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);

  /* Names sit just above their point, which keeps its colour visible:
   * full names when every one fits well inside its 市县, else short ones
   * for all (a mix reads as two kinds of places). */
  for (guint i = 0; i < g->shapes->len && full_names; i++)
    {
      HcRegionShape *shape = g_ptr_array_index (g->shapes, i);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, shape->name);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      if (shape != g->inset && w > 0.5 * shape->width * self->scale)
        full_names = FALSE;
    }
  for (guint i = 0; i < g->shapes->len; i++)
    {
      HcRegionShape *shape = g_ptr_array_index (g->shapes, i);
      const char *label = full_names && shape != g->inset ? shape->name : shape->short_name;
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, label);
      GdkRGBA color;
      guint klass;
      double x, y;
      int w, h;

      shape_color (self, shape, &color, &klass);
      shape_point (self, shape, &x, &y);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (shape == g->inset)
        draw_label (self, snapshot, label, x + 12, y - h / 2.0, FALSE);
      else
        draw_label (self, snapshot, label, x - w / 2.0, y - h - 2,
                    klass >= HC_HEAT_SCALE_N_CLASSES - 2);
    }

  current_breaks (self, &breaks);
  legend_x = MARGIN;
  if (self->legend_title != NULL)
    {
      g_autoptr(PangoLayout) title = gtk_widget_create_pango_layout (widget, self->legend_title);
      GdkRGBA fg;
      int tw, th;

      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
      pango_layout_get_pixel_size (title, &tw, &th);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (legend_x, self->legend_y + (16 - th) / 2.0));
      gtk_snapshot_append_layout (snapshot, title, &fg);
      gtk_snapshot_restore (snapshot);
      legend_x += tw + 12;
    }
  hc_heat_scale_snapshot_legend (widget, snapshot, legend_x, self->legend_y, &breaks,
                                 hc_heatmap_is_whole (self->heatmap));
}

static void
hc_region_map_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 640;
    }
  else
    {
      *minimum = 300;
      *natural = 520;
    }
}

/* The region under @x, @y (widget coordinates), or NULL. */
char *
hc_region_map_get_region_at (HcRegionMap *self,
                             double       x,
                             double       y)
{
  HcRegionGeometry *g;

  g_return_val_if_fail (HC_IS_REGION_MAP (self), NULL);

  g = hc_region_geometry_get ();
  if (graphene_rect_contains_point (&self->inset_box, &GRAPHENE_POINT_INIT (x, y)))
    return g_strdup (g->inset->code);
  cairo_set_fill_rule (self->hit_cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = 0; i < g->shapes->len; i++)
    {
      HcRegionShape *shape = g_ptr_array_index (g->shapes, i);

      if (shape == g->inset)
        continue;
      shape_path (self, shape, self->hit_cr);
      if (cairo_in_fill (self->hit_cr, x, y))
        return g_strdup (shape->code);
    }
  return NULL;
}

static gboolean
hc_region_map_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  HcRegionMap *self = HC_REGION_MAP (widget);
  g_autofree char *code = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *text = NULL;
  gboolean has_value;
  HcRegionShape *shape;
  double value;

  code = keyboard ? g_strdup (self->selected) : hc_region_map_get_region_at (self, x, y);
  if ((shape = hc_region_geometry_find_shape (code)) == NULL)
    return FALSE;
  value = region_value (self, code, &has_value);
  value_text = has_value ? hc_heat_scale_format (value) : g_strdup ("—");
  if (has_alert (self, code))
    /* TRANSLATORS: a heat map tooltip: a city or county with an open early-warning alert, the value shown for it */
    text = g_strdup_printf (_("%s: %s (open alert)"), shape->name, value_text);
  else
    /* TRANSLATORS: a heat map tooltip: a city or county, the value shown for it */
    text = g_strdup_printf (_("%s: %s"), shape->name, value_text);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_accessible (HcRegionMap *self)
{
  HcRegionShape *shape = hc_region_geometry_find_shape (self->selected);
  g_autofree char *description = NULL;

  if (shape != NULL)
    {
      gboolean has_value;
      double value = region_value (self, shape->code, &has_value);
      g_autofree char *value_text = has_value ? hc_heat_scale_format (value) : g_strdup ("—");

      if (has_alert (self, shape->code))
        description = g_strdup_printf (_("%s: %s (open alert)"), shape->name, value_text);
      else
        description = g_strdup_printf (_("%s: %s"), shape->name, value_text);
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
  HcRegionMap *self = HC_REGION_MAP (widget);

  if (self->selected != NULL)
    g_signal_emit (self, signals [REGION_ACTIVATED], 0, self->selected);
}

/* Arrow keys and Tab step through the 市县 in GB/T order (the GeoJSON's). */
static gboolean
step_selection (HcRegionMap *self,
                int          step,
                gboolean     wrap)
{
  HcRegionGeometry *g = hc_region_geometry_get ();
  int n = (int) g->shapes->len;
  int index = -1;

  for (int i = 0; i < n; i++)
    if (g_strcmp0 (((HcRegionShape *) g_ptr_array_index (g->shapes, i))->code, self->selected) == 0)
      index = i;
  if (index < 0)
    index = step > 0 ? 0 : n - 1;
  else if (!wrap && (index + step < 0 || index + step >= n))
    return FALSE;
  else
    index = (index + step + n) % n;
  hc_region_map_set_selected_region (self, ((HcRegionShape *) g_ptr_array_index (g->shapes, index))->code);
  return TRUE;
}

static gboolean
key_pressed_cb (HcRegionMap           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      return step_selection (self, 1, TRUE);
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      return step_selection (self, -1, TRUE);
    /* Tab leaves the map after the last 市县, Shift+Tab before the first. */
    case GDK_KEY_Tab:
      return step_selection (self, (state & GDK_SHIFT_MASK) ? -1 : 1, FALSE);
    case GDK_KEY_ISO_Left_Tab:
      return step_selection (self, -1, FALSE);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      gtk_widget_activate_action (GTK_WIDGET (self), "region-map.drill-down", NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
pressed_cb (HcRegionMap     *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  g_autofree char *code = hc_region_map_get_region_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (code == NULL)
    return;
  hc_region_map_set_selected_region (self, code);
  gtk_widget_activate_action (GTK_WIDGET (self), "region-map.drill-down", NULL);
}

static void
focus_changed_cb (HcRegionMap *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hc_region_map_dispose (GObject *object)
{
  HcRegionMap *self = HC_REGION_MAP (object);

  g_clear_pointer (&self->heatmap, hc_heatmap_unref);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->alert_regions, g_hash_table_unref);
  g_clear_pointer (&self->fixed_breaks, g_free);
  g_clear_pointer (&self->legend_title, g_free);
  if (self->hit_cr != NULL)
    {
      cairo_surface_t *surface = cairo_get_target (self->hit_cr);

      cairo_surface_reference (surface);
      g_clear_pointer (&self->hit_cr, cairo_destroy);
      cairo_surface_destroy (surface);
    }

  G_OBJECT_CLASS (hc_region_map_parent_class)->dispose (object);
}

static void
hc_region_map_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HcRegionMap *self = HC_REGION_MAP (object);

  switch (prop_id)
    {
    case PROP_HEATMAP:
      g_value_set_boxed (value, hc_region_map_get_heatmap (self));
      break;
    case PROP_SELECTED_REGION:
      g_value_set_string (value, hc_region_map_get_selected_region (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_region_map_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HcRegionMap *self = HC_REGION_MAP (object);

  switch (prop_id)
    {
    case PROP_HEATMAP:
      hc_region_map_set_heatmap (self, g_value_get_boxed (value));
      break;
    case PROP_SELECTED_REGION:
      hc_region_map_set_selected_region (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_region_map_class_init (HcRegionMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_region_map_dispose;
  object_class->get_property = hc_region_map_get_property;
  object_class->set_property = hc_region_map_set_property;
  widget_class->snapshot = hc_region_map_snapshot;
  widget_class->measure = hc_region_map_measure;
  widget_class->size_allocate = hc_region_map_size_allocate;
  widget_class->query_tooltip = hc_region_map_query_tooltip;

  properties [PROP_HEATMAP] =
    g_param_spec_boxed ("heatmap", NULL, NULL, HC_TYPE_HEATMAP,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SELECTED_REGION] =
    g_param_spec_string ("selected-region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HcRegionMap::region-activated:
   * @region: the GB/T 2260 code of the 市县
   * A region was clicked, or Enter pressed on it: show its events.
   */
  signals [REGION_ACTIVATED] =
    g_signal_new ("region-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "region-map.drill-down", NULL, drill_down_action);
  gtk_widget_class_set_css_name (widget_class, "regionmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hc_region_map_init (HcRegionMap *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);

  self->hit_cr = cairo_create (surface);
  cairo_surface_destroy (surface);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map of risk events by city and county"),
                                  -1);
}

GtkWidget *
hc_region_map_new (void)
{
  return g_object_new (HC_TYPE_REGION_MAP, NULL);
}

HcHeatmap *
hc_region_map_get_heatmap (HcRegionMap *self)
{
  g_return_val_if_fail (HC_IS_REGION_MAP (self), NULL);
  return self->heatmap;
}

/* The map colours each 市县 by the first column of @heatmap (by=region). */
void
hc_region_map_set_heatmap (HcRegionMap *self,
                           HcHeatmap   *heatmap)
{
  g_return_if_fail (HC_IS_REGION_MAP (self));

  if (self->heatmap == heatmap)
    return;
  g_clear_pointer (&self->heatmap, hc_heatmap_unref);
  if (heatmap != NULL)
    self->heatmap = hc_heatmap_ref (heatmap);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HEATMAP]);
}

const char *
hc_region_map_get_selected_region (HcRegionMap *self)
{
  g_return_val_if_fail (HC_IS_REGION_MAP (self), NULL);
  return self->selected;
}

void
hc_region_map_set_selected_region (HcRegionMap *self,
                                   const char  *region)
{
  g_return_if_fail (HC_IS_REGION_MAP (self));

  if (region != NULL && hc_region_geometry_find_shape (region) == NULL)
    region = NULL;
  if (g_strcmp0 (self->selected, region) != 0)
    {
      g_free (self->selected);
      self->selected = g_strdup (region);
      update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_REGION]);
    }
}

/**
 * hc_region_map_get_region_point:
 * Where @region's colour shows, in widget coordinates: its centroid (the
 * label sits above it), or for 三沙 the colour chip in the inset.
 * Returns: FALSE when @region is not on the map
 */
gboolean
hc_region_map_get_region_point (HcRegionMap *self,
                                const char  *region,
                                double      *x,
                                double      *y)
{
  HcRegionShape *shape;

  g_return_val_if_fail (HC_IS_REGION_MAP (self), FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if ((shape = hc_region_geometry_find_shape (region)) == NULL)
    return FALSE;
  shape_point (self, shape, x, y);
  return TRUE;
}

/**
 * hc_region_map_set_alert_regions:
 * @regions: (nullable) (array zero-terminated=1): GB/T 2260 codes of the
 *   市县 with open early-warning alerts
 *
 * Marks each of @regions with the alert marker (repeats and unknown codes
 * are ignored); NULL or an empty list marks none.
 */
void
hc_region_map_set_alert_regions (HcRegionMap        *self,
                                 const char * const *regions)
{
  g_return_if_fail (HC_IS_REGION_MAP (self));

  g_clear_pointer (&self->alert_regions, g_hash_table_unref);
  self->alert_regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
    if (hc_region_geometry_find_shape (regions[i]) != NULL)
      g_hash_table_add (self->alert_regions, g_strdup (regions[i]));
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
hc_region_map_has_alert (HcRegionMap *self,
                         const char  *region)
{
  g_return_val_if_fail (HC_IS_REGION_MAP (self), FALSE);
  return has_alert (self, region);
}

/**
 * hc_region_map_get_alert_point:
 * Where @region's alert marker is drawn (its centre), in widget
 * coordinates, whether or not it has one.
 * Returns: FALSE when @region is not on the map
 */
gboolean
hc_region_map_get_alert_point (HcRegionMap *self,
                               const char  *region,
                               double      *x,
                               double      *y)
{
  HcRegionShape *shape;

  g_return_val_if_fail (HC_IS_REGION_MAP (self), FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if ((shape = hc_region_geometry_find_shape (region)) == NULL)
    return FALSE;
  alert_point (self, shape, x, y);
  return TRUE;
}

/* The marker's fill colour. */
void
hc_region_map_get_alert_color (GdkRGBA *color)
{
  g_return_if_fail (color != NULL);
  gdk_rgba_parse (color, ALERT_COLOR);
}

/**
 * hc_region_map_set_breaks:
 * @breaks: (nullable): class breaks to keep whatever the values, so that
 *   maps of different periods compare; NULL for equal intervals up to the
 *   largest value shown
 */
void
hc_region_map_set_breaks (HcRegionMap        *self,
                          const HcHeatBreaks *breaks)
{
  g_return_if_fail (HC_IS_REGION_MAP (self));

  g_clear_pointer (&self->fixed_breaks, g_free);
  if (breaks != NULL)
    self->fixed_breaks = g_memdup2 (breaks, sizeof *breaks);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The breaks the map is drawn with. */
void
hc_region_map_get_breaks (HcRegionMap  *self,
                          HcHeatBreaks *breaks)
{
  g_return_if_fail (HC_IS_REGION_MAP (self));
  g_return_if_fail (breaks != NULL);
  current_breaks (self, breaks);
}

/* Says before the legend what the values are ("C and D, % of graded
 * subjects"); NULL for nothing. */
void
hc_region_map_set_legend_title (HcRegionMap *self,
                                const char  *title)
{
  g_return_if_fail (HC_IS_REGION_MAP (self));

  if (g_strcmp0 (self->legend_title, title) == 0)
    return;
  g_free (self->legend_title);
  self->legend_title = g_strdup (title);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
hc_region_map_get_legend_title (HcRegionMap *self)
{
  g_return_val_if_fail (HC_IS_REGION_MAP (self), NULL);
  return self->legend_title;
}
