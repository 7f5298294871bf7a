/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 市县 outlines of HcRegionMap: the GeoJSON in the resources parsed,
 * projected (equirectangular) and turned into cairo paths once per process;
 * 三沙, drawn in an inset, keeps its own extent. */
#define G_LOG_DOMAIN "hc-region-map"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "hc-region-geometry.h"

#define GEOJSON_RESOURCE "/org/hncredit/Console/hainan-counties.geojson"
#define INSET_REGION "460300"

/* Equirectangular, x scaled by the cosine of the area's middle latitude. */
static void
project (double  lon,
         double  lat,
         double  lat0,
         double *x,
         double *y)
{
  *x = lon * cos (lat0 * G_PI / 180.0) * HC_REGION_PATH_SCALE;
  *y = -lat * HC_REGION_PATH_SCALE;
}

/* "琼中黎族苗族自治县" → "琼中", "海口市" → "海口": for labels. */
static char *
short_name (const char *name)
{
  static const char * const suffixes[] = { "黎族苗族自治县", "黎族自治县", "市", "县", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (name, suffixes[i]) && strlen (name) > strlen (suffixes[i]))
      return g_strndup (name, strlen (name) - strlen (suffixes[i]));
  return g_strdup (name);
}

static void
add_ring (cairo_t   *cr,
          JsonArray *ring,
          double     lat0,
          double    *area,
          double    *cx,
          double    *cy,
          double     extent[4])
{
  double px = 0, py = 0, a = 0, sx = 0, sy = 0;

  for (guint i = 0; i < json_array_get_length (ring); i++)
    {
      JsonArray *point = json_array_get_array_element (ring, i);
      double x, y;

      if (point == NULL || json_array_get_length (point) < 2)
        continue;
      project (json_array_get_double_element (point, 0),
               json_array_get_double_element (point, 1), lat0, &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        {
          double cross = px * y - x * py;

          cairo_line_to (cr, x, y);
          a += cross;
          sx += (px + x) * cross;
          sy += (py + y) * cross;
        }
      extent[0] = MIN (extent[0], x);
      extent[1] = MIN (extent[1], y);
      extent[2] = MAX (extent[2], x);
      extent[3] = MAX (extent[3], y);
      px = x;
      py = y;
    }
  cairo_close_path (cr);
  a /= 2;
  /* The label goes to the centroid of the largest outer ring. */
  if (fabs (a) > fabs (*area))
    {
      *area = a;
      *cx = sx / (6 * a);
      *cy = sy / (6 * a);
    }
}

static void
shape_free (HcRegionShape *shape)
{
  g_free (shape->code);
  g_free (shape->name);
  g_free (shape->short_name);
  cairo_path_destroy (shape->path);
  g_free (shape);
}

static HcRegionGeometry *
geometry_load (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  HcRegionGeometry *geometry = g_new0 (HcRegionGeometry, 1);
  JsonArray *features;
  double main_extent[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  geometry->shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) shape_free);
  bytes = g_resources_lookup_data (GEOJSON_RESOURCE, 0, &error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("The map outlines in the resources cannot be read: %s", error->message);

  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "features");
  for (guint f = 0; f < json_array_get_length (features); f++)
    {
      JsonObject *feature = json_array_get_object_element (features, f);
      JsonObject *props = json_object_get_object_member (feature, "properties");
      JsonObject *geom = json_object_get_object_member (feature, "geometry");
      JsonArray *coords = json_object_get_array_member (geom, "coordinates");
      gboolean multi = g_strcmp0 (json_object_get_string_member (geom, "type"), "MultiPolygon") == 0;
      guint n_polygons = multi ? json_array_get_length (coords) : 1;
      HcRegionShape *shape = g_new0 (HcRegionShape, 1);
      double area = 0;
      double extent[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
      double lat0;

      shape->code = g_strdup (json_object_get_string_member (props, "adcode"));
      shape->name = g_strdup (json_object_get_string_member (props, "name"));
      shape->short_name = short_name (shape->name);
      /* The inset has its own middle latitude, far south of the island's. */
      lat0 = g_strcmp0 (shape->code, INSET_REGION) == 0 ? 12.0 : 19.2;
      cairo_new_path (cr);
      for (guint p = 0; p < n_polygons; p++)
        {
          JsonArray *polygon = multi ? json_array_get_array_element (coords, p) : coords;

          for (guint r = 0; r < json_array_get_length (polygon); r++)
            {
              double ignored_area = 1e300, ignored_x, ignored_y;

              /* Holes are drawn (even-odd) but do not place the label. */
              if (r == 0)
                add_ring (cr, json_array_get_array_element (polygon, r), lat0,
                          &area, &shape->cx, &shape->cy, extent);
              else
                add_ring (cr, json_array_get_array_element (polygon, r), lat0,
                          &ignored_area, &ignored_x, &ignored_y, extent);
            }
        }
      shape->path = cairo_copy_path (cr);
      shape->width = extent[2] - extent[0];
      if (g_strcmp0 (shape->code, INSET_REGION) == 0)
        {
          geometry->inset = shape;
          geometry->ix0 = extent[0];
          geometry->iy0 = extent[1];
          geometry->ix1 = extent[2];
          geometry->iy1 = extent[3];
        }
      else
        {
          main_extent[0] = MIN (main_extent[0], extent[0]);
          main_extent[1] = MIN (main_extent[1], extent[1]);
          main_extent[2] = MAX (main_extent[2], extent[2]);
          main_extent[3] = MAX (main_extent[3], extent[3]);
        }
      g_ptr_array_add (geometry->shapes, shape);
    }
  geometry->x0 = main_extent[0];
  geometry->y0 = main_extent[1];
  geometry->x1 = main_extent[2];
  geometry->y1 = main_extent[3];
  g_assert (geometry->inset != NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return geometry;
}

/* The outlines, read once for the process. */
HcRegionGeometry *
hc_region_geometry_get (void)
{
  static HcRegionGeometry *geometry;

  if (g_once_init_enter (&geometry))
    g_once_init_leave (&geometry, geometry_load ());
  return geometry;
}

/* The shape of the 市县 @code (GB/T 2260), or NULL. */
HcRegionShape *
hc_region_geometry_find_shape (const char *code)
{
  HcRegionGeometry *geometry = hc_region_geometry_get ();

  for (guint i = 0; code != NULL && i < geometry->shapes->len; i++)
    {
      HcRegionShape *shape = g_ptr_array_index (geometry->shapes, i);
      if (g_strcmp0 (shape->code, code) == 0)
        return shape;
    }
  return NULL;
}
