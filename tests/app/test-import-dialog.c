/* test-import-dialog.c — files dropped on the window go through the import
 * dialog: what it shows, its settings, and what it imports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "app-test-util.h"
#include "equity-application.h"
#include "equity-core.h"
#include "equity-import-columns.h"
#include "equity-import-dialog.h"
#include "equity-window-private.h"

static EquityApplication *app;

typedef struct
{
  char         *dir;
  EquityWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = NULL;

  g_settings_set_int (settings, "window-width", 1180);
  g_settings_set_int (settings, "window-height", 760);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  fixture->dir = test_make_tmpdir ();
  path = test_create_project_file (fixture->dir, "Arrests review.equity");
  fixture->window = g_object_ref (equity_window_new (GTK_APPLICATION (app)));
  g_assert_true (equity_window_open_project (fixture->window, path));
  app_test_show_window (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  app_test_destroy_window (GTK_WINDOW (fixture->window));
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GFile *
sample_file (const char *first,
             ...)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_getenv ("G_TEST_SRCDIR"));
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  for (const char *part = va_arg (args, const char *); part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  return g_file_new_for_path (path);
}

static gboolean
dialog_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static gboolean
no_dialog (gpointer data)
{
  return _equity_window_get_import_dialog (data) == NULL;
}

/* Drops FILE on the window and waits for the dialog to have read it. */
static EquityImportDialog *
open_dialog (Fixture *fixture,
             GFile   *file)
{
  EquityImportDialog *dialog;

  equity_window_import_files (fixture->window, &file, 1);
  dialog = _equity_window_get_import_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  /* nothing is imported yet */
  g_assert_false (equity_window_is_busy (fixture->window));
  test_await (app_test_import_dialog_ready, fixture->window, "the import dialog done reading its file");
  return dialog;
}

static EquityColumn *
find_column (EquityImporter *importer,
             const char     *name)
{
  GPtrArray *columns = equity_importer_get_columns (importer);

  for (guint i = 0; i < columns->len; i++)
    if (g_str_equal (equity_column_get_name (g_ptr_array_index (columns, i)), name))
      return g_ptr_array_index (columns, i);
  return NULL;
}

static guint
n_datasets (Fixture *fixture)
{
  return g_list_model_get_n_items (equity_project_get_datasets (equity_window_get_project (fixture->window)));
}

static void
test_arrests (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GFile) file = sample_file ("..", "..", "data", "samples", "apd_arrests_2020_2021.csv", NULL);
  EquityImportDialog *dialog = open_dialog (fixture, file);
  EquityImporter *importer = equity_import_dialog_get_importer (dialog);
  EquityDataset *dataset;

  /* journey 1, step 2 */
  g_assert_nonnull (importer);
  g_assert_cmpstr (equity_import_dialog_get_summary (dialog), ==,
                   "comma-separated, UTF-8 · 15,015 rows · 11 columns");
  g_assert_null (equity_import_dialog_get_error (dialog));
  g_assert_cmpint (equity_column_get_column_type (find_column (importer, "date_arrested")), ==,
                   EQUITY_COLUMN_TYPE_DATE);
  g_assert_cmpint (equity_column_get_role (find_column (importer, "subject_race")), ==,
                   EQUITY_COLUMN_ROLE_GROUP);
  /* the preview: one column per column, dates as they will be stored */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (equity_import_dialog_get_preview (dialog))),
                    ==, 11);
  {
    g_autofree char *date = equity_importer_dup_preview_value (importer, 0, 1, NULL);

    g_assert_cmpstr (date, ==, "2020-02-18");
  }
  /* the drop-downs show the column's type and role */
  {
    GtkWidget *row = equity_import_dialog_get_column_row (dialog, 1);
    GtkDropDown *type = equity_import_column_row_get_type_drop_down (row);
    g_autoptr(GtkStringObject) item = g_list_model_get_item (gtk_drop_down_get_model (type),
                                                            gtk_drop_down_get_selected (type));

    g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Date");
  }

  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (dialog), "import-dialog"), >, MIN_VARIANCE);

  /* the header on line 2: the first arrest becomes the header */
  equity_import_dialog_set_header_line (dialog, 2);
  g_assert_false (equity_import_dialog_is_ready (dialog));
  test_await (app_test_import_dialog_ready, fixture->window, "the import dialog done reading its file");
  g_assert_cmpstr (equity_import_dialog_get_summary (dialog), ==,
                   "comma-separated, UTF-8 · 15,014 rows · 11 columns");
  g_assert_nonnull (find_column (equity_import_dialog_get_importer (dialog), "2020/02/18"));
  equity_import_dialog_set_header_line (dialog, 1);
  test_await (app_test_import_dialog_ready, fixture->window, "the import dialog done reading its file");
  importer = equity_import_dialog_get_importer (dialog);
  g_assert_nonnull (find_column (importer, "date_arrested"));

  /* Import: the window shows the progress, the dataset arrives */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  g_assert_true (equity_window_is_busy (fixture->window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  test_await (app_test_window_idle, fixture->window, "the import done");
  test_await (no_dialog, fixture->window, "the import dialog closed");

  g_assert_cmpuint (n_datasets (fixture), ==, 1);
  dataset = equity_project_find_dataset (equity_window_get_project (fixture->window), "apd_arrests_2020_2021");
  g_assert_nonnull (dataset);
  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 15015);
  g_assert_cmpint (equity_column_get_column_type (equity_dataset_find_column (dataset, "date_arrested")), ==,
                   EQUITY_COLUMN_TYPE_DATE);
  g_assert_true (equity_datasets_page_get_dataset (_equity_window_get_datasets_page (fixture->window)) == dataset);
  app_test_render_png (GTK_WIDGET (fixture->window), "import-done");

  /* the same file again: the dialog offers a name of its own */
  dialog = open_dialog (fixture, file);
  g_assert_cmpstr (equity_importer_get_name (equity_import_dialog_get_importer (dialog)), ==,
                   "apd_arrests_2020_2021");
  g_assert_cmpstr (equity_import_dialog_get_dataset_name (dialog), ==, "apd_arrests_2020_2021 2");
  /* a name that is taken cannot be imported under */
  equity_import_dialog_set_dataset_name (dialog, "apd_arrests_2020_2021");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  g_assert_false (equity_window_is_busy (fixture->window));
  equity_import_dialog_set_dataset_name (dialog, "arrests");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  test_await (app_test_window_idle, fixture->window, "the import done");
  g_assert_nonnull (equity_project_find_dataset (equity_window_get_project (fixture->window), "arrests"));
}

static void
test_header_line (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = test_write_file (fixture->dir, "tracts.csv",
                                      "Buncombe County tracts, 2020\n"
                                      "Source: Census Bureau\n"
                                      "fips,name,total_pop,median_income\n"
                                      "37021000100,Tract 1,4021,-999\n"
                                      "37021000200,Tract 2,3876,52000\n"
                                      "37021000300,Tract 3,,N/A\n");
  EquityImportDialog *dialog = open_dialog (fixture, file);
  EquityImporter *importer;
  const char *error;

  /* the title line taken as the header: a clear error, nothing to import */
  error = equity_import_dialog_get_error (dialog);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error, "tracts.csv:3:"));
  g_assert_null (equity_import_dialog_get_importer (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  g_assert_false (equity_window_is_busy (fixture->window));
  app_test_render_png (GTK_WIDGET (dialog), "import-dialog-error");

  equity_import_dialog_set_header_line (dialog, 3);
  test_await (app_test_import_dialog_ready, fixture->window, "the import dialog done reading its file");
  g_assert_null (equity_import_dialog_get_error (dialog));
  importer = equity_import_dialog_get_importer (dialog);
  g_assert_nonnull (importer);
  g_assert_cmpstr (equity_import_dialog_get_summary (dialog), ==,
                   "comma-separated, UTF-8 · 3 rows · 4 columns");
  /* -999 and N/A are missing values */
  g_assert_cmpint (equity_column_get_column_type (find_column (importer, "median_income")), ==,
                   EQUITY_COLUMN_TYPE_INTEGER);
  g_assert_null (equity_importer_dup_preview_value (importer, 0, 3, NULL));
  app_test_render_png (GTK_WIDGET (dialog), "import-dialog-sentinels");

  /* without the codes as empty, the column holds text */
  equity_importer_set_convert_sentinels (importer, FALSE);
  g_assert_cmpint (equity_column_get_column_type (find_column (importer, "median_income")), ==,
                   EQUITY_COLUMN_TYPE_TEXT);
  equity_importer_set_convert_sentinels (importer, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  test_await (app_test_window_idle, fixture->window, "the import done");
  g_assert_cmpuint (n_datasets (fixture), ==, 1);
}

static void
test_failed_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = test_write_file (fixture->dir, "visits.csv",
                                      "neighborhood,visits\n"
                                      "12,40\n"
                                      "East End,38\n");
  EquityImportDialog *dialog = open_dialog (fixture, file);
  GtkWidget *row = equity_import_dialog_get_column_row (dialog, 0);
  const char *error;

  /* the person says the neighborhood is a number: the preview marks "East
   * End", and the import stops on it, naming file, line and column */
  gtk_drop_down_set_selected (equity_import_column_row_get_type_drop_down (row), 1);
  g_assert_cmpint (equity_column_get_column_type (find_column (equity_import_dialog_get_importer (dialog),
                                                               "neighborhood")), ==,
                   EQUITY_COLUMN_TYPE_INTEGER);
  {
    gboolean fits = TRUE;
    g_autofree char *value = equity_importer_dup_preview_value (equity_import_dialog_get_importer (dialog),
                                                                1, 0, &fits);

    g_assert_false (fits);
    g_assert_cmpstr (value, ==, "East End");
  }

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  test_await (app_test_window_idle, fixture->window, "the import done");
  g_assert_true (_equity_window_get_import_dialog (fixture->window) == dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  error = equity_import_dialog_get_error (dialog);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error, "visits.csv:3:1:"));
  g_assert_cmpuint (n_datasets (fixture), ==, 0);
  app_test_render_png (GTK_WIDGET (dialog), "import-dialog-failed");

  /* fixed, it imports */
  gtk_drop_down_set_selected (equity_import_column_row_get_type_drop_down (row), 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  test_await (app_test_window_idle, fixture->window, "the import done");
  test_await (no_dialog, fixture->window, "the import dialog closed");
  g_assert_cmpuint (n_datasets (fixture), ==, 1);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("id,name\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) second = test_write_file (fixture->dir, "small.csv", "a,b\n1,2\n");
  GFile *files[2];
  EquityImportDialog *dialog;

  for (guint i = 0; i < 600000; i++)
    g_string_append_printf (csv, "%u,row %u\n", i, i);
  file = test_write_file (fixture->dir, "big.csv", csv->str);

  /* two files: cancelling the first moves on to the second */
  files[0] = file;
  files[1] = second;
  equity_window_import_files (fixture->window, files, 2);
  dialog = _equity_window_get_import_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_true (equity_import_dialog_get_file (dialog) == file);
  test_await (dialog_mapped, dialog, "the import dialog shown");
  if (!equity_import_dialog_is_ready (dialog))
    app_test_render_png (GTK_WIDGET (dialog), "import-dialog-reading");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL);

  dialog = _equity_window_get_import_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_true (equity_import_dialog_get_file (dialog) == second);
  test_await (app_test_import_dialog_ready, fixture->window, "the import dialog done reading its file");
  gtk_window_close (GTK_WINDOW (dialog));
  test_await (no_dialog, fixture->window, "the import dialog closed");
  g_assert_cmpuint (n_datasets (fixture), ==, 0);
}

static void
test_workbook (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = sample_file ("..", "data", "xlsx", "ncsbe_candidate_listing_buncombe_2016.xlsx", NULL);
  EquityImportDialog *dialog = open_dialog (fixture, file);
  EquityImporter *importer = equity_import_dialog_get_importer (dialog);
  g_autofree char *first_summary = NULL;

  if (importer == NULL)
    {
      g_test_skip (equity_import_dialog_get_error (dialog));
      return;
    }
  /* two sheets to choose from; the second one is read when chosen */
  first_summary = g_strdup (equity_import_dialog_get_summary (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (equity_import_dialog_get_layers (dialog)), ==, 2);
  app_test_render_png (GTK_WIDGET (dialog), "import-dialog-workbook");
  equity_import_dialog_set_layer (dialog, 1);
  test_await (app_test_import_dialog_ready, fixture->window, "the import dialog done reading its file");
  g_assert_nonnull (equity_import_dialog_get_importer (dialog));
  g_assert_cmpstr (equity_import_dialog_get_summary (dialog), !=, first_summary);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  test_await (app_test_window_idle, fixture->window, "the import done");
  g_assert_cmpuint (n_datasets (fixture), ==, 1);
}

/* The NCDOT vendor list needs header line 3 and lenient quotes: the
 * dialog's errors lead there through controls it shows. */
static void
test_lenient_quotes (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = sample_file ("..", "data", "csv", "real", "vendors", "ncdot_dbe_vendor_directory.csv", NULL);
  EquityImportDialog *dialog = open_dialog (fixture, file);
  const char *error;

  g_assert_true (gtk_widget_get_visible (equity_import_dialog_get_lenient_quotes_row (dialog)));
  error = equity_import_dialog_get_error (dialog);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "choose another header line"));
  g_assert_nonnull (strstr (equity_import_dialog_get_failure_hint (dialog), "header line"));

  equity_import_dialog_set_header_line (dialog, 3);
  test_await (app_test_import_dialog_ready, fixture->window, "the import dialog done reading its file");
  error = equity_import_dialog_get_error (dialog);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error, "ncdot_dbe_vendor_directory.csv:323:137: "));
  g_assert_nonnull (strstr (error, "import with lenient quotes"));
  g_assert_nonnull (strstr (equity_import_dialog_get_failure_hint (dialog), "lenient quotes"));
  g_assert_null (equity_import_dialog_get_importer (dialog));

  equity_import_dialog_set_lenient_quotes (dialog, TRUE);
  test_await (app_test_import_dialog_ready, fixture->window, "the import dialog done reading its file");
  g_assert_null (equity_import_dialog_get_error (dialog));
  g_assert_nonnull (equity_import_dialog_get_importer (dialog));
  app_test_render_png (GTK_WIDGET (dialog), "import-dialog-lenient-quotes");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  test_await (app_test_window_idle, fixture->window, "the import done");
  g_assert_cmpuint (n_datasets (fixture), ==, 1);
}

/* A workbook that cannot be read is not told to try another separator. */
static void
test_spreadsheet_hint (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = test_write_file (fixture->dir, "budget.xlsx", "PK\x03\x04 not really a workbook");
  EquityImportDialog *dialog = open_dialog (fixture, file);
  const char *hint;

  g_assert_nonnull (equity_import_dialog_get_error (dialog));
  g_assert_null (equity_import_dialog_get_importer (dialog));
  g_assert_false (gtk_widget_get_visible (equity_import_dialog_get_lenient_quotes_row (dialog)));
  hint = equity_import_dialog_get_failure_hint (dialog);
  g_assert_nonnull (hint);
  g_assert_null (strstr (hint, "separator"));
  g_assert_null (strstr (hint, "lenient"));
  g_assert_nonnull (strstr (hint, "spreadsheet program"));
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv);

  app = app_test_register_app ();

#define ADD(name, func) g_test_add ("/app/import-dialog/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("arrests", test_arrests);
  ADD ("header-line", test_header_line);
  ADD ("failed-import", test_failed_import);
  ADD ("cancel", test_cancel);
  ADD ("workbook", test_workbook);
  ADD ("lenient-quotes", test_lenient_quotes);
  ADD ("spreadsheet-hint", test_spreadsheet_hint);
#undef ADD

  return app_test_run (&app);
}
