/* test-ogr-common.h — helpers shared by the GDAL/OGR import tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <gdal.h>
#include <gdal_utils.h>

#include "equity-core.h"
#include "equity-project-private.h"
#include "equity-geometry.h"
#include "test-util.h"

/* Pack Square, downtown Asheville */
#define PACK_LON -82.5515
#define PACK_LAT 35.5951

/* Imports PATH (SHEET or LAYER may be NULL) and logs rows, columns and time. */
G_GNUC_UNUSED static EquityDataset *
import_full (TestProject      *fixture,
             const char       *path,
             const char       *sheet,
             const char       *layer,
             EquityImporter  **importer_out,
             GError          **error)
{
  static guint counter;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EquityImporter) importer = NULL;
  g_autofree char *name = g_strdup_printf ("d%u", ++counter);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *description = NULL;
  EquityImportOptions options = { 0 };
  EquityDataset *dataset;
  gint64 start = g_get_monotonic_time ();

  options.name = name;
  options.sheet = sheet;
  options.layer = layer;
  importer = equity_importer_new (file, &options);
  if (!equity_importer_analyze (importer, NULL, NULL, NULL, error))
    return NULL;
  dataset = equity_importer_run (importer, fixture->project, NULL, NULL, NULL, error);
  if (dataset == NULL)
    return NULL;

  description = equity_importer_describe (importer);
  g_test_message ("%s%s%s: %" G_GUINT64_FORMAT " rows × %u columns in %.2f s — %s — %s", basename,
                  sheet || layer ? ":" : "", sheet ? sheet : layer ? layer : "",
                  equity_dataset_get_n_rows (dataset), equity_dataset_get_n_columns (dataset),
                  (g_get_monotonic_time () - start) / 1e6, equity_importer_get_format (importer), description);
  if (importer_out != NULL)
    *importer_out = g_steal_pointer (&importer);
  return dataset;
}

/* import_full that must succeed */
G_GNUC_UNUSED static EquityDataset *
import_ok (TestProject      *fixture,
           const char       *path,
           const char       *sheet,
           const char       *layer,
           EquityImporter  **importer_out)
{
  g_autoptr(GError) error = NULL;
  EquityDataset *dataset = import_full (fixture, path, sheet, layer, importer_out, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

G_GNUC_UNUSED static EquityDataset *
import_data (TestProject    *fixture,
             const char *folder,
             const char *file,
             const char *sheet_or_layer)
{
  g_autofree char *path = test_data_path (folder, file, NULL);
  g_autoptr(GError) error = NULL;
  EquityDataset *dataset = import_full (fixture, path, sheet_or_layer, sheet_or_layer, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* import_ok of PATH (LAYER may be NULL) whose importer must describe it as DESCRIPTION */
G_GNUC_UNUSED static EquityDataset *
import_described (TestProject *fixture,
                  const char  *path,
                  const char  *layer,
                  const char  *description)
{
  g_autoptr(EquityImporter) importer = NULL;
  g_autofree char *described = NULL;
  EquityDataset *dataset = import_ok (fixture, path, NULL, layer, &importer);

  described = equity_importer_describe (importer);
  g_assert_cmpstr (described, ==, description);
  return dataset;
}

/* SQL with {T} for the dataset's table, {B} for its R*Tree, {name} for the
 * storage column of the column so named. */
G_GNUC_UNUSED static char *
dataset_sql (EquityDataset *dataset,
             const char    *template)
{
  g_autoptr(GString) sql = g_string_new (template);
  GPtrArray *columns = equity_dataset_get_columns (dataset);

  g_string_replace (sql, "{T}", equity_dataset_get_table_name (dataset), 0);
  if (equity_dataset_get_bbox_table_name (dataset) != NULL)
    g_string_replace (sql, "{B}", equity_dataset_get_bbox_table_name (dataset), 0);
  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *key = g_strdup_printf ("{%s}", equity_column_get_name (g_ptr_array_index (columns, i)));
      g_autofree char *storage = g_strdup_printf ("c%u", equity_column_get_position (g_ptr_array_index (columns, i)));
      g_string_replace (sql, key, storage, 0);
    }
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

G_GNUC_UNUSED static gint64
query_int (TestProject   *fixture,
           EquityDataset *dataset,
           const char    *template)
{
  g_autofree char *sql = dataset_sql (dataset, template);
  return test_query_int (equity_project_get_db (fixture->project), sql);
}

G_GNUC_UNUSED static const char *
query_text (TestProject   *fixture,
            EquityDataset *dataset,
            const char    *template)
{
  g_autofree char *sql = dataset_sql (dataset, template);
  return test_query_text (equity_project_get_db (fixture->project), sql);
}

G_GNUC_UNUSED static double
query_double (TestProject   *fixture,
              EquityDataset *dataset,
              const char    *template)
{
  return g_ascii_strtod (query_text (fixture, dataset, template), NULL);
}

/* The geometry stored in row ROWID, parsed back from its WKB */
G_GNUC_UNUSED static EquityGeometry *
stored_geometry (TestProject   *fixture,
                 EquityDataset *dataset,
                 gint64         rowid)
{
  EquityColumn *column = equity_dataset_get_geometry_column (dataset);
  g_autofree char *sql = g_strdup_printf ("SELECT c%u FROM %s WHERE rowid = %" G_GINT64_FORMAT,
                                          equity_column_get_position (column),
                                          equity_dataset_get_table_name (dataset), rowid);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  EquityGeometry *geometry;

  g_assert_cmpint (sqlite3_prepare_v2 (equity_project_get_db (fixture->project), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (stmt, 0), ==, SQLITE_BLOB);
  geometry = equity_geometry_new_from_wkb (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0), &error);
  sqlite3_finalize (stmt);
  g_assert_no_error (error);
  return geometry;
}

/* How many rows' geometries contain (LON, LAT) */
G_GNUC_UNUSED static guint
count_containing (TestProject   *fixture,
                  EquityDataset *dataset,
                  double         lon,
                  double         lat)
{
  guint n = 0;

  for (gint64 row = 1; row <= (gint64) equity_dataset_get_n_rows (dataset); row++)
    {
      g_autoptr(EquityGeometry) geometry = stored_geometry (fixture, dataset, row);
      n += equity_geometry_contains_point (geometry, lon, lat);
    }
  return n;
}

G_GNUC_UNUSED static void
assert_geometry_last (EquityDataset *dataset)
{
  guint n = equity_dataset_get_n_columns (dataset);
  EquityColumn *last = equity_dataset_get_column (dataset, n - 1);

  g_assert_cmpstr (equity_column_get_name (last), ==, "geometry");
  g_assert_cmpint (equity_column_get_column_type (last), ==, EQUITY_COLUMN_TYPE_GEOMETRY);
  g_assert_true (equity_dataset_get_geometry_column (dataset) == last);
}

G_GNUC_UNUSED static EquityColumnType
column_type (EquityDataset *dataset,
             const char    *name)
{
  EquityColumn *column = equity_dataset_find_column (dataset, name);

  g_assert_nonnull (column);
  return equity_column_get_column_type (column);
}

/* Runs ogr2ogr (gdal-bin) when installed, else the same translation through
 * the library: ARGS are ogr2ogr's options, then DEST and SOURCE. */
G_GNUC_UNUSED static void
ogr2ogr (const char * const *args,
         const char         *dest,
         const char         *source)
{
  g_autofree char *program = g_find_program_in_path ("ogr2ogr");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (program != NULL)
    {
      g_autofree char *output = NULL;

      g_ptr_array_add (argv, program);
      for (guint i = 0; args[i] != NULL; i++)
        g_ptr_array_add (argv, (char *) args[i]);
      g_ptr_array_add (argv, (char *) dest);
      g_ptr_array_add (argv, (char *) source);
      g_ptr_array_add (argv, NULL);
      g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                   NULL, NULL, NULL, &output, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);
      return;
    }

  g_test_message ("ogr2ogr is not installed (gdal-bin): translating with GDALVectorTranslate");
  {
    GDALVectorTranslateOptions *options = GDALVectorTranslateOptionsNew ((char **) args, NULL);
    GDALDatasetH input = GDALOpenEx (source, GDAL_OF_VECTOR, NULL, NULL, NULL);
    gboolean update = g_strv_contains (args, "-update");
    GDALDatasetH output;
    int failed = 0;

    g_assert_nonnull (input);
    output = GDALVectorTranslate (update ? NULL : dest,
                                  update ? GDALOpenEx (dest, GDAL_OF_VECTOR | GDAL_OF_UPDATE, NULL, NULL, NULL) : NULL,
                                  1, &input, options, &failed);
    g_assert_false (failed);
    GDALClose (output);
    if (input != output)
      GDALClose (input);
    GDALVectorTranslateOptionsFree (options);
  }
}
