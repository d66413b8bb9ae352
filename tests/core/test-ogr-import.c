/* test-ogr-import.c — spreadsheets and map layers through GDAL/OGR, on real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_vsi.h>
#include <json-glib/json-glib.h>

#include "equity-record-source.h"

#include "test-ogr-common.h"

static void
test_buncombe_tracts (TestProject   *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = test_data_path ("geo", "buncombe_tracts_cb2018_500k.geojson", NULL);
  g_autoptr(EquityDataset) dataset = import_described (fixture, path, NULL, "GeoJSON, 56 polygons, EPSG:4326");

  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 56);
  g_assert_cmpuint (equity_dataset_get_n_columns (dataset), ==, 10);
  g_assert_cmpstr (equity_dataset_get_format (dataset), ==, "GeoJSON");
  assert_geometry_last (dataset);
  g_assert_cmpstr (equity_column_get_name (equity_dataset_get_column (dataset, 4)), ==, "GEOID");
  /* ALAND is an integer in the file; COUNTYFP text with its leading zero */
  g_assert_cmpint (column_type (dataset, "ALAND"), ==, EQUITY_COLUMN_TYPE_INTEGER);
  g_assert_cmpint (column_type (dataset, "COUNTYFP"), ==, EQUITY_COLUMN_TYPE_TEXT);
  g_assert_cmpint (query_int (fixture, dataset, "SELECT count(*) FROM {T} WHERE {COUNTYFP} = '021'"), ==, 56);
  /* STATEFP "37" and tract NAME "9.01" are codes, text like COUNTYFP */
  g_assert_cmpint (column_type (dataset, "STATEFP"), ==, EQUITY_COLUMN_TYPE_TEXT);
  g_assert_cmpint (column_type (dataset, "NAME"), ==, EQUITY_COLUMN_TYPE_TEXT);
  g_assert_cmpint (query_int (fixture, dataset, "SELECT count(*) FROM {T} WHERE {STATEFP} = '37'"), ==, 56);
  g_assert_cmpint (query_int (fixture, dataset, "SELECT count(*) FROM {T} WHERE CAST({GEOID} AS TEXT) = '37021000100'"), ==, 1);
  g_assert_cmpstr (query_text (fixture, dataset, "SELECT {AFFGEOID} FROM {T} WHERE CAST({GEOID} AS TEXT) = '37021000100'"),
                   ==, "1400000US37021000100");

  /* one box per tract, all inside Buncombe County (lon −82.89 … −82.17,
   * lat 35.42 … 35.82: ogrinfo's extent of the file) */
  g_assert_cmpint (query_int (fixture, dataset, "SELECT count(*) FROM {B}"), ==, 56);
  g_assert_cmpfloat (query_double (fixture, dataset, "SELECT min(min_x) FROM {B}"), >, -83.0);
  g_assert_cmpfloat (query_double (fixture, dataset, "SELECT max(max_x) FROM {B}"), <, -82.15);
  g_assert_cmpfloat (query_double (fixture, dataset, "SELECT min(min_y) FROM {B}"), >, 35.4);
  g_assert_cmpfloat (query_double (fixture, dataset, "SELECT max(max_y) FROM {B}"), <, 35.9);

  /* each box matches its geometry (R*Tree boxes are float32, rounded outward) */
  for (gint64 row = 1; row <= 56; row++)
    {
      g_autoptr(EquityGeometry) geometry = stored_geometry (fixture, dataset, row);
      g_autofree char *sql = g_strdup_printf ("SELECT min_x || ' ' || max_x || ' ' || min_y || ' ' || max_y "
                                              "FROM {B} WHERE id = %" G_GINT64_FORMAT, row);
      g_auto(GStrv) box = g_strsplit (query_text (fixture, dataset, sql), " ", -1);
      double extent[4];

      g_assert_true (equity_geometry_get_bbox (geometry, extent));
      g_assert_cmpint (equity_geometry_get_geometry_type (geometry), ==, EQUITY_GEOMETRY_POLYGON);
      for (guint i = 0; i < 4; i++)
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (box[i], NULL), extent[i], 1e-4);
    }

  /* Pack Square lies in exactly one tract */
  g_assert_cmpuint (count_containing (fixture, dataset, PACK_LON, PACK_LAT), ==, 1);
}

static void
test_nc_tracts_zip (TestProject   *fixture,
                    gconstpointer  data)
{
  g_autoptr(EquityDataset) dataset = import_data (fixture, "geo", "cb_2018_37_tract_500k.zip", NULL);

  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 2192);
  g_assert_cmpstr (equity_dataset_get_format (dataset), ==, "GeoJSON");
  assert_geometry_last (dataset);
  g_assert_cmpint (query_int (fixture, dataset, "SELECT count(*) FROM {T} WHERE {COUNTYFP} = '021'"), ==, 56);
  g_assert_cmpint (query_int (fixture, dataset, "SELECT count(*) FROM {B}"), ==, 2192);
  /* North Carolina: roughly lon −84.4 … −75.4, lat 33.8 … 36.6 */
  g_assert_cmpfloat (query_double (fixture, dataset, "SELECT min(min_x) FROM {B}"), >, -84.5);
  g_assert_cmpfloat (query_double (fixture, dataset, "SELECT max(max_x) FROM {B}"), <, -75.3);
  g_assert_cmpfloat (query_double (fixture, dataset, "SELECT min(min_y) FROM {B}"), >, 33.7);
  g_assert_cmpfloat (query_double (fixture, dataset, "SELECT max(max_y) FROM {B}"), <, 36.7);
}

static void
test_topojson (TestProject   *fixture,
               gconstpointer  data)
{
  g_autoptr(EquityDataset) counties = import_data (fixture, "geo", "us-atlas-3.0.1_counties-10m.topojson.json", NULL);
  g_autoptr(EquityDataset) nation = import_data (fixture, "geo", "us-atlas-3.0.1_counties-10m.topojson.json", "nation");
  g_autoptr(EquityGeometry) buncombe = NULL;
  gint64 rowid;
  double extent[4];

  g_assert_cmpuint (equity_dataset_get_n_rows (counties), ==, 3231);
  g_assert_cmpstr (equity_dataset_get_format (counties), ==, "TopoJSON");
  assert_geometry_last (counties);
  g_assert_cmpint (column_type (counties, "id"), ==, EQUITY_COLUMN_TYPE_TEXT);
  rowid = query_int (fixture, counties, "SELECT rowid FROM {T} WHERE {id} = '37021'");
  g_assert_cmpstr (query_text (fixture, counties, "SELECT {name} FROM {T} WHERE {id} = '37021'"), ==, "Buncombe");

  /* the arcs are decoded to longitude/latitude: Buncombe's box, and Pack Square in it */
  buncombe = stored_geometry (fixture, counties, rowid);
  g_assert_true (equity_geometry_get_bbox (buncombe, extent));
  g_assert_cmpfloat (extent[0], >, -83.0);
  g_assert_cmpfloat (extent[1], <, -82.1);
  g_assert_cmpfloat (extent[2], >, 35.3);
  g_assert_cmpfloat (extent[3], <, 35.9);
  g_assert_true (equity_geometry_contains_point (buncombe, PACK_LON, PACK_LAT));

  g_assert_cmpuint (equity_dataset_get_n_rows (nation), ==, 1);
}

static void
test_zoning (TestProject   *fixture,
             gconstpointer  data)
{
  g_autoptr(EquityDataset) dataset = import_data (fixture, "geo", "asheville_zoning_2020.geojson", NULL);

  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 674);
  g_assert_cmpuint (equity_dataset_get_n_columns (dataset), ==, 16);
  assert_geometry_last (dataset);
  g_assert_cmpint (column_type (dataset, "objectid"), ==, EQUITY_COLUMN_TYPE_INTEGER);
  g_assert_cmpint (column_type (dataset, "acreage"), ==, EQUITY_COLUMN_TYPE_REAL);
  g_assert_cmpint (column_type (dataset, "edit_date"), ==, EQUITY_COLUMN_TYPE_DATE);
  /* dates come out as ISO 8601 with their time */
  g_assert_cmpint (query_int (fixture, dataset,
                              "SELECT count(*) FROM {T} WHERE {edit_date} IS NOT NULL AND "
                              "{edit_date} NOT GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]'"),
                   ==, 0);
  g_assert_cmpstr (query_text (fixture, dataset, "SELECT max({edit_date}) FROM {T}"), >=, "2021-06-21");
  g_assert_cmpint (query_int (fixture, dataset, "SELECT count(DISTINCT {districts}) FROM {T}"), >, 20);
  g_assert_cmpint (query_int (fixture, dataset, "SELECT count(*) FROM {B}"), ==, 674);
}

static void
test_sanitation_and_npa (TestProject   *fixture,
                         gconstpointer  data)
{
  g_autoptr(EquityDataset) days = import_data (fixture, "geo", "coa_sanitation_balance_days_current.geojson", NULL);
  g_autoptr(EquityDataset) npa = import_data (fixture, "geo", "npa_geography.geojson", NULL);
  guint n_containing = 0;

  g_assert_cmpuint (equity_dataset_get_n_rows (days), ==, 4);
  assert_geometry_last (days);
  g_assert_cmpstr (query_text (fixture, days, "SELECT group_concat({theday}, ',') FROM (SELECT {theday} FROM {T} ORDER BY 1)"),
                   ==, "MONDAY,THURSDAY,TUESDAY,WEDNESDAY");
  for (gint64 row = 1; row <= 4; row++)
    {
      g_autoptr(EquityGeometry) geometry = stored_geometry (fixture, days, row);

      g_assert_cmpint (equity_geometry_get_geometry_type (geometry), ==, EQUITY_GEOMETRY_MULTI_POLYGON);
      n_containing += equity_geometry_contains_point (geometry, PACK_LON, PACK_LAT);
    }
  /* the collection days partition the city: downtown has one */
  g_assert_cmpuint (n_containing, ==, 1);

  g_assert_cmpuint (equity_dataset_get_n_rows (npa), ==, 462);
  g_assert_cmpuint (equity_dataset_get_n_columns (npa), ==, 2);
  assert_geometry_last (npa);
  /* Charlotte: around lon −80.8, lat 35.2 */
  g_assert_cmpfloat (query_double (fixture, npa, "SELECT min(min_x) FROM {B}"), >, -81.1);
  g_assert_cmpfloat (query_double (fixture, npa, "SELECT max(max_y) FROM {B}"), <, 35.6);
}

static void
test_city_limits_shapefile (TestProject   *fixture,
                            gconstpointer  data)
{
  g_autofree char *folder = test_data_path ("geo", "city_limits_shp", NULL);
  g_autofree char *shp = g_build_filename (folder, "Asheville_City_Limits.shp", NULL);
  g_autofree char *prj_path = g_build_filename (folder, "Asheville_City_Limits.prj", NULL);
  g_autofree char *prj = NULL;
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(EquityRecordSource) source = NULL;
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  guint n_records = 0;

  /* the .prj says WGS 84 longitude/latitude: nothing to reproject */
  g_assert_true (g_file_get_contents (prj_path, &prj, NULL, NULL));
  g_assert_true (g_str_has_prefix (prj, "GEOGCS[\"GCS_WGS_1984\""));

  dataset = import_described (fixture, shp, NULL, "Shapefile, 10 polygons, EPSG:4326");
  g_assert_cmpstr (equity_dataset_get_format (dataset), ==, "Shapefile");
  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 10);
  assert_geometry_last (dataset);
  /* the coordinates land on Asheville, and downtown is inside the limits */
  g_assert_cmpfloat (query_double (fixture, dataset, "SELECT min(min_x) FROM {B}"), >, -82.8);
  g_assert_cmpfloat (query_double (fixture, dataset, "SELECT max(max_x) FROM {B}"), <, -82.3);
  g_assert_cmpfloat (query_double (fixture, dataset, "SELECT min(min_y) FROM {B}"), >, 35.4);
  g_assert_cmpfloat (query_double (fixture, dataset, "SELECT max(max_y) FROM {B}"), <, 35.8);
  g_assert_cmpint (query_int (fixture, dataset, "SELECT count(*) FROM {B} WHERE min_x < -82.55 AND max_x > -82.55 "
                                                "AND min_y < 35.6 AND max_y > 35.6"), >=, 1);
  g_assert_cmpuint (count_containing (fixture, dataset, PACK_LON, PACK_LAT), ==, 1);

  /* the folder reads the same (through the record source: the importer
   * sends a name without a dot to the CSV reader) */
  source = equity_record_source_new_ogr (folder_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (source->format, ==, "Shapefile");
  g_assert_cmpuint (source->funcs->n_fields (source), ==, 8);
  g_assert_cmpstr (g_ptr_array_index (source->names, 7), ==, "geometry");
  g_assert_cmpint (source->funcs->field_type (source, 7), ==, EQUITY_COLUMN_TYPE_GEOMETRY);
  while (source->funcs->next (source, NULL, &error))
    {
      double extent[4];

      n_records++;
      g_assert_cmpuint (source->funcs->line (source), ==, n_records);
      g_assert_true (source->funcs->bbox (source, extent));
      g_assert_cmpfloat (extent[0], >, -82.8);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_records, ==, 10);
  g_assert_cmpfloat (source->funcs->fraction (source), ==, 1.0);
}


static void
test_geopackage_reprojection (TestProject   *fixture,
                              gconstpointer  data)
{
  g_autofree char *gpkg = g_build_filename (fixture->dir, "sites.gpkg", NULL);
  const char * const project_args[] = {
    "-f", "GPKG", "-update", "-t_srs", "EPSG:2264", "-nln", "sites_ncsp", NULL,
  };
  g_autoptr(EquityDataset) lonlat = NULL;
  g_autoptr(EquityDataset) ncsp = NULL;
  g_autoptr(EquityGeometry) point = NULL;
  g_autoptr(GError) error = NULL;
  OGRSpatialReferenceH wgs84;
  GDALDatasetH dataset;
  OGRLayerH layer;
  OGRFeatureH feature;
  OGRGeometryH geometry;
  double extent[4];

  /* a layer in longitude/latitude: Pack Square, and a site with no location */
  GDALAllRegister ();
  dataset = GDALCreate (GDALGetDriverByName ("GPKG"), gpkg, 0, 0, 0, GDT_Unknown, NULL);
  g_assert_nonnull (dataset);
  wgs84 = OSRNewSpatialReference (NULL);
  OSRImportFromEPSG (wgs84, 4326);
  layer = GDALDatasetCreateLayer (dataset, "sites_lonlat", wgs84, wkbPoint, NULL);
  OSRDestroySpatialReference (wgs84);
  {
    OGRFieldDefnH field = OGR_Fld_Create ("name", OFTString);
    OGR_L_CreateField (layer, field, TRUE);
    OGR_Fld_Destroy (field);
  }
  for (guint i = 0; i < 2; i++)
    {
      feature = OGR_F_Create (OGR_L_GetLayerDefn (layer));
      OGR_F_SetFieldString (feature, 0, i == 0 ? "Pack Square" : "Mobile unit");
      if (i == 0)
        {
          geometry = OGR_G_CreateGeometry (wkbPoint);
          OGR_G_SetPoint_2D (geometry, 0, PACK_LON, PACK_LAT);
          OGR_F_SetGeometryDirectly (feature, geometry);
        }
      g_assert_cmpint (OGR_L_CreateFeature (layer, feature), ==, OGRERR_NONE);
      OGR_F_Destroy (feature);
    }
  GDALClose (dataset);

  /* the same layer written by ogr2ogr in NC State Plane (US feet) */
  ogr2ogr (project_args, gpkg, gpkg);

  /* Read the projected point back raw. By hand: EPSG:2264 is a Lambert conic
   * with its origin at 79°W, 33°45'N and a false easting of 2,000,000 ft.
   * Pack Square is 3.55° west of 79°W, at ~90.5 km per degree at 35.6°N:
   * ~321 km = ~1,054,000 ft west, so x ≈ 946,000 ft. It is 1.845° north of
   * 33.75°: ~204.8 km = ~672,000 ft, plus ~19,000 ft for the cone's curve
   * (d²/2ρ with ρ ≈ 8,900 km), so y ≈ 691,000 ft. */
  dataset = GDALOpenEx (gpkg, GDAL_OF_VECTOR, NULL, NULL, NULL);
  layer = GDALDatasetGetLayerByName (dataset, "sites_ncsp");
  g_assert_nonnull (layer);
  g_assert_cmpstr (OSRGetAuthorityCode (OGR_L_GetSpatialRef (layer), NULL), ==, "2264");
  OGR_L_ResetReading (layer);
  feature = OGR_L_GetNextFeature (layer);
  geometry = OGR_F_GetGeometryRef (feature);
  g_test_message ("Pack Square in EPSG:2264: x %.2f ft, y %.2f ft", OGR_G_GetX (geometry, 0), OGR_G_GetY (geometry, 0));
  g_assert_cmpfloat (OGR_G_GetX (geometry, 0), >, 930000);
  g_assert_cmpfloat (OGR_G_GetX (geometry, 0), <, 960000);
  g_assert_cmpfloat (OGR_G_GetY (geometry, 0), >, 675000);
  g_assert_cmpfloat (OGR_G_GetY (geometry, 0), <, 705000);
  OGR_F_Destroy (feature);
  GDALClose (dataset);

  /* the first layer by default, kept as it is */
  lonlat = import_described (fixture, gpkg, NULL, "GeoPackage, layer “sites_lonlat”, 2 points, EPSG:4326");
  g_assert_cmpstr (equity_dataset_get_format (lonlat), ==, "GeoPackage");
  g_assert_cmpuint (equity_dataset_get_n_rows (lonlat), ==, 2);
  assert_geometry_last (lonlat);
  g_assert_cmpint (query_int (fixture, lonlat, "SELECT count(*) FROM {T} WHERE {geometry} IS NULL"), ==, 1);
  g_assert_cmpint (query_int (fixture, lonlat, "SELECT count(*) FROM {B}"), ==, 1);

  /* the projected layer comes back to longitude/latitude */
  ncsp = import_described (fixture, gpkg, "sites_ncsp",
                           "GeoPackage, layer “sites_ncsp”, 2 points, reprojected from EPSG:2264 to longitude/latitude");
  point = stored_geometry (fixture, ncsp, 1);
  g_assert_cmpint (equity_geometry_get_geometry_type (point), ==, EQUITY_GEOMETRY_POINT);
  g_assert_true (equity_geometry_get_bbox (point, extent));
  g_assert_cmpfloat_with_epsilon (extent[0], PACK_LON, 1e-6);
  g_assert_cmpfloat_with_epsilon (extent[2], PACK_LAT, 1e-6);
  g_assert_cmpstr (query_text (fixture, ncsp, "SELECT {name} FROM {T} WHERE rowid = 1"), ==, "Pack Square");

  /* an unknown layer names the ones there are */
  g_assert_null (import_full (fixture, gpkg, NULL, "parks", NULL, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "sites.gpkg"));
  g_assert_nonnull (strstr (error->message, "“sites_lonlat”, “sites_ncsp”"));
}

static void
copy_into_zip (const char *zip,
               const char *folder,
               const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *member = g_strdup_printf ("/vsizip/%s/%s", zip, name);
  g_autofree char *contents = NULL;
  gsize length;
  VSILFILE *out;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  out = VSIFOpenL (member, "wb");
  g_assert_nonnull (out);
  g_assert_cmpuint (VSIFWriteL (contents, 1, length, out), ==, length);
  VSIFCloseL (out);
}

static void
test_zipped_projected_shapefile (TestProject   *fixture,
                                 gconstpointer  data)
{
  g_autofree char *source = test_data_path ("geo", "city_limits_shp", "Asheville_City_Limits.shp", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "ncsp", NULL);
  g_autofree char *shp = g_build_filename (folder, "limits_ncsp.shp", NULL);
  g_autofree char *zip = g_build_filename (fixture->dir, "limits_ncsp.zip", NULL);
  const char * const args[] = { "-f", "ESRI Shapefile", "-t_srs", "EPSG:2264", NULL };
  const char * const parts[] = { "limits_ncsp.shp", "limits_ncsp.shx", "limits_ncsp.dbf", "limits_ncsp.prj" };
  g_autoptr(EquityDataset) original = NULL;
  g_autoptr(EquityDataset) dataset = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  ogr2ogr (args, shp, source);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    copy_into_zip (zip, folder, parts[i]);

  dataset = import_described (fixture, zip, NULL, "Shapefile, 10 polygons, reprojected from EPSG:2264 to longitude/latitude");
  g_assert_cmpstr (equity_dataset_get_format (dataset), ==, "Shapefile");
  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 10);

  /* there and back again: the same coordinates as the original, to 1e-6° */
  original = import_data (fixture, "geo", "city_limits_shp/Asheville_City_Limits.shp", NULL);
  for (gint64 row = 1; row <= 10; row++)
    {
      g_autoptr(EquityGeometry) a = stored_geometry (fixture, original, row);
      g_autoptr(EquityGeometry) b = stored_geometry (fixture, dataset, row);
      guint n_a, n_b;
      const double *ring_a = equity_geometry_get_ring (a, 0, &n_a);
      const double *ring_b = equity_geometry_get_ring (b, 0, &n_b);

      g_assert_cmpuint (n_a, ==, n_b);
      for (guint i = 0; i < 2 * n_a; i++)
        g_assert_cmpfloat_with_epsilon (ring_a[i], ring_b[i], 1e-6);
    }
}

static void
test_null_geometry_and_names (TestProject   *fixture,
                              gconstpointer  data)
{
  g_autoptr(GFile) sites = test_write_file (fixture->dir, "sites.geojson",
    "{\"type\":\"FeatureCollection\",\"features\":[\n"
    "{\"type\":\"Feature\",\"properties\":{\"name\":\"a\",\"geometry\":\"x\",\"code\":\"021\"},"
    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
    "[[4,4],[6,4],[6,6],[4,6],[4,4]]]}},\n"
    "{\"type\":\"Feature\",\"properties\":{\"name\":\"b\",\"geometry\":\"y\",\"code\":\"022\"},"
    "\"geometry\":null},\n"
    "{\"type\":\"Feature\",\"properties\":{\"name\":\"c\",\"geometry\":\"z\",\"code\":\"023\"},"
    "\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2,3]}}]}\n");
  g_autoptr(EquityDataset) dataset = import_ok (fixture, g_file_peek_path (sites), NULL, NULL, NULL);
  g_autoptr(EquityGeometry) polygon = NULL;
  g_autoptr(EquityGeometry) point = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 3);
  g_assert_cmpuint (equity_dataset_get_n_columns (dataset), ==, 4);
  /* a property called "geometry" keeps its name; the geometry column steps aside */
  g_assert_cmpstr (equity_column_get_name (equity_dataset_get_column (dataset, 1)), ==, "geometry");
  g_assert_cmpint (equity_column_get_column_type (equity_dataset_get_column (dataset, 1)), ==, EQUITY_COLUMN_TYPE_TEXT);
  g_assert_cmpstr (equity_column_get_name (equity_dataset_get_column (dataset, 3)), ==, "geometry_2");
  g_assert_cmpint (equity_column_get_column_type (equity_dataset_get_column (dataset, 3)), ==, EQUITY_COLUMN_TYPE_GEOMETRY);
  g_assert_cmpstr (query_text (fixture, dataset, "SELECT group_concat({code}, ' ') FROM {T}"), ==, "021 022 023");

  /* no geometry: NULL, and no box */
  g_assert_cmpint (query_int (fixture, dataset, "SELECT count(*) FROM {T} WHERE {geometry_2} IS NULL"), ==, 1);
  g_assert_cmpint (query_int (fixture, dataset, "SELECT count(*) FROM {B}"), ==, 2);
  g_assert_cmpstr (query_text (fixture, dataset, "SELECT group_concat(id, ' ') FROM {B}"), ==, "1 3");

  polygon = stored_geometry (fixture, dataset, 1);
  g_assert_cmpfloat_with_epsilon (equity_geometry_area (polygon), 96.0, 1e-12);
  g_assert_false (equity_geometry_contains_point (polygon, 5, 5));
  /* the Z of a 3D point is dropped */
  point = stored_geometry (fixture, dataset, 3);
  equity_geometry_to_geojson (point, text);
  g_assert_cmpstr (text->str, ==, "{\"type\":\"Point\",\"coordinates\":[1,2]}");
}

static void
test_broken_geojson (TestProject   *fixture,
                     gconstpointer  data)
{
  g_autofree char *good = test_data_path ("geo", "buncombe_tracts_cb2018_500k.geojson", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "tracts_truncated.geojson", NULL);
  g_autofree char *project_path = g_strdup (equity_project_get_path (fixture->project));
  g_autofree char *wal_path = g_strconcat (project_path, "-wal", NULL);
  g_autoptr(EquityDataset) dataset = import_data (fixture, "geo", "npa_geography.geojson", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *state_before = test_project_state (fixture->project);
  g_autofree char *sum_before = test_file_checksum (project_path);
  g_autofree char *wal_before = test_file_checksum (wal_path);
  g_autofree char *state_after = NULL;
  g_autofree char *sum_after = NULL;
  g_autofree char *wal_after = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  /* the first 60% of a real file: cut inside a feature */
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (broken, contents, length * 6 / 10, NULL));

  g_assert_null (import_full (fixture, broken, NULL, NULL, NULL, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "tracts_truncated.geojson: "));

  state_after = test_project_state (fixture->project);
  sum_after = test_file_checksum (project_path);
  wal_after = test_file_checksum (wal_path);
  g_assert_cmpstr (state_after, ==, state_before);
  g_assert_cmpstr (sum_after, ==, sum_before);
  g_assert_cmpstr (wal_after, ==, wal_before);
  g_assert_nonnull (equity_project_find_dataset (fixture->project, equity_dataset_get_name (dataset)));
}

/* A shapefile cut short, or a zip whose compressed data is damaged: GDAL
 * gives the last feature without its geometry. Refused, naming the feature,
 * in plain words (no GDAL source file), and the project is unchanged. */
static void
test_damaged_shapefiles (TestProject   *fixture,
                         gconstpointer  data)
{
  static const char * const parts[] = {
    "Asheville_City_Limits.shp", "Asheville_City_Limits.shx", "Asheville_City_Limits.dbf",
    "Asheville_City_Limits.prj" };
  g_autofree char *source = test_data_path ("geo", "city_limits_shp", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "cut", NULL);
  g_autofree char *shp = g_build_filename (folder, parts[0], NULL);
  g_autofree char *zip = g_build_filename (fixture->dir, "limits.zip", NULL);
  g_autofree char *before = test_project_state (fixture->project);
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *from = g_build_filename (source, parts[i], NULL);
      g_autofree char *to = g_build_filename (folder, parts[i], NULL);

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
      g_clear_pointer (&contents, g_free);
      copy_into_zip (zip, source, parts[i]);
    }

  g_assert_true (g_file_get_contents (shp, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (shp, contents, length - 1000, NULL));
  g_assert_null (import_full (fixture, shp, NULL, NULL, NULL, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "Asheville_City_Limits.shp: feature 10 could not be read whole "
                                       "(the .shp file ends early or is damaged: a shape’s data is missing)");
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);

  /* damage the compressed .shp inside the zip, well past its header */
  g_assert_true (g_file_get_contents (zip, &contents, &length, NULL));
  for (gsize i = 5000; i < 5400; i++)
    contents[i] ^= 0xA5;
  g_assert_true (g_file_set_contents (zip, contents, length, NULL));
  g_assert_null (import_full (fixture, zip, NULL, NULL, NULL, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "limits.zip: feature "));
  g_assert_nonnull (strstr (error->message, "the compressed data in the archive is damaged"));
  g_assert_null (strstr (error->message, ".cpp"));
  g_assert_null (strstr (error->message, "at line"));

  after = test_project_state (fixture->project);
  g_assert_cmpstr (before, ==, after);
}

static void
test_unreadable_files (TestProject   *fixture,
                       gconstpointer  data)
{
  g_autofree char *binary = g_build_filename (fixture->dir, "scan.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.geojson", NULL);
  g_autofree char *zip = g_build_filename (fixture->dir, "readme.zip", NULL);
  g_autofree char *member = g_strdup_printf ("/vsizip/%s/readme.txt", zip);
  g_autoptr(GError) error = NULL;
  VSILFILE *out;

  g_assert_true (g_file_set_contents (binary, "%PDF-1.4\n\x01\x02\x03 not really\n", -1, NULL));
  g_assert_null (import_full (fixture, binary, NULL, NULL, NULL, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED);
  g_assert_true (g_str_has_prefix (error->message, "scan.pdf: not a file Asheville Equity can read ("));
  g_assert_nonnull (strstr (error->message, "Supported: CSV, TSV, XLSX, ODS, XLS, GeoJSON"));
  g_clear_error (&error);

  g_assert_null (import_full (fixture, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  out = VSIFOpenL (member, "wb");
  VSIFWriteL ("hello\n", 1, 6, out);
  VSIFCloseL (out);
  g_assert_null (import_full (fixture, zip, NULL, NULL, NULL, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "readme.zip: the zip archive holds no map layer"));

  g_assert_cmpint (test_query_int (equity_project_get_db (fixture->project), "SELECT count(*) FROM datasets"), ==, 0);
}

/* `show` prints a geometry as GeoJSON text: a CSV field, or a JSON string */
static void
test_cli_show (TestProject   *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) sites = test_write_file (fixture->dir, "sites.geojson",
    "{\"type\":\"FeatureCollection\",\"features\":[\n"
    "{\"type\":\"Feature\",\"properties\":{\"name\":\"Pack Square\"},"
    "\"geometry\":{\"type\":\"Point\",\"coordinates\":[-82.5515,35.5951]}},\n"
    "{\"type\":\"Feature\",\"properties\":{\"name\":\"Mobile unit\"},\"geometry\":null}]}\n");
  g_autofree char *project = g_strdup (equity_project_get_path (fixture->project));
  g_autoptr(EquityDataset) dataset = import_ok (fixture, g_file_peek_path (sites), NULL, NULL, NULL);
  g_autoptr(JsonNode) shown = NULL;
  g_auto(TestRun) run = { 0 };
  JsonArray *rows;

  /* the CLI checks the file's header, which a project still open in WAL mode
   * may not have written yet */
  equity_project_close (fixture->project);

  g_assert_true (test_run_cli (&run, "show", project, equity_dataset_get_name (dataset), NULL));
  g_assert_cmpstr (run.out, ==, "name,geometry\r\n"
                                "Pack Square,\"{\"\"type\"\":\"\"Point\"\",\"\"coordinates\"\":[-82.5515,35.5951]}\"\r\n"
                                "Mobile unit,\r\n");

  g_assert_true (test_run_cli (&run, "show", project, equity_dataset_get_name (dataset), "--format", "json", NULL));
  shown = test_parse_json (run.out);
  rows = json_node_get_array (shown);
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0), "geometry"), ==,
                   "{\"type\":\"Point\",\"coordinates\":[-82.5515,35.5951]}");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (rows, 1), "geometry"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) test_add_with_project ("/ogr-import/" name, func)
  ADD ("buncombe-tracts", test_buncombe_tracts);
  ADD ("nc-tracts-zip", test_nc_tracts_zip);
  ADD ("topojson", test_topojson);
  ADD ("zoning", test_zoning);
  ADD ("sanitation-and-npa", test_sanitation_and_npa);
  ADD ("city-limits-shapefile", test_city_limits_shapefile);
  ADD ("geopackage-reprojection", test_geopackage_reprojection);
  ADD ("zipped-projected-shapefile", test_zipped_projected_shapefile);
  ADD ("null-geometry-and-names", test_null_geometry_and_names);
  ADD ("broken-geojson", test_broken_geojson);
  ADD ("unreadable-files", test_unreadable_files);
  ADD ("damaged-shapefiles", test_damaged_shapefiles);
  ADD ("cli-show", test_cli_show);
#undef ADD

  return g_test_run ();
}
