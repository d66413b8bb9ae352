/* test-gdal-module.c — GDAL is loaded only when a file needs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core does not link GDAL: its readers of spreadsheets and map layers live
 * in a module (equity-gdal-module.h) loaded the first time a file needs it.
 * These tests run in this order, in one process: a CSV and an .xlsx import
 * load no GDAL; with the module missing a map layer fails with the module's
 * path and the loader's reason and leaves the project as it was; with the
 * module found again (the build tree's, as this test runs from it) the same
 * file imports.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "equity-core.h"
#include "equity-ogr-util.h"
#include "equity-record-source.h"
#include "test-util.h"

/* whether GDAL's library is mapped into this process */
static gboolean
gdal_is_loaded (void)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, "libgdal") != NULL;
}

static void
test_csv_and_xlsx_load_no_gdal (TestProject   *fixture,
                                gconstpointer  data)
{
  g_autoptr(GFile) csv = test_write_file (fixture->dir, "rates.csv", "group,count\nA,3\nB,4\n");
  g_autofree char *xlsx_path = test_data_path ("xlsx", "asheville_camp_locations.xlsx", NULL);
  g_autoptr(GFile) xlsx = g_file_new_for_path (xlsx_path);
  g_autoptr(EquityDataset) from_csv = NULL;
  g_autoptr(EquityDataset) from_xlsx = NULL;

  g_assert_false (gdal_is_loaded ());
  from_csv = test_import_ok (fixture->project, csv, NULL);
  g_assert_cmpuint (equity_dataset_get_n_rows (from_csv), ==, 2);
  /* the streaming reader opens the zip with minizip: 42 rows in openpyxl's
   * count (Debian's python3-openpyxl, max_row of Sheet1), the first the header */
  from_xlsx = test_import_ok (fixture->project, xlsx, NULL);
  g_assert_cmpstr (equity_dataset_get_format (from_xlsx), ==, "XLSX");
  g_assert_cmpuint (equity_dataset_get_n_rows (from_xlsx), ==, 41);
  g_assert_false (gdal_is_loaded ());
}

static void
test_missing_module (TestProject   *fixture,
                     gconstpointer  data)
{
  g_autofree char *saved_dir = g_strdup (g_getenv ("EQUITY_MODULE_DIR"));
  g_autofree char *empty = g_build_filename (fixture->dir, "no-module", NULL);
  g_autofree char *module = g_build_filename (empty, "libequity-gdal.so", NULL);
  g_autofree char *path = test_data_path ("geo", "npa_geography.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = test_project_state (fixture->project);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityDataset) dataset = NULL;
  g_auto(GStrv) layers = NULL;

  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  g_setenv ("EQUITY_MODULE_DIR", empty, TRUE);

  dataset = test_import_file (fixture->project, file, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED);
  /* the file, the module's path, and dlopen's reason */
  g_assert_true (g_str_has_prefix (error->message, "npa_geography.geojson: "));
  g_assert_nonnull (strstr (error->message, module));
  g_assert_nonnull (strstr (error->message, "No such file or directory"));
  g_assert_false (gdal_is_loaded ());
  after = test_project_state (fixture->project);
  g_assert_cmpstr (after, ==, before);

  /* choosing a layer fails the same way; a zip archive needs no module to
   * say it lists nothing */
  g_clear_error (&error);
  layers = equity_ogr_list_layers (path, "npa_geography.geojson", &error);
  g_assert_null (layers);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, module));
  g_clear_error (&error);
  layers = equity_ogr_list_layers ("tracts.zip", "tracts.zip", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (layers), ==, 0);

  /* a failure is not remembered: with the module found, the file imports
   * (462 features, as Python's json module counts them in the file) */
  if (saved_dir != NULL)
    g_setenv ("EQUITY_MODULE_DIR", saved_dir, TRUE);
  else
    g_unsetenv ("EQUITY_MODULE_DIR");
  dataset = test_import_ok (fixture->project, file, NULL);
  g_assert_cmpstr (equity_dataset_get_format (dataset), ==, "GeoJSON");
  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 462);
  g_assert_true (gdal_is_loaded ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  test_add_with_project ("/gdal-module/csv-and-xlsx-load-no-gdal", test_csv_and_xlsx_load_no_gdal);
  test_add_with_project ("/gdal-module/missing", test_missing_module);
  return g_test_run ();
}
