/* test-sheet-import.c — XLSX, ODS and legacy XLS workbooks through GDAL/OGR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gdal.h>
#include <ogr_api.h>
#include <xlsxwriter.h>

#include "test-ogr-common.h"

static void
test_candidates (TestProject   *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = test_data_path ("xlsx", "ncsbe_candidate_listing_buncombe_2016.xlsx", NULL);
  g_autoptr(EquityDataset) candidates = NULL;
  g_autoptr(EquityDataset) races = NULL;
  g_autoptr(EquityDataset) races_again = NULL;
  g_autoptr(GError) error = NULL;

  /* the first sheet by default */
  candidates = import_described (fixture, path, NULL, "Excel workbook, sheet “Candidates”");
  g_assert_cmpstr (equity_dataset_get_format (candidates), ==, "XLSX");
  g_assert_cmpuint (equity_dataset_get_n_rows (candidates), ==, 84);
  g_assert_cmpuint (equity_dataset_get_n_columns (candidates), ==, 21);
  g_assert_null (equity_dataset_get_geometry_column (candidates));
  g_assert_null (equity_dataset_get_bbox_table_name (candidates));
  /* GDAL's typed cells: a date column, booleans, numbers */
  g_assert_cmpint (column_type (candidates, "Candidacy_dt"), ==, EQUITY_COLUMN_TYPE_DATE);
  g_assert_cmpint (column_type (candidates, "withdrawn"), ==, EQUITY_COLUMN_TYPE_INTEGER);
  g_assert_cmpint (column_type (candidates, "vote_for"), ==, EQUITY_COLUMN_TYPE_REAL);
  g_assert_cmpint (column_type (candidates, "name_on_ballot"), ==, EQUITY_COLUMN_TYPE_TEXT);
  g_assert_cmpstr (query_text (fixture, candidates,
                               "SELECT {Candidacy_dt} FROM {T} WHERE {name_on_ballot} = 'Donald J. Trump'"),
                   ==, "2016-07-22");
  g_assert_cmpint (query_int (fixture, candidates, "SELECT sum({is_partisan}) FROM {T}"), >, 0);

  /* the second sheet by name, and ignoring case */
  races = import_data (fixture, "xlsx", "ncsbe_candidate_listing_buncombe_2016.xlsx", "Races");
  g_assert_cmpuint (equity_dataset_get_n_rows (races), ==, 41);
  g_assert_cmpuint (equity_dataset_get_n_columns (races), ==, 3);
  g_assert_cmpstr (equity_column_get_name (equity_dataset_get_column (races, 0)), ==, "contest_name - original");
  g_assert_cmpstr (equity_column_get_name (equity_dataset_get_column (races, 1)), ==, "Short Description of Office");
  g_assert_cmpstr (query_text (fixture, races, "SELECT {contest_name - original} FROM {T} WHERE rowid = 1"),
                   ==, "NC ATTORNEY GENERAL");
  /* long text with curly quotes survives */
  g_assert_cmpint (query_int (fixture, races, "SELECT count(*) FROM {T} WHERE {Short Description of Office} LIKE '%’%'"), >, 0);
  races_again = import_data (fixture, "xlsx", "ncsbe_candidate_listing_buncombe_2016.xlsx", "races");
  g_assert_cmpuint (equity_dataset_get_n_rows (races_again), ==, 41);

  /* an unknown sheet names the ones there are */
  g_assert_null (import_full (fixture, path, "Ballots", NULL, NULL, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "ncsbe_candidate_listing_buncombe_2016.xlsx: there is no sheet named "
                                       "“Ballots”; the sheets are “Candidates”, “Races”");
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_bls (TestProject   *fixture,
          gconstpointer  data)
{
  g_autofree char *path = test_data_path ("xlsx", "bls_oes_may2014_aMSA_dl.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EquityImporter) importer = equity_importer_new (file, NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (equity_importer_analyze (importer, on_progress, fractions, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, >=, 3);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >, g_array_index (fractions, double, i - 1));
  /* the streaming reader's progress is the share of the sheet's XML parsed:
   * after 4,096 of 8,203 rows of much the same length, close to half */
  g_assert_cmpfloat_with_epsilon (g_array_index (fractions, double, 0), 4096.0 / 8203, 0.01);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  dataset = equity_importer_run (importer, fixture->project, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("bls_oes_may2014_aMSA_dl.xlsx: %" G_GUINT64_FORMAT " rows × %u columns in %.2f s",
                  equity_dataset_get_n_rows (dataset), equity_dataset_get_n_columns (dataset),
                  (g_get_monotonic_time () - start) / 1e6);
  /* A1:Y8204: a header and 8,203 rows of 25 columns */
  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 8203);
  g_assert_cmpuint (equity_dataset_get_n_columns (dataset), ==, 25);
  g_assert_cmpstr (equity_column_get_name (equity_dataset_get_column (dataset, 9)), ==, "LOC QUOTIENT");
  /* every cell is text in the file; codes stay text, numbers are inferred */
  g_assert_cmpint (column_type (dataset, "OCC_CODE"), ==, EQUITY_COLUMN_TYPE_TEXT);
  g_assert_cmpint (column_type (dataset, "EMP_PRSE"), ==, EQUITY_COLUMN_TYPE_REAL);
  g_assert_cmpstr (query_text (fixture, dataset, "SELECT {OCC_CODE} FROM {T} WHERE rowid = 1"), ==, "00-0000");
  g_assert_cmpint (query_int (fixture, dataset, "SELECT count(DISTINCT {AREA}) FROM {T}"), >, 10);
}

static void
test_title_rows (TestProject   *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = test_data_path ("xlsx", "bls_oes_may2014_field_descriptions.xlsx", NULL);
  /* rows 1–9 are a title, notes and blanks; the table's header is row 10 */
  g_autoptr(EquityDataset) dataset = import_described (fixture, path, NULL,
                                                       "Excel workbook, sheet “Field_descriptions”, header on row 10");

  g_assert_cmpuint (equity_dataset_get_n_columns (dataset), ==, 2);
  g_assert_cmpstr (equity_column_get_name (equity_dataset_get_column (dataset, 0)), ==, "Field");
  g_assert_cmpstr (equity_column_get_name (equity_dataset_get_column (dataset, 1)), ==, "Field Description");
  /* rows 11–49, without the two blank ones */
  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 37);
  g_assert_cmpstr (query_text (fixture, dataset, "SELECT {Field} FROM {T} WHERE rowid = 1"), ==, "prim_state");
}

static void
test_locations (TestProject   *fixture,
                gconstpointer  data)
{
  g_autofree char *camp_path = test_data_path ("xlsx", "asheville_camp_locations.xlsx", NULL);
  g_autoptr(EquityDataset) business = import_data (fixture, "xlsx", "asheville_business_locations.xlsx", NULL);
  g_autoptr(EquityDataset) camps = import_data (fixture, "xlsx", "asheville_camp_locations.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (camp_path);
  g_autoptr(EquityImporter) importer = equity_importer_new (file, NULL);
  g_autoptr(GError) error = NULL;

  /* all-text sheets: GDAL would not see a header by itself */
  g_assert_cmpuint (equity_dataset_get_n_rows (business), ==, 41);
  g_assert_cmpuint (equity_dataset_get_n_columns (business), ==, 3);
  g_assert_cmpstr (equity_column_get_name (equity_dataset_get_column (business, 2)), ==, "Geo");
  g_assert_cmpint (equity_column_get_role (equity_dataset_get_column (business, 2)), ==, EQUITY_COLUMN_ROLE_LOCATION);
  g_assert_cmpuint (equity_dataset_get_n_rows (camps), ==, 41);
  g_assert_cmpuint (equity_dataset_get_n_columns (camps), ==, 2);

  /* errors point at the sheet's row: the first data row is row 2 */
  g_assert_true (equity_importer_analyze (importer, NULL, NULL, NULL, &error));
  equity_column_set_column_type (g_ptr_array_index (equity_importer_get_columns (importer), 0),
                                 EQUITY_COLUMN_TYPE_INTEGER);
  g_assert_null (equity_importer_run (importer, fixture->project, NULL, NULL, NULL, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "asheville_camp_locations.xlsx:2:1: "));
}

static void
test_ods (TestProject   *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "budget.ods", NULL);
  static const char *names[] = { "Parks", "Libraries" };
  static const double amounts[] = { 1250.5, 980.25 };
  static const char *codes[] = { "021", "007" };
  g_autoptr(EquityDataset) budget = NULL;
  g_autoptr(EquityDataset) notes = NULL;
  GDALDatasetH dataset;
  OGRLayerH layer;

  /* written with GDAL's ODS driver: typed cells on two sheets */
  GDALAllRegister ();
  dataset = GDALCreate (GDALGetDriverByName ("ODS"), path, 0, 0, 0, GDT_Unknown, NULL);
  g_assert_nonnull (dataset);
  layer = GDALDatasetCreateLayer (dataset, "Budget", NULL, wkbNone, NULL);
  {
    const char *field_names[] = { "program", "amount", "sites", "opened", "county" };
    const OGRFieldType field_types[] = { OFTString, OFTReal, OFTInteger, OFTDate, OFTString };

    for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
      {
        OGRFieldDefnH field = OGR_Fld_Create (field_names[i], field_types[i]);
        OGR_L_CreateField (layer, field, TRUE);
        OGR_Fld_Destroy (field);
      }
  }
  for (guint i = 0; i < 2; i++)
    {
      OGRFeatureH feature = OGR_F_Create (OGR_L_GetLayerDefn (layer));

      OGR_F_SetFieldString (feature, 0, names[i]);
      OGR_F_SetFieldDouble (feature, 1, amounts[i]);
      OGR_F_SetFieldInteger (feature, 2, 3 - i);
      OGR_F_SetFieldDateTime (feature, 3, 2020 + i, 2, 18 - i, 0, 0, 0, 0);
      OGR_F_SetFieldString (feature, 4, codes[i]);
      g_assert_cmpint (OGR_L_CreateFeature (layer, feature), ==, OGRERR_NONE);
      OGR_F_Destroy (feature);
    }
  layer = GDALDatasetCreateLayer (dataset, "Notes", NULL, wkbNone, NULL);
  {
    OGRFieldDefnH field = OGR_Fld_Create ("note", OFTString);
    OGRFeatureH feature;

    OGR_L_CreateField (layer, field, TRUE);
    OGR_Fld_Destroy (field);
    feature = OGR_F_Create (OGR_L_GetLayerDefn (layer));
    OGR_F_SetFieldString (feature, 0, "draft");
    g_assert_cmpint (OGR_L_CreateFeature (layer, feature), ==, OGRERR_NONE);
    OGR_F_Destroy (feature);
  }
  GDALClose (dataset);

  budget = import_described (fixture, path, NULL, "OpenDocument spreadsheet, sheet “Budget”");
  g_assert_cmpstr (equity_dataset_get_format (budget), ==, "ODS");
  g_assert_cmpuint (equity_dataset_get_n_rows (budget), ==, 2);
  g_assert_cmpint (column_type (budget, "amount"), ==, EQUITY_COLUMN_TYPE_REAL);
  g_assert_cmpint (column_type (budget, "sites"), ==, EQUITY_COLUMN_TYPE_INTEGER);
  g_assert_cmpint (column_type (budget, "opened"), ==, EQUITY_COLUMN_TYPE_DATE);
  g_assert_cmpint (column_type (budget, "county"), ==, EQUITY_COLUMN_TYPE_TEXT);
  g_assert_cmpstr (query_text (fixture, budget, "SELECT group_concat({opened}, ' ') FROM {T}"), ==, "2020-02-18 2021-02-17");
  g_assert_cmpstr (query_text (fixture, budget, "SELECT group_concat({county}, ' ') FROM {T}"), ==, "021 007");
  g_assert_cmpfloat (query_double (fixture, budget, "SELECT sum({amount}) FROM {T}"), ==, 2230.75);

  notes = import_ok (fixture, path, "Notes", NULL, NULL);
  g_assert_cmpuint (equity_dataset_get_n_rows (notes), ==, 1);
}

/* A sheet of five rows, one of which has a cell in column FAR_COLUMN (0-based) */
static void
write_wide_sheet (const char *path,
                  guint       far_column)
{
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Data");

  worksheet_write_string (sheet, 0, 0, "name", NULL);
  worksheet_write_string (sheet, 0, 1, "value", NULL);
  for (guint row = 1; row <= 5; row++)
    {
      g_autofree char *name = g_strdup_printf ("row%u", row);

      worksheet_write_string (sheet, row, 0, name, NULL);
      worksheet_write_number (sheet, row, 1, row, NULL);
    }
  worksheet_write_string (sheet, 3, far_column, "far", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
}

/* GDAL reads 2,000 columns of a sheet and empties a row with a cell further
 * right; the streaming XLSX reader reads every column a sheet can have, so
 * that cell is imported in its own column (XFD, 16,384, is Excel's limit). */
static void
test_far_column (TestProject   *fixture,
                 gconstpointer  data)
{
  g_autofree char *near = g_build_filename (fixture->dir, "near.xlsx", NULL);
  g_autofree char *far = g_build_filename (fixture->dir, "far.xlsx", NULL);
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(EquityDataset) far_dataset = NULL;

  write_wide_sheet (near, 1500);
  dataset = import_ok (fixture, near, NULL, NULL, NULL);
  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 5);

  /* column 2,100 from 0 is CBU: C = 3, B = 2, U = 21; (3 × 26 + 2) × 26 + 21 − 1 */
  write_wide_sheet (far, 2100);
  far_dataset = import_ok (fixture, far, NULL, NULL, NULL);
  g_assert_cmpuint (equity_dataset_get_n_rows (far_dataset), ==, 5);
  g_assert_cmpuint (equity_dataset_get_n_columns (far_dataset), ==, 3);
  g_assert_cmpstr (equity_column_get_name (equity_dataset_get_column (far_dataset, 2)), ==, "Column CBU");
  g_assert_cmpstr (query_text (fixture, far_dataset, "SELECT {name} FROM {T} WHERE {Column CBU} = 'far'"), ==, "row3");
}

/* Runs FILE through LibreOffice to TYPE ("xls") in FOLDER. */
static char *
soffice_convert (const char *soffice,
                 const char *folder,
                 const char *file,
                 const char *type)
{
  g_autofree char *profile = g_build_filename (folder, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *base = g_path_get_basename (file);
  const char *argv[] = { soffice, "--headless", env, "--convert-to", type, "--outdir", folder, file, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  *strrchr (base, '.') = '\0';
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strdup_printf ("%s/%s.%s", folder, base, type);
}

static void
test_xls (TestProject   *fixture,
          gconstpointer  data)
{
  g_autofree char *path = test_data_path ("xlsx", "nc_hub_vendor_list.xls", NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *saved_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *no_tools = g_build_filename (fixture->dir, "bin", NULL);
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  /* Without LibreOffice (a PATH holding only an empty folder): GDAL's own
   * XLS reader finds no sheet in this real file, so a clear refusal. */
  g_assert_cmpint (g_mkdir (no_tools, 0700), ==, 0);
  g_setenv ("PATH", no_tools, TRUE);
  dataset = import_full (fixture, path, NULL, NULL, NULL, &error);
  g_setenv ("PATH", saved_path, TRUE);
  g_assert_null (dataset);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "nc_hub_vendor_list.xls: "));
  g_assert_nonnull (strstr (error->message, "Install LibreOffice"));
  g_assert_nonnull (strstr (error->message, "save the sheet as .xlsx or .csv"));
  g_assert_cmpint (test_query_int (equity_project_get_db (fixture->project), "SELECT count(*) FROM datasets"), ==, 0);
  g_clear_error (&error);

  if (soffice == NULL)
    {
      g_test_message ("LibreOffice (soffice) is not installed: the conversion was not tried, "
                      "only the refusal above was checked");
      g_assert_null (g_find_program_in_path ("soffice"));
      return;
    }

  /* With LibreOffice: converted, then read as a workbook */
  dataset = import_described (fixture, path, NULL, "Excel 97–2003 workbook converted with LibreOffice, sheet “Sheet1”");
  g_assert_cmpstr (equity_dataset_get_format (dataset), ==, "XLS");
  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 4140);
  g_assert_cmpuint (equity_dataset_get_n_columns (dataset), ==, 19);
  g_assert_cmpstr (query_text (fixture, dataset,
                               "SELECT group_concat(c, ' ') FROM (SELECT {Hub Certification} || '=' || count(*) AS c "
                               "FROM {T} GROUP BY {Hub Certification} ORDER BY count(*) DESC)"),
                   ==, "B=2118 W=1378 HA=264 AA=223 AI=100 D=54 SE=3");
  g_assert_cmpint (column_type (dataset, "Zip"), ==, EQUITY_COLUMN_TYPE_TEXT);

  /* An .xls that GDAL's own reader can open (written by LibreOffice) is read
   * even without LibreOffice */
  {
    g_autofree char *camps = test_data_path ("xlsx", "asheville_camp_locations.xlsx", NULL);
    g_autofree char *xls = soffice_convert (soffice, fixture->dir, camps, "xls");
    g_autoptr(EquityImporter) fallback = NULL;
    g_autoptr(EquityDataset) small = NULL;
    g_autofree char *description = NULL;

    g_setenv ("PATH", no_tools, TRUE);
    small = import_full (fixture, xls, NULL, NULL, &fallback, &error);
    g_setenv ("PATH", saved_path, TRUE);
    g_assert_no_error (error);
    description = equity_importer_describe (fallback);
    g_assert_cmpstr (description, ==, "Excel 97–2003 workbook, sheet “Sheet1”");
    g_assert_cmpstr (equity_dataset_get_format (small), ==, "XLS");
    g_assert_cmpuint (equity_dataset_get_n_rows (small), ==, 41);
    g_assert_cmpuint (equity_dataset_get_n_columns (small), ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) test_add_with_project ("/sheet-import/" name, func)
  ADD ("candidates", test_candidates);
  ADD ("bls", test_bls);
  ADD ("title-rows", test_title_rows);
  ADD ("locations", test_locations);
  ADD ("ods", test_ods);
  ADD ("far-column", test_far_column);
  ADD ("xls", test_xls);
#undef ADD

  return g_test_run ();
}
