/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The outlines of Hainan's 19 市县 for HcRegionMap: read from the GeoJSON in
 * the resources once per process, projected and turned into cairo paths. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Paths are built in units of 1/HC_REGION_PATH_SCALE degree, so that
 * cairo's fixed point keeps their detail. */
#define HC_REGION_PATH_SCALE 1000.0

typedef struct
{
  char         *code;
  char         *name;
  char         *short_name;
  cairo_path_t *path;        /* projected, × HC_REGION_PATH_SCALE */
  double        cx, cy;      /* label point, same units */
  double        width;       /* extent from west to east, same units */
} HcRegionShape;

typedef struct
{
  GPtrArray     *shapes;             /* HcRegionShape, GeoJSON order; the inset's included */
  HcRegionShape *inset;
  double         x0, y0, x1, y1;     /* extent of the main island's shapes */
  double         ix0, iy0, ix1, iy1; /* extent of the inset's */
} HcRegionGeometry;

HcRegionGeometry *hc_region_geometry_get        (void);
HcRegionShape    *hc_region_geometry_find_shape (const char *code);

G_END_DECLS
