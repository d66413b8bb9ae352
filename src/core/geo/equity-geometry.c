/* equity-geometry.c — geometries read from WKB: bounds, GeoJSON, point in polygon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-geometry.h"

/* Collections inside collections: deeper than this is a broken or hostile blob */
#define MAX_DEPTH 32

struct _EquityGeometry
{
  EquityGeometryType  type;
  /* simple geometries: rings of points, all in COORDS */
  guint               n_rings;
  guint              *ring_ends;   /* index of the point after each ring's last */
  double             *coords;      /* x0, y0, x1, y1, … */
  /* multi-geometries and collections */
  guint               n_parts;
  EquityGeometry     *parts;       /* an array of N_PARTS geometries */
};

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         pos;
} Reader;

static void
geometry_clear (EquityGeometry *geometry)
{
  for (guint i = 0; i < geometry->n_parts; i++)
    geometry_clear (&geometry->parts[i]);
  g_clear_pointer (&geometry->parts, g_free);
  g_clear_pointer (&geometry->ring_ends, g_free);
  g_clear_pointer (&geometry->coords, g_free);
  geometry->n_parts = 0;
  geometry->n_rings = 0;
}

void
equity_geometry_free (EquityGeometry *geometry)
{
  if (geometry == NULL)
    return;
  geometry_clear (geometry);
  g_free (geometry);
}

static gboolean
fail (Reader      *reader,
      GError     **error,
      const char  *what)
{
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
               _("Not a valid geometry (WKB): %s at byte %zu"), what, reader->pos);
  return FALSE;
}

static gboolean
read_u32 (Reader   *reader,
          gboolean  little,
          guint32  *value,
          GError  **error)
{
  guint32 raw;

  if (reader->length - reader->pos < 4)
    return fail (reader, error, _("unexpected end"));
  memcpy (&raw, reader->data + reader->pos, 4);
  reader->pos += 4;
  *value = little ? GUINT32_FROM_LE (raw) : GUINT32_FROM_BE (raw);
  return TRUE;
}

/* Appends COUNT points of DIMS doubles each to COORDS, keeping x and y only. */
static gboolean
read_points (Reader   *reader,
             gboolean  little,
             guint     dims,
             guint32   count,
             GArray   *coords,
             GError  **error)
{
  /* checked against what is left before anything is allocated */
  if ((guint64) count * dims * 8 > reader->length - reader->pos)
    return fail (reader, error, _("more points than the data holds"));

  for (guint32 i = 0; i < count; i++)
    {
      for (guint d = 0; d < dims; d++)
        {
          guint64 raw;
          double value;

          memcpy (&raw, reader->data + reader->pos, 8);
          reader->pos += 8;
          raw = little ? GUINT64_FROM_LE (raw) : GUINT64_FROM_BE (raw);
          memcpy (&value, &raw, 8);
          if (d < 2)
            g_array_append_val (coords, value);
        }
    }
  return TRUE;
}

static gboolean
read_rings (Reader          *reader,
            gboolean         little,
            guint            dims,
            guint32          n_rings,
            EquityGeometry  *geometry,
            GError         **error)
{
  g_autoptr(GArray) coords = g_array_new (FALSE, FALSE, sizeof (double));

  if ((guint64) n_rings * 4 > reader->length - reader->pos)
    return fail (reader, error, _("more rings than the data holds"));

  geometry->ring_ends = g_new (guint, MAX (n_rings, 1));
  for (guint32 r = 0; r < n_rings; r++)
    {
      guint32 count;

      if (!read_u32 (reader, little, &count, error) ||
          !read_points (reader, little, dims, count, coords, error))
        return FALSE;
      geometry->ring_ends[r] = coords->len / 2;
      geometry->n_rings = r + 1;
    }
  geometry->coords = (double *) g_array_free (g_steal_pointer (&coords), FALSE);
  return TRUE;
}

static gboolean
read_geometry (Reader          *reader,
               guint            depth,
               EquityGeometry  *geometry,
               GError         **error)
{
  guint32 code, count;
  gboolean little, has_z, has_m;
  guint base, dims;

  if (depth > MAX_DEPTH)
    return fail (reader, error, _("collections nested too deeply"));
  if (reader->pos >= reader->length)
    return fail (reader, error, _("unexpected end"));
  if (reader->data[reader->pos] > 1)
    return fail (reader, error, _("unknown byte order"));
  little = reader->data[reader->pos++] == 1;
  if (!read_u32 (reader, little, &code, error))
    return FALSE;

  /* ISO WKB adds 1000 (Z), 2000 (M), 3000 (ZM) to the type; the older
   * extended WKB of PostGIS and GDAL sets high bits instead, and may carry an
   * SRID. Z and M are read and dropped: the project is 2D. */
  has_z = (code & 0x80000000u) != 0;
  has_m = (code & 0x40000000u) != 0;
  if (code & 0x20000000u)
    {
      guint32 srid;
      if (!read_u32 (reader, little, &srid, error))
        return FALSE;
    }
  code &= 0x0fffffffu;
  base = code % 1000;
  switch (code / 1000)
    {
    case 0: break;
    case 1: has_z = TRUE; break;
    case 2: has_m = TRUE; break;
    case 3: has_z = has_m = TRUE; break;
    default: base = 0;
    }
  if (base < EQUITY_GEOMETRY_POINT || base > EQUITY_GEOMETRY_GEOMETRY_COLLECTION)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
                   _("Geometry type %u is not supported (only points, lines, polygons, their "
                     "multi-part forms and collections)"), code);
      return FALSE;
    }
  geometry->type = base;
  dims = 2 + (has_z ? 1 : 0) + (has_m ? 1 : 0);

  switch (geometry->type)
    {
    case EQUITY_GEOMETRY_POINT:
      {
        g_autoptr(GArray) coords = g_array_new (FALSE, FALSE, sizeof (double));

        if (!read_points (reader, little, dims, 1, coords, error))
          return FALSE;
        /* an empty point is written as NaN, NaN: it keeps no ring */
        if (!isnan (g_array_index (coords, double, 0)) || !isnan (g_array_index (coords, double, 1)))
          {
            geometry->ring_ends = g_new (guint, 1);
            geometry->ring_ends[0] = 1;
            geometry->n_rings = 1;
            geometry->coords = (double *) g_array_free (g_steal_pointer (&coords), FALSE);
          }
      }
      return TRUE;

    case EQUITY_GEOMETRY_LINE_STRING:
      {
        g_autoptr(GArray) coords = g_array_new (FALSE, FALSE, sizeof (double));

        if (!read_u32 (reader, little, &count, error) ||
            !read_points (reader, little, dims, count, coords, error))
          return FALSE;
        geometry->ring_ends = g_new (guint, 1);
        geometry->ring_ends[0] = coords->len / 2;
        geometry->n_rings = 1;
        geometry->coords = (double *) g_array_free (g_steal_pointer (&coords), FALSE);
      }
      return TRUE;

    case EQUITY_GEOMETRY_POLYGON:
      return read_u32 (reader, little, &count, error) &&
             read_rings (reader, little, dims, count, geometry, error);

    default:
      break;
    }

  /* multi-geometries and collections: a count, then whole geometries */
  if (!read_u32 (reader, little, &count, error))
    return FALSE;
  if ((guint64) count * 5 > reader->length - reader->pos)
    return fail (reader, error, _("more parts than the data holds"));
  geometry->parts = g_new0 (EquityGeometry, MAX (count, 1));
  for (guint32 i = 0; i < count; i++)
    {
      EquityGeometry *part = &geometry->parts[i];

      geometry->n_parts = i + 1;
      if (!read_geometry (reader, depth + 1, part, error))
        return FALSE;
      /* a MultiPolygon holds polygons, and so on: the type code minus 3 */
      if (geometry->type != EQUITY_GEOMETRY_GEOMETRY_COLLECTION &&
          part->type != geometry->type - 3)
        return fail (reader, error, _("a multi-part geometry holds a part of another type"));
    }
  return TRUE;
}

EquityGeometry *
equity_geometry_new_from_wkb (const guint8  *data,
                              gsize          length,
                              GError       **error)
{
  g_autoptr(EquityGeometry) geometry = g_new0 (EquityGeometry, 1);
  Reader reader = { data, length, 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_geometry (&reader, 0, geometry, error))
    return NULL;
  if (reader.pos != length)
    {
      fail (&reader, error, _("extra bytes after the geometry"));
      return NULL;
    }
  return g_steal_pointer (&geometry);
}

EquityGeometryType
equity_geometry_get_geometry_type (const EquityGeometry *geometry)
{
  g_return_val_if_fail (geometry != NULL, EQUITY_GEOMETRY_POINT);
  return geometry->type;
}

const char *
equity_geometry_type_to_string (EquityGeometryType type)
{
  static const char * const names[] = {
    NULL, "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon",
    "GeometryCollection",
  };

  g_return_val_if_fail (type >= EQUITY_GEOMETRY_POINT && type <= EQUITY_GEOMETRY_GEOMETRY_COLLECTION, NULL);
  return names[type];
}

gboolean
equity_geometry_is_empty (const EquityGeometry *geometry)
{
  double extent[4];

  g_return_val_if_fail (geometry != NULL, TRUE);
  return !equity_geometry_get_bbox (geometry, extent);
}

guint
equity_geometry_get_n_parts (const EquityGeometry *geometry)
{
  g_return_val_if_fail (geometry != NULL, 0);
  return geometry->n_parts;
}

const EquityGeometry *
equity_geometry_get_part (const EquityGeometry *geometry,
                          guint                 index)
{
  g_return_val_if_fail (geometry != NULL, NULL);
  g_return_val_if_fail (index < geometry->n_parts, NULL);
  return &geometry->parts[index];
}

guint
equity_geometry_get_n_rings (const EquityGeometry *geometry)
{
  g_return_val_if_fail (geometry != NULL, 0);
  return geometry->n_rings;
}

const double *
equity_geometry_get_ring (const EquityGeometry *geometry,
                          guint                 index,
                          guint                *n_points)
{
  guint start;

  g_return_val_if_fail (geometry != NULL, NULL);
  g_return_val_if_fail (index < geometry->n_rings, NULL);

  start = index > 0 ? geometry->ring_ends[index - 1] : 0;
  if (n_points != NULL)
    *n_points = geometry->ring_ends[index] - start;
  return geometry->coords + 2 * start;
}

static void
grow_bbox (const EquityGeometry *geometry,
           double                extent[4],
           gboolean             *any)
{
  guint n_points = geometry->n_rings > 0 ? geometry->ring_ends[geometry->n_rings - 1] : 0;

  for (guint i = 0; i < n_points; i++)
    {
      double x = geometry->coords[2 * i], y = geometry->coords[2 * i + 1];

      if (isnan (x) || isnan (y))
        continue;
      if (!*any)
        {
          extent[0] = extent[1] = x;
          extent[2] = extent[3] = y;
          *any = TRUE;
          continue;
        }
      extent[0] = MIN (extent[0], x);
      extent[1] = MAX (extent[1], x);
      extent[2] = MIN (extent[2], y);
      extent[3] = MAX (extent[3], y);
    }
  for (guint i = 0; i < geometry->n_parts; i++)
    grow_bbox (&geometry->parts[i], extent, any);
}

gboolean
equity_geometry_get_bbox (const EquityGeometry *geometry,
                          double                extent[4])
{
  gboolean any = FALSE;

  g_return_val_if_fail (geometry != NULL, FALSE);
  g_return_val_if_fail (extent != NULL, FALSE);

  grow_bbox (geometry, extent, &any);
  return any;
}

/* The shortest of %.15g … %.17g that reads back as the same double: exact,
 * and short for the usual coordinates. */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (precision == 17 || g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

static void
append_ring (GString              *out,
             const EquityGeometry *geometry,
             guint                 index)
{
  guint n_points;
  const double *coords = equity_geometry_get_ring (geometry, index, &n_points);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n_points; i++)
    {
      g_string_append (out, i ? ",[" : "[");
      append_number (out, coords[2 * i]);
      g_string_append_c (out, ',');
      append_number (out, coords[2 * i + 1]);
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, ']');
}

/* the "coordinates" member's value of a simple or multi geometry */
static void
append_coordinates (GString              *out,
                    const EquityGeometry *geometry)
{
  switch (geometry->type)
    {
    case EQUITY_GEOMETRY_POINT:
      if (geometry->n_rings == 0)
        {
          g_string_append (out, "[]");
          break;
        }
      g_string_append_c (out, '[');
      append_number (out, geometry->coords[0]);
      g_string_append_c (out, ',');
      append_number (out, geometry->coords[1]);
      g_string_append_c (out, ']');
      break;

    case EQUITY_GEOMETRY_LINE_STRING:
      if (geometry->n_rings == 0)
        g_string_append (out, "[]");
      else
        append_ring (out, geometry, 0);
      break;

    case EQUITY_GEOMETRY_POLYGON:
      g_string_append_c (out, '[');
      for (guint i = 0; i < geometry->n_rings; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_ring (out, geometry, i);
        }
      g_string_append_c (out, ']');
      break;

    default:
      {
        gboolean first = TRUE;

        g_string_append_c (out, '[');
        for (guint i = 0; i < geometry->n_parts; i++)
          {
            /* GeoJSON has no way to write an empty point inside a MultiPoint */
            if (geometry->parts[i].type == EQUITY_GEOMETRY_POINT && geometry->parts[i].n_rings == 0)
              continue;
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            append_coordinates (out, &geometry->parts[i]);
          }
        g_string_append_c (out, ']');
      }
    }
}

void
equity_geometry_to_geojson (const EquityGeometry *geometry,
                            GString              *out)
{
  g_return_if_fail (geometry != NULL);
  g_return_if_fail (out != NULL);

  g_string_append_printf (out, "{\"type\":\"%s\",", equity_geometry_type_to_string (geometry->type));
  if (geometry->type == EQUITY_GEOMETRY_GEOMETRY_COLLECTION)
    {
      g_string_append (out, "\"geometries\":[");
      for (guint i = 0; i < geometry->n_parts; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          equity_geometry_to_geojson (&geometry->parts[i], out);
        }
      g_string_append (out, "]}");
      return;
    }
  g_string_append (out, "\"coordinates\":");
  append_coordinates (out, geometry);
  g_string_append_c (out, '}');
}

/* Walks every ring of every polygon in GEOMETRY: flips *INSIDE at each edge a
 * rightward ray from (X, Y) crosses; returns TRUE at once when the point lies
 * on an edge (collinear and within the edge's box, exactly). */
static gboolean
even_odd (const EquityGeometry *geometry,
          double                x,
          double                y,
          gboolean             *inside)
{
  if (geometry->type == EQUITY_GEOMETRY_POLYGON)
    for (guint r = 0; r < geometry->n_rings; r++)
      {
        guint n;
        const double *p = equity_geometry_get_ring (geometry, r, &n);

        /* edge (j, i) for every i: also closes a ring whose last point is not its first */
        for (guint i = 0, j = n - 1; i < n; j = i++)
          {
            double xi = p[2 * i], yi = p[2 * i + 1], xj = p[2 * j], yj = p[2 * j + 1];

            if ((xj - xi) * (y - yi) - (yj - yi) * (x - xi) == 0.0 &&
                x >= MIN (xi, xj) && x <= MAX (xi, xj) &&
                y >= MIN (yi, yj) && y <= MAX (yi, yj))
              return TRUE;
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
              *inside = !*inside;
          }
      }

  for (guint i = 0; i < geometry->n_parts; i++)
    if (even_odd (&geometry->parts[i], x, y, inside))
      return TRUE;
  return FALSE;
}

gboolean
equity_geometry_contains_point (const EquityGeometry *geometry,
                                double                x,
                                double                y)
{
  gboolean inside = FALSE;
  double extent[4];

  g_return_val_if_fail (geometry != NULL, FALSE);

  if (!equity_geometry_get_bbox (geometry, extent) ||
      x < extent[0] || x > extent[1] || y < extent[2] || y > extent[3])
    return FALSE;
  if (even_odd (geometry, x, y, &inside))
    return TRUE;
  return inside;
}

static double
ring_area (const double *p,
           guint         n)
{
  double twice = 0.0;

  if (n < 3)
    return 0.0;
  /* the shoelace formula, relative to the first point: at longitude −82 the
   * products would otherwise cancel away most of the digits */
  for (guint i = 0, j = n - 1; i < n; j = i++)
    twice += (p[2 * j] - p[0]) * (p[2 * i + 1] - p[1]) - (p[2 * i] - p[0]) * (p[2 * j + 1] - p[1]);
  return fabs (twice) / 2.0;
}

double
equity_geometry_area (const EquityGeometry *geometry)
{
  double area = 0.0;

  g_return_val_if_fail (geometry != NULL, 0.0);

  if (geometry->type == EQUITY_GEOMETRY_POLYGON)
    for (guint r = 0; r < geometry->n_rings; r++)
      {
        guint n;
        const double *p = equity_geometry_get_ring (geometry, r, &n);

        area += (r == 0 ? 1.0 : -1.0) * ring_area (p, n);
      }
  for (guint i = 0; i < geometry->n_parts; i++)
    area += equity_geometry_area (&geometry->parts[i]);
  return area;
}
