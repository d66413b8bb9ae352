/* test-suppression.c — which counts a published table hides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected states worked by hand from the rule in equity-suppression.h
 * (FRAMEWORK-ANCHORS §5: no shown cell 1–10, none derivable by subtraction).
 */

#include "config.h"

#include <math.h>

#include "analysis-test-util.h"

static EquitySuppression *
decide (const double *counts,
        guint         n,
        guint         threshold,
        guint        *n_secondary)
{
  g_autoptr(EquityResult) result = equity_result_new (EQUITY_KIND_GROUP_RATES);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("g%u", i);

      equity_result_add_row (result, label)->count = counts[i];
    }
  return equity_suppression_decide (result, threshold, n_secondary);
}

static void
test_rules (void)
{
  static const struct
  {
    double counts[5];
    guint threshold;
    EquitySuppression expected[5];
    guint secondary;
  } cases[] = {
    /* nothing small: nothing hidden; zero is a true zero */
    { { 40, 0, 25, 30, 12 }, 11, { 0, 0, 0, 0, 0 }, 0 },
    /* one small count: the next smallest non-zero (12) goes with it */
    { { 40, 0, 3, 30, 12 }, 11, { 0, 0, 1, 0, 2 }, 1 },
    /* two small ones adding to 7 < 11: one more (12) */
    { { 40, 4, 3, 30, 12 }, 11, { 0, 1, 1, 0, 2 }, 1 },
    /* two small ones adding to 14 ≥ 11: they only come back together */
    { { 40, 9, 5, 30, 12 }, 11, { 0, 1, 1, 0, 0 }, 0 },
    /* threshold 1: suppression off */
    { { 1, 2, 3, 4, 5 }, 1, { 0, 0, 0, 0, 0 }, 0 },
    /* every other row is zero: nothing left to hide beside it */
    { { 3, 0, 0, 0, 0 }, 11, { 1, 0, 0, 0, 0 }, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint secondary = 99;
      g_autofree EquitySuppression *states = decide (cases[i].counts, 5, cases[i].threshold, &secondary);

      for (guint r = 0; r < 5; r++)
        if (states[r] != cases[i].expected[r])
          g_error ("case %u row %u: %d, expected %d", i, r, states[r], cases[i].expected[r]);
      g_assert_cmpuint (secondary, ==, cases[i].secondary);
    }
}

/* Dollars and survey estimates are not counts of people: never hidden. */
static void
test_kinds (void)
{
  g_autoptr(EquityResult) dollars = equity_result_new (EQUITY_KIND_UTILIZATION);
  g_autofree EquitySuppression *states = NULL;

  equity_result_add_row (dollars, "MBE")->count = 5;
  states = equity_suppression_decide (dollars, 11, NULL);
  g_assert_cmpint (states[0], ==, EQUITY_SUPPRESSION_SHOWN);
  g_assert_false (equity_suppression_applies (dollars));
}

/* The window's table, the command line's table and the chart withhold the
 * same figures the workbook does: X (3 stops) and, so that X cannot be had
 * from the total, Z (25, the next smallest); Y (40) stays. By hand. */
static void
test_tables_and_charts_withhold (TestProject   *fixture,
                                 gconstpointer  data)
{
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(EquityChart) chart = NULL;
  g_autofree char *x_count = NULL, *z_rate = NULL, *z_ratio = NULL, *y_count = NULL;
  g_autofree char *x_population = NULL, *z_summary = NULL, *z_flag = NULL;
  EquityResultRow *x, *y, *z;

  import_counts (fixture, "stops", "group", "X", 3, "Y", 40, "Z", 25, NULL);
  import_text (fixture, "people", "csv", "place,x_pop,y_pop,z_pop\nTown,1000,2000,1500\n");
  result = run_ok (fixture, "[analysis]\nname = Stops\nkind = group-rates\nevents = stops\n"
                            "group-column = group\npopulation = people\nreference = Y\nsuppress-below = 11\n"
                            "[groups]\nX = x_pop\nY = y_pop\nZ = z_pop\n");
  x = equity_result_find_row (result, "X");
  y = equity_result_find_row (result, "Y");
  z = equity_result_find_row (result, "Z");
  g_assert_true (x->suppressed && !x->suppressed_secondary);
  g_assert_true (!z->suppressed && z->suppressed_secondary);
  g_assert_false (equity_result_row_is_hidden (y));

  x_count = equity_result_column_dup_text (EQUITY_RESULT_COLUMN_COUNT, x);
  z_rate = equity_result_column_dup_text (EQUITY_RESULT_COLUMN_RATE, z);
  z_ratio = equity_result_column_dup_text (EQUITY_RESULT_COLUMN_RATIO, z);
  y_count = equity_result_column_dup_text (EQUITY_RESULT_COLUMN_COUNT, y);
  x_population = equity_result_column_dup_text (EQUITY_RESULT_COLUMN_POPULATION, x);
  z_flag = equity_result_column_dup_text (EQUITY_RESULT_COLUMN_SUPPRESSED, z);
  g_assert_cmpstr (x_count, ==, EQUITY_MARKER_SUPPRESSED);
  g_assert_cmpstr (z_rate, ==, EQUITY_MARKER_SUPPRESSED);
  g_assert_cmpstr (z_ratio, ==, EQUITY_MARKER_SUPPRESSED);
  g_assert_cmpstr (y_count, ==, "40");
  g_assert_cmpstr (x_population, ==, "1,000");
  g_assert_cmpstr (z_flag, !=, "");

  /* the chart's words for the row never give its count away */
  chart = equity_chart_new (result);
  z_summary = equity_chart_dup_row_summary (chart, 2);
  g_assert_null (strstr (z_summary, "25"));
  g_assert_true (g_str_has_prefix (z_summary, "Suppressed so that"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  test_add_with_project ("/suppression/tables-and-charts", test_tables_and_charts_withhold);
  g_test_add_func ("/suppression/rules", test_rules);
  g_test_add_func ("/suppression/kinds", test_kinds);
  return g_test_run ();
}
