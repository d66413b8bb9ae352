/* test-indicator-board.c — every indicator of the sample evaluated at once:
 * its year, first year and means; a failed indicator listed with its error;
 * the worker's board the same as the caller's; cancelling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "equity-core.h"
#include "test-util.h"

/* The sample's indicators as `asheville-equity-cli indicators --json` scores
 * them (latest to earliest matter here):
 *   Economy / Food security: food assistance ratio 1 in 2011 and 2021;
 *     residents on food assistance 85 in 2011, 86 in 2021
 *   Education / Libraries: 74 (2013) … 100 (2018), no later year
 *   Public safety / Crime: violent crime 11 in 2011, 2 in 2021
 *   Public safety / Policing: arrests 34 (2020), 33 (2021)
 * Worked out by python3 from that JSON, with the means of docs/methods.md §10
 * (topic: mean of its indicators, theme: of its topics, city: of its themes):
 *   year 2021 (the latest with a city score); Education has none then, so
 *   the first year is the first where Economy and Public safety both score:
 *   2011 (Education's first, 2013, must not count).
 *   city 2021 = ((1 + 86) / 2 + (2 + 33) / 2) / 2 = 30.5;
 *   city 2011 = ((1 + 85) / 2 + 11) / 2 = 27; change +3.5;
 *   Education's mean: 100 in 2018.
 *   Without the arrests: city 2021 = (43.5 + 2) / 2 = 22.75. */
#define SAMPLE_YEAR        2021
#define SAMPLE_FIRST_YEAR  2011

typedef struct
{
  TestProgress          progress;
  EquityIndicatorBoard *board;
  GError               *error;
} Load;

static void
load_async (const char   *path,
            GCancellable *cancellable,
            Load         *load)
{
  g_autoptr(GAsyncResult) result = NULL;

  equity_indicator_board_load_async (path, cancellable, test_progress_cb, &load->progress,
                                     test_keep_result_cb, &result);
  load->board = equity_indicator_board_load_finish (test_await_result (&result), &load->error);
}

static guint
find (EquityIndicatorBoard *board,
      const char           *name_part)
{
  for (guint i = 0; i < equity_indicator_board_get_n_indicators (board); i++)
    if (strstr (equity_indicator_get_name (equity_indicator_board_get_indicator (board, i)), name_part) != NULL)
      return i;
  g_assert_not_reached ();
}

static void
test_sample (TestScratch   *scratch,
             gconstpointer  data)
{
  g_autoptr(EquityProject) project = test_create_sample_project (scratch->dir, NULL);
  g_autoptr(EquityIndicatorBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  Load load = { 0 };
  int year = 0;

  board = equity_indicator_board_load (project, NULL, test_progress_cb, &load.progress, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (equity_indicator_board_get_n_indicators (board), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_nonnull (equity_indicator_board_get_evaluation (board, i));
      g_assert_null (equity_indicator_board_get_error (board, i));
    }
  g_assert_cmpint (equity_indicator_board_get_year (board), ==, SAMPLE_YEAR);
  g_assert_cmpint (equity_indicator_board_get_first_year (board), ==, SAMPLE_FIRST_YEAR);
  g_assert_cmpfloat_with_epsilon (equity_indicator_board_get_mean (board, NULL, NULL, &year), 30.5, 1e-9);
  g_assert_cmpint (year, ==, 2021);
  g_assert_cmpfloat_with_epsilon (equity_indicator_board_get_city_change (board), 3.5, 1e-9);
  /* a theme without a score in the board's year: its latest before */
  g_assert_cmpfloat_with_epsilon (equity_indicator_board_get_mean (board, "Education", NULL, &year), 100, 1e-9);
  g_assert_cmpint (year, ==, 2018);
  g_assert_cmpfloat_with_epsilon (equity_indicator_board_get_mean (board, "Public safety", "Crime", &year), 2, 1e-9);
  g_assert_cmpint (year, ==, 2021);
  /* one step per indicator, the last at the whole */
  g_assert_cmpuint (load.progress.n_reports, ==, 5);
  g_assert_cmpfloat (load.progress.last, ==, 1.0);
  test_close_checked (project);
}

/* The arrests' analysis cannot run any more (its dataset deleted): the
 * arrests are listed with the error, the others scored and the city's mean
 * made without them. (A deleted analysis itself leaves its indicators with
 * typed values only: no error, no data.) */
static void
test_analysis_gone (TestScratch   *scratch,
                    gconstpointer  data)
{
  g_autoptr(EquityProject) project = test_create_sample_project (scratch->dir, NULL);
  g_autoptr(EquityIndicatorBoard) after = NULL;
  g_autoptr(GError) error = NULL;
  EquityDataset *arrests = equity_project_find_dataset (project, "Asheville arrests 2020–2021");
  guint gone;

  g_assert_nonnull (arrests);
  g_assert_true (equity_project_delete_dataset (project, arrests, TRUE, &error));
  g_assert_no_error (error);

  after = equity_indicator_board_load (project, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (equity_indicator_board_get_n_indicators (after), ==, 5);
  gone = find (after, "Arrests");
  g_assert_null (equity_indicator_board_get_evaluation (after, gone));
  g_assert_nonnull (equity_indicator_board_get_error (after, gone));
  /* it names the indicator, in the reader's words */
  g_assert_nonnull (strstr (equity_indicator_board_get_error (after, gone)->message, "Arrests, Black vs White"));
  for (guint i = 0; i < 5; i++)
    if (i != gone)
      {
        g_assert_nonnull (equity_indicator_board_get_evaluation (after, i));
        g_assert_null (equity_indicator_board_get_error (after, i));
      }
  g_assert_cmpint (equity_indicator_board_get_year (after), ==, SAMPLE_YEAR);
  g_assert_cmpint (equity_indicator_board_get_first_year (after), ==, SAMPLE_FIRST_YEAR);
  g_assert_cmpfloat_with_epsilon (equity_indicator_board_get_mean (after, NULL, NULL, NULL), 22.75, 1e-9);
  test_close_checked (project);
}

/* The worker's board is the caller's, number for number. */
static void
test_async (TestScratch   *scratch,
            gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(EquityProject) project = test_create_sample_project (scratch->dir, &path);
  g_autoptr(EquityIndicatorBoard) board = equity_indicator_board_load (project, NULL, NULL, NULL, NULL);
  Load load = { 0 };

  load_async (path, NULL, &load);
  g_assert_no_error (load.error);
  g_assert_cmpuint (equity_indicator_board_get_n_indicators (load.board), ==,
                    equity_indicator_board_get_n_indicators (board));
  g_assert_cmpint (equity_indicator_board_get_year (load.board), ==, equity_indicator_board_get_year (board));
  g_assert_cmpint (equity_indicator_board_get_first_year (load.board), ==,
                   equity_indicator_board_get_first_year (board));
  g_assert_cmpfloat (equity_indicator_board_get_mean (load.board, NULL, NULL, NULL), ==,
                     equity_indicator_board_get_mean (board, NULL, NULL, NULL));
  for (guint i = 0; i < equity_indicator_board_get_n_indicators (board); i++)
    {
      EquityIndicatorEvaluation *mine = equity_indicator_board_get_evaluation (board, i);
      EquityIndicatorEvaluation *worker = equity_indicator_board_get_evaluation (load.board, i);

      g_assert_cmpint (equity_indicator_get_id (equity_indicator_board_get_indicator (load.board, i)), ==,
                       equity_indicator_get_id (equity_indicator_board_get_indicator (board, i)));
      g_assert_cmpint (equity_indicator_evaluation_get_status (worker), ==,
                       equity_indicator_evaluation_get_status (mine));
      g_assert_cmpuint (equity_indicator_evaluation_get_n_years (worker), ==,
                        equity_indicator_evaluation_get_n_years (mine));
      for (guint k = 0; k < equity_indicator_evaluation_get_n_years (mine); k++)
        {
          g_assert_cmpint (equity_indicator_evaluation_get_year (worker, k)->year, ==,
                           equity_indicator_evaluation_get_year (mine, k)->year);
          g_assert_cmpfloat (equity_indicator_evaluation_get_year (worker, k)->score, ==,
                             equity_indicator_evaluation_get_year (mine, k)->score);
        }
    }
  g_assert_cmpfloat (load.progress.last, ==, 1.0);
  equity_indicator_board_unref (load.board);
  test_close_checked (project);
}

/* Cancelled: the worker and the caller's thread both say so, and the
 * worker reports no progress. */
static void
test_cancelled (TestScratch   *scratch,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(EquityProject) project = test_create_sample_project (scratch->dir, &path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(EquityIndicatorBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  Load load = { 0 };

  g_cancellable_cancel (cancellable);
  load_async (path, cancellable, &load);
  g_assert_null (load.board);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (load.progress.n_reports, ==, 0);
  g_clear_error (&load.error);

  board = equity_indicator_board_load (project, cancellable, NULL, NULL, &error);
  g_assert_null (board);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  test_close_checked (project);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  test_add_with_scratch ("/indicator-board/sample", test_sample);
  test_add_with_scratch ("/indicator-board/analysis-gone", test_analysis_gone);
  test_add_with_scratch ("/indicator-board/async", test_async);
  test_add_with_scratch ("/indicator-board/cancelled", test_cancelled);

  return g_test_run ();
}
