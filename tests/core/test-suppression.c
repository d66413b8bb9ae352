/* test-suppression.c — which counts a published table hides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected states worked by hand from the rule in equity-suppression.h
 * (FRAMEWORK-ANCHORS §5: no shown cell 1–10, none derivable by subtraction).
 */

#include "config.h"

#include <math.h>

#include "equity-core.h"

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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/suppression/rules", test_rules);
  g_test_add_func ("/suppression/kinds", test_kinds);
  return g_test_run ();
}
