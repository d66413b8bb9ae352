/* test-stats.c — every formula of equity-stats.c against independent values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a number comes from a tool, the comment gives the tool and the call:
 * "R" is R 4.2.2 (Debian 12 r-base-core), "epitools" its package 0.5-10.1
 * (r-cran-epitools). Numbers worked by hand show the working.
 */

#include "config.h"

#include <math.h>

#include "equity-stats.h"
#include "test-util.h"


static void
test_normal (void)
{
  /* R: qnorm(c(0.975, 0.95, 0.995, 1e-10, 0.9)) */
  assert_close (equity_stats_normal_quantile (0.975), 1.95996398454005, 1e-13);
  assert_close (equity_stats_normal_quantile (0.95), 1.64485362695147, 1e-13);
  assert_close (equity_stats_normal_quantile (0.995), 2.57582930354890, 1e-13);
  assert_close (equity_stats_normal_quantile (1e-10), -6.36134090240406, 1e-13);
  assert_close (equity_stats_normal_quantile (0.9), 1.28155156554460, 1e-13);
  g_assert_cmpfloat (equity_stats_normal_quantile (0.5), ==, 0.0);
  g_assert_true (isinf (equity_stats_normal_quantile (0.0)));
  g_assert_true (isnan (equity_stats_normal_quantile (1.5)));
  assert_close (equity_stats_z (0.95), 1.95996398454005, 1e-13);
  assert_close (equity_stats_normal_cdf (1.95996398454005), 0.975, 1e-13);
}

static void
test_gamma (void)
{
  /* R: pgamma(5, 3); pgamma(0.5, 3); pgamma(20, 3, lower.tail = FALSE);
   *    pgamma(150, 100, lower.tail = FALSE) */
  assert_close (equity_stats_gamma_p (3, 5), 0.875347980516919, 1e-13);
  assert_close (equity_stats_gamma_p (3, 0.5), 0.0143876779669707, 1e-13);
  assert_close (equity_stats_gamma_q (3, 20), 4.55514950558921e-07, 1e-11);
  assert_close (equity_stats_gamma_q (100, 150), 5.92454033548392e-06, 1e-11);
  /* R: qgamma(0.025, 5.5); qgamma(0.975, 100); qgamma(0.5, 0.3) */
  assert_close (equity_stats_gamma_quantile (0.025, 5.5), 1.9078741261180492, 1e-12);
  assert_close (equity_stats_gamma_quantile (0.975, 100), 120.528947753155478, 1e-12);
  assert_close (equity_stats_gamma_quantile (0.5, 0.3), 0.0731311358669519, 1e-10);
  /* R: qchisq(c(0.025, 0.975), 7) */
  assert_close (equity_stats_chisq_quantile (0.025, 7), 1.68986918067735, 1e-12);
  assert_close (equity_stats_chisq_quantile (0.975, 7), 16.01276427462932, 1e-12);
}

static void
test_beta_t_binomial (void)
{
  /* R: pbeta(0.3, 2, 5); pt(2, 5); qt(0.975, 9); qt(0.975, 1); qt(0.995, 30);
   *    pbinom(2, 10, 0.5); pbinom(480, 1000, 0.5) */
  assert_close (equity_stats_beta_inc (0.3, 2, 5), 0.579825, 1e-12);
  assert_close (equity_stats_t_cdf (2, 5), 0.949030260585071, 1e-12);
  assert_close (equity_stats_t_quantile (0.975, 9), 2.262157162798205, 1e-12);
  assert_close (equity_stats_t_quantile (0.975, 1), 12.706204736174694, 1e-11);
  assert_close (equity_stats_t_quantile (0.995, 30), 2.749995653567225, 1e-12);
  assert_close (equity_stats_t_quantile (0.025, 9), -2.262157162798205, 1e-12);
  assert_close (equity_stats_binomial_cdf (2, 10, 0.5), 0.0546875, 1e-12);
  assert_close (equity_stats_binomial_cdf (480, 1000, 0.5), 0.108724146602071, 1e-10);
}

static void
test_poisson_exact (void)
{
  /* The published exact 95% limits (e.g. Daly's table), recomputed with
   * R: qchisq(0.025, 2 * x) / 2 and qchisq(0.975, 2 * x + 2) / 2, and for x = 5
   * poisson.test(5)$conf.int: 0–3.688879, 0.025318–5.571643, 1.623486–11.668332,
   * 4.795389–18.390356 */
  static const struct { double x, low, high; } table[] = {
    { 0, 0.0, 3.688879 },
    { 1, 0.025318, 5.571643 },
    { 5, 1.623486, 11.668332 },
    { 10, 4.795389, 18.390356 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      EquityEstimate e;
      EquityStatsFlags flags = equity_stats_poisson_exact (table[i].x, 0.95, &e);

      g_assert_true (flags & EQUITY_STATS_EXACT);
      g_assert_cmpfloat_with_epsilon (e.low, table[i].low, 5e-7);
      g_assert_cmpfloat_with_epsilon (e.high, table[i].high, 5e-7);
    }
}

static void
test_poisson_byar (void)
{
  EquityEstimate e;

  /* R: z <- qnorm(0.975); x * (1 - 1/(9x) - z/(3 sqrt(x)))^3 and
   * (x+1) * (1 - 1/(9(x+1)) + z/(3 sqrt(x+1)))^3 for x = 10 and 4452:
   * 4.787449914–18.391458606, 4322.174194–4584.734751 */
  g_assert_cmpint (equity_stats_poisson_byar (10, 0.95, &e), ==, EQUITY_STATS_OK);
  assert_close (e.low, 4.787449914, 1e-9);
  assert_close (e.high, 18.391458606, 1e-9);
  equity_stats_poisson_byar (4452, 0.95, &e);
  assert_close (e.low, 4322.174194, 1e-9);
  assert_close (e.high, 4584.734751, 1e-9);

  /* the switch: Byar's from 10 up, exact below */
  g_assert_true (equity_stats_poisson (9, 0.95, &e) & EQUITY_STATS_EXACT);
  g_assert_false (equity_stats_poisson (10, 0.95, &e) & EQUITY_STATS_EXACT);
}

static void
test_rate (void)
{
  EquityEstimate e;
  EquityStatsFlags flags;

  /* Black arrests over Black residents of Asheville, per 1,000:
   * 4452 / 9938 × 1000 = 447.977 (by hand); limits Byar's above ÷ 9938 × 1000 */
  equity_stats_rate (4452, 9938, 1000, 0.95, &e);
  assert_close (e.value, 447.97746025357, 1e-12);
  assert_close (e.low, 4322.174194 / 9.938, 1e-9);
  assert_close (e.high, 4584.734751 / 9.938, 1e-9);

  /* no population: no number, and a flag, never a division by zero */
  flags = equity_stats_rate (5, 0, 1000, 0.95, &e);
  g_assert_true (flags & EQUITY_STATS_ZERO_DENOMINATOR);
  g_assert_true (isnan (e.value) && isnan (e.low) && isnan (e.high));

  /* a zero count has a rate of 0 and an exact upper limit: 3.688879 / 2000 × 1000 */
  flags = equity_stats_rate (0, 2000, 1000, 0.95, &e);
  g_assert_true (flags & EQUITY_STATS_ZERO_COUNT);
  g_assert_cmpfloat (e.value, ==, 0.0);
  g_assert_cmpfloat (e.low, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (e.high, 1.8444395, 1e-6);
}

static void
test_wilson (void)
{
  /* Newcombe (1998), Stat Med 17:857, Table I, method 3 (score): 81/263
   * 0.2553–0.3662; 15/148 0.0624–0.1605; 0/20 0–0.1611; 1/29 0.0061–0.1718.
   * More digits from R: prop.test(x, n, correct = FALSE)$conf.int */
  static const struct { double x, n, low, high; } table[] = {
    { 81, 263, 0.255288519878274, 0.366209576982800 },
    { 15, 148, 0.0623863995307363, 0.1604872417233080 },
    { 0, 20, 0.0, 0.161125158052819 },
    { 1, 29, 0.00611321429276266, 0.17175521879320282 },
  };
  EquityEstimate e;

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      equity_stats_wilson (table[i].x, table[i].n, 0.95, &e);
      g_assert_cmpfloat_with_epsilon (e.value, table[i].x / table[i].n, 1e-15);
      g_assert_cmpfloat_with_epsilon (e.low, table[i].low, 1e-9);
      g_assert_cmpfloat_with_epsilon (e.high, table[i].high, 1e-9);
    }
  g_assert_true (equity_stats_wilson (0, 0, 0.95, &e) & EQUITY_STATS_ZERO_DENOMINATOR);
  g_assert_true (isnan (e.value));
}

static void
test_rate_ratio (void)
{
  EquityEstimate e;
  EquityStatsFlags flags;

  /* B against W, Asheville arrests 2020–2021 over 2020 Census residents.
   * epitools: rateratio.wald(c(10314, 4452), c(71669, 9938))$measure
   *   → 3.112865678 (3.005358109–3.224219003)
   * by hand: (4452/9938)/(10314/71669) = 447.977/143.912 = 3.11287;
   *   SE = sqrt(1/4452 + 1/10314) = 0.017933; exp(±1.96 × SE) = 0.96546, 1.03577 */
  flags = equity_stats_rate_ratio (4452, 9938, NAN, 10314, 71669, NAN, 0.95, &e);
  g_assert_cmpint (flags, ==, EQUITY_STATS_OK);
  assert_close (e.value, 3.112865678, 1e-9);
  assert_close (e.low, 3.005358109, 1e-9);
  assert_close (e.high, 3.224219003, 1e-9);

  /* our extension: both populations with ACS margins (500 and 800 at 90%).
   * R: v <- 1/4452 + 1/10314 + (500/1.645/9938)^2 + (800/1.645/71669)^2;
   *    rr * exp(c(-1, 1) * qnorm(0.975) * sqrt(v)) → 2.90023994633973–3.34107967138995 */
  equity_stats_rate_ratio (4452, 9938, 500, 10314, 71669, 800, 0.95, &e);
  assert_close (e.value, 3.11286567761424, 1e-12);
  assert_close (e.low, 2.90023994633973, 1e-12);
  assert_close (e.high, 3.34107967138995, 1e-12);

  /* a zero count: mid-p exact limits.
   * epitools: rateratio.midp(c(5, 0), c(1000, 2000)) → 0 (0–0.4102932837), good
   * to its uniroot tolerance; R with a tight one:
   * f <- function(p) 0.5 * dbinom(0, 5, p) - 0.025; u <- uniroot(f, c(0, 1), tol = 1e-16)$root;
   * u / (1 - u) * 1000 / 2000 → 0.41028210151304 */
  flags = equity_stats_rate_ratio (0, 2000, NAN, 5, 1000, NAN, 0.95, &e);
  g_assert_true (flags & EQUITY_STATS_MID_P);
  g_assert_cmpfloat (e.value, ==, 0.0);
  g_assert_cmpfloat (e.low, ==, 0.0);
  assert_close (e.high, 0.4102932837, 1e-4);
  assert_close (e.high, 0.41028210151304, 1e-12);
  /* epitools: rateratio.midp(c(0, 5), c(1000, 2000)) → Inf (0.6093202349–Inf);
   * R: g <- function(p) 0.5 * dbinom(5, 5, p) - 0.025, the same way → 0.60933684184138 */
  flags = equity_stats_rate_ratio (5, 2000, NAN, 0, 1000, NAN, 0.95, &e);
  g_assert_true (flags & EQUITY_STATS_UNBOUNDED);
  g_assert_true (isnan (e.value) && isnan (e.high));
  assert_close (e.low, 0.6093202349, 1e-4);
  assert_close (e.low, 0.60933684184138, 1e-12);
  /* With 10,314 events on the other side epitools prints 0.002507, off by
   * its uniroot tolerance (1.2e-4 on a probability of 3e-4). R with a tight
   * tolerance: f <- function(p) 0.5 * dbinom(0, 10314, p) - 0.025;
   * u <- uniroot(f, c(0, 0.01), tol = 1e-16)$root; u / (1 - u) * 71669 / 9938
   * → 0.00209493858654 */
  equity_stats_rate_ratio (0, 9938, NAN, 10314, 71669, NAN, 0.95, &e);
  assert_close (e.high, 0.00209493858654, 1e-9);

  /* nothing on either side, or no population: no ratio */
  g_assert_true (equity_stats_rate_ratio (0, 10, NAN, 0, 10, NAN, 0.95, &e) & EQUITY_STATS_ZERO_COUNT);
  g_assert_true (isnan (e.value));
  g_assert_true (equity_stats_rate_ratio (3, 0, NAN, 4, 10, NAN, 0.95, &e) & EQUITY_STATS_ZERO_DENOMINATOR);
  g_assert_true (isnan (e.value));
}

static void
test_rate_difference (void)
{
  EquityEstimate e;

  /* R: rd <- (4452/9938 - 10314/71669) * 1000;
   *    se <- sqrt(4452/9938^2 + 10314/71669^2) * 1000; rd + c(-1, 1) * qnorm(0.975) * se
   *    → 304.065866677549 (290.616853139200–317.514880215898) */
  equity_stats_rate_difference (4452, 9938, NAN, 10314, 71669, NAN, 1000, 0.95, &e);
  assert_close (e.value, 304.065866677549, 1e-12);
  assert_close (e.low, 290.616853139200, 1e-12);
  assert_close (e.high, 317.514880215898, 1e-12);
  g_assert_true (equity_stats_rate_difference (1, 0, NAN, 1, 5, NAN, 1000, 0.95, &e)
                 & EQUITY_STATS_ZERO_DENOMINATOR);
}

static void
test_ratio_to_total (void)
{
  EquityEstimate e;

  /* an area with 30 of 200 events and 1,000 of 10,000 residents.
   * R: r <- (30/200)/(1000/10000); v <- 1/30 - 1/200;
   *    r * exp(c(-1, 1) * qnorm(0.975) * sqrt(v)) → 1.5 (1.07848147395199–2.08626671328446) */
  equity_stats_ratio_to_total (30, 1000, NAN, 200, 10000, NAN, 0.95, &e);
  assert_close (e.value, 1.5, 1e-15);
  assert_close (e.low, 1.07848147395199, 1e-12);
  assert_close (e.high, 2.08626671328446, 1e-12);

  /* no events there: mid-p upper limit (1 − 0.05^(1/200)) / 0.1 = 0.148684 (by hand) */
  g_assert_true (equity_stats_ratio_to_total (0, 1000, NAN, 200, 10000, NAN, 0.95, &e) & EQUITY_STATS_MID_P);
  g_assert_cmpfloat (e.value, ==, 0.0);
  assert_close (e.high, (1.0 - pow (0.05, 1.0 / 200)) / 0.1, 1e-12);
  g_assert_true (equity_stats_ratio_to_total (3, 0, NAN, 200, 10000, NAN, 0.95, &e)
                 & EQUITY_STATS_ZERO_DENOMINATOR);
  g_assert_true (isnan (e.value));
}

static void
test_acs (void)
{
  double estimates[] = { 0, 0, 5, 10 };
  double moes[] = { 11, 13, 4, 6 };
  double missing[] = { 3, NAN };
  EquityStatsFlags flags = 0;
  double moe;

  /* ACS General Handbook (2018), ch. 8, proportion example: never-married
   * females 203,119 (MOE 5,070) of 630,498 females (MOE 831): p = 0.3222,
   * MOE ±0.0080. R: p <- 203119/630498; sqrt(5070^2 - p^2 * 831^2)/630498
   * → 0.00803004457821032 */
  moe = equity_acs_moe_proportion (203119, 5070, 630498, 831, &flags);
  assert_close (moe, 0.00803004457821032, 1e-12);
  g_assert_false (flags & EQUITY_STATS_RATIO_FALLBACK);

  /* a negative radicand: 50 (±10) of 100 (±40): 10² − 0.5²·40² = −300, so
   * the ratio formula, by hand sqrt(10² + 0.5²·40²)/100 = sqrt(500)/100 */
  flags = 0;
  moe = equity_acs_moe_proportion (50, 10, 100, 40, &flags);
  assert_close (moe, sqrt (500.0) / 100.0, 1e-15);
  g_assert_true (flags & EQUITY_STATS_RATIO_FALLBACK);

  /* missing margin, zero denominator */
  flags = 0;
  g_assert_true (isnan (equity_acs_moe_proportion (5, NAN, 10, 2, &flags)));
  g_assert_true (flags & EQUITY_STATS_MISSING_MOE);
  flags = 0;
  g_assert_true (isnan (equity_acs_moe_proportion (0, 3, 0, 3, &flags)));
  g_assert_true (flags & EQUITY_STATS_ZERO_DENOMINATOR);

  /* the sum with two zero estimates: only the larger of their MOEs counts
   * (tidycensus#616): by hand sqrt(13² + 4² + 6²) = sqrt(221) */
  assert_close (equity_acs_moe_sum (estimates, moes, 4), sqrt (221.0), 1e-15);
  /* a missing margin adds nothing (it is reported elsewhere) */
  assert_close (equity_acs_moe_sum (missing, (double[]) { 4, NAN }, 2), 4.0, 1e-15);
  (void) missing;

  /* ratio 100 (±10) / 200 (±20): by hand sqrt(10² + 0.5²·20²)/200 = sqrt(200)/200 */
  assert_close (equity_acs_moe_ratio (100, 10, 200, 20), sqrt (200.0) / 200.0, 1e-15);
  /* product 0.5 (±0.05) × 1000 (±100): by hand sqrt(0.5²·100² + 1000²·0.05²) = sqrt(5000) */
  assert_close (equity_acs_moe_product (0.5, 0.05, 1000, 100), sqrt (5000.0), 1e-15);

  /* CV = (MOE / 1.645) / estimate × 100; bands at 12 and 40 (by hand) */
  assert_close (equity_acs_cv (100, 16.45), 10.0, 1e-12);
  g_assert_cmpstr (equity_acs_reliability (10.0), ==, "high");
  g_assert_cmpstr (equity_acs_reliability (12.0), ==, "high");
  g_assert_cmpstr (equity_acs_reliability (12.01), ==, "medium");
  g_assert_cmpstr (equity_acs_reliability (40.0), ==, "medium");
  g_assert_cmpstr (equity_acs_reliability (40.01), ==, "low");
  g_assert_true (isnan (equity_acs_cv (0, 5)));
  g_assert_cmpstr (equity_acs_reliability (NAN), ==, "low");
}

static void
test_indices (void)
{
  double a[] = { 10, 20, 70 }, b[] = { 50, 30, 20 };
  double zeros[] = { 0, 0, 0 };
  double rates[] = { 10, 20, 30 };
  double values[] = { 3, 1, 2 }, weights[] = { 1, 1, 1 };
  double equal[] = { 5, 5, 5 };

  /* by hand: ½(|.1 − .5| + |.2 − .3| + |.7 − .2|) = ½(.4 + .1 + .5) = 0.5 */
  assert_close (equity_stats_dissimilarity (a, b, 3), 0.5, 1e-15);
  g_assert_cmpfloat (equity_stats_dissimilarity (a, a, 3), ==, 0.0);
  g_assert_true (isnan (equity_stats_dissimilarity (a, zeros, 3)));

  /* by hand: (|10 − 20| + 0 + |30 − 20|)/3 / 20 × 100 = 33.33 */
  assert_close (equity_stats_index_of_disparity (rates, 3, 20), 100.0 / 3.0, 1e-15);
  g_assert_true (isnan (equity_stats_index_of_disparity (rates, 3, 0)));

  /* by hand: 5% of dollars to firms that are 10% of those available → 50 */
  assert_close (equity_stats_disparity_index (0.05, 0.10), 50.0, 1e-15);
  g_assert_true (isnan (equity_stats_disparity_index (0.05, 0.0)));

  /* Gini of 1, 2, 3 with equal weights: Σ|xi − xj| / (2n²·mean) = 8/36 (by hand) */
  assert_close (equity_stats_gini (values, weights, 3), 8.0 / 36.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (equity_stats_gini (equal, weights, 3), 0.0, 1e-15);
}

static void
test_mean_median (void)
{
  double values[10], single = 4.0;
  EquityEstimate e;
  double sd;

  for (guint i = 0; i < 10; i++)
    values[i] = i + 1;
  /* R: t.test(1:10)$conf.int → 3.33414941033183–7.66585058966817 */
  equity_stats_mean (values, 10, 0.95, &e, &sd);
  assert_close (e.value, 5.5, 1e-15);
  assert_close (e.low, 3.33414941033183, 1e-12);
  assert_close (e.high, 7.66585058966817, 1e-12);
  assert_close (sd, sqrt (55.0 / 6.0), 1e-14);

  /* n = 10: 2·P(B ≤ 1) = 0.0215 ≤ 0.05 < 2·P(B ≤ 2) = 0.109 (R: 2 * pbinom(1:2, 10, 0.5)),
   * so the order statistics 2 and 9 */
  equity_stats_median (values, 10, 0.95, &e);
  g_assert_cmpfloat (e.value, ==, 5.5);
  g_assert_cmpfloat (e.low, ==, 2.0);
  g_assert_cmpfloat (e.high, ==, 9.0);

  /* too few values for an interval: the estimate only */
  equity_stats_median (values, 5, 0.95, &e);
  g_assert_cmpfloat (e.value, ==, 3.0);
  g_assert_true (isnan (e.low) && isnan (e.high));
  equity_stats_mean (&single, 1, 0.95, &e, NULL);
  g_assert_cmpfloat (e.value, ==, 4.0);
  g_assert_true (isnan (e.low));
  g_assert_true (equity_stats_mean (NULL, 0, 0.95, &e, NULL) & EQUITY_STATS_ZERO_DENOMINATOR);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/normal", test_normal);
  g_test_add_func ("/stats/gamma", test_gamma);
  g_test_add_func ("/stats/beta-t-binomial", test_beta_t_binomial);
  g_test_add_func ("/stats/poisson-exact", test_poisson_exact);
  g_test_add_func ("/stats/poisson-byar", test_poisson_byar);
  g_test_add_func ("/stats/rate", test_rate);
  g_test_add_func ("/stats/wilson", test_wilson);
  g_test_add_func ("/stats/rate-ratio", test_rate_ratio);
  g_test_add_func ("/stats/rate-difference", test_rate_difference);
  g_test_add_func ("/stats/ratio-to-total", test_ratio_to_total);
  g_test_add_func ("/stats/acs", test_acs);
  g_test_add_func ("/stats/indices", test_indices);
  g_test_add_func ("/stats/mean-median", test_mean_median);

  return g_test_run ();
}
