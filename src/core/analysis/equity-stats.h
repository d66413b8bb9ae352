/* equity-stats.h — the formulas: intervals, ratios, ACS margins, indices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions with no state. docs/methods.md states each formula with its
 * source; tests/core/test-stats.c checks each against an independent tool.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The ACS publishes 90% margins of error: SE = MOE / 1.645 (the Census
 * Bureau's rounded z, which its handbook uses for every derived figure). */
#define EQUITY_ACS_Z 1.645

/* What happened while computing a figure; several may be set at once. */
typedef enum
{
  EQUITY_STATS_OK               = 0,
  EQUITY_STATS_ZERO_DENOMINATOR = 1 << 0, /* population (or total) 0: the figure is NAN */
  EQUITY_STATS_ZERO_COUNT       = 1 << 1, /* a count of 0 entered the figure */
  EQUITY_STATS_EXACT            = 1 << 2, /* exact (gamma) Poisson limits, count < 10 */
  EQUITY_STATS_MID_P            = 1 << 3, /* mid-p exact ratio limits (a zero count) */
  EQUITY_STATS_UNBOUNDED        = 1 << 4, /* the upper limit is infinite: reported NAN */
  EQUITY_STATS_RATIO_FALLBACK   = 1 << 5, /* ACS proportion: ratio formula used */
  EQUITY_STATS_MISSING_MOE      = 1 << 6, /* a margin was missing: treated as exact */
  EQUITY_STATS_INVALID          = 1 << 7, /* negative or non-finite input */
} EquityStatsFlags;

/* an estimate with its interval; members that do not apply are NAN */
typedef struct
{
  double value;
  double low;
  double high;
} EquityEstimate;

/* Distributions */
double  equity_stats_normal_cdf        (double x);
/* the p-quantile of N(0,1), by inverting erfc; ±INFINITY at 0 and 1 */
double  equity_stats_normal_quantile   (double p);
/* the two-sided z for a confidence level: 0.95 → 1.959964 */
double  equity_stats_z                 (double confidence);
/* regularized incomplete gamma P(a, x) and Q(a, x) = 1 − P(a, x) */
double  equity_stats_gamma_p           (double a,
                                        double x);
double  equity_stats_gamma_q           (double a,
                                        double x);
/* x with P(a, x) = p */
double  equity_stats_gamma_quantile    (double p,
                                        double a);
double  equity_stats_chisq_quantile    (double p,
                                        double df);
/* regularized incomplete beta I_x(a, b) */
double  equity_stats_beta_inc          (double x,
                                        double a,
                                        double b);
double  equity_stats_t_cdf             (double t,
                                        double df);
double  equity_stats_t_quantile        (double p,
                                        double df);
/* P(X ≤ k) for X ~ Binomial(n, p) */
double  equity_stats_binomial_cdf      (double k,
                                        double n,
                                        double p);

/* Counts: limits for the expected count (divide by the population yourself) */
EquityStatsFlags equity_stats_poisson_exact (double          count,
                                             double          confidence,
                                             EquityEstimate *out);
EquityStatsFlags equity_stats_poisson_byar  (double          count,
                                             double          confidence,
                                             EquityEstimate *out);
/* Byar's for counts ≥ 10, exact below (PHEindicatormethods' rule) */
EquityStatsFlags equity_stats_poisson       (double          count,
                                             double          confidence,
                                             EquityEstimate *out);
/* COUNT / POPULATION × PER with the interval of equity_stats_poisson() */
EquityStatsFlags equity_stats_rate          (double          count,
                                             double          population,
                                             double          per,
                                             double          confidence,
                                             EquityEstimate *out);
/* Wilson's score interval for the proportion X / N */
EquityStatsFlags equity_stats_wilson        (double          x,
                                             double          n,
                                             double          confidence,
                                             EquityEstimate *out);

/* (A / POP_A) / (B / POP_B). Log method: SE(ln RR) = sqrt(1/a + 1/b), plus
 * (SE_P/P)² for each population that carries an ACS margin (MOE_POP_*, NAN
 * when the population is a count). With a = 0 or b = 0: mid-p exact limits
 * conditional on a + b (an infinite ratio is NAN, flagged UNBOUNDED). */
EquityStatsFlags equity_stats_rate_ratio    (double          a,
                                             double          pop_a,
                                             double          moe_pop_a,
                                             double          b,
                                             double          pop_b,
                                             double          moe_pop_b,
                                             double          confidence,
                                             EquityEstimate *out);
/* (A / POP_A − B / POP_B) × PER ± z·sqrt(a/P_a² + b/P_b²)·PER, with the
 * same delta-method terms for populations with margins */
EquityStatsFlags equity_stats_rate_difference (double          a,
                                               double          pop_a,
                                               double          moe_pop_a,
                                               double          b,
                                               double          pop_b,
                                               double          moe_pop_b,
                                               double          per,
                                               double          confidence,
                                               EquityEstimate *out);
/* A part against the whole it belongs to: (a / p) / (A / P) where a ⊂ A and
 * p ⊂ P, so the two are not independent: Var ln = 1/a − 1/A (delta method with
 * the covariance), plus the population terms from SE_POP (of p) and
 * SE_TOTAL_POP (of P, e.g. the root of the summed variances). */
EquityStatsFlags equity_stats_ratio_to_total (double          a,
                                              double          pop,
                                              double          se_pop,
                                              double          total,
                                              double          total_pop,
                                              double          se_total_pop,
                                              double          confidence,
                                              EquityEstimate *out);

/* ACS derived estimates (Census Bureau, ACS General Handbook ch. 8) */
/* sqrt(Σ MOE²) where, among estimates of 0, only the largest MOE counts */
double  equity_acs_moe_sum             (const double *estimates,
                                        const double *moes,
                                        guint         n);
/* p = X/Y: sqrt(MOE_X² − p²·MOE_Y²)/Y, the ratio formula when the radicand ≤ 0 */
double  equity_acs_moe_proportion      (double        x,
                                        double        moe_x,
                                        double        y,
                                        double        moe_y,
                                        EquityStatsFlags *flags);
double  equity_acs_moe_ratio           (double        x,
                                        double        moe_x,
                                        double        y,
                                        double        moe_y);
double  equity_acs_moe_product         (double        a,
                                        double        moe_a,
                                        double        b,
                                        double        moe_b);
/* (MOE / 1.645) / ESTIMATE × 100; NAN when the estimate is 0 */
double  equity_acs_cv                  (double        estimate,
                                        double        moe);
/* coefficient of variation (%) bands of survey estimates: high up to MEDIUM,
 * medium up to LOW, low above it */
#define EQUITY_ACS_CV_MEDIUM 12.0
#define EQUITY_ACS_CV_LOW    40.0
/* "high" (CV ≤ 12), "medium" (≤ 40), "low"; "low" for a NAN CV */
const char *equity_acs_reliability     (double        cv);
/* "high", "medium", "low" as a reader of the user's language says them */
const char *equity_stats_reliability_label (const char *reliability);

/* Indices */
/* ½ Σ |a_i/A − b_i/B|; NAN when A or B is 0 */
double  equity_stats_dissimilarity     (const double *a,
                                        const double *b,
                                        guint         n);
/* mean |r_j − r_ref| over the N rates given, / r_ref × 100 */
double  equity_stats_index_of_disparity (const double *rates,
                                         guint         n,
                                         double        reference);
/* utilization share / availability share × 100 (80 = the four-fifths line) */
double  equity_stats_disparity_index   (double        utilization,
                                        double        availability);
/* Gini of VALUES (per-capita service) weighted by WEIGHTS (population):
 * 1 − Σ w_k (L_k + L_{k−1}) over the population-weighted Lorenz curve */
double  equity_stats_gini              (const double *values,
                                        const double *weights,
                                        guint         n);

/* Outcomes */
/* mean of N values with a Student t interval (NAN interval when n < 2) */
EquityStatsFlags equity_stats_mean     (const double   *values,
                                        gsize           n,
                                        double          confidence,
                                        EquityEstimate *out,
                                        double         *sd);
/* ascending order of doubles, for g_array_sort() and qsort() before the
 * median and quantiles */
int              equity_stats_compare_doubles (gconstpointer a,
                                               gconstpointer b);
/* median of N SORTED values with the distribution-free interval between
 * the order statistics x_(j) and x_(n−j+1), j from Binomial(n, ½) */
EquityStatsFlags equity_stats_median   (const double   *sorted,
                                        gsize           n,
                                        double          confidence,
                                        EquityEstimate *out);

G_END_DECLS
