/* test-async.c — the core's *_async calls in a main loop, without a display:
 * progress on the main context, cancellation half-way, and the same result
 * as the synchronous call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "analysis-test-util.h"

/* What one async call reported. */
typedef struct
{
  GCancellable *cancellable;
  gboolean      cancel_on_progress;
  guint         n_progress;
  guint         n_after_cancel;
  double        last_fraction;
  gboolean      decreased;
  GAsyncResult *result;
} Call;

static void
call_init (Call     *call,
           gboolean  cancel_on_progress)
{
  call->cancellable = g_cancellable_new ();
  call->cancel_on_progress = cancel_on_progress;
  call->n_progress = 0;
  call->n_after_cancel = 0;
  call->last_fraction = 0.0;
  call->decreased = FALSE;
  call->result = NULL;
}

static void
call_clear (Call *call)
{
  g_clear_object (&call->cancellable);
  g_clear_object (&call->result);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Call *call = user_data;

  if (g_cancellable_is_cancelled (call->cancellable))
    call->n_after_cancel++;
  call->n_progress++;
  if (fraction < call->last_fraction)
    call->decreased = TRUE;
  call->last_fraction = fraction;
  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);

  if (call->cancel_on_progress)
    g_cancellable_cancel (call->cancellable);
}

/* Runs the loop until the call's callback (test_keep_result_cb, given
 * &call->result); the main context owns no thread in between, so progress
 * can only arrive through the loop. */
static void
call_wait (Call *call)
{
  test_await_result (&call->result);
  g_assert_cmpuint (call->n_after_cancel, ==, 0);
}

/* A call that ran to its end: progress came, and never went back. */
static void
call_assert_progressed (const Call *call)
{
  g_assert_cmpuint (call->n_progress, >, 0);
  g_assert_false (call->decreased);
}

/* A call cancelled on its first report (cancel_on_progress): it ended
 * cancelled, told of nothing after (call_wait() checks that). */
static void
call_assert_cancelled_on_first_report (const Call   *call,
                                       const GError *error)
{
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (call->n_progress, ==, 1);
}

static EquityImporter *
importer_for (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return equity_importer_new (file, NULL);
}

static void
test_importer_analyze (TestProject   *fixture,
                       gconstpointer  data)
{
  g_autofree char *csv = test_write_rows_csv (fixture->dir, "rows.csv", 3000);
  g_autoptr(EquityImporter) sync_importer = importer_for (csv);
  g_autoptr(EquityImporter) importer = importer_for (csv);
  g_auto(GStrv) layers = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *columns, *sync_columns;
  Call call;

  g_assert_true (equity_importer_analyze (sync_importer, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  call_init (&call, FALSE);
  equity_importer_analyze_async (importer, TRUE, call.cancellable, progress_cb, &call,
                                 test_keep_result_cb, &call.result);
  call_wait (&call);
  g_assert_true (equity_importer_analyze_finish (importer, call.result, &layers, &error));
  g_assert_no_error (error);
  /* a text file has no layers to list */
  g_assert_null (layers);
  call_assert_progressed (&call);

  g_assert_cmpuint (equity_importer_get_n_rows (importer), ==, equity_importer_get_n_rows (sync_importer));
  columns = equity_importer_get_columns (importer);
  sync_columns = equity_importer_get_columns (sync_importer);
  g_assert_cmpuint (columns->len, ==, sync_columns->len);
  for (guint i = 0; i < columns->len; i++)
    {
      EquityColumn *column = g_ptr_array_index (columns, i);
      EquityColumn *sync_column = g_ptr_array_index (sync_columns, i);

      g_assert_cmpstr (equity_column_get_name (column), ==, equity_column_get_name (sync_column));
      g_assert_cmpint (equity_column_get_column_type (column), ==,
                       equity_column_get_column_type (sync_column));
    }
  call_clear (&call);
}

static void
test_importer_run (TestProject   *fixture,
                   gconstpointer  data)
{
  g_autofree char *csv = test_write_rows_csv (fixture->dir, "rows.csv", 5000);
  g_autoptr(EquityImporter) importer = importer_for (csv);
  g_autoptr(EquityImporter) sync_importer = importer_for (csv);
  g_autoptr(EquityDataset) sync_dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(EquityDataset) dataset = NULL;
  guint64 n_rows = 0;
  Call call;

  /* not analyzed: the worker analyzes first and picks a free name */
  call_init (&call, FALSE);
  equity_importer_run_async (importer, equity_project_get_path (fixture->project), call.cancellable,
                             progress_cb, &call, test_keep_result_cb, &call.result);
  call_wait (&call);
  g_assert_true (equity_importer_run_finish (importer, call.result, &name, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "rows");
  g_assert_cmpuint (n_rows, ==, 5000);
  call_assert_progressed (&call);
  call_clear (&call);

  /* the same dataset as the synchronous import, read back through the catalog */
  g_assert_true (equity_project_reload_catalog (fixture->project, &error));
  g_assert_no_error (error);
  /* held: the next import reloads the catalog */
  dataset = g_object_ref (equity_project_find_dataset (fixture->project, "rows"));
  g_assert_true (equity_importer_analyze (sync_importer, NULL, NULL, NULL, &error));
  equity_importer_set_name (sync_importer, "rows_sync");
  sync_dataset = equity_importer_run (sync_importer, fixture->project, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, equity_dataset_get_n_rows (sync_dataset));
  g_assert_cmpuint (equity_dataset_get_n_columns (dataset), ==,
                    equity_dataset_get_n_columns (sync_dataset));
}

static void
test_importer_cancel (TestProject   *fixture,
                      gconstpointer  data)
{
  g_autofree char *csv = test_write_rows_csv (fixture->dir, "rows.csv", 100000);
  g_autoptr(EquityImporter) importer = importer_for (csv);
  g_autoptr(GError) error = NULL;
  Call call;

  call_init (&call, TRUE);
  equity_importer_run_async (importer, equity_project_get_path (fixture->project), call.cancellable,
                             progress_cb, &call, test_keep_result_cb, &call.result);
  call_wait (&call);
  g_assert_false (equity_importer_run_finish (importer, call.result, NULL, NULL, &error));
  call_assert_cancelled_on_first_report (&call, error);
  call_clear (&call);
}

#define SMALL_SPEC                                                                         \
  "[analysis]\nname = Small\nkind = group-rates\nevents = stops\ngroup-column = group\n"   \
  "events-filter = year=2020\npopulation = people\npopulation-filter = code=021\n"        \
  "reference = X\nper = 100\n"                                                             \
  "[groups]\nX = x_pop\nY = y_pop\nZ = z_pop\n"

static void
test_analysis_run (TestProject   *fixture,
                   gconstpointer  data)
{
  g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_data (SMALL_SPEC, -1, NULL, NULL);
  g_autoptr(EquityResult) sync_result = NULL;
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(EquityChart) chart = NULL;
  g_autoptr(EquityChart) map = NULL;
  g_autoptr(GError) map_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) sync_json = NULL;
  g_autoptr(JsonNode) json = NULL;
  Call call;

  import_small_stops (fixture);
  g_assert_nonnull (analysis);
  sync_result = equity_analysis_run (analysis, fixture->project, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  call_init (&call, FALSE);
  equity_analysis_run_async (analysis, equity_project_get_path (fixture->project),
                             EQUITY_CHART_N_KINDS, call.cancellable, progress_cb, &call,
                             test_keep_result_cb, &call.result);
  call_wait (&call);
  result = equity_analysis_run_finish (analysis, call.result, &chart, &map, &map_error, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  call_assert_progressed (&call);
  /* a chart that suits the result; no areas, so no map */
  g_assert_nonnull (chart);
  g_assert_null (map);
  g_assert_no_error (map_error);

  sync_json = result_json (sync_result);
  json = result_json (result);
  g_assert_true (json_node_equal (sync_json, json));
  call_clear (&call);
}

static void
test_analysis_cancel (TestProject   *fixture,
                      gconstpointer  data)
{
  g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_data (SMALL_SPEC, -1, NULL, NULL);
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Call call;

  import_small_stops (fixture);
  call_init (&call, TRUE);
  equity_analysis_run_async (analysis, equity_project_get_path (fixture->project),
                             EQUITY_CHART_BARS, call.cancellable, progress_cb, &call,
                             test_keep_result_cb, &call.result);
  call_wait (&call);
  result = equity_analysis_run_finish (analysis, call.result, NULL, NULL, NULL, &error);
  g_assert_null (result);
  call_assert_cancelled_on_first_report (&call, error);
  call_clear (&call);
}

static void
test_choices (TestProject   *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) sync_choices = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;
  EquityDataset *stops;
  Call call;

  import_small_stops (fixture);
  stops = equity_project_find_dataset (fixture->project, "stops");
  sync_choices = equity_analysis_list_choices (fixture->project, stops,
                                               equity_dataset_find_column (stops, "group"), NULL,
                                               EQUITY_CHOICE_ORDER_COUNT, 0, NULL, &error);
  g_assert_no_error (error);

  call_init (&call, FALSE);
  equity_analysis_list_choices_async (equity_project_get_path (fixture->project), "stops", "group",
                                      FALSE, EQUITY_CHOICE_ORDER_COUNT, 0, call.cancellable,
                                      test_keep_result_cb, &call.result);
  call_wait (&call);
  choices = equity_analysis_list_choices_finish (call.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 3);
  g_assert_cmpuint (choices->len, ==, sync_choices->len);
  for (guint i = 0; i < choices->len; i++)
    {
      EquityChoice *choice = g_ptr_array_index (choices, i);
      EquityChoice *sync_choice = g_ptr_array_index (sync_choices, i);

      g_assert_cmpstr (choice->value, ==, sync_choice->value);
      g_assert_cmpuint (choice->n_rows, ==, sync_choice->n_rows);
    }
  call_clear (&call);

  /* a column that is not there */
  call_init (&call, FALSE);
  equity_analysis_list_choices_async (equity_project_get_path (fixture->project), "stops", "nope",
                                      FALSE, EQUITY_CHOICE_ORDER_COUNT, 0, call.cancellable,
                                      test_keep_result_cb, &call.result);
  call_wait (&call);
  g_clear_pointer (&choices, g_ptr_array_unref);
  g_clear_error (&error);
  choices = equity_analysis_list_choices_finish (call.result, &error);
  g_assert_null (choices);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND);
  call_clear (&call);
}

static void
test_sample (TestProject   *fixture,
             gconstpointer  data)
{
  /* the folder is made on the way */
  g_autofree char *path = g_build_filename (fixture->dir, "sub", "sample.equity", NULL);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  g_autofree char *sync_path = g_build_filename (fixture->dir, "sync.equity", NULL);
  g_autoptr(EquityProject) sync_project = NULL;
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *datasets, *sync_datasets;
  Call call;

  /* cancelled half-way: nothing left behind */
  call_init (&call, TRUE);
  equity_sample_create_async (path, call.cancellable, progress_cb, &call, test_keep_result_cb, &call.result);
  call_wait (&call);
  g_assert_false (equity_sample_create_finish (call.result, &error));
  call_assert_cancelled_on_first_report (&call, error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  call_clear (&call);

  call_init (&call, FALSE);
  equity_sample_create_async (path, call.cancellable, progress_cb, &call, test_keep_result_cb, &call.result);
  call_wait (&call);
  g_assert_true (equity_sample_create_finish (call.result, &error));
  g_assert_no_error (error);
  call_assert_progressed (&call);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  call_clear (&call);

  /* the same datasets as the synchronous call */
  project = test_open_project (path);
  sync_project = equity_sample_create (sync_path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  datasets = equity_project_get_datasets (project);
  sync_datasets = equity_project_get_datasets (sync_project);
  g_assert_cmpuint (g_list_model_get_n_items (datasets), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (datasets), ==, g_list_model_get_n_items (sync_datasets));
  for (guint i = 0; i < g_list_model_get_n_items (datasets); i++)
    {
      g_autoptr(EquityDataset) dataset = g_list_model_get_item (datasets, i);
      g_autoptr(EquityDataset) sync_dataset = g_list_model_get_item (sync_datasets, i);

      g_assert_cmpstr (equity_dataset_get_name (dataset), ==, equity_dataset_get_name (sync_dataset));
      g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, equity_dataset_get_n_rows (sync_dataset));
    }
  equity_project_close (project);
  equity_project_close (sync_project);
}

/* The project opened in a worker is the one equity_project_open() gives,
 * errors included, and is used from the caller's thread after. */
static void
test_project_open (TestProject   *fixture,
                   gconstpointer  data)
{
  const char *path = equity_project_get_path (fixture->project);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.equity", NULL);
  g_autofree char *not_project = g_build_filename (fixture->dir, "notes.equity", NULL);
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) sync_error = NULL;
  Call call;

  call_init (&call, FALSE);
  equity_project_open_async (path, call.cancellable, test_keep_result_cb, &call.result);
  call_wait (&call);
  project = equity_project_open_finish (call.result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (equity_project_get_path (project), ==, path);
  g_assert_cmpuint (g_list_model_get_n_items (equity_project_get_datasets (project)), ==,
                    g_list_model_get_n_items (equity_project_get_datasets (fixture->project)));
  equity_project_close (project);
  g_clear_object (&project);
  call_clear (&call);

  /* a file that is not there, and one that is no project: the sync errors */
  g_file_set_contents (not_project, "not a database", -1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      const char *bad = i == 0 ? missing : not_project;
      g_autoptr(EquityProject) sync_project = equity_project_open (bad, &sync_error);

      g_assert_null (sync_project);
      call_init (&call, FALSE);
      equity_project_open_async (bad, call.cancellable, test_keep_result_cb, &call.result);
      call_wait (&call);
      g_assert_null (equity_project_open_finish (call.result, &error));
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, sync_error->domain, sync_error->code));
      g_assert_cmpstr (error->message, ==, sync_error->message);
      g_clear_error (&error);
      g_clear_error (&sync_error);
      call_clear (&call);
    }

  /* cancelled before the worker ran: no project */
  call_init (&call, FALSE);
  g_cancellable_cancel (call.cancellable);
  equity_project_open_async (path, call.cancellable, test_keep_result_cb, &call.result);
  call_wait (&call);
  g_assert_null (equity_project_open_finish (call.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  call_clear (&call);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  test_add_with_project ("/async/importer/analyze", test_importer_analyze);
  test_add_with_project ("/async/importer/run", test_importer_run);
  test_add_with_project ("/async/importer/cancel", test_importer_cancel);
  test_add_with_project ("/async/analysis/run", test_analysis_run);
  test_add_with_project ("/async/analysis/cancel", test_analysis_cancel);
  test_add_with_project ("/async/analysis/choices", test_choices);
  test_add_with_project ("/async/sample", test_sample);
  test_add_with_project ("/async/project-open", test_project_open);

  return g_test_run ();
}
