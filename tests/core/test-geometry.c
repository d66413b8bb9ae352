/* test-geometry.c — WKB parsing, GeoJSON, bounds, area and point in polygon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <gdal.h>
#include <ogr_api.h>

#include "equity-core.h"
#include "equity-geometry.h"
#include "test-util.h"

/* A tiny WKB writer, so the tests build their blobs byte by byte. */
typedef struct
{
  GByteArray *bytes;
  gboolean    big;
} Wkb;

static void
put_u32 (Wkb     *wkb,
         guint32  value)
{
  guint32 raw = wkb->big ? GUINT32_TO_BE (value) : GUINT32_TO_LE (value);
  g_byte_array_append (wkb->bytes, (const guint8 *) &raw, 4);
}

static void
put_double (Wkb    *wkb,
            double  value)
{
  guint64 raw;

  memcpy (&raw, &value, 8);
  raw = wkb->big ? GUINT64_TO_BE (raw) : GUINT64_TO_LE (raw);
  g_byte_array_append (wkb->bytes, (const guint8 *) &raw, 8);
}

static void
put_header (Wkb     *wkb,
            guint32  type)
{
  guint8 order = wkb->big ? 0 : 1;

  g_byte_array_append (wkb->bytes, &order, 1);
  put_u32 (wkb, type);
}

/* a ring from x0, y0, x1, y1, …, closed by repeating the first point */
static void
put_ring (Wkb          *wkb,
          const double *xy,
          guint         n_points)
{
  put_u32 (wkb, n_points + 1);
  for (guint i = 0; i <= n_points; i++)
    {
      put_double (wkb, xy[2 * (i % n_points)]);
      put_double (wkb, xy[2 * (i % n_points) + 1]);
    }
}

static const double square_10[] = { 0, 0, 10, 0, 10, 10, 0, 10 };
static const double hole_4_6[] = { 4, 4, 6, 4, 6, 6, 4, 6 };
static const double square_2[] = { 0, 0, 2, 0, 2, 2, 0, 2 };
static const double triangle[] = { 10, 0, 14, 0, 10, 3 };

static EquityGeometry *
parse (GByteArray *bytes)
{
  g_autoptr(GError) error = NULL;
  EquityGeometry *geometry = equity_geometry_new_from_wkb (bytes->data, bytes->len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (geometry);
  return geometry;
}

static char *
geojson (const EquityGeometry *geometry)
{
  GString *out = g_string_new (NULL);

  equity_geometry_to_geojson (geometry, out);
  return g_string_free (out, FALSE);
}

static void
test_polygon_with_hole (void)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  Wkb wkb = { bytes, FALSE };
  g_autoptr(EquityGeometry) polygon = NULL;
  g_autofree char *text = NULL;
  double extent[4];

  put_header (&wkb, 3);
  put_u32 (&wkb, 2);
  put_ring (&wkb, square_10, 4);
  put_ring (&wkb, hole_4_6, 4);
  polygon = parse (bytes);

  g_assert_cmpint (equity_geometry_get_geometry_type (polygon), ==, EQUITY_GEOMETRY_POLYGON);
  g_assert_cmpuint (equity_geometry_get_n_rings (polygon), ==, 2);

  /* By hand: the 10 × 10 square holds the point (2, 2); (5, 5) lies in the
   * 2 × 2 hole, so a ray to the right crosses the hole's edge x = 6 and the
   * square's edge x = 10: two crossings, outside. (10, 5) is on the square's
   * right edge and (4, 5) on the hole's left edge: on an edge counts as
   * inside. (11, 5) and (-0.5, 5) are beyond the square. (6, 7) is above the
   * hole, inside the square: one crossing. */
  g_assert_true (equity_geometry_contains_point (polygon, 2, 2));
  g_assert_false (equity_geometry_contains_point (polygon, 5, 5));
  g_assert_true (equity_geometry_contains_point (polygon, 10, 5));
  g_assert_true (equity_geometry_contains_point (polygon, 4, 5));
  g_assert_true (equity_geometry_contains_point (polygon, 0, 0));
  g_assert_false (equity_geometry_contains_point (polygon, 11, 5));
  g_assert_false (equity_geometry_contains_point (polygon, -0.5, 5));
  g_assert_true (equity_geometry_contains_point (polygon, 6, 7));
  g_assert_false (equity_geometry_contains_point (polygon, 5.5, 4.5));

  /* 10 × 10 − 2 × 2 = 96 */
  g_assert_cmpfloat_with_epsilon (equity_geometry_area (polygon), 96.0, 1e-12);
  g_assert_true (equity_geometry_get_bbox (polygon, extent));
  g_assert_cmpfloat (extent[0], ==, 0);
  g_assert_cmpfloat (extent[1], ==, 10);
  g_assert_cmpfloat (extent[2], ==, 0);
  g_assert_cmpfloat (extent[3], ==, 10);

  text = geojson (polygon);
  g_assert_cmpstr (text, ==,
                   "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
                   "[[4,4],[6,4],[6,6],[4,6],[4,4]]]}");
}

static void
test_multipolygon (void)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  Wkb wkb = { bytes, TRUE };   /* big-endian, for the other byte order */
  g_autoptr(EquityGeometry) multi = NULL;
  g_autofree char *text = NULL;

  put_header (&wkb, 6);
  put_u32 (&wkb, 2);
  put_header (&wkb, 3);
  put_u32 (&wkb, 1);
  put_ring (&wkb, square_2, 4);
  put_header (&wkb, 3);
  put_u32 (&wkb, 1);
  put_ring (&wkb, triangle, 3);
  multi = parse (bytes);

  g_assert_cmpint (equity_geometry_get_geometry_type (multi), ==, EQUITY_GEOMETRY_MULTI_POLYGON);
  g_assert_cmpuint (equity_geometry_get_n_parts (multi), ==, 2);

  /* By hand: (1, 1) is in the 2 × 2 square. The triangle (10,0) (14,0)
   * (10,3) has the hypotenuse x = 14 − 4y/3: at y = 1 it reaches x = 12.67,
   * so (11, 1) is inside; at y = 2 only x = 11.33, so (13, 2) is outside.
   * (5, 1) lies between the parts; (12, 0) is on the triangle's base. */
  g_assert_true (equity_geometry_contains_point (multi, 1, 1));
  g_assert_true (equity_geometry_contains_point (multi, 11, 1));
  g_assert_false (equity_geometry_contains_point (multi, 13, 2));
  g_assert_false (equity_geometry_contains_point (multi, 5, 1));
  g_assert_true (equity_geometry_contains_point (multi, 12, 0));

  /* 2 × 2 + 4 × 3 / 2 = 10 */
  g_assert_cmpfloat_with_epsilon (equity_geometry_area (multi), 10.0, 1e-12);

  text = geojson (multi);
  g_assert_cmpstr (text, ==,
                   "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[2,0],[2,2],[0,2],[0,0]]],"
                   "[[[10,0],[14,0],[10,3],[10,0]]]]}");
}

static void
test_z_and_m (void)
{
  /* ISO Z (1001), M (2001), ZM (3001), and extended WKB's Z flag with an SRID */
  const guint32 types[] = { 1001, 2001, 3001, 0xA0000001u };
  const guint dims[] = { 3, 3, 4, 3 };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      Wkb wkb = { bytes, i % 2 == 1 };
      g_autoptr(EquityGeometry) point = NULL;
      g_autofree char *text = NULL;

      put_header (&wkb, types[i]);
      if (types[i] & 0x20000000u)
        put_u32 (&wkb, 4326);
      put_double (&wkb, -82.5515);
      put_double (&wkb, 35.5951);
      for (guint d = 2; d < dims[i]; d++)
        put_double (&wkb, 650.0 + d);
      point = parse (bytes);
      text = geojson (point);
      g_assert_cmpstr (text, ==, "{\"type\":\"Point\",\"coordinates\":[-82.5515,35.5951]}");
    }

  /* a LineString Z */
  {
    g_autoptr(GByteArray) bytes = g_byte_array_new ();
    Wkb wkb = { bytes, FALSE };
    g_autoptr(EquityGeometry) line = NULL;
    g_autofree char *text = NULL;

    put_header (&wkb, 1002);
    put_u32 (&wkb, 2);
    for (guint i = 0; i < 6; i++)
      put_double (&wkb, i * 0.5);
    line = parse (bytes);
    text = geojson (line);
    g_assert_cmpstr (text, ==, "{\"type\":\"LineString\",\"coordinates\":[[0,0.5],[1.5,2]]}");
    g_assert_cmpfloat (equity_geometry_area (line), ==, 0.0);
  }
}

static void
test_collections_and_empty (void)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  Wkb wkb = { bytes, FALSE };
  g_autoptr(EquityGeometry) collection = NULL;
  g_autofree char *text = NULL;
  double extent[4];

  /* GeometryCollection (MultiPoint (1 2, empty), empty Point, Polygon square_2) */
  put_header (&wkb, 7);
  put_u32 (&wkb, 3);
  put_header (&wkb, 4);
  put_u32 (&wkb, 2);
  put_header (&wkb, 1);
  put_double (&wkb, 1);
  put_double (&wkb, 2);
  put_header (&wkb, 1);
  put_double (&wkb, NAN);
  put_double (&wkb, NAN);
  put_header (&wkb, 1);
  put_double (&wkb, NAN);
  put_double (&wkb, NAN);
  put_header (&wkb, 3);
  put_u32 (&wkb, 1);
  put_ring (&wkb, square_2, 4);
  collection = parse (bytes);

  text = geojson (collection);
  g_assert_cmpstr (text, ==,
                   "{\"type\":\"GeometryCollection\",\"geometries\":["
                   "{\"type\":\"MultiPoint\",\"coordinates\":[[1,2]]},"
                   "{\"type\":\"Point\",\"coordinates\":[]},"
                   "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}]}");
  g_assert_true (equity_geometry_get_bbox (collection, extent));
  g_assert_cmpfloat (extent[1], ==, 2);
  g_assert_cmpfloat (extent[3], ==, 2);
  g_assert_true (equity_geometry_contains_point (collection, 1.5, 0.5));
  g_assert_cmpfloat_with_epsilon (equity_geometry_area (collection), 4.0, 1e-12);
  g_assert_true (equity_geometry_is_empty (equity_geometry_get_part (collection, 1)));
  g_assert_false (equity_geometry_contains_point (equity_geometry_get_part (collection, 1), 0, 0));
}

static void
test_numbers_round_trip (void)
{
  const double values[] = { -82.88247510935113, 35.67838922858231, 0.1, 1e-9, -180, 123456789.125 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      Wkb wkb = { bytes, FALSE };
      g_autoptr(EquityGeometry) point = NULL;
      g_autofree char *text = NULL;
      double x;

      put_header (&wkb, 1);
      put_double (&wkb, values[i]);
      put_double (&wkb, 0);
      point = parse (bytes);
      text = geojson (point);
      /* the printed number reads back as the same double */
      x = g_ascii_strtod (strchr (text, '[') + 1, NULL);
      g_assert_cmpfloat (x, ==, values[i]);
    }
}

static void
expect_invalid (GByteArray *bytes,
                gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityGeometry) geometry = equity_geometry_new_from_wkb (bytes->data, length, &error);

  g_assert_null (geometry);
  g_assert_nonnull (error);
  g_assert_true (error->domain == EQUITY_ERROR);
}

static void
test_invalid (void)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  Wkb wkb = { bytes, FALSE };

  /* every truncation of a valid polygon is refused, none crashes */
  put_header (&wkb, 3);
  put_u32 (&wkb, 2);
  put_ring (&wkb, square_10, 4);
  put_ring (&wkb, hole_4_6, 4);
  for (gsize length = 0; length < bytes->len; length++)
    expect_invalid (bytes, length);

  /* extra bytes after it */
  g_byte_array_append (bytes, (const guint8 *) "x", 1);
  expect_invalid (bytes, bytes->len);

  /* a count far beyond the data, which must not be allocated */
  g_byte_array_set_size (bytes, 0);
  put_header (&wkb, 2);
  put_u32 (&wkb, 0xffffffffu);
  expect_invalid (bytes, bytes->len);

  /* an unknown type, a bad byte order, a point inside a MultiPolygon */
  g_byte_array_set_size (bytes, 0);
  put_header (&wkb, 17);
  expect_invalid (bytes, bytes->len);
  g_byte_array_set_size (bytes, 0);
  g_byte_array_append (bytes, (const guint8 *) "\x07\x01\x00\x00\x00", 5);
  expect_invalid (bytes, bytes->len);
  g_byte_array_set_size (bytes, 0);
  put_header (&wkb, 6);
  put_u32 (&wkb, 1);
  put_header (&wkb, 1);
  put_double (&wkb, 1);
  put_double (&wkb, 1);
  expect_invalid (bytes, bytes->len);

  /* collections nested 100 deep */
  g_byte_array_set_size (bytes, 0);
  for (guint i = 0; i < 100; i++)
    {
      put_header (&wkb, 7);
      put_u32 (&wkb, 1);
    }
  put_header (&wkb, 1);
  put_double (&wkb, 1);
  put_double (&wkb, 1);
  expect_invalid (bytes, bytes->len);
}

/* Independent check on real data: GDAL (GEOS) against our parser, area and
 * point in polygon, on the 56 Buncombe County tracts. */
static void
test_against_gdal (void)
{
  g_autofree char *path = test_data_path ("geo", "buncombe_tracts_cb2018_500k.geojson", NULL);
  GDALDatasetH dataset;
  OGRLayerH layer;
  OGRFeatureH feature;
  guint n_features = 0, n_inside = 0;

  GDALAllRegister ();
  dataset = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
  g_assert_nonnull (dataset);
  layer = GDALDatasetGetLayer (dataset, 0);

  while ((feature = OGR_L_GetNextFeature (layer)) != NULL)
    {
      OGRGeometryH reference = OGR_F_GetGeometryRef (feature);
      g_autofree guint8 *blob = g_malloc (OGR_G_WkbSize (reference));
      g_autoptr(EquityGeometry) geometry = NULL;
      g_autoptr(GError) error = NULL;
      OGREnvelope envelope;
      double extent[4];

      OGR_G_ExportToIsoWkb (reference, wkbNDR, blob);
      geometry = equity_geometry_new_from_wkb (blob, OGR_G_WkbSize (reference), &error);
      g_assert_no_error (error);

      /* relative: the two sum in different orders */
      g_assert_cmpfloat_with_epsilon (equity_geometry_area (geometry) / OGR_G_Area (reference), 1.0, 1e-9);
      OGR_G_GetEnvelope (reference, &envelope);
      g_assert_true (equity_geometry_get_bbox (geometry, extent));
      g_assert_cmpfloat (extent[0], ==, envelope.MinX);
      g_assert_cmpfloat (extent[1], ==, envelope.MaxX);
      g_assert_cmpfloat (extent[2], ==, envelope.MinY);
      g_assert_cmpfloat (extent[3], ==, envelope.MaxY);

      /* a 15 × 15 grid over the tract's box */
      for (guint i = 0; i < 15; i++)
        for (guint j = 0; j < 15; j++)
          {
            double x = envelope.MinX + (envelope.MaxX - envelope.MinX) * (i + 0.5) / 15;
            double y = envelope.MinY + (envelope.MaxY - envelope.MinY) * (j + 0.5) / 15;
            OGRGeometryH point = OGR_G_CreateGeometry (wkbPoint);
            gboolean expected;

            OGR_G_SetPoint_2D (point, 0, x, y);
            expected = OGR_G_Intersects (reference, point);
            g_assert_cmpint (equity_geometry_contains_point (geometry, x, y), ==, expected);
            n_inside += expected;
            OGR_G_DestroyGeometry (point);
          }
      n_features++;
      OGR_F_Destroy (feature);
    }
  GDALClose (dataset);

  g_assert_cmpuint (n_features, ==, 56);
  /* the grids must have tested both answers plenty */
  g_assert_cmpuint (n_inside, >, 56 * 225 / 4);
  g_assert_cmpuint (n_inside, <, 56 * 225);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geometry/polygon-with-hole", test_polygon_with_hole);
  g_test_add_func ("/geometry/multipolygon", test_multipolygon);
  g_test_add_func ("/geometry/z-and-m", test_z_and_m);
  g_test_add_func ("/geometry/collections-and-empty", test_collections_and_empty);
  g_test_add_func ("/geometry/numbers-round-trip", test_numbers_round_trip);
  g_test_add_func ("/geometry/invalid", test_invalid);
  g_test_add_func ("/geometry/against-gdal", test_against_gdal);

  return g_test_run ();
}
