/* test-row-model.c — a dataset's rows as a paged list model, in a main loop
 * without a display: the rows of the synchronous query, progress while a new
 * order is worked out, and an order replaced half-way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "analysis-test-util.h"

#define N_ROWS 3000

typedef struct
{
  guint   n_progress;
  guint   n_items_changed;
} Seen;

static void
progress_cb (EquityRowModel *model,
             GParamSpec     *pspec,
             Seen           *seen)
{
  double progress = equity_row_model_get_progress (model);

  g_assert_true (progress == -1.0 || (progress >= 0.0 && progress <= 1.0));
  seen->n_progress++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Seen       *seen)
{
  seen->n_items_changed++;
}

static gboolean
model_ready (gpointer data)
{
  return !equity_row_model_is_busy (data);
}

/* Iterates the main context until the model has worked out its order. */
static void
wait_ready (EquityRowModel *model)
{
  test_await (model_ready, model, "the rows ordered");
}

/* The model's rows hold what the synchronous query reads. */
static void
assert_rows_match (EquityRowModel *model,
                   EquityProject  *project,
                   EquityDataset  *dataset,
                   int             sort_column,
                   gboolean        ascending,
                   const char     *filter)
{
  g_autoptr(EquityTableQuery) query = equity_table_query_new (project, dataset, sort_column,
                                                              ascending, filter);
  g_autoptr(EquityTablePage) page = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_assert_true (equity_table_query_run (query, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items, ==, equity_table_query_get_n_rows (query));

  /* the first page and the last rows, which sit on another page */
  page = equity_table_query_fetch (query, 0, n_items, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < n_items; r += MAX (n_items / 7, 1))
    {
      g_autoptr(EquityRow) row = g_list_model_get_item (G_LIST_MODEL (model), r);

      g_assert_cmpuint (equity_row_get_position (row), ==, r);
      g_assert_cmpint (equity_row_get_rowid (row), ==, page->rowids[r]);
      for (guint c = 0; c < page->n_columns; c++)
        g_assert_cmpstr (equity_row_get_value (row, c), ==, equity_table_page_get_cell (page, r, c));
    }
}

static void
test_row_model (TestProject   *fixture,
                gconstpointer  data)
{
  g_autofree char *csv = test_write_rows_csv (fixture->dir, "rows.csv", N_ROWS);
  g_autoptr(EquityRowModel) model = NULL;
  g_autoptr(EquityRow) row = NULL;
  EquityDataset *dataset;
  Seen seen = { 0 };

  import_file (fixture, csv, "rows");
  dataset = equity_project_find_dataset (fixture->project, "rows");
  model = equity_row_model_new (fixture->project, dataset);
  g_signal_connect (model, "notify::progress", G_CALLBACK (progress_cb), &seen);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &seen);
  g_assert_true (equity_row_model_get_dataset (model) == dataset);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == EQUITY_TYPE_ROW);

  /* file order */
  wait_ready (model);
  g_assert_null (equity_row_model_get_error (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_ROWS);
  assert_rows_match (model, fixture->project, dataset, -1, TRUE, NULL);

  /* by value, descending: worked out in a thread, with progress */
  seen.n_progress = 0;
  seen.n_items_changed = 0;
  equity_row_model_set_sort (model, 2, FALSE);
  g_assert_true (equity_row_model_is_busy (model));
  wait_ready (model);
  g_assert_cmpint (equity_row_model_get_sort_column (model), ==, 2);
  g_assert_false (equity_row_model_get_ascending (model));
  g_assert_cmpuint (seen.n_progress, >, 0);
  g_assert_cmpuint (seen.n_items_changed, ==, 1);
  g_assert_cmpfloat (equity_row_model_get_progress (model), ==, 1.0);
  row = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (equity_row_get_value (row, 0), ==, "2999");
  assert_rows_match (model, fixture->project, dataset, 2, FALSE, NULL);

  /* an order replaced before it is ready: only the last one lands */
  seen.n_items_changed = 0;
  equity_row_model_set_sort (model, 0, TRUE);
  equity_row_model_set_filter (model, "row 12");
  wait_ready (model);
  g_assert_cmpuint (seen.n_items_changed, ==, 1);
  g_assert_cmpstr (equity_row_model_get_filter (model), ==, "row 12");
  /* "row 12", "row 120"…"row 129", "row 1200"…"row 1299" */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 111);
  assert_rows_match (model, fixture->project, dataset, 0, TRUE, "row 12");

  /* summaries follow the filter */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) summaries = NULL;
    g_autoptr(GError) error = NULL;
    EquityColumnSummary *id;

    equity_row_model_summarize_async (model, NULL, test_keep_result_cb, &result);
    summaries = equity_row_model_summarize_finish (model, test_await_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (summaries->len, ==, 3);
    id = g_ptr_array_index (summaries, 0);
    g_assert_cmpuint (id->n_rows, ==, 111);
    g_assert_cmpstr (id->min, ==, "12");
    g_assert_cmpstr (id->max, ==, "1299");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  test_add_with_project ("/row-model/pages", test_row_model);

  return g_test_run ();
}
