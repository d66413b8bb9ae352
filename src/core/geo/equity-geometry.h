/* equity-geometry.h — geometries read from WKB: bounds, GeoJSON, point in polygon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The WKB type codes of the 2D geometries (their Z/M variants are read as 2D) */
typedef enum
{
  EQUITY_GEOMETRY_POINT               = 1,
  EQUITY_GEOMETRY_LINE_STRING         = 2,
  EQUITY_GEOMETRY_POLYGON             = 3,
  EQUITY_GEOMETRY_MULTI_POINT         = 4,
  EQUITY_GEOMETRY_MULTI_LINE_STRING   = 5,
  EQUITY_GEOMETRY_MULTI_POLYGON       = 6,
  EQUITY_GEOMETRY_GEOMETRY_COLLECTION = 7,
} EquityGeometryType;

/* A geometry in the project's coordinates (x = longitude, y = latitude).
 *
 * Simple geometries (point, line string, polygon) hold rings: a point has one
 * ring of one point (none when empty), a line string one ring, a polygon its
 * exterior ring first and then its holes. Multi-geometries and collections
 * hold parts, each a simple geometry (or, in a collection, anything). */
typedef struct _EquityGeometry EquityGeometry;

EquityGeometry     *equity_geometry_new_from_wkb   (const guint8         *data,
                                                    gsize                 length,
                                                    GError              **error);
void                equity_geometry_free           (EquityGeometry       *geometry);

EquityGeometryType  equity_geometry_get_geometry_type (const EquityGeometry *geometry);
/* "Point", "MultiPolygon", … as GeoJSON spells them */
const char         *equity_geometry_type_to_string (EquityGeometryType    type);
gboolean            equity_geometry_is_empty       (const EquityGeometry *geometry);

guint               equity_geometry_get_n_parts    (const EquityGeometry *geometry);
const EquityGeometry *equity_geometry_get_part     (const EquityGeometry *geometry,
                                                    guint                 index);
guint               equity_geometry_get_n_rings    (const EquityGeometry *geometry);
/* the ring's points as x0, y0, x1, y1, …; owned by GEOMETRY */
const double       *equity_geometry_get_ring       (const EquityGeometry *geometry,
                                                    guint                 index,
                                                    guint                *n_points);

/* EXTENT is min_x, max_x, min_y, max_y (the order of the datasets' R*Trees).
 * FALSE for an empty geometry. */
gboolean            equity_geometry_get_bbox       (const EquityGeometry *geometry,
                                                    double                extent[4]);
/* Appends the geometry as a GeoJSON geometry object, e.g.
 * {"type":"Point","coordinates":[-82.55,35.6]} */
void                equity_geometry_to_geojson     (const EquityGeometry *geometry,
                                                    GString              *out);
/* Whether (X, Y) lies in a polygon or multipolygon (or a polygon of a
 * collection), by the even-odd rule over all its rings, so holes and several
 * parts need no special case. A point exactly on an edge of any ring — an
 * exterior ring or a hole — counts as inside, so a point on a shared border
 * belongs to both neighbours; callers that need one answer take the first. */
gboolean            equity_geometry_contains_point (const EquityGeometry *geometry,
                                                    double                x,
                                                    double                y);
/* Planar area in squared coordinate units: exteriors minus holes, summed over
 * parts; 0 for points and lines. (In degrees²: for tests and sanity checks,
 * not for reporting.) */
double              equity_geometry_area           (const EquityGeometry *geometry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityGeometry, equity_geometry_free)

G_END_DECLS
